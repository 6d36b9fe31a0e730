"""Grouping the speakers of quotes across a library: "Stoltenberg" and "Jens Stoltenberg" are one person.

A name is split into a surname (the last word, with particles such as "von der" and without
suffixes such as "Jr.") and its given names. Within one surname:

* a speaker named by surname alone in an article that also names exactly one person with that
  surname is that person (the article introduced them);
* full names form people, most specific first: a name joins the one person whose given names it
  is compatible with ("J." ~ "Jens", "George Bush" ~ "George W. Bush"); compatible with none, it is
  a new person; compatible with several ("J. Smith" beside "John" and "Jane Smith"), it stays
  apart rather than be credited to the wrong one;
* a bare surname left over joins the surname's only person, or stays apart when there are several.

Everything is keyed by a normalised form (case, diacritics and dots ignored).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tui_reader.core.names import DEGREES, SUFFIXES, fold

# Words that stand before a name without being part of it (compared lower-case, dots removed).
_LEADING = frozenset(
    "mr mrs ms miss mister dr prof professor sir dame lord lady rev father sister brother "
    "president vice prime minister chancellor secretary general sen senator rep representative "
    "gov governor mayor judge justice gen col lt capt sgt adm king queen prince princess pope "
    "herr frau m mme mlle monsieur madame sr sra señor señora don doña".split()
)
_SUFFIXES = SUFFIXES | DEGREES
_PARTICLES = frozenset("von van der den de del della di da du la le bin ibn al el ben ter ten".split())


@dataclass(frozen=True)
class Name:
    surname: str  # folded; "" when the text has no name in it
    given: tuple[str, ...]  # folded given names and initials, in order

    @property
    def full(self) -> bool:
        return bool(self.given)


def parse_name(text: str) -> Name:
    words = [w.strip(",;:()[]\"'“”‘’") for w in text.split()]
    words = [w for w in words if w]
    if words:
        last = words[-1]
        for tail in ("'s", "’s"):
            if last.lower().endswith(tail):
                words[-1] = last[: -len(tail)]
    folded = [fold(w) for w in words]
    folded = [w for w in folded if w]
    while len(folded) > 1 and folded[-1] in _SUFFIXES:
        folded.pop()
    while len(folded) > 1 and (folded[0] in _LEADING or folded[0] in ("the", "a", "an")):
        folded.pop(0)
    if not folded:
        return Name("", ())
    cut = len(folded) - 1
    while cut > 1 and folded[cut - 1] in _PARTICLES:
        cut -= 1
    if cut == 1 and folded[0] in _PARTICLES:
        cut = 0
    return Name(" ".join(folded[cut:]), tuple(folded[:cut]))


def _word_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[:1] == b[:1]
    return False


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names that can belong to one person: word by word equal or an initial of each other,
    the shorter list read as the start of the longer ("George" ~ "George W.")."""
    return all(_word_compatible(x, y) for x, y in zip(a, b, strict=False))


def _specificity(given: tuple[str, ...]) -> tuple[int, int]:
    return (sum(1 for g in given if len(g) > 1), len(given))


@dataclass(frozen=True)
class SpeakerGroup:
    """One person (or body) across the library."""

    key: str  # stable id: "surname|given names" of the most specific form
    name: str  # how to show it: the most common spelling of the most specific form
    variants: tuple[str, ...]  # every spelling found, most quoted first
    quotes: int
    articles: int


class _Person:
    def __init__(self, surname: str, given: tuple[str, ...]) -> None:
        self.surname = surname
        self.given = given

    @property
    def key(self) -> str:
        return f"{self.surname}|{' '.join(self.given)}"


