"""German."""

from tui_reader.core.attribution.speakers.lexicon import Lexicon

LEXICON = Lexicon(
    verbs=frozenset(
        """sagte sagt sagten sagen erklärte erklärt erklärten betonte betont meinte meint schrieb schreibt
        warnte warnt fügte ergänzte ergänzt kritisierte kritisiert berichtete berichtet
        erläuterte erläutert unterstrich antwortete antwortet fragte fragt forderte fordert""".split()
    ),
    according=(("laut",), ("so",), ("zufolge",)),
    pronouns={"er": "m", "sie": "f", "es": "org"},
    gender_words={"er": "m", "ihm": "m", "ihn": "m", "sein": "m", "seine": "m", "sie": "f", "ihr": "f",
                  "ihre": "f"},
    determiners=frozenset("der die das ein eine einer".split()),
    indefinite=frozenset("jemand jemanden niemand".split()),  # not "man": English "the local man said"
    definite=frozenset("der die das".split()),
    function_words=frozenset("der die das ein eine und aber auch doch noch nach vor mit bei für von".split()),
    auxiliaries=frozenset("hat habe hatte ist war auch noch".split()),
    honorifics={"herr": "m", "frau": "f"},
    perfect=frozenset("hat haben hatte".split()),
)
