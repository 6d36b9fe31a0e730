"""The registry of the people and bodies an article names.

Capitalized name chains are split into titles ("NATO Secretary General") and the name proper
("Jens Stoltenberg"), with descriptors gathered from how the article introduces them ("military
expert Alexander Perendzhiyev", "Konstantin Kosachev, the head of the Russian Senate's ...
Committee", "ride-hailing company Uber"), a gender when the article shows one (honorifics,
gendered titles, the pronoun that follows a first mention), and the fullest form of each name.
Mentions are kept in reading order for pronouns and descriptions to look back along.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from tui_reader.core.attribution.speakers.chains import MAX_CHAIN, Chain, casing_of, chains_in
from tui_reader.core.attribution.speakers.descriptions import match_description
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.nouns import (
    CLASS_OF,
    CORPORATE,
    PREPOSITIONS,
    person_noun,
)
from tui_reader.core.attribution.speakers.tokens import (
    SENT_END,
    Tok,
    name_key,
    possessive,
    sentence_start,
    strip_possessive,
    title_case,
    tokenize,
)
from tui_reader.core.census import known, sex_of
from tui_reader.core.names import PARTICLES

# Prepositions after which a name is a place's or an event's, not a person's.
PLACE_PREPOSITIONS = frozenset("in at across throughout inside outside near".split())
# Words in a person's name at most ("Te Kaurinui Robert Parata", "Patrick W. Carlineo Jr."): a
# longer run of capitalized words is a title-case headline, not somebody.
MAX_PERSON_NAME = 5


@dataclass(eq=False)
class Entity:
    name: tuple[str, ...]  # fullest form, tokens
    kind: str = "unknown"  # "person" | "org" | "unknown"
    descriptors: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)  # gender evidence
    gender: str | None = None
    spoke: bool = False  # an attribution named it (the subject of a reporting verb)
    abbreviated: set[str] = field(default_factory=set)  # roles read from an abbreviated title ("Rep.")
    states: set[str] = field(default_factory=set)  # of a party tag, lowercase: "vt" of "(D-Vt.)"

    @property
    def display(self) -> str:
        return " ".join(self.name)

    def vote(self, g: str, weight: int = 1, text: bool = True) -> None:
        self.votes[g] = self.votes.get(g, 0) + weight
        if text:
            self.votes["text"] = 1

    def settle(self) -> None:
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        self.gender = "m" if m > f else "f" if f > m else None


class Registry:
    """The article's blocks as tokens, its names and their mentions. `texts[i]` is block i's text
    with quotations masked; `kinds[i]` its block kind; `lex` the article's lexicon."""

    def __init__(self, texts: Sequence[str], kinds: Sequence[str], lex: Lexicon) -> None:
        self.texts = list(texts)
        self.kinds = list(kinds)
        self.lex = lex
        self.toks = [tokenize(t) for t in self.texts]
        for b, toks in enumerate(self.toks):
            if self.kinds[b] == "paragraph" and title_case(toks):
                self.kinds[b] = "heading"  # a plain-text article's headline line
        self.casing = casing_of(self.toks, self.kinds)
        self.chains: list[list[Chain]] = []
        self.entities: dict[tuple[str, ...], Entity] = {}
        self._by_ending: dict[tuple[str, ...], Entity | None] = {}  # see `_index_names`
        self._by_start: dict[tuple[str, ...], Entity | None] = {}
        self._by_middle: dict[tuple[str, ...], Entity | None] = {}
        self.chain_at: list[dict[int, Chain]] = []  # token index -> chain covering it
        # Mentions as (blk, tok, id) in reading order: all of them (key None), and by the kinds of
        # entity a look-back asks for (`_stream_keys`).
        self.streams: dict[StreamKey | None, list[Position]] = {}
        self.attributed: dict[StreamKey | None, list[Position]] = {}  # mentions made by attributions
        self.mention_ent: dict[int, Entity] = {}
        self.salient: set[int] = set()  # mentions that can be the antecedent of "he"/"she"
        self.speaking: set[int] = set()  # mentions made by attributions (the speaker of a quotation)
        self._ends: dict[int, list[int]] = {}
        self._descriptors: set[str] | None = None
        self._introductions: dict[str, list[tuple[int, int]]] | None = None
        self.unnamed_speakers: list[tuple[int, int, str]] = []  # (block, token, gender or "") of "said the woman"
        self._build()

    # ---- names -----------------------------------------------------------------------------

    # ---- entities --------------------------------------------------------------------------

    def _build(self) -> None:
        all_chains: list[Chain] = []
        for b in range(len(self.toks)):
            cs = chains_in(self.toks[b], b, self.lex, self.casing) if self.kinds[b] != "heading" else []
            self.chains.append(cs)
            self.chain_at.append({k: c for c in cs for k in range(c.first, c.last + 1)})
            all_chains.extend(cs)
        # Full names: multi-token cores that read as people; not those the article writes after
        # "in" or "at" ("in New Hampshire", "at last month's Democratic National Convention"),
        # unless a title, an honorific or a given name says it is someone ("in Donald Trump").
        # A possessive is someone's ("at Volodymyr Zelensky's side"), and so is a name the article
        # makes the subject of a reporting verb anywhere ("Zelensky said").
        placed = {ch.core for ch in all_chains
                  if not ch.possessive and self.after_preposition(ch.blk, ch.first, PLACE_PREPOSITIONS)}
        placed -= self._reporting(all_chains)
        for ch in all_chains:
            person = not ch.org and not ch.org_hint and len(ch.core) >= 2 and not (
                # "The Dragon Waiting", "the New Yorker": a name after an article is a thing's
                ch.first > 0 and self.toks[ch.blk][ch.first - 1].low in ("the", "a", "an") and not ch.titles
                and ch.gender is None
            ) and (ch.gender is not None or bool(ch.titles) or known(ch.core[0]) or ch.core not in placed)
            if person and len(ch.core) <= MAX_PERSON_NAME:
                ent = self.entities.setdefault(ch.core, Entity(ch.core))
                ent.kind = "person"
        self._index_names()
        for ch in all_chains:
            self._take_particle(ch)
        for ch in all_chains:
            if not ch.core and len(ch.titles) == 1 and ch.first == ch.last:
                # "Doctor says": a title word that is also someone's surname
                word = self.toks[ch.blk][ch.first].text
                if self.fullest((strip_possessive(word),)) is not None:
                    ch.core, ch.titles = (strip_possessive(word),), []
            if not ch.core:
                continue
            ch.entity = self._entity_for(ch)
            ent = ch.entity
            ent.descriptors |= ch.descriptors
            ent.abbreviated |= ch.abbreviated
            ent.states |= ch.states
            if ch.gender:
                ent.vote(ch.gender, 3)
            if ent.kind == "unknown":
                if ch.org or ch.org_hint:
                    ent.kind = "org"
                elif ch.gender or ch.titles:
                    ent.kind = "person"
        self._expand_acronyms()
        self._collect_mentions()
        for ent in set(self.entities.values()):
            ent.settle()

    def _reporting(self, chains: list[Chain]) -> set[tuple[str, ...]]:
        """Names (and every name ending with one) that some chain makes report something: a
        reporting verb right after it ("Zelensky said") or right before it after a comma or a
        quotation ("…," said Olaf Scholz)."""
        found = set()
        for ch in chains:
            toks = self.toks[ch.blk]
            nxt = toks[ch.last + 1] if ch.last + 1 < len(toks) else None
            before = toks[ch.first - 1] if ch.first > 0 else None
            if ch.core and ((nxt is not None and nxt.low in self.lex.verbs) or (
                    before is not None and before.low in self.lex.verbs and ch.first > 1
                    and toks[ch.first - 2].kind != "w")):
                found.add(name_key(ch.core))
        return {ch.core for ch in chains if any(name_key(ch.core[k:]) in found for k in range(len(ch.core)))}

    def _take_particle(self, ch: Chain) -> None:
        """"de Blasio said", "De Blasio said": a name's particle before a chain, where the article
        names someone whose name ends so ("Bill de Blasio"), belongs to it."""
        toks = self.toks[ch.blk]
        k = ch.first - 1
        if k < 0 or ch.titles or not ch.core or toks[k].low not in PARTICLES:
            return
        if not toks[k].text.islower() and not sentence_start(toks, k):
            return  # capitalized only where a sentence starts: "De Blasio said"
        if toks[ch.first].start - toks[k].end > 1:
            return
        key = (toks[k].text.lower() if toks[k].text.islower() else toks[k].text, *ch.core)
        ent = self.fullest(key)
        if ent is not None and len(ent.name) > len(key):
            ch.first, ch.core = k, key
            self.chain_at[ch.blk][k] = ch

    def _expand_acronyms(self) -> None:
        """"DEA" is the "Drug Enforcement Administration" when the article spells it out."""
        initials: dict[str, Entity] = {}
        for ent in self.entities.values():
            words = [w for w in ent.name if w.lower() not in ("of", "the", "and", "for", "&")]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                initials.setdefault("".join(w[0] for w in words).upper(), ent)
        for ent in list(self.entities.values()):
            if len(ent.name) == 1 and ent.name[0].isupper() and 2 <= len(ent.name[0]) <= 6:
                full = initials.get(ent.name[0].replace(".", ""))
                if full is not None and full is not ent:
                    ent.name = full.name
                    ent.kind = "org"

    def _entity_for(self, ch: Chain) -> Entity:
        core = ch.core
        if core in self.entities and self.entities[core].kind == "person" and len(core) >= 2:
            return self.fullest(core) or self.entities[core]
        full = self.fullest(core)
        if full is not None and not ch.org:
            return full
        # the name two people end with ("Woods" of Dorothy and Ty Woods) is somebody's: a person,
        # the one of them an honorific tells ("Mrs. Clinton" of Bill and Hillary Clinton)
        shared = not ch.org and self._by_ending.get(name_key(core), _NOBODY) is None
        if shared and ch.gender:
            key = name_key(core)
            sexes = [e for e in self.entities.values() if e.kind == "person" and name_key(e.name)[-len(key):] == key
                     and len(e.name) > len(core) and sex_of(e.name[0]) == ch.gender]
            if len(sexes) == 1:
                return sexes[0]
        kind = "org" if ch.org or ch.org_hint else "person" if shared else "unknown"
        return self.entities.setdefault(core, Entity(core, kind))

    def sharing(self, core: tuple[str, ...]) -> list[Entity]:
        """The people with a longer name that ends with `core` ("Bill Clinton", "Hillary Clinton"
        for "Clinton")."""
        key = name_key(core)
        return [e for e in set(self.entities.values()) if e.kind == "person" and len(e.name) > len(core)
                and name_key(e.name)[-len(key):] == key]

    def fullest(self, core: tuple[str, ...]) -> Entity | None:
        """The unique person whose fullest name ends with `core`, or starts with it when it is
        no other name's ending ("Elise" for "Elise Matthesen", "Te Kaurinui" for "Te Kaurinui
        Robert Parata"); None when none or ambiguous. Dictionary look-ups: `_index_names` filed
        every ending and every beginning of every name."""
        key = name_key(core)
        found = self._by_ending.get(key, _NOBODY)
        if found is None:
            return None  # two people share this ending
        if found is _NOBODY or name_key(found.name) == key:
            longer = self._by_start.get(key)  # the one longer name that starts like this
            if longer is not None and (found is _NOBODY or len(key) > 1):
                return longer
        if found is _NOBODY and key not in self._by_start:
            return self._by_middle.get(key)  # "Basáñez" for "Miguel Basáñez Ebergenyi"
        return None if found is _NOBODY else found

    def _index_names(self) -> None:
        """For each ending of a person's name ("Stoltenberg", "Jens Stoltenberg"), the person
        with the longest such name when every other such name is an ending of it (None when two
        people share it: "Hori Parata" and "Te Kaurinui Robert Parata"); for each beginning, the
        person when all longer names that begin so are one name."""
        best: dict[tuple[str, ...], tuple[int, tuple[str, ...], Entity | None]] = {}
        starts: dict[tuple[str, ...], tuple[set[tuple[str, ...]], int, Entity | None]] = {}
        for ent in self.entities.values():
            if ent.kind != "person":
                continue
            key = name_key(ent.name)
            size = len(ent.name)
            for n in range(1, len(key) + 1):
                have = best.get(key[-n:])
                if have is None:
                    best[key[-n:]] = (size, key, ent)
                elif size > have[0]:  # the longer name wins only when it goes on the shorter one
                    goes_on = key[-len(have[1]):] == have[1] and key != have[1]  # not the son: "… Jr."
                    best[key[-n:]] = (size, key, ent if have[2] and goes_on else None)
                elif size < have[0]:
                    if have[1][-len(key):] != key or have[1] == key:
                        best[key[-n:]] = (have[0], have[1], None)  # "Hori Parata" / "Te Kaurinui Robert Parata"
                elif have[2] is not ent:
                    best[key[-n:]] = (size, key, None)
            for n in range(1, max(2, len(key))):
                keys, top, who = starts.get(key[:n], (set(), 0, None))
                keys.add(key)
                if size > top:
                    top, who = size, ent
                elif size == top and who is not ent:
                    who = None
                starts[key[:n]] = (keys, top, who)
        self._by_ending = {k: ent for k, (_, _, ent) in best.items()}
        self._by_start = {k: who for k, (keys, _, who) in starts.items() if len(keys) == 1}
        # The middle of three names, where two surnames follow a given name ("Miguel Basáñez
        # Ebergenyi", "Claudia Ruiz Massieu"): the first surname alone is the person's too.
        middles: dict[tuple[str, ...], Entity | None] = {}
        for ent in self.entities.values():
            key = name_key(ent.name)
            if ent.kind == "person" and len(key) == 3 and len(key[1]) > 1 and key[1] not in PARTICLES:
                middles[key[1:2]] = ent if middles.get(key[1:2], ent) is ent else None
        self._by_middle = middles

    # ---- mentions --------------------------------------------------------------------------

    def _collect_mentions(self) -> None:
        """Reading-order mentions of entities in the narrative (not captions or headings), and
        gender evidence from the pronoun that follows a person's mention."""
        lex = self.lex
        mid = 0
        for b, toks in enumerate(self.toks):
            if self.kinds[b] in ("figure", "heading", "preformatted"):
                continue
            chains = {c.first: c for c in self.chains[b] if c.entity is not None}
            last_person: Entity | None = None
            persons_in_sentence: set[int] = set()
            sentences_since = 0
            for i, t in enumerate(toks):
                if i in chains:
                    ch = chains[i]
                    ent = ch.entity
                    self._mention(b, i, mid, ent, not ch.possessive and not self.after_preposition(b, i)
                                  and not self._object_of_verb(toks, i))
                    mid += 1
                    if ent.kind == "person" and not ch.possessive:
                        if last_person is not None and last_person is not ent and sentences_since == 0:
                            persons_in_sentence.add(id(last_person))
                        last_person = ent
                        persons_in_sentence.add(id(ent))
                        sentences_since = 0
                elif t.kind == "p" and t.text in SENT_END:
                    sentences_since += 1
                    if sentences_since > 1:
                        last_person = None
                    persons_in_sentence = {id(last_person)} if last_person else set()
                elif t.kind == "w" and t.low in lex.gender_words and last_person is not None:
                    if len(persons_in_sentence) <= 1:
                        last_person.vote(lex.gender_words[t.low])
                    last_person = None  # one vote per mention
                elif t.kind == "w" and t.low in lex.definite and i + 1 < len(toks):
                    titled = self.chain_at[b].get(i + 1)  # "the Wisconsin Republican", "the Vermont senator"
                    if titled is None:
                        words = self.desc_words(toks, i + 1)
                    elif not titled.core:
                        words = titled.titles
                    else:  # a place's or a body's name before the role: "the Vermont senator"
                        person = titled.entity is not None and titled.entity.kind == "person"
                        words = [] if person or possessive(toks[titled.last]) else self.desc_words(toks, titled.last + 1)
                    ent = match_description(self, words, b, i)
                    if ent is not None and titled is not None and titled.core and words:
                        ent = self.of_place(ent, titled.core, words[-1], b, i)
                    if ent is not None:
                        # the object of a preposition or a participle is no subject: "representing the senator"
                        self._mention(b, i, mid, ent, not self.after_preposition(b, i)
                                      and not (i > 0 and toks[i - 1].kind == "w" and self._links(toks, i - 1)))
                        mid += 1

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
        self._mention(b, i, len(self.mention_ent), ent, True, self.attributed)

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

    def _mention(self, b: int, i: int, mid: int, ent: Entity, salient: bool,
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

    def _object_of_verb(self, toks: list[Tok], i: int) -> bool:
        """A name right after a verb whose subject pronoun stands before it: "he said Ryan",
        "she told Hewitt" (the object, not who the next "he" is)."""
        lex = self.lex
        return i >= 2 and toks[i - 1].kind == "w" and (toks[i - 1].low in lex.verbs or toks[i - 1].low in lex.object_verbs) \
            and toks[i - 2].low in lex.pronouns

    def owner_named(self, b: int, lo: int, comma: int) -> bool:
        """Whether the words from token lo to a comma end with a person they link to ("a
        spokesman for the governor,", "the wife of the senator,", "the lawyer representing the
        singer,", "a lawyer who represents the singer,"): a name set off after that comma is that
        person's, not the description's. Unless the article named that person before as someone
        else ("Sen. Bob Menendez … A lawyer representing the senator, Abbe Lowell,"): then the name
        is the description's."""
        toks = self.toks[b]
        m = comma - 1
        if m - 2 < lo or toks[m].kind != "w" or not toks[m].text[0].islower() or not person_noun(toks[m].low):
            return False
        k = m - 1
        while k > lo and toks[k].kind == "w" and toks[k].text[0].islower() and not self._links(toks, k):
            k -= 1  # "for the former governor,", "of the city's mayor,"
        if not (k > lo and self._links(toks, k) and toks[k + 1].low in self.lex.determiners):
            return False
        owner = match_description(self, [strip_possessive(toks[m].low)], b, lo)
        named = self.chain_at[b].get(comma + 1)
        return owner is None or named is None or named.entity is None or named.entity is owner

    def _links(self, toks: list[Tok], k: int) -> bool:
        """Whether token k links a description to the person it is about: a preposition ("for"),
        a participle ("representing") or a verb after "who"/"that" ("who represents")."""
        low = toks[k].low
        return low in PREPOSITIONS or (len(low) > 5 and low.endswith("ing")) or (
            k > 0 and toks[k - 1].low in ("who", "that") and low not in self.lex.auxiliaries
        )

    def after_preposition(self, b: int, i: int, which: frozenset[str] | None = None) -> bool:
        """Whether the phrase at token i is the object of a preposition ("in NASA's Science
        Mission Directorate", "at the Aberdeen Royal Infirmary"); of one of `which` if given."""
        toks = self.toks[b]
        lex = self.lex
        k = i - 1
        while k >= 0 and i - k <= MAX_CHAIN and toks[k].kind == "w":
            low = toks[k].low
            if low in PREPOSITIONS and low not in ("after", "before", "since", "until"):
                return which is None or low in which
            if low == "as":  # "known as X," but not "as X put it"; never a place's ("as Patti Davis, …")
                if which is not None:
                    return False
                ch = self.chain_at[b].get(i)
                nxt = toks[ch.last + 1] if ch is not None and ch.last + 1 < len(toks) else None
                return nxt is None or nxt.kind != "w"
            ch = self.chain_at[b].get(k)
            if ch is not None and ch.possessive:
                k = ch.first - 1
                continue
            if possessive(toks[k]) and toks[k].text[0].islower():
                # "at last month's", "in the city's": on to the preposition before it
                p = next((p for p in (k - 1, k - 2) if p >= 0 and toks[p].low in PREPOSITIONS), None)
                if p is not None:
                    k = p
                    continue
            if low in lex.determiners or low.isdigit() or (toks[k].text[0].islower() and low not in lex.function_words
                                          and low not in lex.verbs and low not in lex.auxiliaries and i - k < 4
                                          and which is None):  # a place's never crosses words: "At a news conference Olaf Scholz"
                k -= 1
                continue
            return False
        return False

    def desc_words(self, toks: list[Tok], i: int) -> list[str]:
        """The lowercase words of a description starting at token i: "military analyst"."""
        lex = self.lex
        words = []
        while i < len(toks) and toks[i].kind == "w" and toks[i].text[0].islower() and len(words) < 4:
            low = toks[i].low
            if low in lex.verbs or low in lex.auxiliaries or low in PREPOSITIONS or low in lex.function_words:
                break
            words.append(strip_possessive(low))
            if possessive(toks[i]):
                break
            i += 1
        return words

    def introduced(self, head: str, after: tuple[int, int], b: int, i: int) -> bool:
        """Whether the article introduces someone unnamed by the noun `head` ("a Mexican official
        who was not authorized", "one legal expert") after position `after` (block, token) and
        before token i of block b; not as a name's appositive ("Jo Al, an analyst,") or a
        predicate ("is an analyst"), nor before a name ("an aide, Jo Al,")."""
        if self._introductions is None:
            found: set[tuple[int, int]] = set()
            for bb, toks in enumerate(self.toks):
                if self.kinds[bb] in ("figure", "heading"):
                    continue
                for d, t in enumerate(toks):  # the nouns up to four words after "a", "one", …
                    if t.low in INTRODUCING:
                        for k in range(d + 1, min(d + 5, len(toks))):
                            if toks[k].kind != "w":
                                break
                            if toks[k].text[0].islower() and (bb, k) not in found and self._introduces(bb, k):
                                found.add((bb, k))
            self._introductions = {}
            for bb, k in sorted(found):
                self._introductions.setdefault(strip_possessive(self.toks[bb][k].low), []).append((bb, k))
        found = self._introductions.get(head, ())
        k = bisect_left(found, (b, i))
        return k > 0 and found[k - 1] > after

    def _introduces(self, b: int, k: int) -> bool:
        toks = self.toks[b]
        for m in range(k - 1, max(-1, k - 5), -1):
            if toks[m].kind != "w":
                return False
            if toks[m].low in INTRODUCING:
                before = toks[m - 1] if m > 0 else None
                if before is not None and (before.low in self.lex.auxiliaries or before.low == "as" or (
                        before.text == "," and m - 2 in self.chain_at[b])):
                    return False  # "is an analyst", "as an adviser", "Jo Al, an analyst,"
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                return not (nxt is not None and (k + 1 in self.chain_at[b] or self._noun_goes_on(nxt) or (
                    nxt.text == "," and k + 2 in self.chain_at[b])))
        return False

    def _noun_goes_on(self, nxt: Tok) -> bool:
        """Whether the word after a role noun is the head its noun modifies ("an official
        statement", "an analyst note"): a lowercase content word, not a verb, a participle or
        an adjective that goes on describing the person ("an official who", "said", "speaking",
        "briefed", "familiar with")."""
        low = nxt.low
        lex = self.lex
        return (nxt.kind == "w" and nxt.text[0].islower() and low not in lex.function_words
                and low not in PREPOSITIONS and low not in lex.auxiliaries and low not in lex.verbs
                and not low.endswith(("ed", "ing")) and low not in _POSTNOMINAL)

    def known_descriptor(self, head: str) -> bool:
        if self._descriptors is None:
            self._descriptors = {d for e in self.entities.values() for d in e.descriptors}
        return head in self._descriptors

    @property
    def mentions(self) -> list[Position]:
        """Every mention as (block, token, id), in reading order."""
        return sorted(self.streams.get(None, []) + self.attributed.get(None, []))

    # ---- sentences -------------------------------------------------------------------------

    def _sentence_ends(self, b: int) -> list[int]:
        ends = self._ends.get(b)
        if ends is None:
            ends = self._ends[b] = [k for k, t in enumerate(self.toks[b]) if t.kind == "p" and t.text in SENT_END]
        return ends

    def sentence_of(self, b: int, i: int) -> int:
        return bisect_left(self._sentence_ends(b), i)

    def sentence_bounds(self, b: int, i: int) -> tuple[int, int]:
        """Token range [lo, hi) of the sentence around token i (hi is its closing punctuation)."""
        ends = self._sentence_ends(b)
        k = bisect_left(ends, i)
        lo = ends[k - 1] + 1 if k > 0 else 0
        hi = ends[k] if k < len(ends) else len(self.toks[b])
        return lo, hi


# Words that introduce someone the article does not name: "a woman", "one mother", "another aide".
INTRODUCING = frozenset("a an one another".split())
# Adjectives that follow the person they describe: "an official familiar with the talks".
_POSTNOMINAL = frozenset("familiar close aware knowledgeable present responsible able".split())
StreamKey = tuple
_NOBODY = Entity(())  # "no such name" in the name index (None there means "ambiguous")
Position = tuple[int, int, int]  # (block, token, mention id)


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
