"""Actor knowledge: countries, people, groups and generic role nouns.

Loaded once from `countries.tsv`, `people.tsv`, `groups.tsv` and `roles.tsv` (format:
docs/knowledge-actors.md), plus any user files given with `--kb`, and passed to the actor
stage. Every name is indexed by a normalised word key (case, accents and punctuation
folded), so "Hay'at Tahrir al-Sham", "Hayat Tahrir al Sham" and "HAYAT TAHRIR AL-SHAM"
share one key; long names also get a one-edit fuzzy index for the dropped letter that is
common in wire copy.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from . import data_path
from .tsv import alternatives, read_tsv

COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals")
PEOPLE_REQUIRED = ("name", "code", "office", "start")
PEOPLE_OPTIONAL = ("aliases", "short", "country", "title", "end", "note")
GROUP_REQUIRED = ("name", "code", "kind")
GROUP_OPTIONAL = ("aliases", "country", "note", "since", "earlier_code")
ROLE_REQUIRED = ("phrases", "country")
ROLE_OPTIONAL = ("role", "office", "refers", "note")

GROUP_KINDS = frozenset({"armed", "party", "igo", "ngo", "media", "agency", "movement"})
ROLE_COUNTRY_SOURCES = frozenset({"modifier", "focus", "none"})
ROLE_REFERS = frozenset({"", "person", "group", "honorific", "instrument"})
ISO3_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[A-Z]{2,12}$")
ROLE_CODE_RE = re.compile(r"^[A-Z]{3}$")
# The title a person is called by when people.tsv leaves `title` empty.
DEFAULT_TITLES = {"head of state": "president", "head of government": "prime minister"}
# Name particles that stay with a surname used alone ("al-Assad", "van der Leyen").
SURNAME_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu", "van", "von", "der", "de", "da", "di", "du", "le", "la"})
NO_SHORT = "-"  # people.tsv `short` value: the name is never used alone
# Keys shorter than this never match fuzzily: one edit in a short name makes another name.
FUZZY_MIN_CHARS = 12

# A possessive word before another word of a name: "Lord's Resistance Army".
POSSESSIVE_INSIDE_RE = re.compile(r"[^\W_]['’ʼ`]s\s+\w")
WORD_RE = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*")
APOSTROPHES = "'’ʼ`"
# Letters that Unicode decomposition leaves alone but wire copy writes without marks.
FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


@dataclass(frozen=True)
class Word:
    """One word of a text: its folded key and where it sits."""

    key: str
    start: int
    end: int
    text: str
    possessive: bool  # followed by 's, which is not part of `end`

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return self.text.isupper()


# Distinct words whose folded form is kept: an article's words repeat, and a day's
# articles share most of theirs (folding one costs a Unicode normalisation and two joins).
# About 3 MB when full, and full within a day's news: it does not grow with the corpus.
FOLD_CACHE = 1 << 14


# British and American spellings of the words that names of bodies are made of: "Organisation
# of African Unity" is the "Organization of African Unity", "Defence Forces" the "Defense Forces".
SPELLINGS = ((re.compile(r"isation(s?)$"), r"ization\1"), (re.compile(r"^defence$"), "defense"))


@functools.lru_cache(maxsize=FOLD_CACHE)
def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and spelling-folded word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(FOLD))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    word = "".join(c for c in kept if c not in APOSTROPHES)
    for pattern, spelled in SPELLINGS:
        word = pattern.sub(spelled, word)
    return word


def split_words(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` with character offsets (plus `offset`); hyphens and dots split."""
    out: list[Word] = []
    for match in WORD_RE.finditer(text):
        raw = match.group()
        start, end = match.start() + offset, match.end() + offset
        possessive = len(raw) > 2 and raw[-2] in APOSTROPHES and raw[-1] in "sS"
        if possessive:
            raw = raw[:-2]
            end -= 2
        out.append(Word(fold(raw), start, end, raw, possessive))
    return out


def name_key(text: str) -> str:
    """The lookup key of a name: folded words joined by single spaces."""
    return " ".join(w.key for w in split_words(text))


