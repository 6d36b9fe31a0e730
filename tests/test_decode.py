"""Decoding and format detection: by content, never crashing on bytes."""

import codecs

import pytest

from tui_reader.core.extract.decode import decode, detect_format

RUSSIAN = "Паром через Волгу снова пойдёт по расписанию. «Мы выполнили обещание», — сказал глава района."


def test_bom_wins():
    text, enc = decode(codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le"))
    assert text == "Grüße"


def test_meta_charset_of_html():
    data = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>café</body></html>'.encode("latin-1")
    text, _ = decode(data)
    assert "café" in text


def test_meta_charset_short_form():
    data = '<!doctype html><meta charset="windows-1251"><p>Привет, мир</p>'.encode("cp1251")
    assert "Привет, мир" in decode(data)[0]


def test_cp1251_text_without_declaration():
    text, enc = decode(RUSSIAN.encode("cp1251"))
    assert text == RUSSIAN


def test_latin1_text_without_declaration():
    sample = "Le café de la gare a fermé ses portes après quarante ans. « C'était notre deuxième maison », a dit Hélène."
    assert decode(sample.encode("latin-1"))[0] == sample


def test_wrong_declaration_falls_back():
    data = '<html><head><meta charset="utf-8"></head><body>Ärger</body></html>'.encode("cp1252")
    text, _ = decode(data)
    assert "\ufffd" not in text or "rger" in text


def test_undecodable_bytes_do_not_raise():
    text, _ = decode(b"abc \xff\xfe\xfd def" * 3)
    assert "abc" in text


@pytest.mark.parametrize(
    "text,suffix,expected",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", ".txt", "html"),
        ("<html><body>x</body></html>", "", "html"),
        ("---\ntitle: A\n---\n\nBody text.", ".txt", "markdown"),
        ("# Title\n\nSome [link](https://e.com) and [more](https://e.com/2).\n\n- item\n", "", "markdown"),
        ("Plain title line\n\nA paragraph of text. Another sentence.", ".md", "markdown"),
        ("Plain title line\n\nA paragraph with <b>angle</b> brackets in text.", ".txt", "text"),
        ("A Title\n\nParagraph one.\n\nParagraph two.", ".html", "text"),
        # a large inline style before the first tag, on a page with any name
        ("<style>" + "p { margin: 0 }\n" * 2000 + "</style>\n<div><p>x</p></div>", "", "html"),
        # server warnings printed before the page
        ("Warning: include(header.php): failed to open stream in /var/www/a.php on line 3\n"
         "Notice: Undefined index: id in /var/www/a.php on line 9\n<!DOCTYPE html><html><body><p>x</p>",
         ".txt", "html"),
        # an HTML document quoted in a Markdown code block stays Markdown
        ("Intro\n\n```html\n<!DOCTYPE html>\n<html></html>\n```\n", ".md", "markdown"),
    ],
)
def test_detect_format(text, suffix, expected):
    assert detect_format(text, suffix) == expected


