"""The country named as the other side of a border ("near the border with Mali") is neither
the act's target nor its place: the border is as much the near country's."""
from __future__ import annotations

from sitroom.records import Article

from violence import actor_code, violent_events


def test_an_ambush_near_the_border_with_a_neighbour_is_not_in_the_neighbour(analyzer):
    text = ("Burkina Faso's junta extended the state of emergency on Sunday. Suspected jihadists killed seven "
            "soldiers in an ambush near the border with Niger on Saturday, the army said.")
    events = [e for e in violent_events(analyzer, text, "2024-03-11") if "ambush" in e.evidence[0].sentence]
    assert events, text
    assert all(e.location is None or e.location.country != "NER" for e in events), [e.location for e in events]
    assert all(not (actor_code(e) or "").startswith("NER") and not (actor_code(e, "target") or "").startswith("NER")
               for e in events), [(actor_code(e), actor_code(e, "target")) for e in events]


def test_an_advance_toward_the_border_is_no_attack_on_the_neighbour(analyzer):
    article = Article(id="t", text="Armed gangs attacked the town of Mirebalais in Haiti's Centre department on "
                                   "Monday, killing 10 people, as the gang coalition pushed further towards the "
                                   "border with the Dominican Republic.",
                      published="2024-03-12", language="en")
    found = analyzer.analyze(article).events
    assert found and all(e.target_actor is None or not e.target_actor.code.startswith("DOM") for e in found), \
        [(e.event_code, e.target_actor) for e in found]
    assert all(e.location is None or e.location.country != "DOM" for e in found), [e.location for e in found]
