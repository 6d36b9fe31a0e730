"""Who said it: attribution of direct quotations and resolution of names, pronouns and descriptions.

The quote finder (`quotes.py`) hands over the article's block texts with the quotations masked
out; this module reads what is left, the narrative, with cheap token scans (no NLP models):

* a **registry** of the people and bodies the article names: capitalized name chains split into
  titles ("NATO Secretary General") and the name proper ("Jens Stoltenberg"), with descriptors
  gathered from how the article introduces them ("military expert Alexander Perendzhiyev",
  "Konstantin Kosachev, the head of the Russian Senate's ... Committee", "ride-hailing company
  Uber"), a gender when the article shows one (honorifics, gendered titles, the pronoun that
  follows a first mention), and the fullest form of each name;
* **attribution patterns** around a quotation: after it (`"…," Kosachev emphasized`, inverted
  `"…," said Mr. Smith`, `"…," according to …`), before it (`Gorbachev warned that "…"`, colon
  introductions, `According to X, "…"`), the following sentence (`"…" That was how she put it.`),
  and a paragraph that continues the previous speaker's quotation;
* **resolution** of the subject found there: a name to its fullest form, `he`/`she` to the most
  recent compatible person, a definite description (`the analyst`, `the senator`, `the company`)
  to the most recent entity whose descriptors match. Anything uncertain stays None: a wrong
  name is worse than none.

Reporting verbs, pronouns and function words live in per-language `Lexicon` objects
(`LANGUAGES`); adding a language means adding one entry.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------
# Lexicons


def _inflect(spec: str) -> set[str]:
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
    function_words: frozenset[str] = frozenset()  # capitalized at a sentence start, never a name
    auxiliaries: frozenset[str] = frozenset()  # may stand between a subject and its verb
    honorifics: dict[str, str] = field(default_factory=dict)  # "mr" -> "m"; "" when no gender


_EN_VERBS = _inflect(
    "say=said,says,saying tell=told,tells,telling write=wrote,writes,writing,written "
    "think=thought,thinks,thinking feel=felt,feels,feeling admit=admitted,admits,admitting "
    "quip=quipped,quips,quipping snap=snapped,snaps,snapping beg=begged,begs,begging "
    "go=went add note explain emphasize emphasise stress warn insist argue claim state tweet post reply "
    "respond answer lament complain declare announce continue recall observe remark suggest "
    "acknowledge confirm deny predict promise urge caution joke shout cry whisper exclaim comment "
    "conclude report testify maintain assert contend counter retort boast vow pledge reckon muse "
    "sigh laugh recount reiterate elaborate advise allege reveal mention agree disagree protest "
    "demand plead scoff grumble mutter murmur yell scream chuckle enthuse gush tout opine posit "
    "hint indicate underline underscore highlight proclaim inform lambast criticize criticise "
    "describe question wonder ask believe call concede assure remind hope recommend propose "
    "summarize summarise repeat inquire enquire announce begin breathe cheer complain confide "
    "counsel cry groan interject intone lecture pronounce rage rant reason rejoin reply snarl "
    "stammer stutter taunt thunder urge vent wail warn dismiss read=reads,reading"
)
# `went on` only as a phrase; a bare "go"/"went" is no cue.
_EN_VERBS -= {"go", "goes", "going", "went", "gone", "continue", "continues", "continuing", "call", "calls",
              "calling", "post", "posts", "posting", "begin", "begins", "beginning", "began", "hope", "hopes",
              "hoping", "question", "questions", "questioning", "state", "states", "stating", "report", "reports",
              "reporting", "counter", "counters", "countering", "cry", "cries", "crying", "repeat", "repeats",
              "repeating", "answer", "answers", "answering", "reason", "reasons", "reasoning", "feel", "feels",
              "feeling", "think", "thinks", "thinking", "rage", "rages", "raging", "vent", "vents", "venting",
              "lecture", "lectures", "lecturing", "groan", "groans", "wail", "wails", "cheer", "cheers", "tout",
              "touts", "comment", "comments", "promise", "promises", "advise", "demand", "demands"}
# Past forms of those that do report speech.
_EN_VERBS |= {"continued", "stated", "reported", "answered", "repeated", "countered", "called", "thought",
              "cried", "hoped", "questioned", "reasoned", "commented", "promised", "demanded", "advised",
              "stating", "commenting"}

ENGLISH = Lexicon(
    verbs=frozenset(_EN_VERBS),
    phrases=(("pointed", "out"), ("points", "out"), ("pointing", "out"), ("put", "it"), ("puts", "it"),
             ("went", "on"), ("goes", "on"), ("going", "on"), ("quoted", "as", "saying")),
    according=(("according", "to"), ("in", "the", "words", "of"), ("quoting",), ("in", "his", "words"),
               ("in", "her", "words")),
    object_verbs=frozenset(_inflect("tell=told,tells,telling ask inform assure remind urge advise warn "
                                    "caution beg=begged,begs,begging")),
    pronouns={"he": "m", "she": "f", "it": "org", "they": "plural", "i": "self", "we": "self"},
    gender_words={"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"},
    determiners=frozenset("the a an this that one another his her its their our".split()),
    definite=frozenset("the this that".split()),
    function_words=frozenset(
        """the a an this that these those it its he she they we i you his her their our my your in on at
        for from to with by of as after before during since until while when where what who whom whose why
        how which if but and or nor so yet still however meanwhile also then now here there today yesterday
        tomorrow tonight last next some many most more much all both each every no not none one two three
        four five six seven eight nine ten despite although though because according under over about
        against among between into through without within instead other such even just only once again
        earlier later already thus hence indeed besides moreover furthermore nevertheless nonetheless
        overall perhaps maybe unlike like asked said says told added speaking commenting responding
        writing monday tuesday wednesday thursday friday saturday sunday january february march april may
        june july august september october november december is are was were be been has have had do does
        did will would can could should must might shall let yes oh well please thanks thank sure""".split()
    ),
    auxiliaries=frozenset(
        """has have had was were is are be been would will could can did does do may might must shall
        should also later then once again previously recently earlier further still simply just even often
        repeatedly separately quickly reportedly publicly privately subsequently afterwards not never
        always already first last initially finally""".split()
    ),
    honorifics={"mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                "madam": "f", "dame": "f", "lady": "f", "mx": "", "dr": "", "prof": "", "rev": ""},
)

GERMAN = Lexicon(
    verbs=frozenset(
        """sagte sagt sagten sagen erklärte erklärt erklärten betonte betont meinte meint schrieb schreibt
        warnte warnt fügte ergänzte ergänzt kritisierte kritisiert sagte, so berichtete berichtet
        erläuterte erläutert unterstrich antwortete antwortet fragte fragt forderte fordert""".split()
    ),
    according=(("laut",), ("so",), ("zufolge",)),
    pronouns={"er": "m", "sie": "f", "es": "org"},
    gender_words={"er": "m", "ihm": "m", "ihn": "m", "sein": "m", "seine": "m", "sie": "f", "ihr": "f",
                  "ihre": "f"},
    determiners=frozenset("der die das ein eine einer".split()),
    definite=frozenset("der die das".split()),
    function_words=frozenset("der die das ein eine und aber auch doch noch nach vor mit bei für von".split()),
    auxiliaries=frozenset("hat habe hatte ist war auch noch".split()),
    honorifics={"herr": "m", "frau": "f"},
)

FRENCH = Lexicon(
    verbs=frozenset(
        """dit déclare déclaré affirme affirmé explique expliqué ajoute ajouté souligne souligné estime
        estimé indique indiqué précise précisé assure assuré lance lancé raconte raconté confie confié
        insiste insisté répond répondu écrit avertit averti rappelle rappelé martèle martelé""".split()
    ),
    according=(("selon",), ("d'après",), ("d’après",)),
    pronouns={"il": "m", "elle": "f"},
    gender_words={"il": "m", "lui": "m", "elle": "f"},
    determiners=frozenset("le la les l' un une".split()),
    definite=frozenset("le la".split()),
    function_words=frozenset("le la les un une et mais pour dans avec sur selon".split()),
    honorifics={"m": "m", "mme": "f", "mlle": "f", "monsieur": "m", "madame": "f"},
)

SPANISH = Lexicon(
    verbs=frozenset(
        """dijo dice afirmó afirma declaró declara explicó explica añadió añade agregó agrega señaló señala
        aseguró asegura indicó indica advirtió advierte manifestó sostuvo sostiene subrayó destacó
        comentó respondió escribió""".split()
    ),
    according=(("según",),),
    pronouns={"él": "m", "ella": "f"},
    gender_words={"él": "m", "ella": "f"},
    determiners=frozenset("el la los las un una".split()),
    definite=frozenset("el la".split()),
    function_words=frozenset("el la los las un una y pero para con en según".split()),
    honorifics={"sr": "m", "sra": "f", "señor": "m", "señora": "f", "don": "m", "doña": "f"},
)

RUSSIAN = Lexicon(
    verbs=frozenset(
        """сказал сказала сказали заявил заявила заявили отметил отметила подчеркнул подчеркнула добавил
        добавила пояснил пояснила написал написала считает говорит сообщил сообщила рассказал рассказала
        уточнил уточнила пообещал пообещала напомнил напомнила предупредил предупредила признал признала
        ответил ответила объяснил объяснила заметил заметила""".split()
    ),
    according=(("по", "словам"), ("по", "его", "словам"), ("по", "ее", "словам"), ("по", "её", "словам")),
    pronouns={"он": "m", "она": "f"},
    gender_words={"он": "m", "его": "m", "ему": "m", "она": "f", "ее": "f", "её": "f", "ей": "f"},
    function_words=frozenset("в на и но по с о".split()),
)

LANGUAGES: dict[str, Lexicon] = {"en": ENGLISH, "de": GERMAN, "fr": FRENCH, "es": SPANISH, "ru": RUSSIAN}


def _merge(lexicons: Iterable[Lexicon]) -> Lexicon:
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
        function_words=union("function_words"),
        auxiliaries=union("auxiliaries"),
        honorifics=merged("honorifics"),
    )


LEX = _merge(LANGUAGES.values())
# Multi-word cues by their first word: (phrase, speaker follows).
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _p in LEX.according:
    _PHRASES_BY_FIRST.setdefault(_p[0], []).append((_p, True))
for _p in LEX.phrases:
    _PHRASES_BY_FIRST.setdefault(_p[0], []).append((_p, False))

# Capitalized words that introduce a name and describe the person (kept as descriptors).
TITLES = frozenset(
    """president vice secretary general secretary-general minister prime foreign defense defence finance
    interior chancellor senator sen rep representative congressman congresswoman gov governor mayor judge
    justice chief executive ceo cfo coo cto chairman chairwoman chair director spokesman spokeswoman
    spokesperson ambassador commissioner deputy king queen prince princess pope gen col colonel maj major
    capt captain lt lieutenant sgt sergeant adm admiral father bishop archbishop cardinal rabbi imam sheikh
    officer detective inspector superintendent coach professor doctor attorney speaker leader premier
    sheriff commander president-elect founder co-founder councillor councilor councilman councilwoman
    alderman mp lawmaker head state assistant acting former senior sir emir crown administrator associate
    secretary-of-state attorney-general ambassador-at-large""".split()
)
ORG_WORDS = frozenset(
    """committee council ministry department agency company corp corporation inc ltd llc plc co group bank
    university institute party association union commission senate congress parliament duma court police
    army navy office service services foundation fund organization organisation times post news journal
    press network radio television tv club team center centre academy airlines airways motors technologies
    systems labs bureau administration authority board federation league alliance summit forum church
    hospital school college museum kremlin pentagon government cabinet embassy assembly tribunal nations
    reserve exchange society trust holdings partners capital ventures media studios records entertainment
    games software pharmaceuticals energy magazine daily herald tribune gazette telegraph reuters
    associated bloomberg commons house ag gmbh sa nv infirmary clinic laboratory observatory directorate library
    inspectorate productions industries airport railway institution agency""".split()
)
# Lowercase nouns that, in front of a name or in an appositive, make it a body, not a person.
ORG_NOUNS = frozenset(
    """company firm corporation group giant maker manufacturer retailer carrier bank lender insurer airline
    operator startup start-up agency ministry department station newspaper broadcaster channel network
    outlet publication magazine website site platform service app organization organisation body authority
    regulator watchdog union party government administration committee council university school hospital
    charity team club league studio developer publisher brand chain conglomerate business provider
    producer exchange fund outlet tabloid daily paper agency automaker carmaker chipmaker""".split()
)
SPOKES = frozenset("spokesman spokeswoman spokesperson representative spokespeople rep".split())
PARTICLES = frozenset("de van von der den da di del della du la le bin ibn al el y dos das ter ten zu st".split())
NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Words for the same kind of person: "the analyst" can refer back to "military expert X".
_CLASSES = (
    "analyst expert specialist observer commentator scholar academic researcher professor economist strategist "
    "scientist historian pundit consultant",
    "senator lawmaker legislator congressman congresswoman representative deputy mp parliamentarian politician",
    "executive ceo boss chairman chairwoman founder co-founder",
    "head chief leader chairman chairwoman chair",
    "spokesman spokeswoman spokesperson",
    "minister secretary official diplomat ambassador envoy",
    "company firm corporation group giant maker manufacturer retailer business startup start-up conglomerate "
    "provider automaker carmaker chipmaker",
    "ministry department agency government administration authority regulator watchdog",
    "newspaper broadcaster channel station outlet publication magazine paper daily tabloid",
    "officer policeman policewoman detective",
    "lawyer attorney counsel",
    "doctor physician surgeon",
    "coach manager",
    "actor actress star singer musician rapper artist",
    "writer author novelist journalist reporter columnist",
    "prosecutor",
    "judge justice",
)
CLASS_OF: dict[str, set[int]] = {}
for _i, _words in enumerate(_CLASSES):
    for _w in _words.split():
        CLASS_OF.setdefault(_w, set()).add(_i)
# An institution named in a descriptor implies a role: "head of the Russian Senate's committee".
INSTITUTION_ROLES = {"senate": "senator", "congress": "lawmaker", "parliament": "lawmaker", "duma": "lawmaker",
                     "bundestag": "lawmaker", "knesset": "lawmaker", "ministry": "official",
                     "police": "officer", "court": "judge"}
GENDERED = {"congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f", "chairman": "m",
            "chairwoman": "f", "businessman": "m", "businesswoman": "f", "king": "m", "queen": "f",
            "prince": "m", "princess": "f", "actress": "f", "policewoman": "f", "policeman": "m", "father": "m",
            "mother": "f", "wife": "f", "husband": "m", "son": "m", "daughter": "f", "brother": "m",
            "sister": "f", "councilman": "m", "councilwoman": "f", "grandmother": "f", "grandfather": "m",
            "widow": "f", "widower": "m", "girl": "f", "boy": "m", "woman": "f", "man": "m", "emir": "m"}
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col maj capt lt sgt adm rev st jr sr inc co corp ltd mx m mme mlle
    sra no vs fig""".split()
)
_ADVERB_END = ("ly",)
_SENT_END = frozenset(".!?…")
_SEPARATORS = frozenset(",—–-:;")
# Auxiliaries of a compound past in other languages ("a déclaré", "ha dicho", "hat gesagt"): skipped
# only right before a reporting verb, since "a" is also an English article.
_PERFECT = frozenset("a ont avait ha han había hat haben hatte".split())

