"""The note at the top of saved files: written by save/import, read by the loader."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime

from tui_reader.core import load_article
from tui_reader.core.ingest.header import read_note, with_note

SAVED = datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC)


def test_singlefile_note_is_read_too():
    text = ("<!--\n Page saved with SingleFile \n url: https://example.org/story \n"
            " saved date: Sat Feb 25 2023 10:08:03 GMT+0100 (Central European Standard Time)\n-->\n<html></html>")
    note = read_note(text)
    assert note.url == "https://example.org/story"
    assert note.accessed == "2023-02-25"


def test_utf16_page_keeps_its_byte_order_mark_first(tmp_path):
    body = codecs.BOM_UTF16_LE + "<html><head><title>Été</title></head><body><p>Un texte d’été assez long.</p></body></html>".encode("utf-16-le")
    path = tmp_path / "a.html"
    path.write_bytes(with_note(body, "html", "https://example.org/ete", SAVED))
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    article = load_article(path)
    assert article.metadata.url == "https://example.org/ete"
    assert article.metadata.accessed == "2024-02-03"
    assert "Un texte d’été assez long." in article.text


def test_front_matter_already_there_gets_the_note_keys(tmp_path):
    body = b"---\ntitle: Kept Title\nurl: https://old.example/x\n---\n\nBody text of the note test.\n"
    path = tmp_path / "a.md"
    path.write_bytes(with_note(body, "markdown", "https://new.example/y", SAVED, tags=["a", "b"]))
    article = load_article(path)
    assert article.metadata.title == "Kept Title"
    # QA: the page's own address stays its `url` and is cited (as an HTML page's canonical address is); where
    # it was saved from is `saved_from`, the note's address
    assert article.metadata.url == "https://old.example/x"
    assert article.tags == ("a", "b")
    text = path.read_text()
    assert "url: https://old.example/x" in text and "saved_from: https://new.example/y" in text
    from tui_reader.core.ingest.write import read_file_note

    assert read_file_note(path).url == "https://new.example/y"
    # the page's tags are kept beside the ones given, a block list too
    listed = b"---\ntitle: T\ntags:\n  - alpha\n  - beta\nauthor: Ann Lee\n---\n\nBody text of the note test.\n"
    path.write_bytes(with_note(listed, "markdown", "https://new.example/y", SAVED, tags=["a"]))
    again = load_article(path)
    assert again.tags == ("alpha", "beta", "a") and [a.name for a in again.metadata.authors] == ["Ann Lee"]


def test_front_matter_values_are_read_back_as_written():
    # the front matter reader now reads YAML's escapes: what save writes must come back the same
    from tui_reader.core.extract.markdown import _unquote
    from tui_reader.core.ingest.header import yaml_text

    for value in ("plain", "with space", 'say "hi"', 'it\'s "x"', "back\\slash\\t", "c++ & 50%"):
        assert _unquote(yaml_text(value)) == value
