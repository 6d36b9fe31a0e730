"""The UI-free core of tui-reader. Nothing here imports textual or rich."""

from tui_reader.core.loader import load_article
from tui_reader.core.model import (
    Article,
    ArticleError,
    Block,
    Headline,
    Link,
    Metadata,
    Quote,
    Section,
)

__all__ = [
    "Article",
    "ArticleError",
    "Block",
    "Headline",
    "Link",
    "Metadata",
    "Quote",
    "Section",
    "load_article",
]
