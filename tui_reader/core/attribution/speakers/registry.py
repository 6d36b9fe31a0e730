"""The registry of the people and bodies an article names: the one object the resolvers ask.

It ties the parts together: the article's blocks as tokens, the name chains in them (`chains.py`),
the people and bodies those name and the index that finds the fullest name (`entities.py`), and
their mentions in reading order for pronouns and descriptions to look back along (`mentions.py`);
plus what the resolvers ask about a position: sentence bounds, the object of a preposition, a
description's words, whether the article introduced someone unnamed by a noun.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

from tui_reader.core.attribution.speakers.chains import MAX_CHAIN, Chain, casing_of, chains_in
from tui_reader.core.attribution.speakers.descriptions import match_description
from tui_reader.core.attribution.speakers.entities import PLACE_PREPOSITIONS, Entity, Names, name_entities
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.mentions import Mentions, Position, StreamKey
from tui_reader.core.attribution.speakers.nouns import NAMED_ROLES, ORG_NOUNS, PREPOSITIONS, TITLES, person_noun
from tui_reader.core.attribution.speakers.tokens import (
    SENT_END,
    Tok,
    possessive,
    strip_possessive,
    title_case,
    tokenize,
)
from tui_reader.core.census import known, sex_of
from tui_reader.core.model import VERBATIM_KINDS

# Kin words: a headline that holds one speaks of two people of a family.
_KIN = frozenset("wife wives husband husbands son sons daughter daughters mother father brother brothers sister "
                 "sisters widow widower grandmother grandfather granddaughter grandson grandchildren family parents "
                 "children mom dad ex-wife ex-husband stepson stepdaughter stepmother stepfather girlfriend boyfriend "
                 "fiance fiancee fiancé fiancée niece nephew aunt uncle".split())


class Registry:
    """The article's blocks as tokens, its names and their mentions. `texts[i]` is block i's text
    with quotations masked; `kinds[i]` its block kind; `lex` the article's lexicon."""

    def __init__(self, texts: Sequence[str], kinds: Sequence[str], lex: Lexicon, title: str | None = None) -> None:
        self.texts = list(texts)
        self.kinds = list(kinds)
        self.lex = lex
        self.toks = [tokenize(t) for t in self.texts]
        for b, toks in enumerate(self.toks):
            if self.kinds[b] == "paragraph" and title_case(toks):
                self.kinds[b] = "heading"  # a plain-text article's headline line
        self.casing = casing_of(self.toks, self.kinds)
        self.chains: list[list[Chain]] = []
        self.names = Names()
        self.entities = self.names.entities
        self.chain_at: list[dict[int, Chain]] = []  # token index -> chain covering it
        self.mention_index = Mentions(self.sentence_of)
        self.mention_ent = self.mention_index.mention_ent
        self.salient = self.mention_index.salient  # mentions that can be the antecedent of "he"/"she"
        self.speaking = self.mention_index.speaking  # mentions made by attributions
        self._ends: dict[int, list[int]] = {}
        self._descriptors: set[str] | None = None
        self._introductions: dict[str, list[tuple[int, int]]] | None = None
        self._build()
        for headline in (title, self.texts[0] if self.texts and self.kinds[0] == "heading" else None):
            if headline:
                self._names_from_title(headline)  # the metadata's title; a text file's headline line

    # ---- entities --------------------------------------------------------------------------

    def _build(self) -> None:
        all_chains: list[Chain] = []
        for b in range(len(self.toks)):
            cs = chains_in(self.toks[b], b, self.lex, self.casing) if self.kinds[b] != "heading" else []
            self.chains.append(cs)
            self.chain_at.append({k: c for c in cs for k in range(c.first, c.last + 1)})
            all_chains.extend(cs)
        # names written after "in" or "at" ("in New Hampshire", "at last month's Democratic National
        # Convention") are places' or events'; a possessive is someone's ("at Volodymyr Zelensky's side")
        placed = {ch.core for ch in all_chains
                  if not ch.possessive and self.after_preposition(ch.blk, ch.first, PLACE_PREPOSITIONS)}
        name_entities(self.names, all_chains, self.toks, self.chain_at, self.lex, placed)
        self._collect_mentions()
        for ent in set(self.entities.values()):
            ent.settle()

    def fullest(self, core: tuple[str, ...]) -> Entity | None:
        """The one person whose name `core` is part of (`Names.fullest`)."""
        return self.names.fullest(core)

    def sharing(self, core: tuple[str, ...]) -> list[Entity]:
        """The people with a longer name that ends with `core` (`Names.sharing`)."""
        return self.names.sharing(core)

    # ---- mentions --------------------------------------------------------------------------

    def _collect_mentions(self) -> None:
        """Reading-order mentions of entities in the narrative (not captions or headings), and
        gender evidence from the pronoun that follows a person's mention."""
        lex = self.lex
        mid = 0
        for b, toks in enumerate(self.toks):
            if self.kinds[b] in ("figure", "heading", *VERBATIM_KINDS):
                continue
            chains = {c.first: c for c in self.chains[b] if c.entity is not None}
            last_person: Entity | None = None
            persons_in_sentence: set[int] = set()
            sentences_since = 0
            for i, t in enumerate(toks):
                if i in chains:
                    ch = chains[i]
                    ent = ch.entity
                    self.mention_index.add(b, i, mid, ent, not ch.possessive and not self.after_preposition(b, i)
                                           and not self._object_of_verb(toks, i) and not self._modifier(ch))
                    mid += 1
                    if ent.kind == "person" and not ch.possessive:
                        if last_person is not None and last_person is not ent and sentences_since == 0:
                            persons_in_sentence.add(id(last_person))
                        last_person = ent
                        persons_in_sentence.add(id(ent))
                        sentences_since = 0
                elif t.kind == "p" and t.text in SENT_END:
                    sentences_since += 1
                    if sentences_since > 1 or len(persons_in_sentence) > 1:
                        last_person = None  # two people in the sentence: a pronoun after it may mean either
                    persons_in_sentence = {id(last_person)} if last_person else set()
                elif t.kind == "w" and t.low in lex.gender_words and last_person is not None:
                    if _object_of_a_verb(toks, i, lex):
                        continue  # "Obama backed her up": someone else than the clause's subject
                    if len(persons_in_sentence) <= 1:
                        last_person.vote(lex.gender_words[t.low])
                    last_person = None  # one vote per mention
                elif t.kind == "w" and t.low in lex.definite and i + 1 < len(toks):
                    titled = self.chain_at[b].get(i + 1)  # "the Wisconsin Republican", "the Vermont senator"
                    if titled is None:
                        words = self.desc_words(toks, i + 1)
                    elif not titled.core:
                        words = titled.titles
                    else:  # a place's or a body's name before the role: "the Vermont senator"
                        person = titled.entity is not None and titled.entity.kind == "person"
                        words = [] if person or possessive(toks[titled.last]) else self.desc_words(toks, titled.last + 1)
                    ent = match_description(self, words, b, i)
                    if ent is not None and titled is not None and titled.core and words:
                        ent = self.of_place(ent, titled.core, words[-1], b, i)
                    if ent is not None:
                        # the object of a preposition or a participle is no subject: "representing the senator"
                        self.mention_index.add(b, i, mid, ent, not self.after_preposition(b, i)
                                               and not (i > 0 and toks[i - 1].kind == "w" and self._links(toks, i - 1)))
                        mid += 1

    # The mentions' look-ups and records that resolvers use (see `Mentions`).

    @property
    def mentions(self) -> list[Position]:
        return self.mention_index.positions

    def last(self, keys: Iterable[StreamKey | None], b: int, i: int,
             max_blocks: int | None = None) -> tuple[Position, Entity] | None:
        return self.mention_index.last(keys, b, i, max_blocks)

    def mentions_before(self, b: int, i: int) -> Iterator[Position]:
        return self.mention_index.mentions_before(b, i)

    def of_place(self, ent: Entity, place: tuple[str, ...], head: str, b: int, i: int) -> Entity | None:
        return self.mention_index.of_place(ent, place, head, b, i)

    def add_mention(self, b: int, i: int, ent: Entity) -> None:
        self.mention_index.add_mention(b, i, ent)

    def add_unnamed_speaker(self, b: int, i: int, gender: str | None) -> None:
        self.mention_index.add_unnamed_speaker(b, i, gender)

    def unnamed_speaker_between(self, after: tuple[int, int], b: int, i: int, gender: str | None) -> bool:
        return self.mention_index.unnamed_speaker_between(after, b, i, gender)

    def _object_of_verb(self, toks: list[Tok], i: int) -> bool:
        """A name right after a verb whose subject pronoun stands before it: "he said Ryan",
        "she told Hewitt" (the object, not who the next "he" is)."""
        lex = self.lex
        return i >= 2 and toks[i - 1].kind == "w" and (toks[i - 1].low in lex.verbs or toks[i - 1].low in lex.object_verbs) \
            and toks[i - 2].low in lex.pronouns

    def owner_named(self, b: int, lo: int, comma: int) -> bool:
        """Whether the words from token lo to a comma end with a person they link to ("a
        spokesman for the governor,", "the wife of the senator,", "the lawyer representing the
        singer,", "a lawyer who represents the singer,"): a name set off after that comma is that
        person's, not the description's (the words before the link must name the described person:
        "Along with her husband, Milton Berg," describes no one else). Unless the article named that person before as someone
        else ("Sen. Bob Menendez … A lawyer representing the senator, Abbe Lowell,"): then the name
        is the description's."""
        toks = self.toks[b]
        m = comma - 1
        if m - 2 < lo or toks[m].kind != "w" or not toks[m].text[0].islower() or not person_noun(toks[m].low):
            return False
        k = m - 1
        while k > lo and toks[k].kind == "w" and toks[k].text[0].islower() and not self._links(toks, k):
            k -= 1  # "for the former governor,", "of the city's mayor,"
        if not (k > lo and self._links(toks, k) and toks[k + 1].low in self.lex.determiners):
            return False
        head = toks[k - 2] if toks[k - 1].low in ("who", "that") and k - 2 >= lo else toks[k - 1]  # "a lawyer who represents"
        if not (head.kind == "w" and person_noun(head.low)):
            return False  # "Along with her husband, Milton Berg,", "In a letter to the governor, Ann Hale": no one else
        owner = match_description(self, [strip_possessive(toks[m].low)], b, lo)
        named = self.chain_at[b].get(comma + 1)
        return owner is None or named is None or named.entity is None or named.entity is owner

    def _modifier(self, ch: Chain) -> bool:
        """A name that only qualifies a role before another name ("Trump campaign spokesman Jason
        Miller", "MSNBC host Chris Matthews"), or a noun after an article ("a Romney caricature"): no
        subject a pronoun goes back to."""
        toks = self.toks[ch.blk]
        k = ch.last + 1
        if (ch.first > 0 and toks[ch.first - 1].low in ("a", "an", "the") and not ch.titles and k < len(toks)
                and ch.entity is not None and ch.entity.kind == "person"
                and toks[k].kind == "w" and toks[k].text[0].islower() and toks[k].low not in self.lex.verbs
                and toks[k].low not in self.lex.auxiliaries):
            return True  # "painting Trump as a Romney caricature", "the Clinton campaign"
        while k < len(toks) and k - ch.last <= 3 and toks[k].kind == "w" and toks[k].text[0].islower():
            if not _role_word(toks[k].low, self.lex):
                return False  # "Ana Ruiz hired attorney Tom Berg": a verb, Ruiz is the subject
            k += 1
        if k == ch.last + 1 or not (person_noun(toks[k - 1].low) or toks[k - 1].low in NAMED_ROLES):
            return False
        nxt = self.chain_at[ch.blk].get(k)
        return nxt is not None and nxt.first == k and bool(nxt.core)

    def _links(self, toks: list[Tok], k: int) -> bool:
        """Whether token k links a description to the person it is about: a preposition ("for"),
        a participle ("representing") or a verb after "who"/"that" ("who represents")."""
        low = toks[k].low
        return low in PREPOSITIONS or (len(low) > 5 and low.endswith("ing")) or (
            k > 0 and toks[k - 1].low in ("who", "that") and low not in self.lex.auxiliaries
        )

    def after_preposition(self, b: int, i: int, which: frozenset[str] | None = None) -> bool:
        """Whether the phrase at token i is the object of a preposition ("in NASA's Science
        Mission Directorate", "at the Aberdeen Royal Infirmary"); of one of `which` if given. Not the
        "of" inside a name's title ("Secretary of State John F. Kerry")."""
        toks = self.toks[b]
        lex = self.lex
        titled = self.chain_at[b].get(i)
        if titled is not None and titled.first == i and _inside_title(toks, titled):
            return False
        k = i - 1
        while k >= 0 and i - k <= MAX_CHAIN and toks[k].kind == "w":
            low = toks[k].low
            if low in PREPOSITIONS and low not in ("after", "before", "since", "until"):
                return which is None or low in which
            if low == "as":  # "known as X," but not "as X put it"; never a place's ("as Patti Davis, …")
                if which is not None or k == 0 or toks[k - 1].kind == "p":
                    return False  # opening its clause, "as" is a conjunction: "As X, a tax lawyer, put it"
                ch = self.chain_at[b].get(i)
                nxt = toks[ch.last + 1] if ch is not None and ch.last + 1 < len(toks) else None
                return nxt is None or nxt.kind != "w"
            ch = self.chain_at[b].get(k)
            if ch is not None and ch.possessive:
                k = ch.first - 1
                continue
            if possessive(toks[k]) and toks[k].text[0].islower():
                # "at last month's", "in the city's": on to the preposition before it
                p = next((p for p in (k - 1, k - 2) if p >= 0 and toks[p].low in PREPOSITIONS), None)
                if p is not None:
                    k = p
                    continue
            if low in lex.determiners or low.isdigit() or (toks[k].text[0].islower() and low not in lex.function_words
                                          and low not in lex.verbs and low not in lex.auxiliaries and i - k < 4
                                          and which is None):  # a place's never crosses words: "At a news conference Olaf Scholz"
                k -= 1
                continue
            return False
        return False

    def desc_words(self, toks: list[Tok], i: int) -> list[str]:
        """The lowercase words of a description starting at token i: "military analyst"."""
        lex = self.lex
        words = []
        while i < len(toks) and toks[i].kind == "w" and toks[i].text[0].islower() and len(words) < 4:
            low = toks[i].low
            if low in lex.verbs or low in lex.auxiliaries or low in PREPOSITIONS or low in lex.function_words:
                break
            words.append(strip_possessive(low))
            if possessive(toks[i]):
                break
            i += 1
        return words

    def introduced(self, head: str, after: tuple[int, int], b: int, i: int) -> bool:
        """Whether the article introduces someone unnamed by the noun `head` ("a Mexican official
        who was not authorized", "one legal expert") after position `after` (block, token) and
        before token i of block b; not as a name's appositive ("Jo Al, an analyst,") or a
        predicate ("is an analyst"), nor before a name ("an aide, Jo Al,")."""
        if self._introductions is None:
            found: set[tuple[int, int]] = set()
            for bb, toks in enumerate(self.toks):
                if self.kinds[bb] in ("figure", "heading"):
                    continue
                for d, t in enumerate(toks):  # the nouns up to four words after "a", "one", …
                    if t.low in INTRODUCING:
                        for k in range(d + 1, min(d + 5, len(toks))):
                            if toks[k].kind != "w":
                                break
                            if toks[k].text[0].islower() and (bb, k) not in found and self._introduces(bb, k):
                                found.add((bb, k))
            self._introductions = {}
            for bb, k in sorted(found):
                self._introductions.setdefault(strip_possessive(self.toks[bb][k].low), []).append((bb, k))
        found = self._introductions.get(head, ())
        k = bisect_left(found, (b, i))
        return k > 0 and found[k - 1] > after

    def _introduces(self, b: int, k: int) -> bool:
        toks = self.toks[b]
        for m in range(k - 1, max(-1, k - 5), -1):
            if toks[m].kind != "w":
                return False
            if toks[m].low in INTRODUCING:
                before = toks[m - 1] if m > 0 else None
                if before is not None and ((before.low in self.lex.auxiliaries and not self._unnamed_subject(toks, m - 2))
                                           or before.low == "as" or (before.text == "," and m - 2 in self.chain_at[b])):
                    return False  # "is an analyst", "as an adviser", "Jo Al, an analyst,"
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                return not (nxt is not None and (k + 1 in self.chain_at[b] or self._noun_goes_on(nxt) or (
                    nxt.text == "," and k + 2 in self.chain_at[b])))
        return False

    def _unnamed_subject(self, toks: list[Tok], k: int) -> bool:
        """Whether token k, before a copula, is a common noun: "The buyer is a Texas tycoon" introduces
        someone unnamed, where "Jo Al is an analyst" and "he is an analyst" describe someone named."""
        t = toks[k] if k >= 0 else None
        return (t is not None and t.kind == "w" and t.text[0].islower() and t.low not in self.lex.pronouns
                and t.low not in self.lex.function_words and t.low not in self.lex.determiners)

    def _noun_goes_on(self, nxt: Tok) -> bool:
        """Whether the word after a role noun is the head its noun modifies ("an official
        statement", "an analyst note"): a lowercase content word, not a verb, a participle or
        an adjective that goes on describing the person ("an official who", "said", "speaking",
        "briefed", "familiar with")."""
        low = nxt.low
        lex = self.lex
        return (nxt.kind == "w" and nxt.text[0].islower() and low not in lex.function_words
                and low not in PREPOSITIONS and low not in lex.auxiliaries and low not in lex.verbs
                and not low.endswith(("ed", "ing")) and low not in _POSTNOMINAL)

    def _names_from_title(self, title: str) -> None:
        """A family name the body writes alone, never with a given name, that the headline gives one
        ("Hillary Clinton Goes After Donald Trump …" and "Clinton said" in the body): the person so
        named, shown by the headline's fuller name. Only a given name of the census lists that the
        article does not write in lowercase ("Will Trump win?" is no Will Trump), and only where the
        headline gives that family name one given name."""
        words = [strip_possessive(w.strip(".,:;!?\"“”‘’'()")) for w in title.split()]
        if any(w.lower() in _KIN for w in words):
            return  # "Tom Berg's Widow Sues …": the body's "Mrs. Berg" is another of the family
        given: dict[str, set[str]] = {}
        for k, (first, last) in enumerate(zip(words, words[1:])):
            if last.lower() in ("and", "&") and k + 3 < len(words) and words[k + 3][:1].isupper():
                last = words[k + 3]  # "Tom and Ann Berg Charged …": Tom is a Berg too
            if (first[:1].isupper() and last[:1].isupper() and known(first) and first.lower() not in self.casing.lowercase_words
                    and first.lower() not in self.lex.function_words):
                given.setdefault(last, set()).add(first)
        for ent in list(self.entities.values()):
            if len(ent.name) != 1 or ent.kind == "org" or len(given.get(ent.name[0], ())) != 1:
                continue
            if self.sharing(ent.name):
                continue  # the body names someone else of that family
            first = next(iter(given[ent.name[0]]))
            if ent.gender is not None and sex_of(first) not in (None, ent.gender):
                continue  # "Mrs. Berg" is no Tom Berg
            ent.shown = f"{first} {ent.name[0]}"
            ent.kind = "person"

    def known_descriptor(self, head: str) -> bool:
        if self._descriptors is None:
            self._descriptors = {d for e in self.entities.values() for d in e.descriptors}
        return head in self._descriptors

    # ---- sentences -------------------------------------------------------------------------

    def _sentence_ends(self, b: int) -> list[int]:
        ends = self._ends.get(b)
        if ends is None:
            ends = self._ends[b] = [k for k, t in enumerate(self.toks[b]) if t.kind == "p" and t.text in SENT_END]
        return ends

    def sentence_of(self, b: int, i: int) -> int:
        return bisect_left(self._sentence_ends(b), i)

    def sentences_between(self, a: tuple[int, int], z: tuple[int, int]) -> int:
        """How many sentence ends stand between token positions a and z (block, token), a before z."""
        (ab, at), (zb, zt) = a, z
        if ab == zb:
            return self.sentence_of(zb, zt) - self.sentence_of(ab, at)
        ends = len(self._sentence_ends(ab)) - self.sentence_of(ab, at)
        ends += sum(len(self._sentence_ends(blk)) for blk in range(ab + 1, zb))
        return ends + self.sentence_of(zb, zt)

    def sentence_bounds(self, b: int, i: int) -> tuple[int, int]:
        """Token range [lo, hi) of the sentence around token i (hi is its closing punctuation)."""
        ends = self._sentence_ends(b)
        k = bisect_left(ends, i)
        lo = ends[k - 1] + 1 if k > 0 else 0
        hi = ends[k] if k < len(ends) else len(self.toks[b])
        return lo, hi


