"""An act addressed to "both sides" or "the two countries" is addressed to each of the two
parties of the article's violence, one event each; with no such pair, it keeps no target."""
from __future__ import annotations

from sitroom.records import Article


def appeals(analyzer, text: str):
    article = Article(id="t", text=text, published="2024-05-08", language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code.startswith("02")]


def targets(events) -> list[str | None]:
    return sorted((e.target_actor.code if e.target_actor else None) or "" for e in events)


def test_both_countries_are_the_two_states_of_the_violence(analyzer):
    found = appeals(analyzer, "Eritrean troops shelled Ethiopian positions near Badme on Tuesday, and Ethiopian "
                              "jets bombed Eritrean trenches on Wednesday. The Kenyan president urged both "
                              "countries to show restraint.")
    assert targets(found) == ["ERI", "ETH"], [(e.event_code, e.target_actor) for e in found]


def test_the_two_sides_are_the_two_armed_parties(analyzer):
    found = appeals(analyzer, "Sudan's army bombed positions of the Rapid Support Forces rebels near El Obeid on "
                              "Monday. The African Union called on the two sides to return to talks.")
    codes = targets(found)
    assert len(codes) == 2 and codes[0].startswith("SDN") and codes[1].startswith("SDN") and codes[0] != codes[1], codes


def test_with_no_fight_told_both_sides_stay_unnamed(analyzer):
    found = appeals(analyzer, "The African Union called on both sides to return to talks.")
    assert targets(found) == [""], [(e.event_code, e.target_actor) for e in found]
