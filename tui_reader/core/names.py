"""Personal names: given name, family name, particle and suffix; the one place that knows them.

Western names are split by nameparser (a maintained name parser: titles, suffixes, "King, Martin
Luther, Jr.", particles such as "van der", "de la", "bin"). On top of it:

* a particle only counts as one inside a name ("Von Miller" is a given name "Von"; "Jan van der
  Berg" has the particle "van der"); a capitalised particle stays part of the family name
  ("Oscar De La Hoya");
* generational suffixes (Jr., Sr., II, III, IV) are kept, degrees and titles (PhD, Dr., Sen.) dropped;
* Chinese, Japanese and Korean names are written family name first: every name in CJK script,
  and a romanised name that starts with a common Chinese or Korean family name followed by a
  given name made of romanised syllables ("Kim Jong-un", "Xi Jinping", "Moon Jae-in");
* Vietnamese names are written family name first too: a Vietnamese family name followed by a common
  middle name ("Nguyễn Văn An", "Tran Thi Mai") or by letters only Vietnamese writes ("Hồ Chí Minh");
* a name written in Arabic script is kept whole (its parts are not given/family in the Western
  sense, and a reader of the citation needs it as written).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Generational suffixes, compared lower-case without dots.
SUFFIXES = frozenset("jr sr ii iii iv v".split())
# Degrees and honours that follow a name: dropped from citations.
DEGREES = frozenset("phd md dds dvm llb llm mba msc bsc esq obe mbe cbe kbe".split())
# Lower-case words that begin a family name inside a personal name.
PARTICLES = frozenset(
    "van von der den de del della dei degli di da das dos do du la le las los ten ter zu zur af av bin "
    "ibn bint al el ben st st. y".split()
)

# Common family names written first (romanised Chinese and Korean).
_CJK_FAMILY = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
    xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye cheng wei su lu
    ding ren shen yao jin xi mao kong qian dai fan fang shi tan jia lei hou meng bai long duan hao
    kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn an song
    jeon hong ko go moon mun yang son bae baek heo yoo yu nam noh roh ha kwak sung seong cha joo ju
    woo koo ku min ryu na jin ji um eom chae won chun cheon bang gong hyun hyeon""".split()
)
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve"
    r"|er|a|o|e|i|u|v|ü))+$"
)
_KOREAN = re.compile(
    r"^(?:(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjh])?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|i|o|u)(?:ng|[kntlmp])?)+$"
)
# Vietnamese family names (with and without their diacritics) and common middle names.
_VIET_FAMILY = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh truong lam doan
    luong luu quach cao ta chau""".split()
)
_VIET_MIDDLE = frozenset("van thi duc huu cong quoc dinh minh ngoc quang thanh xuan thu hong bao".split())
_VIET_LETTERS = re.compile("[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
# One Vietnamese syllable written without its diacritics: an initial consonant, a vowel group, a final.
_VIET_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|uoi|uou|ieu|yeu|oai|oay|uay|uai|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye"
    r"|a|e|i|o|u|y)(?:ch|ng|nh|[cmnpt])?$"
)
_CJK_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Two-character Chinese and Korean family names (Ouyang, Sima, Zhuge; Namgung, Seonu, Jegal).
_COMPOUND_FAMILY = frozenset("欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 司徒 东方 東方 皇甫 令狐 夏侯 慕容 长孙 長孫 宇文 남궁 선우 제갈 독고 황보".split())


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts. `family_first` names are written and cited family name first."""

    family: str
    given: str = ""
    particle: str = ""  # written before the family name and sorted with it: "van der" Berg
    suffix: str = ""  # "Jr.", "III"
    family_first: bool = False

    @property
    def family_full(self) -> str:
        return f"{self.particle} {self.family}".strip()

    @property
    def display(self) -> str:
        """The name as written in running text ("Jan van der Berg", "Kim Jong-un")."""
        if self.family_first:
            separator = "" if _CJK_SCRIPT.search(self.family) else " "
            return separator.join(p for p in (self.family, self.given) if p)
        return " ".join(p for p in (self.given, self.family_full, self.suffix) if p)


