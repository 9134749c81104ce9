"""Several doers or addressees of one act (issue 13): the coding conventions give one event
per party ("U.S. and Iraqi troops killed insurgents" is each army's fight; "rejected calls
from a group and from a ministry" is one rejection of each). One rule of English or of news
writing per test, on sentences written for the project (none from a data set). The whole
pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, root: str) -> list[Event]:
    article = Article(id="t", text=text, published="2024-11-20", language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code.startswith(root)]


def codes(found: list[Event], side: str) -> list[str]:
    return sorted((actor_code(e, side) or "") for e in found)


@pytest.mark.parametrize("text, armies", [
    ("Peruvian and Colombian troops killed seven suspected guerrillas in raids near Leticia on Sunday, "
     "the army said.", ["COL", "PER"]),
    ("Chadian and Nigerien soldiers clashed with jihadist fighters near Lake Chad on Sunday.", ["NER", "TCD"]),
])
def test_troops_of_two_armies_each_fight_the_foe_named(analyzer, text, armies):
    # one event per army: each fights its own share of the raids, against the same foe
    found = events(analyzer, text, "19")
    assert [c[:3] for c in codes(found, "source")] == armies
    assert all(actor_code(e, "target") for e in found)


def test_a_joint_air_raid_and_a_list_of_victims_stay_one_party(analyzer):
    # the aircraft of two air forces fly one raid; who is killed is no list of doers
    [raid] = events(analyzer, "Egyptian and Emirati warplanes struck militant camps near Derna on Sunday.", "19")
    assert actor_code(raid, "source").startswith("EGY")
    killed = events(analyzer, "Gunmen killed three Kenyan and Somali soldiers near Dhobley on Sunday.", "1")
    assert len(killed) <= 1


@pytest.mark.parametrize("text", [
    "Egypt's government rejected calls from Human Rights Watch and from the Swedish foreign ministry "
    "for an inquiry into the deaths.",
    "Egypt's government rejected calls from Human Rights Watch and the Swedish foreign ministry "
    "for an inquiry into the deaths.",
])
def test_a_rejection_of_calls_from_two_parties_is_one_rejection_of_each(analyzer, text):
    found = events(analyzer, text, "12")
    assert [c[:3] for c in codes(found, "target")] == ["NGO", "SWE"]
    assert {actor_code(e, "source")[:3] for e in found} == {"EGY"}


def test_calls_from_one_party_stay_one_rejection(analyzer):
    # (a guard: one sender named is one rejection)
    [rejection] = events(analyzer, "Egypt's government rejected calls from Human Rights Watch "
                         "for an inquiry into the deaths.", "12")
    assert actor_code(rejection, "target").startswith("NGO")


@pytest.mark.parametrize("text", [
    "Amnesty International accused the army of torturing detainees and the police of beating protesters.",
    "A U.N. envoy said on Monday that both sides may have broken the truce, accusing the rebels of shelling "
    "a market crowded with shoppers and the army of bombing a clinic.",
])
def test_a_gapped_second_accused_is_accused_too(analyzer, text):
    # "accused A of X and B of Y": the verb is left out before B, who is accused as A is, and
    # is no victim of A's act
    found = events(analyzer, text, "11")
    assert len(found) == 2
    assert len({actor_code(e, "target") for e in found}) == 2
    assert all(actor_code(e, "target") and not actor_code(e, "target").endswith("CVL") for e in found)


def test_the_second_accused_does_its_own_deed(analyzer):
    text = "Amnesty International accused the army of torturing detainees and the police of shooting protesters."
    shot = events(analyzer, text, "19")
    assert shot and all(actor_code(e, "source").endswith("COP") for e in shot)
    tortured = events(analyzer, text, "18")
    assert all(not (actor_code(e, "target") or "").endswith("COP") for e in tortured)


@pytest.mark.parametrize("text", [
    "Mediator Thabo Mbeki appealed to the government and RENAMO to respect the ceasefire.",
    "The envoy called on the government and RENAMO to return to talks in Maputo.",
])
def test_a_name_after_and_that_the_parser_left_astray_is_an_addressee_too(analyzer, text):
    # the parser hangs "RENAMO" on the verb (as its object or an unlabelled dependent), not
    # as a conjunct of "the government": it is still the list's second addressee
    found = events(analyzer, text, "02")
    assert len(found) == 2
    assert "MOZOPP" in codes(found, "target")


def test_the_advisers_of_two_countries_are_one_party_each(analyzer):
    # a collective head ("advisers", "chiefs") of "X and Y" stands for each country named
    found = events(analyzer, "Blinken spoke to the national security advisers of Armenia and Azerbaijan "
                   "on Tuesday.", "04")
    assert sorted(c[:3] for c in codes(found, "target")) == ["ARM", "AZE"]


def test_each_clause_of_a_coordination_has_its_own_doer_and_act(analyzer):
    # "X flew the injured to ..., and Y and Z sent supplies": flying the wounded out is the
    # first clause's aid (triggers.tsv, `fly` with the injured as object), besides the
    # second clause's aid of each of its two subjects
    text = ("Qatar flew dozens of the badly injured to Doha on Monday aboard a military plane, "
            "and Egypt and Jordan sent medical supplies.")
    found = events(analyzer, text, "07")
    assert codes(found, "source") == ["EGY", "JOR", "QAT"]
    trip = events(analyzer, "The prime minister flew to Doha on Monday.", "04")
    assert len(trip) == 1
