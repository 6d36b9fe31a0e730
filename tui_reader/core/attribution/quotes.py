"""Direct quotations in an article's body, each with its speaker and reporting cue.

`find_quotes(sections)` is linear in the text: a scan for quotation marks, a pairing pass per
block, and the token scans of the `speakers` package for attribution.

Quotation marks
    Double marks `"…"`, `“…”`, `„…“`, `«…»` (and reversed `»…«`), doubled apostrophes `''…''`
    where they pair as one double mark, single marks `'…'`, `‘…’`, `‚…‘`, `‹…›`. Each mark is
    judged by what stands on either side of it (an opening mark is followed by text and preceded
    by a space, bracket or dash; a closing mark the reverse), so an odd mark
    in one paragraph cannot shift the pairing of the next: pairing restarts in every block, and
    inside a block a second opening mark abandons an unclosed first one. Apostrophes are not
    marks: `NATO's`, `'90s`, `rock 'n' roll`, `'em`, and a plural possessive (`players' union`)
    closes a quotation only when nothing better does.

Which marks quote
    The article's primary marks are double marks unless it uses single marks for more
    quotations of three words or more than double marks (British style). Marks of the other kind
    are then nested quotations, scare quotes or headline quotes, never quotations of their own.

One quotation, several pieces
    A quotation whose paragraph ends before its closing mark continues when the next paragraph
    opens with a mark (the convention for quotations running over paragraphs): one `Quote`
    ending in a later block (`end_block`). A quotation split by its attribution
    (`"We are not afraid," he said, "of soldiers."`) is one `Quote`; so is
    `"…," he said. "…"` when the second piece has no attribution of its own. An attribution
    set off inside the marks (`«Паром — это не роскошь, — говорит Ладыгин. — Для …»`) splits
    the quotation into two pieces around it.

Without quotation marks
    Embedded posts (a block quote signed `— Name (@handle) date`), block quotes that a
    paragraph ending with a colon introduces as someone's words, and paragraphs of dialogue
    that open with a dash (`— …, — сказал Ладыгин. — …`): see `unmarked.py`.

Not quotations
    Fewer than three words; titles of works (after "book", "film", "song", … or a following
    `(2019)`, or title-case text with no attribution); nicknames (`Dwayne "The Rock" Johnson`);
    names and terms (`so-called "…"`, `dubbed "…"`, `a group called "…"`); and a short fragment
    of three or four words that nobody is said to have said (scare quotes).

What a Quote holds
    `start`/`end` span the quoted words without the marks, from the first piece to the last
    (so a split quotation's span includes its attribution). `text` is the words actually
    quoted: pieces split by an attribution joined by " … " with a piece's trailing comma
    dropped ("We are not afraid … of soldiers."), paragraphs of one quotation by a space, and a
    trailing comma or colon of the last piece dropped. Captions count, except a quotation that
    repeats one already found in the narrative; headings are never quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui_reader.core.attribution.speakers import MASK, Attributor
from tui_reader.core.attribution.speakers.attributor import STATEMENTS, label_case
from tui_reader.core.attribution.speakers.chains import Casing, casing_of
from tui_reader.core.attribution.speakers.chinese import is_chinese, speaker_around
from tui_reader.core.attribution.speakers.patterns import signed_name
from tui_reader.core.attribution.speakers.tokens import (
    NARRATIVE,
    Tok,
    previous_narrative,
    sentence_start,
    strip_possessive,
    tokenize,
)
from tui_reader.core.attribution.unmarked import dialogue, embedded_posts, introduced_blockquotes, introduces
from tui_reader.core.census import is_family_name
from tui_reader.core.model import VERBATIM_KINDS, Quote, Section

DOUBLE = "\"“”„«»‟"
SINGLE = "'‘’‚‹›‛"
_GUILLEMETS = "«»‹›"
_MARKS = DOUBLE + SINGLE
_SPACE = frozenset(" \t\n\r\u00a0\u2009\u202f\u2002\u2003\u2007\u200a\u2060")
_OPEN_CTX = frozenset("([{<—–-/\u2014\u2013,:;") | frozenset(_MARKS)
_CLOSE_CTX = frozenset(".,;:!?)]}>…—–-/\u2014\u2013") | frozenset(_MARKS)
_NEVER_QUOTES = (*VERBATIM_KINDS, "heading")  # code and tables, and headings (a headline's quoted words are not a quotation)
_ELISION = re.compile(r"(?:em|cause|cos|coz|til|n|round|bout|nuff|kay|ello|er|im|twas|tis|Tis|Twas)(?![^\W\d_])")
_DECADE = re.compile(r"\d\d(?:s|ies)?(?!\d)")
_WORD = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_WORK_NOUNS = frozenset(
    """book books novel memoir biography film films movie movies documentary song songs single album track show
    series sitcom episode play musical opera article essay column op-ed editorial poem podcast painting
    exhibition exhibit game video chapter blog newsletter programme program hit ballad anthem titled
    entitled headlined headline hashtag slogan motto livre roman film chanson album série émission buch lied
    sendung libro novela película canción serie книга роман фильм песня альбом сериал""".split()
)
_TERM_INTROS = frozenset(
    """so-called dubbed nicknamed termed coined term phrase word words label labelled labeled branded called
    named titled entitled known hashtag slogan motto""".split()
)
_DASH_WORD = re.compile(r"[—–]\s*\w")
# What stands before the name of a work: a possessive ("CNN’s", "his"), "on", "of".
_TITLE_BEFORE = re.compile(r"(?:\w['’]s?|\b(?:on|of|his|her|their|its))\s*$", re.IGNORECASE)
_SMALL = frozenset("a an the of in on at to for and or but nor with from by as vs de la le el".split())


@dataclass
class _Mark:
    pos: int
    char: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a plural possessive that may close a quotation


@dataclass
class _Part:
    blk: int  # index into the flat list of blocks
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark; None when the quotation runs to the block's end

    @property
    def start(self) -> int:
        return self.open + 1

    def end(self, texts: Sequence[str]) -> int:
        return self.close if self.close is not None else len(texts[self.blk].rstrip())


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    p = text[i - 1] if i > 0 else " "
    n = text[i + 1] if i + 1 < len(text) else " "
    left = n not in _SPACE and n not in ".,;:!?)]}" and (p in _SPACE or p in _OPEN_CTX)
    right = p not in _SPACE and p not in "([{" and (n in _SPACE or n in _CLOSE_CTX)
    return left, right


def _is_apostrophe(text: str, i: int) -> tuple[bool, bool]:
    """(is an apostrophe, is a weak closer) for a single mark at i."""
    ch = text[i]
    if ch in "‚‹›":
        return False, False
    p = text[i - 1] if i > 0 else " "
    n = text[i + 1] if i + 1 < len(text) else " "
    if p.isalnum() and n.isalpha():
        return True, False  # NATO's, don't, O'Brien
    rest = text[i + 1 : i + 6]
    if (p in _SPACE or p in "(-—–") and _DECADE.match(rest):
        return True, False  # '90s, ’19
    if ch != "‘" and _ELISION.match(rest) and (p in _SPACE or p in "(-—–"):
        return True, False  # 'em, 'cause, 'n'
    if p == "n" and i >= 2 and text[i - 2] in "'’" and (i < 3 or not text[i - 3].isalnum()):
        return True, False  # the second mark of 'n'
    if p in "sS" and i >= 2 and text[i - 2].isalpha() and n in _SPACE:
        after = text[i + 1 : i + 3].strip()
        if after and (after[0].islower() or after[0].isdigit()):
            return False, True  # players' union
    return False, False


_DOUBLE_RE = re.compile(f"[{DOUBLE}]")
_FEET_INCHES = re.compile(r"(?<![\w.])\d['’′]\d{1,2}$")
_SINGLE_RE = re.compile(f"[{SINGLE}]")


def _marks(text: str, family: str) -> list[_Mark]:
    out: list[_Mark] = []
    for m in (_DOUBLE_RE if family == "double" else _SINGLE_RE).finditer(text):
        i, ch = m.start(), m.group()
        weak = False
        if family == "single":
            apo, weak = _is_apostrophe(text, i)
            if apo:
                continue
        elif ch in '"”″' and _FEET_INCHES.search(text, max(0, i - 5), i):
            continue  # a height: 6’2”, 5'11"
        left, right = _flanks(text, i)
        if ch in "„‚‟":
            out.append(_Mark(i, ch, True, False))
        elif ch in "«‹":
            # French spacing ("« Bonjour »") is fine; a « glued after a word is a reversed closer.
            closer = right and not left and text[i - 1] not in _SPACE
            out.append(_Mark(i, ch, not closer, closer))
        elif ch in "»›":
            opener = left and not right
            out.append(_Mark(i, ch, opener, not opener))
        elif ch in "“‘":
            closer = right and not left
            out.append(_Mark(i, ch, not closer, closer))
        elif ch in "”’":
            opener = left and not right
            out.append(_Mark(i, ch, opener, not opener, weak))
        else:  # straight marks
            if not left and not right:
                # spaced on both sides: closes only after sentence punctuation ('ask? " she')
                if _char_before(text, i) in ".,!?…" and i > 0 and text[i - 1] in _SPACE:
                    out.append(_Mark(i, ch, False, True))
                continue
            out.append(_Mark(i, ch, left, right, weak))
    return out


_DOUBLED = re.compile(r"(?<!['‘’])(?:''|‘‘|’’)(?!['‘’])")


def _doubled_apostrophes(text: str) -> str:
    """Two apostrophes standing as one double mark (`''We will,'' Mr. Welch said.`, as some
    newspaper archives print quotation marks) become a straight double mark and a space, the
    mark on the quotation's side, so offsets do not move."""
    if "''" not in text and "‘‘" not in text and "’’" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        i = m.start()
        p = text[i - 1] if i > 0 else " "
        n = text[i + 2] if i + 2 < len(text) else " "
        opens = (p in _SPACE or p in _OPEN_CTX) and n not in _SPACE
        closes = p not in _SPACE and (n in _SPACE or n in _CLOSE_CTX)
        if opens and not closes:
            return ' "'
        if closes and not opens:
            return '" '
        return m.group()

    return _DOUBLED.sub(one, text)


