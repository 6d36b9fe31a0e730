"""The people and bodies an article names: one `Entity` per name, with its kind, descriptors
and gender, and `Names`, the index that finds the person a partial name means ("Stoltenberg" for
"Jens Stoltenberg", "DEA" for the "Drug Enforcement Administration" the article spells out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tui_reader.core.attribution.speakers.chains import Chain
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.nouns import person_noun
from tui_reader.core.attribution.speakers.places import PLACE_NOUNS, place_name
from tui_reader.core.attribution.speakers.tokens import Tok, name_key, possessive, sentence_start, strip_possessive
from tui_reader.core.census import is_family_name, known, sex_of
from tui_reader.core.names import PARTICLES

# Prepositions after which a name is a place's or an event's, not a person's.
PLACE_PREPOSITIONS = frozenset("in at across throughout inside outside near".split())
# Words in a person's name at most ("Te Kaurinui Robert Parata", "Patrick W. Carlineo Jr."): a
# longer run of capitalized words is a title-case headline, not somebody.
MAX_PERSON_NAME = 5


@dataclass(eq=False)
class Entity:
    name: tuple[str, ...]  # fullest form, tokens
    kind: str = "unknown"  # "person" | "org" | "unknown"
    descriptors: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)  # gender evidence
    gender: str | None = None
    spoke: bool = False  # an attribution named it (the subject of a reporting verb)
    abbreviated: set[str] = field(default_factory=set)  # roles read from an abbreviated title ("Rep.")
    states: set[str] = field(default_factory=set)  # of a party tag, lowercase: "vt" of "(D-Vt.)"
    shown: str | None = None  # a fuller name only the headline gives ("Hillary Clinton" for "Clinton")

    @property
    def display(self) -> str:
        return self.shown or " ".join(self.name)

    def vote(self, g: str, weight: int = 1, text: bool = True) -> None:
        self.votes[g] = self.votes.get(g, 0) + weight
        if text:
            self.votes["text"] = 1

    def settle(self) -> None:
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        self.gender = "m" if m > f else "f" if f > m else None


_NOBODY = Entity(())  # "no such name" in the name index (None there means "ambiguous")


class Names:
    """The article's entities by their fullest name, and the index that finds a person by part of
    a name (see `index`)."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, ...], Entity] = {}
        self.by_ending: dict[tuple[str, ...], Entity | None] = {}  # see `index`
        self.by_start: dict[tuple[str, ...], Entity | None] = {}
        self.by_middle: dict[tuple[str, ...], Entity | None] = {}

    def entity_for(self, ch: Chain) -> Entity:
        """The entity a chain names: the person its name is part of, else one of its own."""
        core = ch.core
        if core in self.entities and self.entities[core].kind == "person" and len(core) >= 2:
            return self.fullest(core) or self.entities[core]
        full = self.fullest(core)
        if full is not None and ch.gender and not ch.titles and sex_of(full.name[0]) not in (None, ch.gender):
            full = None  # "Mr. Obama" where the article names Michelle Obama in full: not her (an honorific's
            # sex only: "Chairman Yellen" is still Janet Yellen)
        if full is not None and not ch.org:
            return full
        # the name two people end with ("Woods" of Dorothy and Ty Woods) is somebody's: a person,
        # the one of them an honorific tells ("Mrs. Clinton" of Bill and Hillary Clinton)
        shared = not ch.org and self.by_ending.get(name_key(core), _NOBODY) is None
        if shared and ch.gender:
            key = name_key(core)
            sexes = [e for e in self.entities.values() if e.kind == "person" and name_key(e.name)[-len(key):] == key
                     and len(e.name) > len(core) and sex_of(e.name[0]) == ch.gender]
            if len(sexes) == 1:
                return sexes[0]
        if (full is None and not shared and len(core) == 1 and core not in self.entities and not ch.titles
                and not ch.gender and not is_family_name(core[0])):
            body = self._body_starting(core[0])
            if body is not None:
                return body  # "Hurun" for the "Hurun Report" named before, "Pew" for the "Pew Research Center"
        kind = "org" if ch.org or ch.org_hint else "person" if shared else "unknown"
        return self.entities.setdefault(core, Entity(core, kind))

    def _body_starting(self, word: str) -> Entity | None:
        """The one body already named whose name of two words or more starts with `word`; None when
        none or several, or when another name holds the word ("Bloomberg" of Michael Bloomberg)."""
        found = {e for e in self.entities.values() if e.kind == "org" and len(e.name) >= 2 and e.name[0] == word}
        if len(found) != 1:
            return None
        body = next(iter(found))
        return None if any(word in e.name for e in self.entities.values() if e is not body) else body

    def sharing(self, core: tuple[str, ...]) -> list[Entity]:
        """The people with a longer name that ends with `core` ("Bill Clinton", "Hillary Clinton"
        for "Clinton")."""
        key = name_key(core)
        return [e for e in set(self.entities.values()) if e.kind == "person" and len(e.name) > len(core)
                and name_key(e.name)[-len(key):] == key]

    def fullest(self, core: tuple[str, ...]) -> Entity | None:
        """The unique person whose fullest name ends with `core`, or starts with it when it is
        no other name's ending ("Elise" for "Elise Matthesen", "Te Kaurinui" for "Te Kaurinui
        Robert Parata"); None when none or ambiguous. Dictionary look-ups: `index` filed
        every ending and every beginning of every name."""
        key = name_key(core)
        found = self.by_ending.get(key, _NOBODY)
        if found is None:
            return None  # two people share this ending
        if found is _NOBODY or name_key(found.name) == key:
            longer = self.by_start.get(key)  # the one longer name that starts like this
            if longer is not None and (found is _NOBODY or len(key) > 1):
                return longer
        if found is _NOBODY and key not in self.by_start:
            return self.by_middle.get(key)  # "Basáñez" for "Miguel Basáñez Ebergenyi"
        return None if found is _NOBODY else found

    def index(self) -> None:
        """For each ending of a person's name ("Stoltenberg", "Jens Stoltenberg"), the person
        with the longest such name when every other such name is an ending of it (None when two
        people share it: "Hori Parata" and "Te Kaurinui Robert Parata"); for each beginning, the
        person when all longer names that begin so are one name."""
        best: dict[tuple[str, ...], tuple[int, tuple[str, ...], Entity | None]] = {}
        starts: dict[tuple[str, ...], tuple[set[tuple[str, ...]], int, Entity | None]] = {}
        for ent in self.entities.values():
            if ent.kind != "person":
                continue
            key = name_key(ent.name)
            size = len(ent.name)
            for n in range(1, len(key) + 1):
                have = best.get(key[-n:])
                if have is None:
                    best[key[-n:]] = (size, key, ent)
                elif size > have[0]:  # the longer name wins only when it goes on the shorter one
                    goes_on = key[-len(have[1]):] == have[1] and key != have[1]  # not the son: "… Jr."
                    best[key[-n:]] = (size, key, ent if have[2] and goes_on else None)
                elif size < have[0]:
                    if have[1][-len(key):] != key or have[1] == key:
                        best[key[-n:]] = (have[0], have[1], None)  # "Hori Parata" / "Te Kaurinui Robert Parata"
                elif have[2] is not ent:
                    best[key[-n:]] = (size, key, None)
            for n in range(1, max(2, len(key))):
                keys, top, who = starts.get(key[:n], (set(), 0, None))
                keys.add(key)
                if size > top:
                    top, who = size, ent
                elif size == top and who is not ent:
                    who = None
                starts[key[:n]] = (keys, top, who)
        self.by_ending = {k: ent for k, (_, _, ent) in best.items()}
        self.by_start = {k: who for k, (keys, _, who) in starts.items() if len(keys) == 1}
        # The middle of three names, where two surnames follow a given name ("Miguel Basáñez
        # Ebergenyi", "Claudia Ruiz Massieu"): the first surname alone is the person's too.
        middles: dict[tuple[str, ...], Entity | None] = {}
        for ent in self.entities.values():
            key = name_key(ent.name)
            if ent.kind == "person" and len(key) == 3 and len(key[1]) > 1 and key[1] not in PARTICLES:
                middles[key[1:2]] = ent if middles.get(key[1:2], ent) is ent else None
        self.by_middle = middles

    def expand_acronyms(self) -> None:
        """"DEA" is the "Drug Enforcement Administration" when the article spells it out."""
        initials: dict[str, Entity] = {}
        for ent in self.entities.values():
            words = [w for w in ent.name if w.lower() not in ("of", "the", "and", "for", "&")]
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                initials.setdefault("".join(w[0] for w in words).upper(), ent)
        for ent in list(self.entities.values()):
            if len(ent.name) == 1 and ent.name[0].isupper() and 2 <= len(ent.name[0]) <= 6:
                full = initials.get(ent.name[0].replace(".", ""))
                if full is not None and full is not ent:
                    ent.name = full.name
                    ent.kind = "org"


