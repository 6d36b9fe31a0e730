"""Lexicons: verb forms, one lexicon per language, all merged for an unknown language."""

from __future__ import annotations

import pytest

from tui_reader.core.attribution.speakers import LANGUAGES, MERGED, Lexicon, lexicon_for
from tui_reader.core.attribution.speakers.lexicon import inflect, merge


def test_inflect_regular_and_listed_forms():
    assert inflect("add") == {"add", "adds", "added", "adding"}
    assert inflect("note") == {"note", "notes", "noted", "noting"}
    assert inflect("deny") == {"deny", "denies", "denied", "denying"}
    assert inflect("stress") == {"stress", "stresses", "stressed", "stressing"}
    assert inflect("say=said,says") == {"say", "said", "says"}


@pytest.mark.parametrize("code, verb", [("en", "said"), ("de", "sagte"), ("fr", "déclaré"), ("es", "dijo"),
                                        ("ru", "заявил")])
def test_each_language_has_its_own_words(code, verb):
    assert verb in LANGUAGES[code].verbs
    others = [lx for c, lx in LANGUAGES.items() if c != code]
    assert not any(verb in lx.verbs for lx in others)


@pytest.mark.parametrize("tag, code", [("en", "en"), ("en-GB", "en"), ("DE_at", "de"), (" fr ", "fr")])
def test_lexicon_for_a_language_tag(tag, code):
    assert lexicon_for(tag) is LANGUAGES[code]


@pytest.mark.parametrize("tag", [None, "", "xx", "it"])
def test_unknown_language_reads_every_lexicon(tag):
    lex = lexicon_for(tag)
    assert lex is MERGED
    assert all(lx.verbs <= lex.verbs for lx in LANGUAGES.values())


def test_merge_keeps_the_first_language_on_a_clash():
    a = Lexicon(verbs=frozenset({"x"}), pronouns={"il": "m"}, according=(("per",),))
    b = Lexicon(verbs=frozenset({"y"}), pronouns={"il": "f", "ella": "f"}, according=(("segun",),))
    m = merge([a, b])
    assert m.verbs == {"x", "y"}
    assert m.pronouns == {"il": "m", "ella": "f"}
    assert m.according == (("per",), ("segun",))


def test_multi_word_cues_are_indexed_by_their_first_word():
    en = LANGUAGES["en"]
    assert (("according", "to"), True) in en.cues_by_first["according"]
    assert (("pointed", "out"), False) in en.cues_by_first["pointed"]
