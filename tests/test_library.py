"""The library index: building, refreshing, surviving a broken index, concurrent use, search, quotes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.library_support import filler, make_library, write_article
from tui_reader.core import load_article
from tui_reader.core.library import index as library_module
from tui_reader.core.library.index import Library, QuerySyntaxError
from tui_reader.core.library.schema import index_path
from tui_reader.core.model import Headline


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "articles"
    make_library(root)
    return root


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The paths the library reads with the article loader, in order."""
    seen: list[str] = []
    real = library_module.read_record

    def counting(job):
        seen.append(job[0])
        return real(job)

    monkeypatch.setattr(library_module, "read_record", counting)
    return seen


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def test_cold_build_lists_every_article_with_metadata_and_counts(folder):
    before = snapshot(folder)
    with Library([folder]) as lib:
        assert lib.created
        result = lib.refresh()
        entries = {Path(e.path).name: e for e in lib.entries()}
    assert result.files == 4 and len(result.added) == 4 and not result.failed
    nato = entries["nato-talks.md"]
    assert nato.title == "Alliance talks resume in Brussels"
    assert nato.site == "Brussels Wire" and nato.authors == ("Ann Lee",) and nato.published == "2024-03-01"
    assert nato.format == "markdown" and nato.error is None
    article = load_article(nato.path)
    assert nato.content_hash == article.content_hash
    assert nato.words == article.word_count and nato.quote_count == len(article.quotes) == 1
    assert nato.metadata.title == article.metadata.title
    assert snapshot(folder) == before  # files are only read


def test_warm_refresh_reads_nothing(folder, reads):
    with Library([folder]) as lib:
        lib.refresh()
        reads.clear()
        result = lib.refresh()
    assert reads == [] and result.changes == 0 and result.unchanged == 4


def test_added_file_is_read_alone(folder, reads):
    with Library([folder]) as lib:
        lib.refresh()
        reads.clear()
        new = write_article(folder, "new/extra.md", "Ferry service restarts on the river", filler("ferry"))
        result = lib.refresh()
        assert result.added == [str(new)] and reads == [str(new)]
        assert lib.entry(new).title == "Ferry service restarts on the river"
        assert [h.entry.path for h in lib.search("ferry")] == [str(new)]


def test_changed_file_keeps_its_entry_and_is_searched_anew(folder, reads):
    with Library([folder]) as lib:
        lib.refresh()
        old = lib.entry(folder / "harbour.md")
        write_article(folder, "harbour.md", "Harbour vote delayed by lighthouse dispute", filler("lighthouse"))
        os.utime(folder / "harbour.md", ns=(old.mtime_ns + 5_000_000_000,) * 2)
        reads.clear()
        result = lib.refresh()
        new = lib.entry(folder / "harbour.md")
        assert result.changed == [old.path] and reads == [old.path]
        assert new.id == old.id and new.content_hash != old.content_hash
        assert new.title == "Harbour vote delayed by lighthouse dispute"
        assert lib.search("lighthouse")[0].entry.id == old.id
        assert lib.search("marathon") == []


def test_touched_file_with_same_content_is_not_read_again(folder, reads):
    with Library([folder]) as lib:
        lib.refresh()
        path = folder / "harbour.md"
        os.utime(path, ns=(path.stat().st_mtime_ns + 10_000_000_000,) * 2)
        reads.clear()
        result = lib.refresh()
        assert reads == [] and result.changes == 0
        assert lib.entry(path).mtime_ns == path.stat().st_mtime_ns
        reads.clear()
        assert lib.refresh().changes == 0 and reads == []


def test_deleted_file_disappears_with_its_quotes_and_text(folder):
    with Library([folder]) as lib:
        lib.refresh()
        target = folder / "nato-talks.md"
        target.unlink()
        result = lib.refresh()
        assert result.removed == [str(target)]
        assert lib.entry(target) is None and lib.count() == 3
        assert all(h.entry.path != str(target) for h in lib.search("alliance"))
        assert all(q.entry.path != str(target) for q in lib.quotes())


def test_moved_and_renamed_files_keep_their_identity(folder, reads):
    with Library([folder]) as lib:
        lib.refresh()
        before = lib.entry(folder / "nato-talks.md")
        moved = folder / "archive" / "2024" / "renamed.md"
        moved.parent.mkdir(parents=True)
        (folder / "nato-talks.md").rename(moved)
        reads.clear()
        result = lib.refresh()
        after = lib.entry(moved)
        assert result.moved == [(before.path, str(moved))] and not result.added and not result.removed
        assert reads == []
        assert after.id == before.id and after.content_hash == before.content_hash and after.title == before.title
        assert lib.search('"seek confrontation"')[0].entry.path == str(moved)
        assert any(q.entry.path == str(moved) for q in lib.quotes("Jens Stoltenberg"))


