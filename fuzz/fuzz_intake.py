"""Coverage-guided fuzzing of intake with atheris (libFuzzer).

    PYTHONPATH=src python fuzz/fuzz_intake.py fuzz/corpus -max_total_time=60

Each input's first byte picks the format it is read as (by file extension); the rest are
the file's bytes. Reading must yield only `Article` records and `InputError`s: anything
raised, or an article breaking the intake invariants, is a crash, and libFuzzer writes
the input to `crash-<hash>` for a regression test (tests/test_fuzz.py).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["sitroom"]):
    from sitroom.errors import InputError
    from sitroom.intake import read_articles
    from sitroom.options import Options
    from sitroom.records import Article

SUFFIXES = ("", ".txt", ".html", ".json", ".jsonl", ".xml", ".md", ".dat")
# Small inputs keep executions fast; intake's size limits are tested elsewhere.
MAX_LEN = 4096
OPTIONS = Options(published="2024-06-10")
FOLDER = Path(tempfile.mkdtemp(prefix="sitroom-fuzz-"))


def check(data: bytes) -> None:
    """Read `data` as a file; raise AssertionError on any broken invariant."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = FOLDER / f"input{suffix}"
    path.write_bytes(data[1:])
    for item in read_articles([path], OPTIONS):
        if isinstance(item, InputError):
            assert str(item).startswith(str(path)), item
            continue
        assert isinstance(item, Article), item
        assert item.text.strip(), "an article with no text"
        assert "\x00" not in item.text, "a NUL left in the text"
        assert all(0 <= start <= end <= len(item.text) for start, end in item.furniture), item.furniture
        assert item.source is not None and item.source.startswith(str(path)), item.source


def main() -> None:
    atheris.Setup([*sys.argv, f"-max_len={MAX_LEN}"], check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
