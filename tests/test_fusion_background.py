"""Background inside a story: a follow-up retells as background the act that the first
report of its story told as news, and the two are one event; outside a story, and with a
date out of the window, background and news stay apart."""
from __future__ import annotations

import itertools

from sitroom import fusion
from sitroom.explain import render, why
from sitroom.knowledge.fusion_rules import default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()

# Written for these tests: the first report of a shooting, and the trial's report a week
# on, which tells the shooting as background; both name the same people and places.
NEWS = ("A gunman shot dead two clerks at the Harlow Street pharmacy in Brenford on Monday, said "
        "Inspector Dana Reyes of the Brenford police. The suspect, Colm Vetter, fled towards Ashby "
        "before officers from Kilner County caught him near the Marsh Road bridge.")
FOLLOW_UP = ("Colm Vetter appeared before Judge Ruth Okafor in Brenford on Tuesday. Vetter shot dead two "
             "clerks at the Harlow Street pharmacy, Inspector Dana Reyes told the court, and was caught near "
             "the Marsh Road bridge by officers from Kilner County, on the road to Ashby.")
BRENFORD = Place(name="Brenford", country="GBR", admin1="Kent", lat=51.2, lon=0.9, precision="city")
GUNMAN = Actor(text="Colm Vetter", name="Colm Vetter", code=None, country=None)
CLERKS = Actor(text="two clerks", name="clerks", code="GBRCVL", country="GBR")


def _article(doc: str, text: str, *, historical: bool, published: str) -> tuple[Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "." if not historical else text.split(". ")[1]
    start = text.index(sentence)
    event = made_event(doc, 1, "1823", source=GUNMAN, target=CLERKS, place=BRENFORD, sentence=sentence,
                       start=start, date="2024-05-06" if not historical else None, published=published,
                       historical=historical)
    article = Article(id=doc, text=text, outlet=f"Outlet {doc}", published=published, language="en")
    return article, [Sentence(index=0, start=start, end=start + len(sentence), text=sentence)], [event]


ARTICLES = {
    "news": _article("news", NEWS, historical=False, published="2024-05-06"),
    "trial": _article("trial", FOLLOW_UP, historical=True, published="2024-05-09"),
}


def test_background_and_news_of_one_story_are_one_event_in_any_order() -> None:
    results = set()
    for order in itertools.permutations(ARTICLES):
        with Store.open(":memory:") as store:
            for name in order:
                store.add_articles([ARTICLES[name]])
            assert len(store.stories(list(ARTICLES))) == 1
            events = store.events()
            results.add(frozenset((tuple(e["articles"]), bool(e.get("historical"))) for e in events))
    assert results == {frozenset({(("news", "trial"), False)})}  # one event, and it is news


def test_why_names_the_softer_match_of_background_and_news() -> None:
    with Store.open(":memory:") as store:
        store.add_articles(list(ARTICLES.values()))
        [event] = store.events()
        assert fusion.BACKGROUND_SOFTER in render(why(store, event["id"]))


def test_background_and_news_stay_apart_outside_a_story_or_out_of_the_window() -> None:
    news, trial = (ARTICLES[name][2][0].to_dict() for name in ("news", "trial"))
    assert fusion.veto(news, trial) == "one is background, the other news"
    inside = fusion.Story(0.3, KNOWLEDGE)
    assert fusion.veto(news, trial, inside) is None
    long_ago = {**trial, "date": "2023-02-01", "date_precision": "day"}
    assert fusion.veto(news, long_ago, inside) == "dates too far apart"
