"""What each entry point imports, checked in a fresh interpreter (start-up stays fast because the
heavy parts load only when used), and the import contracts of pyproject.toml [tool.importlinter]."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HTML = ("lxml", "readability", "lxml_html_clean", "charset_normalizer")
UI = ("textual", "rich")
CITATIONS = ("citeproc",)
INDEX = ("sqlite3", "tui_reader.core.library.index")
POOLS = ("multiprocessing", "concurrent.futures.process")

# entry point -> modules it must not load when imported
NOT_LOADED = {
    # `tui-reader ...` before it knows what to do: every command and the reader start here
    "tui_reader.cli": (*UI, *HTML, *CITATIONS, *INDEX, *POOLS, "tui_reader.core.loader"),
    # the model, state and discovery: what every command needs
    "tui_reader.core": (*UI, *HTML, *CITATIONS, *INDEX, "tui_reader.core.loader"),
    # the loader: HTML machinery only when a page is HTML
    "tui_reader.core.loader": (*UI, *HTML, *CITATIONS, *INDEX, *POOLS),
    # read the file given on the command line while Textual is imported: none of the UI here
    "tui_reader.ui.background": (*UI, *HTML, *CITATIONS, *INDEX, *POOLS),
    # the app: the library screen (and DataTable), the index, citations and the reader come later
    "tui_reader.ui.app": (
        *HTML, *CITATIONS, *POOLS, "tui_reader.core.library.index", "tui_reader.core.loader",
        "tui_reader.ui.screens.library", "textual.widgets._data_table", "tui_reader.ui.screens.reader",
    ),
    "tui_reader.commands.extract": (*UI, *CITATIONS, *INDEX, *POOLS),
    "tui_reader.commands.cite": (*UI, *HTML, *CITATIONS, *INDEX, *POOLS),
    "tui_reader.commands.index": (*UI, *HTML, *CITATIONS),
    "tui_reader.commands.search": (*UI, *HTML, *CITATIONS),
}


def loaded_by(module: str) -> set[str]:
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("module", sorted(NOT_LOADED))
def test_entry_point_imports_only_what_it_needs(module):
    loaded = loaded_by(module)
    assert module in loaded
    unwanted = sorted(m for m in NOT_LOADED[module] if m in loaded)
    assert not unwanted, f"importing {module} loads {unwanted}"


def test_the_check_sees_a_loaded_module():
    """The test above can fail: the loader does load the model, and asking for it finds it."""
    assert "tui_reader.core.model" in loaded_by("tui_reader.core.loader")


def test_import_contracts_are_kept():
    """core imports no textual/rich (nor the UI or the commands); commands reach the UI only
    through ui.app, ui.keys and ui.background; core's pipeline runs one way (extract, attribution, cite,
    then library and ingest). Checked statically, imports inside functions included."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    done = subprocess.run([lint_imports, "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


FIRST_PAINT = """
import asyncio, json, sys
from tui_reader.ui.app import create_app
from tui_reader.ui.screens import reader

painted = []
complete = reader.ReaderScreen._complete

async def after_first_paint(self):
    painted.append(sorted(sys.modules))  # what the first paint needed, before the rest is mounted
    await complete(self)

reader.ReaderScreen._complete = after_first_paint

async def main():
    app = create_app([sys.argv[1]])
    async with app.run_test() as pilot:
        while not painted:
            await pilot.pause(0.02)

asyncio.run(main())
print(json.dumps(painted[0]))
"""


def test_the_readers_first_paint_needs_no_citation_modules(tmp_path):
    """The header shows the file's details first; the user's corrections (citation modules and the
    name parser they import) come right after the first paint."""
    env = {**os.environ, "TUI_READER_STATE_DIR": str(tmp_path)}
    seed = ROOT / "articles" / "nato-secgen-responds-to-sputnik.txt"
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(seed)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "tui_reader.ui.screens.reader" in loaded
    assert not sorted(m for m in (*CITATIONS, "nameparser", "tui_reader.core.cite.data") if m in loaded)
