"""Who is on which side of a fight (issue 13, sixteenth stop): combat between armed parties
is not an attack on no one or on bystanders. One rule of English or of news writing per
test, on sentences written for the project (none from a data set), in normal case and in
the upper case of old wire copy where the parse differs. The whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Event

from violence import actor_code, violent_events

pytestmark = pytest.mark.slow


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    return violent_events(analyzer, text, published="2024-11-20")


code = actor_code


@pytest.mark.parametrize("text", [
    "Our troops are attacking army posts in the eastern districts.",
    "IN THOSE HILLS OUR TROOPS ARE ATTACKING ARMY POSTS TONIGHT.",
])
def test_armed_foes_named_by_different_words_are_two_sides(analyzer, text):
    [attack] = violent(analyzer, text)
    assert code(attack, "source") and code(attack, "source").endswith("MIL")
    assert code(attack, "target") and code(attack, "target").endswith("MIL")
    # one party named twice by one word still does not act on itself
    [shooting] = violent(analyzer, "Soldiers fired on the soldiers.")
    assert code(shooting, "target") is None


@pytest.mark.parametrize("text", [
    "Soldiers killed Ramon Ibarra, considered the chief of the rebels' urban units.",
    "SOLDIERS KILLED RAMON IBARRA, CONSIDERED THE CHIEF OF THE ELN'S URBAN UNITS.",
])
def test_a_participle_after_the_object_says_what_the_victim_is(analyzer, text):
    [killing] = violent(analyzer, text)
    assert code(killing, "target") and code(killing, "target").endswith("REB")
    # a participle of another kind leaves the victims what they are
    [killing] = violent(analyzer, "Soldiers killed three farmers, accused of helping the rebels.")
    assert code(killing, "target") and code(killing, "target").endswith("CVL")


@pytest.mark.parametrize("text", [
    "Burmese rebels took over the town of Laukkai on Sunday.",
    "Colombian guerrillas have taken control of three villages near the border.",
    "SALVADORAN REBELS OCCUPIED THE TOWN OF SANTA ANA EARLY TODAY.",
])
def test_territory_rebels_take_is_taken_from_the_state(analyzer, text):
    [seizure] = violent(analyzer, text)
    assert code(seizure, "source").endswith("REB")
    assert code(seizure, "target") and code(seizure, "target").endswith("MIL")
    # a state's troops taking a town take it from no one the text names
    [seizure] = violent(analyzer, "Troops occupied the town of Laukkai on Sunday.")
    assert code(seizure, "target") is None


@pytest.mark.parametrize("text", [
    "Burmese rebels invaded the town of Laukkai an hour before dawn.",
    "MALIAN REBELS HAVE OCCUPIED THE TOWN OF KIDAL.",
])
def test_a_town_rebels_invade_or_occupy_is_taken_from_the_state(analyzer, text):
    [seizure] = [e for e in violent(analyzer, text) if code(e, "source") and code(e, "source").endswith("REB")]
    assert code(seizure, "target") and code(seizure, "target").endswith("MIL")


def test_ground_held_by_someone_is_taken_from_its_holder(analyzer):
    [seizure] = violent(analyzer, "Our units have occupied posts held by the state police in the suburb.")
    assert code(seizure, "target") and code(seizure, "target").endswith("COP")


@pytest.mark.parametrize("text", [
    "Eritrean troops entered Ethiopian territory on Saturday.",
    "ERITREAN TROOPS ENTERED ETHIOPIAN TERRITORY ON SATURDAY.",
])
def test_a_states_own_ground_is_the_state(analyzer, text):
    [seizure] = violent(analyzer, text)
    assert code(seizure, "source") == "ERIMIL"
    assert code(seizure, "target") == "ETH"


def test_who_repels_an_attack_is_its_target(analyzer):
    found = violent(analyzer, "In the village, the police repelled a two-hour attack carried out by some 30 rebels.")
    [attack] = [e for e in found if e.trigger == "attack"]
    assert code(attack, "source").endswith("REB")
    assert code(attack, "target") and code(attack, "target").endswith("COP")


def test_the_dead_of_a_fight_named_by_side_are_its_sides(analyzer):
    found = violent(analyzer, "Three policemen and five guerrillas were killed on Sunday in clashes near the river.")
    assert found
    assert all(code(e, "source") and code(e, "target") for e in found)
    assert {code(e, "source")[-3:] for e in found} == {"COP", "REB"}
    [fight] = violent(analyzer, "The army said 110 rebels have died during fighting in the northern districts.")
    assert code(fight, "target") and code(fight, "target").endswith("REB")
    # civilians who die in a fight are no side of it
    [fight] = violent(analyzer, "Five civilians died during the fighting.")
    assert code(fight, "source") is None and code(fight, "target") is None
