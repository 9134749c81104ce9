"""A warning of what was already done threatens nothing (issue 13): "warned that the government
had let the crisis fester" tells a fault, in the past perfect; "warned that the rebels would
strike again" and "warned of reprisals" look ahead and stay threats. Sentences written for the
project; the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def threats(analyzer: Analyzer, text: str) -> list[Event]:
    found = analyzer.analyze(Article(id="t", text=text, published="2011-02-17", language="en")).events
    return [e for e in found if e.event_code.startswith("13")]


@pytest.mark.parametrize("text", [
    "Church leaders welcomed the ceasefire but warned that the army had ignored the refugees for months.",
    "The opposition warned that the governor had misled parliament about the arms deal.",
])
def test_a_warning_of_what_was_done_is_no_threat(analyzer, text):
    assert threats(analyzer, text) == []


@pytest.mark.parametrize("text", [
    "The governor warned that the army would clear the square by force.",
    "The militia warned of reprisals against anyone who helped the troops.",
])
def test_a_warning_of_what_is_to_come_is_a_threat(analyzer, text):
    assert threats(analyzer, text)
