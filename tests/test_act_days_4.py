"""The day of an act, fourth part: days counted from another act. A day in the possessive
("Sunday's runoff") names its noun's day and yields to the day its clause counts ("a day
after he pulled out of Sunday's runoff"); "the fall of" a town re-names its capture, so "a
day after the fall of the town" counts from the capture's day; "on the eve of the vote" is
the day before the vote's; the story goes on from the day of a deed its sentence tells, not
from the later day the sentence's saying is dated. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 15 October 2025 was a Wednesday
PUBLISHED = "2025-10-15"
FRIDAY = "2025-10-10"
SATURDAY = "2025-10-11"
SUNDAY = "2025-10-12"
MONDAY = "2025-10-13"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root)]


def test_a_day_in_the_possessive_yields_to_the_day_its_clause_counts(analyzer):
    events = _events(analyzer, "Bolivian opposition leader Rodrigo Quispe took refuge in the Brazilian embassy "
                               "in La Paz on Tuesday, a day after he pulled out of Sunday's presidential runoff, "
                               "saying his supporters were being beaten.")
    withdrawal = _coded(events, "08")
    assert withdrawal and {e.date for e in withdrawal} == {MONDAY}, events


def test_a_day_after_the_fall_of_a_town_counts_from_its_capture(analyzer):
    events = _events(analyzer, "Rebel fighters captured the garrison town of Kalemie in eastern Congo on Saturday "
                               "after a three-day siege, a regional governor said.\n\n"
                               "Residents fled across Lake Tanganyika in fishing boats. The army gave no account "
                               "of the fall of the town.\n\n"
                               "A day after the fall of the town, government jets bombed a market in Kalemie, "
                               "killing nine traders, according to a local rights group.")
    capture = _coded(events, "19")
    bombing = [e for e in events if e.event_code.startswith("195")]
    assert capture and bombing, events
    assert {e.date for e in bombing} == {SUNDAY} and not any(e.date_inferred for e in bombing), events
    assert SATURDAY in {e.date for e in capture}, events


def test_the_eve_of_an_act_is_the_day_before_it(analyzer):
    events = _events(analyzer, "Parliament voted on Tuesday to extend the state of emergency in the northern "
                               "provinces. Police had arrested 40 student activists in the capital on the eve "
                               "of the vote, their union said.")
    arrests = _coded(events, "173")
    assert arrests and {e.date for e in arrests} == {MONDAY}, events


def test_the_story_goes_on_from_the_deed_s_day_not_the_saying_s(analyzer):
    events = _events(analyzer, "Police in Nigeria have arrested 40 people since gunmen stormed the village of "
                               "Kadisau in Zamfara state late on Friday, a police spokesman said on Sunday. "
                               "The state governor imposed a dusk-to-dawn curfew on the district.")
    curfew = _coded(events, "172")
    assert curfew and {e.date for e in curfew} == {FRIDAY}, events
