"""The registry: gender from all the evidence, sentence bounds, headlines in title case; its parts
have their own tests (test_speakers_chains.py, test_speakers_entities.py, test_speakers_mentions.py)."""

from __future__ import annotations

from tui_reader.core.attribution.speakers import LANGUAGES
from tui_reader.core.attribution.speakers.registry import Registry

EN = LANGUAGES["en"]


def registry(*paragraphs: str) -> Registry:
    return Registry(list(paragraphs), ["paragraph"] * len(paragraphs), EN)


def test_gender_from_honorifics_and_the_following_pronoun():
    reg = registry("Ms. Dalia Grybauskaite arrived.", "Tomas Berg spoke first. His speech was short.")
    assert reg.fullest(("Grybauskaite",)).gender == "f"
    assert reg.fullest(("Berg",)).gender == "m"


def test_sentence_bounds():
    reg = registry("One two. Three four five. Six.")
    toks = reg.toks[0]
    four = next(k for k, t in enumerate(toks) if t.text == "four")
    lo, hi = reg.sentence_bounds(0, four)
    assert [t.text for t in toks[lo:hi]] == ["Three", "four", "five"]


def test_a_headline_in_title_case_is_nobody():
    reg = Registry(["Benghazi Widow Dorothy Woods Defends Trump Amid Military-Related Controversies",
                    "Dorothy Woods spoke on Thursday."], ["paragraph"] * 2, EN)
    assert all(len(name) <= 2 for name in reg.entities)


def test_a_pronoun_after_a_sentence_naming_two_people_gives_neither_a_gender():
    # PolNeAR train4 (Deborah Jordan Reynolds): "his" after a sentence naming her and a man made her a man, and her
    # "she says" quotes went to him; one person in the sentence before still gets the pronoun's gender
    reg = registry("Deborah Reynolds met Ammon Bundy at the ranch. His show is popular.")
    assert reg.fullest(("Reynolds",)).gender is None and reg.fullest(("Bundy",)).gender is None
    reg = registry("Tomas Berg arrived at the ranch. His show is popular.")
    assert reg.fullest(("Berg",)).gender == "m"
