"""Who did it (issue 13, seventeenth stop): the doer of an act told outside its clause, as a
charge, a blame or the act it was part of. One rule of English or of news writing per
test, on sentences written for the project (none from a data set), in normal case and in
the upper case of old wire copy where the parse differs. The whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Event

from violence import actor_code, violent_events

pytestmark = pytest.mark.slow


def violent(analyzer: Analyzer, text: str) -> list[Event]:
    return violent_events(analyzer, text, published="1990-03-01")


def source(event: Event) -> str | None:
    return actor_code(event, "source")


def target(event: Event) -> str | None:
    return actor_code(event, "target")


@pytest.mark.parametrize(("text", "doer"), [
    ("The police blamed the bombing of the bus on the rebels.", "REB"),
    ("The interior minister blamed the murder of two nurses on drug traffickers.", "CRM"),
    ("The bombing was blamed on drug traffickers.", "CRM"),
])
def test_who_an_act_is_blamed_on_did_it(analyzer, text, doer):
    [act] = violent(analyzer, text)
    assert source(act) == doer
    assert target(act) != doer  # (the blamed are no victims of their own act)
    # acts pointed back to ("those attacks") are no new act
    told = violent(analyzer, "Bombs have gone off in markets, and the front is blamed for those attacks.")
    assert not [e for e in told if e.source_actor is not None]


def test_an_act_a_relative_clause_blames_on_someone_is_theirs_not_the_speakers(analyzer):
    [bombing] = violent(analyzer, "A bombing that the government blamed on the militants killed 30 people at "
                                  "the market on Monday.")
    assert source(bombing) == "INS"


@pytest.mark.parametrize("text", [
    "Two students were charged on Friday with the killing of a landowner.",
    "Two soldiers were accused of the murder of a journalist.",
    "Four soldiers were implicated in the murder of the aid workers.",
    "Police arrested five men suspected of killing the judge.",
    "POLICE ARRESTED FIVE MEN SUSPECTED OF KILLING THE JUDGE.",
    "Major Luis Ortega, the senior officer implicated in the murder of the two aid workers, was relieved of "
    "his command.",
    "Major Luis Ortega is the officer implicated in the murder of the two aid workers.",
])
def test_who_is_charged_with_or_accused_of_an_act_did_it_as_the_report_has_it(analyzer, text):
    [act] = [e for e in violent(analyzer, text) if not e.event_code.startswith("17")]
    assert source(act) is not None and source(act).endswith(("CVL", "MIL"))
    assert act.source_actor.text != "officer"  # (a description stands for the name beside it)
    # a crime named, not an act told: no act, and no doer
    for named in ("The former captain, who was charged with murder and fraud last year, was detained at the airport.",
                  "The decree gave immunity to militia members implicated in murders."):
        assert not [e for e in violent(analyzer, named) if e.source_actor is not None]


@pytest.mark.parametrize("text", [
    "The district governor was killed on Tuesday in an attack staged by guerrillas.",
    "THE MAYOR WAS KILLED IN AN AMBUSH BY GUERRILLAS NEAR THE BORDER.",
    "The government condemned the murder of the governor in an attack staged by suspected urban guerrillas.",
])
def test_a_death_in_an_attack_is_the_attackers_doing(analyzer, text):
    killing = next(e for e in violent(analyzer, text) if e.target_actor is not None)
    assert source(killing) == "REB"
    assert target(killing) == "GOV"



@pytest.mark.parametrize("text", [
    "The president confirmed the involvement of soldiers in the murder of the aid workers.",
    "Death squads are to blame for the murder of four aid workers, the newspaper said.",
    "Those responsible for the murder of the aid workers were members of a death squad, prosecutors said.",
])
def test_who_had_a_share_in_an_act_or_is_to_blame_for_it_did_it(analyzer, text):
    murder = next(e for e in violent(analyzer, text) if e.trigger == "murder")
    # ("those responsible for the murder were ...": who they were)
    assert source(murder) in ("MIL", "UAF")
