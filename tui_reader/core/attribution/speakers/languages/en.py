"""English."""

from tui_reader.core.attribution.speakers.lexicon import Lexicon, inflect

# Verbs of judging: they report words only with a comma or colon before the quotation.
_EVALUATIVE = inflect("accuse slam=slammed,slams,slamming blast praise")
_VERBS = _EVALUATIVE | inflect(
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
_VERBS -= {"go", "goes", "going", "went", "gone", "continue", "continues", "continuing", "call", "calls",
           "calling", "post", "posts", "posting", "begin", "begins", "beginning", "began", "hope", "hopes",
           "hoping", "question", "questions", "questioning", "state", "states", "stating", "report", "reports",
           "reporting", "counter", "counters", "countering", "cry", "cries", "crying", "repeat", "repeats",
           "repeating", "answer", "answers", "answering", "reason", "reasons", "reasoning", "feel", "feels",
           "feeling", "think", "thinks", "thinking", "rage", "rages", "raging", "vent", "vents", "venting",
           "lecture", "lectures", "lecturing", "groan", "groans", "wail", "wails", "cheer", "cheers", "tout",
           "touts", "comment", "comments", "promise", "promises", "advise", "demand", "demands"}
# Verbs of manner of speaking (VerbNet class 37.3) and a few more of saying, in the past only (their other
# forms read as nouns too: "a bark", "the roar"): '"…," he barked.', 'she fumed that "…"'.
_VERBS |= {"barked", "bellowed", "blurted", "croaked", "drawled", "fumed", "gasped", "griped", "growled",
           "hissed", "hollered", "howled", "huffed", "jeered", "marveled", "marvelled", "moaned", "mumbled",
           "purred", "rasped", "roared", "scolded", "screeched", "shrieked", "sneered", "snorted", "sobbed",
           "squealed", "surmised", "teased", "ventured", "whimpered", "whined", "chirped", "crowed"}
# Past forms of those that do report speech.
_VERBS |= {"continued", "stated", "reported", "answered", "repeated", "countered", "called", "thought",
           "cried", "hoped", "questioned", "reasoned", "commented", "promised", "demanded", "advised",
           "stating", "commenting"}

# Third-person forms that read as nouns elsewhere ("comments", "states", "reports").
_AFTER_QUOTE = frozenset(
    "comments continues states reports counters answers repeats demands promises advises questions cries "
    "reasons thinks feels hopes touts cheers posts".split()
)
# Verbs that report words only with their subject right after a quotation, ending the sentence.
_AFTER_SUBJECT = frozenset("pressed persisted prodded pushed interrupted deadpanned teased needled ribbed".split())

LEXICON = Lexicon(
    verbs=frozenset(_VERBS),
    phrases=(("shot", "back"), ("fired", "back"), ("hit", "back"), ("pointed", "out"), ("points", "out"), ("pointing", "out"), ("put", "it"), ("puts", "it"),
             ("went", "on"), ("goes", "on"), ("going", "on"), ("quoted", "as", "saying")),
    according=(("according", "to"), ("in", "the", "words", "of"), ("quoting",), ("in", "his", "words"),
               ("in", "her", "words")),
    object_verbs=frozenset(inflect("tell=told,tells,telling ask inform assure remind urge advise warn "
                                   "caution beg=begged,begs,begging")),
    pronouns={"he": "m", "she": "f", "it": "org", "they": "plural", "i": "self", "we": "self"},
    gender_words={"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"},
    determiners=frozenset("the a an this that one another his her its their our".split()),
    indefinite=frozenset("someone somebody anyone anybody everyone everybody nobody no-one others".split()),
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
        always already first last initially finally instead too again now soon
        himself herself itself themselves""".split()
    ),
    honorifics={"mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                "madam": "f", "dame": "f", "lady": "f", "mx": "", "dr": "", "prof": "", "rev": ""},
    phrase_only=frozenset("put puts went goes pointed".split()),
    after_quote=_AFTER_QUOTE,
    after_subject=_AFTER_SUBJECT,
    noun_markers=frozenset("the a an his her its their our my your".split()),
    evaluative=frozenset(_EVALUATIVE),
    clause_conjunctions=frozenset("while though although whereas".split()),
    subordinators=frozenset("after when whenever before while because since although though if once until unless "
                            "whereas".split()),
    participle_links=frozenset("by after before while when without upon".split()),
    coordinators=frozenset("and but".split()),
)
