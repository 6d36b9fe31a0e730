"""People's names in bylines and author fields."""

from __future__ import annotations

import re

from tui_reader.core import census
from tui_reader.core.model import AUTHOR_KINDS, Author
from tui_reader.core.sanitize import clean_inline

# What introduces a byline ("By", "Par", "Written by"...). "Von"/"Di" are also given names: they are
# taken as "by" only when a whole name (two words or more) follows.
_BY = re.compile(
    r"^\s*(?:(?:written|posted|words|story|text|reported|reporting|published|analysis|opinion|commentary|review|"
    r"interview|écrit|publié|escrito|scritto|geschrieben)\s+)?"
    r"(?P<word>by|von|par|por|di|door|av|af|da|de|автор:?|about|sobre|über|à propos de|texto de|reportage de)"
    r"\s+(?!$)",
    re.IGNORECASE,
)
_NAME_GIVEN_BY_WORD = {"von", "di", "da", "de"}
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# Where a byline's names end: a separator before other matter, or a sentence.
_BYLINE_END = re.compile(
    r"\s+[|•·–—](?:\s+|$)|\s-\s|(?<=[a-z]{2})\.\s|\s*\n"
    # the editor after the reporters: "Reporting by Reuters; Editing by Mark Potter"
    r"|[;,]?\s+(?:additional\s+)?(?:editing|edited)\s+by\s"
    # a social-media handle or the place the story was filed from: "Ann Lee @annlee", "Ann Lee in Moscow"
    r"|\s+@\w|\s+in\s+(?=[A-Z][a-z])"
    # a date after the names: "By Louis Jacobson on Monday, November 18th", "... | Updated Nov. 19"
    r"|\s+(?:on|updated|published|posted)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?[\s,]|\d)"
    # a whole date run into the names without a separator: "... Grace Segers November 20, 2019 / 1:07 AM",
    # after its weekday too: "by Jeff Foust<br>Monday, November 18, 2019"
    r"|\s+(?=(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\d{{1,2}}\.?\s+(?:{_MONTHS})[a-z]*\.?,?\s+\d{{4}}\b)"
    r"|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)
_PARTS = re.compile(r"\s*[,;、，]\s*")
_WITH = re.compile(r"\s*\((?:avec|with|mit|con|com)\s+([^)]*)\)", re.IGNORECASE)  # "Ann Lee (with Bo Chan)"
_JOIN = re.compile(r"\s+(?:and|und|et|y|e|en|и|og|och|ve)\s+|\s*&\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?|R\.?N\.?|Esq\.?)$")
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
              "do", "ten", "ter", "bin", "ibn", "al", "el", "zu", "y"}
# Labels that name nobody: a byline made only of these gives no author ("Staff Reports", "Admin").
_GENERIC = frozenset(
    """staff report reports reporter reporters admin administrator editor editors editorial desk team
    correspondent correspondents writer writers contributor contributors guest news agencies agency wire
    services web online author authors follow share updated published read min minutes ago hours hour
    columnist photographer redaktion rédaction redacción gast гость redazione""".split()
)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\d{3,}")
# Words that end a job title, not a name ("Local Democracy Reporter", "Senior Political Correspondent").
_ROLE_WORDS = frozenset(
    """reporter reporters writer writers editor editors correspondent correspondents columnist columnists
    contributor contributors photographer producer analyst strategist""".split()
)


def parse_byline(value: str, kind: str | None = None) -> list[Author]:
    """One byline or author field -> its authors, in order.

    "By Ann Lee and Bo Chan" is two people; "Martin Luther King, Jr." one; "Department of Industry,
    Science, Energy and Resources" one organisation; "Tom Krisher, AP Auto Writer" the person only
    (an employer or desk after a name is not an author); "Staff Reports" nobody. `kind` is what the
    page says the author is (JSON-LD @type), when it says.
    """
    text = clean_inline(value)
    if not text or _NOT_A_NAME.match(text):
        return []
    text = _without_employer(_strip_by(text))
    text = _trim(_WITH.sub(r", \1", _BYLINE_END.split(text)[0]))
    if not text or _generic(text):
        return []
    if kind == "organization":
        return [author(text, "organization")]
    parts = _parts(text)
    if not parts:
        return []
    if kind != "person" and not _people(parts[0]):
        if len(parts) == 2 and _inverted(*parts):
            return [author(text, "person")]  # "Jong, Michiel de": family name first
        return [author(text, "organization")] if _org_like(text) else []
    found: list[Author] = []
    for part in parts:
        people = _people(part)
        if people:
            found.extend(author(p, "person") for p in people)
        elif found:
            break  # "Ann Lee, Reuters": the employer after the names
        elif kind == "person" and not _NOT_A_NAME.search(part):
            found.append(author(part, "person"))
    return found


