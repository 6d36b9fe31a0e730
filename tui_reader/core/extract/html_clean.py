"""Cleaning rules around readability-lxml: before it scores the page, and on the article it returns.

Every rule is site-independent: it reads semantic hints (tags, ARIA, the words of class and id
attributes), link density, repetition and the shape of short lines, never hosts or known strings.
Post-cleaning never removes a major part of the article (see `_major`), so a boilerplate word in the
class of the article's own container cannot empty the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree
from lxml.html import fragments_fromstring

from tui_reader.core.extract.credits import (
    CREDIT_AT_END,
    CREDIT_MAX,
    CREDIT_START,
    is_credit,
    without_trailing_credit,
)

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def class_words(el) -> str:
    """The words of `class` and `id`, lower case, joined and framed by "-".

    'InlineImage-imageEmbedCaption' -> '-inline-image-image-embed-caption-'; patterns built by
    `words_pattern` match whole words or runs of words inside it.
    """
    value = " ".join(v for v in (el.get("class"), el.get("id")) if v)
    if not value:
        return ""
    words = [w for w in _NON_WORD.split(_CAMEL.sub("-", value).lower()) if w]
    return "-" + "-".join(words) + "-" if words else ""


def words_pattern(*words: str) -> re.Pattern:
    return re.compile("-(?:" + "|".join(words) + ")-")


def class_tokens(el) -> list[str]:
    """The tokens of `class` and `id` as written, lower case: 'has-header-image' is one token."""
    return " ".join(v for v in (el.get("class"), el.get("id")) if v).lower().split()


def tokens_pattern(*tokens: str) -> re.Pattern:
    """Matches a whole class or id token (`has_token`), never a part of one."""
    return re.compile("(?:" + "|".join(tokens) + ")")


def has_token(el, pattern: re.Pattern) -> bool:
    return any(pattern.fullmatch(token) for token in class_tokens(el))


_CLASS_ID = etree.XPath("//@class | //@id")


def named_with(root, hint: re.Pattern, words: tuple[str, ...] = ()) -> list:
    """The elements, in document order, whose class or id (in lower case) `hint` finds something in, or
    holds one of `words`, and maybe a few more: a cheap first look before `has_token` reads the tokens of
    the few it finds. One scan over all the page's class and id values joined and lower-cased (a
    case-blind regex, or a call per element, cost ten times more); `words` are looked for with `str.find`
    (a long alternation in `hint` would try each at every letter)."""
    values = _CLASS_ID(root)
    joined = "".join(values).lower()
    if len(joined) == sum(map(len, values)):
        ends = list(accumulate(map(len, values)))
    else:  # a letter whose lower case is longer ("İ"): offsets from each value's own lower case
        lowered = [value.lower() for value in values]
        ends = list(accumulate(map(len, lowered)))
    starts = [match.start() for match in hint.finditer(joined)]
    for word in words:
        at = joined.find(word)
        while at != -1:
            starts.append(at)
            at = joined.find(word, at + 1)
    found = {}
    for start in sorted(set(starts)) if words else starts:
        found.setdefault(values[bisect_right(ends, start)].getparent(), None)
    return list(found)


def text_of(el) -> str:
    """`el`'s text, runs of white space folded to one space, stripped (`str.split`: faster than a regex)."""
    return " ".join(el.text_content().split())


def drop(el) -> None:
    """Remove `el` and its content, keeping the text that follows it."""
    el.drop_tree()


# --- captions and credits --------------------------------------------------------------------------

CAPTION = words_pattern("caption", "captions", "figcaption", "caption-text")
CREDIT = words_pattern("credit", "credits", "copyright", "image-source", "photo-source", "attribution")


def _major(el, total: int) -> bool:
    """`el` holds a real part of the article: a third of its text, or three long paragraphs."""
    length = len(text_of(el))
    if total and length > total / 3:
        return True
    long_paragraphs = 0
    for p in el.iter("p", "li"):
        if len(text_of(p)) >= 150:
            long_paragraphs += 1
            if long_paragraphs >= 3:
                return True
    return False


