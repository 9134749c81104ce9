"""Writing stored events as files other tools read: JSON Lines, CSV, Parquet, and
ACLED-style and GDELT-style tables (column mappings in docs/exports.md).

    with Store.open("sitroom.duckdb", read_only=True) as store:
        report = export(store, "acled", Path("events.csv"), EventFilter(country="SYR"))

Events are read from the store page by page, so memory stays flat whatever the store's
size. A file is written under a temporary name beside its destination and moved into
place only when complete: a failed export never leaves half a file, nor harms an
existing one. Parquet goes through DuckDB's `COPY` (no pyarrow).
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pycountry

from .errors import KnowledgeError, StoreError, UsageError
from .knowledge.tsv import read_tsv
from .store import EventFilter, Store

FORMATS = ("jsonl", "csv", "parquet", "acled", "gdelt")
# Events read per store query: large enough to amortise a query, small enough that a
# page of full records (evidence included) stays a few megabytes.
EXPORT_PAGE = 500
GOLDSTEIN_FILE = Path(__file__).parent / "knowledge" / "data" / "goldstein.tsv"
# ACLED codes only what happened (asserted, or claimed by a party); plans, threats,
# hypotheses and denials are not ACLED events.
ACLED_MODALITIES = frozenset({"asserted", "claimed"})
# ACLED's geo_precision: 1 a town or exact spot, 2 near a town or a small area, 3 only a
# larger region (a province, the country) is named.
ACLED_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
# ACLED's time_precision: 1 the day is known, 2 the week, 3 only the month (ACLED has no
# coarser level; a year-precise date is given as 3).
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# GDELT's geographic match types: 1 country, 2 US state, 3 US city, 4 world city,
# 5 world state (first-level division).
US = "USA"
GDELT_GEO_TYPE = {"country": (1, 1), "admin1": (2, 5), "city": (3, 4), "point": (3, 4)}
LIST_SEPARATOR = "; "

# The flat columns of csv and parquet: (name, DuckDB type, value from a record).
Getter = Callable[[dict[str, Any]], Any]


def _at(*path: str) -> Getter:
    def get(record: dict[str, Any]) -> Any:
        value: Any = record
        for key in path:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value
    return get


def _evidence(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in record.get("evidence") or [] if isinstance(e, dict)]


def _distinct(values: Sequence[Any]) -> list[str]:
    return list(dict.fromkeys(str(v) for v in values if v not in (None, "")))


def _joined(field: str) -> Getter:
    return lambda record: LIST_SEPARATOR.join(_distinct([e.get(field) for e in _evidence(record)]))


def _first_sentence(record: dict[str, Any]) -> str | None:
    evidence = _evidence(record)
    return evidence[0].get("sentence") if evidence else None


def _contradicted(record: dict[str, Any]) -> str:
    items = record.get("contradictions") or []
    return LIST_SEPARATOR.join(_distinct([c.get("field") for c in items if isinstance(c, dict)]))


FLAT_COLUMNS: tuple[tuple[str, str, Getter], ...] = (
    ("id", "VARCHAR", _at("id")),
    ("date", "DATE", _at("date")),
    ("date_precision", "VARCHAR", _at("date_precision")),
    ("date_inferred", "BOOLEAN", _at("date_inferred")),
    ("date_suspect", "BOOLEAN", _at("date_suspect")),
    ("event_code", "VARCHAR", _at("event_code")),
    ("event_root", "VARCHAR", lambda r: (r.get("event_code") or "")[:2] or None),
    ("event_label", "VARCHAR", _at("event_label")),
    ("plover_type", "VARCHAR", _at("plover_type")),
    ("acled_event_type", "VARCHAR", _at("acled_event_type")),
    ("acled_sub_event_type", "VARCHAR", _at("acled_sub_event_type")),
    ("disorder_type", "VARCHAR", _at("disorder_type")),
    ("inter1", "INTEGER", _at("inter1")),
    ("inter2", "INTEGER", _at("inter2")),
    ("interaction", "INTEGER", _at("interaction")),
    ("civilian_targeting", "VARCHAR", _at("civilian_targeting")),
    ("acled_rule", "VARCHAR", _at("acled_rule")),
    ("source_text", "VARCHAR", _at("source_actor", "text")),
    ("source_name", "VARCHAR", _at("source_actor", "name")),
    ("source_code", "VARCHAR", _at("source_actor", "code")),
    ("source_country", "VARCHAR", _at("source_actor", "country")),
    ("target_text", "VARCHAR", _at("target_actor", "text")),
    ("target_name", "VARCHAR", _at("target_actor", "name")),
    ("target_code", "VARCHAR", _at("target_actor", "code")),
    ("target_country", "VARCHAR", _at("target_actor", "country")),
    ("location", "VARCHAR", _at("location", "name")),
    ("country", "VARCHAR", _at("location", "country")),
    ("admin1", "VARCHAR", _at("location", "admin1")),
    ("lat", "DOUBLE", _at("location", "lat")),
    ("lon", "DOUBLE", _at("location", "lon")),
    ("geo_precision", "VARCHAR", _at("location", "precision")),
    ("geonames_id", "BIGINT", _at("location", "geonames_id")),
    ("killed", "INTEGER", _at("fatalities", "killed")),
    ("injured", "INTEGER", _at("fatalities", "injured")),
    ("fatalities_qualifier", "VARCHAR", _at("fatalities", "qualifier")),
    ("killed_low", "INTEGER", _at("fatalities", "low")),
    ("killed_best", "INTEGER", _at("fatalities", "best")),
    ("killed_high", "INTEGER", _at("fatalities", "high")),
    ("attribution", "VARCHAR", _at("attribution")),
    ("modality", "VARCHAR", _at("modality")),
    ("historical", "BOOLEAN", _at("historical")),
    ("confidence", "DOUBLE", _at("confidence")),
    ("rule", "VARCHAR", _at("rule")),
    ("num_articles", "INTEGER", lambda r: len(_distinct([e.get("doc_id") for e in _evidence(r)]))),
    ("num_sentences", "INTEGER", lambda r: len(_evidence(r))),
    ("doc_ids", "VARCHAR", _joined("doc_id")),
    ("outlets", "VARCHAR", _joined("outlet")),
    ("urls", "VARCHAR", _joined("url")),
    ("sentence", "VARCHAR", _first_sentence),
    ("contradictions", "VARCHAR", _contradicted),
)
FLAT_NAMES = tuple(name for name, _, _ in FLAT_COLUMNS)


@dataclass(frozen=True, kw_only=True)
class ExportReport:
    format: str
    rows: int  # rows written, one per event
    skipped: int  # selected events the format does not hold (acled: see docs/exports.md)
    output: str  # the file written, or "<stdout>"


def export(store: Store, fmt: str, output: Path | TextIO, filters: EventFilter | None = None, *,
           page_size: int = EXPORT_PAGE) -> ExportReport:
    """Write the events `filters` selects to `output` (a path, or a text stream for every
    format but parquet) in format `fmt`; raises UsageError for a bad format or destination,
    StoreError when the file cannot be written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if page_size < 1:
        raise UsageError(f"page_size must be 1 or more, not {page_size}")
    records = _records(store, filters, page_size)
    if fmt == "parquet":
        if not isinstance(output, Path):
            raise UsageError("parquet is a binary format: give an output file (--output FILE)")
        return _write_parquet(records, output)
    if isinstance(output, Path):
        with _replacing(output) as stream:
            report = write_text(fmt, records, stream)
        return ExportReport(format=fmt, rows=report[0], skipped=report[1], output=str(output))
    rows, skipped = write_text(fmt, records, output)
    return ExportReport(format=fmt, rows=rows, skipped=skipped, output="<stdout>")


