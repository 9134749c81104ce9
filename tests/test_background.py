"""Background told as news (coding/background.py and the dates of when.py): an older act a
report recalls is kept as `historical`, or not told at all, while the day's news stays news.
Sentences written for the project, in normal case and, where the parse differs, in the
upper case of wire archives."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import violent_events

pytestmark = pytest.mark.slow


def violent(analyzer: Analyzer, text: str, published: str = "2024-03-10") -> list[Event]:
    """Every violent event of the analysis, background included."""
    return violent_events(analyzer, text, published)


def news(analyzer: Analyzer, text: str, published: str = "2024-03-10") -> list[Event]:
    return [e for e in violent(analyzer, text, published) if not e.historical]


def test_a_participle_before_a_name_tells_no_act(analyzer):
    assert news(analyzer, "THE PRESIDENT'S DECISION TO VISIT THE CAPITAL AND TO HONOR ASSASSINATED SENATOR ORTIZ "
                          "SHOWS HIS SUPPORT FOR THE COUNTRY.") == []
    # a past verb after its subject is the act
    assert news(analyzer, "GUERRILLAS ASSASSINATED SENATOR ORTIZ IN THE CAPITAL TODAY.")


@pytest.mark.parametrize("text", [
    "On that occasion, when the mayor was assassinated, the government declared a state of emergency.",
    "ON THAT OCCASION, WHEN THE MAYOR WAS ASSASSINATED, THE GOVERNMENT DECLARED A STATE OF EMERGENCY.",
])
def test_a_clause_of_that_occasion_is_background(analyzer, text):
    [killing] = violent(analyzer, text)
    assert killing.historical
    [killing] = violent(analyzer, text.replace("that occasion", "Friday").replace("THAT OCCASION", "FRIDAY"))
    assert not killing.historical  # a clause of the day is news


def test_every_act_of_a_remembered_night_is_background(analyzer):
    found = violent(analyzer, "I remember the night when soldiers occupied the port and shot the guards.")
    assert {e.trigger for e in found} == {"occupied", "shot"} and all(e.historical for e in found)
    # a night told as news is news
    assert news(analyzer, "Last night, when soldiers occupied the port, they shot two guards.")


@pytest.mark.parametrize("text", [
    "The nurse was taken hostage for 14 months.",
    "THE NURSE WAS TAKEN HOSTAGE FOR 14 MONTHS.",
    "The town was besieged by the rebels for five months.",
])
def test_an_act_that_lasted_long_began_long_before(analyzer, text):
    assert violent(analyzer, text) and news(analyzer, text) == []
    # an act of a few days is news
    assert news(analyzer, "The engineer was taken hostage for three days.")
    # and so is a sanction imposed for months to come
    found = analyzer.analyze(Article(id="t", text="The junta suspended two radio stations for three months.",
                                     published="2024-03-10", language="en")).events
    assert found and not any(e.historical for e in found)


def test_a_when_clause_after_a_date_happened_that_day(analyzer):
    text = ('POLICE PATROLS WERE DOUBLED TODAY AHEAD OF THE MOVEMENT\'S ANNIVERSARY, WHICH MARKS THE START OF ITS '
            'ARMED STRUGGLE ON 3 JULY 1982, WHEN THE MOVEMENT ATTACKED A POLICE POST IN A RIVER TOWN.')
    [attack] = [e for e in violent(analyzer, text) if e.trigger == "attacked"]
    assert attack.date == "1982-07-03" and attack.historical


def test_a_date_closing_an_appositive_is_the_role_s(analyzer):
    [killing] = violent(analyzer, "Police said the suspect took part in the killing of Luis Moreno, mayor of the "
                                  "city in 2015.")
    assert not killing.historical and killing.date != "2015-01-01"
    [killing] = violent(analyzer, "THE TOWN BOARD REACHED ITS RULING AFTER HEARING OF THE KILLING OF JUAN PEREZ "
                                  "DIAZ, PRESIDENT OF THE ACME COMPANY AND MAYOR OF CALI IN 2015.")
    assert not killing.historical
    # a place's appositive is no role: the date is the act's
    [advance] = violent(analyzer, "Troops broke through enemy trenches west of Badme on Sunday, the third day of "
                                  "the offensive.")
    assert advance.date == "2024-03-10" and not advance.date_inferred


def test_a_clause_of_times_pointed_back_to_is_background(analyzer):
    # ("an era like those when ..." is also a likeness, which figures.py drops as no act)
    [murder] = violent(analyzer, "The attack brings back those years when the archbishop was murdered.")
    assert murder.historical


def test_an_act_long_ago_is_background_in_an_undated_report(analyzer):
    [killing] = violent(analyzer, "Rebels killed the mayor two years ago.", published=None)
    assert killing.historical
    [killing] = violent(analyzer, "Rebels killed the mayor two days ago.", published=None)
    assert not killing.historical
