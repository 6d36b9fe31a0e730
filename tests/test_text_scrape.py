"""Rules for plain-text scrapes: each is general, shown on a small made-up page, then on three fixtures."""

import json
import re
from pathlib import Path

import pytest

from tui_reader.core.extract.text_scrape import is_chrome, is_headline_like, parse_scrape

FIXTURES = Path(__file__).parent / "fixtures" / "scrapes"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def paragraphs(result):
    return [b.text for b in result.blocks if b.kind == "paragraph"]


def figures(result):
    return [b.text for b in result.blocks if b.kind == "figure"]


PAGE = """Sign in | Register
Subscribe to our newsletter

Harbour Council Approves New Ferry Route

© AP Photo / Jane RoeA ferry leaves the harbour at dawn on May 2, 2024.
A ferry leaves the harbour at dawn on May 2, 2024. - The Coast Times
A ferry leaves the harbour at dawn on May 2, 2024.
The council voted on Tuesday to approve a new ferry route to the islands, ending a two-year dispute.

"This is a good day for the islands," said councillor Mary Penn.

Old ferries wait in the dry dock at Portside, March 2023 - The Coast Times
Island Ferry Operators Face Fuel Price Squeeze
Residents had campaigned for the route since 2022, collecting more than 4,000 signatures.

To participate in the discussion
log in or register
Cargando comentarios…
"""


def test_page_chrome_title_and_site():
    r = parse_scrape(PAGE)
    assert r.title == "Harbour Council Approves New Ferry Route"
    assert r.site == "The Coast Times"
    assert paragraphs(r) == [
        "The council voted on Tuesday to approve a new ferry route to the islands, ending a two-year dispute.",
        '"This is a good day for the islands," said councillor Mary Penn.',
        "Residents had campaigned for the route since 2022, collecting more than 4,000 signatures.",
    ]


def test_credit_split_from_caption_and_repeats_merged():
    r = parse_scrape(PAGE)
    assert figures(r) == ["A ferry leaves the harbour at dawn on May 2, 2024."]
    assert not any("©" in b.text or "Jane Roe" in b.text for b in r.blocks)


def test_teaser_after_caption_becomes_headline_and_takes_its_thumbnail():
    r = parse_scrape(PAGE)
    assert r.headlines == ["Island Ferry Operators Face Fuel Price Squeeze"]
    assert not any("dry dock" in b.text for b in r.blocks)


def test_teasers_under_a_related_label_and_the_copyright_line_leave_the_body():
    # QA: a wire story's scrape ended with "Related", two teaser lines and its copyright line, all read as body
    text = ("Flood defences breached in three towns\nBy James Okoro, Associated Press\n\n"
            "LONDON (AP) — Flood defences gave way in three towns in northern England on Tuesday as the river rose.\n\n"
            "Prime Minister Rishi Sunak was due to visit the area on Wednesday.\n\nRelated\n"
            "Storm Henk: what we know so far\nRail services cancelled across the north\n\n"
            "Copyright 2024 The Associated Press. All rights reserved.\nAdvertisement\n")
    r = parse_scrape(text)
    assert [b.text[:14] for b in r.blocks] == ["LONDON (AP) — ", "Prime Minister"]
    assert r.headlines == ["Storm Henk: what we know so far", "Rail services cancelled across the north"]
    # a paragraph of the article that follows such a label's teasers is the article's again
    again = parse_scrape(text.replace("Rail services cancelled across the north\n",
                                      "Rail services cancelled across the north\nThe water reached the town hall, the mayor said.\n"))
    assert any(b.text.startswith("The water reached") for b in again.blocks)


def test_a_russian_scrape_keeps_its_headline_author_and_date():
    # QA: "Автор:" and "12 марта 2024" were not read, and the date line became the title
    r = parse_scrape("Жители Твери требуют вернуть трамвай\n\nАвтор: Пётр Ильич Соловьёв\n12 марта 2024\n\n"
                     "Тверские активисты собрали десять тысяч подписей за возвращение трамвая в город.\n")
    assert r.title == "Жители Твери требуют вернуть трамвай" and r.published == "2024-03-12"
    assert [a.name for a in r.authors] == ["Пётр Ильич Соловьёв"]


@pytest.mark.parametrize("text, day", [
    ("12 марта 2024", "2024-03-12"), ("8. července 2016", "2016-07-08"), ("8 de julho de 2016", "2016-07-08"),
    ("12 de marzo de 2024", "2024-03-12"), ("3 mei 2020", "2020-05-03"), ("12 maja 2023", "2023-05-12"),
])
def test_dates_written_in_more_languages(text, day):
    from tui_reader.core.extract.dates import find_date_in_text

    assert find_date_in_text(text) == day


