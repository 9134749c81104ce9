"""The story's main event: an article's lead and another article's first act of its kind,
in one story, are one event whatever actors each names; a brief that retells part of a
long report is in its story. Places, dates and standing still keep look-alikes apart."""
from __future__ import annotations

from typing import Any

import pytest

from sitroom import fusion, story
from sitroom.explain import render, why
from sitroom.knowledge.fusion_rules import default_knowledge
from sitroom.records import Actor, Article, Event, Place, Sentence
from sitroom.store import Store

from made_events import made_event

KNOWLEDGE = default_knowledge()

# One attack told twice: a long report, and a brief that keeps a few of its names.
LONG = ("Gunmen opened fire on a wedding party in the village of Dera Bugti late on Saturday, killing 11 guests, "
        "police in Balochistan said. Deputy Inspector General Karim Shah said the attackers arrived on "
        "motorcycles from the direction of Sui and fled towards the Marri hills. Hospital officials in Quetta "
        "received 23 wounded, among them the groom's father, Mir Aslam Bugti. The Baloch Liberation Army denied "
        "any role, and Chief Minister Sarfraz Kakar ordered an inquiry. Traders in Dera Bugti and Sui closed "
        "their shops on Sunday, and the Frontier Corps set up checkpoints on the road to Kohlu. In Islamabad, "
        "Senator Anwar Kasi and the Jamhoori Watan Party condemned the killings.")
BRIEF = ("Eleven guests were killed when gunmen attacked a wedding in Dera Bugti, in Balochistan, on Saturday, "
         "police said. Karim Shah, a senior officer, said 23 people were wounded and taken to Quetta.")
# Another wedding attack the same week, in another town, told with other names.
OTHER = ("Gunmen fired on a wedding convoy near Turbat in Kech district on Thursday, killing four men, officials "
         "in Balochistan said. Levies commander Nasir Baloch said the convoy was heading to Gwadar. Doctors at the "
         "Turbat Teaching Hospital treated 9 wounded.")
DERA_BUGTI = Place(name="Dera Bugti", country="PAK", admin1="Balochistan", lat=29.03, lon=69.15, precision="city")
TURBAT = Place(name="Turbat", country="PAK", admin1="Balochistan", lat=26.0, lon=63.04, precision="city")
GUNMEN = ("UAF", "gunmen")
POLICE = ("PAKCOP", "police")


def _event(doc: str, n: int, code: str, source: tuple[str, str] | None, place: Place | None, sentence: str,
           start: int, **extra: Any) -> Event:
    actor = Actor(text=source[1], name=source[1], code=source[0],
                  country="PAK" if source[0][:3] == "PAK" else None) if source else None
    return made_event(doc, n, code, source=actor, place=place, sentence=sentence, start=start, **extra)


def _article(doc: str, text: str, events: list[Event]) -> tuple[Article, list[Sentence], list[Event]]:
    sentences = [Sentence(index=i, start=e.evidence[0].start, end=e.evidence[0].end, text=e.evidence[0].sentence)
                 for i, e in enumerate(sorted(events, key=lambda e: e.evidence[0].start))]
    return Article(id=doc, text=text, outlet=f"Outlet {doc}", published="2024-06-02", language="en"), sentences, events


def _long() -> tuple[Article, list[Sentence], list[Event]]:
    first = LONG.split(". ")[0] + "."
    inquiry = "The Baloch Liberation Army denied any role, and Chief Minister Sarfraz Kakar ordered an inquiry."
    return _article("long", LONG, [
        _event("long", 1, "190", GUNMEN, DERA_BUGTI, first, 0),
        _event("long", 2, "013", ("PAKGOV", "Chief Minister Sarfraz Kakar"), None, inquiry, LONG.index(inquiry)),
    ])


def _brief() -> tuple[Article, list[Sentence], list[Event]]:
    # its coder took "police said" for the attacker: the actors of the two reports disagree
    first = BRIEF.split(". ")[0] + "."
    return _article("brief", BRIEF, [_event("brief", 1, "193", POLICE, DERA_BUGTI, first, 0)])


def _other() -> tuple[Article, list[Sentence], list[Event]]:
    first = OTHER.split(". ")[0] + "."
    return _article("other", OTHER, [_event("other", 1, "190", GUNMEN, TURBAT, first, 0)])


def _print(text: str) -> story.StoryPrint:
    return story.fingerprint(text, "2024-06-02", KNOWLEDGE.story_stopwords)


# -- the story step: a brief inside a long report ------------------------------------------

def test_a_brief_that_retells_part_of_a_long_report_is_in_its_story() -> None:
    long, brief = _print(LONG), _print(BRIEF)
    similarity = story.similarity(long.signature, brief.signature)
    assert similarity < story.STORY_THRESHOLD  # the long report names much more
    assert story.containment(long, brief, similarity) >= story.CONTAINED
    assert story.link(long, brief) == similarity
    assert story.link(_print(OTHER), brief) is None