def _records(store: Store, filters: EventFilter | None, page_size: int) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        page = store.events(filters, limit=page_size, offset=offset)
        yield from page
        if len(page) < page_size:
            return
        offset += len(page)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[TextIO]:
    """A text stream onto a temporary file beside `path`, moved onto `path` on success."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise StoreError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise StoreError(f"{path}: cannot write the export ({exc.strerror or exc})") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_text(fmt: str, records: Iterator[dict[str, Any]], stream: TextIO) -> tuple[int, int]:
    """Write records as jsonl, csv, acled or gdelt text; returns (rows written, records
    with no row in the format)."""
    if fmt == "jsonl":
        rows = 0
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            rows += 1
        return rows, 0
    if fmt == "csv":
        header, convert = list(FLAT_NAMES), flat_row
        delimiter = ","
    elif fmt == "acled":
        header, convert, delimiter = list(ACLED_COLUMNS), acled_row, ","
    else:
        header, convert, delimiter = list(GDELT_COLUMNS), gdelt_row, "\t"
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    rows = skipped = 0
    for record in records:
        row = convert(record)
        if row is None:
            skipped += 1
            continue
        writer.writerow([_cell(value) for value in row])
        rows += 1
    return rows, skipped


def _cell(value: Any) -> Any:
    """A CSV cell: empty for none, lower-case true/false as DuckDB and pandas read them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def flat_row(record: dict[str, Any]) -> list[Any]:
    """The csv/parquet columns (FLAT_COLUMNS) of one event record."""
    return [_typed(kind, get(record)) for _, kind, get in FLAT_COLUMNS]


