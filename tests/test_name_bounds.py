"""A proper name ending in "Army" or "Forces" does not run back over a sentence's end
(ActorStage._unknown_armed_name). Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def actors(analyzer, text: str, published: str = "2024-05-08"):
    article = Article(id="t", text=text, published=published, language="en")
    return [(e.event_code[:2], e.source_actor.name if e.source_actor else None,
             e.source_actor.code if e.source_actor else None) for e in analyzer.analyze(article).events]


def test_a_capitalised_army_after_a_full_stop_is_not_a_rebel_name(analyzer):
    found = actors(analyzer, "Gunmen abducted 14 farmers near Kaduna on Monday. Army commandos killed five of the "
                             "gunmen in a raid on Tuesday.")
    fight = [f for f in found if f[0] in {"18", "19"} and "Army" in (f[1] or "")]
    assert fight and all("." not in f[1] and not (f[2] or "").endswith("REB") for f in fight), found


def test_a_name_inside_one_sentence_is_still_read(analyzer):
    found = actors(analyzer, "The Tembu Hills Liberation Army said on Friday it had seized an army base near "
                             "the border.")
    assert any(name == "Tembu Hills Liberation Army" and code.endswith("REB") for _, name, code in found), found
