"""The day of an act, second part: a relative clause on the doers that tells how they came
(not a deed of their own) dates the acts their clause tells next ("Pirates who came ashore on
Tuesday night opened fire ..."); acts planned in a sentence whose only day is the saying's
take the day the next sentence plans ("The handover is due to take place on Sunday"); a
lead's deed with no day but the saying's takes the day its doers' next sentence tells ("The
attackers arrived late on Monday"). Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 14 March 2025 was a Friday
PUBLISHED = "2025-03-14"
TUESDAY = "2025-03-11"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root)]


def test_a_clause_on_the_doers_arrival_dates_what_they_did_next(analyzer):
    events = _events(analyzer, "Pirates who came ashore in speedboats on Tuesday night split into groups and "
                               "opened fire at a police station and a market in Lamu.")
    fired = _coded(events, "19")
    assert fired and {e.date for e in fired} == {TUESDAY}, events


def test_a_deed_of_the_doer_s_own_keeps_its_day_to_itself(analyzer):
    events = _events(analyzer, "The gunman who bombed the embassy in Nairobi on Tuesday surrendered to police.")
    surrender = _coded(events, "08")
    assert surrender and all(e.date != TUESDAY for e in surrender), events


def test_the_teller_s_clause_does_not_date_what_is_told(analyzer):
    events = _events(analyzer, "The minister who resigned on Tuesday said the army had shelled villages near Beni.")
    shelling = _coded(events, "19")
    assert shelling and all(e.date != TUESDAY for e in shelling), events


SUNDAY = "2025-03-16"


def test_acts_planned_under_a_dated_report_take_the_day_planned_next(analyzer):
    events = _events(analyzer, "Under the deal, Sudan is to hand over 12 South Sudanese soldiers, and South Sudan "
                               "is to free eight Sudanese soldiers, the two governments said in a statement on "
                               "Thursday. The handover is due to take place at a border crossing on Sunday.")
    releases = _coded(events, "08")
    assert len(releases) == 2 and {e.date for e in releases} == {SUNDAY}, events


def test_another_act_planned_next_lends_no_day(analyzer):
    events = _events(analyzer, "Sudan will release 12 South Sudanese soldiers, the foreign ministry said on "
                               "Thursday. The president is due to visit Juba on Monday.")
    release = [e for e in _coded(events, "0") if "release" in e.evidence[0].sentence]
    assert release and all(e.date != "2025-03-17" for e in release), events


MONDAY = "2025-03-10"


def test_a_lead_s_deed_takes_the_day_its_doers_next_sentence_tells(analyzer):
    events = _events(analyzer, "GAO, Mali, March 14 — Gunmen kidnapped at least 20 people in a raid on a village "
                               "near Gao, residents said on Thursday.\n\nThe attackers arrived on motorcycles late "
                               "on Monday, firing into the air.")
    kidnap = _coded(events, "18")
    assert kidnap and {e.date for e in kidnap} == {MONDAY}, events


def test_a_lead_s_capture_told_under_the_report_takes_the_day_told_next(analyzer):
    events = _events(analyzer, "A Karen rebel army said on Thursday it had captured the headquarters of the army's "
                               "southeastern command in Myawaddy. The Karen National Union said in a statement that "
                               "its fighters had overrun the base on Monday and taken the town's bridge a day later.")
    capture = [e for e in _coded(events, "19") if "headquarters" in e.evidence[0].sentence]
    assert capture and {e.date for e in capture} == {MONDAY}, events


def test_what_another_does_next_does_not_date_the_lead(analyzer):
    events = _events(analyzer, "Gunmen killed 12 villagers in Zamfara state, police said on Thursday. The governor "
                               "condemned the attack on Wednesday.")
    killing = _coded(events, "18")
    assert killing and all(e.date != "2025-03-12" for e in killing), events


def test_a_later_sentence_does_not_date_a_sentence_other_than_the_lead(analyzer):
    events = _events(analyzer, "The army sent reinforcements to Zamfara state on Thursday. Gunmen killed 12 "
                               "villagers in a raid on a market, police said on Thursday. The attackers arrived "
                               "on motorcycles late on Monday.")
    killing = _coded(events, "18")
    assert killing and all(e.date != MONDAY for e in killing), events


def test_what_the_tellers_say_next_does_not_date_the_lead(analyzer):
    events = _events(analyzer, "Gunmen killed 12 villagers in a raid on a market in Zamfara state, police said. "
                               "The villagers said on Wednesday that they feared more attacks.")
    killing = _coded(events, "18")
    assert killing and all(e.date != "2025-03-12" for e in killing), events


def test_what_is_done_with_the_saying_keeps_the_sayings_day(analyzer):
    # the lead's accusation is made with the statement of Thursday, not on the day the next
    # sentence gives its fighting
    events = _events(analyzer, "KAMPALA, March 14 - Uganda said on Thursday that six of its soldiers had been "
                               "killed in fighting on the border and accused Kinshasa of starting the war. "
                               "The clashes broke out on Tuesday evening near Kasindi, officials said.")
    accusations = _coded(events, "112")
    assert accusations and {e.date for e in accusations} == {"2025-03-13"}, events
