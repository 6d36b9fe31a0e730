"""The HTML block walker's white-space folding: the fast paths agree with the character-by-character one."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.extract.html_blocks import _normalise_slow, _normalise_with_links

_CHARS = st.sampled_from(list("ab c\n\t\u00a0\u2003xyz.,") + ["\u200b", "\u00ad", "\ufeff"])


@st.composite
def raw_with_links(draw):
    raw = "".join(draw(st.lists(_CHARS, max_size=40)))
    links = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(raw)))
        end = draw(st.integers(start, len(raw)))
        links.append(("", f"https://e.com/{len(links)}", start, end))
    return raw, links


@settings(max_examples=400, deadline=None)
@given(raw_with_links())
def test_fast_folding_matches_the_reference(case):
    raw, links = case
    assert _normalise_with_links(raw, links) == _normalise_slow(raw, links)


def test_folding_keeps_line_breaks_and_link_spans():
    raw = "  See \u00a0 the\nstory\u200b  here  "
    text, (link,) = _normalise_with_links(raw, [("", "https://e.com/s", 8, 17)])
    assert text == "See the\nstory here"
    assert text[link.start:link.end] == link.text == "the\nstory"


def test_blocks_carry_a_block_kind_that_still_compares_as_its_name():
    from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment
    from tui_reader.core.extract.markdown import parse_markdown
    from tui_reader.core.model import BLOCK_KINDS, BlockKind

    html = ("<div><h2>Head</h2><p>Para</p><ul><li>Item</li></ul><blockquote>Quoted</blockquote>"
            "<figure><figcaption>Cap</figcaption></figure><pre>x = 1</pre></div>")
    blocks = blocks_from_tree(parse_fragment(html))
    # every kind but the table, which only Markdown makes (an HTML table's cells are read as paragraphs)
    assert [b.kind for b in blocks] == [k for k in BlockKind if k != "table"] == [k for k in BLOCK_KINDS if k != "table"]
    assert all(isinstance(b.kind, BlockKind) for b in blocks)
    assert blocks[0].kind == "heading" and str(blocks[2].kind) == "list_item"
    markdown = parse_markdown("# T\n\ntext\n\n- a\n\n| a | b |\n|---|---|\n| 1 | 2 |\n").blocks
    assert all(isinstance(b.kind, BlockKind) for b in markdown) and markdown[-1].kind == "table"


def test_ruby_readings_are_not_inlined():
    from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment

    html = "<div><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>を読む。</p></div>"
    assert [b.text for b in blocks_from_tree(parse_fragment(html))] == ["漢字を読む。"]


def test_decomposed_letters_from_character_references_are_composed():
    from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment

    html = "<div><p>Cafe&#x301; <a href='/r'>re&#769;sume&#x301;</a> in Zu&#x308;rich</p></div>"
    (block,) = blocks_from_tree(parse_fragment(html), "https://example.org/")
    assert block.text == "Café résumé in Zürich"
    assert block.text[block.links[0].start:block.links[0].end] == "résumé"


def test_a_captions_credit_in_its_own_element_is_set_apart():
    # QA: "… on July 25, 2019.J. Scott Applewhite / AP file" (NBC), "… winter weather.CreditKirsten Luce" (NYT)
    from lxml import html

    from tui_reader.core.extract.html_blocks import blocks_from_tree

    page = html.fromstring(
        "<div><figure><figcaption><span>Rep. Ann Lee speaks on July 25, 2019.</span><span>J. Scott / AP file</span>"
        "</figcaption></figure><figure><figcaption><span>Snow in the city.</span><span><span>Credit</span>"
        "<span>Kirsten Luce</span></span></figcaption></figure>"
        "<p>A <b>bold</b>word and <span>Mc</span><span>Donald</span>'s stay as written.</p></div>")
    assert [b.text for b in blocks_from_tree(page)] == [
        "Rep. Ann Lee speaks on July 25, 2019. J. Scott / AP file", "Snow in the city. Credit Kirsten Luce",
        "A boldword and McDonald's stay as written."]
