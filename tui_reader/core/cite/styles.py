"""Citations: APA 7, MLA 9, Chicago 17 (bibliography entry and full note), BibTeX, CSL-JSON, RIS.

The three prose styles are rendered by citeproc-py from the official CSL styles (see
`citation_csl` for the fixes to citeproc-py's defects); the data formats are written here
(`citation_formats`). Metadata corrections made by the user live in the state store
(`citation_overrides`); `effective_metadata` applies them.

Casing (`citation_casing`): MLA and Chicago use their headline style; APA uses sentence case for
the article's title when the article's own text tells which words are proper nouns (otherwise the
title as the source gives it), and headline style for a title in the text. The access date
defaults to today and can be passed in (tests, reproducible exports).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from pathlib import Path

from tui_reader.core import census, names, urls
from tui_reader.core.cite.casing import (
    capitalize_openings,
    is_abbreviation,
    looks_title_cased,
    lowercase_openers,
    proper_nouns,
    sentence_case,
    title_case,
)
from tui_reader.core.cite.csl import BLOG, ITALIC_CLOSE, ITALIC_OPEN, TITLE_END, finish, render_csl
from tui_reader.core.cite.data import access_date, authors_of, blog_of, csl_item, csl_name, site_name
from tui_reader.core.cite.formats import bibtex_entry, csl_json, ris_record
from tui_reader.core.cite.overrides import (
    OVERRIDE_FIELDS,
    apply_overrides,
    load_overrides,
    save_overrides,
    validate_override,
)
from tui_reader.core.extract.publisher import essentially_same, same_organisation, squash, without_business_words
from tui_reader.core.model import Article, Metadata, Quote
from tui_reader.core.sanitize import clean_inline

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
    "sentence_case",
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


def _casing(source: Article | Metadata, title: str, style: str, *, in_text: bool) -> str:
    metadata = _metadata(source)
    if not is_english(metadata, title):
        return title
    if style != "apa" or in_text:
        return title_case(title, style)
    if isinstance(source, Article) and looks_title_cased(title):
        # the text's prose; and the names of several words its headings in sentence case write (a deck: "… writer
        # David Emery posted …"), not their single capitals ("How the Storm changed everything")
        body = (b.text for b in source.blocks if b.kind in _PROSE)
        headings = (b.text for b in source.blocks
                    if b.kind == "heading" and not looks_title_cased(b.text) and not b.text.isupper())
        return sentence_case(title, proper_nouns(body) | proper_nouns(headings, names_only=True))
    # APA without the article's text, or a title already in sentence case: the source's own casing, its first
    # words capitalised (APA 7 §6.17)
    lower = lowercase_openers(b.text for b in source.blocks if b.kind in _PROSE) if isinstance(source, Article) else frozenset()
    return capitalize_openings(title, lower)


def _one_body(item: dict, style: str, people: list) -> None:
    """Author = site (or publisher): each style names the organisation once (APA 7 §9.7: omit the site;
    MLA 9 §5.7: start with the title, the organisation stays as publisher or site; CMOS 17 §14.206:
    the owner stands in the author's place)."""
    site, publisher = item.get("container-title"), item.get("publisher")
    if publisher and (essentially_same(publisher, site) or _names_the_site(publisher, site)):
        item.pop("publisher")
        publisher = None
    owned = _owns_the_page(item, people)  # a publisher that is the site again is no other publisher
    organisations = [n for n in people if n.is_organization]
    if len(people) != 1 or not organisations:
        return
    author = organisations[0].text
    if style == "chicago" and owned:
        item["publisher"] = author  # CMOS 17 §14.207: in the owner's place, listed under it
        item.pop("author", None)
        return
    if style == "apa":
        if essentially_same(author, site):
            item.pop("container-title")
            item.pop("publisher", None)  # APA 7 §9.29: "World Health Organization. (2018). Title. URL": nothing between
        if essentially_same(author, publisher):
            item.pop("publisher", None)
    elif essentially_same(author, site) or essentially_same(author, publisher):
        item.pop("author", None)


def _site_as_person(name, item: dict) -> bool:
    """A one-word "person" that is the site or its publisher and no one's name: the site signing its page
    (AppleInsider, Cloudflare); "Regan", a given name, on her own blog stays a person."""
    return name.person is None and not name.is_organization and not census.known(name.text) and (
        essentially_same(name.text, item.get("container-title")) or essentially_same(name.text, item.get("publisher")))


def _names_the_site(publisher: str, site: str | None) -> bool:
    """A publisher that only names the site again, by its first words or as its address ("Sputnik" beside
    "Sputnik International", "EnterMedia.co.kr" beside "Entermedia"): no other publisher to name (MLA 9 §2.5.3)."""
    if not site:
        return False
    bare = re.sub(r"(?:\.[a-z]{2,3}){1,2}$", "", publisher.strip(), flags=re.IGNORECASE)
    if bare != publisher.strip() and squash(bare) == squash(site):
        return True
    words, site_words = publisher.casefold().split(), site.casefold().split()
    return (0 < len(words) < len(site_words) and site_words[: len(words)] == words
            and all(w in _SERVICE_SUFFIXES for w in site_words[len(words):]))  # not "Harbour" of "Harbour Guide"


# Words a site adds to its publisher's name for an edition or service ("Sputnik International", "BBC World").
_SERVICE_SUFFIXES = frozenset("international world global online digital news edition".split())


def _owns_the_page(item: dict, people: list) -> bool:
    """A web page signed by one organisation that the page shows owns the site is the organisation's own
    page: Chicago cites it as the site's owner (CMOS 17 §14.207, the Quick Guide's “Privacy Policy,”
    Privacy & Terms, Google). The page shows it by naming the organisation as its publisher, or by the
    site's address (Google on google.com, Human Rights Watch on hrw.org). An organisation's byline is
    not enough: a news agency's story on a portal (Associated Press on Yahoo News) is the agency's, as
    author. Not for a group of the site's own people ("Harbour Portal Staff"), nor for a periodical's
    article or a blog post. MLA keeps such an organisation as the author (a guide's MLA 9 example: The
    Library of Congress. “American Notes.” American Memory)."""
    if item["type"] != "webpage" or len(people) != 1 or not people[0].is_organization:
        return False
    organisation, site = people[0].text, item.get("container-title") or ""
    if same_organisation(organisation, site) or site.casefold() in organisation.casefold():
        return False
    if item.get("publisher"):
        return same_organisation(organisation, item["publisher"])
    return _addressed_to(organisation, item.get("URL"))


def _addressed_to(organisation: str, url: str | None) -> bool:
    """The site's address is the organisation's name or initials ("google.com", "hrw.org")."""
    name = urls.own_label(urls.host(url))
    if not name:
        return False
    return same_organisation(organisation, name) or same_organisation(organisation, name.upper())


def _style_item(source: Article | Metadata, style: str, accessed: datetime.date, *, in_text: bool) -> dict:
    metadata = _metadata(source)
    item = csl_item(metadata, accessed)
    # a name of one word that is the site's is the site signing its page ("AppleInsider" as a Person in its
    # structured data); another one-word name is a person's ("Regan" on her blog, also its publisher)
    people = [dataclasses.replace(n, organization=True) if _site_as_person(n, item) else n for n in authors_of(metadata)]
    if style != "apa" and "publisher" in item:
        item["publisher"] = without_business_words(item["publisher"])  # an essentially-same one goes in _one_body
    if people:  # MLA and Chicago write a family-first name as it stands ("Kim Jong-un"); APA inverts it
        item["author"] = [csl_name(n, whole_if_family_first=style != "apa") for n in people]
    _one_body(item, style, people)
    title_key = squash(item.get("title") or "")
    if title_key and title_key == squash(site_name(metadata) or ""):
        item.pop("container-title")  # the site itself ("Four Moves" on Four Moves): named once, as the work
    kind = item["type"]
    if style == "apa" and "publisher" in item:  # APA names the site only: the publisher stands in for a missing one
        publisher = item.pop("publisher")
        if "container-title" not in item and not any(same_organisation(n.text, publisher) for n in people):
            item["container-title"] = publisher
    if style == "apa":
        # APA 7 §9.16: a retrieval date only for content designed to change, which a page does not say
        # (the APA CSL style adds one to every undated page; see _NO_RETRIEVAL)
        item.pop("accessed", None)
    if style == "mla" and kind == "post-weblog":
        item["type"] = "webpage"  # MLA 9 cites a blog as a website (with its publisher)
    named = not item.get("title") and not item.get("author") and _stand_in(source, item, style)
    title = item.get("title")
    if title and not named:
        # a title the style quotes (MLA and Chicago always, APA in the text) has single marks inside it
        title = smart_quotes(title, nested=style != "apa" or in_text)
        if in_text and re.search(r"\.[’”]*$", title) and not is_abbreviation(title.rsplit(None, 1)[-1]):
            title = re.sub(r"\.([’”]*)$", r"\1", title)  # the title's own period is no part of a parenthesis: (“It Is Over”)
        cased = _casing(source, title, style, in_text=in_text)
        item["title"] = _nocase(cased + TITLE_END)
        main, sep, _rest = cased.partition(": ")
        if sep and main:
            item["title-short"] = _nocase(main)  # a shortened title drops the subtitle
        elif len(words := cased.split()) > SHORT_TITLE_WORDS + 1:
            # APA 7 §8.14, MLA 9 §6.x: a long title is shortened in the text, to its first words
            short = _first_words(words)
            if short:
                item["title-short"] = _nocase(" ".join(short).rstrip(",;:—–-"))
    site = item.get("container-title")
    host = site_name(metadata)
    if site and blog_of(metadata) and host:
        item["container-title"] = _nocase(_blog_in_site(metadata.blog, host, style, english=is_english(metadata, host)))
    elif site:
        if style == "chicago" and kind == "article-newspaper" and is_english(metadata, site):
            site = _without_the(site)
        if style == "chicago" and kind == "post-weblog":
            site = _labelled_blog(site)
        item["container-title"] = _nocase(site)  # a site's name is printed as the site writes it (bbc.com, eBay)
    if style == "mla" and "URL" in item:
        # MLA 9 §5.95: the protocol (http://, https://) is usually omitted
        item["URL"] = re.sub(r"^https?://", "", item["URL"])
    return item


def _blog_in_site(blog: str, site: str, style: str, *, english: bool) -> str:
    """A post on a blog that a larger site hosts: CMOS 17 §14.208 names both ("Sci-Ed (blog), PLOS Blogs";
    a newspaper without its "The", §14.172), MLA 9 the blog and then the site as a second container, APA 7
    (§10.1, blog posts) the blog alone, as the site."""
    if style == "chicago":
        host = _without_the(site) if english else site
        return f"{_labelled_blog(blog)}{ITALIC_CLOSE}, {ITALIC_OPEN}{host}"  # each name in its own italics
    if style == "mla":
        return f"{blog}{ITALIC_CLOSE}, {ITALIC_OPEN}{site}"
    return blog


def _without_the(name: str) -> str:
    """A newspaper's name without its initial "The" (CMOS 17 §14.172: "New York Times")."""
    return re.sub(r"^The\s+(?=\S)", "", name)


def _labelled_blog(name: str) -> str:
    """A blog's name with "(blog)" after it (CMOS 17 §14.208: "Sci-Ed (blog)"), unless it says so already
    ("PLOS Blogs")."""
    return name if "blog" in name.lower() else name + BLOG


def stand_in_name(source: Article | Metadata) -> str | None:
    """What names a work without author or title: its site, else its address's host, else the
    saved file's name."""
    metadata = _metadata(source)
    if metadata.site and metadata.site.strip():
        return metadata.site.strip()
    if urls.host(metadata.url):
        return urls.host(metadata.url)
    return Path(source.path).name if isinstance(source, Article) and source.path else None


def _stand_in(source: Article | Metadata, item: dict, style: str) -> bool:
    """A work with neither author nor title is named by what else identifies it (`stand_in_name`):
    APA 7 §9.12 and CMOS 17 §14.206 put the site (or the owner) in the author's place; MLA 9 §5.6
    begins the entry with the next element, the site, and names a saved file by its file name."""
    name = stand_in_name(source)
    if not name:
        return False
    if style == "mla":  # True: the title is the file's name, written as it is
        if not item.get("container-title") and not item.get("URL"):
            item["title"] = _nocase(name)
            return True
        return False
    item["author"] = [{"literal": name}]
    if same_organisation(item.get("container-title"), name):
        item.pop("container-title")
    return False


SHORT_TITLE_WORDS = 5  # a title of more words is shortened to its first ones in an in-text citation
_MINOR = frozenset("a an the and or but nor of to in on at for from by with as into over after is are was be".split())


def _first_words(words: list[str]) -> list[str] | None:
    """The first words of a long title for an in-text citation, not ending in a small word, and never half a
    quotation: one the cut would split is taken whole when it closes soon, else left out (None: no shorter title)."""
    short = words[:SHORT_TITLE_WORDS]
    opening = next((k for k, w in enumerate(short) if w[:1] in "‘“\"'"), None)
    if opening is not None:
        closing = next((k for k in range(opening, len(words)) if words[k].rstrip(",;:.!?")[-1:] in "’”\"'"), None)
        if closing is not None and closing < SHORT_TITLE_WORDS + 3:
            short = words[:closing + 1]
        elif opening >= 2:
            short = short[:opening]
        else:
            return None
    while len(short) > 1 and _core_word(short[-1]) in _MINOR:
        short.pop()
    return short


def _core_word(word: str) -> str:
    return word.strip("“”‘’\"'.,;:!?()").casefold()


def format_reference(source: Article | Metadata, style: str, *, markdown: bool = False,
                     accessed: datetime.date | None = None) -> str:
    """The reference for an article (or its metadata) in one of `STYLES`."""
    metadata = _metadata(source)
    accessed = access_date(metadata, accessed)
    if style == "bibtex":
        return bibtex_entry(metadata, accessed)
    if style == "csl-json":
        return csl_json([csl_item(metadata, accessed)])
    if style == "ris":
        return ris_record(metadata, accessed)
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (choose from {', '.join(STYLES)})")
    csl_style = "chicago" if style == "chicago-note" else style
    item = _style_item(source, csl_style, accessed, in_text=False)
    text = None
    if csl_style == "chicago" and "issued" in item:
        if metadata.revised:
            text = _in_access_place(dict(item), citation=style == "chicago-note",
                                    label="last reviewed" if metadata.reviewed else "last modified")
        elif style == "chicago" and item["type"] == "webpage":
            text = _in_access_place(dict(item), citation=False, label="")
    if text is None:
        text = render_csl(item, csl_style, citation=style == "chicago-note")
    if style == "apa":
        # APA 7 §9.8: 21 or more authors elide to the first 19, ". . ." and the last (the CSL style writes "…")
        text = _NO_RETRIEVAL.sub("", text)
        if len(item.get("author", ())) >= 21:  # the list comes first: its "…" is the first one (a title's stays)
            text = text.replace(", … ", ", . . . ", 1)
    if csl_style == "chicago":  # CMOS 17 §14.12: the access date stands in for the missing date, no "n.d."
        text = _NO_DATE_THEN_ACCESS.sub(lambda m: "." if m.group(1).startswith(",") and not m.group(2) else "", text)
    return finish(text, markdown=markdown)


def _in_access_place(item: dict, *, citation: bool, label: str) -> str | None:
    """The item's date printed where an undated page's access date goes, after `label` instead of
    "accessed". CMOS 17 §14.13: a page dated only by its last revision says so ("last modified March 5,
    2018"; "Last modified ..." in the bibliography), in the page's own word ("last reviewed" where the
    page says it was reviewed then). CMOS 17 §14.207: a web page's date of publication is, in the
    bibliography, an element of its own after the site's title ("Privacy & Terms. Last modified April 17,
    2017."; "Harbour Guide. February 23, 2021."), where the CSL style runs it on after a comma. None where
    the style would not print it there, or where the item's kind has a date place of its own that would
    then say "n.d." (a periodical's article: its date is printed there)."""
    item["accessed"] = item.pop("issued")
    text = render_csl(item, "chicago", citation=citation)
    terms = list(_ACCESSED_TERM.finditer(text))
    if not terms or re.search(r"\bn\.\s?d\.", text):
        return None
    term = terms[-1]  # the date's own label: a title or site before it may hold the word too ("Records Accessed by")
    relabelled = (label[0].upper() if term.group(1) == "A" else label[0]) + label[1:] + " " if label else ""
    return text[:term.start()] + relabelled + text[term.end():]


# The CSL term "accessed" right before the date it labels ("accessed May 1, 2024", "Accessed 2021").
_ACCESS_DATE = r"(?:[A-Z][a-z]+ )?(?:\d{1,2}, )?\d{4}\b"
_ACCESSED_TERM = re.compile(rf"\b([Aa])ccessed (?={_ACCESS_DATE})")

# The Chicago style prints "n.d." in a periodical's, a blog's or an unsigned entry's date place, then the
# access date: after a comma ("Salt Notes, n.d. Accessed"; a note's "n.d., accessed") or after the title's
# own period ("“Records.” n.d. Accessed").
_NO_DATE_THEN_ACCESS = re.compile(rf"(,\s*|\s+)n\.\s?d\.(?=(,?)\s+[Aa]ccessed {_ACCESS_DATE})")

# The APA style prints "Retrieved" before the URL of an undated page even without a retrieval date.
_NO_RETRIEVAL = re.compile(r"\bRetrieved (?=https?://)")


def in_text_citation(source: Article | Metadata, style: str, *, speaker: str | None = None,
                     locator: str | None = None, markdown: bool = False,
                     accessed: datetime.date | None = None) -> str | None:
    """The parenthetical in-text citation for APA and MLA ("(Lee, 2024)", "(Lee)"); None for
    other styles. A `speaker` who is not an author of the article is cited as quoted in it
    (APA 7 §8.6 "as cited in"; MLA 9 §6.79 "qtd. in"). APA gives a direct quotation's `locator`
    (`quote_locator`, APA 7 §8.28: "(Lee, 2024, para. 4)"); MLA cites paragraphs only where the source
    numbers them."""
    if style not in ("apa", "mla"):
        return None
    metadata = _metadata(source)
    item = _style_item(source, style, access_date(metadata, accessed), in_text=True)
    text = finish(render_csl(item, style, citation=True), markdown=markdown)
    if style == "apa" and locator and text.endswith(")"):
        text = f"{text[:-1]}, {locator})"
    if style == "mla" and text in ("", "()"):  # MLA 9 §6.x: the entry's first element, else nothing to cite
        name = stand_in_name(source)
        if not name:
            return None
        site = metadata.site and name == metadata.site.strip()
        text = f"(*{name}*)" if site and markdown else f"({name})"
    if speaker and not is_author(speaker, metadata) and text.startswith("("):
        text = "(" + ("as cited in " if style == "apa" else "qtd. in ") + text[1:]
    return text


_PROSE = ("paragraph", "list_item", "blockquote")


def paragraph_number(article: Article, quote: Quote) -> int | None:
    """The quote's paragraph counted in the article's own paragraphs (headings, captions and code
    are not paragraphs); None when the quote is not in a paragraph of the article."""
    count = 0
    for s, section in enumerate(article.sections):
        for b, block in enumerate(section.blocks):
            if block.kind not in _PROSE:
                continue
            count += 1
            if (s, b) == (quote.section, quote.block):
                return count
    return None


_SHORT_HEADING = 5  # words; a longer heading would have to be shortened, which is the writer's call


# A heading's list number: "6. ", "6) ", "IV. "
_ENUMERATION = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6})[.)]\s+(?=\S)")


