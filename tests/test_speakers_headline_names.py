"""A family name the body writes alone takes its given name from the headline ("Hillary Clinton Goes
After Donald Trump", then "Clinton said" in the body): the speaker shown in full."""

from __future__ import annotations

import os
import tempfile

from tui_reader.core import Block, Section
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.loader import load_article


def _speakers(title: str, *paragraphs: str) -> list[str | None]:
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    return [q.speaker for q in find_quotes(secs, "en", title)]


def test_the_headline_gives_the_body_s_bare_family_name_its_given_name():
    got = _speakers("Hillary Clinton Goes After Donald Trump",
                    '"He started his business with a fortune from his father," Clinton said on Monday.',
                    '"Why won\'t he release his tax returns?" she said.')
    assert got == ["Hillary Clinton", "Hillary Clinton"]


def test_a_text_file_s_headline_line_counts_as_its_headline():
    fd, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("Hillary Clinton Goes After Donald Trump As The New Mitt Romney.\n\n"
                '"He started his business with a fortune from his father," Clinton said on Monday.\n')
    try:
        assert [q.speaker for q in load_article(path).quotes] == ["Hillary Clinton"]
    finally:
        os.unlink(path)


def test_no_given_name_is_taken_from_a_word_or_from_a_headline_naming_two_of_the_family():
    # "Will" opens a question; the body writes "will" in lowercase
    got = _speakers("Will Trump Win Ohio?",
                    '"We will win this state and we will win it big," Trump said at the rally.')
    assert got == ["Trump"]
    got = _speakers("Bill Clinton Campaigns For Hillary Clinton",
                    '"She is the best candidate I have ever known," Clinton said.')
    assert got == ["Clinton"]
    # the body names someone of the family in full: the headline does not choose between them
    got = _speakers("Hillary Clinton Wins Ohio",
                    "Chelsea Clinton introduced her mother.",
                    '"This is a great night for all of us," Clinton said.')
    assert got != ["Hillary Clinton"]


def test_a_bare_family_name_that_spoke_is_a_person_a_pronoun_can_mean():
    got = _speakers("",
                    '"He started his business with a fortune from his father," Clinton said on Monday.',
                    "Clinton then turned to the economy and to the minimum wage.",
                    '"Why won\'t he release his tax returns?" she said.')
    assert got == ["Clinton", "Clinton"]


def test_a_headline_about_one_of_a_family_names_no_one_else():
    got = _speakers("Tom Berg's Widow Sues the Hospital Where He Died",
                    "His widow filed the suit in Dayton on Monday.",
                    '"They let my husband die," Mrs. Berg said.')
    assert got != ["Tom Berg"]
    got = _speakers("Jane Berg Campaigns for Her Husband in Ohio",
                    '"We need more jobs in this state," Sen. Berg said.')
    assert got != ["Jane Berg"]
    # an honorific of the other sex than the headline's given name
    got = _speakers("Tom Berg Wins the County Race",
                    '"This is a great night for all of us," Mrs. Berg said.')
    assert got != ["Tom Berg"]


def test_a_bare_family_name_opening_the_sentence_before_is_the_pronoun_s_referent():
    got = _speakers("",
                    "Donald Trump went with the odds and picked Carolina to win the game.",
                    "Cruz openly admitted that his pick was politically motivated. "
                    '"With an eye to February 20th, Carolina," he said.')
    assert got == ["Cruz"]


def test_a_headline_naming_two_of_a_family_or_a_kin_word_gives_no_given_name():
    got = _speakers("Tom and Ann Berg Charged With Fraud",
                    '"I never stole a dime," Berg said. "My wife knew nothing about the accounts," he added.')
    assert "Ann Berg" not in got and "Tom Berg" not in got
    got = _speakers("Tom Berg's Granddaughter Wins the Seat He Held for 30 Years",
                    "Berg, 29, won by 400 votes.", '"He would have been proud," Berg said.')
    assert got != ["Tom Berg"]
