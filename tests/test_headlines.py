"""Linked headlines of HTML pages: what counts as a headline link and what does not."""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html
import pytest

from tui_reader.core.attribution.headlines import find_html_headlines
from tui_reader.core.model import Block, Link, Section

BASE = "https://news.example.com/world/2024/05/harbour-vote-passes"
STORY = "https://news.example.com/world/2024/05/council-approves-new-ferry-terminal"
HEADLINE = "Council approves new ferry terminal after long debate"


def page(body: str, head: str = "") -> object:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def found(body: str, base: str | None = BASE, sections=(), title: str | None = None, head: str = ""):
    return find_html_headlines(page(body, head), base, sections, title)


def urls(body: str, **kw) -> list[str]:
    return [h.url for h in found(body, **kw)]


def test_related_box_headline_is_found_with_text_and_url():
    (h,) = found(f'<aside class="related"><ul><li><a href="{STORY}">{HEADLINE}</a></li></ul></aside>')
    assert (h.text, h.url, h.section, h.block) == (HEADLINE, STORY, None, None)


def test_whitespace_in_link_text_is_collapsed():
    (h,) = found(f'<div><a href="{STORY}">  Council approves\n   new ferry\tterminal  </a></div>')
    assert h.text == "Council approves new ferry terminal"


def test_link_text_loses_zero_width_and_control_characters():
    # AEB ec7fc408c5ce: "Online Business Collection" + U+200B reached the sidebar and the clipboard
    (h,) = found(f'<aside class="related"><a href="{STORY}">Council approves\u200b new ferry\x1b terminal\u200b</a></aside>')
    assert h.text == "Council approves new ferry terminal"


@pytest.mark.parametrize(
    "href, expected",
    [
        ("/world/2024/05/council-approves-ferry", "https://news.example.com/world/2024/05/council-approves-ferry"),
        ("council-approves-ferry", "https://news.example.com/world/2024/05/council-approves-ferry"),
        ("../../2023/01/older-ferry-story", "https://news.example.com/world/2023/01/older-ferry-story"),
        ("//other.example.org/2024/05/ferry-story-elsewhere", "https://other.example.org/2024/05/ferry-story-elsewhere"),
    ],
)
def test_relative_hrefs_resolve_against_the_page_url(href, expected):
    assert urls(f'<div><a href="{href}">{HEADLINE}</a></div>') == [expected]


def test_base_element_in_head_is_used_for_resolution():
    got = urls(f'<div><a href="ferry-story-today">{HEADLINE}</a></div>', head='<base href="https://cdn.example.net/a/">')
    assert got == ["https://cdn.example.net/a/ferry-story-today"]


def test_without_a_page_url_only_absolute_links_are_kept():
    body = f'<div><a href="/x/ferry-story-relative-one">{HEADLINE}</a><a href="{STORY}">Another long headline about ferries</a></div>'
    assert urls(body, base=None) == [STORY]


@pytest.mark.parametrize(
    "href",
    ["javascript:void(0)", "#comments", "#", "mailto:desk@example.com", "tel:+441234", "ftp://files.example.com/a-b-c-d"],
)
def test_non_http_links_are_not_headlines(href):
    assert urls(f'<div><a href="{href}">{HEADLINE}</a></div>') == []


def test_duplicates_by_url_keep_the_first_in_page_order():
    other = "https://news.example.com/world/2024/05/storm-closes-coastal-road"
    body = (
        f'<div><a href="{STORY}">{HEADLINE}</a>'
        f'<a href="{other}">Storm closes the coastal road for a week</a>'
        f'<a href="{STORY}#top">Council approves terminal (again, same page)</a>'
        f'<a href="{STORY}/?utm_source=box">Council approves terminal tracked link</a></div>'
    )
    got = found(body)
    assert [h.url for h in got] == [STORY, other]
    assert got[0].text == HEADLINE


def test_the_page_itself_is_never_reported():
    body = f'<div><a href="{BASE}">Harbour vote passes with a large majority</a><a href="{BASE}/#c">Permalink to this story here</a></div>'
    assert urls(body) == []


def test_a_link_with_the_page_title_is_not_reported():
    body = f'<div><a href="{STORY}">Harbour vote passes with a large majority</a></div>'
    assert urls(body, title="Harbour vote passes with a large majority") == []
    assert urls(body, title="Something else entirely happened today") == [STORY]


