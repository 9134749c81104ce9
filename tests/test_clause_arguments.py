"""Which subject, which object, across clauses (issue 13): the actors of an act told in one
clause of a longer sentence. One rule of English or of news writing per test, on sentences
written for these tests (no data set's text). The whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events

pytestmark = pytest.mark.slow


def of_root(found, root: str):
    return [e for e in found if e.event_code.startswith(root)]


# -- the other side of a tie ----------------------------------------------------------------

def test_the_partner_of_a_tie_the_act_suspends_is_its_target(analyzer) -> None:
    text = "Belgium on Friday suspended all defence cooperation with Burundi after the killings."
    [suspension] = of_root(events(analyzer, text), "16")
    assert code(suspension, "source") == "BEL" and code(suspension, "target") == "BDI"