def _trim(text: str) -> str:
    """Without separators around it, nor a final full stop unless it ends an initial or "Jr."."""
    text = text.strip(" ,:;")
    if text.endswith(".") and not re.search(r"(?:\b\w|\b[JS]r)\.$", text):
        text = text[:-1].rstrip()
    return text


def _inverted(family: str, given: str) -> bool:
    """"Lee, Ann" / "Jong, Michiel de": a family name, then given names, both as a person's."""
    return len(family.split()) <= 2 and len(given.split()) <= 3 and _person_like(f"{given} {family}")


# The employer before a name in a byline: "CNN's Stephen Collinson", "The Post's Ann Lee" (a name of two words follows).
_EMPLOYER_BEFORE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*['’]s\s+(?=[A-Z][\w.'’-]*\s+[A-Z])")


def _without_employer(text: str) -> str:
    """"CNN's Stephen Collinson" -> "Stephen Collinson"; not "Children's Hospital Staff" (a body's name)."""
    match = _EMPLOYER_BEFORE.match(text)
    if match is None:
        return text
    rest = text[match.end():]
    first = re.split(r"\s+(?:and|&)\s+|,", _BYLINE_END.split(rest)[0])[0]
    # a known given name opens a person's name ("America's Test Kitchen", "Trader Joe's Fearless Flyer" stay whole)
    return rest if census.known(first.split()[0]) and author_kind(first) == "person" else text


def _strip_by(text: str) -> str:
    match = _BY.match(text)
    if not match:
        return text
    rest = text[match.end():]
    if match.group("word").lower() in _NAME_GIVEN_BY_WORD and match.group("word")[0].isupper():
        first = _PARTS.split(_BYLINE_END.split(rest)[0])[0]
        if len(_JOIN.split(first)[0].split()) < 2:
            return text  # "Di Wang", "Von Miller": a given name, not "by"
    return rest


def _parts(text: str) -> list[str]:
    """Comma-separated parts, with a suffix kept on its name and a credential ("MA", "PhD") dropped."""
    parts: list[str] = []
    for part in (_trim(p) for p in _PARTS.split(text)):
        if not part:
            continue
        if _SUFFIX.match(part) and parts:
            parts[-1] = f"{parts[-1]}, {part}"
        elif _CREDENTIAL.match(part) and parts:
            continue
        else:
            parts.append(part)
    return parts


def _org_like(text: str) -> bool:
    """Reads as an organisation's name, not a phrase: a few words, mostly capitalised ("Detroit
    News wire services", "Department of Industry, Science, Energy and Resources")."""
    words = text.split()
    if not 1 <= len(words) <= 10 or _NOT_A_NAME.search(text) or words[0][:1].islower():
        return False
    return 2 * sum(1 for w in words if not w[:1].islower()) >= len(words)


def _generic(text: str) -> bool:
    words = [w.casefold() for w in re.findall(r"\w+", text)]
    return bool(words) and all(w in _GENERIC for w in words)


def _people(part: str) -> list[str]:
    """The names of a part joined by "and"/"&" when each reads as a person's, else none. A name
    listed beside a person's is read as a person's when its shape allows ("By Jane Doe and Andrew
    Court": a given name and a family name that is also an organisation word)."""
    names = [p for p in _JOIN.split(part) if p]
    beside = len(names) > 1 and any(_person_like(p) for p in names)
    return names if names and all(_person_like(p, beside) for p in names) else []


def _person_like(part: str, beside_person: bool = False) -> bool:
    """Reads as one person's name: up to five words, each capitalised, a particle, or in a script
    without capitals (Chinese, Japanese, Arabic...); nothing that marks an organisation."""
    words = part.split()
    if not 1 <= len(words) <= 5 or _NOT_A_NAME.search(part) or _generic(part):
        return False
    if not all(not w[:1].islower() or w.lower() in _PARTICLES for w in words):
        return False
    if any(w.lower().strip(".,") in _ROLE_WORDS for w in words[1:]):
        return False  # a job title after the name ("Rhiannon Dale, Local Democracy Reporter")
    return author_kind(part, beside_person) == "person"