class Named:
    """The elements of a fragment that have a class or id, with their words, found once for all rules.

    `matching` gives the outermost ones a pattern names, skipping what a rule already removed and any
    major part of the article.
    """

    def __init__(self, root) -> None:
        self.total = len(text_of(root))
        self.items = [(el, words) for el in _WITH_NAME(root) if (words := class_words(el))]
        self.dropped: set = set()

    def matching(self, pattern: re.Pattern):
        for el, words in self.items:
            if pattern.search(words) and el not in self.dropped and not _major(el, self.total):
                if not any(a in self.dropped for a in el.iterancestors()):
                    yield el, words

    def drop(self, el) -> None:
        self.dropped.add(el)
        drop(el)


_WITH_NAME = etree.XPath(".//*[@class or @id]")


def drop_captions(named: Named) -> None:
    """Image captions and photo credits are not article text (figures repeat them, galleries more so)."""
    for el, _ in named.matching(CREDIT):
        named.drop(el)
    for el, _ in named.matching(CAPTION):
        if el.tag != "figcaption" and not any(a.tag == "figcaption" for a in el.iterancestors()):
            named.drop(el)


def drop_credit_lines(root) -> None:
    """Lines that only credit a picture (`credits.is_credit`), however they are marked up: the element a
    credit's words open, or the outermost one around it that adds no text to the credit (but an inline
    element with words after it, and never a heading); and an agency's "(AP Photo/A. Person)" at the end
    of a caption or paragraph."""
    starts = [t.getparent() for t in _TEXTS(root) if t.is_text and CREDIT_START.match(t.lstrip())]
    for start in starts:
        if any(el.tag in _HEADINGS for el in (start, *start.iterancestors())):
            continue
        line = credit = None
        for el in (start, *start.iterancestors()):
            if el is root or el.getparent() is None:
                break
            text = text_of(el)
            if credit is not None and text != credit:
                break  # the ancestor holds more than the credit
            if credit is None:
                if len(text) > CREDIT_MAX or not CREDIT_START.match(text):
                    break
                if not is_credit(text):
                    continue  # a label alone ("<b>Photo:</b> Jane Doe"): the credit is around it
            if el.tag in _PHRASING_CREDIT and (el.tail or "").strip():
                break  # words follow it on its line: part of a sentence
            line, credit = el, text
        if line is not None:
            drop(line)
    for el in root.iter("p", "figcaption", "div", "span"):
        last = el[-1] if len(el) else None
        if last is not None and isinstance(last.tag, str):
            if last.tail and last.tail.strip():
                last.tail = _without_credit(last.tail)
        elif el.text and el.text.strip():
            el.text = _without_credit(el.text)


def _without_credit(text: str) -> str:
    """A text node without its closing credit: "(AP Photo/A. Person)", or a credit after its last sentence."""
    if "Photo" in text:
        text = CREDIT_AT_END.sub("", text)
    return without_trailing_credit(text)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PHRASING_CREDIT = ("span", "small", "em", "i", "cite", "b", "strong", "font")
_TEXTS = etree.XPath(".//text()")


# --- boilerplate named as such -----------------------------------------------------------------------

BOILERPLATE = words_pattern(
    # share and like bars
    "share", "shares", "sharing", "sharedaddy", "share-bar", "share-buttons", "like", "likes",
    # related stories, tags
    "related", "relatedposts", "related-posts", "related-articles", "related-stories", "more-stories",
    "recommended", "see-also", "tags", "tag-list", "tagbox", "tag-cloud", "tagcloud", "keywords",
    # newsletter and subscription prompts
    "newsletter", "subscribe", "subscription", "signup", "sign-up",
    # bylines, author boxes, dates
    "byline", "bylines", "author-bio", "about-author", "author-box", "author-info", "timestamp",
    "dateline", "pubdate", "publish-date", "published-date", "post-date", "entry-date", "date",
    # galleries, players
    "gallery", "slideshow", "carousel", "swiper", "lightbox", "video-player", "control-bar",
    "control-panel", "controls",
    # advertising
    "ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "promoted", "outbrain",
    "taboola", "dfp",
    # navigation
    "breadcrumb", "breadcrumbs", "pagination", "pager", "nav", "navigation", "menu", "toolbar",
    # comments
    "comment", "comments", "disqus",
)


