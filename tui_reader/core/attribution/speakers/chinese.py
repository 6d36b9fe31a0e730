"""Speakers of quotations in Chinese, where the token scans of the other languages find nothing: Chinese
writes no spaces and no capitals, so a name is found by a common family name before one or two given-name
characters, right before a reporting verb that stands next to the quotation mark.

  卢宇说：“…”   马素湘表示，“…”   张近东提出“…”   “…”卢宇恳切地说。   他认为：“…” (the person named last)

Anything else stays without a speaker: a wrong name is worse than none.
"""

from __future__ import annotations

import re

# Common family names (the hundred commonest, and compound ones), each one character but for the compounds.
_FAMILY = ("欧阳|司马|上官|诸葛|东方|皇甫|"
           "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
           "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
           "习温俞舒柳傅左鲁葛岳]")
_HAN = "[\u4e00-\u9fff]"
# Characters of grammar, never in a given name: pronouns, particles, prepositions, adverbs ("他向媒体表示",
# "于是他说", "他马上说", "高兴地说" hold no name).
_GRAMMAR = "他她它我你们是的地得了在向对和与及就都也还又上下这那把被给从于而但却很再才正将已说"
_GIVEN = f"[^\\W\\d_{_GRAMMAR}\\u0000-\\u2fff]"
# A name starts the sentence, or follows a title or description ending in one of these ("政协委员张近东",
# "留学的马素湘", "董事长", "教授", "记者"), or a mark.
_BOUNDARY = "(?:(?<=^)|(?<=[的员长授者师任理席统官人生家，,：:、“”\"（(\\s]))"
_NAME = f"{_BOUNDARY}(?P<name>(?:{_FAMILY}){_GIVEN}{{1,2}}?)"
_VERBS = "说道|说|表示|称|指出|认为|强调|介绍|提出|坦言|透露|告诉记者|回应|解释|补充|谈到|感叹|笑称|直言|写道"
_MANNER = f"(?:{_HAN}{{1,3}}地)?"  # "恳切地说"
_PRONOUN = "(?P<pronoun>[他她])"
_END = "。！？!?\n"

_BEFORE = re.compile(f"(?:{_NAME}|{_PRONOUN}){_MANNER}(?P<verb>{_VERBS})[：:，,]?\\s*$")
_AFTER = re.compile(f"^[，,]?\\s*{_NAME}{_MANNER}(?P<verb>{_VERBS})")
_NAMED = re.compile(f"{_NAME}{_MANNER}(?:{_VERBS})")


def is_chinese(text: str) -> bool:
    """Whether most of the text's letters are Han characters."""
    han = len(re.findall(_HAN, text))
    return han > 0 and han >= len(re.findall(r"[^\W\d_]", text)) * 0.6


def _sentence_before(text: str, i: int) -> str:
    start = max(text.rfind(c, 0, i) for c in _END) + 1
    return text[start:i]


def speaker_around(texts: list[str], first: int, open_at: int, last: int, close_at: int | None) -> tuple[str, str] | None:
    """(speaker, cue) of the quotation opening at `open_at` of block `first` and closing at `close_at` of block
    `last`, from the reporting verb right before its opening mark or right after its closing one; a pronoun
    is the person some sentence before it names as speaking."""
    found = _BEFORE.search(_sentence_before(texts[first], open_at))
    if found is None and close_at is not None:
        found = _AFTER.search(texts[last][close_at + 1:close_at + 30])
    if found is None:
        return None
    if found.groupdict().get("name"):
        return found["name"], found["verb"]
    earlier = [m["name"] for b in range(max(0, first - 3), first + 1)
               for m in _NAMED.finditer(texts[b][:open_at] if b == first else texts[b])]
    return (earlier[-1], found["verb"]) if earlier else None
