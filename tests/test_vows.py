"""Vows of force told in the future with no verb of threatening (issue 13, h61): a speaker
for a state or an armed side says his side will use force; a threat of force (138). Each
rule with sentences written for the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from coded import code, events, threats

pytestmark = pytest.mark.slow


def test_the_army_will_recover_the_land_the_rebels_hold(analyzer):
    found = events(analyzer, "President Evariste Ndayishimiye accused the rebels of hiding among farmers and said on "
                             "Monday that the army would recover every village.")
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "BDIGOV"
    assert threat.date == "2025-03-10"


def test_we_will_return_to_a_place_in_a_quote_that_goes_on(analyzer):
    found = events(analyzer, '"This war has not ended," the Malian prime minister said on Monday. '
                             '"We will return to Kidal."')
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "MLIGOV"


def test_they_will_be_removed_if_they_do_not_leave(analyzer):
    found = events(analyzer, '"If they do not pull out of Tessalit, they will be removed," the Malian defence '
                             'minister told reporters on Tuesday.')
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "MLIGOV"
    assert threat.date == "2025-03-11"


def test_a_state_that_will_respond_threatens_and_states_nothing_else(analyzer):
    found = events(analyzer, "Pyongyang denounced the joint drills on Monday and said it would respond in a way "
                             "Seoul would never forget.")
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "PRKGOV"
    assert not [e for e in found if e.event_code == "010"]


def test_the_military_will_crush_the_named_foe(analyzer):
    found = events(analyzer, "Burkina Faso's junta leader said the army would crush the jihadists.")
    [threat] = threats(found)
    assert threat.event_code == "138" and (code(threat, "source") or "").startswith("BFA")


def test_a_vow_to_recover_ground_names_streets_and_inches(analyzer):
    found = events(analyzer, "Colombian President Gustavo Petro said on Tuesday that the army would recover every "
                             "inch of the Catatumbo.")
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "COLGOV"
    assert threat.date == "2025-03-11"


def test_a_vow_to_bring_someone_to_trial_is_a_threat(analyzer):
    found = events(analyzer, "Guatemala's president vowed on Monday to bring the killers of the journalist to justice.")
    [threat] = threats(found)
    assert threat.event_code == "130" and code(threat, "source") == "GTMGOV"
    assert code(threat, "target") != "GTMMED"  # the killers, not the journalist
    assert threat.date == "2025-03-10"


def test_an_act_done_with_full_force_by_the_speakers_army_is_a_threat(analyzer):
    found = events(analyzer, "Azerbaijan's president said on Monday that the army would keep acting with full force "
                             "against Armenian troops.")
    [threat] = threats(found)
    assert threat.event_code == "138" and code(threat, "source") == "AZEGOV"
    assert (code(threat, "target") or "").startswith("ARM")
    assert not [e for e in found if e.event_code == "010"]


def test_the_army_a_foreign_minister_speaks_of_is_his_own(analyzer):
    found = events(analyzer, "Shelling hit villages near Kelbajar on Sunday, Armenian officials said. Azerbaijan's "
                             "defence minister said the army would act with full force against any provocation.")
    [threat] = threats(found)
    assert code(threat, "source") == "AZEGOV"


def test_a_state_warning_its_neighbours_does_not_warn_its_own_people(analyzer):
    found = events(analyzer, "Pakistani Prime Minister Imran Khan warned neighbours that Pakistan would not "
                             "tolerate the use of their soil for attacks.")
    [threat] = threats(found)
    assert code(threat, "source") == "PAKGOV" and code(threat, "target") != "PAKCVL"


@pytest.mark.parametrize("text", [
    # a trip, a plan of peace, a return home
    "The ambassador will return to Madrid next week, the foreign ministry said.",
    "The Thai foreign minister said the delegation would return to Kuala Lumpur for more talks.",
    "Thousands of displaced families will return to their villages once the roads reopen, the UN refugee agency said.",
    # an answer to a letter, a debt, a tariff
    "The foreign minister said Spain would respond to the letter next week.",
    "The health ministry said it would recover the costs from the contractors.",
    "The interior minister said the police would remove the checkpoints on the coast road.",
    "The minister said government troops would return to Bamako on Friday.",
    "The president said the army would return to its barracks once the elections were over.",
    "The rebels said they would respond positively.",
    "Guatemala's president vowed on Monday to bring peace to the highlands.",
    "The minister said the army would not act with force against the protesters.",
    "The interior minister said the courts would act with the full force of the law against the smugglers.",
    # a forecast by a bystander
    "A security analyst said the army would crush the rebels within weeks.",
    # told as not to be done
    "The Peruvian defence minister said the army would not return to Ayacucho.",
])
def test_no_vow_of_force(analyzer, text):
    assert not [e for e in threats(events(analyzer, text)) if e.rule.startswith("threat:vowed-force")]
