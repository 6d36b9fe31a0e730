#!/usr/bin/env python3
"""Every page's full `load_article` output as JSON, to check that a speed change alters nothing.

    python bench/outputs_dump.py OUT.json [--shared DIR] [--compare BEFORE.json]

Dumps, for every page of both corpora (../shared/corpus/aeb/html/*.html and
../shared/corpus/readability/pages/*/source.html), the whole Article: metadata, warnings, every
section's blocks (kind, level, text, links), quotes (text, speaker, cue, offsets) and headlines.
A page that fails is dumped as its error. With --compare, lists the pages whose output differs
from an earlier dump and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui_reader.core import ArticleError, load_article  # noqa: E402


def pages(shared: Path) -> list[tuple[str, Path]]:
    corpus = shared / "corpus"
    found = [(f"aeb/{p.stem}", p) for p in sorted((corpus / "aeb" / "html").glob("*.html"))]
    found += [(f"rjs/{p.parent.name}", p) for p in sorted((corpus / "readability" / "pages").glob("*/source.html"))]
    return found


def dump(path: Path) -> dict:
    try:
        article = load_article(path)
    except ArticleError as exc:
        return {"error": exc.reason}
    out = dataclasses.asdict(article)
    out["path"] = None  # where the corpus lies is no output
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--compare", help="an earlier dump: list the pages whose output differs")
    args = parser.parse_args()
    result = {page_id: dump(path) for page_id, path in pages(Path(args.shared))}
    text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"{len(result)} pages dumped to {args.out}")
    if not args.compare:
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    after = json.loads(text)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for page_id in differ:
        fields = sorted(f for f in (before.get(page_id) or {}).keys() | (after.get(page_id) or {}).keys()
                        if (before.get(page_id) or {}).get(f) != (after.get(page_id) or {}).get(f))
        print(f"  differs: {page_id}: {', '.join(fields)}")
    print(f"{len(differ)} of {len(result)} pages differ from {args.compare}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
