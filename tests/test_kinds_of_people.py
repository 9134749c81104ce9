"""A relative clause on a noun of any of its kind ("all groups that renounced violence")
says which people are meant, not that anyone did it (trigger_filters.describes_any)."""
from __future__ import annotations

from coded import events


def test_talks_with_all_parties_that_rejected_violence_is_no_rejection(analyzer):
    found = events(analyzer, "The interior minister said the government would talk to all armed groups "
                             "that rejected violence.", "2003-05-20")
    assert not [e for e in found if e.event_code.startswith("12")], found


def test_any_group_that_attacks_civilians_is_no_attack(analyzer):
    found = events(analyzer, "The governor said any militia that attacked villagers would be hunted down.",
                   "2016-09-02")
    assert not [e for e in found if e.event_code[:2] in ("18", "19")], found


def test_a_named_group_that_attacked_a_town_attacked_it(analyzer):
    found = events(analyzer, "The rebels, who attacked the town of Kaga Bandoro on Monday, withdrew on "
                             "Tuesday, the army said.", "2016-10-14")
    assert [e for e in found if e.event_code[:2] in ("18", "19")], found
