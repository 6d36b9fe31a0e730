"""`import`: made-up exports of each format (with broken rows and a zip cut short), the pages they
only name fetched from a server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.http_support import LocalServer, page
from tui_reader.cli import main
from tui_reader.core import load_article
from tui_reader.core.ingest.formats import BadRow, Item, read_export

T1 = int(datetime(2021, 3, 4, 12, 0, tzinfo=UTC).timestamp())
T2 = int(datetime(2022, 7, 8, 12, 0, tzinfo=UTC).timestamp())


@pytest.fixture
def server():
    with LocalServer() as s:
        s.route("/one", body=page("Bridge Reopens After Repairs"))
        s.route("/two", body=page("Council Approves Wind Farm"))
        yield s


def articles(folder: Path) -> dict[str, object]:
    """Loaded articles by URL."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            article = load_article(path)
            found[article.metadata.url] = article
    return found


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def pocket_export(tmp_path: Path, server: LocalServer) -> Path:
    return write_csv(tmp_path / "part_000000.csv", ["title", "url", "time_added", "tags", "status"], [
        ["Bridge Reopens", server.url("/one"), str(T1), "transport|kelmouth", "unread"],
        ["Broken address", "not a url", str(T1), "", "unread"],
        ["Wind farm", server.url("/two"), str(T2), "", "archive"],
        ["Bad time", server.url("/three"), "yesterday", "", "unread"],
        ["Too few fields", server.url("/four")],
        ["Gone", server.url("/gone"), str(T2), "", "unread"],
    ])


def run_import(capsys, export: Path, folder: Path) -> tuple[int, str, list[str]]:
    code = main(["import", str(export), "--to", str(folder)])
    out, err = capsys.readouterr()
    progress = [line for line in err.splitlines() if line.startswith("importing: ")]
    assert progress, "no progress shown"
    done, total = progress[-1].removeprefix("importing: ").split("/")
    assert done == total  # the last line is the whole import done
    return code, out, [line for line in err.splitlines() if line.startswith("tui-reader: ")]


def test_pocket_export_fetches_each_page_keeps_tags_and_save_times(tmp_path, server, capsys):
    folder = tmp_path / "lib"
    code, out, errors = run_import(capsys, pocket_export(tmp_path, server), folder)
    assert code == 1
    assert "2 fetched" in out and "1 failed" in out and "3 unreadable rows" in out
    # each bad row: one line naming where it is; the failed page: one line with the reason
    assert [e.split(": ")[2] for e in errors[:3]] == ["line 3", "line 5", "line 6"]
    assert "not a web address" in errors[0] and "time_added" in errors[1] and "fields" in errors[2]
    assert errors[3].startswith(f"tui-reader: {server.url('/gone')}: the server answered 404")
    assert len(errors) == 4
    found = articles(folder)
    bridge, wind = found[server.url("/one")], found[server.url("/two")]
    assert bridge.tags == ("transport", "kelmouth") and wind.tags == ()
    assert bridge.metadata.accessed == "2021-03-04" and wind.metadata.accessed == "2022-07-08"
    assert server.most_in_flight == 1  # one host: one request at a time


def test_running_the_import_again_picks_up_where_it_stopped(tmp_path, server, capsys):
    folder = tmp_path / "lib"
    export = pocket_export(tmp_path, server)
    run_import(capsys, export, folder)
    first = sorted(p for p in folder.rglob("*") if p.is_file())
    hits = dict(server.hits)
    server.route("/gone", body=page("Back Again"))
    code, out, errors = run_import(capsys, export, folder)
    assert "1 fetched" in out and "2 already there" in out and "0 failed" in out
    assert server.hits["/one"] == hits["/one"] and server.hits["/two"] == hits["/two"]  # not fetched again
    assert len([p for p in folder.rglob("*") if p.is_file()]) == len(first) + 1
    assert server.url("/gone") in articles(folder)


