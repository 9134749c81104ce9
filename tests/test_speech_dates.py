"""The day of an act told in a participle clause or in reported speech: the clause's own
day, the report's, or the one the story was telling, not the article's. Sentences are our
own; 14 March 2024, the day of publication, was a Thursday."""
from __future__ import annotations

from sitroom.records import Article

PUBLISHED = "2024-03-14"
TUESDAY = "2024-03-12"


def _events(analyzer, text: str):
    return analyzer.analyze(Article(id="t", text=text, published=PUBLISHED)).events


def _dates(events, *roots: str) -> set[str | None]:
    return {e.date for e in events if e.event_code[:2] in roots}


def test_a_present_participle_between_subject_and_verb_dates_the_verb(analyzer):
    events = _events(analyzer, "Foreign Minister Anna Lindqvist, presenting the plan on Tuesday, urged Serbia's "
                               "negotiators to return to the talks.")
    assert _dates(events, "02") == {TUESDAY}, events


def test_a_past_participle_on_the_subject_dates_what_the_thing_does(analyzer):
    events = _events(analyzer, "The court's ruling, issued late on Tuesday in Nairobi, reduces aid to the refugee "
                               "camps in the north by half.")
    assert _dates(events, "16") == {TUESDAY}, events


def test_talks_that_end_hours_before_the_act_are_of_its_day(analyzer):
    events = _events(analyzer, "Delegates of Peru and Ecuador agreed in Geneva early on Tuesday, after more than "
                               "twelve hours of talks chaired by a Swiss envoy, to reopen the border.")
    assert _dates(events, "04") == {TUESDAY}, events


def test_a_past_perfect_act_takes_the_day_of_its_report(analyzer):
    events = _events(analyzer, "Governor Tomas Ferreira said on Tuesday that the rebels had agreed to a truce.")
    assert _dates(events, "08") == {TUESDAY}, events


def test_a_past_perfect_act_told_by_the_same_teller_takes_the_day_before(analyzer):
    events = _events(analyzer, "The United Nations envoy Maria Kovacs met army commanders in Bamako on Tuesday. She "
                               "told reporters that the commanders had rejected her request to visit the detained "
                               "president.")
    assert _dates(events, "12") == {TUESDAY}, events


def test_a_sentence_going_on_with_the_same_teller_keeps_the_day(analyzer):
    events = _events(analyzer, "The United Nations envoy Maria Kovacs met army commanders in Bamako on Tuesday. She "
                               "told reporters that the meeting had been difficult. She urged the officers to free "
                               "the detained ministers.")
    assert _dates(events, "02") == {TUESDAY}, events


def test_a_sentence_with_another_subject_ends_the_run(analyzer):
    # a run of sentences on the same teller keeps the day told before it; a new subject after
    # it ends the run, and its act goes on with the story's day only while the lead's day is
    # the last day told (`event_day.story_day`, test_story_day.py) ...
    events = _events(analyzer, "The United Nations envoy Maria Kovacs met army commanders in Bamako on Tuesday. She "
                               "told reporters that the meeting had been difficult. The commanders refused to free "
                               "the detained ministers.")
    assert _dates(events, "12") == {TUESDAY}, events
    # ... not once another day has been told: then it is of the article's day
    events = _events(analyzer, "The United Nations envoy Maria Kovacs met army commanders in Bamako on Tuesday. "
                               "Gunmen attacked a convoy near Gao on Wednesday. The meeting had been difficult, she "
                               "said. The commanders refused to free the detained ministers.")
    assert _dates(events, "12") == {PUBLISHED}, events
