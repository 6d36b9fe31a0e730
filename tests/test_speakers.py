"""Attribution: where the speaker stands, and resolving names, pronouns and descriptions."""

from __future__ import annotations

import pytest

from tui_reader.core import Block, Section
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.attribution.speakers import LANGUAGES, Lexicon
from tui_reader.core.attribution.speakers.registry import Registry


def speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    return [(q.speaker, q.cue) for q in find_quotes(secs)]


INTRO = "Konstantin Kosachev, the head of the Senate's foreign affairs committee, spoke on Monday."


@pytest.mark.parametrize(
    "para, cue",
    [
        ('"We are not afraid of soldiers," Kosachev emphasized.', "emphasized"),  # after
        ('"We are not afraid of soldiers," said Kosachev.', "said"),  # inverted
        ('"We are not afraid of soldiers," said Mr. Kosachev, who chairs the committee.', "said"),
        ('Kosachev warned that "we are not afraid of soldiers at all."', "warned"),  # before
        ('Kosachev, 61, sardonically explained on his page that "we are not afraid of soldiers."', "explained"),
        ('According to Kosachev, "we are not afraid of soldiers at all."', "According to"),
        ('"We are not afraid of soldiers," according to Kosachev.', "according to"),
        ('Kosachev told reporters: "We are not afraid of soldiers."', "told"),
        ('Kosachev: "We are not afraid of soldiers."', ":"),  # colon, no verb
        ('"We are not afraid of soldiers." That was how Kosachev put it.', "put it"),  # following sentence
        ('"We are not afraid of soldiers," the senator said.', "said"),  # description from the institution
    ],
)
def test_attribution_positions_resolve_to_the_fullest_name(para, cue):
    assert speakers(INTRO, para) == [("Konstantin Kosachev", cue)]


def test_pronouns_follow_gender_and_recency():
    got = speakers(
        "Ms. Dalia Grybauskaite met Andrzej Duda in Vilnius.",
        '"We agreed on everything that matters," she said.',
        '"The talks were long but useful," he added.',
    )
    assert got == [("Dalia Grybauskaite", "said"), ("Andrzej Duda", "added")]


def test_gender_learned_from_the_following_pronoun():
    got = speakers(
        "Maria Nowak runs the shelter. Her team grew last year.",
        "Tomas Berg, a volunteer, said he joined in May.",
        '"We need twice as many beds by winter," she said.',
    )
    assert got == [("Maria Nowak", "said")]


def test_description_resolves_to_the_person_introduced_with_it():
    got = speakers(
        "The warning was echoed by military expert Alexander Perendzhiyev.",
        "Andrzej Duda, the Polish president, disagreed.",
        '"The attacks showed the alliance is helpless," the analyst lamented.',
    )
    assert got == [("Alexander Perendzhiyev", "lamented")]


def test_the_company_resolves_to_the_company():
    got = speakers(
        "Acme Corp. laid off 300 workers, Jane Roe said.",
        '"We regret the decision but it was necessary," the company said in a statement.',
    )
    assert got == [("Acme Corp.", "said")]


def test_spokesperson_for_a_body_speaks_for_it():
    got = speakers('"We are reviewing the report carefully," a spokesperson for Acme Corp. said.')
    assert got == [("Acme Corp.", "said")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ('"The river will flood again next spring," a local resident said.',),  # nameless person
        ('"The river will flood again next spring," he said.',),  # nobody to refer to
        ("Jane Roe spoke first.", '"The river will flood again next spring," the engineer said.'),
        ('"The river will flood again next spring," I said to the crowd.',),  # the writer
    ],
)
def test_unknown_speakers_stay_none(paragraphs):
    assert [s for s, _ in speakers(*paragraphs)] == [None]


def test_paragraph_that_opens_with_a_quote_continues_the_previous_speaker():
    got = speakers(
        '"The plan is sound and fair," said Ann Lee, the council leader.',
        '"It will pay for itself within ten years."',
    )
    assert [s for s, _ in got] == ["Ann Lee", "Ann Lee"]


