"""Quotations without quotation marks: embedded posts, and block quotes introduced as someone's words.

Embedded posts
    A saved page keeps an embedded post (Twitter/X, Mastodon, Threads) as a block quote whose
    last line signs it: `— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019`. The block quotes
    before the signature (up to the previous signature or narrative block) are the post's text,
    one quotation; the name in the signature, without titles ("Governor", "Rep."), is its speaker.
    A display name that is not written as a name ("tall glass of coquito") names nobody.

Introduced block quotes
    A block quote with no quotation marks of its own, right after a paragraph that ends with a
    colon and names who speaks (`In a statement, the ministry said:`), is that speaker's words.

Dialogue dashes
    A paragraph that opens with a dash and sets off a reporting verb with another dash
    (`— Мы выполнили обещание, — сказал Ладыгин. — Паром пойдёт в июне.`, the way Russian,
    Ukrainian, French or Spanish print direct speech) is a quotation of whoever that verb names,
    without the words between the dashes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui_reader.core.attribution.speakers.nouns import TITLES

_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[^()\n]{1,80}?)\s*\(@[\w.]{1,40}(?:@[\w.-]+)?\)\s*(?P<date>[^\n]{0,40})"
)
_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SMALL = frozenset("of the and for de la van von der".split())
BLOCKQUOTE = "blockquote"


@dataclass
class Unmarked:
    first: int  # first block of the quotation
    last: int  # last block
    speaker: str | None
    cue: str | None
    pieces: list[tuple[int, int]] | None = None  # character spans of a one-block quotation's words


_DIALOGUE = re.compile(r"\s*[—–]\s+(?=\w)")


def signed_by(text: str) -> str | None:
    """The name signing an embedded post (`— Name (@handle) date`), "" when the display name is
    not written as a name, None when the text is no post signature."""
    m = _SIGNATURE.fullmatch(text.strip())
    if m is None or not _DATE.search(m.group("date")):
        return None
    words = _NAME_WORD.findall(m.group("name"))
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES | {"the"}:
        words = words[1:]
    if not words or not all(w[0].isupper() or w.lower() in _SMALL for w in words) or not words[0][0].isupper():
        return ""
    return " ".join(words)


def embedded_posts(texts: Sequence[str], kinds: Sequence[str]) -> list[Unmarked]:
    """Every embedded post: its text blocks and the name that signs it."""
    out: list[Unmarked] = []
    for b, text in enumerate(texts):
        if kinds[b] != BLOCKQUOTE or "(@" not in text:
            continue
        name = signed_by(text)
        if name is None:
            continue
        first = b
        while first - 1 >= 0 and kinds[first - 1] == BLOCKQUOTE and signed_by(texts[first - 1]) is None:
            first -= 1
        if first < b:
            out.append(Unmarked(first, b - 1, name or None, None))
    return out


def introduces(texts: Sequence[str], kinds: Sequence[str], b: int) -> bool:
    """Block b is a block quote after a paragraph that ends with a colon."""
    return kinds[b] == BLOCKQUOTE and b > 0 and kinds[b - 1] == "paragraph" and texts[b - 1].rstrip().endswith(":")


def introduced_blockquotes(texts: Sequence[str], kinds: Sequence[str], taken: set[int],
                           intro: Callable[[int], tuple[str | None, str | None] | None]) -> list[Unmarked]:
    """Runs of block quotes with no quotation of their own after a paragraph ending with a colon
    whose attribution resolves to a speaker (`intro(b)` gives the speaker and cue of block b's
    colon introduction, or None)."""
    out: list[Unmarked] = []
    b = 1
    while b < len(texts):
        if b in taken or not introduces(texts, kinds, b):
            b += 1
            continue
        last = b
        while last + 1 < len(texts) and kinds[last + 1] == BLOCKQUOTE and last + 1 not in taken:
            last += 1
        found = intro(b - 1)
        if found is not None and found[0] is not None:
            out.append(Unmarked(b, last, found[0], found[1]))
        b = last + 1
    return out


def dialogue(texts: Sequence[str], kinds: Sequence[str], taken: set[int],
             incise: Callable[[int, str], tuple[str | None, str | None, tuple[int, int]] | None]) -> list[Unmarked]:
    """Paragraphs of dialogue: one opening with a dash whose words set off a reporting verb with
    a dash (`incise(b, words)` gives the speaker, cue and span of the incise in `words`, or None)."""
    out: list[Unmarked] = []
    for b, text in enumerate(texts):
        if b in taken or kinds[b] != "paragraph":
            continue
        m = _DIALOGUE.match(text)
        if m is None:
            continue
        found = incise(b, text[m.end():])
        if found is None or found[0] is None:
            continue
        s, e = found[2]
        end = len(text.rstrip())
        pieces = [(m.end(), m.end() + s)] + ([(m.end() + e, end)] if m.end() + e < end else [])
        out.append(Unmarked(b, b, found[0], found[1], pieces))
    return out
