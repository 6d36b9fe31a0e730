"""core.urls: URL handling that never raises, and one key for "the same page"."""

from __future__ import annotations

import pytest

from tui_reader.core import urls

MALFORMED = ["http://[x", "http://[::1x]/", "http://host:99999/", "http://host:port/", "https://[/]"]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_urls_never_raise(url):
    assert urls.split(url) is None
    assert urls.host(url) == "" and urls.site_key(url) == "" and urls.scheme(url) == ""
    assert urls.web_url(url) is None
    assert urls.join("https://example.org/a/", url) is None
    assert urls.join(url, "b/c") is None
    assert urls.page_key(url) == url  # its own key: equal only to itself


def test_same_page_keys():
    key = urls.page_key("https://www.Example.org/news/story/?utm_source=x&id=7&ref=home#top")
    assert key == "example.org/news/story?id=7"
    for same in ("http://example.org/news/story?id=7", "https://example.org:443/news/story/?id=7&fbclid=1",
                 "https://user@www.example.org/news/story?id=7"):
        assert urls.page_key(same) == key
    for other in ("https://example.org/news/story?id=8", "https://example.org/news/other?id=7",
                  "https://example.org:8080/news/story?id=7", "https://example.com/news/story?id=7"):
        assert urls.page_key(other) != key
    assert urls.page_key(None) == "" and urls.page_key("") == ""


def test_web_urls():
    base = "https://example.org/news/a.html"
    assert urls.web_url("/b.html", base) == "https://example.org/b.html"
    assert urls.web_url("//cdn.example.org/x", base) == "https://cdn.example.org/x"
    assert urls.web_url("HTTPS://Example.org/x") == "HTTPS://Example.org/x"
    for not_web in ("#top", "javascript:void(0)", "mailto:a@b.c", "tel:123", "", None, "ftp://example.org/x"):
        assert urls.web_url(not_web, base) is None
    assert urls.web_url("/b.html") is None  # relative, and nothing to resolve it against


def test_host_and_site_key():
    assert urls.host("https://www.Example.org:8080/x") == "example.org"
    assert urls.site_key("https://www.Example.org:8080/x") == "example.org:8080"
    assert urls.site_key("https://www.example.org:443/x") == "example.org"


def test_a_looser_key_without_the_query():
    assert urls.page_key("http://www.example.org/news/bridge?utm=x", query=False) == "example.org/news/bridge"
    assert urls.page_key("https://example.org/news/bridge/", query=False) == "example.org/news/bridge"
