"""A name after 'in', 'at', 'near' … is a place's or an event's ('in New Hampshire'), except where
the article shows a person: a possessive ('at X's side'), a name it makes report something
('Zelensky said'). The look-back to the preposition crosses only determiners, never words."""

from __future__ import annotations

import pytest

from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers import LANGUAGES
from tui_reader.core.attribution.speakers.registry import Registry


def kind(text: str, name: tuple[str, ...]) -> str:
    return Registry([text], ["paragraph"], LANGUAGES["en"]).entities[name].kind


@pytest.mark.parametrize("intro, second, who", [
    ("Antony Blinken stood at Volodymyr Zelensky's side in Kyiv on Wednesday.", "Zelensky", "Volodymyr Zelensky"),
    ("Emmanuel Macron spoke at Olaf Scholz's invitation in Berlin.", "Scholz", "Olaf Scholz"),
    ("Emmanuel Macron arrived in Berlin on Monday. At a news conference Olaf Scholz welcomed him.", "Scholz",
     "Olaf Scholz"),
    ("Rachel Reeves has served in Keir Starmer's cabinet since July.", "Starmer", "Keir Starmer"),
])
def test_a_person_named_after_in_or_at_is_still_the_one_a_pronoun_follows(intro, second, who):
    got = speakers(intro, f'"We need more air defense," {second} said. "Every day matters," he added.')
    assert got == [who, who]


@pytest.mark.parametrize("text, name", [
    ("Antony Blinken stood at Volodymyr Zelensky's side in Kyiv.", ("Volodymyr", "Zelensky")),
    ("Diplomats met in Recep Tayyip Erdogan's palace in Ankara.", ("Recep", "Tayyip", "Erdogan")),
])
def test_a_possessive_after_in_or_at_is_a_person(text, name):
    assert kind(text, name) == "person"


def test_a_name_the_article_makes_report_is_a_person_after_in_too():
    text = 'Voters lost faith in Volodymyr Zelensky in May. "We will hold," Zelensky said on Monday.'
    assert kind(text, ("Volodymyr", "Zelensky")) == "person"


@pytest.mark.parametrize("text", [
    "Emmanuel Macron arrived in Berlin. At a news conference Volodymyr Zelensky welcomed him.",
    "Protests grew louder on Wednesday as Volodymyr Zelensky, the president, flew home.",
])
def test_the_look_back_to_a_place_preposition_crosses_no_words(text):
    assert kind(text, ("Volodymyr", "Zelensky")) == "person"


@pytest.mark.parametrize("text, name", [
    ("Lena Ortiz spoke in North Valdosia on Monday.", ("North", "Valdosia")),
    ("Lena Ortiz spoke at the Grand Velmar Arena on Monday.", ("Grand", "Velmar", "Arena")),
    ("Lena Ortiz spoke at last month's Grand Velmar Convention.", ("Grand", "Velmar", "Convention")),
])
def test_a_place_after_in_or_at_is_still_no_person(text, name):
    assert kind(text, name) != "person"