def test_containment_is_the_smaller_sets_share_in_the_other() -> None:
    names = [f"Name{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]
    made = {key: story.fingerprint("Reports named " + ", ".join(terms) + ".", None, KNOWLEDGE.story_stopwords)
            for key, terms in (("thirty", names[:30]), ("six", names[:6]), ("ten", names[:10]),
                               ("half", names[5:15]))}
    for small, large in (("six", "thirty"), ("ten", "half")):
        similarity = story.similarity(made[small].signature, made[large].signature)
        share = story.containment(made[small], made[large], similarity)
        # six of thirty: all of the six; ten and ten with five shared: half
        assert share == pytest.approx(1.0 if small == "six" else 0.5, abs=0.1)


# -- leads ----------------------------------------------------------------------------------

def test_an_articles_first_acts_skip_statements_background_and_plans() -> None:
    records = [
        {"id": "said", "event_code": "010", "evidence": [{"start": 0}]},
        {"id": "old-raid", "event_code": "190", "historical": True, "evidence": [{"start": 10}]},
        {"id": "since-1991", "event_code": "190", "date": "1991-01-01", "date_precision": "year",
         "evidence": [{"start": 30}]},
        {"id": "attack", "event_code": "193", "evidence": [{"start": 40}]},
        {"id": "shelling", "event_code": "195", "evidence": [{"start": 60}]},  # same family as the attack
        {"id": "arrest", "event_code": "173", "evidence": [{"start": 90}]},
        {"id": "talks", "event_code": "036", "modality": "planned", "evidence": [{"start": 20}]},
        {"id": "threat", "event_code": "190", "modality": "threatened", "evidence": [{"start": 35}]},
        {"id": "denied", "event_code": "173", "modality": "negated", "evidence": [{"start": 36}]},
    ]
    assert fusion.first_acts(records, KNOWLEDGE) == {"attack": True, "arrest": False}


def test_the_lead_and_the_others_first_act_match_whatever_their_actors() -> None:
    long, brief = _long()[2][0].to_dict(), _brief()[2][0].to_dict()
    plain = fusion.Story(0.23, KNOWLEDGE)
    assert fusion.score(long, brief, plain).veto == "different sources"
    match = fusion.score(long, brief, fusion.Story(0.23, KNOWLEDGE, leads=True))
    assert match.veto is None and match.passes() and match.lead
    assert fusion.LEAD_SOFTER in match.as_dict()["softer"]
    # told in other words, with no actor and a day apart: below the threshold, still the story's event
    terse = {**brief, "source_actor": None, "date": "2024-06-02",
             "evidence": [{"doc_id": "brief", "sentence": "A celebration turned to mourning overnight.", "start": 0}]}
    assert not fusion.score(long, terse, plain).passes()
    led = fusion.score(long, terse, fusion.Story(0.23, KNOWLEDGE, leads=True))
    assert led.score < fusion.STORY_THRESHOLD and led.passes()


def test_leads_in_different_towns_stay_apart() -> None:
    long, other = _long()[2][0].to_dict(), _other()[2][0].to_dict()
    led = fusion.Story(0.3, KNOWLEDGE, leads=True)
    assert fusion.score(long, other, led).veto == "places too far apart"
    arrest = {**other, "event_code": "173", "location": long["location"]}
    assert fusion.score(long, arrest, led).veto == "CAMEO roots of different families"


def test_forming_events_leaves_actors_out_only_when_asked() -> None:
    long, brief = _long()[2][0].to_dict(), _brief()[2][0].to_dict()
    inside = fusion.Story(0.3, KNOWLEDGE)
    assert fusion.veto(long, brief, inside) == "different sources"
    assert fusion.veto(long, brief, inside, actors=False) is None


@pytest.mark.parametrize("batches", [["long", "brief", "other"], ["other", "brief", "long"],
                                     [["long", "brief", "other"]]])
def test_a_long_report_and_its_brief_are_one_event_in_any_order(batches: list[Any]) -> None:
    made = {"long": _long(), "brief": _brief(), "other": _other()}
    with Store.open(":memory:") as store:
        for batch in batches:
            store.add_articles([made[d] for d in ([batch] if isinstance(batch, str) else batch)])
        events = {tuple(e["articles"]): e for e in store.events()}
        assert ("brief", "long") in events
        assert ("other",) in events  # the wedding attack in Turbat stays its own event
        fused = events[("brief", "long")]
        explained = render(why(store, fused["id"]))
    assert "the story's main event" in explained


def test_without_a_story_the_same_two_reports_stay_apart() -> None:
    far_later = Article(id="brief", text=BRIEF, outlet="Outlet brief", published="2024-07-20", language="en")
    _, sentences, events = _brief()
    with Store.open(":memory:") as store:
        store.add_articles([_long(), (far_later, sentences, events)])
        assert sorted(tuple(e["articles"]) for e in store.events() if e["event_code"].startswith("19")) == [
            ("brief",), ("long",)]


def test_a_closer_account_of_the_act_beats_a_lead_taken_from_a_side_remark() -> None:
    # the coder took an attack from the wire's opening remark (dated by the article), and
    # the wire's own account of the wedding attack comes after it: the brief's report
    # joins that account, its best match in the wire, not the remark that leads it
    remark = "Balochistan has seen rising violence this year, officials said."
    account = LONG.split(". ")[0] + "."
    wire = _article("long", remark + " " + LONG, [
        _event("long", 1, "190", None, DERA_BUGTI, remark, 0, date="2024-06-02", date_inferred=True),
        _event("long", 2, "190", GUNMEN, DERA_BUGTI, account, len(remark) + 1),
    ])
    first = BRIEF.split(". ")[0] + "."
    brief = _article("brief", BRIEF, [_event("brief", 1, "193", GUNMEN, DERA_BUGTI, first, 0)])
    with Store.open(":memory:") as store:
        store.add_articles([wire, brief])
        with_brief = next(e for e in store.events() if "brief" in e["articles"])
    assert sorted(with_brief["members"]) == ["brief-e1", "long-e2"]


# -- a place known only as a country ---------------------------------------------------------

PAKISTAN = Place(name="Pakistan", country="PAK", admin1=None, lat=30.0, lon=70.0, precision="country")
AFGHANISTAN = Place(name="Afghanistan", country="AFG", admin1=None, lat=33.0, lon=65.0, precision="country")
KANDAHAR = Place(name="Kandahar", country="AFG", admin1="Kandahar", lat=31.61, lon=65.71, precision="city")


def test_inside_a_story_a_country_in_another_country_is_as_good_as_unknown() -> None:
    # the brief names no town and its coder fell back on the country of the attackers it
    # names: that says little about where the attack was
    long = _long()[2][0].to_dict()
    brief = {**_brief()[2][0].to_dict(), "location": as_place(AFGHANISTAN)}
    led = fusion.Story(0.3, KNOWLEDGE, leads=True)
    assert fusion.veto(long, brief, actors=False) == "places too far apart"  # outside a story: two countries
    match = fusion.score(long, brief, led)
    assert match.veto is None and match.passes()
    assert fusion.COUNTRY_SOFTER in match.softer
    # two countries named only as countries: as unknown as each other, inside a story
    assert fusion.veto({**long, "location": as_place(PAKISTAN)}, brief, led) is None


def test_inside_a_story_towns_of_two_countries_stay_apart() -> None:
    long = _long()[2][0].to_dict()
    kandahar = {**_brief()[2][0].to_dict(), "location": as_place(KANDAHAR)}
    led = fusion.Story(0.3, KNOWLEDGE, leads=True)
    assert fusion.score(long, kandahar, led).veto == "places too far apart"


def as_place(place: Place) -> dict[str, Any]:
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "precision": place.precision}


