"""Whom the act is aimed at (issue 13, h85): who a demand asks to act when the parser misreads
the subjunctive ("demanded that X surrender Y"), and the holders of captives an assault sets
out to free or a demand asks to release. Sentences written for the project (none from a data
set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, published: str = "2025-03-12") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def rooted(found: list[Event], root: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(root)]


code = actor_code


def test_a_demand_that_a_state_surrender_someone_is_aimed_at_the_state(analyzer):
    # the parser reads "Pakistan surrender Hafiz Saeed" as one noun phrase, headed by the man
    found = events(analyzer, "New Delhi demanded that Pakistan surrender Hafiz Saeed to stand trial in Mumbai on "
                             "terrorism charges.")
    [demand] = rooted(found, "10")
    assert code(demand, "source") == "INDGOV" and code(demand, "target") == "PAK"


def test_a_demand_that_fighters_hand_over_their_weapons_is_aimed_at_them(analyzer):
    # the parser reads "hand" as a noun and the whole clause as a noun phrase
    found = events(analyzer, "The Indian government demanded that the Maoist rebels of the district hand over "
                             "their weapons by Friday.")
    [demand] = rooted(found, "10")
    assert code(demand, "target") == "INDREB"


def test_a_storming_to_free_hostages_is_aimed_at_their_captors(analyzer):
    found = events(analyzer, "Kenyan commandos stormed a shopping mall in Nairobi on Saturday to free hostages "
                             "held by gunmen of the al Shabaab militia.")
    [storm] = rooted(found, "19")
    assert code(storm, "target") == "SOMINS"


def test_a_raid_to_rescue_captives_is_aimed_at_their_captors(analyzer):
    found = events(analyzer, "Nigerian troops raided a church in Kaduna on Friday to rescue worshippers held by "
                             "Boko Haram fighters.")
    [raid] = [e for e in found if ":raid->" in e.rule]
    assert code(raid, "source") == "NGAMIL" and code(raid, "target") == "NGAINS"


def test_a_storming_that_ends_a_siege_is_aimed_at_the_besiegers(analyzer):
    found = events(analyzer, "Police commandos stormed a bank in Lima before dawn on Sunday, ending a 30-hour "
                             "siege by Shining Path guerrillas.")
    [storm] = rooted(found, "19")
    assert code(storm, "target") == "PERINS"


def test_an_appeal_for_the_release_of_captives_is_aimed_at_who_holds_them(analyzer):
    found = events(analyzer, "The Japanese government called for the release of two Japanese journalists held by "
                             "Hamas.")
    [appeal] = rooted(found, "02")
    assert code(appeal, "source") == "JPNGOV" and code(appeal, "target") == "PSERAD"
