"""Word classes that tell people from bodies and describe them: titles, words that make a name a
body's, role classes for "the analyst" / "the company", gendered nouns, prepositions; and whether
a noun names a person (`person_noun`) or reads as a plural (`plural_noun`).

They are mostly English (with a few common words of other languages) and are read in every
article: they only decide what a name or description is, never that someone spoke.
"""

from __future__ import annotations

from tui_reader.core.attribution.speakers.lexicon import inflect
from tui_reader.core.periodicals import PERIODICAL_WORDS

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
    secretary-of-state attorney-general ambassador-at-large cmdr cdr brig cpl pvt supt insp det atty amb pres
    hon democrat republican delegate sens reps govs""".split()
)
# Abbreviated titles as the role they name ("Sen. Marco Rubio" is "the senator").
ABBREVIATED_TITLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
                      "gen": "general", "col": "colonel", "maj": "major", "capt": "captain", "lt": "lieutenant",
                      "sgt": "sergeant", "adm": "admiral", "supt": "superintendent", "insp": "inspector",
                      "det": "detective", "atty": "attorney", "amb": "ambassador", "cmdr": "commander",
                      "cdr": "commander", "sens": "senator", "reps": "representative", "govs": "governor",
                      "del": "delegate"}
# Titles that say nothing of the role ("former", "acting"): not kept as descriptors.
TITLE_QUALIFIERS = frozenset("former acting senior state assistant".split())
# A capitalized word that makes a name a body's: "British Foreign Office", "Bank of America".
ORG_WORDS = frozenset(
    """committee council ministry department agency company corp corporation inc ltd llc plc co group bank
    university institute party association union commission senate congress parliament duma court police
    army navy office service services foundation fund organization organisation times post news journal
    press network radio television tv club team center centre academy airlines airways motors technologies
    systems labs bureau administration authority board federation league alliance summit forum church
    hospital school college museum kremlin pentagon government cabinet embassy assembly tribunal nations
    reserve exchange society trust holdings partners capital ventures media studios records entertainment
    games software pharmaceuticals energy magazine daily herald tribune gazette telegraph reuters
    associated commons house ag gmbh sa nv infirmary clinic laboratory observatory directorate library
    inspectorate productions industries airport railway institution agency coalition caucus collective movement
    initiative""".split()
)
# Words of a company's name: "the company" refers back to "Acme Inc.".
CORPORATE = frozenset(
    "inc corp corporation co ltd llc plc ag gmbh sa nv group company holdings productions industries".split()
)
# Last words of the names of newspapers and magazines: "the newspaper" refers back to "The Wall Street Journal".
PUBLICATION = PERIODICAL_WORDS
# Lowercase nouns that, in front of a name or in an appositive, make it a body, not a person.
ORG_NOUNS = frozenset(
    """company firm corporation group giant maker manufacturer retailer carrier bank lender insurer airline
    operator startup start-up agency ministry department station newspaper broadcaster channel network
    outlet publication magazine website site platform service app organization organisation body authority
    regulator watchdog union party government administration committee council university school hospital
    charity team club league studio developer publisher brand chain conglomerate business provider
    producer exchange fund outlet tabloid daily paper agency automaker carmaker chipmaker""".split()
)
# Roles a body's name may qualify before a person's name that are no class of their own ("MSNBC host
# Chris Matthews"; "the host said" may be a party's host).
NAMED_ROLES = frozenset("host".split())
SPOKES = frozenset("spokesman spokeswoman spokesperson representative spokespeople rep".split())
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
    "writer author novelist journalist reporter columnist anchor presenter correspondent",
    "prosecutor",
    "businessman businesswoman tycoon mogul magnate billionaire entrepreneur",
    "judge justice",
    "candidate nominee contender hopeful front-runner frontrunner",
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
PREPOSITIONS = frozenset(
    """of in at for from with to about on into against over under between among toward towards via per than
    like behind near across after before during since without within upon around through throughout along
    amid beyond outside inside beside onto de à en à au aux von zu mit bei
    für aus в на с к о""".split()
)
# Nouns for what was said or written: "the statement said" speaks for whoever issued it.
DOCUMENTS = frozenset(
    """statement release letter report post tweet filing complaint email e-mail memo note message lawsuit study
    paper survey indictment document transcript ruling order website blog video interview announcement
    notice press-release petition affidavit column editorial op-ed article advertisement brief submission motion
    testimony""".split()
)
# Verbs by which someone issues a document ("released a statement", "wrote in the affidavit"): a
# document is whoever the text says issued it, never whoever received, read or rejected it.
ISSUING = frozenset(inflect(
    "issue release publish post send=sent,sends,sending write=wrote,writes,writing,written file sign tweet "
    "pen=penned,pens,penning author submit=submitted,submits,submitting draft deliver put=puts,putting "
    "record upload make=made,makes,making give=gave,gives,giving,given"
))
SPEECH = DOCUMENTS | frozenset("words response answer reply verdict warning view message".split())
# Heads of a body named by description: "the French foreign ministry", "the US military".
BODY_HEADS = frozenset(
    """ministry military government office army police embassy administration department agency court council
    committee commission parliament senate navy prosecutors campaign""".split()
)
CONJUNCTIONS = frozenset("but and yet so still however meanwhile then now also or".split())
APPOSITIVE_START = frozenset("who whose which".split())
# Prepositions that link a role to its body: "a spokesman for Acme", "the head of the agency".
LINKS = ("for", "of", "at", "from", "by")


# Endings of nouns for someone who does something ("organisateur", "organizer", "activist").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "eur", "euse", "rice", "ant", "ent")


# Nouns for a person by their tie to someone ("a friend of the governor").
RELATIONS = frozenset("friend aide ally colleague cousin nurse bodyguard associate relative spouse girlfriend boyfriend "
                      "classmate roommate niece nephew aunt uncle".split())


def person_noun(low: str) -> bool:
    """Whether a lowercase noun names a person: a title, a role class, a gendered noun, a tie to
    someone, else a noun for someone who does something that names no body or document ("the board"
    does not)."""
    if low in RELATIONS:
        return True
    if low in TITLES or low in CLASS_OF or low in GENDERED:
        return not (low in ORG_NOUNS or low in ORG_WORDS or low in TITLE_QUALIFIERS)
    return low.endswith(_AGENT_ENDINGS) and not (low in ORG_NOUNS or low in ORG_WORDS or low in DOCUMENTS)


def plural_noun(low: str) -> bool:
    """A word that reads as a plural: "critics", "officials", "residents" (not "Congress", "Paris",
    "Reuters"). A surname can read so too ("Jones"): ask only of a word that the article never
    capitalizes inside a sentence."""
    return (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
            and low not in ORG_WORDS)