def test_credit_split_at_glue_without_repeat():
    r = parse_scrape("A Title For The Story Here\n\n© Reuters / Ann LeeProtesters gather outside parliament in the rain.\n"
                     "The protest continued for three days and ended peacefully on Sunday evening.\n")
    assert figures(r) == ["Protesters gather outside parliament in the rain."]


def test_site_suffix_needs_recurrence():
    text = ("Title Of A Story About Things\n\nFirst paragraph of the story, which is long enough to be a paragraph.\n"
            "Second paragraph talks about Paris - France and other places in detail.\n")
    r = parse_scrape(text)
    assert r.site is None
    assert len(paragraphs(r)) == 2


@pytest.mark.parametrize(
    "line",
    ["Registration was successful!", "Please follow the link from the email sent to", "log in or register",
     "To participate in the discussion", "Subscribe to our newsletter", "Get the day's top stories in your inbox",
     "Заголовок открывающегося материала", "Pour participer à la discussion, connectez-vous", "Share on Facebook"],
)
def test_chrome_lines(line):
    assert is_chrome(line, "LATIN", "en")


@pytest.mark.parametrize(
    "line",
    ["Voters must register by Friday.", "He declined to comment.", "The newsletter was first printed in 1921 by the society.",
     "Con Edison said power would be restored by Monday.", "Sign language interpreters joined the briefing."],
)
def test_sentences_are_not_chrome(line):
    assert not is_chrome(line, "LATIN", "en")


def test_headline_like():
    assert is_headline_like("NATO Tackling 'Imaginary Threats Instead of Real Challenges'")
    assert not is_headline_like("The council voted on Tuesday.")
    assert not is_headline_like("lowercase start of a line")


def test_hard_wrapped_text_is_unwrapped():
    para = ("The committee met on Monday to discuss the budget for the coming year and\n"
            "agreed to postpone the vote until the auditors had finished their report on\n"
            "the accounts of the previous three years.\n")
    text = "Budget Vote Postponed Again\n\n" + "".join(para.replace("Monday", day) + "\n" for day in ("Monday", "Tuesday", "Friday", "Sunday"))
    r = parse_scrape(text)
    assert len(paragraphs(r)) == 4
    assert paragraphs(r)[0].startswith("The committee met") and paragraphs(r)[0].endswith("three years.")


def test_byline_and_date_lines_are_metadata():
    r = parse_scrape("Storm Closes Schools Across The Region\nBy Ann Lee and Bo Chan\nMarch 3, 2024\n\n"
                     "Schools across the region closed on Monday as the storm brought heavy snow and strong winds.\n")
    assert [a.name for a in r.authors] == ["Ann Lee", "Bo Chan"]
    assert r.published == "2024-03-03"
    assert paragraphs(r) == ["Schools across the region closed on Monday as the storm brought heavy snow and strong winds."]


def test_heading_between_paragraphs():
    r = parse_scrape("A Story With Sections In It\n\nFirst paragraph of the story, which sets things up.\n\n"
                     "What Happens Next\n\nSecond paragraph, after the heading, with more detail.\n")
    kinds = [b.kind for b in r.blocks]
    assert kinds == ["paragraph", "heading", "paragraph"]


