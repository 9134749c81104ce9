"""Violence told with verbs the lexicon lacked (issue 13): shells lobbed, bombs that tear
through a place, fire sprayed or picked off, towns pummelled; and their figurative senses
stay no event. Sentences written for the project; the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    found = analyzer.analyze(Article(id="t", text=text, published="2007-03-20", language="en")).events
    return [e for e in found if e.event_code[:2] in ("18", "19", "20")]


@pytest.mark.parametrize("text", [
    "Insurgents lobbed mortar rounds into the governor's compound.",
    "A roadside bomb tore through a police patrol outside Kandahar.",
    "Gunmen sprayed the minibus with bullets.",
    "Snipers picked off civilians crossing the bridge.",
    "Russian jets pummelled rebel-held villages.",
    "A grenade was thrown into a crowded market in Srinagar.",
])
def test_a_verb_of_violence(analyzer, text):
    assert violent(analyzer, text)


@pytest.mark.parametrize("text", [
    "A fire tore through the textile factory on Sunday.",
    "Negotiators hammered out a deal on prisoner exchanges.",
    "Inflation hammered the economy last year.",
])
def test_its_figurative_sense_is_no_violence(analyzer, text):
    assert violent(analyzer, text) == []
