"""Chicago 17 (notes and bibliography) and MLA 9 for news articles, web pages and blog posts: one test
per rule, on constructed metadata (never a published example: those are in test_citation_published.py
and its blind groups). Each test names the section it follows: "CMOS 17" = The Chicago Manual of Style,
17th ed. (and its online Citation Quick Guide); "MLA 9" = MLA Handbook, 9th ed."""

from __future__ import annotations

import datetime

import pytest

from tui_reader.core.cite.casing import title_case
from tui_reader.core.cite.styles import format_reference
from tui_reader.core.model import Author, Metadata

ACCESSED = datetime.date(2024, 5, 1)


def ref(metadata: Metadata, style: str) -> str:
    return format_reference(metadata, style, accessed=ACCESSED)


def person(name: str) -> Author:
    return Author(name, "person")


def body(name: str) -> Author:
    return Author(name, "organization")


# --- web pages: the date (CMOS 17 §14.206-207) -------------------------------------------------------------

def test_chicago_bibliography_gives_a_web_pages_date_as_an_element_of_its_own():
    # CMOS 17 §14.207 and the Quick Guide's website entry ("Google. “Privacy Policy.” Privacy & Terms. Last
    # modified April 17, 2017."): in the bibliography the page's date follows the site after a period, as an
    # access date does; the note runs on with commas. A blog post (§14.208) and a news article (§14.191)
    # keep the date with the publication's name, as periodicals do.
    page = Metadata(title="Tide tables explained", authors=(person("Nora Quill"),), site="Harbour Guide",
                    published="2021-02-23", url="https://harbour.example/tides", kind="webpage")
    assert ref(page, "chicago") == ("Quill, Nora. “Tide Tables Explained.” Harbour Guide. February 23, 2021. "
                                    "https://harbour.example/tides.")
    assert ref(page, "chicago-note") == ("Nora Quill, “Tide Tables Explained,” Harbour Guide, February 23, 2021, "
                                         "https://harbour.example/tides.")
    year = Metadata(**{**page.__dict__, "published": "2021"})
    assert "Harbour Guide. 2021. https" in ref(year, "chicago")
    month = Metadata(**{**page.__dict__, "published": "2021-02"})
    assert "Harbour Guide. February 2021. https" in ref(month, "chicago")
    for kind in ("post-weblog", "article-newspaper"):
        periodical = Metadata(**{**page.__dict__, "kind": kind})
        assert ", February 23, 2021. https" in ref(periodical, "chicago"), kind


# --- an organisation's own web page (CMOS 17 §14.206-207) -------------------------------------------------------

def test_an_organisation_that_signs_a_web_page_is_its_owner():
    # CMOS 17 Quick Guide, website content: “Privacy Policy,” Privacy & Terms, Google, last modified ... in the
    # note (the owner after the site's title), Google. “Privacy Policy.” Privacy & Terms. ... in the
    # bibliography (listed under the owner, §14.207).
    # The page shows the organisation owns the site: by the site's address here
    page = Metadata(title="Data retention rules", authors=(body("Kelmouth Harbour Trust"),), site="Harbour Portal",
                    published="2019-06-04", url="https://kelmouthharbourtrust.example/data", kind="webpage")
    assert ref(page, "chicago-note") == ("“Data Retention Rules,” Harbour Portal, Kelmouth Harbour Trust, June 4, 2019, "
                                         "https://kelmouthharbourtrust.example/data.")
    assert ref(page, "chicago") == ("Kelmouth Harbour Trust. “Data Retention Rules.” Harbour Portal. June 4, 2019. "
                                    "https://kelmouthharbourtrust.example/data.")
    # ... or by naming it as the publisher
    named = Metadata(**{**page.__dict__, "url": "https://harbour.example/data", "publisher": "Kelmouth Harbour Trust"})
    assert ref(named, "chicago").startswith("Kelmouth Harbour Trust. “Data Retention Rules.” Harbour Portal. June 4")
    # a news agency's story in a newspaper is by the agency, not the newspaper's owner (CMOS 17 §14.191)
    story = Metadata(**{**page.__dict__, "kind": "article-newspaper", "site": "Kelmouth Courier"})
    assert ref(story, "chicago-note").startswith("Kelmouth Harbour Trust, “Data Retention Rules,” Kelmouth Courier,")
    # a page that names its publisher besides: the organisation signs it, the publisher owns the site
    owned = Metadata(**{**page.__dict__, "publisher": "Kelmouth Council"})
    assert ref(owned, "chicago-note").startswith("Kelmouth Harbour Trust, “Data Retention Rules,” Harbour Portal, "
                                                 "Kelmouth Council,")
    # a group of the site's own people ("Harbour Portal Staff") is its author, not its owner
    staff = Metadata(**{**page.__dict__, "authors": (body("Harbour Portal Staff"),)})
    assert ref(staff, "chicago-note").startswith("Harbour Portal Staff, “Data Retention Rules,” Harbour Portal,")


