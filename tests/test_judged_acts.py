"""An act named as the object of a verb of naming, with what it is called after it, is an
act told before and judged now, never an act of the one who judges it
(rules.label_of_object). Sentences are our own."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def events(analyzer, text: str):
    article = Article(id="t", text=text, published="2025-03-12", language="en")
    return [(e.event_code, e.source_actor.code if e.source_actor else None) for e in analyzer.analyze(article).events]


@pytest.mark.parametrize("text", [
    "Ethiopian jets bombed three towns in Eritrea early on Wednesday. Eritrean President Isaias Afwerki called "
    "the strikes an act of war and said Eritrea had every right to respond.",
    "Ethiopian jets bombed three towns in Eritrea early on Wednesday. Eritrea's information minister described "
    "the raids as a declaration of war.",
])
def test_the_judge_is_not_the_doer(analyzer, text):
    found = events(analyzer, text)
    assert ("195", "ETHMIL") in found or ("190", "ETHMIL") in found, found
    assert not [e for e in found if e[0][:2] in ("18", "19", "20") and e[1] and e[1].startswith("ERI")], found
