"""A force offered on another side's consent is an offer of help, not a threat
(rules.on_consent). Sentences are our own."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def events(analyzer, text: str):
    article = Article(id="t", text=text, published="2024-05-08", language="en")
    return [(e.event_code, e.source_actor.code if e.source_actor else None,
             e.target_actor.code if e.target_actor else None, e.modality) for e in analyzer.analyze(article).events]


@pytest.mark.parametrize("text, offered_to", [
    ("The African Union said it could send up to 3,000 troops to protect the observers if Chad agrees.", "TCD"),
    ("Kenya said on Tuesday it would send troops if Somalia asked for them.", "SOM"),
    ("Nigeria would deploy a battalion to the border once Niger requested it, the minister said.", "NER"),
])
def test_force_on_consent_is_an_offer_to_the_consenting_side(analyzer, text, offered_to):
    found = events(analyzer, text)
    assert [e for e in found if e[0] == "033" and e[2] == offered_to], found
    assert not [e for e in found if e[0] == "138"], found


@pytest.mark.parametrize("text", [
    "Turkey said it would send troops into Syria if the Kurdish militia did not withdraw.",
    "Kenya said it would send troops into Somalia if the militants attacked again.",
])
def test_force_on_other_terms_stays_a_threat(analyzer, text):
    found = events(analyzer, text)
    assert [e for e in found if e[0] == "138"], found
    assert not [e for e in found if e[0] == "033"], found


def test_consent_refused_is_no_offer(analyzer):
    found = events(analyzer, "Kenya said it would send troops even if Somalia did not agree.")
    assert not [e for e in found if e[0] == "033"], found
