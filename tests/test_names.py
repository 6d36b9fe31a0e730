"""core.names: the parts of a personal name (issue 10 "Names"; issue 14: one definition of suffixes)."""

from __future__ import annotations

import pytest

from tui_reader.core.names import PersonName, in_cjk_script, is_suffix, parse_person


@pytest.mark.parametrize("text, family, given, particle, suffix", [
    ("Martin Luther King, Jr.", "King", "Martin Luther", "", "Jr."),  # one person, not two
    ("Martin Luther King Jr.", "King", "Martin Luther", "", "Jr."),
    ("King, Martin Luther, Jr.", "King", "Martin Luther", "", "Jr."),
    ("John Smith III", "Smith", "John", "", "III"),
    ("Jan van der Berg", "Berg", "Jan", "van der", ""),
    ("Leonardo da Vinci", "Vinci", "Leonardo", "da", ""),
    ("Charles de Gaulle", "Gaulle", "Charles", "de", ""),
    ("Oscar De La Hoya", "De La Hoya", "Oscar", "", ""),  # a capitalised particle belongs to the family name
    ("Von Miller", "Miller", "Von", "", ""),  # a given name, not "by"
    ("Di Wang", "Wang", "Di", "", ""),
    ("Dr. Ann Lee PhD", "Lee", "Ann", "", ""),  # titles and degrees are not cited
    ("Sanchez, Ray", "Sanchez", "Ray", "", ""),
    ("Jason B. Jones", "Jones", "Jason B.", "", ""),
])
def test_western_names(text, family, given, particle, suffix):
    name = parse_person(text)
    assert (name.family, name.given, name.particle, name.suffix, name.family_first) == (
        family, given, particle, suffix, False)


@pytest.mark.parametrize("text, family, given", [
    ("Kim Jong-un", "Kim", "Jong-un"),
    ("Moon Jae-in", "Moon", "Jae-in"),
    ("Xi Jinping", "Xi", "Jinping"),
    ("Li Keqiang", "Li", "Keqiang"),
    ("习近平", "习", "近平"),
    ("欧阳修", "欧阳", "修"),  # a two-character family name
    ("김정은", "김", "정은"),
    ("安倍 晋三", "安倍", "晋三"),
    # Vietnamese names are written family name first (CMOS 17 §8.17): a Vietnamese family name, then a
    # common middle name ("Văn", "Thị") or letters only Vietnamese writes ("ư", "ơ", "đ", tone marks)
    ("Nguyễn Văn An", "Nguyễn", "Văn An"),
    ("Tran Thi Mai", "Tran", "Thi Mai"),
    ("Phạm Minh Chính", "Phạm", "Minh Chính"),
    ("Hồ Chí Minh", "Hồ", "Chí Minh"),
    # "Đ" is a family name's first letter however it is compared ("Đặng" ~ "Dang"), even where the given
    # name is a family name too ("Lâm"); given names of Vietnamese syllables, with diacritics or three words
    ("Đặng Văn Lâm", "Đặng", "Văn Lâm"),
    ("Đỗ Mười", "Đỗ", "Mười"),
    ("Võ Nguyên Giáp", "Võ", "Nguyên Giáp"),
    ("Ho Chi Minh", "Ho", "Chi Minh"),
])
def test_family_first_names(text, family, given):
    name = parse_person(text)
    assert (name.family, name.given, name.family_first) == (family, given, True)
    # written family name first; in CJK script without a space between the parts
    assert name.display == (text.replace(" ", "") if in_cjk_script(text) else text)


@pytest.mark.parametrize("text", ["Kim Kardashian", "Lee Child", "Kim Wilde", "Young Kim",
                                  "Van Anh Nguyen", "Le Corbusier Smith", "Ho Ann Lee", "Vu Tran",
                                  "Le Clézio", "Lam Ferrão", "Cao Tom Berg"])
def test_western_order_names_that_start_like_korean_ones(text):
    name = parse_person(text)
    assert not name.family_first and name.family == text.split()[-1]


def test_names_kept_whole():
    assert parse_person("محمد بن سلمان") is None  # Arabic script: kept whole
    assert parse_person("Madonna") is None  # one word
    assert parse_person("  ") is None


def test_display_and_suffixes():
    assert PersonName(family="Berg", given="Jan", particle="van der").display == "Jan van der Berg"
    assert parse_person("Martin Luther King, Jr.").display == "Martin Luther King Jr."
    assert all(is_suffix(w) for w in ("Jr.", "jr", "Sr.", "III", "iv"))
    assert not any(is_suffix(w) for w in ("Jones", "Di", "Von"))
