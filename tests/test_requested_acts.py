"""An act asked for or allowed is not yet done (issue 13): the infinitive of a noun of request
or permission ("approved his request to use force", "gave them permission to search the
ship", "a mandate to disarm the militias") is `planned`, like that of a plan. Sentences written
for the project; the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str) -> list[Event]:
    return analyzer.analyze(Article(id="t", text=text, published="2019-06-04", language="en")).events


def of_code(found: list[Event], root: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(root)]


@pytest.mark.parametrize("text", [
    "The senate approved the governor's request to use force against the strikers.",
    "The court gave the police permission to use tear gas against the protesters.",
])
def test_an_act_requested_or_permitted_is_planned(analyzer, text):
    [repression] = of_code(events(analyzer, text), "17")
    assert repression.modality == "planned"


def test_the_same_act_done_is_asserted(analyzer):
    [repression] = of_code(events(analyzer, "The police used tear gas against the protesters."), "17")
    assert repression.modality == "asserted"


def test_an_act_named_by_a_noun_of_an_accusation_is_alleged(analyzer):
    # the accuser is not a party to the act, so only the accusation makes it a claim
    text = ("Foreign Minister Leila Haddad of Tunisia spoke on Monday. Haddad accused Libya of an armed "
            "invasion of the border district.")
    [incursion] = of_code(events(analyzer, text), "19")
    assert incursion.modality == "claimed"


@pytest.mark.parametrize("text", [
    "The archbishop accused the government of planning to kill him.",
    "The opposition accused the army of plotting to assassinate its leader.",
])
def test_a_plan_an_accusation_lays_on_someone_is_no_threat_of_theirs(analyzer, text):
    found = events(analyzer, text)
    assert [e.event_code for e in found] == ["112"]


def test_a_plan_told_by_its_makers_is_a_threat(analyzer):
    found = events(analyzer, "The army chief said his troops planned to attack the rebel camps.")
    assert any(e.event_code.startswith("13") for e in found)


def test_an_act_a_purpose_guards_against_is_feared_not_told(analyzer):
    found = events(analyzer, "Blue helmets were sent to protect the camps from attacks by the militias.")
    assert not [e for e in found if e.event_code[:2] in ("18", "19", "20")]