def clean_authors(values: list[str], kind: str | None = None) -> list[Author]:
    """Byline strings -> distinct authors, in order (the same name twice is one author)."""
    found: list[Author] = []
    for value in values:
        for one in parse_byline(value, kind):
            if one.name.casefold() not in {a.name.casefold() for a in found}:
                found.append(one)
    return found


# Words that make a name an organisation's ("Queensland Health", "The Library of Congress", "ABC News").
_ORG_WORDS = frozenset(
    """press news staff agency agencies office reuters associated bureau desk team editors editorial board
    department dept ministry organization organisation university institute council service services times post
    media group committee foundation association correspondent correspondents reporters network centre center
    centers centres nato afp ap bbc cnn abc nbc cbs government inc inc. ltd ltd. llc plc corp corp. corporation
    company co. newsroom wire online trust society club party police authority commission union bank fund blog
    magazine journal herald tribune gazette courier daily weekly review institution library museum health
    hospital clinic school college academy administration secretariat parliament senate congress embassy
    county federal national international global community project program programme initiative alliance
    coalition federation league partners partnership laboratory laboratories lab labs studio studios records
    publishing publications publishers broadcasting radio television channel division survey court tribunal
    assembly directorate observatory army navy force command contributors writers""".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,7}$")
# A personal name in a script written without spaces: 2-6 Han, kana or Hangul characters.
_UNSPACED_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u00b7\u30fb]{2,6}$")


def author(name: str, kind: str | None = None) -> Author:
    """An `Author` from a name as written: spaces tidied, a person's name in capitals written as a
    name ("TOM KRISHER" -> "Tom Krisher"); without a `kind` from the page, judged by `author_kind`."""
    name = " ".join(name.split())
    kind = kind if kind in AUTHOR_KINDS else author_kind(name)
    if kind == "person" and name.isupper() and " " in name:
        name = " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())
    return Author(name, kind)


def author_kind(name: str, beside_person: bool = False) -> str:
    """"organization" for a name that reads as an organisation's, else "person".

    Used where the page does not say (JSON-LD @type does): a one-word name, an acronym, a name of
    more than five words or with "of", "and", "&", digits or an organisation word ("Health",
    "Department", "News"), or a leading "The", is an organisation's. An acronym counts only in a name not written all in capitals.
    An organisation word that is also a family name ("Court", "Post", "Force") names an organisation
    only in an organisation's shape ("Supreme Court", "U.S. Geological Survey", "Court of Appeal"),
    not as the last of two words after a known given name or in a name a byline lists beside a
    person's ("Andrew Court"). `beside_person`: the name is listed beside a person's.
    """
    words = name.split()
    lowered = [w.lower().strip(",.;:()") for w in words]
    if (
        (len(words) <= 1 and not _UNSPACED_NAME.match(name))
        or words[0].lower() == "the"
        or (not name.isupper() and any(_ACRONYM.match(w) and not re.fullmatch(r"(?:[A-Z]\.)+", w) and w.lower() not in _SUFFIXES
               for w in words))
        or len(words) > 5
        or re.search(r"\d|&|@|/|\b(?:and|und|of|for)\b", name)
        or (any(w in _ORG_WORDS for w in lowered) and not _given_and_family(words, lowered, beside_person))
    ):
        return "organization"
    return "person"


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Organisation words that end no person's name: a group of writers or a news service ("Fox News", "AP Staff").
_COLLECTIVE = frozenset("news staff agency agencies desk team editors newsroom wire reporters correspondents bureau "
                        "media network".split())


def no_personal_name(name: str) -> bool:
    """A name no person bears, whatever a page's markup says: it opens with "The" or an organisation word
    ("The Associated Press", "Associated Press", "Reuters Staff"), has an organisation word before its last
    word ("Jerusalem Post Staff") or ends in a word for a group of writers ("Fox News"). A given name and a
    family name that is also an organisation word ("Chidi Court", "Kwame Times", "Taiwo Press") is a person's."""
    lowered = [w.lower().strip(",.;:()") for w in name.split()]
    if not lowered:
        return False
    return (lowered[0] == "the" or lowered[0] in _ORG_WORDS or any(w in _ORG_WORDS for w in lowered[:-1])
            or lowered[-1] in _COLLECTIVE)


def _given_and_family(words: list[str], lowered: list[str], beside_person: bool) -> bool:
    """Two capitalised words, a given name and a family name that is also an organisation word."""
    if len(words) != 2 or not all(w[:1].isupper() for w in words) or lowered[0] in _ORG_WORDS:
        return False
    return census.is_family_name(lowered[1]) and (beside_person or census.known(lowered[0]))
