"""Capitalisation of titles: headline style as MLA 9, Chicago 17 and APA 7 each define it, and APA's
sentence case with proper nouns learned from the article itself.

Headline style (MLA 9 §1.2.1, CMOS 17 §8.159, APA 7 §6.17): capitalise the first and last words,
the first word after a colon, dash or end punctuation, and every major word. The styles differ in
what counts as minor:

* MLA and Chicago lower-case articles, prepositions of any length, the coordinating conjunctions
  and "to"; Chicago also "as" in any use. Subordinating conjunctions ("After the Storm Passed",
  "If", "Because") are major words in both.
* APA lower-cases only words of three letters or fewer that are articles, short conjunctions or
  short prepositions ("With", "From", "After" are capitalised).

In all three a particle of a phrasal verb is an adverb, not a preposition, and is capitalised
("Ad Heats Up Race"), as is a preposition that ends its phrase ("What It Is Made Of"); a particle that
is mainly a preposition and is followed by a determiner begins a prepositional phrase ("Sit on the
Supreme Court"), unless verb and particle make a common phrasal verb that takes an object ("Take
Over the Company", "Turn Off the Lights").

Sentence case (APA 7 §6.17) keeps capitals only on the first word, the first word after a colon or
end punctuation, and proper nouns. A proper noun is learned from the article: a word the body
writes capitalised in the middle of a sentence (and not more often in lower case), or as a name
whatever the counts (alone in mid-sentence, or after a given name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from tui_reader.core import census

ARTICLES = frozenset("a an the".split())
COORDINATING = frozenset("and but for nor or so yet".split())
PREPOSITIONS = frozenset(
    """about above across after against along amid among around as at before behind below beneath beside
    besides between beyond by despite down during except for from in inside into like near of off on onto
    out outside over past per since through throughout till to toward towards under underneath unlike
    until up upon via with within without v. vs. vs""".split()
)
# Words that are also subordinating conjunctions: a major word when a clause follows.
_CLAUSE_OPENERS = frozenset("after before since until till once as".split())
_SUBJECTS = frozenset("i you he she it we they this there who what".split())
_FINITE = frozenset(
    """is are was were be been has have had do does did will would can could may might must shall should
    gets got goes went comes came says said""".split()
)
# Particles that make phrasal verbs, and the verbs that take them (base forms).
_PARTICLES = frozenset("up down out off in on over back away through around along about by apart".split())
_PHRASAL_VERBS = frozenset(
    """back blow break bring build burn call calm carry catch check clean clear close come count crack cut
    dial die drag draw dress drop dry end face fall fight figure fill find fire give go grow hand hang heat
    hit hold join keep kick knock lay lead let lift light line lock log look make mark mix move open pass
    pay pick pile play point pull push put rack ramp rein rise roll round rule run scale seal sell set settle
    shake shape ship shoot show shut sign sit slow sort speak speed spell spill split stand start stay
    step stir sum switch take talk tear think throw tip top try turn use wake walk warm wash watch wear weigh wind
    wipe work wrap write zero double lash gear beef cool boil tone phase pare ease bail clamp hammer shore
    ward fend fork""".split()
)
# Particles that are prepositions first: before a determiner they open a prepositional phrase ("Sit on
# the Supreme Court"); "up", "out", "down", "away", "back", "apart" stay adverbs ("Heats Up the Race").
_PREPOSITION_FIRST = frozenset("on in over through around along about by off".split())
# Common phrasal verbs whose particle takes a direct object and can follow it ("turn the lights off",
# "take the company over"): before a determiner the particle is still an adverb ("Take Over the Company").
_SEPARABLE = frozenset(
    f"{pair[0]} {particle}" for pair in (
        ("take", "over on off in"), ("turn", "off on over in"), ("kick", "off"), ("hand", "over in"),
        ("fill", "in"), ("log", "in on off"), ("sign", "in on off over"), ("switch", "off on over"),
        ("shut", "off"), ("call", "off"), ("put", "on off"), ("set", "off"), ("cut", "off"),
        ("pass", "on over"), ("bring", "on in"), ("pull", "off over"), ("write", "off"), ("lay", "off"),
        ("sell", "off"), ("hold", "off"), ("try", "on"), ("show", "off"), ("knock", "off"), ("round", "off"),
        ("rule", "out in"), ("let", "in off"), ("tip", "off"), ("wipe", "off"), ("mark", "off"), ("seal", "off"),
        ("hit", "on"), ("shake", "off"), ("fight", "off"), ("tear", "off"), ("give", "over"),
    ) for particle in pair[1].split()
)
# Prefixes that cannot stand alone as words (CMOS 17 §8.161, rule 3)
_PREFIXES = frozenset("anti co inter intra mid multi neo non post pre pseudo quasi re semi sub ultra un".split())
_DETERMINERS = frozenset("a an the this that these those his her its their our my your every each".split())
_OBJECT_PRONOUNS = frozenset("me him her it us them you".split())
_BREAK_AFTER = (":", "—", "–", "?", "!", ".")  # the next word starts a new phrase (a period: see `ends_with_break`)
_LEADING = "\"'“‘([{¿¡«"
_TRAILING = "\"'”’)]}»"


# Abbreviations whose period ends no sentence ("Gov. Smith vs. the U.S."): besides initials and words with
# inner periods, which are always abbreviations.
ABBREVIATIONS = frozenset(
    """inc ltd co corp bros jr sr st dr mr mrs ms mx vs v gov sen rep gen col lt sgt capt cmdr adm prof rev pres
    dept univ approx est ft mt ave blvd etc jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def is_abbreviation(word: str) -> bool:
    """A word ending in the period of an abbreviation, not a sentence's: an initial ("J."), a word with
    inner periods ("U.S.", "a.m."), or a common abbreviation ("Gov.", "vs.", "Inc.")."""
    word = word.rstrip(_TRAILING).lstrip(_LEADING)
    if not word.endswith("."):
        return False
    stem = word[:-1]
    return bool(re.fullmatch(r"[^\W\d_]", stem) or "." in stem or stem.casefold() in ABBREVIATIONS)


