"""A local index of a GeoNames dump, so that every hamlet GeoNames knows is known.

    import_dump(source, index=None)   GeoNames dump (.txt or .zip) -> SQLite index, atomically
    LocalIndex.open(path)             the index for look-ups (None when there is none)
    default_index_path()              $SITROOM_CACHE/geonames-index.sqlite (else ~/.cache/sitroom/)

The packaged gazetteer holds places of 500+ people; `sitroom gazetteer import FILE` reads
GeoNames' full `allCountries` file or one country's (`FR.txt`, `FR.zip`), zipped or not,
and keeps populated places of any size, first- and second-level divisions, countries and
named regions, seas, lakes and islands. `Gazetteer` consults it for names its packaged
data does not know.

The dump format (GeoNames' readme): UTF-8, tab-separated, no header, 19 columns:
geonameid, name, asciiname, alternatenames (comma-separated), latitude, longitude,
feature class, feature code, country code, cc2, admin1 code, admin2 code, admin3 code,
admin4 code, population, elevation, dem, timezone, modification date.

The index is built in a temporary file beside the target and moved over it only when the
whole dump was read: a bad row stops the import with the file and line, and the index
that was there stays.
"""
from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pycountry

from ..errors import KnowledgeError
from . import default_cache_dir
from .place_names import Candidate, admissible_alternate, index_keys, normalise

COLUMNS = 19
INDEX_NAME = "geonames-index.sqlite"
# Bump when the tables change, so an index of an older layout is rebuilt, not misread.
INDEX_FORMAT = 2
# Rows written per transaction while importing: large enough to keep SQLite's per-commit
# cost small, small enough to keep memory flat on the 12-million-row allCountries file.
BATCH_ROWS = 50_000
# Names whose look-up is remembered per process (an article repeats its places).
MAX_CACHED_NAMES = 100_000
# Feature codes kept, and the precision each becomes. Populated places of any size are
# the point of the import; divisions and countries answer "X county", "X province";
# regions, seas and islands are places news names too. Historical (…H), abandoned (PPLQ)
# and destroyed (PPLW) places, buildings and spots (class S) are left out.
PLACE_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLF", "PPLG", "PPLL",
                         "PPLR", "PPLS", "STLMT", "PPLX"})
FEATURES = {
    **{("P", code): "city" for code in PLACE_CODES},
    ("A", "PCLI"): "country", ("A", "PCLD"): "country", ("A", "PCLF"): "country", ("A", "PCLS"): "country",
    ("A", "PCL"): "country", ("A", "TERR"): "country",
    ("A", "ADM1"): "admin1", ("A", "ADM2"): "admin2",
    ("L", "CONT"): "region", ("L", "RGN"): "region", ("L", "RGNE"): "region",
    ("H", "OCN"): "region", ("H", "SEA"): "region", ("H", "GULF"): "region", ("H", "BAY"): "region",
    ("H", "LK"): "region", ("H", "STRT"): "region",
    ("T", "ISL"): "region", ("T", "ISLS"): "region", ("T", "PEN"): "region", ("T", "MTS"): "region",
}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, admin1 TEXT NOT NULL,
                    lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, feature TEXT NOT NULL);
CREATE TABLE admin1 (cc TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (cc, code));
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL);
"""


@dataclass(frozen=True)
class ImportReport:
    source: str
    index: str
    rows_read: int  # rows of the dump
    places: int  # rows kept (see FEATURES)
    names: int  # name keys indexed
    seconds: float
    bytes: int  # size of the index file


def default_index_path() -> Path:
    """Where `sitroom gazetteer import` writes the index and the gazetteer looks for it."""
    return default_cache_dir() / INDEX_NAME


def import_dump(source: Path, index: Path | None = None, *,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Build the SQLite index of a GeoNames dump; `progress` hears the rows read so far."""
    target = index or default_index_path()
    started = time.perf_counter()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".geonames-", suffix=".sqlite")
    except OSError as exc:
        raise KnowledgeError(str(target), f"cannot write the index here ({exc})") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        rows, places, names = _build(source, tmp, progress)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return ImportReport(source=str(source), index=str(target), rows_read=rows, places=places, names=names,
                        seconds=round(time.perf_counter() - started, 2), bytes=target.stat().st_size)


def _build(source: Path, path: Path, progress: Callable[[int], None] | None) -> tuple[int, int, int]:
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        rows = places = names = 0
        place_batch: list[tuple[object, ...]] = []
        name_batch: list[tuple[str, int]] = []
        admin_batch: list[tuple[str, str, str]] = []
        for line_number, cells in _rows(source):
            rows += 1
            feature = FEATURES.get((cells[6], cells[7]))
            if feature is not None:
                row, keys = _place(source, line_number, cells, feature)
                place_batch.append(row)
                name_batch.extend((key, row[0]) for key in keys)  # type: ignore[misc]
                if feature == "admin1" and cells[10]:
                    admin_batch.append((cells[8], cells[10], cells[1]))
                places += 1
                names += len(keys)
            if len(place_batch) >= BATCH_ROWS:
                _flush(connection, place_batch, name_batch, admin_batch)
            if progress is not None and rows % BATCH_ROWS == 0:
                progress(rows)
        _flush(connection, place_batch, name_batch, admin_batch)
        connection.execute("CREATE INDEX name_key ON name (key, place)")  # covering: no table read
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", str(INDEX_FORMAT)), ("source", str(source)), ("rows", str(rows)), ("places", str(places))])
        connection.commit()
        return rows, places, names
    except sqlite3.Error as exc:
        raise KnowledgeError(str(path), f"cannot write the index ({exc})") from exc
    finally:
        connection.close()


