"""Roles and the people the article named before: 'the Vermont senator' is the senator whose party
tag names Vermont ('(D-Vt.)'); in 'A lawyer representing the senator, X,' X is the lawyer when the
senator is someone named before."""

from __future__ import annotations

import pytest

from tests.test_speakers_wrong_names import speakers

QUOTE = '"We need to talk about drug prices," he said.'


@pytest.mark.parametrize("intro, who", [
    ("Sen. Ron Johnson met Sen. Patrick Leahy (D-Vt.) on Tuesday. The Vermont senator had asked for the meeting.",
     "Patrick Leahy"),
    ("Sen. Ron Johnson met Sen. Bernie Sanders (I-Vt.) on Tuesday. The Vermont senator had asked for the meeting.",
     "Bernie Sanders"),
    ("Sen. Ron Johnson (R-Wis.) met Sen. Patrick Leahy on Tuesday. The Wisconsin senator had asked for the meeting.",
     "Ron Johnson"),
])
def test_a_role_with_a_state_before_it_is_a_mention_of_the_person_from_that_state(intro, who):
    assert speakers(intro, QUOTE) == [who]



@pytest.mark.parametrize("article, quote", [
    ("A lawyer representing the senator, Abbe Lowell, said the charges were baseless.", '"It is political," he said.'),
    ("The lawyer representing the senator, Abbe Lowell, called the case political.", '"We will fight," he said.'),
])
def test_a_name_after_a_description_linked_to_someone_named_before_is_the_description_s(article, quote):
    # the senator is named already (Bob Menendez): Abbe Lowell is the lawyer
    assert speakers("Sen. Bob Menendez was indicted on Friday on bribery charges.", article, quote) == ["Abbe Lowell"]


def test_a_name_after_a_description_linked_to_someone_not_named_before_is_that_person_s():
    got = speakers("Prosecutors filed charges on Friday.",
                   "A lawyer representing the senator, Bob Menendez, said the charges were baseless.",
                   '"It is political," he said.')
    assert got == [None]  # Bob Menendez is the senator; the lawyer is not named
