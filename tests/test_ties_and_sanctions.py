"""Relations broken, media shut, suspects handed over (issue 13): acts of states told with
common English verbs the lexicon lacked. Sentences written for the project; the whole
pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def coded(analyzer: Analyzer, text: str) -> list[Event]:
    return analyzer.analyze(Article(id="t", text=text, published="2017-06-06", language="en")).events


@pytest.mark.parametrize("text, code, source, target", [
    ("Djibouti broke off diplomatic relations with Eritrea on Monday.", "161", "DJI", "ERI"),
    ("Bahrain suspended relations with Qatar.", "161", "BHR", "QAT"),
    ("Kenya handed over the suspect to Uganda on Friday.", "063", "KEN", "UGA"),
])
def test_acts_between_states(analyzer, text, code, source, target):
    [event] = [e for e in coded(analyzer, text) if e.event_code == code]
    assert event.source_actor.code[:3] == source
    assert event.target_actor is not None and event.target_actor.code[:3] == target


def test_a_newspaper_shut_by_the_authorities_is_an_administrative_sanction(analyzer):
    found = coded(analyzer, "Burundian authorities shut down the country's last independent radio station.")
    assert [e.event_code for e in found] == ["172"]


def test_a_shop_shut_is_no_sanction(analyzer):
    assert not [e for e in coded(analyzer, "Traders shut their shops early on Friday.") if e.event_code == "172"]


@pytest.mark.parametrize("text, code", [
    ("The World Food Programme airdropped food to besieged villages in South Sudan.", "073"),
    ("Washington provided Kyiv with air defence systems last month.", "072"),
    ("The Mai-Mai militia laid down its arms in eastern Congo on Tuesday.", "0873"),
])
def test_aid_and_disarmament(analyzer, text, code):
    assert code in [e.event_code for e in coded(analyzer, text)]


@pytest.mark.parametrize("text, code", [
    ("Kenyan police evicted thousands of squatters from the forest.", "174"),
])
def test_coercion(analyzer, text, code):
    assert code in [e.event_code for e in coded(analyzer, text)]


@pytest.mark.parametrize("text, source", [
    ("The Houthis turned down the Saudi offer of a truce.", "YEM"),
    ("Israel brushed aside international criticism of the raid.", "ISR"),
    ("Moscow shrugged off the new European sanctions.", "RUS"),
])
def test_a_call_or_criticism_turned_away_is_a_rejection_by_whom_it_was_turned_to(analyzer, text, source):
    found = coded(analyzer, text)
    assert [e.event_code[:2] for e in found] == ["12"]
    assert found[0].source_actor.code[:3] == source


def test_a_road_turned_down_is_no_rejection(analyzer):
    assert not coded(analyzer, "The convoy turned down a dirt road toward the border.")
