"""A date the parser hangs on a past participle that describes a noun: the act the noun
names, or the clause the noun is the object of, takes it. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def _events(analyzer, text: str, published: str):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def test_an_act_carried_out_on_a_day_is_dated_that_day(analyzer):
    # 15 March 2024 was a Friday
    events = _events(analyzer, "Police said on Friday that the mayor escaped a bomb attack carried out by "
                               "rebels on Monday outside the town hall.", "2024-03-15")
    attack = [e for e in events if e.event_code.startswith("18")]
    assert attack and {e.date for e in attack} == {"2024-03-11"}, events


def test_a_state_told_of_a_noun_leaves_the_day_to_the_clause(analyzer):
    # 15 March 2024 was a Friday: the push was on Wednesday, the statement on Thursday
    events = _events(analyzer, "Government troops pushed into the last strip of land held by the rebels on "
                               "Wednesday, seizing two hills and killing 12 fighters, the army said on Thursday.",
                     "2024-03-15")
    fighting = [e for e in events if e.event_code[:2] in ("18", "19")]
    assert fighting and {e.date for e in fighting} == {"2024-03-13"}, events


def test_the_killing_by_men_wearing_uniforms_on_a_day_is_dated_that_day(analyzer):
    events = _events(analyzer, "THE BISHOP LEFT THE COUNTRY AFTER THE KILLING OF FOUR NUNS BY MEN WEARING POLICE "
                               "UNIFORMS ON 2 MAY.", "1994-05-09")
    killing = [e for e in events if e.event_code.startswith("18")]
    assert killing and {e.date for e in killing} == {"1994-05-02"}, events


def test_a_date_between_an_acts_noun_and_its_verb_dates_the_act(analyzer):
    events = _events(analyzer, "THE MURDER OF THREE REPORTERS IN THE CAPITAL YESTERDAY SHOWS THE CRUELTY OF THE "
                               "REGIME.", "1994-05-09")
    murder = [e for e in events if e.event_code.startswith("18")]
    assert murder and {(e.date, e.date_inferred) for e in murder} == {("1994-05-08", False)}, events


def test_a_day_before_an_acts_noun_dates_that_act_not_the_clause(analyzer):
    events = _events(analyzer, "AFTER THE 18 APRIL ASSASSINATION OF THE JUDGE, THE GOVERNMENT ORDERED AN OFFENSIVE "
                               "AGAINST THE GANGS.", "1994-05-09")
    assert {e.date for e in events if e.event_code.startswith("18")} == {"1994-04-18"}, events
