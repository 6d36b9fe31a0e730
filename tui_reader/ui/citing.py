"""Citations for the UI: the core's citation module when present, else a plain default.

The default reference is "Title. Site. Date. URL"; a quote is copied as the quote in
quotation marks, " — " speaker, then the reference.
"""

from __future__ import annotations

from tui_reader.core.model import Article, Quote
from tui_reader.core.sanitize import strip_controls
from tui_reader.ui.text import inline_text

DEFAULT_STYLE = "default"


def _core():
    try:
        from tui_reader.core.cite import styles as citation
    except ImportError:
        return None
    return citation


def styles() -> tuple[str, ...]:
    core = _core()
    found = tuple(getattr(core, "STYLES", ())) if core else ()
    return found or (DEFAULT_STYLE,)


def style_label(style: str) -> str:
    core = _core()
    if core and style in styles() and hasattr(core, "style_label"):
        return core.style_label(style)
    return "Plain" if style == DEFAULT_STYLE else style


def default_reference(article: Article) -> str:
    meta = article.metadata
    parts = [meta.title, meta.site, (meta.published or "")[:10], meta.url]
    return ". ".join(inline_text(p).rstrip(".") for p in parts if p and inline_text(p)) + "."


def reference(article: Article, style: str) -> str:
    core = _core()
    if core and style in styles():
        return strip_controls(core.format_reference(article, style))
    return default_reference(article)


def quote_citation(article: Article, quote: Quote, style: str) -> str:
    core = _core()
    if core and style in styles():
        return strip_controls(core.format_quote_citation(article, quote, style))
    text = f"“{inline_text(quote.text)}”"
    if quote.speaker:
        text += f" — {inline_text(quote.speaker)}"
    return f"{text}\n{default_reference(article)}"
