"""A state's forces taking captives from their holders fight the holders (19); a release
(0841) is the holder's own act (rules.rescue, rules.captor)."""
from __future__ import annotations

from coded import code, events


def by_root(found, root):
    return [e for e in found if e.event_code.startswith(root)]


def test_special_forces_rescuing_hostages_use_force(analyzer):
    found = events(analyzer, "Colombian special forces rescued three kidnapped oil workers in the "
                             "jungle of Arauca on Sunday, the defence ministry said.", "2012-04-16")
    assert by_root(found, "19") and not by_root(found, "084"), found


def test_troops_freeing_captives_fight_their_captors(analyzer):
    found = events(analyzer, "Malian troops freed 14 villagers held by jihadists in a raid near "
                             "Mopti on Friday, the army said.", "2021-03-13")
    fights = by_root(found, "19")
    assert fights and code(fights[0], "target") in ("MLIINS", "MLIREB", "MLIRAD"), fights


def test_passengers_freed_after_a_standoff_are_rescued(analyzer):
    found = events(analyzer, "Indian special forces freed 120 passengers on Thursday after a ten-hour "
                             "standoff with hijackers at Amritsar airport.", "1993-04-25")
    assert by_root(found, "19"), found


def test_a_state_freeing_its_own_prisoners_releases_them(analyzer):
    found = events(analyzer, "The Ethiopian army freed 300 prisoners under an amnesty on Thursday.",
                   "2018-06-08")
    assert by_root(found, "0841") and not by_root(found, "19"), found


def test_kidnappers_releasing_hostages_release_them(analyzer):
    found = events(analyzer, "The kidnappers released two Norwegian aid workers near Dadaab on "
                             "Monday after talks with elders.", "2012-07-03")
    assert by_root(found, "0841"), found


def test_a_rescue_from_rubble_is_no_event(analyzer):
    found = events(analyzer, "Firefighters rescued 12 people from the rubble of the collapsed "
                             "building in Izmir on Saturday.", "2020-11-01")
    assert not found, found