def name_entities(names: Names, all_chains: list[Chain], blocks: Sequence[list[Tok]], chain_at: Sequence[dict[int, Chain]],
                  lex: Lexicon, placed: set[tuple[str, ...]]) -> None:
    """File the people and bodies `all_chains` name in `names` and give each chain its entity.
    `placed`: the names the article writes after a place's preposition ("in New Hampshire").
    Full names: multi-token cores that read as people; not those placed, unless a title, an
    honorific or a given name says it is someone ("in Donald Trump"), or the article makes the
    name the subject of a reporting verb anywhere ("Zelensky said")."""
    placed = placed - _reporting(all_chains, blocks, lex)
    for ch in all_chains:
        if _no_one(ch, blocks[ch.blk]):
            continue  # "North Carolina", "Harnet Avenue, the main boulevard", an ad's title: no one
        person = not ch.org and not ch.org_hint and len(ch.core) >= 2 and not (
            # "The Dragon Waiting", "the New Yorker": a name after an article is a thing's
            ch.first > 0 and blocks[ch.blk][ch.first - 1].low in ("the", "a", "an") and not ch.titles
            and ch.gender is None
        ) and (ch.gender is not None or bool(ch.titles) or known(ch.core[0]) or ch.core not in placed)
        if person and len(ch.core) <= MAX_PERSON_NAME:
            ent = names.entities.setdefault(ch.core, Entity(ch.core))
            ent.kind = "person"
    for given, surname in _coordinated_given_names(all_chains, blocks, chain_at):
        names.entities.setdefault((given, *surname), Entity((given, *surname), "person"))
    names.index()
    for ch in all_chains:
        _take_particle(ch, blocks[ch.blk], names, chain_at[ch.blk])
    for ch in all_chains:
        if not ch.core and len(ch.titles) == 1 and ch.first == ch.last:
            # "Doctor says": a title word that is also someone's surname
            word = blocks[ch.blk][ch.first].text
            if names.fullest((strip_possessive(word),)) is not None:
                ch.core, ch.titles = (strip_possessive(word),), []
        if not ch.core:
            continue
        ch.entity = names.entity_for(ch)
        ent = ch.entity
        ent.descriptors |= ch.descriptors
        ent.abbreviated |= ch.abbreviated
        ent.states |= ch.states
        if ch.gender:
            ent.vote(ch.gender, 3)
        if ent.kind == "unknown":
            if ch.org or ch.org_hint:
                ent.kind = "org"
            elif (ch.gender or ch.titles or _aged(ch) or _named_so(ch, blocks[ch.blk])) and not _no_one(ch, blocks[ch.blk]):
                ent.kind = "person"
    names.expand_acronyms()


