"""Alerts in the store: which writes raise which alerts, what is owed to each, and the
deliveries (a JSON Lines file; a webhook, over real HTTP to a `NewsSite` receiver).

The events here are written by hand (one shelling reported by several outlets, each
report its own article), so the rules are judged on records whose tolls and outlets are
known; test_watch.py judges what the real coder makes of real pages."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sitroom.records import Actor, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.store import Store
from sitroom.watch.alerts import CONFIRMED, NEW, TOLL_ROSE, begin, evaluate, latest, newest_id, pending, settle
from sitroom.watch.changes import changes_since, latest_mark
from sitroom.watch.config import AlertRule
from sitroom.watch.deliver import append_line, payload, post, webhook_wait
from sitroom.watch.state import prepare
from test_watch_site import NewsSite

DEADLY = AlertRule(name="deadly-syria", codes=("18", "19", "20"), countries=("SYR",), min_killed=10,
                   file=Path("alerts.jsonl"), webhook="http://127.0.0.1:9/hook")
TALKS = AlertRule(name="talks", codes=("04",))


# (place, lat, lon, day) of two shellings weeks and 150 km apart: two events to fusion.
MAARAT = ("Maarat al-Numan", 35.65, 36.68, "2025-03-11")
HOMS = ("Homs", 34.73, 36.71, "2025-02-01")


def report(article_id: str, outlet: str, killed: int, *, event_id: str = "shelling-maarat",
           where: tuple[str, float, float, str] = MAARAT) -> tuple[Article, list[Sentence], list[Event]]:
    """One outlet's report of the shelling of a market, as the coder would record it."""
    place, lat, lon, day = where
    sentence = f"Government forces shelled a market in {place}, killing {killed} people, {outlet} reported."
    article = Article(id=article_id, text=sentence + "\n", title="Market shelled", outlet=outlet,
                      published="2025-03-12", language="en")
    event = Event(
        id=event_id, event_code="194", event_label="Fight with artillery and tanks", plover_type="FIGHT",
        acled_event_type=None, acled_sub_event_type=None,
        source_actor=Actor(text="Government forces", name="Syrian army", code="SYRMIL", country="SYR"),
        target_actor=None, date=day, date_precision="day",
        location=Place(name=place, country="SYR", admin1=None, lat=lat, lon=lon, precision="city"),
        fatalities=Fatalities(killed=killed), attribution=outlet, modality="asserted", historical=False,
        evidence=(Evidence(doc_id=article_id, outlet=outlet, sentence=sentence, start=0, end=len(sentence),
                           published="2025-03-12"),),
        confidence=0.9, rule="test",
    )
    return article, [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "alerts.duckdb") as opened:
        prepare(opened)
        yield opened


def test_what_was_stored_before_the_first_watch_raises_nothing(store: Store) -> None:
    store.add_articles([report("a1", "Levant Wire", 12)])
    begin(store)
    assert evaluate(store, [DEADLY]) == []
    store.add_articles([report("a2", "Gulf Daily", 19)])  # the event changes after the watch began:
    assert [alert.reason for alert in evaluate(store, [DEADLY])] == [NEW]  # judged, and new to the rule


