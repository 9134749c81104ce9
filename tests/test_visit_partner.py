"""Whom a visit is for: the partner of the talks, summit or meeting it is made for is the
visit's target, before the government of the place visited (frame `meeting`)."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def visits(analyzer, text: str, published: str = "2024-03-13"):
    article = Article(id="t", text=text, published=published, language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code[:2] == "04" or e.event_code == "036"]


@pytest.mark.parametrize("text, target", [
    # the seat of an alliance is in another country: the visit is to the alliance
    ("Serbian President Aleksandar Vucic is due in Brussels on Thursday for a summit with NATO leaders.",
     "IGONAT"),
    ("Kenyan President William Ruto flew to Addis Ababa on Sunday to hold talks with African Union officials.",
     "IGOAFU"),
    # talks held in a third country are with the partner, not the host
    ("Iranian Foreign Minister Abbas Araghchi is due in Oslo on Friday for talks with Saudi officials.",
     "SAU"),
])
def test_the_partner_of_the_talks_is_the_target(analyzer, text, target):
    found = visits(analyzer, text)
    assert found, text
    assert all((e.target_actor.code if e.target_actor else "").startswith(target) for e in found), \
        [(e.event_code, e.target_actor.code if e.target_actor else None) for e in found]


def test_a_visit_with_no_partner_named_goes_to_the_government_of_the_place(analyzer):
    found = visits(analyzer, "Kenyan President William Ruto will visit Paris next week.")
    assert found and all(e.target_actor is not None and e.target_actor.code.startswith("FRA") for e in found), \
        [(e.event_code, e.target_actor.code if e.target_actor else None) for e in found]
