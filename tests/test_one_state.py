"""A state's own forces and bodies are one side: a toll of its policemen joined to its army's
strikes is the strikes' toll, not their target (merge._one_state)."""
from __future__ import annotations

from coded import code, events


def test_a_toll_of_the_states_own_men_is_no_target_of_its_army(analyzer):
    found = events(analyzer, "GROZNY, Russia - Russian warplanes pounded mountain villages in Chechnya on "
                             "Wednesday as troops tried to drive out rebel fighters. The Interior Ministry "
                             "said nine policemen had been killed in the fighting since Saturday.", "1999-09-30")
    strikes = [e for e in found if e.event_code.startswith("19") and code(e, "source") == "RUSMIL"]
    assert strikes and all(code(e, "target") not in ("RUSCOP", "RUSMIL", "RUSGOV") for e in strikes), found
