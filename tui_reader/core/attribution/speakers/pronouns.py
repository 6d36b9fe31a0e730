"""Pronouns: "he"/"she" to the most recent compatible person, "it" to the most recent body."""

from __future__ import annotations

from itertools import islice

from tui_reader.core.attribution.speakers.nouns import CLASS_OF, GENDERED, PREPOSITIONS, TITLES, plural_noun
from tui_reader.core.attribution.speakers.tokens import Tok, adverb
from tui_reader.core.census import is_family_name, sex_of

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the start-up path reads this)
if TYPE_CHECKING:
    from tui_reader.core.attribution.speakers.entities import Entity
    from tui_reader.core.attribution.speakers.lexicon import Lexicon
    from tui_reader.core.attribution.speakers.registry import Registry

COLLECTIVES = frozenset("police staff management clergy public press media military".split())  # nouns for groups
MAX_BLOCKS_BACK = 3  # a personal pronoun refers to someone named at most this many blocks before
MAX_MENTIONS_BACK = 200  # ... and at most this many mentions before (a bound for very long paragraphs)


def resolve_pronoun(reg: Registry, word: str, b: int, i: int) -> Entity | None:
    """The entity the subject pronoun `word` at token i of block b refers to, or None."""
    g = reg.lex.pronouns.get(word)
    if g in ("m", "f"):
        return _topic_or_person(reg, g, b, i)
    if g == "org":
        found = reg.last([("org",)], b, i, max_blocks=2)
        return found[1] if found else None
    return None  # "they", "I", "we": nobody the article names for sure


def _topic_or_person(reg: Registry, g: str, b: int, i: int, depth: int = 0) -> Entity | None:
    """The pronoun's referent; where the sentence sets up a person as its topic right before the pronoun
    ("As for Trump, he said …"), that person when the text gives no other candidate, and nobody when it
    does ("Sanders spoke. As for Trump, he said: “He is a fraud.”" may be either)."""
    other = _person(reg, g, b, i, depth, addressee=_addressee(reg, b, i))
    topic = _topic(reg, g, b, i)
    if topic is None:
        return other
    return topic if other is None or other is topic else None


def _topic(reg: Registry, g: str, b: int, i: int) -> Entity | None:
    """The person a sentence sets up as its topic right before the pronoun ("As for Trump, he …"), of a
    gender the pronoun allows (the census's sex of the given name counts against it here)."""
    lo, _ = reg.sentence_bounds(b, i)
    if _topic_end(reg, b, lo) != i:
        return None
    ent = reg.chain_at[b][lo + 2].entity
    if ent is None or ent.kind != "person" or ent.gender not in (None, g):
        return None
    return None if ent.gender is None and _named_other_sex(ent, g) else ent


def _topic_end(reg: Registry, b: int, lo: int) -> int | None:
    """Where a sentence opening with a topic ("As for Trump,") goes on, past its comma; else None."""
    toks = reg.toks[b]
    if not (lo + 3 < len(toks) and toks[lo].low == "as" and toks[lo + 1].low == "for"):
        return None
    ch = reg.chain_at[b].get(lo + 2)
    if ch is None or ch.first != lo + 2 or ch.possessive or ch.last + 1 >= len(toks) or toks[ch.last + 1].text != ",":
        return None
    return ch.last + 2


def topic_person(reg: Registry, head: str, b: int, i: int) -> Entity | None:
    """The person a definite description of a role nobody in the article is described by refers
    to ("Ruth Bader Ginsburg regrets … . The Supreme Court justice said"): found as a pronoun of
    either gender would be, among the subjects of the sentences before it only."""
    return _person(reg, None, b, i, head=head)


