"""Tokens of a block's narrative: words, punctuation, and masked quotations.

The quote finder masks each quotation with MASK characters (same length), so the narrative keeps
its offsets and a quotation becomes one "q" token that attribution patterns stand around.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Sequence

from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.names import SUFFIXES

MASK = "\x00"

NARRATIVE = ("paragraph", "blockquote", "list_item")  # block kinds whose text tells what was said


def previous_narrative(b: int, kinds: Sequence[str]) -> int | None:
    """The block before block b that tells the story (captions and headings between skipped), or
    None where the block before is of another kind or there is none."""
    k = b - 1
    while k >= 0 and kinds[k] in ("figure", "heading"):
        k -= 1
    return k if k >= 0 and kinds[k] in NARRATIVE else None

# A word goes on across an apostrophe ("O'Brien"), the dots of "U.S." and "e.g.", and the second
# character of an accented letter read in the wrong encoding ("SarukhÃ¡n" for "Sarukhán", "Ã" or
# "Â" then a character of U+0080-U+00BF but the no-break space): a page saved so still names one
# person per name.
_TOKEN_RE = re.compile(
    r"(?P<q>\x00+)"
    r"|(?P<w>(?:[^\W\d_]\.){2,}|[^\W_][\w\-‐]*(?:(?:['’](?=[^\W_])|\.(?=[^\W\d_]\.)|\.(?=[a-z]{2})|"
    r"(?<=[ÃÂ])[\x80-\x9f\xa1-\xbf](?=[^\W_]))[\w\-‐]*)*)"
    r"|(?P<p>[^\s\w\x00]|_)"
)
# Words that keep their dot: it ends no sentence. Besides these, a dot followed by a comma, a
# semicolon or a lowercase word ends no sentence either ("Rep. Jo Al, D-Minn., said", "on Nov. that").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col maj capt lt sgt adm rev st jr sr inc co corp ltd mx m mme mlle
    sra no vs fig cmdr cdr brig cpl pvt supt insp det hon atty amb pres sens reps govs del
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_NO_SENTENCE_END = re.compile(r"\.(?=\s*[,;)]|\s+[a-z])")
SENT_END = frozenset(".!?…")
SEPARATORS = frozenset(",—–-:;")
_ELIDED = re.compile(r"^(l|d|qu)['’](?=\w)", re.IGNORECASE)
# A verb with its subject pronoun after it: "explique-t-il", "dit-elle".
INVERTED = re.compile(r"(\w+)-(?:t-)?(il|elle|er|sie)")


# A token: text, lowercase text (without a final dot), start, end, kind ("w" word, "p"
# punctuation, "q" a masked quotation) and cap (a word that starts with a capital letter). A
# named tuple: an article has a hundred thousand of them, and a tuple is made without running
# Python code (`_new` below).
Tok = namedtuple("Tok", "text low start end kind cap", defaults=(False,))
_new = tuple.__new__


# A UTF-8 no-break space read as cp1252 or Latin-1: "Â" then the space (which may have become an
# ordinary one since), after anything but a capital letter ("SarukhÃ¡nÂ said", '"We agree,"Â Brandt').
_MOJIBAKE_NBSP = re.compile(r"(?<![A-ZÀ-Þ])Â(?=\s)")


def tokenize(text: str) -> list[Tok]:
    raw = text
    if "Â" in text:
        text = _MOJIBAKE_NBSP.sub(" ", text)  # a space for a character: the offsets stay
    if "―" in text:
        text = text.replace("―", "—")  # a horizontal bar is a dash ("WASHINGTON ― This spring"), read as one
    toks: list[Tok] = []
    append = toks.append
    n = len(text)
    last = 0
    for m in _TOKEN_RE.finditer(text):
        s = m.start()
        if s < last:
            continue  # the dot already taken by an abbreviation
        word = m.group()
        kind = m.lastgroup or "p"
        e = s + len(word)
        if kind == "w" and e < n and text[e] == "." and (
            word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())
            or _NO_SENTENCE_END.match(text, e)
        ):
            e += 1  # "Mr." "J." keep their dot: it ends no sentence
            word = text[s:e]
        elif e < n and raw[e] == "Â" and text[e] == " ":
            e += 1  # "TomÂ Brandt": the word ends where its space starts, as in "Tom Brandt"
        low = word.lower()
        if low[-1] == ".":
            low = low.rstrip(".")
        append(_new(Tok, (word, low, s, e, kind, kind == "w" and word[0].isupper())))
        last = e
    return toks


def possessive(tok: Tok) -> bool:
    return tok.low.endswith(("'s", "’s")) or tok.low.endswith(("s'", "s’"))


def strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def elided(low: str) -> bool:
    """A word with an elided article: "l'économiste", "d'Artagnan"."""
    return _ELIDED.match(low) is not None


_CONTRACTED_PRONOUN = re.compile(r"(?:i|you|we|they|he|she|it|that|there|let)['’](?:m|re|ve|ll|d|s)")


def contracted_pronoun(low: str) -> bool:
    """A pronoun with a contracted verb ("I'm", "We're", "It's"): never a name."""
    return _CONTRACTED_PRONOUN.fullmatch(low) is not None


def elided_article(low: str) -> str:
    """The elided article of "l'économiste" as "l'" ("" when none)."""
    m = _ELIDED.match(low)
    return m.group(1).lower() + "'" if m else ""


def unelide(low: str) -> str:
    return _ELIDED.sub("", low)


def adverb(low: str, lex: Lexicon) -> bool:
    """An adverb or auxiliary that may stand between a subject and its verb."""
    return (low.endswith("ly") and len(low) > 4 and low not in {"family", "italy", "july", "ally"}) or (
        low in lex.auxiliaries
    )


def sentence_start(toks: Sequence[Tok], i: int) -> bool:
    """Whether token i opens a sentence (after its opening quotation marks or dashes, or after
    a dateline: `NEW YORK — Residents of Queens said`)."""
    j = i - 1
    while j >= 0 and toks[j].kind == "p" and toks[j].text in "\"“‘'«„(—–-":
        j -= 1
    if j < 0 or (toks[j].kind == "p" and toks[j].text in SENT_END):
        return True
    return j == i - 2 and toks[i - 1].text in _DATELINE_DASHES and _after_dateline(toks, i)


DATELINE_TOKENS = 8  # "NEW YORK (AP) —", "WASHINGTON, D.C. –"
_DATELINE_DASHES = "—–-"


def past_dateline(toks: Sequence[Tok], lo: int, hi: int) -> int:
    """The token after a dateline opening the sentence at token lo (place in capitals, an
    agency in parentheses, then a dash: `WASHINGTON (AP) — Sen. Chuck Grassley …`), else lo."""
    k = lo
    while k < hi and k - lo < DATELINE_TOKENS and (
        (toks[k].kind == "w" and toks[k].text.upper() == toks[k].text) or toks[k].text in "(),."
    ):
        k += 1
    caps = any(toks[m].kind == "w" and len(toks[m].low) > 1 and toks[m].text.isupper() for m in range(lo, k))
    return k + 1 if caps and k < hi and toks[k].text in _DATELINE_DASHES else lo


def _after_dateline(toks: Sequence[Tok], i: int) -> bool:
    """Whether a dateline opening a sentence ends right before token i."""
    for lo in range(max(0, i - DATELINE_TOKENS - 1), i - 1):
        if (lo == 0 or (toks[lo - 1].kind == "p" and toks[lo - 1].text in SENT_END)) and past_dateline(
            toks, lo, i
        ) == i:
            return True
    return False


def name_key(core: Sequence[str]) -> tuple[str, ...]:
    """Lowercase name tokens without generational suffixes: Kennedy Jr. ~ Kennedy."""
    key = tuple(w.lower().rstrip(".") for w in core)
    while len(key) > 1 and key[-1] in SUFFIXES:
        key = key[:-1]
    return key


TITLE_WORDS = 4  # capitalized words a line needs to read as a title


def title_case(toks: Sequence[Tok]) -> bool:
    """A short line whose words are all capitalized but the short function words, some of
    those too ("Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By Donald Trump."): a title,
    not a sentence."""
    words = [t for t in toks if t.kind == "w" and not t.low.isdigit()]
    if len(words) > 30 or any(t.kind == "q" for t in toks):
        return False
    big = [t for t in words if t.cap or t.low not in _TITLE_SMALL]
    if len(big) < TITLE_WORDS or not all(t.cap for t in big):
        return False
    # a word no name has, capitalized ("… Endorses Ted Cruz: I Am ‘Horrified’ By …"), not a list of names
    return any(t.low in _TITLE_EVIDENCE for t in words[1:] if t.cap)


# Words a title leaves lowercase (English style guides; in other languages a title is a sentence).
_TITLE_SMALL = frozenset("a an the of in on at to for and or but nor by with from as vs via into onto upon over".split())
_TITLE_EVIDENCE = _TITLE_SMALL | frozenset(
    """is are was were be am has have had will can not no says said amid after before against about despite
    during among without within""".split())
