"""Place names as the gazetteers index them: normal forms, spelling skeletons, candidates.

Shared by the packaged gazetteer (`gazetteer.py`) and the imported GeoNames index
(`geonames_index.py`), so that both find a name under the same keys.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..records import Place

# Arabic (and French-transliterated) articles that come and go in spellings:
# "Al-Fashir" / "El Fasher" / "Fasher", "Deir ez-Zor" / "Dayr az Zawr".
ARTICLES = frozenset(
    "al el an ar as ash at ad adh az ath en er es esh et ez ed ul".split()
)
# Alternate names this short are mostly airport and postal codes ("DAM", "Ko").
MIN_ALTERNATE_LENGTH = 4
# Skeletons shorter than this collide too often to mean anything.
LOOSE_MIN_LENGTH = 5

_APOSTROPHES = dict.fromkeys(map(ord, "'`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4\u2032"), None)
_SEPARATORS = re.compile(r"[\s\-_.,/()\"\u2010-\u2015]+")
_LOOSE_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("ph", "f"), ("q", "k"), ("ck", "k"))
_VOWELS = re.compile(r"[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
# Distinct names whose normal form is kept: the place stage normalises the same words
# over and over (every capitalised word, in every article).
# About 3 MB when full, and full within a day's news: it does not grow with the corpus.
NORMALISE_CACHE = 1 << 14


@functools.lru_cache(maxsize=NORMALISE_CACHE)
def normalise(name: str) -> str:
    """Casefolded ASCII form with accents, apostrophes and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.split(stripped.casefold())).strip()


def without_article(key: str) -> str | None:
    """`key` without a leading Arabic article ("al fashir" -> "fashir"), or None."""
    head, _, rest = key.partition(" ")
    return rest if head in ARTICLES and len(rest) >= 3 else None


@functools.lru_cache(maxsize=NORMALISE_CACHE)  # the place stage asks it of the same names again and again
def loose_key(key: str) -> str | None:
    """A consonant skeleton that survives transliteration (Maaret/Ma'arrat, Idleb/Idlib)."""
    words = [w for w in key.split() if w not in ARTICLES]
    skeleton: list[str] = []
    for word in words:
        for old, new in _LOOSE_DIGRAPHS:
            word = word.replace(old, new)
        skeleton.append(_REPEATS.sub(r"\1", word[:1] + _VOWELS.sub("", word[1:])))
    joined = " ".join(skeleton)
    return joined if len(joined.replace(" ", "")) >= LOOSE_MIN_LENGTH else None


def _latin(key: str) -> bool:
    return bool(key) and key.isascii() and any(ch.isalpha() for ch in key)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may mean."""

    geonameid: int | None  # None for divisions (the admin1 names carry no GeoNames id)
    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str  # city, admin1, country

    def to_place(self) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            admin1=self.admin1 if self.feature != "country" else None,
            lat=round(self.lat, 5),
            lon=round(self.lon, 5),
            precision=self.feature,
            geonames_id=self.geonameid,
        )


def admissible_alternate(name: str) -> bool:
    """Alternate names worth indexing: not airport or postal codes ("DAM", "Ko"), not
    machine transliterations (all lower case)."""
    return len(name) >= MIN_ALTERNATE_LENGTH and not name.isupper() and not name.islower()


def index_keys(name: str, *, article_free: bool = True) -> set[str]:
    """The keys a name is found under: its normal form, and without a leading Arabic
    article ("al fashir" -> "fashir") unless `article_free` is off (countries)."""
    key = normalise(name)
    if not _latin(key):
        return set()
    keys = {key}
    bare = without_article(key) if article_free else None
    if bare:
        keys.add(bare)
    return keys