def _addressee(reg: Registry, b: int, i: int) -> Entity | None:
    """Whom the pronoun at token i tells or answers ("he told Hannity", "she said to Ann Lee"): never
    the pronoun's own referent. Adverbs may stand around the verb ("he later told Hannity"), and the
    object may describe the person before naming them ("told Fox News host Sean Hannity", "told
    host Sean Hannity", "told Fox News' Sean Hannity"): the person named where the object ends."""
    toks = reg.toks[b]
    lex = reg.lex
    k = _past_adverbs(toks, i + 1, lex)
    if k >= len(toks) or toks[k].low not in lex.verbs:
        return None
    k = _past_adverbs(toks, k + 1, lex)
    if k < len(toks) and toks[k].low == "to":
        k += 1
    if k < len(toks) and toks[k].low in lex.determiners:
        k += 1
    found = None
    for _ in range(MAX_OBJECT_WORDS):  # the words of the object: names, and lowercase role words before one
        ch = reg.chain_at[b].get(k)
        if ch is not None and ch.first == k:
            found, k = (None if ch.possessive else ch.entity), ch.last + 1
            if k < len(toks) and toks[k].text in ("'", "’") and toks[k].start == toks[k - 1].end:
                found, k = None, k + 1  # "Fox News' Sean Hannity": the outlet's
        elif k < len(toks) and _role_word(toks[k].low, lex):
            found, k = None, k + 1
        else:
            break
    return found


MAX_OBJECT_WORDS = 6  # words and names in the object before its person: "the Fox News host Sean Hannity"


