"""Doers told in another sentence (coding/corefer.py): an act reported with no named doer
takes the side a later re-mention of it ("the attack", "the bombing") is claimed by, blamed
on or said to be carried out by; a denial names no one, and two sides named leave no guess.
Sentences of our own, whole pipeline."""
from __future__ import annotations

from violence import actor_code, violent_events

PUBLISHED = "2025-05-15"


def news(analyzer, text):
    return [e for e in violent_events(analyzer, text, PUBLISHED) if not e.historical]


def test_a_claim_dated_by_its_own_clause_names_the_doer_of_the_act_told_before(analyzer):
    # the claim's "on Wednesday" is the claim's day: the bombing stays Tuesday's, and is the
    # group's
    text = ("A bomb went off near a bus terminal in Jolo on Tuesday, killing three passengers. "
            "Abu Sayyaf claimed responsibility for the attack on Wednesday.")
    [event] = news(analyzer, text)
    assert actor_code(event) == "PHLINS"
    assert event.date == "2025-05-13"


def test_blame_of_an_act_of_unnamed_gunmen_names_them(analyzer):
    text = ("Gunmen opened fire on a crowded market in Arauca on Sunday, killing five traders. "
            "The army blamed the attack on the National Liberation Army.")
    # one event, the group's: not the gunmen's beside the group's
    assert [actor_code(e) for e in news(analyzer, text)] == ["COLREB"]


def test_an_act_said_carried_out_by_a_group_is_the_group_s(analyzer):
    text = ("Gunmen ambushed a police truck outside Cotabato on Monday, wounding six officers. "
            "The ambush was carried out by Abu Sayyaf, and two suspects were being questioned.")
    assert {actor_code(e) for e in news(analyzer, text)} == {"PHLINS"}


def test_a_group_blamed_for_the_act_is_its_doer(analyzer):
    text = ("Gunmen ambushed a police truck outside Cotabato on Monday, wounding six officers. "
            "Abu Sayyaf was blamed for the ambush.")
    assert [(actor_code(e), e.date) for e in news(analyzer, text)] == [("PHLINS", "2025-05-12")]


def test_a_denial_names_no_doer(analyzer):
    text = ("A bomb went off near a bus terminal in Jolo on Tuesday, killing three passengers. "
            "Abu Sayyaf denied any role in the attack.")
    assert [actor_code(e) for e in news(analyzer, text)] == [None]
