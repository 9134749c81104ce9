"""A party's claim merged into an event others report (coding/merge.py): the others' count
and name stay the event's. Plain drafts, no parse."""
from __future__ import annotations

from sitroom.coding.draft import Draft
from sitroom.coding.merge import merge_events
from sitroom.records import Actor, Evidence, TollReport

RAIDERS = Actor(text="insurgents", name="insurgents", code="NGAINS", country="NGA")
TROOPS = Actor(text="soldiers", name="soldiers", code="NGAMIL", country="NGA")


def draft(*, anchor: int, modality: str, attribution: str, killed: int, anaphoric: bool = False) -> Draft:
    sentence = f"sentence {anchor}"
    return Draft(code="190", rule="test", trigger="raid", lemma="raid", anchor=anchor, source=RAIDERS,
                 target=TROOPS, date="2025-03-09", date_precision="day", date_inferred=False, historical=False,
                 place=None, tolls=[TollReport(killed=killed, injured=None, qualifier="exact", attribution=attribution,
                                               doc_id="d", sentence=sentence)],
                 attribution=attribution, modality=modality,
                 evidence=[Evidence(doc_id="d", outlet=None, sentence=sentence, start=anchor, end=anchor + 10)],
                 symmetric=False, violent=True, anaphoric=anaphoric)


def test_a_party_s_claim_keeps_the_independent_count_and_source():
    reported = draft(anchor=0, modality="asserted", attribution="two security sources", killed=17)
    claim = draft(anchor=100, modality="claimed", attribution="ISWAP (Islamic State West Africa Province)",
                  killed=25, anaphoric=True)
    [event] = merge_events([reported, claim])
    assert event.attribution == "two security sources"
    assert [t.killed for t in event.tolls] == [17]
    assert len(event.evidence) == 2  # the claim is still evidence of the event


def test_a_claim_alone_keeps_its_own_count():
    first = draft(anchor=0, modality="asserted", attribution="officials", killed=17)
    first.tolls = []
    claim = draft(anchor=100, modality="claimed", attribution="the group", killed=25, anaphoric=True)
    [event] = merge_events([first, claim])
    assert [t.killed for t in event.tolls] == [25]