def test_inside_a_story_one_town_name_placed_in_two_countries_is_one_place() -> None:
    # two reports of one story name "Perth"; the geocoder put one in Australia, one in Scotland
    perth_au = {"name": "Perth", "country": "AUS", "admin1": "Western Australia", "lat": -31.95, "lon": 115.86,
                "precision": "city"}
    perth_gb = {"name": "Perth", "country": "GBR", "admin1": "Scotland", "lat": 56.4, "lon": -3.43,
                "precision": "city"}
    long = {**_long()[2][0].to_dict(), "location": perth_au}
    brief = {**_brief()[2][0].to_dict(), "location": perth_gb}
    assert fusion.veto(long, brief, actors=False) == "places too far apart"  # outside a story: two towns
    match = fusion.score(long, brief, fusion.Story(0.3, KNOWLEDGE, leads=True))
    assert match.veto is None and match.passes()
    assert fusion.NAMESAKE_SOFTER in match.softer
    # another town of the other country is another place
    assert fusion.veto(long, {**brief, "location": {**perth_gb, "name": "Dundee"}},
                       fusion.Story(0.3, KNOWLEDGE, leads=True)) == "places too far apart"


@pytest.mark.parametrize("order", [["long", "brief", "other"], ["other", "brief", "long"]])
def test_a_brief_placed_only_in_another_country_joins_its_story_and_split_undoes_it(order: list[str]) -> None:
    # the brief's coder found no town and fell back on a neighbouring country
    brief_article, sentences, [event] = _brief()
    afghan = (brief_article, sentences, [Event(**{**event.__dict__, "location": AFGHANISTAN})])
    made = {"long": _long(), "brief": afghan, "other": _other()}
    with Store.open(":memory:") as store:
        for name in order:
            store.add_articles([made[name]])
        events = {tuple(e["articles"]): e for e in store.events()}
        assert ("brief", "long") in events and ("other",) in events
        fused = events[("brief", "long")]
        assert "as good as unknown" in render(why(store, fused["id"]))
        store.split(fused["id"], doc_id="brief")
        assert {("brief",), ("long",), ("other",)} <= {tuple(e["articles"]) for e in store.events()}


