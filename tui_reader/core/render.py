"""An Article as JSON-ready data, plain text, or Markdown (what `extract` prints)."""

from __future__ import annotations

import json
from dataclasses import asdict

from tui_reader.core.model import Article, Block


def article_to_dict(article: Article) -> dict:
    m = article.metadata
    return {
        "path": article.path,
        "format": article.format,
        "title": m.title,
        "authors": [{"name": a.name, "kind": a.kind} for a in m.authors],
        "site": m.site,
        "publisher": m.publisher,
        "published": m.published,
        "type": m.kind,
        "url": m.url,
        "language": m.language,
        "word_count": article.word_count,
        "reading_minutes": article.reading_minutes,
        "text": article.text,
        "sections": [
            {
                "title": s.title,
                "level": s.level,
                "blocks": [
                    {"kind": b.kind, "text": b.text, "links": [{"text": link.text, "url": link.url} for link in b.links],
                     **({"number": b.number} if b.number is not None else {})}
                    for b in s.blocks
                ],
            }
            for s in article.sections
        ],
        "quotes": [
            {k: v for k, v in asdict(q).items() if k != "end_block"} for q in article.quotes
        ],
        "headlines": [asdict(h) for h in article.headlines],
        "warnings": list(article.warnings),
    }


def article_to_text(article: Article) -> str:
    head = [article.metadata.title or article.path]
    byline = " · ".join(x for x in (", ".join(a.name for a in article.metadata.authors), article.metadata.site, article.metadata.published) if x)
    if byline:
        head.append(byline)
    return "\n".join(head) + "\n\n" + article.text


def _md_inline(block: Block) -> str:
    text, out, pos = block.text, [], 0
    for link in block.links:
        out.append(_escape(text[pos : link.start]))
        out.append(f"[{_escape(text[link.start : link.end])}](<{link.url}>)")
        pos = link.end
    out.append(_escape(text[pos:]))
    return "".join(out)


def _escape(text: str) -> str:
    for ch in "\\`*_[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def _md_block(block: Block) -> str:
    if block.kind == "heading":
        return "#" * max(2, min(block.level, 6)) + " " + _md_inline(block)
    if block.kind == "list_item":
        return (f"{block.number}. " if block.number is not None else "- ") + _md_inline(block)
    if block.kind == "blockquote":
        return "> " + _md_inline(block).replace("\n", "\n> ")
    if block.kind == "figure":
        return "*" + _md_inline(block) + "*"
    if block.kind == "table":
        return block.text  # a Markdown table already
    if block.kind == "preformatted":
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    return _md_inline(block).replace("\n", "  \n")


def article_to_markdown(article: Article) -> str:
    m = article.metadata
    front = {"title": m.title, "authors": [a.name for a in m.authors], "site": m.site, "publisher": m.publisher,
             ("reviewed" if m.reviewed else "modified") if m.revised else "published": m.published,  # dated only by its revision
             "url": m.url, "language": m.language, "source": article.path}
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items() if v] + ["---", ""]
    if m.title:
        lines += ["# " + _escape(m.title), ""]
    blocks = article.blocks
    for i, block in enumerate(blocks):
        lines.append(_md_block(block))
        tight = block.kind == "list_item" and i + 1 < len(blocks) and blocks[i + 1].kind == "list_item"
        if not tight:
            lines.append("")
    if article.headlines:
        lines += ["## Linked headlines", ""]
        for h in article.headlines:
            lines.append(f"- [{_escape(h.text)}](<{h.url}>)" if h.url else f"- {_escape(h.text)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
