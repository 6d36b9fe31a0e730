"""Cleaning rules around readability: each rule on small hand-written HTML."""

from tui_reader.core.html_blocks import blocks_from_tree, parse_fragment
from tui_reader.core.html_clean import class_words, post_clean

LONG = ("The council voted on Tuesday night to approve the plan after a debate that lasted more than "
        "four hours, with residents filling the public gallery and the corridor outside. ")


def cleaned(html: str) -> list[tuple[str, str]]:
    root = parse_fragment(html)
    post_clean(root)
    return [(b.kind, b.text) for b in blocks_from_tree(root)]


def texts(html: str) -> list[str]:
    return [text for _, text in cleaned(html)]


def test_class_words_split_camel_case_and_separators():
    (el,) = parse_fragment('<div class="InlineImage-imageEmbedCaption wp_caption" id="photoCredit"></div>')
    words = class_words(el)
    assert "-caption-" in words and "-embed-" in words and "-photo-credit-" in words
    assert class_words(parse_fragment("<div></div>")) == ""


def test_figure_caption_kept_once_without_its_photo_credit():
    html = (f"<div><p>{LONG}</p><figure><img src='a.jpg'><figcaption>Boats at the quay. "
            "<span class='image-credit'>Photo: A. Person</span></figcaption></figure><p>After.</p></div>")
    blocks = cleaned(html)
    assert ("figure", "Boats at the quay.") in blocks
    assert not any("Photo: A. Person" in text for _, text in blocks)
    assert blocks[-1] == ("paragraph", "After.")


def test_captions_outside_figures_and_credits_leave_the_body():
    html = (f"<div><p>{LONG}</p><div class='gallery-item'><div class='caption'><p class='caption-full'>"
            "Officials shake hands in Hanoi.</p><p><span class='credit'>Photo: Hau Dinh, AP</span></p>"
            "</div></div><p class='newsCaption'>A protester in a mask</p><p>Text goes on.</p></div>")
    assert texts(html) == [LONG.strip(), "Text goes on."]


def test_caption_word_on_the_article_container_keeps_the_article():
    html = (f"<div class='article-with-captions'><p>{LONG}</p><p>{LONG}</p>"
            "<p class='caption'>Small caption</p></div>")
    assert texts(html) == [LONG.strip(), LONG.strip()]