def ends_with_break(word: str) -> bool:
    """The word ends a phrase or sentence: a colon, dash or end punctuation after it, but not the period
    of an abbreviation."""
    bare = word.rstrip(_TRAILING)
    return bare.endswith(_BREAK_AFTER) and not (bare.endswith(".") and is_abbreviation(bare))


# Words that open a sentence but never follow an initial inside a name: after "Plan B." or "World War I."
# they begin a new sentence ("Plan B. The Sequel"), where "Harry S. Truman" goes on with the name
_OPENS_SENTENCE = frozenset("a an the is are was were why how what when where who it this these".split())


def starts_after(previous: str, word: str) -> bool:
    """`word` begins a new phrase after `previous`: a break (`ends_with_break`), or a single letter and a
    period (an initial or a sentence's last word) before a word that no name continues with."""
    if ends_with_break(previous):
        return True
    bare = previous.rstrip(_TRAILING).lstrip(_LEADING)
    return (bool(re.fullmatch(r"[^\W\d_]\.", bare)) and not is_abbreviation(word)
            and _core(word) in _OPENS_SENTENCE)


def _core(word: str) -> str:
    return word.strip(_LEADING + _TRAILING + ".,;:!?…").lower()


def _capitalize(word: str) -> str:
    i = 0
    while i < len(word) and word[i] in _LEADING:
        i += 1
    return word[:i] + word[i:i + 1].upper() + word[i + 1:]


