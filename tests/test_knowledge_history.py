"""The actor knowledge of 1980-2019: office holders and armed groups of earlier decades.

Sentences written for these tests. Each checks a person or group by the article's date: who
held an office then, what side a group was on then, and that a surname shared across eras
(Sharif, Mujahid, Hussein) names the holder of the article's day, not today's namesake.
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.knowledge.actors import ActorKB
from sitroom.records import ActorMention, Article
from sitroom.resolve.actors import ActorStage


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(ActorKB.load())


def analyse(nlp: Language, stage: ActorStage, text: str, published: str):
    doc = nlp(text)
    doc._.article = Article(id="test", text=text, published=published, title=None)
    return stage(doc)


def found(doc, phrase: str) -> list[ActorMention]:
    return [m for m in doc._.actors if doc.text[m.start:m.end] == phrase]


def one(doc, phrase: str) -> ActorMention:
    mentions = found(doc, phrase)
    assert len(mentions) == 1, [(doc.text[m.start:m.end], m.actor.code) for m in doc._.actors]
    return mentions[0]


def test_a_bosnian_serb_leader_of_1995_is_a_bosnian_serb_actor(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Bosnian Serb leader Radovan Karadzic said his forces would not withdraw "
                              "from the hills around Sarajevo.", "1995-07-12")
    leader = one(doc, "Bosnian Serb leader Radovan Karadzic")
    assert leader.actor.name == "Radovan Karadžić" and leader.actor.code == "BIHREB"
    doc = analyse(nlp, stage, "Bosnian Serb forces shelled the enclave on Tuesday, and Mladic ordered "
                              "his troops forward.", "1995-07-12")
    assert one(doc, "Bosnian Serb forces").actor.code == "BIHREB"
    general = one(doc, "Mladic")
    assert general.actor.name == "Ratko Mladić" and general.actor.code == "BIHREB"


def test_sharif_is_the_prime_minister_of_the_articles_day(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Prime Minister Nawaz Sharif met army chief Raheel Sharif in Islamabad "
                              "on Wednesday.", "2016-03-02")
    premier = one(doc, "Prime Minister Nawaz Sharif")
    assert premier.actor.name == "Nawaz Sharif" and premier.actor.code == "PAKGOV"
    general = one(doc, "army chief Raheel Sharif")
    assert general.actor.name == "Raheel Sharif" and general.actor.code == "PAKMIL"
    # the surname alone: Nawaz in 2016, his brother Shehbaz in 2024
    text = "Sharif told parliament in Islamabad that the budget would protect defence spending."
    assert one(analyse(nlp, stage, text, "2016-03-02"), "Sharif").actor.name == "Nawaz Sharif"
    assert one(analyse(nlp, stage, text, "2024-05-20"), "Sharif").actor.name == "Shehbaz Sharif"


def test_a_kandahar_police_chief_is_not_the_taliban_spokesman(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Khan Mohammad Mujahid, the police chief of Kandahar province in southern "
                              "Afghanistan, said two officers were wounded.", "2010-06-14")
    assert all(m.actor.name != "Zabihullah Mujahid" for m in doc._.actors)
    assert all(m.actor.code != "AFGGOV" for m in doc._.actors)
    # the spokesman himself: an insurgent before the Taliban took Kabul, the government's after
    text = "Zabihullah Mujahid said the fighters had taken the district centre."
    assert one(analyse(nlp, stage, text, "2015-05-01"), "Zabihullah Mujahid").actor.code == "AFGINS"
    assert one(analyse(nlp, stage, text, "2022-05-01"), "Zabihullah Mujahid").actor.code == "AFGGOV"


def test_a_leader_is_coded_by_what_he_was_in_that_tenure(nlp, stage) -> None:
    text = "Riek Machar said his fighters had taken Malakal."
    assert one(analyse(nlp, stage, text, "2014-02-10"), "Riek Machar").actor.code == "SSDREB"
    assert one(analyse(nlp, stage, text, "2012-02-10"), "Riek Machar").actor.code == "SSDGOV"
    text = "Hamid Karzai met tribal elders in Kandahar."
    assert one(analyse(nlp, stage, text, "2009-10-01"), "Hamid Karzai").actor.code == "AFGGOV"
    text = "Pervez Musharraf said Pakistan would join the campaign against al-Qaeda."
    assert one(analyse(nlp, stage, text, "2001-09-20"), "Pervez Musharraf").actor.code == "PAKGOV"


def test_a_surname_alone_names_the_leader_of_that_era(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Saddam Hussein vowed to fight on. Hussein spoke on Baghdad radio.", "1991-01-20")
    assert one(doc, "Hussein").actor.name == "Saddam Hussein"
    doc = analyse(nlp, stage, "Cristiani declared a state of siege after the rebel offensive.", "1989-11-13")
    assert one(doc, "Cristiani").actor.code == "SLVGOV"
    doc = analyse(nlp, stage, "Olmert said the strikes would go on until the soldiers were freed.", "2006-07-20")
    assert one(doc, "Olmert").actor.code == "ISRGOV"


def test_armed_groups_of_earlier_wars(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Tamil Tiger rebels attacked a navy base near Trincomalee.", "2000-11-03")
    assert one(doc, "Tamil Tiger rebels").actor.code == "LKAREB"
    doc = analyse(nlp, stage, "The Kosovo Liberation Army said police had burned three villages.", "1999-03-30")
    assert one(doc, "Kosovo Liberation Army").actor.code == "XKXREB"
    doc = analyse(nlp, stage, "The Mahdi Army fought US troops in Najaf, and the SPLA accused Khartoum of "
                              "arming the Janjaweed.", "2004-08-10")
    assert one(doc, "Mahdi Army").actor.code == "IRQRAD"
    assert one(doc, "SPLA").actor.code == "SDNREB"
    assert one(doc, "Janjaweed").actor.code == "SDNMIL"


def test_a_group_that_laid_down_its_arms_changes_code(nlp, stage) -> None:
    text = "UNITA accused the government of breaking the accord."
    assert one(analyse(nlp, stage, text, "1993-04-01"), "UNITA").actor.code == "AGOREB"
    assert one(analyse(nlp, stage, text, "2022-09-01"), "UNITA").actor.code == "AGOOPP"
    text = "The SPLA said it had repelled an attack near Bor."
    assert one(analyse(nlp, stage, text, "2004-03-01"), "SPLA").actor.code == "SDNREB"
    assert one(analyse(nlp, stage, text, "2015-03-01"), "SPLA").actor.code == "SSDMIL"
