"""Armed groups, militias, coalitions, special units and their leaders (issue 13, h95).

Sentences written for these tests. Each checks rows of groups.tsv or people.tsv by the
article's date: a party or communal militia of a civil war of 1970-2020 with its country and
its side (REB outside the state, MIL fighting for it, and the day a militia changed sides),
a coalition or multinational force by the state or body that leads it, a special unit the
news names without its country, and a leader of an armed group or an opposition movement
whose years outside the state come before his years in office.
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.knowledge.actors import ActorKB
from sitroom.records import Article
from sitroom.resolve.actors import ActorStage


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(ActorKB.load())


def analyse(nlp: Language, stage: ActorStage, text: str, published: str):
    doc = nlp(text)
    doc._.article = Article(id="test", text=text, published=published, title=None)
    return stage(doc)


def codes(doc, phrase: str) -> list[str]:
    """The codes of the mentions that cover the phrase (one span may carry several)."""
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return [m.actor.code for m in doc._.actors if m.start <= start and end <= m.end]


MILITIAS = [
    # a militia of a party or a community, outside the state
    ("Ninja militiamen fired mortars across the river at dawn, a priest said.",
     "Ninja militiamen", "1999-01-12", "COGREB"),
    ("Druze fighters of the Progressive Socialist Party shelled the coastal road overnight.",
     "Progressive Socialist Party", "1984-02-20", "LBNREB"),
    ("Amal militiamen blocked the road to the airport on Friday.",
     "Amal militiamen", "1986-05-30", "LBNREB"),
    ("Sandinista guerrillas blew up a bridge north of Leon on Sunday.",
     "Sandinista guerrillas", "1978-10-02", "NICREB"),
    ("The Janatha Vimukthi Peramuna ordered shops in the south to close.",
     "Janatha Vimukthi Peramuna", "1988-11-03", "LKAREB"),
    ("Asaib Ahl al-Haq fired rockets at a base near Baghdad airport, officials said.",
     "Asaib Ahl al-Haq", "2011-06-21", "IRQRAD"),
    ("The Donetsk People's Republic said its fighters had taken two villages.",
     "Donetsk People's Republic", "2015-01-22", "UKRREB"),
    ("Rebels of the Revolutionary Organization of the People in Arms burned two lorries.",
     "Revolutionary Organization of the People in Arms", "1988-09-12", "GTMREB"),
    ("The FARN said its commandos had sabotaged a power line in the east.",
     "FARN", "1990-02-05", "SLVREB"),
    ("The Zarate Willka Armed Forces of Liberation claimed the bombing of the office.",
     "Zarate Willka Armed Forces of Liberation", "1989-06-01", "BOLREB"),
    # a militia fighting for the state
    ("Fighters of the Southern Resistance pushed the rebels out of the port district.",
     "Southern Resistance", "2015-08-03", "YEMMIL"),
    ("The Aidar Battalion said it had lost six men near the airport.",
     "Aidar Battalion", "2014-09-04", "UKRMIL"),
    ("Gunmen of the Mkhedrioni seized the television tower on Thursday.",
     "Mkhedrioni", "1993-04-15", "GEOMIL"),
    ("The ACCU killed nine farmers it accused of helping the guerrillas.",
     "ACCU", "1996-10-14", "COLMIL"),
    ("The Atlacatl Battalion swept the villages north of the volcano.",
     "Atlacatl Battalion", "1983-03-02", "SLVMIL"),
    ("Members of the Civil Defense Patrols burned the crops of three families.",
     "Civil Defense Patrols", "1984-07-18", "GTMMIL"),
    ("Witnesses said the Imbonerakure beat opposition supporters at a market.",
     "Imbonerakure", "2016-03-08", "BDIMIL"),
    ("The Shabiha stormed the homes of activists in the old city.",
     "Shabiha", "2012-02-14", "SYRMIL"),
]


@pytest.mark.parametrize(("text", "phrase", "published", "code"), MILITIAS)
def test_a_militia_is_its_country_s_and_side_s(nlp, stage, text, phrase, published, code) -> None:
    assert code in codes(analyse(nlp, stage, text, published), phrase)


SIDES_CHANGED = [
    # the Cobras fought the government in 1997 and joined the army after their leader won
    ("Cobra fighters seized the radio station on Tuesday.", "Cobra fighters", "1997-08-12",
     "COGREB"),
    ("Cobra fighters seized the radio station on Tuesday.", "Cobra fighters", "1999-08-10",
     "COGMIL"),
    # Lissouba's militias were the government's side until October 1997, rebels after
    ("Cocoye militiamen guarded the presidential palace.", "Cocoye militiamen", "1997-07-01",
     "COGMIL"),
    ("Cocoye militiamen attacked a train near Dolisie.", "Cocoye militiamen", "1999-02-16",
     "COGREB"),
    # a protest movement of the Maidan, a volunteer corps of the army's war from 2014
    ("Right Sector activists threw stones at the riot police.", "Right Sector", "2014-01-20",
     "UKROPP"),
    ("Right Sector fighters fired on a separatist checkpoint.", "Right Sector", "2015-03-10",
     "UKRMIL"),
]


@pytest.mark.parametrize(("text", "phrase", "published", "code"), SIDES_CHANGED)
def test_a_militia_that_changed_sides_is_coded_by_the_day(nlp, stage, text, phrase, published,
                                                           code) -> None:
    assert code in codes(analyse(nlp, stage, text, published), phrase)


FORCES = [
    ("The U.S.-led coalition said its jets struck a bridge on the Euphrates.",
     "U.S.-led coalition", "2017-05-12", "USAMIL"),
    ("KFOR troops sealed off the bridge in the divided town on Sunday.",
     "KFOR", "2004-03-21", "IGONAT"),
    ("The Indian Peace Keeping Force said its soldiers had cleared the lagoon road.",
     "Indian Peace Keeping Force", "1988-02-11", "INDMIL"),
    ("The Multinational Joint Task Force said it had freed 40 hostages.",
     "Multinational Joint Task Force", "2016-05-04", "IGOAFU"),
    ("Alpha commandos stormed the bus at dawn, a police spokesman said.",
     "Alpha commandos", "1996-01-16", "RUSSPY"),
    ("An SAS patrol ambushed the bombers near the border.",
     "SAS", "1987-05-09", "GBRMIL"),
    ("Delta Force commandos raided the compound before dawn.",
     "Delta Force", "1993-10-04", "USAMIL"),
    ("GIGN officers freed the passengers of the hijacked plane.",
     "GIGN", "1994-12-27", "FRACOP"),
    ("A Sayeret Matkal team landed on the beach at night.",
     "Sayeret Matkal", "1988-04-17", "ISRMIL"),
]


@pytest.mark.parametrize(("text", "phrase", "published", "code"), FORCES)
def test_a_coalition_force_or_special_unit_is_its_leading_state_s(nlp, stage, text, phrase,
                                                                  published, code) -> None:
    assert code in codes(analyse(nlp, stage, text, published), phrase)


LEADERS = [
    # a rebel or militia leader before the years in office
    ("Denis Sassou Nguesso told his fighters to hold the northern districts.",
     "Denis Sassou Nguesso", "1997-08-20", "COGREB"),
    ("Denis Sassou Nguesso told the assembly the budget would be cut.",
     "Denis Sassou Nguesso", "2001-03-15", "COGGOV"),
    ("Denis Sassou Nguesso accused the government of rigging the vote.",
     "Denis Sassou Nguesso", "1995-02-02", "COGOPP"),
    ("Bashir Gemayel said his men would not give up their guns.",
     "Bashir Gemayel", "1980-07-09", "LBNREB"),
    ("Jalal Talabani said his fighters had shot down an army helicopter.",
     "Jalal Talabani", "1987-10-06", "IRQREB"),
    ("Hugo Chavez, jailed since the uprising, urged officers to refuse orders.",
     "Hugo Chavez", "1993-01-20", "VENREB"),
    ("Hugo Chavez promised to rewrite the constitution if he won the vote.",
     "Hugo Chavez", "1998-10-01", "VENOPP"),
    ("Sam Nujoma accused Pretoria of stalling on independence.",
     "Sam Nujoma", "1985-06-11", "NAMREB"),
    ("Nelson Mandela accused the police of arming the hostel dwellers.",
     "Nelson Mandela", "1992-06-23", "ZAFOPP"),
    ("Isaias Afwerki said his fighters had surrounded the port.",
     "Isaias Afwerki", "1990-02-10", "ERIREB"),
    ("Hissene Habre said his troops had taken the eastern town.",
     "Hissene Habre", "1981-04-02", "TCDREB"),
    ("Robert Mugabe said his guerrillas would fight on until majority rule.",
     "Robert Mugabe", "1977-09-05", "ZWEREB"),
    ("Robert Kocharyan rejected the call to withdraw from the occupied districts.",
     "Robert Kocharyan", "1995-05-19", "AZEREB"),
    ("Hasan di Tiro called on the people of Aceh to resist.",
     "Hasan di Tiro", "1990-08-17", "IDNREB"),
    ("Abdul Rahman Ghassemlou said his peshmerga controlled the mountain roads.",
     "Abdul Rahman Ghassemlou", "1984-11-22", "IRNREB"),
    ("Khieu Samphan rejected the ceasefire proposal in Bangkok.",
     "Khieu Samphan", "1990-06-05", "KHMREB"),
    ("Rolando Moran said the insurgents would not lay down their arms.",
     "Rolando Moran", "1991-04-24", "GTMREB"),
    ("Sibghatullah Mojaddedi called on Kabul's garrison to surrender.",
     "Sibghatullah Mojaddedi", "1989-03-07", "AFGREB"),
    ("Alhaji Kromah said his fighters had taken the diamond town.",
     "Alhaji Kromah", "1994-09-13", "LBRREB"),
    ("Vladislav Ardzinba rejected any return of Georgian troops.",
     "Vladislav Ardzinba", "1995-11-28", "GEOREB"),
]


@pytest.mark.parametrize(("text", "phrase", "published", "code"), LEADERS)
def test_a_leader_is_coded_by_what_he_was_on_the_day(nlp, stage, text, phrase, published,
                                                     code) -> None:
    assert codes(analyse(nlp, stage, text, published), phrase) == [code]
