"""HTML metadata: each field from the most explicit source, cleaned for citing."""

import pytest

from tui_reader.core.cite.data import authors_of, csl_name
from tui_reader.core.cite.overrides import apply_overrides
from tui_reader.core.extract.dates import find_date_in_text, normalise_date
from tui_reader.core.extract.html_body import parse_document
from tui_reader.core.extract.html_meta import html_metadata
from tui_reader.core.extract.people import author_kind, clean_authors
from tui_reader.core.model import Author, Metadata


def meta(head: str, body: str = "", raw_prefix: str = "") -> Metadata:
    html = f"{raw_prefix}<html lang='en-gb'><head>{head}</head><body>{body}</body></html>"
    return html_metadata(parse_document(html), html).freeze()


def test_open_graph_first():
    m = meta('<meta property="og:title" content="The Real Headline"><title>Other | Site</title>'
             '<meta property="og:site_name" content="The Daily Planet">')
    assert m.title == "The Real Headline" and m.site == "The Daily Planet"


def test_title_tag_loses_site_suffix_and_infers_site():
    m = meta("<title>Mayor Resigns After Vote of No Confidence | Harbour Times</title>")
    assert m.title == "Mayor Resigns After Vote of No Confidence"
    assert m.site == "Harbour Times"


def test_section_label_prefix_goes():
    m = meta('<meta property="og:title" content="Opinion | Republicans Are Following Him Nowhere">')
    assert m.title == "Republicans Are Following Him Nowhere"


def test_h1_when_nothing_else():
    assert meta("", "<h1>Only An H1 Here</h1><p>x</p>").title == "Only An H1 Here"


def test_jsonld_authors_date_publisher():
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",'
          '"headline":"H","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],'
          '"datePublished":"2024-03-14T18:42:00Z","publisher":{"@type":"Organization","name":"Courier"}}]}</script>')
    m = meta(ld)
    assert m.authors == (Author("Ann Lee", "person"), Author("Bo Chan", "person"))
    assert m.published == "2024-03-14T18:42:00Z"
    assert m.site == "Courier"


def test_visible_byline_deduplicated():
    m = meta("", '<div class="byline">By Jamelle Bouie</div><span class="byline">Jamelle Bouie</span>')
    assert m.authors == (Author("Jamelle Bouie", "person"),)


def test_canonical_then_og_url_then_saved_from():
    assert meta('<link rel="canonical" href="https://e.com/a"><meta property="og:url" content="https://e.com/b">').url == "https://e.com/a"
    assert meta('<meta property="og:url" content="https://e.com/b">').url == "https://e.com/b"
    assert meta("", raw_prefix="<!-- saved from url=(0021)https://e.com/saved -->\n").url == "https://e.com/saved"


def test_site_given_as_url_becomes_host_and_tagline_goes():
    assert meta('<meta property="og:site_name" content="https://www.newsnation.in">').site == "newsnation.in"
    assert meta('<meta property="og:site_name" content="LinkNaija | Nigeria\'s popular platform">').site == "LinkNaija"


def test_time_element_and_language():
    m = meta("", '<time datetime="2019-11-18">Nov 18</time>')
    assert m.published == "2019-11-18"
    assert m.language == "en-GB"


@pytest.mark.parametrize(
    "values,expected",
    [
        (["By Ann Lee and Bo Chan"], ["Ann Lee", "Bo Chan"]),
        (["TOM KRISHER", "AP Auto Writer"], ["Tom Krisher"]),
        (["Finian Cunningham. Sputnik International"], ["Finian Cunningham"]),
        (["https://facebook.com/someone"], []),
        (["Sobre Carlos Nadalim", "Carlos Nadalim"], ["Carlos Nadalim"]),
        (["Staff Reporter"], []),
    ],
)
def test_clean_authors(values, expected):
    assert clean_authors(values) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2016-07-08T10:00:00+0200", "2016-07-08T10:00:00+02:00"),
        ("2016-07-08", "2016-07-08"),
        ("2016-02-30", None),
        ("July 8, 2016", "2016-07-08"),
        ("8 juillet 2016", "2016-07-08"),
        ("08.07.2016", "2016-07-08"),
        ("not a date", None),
    ],
)
def test_dates(value, expected):
    assert normalise_date(value) == expected


def test_date_in_text():
    assert find_date_in_text("Updated: Monday, Nov. 18, 2019 at 3pm") == "2019-11-18"


def test_relative_links_resolve_against_the_pages_own_address():
    from tui_reader.core.extract.html_meta import page_address

    html = ('<html><head><link rel="canonical" href="https://original.example/story">'
            '<meta property="og:url" content="https://copy.example/news/story"></head><body></body></html>')
    assert page_address(parse_document(html), "https://original.example/story", html) == "https://copy.example/news/story"
    based = '<html><head><base href="https://base.example/dir/"></head><body></body></html>'
    assert page_address(parse_document(based), None, based) == "https://base.example/dir/"
    saved = "<!-- saved from url=(0030)https://mirror.example/a/story -->\n" + html
    assert page_address(parse_document(saved), "https://original.example/story", saved) == "https://mirror.example/a/story"
    # og:url on the canonical URL's own host is often just the home page: the canonical URL stays
    home = ('<html><head><meta property="og:url" content="https://www.original.example/"></head>'
            '<body></body></html>')
    assert page_address(parse_document(home), "https://original.example/story", home) == "https://original.example/story"


@pytest.mark.parametrize("name,kind", [
    ("Queensland Health", "organization"),
    ("Department of Industry, Science, Energy and Resources", "organization"),
    ("The Library of Congress", "organization"),
    ("ABC News", "organization"),
    ("Reuters", "organization"),
    ("Martin Luther King, Jr.", "person"),
    ("Jan van der Berg", "person"),
    ("TOM KRISHER", "person"),
    ("王小明", "person"),
])
def test_author_kind_judged_from_a_bare_name(name, kind):
    assert author_kind(name) == kind
    assert Metadata(authors=(name,)).authors[0].kind == kind


def test_an_organisation_author_is_one_literal_csl_name():
    md = Metadata(authors=(Author("Department of Industry, Science, Energy and Resources", "organization"),
                           Author("Ann Lee", "person")))
    assert [csl_name(n) for n in authors_of(md)] == [{"literal": "Department of Industry, Science, Energy and Resources"},
                                        {"family": "Lee", "given": "Ann"}]


def test_overrides_stored_as_plain_names_by_earlier_versions_still_apply():
    md = apply_overrides(Metadata(), {"authors": ["Maria Lee", "Queensland Health"]})
    assert md.authors == (Author("Maria Lee", "person"), Author("Queensland Health", "organization"))
    md = apply_overrides(Metadata(), {"authors": [{"name": "Sputnik Team", "kind": "person"}]})
    assert md.authors == (Author("Sputnik Team", "person"),)  # a stored kind is kept as it was chosen


def test_byline_line_completes_the_draft_and_freezes_into_metadata():
    from tui_reader.core.extract.byline import take_byline
    from tui_reader.core.model import Block, MetadataDraft

    draft = MetadataDraft(title="T")
    kept = take_byline([Block("paragraph", "By Ann Lee"), Block("paragraph", "March 3, 2024"),
                        Block("paragraph", "The council voted on Monday to approve the harbour plan.")], draft)
    assert [b.text for b in kept] == ["The council voted on Monday to approve the harbour plan."]
    frozen = draft.freeze()
    assert frozen.authors == (Author("Ann Lee", "person"),) and frozen.published == "2024-03-03"
