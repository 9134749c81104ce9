"""`sitroom evaluate`: scoring a user's own gold events, the same way as the project's scorer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.evaluation import read_gold, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_events.py"


def event(doc: str, code: str, source: str | None, target: str | None = None, **fields) -> dict:
    actor = lambda code: {"text": code, "name": code, "code": code, "country": code[:3]} if code else None  # noqa: E731
    record = {"id": f"{doc}-{code}-{source}-{target}-{fields.get('date')}", "event_code": code,
              "source_actor": actor(source), "target_actor": actor(target),
              "evidence": [{"doc_id": doc, "sentence": fields.pop("sentence", "..."), "start": 0, "end": 3}],
              "modality": "asserted", "historical": False}
    record.update(fields)
    return record


GOLD = [
    {"id": "g1", "doc": "a", "root": ["19"], "source": ["UKRMIL"], "target": ["RUS"], "date": "2025-03-01",
     "location": {"names": ["Kursk"], "country": "RUS"}, "fatalities": {"killed": 4}},
    {"id": "g2", "doc": "a", "root": ["11"], "source": ["RUSGOV"], "target": ["UKR"], "date": "2025-03-02"},
    {"id": "g3", "doc": "b", "root": ["04"], "source": ["FRA"], "target": ["DEU"], "symmetric": True},
    {"id": "g4", "doc": "b", "root": ["02"], "source": ["IGOUNO"], "required": False},
    {"id": "n1", "doc": "a", "forbid": {"evidence_contains": "in 2014", "date_range": ["2025-01-01", "2025-12-31"]}},
]


def test_matching_attributes_and_confusion():
    preds = [
        event("a", "195", "UKRMIL", "RUSMIL", date="2025-03-01",
              location={"name": "Kursk", "country": "RUS", "lat": 51.7, "lon": 36.2}, fatalities={"killed": 4}),
        event("a", "112", "RUSGOV", "UKRGOV", date="2025-03-03"),  # wrong day: not matched
        event("a", "190", "RUSMIL", None, date="2025-03-02", sentence="as it did in 2014"),  # background as news
        event("b", "042", "DEU", "FRA"),  # the other direction of a symmetric meeting
        event("b", "173", "FRACOP", None),  # nothing in gold
    ]
    result = score(GOLD, preds)
    assert (result.gold_required, result.gold_found) == (3, 2)
    assert (result.predicted, result.predicted_matched) == (5, 2)
    assert result.recall == round(2 / 3, 3) and result.precision == 0.4
    assert result.missed == ["g2"]
    assert result.attributes["location"] == {"right": 1, "matched": 1, "gold": 1}
    assert result.attributes["fatalities"] == {"right": 1, "matched": 1, "gold": 1}
    # g2 is coded (root 11, right actors) but on the wrong day; g1 on the right one
    assert result.attributes["date"] == {"right": 1, "matched": 2, "gold": 2}
    assert result.negative_violations == 1
    assert result.confusion == {"02": {"none": 1}, "04": {"04": 1}, "11": {"none": 1}, "19": {"19": 1}}


def test_confusion_names_the_root_given_instead():
    preds = [event("a", "173", "RUSGOV", "UKRGOV", date="2025-03-02")]  # coerce, where gold says disapprove
    result = score(GOLD, preds)
    assert result.confusion["11"] == {"17": 1}
    assert result.confusion["19"] == {"none": 1}


def test_agrees_with_the_project_scorer_on_our_examples(tmp_path):
    """The example articles' own output, scored by sitroom and by ../shared/tools/score_events.py."""
    gold_path = ROOT / "tests" / "golden" / "examples.gold.jsonl"
    preds = [event("ex-sudan-elfasher", "190", "SDNREB", None, date="2025-05-11",
                   location={"name": "El Fasher", "country": "SDN", "lat": 13.6, "lon": 25.3}, fatalities={"killed": 23}),
             event("ex-sudan-elfasher", "112", "SDNREB", "SDNMIL", date="2025-05-12"),
             event("ex-kenya-fuel-protests", "173", "KENCOP", "KENOPP", date="2025-11-12"),
             event("ex-kenya-fuel-protests", "020", "KENGOV", None)]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_path), "--pred", str(pred_path), "--json"],
                          capture_output=True, text=True, check=True, timeout=60)
    reference = json.loads(done.stdout)
    ours = score(read_gold(gold_path), preds)
    assert reference["predicted_matched"] >= 1  # the comparison is not between two empty results
    for key in ("precision", "recall", "f1", "negative_violations", "missed", "found"):
        assert getattr(ours, key if key != "found" else "found") == reference[key], key
    for name, counts in reference["attributes"].items():
        assert ours.attributes[name] == counts, name