@pytest.mark.parametrize(
    "sample,encoding",
    [
        ("Grüße aus München, sagte Jürgen Weiß über die Straße.", "latin-1"),
        ("Zażółć gęślą jaźń, powiedział prezydent Łukasz Wiśniewski w środę w Warszawie.", "cp1250"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr.", "cp1250"),
        (RUSSIAN, "cp1251"),
    ],
)
def test_single_byte_code_pages(sample, encoding):
    assert decode(sample.encode(encoding))[0] == sample


def test_utf8_page_with_a_few_bad_bytes_is_not_mojibake():
    body = "Grüße aus Köln, sagte Jürgen. Café, crème brûlée et Noël à Besançon. " * 20
    data = ("<html><head><meta charset='utf-8'></head><body><p>" + body + "</p>").encode("utf-8")
    data = data.replace("Noël".encode(), b"No\xebl", 1) + b"\x93end\x94</p>"  # three windows-1252 bytes
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert "Grüße aus Köln" in text and "Ã" not in text
    assert text.count("\ufffd") == 3


def test_nfc_normalisation_of_decomposed_letters(tmp_path):
    from tui_reader.core.extract.decode import read_article

    path = tmp_path / "a.txt"
    path.write_text("Cafe\u0301 and Zu\u0308rich.\n\nMore text here.", encoding="utf-8")
    assert "Café and Zürich." in read_article(path).text


def test_declared_utf8_with_as_many_bad_bytes_as_accented_letters_stays_utf8():
    body = ("The council met on Tuesday. " * 40 + "Café and crème and naïve. ").encode()
    data = b"<html><head><meta charset='utf-8'></head><body><p>" + body + b"\x93quoted\x94 and \x96 dash</p>"
    text, encoding = decode(data)
    assert encoding == "utf-8" and "Café and crème and naïve." in text and text.count("\ufffd") == 3


def test_a_single_byte_page_declared_utf8_is_still_read_in_its_code_page():
    body = ("The council met. " * 40 + "Café naïve “quoted”").encode("cp1252")
    text, encoding = decode(b"<html><head><meta charset='utf-8'></head><body><p>" + body + b"</p>")
    assert encoding == "cp1252" and "Café naïve “quoted”" in text


def test_valid_utf8_declared_latin1_is_utf8():
    body = ("The council met on Tuesday. " * 40 + "Café and crème and naïve.").encode()
    text, encoding = decode(b"<html><head><meta charset='iso-8859-1'></head><body><p>" + body + b"</p>")
    assert encoding == "utf-8" and "Café and crème and naïve." in text and "Ã" not in text


@pytest.mark.parametrize("text", [
    "Notice: a server warning\n<style>" + "p { margin: 0 }\n" * 3000 + "</style>\n<!DOCTYPE html><html><body><p>x</p>",
    "<section><h2>Harbour</h2><p>The council met on Tuesday.</p></section>",
    "<table><tr><td>The council met on Tuesday.</td></tr></table>",
])
def test_pages_and_fragments_are_html_whatever_their_name(text):
    assert [detect_format(text, suffix) for suffix in (".html", ".txt", "")] == ["html"] * 3


def test_a_text_mentioning_a_tag_far_down_stays_text():
    assert detect_format("My notes\n" * 3 + "word " * 5000 + "and the <html> tag", ".txt") == "text"


def test_a_text_file_with_numbered_and_dashed_lists_stays_text():
    # QA: a page copied as text lists its most-read headlines "1. ...", "2. ...": read as Markdown, the scrape's
    # cleaning never ran
    from tui_reader.core.extract.decode import detect_format

    listed = "Most read\n" + "".join(f"{n}. Headline number {n} of the day\n" for n in range(1, 12)) + "- one\n- two\n"
    assert detect_format(listed, ".txt") == "text"
    assert detect_format(listed, "") == "markdown"
    assert detect_format("# Title\n\n## Part\n\n[a](https://a.example) [b](https://b.example) [c](/c)\n", ".txt") == "markdown"


def test_a_socket_or_a_symbolic_link_loop_is_named_for_what_it_is(tmp_path, capsys):
    # QA: a socket was reported as "No such device or address", a link loop as "no such file"
    import socket

    from tui_reader.cli import main

    sock = tmp_path / "sock.html"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock))
        loop = tmp_path / "loop.html"
        loop.symlink_to(loop.name)
        assert main(["extract", str(sock), str(loop)]) == 1
        err = capsys.readouterr().err
        assert f"{sock}: not an article file: a socket" in err
        assert f"{loop}: a loop of symbolic links" in err
        assert main([str(loop)]) == 2
        assert "a symbolic link to no file" in capsys.readouterr().err
    finally:
        server.close()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_byte_order_mark_is_read(tmp_path, encoding):
    # QA: UTF-16 text without a BOM (a Windows tool's "Unicode" text) was refused as "a binary file"
    from tui_reader.core import ArticleError, load_article

    text = ("Паром через Волгу снова пойдёт\n\nПаром через Волгу у Красного Яра снова пойдёт по расписанию с первого "
            "июня, сообщили в администрации района.\n")
    path = tmp_path / "ferry.txt"
    path.write_bytes(text.encode(encoding))
    article = load_article(path)
    assert article.title == "Паром через Волгу снова пойдёт" and "по расписанию" in article.text
    # bytes with zeros here and there are still no text
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError):
        load_article(noise)
