"""Who said it: attribution of direct quotations and resolution of names, pronouns and descriptions.

The quote finder (`quotes.py`) hands over the article's block texts with the quotations masked
out; this package reads what is left, the narrative, with cheap token scans (no model needed).
Read the modules in this order:

- `lexicon.py`, `languages/`: the words of each language (reporting verbs, pronouns,
  determiners, honorifics); the article's language chooses its lexicon, and an article of
  unknown language is read with all of them merged.
- `nouns.py`: word classes for people and bodies (titles, organisation words, roles);
  (given names and their sex come from `core/census.py`, the US Census lists: weak evidence, never a pronoun's referent.)
- `tokens.py`: a block's narrative as tokens, a masked quotation as one token.
- `chains.py`: runs of capitalized words that name someone, split into titles and the name,
  with the descriptors around them.
- `entities.py`: the people and bodies those name, their gender, and the index that finds a
  person's fullest name from part of it.
- `mentions.py`: the entities' mentions in reading order, for look-backs.
- `registry.py`: `Registry`, which ties these together for the resolvers below.
- `pronouns.py`, `descriptions.py`: "he"/"she"/"it" and "the analyst"/"the company" to the
  entity they refer to.
- `phrases.py`: reporting cues and the subject phrase around them (`Ref`).
- `resolve.py`: a `Ref` to an entity (names, pronouns, descriptions, spokespeople, documents).
- `patterns.py`: where the attribution of a quotation stands.
- `attributor.py`: `Attributor`, the one object `quotes.py` uses.
- `chinese.py`: Chinese, which the token scans cannot read (no spaces, no capitals): a family name and a
  reporting verb beside the quotation marks.

Anything uncertain stays None: a wrong name is worse than none.
"""

from tui_reader.core.attribution.speakers.attributor import Attributor
from tui_reader.core.attribution.speakers.languages import LANGUAGES, MERGED, lexicon_for
from tui_reader.core.attribution.speakers.lexicon import Lexicon
from tui_reader.core.attribution.speakers.tokens import MASK

__all__ = ["LANGUAGES", "MASK", "MERGED", "Attributor", "Lexicon", "lexicon_for"]
