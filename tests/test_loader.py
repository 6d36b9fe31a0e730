"""load_article on every kind of input: samples, bad files, arbitrary bytes."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui_reader.core import Article, ArticleError, load_article
from tui_reader.core.extract import decode as decode_module
from tui_reader.core.model import Author

from .conftest import ARTICLES, ROOT


def test_core_imports_no_ui_library():
    code = ("import sys, tui_reader.core, tui_reader.core.render, tui_reader.core.state; "
            "import tui_reader.core.library.discover, tui_reader.core.extract.html_body; "
            "bad = [m for m in ('textual', 'rich') if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_html_sample_metadata_and_blocks():
    a = load_article(ARTICLES / "harbour-wind-farm-vote.html")
    m = a.metadata
    assert a.format == "html"
    assert m.title == "Councillors back Gullrock wind farm after marathon harbour vote"
    assert m.site == "The Kelmouth Courier"
    assert m.authors == (Author("Rhiannon Dale", "person"),)
    assert m.published.startswith("2024-03-14")
    assert m.url == "https://www.kelmouthcourier.co.uk/news/local/harbour-wind-farm-vote"
    assert m.language == "en"
    kinds = {b.kind for b in a.blocks}
    assert {"heading", "paragraph", "list_item", "blockquote", "figure"} <= kinds
    text = a.text
    for chrome in ("Advertisement", "Share on", "newsletter", "Cookie", "All rights reserved"):
        assert chrome.lower() not in text.lower()
    # sections open at headings; the lead section has no title
    assert a.sections[0].title is None
    assert all(s.blocks[0].kind == "heading" and s.blocks[0].text == s.title for s in a.sections[1:])


def test_html_links_are_absolute():
    a = load_article(ARTICLES / "harbour-wind-farm-vote.html")
    links = [link for b in a.blocks for link in b.links]
    assert links and all(link.url.startswith("https://") for link in links)
    for b in a.blocks:
        for link in b.links:
            assert b.text[link.start:link.end] == link.text


def test_markdown_sample():
    a = load_article(ARTICLES / "library-funding-cuts.md")
    assert a.format == "markdown"
    assert a.metadata.title.startswith("Four branch libraries face closure")
    assert a.metadata.published == "2024-05-21"
    assert [h.url for h in a.headlines] and all(h.url.startswith("https://") for h in a.headlines)
    assert "Related" not in [s.title for s in a.sections]
    assert any(b.kind == "blockquote" for b in a.blocks)
    assert not any("**" in b.text or "](" in b.text for b in a.blocks)


def test_a_page_dated_by_its_revision_stays_so_through_markdown(tmp_path):
    from tui_reader.core.render import article_to_markdown

    page = tmp_path / "page.html"
    page.write_text('<html lang="en"><head><title>Weaver Hawkins</title>'
                    '<meta property="article:modified_time" content="2013-04-04"></head>'
                    '<body><article><h1>Weaver Hawkins</h1><p>A painter and printmaker who settled in Sydney.</p>'
                    '</article></body></html>', encoding="utf-8")
    article = load_article(page)
    assert article.metadata.published == "2013-04-04" and article.metadata.revised
    saved = tmp_path / "page.md"
    saved.write_text(article_to_markdown(article), encoding="utf-8")
    assert 'modified: "2013-04-04"' in saved.read_text(encoding="utf-8")
    again = load_article(saved).metadata
    assert again.published == "2013-04-04" and again.revised and not again.reviewed
    reviewed = tmp_path / "reviewed.html"
    reviewed.write_text('<html lang="en"><head><title>Know Your Risk</title></head><body><article><h1>Know Your Risk</h1>'
                        '<p>High blood pressure is a key risk factor.</p><p>Page last reviewed: December 9, 2019</p>'
                        '</article></body></html>', encoding="utf-8")
    saved.write_text(article_to_markdown(load_article(reviewed)), encoding="utf-8")
    assert 'reviewed: "2019-12-09"' in saved.read_text(encoding="utf-8")
    again = load_article(saved).metadata
    assert again.published == "2019-12-09" and again.revised and again.reviewed


def test_markdown_in_body_teaser_is_a_headline_with_its_place(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Harbour vote\nurl: https://news.example/2024/harbour-vote\n---\n\n"
                    "The council met on Monday and [approved the plan](https://news.example/docs/plan.pdf) "
                    "after a long debate.\n\n"
                    "(Read more: [Harbour traders fear months of roadworks on the quay](/2024/05/traders-fear-roadworks))\n\n"
                    "A final paragraph of the story follows here.\n\n## Related\n\n"
                    "- [Ferry timetable changes again for the summer season](/2024/04/ferry-timetable)\n")
    a = load_article(path)
    assert [(h.text, h.url, h.section, h.block) for h in a.headlines] == [
        ("Harbour traders fear months of roadworks on the quay", "https://news.example/2024/05/traders-fear-roadworks", 0, 1),
        ("Ferry timetable changes again for the summer season", "https://news.example/2024/04/ferry-timetable", None, None),
    ]


def test_cp1251_sample():
    a = load_article(ARTICLES / "volga-ferry-restart-cp1251.txt")
    assert a.metadata.language == "ru"
    assert a.metadata.title.startswith("Паром через Волгу")
    assert "\ufffd" not in a.text


def test_latin1_html_sample_and_visible_byline():
    a = load_article(ARTICLES / "festival-cafe-latin1.html")
    assert "Bréval" in a.metadata.title
    assert a.metadata.authors == (Author("Claire Dumontel", "person"),)
    assert a.metadata.published == "2024-09-09"
    assert not a.text.startswith("Par ")


def test_title_heading_not_repeated_in_body():
    a = load_article(ARTICLES / "festival-cafe-latin1.html")
    assert a.blocks[0].text != a.metadata.title


def test_content_hash_and_frozen():
    a = load_article(ARTICLES / "nato-secgen-responds-to-sputnik.txt")
    assert len(a.content_hash) == 64
    with pytest.raises(AttributeError):
        a.format = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("a.html", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("b.txt", b"%PDF-1.7\n...", "PDF"),
        ("c.md", b"PK\x03\x04\x14\x00", "zip"),
        ("d.txt", b"", "empty"),
        ("e.txt", b"  \n\n ", "empty"),
        ("f.txt", bytes(range(256)) * 20, "binary"),
    ],
)
def test_bad_files_raise_article_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert reason in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("Title Of It\n\nBody text here.")

    real_open = os.open

    def deny(name, *args, **kwargs):  # as root, chmod 000 would not stop the read
        if os.fspath(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(ArticleError, match="permission denied"):
        load_article(path)


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(decode_module, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "word " * 400)
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_deeply_nested_html(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "text" + "</div>" * 100_000 + "</body></html>")
    with pytest.raises(ArticleError, match="nested"):
        load_article(path)


def test_markup_in_text_stays_text(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text("Evil Title Here\n\nA paragraph with [b]x[/b] and [@click=app.quit]q[/] and \x1b[31mred\x1b[0m "
                    "and \x1b]52;c;aGVsbG8=\x07 osc.\n")
    a = load_article(path)
    assert "[b]x[/b]" in a.text and "[@click=app.quit]q[/]" in a.text
    assert "\x1b" not in a.text and "\x07" not in a.text


def test_no_file_written_next_to_articles(tmp_path):
    src = (ARTICLES / "harbour-wind-farm-vote.html").read_bytes()
    path = tmp_path / "page.html"
    path.write_bytes(src)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    load_article(path)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
    assert path.read_bytes() == src


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.builds(lambda t: f"<html><body><p>{t}</p><div>{t}</div></body></html>".encode("utf-8", "surrogatepass"),
                                st.text(max_size=300))),
       suffix=st.sampled_from([".txt", ".html", ".md", ""]))
def test_arbitrary_bytes_give_article_or_article_error(tmp_path, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    try:
        a = load_article(path)
    except ArticleError:
        return
    assert isinstance(a, Article)
    json.dumps(a.text)


def test_a_web_clippers_markdown_reads_as_the_page_did(tmp_path):
    # QA: Obsidian Web Clipper and MarkDownload clips had no site, kept " - BBC News" or " | Author" in the
    # title, ignored the clip time "created", showed linked pictures as raw Markdown, a quoted "## Excerpt"
    # as text, and kept "Advertisement" and sharing buttons
    clip = tmp_path / "clip.md"
    clip.write_text(
        '---\ntitle: "Obama admits US gun laws are his biggest frustration - BBC News"\n'
        'source: "http://www.bbc.com/news/world-us-canada-33646704"\nauthor:\n  - "[[Jon Sopel]]"\n'
        "published: 2015-07-24\ncreated: 2025-12-03\n---\n\n> ## Excerpt\n> The president spoke to the BBC.\n\n"
        "[![The president in the White House](https://ichef.example/o.jpg)](https://www.bbc.com/o)\n\n"
        "Advertisement\n\nPresident Barack Obama has admitted that his failure to pass gun laws is his biggest frustration.\n\n"
        "* [Share on Facebook](https://www.facebook.com/sharer.php?u=x)\n* Continue reading the main story\n",
        encoding="utf-8")
    a = load_article(clip)
    m = a.metadata
    assert (m.title, m.site, m.accessed[:10] if m.accessed else None) == (
        "Obama admits US gun laws are his biggest frustration", "BBC News", "2025-12-03")
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("heading", "Excerpt"), ("blockquote", "The president spoke to the BBC."),
        ("figure", "The president in the White House"),
        ("paragraph", "President Barack Obama has admitted that his failure to pass gun laws is his biggest frustration.")]
    # the author's name after the headline goes; a suffix that names neither the site nor the author stays
    clip.write_text('---\ntitle: "Maori tribes fearful over whale strandings | Eleanor Ainge Roy"\nauthor: Eleanor Ainge Roy\n'
                    'source: "https://www.theguardian.com/x"\n---\n\nText of the story.\n', encoding="utf-8")
    assert (load_article(clip).metadata.title, load_article(clip).metadata.site) == ("Maori tribes fearful over whale strandings", None)
    clip.write_text('---\ntitle: "Paris - The City of Light"\nsource: "//example.org/paris"\n---\n\nText.\n', encoding="utf-8")
    m = load_article(clip).metadata
    assert (m.title, m.site, m.url) == ("Paris - The City of Light", None, "https://example.org/paris")
