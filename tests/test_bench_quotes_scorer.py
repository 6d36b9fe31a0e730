"""bench/quotes.py's speaker comparison: when a predicted name is the labelled person."""

import pytest

from tests.conftest import bench_script


def _bench():
    return bench_script("quotes")


@pytest.mark.parametrize("label, predicted", [
    ("Ada Quill", "ada quill"),
    ("Ada Quill", "Quill"),  # a bare surname
    ("Corin B. Valdt", "Corin Valdt"),  # a middle initial
    ("Corin Bastian Valdt", "Corin Valdt"),  # a middle name
    ("Corin B. Valdt Jr.", "Corin Valdt Jr."),
    (None, None),
])
def test_same_person(label, predicted):
    assert _bench().same_speaker(label, predicted)
    assert _bench().same_speaker(predicted, label)


@pytest.mark.parametrize("label, predicted", [
    ("Corin Valdt Jr.", "Corin Valdt"),  # the son is not the father
    ("Corin Valdt Jr.", "Valdt"),
    ("Mara Valdt", "Corin Valdt"),
    ("Corin B. Valdt", "Corin Stone"),
    ("Corin Valdt", "Valdt Corin"),
    ("Corin Valdt", None),
])
def test_another_person(label, predicted):
    assert not _bench().same_speaker(label, predicted)
    assert not _bench().same_speaker(predicted, label)


def test_a_name_two_labelled_speakers_share_is_neither():
    speakers = ("Hal Quist", "Wren Quist", "Ada Moor")
    assert not _bench().same_speaker("Hal Quist", "Quist", speakers)
    assert _bench().same_speaker("Hal Quist", "Hal Quist", speakers)
    assert _bench().same_speaker("Ada Moor", "Moor", speakers)
    # the same person labelled in two forms is one speaker
    assert _bench().same_speaker("Corin B. Valdt", "Valdt", ("Corin B. Valdt", "Corin Valdt"))


def test_a_prediction_of_an_outer_quotation_is_matched_to_it_not_to_the_one_nested_in_it():
    outer, inner, other = (100, 400), (120, 200), (500, 600)
    # both labels overlap the prediction fully (the inner one is the shorter): the outer one is its label,
    # and the inner label, listed after it, is left unmatched
    assert sorted(_bench().match([outer, inner, other], [(100, 400), (500, 600)])) == [(0, 0), (2, 1)]
    assert sorted(_bench().match([inner, outer], [(100, 400)])) == [(1, 0)]
