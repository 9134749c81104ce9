"""Fusion: which per-article events are one real event, the fused record with its
contradictions, splits that survive re-ingest, plan links, blocking, `sitroom why`,
and the seed articles' done-when checks."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitroom import fusion
from sitroom.cli import main
from sitroom.commands import ingest
from sitroom.explain import render, why
from sitroom.options import Options
from sitroom.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds" / "articles.jsonl"

KHARTOUM = {"name": "Khartoum", "country": "SDN", "admin1": "Khartoum", "lat": 15.55, "lon": 32.53, "precision": "city"}
OMDURMAN = {"name": "Omdurman", "country": "SDN", "admin1": "Khartoum", "lat": 15.64, "lon": 32.48, "precision": "city"}
EL_FASHER = {"name": "El Fasher", "country": "SDN", "admin1": "North Darfur", "lat": 13.63, "lon": 25.35,
             "precision": "city"}
NORTH_DARFUR = {"name": "North Darfur", "country": "SDN", "admin1": "North Darfur", "lat": 15.77, "lon": 24.9,
                "precision": "admin1"}
GOMA = {"name": "Goma", "country": "COD", "admin1": "North Kivu", "lat": -1.68, "lon": 29.22, "precision": "city"}


def member(member_id: str, *, code: str = "190", source: str | None = "SDNREB", target: str | None = "SDNMIL",
           date: str | None = "2024-05-10", place: dict[str, Any] | None = None, doc: str = "doc-a",
           sentence: str = "Rapid Support Forces fighters shelled army positions in El Fasher on Friday.",
           killed: int | None = None, attribution: str | None = None, modality: str = "asserted",
           trigger: str | None = "shelled", historical: bool = False) -> dict[str, Any]:
    """One article's event record, as the coder writes it (Sudan unless told otherwise)."""
    def actor(code_: str | None) -> dict[str, Any] | None:
        return {"code": code_, "name": code_, "country": code_[:3]} if code_ else None

    toll = None
    if killed is not None:
        toll = {"killed": killed, "reports": [{"killed": killed, "injured": None, "qualifier": "at least",
                                               "attribution": attribution, "doc_id": doc, "sentence": sentence}]}
    return {
        "id": member_id, "event_code": code, "event_label": f"label {code}", "source_actor": actor(source),
        "target_actor": actor(target), "date": date, "date_precision": "day",
        "location": EL_FASHER if place is None else place, "fatalities": toll, "attribution": attribution,
        "modality": modality, "historical": historical, "trigger": trigger, "confidence": 0.7,
        "evidence": [{"doc_id": doc, "sentence": sentence, "start": 0, "end": len(sentence)}],
    }


# -- scoring -----------------------------------------------------------------------------

def test_two_outlets_reporting_one_shelling_match() -> None:
    a = member("a", doc="doc-a")
    b = member("b", doc="doc-b", sentence="The RSF shelled El Fasher's army garrison on Friday, witnesses said.")
    match = fusion.score(b, a)
    assert match.veto is None
    assert match.score >= fusion.THRESHOLD
    assert {"code", "source", "target", "date", "place"} <= set(match.agreed)


@pytest.mark.parametrize(("change", "veto"), [
    ({"code": "042"}, "different CAMEO roots"),
    ({"source": "SDNMIL", "target": "SDNREB"}, "different sources"),
    ({"place": GOMA}, "places too far apart"),
    ({"place": {**KHARTOUM}}, "places too far apart"),  # about 800 km from El Fasher
    ({"date": "2024-05-20"}, "dates too far apart"),
    ({"modality": "planned"}, "one is planned, the other done"),
    ({"historical": True}, "one is background, the other news"),
])
def test_vetoes_keep_different_events_apart(change: dict[str, Any], veto: str) -> None:
    a = member("a")
    b = member("b", doc="doc-b", **change)
    match = fusion.score(b, a)
    assert match.veto == veto
    assert match.score == 0.0


def test_two_people_the_knowledge_does_not_know_named_apart_are_two_events() -> None:
    def arrest(member_id: str, name: str) -> dict[str, Any]:
        record = member(member_id, code="173", source=None, target=None, doc=f"doc-{member_id}",
                        sentence=f"{name} was arrested on Friday.", trigger="arrested")
        record["target_actor"] = {"code": None, "name": name, "country": None}
        return record
    williams, jackson = arrest("a", "Chargers' Jamal Williams"), arrest("b", "Vincent Jackson")
    assert fusion.quick_veto(williams, jackson, actors=False) == "different named targets"
    assert fusion.quick_veto(arrest("c", "Jackson"), jackson, actors=False) is None  # the surname alone


