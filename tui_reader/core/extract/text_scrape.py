"""Cleaning a plain-text scrape of a news page into body blocks.

A page copied as text keeps what the browser showed around the article: sign-up prompts, photo
credits glued to captions, each caption two or three times (with and without " - Site Name"),
teaser headlines of related articles, UI strings in other languages. The rules here are general:
they look at the shape of lines (length, punctuation, capitals, script, repetition), never at
one site's wording.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from tui_reader.core.extract.byline import BYLINE, before_date, only_date
from tui_reader.core.extract.credits import CREDIT_START, is_agency_credit, names_only
from tui_reader.core.extract.dates import find_date_in_text
from tui_reader.core.extract.language import guess_language, line_languages
from tui_reader.core.extract.people import clean_authors
from tui_reader.core.model import Author, Block, BlockKind, words_in
from tui_reader.core.sanitize import clean_inline

# A short line that starts like site chrome (prompts, account and sharing UI).
_CHROME_START = re.compile(
    r"^\W*(?:registration (?:was|is) successful|please (?:follow|click|confirm|check)|sign (?:up|in|out)|"
    r"log ?(?:in|out)|register\b|subscribe|unsubscribe|newsletter|to participate in|join the (?:discussion|conversation)|"
    r"create (?:an|your) account|forgot (?:your )?password|already (?:a member|have an account|registered)|"
    r"we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|(?:copyright|©|\(c\))\s*(?:\d{4}|©)|share (?:this|on|via)|follow us|advertisement|sponsored|related (?:articles?|stories|news)|"
    r"read more|read also|see also|most (?:read|popular|viewed)|recommended|trending|you (?:may|might) also like|"
    r"continue reading|(?:the )?(?:story|article) continues (?:below|after)|"
    r"comments?\b|show comments|leave a comment|skip to|back to top|loading|click here|copy link|print\b|"
    r"email\b|download (?:the|our) app|get the app|open in app|listen to (?:this|the) article|add to (?:favou?rites|bookmarks))",
    re.IGNORECASE,
)
# Words that only site UI puts in a short line that does not end like a sentence.
_CHROME_ANY = re.compile(
    r"\b(?:inbox|newsletters?|subscribe|sign (?:up|in)|log ?in|cookies|advertisement|comments|"
    r"registration|password|e-?mail alerts|push notifications)\b",
    re.IGNORECASE,
)
# A label over teasers of other articles: the headline-like lines after it are theirs, not the article's.
_TEASER_LABEL = re.compile(r"^\W*(?:related|related (?:articles?|stories|news|coverage|content|reading)|more on this(?: story)?|"
                           r"see also|read (?:more|next|also)|further reading|recommended(?: for you)?|"
                           r"you (?:may|might) also like|more (?:stories|news)(?: from [^.!?]{1,40})?)\W*$", re.IGNORECASE)
_CHROME_WHOLE = re.compile(r"^\W*(?:menu|search|home|close|share|tweet|like|reply|more|next|previous|top|\d+ comments?)\W*$", re.I)
# " - Sputnik International", " — The Site", " | Site" at the end of a line.
_SUFFIX = re.compile(r"\s+[-–—|]\s+([^-–—|.!?]{2,60}?)\s*$")
_FINAL_PUNCT = re.compile(r"[.!?…:;,。！？；：]['\"”’»)」』]*(?:\[\d{1,3}\])?$")  # a footnote's mark may follow
_GLUE = re.compile(r"(?<=[a-zа-яё0-9)\].])(?=[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё])")
_MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of on to up via with from into onto over per than vs is".split()
)


@dataclass
class ScrapeResult:
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    site: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: str | None = None
    headlines: list[str] = field(default_factory=list)  # teaser lines: related articles without URLs


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "other"
    script = name.split(" ", 1)[0]  # LATIN, CYRILLIC, GREEK, ARABIC, CJK, HEBREW, …
    return "CJK" if script in ("HIRAGANA", "KATAKANA", "HALFWIDTH") else script  # Japanese mixes three: one writing


def script_profile(text: str) -> Counter:
    return Counter(_script(ch) for ch in text if ch.isalpha())


def dominant_script(text: str) -> str | None:
    profile = script_profile(text)
    return profile.most_common(1)[0][0] if profile else None


def _words(line: str) -> list[str]:
    return line.split()


def is_title_case(line: str) -> bool:
    """Most significant words start with a capital (for scripts that have capitals)."""
    words = [w.strip("'\"‘’“”«»()[]") for w in _words(line)]
    words = [w for w in words if w and w[0].isalpha()]
    if not words:
        return False
    significant = [w for w in words[1:] if w.lower() not in _MINOR_WORDS] or words
    capitals = sum(1 for w in significant if w[0].isupper())
    return words[0][0].isupper() and capitals >= 0.7 * len(significant)


def is_headline_like(line: str) -> bool:
    """A short line that begins with a capital (or a letter of a script without capitals) and has no
    sentence-final punctuation."""
    if not 2 <= words_in(line) <= 20 or len(line) > 160:
        return False
    first = line.lstrip("'\"‘“«„「『")[:1]
    uncased = first.isalpha() and first.lower() == first.upper()  # Chinese, Japanese, Arabic, Hebrew …
    if not first or not (first.isupper() or first.isdigit() or uncased):
        return False
    stripped = re.sub(r"\[\d{1,3}\]$", "", line).rstrip("'\"’”» 」』")  # a footnote's mark after the sentence
    return not re.search(r"[.,;:…。、；：]$", stripped) and not stripped.endswith(("!", "！"))


def is_chrome(line: str, script: str | None, language: str | None = None) -> bool:
    if not line.strip():
        return True
    short = words_in(line) <= 12  # a sentence of Chinese or Japanese is one "word" between spaces: counted so
    if short and _CHROME_START.match(line):
        return True
    if short and not line.rstrip().endswith(".") and _CHROME_ANY.search(line):
        return True
    if _CHROME_WHOLE.match(line):
        return True
    if re.fullmatch(r"\s*(?:https?://|www\.)\S+\s*|\s*\S+@\S+\.\w+\s*", line):
        return True
    if script and short:
        profile = script_profile(line)
        letters = sum(profile.values())
        if letters and profile.get(script, 0) < 0.3 * letters:
            return True  # a UI string in another script than the article's
    if language and short and foreign_words(line, language):
        return True  # a UI string in another language than the article's
    return False


def foreign_words(line: str, language: str) -> bool:
    """The line's common words belong to another language and none to the article's."""
    theirs = line_languages(line)
    return bool(theirs) and language not in theirs


def _site_suffixes(lines: list[str]) -> str | None:
    """A " - Name" suffix that recurs on several lines names the site."""
    counts: Counter = Counter()
    bare = {line.strip() for line in lines}
    for line in lines:
        match = _SUFFIX.search(line)
        if not match:
            continue
        name = match.group(1).strip()
        if not name[:1].isupper() or len(name.split()) > 4:  # a site's name is short; a headline is not one
            continue
        counts[name] += 1
        # One occurrence is enough when the same line also appears without the suffix.
        if line[: match.start()].strip() in bare:
            counts[name] += 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 2 else None


def _strip_suffix(line: str, site: str | None) -> tuple[str, bool]:
    if site:
        match = _SUFFIX.search(line)
        if match and match.group(1).strip() == site:
            return line[: match.start()].rstrip(), True
    return line, False


def _split_credit(body: str, following: list[str], site: str | None) -> tuple[str, str]:
    """"REUTERS / Jerzy DudekNATO chief speaks…" → ("REUTERS / Jerzy Dudek", "NATO chief speaks…").

    A caption that repeats on a following line marks the boundary exactly; otherwise the first
    place where a lower-case letter is glued to a capital does.
    """
    for nxt in following:
        caption, _ = _strip_suffix(nxt.strip(), site)
        if caption and body.endswith(caption) and len(caption) < len(body):
            return body[: -len(caption)].strip(), caption
    match = _GLUE.search(body)
    if match and len(body) - match.start() > 15:
        return body[: match.start()].strip(), body[match.start():].strip()
    return body.strip(), ""


def _credit(line: str, following: list[str], site: str | None) -> str | None:
    """None when `line` is no picture credit; else the caption glued after the credit, or "".

    A credit glued to a caption is told by the caption (repeated below, or glued on); a line that is only a
    credit is told by its names (`credits.names_only`): a sentence that opens "Photo: a reader sent" is none."""
    start = CREDIT_START.match(line.lstrip())
    if not start:
        return "" if is_agency_credit(line) else None
    credit, caption = _split_credit(line.lstrip()[start.end():], following, site)
    return caption if caption or names_only(credit) else None


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width: paragraphs are runs of lines between blank lines."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 6:
        return False
    longest = lengths[int(len(lengths) * 0.95) - 1]
    return longest <= 100 and sum(1 for n in lengths if n >= 50) >= 0.6 * len(lengths)


def _logical_lines(text: str) -> list[tuple[str, bool]]:
    """(line, blank line before it). Wrapped text is unwrapped into one line a paragraph."""
    raw = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    result: list[tuple[str, bool]] = []
    blank = True
    if _hard_wrapped(raw):
        buffer: list[str] = []
        for line in raw + [""]:
            if line.strip():
                buffer.append(line.strip())
                continue
            if buffer:
                result.append((" ".join(buffer), blank))
                buffer = []
            blank = True
            continue
        return [(clean_inline(line), b) for line, b in result]
    for line in raw:
        cleaned = clean_inline(line)
        if not cleaned:
            blank = True
            continue
        result.append((cleaned, blank))
        blank = False
    return result


# A text browser's dump (lynx -dump, w3m): each link's number before its text, "[3]Eleanor Ainge Roy", and
# after the page a "References" list of the numbered addresses.
_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=[^\s\]\d])")
# Possessive throughout: a list that is not the text's end fails at once, never by trying every split of it.
_REFERENCES = re.compile(r"\n[ \t]*(?:References|Visible links|Hidden links)[ \t]*\n(?:\s*+\d++\.[ \t]++\S++[ \t]*+)++\s*+\Z")
TEXT_BROWSER_LINKS = 5  # link numbers that make a text a text browser's dump (a footnote mark is rarer, and spaced)


def _without_link_numbers(text: str) -> str:
    """A text browser's dump without its link numbers and its closing list of addresses; other text as it is."""
    if len(_LINK_NUMBER.findall(text, 0, 200_000)) < TEXT_BROWSER_LINKS:
        return text
    return _REFERENCES.sub("\n", _LINK_NUMBER.sub("", text))


