"""Who acts or speaks (issue 13, helper h84): bodies named through their people, the
leader of a delegation, a command that orders, pairs and places in wire archives' capitals,
and warplanes by their designation. Sentences written for these tests."""
from __future__ import annotations

from actor_stage import analyse, at, stage  # noqa: F401 (stage: a fixture)


def test_the_organisations_officer_is_the_body_named_through_its_ministers(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Foreign ministers of the Arab League, meeting in Cairo, condemned the coup in "
                              "Chad on Tuesday. The organisation's chairman, Karim Haddad, will fly to "
                              "N'Djamena on Friday.", published="1991-10-02")
    assert at(doc, "The organisation's chairman").actor.code == "IGOARL"


def test_a_delegation_led_by_someone_is_of_his_side(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The coup in Chad was condemned by the Arab League on Tuesday. A delegation led "
                              "by Arab League chairman Karim Haddad is due in N'Djamena on Friday.",
                  published="1991-10-02")
    assert at(doc, "delegation").actor.code == "IGOARL"
    # the main government's own delegation stays its own
    doc = analyse(nlp, stage, "Chad's president said on Tuesday that the talks would resume. A delegation led "
                              "by Foreign Minister Ali Mahamat is due in Khartoum on Friday.",
                  published="1991-10-02")
    assert at(doc, "delegation").actor.code == "TCDGOV"


def test_a_high_command_speaks_and_orders_as_its_forces(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Troops fired on marchers in La Paz overnight. The high command said in a "
                              "statement read on Bolivian radio that order had been restored. It ordered the "
                              "miners' federation dissolved.", published="1985-03-20")
    assert at(doc, "The high command").actor.code == "BOLMIL"
    assert at(doc, "It ordered").actor.code == "BOLMIL"


def test_the_two_men_in_capitals_are_the_two_people_named_before(nlp, stage) -> None:
    doc = analyse(nlp, stage, "GHANA HAS SENT DEFENCE MINISTER KOFI ADDO AND FINANCE MINISTER YAW BOATENG WITH "
                              "A LETTER FOR THE GENERAL. THE TWO MEN ARE DUE TO ARRIVE IN LOME ON THURSDAY.",
                  published="1986-05-12")
    two = [m for m in doc._.actors if doc.text[m.start:m.end] == "THE TWO MEN"]
    assert two and {m.actor.code for m in two} == {"GHAGOV"}


def test_a_ministry_spokesman_speaking_in_a_capital_is_that_capitals(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Malian rebels seized the border town of Kidal on Sunday, Mali's army said. "
                              "A foreign ministry spokesman said in Dakar that troops were on alert.",
                  published="2012-03-26")
    assert at(doc, "foreign ministry spokesman").actor.code == "SENGOV"
    doc = analyse(nlp, stage, "MALIAN REBELS SEIZED THE BORDER TOWN OF KIDAL ON SUNDAY, MALI'S ARMY SAID. A "
                              "FOREIGN MINISTRY SPOKESMAN IN DAKAR DENIED THAT TROOPS HAD CROSSED THE BORDER.",
                  published="2012-03-26")
    assert at(doc, "FOREIGN MINISTRY SPOKESMAN").actor.code == "SENGOV"
    # a spokesman of no ministry in a capital may speak for anyone (an exile): the default stays
    doc = analyse(nlp, stage, "Malian rebels seized the border town of Kidal on Sunday, Mali's army said. "
                              "A rebel spokesman said in Dakar that more towns would fall.",
                  published="2012-03-26")
    assert at(doc, "rebel spokesman").actor.code == "MLIREB"


def test_warplanes_by_their_designation_are_their_countrys_forces(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Two Belgian F-16s flying for NATO bombed rebel artillery near the bridge on "
                              "Tuesday.", published="1995-07-12")
    assert at(doc, "Belgian F-16s").actor.code == "BELMIL"
    doc = analyse(nlp, stage, "HOURS AFTER TWO BELGIAN F-16 JETS BOMBED REBEL ARTILLERY, THE TOWN FELL.",
                  published="1995-07-12")
    assert at(doc, "BELGIAN F-16 JETS").actor.code == "BELMIL"
    # a designation alone, with no owner, names no actor (as "a jet struck" does not)
    doc = analyse(nlp, stage, "An F-16 crashed near the bridge on Tuesday.", published="1995-07-12")
    assert not [m for m in doc._.actors if "F-16" in doc.text[m.start:m.end]]


def test_an_acronym_spelled_as_a_clause_word_in_capitals_is_the_word(nlp, stage) -> None:
    text = ("PRESIDENT OSCAR ARANA REFUSED TO HAND OVER THE GENERAL, WHO IS BEING TREATED IN A LIMA HOSPITAL, "
            "A SPOKESMAN SAID.")
    doc = analyse(nlp, stage, text, published="1984-02-14")
    assert not [m for m in doc._.actors if doc.text[m.start:m.end] in ("WHO", "IS")]
    # the bodies themselves, named as such, stay
    doc = analyse(nlp, stage, "The WHO said on Monday that IS fighters had attacked the clinic.")
    assert at(doc, "WHO").actor.code == "IGOUNO"
    assert at(doc, "IS fighters").actor.code.endswith("INS")