@pytest.mark.parametrize(
    "text",
    ["Read more", "Continue reading", "Read more about the ferry terminal", "12 comments", "Comments (4)",
     "Click here for the full report", "Privacy Policy and cookie settings", "Sign up for our morning newsletter",
     "Share this story on Facebook", "HOME NEWS SPORT", "Back to top of the page",
     # QA (Readability.js guardian-1): controls about the page itself
     "Reuse this content", "About this content", "Print this page for later"],
)
def test_labels_that_are_not_headlines(text):
    assert urls(f'<div><a href="{STORY}">{text}</a></div>') == []


@pytest.mark.parametrize("text", ["Ferry", "Local news", "Two words", "Brexit"])
def test_short_texts_are_not_headlines(text):
    assert urls(f'<div><a href="{STORY}">{text}</a></div>') == []


def test_three_word_headline_needs_a_heading_or_an_article_url():
    assert urls(f'<div><h3><a href="{STORY}">Ferry terminal approved</a></h3></div>') == [STORY]
    assert urls(f'<div><a href="{STORY}">Ferry terminal approved</a></div>') == [STORY]  # dated, slugged URL
    assert urls('<div><a href="/world/ferries">Ferry terminal approved</a></div>') == []


def test_lowercase_sentence_fragment_is_not_a_headline():
    assert urls(f'<div><a href="{STORY}">according to a report published this week</a></div>') == []
    assert urls(f'<div><a href="{STORY}">iPhone sales fall for the third quarter</a></div>') == [STORY]


def test_inline_phrase_in_running_text_is_not_a_headline():
    body = f'<p>The agency <a href="{STORY}">said in a statement on Monday</a> that it would appeal.</p>'
    assert urls(body) == []
    body = f'<p>Officials were cautious. <a href="{STORY}">He Was Later Fired By The Chief</a>. Then nothing.</p>'
    assert urls(body) == []


def test_headline_after_a_label_or_quoted_as_a_source_is_kept():
    assert urls(f'<p>Related: <a href="{STORY}">{HEADLINE}</a></p>') == [STORY]
    assert urls(f'<p>READ MORE <a href="{STORY}">{HEADLINE}</a></p>') == [STORY]
    assert urls(f'<p>The Courier, "<a href="{STORY}">{HEADLINE}</a>," May 3, 2024</p>') == [STORY]
    assert urls(f'<ul><li><strong><a href="{STORY}">{HEADLINE}</a></strong>.</li></ul>') == [STORY]


def test_label_prefix_inside_the_link_is_dropped_from_the_text():
    (h,) = found(f'<div><a href="{STORY}">Related: {HEADLINE}</a></div>')
    assert h.text == HEADLINE


def test_nav_menu_links_are_not_headlines():
    body = (
        '<nav><ul><li><a href="/world/">World news and analysis</a></li>'
        '<li><a href="/letters-to-the-editor">Letters to the Editor</a></li></ul></nav>'
        '<div class="main-menu"><a href="/sport/football/premier-league">Premier League football results</a></div>'
        '<div role="navigation"><a href="/business/markets/latest">Markets and the latest figures</a></div>'
        '<ol class="breadcrumbs"><li><a href="/world/europe/western-europe">Western Europe and the Nordics</a></li></ol>'
    )
    assert urls(body) == []


def test_trending_story_bar_inside_site_header_keeps_article_links():
    body = (
        '<header class="site-header"><nav><div class="trending-bar">'
        f'<a href="{STORY}">{HEADLINE}</a><a href="/about/newsroom">About Our Newsroom And Staff</a>'
        "</div></nav></header>"
    )
    assert urls(body) == [STORY]


def test_site_footer_links_are_not_headlines_but_an_article_footer_is_not_the_site_footer():
    footer = f'<footer><a href="{STORY}">{HEADLINE}</a><a href="/legal/terms">Terms and conditions of use</a></footer>'
    assert urls(footer) == []
    in_article = f'<article><p>Text.</p><footer><ul><li><a href="{STORY}">{HEADLINE}</a></li></ul></footer></article>'
    assert urls(in_article) == [STORY]
    in_main = f'<main><div class="article-footer"><a href="{STORY}">{HEADLINE}</a></div></main>'
    assert urls(in_main) == [STORY]


