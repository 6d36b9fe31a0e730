"""Name chains: runs of capitalized tokens in one block that name someone or something.

A chain is split into titles ("NATO Secretary General") and the name proper ("Jens Stoltenberg"),
with descriptors gathered from how the article introduces it ("military expert Alexander
Perendzhiyev", "Konstantin Kosachev, the head of the Russian Senate's ... Committee",
"ride-hailing company Uber") and a gender where a title or an honorific shows one. Whether a
capitalized word can be part of a name depends on how the article writes its words elsewhere
(`Casing`): "Critics" opening a sentence is no name where the article writes "critics" too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.nouns import (
    ABBREVIATED_TITLES,
    GENDERED,
    INSTITUTION_ROLES,
    ORG_NOUNS,
    ORG_WORDS,
    PREPOSITIONS,
    TITLE_QUALIFIERS,
    TITLES,
    person_noun,
    plural_noun,
)
from tui_reader.core.attribution.speakers.places import state_after_city
from tui_reader.core.attribution.speakers.tokens import (
    SENT_END,
    Tok,
    contracted_pronoun,
    elided,
    elided_article,
    possessive,
    sentence_start,
    strip_possessive,
    unelide,
)
from tui_reader.core.census import known
from tui_reader.core.names import PARTICLES, SUFFIXES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the start-up path reads this)
if TYPE_CHECKING:
    from tui_reader.core.attribution.speakers.entities import Entity

# A US politician's party and state after the name: "D-Minn.", "R-Texas", "I-Vt.".
PARTY_TAG = re.compile(r"([DRI])-([A-Z][A-Za-z]*)\.?")  # "R-OH" too
PARTIES = {"D": "democrat", "R": "republican", "I": "independent"}
# Tokens in one name at most ("Office of the Inspector General of the Department of Defense" is
# 11): a longer run of capitalized words (a title-case headline, a list of names with no commas)
# is cut into names of this length, so the work per name stays bounded.
MAX_CHAIN = 16


@dataclass(eq=False)
class Chain:
    """A run of capitalized tokens in one block, split into titles and the name proper."""

    blk: int
    first: int  # token index of the first token (titles included)
    last: int  # token index of the last token
    core: tuple[str, ...]  # the name proper, possessive stripped
    titles: list[str]
    gender: str | None
    org: bool
    org_hint: bool = False  # a descriptor says it is a body
    descriptors: set[str] = field(default_factory=set)
    entity: Entity | None = None
    possessive: bool = False
    abbreviated: set[str] = field(default_factory=set)  # roles read from an abbreviated title
    states: set[str] = field(default_factory=set)  # of a party tag: "vt" of "(D-Vt.)"
    appositive: str | None = None  # head noun of a description set off after it: "boulevard" of ", the main boulevard,"


@dataclass
class Casing:
    """How the article writes its words: outside headings, the words it writes in lowercase and
    the capitalized words it writes away from a sentence start; everywhere, how often each two
    capitalized words stand together."""

    lowercase_words: set[str] = field(default_factory=set)
    midcaps: set[str] = field(default_factory=set)  # capitalized words seen away from a sentence start
    pairs: dict[tuple[str, str], int] = field(default_factory=dict)  # adjacent capitalized words: how often


def casing_of(blocks: Sequence[list[Tok]], kinds: Sequence[str]) -> Casing:
    """The `Casing` of an article's blocks (their tokens) of these kinds."""
    out = Casing()
    for b, toks in enumerate(blocks):
        for k in range(len(toks) - 1):
            if toks[k].cap and toks[k + 1].cap:
                pair = (toks[k].text, strip_possessive(toks[k + 1].text))
                out.pairs[pair] = out.pairs.get(pair, 0) + 1
        if kinds[b] == "heading":
            continue  # "Carly Fiorina Endorses Ted Cruz": every word capitalized tells nothing
        for k, t in enumerate(toks):
            if t.kind != "w":
                continue
            if t.text[0].islower():
                out.lowercase_words.add(t.text)
            elif not sentence_start(toks, k):
                out.midcaps.add(strip_possessive(t.text))
    return out


