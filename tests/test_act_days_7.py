"""The day of an act, seventh part. An act named with its own day after "since" ("the toll
since Tuesday's assault") is the act whose toll the story tells, on that day, not a landmark
told before as "since the coup" is. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 15 October 2025 was a Wednesday
PUBLISHED = "2025-10-15"
MONDAY = "2025-10-13"
FRIDAY_BEFORE = "2025-10-10"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _violent(events):
    return [e for e in events if e.event_code[:2] in ("18", "19") and not e.historical]


def test_the_toll_since_a_dated_invasion_is_of_the_invasion_day(analyzer):
    events = _events(analyzer, "CARACAS, Oct 15 - The defence ministry put the toll since Monday's invasion of "
                               "the border province at 41 Venezuelan soldiers and 12 civilians killed.")
    violent = _violent(events)
    assert violent and MONDAY in {e.date for e in violent}, events


def test_deaths_since_last_friday_s_bombing_are_of_that_day(analyzer):
    events = _events(analyzer, "NAIROBI, Oct 15 - Kenyan police said 19 people had died since last Friday's "
                               "bombing of a crowded bus station in Garissa.")
    violent = _violent(events)
    assert violent and FRIDAY_BEFORE in {e.date for e in violent}, events


def test_an_undated_act_after_since_stays_background(analyzer):
    # "since the coup": a landmark told before, not the day's act
    events = _events(analyzer, "NAIROBI, Oct 15 - Kenyan troops have been posted along the frontier since the "
                               "invasion, officials said on Wednesday.")
    assert not _violent(events), events