# --------------------------------------------------------------------------------------------
# Tokens

MASK = "\x00"

_TOKEN_RE = re.compile(
    r"(?P<q>\x00+)"
    r"|(?P<w>(?:[^\W\d_]\.){2,}|[^\W_](?:[\w\-‐]|['’](?=[^\W_])|\.(?=[^\W\d_]\.))*)"
    r"|(?P<p>[^\s\w\x00]|_)"
)


@dataclass(slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int
    kind: str  # "w" word, "p" punctuation, "q" a masked quotation

    @property
    def cap(self) -> bool:
        return self.kind == "w" and self.text[0].isupper()


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    n = len(text)
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "p"
        s, e = m.span()
        if toks and s < toks[-1].end:
            continue  # the dot already taken by an abbreviation
        word = m.group()
        if kind == "w" and e < n and text[e] == "." and (
            word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())
        ):
            e += 1  # "Mr." "J." keep their dot: it ends no sentence
            word = text[s:e]
        toks.append(Tok(word, word.lower().rstrip("."), s, e, kind))
    return toks


def _possessive(tok: Tok) -> bool:
    return tok.low.endswith(("'s", "’s")) or tok.low.endswith(("s'", "s’"))


def _strip_possessive(word: str) -> str:
    for suf in ("'s", "’s"):
        if word.endswith(suf):
            return word[: -len(suf)]
    return word