def test_nearby_towns_and_a_place_inside_a_division_do_not_veto() -> None:
    a = member("a", place=KHARTOUM)
    assert fusion.score(member("b", place=OMDURMAN, doc="doc-b"), a).veto is None
    c = member("c", place=EL_FASHER)
    assert fusion.score(member("d", place=NORTH_DARFUR, doc="doc-d"), c).veto is None


def test_a_day_apart_scores_lower_than_the_same_day() -> None:
    a = member("a")
    same = fusion.score(member("b", doc="doc-b"), a).score
    next_day = fusion.score(member("c", doc="doc-c", date="2024-05-11"), a).score
    assert next_day < same


def test_statements_in_different_words_stay_apart() -> None:
    a = member("a", code="012", source="USAGOV", target="RUSGOV", place=None, trigger="said",
               sentence="The State Department said Moscow must release the detained journalist.")
    b = member("b", code="012", source="USAGOV", target="RUSGOV", place=None, trigger="said", doc="doc-b",
               sentence="Washington criticised new Russian restrictions on grain exports.")
    assert fusion.score(b, a).veto == "statements in different words"


def test_rebels_and_insurgents_of_one_country_are_the_same_fighters() -> None:
    a = member("a", source="SDNREB")
    b = member("b", source="SDNINS", doc="doc-b")
    assert fusion.score(b, a).veto is None


def test_blocks_use_root_place_and_date_window() -> None:
    dated = fusion.block(member("a", date="2024-05-10"))
    assert (dated.root, dated.first_day, dated.last_day) == ("19", "2024-05-07", "2024-05-13")
    undated = fusion.block(member("b", date=None))
    assert undated.first_day is None and undated.place == dated.place == "SDN/North Darfur/El Fasher"
    assert fusion.block(member("c", place={**NORTH_DARFUR, "precision": "country", "name": "Sudan"})).place is None


# -- the fused record ----------------------------------------------------------------------

def test_fused_record_keeps_every_report_and_lists_contradictions() -> None:
    a = member("a", doc="doc-a", killed=30, attribution="local health officials")
    b = member("b", doc="doc-b", killed=45, attribution="a monitoring group", date="2024-05-11",
               sentence="At least 45 people died when RSF shells hit El Fasher, a monitoring group said.")
    evidence = a["evidence"] + b["evidence"]
    record = fusion.fuse("a", [a, b], evidence)
    toll = record["fatalities"]
    assert [r["killed"] for r in toll["reports"]] == [30, 45]
    assert {r["doc_id"] for r in toll["reports"]} == {"doc-a", "doc-b"}
    assert (toll["low"], toll["high"]) == (30, 45)
    assert toll["reconciliation"]
    fields = {c["field"]: c for c in record["contradictions"]}
    assert set(fields) == {"date", "fatalities"}
    assert {v["value"] for v in fields["date"]["values"]} == {"2024-05-10", "2024-05-11"}
    assert record["articles"] == ["doc-a", "doc-b"]
    assert record["members"] == ["a", "b"]
    assert record["attributions"] == ["a monitoring group", "local health officials"]


def test_most_reported_date_wins_then_earliest() -> None:
    members = [member("a", date="2024-05-11"), member("b", doc="doc-b", date="2024-05-10"),
               member("c", doc="doc-c", date="2024-05-10")]
    assert fusion.fuse("a", members, [])["date"] == "2024-05-10"
    tie = [member("a", date="2024-05-11"), member("b", doc="doc-b", date="2024-05-10")]
    assert fusion.fuse("a", tie, [])["date"] == "2024-05-10"


def test_most_reported_place_then_finest() -> None:
    tie = [member("a", place=NORTH_DARFUR), member("b", doc="doc-b", place=EL_FASHER)]
    record = fusion.fuse("a", tie, [])
    assert record["location"]["name"] == "El Fasher"


def test_a_single_member_is_its_own_record() -> None:
    a = member("a", killed=12, attribution="police")
    record = fusion.fuse("a", [a], a["evidence"])
    assert record["fatalities"] == a["fatalities"]
    assert record["contradictions"] == []


