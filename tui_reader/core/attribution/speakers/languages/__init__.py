"""Lexicons by language (ISO 639-1 code), one module each. Adding a language is adding a module
with a `LEXICON` and naming it in `LANGUAGES`.

`lexicon_for(language, text)` is the article's own lexicon; an article whose language is unknown
(or has no lexicon here) is read with every lexicon's words merged. A page's declared language is
sometimes wrong (an English article in a German site's template): when the narrative's own words
tell its language, they win.
"""

from __future__ import annotations

from tui_reader.core.attribution.speakers.languages import de, en, es, fr, ru
from tui_reader.core.attribution.speakers.lexicon import Lexicon, merge
from tui_reader.core.extract.language import guess_language

LANGUAGES: dict[str, Lexicon] = {"en": en.LEXICON, "de": de.LEXICON, "fr": fr.LEXICON, "es": es.LEXICON,
                                 "ru": ru.LEXICON}
MERGED = merge(LANGUAGES.values())


def lexicon_for(language: str | None, text: str | None = None) -> Lexicon:
    """The lexicon of `language` ("en", "en-GB", "EN_us" all give English), else all merged;
    the language guessed from `text`, when it can be, before the declared one."""
    language = (guess_language(text) if text else None) or language
    if language:
        code = language.strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return LANGUAGES[code]
    return MERGED
