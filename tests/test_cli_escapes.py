"""Nothing a command prints can drive the terminal: every command, every format, error lines too.

The payloads come in every way a page or a file system offers: numeric references to C1 controls
(`&#x9b;`), JSON-LD strings with `\\u001b` escapes, and a file name holding an OSC sequence.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tui_reader.core.sanitize import CONTROLS

from .conftest import ROOT

OSC52 = "\\u001b]52;c;aGk=\\u0007"  # as written inside JSON-LD
PAGE = f"""<!DOCTYPE html><html><head><title>Title &#x9b;31m here</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Head {OSC52} line",
 "url": "https://news.example/story{OSC52}", "author": {{"@type": "Person", "name": "Ann {OSC52}Lee"}},
 "publisher": {{"@type": "Organization", "name": "Site {OSC52}"}}, "datePublished": "2024-05-01"}}</script>
</head><body><article><h1>Head line</h1>
<p>The council met on Monday to talk about the harbour and the ferry that runs across it in summer.</p>
<p>"We will reopen the ferry &#x9b;31m in June," said Mayor Ann Lee on Friday, to applause from residents.</p>
<p>Read more: <a href="https://news.example/2024/05/harbour-ferry-returns-after-two-years&#x9b;2J">Harbour ferry
returns after two years of waiting &#x9b;2J for repairs</a></p>
</article></body></html>"""

UNSAFE = re.compile(f"[{CONTROLS}\ud800-\udfff]")  # as strip_controls sees it


def run(*args, env):
    return subprocess.run([sys.executable, "-m", "tui_reader", *map(str, args)], cwd=ROOT, capture_output=True,
                          env=env, timeout=180)


def assert_clean(done, what):
    for name, data in (("stdout", done.stdout), ("stderr", done.stderr)):
        text = data.decode("utf-8", "surrogateescape")
        bad = sorted({hex(ord(c)) for c in UNSAFE.findall(text)})
        assert not bad, f"{what}: {name} carries {bad}: {text[:300]!r}"


@pytest.fixture()
def setup(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    page = folder / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    evil = folder / "evil\x1b]0;pwned\x07\x9b name.txt"
    evil.write_bytes(b"")
    env = {**os.environ, "TUI_READER_STATE_DIR": str(tmp_path / "state"), "TUI_READER_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONIOENCODING": "utf-8"}
    return page, evil, folder, env


def test_every_command_prints_no_escape(setup):
    page, evil, folder, env = setup
    runs = [("extract", page, "--format", fmt) for fmt in ("json", "jsonl", "text", "markdown")]
    runs += [("extract", evil), ("extract", folder, "--format", "text")]
    runs += [("cite", page, "--style", style) for style in ("apa", "mla", "chicago", "chicago-note", "bibtex", "csl-json", "ris")]
    runs += [("cite", page, "--quote", "1", "--markdown"), ("cite", evil)]
    runs += [("export", page, "--format", fmt) for fmt in ("markdown", "csl-json", "bibtex", "ris")]
    runs += [("export", page, evil), ("index", folder), ("search", "ferry"), ("search", "ferry", "--json"),
             ("quotes",), ("quotes", "--json"), ("quotes", "--speakers"), ("extract", "--format", "\x1b]0;x\x07")]
    for args in runs:
        done = run(*args, env=env)
        assert b"Traceback" not in done.stderr, (args, done.stderr)
        assert_clean(done, args)


def test_json_keeps_the_exact_values(setup):
    page, _evil, _folder, env = setup
    done = run("extract", page, env=env)
    data = json.loads(done.stdout)
    assert data["url"] == "https://news.example/story\x1b]52;c;aGk=\x07"
