"""A story whose links fall into two dense groups joined by a few links is two stories
(`story.parts`): look-alike reports chained by an article that resembles both stay
apart, whatever order the articles come in, and a story that becomes two as articles
arrive drops the pairs that only the story had matched."""
from __future__ import annotations

import itertools
import random
from sitroom import story
from sitroom.records import Actor, Article, Event, Sentence
from sitroom.store import Store

from made_events import made_event


def _clique(names: list[str]) -> list[tuple[str, str]]:
    return list(itertools.combinations(names, 2))


FIRST = ["a1", "a2", "a3", "a4"]
SECOND = ["b1", "b2", "b3", "b4"]


def test_two_dense_groups_joined_by_one_link_are_two_stories() -> None:
    labels = story.components(FIRST + SECOND + ["z"], _clique(FIRST) + _clique(SECOND) + [("a1", "b1")])
    assert labels == {**dict.fromkeys(FIRST, "a1"), **dict.fromkeys(SECOND, "b1"), "z": "z"}


def test_a_story_whose_links_have_no_sparse_cut_stays_one() -> None:
    # every article linked to most others: one story, even with a weaker member
    names = FIRST + SECOND
    edges = [pair for pair in _clique(names) if pair not in {("a1", "b1"), ("a2", "b2"), ("a3", "b3")}]
    assert set(story.components(names, edges).values()) == {"a1"}
    # a chain of reports, each resembling the next: no dense groups to tell apart
    chain = [f"c{i}" for i in range(8)]
    assert set(story.components(chain, list(zip(chain, chain[1:]))).values()) == {"c0"}


def test_small_groups_are_not_cut_off() -> None:
    # two articles hanging off a dense story by one link: too few to be a story of their own
    names = FIRST + ["b1", "b2"]
    edges = _clique(FIRST) + [("a1", "b1"), ("b1", "b2")]
    assert set(story.components(names, edges).values()) == {"a1"}


def test_the_parts_do_not_depend_on_the_order_of_articles_or_links() -> None:
    names = FIRST + SECOND + ["x"]
    edges = _clique(FIRST) + _clique(SECOND) + [("x", "a1"), ("x", "b1")]
    expected = story.components(names, edges)
    assert len(set(expected.values())) == 2
    rng = random.Random(3)
    for _ in range(20):
        rng.shuffle(names)
        rng.shuffle(edges)
        assert story.components(names, [(b, a) if rng.random() < 0.5 else (a, b) for a, b in edges]) == expected


# -- in the store --------------------------------------------------------------------------
# Two look-alike stories told by four outlets each: each article names its story's eight
# people and eight of its own; a ninth article names the own people of one article of
# each story, so it links to both and chains them. The events agree on every field (a
# seizure by one navy, no place, no date), as two reports of look-alike acts do.

def _names(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{chr(ord('a') + i)}vorn" for i in range(n)]


SHARED = {"a": _names("Kel", 8), "b": _names("Mor", 8)}
OWN = {doc: _names(doc.capitalize() + "x", 8) for doc in FIRST + SECOND}


def _text(names: list[str]) -> str:
    return "The navy seized a vessel. Witnesses named " + ", ".join(names) + " among those on board."


TEXTS = {doc: _text(SHARED[doc[0]] + OWN[doc]) for doc in FIRST + SECOND}
TEXTS["x"] = _text(OWN["a1"] + OWN["b1"])


def _article(doc: str, text: str) -> tuple[Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "."
    event = made_event(doc, 1, "171", source=Actor(text="navy", name="Indian navy", code="INDMIL", country="IND"),
                       sentence=sentence, date="", date_precision=None, published=None)
    article = Article(id=doc, text=text, outlet=f"Outlet {doc}", published=None, language="en")
    return article, [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event]


def _events(store: Store) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(e["articles"]) for e in store.events())


def _write(order: list[str], texts: dict[str, str] | None = None) -> frozenset[tuple[str, ...]]:
    with Store.open(":memory:") as store:
        for doc in order:
            store.add_articles([_article(doc, (texts or TEXTS)[doc])])
        return _events(store)


def test_look_alike_stories_chained_by_one_article_stay_apart_in_any_order() -> None:
    with Store.open(":memory:") as store:
        store.add_articles([_article(doc, TEXTS[doc]) for doc in TEXTS])
        stories = sorted(sorted(articles) for articles in store.stories(list(TEXTS)).values())
        expected = _events(store)
    assert stories == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4", "x"]]  # x sides with one of them
    assert not any({d[0] for d in event if d != "x"} == {"a", "b"} for event in expected)
    assert any(set(FIRST) <= set(event) for event in expected)
    assert any(set(SECOND) <= set(event) for event in expected)
    # the story is one until the second story's third article comes: the pairs matched
    # inside it across the cut must go when it becomes two
    orders = [FIRST + ["x", "b1"] + SECOND[1:], ["x"] + SECOND + FIRST, list(reversed(list(TEXTS)))]
    rng = random.Random(11)
    for _ in range(3):
        shuffled = list(TEXTS)
        rng.shuffle(shuffled)
        orders.append(shuffled)
    for order in orders:
        assert _write(order) == expected, order


def test_an_article_told_again_in_other_words_joins_or_parts_stories_as_if_first_told_so() -> None:
    # the chaining article, corrected to name everyone of both stories: then it links to
    # all eight and the two groups are no longer joined by a few links only
    middle = dict(TEXTS, x=_text(SHARED["a"] + SHARED["b"]))
    with Store.open(":memory:") as store:
        store.add_articles([_article(doc, TEXTS[doc]) for doc in TEXTS])
        store.add_articles([_article("x", middle["x"])])
        corrected = _events(store)
    assert corrected == _write(list(middle), middle)
    with Store.open(":memory:") as store:
        store.add_articles([_article(doc, middle[doc]) for doc in middle])
        store.add_articles([_article("x", TEXTS["x"])])
        assert _events(store) == _write(list(TEXTS))
