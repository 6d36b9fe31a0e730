"""From the subject as written (`Ref`) to who it is (`Entity`): a name to its fullest form, a
pronoun to the person it refers to, a description to the entity described, a spokesperson to
the body they speak for, a document to whoever issued it. Anything uncertain stays None: a wrong
name is worse than none."""

from __future__ import annotations

from itertools import takewhile

from tui_reader.core.attribution.speakers.chains import owned_role
from tui_reader.core.attribution.speakers.descriptions import match_description
from tui_reader.core.attribution.speakers.entities import Entity
from tui_reader.core.attribution.speakers.nouns import (
    CLASS_OF,
    DOCUMENTS,
    GENDERED,
    ORG_NOUNS,
    SPEECH,
    SPOKES,
    TITLES,
    person_noun,
)
from tui_reader.core.attribution.speakers.phrases import Ref, cue_at, document_issuer, subject_of
from tui_reader.core.attribution.speakers.pronouns import resolve_pronoun, topic_person
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.tokens import strip_possessive
from tui_reader.core.census import sex_of

# Documents the one a possessive names wrote ("Ivana Trump's brief"), unlike those written about them
# ("Berg's indictment", "his arrest affidavit", "her ruling" is a judge's only when she is one).
AUTHORED = frozenset("""statement letter post tweet email e-mail memo note message brief submission motion testimony
column op-ed blog announcement release press-release petition lawsuit filing""".split())
KIN_AGE = frozenset("younger elder older".split())  # "the younger Mr. Trump"
DOCUMENT_BLOCKS_BACK = 5  # "the statement said" looks this many blocks back for the statement


def resolve(reg: Registry, ref: Ref | None) -> str | None:
    """The display name of whoever `ref` is, or None; a resolved attribution counts as a mention."""
    ent = resolve_entity(reg, ref)
    if ent is None and ref is not None and ref.kind == "desc" and ref.complement is None and person_noun(ref.head):
        reg.add_unnamed_speaker(ref.blk, ref.tok, GENDERED.get(ref.head))  # "said the woman"
    if ent is None or ref is None:
        return None
    reg.add_mention(ref.blk, ref.tok, ent)
    return ent.display


