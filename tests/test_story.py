"""Story first, event second: which articles tell one story, the softer matching inside a
story (knowledge files), the vetoes that still hold, and events that come out the same
in any arrival order, one batch or one article at a time."""
from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from sitroom import clustering, fusion, story
from sitroom.errors import KnowledgeError
from sitroom.explain import render, why
from sitroom.knowledge.fusion_rules import FusionKnowledge, default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()

# Three outlets on one clash, each in its own words and with its own code for the act
# (an attack, clashes, a shelling), and a look-alike clash the same week in another city.
REPORT_A = ("Fighters of the Tigray Defence Forces attacked an army base outside Mekele on Sunday, "
            "killing 14 soldiers, Ethiopian officials said. Colonel Hailu Gebre said the assault began at dawn "
            "near the Quiha airfield and lasted four hours. The Mekele garrison called in reinforcements from "
            "Adigrat.")
REPORT_B = ("Heavy clashes broke out between the Ethiopian National Defense Force and Tigrayan rebels near "
            "Quiha, on the edge of Mekele, on Sunday. At least 14 soldiers died, according to Colonel Hailu Gebre. "
            "Residents of Mekele said reinforcements arrived from Adigrat in the afternoon.")
REPORT_C = ("Tigrayan forces shelled the Quiha airfield and the army base near Mekele for four hours on Sunday; "
            "Colonel Hailu Gebre put the toll at 14 soldiers. Convoys from Adigrat reached Mekele by nightfall.")
ELSEWHERE = ("Fighters of the Fano militia attacked an army base outside Gondar on Sunday, killing 9 soldiers, "
             "officials said. Commander Tesfaye Alemu said the assault on the Azezo camp began before dawn and "
             "that Bahir Dar sent reinforcements.")
MEKELE = Place(name="Mekele", country="ETH", admin1="Tigray", lat=13.49, lon=39.47, precision="city")
GONDAR = Place(name="Gondar", country="ETH", admin1="Amhara", lat=12.6, lon=37.47, precision="city")


def _article(doc: str, text: str, code: str, source: tuple[str, str], place: Place | None,
             published: str = "2024-06-03") -> tuple[Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "."
    event = made_event(doc, 1, code, source=Actor(text=source[1], name=source[1], code=source[0], country="ETH"),
                       target=Actor(text="army", name="Ethiopian army", code="ETHMIL", country="ETH"),
                       place=place, sentence=sentence, date="2024-06-02", published=published)
    article = Article(id=doc, text=text, outlet=f"Outlet {doc}", published=published, language="en")
    return article, [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event]


ARTICLES = {
    "tdf-a": _article("tdf-a", REPORT_A, "183", ("ETHREB", "Tigray Defence Forces"), MEKELE),
    "tdf-b": _article("tdf-b", REPORT_B, "190", ("ETHREB", "Tigrayan rebels"), MEKELE),
    "tdf-c": _article("tdf-c", REPORT_C, "195", ("ETHINS", "Tigrayan forces"), None),
    "fano": _article("fano", ELSEWHERE, "183", ("ETHREB", "Fano militia"), GONDAR),
}


def _print(text: str, published: str | None = "2024-06-03") -> story.StoryPrint:
    return story.fingerprint(text, published, KNOWLEDGE.story_stopwords)


# -- which articles tell one story ---------------------------------------------------------

def test_reports_of_one_story_link_and_a_look_alike_elsewhere_does_not() -> None:
    a, b, c, other = (_print(text) for text in (REPORT_A, REPORT_B, REPORT_C, ELSEWHERE))
    assert story.link(a, b) is not None and story.link(a, c) is not None and story.link(b, c) is not None
    assert story.link(a, other) is None
    assert story.similarity(a.signature, b.signature) > story.similarity(a.signature, other.signature)


def test_story_terms_are_names_and_numbers_not_sentence_openers_or_calendar_words() -> None:
    terms = story.terms(REPORT_A, KNOWLEDGE.story_stopwords)
    assert {"mekele", "quiha", "adigrat", "hailu", "gebre", "#14"} <= terms
    assert not {"fighters", "sunday", "the", "colonel"} & terms  # an opener, a day, a title


def test_a_week_apart_is_another_story() -> None:
    assert story.link(_print(REPORT_A, "2024-06-03"), _print(REPORT_B, "2024-06-20")) is None
    assert story.link(_print(REPORT_A, "2024-06-03"), _print(REPORT_B, None)) is not None


def test_articles_published_days_apart_need_less_in_common_than_undated_ones() -> None:
    # seven names in common out of twenty each: a similarity between the two thresholds
    shared = "Marrow, Kestel, Dunhill, Orvane, Tazmir, Quillon, Bereth"
    first = f"Reports named {shared}, Alvor, Brisk, Corwen, Delmar, Ebrin, Fennick, Galder, Hollis, Istvan, " \
            "Jorrel, Kavish, Lysander, Mabry at the scene."
    second = f"Reports named {shared}, Lorcan, Mervin, Nolwen, Ostrel, Pellam, Quent, Rolvek, Sarvin, Tobril, " \
             "Ulmer, Varick, Wendel, Yorath at the scene."
    value = story.similarity(_print(first).signature, _print(second).signature)
    assert story.NEAR_THRESHOLD <= value < story.STORY_THRESHOLD
    assert story.link(_print(first, "2024-06-03"), _print(second, "2024-06-05")) == value
    assert story.link(_print(first, "2024-06-03"), _print(second, "2024-06-08")) is None  # five days apart
    assert story.link(_print(first, "2024-06-03"), _print(second, None)) is None  # of any day


def test_story_ids_are_the_smallest_article_of_each_component() -> None:
    labels = story.components(["c", "a", "b", "d"], [("c", "b"), ("b", "a")])
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "d"}