# Text for screen readers only ("Image copyright" before a credit): never on screen, never article text.
SCREEN_READER = words_pattern("sr-only", "visually-hidden", "screen-reader-text", "screen-reader-only",
                              "off-screen", "offscreen", "element-invisible")
# Hidden on every screen, shown in print (utility classes of CSS frameworks): a citation or copyright
# footer for the printed page.
PRINT_ONLY = words_pattern("d-none", "print-only", "visible-print", "visible-print-block", "show-for-print")
_SHOWN_ON_SOME_SCREEN = re.compile(r"-d-(?:sm|md|lg|xl|xxl)-(?!none-)")
BLOCK_TAGS = frozenset({"div", "p", "ul", "ol", "li", "dl", "section", "aside", "header", "footer", "nav",
                        "figure", "table", "form", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})


def drop_boilerplate(named: Named) -> None:
    """Blocks whose class or id names them as page furniture (share bars, tags, author boxes, ...).

    Only block elements: an inline element inside a sentence carries words of the sentence.
    """
    for el, _ in named.matching(BOILERPLATE):
        if el.tag in BLOCK_TAGS:
            named.drop(el)
    for el, _ in named.matching(SCREEN_READER):
        named.drop(el)
    for el, words in named.matching(PRINT_ONLY):
        if not _SHOWN_ON_SOME_SCREEN.search(words):
            named.drop(el)


# --- hover cards -------------------------------------------------------------------------------------


def _link_share(el) -> tuple[int, int]:
    """(characters of `el`'s text, characters of it inside links), white space not counted."""
    return _visible_len(el), sum(_visible_len(a) for a in el.iter("a"))


def _visible_len(el) -> int:
    return _unspaced_len(el.text_content())


def _unspaced_len(text: str) -> int:
    """Characters of `text` that are not white space."""
    return sum(map(len, text.split()))


def drop_hover_cards(root) -> None:
    """A card that pops up over a link (a person's name, then their latest stories) glues its text into
    the sentence: an element right after a link, made only of two or more links, goes."""
    for el in list(root.iter("span", "div", "aside")):
        prev = el.getprevious()
        if prev is None or prev.tag != "a" or (prev.tail or "").strip():
            continue
        if len(el.findall(".//a")) < 2:
            continue
        length, linked = _link_share(el)
        if length and linked >= 0.9 * length:
            drop(el)


# --- before readability ------------------------------------------------------------------------------

_WRAPPERS = frozenset({"div", "span", "figure", "section", "aside", "center"})


def rescue_blockquotes(root) -> None:
    """A quoted post embedded in the article (a tweet, say) is a <blockquote> whose class and wrappers
    readability reads as a social widget and drops, or whose few links it counts as a link list.

    The blockquote loses its class and id, and the wrappers around it that hold nothing else are
    unwrapped, so it is scored and kept like any quotation.
    """
    for bq in list(root.iter("blockquote")):
        bq.attrib.pop("class", None)
        bq.attrib.pop("id", None)
        length = len(text_of(bq))
        parent = bq.getparent()
        while parent is not None and parent.tag in _WRAPPERS and len(text_of(parent)) == length:
            above = parent.getparent()
            if above is None:
                break
            parent.drop_tag()
            parent = above


_ARTICLE_TYPE = re.compile(r"schema\.org/(?:\w*Article|BlogPosting|SocialMediaPosting|Report)\b", re.IGNORECASE)


_WITH_ITEMPROP = etree.XPath("//*[contains(@itemprop, 'articleBody')]")
_WITH_ITEMTYPE = etree.XPath("//*[@itemtype]")


def main_entity(root):
    """The one element the page marks up as its article: `itemprop=articleBody`, else a schema.org
    Article (NewsArticle, BlogPosting, ...) item. None when there is no such element or several."""
    bodies = [el for el in _WITH_ITEMPROP(root) if "articleBody" in el.get("itemprop", "").split()]
    if len(bodies) == 1:
        return bodies[0]
    if bodies:
        return None
    typed = [el for el in _WITH_ITEMTYPE(root) if _ARTICLE_TYPE.search(el.get("itemtype", ""))]
    return typed[0] if len(typed) == 1 else None


