"""`Attributor`: the one object the quote finder talks to. It builds the article's registry and
answers, for a quotation's masked token, where its attribution stands and who that is."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from tui_reader.core.attribution.speakers import patterns
from tui_reader.core.attribution.speakers.languages import lexicon_for
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.nouns import SPEECH
from tui_reader.core.attribution.speakers.patterns import Attribution
from tui_reader.core.attribution.speakers.phrases import Cue, Ref, cue_at
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.resolve import resolve, resolve_entity
from tui_reader.core.attribution.speakers.tokens import Tok, strip_possessive
from tui_reader.core.census import is_family_name


class Attributor:
    """Attribution for one article. `texts[i]` is block i's text with quotations masked (MASK
    characters, same length); `kinds[i]` its block kind; `language` the article's declared
    language (None: unknown); the narrative's own words, when they tell a language, win."""

    def __init__(self, texts: Sequence[str], kinds: Sequence[str], language: str | None = None,
                 lexicon: Lexicon | None = None, title: str | None = None) -> None:
        self.lex = lexicon or lexicon_for(language, " ".join(texts[:200]))
        self.reg = Registry(texts, kinds, self.lex, title)
        self.toks = self.reg.toks
        self._qstarts: dict[int, list[tuple[int, int]]] = {}

    def quote_token(self, b: int, char: int) -> int | None:
        """Index of the masked-quote token covering character `char` of block b."""
        starts = self._qstarts.get(b)
        if starts is None:
            starts = self._qstarts[b] = [(t.start, k) for k, t in enumerate(self.toks[b]) if t.kind == "q"]
        k = bisect_left(starts, (char + 1, -1)) - 1
        if k >= 0:
            tok = self.toks[b][starts[k][1]]
            if tok.start <= char < tok.end:
                return starts[k][1]
        return None

    def cue_at(self, toks: list[Tok], i: int) -> Cue | None:
        return cue_at(self.lex, toks, i)

    def after(self, b: int, q: int, strict: bool, whole: bool = False) -> Attribution | None:
        """The attribution after quote token q; none when it only names who reported the words
        ("…," the Times reported; according to Reuters) and the sentence gives them to someone
        before the quotation ('Trump said he was "happy to see" it, according to the Times'):
        the attribution before it then stands."""
        found = patterns.after(self.reg, b, q, strict, whole)
        if found is not None and found.ref is not None and found.cue.lower() in REPORTED:
            inner = patterns.before(self.reg, b, q)
            if inner is not None and inner.ref is not None:
                return None
        return found

    def before(self, b: int, q: int) -> Attribution | None:
        return self._owner_of_words(b, q) or patterns.before(self.reg, b, q)

    def _owner_of_words(self, b: int, q: int) -> Attribution | None:
        """Words someone's statement holds, right before the quotation ("Trump's claim that “…”",
        "Kaine's remark that", "her warning that"): theirs, not the subject of the sentence
        ("Clinton said Trump's claim that “…” was absurd" is Trump's)."""
        toks = self.toks[b]
        k = q - 1
        while k > 0 and q - k <= 2 and toks[k].low in ("that", ",", ":", "of"):  # "Lee's promise of “…”"
            k -= 1
        if k == q - 1:
            k = self._claim_that(b, q)  # "Trump's claim that there have been “…”"
            if k is None:
                return None
        if k < 1 or toks[k].kind != "w":
            return None
        noun = strip_possessive(toks[k].low)
        if noun not in STATEMENTS and not (noun.endswith("s") and noun[:-1] in STATEMENTS):
            return None
        owner = toks[k - 1]
        ch = self.reg.chain_at[b].get(k - 1)
        if ch is not None and ch.possessive and ch.last == k - 1 and ch.core:
            return Attribution(Ref("name", ch.core, b, ch.first, chain=ch, end=k), toks[k].text, q)
        g = self.lex.gender_words.get(owner.low) if owner.kind == "w" else None
        subject = next((p for p, pg in self.lex.pronouns.items() if pg == g), None) if g in ("m", "f") else None
        if subject is not None:
            return Attribution(Ref("pron", (subject,), b, k - 1, end=k), toks[k].text, q)
        return None

    def _claim_that(self, b: int, q: int) -> int | None:
        """The word before "that" in "X's claim that <a clause holding quote token q>", when the clause
        between has no reporting verb, quotation or sentence end of its own."""
        toks = self.toks[b]
        for k in range(q - 2, max(0, q - CLAIM_CLAUSE) - 1, -1):
            t = toks[k]
            if t.kind != "w" or self.cue_at(toks, k) is not None:
                return None
            if t.low == "that":
                return k - 1 if k > 0 else None  # whether a statement noun stands there: the caller's test
        return None

    def following(self, b: int, q: int) -> Attribution | None:
        return patterns.following(self.reg, b, q)

    def colon_intro(self, b: int) -> Attribution | None:
        return patterns.colon_intro(self.reg, b)

    def incise(self, b: int, content: str, pos: int, dashed: bool = False) -> Attribution | None:
        return patterns.incise(self.reg, b, content, pos, dashed)

    def previous_sentence(self, b: int, q: int) -> Attribution | None:
        return patterns.previous_sentence(self.reg, b, q)

    def signature(self, b: int) -> str | None:
        return patterns.signature(self.reg, b)

    def last_person(self, b: int) -> str | None:
        return patterns.last_person(self.reg, b)

    def resolve(self, ref: Ref | None) -> str | None:
        return resolve(self.reg, ref)

    def someone_else(self, pron: Ref, name: Ref) -> bool:
        """Whether the pronoun `pron` refers to a person other than `name` named in an earlier
        sentence ('Putin spoke with Biden. He said, "…," Biden told reporters': he is Putin). A
        person named earlier in the pronoun's own sentence does not count ('After Ann Lee
        criticised him, he warned, "…," Tom Berg said')."""
        ent = resolve_entity(self.reg, pron)
        if ent is None or ent is resolve_entity(self.reg, name):
            return False
        lo, _ = self.reg.sentence_bounds(pron.blk, pron.tok)
        chains = self.reg.chain_at[pron.blk]
        return not any(k in chains and chains[k].entity is ent for k in range(lo, pron.tok))

    def person_named(self, label: str) -> str | None:
        """The person of the article a capitalized label names ("PENCE" for "Mike Pence"), or None
        when the article names no one so ("UPDATE", "HUFFPOST READERS")."""
        words = [w for w in label.split() if not w.endswith(".")]  # "SEN. KAINE": Kaine
        core = tuple(label_case(w) for w in words)
        if not core:
            return None
        ent = self.reg.fullest(core)
        if ent is not None:
            return ent.display if ent.kind == "person" else None
        # a transcript names the people it quotes by their labels alone ("WALLACE:"); a role ("HOST:")
        # or a word ("UPDATE:", "TRUE:": the article writes it in lowercase) is no one's name
        last = core[-1].lower()
        common = last in _ROLE_LABELS or last in self.reg.casing.lowercase_words
        return " ".join(core) if is_family_name(last) and not common else None

    def known_as(self, name: str) -> str:
        """A name written outside the narrative (an embedded post's signature) as the article
        writes it at its fullest, only when it can be nobody else: the same name ("Apte" for the
        one "Joshua Apte"), or a first name that is a known short form of the article's ("Josh"
        for "Joshua") while nobody else there has the surname. Else the name as signed ("Dan
        Smith" is not "Danielle Smith", "Jo Brown" not "Joanna Brown")."""
        core = tuple(name.split())
        ent = self.reg.fullest(core)
        if ent is None and len(core) >= 2:
            ent = self.reg.fullest(core[-1:])  # None when two people share the surname
            if ent is None or len(ent.name) < 2 or ent.name[0].lower() not in SHORT_FORMS.get(core[0].lower(), ()):
                ent = None
        return ent.display if ent is not None else name