def _char_before(text: str, i: int, skip: str | None = None) -> str:
    """The last character before position i that is not in `skip` (whitespace when None), ""
    when none: `text[:i].rstrip()[-1:]` without copying the text."""
    while i > 0 and (text[i - 1].isspace() if skip is None else text[i - 1] in skip):
        i -= 1
    return text[i - 1] if i > 0 else ""


def _char_after(text: str, i: int, skip: str) -> str:
    """The first character from position i on that is not in `skip` ("" when none)."""
    n = len(text)
    while i < n and text[i] in skip:
        i += 1
    return text[i] if i < n else ""


def _compatible(opener: str, closer: str) -> bool:
    return (opener in _GUILLEMETS) == (closer in _GUILLEMETS)


def _pair(marks: list[_Mark]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks of one family in one block: (pairs of positions, unclosed opener at the end)."""
    pairs: list[tuple[int, int]] = []
    opened: _Mark | None = None
    fallback: _Mark | None = None
    for m in marks:
        if opened is None:
            if m.can_open and not m.weak:
                opened, fallback = m, None
            continue
        if m.can_close and _compatible(opened.char, m.char):
            if m.weak:
                fallback = fallback or m
                continue
            pairs.append((opened.pos, m.pos))
            opened = fallback = None
        elif m.can_open:
            if fallback is not None:
                pairs.append((opened.pos, fallback.pos))
            opened, fallback = m, None
    if opened is not None and fallback is not None:
        pairs.append((opened.pos, fallback.pos))
        opened = None
    return pairs, (opened.pos if opened is not None else None)


# Scripts written without spaces between words (Chinese, Japanese): one word counted for each two
# characters, about a word's length there. (Korean puts spaces between words.)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _words(text: str) -> int:
    """Words in `text`: runs of word characters, and in scripts without spaces one for each two characters."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(_WORD.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + (unspaced + 1) // 2


def _nested(inner: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    """Whether a pair of `outer` (in order, none overlapping) encloses `inner`."""
    k = bisect_left(outer, (inner[0], -1)) - 1
    return k >= 0 and inner[1] < outer[k][1]


def _primary_family(per_block: list[dict[str, tuple[list[tuple[int, int]], int | None]]], texts: Sequence[str],
                    kinds: Sequence[str]) -> str:
    counts = {"double": 0, "single": 0}
    for b, fam in enumerate(per_block):
        if kinds[b] not in NARRATIVE:
            continue
        for name, other in (("double", "single"), ("single", "double")):
            for p in fam[name][0]:
                if _words(texts[b][p[0] + 1 : p[1]]) >= 3 and not _nested(p, fam[other][0]):
                    counts[name] += 1
    return "single" if counts["single"] > counts["double"] else "double"


def _starts_with_opener(text: str, pos: int) -> bool:
    return _char_before(text, pos, " \t\u00a0—–-") == ""


def _candidates(texts: Sequence[str], kinds: Sequence[str]) -> list[list[_Part]]:
    per_block = [
        {fam: _pair(_marks(t, fam)) if any(c in t for c in (DOUBLE if fam == "double" else SINGLE)) else ([], None)
         for fam in ("double", "single")}
        for t in texts
    ]
    family = _primary_family(per_block, texts, kinds)
    read: list[Casing] = []

    def casing() -> Casing:  # read only if a speaker label turns up
        if not read:
            read.append(casing_of([tokenize(t) for t in texts], kinds))
        return read[0]

    cands: list[list[_Part]] = []
    consumed: set[tuple[int, int]] = set()  # (blk, open) taken by a multi-paragraph chain
    for b, fam in enumerate(per_block):
        if kinds[b] in _NEVER_QUOTES:
            continue
        pairs, tail = fam[family]
        for o, c in pairs:
            if (b, o) not in consumed:
                cands.append([_Part(b, o, c)])
        if tail is None or kinds[b] not in NARRATIVE or (b, tail) in consumed:
            continue
        chain = [_Part(b, tail, None)]
        nb = b + 1
        closed = turn = False
        while nb < len(texts) and kinds[nb] in NARRATIVE:
            npairs, ntail = per_block[nb][family]
            firsts = [p[0] for p in npairs] + ([ntail] if ntail is not None else [])
            if not firsts:
                break
            first = min(firsts)
            if not _starts_with_opener(texts[nb], first):
                break
            if _name_label(texts, nb, first + 1, casing):
                turn = True  # a transcript's next turn ('"WALLACE: …'): the chain so far ends here
                break
            consumed.add((nb, first))
            if npairs and npairs[0][0] == first:
                chain.append(_Part(nb, first, npairs[0][1]))
                closed = True
                break
            chain.append(_Part(nb, first, None))
            if ntail != first or len(npairs):
                break
            nb += 1
        if len(chain) > 1 and (closed or len(chain) > 2):
            cands.append(chain)
        elif (turn and len(chain) > 1) or _name_label(texts, b, tail + 1, casing):
            # a transcript's turn, its mark never closed ('"PENCE: Well, look, …'), or quoted paragraphs a turn ends
            cands.append(chain)
        else:
            for p in chain[1:]:
                consumed.discard((p.blk, p.open))
    cands.sort(key=lambda c: (c[0].blk, c[0].open))
    return cands


def _mask(texts: Sequence[str], cands: list[list[_Part]]) -> list[str]:
    """The texts with each quotation (marks included) masked. A quotation that ends its sentence
    and the next begins after it (`… supporter." Emery retweeted`) keeps a period in place of
    its closing mark, so the narrative's sentences end where the text's do."""
    regions: dict[int, list[tuple[int, int, bool]]] = {}
    for cand in cands:
        for p in cand:
            end = (p.close + 1) if p.close is not None else len(texts[p.blk])
            regions.setdefault(p.blk, []).append((p.open, end, p.close is not None and _ends_sentence(texts[p.blk], p)))
    out = []
    for b, t in enumerate(texts):
        if b not in regions:
            out.append(t)
            continue
        chars = list(t)
        for s, e, period in regions[b]:
            chars[s:e] = MASK * (e - s - 1) + ("." if period else MASK)
        out.append("".join(chars))
    return out


def _ends_sentence(text: str, part: _Part) -> bool:
    """The quoted words end with a period and a capitalized word follows the closing mark."""
    return _char_before(text, part.close) == "." and _char_after(text, part.close + 1, " \u00a0").isupper()


def _content(texts: Sequence[str], part: _Part) -> str:
    return texts[part.blk][part.start : part.end(texts)]


def _quote_text(texts: Sequence[str], cand: list[_Part]) -> str:
    """The words actually quoted. Pieces split by words of the narrative ("…," he said, "…")
    are joined by " … " (a piece's trailing comma dropped), so nobody reads the attribution as
    quoted nor two sentences as one; a paragraph that goes on with the same quotation joins
    with a space."""
    out = ""
    for k, part in enumerate(cand):
        piece = " ".join(_content(texts, part).split())
        if k == 0:
            out = piece
        elif cand[k - 1].close is None:  # the quotation ran on into this paragraph
            out = f"{out} {piece}"
        else:
            out = f"{out.rstrip(',;: ')} … {piece}"
    return out.rstrip(",:;— ").strip()


def _preceding_words(text: str, pos: int, n: int = 3) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, pos - 60) : pos])[-n:]]