def parse_scrape(text: str) -> ScrapeResult:
    lines = _logical_lines(_without_link_numbers(text))
    script = dominant_script(text)
    language = guess_language(text)
    site = _site_suffixes([line for line, _ in lines])
    result = ScrapeResult(site=site)
    kinds, captions = _classify(lines, script, language, site, result)

    for i, (line, _) in enumerate(lines):
        kind = kinds[i]
        if kind == "figure":
            nxt = next((k for k in kinds[i + 1 :] if k not in ("repeat", "credit")), None)
            if nxt == "teaser":
                continue  # the thumbnail of a related-article teaser, not a picture of this article
            result.blocks.append(Block(BlockKind.FIGURE, captions[i]))
        elif kind == "teaser":
            result.headlines.append(line)
        elif kind == "heading":
            result.blocks.append(Block(BlockKind.HEADING, line, 2))
        elif kind == "paragraph":
            result.blocks.append(Block(BlockKind.PARAGRAPH, line))
    return result


REPEAT_WINDOW = 3  # lines below a caption where a page copy shows it again
MIN_CAPTION_WORDS = 5  # a shorter line repeated (a chant, a chorus line) is no caption
REPEAT_WORDS = 30  # a line repeated below that is longer is no caption (a paragraph copied twice stays)
# A credit after a caption, in the same line: "… Parata. Photograph: Adrian Malloch for the Guardian".
_TRAILING_CREDIT = re.compile(r"(?<=[.!?)”\"’])\s+(?:photograph|photo|picture|image|illustration|credit|video)s?"
                              r"(?: credit)?:\s*[^.!?]{2,100}$"
                              # or in brackets: "(Photo Prakash Mathema. AFP)", "(AP Photo/Evan Vucci)", "(Photo: Reuters)"
                              r"|(?<=[.!?”\"’])\s*\((?:[A-Z]{2,5} )?(?:photo|photograph|picture|image|credit|foto)s?\b[^()]{2,80}\)$",
                              re.IGNORECASE)