def _adverb(low: str) -> bool:
    return (low.endswith(_ADVERB_END) and len(low) > 4 and low not in {"family", "italy", "july", "ally"}) or (
        low in LEX.auxiliaries
    )


# --------------------------------------------------------------------------------------------
# Registry of named entities


PREPOSITIONS = frozenset(
    """of in at for from with to about on into against over under between among toward towards via per than
    like behind near across after before during since without within upon de à en à au aux von zu mit bei
    für aus в на с к о""".split()
)
# Nouns for what was said or written: "the statement said" speaks for whoever issued it.
DOCUMENTS = frozenset(
    """statement release letter report post tweet filing complaint email e-mail memo note message lawsuit study
    paper survey indictment document transcript ruling order website blog video interview announcement
    notice press-release petition""".split()
)
SPEECH = DOCUMENTS | frozenset("words response answer reply verdict warning view message".split())
# Heads of a body named by description: "the French foreign ministry", "the US military".
BODY_HEADS = frozenset(
    """ministry military government office army police embassy administration department agency court council
    committee commission parliament senate navy prosecutors""".split()
)
_CONJ = frozenset("but and yet so still however meanwhile then now also or".split())
_APPOSITIVE_START = frozenset("who whose which".split())
_ELIDED = re.compile(r"^(?:l|d|qu)['’](?=\w)", re.IGNORECASE)


def _unelide(low: str) -> str:
    return _ELIDED.sub("", low)


def _name_key(core: Sequence[str]) -> tuple[str, ...]:
    """Lowercase name tokens without generational suffixes: Kennedy Jr. ~ Kennedy."""
    key = tuple(w.lower().rstrip(".") for w in core)
    while len(key) > 1 and key[-1] in NAME_SUFFIXES:
        key = key[:-1]
    return key


@dataclass(eq=False)
class Entity:
    name: tuple[str, ...]  # fullest form, tokens
    kind: str = "unknown"  # "person" | "org" | "unknown"
    descriptors: set[str] = field(default_factory=set)
    votes: dict[str, int] = field(default_factory=dict)  # gender evidence
    gender: str | None = None

    @property
    def display(self) -> str:
        return " ".join(self.name)

    def vote(self, g: str, weight: int = 1, text: bool = True) -> None:
        self.votes[g] = self.votes.get(g, 0) + weight
        if text:
            self.votes["text"] = 1

    def settle(self) -> None:
        m, f = self.votes.get("m", 0), self.votes.get("f", 0)
        self.gender = "m" if m > f else "f" if f > m else None


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


@dataclass
class Ref:
    """A subject found by an attribution pattern."""

    kind: str  # "name" | "pron" | "desc" | "body" (a body named by description, kept as written)
    words: tuple[str, ...]
    blk: int
    tok: int  # token index where it stands
    chain: Chain | None = None
    det: str = ""
    head: str = ""
    complement: Chain | None = None  # "a spokesman for <Acme>"
    end: int = 0  # token index just past the phrase
    text: str = ""


@dataclass
class Attribution:
    ref: Ref | None
    cue: str
    end: int  # token index just past the attribution