def _not_a_quotation(texts: Sequence[str], cand: list[_Part], attributed: bool, speaker: str | None,
                     reply: bool = False) -> bool:
    """Titles of works, nicknames, names and terms, scare quotes. `reply`: the quotation is a sentence of its
    own that the words after it give to someone ('“That’s correct,” Volker said.'): a whole answer, however
    short, where a phrase of one or two words inside a sentence is a term."""
    pieces = [_content(texts, p) for p in cand]
    content = " ".join(pieces)
    words = _words(content)
    if words < 3 and not (reply and words and re.search(r"[,!?.…]\W*$", content)):
        return True
    first = cand[0]
    text = texts[first.blk]
    before = _preceding_words(text, first.open)
    last = cand[-1]
    after = texts[last.blk][last.close + 1 : last.close + 40] if last.close is not None else ""
    ends_sentence = bool(re.search(r"[.!?…,;:]\W*$", content))
    if len(cand) == 1 and (words <= 6 or (not ends_sentence and words <= 10)):
        if before and (before[-1] in _WORK_NOUNS or before[-1] in _TERM_INTROS):
            return True
        if len(before) >= 2 and before[-2:] in (["known", "as"], ["referred", "to"]):
            return True
        if re.match(r"\s*\((?:19|20)\d\d\)", after):
            return True
        # Nickname: between two parts of a name (a given name or an initial before it), not a sentence of
        # its own after one ending in a name: 'Tom Berg moved to Ohio. “I was so lucky,” Berg said.'
        p = text[max(0, first.open - 80) : first.open].rstrip()
        if (words <= 4 and not ends_sentence and re.search(r"(?:[A-Z][\w'’-]*|\b[A-Z]\.)$", p)
                and re.match(r"\s+[A-Z]", after)):
            return True
    titled = len(cand) == 1 and _title_case(content)
    if titled and words <= 12 and speaker is None:
        return True
    if titled and words <= 8 and _TITLE_BEFORE.search(text[max(0, first.open - 40) : first.open]):
        return True  # a show's or a book's name: 'said on NBC's "Meet the Press"', 'the author of "Hacked World Order"'

    if not attributed and words <= 4:
        return True  # a short fragment nobody is said to have said: scare quotes
    return False


