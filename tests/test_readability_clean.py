"""Our linear `readability_clean` gives exactly what readability's own `clean` gives."""

from __future__ import annotations

import inspect

import readability.readability as readability_module
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.extract.readability_text import clean as readability_clean


def _original():
    """readability's `clean` as published (ours replaced it in the module)."""
    namespace: dict = {"re": __import__("re")}
    source = inspect.getsource(readability_module).split("def clean(text):", 1)[1].split("\ndef ", 1)[0]
    exec("def clean(text):" + source, namespace)
    return namespace["clean"]


CLEAN = _original()
WHITE = st.sampled_from([" ", "\t", "\n", "\r", "\xa0", "\u3000", "\f", "\u2028", "a", "b", ",", "x y"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(WHITE, st.integers(1, 400).map(lambda n: " " * n), st.integers(1, 300).map(lambda n: " \t" * n)),
                max_size=40))
def test_same_result_as_readability(pieces):
    text = "".join(pieces)
    assert readability_clean(text) == CLEAN(text)


def test_readability_uses_ours():
    assert readability_module.clean is readability_clean
    assert readability_module.text_length.__globals__["clean"] is readability_clean
