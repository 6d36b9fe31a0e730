"""A description set off before a name ("her husband, Tom Reyes,"): it tells the name's sex, and it does
not make the sentence about someone the article leaves unnamed."""

from __future__ import annotations

from tests.test_speakers_wrong_names import speakers


def test_a_kin_noun_set_off_before_a_name_gives_its_sex():
    got = speakers("Maria Lopez, a teacher from Dayton, said the cuts would hurt her school.",
                   "Along with her husband, Tom Reyes, a plumber, she has marched at every rally.",
                   '"I am tired of being ignored," she said.')
    assert got == ["Maria Lopez"]  # before: Tom Reyes, the nearest person of no known sex


def test_the_sex_settles_which_member_of_a_family_is_meant():
    got = speakers("Amina Okafor and Daniel Okafor spoke at the vigil.",
                   "Ms. Okafor said she could not speak about her son, Daniel Okafor, without weeping.",
                   '"He served with honor," Ms. Okafor said.',
                   'She added: "We miss him every day."')
    assert got == ["Amina Okafor", "Amina Okafor"]


def test_a_description_of_someone_else_before_the_link_still_means_an_unnamed_speaker():
    got = speakers("Gov. Ann Hale vetoed the bill on Friday.",
                   "A spokesman for the governor, Ann Hale, said the veto was final.",
                   '"There will be no second vote," he said.')
    assert got == [None]  # the spokesman, whom the article does not name


def test_a_prepositional_phrase_with_a_kin_noun_describes_no_one_else():
    got = speakers("Rita Chen, a nurse, said the hospital was short of staff.",
                   "With her brother, Sam Chen, she has run the clinic since 2010.",
                   '"We cannot keep this up," she said.')
    assert got == ["Rita Chen"]
