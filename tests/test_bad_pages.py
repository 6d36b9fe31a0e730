"""Pages that once crashed the loader: each gives an Article (maybe with no text) or an ArticleError."""

from __future__ import annotations

import os

import pytest

from tui_reader.core import Article, ArticleError, load_article
from tui_reader.core.sanitize import CONTROLS

LONG = "Some words of an article that go on long enough to count as a paragraph of text. " * 3
QUOTED = '"The harbour will reopen in June," the mayor said on Friday.'


@pytest.mark.parametrize("page", [
    "<html></html>",
    "<html><head><title>Only a head</title></head></html>",
    '<html><frameset><frame src="a.html"></frameset></html>',
    "<!-- a comment --><html><!-- only comments --></html>",
    "<html><body>",
    "<!DOCTYPE html><html><body></body></html>",
])
def test_a_page_without_a_body_loads_empty(tmp_path, page):
    """readability's summary of such a page is a bare `<html></html>` (lxml: "too many bodies")."""
    path = tmp_path / "page.html"
    path.write_text(page)
    article = load_article(path)
    assert isinstance(article, Article)
    assert not article.text and "no article text found" in article.warnings


@pytest.mark.parametrize("url", ["http://[x", "http://[::1x]/a", "http://example.org:99999/a", "https://[/]"])
def test_malformed_urls_are_no_urls(tmp_path, url):
    page = (f'<html><head><link rel="canonical" href="{url}"><meta property="og:url" content="{url}">'
            f'<base href="{url}"></head><body><article><p>{LONG}</p><p>{QUOTED}</p>'
            f'<p><a href="{url}/story">A long enough headline for another story about the harbour</a></p>'
            f'<p><a href="/relative/path-to-a-story-with-many-words">Another headline of several words here</a></p>'
            f"</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page)
    article = load_article(path)
    assert article.metadata.url is None
    assert article.quotes and "harbour will reopen" in article.quotes[0].text
    assert all(h.url is None or "[" not in h.url for h in article.headlines)


def test_markdown_with_a_malformed_url(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(f"---\ntitle: A page\nurl: http://[x\n---\n\n{LONG}\n\n[a link of many words in a row](/a/b)\n")
    assert load_article(path).metadata.title == "A page"


def test_control_bytes_and_control_character_references(tmp_path):
    """Raw control bytes and `&#1;`-style references: lxml refuses such characters in a tree."""
    page = (f"<html><body><article><p>{LONG} <svg>x</svg>\x01 tail \x0b\x0c<noscript>n</noscript>\x1b]0;title\x07</p>"
            f"<p>{QUOTED} &#1; &#x1b;]52;c;aGk=&#7; <template>t</template>&#0;&#x1F; more</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode())
    article = load_article(path)
    text = article.text + "".join(b.text for b in article.blocks)
    assert "tail" in text and "more" in text
    import re

    assert not re.search(f"[{CONTROLS}]", text.replace("\n", ""))


def test_bidi_marks_are_removed_from_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(f"A title\n\n{LONG}\u200e\u200f\u061c\u202e reversed\u2066 isolated\u2069.\n")
    text = load_article(path).text
    assert "reversed isolated" in text
    assert not set(text) & {"\u200e", "\u200f", "\u061c", "\u202e", "\u2066", "\u2069"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_an_article_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="FIFO"):
        load_article(fifo)  # opening it for reading must not wait for a writer


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.html"
    link.symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="device"):
        load_article(link)
    with pytest.raises(ArticleError, match="device"):
        load_article("/dev/zero")


def test_a_file_read_with_a_cap(tmp_path, monkeypatch):
    """The size check is also made on the bytes read: a file that grows after `fstat` is refused."""
    from tui_reader.core.extract import decode

    path = tmp_path / "growing.txt"
    path.write_text("A title\n\n" + "word " * 400)
    real_fstat = os.fstat
    monkeypatch.setattr(decode, "MAX_BYTES", 1000)
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


def test_markdown_links_and_emphasis_still_read(tmp_path):
    """The linear patterns read what the old ones did on ordinary Markdown."""
    path = tmp_path / "page.md"
    path.write_text("# Title\n\nSee [the *report* here](https://e.example/r \"Title\") and [ref][r], "
                    "***bold italic***, __strong__ and ~~gone~~ `code`.\n\n[r]: https://e.example/ref\n")
    (block,) = load_article(path).blocks
    assert block.text == "See the report here and ref, bold italic, strong and gone code."
    assert [(link.text, link.url) for link in block.links] == [
        ("the report here", "https://e.example/r"), ("ref", "https://e.example/ref")]


def test_unclosed_scripts_and_comments_keep_the_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><article><p>" + LONG + "</p><script>var a;</script><!-- c --><p>" + QUOTED
                    + "</p></article><script>never closed <!-- nor this")
    article = load_article(path)
    assert "var a" not in article.text and LONG.strip() in article.text and "reopen in June" in article.text
