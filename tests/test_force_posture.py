"""Force shown, not used (issue 13, CAMEO 15): armour moved to a border, troops flown to a
front, forces at a state of readiness. Sentences written for the project; the whole pipeline
runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def postures(analyzer: Analyzer, text: str) -> list[Event]:
    found = analyzer.analyze(Article(id="t", text=text, published="1996-09-12", language="en")).events
    return [e for e in found if e.event_code.startswith("15")]


@pytest.mark.parametrize("text, source", [
    ("Armenia moved tanks and heavy artillery to the frontier on Tuesday.", "ARM"),
    ("Cuba flew 3,000 more troops to Angola last week.", "CUB"),
    ("The Pakistani army declared a state of maximum readiness along the border.", "PAKMIL"),
])
def test_force_moved_or_readied_is_a_posture(analyzer, text, source):
    [posture] = postures(analyzer, text)
    assert posture.source_actor is not None and posture.source_actor.code == source


@pytest.mark.parametrize("text", [
    "The government moved the refugees to a camp outside the city.",
    "The airline flew the tourists to Cairo on Monday.",
])
def test_people_moved_are_no_posture(analyzer, text):
    assert postures(analyzer, text) == []


def test_armed_men_falling_back_retreat(analyzer):
    found = analyzer.analyze(Article(id="t", text="The militia fell back to the hills after the assault.",
                                     published="1996-09-12", language="en")).events
    assert "0874" in [e.event_code for e in found]
    prices = analyzer.analyze(Article(id="t", text="Oil prices fell back on Monday.", published="1996-09-12",
                                      language="en")).events
    assert not prices
