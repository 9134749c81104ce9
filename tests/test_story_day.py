"""The story's day (`event_day.story_day`): a wire story dates its lead, and the acts it tells
afterwards with no day of their own are of that day, not of the day the report was filed,
as long as no later sentence has told another day. What the text times from the report
("overnight", "today", "last night") keeps the report's time; a lead dated on the report's
own day, or weeks before it, lends nothing. Sentences are our own."""
from __future__ import annotations

from sitroom.coding.event_day import story_day
from sitroom.records import Article, DateMention

# 13 May 2024 was a Monday
PUBLISHED = "2024-05-13"
SATURDAY = "2024-05-11"
SUNDAY = "2024-05-12"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _told_in(events, words: str):
    return [e for e in events if any(words in (ev.sentence or "") for ev in e.evidence) and not e.historical]


LEAD = ("BANGUI, May 13 - Rebels shelled army positions around the airport on Saturday, killing four soldiers, "
        "the defence ministry said. The airport has been closed to civilian flights for weeks. ")


def test_an_undated_act_after_a_dated_lead_is_of_the_lead_s_day(analyzer):
    events = _events(analyzer, LEAD + "The government refused to negotiate with the rebel leaders.")
    [refused] = [e for e in _told_in(events, "refused to negotiate") if e.event_code.startswith("12")]
    assert refused.date == SATURDAY, events
    assert refused.date_inferred, "the day is the story's, not told for the act: still inferred"


def test_an_undated_deed_after_a_dated_lead_is_of_the_lead_s_day(analyzer):
    events = _events(analyzer, LEAD + "Soldiers burned dozens of houses in the village of Bakala, residents said.")
    burned = _told_in(events, "burned dozens of houses")
    assert burned and {e.date for e in burned} == {SATURDAY}, events


def test_an_act_told_overnight_keeps_the_report_s_time(analyzer):
    # "overnight" is counted from the report: not the lead's Saturday
    events = _events(analyzer, LEAD + "Police arrested 23 young men in overnight sweeps of the northern districts, "
                                      "a security source said.")
    arrests = _told_in(events, "arrested 23 young men")
    assert arrests and SATURDAY not in {e.date for e in arrests}, events


def test_once_the_story_tells_another_day_an_undated_act_keeps_the_report_s_day(analyzer):
    events = _events(analyzer, LEAD + "On Sunday, the president flew to Paris for talks with French officials. "
                                      "The government refused to negotiate with the rebel leaders.")
    [refused] = [e for e in _told_in(events, "refused to negotiate") if e.event_code.startswith("12")]
    assert refused.date != SATURDAY, events


def test_a_lead_on_the_report_s_own_day_changes_nothing(analyzer):
    events = _events(analyzer, "BANGUI, May 13 - Rebels shelled army positions around the airport on Monday, the "
                               "defence ministry said. The government refused to negotiate with the rebel leaders.")
    [refused] = [e for e in _told_in(events, "refused to negotiate") if e.event_code.startswith("12")]
    assert refused.date == PUBLISHED, events


def _day(value: str) -> DateMention:
    return DateMention(start=0, end=6, text="Monday", value=value, precision="day")


def test_story_day_needs_the_lead_to_be_the_last_day_and_within_the_week():
    saturday = _day(SATURDAY)
    assert story_day(saturday, saturday, PUBLISHED) == saturday
    assert story_day(saturday, _day(SUNDAY), PUBLISHED) is None  # the story moved on to Sunday
    assert story_day(_day(PUBLISHED), _day(PUBLISHED), PUBLISHED) is None  # the report's own day
    a_week_back = _day("2024-05-06")
    assert story_day(a_week_back, a_week_back, PUBLISHED) == a_week_back  # STORY_WEEK days: still the story's
    weeks_back = _day("2024-04-01")
    assert story_day(weeks_back, weeks_back, PUBLISHED) is None
    assert story_day(None, None, PUBLISHED) is None
    assert story_day(saturday, saturday, None) is None
