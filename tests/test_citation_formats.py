"""BibTeX, CSL-JSON and RIS: the records are complete and parse back."""

from __future__ import annotations

import datetime
import json

import pytest

from tui_reader.core.cite.export import export_text
from tui_reader.core.cite.formats import bibtex_entry
from tui_reader.core.cite.styles import format_reference
from tui_reader.core.model import Article, Block, Metadata, Quote, Section

ACCESSED = datetime.date(2025, 1, 2)
NEWS = Metadata(title="Harbour vote: 50% & a {split} council_decision", authors=("Rhiannon Dale", "Jan van der Berg"),
                site="The Kelmouth Courier", published="2024-03-14T08:00:00Z",
                url="https://example.co.uk/news/harbour_vote?x=1#top", language="en")
BLOG = Metadata(title="Notes from the quay", authors=("Kelmouth Harbour Trust",), site="Quay Blog",
                published="2023-11", kind="post-weblog")


def test_csl_json_round_trips():
    items = json.loads(format_reference(NEWS, "csl-json", accessed=ACCESSED))
    assert items == [{
        "id": "item", "type": "article-newspaper", "title": NEWS.title,
        "author": [{"given": "Rhiannon", "family": "Dale"},
                   {"given": "Jan", "family": "Berg", "non-dropping-particle": "van der"}],
        "container-title": "The Kelmouth Courier", "issued": {"date-parts": [[2024, 3, 14]]},
        "URL": NEWS.url, "language": "en", "accessed": {"date-parts": [[2025, 1, 2]]},
    }]
    blog = json.loads(format_reference(BLOG, "csl-json", accessed=ACCESSED))[0]
    assert blog["author"] == [{"literal": "Kelmouth Harbour Trust"}]
    assert blog["issued"] == {"date-parts": [[2023, 11]]} and blog["type"] == "post-weblog"


def test_bibtex_entry_fields():
    out = format_reference(NEWS, "bibtex", accessed=ACCESSED)
    assert out.startswith("@article{dale2024harbour,\n")
    assert "  author = {Dale, Rhiannon and van der Berg, Jan},\n" in out
    assert "  title = {{Harbour vote: 50\\% \\& a \\{split\\} council\\_decision}},\n" in out
    assert "  journal = {The Kelmouth Courier},\n" in out
    assert "  date = {2024-03-14},\n  year = {2024},\n" in out
    assert "  urldate = {2025-01-02}" in out
    blog = format_reference(BLOG, "bibtex", accessed=ACCESSED)
    assert blog.startswith("@online{") and "author = {{Kelmouth Harbour Trust}}" in blog
    assert "organization = {Quay Blog}" in blog and "date = {2023-11}" in blog


def test_a_newspaper_article_is_a_biblatex_newspaper_and_the_publisher_reaches_every_format():
    # issue #10: @article without entrysubtype reads as a journal article; pandoc's biblatex reader
    # (Text.Pandoc.Citeproc.BibTeX) makes @article with entrysubtype = {newspaper} a CSL article-newspaper
    owned = Metadata(title="Harbour vote", authors=("Rhiannon Dale",), site="CNBC", publisher="NBCUniversal Media, LLC",
                     published="2024-03-14", kind="article-newspaper")
    bib = format_reference(owned, "bibtex", accessed=ACCESSED)
    assert bib.startswith("@article{") and "  entrysubtype = {newspaper},\n" in bib
    assert "  publisher = {NBCUniversal Media, LLC}," in bib
    assert "entrysubtype" not in format_reference(BLOG, "bibtex", accessed=ACCESSED)
    assert "\nPB  - NBCUniversal Media, LLC\n" in format_reference(owned, "ris", accessed=ACCESSED)  # RIS: publisher
    assert json.loads(format_reference(owned, "csl-json", accessed=ACCESSED))[0]["publisher"] == "NBCUniversal Media, LLC"


def test_bibtex_parses_with_a_bibtex_parser():
    bibtexparser = pytest.importorskip("bibtexparser")
    entries = [(a, m) for a, m in ((_article(NEWS), NEWS), (_article(BLOG), BLOG), (_article(NEWS), NEWS))]
    text = export_text(entries, "bibtex", accessed=ACCESSED)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    keys = [e.key for e in library.entries]
    assert len(set(keys)) == 3  # duplicate articles get distinct keys
    first = library.entries[0]
    assert first.entry_type == "article"
    assert first.fields_dict["urldate"].value == "2025-01-02"
    assert first.fields_dict["url"].value == NEWS.url


