"""Tokens: words, punctuation, masked quotations, abbreviations, possessives, name keys."""

from __future__ import annotations

import subprocess
import sys

from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers import LANGUAGES, MASK
from tui_reader.core.attribution.speakers.tokens import (
    adverb,
    name_key,
    possessive,
    sentence_start,
    strip_possessive,
    tokenize,
    unelide,
)


def test_a_masked_quotation_is_one_token():
    text = f"{MASK * 12}, Mr. Smith said."
    toks = tokenize(text)
    assert [(t.kind, t.text) for t in toks] == [
        ("q", MASK * 12), ("p", ","), ("w", "Mr."), ("w", "Smith"), ("w", "said"), ("p", ".")]
    assert toks[0].start == 0 and toks[0].end == 12


def test_abbreviations_and_initials_keep_their_dot():
    toks = tokenize("Dr. J. Smith of Acme Inc. spoke. Then U.S. officials left.")
    words = [t.text for t in toks if t.kind == "w"]
    assert words[:3] == ["Dr.", "J.", "Smith"] and "Inc." in words and "U.S." in words
    assert [t.text for t in toks if t.kind == "p"] == [".", "."]  # only the sentence ends


def test_possessives_and_elision():
    (tok,) = tokenize("NATO's")
    assert possessive(tok) and strip_possessive(tok.text) == "NATO"
    assert unelide("l'économiste") == "économiste"


def test_sentence_start_skips_opening_marks():
    toks = tokenize('He left. "Then she came.')
    then = next(k for k, t in enumerate(toks) if t.text == "Then")
    assert sentence_start(toks, 0) and sentence_start(toks, then)
    assert not sentence_start(toks, 1)


def test_adverbs_and_auxiliaries():
    en = LANGUAGES["en"]
    assert adverb("quickly", en) and adverb("has", en)
    assert not adverb("family", en) and not adverb("smith", en)


def test_name_key_ignores_case_and_generational_suffixes():
    assert name_key(("Joseph", "Kennedy", "Jr.")) == ("joseph", "kennedy")
    assert name_key(("Jr.",)) == ("jr",)


def test_generational_suffixes_and_particles_come_from_the_one_names_module():
    from tui_reader.core import names
    from tui_reader.core.attribution.speakers import chains, tokens

    assert tokens.SUFFIXES is names.SUFFIXES and chains.PARTICLES is names.PARTICLES
    assert name_key(("Henry", "V")) == ("henry",)  # a suffix of names.SUFFIXES


def test_attribution_does_not_load_the_name_parser():
    # the quote finder runs on the reader's first paint; nameparser takes ~70 ms to import
    code = ("import sys; import tui_reader.core.attribution.quotes; "
            "sys.exit(1 if 'nameparser' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


def test_a_dot_before_a_comma_or_a_lowercase_word_ends_no_sentence():
    words = [t.text for t in tokenize("Rep. Jo Al, D-Minn., said on Nov. 6 that Polygraph.info was wrong. Then")]
    assert words == ["Rep.", "Jo", "Al", ",", "D-Minn.", ",", "said", "on", "Nov.", "6", "that", "Polygraph.info",
                     "was", "wrong", ".", "Then"]


def test_a_dot_before_a_closing_parenthesis_ends_no_sentence():
    words = [t.text for t in tokenize("Rep. Jo Al (R-Wisc.) spoke when introducing Pence. Then")]
    assert words[:8] == ["Rep.", "Jo", "Al", "(", "R-Wisc.", ")", "spoke", "when"]
    assert [t.text for t in tokenize("He won (as expected). Then")][-3:] == [")", ".", "Then"]


def test_an_accented_letter_read_in_the_wrong_encoding_stays_inside_its_word():
    # "Hernán Peñalba" saved as UTF-8 read as Latin-1, once and twice
    for text in ("Hern\u00c3\u00a1n Pe\u00c3\u00b1alba said", "Hern\u00c3\u0083\u00c2\u00a1n Pe\u00c3\u0083\u00c2\u00b1alba said"):
        words = [t.text for t in tokenize(text)]
        assert len(words) == 3 and words[0].startswith("Hern") and words[1].endswith("alba")
    # a real inverted exclamation mark still opens a sentence of its own
    assert [t.text for t in tokenize("Dijo: ¡Basta!")] == ["Dijo", ":", "¡", "Basta", "!"]


def test_a_no_break_space_read_in_the_wrong_encoding_is_a_space():
    # "Â" and U+00A0 (the NBSP may have become a plain space since); a real "Â" stays a letter
    for text in ("Sarukh\u00c3\u00a1n\u00c2\u00a0said it", "Sarukh\u00c3\u00a1n\u00c2 said it"):
        toks = tokenize(text)
        assert [t.text for t in toks] == ["Sarukh\u00c3\u00a1n", "said", "it"]
        assert toks[1].start - toks[0].end == 1  # as close as with one space: "TomÂ Brandt" is one name
    assert [t.text for t in tokenize("C\u00c2TEAU \u00c2ge")] == ["C\u00c2TEAU", "\u00c2ge"]


def test_a_name_before_a_no_break_space_read_in_the_wrong_encoding_is_the_person_s():
    got = speakers("The mayor, Arturo Sarukh\u00c3\u00a1n, met Governor Tom\u00c2\u00a0Brandt on Monday.",
                   '"We will not raise taxes," said Tom\u00c2\u00a0Brandt.',
                   '"It is done," Sarukh\u00c3\u00a1n\u00c2\u00a0said.')
    assert got == ["Tom Brandt", "Arturo Sarukh\u00c3\u00a1n"]
