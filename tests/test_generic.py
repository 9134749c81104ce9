"""Generic, habitual and aggregate statements told as if they were the day's incident
(`coding/generic.py`): each rule with sentences written for the project, and the news it
must leave alone. The whole pipeline runs, as `sitroom extract` does."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow

# A first sentence, so that the one under test is in the body of the report, not its lead
# (a headline tells news in the present).
LEAD = "The statement was read to reporters in the capital. "


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    article = Article(id="t", text=LEAD + text, published="2025-03-12", language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code[:2] in ("18", "19", "20")]


def news(analyzer: Analyzer, text: str) -> list[Event]:
    return [e for e in violent(analyzer, text) if not e.historical]


def summed_up(analyzer: Analyzer, text: str) -> None:
    found = violent(analyzer, text)
    assert found and all(e.historical for e in found), found


@pytest.mark.parametrize("text", [
    "The minister said the gangs are responsible for the kidnappings and disappearances in the country.",
    "THE MINISTER SAID THE GANGS ARE RESPONSIBLE FOR THE KIDNAPPINGS AND DISAPPEARANCES IN THE COUNTRY.",
    "The army blamed the rebels for a series of attacks on police stations.",
    "Officials accused the militia of the murders of peasants and teachers.",
    "The police chief held the cartel responsible for the murders of judges.",
])
def test_a_charge_of_acts_of_a_kind_sums_them_up(analyzer, text):
    summed_up(analyzer, text)


@pytest.mark.parametrize("text", [
    "The government held the guerrillas responsible for the murder of the mayor.",
    "The police were accused of the murders of two journalists.",
    "The rebels claimed responsibility for the attacks on two police stations.",
    "Officials accused the militia of killing civilians in the north.",
    "Aid workers said the militia is responsible for the killings of villagers near Goma.",
    "Officials blamed the rebels for the Jesuits' murders.",
])
def test_a_charge_of_one_act_or_of_counted_acts_stays_news(analyzer, text):
    assert news(analyzer, text), violent(analyzer, text)


@pytest.mark.parametrize("text", [
    "The bishop condemned the wave of murders of peasant leaders.",
    "THE BISHOP CONDEMNED THE WAVE OF MURDERS OF PEASANT LEADERS.",
    "The government put its troops on alert after a series of attacks by the rebels.",
])
def test_a_series_named_whole_is_many_acts(analyzer, text):
    summed_up(analyzer, text)


def test_a_series_that_did_something_or_was_done_is_told(analyzer):
    assert news(analyzer, "The rebels launched a series of attacks on police stations in the south.")


def test_acts_of_several_kinds_listed_are_a_record(analyzer):
    summed_up(analyzer, "We have been reporting the killings, the massacres and the rebel attacks.")


def test_a_list_of_acts_that_did_something_stays_news(analyzer):
    assert news(analyzer, "The bombings and shootings killed 12 people across the province.")


@pytest.mark.parametrize("text", [
    "The archbishop said the murder and kidnapping of students, workers and peasants worried the church.",
    "THE ARCHBISHOP SAID THE MURDER AND KIDNAPPING OF STUDENTS, WORKERS AND PEASANTS WORRIED THE CHURCH.",
])
def test_an_act_done_to_a_whole_class_of_people_is_generic(analyzer, text):
    summed_up(analyzer, text)


@pytest.mark.parametrize("text", [
    "The murder of three students worried the church.",
    "The president confirmed the involvement of troops in the murder of priests.",
    "Ethnic killings of farmers by men in uniform were reported in two districts of Juba, the group said.",
    "Ethnic killings of farmers by men in uniform were reported in the Kator and Munuki districts, the group said.",
    "The army condemned the killing of civilians in the village on Monday.",
])
def test_an_act_done_to_people_picked_out_or_on_a_day_stays_news(analyzer, text):
    assert news(analyzer, text), violent(analyzer, text)


@pytest.mark.parametrize("text", [
    "The rebels steal, kidnap and murder anyone who resists them.",
    "The men who run these squads kidnap, torture and murder union members.",
])
def test_verbs_in_the_present_joined_or_misread_as_bare_forms_are_a_habit(analyzer, text):
    summed_up(analyzer, text)


def test_a_past_act_of_the_same_words_stays_news(analyzer):
    assert news(analyzer, "The rebels murdered a farmer who resisted them.")


@pytest.mark.parametrize("text", [
    "The minister said the aid is being used to massacre the Kurdish people.",
    "We thank the American people, who have also been murdered by the death squads.",
])
def test_an_act_done_to_a_whole_people_is_rhetoric(analyzer, text):
    summed_up(analyzer, text)


@pytest.mark.parametrize("text", [
    "Troops opened fire on the people who marched to the square on Monday.",
    "Government troops massacred the villagers who had sheltered the rebels.",
])
def test_an_act_done_to_people_of_a_place_picked_out_stays_news(analyzer, text):
    assert news(analyzer, text), violent(analyzer, text)



def test_acts_in_the_plural_with_no_article_that_a_noun_is_of_are_a_kind(analyzer):
    summed_up(analyzer, "The families held up photographs of victims of army assassinations.")


def test_acts_of_a_kind_placed_in_a_town_stay_news(analyzer):
    assert news(analyzer, "The mayor spoke to the families of victims of army killings in Kator.")
