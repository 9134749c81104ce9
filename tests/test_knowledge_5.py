"""The actor knowledge of 1945-1980 and of bodies the earlier files lacked (issue 13, h83).

Sentences written for these tests. Each checks a row of people.tsv or groups.tsv by the
article's date: a head of state or government of the Cold War, a foreign minister of a
permanent member of the Security Council, the head of an international body, a body such as
the OAS or the Warsaw Pact, an armed movement that became a government, and a state's news
agency.
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


def codes(doc, phrase: str) -> list[str]:
    """The codes of the mentions that cover the phrase (one span may carry several)."""
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return [m.actor.code for m in doc._.actors if m.start <= start and end <= m.end]


def test_a_president_of_the_1970s_in_capitals_is_his_state(nlp, stage) -> None:
    doc = analyse(nlp, stage, "PRESIDENT RICHARD NIXON ORDERED THE BOMBING HALTED ON SATURDAY, "
                              "A WHITE HOUSE SPOKESMAN SAID.", "1972-12-30")
    assert "USAGOV" in codes(doc, "RICHARD NIXON")


def test_a_surname_alone_names_the_president_of_the_day(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Carter told congressional leaders that the grain embargo on "
                              "Moscow would stay in force.", "1980-01-08")
    assert codes(doc, "Carter") == ["USAGOV"]


def test_a_soviet_leader_is_the_soviet_state(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Leonid Brezhnev warned Beijing against any attack on its "
                              "southern neighbour.", "1979-02-20")
    assert codes(doc, "Leonid Brezhnev") == ["RUSGOV"]


def test_a_chancellor_of_west_germany_is_germany(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Willy Brandt flew to Warsaw to sign the border treaty.",
                  "1970-12-07")
    assert codes(doc, "Willy Brandt") == ["DEUGOV"]


def test_a_foreign_minister_of_a_permanent_member_by_the_date(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Lord Carrington urged the junta in Buenos Aires to pull its "
                              "troops back.", "1982-04-02")
    assert codes(doc, "Lord Carrington") == ["GBRGOV"]
    doc = analyse(nlp, stage, "Andrei Gromyko rejected the American proposal in Geneva.",
                  "1983-09-08")
    assert codes(doc, "Andrei Gromyko") == ["RUSGOV"]


def test_one_man_in_two_offices_is_coded_by_the_office_of_the_day(nlp, stage) -> None:
    text = "Cyrus Vance met the two presidents in a hotel outside the capital."
    assert codes(analyse(nlp, stage, text, "1978-09-10"), "Cyrus Vance") == ["USAGOV"]
    assert codes(analyse(nlp, stage, text, "1992-01-03"), "Cyrus Vance") == ["IGOUNO"]


def test_the_head_of_an_international_body_is_the_body(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Luis Almagro called the vote a fraud and asked for a new "
                              "count.", "2019-11-10")
    assert codes(doc, "Luis Almagro") == ["IGOOAS"]
    doc = analyse(nlp, stage, "Chedli Klibi appealed to both governments to stop the "
                              "shelling of cities.", "1985-03-14")
    assert codes(doc, "Chedli Klibi") == ["IGOARL"]


def test_the_oas_in_both_spellings_is_an_international_body(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The Organisation of American States suspended Honduras on "
                              "Saturday.", "2009-07-04")
    assert codes(doc, "Organisation of American States") == ["IGOOAS"]
    doc = analyse(nlp, stage, "Envoys of the Organization of American States arrived in "
                              "Tegucigalpa.", "2009-07-01")
    assert codes(doc, "Organization of American States") == ["IGOOAS"]


def test_cold_war_alliances_and_un_missions_are_bodies(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Warsaw Pact troops crossed the border overnight.", "1968-08-21")
    assert codes(doc, "Warsaw Pact") == ["IGOWTO"]
    doc = analyse(nlp, stage, "UNPROFOR said a convoy was turned back at a checkpoint.",
                  "1994-03-02")
    assert codes(doc, "UNPROFOR") == ["IGOUNO"]
    doc = analyse(nlp, stage, "The CSCE sent observers to the disputed region.", "1992-03-24")
    assert codes(doc, "CSCE") == ["IGOOSCE"]


def test_a_movement_that_came_to_power_is_coded_by_the_date(nlp, stage) -> None:
    text = "The African National Congress called for a general strike."
    assert codes(analyse(nlp, stage, text, "1986-06-10"), "African National Congress") == ["ZAFOPP"]
    assert codes(analyse(nlp, stage, text, "2001-06-10"), "African National Congress") == ["ZAFGOV"]
    text = "Fighters of the Kurdistan Democratic Party ambushed an army convoy."
    assert codes(analyse(nlp, stage, text, "1988-03-01"), "Kurdistan Democratic Party") == ["IRQREB"]


def test_an_armed_group_of_the_1970s_is_known(nlp, stage) -> None:
    doc = analyse(nlp, stage, "The Montoneros claimed the kidnapping of the executive.",
                  "1974-09-20")
    assert codes(doc, "Montoneros") == ["ARGREB"]


def test_a_state_news_agency_is_its_state_media(nlp, stage) -> None:
    doc = analyse(nlp, stage, "Prensa Latina said the ship had been turned away.", "1985-05-02")
    assert codes(doc, "Prensa Latina") == ["CUBMED"]
    doc = analyse(nlp, stage, "Yonhap reported that the talks had broken down.", "2003-04-02")
    assert codes(doc, "Yonhap") == ["KORMED"]