# Words that introduce someone the article does not name: "a woman", "one mother", "another aide".
INTRODUCING = frozenset("a an one another".split())
# Adjectives that follow the person they describe: "an official familiar with the talks".
_POSTNOMINAL = frozenset("familiar close aware knowledgeable present responsible able".split())


# Words after "her" that leave it an object, not a possessive ("backed her up", "told her that").
_PARTICLES = frozenset("up down out off back over away again that".split())


def _object_of_a_verb(toks, i: int, lex: Lexicon) -> bool:
    """Whether the gender word at token i is the object of the verb before it ("Obama backed her up",
    "Trump called him"): in English it is never the subject of its own clause, so it tells nothing of
    that person's gender. "her" followed by a noun is a possessive ("Clinton announced her plan")."""
    if toks[i].low not in ("him", "her") or i == 0 or toks[i - 1].kind != "w":
        return False
    before = toks[i - 1].low
    if not (before.endswith("ed") or before in lex.verbs or before in lex.object_verbs):
        return False
    if toks[i].low == "him":
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or nxt.kind != "w" or nxt.low in _PARTICLES or nxt.low in PREPOSITIONS or nxt.low in lex.determiners


def _inside_title(toks: list[Tok], ch: Chain) -> bool:
    """A titled name whose title holds a preposition ("Secretary of State John F. Kerry", "Chief of
    Staff John Kelly"): the "of" is the title's, the name no object of it."""
    k = ch.first
    return bool(ch.titles) and k >= 2 and toks[k - 1].low in ("of", "for") and toks[k - 2].cap and (
        toks[k - 2].low.rstrip(".") in TITLES)


def _role_word(low: str, lex: Lexicon) -> bool:
    """A word of a role's description between a name and a person's name ("campaign", "press",
    "spokesman", "host"): a noun of a person or a body, or a role qualifier; no verb."""
    if low in lex.verbs or low in lex.auxiliaries or low.endswith(("ed", "ing")):
        return False
    return person_noun(low) or low in NAMED_ROLES or low in ORG_NOUNS or low in ROLE_QUALIFIERS


# Nouns that qualify a role before its noun: "campaign spokesman", "press secretary", "policy adviser".
ROLE_QUALIFIERS = frozenset("""campaign press policy communications senior chief deputy political legal foreign
national security economic digital media finance research field""".split())
