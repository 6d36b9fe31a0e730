"""Writing saved pages into the library folder: never over another file, never half-written, and
the same page (same final address, same bytes) saved again is noticed instead of written twice."""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tui_reader.core.extract.decode import decode
from tui_reader.core.ingest.header import (
    SNIFF_CHARS,
    SavedNote,
    note_from_front_matter,
    read_note,
    split_front_matter,
    with_note,
)
from tui_reader.core.ingest.naming import EXTENSIONS, file_name, page_title


def write_new(folder: Path, name: str, content: bytes) -> Path:
    """Write `content` as `folder/name`, or `name-2`, `name-3`… when taken; return the path.

    The bytes go to a hidden temporary file in the same folder first, flushed to disk, which
    then takes the name in one step: with a hard link, which fails rather than replace a file
    that appeared meanwhile (where the file system has none, os.replace after a check). An
    interrupted write leaves at most a hidden `.…part` file, which no library lists.
    """
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{secrets.token_hex(6)}.part"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        stem, ext = os.path.splitext(name)
        n = 1
        while True:
            target = folder / (name if n == 1 else f"{stem}-{n}{ext}")
            n += 1
            try:
                os.link(temporary, target)
            except FileExistsError:
                continue
            except OSError:
                if target.exists():
                    continue
                os.replace(temporary, target)
            return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def read_file_note(path: Path, head: bytes | None = None) -> SavedNote:
    """The note at the top of a saved file (HTML comments or front matter)."""
    if head is None:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_CHARS)
    text = decode(head)[0]
    if path.suffix.lower() in (".md", ".markdown", ".txt", ".text"):
        return note_from_front_matter(split_front_matter(text)[0])
    return read_note(text)


@dataclass(frozen=True)
class Written:
    path: Path
    duplicate: bool  # the same page was there already: nothing was written


class Store:
    """The folder saved pages go into. Safe to share between threads and tasks."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root).expanduser()
        self._lock = threading.Lock()
        self._by_url: dict[Path, dict[str, list[Path]]] = {}  # site folder -> note URL -> files

    def save(self, url: str, data: bytes, kind: str, saved: datetime, *, tags=(), title: str | None = None,
             charset: str | None = None) -> Written:
        """Write a fetched page (`url` its final address) with its note; or find it already there."""
        relative = file_name(url, saved, page_title(data, kind, charset) or title, kind)
        folder, name = self.root / os.path.dirname(relative), os.path.basename(relative)
        with self._lock:
            known = self._known(folder)
            for path in known.get(url, []):
                if self._same_page(path, data, kind, url, charset):
                    return Written(path, True)
            path = write_new(folder, name, with_note(data, kind, url, saved, tags, charset))
            known.setdefault(url, []).append(path)
            return Written(path, False)

    def write_document(self, relative: str, content: bytes, url: str) -> Written:
        """Write a document made here (an export's own copy of an article) under a new name,
        unless a file with the same address and the same bytes is there already."""
        folder = self.root / os.path.dirname(relative)
        with self._lock:
            known = self._known(folder)
            for path in known.get(url, []):
                with contextlib.suppress(OSError):
                    if path.read_bytes() == content:
                        return Written(path, True)
            path = write_new(folder, os.path.basename(relative), content)
            known.setdefault(url, []).append(path)
            return Written(path, False)

    def _known(self, folder: Path) -> dict[str, list[Path]]:
        """Note URLs of the files in a site folder, read once (their first few kilobytes)."""
        if folder not in self._by_url:
            found: dict[str, list[Path]] = {}
            suffixes = set(EXTENSIONS.values())
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder):
                    path = Path(entry.path)
                    if entry.name.startswith(".") or path.suffix not in suffixes or not entry.is_file():
                        continue
                    with contextlib.suppress(OSError):
                        note = read_file_note(path)
                        if note.url:
                            found.setdefault(note.url, []).append(path)
            self._by_url[folder] = found
        return self._by_url[folder]

    @staticmethod
    def _same_page(path: Path, data: bytes, kind: str, url: str, charset: str | None) -> bool:
        """The file is this page saved before: written again with that save's note, it would be
        the same bytes."""
        try:
            existing = path.read_bytes()
        except OSError:
            return False
        note = read_file_note(path, existing[:SNIFF_CHARS])
        if note.saved is None:
            return False
        return with_note(data, kind, url, note.saved, note.tags, charset) == existing
