"""Dates in copy written all in capitals: "MAY" and "MARCH" are months beside a day's
number or after a preposition of time, and the modal and the noun elsewhere. Sentences
are our own."""
from __future__ import annotations

from sitroom.records import Article


def test_may_in_capitals_beside_a_day_is_the_month_and_beside_a_count_the_modal(analyzer):
    def after_dateline(text: str) -> str:
        return analyzer.recaser.recase(f"KINSHASA, 9 MAY 1994 -- {text}").split("--", 1)[1]
    assert " on 3 May 1994," in after_dateline("REBELS SHELLED THE AIRPORT ON 3 MAY 1994, THE ARMY SAID TODAY.")
    assert " on 3 May " in after_dateline("ON 3 MAY MILITIAMEN BURNED TWO VILLAGES NEAR THE LAKE.")
    # a count, then the modal and its verb
    assert " 20 may have died" in after_dateline("OFFICIALS FEAR THAT SOME 20 MAY HAVE DIED IN THE FIRE.")
    assert " 12 of the wounded may die" in after_dateline("DOCTORS SAID 12 OF THE WOUNDED MAY DIE WITHOUT SURGERY.")


def test_a_day_and_month_in_capitals_dates_the_event_to_the_day(analyzer):
    text = "KINSHASA, 9 MAY 94 -- [TEXT] REBELS SHELLED THE AIRPORT OF GOMA ON 3 MAY 1994, THE ARMY SAID TODAY."
    analysis = analyzer.analyze(Article(id="t", text=text, published="1994-05-09"))
    shelling = [e for e in analysis.events if e.event_code.startswith("19")]
    assert shelling and {(e.date, e.date_precision) for e in shelling} == {("1994-05-03", "day")}, analysis.events


def test_a_day_whose_year_is_told_in_words_is_that_day_of_that_year(analyzer):
    upper = analyzer.analyze(Article(id="u", published="1995-10-20", text=(
        "NAIROBI, 20 OCT 95 -- [TEXT] BANDITS OF THAT GANG KILLED TWO TEACHERS IN GARISSA ON 24 MAY THIS YEAR.")))
    mixed = analyzer.analyze(Article(id="m", published="1995-10-20", text=(
        "On March 3 of last year, gunmen shot dead a judge in Mombasa.")))
    assert {d.text.lower(): d.value for d in upper.dates}.get("24 may this year") == "1995-05-24", upper.dates
    assert {d.text: d.value for d in mixed.dates}.get("March 3 of last year") == "1994-03-03", mixed.dates
    # told months before the report: background, as "on 24 May 1995" would be
    events = [e for a in (upper, mixed) for e in a.events if e.event_code.startswith("18")]
    assert events and all(e.historical for e in events), events