def _uncredited(line: str) -> str:
    """`line` without a picture credit after its caption, or `line` itself when it ends with none."""
    return _TRAILING_CREDIT.sub("", line)


_STAMP = re.compile(r"^\W*(?:published|updated|posted|last (?:updated|modified)|modified)\b", re.IGNORECASE)
_SPEAKER_LABEL = re.compile(r"^[A-Z][\w.'’ -]{0,30}:\s")  # "ALVAREZ: No.", "Q: Why?"


def _repeated_below(line: str, below: list[str]) -> bool:
    """The same line stands again just below with a credit after it: a caption, when it describes
    (a few words, no quotation marks, no speaker's label, no question or exclamation): a chorus, a chant, a
    slogan or a transcript's answer said twice is said twice."""
    words = words_in(line)
    if not MIN_CAPTION_WORDS <= words <= REPEAT_WORDS or _SPEAKER_LABEL.match(line) or any(c in _QUOTE_MARKS for c in line):
        return False
    if re.search(r"[?!？！][\"'”’»]*$", line):
        return False
    # and one of its copies carries a picture's credit: a line merely said twice (a chant) is said twice
    return any(other != line and _uncredited(other) == line for other in below)


HEADER_LINES = 3  # headline-like lines above the body that may be its title


def _title_line(lines, kinds: list[str], heads: list[int]) -> int:
    """The headline among the headline-like lines above the body: the one right above the byline or date line,
    else the longest of the last few (a menu entry above it and a name below it are shorter). Measured on
    whole-page copies (bench/scrape.py), a title-case headline over a sentence-case deck did worse."""
    meta = next((i for i, k in enumerate(kinds) if k == "meta"), None)
    if meta is not None and meta - 1 in heads:
        return meta - 1  # the headline stands right above its byline or date line (a deck between them wins: known)
    return max(heads[-HEADER_LINES:], key=lambda i: (words_in(lines[i][0]), i))


