"""Briefs in the story step: an article of a few names and figures joins the story of a
report that names every one of them, and no other; and the events of a brief and of the
report it retells fuse, whatever order they come in."""
from __future__ import annotations

import itertools

from sitroom import story
from sitroom.knowledge.fusion_rules import default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()

# A long report and two briefs written for these tests: one brief names only what the
# report names, the other one name more (another town).
REPORT = ("Gunmen stormed the Varnholt grain depot outside Ostrava late on Tuesday, killing 3 guards, "
          "regional police chief Irena Malkova said. The attackers fled towards Karvina in two pickups, "
          "according to witnesses quoted by Radio Breva. Mayor Tomas Zelenka ordered checkpoints on the "
          "road to Opava and Havirov, and the Silesian prosecutor opened a case.")
BRIEF = "Three guards were killed when gunmen attacked the Varnholt depot near Ostrava, police said."
OTHER_BRIEF = "Three guards were killed when gunmen attacked the Varnholt depot near Kolin, police said."
OSTRAVA = Place(name="Ostrava", country="CZE", admin1="Moravian-Silesian", lat=49.83, lon=18.29, precision="city")


def _print(text: str, published: str | None = None) -> story.StoryPrint:
    return story.fingerprint(text, published, KNOWLEDGE.story_stopwords)


def test_a_brief_links_to_a_report_that_names_all_its_terms_and_to_no_other() -> None:
    report, brief, other = _print(REPORT), _print(BRIEF), _print(OTHER_BRIEF)
    assert story.terms(BRIEF, KNOWLEDGE.story_stopwords) == {"varnholt", "ostrava"}
    assert brief.terms < story.BRIEF_TERMS <= report.terms
    # far under the story threshold: the report names much more than the brief
    assert story.similarity(brief.signature, report.signature) < story.STORY_THRESHOLD
    assert story.link(brief, report) is not None and story.link(report, brief) is not None
    assert story.link(other, report) is None  # "Kolin" is not in the report
    assert story.link(brief, other) is None  # neither names all of the other's terms
    lone = _print("Gunmen attacked a depot near Ostrava, police said.")  # one term: joins nothing
    assert lone.terms < story.MIN_TERMS and story.link(lone, report) is None


def test_containment_is_read_from_the_signatures() -> None:
    report, brief = _print(REPORT), _print(BRIEF)
    assert story.contains(report.signature, brief.signature)
    assert not story.contains(brief.signature, report.signature)
    assert not story.contains(report.signature, _print(OTHER_BRIEF).signature)


def _article(doc: str, text: str, code: str) -> tuple[Article, list[Sentence], list[Event]]:
    sentence = text.split(". ")[0] + "."
    event = made_event(doc, 1, code, source=Actor(text="gunmen", name="gunmen", code="UAF", country=None),
                       target=Actor(text="guards", name="guards", code="CZECVL", country="CZE"),
                       place=OSTRAVA, sentence=sentence, date=None, published=None)
    article = Article(id=doc, text=text, outlet=f"Outlet {doc}", published=None, language="en")
    return article, [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event]


def test_a_brief_and_the_report_it_retells_are_one_story_and_one_event_in_any_order() -> None:
    articles = {"report": _article("report", REPORT, "190"), "brief": _article("brief", BRIEF, "183")}
    results = set()
    for order in itertools.permutations(articles):
        with Store.open(":memory:") as store:
            for name in order:
                store.add_articles([articles[name]])
            stories = store.stories(list(articles))
            results.add((frozenset(frozenset(a) for a in stories.values()),
                         frozenset(tuple(e["articles"]) for e in store.events())))
    assert results == {(frozenset({frozenset({"brief", "report"})}), frozenset({("brief", "report")}))}


# A long report of forty-odd names and a short one of eight, seven of them the long one's:
# a similarity far under the story threshold, but most of the short one is in the long one.
LONG_NAMES = ("Varnholt, Ostrava, Malkova, Karvina, Zelenka, Opava, Havirov, Breva, Bohumin, Frydek, Trinec, "
              "Orlova, Kopriva, Senov, Petrvald, Rychvald, Albrechtice, Stonava, Dolni, Horni, Lutyne, Vendryne, "
              "Jablunkov, Bystrice, Navsi, Mosty, Hradek, Bukovec, Pisek, Bocanovice, Milikov, Tyra, Oldrichovice, "
              "Ropice, Smilovice, Hnojnik, Komorni, Pazderna, Nosovice, Dobratice, Vojkovice")


def test_a_short_report_mostly_inside_a_long_one_links_under_the_old_floor() -> None:
    long = _print(f"Investigators listed {LONG_NAMES} in the case file.")
    short = _print("Investigators from Varnholt, Ostrava, Malkova, Karvina, Zelenka, Opava and Havirov "
                   "met Kunzova on the case.")
    assert short.terms == 8 and long.terms > 40
    value = story.similarity(short.signature, long.signature)
    assert story.CONTAINED_FLOOR <= value < 0.18
    assert story.containment(short, long, value) >= story.CONTAINED
    assert story.link(short, long) == value
    # the same short report naming only three of the long one's: no story
    apart = _print("Investigators from Varnholt, Ostrava, Malkova, Kunzova, Lesny, Rudolf, Marek and Tomsik met.")
    assert story.link(apart, long) is None
