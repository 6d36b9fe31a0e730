import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "articles"
SEED = ARTICLES / "nato-secgen-responds-to-sputnik.txt"


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's state."""
    monkeypatch.setenv("TUI_READER_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.setenv("TUI_READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is only beside the project on CI and dev machines)")
    return path
