"""ACLED's types: the knowledge files and their loader, the classifier stage on parsed
sentences written for these tests, the store and export columns, `sitroom analyze`, and
the quality floors on the CASE-2021 dev snippets and our own (tests/data/acled)."""
from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from sitroom.cli import main
from sitroom.coding.acled import AcledClassifier, CueFinder, interaction
from sitroom.errors import KnowledgeError
from sitroom.export import ACLED_COLUMNS, acled_row
from sitroom.knowledge import DATA_DIR
from sitroom.knowledge.acled import DROP, NO_TYPE, AcledKnowledge
from sitroom.nlp import load_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Actor, Article, Event, Evidence, Sentence
from sitroom.store import Store
from sitroom.store.schema import MIGRATIONS, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))
from case2021_acled import evaluate, read_set  # noqa: E402

ACLED_FILES = ("acled_types.tsv", "acled_cues.tsv", "acled_rules.tsv", "acled_actors.tsv")


@pytest.fixture(scope="module")
def knowledge() -> AcledKnowledge:
    return AcledKnowledge.load()


# -- the knowledge files ---------------------------------------------------------------------


def test_the_shipped_files_hold_acleds_typology(knowledge):
    assert len(knowledge.types) == 25
    by_event_type: dict[str, set[str]] = {}
    for kind in knowledge.types.values():
        by_event_type.setdefault(kind.event_type, set()).add(kind.name)
    assert {k: len(v) for k, v in by_event_type.items()} == {
        "Battles": 3, "Explosions/Remote violence": 6, "Violence against civilians": 3, "Protests": 3,
        "Riots": 2, "Strategic developments": 8}
    # every sub-event type can be reached by some rule
    decided = {rule.decision for rule in knowledge.rules}
    assert set(knowledge.types) <= decided
    assert {NO_TYPE, DROP} <= decided


def _copy_files(tmp_path: Path) -> Path:
    for name in ACLED_FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


@pytest.mark.parametrize("name, line, problem", [
    ("acled_rules.tsv", "Grenade\tnear:grenades code:18", "cue(s) grenades not defined"),
    ("acled_rules.tsv", "Grenades\tnear:grenade", "neither a sub-event type"),
    ("acled_rules.tsv", "Attack\ttarget:9", "inter codes 1-8"),
    ("acled_rules.tsv", "Attack\tnearby:grenade", "must be KIND:VALUE"),
    ("acled_rules.tsv", "drop\tcode:19", "must name its trigger words"),
    ("acled_rules.tsv", "Attack\t", "at least one condition"),
    ("acled_rules.tsv", "Attack\tcode:1x", "not CAMEO codes"),
    ("acled_cues.tsv", "grenade\tpineapple", "defined twice"),
    ("acled_cues.tsv", "gap-first\t? grenade", "starts or ends with '?'"),
    ("acled_cues.tsv", "bad-class\tbomb/X", "can only end in /N"),
    ("acled_cues.tsv", "Bad Name\tbomb", "lower-case letters"),
    ("acled_types.tsv", "Riot\tRiots\tDemonstrations\talways\t9", "inter code 1-8"),
    ("acled_types.tsv", "Riot\tRiot\tDemonstrations\talways\t", "event_type must be one of"),
    ("acled_types.tsv", "Armed clash\tBattles\tPolitical violence\tnever\t", "listed twice"),
    ("acled_actors.tsv", "role\tmil\t1\t", "upper-case CAMEO codes"),
    ("acled_actors.tsv", "person\tprotester\t6\t", "match must be one of"),
    ("acled_actors.tsv", "unnamed\tWar\t3\t", "disorder types"),
])
def test_a_bad_line_is_named_with_its_file_and_line(tmp_path, name, line, problem):
    directory = _copy_files(tmp_path)
    number = _append(directory / name, line)
    with pytest.raises(KnowledgeError) as caught:
        AcledKnowledge.load(directory)
    assert caught.value.path == str(directory / name)
    assert caught.value.line == number
    assert problem in str(caught.value)


def test_a_missing_file_is_named(tmp_path):
    directory = _copy_files(tmp_path)
    (directory / "acled_cues.tsv").unlink()
    with pytest.raises(KnowledgeError, match="acled_cues.tsv: file not found"):
        AcledKnowledge.load(directory)


# -- cues, actor types, interaction ------------------------------------------------------------