# -- plan links ----------------------------------------------------------------------------

def test_a_visit_announced_links_to_the_visit_made_not_to_one_before() -> None:
    plan = member("plan", code="036", source="KENGOV", target="SDNGOV", date="2024-05-14", modality="planned",
                  place=None, trigger="visit")
    made = member("made", code="043", source="KENGOV", target="SDNGOV", date="2024-05-16", place=None,
                  trigger="visited")
    before = member("before", code="043", source="KENGOV", target="SDNGOV", date="2024-05-12", place=None)
    assert fusion.fulfilment_block(plan).root == "04"
    assert fusion.links(plan, made).veto is None
    assert fusion.links(plan, before).veto == "outside the plan's window"
    other = member("other", code="043", source="ETHGOV", target="SDNGOV", date="2024-05-16", place=None)
    assert fusion.links(plan, other).veto == "different parties"


# -- the store: fusion across articles, splits that last, idempotence ----------------------

KIDNAP_A = ("Gunmen abducted 23 passengers from a bus near Zamfara on Tuesday, police said. "
            "The passengers were travelling from Gusau to Sokoto when the gunmen stopped the bus.")
KIDNAP_B = ("Armed men kidnapped 23 bus passengers in Zamfara state on Tuesday, a police spokesman said. "
            "Residents said the gunmen took the passengers into the forest.")
PROTEST = ("Thousands of people protested in Nairobi on Thursday against a new finance bill, "
           "and police fired tear gas at the crowd.")


def _articles(tmp_path: Path, items: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t, "published": p, "outlet": f"Outlet {i}"}) + "\n"
                            for i, t, p in items), encoding="utf-8")
    return path


def _events(store: Store) -> list[dict[str, Any]]:
    return store.events()