def group_speakers(rows: Iterable[tuple[int, str, int]]) -> tuple[list[SpeakerGroup], dict[tuple[int, str], str]]:
    """`rows` are (entry id, speaker as written, quote count).

    Returns the groups, most quoted first, and for each (entry id, speaker) the key of its group.
    """
    rows = [(entry, speaker, count) for entry, speaker, count in rows if speaker and speaker.strip()]
    names = {speaker: parse_name(speaker) for speaker in {speaker for _, speaker, _ in rows}}
    # 1. In each article, a bare surname is the one person of that surname the article names.
    by_entry: dict[int, list[str]] = defaultdict(list)
    for entry, speaker, _ in rows:
        by_entry[entry].append(speaker)
    resolved: dict[tuple[int, str], Name] = {}
    for entry, speakers in by_entry.items():
        for speaker in speakers:
            name = names[speaker]
            if not name.full and name.surname:
                fulls = {names[s].given for s in speakers if names[s].surname == name.surname and names[s].full}
                people = _cluster(name.surname, fulls)
                if len(people) == 1:
                    name = Name(name.surname, people[0].given)
            resolved[(entry, speaker)] = name
    # 2. Across the library, per surname: people from full names, most specific first.
    fulls_by_surname: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for name in resolved.values():
        if name.full:
            fulls_by_surname[name.surname].add(name.given)
    person_of: dict[tuple[str, tuple[str, ...]], _Person] = {}
    people_by_surname: dict[str, list[_Person]] = {}
    for surname, fulls in fulls_by_surname.items():
        people = _cluster(surname, fulls)
        people_by_surname[surname] = people
        for given in fulls:
            matches = [p for p in people if given_compatible(given, p.given)]
            person_of[(surname, given)] = matches[0] if len(matches) == 1 else _Person(surname, given)
    # 3. Every (entry, speaker) to a group key; bare surnames join a surname's only person.
    assignment: dict[tuple[int, str], str] = {}
    for (entry, speaker), name in resolved.items():
        if name.full:
            person = person_of[(name.surname, name.given)]
        else:
            people = people_by_surname.get(name.surname, [])
            person = people[0] if len(people) == 1 else _Person(name.surname or fold(speaker), ())
        assignment[(entry, speaker)] = person.key
    # 4. Count and name the groups.
    spellings: dict[str, Counter] = defaultdict(Counter)
    quotes: Counter = Counter()
    articles: dict[str, set[int]] = defaultdict(set)
    for entry, speaker, count in rows:
        key = assignment[(entry, speaker)]
        spellings[key][speaker.strip()] += count
        quotes[key] += count
        articles[key].add(entry)
    groups = []
    for key, counter in spellings.items():
        variants = tuple(s for s, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0])))
        best = max(variants, key=lambda s: (_specificity(names[s].given), counter[s]))
        groups.append(SpeakerGroup(key, best, variants, quotes[key], len(articles[key])))
    groups.sort(key=lambda g: (-g.quotes, g.name.casefold()))
    return groups, assignment


def _cluster(surname: str, fulls: Iterable[tuple[str, ...]]) -> list[_Person]:
    """Distinct people among full given names: a name compatible with exactly one person joins it."""
    people: list[_Person] = []
    for given in sorted(fulls, key=lambda g: (_specificity(g), g), reverse=True):
        matches = [p for p in people if given_compatible(given, p.given)]
        if not matches:
            people.append(_Person(surname, given))
    return people


def matching_groups(name: str, groups: Iterable[SpeakerGroup]) -> list[SpeakerGroup]:
    """Groups a name typed by a person refers to: same surname and compatible given names; else
    groups with a spelling that contains the text (case- and diacritic-insensitive)."""
    groups = list(groups)
    wanted = parse_name(name)
    found = []
    for group in groups:
        surname, _, given = group.key.partition("|")
        if surname == wanted.surname and given_compatible(wanted.given, tuple(given.split()) if given else ()):
            found.append(group)
    if wanted.given and any(g.key.partition("|")[2] for g in found):
        found = [g for g in found if g.key.partition("|")[2]]  # a full name: not the bare-surname group
    if found:
        return found
    needle = fold(" ".join(name.split()))
    return [g for g in groups if needle and any(needle in fold(v) for v in g.variants)]