def test_the_longest_phrase_wins_and_a_gapped_phrase_hides_nothing(knowledge):
    nlp = load_model(Options().model)
    finder = CueFinder(knowledge)

    def cues(text: str) -> set[tuple[str, str]]:
        return {(m.cue, m.text) for m in finder.find(list(nlp(text)))}

    found = cues("Police threw a smoke grenade at the crowd.")
    assert ("crowd-force", "smoke grenade") in found and not any(c == "grenade" for c, _ in found)
    found = cues("Police arrested ten people during a peaceful protest.")
    assert ("at-protest", "during a peaceful protest") in found and ("crowd", "protest") in found
    # "bomb/N" is the noun only: a verb of bombing names no IED
    assert not any(c == "ied" for c, _ in cues("Jets bombed the town."))
    assert ("ied", "bomb") in cues("A bomb went off in the town.")
    # "cease-fire" is matched however the tokenizer cut it
    assert ("peace", "cease-fire") in cues("The sides agreed to a cease-fire.")


def test_actor_types_from_text_code_and_country(knowledge):
    classifier = AcledClassifier(knowledge)

    def inter(text: str, code: str | None, country: str | None, place: str | None = None, home: str | None = None):
        return classifier.inter(Actor(text=text, name=text, code=code, country=country), place, home)

    assert inter("angry protesters", "KENOPP", "KEN") == 6
    assert inter("a mob", None, None) == 5
    assert inter("ethnic militia forces", "SYRMIL", "SYR") == 4
    assert inter("pro-government militia", "SYRMIL", "SYR") == 3
    assert inter("gunmen", "UAF", None) == 3
    assert inter("rebels", "CODREB", "COD") == 2
    assert inter("civilians", "SYRCVL", "SYR") == 7
    assert inter("the UN mission", "IGOUNO", None) == 8
    assert inter("Russia", "RUS", "RUS", "RUS") == 1
    # state forces abroad are external forces, unless the article is about their own country
    assert inter("Turkish troops", "TURMIL", "TUR", "SYR", "SYR") == 8
    assert inter("Turkish troops", "TURMIL", "TUR", "SYR", "TUR") == 1
    assert classifier.inter(None, None) == 0


def test_interaction_codes():
    assert interaction(1, 7) == 17 and interaction(7, 1) == 17
    assert interaction(6, None) == 60 and interaction(None, 3) == 30
    assert interaction(None, None) is None


# -- the stage on parsed sentences -----------------------------------------------------------


def _events(analyzer: Analyzer, text: str) -> list[Event]:
    return list(analyzer.analyze(Article(id="t", text=text, published="2025-05-10", language="en")).events)


def _typed(analyzer: Analyzer, text: str) -> Event:
    typed = [e for e in _events(analyzer, text) if e.acled_sub_event_type]
    assert typed, text
    return typed[0]


def test_an_instrument_decides_remote_violence(analyzer):
    event = _typed(analyzer, "Militants lobbed a grenade at a police patrol in Baramulla on Friday, wounding two officers.")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Explosions/Remote violence", "Grenade")
    assert event.disorder_type == "Political violence"
    assert "grenade" in (event.acled_rule or "") and event.acled_rule.startswith("acled_rules.tsv:")
    assert (event.inter1, event.inter2, event.interaction) == (2, 1, 12)
    assert event.civilian_targeting is None


def test_unarmed_victims_make_violence_against_civilians(analyzer):
    event = _typed(analyzer, "Gunmen shot dead four farmers in their fields near Djibo on Thursday.")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.inter1, event.inter2, event.interaction) == (3, 7, 37)
    assert event.civilian_targeting == "Civilian targeting"


def test_a_crowd_unnamed_is_protesters_and_force_on_it_is_intervention(analyzer):
    event = _typed(analyzer, "Thousands of teachers marched through the streets of Accra on Friday to demand higher pay.")
    assert event.acled_sub_event_type == "Peaceful protest" and event.disorder_type == "Demonstrations"
    assert (event.inter1, event.interaction) == (6, 60)
    event = _typed(analyzer, "Police fired tear gas at hundreds of demonstrators in central Harare on Friday.")
    assert event.acled_sub_event_type == "Protest with intervention"
    assert (event.inter1, event.inter2, event.interaction) == (1, 6, 16)
    event = _typed(analyzer, "Protesters hurled stones at police and set fire to tyres in Lusaka on Friday.")
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Riots", "Violent demonstration")


