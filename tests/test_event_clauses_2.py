"""Acts told in clauses and phrases around the sentence's news: a gerund in a span of time
("a day after storming the compound") is done by the clause's subject on the day the span
counts back to (syntax._spanned_verb, when.days_apart, when.attach); a way fought "room by
room" is still the way the subject makes, no opponent and no thing fought (syntax.way_made)."""
from __future__ import annotations

from coded import code, events


def _force(found):
    return [e for e in found if e.event_code.startswith("19")]


def test_a_gerund_a_day_after_is_the_subject_s_act_on_the_day_before(analyzer):
    found = events(analyzer, "DHAKA, March 6 (Wire) - Bangladeshi soldiers cleared the last gunmen from a hostel "
                             "in Sylhet on Thursday, a day after storming the compound.", "2026-03-06")
    stormed = [e for e in _force(found) if e.date == "2026-03-04"]
    assert stormed and code(stormed[0], "source") == "BGDMIL", found


def test_a_gerund_hours_before_a_clause_is_its_subject_s_act(analyzer):
    found = events(analyzer, "LIMA, June 3 - Peruvian troops shelled a rebel camp near Ayacucho on Monday, two days "
                             "after attacking a guerrilla column in the valley.", "1991-06-05")
    attacked = [e for e in _force(found) if e.date == "1991-06-01"]
    assert attacked and code(attacked[0], "source") == "PERMIL", found


def test_a_way_fought_room_by_room_is_no_fight_with_the_fighters_themselves(analyzer):
    found = events(analyzer, "KANO, Nigeria, May 9 - Nigerian soldiers fought their way room by room through a "
                             "college hostel on Saturday.", "2019-05-12")
    fights = [e for e in _force(found) if e.date == "2019-05-11"]
    assert fights and code(fights[0], "source") == "NGAMIL" and code(fights[0], "target") is None, found


def test_a_way_fought_house_by_house_is_no_fight_against_a_thing(analyzer):
    found = events(analyzer, "MAIDUGURI, Nigeria, May 9 - Nigerian commandos fought their way house by house "
                             "through the village on Saturday.", "2019-05-12")
    fights = [e for e in _force(found) if e.date == "2019-05-11"]
    assert fights and (code(fights[0], "source") or "").startswith("NGA"), found


def test_a_building_seized_with_hostages_told_next_is_a_hostage_taking(analyzer):
    found = events(analyzer, "LIMA, March 6 - The rebels, among them women carrying grenades, seized the hotel "
                             "during a wedding late on Wednesday and demanded that Peru free their leader. They "
                             "threatened to kill the hostages.", "1997-03-06")
    taken = [e for e in found if e.event_code == "181"]
    assert taken and code(taken[0], "source") == "PERREB" and code(taken[0], "target") == "PERCVL", found
    assert not any(e.event_code == "171" for e in found), found


def test_a_bank_seized_and_its_customers_held_hostage_is_one_hostage_taking(analyzer):
    found = events(analyzer, "QUITO, May 2 - Gunmen seized a bank in central Quito on Thursday and held 40 "
                             "customers hostage.", "2003-05-02")
    assert [e.event_code for e in found if e.event_code.startswith("1")] == ["181"], found


def test_a_seizure_with_no_hostages_told_stays_a_seizure(analyzer):
    found = events(analyzer, "QUITO, May 2 - Rebels seized a warehouse of the electricity company on Thursday. "
                             "The government said it would not negotiate.", "2003-05-02")
    assert not any(e.event_code == "181" for e in found), found
