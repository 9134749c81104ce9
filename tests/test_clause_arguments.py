"""Which subject, which object, across clauses (issue 13): the actors of an act told in one
clause of a longer sentence. One rule of English or of news writing per test, on sentences
written for these tests (no data set's text). The whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def of_root(found, root: str):
    return [e for e in found if e.event_code.startswith(root)]


# -- a verb of speech joined to a reported clause -----------------------------------------

@pytest.mark.parametrize("text", [
    "A spokesman for the German foreign ministry said Serbia had legitimate security concerns and urged "
    "Kosovo to avoid any provocation.",
    "A British Foreign Office spokeswoman said Armenia had \"serious grievances\" and called on Azerbaijan "
    "to pull its troops back from the border.",
])
def test_an_appeal_joined_to_a_reported_state_is_the_reporters(analyzer, text) -> None:
    # "had concerns" tells how things stand, not an act its subject goes on from
    [appeal] = of_root(events(analyzer, text), "02")
    assert code(appeal, "source")[:3] in ("DEU", "GBR")
    assert code(appeal, "target") in ("XKX", "AZE")


def test_a_verb_sharing_a_reported_perfect_is_the_clauses_subjects(analyzer) -> None:
    # "had seized the commander ... and freed him": "freed" reads as "had freed", the
    # mutineers' act, not the officials' who tell of it
    text = ("Officials in Lima said rebel soldiers had seized the army commander, General Pedro Salas, at his "
            "headquarters and freed him only at dawn.")
    found = events(analyzer, text)
    assert not [e for e in of_root(found, "08") if code(e, "source") == "PERGOV"]


# -- the other side of a tie ----------------------------------------------------------------

def test_the_partner_of_a_tie_the_act_suspends_is_its_target(analyzer) -> None:
    text = "Belgium on Friday suspended all defence cooperation with Burundi after the killings."
    [suspension] = of_root(events(analyzer, text), "16")
    assert code(suspension, "source") == "BEL" and code(suspension, "target") == "BDI"
