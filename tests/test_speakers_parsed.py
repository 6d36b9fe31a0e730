"""The optional parser layer: speakers the rules left empty, from the subject of the reporting
verb in a dependency parse. Tests that parse skip where spaCy or its model is not installed."""

from __future__ import annotations

import pytest

from tui_reader.core import Article, Block, Metadata, Section
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.attribution.speakers import parsed

INTRO = "Tom Berg runs the plant in Fairfield."
GOES_ON = 'After the vote Berg stood up and declared that the plant "stays open for as long as I am here and the town needs it."'


def article(*paragraphs: str, language: str = "en") -> Article:
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    return Article("x.txt", "text", Metadata(language=language), secs, find_quotes(secs, language))


def needs_parser():
    pytest.importorskip("spacy")
    if not parsed.available():
        pytest.skip("the spaCy model is not installed (pip install -e '.[nlp]')")


def test_without_the_parser_the_quotes_are_the_rules(monkeypatch):
    monkeypatch.setattr(parsed, "available", lambda: False)
    art = article(INTRO, GOES_ON)
    assert parsed.fill_speakers(art) is art.quotes


def test_the_subject_of_the_reporting_verb_fills_an_empty_speaker():
    needs_parser()
    art = article(INTRO, GOES_ON)
    assert [q.speaker for q in art.quotes] == [None]  # the rules stop at "stood up and"
    (q,) = parsed.fill_speakers(art)
    assert (q.speaker, q.cue) == ("Tom Berg", "declared")
    assert (q.text, q.start, q.end) == (art.quotes[0].text, art.quotes[0].start, art.quotes[0].end)


def test_speakers_the_rules_found_are_kept_and_unresolved_subjects_stay_empty():
    needs_parser()
    art = article(
        INTRO,
        '"We will keep every job we have," Berg said on Tuesday.',
        'A local resident declared that the river "will flood again next spring, like every year."',
    )
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Tom Berg", None]


def test_only_english_articles_are_parsed():
    needs_parser()
    art = article("Tom Berg leitet das Werk.", 'Danach stand Berg auf und erklärte, das Werk "bleibe offen, solange ich hier bin und die Stadt es braucht."',
                  language="de")
    assert parsed.fill_speakers(art) == art.quotes


async def test_the_reader_shows_the_filled_speakers_when_they_are_ready(tmp_path, monkeypatch):
    from dataclasses import replace

    from tests.ui_support import open_reader, settled
    from tui_reader.ui.app import create_app

    calls = []

    def fill(art):
        calls.append(art.path)
        return tuple(replace(q, speaker=q.speaker or "Tom Berg") for q in art.quotes)

    monkeypatch.setattr(parsed, "available", lambda: True)
    monkeypatch.setattr(parsed, "fill_speakers", fill)
    (tmp_path / "lib").mkdir()
    app = create_app([tmp_path / "lib"])
    art = article(INTRO, GOES_ON)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_reader(pilot, art)
        await settled(pilot)
        assert calls == [art.path]
        assert [q.speaker for q in screen.quotes.items] == ["Tom Berg"]
        assert "Tom Berg" in str(screen.quotes.get_option_at_index(0).prompt)
        assert screen.body.article.quotes[0].speaker == "Tom Berg"


def test_a_reporting_verb_in_a_clause_describing_a_noun_is_not_the_attribution():
    needs_parser()
    art = article(
        "President Barack Obama spoke on Sunday. A senator answered on Fox News.",
        'Nothing the president said "will assuage the fears of people," the Florida senator said.',
    )
    assert [q.speaker for q in art.quotes] == [None]  # "the Florida senator" is the unnamed one
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None]  # and "said" of "the president" is not it


def test_the_narrative_between_the_pieces_of_a_split_quotation_is_read():
    needs_parser()
    art = article(
        '"We fear for the image of our country," said a Mexican official who was not authorized to speak, '
        '"and for our people abroad."',
        "Foreign Secretary Claudia Ruiz told a newspaper on Tuesday that the government must act.",
        '"We found young people have begun to adopt these arguments," the official said.',
    )
    assert " … " in art.quotes[0].text  # one quotation in two pieces
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None, None]  # the unnamed official's


def test_a_quotation_opening_the_next_paragraph_goes_on_with_the_filled_speaker():
    needs_parser()
    art = article(INTRO, GOES_ON, '"We have orders until the end of the decade and more to come after that."',
                  'The council meets again in May. "Nobody knows what the budget will hold for the town."')
    assert [q.speaker for q in art.quotes] == [None, None, None]
    # the second paragraph's quotation is the same speaker's; a quotation after narrative is not
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Tom Berg", "Tom Berg", None]


def test_a_dateline_is_no_subject():
    needs_parser()
    art = article('TALLAHASSEE — Democratic U.S. Rep. Ann Lee on Friday pummeled Tom Berg as divisive while praising '
                  'Mia Cole as a "work horse, not a show horse."')
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None]


def test_a_verb_the_lexicon_does_not_list_reports_a_quotation_that_is_its_clause():
    needs_parser()
    art = article("Ann Lee, the mayor, opened the meeting.",
                  'Speaking after the vote in the hall on Monday, the mayor sniped that "nobody in this town asked '
                  'for a new car park."',
                  'Tom Berg published a column two days ago titled "Sorry, but I will never vote for the car park, '
                  'not even if the vote fell to me alone."')
    assert [q.speaker for q in art.quotes] == [None, None]
    # the title a naming verb introduces is no one's words
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Ann Lee", None]


def test_a_verb_in_a_subordinate_clause_is_not_the_attribution():
    needs_parser()
    art = article("Ann Lee and Tom Berg debated on Monday.",
                  "After Tom Berg criticized the plan during the debate, Ann Lee shot back, "
                  '"I suppose I could have stayed at home, but I chose to fight for this town."')
    assert [q.speaker for q in parsed.fill_speakers(art)] != ["Tom Berg"]


