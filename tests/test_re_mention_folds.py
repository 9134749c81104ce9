"""An attack told once with its doer, then again in its parts or with no doer: the parts and
the re-mentions are that attack, not events of their own (merge.py)."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, published: str = "2025-03-15") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def coded(found: list[Event], prefix: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(prefix)]


def test_unnamed_men_burning_at_a_gangs_raid_are_the_raid(analyzer):
    found = events(analyzer, "Armed gangs raided the village of Kivuye in northern Burundi on Friday, killing nine "
                             "people, the provincial governor said. Gunmen burned the market and the health centre, "
                             "he said.")
    assert coded(found, "18") or coded(found, "19"), found
    assert not coded(found, "171"), found


def test_an_army_attack_does_not_take_what_gunmen_burned(analyzer):
    # soldiers are not told as gunmen: the gunmen's arson beside an army's raid is theirs
    found = events(analyzer, "Soldiers raided the village of Kivuye in northern Burundi on Friday, killing nine "
                             "people, the provincial governor said. Gunmen burned the market and the health centre, "
                             "he said.")
    assert coded(found, "171"), found


def test_inmates_freed_in_the_course_of_an_attack_are_the_attack(analyzer):
    found = events(analyzer, "Insurgents overran the town of Kaya in Burkina Faso on Monday and freed 300 inmates "
                             "from its prison, officials said.")
    assert coded(found, "19"), found
    assert not coded(found, "08"), found


def test_damage_and_leaving_told_later_by_the_attackers_are_the_attack(analyzer):
    found = events(analyzer, "Separatist fighters attacked a village near Bamenda in Cameroon on Sunday, killing six "
                             "people, officials said.\n\nThe regional governor condemned the attack on Monday and "
                             "promised that the army would hunt down those responsible.\n\nA priest in the village "
                             "said the attackers had burned twenty houses before fleeing into the forest.")
    assert coded(found, "18") or coded(found, "19"), found
    assert not coded(found, "17"), found
    assert not coded(found, "08"), found


def test_the_attackers_on_another_day_are_another_act(analyzer):
    # the attackers of Sunday's raid burned a school on Thursday: told by its own day, news
    found = events(analyzer, "Separatist fighters attacked a village near Bamenda in Cameroon on Sunday, killing six "
                             "people, officials said.\n\nThe regional governor condemned the attack on Monday.\n\n"
                             "A priest said the attackers had come back on Thursday and burned the village school.")
    assert coded(found, "171"), found


def test_a_named_force_forced_to_retreat_yields_ground(analyzer):
    # the retreat of a named side is news of its own, not part of its fighting
    found = events(analyzer, "Rebel fighters attacked an army base near Mweso on Tuesday and killed 12 soldiers, but "
                             "were later forced to retreat under artillery fire.")
    assert coded(found, "0874"), found


def test_a_blast_named_again_to_tell_the_time_is_the_strike(analyzer):
    found = events(analyzer, "An army drone struck a bus near the town of Kadugli in Sudan on Thursday, killing at "
                             "least nine passengers, residents said.\n\n\"We carried the wounded out with our hands,\" "
                             "said a herder who reached the road minutes after the blast.")
    violent = [e for e in found if e.event_code[:2] in ("18", "19", "20")]
    assert [e.event_code for e in violent] == ["195"], violent


def test_the_first_explosions_of_a_shelling_are_the_shelling(analyzer):
    found = events(analyzer, "Rebels shelled a stadium in the town of Beni in Congo on Saturday, killing seven "
                             "spectators, the mayor said.\n\nWitnesses said the first explosions came minutes after "
                             "the governor began his speech.")
    violent = [e for e in found if e.event_code[:2] in ("18", "19", "20")]
    assert [e.event_code for e in violent] == ["194"], violent


def test_an_explosion_with_a_day_and_a_toll_of_its_own_stays(analyzer):
    found = events(analyzer, "Rebels shelled a stadium in the town of Beni in Congo on Saturday, killing seven "
                             "spectators, the mayor said.\n\nOn Monday, the explosion at a fuel depot in Butembo "
                             "killed four workers, police said.")
    assert coded(found, "183"), found


def test_a_partys_account_given_with_its_claim_is_of_the_acts_day(analyzer):
    # "claimed the assault on Monday, saying its fighters had taken the camp": the taking is
    # Sunday's, at the army, by the group's word (an event of its own: a party's claim)
    found = events(analyzer, "Jihadist fighters stormed an army camp in the town of Djibo in northern Burkina Faso "
                             "on Sunday, killing more than 40 soldiers according to local sources.\n\nThe Group for "
                             "the Support of Islam and Muslims claimed the assault on Monday in a statement released "
                             "by its media arm, saying its fighters had taken control of the camp and seized weapons.",
                   published="2025-03-12")
    [account] = [e for e in found if e.event_code[:2] == "19" and e.modality == "claimed"]
    assert account.date == "2025-03-09"
    assert account.target_actor is not None and account.target_actor.code == "BFAMIL"


def test_explosions_after_a_series_of_attacks_are_not_the_series(analyzer):
    # a summary of many acts is no single act for "the explosions" to name
    found = events(analyzer, "Long after a series of attacks was begun by militants against several villages of the "
                             "valley, the explosions could still be heard.")
    assert coded(found, "183"), found