def keep_as_is(word: str) -> bool:
    """Acronyms, all-caps and mixed-case words (NATO, iPhone, McDonald), URLs and domains."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return True
    if any(c.isupper() for c in letters[1:]):
        return True
    if (any(c.isdigit() for c in word) and any(c.isupper() for c in letters)
            and not re.search(r"\d(?:st|nd|rd|th)\b", word, re.IGNORECASE)):
        return True  # "4K", "$150K", "G7", "3D": a unit or a model's name; not an ordinal ("50Th")
    return bool(re.search(r"\w\.\w|/|@", word))


def _verb_bases(word: str) -> set[str]:
    """Candidate base forms of an inflected verb ("heats", "stepped", "shutting" -> heat, step, shut)."""
    w = _core(word)
    bases = {w}
    for ending in ("s", "es", "ed", "d", "ing"):
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[: -len(ending)]
            bases |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                bases.add(stem[:-1])
    if w.endswith("ies"):
        bases.add(w[:-3] + "y")
    return bases


def _is_phrasal_particle(words: list[str], n: int) -> bool:
    core = _core(words[n])
    if n == 0 or core not in _PARTICLES:
        return False
    following = _core(words[n + 1]) if n + 1 < len(words) and not _ends_phrase(words, n) else None
    if n >= 2 and _core(words[n - 2]) in ARTICLES:
        return False  # the word before is a noun, not a verb: "A Drive down Memory Lane"
    compound = following == "of" or (core == "up" and following == "to")  # "out of", "up to $12.9bn", "Up to the Final"
    if core not in _PREPOSITION_FIRST and (following is None or (following in PREPOSITIONS and not compound)):
        return True  # an adverb whatever the verb: "Doubles Down on", "Lashes Out at", "Gears Up for", "Gave Up"
    if not _verb_bases(words[n - 1]) & _PHRASAL_VERBS:
        return False
    if core in _PREPOSITION_FIRST and following in _OBJECT_PRONOUNS:
        return False  # a phrasal verb's particle follows a pronoun object ("turn it on"): "Turn on Him" is a preposition
    if any(f"{verb} {core}" in _SEPARABLE for verb in _verb_bases(words[n - 1])):
        return True
    # a particle that is mainly a preposition opens a phrase before a noun phrase ("Talk about Kevin", "Sit on
    # the Court"); before another preposition, an adverb or at a phrase's end it is an adverb ("Moves On to",
    # "Move In Quickly", "Carry On")
    opens_phrase = following is not None and following not in PREPOSITIONS | COORDINATING and not _is_adverb(following)
    return not (core in _PREPOSITION_FIRST and opens_phrase)


# Adverbs a verb's particle may be followed by ("Move In Quickly", "Goes On Tonight"): a prepositional
# phrase does not begin with them
_ADVERBS = frozenset(
    """again ahead abroad already anyway forever instead meanwhile nevertheless nonetheless now overnight
    regardless soon still today together tomorrow tonight too yesterday""".split()
)
# Words in -ly that are nouns or names, not adverbs ("Talk about Family")
_LY_NOUNS = frozenset("family assembly supply monopoly anomaly butterfly beverly kimberly italy july".split())


def _is_adverb(core: str) -> bool:
    """An adverb of a closed list or one made from an adjective with -ly ("quickly", "tenaciously")."""
    if core in _ADVERBS:
        return True
    return core.endswith("ly") and len(core) >= 6 and core not in _LY_NOUNS


def _joins_clauses(words: list[str], n: int) -> bool:
    """"so" or "yet" as a coordinating conjunction: after a comma or before a clause's subject ("Stopped,
    so We Went"), or "yet" between two words it joins ("Small yet Mighty"); otherwise an adverb ("What We
    Know So Far", "Not Yet Over")."""
    after_comma = n > 0 and words[n - 1].rstrip(_TRAILING).endswith((",", ";"))
    following = _core(words[n + 1]) if n + 1 < len(words) else ""
    return after_comma or following in _SUBJECTS or following in _DETERMINERS or _yet_joins_words(words, n)


# Words before "yet" that make it an adverb ("Not Yet Over", "Have Yet to"), and after it ("Yet Another")
_BEFORE_ADVERB_YET = _FINITE | frozenset("not never has have had as and or nor but".split())
_AFTER_ADVERB_YET = frozenset("another again more to further".split())


def _yet_joins_words(words: list[str], n: int) -> bool:
    """"yet" between two words it joins, as "and" or "but" would ("Small yet Mighty", "Rich yet Unhappy")."""
    if _core(words[n]) != "yet" or not 0 < n < len(words) - 1 or ends_with_break(words[n - 1]):
        return False
    before, after = _core(words[n - 1]), _core(words[n + 1])
    return (before.isalpha() and after.isalpha() and before not in _BEFORE_ADVERB_YET
            and after not in _AFTER_ADVERB_YET | PREPOSITIONS | COORDINATING | ARTICLES)