def test_copy_of_a_file_is_a_second_entry(folder):
    with Library([folder]) as lib:
        lib.refresh()
        copy = folder / "copy.md"
        copy.write_bytes((folder / "harbour.md").read_bytes())
        result = lib.refresh()
        assert result.added == [str(copy)] and lib.count() == 5


def test_walk_follows_discover_rules_and_survives_a_symlink_loop(folder):
    (folder / "world" / "loop").symlink_to(folder)
    (folder / "page_files").mkdir()
    (folder / "page_files" / "asset.html").write_text("<p>asset</p>")
    (folder / ".hidden.md").write_text("# hidden")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    with Library([folder]) as lib:
        assert lib.refresh(workers=1).files == 4
        assert sorted(Path(e.path).name for e in lib.entries()) == ["harbour.md", "health.md", "nato-talks.md", "summit.md"]
    with Library([folder / "notes.pdf"]) as lib:  # a file given by name is taken whatever its extension
        assert lib.refresh(workers=1).files == 1


def test_unreadable_article_is_listed_with_its_error(folder):
    (folder / "empty.html").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 20)
    with Library([folder]) as lib:
        result = lib.refresh()
        errors = {Path(e.path).name: e.error for e in lib.entries() if e.error}
    assert set(errors) == {"empty.html", "binary.html"} and all(errors.values())
    assert {Path(p).name for p, _ in result.failed} == {"empty.html", "binary.html"}


def test_corrupt_index_is_rebuilt_with_a_notice(folder):
    with Library([folder]) as lib:
        lib.refresh()
    path = index_path()
    path.write_bytes(b"this is not a database" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Library([folder]) as lib:
        assert lib.notice and "rebuilding" in lib.notice
        assert lib.refresh().added and lib.count() == 4


def test_an_index_opened_afresh_by_one_thread_leaves_another_threads_connection_to_it(folder):
    """Closing a connection that another thread is using (mid-query) crashes the process: when a
    thread must open the index afresh (a damaged index), the others reopen their own when next used."""
    with Library([folder]) as lib:
        lib.refresh(workers=1)
        opened, reset, theirs, seen = threading.Event(), threading.Event(), [], []

        def other_thread():
            theirs.append(lib._db)
            opened.set()
            reset.wait(10)
            seen.append(theirs[0].execute("SELECT count(*) FROM entries").fetchone()[0])  # not closed under it
            seen.append(lib.count())  # then it follows the index opened afresh
            seen.append(lib._db is not theirs[0])

        worker = threading.Thread(target=other_thread)
        worker.start()
        assert opened.wait(10)
        lib._disconnect()  # what a damaged index makes the finding thread do, before it opens the index again
        lib.refresh(workers=1)
        reset.set()
        worker.join(10)
        assert seen == [4, 4, True]
        with pytest.raises(sqlite3.ProgrammingError):
            theirs[0].execute("SELECT 1")  # closed by its own thread when it moved on


def test_index_with_damaged_pages_is_rebuilt(folder):
    with Library([folder]) as lib:
        lib.refresh(workers=1)
        lib._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = index_path()
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page but the first (the header and schema)
        data[offset : offset + 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))
    with Library([folder]) as lib:
        assert lib.notice and "rebuilding" in lib.notice and lib.count() == 0
        assert lib.refresh(workers=1).files == 4 and lib.count() == 4


def test_damage_found_while_in_use_rebuilds_and_carries_on(folder, monkeypatch):
    with Library([folder]) as lib:
        lib.refresh(workers=1)
        real, calls = library_module._entry, []

        def damaged_once(row):
            calls.append(row)
            if len(calls) == 1:
                raise sqlite3.DatabaseError("database disk image is malformed")
            return real(row)

        monkeypatch.setattr(library_module, "_entry", damaged_once)
        assert lib.entries() == []  # the index started afresh
        assert lib.notice and "damaged" in lib.notice
        assert lib.refresh(workers=1).files == 4 and len(lib.entries()) == 4


