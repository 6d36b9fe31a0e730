"""Commands that read several articles (extract, cite, export): each file on its own.

A file that cannot be read is one line on stderr and the batch goes on with the next; the command's
exit status is 1 if any file failed. Folders are scanned recursively (a folder with no article in
it counts as a failure).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from tui_reader.core.library.discover import find_article_files
from tui_reader.core.model import Article


class Batch:
    """`parsed_speakers`: quotes the rules left without a speaker get the optional parser's, as in the
    reader's sidebar (`with_parsed_speakers`; nothing changes without the parser)."""

    def __init__(self, paths: list[str], parsed_speakers: bool = False) -> None:
        self.parsed_speakers = parsed_speakers
        self.failed = 0
        self.files: list[Path] = []
        for raw in paths:
            found = find_article_files([raw])
            self.files.extend(found)
            if not found:
                self.fail(f"{raw}: no articles in this directory")

    def fail(self, message: str) -> None:
        print(f"tui-reader: {message}", file=sys.stderr, flush=True)
        self.failed += 1

    @property
    def status(self) -> int:
        return 1 if self.failed else 0

    def load(self, path: Path) -> Article | None:
        from tui_reader.core import ArticleError, load_article

        try:
            article = load_article(path)
        except ArticleError as exc:
            self.fail(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a loader defect must not stop the batch
            self.fail(f"{path}: could not be read ({type(exc).__name__}: {exc})".splitlines()[0])
            return None
        if self.parsed_speakers:
            from tui_reader.core.attribution.speakers.parsed import with_parsed_speakers

            try:
                article = with_parsed_speakers(article)
            except Exception:  # noqa: BLE001 - a parser defect: the rules' speakers, as without the parser
                pass
        return article

    def articles(self) -> Iterator[tuple[Path, Article]]:
        """(path, article) for every file that could be read, in order."""
        for path in self.files:
            article = self.load(path)
            if article is not None:
                yield path, article
