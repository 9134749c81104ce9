"""The report of one town's events (issue 13, places): when every act the text places in a
town lies in one town, the acts told with no place of their own ("the junta imposed a
curfew", "troops fired on protesters there") happened there, not merely in its country.
Articles written for the project; the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.records import Article, Event

pytestmark = pytest.mark.slow

ONE_TOWN = (
    "Soldiers opened fire on protesters in Mandalay on Saturday, killing four people, witnesses said.\n\n"
    "Police arrested dozens of students in Mandalay on Sunday.\n\n"
    "Troops later set fire to several shops, a monk said."
)
TWO_TOWNS = (
    "Soldiers opened fire on protesters in Mandalay on Saturday, killing four people, witnesses said.\n\n"
    "Police arrested dozens of students in Yangon on Sunday.\n\n"
    "Troops later set fire to several shops, a monk said."
)


def events(analyzer, text: str) -> list[Event]:
    return list(analyzer.analyze(Article(id="t", text=text, published="2021-03-15", language="en")).events)


def burning(found: list[Event]) -> Event:
    [event] = [e for e in found if e.event_code == "171"]
    return event


def test_an_act_told_without_a_place_in_a_one_town_report_is_placed_in_the_town(analyzer):
    place = burning(events(analyzer, ONE_TOWN)).location
    assert place is not None and place.name == "Mandalay" and place.precision == "city"


def test_acts_in_two_towns_leave_an_unplaced_act_in_the_country(analyzer):
    place = burning(events(analyzer, TWO_TOWNS)).location
    assert place is not None and place.precision == "country" and place.country == "MMR"
