"""Spanish."""

from tui_reader.core.attribution.speakers.lexicon import Lexicon

LEXICON = Lexicon(
    verbs=frozenset(
        """dijo dice afirmó afirma declaró declara explicó explica añadió añade agregó agrega señaló señala
        aseguró asegura indicó indica advirtió advierte manifestó sostuvo sostiene subrayó destacó
        comentó respondió escribió""".split()
    ),
    according=(("según",),),
    pronouns={"él": "m", "ella": "f"},
    gender_words={"él": "m", "ella": "f"},
    determiners=frozenset("el la los las un una".split()),
    indefinite=frozenset("alguien nadie".split()),
    definite=frozenset("el la".split()),
    function_words=frozenset("el la los las un una y pero para con en según".split()),
    honorifics={"sr": "m", "sra": "f", "señor": "m", "señora": "f", "don": "m", "doña": "f"},
    perfect=frozenset("ha han había".split()),
)
