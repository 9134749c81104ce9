"""The day of an act, eighth part: days told relative to another act. "Hours earlier",
"earlier that day" and "later in the day" take the day told just before; a day told in a
"since" clause dates the start of a state, not the act the story goes on with; "a day after
an assault by commandos failed to ..." dates the assault; a relative clause told "earlier on
Saturday" puts the clause around it later that Saturday. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article

# 13 May 2024 was a Monday
PUBLISHED = "2024-05-13"
SATURDAY = "2024-05-11"
SUNDAY = "2024-05-12"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _coded(events, root: str):
    return [e for e in events if e.event_code.startswith(root) and not e.historical]


LATE_SUNDAY_DEAL = ("ANTANANARIVO, May 13 - The president agreed with opposition leaders late on Sunday to form "
                    "a unity government and to hold elections by October. The accord offers an amnesty to "
                    "soldiers who return to their barracks within a month. ")


def test_hours_earlier_is_the_day_of_the_act_told_before(analyzer):
    events = _events(analyzer, LATE_SUNDAY_DEAL + "Hours earlier, mutinous troops seized the port of Toamasina "
                                                  "when officers of the garrison fled, residents said.")
    seized = _coded(events, "19")
    assert seized and {e.date for e in seized} == {SUNDAY}, events
    assert not any(e.date_inferred for e in seized), events


def test_earlier_that_day_is_the_day_of_the_act_told_before(analyzer):
    events = _events(analyzer, LATE_SUNDAY_DEAL + "Earlier that day, mutinous troops seized the port of "
                                                  "Toamasina, residents said.")
    seized = _coded(events, "19")
    assert seized and {e.date for e in seized} == {SUNDAY}, events


def test_later_in_the_day_is_the_day_told_before(analyzer):
    events = _events(analyzer, "BANGUI, May 13 - Government troops attacked rebel positions north of the airport "
                               "on Saturday. The airport has been closed to civilian flights for weeks. Later in "
                               "the day, rebels shelled the army barracks in the city centre, residents said.")
    shelled = [e for e in _coded(events, "19") if "shelled" in e.evidence[0].sentence]
    assert shelled and {e.date for e in shelled} == {SATURDAY}, events


def test_a_day_in_a_since_clause_is_not_the_day_the_story_goes_on_from(analyzer):
    # the parse takes the "since" clause for the sentence's main clause
    events = _events(analyzer, "LOME, May 13 - In Lome, under a dusk-to-dawn curfew since parliament declared a "
                               "state of emergency on May 2, about 2,500 people rallied outside the cathedral on "
                               "Sunday to demand the president's resignation. Police detained about 40 of them, "
                               "witnesses said.")
    detained = _coded(events, "17")
    detained = [e for e in detained if "detained" in e.evidence[0].sentence]
    assert detained and {e.date for e in detained} == {SUNDAY}, events


def test_a_day_after_an_assault_that_failed_dates_the_assault(analyzer):
    events = _events(analyzer, "ASMARA, May 13 - The defence minister telephoned the mutineers' leader on Sunday "
                               "and agreed to a truce, a day after an assault by army commandos failed to free "
                               "more than 200 hostages held in the city's main prison.")
    assault = _coded(events, "190")
    assert assault and {e.date for e in assault} == {SATURDAY}, events


def test_a_day_after_a_raid_that_failed_dates_the_raid(analyzer):
    events = _events(analyzer, "DODOMA, May 13 - The interior minister met the kidnappers on Sunday and agreed to "
                               "their demands, a day after a raid by police special forces failed to free the 40 "
                               "pupils held at the school.")
    raid = [e for e in events if "raid" in (e.trigger or "") and not e.historical]
    assert raid and {e.date for e in raid} == {SATURDAY}, events


def test_a_relative_clause_told_earlier_on_a_day_puts_its_clause_later_that_day(analyzer):
    events = _events(analyzer, "LAGOS, May 13 - Nigerian police arrested a man who had planted a bomb at the "
                               "market earlier on Saturday, the police said.")
    arrests = _coded(events, "17")
    assert arrests and {e.date for e in arrests} == {SATURDAY}, events


def test_doers_who_came_earlier_on_a_day_act_later_that_day(analyzer):
    events = _events(analyzer, "BAMAKO, May 13 - The soldiers, who had crossed the border earlier on Saturday, "
                               "shelled the village of Mena, residents said.")
    shelled = _coded(events, "19")
    assert shelled and {e.date for e in shelled} == {SATURDAY}, events


BACKGROUND = ("KIGALI, Aug 30 - Rebel artillery shelled army positions around Goma on Friday, the army said. "
              "Rwanda annexed the border district in March, and rebel gunmen seized the governor's office in "
              "Bukavu in April.")


def test_a_deed_weeks_back_told_on_from_background_is_background(analyzer):
    events = _events(analyzer, BACKGROUND + " An army transport plane was shot down over rebel-held territory "
                                            "on July 19, killing all 40 people on board.", published="2024-08-30")
    downed = [e for e in events if e.date == "2024-07-19"]
    assert downed and all(e.historical for e in downed), events


def test_a_deed_weeks_back_in_a_paragraph_of_its_own_stays_news(analyzer):
    # the rule's limit: a paragraph that opens with the deed tells it as news
    events = _events(analyzer, BACKGROUND + "\n\nAn army transport plane was shot down over rebel-held territory "
                                            "on July 19, killing all 40 people on board.", published="2024-08-30")
    downed = [e for e in events if e.date == "2024-07-19"]
    assert downed and not any(e.historical for e in downed), events