@pytest.mark.parametrize(
    "body",
    [
        f'<div class="share-bar"><a href="{STORY}">Share this story with your friends</a></div>',
        '<div><a href="https://www.facebook.com/sharer/sharer.php?u=x">Council approves new ferry terminal</a></div>',
        '<div><a href="https://twitter.com/intent/tweet?text=Council+approves">Council approves new ferry terminal</a></div>',
        '<div><a href="https://wa.me/?text=Council">Council approves new ferry terminal today</a></div>',
        f'<div class="social-links"><a href="{STORY}">{HEADLINE}</a></div>',
    ],
)
def test_share_buttons_are_not_headlines(body):
    assert urls(body) == []


@pytest.mark.parametrize(
    "body",
    [
        '<div><a href="/author/jane-doe-smith">Jane Doe Smith Senior Correspondent</a></div>',
        f'<div><a rel="author" href="{STORY}">Jane Doe Smith, Senior Correspondent</a></div>',
        f'<div class="byline">By <a href="{STORY}">Jane Doe Smith and John Roe</a></div>',
        '<div><a href="/tag/ferry-services">Ferry services in the region</a></div>',
        '<div><a href="/topics/harbour-development/">Harbour development and planning</a></div>',
        f'<ul class="post-tags"><li><a href="{STORY}">Harbour development and planning</a></li></ul>',
        f'<div id="comments"><a href="{STORY}">Reply from a reader about this story</a></div>',
        f'<div class="ad-slot"><a href="{STORY}">This product will change your morning</a></div>',
        f'<div class="sponsored-content"><a href="{STORY}">Ten reasons to visit the coast this year</a></div>',
        '<div><a href="https://shop.example.com/item-one-two-three?utm_medium=affiliate">Buy the best ferry model kit</a></div>',
        f'<noscript><a href="{STORY}">{HEADLINE}</a></noscript>',
        '<div><a href="https://news.example.com/files/annual-report-2024.pdf">Annual report of the harbour board</a></div>',
        '<div><a href="https://news.example.com/">Front page of the Example News</a></div>',
    ],
)
def test_author_tag_comment_ad_and_file_links_are_not_headlines(body):
    assert urls(body) == []


def test_class_names_with_values_do_not_mark_zones():
    # WordPress-style post classes name the post's tags and categories; they are not tag lists.
    body = f'<article class="post tag-ferries category-world"><aside><a href="{STORY}">{HEADLINE}</a></aside></article>'
    assert urls(body) == [STORY]


def test_site_wide_body_classes_do_not_mark_zones():
    body = f'<div class="content"><a href="{STORY}">{HEADLINE}</a></div>'
    root = lxml.html.document_fromstring(f'<html><body class="has-ads share-tools nav-open">{body}</body></html>')
    assert [h.url for h in find_html_headlines(root, BASE, ())] == [STORY]


def test_heading_inside_a_card_link_gives_the_text():
    body = f'<a href="{STORY}"><img src="x.jpg"><h3>{HEADLINE}</h3><p>A long summary of the story follows here.</p></a>'
    assert [h.text for h in found(body)] == [HEADLINE]


def test_empty_link_text_falls_back_to_title_or_aria_label():
    assert [h.text for h in found(f'<h2><a href="{STORY}" title="{HEADLINE}"><img src="x.jpg"></a></h2>')] == [HEADLINE]
    assert [h.text for h in found(f'<div><a href="{STORY}" aria-label="{HEADLINE}"></a></div>')] == [HEADLINE]


def test_in_body_link_gets_its_section_and_block():
    other = "https://news.example.com/world/2024/05/storm-closes-coastal-road"
    body = (
        f'<article><p>Lead paragraph.</p><p>Related: <a href="{STORY}">{HEADLINE}</a></p></article>'
        f'<aside class="related"><a href="{other}">Storm closes the coastal road for a week</a></aside>'
    )
    text = f"Related: {HEADLINE}"
    sections = (
        Section(None, 0, (Block("paragraph", "Lead paragraph."),)),
        Section(
            "More",
            2,
            (
                Block("heading", "More", level=2),
                Block("paragraph", text, links=(Link(HEADLINE, STORY, 9, len(text)),)),
            ),
        ),
    )
    got = found(body, sections=sections)
    assert [(h.url, h.section, h.block) for h in got] == [(STORY, 1, 1), (other, None, None)]


def test_relative_body_link_urls_match_resolved_headlines():
    body = f'<p>See also: <a href="/world/2024/05/council-approves-new-ferry-terminal">{HEADLINE}</a></p>'
    sections = (Section(None, 0, (Block("paragraph", HEADLINE, links=(Link(HEADLINE, "/world/2024/05/council-approves-new-ferry-terminal", 0, 10),)),)),)
    (h,) = found(body, sections=sections)
    assert (h.url, h.section, h.block) == (STORY, 0, 0)


