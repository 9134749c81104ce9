"""Actors taken from the wrong part of a sentence (issue 13, h105): the subject of a clause a
conjunction subordinates ("If the army attacks, ..."), the reported subject of a clause that
only tells how things stand, before the reporter's "and urged ...", and a country's
possessive before a body named by more than one noun ("India's external affairs ministry"),
and "his" after a person told in the passive ("a peacekeeper was killed when ... his post").
Sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def _by_code(found, root):
    return [e for e in found if e.event_code.startswith(root)]


def test_the_subject_of_an_if_clause_does_not_do_what_the_main_clause_says(analyzer):
    found = events(analyzer, '"If the army attacks the town, we will kill all the prisoners," a rebel spokesman '
                             'told reporters on Monday.')
    assert not any(code(e, "source") == "MIL" for e in found)


def test_a_subject_before_the_verb_with_an_aside_is_still_the_doer(analyzer):
    found = events(analyzer, "On Wednesday, the Islamist group Ansar al-Din and allied factions, some backed by "
                             "Algeria, launched an offensive against government forces.")
    [attack] = _by_code(found, "19")
    assert code(attack, "source") == "MLIINS"


def test_a_reporter_who_says_how_things_stand_goes_on_to_urge(analyzer):
    found = events(analyzer, "A Kenyan foreign ministry spokesman said Somalia had genuine security concerns and "
                             "urged Ethiopia to withdraw its troops.")
    [appeal] = _by_code(found, "02")
    assert code(appeal, "source") == "KENGOV" and code(appeal, "target") == "ETH"


def test_a_reporter_who_says_a_state_has_no_right_goes_on_to_accuse(analyzer):
    found = events(analyzer, "The Turkish foreign minister said Greece had no right to the islands and accused "
                             "Athens of provocation.")
    [accusation] = _by_code(found, "11")
    assert code(accusation, "source") == "TURGOV"


def test_a_state_said_to_be_ready_is_who_sends_the_delegation(analyzer):
    found = events(analyzer, "A Kenyan spokesman said Somalia was ready for talks and sent a delegation to Nairobi.")
    [visit] = _by_code(found, "04")
    assert code(visit, "source") == "SOM"


STORY = ("Pakistan's army said on Monday it had killed ten militants in Baluchistan. Pakistan's prime minister "
         "visited Quetta. Pakistan's foreign office accused India of backing the militants; ")


def test_a_countrys_body_named_by_two_nouns_is_that_countrys(analyzer):
    found = events(analyzer, STORY + "India's external affairs ministry said it rejects the allegations.")
    [rejection] = _by_code(found, "12")
    assert code(rejection, "source") == "INDGOV"


def test_a_countrys_body_named_by_one_noun_stays_that_countrys(analyzer):
    found = events(analyzer, STORY + "India's foreign ministry said it rejects the allegations.")
    [rejection] = _by_code(found, "12")
    assert code(rejection, "source") == "INDGOV"


def test_his_after_a_person_killed_in_the_passive_is_that_person(analyzer):
    found = events(analyzer, "Croatian President Franjo Tudjman spoke on state television on Thursday. A Danish "
                             "peacekeeper was killed on Friday when a Croatian tank fired on his observation post.")
    [attack] = _by_code(found, "19")
    assert code(attack, "source") == "HRVMIL" and code(attack, "target") == "DNKCVL"


def test_his_after_a_journalist_shot_in_the_passive_is_the_journalist(analyzer):
    found = events(analyzer, "Kenyan President William Ruto spoke in Nairobi on Monday. A local journalist was shot "
                             "dead on Tuesday when gunmen stormed his house in Mombasa, police said.")
    [raid] = _by_code(found, "18")
    assert code(raid, "target") == "KENMED"


def test_a_person_named_as_an_object_keeps_the_storming_of_his_house(analyzer):
    found = events(analyzer, "Kenyan President William Ruto spoke in Nairobi on Monday. Gunmen stormed the house of "
                             "a local journalist in Mombasa on Tuesday and shot his wife, police said.")
    [raid] = _by_code(found, "180")
    assert code(raid, "target") == "KENMED"


def test_residents_who_say_gunmen_had_rifles_leave_the_demand_to_the_gunmen(analyzer):
    found = events(analyzer, "Villagers said the bandits had guns and demanded cattle from the herders.")
    assert all(code(e, "source") != "CVL" for e in _by_code(found, "10"))
