"""The sources file of `sitroom watch`: what to poll, how politely, and what to alert on.

    config = load_sources(Path("sources.toml"))
    config.sources[0].url, config.sources[0].every, config.alerts[0].matches(record)

The format is TOML (docs/watch.md): an optional `[watch]` table of settings, one
`[[source]]` table per feed, news sitemap or listing page, and one `[[alert]]` table per
rule. Every key is checked: an unknown key, a wrong type or an impossible value is a
`SourcesFileError` naming the file, the table and the key, so a typo never silently
turns a rule off.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import SourcesFileError

KINDS = ("feed", "sitemap", "listing")
MODALITIES = ("asserted", "claimed", "planned", "threatened", "hypothetical", "negated")  # spec/event-record.md
# A source polled more often than this is no longer polite to anyone; the benchmark's
# compressed hour still fits above it.
MIN_EVERY_SECONDS = 1.0
# The default pause between two requests to one host: what crawlers commonly keep to.
DELAY_SECONDS = 1.0
# A whole request (connecting, waiting, reading the body) gets this long.
TIMEOUT_SECONDS = 20.0
# The largest feed or page read, decoded: a long article page with its markup is well
# under 2 MB; a 50 MB "page" is refused, not read whole.
MAX_BYTES = 5_000_000
# After failures, a source waits `every` doubled per failure, but never longer than this.
MAX_BACKOFF_SECONDS = 3_600.0
# Articles analysed and written together (one store batch, as `sitroom ingest` writes).
BATCH = 16
# A partial batch waits this long for more articles before it is analysed anyway: the
# latency an item pays for sharing a batch.
BATCH_WAIT_SECONDS = 2.0
# New items fetched per poll of one source: a first poll of a 1,000-link listing takes
# the newest ones now and the rest at the next polls, instead of an hour of fetching.
MAX_NEW_PER_POLL = 50
# Requests in flight at once over all hosts (each host still gets one at a time).
CONNECTIONS = 16

_DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?\s*$")
_CODE = re.compile(r"^\d{2,4}$")
_ACTOR = re.compile(r"^[A-Z0-9]{3,}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The `[watch]` table: how the watch behaves towards every source."""

    contact: str | None = None  # a URL or address for site owners, added to the User-Agent
    delay: float = DELAY_SECONDS
    timeout: float = TIMEOUT_SECONDS
    max_bytes: int = MAX_BYTES
    max_backoff: float = MAX_BACKOFF_SECONDS
    batch: int = BATCH
    batch_wait: float = BATCH_WAIT_SECONDS
    max_new: int = MAX_NEW_PER_POLL
    connections: int = CONNECTIONS


@dataclass(frozen=True, kw_only=True)
class Source:
    """One `[[source]]`: a feed, a news sitemap or a page listing articles."""

    url: str
    every: float  # seconds between polls
    kind: str | None = None  # None: told from the content at the first poll
    outlet: str | None = None  # for articles whose page names none
    match: re.Pattern[str] | None = None  # listing pages: article links match this


@dataclass(frozen=True, kw_only=True)
class AlertRule:
    """One `[[alert]]`: the filters of `sitroom events` plus modality and a minimum toll.

    Lists of codes, countries and modalities are alternatives (any one matches); a list of
    actors names actors that must all take part, as source or target ("RUS" and "UKR":
    events between them)."""

    name: str
    codes: tuple[str, ...] = ()  # CAMEO code prefixes
    countries: tuple[str, ...] = ()  # ISO alpha-3: the event's place or either actor's country
    actors: tuple[str, ...] = ()  # CAMEO actor code prefixes, all of which take part
    modalities: tuple[str, ...] = ()
    min_killed: int | None = None
    file: Path | None = None  # JSON Lines, one object per delivery
    webhook: str | None = None  # a JSON POST per delivery

    def matches(self, record: dict[str, Any]) -> bool:
        """Whether the (fused) event record passes every filter of the rule."""
        code = str(record.get("event_code") or "")
        if self.codes and not any(code.startswith(prefix) for prefix in self.codes):
            return False
        source, target = record.get("source_actor") or {}, record.get("target_actor") or {}
        if self.countries:
            place = (record.get("location") or {}).get("country")
            present = {place, source.get("country"), target.get("country")}
            if not present & set(self.countries):
                return False
        if self.actors:
            taking_part = [str(side.get("code") or "") for side in (source, target) if side.get("code")]
            if not all(any(code.startswith(actor) for code in taking_part) for actor in self.actors):
                return False
        if self.modalities and record.get("modality") not in self.modalities:
            return False
        if self.min_killed is not None:
            killed = (record.get("fatalities") or {}).get("killed")
            if killed is None or killed < self.min_killed:
                return False
        return True