def _named_reply(texts: Sequence[str], part: _Part, att: Attributor, qtok: dict[tuple[int, int], int | None]) -> bool:
    """The quotation is a sentence of its own that a name after it says, and nothing but that attribution
    follows it in its sentence ('“That’s correct,” Volker said.'): a whole reply. Not with a pronoun after it
    (a short reply gives little to check who "she" is), nor where the sentence goes on past the attribution:
    there the quoted words are its subject or object ('“Titanic,” Cameron said, made him a household name.',
    '“Sleepy Joe,” Trump called him', '“Why?” Lee was asked by reporters')."""
    q = qtok.get((part.blk, part.open))
    if q is None or part.close is None or not _sentence_of_its_own(texts, part, att.toks[part.blk], q):
        return False
    found = att.after(part.blk, q, strict=False)
    if found is None or found.ref is None or found.ref.kind != "name":
        return False
    toks = att.toks[part.blk]
    nxt = toks[found.end] if found.end < len(toks) else None
    return nxt is None or nxt.kind == "q" or (nxt.kind == "p" and nxt.text in ".!?…")


def _sentence_of_its_own(texts: Sequence[str], first: _Part, toks: Sequence[Tok], q: int) -> bool:
    """Whether the quotation (its opening at quote token q) opens its sentence: at the paragraph's start,
    after a sentence's mark or a closing quotation mark, or after a dateline's dash ('“…?” Hannity
    pressed.', 'NEW YORK (AP) — “…?”', `sentence_start`); not after a clause ('Cohen asked him, “Why would
    I lie?” Hannity persisted.', 'Berg responded with a question of his own — “…?” Tapper persisted.':
    theirs or the presser's)."""
    before = texts[first.blk][: first.open].rstrip()
    if before and before[-1] in "—–":
        return sentence_start(toks, q)  # a dateline's dash, not a clause's
    return not before or before[-1] in ".!?…\"”»’'"


