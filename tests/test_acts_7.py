"""Acts the lexicon missed (issue 13, h97-acts7): a vessel taken by pirates, captives led
away, people herded into a building, a foe vowed to be driven out, arms kept, aid due to
arrive by ship.
Sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def _coded(found, prefix):
    return [e for e in found if e.event_code.startswith(prefix)]


def test_pirates_seizing_a_tanker_hijack_it(analyzer):
    found = events(analyzer, "Pirates seized a Liberian-flagged chemical tanker off the coast of Oman on Thursday, "
                             "the navy said.")
    [hijack] = _coded(found, "18")
    assert hijack.event_code == "181"
    assert not _coded(found, "17")


def test_customs_officers_seizing_a_ship_seize_property(analyzer):
    found = events(analyzer, "Customs officers seized a cargo ship carrying two tonnes of cocaine in the port of "
                             "Santos on Thursday.")
    assert not _coded(found, "18")


def test_gunmen_fleeing_with_workers_take_them_hostage(analyzer):
    found = events(analyzer, "The gunmen escaped into the forest on Tuesday, taking three Filipino engineers with "
                             "them, police said.")
    [taken] = _coded(found, "18")
    assert taken.event_code == "181"


def test_a_president_travelling_with_a_minister_takes_no_hostage(analyzer):
    found = events(analyzer, "President Macky Sall flew to Paris on Thursday, taking his finance minister with him.")
    assert not _coded(found, "18")


def test_guerrillas_herding_villagers_into_a_school_hold_them(analyzer):
    found = events(analyzer, "Guerrillas stormed the village of Kalima on Wednesday and herded the teachers and "
                             "nurses into the school.")
    assert [e.event_code for e in _coded(found, "18")] == ["181"]


def test_police_herding_protesters_onto_buses_take_no_hostage(analyzer):
    found = events(analyzer, "Riot police herded the protesters onto buses on Wednesday.")
    assert not _coded(found, "18")


def test_a_spokesman_vowing_insurgents_will_be_driven_out_threatens_force(analyzer):
    found = events(analyzer, "Army spokesman Sani Usman said troops were massing near the town and vowed that the "
                             "insurgents would be driven out of Gwoza.")
    [threat] = _coded(found, "13")
    assert threat.event_code == "138" and code(threat, "source") in ("NGAMIL", "MIL")
    assert code(threat, "target") in ("NGAINS", "NGAREB", "INS", "REB")


def test_a_governor_saying_farmers_will_be_driven_out_threatens_no_one(analyzer):
    found = events(analyzer, "The governor of Borno said thousands of farmers would be driven out of their villages "
                             "by the floods.")
    assert not _coded(found, "13")


def test_a_militia_saying_it_will_keep_its_weapons_until_the_governor_goes_threatens(analyzer):
    # refusing to yield (124), told as what one will do on terms, is a threat (130) at the side the terms name
    found = events(analyzer, "Rebel commanders in Kismayo said on Monday that they would keep their weapons "
                             "until the governor resigned.")
    [threat] = [e for e in found if e.event_code[:2] in ("12", "13")]
    assert threat.event_code in ("124", "130") and code(threat, "source") in ("SOMREB", "REB")
    assert (code(threat, "target") or "").endswith("GOV")


def test_soldiers_keeping_weapons_in_a_depot_refuse_nothing(analyzer):
    found = events(analyzer, "The soldiers kept their weapons in a depot outside the town, a report said.")
    assert not _coded(found, "12") and not _coded(found, "13")


def test_a_deal_that_will_not_make_rebels_disarm_is_refused(analyzer):
    found = events(analyzer, "The rebels in the north said the agreement signed in Bamako would not make them lay "
                             "down their arms.")
    [refusal] = _coded(found, "12")
    assert code(refusal, "source") in ("MLIREB", "REB")
    assert not _coded(found, "01")


def test_a_ship_due_to_dock_with_food_is_planned_aid(analyzer):
    found = events(analyzer, "A ship chartered by UNICEF is due to dock in Hodeidah on Friday with medicine and "
                             "fuel for the city.")
    [aid] = [e for e in found if e.event_code[:2] in ("03", "07")]
    assert code(aid, "source").startswith("IGO") and code(aid, "target") == "YEM"
    assert aid.modality == "planned"


def test_a_promise_made_in_the_call_is_made_to_whom_was_called(analyzer):
    found = events(analyzer, "President Ashraf Ghani spoke by telephone with the Taliban leader on Thursday. In the "
                             "conversation, broadcast on state television, Ghani promised that Kabul would send a "
                             "delegation to Doha for peace talks.", published="2014-05-20")
    [call] = [e for e in found if e.event_code == "041"]
    [promise] = _coded(found, "03")
    assert code(promise, "source") == "AFGGOV" and code(promise, "target") == code(call, "target") == "AFGINS"


def test_a_promise_made_in_a_statement_after_a_meeting_is_made_to_no_one(analyzer):
    found = events(analyzer, "President Ashraf Ghani met Pakistan's army chief on Thursday. In a statement, Ghani "
                             "promised that Kabul would send a delegation to Doha.", published="2014-05-20")
    [promise] = _coded(found, "03")
    assert code(promise, "target") is None
