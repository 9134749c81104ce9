"""Who acts or speaks (issue 13, helper h94): a known person on a day outside his offices,
an outlet run by a side, a spokesman for a group's short name, armed men by the leader they
are loyal to, an opposition candidate, and a bare group noun after its first mention with a
country. Sentences written for these tests."""
from __future__ import annotations

from actor_stage import analyse, at, stage  # noqa: F401 (stage: a fixture)


def test_a_known_person_before_his_office_is_what_the_apposition_says(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Isaias Afwerki, leader of the Eritrean People's Liberation Front, told reporters "
                              "in Khartoum that his fighters would take Keren before the rains.",
                  published="1988-06-10")
    assert at(doc, "Isaias Afwerki").actor.code == "ERIREB"
    # in office, the office the knowledge records decides, whatever the comma adds
    doc = analyse(nlp, stage, "Isaias Afwerki, leader of the Eritrean People's Liberation Front, told reporters "
                              "in Asmara that the border would stay closed.", published="1998-06-10")
    assert at(doc, "Isaias Afwerki").actor.code == "ERIGOV"


def test_an_outlet_run_by_a_side_speaks_for_it(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The Hezbollah-run Al-Manar television said the group's fighters had shelled "
                              "two border posts overnight.", published="2006-07-20")
    assert at(doc, "Al-Manar").actor.code == "LBNRAD"
    assert at(doc, "the group's fighters").actor.code == "LBNRAD"
    # an outlet no side is said to run stays media
    doc = analyse(nlp, stage, "Al-Manar television said two border posts had been shelled overnight.",
                  published="2006-07-20")
    assert at(doc, "Al-Manar").actor.code == "LBNMED"


def test_a_spokesman_for_a_groups_short_name_is_the_groups(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Police in Batticaloa blamed the Liberation Tigers of Tamil Eelam for the ambush. "
                              "A spokesman for the Tigers in London denied any part in it.",
                  published="1996-02-12")
    assert at(doc, "spokesman").actor.code == "LKAREB"
    assert at(doc, "Tigers", 1).actor.code == "LKAREB"
    # the same in a wire archive's capitals
    doc = analyse(nlp, stage, "POLICE IN BATTICALOA BLAMED THE LIBERATION TIGERS OF TAMIL EELAM FOR THE AMBUSH.\n\n"
                              "A SPOKESMAN FOR THE TIGERS IN LONDON DENIED ANY PART IN IT.",
                  published="1996-02-12")
    assert at(doc, "SPOKESMAN").actor.code == "LKAREB"


def test_armed_men_loyal_to_a_former_leader_are_rebels(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Fighting spread across Bujumbura on Monday. Gunmen loyal to former prime minister "
                              "Pierre Ndayaga seized the radio station.", published="1994-04-11")
    assert at(doc, "Gunmen").actor.code == "BDIREB"
    doc = analyse(nlp, stage, "Fighting spread across Bujumbura on Monday. Soldiers loyal to the ousted president "
                              "held the airport.", published="1994-04-11")
    assert at(doc, "Soldiers").actor.code == "BDIREB"
    # those loyal to a sitting head of state are his country's forces
    doc = analyse(nlp, stage, "Fighting spread across N'Djamena on Monday. Troops loyal to President Idriss Deby "
                              "held the airport.", published="2008-02-04")
    assert at(doc, "Troops").actor.code == "TCDMIL"


def test_an_opposition_candidate_before_his_presidency_is_the_opposition(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Opposition presidential candidate Alassane Ouattara accused President Laurent "
                              "Gbagbo of rigging the vote in the north.", published="2010-11-24")
    assert at(doc, "Alassane Ouattara").actor.code == "CIVOPP"


def test_a_bare_group_noun_is_of_the_country_its_first_mention_gave(nlp, stage) -> None:
    text = ("OSLO, March 3 - Norwegian officials said on Tuesday that Nigerian pirates had boarded a Norwegian "
            "tanker off Bonny Island. The pirates took six Norwegian sailors ashore, and a man who said he led a "
            "pirate gang demanded a ransom. Norway's foreign minister said Oslo would not pay.")
    doc = analyse(nlp, stage, text, published="2011-03-03")
    assert at(doc, "The pirates").actor.code == "NGACRM"
    assert at(doc, "pirate gang").actor.code == "NGACRM"


def test_a_services_marksmen_are_of_the_country_named_before_them(nlp, stage) -> None:
    doc = analyse(nlp, stage, "French army snipers shot dead two gunmen who had seized a bus near Gao on "
                              "Sunday.", published="2014-05-12")
    assert at(doc, "French army snipers").actor.code == "FRAMIL"
    # an unnamed perpetrator keeps no country, even with an adjective of one
    doc = analyse(nlp, stage, "Malian gunmen seized a bus near Gao on Sunday.", published="2014-05-12")
    assert at(doc, "Malian gunmen").actor.code == "UAF"


def test_a_delegation_led_by_a_bodys_officer_named_through_the_body_is_the_bodys(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The Commonwealth suspended Fiji on Monday. A delegation led by the organisation's "
                              "secretary-general, Alan Brewer, is due in Suva on Thursday.",
                  published="2000-06-05")
    assert at(doc, "delegation").actor.code == at(doc, "Commonwealth").actor.code


def test_a_government_run_outlet_stays_state_media(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The government-run news agency said rebel fighters had shelled Bunia.",
                  published="2003-05-20")
    assert at(doc, "news agency").actor.code.endswith("MED")
