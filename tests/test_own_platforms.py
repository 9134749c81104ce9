"""A state's armed forces telling of strikes by jets, helicopters or gunboats they name as
no one's tell of their own strikes (frame `platform`); anyone else telling of unnamed jets,
or jets named as someone's, names no source by them."""
from __future__ import annotations

import pytest

from violence import actor_code, violent_events

LEAD = "Nigeria's army began an offensive against the insurgents in the northeast in June. "


@pytest.mark.parametrize("text", [
    LEAD + "Jets struck insurgent camps near Lake Chad overnight, killing 30 fighters, the army said.",
    LEAD + "Helicopter gunships pounded rebel positions in the forest on Sunday, the military said.",
])
def test_the_forces_telling_of_unnamed_jets_are_their_source(analyzer, text):
    events = [e for e in violent_events(analyzer, text, "2024-07-08") if "June" not in e.evidence[0].sentence]
    assert events and all(actor_code(e) == "NGAMIL" for e in events), [(e.event_code, actor_code(e)) for e in events]


@pytest.mark.parametrize("text", [
    # told by residents: whose jets they were is not said
    LEAD + "Jets struck a crowded market near Lake Chad overnight, killing 30 people, residents said.",
    # named as the enemy's: not the teller's own
    LEAD + "Enemy jets struck army camps near Lake Chad overnight, the army said.",
])
def test_jets_told_by_others_or_named_as_anothers_are_not_the_tellers(analyzer, text):
    events = [e for e in violent_events(analyzer, text, "2024-07-08") if "June" not in e.evidence[0].sentence]
    assert events and all(actor_code(e) != "NGAMIL" for e in events), [(e.event_code, actor_code(e)) for e in events]
