"""Only a state's government imposes or eases a curfew or a state of emergency: one told with
no doer is by the government of the country it happened in (rules.implied_authority); a
curfew or martial law named as the state an act is done in is no act (rules.circumstance)."""
from __future__ import annotations

from coded import code, events


def test_a_curfew_imposed_with_no_doer_is_the_governments(analyzer):
    found = events(analyzer, "KATHMANDU, Nepal - A curfew was imposed on three districts of the Terai on "
                             "Tuesday after clashes between police and protesters.", "2015-08-26")
    curfews = [e for e in found if e.event_code.startswith("172")]
    assert curfews and code(curfews[0], "source") == "NPLGOV", found


def test_a_curfew_eased_with_no_doer_is_the_governments(analyzer):
    found = events(analyzer, "SRINAGAR, India - The curfew in the old city was eased for four hours on "
                             "Sunday to let residents buy food.", "2016-07-18")
    eased = [e for e in found if e.event_code.startswith("081")]
    assert eased and code(eased[0], "source") == "INDGOV", found


def test_martial_law_as_a_circumstance_is_no_declaration(analyzer):
    found = events(analyzer, "MANILA - Soldiers patrolled the empty streets of Marawi on Friday under "
                             "martial law.", "2017-05-27")
    assert not [e for e in found if e.event_code.startswith("172")], found
