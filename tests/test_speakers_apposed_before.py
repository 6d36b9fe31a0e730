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


def test_a_business_epithet_refers_back_to_the_person_the_text_is_about():
    got = speakers("Rupert Murdoch bought the newspaper in 1976 and sold it last year.",
                   '"It was time to let go," the media mogul said.')
    assert got == ["Rupert Murdoch"]


def test_an_epithet_introduced_in_a_predicate_about_someone_unnamed_is_theirs():
    got = speakers("Rupert Murdoch bought the newspaper in 1976 and sold it last year.",
                   "The buyer is a Texas tycoon who asked not to be named.",
                   '"It was time to let go," the tycoon said.')
    assert got == [None]  # the buyer's words, not Murdoch's


def test_an_epithet_is_no_other_role():
    got = speakers("Jane Ruiz, the chief executive of Acme, announced the sale on Monday.",
                   '"It was time to let go," the billionaire said.')
    assert got == [None]  # the review's tycoon defect: an executive is not described as a billionaire


def test_a_possessive_description_of_someone_not_described_before_is_nobody_the_article_names():
    # "Tom Berg's lawyer said" is most often someone new; the epithet reading ("Obama's former campaign
    # strategist" for the David Axelrod of the sentence before) was withdrawn after the session's review
    got = speakers("Ann Lee sued the city of Dayton on Monday over the loss of her home.",
                   '"The claim has no merit," Tom Berg\'s lawyer said.')
    assert got == [None]
    got = speakers("Dana Whitfield on Wednesday called on the senator to apologize to the voters.",
                   '"That was outrageous," Ames\'s former campaign strategist said in an interview.')
    assert got == [None]


def test_a_possessive_description_is_not_whoever_else_the_article_described_so():
    # the review's defect: "a lawyer" matched "Berg's lawyer" by its head noun alone
    got = speakers("Ann Lee, a lawyer, sued Tom Berg over the land deal on Monday.",
                   '"We will win this case in court," Berg\'s lawyer said.')
    assert got == [None]
    got = speakers("Jo Marsh, a senior adviser, left the campaign in May.",
                   '"The polls are wrong," Senator Ames\'s senior adviser said on Sunday.')
    assert got == [None]



def test_a_possessive_description_is_whom_the_article_gave_that_very_role():
    # review of session 13: "Mark Chen, Berg's lawyer," had been lost with the rule above
    got = speakers("Ann Lee sued Tom Berg on Monday. Mark Chen, Berg's lawyer, called the suit frivolous.",
                   '"We will ask the judge to dismiss it," Berg\'s lawyer said.')
    assert got == ["Mark Chen"]
    got = speakers("Jo Marsh, Ames's national security adviser, spoke first.",
                   '"We were never told about the strike in advance," Ames\'s national security adviser said.')
    assert got == ["Jo Marsh"]
    # not a role the person held before, nor one the appositive qualifies
    for role in ("Berg's former lawyer", "Berg's original lawyer", "Berg's lawyer at the time of the sale",
                 "then Berg's lawyer"):
        got = speakers(f"Ann Lee sued Tom Berg on Monday. Mark Chen, {role}, called the suit frivolous.",
                       '"Mr. Chen has an axe to grind with my client," Berg\'s lawyer said.')
        assert got == [None], role
    got = speakers("Shares fell after Tim Cook, Apple's chief executive, warned of weaker sales in China.",
                   '"We are seeing a slowdown we did not expect," Apple\'s chief executive said on a call.')
    assert got == ["Tim Cook"]


def test_a_spokesman_set_off_after_his_principal_s_possessive_is_the_speaker():
    got = speakers("Elizabeth Warren spoke in Boston on Tuesday.",
                   '"She is not running for president," said Warren\'s spokesman, David Park.')
    assert got == ["David Park"]
    # the name after "a spokesman for the governor" is the governor's: the spokesman has none
    got = speakers('"We will review the bill," said a spokesman for the governor, Andrew Cuomo.')
    assert got == [None]


def test_a_possessive_epithet_never_means_its_owner():
    got = speakers("Dana Whitfield spoke in Ohio on Monday.",
                   "Whitfield's friends say she never gives up.",
                   '"She has always been a fighter," Whitfield\'s longtime adviser said.')
    assert got[-1] != "Dana Whitfield"