def _flush(connection: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int]],
           admins: list[tuple[str, str, str]]) -> None:
    connection.executemany("INSERT OR REPLACE INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)", places)
    connection.executemany("INSERT INTO name VALUES (?, ?)", names)
    connection.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", admins)
    connection.commit()
    places.clear()
    names.clear()
    admins.clear()


def _place(source: Path, line: int, cells: list[str], feature: str) -> tuple[tuple[object, ...], set[str]]:
    try:
        geonameid = int(cells[0])
        lat, lon = float(cells[4]), float(cells[5])
        population = int(cells[14]) if cells[14] else 0
    except ValueError as exc:
        raise KnowledgeError(str(source), f"not a GeoNames dump row: {exc} (id, coordinates and population "
                                          "must be numbers)", line) from exc
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise KnowledgeError(str(source), f"coordinates out of range: {lat}, {lon}", line)
    names = [cells[1], cells[2], *(a for a in cells[3].split(",") if admissible_alternate(a))]
    keys: set[str] = set()
    for name in names:
        keys.update(index_keys(name, article_free=feature != "country"))
    row = (geonameid, cells[1], cells[8], cells[10], lat, lon, population, feature)
    return row, keys


def _rows(source: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, 19 cells) of every row; a row of another width stops the import."""
    with _open_dump(source) as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                continue
            cells = line.split("\t")
            if len(cells) != COLUMNS:
                raise KnowledgeError(str(source), f"{len(cells)} tab-separated columns where a GeoNames dump "
                                                  f"row has {COLUMNS}: is this a GeoNames dump file?", number)
            yield number, cells


@contextlib.contextmanager
def _open_dump(source: Path) -> Iterator[IO[str]]:
    try:
        if zipfile.is_zipfile(source):
            with zipfile.ZipFile(source) as archive:
                members = [m for m in archive.namelist()
                           if m.endswith(".txt") and not Path(m).name.lower().startswith("readme")]
                if len(members) != 1:
                    raise KnowledgeError(str(source), "the zip file must hold one GeoNames .txt dump "
                                                      f"(besides its readme), not {len(members)}")
                with archive.open(members[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
        else:
            with source.open(encoding="utf-8", newline="") as handle:
                yield handle
    except FileNotFoundError as exc:
        raise KnowledgeError(str(source), "file not found") from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError(str(source), f"not UTF-8 text ({exc}): GeoNames dumps are UTF-8") from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise KnowledgeError(str(source), f"cannot be read ({exc})") from exc


class LocalIndex:
    """Look-ups in an imported index: every entry a name may mean."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        self._iso3: dict[str, str | None] = {}
        self._found: dict[str, list[Candidate]] = {}
        # a few thousand divisions: read once
        self._admin1 = {(cc, code): name for cc, code, name in connection.execute("SELECT cc, code, name FROM admin1")}

    @classmethod
    def open(cls, path: Path | None = None) -> LocalIndex | None:
        """The index at `path` (default: `default_index_path()`), or None when there is none."""
        target = path or default_index_path()
        if not target.is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            found = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.Error as exc:
            raise KnowledgeError(str(target), f"not a sitroom GeoNames index ({exc}); run `sitroom gazetteer "
                                              "import FILE` again") from exc
        if found is None or found[0] != str(INDEX_FORMAT):
            connection.close()
            raise KnowledgeError(str(target), "made by another version of sitroom; run `sitroom gazetteer "
                                              "import FILE` again")
        return cls(connection, target)

    def __len__(self) -> int:
        return int(self._connection.execute("SELECT COUNT(*) FROM place").fetchone()[0])

    def has(self, name: str) -> bool:
        """Whether any entry has this name (the scan asks this of every capitalised run)."""
        key = normalise(name)
        if key in self._found:
            return bool(self._found[key])
        return self._connection.execute("SELECT 1 FROM name WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def lookup(self, name: str) -> list[Candidate]:
        key = normalise(name)
        cached = self._found.get(key)
        if cached is not None:
            return cached
        # two plain look-ups by index: a join leaves SQLite free to pick a plan that
        # scans the places
        ids = list(dict.fromkeys(row[0] for row in self._connection.execute(
            "SELECT place FROM name WHERE key = ?", (key,))))
        rows = self._connection.execute(
            "SELECT id, name, cc, admin1, lat, lon, population, feature FROM place WHERE id IN "
            f"({', '.join('?' * len(ids))})", ids).fetchall() if ids else []
        found = []
        for geonameid, place_name, cc, code, lat, lon, population, feature in rows:
            admin1 = self._admin1.get((cc, code))
            iso3 = self._country(cc)
            if iso3 is None:
                continue
            found.append(Candidate(geonameid=geonameid, name=place_name, country=iso3,
                                   admin1=admin1 if feature != "admin1" else place_name,
                                   lat=lat, lon=lon, population=population, feature=feature))
        if len(self._found) >= MAX_CACHED_NAMES:
            self._found.clear()  # a long run's memory stays bounded
        self._found[key] = found
        return found

    def _country(self, iso2: str) -> str | None:
        if iso2 not in self._iso3:
            record = pycountry.countries.get(alpha_2=iso2) if iso2 else None
            self._iso3[iso2] = record.alpha_3 if record else None
        return self._iso3[iso2]

    def close(self) -> None:
        self._connection.close()
