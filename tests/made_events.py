"""Event records made by hand for the fusion and story tests: one sentence of evidence,
the fields a coder would fill, the rest left empty."""
from __future__ import annotations

from typing import Any

from sitroom.records import Actor, Event, Evidence, Place


def made_event(doc: str, n: int, code: str, *, source: Actor | None, sentence: str, start: int = 0,
               target: Actor | None = None, place: Place | None = None, date: str = "2024-06-01",
               published: str = "2024-06-02", **extra: Any) -> Event:
    fields: dict[str, Any] = dict(
        id=f"{doc}-e{n}", event_code=code, event_label=f"code {code}", plover_type=None, acled_event_type=None,
        acled_sub_event_type=None, source_actor=source, target_actor=target, date=date, date_precision="day",
        location=place, fatalities=None, attribution=None, modality="asserted", historical=False,
        confidence=0.7, rule="test",
        evidence=(Evidence(doc_id=doc, outlet=f"Outlet {doc}", sentence=sentence, start=start,
                           end=start + len(sentence), published=published),),
    )
    fields.update(extra)
    return Event(**fields)