def _title_case(content: str) -> bool:
    ws = [w for w in _WORD.findall(content) if w[0].isalpha()]
    big = [w for w in ws if w.lower() not in _SMALL]
    return len(big) >= 2 and all(w[0].isupper() for w in big)


def find_quotes(sections: Sequence[Section], language: str | None = None, title: str | None = None) -> tuple[Quote, ...]:
    """Every direct quotation in the sections' blocks, in reading order, with its speaker.

    `language` (an ISO 639-1 code such as "en") chooses the words attribution reads; with
    None or a language without a lexicon, every lexicon's words are read. `title`, the article's
    headline, may give the full name of someone the body names by family name alone."""
    flat = [(si, bi, blk) for si, sec in enumerate(sections) for bi, blk in enumerate(sec.blocks)]
    if not flat:
        return ()
    texts = [_doubled_apostrophes(blk.text) for _, _, blk in flat]
    kinds = [blk.kind for _, _, blk in flat]
    posts = embedded_posts(texts, kinds)
    marked = any(c in t for t in texts for c in _MARKS)
    dashed = any(t[:3].lstrip()[:1] in "—–" and t.strip() for t in texts)
    if not marked and not posts and not dashed and not any(introduces(texts, kinds, b) for b in range(1, len(texts))):
        return ()
    in_posts = {b for p in posts for b in range(p.first, p.last + 2)}  # their text and signature
    cands = [c for c in (_candidates(texts, kinds) if marked else []) if c[0].blk not in in_posts]
    attributor: list[Attributor] = []

    def att() -> Attributor:
        if not attributor:
            # embedded posts and their signatures are no narrative: masked like quotations
            masked = [MASK * len(t) if b in in_posts else t for b, t in enumerate(_mask(texts, cands))]
            attributor.append(Attributor(masked, kinds, language, title=title))
        return attributor[0]

    quotes = _marked_quotes(cands, texts, kinds, att()) if cands else []
    if quotes and ((language or "").lower().startswith("zh") or (language is None and is_chinese(_opening(texts)))):
        quotes = [_chinese_speaker(q, texts) for q in quotes]

    def intro(b: int) -> tuple[str | None, str | None] | None:
        found = att().colon_intro(b)
        return (att().resolve(found.ref), found.cue) if found is not None else None

    def dialogue_incise(b: int, words: str) -> tuple[str | None, str | None, tuple[int, int]] | None:
        found = att().incise(b, words, 0, dashed=True)
        if found is None or found.cut is None:
            return None
        return att().resolve(found.ref), found.cue, found.cut

    taken = in_posts | {p.blk for cand, _, _ in quotes for p in cand}
    unmarked = posts + introduced_blockquotes(texts, kinds, taken, intro)
    if dashed:
        unmarked += dialogue(texts, kinds, taken, dialogue_incise)
    for u in unmarked:
        speaker = att().known_as(u.speaker) if u.speaker and u in posts else u.speaker
        if u.pieces is not None:
            cand = [_Part(u.first, s - 1, e) for s, e in u.pieces]
        else:
            cand = [_Part(b, -1, None) for b in range(u.first, u.last)] + [_Part(u.last, -1, len(texts[u.last].rstrip()))]
        if _words(" ".join(texts[b] for b in range(u.first, u.last + 1))) >= 3:
            quotes.append((cand, speaker, u.cue))
    quotes.sort(key=lambda q: (q[0][0].blk, q[0][0].open))
    return _to_quotes(quotes, texts, kinds, flat)