def test_an_agencys_story_on_a_portal_keeps_the_agency_as_author():
    # REVIEW3 #10: an organisation's byline alone does not make it the site's owner (a wire story on Yahoo News,
    # typed a web page); the agency stays the author (CMOS 17 §14.191)
    page = Metadata(title="Storm batters coast", authors=(body("Associated Press"),), site="Yahoo News",
                    published="2021-02-23", url="https://news.yahoo.example/storm", kind="webpage")
    assert ref(page, "chicago-note").startswith("Associated Press, “Storm Batters Coast,” Yahoo News, February 23, 2021")
    assert ref(page, "chicago").startswith("Associated Press. “Storm Batters Coast.” Yahoo News. February 23, 2021.")


# --- the publisher (MLA 9's publisher element; CMOS 17 §14.135, §14.207) ---------------------------------------------

def test_a_publishers_business_words_are_left_out():
    # MLA 9 (publisher element): omit business words like Incorporated (Inc.), Corporation (Corp.), Limited (Ltd.);
    # CMOS 17 §14.135: "Inc.," "Ltd.," "Co." and the like may be omitted from a publisher's name
    page = Metadata(title="Tide tables explained", authors=(person("Nora Quill"),), site="Harbour Guide",
                    publisher="Quay Media, Inc.", published="2021-02-23", url="https://harbour.example/tides",
                    kind="webpage")
    assert ", Quay Media, 23 Feb. 2021," in ref(page, "mla")
    assert ", Quay Media, February 23, 2021," in ref(page, "chicago-note")
    limited = Metadata(**{**page.__dict__, "publisher": "Quay Media Ltd"})
    assert ", Quay Media, 23 Feb. 2021," in ref(limited, "mla")


@pytest.mark.parametrize("publisher", ["The Limited", "Legal Services Corporation", "Australian Broadcasting Corporation",
                                       "Harbour Co", "Apple Inc."])
def test_a_word_of_a_publishers_name_is_kept(publisher):
    # REVIEW3 #11: only a legal form goes (an abbreviation, or a form after a comma); a noun written out without a
    # comma is part of the name, and no name is cut to one word ("The")
    page = Metadata(title="Tide tables explained", authors=(person("Nora Quill"),), site="Harbour Guide",
                    publisher=publisher, published="2021-02-23", url="https://harbour.example/tides", kind="webpage")
    assert f", {publisher}, 23 Feb. 2021," in ref(page, "mla")
    assert f", {publisher}, February 23, 2021," in ref(page, "chicago-note")


def test_mla_leaves_out_a_publisher_whose_name_is_essentially_the_sites():
    # MLA 9 (publisher element): the publisher is omitted for a website whose title is essentially the name of its
    # publisher ("Harbour Guide" published by "Harbour Guide Media"; "KTV News" by "KTV")
    page = Metadata(title="Tide tables explained", authors=(person("Nora Quill"),), site="Harbour Guide",
                    publisher="Harbour Guide Media", published="2021-02-23", url="https://harbour.example/tides",
                    kind="webpage")
    assert ref(page, "mla") == ("Quill, Nora. “Tide Tables Explained.” Harbour Guide, 23 Feb. 2021, "
                                "harbour.example/tides.")
    short = Metadata(**{**page.__dict__, "site": "KTV News", "publisher": "KTV"})
    assert "KTV News, 23 Feb. 2021," in ref(short, "mla")
    other = Metadata(**{**page.__dict__, "publisher": "Quay Press"})  # another body: named
    assert "Harbour Guide, Quay Press, 23 Feb. 2021," in ref(other, "mla")
    part = Metadata(**{**page.__dict__, "publisher": "Harbour"})  # a word of the site's name is not its name
    assert "Harbour Guide, Harbour, 23 Feb. 2021," in ref(part, "mla")


# --- undated articles and posts (CMOS 17 §14.12) ------------------------------------------------------------------