# Nouns for a trade that a person or a company may ply: a body's only after a one-word name ("Acme, a
# developer"), not after a person's two ("Angelique Brunner, a developer").
PERSON_OR_BODY = frozenset("developer publisher producer provider builder designer contractor".split())

# Participles that make a capitalized compound an adjective ("Shanghai-based Hurun Report").
_COMPOUND_PARTICIPLES = frozenset("based born bred raised backed led owned run funded controlled affiliated made".split())


def compound_adjective(toks: list[Tok], i: int) -> bool:
    """Whether token i is in a place's compound with a participle: "Shanghai-based", and both words of
    "Los Angeles-based" or "New York-born"."""
    for k in range(i, min(i + 3, len(toks))):
        t = toks[k]
        if not t.cap or (k > i and t.start > toks[k - 1].end + 1):
            return False
        low = strip_possessive(t.low)
        if "-" in low:
            return low.rsplit("-", 1)[1] in _COMPOUND_PARTICIPLES
    return False


def nameish(toks: list[Tok], i: int, lex: Lexicon, casing: Casing) -> bool:
    """Whether token i can be part of a name."""
    t = toks[i]
    if not t.cap:
        return False
    low = strip_possessive(t.low)
    if low in lex.function_words and not (t.text.isupper() and len(t.text) > 1) and not _given_name(toks, i, lex):
        return False
    if low in lex.pronouns or elided(low) or contracted_pronoun(t.low) or PARTY_TAG.fullmatch(t.text):
        return False  # "(R-OH)" is a party and a state, no name
    if state_after_city(toks, i):
        return False  # "Berea, OH", "of Ashton, Md.,": a town's state
    if compound_adjective(toks, i):
        return False  # "Shanghai-based", "Los Angeles-based", "Saudi-led": an adjective, no part of a name
    if sentence_start(toks, i):
        if low in lex.verbs:
            return False
        word = strip_possessive(t.text)
        titled = low.rstrip(".") in TITLES and i + 1 < len(toks) and toks[i + 1].cap
        if (t.text.lower() in casing.lowercase_words or word.lower() in casing.lowercase_words) and not titled:
            return False  # "Critics said"; not "President Obama said" where "the president" is written too
        if word not in casing.midcaps:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            nxt2 = toks[i + 2] if i + 2 < len(toks) else None
            if low.endswith("ing") or (low.endswith("ly") and len(low) > 4 and not (
                nxt is not None and nxt.cap and casing.pairs.get((t.text, strip_possessive(nxt.text)), 0) > 1
            )):
                # "Surprisingly," "Commenting on", "Reportedly Wong said"; a first name in -ly
                # only when the article writes it with the surname again ("Emily Lee")
                return False
            if re.search(r"-[^\W\d_]*[a-z]", word) and word.split("-")[-1][:1].islower():
                return False  # "Singer-guitarists Tom Johnston"
            if nxt is not None and nxt.kind == "w" and nxt.text[0].islower() and nxt2 is not None and nxt2.cap:
                return False  # "Retired librarian Edith Caraway"
            if plural_noun(low) and not (nxt is not None and nxt.cap):
                return False  # "Critics said", "Officials warned": a plural noun, nobody's name
    return True

