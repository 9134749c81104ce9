"""Days told in clauses around an act. A day told in the past perfect ("the truce both sides
had signed on 3 May") is a time before the story's: it dates neither the clause the past
perfect hangs on nor the sentences that follow. A participle clause before its clause
("Speaking on Monday, the minister accused ...") tells the same moment. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def _events(analyzer, text: str, published: str):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def test_a_past_perfect_relative_clause_keeps_its_day(analyzer):
    # 20 June 2024 was a Thursday: the appeal is of the report's day, the truce of 2 May
    events = _events(analyzer, "The Kenyan mediator urged the Ethiopian government to respect the truce it had "
                               "signed on 2 May.", "2024-06-20")
    appeals = [e for e in events if e.event_code.startswith("02")]
    assert appeals and {e.date for e in appeals} == {"2024-06-20"}, events


def test_the_next_sentence_does_not_go_on_from_a_past_perfect_day(analyzer):
    events = _events(analyzer, "The Kenyan mediator urged the Ethiopian government to respect the truce it had "
                               "signed on 2 May. The Tigrayan delegation refused to attend Thursday's session, "
                               "diplomats said.", "2024-06-20")
    refusals = [e for e in events if e.event_code.startswith("12")]
    assert refusals and {e.date for e in refusals} == {"2024-06-20"}, events


def test_a_simple_past_relative_clause_still_lends_its_day(analyzer):
    # the rule it narrows: a relative clause with the sentence's only date lends it
    events = _events(analyzer, "Police used water cannon to disperse hundreds who stayed outside the parliament "
                               "early on Tuesday.", "2024-06-20")
    force = [e for e in events if e.event_code[:2] in ("17", "18", "19", "14")]
    assert force and all(e.date == "2024-06-18" for e in force), events


def test_a_participle_clause_before_the_subject_dates_its_clause(analyzer):
    # 20 June 2024 was a Thursday
    events = _events(analyzer, "Speaking at a rally in Gondar on Tuesday evening, the regional governor accused "
                               "federal troops of looting the town.", "2024-06-20")
    accusations = [e for e in events if e.event_code.startswith("11")]
    assert accusations and {e.date for e in accusations} == {"2024-06-18"}, events


def test_a_participle_clause_leaves_a_dated_clause_its_own_day(analyzer):
    events = _events(analyzer, "Advancing from the south on Sunday, the rebels captured the airport on Tuesday, "
                               "a spokesman said.", "2024-06-20")
    captures = [e for e in events if e.event_code.startswith("19")]
    assert captures and "2024-06-18" in {e.date for e in captures}, events