def test_colon_at_the_end_of_the_previous_paragraph_introduces_the_quote():
    got = speakers("Retired librarian Edith Caraway read from a letter she wrote:", '"I started at the branch in 1990."')
    assert got[0][0] == "Edith Caraway"


def test_participle_cue_takes_the_main_subject():
    got = speakers('On Monday, Sputnik tweeted at Jens Stoltenberg, asking him why NATO is "so keen to present Russia as a threat?"')
    assert got == [("Sputnik", "asking")]


def test_quoted_words_do_not_count_as_mentions():
    got = speakers(
        "Ann Lee opened the meeting.",
        '"I spoke to Bo Chan yesterday about the roof," she said.',
        '"Nothing will be decided before spring," he said.',
    )
    assert got[0][0] == "Ann Lee" and got[1][0] is None


@pytest.mark.parametrize(
    "paragraphs, want",
    [
        (("„Wir haben keine Angst vor Soldaten“, sagte Kossatschow.",), "Kossatschow"),
        (("« Nous ne craignons pas les soldats », a déclaré Kossatchev.",), "Kossatchev"),
        (("«Мы не боимся солдат», — заявил Косачев.",), "Косачев"),
        (("«No tenemos miedo de los soldados», dijo Kosachov.",), "Kosachov"),
    ],
)
def test_other_languages(paragraphs, want):
    assert speakers(*paragraphs)[0][0] == want


def test_languages_are_lexicons():
    assert {"en", "de", "fr", "es", "ru"} <= set(LANGUAGES)
    assert all(isinstance(lx, Lexicon) and lx.verbs for lx in LANGUAGES.values())


@pytest.mark.parametrize(
    "paragraphs, want",
    [
        # a body named by description keeps the article's words
        (('The French foreign ministry said it "regrets any decision likely to encourage settlement building".',),
         "French foreign ministry"),
        # a document speaks for whoever issued it
        (("Two soldiers died in a crash, the US military said in a statement on Wednesday.",
          '"The cause of the crash is under investigation," the statement said.'), "US military"),
        # an acronym takes the name the article spells out
        (("The Drug Enforcement Administration published its annual report.",
          'The DEA says that Mexico "remains the most significant foreign source for marijuana".'),
         "Drug Enforcement Administration"),
        # a role with a possessive, then the name in apposition
        (("According to Westmere's project director, Simon Achterberg, the turbines could be "
          '"turning by the winter of 2027 if the consents fall into place."',), "Simon Achterberg"),
        # descriptions in front of a name, and a surname that is also a title word
        (('"There has not been a single year of revenue gain," says veteran industry analyst Ken Doctor.',),
         "Ken Doctor"),
        (("Diego Schwartzman beat Cristian Garin in straight sets.",
          '"I played one of the best matches of the year," the 14th-ranked Schwartzman said.'), "Diego Schwartzman"),
        # the appositive's last name is not the subject: the leftmost name is
        (("In a written statement, Lowri Bevan, chief executive of the Kelmouth Harbour Trust, which manages "
          'the quays, said: "The trust will keep this a working harbour."',), "Lowri Bevan"),
        # a description that is a message from someone
        (('The message from harbour master Captain Ifan Rowlands was blunt: "The quay cannot take a turbine blade."',),
         "Ifan Rowlands"),
    ],
)
def test_names_bodies_documents_and_roles(paragraphs, want):
    assert speakers(*paragraphs)[0][0] == want


def test_words_reported_inside_a_sentence_belong_to_the_inner_speaker():
    got = speakers(
        "Patrick Carlineo Jr. was arrested in April.",
        'A staff member recalled that he said, "I will come to your office tomorrow," the attorney\'s office said.',
    )
    assert got == [("Patrick Carlineo Jr.", "said")]


def test_object_of_a_preposition_is_not_the_subject():
    got = speakers(
        'The authors of the research published in the journal JAMA Psychiatry argued that the policy was '
        '"a potential public health concern for the young."',
    )
    assert got == [(None, "argued")]


def test_attribution_at_the_end_of_the_sentence():
    got = speakers("Owen Dempsey studies lung disease.",
                   'Doctors should "take really detailed histories" of their patients, Dempsey said.')
    assert got == [("Owen Dempsey", "said")]


