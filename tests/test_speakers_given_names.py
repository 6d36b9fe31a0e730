"""Given names as evidence of a person's sex (US Census lists shipped by the `names` package): weak
evidence, never outweighing the text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_speakers_resolution import end_of, registry
from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers.pronouns import resolve_pronoun
from tui_reader.core.census import known, sex_of


@pytest.mark.parametrize("name, sex", [("Jessica", "f"), ("Donald", "m"), ("WILLIAM", "m"),
                                       ("Jordan", None), ("Chris", None)])
def test_a_given_name_tells_a_sex_only_when_it_is_mostly_given_to_one(name, sex):
    assert known(name)
    assert sex_of(name) == sex


@pytest.mark.parametrize("name", ["Yuri", "Nikita", "Min", "Nicola", "Daniele"])
def test_a_name_rare_in_both_lists_tells_no_sex_though_one_list_lacks_it(name):
    assert known(name)
    assert sex_of(name) is None


def test_a_names_py_in_the_working_directory_does_not_hide_the_lists(tmp_path):
    (tmp_path / "names.py").write_text("RAISE = 1\n")
    code = "from tui_reader.core.census import sex_of; print(sex_of('Jessica'))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert out.stdout.strip() == "f"


@pytest.mark.parametrize("word", ["Purple", "Convention", "Khizr", ""])
def test_a_word_that_is_no_given_name_in_the_lists_tells_nothing(word):
    assert not known(word)
    assert sex_of(word) is None


@pytest.mark.parametrize("intro, pronoun, who", [
    ("Min Aung Hlaing met Aung San Suu Kyi in Naypyidaw in 2016.", "he", "Min Aung Hlaing"),
    ("Nicola Zingaretti met Giorgia Meloni in Rome on Monday.", "he", "Nicola Zingaretti"),
    ("Lindsay Hoyle met Angela Rayner in Westminster on Tuesday.", "he", "Lindsay Hoyle"),
    ("The Speaker, Lindsay Hoyle, rebuked ministers on Tuesday.", "he", "Lindsay Hoyle"),
    ("Yuri Gagarin spoke to Valentina Tereshkova before the launch.", "he", "Yuri Gagarin"),
    ("Andrea Bocelli met Maria Conti at the opera house on Tuesday.", "he", "Andrea Bocelli"),
    ("Glenn Close sat beside Tom Hanks at the ceremony on Sunday.", "she", "Glenn Close"),
])
def test_a_given_name_never_moves_a_pronoun_off_the_person_the_text_gives(intro, pronoun, who):
    # the lists call Andrea, Lindsay, Nicola women and Glenn a man: weak, American evidence
    assert speakers(intro, f'"We will not wait any longer," {pronoun} said.') == [who]


def test_what_the_text_says_about_a_person_still_counts():
    reg = registry("Ms. Jessica Alvey replaced Tom Brandt on the morning show.", "Later")
    b, i = end_of(reg)
    assert resolve_pronoun(reg, "he", b, i).display == "Tom Brandt"
    assert resolve_pronoun(reg, "she", b, i).display == "Jessica Alvey"