def resolve_entity(reg: Registry, ref: Ref | None, depth: int = 0) -> Entity | None:
    if ref is None:
        return None
    b, i = ref.blk, ref.tok
    if ref.kind == "body":
        key = tuple(ref.text.split())
        return reg.entities.setdefault(key, Entity(key, "org"))
    if ref.kind == "name":
        ch = ref.chain
        if ch is not None and ch.first > 0 and reg.toks[b][ch.first - 1].low in KIN_AGE:
            return None  # "the younger Mr. Trump": one of a family, not the one the name alone means
        if ch is not None and ch.entity is not None:
            return _one_of_family(reg, ch.entity, b, i, ch.gender, honorific=ch.gender is not None) or ch.entity
        if ch is not None and ch.titles:  # "the President said": a description
            return match_description(reg, ch.titles, b, i)
        return None
    if ref.kind == "pron":
        sex = reg.lex.pronouns.get(ref.words[0])
        doc = _document_before(reg, b, i) if sex == "org" else None
        if doc is not None:  # "Bujnowski wrote in the affidavit. It continued:": the affidavit
            return _document_author(reg, doc, b, i) if depth == 0 else None
        if sex == "org" and i + 1 < len(reg.toks[b]) and reg.toks[b][i + 1].low in _READS:
            return None  # "“…,” it read": a letter's or a sign's words, not whichever body the article named last
        ent = resolve_pronoun(reg, ref.words[0], b, i)
        # "he said" after "Trump …" where Donald and Ivanka Trump are named: the one "Trump" means
        return (_one_of_family(reg, ent, b, i, sex if sex in ("m", "f") else None) or ent) if ent is not None else None
    if ref.kind == "desc":
        if ref.head in reg.lex.indefinite:
            return None  # "someone pointed out": nobody the article names, whatever it called "someone" before
        if ref.complement is not None and (ref.head in SPOKES or ref.head in SPEECH):
            named = _spokesman_named(reg, ref) if ref.head in SPOKES else None
            return named or ref.complement.entity
        if ref.head in DOCUMENTS and depth == 0:
            owner = reg.chain_at[b].get(ref.tok)
            if (owner is not None and owner.possessive and owner.entity is not None and owner.last < ref.end - 1
                    and ref.head in AUTHORED and not _reported(reg, b, ref.tok)):
                return owner.entity  # "Ivana Trump's brief said": hers; not in "Ana Ruiz said Tom Berg's letter meant"
            issuer = reg.chain_at[b].get(ref.end - 2)
            if (issuer is not None and issuer.last == ref.end - 2 and issuer.entity is not None
                    and issuer.entity.kind == "org" and not _reported(reg, b, ref.tok)):
                return issuer.entity  # "the IMF report stated": the IMF's
            return _document_author(reg, ref.head, b, i)
        owner = _possessor(reg, ref)
        definite = ref.det in reg.lex.definite
        if definite or (not ref.det and ref.head and reg.known_descriptor(ref.head)):
            found = match_description(reg, ref.words, b, i)
            place = _place_in(reg, ref)
            if found is not None and place is not None:
                found = reg.of_place(found, place, ref.head, b, i)  # "the Vermont senator"
            if (found is None and definite and ref.head not in SPOKES and _unknown_role(reg, ref.head, b, i)
                    and not reg.introduced(ref.head, (-1, -1), b, i)):  # not "a Texas tycoon who asked not to be named"
                found = topic_person(reg, ref.head, b, i)  # "Ginsburg regrets … . The justice said"
                if found is not None and (_other_role(found, ref.head) or _other_sex(found, ref.head)
                                          or _plural_before(reg, ref.head, b, i)):
                    # "Manafort, the campaign chairman, …, said the candidate": not him; "Ann Lee sued Tom Berg.
                    # … the businessman said": not her; "… met with local businessmen. … the businessman said"
                    found = None
            # "Obama's strategist" is not Obama, nor whoever else the article called a strategist: "Ann Lee,
            # a lawyer, sued Tom Berg. … Berg's lawyer said" is his lawyer, not her; unless the article gave
            # that person this very role ("Mark Chen, Berg's lawyer, …")
            if owner is not None and not (found is not None and ref.head
                                          and any(owned_role(w, ref.head) in found.descriptors for w in owner.name)):
                return None
            return found
    return None


def _other_sex(ent: Entity, head: str) -> bool:
    """Whether a gendered role noun ("businessman") cannot describe `ent`, whose sex the text or, for a
    full name, the census gives the other way."""
    sex = GENDERED.get(head)
    if sex is None:
        return False
    known = ent.gender or (sex_of(ent.name[0]) if len(ent.name) >= 2 else None)
    return known is not None and known != sex


PLURAL_BLOCKS_BACK = 2


def _plural_before(reg: Registry, head: str, b: int, i: int) -> bool:
    """Whether the plural of `head` ("businessmen", "lawyers") stands in this block before token i or in the
    block before: "the businessman" may be one of them."""
    plural = head[:-3] + "men" if head.endswith("man") else head + "es" if head.endswith(("s", "sh", "ch")) else head + "s"
    for bb in range(b, max(-1, b - PLURAL_BLOCKS_BACK), -1):
        toks = reg.toks[bb]
        hi = i if bb == b else len(toks)
        if any(t.low == plural for t in toks[:hi]):
            return True
    return False


def _spokesman_named(reg: Registry, ref: Ref) -> Entity | None:
    """The person set off after a spokesman whose principal comes before ("said Warren's spokesman,
    David Park."): him, not Warren. Not after "a spokesman for the governor, Andrew Cuomo,", where the
    name is the governor's."""
    toks = reg.toks[ref.blk]
    k = ref.end
    if ref.complement.last >= k - 1 or k + 1 >= len(toks) or toks[k].text != ",":
        return None
    ch = reg.chain_at[ref.blk].get(k + 1)
    if ch is None or ch.first != k + 1 or not ch.core or ch.possessive:
        return None
    if ch.last + 1 < len(toks) and toks[ch.last + 1].kind != "p":
        return None
    ent = ch.entity
    return ent if ent is not None and ent.kind != "org" else None


