"""A state's forces killing, shooting or repelling armed attackers (issue 13): the conventions
code violence against an armed side as fighting (19), violence against civilians as 18x/20x.
One rule of English or of news writing per test, on sentences written for the project (none
from a data set), with the cases the rule must leave alone. The whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Event

from violence import actor_code, violent_events

pytestmark = pytest.mark.slow

code = actor_code


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    return violent_events(analyzer, text, published="2025-03-04")


def told_in(events: list[Event], words: str) -> list[Event]:
    return [e for e in events if any(words in (ev.sentence or "") for ev in e.evidence)]


@pytest.mark.parametrize("text, source", [
    ("Gunmen seized a hotel in Bamako on Friday. Malian commandos killed the last gunmen holed up "
     "in the hotel on Saturday morning.", "MLI"),
    ("Gunmen seized a hotel in Bamako on Friday. Police killed the three gunmen on Saturday "
     "after a four-hour siege.", "COP"),
])
def test_forces_killing_attackers_fight_them(analyzer, text, source):
    # "Indian commandos killed the last gunmen": armed attackers are an armed side; their
    # killing by a state's forces is fighting (19), not an assault on people (18)
    [killing] = told_in(violent(analyzer, text), "killed")
    assert killing.event_code.startswith("19")
    assert (code(killing, "source") or "").endswith(source) or (code(killing, "source") or "").startswith(source)
    assert code(killing, "target") == "UAF"


def test_killing_unarmed_people_stays_an_assault(analyzer):
    # the rule reads the target: police killing protesters, gunmen killing villagers are 18x
    events = violent(analyzer, "Police killed three protesters in Lagos on Monday.")
    assert [e.event_code[:2] for e in events] == ["18"]
    events = violent(analyzer, "Gunmen killed five villagers near Maiduguri on Monday.")
    assert [e.event_code[:2] for e in events] == ["18"]


@pytest.mark.parametrize("text, role", [
    ("Gunmen attacked a hotel in Bamako on Friday. The head of the National Guard told reporters on "
     "Saturday that two militants had been shot dead inside and that the building was secure.", "MIL"),
    ("Gunmen attacked a hotel in Bamako on Friday. A police spokesman said on Saturday that two "
     "militants had been shot dead inside.", "COP"),
])
def test_forces_telling_of_foes_killed_by_no_one_tell_their_own_deed(analyzer, text, role):
    # "three militants had been shot dead inside, the head of the security forces said":
    # the teller's forces shot them
    [shooting] = told_in(violent(analyzer, text), "shot dead")
    assert shooting.event_code.startswith("19")
    assert code(shooting, "source") == f"MLI{role}"
    assert (code(shooting, "target") or "").endswith("INS")


@pytest.mark.parametrize("text", [
    # a bystander's word names no doer
    "Gunmen attacked a hotel in Bamako on Friday. Residents said on Saturday that two militants had "
    "been shot dead inside.",
    # the clause names the act they fell in: someone's strike, not the teller's
    "A police spokesman said on Saturday that two militants had been killed in a drone strike near Gao.",
    # civilians shot dead by no one named are not the police's deed
    "A police spokesman said on Saturday that two farmers had been shot dead near Gao.",
])
def test_others_and_other_victims_name_no_doer(analyzer, text):
    for event in told_in(violent(analyzer, text), "said on Saturday"):
        assert code(event, "source") != "MLICOP"


@pytest.mark.parametrize("text", [
    "Armed men killed 40 villagers near Tillaberi overnight, the interior ministry said on Wednesday. "
    "The ministry blamed the killings on the Islamic State in the Sahel and said soldiers had killed "
    "nine of the attackers on Tuesday in the hills nearby.",
    "ARMED MEN KILLED 40 VILLAGERS NEAR TILLABERI OVERNIGHT, THE INTERIOR MINISTRY SAID ON WEDNESDAY. "
    "THE MINISTRY BLAMED THE KILLINGS ON THE ISLAMIC STATE IN THE SAHEL AND SAID SOLDIERS HAD KILLED "
    "NINE OF THE ATTACKERS ON TUESDAY IN THE HILLS NEARBY.",
])
def test_the_attackers_are_the_group_named_as_the_doers(analyzer, text):
    # "the attackers", told again as the foes of the state's forces, are the group blamed
    [killing] = [e for e in violent(analyzer, text) if (code(e, "source") or "").endswith("MIL")]
    assert killing.event_code.startswith("19")
    assert (code(killing, "target") or "").endswith("INS")


def test_gunmen_a_clause_defines_are_not_the_named_group(analyzer):
    # "the gunmen who had robbed a bank" are told by their own clause, not by the rebels before
    events = violent(analyzer, "Rebels of the Liberation Front attacked an army base near Tillaberi on Monday. "
                               "Separately, police killed the gunmen who had robbed a bank in Niamey.")
    [killing] = told_in(events, "police killed")
    assert code(killing, "target") == "UAF"


def test_gunmen_a_comma_clause_tells_of_stay_the_rebels(analyzer):
    # "the gunmen, who arrived on motorbikes," tells more of men already known: a clause after a
    # comma defines no one, so the definite description still refers to the rebels told before
    events = violent(analyzer, "Rebels of the Liberation Front attacked an army base near Tillaberi on Monday. "
                               "The gunmen, who arrived on motorbikes, killed four soldiers at the gate.")
    [killing] = told_in(events, "killed four soldiers")
    assert (code(killing, "source") or "").endswith("REB")


AFRIN = ("Turkish troops pushed into the outskirts of Afrin on Wednesday, and Kurdish fighters fought them for "
         "most of the day, witnesses said. The Kurdish militia said its fighters had destroyed five Turkish tanks. "
         "The Turkish military command in Ankara denied losing any tanks and said its forces had fired only at "
         "militant positions.")


@pytest.mark.parametrize("text", [AFRIN, AFRIN.upper()])
def test_the_forces_a_speaker_calls_its_own_are_the_speakers(analyzer, text):
    # "the command said its forces had fired only at ...": the command's forces, not the
    # militia the sentence before named last
    [firing] = told_in(violent(analyzer, text), "FIRED ONLY" if text.isupper() else "fired only")
    assert code(firing, "source") == "TURMIL"
    # the militia's own fighters stay the militia's
    [claim] = told_in(violent(analyzer, text), "DESTROYED FIVE" if text.isupper() else "destroyed five")
    assert (code(claim, "source") or "").endswith("REB")