class Attributor:
    """Attribution for one article. `texts[i]` is block i's text with quotations masked (MASK
    characters, same length); `kinds[i]` its block kind."""

    def __init__(self, texts: Sequence[str], kinds: Sequence[str]) -> None:
        self.texts = list(texts)
        self.kinds = list(kinds)
        self.toks = [tokenize(t) for t in self.texts]
        self.lowercase_words: set[str] = set()
        self.midcaps: set[str] = set()  # capitalized words seen away from a sentence start
        for toks in self.toks:
            for k, t in enumerate(toks):
                if t.kind != "w":
                    continue
                if t.text[0].islower():
                    self.lowercase_words.add(t.text)
                elif not self._sentence_start(toks, k):
                    self.midcaps.add(_strip_possessive(t.text))
        self.chains: list[list[Chain]] = []
        self.entities: dict[tuple[str, ...], Entity] = {}
        self.by_last: dict[str, list[Entity]] = {}
        self.by_first: dict[str, list[Entity]] = {}  # persons by the first word of their name
        self.chain_at: list[dict[int, Chain]] = []  # token index -> chain covering it
        self.mentions: list[tuple[int, int, int]] = []  # (blk, tok, id) in reading order
        self.mention_ent: dict[int, Entity] = {}
        self.salient: set[int] = set()  # mentions that can be the antecedent of "he"/"she"
        self._ends: dict[int, list[int]] = {}
        self._descriptors: set[str] | None = None
        self._qstarts: dict[int, list[tuple[int, int]]] = {}
        self._build_registry()

    # ---- registry ------------------------------------------------------------------------

    @staticmethod
    def _sentence_start(toks: list[Tok], i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].kind == "p" and toks[j].text in "\"“‘'«„(—–-":
            j -= 1
        return j < 0 or (toks[j].kind == "p" and toks[j].text in _SENT_END)

    def _nameish(self, toks: list[Tok], i: int) -> bool:
        t = toks[i]
        if not t.cap:
            return False
        low = _strip_possessive(t.low)
        if low in LEX.function_words and not (t.text.isupper() and len(t.text) > 1):
            return False
        if low in LEX.pronouns or _ELIDED.match(low):
            return False
        if self._sentence_start(toks, i):
            if low in LEX.verbs:
                return False
            word = _strip_possessive(t.text)
            if t.text.lower() in self.lowercase_words or word.lower() in self.lowercase_words:
                return False
            if word not in self.midcaps:
                if low.endswith("ing") or (low.endswith("ly") and len(low) > 4):
                    return False  # "Surprisingly," "Commenting on"
                if re.search(r"-[^\W\d_]*[a-z]", word) and word.split("-")[-1][:1].islower():
                    return False  # "Singer-guitarists Tom Johnston"
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                nxt2 = toks[i + 2] if i + 2 < len(toks) else None
                if nxt is not None and nxt.kind == "w" and nxt.text[0].islower() and nxt2 is not None and nxt2.cap:
                    return False  # "Retired librarian Edith Caraway"
        return True

    def _chains_in(self, b: int) -> list[Chain]:
        toks = self.toks[b]
        out: list[Chain] = []
        i, n = 0, len(toks)
        while i < n:
            if not self._nameish(toks, i) and not (
                toks[i].cap and toks[i].low in LEX.honorifics and i + 1 < n and self._nameish(toks, i + 1)
            ):
                i += 1
                continue
            j = self._chain_end(toks, i)
            # "Bank of America", "Friends of Millbrook Library", "Office of the Inspector General"
            while j + 2 < n and not _possessive(toks[j]) and toks[j + 1].low in ("of", "for", "and", "&"):
                k = j + 2
                if toks[k].low == "the" and k + 1 < n:
                    k += 1
                if not self._nameish(toks, k):
                    break
                e = self._chain_end(toks, k)
                before = _strip_possessive(toks[j].low)
                seg = [_strip_possessive(toks[m].low) for m in range(k, e + 1)]
                so_far = [_strip_possessive(toks[m].low) for m in range(i, j + 1)]
                if before in ORG_WORDS or before in TITLES or (
                    any(w in ORG_WORDS for w in seg) and (len(so_far) == 1 or any(w in ORG_WORDS for w in so_far))
                ):
                    j = e
                else:
                    break
            out.append(self._make_chain(b, i, j))
            i = j + 1
        return out

    def _chain_end(self, toks: list[Tok], i: int) -> int:
        j, n = i, len(toks)
        while j + 1 < n and not _possessive(toks[j]):
            nxt = toks[j + 1]
            if nxt.start - toks[j].end > 1:
                break
            if self._nameish(toks, j + 1) or (nxt.cap and nxt.low in NAME_SUFFIXES):
                j += 1
            elif (
                nxt.low in PARTICLES
                and j + 2 < n
                and toks[j + 2].start - nxt.end <= 1
                and self._nameish(toks, j + 2)
            ):
                j += 2
            else:
                break
        return j

    def _make_chain(self, b: int, i: int, j: int) -> Chain:
        toks = self.toks[b]
        words = [toks[k].text for k in range(i, j + 1)]
        possessive = _possessive(toks[j])
        if possessive:
            words[-1] = _strip_possessive(words[-1])
        # The name proper: the last token and the run before it that are not titles or acronyms.
        # A body keeps all its words ("British Foreign Office", "Bank of America").
        k = len(words) - 1
        last_low = words[-1].lower().rstrip(".")
        lows = [_strip_possessive(w.lower()).rstrip(".") for w in words]
        # a body: its last word is one ("British Foreign Office"), or the word before "of" is
        # ("Bank of America"); "Team Leader Jennifer Ngo-Anh" is a person with a title
        is_org = lows[-1] in ORG_WORDS or any(
            lows[m] in ("of", "for", "and", "&") and lows[m - 1] in ORG_WORDS for m in range(1, len(lows))
        )
        if len(words) == 1 and (last_low in TITLES or last_low in LEX.honorifics):
            k = 1  # "The President": titles only
        elif is_org and not any(w.lower().endswith(("'s", "’s")) for w in words[:-1]):
            k = 0
        while 0 < k < len(words):
            w = words[k - 1]
            low = w.lower().rstrip(".")
            if low in TITLES or low in LEX.honorifics or (w.rstrip(".").isupper() and len(w.rstrip(".")) > 1):
                break
            if w.lower().endswith(("'s", "’s")):
                break
            k -= 1
        core = tuple(words[k:])
        prefix = words[:k]
        titles: list[str] = []
        gender = None
        for w in prefix:
            low = w.lower().rstrip(".")
            if low in LEX.honorifics:
                gender = LEX.honorifics[low] or gender
            elif low in TITLES:
                titles.append(low)
                gender = GENDERED.get(low, gender)
        org = is_org or (len(core) == 1 and core[0].isupper() and len(core[0]) > 1) or (
            bool(core) and _strip_possessive(core[-1].lower()).rstrip(".") in ORG_WORDS
        )
        ch = Chain(b, i, j, core, titles, gender, org)
        ch.possessive = possessive
        if titles:
            phrase = " ".join(t for t in titles if t not in ("former", "acting", "senior", "state", "assistant"))
            if phrase:
                ch.descriptors.add(phrase)
                ch.descriptors.add(phrase.split()[-1])
        self._describe(ch)
        return ch

    def _describe(self, ch: Chain) -> None:
        """Descriptors from the words around a name: "military expert X", "X, the head of Y,"."""
        toks = self.toks[ch.blk]
        i = ch.first - 1
        # Nouns right before the name ("expert" in "military expert Alexander ...").
        if i >= 0 and toks[i].kind == "w" and toks[i].end + 1 >= toks[ch.first].start:
            low = _unelide(toks[i].low)
            if (
                low[:1].islower()
                and low not in LEX.function_words
                and low not in LEX.verbs
                and low not in LEX.determiners
                and low not in LEX.auxiliaries
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
                    if prev not in LEX.determiners and prev not in LEX.function_words and prev not in LEX.verbs:
                        ch.descriptors.add(f"{prev} {low}")
        # The first word of the sentence, when only words stand between it and the name
        # ("Экономист Волжского института ... Ольга Трифонова").
        k = ch.first - 1
        while k >= 0 and ch.first - k <= 6 and toks[k].kind == "w":
            k -= 1
        if (k < 0 or toks[k].text in _SENT_END) and k + 1 < ch.first:
            first = _unelide(toks[k + 1].low)
            if first not in LEX.function_words and first not in LEX.determiners and not first.endswith("ing"):
                ch.descriptors.add(first)
        # Appositive after the name: ", [45,] the head of the Russian Senate's committee,".
        j = ch.last + 1
        n = len(toks)
        if j < n and toks[j].text == ",":
            k = j + 1
            if k + 1 < n and toks[k].low.isdigit() and toks[k + 1].text == ",":
                ch.descriptors.add(f"{toks[k].low}-year-old")
                k += 2
            if k < n and toks[k].low in LEX.determiners and toks[k].low not in ("his", "her", "their", "its"):
                k += 1
            elif k < n and toks[k].kind == "w" and toks[k].text[0].isupper() and toks[k].low not in TITLES:
                if not _possessive(toks[k]):
                    return  # a list of names, not an appositive
            head = None
            caps: list[str] = []
            m = k
            while m < n and m - k < 14 and toks[m].kind == "w":
                low = toks[m].low
                if low in PREPOSITIONS or low in ("who", "which", "and"):
                    if head is None:
                        head = m - 1
                    if low in ("who", "which"):
                        break
                elif toks[m].text[0].isupper():
                    caps.append(_strip_possessive(low))
                m += 1
            if head is None and m > k and (m >= n or toks[m].kind == "p"):
                head = m - 1
            if head is not None and head >= k and toks[head].kind == "w":
                hw = _strip_possessive(toks[head].low)
                if toks[head].text[0].islower() or hw in TITLES:
                    if hw not in LEX.verbs and not hw.endswith("ing"):
                        ch.descriptors.add(hw)
                        if head > k and toks[head - 1].kind == "w" and toks[head - 1].text[0].islower():
                            ch.descriptors.add(f"{toks[head - 1].low} {hw}")
                        if hw in ORG_NOUNS:
                            ch.org_hint = True
                        if hw in GENDERED:
                            ch.gender = GENDERED[hw]
            for c in caps:
                if c in INSTITUTION_ROLES:
                    ch.descriptors.add(INSTITUTION_ROLES[c])
        for d in list(ch.descriptors):
            for w in d.split():
                if w in INSTITUTION_ROLES:
                    ch.descriptors.add(INSTITUTION_ROLES[w])

    def _build_registry(self) -> None:
        all_chains: list[Chain] = []
        for b in range(len(self.toks)):
            cs = self._chains_in(b)
            self.chains.append(cs)
            self.chain_at.append({k: c for c in cs for k in range(c.first, c.last + 1)})
            all_chains.extend(cs)
        # Full names: multi-token cores that read as people.
        for ch in all_chains:
            person = not ch.org and not ch.org_hint and len(ch.core) >= 2 and not (
                # "The Dragon Waiting", "the New Yorker": a name after an article is a thing's
                ch.first > 0 and self.toks[ch.blk][ch.first - 1].low in ("the", "a", "an") and not ch.titles
                and ch.gender is None
            )
            if person:
                ent = self.entities.setdefault(ch.core, Entity(ch.core))
                ent.kind = "person"
        for key in sorted(self.entities, key=len, reverse=True):
            ent = self.entities[key]
            self.by_last.setdefault(_name_key(key)[-1], []).append(ent)
            self.by_first.setdefault(_name_key(key)[0], []).append(ent)
        for ch in all_chains:
            if not ch.core and len(ch.titles) == 1 and ch.first == ch.last:
                # "Doctor says": a title word that is also someone's surname
                word = self.toks[ch.blk][ch.first].text
                if self._fullest((_strip_possessive(word),)) is not None:
                    ch.core, ch.titles = (_strip_possessive(word),), []
            if not ch.core:
                continue
            ch.entity = self._entity_for(ch)
            ent = ch.entity
            ent.descriptors |= ch.descriptors
            if ch.gender:
                ent.vote(ch.gender, 3)
            if ent.kind == "unknown":
                if ch.org or ch.org_hint:
                    ent.kind = "org"
                elif ch.gender or ch.titles:
                    ent.kind = "person"
        self._expand_acronyms()
        self._collect_mentions()
        for ent in set(self.entities.values()):
            ent.settle()

    def _expand_acronyms(self) -> None:
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

    def _entity_for(self, ch: Chain) -> Entity:
        core = ch.core
        if core in self.entities and self.entities[core].kind == "person" and len(core) >= 2:
            return self._fullest(core) or self.entities[core]
        full = self._fullest(core)
        if full is not None and not ch.org:
            return full
        return self.entities.setdefault(core, Entity(core, "org" if ch.org or ch.org_hint else "unknown"))

    def _fullest(self, core: tuple[str, ...]) -> Entity | None:
        """The unique person whose fullest name ends with `core` (or, for a lone word that is
        nobody's surname, starts with it: "Elise" for "Elise Matthesen"), None when none or
        ambiguous."""
        key = _name_key(core)
        cands = [
            e
            for e in self.by_last.get(key[-1], ())
            if e.kind == "person" and _name_key(e.name)[-len(key):] == key
        ]
        if not cands and len(key) == 1:
            cands = self.by_first.get(key[0], [])
            if len({_name_key(e.name) for e in cands}) != 1:
                cands = []
        if not cands:
            return None
        best = max(len(e.name) for e in cands)
        top = [e for e in cands if len(e.name) == best]
        return top[0] if len(top) == 1 else None

    def _collect_mentions(self) -> None:
        """Reading-order mentions of entities in the narrative (not captions or headings), and
        gender evidence from the pronoun that follows a person's mention."""
        mid = 0
        for b, toks in enumerate(self.toks):
            if self.kinds[b] in ("figure", "heading", "preformatted"):
                continue
            chains = {c.first: c for c in self.chains[b] if c.entity is not None}
            last_person: Entity | None = None
            persons_in_sentence: set[int] = set()
            sentences_since = 0
            for i, t in enumerate(toks):
                if i in chains:
                    ch = chains[i]
                    ent = ch.entity
                    self.mentions.append((b, i, mid))
                    self.mention_ent[mid] = ent
                    if not ch.possessive and not self._after_preposition(b, i):
                        self.salient.add(mid)
                    mid += 1
                    if ent.kind == "person" and not ch.possessive:
                        if last_person is not None and last_person is not ent and sentences_since == 0:
                            persons_in_sentence.add(id(last_person))
                        last_person = ent
                        persons_in_sentence.add(id(ent))
                        sentences_since = 0
                elif t.kind == "p" and t.text in _SENT_END:
                    sentences_since += 1
                    if sentences_since > 1:
                        last_person = None
                    persons_in_sentence = {id(last_person)} if last_person else set()
                elif t.kind == "w" and t.low in LEX.gender_words and last_person is not None:
                    if len(persons_in_sentence) <= 1:
                        last_person.vote(LEX.gender_words[t.low])
                    last_person = None  # one vote per mention
                elif t.kind == "w" and t.low in LEX.definite and i + 1 < len(toks):
                    ent = self._match_description(self._desc_words(toks, i + 1), b, i)
                    if ent is not None:
                        self.mentions.append((b, i, mid))
                        self.mention_ent[mid] = ent
                        if not self._after_preposition(b, i):
                            self.salient.add(mid)
                        mid += 1

    def _after_preposition(self, b: int, i: int) -> bool:
        """Whether the phrase at token i is the object of a preposition ("in NASA's Science
        Mission Directorate", "at the Aberdeen Royal Infirmary")."""
        toks = self.toks[b]
        k = i - 1
        while k >= 0 and toks[k].kind == "w":
            low = toks[k].low
            if low in PREPOSITIONS and low not in ("after", "before", "since", "until"):
                return True
            if low == "as":  # "known as X," but not "as X put it"
                ch = self.chain_at[b].get(i)
                nxt = toks[ch.last + 1] if ch is not None and ch.last + 1 < len(toks) else None
                return nxt is None or nxt.kind != "w"
            ch = self.chain_at[b].get(k)
            if ch is not None and ch.possessive:
                k = ch.first - 1
                continue
            if low in LEX.determiners or (toks[k].text[0].islower() and low not in LEX.function_words
                                          and low not in LEX.verbs and low not in LEX.auxiliaries and i - k < 4):
                k -= 1
                continue
            return False
        return False

    def _desc_words(self, toks: list[Tok], i: int) -> list[str]:
        words = []
        while i < len(toks) and toks[i].kind == "w" and toks[i].text[0].islower() and len(words) < 4:
            low = toks[i].low
            if low in LEX.verbs or low in LEX.auxiliaries or low in PREPOSITIONS or low in LEX.function_words:
                break
            words.append(_strip_possessive(low))
            if _possessive(toks[i]):
                break
            i += 1
        return words

    # ---- resolution ----------------------------------------------------------------------

    def _before(self, b: int, i: int) -> int:
        """Index in self.mentions of the first mention at or after (b, i)."""
        return bisect_left(self.mentions, (b, i, -1))

    def _recent(self, b: int, i: int, accept, max_blocks: int | None = None) -> Entity | None:
        found = self._recent_at(b, i, accept, max_blocks)
        return found[1] if found else None

    def _recent_at(self, b: int, i: int, accept, max_blocks: int | None = None,
                   salient: bool = False) -> tuple[int, Entity] | None:
        """The most recent mention before (b, i) of an entity that `accept`s: (index, entity)."""
        k = self._before(b, i) - 1
        while k >= 0:
            mb, _, mid = self.mentions[k]
            if max_blocks is not None and b - mb > max_blocks:
                return None
            ent = self.mention_ent[mid]
            if (not salient or mid in self.salient) and accept(ent):
                return k, ent
            k -= 1
        return None

    def _match_description(self, words: Sequence[str], b: int, i: int) -> Entity | None:
        if not words:
            return None
        head = words[-1]
        if head not in CLASS_OF and not self._known_descriptor(head):
            return None
        classes = CLASS_OF.get(head, set())
        phrase = " ".join(words)

        def exact(e: Entity) -> bool:
            return head in e.descriptors or phrase in e.descriptors

        def related(e: Entity) -> bool:
            return any(CLASS_OF.get(d, set()) & classes for d in e.descriptors)

        wants_org = head in ORG_NOUNS
        ent = self._recent(b, i, lambda e: exact(e) and (e.kind == "org") == wants_org)
        if ent is None and classes:
            ent = self._recent(b, i, lambda e: related(e) and (e.kind == "org") == wants_org)
        if ent is None and wants_org and classes & CLASS_OF["company"]:
            # "the company": the most recent body named as a company ("Acme Inc."), else a body
            # named in this paragraph or the one before
            ent = self._recent(
                b, i, lambda e: e.kind == "org" and any(w.lower().rstrip(".") in _CORP for w in e.name), 8
            )
            if ent is None:
                found = self._recent_at(b, i, lambda e: e.kind == "org" and len(e.name) > 1, 1, salient=True)
                ent = found[1] if found else None
        return ent

    def resolve(self, ref: Ref | None) -> str | None:
        ent = self._resolve_entity(ref)
        if ent is None:
            return None
        # The attribution is a mention too: it keeps "he" pointing at the right person.
        mid = len(self.mention_ent)
        insort(self.mentions, (ref.blk, ref.tok, mid))
        self.mention_ent[mid] = ent
        self.salient.add(mid)
        return ent.display

    def _resolve_entity(self, ref: Ref | None, depth: int = 0) -> Entity | None:
        if ref is None:
            return None
        b, i = ref.blk, ref.tok
        if ref.kind == "body":
            key = tuple(ref.text.split())
            return self.entities.setdefault(key, Entity(key, "org"))
        if ref.kind == "name":
            ch = ref.chain
            if ch is not None and ch.entity is not None:
                return ch.entity
            if ch is not None and ch.titles:  # "the President said": a description
                return self._match_description(ch.titles, b, i)
            return None
        if ref.kind == "pron":
            return self._resolve_pronoun(ref.words[0], b, i)
        if ref.kind == "desc":
            if ref.complement is not None and (ref.head in SPOKES or ref.head in SPEECH):
                return ref.complement.entity
            if ref.head in DOCUMENTS and depth == 0:
                return self._document_author(ref.head, b, i)
            if ref.det in LEX.definite or (not ref.det and ref.head and self._known_descriptor(ref.head)):
                return self._match_description(ref.words, b, i)
        return None

    def _known_descriptor(self, head: str) -> bool:
        if self._descriptors is None:
            self._descriptors = {d for e in self.entities.values() for d in e.descriptors}
        return head in self._descriptors

    def _sentence_of(self, b: int, i: int) -> int:
        ends = self._ends.get(b)
        if ends is None:
            ends = self._ends[b] = [k for k, t in enumerate(self.toks[b]) if t.kind == "p" and t.text in _SENT_END]
        return bisect_left(ends, i)

    def _resolve_pronoun(self, word: str, b: int, i: int) -> Entity | None:
        g = LEX.pronouns.get(word)
        if g in ("m", "f"):
            # Sentence by sentence back from the pronoun; in each, the first person who can be
            # meant (the subject before the objects), skipping anyone of the other gender.
            ent = None
            k = self._before(b, i) - 1
            group: list[Entity] = []
            fallback: Entity | None = None  # a person named only as an object, if nobody else
            key = None
            while k >= 0:
                mb, mt, mid = self.mentions[k]
                if b - mb > 3:
                    break
                skey = (mb, self._sentence_of(mb, mt))
                if key is not None and skey != key and group:
                    break
                key = skey
                e = self.mention_ent[mid]
                if e.kind == "person" and e.gender in (None, g):
                    if mid in self.salient:
                        group.append(e)
                    elif fallback is None:
                        fallback = e
                k -= 1
            if group:
                ent = group[-1]
            elif fallback is not None:
                ent = fallback
            if ent is not None and ent.gender is None:
                ent.vote(g, 1, text=False)  # "she said" of X: X is a woman from now on
                ent.settle()
            return ent
        if g == "org":
            return self._recent(b, i, lambda e: e.kind == "org", max_blocks=2)
        return None

    def _document_author(self, noun: str, b: int, i: int) -> Entity | None:
        """"the statement said": whoever the article said issued that statement."""
        for bb in range(b, max(-1, b - 5), -1):
            if self.kinds[bb] in ("figure", "heading"):
                continue
            toks = self.toks[bb]
            hi = i if bb == b else len(toks)
            for k in range(hi - 1, -1, -1):
                if toks[k].kind == "w" and _strip_possessive(toks[k].low) == noun:
                    lo, shi = self._sentence_bounds(bb, k)
                    for c in range(lo, shi):
                        cue = self.cue_at(toks, c)
                        if cue is not None and not cue[2]:
                            ref = self._subject_of(bb, c, lo)
                            ent = self._resolve_entity(ref, depth=1) if ref else None
                            if ent is not None:
                                return ent
                    ref = self._main_subject(bb, lo, shi)
                    ent = self._resolve_entity(ref, depth=1) if ref else None
                    if ent is not None:
                        return ent
        return None

    # ---- phrases -------------------------------------------------------------------------

    def cue_at(self, toks: list[Tok], i: int) -> tuple[int, str, bool] | None:
        """A reporting cue starting at token i: (length in tokens, cue text, speaker follows)."""
        t = toks[i]
        if t.kind != "w":
            return None
        if t.text[0].isupper() and i > 0 and not (toks[i - 1].kind == "p" and toks[i - 1].text in ".!?…:—–\"“«„("):
            return None  # a capitalized word inside a sentence is a name ("Penelope Muse Abernathy")
        for phrase, follows in _PHRASES_BY_FIRST.get(t.low, ()):
            if self._phrase(toks, i, phrase):
                return len(phrase), " ".join(toks[k].text for k in range(i, i + len(phrase))), follows
        if t.low in LEX.verbs:
            if t.low in ("put", "puts", "went", "goes", "pointed"):
                return None
            return 1, t.text, False
        m = re.fullmatch(r"(\w+)-(?:t-)?(il|elle|er|sie)", t.low)
        if m and m.group(1) in LEX.verbs:  # "explique-t-il", "dit-elle"
            return 1, t.text, False
        return None

    @staticmethod
    def _phrase(toks: list[Tok], i: int, phrase: tuple[str, ...]) -> bool:
        if i + len(phrase) > len(toks):
            return False
        return all(toks[i + k].kind == "w" and toks[i + k].low == w for k, w in enumerate(phrase))

    def _pronoun(self, b: int, i: int) -> Ref | None:
        t = self.toks[b][i]
        if t.kind == "w" and (t.low in LEX.pronouns and not t.text.isupper() or t.text == "I"):
            return Ref("pron", (t.low,), b, i, end=i + 1)
        return None

    def _noun_phrase(self, b: int, s: int, stop: int) -> Ref | None:
        """A name or description starting at token s: "Kosachev", "the analyst", "military
        expert Alexander Perendzhiyev", "a WeWork spokesperson", "a spokesman for Acme",
        "Russia's foreign ministry", "the 14th-ranked Schwartzman"."""
        toks = self.toks[b]
        i = s
        det = ""
        if i < stop and toks[i].kind == "w":
            low = toks[i].low
            if low in LEX.determiners and not (toks[i].text.isupper() and len(toks[i].text) > 1):
                det, i = low, i + 1
            elif _ELIDED.match(low) and toks[i].kind == "w":
                det = "the"  # l'économiste
        items: list[tuple[str, int, Chain | None]] = []  # (lowercase word or "", token, chain)
        head_at: int | None = None
        complement: Chain | None = None
        while i < stop and toks[i].kind == "w" and len(items) < 10:
            ch = self.chain_at[b].get(i)
            if ch is not None and ch.first == i:
                if head_at is not None:
                    complement = ch  # "a spokesman for Acme", "the message from harbour master X"
                    i = ch.last + 1
                    break
                items.append(("", i, ch))
                i = ch.last + 1
                if not ch.possessive and not det and not self._role_follows(b, i, stop):
                    break  # after a name only a role or a body continues ("Apple spokesperson")
                continue
            low = _unelide(toks[i].low)
            if toks[i].cap and not items and det == "" and i == s:
                low = low  # sentence-initial adjective ("Retired librarian ...")
            elif not toks[i].text[0].islower() and not _ELIDED.match(toks[i].low) and not toks[i].text[0].isdigit():
                break
            if self.cue_at(toks, i) is not None or low in LEX.auxiliaries or low in LEX.pronouns:
                break
            if low in ("for", "of", "at", "from", "by") and items:
                if head_at is None:
                    head_at = len(items) - 1
                items.append((low, i, None))
                i += 1
                continue
            if head_at is not None and low in LEX.determiners and items[-1][0] in ("for", "of", "at", "from", "by"):
                i += 1  # "a spokesperson for the British Foreign Office"
                continue
            if low in LEX.function_words or low in PREPOSITIONS or low in _APPOSITIVE_START or _adverb(low):
                break
            items.append((_strip_possessive(low), i, None))
            i += 1
        while items and items[-1][0] in ("for", "of", "at", "from", "by"):
            items.pop()
        if not items:
            return None
        end = items[-1][1] + 1 if items[-1][2] is None else items[-1][2].last + 1
        if complement is not None:
            end = complement.last + 1
        if head_at is None:
            head_at = len(items) - 1
        word, tok, ch = items[head_at]
        if ch is not None and not ch.possessive:
            # the phrase ends with a name: "the 14th-ranked Schwartzman", "company CEO Andy Vesey"
            return Ref("name", ch.core, b, ch.first, chain=ch, end=end)
        head = word or (_strip_possessive(ch.core[-1].lower()) if ch and ch.core else "")
        words = tuple(w for w, _, c in items[: head_at + 1] if w and w not in ("for", "of", "at", "from", "by"))
        embedded = next((c for w, _, c in items[:head_at] if c is not None), None)
        if complement is None and embedded is not None and head in SPOKES:
            complement = embedded  # "a WeWork spokesperson"
        if embedded is not None and complement is None and (head in BODY_HEADS or head in ORG_NOUNS):
            start = toks[items[0][1]].start
            text = self.texts[b][start : toks[items[head_at][1]].end]
            return Ref("body", words, b, s, det=det, head=head, end=end, text=_strip_possessive(text))
        return Ref("desc", words, b, s, det=det, head=head, complement=complement, end=end)

    def _role_follows(self, b: int, i: int, stop: int) -> bool:
        """Up to three lowercase words from token i end in a role or body noun: "foreign ministry"."""
        toks = self.toks[b]
        for k in range(i, min(stop, i + 3)):
            t = toks[k]
            if t.kind != "w" or not t.text[0].islower() or t.low in LEX.function_words or t.low in LEX.verbs:
                return False
            if t.low in SPOKES or t.low in BODY_HEADS or t.low in ORG_NOUNS:
                return True
        return False

    def _subject_forward(self, b: int, i: int, stop: int) -> Ref | None:
        if i >= stop or self.toks[b][i].kind != "w":
            return None
        ref = self._pronoun(b, i)
        if ref is not None:
            return ref
        ref = self._noun_phrase(b, i, stop)
        if ref is not None and ref.kind == "desc" and ref.complement is None:
            # "Westmere's project director, Simon Achterberg", "la maire, Hélène Marchais"
            toks = self.toks[b]
            k = ref.end
            if k + 1 < stop and toks[k].text == ",":
                ch = self.chain_at[b].get(k + 1)
                if ch is not None and ch.first == k + 1 and not ch.possessive:
                    return Ref("name", ch.core, b, ch.first, chain=ch, end=ch.last + 1)
        return ref

    def _phrase_start(self, b: int, j: int, lo: int) -> int:
        """Where the noun phrase ending at token j begins."""
        toks = self.toks[b]
        k = j
        ch = self.chain_at[b].get(k)
        if ch is not None:
            k = ch.first
        while k - 1 >= lo and j - k < 10:
            t = toks[k - 1]
            if t.kind != "w":
                break
            ch = self.chain_at[b].get(k - 1)
            if ch is not None:
                k = ch.first
                continue
            low = _unelide(t.low)
            if low in LEX.determiners and not (t.text.isupper() and len(t.text) > 1):
                k -= 1
                break
            if (
                not t.text[0].islower() and not t.text[0].isdigit() and not (k - 1 == lo)
            ) or low in LEX.function_words or low in PREPOSITIONS or low in LEX.verbs or low in LEX.auxiliaries:
                break
            k -= 1
        return k

    def _subject_backward(self, b: int, j: int, lo: int) -> Ref | None:
        """The subject ending at token j (skipping adverbs and appositives)."""
        toks = self.toks[b]
        while j >= lo and toks[j].kind == "w" and _adverb(toks[j].low) and self.chain_at[b].get(j) is None:
            j -= 1
        if j < lo:
            return None
        t = toks[j]
        if t.kind == "p" and t.text == ",":
            return self._appositive_subject(b, j, lo)
        if t.kind != "w":
            return None
        ref = self._pronoun(b, j)
        if ref is not None:
            return ref
        ch = self.chain_at[b].get(j)
        if ch is not None and ch.last == j and not ch.possessive:
            # a name right before the verb is its subject, whatever describes it
            # ("Wikileaks editor-in-chief Kristinn Hrafnsson said") unless a preposition governs it
            if self._after_preposition(b, ch.first):
                return None
            return Ref("name", ch.core, b, ch.first, chain=ch, end=j + 1)
        k = self._phrase_start(b, j, lo)
        ref = self._noun_phrase(b, k, j + 1)
        if ref is None or ref.end != j + 1:
            return None
        if k - 1 >= lo and toks[k - 1].kind == "w" and toks[k - 1].low in PREPOSITIONS:
            return None  # the object of a preposition: "published in the journal JAMA Psychiatry"
        return ref

    def _appositive_subject(self, b: int, j: int, lo: int) -> Ref | None:
        """"Lowri Bevan, chief executive of the Trust, which manages the quays, said": strip
        appositives right to left and keep the leftmost name."""
        toks = self.toks[b]
        best: Ref | None = None
        cur = j
        while True:
            k = cur - 1
            while k >= lo and cur - k < 30 and not (toks[k].kind == "p" and toks[k].text in ",;:()"):
                k -= 1
            if k < lo or toks[k].text != "," or cur - k >= 30:
                break
            seg = toks[k + 1] if k + 1 < cur else None
            if seg is None or not (
                seg.kind == "w"
                and (seg.low in LEX.determiners or seg.low.isdigit() or seg.text[0].islower()
                     or seg.low in TITLES or _possessive(seg) or seg.low in _APPOSITIVE_START)
            ):
                break
            ref = self._subject_backward(b, k - 1, lo) if toks[k - 1].kind == "w" else None
            if ref is None:
                break
            best = ref
            cur = k
        return best

    def _main_subject(self, b: int, lo: int, hi: int) -> Ref | None:
        """Subject of the sentence's main clause (tokens lo..hi), skipping leading adverbials."""
        toks = self.toks[b]
        i = lo
        for _ in range(3):
            while i < hi and toks[i].kind == "p":
                i += 1
            if i >= hi:
                return None
            low = toks[i].low
            if low in _CONJ:
                i += 1
                if i < hi and toks[i].text == ",":
                    i += 1
                continue
            if not (low in PREPOSITIONS or low.endswith("ing") or low in LEX.function_words) or (
                low in LEX.determiners
            ):
                ref = self._subject_forward(b, i, hi)
                if ref is not None:
                    return ref
            # A leading phrase ("On Monday,", "Speaking to X,"): skip to its comma.
            k = i
            while k < hi and not (toks[k].kind == "p" and toks[k].text == ","):
                k += 1
            if k >= hi:
                return None
            i = k + 1
        return None

    def _sentence_bounds(self, b: int, i: int) -> tuple[int, int]:
        toks = self.toks[b]
        lo = i
        while lo > 0 and not (toks[lo - 1].kind == "p" and toks[lo - 1].text in _SENT_END):
            lo -= 1
        hi = i
        while hi < len(toks) and not (toks[hi].kind == "p" and toks[hi].text in _SENT_END):
            hi += 1
        return lo, hi

    # ---- patterns ------------------------------------------------------------------------

    def quote_token(self, b: int, char: int) -> int | None:
        """Index of the masked-quote token covering character `char` of block b."""
        starts = self._qstarts.get(b)
        if starts is None:
            qs = [(t.start, k) for k, t in enumerate(self.toks[b]) if t.kind == "q"]
            starts = self._qstarts[b] = qs
        k = bisect_left(starts, (char + 1, -1)) - 1
        if k >= 0:
            tok = self.toks[b][starts[k][1]]
            if tok.start <= char < tok.end:
                return starts[k][1]
        return None

    def after(self, b: int, q: int, strict: bool) -> Attribution | None:
        """An attribution right after quote token q: `, Kosachev emphasized`, `, said Mr. Smith`;
        or, for a quotation inside a sentence, at the sentence's end: `… of the patients, Dempsey
        said.` `strict` (the quote ended its sentence): it must end soon after its verb."""
        toks = self.toks[b]
        n = len(toks)
        i = q + 1
        while i < n and toks[i].kind == "p" and toks[i].text in _SEPARATORS:
            i += 1
        stop = i
        while stop < n and toks[stop].kind != "q" and not (toks[stop].kind == "p" and toks[stop].text in _SENT_END):
            stop += 1
        found = self._attribution_at(b, i, stop)
        if found is not None and found.end < n and toks[found.end].text == ":":
            return None  # 'Smith agreed: "…"' introduces the next quotation
        if found is None and not strict:
            # ", SUBJ said." ending the sentence the quotation stands in
            for k in range(stop - 1, i, -1):
                if toks[k].text == "," and stop - k <= 12:
                    found = self._attribution_at(b, k + 1, stop)
                    if found is not None and found.end >= stop - 3:
                        break
                    found = None
        if found is None:
            return None
        if strict:
            tail = [t for t in toks[found.end : stop] if t.kind == "w"]
            if len(tail) > 6 or any(t.low == "that" for t in tail):
                return None
        return found

    def _attribution_at(self, b: int, i: int, stop: int) -> Attribution | None:
        """SUBJ CUE or CUE SUBJ starting at token i."""
        toks = self.toks[b]
        if i >= stop or toks[i].kind != "w":
            return None
        if toks[i].low in _PERFECT and i + 1 < stop and self.cue_at(toks, i + 1) is not None:
            i += 1
        cue = self.cue_at(toks, i)
        if cue is not None:  # inverted: "said Mr. Smith", "according to the ministry"
            k = i + cue[0]
            m = re.fullmatch(r"(\w+)-(?:t-)?(il|elle|er|sie)", toks[i].low)
            if m:  # "a-t-il déclaré", "dit-elle"
                return Attribution(Ref("pron", (m.group(2),), b, i, end=i + 1), cue[1], k)
            ref = self._subject_forward(b, k, stop)
            if ref is not None:
                return Attribution(ref, cue[1], ref.end)
            return None
        ref = self._subject_forward(b, i, stop)
        if ref is None:
            return None
        k = self._skip_appositive(b, ref.end, stop)
        while k < stop and toks[k].kind == "w" and _adverb(toks[k].low) and self.cue_at(toks, k) is None:
            k += 1
        if k < stop and toks[k].low in _PERFECT and k + 1 < stop and self.cue_at(toks, k + 1) is not None:
            k += 1
        if k < stop:
            cue = self.cue_at(toks, k)
            if cue is not None and not cue[2]:
                return Attribution(ref, cue[1], k + cue[0])
        return None

    def _skip_appositive(self, b: int, k: int, stop: int) -> int:
        """Past ", a planetary scientist at NASA's Goddard ..., Maryland," to the verb after it."""
        toks = self.toks[b]
        if k < stop and toks[k].text == ",":
            m = k + 1
            commas = 0
            while m < stop and m - k < 45:
                if toks[m].text == ",":
                    commas += 1
                    if commas > 5:
                        break
                    v = m + 1
                    while v < stop and toks[v].kind == "w" and (toks[v].low in LEX.auxiliaries or _adverb(toks[v].low)):
                        v += 1
                    if v < stop and self.cue_at(toks, v) is not None:
                        return v
                m += 1
        return k

    def before(self, b: int, q: int) -> Attribution | None:
        """An attribution before quote token q in its sentence: `Gorbachev warned that`, `X said:`,
        `According to X, …`, or a colon after the sentence's subject."""
        toks = self.toks[b]
        lo, _ = self._sentence_bounds(b, q)
        stop_lo = lo
        for k in range(q - 1, lo - 1, -1):
            if toks[k].kind == "q":
                stop_lo = k + 1
                break
        k = q - 1
        while k >= stop_lo and q - k <= 30:
            cue = self._cue_ending_at(toks, k)
            if cue is not None:
                start, length, text, follows = cue
                if follows:  # "According to X, "…""
                    ref = self._possessive_in(b, start, length) or self._subject_forward(b, start + length, q)
                    if ref is not None:
                        return Attribution(ref, text, q)
                else:
                    ref = self._subject_of(b, start, lo)
                    if ref is None and toks[start].low not in LEX.object_verbs:
                        ref = self._subject_forward(b, start + length, q)  # "said Smith: "…""
                        if ref is not None and ref.kind != "name":
                            ref = None
                    return Attribution(ref, text, q)
            k -= 1
        for k in range(stop_lo, q):  # "According to X, chair of Y, the branch lends "…""
            cue = self.cue_at(toks, k)
            if cue is not None and cue[2]:
                ref = self._possessive_in(b, k, cue[0]) or self._subject_forward(b, k + cue[0], q)
                if ref is not None:
                    return Attribution(ref, cue[1], q)
        if q - 1 >= stop_lo and toks[q - 1].text == ":":
            ref = self._main_subject(b, stop_lo, q - 1)
            if self._known(ref):
                return Attribution(ref, ":", q)
        return None

    def _known(self, ref: Ref | None) -> bool:
        """A colon with no reporting verb names its speaker only when the subject is a person or
        body the article knows (not any capitalized word that starts a sentence)."""
        if ref is None:
            return False
        if ref.kind == "name":
            return ref.chain is not None and ref.chain.entity is not None and ref.chain.entity.kind != "unknown"
        return True

    def _possessive_in(self, b: int, start: int, length: int) -> Ref | None:
        """"по его словам" / "in her words": the pronoun inside the phrase is the speaker."""
        for k in range(start, start + length):
            g = LEX.gender_words.get(self.toks[b][k].low)
            if g:
                return Ref("pron", ("he" if g == "m" else "she",), b, k, end=k + 1)
        return None

    def _cue_ending_at(self, toks: list[Tok], k: int) -> tuple[int, int, str, bool] | None:
        for start in range(max(0, k - 3), k + 1):
            cue = self.cue_at(toks, start)
            if cue is not None and start + cue[0] - 1 == k:
                return start, cue[0], cue[1], cue[2]
        return None

    def _subject_of(self, b: int, c: int, lo: int) -> Ref | None:
        """The subject of the reporting verb at token c."""
        toks = self.toks[b]
        j = c - 1
        if j >= lo and toks[j].low in _PERFECT and toks[c].low not in ENGLISH.verbs:
            j -= 1
        # "was quoted as saying", "has told", "would later write"
        while j >= lo and toks[j].kind == "w" and (toks[j].low in LEX.auxiliaries or _adverb(toks[j].low)):
            if self.chain_at[b].get(j) is not None:
                break
            if toks[j].low in ("was", "were", "been", "being") and toks[c].low in LEX.object_verbs:
                return None  # passive: "he was told"
            j -= 1
        if j >= lo and toks[j].kind == "w" and toks[j].low in ("and", "but", "or"):
            return self._main_subject(b, lo, c)
        ref = self._subject_backward(b, j, lo)
        if ref is not None:
            return ref
        if j >= lo and toks[j].text == ",":
            return self._main_subject(b, lo, c)  # "Stoltenberg responded, insisting that"
        if j >= lo and toks[j].kind == "w":
            k = self._phrase_start(b, j, lo)
            if k - 1 >= lo and toks[k - 1].low in PREPOSITIONS:
                return self._main_subject(b, lo, c)  # "The authors of the research ... argued"
        return None

    def following(self, b: int, q: int) -> Attribution | None:
        """`"…" That was how she put it.`: a short next sentence carrying the attribution."""
        toks = self.toks[b]
        i = q + 1
        if i < len(toks) and toks[i].kind == "p" and toks[i].text in _SENT_END:
            i += 1
        if i >= len(toks) or not toks[i].cap:
            return None
        _, hi = self._sentence_bounds(b, i)
        if hi - i > 14 or any(t.kind == "q" for t in toks[i:hi]):
            return None
        for k in range(i, hi):
            cue = self.cue_at(toks, k)
            if cue is not None and not cue[2]:
                ref = self._subject_of(b, k, i)
                if ref is None:
                    ref = self._subject_forward(b, k + cue[0], hi)
                if ref is not None:
                    return Attribution(ref, cue[1], hi)
        return None

    def colon_intro(self, b: int) -> Attribution | None:
        """A block ending with a colon introduces the quotation that follows: `Smith said:`."""
        toks = self.toks[b]
        if not toks or toks[-1].text != ":":
            return None
        lo, _ = self._sentence_bounds(b, len(toks) - 1)
        for k in range(len(toks) - 2, lo - 1, -1):
            cue = self.cue_at(toks, k)
            if cue is not None:
                if cue[2]:
                    ref = self._subject_forward(b, k + cue[0], len(toks))
                else:
                    ref = self._subject_of(b, k, lo)
                if ref is not None:
                    return Attribution(ref, cue[1], len(toks))
        ref = self._main_subject(b, lo, len(toks) - 1)
        if self._known(ref):
            return Attribution(ref, ":", len(toks))
        return None

    def incise(self, b: int, content: str, pos: int) -> Attribution | None:
        """An attribution inside the quoted text, set off by dashes or commas:
        `«Паром — это не роскошь, — говорит Ладыгин. — Для …»`, `« Le café, explique-t-il, c'est … »`."""
        toks = tokenize(content)
        for k in range(1, len(toks) - 1):
            if toks[k - 1].text not in ",—–" or toks[k].kind != "w":
                continue
            cue = self.cue_at(toks, k)
            if cue is None or cue[2]:
                continue
            m = re.fullmatch(r"(\w+)-(?:t-)?(il|elle|er|sie)", toks[k].low)
            if m:
                return Attribution(Ref("pron", (m.group(2),), b, pos, end=pos), cue[1], pos)
            nxt = k + cue[0]
            words = []
            while nxt < len(toks) and toks[nxt].kind == "w" and len(words) < 3:
                words.append(toks[nxt].text)
                nxt += 1
            if not words or nxt >= len(toks) or toks[nxt].text not in ",.—–":
                continue
            if len(words) == 1 and words[0].lower() in LEX.pronouns:
                return Attribution(Ref("pron", (words[0].lower(),), b, pos, end=pos), cue[1], pos)
            if all(w[0].isupper() for w in words):
                core = tuple(words)
                ent = self._fullest(core) or self.entities.get(core)
                ch = Chain(b, -1, -1, core, [], None, False, entity=ent or Entity(core, "person"))
                return Attribution(Ref("name", core, b, pos, chain=ch, end=pos), cue[1], pos)
        return None

    def signature(self, b: int) -> str | None:
        """A short line that starts with a dash after a quotation signs it: `– Jo Al`."""
        if b >= len(self.texts) or self.kinds[b] not in ("paragraph", "blockquote", "list_item"):
            return None
        text = self.texts[b].strip()
        if text[:1] in "—–-" and 1 <= len(text[1:].split()) <= 6 and MASK not in text:
            return text[1:].strip() or None
        return None

    def last_person(self, b: int) -> str | None:
        """The most recent person named as a subject in block b (for a quotation standing alone
        in the next paragraph)."""
        found = self._recent_at(b + 1, -1, lambda e: e.kind == "person", 1, salient=True)
        if found is None or self.mentions[found[0]][0] != b:
            return None
        return found[1].display


_CORP = frozenset("inc corp corporation co ltd llc plc ag gmbh sa nv group company holdings productions industries".split())