def test_page_order_is_kept():
    links = [f"https://news.example.com/2024/05/story-number-{i}-today" for i in range(5)]
    body = "".join(f'<div><a href="{u}">Story number {i} has a headline</a></div>' for i, u in enumerate(links))
    assert urls(body) == links


def test_malformed_hrefs_do_not_crash():
    body = '<div><a href="http://[::1">Broken bracket host in this link</a><a href="https://">Empty host link with some words</a></div>'
    assert urls(body) == []


@pytest.mark.parametrize(
    "text",
    ["See our fact-checks of the president", "Update your preferences for email", "Tell us what you think of it",
     "Join our community of readers today", "Visit our corporate site for details"],
)
def test_calls_to_action_are_not_headlines(text):
    assert urls(f'<div><a href="{STORY}">{text}</a></div>') == []


def test_a_blurb_of_several_sentences_is_not_a_headline():
    blurb = "Something is different, right? Welcome to our new page. Tell us what you think"
    assert urls(f'<div><a href="{STORY}">{blurb}</a></div>') == []
    two_sentences = "Property taxes are on the rise. These maps show where and how much"
    assert urls(f'<div><a href="{STORY}">{two_sentences}</a></div>') == [STORY]
    assert urls(f'<div><a href="{STORY}">Lt. Col. Smith: \'I will be fine for telling the truth\'</a></div>') == [STORY]


def test_a_url_that_names_no_article_needs_a_long_headline():
    assert urls('<div><a href="/smart-news/">SmartNews keeping you current</a></div>') == []
    assert urls('<div><a href="/issue/november">View Table of Contents</a></div>') == []
    assert urls('<div><a href="/burn-calories-brain.html">How Many Calories Can the Brain Burn by Thinking?</a></div>') == [
        "https://news.example.com/burn-calories-brain.html"
    ]


@pytest.mark.parametrize(
    "href",
    ["/2019/11/18/short", "/news/world-11047811", "/a/council-approves-new-ferry", "/?article=council-approves-new-ferry-terminal"],
)
def test_article_like_urls_allow_three_word_headlines(href):
    assert len(urls(f'<div><a href="{href}">Ferry terminal approved</a></div>')) == 1


def test_menu_teasers_are_navigation_even_with_a_heading_but_a_previous_post_link_passes():
    menu = f'<nav class="primary-nav"><div class="sub-menu"><h6 class="headline"><a href="{STORY}">Featured: {HEADLINE}</a></h6></div></nav>'
    assert urls(menu) == []
    prev = f'<div><a class="post-nav post-prev" href="{STORY}">{HEADLINE}</a></div>'
    assert urls(prev) == [STORY]
    menu_item = f'<nav class="primary-nav"><ul class="menu"><li><a href="{STORY}">{HEADLINE}</a></li></ul></nav>'
    assert urls(menu_item) == []


def test_a_latest_stories_column_inside_a_menu_item_is_still_the_menu():
    mega = (f'<header><nav><ul class="site-nav"><li class="site-nav__item">News<ul class="site-nav__section--latest">'
            f'<li><a href="{STORY}">{HEADLINE}</a></li></ul></li></ul></nav></header>')
    assert urls(mega) == []


def story(n: int) -> str:
    return f"https://news.example.com/world/2024/05/another-story-number-{n}-on-the-site"


def rail(first: int, count: int, box: str = "component") -> str:
    """A box of teaser cards, with the class `box`."""
    cards = "".join(f'<article class="item"><a href="{story(n)}"><h4>Another story number {n} on the site</h4></a></article>'
                    for n in range(first, first + count))
    return f'<section class="{box}">{cards}</section>'


def test_a_related_carousel_of_any_length_is_kept_whole():
    related = f'<aside class="related"><ul><li><a href="{STORY}">{HEADLINE}</a></li></ul></aside>'
    assert len(urls(related + rail(0, 5))) == 6
    assert len(urls(related + rail(0, 60, "filmstrip"))) == 61  # how many says nothing by itself


def test_section_rails_the_site_marks_as_not_content_are_navigation_but_a_story_box_there_is_not():
    rails = f'<div class="col-12 nocontent">{rail(0, 5)}{rail(5, 5)}</div>'
    assert urls(rails) == []
    latest = f'<div class="col-12 nocontent">{rail(0, 5)}{rail(5, 3, "component latest-photos")}</div>'
    assert urls(latest) == [story(n) for n in range(5, 8)]
    assert len(urls(f'<div class="content">{rail(0, 5)}</div>')) == 5  # a word that only contains it