# -- softer matching inside a story --------------------------------------------------------

def _record(doc: str) -> dict[str, Any]:
    return ARTICLES[doc][2][0].to_dict()


def test_neighbouring_roots_match_inside_a_story_only() -> None:
    inside = fusion.Story(0.4, KNOWLEDGE)
    a, c = _record("tdf-a"), _record("tdf-c")
    assert fusion.score(a, c).veto == "different CAMEO roots"
    match = fusion.score(a, c, inside)
    assert match.passes(), match
    assert any("CAMEO family armed violence" in s for s in match.softer)
    assert match.as_dict()["story"] == 0.4


def test_one_side_named_at_different_levels_matches_inside_a_story() -> None:
    inside = fusion.Story(0.4, KNOWLEDGE)
    government = {"code": "ETHGOV", "name": "Ethiopian government", "country": "ETH"}
    army = {"code": "ETHMIL", "name": "Ethiopian army", "country": "ETH"}
    rebels = {"code": "ETHREB", "name": "Tigrayan rebels", "country": "ETH"}
    a = {**_record("tdf-a"), "source_actor": government}
    b = {**_record("tdf-a"), "id": "tdf-b-e1", "source_actor": army}
    assert fusion.score(a, b).veto == "different sources"
    assert fusion.score(a, b, inside).veto is None
    assert fusion.score({**a, "source_actor": rebels}, b, inside).veto == "different sources"


def test_look_alike_attacks_in_different_cities_stay_apart_even_in_one_story() -> None:
    inside = fusion.Story(0.5, KNOWLEDGE)
    assert fusion.score(_record("tdf-a"), _record("fano"), inside).veto == "places too far apart"


def test_the_date_window_widens_only_for_a_guessed_date() -> None:
    inside = fusion.Story(0.4, KNOWLEDGE)
    a = _record("tdf-a")
    later = {**_record("tdf-a"), "id": "tdf-b-e1", "date": "2024-06-07"}
    assert fusion.score(a, later, inside).veto == "dates too far apart"
    assert fusion.score(a, {**later, "date_inferred": True}, inside).veto is None
    assert fusion.score(a, {**later, "date_inferred": True}).veto == "dates too far apart"


# -- knowledge files -----------------------------------------------------------------------

@pytest.mark.parametrize(("file", "line", "problem"), [
    ("event_families.tsv", "violence\t18|1x\n", "'1x' is not a two-digit CAMEO root"),
    ("event_families.tsv", "violence\t18\n", "lists 1 roots"),
    ("actor_levels.tsv", "state\tGOV|MIL\nforces\tMIL|REB\n", "MIL is already in side 'state'"),
    ("story_words.tsv", "Monday|tuesday\n", "'Monday' is not a lower-case word"),
])
def test_a_bad_knowledge_file_names_the_file_line_and_problem(tmp_path: Path, file: str, line: str,
                                                               problem: str) -> None:
    headers = {"event_families.tsv": "family\troots\n", "actor_levels.tsv": "side\troles\n",
               "story_words.tsv": "words\n"}
    for name, header in headers.items():
        (tmp_path / name).write_text(header + ("" if name != file else line)
                                     + ("the\n" if name == "story_words.tsv" and name != file else ""),
                                     encoding="utf-8")
    with pytest.raises(KnowledgeError, match=problem) as caught:
        FusionKnowledge.load(tmp_path)
    assert caught.value.path.endswith(file) and caught.value.line is not None


