"""Lexicons by language (ISO 639-1 code), one module each. Adding a language is adding a module
with a `LEXICON` and naming it in `LANGUAGES`.

`lexicon_for(language)` is the article's own lexicon; an article whose language is unknown (or
has no lexicon here) is read with every lexicon's words merged.
"""

from __future__ import annotations

from tui_reader.core.attribution.speakers.languages import de, en, es, fr, ru
from tui_reader.core.attribution.speakers.lexicon import Lexicon, merge

LANGUAGES: dict[str, Lexicon] = {"en": en.LEXICON, "de": de.LEXICON, "fr": fr.LEXICON, "es": es.LEXICON,
                                 "ru": ru.LEXICON}
MERGED = merge(LANGUAGES.values())


def lexicon_for(language: str | None) -> Lexicon:
    """The lexicon of `language` ("en", "en-GB", "EN_us" all give English), else all merged."""
    if language:
        code = language.strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return LANGUAGES[code]
    return MERGED
