"""tui-reader: a terminal reader for saved news articles."""

__version__ = "0.1.0"