_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–])\s+\S")
BUTTON_WORDS = 4  # a line between the headline and the body this short that ends no sentence is a button
HEADER_WINDOW = 8  # lines above the body where its byline and date stand (a date higher up is the page's menu bar's)
# What introduces a byline besides "By": "Written by", "Words by", "Reported by" ...
_BYLINE_LEAD = re.compile(r"^(?:written|words|story|text|reported|posted|report)\s+by\s+(?=\S)", re.IGNORECASE)
_SEPARATED = re.compile(r"\s+[|•·]\s+")
_DATE_LEAD = re.compile(r"\b(?:published|updated|posted|modified|publié|mis à jour|publicado|actualizado|veröffentlicht|"
                        r"aktualisiert|pubblicato|aggiornato|опубликовано|обновлено)\b", re.IGNORECASE)


def _header_from(chrome: list[bool], start: int) -> int:
    """Where the article's header (headline, byline, date) may begin: `HEADER_WINDOW` lines above the body,
    not counting the sharing buttons and other chrome between them (`chrome[i]`: line i is chrome)."""
    seen = 0
    for i in range(start - 1, -1, -1):
        if not chrome[i]:
            seen += 1
            if seen > HEADER_WINDOW:
                return i + 1
    return 0


def _byline(line: str) -> bool:
    """A byline line: "By" (or "Written by" ...) and a few names, perhaps with a date or a reading time after
    a separator ("By Ann Lee and Bob Smith | 3 min read", "by Ann Lee @annlee February 1, 2016: 12:41 PM ET")."""
    line = _BYLINE_LEAD.sub("by ", line)
    names = before_date(_SEPARATED.split(line)[0])
    if not BYLINE.match(line):  # a name with the date after it, without "By": "Dan Goodin - Apr 16, 2015 8:02 pm UTC"
        names = names.strip(" -–—|,")
        if _DATE_LEAD.search(names) or (names.split() and names.split()[-1].islower()):
            return False  # "Publié le 3 mars", "Paris, le 3 mars", "Actualizado el …": a date line, no name
        return names != line and bool(find_date_in_text(line[len(names):])) and _names_only(names)
    return len(_words(names)) <= 8 and bool(clean_authors([names]))


def _names_only(text: str) -> bool:
    """One person's name or a few ("Dan Goodin", "Ann Lee and Bob Smith"), and nothing else."""
    if not 2 <= len(_words(text)) <= 8:
        return False
    found = clean_authors([text])
    return bool(found) and all(a.kind == "person" for a in found) and (
        " ".join(a.name for a in found).count(" ") >= len(_words(text)) - 3)


def _prose(line: str) -> bool:
    """A line that reads as a paragraph of an article: a sentence or more (words counted as a reader does, in
    Chinese or Japanese too)."""
    words = words_in(line)
    return words >= 25 or (words >= 10 and _FINAL_PUNCT.search(line) is not None and not line.endswith((":", ",")))