def misses(entity, summary) -> bool:
    """readability chose other text: none of the marked-up article's first long paragraphs is in its choice."""
    paragraphs = []
    for p in entity.iter("p"):
        text = text_of(p)
        if len(text) >= 150:
            paragraphs.append(text)
            if len(paragraphs) == 3:
                break
    if not paragraphs:
        return False
    chosen = text_of(summary)
    return not any(text in chosen for text in paragraphs)


# Never article text, and weight for readability (its HTML cleaner visits every element): the head
# (metadata is read from the original page), inline SVG drawings, <noscript> fallbacks (readability
# drops them itself), templates, drop-down option lists.
# Never text: the head, drawings, templates, menus of options, and a wiki's "[edit]" controls beside each heading
# (MediaWiki's mw-editsection: "History[edit]" in the headings, the contents and a quote's section locator).
_NEVER_TEXT = etree.XPath("/html/head | //svg | //noscript | //template | //select"
                          " | //span[contains(concat(' ', normalize-space(@class), ' '), ' mw-editsection ')]")


_HIDDEN = etree.XPath("//noscript | //*[@hidden] | //*[@aria-hidden='true'] | //*[@style]")
_DISPLAY_NONE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)


def _hidden(el) -> bool:
    return (el.tag == "noscript" or el.get("hidden") is not None or el.get("aria-hidden") == "true"
            or bool(_DISPLAY_NONE.search(el.get("style") or "")))


def has_hidden_text(root) -> bool:
    """Some text sits in <noscript> or in an element hidden until a script shows it."""
    return any(_hidden(el) and text_of(el) for el in _HIDDEN(root))


_NOSCRIPT = etree.XPath("//noscript")
_NOSCRIPT_WITH_TEXT = etree.XPath("//noscript[normalize-space()]")


_MARKUP = re.compile(r"<[a-zA-Z!/]")


def _noscript_parts(el) -> list | None:
    """The content of a <noscript> saved as text ("&lt;div&gt;…": how a page with scripts on serialises it),
    parsed: its leading text and elements. None when it holds elements already or no markup."""
    if len(el) or not _MARKUP.search(el.text or ""):
        return None
    try:
        parts = fragments_fromstring(el.text)
    except (etree.ParserError, ValueError):
        return []
    return parts


def noscript_text(root) -> int:
    """Characters of text the page's <noscript> elements show without scripts (white space not counted)."""
    total = 0
    for el in _NOSCRIPT_WITH_TEXT(root):
        parts = _noscript_parts(el)
        if parts is None:
            total += _visible_len(el)
        else:
            total += sum(_unspaced_len(p if isinstance(p, str) else p.text_content()) for p in parts)
    return total


_PARAGRAPH_MIN = 80  # characters: a shorter paragraph is a label, a teaser's line, a note
_PARAGRAPHS = etree.XPath("descendant-or-self::p[not(ancestor::li or ancestor::a)]")
_CLOSES_SENTENCE = re.compile(r"[.!?…\"”»)]$")


def prose_len(el) -> int:
    """Characters (white space not counted) of `el`'s prose: paragraphs of _PARAGRAPH_MIN characters or more
    that close a sentence, outside lists (comments, links to other stories) and mostly outside links."""
    total = 0
    for p in _PARAGRAPHS(el):
        length, linked = _link_share(p)
        if length >= _PARAGRAPH_MIN and 2 * linked < length and _CLOSES_SENTENCE.search(p.text_content().rstrip()):
            total += length
    return total


def noscript_prose(root) -> int:
    """Characters of prose (`prose_len`) in the page's <noscript> elements."""
    total = 0
    for el in _NOSCRIPT_WITH_TEXT(root):
        parts = _noscript_parts(el)
        total += prose_len(el) if parts is None else sum(prose_len(p) for p in parts if not isinstance(p, str))
    return total