def _past_adverbs(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """The first token from k that is no adverb ("later", "repeatedly")."""
    while k < len(toks) and toks[k].kind == "w" and adverb(toks[k].low, lex):
        k += 1
    return k


def _role_word(low: str, lex: Lexicon) -> bool:
    """A lowercase noun that may describe a person before the name ("host", "anchor", "reporter")."""
    return (low[:1].islower() and low.isalpha() and low not in lex.function_words and low not in lex.verbs
            and low not in PREPOSITIONS and low not in lex.determiners and not adverb(low, lex))


def _person(reg: Registry, g: str | None, b: int, i: int, depth: int = 0, head: str = "",
            addressee: Entity | None = None) -> Entity | None:
    """Sentence by sentence back from the pronoun; in each, the first person who can be meant
    (the speaker of a quotation there, else the subject before the objects), skipping anyone
    of the other gender. A sentence whose subject is the same pronoun ("He attended the rally,
    though he may vote for Bernie Sanders.") carries on whoever that pronoun meant. `g` None: a
    description with the head noun `head` (`topic_person`), of either gender, never a person
    named only as an object, and nobody when "a <head>" stands between them ("A lawmaker …")."""
    ent = None
    group: list[Entity] = []
    fallback: Entity | None = None  # a person named only as an object, if nobody else
    key = where = None
    speaker: Entity | None = None
    at = (b, i)  # a token of the sentence `group` comes from
    weak: tuple[Entity, tuple[int, int]] | None = None  # a lone family name that spoke, right before
    unsure = False  # the sentence before opens with a lone family name the text does not show to be a person's
    reported = _reported_clause(reg, b, i) if g is not None else None
    for mb, mt, mid in islice(reg.mentions_before(b, i), MAX_MENTIONS_BACK):
        if b - mb > MAX_BLOCKS_BACK:
            break
        if reported is not None and mb == b and mt >= reported:
            continue  # "Also, Trump isn't a conservative, he said.": Trump is what he talks about
        skey = (mb, reg.sentence_of(mb, mt))
        if key is not None and skey != key and group:
            break
        if skey != key and not group and fallback is None and depth < MAX_CHAIN_OF_PRONOUNS and g is not None:
            p = _subject_pronoun(reg, g, mb, mt)
            if p is not None and (mb, p) != (b, i):  # not the pronoun being resolved ("As for Trump, he …")
                ent = _topic_or_person(reg, g, mb, p, depth + 1)
                if ent is not None and reg.unnamed_speaker_between((mb, reg.sentence_of(mb, p)), b, i, g):
                    return None  # "She said …. “…,” said the woman. “…,” she said": the woman's
                return ent
        key = skey
        e = reg.mention_ent[mid]
        if e is addressee:
            continue  # "Hannity asked Trump … . “…,” he told Hannity": not Hannity
        if not group and fallback is None and _named_for_another(reg, mb, mt):
            return None  # "A spokesman for the governor, Andrew Cuomo, said …. “…,” he said": the spokesman
        # a lone family name of no known kind in the sentence right before counts only under the tests below
        near = _lone_surname(e) and reg.sentences_between((mb, mt), (b, i)) <= 1
        if near and weak is None and e.spoke and (g is None or e.gender in (None, g)):
            weak = (e, skey)  # '"…," Clinton said.' right before: only if no one else can be meant
        opening = near and _opening_surname(reg, mb, mt)
        if opening and g is not None and not group:
            unsure = True  # "Carson defied the question. “…,” he said": Carson, or a company or a city?
        if (e.kind == "person" or (opening and _shown_a_person(reg, e, mb, mt, g))) and (g is None or e.gender in (None, g)):
            if (mid in reg.salient and e.gender is None and g is not None and fallback is not None
                    and fallback.gender == g and skey != where):
                break  # "If Clinton's wobbly, she …" a sentence nearer, of the pronoun's gender: not someone before
            if mid in reg.salient:
                group.append(e)
                at = (mb, mt)
                if mid in reg.speaking and speaker is None:
                    speaker = e  # the speaker of a quotation there, before the people it names
            elif fallback is None and g is not None and (e.gender == g or _evidently_a_person(e)):
                fallback, where = e, skey
    if unsure and not (group and reg.sentences_between(at, (b, i)) <= 1):
        return None  # not someone further back over it
    if group:
        ent, where = (speaker or _main_subject(reg, group, *at) or group[-1]), key
    elif fallback is not None:
        ent = fallback
    elif weak is not None:
        ent, where = weak
    if ent is not None and where is not None and g is not None and _unread_reporter(reg, at):
        return None  # "McLenney said Clinton doesn't … . “…,” she said": maybe the reporter, a name not read as one
    if ent is not None and where is not None and _unnamed_since(reg, g, where, b, i, head):
        return None  # "… spoke to one mother. “…,” she said": someone the article does not name
    if ent is not None and where is not None and reg.unnamed_speaker_between(where, b, i, g):
        return None  # "“…,” said the woman, who asked not to be named. “…,” she said": hers
    if (ent is not None and where is not None and g is not None and ent.gender is None and b - where[0] >= FAR_BLOCKS
            and _named_other_sex(ent, g)):
        return None  # "she" for "Ben Jacobs" named paragraphs before: more likely someone unnamed since
    if ent is not None and ent.gender is None and g is not None:
        ent.vote(g, 1, text=False)  # "she said" of X: X is a woman from now on
        ent.settle()
    return ent


def _unread_reporter(reg: Registry, at: tuple[int, int]) -> bool:
    """Whether the sentence of `at` (block, token) opens with a capitalized word not read as a name,
    then a reporting verb ("McLenney said …", "Wines believes …", a misspelt name): its subject is
    most likely a person the registry does not know, whom a pronoun after it may mean."""
    b, t = at
    lo, hi = reg.sentence_bounds(b, t)
    toks = reg.toks[b]
    lex = reg.lex
    if lo + 1 >= hi or lo in reg.chain_at[b] or toks[lo].kind != "w" or not toks[lo].text[0].isupper():
        return False
    low = toks[lo].low
    return (low not in lex.function_words and low not in lex.pronouns and low not in lex.determiners
            and low not in reg.casing.lowercase_words  # "Delegates questioned …": a noun the article writes lowercase
            and not (plural_noun(low) and toks[lo].text not in reg.casing.midcaps)  # "Prosecutors say", "Neighbors said"
            and low not in COLLECTIVES  # "Police say …"
            and toks[lo + 1].low in lex.verbs)


def _lone_surname(ent: Entity) -> bool:
    """A family name of no known kind that the article never gives a first name ("Clinton", "Carson",
    and "Ford" or "Houston" too)."""
    return ent.kind == "unknown" and len(ent.name) == 1 and is_family_name(ent.name[0])


def _opening_surname(reg: Registry, mb: int, mt: int) -> bool:
    """Whether the name at token mt of block mb opens its sentence as the subject ("Carson defied …",
    "Ford recalled …"); not one qualifying a role before a name ("Wild defenseman Ryan Suter")."""
    ch = reg.chain_at[mb].get(mt)
    toks = reg.toks[mb]
    lo, hi = reg.sentence_bounds(mb, mt)
    return (ch is not None and ch.first == lo and not ch.possessive and ch.last + 1 < hi
            and toks[ch.last + 1].kind == "w" and toks[ch.last + 1].text[0].islower()
            and not any(k in reg.chain_at[mb] for k in (ch.last + 2, ch.last + 3)))


def _shown_a_person(reg: Registry, ent: Entity, mb: int, mt: int, g: str | None) -> bool:
    """Whether the text shows a lone family name opening its sentence (`_opening_surname`) to be a
    person's: it spoke elsewhere ('"…," Clinton said. … Clinton later toured a farm'), or its sentence
    gives it the pronoun's sex by a possessive ('Cruz openly admitted that his pick …'). Not a company
    or a city that merely opens a sentence ('Ford recalled 10,000 trucks', 'Houston welcomed him')."""
    if ent.spoke:
        return True
    toks = reg.toks[mb]
    ch = reg.chain_at[mb][mt]
    _, hi = reg.sentence_bounds(mb, mt)
    return g is not None and any(
        toks[k].low in ("his", "her") and reg.lex.gender_words.get(toks[k].low) == g
        and k + 1 < hi and toks[k + 1].kind == "w" and toks[k + 1].text[0].islower()  # "his pick", not "him"
        for k in range(ch.last + 1, hi))


def _reported_clause(reg: Registry, b: int, i: int) -> int | None:
    """Where the sentence starts when the pronoun at token i of block b reports the words before
    it and ends the sentence ("…, he said.", 'Clinton “caused havoc,” he said.', its comma inside the
    marks): the people named in those words are not him."""
    toks = reg.toks[b]
    lo, hi = reg.sentence_bounds(b, i)
    # a quotation inside the clause: a word right before it (not 'Lee scolded him: “…,” she said'), which
    # does not end with a period ("… back to the U.S. “…,” he said": the abbreviation ended a sentence)
    inside = (toks[i - 1].kind == "q" and lo <= i - 2 and toks[i - 2].kind == "w"
              and not toks[i - 2].text.endswith("."))
    if not (lo < i - 1 and (toks[i - 1].text == "," or inside) and i + 1 < len(toks)
            and toks[i + 1].low in reg.lex.verbs):
        return None
    return lo if i + 2 >= hi else None


def _main_subject(reg: Registry, group: list[Entity], b: int, t: int) -> Entity | None:
    """Of the people a sentence names, the one right after the comma that closes a leading phrase
    opened by a participle or a preposition, before a verb ("Asked about Trump's attack on Hillary
    Clinton, Christie blamed Clinton …": Christie): the subject of the main clause."""
    if len(set(group)) < 2:
        return None
    lo, hi = reg.sentence_bounds(b, t)
    toks = reg.toks[b]
    first = toks[lo].low if lo < hi else ""
    if not (first in PREPOSITIONS or (len(first) > 4 and first.endswith(("ed", "ing")))):
        return None
    for comma in (k for k in range(lo + 1, hi) if toks[k].text == ","):
        # the first comma followed by a name and a verb: past an appositive ("Preceded by Joe Arpaio,
        # the Arizona sheriff, Trump launched …")
        ch = reg.chain_at[b].get(comma + 1)
        if ch is None or ch.first != comma + 1 or ch.possessive or ch.last + 1 >= hi:
            continue
        nxt = toks[ch.last + 1]
        if nxt.kind != "w" or not nxt.text[0].islower() or nxt.low in PREPOSITIONS or nxt.low in reg.lex.coordinators:
            continue  # "Asked about Trump, Cruz and Rubio, …": a list goes on
        return ch.entity if ch.entity in group else None
    return None


def _named_for_another(reg: Registry, b: int, t: int) -> bool:
    """Whether the sentence of token t of block b sets a name off after a description that links
    to it ("A spokesman for the governor, Andrew Cuomo, …"): the sentence is about someone the
    article does not name, whom a pronoun after it most likely means."""
    lo, hi = reg.sentence_bounds(b, t)
    toks = reg.toks[b]
    return any(toks[k].text == "," and k + 1 in reg.chain_at[b] and reg.owner_named(b, lo, k)
               for k in range(lo + 1, min(hi, len(toks) - 1)))


_INTRODUCING = frozenset("a an one another his her their my our".split())  # "one mother", "her son"
UNNAMED_SCAN = 600  # tokens looked at between a pronoun and the person it would refer to


def _unnamed_since(reg: Registry, g: str | None, where: tuple[int, int], b: int, i: int, head: str = "") -> bool:
    """Whether a person the article introduces without a name ("one mother", "a woman", "her
    son"; not "the actress", who is someone already named) of the pronoun's gender stands after
    the sentence `where` (block, sentence) and before token i of block b: the pronoun may be theirs."""
    mb, sentence = where
    seen = 0
    for bb in range(b, mb - 1, -1):
        if reg.kinds[bb] in ("figure", "heading"):
            continue
        toks = reg.toks[bb]
        hi = i if bb == b else len(toks)
        lo = 0
        if bb == mb:
            ends = [k for k, t in enumerate(toks) if t.kind == "p" and t.text in ".!?…"]
            lo = ends[sentence] + 1 if sentence < len(ends) else len(toks)
        for k in range(hi - 1, lo - 1, -1):
            t = toks[k]
            if head and t.low == head and _introduced(toks, k):
                return True  # "one legal expert said …. “…,” the expert warned": the unnamed expert
            if t.kind == "w" and not head and GENDERED.get(t.text) == g and k > 0 and toks[k - 1].low in _INTRODUCING:
                return True
            seen += 1
            if seen > UNNAMED_SCAN:
                return False
    return False


def _introduced(toks, k: int) -> bool:
    """Whether the noun at token k opens with an introducing determiner, past up to three words in
    lower case before it ("one legal expert", "a former Senate aide" is not: a capital)."""
    for m in range(k - 1, max(-1, k - 5), -1):
        if toks[m].kind != "w":
            return False
        if toks[m].low in _INTRODUCING:
            return True
        if not toks[m].text[0].islower():
            return False
    return False


MAX_CHAIN_OF_PRONOUNS = 3


def _subject_pronoun(reg: Registry, g: str, b: int, t: int) -> int | None:
    """Token index of a subject pronoun of gender g opening the sentence of token t of block b,
    before any name in it ("He attended …", "Last month, he waded …"), else None."""
    lo, _ = reg.sentence_bounds(b, t)
    toks = reg.toks[b]
    topic = _topic_end(reg, b, lo)
    if topic is not None and topic < len(toks) and toks[topic].kind == "w" and reg.lex.pronouns.get(toks[topic].low) == g:
        return topic  # "As for Trump, he said …": the pronoun after the topic is the subject
    for k in range(lo, min(t, lo + 8)):
        if k in reg.chain_at[b]:
            return None
        if toks[k].kind == "w" and reg.lex.pronouns.get(toks[k].low) == g:
            return k
    return None


FAR_BLOCKS = 2  # a referent this many blocks back or more is weak enough for the census to veto


def _named_other_sex(ent: Entity, g: str) -> bool:
    """Whether the person, of no gender the text shows, bears a given name the census gives to the
    other sex ("Ben Jacobs" for "she"). Only a veto on a referent paragraphs back: never a referent,
    and never against one named in the paragraph or the one before ("Andrea Bocelli … he said")."""
    other = "f" if g == "m" else "m"
    return len(ent.name) >= 2 and sex_of(ent.name[0]) == other


def _evidently_a_person(ent: Entity) -> bool:
    """Someone the text shows as a person besides two capitalized words ("Central Park",
    "Third Street" have those too): a role ("professor", "the senator"), a gender the text
    shows, or words of theirs already reported."""
    return ent.spoke or "text" in ent.votes or any(d in TITLES or d in CLASS_OF or d in GENDERED for d in ent.descriptors)
