"""The UI-free core of tui-reader. Nothing here imports textual or rich.

`load_article` is imported on first use (PEP 562), so that importing the model, the state store
or discovery does not pay for readability, lxml and the analysers.
"""

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


def __getattr__(name: str):
    if name == "load_article":
        from tui_reader.core.loader import load_article

        return load_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
