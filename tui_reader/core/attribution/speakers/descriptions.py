"""Definite descriptions: "the analyst", "the senator", "the company" refer back to the most
recent entity the article described that way ("military expert X", "X, the head of the
Senate's committee", "Acme Inc.")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui_reader.core.attribution.speakers.nouns import CLASS_OF, CORPORATE, ORG_NOUNS

if TYPE_CHECKING:
    from tui_reader.core.attribution.speakers.registry import Entity, Registry


def match_description(reg: Registry, words: Sequence[str], b: int, i: int) -> Entity | None:
    """The entity the description `words` (head last) at token i of block b refers to, or None."""
    if not words:
        return None
    head = words[-1]
    if head not in CLASS_OF and not reg.known_descriptor(head):
        return None
    classes = CLASS_OF.get(head, set())
    phrase = " ".join(words)

    def exact(e: Entity) -> bool:
        return head in e.descriptors or phrase in e.descriptors

    def related(e: Entity) -> bool:
        return any(CLASS_OF.get(d, set()) & classes for d in e.descriptors)

    wants_org = head in ORG_NOUNS
    ent = reg.recent(b, i, lambda e: exact(e) and (e.kind == "org") == wants_org)
    if ent is None and classes:
        ent = reg.recent(b, i, lambda e: related(e) and (e.kind == "org") == wants_org)
    if ent is None and wants_org and classes & CLASS_OF["company"]:
        # "the company": the most recent body named as a company ("Acme Inc."), else a body
        # named in this paragraph or the one before
        ent = reg.recent(
            b, i, lambda e: e.kind == "org" and any(w.lower().rstrip(".") in CORPORATE for w in e.name), 8
        )
        if ent is None:
            found = reg.recent_at(b, i, lambda e: e.kind == "org" and len(e.name) > 1, 1, salient=True)
            ent = found[1] if found else None
    return ent
