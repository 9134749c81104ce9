"""Fusion's cost as one day fills up with events of one type in one country.

    .venv/bin/python benchmarks/fusion_day.py [--events 10000] [--step 1000]

Synthetic articles, all published on one day, each reporting one attack (CAMEO 190) in
one country: a town drawn from a pool of `TOWNS` invented names in 24 provinces, a toll,
a named official; one article in `SHARE_COPIES` is a second outlet's report of an
earlier article's attack in other words (the same names and numbers), which fusion must
join. Articles go through `Store.add_articles` in batches of 16, as `sitroom ingest`
writes them (no language analysis: this times the store and fusion alone). Printed: the
seconds per `--step` events as the day fills, of the wall clock and of processor time
(this process, DuckDB's threads included: what other work on a shared machine disturbs
far less), and the last step's time over the first's (flat: near 1), of both.
"""
from __future__ import annotations

import argparse
import random
import time

from sitroom.records import Actor, Article, Event, Evidence, Place, Sentence
from sitroom.store import Store

SEED = 17
TOWNS = 5000
PROVINCES = 24
SHARE_COPIES = 0.2
BATCH = 16
DAY = "2025-02-14"
SYLLABLES = ("ka", "ro", "vi", "len", "do", "mar", "sti", "pol", "yan", "ko", "zhy", "tor", "bu", "che", "ny", "lav")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _article(n: int, town: str, province: str, killed: int, official: str, copy: bool,
             rng: random.Random) -> tuple[Article, list[Sentence], list[Event]]:
    if copy:
        text = (f"At least {killed} people died when {town} in {province} province came under attack, "
                f"said {official}, the regional governor. Rescuers searched the ruins of {town} overnight.")
    else:
        text = (f"Troops attacked {town} in {province} province, killing {killed} people, governor {official} said. "
                f"Residents of {town} said the attack lasted several hours.")
    sentence = text.split(". ")[0] + "."
    doc = f"day-{n:06d}"
    event = Event(
        id=f"{doc}-e1", event_code="190", event_label="use conventional military force", plover_type=None,
        acled_event_type=None, acled_sub_event_type=None,
        source_actor=Actor(text="troops", name="troops", code="UKRMIL", country="UKR"),
        target_actor=None, date=DAY, date_precision="day",
        location=Place(name=town, country="UKR", admin1=province, lat=48 + rng.random() * 4,
                       lon=24 + rng.random() * 14, precision="city"),
        fatalities=None, attribution=None, modality="asserted", historical=False, confidence=0.7, rule="bench",
        evidence=(Evidence(doc_id=doc, outlet=f"Outlet {n % 29}", sentence=sentence, start=0, end=len(sentence),
                           published=DAY),),
    )
    article = Article(id=doc, text=text, outlet=f"Outlet {n % 29}", published=DAY, language="en")
    return article, [Sentence(index=0, start=0, end=len(sentence), text=sentence)], [event]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=1_000)
    args = parser.parse_args()
    rng = random.Random(SEED)
    provinces = [_name(rng) for _ in range(PROVINCES)]
    towns = [(_name(rng), rng.choice(provinces)) for _ in range(TOWNS)]
    reported: list[tuple[str, str, int, str]] = []
    times: list[float] = []
    cpu: list[float] = []
    with Store.open(":memory:") as store:
        batch, started, processor = [], time.perf_counter(), time.process_time()
        for n in range(args.events):
            copy = bool(reported) and rng.random() < SHARE_COPIES
            if copy:
                town, province, killed, official = rng.choice(reported[-200:])
            else:
                (town, province), killed, official = rng.choice(towns), rng.randint(1, 60), _name(rng)
                reported.append((town, province, killed, official))
            batch.append(_article(n, town, province, killed, official, copy, rng))
            if len(batch) == BATCH or n == args.events - 1:
                store.add_articles(batch)
                batch = []
            if (n + 1) % args.step == 0:
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - processor)
                started, processor = time.perf_counter(), time.process_time()
        fused = store.count_events()
    print(f"{args.events} events in one day, one type, one country: {fused} fused events")
    print(f"{'events so far':>14}{'seconds per ' + str(args.step):>20}{'processor seconds':>20}")
    for i, (seconds, processor_seconds) in enumerate(zip(times, cpu), start=1):
        print(f"{i * args.step:>14}{seconds:>20.2f}{processor_seconds:>20.2f}")
    print(f"last step / first step: {times[-1] / times[0]:.2f} (wall), {cpu[-1] / cpu[0]:.2f} (processor)")


if __name__ == "__main__":
    main()
