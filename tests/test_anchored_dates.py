"""The day of an act told through another act. A relative clause on the act's object that
tells what those people were doing when the act met them ("fired at workers who defied a
ban on Friday") tells the act's day; an act named again ("Hours before the ceremony, ...")
whose first naming has no day of its own is of the day the sentence before it told.
Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 10 June 2023 was a Saturday: "on Friday" is 9 June
PUBLISHED = "2023-06-10"
FRIDAY = "2023-06-09"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def test_defiance_on_the_object_lends_its_day(analyzer):
    events = _events(analyzer, "In Dhaka, police fired rubber bullets at garment workers who defied a ban on "
                               "rallies on Friday.")
    force = [e for e in events if e.event_code[:2] in ("17", "18", "19")]
    assert force and {e.date for e in force} == {FRIDAY}, events


def test_a_march_on_the_object_lends_its_day_through_a_count(analyzer):
    events = _events(analyzer, "Riot police in Lima arrested dozens of students who marched against the new "
                               "education law on Friday.")
    arrests = [e for e in events if e.event_code.startswith("17")]
    assert arrests and {e.date for e in arrests} == {FRIDAY}, events


def test_a_deed_of_the_object_keeps_its_own_day(analyzer):
    # the arrest need not be on the day of the bombing
    events = _events(analyzer, "Police in Lima arrested a man who bombed the embassy on Friday.")
    arrests = [e for e in events if e.event_code.startswith("17")]
    assert arrests and {e.date for e in arrests} == {PUBLISHED}, events


CEREMONY = ("The two men embraced at a ceremony hosted by the Qatari emir. Hours before the ceremony, "
            "soldiers and rebels fought near the town of Abeche, an army spokesman said.")


def test_an_act_named_again_takes_the_day_its_naming_was_told_on(analyzer):
    events = _events(analyzer, "Chad's president and the rebel leader signed a peace accord in Doha on Friday. "
                     + CEREMONY)
    fights = [e for e in events if e.event_code.startswith("19")]
    assert fights and {e.date for e in fights} == {FRIDAY}, events


def test_an_act_named_after_two_days_takes_neither(analyzer):
    # the ceremony, named after a past and a coming day, lends the fight neither; the fight,
    # told with no day of its own, is of the story's day, the lead's Friday (not Monday, still
    # to come; `event_day.story_day`)
    events = _events(analyzer, "Chad's president met the rebel leader in Doha on Friday and the two men will "
                               "meet again on Monday. " + CEREMONY)
    fights = [e for e in events if e.event_code.startswith("19")]
    assert fights and {e.date for e in fights} == {FRIDAY}, events
    assert all(e.date_inferred for e in fights), events  # the story's day, not the ceremony's


# 9 May 2022 was a Monday: "on Sunday" is 8 May, "a day earlier" 7 May
GAO = "Soldiers fired on a crowd of demonstrators in Gao on Sunday, killing six people, doctors said. "


def test_a_counted_day_closing_an_act_noun_dates_that_act(analyzer):
    events = _events(analyzer, GAO + "Several hundred people had gathered outside the governor's office to protest "
                                     "against the army raids on the market a day earlier.", "2022-05-09")
    protests = [e for e in events if e.event_code.startswith("14")]
    assert protests and {e.date for e in protests} == {"2022-05-08"}, events


def test_a_counted_day_on_the_verb_still_dates_the_verb(analyzer):
    events = _events(analyzer, GAO + "Several hundred people had protested outside the governor's office against "
                                     "the army a day earlier.", "2022-05-09")
    protests = [e for e in events if e.event_code.startswith("14")]
    assert protests and {e.date for e in protests} == {"2022-05-07"}, events


def test_a_where_clause_hung_on_the_day_is_of_that_day(analyzer):
    # 15 June 2023 was a Thursday: "on Tuesday" is 13 June
    events = _events(analyzer, "Kenya's president met the Ugandan leader in the port city of Mombasa on Tuesday, "
                               "where the two men praised the new pipeline.", "2023-06-15")
    praise = [e for e in events if e.event_code.startswith("05")]
    assert praise and {e.date for e in praise} == {"2023-06-13"}, events


def test_a_day_and_a_half_after_a_clause_counts_the_whole_day(analyzer):
    # "on Friday" is 9 June; the storming a day and a half before it is told as of 8 June
    events = _events(analyzer, "Malian soldiers backed by French helicopters fought their way back into the river "
                               "port of Mopti on Friday, a day and a half after jihadist fighters stormed the town, "
                               "officers said.")
    storming = [e for e in events if e.event_code.startswith("19") and e.source_actor
                and e.source_actor.code.endswith("INS")]
    assert storming and {e.date for e in storming} == {"2023-06-08"}, events
