"""The day of an act, fifth part. A present "be to" plans ("ambassadors are to meet on
Sunday": the coming Sunday); "a day after armed men seized the airports" counts the clause's
day even where the parser reads "after" as a preposition over the clause's subject; "the
operation" and "the offensive" re-name the assault the story told, so "on the eve of the
operation" is the day before it. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 15 October 2025 was a Wednesday
PUBLISHED = "2025-10-15"
SUNDAY_BEFORE = "2025-10-12"
MONDAY = "2025-10-13"
TUESDAY = "2025-10-14"
SUNDAY_NEXT = "2025-10-19"
MONDAY_NEXT = "2025-10-20"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root)]


def test_a_meeting_that_ministers_are_to_hold_is_on_the_coming_day(analyzer):
    events = _events(analyzer, "Foreign ministers of the Arab League are to meet in Cairo on Sunday to discuss "
                               "the fighting in Darfur, diplomats said.")
    meetings = _coded(events, "04")
    assert meetings and {e.date for e in meetings} == {SUNDAY_NEXT}, events


def test_be_to_in_a_clause_joined_to_another_plan(analyzer):
    events = _events(analyzer, "The Kenyan foreign minister is due to travel to Kampala on Friday, and the "
                               "leaders of Kenya and Uganda are to hold talks in Nairobi on Monday.")
    talks = _coded(events, "046")
    assert talks and {e.date for e in talks} == {MONDAY_NEXT}, events


def test_a_plan_told_in_the_past_keeps_the_day_gone_by(analyzer):
    # "were to meet ... but were called off": a plan of the past, not a coming day
    events = _events(analyzer, "Foreign ministers of the Arab League were to meet in Cairo on Sunday to discuss "
                               "the fighting in Darfur, but the talks were called off.")
    meetings = _coded(events, "04")
    assert meetings and {e.date for e in meetings} == {SUNDAY_BEFORE}, events


def test_a_day_after_a_clause_whose_subject_the_parser_takes_for_an_object(analyzer):
    events = _events(analyzer, "The cabinet on Wednesday backed the minister's plan to send troops to the "
                               "border, a day after armed groups in pickup trucks overran two villages near "
                               "the frontier.")
    seizures = _coded(events, "192")
    assert seizures and {e.date for e in seizures} == {TUESDAY}, events


def test_a_day_after_a_clause_with_a_phrase_hung_from_the_day(analyzer):
    events = _events(analyzer, "Parliament in Lima on Wednesday approved the government's request to declare "
                               "an emergency in the south, a day after armed men without uniforms seized two "
                               "provincial airports.")
    seizures = _coded(events, "192")
    assert seizures and {e.date for e in seizures} == {TUESDAY}, events


def test_a_day_after_a_noun_is_not_a_clause(analyzer):
    # "a day after the vote": the act is the clause's own, on the day the sentence tells
    events = _events(analyzer, "Armed men seized two provincial airports in the south on Wednesday, a day "
                               "after the vote.")
    seizures = _coded(events, "192")
    assert seizures and {e.date for e in seizures} == {PUBLISHED}, events


def test_the_eve_of_the_operation_is_the_day_before_the_assault(analyzer):
    events = _events(analyzer, "Ethiopian troops stormed the rebel stronghold of Dessie early on Monday and "
                               "killed dozens of fighters, the army said. Police had arrested 30 opposition "
                               "activists in Addis Ababa on the eve of the operation, a rights group said.")
    arrests = _coded(events, "173")
    assert arrests and {e.date for e in arrests} == {SUNDAY_BEFORE}, events


def test_the_eve_of_the_offensive_is_the_day_before_the_attack(analyzer):
    events = _events(analyzer, "Government forces attacked rebel positions around Goma on Tuesday, a military "
                               "spokesman said. On the eve of the offensive, the army had detained two "
                               "opposition deputies in Kinshasa.")
    arrests = _coded(events, "173")
    assert arrests and {e.date for e in arrests} == {MONDAY}, events


def test_the_offensive_is_the_one_the_story_dated_not_an_earlier_raid(analyzer):
    # the same word first: "the offensive" is Monday's offensive, not Saturday's attack
    events = _events(analyzer, "Rebels attacked an army convoy near Goma on Saturday, killing four soldiers. "
                               "The army launched an offensive against rebel positions in the hills on Monday, "
                               "a spokesman said. On the eve of the offensive, soldiers had detained two "
                               "opposition deputies in Goma.")
    arrests = _coded(events, "173")
    assert arrests and {e.date for e in arrests} == {SUNDAY_BEFORE}, events
