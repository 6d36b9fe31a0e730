"""Given names as evidence of a person's sex (US Census lists shipped by the `names` package)."""

from __future__ import annotations

import pytest

from tests.test_speakers_resolution import end_of, registry
from tui_reader.core.attribution.speakers.given_names import known, sex_of
from tui_reader.core.attribution.speakers.pronouns import resolve_pronoun


@pytest.mark.parametrize("name, sex", [("Jessica", "f"), ("hillary", "f"), ("Donald", "m"), ("WILLIAM", "m"),
                                       ("Jordan", None), ("Chris", None)])
def test_a_given_name_tells_a_sex_only_when_it_is_mostly_given_to_one(name, sex):
    assert known(name)
    assert sex_of(name) == sex


@pytest.mark.parametrize("word", ["Purple", "Convention", "Khizr", ""])
def test_a_word_that_is_no_given_name_in_the_lists_tells_nothing(word):
    assert not known(word)
    assert sex_of(word) is None


def test_he_skips_a_woman_known_by_her_given_name():
    reg = registry("Jessica Alvey replaced Tom Brandt on the morning show.", "Later")
    b, i = end_of(reg)
    assert resolve_pronoun(reg, "he", b, i).display == "Tom Brandt"
    assert resolve_pronoun(reg, "she", b, i).display == "Jessica Alvey"


def test_what_the_text_says_outweighs_the_given_name():
    reg = registry("Mr. Jessica Alvey met Tom Brandt.", "Later")
    assert resolve_pronoun(reg, "he", *end_of(reg)).display == "Jessica Alvey"
