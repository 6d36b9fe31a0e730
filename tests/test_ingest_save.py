"""`save`: pages fetched from a server on 127.0.0.1 and written into a library folder."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from tests.http_support import LocalServer, page
from tui_reader import __version__
from tui_reader.cli import main
from tui_reader.core import load_article
from tui_reader.core.cite.styles import format_reference
from tui_reader.core.ingest.fetch import Fetcher
from tui_reader.core.ingest.save import save_url
from tui_reader.core.ingest.write import Store, write_new

SAVED = datetime.datetime(2023, 5, 1, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


async def save(server_url: str, folder: Path, **options):
    fetch_options = {"timeout": 2.0, "retries": 0, "backoff": 0.0}
    fetch_options.update({k: options.pop(k) for k in list(options) if k in ("timeout", "retries", "backoff", "max_bytes")})
    async with Fetcher(**fetch_options) as fetcher:
        return await save_url(fetcher, Store(folder), server_url, saved=options.pop("saved", SAVED), **options)


async def test_page_is_written_as_received_with_its_address_and_time(server, tmp_path):
    body = page("Alliance Says It Seeks No Confrontation")
    url = server.route("/news/story", body=body)
    result = await save(url, tmp_path)
    assert result.error is None and not result.duplicate
    assert result.path == tmp_path / "127.0.0.1" / "2023-05-01-alliance-says-it-seeks-no-confrontation.html"
    data = result.path.read_bytes()
    assert data.endswith(body)
    assert data.startswith(f"<!-- saved from url=({len(url):04d}){url} -->".encode())
    article = load_article(result.path)
    assert article.metadata.url == url
    assert article.metadata.accessed == "2023-05-01"
    assert "Some words of the article." in article.text
    # the save time is the access date of citations
    assert "urldate = {2023-05-01}" in format_reference(article, "bibtex")
    assert "Accessed 1 May 2023" in format_reference(article, "mla")
    assert server.user_agents[0].startswith(f"tui-reader/{__version__} ")


async def test_redirect_is_followed_and_the_final_address_kept(server, tmp_path):
    final = server.route("/final", body=page("Where It Ended"))
    url = server.route("/moved", status=301, location="/final", body=b"", content_type=None)
    result = await save(url, tmp_path)
    assert result.final_url == final
    assert load_article(result.path).metadata.url == final


async def test_redirect_loop_is_refused(server, tmp_path):
    url = server.route("/loop", status=302, location="/loop", body=b"", content_type=None)
    result = await save(url, tmp_path)
    assert result.error == "too many redirects"
    assert files(tmp_path) == []


@pytest.mark.parametrize("status, retried", [(404, False), (500, True)])
async def test_http_errors_write_nothing_and_only_server_errors_are_retried(server, tmp_path, status, retried):
    url = server.route("/broken", status=status, body=b"oops", content_type="text/html")
    result = await save(url, tmp_path, retries=2)
    assert result.error.startswith(f"the server answered {status}")
    assert "\n" not in result.error
    assert server.hits["/broken"] == (3 if retried else 1)
    assert files(tmp_path) == []


async def test_a_server_error_that_passes_is_retried_with_back_off(server, tmp_path):
    url = server.route("/flaky", body=page("Second Try"), fail_first=1)
    result = await save(url, tmp_path, retries=2)
    assert result.error is None and result.path.exists()
    assert server.hits["/flaky"] == 2


async def test_slow_answer_times_out(server, tmp_path):
    url = server.route("/slow", body=page("Slow"), delay=1.5)
    result = await save(url, tmp_path, timeout=0.3)
    assert result.error.startswith("timed out")
    assert files(tmp_path) == []


async def test_a_page_trickling_in_stops_at_the_deadline(server, tmp_path):
    url = server.route("/trickle", body=page("Slow Drip"), trickle=0.05)
    async with Fetcher(timeout=1.0, deadline=0.5, retries=0) as fetcher:
        result = await save_url(fetcher, Store(tmp_path), url)
    assert result.error == "timed out: the page took more than 0.5 s"
    assert files(tmp_path) == []


async def test_wrong_content_type_is_refused_with_the_reason(server, tmp_path):
    url = server.route("/paper.pdf", body=b"%PDF-1.4 ...", content_type="application/pdf")
    result = await save(url, tmp_path)
    assert "application/pdf" in result.error and "not a page" in result.error
    assert files(tmp_path) == []


@pytest.mark.parametrize("body, reason", [(b"", "an empty page"), (b"  \n", "an empty page"),
                                          (b"%PDF-1.4 ...", "a PDF document, labelled text/html")])
async def test_an_empty_or_binary_answer_labelled_as_a_page_is_refused(server, tmp_path, body, reason):
    # QA: an empty 200 answer and a PDF sent as text/html were saved, their text the comments save adds
    url = server.route("/odd", body=body, content_type="text/html")
    result = await save(url, tmp_path)
    assert result.error and reason in result.error and result.error.startswith("not saved")
    assert files(tmp_path) == []


@pytest.mark.parametrize("declared", [None, 60 * 1024 * 1024])
async def test_60_mb_body_is_refused_and_leaves_nothing(server, tmp_path, declared):
    url = server.route("/huge", stream_bytes=60 * 1024 * 1024, declared_length=declared)
    result = await save(url, tmp_path)
    assert result.error.startswith("not saved: too large")
    assert "50 MB" in result.error
    assert files(tmp_path) == []


async def test_page_in_another_encoding_named_only_by_the_server(server, tmp_path):
    text = "Москва заявила, что переговоры продолжатся на следующей неделе."
    body = (f"<html><head><title>Новости дня</title></head><body><article><p>{text}</p><p>{text}</p>"
            "</article></body></html>").encode("cp1251")
    url = server.route("/ru", body=body, content_type="text/html; charset=windows-1251")
    result = await save(url, tmp_path)
    assert result.path.name == "2023-05-01-новости-дня.html"
    assert body in result.path.read_bytes()  # the bytes as received
    assert text in load_article(result.path).text


async def test_same_page_twice_is_noticed_and_a_changed_page_gets_a_new_name(server, tmp_path):
    url = server.route("/same", body=page("The Same Page"))
    first = await save(url, tmp_path)
    later = await save(url, tmp_path, saved=SAVED + datetime.timedelta(days=3))
    assert later.duplicate and later.path == first.path
    assert files(tmp_path) == [first.path]
    server.route("/same", body=page("The Same Page", "Updated words of the article."))
    changed = await save(url, tmp_path)
    assert not changed.duplicate
    assert changed.path.name == "2023-05-01-the-same-page-2.html"
    assert first.path.read_bytes().endswith(page("The Same Page"))  # never overwritten


@pytest.mark.parametrize("content_type, body, suffix", [
    ("text/plain; charset=utf-8", b"A Plain Title\n\nThe first paragraph of the plain page is here.\n", ".txt"),
    ("text/markdown", b"---\ntitle: Marked Down\n---\n\n# Marked Down\n\nThe body of the Markdown page.\n", ".md"),
])
async def test_text_and_markdown_carry_the_note_as_front_matter(server, tmp_path, content_type, body, suffix):
    url = server.route(f"/doc{suffix}", body=body, content_type=content_type)
    result = await save(url, tmp_path)
    assert result.path.suffix == suffix
    article = load_article(result.path)
    assert article.metadata.url == url
    assert article.metadata.accessed == "2023-05-01"
    assert "url:" not in article.text and "saved:" not in article.text
    assert body.split(b"\n")[-2].decode() in article.text


async def test_tags_are_written_and_read_back(server, tmp_path):
    url = server.route("/tagged", body=page("Tagged"))
    result = await save(url, tmp_path, tags=("nato", "Europe--East", "nato"))
    assert load_article(result.path).tags == ("nato", "Europe East")


def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / "a.html").write_bytes(b"mine")
    path = write_new(tmp_path, "a.html", b"new")
    assert path.name == "a-2.html" and path.read_bytes() == b"new"
    assert (tmp_path / "a.html").read_bytes() == b"mine"


def test_an_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def broken(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        write_new(tmp_path / "site", "a.html", b"x" * 10_000)
    assert list((tmp_path / "site").iterdir()) == []


def test_cli_save_reports_each_address(server, tmp_path, capsys):
    good = server.route("/ok", body=page("Fine Page"))
    code = main(["save", good, "ftp://example.com/x", server.url("/missing"), "--to", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("saved: ") and out.strip().endswith("fine-page.html")
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "ftp://example.com/x: not a web address" in lines[0] or "ftp://example.com/x: not a web address" in lines[1]
    assert any("404" in line for line in lines)