def plural_demonyms(demonym: str) -> tuple[str, ...]:
    """"Palestinian" -> "Palestinians", "Iraqi" -> "Iraqis", "Cypriot" -> "Cypriots": the
    people of a country acting as one ("the Palestinians rejected ..."). Irregular plurals
    ("Turks", "Poles") are listed in countries.tsv itself."""
    if demonym.endswith(("an", "i", "ot", "ek")):
        return (demonym + "s",)
    return ()


def _is_acronym(alias: str) -> bool:
    """An alias written all in capitals ("US", "WHO", "IS") only matches capitals."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _mixed_acronym(alias: str) -> str | None:
    """"LeT", "HuJI": one short word with a capital after its first letter, else None."""
    if " " in alias or len(alias) > 6 or not any(c.isupper() for c in alias[1:]) or _is_acronym(alias):
        return None
    return alias


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """One tenure of one person in one office (a person may have several rows)."""

    name: str
    aliases: tuple[str, ...]
    short: tuple[str, ...]  # the forms used alone ("Lavrov", "al-Assad", "Abiy")
    country: str | None
    code: str
    offices: tuple[str, ...]  # "head of state", "foreign minister", ...
    title: str  # what the news calls the holder: "president", "supreme leader"
    start: dt.date
    end: dt.date | None
    source: str  # file:line, for error messages and debugging

    def holds(self, office: str) -> bool:
        return office in self.offices or office == self.title

    def serves_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Group:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    code: str
    kind: str
    # A group whose role changed ("the Taliban", in power since 2021-08-15): `code` from
    # `since` on, `earlier_code` before it.
    since: dt.date | None = None
    earlier_code: str | None = None

    def on(self, day: dt.date | None) -> "Group":
        """The group as an article of `day` names it (its code then; today's when undated)."""
        if self.since is None or self.earlier_code is None or day is None or day >= self.since:
            return self
        return dataclasses.replace(self, code=self.earlier_code, since=None, earlier_code=None)


@dataclass(frozen=True)
class Role:
    """A generic role noun or phrase ("rebels", "foreign minister", "gunmen")."""

    phrases: tuple[str, ...]
    role: str  # a role code ("REB", "GOV") or empty for honorifics and anaphors
    country: str  # modifier (then the article's focus), focus, none
    office: str | None  # the office or title it names, for "the foreign minister"
    refers: str  # "", person, group, honorific

    @property
    def label(self) -> str:
        return self.phrases[0]


Entity = Country | Person | Group | Role


@dataclass(frozen=True)
class Entry:
    """What a phrase in the index stands for."""

    kind: str  # country, capital, demonym, person, surname, group, role
    entity: Entity
    acronym: bool  # matched only when the text is in capitals too
    plural: bool = False  # a role phrase's derived plural ("ministers")
    # A short alias with a capital inside ("LeT", "JeM"): matched as written or in capitals,
    # never as an English word at the start of a sentence ("Let us recall ...").
    written: str | None = None


# When one phrase has entries of several kinds, the most specific wins.
KIND_PRIORITY = {"group": 0, "person": 1, "country": 2, "capital": 3, "demonym": 4, "surname": 5, "role": 6}


def _plural(phrase: str) -> str | None:
    """The plural of a role phrase's last word, where English makes it regularly."""
    head, _, last = phrase.rpartition(" ")
    if not last or last.endswith("s"):
        return None
    if last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def _surnames(name: str) -> list[str]:
    """"Bashar al-Assad" -> ["al-Assad", "Assad"]; "Sergey Lavrov" -> ["Lavrov"]."""
    parts = name.replace("-", " ").split()
    if len(parts) < 2:
        return []
    out = [parts[-1]]
    if len(parts) >= 3 and parts[-2].casefold() in SURNAME_PARTICLES:
        out.insert(0, " ".join(parts[-2:]))
    return out


def _parse_date(path: Path, line: int, column: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise KnowledgeError(str(path), f"bad date {value!r} in column {column} (use YYYY-MM-DD)", line) from exc


def _need(path: Path, line: int, row: dict[str, str], columns: Iterable[str]) -> None:
    for column in columns:
        if not row.get(column):
            raise KnowledgeError(str(path), f"missing required value in column {column}", line)


def _header(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(str(path), "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), f"cannot be read as UTF-8 text ({exc})") from exc
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return [c.strip() for c in line.split("\t")]
    raise KnowledgeError(str(path), "empty file: a header line is needed")


class ActorKB:
    """Countries, people, groups and roles with their name index. Build with `load()`."""

    def __init__(self, countries: Sequence[Country], people: Sequence[Person],
                 groups: Sequence[Group], roles: Sequence[Role]) -> None:
        self.countries: dict[str, Country] = {c.iso3: c for c in countries}
        self.people = tuple(people)
        # country -> its people, so that an office's holders are found without reading them all
        self.people_of: dict[str | None, tuple[Person, ...]] = {}
        for person in self.people:
            self.people_of[person.country] = (*self.people_of.get(person.country, ()), person)
        self.groups = tuple(groups)
        self.roles = tuple(roles)
        # phrase key -> entries; first word -> longest phrase length, for the matcher
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.fuzzy: dict[str, set[str]] = defaultdict(set)  # one-deletion key -> phrase keys
        # keys of names written with a possessive inside ("Lord's Resistance Army"): only
        # these may run across a possessive word, which otherwise ends a name
        self.possessive_keys: set[str] = set()
        self._build_index()
        # "the group", "the movement": the anaphors' head nouns and their index entries, for
        # the same head under a description ("the Iran-aligned group")
        self.anaphors: dict[str, list[Entry]] = {
            phrase.split()[-1]: list(self.entries(name_key(phrase))) for role in self.roles
            if role.refers == "group" and not role.role for phrase in role.phrases if phrase.startswith("the ")}
        self.max_words: dict[str, int] = {}
        for key in self.index:
            first, n = key.split(" ", 1)[0], key.count(" ") + 1
            self.max_words[first] = max(self.max_words.get(first, 0), n)

    # -- loading ---------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> "ActorKB":
        """The shipped files plus user files (people or groups, told apart by header)."""
        countries = _read_countries(data_path("countries.tsv"))
        known = {c.iso3 for c in countries}
        people = list(_read_people(data_path("people.tsv"), known))
        groups = list(_read_groups(data_path("groups.tsv"), known))
        roles = list(_read_roles(data_path("roles.tsv")))
        for path in extra:
            path = Path(path)
            header = set(_header(path))
            if "office" in header:
                people.extend(_read_people(path, known))
            elif "kind" in header:
                groups.extend(_read_groups(path, known))
            else:
                raise KnowledgeError(
                    str(path),
                    "header matches neither people.tsv (needs an office column) nor groups.tsv "
                    "(needs a kind column); see docs/knowledge-actors.md", None)
        return cls(countries, people, groups, roles)

    def _add(self, phrase: str, entry: Entry) -> None:
        key = name_key(phrase)
        if entry.kind != "role" and key.startswith("the "):
            # "the UN" would otherwise swallow the start of "the UN refugee agency"
            key = key[len("the "):]
        if not key:
            return
        if POSSESSIVE_INSIDE_RE.search(phrase):
            self.possessive_keys.add(key)
        entries = self.index[key]
        for k, existing in enumerate(entries):
            if existing.entity is entry.entity and existing.kind == entry.kind:
                if existing.acronym and not entry.acronym:
                    entries[k] = entry  # "SANA" and "Sana": the mixed-case alias admits both
                return
        entries.append(entry)

    def _build_index(self) -> None:
        for country in self.countries.values():
            for name in (country.name, *country.aliases):
                self._add(name, Entry("country", country, _is_acronym(name)))
            for demonym in country.demonyms:
                for form in (demonym, *plural_demonyms(demonym)):
                    self._add(form, Entry("demonym", country, False))
            for capital in country.capitals:
                self._add(capital, Entry("capital", country, _is_acronym(capital)))
        for person in self.people:
            for name in (person.name, *person.aliases):
                self._add(name, Entry("person", person, _is_acronym(name)))
                self._add_fuzzy(name)
            for short in person.short:
                self._add(short, Entry("surname", person, False))
        for group in self.groups:
            for name in (group.name, *group.aliases):
                self._add(name, Entry("group", group, _is_acronym(name), written=_mixed_acronym(name)))
                self._add_fuzzy(name)
        for role in self.roles:
            for phrase in role.phrases:
                self._add(phrase, Entry("role", role, False))
                plural = _plural(phrase) if role.refers != "honorific" else None
                if plural:
                    self._add(plural, Entry("role", role, False, plural=True))
        for entries in self.index.values():
            entries.sort(key=lambda e: KIND_PRIORITY[e.kind])

    def _add_fuzzy(self, name: str) -> None:
        key = name_key(name)
        if len(key) < FUZZY_MIN_CHARS or _is_acronym(name):
            return
        for variant in (key, *_deletions(key)):
            self.fuzzy[variant].add(key)

    # -- lookups ---------------------------------------------------------------------

    def is_name(self, word: str) -> bool:
        """Whether a single word is a name here (a country, demonym, capital, person or
        group), not only a role noun."""
        return any(e.kind != "role" and not e.acronym for e in self.index.get(name_key(word), ()))

    def acronyms(self) -> set[str]:
        """Every name written as an acronym ("FMLN", "UN"): recasing keeps them in capitals."""
        names: set[str] = set()
        for country in self.countries.values():
            names.update(n for n in (country.name, *country.aliases, *country.capitals) if _is_acronym(n))
        for entity in (*self.people, *self.groups):
            names.update(n for n in (entity.name, *entity.aliases) if _is_acronym(n))
        return {n for n in names if n.isalpha() and len(n) >= 2}

    def country(self, iso3: str) -> Country | None:
        return self.countries.get(iso3)

    def entries(self, key: str) -> list[Entry]:
        """Index entries of an already normalised key (see `name_key`)."""
        return self.index.get(key, [])

    def fuzzy_key(self, key: str) -> str | None:
        """The one indexed name within one edit of `key`, or None (none, or several)."""
        if len(key) < FUZZY_MIN_CHARS:
            return None
        # Symmetric deletion: two keys within one insertion, deletion or substitution
        # of each other share a one-deletion variant.
        found: set[str] = set()
        for variant in (key, *_deletions(key)):
            found |= self.fuzzy.get(variant, set())
        return found.pop() if len(found) == 1 else None

    def lookup(self, name: str, on: dt.date | None = None) -> list[Entity]:
        """Everything `name` may stand for, people narrowed to those in office `on` if any are."""
        entries = self.entries(name_key(name))
        people = [e.entity for e in entries if isinstance(e.entity, Person)]
        serving = [p for p in people if p.serves_on(on)] if on is not None else []
        out: list[Entity] = []
        for entry in entries:
            if isinstance(entry.entity, Person) and serving and entry.entity not in serving:
                continue
            if entry.entity not in out:
                out.append(entry.entity)
        return out

    def tenures(self, person_name: str) -> list[Person]:
        """Every row of the person with this canonical name, earliest first."""
        return sorted((p for p in self.people if p.name == person_name), key=lambda p: p.start)

    def tenure_on(self, person: Person, on: dt.date | None) -> Person:
        """The row of `person` that applies on `on`: the one serving, else the latest before."""
        rows = self.tenures(person.name) or [person]
        serving = [p for p in rows if p.serves_on(on)]
        if serving:
            return serving[-1]
        if on is not None:
            earlier = [p for p in rows if p.start <= on]
            if earlier:
                return earlier[-1]
        return rows[-1]

    def ever_held(self, country: str | None, office: str) -> bool:
        """Whether anyone the knowledge lists held `office` (or the title) for `country`, at any time."""
        return any(p.holds(office) for p in self.people_of.get(country, ()))

    def holder(self, country: str | None, office: str, on: dt.date | None) -> Person | None:
        """Who held `office` (or the title) for `country` on `on` (None: now)."""
        found = [p for p in self.people_of.get(country, ()) if p.holds(office) and p.serves_on(on)]
        if not found:
            return None
        # Prefer the row that names the office as its title ("president" over "head of state").
        found.sort(key=lambda p: (p.title != office, -p.start.toordinal()))
        return found[0]


def _deletions(key: str) -> Iterator[str]:
    for i in range(len(key)):
        yield key[:i] + key[i + 1:]


def _read_countries(path: Path) -> list[Country]:
    out: list[Country] = []
    for line, row in read_tsv(path, COUNTRY_COLUMNS):
        _need(path, line, row, ("iso3", "name"))
        if not ISO3_RE.match(row["iso3"]):
            raise KnowledgeError(str(path), f"bad ISO3 code {row['iso3']!r} (three capital letters)", line)
        out.append(Country(row["iso3"], row["name"], tuple(alternatives(row["aliases"])),
                           tuple(alternatives(row["demonyms"])), tuple(alternatives(row["capitals"]))))
    return out


def _check_country(path: Path, line: int, value: str, known: set[str]) -> str | None:
    if not value:
        return None
    if value not in known:
        raise KnowledgeError(str(path), f"bad ISO3 code {value!r}: not in countries.tsv", line)
    return value


def _check_code(path: Path, line: int, code: str) -> str:
    if not CODE_RE.match(code):
        raise KnowledgeError(str(path), f"bad CAMEO code {code!r} (capital letters only, e.g. RUSGOV)", line)
    return code


def _read_people(path: Path, known: set[str]) -> Iterator[Person]:
    for line, row in read_tsv(path, PEOPLE_REQUIRED, PEOPLE_OPTIONAL):
        _need(path, line, row, PEOPLE_REQUIRED)
        start = _parse_date(path, line, "start", row["start"])
        end = _parse_date(path, line, "end", row["end"]) if row.get("end") else None
        if end is not None and end < start:
            raise KnowledgeError(str(path), f"end {end} is before start {start}", line)
        offices = tuple(o.casefold() for o in alternatives(row["office"]))
        title = (row.get("title") or DEFAULT_TITLES.get(offices[0], offices[0])).casefold()
        short_cell = row.get("short", "")
        short = () if short_cell == NO_SHORT else tuple(alternatives(short_cell)) or tuple(_surnames(row["name"]))
        yield Person(
            name=row["name"], aliases=tuple(alternatives(row.get("aliases", ""))), short=short,
            country=_check_country(path, line, row.get("country", ""), known),
            code=_check_code(path, line, row["code"]), offices=offices, title=title,
            start=start, end=end, source=f"{path}:{line}",
        )


def _read_groups(path: Path, known: set[str]) -> Iterator[Group]:
    for line, row in read_tsv(path, GROUP_REQUIRED, GROUP_OPTIONAL):
        _need(path, line, row, GROUP_REQUIRED)
        if row["kind"] not in GROUP_KINDS:
            raise KnowledgeError(
                str(path), f"unknown kind {row['kind']!r} (one of {', '.join(sorted(GROUP_KINDS))})", line)
        since, earlier = row.get("since", ""), row.get("earlier_code", "")
        if bool(since) != bool(earlier):
            raise KnowledgeError(str(path), "since and earlier_code go together (the day the code starts, the code "
                                            "before it)", line)
        try:
            day = dt.date.fromisoformat(since) if since else None
        except ValueError as exc:
            raise KnowledgeError(str(path), f"since {since!r} is not a date (YYYY-MM-DD)", line) from exc
        yield Group(row["name"], tuple(alternatives(row.get("aliases", ""))),
                    _check_country(path, line, row.get("country", ""), known),
                    _check_code(path, line, row["code"]), row["kind"], since=day,
                    earlier_code=_check_code(path, line, earlier) if earlier else None)


def _read_roles(path: Path) -> Iterator[Role]:
    for line, row in read_tsv(path, ROLE_REQUIRED, ROLE_OPTIONAL):
        _need(path, line, row, ROLE_REQUIRED)
        if row["country"] not in ROLE_COUNTRY_SOURCES:
            raise KnowledgeError(
                str(path), f"bad country source {row['country']!r} (modifier, focus or none)", line)
        refers = row.get("refers", "")
        if refers not in ROLE_REFERS:
            raise KnowledgeError(str(path), f"bad refers value {refers!r} (person, group, honorific or empty)", line)
        role = row.get("role", "")
        if role and not ROLE_CODE_RE.match(role):
            raise KnowledgeError(str(path), f"bad role code {role!r} (three capital letters, e.g. REB)", line)
        if not role and not refers:
            raise KnowledgeError(str(path), "a row needs a role code unless it is an anaphor or honorific", line)
        yield Role(tuple(p.casefold() for p in alternatives(row["phrases"])), role, row["country"],
                   (row.get("office") or "").casefold() or None, refers)
