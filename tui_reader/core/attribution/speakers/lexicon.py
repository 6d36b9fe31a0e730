"""`Lexicon`: the words of one language that attribution reads (reporting verbs, pronouns,
determiners, honorifics, ...), and `merge` for an article whose language is unknown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property


def inflect(spec: str) -> set[str]:
    """Verb forms from a compact spec: `add` gives add/adds/added/adding; `say=said,says,saying`
    lists the forms explicitly (irregular verbs and consonant doubling)."""
    forms: set[str] = set()
    for item in spec.split():
        if "=" in item:
            lemma, rest = item.split("=", 1)
            forms.add(lemma)
            forms.update(rest.split(","))
            continue
        lemma = item
        forms.add(lemma)
        if lemma.endswith("e"):
            forms.update({lemma + "s", lemma + "d", lemma[:-1] + "ing"})
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms.update({lemma + "es", lemma + "ed", lemma + "ing"})
        else:
            forms.update({lemma + "s", lemma + "ed", lemma + "ing"})
    return forms


@dataclass(frozen=True)
class Lexicon:
    """The words of one language that attribution needs. All entries are lowercase."""

    verbs: frozenset[str]  # reporting verbs, every form: "said", "says", "insisting"
    phrases: tuple[tuple[str, ...], ...] = ()  # multi-word cues: ("pointed", "out"), ("put", "it")
    according: tuple[tuple[str, ...], ...] = ()  # cues whose speaker FOLLOWS: ("according", "to")
    object_verbs: frozenset[str] = frozenset()  # a name right after these is the listener ("told Reuters")
    pronouns: dict[str, str] = field(default_factory=dict)  # subject pronoun -> "m" | "f" | "org" | "plural" | "self"
    gender_words: dict[str, str] = field(default_factory=dict)  # any pronoun form -> "m" | "f" (gender votes)
    determiners: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()  # determiners that point back at someone already introduced
    indefinite: frozenset[str] = frozenset()  # pronouns for someone unknown: "someone pointed out" names nobody
    function_words: frozenset[str] = frozenset()  # capitalized at a sentence start, never a name
    auxiliaries: frozenset[str] = frozenset()  # may stand between a subject and its verb
    honorifics: dict[str, str] = field(default_factory=dict)  # "mr" -> "m"; "" when no gender
    # Auxiliaries of a compound past ("a déclaré", "ha dicho", "hat gesagt"), skipped only right
    # before a reporting verb.
    perfect: frozenset[str] = frozenset()
    # Verbs that are cues only in their multi-word phrases ("went on", "put it", "pointed out").
    phrase_only: frozenset[str] = frozenset()
    # Reporting verbs only right after a quotation and its comma, where no noun stands
    # (`"…," comments Johnston`, `"…," states the report`): elsewhere they are nouns too.
    after_quote: frozenset[str] = frozenset()
    # Reporting verbs only with their subject right after a quotation, ending the sentence ('“…?” Hannity
    # pressed.'): elsewhere they press buttons.
    after_subject: frozenset[str] = frozenset()
    # After these (or a possessive) a reporting word is a noun: "the claim", "the ministry's claim".
    noun_markers: frozenset[str] = frozenset()
    # Verbs of judging ("slammed", "praised") report words only with a comma or colon right
    # before them ('Lee slammed the plan: "…"'); else the quoted words may be whoever was judged
    # ('Clinton slammed Trump for calling immigrants "…"').
    evaluative: frozenset[str] = frozenset()
    # Conjunctions that open a clause of their own ("while", "although"), and those that do
    # when a new subject follows ("and the rules …", "but he …").
    clause_conjunctions: frozenset[str] = frozenset()
    # Conjunctions that open a sentence with a clause of their own, ended by a comma ("After Brown
    # criticized Clinton, Hillary shot back, “…”"): a verb in that clause reports no quotation after it.
    subordinators: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    # Words before a participle whose subject is the clause's ("rallied supporters by warning
    # that", "wrote, after noting that"): not "for"/"of", whose participle is often someone
    # else's ("slammed Obama for suggesting").
    participle_links: frozenset[str] = frozenset()

    @cached_property
    def cues_by_first(self) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
        """Multi-word cues by their first word: (phrase, speaker follows)."""
        out: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for p in self.according:
            out.setdefault(p[0], []).append((p, True))
        for p in self.phrases:
            out.setdefault(p[0], []).append((p, False))
        return out


def merge(lexicons: Iterable[Lexicon]) -> Lexicon:
    """One lexicon with the words of all: for an article whose language is unknown."""
    lexicons = list(lexicons)

    def union(attr: str) -> frozenset[str]:
        return frozenset().union(*(getattr(lx, attr) for lx in lexicons))

    def merged(attr: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for lx in reversed(lexicons):  # the first language wins a clash
            out.update(getattr(lx, attr))
        return out

    return Lexicon(
        verbs=union("verbs"),
        phrases=tuple(p for lx in lexicons for p in lx.phrases),
        according=tuple(p for lx in lexicons for p in lx.according),
        object_verbs=union("object_verbs"),
        pronouns=merged("pronouns"),
        gender_words=merged("gender_words"),
        determiners=union("determiners"),
        definite=union("definite"),
        indefinite=union("indefinite"),
        function_words=union("function_words"),
        auxiliaries=union("auxiliaries"),
        honorifics=merged("honorifics"),
        perfect=union("perfect"),
        phrase_only=union("phrase_only"),
        after_quote=union("after_quote"),
        after_subject=union("after_subject"),
        noun_markers=union("noun_markers") - union("perfect"),  # French "a déclaré" is no "a claim"
        evaluative=union("evaluative"),
        clause_conjunctions=union("clause_conjunctions"),
        subordinators=union("subordinators"),
        coordinators=union("coordinators"),
        participle_links=union("participle_links"),
    )
