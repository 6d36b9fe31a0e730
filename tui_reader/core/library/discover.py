"""Finding article files under the paths a user gives."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

ARTICLE_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"})


def is_asset_dir(name: str) -> bool:
    """A browser's "Save Page As" writes `<page>_files/` (or `<page>-Dateien`, …) beside the page."""
    return name.endswith(("_files", "-Dateien", "_fichiers", "-archivos"))


def _identity(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _walk(root: Path, seen_dirs: set) -> Iterator[Path]:
    """Files under `root`, depth first in name order; each directory once, so symlink loops end."""
    identity = _identity(root)
    if identity is None or identity in seen_dirs:
        return
    seen_dirs.add(identity)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                if not is_asset_dir(entry.name):
                    yield from _walk(Path(entry.path), seen_dirs)
            elif entry.is_file() and Path(entry.name).suffix.lower() in ARTICLE_EXTENSIONS:
                yield Path(entry.path)
        except OSError:
            continue


def find_article_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files given directly are kept whatever their name; directories are scanned recursively.

    Hidden entries and browsers' asset folders are skipped; each file appears once (by device and
    inode, so links and overlapping paths do not repeat it), in order.
    """
    seen_files: set = set()
    seen_dirs: set = set()
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        candidates = _walk(path, seen_dirs) if path.is_dir() else [path]
        for candidate in candidates:
            key = _identity(candidate) or ("missing", str(candidate))
            if key not in seen_files:
                seen_files.add(key)
                found.append(candidate)
    return found