def _named_so(ch: Chain, toks: list[Tok]) -> bool:
    """A given name the text introduces as a person's ("a 52-year-old resident named Caroline"): a person,
    though the article gives no surname."""
    return (ch.first > 1 and toks[ch.first - 1].low == "named" and person_noun(toks[ch.first - 2].low)
            and len(ch.core) == 1 and known(ch.core[0]) and not ch.possessive)  # not "a dog named Max"


def _coordinated_given_names(all_chains: list[Chain], blocks: Sequence[list[Tok]],
                             chain_at: Sequence[dict[int, Chain]]) -> list[tuple[str, tuple[str, ...]]]:
    """Two people of one family named together, the surname written once ("Bill and Hillary
    Clinton"): the first one's given name and the surname of the name that follows, where the census
    knows both first words as given names ("Ford and Hillary Clinton" is no "Ford Clinton", "China
    and Western Europe" no "China Europe"), or where the paragraph calls them kin and neither word is
    a family name or a place ("the parents, Khizr and Ghazala Khan")."""
    found = []
    for ch in all_chains:
        toks = blocks[ch.blk]
        k = ch.first - 2
        if len(ch.core) < 2 or ch.org or ch.titles or k < 0 or toks[k + 1].low != "and":
            continue
        given = toks[k]
        before = chain_at[ch.blk].get(k)
        if given.kind != "w" or not given.cap or possessive(given) or (before is not None and before.core != (given.text,)):
            continue
        if (known(given.text) and known(ch.core[0])) or (
                len(ch.core) == 2 and not any(is_family_name(w) or place_name((w,)) for w in (given.text, ch.core[0]))
                and any(t.low in KIN_PLURALS for t in toks)):
            found.append((given.text, ch.core[-1:]))
    return found


