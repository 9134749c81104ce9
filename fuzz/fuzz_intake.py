"""Coverage-guided fuzzing of intake with atheris (libFuzzer).

    PYTHONPATH=src python fuzz/fuzz_intake.py fuzz/corpus -max_total_time=60

Each input's first byte picks how the rest is read: as a file with one of SUFFIXES (the
extension), or, for the last choice, as the JSON body of POST /api/articles
(`read_objects`). Reading must yield only `Article` records and `InputError`s: anything
raised, or an article breaking an invariant, is a crash, and libFuzzer writes the input
to `crash-<hash>` for a regression test (tests/test_fuzz.py). The invariants:

- the text is not blank and holds no NUL or invisible formatting character; furniture
  lies inside it;
- every field encodes as UTF-8 (hashing, DuckDB, JSON: no lone surrogate gets through);
- one-line fields (title, outlet, url, language) hold no direction, invisible or control
  character;
- the id is one the page can link to (at most 200 characters, not "." or "..", no
  control, format or separator character);
- no article's text comes from outside the input's folder (a listing's "path" stays in
  it: a secret file beside that folder must never be read).
"""
from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import atheris

with atheris.instrument_imports(include=["sitroom"]):
    from sitroom.errors import InputError
    from sitroom.intake import read_articles, read_objects
    from sitroom.intake.fields import INVISIBLE, MAX_ID_CHARS
    from sitroom.options import Options
    from sitroom.records import Article

# Appended to, never reordered: the first byte of the inputs in tests/test_fuzz.py picks by index.
SUFFIXES = ("", ".txt", ".html", ".json", ".jsonl", ".xml", ".md", ".dat", "POST")
POSTED = "POST"
# Small inputs keep executions fast; intake's size limits are tested elsewhere.
MAX_LEN = 4096
OPTIONS = Options(published="2024-06-10")
FOLDER = Path(tempfile.mkdtemp(prefix="sitroom-fuzz-"))
CORPUS = FOLDER / "corpus"
SECRET = "SITROOM-FUZZ-SECRET: read from outside the input's folder"
CORPUS.mkdir()
(FOLDER / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
(CORPUS / "inside.txt").write_text("Rebels shelled Goma on Sunday, officials said.\n", encoding="utf-8")
_ONE_LINE_REFUSED = {"Cc", "Cs"}  # and INVISIBLE's formatting characters
_ID_REFUSED = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def check(data: bytes) -> None:
    """Read `data` as a file, or as a posted body; raise AssertionError on any broken invariant."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    if suffix == POSTED:
        try:
            body = json.loads(data[1:])
        except ValueError:  # FastAPI answers a body that is not JSON before intake sees it
            return
        items = list(read_objects(body if isinstance(body, list) else [body], "request", OPTIONS))
        where = "request item "
    else:
        path = CORPUS / f"input{suffix}"
        path.write_bytes(data[1:])
        items = list(read_articles([path], OPTIONS))
        where = str(path)
    for item in items:
        if isinstance(item, InputError):
            # a listed file's own errors name it first, then the listing
            assert str(item).startswith(where) or f"(listed in {where}" in str(item), item
            str(item).encode("utf-8", "backslashreplace")
            continue
        assert isinstance(item, Article), item
        _check_article(item, where)


def _check_article(item: Article, where: str) -> None:
    assert item.text.strip(), "an article with no text"
    assert "\x00" not in item.text, "a NUL left in the text"
    assert not INVISIBLE.search(item.text), "an invisible formatting character left in the text"
    assert all(0 <= start <= end <= len(item.text) for start, end in item.furniture), item.furniture
    assert item.source is not None and (item.source.startswith(where) or item.source.startswith(str(CORPUS))), \
        item.source
    assert SECRET not in item.text, "a listing read a file outside its folder"
    _encodable(dataclasses.astuple(item))
    for name in ("title", "outlet", "url", "language"):
        value = getattr(item, name)
        if value is not None:
            assert value.strip() and not INVISIBLE.search(value), (name, value)
            assert not any(unicodedata.category(ch) in _ONE_LINE_REFUSED for ch in value), (name, value)
    assert 0 < len(item.id) <= MAX_ID_CHARS and item.id not in (".", ".."), item.id
    assert not any(unicodedata.category(ch) in _ID_REFUSED for ch in item.id), item.id


def _encodable(value: Any) -> None:
    """What the store, the API and a terminal do with every field: encode it as UTF-8."""
    json.dumps(value, ensure_ascii=False).encode("utf-8")


def main() -> None:
    atheris.Setup([*sys.argv, f"-max_len={MAX_LEN}"], check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
