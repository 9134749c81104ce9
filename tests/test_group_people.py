"""People and bodies of groups outside the state: "X, leader of <group>" is the group's
(actors._of_tail); "their leader" after a side told in the plural is that side's
(actors._possessor); a movement's or front's name the knowledge does not know is a group
(resolve.unknown_bodies); "repulsed an advance" is a fight (triggers.tsv)."""
from __future__ import annotations

from coded import code, events



def firsts(found, root):
    return [e for e in found if e.event_code.startswith(root)]


def test_a_person_named_as_leader_of_a_known_group_is_the_groups(analyzer):
    found = events(analyzer, "KABUL, Afghanistan - Abdul Rahim Wardak, a commander of the Taliban, threatened "
                             "to attack the provincial capital.", "2008-04-20")
    threats = firsts(found, "13")
    assert threats and code(threats[0], "source") == "AFGINS", found


def test_a_leader_of_an_unknown_movement_speaks_for_it(analyzer):
    found = events(analyzer, "BRAZZAVILLE, Congo - Pierre Ntumi, leader of the Front for the Liberation of the "
                             "Pool, accused the army of burning villages.", "2002-06-14")
    accusations = firsts(found, "11")
    assert accusations and code(accusations[0], "source") == "COGREB", found


def test_an_unknown_party_name_is_the_opposition(analyzer):
    found = events(analyzer, "LOME, Togo - The Union for Democratic Renewal accused the government of rigging "
                             "the vote.", "2005-04-26")
    accusations = firsts(found, "11")
    assert accusations and code(accusations[0], "source") == "TGOOPP", found
    assert code(accusations[0], "target") == "TGOGOV", found


def test_a_state_council_is_no_unknown_body(analyzer):
    found = events(analyzer, "SOFIA, Bulgaria - The Council of Ministers condemned the strike, and the Union "
                             "of Democratic Forces condemned the government.", "1997-01-12")
    sources = [code(e, "source") for e in firsts(found, "11")]
    assert "BGROPP" in sources and not any(s and s.endswith("OPP") for s in sources[:1]), found


def test_their_leader_after_the_rebels_is_the_rebels(analyzer):
    found = events(analyzer, "JUBA, South Sudan - The rebels said on Monday they had captured the town of Bor. "
                             "Their spokesman accused the army of killing civilians.", "2013-12-23")
    accusations = firsts(found, "11")
    assert accusations and code(accusations[0], "source") == "SSDREB", found


def test_an_advance_repulsed_is_a_fight(analyzer):
    found = events(analyzer, "The rebels said on Monday they had repulsed an army advance near Malakal.",
                   "2014-02-18")
    assert firsts(found, "19"), found


def test_his_men_are_the_side_of_the_commander_who_speaks(analyzer):
    found = events(analyzer, "MOGADISHU, Somalia - An Islamist commander in Kismayo, who asked not to be named, "
                             "said his men had repelled an attack by government troops.", "2008-08-22")
    fights = [e for e in firsts(found, "19") if code(e, "source") and code(e, "source").endswith(("REB", "INS"))]
    assert fights, found
    assert not any(code(e, "source") == "SOMCVL" for e in found), found


def test_the_other_sides_gain_told_by_the_opposition_is_no_accusation(analyzer):
    found = events(analyzer, "ADEN, Yemen - Rebel officials said government troops had retaken the town of "
                             "Zinjibar.", "1994-05-25")
    assert firsts(found, "192") and not firsts(found, "112"), found


def test_a_war_declared_on_a_party_is_a_threat_of_force(analyzer):
    found = events(analyzer, "ASMARA, Eritrea - The Eritrean Islamic Jihad movement declared a holy war on the "
                             "government on Friday.", "1993-07-10")
    threats = firsts(found, "13")
    assert threats and code(threats[0], "target") == "ERIGOV", found


def test_a_war_on_poverty_is_no_threat(analyzer):
    found = events(analyzer, "The new government declared war on poverty and corruption.", "1993-07-10")
    assert not firsts(found, "13"), found
