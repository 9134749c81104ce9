"""Threats and ultimatums (CAMEO 13) told without a verb of threatening (issue 13, h46): an
act announced on a condition another party must meet, and "will not go unpunished". Each
rule with sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events, threats

pytestmark = pytest.mark.slow


def test_an_act_announced_unless_the_other_side_gives_in_is_an_ultimatum(analyzer):
    found = events(analyzer, "A government spokesman in N'Djamena said on Friday that the troops would come back "
                             "to the north unless the rebels laid down their arms.")
    [threat] = threats(found)
    assert threat.event_code == "139"
    assert code(threat, "source") == "TCDGOV" and code(threat, "target") == "TCDREB"
    assert threat.date == "2025-03-07"


def test_if_not_is_a_condition_and_by_force_names_the_threat(analyzer):
    found = events(analyzer, "Kenya's interior minister said on Tuesday that if Somali militiamen did not leave "
                             "the border posts they would be removed by force.")
    [threat] = threats(found)
    assert threat.event_code == "138"
    assert code(threat, "source") == "KENGOV" and (code(threat, "target") or "").startswith("SOM")


def test_a_vow_on_any_condition_is_a_threat(analyzer):
    found = events(analyzer, "Venezuela's president vowed on Monday to turn the jungle into a cemetery for the "
                             "Colombians if they crossed the river.")
    [threat] = threats(found)
    assert code(threat, "source") == "VENGOV"
    assert threat.date == "2025-03-10"


def test_will_not_go_unpunished_is_a_threat(analyzer):
    found = events(analyzer, "The Nigerian president said on Monday that the killers of the villagers would not "
                             "go unpunished.")
    [threat] = threats(found)
    assert threat.event_code == "130" and code(threat, "source") == "NGAGOV"


@pytest.mark.parametrize("text", [
    # an offer on terms: a good promised, no threat
    "The rebels said they would free the hostages if the government released their comrades.",
    # no one is told what to do: the condition befalls the speaker's own side
    "The Turkish defence ministry said its troops would remain neutral unless they came under fire.",
])
def test_no_ultimatum_without_a_demand_on_another_party(analyzer, text):
    assert not threats(events(analyzer, text))
