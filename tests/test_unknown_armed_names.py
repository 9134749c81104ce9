"""An armed group's name the knowledge does not know, ending in several capitalised words of a
force ("Ambazonia Defence Forces"), is a non-state armed group's; a person "for" it speaks for
it, not for the government that spoke before (resolve/actors.py `_unknown_armed_name`,
`_armed_name_after`)."""
from __future__ import annotations

from coded import code, events


def test_a_spokesman_for_an_unknown_defence_force_speaks_for_the_group(analyzer):
    found = events(analyzer, "BUEA, Cameroon - The government blamed the separatists for the attack on "
                             "Sunday. A spokesman for the Southern Cameroons Defence Forces denied any role "
                             "on Monday and accused the army of burning the village.", "2019-02-05")
    accusations = [e for e in found if e.event_code.startswith("112") and code(e, "target") == "CMRMIL"]
    assert accusations and code(accusations[0], "source") == "CMRREB", found


def test_a_countrys_defence_forces_stay_its_army(analyzer):
    found = events(analyzer, "The Kenya Defence Forces said on Monday they had killed 12 militants near "
                             "Lamu.", "2019-02-05")
    assert any(code(e, "source") == "KENMIL" for e in found), found
