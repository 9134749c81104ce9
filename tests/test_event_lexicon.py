"""The event lexicon loads, and a malformed file stops with its name and line."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitroom.errors import KnowledgeError
from sitroom.knowledge import DATA_DIR
from sitroom.knowledge.events import EventLexicon


def test_shipped_lexicon_loads():
    lexicon = EventLexicon.load()
    assert all(f"{r:02d}" in lexicon.codes for r in range(1, 21))
    assert lexicon.code("1952").plover == "FIGHT"
    assert lexicon.code("0871").label.startswith("Declare truce")
    rule = lexicon.triggers["abduct"][0]
    assert rule.code == "181" and rule.name.startswith("triggers.tsv:")
    assert lexicon.has_frame("said", "report") is False and lexicon.has_frame("say", "report")


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    for name in ("cameo.tsv", "triggers.tsv", "frames.tsv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("line, message", [
    ("bomb\tX\t\t195\tdobj\t", "pos must be one of"),
    ("bomb\tV\t\t999\tdobj\t", "code '999' is not in cameo.tsv"),
    ("bomb\tV\tnear:town\t195\tdobj\t", "condition 'near:town'"),
    ("bomb\tV\t\t195\tsomewhere\t", "target 'somewhere'"),
    ("bomb\tV\t\t195\tdobj\tloud", "unknown flag(s) loud"),
    ("bomb\tV\t\t195\tdobj\t\textra", "a stray tab"),
    ("explode\tV\t\t183\tnone\tviolence", "would never fire"),  # a second row without a condition
])
def test_malformed_trigger_rows_name_file_and_line(copy, line, message):
    path = copy / "triggers.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        EventLexicon.load(copy)
    assert f"triggers.tsv:{len(lines)}" in str(caught.value)
    assert message in str(caught.value)


def test_missing_root_code_is_refused(copy):
    path = copy / "cameo.tsv"
    path.write_text("".join(l for l in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not l.startswith("14")), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="root code"):
        EventLexicon.load(copy)


def test_unknown_frame_is_refused(copy):
    path = copy / "frames.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "ponder\tmusing\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="frames.tsv:.*frame must be one of"):
        EventLexicon.load(copy)


def test_a_no_event_row_loads_and_a_code_of_dashes_does_not(copy):
    path = copy / "triggers.tsv"
    path.write_text(path.read_text() + "blast\tV\tobj:music\t-\tnone\t\n")
    rules = EventLexicon.load(copy).triggers["blast"]
    assert any(r.code == "-" and r.condition == ("obj", frozenset({"music"})) for r in rules)
    path.write_text(path.read_text() + "roar\tV\t\t--\tnone\t\n")
    with pytest.raises(KnowledgeError, match="code '--' is not in cameo.tsv"):
        EventLexicon.load(copy)


def test_one_row_may_serve_several_lemmas(copy):
    path = copy / "triggers.tsv"
    path.write_text(path.read_text() + "pummel|batter\tV\tobj:town|village\t195\tdobj\t\n")
    lexicon = EventLexicon.load(copy)
    for lemma in ("pummel", "batter"):
        [rule] = [r for r in lexicon.triggers[lemma] if r.condition == ("obj", frozenset({"town", "village"}))]
        assert rule.code == "195" and rule.name.startswith(f"triggers.tsv:{len(path.read_text().splitlines())}:{lemma}")
    path.write_text(path.read_text() + "explode|detonate\tV\t\t183\tnone\tviolence\n")
    with pytest.raises(KnowledgeError, match="'explode' already has a row without a condition"):
        EventLexicon.load(copy)