def test_quote_standing_alone_after_a_paragraph_about_a_person():
    got = speakers(
        "He sought advice from one of the study authors, Owen Dempsey, a chest doctor at the Aberdeen Royal Infirmary.",
        "“Their immune system behaves in an exaggerated fashion.”",
    )
    assert got == [("Owen Dempsey", None)]


def test_signed_testimonial():
    got = speakers("“The show was really great and the staff were kind.”", "– Maria K.")
    assert got == [("Maria K.", None)]


@pytest.mark.parametrize(
    "paragraphs, want",
    [
        (("Сергей Ладыгин возглавляет совет.", "«Паром — это не роскошь, — говорит Ладыгин. — Это дорога к больнице»."),
         "Сергей Ладыгин"),
        (("L'organisateur, Julien Ferrand, défend une idée simple.",
          "« Le café, explique-t-il, c'est d'abord une affaire de rencontres. »"), "Julien Ferrand"),
        (("Андрей Колосов пообещал, что тарифы не вырастут.",
          "По его словам, билет «останется по цене шестьдесят рублей до конца навигации»."), "Андрей Колосов"),
        (("« Nous n'avions jamais vu autant de monde sur cette place », a déclaré la maire, Hélène Marchais.",),
         "Hélène Marchais"),
    ],
)
def test_incises_and_other_language_patterns(paragraphs, want):
    assert speakers(*paragraphs)[0][0] == want


def test_a_title_in_front_of_a_name_is_not_a_body():
    got = speakers('"We will go to the Moon," said NASA Administrator Jim Bridenstine.',
                   '"The lander is ready," SciSpacE Team Leader Jennifer Ngo-Anh explains.')
    assert [s for s, _ in got] == ["Jim Bridenstine", "Jennifer Ngo-Anh"]


def test_a_lone_first_name_takes_the_full_name():
    got = speakers("Elise Matthesen met him in 1997.", '"It is such good news, really," Elise wrote.')
    assert got == [("Elise Matthesen", "wrote")]


def test_a_name_after_an_article_is_a_thing_not_a_person():
    got = speakers(
        "She reread The Dragon Waiting last spring.",
        '"It changed how I read everything after it," she said.',
    )
    assert got == [(None, "said")]


def test_the_article_language_chooses_the_words():
    # "so" is a German cue ("…, so Bloggs"); in an English article it is a conjunction
    para = 'Critics called the plan "a complete waste of public money," so Bloggs cancelled it.'
    secs = (Section(None, 0, (Block("paragraph", para),)),)
    ((speaker, cue),) = [(q.speaker, q.cue) for q in find_quotes(secs, "en")]
    assert speaker != "Bloggs" and cue != "so"
    german = "„Das ist eine völlige Verschwendung von Geld“, so Bloggs am Montag in Berlin."
    secs = (Section(None, 0, (Block("paragraph", german),)),)
    assert [(q.speaker, q.cue) for q in find_quotes(secs, "de")] == [("Bloggs", "so")]


def test_the_narrative_language_wins_over_a_wrong_declared_one():
    paragraphs = (
        "Ann Lee has run the shelter on the east side of the town for more than ten years, and she knows "
        "every family that comes through the door.",
        '"We need twice as many beds by the winter," she said on Monday.',
    )
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    assert [q.speaker for q in find_quotes(secs, "de")] == ["Ann Lee"]


def test_elided_article_and_possessive_pronoun_cues_in_their_languages():
    fr = ("L'économiste Bernard Lussac voit dans ce succès le signe d'un intérêt croissant.",
          "« Ces festivals créent une clientèle fidèle pour les petits artisans », souligne l'économiste.")
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in fr)),)
    assert [q.speaker for q in find_quotes(secs, "fr")] == ["Bernard Lussac"]
    ru = ("Андрей Колосов пообещал, что тарифы не вырастут.",
          "По его словам, билет «останется по цене шестьдесят рублей до конца навигации».")
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in ru)),)
    assert [q.speaker for q in find_quotes(secs, "ru")] == ["Андрей Колосов"]


