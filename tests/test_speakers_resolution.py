"""Pronouns and descriptions resolved against the registry, and subject phrases around cues."""

from __future__ import annotations

from tui_reader.core.attribution.speakers import LANGUAGES
from tui_reader.core.attribution.speakers.descriptions import match_description
from tui_reader.core.attribution.speakers.phrases import cue_at, noun_phrase, subject_of
from tui_reader.core.attribution.speakers.pronouns import resolve_pronoun
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.resolve import resolve_entity

EN = LANGUAGES["en"]


def registry(*paragraphs: str) -> Registry:
    return Registry(list(paragraphs), ["paragraph"] * len(paragraphs), EN)


def end_of(reg: Registry) -> tuple[int, int]:
    b = len(reg.toks) - 1
    return b, len(reg.toks[b])


def test_he_and_she_follow_gender():
    reg = registry("Ms. Dalia Grybauskaite met Mr. Andrzej Duda.", "Later that day")
    b, i = end_of(reg)
    assert resolve_pronoun(reg, "she", b, i).display == "Dalia Grybauskaite"
    assert resolve_pronoun(reg, "he", b, i).display == "Andrzej Duda"


def test_a_pronoun_prefers_the_subject_of_the_last_sentence():
    reg = registry("Tomas Berg spoke with Ann Lee.", "Then")
    assert resolve_pronoun(reg, "he", *end_of(reg)).display == "Tomas Berg"


def test_a_pronoun_with_nobody_before_is_none():
    reg = registry("The rain fell all night.", "Then")
    assert resolve_pronoun(reg, "she", *end_of(reg)) is None
    assert resolve_pronoun(reg, "they", *end_of(reg)) is None


def test_it_refers_to_a_body():
    reg = registry("Acme Corp. cut 300 jobs.", "Then")
    assert resolve_pronoun(reg, "it", *end_of(reg)).display == "Acme Corp."


def test_description_matches_descriptor_or_class():
    reg = registry("The warning was echoed by military expert Alexander Perendzhiyev.", "Then")
    b, i = end_of(reg)
    assert match_description(reg, ["expert"], b, i).display == "Alexander Perendzhiyev"
    assert match_description(reg, ["analyst"], b, i).display == "Alexander Perendzhiyev"  # same class
    assert match_description(reg, ["senator"], b, i) is None


def test_the_company_is_a_body_named_as_one():
    reg = registry("Acme Corp. laid off 300 workers, Jane Roe said.", "Then")
    assert match_description(reg, ["company"], *end_of(reg)).display == "Acme Corp."


def test_cues_single_and_multi_word():
    reg = registry("He pointed out that she said it, according to them.")
    toks = reg.toks[0]
    at = {t.text: k for k, t in enumerate(toks)}
    assert cue_at(EN, toks, at["pointed"])[:2] == (2, "pointed out")
    assert cue_at(EN, toks, at["said"]) == (1, "said", False)
    assert cue_at(EN, toks, at["according"]) == (2, "according to", True)
    assert cue_at(EN, toks, at["that"]) is None


def test_noun_phrases():
    reg = registry("a spokesperson for the British Foreign Office said")
    ref = noun_phrase(reg, 0, 0, len(reg.toks[0]) - 1)
    assert (ref.kind, ref.head) == ("desc", "spokesperson")
    assert ref.complement.entity.display == "British Foreign Office"
    assert resolve_entity(reg, ref).display == "British Foreign Office"


def test_subject_of_a_verb_skips_appositives_and_auxiliaries():
    reg = registry("Lowri Bevan, chief executive of the Trust, which manages the quays, has said")
    toks = reg.toks[0]
    said = len(toks) - 1
    ref = subject_of(reg, 0, said, 0)
    assert ref.kind == "name" and ref.chain.entity.display == "Lowri Bevan"


def test_a_pronoun_after_someone_the_article_does_not_name_is_none():
    reg = registry("Ann Lee runs the clinic.", "Reporters spoke to one mother of three.", "Then")
    assert resolve_pronoun(reg, "she", *end_of(reg)) is None
    reg = registry("Ann Lee runs the clinic.", "The actress spoke to reporters.", "Then")
    assert resolve_pronoun(reg, "she", *end_of(reg)).display == "Ann Lee"  # "the actress" is Ann Lee


def test_a_name_after_a_number_or_a_preposition_is_no_antecedent_by_shape_alone():
    reg = registry("Write to us at 520 Third Street in town.", "Then")
    assert resolve_pronoun(reg, "she", *end_of(reg)) is None


def test_a_description_set_off_before_a_name_describes_it():
    reg = registry("The mayor, Jo Al, opened the bridge.")
    assert "mayor" in reg.entities[("Jo", "Al")].descriptors
    reg = Registry(["L'organisateur, Julien Ferrand, défend une idée."], ["paragraph"], LANGUAGES["fr"])
    assert "organisateur" in reg.entities[("Julien", "Ferrand")].descriptors


def test_a_description_of_a_role_nobody_holds_yet_is_the_person_the_text_is_about():
    from tests.test_speakers_wrong_names import speakers

    got = speakers("On Thursday Ana Ruiz gave her first speech as the party's nominee, attacking her rival, Tom Berg, "
                   "as unfit for the job.",
                   '"Nobody who loses his temper on the radio should run the port," said the nominee.')
    assert got == ["Ana Ruiz"]
    # not an unnamed person of that role introduced since ("one legal expert" … "the expert")
    got = speakers("Mayor Tom Berg has defended the plan.",
                   '"The plan is not lawful at all, whatever the council says," said one legal expert.',
                   '"It will be challenged in court before the summer," the expert warned.')
    assert got == [None, None]
    # nor someone the article gives another role ("the campaign chairman" is no candidate)
    got = speakers("Tom Berg, the campaign chairman, met donors in Leeds on Friday.",
                   '"We will win this state by a wide margin," said the candidate.')
    assert got == [None]


def test_the_newspaper_is_the_publication_named_before():
    reg = registry("In a scathing opinion piece, The Wall Street Journal called on the mayor to resign.",
                   "Critics of the mayor agreed, and the Harbour Trust said nothing.")
    found = match_description(reg, ["conservative-leaning", "newspaper"], *end_of(reg))
    assert found is not None and found.name == ("Wall", "Street", "Journal")
    reg = registry("The Harbour Trust called on the mayor to resign.")
    assert match_description(reg, ["newspaper"], *end_of(reg)) is None  # a body, but no publication
