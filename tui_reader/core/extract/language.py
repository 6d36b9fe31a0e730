"""A small guess of a text's language from its commonest words, for pages that do not say."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and of to in that is for was on with as said by it he his are at from have this be not but".split(),
    "de": "der die und das ist nicht mit den von zu sich auf für ein eine dem des im sie es auch werden wird sind oder bei".split(),
    "fr": "le la les et des est une un du que dans pour qui pas sur au par il elle ne se plus à vous votre aux".split(),
    "es": "el la los las y de que en un una es por con para del se no al su lo como más sus".split(),
    "it": "il la di che e è un una per del della non con le si gli sono da al".split(),
    "pt": "o a os as e de que em um uma para com não do da no na por se".split(),
    "nl": "de het een en van is dat op te in niet zijn met voor ook aan er".split(),
    "ru": "и в не на что с по он как это к из за от для она но так его".split(),
    "uk": "і в не на що з до як це від за та але його її вони він".split(),
    "pl": "i w nie na się z że do to jest jak o po za od ale".split(),
}
_WORD = re.compile(r"[^\W\d_]+")


def _scores(text: str) -> tuple[int, dict[str, int]]:
    """The number of words in the text's first 20,000 characters, and per language how many of them are its common words."""
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    return sum(words.values()), {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}


def guess_language(text: str) -> str | None:
    total, scores = _scores(text)
    if total < 20:
        return None
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 0.08 * total else None


_QUOTED = re.compile(r"[“«„\"][^”»“\"]{0,2000}[”»“\"]")  # someone's words, perhaps in another language


def checked_language(declared: str | None, text: str, title: str | None = None) -> str | None:
    """The page's declared language, unless its text is plainly in another one (a German blog whose theme
    says lang="en", an English edition whose template says "de"): then the text's, without a region.
    Plainly: outside quotations, the other language's common words are at least twice as frequent as the
    declared one's, and the headline (`title`) does not read as the declared language. `text` is the
    article's prose (the caller leaves out block quotes and code)."""
    if not declared:
        return guess_language(text)
    primary = declared.split("-")[0].lower()
    if primary not in _STOPWORDS:
        return declared  # a language the guess does not know: as declared
    if title and primary in line_languages(title):
        return declared  # the headline is in the declared language (a page quoting at length in another)
    total, scores = _scores(_QUOTED.sub(" ", text[:20000]))
    if total < 50:
        return declared
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    if lang != primary and best >= 0.12 * total and best >= 2 * scores[primary]:
        return lang
    return declared


def line_languages(line: str) -> set[str]:
    """Languages with at least two common words in a short line, a quarter of its words (empty when none)."""
    words = {w.lower() for w in _WORD.findall(line)}
    return {lang for lang, stop in _STOPSETS.items() if len(words & stop) >= 2 and len(words & stop) * 4 >= len(words)}


_STOPSETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