def _opening(texts: Sequence[str], size: int = 5000) -> str:
    """The first `size` characters of the blocks joined by spaces, without joining the rest."""
    taken, length = [], 0
    for text in texts:
        taken.append(text)
        length += len(text) + 1
        if length >= size:
            break
    return " ".join(taken)[:size]


def _chinese_speaker(found, texts: Sequence[str]):
    """A Chinese quotation the rules left without a speaker, with the one `chinese.speaker_around` reads."""
    cand, speaker, cue = found
    if speaker is not None:
        return found
    got = speaker_around(list(texts), cand[0].blk, cand[0].open, cand[-1].blk, cand[-1].close)
    return (cand, *got) if got else found


def _marked_quotes(cands: list[list[_Part]], texts: Sequence[str], kinds: Sequence[str], att: Attributor
                   ) -> list[tuple[list[_Part], str | None, str | None]]:
    """The quotations between marks, with their speakers."""
    qtok = {}
    for cand in cands:
        for p in cand:
            qtok[(p.blk, p.open)] = att.quote_token(p.blk, p.open)
    cands = _merge_split(cands, texts, att, qtok)
    quotes: list[tuple[list[_Part], str | None, str | None]] = []
    last_speaker: dict[int, str] = {}
    for cand in cands:
        speaker, cue, attributed, via = _attribute(cand, texts, kinds, att, qtok, last_speaker)
        # words someone's statement holds ("X's claim that …") may be a work's title it names: judged as unspoken
        said = None if cue is not None and strip_possessive(cue.lower()) in STATEMENTS else speaker
        reply = (via == "after" and said is not None and len(cand) == 1 and _words(_content(texts, cand[0])) < 3
                 and _named_reply(texts, cand[0], att, qtok))  # asked of a short one only
        if _not_a_quotation(texts, cand, attributed, said, reply):
            continue
        if speaker:
            last_speaker[cand[-1].blk] = speaker
        if via == "label":  # the quoted words start after the transcript's label ('"PENCE: Well, …')
            label = _SPEAKER_LABEL.match(_content(texts, cand[0]))
            cand = [_Part(cand[0].blk, cand[0].open + label.end(), cand[0].close), *cand[1:]]
        quotes.append((_without_incises(cand, texts, att, qtok, via == "incise"), speaker, cue))
    return quotes


def _without_incises(cand: list[_Part], texts: Sequence[str], att: Attributor,
                     qtok: dict[tuple[int, int], int | None], incised: bool) -> list[_Part]:
    """A piece with an attribution inside it (`«Паром — это не роскошь, — говорит Ладыгин. —
    Для …»`, `« Le café, explique-t-il, c'est … »`) becomes two pieces around it, so the quoted
    words read without the narrator's. `incised`: the attribution was found so (else only a
    dash can set one off)."""
    out: list[_Part] = []
    for p in cand:
        content = _content(texts, p)
        found = att.incise(p.blk, content, qtok.get((p.blk, p.open)) or 0) if incised or _DASH_WORD.search(content) else None
        if found is None or found.cut is None:
            out.append(p)
            continue
        s, e = found.cut
        out.append(_Part(p.blk, p.open, p.start + s))
        if p.start + e < p.end(texts):
            out.append(_Part(p.blk, p.start + e - 1, p.close))
    return out


def _merge_split(cands: list[list[_Part]], texts: Sequence[str], att: Attributor,
                 qtok: dict[tuple[int, int], int | None]) -> list[list[_Part]]:
    """`"We are not afraid," he said, "of soldiers."` is one quotation in two pieces."""
    out: list[list[_Part]] = []
    for cand in cands:
        if out:
            prev = out[-1]
            a, b = prev[-1], cand[0]
            qa, qb = qtok.get((a.blk, a.open)), qtok.get((b.blk, b.open))
            if a.blk == b.blk and a.close is not None and qa is not None and qb is not None:
                attr = att.after(a.blk, qa, strict=False)
                if attr is not None and _bridge(att, a.blk, attr.end, qb):
                    between = att.toks[a.blk][attr.end : qb]
                    period = any(t.text in ".!?" for t in between) or not between
                    piece = _content(texts, a).rstrip()
                    if not period and not piece.endswith((".", "!", "?")):
                        out[-1] = prev + cand
                        continue
                    z = cand[-1]
                    qz = qtok.get((z.blk, z.open))
                    own = att.after(z.blk, qz, strict=True) if z.close is not None and qz is not None else None
                    if period and own is None:
                        out[-1] = prev + cand
                        continue
        out.append(cand)
    return out