def test_instapaper_export_folders_and_tags(tmp_path, server, capsys):
    export = write_csv(tmp_path / "instapaper-export.csv", ["URL", "Title", "Selection", "Folder", "Timestamp", "Tags"], [
        [server.url("/one"), "Bridge", "", "Local news", str(T1), '["roads"]'],
        [server.url("/two"), "Wind", "", "Archive", str(T2), ""],
        ["javascript:alert(1)", "Bad", "", "Unread", str(T2), ""],
    ])
    code, out, errors = run_import(capsys, export, tmp_path / "lib")
    assert "2 fetched" in out and len(errors) == 1 and "line 4" in errors[0]
    found = articles(tmp_path / "lib")
    assert found[server.url("/one")].tags == ("Local news", "roads")
    assert found[server.url("/two")].tags == ()
    assert found[server.url("/two")].metadata.accessed == "2022-07-08"


def omnivore_zip(path: Path, server: LocalServer) -> Path:
    metadata = [
        {"id": "1", "slug": "harbour-plan", "title": "Harbour plan unveiled", "author": "Morwenna Hale",
         "url": "https://news.example/harbour-plan", "labels": ["harbour", {"name": "council"}],
         "savedAt": "2023-09-10T08:00:00.000Z", "publishedAt": "2023-09-09T18:00:00.000Z", "state": "SUCCEEDED"},
        {"id": "2", "slug": "ferry-notes", "title": "Ferry notes", "url": "https://blog.example/ferry",
         "labels": [], "savedAt": "2023-10-01T08:00:00.000Z"},
        {"id": "3", "slug": "no-content", "title": "Bridge", "url": server.url("/one"), "labels": ["roads"],
         "savedAt": "2023-11-01T08:00:00.000Z"},
        {"id": "4", "slug": "broken", "title": "No address"},
    ]
    harbour = ("<html><head><title>x</title></head><body><div class='page'><p>The harbour plan was unveiled "
               "on Friday by the council, which said the work would take two years.</p><p>Fishermen "
               "welcomed the plan but asked for more berths.</p></div></body></html>")
    ferry = "# Ferry notes\n\nThe ferry runs twice a day in winter and four times a day in summer.\n"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("metadata_0_to_3.json", json.dumps(metadata))
        archive.writestr("content/harbour-plan.html", harbour)
        archive.writestr("content/ferry-notes.md", ferry)
        archive.writestr("highlights/harbour-plan.md", "> a highlight\n")
    return path


def test_omnivore_zip_writes_content_and_fetches_what_it_lacks(tmp_path, server, capsys):
    export = omnivore_zip(tmp_path / "omnivore.zip", server)
    code, out, errors = run_import(capsys, export, tmp_path / "lib")
    assert "2 written from the export" in out and "1 fetched" in out
    assert len(errors) == 1 and "item 4" in errors[0] and "no web address" in errors[0]
    found = articles(tmp_path / "lib")
    harbour = found["https://news.example/harbour-plan"]
    assert harbour.metadata.title == "Harbour plan unveiled"
    assert [a.name for a in harbour.metadata.authors] == ["Morwenna Hale"]
    assert harbour.metadata.published.startswith("2023-09-09")
    assert harbour.metadata.accessed == "2023-09-10"
    assert harbour.tags == ("harbour", "council")
    assert "Fishermen welcomed the plan" in harbour.text
    ferry = found["https://blog.example/ferry"]
    assert ferry.format == "markdown" and "twice a day in winter" in ferry.text
    assert found[server.url("/one")].tags == ("roads",)
    assert (tmp_path / "lib" / "news.example").is_dir()


