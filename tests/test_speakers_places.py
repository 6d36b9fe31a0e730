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


@pytest.mark.parametrize("intro", [
    # a country or a US state of several words, a street, a polity, an agreement: no one a pronoun means
    "He grew up between the beaches of Maryland and North Carolina, far from the war.",
    "We walked down Harnet Avenue, the capital's main boulevard, past the old cathedral.",
    "The mayor said the so-called Islamic State had grown stronger since the spring.",
    "The treaty, the North American Free Trade Agreement, was signed in 1992.",
])
def test_a_place_or_an_agreement_is_no_one_a_pronoun_follows(intro):
    # the pronoun goes past the place to the person named before it
    assert speakers("Tom Berg is the mayor.", intro, '"If you like comfort, you will never do this job," he told me.') == [
        "Tom Berg"]


@pytest.mark.parametrize("text, name", [
    ("Gov. Virginia Foxx visited the plant on Monday.", ("Virginia", "Foxx")),
    ("Mr. Hong Kong Lee visited the plant on Monday.", ("Hong", "Kong", "Lee")),
])
def test_a_title_still_makes_a_person_of_a_name_that_reads_as_a_place(text, name):
    assert kind(text, name) == "person"


def test_a_name_described_by_a_place_noun_is_no_person():
    assert kind("They met on Harnet Street, the capital's main boulevard, at noon.", ("Harnet", "Street")) != "person"
    assert kind("They met in Tom Berg's office at noon.", ("Tom", "Berg")) == "person"


def test_a_title_in_quotation_marks_is_no_one():
    # an ad's title is no person, whom "the actor" or "he" could mean
    assert kind('One ad, "Balanced Rebellion," stars an actor who plays Abraham Lincoln.',
                ("Balanced", "Rebellion")) != "person"
    assert kind("One ad stars Balanced Rebellion, who plays Abraham Lincoln.", ("Balanced", "Rebellion")) == "person"


@pytest.mark.parametrize("paragraphs, who", [
    # a place noun modifying the role before a name ("City planner", "State prosecutor") makes no place of it
    (("Tom Berg chairs the board.", "City planner Ana Ruiz opened the bridge on Monday.",
      '"It took ten years to build," she said.'), ["Ana Ruiz"]),
    (("Tom Berg chairs the board.", "State prosecutor Jim Lee filed the charges on Monday.",
      '"It took ten years to build this case," he said.'), ["Jim Lee"]),
    (("Tom Berg chairs the board.", 'State prosecutor Jim Lee told the court: "The evidence is clear."',
      '"It took ten years to build this case," he added.'), ["Jim Lee", "Jim Lee"]),
    (("Ana Ruiz chairs the board.", 'Town clerk Maria Lopez told the council: "The office opens on Monday."',
      '"It took ten years to get here," she added.'), ["Maria Lopez", "Maria Lopez"]),
    (("Tom Berg chairs the board.", "County assessor Jim Lee opened the new office on Monday.",
      '"It took ten years to get here," Lee said.'), ["Jim Lee"]),
])
def test_a_place_noun_before_a_role_makes_no_place_of_the_name(paragraphs, who):
    assert speakers(*paragraphs) == who


@pytest.mark.parametrize("text, name", [
    ("City planner Ana Ruiz opened the bridge.", ("Ana", "Ruiz")),
    ("Village elder Tom Berg opened the bridge.", ("Tom", "Berg")),
])
def test_a_role_after_a_place_noun_leaves_a_person(text, name):
    assert kind(text, name) == "person"



@pytest.mark.parametrize("paragraphs, who", [
    # a surname that is also the head noun of a place, after a given name: a person
    (("Tom Berg chairs the film board.", "On Monday, Nathan Lane spoke to the students at the school.",
      '"You have to love the work," he said.'), ["Nathan Lane"]),
    (("Ana Ruiz chairs the film board.", "Diane Lane spoke to the students at the school.",
      '"You have to love the work," she said.'), ["Diane Lane"]),
    (("Tom Berg runs the rodeo.", "George Strait closed the show on Saturday.",
      '"Texas is home and always will be," he said.'), ["George Strait"]),
    (("Tom Berg runs the festival.", "Frank Ocean headlined on Friday.",
      '"I wanted it to feel like summer," he said.'), ["Frank Ocean"]),
    (("Ana Ruiz chairs the film board.", 'Diane Lane told the students: "You have to love the work."',
      '"And you have to be patient," she added.'), ["Diane Lane", "Diane Lane"]),
])
def test_a_given_name_with_a_place_head_for_surname_is_a_person(paragraphs, who):
    assert speakers(*paragraphs) == who


@pytest.mark.parametrize("text, name", [
    # the head still makes a place where no given name opens the name, or more words come before it
    ("They walked down Harnet Avenue at noon.", ("Harnet", "Avenue")),
    ("They drove over the George Washington Bridge at noon.", ("George", "Washington", "Bridge")),
])
def test_a_place_head_still_makes_a_place_without_a_given_name_alone_before_it(text, name):
    assert kind(text, name) != "person"
