"""States under their former names (issue 13): archive copy of the 1970s to the 1990s names the
Soviet Union, Yugoslavia, Zaire or Rhodesia. Each is an alias of the state that succeeded it
(`countries.tsv`), so its acts have a source and its people a country. Sentences written for
the project; the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

pytestmark = pytest.mark.slow


def events(analyzer: Analyzer, text: str, published: str = "1986-05-14") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def sources(found: list[Event]) -> set[str | None]:
    return {e.source_actor.code if e.source_actor else None for e in found}


@pytest.mark.parametrize("text, source", [
    ("The Soviet Union condemned the air raid on the port as an act of piracy.", "RUS"),
    ("The USSR suspended grain shipments to the junta on Tuesday.", "RUS"),
    ("Yugoslavia recalled its ambassador from Tirana after the border incident.", "SRB"),
    ("Zaire closed its border with Uganda on Monday.", "COD"),
    ("Rhodesia accused Zambia of sheltering guerrillas who raided a farm near the border.", "ZWE"),
])
def test_a_former_state_name_is_the_successor_state(analyzer, text, source):
    found = events(analyzer, text)
    assert found, text
    assert source in {code[:3] for code in sources(found) if code}


def test_the_former_states_people_are_its_own(analyzer):
    found = events(analyzer, "Soviet troops fired on demonstrators outside the television tower on Sunday.")
    assert any(e.source_actor and e.source_actor.code == "RUSMIL" for e in found)