def _opens_clause(words: list[str], n: int) -> bool:
    """"After the Storm Passed", "Before It Spreads": a subject and a finite verb follow."""
    following = [_core(w) for w in words[n + 1:n + 5]]
    if not following:
        return False
    if following[0] in _SUBJECTS:
        return True
    for word in following[1:]:
        if word in _FINITE or (word.endswith("ed") and len(word) > 4):
            return True
        if word in PREPOSITIONS or word in COORDINATING:
            return False
    return False


def _ends_phrase(words: list[str], n: int) -> bool:
    return n == len(words) - 1 or words[n].rstrip(_TRAILING).endswith((",", ";")) or ends_with_break(words[n])


def _is_minor(words: list[str], n: int, style: str) -> bool:
    core = _core(words[n])
    if core == "to":
        return not _is_phrasal_particle(words, n)
    if core in ARTICLES:
        return True
    if core in ("so", "yet") and not _joins_clauses(words, n):
        return False  # an adverb ("So Far", "Not Yet")
    if style == "apa":
        short = len(core) <= 3 and (core in COORDINATING or core in PREPOSITIONS or core in ("as", "if"))
        return short and not _is_phrasal_particle(words, n) and not _ends_phrase(words, n)
    if core in COORDINATING:
        return core not in ("so", "yet") or style == "mla"
    if core == "as" and style == "chicago":
        return True
    if core in PREPOSITIONS:
        if _is_phrasal_particle(words, n) or _ends_phrase(words, n):
            return False
        return not (core in _CLAUSE_OPENERS and _opens_clause(words, n))
    return False


def _case_part(part: str, minor: bool) -> str:
    if keep_as_is(part):
        return part
    return part.lower() if minor else _capitalize(part)


# Lower-case particles of Arabic names, kept as the source writes them inside a title (CMOS 17 §8.22:
# "al-Assad", "al-Qaeda", "Osama bin Laden"); capitalised only where the title's first word is one
_NAME_PARTICLES = frozenset("al el ad ar as at az ash bin ibn bint".split())
_PARTICLE_WORDS = frozenset("bin ibn bint".split())  # written apart from the name


def _name_particle(words: list[str], n: int) -> bool:
    """The word is, or a compound opens with, a lower-case name particle as the source writes it."""
    word = words[n].lstrip(_LEADING)
    first, dash, rest = word.partition("-")
    if dash:
        return first in _NAME_PARTICLES and rest[:1].isupper()
    following = words[n + 1].lstrip(_LEADING) if n + 1 < len(words) else ""
    return word in _PARTICLE_WORDS and following[:1].isupper()


def _case_word(words: list[str], n: int, style: str, force: bool) -> str:
    word = words[n]
    if not force and _name_particle(words, n):
        return word
    # not a URL, an address or a domain ("Cleveland.com"); an abbreviation may open one ("U.S.-Backed")
    compound = "-" in word and not word.startswith("-") and not re.search(r"\w\.[a-z]{2}|/|@", word)
    if keep_as_is(word) and not compound:  # a compound's parts are judged each ("non-Christian")
        return word
    minor = not force and _is_minor(words, n, style)
    if compound:
        first, *rest = word.split("-")
        # each part of a compound is capitalised except minor words (Step-by-Step); APA: all major parts.
        # Chicago (CMOS 17 §8.161): after a prefix that is no word alone, the part the source writes in
        # lower case stays so ("Pre-election", "Anti-vaccine"; "Non-Christian" keeps its capital)
        after_prefix = style == "chicago" and _core(first) in _PREFIXES
        return "-".join([_case_part(first, minor)] + [
            p if after_prefix and p[:1].islower() else
            _case_part(p, _core(p) in ARTICLES | PREPOSITIONS | COORDINATING) for p in rest])
    return _case_part(word, minor)