# -- the main event over a chain of links ---------------------------------------------------

def test_over_a_chain_of_links_the_main_event_needs_both_leads() -> None:
    # articles linked themselves: one lead and the other's first act of its kind suffice
    assert fusion.main_event(True, False, linked=True)
    assert fusion.main_event(False, True, linked=True)
    # linked only through other articles (a look-alike that resembles a report of each):
    # the first act told after another lead may be a side remark, so both must lead
    assert not fusion.main_event(True, False, linked=False)
    assert not fusion.main_event(False, True, linked=False)
    assert fusion.main_event(True, True, linked=False)
    assert not fusion.main_event(False, False, linked=True)


# -- the main event over a chain of links ---------------------------------------------------

# Three reports whose names chain: the first and the second share one set of names, the
# second and the third another, and the first and the third none: one story, but the first
# and the third are linked only through the second.
CHAIN_A = ("Gunmen attacked a checkpoint outside Ruzavo on Monday. The Halvenir Brigade and the Tessik Guard "
           "were posted there under Major Orlan Pemsky. Residents of Ruzavo said Captain Idris Vahlo led the "
           "defence, and Doctor Anya Krell treated the wounded at the Mirel Clinic.")
CHAIN_B = ("The governor spoke on Tuesday. The Halvenir Brigade and the Tessik Guard were praised by Major Orlan "
           "Pemsky. The Drovna Council, Judge Saskia Tolm and the Pellar Institute asked the Corvane Police to "
           "investigate.")
CHAIN_C = ("Police arrested two men in Ostrel on Wednesday. The Drovna Council, Judge Saskia Tolm and the Pellar "
           "Institute had asked the Corvane Police to act. Sergeant Bram Uvik said the men had joined a raid on "
           "the Keswin Depot near Ostrel, where Lieutenant Mara Fenwick and Warden Toma Ilsk were hurt.")
RUZAVO = Place(name="Ruzavo", country="PAK", admin1="Balochistan", lat=29.5, lon=67.0, precision="city")


def _chain_articles() -> dict[str, tuple[Article, list[Sentence], list[Event]]]:
    lead_a = CHAIN_A.split(". ")[0] + "."
    talk_b = CHAIN_B.split(". ")[0] + "."
    arrest_c = CHAIN_C.split(". ")[0] + "."
    raid_c = "Sergeant Bram Uvik said the men had joined a raid on the Keswin Depot near Ostrel."
    return {
        "chain-a": _article("chain-a", CHAIN_A, [_event("chain-a", 1, "190", GUNMEN, RUZAVO, lead_a, 0)]),
        "chain-b": _article("chain-b", CHAIN_B, [_event("chain-b", 1, "010", ("PAKGOV", "governor"), None, talk_b, 0)]),
        # the third leads with the arrest; the raid it mentions after it is its first act of violence
        "chain-c": _article("chain-c", CHAIN_C, [
            _event("chain-c", 1, "173", POLICE, None, arrest_c, 0),
            _event("chain-c", 2, "190", POLICE, None, raid_c, CHAIN_C.index("Sergeant")),
        ]),
    }


def test_the_chain_texts_make_one_story_linked_only_through_the_middle_report() -> None:
    a, b, c = (_print(text) for text in (CHAIN_A, CHAIN_B, CHAIN_C))
    assert story.link(a, b) is not None and story.link(b, c) is not None
    assert story.link(a, c) is None


@pytest.mark.parametrize("order", [["chain-a", "chain-b", "chain-c"], ["chain-c", "chain-b", "chain-a"]])
def test_over_a_chain_a_lead_and_a_first_act_that_leads_nothing_stay_apart(order: list[str]) -> None:
    # the first report's lead and the third's raid (told after its arrest) are not the
    # story's main event when only the second report links their articles
    made = _chain_articles()
    with Store.open(":memory:") as store:
        for doc in order:
            store.add_articles([made[doc]])
        assert len(set(store.stories(["chain-a", "chain-b", "chain-c"]))) == 1
        raids = sorted(tuple(e["articles"]) for e in store.events() if e["event_code"] == "190")
    assert raids == [("chain-a",), ("chain-c",)]
