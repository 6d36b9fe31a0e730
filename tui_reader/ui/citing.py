"""Citations for the UI: the core's styles (`core/cite/styles.py`), made safe to show and copy.

The styles module (and citeproc with it) is imported on first use, not when the app starts.
"""

from __future__ import annotations

from tui_reader.core.model import Article, Quote
from tui_reader.core.sanitize import strip_controls


def _styles():
    from tui_reader.core.cite import styles

    return styles


def styles() -> tuple[str, ...]:
    return _styles().STYLES


def style_label(style: str) -> str:
    return _styles().style_label(style)


def short_label(style: str) -> str:
    """The style's name for the footer: "APA 7", "Chicago 17", "Chicago 17 note"."""
    return style_label(style).replace(" (bibliography)", "").replace("(", "").replace(")", "")


def reference(article: Article, style: str) -> str:
    return strip_controls(_styles().format_reference(article, style))


def quote_citation(article: Article, quote: Quote, style: str) -> str:
    return strip_controls(_styles().format_quote_citation(article, quote, style))