def title_case(title: str, style: str = "chicago") -> str:
    """Headline-style capitalisation for `style` ("apa", "mla" or "chicago")."""
    tokens = re.split(r"(\s+)", title.strip())
    positions = [i for i, t in enumerate(tokens) if t and not t.isspace()]
    words = [tokens[i] for i in positions]
    out = list(tokens)
    for n, i in enumerate(positions):
        after_break = n > 0 and starts_after(words[n - 1], words[n])
        force = n == 0 or n == len(words) - 1 or after_break
        out[i] = _case_word(words, n, style, force)
    return "".join(out)


# --- sentence case -----------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…—–]|[“‘\"(\[«])\s*$")


def _word_key(word: str) -> str:
    return re.sub(r"'s$", "", _core(word).replace("’", "'").strip("'.-"))  # "Nyong’o’s" is "Nyong'o's"


# Lower-case words a multi-word name may hold between its capitalised words ("Centers for Disease Control")
_NAME_LINKS = frozenset("of for and the de la le du von van der den y".split())


def proper_nouns(texts: Iterable[str], names_only: bool = False) -> frozenset[str]:
    """Lower-cased words that `texts` write as names: capitalised in mid-sentence more often than in
    lower case ("Kelmouth", "Tuesday", "Senate"), or whatever the counts, capitalised alone in
    mid-sentence ("MPs blamed Brown") or as the family name after a known given name ("Gordon
    Brown"): the text then means the name even where it also writes the common word ("painted
    brown"). Words seen only at a sentence start are not known, nor a common noun that only longer
    names contain as often as the text writes it alone ("heart disease" beside the "Centers for
    Disease Control"). Names of several words written capitalised in mid-sentence are known whole,
    their words joined by a space ("so you think you can dance")."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    names: set[str] = set()
    named: set[str] = set()  # written as a name whatever the counts
    for text in texts:
        run: list[str] = []
        lead = None  # the capitalised word opening the sentence right before the run ("Gordon" Brown)
        for match in _WORD.finditer(text):
            word = match.group(0)
            key = _word_key(word)
            if not key:
                continue
            mid = not _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()])
            gap = text[match.start() - 1:match.start()] if match.start() else ""
            if run and (not gap.isspace() or not mid):  # punctuation or a sentence break ends a name
                _add_name(run, lead, names, named)
                run, lead = [], None
            if word[0].islower():
                lower[key] += 1
                if run and key in _NAME_LINKS:
                    run.append(key)
                else:
                    _add_name(run, lead, names, named)
                    run, lead = [], None
            elif mid:
                capital[key] += 1
                if not run and lead is not None and not gap.isspace():
                    lead = None
                run.append(key)
            else:
                _add_name(run, lead, names, named)
                run, lead = [], key
        _add_name(run, lead, names, named)
    if names_only:  # a heading's capitals tell only names of several words ("… writer David Emery posted …")
        return frozenset(names)
    return frozenset(k for k, n in capital.items() if n > lower[k] or k in named) | names


_FUNCTION_WORDS = ARTICLES | COORDINATING | PREPOSITIONS | _SUBJECTS | {"then", "but", "when", "if"}


def _add_name(run: list[str], lead: str | None, names: set[str], named: set[str]) -> None:
    """Learn from a run of capitalised words in mid-sentence (`lead`: a capitalised word opening the
    sentence just before it): a name of several words whole, a word alone, a given name's family name."""
    while run and run[-1] in _NAME_LINKS:
        run = run[:-1]
    words = [w for w in run if w not in _NAME_LINKS]
    if len(words) >= 2:
        names.add(" ".join(run))
    if not run:
        return
    whole = [lead, *run] if lead and lead not in _FUNCTION_WORDS else run
    if len(whole) == 1:
        named.add(whole[0])  # "MPs blamed Brown for the defeat"
    elif 2 <= len(whole) <= 3 and len(words) == len(run) and census.known(whole[0]):
        named.add(whole[-1])  # "Gordon Brown", "Gordon Brown said"
        names.add(" ".join(whole))  # the given name too, where the sentence opens with it ("…: Noah Hawley, best known")


