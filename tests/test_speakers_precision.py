"""Wrong names found on independent articles, each a general rule: a pronoun, a surname or a
description that the text does not tie to the person we would otherwise print."""

from __future__ import annotations

from tui_reader.core import Block, Section
from tui_reader.core.attribution.quotes import find_quotes


def speakers(*paragraphs: str) -> list[str | None]:
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    return [q.speaker for q in find_quotes(secs, "en")]


def test_he_is_not_someone_with_a_womans_given_name_the_text_shows_no_gender_for():
    got = speakers("Jessica Mendoza replaced Curt Schilling on the Sunday broadcasts.",
                   'Last month, he suggested that the senator "should be buried under a jail somewhere."')
    assert got == ["Curt Schilling"]


def test_she_is_not_someone_with_a_mans_given_name_the_text_shows_no_gender_for():
    got = speakers("Donald Marsh praised Lee Ortega at the hearing on Monday.",
                   '"We owe the staff an apology," she said.')
    assert got == ["Lee Ortega"]
