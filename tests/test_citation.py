"""Citation core: golden references per style and type, missing data, the citeproc-py fixes,
quote citations, title case, metadata overrides.

Every expected string names its source. "CMOS 17" = The Chicago Manual of Style, 17th ed.;
"APA 7" = Publication Manual of the APA, 7th ed. (and apastyle.apa.org reference examples);
"MLA 9" = MLA Handbook, 9th ed. An example "constructed" follows the cited rule exactly.
"""

from __future__ import annotations

import datetime

import pytest

from tui_reader.core.cite.csl import move_punctuation_inside_quotes
from tui_reader.core.cite.styles import (
    STYLES,
    apply_overrides,
    format_quote_citation,
    format_reference,
    in_text_citation,
    load_overrides,
    load_style,
    save_overrides,
    save_style,
    style_label,
    title_case,
    validate_override,
)
from tui_reader.core.model import Article, Author, Block, Metadata, Quote, Section

ACCESSED = datetime.date(2019, 7, 3)

CAREY_URL = "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html"
CAREY = Metadata(title="Can we get better at forgetting?", authors=("Benedict Carey",),
                 site="The New York Times", published="2019-03-22", url=CAREY_URL)
MANJOO_URL = ("https://www.nytimes.com/2017/03/08/technology/"
              "snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html")
MANJOO = Metadata(title="Snap Makes a Bet on the Cultural Supremacy of the Camera", authors=("Farhad Manjoo",),
                  site="New York Times", published="2017-03-08T09:15:00-05:00", url=MANJOO_URL)
KLYM_URL = "https://blogs.plos.org/scied/2018/09/15/can-we-talk-scientifically-about-free-will/"
KLYMKOWSKY = Metadata(title="Can we talk scientifically about free will?", authors=("Mike Klymkowsky",),
                      site="Sci-Ed", published="2018-09-15", url=KLYM_URL, kind="post-weblog")
YALE = Metadata(title="About Yale: Yale Facts", site="Yale University",
                url="https://www.yale.edu/about-yale/yale-facts", kind="webpage")
CENSUS = Metadata(title="U.S. and world population clock", authors=("U.S. Census Bureau",),
                  site="U.S. Department of Commerce", url="https://www.census.gov/popclock/", kind="webpage")


def ref(metadata, style, **kw):
    return format_reference(metadata, style, accessed=kw.pop("accessed", ACCESSED), **kw)


# --- APA 7 ----------------------------------------------------------------------------------------

def test_markdown_references_escape_every_character_markdown_reads_as_markup():
    # QA: a title's "[link](…)", "<b>" and backticks rendered live in --markdown references; the URL stays intact
    md = Metadata(title="Why [links](x) and <b>tags</b> and `code` break", authors=("Ann Lee",), site="S*S",
                  published="2024", url="https://ex.org/a_b")
    out = ref(md, "apa", markdown=True)
    assert out == "Lee, A. (2024). Why \\[links\\](x) and \\<b\\>tags\\</b\\> and \\`code\\` break. *S\\*S*. https://ex.org/a_b"


def test_apa_newspaper_article():
    # apastyle.apa.org "Newspaper article references", example 1 (Carey 2019)
    assert ref(CAREY, "apa") == (
        "Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. " + CAREY_URL)
    assert ref(CAREY, "apa", markdown=True) == (
        "Carey, B. (2019, March 22). Can we get better at forgetting? *The New York Times*. " + CAREY_URL)


def test_apa_blog_post():
    # apastyle.apa.org "Blog post references", example (Klymkowsky 2018)
    assert ref(KLYMKOWSKY, "apa") == (
        "Klymkowsky, M. (2018, September 15). Can we talk scientifically about free will? Sci-Ed. " + KLYM_URL)


def test_apa_webpage_group_author_no_date_has_no_retrieval_date():
    # apastyle.apa.org "Webpage on a website references", U.S. Census Bureau example, less its retrieval date:
    # APA 7 §9.16 gives one only for a page designed to change (the population clock), which a saved page does
    # not tell; an undated page otherwise has none (JCU Library's APA 7 guide, "The Learning Centre. (n.d.)")
    assert ref(CENSUS, "apa", markdown=True) == (
        "U.S. Census Bureau. (n.d.). *U.S. and world population clock*. U.S. Department of Commerce. "
        "https://www.census.gov/popclock/")


