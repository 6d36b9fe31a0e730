"""'The Vermont senator' is a mention of the senator whose party tag names Vermont ('(D-Vt.)'),
so a 'he' after it can follow it; a senator tagged with another state is not meant."""

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

