"""Helpers shared by the tests of the coder's rules of violence (sides, perpetrators,
generic statements, background, figures of speech): the violent events the whole pipeline
codes from one text, and an event's actor code."""
from __future__ import annotations

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

VIOLENT_ROOTS = ("18", "19", "20")


def violent_events(analyzer: Analyzer, text: str, published: str) -> list[Event]:
    """Every violent event (roots 18 to 20) of one text, background included."""
    article = Article(id="t", text=text, published=published, language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code[:2] in VIOLENT_ROOTS]


def actor_code(event: Event, side: str = "source") -> str | None:
    """The code of the event's source or target actor, None when it has none."""
    actor = getattr(event, f"{side}_actor")
    return actor.code if actor is not None else None