def test_apa_no_author_title_moves_to_front_once():
    # APA 7 §9.12 (no author: the title moves to the author position) and §9.17 (n.d.); constructed
    assert ref(YALE, "apa", markdown=True) == (
        "*About Yale: Yale Facts*. (n.d.). Yale University. https://www.yale.edu/about-yale/yale-facts")


def test_apa_keeps_source_title_casing():
    # APA keeps the title as given (issue 5); MLA/Chicago title-case it
    md = Metadata(title="Councillors back wind farm after harbour vote", authors=("Rhiannon Dale",),
                  site="The Kelmouth Courier", published="2024-03-14")
    assert "Councillors back wind farm after harbour vote." in ref(md, "apa")
    assert "“Councillors Back Wind Farm after Harbour Vote.”" in ref(md, "mla")


def test_apa_no_url_no_date_no_author():
    # APA 7 §9.12 + §9.17, constructed: title first, then (n.d.), nothing else known
    md = Metadata(title="NATO chief responds to Sputnik")
    assert ref(md, "apa") == "NATO chief responds to Sputnik. (n.d.)."


def test_apa_in_text_and_indirect_source():
    # APA 7 §8.17 parenthetical "(Carey, 2019)"; §8.6 secondary source "as cited in"
    assert in_text_citation(CAREY, "apa") == "(Carey, 2019)"
    assert in_text_citation(CAREY, "apa", speaker="Jane Doe") == "(as cited in Carey, 2019)"
    assert in_text_citation(CAREY, "apa", speaker="Benedict Carey") == "(Carey, 2019)"
    # APA 7 §8.14: no author -> title (italic for a webpage) and n.d.
    assert in_text_citation(YALE, "apa", markdown=True) == "(*About Yale*, n.d.)"
    # APA 7 §8.17 three or more authors: "et al."
    three = Metadata(title="T", authors=("Ann Lee", "Bo Kim", "Cy Day"), site="S", published="2024")
    assert in_text_citation(three, "apa") == "(Lee et al., 2024)"


# --- MLA 9 -----------------------------------------------------------------------------------------

def test_mla_newspaper_article_full_given_name():
    # MLA 9 §5 core elements; constructed from the CMOS 14.191 article: full given name (not "Manjoo, F."),
    # title case, period inside the closing quotation mark, day-month-year, URL without https:// (MLA 9 §5.95)
    assert ref(MANJOO, "mla") == (
        "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, "
        "8 Mar. 2017, " + MANJOO_URL.removeprefix("https://") + ".")


def test_mla_website_with_author():
    # Douglas College Library MLA 9 guide, "Website - with named author" (Galewitz, NPR); the guide keeps the
    # source's "Over", which MLA 9 §1.2.1 lower-cases as a preposition
    url = ("https://www.npr.org/sections/health-shots/2016/11/19/202580120/"
           "in-depressed-rural-kentucky-worries-mount-over-medicaid-cutbacks")
    md = Metadata(title="In Depressed Rural Kentucky, Worries Mount Over Medicaid Cutbacks", authors=("Phil Galewitz",),
                  site="NPR", published="2016-11-19", url=url, kind="webpage")
    assert ref(md, "mla", markdown=True) == (
        "Galewitz, Phil. “In Depressed Rural Kentucky, Worries Mount over Medicaid Cutbacks.” *NPR*, 19 Nov. 2016, "
        + url.removeprefix("https://") + ".")


def test_mla_no_author_no_date_gives_access_date():
    # MLA 9 §5.6-5.7 (no author: begin with the title) and §5.111 (access date when no publication date);
    # constructed
    assert ref(YALE, "mla", markdown=True) == (
        "“About Yale: Yale Facts.” *Yale University*, www.yale.edu/about-yale/yale-facts. Accessed 3 July 2019.")


def test_mla_three_authors_et_al_and_in_text():
    # MLA 9 §5.6 three or more authors: first author, "et al."; in-text §6.1 "(Lee et al.)"
    md = Metadata(title="A harbour vote", authors=("Maria Anne Lee", "Bo Kim", "Cy Day"), site="Courier",
                  published="2024-03", kind="article-newspaper")
    assert ref(md, "mla") == "Lee, Maria Anne, et al. “A Harbour Vote.” Courier, Mar. 2024."
    assert in_text_citation(md, "mla") == "(Lee et al.)"


