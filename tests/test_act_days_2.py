"""The day of an act, second part: a relative clause on the doers that tells how they came
(not a deed of their own) dates the acts their clause tells next ("Pirates who came ashore on
Tuesday night opened fire ..."); acts planned in a sentence whose only day is the saying's
take the day the next sentence plans ("The handover is due to take place on Sunday").
Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 14 March 2025 was a Friday
PUBLISHED = "2025-03-14"
TUESDAY = "2025-03-11"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root)]


def test_a_clause_on_the_doers_arrival_dates_what_they_did_next(analyzer):
    events = _events(analyzer, "Pirates who came ashore in speedboats on Tuesday night split into groups and "
                               "opened fire at a police station and a market in Lamu.")
    fired = _coded(events, "19")
    assert fired and {e.date for e in fired} == {TUESDAY}, events


def test_a_deed_of_the_doer_s_own_keeps_its_day_to_itself(analyzer):
    events = _events(analyzer, "The gunman who bombed the embassy in Nairobi on Tuesday surrendered to police.")
    surrender = _coded(events, "08")
    assert surrender and all(e.date != TUESDAY for e in surrender), events


def test_the_teller_s_clause_does_not_date_what_is_told(analyzer):
    events = _events(analyzer, "The minister who resigned on Tuesday said the army had shelled villages near Beni.")
    shelling = _coded(events, "19")
    assert shelling and all(e.date != TUESDAY for e in shelling), events


SUNDAY = "2025-03-16"


def test_acts_planned_under_a_dated_report_take_the_day_planned_next(analyzer):
    events = _events(analyzer, "Under the deal, Sudan is to hand over 12 South Sudanese soldiers, and South Sudan "
                               "is to free eight Sudanese soldiers, the two governments said in a statement on "
                               "Thursday. The handover is due to take place at a border crossing on Sunday.")
    releases = _coded(events, "08")
    assert len(releases) == 2 and {e.date for e in releases} == {SUNDAY}, events


def test_another_act_planned_next_lends_no_day(analyzer):
    events = _events(analyzer, "Sudan will release 12 South Sudanese soldiers, the foreign ministry said on "
                               "Thursday. The president is due to visit Juba on Monday.")
    release = [e for e in _coded(events, "0") if "release" in e.evidence[0].sentence]
    assert release and all(e.date != "2025-03-17" for e in release), events
