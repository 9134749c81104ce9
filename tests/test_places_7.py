"""Places of acts (issue 13, wire copy): a name that only qualifies a common noun, acts at sea.
Sentences of our own."""
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


def test_local_people_acting_at_sea_keep_no_guessed_country(analyzer) -> None:
    # the story is filed from Jakarta, but the text puts the pirates' act at sea, in no
    # one country: "pirates" alone are no country's
    text = ("JAKARTA, Nov 3 (Asia Desk) - Pirates armed with machetes boarded a Thai oil tanker in the "
            "South China Sea on Tuesday and kidnapped its captain, the shipping company said.")
    found = [e for e in events(analyzer, text, "2004-11-03") if e.event_code.startswith("18")]
    assert found
    for event in found:
        assert event.source_actor is not None and event.source_actor.code == "CRM", event

