"""Verbal acts of judging and blaming (h106): saying another answers for an act accuses
them of it (112), laying the blame on them blames them, regretting or lamenting another's
decision disapproves of it (111), and calling an act an act of war condemns it (111, aimed
at its doer). Sentences written for the project (none from a data set); the whole pipeline
runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow

PUBLISHED = "2024-11-20"


def events(analyzer: Analyzer, text: str) -> list[Event]:
    return analyzer.analyze(Article(id="t", text=text, published=PUBLISHED, language="en")).events


def coded(analyzer: Analyzer, text: str, code: str) -> list[tuple[str | None, str | None]]:
    return [(actor_code(e, "source"), actor_code(e, "target")) for e in events(analyzer, text)
            if e.event_code == code]


@pytest.mark.parametrize("text, accuser, accused", [
    ("The French foreign minister said on Monday that Algeria was responsible for the bombing in Tunis.",
     "FRAGOV", "DZA"),
    ("A spokesman for the Chilean government said Argentina was responsible for the killings at the border.",
     "CHLGOV", "ARG"),
])
def test_saying_another_is_responsible_for_an_act_accuses_it(analyzer, text, accuser, accused):
    found = coded(analyzer, text, "112")
    assert [(s[:3], t[:3]) for s, t in found] == [(accuser[:3], accused[:3])]
    assert not coded(analyzer, text, "010")  # the accusation, not a bare statement


@pytest.mark.parametrize("text", [
    "The rebel group said it was responsible for the bombing in the capital.",  # a claim
    "The French foreign minister said Algeria was not responsible for the bombing in Tunis.",  # a denial
    "The French foreign minister said Algeria was responsible for the safety of the hostages.",  # no act
])
def test_no_accusation_of_responsibility(analyzer, text):
    assert not coded(analyzer, text, "112")


@pytest.mark.parametrize("text", [
    "The Peruvian interior minister laid the blame on Bolivia.",
    "The Peruvian interior minister put the blame for the fire on Bolivia.",
])
def test_laying_the_blame_on_another_blames_it(analyzer, text):
    assert [t for _, t in coded(analyzer, text, "112")] == ["BOL"]


@pytest.mark.parametrize("text, critic, criticised", [
    ("Japan said it regretted China's decision to suspend the talks.", "JPN", "CHN"),
    ("Brazil lamented Venezuela's move to close the border.", "BRA", "VEN"),
])
def test_regretting_another_s_decision_disapproves_of_it(analyzer, text, critic, criticised):
    assert [(s[:3], t[:3]) for s, t in coded(analyzer, text, "111")] == [(critic, criticised)]


def test_regretting_a_loss_of_life_is_no_disapproval(analyzer):
    assert not coded(analyzer, "The Dutch foreign minister regretted the loss of life.", "111")


def test_calling_strikes_an_act_of_war_condemns_their_doer(analyzer):
    text = ("Ecuador launched missile strikes on three camps in Colombia on Tuesday. The Colombian president "
            "called the strikes an act of war and said Colombia would respond.")
    assert [(s[:3], t) for s, t in coded(analyzer, text, "111")] == [("COL", "ECU")]


def test_an_act_of_war_by_a_named_state_is_aimed_at_it(analyzer):
    text = "The Greek prime minister described the raid as an act of war by the Turkish state."
    assert [(s[:3], t[:3]) for s, t in coded(analyzer, text, "111")] == [("GRC", "TUR")]


@pytest.mark.parametrize("text", [
    "The Greek prime minister called for war.",
    "The Greek prime minister described the treaty as an act of peace.",
])
def test_no_act_of_war_named(analyzer, text):
    assert not coded(analyzer, text, "111")


def threats_until(analyzer: Analyzer, text: str) -> list[Event]:
    return [e for e in events(analyzer, text) if e.rule == "threat:force-until"]


@pytest.mark.parametrize("text, speaker", [
    ("The Peruvian defence minister said the army would continue the offensive until the guerrillas surrendered.", "PER"),
    ("The Kenyan president said the military campaign would go on until the militants laid down their arms.", "KEN"),
    ("The Sudanese army chief vowed that the army would not stop fighting until the capital was retaken.", "SDN"),
])
def test_force_said_to_go_on_until_terms_are_met_threatens(analyzer, text, speaker):
    [threat] = threats_until(analyzer, text)
    assert threat.event_code == "138" and threat.modality == "threatened"
    assert (actor_code(threat, "source") or "")[:3] == speaker


@pytest.mark.parametrize("text", [
    "The French minister said the talks would continue until an agreement was reached.",  # no force
    "The Kenyan army said the rebels would keep up their attacks until the elections were held.",  # a forecast
    "The Kenyan president said the election campaign would go on until the vote was counted.",
    "The Peruvian defence minister said the offensive had continued until the guerrillas fled.",  # told as done
])
def test_no_threat_of_force_until(analyzer, text):
    assert not threats_until(analyzer, text)


@pytest.mark.parametrize("text, accused", [
    ("The Serbian government accused Croatia of ethnic cleansing.", "HRV"),
    ("The Armenian government accused Azerbaijan of ethnic cleansing in the enclave.", "AZE"),
])
def test_the_accused_named_as_object_is_the_target_whatever_the_act_named(analyzer, text, accused):
    """The act an accusation names ('ethnic cleansing') may be an event with no doer of its
    own; the one accused is still the verb's object."""
    assert [t for _, t in coded(analyzer, text, "112")] == [accused]


def test_blaming_an_act_on_someone_is_not_aimed_at_the_act_noun(analyzer):
    text = "Rebels shelled the town on Monday. The Chadian government blamed the shelling on the rebels."
    assert [(t or "")[-3:] for _, t in coded(analyzer, text, "112")] == ["REB"]


@pytest.mark.parametrize("text, code, doer", [
    ("Turkish aircraft bombed Kurdish villages on Monday. The Iraqi foreign minister called for an end to the bombing.",
     "020", "TUR"),
    ("Ugandan troops launched an offensive on Friday. The Kenyan government demanded an immediate halt to the offensive.",
     "100", "UGA"),
])
def test_asking_for_an_act_to_stop_is_aimed_at_its_doer(analyzer, text, code, doer):
    assert [(t or "")[:3] for _, t in coded(analyzer, text, code)] == [doer]


def test_asking_for_an_end_to_violence_of_no_named_side_has_no_target(analyzer):
    text = "The Kenyan bishops called for an end to the violence."
    assert [t for _, t in coded(analyzer, text, "020")] == [None]


@pytest.mark.parametrize("text, speaker", [
    ("The Chadian government said any attack on its troops would be considered an act of war.", "TCD"),
    ("The Malian junta said any intervention in the country would amount to a declaration of war.", "MLI"),
])
def test_saying_any_act_would_be_war_threatens_force(analyzer, text, speaker):
    [threat] = [e for e in events(analyzer, text) if e.rule == "threat:any-act-is-war"]
    assert threat.event_code == "138" and threat.modality == "threatened"
    assert (actor_code(threat, "source") or "")[:3] == speaker


@pytest.mark.parametrize("text", [
    "The Chadian government said the attack on its troops was an act of war.",  # a judgment of an act done
    "The Chadian government said any attack on its troops would be a mistake.",
])
def test_no_threat_without_any_act_called_war(analyzer, text):
    assert not [e for e in events(analyzer, text) if e.rule == "threat:any-act-is-war"]
