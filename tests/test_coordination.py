"""Lists of actors and the actors of one clause (issue 13): the coding conventions give one
event per actor of a list ("Chile, Peru and Bolivia called for talks" is three appeals).
One rule of English or of news writing per test, on sentences written for the project
(none from a data set), in normal case and in the upper case of old wire copy where the
parse differs. The whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, root: str) -> list[Event]:
    article = Article(id="t", text=text, published="2024-11-20", language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code.startswith(root)]


def codes(found: list[Event], side: str) -> list[str | None]:
    return sorted((actor_code(e, side) or "") for e in found)


@pytest.mark.parametrize("text", [
    "Peruvian and Chilean diplomats condemned the bombing of the embassy on Tuesday.",
    "PERUVIAN AND CHILEAN DIPLOMATS CONDEMNED THE BOMBING OF THE EMBASSY ON TUESDAY.",
])
def test_coordinated_modifiers_of_one_noun_give_one_party_each(analyzer, text):
    found = events(analyzer, text, "11")
    assert [c[:3] for c in codes(found, "source")] == ["CHL", "PER"]


def test_a_joint_force_does_one_joint_act(analyzer):
    # an act of violence by one noun with coordinated modifiers stays one act, of the first
    # named; so does any act of such a joint force
    [strike] = events(analyzer, "Kenyan and Ugandan jets bombed the militants' camp near Kismayo on Monday.", "19")
    assert actor_code(strike, "source") == "KENMIL"
    recovered = events(analyzer, "Kenyan and Ugandan troops recovered weapons near Kismayo on Monday.", "17")
    assert len(recovered) <= 1


@pytest.mark.parametrize("text", [
    "Belgian and Dutch troops fought their way into the town of Marvale on Friday.",
    "BELGIAN AND DUTCH TROOPS FOUGHT THEIR WAY INTO THE TOWN OF MARVALE ON FRIDAY.",
])
def test_fighting_ones_way_into_a_town_is_a_fight_with_no_opponent_named(analyzer, text):
    # "their way" is the path made, no opponent (nor a thing fought, as in "fought crime");
    # the two armies are allies, not each other's foes
    [fight] = events(analyzer, text, "19")
    assert actor_code(fight, "source") == "BELMIL"
    assert actor_code(fight, "target") is None


def test_the_heads_of_a_list_of_countries_each_act(analyzer):
    # recased wire copy writes "the Presidents of": a capitalised plural head is still one
    # head per country named, as in mixed case
    text = ("Kenyan President William Ruto and the presidents of Tanzania, Uganda and Rwanda urged all "
            "Sudanese factions on Sunday to stop fighting.")
    for told in (text, text.upper()):
        found = events(analyzer, told, "02")
        assert [c[:3] for c in codes(found, "source")] == ["KEN", "RWA", "TZA", "UGA"]


def test_a_list_of_addressees_is_addressed_one_by_one(analyzer):
    # the speaker and one addressee may share a code (a role with no country of its own);
    # named by other words, the addressee is another party, not the speaker itself
    found = events(analyzer, "The mediator appealed to the government and the rebels to respect the truce.", "02")
    assert len(found) == 2
    assert codes(found, "target") == ["GOV", "REB"]


@pytest.mark.parametrize("text", [
    "Canada, Spain and Norway advised their nationals not to travel to Colombo.",
    "CANADA, SPAIN AND NORWAY ADVISED THEIR NATIONALS NOT TO TRAVEL TO COLOMBO.",
])
def test_who_is_told_to_act_does_the_act(analyzer, text):
    # a travel advisory is no visit by the states that issue it
    assert events(analyzer, text, "04") == []
    # a verb that governs a purpose leaves the act to its own subject
    [dispersal] = events(analyzer, "Riot police used water cannon to disperse the protesters outside parliament.", "17")
    assert actor_code(dispersal, "source").endswith("COP")


@pytest.mark.parametrize("text", [
    "Qatar appealed to Ethiopia and to Eritrea to pull back their troops.",
    "QATAR APPEALED TO ETHIOPIA AND TO ERITREA TO PULL BACK THEIR TROOPS.",
])
def test_a_repeated_preposition_heads_a_second_addressee(analyzer, text):
    found = events(analyzer, text, "02")
    assert [c[:3] for c in codes(found, "target")] == ["ERI", "ETH"]