def test_chicago_gives_an_undated_article_or_post_its_access_date_without_no_date():
    # CMOS 17 §14.12: for online sources with no date of publication or revision, an access date is included
    # in its place ("accessed May 1, 2017", the Yale example of §14.207); "n.d." is the author-date system's
    # year place (§15.44), not a note's or bibliography entry's for web content
    for kind, site in (("post-weblog", "Salt Notes (blog)"), ("article-newspaper", "Kelmouth Courier")):
        md = Metadata(title="Why I stopped sailing", authors=(person("Tom Reed"),), site=site.split(" (")[0],
                      url="https://saltnotes.example/why", kind=kind)
        assert ref(md, "chicago-note") == (f"Tom Reed, “Why I Stopped Sailing,” {site}, accessed May 1, 2024, "
                                           "https://saltnotes.example/why.")
        assert ref(md, "chicago") == (f"Reed, Tom. “Why I Stopped Sailing.” {site}. Accessed May 1, 2024. "
                                      "https://saltnotes.example/why.")


def test_chicago_leaves_the_word_after_a_prefix_in_lower_case():
    # CMOS 17 §8.161, rule 3: when the first element of a hyphenated compound is a prefix that cannot stand by
    # itself as a word (anti, pre, re, non ...), the second element is not capitalised unless it is a proper
    # noun or adjective ("Anti-intellectual Pursuits", "Non-Christian"); other compounds capitalise both parts
    assert title_case("pre-election polls tighten in the anti-vaccine debate", "chicago") == (
        "Pre-election Polls Tighten in the Anti-vaccine Debate")
    assert title_case("non-Christian groups back re-election bid", "chicago") == (
        "Non-Christian Groups Back Re-election Bid")
    assert title_case("self-driving cars face a two-thirds vote", "chicago") == "Self-Driving Cars Face a Two-Thirds Vote"
    # a headline the source already capitalises keeps its capital (the word may be a proper noun)
    assert title_case("Anti-American Protests Grow", "chicago") == "Anti-American Protests Grow"
    # a compound that opens with an abbreviation is a compound too (QA: Readability.js "U.S.-backed Syrian
    # forces" stayed lower-case in MLA and Chicago); a domain is no compound
    for style in ("chicago", "mla"):
        assert title_case("U.S.-backed Syrian forces", style) == "U.S.-Backed Syrian Forces"
        assert title_case("Cleveland.com-based writers", style) == "Cleveland.com-based Writers"


# --- the date in the access date's place touches only the date (REVIEW3 #6, #16) --------------------------------

def test_a_title_holding_accessed_keeps_the_word_when_the_date_takes_the_access_place():
    # CMOS 17 §14.207, §14.13: only the date's own label changes; the title is printed as the source writes it
    md = Metadata(title="Patient records accessed by hackers", authors=(person("Nora Quill"),), site="Harbour Guide",
                  published="2021-02-23", url="https://harbour.example/tides", kind="webpage")
    assert ref(md, "chicago") == ("Quill, Nora. “Patient Records Accessed by Hackers.” Harbour Guide. February 23, 2021. "
                                  "https://harbour.example/tides.")
    revised = Metadata(**{**md.__dict__, "revised": True})
    assert ref(revised, "chicago-note") == ("Nora Quill, “Patient Records Accessed by Hackers,” Harbour Guide, "
                                            "last modified February 23, 2021, https://harbour.example/tides.")
    assert ref(revised, "chicago") == ("Quill, Nora. “Patient Records Accessed by Hackers.” Harbour Guide. "
                                       "Last modified February 23, 2021. https://harbour.example/tides.")


def test_an_undated_unsigned_article_gives_its_access_date_without_no_date():
    # CMOS 17 §14.12, as for a signed one: the access date stands in for the missing date, no "n.d."
    md = Metadata(title="Records accessed by hackers", authors=(), site="Salt Notes", url="https://s.example/w",
                  kind="article-newspaper")
    assert ref(md, "chicago") == "Salt Notes. “Records Accessed by Hackers.” Accessed May 1, 2024. https://s.example/w."
    assert ref(md, "chicago-note") == "“Records Accessed by Hackers,” Salt Notes, accessed May 1, 2024, https://s.example/w."
    dated = Metadata(**{**md.__dict__, "published": "2021-02-23"})
    assert "n.d." not in ref(dated, "chicago") and "February 23, 2021" in ref(dated, "chicago")
