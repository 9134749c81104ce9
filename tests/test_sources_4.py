"""Who acts or speaks (issue 13, h80): the takers of hostages named by their deed, a group
that a "pro-" only backs, an official's "the army" in a report filed from his own country.
One rule of English or of news writing per test, on sentences written for these tests (no
data set's text)."""
from __future__ import annotations

import pytest

from actor_stage import analyse as _analyse, at, stage  # noqa: F401 (stage: a fixture)

pytestmark = pytest.mark.slow


def analyse(nlp, stage, text: str, published: str = "2021-06-14"):
    return _analyse(nlp, stage, text, published)


# -- the takers of hostages are no hostages -----------------------------------------------------

def test_hostage_takers_are_unnamed_perpetrators_not_hostages(nlp, stage) -> None:
    text = ("Masked gunmen held 40 passengers on a ferry off Zamboanga for a second day. A ship's cook "
            "was shot dead by the hostage-takers on Sunday evening, the coast guard said.")
    assert at(analyse(nlp, stage, text), "the hostage-takers").actor.code == "UAF"


def test_captors_are_unnamed_perpetrators(nlp, stage) -> None:
    text = ("Two Danish engineers kidnapped near Gao in March were freed on Tuesday. Their captors "
            "released them at a roadside near the Niger border, Malian officials said.")
    assert at(analyse(nlp, stage, text), "captors").actor.code == "UAF"


# -- "pro-X": a group backed, not the group -------------------------------------------------------

def test_a_group_after_pro_backs_the_fighters_it_does_not_own_them(nlp, stage) -> None:
    text = ("QUETTA, June 14 (Frontier Wire) - Pakistani troops killed 12 gunmen in a raid near Zhob "
            "on Sunday. Pro-Taliban fighters in the border districts vowed to avenge the dead.")
    mention = at(analyse(nlp, stage, text), "fighters")
    assert mention.actor.code == "PAKREB"


# -- an official's "the army" in a report filed from his country --------------------------------

LEAD = ("TBILISI, June 14 (Caucasus Wire) - Russian tanks moved up to the boundary of South Ossetia "
        "on Sunday and Russian jets flew over Gori, Russia's defence ministry said. Moscow said the "
        "manoeuvres were routine and would last a week. ")


def test_an_officials_army_in_a_report_filed_from_his_country_is_his(nlp, stage) -> None:
    text = LEAD + "Georgia's defence minister, Levan Kapanadze, said the army had been put on full alert."
    assert at(analyse(nlp, stage, text), "the army").actor.code == "GEOMIL"


def test_a_foreign_officials_army_stays_the_main_countrys(nlp, stage) -> None:
    text = LEAD + "A French diplomat, Claire Morel, said the army had been put on full alert."
    assert at(analyse(nlp, stage, text), "the army").actor.code == "RUSMIL"


def test_the_possessor_of_killers_is_their_victim_not_their_side(nlp, stage) -> None:
    text = ("Mayor Tomas Lugo of Cucuta was shot dead outside his home on Monday. Interior Minister "
            "Jorge Salas said his killers would be found and punished.")
    assert at(analyse(nlp, stage, text), "killers").actor.code == "UAF"


def test_forces_a_sides_official_tells_an_act_done_to_are_his_states(nlp, stage) -> None:
    text = ("ISLAMABAD, May 8 (Frontier Wire) - Indian missiles struck six sites in Pakistan overnight, "
            "killing 26 people, Pakistani officials said. Pakistan's army said it had shot down five Indian "
            "jets. India's defence minister, Rakesh Verma, said troops had been moved to the frontier.")
    assert at(analyse(nlp, stage, text), "troops").actor.code == "INDMIL"


def test_a_bare_body_after_an_official_of_the_filing_country_is_that_countrys(nlp, stage) -> None:
    text = ("TAIPEI, March 11 (Strait Wire) - China fired four missiles into the sea off Kaohsiung on "
            "Friday, Chinese state media said. Beijing said the drills would last a week. Taiwan's "
            "president, Lin Cheng-hao, urged people to stay calm. The defence ministry put the armed "
            "forces on high alert.")
    assert at(analyse(nlp, stage, text), "The defence ministry").actor.code == "TWNGOV"


def test_a_bare_body_in_a_new_paragraph_stays_the_main_countrys(nlp, stage) -> None:
    text = ("TAIPEI, March 11 (Strait Wire) - China fired four missiles into the sea off Kaohsiung on "
            "Friday, Chinese state media said. Beijing said the drills would last a week. Taiwan's "
            "president, Lin Cheng-hao, urged people to stay calm.\n\nThe defence ministry said the "
            "drills would go on.")
    assert at(analyse(nlp, stage, text), "The defence ministry").actor.code == "CHNGOV"


# -- heads of state and their bare offices --------------------------------------------------------

GULF = ("BAGHDAD, Aug 5 (Gulf Wire) - Iraqi troops dug in along the Saudi border on Sunday, Iraqi "
        "officials said. Baghdad said its forces would stay in Kuwait until order was restored. ")


def test_a_known_emir_of_1990_is_his_countrys_not_the_main_ones(nlp, stage) -> None:
    text = GULF + "Emir Sheikh Jaber al-Ahmad al-Sabah appealed from Taif for Arab help."
    assert at(analyse(nlp, stage, text, "1990-08-05"), "Emir Sheikh Jaber").actor.code == "KWTGOV"


def test_a_bare_office_the_main_country_never_had_is_the_other_countrys(nlp, stage) -> None:
    text = GULF + "Guards loyal to the emir held out at the palace for a day, Kuwaiti exiles said."
    assert at(analyse(nlp, stage, text, "1990-08-05"), "the emir").actor.code == "KWTGOV"


def test_a_bare_office_the_main_country_has_stays_its(nlp, stage) -> None:
    text = GULF + "The president told the assembly the troops would not withdraw."
    assert at(analyse(nlp, stage, text, "1990-08-05"), "The president").actor.code == "IRQGOV"
