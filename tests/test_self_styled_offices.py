"""An office a breakaway group gave itself ("the self-proclaimed prime minister") is the
group's, not the state's (actors.SELF_STYLED_RE); soldiers who turned on their state
(mutineers, putschists) are rebels against it (roles.tsv)."""
from __future__ import annotations

from coded import code, events


def test_a_self_proclaimed_prime_minister_is_no_government(analyzer):
    found = events(analyzer, "LUHANSK, Ukraine, Aug 14 - The self-proclaimed prime minister of the Luhansk "
                             "People's Republic, Valery Bolotov, accused Kiev of shelling residential areas.",
                   "2014-08-14")
    accusations = [e for e in found if e.event_code.startswith("11")]
    assert accusations and code(accusations[0], "source") == "UKRREB", found
    assert code(accusations[0], "target") == "UKRGOV", found


def test_the_prime_minister_stays_the_government(analyzer):
    found = events(analyzer, "KIEV, Ukraine, Aug 14 - The prime minister, Arseniy Yatsenyuk, accused Russia "
                             "of arming the separatists.", "2014-08-14")
    accusations = [e for e in found if e.event_code.startswith("11")]
    assert accusations and code(accusations[0], "source") == "UKRGOV", found


def test_mutineers_attacking_the_army_are_rebels(analyzer):
    found = events(analyzer, "ABIDJAN, Ivory Coast, Jan 7 - Loyal troops repelled an attack by mutineers on the "
                             "army headquarters in Bouake on Saturday.", "2017-01-08")
    attacks = [e for e in found if e.event_code.startswith("19") and code(e, "source") == "CIVREB"]
    assert attacks and code(attacks[0], "target") == "CIVMIL", found