def test_index_from_another_schema_version_is_rebuilt(folder):
    path = index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE entries (path TEXT, title TEXT); INSERT INTO entries VALUES ('x', 'y');"
                     "CREATE VIRTUAL TABLE fts USING fts5(body); PRAGMA user_version = 0;")
    db.close()
    with Library([folder]) as lib:
        assert lib.notice and "another version" in lib.notice
        lib.refresh()
        assert lib.count() == 4 and lib.search("confrontation")


def test_deleted_index_is_built_again(folder):
    with Library([folder]) as lib:
        lib.refresh()
    index_path().unlink()
    with Library([folder]) as lib:
        assert lib.created and lib.count() == 0
        assert len(lib.refresh().added) == 4


def test_two_libraries_share_one_index_without_touching_each_other(tmp_path, folder):
    other = tmp_path / "other-folder"
    write_article(other, "x.md", "Railway strike called off", filler("railway"))
    with Library([folder]) as a, Library([other]) as b:
        a.refresh()
        b.refresh()
        assert a.count() == 4 and b.count() == 1
        assert a.search("railway") == [] and len(b.search("railway")) == 1
        assert len(a.refresh().removed) == 0 and b.count() == 1
    with Library() as everything:
        assert everything.count() == 5 and set(everything.known_roots()) == {str(folder), str(other)}
        assert everything.refresh().changes == 0
        assert everything.forget(other) == 1 and everything.count() == 4


def test_missing_root_keeps_its_entries(tmp_path):
    root = tmp_path / "usb"
    make_library(root)
    with Library([root]) as lib:
        lib.refresh()
        root.rename(tmp_path / "unplugged")
        result = lib.refresh()
        assert result.unavailable == [str(root)] and lib.count() == 4


def _many(folder: Path, n: int) -> None:
    for k in range(n):
        write_article(folder, f"bulk/{k:03}.md", f"Bulk story number {k} about tides", filler(f"tide {k}", 2))


def test_concurrent_refreshes_in_threads_neither_fail_nor_corrupt(folder):
    _many(folder, 30)
    errors: list[BaseException] = []
    results = []

    def work():
        try:
            with Library([folder]) as lib:
                results.append(lib.refresh(workers=1))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with Library([folder]) as lib:
        assert lib.count() == 34
        assert lib._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib._db.execute("SELECT count(*) FROM fts").fetchone()[0] == 34
        assert len(lib.search("tides", limit=100)) == 30


def test_concurrent_refreshes_in_two_processes(folder):
    _many(folder, 20)
    code = ("import sys; from tui_reader.core.library.index import Library; "
            "lib = Library([sys.argv[1]]); r = lib.refresh(workers=1); print(r.files)")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert [o.strip() for o, _ in outs] == ["24", "24"]
    with Library([folder]) as lib:
        assert lib.count() == 24 and lib._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib._db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 4


def test_reader_is_not_blocked_by_a_writer(folder):
    _many(folder, 10)
    with Library([folder]) as writer, Library([folder]) as reader:
        writer.refresh()
        db = writer._db
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM fts")
        try:
            assert reader.count() == 14 and len(reader.search("tides", limit=50)) == 10  # WAL: the last commit
        finally:
            db.execute("ROLLBACK")


def test_worker_processes_give_the_same_index(folder, monkeypatch):
    _many(folder, 6)
    monkeypatch.setattr(library_module, "POOL_MIN", 2)
    with Library([folder]) as lib:
        seen = []
        lib.refresh(seen.append, workers=2)
        pooled = {e.path: e for e in lib.entries()}
        assert [p.done for p in seen if p.phase == "load"][-1] == 10
    index_path().unlink()
    with Library([folder]) as lib:
        lib.refresh(workers=1)
        alone = {e.path: e for e in lib.entries()}
    assert {p: (e.title, e.content_hash, e.words, e.quote_count) for p, e in pooled.items()} == \
           {p: (e.title, e.content_hash, e.words, e.quote_count) for p, e in alone.items()}


def test_stopping_a_refresh_keeps_what_was_written(folder, monkeypatch):
    _many(folder, 10)
    monkeypatch.setattr(library_module, "BATCH_SECONDS", 0.0)
    done = []
    with Library([folder]) as lib:
        result = lib.refresh(lambda p: done.append(p.done) if p.phase == "load" and p.change else None,
                             should_stop=lambda: len(done) >= 3)
        assert result.stopped and 3 <= lib.count() < 14
        assert lib.refresh().files == 14 and lib.count() == 14


