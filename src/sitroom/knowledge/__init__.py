"""Knowledge files (lexicons, actor and place lists, CAMEO tables) and their loaders.

The files live in `knowledge/data/`; their formats are documented in `docs/knowledge-*.md`.
"""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    """The path of a shipped knowledge file."""
    return DATA_DIR / name
