"""Which root an attack on civilians takes: a state's regular forces use military force (19)
whoever they strike; militias, gangs and unnamed gunmen commit assault (18)."""
from __future__ import annotations

import pytest

from sitroom.records import Article
from violence import actor_code, violent_events


@pytest.mark.parametrize("text", [
    "Sudanese army troops attacked the village of Kutum on Friday, killing nine civilians, residents said.",
    "Myanmar soldiers raided and attacked the hamlet of Let Yet Kone on Tuesday, killing 14 villagers, "
    "witnesses told reporters.",
])
def test_regular_forces_attacking_civilians_use_military_force(analyzer, text):
    events = violent_events(analyzer, text, "2024-03-09")
    assert events, text
    army = [e for e in events if (actor_code(e) or "").endswith("MIL")]
    assert army and all(e.event_code[:2] == "19" for e in army), [(e.event_code, actor_code(e)) for e in events]


@pytest.mark.parametrize("text", [
    "Armed militiamen attacked the village of Kutum on Friday, killing nine civilians, residents said.",
    "Pro-government paramilitaries attacked a camp for displaced families on Sunday, killing 30 people.",
])
def test_militias_attacking_civilians_commit_assault(analyzer, text):
    events = violent_events(analyzer, text, "2024-03-09")
    assert events and all(e.event_code[:2] == "18" for e in events), [(e.event_code, actor_code(e)) for e in events]


@pytest.mark.parametrize("text", [
    "Government troops advanced on the rebel-held town of Kalma on Wednesday, the army said.",
    "Ukrainian forces pushed into the outskirts of the occupied town on Tuesday, a commander said.",
])
def test_armed_forces_pushing_into_or_advancing_on_ground_use_force(analyzer, text):
    events = violent_events(analyzer, text, "2024-03-15")
    assert events and all(e.event_code[:2] == "19" for e in events), [(e.event_code, actor_code(e)) for e in events]


def test_forces_that_will_push_on_are_a_threat_of_force(analyzer):
    article = Article(id="t", text="The rebel commander said on Friday his fighters would push on toward the capital.",
                      published="2024-03-15", language="en")
    codes = [e.event_code for e in analyzer.analyze(article).events]
    assert "138" in codes, codes


@pytest.mark.parametrize("text", [
    "Protesters advanced on the parliament building on Friday.",
    "The government pushed on with its reform plans despite the strikes.",
])
def test_crowds_and_plans_pushing_on_are_no_force(analyzer, text):
    assert not violent_events(analyzer, text, "2024-03-15"), text


def test_sinking_boats_is_force_and_other_sinking_is_not(analyzer):
    sunk = violent_events(analyzer, "The coast guard said its patrol vessels had sunk two pirate boats off "
                                    "the island on Thursday.", "2024-03-15")
    assert sunk and all(e.event_code[:2] == "19" for e in sunk), sunk
    assert not violent_events(analyzer, "Rising costs sank the port project, the minister said.", "2024-03-15")
