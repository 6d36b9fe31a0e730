"""Lexicons: verb forms, one lexicon per language, all merged for an unknown language."""

from __future__ import annotations

import pytest

from tui_reader.core.attribution.speakers import LANGUAGES, MERGED, Lexicon, lexicon_for
from tui_reader.core.attribution.speakers.lexicon import inflect, merge


def test_inflect_regular_and_listed_forms():
    assert inflect("add") == {"add", "adds", "added", "adding"}
    assert inflect("note") == {"note", "notes", "noted", "noting"}
    assert inflect("deny") == {"deny", "denies", "denied", "denying"}
    assert inflect("stress") == {"stress", "stresses", "stressed", "stressing"}
    assert inflect("say=said,says") == {"say", "said", "says"}


@pytest.mark.parametrize("code, verb", [("en", "said"), ("de", "sagte"), ("fr", "déclaré"), ("es", "dijo"),
                                        ("ru", "заявил")])
def test_each_language_has_its_own_words(code, verb):
    assert verb in LANGUAGES[code].verbs
    others = [lx for c, lx in LANGUAGES.items() if c != code]
    assert not any(verb in lx.verbs for lx in others)


@pytest.mark.parametrize("tag, code", [("en", "en"), ("en-GB", "en"), ("DE_at", "de"), (" fr ", "fr")])
def test_lexicon_for_a_language_tag(tag, code):
    assert lexicon_for(tag) is LANGUAGES[code]


@pytest.mark.parametrize("tag", [None, "", "xx", "it"])
def test_unknown_language_reads_every_lexicon(tag):
    lex = lexicon_for(tag)
    assert lex is MERGED
    assert all(lx.verbs <= lex.verbs for lx in LANGUAGES.values())


def test_merge_keeps_the_first_language_on_a_clash():
    a = Lexicon(verbs=frozenset({"x"}), pronouns={"il": "m"}, according=(("per",),))
    b = Lexicon(verbs=frozenset({"y"}), pronouns={"il": "f", "ella": "f"}, according=(("segun",),))
    m = merge([a, b])
    assert m.verbs == {"x", "y"}
    assert m.pronouns == {"il": "m", "ella": "f"}
    assert m.according == (("per",), ("segun",))


def test_multi_word_cues_are_indexed_by_their_first_word():
    en = LANGUAGES["en"]
    assert (("according", "to"), True) in en.cues_by_first["according"]
    assert (("pointed", "out"), False) in en.cues_by_first["pointed"]


def test_chinese_speakers_from_the_reporting_verb_beside_the_marks():
    from tui_reader.core.attribution.quotes import find_quotes as found
    from tui_reader.core.model import Block, Section

    def speakers_zh(*paragraphs):
        secs = (Section(None, 0, tuple(Block("paragraph", p) for p in paragraphs)),)
        return [(q.speaker, q.cue) for q in found(secs, None)]

    assert speakers_zh("在澳大利亚墨尔本留学的马素湘说：“想不关注都难啊！到处都是两会的消息。”") == [("马素湘", "说")]
    assert speakers_zh("全国政协委员张近东提出“当前中国经济的发展正在从数量型向质量型转变。”") == [("张近东", "提出")]
    assert speakers_zh("“我相信优秀留学生的国际化视野必将为家乡建设带来新的思路。”卢宇恳切地说。") == [("卢宇", "说")]
    # a pronoun is the person named speaking before it
    assert speakers_zh("李博灏认为这也是他关注的问题。他认为：“在消费市场持续扩大的大环境下，创新更重要。”") == [
        ("李博灏", "认为")]
    # no reporting verb beside the marks: no speaker
    assert speakers_zh("他高中毕业后就出国了。“出国前更关心与我们学生的实际问题以及切身利益相关的议题。”") == [(None, None)]


@pytest.mark.parametrize("text", [
    "张伟是公司的经理。他向媒体表示：“我们一定要把这件事情做好，不能让大家失望。”",
    "于是他说：“我们一定要把这件事情做好，不能让大家失望。”",
    "他马上说：“我们一定要把这件事情做好，不能让大家失望。”",
    "大家都高兴地说：“我们一定要把这件事情做好，不能让大家失望。”",
])
def test_chinese_words_that_open_with_a_family_name_character_are_no_names(text):
    from tui_reader.core.attribution.quotes import find_quotes as found
    from tui_reader.core.model import Block, Section
    (q,) = found((Section(None, 0, (Block("paragraph", text),)),), None)
    assert q.speaker in (None, "张伟")
