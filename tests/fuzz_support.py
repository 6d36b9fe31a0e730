"""Mutated article files, and a runner that loads each in a worker process it can kill.

Shared by the fuzz test (a few hundred cases) and `bench/fuzz.py` (the long campaign). Cases are
deterministic: case `n` of seed `s` is always the same bytes. A case's outcome is "article",
"empty" (an Article with no text), "refused" (ArticleError), "crash:<ExceptionType>" or "hang"
(no answer within the per-case bound: the worker is killed and a new one started).
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown")
GROWTH = 2  # a case is at most this many times its seed's size (plus 64 KB): pages of the sizes
# people save; how time grows with size is measured apart, by bench/fuzz.py --scaling

JUNK = [
    b"\x00", b"\x01\x02\x03", b"\x07", b"\x08", b"\x0b\x0c", b"\x1b", b"\x7f", b"\x85", b"\x9b", b"\x9d", b"\xff\xfe",
    b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\r", b"\r\n", b"\t",
    b"\x1b]52;c;aGk=\x07", b"\x1b]0;title\x1b\\", b"\x1b[31m", b"\x1b[2J", b"\x1bP+q\x1b\\", b"\xc2\x9b31m",
    "\u202e\u2066\u200e\u200f\u061c\ufeff\u200b\u00ad".encode(),
]
MARKUP = [
    b"<html>", b"</html>", b"<body>", b"</body>", b"<head>", b"</head>", b"<frameset><frame src=a>",
    b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<script>", b"</script>", b"<style>", b"<svg>", b"<math>",
    b"<noscript>", b"<template>", b"<table><tr><td>", b"</td></tr></table>", b"<p>", b"</p>", b"<br>",
    b"<blockquote>", b"<li>", b"<h1>", b"<h2>Heading</h2>", b"<pre>", b"<article>", b"</article>",
    b'<a href="http://[x">a headline of several words here</a>', b'<a href="http://[::1x]/a">x</a>',
    b'<a href="https://e.example:99999/a-long-slug-for-a-story">A long enough headline for a story</a>',
    b'<link rel="canonical" href="http://[x">', b'<meta property="og:url" content="http://[::1x]/">',
    b'<base href="javascript:alert(1)">', b'<base href="http://[x">', b'<meta charset="utf-16">',
    b'<meta charset="x-no-such-charset">', b'<meta charset="utf-7">', b"<?xml version='1.0' encoding='latin-1'?>",
    b"&#1;", b"&#0;", b"&#x1b;]52;c;aGk=&#7;", b"&#xD800;", b"&#99999999;", b"&#x9b;", b"&amp;&lt;&gt;",
    b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"\\u001b]0;x\\u0007","url":"http://[x"}</script>',
    b'<script type="application/ld+json">{"@type": [1, {"a": null}], "author": [[["x"]]], "datePublished": 5}</script>',
    b'<meta name="author" content="[b]x[/b] [@click=app.quit]q[/]">', b"<title>[@click=app.quit]q[/]</title>",
    "“Quoted words here,” she said. ".encode(), b'"Said," he said. ', "«Guillemets» ».".encode(),
    b"[a](", b"[a](http://[x)", b"](", b"**", b"# ", b"> ", b"---\n", b"```", b"\n---\ntitle: [\n---\n",
    b"![img](data:", "\u3000日本語のテキスト。".encode(), "Русский текст.".encode("cp1251"),
]
NESTABLE = [b"<div>", b"<span>", b"<b>", b"<blockquote>", b"<ul><li>", b"<table><tr><td>", b"[", b"> ", b"(", b"\xe2\x80\x9c"]
ENCODINGS = ("utf-16-le", "utf-16", "utf-32", "cp1251", "latin-1", "cp1252", "shift_jis", "gb18030")


def seed_files(shared: Path, root: Path, max_bytes: int | None = None) -> list[Path]:
    """The pages mutations start from: the corpora in ../shared and the project's samples."""
    files = sorted((shared / "corpus" / "aeb" / "html").glob("*.html"))
    files += sorted((shared / "corpus" / "readability" / "pages").glob("*/source.html"))
    files += sorted(p for p in (root / "articles").glob("*.*") if p.is_file())
    files += sorted((root / "tests" / "fixtures").rglob("*.txt"))
    if max_bytes is not None:
        files = [f for f in files if f.stat().st_size <= max_bytes]
    return files


def _slice(rng: random.Random, data: bytes) -> tuple[int, int]:
    if not data:
        return 0, 0
    start = rng.randrange(len(data))
    return start, min(len(data), start + rng.choice((1, 8, 64, 512, 4096, 65536)))