def _introduced(att: Attributor, b: int, q: int) -> bool:
    """The reporting verb and a comma or colon introduce the quotation: `he said, "…"`, `said:
    "…"` (not `Nothing the president said "will …," the senator said`, where the quoted words
    finish the sentence the attribution after them reports)."""
    toks = att.toks[b]
    k = q - 1
    if not (k >= 1 and toks[k].kind == "p" and toks[k].text in ",:"):
        return False
    return att.cue_at(toks, k - 1) is not None


def _bridge(att: Attributor, b: int, start: int, q: int) -> bool:
    """The words between an attribution and the next piece of the quotation only finish the
    attribution's sentence ("Boudreau said before the win over the Sabres.")."""
    between = att.toks[b][start:q]
    if not between:
        return True
    if between[-1].kind != "p" or between[-1].text not in ",.:;—–-" or len(between) > 25:
        return False
    for k in range(start, q):
        t = att.toks[b][k]
        if t.kind == "q" or t.low == "that" or att.cue_at(att.toks[b], k) is not None:
            return False
    return True


def _attribute(cand: list[_Part], texts: Sequence[str], kinds: Sequence[str], att: Attributor,
               qtok: dict[tuple[int, int], int | None], last_speaker: dict[int, str]
               ) -> tuple[str | None, str | None, bool, str]:
    """(speaker, cue, attributed, how it was found: "after", "before", "split", "incise", ...)."""
    first, last = cand[0], cand[-1]
    qf, ql = qtok.get((first.blk, first.open)), qtok.get((last.blk, last.open))
    if qf is None or ql is None:
        return None, None, False, ""
    # a transcript's turn opens its paragraph and runs to its end ('Lee wrote: "BERG: wrong on taxes"' and
    # '"BERG: LIAR," read one sign' are no turns)
    turn = _starts_with_opener(texts[first.blk], first.open) and (first.close is None or _ends_block(texts, last))
    label = _SPEAKER_LABEL.match(_content(texts, first)) if turn else None
    labelled = att.person_named(label.group(1)) if label else None
    if labelled is not None:
        return labelled, None, True, "label"  # a transcript's turn: '"PENCE: Well, look, …'
    tail = _content(texts, last).rstrip()
    soft = not tail.endswith((".", "…"))  # ends with , ? ! or mid-sentence: the attribution follows
    found = None
    found_via = ""
    # A split quotation carries its attribution between its pieces.
    for p in cand[:-1]:
        q = qtok.get((p.blk, p.open))
        if q is not None and p.close is not None:
            found = att.after(p.blk, q, strict=False)
            if found:
                found_via = "split"
                break
    if found is None:
        own = _sentence_of_its_own(texts, first, att.toks[first.blk], qf)
        whole = own and tail.endswith((".", "…", "?", "!", ","))
        after = att.after(last.blk, ql, strict=not soft, whole=whole) if last.close is not None else None
        if after is None and not own and last.close is not None and tail.endswith(("?", "!", ".", "…")):
            pressed = att.after(last.blk, ql, strict=not soft, whole=True)
            if pressed is not None and pressed.ref is not None:
                # 'When Cohen denied it, “…?” Hannity pressed.' or 'Cohen asked him, “…?” Hannity
                # persisted.': the clause before or the presser; the text does not say which
                return None, None, True, "disputed"
        before = att.before(first.blk, qf)
        if before is not None and before.ref is None and after is not None:
            before = None
        if before is not None and before.ref is not None and _introduced(att, first.blk, qf) and not (
            before.ref.kind == "pron" and after is not None and after.ref is not None and after.ref.kind == "name"
            and not att.someone_else(before.ref, after.ref)
        ):
            # 'he said, "…," the office said': the words are his; but 'he warned, "…," Trump told
            # NBC' is Trump's when "he" is nobody else ('Putin … He said, "…," Biden told' is Putin's)
            found = before
        else:
            found = (after or before) if soft else (before or after)
        found_via = "after" if found is not None and found is after else "before"
    if found is None and last.close is not None:
        found = _coordinated(att, last.blk, ql)
        found_via = "coordinated"
    if found is None and last.close is not None:
        found = att.following(last.blk, ql)
        found_via = "following"
    opens = _starts_with_opener(texts[first.blk], first.open)
    prev = previous_narrative(first.blk, kinds) if opens else None
    if found is None and prev is not None:
        found = att.colon_intro(prev)
        found_via = "colon_intro"
    if found is None:
        for p in cand:
            found = att.incise(p.blk, _content(texts, p), qtok.get((p.blk, p.open)) or 0)
            if found:
                found_via = "incise"
                break
    if found is None and label is not None:
        return None, None, True, "label"  # a turn of someone the article does not name: nobody else's words
    if found is None and kinds[first.blk] == "paragraph" and not _title_case(_content(texts, first)):
        carried = att.previous_sentence(first.blk, qf)
        speaker = att.resolve(carried.ref) if carried is not None else None
        if speaker is not None:
            return speaker, None, True, "previous_sentence"
    cue = None
    if found is not None:
        speaker = att.resolve(found.ref)
        if speaker is not None or found.ref is not None:
            return speaker, found.cue, True, found_via
        cue = found.cue  # a verb without a subject: the speaker may still be known from before
    alone = opens and _ends_block(texts, last)
    if alone:
        signed = att.signature(last.blk + 1)
        if signed:
            return signed, None, True, "signature"
    signed = _inline_signature(texts, last) if opens and found is None else None
    if signed:
        return att.known_as(signed), None, True, "signature"
    # Continuation: more words from the speaker of the previous quotation in this paragraph,
    # or in the paragraph before when this one opens with the quotation.
    if first.blk in last_speaker:
        return last_speaker[first.blk], cue, True, "continues"
    if prev is not None and prev in last_speaker:
        return last_speaker[prev], cue, True, "continues_prev"
    if alone and prev is not None:
        # A paragraph that is only a quotation, right after one about a person: their words.
        person = att.last_person(prev)
        if person:
            return person, cue, True, "last_person"
    return None, cue, cue is not None, ""