def fold(word: str) -> str:
    """A word compared without case, dots or accents ("Jr." ~ "jr", "Đỗ" ~ "do")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("đ", "d"))  # "đ" has no decomposition
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c != ".")


def is_suffix(word: str) -> bool:
    return fold(word.strip(",")) in SUFFIXES


def is_particle(word: str) -> bool:
    return word.islower() and (word in PARTICLES or word.rstrip("-") in PARTICLES)


def in_cjk_script(text: str) -> bool:
    return bool(_CJK_SCRIPT.search(text))


def in_arabic_script(text: str) -> bool:
    return bool(_ARABIC_SCRIPT.search(text))


def _syllables(word: str, pattern: re.Pattern) -> bool:
    return bool(word) and all(pattern.match(part) for part in fold(word).replace("'", "-").split("-") if part)


def _romanised_family_first(words: list[str]) -> bool:
    """"Kim Jong-un", "Xi Jinping", "Moon Jae In": a Chinese or Korean family name, then a given
    name of romanised syllables (hyphenated or not). "Kim Wilde" and "Lee Child" are not."""
    if not 2 <= len(words) <= 3 or fold(words[0]) not in _CJK_FAMILY:
        return False
    rest = words[1:]
    if len(rest) == 1 and "-" not in rest[0]:
        return _syllables(rest[0], _PINYIN)
    return all(_syllables(w, _KOREAN) or _syllables(w, _PINYIN) for w in rest)


def _vietnamese_family_first(words: list[str]) -> bool:
    """"Nguyễn Văn An", "Tran Thi Mai": a Vietnamese family name first, then letters only Vietnamese writes
    ("Đỗ Mười", "Đặng Văn Lâm"), a common middle name, or given names that are all Vietnamese syllables,
    written with diacritics ("Võ Nguyên Giáp") or three words in all ("Ho Chi Minh"); not "Van Anh Nguyen"
    (Western order), "Ho Ann Lee" ("Ann" is no Vietnamese syllable) nor "Vu Tran" (which is neither)."""
    if not 2 <= len(words) <= 4 or fold(words[0]) not in _VIET_FAMILY:
        return False
    if _VIET_LETTERS.search(" ".join(words)):  # written in Vietnamese, in its order: "Đặng Văn Lâm"
        return True
    if fold(words[-1]) in _VIET_FAMILY:  # "Vu Tran": either order
        return False
    if len(words) >= 3 and fold(words[1]) in _VIET_MIDDLE:
        return True
    syllables = all(_VIET_SYLLABLE.match(fold(w)) for w in words[1:])
    return syllables and (len(words) >= 3 or any(not w.isascii() for w in words))


def _cjk_name(text: str) -> PersonName:
    words = text.split()
    if len(words) > 1:
        return PersonName(family=words[0], given="".join(words[1:]), family_first=True)
    if _KANA.search(text) or len(text) < 2:
        return PersonName(family=text, family_first=True)  # cannot be split without a dictionary
    cut = 2 if text[:2] in _COMPOUND_FAMILY or (len(text) >= 4 and not _HANGUL.search(text)) else 1
    return PersonName(family=text[:cut], given=text[cut:], family_first=True)


def _split_particle(last: str) -> tuple[str, str]:
    words = last.split()
    cut = 0
    while cut < len(words) - 1 and is_particle(words[cut]):
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def parse_person(text: str) -> PersonName | None:
    """A person's name in parts; None for an empty text or a name that must be kept whole (one
    word, or written in Arabic script)."""
    text = re.sub(r"\s+", " ", text or "").strip(" ,;")
    if not text or in_arabic_script(text):
        return None
    if in_cjk_script(text):
        return _cjk_name(text)
    words = text.replace(",", " ").split()
    if _romanised_family_first(words) or _vietnamese_family_first(words):
        return PersonName(family=words[0], given=" ".join(words[1:]), family_first=True)
    from nameparser import HumanName  # here: importing it takes ~70 ms, and attribution (on the
    # reader's first paint) reads this module's word lists only

    parsed = HumanName(text)
    given = " ".join(p for p in (parsed.first, parsed.middle) if p)
    suffixes = [s for s in re.split(r",\s*", parsed.suffix) if s and is_suffix(s)]
    particle, family = _split_particle(parsed.last)
    if not family:  # one word ("Madonna"), or only a title
        return None
    return PersonName(family=family, given=given, particle=particle, suffix=", ".join(suffixes))
