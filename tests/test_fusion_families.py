"""Families of acts listed by CAMEO code as well as by root: one outlet tells a fire set
in a church as property destroyed (171), another as an attack on it (18, 19); inside one
story the two are one event. The other codes of root 17 (an arrest, 173) stay acts of
their own, and the places, dates and stories still keep look-alikes apart."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitroom import fusion
from sitroom.errors import KnowledgeError
from sitroom.explain import render, why
from sitroom.knowledge.fusion_rules import FusionKnowledge, default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()

# One arson told by two outlets in their own words, with the same names and figures.
ARSON = ("Arsonists set fire to the Grace Chapel in Millbrook on Sunday night, Sheriff Dana Whitlow said. "
         "Firefighters from Millbrook and Ashford fought the blaze for 3 hours. Pastor Owen Reyes said the "
         "congregation of 240 would meet at the Millbrook Grange Hall. The Ohio Fire Marshal joined the inquiry.")
ATTACK = ("The Grace Chapel in Millbrook was attacked overnight Sunday and badly burned, Sheriff Dana Whitlow "
          "said. Crews from Millbrook and Ashford needed 3 hours to put out the fire. Pastor Owen Reyes told the "
          "240 members to gather at the Millbrook Grange Hall; the Ohio Fire Marshal is investigating.")
MILLBROOK = Place(name="Millbrook", country="USA", admin1="Ohio", lat=40.1, lon=-82.9, precision="city")
# The same two codes in two towns far apart: two fires, whatever story their texts tell.
FARVIEW = Place(name="Farview", country="USA", admin1="Ohio", lat=41.6, lon=-80.6, precision="city")


def _article(doc: str, text: str, code: str, place: Place, *, target: str = "church") -> tuple[
        Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "."
    event = made_event(doc, 1, code, source=None, target=Actor(text=target, name=target, code="REL", country=None),
                       place=place, sentence=sentence, date="2024-06-02", published="2024-06-03")
    return (Article(id=doc, text=text, outlet=f"Outlet {doc}", published="2024-06-03", language="en"),
            [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event])


def test_a_family_lists_a_code_of_a_root_without_the_roots_other_codes() -> None:
    assert KNOWLEDGE.family("1712") == KNOWLEDGE.family("171") == KNOWLEDGE.family("190") == "armed violence"
    assert KNOWLEDGE.family("173") is None  # an arrest is no attack
    assert KNOWLEDGE.family("17") is None


def test_a_code_in_a_family_file_is_read_and_a_bad_one_refused(tmp_path: Path) -> None:
    def write(rows: str) -> FusionKnowledge:
        (tmp_path / "event_families.tsv").write_text("family\troots\n" + rows, encoding="utf-8")
        (tmp_path / "actor_levels.tsv").write_text("side\troles\nstate\tGOV|MIL\n", encoding="utf-8")
        (tmp_path / "story_words.tsv").write_text("words\nmonday\n", encoding="utf-8")
        return FusionKnowledge.load(tmp_path)

    assert write("fire\t171|19\n").family("1712") == "fire"
    with pytest.raises(KnowledgeError, match="'1711x' is not a two-digit CAMEO root or a three-digit CAMEO code"):
        write("fire\t1711x|19\n")


def _member(code: str, place: Place = MILLBROOK) -> dict[str, Any]:
    doc = "arson" if code.startswith("17") else "attack"
    return _article(doc, ARSON if doc == "arson" else ATTACK, code, place)[2][0].to_dict()


def test_inside_a_story_property_set_on_fire_and_an_attack_on_it_are_one_act() -> None:
    story = fusion.Story(0.4, KNOWLEDGE)
    match = fusion.score(_member("171"), _member("190"), story)
    assert match.veto is None and match.passes()
    assert "CAMEO family armed violence: 171 and 190" in match.softer
    # outside a story the roots must agree; an arrest is never the attack
    assert fusion.score(_member("171"), _member("190")).veto == "different CAMEO roots"
    assert fusion.score(_member("173"), _member("190"), story).veto == "CAMEO roots of different families"
    # two fires in towns far apart stay two, inside a story or not
    assert fusion.score(_member("171"), _member("190", FARVIEW), story).veto == "places too far apart"


def test_an_articles_first_acts_count_a_fire_and_an_attack_as_one_kind() -> None:
    fire, attack = _member("171"), {**_member("190"), "id": "arson-e2"}
    fire["evidence"][0]["start"], attack["evidence"][0]["start"] = 0, 50
    assert fusion.first_acts([fire, attack], KNOWLEDGE) == {fire["id"]: True}


@pytest.mark.parametrize("order", [["arson", "attack"], ["attack", "arson"]])
def test_two_reports_of_one_arson_fuse_in_any_order_and_split_undoes_it(order: list[str]) -> None:
    made = {"arson": _article("arson", ARSON, "171", MILLBROOK), "attack": _article("attack", ATTACK, "190", MILLBROOK)}
    with Store.open(":memory:") as store:
        for name in order:
            store.add_articles([made[name]])
        events = {tuple(e["articles"]): e for e in store.events()}
        assert list(events) == [("arson", "attack")]
        fused = events[("arson", "attack")]
        assert "CAMEO family armed violence" in render(why(store, fused["id"]))
        store.split(fused["id"], doc_id="attack")
        assert sorted(tuple(e["articles"]) for e in store.events()) == [("arson",), ("attack",)]
