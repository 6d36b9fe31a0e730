"""Grouping the speakers of quotes across a library by person."""

from __future__ import annotations

from tui_reader.core.library.speakers import given_compatible, group_speakers, matching_groups, parse_name


def grouped(rows):
    groups, assignment = group_speakers(rows)
    return {g.name: set(g.variants) for g in groups}, assignment


def test_names_split_into_surname_and_given_names():
    assert parse_name("Jens Stoltenberg") == parse_name("JENS STOLTENBERG")
    assert parse_name("Mr. Stoltenberg's").surname == "stoltenberg" and not parse_name("Mr. Stoltenberg's").given
    assert parse_name("Ursula von der Leyen").surname == "von der leyen"
    assert parse_name("Ursula von der Leyen").given == ("ursula",)
    assert parse_name("Martin Luther King Jr.").surname == "king"
    assert parse_name("Recep Tayyip Erdoğan") == parse_name("Recep Tayyip Erdogan")
    assert parse_name("President Joe Biden") == parse_name("Joe Biden")


def test_initials_and_middle_names_are_compatible():
    assert given_compatible(("j",), ("jens",))
    assert given_compatible(("george",), ("george", "w"))
    assert not given_compatible(("george", "h", "w"), ("george", "w"))
    assert not given_compatible(("jane",), ("john",))


def test_surname_alone_joins_the_only_person_with_that_surname():
    names, _ = grouped([(1, "Jens Stoltenberg", 3), (2, "Stoltenberg", 2), (3, "J. Stoltenberg", 1)])
    assert names == {"Jens Stoltenberg": {"Jens Stoltenberg", "Stoltenberg", "J. Stoltenberg"}}


def test_two_people_with_one_surname_stay_apart():
    names, _ = grouped([(1, "Jens Stoltenberg", 3), (2, "Camilla Stoltenberg", 2), (3, "Stoltenberg", 1),
                        (4, "C. Stoltenberg", 1)])
    assert names["Jens Stoltenberg"] == {"Jens Stoltenberg"}
    assert names["Camilla Stoltenberg"] == {"Camilla Stoltenberg", "C. Stoltenberg"}
    assert names["Stoltenberg"] == {"Stoltenberg"}  # cannot tell which one


def test_an_initial_shared_by_two_people_is_not_credited_to_either():
    names, _ = grouped([(1, "John Smith", 2), (2, "Jane Smith", 2), (3, "J. Smith", 1)])
    assert names == {"John Smith": {"John Smith"}, "Jane Smith": {"Jane Smith"}, "J. Smith": {"J. Smith"}}


def test_middle_initials_tell_people_apart():
    names, _ = grouped([(1, "George W. Bush", 2), (2, "George H. W. Bush", 2), (3, "George Bush", 1)])
    assert len(names) == 3


def test_an_article_resolves_its_own_bare_surname():
    rows = [(1, "Jens Stoltenberg", 1), (1, "Stoltenberg", 2), (2, "Camilla Stoltenberg", 1), (3, "Stoltenberg", 1)]
    groups, assignment = group_speakers(rows)
    by_name = {g.name: g for g in groups}
    assert assignment[(1, "Stoltenberg")] == by_name["Jens Stoltenberg"].key  # article 1 named him
    assert assignment[(3, "Stoltenberg")] not in (by_name["Jens Stoltenberg"].key, by_name["Camilla Stoltenberg"].key)
    assert by_name["Jens Stoltenberg"].quotes == 3 and by_name["Jens Stoltenberg"].articles == 1


def test_the_group_is_named_by_its_fullest_most_quoted_spelling():
    groups, _ = group_speakers([(1, "Stoltenberg", 9), (2, "Jens Stoltenberg", 1), (3, "JENS STOLTENBERG", 2)])
    assert [g.name for g in groups] == ["JENS STOLTENBERG"] and groups[0].quotes == 12
    assert groups[0].variants[0] == "Stoltenberg"  # most quoted spelling first


def test_typed_names_find_their_groups():
    groups, _ = group_speakers([(1, "Jens Stoltenberg", 1), (2, "Camilla Stoltenberg", 1), (3, "Kosachev", 1)])
    assert [g.name for g in matching_groups("jens stoltenberg", groups)] == ["Jens Stoltenberg"]
    assert {g.name for g in matching_groups("Stoltenberg", groups)} == {"Jens Stoltenberg", "Camilla Stoltenberg"}
    assert [g.name for g in matching_groups("Konstantin Kosachev", groups)] == ["Kosachev"]
    assert [g.name for g in matching_groups("Camil", groups)] == ["Camilla Stoltenberg"]
    assert matching_groups("Nobody", groups) == []


def test_bodies_and_blank_speakers():
    names, _ = grouped([(1, "the Kremlin", 1), (2, "Kremlin", 1), (3, "", 4), (4, "  ", 1)])
    assert names == {"the Kremlin": {"the Kremlin", "Kremlin"}} or names == {"Kremlin": {"the Kremlin", "Kremlin"}}
