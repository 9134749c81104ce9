"""A side that suspends, halts or ends its own operations de-escalates (CAMEO 087); what it
halts is no act, and an appeal to stop attacks stays an appeal."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def codes(analyzer, text: str) -> list[str]:
    article = Article(id="t", text=text, published="2024-05-06", language="en")
    return [e.event_code for e in analyzer.analyze(article).events]


@pytest.mark.parametrize("text", [
    "The Ethiopian army suspended offensive operations around Mekelle at noon on Friday to allow talks.",
    "Saudi Arabia halted its air strikes on Sanaa for 48 hours on Sunday, the coalition said.",
])
def test_suspending_ones_own_operations_de_escalates(analyzer, text):
    found = codes(analyzer, text)
    assert found and all(c.startswith("087") for c in found), found


def test_an_appeal_to_stop_attacks_stays_an_appeal(analyzer):
    found = codes(analyzer, "The African Union called on the Sudanese army to stop the attacks on El Fasher.")
    assert found and all(c.startswith("02") for c in found), found
