"""Background acts told as news (coding/background.py: `since_then`, `in_an_older_event`,
`named_by_its_time`): an older act a report recalls to explain its news is kept as
`historical`, while an act of the news's own days stays news. Sentences written for the
project, in normal case and, where the parse differs, in the upper case of wire archives."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Event

from violence import violent_events

pytestmark = pytest.mark.slow

# A report of mid-March: January lies before last month, February is last month.
PUBLISHED = "2025-03-14"


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    """Every violent event of the analysis, background included."""
    return violent_events(analyzer, text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "Talks between the two governments have stalled since January, when militants attacked a border post "
    "near Kalan.",
    "TALKS HAVE STALLED SINCE JANUARY, WHEN MILITANTS ATTACKED A BORDER POST NEAR KALAN.",
])
def test_the_act_that_began_a_state_before_last_month_is_background(analyzer, text):
    [attack] = [e for e in violent(analyzer, text) if e.trigger.lower() == "attacked"]
    assert attack.historical
    # since last month, the act is of the news's own recent past
    recent = text.replace("January", "February").replace("JANUARY", "FEBRUARY")
    [attack] = [e for e in violent(analyzer, recent) if e.trigger.lower() == "attacked"]
    assert not attack.historical


@pytest.mark.parametrize("text", [
    "During the 2019 war in Tigray, a government ground offensive lasted three weeks.",
    "In the 2016 conflict, army troops shelled the town for a month.",
])
def test_an_act_set_in_an_event_of_an_earlier_year_is_background(analyzer, text):
    [act] = violent(analyzer, text)
    assert act.historical
    # the same act in a war the report does not date is the news
    [act] = violent(analyzer, text.replace("2019 ", "").replace("2016 ", ""))
    assert not act.historical


def test_an_act_named_by_last_month_in_the_possessive_is_recalled(analyzer):
    text = "Police arrested two men suspected of last month's massacre of pilgrims at Sarai."
    [massacre] = [e for e in violent(analyzer, text) if e.trigger == "massacre"]
    assert massacre.historical
    # a massacre named by a day of the news's week is the news
    [massacre] = [e for e in violent(analyzer, text.replace("last month's", "Saturday's")) if e.trigger == "massacre"]
    assert not massacre.historical and massacre.date == "2025-03-08"