@pytest.mark.parametrize(
    "para",
    [
        'Critics said the plan "is a complete waste of public money."',
        'Officials warned that "the dam could fail at any moment this spring."',
        'Residents told the council: "We have waited for years for this road to open."',
    ],
)
def test_a_plural_noun_opening_a_sentence_is_nobody_s_name(para):
    ((speaker, _),) = speakers(para)
    assert speaker is None


def test_a_plural_name_the_article_capitalizes_elsewhere_still_speaks():
    got = speakers("The Democrats met on Monday.", 'Democrats said the plan "is a complete waste of public money."')
    assert got == [("Democrats", "said")]


@pytest.mark.parametrize(
    "para, cue",
    [
        # a described subject with no comma closing the description
        ('"The river rose faster than any model predicted," Ann Kowalski, a hydrologist at the Institute for '
         'Rivers, Lakes and Wetlands research group told the paper.', "told"),
        # a description, then the name right before the verb
        ('"The river rose faster than any model predicted," lead author and senior hydrologist Ann Kowalski '
         'said in a statement.', "said"),
        # an adverb between the subject and the verb
        ('She instead told the committee: "The river rose faster than any model predicted."', "told"),
    ],
)
def test_subjects_far_from_their_verb(para, cue):
    assert speakers("Ann Kowalski studies floods.", para) == [("Ann Kowalski", cue)]


def test_a_late_verb_is_not_taken_across_a_sentence_or_another_quotation():
    got = speakers('"The river rose faster than any model predicted," Ann Kowalski, a hydrologist. Tom Reyes said '
                   "nothing.")
    assert got[0][0] is None


def test_a_quotation_opening_a_sentence_carries_on_from_the_sentence_before():
    # the previous sentence's reporting verb names the speaker
    got = speakers('The river, Ann Kowalski said, rose faster than any model predicted. "We will need new '
                   'levees before the next spring."')
    assert got == [("Ann Kowalski", None)]
    # or its subject, a person by title or gender
    got = speakers('Ann Kowalski, the chairwoman of the flood board, summed up the danger with a metaphor. "It is '
                   'not the wolf at the door, it is termites in the woodwork."')
    assert got == [("Ann Kowalski", None)]


def test_no_carry_over_from_a_thing_or_inside_the_quotation_s_own_sentence():
    # two capitalized words are not enough to be a person
    assert speakers('Raspberry Pi sold ten million boards this year. "It has become the best-selling computer in '
                    'the country."') == [(None, None)]
    # the quotation does not open its sentence
    got = speakers('The river, Ann Kowalski said, rose fast. Since then "the levees have held every single time."')
    assert got[0][0] is None


@pytest.mark.parametrize(
    "para, cue",
    [
        ('Rep. Ann Kowalski, D-Minn., said the bill "will not pass the Senate this year."', "said"),
        ('"The bill will not pass the Senate this year," said Rep. Ann Kowalski, D-Minn., on Tuesday.', "said"),
        ('Cmdr. Ann Kowalski told Polygraph.info on Nov. 6 that the bill "will not pass the Senate this year."',
         "told"),
        # the attribution ends the sentence, with where and when after it
        ('The bill is "dead on arrival in the Senate" and everyone knows it, Kowalski said in a statement on '
         "Monday.", "said"),
        # "claim" after a possessive is a noun; the verb is "told"
        ('Ann Kowalski told reporters that the ministry\'s claim "is patently false in every respect."', "told"),
    ],
)
def test_us_news_conventions(para, cue):
    assert speakers("Ann Kowalski is a lawmaker.", para) == [("Ann Kowalski", cue)]


def test_a_quotation_ending_its_sentence_ends_the_narrative_sentence_too():
    # without the period the next sentence's subject would be "The post from the Daily Bugle"
    got = speakers("Ann Kowalski writes for the Bugle.",
                   'The post from the Daily Bugle reads, "The show was interrupted by an angry man." Kowalski shared '
                   'the story, saying, "Are there any calm fans left?"')
    assert got[1] == ("Ann Kowalski", "saying")


