"""The registry: names split from titles, bodies told from people, descriptors, gender, fullest names."""

from __future__ import annotations

from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers import LANGUAGES
from tui_reader.core.attribution.speakers.registry import Registry

EN = LANGUAGES["en"]


def registry(*paragraphs: str) -> Registry:
    return Registry(list(paragraphs), ["paragraph"] * len(paragraphs), EN)


def test_gender_from_honorifics_and_the_following_pronoun():
    reg = registry("Ms. Dalia Grybauskaite arrived.", "Tomas Berg spoke first. His speech was short.")
    assert reg.fullest(("Grybauskaite",)).gender == "f"
    assert reg.fullest(("Berg",)).gender == "m"


def test_mentions_in_reading_order_and_objects_of_prepositions_not_salient():
    reg = registry("Ann Lee met Bo Chan at the Aberdeen Royal Infirmary.")
    names = [reg.mention_ent[mid].display for _, _, mid in reg.mentions]
    assert names == ["Ann Lee", "Bo Chan", "Aberdeen Royal Infirmary"]
    salient = [reg.mention_ent[mid].display for _, _, mid in reg.mentions if mid in reg.salient]
    assert "Aberdeen Royal Infirmary" not in salient


def test_sentence_bounds():
    reg = registry("One two. Three four five. Six.")
    toks = reg.toks[0]
    four = next(k for k, t in enumerate(toks) if t.text == "four")
    lo, hi = reg.sentence_bounds(0, four)
    assert [t.text for t in toks[lo:hi]] == ["Three", "four", "five"]


def test_a_headline_in_title_case_is_nobody():
    reg = Registry(["Benghazi Widow Dorothy Woods Defends Trump Amid Military-Related Controversies",
                    "Dorothy Woods spoke on Thursday."], ["paragraph"] * 2, LANGUAGES["en"])
    assert all(len(name) <= 2 for name in reg.entities)


def test_the_state_and_party_description_is_a_mention_a_pronoun_can_follow():
    got = speakers("House Speaker Pat Ruan (R-Wis.) spoke on the radio.",
                   "The Wisconsin Republican gave Tom Brandt some credit, but he said the businessman is no statesman.",
                   '"We do not always nominate a statesman every four years," he said.')
    assert got == ["Pat Ruan"]