def test_acts_cameo_hardly_codes_are_events(analyzer):
    cases = {
        "Police seized 20 rifles and a box of grenades from a house in Garissa on Friday.": "Disrupted weapons use",
        "Weapons and ammunition were found in a cave near the border on Friday.": "Disrupted weapons use",
        "Turkish troops set up a new observation post near the village on Friday.": "Headquarters or base established",
        "Militiamen torched dozens of houses in the village on Friday.": "Looting/property destruction",
        "Soldiers raped at least ten women in the village on Friday, a rights group said.": "Sexual violence",
        "Hundreds of fighters defected to the government side on Friday.": "Change to group/activity",
        "The rebels handed over the town to the army without a fight on Friday.": "Non-violent transfer of territory",
        "The two armies exchanged 50 prisoners on Friday.": "Agreement",
    }
    for text, wanted in cases.items():
        assert _typed(analyzer, text).acled_sub_event_type == wanted, text


def test_a_robbery_is_property_taken_but_no_acled_event(analyzer):
    found = _events(analyzer, "Two men robbed a bank in the city centre on Friday and fled with the cash.")
    robbery = [e for e in found if e.event_code == "171"]
    assert robbery and all(e.acled_sub_event_type is None for e in robbery), found
    # taken by an armed group in the war, it is looting
    event = _typed(analyzer, "Rebels looted shops and stole cattle in the village on Friday.")
    assert event.acled_sub_event_type == "Looting/property destruction"


def test_territory_goes_to_the_side_that_took_it(analyzer):
    assert _typed(analyzer, "Nigerian troops recaptured the town of Damboa from Boko Haram fighters on Friday."
                  ).acled_sub_event_type == "Government regains territory"
    assert _typed(analyzer, "Boko Haram fighters captured the town of Damboa from Nigerian troops on Friday."
                  ).acled_sub_event_type == "Non-state actor overtakes territory"


def test_an_accidental_explosion_is_no_event_and_a_disaster_no_acled_event(analyzer):
    assert _events(analyzer, "A gas cylinder exploded in a restaurant kitchen in Lahore on Friday.") == []
    events = _events(analyzer, "A powerful earthquake killed at least 12 people in the province on Friday.")
    assert all(e.acled_sub_event_type is None for e in events)


def test_diplomacy_has_no_acled_type(analyzer):
    events = _events(analyzer, "The foreign minister met his Kenyan counterpart in Nairobi on Friday.")
    assert events and all(e.acled_sub_event_type is None and e.disorder_type is None for e in events)


# -- store, export, CLI --------------------------------------------------------------------------


def _article_and_event() -> tuple[Article, list[Sentence], Event]:
    text = "Militants lobbed a grenade at a police patrol in Baramulla on Friday."
    article = Article(id="a1", text=text, published="2025-05-10")
    sentences = [Sentence(index=0, start=0, end=len(text), text=text)]
    event = Event(
        id="e1", event_code="183", event_label="bombing", plover_type="ASSAULT",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Grenade",
        source_actor=Actor(text="Militants", name="militants", code="INS", country=None), target_actor=None,
        date="2025-05-09", date_precision="day", location=None, fatalities=None, attribution=None,
        modality="asserted", historical=False, evidence=(Evidence(doc_id="a1", outlet=None, sentence=text, start=0,
                                                                  end=len(text)),),
        confidence=0.7, rule="triggers.tsv:1:lob->183", trigger="lobbed",
        disorder_type="Political violence", inter1=2, inter2=1, interaction=12, civilian_targeting=None,
        acled_rule="acled_rules.tsv:60 Grenade: near:grenade 'grenade'",
    )
    return article, sentences, event


def test_the_store_keeps_the_acled_columns(tmp_path):
    article, sentences, event = _article_and_event()
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store.add_article(article, sentences, [event])
        assert store.event("e1")["acled_rule"] == event.acled_rule
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT disorder_type, inter1, inter2, interaction, civilian_targeting, acled_rule "
                          "FROM events WHERE id = 'e1'").fetchone()
    finally:
        con.close()
    assert row == ("Political violence", 2, 1, 12, None, event.acled_rule)


