"""Places in fusion: a country holds the places placed in it, and no sea or strait that the
geocoder placed in no country (waters off several coasts, named by outlets of any nation)."""
from __future__ import annotations

from typing import Any

from sitroom import fusion
from sitroom.knowledge.fusion_rules import default_knowledge

KNOWLEDGE = default_knowledge()
NORWAY = {"name": "Norway", "country": "NOR", "admin1": None, "lat": 61.0, "lon": 8.0, "precision": "country"}
BERGEN = {"name": "Bergen", "country": "NOR", "admin1": "Vestland", "lat": 60.39, "lon": 5.32, "precision": "city"}
NORTH_SEA = {"name": "North Sea", "country": None, "admin1": None, "lat": 56.0, "lon": 3.0, "precision": "region"}


def _boarding(doc: str, place: dict[str, Any], sentence: str) -> dict[str, Any]:
    return {"id": f"{doc}-1", "event_code": "171", "source_actor": {"code": "NORMIL", "name": "coast guard",
                                                                    "country": "NOR"},
            "target_actor": None, "date": None, "date_precision": "day", "location": place, "modality": "asserted",
            "historical": False, "trigger": "seized",
            "evidence": [{"doc_id": doc, "sentence": sentence, "start": 0, "end": len(sentence)}]}


def test_a_country_holds_its_own_towns_but_not_a_sea_placed_in_no_country() -> None:
    assert fusion._place_agreement(NORWAY, BERGEN) == 0.7
    # "a Norwegian patrol boat" gave one report its country; the other names the sea
    assert fusion._place_agreement(NORWAY, NORTH_SEA) == 0.4
    assert fusion._place_agreement(NORTH_SEA, NORWAY) == 0.4


def test_in_a_story_a_sea_is_not_said_to_lie_inside_a_country_and_the_record_lists_both() -> None:
    one = _boarding("a", NORWAY, "A Norwegian coast guard vessel seized a trawler and its catch.")
    two = _boarding("b", NORTH_SEA, "The coast guard seized the trawler in the North Sea, officials said.")
    match = fusion.score(one, two, fusion.Story(0.3, KNOWLEDGE))
    assert "one place inside the other" not in match.softer
    record = fusion.fuse("a-1", [one, two], [])
    assert [c["field"] for c in record["contradictions"]] == ["location"]
    # a town of the country is inside it, and not listed as a contradiction
    three = _boarding("c", BERGEN, "The coast guard seized the trawler off Bergen, officials said.")
    assert "one place inside the other" in fusion.score(one, three, fusion.Story(0.3, KNOWLEDGE)).softer
    assert fusion.fuse("a-1", [one, three], [])["contradictions"] == []


def test_a_lent_place_weighs_as_what_the_report_told() -> None:
    """A town lent by the article's one-town scene counts as its country, and a statement's
    setting as no place: two reports are not kept apart by what their text did not tie to the act."""
    lent_town = {**BERGEN, "basis": "scene"}
    stavanger = {"name": "Stavanger", "country": "NOR", "admin1": "Rogaland", "lat": 58.97, "lon": 5.73,
                 "precision": "city"}
    assert fusion._place_agreement(BERGEN, stavanger) == 0.0  # two towns told: far apart
    assert fusion._place_agreement(lent_town, stavanger) == 0.7  # the lent one is only Norway
    assert fusion._place_agreement({**BERGEN, "basis": "setting"}, stavanger) == 0.4  # no place
    assert fusion.place_key(lent_town) is None