LINE_COST, CHROME_COST = 1, 3  # what a line that is no prose counts against the run it stands in


def body_start(lines: list[str], chrome: list[bool]) -> int | None:
    """The first line of the article's run of paragraphs: the start of the run of lines that holds most
    prose, each paragraph counting its words and each other line a little against (a maximum-sum
    segment). What stands above it is the page's header and chrome: a menu of one-word entries, a
    tagline, the headline, the byline. `chrome[i]`: line i is chrome (`is_chrome`). None for a text
    without prose."""
    best, best_start, total, start = 0, 0, 0, 0
    for i, line in enumerate(lines):
        weight = words_in(line) if _prose(line) else -CHROME_COST if chrome[i] else -LINE_COST
        if total <= 0:
            total, start = 0, i
        total += weight
        if total > best:
            best, best_start = total, start
    return best_start if best > 0 else None


def _classify(lines, script, language, site, result: ScrapeResult) -> tuple[list[str], list[str | None]]:
    """Label each logical line: chrome, title, meta, figure, repeat, credit, teaser, heading, paragraph."""
    kinds: list[str] = []
    captions: list[str | None] = []
    last_caption: str | None = None
    texts = [line for line, _ in lines]
    chrome = [is_chrome(line, script, language) for line in texts]  # judged once: the run, the header, the labels
    start = body_start(texts, chrome)
    header = _header_from(chrome, start) if start is not None else 0
    seen_body = False
    teasers = False  # after a "Related" label, while the lines read as headlines
    for i, (line, blank_before) in enumerate(lines):
        caption_text, had_suffix = _strip_suffix(line, site)
        kind = "paragraph"
        caption = None
        teasers = teasers and is_headline_like(line)
        if seen_body and _TEASER_LABEL.match(line):
            kind, teasers = "chrome", True
        elif teasers:
            kind = "teaser"
        elif chrome[i]:
            kind = "chrome"
        elif (credit := _credit(line, [text for text, _ in lines[i + 1 : i + 4]], site)) is not None:
            kind, caption = ("figure", credit) if credit else ("credit", None)
        elif last_caption and (caption_text == last_caption or _uncredited(caption_text) == last_caption):
            kind = "repeat"
        elif had_suffix:
            kind, caption = "figure", caption_text
        elif (credited := _uncredited(line)) != line and credited:
            kind, caption = "figure", credited  # "Whale expert Hori Parata. Photograph: Adrian Malloch"
        elif seen_body and _repeated_below(line, [text for text, _ in lines[i + 1 : i + 1 + REPEAT_WINDOW]]):
            kind, caption = "figure", line  # a caption shown two or three times, as a page copy repeats it
        elif seen_body and _STAMP.match(line) and only_date(line) and find_date_in_text(line):
            kind = "chrome"  # "Published: 20 Nov 2018" in the body: a teaser's stamp
        elif not seen_body and i >= header and _byline(line):
            kind = "meta"
            result.authors.extend(clean_authors([before_date(line).strip(" -–—|,")]))
            result.published = result.published or find_date_in_text(line)
        elif (not seen_body and i >= header and not _FINAL_PUNCT.search(line)
              and (date := find_date_in_text(line)) and (len(_words(line)) <= 8 or only_date(line, 16))):
            kind = "meta"
            result.published = result.published or date
        elif not seen_body and BYLINE.match(_BYLINE_LEAD.sub("by ", line)) and words_in(line) <= 8:
            kind = "meta"  # "By Staff", "By the Editor": a byline that names nobody is still no headline
        elif not seen_body and is_headline_like(line):
            kind = "head"  # the title, or chrome above it: decided below
        elif kinds and kinds[-1] in ("figure", "repeat") and is_headline_like(line):
            kind = "teaser"
        elif (is_headline_like(line) and blank_before and seen_body and is_title_case(line)
              and not (only_date(line) and find_date_in_text(line))):
            kind = "heading"  # a date line ("March 3, 2024" in a diary, a timeline) stays text: it heads no section
        if start is not None and i < header and kind == "figure":
            kind = "chrome"  # a caption far above the article: another story's picture
        if (start is None and kind in ("paragraph", "figure")) or (start is not None and i >= start):
            seen_body = True
        if kind not in ("repeat", "credit"):
            last_caption = caption if kind == "figure" else None
        kinds.append(kind)
        captions.append(caption)

    # The title is the headline-like line just above the body (of the last few, the one of most words: a
    # menu entry above it or a name below it is shorter); what stands above it is site chrome.
    heads = [i for i, k in enumerate(kinds) if k == "head"]
    if heads:
        title = _title_line(lines, kinds, heads)
        result.title = lines[title][0]
        for i in range(title):
            if kinds[i] in ("head", "paragraph"):
                kinds[i] = "chrome"
        for i in heads:
            if i > title:
                kinds[i] = "paragraph"
        kinds[title] = "title"
    # between the headline and the body, a deck, key points or a list's first item is text; a short line that
    # ends no sentence and is no item of a list is the page's (a menu entry, "Play Video", a sharing button)
    for i in range(title + 1 if heads else 0, start or 0):
        line = lines[i][0]
        if (kinds[i] == "paragraph" and not _FINAL_PUNCT.search(line) and words_in(line) <= BUTTON_WORDS
                and not _LIST_ITEM.match(line)):
            kinds[i] = "chrome"
    _drop_comments(lines, kinds)
    _drop_signup_boxes(lines, kinds)
    _drop_chrome_tail(lines, kinds)
    _captions_after_credits(lines, kinds, captions)
    return kinds, captions