def mutate(data: bytes, rng: random.Random, other: bytes) -> tuple[bytes, list[str]]:
    """1 to 4 mutations of `data` (`other`, another seed, is spliced in by one of them)."""
    done = []
    cap = GROWTH * len(data) + 65536
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(("truncate", "cut", "repeat", "junk", "markup", "nest", "flip", "splice", "encode", "swap",
                         "junk", "markup"))
        pos = rng.randrange(len(data) + 1)
        if op == "truncate":
            data = data[:pos]
        elif op == "cut":
            a, b = _slice(rng, data)
            data = data[:a] + data[b:]
        elif op == "repeat":
            a, b = _slice(rng, data)
            times = min(rng.choice((2, 10, 100, 1000)), cap // max(1, b - a))
            data = data[:b] + data[a:b] * times + data[b:]
        elif op == "junk":
            data = data[:pos] + b"".join(rng.choice(JUNK) for _ in range(rng.randint(1, 20))) + data[pos:]
        elif op == "markup":
            data = data[:pos] + b"".join(rng.choice(MARKUP) for _ in range(rng.randint(1, 10))) + data[pos:]
        elif op == "nest":
            unit = rng.choice(NESTABLE)
            piece = unit * min(rng.choice((10, 300, 3000, 30000)), cap // len(unit))
            data = data[:pos] + piece + data[pos:]
        elif op == "flip":
            buf = bytearray(data)
            for _ in range(rng.randint(1, 50)):
                if buf:
                    buf[rng.randrange(len(buf))] = rng.randrange(256)
            data = bytes(buf)
        elif op == "splice":
            a, b = _slice(rng, other)
            data = data[:pos] + other[a:b] + data[pos:]
        elif op == "encode":
            data = data.decode("utf-8", "replace").encode(rng.choice(ENCODINGS), "replace")
        elif op == "swap":
            a, b = _slice(rng, data)
            c, d = _slice(rng, data)
            if b <= c:
                data = data[:a] + data[c:d] + data[b:c] + data[a:b] + data[d:]
        done.append(op)
        data = data[:cap]
    return data, done


@dataclass
class Case:
    n: int
    seed: str
    suffix: str
    ops: list[str]
    data: bytes


def cases(seeds: list[Path], count: int, master_seed: int = 15) -> Iterator[Case]:
    """`count` mutated files; case n depends only on (master_seed, n) and the seed files."""
    cache: dict[Path, bytes] = {}

    def read(path: Path) -> bytes:
        if path not in cache:
            if len(cache) > 64:
                cache.clear()
            cache[path] = path.read_bytes()
        return cache[path]

    for n in range(count):
        rng = random.Random(f"{master_seed}:{n}")
        seed = rng.choice(seeds)
        other = rng.choice(seeds)
        data, ops = mutate(read(seed), rng, read(other))
        suffix = seed.suffix.lower() if rng.random() < 0.8 else rng.choice(SUFFIXES)
        yield Case(n, seed.name if seed.name != "source.html" else f"{seed.parent.name}/source.html", suffix, ops, data)


# ------------------------------------------------------------------------------------------------
# The worker: loads one case at a time and says what happened


def _cli_escapes(path: str) -> int:
    """Characters that could drive a terminal in what `extract --format markdown` and `cite
    --style bibtex` print for the file (the commands' own filter must leave none)."""
    from tui_reader.cli import main
    from tui_reader.core.sanitize import CONTROLS

    unsafe = re.compile(f"[{CONTROLS}\ud800-\udfff]")
    found = 0
    for argv in (["extract", path, "--format", "markdown"], ["cite", path, "--style", "bibtex"]):
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            main(argv)
        except SystemExit:
            pass
        finally:
            sys.stdout, sys.stderr = saved
        found += len(unsafe.findall(out.getvalue() + err.getvalue()))
    return found


def _worker(conn, state_dir: str) -> None:
    os.environ["TUI_READER_STATE_DIR"] = state_dir
    from tui_reader.core import ArticleError, load_article

    while True:
        job = conn.recv()
        if job is None:
            return
        path, check_cli = job
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        try:
            article = load_article(path)
            outcome, detail = ("article" if article.text.strip() else "empty"), ""
        except ArticleError as exc:
            outcome, detail = "refused", exc.reason
        except BaseException as exc:  # noqa: BLE001 - exactly what the campaign looks for
            import traceback

            where = traceback.extract_tb(exc.__traceback__)[-1]
            outcome = f"crash:{type(exc).__name__}"
            detail = f"{str(exc)[:200]} at {os.path.basename(where.filename)}:{where.lineno}"
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        escapes = _cli_escapes(path) if check_cli else 0
        conn.send((outcome, detail, seconds, peak - before, peak, escapes))


@dataclass
class Result:
    case: Case
    outcome: str
    detail: str
    seconds: float
    grew_kb: int  # how much this case raised the worker's peak memory
    escapes: int
    wrote: list[str] = field(default_factory=list)  # files the load created or changed (must be none)


class Runner:
    """Loads cases one at a time in a worker process; kills and replaces it after `hang_seconds`."""

    def __init__(self, hang_seconds: float = 20.0) -> None:
        self.hang_seconds = hang_seconds
        self.folder = Path(tempfile.mkdtemp(prefix="tui-reader-fuzz-"))
        (self.folder / "state").mkdir()
        self.context = multiprocessing.get_context("spawn")
        self.process = None
        self.conn = None
        self.peak_kb = 0

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child, str(self.folder / "state")), daemon=True)
        self.process.start()
        self.conn = parent

    def run(self, case: Case, check_cli: bool = False) -> Result:
        if self.process is None:
            self._start()
        work = self.folder / "work"
        work.mkdir(exist_ok=True)
        path = work / f"case{case.suffix}"
        path.write_bytes(case.data)
        digest = hashlib.sha256(case.data).hexdigest()
        self.conn.send((str(path), check_cli))
        if self.conn.poll(self.hang_seconds):
            outcome, detail, seconds, grew_kb, peak_kb, escapes = self.conn.recv()
            self.peak_kb = max(self.peak_kb, peak_kb)
        else:
            self.process.kill()
            self.process.join()
            self.process = None
            outcome, detail, seconds, grew_kb, escapes = "hang", f"no answer in {self.hang_seconds:.0f} s", self.hang_seconds, 0, 0
        wrote = [p.name for p in work.iterdir() if p != path]
        if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            wrote.append(path.name)
        shutil.rmtree(work, ignore_errors=True)
        return Result(case, outcome, detail, seconds, grew_kb, escapes, wrote)

    def close(self) -> None:
        if self.process is not None:
            try:
                self.conn.send(None)
                self.process.join(5)
            except (OSError, EOFError):
                pass
            if self.process.is_alive():
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
