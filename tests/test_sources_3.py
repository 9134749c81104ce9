"""Who speaks or acts (issue 13, h75): a titled stranger placed by the country that spoke
in the sentence before, an international body's head, "X-based", a backer named by a part
of a body, an armed name ending in "Force", a group's short name that is also a common
noun. One rule of English or of news writing per test, on sentences written for these
tests (no data set's text)."""
from __future__ import annotations

import pytest

from actor_stage import analyse as _analyse, at, stage  # noqa: F401 (stage: a fixture)

pytestmark = pytest.mark.slow


def analyse(nlp, stage, text: str, published: str = "2019-04-09"):
    return _analyse(nlp, stage, text, published)


def codes(doc) -> list[str]:
    return [m.actor.code or "" for m in doc._.actors]


# -- "X-based", "X-backed" after an abbreviation ---------------------------------------------

def test_a_based_abbreviation_places_the_actor_it_is_not_the_actor(nlp, stage) -> None:
    text = ("Venezuela's interior minister on Monday accused U.S.-based activist Lorena Quispe of "
            "paying the rioters who burned a bank in Maracay.")
    doc = analyse(nlp, stage, text)
    assert not at(doc, "activist").actor.code.startswith("USA")


def test_a_backed_abbreviation_backs_the_fighters_it_is_not_them(nlp, stage) -> None:
    text = ("U.S.-backed militiamen drove the rebels out of the market town of Kabalo on Sunday, "
            "Congolese officials said.")
    doc = analyse(nlp, stage, text)
    assert not at(doc, "militiamen").actor.code.startswith("USA")


# -- a bare title after a sentence whose subject is another country ---------------------------

PARAGRAPH = ("MANILA, April 9 (Island Wire) - Philippine troops recaptured the town of Datu Piang on "
             "Monday after two days of fighting with Moro rebels, the Philippine army said.\n\n")


def test_a_bare_title_after_another_country_spoke_is_that_countrys(nlp, stage) -> None:
    text = PARAGRAPH + ("Japan, which funds a reconstruction programme on Mindanao, said it would not send "
                        "troops. Foreign Minister Hiroshi Tanabe welcomed the recapture and urged Manila and the "
                        "rebels to return to talks.")
    assert at(analyse(nlp, stage, text), "Foreign Minister").actor.code == "JPNGOV"


def test_a_bare_title_in_a_new_paragraph_stays_the_main_countrys(nlp, stage) -> None:
    text = PARAGRAPH + ("Japan, which funds a reconstruction programme on Mindanao, said it would not send "
                        "troops.\n\nDefence Secretary Ramon Galvez welcomed the recapture and urged the rebels "
                        "to return to talks.")
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "PHLGOV"


# -- the head of an international body ------------------------------------------------------

def test_the_commonwealths_secretary_general_speaks_for_it(nlp, stage) -> None:
    text = ("Soldiers detained President Marcel Tubou in Suva on Friday. Commonwealth Secretary-General "
            "Agnes Mbeki called for his immediate release.")
    assert at(analyse(nlp, stage, text, "2006-12-08"), "Commonwealth").actor.code == "IGOCWN"


def test_the_commonwealth_of_independent_states_is_another_body(nlp, stage) -> None:
    text = "The Commonwealth of Independent States sent observers to the vote in Bishkek on Sunday."
    assert at(analyse(nlp, stage, text, "2005-07-11"), "Commonwealth").actor.code == "IGOCIS"


# -- a backer named by a part of a body -----------------------------------------------------

def test_a_part_of_a_body_after_backed_by_is_no_actor(nlp, stage) -> None:
    text = ("Gunmen from the hill districts, backed by a faction of the army, stormed the state radio "
            "station in Bissau on Thursday.")
    doc = analyse(nlp, stage, text, "2012-04-13")
    assert not any(c.endswith("MIL") for c in codes(doc)), doc._.actors


# -- an armed name ending in "Force" --------------------------------------------------------

def test_an_unknown_name_ending_in_force_is_an_armed_group(nlp, stage) -> None:
    text = ("BANGUI, April 9 (Central Wire) - The Mbomou Valley Force said on Tuesday it had taken the "
            "town of Obo and demanded that the prefect leave within two days.")
    mention = at(analyse(nlp, stage, text), "Mbomou")
    assert mention.actor.code == "CAFREB", mention


def test_a_joint_task_force_is_no_armed_group(nlp, stage) -> None:
    text = ("BANGUI, April 9 (Central Wire) - The Joint Task Force said on Tuesday it had arrested "
            "twelve people in the town of Obo.")
    assert not any(c.endswith("REB") for c in codes(analyse(nlp, stage, text))), "a state's force"


# -- a group's short name that is also a common noun ----------------------------------------

COURTS = ("Fighters loyal to the Islamic Courts seized the port of Kismayo on Friday, residents said. ")


def test_a_groups_short_name_is_the_group_not_the_courts_of_law(nlp, stage) -> None:
    text = COURTS + "The Courts said they would impose their own rule on the town."
    assert at(analyse(nlp, stage, text, "2006-09-25"), "Courts said").actor.code == "SOMREB"


def test_a_role_after_the_short_names_possessive_is_the_groups(nlp, stage) -> None:
    text = COURTS + "On Sunday the Courts' leaders ordered all cinemas in the town closed."
    assert at(analyse(nlp, stage, text, "2006-09-25"), "leaders").actor.code == "SOMREB"


def test_a_bare_title_answering_the_country_that_spoke_stays_the_main_countrys(nlp, stage) -> None:
    text = PARAGRAPH + ("Japan said it was alarmed by the fighting. Defence Secretary Ramon Galvez said "
                        "Manila would not be told how to fight on its own soil.")
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "PHLGOV"


# -- a name with an apostrophe inside a word -------------------------------------------------

def test_a_names_word_with_an_inner_apostrophe_is_part_of_the_name(nlp, stage) -> None:
    text = ("PORT VILA, March 3 (Pacific Wire) - Mutineers placed Vanuatu's Prime Minister Simon Alufa'alu "
            "under guard at his residence on Monday. They demanded that Alufa'alu resign by Friday.")
    doc = analyse(nlp, stage, text, "2003-03-03")
    assert at(doc, "Alufa'alu resign").actor.code == "VUTGOV"
