"""A course of action considered, weighed or debated (CAMEO 014) is no act of its own: "the
cabinet will consider imposing sanctions" imposes none, and a meeting called to discuss
sending troops is the meeting."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def events(analyzer, text: str):
    article = Article(id="t", text=text, published="2024-05-06", language="en")
    return analyzer.analyze(article).events


@pytest.mark.parametrize("text", [
    "The Kenyan cabinet will consider imposing sanctions on Somalia's Jubaland administration next week.",
    "The African Union is weighing sending more troops to Mogadishu, diplomats in Addis Ababa said.",
])
def test_a_considered_act_is_a_consideration_not_the_act(analyzer, text):
    found = events(analyzer, text)
    assert [e.event_code for e in found] == ["014"], [(e.event_code, e.modality) for e in found]


def test_what_a_meeting_is_called_to_discuss_is_the_meeting(analyzer):
    found = events(analyzer, "East African army chiefs are due to meet in Arusha on Thursday to discuss "
                             "sending troops to Goma.")
    assert found and all(e.event_code[:2] in ("03", "04") for e in found), [e.event_code for e in found]
