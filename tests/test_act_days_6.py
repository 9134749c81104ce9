"""The day of an act, sixth part. A relative clause that says only that an act began ("the
offensive, which began last Thursday") gives the act its day, and no other clause; a "when"
clause set after a dated act's noun ("in Sunday's ambush, when a patrol drove into a
minefield") tells what happened in that act, on its day; a deed with no day of its own done
in a dated act ("were killed in Sunday's ambush") is of that act's day. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 15 October 2025 was a Wednesday
PUBLISHED = "2025-10-15"
THURSDAY_BEFORE = "2025-10-09"
SUNDAY = "2025-10-12"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root) and not e.historical]


def test_an_offensive_that_a_relative_clause_says_began_on_a_day(analyzer):
    events = _events(analyzer, "The opposition said dozens of herders had been killed in the Malian offensive, "
                               "which began last Thursday, and accused the junta of lying about the dead.")
    offensives = [e for e in _coded(events, "19") if e.event_code == "190"]
    assert offensives and {e.date for e in offensives} == {THURSDAY_BEFORE}, events


def test_the_day_an_offensive_began_is_not_the_day_of_the_saying(analyzer):
    # the relative clause on the offensive lends its day to no other clause: the accusation
    # is not of last Thursday
    events = _events(analyzer, "The opposition said dozens of herders had been killed in the Malian offensive, "
                               "which began last Thursday, and accused the junta of lying about the dead.")
    accusations = _coded(events, "112")
    assert accusations and THURSDAY_BEFORE not in {e.date for e in accusations}, events


def test_days_of_clashes_that_began_on_a_day(analyzer):
    events = _events(analyzer, "Three days of clashes in the east of the town, which began on Sunday, between "
                               "herders and soldiers loyal to the governor killed at least 60 people, the "
                               "health ministry said.")
    violent = [e for e in events if e.event_code[:2] in ("18", "19") and not e.historical]
    assert violent and {e.date for e in violent} == {SUNDAY}, events


def test_a_when_clause_after_a_dated_ambush_tells_the_ambush(analyzer):
    events = _events(analyzer, "Eleven Nigerian police officers died in the clashes, seven of them in Sunday's "
                               "ambush, when a patrol drove into a minefield and came under fire from bandits.")
    # the patrol came under fire in the ambush: that fire is of Sunday, not of the report
    violent = [e for e in events if e.event_code[:2] in ("18", "19") and not e.historical]
    assert SUNDAY in {e.date for e in violent}, events


def test_killed_in_a_dated_ambush(analyzer):
    events = _events(analyzer, "Four Ghanaian customs officers were killed in Sunday's ambush near the border "
                               "post, the ministry said.")
    killings = _coded(events, "18")
    assert killings and {e.date for e in killings} == {SUNDAY}, events


def test_a_when_clause_with_a_day_of_its_own_keeps_it(analyzer):
    events = _events(analyzer, "Traders had not got over Sunday's raid on the depot when a grenade exploded "
                               "there on Tuesday.")
    blasts = [e for e in events if e.event_code[:2] in ("18", "19") and e.date == "2025-10-14"]
    assert blasts, events