def test_a_verb_that_is_also_a_noun_reports_only_right_after_the_quotation():
    intro = "Ann Kowalski leads the board."
    assert speakers(intro, '"We are truly excited about the new season," comments Kowalski in a statement.') == [
        ("Ann Kowalski", "comments")]
    got = speakers(intro, '"We are truly excited about the new season," comments from the fans poured in.')
    assert got[0][0] is None


def test_a_quotation_alone_after_a_paragraph_naming_a_place_has_no_speaker():
    got = speakers("Ann Kowalski chairs the board.", "READ MORE: Hong Kong protests go on", '"We will not sit on our hands '
                   'and watch the city burn."')
    assert got == [(None, None)]
    # but after a paragraph about a person the text shows to be one, the words are theirs
    got = speakers("Mayor Ann Kowalski walked along the levee on Sunday.", '"We will not sit on our hands and watch '
                   'the city drown."')
    assert got == [("Ann Kowalski", None)]


@pytest.mark.parametrize(
    "intro, who",
    [
        ("Sen. Ann Kowalski, a Democrat from Minnesota, spoke on Monday.", "Ann Kowalski"),
        ("Sen. Ann Kowalski, D-Minn., spoke on Monday.", "Ann Kowalski"),  # the party tag describes her
        ("Sen. Ann Kowalski spoke on Monday.", None),  # nobody is described as a Democrat: nobody
    ],
)
def test_the_party_word_after_the_is_a_description_never_a_name(intro, who):
    assert speakers(intro, '"We will not pass this bill this year," the Minnesota Democrat said.') == [(who, "said")]


def test_a_party_word_before_a_name_is_a_title():
    assert speakers("Democrat Ann Kowalski spoke on Monday.", '"We will not pass this bill this year," Kowalski said.') == [
        ("Ann Kowalski", "said")]


@pytest.mark.parametrize(
    "paragraph, text",
    [
        ("«Мост готов, — говорит Белова. — Ездите на здоровье»", "Мост готов … Ездите на здоровье"),
        ("« Le pont, explique-t-elle, est enfin prêt. »", "Le pont … est enfin prêt."),
        ("“It is ready — so we open it,” Belova said.", "It is ready — so we open it"),
    ],
)
def test_an_incise_is_cut_out_of_the_quoted_words(paragraph, text):
    secs = (Section(None, 0, (Block("paragraph", "Анна Белова, Anna Belova, opened it."), Block("paragraph", paragraph))),)
    assert [q.text for q in find_quotes(secs)] == [text]


def test_he_after_a_quotation_is_its_speaker_before_the_people_it_names():
    got = speakers("Yet Carl Baker is “a real change agent for the party,” Tom Cole said.",
                   "“They have every incentive to find common ground,” he said.")
    assert got == [("Tom Cole", "said"), ("Tom Cole", "said")]


def test_a_title_line_names_nobody():
    got = speakers("Mara Quill Backs Tom Reed: We Are ‘Worried’ By The Plan.",
                   "Mara Quill threw her support behind Tom Reed on Wednesday.",
                   "“He has fought for our liberty,” Quill said.")
    assert got == [("Mara Quill", "said")]


def test_a_title_after_former_or_an_article_is_a_description_not_a_name():
    got = speakers("Carly Fiorina, the former Hewlett-Packard CEO, made a surprise appearance.",
                   "Carly Fiorina spoke last. “We are going to win this one,” she said.")
    assert got == [("Carly Fiorina", "said")]


@pytest.mark.parametrize("first", ["Carly", "Emily", "Kelly"])
def test_a_first_name_ending_in_ly_opens_a_sentence(first):
    # the article writes the name again with its surname: a first name, not an adverb
    got = speakers(f"{first} Mendez threw her support behind the plan.",
                   f"{first} Mendez spoke last. “It is the right plan for us,” she said.")
    assert got == [(f"{first} Mendez", "said")]


@pytest.mark.parametrize(
    "para, who",
    [
        ('Lee and Park will meet next week, Sam Ortiz said, adding, "They need to sit down and talk."', "Sam Ortiz"),
        ('Sen. Ana Ruiz visited the studio to discuss her rival, Mia Cole, saying "on her worst day" she would win.',
         "Ana Ruiz"),
        ("The leader of the party, Rachid Amri, condemned the attack, saying it “will not break our people’s will.”",
         "Rachid Amri"),
    ],
)
def test_a_participle_after_a_comma_shares_the_clause_s_subject(para, who):
    assert speakers(para)[0][0] == who