def _typed(kind: str, value: Any) -> Any:
    """A value fit for its column: a malformed date or number becomes empty, not an error."""
    if value is None:
        return None
    if kind in ("INTEGER", "BIGINT"):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "DOUBLE":
        return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "BOOLEAN":
        return value if isinstance(value, bool) else None
    if kind == "DATE":
        return value if isinstance(value, str) and _is_day(value) else None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _write_parquet(records: Iterator[dict[str, Any]], path: Path) -> ExportReport:
    """The flat columns and the whole record (JSON) as Parquet, through an in-memory DuckDB."""
    columns = [(name, kind) for name, kind, _ in FLAT_COLUMNS] + [("record", "JSON")]
    con = duckdb.connect(":memory:")
    try:
        con.execute("CREATE TABLE export (" + ", ".join(f'"{n}" {k}' for n, k in columns) + ")")
        select = ", ".join(
            f"unnest(?::VARCHAR[])::{kind}" if kind in ("DATE", "JSON") else f"unnest(?::{kind}[])"
            for _, kind in columns
        )
        rows = 0
        page: list[list[Any]] = []
        for record in records:
            page.append([*flat_row(record), json.dumps(record, ensure_ascii=False)])
            if len(page) >= EXPORT_PAGE:
                con.execute(f"INSERT INTO export SELECT {select}", [list(c) for c in zip(*page)])
                rows += len(page)
                page = []
        if page:
            con.execute(f"INSERT INTO export SELECT {select}", [list(c) for c in zip(*page)])
            rows += len(page)
        directory = path.parent if str(path.parent) else Path(".")
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
        except OSError as exc:
            raise StoreError(f"{path}: cannot write here ({exc.strerror or exc})") from exc
        os.close(handle)
        try:
            # COPY takes no parameter for its file name; the name is quoted as a literal.
            literal = "'" + temporary.replace("'", "''") + "'"
            con.execute(f"COPY export TO {literal} (FORMAT parquet)")
            os.replace(temporary, path)
        except (duckdb.Error, OSError) as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise StoreError(f"{path}: cannot write the Parquet file ({exc})") from exc
    finally:
        con.close()
    return ExportReport(format="parquet", rows=rows, skipped=0, output=str(path))


# --- ACLED-style ---------------------------------------------------------------------

# In ACLED's order; the columns sitroom cannot fill (assoc_actor_*, region, admin2/3,
# source_scale, tags, timestamp) are left out.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "iso", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)


def acled_row(record: dict[str, Any]) -> list[Any] | None:
    """One ACLED-style row, or None for an event ACLED would not code (no ACLED type, not
    asserted or claimed, or undated)."""
    date = record.get("date")
    if (not record.get("acled_event_type") or record.get("modality") not in ACLED_MODALITIES
            or not isinstance(date, str) or not _is_day(date)):
        return None
    place = record.get("location") if isinstance(record.get("location"), dict) else {}
    country = _country(place.get("country"))
    toll = record.get("fatalities") if isinstance(record.get("fatalities"), dict) else {}
    # ACLED's rule: the most conservative figure reported, 0 when none is.
    fatalities = next((v for v in (toll.get("low"), toll.get("killed")) if isinstance(v, int)), 0)
    sentence = _first_sentence(record) or ""
    attribution = record.get("attribution")
    notes = f"{sentence} (according to {attribution})" if attribution else sentence
    return [
        record.get("id"), date, int(date[:4]), ACLED_TIME_PRECISION.get(record.get("date_precision") or "", 3),
        record.get("disorder_type"), record.get("acled_event_type"), record.get("acled_sub_event_type"),
        _at("source_actor", "name")(record), _typed("INTEGER", record.get("inter1")),
        _at("target_actor", "name")(record), _typed("INTEGER", record.get("inter2")),
        _typed("INTEGER", record.get("interaction")), record.get("civilian_targeting"),
        int(country.numeric) if country is not None else None,
        _country_name(country, place.get("country")),
        place.get("admin1"), place.get("name"), place.get("lat"), place.get("lon"),
        ACLED_GEO_PRECISION.get(place.get("precision") or "") if place else None,
        _joined("outlet")(record), notes, fatalities,
    ]