# A sentence of a notice asking for scripts ("Please enable JavaScript", "Bitte aktivieren Sie JavaScript").
_SCRIPTS = re.compile(r"java\s?script|\bscripts?\b|\bskripte?\b|\bbrowser", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")


def beside_scripts_notice(el, limit: int) -> int:
    """Characters of `el`'s text outside sentences that ask for scripts (white space not counted); counting
    stops past `limit`."""
    total = 0
    for sentence in _SENTENCES.split(" ".join(el.itertext())):
        if not _SCRIPTS.search(sentence):
            total += _unspaced_len(sentence)
            if total > limit:
                break
    return total


_LEAF_BLOCKS = etree.XPath("//p | //div[not(*)]")


def drop_scripts_notices(root) -> None:
    """Paragraphs that only ask for scripts go (the article is then read from <noscript>)."""
    for el in _LEAF_BLOCKS(root):
        if el.text_content().strip() and not beside_scripts_notice(el, 0):
            drop(el)


def _open_noscript(el) -> None:
    """Put the content of a <noscript> in its place, parsed if it was saved as text."""
    parts = _noscript_parts(el)
    if parts is not None:
        el.text = parts.pop(0) if parts and isinstance(parts[0], str) else None
        el.extend(parts)
    el.drop_tag()


def reveal_hidden(root, noscript_only: bool = False) -> None:
    """Show what the page hides for scripts to reveal: <noscript> content, hidden elements' text (not
    with `noscript_only`)."""
    for el in _NOSCRIPT(root) if noscript_only else _HIDDEN(root):
        if el.tag == "noscript":
            _open_noscript(el)
            continue
        el.attrib.pop("hidden", None)
        if el.get("aria-hidden") == "true":
            del el.attrib["aria-hidden"]
        style = el.get("style")
        if style and _DISPLAY_NONE.search(style):
            el.set("style", _DISPLAY_NONE.sub("", style))


def drop_weight(root) -> None:
    for el in _NEVER_TEXT(root):
        el.drop_tree()


# Boxes laid over the page: dialogs, cookie and consent banners, newsletter and sign-in prompts. Words
# that describe the article's own state ("paywall", "premium", "locked") are not here: such a page's
# container holds the article.
_CONSENT_BOX_NAMES = (r"(?:cookie|gdpr|privacy)[-_]?(?:consent|banner|notice|bar|popup|dialog|wall)",
                      r"consent[-_](?:banner|dialog|popup|wall|modal)", r"cmp[-_]?banner")
# A whole token that names a consent box, not a page's section about cookies or consent ("cookies", "gdpr").
CONSENT_BOX_NAME = tokens_pattern(*_CONSENT_BOX_NAMES)
DIALOG = tokens_pattern(
    r"modal(?:[-_](?:dialog|window|container|overlay|wrapper|popup))?", r"overlay", r"pop-?ups?", r"popover",
    r"lightbox", r"interstitial", *_CONSENT_BOX_NAMES, r"consent", r"cookies?", r"gdpr",
    r"newsletter(?:[-_](?:signup|popup|modal|overlay|subscribe|form|box))?",
)
# Words that name a cookie or consent box wherever they stand in a class or id token ("cookie-law-info-bar",
# "CybotCookiebotDialog", "fc-consent-root"). A page names its wrappers and sections with such words too
# ("gdpr-compliant", "cookie-recipe", "consent-law"): a consent box goes only with the evidence of a box
# (`_consent_box_evidence`) and while it leaves the page most of its text.
CONSENT = re.compile(r"(?<![a-z0-9])(?:cookies?|cookie(?:bot|banner|bar|notice|consent|law)\w*|consent|gdpr)(?![a-z0-9])")
CONSENT_SHARE = 0.75  # a consent box never holds more than this share of the page's text
# The names consent-management platforms give the boxes they lay over every page that uses them (OneTrust,
# Didomi, Cookiebot, Quantcast, Usercentrics, Sourcepoint, TrustArc, consentmanager, iubenda, CookieYes,
# Complianz, Osano, Klaro, Termly, Axeptio, tarteaucitron, Cookie-Script, Evidon, Borlabs), at the start of a
# class or id token: a product's name, never a page's word for its own parts. Such a box goes however much
# text it holds (a full list of partners and purposes is often longer than the article).
_VENDORS = ("onetrust", "ot-sdk", "ot-pc", "didomi", "cybot", "cookiebot", "qc-cmp", "usercentrics", "sp_message",
            "truste", "trustarc", "cmpbox", "cmpwrapper", "iubenda", "cky", "cookieyes", "cmplz", "osano", "klaro",
            "termly", "axeptio", "tarteaucitron", "cookiescript", "_evidon", "evidon", "borlabs")
# On a token split at its camel case, lower case.
CMP_VENDOR = re.compile("(?:" + "|".join(map(re.escape, _VENDORS)) + r")(?=[-_\d]|$)")


def _vendor_box(el) -> bool:
    return any(CMP_VENDOR.match(_CAMEL.sub("-", token).lower())
               for token in " ".join(v for v in (el.get("class"), el.get("id")) if v).split())
_SHORT_BOX = 300  # visible characters: a notice this short is a box, not a part of the page


def _consent_box(el) -> bool:
    return _vendor_box(el) or any(CONSENT.search(_CAMEL.sub("-", token).lower())
                                  for token in " ".join(v for v in (el.get("class"), el.get("id")) if v).split())


_BOX_CONTROLS = etree.XPath("boolean(descendant-or-self::button | descendant-or-self::form "
                            "| descendant-or-self::input | descendant-or-self::*[@role='button'])")
_LAID_OVER = re.compile(r"position\s*:\s*(?:fixed|sticky)", re.IGNORECASE)
_IN_ARTICLE = etree.XPath("boolean(ancestor::article | ancestor::*[contains(@itemprop, 'articleBody')])")


def _consent_box_evidence(el, length: int) -> bool:
    """A box laid over the page: a token naming such a box ("cookie-consent"), buttons or a form to answer
    it, a fixed or sticky position, a dialog's role, or a short notice."""
    return (length <= _SHORT_BOX or has_token(el, CONSENT_BOX_NAME) or _BOX_CONTROLS(el)
            or bool(_LAID_OVER.search(el.get("style") or "")) or _dialog_role(el))


_DIALOG_ROLES = frozenset({"dialog", "alertdialog"})


def _dialog_role(el) -> bool:
    return (el.get("role") or "").strip().lower() in _DIALOG_ROLES or el.get("aria-modal") == "true"


def drop_dialogs(root) -> None:
    """Dialogs go before readability scores the page, so that a consent text or a newsletter box is never
    chosen as the article: `role=dialog`, `aria-modal=true`, or a class or id naming such a box. Never
    the body or an element holding an article, a main part or a first-level headline; a box named only
    by its layout stays too when it holds most of the page's text (a modal-styled article viewer). A box
    named for cookies or consent needs the evidence of a box, never holds more than
    `CONSENT_SHARE` of the page's text, and is never inside an <article> or articleBody element."""
    found = []
    for el in dict.fromkeys([*named_with(root, _DIALOG_HINT, _VENDOR_WORDS), *_WITH_ROLE(root)]):
        if el.tag in ("html", "body") or el.tag in _INLINE_OK:
            continue
        consent = _consent_box(el)
        if consent or has_token(el, DIALOG):
            found.append((el, consent))
        elif _dialog_role(el):
            found.append((el, False))
    if not found:
        return
    body = root.find(".//body")
    total = _visible_len(body if body is not None else root)
    for el, consent in found:
        if el.getparent() is None or _HOLDS_ARTICLE(el):
            continue
        length = _visible_len(el)
        if consent and _vendor_box(el):
            pass  # a consent platform's own box: no evidence or share needed
        elif consent:
            if (_IN_ARTICLE(el) or not _consent_box_evidence(el, length)
                    or (total and length > CONSENT_SHARE * total)):
                continue
        elif total and length > total / 2:
            continue
        drop(el)


# Every DIALOG and CONSENT word contains one of these.
_DIALOG_HINT = re.compile(r"modal|overlay|pop|lightbox|interstitial|consent|cookie|gdpr|cmp|newsletter")
# The consent platforms' names the hint does not find.
_VENDOR_WORDS = tuple(word for word in _VENDORS if not _DIALOG_HINT.search(word))
_WITH_ROLE = etree.XPath("//*[@role or @aria-modal]")
_INLINE_OK = frozenset({"a", "span", "em", "strong", "b", "i", "img", "abbr", "time"})
_HOLDS_ARTICLE = etree.XPath("boolean(descendant-or-self::article | descendant-or-self::main | .//h1 "
                             "| descendant-or-self::*[contains(@itemprop, 'articleBody')])")


def pre_clean(root) -> None:
    """Prepare the page for readability, in place (a copy: metadata and headlines read the original)."""
    drop_weight(root)
    drop_dialogs(root)
    rescue_blockquotes(root)


# --- lines made of links ------------------------------------------------------------------------------

_ADDRESS = re.compile(r"^(?:\S+://|www\.)\S*$|^\S+@\S+\.\w+$", re.IGNORECASE)


def _is_leaf(el) -> bool:
    return not any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el.iterdescendants())