@pytest.mark.parametrize(
    "para, who",
    [
        ('On the eve of the vote, Ana Ruiz rallied her supporters by warning that "the rule of the council is in '
         'danger."', "Ana Ruiz"),
        ('Mia Cole answered the mayor after saying that "the council will not wait any longer."', "Mia Cole"),
        # "for" and "of" take someone else's words as often: the judged person's, not the judge's
        ('Tom Berg criticised Mia Cole for suggesting that voters "cling to their old habits."', None),
    ],
)
def test_a_participle_after_by_or_after_shares_the_clause_s_subject(para, who):
    assert speakers(para)[0][0] == who


def test_a_pronoun_opening_the_clause_is_its_subject_for_a_participle_or_a_second_verb():
    intro = "Councillor Ana Ruiz did not reply to a request for comment. She resigned from the board in May."
    got = speakers(intro, 'On Twitter, she replied to the mayor on Tuesday by saying, "Seriously, just stop it now."',
                   'Eight years ago, she backed Tom Berg over the mayor and said, "The mayor has never done anything."')
    assert [g[0] for g in got] == ["Ana Ruiz", "Ana Ruiz"]
    # a colon with no reporting verb names nobody by a pronoun: the statement is the website's
    got = speakers(intro, "She then shared the council's website, which holds the following statement:",
                   '"The town has a problem. There is no single answer because the roads are old."')
    assert got[0][0] is None


def test_a_participle_after_the_quotation_takes_the_subject_before_it_not_the_name_after_it():
    got = speakers("Mia Cole approved the plan in May.",
                   'Tom Berg said the plan was "not, in itself, against the rules of the council," noting Mia Cole '
                   "had approved it.")
    assert got[0][0] == "Tom Berg"
    got = speakers('The plan\'s "excesses" are shameful, Ana Ruiz said on Monday in Leeds, noting the new mayor '
                   '"never reads the reports at all."')
    assert got[-1] == ("Ana Ruiz", "noting")


@pytest.mark.parametrize(
    "para",
    [
        'Nothing the mayor said "will calm the fears of residents," Tom Berg said.',
        'After Ann Lee criticised him, he warned, "Certainly that will be fair game," Tom Berg told reporters.',
    ],
)
def test_a_named_attribution_after_the_quotation_wins_over_a_verb_before_it(para):
    assert speakers("Ann Lee is the mayor of the town.", para) == [("Tom Berg", "said" if "said." in para else "told")]


def test_a_dateline_is_nobody():
    got = speakers('WASHINGTON (AP) — Sen. Chuck Grassley on Wednesday downplayed the attack and said it was '
                   '"the same thing as anyone would say."')
    assert got == [("Chuck Grassley", "said")]


def test_an_abbreviated_title_is_the_role_a_description_names():
    got = speakers("Sen. Marco Ruiz, R-Fla., spoke after the address.",
                   'Nothing in it "will assuage the fears of people," the Florida senator said.')
    assert got == [("Marco Ruiz", "said")]


def test_a_particle_opening_a_known_surname_belongs_to_the_name():
    got = speakers("Mayor Bill de Blasio met Ana Ruiz on Monday.",
                   'Asked about the plan, de Blasio said, "I have not heard that particular concern."')
    assert got == [("Bill de Blasio", "said")]
    got = speakers("Mayor Bill de Blasio met Ana Ruiz on Monday.",
                   'De Blasio praised the plan and said, "Who are you going to trust on security?"')
    assert got == [("Bill de Blasio", "said")]  # capitalized where the sentence starts
    reg = Registry(["Mayor Bill de Blasio met Ana Ruiz.", "Later de Brest spoke."], ["paragraph"] * 2, LANGUAGES["en"])
    assert reg.chain_at[1][2].core == ("Brest",)  # nobody is named "… de Brest": the particle stays out


