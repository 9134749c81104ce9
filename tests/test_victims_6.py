"""Tolls of people listed together: a count joined by "and" to others adds to them.

Every sentence here is invented; each stands for a way news writes a list of the dead:
a written count joined by "and" to people named one by one adds to them.
"""
from __future__ import annotations

import pytest

from sitroom.records import Article
from sitroom.resolve.numbers import NumberStage, toll_from_numbers


@pytest.fixture(scope="module")
def stage():
    return NumberStage()


def killed(nlp, stage, text: str) -> int | None:
    """The killed of the text's first sentence, as `toll_from_numbers` gives it."""
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    sent = next(iter(doc.sents))
    return toll_from_numbers([m for m in doc._.numbers if sent.start_char <= m.start < sent.end_char])["killed"]


@pytest.mark.parametrize("text, toll", [
    # a singular person after a count of people with no victim group
    ("Bandits shot dead four traders and a herder near Sokoto on Friday.", 5),
    # a run of singular people, then a count
    ("The roadside bomb killed the governor, his nephew and two bodyguards in Kandahar.", 4),
    # a count of people with no group listed with a count of a group
    ("The shelling killed 14 people and three soldiers in Donetsk province.", 17),
    # a chief is a person
    ("Gunmen shot dead a district chief and his brother in Zamfara on Tuesday.", 2),
])
def test_a_count_listed_with_other_people_adds_to_them(nlp, stage, text, toll):
    assert killed(nlp, stage, text) == toll


@pytest.mark.parametrize("text, toll", [
    # a total the list after it breaks down stays the total
    ("The explosion killed 11 people, including a policeman and two children.", 11),
    ("An air raid killed a mother and her four children in Marib.", 5),
])
def test_a_total_and_its_breakdown_are_not_added(nlp, stage, text, toll):
    assert killed(nlp, stage, text) == toll
