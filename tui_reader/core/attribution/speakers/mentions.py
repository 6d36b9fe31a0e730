"""Mentions of the article's entities in reading order, for pronouns and descriptions to look back
along: each filed in a stream per kind of entity it can answer for (a descriptor, a role class,
a body, a salient person), so that a look-back is one binary search. Attributions add mentions
as they are made, and "said the woman" leaves an unnamed speaker a pronoun may follow.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator

from tui_reader.core.attribution.speakers.entities import Entity
from tui_reader.core.attribution.speakers.nouns import CLASS_OF, CORPORATE, PUBLICATION

StreamKey = tuple
Position = tuple[int, int, int]  # (block, token, mention id)


class Mentions:
    """The mentions of an article's entities. `sentence_of(b, i)`: the index of the sentence
    token i of block b stands in."""

    def __init__(self, sentence_of: Callable[[int, int], int]) -> None:
        self.sentence_of = sentence_of
        # Mentions as (blk, tok, id) in reading order: all of them (key None), and by the kinds of
        # entity a look-back asks for (`_stream_keys`).
        self.streams: dict[StreamKey | None, list[Position]] = {}
        self.attributed: dict[StreamKey | None, list[Position]] = {}  # mentions made by attributions
        self.mention_ent: dict[int, Entity] = {}
        self.salient: set[int] = set()  # mentions that can be the antecedent of "he"/"she"
        self.speaking: set[int] = set()  # mentions made by attributions (the speaker of a quotation)
        self.unnamed_speakers: list[tuple[int, int, str]] = []  # (block, token, gender or "") of "said the woman"

    def of_place(self, ent: Entity, place: tuple[str, ...], head: str, b: int, i: int) -> Entity | None:
        """Who "the Vermont senator" is: a person described so whose party tag names that state
        ("(D-Vt.)"), else `ent` (the last one described so) unless its tag names another."""
        name = "".join(place).lower()

        def of(e: Entity) -> bool | None:  # whether e's tag names the place; None without a tag
            return any(_abbreviates(st, name) for st in e.states) if e.states else None

        key = [("descriptor", head, False)]
        found = self.last(key, b, i)
        while found is not None:
            if of(found[1]):
                return found[1]
            found = self.last(key, found[0][0], found[0][1])
        return ent if of(ent) is not False else None

    def add_mention(self, b: int, i: int, ent: Entity) -> None:
        """An attribution is a mention too: it keeps "he" pointing at the right person. These
        come in reading order, after the article's own mentions were filed: they go in streams
        of their own, so that filing one is an append, not an insertion into a long list."""
        ent.spoke = True
        self.speaking.add(len(self.mention_ent))
        self.add(b, i, len(self.mention_ent), ent, True, self.attributed)

    def add_unnamed_speaker(self, b: int, i: int, gender: str | None) -> None:
        """An attribution to someone the article does not name ("said the woman", "a cashier
        said"): a pronoun after it may be theirs. These too come in reading order."""
        insort(self.unnamed_speakers, (b, i, gender or ""))

    def unnamed_speaker_between(self, after: tuple[int, int], b: int, i: int, gender: str | None) -> bool:
        """Whether such an attribution, of a person of `gender` or of no gender the words show,
        stands after the sentence `after` (block, sentence) and before token i of block b."""
        k = bisect_left(self.unnamed_speakers, (b, i, ""))
        while k > 0:
            k -= 1
            ub, ut, ug = self.unnamed_speakers[k]
            if (ub, self.sentence_of(ub, ut)) <= after:
                return False
            if not ug or gender is None or ug == gender:
                return True
        return False

    def add(self, b: int, i: int, mid: int, ent: Entity, salient: bool,
            streams: dict[StreamKey | None, list[Position]] | None = None) -> None:
        """Record a mention, and file it in the streams of every kind of entity it can answer
        for (see `last`): each look-back is then one binary search, not a walk."""
        pos = (b, i, mid)
        self.mention_ent[mid] = ent
        if salient:
            self.salient.add(mid)
        streams = self.streams if streams is None else streams
        for key in (None, *_stream_keys(ent, salient)):
            stream = streams.setdefault(key, [])
            if stream and stream[-1] > pos:
                insort(stream, pos)
            else:
                stream.append(pos)

    def last(self, keys: Iterable[StreamKey | None], b: int, i: int,
             max_blocks: int | None = None) -> tuple[Position, Entity] | None:
        """The most recent mention before (b, i) in any of the streams `keys`, and its entity;
        None when there is none (or it is more than `max_blocks` blocks back)."""
        best: Position | None = None
        for key in keys:
            for streams in (self.streams, self.attributed):
                stream = streams.get(key)
                if not stream:
                    continue
                k = bisect_left(stream, (b, i, -1)) - 1
                if k >= 0 and (best is None or stream[k] > best):
                    best = stream[k]
        if best is None or (max_blocks is not None and b - best[0] > max_blocks):
            return None
        return best, self.mention_ent[best[2]]

    def mentions_before(self, b: int, i: int) -> Iterator[Position]:
        """Every mention before (b, i), the most recent first."""
        a, c = self.streams.get(None, []), self.attributed.get(None, [])
        ka, kc = bisect_left(a, (b, i, -1)) - 1, bisect_left(c, (b, i, -1)) - 1
        while ka >= 0 or kc >= 0:
            if kc < 0 or (ka >= 0 and a[ka] > c[kc]):
                yield a[ka]
                ka -= 1
            else:
                yield c[kc]
                kc -= 1

    @property
    def positions(self) -> list[Position]:
        """Every mention as (block, token, id), in reading order."""
        return sorted(self.streams.get(None, []) + self.attributed.get(None, []))


def _stream_keys(ent: Entity, salient: bool) -> list[StreamKey]:
    """The streams a mention of `ent` goes in: its descriptors and their role classes (by
    whether it is a body), bodies, companies, and salient persons and named bodies."""
    org = ent.kind == "org"
    keys: list[StreamKey] = [("descriptor", d, org) for d in ent.descriptors]
    keys += [("class", c, org) for c in {c for d in ent.descriptors for c in CLASS_OF.get(d, ())}]
    if org:
        keys.append(("org",))
        if any(w.lower().rstrip(".") in CORPORATE for w in ent.name):
            keys.append(("company",))
        if ent.name and ent.name[-1].lower().rstrip(".") in PUBLICATION:
            keys.append(("publication",))
        if salient and len(ent.name) > 1:
            keys.append(("named body", "salient"))
    elif ent.kind == "person" and salient:
        keys.append(("person", "salient"))
    return keys


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` ("vt", "wis", "calif") abbreviates `full` ("vermont"): same first letter,
    the rest in order."""
    if not short or not full or short[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(c in rest for c in short[1:])
