"""Places of acts (issue 13, wire copy): a name that only qualifies a common noun, datelines
in capitals, acts at sea. Sentences of our own."""
from __future__ import annotations

import pytest

from coded import events

pytestmark = pytest.mark.slow


def violent(found):
    return [e for e in found if e.event_code[:2] in ("18", "19", "20")]


def test_a_name_that_qualifies_a_noun_is_not_a_town_abroad(analyzer) -> None:
    # "Orange" is also a town in California and Texas: here it names the river, and the
    # sentence names the South African town the shooting was at
    text = ("Johannesburg, March 2 - Police opened fire on striking farm workers at the Orange river "
            "pumping station outside the town of Upington on Tuesday, killing two people, witnesses said.")
    found = violent(events(analyzer, text, "2011-03-02"))
    assert found
    for event in found:
        assert event.location is not None and event.location.country == "ZAF", event


def test_a_dateline_town_in_capitals_leads_a_mixed_case_story(analyzer) -> None:
    # wire copy writes its dateline's town in capitals even in a story in mixed case: the
    # report was filed from Pakistan, so its Hyderabad is the Pakistani one
    text = ("KARACHI, Aug 9 (South Asia Desk) - Gunmen on motorcycles shot dead four people outside "
            "a bakery in Hyderabad on Sunday, police said.")
    found = violent(events(analyzer, text, "2009-08-10"))
    assert found
    for event in found:
        assert event.location is not None and event.location.country == "PAK", event
