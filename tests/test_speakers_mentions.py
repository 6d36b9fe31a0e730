"""Mentions in reading order: salience, the streams a look-back searches, a description as a
mention (speakers/mentions.py)."""

from __future__ import annotations

from tests.test_speakers_registry import registry
from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers.entities import Entity
from tui_reader.core.attribution.speakers.mentions import Mentions


def test_mentions_in_reading_order_and_objects_of_prepositions_not_salient():
    reg = registry("Ann Lee met Bo Chan at the Aberdeen Royal Infirmary.")
    names = [reg.mention_ent[mid].display for _, _, mid in reg.mentions]
    assert names == ["Ann Lee", "Bo Chan", "Aberdeen Royal Infirmary"]
    salient = [reg.mention_ent[mid].display for _, _, mid in reg.mentions if mid in reg.salient]
    assert "Aberdeen Royal Infirmary" not in salient


def test_the_state_and_party_description_is_a_mention_a_pronoun_can_follow():
    got = speakers("House Speaker Pat Ruan (R-Wis.) spoke on the radio.",
                   "The Wisconsin Republican gave Tom Brandt some credit, but he said the businessman is no statesman.",
                   '"We do not always nominate a statesman every four years," he said.')
    assert got == ["Pat Ruan"]


def test_the_last_mention_of_a_kind_is_the_most_recent_before_a_position():
    mentions = Mentions(lambda b, i: 0)
    ann, acme = Entity(("Ann", "Lee"), "person", {"analyst"}), Entity(("Acme", "Inc."), "org")
    mentions.add(0, 1, 0, ann, True)
    mentions.add(1, 4, 1, acme, True)
    mentions.add_mention(2, 0, ann)  # an attribution's, filed after the article's own
    assert mentions.last([("org",)], 3, 0) == ((1, 4, 1), acme)
    assert mentions.last([("descriptor", "analyst", False)], 2, 0) == ((0, 1, 0), ann)
    assert mentions.last([("descriptor", "analyst", False)], 3, 0) == ((2, 0, 2), ann)
    assert mentions.last([("org",)], 1, 4) is None  # nothing before the first
    assert list(mentions.mentions_before(3, 0)) == [(2, 0, 2), (1, 4, 1), (0, 1, 0)]
    assert ann.spoke and 2 in mentions.speaking
