"""Who receives an act given as a noun ("received support from", "obtained aid from") is
the act's target, and the giver named after "from" its source."""
from __future__ import annotations

from sitroom.records import Article


def test_who_receives_support_is_its_target(analyzer):
    article = Article(id="t", text="Chad's army launched an offensive in the east in May. The Chadian rebels "
                                   "receive support from Sudan and Libya, diplomats in N'Djamena say.",
                      published="2024-06-03", language="en")
    support = [e for e in analyzer.analyze(article).events if e.event_code == "051"]
    assert support and {e.source_actor.code for e in support} == {"SDN", "LBY"}, \
        [(e.source_actor, e.target_actor) for e in support]
    assert all(e.target_actor is not None and e.target_actor.code == "TCDREB" for e in support), \
        [(e.source_actor, e.target_actor) for e in support]