@pytest.mark.parametrize("name", ["scrape_a", "scrape_b", "scrape_c"])
def test_fixture_scrapes(name):
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    r = parse_scrape((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    assert r.title == expected["title"]
    assert r.site == expected["site"]
    assert [norm(p) for p in paragraphs(r)] == [norm(p) for p in expected["paragraphs"]]
    assert [norm(f) for f in figures(r)] == [norm(f) for f in expected["figures"]]
    assert r.headlines == expected["headlines"]


def test_a_sentence_that_opens_like_a_credit_is_a_paragraph():
    sentences = ["Photo: a reader sent us this picture of the flooded road after the storm on Monday night.",
                 "Credit, the bank's chief said, remains scarce for small firms across the whole region."]
    r = parse_scrape("A Title For The Story Here\n\n" + "\n".join(sentences) + "\nPhoto: Jane Doe/Reuters\n")
    assert paragraphs(r) == sentences


AGENCY_CREDITS = """Man Auctions Off Gun.

The man who shot the teenager is selling the gun he used, an auction site shows.

Handout/Reuters.

George Lane (left) shot Tom Hart (right) in February 2012 but was acquitted the following year.

"It has recently been returned to me by the Department of Justice," Lane wrote on the site.

Lane has been in and out of trouble since his acquittal, police records show.

Chip Somodevilla/Getty Images

"I can do what I like with my possessions," he told a local station.
"""


def test_a_name_and_agency_credit_is_dropped_and_the_short_line_after_it_is_its_caption():
    r = parse_scrape(AGENCY_CREDITS)
    assert not any("Reuters" in b.text or "Getty" in b.text for b in r.blocks)
    assert figures(r) == ["George Lane (left) shot Tom Hart (right) in February 2012 but was acquitted the following year."]
    # a line that quotes someone stays narrative, whatever stands before it
    assert any(p.startswith('"It has recently') for p in paragraphs(r))
    assert any(p.startswith('"I can do what I like') for p in paragraphs(r))


@pytest.mark.parametrize("line, credit", [
    ("Handout/Reuters.", True), ("POOL New/Reuters.", True), ("SAUL LOEB/AFP via Getty Images", True),
    ("Brendan Smialowski/AFP/Getty Images", True), ("He said the deal was off/on.", False),
    ("The court ruled 5/4.", False), ("Reuters", False),
])
def test_agency_credits_by_their_shape(line, credit):
    from tui_reader.core.extract.credits import is_agency_credit

    assert is_agency_credit(line) is credit


BODY = ("The council voted on Tuesday to approve a new ferry route to the islands, ending a two-year dispute.\n\n"
        "Residents had campaigned for the route since 2022, collecting more than 4,000 signatures, the council said.\n")


def test_a_whole_page_copy_finds_its_headline_below_a_menu_of_single_words():
    # QA: a page copied with "select all" starts with its menu; one one-word entry ended the header, so the
    # menu became the body and the headline was lost
    r = parse_scrape("Home\nWorld\nPolitics\nBusiness\nUS politics\nClimate crisis\n\nHi, I'm the editor.\n\n"
                     "Harbour Council Approves New Ferry Route\n\n" + BODY)
    assert r.title == "Harbour Council Approves New Ferry Route"
    assert paragraphs(r)[0].startswith("The council voted")
    assert not any(word in paragraphs(r) for word in ("Home", "World", "Politics", "Hi, I'm the editor."))


@pytest.mark.parametrize("header, authors, day", [
    ("Ann Lee and Bob Smith - July 12, 2016", ["Ann Lee", "Bob Smith"], "2016-07-12"),
    ("By Ann Lee and Bob Smith | 3 min read\nJul 12, 2016", ["Ann Lee", "Bob Smith"], "2016-07-12"),
    ("By Ann Lee in Moscow\nLast modified on Tue 12 Jul 2016 06.16 EDT", ["Ann Lee"], "2016-07-12"),
    ("Written by Ann Lee\nPublished July 12, 2016 at 6:10 PM EDT | Updated July 13", ["Ann Lee"], "2016-07-12"),
    ("by Ann Lee @annlee July 12, 2016: 12:41 PM ET\nShare\nTweet\nEmail\nSave\nShare this story\nShare on Facebook\n"
     "Share on Twitter\nShare on Reddit\nPrint", ["Ann Lee"], "2016-07-12"),
])
def test_the_lines_under_a_headline_are_its_byline_and_date_not_its_title(header, authors, day):
    # QA: the last headline-like line above the body was the title: a byline or a date line under the headline
    # took its place; sharing buttons between the byline and the body hid the byline
    r = parse_scrape("Menu\nSections\n\nHarbour Council Approves New Ferry Route\n" + header + "\n\n" + BODY)
    assert r.title == "Harbour Council Approves New Ferry Route"
    assert [a.name for a in r.authors] == authors and r.published == day
    assert paragraphs(r)[0].startswith("The council voted")


def test_a_name_and_date_line_needs_a_persons_name():
    r = parse_scrape("Harbour Council Approves New Ferry Route\nTransport - July 12, 2016\n\n" + BODY)
    assert r.authors == [] and r.published == "2016-07-12"


ARTICLE = ("Harbour Council Approves New Ferry Route\n\n" + BODY
           + "\nThe first crossing is planned for June, when the new pier opens to passengers.\n\n"
           "Fares will be set by the operator after a public consultation, officials said.\n\n")


@pytest.mark.parametrize("comments", [
    "Comments (214)\nSign in or create your account to join the discussion\nSort by Oldest\nKiwiReader\n3 Jan 2019 7:41\n"
    "This is a long comment from a reader who disagrees with the council about the route.\nReply\n12\n",
    "3 responses to “Harbour Council Approves New Ferry Route”\n\n"
    "Milan Griffes on September 12, 2018 at 4:47 pm said:\n\nAny update on how the route will affect the shops?\n\n"
    "Catherine on September 13, 2018 at 5:23 pm said:\n\nHi Milan, we have not yet reviewed it, but plan to soon.\n",
    "Milan Griffes on September 12, 2018 at 4:47 pm said:\n\nAny update on how the route will affect the shops?\n\n"
    "Catherine on September 13, 2018 at 5:23 pm said:\n\nHi Milan, we have not yet reviewed it, but plan to soon.\n",
])
def test_the_readers_comments_after_the_article_are_not_the_article(comments):
    # QA: "Comments (214)", user names, times, comment texts and like counts became body paragraphs, and a
    # commenter's quotation one of the article's quotes
    r = parse_scrape(ARTICLE + comments)
    assert paragraphs(r)[-1] == "Fares will be set by the operator after a public consultation, officials said."


def test_lead_ins_and_headings_that_name_responses_are_the_articles():
    text = (ARTICLE + "Responses\n\nThe mayor said:\n\nWe have waited two years for this day, and it has come at last.\n\n"
            "The opposition leader said:\n\nIt is a good route, but the fares are still too high for most families.\n")
    assert paragraphs(parse_scrape(text))[-1].startswith("It is a good route")


def test_a_caption_shown_again_below_and_a_credit_after_a_caption_make_one_figure():
    # QA: a caption copied three times in a row, and "CAPTION Photograph: NAME", stayed body paragraphs
    text = (ARTICLE.replace("The first crossing", "Whale expert Hori Parata on the beach at dawn.\n\n"
                            "Whale expert Hori Parata on the beach at dawn. Photograph: Adrian Malloch/The Guardian\n\n"
                            "Whale expert Hori Parata on the beach at dawn.\n\nThe first crossing")
            + "The old pier, closed since 2019. Photograph: Ann Lee/Reuters\n\n"
            + "The new pier at dusk. (AP Photo/Evan Vucci)\n\nThe mayor will open the route, aides said.\n")
    r = parse_scrape(text)
    assert figures(r) == ["Whale expert Hori Parata on the beach at dawn.", "The old pier, closed since 2019.",
                          "The new pier at dusk."]
    assert not any("Parata" in p or "Photograph" in p for p in paragraphs(r))
    assert paragraphs(r)[-1] == "The mayor will open the route, aides said."


def test_a_date_line_in_the_body_heads_no_section():
    # QA: "Published: 20 Nov 2018" lines of a page's teasers became sections of the contents
    r = parse_scrape(ARTICLE + "Published: 20 Nov 2018\n\nThe route will be reviewed after a year, the council said.\n")
    assert not any(b.kind == "heading" for b in r.blocks)
    assert "Published: 20 Nov 2018" not in [b.text for b in r.blocks]


def test_a_japanese_copy_keeps_its_paragraphs():
    # a page copied from a Japanese site lost every paragraph: a sentence without spaces was one "word", so each
    # read as a short UI line, and lines mostly in kanji as "another script" than the hiragana of the rest
    body = ["先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで二十代の男性が逮捕されたというニュースを耳にしました。",
            "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhoneです。",
            "商標権者の許諾なく改造品を販売する行為は、出所表示機能を害するため商標権侵害となり得ます。"]
    r = parse_scrape("MENU\n\nHOME\nブログ\n\n商品の改造が商標法違反に\n\n" + "\n\n".join(body) + "\n\nMENU\n")
    assert paragraphs(r) == body and r.title == "商品の改造が商標法違反に"


def test_a_text_browsers_dump_loses_its_link_numbers_and_reference_list():
    # QA: "[3]Eleanor Ainge Roy" and "[1]Skip to main content" defeated every rule, and the closing list of
    # numbered addresses was read as a paragraph
    text = ("   [1]Skip to main content\n\n   [2]The Coast Times - Back to home\n\n"
            "Harbour Council Approves New Ferry Route\n\n   by [3]Ann Lee in Kelmouth\n\n   Tue 12 Jul 2016 02.00 EDT\n\n"
            + BODY.replace("islands", "[4]islands") + "\n   [5]Share on Facebook [6]Share on Twitter\n\n"
            "References\n\n   1. https://example.org/#main\n   2. https://example.org/\n   3. https://example.org/ann-lee\n")
    r = parse_scrape(text)
    assert (r.title, [a.name for a in r.authors], r.published) == (
        "Harbour Council Approves New Ferry Route", ["Ann Lee"], "2016-07-12")
    assert paragraphs(r) == [p for p in BODY.strip().split("\n\n")]
    # a footnote mark in an ordinary text stays
    assert "[1]" in paragraphs(parse_scrape("Title Of The Story Here\n\n" + BODY.replace("dispute.", "dispute.[1]")))[0]


@pytest.mark.parametrize("tail", [
    # a reporter's lead-ins that carry a date or a time, twice (review of this session's rules)
    "On 4 April 2022, Ms Probert wrote:\n\nWe cannot keep the library open on the budget we have been given.\n\n"
    "At 10:42 am, Dr Cartwright said:\n\nThe figures were checked twice and they do not add up at all.\n\n"
    "The council will vote again in May, officials said.\n",
    # a sentence that opens with a count of responses
    "312 responses to our online survey were received, and most backed the route.\n\n"
    "The council will vote again in May, officials said.\n",
    # a section of the article headed "Comments", as a style guide has
    "Comments\n\nWrite comments that explain why the code does something, not what it does line by line.\n\n"
    "Keep each comment next to the code it explains, and update it when the code changes later on.\n\n"
    "The council will vote again in May, officials said.\n",
])
def test_the_articles_own_lead_ins_and_sections_never_end_it(tail):
    r = parse_scrape(ARTICLE + tail)
    assert paragraphs(r)[-1] == "The council will vote again in May, officials said."


def test_lines_said_or_sung_twice_stay_as_written():
    # a transcript's repeated answer, a chant: said twice, shown twice; none is a caption or a teaser
    text = (ARTICLE + "ALVAREZ: No.\n\nHALE: Why not?\n\nALVAREZ: No.\n\n"
            "Fund our schools!\n\nPut kids first!\n\nFund our schools!\n\nThe march ended at noon, police said.\n")
    r = parse_scrape(text)
    assert paragraphs(r)[-7:] == ["ALVAREZ: No.", "HALE: Why not?", "ALVAREZ: No.", "Fund our schools!", "Put kids first!",
                                  "Fund our schools!", "The march ended at noon, police said."]
    assert not figures(r) and not r.headlines


def test_dates_of_a_diary_stay_and_head_nothing():
    text = ARTICLE + "March 3, 2024\n\nThe first ferry left at dawn with forty passengers on board.\n\n" \
                     "March 4, 2024\n\nA storm kept the ferry in port for the whole day, the operator said.\n"
    r = parse_scrape(text)
    assert "March 3, 2024" in paragraphs(r) and "March 4, 2024" in paragraphs(r)
    assert not any(b.kind == "heading" for b in r.blocks)


def test_the_lines_between_the_headline_and_the_body_are_its_deck_and_items_not_its_title():
    text = ("Menu\nSections\n\nThe Ten Best Tascas in Lisbon\n\nBy Staff\n\nWhere to eat like a local this spring\n\n"
            "1. Tasca do Chico\n\nA tiny bar in the Bairro Alto where fado singers take turns every night of the week.\n\n"
            "2. Zé da Mouraria\n\nHuge plates of grilled fish, served at lunch only, for a queue that starts at noon.\n")
    r = parse_scrape(text)
    assert r.title == "The Ten Best Tascas in Lisbon" and r.authors == []
    assert "1. Tasca do Chico" in paragraphs(r) and "By Staff" not in paragraphs(r)
    assert "Where to eat like a local this spring" in paragraphs(r)  # the deck under the byline is text


@pytest.mark.parametrize("line", ["Publié le 3 mars 2024", "Paris, le 3 mars 2024", "Actualizado el 3 de marzo de 2024"])
def test_a_date_line_in_another_language_names_no_author(line):
    r = parse_scrape("Harbour Council Approves New Ferry Route\n" + line + "\n\n" + BODY)
    assert r.authors == []  # (in an English text a Spanish line is read as a foreign UI string: no date either)


def test_a_chant_repeated_line_by_line_stays_twice():
    text = ARTICLE + "The crowd chanted:\n\nSave our babies, save our beds\nSave our babies, save our beds\n\nThe march ended at noon.\n"
    assert paragraphs(parse_scrape(text)).count("Save our babies, save our beds") == 2
