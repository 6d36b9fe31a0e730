"""Choosing the article's container: readability-lxml's scoring, with its rules made safe and widened.

readability credits each paragraph to its parent and half to its grandparent, then keeps the best
element and those of its siblings that score well. Our changes, all site-independent:

- the "unlikely candidate" rule matches whole class and id tokens (`has_token`), never
  substrings ("has-header-image" is not a header, "menulinks" not a menu), and never deletes an
  element holding most of the page's text, unless it is named as a comment section, nor a link or a
  phrase inside running text (as readability.js: a link that opens a popup note is not a popup);
- a negative class weight never removes a major part of the chosen article;
- the chosen container is widened to the ancestor whose subtree holds the article's paragraph-like
  text (paragraphs, list items, definitions, table cells, text in divs with line breaks) when the
  article is split over sibling components, as long as what is added is mostly such text.
"""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml.html import xhtml_to_html
from readability.cleaners import html_cleaner

from tui_reader.core.extract.html_clean import has_token, named_with, tokens_pattern
from tui_reader.core.extract.readability_text import REGEXES, Document
from tui_reader.core.model import UNSPACED_SCRIPTS

# readability's words, each a whole class or id token (with a prefix naming whose part it is, or a plural).
UNLIKELY = tokens_pattern(
    r"(?:(?:site|page|main|global|entry|post|article)[-_])?(?:combx|comments?|community|disqus|extra|foot|footer|header|menu|"
    r"remark|rss|shoutbox|sidebar|sponsor|ad-break|agegate|pagination|pager|popup|tweet|twitter)s?",
)
_UNLIKELY_HINT = re.compile(REGEXES["unlikelyCandidatesRe"].pattern.lower())  # every UNLIKELY token has its words
MAYBE_CANDIDATE = tokens_pattern(r"(?:and|article|body|column|content|main|shadow)s?")
LEAD = tokens_pattern(
    r"(?:(?:article|post|entry|story|content|page)[-_]?)?(?:lead|lede|standfirst|dek|deck|intro|subhead|"
    r"sub-?headline|subtitle|summary|teaser-text|abstract)(?:[-_]text)?",
)
COMMENTS = tokens_pattern(r"(?:comments?|disqus[-_]thread|respond|replies)(?:[-_](?:area|section|list|wrapper))?")
# Elements whose own text is a paragraph of the article: after readability turned leaf <div>s into <p>.
_TEXT_BLOCKS = ("p", "pre", "td", "li", "dd", "blockquote")
_TEXT_BLOCK_SET = frozenset(_TEXT_BLOCKS) | {"div", "table", "ul", "ol", "dl"}
MIN_PARAGRAPH = 80  # characters: a sentence or two, not a menu entry, heading or caption line
_TAGS = re.compile(r"<[^>]*>")
MIN_WORDS = 5
# Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Myanmar.
_UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_SCRIPTS}]")


def _text_len(el) -> int:
    """Characters of text, runs of white space counted as one."""
    return len(" ".join(el.text_content().split()))


def _link_len(el) -> int:
    return sum(_text_len(a) for a in el.iter("a"))


def link_text(root) -> dict:
    """For every element under `root` holding links, the characters of text inside them."""
    links: dict = {}
    for a in root.iter("a"):
        length = _text_len(a)
        if length:
            for node in (a, *a.iterancestors()):
                links[node] = links.get(node, 0) + length
    return links


def paragraph_text(root) -> dict:
    """For every element under `root`, the characters of paragraph-like text its subtree holds: text
    blocks (innermost ones only) of at least MIN_PARAGRAPH characters, their link text not counted; and
    how many such blocks."""
    mass: dict = {}
    count: dict = {}
    for el in root.iter(*_TEXT_BLOCKS):
        if next(el.iterdescendants(*_TEXT_BLOCK_SET), None) is not None:
            continue
        text = " ".join(el.text_content().split())
        length = len(text)
        if length < MIN_PARAGRAPH or (text.count(" ") < MIN_WORDS and not _UNSPACED_SCRIPT.search(text)):
            continue  # not prose: an address, a code or a list of tags
        own = length - _link_len(el)
        if own < 0.67 * length:
            continue
        for node in (el, *el.iterancestors()):
            mass[node] = mass.get(node, 0) + own
            count[node] = count.get(node, 0) + 1
    return mass, count


