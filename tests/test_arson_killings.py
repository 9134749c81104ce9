"""A fire that killed people is an assault on them (18), with its toll; a fire that only
burned property stays 171; a fire joined to an attack gives its toll to the attack
(coder: PROPERTY_DESTROYED with a toll; trigger_filters._folded; numbers._harms_its_object)."""
from __future__ import annotations

from coded import events


def by_root(found, root):
    return [e for e in found if e.event_code.startswith(root)]


def test_a_fire_that_burned_people_to_death_is_an_assault(analyzer):
    found = events(analyzer, "Militiamen set fire to a mosque outside Jos on Friday, burning to death at "
                             "least 22 worshippers, police said.", "2010-03-08")
    assaults = by_root(found, "18")
    assert assaults and assaults[0].fatalities.killed == 22, found
    assert not by_root(found, "171"), found


def test_a_bus_torched_with_its_passengers_is_an_assault(analyzer):
    found = events(analyzer, "Gunmen torched a minibus near the town of Garissa on Monday, killing seven "
                             "passengers, officials said.", "2015-06-09")
    assaults = by_root(found, "18")
    assert assaults and assaults[0].fatalities.killed == 7, found


def test_a_fire_with_no_dead_stays_property_destroyed(analyzer):
    found = events(analyzer, "Soldiers set fire to dozens of huts in the village of Mabanga on Sunday, "
                             "residents said.", "2014-02-11")
    assert by_root(found, "171") and not by_root(found, "18"), found


def test_people_sheltering_where_the_fire_was_set_are_not_its_dead(analyzer):
    # the parse hangs "burning" on the relative clause of the shelter: the sheltering crowd
    # is the participle's subject, not its victims
    found = events(analyzer, "A mob set fire to a school near Kisumu on Wednesday in which hundreds of "
                             "families had sheltered, burning to death at least 14 people, police said.",
                   "2008-01-31")
    killed = [e.fatalities.killed for e in found if e.fatalities is not None and e.fatalities.killed]
    assert killed == [14], found


def test_a_fire_joined_to_a_shelling_leaves_it_the_toll(analyzer):
    found = events(analyzer, "Army units shelled the village of Kadugli on Tuesday and burned scores of "
                             "houses, killing at least 16 people, residents said.", "2011-06-09")
    shelling = by_root(found, "194")
    assert shelling and shelling[0].fatalities.killed == 16, found
    assert not by_root(found, "18"), found


def test_a_fire_and_a_killing_told_as_two_verbs_stay_two_acts(analyzer):
    found = events(analyzer, "Bandits set fire to a granary at dawn on Thursday and killed farmers who "
                             "had stayed behind in the village, a local official said.", "2019-04-13")
    assert by_root(found, "1823"), found
