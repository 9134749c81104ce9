"""What people say that is an act (issue 13, h74-speech3): denials told without "deny",
a charge denied in a clause on its noun, sending a mediator, pushing for a measure, vows
and veiled threats, riots. Sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def _coded(found, prefix):
    return [e for e in found if e.event_code.startswith(prefix)]


def test_not_in_control_of_the_soldiers_who_fired_is_a_denial(analyzer):
    found = events(analyzer, "Bolivia's interior minister told Spanish radio on Tuesday that he was not in control "
                             "of the police officers who fired on the miners.")
    [denial] = _coded(found, "016")
    assert code(denial, "source") == "BOLGOV" and denial.date == "2025-03-11"


def test_no_one_ordered_the_troops_to_shoot_is_a_denial(analyzer):
    found = events(analyzer, "President Daniel Noboa told reporters in Quito on Monday that nobody had ordered "
                             "the soldiers to shoot at the marchers.")
    [denial] = _coded(found, "016")
    assert code(denial, "source") == "ECUGOV" and denial.date == "2025-03-10"


def test_it_had_no_role_in_the_raid_is_a_denial(analyzer):
    found = events(analyzer, "Niger's army said it had no role in the raid on the gold mine.")
    [denial] = _coded(found, "016")
    assert code(denial, "source") == "NERMIL"


def test_no_one_hurt_and_a_vow_not_to_hand_over_a_city_are_no_denials(analyzer):
    found = events(analyzer, "Niger's army said nobody was hurt in the blast. \"We will not hand Agadez to the "
                             "bandits,\" the governor of Agadez told supporters on Sunday.")
    assert not _coded(found, "016")


def test_a_charge_the_accused_denied_is_the_accused_denial(analyzer):
    found = events(analyzer, "The Honduran government accused the opposition Liberal Party of paying gangs to disrupt the "
                             "vote, a charge the party denied.")
    [denial] = _coded(found, "016")
    assert (code(denial, "source") or "").startswith("HND") and code(denial, "source") != "HNDGOV"


def test_a_charge_denied_after_an_act_the_accusation_names(analyzer):
    found = events(analyzer, "The Zambian government accused the opposition UPND of planning \"ethnic cleansing\" "
                             "in Kabwe, a charge the party denied.")
    [denial] = _coded(found, "016")
    assert code(denial, "source") == "ZMBOPP"


def test_saying_it_will_send_a_mediator_to_a_capital_is_an_intent_to_mediate(analyzer):
    found = events(analyzer, "The African Union said on Tuesday it would send Ghana's former president John "
                             "Mahama to Bamako as mediator.")
    [offer] = _coded(found, "039")
    assert code(offer, "source") == "IGOAFU" and code(offer, "target") == "MLIGOV"
    assert offer.modality == "planned"


def test_sending_a_mediator_is_mediating(analyzer):
    found = events(analyzer, "Nigeria sent a former foreign minister to Niamey as mediator on Monday.")
    [mediation] = _coded(found, "045")
    assert code(mediation, "source") == "NGA" and code(mediation, "target") == "NERGOV"


def test_pushing_for_sanctions_is_an_appeal(analyzer):
    found = events(analyzer, "The Canadian foreign minister said Ottawa would push for tougher sanctions against "
                             "the Nicaraguan government.")
    [appeal] = _coded(found, "02")
    assert code(appeal, "source") == "CANGOV"


def test_protesters_burning_a_police_station_riot(analyzer):
    found = events(analyzer, "In the town of Kati, protesters burned the police station and the customs office on "
                             "Friday, a Malian official said.")
    [riot] = [e for e in found if e.event_code.startswith(("14", "17", "18"))]
    assert riot.event_code == "145" and (code(riot, "source") or "").startswith("MLI")


def test_we_will_fight_them_told_by_a_rebel_leader_is_a_threat_of_force(analyzer):
    found = events(analyzer, "In Gao, the rebel leader Bilal Ag Cherif urged Malians to join the fight against the "
                             "invaders. \"We will fight them until the last man standing,\" he told supporters at "
                             "the stadium.")
    [threat] = _coded(found, "13")
    assert threat.event_code == "138" and code(threat, "source") == "MLIREB"


def test_we_will_fight_corruption_is_no_threat(analyzer):
    found = events(analyzer, "\"We will fight corruption wherever we find it,\" Mali's prime minister told "
                             "parliament on Monday.")
    assert not _coded(found, "13")


def test_cannot_guarantee_his_safety_is_a_veiled_threat(analyzer):
    found = events(analyzer, "A spokesman for Colombia's ELN rebels said on Monday that if the governor of Arauca did "
                             "not resign, the group could not guarantee his safety.")
    [threat] = _coded(found, "13")
    assert threat.event_code == "130" and threat.modality == "threatened"


def test_an_amount_announced_in_aid_is_aid_given_to_the_capital_named(analyzer):
    found = events(analyzer, "Canada announced 5 million dollars in emergency humanitarian aid to Tegucigalpa, a "
                             "government spokesman said.")
    [aid] = _coded(found, "07")
    assert code(aid, "source") == "CAN" and code(aid, "target") == "HNDGOV"


def test_an_amount_pledged_in_aid_is_the_pledge_alone(analyzer):
    found = events(analyzer, "Japan pledged $20 million in food aid to Haiti on Monday.")
    assert [e.event_code[:2] for e in found] == ["03"]
