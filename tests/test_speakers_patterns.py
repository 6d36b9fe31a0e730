"""Attribution patterns on masked narrative: where the attribution stands around a quotation."""

from __future__ import annotations

from tui_reader.core.attribution.speakers import MASK, Attributor

Q = MASK * 10  # a masked quotation


def attributor(*paragraphs: str, language: str = "en") -> Attributor:
    return Attributor(list(paragraphs), ["paragraph"] * len(paragraphs), language)


def qtok(att: Attributor, b: int = -1) -> int:
    b = b % len(att.toks)
    return next(k for k, t in enumerate(att.toks[b]) if t.kind == "q")


def test_after_subject_verb_and_inverted():
    for para in (f"{Q}, Ann Lee said.", f"{Q}, said Ann Lee."):
        att = attributor(para)
        found = att.after(0, qtok(att), strict=True)
        assert found.cue == "said" and att.resolve(found.ref) == "Ann Lee"


def test_after_strict_refuses_a_long_tail():
    att = attributor(f"{Q}, Ann Lee said as the council voted to close the old branch on Monday night.")
    assert att.after(0, qtok(att), strict=True) is None
    assert att.after(0, qtok(att), strict=False) is not None


def test_before_verb_that_and_according_to():
    att = attributor(f"Ann Lee warned that {Q}.")
    found = att.before(0, qtok(att))
    assert found.cue == "warned" and att.resolve(found.ref) == "Ann Lee"
    att = attributor(f"According to Ann Lee, {Q}.")
    assert att.before(0, qtok(att)).cue == "According to"


def test_following_sentence_and_colon_intro():
    att = attributor(f"{Q}. That was how Ann Lee put it.")
    found = att.following(0, qtok(att))
    assert found.cue == "put it" and att.resolve(found.ref) == "Ann Lee"
    att = attributor("Ann Lee told the council:", f"{Q}")
    found = att.colon_intro(0)
    assert found.cue == "told" and att.resolve(found.ref) == "Ann Lee"


def test_incise_inside_the_quotation():
    att = attributor("Julien Ferrand défend une idée.", f"{Q}", language="fr")
    found = att.incise(1, "Le café, explique-t-il, c'est une affaire.", 0)
    assert found.cue == "explique-t-il" and att.resolve(found.ref) == "Julien Ferrand"
    assert attributor("Julien Ferrand défend une idée.", f"{Q}").incise(1, "Le café, explique-t-il, c'est.", 0) is None


def test_signature_line_and_quote_tokens():
    att = attributor(f"{Q}", "– Maria K.")
    assert att.signature(1) == "Maria K."
    assert att.signature(0) is None
    assert att.quote_token(0, 3) == 0 and att.quote_token(1, 0) is None


def test_no_verb_outside_the_lexicon_makes_its_subject_the_speaker():
    # REVIEW3 #1: a name or pronoun and any past verb after a quotation is no attribution:
    # who walks past, listens to, ignores or notices words did not say them
    intro = "Tom Berg, the mayor, spoke."
    for para in (f"{Q}, he walked past the protesters.", f"{Q}, he listened to the crowd chant.",
                 f"{Q}, Tom Berg ignored.", f"{Q}, Tom Berg noticed.", f"{Q}, she watched in horror."):
        att = attributor(intro, para)
        assert att.after(1, qtok(att), strict=False) is None, para
    # a listed reporting verb in the same place still is one
    att = attributor(intro, f"{Q}, he said.")
    assert att.resolve(att.after(1, qtok(att), strict=False).ref) == "Tom Berg"


def test_a_signature_line_keeps_the_name_only():
    att = attributor(f"{Q}", "— Michelle Marks, Philadelphia.")
    assert att.signature(1) == "Michelle Marks"  # the town after the comma is no part of the name
    assert attributor(f"{Q}", "— Mayor Ana Ruiz Lopez").signature(1) == "Ana Ruiz Lopez"
    assert attributor(f"{Q}", "– via the company's website").signature(1) is None
    assert attributor(f"{Q}", "– Jo** Al****").signature(1) == "Jo** Al****"  # a review site's masked name


def test_a_verb_that_reports_words_only_after_a_quotation_with_its_subject():
    # PolNeAR train sample: '“…?” Hannity pressed. “…?”' had gone on with the interviewee's words
    intro = "Tom Berg, the mayor, spoke."
    for para, cue in ((f"{Q} Tom Berg pressed.", "pressed"), (f"{Q}, he deadpanned.", "deadpanned"),
                      (f"NEW YORK — {Q} Tom Berg pressed.", "pressed"), (f"At one point, {Q} Tom Berg pressed.", "pressed")):
        att = attributor(intro, para)
        found = att.after(1, qtok(att), strict=True, whole=True)
        assert (found.cue, att.resolve(found.ref)) == (cue, "Tom Berg"), para
    # elsewhere, with more after it, or after words quoted inside a clause, the verb reports nothing
    for para, whole in ((f"{Q}, Tom Berg pressed the button.", True), (f"Tom Berg pressed on: {Q}", True),
                        (f"After Ann Lee called the deal {Q}, Tom Berg pressed.", False)):
        att = attributor(intro, para)
        assert att.after(1, qtok(att), strict=False, whole=whole) is None, para