def label_case(word: str) -> str:
    """A label's word as a name is written: "PENCE" Pence, "McCOY" McCoy, "DeSOTO" DeSoto."""
    if word.isupper():
        return word[:1] + word[1:].lower()
    if len(word) > 3 and word[0].isupper() and word[1].islower() and word[2:].isupper():
        return word[:3] + word[3:].lower()
    return word


# Labels a transcript gives a role, not a person: "HOST:", "GUEST:" (both family names too).
_ROLE_LABELS = frozenset("host guest anchor reporter moderator audience caller announcer narrator voice male female "
                         "unidentified unknown interviewer panelist correspondent".split())
CLAIM_CLAUSE = 12  # tokens between "X's claim that" and the quotation in its clause

# Nouns for what someone said: "Trump's claim that “…”".
STATEMENTS = SPEECH | frozenset(
    "claim remark comment assertion description promise pledge call quip boast insistence suggestion vow argument"
    " contention line".split())
# Cues that name who reported words, not who said them.
REPORTED = frozenset(["according to", "reported", "reports"])


# Short forms of first names that read as their full form ("Josh" for "Joshua"); a nickname
# of another shape ("Bob" for "Robert") is kept as signed, and a short form of names of
# different people ("Jo", "Chris", "Sam", "Alex") is not here ("Dan" is not "Danielle").
SHORT_FORMS: dict[str, frozenset[str]] = {
    short: frozenset(full.split(","))
    for item in """josh=joshua dan,danny=daniel rob,robbie=robert will=william jim=james tom,tommy=thomas
    dave=david steve=steven,stephen matt=matthew nick=nicholas,nicolas tony=anthony ben=benjamin
    andy=andrew jon=jonathan rich,rick=richard ed=edward greg=gregory jeff=jeffrey ken=kenneth tim=timothy
    zach=zachary phil=philip,phillip ron=ronald don=donald doug=douglas fred=frederick walt=walter
    bernie=bernard mitch=mitchell vince=vincent kat,kate=katherine jen,jenny=jennifer sue=susan
    vicky=victoria abby=abigail pam=pamela deb=deborah""".split()
    for shorts, full in [item.split("=")]
    for short in shorts.split(",")
}
