"""Who speaks (issue 13): the source of statements, appeals and accusations is the person
or body the sentence's speaker stands for. One rule of English or of news writing per
test, on sentences written for these tests (no data set's text)."""
from __future__ import annotations

import pytest

from actor_stage import analyse as _analyse, at, stage  # noqa: F401 (stage: a fixture)
from sitroom.records import Article

pytestmark = pytest.mark.slow


def analyse(nlp, stage, text: str, published: str = "2024-03-05"):
    return _analyse(nlp, stage, text, published)


# -- an office set off by commas after a name ---------------------------------------------

def test_an_international_bodys_office_after_a_name_gives_the_body(nlp, stage) -> None:
    # the rank and nationality before the name say less than the office he now holds
    text = ("Retired Canadian Admiral Paul Ledrew, the U.N. special envoy for Haiti, said on Monday that the "
            "talks would resume next week.")
    assert at(analyse(nlp, stage, text), "Paul Ledrew").actor.code == "IGOUNO"


def test_a_national_office_after_a_name_keeps_the_title(nlp, stage) -> None:
    # (a guard, true before the rule too) no international body: the title's code stands
    text = "Colonel Ismail Baradi, a Malian army spokesman, said the road to Gao had been reopened."
    assert at(analyse(nlp, stage, text), "Ismail Baradi").actor.code == "MLIMIL"


# -- "he" --------------------------------------------------------------------------------

def test_he_of_a_clause_joined_to_a_report_is_the_reporter(nlp, stage) -> None:
    # the parse hangs ", and he urged" on the reported clause, next to another man's name
    text = ("Retired Canadian Admiral Paul Ledrew, the U.N. special envoy for Sudan, said the mission would go "
            "on until Hemeti's militia had been disarmed, and he urged Sudanese elders to hand over the gunmen.")
    doc = analyse(nlp, stage, text)
    he = at(doc, "he urged")
    assert he.kind == "pronoun" and he.actor.code == "IGOUNO"


def test_he_opening_a_sentence_is_the_last_sentences_subject(nlp, stage) -> None:
    # the person accused (an object) is named last, but the sentence was about its subject
    text = ("Rebel leader Jean-Pierre Ngoma, whose whereabouts are unknown, told a radio station in Kigali on "
            "Wednesday that there had been no mutiny and accused President Paul Kagame of using the unrest "
            "to purge his rivals. He said he would not negotiate with the president.")
    he = at(analyse(nlp, stage, text, "2013-12-18"), "He said")
    assert he.actor.code.endswith("REB")


def test_he_after_an_officer_who_flew_to_meet_a_president(nlp, stage) -> None:
    text = ("Army chief General Asim Munir flew to Kabul on Wednesday to meet President Hamid Karzai. "
            "Officials said he asked him to act against the militants.")
    doc = analyse(nlp, stage, text, "2012-12-17")
    assert at(doc, "he asked").actor.code == "PAKMIL"


def test_he_after_an_object_with_no_subject_person_stays_the_last_named(nlp, stage) -> None:
    # (a guard, true before the rule too) the police are no person: "he" is the man arrested
    text = ("Police in Lahore arrested Imran Khan on Tuesday. He was taken to a court in Islamabad.")
    he = at(analyse(nlp, stage, text, "2023-05-09"), "He was")
    assert he.actor.name.endswith("Khan")


# -- a one-word name inside a longer one ---------------------------------------------------

def test_a_first_name_inside_an_unknown_full_name_is_not_the_one_named_person(nlp, stage) -> None:
    text = "Rebel leader Francis Ondoua accused the Congolese army on Tuesday of burning villages near Kisangani."
    doc = analyse(nlp, stage, text)
    assert not any(m.actor.code and m.actor.code.startswith("VAT") for m in doc._.actors)
    assert at(doc, "Francis Ondoua").actor.code == "CODREB"


@pytest.mark.parametrize("text, name, code", [
    ("Pope Francis appealed for calm in Haiti on Sunday. Francis urged the gangs to lay down their arms.",
     "Francis urged", "VATGOV"),
    ("Lula urged Bolivia on Monday to free the two reporters.", "Lula", "BRAGOV"),
])
def test_people_known_by_one_name_still_match(nlp, stage, text, name, code) -> None:
    # (guards, true before the rule too)
    published = "2024-03-04" if "Pope" in text else "2009-03-02"
    assert at(analyse(nlp, stage, text, published), name).actor.code == code


# -- a verb of speech after a reported clause (coding/syntax.py) ----------------------------

def verbal(analyzer, text: str, root: str, published: str = "2024-03-05") -> list[str | None]:
    """The source codes of the events of one root the whole pipeline codes from one text."""
    article = Article(id="t", text=text, published=published, language="en")
    return [e.source_actor.code if e.source_actor else None
            for e in analyzer.analyze(article).events if e.event_code[:2] == root]


@pytest.mark.parametrize("text, root, source", [
    # the reported clause is in another tense ("was shelling"): "accused" is the spokesman's
    ("Malian government spokesman Amadou Keita denied that the army was shelling villages and accused France "
     "of killing civilians in air strikes.", "11", "MLIGOV"),
    ("A rebel spokesman, reached by telephone, denied firing on civilians in Sierra Leone. He said rebel gunners "
     "were aiming only at army positions and accused President Julius Bio's forces of hiding among the "
     "refugees.", "11", "SLEREB"),
    ("General Ali Shamkhani told state television that Washington should stay out, and threatened American "
     "bases in the region.", "13", "IRNGOV"),
])
def test_a_past_verb_of_speech_after_a_reported_clause_is_the_reporters(analyzer, text, root, source) -> None:
    assert source in verbal(analyzer, text, root)