@functools.lru_cache(maxsize=512)
def _country(alpha3: Any) -> Any:
    if not isinstance(alpha3, str) or len(alpha3) != 3:
        return None
    return pycountry.countries.get(alpha_3=alpha3.upper())


def _country_name(country: Any, code: Any) -> str | None:
    if country is not None:
        return getattr(country, "common_name", None) or country.name
    return code if isinstance(code, str) else None


# --- GDELT-style ---------------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Name",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "SOURCEURL", "SOURCEURLS",
)


@dataclass(frozen=True)
class CameoScales:
    """Goldstein weights per CAMEO code and GDELT's QuadClass per root (goldstein.tsv)."""

    goldstein: dict[str, float]
    quad_class: dict[str, int]

    @classmethod
    def load(cls, path: Path = GOLDSTEIN_FILE) -> "CameoScales":
        goldstein: dict[str, float] = {}
        quad: dict[str, int] = {}
        for line, row in read_tsv(path, ("code", "goldstein", "quad_class")):
            code = row["code"]
            if not (code.isdigit() and 2 <= len(code) <= 4):
                raise KnowledgeError(str(path), f"code {code!r} is not a CAMEO code of 2 to 4 digits", line)
            try:
                weight = float(row["goldstein"])
            except ValueError as exc:
                raise KnowledgeError(str(path), f"goldstein {row['goldstein']!r} is not a number", line) from exc
            if not -10 <= weight <= 10:
                raise KnowledgeError(str(path), f"goldstein {weight} lies outside -10 to 10", line)
            goldstein[code] = weight
            if len(code) == 2:
                if row["quad_class"] not in ("1", "2", "3", "4"):
                    raise KnowledgeError(str(path), f"root {code} needs a quad_class of 1 to 4", line)
                quad[code] = int(row["quad_class"])
            elif row["quad_class"]:
                raise KnowledgeError(str(path), "quad_class is given on root (2-digit) codes only", line)
        return cls(goldstein, quad)

    def weight(self, code: str) -> float | None:
        """The code's Goldstein weight, else its nearest listed parent's."""
        for length in range(len(code), 1, -1):
            if code[:length] in self.goldstein:
                return self.goldstein[code[:length]]
        return None


@functools.lru_cache(maxsize=1)
def _scales() -> CameoScales:
    return CameoScales.load()


def gdelt_row(record: dict[str, Any], scales: CameoScales | None = None) -> list[Any]:
    """One GDELT-style row (GDELT_COLUMNS) of an event record."""
    scales = scales or _scales()
    code = record.get("event_code") if isinstance(record.get("event_code"), str) else ""
    date = record.get("date")
    day = date if isinstance(date, str) and _is_day(date) else None
    place = record.get("location") if isinstance(record.get("location"), dict) else {}
    evidence = _evidence(record)
    urls = _distinct([e.get("url") for e in evidence])
    geo_type = None
    if place and place.get("precision") in GDELT_GEO_TYPE:
        us_type, world_type = GDELT_GEO_TYPE[place["precision"]]
        geo_type = us_type if place.get("country") == US and place["precision"] != "country" else world_type
    full_name = ", ".join(_distinct([place.get("name"), place.get("admin1"),
                                     _country_name(_country(place.get("country")), place.get("country"))]))
    return [
        record.get("id"),
        int(day.replace("-", "")) if day else None,
        int(day[:7].replace("-", "")) if day else None,
        int(day[:4]) if day else None,
        _fraction_date(day) if day else None,
        _at("source_actor", "code")(record), _at("source_actor", "name")(record),
        _at("source_actor", "country")(record),
        _at("target_actor", "code")(record), _at("target_actor", "name")(record),
        _at("target_actor", "country")(record),
        code or None, code[:3] or None, code[:2] or None,
        scales.quad_class.get(code[:2]), scales.weight(code) if code else None,
        len(evidence), len(_distinct([e.get("outlet") for e in evidence])),
        len(_distinct([e.get("doc_id") for e in evidence])),
        geo_type, full_name or None, place.get("country"), place.get("admin1"), place.get("lat"),
        place.get("lon"), place.get("geonames_id"),
        urls[0] if urls else None, " ".join(urls) or None,
    ]


def _fraction_date(day: str) -> float:
    """GDELT's FractionDate: the year plus the day's share of it (day of year / 365)."""
    when = dt.date.fromisoformat(day)
    return round(when.year + when.timetuple().tm_yday / 365, 4)