# ------------------------------------------------------------------------------------------------
# Search


@pytest.fixture
def lib(folder):
    with Library([folder]) as library:
        library.refresh()
        yield library


def names(hits) -> list[str]:
    return [Path(h.entry.path).name for h in hits]


def test_search_words_phrases_and_prefixes(lib):
    assert set(names(lib.search("confrontation"))) == {"nato-talks.md", "health.md"}
    assert names(lib.search('"seek confrontation"')) == ["nato-talks.md"]
    assert names(lib.search('"confrontation seek"')) == []
    assert set(names(lib.search("confront*"))) == {"nato-talks.md", "health.md", "summit.md"}
    assert set(names(lib.search("confront"))) == set()


def test_search_marks_the_matched_words_in_snippets(lib):
    hit = lib.search("confront*")[0]
    assert hit.snippet.marks
    for start, end in hit.snippet.marks:
        assert hit.snippet.text[start:end].lower().startswith("confront")
    assert "\x02" not in hit.snippet.text and "\x03" not in hit.snippet.text
    assert "".join(text for text, _ in hit.snippet.parts()) == hit.snippet.text
    assert [text.lower()[:8] for text, marked in hit.snippet.parts() if marked] == ["confront"] * len(hit.snippet.marks)


def test_search_ranks_title_matches_first(lib, folder):
    write_article(folder, "zz-wind.md", "Wind", filler("wind turbine"))
    lib.refresh()
    hits = lib.search("wind")
    assert names(hits)[0] == "zz-wind.md" and hits[0].score >= hits[-1].score


def test_field_filters(lib):
    assert names(lib.search("site:Oslo")) == ["health.md"]
    assert names(lib.search('author:"Piotr Nowak"')) == ["summit.md"]
    assert names(lib.search("title:harbour")) == ["harbour.md"]
    assert names(lib.search("title:marathon")) == []  # in the body only
    assert names(lib.search("quote:clinics")) == ["health.md"]
    assert set(names(lib.search("alliance -clinics"))) == {"nato-talks.md"}
    assert set(names(lib.search("site:oslo OR site:kelmouth"))) == {"health.md", "harbour.md"}


def test_speaker_filter_groups_name_variants(folder):
    with Library([folder / "world", folder / "nato-talks.md"]) as lib:
        lib.refresh()
        assert set(names(lib.search('speaker:"Jens Stoltenberg"'))) == {"nato-talks.md", "summit.md"}
        assert set(names(lib.search("speaker:Stoltenberg confronting"))) == {"summit.md"}
        assert lib.search('speaker:"Jens Stoltenberg"')[0].snippet.text.startswith("“")


def test_speaker_filter_keeps_two_people_with_one_surname_apart(lib):
    assert set(names(lib.search('speaker:"Camilla Stoltenberg"'))) == {"health.md"}
    assert set(names(lib.search('speaker:"Jens Stoltenberg"'))) == {"nato-talks.md", "health.md"}
    assert set(names(lib.search("speaker:Camilla alliance"))) == {"health.md"}


@pytest.mark.parametrize("query", ['"unclosed phrase', "foo:bar", "speaker:", "-alone", "a OR", "OR b", "con*front",
                                   "*", '""', "!!!", "   ", 'title:"', 'word"glued"'])
def test_bad_queries_raise_a_clear_error(lib, query):
    with pytest.raises(QuerySyntaxError) as info:
        lib.search(query)
    message = str(info.value)
    assert message and "\n" not in message and "sqlite" not in message.lower() and "fts5" not in message.lower()


def test_queries_fts5_would_misread_are_taken_literally(lib):
    for query in ("NEAR(alliance region)", "alliance AND", "NOT alliance", "(alliance", "alliance:", "a^b", "{title}"):
        lib.search(query)  # never an sqlite error
    assert names(lib.search("(confrontation)")) == names(lib.search("confrontation"))


def test_hit_locates_the_match_in_the_article(lib):
    hit = lib.search('"seek confrontation"')[0]
    article = load_article(hit.entry.path)
    where = hit.location(article)
    text = article.block_at(where.section, where.block).text
    assert text[where.start:where.end].lower() == "seek confrontation"


# ------------------------------------------------------------------------------------------------
# Quotes across the library


