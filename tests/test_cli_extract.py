"""`tui-reader extract` as a user runs it: output shapes, exit codes, one-line errors."""

import json
import subprocess
import sys

from .conftest import ARTICLES, ROOT, SEED

KEYS = {"path", "format", "title", "authors", "site", "publisher", "published", "type", "url", "language", "word_count",
        "reading_minutes", "text", "sections", "quotes", "headlines", "warnings"}


def run(*args):
    return subprocess.run([sys.executable, "-m", "tui_reader", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_json_one_path_is_one_object_with_exact_keys():
    done = run("extract", SEED)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == KEYS
    assert all(set(a) == {"name", "kind"} for a in data["authors"])
    assert set(data["sections"][0]) == {"title", "level", "blocks"}
    assert set(data["sections"][0]["blocks"][0]) == {"kind", "text", "links"}
    for q in data["quotes"]:
        assert set(q) == {"text", "speaker", "cue", "section", "block", "start", "end"}
    for h in data["headlines"]:
        assert set(h) == {"text", "url", "section", "block"}


def test_json_directory_is_an_array_and_jsonl_a_line_each():
    done = run("extract", ARTICLES)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list) and len(data) == 5
    assert not any("_files" in d["path"] for d in data)
    lines = run("extract", ARTICLES, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 5 and all(set(json.loads(line)) == KEYS for line in lines)


def test_text_and_markdown_formats():
    text = run("extract", SEED, "--format", "text").stdout
    assert text.startswith("NATO SecGen Responds to Sputnik")
    md = run("extract", SEED, "--format", "markdown").stdout
    assert md.startswith("---\ntitle: ")
    assert "\n# NATO SecGen Responds" in md


def test_bad_paths_one_line_each_and_good_ones_still_printed(tmp_path):
    (tmp_path / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing").mkdir()
    done = run("extract", tmp_path / "img.png", tmp_path / "empty.txt", tmp_path / "nothing",
               tmp_path / "missing.txt", SEED, "--format", "jsonl")
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 4
    assert "Traceback" not in done.stderr
    assert all(line.startswith("tui-reader: ") for line in errors)
    assert len(done.stdout.splitlines()) == 1


def test_help_lists_subcommands():
    done = run("--help")
    assert done.returncode == 0
    assert "extract" in done.stdout


def test_closed_pipe_is_quiet():
    proc = subprocess.Popen([sys.executable, "-m", "tui_reader", "extract", str(ARTICLES), "--format", "text"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()
    assert "Traceback" not in proc.stderr.read().decode()
    proc.wait(timeout=60)


def test_help_shows_path_usage():
    assert "tui-reader [PATH ...]" in run("--help").stdout
