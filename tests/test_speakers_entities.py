"""Entities and the name index: the fullest name of a person, a surname two people share, acronyms,
places told from people (speakers/entities.py)."""

from __future__ import annotations

from tests.test_speakers_registry import EN, registry
from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers.entities import Entity, Names
from tui_reader.core.attribution.speakers.registry import Registry


def test_fullest_name_is_unique_or_none():
    reg = registry("Jane Roe and John Roe met Elise Matthesen.")
    assert reg.fullest(("Roe",)) is None  # two people share the surname
    assert reg.fullest(("Elise",)).display == "Elise Matthesen"  # a lone first name
    assert reg.fullest(("Matthesen",)).display == "Elise Matthesen"


def test_acronym_takes_the_spelled_out_name():
    reg = registry("The Drug Enforcement Administration reported.", "The DEA says so.")
    (dea,) = [c for c in reg.chains[1] if c.core == ("DEA",)]
    assert dea.entity.display == "Drug Enforcement Administration"


def test_a_surname_of_two_different_people_is_nobodys():
    reg = registry("Te Kaurinui Robert Parata spoke first. Hori Parata answered.")
    assert reg.fullest(("Parata",)) is None
    assert reg.fullest(("Robert", "Parata")).display == "Te Kaurinui Robert Parata"
    reg = registry("Jens Stoltenberg spoke. Secretary General Jens Stoltenberg left.")
    assert reg.fullest(("Stoltenberg",)).display == "Jens Stoltenberg"


def test_the_beginning_of_a_longer_name_is_that_person():
    reg = registry("Te Kaurinui Robert Parata spoke first.", "Later Te Kaurinui walked away.")
    assert reg.fullest(("Te", "Kaurinui")).display == "Te Kaurinui Robert Parata"
    reg = registry("Jane Anne Roe and Jane Anne Smith spoke.", "Jane Anne left.")
    assert reg.fullest(("Jane", "Anne")).display == "Jane Anne"  # two longer names begin so: neither


def test_a_name_written_after_in_or_at_is_a_place_not_a_person():
    reg = Registry(["Lena Ortiz spoke in North Valdosia on Monday.", "North Valdosia voters cheered her."],
                   ["paragraph"] * 2, EN)
    assert reg.entities[("North", "Valdosia")].kind != "person"
    got = speakers("Ms. Lena Ortiz spoke in North Valdosia on Monday.", "North Valdosia voters cheered.",
                   '"We will win this state," he said.')
    assert got == [None]


def test_a_given_name_or_a_title_keeps_a_person_written_after_in():
    reg = Registry(["Voters lost faith in Donald Brandt and in Sen. Ola Mwangi."], ["paragraph"], EN)
    assert reg.entities[("Donald", "Brandt")].kind == "person"
    assert reg.entities[("Ola", "Mwangi")].kind == "person"


def test_a_name_after_a_possessive_after_in_or_at_is_a_place_or_an_event():
    reg = Registry(["Lena Ortiz spoke at last month's Grand Velmar Convention."], ["paragraph"], EN)
    assert reg.entities[("Grand", "Velmar", "Convention")].kind != "person"


def test_a_surname_two_people_share_is_still_a_person_a_pronoun_can_follow():
    got = speakers("Marta Velez, whose husband, Ruben Velez, was killed in 2012, spoke to the host Tom Hale on Thursday.",
                   "Velez said she does not blame Ada Quist and Ben Quist for it.",
                   '"I would never wish this on anyone," she told Hale.')
    # the one the article calls Velez here, not a Quist; "she" of the Velez pair is Marta, Ruben a man's name
    assert got == ["Marta Velez"]


def test_the_first_of_two_surnames_alone_is_the_person():
    got = speakers("The ambassador, Miguel Basanta Ebergenyi, took over the embassy last year.",
                   'Basanta said the comments were "just part of the primary campaign."')
    assert got == ["Miguel Basanta Ebergenyi"]


def test_a_middle_name_two_people_share_names_neither():
    reg = Registry(["Ana Ruiz Lopez met Juan Ruiz Vega.", "Ruiz spoke."], ["paragraph"] * 2, EN)
    assert reg.fullest(("Ruiz",)) is None


def test_the_name_index_finds_a_person_by_any_ending_or_a_unique_beginning():
    names = Names()
    for name in (("Jane", "Roe"), ("John", "Roe"), ("Te", "Kaurinui", "Robert", "Parata")):
        names.entities[name] = Entity(name, "person")
    names.index()
    assert names.fullest(("Roe",)) is None  # two people end so
    assert names.fullest(("Parata",)).display == "Te Kaurinui Robert Parata"
    assert names.fullest(("Te", "Kaurinui")).display == "Te Kaurinui Robert Parata"
    assert {e.display for e in names.sharing(("Roe",))} == {"Jane Roe", "John Roe"}


def test_a_capitalized_compound_participle_is_no_part_of_a_name_and_a_participle_ends_an_appositive():
    reg = Registry(["And the Shanghai-based Hurun Report, a wealth research firm founded in 1999, tracks "
                    "billionaires.", "In February, Hurun said that it was so."], ["paragraph"] * 2, EN)
    report = reg.entities[("Hurun", "Report")]
    assert report.kind == "org"  # "firm" is the appositive's head, not "founded"
    assert reg.chains[1][0].entity is report  # "Hurun" is the report named before
    # a Korean given name keeps its lowercase hyphenated part
    reg = Registry(["Secretary General Ban Ki-moon spoke."], ["paragraph"], EN)
    assert ("Ban", "Ki-moon") in reg.entities


def test_a_person_s_name_with_a_trade_a_company_may_ply_stays_a_person():
    reg = Registry(["Angelique Brunner, a developer, said many of the examples failed.",
                    "Acme, a developer, said the tower would open in May."], ["paragraph"] * 2, EN)
    assert reg.entities[("Angelique", "Brunner")].kind == "person"
    assert reg.entities[("Acme",)].kind == "org"