def test_a_rule_fires_once_per_event_then_on_a_higher_toll_or_another_outlet(store: Store) -> None:
    begin(store)
    store.add_articles([report("a1", "Levant Wire", 12)])
    first = evaluate(store, [DEADLY, TALKS])
    assert [(a.rule, a.event_id, a.reason, a.killed, a.outlets) for a in first] == [
        ("deadly-syria", "shelling-maarat", NEW, 12, 1)]
    assert evaluate(store, [DEADLY, TALKS]) == []  # nothing written since
    store.add_articles([report("a2", "Levant Wire", 12)])  # the same outlet again, the same toll
    assert evaluate(store, [DEADLY]) == []
    store.add_articles([report("a3", "Gulf Daily", 19)])
    assert [(a.reason, a.killed, a.outlets) for a in evaluate(store, [DEADLY])] == [(TOLL_ROSE, 19, 2)]
    store.add_articles([report("a4", "Cedar News", 19)])
    assert [(a.reason, a.killed, a.outlets) for a in evaluate(store, [DEADLY])] == [(CONFIRMED, 19, 3)]
    store.add_articles([report("a5", "Horn Times", 8, event_id="another-shelling", where=HOMS)])  # under the rule's toll
    assert evaluate(store, [DEADLY]) == []
    kept = latest(store, limit=10)
    assert [a.reason for a in kept] == [CONFIRMED, TOLL_ROSE, NEW]  # newest first
    assert newest_id(store) == kept[0].id
    assert kept[0].to_dict()["at"].endswith("Z") and kept[0].summary.endswith("19 killed; 3 outlets")


def test_each_alert_owes_the_deliveries_of_its_rule_until_settled(store: Store) -> None:
    begin(store)
    store.add_articles([report("a1", "Levant Wire", 12)])
    (alert,) = evaluate(store, [DEADLY])
    ((owed_alert, owed, attempts),) = pending(store)
    assert owed_alert.id == alert.id and owed == ["file", "webhook"] and attempts == 0
    settle(store, alert.id or 0, ["webhook"], 1, "webhook: HTTP 500")
    assert [(kinds, tries) for _, kinds, tries in pending(store)] == [(["webhook"], 1)]
    settle(store, alert.id or 0, [], 2, None)
    assert pending(store) == []


def test_changes_name_the_events_each_write_stored_or_changed(store: Store) -> None:
    mark = latest_mark(store)
    assert mark is None and changes_since(store, None).count == 0
    store.add_articles([report("a1", "Levant Wire", 12)])
    first = changes_since(store, mark)
    assert first.event_ids == ("shelling-maarat",) and first.count == 1
    assert changes_since(store, first.mark).count == 0
    store.add_articles([report("a2", "Horn Times", 8, event_id="another-shelling", where=HOMS),
                        report("a3", "Gulf Daily", 19)])
    later = changes_since(store, first.mark)
    assert later.event_ids == ("another-shelling", "shelling-maarat") and later.count == 2
    assert changes_since(store, first.mark, limit=1).event_ids == ("another-shelling",)


def test_a_file_delivery_is_one_json_line_per_alert(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    body = payload({"rule": "deadly-syria", "event_id": "e1", "reason": NEW}, {"id": "e1", "event_code": "194"})
    append_line(path, body)
    append_line(path, {**body, "reason": TOLL_ROSE})
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["reason"] for line in lines] == [NEW, TOLL_ROSE] and lines[0]["event"]["event_code"] == "194"


def test_a_webhook_is_retried_on_server_trouble_and_not_on_a_refusal() -> None:
    with NewsSite() as site:
        site.hook_failures["/hooks/ops"] = 1

        async def deliver() -> list[tuple[bool, str | None]]:
            async with httpx.AsyncClient() as client:
                return [await post(client, site.url("/hooks/ops"), {"n": 1}),
                        await post(client, site.url("/hooks/ops"), {"n": 2}),
                        await post(client, site.url("/nowhere"), {"n": 3}),
                        await post(client, "http://127.0.0.1:9/hook", {"n": 4})]

        server_trouble, delivered, refused, refused_connection = asyncio.run(deliver())
        assert server_trouble == (False, f"webhook {site.url('/hooks/ops')}: HTTP 500")
        assert delivered == (True, None)
        assert refused == (True, f"webhook {site.url('/nowhere')} refused the alert: HTTP 404 (not retried)")
        assert refused_connection[0] is False and "ConnectError" in (refused_connection[1] or "")
        assert site.posted("/hooks/ops") == [{"n": 2}]
    assert [webhook_wait(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0] and webhook_wait(20) == 300.0
