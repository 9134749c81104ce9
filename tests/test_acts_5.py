"""Acts the lexicon missed (issue 13, h86-acts5): a place ringed with troops, a visitor
received, someone a side will not hand over, dismay at an act.
Sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def _coded(found, prefix):
    return [e for e in found if e.event_code.startswith(prefix)]


def test_troops_ringing_an_embassy_show_force(analyzer):
    found = events(analyzer, "Nigerian troops ringed the Chadian embassy in Abuja with armoured vehicles on "
                             "Tuesday, witnesses said.")
    [show] = _coded(found, "15")
    assert show.event_code == "150" and code(show, "source") == "NGAMIL"
    assert (code(show, "target") or "").startswith("TCD")
    assert not _coded(found, "19") and not _coded(found, "18")


def test_police_surrounding_a_house_before_an_arrest_show_no_force(analyzer):
    found = events(analyzer, "Police surrounded the house where the suspects were hiding and arrested three men "
                             "on Tuesday.")
    assert not _coded(found, "15")


def test_gunmen_surrounding_a_church_show_no_state_force(analyzer):
    found = events(analyzer, "About 20 gunmen surrounded a church in the village on Sunday and opened fire on "
                             "worshippers, police said.")
    assert not _coded(found, "15")


def test_a_president_receiving_a_visitor_at_the_airport_hosts_a_visit(analyzer):
    found = events(analyzer, "President Alberto Fernandez received Evo Morales at the airport in Buenos Aires "
                             "on Tuesday.")
    [host] = _coded(found, "04")
    assert host.event_code == "043" and code(host, "source") == "ARGGOV" and code(host, "target") == "BOLGOV"


def test_a_hospital_receiving_wounded_hosts_no_one(analyzer):
    found = events(analyzer, "The main hospital in Goma said it had received more than 80 wounded since Sunday.")
    assert not _coded(found, "04")


def test_saying_one_will_not_hand_someone_over_refuses(analyzer):
    found = events(analyzer, "The Chilean ambassador told reporters that the embassy would not hand the former "
                             "minister over to Peruvian police.")
    [refusal] = _coded(found, "12")
    assert refusal.event_code == "120" and code(refusal, "source") == "CHLGOV"
    assert (code(refusal, "target") or "").startswith("PER")


def test_saying_one_was_appalled_by_a_killing_disapproves_of_it(analyzer):
    found = events(analyzer, "German Chancellor Angela Merkel said she was appalled by the killing of unarmed "
                             "demonstrators in Myanmar.")
    [disapproval] = _coded(found, "11")
    assert disapproval.event_code == "111" and code(disapproval, "source") == "DEUGOV"


def test_villagers_horrified_by_a_blast_disapprove_of_no_party(analyzer):
    found = events(analyzer, "Villagers in Kunduz said they were horrified by the blast.")
    assert not _coded(found, "11")


def test_a_minister_appalled_by_a_report_condemns_no_act(analyzer):
    found = events(analyzer, "The Dutch foreign minister said she was appalled by the report on prison conditions.")
    assert not _coded(found, "11")