def test_two_reports_of_one_kidnapping_are_one_event_and_a_split_lasts(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = _articles(tmp_path, [("kid-a", KIDNAP_A, "2024-03-06"), ("kid-b", KIDNAP_B, "2024-03-06"),
                                 ("protest", PROTEST, "2024-03-08")])
    with Store.open(db) as store:
        ingest([str(first)], Options(db_path=db), store)
        events = _events(store)
        shared = [e for e in events if set(e["articles"]) == {"kid-a", "kid-b"}]
        assert len(shared) == 1, [(e["event_code"], e["articles"]) for e in events]
        kidnapping = shared[0]
        assert not any("protest" in e["articles"] and len(e["articles"]) > 1 for e in events)
        explanation = why(store, kidnapping["id"])
        decisions = [m["decision"]["rule"] for m in explanation["members"]]
        assert decisions == ["founded", "fused"]
        assert "agreed on" in render(explanation)

        new_id = store.split(kidnapping["id"], doc_id="kid-b")
        assert store.event(new_id)["articles"] == ["kid-b"]
        assert store.event(kidnapping["id"])["articles"] == ["kid-a"]
        before = _events(store)

    # An outlet corrects its story: the changed article is fused again, and stays apart.
    changed = _articles(tmp_path, [("kid-b", KIDNAP_B + " The governor promised a rescue.", "2024-03-06")])
    with Store.open(db) as store:
        ingest([str(changed)], Options(db_path=db), store)
        after = _events(store)
        kid_events = [e for e in after if {"kid-a", "kid-b"} & set(e["articles"]) and e["event_code"][:2] == "18"]
        assert sorted(e["articles"] for e in kid_events) == [["kid-a"], ["kid-b"]], [e["articles"] for e in kid_events]
        assert store.splits([m["id"] for m in store.members(kidnapping["id"])])
    assert len(after) >= len(before)


def test_split_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        ingest([str(_articles(tmp_path, [("protest", PROTEST, "2024-03-08")]))], Options(db_path=db), store)
        one = _events(store)[0]["id"]
        from sitroom.errors import UsageError
        with pytest.raises(UsageError, match="one member only"):
            store.split(one, doc_id="protest")
        with pytest.raises(UsageError, match="no event"):
            store.split("nope")


def test_why_and_split_commands(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    path = _articles(tmp_path, [("kid-a", KIDNAP_A, "2024-03-06"), ("kid-b", KIDNAP_B, "2024-03-06")])
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(path), "--db", str(db), "-q"]).exit_code == 0
    with Store.open(db, read_only=True) as store:
        fused = next(e for e in _events(store) if len(e["articles"]) == 2)
    shown = runner.invoke(main, ["why", fused["id"], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "fused, score" in shown.output and "kid-b" in shown.output
    as_json = json.loads(runner.invoke(main, ["why", fused["id"], "--db", str(db), "--json"]).output)
    assert [m["article_id"] for m in as_json["members"]] == ["kid-a", "kid-b"]
    missing = runner.invoke(main, ["why", "0000", "--db", str(db)])
    assert missing.exit_code == 2 and "no event '0000'" in missing.output
    neither = runner.invoke(main, ["split", fused["id"], "--db", str(db)])
    assert neither.exit_code == 2 and "--member" in neither.output
    done = runner.invoke(main, ["split", fused["id"], "--doc", "kid-b", "--db", str(db)])
    assert done.exit_code == 0, done.output
    new_id = done.output.splitlines()[0]
    shown = runner.invoke(main, ["why", fused["id"], "--db", str(db)])
    assert "Split by the user" in shown.output and new_id in shown.output


def test_fusion_of_a_batch_looks_only_at_its_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocking: a member is scored against members in its root, place and date window
    (and its story) only, so the number of comparisons does not grow with events
    elsewhere in the store."""
    calls: list[str] = []
    real = fusion.score

    def counting(m: dict[str, Any], e: dict[str, Any]) -> fusion.Match:
        calls.append(e["id"])
        return real(m, e)

    db = tmp_path / "s.duckdb"
    far = [(f"old-{i}", KIDNAP_A.replace("Tuesday", "Monday"), f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}")
           for i in range(12)]
    with Store.open(db) as store:
        ingest([str(_articles(tmp_path, far))], Options(db_path=db), store)
        stored_old = {m for e in store.events() for m in e["members"]}
        monkeypatch.setattr(fusion, "score", counting)
        path = tmp_path / "new.jsonl"
        path.write_text(json.dumps({"id": "new", "text": KIDNAP_B, "published": "2024-03-06"}) + "\n")
        ingest([str(path)], Options(db_path=db), store)
    assert stored_old and not any(c in stored_old for c in calls)
    assert len(calls) <= 3


# -- the seeds' done-when checks -------------------------------------------------------------

def test_seed_articles_fuse_as_the_issue_asks(tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    with Store.open(db) as store:
        ingest([str(SEEDS)], Options(db_path=db), store)
        events = _events(store)
        both = [e for e in events if len(e["articles"]) == 2]
        offensive = [e for e in both if e["event_code"].startswith("19")
                     and {r.get("killed") for r in (e.get("fatalities") or {}).get("reports") or ()} >= {410, 412}]
        assert len(offensive) == 1
        fall = [e for e in both if e is not offensive[0] and e["event_code"][:2] in {"19", "20"}
                and (e.get("location") or {}).get("name") == "Aleppo"]
        assert len(fall) == 1
        strikes = [e for e in events if e["event_code"] == "195"
                   and (e.get("location") or {}).get("name") in {"Aleppo", "Idlib"}]
        assert {(e["location"]["name"]) for e in strikes} == {"Aleppo", "Idlib"}
        assert all(len(e["articles"]) == 1 for e in strikes)
        snapshot = sorted(json.dumps(e, sort_keys=True) for e in events)
        report = ingest([str(SEEDS)], Options(db_path=db), store)
        assert report.stored == 0
        assert sorted(json.dumps(e, sort_keys=True) for e in _events(store)) == snapshot


def test_one_batch_or_one_article_at_a_time_gives_the_same_events(tmp_path: Path) -> None:
    """Order of arrival within one batch versus two batches: the fused events agree."""
    together, apart = tmp_path / "together.duckdb", tmp_path / "apart.duckdb"
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    single = []
    for n, line in enumerate(lines):
        row = json.loads(line)
        row["path"] = str(SEEDS.parent / row["path"])
        path = tmp_path / f"one-{n}.jsonl"
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        single.append(path)
    with Store.open(together) as store:
        ingest([str(SEEDS)], Options(db_path=together), store)
        first = {(e["event_code"], tuple(e["articles"]), e.get("date")) for e in _events(store)}
    with Store.open(apart) as store:
        for path in single:
            ingest([str(path)], Options(db_path=apart, listing_roots=(SEEDS.parent,)), store)
        second = {(e["event_code"], tuple(e["articles"]), e.get("date")) for e in _events(store)}
    assert first == second


def test_two_undated_reports_are_scored_on_what_they_say() -> None:
    """Neither date agrees nor differs when both are unknown: the score is over the other
    fields, so an undated pair that agrees on everything else still fuses."""
    a = member("a", date=None)
    b = member("b", doc="doc-b", date=None)
    match = fusion.score(b, a)
    assert match.score >= fusion.THRESHOLD
    assert "date" not in match.agreed and "date" not in match.differed
    dated = fusion.score(member("c", doc="doc-c"), member("d"))
    assert dated.score == pytest.approx(1.0) and match.score == pytest.approx(1.0)


VISIT_PLANNED = ("Kenyan President William Ruto is due to visit Ethiopia on Tuesday for talks with Prime Minister "
                 "Abiy Ahmed on regional security, his office said on Friday.")
VISIT_MADE = ("Kenyan President William Ruto arrived in Addis Ababa on Tuesday for talks with Ethiopian Prime "
              "Minister Abiy Ahmed on regional security.")


@pytest.mark.parametrize("order", ["one batch", "plan first", "visit first"])
def test_a_visit_announced_links_to_the_visit_reported_later(tmp_path: Path, order: str) -> None:
    db = tmp_path / "s.duckdb"
    items = [("plan", VISIT_PLANNED, "2024-03-01"), ("made", VISIT_MADE, "2024-03-05")]
    if order == "visit first":
        items.reverse()
    with Store.open(db) as store:
        if order == "one batch":
            ingest([str(_articles(tmp_path, items))], Options(db_path=db), store)
        else:
            for item in items:
                folder = tmp_path / item[0]
                folder.mkdir()
                ingest([str(_articles(folder, [item]))], Options(db_path=db), store)
        events = _events(store)
    [plan] = [e for e in events if e["modality"] == "planned"]
    [made] = [e for e in events if e["articles"] == ["made"] and e["event_code"][:2] == "04"]
    # The visit falls on the planned day: the best fit a plan can have, stored on both sides.
    link = fusion.links(plan, made)
    assert link.veto is None and link.score == pytest.approx(1.0)
    assert plan["fulfilled_by"] == [{"event": made["id"], "score": round(link.score, 3)}]
    assert made["fulfils"] == [{"event": plan["id"], "score": round(link.score, 3)}]
    assert plan["date"] == made["date"] == "2024-03-05"


def test_a_plan_is_fulfilled_once_by_its_best_act(tmp_path: Path) -> None:
    """A later report of an act that fits the plan less well does not add a second link."""
    db = tmp_path / "s.duckdb"
    later = ("Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa "
             "on Tuesday.")  # a week after the visit: another event, a weaker fit for the plan
    with Store.open(db) as store:
        for name, text, day in (("plan", VISIT_PLANNED, "2024-03-01"), ("made", VISIT_MADE, "2024-03-05"),
                                ("talks", later, "2024-03-13")):
            folder = tmp_path / name
            folder.mkdir()
            ingest([str(_articles(folder, [(name, text, day)]))], Options(db_path=db), store)
        events = _events(store)
    [plan] = [e for e in events if e["modality"] == "planned"]
    assert len(plan["fulfilled_by"]) == 1
    [act] = [e for e in events if e["id"] == plan["fulfilled_by"][0]["event"]]
    assert act["fulfils"] == [{"event": plan["id"], "score": plan["fulfilled_by"][0]["score"]}]
    assert act["articles"] == ["made"]
    [talks] = [e for e in events if e["articles"] == ["talks"] and e["event_code"][:2] == "04"]
    assert talks["fulfils"] == []


def test_a_town_is_not_far_from_a_sea_it_lies_on() -> None:
    # a region's point is its middle: a port a few hundred kilometres from the middle of its
    # gulf may lie on it, so the distance is no veto (nor agreement)
    gulf = {"name": "Gulf of Sidra", "country": None, "admin1": None, "lat": 31.5, "lon": 18.0,
            "precision": "region"}
    port = {"name": "Sirte", "country": "LBY", "admin1": "Surt", "lat": 31.2, "lon": 16.59, "precision": "city"}
    far_town = {**port, "name": "Benghazi", "lat": 32.12, "lon": 20.07}
    assert fusion._place_agreement(gulf, port) == 0.4
    assert fusion._place_agreement(port, far_town) == 0.0  # two towns 330 km apart stay apart