# -- forming events: order does not matter -------------------------------------------------

def test_grouping_does_not_depend_on_the_order_of_nodes_or_edges() -> None:
    nodes = list("abcdef")
    edges = [clustering.Edge("a", "b", 0.9), clustering.Edge("b", "c", 0.8), clustering.Edge("c", "d", 0.8),
             clustering.Edge("d", "e", 0.7), clustering.Edge("a", "e", 0.75)]
    kept_apart = {frozenset("ad")}

    def apart(x: str, y: str) -> bool:
        return frozenset((x, y)) in kept_apart

    expected = clustering.cluster(nodes, edges, apart, order=str)
    assert expected == [["a", "b", "c", "e"], ["d"], ["f"]]
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(nodes)
        rng.shuffle(edges)
        assert clustering.cluster(nodes, edges, apart, order=str) == expected


def _events(store: Store) -> set[tuple[str, tuple[str, ...]]]:
    return {(e["event_code"][:2], tuple(e["articles"])) for e in store.events()}


def test_reports_of_one_clash_fuse_in_any_order_and_batching(tmp_path: Path) -> None:
    names = ["tdf-a", "tdf-b", "tdf-c", "fano"]
    results = set()
    for order in itertools.permutations(names):
        with Store.open(":memory:") as store:
            for name in order:
                store.add_articles([ARTICLES[name]])
            results.add(frozenset(_events(store)))
    with Store.open(":memory:") as store:
        store.add_articles([ARTICLES[name] for name in names])
        results.add(frozenset(_events(store)))
    assert len(results) == 1
    assert set(next(iter(results))) == {("18", ("tdf-a", "tdf-b", "tdf-c")), ("18", ("fano",))}


def test_why_shows_the_story_and_the_softer_match_and_split_undoes_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_articles([ARTICLES["tdf-a"], ARTICLES["tdf-b"], ARTICLES["tdf-c"], ARTICLES["fano"]])
        [event] = [e for e in store.events() if len(e["articles"]) == 3]
        explanation = why(store, event["id"])
        assert list(explanation["stories"].values()) == [["tdf-a", "tdf-b", "tdf-c"]]
        decisions = {m["article_id"]: m["decision"] for m in explanation["members"]}
        assert decisions["tdf-a"]["rule"] == "founded"
        assert decisions["tdf-c"]["rule"] == "fused" and decisions["tdf-c"]["story"] > 0
        text = render(explanation)
        assert "story tdf-a: 3 article(s)" in text and "softer match inside the story: CAMEO family" in text
        new_id = store.split(event["id"], doc_id="tdf-c")
        assert store.event(new_id)["articles"] == ["tdf-c"]
        # a later report of the same story does not put the split member back
        later = _article("tdf-d", REPORT_B.replace("Heavy clashes", "Fierce clashes"), "190",
                         ("ETHREB", "Tigrayan rebels"), MEKELE)
        store.add_articles([later])
        assert store.event(new_id)["articles"] == ["tdf-c"]
        assert "tdf-d" in store.event(event["id"])["articles"]


def test_the_same_text_told_weeks_apart_is_not_read_back_by_the_story_step(monkeypatch) -> None:
    # The same report stored every fortnight: each new copy shares all its bands with the
    # old ones, but only those within STORY_DAYS are candidates, so the step's work per
    # article does not grow with how often the text was told before.
    compared: list[tuple[str | None, str | None]] = []
    real_link = story.link

    def spy(a: story.StoryPrint, b: story.StoryPrint) -> float | None:
        compared.append((a.published, b.published))
        return real_link(a, b)

    monkeypatch.setattr(story, "link", spy)
    article, sentences, events = ARTICLES["tdf-a"]
    days = ["2024-06-03", "2024-06-17", "2024-07-01", "2024-07-15", "2024-07-16"]
    with Store.open(":memory:") as store:
        for n, day in enumerate(days):
            copy = Article(id=f"copy-{n}", text=article.text, outlet=f"Outlet {n}", published=day, language="en")
            store.add_articles([(copy, sentences, [])])
        found = store.stories([f"copy-{n}" for n in range(len(days))])
    assert compared == [("2024-07-15", "2024-07-16")]  # the one pair a day apart, nothing further back
    assert sorted(found.values()) == [["copy-0"], ["copy-1"], ["copy-2"], ["copy-3", "copy-4"]]
