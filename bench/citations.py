"""Published style-guide examples: how many of our citations match, on the development set and on
the held-out third and the two groups collected blind later (tests/fixtures/cite_published/examples*.json;
see tests/test_citation_published.py).

Group 3 (examples_blind.json) is no longer blind: run once before any change it scored 8/16 (fc0210a);
the rules of f7eec6e and 771cd59 were then taken from its misses, so its score since is a development
figure, printed as such; only its first run, 8/16, was held out.

    .venv/bin/python bench/citations.py [-v] [--extra DIR]

--extra DIR scores an outside group (DIR/examples.json and its pages DIR/<page>.html, same format),
kept out of the repository until it has been run blind once; its misses are never shown.

Prints, per set and style, the examples matched, and with -v each miss of the development sets beside the
published text (held-out misses are counted, never shown: nothing is tuned on them; their explained
expected failures are in examples_holdout.json).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.test_citation_published import BLIND, DEV, FRESH, GROUP5, GROUP6, HELD_OUT, render, same


def score(name: str, examples: list[dict], verbose: bool, folder: Path | None = None) -> tuple[int, int]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for example in examples:
        style = example["style"]
        total[style] += 1
        try:
            got = render(example, folder) if folder else render(example)
        except Exception as exc:  # a page that cannot be read or cited is a miss, reported
            got = f"<{type(exc).__name__}: {exc}>"
        if same(got) == same(example["expected"]):
            right[style] += 1
        elif verbose and "development" in name:
            print(f"  miss {style} {example['page']}\n    published: {example['expected']}\n    ours:      {got}")
    parts = ", ".join(f"{s} {right[s]}/{total[s]}" for s in sorted(total))
    print(f"{name}: {sum(right.values())}/{sum(total.values())} ({parts})")
    return sum(right.values()), sum(total.values())


def main() -> None:
    verbose = "-v" in sys.argv
    dev = score("development", DEV, verbose)
    held = score("held out", HELD_OUT, verbose)
    fresh = score("fresh held out", FRESH, verbose)
    blind = score("group 3, tuned on since its blind first run of 8/16", BLIND, verbose)
    group5 = score("group 5 (development)", GROUP5, verbose)
    group6 = score("group 6 (development since its blind first run of 16/33)", GROUP6, verbose)
    groups = (dev, held, fresh, blind, group5, group6)
    if "--extra" in sys.argv:
        folder = Path(sys.argv[sys.argv.index("--extra") + 1])
        examples = json.loads((folder / "examples.json").read_text(encoding="utf-8"))
        groups += (score(f"outside group {folder}", examples, False, folder),)
    print(f"overall: {sum(g[0] for g in groups)}/{sum(g[1] for g in groups)}")


if __name__ == "__main__":
    main()