# readability's test for a <div> holding block elements reads its children's HTML for these tag openings.
_BLOCK_OPENING = ("blockquote", "dl", "div", "img", "ol", "p", "table", "ul")
_INLINE_TAGS = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"})


def clean_page(doc) -> None:
    """readability's `html_cleaner` (lxml_html_clean's Cleaner) on the page, in place, as far as the text
    and structure readability reads: scripts, styles, <link>s, comments and processing instructions go
    (their tails stay), `style` attributes go, XHTML tags lose their namespace, <image> is <img>. In C,
    where the Cleaner walks every element and every link in Python. Link addresses are trimmed and those
    with a script scheme blanked in the article only (`ArticleDocument.get_clean_html`); event attributes
    are left (the article's text never reads them)."""
    xhtml_to_html(doc)
    for el in doc.iter("image"):
        el.tag = "img"
    etree.strip_elements(doc, "script", "style", "link", etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    etree.strip_attributes(doc, "style")


class ArticleDocument(Document):
    """readability-lxml's Document with the rules above."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._keep_weight: set = set()
        self._protected: set = set()
        self._best = None
        self._page = None
        self._clean = None
        self.widening = True
        self.protect = False

    # --- speed: readability's work done once, or in linear time -------------------------------------

    def _parse(self, input):
        """readability's `_parse` for a page given as a tree (it drops hidden elements from that tree,
        then cleans a copy): done once, on the tree itself (the caller's working copy), each pass
        (readability retries) starting from a copy of it."""
        if self._clean is None:
            doc = input
            for elem in doc.xpath("//*[@hidden]"):
                elem.drop_tree()
            for elem in doc.xpath("//*[@style]"):
                if REGEXES["displayNoneRe"].search(elem.get("style")):
                    elem.drop_tree()
            clean_page(doc)
            doc.resolve_base_href(handle_failures=self.handle_failures)
            self._clean = doc
        self.encoding = "utf-8"
        return copy.deepcopy(self._clean)

    def get_clean_html(self):
        for a in self.html.iter("a"):  # what the Cleaner does to links (trimmed, scripts blanked), here only
            href = a.get("href")
            if href:
                link = html_cleaner._remove_javascript_link(href.strip())
                if link != href:
                    a.set("href", link)
        return super().get_clean_html()

    def transform_misused_divs_into_paragraphs(self):
        """readability's, in linear time: it serialises each <div>'s children to look for block tags (every
        level of nesting again); here the elements holding one are marked in one pass."""
        holding = set()
        tags = {el.tag for el in self.html.iter(etree.Element)}
        for node in self.html.iter(*[tag for tag in tags if tag.startswith(_BLOCK_OPENING)]):
            while node is not None and node not in holding:
                holding.add(node)
                node = node.getparent()
        for elem in self.tags(self.html, "div"):
            if not any(child in holding for child in elem):
                elem.tag = "p"
        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                p = elem.makeelement("p")
                p.text = elem.text
                elem.text = None
                elem.insert(0, p)
                paragraph = p
            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if child.tag not in _INLINE_TAGS or child in holding:
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = elem.makeelement("p")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = elem.makeelement("p")
                    p.text = child.tail
                    child.tail = None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()

    # --- class rules --------------------------------------------------------------------------------

    def class_weight(self, e) -> int:
        weight = super().class_weight(e)
        return 0 if weight < 0 and e in self._keep_weight else weight

    def remove_unlikely_candidates(self) -> None:
        body = self.html.find(".//body")
        total = _text_len(body if body is not None else self.html)
        for elem in named_with(self.html, _UNLIKELY_HINT):
            if elem.tag in ("html", "body") or not has_token(elem, UNLIKELY) or has_token(elem, MAYBE_CANDIDATE):
                continue
            if elem.getparent() is None:
                continue  # already removed with an ancestor
            if _in_sentence(elem):
                continue  # a link or phrase of the text (a link that opens a popup note is not a popup)
            if elem.xpath("ancestor-or-self::pre | ancestor-or-self::code"):
                continue
            if elem.xpath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"):
                continue
            if not has_token(elem, COMMENTS) and total and _text_len(elem) > total / 2:
                continue  # it holds most of the page: the article's own wrapper, whatever its name
            elem.drop_tree()

    # --- the container ---------------------------------------------------------------------------

    def get_editorial_leads(self, best_elem):
        """The lead or standfirst before the article's container, inside its article/main element:
        readability's class words, and ours as whole tokens."""
        leads = super().get_editorial_leads(best_elem)
        frame = next((el for el in best_elem.iterancestors() if _semantic(el)), None)
        if frame is None:
            return leads
        ancestors = set(best_elem.iterancestors())
        for el in frame.iter():
            if el is best_elem:
                break
            if (el in ancestors or el in leads or not isinstance(el.tag, str) or not has_token(el, LEAD)
                    or any(a in leads for a in el.iterancestors())):
                continue
            if self.get_link_density(el) <= 0.2 and _text_len(el) >= self.min_text_length:
                leads.append(el)
        return leads

    def add_heading_preamble(self, candidates, best_elem, score_threshold):
        """readability's, and its rule for paragraphs beside the article's container read on all their
        text: it reads a sibling <p>'s own leading text only, so a lead set in bold (`<p><b>…</b></p>`)
        was left out. Such a paragraph becomes a candidate at the score that keeps siblings."""
        super().add_heading_preamble(candidates, best_elem, score_threshold)
        parent = best_elem.getparent()
        for sibling in parent if parent is not None else ():
            if sibling.tag != "p" or sibling in candidates or len((sibling.text or "").strip()) > 80:
                continue
            if _text_len(sibling) > 80 and self.get_link_density(sibling) < 0.25:
                candidates[sibling] = {"content_score": score_threshold, "elem": sibling}

    def select_best_candidate(self, candidates):
        best = super().select_best_candidate(candidates)
        self._best = best["elem"] if best is not None else None
        if best is None or not self.widening:
            return best
        self._page = PageText(best["elem"].getroottree().getroot())
        widened = _semantic_inside(widen(best["elem"], self._page), self._page.mass)
        if widened is best["elem"]:
            return best
        self._best = widened
        if widened not in candidates:
            candidates[widened] = self.score_node(widened)
        candidates[widened]["content_score"] = max(candidates[widened]["content_score"], best["content_score"])
        return candidates[widened]

    def get_article(self, candidates, best_candidate, html_partial=False):
        """readability's, except that the element the page marks as the article's body (itemprop
        articleBody), or an article or main element holding most of the page's paragraph text, is the
        article by itself: its siblings (comments, more stories) are not added. Siblings of an articleBody
        element built like it, and mostly text outside links, may be: the rest of an article split around
        an advertisement."""
        best = best_candidate["elem"]
        parent = best.getparent()
        if self.widening and _semantic(best) and parent is not None and len(parent) > 1:
            mass, links = self._page.mass, self._page.links
            total = max(mass.values(), default=0)
            if _body_prop(best) or (total and mass.get(best, 0) >= DOMINANT * total):
                candidates = {el: c for el, c in candidates.items() if el.getparent() is not parent or el is best
                              or (_body_prop(best) and _signature(el) == _signature(best)
                                  and links.get(el, 0) <= (1 - MOSTLY) * _text_len(el))}
        if parent is not None:
            candidates = {el: c for el, c in candidates.items()
                          if el.getparent() is not parent or el is best or not _teasers(el)}
        return super().get_article(candidates, best_candidate, html_partial)

    def summary(self, html_partial=False, keep_all_images=False):
        """readability's summary on the widened container. If cleaning leaves it nearly empty, again
        with the parts that hold most of its paragraphs protected from negative class weights, then
        on readability's own choice; the longest result if none is long enough."""
        results = []
        for self.widening, self.protect in ((True, False), (True, True), (False, True)):
            result = super().summary(html_partial, keep_all_images)
            length = len(_TAGS.sub("", result or "").strip())
            if length >= self.retry_length:
                return result
            results.append((length, result))
        return max(results, key=lambda r: r[0])[1]

    def sanitize(self, node, candidates, keep_all_images=False):
        """readability's conditional cleaning, except that a negative class weight cannot remove the
        chosen container or a wrapper around it (it would empty the article), nor, when `protect` is
        set, a part of it holding most of its paragraphs or made of paragraphs (the wrapper of each
        paragraph, in a page builder whose class names hold "widget")."""
        best = self._best
        self._keep_weight = {best, *best.iterancestors()} if best is not None else set()
        self._protected = set()
        if self.protect and best is not None:
            mass, _ = paragraph_text(best)
            total = mass.get(best, 0)
            self._protected = {el for el in mass if total and (mass[el] > total / 2 or _prose(el, mass))}
            self._protected |= self._keep_weight
        try:
            return super().sanitize(node, candidates, keep_all_images)
        finally:
            self._keep_weight = self._protected = set()

    def get_preserved_elements(self, node):
        """readability's (tables of contents, leads of quotations), the parts protected above, and lists
        whose items are sentences with links in them (readability removes any link-dense list)."""
        allowed = super().get_preserved_elements(node)
        allowed.update(dict.fromkeys(self._protected, True))
        allowed.update(dict.fromkeys((el for el in node.iter("ul", "ol")
                                      if self.get_link_density(el) <= SENTENCE_LINKS and _sentence_list(el)), True))
        allowed.update(dict.fromkeys((el for el in node.iter("table") if _data_table(el)), True))
        return allowed


TEASERS = 2  # linked headlines: a list of other stories with their summaries


def _teasers(el) -> bool:
    """`el` holds TEASERS or more headlines that are links (other stories, each with its summary): never
    the rest of the article beside it."""
    found = 0
    for heading in el.iter("h2", "h3", "h4"):
        length = _text_len(heading)
        if length and _link_len(heading) >= 0.9 * length:
            found += 1
            if found >= TEASERS:
                return True
    return False


PROSE = 0.8  # of an element's text in paragraphs: the element is a wrapper of article text


def _prose(el, mass: dict) -> bool:
    return mass.get(el, 0) >= PROSE * _text_len(el)


def _data_table(el) -> bool:
    """A table of data (documents with their type and size, results, dates and places), however many links
    it holds: a data table by Readability.js's marks (a caption, header cells, column groups, a summary;
    or ten rows or more, five columns or more, more than ten cells), and in most of its rows of two cells
    or more a cell with text and no link. A layout table (one with tables in it, or marked as
    presentation) or a grid of links is not."""
    if el.get("role") == "presentation" or el.get("datatable") == "0" or el.find(".//table") is not None:
        return False
    grid = [[c for c in tr if c.tag in ("td", "th")] for tr in el.iter("tr")]
    marked = el.get("summary") or el.find(".//caption") is not None or next(
        el.iter("th", "thead", "tfoot", "col", "colgroup"), None) is not None
    columns = max(map(len, grid), default=0)
    if not (marked or len(grid) >= 10 or columns > 4 or len(grid) * columns > 10):
        return False
    rows = [cells for cells in grid if len(cells) >= 2]
    plain = sum(any(c.find(".//a") is None and c.text_content().strip() for c in cells) for cells in rows)
    return len(rows) >= 2 and plain >= 2 / 3 * len(rows)


SENTENCE_WORDS = 6  # an item shorter than this is a label or a headline, not a sentence
SENTENCE_LINKS = 0.5  # of a list of sentences, at most this share of the text is in links
_LOWER_WORD = re.compile(r"(?<!\w)[^\W\d_]")


def _sentence_list(el) -> bool:
    """Most of the list's items (two or more) are sentences with links in them: six words or more, and
    among the words outside the links at least two that begin in lower case (the sentence goes on around
    its links). A list of headlines, names and dates, or of bare links, is not."""
    items = [li for li in el if li.tag == "li"]
    if len(items) < 2:
        return False
    sentences = 0
    for li in items:
        if len(li.text_content().split()) < SENTENCE_WORDS:
            continue
        lower = sum(1 for m in _LOWER_WORD.finditer(_outside_links(li)) if m[0].islower())
        sentences += lower >= 2
    return sentences > len(items) / 2


def _outside_links(el) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag != "a":
            parts.append(_outside_links(child))
        parts.append(child.tail or "")
    return " ".join(parts)


# Phrasing elements: inside running text their class names what they do, not what the page holds.
_PHRASING = frozenset({"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "small", "span", "strong",
                       "sub", "sup", "time", "u"})


def _in_sentence(el) -> bool:
    """`el` is a link (readability.js never removes one as an unlikely candidate), or a phrasing element
    with text right before or after it."""
    if el.tag == "a":
        return True
    if el.tag not in _PHRASING:
        return False
    prev, parent = el.getprevious(), el.getparent()
    before = prev.tail if prev is not None else parent.text if parent is not None else None
    return bool((before or "").strip() or (el.tail or "").strip())


SEMANTIC = ("article", "main")
_BOUNDARY = frozenset({"body", "html"})
MIN_SHARE = 0.5  # a step up must add this share of the container's paragraph text to be taken
MIN_BLOCKS = 2  # and this many paragraphs: one is a lead, a caption or a note
MOSTLY = 0.7  # what is added going up must be this much text outside links


def _body_prop(el) -> bool:
    return "articleBody" in (el.get("itemprop") or "").split()


def _semantic(el) -> bool:
    return el.tag in SEMANTIC or _body_prop(el)


class PageText:
    """The page's paragraph-like text and link text per element (`paragraph_text`, `link_text`)."""

    def __init__(self, root) -> None:
        self.root = root
        self.mass, self.count = paragraph_text(root)
        self.links = link_text(root)


def _semantic_inside(chosen, mass: dict):
    """The one article, main or articleBody element inside `chosen` that holds most of its paragraph
    text, else `chosen`."""
    total = mass.get(chosen, 0)
    if not total:
        return chosen
    inner = [el for el in chosen.iterdescendants() if _semantic(el) and mass.get(el, 0) >= DOMINANT * total]
    return inner[0] if inner else chosen


def widen(best, page: PageText | None = None):
    """The ancestor of `best` that holds the article's paragraph-like text, when the article is split
    over sibling components. Going up, what is added to readability's choice must be mostly text outside
    links (not navigation, link lists or teasers), and not more than the choice holds unless it sits in
    siblings built like the choice's own component (the other parts of one article). Never past an
    `article`/`main`/articleBody element. An ancestor is taken only when it adds a real share of
    paragraphs; wrappers that add none are not (their class words might be any)."""
    page = page or PageText(best.getroottree().getroot())
    root, mass, count, links = page.root, page.mass, page.count, page.links
    chosen = child = best
    base, base_length, base_links = mass.get(best, 0), _text_len(best), links.get(best, 0)
    for parent in best.iterancestors():
        if parent.tag in _BOUNDARY or _semantic(child):
            break
        extra = mass.get(parent, 0) - base
        added = _text_len(parent) - base_length
        if added - (links.get(parent, 0) - base_links) < MOSTLY * added:
            break  # what it adds is mostly links: navigation, link lists, teasers
        if extra > base and not _parts_alike(parent, child, mass):
            break  # as much text again: other stories, comments or a gallery, not the rest of this one
        own = mass.get(chosen, 0)
        if mass.get(parent, 0) - own >= MIN_SHARE * own and count.get(parent, 0) - count.get(chosen, 0) >= MIN_BLOCKS:
            chosen = parent
        child = parent
    return _dominant(root, mass, links, chosen)


PLAIN = 0.9  # of the text a wrapper adds, this share outside links: the article's own parts, not a page's


def _adds_plain(parent, child, links: dict) -> bool:
    added = _text_len(parent) - _text_len(child)
    return added <= 0 or links.get(parent, 0) - links.get(child, 0) <= (1 - PLAIN) * added


def _parts_alike(parent, child, mass: dict) -> bool:
    """Most of the paragraph text `parent` adds to `child` sits in siblings of `child` with its tag and
    classes."""
    signature = _signature(child)
    alike = sum(mass.get(c, 0) for c in parent if c is not child and _signature(c) == signature)
    return alike >= 0.5 * (mass.get(parent, 0) - mass.get(child, 0))


def _signature(el) -> tuple:
    """How an element is built: its tag and classes."""
    return el.tag, sorted((el.get("class") or "").split())


DOMINANT = 0.6  # of the page's paragraph-like text: the element that holds the article
WEAK = 0.15  # a choice holding less than this share of the dominant element's text was a widget


def _dominant(root, mass: dict, links: dict, chosen):
    """When the chosen container holds little of the page's paragraph-like text (readability scores
    only <p>, <pre>, <td> and <blockquote>: text in list items or definitions is not scored), or is the
    whole page (its class words made every part of the article score below the page's footer), the
    deepest element holding most of that text is taken instead, with the wrappers around it that add
    text outside links only."""
    body = root.find(".//body")
    top = body if body is not None else root
    total = mass.get(top, 0)
    if not total or (chosen is not top and chosen is not root and mass.get(chosen, 0) >= WEAK * total):
        return chosen
    node = top
    while True:
        child = next((c for c in node if mass.get(c, 0) >= DOMINANT * total), None)
        if child is None:
            break
        node = child
    while node is not top and (parent := node.getparent()) is not top and _adds_plain(parent, node, links):
        node = parent  # its lead, headings and short lists (a recipe's ingredients) come with it
    if node is top or (chosen is not top and chosen is not root and mass.get(chosen, 0) >= WEAK * mass.get(node, 0)):
        return chosen
    return node
