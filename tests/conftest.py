"""Fixtures every test shares. Helpers that build data live beside them: ui_support.py (articles
and pilot steps), library_support.py (small libraries on disk)."""

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "articles"
SEED = ARTICLES / "nato-secgen-responds-to-sputnik.txt"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path_factory, monkeypatch) -> Path:
    """No test reads or writes the real user's state or index, or calls the real clipboard or
    browser. Each test gets folders of its own (safe under pytest-xdist). The state folder is returned."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("TUI_READER_STATE_DIR", str(state))
    monkeypatch.setenv("TUI_READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setattr("tui_reader.ui.clipboard.system_copy", lambda text: "no clipboard tool in tests")
    monkeypatch.setattr("tui_reader.ui.clipboard.open_in_browser", lambda url: False)
    return state


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is only beside the project on CI and dev machines)")
    return path


@functools.cache
def bench_script(name: str):
    """A script of bench/ loaded as a module (once), for tests of its scoring functions."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