def drop_link_lines(root) -> None:
    """A paragraph that is nothing but links is not article text: a row of short links is a share or
    tag bar ("Whatsapp Facebook Pin"), one link with a title for text is a related story. A link whose
    text is an address (a source the article cites) stays."""
    for el in list(root.iter("p", "div")):
        if not _is_leaf(el):
            continue
        links = el.findall(".//a")
        if not links:
            continue
        length, linked = _link_share(el)
        if not length or linked < 0.95 * length:
            continue
        words = [text_of(a).split() for a in links]
        if len(links) >= 2 and all(len(w) <= 3 for w in words) and sum(map(len, words)) <= 15:
            drop(el)
        elif el.tag == "p" and len(links) == 1 and len(words[0]) >= 3 and not _ADDRESS.match(text_of(links[0])):
            drop(el)


# --- comment sections without a name -------------------------------------------------------------------

# The control that answers a comment, in the languages of our readers' pages: the whole text of a link,
# button or span.
REPLY = re.compile(
    r"(?:reply|respond|antworten|beantworten|répondre|repondre|responder|rispondi|reageer|beantwoorden|svara|svar|"
    r"odpowiedz|ответить|odpovědět|odpovedať|vastaa|yanıtla|válasz|返信|回复|回覆|답글|답장)(?: to \S+)?", re.IGNORECASE)