def test_hover_card_links_after_other_links_are_not_inline():
    body = (
        '<p>He threatened Rep. <span class="card"><a href="/people/jane-roe">Jane Roe</a>'
        f'<a href="{STORY}">{HEADLINE}</a> </span> and was charged.</p>'
    )
    assert urls(body) == [STORY]


def test_syndicated_copy_resolves_relative_links_against_its_own_og_url():
    head = '<meta property="og:url" content="https://portal.example.net/news/copy-of-the-story/ar-ABC123">'
    body = '<div class="related"><a href="/news/other-story-about-the-ferry/ar-XYZ789">Another story about the ferry line</a></div>'
    got = urls(body, base="https://publisher.example.org/2024/05/original-story", head=head)
    assert got == ["https://portal.example.net/news/other-story-about-the-ferry/ar-XYZ789"]
    # the copy's own address is the page itself, never a headline
    self_link = f'<div><a href="https://portal.example.net/news/copy-of-the-story/ar-ABC123">{HEADLINE}</a></div>'
    assert urls(self_link, base="https://publisher.example.org/2024/05/original-story", head=head) == []


def test_og_url_on_the_same_host_does_not_change_resolution():
    head = '<meta property="og:url" content="https://news.example.com/">'
    assert urls(f'<div><a href="ferry-story-today-in-port">{HEADLINE}</a></div>', head=head) == [
        "https://news.example.com/world/2024/05/ferry-story-today-in-port"
    ]


def test_body_link_resolved_against_another_host_still_gets_its_position():
    head = '<meta property="og:url" content="https://portal.example.net/news/copy/ar-ABC123">'
    body = f'<p>Related: <a href="/news/ferry/ar-XYZ789">{HEADLINE}</a></p>'
    # the loader resolved the body link against the canonical (publisher) URL
    link = Link(HEADLINE, "https://publisher.example.org/news/ferry/ar-XYZ789", 9, 9 + len(HEADLINE))
    sections = (Section(None, 0, (Block("paragraph", f"Related: {HEADLINE}", links=(link,)),)),)
    got = found(body, base="https://publisher.example.org/2024/05/original", sections=sections, head=head)
    assert [(h.url, h.section, h.block) for h in got] == [("https://portal.example.net/news/ferry/ar-XYZ789", 0, 0)]


def test_rel_bookmark_is_a_permalink_not_a_reason_to_drop():
    assert urls(f'<div class="tile"><h2><a rel="bookmark" href="{STORY}">{HEADLINE}</a></h2></div>') == [STORY]


def test_newsletter_pitch_is_not_a_headline_even_on_a_long_text():
    pitch = "Stay on top of the latest film news! Sign up for our Email Newsletters here"
    assert urls(f'<div><a href="/email">{pitch}</a></div>') == []
    assert urls(f'<div><a href="{STORY}">{pitch}</a></div>') == []


def test_compound_menu_class_names_mark_navigation():
    assert urls('<div class="b-mainnav__list"><a href="/radio_loud_and_clear/">Loud &amp; Clear Radio</a></div>') == []
    assert urls('<ul class="topmenu"><li><a href="/shows/the-critical-hour-daily">The Critical Hour Daily</a></li></ul>') == []


def test_title_element_inside_a_teaser_link_gives_the_text():
    body = (
        f'<a href="{STORY}"><strong class="promo-story__title">{HEADLINE}</strong>'
        '<p class="promo-story__summary">Officials say the work starts in spring.</p><div class="date">20 November 2019</div></a>'
    )
    assert [h.text for h in found(body)] == [HEADLINE]
    camel = f'<a href="{STORY}"><span class="cardTitle">{HEADLINE}</span><span class="cardMeta">3 min read</span></a>'
    assert [h.text for h in found(camel)] == [HEADLINE]


@pytest.mark.parametrize(
    "text",
    [f"{HEADLINE} 22 August 2019", f"{HEADLINE} | Nov. 3, 2019", f"Wednesday November 20, 2019 {HEADLINE}",
     f"{HEADLINE} 2 hours ago", f"Next post: {HEADLINE}", f"Previous Post:{HEADLINE}", f"{HEADLINE} (3:05)"],
)
def test_dates_durations_and_post_navigation_labels_leave_the_text(text):
    assert [h.text for h in found(f'<div><a href="{STORY}">{text}</a></div>')] == [HEADLINE]


