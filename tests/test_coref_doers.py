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


def test_a_crime_claimed_by_a_group_is_the_last_act_s(analyzer):
    # "the crime" is no trigger: it re-names the shooting told before it
    text = ("Two engineers of a mining company were shot dead near Catbalogan on Thursday night. "
            "The New People's Army claimed responsibility for the crime in leaflets left at the scene.")
    assert [actor_code(e) for e in news(analyzer, text)] == ["PHLREB"]


def test_an_act_carried_out_by_a_group_is_the_last_act_s(analyzer):
    text = ("A bomb exploded at the offices of a radio station in Tacloban on Friday. "
            "This act, carried out by the New People's Army, drew protests from journalists.")
    assert [actor_code(e) for e in news(analyzer, text)] == ["PHLREB"]


def test_a_deed_no_one_claims_or_one_only_could_have_done_names_no_doer(analyzer):
    for second in ("No group has claimed responsibility for the act.",
                   "The minister said the New People's Army could be responsible for the crime."):
        text = f"A bomb exploded at the offices of a radio station in Tacloban on Friday. {second}"
        assert [actor_code(e) for e in news(analyzer, text)] == [None]


def test_a_deed_laid_on_a_side_names_no_one_for_an_act_that_has_a_doer(analyzer):
    # the act told last is the rebels' own: "the crime" names it, not the bombing before
    text = ("A bomb exploded at a bus depot in Legazpi on Monday. "
            "Guerrillas of the New People's Army ambushed a patrol of soldiers near Borongan on Wednesday. "
            "The government blamed the crime on drug traffickers.")
    codes = {e.event_code[:3]: actor_code(e) for e in news(analyzer, text)}
    assert codes.get("183") is None


def test_the_deeds_file_is_checked(tmp_path):
    from sitroom.coding.corefer import load_deeds
    from sitroom.errors import KnowledgeError

    path = tmp_path / "deeds.tsv"
    path.write_text("word\ncrime\nTerrorist Act\n", encoding="utf-8")
    try:
        load_deeds(path)
    except KnowledgeError as exc:
        assert "line 3" in str(exc) or "3" in str(exc)
    else:
        raise AssertionError("a capitalised phrase was accepted")
    assert "crime" in load_deeds()


def test_a_side_said_to_be_behind_the_attack_is_its_doer(analyzer):
    # told by others, or by the side itself ("it", "they": the speaker)
    for second in ("Officials said Abu Sayyaf was behind the attack.",
                   "Abu Sayyaf said it was behind the attack."):
        text = f"A bomb went off near a bus terminal in Jolo on Tuesday, killing three passengers. {second}"
        assert [actor_code(e) for e in news(analyzer, text)] == ["PHLINS"], second


def test_a_side_that_denies_being_behind_the_attack_is_not_its_doer(analyzer):
    text = ("A bomb went off near a bus terminal in Jolo on Tuesday, killing three passengers. "
            "Abu Sayyaf denied it was behind the attack.")
    assert [actor_code(e) for e in news(analyzer, text)] == [None]


def test_a_side_that_says_it_is_not_responsible_is_not_the_doer(analyzer):
    text = ("Gunmen abducted a rice trader outside Zamboanga on Monday. "
            "Abu Sayyaf told a radio station that it was not responsible for the trader's kidnapping.")
    monday = [actor_code(e) for e in news(analyzer, text) if e.date == "2025-05-12"]
    assert monday == ["UAF"]


def test_a_private_person_possessing_an_act_of_violence_is_the_one_it_befell(analyzer):
    # "the trader's kidnapping": the trader was kidnapped, he kidnapped no one; "the militia's
    # raid" is still the militia's
    text = ("Gunmen abducted a rice trader outside Zamboanga on Monday. "
            "Abu Sayyaf said it was not involved in the trader's kidnapping.")
    assert "PHLCVL" not in [actor_code(e) for e in news(analyzer, text)]
    text = "The militia's raid on the market killed four people in Zamboanga on Monday."
    assert [(actor_code(e) or "")[-3:] for e in news(analyzer, text)] == ["MIL"]
