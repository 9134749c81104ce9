"""Dates inside a story: a follow-up published days after the first report retells its act
("the shooting last week") with no date of its own, and the coder dates it by the
follow-up's article. The articles of one story are published up to `story.STORY_DAYS`
apart and a report states an act up to `fusion.DATE_WINDOW` days before it, so inside a
story such a date is compared in a window of ten days; stated dates, and reports of no
common story, keep the exact window."""
from __future__ import annotations

from typing import Any

from sitroom import fusion
from sitroom.knowledge.fusion_rules import default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()
HARLOW = Place(name="Harlow Springs", country="USA", admin1="Nevada", lat=39.2, lon=-119.1, precision="city")
FIRST = ("A gunman killed 2 guards at the Cobalt Ridge mine near Harlow Springs on June 1, Sheriff Ada Quill said. "
         "Deputies from Harlow Springs and Pine Mesa searched the Cobalt Ridge road until dawn. Mine owner Tessa "
         "Vantro closed Shaft 4. Nevada Governor Lyle Brandt sent state troopers.")
LATER = ("Sheriff Ada Quill named the gunman who killed 2 guards at the Cobalt Ridge mine near Harlow Springs. "
         "Deputies from Harlow Springs and Pine Mesa had searched the Cobalt Ridge road. Mine owner Tessa Vantro "
         "reopened Shaft 4, and Nevada Governor Lyle Brandt thanked the state troopers.")


def _article(doc: str, text: str, date: str, published: str, *, inferred: bool) -> tuple[
        Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "."
    gunman = Actor(text="gunman", name="gunman", code="UAF", country=None)
    event = made_event(doc, 1, "193", source=gunman, place=HARLOW, sentence=sentence, date=date,
                       published=published, date_inferred=inferred)
    return (Article(id=doc, text=text, outlet=f"Outlet {doc}", published=published, language="en"),
            [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event])


def _member(doc: str, date: str, *, inferred: bool) -> dict[str, Any]:
    return _article(doc, FIRST if doc == "first" else LATER, date, date, inferred=inferred)[2][0].to_dict()


def test_inside_a_story_a_date_taken_from_the_article_may_be_ten_days_after_the_stated_one() -> None:
    first = _member("first", "2024-06-01", inferred=False)
    inside = fusion.Story(0.4, KNOWLEDGE)
    nine_days = _member("later", "2024-06-10", inferred=True)
    assert fusion.veto(first, nine_days, inside) is None
    assert fusion.score(first, nine_days, inside).passes()
    # eleven days is past a week of publication and the days a report states
    assert fusion.veto(first, _member("later", "2024-06-12", inferred=True), inside) == "dates too far apart"
    # two stated dates nine days apart are two days told, and outside a story the window is exact
    assert fusion.veto(first, _member("later", "2024-06-10", inferred=False), inside) == "dates too far apart"
    assert fusion.veto(first, nine_days) == "dates too far apart"


def test_a_follow_up_dated_by_its_article_joins_the_first_report_in_either_order() -> None:
    made = {"first": _article("first", FIRST, "2024-06-01", "2024-06-03", inferred=False),
            "later": _article("later", LATER, "2024-06-10", "2024-06-10", inferred=True)}
    for order in (["first", "later"], ["later", "first"]):
        with Store.open(":memory:") as store:
            for name in order:
                store.add_articles([made[name]])
            assert [tuple(e["articles"]) for e in store.events()] == [("first", "later")]
            (event,) = store.events()
            assert event["date"] == "2024-06-01"  # the stated date beats the one taken from the article


def test_a_date_given_by_its_month_or_year_is_every_day_of_it() -> None:
    day = _member("first", "2024-06-24", inferred=False)
    june = {**_member("later", "2024-06-01", inferred=False), "date_precision": "month"}
    year = {**_member("later", "2024-01-01", inferred=False), "date_precision": "year"}
    week = {**_member("later", "2024-06-17", inferred=False), "date_precision": "week"}
    assert fusion.days_apart(day, june) == fusion.days_apart(june, day) == 0
    assert fusion.days_apart(day, year) == 0
    assert fusion.days_apart(day, week) == 1  # the week of Monday 17 June ends on the 23rd
    assert fusion.veto(day, june) is None  # "in June" and "on June 24": one date told at two precisions
    # the month before, the year before, and two undated reports
    may = {**june, "date": "2024-05-01"}
    assert fusion.days_apart(day, may) == 24 and fusion.veto(day, may) == "dates too far apart"
    assert fusion.veto(day, {**year, "date": "2023-01-01"}) == "dates too far apart"
    assert fusion.days_apart(day, {**june, "date": None}) is None


def test_a_day_inside_a_reports_year_agrees_as_a_coarse_date_does() -> None:
    day = _member("first", "2024-06-24", inferred=False)
    year = {**_member("later", "2024-01-01", inferred=False), "date_precision": "year"}
    match = fusion.score(day, year, fusion.Story(0.4, KNOWLEDGE))
    assert match.veto is None and "date" not in match.differed and "date" not in match.agreed
    month = {**_member("later", "2024-05-01", inferred=False), "date_precision": "month"}
    assert "date" not in fusion.score(day, month, fusion.Story(0.4, KNOWLEDGE)).differed  # 24 days from May
