"""Quotations without quotation marks: embedded posts and introduced block quotes."""

from __future__ import annotations

import pytest

from tui_reader.core import Block, Section
from tui_reader.core.attribution.quotes import find_quotes
from tui_reader.core.attribution.unmarked import signed_by


def quotes(*blocks: tuple[str, str]) -> list[tuple[str, str | None]]:
    secs = (Section(None, 0, tuple(Block(kind, text) for kind, text in blocks)),)
    return [(q.text, q.speaker) for q in find_quotes(secs, "en")]


@pytest.mark.parametrize(
    "line, name",
    [
        ("— Ann Kowalski (@annkow) November 3, 2019", "Ann Kowalski"),
        ("— Governor Ann Kowalski (@govkowalski) November 18, 2019", "Ann Kowalski"),
        ("- Rep. Ann Kowalski (@RepKowalski) May 2, 2021", "Ann Kowalski"),
        ("— The Riverside Council (@RiversideCncl) October 9, 2018", "Riverside Council"),
        ("— Ann E. Kowalski 🌊 (@annkow) November 3, 2019", "Ann E. Kowalski"),
        ("— a tall glass of water 🎄 (@tallglass) November 19, 2019", ""),  # a display name, nobody's name
        ("— Ann Kowalski, our reporter", None),  # no handle: no post
        ("— Ann Kowalski (@annkow) said it twice", None),  # no date: no post
    ],
)
def test_the_signature_of_an_embedded_post(line, name):
    assert signed_by(line) == name


def test_an_embedded_post_is_a_quotation_of_whoever_signs_it():
    got = quotes(
        ("paragraph", "The mayor turned to social media on Sunday."),
        ("blockquote", "The river is rising faster than any of us expected.\nStay away from the banks tonight."),
        ("blockquote", "— Ann Kowalski (@annkow) November 3, 2019"),
        ("paragraph", "Residents were evacuated."),
    )
    assert got == [("The river is rising faster than any of us expected. Stay away from the banks tonight.",
                    "Ann Kowalski")]


def test_a_post_of_several_blocks_and_two_posts_in_a_row():
    got = quotes(
        ("blockquote", "The river is rising faster than expected."),
        ("blockquote", "Stay away from the banks tonight."),
        ("blockquote", "— Ann Kowalski (@annkow) November 3, 2019"),
        ("blockquote", "We have opened the school gym as a shelter."),
        ("blockquote", "— Tom Reyes (@treyes) November 3, 2019"),
    )
    assert got == [("The river is rising faster than expected. Stay away from the banks tonight.", "Ann Kowalski"),
                   ("We have opened the school gym as a shelter.", "Tom Reyes")]


def test_a_block_quote_is_a_quotation_when_a_paragraph_introduces_it_as_someone_s_words():
    got = quotes(
        ("paragraph", "Ann Kowalski, the mayor, said in a statement:"),
        ("blockquote", "The council will rebuild the levee before the next spring."),
    )
    assert got == [("The council will rebuild the levee before the next spring.", "Ann Kowalski")]


def test_a_block_quote_without_an_introduction_or_a_signature_is_no_quotation():
    assert quotes(
        ("paragraph", "The report makes three points."),
        ("blockquote", "The council will rebuild the levee before the next spring."),
        ("paragraph", "Here is the summary:"),  # a colon, but nobody speaks
        ("blockquote", "Rebuilding will take two years and cost more than planned."),
    ) == []


def _texts(*paragraphs: str, language: str | None = None) -> list[tuple[str | None, str]]:
    secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
    return [(q.speaker, q.text) for q in find_quotes(secs, language)]


@pytest.mark.parametrize(
    "paragraphs, language, want",
    [
        (("Анна Белова открыла мост.", "— Мост готов, — сказала Белова. — Ездите на здоровье."), "ru",
         [("Анна Белова", "Мост готов … Ездите на здоровье.")]),
        (("Анна Белова открыла мост.", "— Мост готов к открытию, — сказала она."), "ru",
         [("Анна Белова", "Мост готов к открытию")]),
        (("La maire, Hélène Marchais, a ouvert le pont.", "— Le pont est prêt, dit-elle. Venez nombreux."), "fr",
         []),  # a comma incise opens no dialogue: only a dash sets the verb off
    ],
)
def test_a_paragraph_of_dialogue_is_a_quotation_without_its_incise(paragraphs, language, want):
    assert _texts(*paragraphs, language=language) == want


def test_a_dash_paragraph_without_a_reporting_verb_is_no_quotation():
    assert _texts("Итоги года:", "— мост открыт, — паром ходит каждый час.", language="ru") == []


@pytest.mark.parametrize(
    "narrative, signer, want",
    [
        ("Joshua Apte, an engineer, studies the air.", "Josh Apte", "Joshua Apte"),  # the article's fuller name
        ("Apte studies the air, said Joshua Apte's colleague Mia Lund.", "Apte", "Joshua Apte"),
        ("Robert Apte studies the air.", "Bob Apte", "Bob Apte"),  # another first name: as signed
        ("Joshua Apte and Mia Apte study the air.", "Josh Apte", "Josh Apte"),  # two Aptes: as signed
    ],
)
def test_a_post_signed_with_a_shorter_name_takes_the_article_s_name(narrative, signer, want):
    got = quotes(
        ("paragraph", narrative),
        ("blockquote", "The air is horrible again this morning in the city."),
        ("blockquote", f"— {signer} (@apte) November 3, 2019"),
    )
    assert got == [("The air is horrible again this morning in the city.", want)]


@pytest.mark.parametrize(
    "narrative, signer",
    [
        ("Joanna Brown, the councillor, voted against the plan. Her brother also posted about it.", "Jo Brown"),
        ("Danielle Smith, the premier, defended the plan. Her critics posted online.", "Dan Smith"),
    ],
)
def test_a_post_signed_with_a_name_that_only_begins_the_article_s_keeps_the_signer_s_name(narrative, signer):
    got = quotes(
        ("paragraph", narrative),
        ("blockquote", "This plan is a disgrace to the whole town and everyone knows it."),
        ("blockquote", f"— {signer} (@someone) March 3, 2024"),
    )
    assert got == [("This plan is a disgrace to the whole town and everyone knows it.", signer)]