def test_quotes_by_speaker_with_article_and_date(folder):
    with Library([folder / "world", folder / "nato-talks.md", folder / "harbour.md"]) as lib:
        lib.refresh()
        groups = lib.speakers()
        assert [(g.name, g.quotes, g.articles) for g in groups] == [("Jens Stoltenberg", 2, 2)]
        assert set(groups[0].variants) == {"Jens Stoltenberg", "Stoltenberg"}
        hits = lib.quotes("Stoltenberg")
        assert [h.entry.published for h in hits] == ["2024-04-02", "2024-03-01"]  # newest first
        assert {h.quote.speaker for h in hits} == {"Stoltenberg", "Jens Stoltenberg"}
        assert {h.speaker_name for h in hits} == {"Jens Stoltenberg"}
        for hit in hits:
            article = load_article(hit.entry.path)
            block = article.block_at(hit.quote.section, hit.quote.block)
            assert hit.quote.text in block.text


def test_quotes_keep_people_with_one_surname_apart(lib):
    by_name = {g.name: g for g in lib.speakers()}
    assert {"Jens Stoltenberg", "Camilla Stoltenberg"} <= set(by_name)
    assert "Stoltenberg" not in by_name["Camilla Stoltenberg"].variants
    assert "Stoltenberg" not in by_name["Jens Stoltenberg"].variants  # ambiguous once Camilla is in the library
    assert {h.quote.speaker for h in lib.quotes(group=by_name["Camilla Stoltenberg"].key)} == {"Camilla Stoltenberg"}
    assert {h.entry.title for h in lib.quotes("Jens Stoltenberg")} == {
        "Alliance talks resume in Brussels", "Public health institute warns of flu season"}
    assert len(lib.quotes()) == 4 and len(lib.quotes(limit=2)) == 2
    assert lib.quotes("Nobody Atall") == []


def test_a_headline_finds_its_entry_by_address_then_by_title(folder):
    linked = folder / "linked.md"
    linked.write_text('---\ntitle: "Ferry returns to the harbour"\nurl: "https://www.example.org/news/ferry/?ref=home"\n'
                      '---\n\nThe ferry is back after two years, the operator said on Monday.\n', encoding="utf-8")
    (folder / "broken.html").write_bytes(b"\x00\x01\x02" * 100)  # unreadable: never a headline's target
    with Library([folder]) as lib:
        lib.refresh(workers=1)
        by_url = lib.find_headline(Headline("Other words entirely", "http://example.org/news/ferry"))
        by_title = lib.find_headline(Headline("Summit ends without agreement!", "https://elsewhere.example/x"))
        assert by_url is not None and by_url.path == str(linked)
        assert by_title is not None and by_title.title == "Summit ends without agreement"
        assert lib.find_headline(Headline("broken", None)) is None
        assert lib.find_headline(Headline("Nothing like it", "https://example.org/news/other")) is None
        linked.unlink()
        lib.refresh(workers=1)
        assert lib.find_headline(Headline("Other words entirely", "http://example.org/news/ferry")) is None  # not cached stale


def test_a_folder_lists_only_what_is_under_it_not_its_namesakes(tmp_path):
    """"lib-old" and "lib.bak" sort between "lib" and "lib/": a library of lib/ must not take them."""
    for folder in ("lib", "lib-old", "lib.bak", "lib/inner"):
        write_article(tmp_path / folder, "a.md", f"In {folder}", filler(folder.replace("/", " ")))
    index = tmp_path / "index.sqlite3"
    with Library([tmp_path], index=index) as everything:
        everything.refresh(workers=1)
        assert everything.count() == 4
    with Library([tmp_path / "lib"], index=index) as lib:
        assert sorted(e.title for e in lib.entries()) == ["In lib", "In lib/inner"]
        assert [e.title for e in lib.entries()] == sorted(e.title for e in lib.entries())  # by path
        assert lib.count() == 2


def test_newest_is_how_the_list_by_date_begins(folder):
    from tui_reader.core.library.listing import sort_entries

    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary" * 200)
    write_article(folder, "undated.md", "A story with no date at all", filler("undated"), date="")
    with Library([folder]) as lib:
        lib.refresh()
        entries = lib.entries()
        first, total, failed = lib.newest(3)
        everything, _, _ = lib.newest(100)
    by_date = sort_entries(entries, "date")
    assert [e.id for e in first] == [e.id for e in by_date[:3]]
    assert [e.id for e in everything] == [e.id for e in by_date if e.error is None and e.published]
    assert len(everything) == 4 and total == 6 and failed == sum(e.error is not None for e in entries) == 1
