"""Reporting cues and the noun phrases around them: who is the subject of a reporting verb.

A `Ref` is the subject as written (a name, a pronoun, a description, a body named by
description); `resolve.py` turns it into an entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui_reader.core.attribution.speakers.chains import Chain, compound_adjective
from tui_reader.core.attribution.speakers.languages import LANGUAGES
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.nouns import (
    APPOSITIVE_START,
    BODY_HEADS,
    CLASS_OF,
    CONJUNCTIONS,
    DOCUMENTS,
    GENDERED,
    ISSUING,
    LINKS,
    NAMED_ROLES,
    ORG_NOUNS,
    PREPOSITIONS,
    SPOKES,
    TITLES,
    person_noun,
)
from tui_reader.core.attribution.speakers.places import state_after_city
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.tokens import (
    INVERTED,
    Tok,
    adverb,
    elided,
    elided_article,
    past_dateline,
    possessive,
    strip_possessive,
    unelide,
)

_ENGLISH_VERBS = LANGUAGES["en"].verbs


@dataclass
class Ref:
    """A subject found by an attribution pattern."""

    kind: str  # "name" | "pron" | "desc" | "body" (a body named by description, kept as written)
    words: tuple[str, ...]
    blk: int
    tok: int  # token index where it stands
    chain: Chain | None = None
    det: str = ""
    head: str = ""
    complement: Chain | None = None  # "a spokesman for <Acme>"
    end: int = 0  # token index just past the phrase
    text: str = ""


Cue = tuple[int, str, bool]  # (length in tokens, cue text, speaker follows)


def cue_at(lex: Lexicon, toks: list[Tok], i: int) -> Cue | None:
    """A reporting cue starting at token i: "said", "pointed out", "according to"."""
    t = toks[i]
    if t.kind != "w":
        return None
    if t.text[0].isupper() and i > 0 and not (toks[i - 1].kind == "p" and toks[i - 1].text in ".!?…:—–\"“«„("):
        return None  # a capitalized word inside a sentence is a name ("Penelope Muse Abernathy")
    for phrase, follows in lex.cues_by_first.get(t.low, ()):
        if _phrase(toks, i, phrase) and not _goes_on_elsewhere(toks, i + len(phrase), phrase):
            return len(phrase), " ".join(toks[k].text for k in range(i, i + len(phrase))), follows
    if t.low in lex.verbs:
        if t.low in lex.phrase_only:
            return None
        if i > 0 and toks[i - 1].kind == "w" and (toks[i - 1].low in lex.noun_markers or possessive(toks[i - 1])):
            return None  # a noun: "the ministry's claim", "a reply"
        return 1, t.text, False
    m = INVERTED.fullmatch(t.low)
    if m and m.group(1) in lex.verbs:  # "explique-t-il", "dit-elle"
        return 1, t.text, False
    return None


# Words after "went on" that keep it a cue: "went on to say", "went on at length", "went on further".
_ON_TALKING = frozenset("to at further again later then saying".split())


def _goes_on_elsewhere(toks: list[Tok], k: int, phrase: tuple[str, ...]) -> bool:
    """A "went on"-like phrase followed by a noun goes somewhere, not on talking ("once the Senate goes on
    recess", "she went on television", "went on a tour"); as a cue it is followed by punctuation, a
    quotation, "to", or an adverb ("he went on, “…”", "went on to say", "went on at length:")."""
    if phrase[-1] != "on" or k >= len(toks) or toks[k].kind != "w":
        return False
    low = toks[k].low
    return not (low in _ON_TALKING or low.endswith("ly"))


def cue_ending_at(lex: Lexicon, toks: list[Tok], k: int) -> tuple[int, int, str, bool] | None:
    """A cue whose last token is k: (start, length, text, speaker follows)."""
    for start in range(max(0, k - 3), k + 1):
        cue = cue_at(lex, toks, start)
        if cue is not None and start + cue[0] - 1 == k:
            return start, cue[0], cue[1], cue[2]
    return None


def _phrase(toks: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(toks):
        return False
    return all(toks[i + k].kind == "w" and toks[i + k].low == w for k, w in enumerate(phrase))


def pronoun(reg: Registry, b: int, i: int) -> Ref | None:
    t = reg.toks[b][i]
    if t.kind == "w" and (t.low in reg.lex.pronouns and not t.text.isupper() or t.text == "I"):
        return Ref("pron", (t.low,), b, i, end=i + 1)
    return None


def noun_phrase(reg: Registry, b: int, s: int, stop: int) -> Ref | None:
    """A name or description starting at token s: "Kosachev", "the analyst", "military
    expert Alexander Perendzhiyev", "a WeWork spokesperson", "a spokesman for Acme",
    "Russia's foreign ministry", "the 14th-ranked Schwartzman"."""
    toks = reg.toks[b]
    lex = reg.lex
    i = s
    det = ""
    if i < stop and toks[i].kind == "w":
        low = toks[i].low
        if low in lex.determiners and not (toks[i].text.isupper() and len(toks[i].text) > 1):
            det, i = low, i + 1
        elif elided(low):
            det = elided_article(low)  # "l'" of l'économiste
    items: list[tuple[str, int, Chain | None]] = []  # (lowercase word or "", token, chain)
    head_at: int | None = None
    complement: Chain | None = None
    while i < stop and toks[i].kind == "w" and len(items) < 10:
        ch = reg.chain_at[b].get(i)
        if ch is not None and ch.first == i:
            if head_at is not None:
                complement = ch  # "a spokesman for Acme", "the message from harbour master X"
                i = ch.last + 1
                break
            items.append(("", i, ch))
            i = ch.last + 1
            if not ch.possessive and not det and not _role_follows(reg, b, i, stop):
                break  # after a name only a role or a body continues ("Apple spokesperson")
            continue
        low = unelide(toks[i].low)
        if compound_adjective(toks, i):
            items.append((low, i, None))  # "Los Angeles-based attorney Edgar Martirosyan": a modifier
            i += 1
            continue
        sentence_initial = toks[i].cap and not items and det == "" and i == s  # "Retired librarian ..."
        if not sentence_initial and not toks[i].text[0].islower() and not elided(toks[i].low) and (
            not toks[i].text[0].isdigit()
        ):
            break
        if cue_at(lex, toks, i) is not None or low in lex.auxiliaries or low in lex.pronouns:
            break
        if low in LINKS and items:
            if head_at is None:
                head_at = len(items) - 1
            items.append((low, i, None))
            i += 1
            continue
        if head_at is not None and low in lex.determiners and items[-1][0] in LINKS:
            i += 1  # "a spokesperson for the British Foreign Office"
            continue
        if low in lex.function_words or low in PREPOSITIONS or low in APPOSITIVE_START or adverb(low, lex):
            break
        if items and low.endswith("ed") and not _modifies(reg, b, i + 1, stop):
            break  # a verb in the past: "The Republican candidate appeared to …"
        items.append((strip_possessive(low), i, None))
        i += 1
    while items and items[-1][0] in LINKS:
        items.pop()
    if not items:
        return None
    end = items[-1][1] + 1 if items[-1][2] is None else items[-1][2].last + 1
    if complement is not None:
        end = complement.last + 1
    if head_at is None:
        head_at = len(items) - 1
    word, _, ch = items[head_at]
    if ch is not None and not ch.possessive:
        # the phrase ends with a name: "the 14th-ranked Schwartzman", "company CEO Andy Vesey"
        return Ref("name", ch.core, b, ch.first, chain=ch, end=end)
    head = word or (strip_possessive(ch.core[-1].lower()) if ch and ch.core else "")
    words = tuple(w for w, _, c in items[: head_at + 1] if w and w not in LINKS)
    embedded = next((c for w, _, c in items[:head_at] if c is not None), None)
    if complement is None and embedded is not None and head in SPOKES:
        body = next((m for m in range(head_at - 1, 0, -1) if items[m][0] in BODY_HEADS), None)
        if body is not None:  # "a Clinton campaign spokesman" speaks for the campaign
            return Ref("body", words, b, s, det=det, head=items[body][0], end=end,
                       text=_body_name(reg, b, items, body, embedded))
        complement = embedded  # "a WeWork spokesperson"
    if embedded is not None and complement is None and (head in BODY_HEADS or head in ORG_NOUNS):
        return Ref("body", words, b, s, det=det, head=head, end=end, text=_body_name(reg, b, items, head_at, embedded))
    return Ref("desc", words, b, s, det=det, head=head, complement=complement, end=end)


def _body_name(reg: Registry, b: int, items: list[tuple[str, int, Chain | None]], head_at: int,
               embedded: Chain) -> str:
    """A body named by description as written ("Russia's foreign ministry", "the Clinton
    campaign": "Clinton campaign", whichever Clinton the article has named); one named after a
    person written in full by that person's name ("New Hampshire Sen. Kelly Ayotte's campaign":
    "Kelly Ayotte campaign")."""
    toks = reg.toks[b]
    end = toks[items[head_at][1]].end
    ent = embedded.entity
    rest = reg.texts[b][toks[embedded.last].end : end].strip()
    if ent is not None and ent.kind == "person" and len(ent.name) >= 2 and len(embedded.core) >= 2:
        return f"{ent.display} {rest}"
    if ent is not None and ent.kind == "person":
        return f"{strip_possessive(' '.join(embedded.core))} {rest}"
    return strip_possessive(reg.texts[b][toks[items[0][1]].start : end])


def _modifies(reg: Registry, b: int, i: int, stop: int) -> bool:
    """Whether token i goes on with a noun phrase: a lowercase content word ("the elected
    official"), not a function word or punctuation ("the candidate appeared to")."""
    if i >= stop:
        return False
    t = reg.toks[b][i]
    low = t.low
    return t.kind == "w" and t.text[0].islower() and not (
        low in reg.lex.function_words or low in PREPOSITIONS or low in reg.lex.auxiliaries or low in _PARTICLES
        or cue_at(reg.lex, reg.toks[b], i) is not None
    )


_PARTICLES = frozenset("off out up down back away".split())  # "shrugged off", "fired back"


def _role_follows(reg: Registry, b: int, i: int, stop: int) -> bool:
    """Up to three lowercase words from token i end in a role or body noun: "foreign ministry"."""
    toks = reg.toks[b]
    for k in range(i, min(stop, i + 3)):
        t = toks[k]
        if t.kind != "w" or not t.text[0].islower() or t.low in reg.lex.function_words or t.low in reg.lex.verbs:
            return False
        if t.low in SPOKES or t.low in BODY_HEADS or t.low in ORG_NOUNS or (
                k == i and _people(t.low) and not _verb_with_object(reg, b, k, stop)):
            return True  # also "Clinton aides", "Clinton campaign manager Robby Mook": not Clinton
        nxt = reg.chain_at[b].get(k + 1)
        if _people(t.low) and nxt is not None and nxt.first == k + 1:
            return True  # a role before the name: "Former Republican presidential candidate Jeb Bush"
    return False


# Nouns for the people around someone: "Trump aides", "Clinton campaign".
_ENTOURAGE = frozenset("aide aides official officials staff campaign camp allies entourage".split())


def _verb_with_object(reg: Registry, b: int, k: int, stop: int) -> bool:
    """Whether the word in -s at token k is a verb taking an object ("Tom Berg chairs the
    committee", "heads his union", "partners with schools"), not a plural noun ("Clinton aides")."""
    toks = reg.toks[b]
    if not toks[k].low.endswith("s") or toks[k].low in _ENTOURAGE or k + 1 >= stop:
        return False
    nxt = toks[k + 1]
    return nxt.kind == "w" and (nxt.low in reg.lex.determiners or nxt.low == "with")


def _people(low: str) -> bool:
    """A noun for a person or people ("manager", "advisers", "aides", "host"; not a verb like "went"): a
    name before it only says whose they are ("MSNBC host Chris Matthews")."""
    one = low[:-1] if low.endswith("s") else low
    return low in _ENTOURAGE or one in NAMED_ROLES or one in TITLES or one in CLASS_OF or one in GENDERED or (
        len(one) > 5 and one.endswith(("er", "or", "ist")) and person_noun(one))


def subject_forward(reg: Registry, b: int, i: int, stop: int) -> Ref | None:
    """The subject starting at token i: a pronoun or a noun phrase (with a name in apposition)."""
    if i >= stop or reg.toks[b][i].kind != "w":
        return None
    ref = pronoun(reg, b, i)
    if ref is not None:
        return ref
    ref = noun_phrase(reg, b, i, stop)
    if ref is not None and ref.kind == "desc" and ref.complement is None:
        # "Westmere's project director, Simon Achterberg", "la maire, Hélène Marchais"
        toks = reg.toks[b]
        k = ref.end
        if k + 1 < stop and toks[k].text == "," and not reg.owner_named(b, ref.tok, k):
            ch = reg.chain_at[b].get(k + 1)
            if ch is not None and ch.first == k + 1 and not ch.possessive:
                return Ref("name", ch.core, b, ch.first, chain=ch, end=ch.last + 1)
    return ref


def _phrase_start(reg: Registry, b: int, j: int, lo: int) -> int:
    """Where the noun phrase ending at token j begins."""
    toks = reg.toks[b]
    lex = reg.lex
    k = j
    ch = reg.chain_at[b].get(k)
    if ch is not None:
        k = ch.first
    while k - 1 >= lo and j - k < 10:
        t = toks[k - 1]
        if t.kind != "w":
            break
        ch = reg.chain_at[b].get(k - 1)
        if ch is not None:
            k = ch.first
            continue
        low = unelide(t.low)
        if low in lex.determiners and not (t.text.isupper() and len(t.text) > 1):
            k -= 1
            break
        if (
            not t.text[0].islower() and not t.text[0].isdigit() and not (k - 1 == lo)
        ) or low in lex.function_words or low in PREPOSITIONS or low in lex.verbs or low in lex.auxiliaries:
            break
        k -= 1
    return k


def subject_backward(reg: Registry, b: int, j: int, lo: int) -> Ref | None:
    """The subject ending at token j (skipping adverbs and appositives)."""
    toks = reg.toks[b]
    while j >= lo and toks[j].kind == "w" and adverb(toks[j].low, reg.lex) and reg.chain_at[b].get(j) is None:
        j -= 1
    if j < lo:
        return None
    t = toks[j]
    if t.kind == "p" and t.text == "," and j - 1 > lo and toks[j - 1].text == ")":
        k = _opening_parenthesis(toks, j - 1, lo)  # "Gov. John Kasich (R-OH), said"
        return subject_backward(reg, b, k - 1, lo) if k is not None and k > lo else None
    if t.kind == "p" and t.text == ",":
        return _appositive_subject(reg, b, j, lo)
    if t.kind == "p" and t.text in _DASHES:
        return _dashed_subject(reg, b, j, lo)
    if t.kind == "p" and t.text == ")":
        k = _opening_parenthesis(toks, j, lo)  # "Sen. Ana Ruiz (D-Minn.) said"
        return subject_backward(reg, b, k - 1, lo) if k is not None and k > lo else None
    if t.kind != "w":
        return None
    ref = pronoun(reg, b, j)
    if ref is not None:
        return ref
    if t.low == "who" and j - 2 >= lo and toks[j - 1].text == ",":
        # "Barack Obama, who called the nominee “unfit to serve”": the name the clause describes
        ch = reg.chain_at[b].get(j - 2)
        if ch is not None and ch.last == j - 2 and not ch.possessive:
            return Ref("name", ch.core, b, ch.first, chain=ch, end=j - 1)
        return None
    ch = reg.chain_at[b].get(j)
    if ch is not None and ch.last == j and not ch.possessive:
        # a name right before the verb is its subject, whatever describes it
        # ("Wikileaks editor-in-chief Kristinn Hrafnsson said") unless a preposition governs it
        if reg.after_preposition(b, ch.first):
            return None
        return Ref("name", ch.core, b, ch.first, chain=ch, end=j + 1)
    k = _phrase_start(reg, b, j, lo)
    ref = noun_phrase(reg, b, k, j + 1)
    if ref is None or ref.end != j + 1:
        return None
    if k - 1 >= lo and toks[k - 1].kind == "w" and toks[k - 1].low in PREPOSITIONS:
        return None  # the object of a preposition: "published in the journal JAMA Psychiatry"
    return ref


_DASHES = frozenset("-—–")
DASHED_TOKENS = 30  # the longest aside between dashes looked across
PAREN_TOKENS = 8  # the longest aside in parentheses between a subject and its verb: "(R-Okla.)"


def _opening_parenthesis(toks: list[Tok], j: int, lo: int) -> int | None:
    """Token index of the "(" that the ")" at token j closes, within a short aside."""
    for k in range(j - 1, max(lo, j - PAREN_TOKENS) - 1, -1):
        if toks[k].kind == "q" or toks[k].text == ")":
            return None
        if toks[k].text == "(":
            return k
    return None


def _dashed_subject(reg: Registry, b: int, j: int, lo: int) -> Ref | None:
    """"A former presidential candidate -- John McCain, who lost in 2008 -- said": the name
    opening an aside set off by dashes before the verb, else the subject before the aside."""
    toks = reg.toks[b]
    while j >= lo and toks[j].text in _DASHES:
        j -= 1
    k = j
    while k >= lo and j - k < DASHED_TOKENS and toks[k].text not in _DASHES:
        if toks[k].kind == "q":
            return None
        k -= 1
    if k < lo or toks[k].text not in _DASHES:
        return None
    ch = reg.chain_at[b].get(k + 1)
    if ch is not None and ch.first == k + 1 and ch.core and not ch.possessive and _ends_appositive(toks, ch.last + 1):
        return Ref("name", ch.core, b, ch.first, chain=ch, end=ch.last + 1)
    while k >= lo and toks[k].text in _DASHES:
        k -= 1
    if k < lo:
        return None
    # "John Dickey, the chief executive of Ora Media -- the company that … -- told me": the name the
    # description before the aside is set off after
    return subject_backward(reg, b, k, lo) or _appositive_subject(reg, b, k + 1, lo)


def _ends_appositive(toks: list[Tok], k: int) -> bool:
    """The name opening a dashed aside is the aside itself when a comma, "who" or the closing
    dash follows it ("-- John McCain, who lost in 2008 --"), not when it is the subject of a
    clause of its own ("Clinton -- Trump has attacked her repeatedly -- said": Clinton)."""
    return k < len(toks) and (toks[k].text in _DASHES or toks[k].text == "," or toks[k].low == "who")


def _appositive_subject(reg: Registry, b: int, j: int, lo: int) -> Ref | None:
    """"Lowri Bevan, chief executive of the Trust, which manages the quays, said": strip
    appositives right to left and keep the leftmost name."""
    toks = reg.toks[b]
    lex = reg.lex
    best: Ref | None = None
    cur = j
    while True:
        k = cur - 1
        while k >= lo and cur - k < 30 and not (toks[k].kind == "p" and toks[k].text in ",;:()"):
            k -= 1
        if k < lo or toks[k].text != "," or cur - k >= 30:
            break
        seg = toks[k + 1] if k + 1 < cur else None
        if seg is not None and k + 2 == cur and state_after_city(toks, k + 1):
            cur = k  # "of Ashton, Md.,": the city's state, part of the aside before it
            continue
        if seg is None or not (
            seg.kind == "w"
            and (seg.low in lex.determiners or seg.low.isdigit() or seg.text[0].islower()
                 or seg.low in TITLES or possessive(seg) or seg.low in APPOSITIVE_START)
        ):
            break
        ref = subject_backward(reg, b, k - 1, lo) if toks[k - 1].kind == "w" else None
        if ref is None:
            break
        best = ref
        cur = k
    return best


def main_subject(reg: Registry, b: int, lo: int, hi: int) -> Ref | None:
    """Subject of the sentence's main clause (tokens lo..hi), skipping leading adverbials."""
    toks = reg.toks[b]
    lex = reg.lex
    i = past_dateline(toks, lo, hi)
    for _ in range(3):
        while i < hi and toks[i].kind == "p":
            i += 1
        if i >= hi:
            return None
        low = toks[i].low
        if low in CONJUNCTIONS:
            i += 1
            if i < hi and toks[i].text == ",":
                i += 1
            continue
        ref = pronoun(reg, b, i)
        if ref is not None:
            return ref  # "On Twitter, she responded … by saying"
        if reg.chain_at[b].get(i) is not None or not (
            low in PREPOSITIONS or low.endswith("ing") or low in lex.function_words
        ) or low in lex.determiners:
            ref = subject_forward(reg, b, i, hi)
            if ref is not None:
                return _named_appositive(reg, b, ref, hi) or ref
        # A leading phrase ("On Monday,", "Speaking to X,"): skip to its comma.
        k = i
        while k < hi and not (toks[k].kind == "p" and toks[k].text == ","):
            k += 1
        if k >= hi:
            return None
        i = k + 1
    return None


def _named_appositive(reg: Registry, b: int, ref: Ref, hi: int) -> Ref | None:
    """The name a described subject is set off with: `The leader of Ennahda, Rachid Ghannouchi,
    condemned …` is Rachid Ghannouchi."""
    toks = reg.toks[b]
    k = ref.end
    if ref.kind != "desc" or k + 1 >= hi or toks[k].text != ",":
        return None
    ch = reg.chain_at[b].get(k + 1)
    if ch is None or ch.first != k + 1 or not ch.core or ch.last + 1 >= hi or toks[ch.last + 1].text != ",":
        return None
    if reg.owner_named(b, ref.tok, k):
        return None  # "A spokesman for the governor, Andrew Cuomo, said": the name is the governor's
    return Ref("name", ch.core, b, ch.first, chain=ch, end=ch.last + 1)


def participle_subject(reg: Registry, b: int, lo: int, comma: int) -> Ref | None:
    """`…, Spicer said, adding, "…"`, `Sanders visited NBC to discuss his rival, Hillary
    Clinton, saying "…"`: a participle after a comma shares the subject of the clause before
    it: of the reporting verb there, else the sentence's subject (not the name right before it)."""
    toks = reg.toks[b]
    for k in range(comma - 1, lo - 1, -1):
        if toks[k].kind == "q":
            break
        cue = cue_at(reg.lex, toks, k)
        if cue is not None and not cue[2]:
            ref = subject_of(reg, b, k, lo)
            if ref is None and toks[k].low not in reg.lex.object_verbs:  # "told him": the listener
                ref = subject_forward(reg, b, k + cue[0], comma)
            if ref is not None and ref.kind in ("name", "pron"):
                return ref
            if ref is None or ref.kind != "desc" or person_noun(ref.head) or ref.head in ORG_NOUNS:
                return ref  # "one protester shouted at the police, warning": the protester's
            main = main_subject(reg, b, lo, comma)
            # "Starr said Clinton's situation reminds him of …, explaining": the verb nearest
            # has a thing for subject, in a clause of its own; the sentence's named subject is
            # the participle's
            return main if main is not None and main.kind == "name" else ref
    return main_subject(reg, b, lo, comma)


def subject_of(reg: Registry, b: int, c: int, lo: int) -> Ref | None:
    """The subject of the reporting verb at token c (the sentence starts at token lo)."""
    toks = reg.toks[b]
    lex = reg.lex
    j = c - 1
    if j >= lo and toks[j].low in lex.perfect and toks[c].low not in _ENGLISH_VERBS:
        j -= 1
    # "was quoted as saying", "has told", "would later write"
    while j >= lo and toks[j].kind == "w" and (toks[j].low in lex.auxiliaries or adverb(toks[j].low, lex)):
        if reg.chain_at[b].get(j) is not None:
            break
        if toks[j].low in ("is", "are", "was", "were", "been", "being") and (
                toks[c].low in lex.object_verbs or (toks[c].low.endswith("ed") and toks[c].low != "quoted")):
            return None  # passive: "he was told", "the book is described on Amazon as"
        j -= 1
    if j >= lo and toks[j].kind == "w" and toks[j].low in ("and", "but", "or"):
        return main_subject(reg, b, lo, c)
    if j >= lo and toks[j].kind == "w" and toks[j].low in lex.participle_links and toks[c].low.endswith("ing"):
        return main_subject(reg, b, lo, j)  # "Netanyahu rallied supporters by warning that"
    if j >= lo and (toks[j].text == "," or toks[j].kind == "q") and toks[c].low.endswith("ing"):
        # ", saying", and 'called it "a disaster," saying' (the comma inside the marks)
        return participle_subject(reg, b, lo, j)
    if j < lo and toks[c].low.endswith(("ing", "ed")):
        return _opening_participle_subject(reg, b, c, lo)
    ch = reg.chain_at[b].get(j) if j >= lo and toks[c].low.endswith("ing") else None
    if (ch is not None and ch.last == j and ch.core and not ch.possessive
            and reg.after_preposition(b, ch.first, frozenset(["of"]))):  # not "a letter to Ana Ruiz saying"
        return Ref("name", ch.core, b, ch.first, chain=ch, end=j + 1)  # "footage of Trump saying": his
    ref = subject_backward(reg, b, j, lo)
    if ref is not None:
        return _document_owner(reg, b, ref, c, lo) or ref
    if j >= lo and toks[j].text == ",":
        return main_subject(reg, b, lo, c)  # "Stoltenberg responded, insisting that"
    if j >= lo and toks[j].kind == "w":
        k = _phrase_start(reg, b, j, lo)
        if k - 1 >= lo and toks[k - 1].low in PREPOSITIONS:
            return main_subject(reg, b, lo, c)  # "The authors of the research ... argued"
    return None


def _opening_participle_subject(reg: Registry, b: int, c: int, lo: int) -> Ref | None:
    """A participle opening its sentence and set off by a comma: `Asked about the flap, Mr.
    Smith shot back: "…"` shares the subject of the clause after it; with no subject there
    (`Adding, "…"`), the subject of the reporting verb of the sentence before."""
    toks = reg.toks[b]
    _, hi = reg.sentence_bounds(b, c)
    if c + 1 < hi and toks[c + 1].text == ",":
        if not toks[c].low.endswith("ing") or lo == 0:
            return None
        plo, _ = reg.sentence_bounds(b, lo - 1)
        return participle_subject(reg, b, plo, lo - 1)
    return main_subject(reg, b, lo, hi)


def _document_owner(reg: Registry, b: int, ref: Ref, c: int, lo: int) -> Ref | None:
    """`Martin Andanar released a statement saying that …`: a document that a participle
    reports is whoever the clause says issued it (`document_issuer`)."""
    if ref.kind != "desc" or ref.head not in DOCUMENTS or ref.complement is not None:
        return None
    toks = reg.toks[b]
    if not toks[c].low.endswith("ing") or ref.tok <= lo or any(possessive(t) for t in toks[ref.tok : ref.end]):
        return None  # "Trump's tweet saying": maybe someone else's reading of it
    return document_issuer(reg, b, ref.tok, lo)


ISSUED_TOKENS = 8  # "issued a brief written statement"


def document_issuer(reg: Registry, b: int, d: int, lo: int) -> Ref | None:
    """Who the clause says issued the document named from token d (the sentence starts at lo):
    the subject of a verb of issuing standing before it with only the
    document's own words between (`Ana Ruiz released a brief statement`, `she put out a
    statement`), or of a reporting verb set in it (`Bujnowski wrote in the affidavit`, `Lee said
    in a statement`). Whoever received, read, rejected or mocked it did not issue it: None; nor
    did one of several ("Trump and Ryan issued a statement": theirs jointly)."""
    toks = reg.toks[b]
    for k in range(d - 1, max(lo, d - ISSUED_TOKENS) - 1, -1):
        t = toks[k]
        if t.kind != "w" or t.low in APPOSITIVE_START or t.low == "that" or possessive(t):
            return None
        cue = cue_at(reg.lex, toks, k)
        if t.low in ISSUING or (cue is not None and not cue[2] and toks[k + cue[0]].low in ("in", "on")):
            ref = subject_of(reg, b, k, lo)
            if ref is None or ref.kind == "desc" and ref.head in DOCUMENTS:
                return None
            if ref.tok > lo and toks[ref.tok - 1].low in ("and", "&"):
                return None
            return ref
    return None
