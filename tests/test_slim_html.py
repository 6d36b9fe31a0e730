"""slim_html: what can never be article text goes before the page is parsed; the article stays."""

from __future__ import annotations

from tui_reader.core.extract.html_body import slim_html

LONG = "A" * 300


def test_scripts_styles_and_comments_go_but_metadata_and_the_saved_from_note_stay():
    page = ("<!-- saved from url=(0030)https://example.org/story -->"
            "<html><head><SCRIPT type='text/javascript'>var a = '<p>no</p>';</Script >"
            "<script type='application/ld+json'>{\"headline\": \"Kept\"}</script>"
            "<Style>p { color: red }</STYLE><style media=print>.x{}</style ></head>"
            "<body><!-- a note --><p>The article.</p></body></html>")
    slim = slim_html(page)
    assert "saved from url" in slim and '"headline": "Kept"' in slim
    assert "var a" not in slim and "color: red" not in slim and ".x{}" not in slim and "a note" not in slim
    assert "<p>The article.</p>" in slim


def test_long_data_uris_go_whatever_their_case_and_the_quote_before_them_stays():
    page = (f"<img src=\"data:image/png;base64,{LONG}\"><img src='DATA:image/png;base64,{LONG}'>"
            f"<div style=\"background: url(Data:image/gif;base64,{LONG})\">Text</div>"
            f"<img src=\"data:image/png;base64,short\"><p>See metadata:{LONG}</p>")
    slim = slim_html(page)
    assert "<img src=\"\">" in slim and "<img src=''>" in slim and "url()" in slim
    assert "base64,short" in slim  # short ones are no weight
    assert f"metadata:{LONG}" in slim  # not after a quote or parenthesis: article text


def test_an_unclosed_script_keeps_what_follows_it():
    page = "<script>a()</script><p>One.</p><script>never closed <p>Two.</p>"
    assert slim_html(page) == "<p>One.</p><script>never closed <p>Two.</p>"