def _given_name(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """A capitalized word that is also a function word, used as a given name inside a
    sentence: "said Will Tjernlund" (not "In May Smith said", nor "Will Smith go?" opening one)."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (nxt is not None and nxt.cap and nxt.kind == "w" and nxt.start - toks[i].end <= 1 and known(toks[i].text)
            and not sentence_start(toks, i) and not (i > 0 and toks[i - 1].low in PREPOSITIONS)
            and strip_possessive(nxt.low) not in lex.function_words)

def chains_in(toks: list[Tok], b: int, lex: Lexicon, casing: Casing) -> list[Chain]:
    """The name chains of block b (its tokens `toks`), in reading order."""
    out: list[Chain] = []
    i, n = 0, len(toks)
    while i < n:
        if not nameish(toks, i, lex, casing) and not (
            toks[i].cap and toks[i].low in lex.honorifics and i + 1 < n and nameish(toks, i + 1, lex, casing)
        ):
            i += 1
            continue
        j = _chain_end(toks, i, lex, casing)
        # "Bank of America", "Friends of Millbrook Library", "Office of the Inspector General"
        while j + 2 < n and j - i < MAX_CHAIN and not possessive(toks[j]) and toks[j + 1].low in (
            "of", "for", "and", "&"
        ):
            k = j + 2
            if toks[k].low == "the" and k + 1 < n:
                k += 1
            if not nameish(toks, k, lex, casing):
                break
            e = _chain_end(toks, k, lex, casing)
            before = strip_possessive(toks[j].low)
            seg = [strip_possessive(toks[m].low) for m in range(k, e + 1)]
            so_far = [strip_possessive(toks[m].low) for m in range(i, j + 1)]
            if before in ORG_WORDS or before in TITLES or (
                any(w in ORG_WORDS for w in seg) and (len(so_far) == 1 or any(w in ORG_WORDS for w in so_far))
            ):
                j = e
            else:
                break
        out.append(_make_chain(toks, b, i, j, lex, casing))
        i = j + 1
    return out

def _chain_end(toks: list[Tok], i: int, lex: Lexicon, casing: Casing) -> int:
    j, n = i, len(toks)
    while j + 1 < n and j - i < MAX_CHAIN and not possessive(toks[j]):
        nxt = toks[j + 1]
        if nxt.start - toks[j].end > 1:
            break
        if nameish(toks, j + 1, lex, casing) or (nxt.cap and nxt.low in SUFFIXES):
            j += 1
        elif (
            nxt.low in PARTICLES
            and j + 2 < n
            and toks[j + 2].start - nxt.end <= 1
            and nameish(toks, j + 2, lex, casing)
        ):
            j += 2
        elif (
            nxt.kind == "q" and nxt.end - nxt.start <= NICKNAME_CHARS
            and (known(toks[j].text) or _middle_initial(toks, i, j, nxt))
            and j + 2 < n and toks[j + 2].start - nxt.end <= 1 and nameish(toks, j + 2, lex, casing)
        ):
            # a nickname between a given name or a middle initial and the surname: 'Marcia "Cia" Price',
            # 'Robert C. "Bobby" Scott'
            j += 2
        else:
            break
    return j


NICKNAME_CHARS = 20  # a quoted nickname, marks included
_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial
_INITIAL_NICKNAME_CHARS = 15  # after an initial, which may also end a sentence ("Hepatitis C."), a shorter one


def _middle_initial(toks: list[Tok], i: int, j: int, quote: Tok) -> bool:
    """Token j is a middle initial after a known given name, and the quotation after it is short enough to
    be a nickname ('Robert C. "Bobby" Scott', 'Joseph W. "Smokin' Joe" Tanner'); not "Exhibit A. “Not
    mine,” Berg said" (nor, with a given name the lists lack, 'Kweisi C. "KC" Mfume')."""
    if not (j > i and _INITIAL.fullmatch(toks[j].text) is not None and known(toks[j - 1].text)
            and quote.end - quote.start <= _INITIAL_NICKNAME_CHARS):
        return False
    # a surname follows a nickname, not another full name ('Malcolm X. “Not mine,” Tom Berg said')
    k = j + 2
    return not (k + 1 < len(toks) and known(toks[k].text) and toks[k + 1].kind == "w" and toks[k + 1].cap
                and toks[k + 1].low.rstrip(".") not in SUFFIXES)


def _title(word: str) -> bool:
    """A title word ("President", "Sen."), or an abbreviation that is one only with its dot ("Del." of a
    delegate; "Del Toro" is a name)."""
    low = word.lower().rstrip(".")
    return low in TITLES or (word.endswith(".") and low in ABBREVIATED_TITLES)


def _make_chain(toks: list[Tok], b: int, i: int, j: int, lex: Lexicon, casing: Casing | None = None) -> Chain:
    honorifics = lex.honorifics
    words = [toks[k].text for k in range(i, j + 1) if toks[k].kind != "q"]  # not a quoted nickname
    is_possessive = possessive(toks[j])
    if is_possessive:
        words[-1] = strip_possessive(words[-1])
    # The name proper: the last token and the run before it that are not titles or acronyms.
    # A body keeps all its words ("British Foreign Office", "Bank of America").
    k = len(words) - 1
    last_low = words[-1].lower().rstrip(".")
    lows = [strip_possessive(w.lower()).rstrip(".") for w in words]
    # a body: its last word is one ("British Foreign Office"), or the word before "of" is
    # ("Bank of America"); "Team Leader Jennifer Ngo-Anh" is a person with a title
    is_org = lows[-1] in ORG_WORDS or any(
        lows[m] in ("of", "for", "and", "&") and lows[m - 1] in ORG_WORDS for m in range(1, len(lows))
    )
    # "the President", "the former Hewlett-Packard CEO": a description, no name
    described = i > 0 and (toks[i - 1].low in ("the", "a", "an") or toks[i - 1].low in TITLE_QUALIFIERS) and last_low in TITLES
    if (len(words) == 1 and (last_low in TITLES or last_low in honorifics)) or described:
        k = len(words)  # "The President", "the Minnesota Democrat": a description, no name
    elif is_org and not any(w.lower().endswith(("'s", "’s")) for w in words[:-1]):
        k = 0
    while 0 < k < len(words):
        w = words[k - 1]
        low = w.lower().rstrip(".")
        if _title(w) or low in honorifics or (w.rstrip(".").isupper() and len(w.rstrip(".")) > 1):
            break
        if w.lower().endswith(("'s", "’s")):
            break
        k -= 1
    core = tuple(words[k:])
    titles: list[str] = []
    gender = None
    for w in words[:k]:
        low = w.lower().rstrip(".")
        if low in honorifics:
            gender = honorifics[low] or gender
        elif _title(w):
            titles.append(low)
            gender = GENDERED.get(low, gender)
    org = is_org or (len(core) == 1 and core[0].isupper() and len(core[0]) > 1) or (
        bool(core) and strip_possessive(core[-1].lower()).rstrip(".") in ORG_WORDS
    )
    ch = Chain(b, i, j, core, titles, gender, org)
    ch.possessive = is_possessive
    if titles:
        phrase = " ".join(ABBREVIATED_TITLES.get(t, t) for t in titles if t not in TITLE_QUALIFIERS)
        if phrase:
            ch.descriptors.add(phrase)
            ch.descriptors.add(phrase.split()[-1])
        ch.abbreviated = {ABBREVIATED_TITLES[t] for t in titles if t in ABBREVIATED_TITLES}
    _describe(ch, toks, lex, casing)
    return ch

_POSSESSIVE_DETERMINERS = frozenset("his her their my our your its".split())
LEADING_WORDS = 12  # words of a leading phrase before the subject it describes


def _leading_possessive(toks: list[Tok], first: int, lex: Lexicon) -> str | None:
    """The sex a leading phrase's "his" or "her" gives the subject the phrase opens onto ("Holding hands
    with her husband, Maria Lopez thanked …"): a phrase opening its sentence with a present participle,
    naming nobody, its possessives all of one sex; else None."""
    if first < 3 or toks[first - 1].text != ",":
        return None
    k = first - 2
    while k >= 0 and first - k <= LEADING_WORDS + 1 and not (toks[k].kind == "p" and toks[k].text in SENT_END):
        k -= 1
    start = k + 1
    if start >= first - 2 or first - k > LEADING_WORDS + 1:
        return None
    opener = toks[start].low
    if not (len(opener) > 4 and opener.endswith("ing")):
        return None  # a participle's subject is the main clause's; "At his sentencing, Maria Lopez …" is not hers
    sexes = set()
    phrase = toks[start + 1 : first - 1]
    for n, t in enumerate(phrase):
        if t.kind != "w" or (t.text[0].isupper() and t.low not in lex.gender_words):
            return None  # a name there may be whom the possessive means
        nxt = phrase[n + 1] if n + 1 < len(phrase) else None
        if t.low in ("his", "her") and t.low in lex.gender_words and nxt is not None and nxt.text[0].islower():
            sexes.add(lex.gender_words[t.low])  # a possessive ("his mother"), not an object ("behind her,")
    return sexes.pop() if len(sexes) == 1 else None


def _describe(ch: Chain, toks: list[Tok], lex: Lexicon, casing: Casing | None = None) -> None:
    """Descriptors from the words around a name: "military expert X", "X, the head of Y,"."""
    i = ch.first - 1
    # Nouns right before the name ("expert" in "military expert Alexander ...").
    if i >= 0 and toks[i].kind == "w" and toks[i].end + 1 >= toks[ch.first].start:
        low = unelide(toks[i].low)
        if (
            low[:1].islower()
            and low not in lex.function_words
            and low not in lex.verbs
            and low not in lex.determiners
            and low not in lex.auxiliaries
            and low not in PREPOSITIONS
            and not low.endswith(("ed", "ing"))
            and low not in PARTICLES
        ):
            ch.descriptors.add(low)
            if low in ORG_NOUNS:
                ch.org_hint = True
            if low in GENDERED:
                ch.gender = GENDERED[low]
            if i - 1 >= 0 and toks[i - 1].kind == "w" and toks[i - 1].text[0].islower():
                prev = toks[i - 1].low
                if prev not in lex.determiners and prev not in lex.function_words and prev not in lex.verbs:
                    ch.descriptors.add(f"{prev} {low}")
    # A leading phrase's possessive: the sex of the subject it opens onto.
    leading = _leading_possessive(toks, ch.first, lex)
    if leading is not None:
        ch.gender = leading  # "Standing beside his mother, Tom Reyes wept": he
    # A kinship or role noun set off before the name ("her husband, Milton Berg"): the name's sex.
    after = toks[ch.last + 1] if ch.last + 1 < len(toks) else None
    if (i >= 2 and toks[i].text == "," and toks[i - 1].kind == "w" and toks[i - 1].low in GENDERED
            and toks[i - 2].low in _POSSESSIVE_DETERMINERS and (after is None or after.kind == "p")):
        # set off on both sides, or ending the clause: not the subject a leading phrase opens onto
        # ("Holding hands with her husband, Maria Lopez thanked …")
        ch.gender = GENDERED[toks[i - 1].low]
    # The first word of the sentence, when only words stand between it and the name
    # ("Экономист Волжского института ... Ольга Трифонова").
    k = ch.first - 1
    while k >= 0 and ch.first - k <= 6 and toks[k].kind == "w":
        k -= 1
    if (k < 0 or toks[k].text in SENT_END) and k + 1 < ch.first:
        first = unelide(toks[k + 1].low)
        # not a word the article capitalizes inside sentences too: a name of its own, most likely the
        # subject ("Republican seeks new Clinton inquiry" does not make Clinton a Republican)
        proper = casing is not None and strip_possessive(toks[k + 1].text) in casing.midcaps
        # nor the title of a person named between ("President Barack Obama responded to a Gold Star mother")
        titled = first.rstrip(".") in TITLES
        someone = any(toks[m].cap and (titled or known(toks[m].text)) for m in range(k + 2, ch.first))
        if (first not in lex.function_words and first not in lex.determiners and not first.endswith("ing")
                and not proper and not someone):
            ch.descriptors.add(first)
    # A description set off before the name: "the mayor, Jo Al, said", "L'organisateur, Julien
    # Ferrand,"; a person's only ("In a letter to the board, Mary Collins, …" is no board).
    k = ch.first - 2
    if k >= 0 and toks[k + 1].text == "," and ch.last + 1 < len(toks) and toks[ch.last + 1].text in ",.":
        low = unelide(toks[k].low)
        if toks[k].kind == "w" and low[:1].islower() and (
            elided_article(toks[k].low) or (k > 0 and toks[k - 1].low in lex.definite)
        ) and low not in lex.function_words and low not in lex.verbs and person_noun(low):
            ch.descriptors.add(low)
    _describe_appositive(ch, toks, lex)
    for d in list(ch.descriptors):
        for w in d.split():
            if w in INSTITUTION_ROLES:
                ch.descriptors.add(INSTITUTION_ROLES[w])

# Words that make an appositive's role one held before: "then Berg's lawyer", "Berg's original lawyer".
_PAST_ROLE = frozenset("former onetime one-time then ex ex- erstwhile previous original first early".split())


def owned_role(owner_word: str, head: str) -> str:
    """The descriptor of a role someone holds for a named owner: "berg's lawyer" of "Berg's lawyer"."""
    return f"{strip_possessive(owner_word.lower())}'s {head}"


def _describe_appositive(ch: Chain, toks: list[Tok], lex: Lexicon) -> None:
    """Appositive after the name: ", [45,] the head of the Russian Senate's committee,"."""
    j = ch.last + 1
    n = len(toks)
    if not (j + 1 < n and toks[j].text in ",("):
        return
    k = j + 1
    party = PARTY_TAG.fullmatch(toks[k].text)
    if party:  # "Jo Al, D-Minn.,", "Jo Al (D-Minn.)": a Democrat
        ch.descriptors.add(PARTIES[party.group(1)])
        ch.states.add(party.group(2).lower())
        return
    if toks[j].text == "(":
        return
    if k + 1 < n and toks[k].low.isdigit() and toks[k + 1].text == ",":
        ch.descriptors.add(f"{toks[k].low}-year-old")
        k += 2
    if k < n and toks[k].low in ("whose", "his", "her", "their", "its"):
        return  # ", whose husband, …": the nouns after it are someone else
    determined = k < n and toks[k].low in lex.determiners
    if determined:
        k += 1
    elif k < n and toks[k].kind == "w" and toks[k].text[0].isupper() and toks[k].low not in TITLES:
        if not possessive(toks[k]):
            return  # a list of names, not an appositive
    head = None
    caps: list[str] = []
    m = k
    while m < n and m - k < 14 and toks[m].kind == "w":
        low = strip_possessive(toks[m].low)  # "who's chairing …" is a relative clause too
        if low in PREPOSITIONS or low in ("who", "which", "and"):
            if head is None:
                head = m - 1
            if low in ("who", "which"):
                break
        elif (determined and head is None and m > k and low.endswith("ed") and toks[m].text[0].islower()
              and toks[m - 1].kind == "w" and toks[m - 1].text[0].islower() and not toks[m - 1].low.endswith("ly")
              and not possessive(toks[m - 1]) and m + 1 < n and toks[m + 1].low in PREPOSITIONS):
            head = m - 1  # "a wealth research firm founded in 1999": the noun before the participle
        elif toks[m].text[0].isupper():
            caps.append(strip_possessive(low))
        m += 1
    if head is None and m > k and (m >= n or toks[m].kind == "p"):
        head = m - 1
    if head is not None and head >= k and toks[head].kind == "w":
        hw = strip_possessive(toks[head].low)
        if (toks[head].text[0].islower() or hw in TITLES) and hw not in lex.verbs and not hw.endswith("ing"):
            ch.descriptors.add(hw)
            ch.appositive = hw
            if head > k and toks[head - 1].kind == "w" and toks[head - 1].text[0].islower():
                ch.descriptors.add(f"{toks[head - 1].low} {hw}")
            owner = next((p for p in range(k, head) if possessive(toks[p]) and toks[p].cap), None)
            if (owner is not None and not any(toks[p].low in _PAST_ROLE for p in range(k, head))
                    and (head + 1 >= n or toks[head + 1].kind == "p")):
                # "Mark Chen, Berg's lawyer,": the role with its owner (`owned_role`); not "Berg's former
                # lawyer", "Berg's original lawyer", "Berg's lawyer at the time of the sale"
                ch.descriptors.add(owned_role(toks[owner].low, hw))
            if hw in ORG_NOUNS and not (hw in PERSON_OR_BODY and len(ch.core) >= 2):
                ch.org_hint = True  # not "Angelique Brunner, a developer": a person's name, a person's trade
            if hw in GENDERED:
                ch.gender = GENDERED[hw]
    for c in caps:
        if c in INSTITUTION_ROLES:
            ch.descriptors.add(INSTITUTION_ROLES[c])
