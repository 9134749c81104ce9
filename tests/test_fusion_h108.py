"""A town's name recurs across a country's provinces: inside one story, a report that names
the province and another whose town the geocoder put in another province are not kept
apart by the distance between the two (the geocoder's pick among the town's namesakes is
the weaker evidence). Two towns, a town inside the province, and any pair outside a story
are compared as before."""
from __future__ import annotations

from typing import Any

from sitroom import fusion
from sitroom.knowledge.fusion_rules import default_knowledge

KNOWLEDGE = default_knowledge()
# The state one report names, and the town another report names, which the geocoder took
# for its namesake in a state across the country.
NORTHLAND = {"name": "Northland", "country": "USA", "admin1": "Northland", "lat": 61.0, "lon": -150.0,
             "precision": "admin1"}
MILLBROOK_EAST = {"name": "Millbrook", "country": "USA", "admin1": "Eastshire", "lat": 42.1, "lon": -72.3,
                  "precision": "city"}
MILLBROOK_NORTH = {**MILLBROOK_EAST, "admin1": "Northland", "lat": 61.6, "lon": -149.1}
# Another town of Eastshire: two towns told are two places.
ASHFORD_EAST = {"name": "Ashford", "country": "USA", "admin1": "Eastshire", "lat": 42.4, "lon": -71.1,
                "precision": "city"}
STORY = fusion.Story(0.35, KNOWLEDGE)


def _fire(doc: str, place: dict[str, Any], sentence: str) -> dict[str, Any]:
    return {"id": f"{doc}-1", "event_code": "190", "source_actor": None, "target_actor": None,
            "date": "2024-05-14", "date_precision": "day", "location": place, "modality": "asserted",
            "historical": False, "trigger": "destroyed",
            "evidence": [{"doc_id": doc, "sentence": sentence, "start": 0, "end": len(sentence)}]}


STATE_REPORT = _fire("a", NORTHLAND, "A fire on Tuesday destroyed the old Harlan creamery, a landmark of Northland "
                                     "since the 1930s, state fire officials said.")
TOWN_REPORT = _fire("b", MILLBROOK_EAST, "The historic Harlan creamery in Millbrook was destroyed by a fire early "
                                         "Tuesday, according to town officials.")


def test_inside_a_story_a_town_placed_in_another_province_is_as_good_as_unknown() -> None:
    assert fusion._place_agreement(NORTHLAND, MILLBROOK_EAST, STORY) == 0.4
    assert fusion._place_agreement(MILLBROOK_EAST, NORTHLAND, STORY) == 0.4
    match = fusion.score(STATE_REPORT, TOWN_REPORT, STORY)
    assert match.veto is None and match.passes()
    assert fusion.DIVISION_SOFTER in match.softer
    # the fused record lists the two places, which `sitroom why` shows
    record = fusion.fuse("a-1", [STATE_REPORT, TOWN_REPORT], [])
    assert [c["field"] for c in record["contradictions"]] == ["location"]


def test_outside_a_story_the_distance_still_keeps_them_apart() -> None:
    """Left alone (passes before the rule too)."""
    assert fusion._place_agreement(NORTHLAND, MILLBROOK_EAST) == 0.0
    assert fusion.score(STATE_REPORT, TOWN_REPORT).veto == "places too far apart"


def test_two_towns_and_a_town_inside_the_province_are_compared_as_before() -> None:
    # a town the geocoder put inside the named province is inside it
    assert fusion._place_agreement(NORTHLAND, MILLBROOK_NORTH, STORY) == 0.7
    assert fusion.DIVISION_SOFTER not in fusion.score(STATE_REPORT, _fire("c", MILLBROOK_NORTH, TOWN_REPORT[
        "evidence"][0]["sentence"]), STORY).softer
    # two towns far apart are two places, inside a story too
    far = _fire("d", ASHFORD_EAST, "A fire destroyed a barn in Ashford early Tuesday, town officials said.")
    assert fusion._place_agreement(NORTHLAND, NORTHLAND, STORY) == 1.0
    assert fusion.score(_fire("e", {**MILLBROOK_NORTH, "name": "Kenton"}, "A fire destroyed a barn in Kenton."),
                        far, STORY).veto == "places too far apart"
    # a province of another country is no namesake's province
    abroad = {**MILLBROOK_EAST, "country": "CAN", "admin1": "Westmark"}
    assert not fusion._division_namesake(NORTHLAND, abroad)
