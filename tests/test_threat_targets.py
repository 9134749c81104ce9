"""Threats and refusals on terms (CAMEO 13, 12; issue 13, h49): the side the terms name
("... if Armenian troops crossed the line", "... until Kosovo had withdrawn its police") is
whom the threat or the refusal is aimed at, and a refusal told with its terms and no verb
of its own ("its troops would not take part unless ...") is coded. Sentences written for
the project (none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, published: str = "2025-03-12") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def rooted(found: list[Event], root: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(root)]


def code(event: Event, side: str) -> str | None:
    actor = getattr(event, f"{side}_actor")
    return actor.code if actor is not None else None


def test_a_warning_on_terms_is_aimed_at_the_side_the_if_clause_names(analyzer):
    found = events(analyzer, "Azerbaijan's defence minister warned on Monday that his forces would respond with "
                             "full force if Armenian troops crossed the line again.")
    [threat] = rooted(found, "13")
    assert code(threat, "source") == "AZEGOV"
    assert (code(threat, "target") or "").startswith("ARM")


def test_a_warning_unless_the_other_side_gives_in_is_aimed_at_it(analyzer):
    found = events(analyzer, "A spokesman for the Sudanese army warned on Tuesday that its gunners would shell the "
                             "airport again unless the rebels lifted the siege of El Obeid.")
    [threat] = rooted(found, "13")
    assert code(threat, "target") == "SDNREB"


def test_a_refusal_with_no_verb_of_its_own_is_coded_with_its_terms(analyzer):
    found = events(analyzer, "The Ugandan government said on Thursday that its troops would not take part in the "
                             "operation unless the Congolese army stopped its raids across the border.")
    [refusal] = rooted(found, "12")
    assert refusal.event_code == "120"
    assert code(refusal, "source") == "UGAGOV" and (code(refusal, "target") or "").startswith("COD")
    assert refusal.date == "2025-03-06"


def test_a_refusal_until_the_other_side_acts_is_aimed_at_it(analyzer):
    found = events(analyzer, "Venezuela's foreign minister said on Tuesday that Caracas would not resume talks "
                             "until Guyana halted the oil drilling off the disputed coast.")
    [refusal] = rooted(found, "12")
    assert code(refusal, "source") == "VENGOV" and code(refusal, "target") == "GUY"


def test_no_talks_until_the_soldiers_leave_is_a_refusal_aimed_at_their_side(analyzer):
    found = events(analyzer, "Mali's junta said on Monday that there would be no talks until every French soldier "
                             "had left the country.")
    [refusal] = rooted(found, "12")
    assert (code(refusal, "target") or "").startswith("FRA")


def test_a_refusal_is_dated_by_its_saying_not_by_its_terms(analyzer):
    found = events(analyzer, "The Burundian government said it would not return to the table until the rebels "
                             "had gone back to the lines they held before June 2015.")
    [refusal] = rooted(found, "12")
    assert (code(refusal, "target") or "").startswith("BDI")
    assert refusal.date == "2025-03-12" and not refusal.historical


@pytest.mark.parametrize("text", [
    # a vow with a passive clause: no one is set terms
    "The Somali president said on Sunday the army would not rest until the killers of the two journalists "
    "were caught.",
    # "if" sets no terms on a refusal
    "The Chadian government said on Wednesday that its troops would not stay in the north if parliament voted "
    "against the mission.",
])
def test_no_refusal_without_terms_set_on_another_party(analyzer, text):
    assert not rooted(events(analyzer, text), "12")


def test_a_warning_whose_terms_name_no_party_has_no_target(analyzer):
    found = events(analyzer, "Kenya's finance minister warned on Monday that food prices would rise sharply if "
                             "the rains failed again.")
    assert all(code(e, "target") is None for e in rooted(found, "13"))


def test_a_speaker_who_did_something_else_first_still_speaks(analyzer):
    # the reporting verb joined by "and" shares the subject of the verb before it
    found = events(analyzer, "Gunmen killed 12 people in Lamu on Monday. The Kenyan president visited the wounded "
                             "on Tuesday and said the attackers would be tracked down.")
    [threat] = rooted(found, "13")
    assert code(threat, "source") == "KENGOV"


def test_hours_given_to_do_something_are_an_ultimatum(analyzer):
    found = events(analyzer, "The Nigerian army gave the rebels 48 hours to lay down their arms.")
    [threat] = rooted(found, "13")
    assert threat.event_code == "139"
    assert code(threat, "source") == "NGAMIL" and code(threat, "target") == "NGAREB"


def test_a_deadline_set_is_dated_by_its_setting_not_by_its_end(analyzer):
    found = events(analyzer, "The Ugandan government set the militias a deadline of Friday to hand over their "
                             "weapons.")
    [threat] = rooted(found, "13")
    assert code(threat, "source") == "UGAGOV" and threat.date == "2025-03-12"


def test_a_court_giving_lawyers_time_is_no_ultimatum(analyzer):
    assert not rooted(events(analyzer, "A Kenyan court gave the defence lawyers two weeks to prepare their case."),
                      "13")


def test_reap_what_it_sows_is_a_veiled_threat_at_the_subject(analyzer):
    found = events(analyzer, "The rebels said in a statement on Monday that the Congolese government would "
                             "\"reap what it sows.\"")
    [threat] = rooted(found, "13")
    assert code(threat, "source") == "CODREB" and code(threat, "target") == "CODGOV"
    assert threat.date == "2025-03-10"


def test_pay_dearly_is_a_threat_at_the_subject(analyzer):
    [threat] = rooted(events(analyzer, "Hamas said Israel would pay dearly."), "13")
    assert code(threat, "target") == "ISR"


def test_a_warning_of_a_heavy_price_is_aimed_at_who_will_pay_it(analyzer):
    found = events(analyzer, "Azerbaijan's defence minister warned on Tuesday that Armenia would pay a heavy price "
                             "for the shelling.")
    [threat] = rooted(found, "13")
    assert code(threat, "source") == "AZEGOV" and code(threat, "target") == "ARM"


@pytest.mark.parametrize("text", [
    # aid groups have no means to make anyone pay: a forecast
    "Aid groups said civilians would pay the price for the fighting.",
    # negated: no threat
    "The Kenyan government said on Tuesday that it would not regret the decision.",
])
def test_no_veiled_threat_from_a_forecast_or_a_negation(analyzer, text):
    assert not rooted(events(analyzer, text), "13")