def looks_title_cased(title: str) -> bool:
    """Most of the title's major words (after the first) begin with a capital."""
    words = [w for w in title.split()[1:] if _core(w) and _core(w) not in ARTICLES | PREPOSITIONS | COORDINATING]
    words = [w for w in words if any(c.isalpha() for c in w) and not keep_as_is(w)]
    capitals = sum(1 for w in words if w.lstrip(_LEADING)[:1].isupper())
    return bool(words) and capitals * 2 > len(words)


def sentence_case(title: str, proper: frozenset[str]) -> str:
    """APA sentence case: the first word, the first word after a colon or end punctuation, proper
    nouns (`proper`, lower-cased), acronyms and mixed-case words keep their capitals."""
    tokens = re.split(r"(\s+)", title.strip())
    out = list(tokens)
    named = _in_names(tokens, proper) | _spelled_out(tokens, proper) | _after_name_titles(tokens, proper)
    previous = None
    for i, token in enumerate(tokens):
        if not token or token.isspace():
            continue
        starts = previous is None or starts_after(previous, token)
        if i not in named:
            out[i] = "-".join(_sentence_part(part, proper, starts and j == 0) for j, part in enumerate(token.split("-")))
        previous = token
    return "".join(out)


def _after_name_titles(tokens: list[str], proper: frozenset[str]) -> set[int]:
    """Positions of the name right after a title abbreviated before it, kept as written: its first word when it
    is a name (a known given or family name, or one the article writes as a name), and the next when the first is
    a known given name and the next a family name or a name of the article's ("Sen. Ted Cruz speaks out",
    "Gov. Newsom signs bill"; not "Sen. Warren slams", "Main St. shops")."""
    positions = [i for i, t in enumerate(tokens) if t and not t.isspace()]
    kept: set[int] = set()

    def name_word(word: str) -> bool:
        core = _core(word)
        return bool(core) and (census.known(core) or census.is_family_name(core) or _word_key(word) in proper)

    for n, i in enumerate(positions):
        word = tokens[i].strip(_LEADING)
        if not (word.endswith(".") and _core(word).rstrip(".") in _NAME_TITLES and word[:1].isupper()):
            continue
        following = [tokens[j] for j in positions[n + 1 : n + 3]]
        if not following or not following[0].strip(_LEADING)[:1].isupper() or not name_word(following[0]):
            continue
        kept.add(positions[n + 1])
        first = following[0]
        if (len(following) > 1 and first == first.rstrip(_TRAILING + ",:;.!?") and census.known(_core(first))
                and following[1].strip(_LEADING)[:1].isupper()
                and (census.is_family_name(_core(following[1])) or _word_key(following[1]) in proper)):
            kept.add(positions[n + 2])
    return kept


_FULL_STOP_BEFORE = re.compile(r"[.!?][\"”’)]?\s+$")  # where a sentence opens (not after a colon or a dash)
_SCHEMES = frozenset("javascript mailto http https ftp file data tel sms about".split())


def lowercase_openers(texts: Iterable[str]) -> frozenset[str]:
    """Words the text writes in lower case where a sentence opens: names styled so ("npm is …", "bell hooks
    wrote …"), which a title's opening does not capitalise either."""
    found: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            before = text[max(0, match.start() - 4):match.start()]
            if word[:1].islower() and (match.start() == 0 or _FULL_STOP_BEFORE.search(before)):
                found.add(_word_key(word))
    return frozenset(found)


def capitalize_openings(title: str, lower: frozenset[str] = frozenset()) -> str:
    """A title already in sentence case, with the first word and the first word after a colon or end
    punctuation capitalised (APA 7 §6.17: "Hong Kong: A city on the brink"); words written in mixed
    case ("iPhone", "eBay"), after a URL scheme ("javascript: links") or that the article opens sentences
    with in lower case (`lower`: "npm") stay as they are."""
    tokens = re.split(r"(\s+)", title.strip())
    previous = None
    for i, token in enumerate(tokens):
        if not token or token.isspace():
            continue
        scheme = previous is not None and previous.endswith(":") and _core(previous) in _SCHEMES  # "javascript: links"
        if (previous is None or starts_after(previous, token)) and token.strip(_LEADING)[:1].islower() \
                and not keep_as_is(token) and not any(c.isdigit() for c in token)  \
                and not scheme and _word_key(token) not in lower:  # "draft-dejong-04", "npm" as written
            tokens[i] = _capitalize(token)
        previous = token
    return "".join(tokens)