def test_video_platform_links_are_not_headlines():
    assert urls('<div><a href="https://www.youtube.com/watch?v=abc123">How to service brake calipers at home</a></div>') == []
    assert urls('<div><a href="https://youtu.be/abc123">How to service brake calipers at home</a></div>') == []


def test_shortened_links_are_not_headlines():
    assert urls('<div><a href="https://amzn.to/2qsIAU3">RAVPower 61W USB-C PD GaN Wall Charger</a></div>') == []


def test_a_news_page_lists_its_related_box_not_its_menus_and_section_rails():
    """The CBS page of the AEB corpus: a mega-menu of teasers, twelve section rails (in blocks the site
    marks `nocontent`) and one related box."""
    from tests.conftest import shared_or_skip
    from tui_reader.core import load_article

    def path_of(url: str) -> str:
        return urlsplit(url).path.rstrip("/")

    path = shared_or_skip("corpus", "aeb", "html", "7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03.html")
    article = load_article(path)
    root = lxml.html.document_fromstring(path.read_bytes())

    def links(xpath: str) -> set[str]:
        return {path_of(a.get("href")) for a in root.xpath(xpath + "//a[@href]")}

    related = links('//li[contains(@class, "recirc_item")]')
    menus = links("//header")
    listed = {path_of(h.url) for h in article.headlines}
    own = path_of(article.metadata.url)
    assert len(related) == 5 and own in related  # the box lists the page itself among its four neighbours
    assert related - {own} <= listed and own not in listed
    assert not (listed & menus) - related
    rails = links('//section[starts-with(@id, "component-topic-")]') - links('//section[contains(@id, "latest")]')
    assert len(rails - related) > 30 and not (listed & rails) - related  # a "latest photos" box may repeat a rail's


def test_a_link_to_the_page_itself_with_a_query_added_is_not_a_headline():
    # QA (medium-3): the post's date linked to the post with "?source=post_page" was listed as a headline
    again = f"{BASE}?source=post_page-----d146a92473a1"
    assert urls(f'<aside class="related"><a href="{again}">{HEADLINE}</a><a href="{STORY}?ref=rel">{HEADLINE} today</a></aside>') == [
        f"{STORY}?ref=rel"]
    # a page whose own address has a query is another page with another query
    own = "https://news.example.com/story.php?id=12"
    assert urls(f'<aside class="related"><a href="https://news.example.com/story.php?id=13">{HEADLINE}</a></aside>',
                base=own) == ["https://news.example.com/story.php?id=13"]


def test_a_link_to_another_page_that_differs_by_its_query_is_a_headline():
    # reviewer: a site's articles told apart by their query ("/?p=4512") under a page whose address has none
    assert urls('<aside class="related"><a href="https://news.example.com/?p=4512">Council approves new ferry terminal after '
                'debate</a></aside>', base="https://news.example.com/") == ["https://news.example.com/?p=4512"]


def test_a_headline_that_is_a_date_links_to_its_story():
    assert urls(f'<aside class="related"><a href="{STORY}">September 11, 2001</a></aside>') == [STORY]


def test_links_in_a_pictures_credit_are_not_headlines():
    # QA (quanta-1): the Flickr page of a photo credit ("Mathematical Association of America") was the article's
    # only headline
    credit = ('<div class="attribution"><p><a href="https://www.flickr.com/photos/maaorg/5506846117">'
              'Mathematical Association of America</a>, MIT Museum</p></div>')
    assert urls(credit + f'<aside class="related"><a href="{STORY}">{HEADLINE}</a></aside>') == [STORY]
    assert urls(f'<figure><img src="a.jpg"><span class="photo-credit"><a href="{STORY}">{HEADLINE}</a></span></figure>') == []
    # reviewer: a box of stories in a "credit" topic, or teaser cards that also show a credit, keep their headlines
    box = "".join(f'<li><a href="{STORY}-{n}">{HEADLINE} number {n}</a></li>' for n in range(3))
    assert len(urls(f'<aside class="related-stories topic-credit"><ul>{box}</ul></aside>')) == 3
    card = f'<div class="card has-credit"><h3><a href="{STORY}">{HEADLINE}</a></h3><span>Photo: AP</span></div>'
    assert urls(card) == [STORY]
