""""Be going to" tells what its doer will do, as "will" does: a refusal when negated ("we are
not going to negotiate"), a threat when the act is force (rules.told_as_will, frames.modality)."""
from __future__ import annotations

from coded import code, events


def test_not_going_to_negotiate_is_a_refusal(analyzer):
    found = events(analyzer, "LIMA, Peru - \"We are not going to negotiate with terrorists,\" President "
                             "Alberto Fujimori told reporters on Thursday.", "1996-12-20")
    refusals = [e for e in found if e.event_code.startswith("12")]
    assert refusals and code(refusals[0], "source") == "PERGOV", found
    assert not [e for e in found if e.event_code.startswith("016")], found


def test_going_to_attack_is_a_threat(analyzer):
    found = events(analyzer, "BAMAKO, Mali - The rebels said on Monday that they were going to attack "
                             "the garrison at Kidal.", "2012-03-20")
    assert [e for e in found if e.event_code.startswith("13")], found
    assert not [e for e in found if e.event_code.startswith("19")], found
