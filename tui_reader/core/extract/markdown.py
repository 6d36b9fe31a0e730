"""Markdown articles: front matter for metadata, the CommonMark block forms that articles use.

Inline markers (emphasis, code spans) are removed from the text; links keep their text in the
block and their URL and span in `Block.links`. A "Related"/"See also"/"Read more" section whose
items are links gives linked headlines instead of body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui_reader.core.model import Block, BlockKind, Link
from tui_reader.core.sanitize import clean_inline, strip_controls

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_LIST = re.compile(r"^[ \t]{0,3}(?:[-*+]|(\d{1,9})[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?(.*)$")
_FENCE = re.compile(r"^[ \t]{0,3}(```+|~~~+)")
_RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)$")
# Link text and address stop at the next bracket, and never give back what they took (possessive
# `*+`): a scan from each "[" ends at the next one, so "[a](" or "[" repeated stays linear.
_INLINE_LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*+)\]\(\s*+<?([^)\s>\[\]]*+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REF_LINK = re.compile(r"\[([^\[\]]++)\]\[([^\[\]]*+)\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+[\"'(].*[\"')])?[ \t]*$")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
# Emphasis never spans its own delimiter character (nesting is undone one level a pass), so the
# scan from a delimiter ends at the next one: "*a " repeated stays linear.
_EMPHASIS = re.compile("|".join(rf"{d}(?=\S)([^{c}]+?)(?<=\S){d}" for d, c in
                                (("\\*\\*", "*"), ("__", "_"), ("\\*", "*"), ("_", "_"), ("~~", "~"))))
_EMPHASIS_LEVELS = 4  # passes: emphasis nested deeper than this is left as it is
_CODE = re.compile(r"`+([^`]+)`+")
# A table's delimiter row: "| --- | :---: |" (pipes at the ends optional, one column or more).
_TABLE_RULE = re.compile(r"^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_RELATED = re.compile(r"^(?:related|related (?:articles|stories|reading|coverage)|see also|read (?:more|also|next)|more (?:on|from) .*|further reading|recommended)\W*$", re.I)


@dataclass
class MarkdownResult:
    blocks: list[Block] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    headlines: list[tuple[str, str | None]] = field(default_factory=list)


def _front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta: dict = {}
    key = None
    for line in match.group(1).splitlines():
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key:
            meta.setdefault(key, [])
            if isinstance(meta[key], list):
                meta[key].append(_unquote(item.group(1)))
            continue
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if pair:
            key = pair.group(1).lower()
            value = pair.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                meta[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                meta[key] = _unquote(value) if value else []
    return meta, text[match.end():]


_YAML_ESCAPE = re.compile(r'\\(["\\/tn])')
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]+)\]\]")  # Obsidian's "[[Jane Doe]]", "[[Notes/Jane|Jane Doe]]"


def _unquote(value: str) -> str:
    """A YAML scalar as its text: quotes taken off and their escapes read ("He said \\"no\\"", 'It''s'), a
    note app's wiki link as its name."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = _YAML_ESCAPE.sub(lambda m: {"t": "\t", "n": " "}.get(m.group(1), m.group(1)), value[1:-1])
    elif len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1].replace("''", "'")
    return clean_inline(_WIKI_LINK.sub(r"\1", value))


# A picture that links somewhere: "[![alt](src)](href)", as clippers write every clickable picture.
_LINKED_IMAGE = re.compile(r"\[(!\[[^\[\]]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\))\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")


def render_inline(text: str, refs: dict[str, str]) -> tuple[str, tuple[Link, ...]]:
    """Markdown inline text → plain text with link spans."""
    text = _LINKED_IMAGE.sub(r"\1", text)
    text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
    text = _REF_LINK.sub(
        lambda m: f"[{m.group(1)}]({refs.get((m.group(2) or m.group(1)).lower(), '')})", text
    )
    out: list[str] = []
    links: list[Link] = []
    pos = 0
    length = 0
    for match in _INLINE_LINK.finditer(text):
        before = _plain(text[pos : match.start()])
        out.append(before)
        length += len(before)
        label = _plain(match.group(2))
        if match.group(1):  # an image inside a paragraph: keep its alt text only
            out.append(label)
            length += len(label)
        else:
            url = match.group(3)
            if label and url:
                links.append(Link(label, url, length, length + len(label)))
            out.append(label)
            length += len(label)
        pos = match.end()
    out.append(_plain(text[pos:]))
    joined = "".join(out)
    cleaned = clean_inline(joined)
    if cleaned != joined:  # white space was folded: find each link's label again, in order
        return cleaned, tuple(_relocate(cleaned, links))
    return cleaned, tuple(links)


def _relocate(text: str, links: list[Link]) -> list[Link]:
    result, cursor = [], 0
    for link in links:
        label = clean_inline(link.text)
        index = text.find(label, cursor)
        if index >= 0:
            result.append(Link(label, link.url, index, index + len(label)))
            cursor = index + len(label)
    return result


def _emphasised(match: re.Match) -> str:
    return next(group for group in match.groups() if group is not None)


def _plain(text: str) -> str:
    text = _CODE.sub(r"\1", text)
    for _ in range(_EMPHASIS_LEVELS):
        previous, text = text, _EMPHASIS.sub(_emphasised, text)
        if text == previous:
            break
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)


