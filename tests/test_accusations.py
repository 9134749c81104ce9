"""Accusations and the acts they allege (issue 13): an accusation is an event (112) of the
accuser against the accused, and what it alleges is that party's charge, not an act the news
reports. One rule of English or of news writing per test, on sentences written for the
project (none from a data set), in normal case and in the upper case of old wire copy. The
whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code, violent_events

pytestmark = pytest.mark.slow

PUBLISHED = "2024-11-20"
ACCUSATION = "112"

code = actor_code


def events(analyzer: Analyzer, text: str) -> list[Event]:
    return analyzer.analyze(Article(id="t", text=text, published=PUBLISHED, language="en")).events


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    return violent_events(analyzer, text, published=PUBLISHED)


def accusations(analyzer: Analyzer, text: str) -> list[Event]:
    return [e for e in events(analyzer, text) if e.event_code == ACCUSATION]


def role(event: Event, side: str) -> str:
    return (code(event, side) or "")[-3:]


@pytest.mark.parametrize("text", [
    "The police blamed the rebels for the blasts; the rebels denied any role.",
    "The army blamed the separatists for the fires; their spokesman denied that they had set them.",
])
def test_a_clause_before_a_semicolon_is_not_the_content_of_a_denial(analyzer, text):
    [blame] = accusations(analyzer, text)
    assert blame.modality == "asserted"
    assert role(blame, "target") == "REB"


@pytest.mark.parametrize("text, accuser, accused", [
    ("Armenia accused Azerbaijan of shelling villages in its Syunik province overnight, a charge Baku denied.",
     "ARM", "AZE"),
    ("Lithuania accused Belarus of pushing migrants across the frontier, a charge Minsk has repeatedly denied.",
     "LTU", "BLR"),
])
def test_a_charge_summed_up_by_a_noun_is_not_the_content_of_its_denial(analyzer, text, accuser, accused):
    """The parse may hang the accusation on the denial in the clause on "a charge"."""
    [blame] = accusations(analyzer, text)
    assert blame.modality == "asserted"
    assert (code(blame, "source"), code(blame, "target")) == (accuser, accused)


def test_words_told_before_a_denial_are_still_denied(analyzer):
    """No noun between them: the denial's own content, not an accusation told as news."""
    assert violent(analyzer, "Troops shelled the rebel-held district overnight, the army denied.") == []


@pytest.mark.parametrize("text", [
    "A rebel commander said in a radio message on Friday that the army had massacred the prisoners.",
    "The guerrilla spokesman said soldiers had burned the houses to turn farmers against the movement.",
    "A REBEL COMMANDER SAID ON FRIDAY THAT THE ARMY HAD MASSACRED THE PRISONERS.",
])
def test_rebels_saying_the_state_did_violence_accuse_it(analyzer, text):
    assert violent(analyzer, text) == []
    [charge] = accusations(analyzer, text)
    assert role(charge, "source") == "REB"
    assert role(charge, "target") == "MIL"


@pytest.mark.parametrize("text", [
    "Police said the rebels had killed five farmers near the border.",
    "The rebel spokesman said soldiers had shot 14 villagers near the river on Tuesday.",
    "A rebel commander said his fighters had ambushed an army convoy.",
    # a time counted from the report is the act's own day too
    "The rebel spokesman said soldiers had shelled three villages near the river overnight.",
    "A rebel commander said the army had bombed the market last night.",
])
def test_what_a_state_or_a_dated_report_tells_stays_an_act(analyzer, text):
    assert violent(analyzer, text)
    assert accusations(analyzer, text) == []


@pytest.mark.parametrize("text, code_, sides", [
    ("Morocco and Algeria exchanged accusations over the closure of the border.", "112", {"MAR", "DZA"}),
    ("Pakistan traded threats with India after the attack.", "130", {"PAK", "IND"}),
])
def test_charges_or_threats_traded_are_one_act_of_both_sides(analyzer, text, code_, sides):
    found = [e for e in events(analyzer, text) if e.event_code == code_]
    assert found and {code(found[0], "source"), code(found[0], "target")} == sides, found
