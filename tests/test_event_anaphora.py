"""An act named again ("the strike", "the missile", "the fighting") and its toll
(coding/anaphora.py, coding/merge.py): an act an article tells twice is one event,
with the doer and the day of the act; two acts stay two. Sentences of our own, whole
pipeline."""
from __future__ import annotations

from violence import actor_code, violent_events


def news(analyzer, text, published):
    return [e for e in violent_events(analyzer, text, published) if not e.historical]


def test_the_strike_named_again_with_its_day_is_the_strike_condemned(analyzer):
    # Wednesday is the condemnation's day; the strike is Monday night's, and the same strike
    text = ("Somalia's president on Thursday condemned a US drone strike in the Lower Shabelle region "
            "that local elders said killed four farmers. The strike hit a farmhouse near the town of "
            "Afgoye on Tuesday night, a district commissioner said.")
    [event] = news(analyzer, text, "2025-05-15")
    assert actor_code(event) == "USAMIL"
    assert event.date == "2025-05-13"


def test_the_toll_of_the_weapon_named_again_goes_to_its_strike(analyzer):
    # "the drone" is the drone strike, not the shooting told between them
    text = ("A drone strike levelled a market in the city of El Obeid on Sunday. Separately, gunmen "
            "shot dead two herders near the town of Bara. At least 12 people were killed when the "
            "drone hit the crowded market shortly before noon, the state health ministry said.")
    events = news(analyzer, text, "2025-05-18")
    shooting = next(e for e in events if actor_code(e) == "UAF")
    strike = next(e for e in events if e is not shooting)
    assert len(events) == 2
    assert len(shooting.evidence) == 1
    assert any("when the drone hit" in e.sentence for e in strike.evidence)


def test_the_dead_of_both_sides_in_the_fighting_are_the_storming_s_toll(analyzer):
    # "nine soldiers and 23 militants were killed": read as each side's act on the other, the
    # army's reading is no second event beside the storming
    text = ("Hundreds of al-Shabaab fighters stormed an army base near the town of Jowhar late on "
            "Tuesday, sparking a battle that lasted until dawn. Nine soldiers and 23 militants were killed "
            "in the fighting, an army officer said.")
    assert [(actor_code(e), actor_code(e, "target")) for e in news(analyzer, text, "2025-05-15")] == [
        ("SOMINS", "SOMMIL")]