# A transcript's speaker label opening the quoted words, past a stage direction: '"PENCE: Well, …',
# '"(CROSSTALK.) WALLACE: If I may, …'.
_SPEAKER_LABEL = re.compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?"  # a stage direction before it: "(CROSSTALK.)"
    r"((?:[A-Z][A-Za-z]{0,5}\.\s+)?"  # a title: "SEN. KAINE"
    r"[A-Z][a-zA-Z]?[A-Z'’-]+(?:\s+[A-Z][a-zA-Z]?[A-Z'’-]+){0,2})"  # "PENCE", "McCOY", "DeSOTO", "TIM KAINE"
    r"(?:,\s*[A-Z]-[A-Z][A-Za-z.]{0,5})?"  # a party tag: "TIM KAINE, D-VA."
    r"\s*(?:\([^)]{1,30}\))?:\s"  # a direction after it: "KAINE (laughing):"
)


def _name_label(texts: Sequence[str], b: int, pos: int, casing: Callable[[], Casing]) -> bool:
    """Whether a transcript's speaker label opens the quoted words at `pos` of block b: a label whose last
    word the article writes as a name inside a sentence ("Sen. Ann Young" for "YOUNG:", though it writes
    "young voters" too), or a family name of the census lists it never writes in lowercase ("WALLACE:");
    not a word ("FIRST:", "TRUE:"). `casing` gives the article's `Casing`, read only when a label is there."""
    m = _SPEAKER_LABEL.match(texts[b], pos)
    if m is None:
        return False
    last = m.group(1).split()[-1]
    words = casing()
    return label_case(last) in words.midcaps or (is_family_name(last.lower()) and last.lower() not in words.lowercase_words)


def _inline_signature(texts: Sequence[str], part: _Part) -> str | None:
    """The name a dash signs a quotation with at the end of its paragraph: "“…” ― Carla Sanchez."."""
    if part.close is None:
        return None
    return signed_name(texts[part.blk], part.close + 1, min_words=2)


def _coordinated(att: Attributor, b: int, q: int):
    """`Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean
    said`: a quotation joined by a coordinator to the next one shares the attribution after it."""
    toks = att.toks[b]
    k = q + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k + 1 < len(toks) and toks[k].kind == "w" and toks[k].low in att.lex.coordinators and toks[k + 1].kind == "q":
        return att.after(b, k + 1, strict=False)
    return None


def _ends_block(texts: Sequence[str], part: _Part) -> bool:
    if part.close is None:
        return True
    return _char_after(texts[part.blk], part.close + 1, " \u00a0.,;:!?)—–-") == ""


def _norm(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _to_quotes(found, texts, kinds, flat) -> tuple[Quote, ...]:
    narrative = [_norm(_quote_text(texts, cand)) for cand, _, _ in found
                 if kinds[cand[0].blk] in NARRATIVE]
    out: list[Quote] = []
    for cand, speaker, cue in found:
        first, last = cand[0], cand[-1]
        text = _quote_text(texts, cand)
        if kinds[first.blk] not in NARRATIVE:
            key = _norm(text)
            if any(key in other or other in key for other in narrative if other):
                continue  # a caption or pull quote repeating the narrative
        si, bi, _ = flat[first.blk]
        _, ebi, _ = flat[last.blk]
        out.append(
            Quote(
                text=text,
                speaker=speaker,
                cue=cue,
                section=si,
                block=bi,
                start=first.start,
                end=last.end(texts),
                end_block=ebi,
            )
        )
    return tuple(out)


__all__ = ["find_quotes"]