def _possessor(reg: Registry, ref: Ref) -> Entity | None:
    """Whose role a description opening with a possessive name gives ("Obama's former campaign
    strategist": Obama), or None."""
    ch = reg.chain_at[ref.blk].get(ref.tok)
    if ch is None or ch.first != ref.tok or not ch.possessive or ch.last >= ref.end - 1:
        return None
    return ch.entity


def _one_of_family(reg: Registry, ent: Entity, b: int, i: int, gender: str | None = None,
                   honorific: bool = False) -> Entity | None:
    """A surname two people of the article share ("Clinton" of Bill and Hillary Clinton): the one
    an honorific's sex leaves ("Mrs. Clinton" where Bill is a man's name); else the one of them this
    paragraph names before it, when it names only one ("Hillary Clinton rebuffed a heckler. “…,”
    Clinton told her"); else the one the article has introduced by full name so far, or the one it
    already called by the bare surname before it introduced the others (`_surname_holder`); else
    None (the surname stays as written)."""
    if ent.kind != "person" or len(ent.name) != 1:
        return None
    family = reg.sharing(ent.name)
    if len(family) < 2:
        return None
    if gender:
        fits = [e for e in family if _sex(e) in (gender, None)]
        if len(fits) == 1 and all(_sex(e) is not None for e in family if e is not fits[0]):
            return fits[0]
        family = fits or family
    here = {reg.mention_ent[mid] for mb, _, mid in takewhile(lambda m: m[0] == b, reg.mentions_before(b, i))}
    named = here & set(family)
    settled = honorific and ent in here  # "wrote to Mrs. Clinton about a visit by Chelsea Clinton. Mrs. Clinton
    # replied": the paragraph writes the honorific and surname for someone before naming another of the family
    if len(named) == 1 and not settled:
        return named.pop()
    if named and not settled:
        return None
    # where the article first names each of them ("Khizr" of "Khizr and Ghazala Khan" too), and where
    # it writes the bare surname
    first: dict[Entity, tuple[int, int]] = {}
    bare: list[tuple[int, int]] = []
    for blk, chains in enumerate(reg.chains):
        for ch in chains:
            if ch.entity in family and ch.core != ent.name:
                first.setdefault(ch.entity, (blk, ch.first))
            elif ch.entity is ent:
                bare.append((blk, ch.first))
    # none of them in this paragraph: the only one the article has introduced by name so far
    # ("Marcel Lehel Lazar … . Lazar admitted …", his wife Gabriela Violeta Lazar named later)
    introduced = [e for e, at in first.items() if at < (b, i)]
    if len(introduced) == 1:
        return introduced[0]
    return _surname_holder(first, bare, (b, i))


def _surname_holder(first: dict[Entity, tuple[int, int]], bare: list[tuple[int, int]],
                    at: tuple[int, int]) -> Entity | None:
    """The one of a family (`first`: where each is first named) the article called by the bare
    surname (at `bare`) before it introduced any other of them ("Donald Trump … . Trump said …", and
    only later "his daughter Ivanka Trump"), and goes on calling so after ("… Trump spoke for 76
    minutes"): news style keeps the bare surname for that one and names the others in full. Not when
    the bare surname first comes back at `at`, right after the article turned to another of them
    ("His daughter, Elena Reyes, … . “…,” Reyes said": either)."""
    if not bare or len(first) < 2:
        return None
    order = sorted(first, key=first.__getitem__)
    since = first[order[1]]
    if not first[order[0]] < bare[0] < since or not any(since < p < at for p in bare):
        return None
    return order[0]


def _sex(ent: Entity) -> str | None:
    """A person's sex as the text tells it, else as their given name does."""
    return ent.gender or sex_of(ent.name[0])


def _reported(reg: Registry, b: int, i: int) -> bool:
    """Whether a reporting verb stands before token i in its sentence: what follows is someone's report."""
    lo, _ = reg.sentence_bounds(b, i)
    return any(cue_at(reg.lex, reg.toks[b], k) is not None for k in range(lo, i))


def _place_in(reg: Registry, ref: Ref) -> tuple[str, ...] | None:
    """The name of a place or body inside a description, before its head: "Vermont" of "the
    Vermont senator"."""
    chains = reg.chain_at[ref.blk]
    for k in range(ref.tok, ref.end):
        ch = chains.get(k)
        if ch is not None and ch.core and not ch.possessive and (ch.entity is None or ch.entity.kind != "person"):
            return ch.core
    return None