def quote_locator(article: Article, quote: Quote) -> str | None:
    """Where a quotation stands in a page without page numbers (APA 7 §8.28): under a short heading,
    the heading and the paragraph counted from it ("My Story section, para. 3"), as APA's examples
    cite a long page (a count from the top is hard to check there); otherwise the paragraph counted
    from the top ("para. 4"). None when the quote is not in a paragraph of the article."""
    if not (0 <= quote.section < len(article.sections)):
        return None
    section = article.sections[quote.section]
    heading = _ENUMERATION.sub("", clean_inline(section.title or "")).rstrip(".:")  # "6. The Gordon problem"
    heading = re.sub(r'"([^"]*)"', r"“\1”", heading)  # a quotation in the heading, in the citation's marks
    if heading and len(heading.split()) <= _SHORT_HEADING and not heading.endswith("?"):
        prose = [b for b, block in enumerate(section.blocks) if block.kind in _PROSE]
        if quote.block in prose:
            return f"{heading} section, para. {prose.index(quote.block) + 1}"
    number = paragraph_number(article, quote)
    return f"para. {number}" if number else None


def is_author(speaker: str, metadata: Metadata) -> bool:
    """Whether the speaker is one of the article's authors (the same organisation, or the same
    family name and the same given name when the speaker's is known)."""
    said = names.parse_person(speaker)
    for author in authors_of(metadata):
        if same_organisation(author.text, speaker) or author.person is None:
            if same_organisation(author.text, speaker):
                return True
            continue
        if said is None:  # one word: a family name
            if speaker.strip().casefold() == author.person.family.casefold():
                return True
            continue
        if said.family.casefold() != author.person.family.casefold():
            continue
        given_said = said.given.casefold().rstrip(".")
        given_author = author.person.given.casefold()
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


