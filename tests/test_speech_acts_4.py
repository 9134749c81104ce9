"""Acts of states told in few words (issue 13, h79-speech4): a ban on trade, a crossing
opened, a party branded traitors, a claim dismissed as a lie, a charge of
using people as human shields. Sentences written for the project (none from a data set);
the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def _coded(found, prefix):
    return [e for e in found if e.event_code.startswith(prefix)]


def test_banning_trade_with_a_state_is_an_embargo(analyzer):
    found = events(analyzer, "Ghana banned almost all trade with Togo on Monday.")
    [embargo] = _coded(found, "16")
    assert embargo.event_code == "163" and code(embargo, "source") == "GHA" and code(embargo, "target") == "TGO"
    assert not _coded(found, "17")


def test_a_ban_on_a_march_stays_an_administrative_ban(analyzer):
    found = events(analyzer, "Police in Nairobi banned a march by opposition supporters on Monday.")
    assert not _coded(found, "16")


def test_opening_a_border_crossing_eases_a_restriction(analyzer):
    found = events(analyzer, "Jordan opened the Karameh crossing into the West Bank on Tuesday until further notice.")
    [easing] = _coded(found, "08")
    assert easing.event_code == "081" and code(easing, "source") == "JOR"


def test_opening_the_doors_of_a_stadium_eases_nothing(analyzer):
    found = events(analyzer, "Police in Lagos opened the doors of the stadium on Tuesday.")
    assert not _coded(found, "08")


def test_branding_opponents_traitors_accuses_them(analyzer):
    found = events(analyzer, "President Yoweri Museveni offered an amnesty to rebel fighters on Monday, excluding "
                             "nine commanders whom he branded traitors.")
    [charge] = _coded(found, "112")
    assert code(charge, "source") == "UGAGOV"


def test_what_a_government_calls_terrorists_is_no_new_accusation(analyzer):
    found = events(analyzer, "The junta in Niamey has refused to talk to what it calls terrorist groups.")
    assert not _coded(found, "112")


def test_a_claim_dismissed_as_a_lie_rejects_the_claimant(analyzer):
    found = events(analyzer, "The M23 rebels said Burundian troops had entered Uvira at the invitation of local "
                             "chiefs, a claim the Burundian army dismissed as a lie.")
    [rejection] = _coded(found, "12")
    assert code(rejection, "source") == "BDIMIL" and (code(rejection, "target") or "").startswith("COD")


def test_saying_the_other_side_used_people_as_human_shields_accuses_it(analyzer):
    found = events(analyzer, "The Colombian army said the guerrillas had used farmers from the valley as human "
                             "shields, a charge their families rejected.")
    [charge] = _coded(found, "112")
    assert code(charge, "source") == "COLMIL" and (code(charge, "target") or "").startswith("COL")


def test_an_accusation_of_using_human_shields_is_one_accusation(analyzer):
    found = events(analyzer, "The Colombian army accused the guerrillas of using farmers as human shields.")
    assert len(_coded(found, "112")) == 1


def test_reopening_a_border_eases_a_restriction(analyzer):
    found = events(analyzer, "Thailand reopened its border with Cambodia on Tuesday.")
    [easing] = _coded(found, "08")
    assert easing.event_code == "081" and code(easing, "source") == "THA"


def test_sending_medical_teams_is_humanitarian_aid(analyzer):
    found = events(analyzer, "The World Food Programme said it was sending water tankers and medical teams to "
                             "Bukavu by road from Kigali.")
    [aid] = _coded(found, "07")
    assert aid.event_code == "073" and not _coded(found, "010")


def test_sending_reinforcements_is_no_aid(analyzer):
    found = events(analyzer, "The Nigerian army sent reinforcements to Maiduguri on Monday.")
    assert not _coded(found, "07")
