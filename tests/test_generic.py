"""Generic, habitual and aggregate statements told as if they were the day's incident
(`coding/generic.py`): each rule with sentences written for the project that it sums up,
and the news of the same words that it must leave alone. The whole pipeline runs, as
`sitroom extract` does."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import VIOLENT_ROOTS, violent_events

pytestmark = pytest.mark.slow

# A first sentence, so that the one under test is in the body of the report, not its lead
# (a headline tells news in the present).
LEAD = "The statement was read to reporters in the capital. "


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    return violent_events(analyzer, LEAD + text, published="2025-03-12")


def summed_up(analyzer: Analyzer, text: str) -> None:
    found = violent(analyzer, text)
    assert found and all(e.historical for e in found), (text, found)


def told(analyzer: Analyzer, text: str) -> None:
    found = violent(analyzer, text)
    assert any(not e.historical for e in found), (text, found)


@pytest.mark.parametrize(("generic", "news"), [
    ("The minister said the gangs are responsible for the kidnappings and disappearances in the country.",
     "The government held the guerrillas responsible for the killing of the governor."),
    ("THE MINISTER SAID THE GANGS ARE RESPONSIBLE FOR THE KIDNAPPINGS AND DISAPPEARANCES IN THE COUNTRY.",
     "The police were accused of the murders of two journalists."),
    ("The army blamed the rebels for a series of assaults on police posts.",
     "The rebels said they carried out the assaults on two police posts on Monday."),
    ("Officials accused the militia of the murders of peasants and teachers.",
     "Officials accused the militia of killing civilians in Gulu."),
    ("The police chief held the cartel responsible for the murders of judges.",
     "Aid workers said the militia is responsible for the killings of villagers near Goma."),
    ("The police chief held the cartel responsible for the murders of judges.",
     "The governor said the guerrillas were responsible for these kidnappings of engineers."),
    ("The police chief held the cartel responsible for the murders of judges.",
     "Police blamed the rebels for these attacks on police stations."),
])
def test_a_charge_of_acts_of_a_kind_sums_them_up(analyzer, generic, news):
    """Not a charge of one act, of acts counted, picked out or placed, nor a claim of
    responsibility, nor a deed told by a verb."""
    summed_up(analyzer, generic)
    told(analyzer, news)


@pytest.mark.parametrize("generic", [
    "The bishop condemned the wave of murders of peasant leaders.",
    "THE BISHOP CONDEMNED THE WAVE OF MURDERS OF PEASANT LEADERS.",
    "The government put its troops on alert after a series of attacks by the rebels.",
])
def test_a_series_named_whole_is_many_acts(analyzer, generic):
    summed_up(analyzer, generic)
    told(analyzer, "The rebels launched a series of assaults on police posts in the south.")


def test_acts_of_three_kinds_listed_are_a_record(analyzer):
    summed_up(analyzer, "Our radio has been covering the shootings, the massacres and the rebel ambushes.")
    told(analyzer, "The bombings, shootings and grenade attacks killed 12 people across the province.")
    told(analyzer, "There were explosions and gunfire at the palace, and rebels attacked the guards.")


@pytest.mark.parametrize(("generic", "news"), [
    ("The archbishop said the abduction and murder of teachers, nurses and farmers worried the church.",
     "The murder of three students worried the church."),
    ("THE ARCHBISHOP SAID THE ABDUCTION AND MURDER OF TEACHERS, NURSES AND FARMERS WORRIED THE CHURCH.",
     "The minister admitted that soldiers took part in the killing of the nuns."),
    ("The archbishop said the abduction and murder of teachers, nurses and farmers worried the church.",
     "Ethnic killings of farmers by men in uniform were reported in two districts of Juba, the group said."),
    ("The archbishop said the abduction and murder of teachers, nurses and farmers worried the church.",
     "Ethnic killings of farmers by men in uniform were reported in the Kator and Munuki districts, the group said."),
])
def test_acts_done_to_a_whole_class_of_people_are_generic(analyzer, generic, news):
    """Not one act named in the singular, nor acts placed in a town or district."""
    summed_up(analyzer, generic)
    told(analyzer, news)


@pytest.mark.parametrize(("generic", "news"), [
    ("The minister said the aid is being used to massacre the Kurdish people.",
     "Troops fired on the crowd that marched to the square on Monday."),
    ("We salute the Kurdish people, who have been murdered in their villages by the militias.",
     "Government troops massacred the villagers who had sheltered the rebels."),
    ("He said the border regime has been a base for the murder of students and the torture of the Kurdish "
     "people.",
     "The ministry condemned the murder of two children and the wounding of their mother."),
])
def test_an_act_done_to_a_whole_people_is_rhetoric(analyzer, generic, news):
    summed_up(analyzer, generic)
    told(analyzer, news)


def test_acts_in_the_plural_with_no_article_that_a_noun_is_of_are_a_kind(analyzer):
    summed_up(analyzer, "The families held up photographs of victims of army assassinations.")
    told(analyzer, "The mayor spoke to the families of victims of army killings in Kator.")


@pytest.mark.parametrize("generic", [
    "The gangs rob, kidnap and kill anyone who resists them.",
    "The men who run these squads kidnap, torture and murder union members.",
])
def test_verbs_in_the_present_misread_as_bare_forms_are_a_habit(analyzer, generic):
    summed_up(analyzer, generic)
    told(analyzer, "The rebels murdered a farmer who resisted them.")


def test_a_toll_of_thousands_after_a_perfect_with_its_have_left_out_is_a_tally(analyzer):
    summed_up(analyzer, "Officials said 3,000 people have been killed, 4,500 wounded.")
    told(analyzer, "Officials said 30 people were killed on Monday, 45 wounded.")


def test_kinds_of_victims_listed_after_a_bare_plural_in_a_perfect_are_a_record(analyzer):
    summed_up(analyzer, "The gangs have murdered judges, a prosecutor, a mayor.")
    told(analyzer, "The gangs murdered two judges, a prosecutor and a mayor on Monday.")


def test_acts_a_report_counts_over_months_are_a_tally(analyzer):
    """A participle that describes what a perfect counts over a span, and the acts listed
    after it, share the span: a tally, not one act."""
    summed_up(analyzer, "In just six weeks, local radio has reported 40 bodies found, 35 people killed in "
                        "ambushes and 61 kidnappings.")
    told(analyzer, "The police reported two people killed in a shooting on Monday.")


def test_acts_of_a_kind_someone_took_part_in_are_a_charge(analyzer):
    """"Participated in" answers for acts as "involved in" does: in the plural, a record."""
    summed_up(analyzer, "A retired sergeant said on Friday he participated in killings committed by a death "
                        "squad.")
    told(analyzer, "A former soldier said he took part in the killing of two farmers in Kator on Monday.")


def test_acts_on_persons_named_beside_whole_classes_are_many(analyzer):
    """One act's victims are named or counted; persons named one by one beside classes of
    people (bare plurals) are the victims of many acts over time."""
    summed_up(analyzer, "The union called for the prosecution of those behind the murder of Father Alvarez, teachers, "
                        "journalists and Senator Ruiz.")
    told(analyzer, "The ministry condemned the murder of the mayor, two policemen and a child.")


def test_an_act_against_a_whole_people_is_rhetoric(analyzer):
    """"Against" names the sufferers of an act noun as "of" does (here as the first sentence
    of an upper-case report, where the parse differs)."""
    text = "THE REGIME HAS MADE ITS HELICOPTERS INTO TOOLS OF GENOCIDE AGAINST THE KURDISH PEOPLE."
    found = [e for e in analyzer.analyze(Article(id="t", text=text, published="1990-04-09", language="en")).events
             if e.event_code[:2] in VIOLENT_ROOTS]
    assert found and all(e.historical for e in found)
    told(analyzer, "The rebels carried out an attack against the civilians of Kator on Monday, killing five.")