@pytest.mark.parametrize("line, problem", [
    ("not json", "not JSON"),
    ('["a list"]', "must be a JSON object"),
    ('{"root": ["19"]}', "'doc'"),
    ('{"doc": "a", "root": "19"}', "'root' must be a list"),
    ('{"doc": "a", "root": ["19"], "sorce": ["RUS"]}', "unknown field 'sorce'"),
    ('{"doc": "a", "root": ["19"], "date": 20250301}', "'date'"),
    ('{"doc": "a", "forbid": {"evidence_contains": "x"}}', "'forbid'"),
])
def test_a_bad_gold_line_is_named(tmp_path, line, problem):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a", "root": ["19"]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert f"{path}:2" in str(caught.value)
    assert problem in str(caught.value)


def test_an_empty_or_missing_gold_file_is_refused(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="holds no events"):
        read_gold(empty)
    with pytest.raises(InputError, match="cannot read"):
        read_gold(tmp_path / "missing.jsonl")


@pytest.mark.slow
def test_the_command_on_the_seeds_matches_the_scorer(tmp_path):
    sitroom = Path(sys.executable).with_name("sitroom")
    seeds, gold = SHARED / "seeds" / "articles.jsonl", SHARED / "gold" / "seeds.gold.jsonl"
    done = subprocess.run([str(sitroom), "evaluate", "--gold", str(gold), str(seeds), "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)
    extracted = subprocess.run([str(sitroom), "extract", str(seeds)], capture_output=True, text=True, timeout=300,
                               check=True)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted.stdout, encoding="utf-8")
    reference = json.loads(subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                                          capture_output=True, text=True, check=True, timeout=60).stdout)
    assert ours["articles"] == 2 and ours["gold_found"] == reference["gold_required_found"] > 0
    assert (ours["precision"], ours["recall"], ours["f1"]) == (reference["precision"], reference["recall"], reference["f1"])
    assert sum(sum(row.values()) for row in ours["confusion"].values()) == reference["gold_required"] + sum(
        1 for line in gold.read_text(encoding="utf-8").splitlines() if '"required": false' in line)
    human = subprocess.run([str(sitroom), "evaluate", "--gold", str(gold), str(seeds)], capture_output=True,
                           text=True, timeout=300)
    assert human.returncode == 0
    assert f"F1 {reference['f1']:.3f}" in human.stdout and "CAMEO roots" in human.stdout


def test_the_command_names_a_gold_article_no_input_gave(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "doc": "nowhere", "root": ["19"], "source": null}\n', encoding="utf-8")
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"id": "here", "text": "Nothing happened.", "published": "2025-01-01"}), encoding="utf-8")
    sitroom = Path(sys.executable).with_name("sitroom")
    done = subprocess.run([str(sitroom), "evaluate", "--gold", str(gold), str(article), "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "gold article 'nowhere' is in none of the inputs" in done.stderr
    assert json.loads(done.stdout)["unread"] == ["nowhere"]
    bad = subprocess.run([str(sitroom), "evaluate", "--gold", str(tmp_path / "none.jsonl"), str(article)],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and bad.stderr.startswith("Error: ") and "none.jsonl" in bad.stderr