def test_ris_record():
    out = format_reference(NEWS, "ris", accessed=ACCESSED).split("\n")
    assert out == [
        "TY  - NEWS", "AU  - Dale, Rhiannon", "AU  - van der Berg, Jan", f"TI  - {NEWS.title}",
        "T2  - The Kelmouth Courier", "PY  - 2024", "DA  - 2024/03/14/", f"UR  - {NEWS.url}",
        "Y2  - 2025/01/02/", "LA  - en", "ER  - ",
    ]
    blog = format_reference(BLOG, "ris", accessed=ACCESSED)
    assert blog.startswith("TY  - BLOG\nAU  - Kelmouth Harbour Trust\n") and "DA  - 2023/11//" in blog
    web = format_reference(Metadata(title="x", kind="webpage"), "ris", accessed=ACCESSED)
    assert web.startswith("TY  - ELEC\n")


def _article(metadata, quotes=()):
    block = Block("paragraph", "“We will build it,” said Ann Lee.")
    return Article(path="a.html", format="html", metadata=metadata, sections=(Section(None, 0, (block,)),),
                   quotes=tuple(quotes), content_hash="x")


QUOTES = (Quote(text="We will build it", speaker="Ann Lee", cue="said", section=0, block=0, start=1, end=17),
          Quote(text="Nobody asked us", speaker=None, cue=None, section=0, block=0, start=0, end=3))


def test_export_data_formats_carry_quotes():
    entries = [(_article(NEWS, QUOTES), NEWS), (_article(BLOG), BLOG)]
    items = json.loads(export_text(entries, "csl-json", accessed=ACCESSED))
    # each work's id is its BibTeX key: the same whatever else is exported with it (QA: "item1" or "item2")
    assert [i["id"] for i in items] == ["dale2024harbour", "kelmouthharbourtrust2023notes"]
    alone = json.loads(export_text([(_article(BLOG), BLOG)], "csl-json", accessed=ACCESSED))
    assert alone[0]["id"] == "kelmouthharbourtrust2023notes"
    assert items[0]["note"] == "“We will build it” — Ann Lee\n“Nobody asked us”"
    ris = export_text(entries, "ris", accessed=ACCESSED)
    assert "N1  - “We will build it” — Ann Lee\nN1  - “Nobody asked us”\nER  - " in ris
    assert ris.count("TY  - ") == 2
    bib = export_text(entries, "bibtex", accessed=ACCESSED)
    assert "annotation = {“We will build it” — Ann Lee \\par “Nobody asked us”}" in bib


def test_export_markdown_document():
    text = export_text([(_article(NEWS, QUOTES), NEWS), (_article(BLOG), BLOG)], "markdown", style="apa",
                       accessed=ACCESSED)
    assert text.startswith("<!-- tui-reader export -->\n")
    assert "## 1. Harbour vote: 50% & a {split} council\\_decision\n" in text
    assert format_reference(NEWS, "apa", markdown=True, accessed=ACCESSED) in text
    # APA 7 §8.28: each quotation's paragraph (both stand in the article's first paragraph)
    assert "> “We will build it”\n>\n> — Ann Lee (as cited in Dale & van der Berg, 2024, para. 1)\n" in text
    assert "> “Nobody asked us”\n>\n> — (speaker not identified) (Dale & van der Berg, 2024, para. 1)\n" in text
    assert "## 2. Notes from the quay\n" in text and "*No quotes found.*" in text


def test_a_blog_posts_blog_is_its_container_in_csl_json_and_ris():
    # Zotero reads a blog post's container-title (CSL-JSON) and T2 (RIS, TY BLOG) as the blog's title
    post = Metadata(title="Mapping Subject Areas", authors=("Jack Lee",), site="The Guardian", published="2019-03-06",
                    url="https://www.theguardian.com/science/blog/x", kind="post-weblog", blog="Notes & Theories")
    assert json.loads(format_reference(post, "csl-json", accessed=ACCESSED))[0]["container-title"] == "Notes & Theories"
    assert "T2  - Notes & Theories" in format_reference(post, "ris", accessed=ACCESSED)


def test_a_news_article_whose_paper_is_unknown_is_bibtex_online():
    # QA: "@article" with no journal, which biblatex styles warn about
    unknown = Metadata(title="City budget passes", authors=("Ann Carter",), published="2024-01-02",
                       url="https://example.org/budget")
    entry = bibtex_entry(unknown, ACCESSED)
    assert entry.startswith("@online{") and "journal" not in entry and "entrysubtype" not in entry