def _in_names(tokens: list[str], proper: frozenset[str]) -> set[int]:
    """Positions of the title's words that spell one of the multi-word names in `proper` (kept as written)."""
    positions = [i for i, t in enumerate(tokens) if t and not t.isspace()]
    keys = [_word_key(tokens[i]) for i in positions]
    kept: set[int] = set()
    for name in (p for p in proper if " " in p):
        parts = name.split()
        for start in range(len(keys) - len(parts) + 1):
            if keys[start:start + len(parts)] == parts:
                kept.update(positions[start:start + len(parts)])
    return kept


_ACRONYM_IN_PARENTHESES = re.compile(r"\(([A-Z]{2,})\)[,.;:]?")


def _spelled_out(tokens: list[str], proper: frozenset[str]) -> set[int]:
    """Positions of capitalised words that a following acronym in parentheses abbreviates, where they
    are a name the article writes (one of `proper`'s names of several words, a word in the plural or
    the singular counting as the same: the body's "Protect Our Winters" for the title's "joins Protect
    Our Winter (POW) alliance"): kept as written. Words the article does not write as a name are
    common nouns whatever their acronym (APA 7 on abbreviations, section not looked up: "cognitive
    behavioral therapy (CBT)")."""
    positions = [i for i, t in enumerate(tokens) if t and not t.isspace()]
    names = [p.split() for p in proper if " " in p]
    kept: set[int] = set()
    for n, i in enumerate(positions):
        match = _ACRONYM_IN_PARENTHESES.fullmatch(tokens[i])
        if not match:
            continue
        letters, words = match.group(1), []
        for j in reversed(positions[:n]):
            word = tokens[j].strip(_LEADING + _TRAILING)
            if len(words) == len(letters) or not word:
                break
            if word[0].isupper() and word[0] == letters[len(letters) - 1 - len(words)]:
                words.append(j)
            elif word.lower() not in _NAME_LINKS:
                break
        run = [_word_key(tokens[j]) for j in positions if words and words[-1] <= j <= words[0]]
        if len(words) == len(letters) and any(_same_words(run, name) for name in names):
            kept.update(range(words[-1], words[0] + 1))
    return kept


def _same_words(words: list[str], others: list[str]) -> bool:
    """The same words, one in the plural where the other is in the singular ("winter", "winters")."""
    return len(words) == len(others) and all(a == b or a + "s" == b or b + "s" == a for a, b in zip(words, others))


# Names of months and days, proper nouns whatever the article writes (not "May" and "March", also a verb).
_CALENDAR = frozenset(
    "january february april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())


def _sentence_part(part: str, proper: frozenset[str], starts: bool) -> str:
    if starts:
        return _capitalize(part)
    if keep_as_is(part) or _word_key(part) in proper or _word_key(part) in _CALENDAR or _core(part) == "i":
        return part
    if re.fullmatch(r"[^\W\d_a-z]\.?", part.strip(_LEADING + _TRAILING + ",;:!?")) and part.strip(_LEADING) != "A":
        return part  # a letter standing for a name ("Plan B.", "Vitamin D", "Harry S. Truman"); not the article "A"
    if part.strip(_LEADING).endswith(".") and _core(part).rstrip(".") in _NAME_TITLES:
        return part  # a title abbreviated before a name: "Dr. Ana Lopez", "Sen. Ted Cruz" (never "dr.")
    return part.lower()


# Titles abbreviated before a person's name: a part of the name as written (APA 7 §6.14 keeps "Dr.").
_NAME_TITLES = frozenset("mr mrs ms mx dr prof sen rep gov gen col capt lt sgt adm rev fr st supt insp det".split())