CAPTION_WORDS = 50  # the longest caption a credit line introduces
_QUOTE_MARKS = frozenset('"“”«»„')
# Where a caption places someone in its picture: "(left)", "(R)", "(pictured)", "(center, in red)".
_IN_THE_PICTURE = re.compile(r"\((?:left|right|center|centre|pictured|top|bottom|front|back|L|R|C)\b[^)]{0,30}\)")


def _captions_after_credits(lines, kinds: list[str], captions: list[str | None]) -> None:
    """A credit line standing alone before a short line that quotes nobody and places people in the
    picture, where no caption comes before it, introduces that line as its picture's caption
    ("Handout/Reuters." then "George Zimmerman (left) shot and killed Trayvon Martin (right) in February
    2012 …"): a figure, not narrative. Without "(left)", "(right)", "(pictured)" and the like the line
    may as well be the article's next paragraph, and stays one."""
    for i, kind in enumerate(kinds[:-1]):
        if kind != "credit" or (i > 0 and kinds[i - 1] in ("figure", "repeat")) or kinds[i + 1] != "paragraph":
            continue
        text = lines[i + 1][0]
        if (len(_words(text)) <= CAPTION_WORDS and not any(c in _QUOTE_MARKS for c in text)
                and _IN_THE_PICTURE.search(text)):
            kinds[i + 1], captions[i + 1] = "figure", text


# A line that opens the readers' comments with their count: "Comments (214)", "214 comments", "3 responses to
# “Title”"; and one that may, when comments' marks follow it: "Comments", "Leave a Reply", "Join the discussion".
_COUNTED_COMMENTS = re.compile(r"^\W*(?:comments?\s*\(\d+\)|\d+\s+(?:comments?|responses?|replies|thoughts)"
                               r"(?:\s+(?:to|on)\s+[“\"‘'].{1,120})?)\W*$", re.IGNORECASE)
_COMMENTS_LABEL = re.compile(
    r"^\W*(?:comments?|(?:leave|post|add|write) (?:a|your) (?:comment|reply|response)|(?:join|start) the "
    r"(?:discussion|conversation)|(?:show|view|read|load) (?:all )?(?:\d+ )?comments)\W*$", re.IGNORECASE)
# A comment's header: a name, when it was written, "said:" ("Milan Griffes on September 12, 2018 at 4:47 pm said:",
# "Ann Lee 3 hours ago says:"). The date stands right before the verb and the name right before the date: a reporter's
# "On 4 April 2022, Ms Probert wrote:" or "At 10:42 am, Dr Cartwright said:" is the article's own lead-in.
_WHEN = (r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
         r"|\d{4}-\d\d-\d\d|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago)")
_COMMENT_HEADER = re.compile(rf"^@?[A-Z][\w.'’-]*(?: [\w.'’()-]+){{0,3}},? (?:on |· |- |\| )?{_WHEN}"
                             r"(?:,? (?:at )?\d{1,2}[:.]\d\d ?(?:[ap]\.?m\.?)?)? ?(?:says|said|wrote|writes) ?:$", re.IGNORECASE)
