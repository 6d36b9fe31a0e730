"""Citations: APA 7, MLA 9, Chicago 17 (bibliography entry and full note), BibTeX, CSL-JSON, RIS.

The three prose styles are rendered by citeproc-py from the official CSL styles (see
`citation_csl` for the fixes to citeproc-py's defects); the data formats are written here
(`citation_formats`). Metadata corrections made by the user live in the state store
(`citation_overrides`); `effective_metadata` applies them.

Casing: APA keeps the title as the source gives it; MLA and Chicago use title case
(`title_case`). The access date defaults to today and can be passed in (tests, reproducible
exports).
"""

from __future__ import annotations

import datetime
import re

from tui_reader.core.cite.csl import finish, render_csl
from tui_reader.core.cite.data import csl_item, parse_name, split_authors
from tui_reader.core.cite.formats import bibtex_entry, csl_json, ris_record
from tui_reader.core.cite.overrides import (
    OVERRIDE_FIELDS,
    apply_overrides,
    load_overrides,
    save_overrides,
    validate_override,
)
from tui_reader.core.model import Article, Metadata, Quote

__all__ = [
    "OVERRIDE_FIELDS",
    "STYLES",
    "apply_overrides",
    "effective_metadata",
    "format_quote_citation",
    "format_reference",
    "in_text_citation",
    "load_overrides",
    "load_style",
    "save_style",
    "save_overrides",
    "style_label",
    "title_case",
    "validate_override",
]

STYLES = ("apa", "mla", "chicago", "chicago-note", "bibtex", "csl-json", "ris")

_LABELS = {
    "apa": "APA 7",
    "mla": "MLA 9",
    "chicago": "Chicago 17 (bibliography)",
    "chicago-note": "Chicago 17 (note)",
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
    "ris": "RIS",
}

# Words kept lower case inside a title (MLA 9 §1.2.1, CMOS 17 §8.159): articles, coordinating
# conjunctions, prepositions, and "to" in infinitives.
_MINOR_WORDS = frozenset(
    """a an the and but for nor or so yet as at by down for from in into of off on onto out over per
    to up upon via with within without about above across after against along amid among around
    before behind below beneath beside besides between beyond despite during except inside
    outside through throughout toward towards under underneath unlike until till v. vs. vs""".split()
)
_BREAK_AFTER = (":", "—", "–", "?", "!", ".")  # the next word starts a new phrase: capitalised
_LEADING = "\"'“‘([{¿¡«"


def _capitalize(word: str) -> str:
    i = 0
    while i < len(word) and word[i] in _LEADING:
        i += 1
    return word[:i] + word[i:i + 1].upper() + word[i + 1:]


def _core(word: str) -> str:
    return word.strip(_LEADING + "\"'”’)]}.,;:!?»").lower()