def test_omnivore_zip_cut_short_keeps_what_is_whole(tmp_path, server):
    export = omnivore_zip(tmp_path / "omnivore.zip", server)
    data = export.read_bytes()
    name = b"content/ferry-notes.md"
    cut = data.index(name) + len(name) + 12  # inside the Markdown member's packed bytes
    export.write_bytes(data[:cut])
    kind, entries = read_export(export)
    entries = list(entries)
    bad = [e for e in entries if isinstance(e, BadRow)]
    items = {e.url: e for e in entries if isinstance(e, Item)}
    assert kind == "Omnivore"
    assert [b.where for b in bad] == ["content/ferry-notes.md", "metadata_0_to_3.json item 4"]
    assert "cut short" in bad[0].reason
    assert items["https://news.example/harbour-plan"].content is not None
    assert items["https://blog.example/ferry"].content is None  # its content was cut: it will be fetched


def wallabag_entries(server: LocalServer) -> list:
    return [
        {"id": 1, "title": "Night trains return", "url": "https://rail.example/night-trains",
         "content": "<p>Night trains return to the coast line this spring, the operator said on Monday.</p>"
                    "<p>Tickets go on sale next week.</p>",
         "tags": [{"id": 3, "label": "rail", "slug": "rail"}, "travel"], "created_at": "2020-02-03T10:00:00+0100",
         "published_at": "2020-02-01T07:00:00+0000", "published_by": ["Ann Lee"], "language": "en",
         "domain_name": "rail.example"},
        {"id": 2, "title": "Empty", "url": server.url("/two"), "content": "", "tags": [], "created_at": "2020-02-04T10:00:00+0100"},
        {"id": 3, "title": "Nowhere", "content": "<p>x</p>"},
        "not an entry",
    ]


def test_wallabag_json_with_content_and_bad_entries(tmp_path, server, capsys):
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(wallabag_entries(server)), encoding="utf-8")
    code, out, errors = run_import(capsys, export, tmp_path / "lib")
    assert "1 written from the export" in out and "1 fetched" in out and "2 unreadable rows" in out
    assert [e.split(": ")[2] for e in errors] == ["entry 3", "entry 4"]
    found = articles(tmp_path / "lib")
    trains = found["https://rail.example/night-trains"]
    assert trains.tags == ("rail", "travel") and [a.name for a in trains.metadata.authors] == ["Ann Lee"]
    assert trains.metadata.accessed == "2020-02-03" and trains.metadata.published.startswith("2020-02-01")
    assert "Tickets go on sale next week." in trains.text
    assert found[server.url("/two")].metadata.accessed == "2020-02-04"


def test_wallabag_json_cut_short_keeps_the_entries_before_the_cut(tmp_path, server):
    text = json.dumps(wallabag_entries(server)[:2], indent=1)
    export = tmp_path / "wallabag.json"
    export.write_text(text[: text.index('"Empty"') + 3], encoding="utf-8")
    entries = list(read_export(export)[1])
    assert [type(e).__name__ for e in entries] == ["Item", "BadRow"]
    assert entries[1].where == "entry 2" and "cut short" in entries[1].reason


def test_a_file_that_is_no_export_is_refused_in_one_line(tmp_path, capsys):
    other = tmp_path / "notes.csv"
    other.write_text("name,age\nann,3\n", encoding="utf-8")
    assert main(["import", str(other), "--to", str(tmp_path / "lib")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an export tui-reader knows" in err
    assert not (tmp_path / "lib").exists()


def test_an_export_that_is_a_fifo_or_nested_too_deeply_is_one_line(tmp_path, capsys):
    # QA: import on a FIFO waited for ever; a JSON nested 100,000 deep printed a RecursionError traceback
    import os

    from tui_reader.core.ingest.formats import ExportError

    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not an export file: a FIFO"):
        read_export(fifo)
    deep = tmp_path / "deep.json"
    for text in ("[" * 100_000 + "]" * 100_000, '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"):
        deep.write_text(text, encoding="utf-8")
        _, entries = read_export(deep)
        assert [e.reason for e in entries] == ["nested too deeply to be an export entry"]
    assert main(["import", "--to", str(tmp_path / "lib"), "--", str(deep)]) == 1
    err = capsys.readouterr().err
    assert "nested too deeply" in err and "Traceback" not in err