# What follows a bare label in a comment section: a header, a "Reply" button, sign-in prompts, sort controls.
_COMMENT_MARK = re.compile(r"^\W*(?:reply|report|sort by\b.*|oldest|newest|best|sign in.*|log in.*|\d+ (?:likes?|replies))\W*$",
                           re.IGNORECASE)
MIN_PARAGRAPHS_BEFORE_COMMENTS = 3  # a comment count in the sharing bar under the standfirst ends nothing
MARK_WINDOW = 6  # lines after a bare "Comments" where the comments' own marks must show


def _no_more_article(after) -> bool:
    """What follows a bare "Comments" label is not the article going on: comments' marks, or hardly any prose
    (the page's footer, its menus, other stories' headlines): a section of the article so headed goes on in
    paragraphs."""
    if any(_COMMENT_MARK.match(text) or _COMMENT_HEADER.match(text) for text, _ in after):
        return True
    return sum(1 for text, _ in after if _prose(text)) <= 1


def _drop_comments(lines, kinds: list[str]) -> None:
    """The readers' comments after the article are not the article: from the line that opens them to the end
    of the text, all is chrome, once the article has given a few paragraphs. A counted label opens them
    ("Comments (214)"); a bare one ("Comments", "Join the conversation", which may head a section of the
    article) only where the article does not go on after it (`_no_more_article`); two comment headers open
    them too."""
    paragraphs = 0
    headers = [i for i, (line, _) in enumerate(lines) if _COMMENT_HEADER.match(line)]
    for i, (line, _) in enumerate(lines):
        if paragraphs >= MIN_PARAGRAPHS_BEFORE_COMMENTS and (
                _COUNTED_COMMENTS.match(line)
                or (_COMMENTS_LABEL.match(line) and _no_more_article(lines[i + 1 : i + 1 + MARK_WINDOW]))
                or (i in headers and any(h > i for h in headers))):
            for j in range(i, len(lines)):
                kinds[j] = "chrome"
            return
        if kinds[i] == "paragraph":
            paragraphs += 1


# What a sign-up box says around its button: "Get the best of … delivered to your inbox", "Enter your email
# address", "We will not share your email address … Privacy Policy", "Free weekly newsletter".
_PROMO = re.compile(r"\b(?:sign(?:ing)? up|subscri(?:be|bing|ption)|newsletters?|inbox|e-?mail address|privacy "
                    r"(?:policy|notice)|unsubscribe|promotion)\b", re.IGNORECASE)
BOX_LINES = 8  # the most lines a sign-up box between two blank lines holds


def _drop_signup_boxes(lines, kinds: list[str]) -> None:
    """A sign-up box is chrome as a whole: a run of lines between blank lines that holds a sign-up line the
    rules took for chrome, where every other line is short or speaks of newsletters, e-mail and privacy."""
    groups, start = [], 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i][1]:  # a blank line before line i ends the run
            groups.append(range(start, i))
            start = i
    for group in groups:
        signs = sum(1 for i in group if kinds[i] == "chrome" and _PROMO.search(lines[i][0]))
        if len(group) > BOX_LINES or not signs:
            continue
        others = [i for i in group if not (kinds[i] == "chrome" or words_in(lines[i][0]) <= 12 or _PROMO.search(lines[i][0]))]
        if not others or (len(others) == 1 and signs >= 2):  # a box's pitch: one line of its own beside two signs
            for i in group:
                kinds[i] = "chrome"


def _drop_chrome_tail(lines, kinds: list[str]) -> None:
    """After the last chrome line of the page's end, short lines that do not end a sentence are UI too: from
    the first chrome line after which every line is chrome, a teaser or UI-like (found in one pass from the end)."""
    first = None
    for i in range(len(kinds) - 1, -1, -1):  # i walks back while every line after it is chrome, a teaser or UI-like
        if kinds[i] == "chrome":
            first = i
        if not (kinds[i] in ("chrome", "teaser") or _ui_like(lines[i][0])):
            break
    if first is None:
        return
    for j in range(first + 1, len(lines)):
        if kinds[j] != "teaser":  # other articles' headlines under a "Related" label stay theirs
            kinds[j] = "chrome"


def _ui_like(line: str) -> bool:
    return words_in(line) <= 12 and not re.search(r"[.!?\"”»。！？」』]$", line)