# A quotation's own closing period, comma, colon or semicolon (not an ellipsis's dots, a "?" or a "!", which stay).
# An abbreviation's period stays ("the U.S.", "Ann Lee Jr.").
_SENTENCE_STOP = re.compile(r"(?<![.…])(?<!\b[A-Z])(?<!\.[A-Za-z])(?<!\b(?:Jr|Sr|St|Co))(?<!\bInc)[.,;:](?=['’]?$)")


def format_quote_citation(article: Article | Metadata, quote: Quote, style: str, *,
                          markdown: bool = False, accessed: datetime.date | None = None) -> str:
    """What `y` copies: “the quote” — Speaker (in-text citation), a blank line, the reference.

    The in-text citation is given for APA and MLA only (Chicago cites in notes)."""
    text = clean_quote_text(quote.text)
    speaker = re.sub(r"\s+", " ", quote.speaker).strip() if quote.speaker else None
    locator = quote_locator(article, quote) if isinstance(article, Article) else None
    in_text = in_text_citation(article, style, speaker=speaker, locator=locator, markdown=markdown,
                               accessed=accessed)
    if in_text:  # APA 7 §8.26, MLA 9 §6.43: the sentence's period follows the citation, not the quotation
        text = _SENTENCE_STOP.sub("", text)
    if markdown:
        text = escape_markdown(text)
    line = f"“{text}”"
    if speaker:
        line += f" — {escape_markdown(speaker) if markdown else speaker}"
    if in_text:
        line += f" {in_text}."
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