def test_mla_in_text_forms():
    # MLA 9 §6.1 "(Manjoo)"; §6.79 indirect source "(qtd. in Manjoo)"; §6.6 no author: shortened title in quotes
    assert in_text_citation(MANJOO, "mla") == "(Manjoo)"
    assert in_text_citation(MANJOO, "mla", speaker="Evan Spiegel") == "(qtd. in Manjoo)"
    assert in_text_citation(MANJOO, "mla", speaker="Manjoo") == "(Manjoo)"
    assert in_text_citation(YALE, "mla") == "(“About Yale”)"
    assert in_text_citation(MANJOO, "chicago") is None


# --- Chicago 17 notes-bibliography -----------------------------------------------------------------

def test_chicago_newspaper_bibliography_and_note():
    # CMOS 17 §14.191 (news or magazine article online), Manjoo example: note and bibliography entry
    assert ref(MANJOO, "chicago") == (
        "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, "
        "March 8, 2017. " + MANJOO_URL + ".")
    assert ref(MANJOO, "chicago-note", markdown=True) == (
        "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” *New York Times*, "
        "March 8, 2017, " + MANJOO_URL + ".")


def test_chicago_webpage_without_author_or_date():
    # CMOS 17 §14.206 (website content), Yale example: owner as author in the bibliography, access date
    # because the page is undated (§14.12)
    yale = Metadata(title="About Yale: Yale Facts", site="Yale University",
                    url="https://www.yale.edu/about-yale/yale-facts", kind="webpage")
    may1 = datetime.date(2017, 5, 1)
    assert ref(yale, "chicago", accessed=may1) == (
        "Yale University. “About Yale: Yale Facts.” Accessed May 1, 2017. https://www.yale.edu/about-yale/yale-facts.")
    assert ref(yale, "chicago-note", accessed=may1) == (
        "“About Yale: Yale Facts,” Yale University, accessed May 1, 2017, https://www.yale.edu/about-yale/yale-facts.")


def test_chicago_unsigned_newspaper_article_site_as_author():
    # CMOS 17 §14.207 (unsigned newspaper article: the newspaper stands in place of the author); the
    # particle of the phrasal verb "heats up" is capitalised (CMOS 17 §8.159)
    md = Metadata(title="In Texas, ad heats up race for governor", site="New York Times", published="2002-07-30")
    assert ref(md, "chicago") == "New York Times. “In Texas, Ad Heats Up Race for Governor.” July 30, 2002."


def test_chicago_blog_post():
    # CMOS 17 §14.208 (blog posts): author, “post title,” blog name (italic) followed by "(blog)", date, URL;
    # the note's comma after a title ending in "?" stays (CMOS 17 §6.119); constructed
    assert ref(KLYMKOWSKY, "chicago-note", markdown=True) == (
        "Mike Klymkowsky, “Can We Talk Scientifically about Free Will?,” *Sci-Ed* (blog), September 15, 2018, "
        + KLYM_URL + ".")


# --- the citeproc-py 0.11 defects -------------------------------------------------------------------

def test_defect_given_names_not_reduced_to_initials():
    # citeproc-py ignored <name initialize="false">: "Lee, M. A." in MLA and Chicago
    md = Metadata(title="T", authors=("Maria Anne Lee",), site="S", published="2024-01-02")
    assert ref(md, "mla").startswith("Lee, Maria Anne.")
    assert ref(md, "chicago").startswith("Lee, Maria Anne.")
    assert ref(md, "chicago-note").startswith("Maria Anne Lee,")
    assert ref(md, "apa").startswith("Lee, M. A.")  # APA does use initials


def test_defect_punctuation_inside_quotation_marks():
    assert move_punctuation_inside_quotes("“Plan”. Next") == "“Plan.” Next"
    assert move_punctuation_inside_quotes("“Plan”, Next") == "“Plan,” Next"
    assert move_punctuation_inside_quotes("“Is It Over?”.") == "“Is It Over?”"
    assert move_punctuation_inside_quotes("“Says ‘No’”.") == "“Says ‘No.’”"
    md = Metadata(title="The plan", authors=("Maria Lee",), site="S", published="2024")
    assert "“The Plan.”" in ref(md, "mla") and "”." not in ref(md, "mla")
    assert "“The Plan,”" in ref(md, "chicago-note")


def test_defect_no_stray_edition_for_newspaper_articles():
    for style in ("chicago", "chicago-note"):
        assert "Edition" not in ref(MANJOO, style)
        assert "edition" not in ref(CAREY, style)


def test_substituted_title_is_not_repeated():
    # citeproc-py did not suppress variables substituted through a macro: the title came out twice
    for style in ("apa", "mla", "chicago", "chicago-note"):
        out = ref(YALE, style)
        assert out.count("About Yale") == 1, (style, out)
        assert out.count("Yale University") == 1, (style, out)


