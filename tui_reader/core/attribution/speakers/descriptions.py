"""Definite descriptions: "the analyst", "the senator", "the company" refer back to the most
recent entity the article described that way ("military expert X", "X, the head of the
Senate's committee", "Acme Inc.")."""

from __future__ import annotations

from collections.abc import Sequence

from tui_reader.core.attribution.speakers.nouns import CLASS_OF, ORG_NOUNS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the start-up path reads this)
if TYPE_CHECKING:
    from tui_reader.core.attribution.speakers.entities import Entity
    from tui_reader.core.attribution.speakers.registry import Registry


def match_description(reg: Registry, words: Sequence[str], b: int, i: int) -> Entity | None:
    """The entity the description `words` (head last) at token i of block b refers to, or None."""
    if not words:
        return None
    head = words[-1]
    if head not in CLASS_OF and not reg.known_descriptor(head):
        return None
    classes = CLASS_OF.get(head, set())
    org = head in ORG_NOUNS
    # described exactly so, else as the same kind of person or body ("the analyst" ~ "expert")
    found = reg.last([("descriptor", head, org), ("descriptor", " ".join(words), org)], b, i)
    if found is not None and not org and reg.introduced(head, found[0][:2], b, i):
        return None  # "Jo Al, an analyst, … . One analyst said … . “…,” the analyst said": the unnamed one
    if found is None and classes:
        found = reg.last([("class", c, org) for c in classes], b, i)
        if found is not None and not org and reg.introduced(head, (-1, -1), b, i):
            return None  # "A Mexican official said … . Foreign Secretary Ana Ruiz … . The official said"
    if found is None and org and classes & CLASS_OF["company"]:
        # "the company": the most recent body named as a company ("Acme Inc."), else a body
        # named in this paragraph or the one before
        found = reg.last([("company",)], b, i, max_blocks=8) or reg.last([("named body", "salient")], b, i, 1)
    if found is None and org and classes & CLASS_OF["newspaper"]:
        found = reg.last([("publication",)], b, i, max_blocks=8)  # "the newspaper wrote": "… Journal"
    if found is None:
        return None
    ent = found[1]
    if len(words) > 1 and ent.abbreviated and " ".join(words) not in ent.descriptors and not any(
        d == head or CLASS_OF.get(d, set()) & classes for d in ent.descriptors - ent.abbreviated
    ):
        return None  # "the airline representative" is no "Rep. Jim Jordan": a role of its own
    return ent
