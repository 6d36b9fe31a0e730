"""A seeded mutation campaign over the pages in ../shared: `load_article` returns an Article or
raises ArticleError, whatever the bytes; nothing is written; the commands print no escape.

The per-case bound (20 s) only catches a hang; speed is measured by bench/fuzz.py, not here.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, shared_or_skip
from tests.fuzz_support import Runner, cases, seed_files

CASES = 200
HANG_SECONDS = 20.0


def test_mutated_pages_give_an_article_or_an_article_error():
    shared = shared_or_skip("corpus")
    seeds = seed_files(shared.parent, ROOT, max_bytes=100_000)  # small pages: a few hundred cases stay quick
    assert len(seeds) > 50
    runner = Runner(hang_seconds=HANG_SECONDS)
    bad = []
    outcomes: dict[str, int] = {}
    try:
        for case in cases(seeds, CASES, master_seed=2024):
            result = runner.run(case, check_cli=case.n % 20 == 0)
            outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
            if result.outcome not in ("article", "empty", "refused") or result.wrote or result.escapes:
                bad.append((case.n, case.seed, case.suffix, case.ops, result.outcome, result.detail,
                            result.wrote, result.escapes))
    finally:
        runner.close()
    assert not bad, f"{len(bad)} of {CASES} cases failed (outcomes {outcomes}); first: {bad[:5]}"
    assert outcomes.get("article", 0) > CASES // 4  # the mutations leave plenty of readable pages


PATHOLOGICAL = {  # each once took minutes at this size (a scan from every opening to the end)
    "links.md": "# T\n\n" + "[a](" * 50_000,
    "brackets.md": "# T\n\n" + "[" * 200_000,
    "references.md": "# T\n\n" + "[a][" * 50_000,
    "emphasis.md": "# T\n\n" + "*a " * 70_000,
    "scripts.html": "<html><body><p>Text of the page.</p>" + "<script>x" * 25_000,
    "comments.html": "<html><body><p>Text of the page.</p>" + "<!--x" * 40_000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_inputs_that_were_quadratic_load(name):
    """The bound is generous (20 s, for a load that takes well under a second): it only tells a
    hang from a result; bench/fuzz.py --scaling measures how time grows."""
    from tests.fuzz_support import Case

    runner = Runner(hang_seconds=HANG_SECONDS)
    try:
        suffix = "." + name.rsplit(".", 1)[1]
        result = runner.run(Case(0, name, suffix, [], PATHOLOGICAL[name].encode()))
    finally:
        runner.close()
    assert result.outcome in ("article", "empty", "refused"), (result.outcome, result.detail)
