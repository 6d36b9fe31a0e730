"""Picture credits by their shape, for HTML (`html_clean.drop_credit_lines`) and plain text (`text_scrape`).

A credit is a short line that opens with a label and its separator ("Photo: ", "Image source, ", "Фото: ",
"Photo by ", "© ", "(AP Photo/") and goes on with nothing but names: 1 to 6 capitalised name or agency
tokens, with "/", commas, "for", "via" and the like between them, a year perhaps. A sentence that starts
with such a label ("Credit: the council deserves it", "Photos by residents flooded social media") has a
lower-case word that joins no names: it is article text.
"""

from __future__ import annotations

import re

_LABEL = (r"photo(?:graph)?s?|pictures?|pics?|images?|foto(?:s|grafie)?|fotó|фото(?:графия)?|φωτο(?:γραφία)?"
          r"|bild(?:er)?|kuva|zdjęcie|imagen|immagine|crédits?(?: photo)?|credits?|(?:photo|image) (?:credit|source)s?"
          r"|image source|bildquelle|写真|사진|图片来源|圖片來源")
# The label and its separator that open a credit, or "©", or an agency's "(AP Photo/".
CREDIT_START = re.compile(
    rf"\(?(?:(?:{_LABEL})\s*(?:[:：=,/|]|by\b|von\b|par\b)|©|\(c\)|copyright\b"
    r"|(?-i:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? Photo\s*/))\s*",
    re.IGNORECASE,
)
CREDIT_MAX = 120  # characters: a credit names a person and an agency or two
MAX_NAMES = 6
# Words that join names in a credit ("Jane Doe for The Times", "AFP via Getty Images", "on Unsplash").
_JOINERS = frozenset("for via on and und et y & de da di del van von der den le la du".split())
_SPLIT = re.compile(r"[\s/,|;]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


# Agencies and sources written in lower case ("Foto: dpa", "Foto: picture alliance / dpa", "Fotos: privat"):
# news agencies' initials and the words that name where a picture comes from.
_LOWER_SOURCE = frozenset(
    "dpa dapd ddp epa epd kna sid apa afp ap sda ansa efe anp ntb tt belga ctk pap mti hina ria tass xinhua kyodo "
    "picture alliance privat private privé privado privato courtesy handout archive archiv archives archivo "
    "imago istock istockphoto shutterstock unsplash pixabay pexels getty images keystone wikimedia commons "
    "colourbox colorbox adobe stock".split())
_LOWER_MAX = 3  # lower-case tokens in one credit
_SENTENCE_END = re.compile(r"[.!?…:]\s*$")


def names_only(rest: str) -> bool:
    """`rest` is 1 to MAX_NAMES capitalised (or caseless-script) names with joiners between them; up to
    _LOWER_MAX of them may be an agency or source in lower case ("dpa", "picture alliance") when no sentence
    ends it."""
    names = lower = 0
    for token in _SPLIT.split(rest):
        token = token.strip("().:'\"‘’“”«»-–—")
        if not token or token.lower() in _JOINERS or _YEAR.fullmatch(token):
            continue
        first = token[0]
        if not first.isalpha():
            return False  # a number: a sentence
        if first.islower():
            if token not in _LOWER_SOURCE:
                return False  # a lower-case word that joins no names: a sentence
            lower += 1
        names += 1
    if lower and (lower > _LOWER_MAX or _SENTENCE_END.search(rest)):
        return False
    return 1 <= names <= MAX_NAMES


def is_credit(line: str) -> bool:
    """`line` (white space collapsed) only credits a picture."""
    line = line.strip()
    match = CREDIT_START.match(line)
    return bool(match) and len(line) <= CREDIT_MAX and names_only(line[match.end():])


# "(AP Photo/A. Person)" at the end of a caption or paragraph.
CREDIT_AT_END = re.compile(r"\s*\((?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)? )?Photo\s*/[^()]{2,60}\)\s*$")


# A credit's opening after the end of a sentence, or after a space before a parenthesis ("Boats in the harbour
# (Photo: AP)"); never "(c)" there: in running text it is a lettered item ("(b) the courts, and (c) Ofcom.",
# "Article 6(1) (c) GDPR"), and a copyright line of its own is a line (`is_credit`).
_AFTER_SENTENCE = re.compile(r"(?:(?<=[.!?…\"”»)])\s+|\s+(?=\())(?!\(c\))(?=" + CREDIT_START.pattern + ")",
                             re.IGNORECASE)
_PARENTHESIS = re.compile(r"\([^()]*\)\s*")  # a credit in parentheses is the whole parenthesis, nothing after it


def without_trailing_credit(text: str) -> str:
    """`text` without a credit that follows its last sentence ("The quay at dawn. Photo: dpa") or closes it as a
    parenthesis of its own ("(Photo: Reuters)")."""
    for gap in _AFTER_SENTENCE.finditer(text, max(len(text) - CREDIT_MAX - 1, 0)):
        rest = text[gap.end():]
        if (rest[0] != "(" or _PARENTHESIS.fullmatch(rest)) and is_credit(rest):
            return text[: gap.start()]
    return text


# Picture agencies a bare credit ends with after a slash ("Handout/Reuters.", "POOL New/Reuters",
# "Chip Somodevilla/Getty Images", "SAUL LOEB/AFP via Getty Images").
_AGENCIES = frozenset("""reuters getty images ap afp epa bloomberg xinhua anadolu shutterstock associated press
pool zuma wire sipa ddp dpa imago alamy""".split())
_AGENCY_CREDIT = re.compile(r"[^\W\d_][\w.'’ -]{0,40}/[\w.'’ /-]{2,40}")


def is_agency_credit(line: str) -> bool:
    """A line that is only a picture's credit in the "Name/Agency" shape, with no label before it."""
    line = line.strip().rstrip(".")
    if len(line) > 70 or not _AGENCY_CREDIT.fullmatch(line):
        return False
    tail = line.rsplit("/", 1)[1].lower().replace("via", " ").split()
    return bool(tail) and all(w in _AGENCIES for w in tail) and names_only(line)
