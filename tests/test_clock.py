"""The clock is an input (`Options.today`): the same article coded with two clocks differs
only where the day must matter, so that a run over an archive gives the same result on
any day once the clock is pinned (issue 19: a benchmark's figure moved from one day to
the next)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from sitroom.options import Options
from sitroom.pipeline import Analyzer, with_publication_date
from sitroom.records import Analysis, Article
from sitroom.resolve.dates import DateStage

BEFORE = dt.date(2031, 4, 2)  # a clock before the act the article states
AFTER = dt.date(2031, 5, 20)  # and one after it


@pytest.fixture(scope="module")
def clocked(analyzer):
    """Analysers that differ only in their clock (the session's model and knowledge)."""
    def make(today: dt.date | None) -> Analyzer:
        return Analyzer(Options(today=today), nlp=analyzer.nlp, knowledge=analyzer.knowledge)
    return make


def _without(analysis: Analysis, *fields: str) -> dict[str, Any]:
    """The analysis as plain data, the named fields of its events and dates left out."""
    data = dataclasses.asdict(analysis)
    for key in ("events", "dates"):
        for item in data[key]:
            for field in fields:
                item.pop(field, None)
    return data


def test_the_default_clock_is_the_machines():
    assert Options().today is None
    assert DateStage().today is None


def test_a_stated_date_after_the_clocks_day_is_suspect_and_nothing_else_moves(clocked):
    # no publication date and no dateline: the clock is the only bound on the stated date
    text = ("Soldiers shelled the village of Torvik on 14 April 2031, killing three farmers, "
            "the regional governor said. The army denied any role in the attack.")
    article = Article(id="clock-1", text=text)
    before = clocked(BEFORE).analyze(article)
    after = clocked(AFTER).analyze(article)
    stated = [d for d in after.dates if d.value == "2031-04-14"]
    assert stated and not any(d.suspect for d in stated)
    assert all(d.suspect for d in before.dates if d.value == "2031-04-14")
    shelling = [e for e in after.events if e.event_code.startswith("19")]
    assert shelling and all(e.date == "2031-04-14" and not e.date_suspect for e in shelling)
    assert all(e.date_suspect for e in before.events if e.event_code.startswith("19"))
    # an event with a date not trusted is less sure of itself; everything else is the same
    assert [e.confidence for e in before.events if e.date_suspect] < \
        [e.confidence for e in after.events if e.event_code.startswith("19")]
    ignored = ("suspect", "date_suspect", "confidence")
    assert _without(before, *ignored) == _without(after, *ignored)


def test_two_clocks_after_the_article_code_it_identically(clocked):
    text = ("Police fired tear gas at thousands of teachers marching on the education ministry "
            "in Valdera on Monday, a week after talks on their pay collapsed.")
    article = Article(id="clock-2", text=text, published="2031-03-05")
    assert clocked(AFTER).analyze(article) == clocked(dt.date(2033, 1, 9)).analyze(article)


def test_a_publication_date_after_the_clocks_day_is_not_trusted():
    article = Article(id="clock-3", text="Rebels seized the town of Merlo.", published="2031-04-20")
    assert with_publication_date(article, today=AFTER).published == "2031-04-20"
    untrusted = with_publication_date(article, today=BEFORE)
    assert untrusted.published is None
    assert "publication date 2031-04-20 is in the future: not trusted" in untrusted.notes


def test_a_dateline_without_a_year_takes_the_clocks_year():
    article = Article(id="clock-4", text="TORVIK, March 3 (Reuters) - Rebels seized the town's airport.")
    assert with_publication_date(article, today=dt.date(2031, 6, 1)).published == "2031-03-03"
    assert with_publication_date(article, today=dt.date(2034, 6, 1)).published == "2034-03-03"
