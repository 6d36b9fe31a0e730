"""The library's rows in the order shown (core/library/listing.py): an Arrangement kept between
calls gives what sorting and ranking afresh give, whatever is typed, and reuses its work."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.library import listing
from tui_reader.core.library.index import IndexEntry
from tui_reader.core.library.listing import SORTS, Arrangement, rank_entries, sort_entries

TITLES = ["Star Wars Jedi", "Restart the engines", "Harbour ferry returns", "Ferry strike ends", "Wars of words",
          "Élan vital", "STRASSE news", "Straße works", None]


def entry(n: int, title: str | None, *, error: str | None = None) -> IndexEntry:
    return IndexEntry(
        n, f"/lib/{n:03d}-{title or 'untitled'}.html", 100, 0, None, "html", title, ("Ann Lee",) if n % 3 else (),
        "Kelmouth Courier" if n % 2 else "Eastbrook Post", f"2024-0{1 + n % 9}-01" if n % 4 else None, None, None, None,
        100 * n, n % 5, 0, 0, error, ("ferry",) if n % 5 == 0 else ())


ENTRIES = [entry(n, TITLES[n % len(TITLES)], error="binary" if n == 7 else None) for n in range(40)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(SORTS)), st.booleans(),
                          st.text(alphabet="staréwße rfy", max_size=8)), min_size=1, max_size=8))
def test_kept_work_gives_what_sorting_and_ranking_afresh_give(steps):
    arrangement = Arrangement()
    for key, reverse, text in steps:
        assert arrangement.rows(ENTRIES, key, reverse, text) == rank_entries(sort_entries(ENTRIES, key, reverse), text)


def test_typing_ranks_only_what_the_last_filter_kept(monkeypatch):
    ranked: list[int] = []
    real = listing.filter_rank
    monkeypatch.setattr(listing, "filter_rank", lambda e, words, texts=None: ranked.append(e.id) or real(e, words, texts))
    arrangement = Arrangement()
    arrangement.rows(ENTRIES, "date", False, "f")
    kept = len(arrangement.rows(ENTRIES, "date", False, "f"))
    ranked.clear()
    rows = arrangement.rows(ENTRIES, "date", False, "fe")  # extends "f": only its rows are ranked
    assert len(ranked) == kept < len(ENTRIES)
    assert rows == rank_entries(sort_entries(ENTRIES, "date"), "fe")
    ranked.clear()
    arrangement.rows(ENTRIES, "date", False, "h")  # another filter: every entry again
    assert len(ranked) == len(ENTRIES)


def test_what_an_entry_is_searched_by_is_read_once_until_the_entries_change(monkeypatch):
    read: list[int] = []
    real = listing.searchable
    monkeypatch.setattr(listing, "searchable", lambda e: read.append(e.id) or real(e))
    arrangement = Arrangement()
    for text in ("f", "x", "fe", "h"):
        arrangement.rows(ENTRIES, "date", False, text)
    assert sorted(read) == sorted(e.id for e in ENTRIES)  # once each, whatever was typed
    renamed = [replace(e, title="Zebra crossing") if e is ENTRIES[0] else e for e in ENTRIES]
    arrangement.forget()  # the entries changed: the new title is found
    assert [e.id for e in arrangement.rows(renamed, "date", False, "zebra")] == [ENTRIES[0].id]


def test_forget_takes_changed_entries(monkeypatch):
    arrangement = Arrangement()
    assert arrangement.rows(ENTRIES[:5], "title", False, "") == sort_entries(ENTRIES[:5], "title")
    arrangement.forget()
    assert arrangement.rows(ENTRIES, "title", False, "") == sort_entries(ENTRIES, "title")


def test_titles_sort_alphabetically_whatever_their_accents_case_and_opening_marks():
    # QA: "À Bréval…" sorted after "Zürich…", and a title opening with a quotation mark sorted first
    titles = ["Zürich café owners protest", "À Bréval, le festival du café", "‘What is the sea telling us?’",
              "apple harvest", "Banks close early"]
    rows = [entry(n, t) for n, t in enumerate(titles)]
    assert [e.title for e in sort_entries(rows, "title")] == [
        "À Bréval, le festival du café", "apple harvest", "Banks close early", "‘What is the sea telling us?’",
        "Zürich café owners protest"]


def test_articles_that_name_no_site_sort_after_the_others_either_way():
    # QA: sorting by site put the articles with no site first
    rows = [replace(entry(n, f"Story {n}"), site=site) for n, site in enumerate(["Kelmouth Courier", None, "Arun Post", ""])]
    for reverse in (False, True):
        sites = [e.site for e in sort_entries(rows, "site", reverse)]
        assert sites[:2] == (["Arun Post", "Kelmouth Courier"] if not reverse else ["Kelmouth Courier", "Arun Post"])
        assert not any(sites[2:])