def test_a_name_a_pronoun_s_verb_takes_as_object_is_not_the_next_he():
    got = speakers("Paul Ryan spoke on Tuesday.", "Donald Trump spoke on Fox News on Wednesday.",
                   'Asked who leads the party, he said Ryan. "I would say Paul for the time being," he said.')
    assert got == [("Donald Trump", "said")]


def test_a_sentence_whose_subject_is_the_same_pronoun_carries_on_its_person():
    got = speakers("Lance Beebe, 49, a Navy veteran, said the senator should be ready for questions. He attended "
                   "the rally, though he may vote for Ann Lee or Sen. Bernie Sanders.",
                   '"I ask my wife, is she going to be ready for it?" he said.')
    assert got == [("Lance Beebe", "said")]


def test_a_short_fragment_before_a_quotation_does_not_cut_it_from_its_verb():
    got = speakers("Mike Pence spoke at a town hall.",
                   'Pence pledged that Trump “really is” for free trade, but wants “smarter and tougher” deals.')
    assert got == [("Mike Pence", "pledged")]


@pytest.mark.parametrize(
    "para, who",
    [
        ('A former candidate -- John McCain, who lost in 2008 -- said the plan "offered no changes to the strategy."',
         "John McCain"),
        # the subject before the aside; a role nobody else is described by is whom the text is about
        ('Newt Gingrich spoke. The former speaker — a frequent guest — told Fox that "you have to look at it seriously."',
         "Newt Gingrich"),
    ],
)
def test_a_subject_set_off_by_dashes(para, who):
    assert speakers(para)[0][0] == who


@pytest.mark.parametrize("body", ["Tenants Coalition", "Farmers Caucus", "Riverside Collective"])
def test_a_coalition_or_caucus_is_a_body_the_group_refers_to(body):
    got = speakers(f"Workers formed the {body} on Monday.",
                   'In a tweet, the group said the firm "is not keeping its promise to the workers."')
    assert got == [(body, "said")]


def test_a_pronoun_naming_someone_else_keeps_the_words_before_a_named_attribution():
    got = speakers("Vladimir Putin spoke by phone with Joe Biden on Monday.",
                   'He said, "We will not accept new sanctions," Biden told reporters afterwards.')
    assert got == [("Vladimir Putin", "said")]


def test_a_dashed_aside_with_a_verb_of_its_own_is_not_the_subject():
    got = speakers("Hillary Clinton spoke in Iowa.",
                   'Clinton -- Trump has attacked her repeatedly -- said, "I will not be bullied by anyone."')
    assert got == [("Hillary Clinton", "said")]


@pytest.mark.parametrize(
    "intro, para",
    [
        ("Hillary Clinton campaigned in Ohio.",
         'Clinton slammed Donald Trump for calling Mexican immigrants "rapists and criminals who bring drugs."'),
        ("Barack Obama spoke in Rome.",
         'Obama praised Pope Francis for calling climate change "a global problem with grave implications."'),
        ("Elizabeth Warren spoke.", 'Warren blasted Jamie Dimon for calling the new rules "un-American and bad for every bank."'),
        ("Nancy Pelosi spoke.", 'Pelosi accused Republicans of calling the bill "a socialist takeover of health care."'),
    ],
)
def test_a_verb_of_judging_without_a_comma_or_colon_names_nobody(intro, para):
    assert speakers(intro, para)[0][0] is None


def test_a_verb_of_judging_with_a_colon_reports_words():
    got = speakers('Bernie Sanders accused the party leadership: "It used its power to prevent a fair process."',
                   'Ann Lee slammed the decision, "a betrayal of every voter in the state."')
    assert got == [("Bernie Sanders", "accused"), ("Ann Lee", "slammed")]


@pytest.mark.parametrize(
    "para",
    [
        'Donald Trump called the deal "a disaster" even though a Wall Street Journal editorial last year hailed it '
        'as "a sensible compromise for both countries."',
        'Mayor Ann Lee said the plan was "too costly" while the city charter, adopted in 1990, requires '
        '"a balanced budget in every fiscal year."',
    ],
)
def test_a_fragment_s_verb_does_not_reach_past_a_clause_of_its_own(para):
    assert speakers(para)[-1][0] is None
