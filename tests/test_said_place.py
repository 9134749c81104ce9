"""Where a verbal act was made (issue 13, places): a statement, an appeal or an accusation
has the place its sentence sets for it (fronted before the subject, or on the setting of the
saying), and no place from what it talks about. Sentences written for the project; the
whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def events(analyzer, text: str) -> list[Event]:
    return list(analyzer.analyze(Article(id="t", text=text, published="2024-03-14", language="en")).events)


def of_root(found: list[Event], root: str) -> Event:
    [event] = [e for e in found if e.event_code.startswith(root)]
    return event


@pytest.mark.parametrize("text, root, place", [
    ("In Nairobi, the opposition leader urged his supporters to stay at home on Monday.", "02", "Nairobi"),
    ("The minister, speaking to supporters at a rally in Kano, accused the governor of arming thugs.", "11", "Kano"),
])
def test_a_verbal_act_takes_the_place_its_sentence_sets(analyzer, text, root, place):
    found = of_root(events(analyzer, text), root).location
    assert found is not None and found.name == place


def test_a_condemnation_takes_no_place_from_what_it_condemns(analyzer):
    assert of_root(events(analyzer, "The UN condemned the attack in Idlib."), "11").location is None
