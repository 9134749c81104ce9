"""Both sides' accounts of one fight, and a side's claims of its results (issue 13): a
defender's account of an attack told before is of that attack's day, and a side's kills of
the other side's soldiers are fighting, not an assault. One rule of English or of news
writing per test, on sentences written for the project (none from a data set); the whole
pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Event

from violence import actor_code, violent_events

pytestmark = pytest.mark.slow

code = actor_code


def violent(analyzer: Analyzer, text: str, published: str = "2026-03-10") -> list[Event]:
    return [e for e in violent_events(analyzer, text, published=published) if not e.historical]


@pytest.mark.parametrize("text", [
    "The defence ministry said in Baku that Azerbaijani units had killed more than 300 Armenian soldiers in two days.",
    "Armenia said its units had withdrawn from the ridge in good order after killing more than 400 Azerbaijani "
    "soldiers.",
])
def test_a_state_killing_the_other_sides_soldiers_fights_them(analyzer, text):
    [kills] = [e for e in violent(analyzer, text) if code(e, "target")]
    assert kills.event_code.startswith("19")
    assert code(kills, "target").endswith("MIL")
    # a state's killing of people who bear no arms stays an assault on them
    [killing] = violent(analyzer, "Azerbaijan said Armenian units had killed four villagers near the ridge.")
    assert killing.event_code.startswith("18")


def test_a_blow_struck_back_in_a_sentence_of_its_own_is_another_fight(analyzer):
    attack, strike = violent(analyzer, "Al-Shabaab fighters attacked an army base near Jowhar on Friday. The army said "
                                       "its aircraft had struck the attackers as they withdrew, killing 30 fighters.")
    assert code(attack, "source").endswith("INS") and code(strike, "source").endswith("MIL")


ATTACK = ("Jihadist fighters stormed an army post near Tillaberi in western Niger on Sunday, killing nine soldiers, "
          "local officials said. ")


def test_a_repelled_attack_told_before_dates_the_defenders_account(analyzer):
    attack, account = violent(analyzer, ATTACK + "The defence ministry said on Tuesday that the army had repelled the "
                                                 "attack and killed 20 of the assailants.")
    # the defender's account is of Sunday's fight, not of the day it was told, and its foe
    # is the attackers told before
    assert account.date == attack.date == "2026-03-08"
    assert code(account, "source").endswith("MIL") and code(account, "target") == code(attack, "source")
    # an attack repelled elsewhere is another fight, dated as told
    _, elsewhere = violent(analyzer, ATTACK + "The army said on Tuesday that its troops had repelled an attack on a "
                                              "post near Dosso.")
    assert elsewhere.date == "2026-03-10"


def test_an_earlier_attack_that_names_the_foe_is_another_fight(analyzer):
    # the columns' attack is told in a relative clause to say which columns were fired on:
    # an act of its own, not the helicopters' fight told again
    fights = violent(analyzer, "ARMY HELICOPTERS FIRED ROCKETS AT THE GUERRILLA COLUMNS THAT HAD ATTACKED AN ARMY "
                               "POST NEAR USULUTAN.", published="1990-03-10")
    assert sorted(code(e, "source")[-3:] for e in fights) == ["MIL", "REB"]
