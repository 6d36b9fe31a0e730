"""readability-lxml's text measure, in linear time.

readability's `clean` (white space folded before every text length it measures) uses the regexes
`\\s{255,}` and `\\s*\\n\\s*`, which backtrack over every run of white space shorter than 255: a
page indented with long runs took seconds per candidate element. `clean` here gives exactly the
same result reading each run once, and importing this module puts it in readability's place (its
`text_length` and scorers look `clean` up when they run).
"""

from __future__ import annotations

import re

import readability.readability as readability_module

_WHITE_RUN = re.compile(r"\s{2,}")
_TABS = re.compile(r"\t|[ \t]{2,}")


def _fold_run(match: re.Match) -> str:
    run = match[0]
    return " " * 255 if len(run) >= 255 else "\n" if "\n" in run else run


def clean(text: str) -> str:
    """readability's `clean`: runs of 255 or more white space characters become 255 spaces, a run
    with a newline one newline, tabs and runs of spaces one space; then stripped."""
    return _TABS.sub(" ", _WHITE_RUN.sub(_fold_run, text)).strip()


readability_module.clean = clean
