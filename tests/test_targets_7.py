"""Whom the act is aimed at (issue 13, h98): soldiers taken prisoner, and whom a planned
appeal, a condemnation or a vow of revenge is aimed at. Sentences written for the project
(none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow

code = actor_code


def events(analyzer: Analyzer, text: str, published: str = "2025-03-12") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def rooted(found: list[Event], root: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(root)]


def test_paratroopers_captured_are_soldiers_taken_prisoner(analyzer):
    found = events(analyzer, "Georgian forces captured twelve Russian paratroopers near the border on Monday.",
                   "2008-08-12")
    [capture] = rooted(found, "17")
    assert code(capture, "source") == "GEOMIL" and code(capture, "target") == "RUSMIL"