def parse_markdown(source: str) -> MarkdownResult:
    meta, body = _front_matter(strip_controls(source).replace("\r\n", "\n"))
    result = MarkdownResult(meta=meta)
    lines = body.split("\n")
    refs = {}
    kept = []
    for line in lines:
        ref = _REF_DEF.match(line)
        if ref:
            refs[ref.group(1).lower()] = ref.group(2)
        else:
            kept.append(line)
    lines = kept

    blocks: list[Block] = []
    para: list[str] = []
    kind_of_para = BlockKind.PARAGRAPH

    number: int | None = None  # the number of the numbered list's item being read

    def flush() -> None:
        nonlocal para, kind_of_para, number
        if para:
            joined = " ".join(p.strip() for p in para)
            image = _IMAGE.match(_LINKED_IMAGE.sub(r"\1", joined))
            if image:
                if image.group(1).strip():
                    blocks.append(Block(BlockKind.FIGURE, clean_inline(image.group(1))))
            else:
                text, links = render_inline(joined, refs)
                if text:
                    blocks.append(Block(kind_of_para, text, 0, links,
                                        number if kind_of_para == BlockKind.LIST_ITEM else None))
        para, kind_of_para, number = [], BlockKind.PARAGRAPH, None

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            code = []
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(marker):
                code.append(lines[i])
                i += 1
            if "".join(code).strip():
                blocks.append(Block(BlockKind.PREFORMATTED, "\n".join(code)))
            i += 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            text, links = render_inline(atx.group(2), refs)
            if text:
                blocks.append(Block(BlockKind.HEADING, text, len(atx.group(1)), links))
            i += 1
            continue
        if para and kind_of_para == BlockKind.PARAGRAPH and _SETEXT.match(line) and len(para) == 1:
            text, links = render_inline(para[0], refs)
            blocks.append(Block(BlockKind.HEADING, text, 1 if line.strip().startswith("=") else 2, links))
            para = []
            i += 1
            continue
        if _RULE.match(line):
            flush()
            i += 1
            continue
        quote = _QUOTE.match(line)
        if quote and (inner := _ATX.match(quote.group(1))):  # "> ## Excerpt": a heading, quoted or not
            flush()
            text, links = render_inline(inner.group(2), refs)
            if text:
                blocks.append(Block(BlockKind.HEADING, text, len(inner.group(1)), links))
            kind_of_para = BlockKind.BLOCKQUOTE
            i += 1
            continue
        if quote:
            if kind_of_para != BlockKind.BLOCKQUOTE:
                flush()
                kind_of_para = BlockKind.BLOCKQUOTE
            if quote.group(1).strip():
                para.append(quote.group(1))
            else:
                flush()
                kind_of_para = BlockKind.BLOCKQUOTE
            i += 1
            continue
        item = _LIST.match(line)
        if item:
            flush()
            kind_of_para = BlockKind.LIST_ITEM
            number = int(item.group(1)) if item.group(1) else None
            para.append(item.group(2))
            i += 1
            continue
        if kind_of_para == BlockKind.BLOCKQUOTE:
            flush()
        if "|" in line and not para and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]) and "|" in lines[i + 1]:
            rows, rule = [line], lines[i + 1]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(lines[i])
                i += 1
            blocks.append(Block(BlockKind.TABLE, _table_text(rows, rule, refs)))
            continue
        if line.startswith("    ") and not para:
            code = []
            while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                code.append(lines[i][4:])
                i += 1
            blocks.append(Block(BlockKind.PREFORMATTED, "\n".join(code).strip("\n")))
            continue
        para.append(line)
        i += 1
    flush()
    result.blocks, result.headlines = _take_related(blocks)
    return result


def _cells(row: str, refs: dict[str, str]) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    # a pipe inside a cell stays escaped: the table's text is a table again
    return [render_inline(cell.strip(), refs)[0] for cell in _CELL_SPLIT.split(row)]


def _table_text(rows: list[str], rule: str, refs: dict[str, str]) -> str:
    """A Markdown table as text to read: its header, its rule and its rows, the cells of each column padded
    to one width (to the right where the rule aligns the column so: figures), a valid table again."""
    cells = [_cells(row, refs) for row in rows]
    marks = [m.strip() for m in _CELL_SPLIT.split(rule.strip().strip("|"))]
    columns = max(len(r) for r in cells)
    cells = [r[:columns] + [""] * (columns - len(r)) for r in cells]
    right = [c < len(marks) and marks[c].endswith(":") and not marks[c].startswith(":") for c in range(columns)]
    widths = [max(3, *(len(r[c]) for r in cells)) for c in range(columns)]
    lines = ["| " + " | ".join(r[c].rjust(widths[c]) if right[c] else r[c].ljust(widths[c]) for c in range(columns)) + " |"
             for r in cells]
    dashes = "| " + " | ".join("-" * (widths[c] - 1) + ":" if right[c] else "-" * widths[c] for c in range(columns)) + " |"
    return "\n".join([lines[0], dashes, *lines[1:]])


def _take_related(blocks: list[Block]) -> tuple[list[Block], list[tuple[str, str | None]]]:
    """A trailing "Related" heading followed only by link items becomes headlines, not body."""
    kept: list[Block] = []
    headlines: list[tuple[str, str | None]] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == BlockKind.HEADING and _RELATED.match(block.text):
            j = i + 1
            items = []
            while (j < len(blocks) and blocks[j].kind in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH)
                   and blocks[j].links):
                items.append(blocks[j])
                j += 1
            if items and (j == len(blocks) or blocks[j].kind == BlockKind.HEADING):
                for item in items:
                    for link in item.links:
                        headlines.append((link.text, link.url))
                i = j
                continue
        kept.append(block)
        i += 1
    return kept, headlines
