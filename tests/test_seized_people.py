"""People seized are abducted (181), ground seized is taken (192), weapons seized are
confiscated (171); a crowd counted by number alone that protests is the place's civilians;
and a protest abroad does not set the scene of a story of violence."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def events(analyzer, text: str, published: str = "2024-05-06"):
    article = Article(id="t", text=text, published=published, language="en")
    return analyzer.analyze(article).events


@pytest.mark.parametrize("text, code", [
    ("Gunmen seized a Norwegian aid worker and two journalists near Gao on Thursday.", "181"),
    ("The rebels seized around 60 villagers and used some of them as human shields.", "181"),
    ("The rebels seized the airport at Gao on Thursday.", "192"),
    ("Soldiers seized a large cache of weapons near the border on Thursday.", "171"),
])
def test_what_is_seized_decides_the_act(analyzer, text, code):
    found = [e.event_code for e in events(analyzer, text)]
    assert found and set(found) == {code}, found  # (one event per victim named apart)


@pytest.mark.parametrize("text, country", [
    ("Thousands marched in Dakar on Saturday against the junta in Bamako.", "SEN"),
    ("About 4,000 protested outside parliament in Lusaka on Tuesday.", "ZMB"),
])
def test_a_crowd_counted_by_number_is_the_places_civilians(analyzer, text, country):
    found = [e for e in events(analyzer, text) if e.event_code.startswith("14")]
    assert found and all(e.source_actor is not None and e.source_actor.code == f"{country}CVL" for e in found), \
        [(e.event_code, e.source_actor.code if e.source_actor else None) for e in found]


def test_a_protest_abroad_does_not_set_the_scene_of_the_violence(analyzer):
    text = ("The U.N. rights chief said on Monday that Sudan's army was committing atrocities in Darfur.\n\n"
            "He told the council in Geneva that security forces had burned villages and fired on civilians "
            "as they fled.\n\n"
            "Chad and Egypt have protested to Sudan's government over the killings, and thousands marched in "
            "N'Djamena on Saturday against the violence.")
    violent = [e for e in events(analyzer, text, "2024-09-16") if e.event_code[:2] in ("18", "19", "20")]
    assert violent and all(a is None or not (a.code or "").startswith("TCD")
                           for e in violent for a in (e.source_actor, e.target_actor)), \
        [(e.event_code, e.source_actor, e.target_actor) for e in violent]
