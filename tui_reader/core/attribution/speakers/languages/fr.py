"""French."""

from tui_reader.core.attribution.speakers.lexicon import Lexicon

LEXICON = Lexicon(
    verbs=frozenset(
        """dit déclare déclaré affirme affirmé explique expliqué ajoute ajouté souligne souligné estime
        estimé indique indiqué précise précisé assure assuré lance lancé raconte raconté confie confié
        insiste insisté répond répondu écrit avertit averti rappelle rappelé martèle martelé""".split()
    ),
    according=(("selon",), ("d'après",), ("d’après",)),
    pronouns={"il": "m", "elle": "f"},
    gender_words={"il": "m", "lui": "m", "elle": "f"},
    determiners=frozenset("le la les l' un une".split()),
    indefinite=frozenset("quelqu'un quelqu’un".split()),  # not "on": an English word too
    definite=frozenset("le la l'".split()),
    function_words=frozenset("le la les un une et mais pour dans avec sur selon".split()),
    honorifics={"m": "m", "mme": "f", "mlle": "f", "monsieur": "m", "madame": "f"},
    perfect=frozenset("a ont avait".split()),
)
