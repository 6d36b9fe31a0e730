"""Pronouns: "he"/"she" to the most recent compatible person, "it" to the most recent body."""

from __future__ import annotations

from itertools import islice

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the start-up path reads this)
if TYPE_CHECKING:
    from tui_reader.core.attribution.speakers.registry import Entity, Registry

MAX_BLOCKS_BACK = 3  # a personal pronoun refers to someone named at most this many blocks before
MAX_MENTIONS_BACK = 200  # ... and at most this many mentions before (a bound for very long paragraphs)


def resolve_pronoun(reg: Registry, word: str, b: int, i: int) -> Entity | None:
    """The entity the subject pronoun `word` at token i of block b refers to, or None."""
    g = reg.lex.pronouns.get(word)
    if g in ("m", "f"):
        return _person(reg, g, b, i)
    if g == "org":
        found = reg.last([("org",)], b, i, max_blocks=2)
        return found[1] if found else None
    return None  # "they", "I", "we": nobody the article names for sure


def _person(reg: Registry, g: str, b: int, i: int) -> Entity | None:
    """Sentence by sentence back from the pronoun; in each, the first person who can be meant
    (the subject before the objects), skipping anyone of the other gender."""
    ent = None
    group: list[Entity] = []
    fallback: Entity | None = None  # a person named only as an object, if nobody else
    key = None
    for mb, mt, mid in islice(reg.mentions_before(b, i), MAX_MENTIONS_BACK):
        if b - mb > MAX_BLOCKS_BACK:
            break
        skey = (mb, reg.sentence_of(mb, mt))
        if key is not None and skey != key and group:
            break
        key = skey
        e = reg.mention_ent[mid]
        if e.kind == "person" and e.gender in (None, g):
            if mid in reg.salient:
                group.append(e)
            elif fallback is None:
                fallback = e
    if group:
        ent = group[-1]
    elif fallback is not None:
        ent = fallback
    if ent is not None and ent.gender is None:
        ent.vote(g, 1, text=False)  # "she said" of X: X is a woman from now on
        ent.settle()
    return ent