def _unknown_role(reg: Registry, head: str, b: int, i: int) -> bool:
    """A role a person holds ("justice", "lawmaker", "nominee") by which the article has described
    nobody before token i of block b, nor anybody by a role of its kind: "the justice" can then
    only be whom the text is about."""
    if head in ORG_NOUNS or not (head in TITLES or head in CLASS_OF):
        return False
    keys = [("descriptor", head, org) for org in (False, True)]
    keys += [("class", c, org) for c in CLASS_OF.get(head, ()) for org in (False, True)]
    return reg.last(keys, b, i) is None


def _other_role(ent: Entity, head: str) -> bool:
    """Whether the article describes `ent` by roles, none of them `head` or of its kind."""
    roles = {d for d in ent.descriptors if d in TITLES or d in CLASS_OF}
    return bool(roles) and head not in roles and not any(CLASS_OF.get(d, set()) & CLASS_OF.get(head, set()) for d in roles)


def _document_before(reg: Registry, b: int, i: int) -> str | None:
    """A document noun ("the affidavit", "the post") in the sentence of token i of block b or
    the one before it, after the last body the article named: what "it" then refers to."""
    lo, _ = reg.sentence_bounds(b, i)
    bb = b
    if lo == 0 and b > 0 and reg.kinds[b - 1] not in ("figure", "heading"):
        bb, lo = b - 1, reg.sentence_bounds(b - 1, len(reg.toks[b - 1]) - 1)[0]
    elif lo > 0:
        lo = reg.sentence_bounds(b, lo - 1)[0]
    org = reg.last([("org",)], b, i)
    for blk in range(b, bb - 1, -1):
        toks = reg.toks[blk]
        for k in range(i - 1 if blk == b else len(toks) - 1, lo - 1 if blk == bb else -1, -1):
            if org is not None and org[0][:2] >= (blk, k):
                return None
            t = toks[k]
            if t.kind == "w" and t.text[0].islower() and strip_possessive(t.low) in DOCUMENTS:
                return strip_possessive(t.low)
    return None


def _document_author(reg: Registry, noun: str, b: int, i: int) -> Entity | None:
    """"the statement said": whoever the article said issued that statement (`document_issuer`),
    never whoever only received, read or rejected it (REVIEW3 #3)."""
    named = False
    for bb in range(b, max(-1, b - DOCUMENT_BLOCKS_BACK), -1):
        if reg.kinds[bb] in ("figure", "heading"):
            continue
        toks = reg.toks[bb]
        hi = i if bb == b else len(toks)
        for k in range(hi - 1, -1, -1):
            if toks[k].kind == "w" and strip_possessive(toks[k].low) == noun:
                named = True
                lo, _ = reg.sentence_bounds(bb, k)
                ref = document_issuer(reg, bb, k, lo)
                ent = resolve_entity(reg, ref, depth=1) if ref else None
                if ent is not None:
                    return ent
    return _responder(reg, b, i) if noun in RESPONSES and not named else None


_READS = frozenset("read reads".split())  # what a document's or a sign's words do, not a body's
RESPONSES = frozenset("statement response announcement".split())  # what a reporting verb issues


def _responder(reg: Registry, b: int, i: int) -> Entity | None:
    """A statement the article has not named before is what the sentence before it reported: "The
    Trump campaign on Tuesday responded that it had moved. “…,” the statement said": the campaign's.
    Only a person or body named as the subject of that sentence's reporting verb."""
    lo, _ = reg.sentence_bounds(b, i)
    bb, end = b, lo
    while end == 0:  # the sentence before is the last of an earlier paragraph
        bb -= 1
        if bb < 0 or reg.kinds[bb] in ("figure", "heading"):
            return None
        end = len(reg.toks[bb])
    toks = reg.toks[bb]
    start, _ = reg.sentence_bounds(bb, end - 1)
    for k in range(start, end):
        cue = cue_at(reg.lex, toks, k)
        if cue is not None and not cue[2]:
            ref = subject_of(reg, bb, k, start)
            ent = resolve_entity(reg, ref, depth=1) if ref is not None and ref.kind in ("name", "body") else None
            return ent if ent is not None and ent.kind in ("person", "org") else None
    return None
