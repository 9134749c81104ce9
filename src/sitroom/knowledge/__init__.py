"""Knowledge files (lexicons, actor and place lists, CAMEO tables) and their loaders.

The files live in `knowledge/data/`; their formats are documented in `docs/knowledge-*.md`.
"""
from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """The path of a shipped knowledge file."""
    return DATA_DIR / name


def default_cache_dir() -> Path:
    """Where derived data is cached (the gazetteer's index, an imported GeoNames dump):
    $SITROOM_CACHE, else the user cache directory (~/.cache/sitroom)."""
    explicit = os.environ.get("SITROOM_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitroom"