def test_a_version_2_store_is_migrated_and_keeps_its_events(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
    for version, statements in MIGRATIONS:
        if version > 2:
            break
        for statement in statements:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])
    con.execute("INSERT INTO events (id, event_code, root, record) VALUES ('old', '190', '19', '{\"id\": \"old\"}')")
    con.close()
    with Store.open(path) as store:
        assert store.event("old") == {"id": "old"}
        article, sentences, event = _article_and_event()
        store.add_article(article, sentences, [event])
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = dict(con.execute("SELECT id, inter1 FROM events").fetchall())
        version = con.execute("SELECT max(version) FROM schema_version").fetchone()
    finally:
        con.close()
    assert rows == {"old": None, "e1": 2} and version == (SCHEMA_VERSION,)


def test_the_acled_export_uses_acleds_names_and_order():
    _, _, event = _article_and_event()
    order = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
             "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting"]
    assert list(ACLED_COLUMNS[:len(order)]) == order
    row = dict(zip(ACLED_COLUMNS, acled_row(event.to_dict()) or []))
    assert row["disorder_type"] == "Political violence" and row["sub_event_type"] == "Grenade"
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 12)
    # a record from elsewhere with a malformed inter code gets an empty cell, not an error
    odd = dict(zip(ACLED_COLUMNS, acled_row({**event.to_dict(), "inter1": "two"}) or []))
    assert odd["inter1"] is None


def test_analyze_says_which_cue_decided(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("Suspected militants hurled a grenade at a police vehicle in Srinagar on Friday, wounding "
                      "three policemen.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(source), "--published", "2025-05-10"])
    assert result.exit_code == 0, result.output
    [doc] = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    grenade = [e for e in doc["events"] if e["acled_sub_event_type"] == "Grenade"]
    assert grenade, doc["events"]
    assert "grenade 'grenade'" in grenade[0]["acled_rule"]


def test_event_fields_have_defaults_so_older_code_still_builds_events():
    names = {f.name: f for f in dataclasses.fields(Event)}
    for name in ("disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "acled_rule"):
        assert names[name].default is None


# -- quality floors (benchmarks/case2021_acled.py) ---------------------------------------------

# Measured at the commit that set them (benchmarks/case2021_acled.py): dev weighted F1 0.808,
# ACLED-labelled dev snippets with no ACLED event 8.8%; own snippets weighted F1 0.960, the
# fresh part 0.927.
DEV_F1_FLOOR = 0.79
DEV_NO_ACLED_EVENT_CEILING = 0.10  # the goal
OWN_F1_FLOOR = 0.93
FRESH_F1_FLOOR = 0.90
# The goal for every sub-event type on our own snippets.
OWN_TYPE_F1_FLOOR = 0.5


@pytest.mark.slow
def test_floors_on_the_case2021_dev_snippets(analyzer):
    rows = read_set(SHARED / "dev" / "case2021_acled_dev.jsonl")
    assert len(rows) == 255
    result = evaluate(rows, analyzer)
    assert result["weighted_f1"] >= DEV_F1_FLOOR, result["per_type"]
    assert result["no_acled_event_share"] <= DEV_NO_ACLED_EVENT_CEILING, result["errors"]


@pytest.mark.slow
def test_every_sub_event_type_on_our_own_snippets(analyzer, knowledge):
    rows = read_set(ROOT / "tests" / "data" / "acled" / "snippets.jsonl")
    labels = {row["gold"] for row in rows}
    assert labels == set(knowledge.types) | {"none"}, "every sub-event type has snippets"
    result = evaluate(rows, analyzer)
    weak = {label: row["f1"] for label, row in result["per_type"].items()
            if label in knowledge.types and row["f1"] <= OWN_TYPE_F1_FLOOR}
    assert not weak, weak
    assert result["weighted_f1"] >= OWN_F1_FLOOR
    fresh = evaluate([row for row in rows if row["part"] == "fresh"], analyzer)
    assert fresh["snippets"] >= 75 and fresh["weighted_f1"] >= FRESH_F1_FLOOR


def test_a_verb_of_impact_without_a_weapon_drops_only_violence(analyzer):
    # "the floods hit" is no attack, but "slammed the decision" is a criticism: the drop rule
    # of impact verbs holds for violent codes only
    assert [e.event_code for e in _events(analyzer, "Floods hit the northern provinces on Friday.")] == []
    slammed = _events(analyzer, "Kenya's opposition slammed the decision to close the camp.")
    assert [e.event_code for e in slammed] == ["111"]