def test_mla_in_text_has_no_title_when_author_known():
    # citeproc-py treated <if disambiguate="true"> as true
    assert "Snap" not in in_text_citation(MANJOO, "mla")


# --- quote citations -----------------------------------------------------------------------------

def _article(metadata, quotes=()):
    block = Block("paragraph", "“We are ready,” said Jens Stoltenberg.")
    return Article(path="a.txt", format="text", metadata=metadata, sections=(Section(None, 0, (block,)),),
                   quotes=tuple(quotes), content_hash="h1")


QUOTE = Quote(text="We are ready", speaker="Jens Stoltenberg", cue="said", section=0, block=0, start=1, end=13)


def test_quote_citation_apa_indirect():
    out = format_quote_citation(_article(CAREY, [QUOTE]), QUOTE, "apa", accessed=ACCESSED)
    # APA 7 §8.28: a direct quotation from an unpaginated source gives its paragraph (the first one here)
    assert out == ("“We are ready” — Jens Stoltenberg (as cited in Carey, 2019, para. 1).\n\n" + ref(CAREY, "apa"))


def test_quote_citation_mla_author_speaker_and_markdown():
    q = Quote(text="“Snap *is* a camera company”", speaker="Farhad Manjoo", cue=None, section=0, block=0, start=0, end=5)
    out = format_quote_citation(MANJOO, q, "mla", markdown=True, accessed=ACCESSED)
    first, _, reference = out.partition("\n\n")
    assert first == "“Snap \\*is\\* a camera company” — Farhad Manjoo (Manjoo)."
    assert reference == ref(MANJOO, "mla", markdown=True)


def test_the_quotations_own_period_follows_the_citation():
    # QA: "“asking for the moon.” (Davies, 2019, para. 17)": APA 7 §8.26 and MLA 9 put the sentence's period
    # after the parenthesis; a question mark stays inside, an abbreviation keeps its period
    for text, first in [("asking for the moon.", "“asking for the moon” (Carey, 2019)."),
                        ("You can close a building in a week,", "“You can close a building in a week” (Carey, 2019)."),
                        ("Who asked?", "“Who asked?” (Carey, 2019)."), ("made in the U.S.", "“made in the U.S.” (Carey, 2019)."),
                        ("and so on …", "“and so on …” (Carey, 2019).")]:
        q = Quote(text=text, speaker=None, cue=None, section=0, block=0, start=0, end=5)
        assert format_quote_citation(CAREY, q, "apa", accessed=ACCESSED).split("\n")[0] == first
    q = Quote(text="asking for the moon.", speaker=None, cue=None, section=0, block=0, start=0, end=5)
    assert format_quote_citation(CAREY, q, "chicago-note", accessed=ACCESSED).startswith("“asking for the moon.”\n")


def test_quote_citation_without_speaker_and_chicago_note():
    q = Quote(text="No comment", speaker=None, cue=None, section=0, block=0, start=0, end=5)
    assert format_quote_citation(CAREY, q, "apa", accessed=ACCESSED).startswith("“No comment” (Carey, 2019).\n\n")
    out = format_quote_citation(MANJOO, QUOTE, "chicago-note", accessed=ACCESSED)
    assert out == "“We are ready” — Jens Stoltenberg\n\n" + ref(MANJOO, "chicago-note")


def test_every_style_renders_for_sparse_metadata():
    """Each style cites an article that has one field only: that field is in the reference, nothing
    reads "None", and the quote citation is the quote, its speaker and that reference."""
    for md, shown in ((Metadata(), None), (Metadata(title="Only a title"), "only a title"),
                      (Metadata(site="Only a site"), "only a site"), (Metadata(authors=("Only Author",)), "author"),
                      (Metadata(url="https://example.org/x"), "example.org/x")):
        for style in STYLES:
            reference = ref(md, style)
            assert reference.strip() and "None" not in reference, (style, md)
            assert shown is None or shown in reference.casefold(), (style, md, reference)
            cited = format_quote_citation(md, QUOTE, style, accessed=ACCESSED)
            assert cited.startswith(f"“{QUOTE.text}” — {QUOTE.speaker}"), (style, cited)
            assert cited.endswith(reference), (style, cited, reference)
    with pytest.raises(ValueError):
        format_reference(CAREY, "harvard")


