"""The MUC-4 benchmark's date figure: a template's day (or short range) against the dates
of the article's violent incidents. Templates and events are made by hand."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from made_events import made_event

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import muc4_eval  # noqa: E402

SENTENCE = "GUNMEN SHOT A JUDGE IN HIS CAR."


def _incident(date: str, precision: str = "day"):
    return made_event("a", 1, "180", source=None, sentence=SENTENCE, date=date, date_precision=precision)


def test_template_spans_keep_days_and_short_ranges_only() -> None:
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["07 MAR 91"]}) == [(dt.date(1991, 3, 7),) * 2]
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["07 MAR 91 - 09 MAR 91"]}) == [
        (dt.date(1991, 3, 7), dt.date(1991, 3, 9))]
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["- 07 MAR 91"]}) == []  # on or before
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["01 MAR 91 - 31 MAR 91"]}) == []  # the month
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["-"]}) == []
    assert muc4_eval.template_spans({"INCIDENT: DATE": ["(- 07 MAR 91) / 06 MAR 91"]}) == [
        (dt.date(1991, 3, 6),) * 2]


def test_dated_right_needs_the_incident_on_the_day_or_within_the_range() -> None:
    day = {"INCIDENT: DATE": ["07 MAR 91"]}
    assert muc4_eval.dated_right(day, [_incident("1991-03-08"), _incident("1991-03-07")]) is True
    assert muc4_eval.dated_right(day, [_incident("1991-03-08")]) is False
    assert muc4_eval.dated_right(day, [_incident("1991-01-01", "year")]) is False  # only the year
    assert muc4_eval.dated_right(day, [_incident("1991-03-01", "month")]) is False
    assert muc4_eval.dated_right({"INCIDENT: DATE": ["- 07 MAR 91"]}, [_incident("1991-03-07")]) is None
    short = {"INCIDENT: DATE": ["06 MAR 91 - 09 MAR 91"]}
    assert muc4_eval.dated_right(short, [_incident("1991-03-08")]) is True
    assert muc4_eval.dated_right(short, [_incident("1991-03-05")]) is False
