"""The day of an act, second part: a relative clause on the doers that tells how they came
(not a deed of their own) dates the acts their clause tells next ("Pirates who came ashore on
Tuesday night opened fire ..."). Sentences are our own."""
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