_REPLY_WORDS = ("repl", "respo", "antwo", "beantwoo", "répond", "repond", "rispond", "reageer", "svar", "odpo", "ответить",
                "vastaa", "yanıtla", "válasz", "返信", "回复", "回覆", "답글", "답장")  # each REPLY word holds one
# Links, buttons and spans short enough to be a reply control (a few words), found in C.
_CONTROLS = etree.XPath(".//*[self::a or self::button or self::span or @role='button']"
                        "[string-length(normalize-space()) <= 40]")
# When a comment was written: "3 hours ago", "vor 2 Tagen", "il y a 5 jours", "hace 1 día", "yesterday", a date.
_WHEN = re.compile(
    r"\b(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|gestern|hier|ayer|ieri"
    r"|vor\s+\d+\s*\w+|il\s+y\s+a\s+\d+|hace\s+\d+|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d-\d\d-\d\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr"
    r"|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?\s+\d{4})", re.IGNORECASE)
COMMENT_SHARE = 0.5  # a comment holds less than this share of the article's text


def _replies(root) -> set:
    """The elements under `root` holding a reply control, and the controls."""
    holding: set = set()
    for el in _CONTROLS(root):
        if len(el) <= 2 and REPLY.fullmatch(text_of(el)):
            holding.update(el.iterancestors())
    return holding


def drop_comment_runs(root) -> None:
    """Comments kept after the article in a section no class or id names: two or more elements side by side,
    each with a reply control ("Reply", "Antworten", ...) and a time it was written, each holding less than
    half of the text. They go; the article's paragraphs between or around them stay."""
    text = root.text_content().lower()
    if not any(word in text for word in _REPLY_WORDS):
        return
    holding = _replies(root)
    if not holding:
        return
    total = len(text_of(root))
    for parent in [el for el in root.iter() if el in holding]:
        if parent.getparent() is None and parent is not root:
            continue  # removed with an ancestor
        comments = [c for c in parent if c in holding]
        if len(comments) < 2:
            continue
        comments = [c for c in comments if _written_at(c) and len(text_of(c)) < COMMENT_SHARE * total]
        if len(comments) >= 2:
            for comment in comments:
                drop(comment)


def _written_at(el) -> bool:
    return next(el.iter("time"), None) is not None or bool(_WHEN.search(el.text_content()))


def post_clean(root) -> None:
    """Clean readability's article fragment in place."""
    named = Named(root)
    drop_captions(named)
    drop_boilerplate(named)
    drop_hover_cards(root)
    drop_link_lines(root)
    drop_comment_runs(root)
    drop_credit_lines(root)
