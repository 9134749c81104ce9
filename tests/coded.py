"""What the whole pipeline codes from one article of our own: the helpers that tests of
threats and vows share."""
from __future__ import annotations

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event


def events(analyzer: Analyzer, text: str, published: str = "2025-03-12") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def threats(found: list[Event]) -> list[Event]:
    return [e for e in found if e.event_code.startswith("13")]


def code(event: Event, side: str) -> str | None:
    actor = getattr(event, f"{side}_actor")
    return actor.code if actor is not None else None
