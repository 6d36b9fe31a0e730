"""Words that end the names of newspapers and magazines ("The Wall Street Journal", "Financial Times"):
known to both the extraction (a newspaper's initials are spelled out) and the attribution ("the
newspaper" refers back to one)."""

from __future__ import annotations

PERIODICAL_WORDS = frozenset(
    "times post journal news herald tribune gazette telegraph magazine daily press review observer chronicle "
    "guardian independent examiner inquirer courier record register star sun globe mail express weekly".split()
)
