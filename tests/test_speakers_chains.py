"""Name chains: titles split from the name proper, bodies keep their words, descriptors from the
words around a name (speakers/chains.py)."""

from __future__ import annotations

from tests.test_speakers_registry import EN, registry
from tests.test_speakers_wrong_names import speakers
from tui_reader.core.attribution.speakers.chains import casing_of, chains_in, nameish
from tui_reader.core.attribution.speakers.registry import Registry
from tui_reader.core.attribution.speakers.tokens import tokenize


def test_titles_are_split_from_the_name_and_kept_as_descriptors():
    reg = registry("NATO Secretary General Jens Stoltenberg spoke on Monday.")
    (ch,) = [c for c in reg.chains[0] if c.core == ("Jens", "Stoltenberg")]
    assert ch.titles == ["secretary", "general"]
    assert "secretary general" in ch.entity.descriptors
    assert ch.entity.kind == "person"


def test_a_title_opening_a_sentence_stays_a_title_where_the_text_writes_it_in_lower_case_too():
    paras = ("President Okafor rebuked his critics on Tuesday.", "Critics accused the president of ignoring them.")
    (ch,) = [c for c in registry(*paras).chains[0] if c.core == ("Okafor",)]
    assert ch.titles == ["president"] and ch.entity.kind == "person"
    assert speakers(paras[0], '"Nothing will change before the spring," he said.', paras[1])[0] == "Okafor"


def test_bodies_keep_all_their_words():
    reg = registry("Shares of Bank of America rose and the British Foreign Office agreed.")
    kinds = {c.entity.display: c.entity.kind for c in reg.chains[0] if c.entity}
    assert kinds["Bank of America"] == "org"
    assert kinds["British Foreign Office"] == "org"


def test_descriptors_from_the_noun_before_and_the_appositive():
    reg = registry("The warning came from military expert Alexander Perendzhiyev.",
                   "Konstantin Kosachev, the head of the Senate's committee, disagreed.")
    alex = reg.fullest(("Perendzhiyev",))
    kos = reg.fullest(("Kosachev",))
    assert {"expert", "military expert"} <= alex.descriptors
    assert {"head", "senator"} <= kos.descriptors  # the Senate implies a senator


def test_an_appositive_about_someone_else_does_not_describe_the_name():
    reg = Registry(["Dorothy Woods, whose husband, Navy SEAL Ty Woods, was killed, spoke."], ["paragraph"], EN)
    ent = reg.entities[("Dorothy", "Woods")]
    assert ent.gender != "m" and "husband" not in ent.descriptors


def test_a_party_tag_in_parentheses_describes_the_name():
    reg = Registry(["House Speaker Pat Ruan (R-Wis.) spoke on the radio."], ["paragraph"], EN)
    assert "republican" in reg.entities[("Pat", "Ruan")].descriptors


def test_a_given_name_that_is_also_a_function_word_starts_a_name_inside_a_sentence():
    assert speakers('"We posted it on the story," said Will Okafor, a consultant.') == ["Will Okafor"]
    assert speakers('"We posted it on the story," Will Okafor said.') == ["Will Okafor"]
    assert speakers('In May Okafor said "we are done with the story and going home."') == ["Okafor"]


def test_chains_are_read_from_a_block_s_tokens_alone():
    toks = tokenize("Critics said it. Yesterday critics met NATO Secretary General Jens Stoltenberg.")
    found = chains_in(toks, 0, EN, casing_of([toks], ["paragraph"]))
    assert [(c.core, c.titles) for c in found] == [(("Jens", "Stoltenberg"), ["secretary", "general"])]
    assert not nameish(toks, 0, EN, casing_of([toks], ["paragraph"]))  # "Critics": written lowercase too
