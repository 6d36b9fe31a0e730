"""The page's <meta> tags, read once per page."""

from __future__ import annotations

from lxml import html

from tui_reader.core.extract.meta_tags import first_meta, meta_values

PAGE = """<html><head>
<meta property="og:title" content="  Shared  title ">
<meta name="author" content="Ann Lee">
<meta property="article:author og:author" content="Bo Chan">
<meta name="AUTHOR" content="Cy Dahl">
<meta name="description" content="">
<meta itemprop="datePublished" content="2024-05-01">
</head><body><p>x</p></body></html>"""


def test_first_meta_takes_the_first_name_that_has_a_value_in_the_order_asked():
    root = html.fromstring(PAGE)
    assert first_meta(root, "twitter:title", "og:title") == "Shared title"
    assert first_meta(root, "description", "datepublished") == "2024-05-01"  # an empty content is none
    assert first_meta(root, "og:description") is None


def test_meta_values_keep_page_order_and_count_a_tag_with_two_names_once():
    root = html.fromstring(PAGE)
    assert meta_values(root, "og:author", "author", "article:author") == ["Ann Lee", "Bo Chan", "Cy Dahl"]


def test_each_page_is_read_from_its_own_tags():
    first, second = html.fromstring(PAGE), html.fromstring(PAGE.replace("Ann Lee", "Di Eze"))
    assert meta_values(first, "author") == ["Ann Lee", "Cy Dahl"]
    assert meta_values(second, "author") == ["Di Eze", "Cy Dahl"]
    assert meta_values(first, "author") == ["Ann Lee", "Cy Dahl"]
