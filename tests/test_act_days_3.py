"""The day of an act, third part: days that fresh text gets wrong. A day and month with no
year shortly after the report is this year's, so a participle's coming day ("campaigning
for the election on March 29, urged ...") is not read as last year's and does not date the
main verb; the story's day still to come is not carried to a deed told as done ("detained
nine men overnight" after "is due to visit on Saturday"); a weekday that is the object of
"for" is still to come ("called a meeting for Monday"); a day between a subject and its verb
dates the acts the subject counts ("a series of attacks on Tuesday left nine dead").
Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 14 March 2025 was a Friday
PUBLISHED = "2025-03-14"
TUESDAY = "2025-03-11"
MONDAY_NEXT = "2025-03-17"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root)]


def test_a_participle_s_coming_day_is_neither_last_year_s_nor_the_verb_s(analyzer):
    events = _events(analyzer, "President Mateus Lopes of Mozambique, campaigning for the country's presidential "
                               "runoff on March 29, urged voters in Beira to stay calm.")
    appeal = _coded(events, "02")
    assert appeal and all(not e.historical and e.date == PUBLISHED for e in appeal), events


def test_a_bare_day_and_month_months_ahead_is_still_last_year_s(analyzer):
    events = _events(analyzer, "Rebel fighters shelled the town of Butembo in eastern Congo on November 2, "
                         "killing four civilians, the army said.")
    shelling = _coded(events, "19")
    assert shelling and {e.date for e in shelling} == {"2024-11-02"}, events


def test_a_day_still_to_come_is_not_carried_to_a_deed_done(analyzer):
    events = _events(analyzer, "The interior minister is due to visit Kandahar on Saturday to meet survivors. "
                               "Police in Kandahar detained nine suspected smugglers overnight, a provincial "
                               "official said.")
    arrests = _coded(events, "17")
    assert arrests and {e.date for e in arrests} == {PUBLISHED}, events


def test_a_weekday_set_for_something_is_still_to_come(analyzer):
    events = _events(analyzer, "Chad's president has called a meeting of the leaders of all political parties "
                               "for Monday.")
    meeting = _coded(events, "04")
    assert meeting and {e.date for e in meeting} == {MONDAY_NEXT}, events


def test_a_weekday_s_act_named_after_for_is_not_to_come(analyzer):
    events = _events(analyzer, "Police in Chad arrested two men for Monday's bombing of a bus station in "
                               "N'Djamena.")
    assert events and all(e.date != MONDAY_NEXT for e in events), events


def test_a_day_on_the_subject_dates_the_acts_it_counts(analyzer):
    events = _events(analyzer, "A series of attacks on police posts in Cucuta on Tuesday left nine people dead "
                               "and four wounded, officials said.")
    attacks = _coded(events, "19")
    assert attacks and {e.date for e in attacks} == {TUESDAY}, events
