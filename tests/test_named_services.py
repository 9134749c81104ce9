"""A capitalised service named again without its country is the service of the one country
it was named with (ActorStage._service_named_before). Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def sources(analyzer, text: str, published: str = "2024-04-11"):
    article = Article(id="t", text=text, published=published, language="en")
    return [(e.event_code[:2], e.source_actor.code if e.source_actor else None) for e in analyzer.analyze(article).events]


def test_the_service_keeps_its_country(analyzer):
    found = sources(analyzer, "MOGADISHU, April 11 - U.S. Marines and militants exchanged fire near the port of "
                              "Kismayo on Sunday. Doctors said 40 people had been killed since the Marines launched "
                              "the offensive last Monday.")
    assert ("19", "USAMIL") in found and not [e for e in found if e[1] == "SOMMIL"], found


def test_two_countries_leave_it_undecided(analyzer):
    article = Article(id="t", published="2024-04-11", language="en",
                      text="MOGADISHU, April 11 - U.S. Marines and Kenyan Marines exchanged fire with militants near "
                           "Kismayo on Sunday. Doctors said 40 people had been killed since the Marines launched the "
                           "offensive last Monday.")
    second = [e.source_actor.code if e.source_actor else None for e in analyzer.analyze(article).events
              if "since the Marines" in e.evidence[0].sentence]
    assert second and not set(second) & {"USAMIL", "KENMIL"}, second


def test_an_ethnic_adjective_names_a_people_not_a_state(analyzer):
    """"an ethnic Chinese rebel army" fighting in Myanmar is Myanmar's rebels, not China's."""
    found = sources(analyzer, "LASHIO, Myanmar, Aug 6 - An ethnic Chinese rebel army said on Monday it had captured "
                              "the headquarters of the Myanmar military's command in Lashio.", published="2024-08-06")
    assert [s for c, s in found if c == "19"] == ["MMRREB"], found


def test_a_role_of_the_service_keeps_its_country(analyzer):
    """"The Marine commander" after "U.S. Marines": the service word of a role names it."""
    found = sources(analyzer, "MOGADISHU, April 11 - U.S. Marines and militants exchanged fire near the port of "
                              "Kismayo on Sunday. The Marine commander, Colonel John Reed, warned that his troops "
                              "would resume the assault if the talks failed.")
    assert ("13", "USAMIL") in found and not [e for e in found if e[1] == "SOMMIL"], found


def test_a_service_role_opening_a_sentence_keeps_its_country(analyzer):
    found = sources(analyzer, "MOGADISHU, April 11 - U.S. Marines and militants exchanged fire near the port of "
                              "Kismayo on Sunday. Marine officers said on Monday that they had repelled an attack.")
    assert ("19", "USAMIL") in found and not [e for e in found if e[1] == "SOMMIL"], found