def _keep_as_is(word: str) -> bool:
    """Acronyms, all-caps words, mixed case (iPhone, McDonald), URLs and domains are not touched."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return True
    if any(c.isupper() for c in letters[1:]):
        return True
    return bool(re.search(r"\w\.\w|/|@", word))


def _case_word(word: str, *, force: bool) -> str:
    if _keep_as_is(word):
        return word
    if "-" in word and not word.startswith("-"):
        parts = word.split("-")
        out = [_case_word(parts[0], force=force)]
        for part in parts[1:]:
            out.append(part if _keep_as_is(part) else
                       part.lower() if _core(part) in _MINOR_WORDS else _capitalize(part))
        return "-".join(out)
    if not force and _core(word) in _MINOR_WORDS:
        return word.lower()
    return _capitalize(word)


def title_case(title: str) -> str:
    """Headline-style capitalisation as MLA 9 and Chicago 17 use it.

    Capitalise the first and last words, the first word after a colon, dash, question or
    exclamation mark, and every other word except articles, prepositions, coordinating
    conjunctions and "to"; capitalise each part of a hyphenated compound except such minor
    words (Step-by-Step); leave acronyms, all-caps and mixed-case words (NATO, iPhone) alone.
    """
    tokens = re.split(r"(\s+)", title.strip())
    words = [i for i, t in enumerate(tokens) if t and not t.isspace()]
    out = list(tokens)
    previous = None
    for n, i in enumerate(words):
        word = tokens[i]
        force = n == 0 or n == len(words) - 1 or (previous is not None and previous.endswith(_BREAK_AFTER))
        out[i] = _case_word(word, force=force)
        previous = word.rstrip("\"'”’)]}»")
    return "".join(out)


# --- references -----------------------------------------------------------------------------------


def _metadata(source: Article | Metadata) -> Metadata:
    return source.metadata if isinstance(source, Article) else source


def _nocase(text: str) -> str:
    return f'<span class="nocase">{text}</span>'


def smart_quotes(text: str, *, nested: bool) -> str:
    """Straight quotation marks made typographic; with `nested` (a title that the style puts in
    double quotation marks) double marks inside become single ones (MLA 9 §6.23, CMOS 6.11)."""
    text = re.sub(r'(^|[\s(\[{—–-])"', "\\1“", text).replace('"', "”")
    text = re.sub(r"(^|[\s(\[{—–-])'", "\\1‘", text).replace("'", "’")
    if nested:
        text = text.replace("“", "‘").replace("”", "’")
    return text


def is_english(metadata: Metadata, title: str) -> bool:
    """Title case is an English convention: other languages keep the source's capitalisation
    (MLA 9 §1.2.2; CMOS 17 §11.6)."""
    if metadata.language:
        return metadata.language.lower().startswith("en")
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.97


def _style_item(metadata: Metadata, style: str, accessed: datetime.date, *, in_text: bool) -> dict:
    item = csl_item(metadata, accessed)
    title = item.get("title")
    if title:
        title = smart_quotes(title, nested=style != "apa")
        # APA: the source's casing in the reference list, title case in the text (APA 7 §8.14)
        keep = (style == "apa" and not in_text) or not is_english(metadata, title)
        cased = title if keep else title_case(title)
        item["title"] = _nocase(cased)
        main, sep, _rest = cased.partition(": ")
        if sep and main:
            item["title-short"] = _nocase(main)  # a shortened title drops the subtitle
    if "container-title" in item:  # a site's name is printed as the site writes it (bbc.com, eBay)
        item["container-title"] = _nocase(item["container-title"])
    if style == "mla" and "URL" in item:
        # MLA 9 §5.95: the protocol (http://, https://) is usually omitted
        item["URL"] = re.sub(r"^https?://", "", item["URL"])
    return item


def _today(accessed: datetime.date | None) -> datetime.date:
    return accessed or datetime.date.today()


def format_reference(source: Article | Metadata, style: str, *, markdown: bool = False,
                     accessed: datetime.date | None = None) -> str:
    """The reference for an article (or its metadata) in one of `STYLES`."""
    metadata = _metadata(source)
    accessed = _today(accessed)
    if style == "bibtex":
        return bibtex_entry(metadata, accessed)
    if style == "csl-json":
        return csl_json([csl_item(metadata, accessed)])
    if style == "ris":
        return ris_record(metadata, accessed)
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (choose from {', '.join(STYLES)})")
    csl_style = "chicago" if style == "chicago-note" else style
    item = _style_item(metadata, csl_style, accessed, in_text=False)
    return finish(render_csl(item, csl_style, citation=style == "chicago-note"), markdown=markdown)


def in_text_citation(source: Article | Metadata, style: str, *, speaker: str | None = None,
                     markdown: bool = False, accessed: datetime.date | None = None) -> str | None:
    """The parenthetical in-text citation for APA and MLA ("(Lee, 2024)", "(Lee)"); None for
    other styles. A `speaker` who is not an author of the article is cited as quoted in it
    (APA 7 §8.6 "as cited in"; MLA 9 §6.79 "qtd. in")."""
    if style not in ("apa", "mla"):
        return None
    metadata = _metadata(source)
    item = _style_item(metadata, style, _today(accessed), in_text=True)
    text = finish(render_csl(item, style, citation=True), markdown=markdown)
    if speaker and not is_author(speaker, metadata) and text.startswith("("):
        text = "(" + ("as cited in " if style == "apa" else "qtd. in ") + text[1:]
    return text


def is_author(speaker: str, metadata: Metadata) -> bool:
    """Whether the speaker is one of the article's authors (same family name, and the same
    given name when the speaker's is known)."""
    said = parse_name(speaker)
    if not said:
        return False
    for author in (parse_name(a) for a in split_authors(metadata.authors)):
        if not author:
            continue
        if "literal" in author or "literal" in said:
            if author.get("literal", "").casefold() == said.get("literal", speaker).casefold():
                return True
            if "literal" in said and "family" in author and said["literal"].casefold() == author["family"].casefold():
                return True
            continue
        if said["family"].casefold() != author["family"].casefold():
            continue
        given_said = said.get("given", "").casefold().rstrip(".")
        given_author = author.get("given", "").casefold()
        if not given_said or given_author.startswith(given_said) or given_said.startswith(given_author):
            return True
    return False


def clean_quote_text(text: str) -> str:
    """The quote on one line, without the quotation marks around it (we add our own)."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > 1 and text[0] in "\"“„«" and text[-1] in "\"”“»":
        text = text[1:-1].strip()
    return text


def escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def format_quote_citation(article: Article | Metadata, quote: Quote, style: str, *,
                          markdown: bool = False, accessed: datetime.date | None = None) -> str:
    """What `y` copies: “the quote” — Speaker (in-text citation), a blank line, the reference.

    The in-text citation is given for APA and MLA only (Chicago cites in notes)."""
    accessed = _today(accessed)
    text = clean_quote_text(quote.text)
    speaker = re.sub(r"\s+", " ", quote.speaker).strip() if quote.speaker else None
    if markdown:
        text = escape_markdown(text)
    line = f"“{text}”"
    if speaker:
        line += f" — {escape_markdown(speaker) if markdown else speaker}"
    in_text = in_text_citation(article, style, speaker=speaker, markdown=markdown, accessed=accessed)
    if in_text:
        line += f" {in_text}"
    return f"{line}\n\n{format_reference(article, style, markdown=markdown, accessed=accessed)}"


def style_label(style: str) -> str:
    """A short name for the footer: "APA 7", "MLA 9", "Chicago 17 (note)", …"""
    return _LABELS.get(style, style)


def effective_metadata(article: Article, state=None) -> Metadata:
    """The article's metadata with the user's stored corrections applied."""
    if state is None:
        from tui_reader.core.state import State

        state = State()
    return apply_overrides(article.metadata, load_overrides(state, article.content_hash))


# --- the chosen style, persisted in the state ----------------------------------------------------

STYLE_SETTING = ("settings", "citation_style")
DEFAULT_STYLE = "apa"


def load_style(state) -> str:
    """The citation style the user chose last (APA when none or unknown)."""
    value = state.get(*STYLE_SETTING)
    return value if value in STYLES else DEFAULT_STYLE


def save_style(state, style: str) -> None:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r}")
    state.set(*STYLE_SETTING, style)
