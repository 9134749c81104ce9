"""Acts the text does not tell as news (issue 13, precision): a stance recalled in the past
perfect of a relative clause (coding/background.py: `said_before`), the present-tense
clause of a future act's time or condition (coding/unreal_acts.py: `future_condition`), and
people named by a relative clause on "those" (coding/trigger_filters.py: `describes_any`).
Sentences written for the project, in normal case and in the upper case of wire archives."""
from __future__ import annotations

import pytest

from coded import events

pytestmark = pytest.mark.slow

PUBLISHED = "2021-03-06"  # a Saturday


def roots(analyzer, text: str) -> set[str]:
    return {e.event_code[:2] for e in events(analyzer, text, PUBLISHED)}


@pytest.mark.parametrize("text", [
    "Foreign Minister Elena Marsh, whose government had promised to shield foreign embassies, resigned on "
    "Friday, state radio said.",
    "FOREIGN MINISTER ELENA MARSH, WHOSE GOVERNMENT HAD PROMISED TO SHIELD FOREIGN EMBASSIES, RESIGNED LATE ON "
    "FRIDAY, THE STATE RADIO SAID.",
    "Foreign Minister Elena Marsh, who had demanded the release of the detained reporters, resigned on Friday, "
    "state radio said.",
])
def test_a_stance_in_the_past_perfect_of_a_relative_clause_is_background(analyzer, text):
    assert not roots(analyzer, text) & {"03", "10"}


def test_a_report_misread_as_a_relative_clause_is_still_news(analyzer):
    # the parse hangs "had refused" on "minister" as a relative clause; no relative word opens it
    text = ("The minister informed parliament late on Wednesday that the junta had refused a request to visit "
            "the detained president.")
    assert "12" in roots(analyzer, text)


def test_a_relative_clause_in_the_past_perfect_with_its_own_day_is_news(analyzer):
    text = ("Foreign Minister Elena Marsh, who had demanded the release of the detained reporters on Thursday, "
            "resigned on Friday, state radio said.")
    assert "10" in roots(analyzer, text)


@pytest.mark.parametrize("text", [
    '"Our delegation will return to the table only when the rebels release the prisoners," the minister said '
    'on Sunday.',
    '"The colonel will leave the embassy only when he chooses to, or when the two governments agree," a '
    'diplomat said.',
    '"THE COLONEL WILL LEAVE THE EMBASSY ONLY WHEN HE CHOOSES TO, OR WHEN THE TWO GOVERNMENTS AGREE," A '
    'DIPLOMAT SAID.',
])
def test_the_present_tense_clause_of_a_future_acts_time_is_no_event(analyzer, text):
    found = events(analyzer, text, PUBLISHED)
    assert not [e for e in found if e.event_code.startswith(("03", "08")) and e.trigger.lower() in ("agree", "release")]


def test_the_same_act_told_in_the_past_is_news(analyzer):
    text = "The rebels released the prisoners on Friday, and the two governments agreed to resume talks."
    assert "08" in roots(analyzer, text)


@pytest.mark.parametrize("text", [
    '"We will not negotiate with those who shot our people," President Okafor told reporters in Abuja.',
    '"WE WILL NOT NEGOTIATE WITH THOSE WHO SHOT OUR PEOPLE," PRESIDENT OKAFOR TOLD REPORTERS IN ABUJA.',
])
def test_people_named_by_a_clause_on_those_tell_no_act(analyzer, text):
    assert "19" not in roots(analyzer, text)


def test_a_clause_on_those_with_its_own_day_is_news(analyzer):
    text = "Police arrested those who shot the mayor on Monday, the governor said."
    assert "19" in roots(analyzer, text)
