"""Bodies on a sample of the two extraction corpora in ../shared (skipped where it is missing):
no page with an article comes out empty, and the sample's shingle F1 (bench/extraction.py's metric)
stays near what the benchmark reports."""

import hashlib

import pytest

from tests.conftest import ROOT, bench_script, shared_or_skip


def _bench():
    return bench_script("extraction")


def _sampled(page_id: str) -> bool:
    """A fixed quarter of each corpus, dev and held-out pages alike (nothing is tuned on it here)."""
    return hashlib.sha1(page_id.encode("utf-8")).hexdigest()[1] in "0123"


@pytest.mark.parametrize("corpus, floor", [("aeb", 0.95), ("readability", 0.93)])
def test_corpus_sample_bodies(corpus, floor):
    shared_or_skip("corpus", corpus, "ground-truth.json")
    bench = _bench()
    pages = [p for p in bench.load_corpus(corpus, ROOT.parent / "shared", 0) if _sampled(p.id)]
    texts = {p.id: bench.ours(p) for p in pages}
    empty = [p.id for p in pages if p.truth.strip() and not texts[p.id].strip()]
    assert not empty
    f1 = bench.metrics([bench.tp_fp_fn(p.truth, texts[p.id]) for p in pages])["f1"]
    assert f1 >= floor