@dataclass(frozen=True, kw_only=True)
class WatchConfig:
    path: Path
    settings: Settings = field(default_factory=Settings)
    sources: tuple[Source, ...] = ()
    alerts: tuple[AlertRule, ...] = ()


def parse_duration(value: Any, where: str) -> float:
    """Seconds from a number or a text like "90", "90s", "5m", "1h30m"."""
    if isinstance(value, bool):
        raise ValueError(f"{where} must be seconds or a duration like \"5m\", not {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and value.strip():
        text = value.strip().lower()
        if re.fullmatch(r"\d+(\.\d+)?", text):
            seconds = float(text)
        else:
            found = _DURATION.match(text)
            if not found or not any(found.groups()):
                raise ValueError(f"{where} must be seconds or a duration like \"90s\", \"5m\", \"1h\", not {value!r}")
            hours, minutes, secs = (float(part) if part else 0.0 for part in found.groups())
            seconds = hours * 3600 + minutes * 60 + secs
    else:
        raise ValueError(f"{where} must be seconds or a duration like \"5m\", not {value!r}")
    if seconds <= 0:
        raise ValueError(f"{where} must be more than 0 seconds, not {value!r}")
    return seconds


def load_sources(path: Path) -> WatchConfig:
    """The sources file at `path`, checked (raises `SourcesFileError`)."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesFileError(where, "no such file: write one (docs/watch.md shows the format)") from exc
    except OSError as exc:
        raise SourcesFileError(where, f"cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise SourcesFileError(where, "is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(where, f"is not valid TOML: {exc}") from exc
    try:
        return _config(data, path)
    except ValueError as exc:
        raise SourcesFileError(where, str(exc)) from exc


def _config(data: dict[str, Any], path: Path) -> WatchConfig:
    _known(data, {"watch", "source", "alert"}, "the file")
    settings = _settings(_table(data.get("watch", {}), "[watch]"))
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ValueError("no [[source]] tables: name at least one feed, sitemap or listing page to watch")
    sources = tuple(_source(_table(raw, f"[[source]] {number}"), f"[[source]] {number}")
                    for number, raw in enumerate(raw_sources, start=1))
    seen: dict[str, int] = {}
    for number, source in enumerate(sources, start=1):
        if source.url in seen:
            raise ValueError(f"[[source]] {number}: {source.url} is already [[source]] {seen[source.url]}")
        seen[source.url] = number
    raw_alerts = data.get("alert", [])
    if not isinstance(raw_alerts, list):
        raise ValueError("alert must be [[alert]] tables")
    alerts = tuple(_alert(_table(raw, f"[[alert]] {number}"), f"[[alert]] {number}", path.parent)
                   for number, raw in enumerate(raw_alerts, start=1))
    names = [rule.name for rule in alerts]
    for name in names:
        if names.count(name) > 1:
            raise ValueError(f"two [[alert]] rules are named {name!r}: each rule needs its own name")
    return WatchConfig(path=path, settings=settings, sources=sources, alerts=alerts)


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a table")
    return value


def _known(table: dict[str, Any], keys: set[str], where: str) -> None:
    unknown = sorted(set(table) - keys)
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(keys))})")


def _settings(table: dict[str, Any]) -> Settings:
    where = "[watch]"
    _known(table, {"contact", "delay", "timeout", "max_bytes", "max_backoff", "batch", "batch_wait", "max_new",
                   "connections"}, where)
    values: dict[str, Any] = {}
    if "contact" in table:
        values["contact"] = _text(table["contact"], f"{where} contact")
    for name in ("delay", "batch_wait"):
        if name in table:
            value = table[name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"{where} {name} must be 0 or more seconds, not {value!r}")
            values[name] = float(value)
    for name in ("timeout", "max_backoff"):
        if name in table:
            values[name] = parse_duration(table[name], f"{where} {name}")
    for name in ("max_bytes", "batch", "max_new", "connections"):
        if name in table:
            value = table[name]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{where} {name} must be a whole number of 1 or more, not {value!r}")
            values[name] = value
    return Settings(**values)


def _source(table: dict[str, Any], where: str) -> Source:
    _known(table, {"url", "every", "kind", "outlet", "match"}, where)
    if "url" not in table:
        raise ValueError(f"{where}: url is missing")
    url = _url(table["url"], f"{where} url")
    every = parse_duration(table.get("every", 300), f"{where} every")
    if every < MIN_EVERY_SECONDS:
        raise ValueError(f"{where} every must be at least {MIN_EVERY_SECONDS:g} second, not {table['every']!r}")
    kind = table.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"{where} kind must be one of {', '.join(KINDS)}, not {kind!r}")
    match = None
    if "match" in table:
        pattern = _text(table["match"], f"{where} match")
        try:
            match = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where} match is not a regular expression ({exc}): {pattern!r}") from exc
    outlet = _text(table["outlet"], f"{where} outlet") if "outlet" in table else None
    return Source(url=url, every=every, kind=kind, outlet=outlet, match=match)


def _alert(table: dict[str, Any], where: str, folder: Path) -> AlertRule:
    _known(table, {"name", "code", "country", "actor", "modality", "min_killed", "file", "webhook"}, where)
    if "name" not in table:
        raise ValueError(f"{where}: name is missing (a short name such as \"deadly-syria\")")
    name = _text(table["name"], f"{where} name")
    if not _NAME.match(name):
        raise ValueError(f"{where} name must be letters, digits, '.', '_' or '-' (at most 80), not {name!r}")
    codes = _strings(table.get("code"), f"{where} code", _CODE, "CAMEO codes of 2 to 4 digits, such as \"19\"")
    countries = tuple(c.upper() for c in _strings(table.get("country"), f"{where} country", None, ""))
    for country in countries:
        if not _COUNTRY.match(country):
            raise ValueError(f"{where} country must be ISO alpha-3 codes such as \"SYR\", not {country!r}")
    actors = tuple(a.upper() for a in _strings(table.get("actor"), f"{where} actor", None, ""))
    for actor in actors:
        if not _ACTOR.match(actor):
            raise ValueError(f"{where} actor must be CAMEO actor codes such as \"RUS\" or \"SYRREB\", not {actor!r}")
    modalities = _strings(table.get("modality"), f"{where} modality", None, "")
    for modality in modalities:
        if modality not in MODALITIES:
            raise ValueError(f"{where} modality must be one of {', '.join(MODALITIES)}, not {modality!r}")
    min_killed = table.get("min_killed")
    if min_killed is not None and (isinstance(min_killed, bool) or not isinstance(min_killed, int) or min_killed < 0):
        raise ValueError(f"{where} min_killed must be a whole number of 0 or more, not {min_killed!r}")
    file = None
    if "file" in table:
        file = Path(_text(table["file"], f"{where} file"))
        file = file if file.is_absolute() else folder / file
    webhook = _url(table["webhook"], f"{where} webhook") if "webhook" in table else None
    if not (codes or countries or actors or modalities or min_killed is not None):
        raise ValueError(f"{where} ({name}) has no filter (code, country, actor, modality, min_killed): it would "
                         "fire on every event")
    return AlertRule(name=name, codes=codes, countries=countries, actors=actors, modalities=modalities,
                     min_killed=min_killed, file=file, webhook=webhook)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a non-empty string, not {value!r}")
    return value.strip()


def _url(value: Any, where: str) -> str:
    text = _text(value, where)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{where} must be an http:// or https:// URL, not {text!r}")
    return text


def _strings(value: Any, where: str, pattern: re.Pattern[str] | None, expected: str) -> tuple[str, ...]:
    """One string or a list of them."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items:
        raise ValueError(f"{where} is an empty list: leave it out to match any")
    out = []
    for item in items:
        text = _text(item, where)
        if pattern is not None and not pattern.match(text):
            raise ValueError(f"{where} must be {expected}, not {item!r}")
        out.append(text)
    return tuple(out)