def test_style_labels():
    assert [style_label(s) for s in STYLES] == ["APA 7", "MLA 9", "Chicago 17 (bibliography)", "Chicago 17 (note)",
                                                "BibTeX", "CSL-JSON", "RIS"]


# --- title case (MLA 9 §1.2.1, CMOS 17 §8.159) --------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ("the sun also rises", "The Sun Also Rises"),
    ("a guide to the end of the world", "A Guide to the End of the World"),
    ("what it is made of", "What It Is Made Of"),  # last word capitalised
    ("an alliance that is ready: a reply to the critics", "An Alliance That Is Ready: A Reply to the Critics"),
    ("NATO warns Russia: a new era", "NATO Warns Russia: A New Era"),  # acronym kept; word after colon
    ("step-by-step instructions for self-driving cars", "Step-by-Step Instructions for Self-Driving Cars"),
    ("why iPhone users love bbc.com", "Why iPhone Users Love bbc.com"),
    ("Responds To The Sputnik Plan", "Responds to the Sputnik Plan"),
    ("talking between the lines and through the night", "Talking between the Lines and through the Night"),
    ("“fake news” and the US election", "“Fake News” and the US Election"),
])
def test_title_case(source, expected):
    assert title_case(source) == expected


def test_non_english_titles_keep_their_casing():
    # MLA 9 §1.2.2: titles in other languages follow that language's capitalisation
    md = Metadata(title="À Bréval, le festival du café bat son record", authors=("Claire Dumontel",),
                  site="La Gazette du Val", published="2024-05-01", language="fr")
    assert "“À Bréval, le festival du café bat son record.”" in ref(md, "mla")


# --- overrides -------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["2024", "2024-03", "2024-03-05", "2024-03-05T10:30:00Z",
                                   "2024-03-05T10:30:00+01:00", ""])
def test_valid_dates(value):
    assert validate_override("published", value) is None


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "March 5, 2024", "05/03/2024", "yesterday", "24"])
def test_bad_dates_are_refused(value):
    message = validate_override("published", value)
    assert message and "date" in message


def test_validate_other_fields():
    assert validate_override("url", "example.com") is not None
    assert validate_override("url", "https://example.com/a") is None
    assert validate_override("kind", "book") is not None
    assert validate_override("kind", "post-weblog") is None
    assert validate_override("colour", "x") is not None
    assert validate_override("authors", "Maria Lee; John Smith") is None


def test_apply_overrides_and_clearing():
    md = apply_overrides(CAREY, {"authors": "Maria Lee; John Smith", "published": "2020-01-02", "url": "",
                                 "published_bad": "x"})
    assert md.authors == (Author("Maria Lee", "person"), Author("John Smith", "person"))
    assert md.published == "2020-01-02" and md.url is None and md.title == CAREY.title
    assert apply_overrides(CAREY, {"published": "not a date"}) == CAREY  # invalid values never applied
    assert apply_overrides(CAREY, {}) is CAREY


def test_overrides_persist_by_content_hash(tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_READER_STATE_DIR", str(tmp_path))
    from tui_reader.core.state import State

    state = State()
    save_overrides(state, "abc", {"published": "2024-03-05", "authors": ["Maria Lee"]})
    assert load_overrides(State(), "abc") == {"published": "2024-03-05",
                                              "authors": [{"name": "Maria Lee", "kind": "person"}]}
    assert load_overrides(state, "other") == {}
    with pytest.raises(ValueError, match="published"):
        save_overrides(state, "abc", {"published": "2024-02-30"})
    assert load_overrides(state, "abc")["published"] == "2024-03-05"  # the bad save changed nothing
    save_overrides(state, "abc", {})
    assert load_overrides(state, "abc") == {}


def test_chosen_style_persists(tmp_path, monkeypatch):
    monkeypatch.setenv("TUI_READER_STATE_DIR", str(tmp_path))
    from tui_reader.core.state import State

    assert load_style(State()) == "apa"
    save_style(State(), "chicago-note")
    assert load_style(State()) == "chicago-note"
    with pytest.raises(ValueError):
        save_style(State(), "nope")


def test_byline_noise_is_tidied():
    # repeated names are cited once; an all-caps byline is not cited in capitals; a site given as an address
    # is cited by its host name
    md = Metadata(title="Opinion", authors=("Jamelle Bouie", "jamelle bouie", "TOM KRISHER"),
                  site="https://www.newsnation.in/", published="2019-11-19")
    assert ref(md, "mla") == "Bouie, Jamelle, and Tom Krisher. “Opinion.” www.newsnation.in, 19 Nov. 2019."