# Words that call two people kin ("the parents, Khizr and Ghazala Khan").
KIN_PLURALS = frozenset("parents couple husband wife brothers sisters siblings sons daughters twins spouses".split())


def _aged(ch: Chain) -> bool:
    """A name given an age ("Her father, Brad, 39, worried …", "Brad, a 39-year-old"): a person's."""
    return any(d.endswith("year-old") for d in ch.descriptors)


_OPENING_MARKS = frozenset('"“‘«„')
_CLOSING_MARKS = frozenset('"”’»“')


def _no_one(ch: Chain, toks: list[Tok]) -> bool:
    """A name that is no one's, where no title or honorific makes it someone's: one the places module
    knows as a place's or a thing's, one an appositive describes by a place noun ('Harnet Street, the
    capital's main boulevard'; not a noun before the name: 'City planner Ana Ruiz'), or a title set
    in quotation marks ('One ad, "Balanced Rebellion," stars …')."""
    if ch.titles or ch.gender is not None:
        return False
    if place_name(ch.core) or ch.appositive in PLACE_NOUNS:
        return True
    return (ch.first > 0 and toks[ch.first - 1].text in _OPENING_MARKS and ch.last + 1 < len(toks)
            and toks[ch.last + 1].text[:1] in _CLOSING_MARKS | {","} and
            any(t.text in _CLOSING_MARKS for t in toks[ch.last + 1:ch.last + 3]))


def _reporting(chains: list[Chain], blocks: Sequence[list[Tok]], lex: Lexicon) -> set[tuple[str, ...]]:
    """Names (and every name ending with one) that some chain makes report something: a
    reporting verb right after it ("Zelensky said") or right before it after a comma or a
    quotation ("…," said Olaf Scholz)."""
    found = set()
    for ch in chains:
        toks = blocks[ch.blk]
        nxt = toks[ch.last + 1] if ch.last + 1 < len(toks) else None
        before = toks[ch.first - 1] if ch.first > 0 else None
        if ch.core and ((nxt is not None and nxt.low in lex.verbs) or (
                before is not None and before.low in lex.verbs and ch.first > 1
                and toks[ch.first - 2].kind != "w")):
            found.add(name_key(ch.core))
    return {ch.core for ch in chains if any(name_key(ch.core[k:]) in found for k in range(len(ch.core)))}


def _take_particle(ch: Chain, toks: list[Tok], names: Names, chain_at: dict[int, Chain]) -> None:
    """"de Blasio said", "De Blasio said": a name's particle before a chain, where the article
    names someone whose name ends so ("Bill de Blasio"), belongs to it."""
    k = ch.first - 1
    if k < 0 or ch.titles or not ch.core or toks[k].low not in PARTICLES:
        return
    if not toks[k].text.islower() and not sentence_start(toks, k):
        return  # capitalized only where a sentence starts: "De Blasio said"
    if toks[ch.first].start - toks[k].end > 1:
        return
    key = (toks[k].text.lower() if toks[k].text.islower() else toks[k].text, *ch.core)
    ent = names.fullest(key)
    if ent is not None and len(ent.name) > len(key):
        ch.first, ch.core = k, key
        chain_at[k] = ch