def test_a_dummy_it_found_above_an_infinitive_is_no_one():
    needs_parser()
    art = article("The Harbour Trust closed the plant in May.",
                  'It seems unfair to simply tell the communities that worked there: "We are sorry, but it did not work out."')
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None]


def test_the_subject_of_a_passive_reporting_verb_is_no_speaker():
    # PolNeAR train sample: "13 Hours book … is described on Amazon as" had made "Hours" the speaker
    needs_parser()
    art = article("Mitchell Zuckoff wrote the book in 2014.",
                  'Zuckoff’s 13 Hours book, now made into a movie, is described on Amazon as a "riveting book" that '
                  '"takes readers into the action-packed story of heroes who laid their lives on the line."')
    assert all(q.speaker in (None, "Amazon") for q in parsed.fill_speakers(art))
    # "was quoted as saying" keeps its subject
    art = article(INTRO, 'Berg, pressed on the budget after the meeting, was quoted as saying "the plant stays open for now."')
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Tom Berg"]


def test_a_verb_of_attacking_or_characterizing_takes_a_quoted_phrase_inside_its_sentence_as_its_subjects():
    needs_parser()
    art = article("Ann Lee spoke at the county fair on Saturday.",
                  'In an August speech, Lee attacked "the reckless spending of the county board and its friends."',
                  'Lee has also characterized Tom Berg as "a man who will sell the town to the highest bidder."')
    assert [q.speaker for q in art.quotes] == [None, None]
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Ann Lee", "Ann Lee"]
    # any other verb leaves a quoted phrase unattributed: whose words they are, the sentence does not say
    art = article("Ann Lee spoke at the county fair on Saturday.",
                  'Lee avoided questions about "the reckless spending of the county board and its friends."')
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None]


def test_a_verb_of_attacking_does_not_take_words_a_possessive_gives_someone_else():
    needs_parser()
    intro = "Ann Lee and Tom Berg are running for governor."
    # the words are the possessor's ("Lee's promise of": the rules give Ann Lee) or nobody's, never the verb's subject
    for sentence, speaker in (('Berg mocked Lee\'s promise of "free college for every child in Ohio."', "Ann Lee"),
                              ('Berg attacked Lee\'s promise of "free college for every child in Ohio."', "Ann Lee"),
                              ('Lee invoked Martin Luther King\'s dream of "a nation where they will not be judged by '
                               'the color of their skin."', None)):
        assert [q.speaker for q in parsed.fill_speakers(article(intro, sentence))] == [speaker], sentence


def test_a_reporting_verb_in_the_sentence_after_a_closed_quotation_is_not_its_attribution():
    # PolNeAR dev sample: 'Japan branded North Korea an "outlaw nation …." Russia insisted that …' had gone to Russia
    needs_parser()
    art = article("Ann Lee and Tom Berg met the press on Monday.",
                  'The board branded the plan "a disgrace to the county." Berg insisted that the county '
                  '"will balance the books by spring."')
    assert [q.speaker for q in parsed.fill_speakers(art)] == [None, "Tom Berg"]
    # a question or exclamation mark closes the quotation only: the attribution may follow it
    art = article("Ann Lee and Tom Berg met the press on Monday.",
                  '"Why would anyone vote for a budget like this one?" Tom Berg, the county treasurer, asked the crowd.')
    assert [q.speaker for q in parsed.fill_speakers(art)] == ["Tom Berg"]


def test_cite_quote_gives_the_speaker_the_readers_sidebar_gives(tmp_path, capsys):
    # QA (fact-checker): the sidebar and `y` credited a quote the parser attributed, while `cite --quote N` gave it
    # to nobody: the same quote cited two ways
    needs_parser()
    from tui_reader.cli import main

    page = tmp_path / "plant.txt"
    page.write_text("Plant stays open, owner says\n\n" + INTRO + "\n\n" + GOES_ON + "\n", encoding="utf-8")
    assert main(["cite", str(page), "--quote", "1", "--style", "apa", "--accessed", "2025-01-02"]) == 0
    assert capsys.readouterr().out.startswith("“stays open for as long as I am here and the town needs it” — Tom Berg")


def test_extract_and_export_give_the_speakers_the_readers_sidebar_gives(tmp_path, capsys):
    # `extract` and `export` had printed the rules' speakers alone: a quote the sidebar credits went out unattributed
    needs_parser()
    import json

    from tui_reader.cli import main

    page = tmp_path / "plant.txt"
    page.write_text("Plant stays open, owner says\n\n" + INTRO + "\n\n" + GOES_ON + "\n", encoding="utf-8")
    assert main(["extract", str(page), "--format", "json"]) == 0
    assert [q["speaker"] for q in json.loads(capsys.readouterr().out)["quotes"]] == ["Tom Berg"]
    assert main(["export", str(page), "--format", "markdown", "--accessed", "2025-01-02"]) == 0
    out = capsys.readouterr().out
    assert "Tom Berg" in out and "unattributed" not in out


def test_a_parser_failure_leaves_the_rules_speakers_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    import json

    from tui_reader.cli import main

    def broken(art):
        raise RuntimeError("model file damaged")

    monkeypatch.setattr(parsed, "available", lambda: True)
    monkeypatch.setattr(parsed, "fill_speakers", broken)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for page in (first, second):
        page.write_text("Plant stays open, owner says\n\n" + INTRO + "\n\n" + GOES_ON + "\n", encoding="utf-8")
    assert main(["extract", str(first), str(second), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [[q["speaker"] for q in art["quotes"]] for art in printed] == [[None], [None]]
