"""Reading the tab-separated knowledge files, with errors that name the file and line.

Every file has a header line naming its columns; lines starting with `#` and blank lines
are skipped; a cell may hold alternatives separated by `|`.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import KnowledgeError


def read_tsv(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> list[tuple[int, dict[str, str]]]:
    """Rows of `path` as (line number, {column: cell}), checked against the expected columns."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(str(path), "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), f"cannot be read as UTF-8 text ({exc})") from exc
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            unknown = [c for c in header if c not in required and c not in optional]
            if missing:
                raise KnowledgeError(str(path), f"header lacks column(s) {', '.join(missing)}", number)
            if unknown:
                raise KnowledgeError(str(path), f"unknown column(s) {', '.join(unknown)}", number)
            continue
        if len(cells) > len(header):
            raise KnowledgeError(
                str(path), f"{len(cells)} cells but the header has {len(header)} columns (a stray tab?)", number
            )
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        rows.append((number, row))
    if header is None:
        raise KnowledgeError(str(path), "empty file: a header line is needed")
    return rows


def alternatives(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]
