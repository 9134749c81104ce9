"""Upper-case copy recased, so that the parser and the entity rules see normal text.

Wire archives, some feeds and many headlines are written all in capitals. spaCy's small
model reads "THE ARMY ATTACKED SAN MIGUEL" as a string of proper nouns, and the acronym
rules of the actor stage would read "IS" as the Islamic State. `Recaser.recase` gives the
text back with each word in its usual case ("The army attacked San Miguel"), one character
for one character, so every offset into the recased text is an offset into the original.

A text written all in capitals takes the casing of each word from the `truecase`
package's English model (word and word-pair case statistics, after Lita et al.,
"tRuEcasIng", ACL 2003); words it has never seen are names, title-cased, unless neither
the gazetteer nor the actor knowledge knows them as names and the English word lists of
the spaCy model's lemmatizer do as words ("MINIBUS"). Acronyms the actor knowledge lists
("FMLN", "UN") stay in capitals, and so do dotted abbreviations ("U.S."). "MAY" and
"MARCH" are months beside a day's number ("ON 3 MAY 1994") and after a preposition of
time ("SINCE MAY"), whatever the model says: it reads "3 MAY" as the modal. The package's
model is a pickle of Python dictionaries, about 500 MB in every process that loads it;
`CaseModel` holds the same counts compacted into one file of sorted arrays (about 35 MB)
that every process maps from disk and reads only where it looks up, so the operating
system keeps one copy for all workers. It is derived from the installed package's model
on the first text in capitals any process meets, and cached beside the gazetteer's
index (`$SITROOM_CACHE`, else `~/.cache/sitroom/`); nothing is downloaded.

A line in capitals inside mixed-case text (a headline, a "PUBLISHED: MONDAY" stamp) needs
no model: the article itself says how its words are written. Each word takes the casing
the rest of the article gives it away from the start of a sentence ("the Rapid Support
Forces", "in Kamanyola", "a US envoy"); a word the article does not write otherwise is
lower-case when it is an English word (a stop word, or a form of a word of the
lemmatizer's lists: "seize", "seized", "days"), unless it is a known acronym or a
well-known name (a country, a group or person of the actor knowledge, a place of 100,000
people: "GAZA", "CAIRO"), and a name otherwise; days and months are names; the line's
first word starts with a capital.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import mmap
import os
import pickle
import re
import string
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from .errors import KnowledgeError
from .knowledge import default_cache_dir

# A text (or a line of one) is upper-case copy when this share of its letters are capitals.
UPPER_SHARE = 0.8
# A line in capitals inside mixed-case text (a headline) is recased only when it has at
# least this many words: shorter ones are acronyms, labels or names ("UN", "BREAKING").
HEADLINE_MIN_WORDS = 4
# Tokens as the truecase model was trained on them: words, numbers, single punctuation;
# a dotted abbreviation ("U.S.", "A.M.") is one token and keeps its capitals.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+|\d+|[^\w\s]")
SENTENCE_END = frozenset({".", "!", "?"})
# A blank line (or a line that starts with an indent) ends a paragraph: the next word
# starts a sentence.
PARAGRAPH_RE = re.compile(r"\n[ \t]*\n|\n[ \t]+")
# Names of days and months, which the word lists hold in lower case; those that are also
# English words ("may", "march", "sun") are names only beside a number ("MAY 3", "13 MARCH").
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues thu thur thurs fri "
    "january february april june july august september october november december "
    "jan feb apr jun jul aug sep sept oct nov dec".split())
CALENDAR_IF_DATED = frozenset({"may", "march", "mar", "wed", "sat", "sun"})
# In copy all in capitals, "MAY" and "MARCH" are months after a day's number ("ON 3 MAY
# 1990", "THE 17 MARCH ATTACK") unless a verb follows as after the modal ("SOME 20 MAY
# HAVE DIED"), and after a preposition of time, which no modal or verb follows ("SINCE
# MAY", "UNTIL MARCH").
MONTHS_LIKE_WORDS = frozenset({"may", "march", "mar"})
MONTH_AFTER = frozenset({"in", "since", "until", "till", "during", "from", "through", "early", "late", "mid",
                         "last", "next"})
# Prepositions that make the number after them a day: "ON 3 MAY", "SINCE 17 MARCH".
DAY_AFTER = frozenset({"on", "since", "until", "till", "from", "between"})
# Words after "20 MAY" that make it the modal: "MAY HAVE", "MAY BE", "MAY NOT", "MAY ALSO".
MODAL_FOLLOWERS = frozenset({"have", "be", "not", "also", "still", "never", "well", "yet", "only", "even",
                             "already", "soon", "now", "then", "all", "both"})
# Endings of inflected forms, with what turns the stem back into the listed word
# ("seized" -> "seize", "days" -> "day", "cities" -> "city", "fighting" -> "fight").
INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
               ("ing", ""), ("ing", "e"))


class Recaser:
    """Restores the case of upper-case text; holds the truecase model once loaded."""

    def __init__(self, keep_upper: Iterable[str] = (), *, common_words: Iterable[str] = (),
                 is_name: Callable[[str], bool] = lambda word: False,
                 is_known_name: Callable[[str], bool] = lambda word: False,
                 cache_dir: Path | None = None) -> None:
        # lower-cased acronyms that are written in capitals whatever the model says
        self.keep_upper = frozenset(word.lower() for word in keep_upper)
        # lower-case English words, for the words the model has never seen
        self.common_words = frozenset(common_words)
        self.is_name = is_name
        # a name well known enough to win over an English word in a headline ("DOHA", a
        # country, a group; not "BORDER", which is also a hamlet somewhere)
        self.is_known_name = is_known_name
        self.cache_dir = cache_dir  # where the compacted case model is kept (None: the default)
        self._model: CaseModel | None = None

    @classmethod
    def for_pipeline(cls, nlp: Language, keep_upper: Iterable[str], is_name: Callable[[str], bool],
                     is_known_name: Callable[[str], bool] = lambda word: False) -> "Recaser":
        """A recaser that knows the English words of `nlp`'s lemmatizer tables (WordNet's
        word lists, in the English models)."""
        words: set[str] = set()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                for listed in lookups.get_table("lemma_index").values():
                    words.update(w for w in listed if w.isalpha())
        return cls(keep_upper, common_words=words, is_name=is_name, is_known_name=is_known_name)

    @property
    def model(self) -> "CaseModel":
        if self._model is None:  # mapped on first need only
            self._model = CaseModel.load(self.cache_dir)
        return self._model

    def recase(self, text: str) -> str:
        """`text` with its upper-case copy recased; the same length, character for character."""
        segments = list(upper_segments(text))
        if not segments:
            return text
        chars = list(text)
        if segments == [(0, len(text))]:
            self._recase_segment(text, 0, len(text), chars)
        else:
            casing = _article_casing(text, segments)
            for start, end in segments:
                self._recase_line(text, start, end, chars, casing)
        return "".join(chars)

    def _english(self, lower: str) -> bool:
        """An English word or one of its inflected forms ("seized", "days", "fighting")."""
        if lower in STOP_WORDS or lower in self.common_words:
            return True
        return any(lower.endswith(suffix) and lower[:-len(suffix)] + restore in self.common_words
                   for suffix, restore in INFLECTIONS if len(lower) > len(suffix) + 2)

    def _recase_line(self, text: str, start: int, end: int, chars: list[str], casing: dict[str, str]) -> None:
        """A line in capitals inside mixed-case text, cased as the article writes its words."""
        first_word = True
        tokens = list(TOKEN_RE.finditer(text, start, end))
        for i, match in enumerate(tokens):
            original = match.group()
            if not original[0].isalpha():
                continue
            lower = original.lower()
            if lower in CALENDAR or (lower in CALENDAR_IF_DATED and any(
                    t.group().isdigit() for t in tokens[max(0, i - 1):i + 2])):
                word = original.title()  # "WEDNESDAY, MARCH 13": a day's and a month's names
            elif lower in casing and not (casing[lower].islower() and (
                    not self._english(lower) or self.is_known_name(original.title()))):
                word = casing[lower]  # (a name seen only in lower case is a web address's)
            elif "." in original or (lower in self.keep_upper and lower not in STOP_WORDS):
                word = original.upper()
            elif lower in STOP_WORDS or (self._english(lower) and not self.is_known_name(original.title())):
                word = lower
            else:
                word = original.title()
            if first_word:
                word = word[:1].upper() + word[1:]
            first_word = False
            if len(word) == len(original) and word.lower() == lower:
                chars[match.start():match.end()] = list(word)

    def _plural_of_name(self, lower: str) -> bool:
        """A plural ("colombians") whose singular the model knows as a name ("Colombian"):
        a model that saw the plural only in capitals learnt a headline's casing."""
        if not lower.endswith("s") or len(lower) < 5 or lower in self.keep_upper:
            return False
        return any(form[:1].isupper() and form[1:].islower() for form in self.model.forms(lower[:-1]))

    def _acronym(self, word: str) -> bool:
        """A known acronym that is no common word ("FMLN"; not "WHO" or "CAR")."""
        return word in self.keep_upper and word not in self.model.forms(word)

    def _a_month(self, tokens: Sequence[re.Match[str]], i: int) -> bool:
        """"MAY" or "MARCH" as a month: after a day's number, unless a verb follows as after
        the modal ("20 MAY DIE"), or after a preposition of time."""
        before = tokens[i - 1].group().lower() if i > 0 else ""
        after = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        if before in MONTH_AFTER:
            return True
        if not (before.isdigit() and 1 <= int(before) <= 31):
            return False
        if i > 1 and tokens[i - 2].group().lower() in DAY_AFTER:
            return True  # "ON 3 MAY POLICE RAIDED": no modal after "on" and a number
        if not after[:1].isalpha():
            return True  # "3 MAY 1990", "3 MAY,", "ON 3 MAY."
        if after in MODAL_FOLLOWERS:
            return False
        # a modal's verb is in its base form: a plural or a gerund follows only the month
        # ("ON 3 MAY GUERRILLAS ATTACKED")
        inflected = (after.endswith("s") and not after.endswith("ss")) or after.endswith("ing")
        return after in STOP_WORDS or inflected or not self._english(after)

    def _recase_segment(self, text: str, start: int, end: int, chars: list[str]) -> None:
        for sentence in _sentences(text, start, end):
            tokens = [m for m in sentence if m.group()]
            words = [m.group().lower() for m in tokens]
            cased = self.model.true_case(words)
            first_word = True
            for i, (match, word) in enumerate(zip(tokens, cased)):
                original = match.group()
                if not original[0].isalpha():
                    continue
                lower = original.lower()
                if "." in original or self._acronym(lower):
                    word = original.upper()
                elif self._english(lower) and not self.model.forms(lower) and not self.is_name(original.title()):
                    word = lower  # an English word or its inflection the model never saw ("BODYGUARDS")
                elif word.isupper() and self._plural_of_name(lower):
                    word = original.title()  # "COLOMBIANS": seen only in capitals, a plural of "Colombian"
                elif lower in MONTHS_LIKE_WORDS and self._a_month(tokens, i):
                    word = original.title()
                elif first_word:
                    word = word[:1].upper() + word[1:]
                first_word = False
                if len(word) != len(original) or word.lower() != original.lower():
                    continue  # a case change that alters length (rare outside ASCII): keep as is
                chars[match.start():match.end()] = list(word)


def _sentences(text: str, start: int, end: int) -> Iterator[list[re.Match[str]]]:
    """Token matches of text[start:end], one list per sentence or paragraph."""
    breaks = {m.end() for m in PARAGRAPH_RE.finditer(text, start, end)}
    current: list[re.Match[str]] = []
    position = start
    for match in TOKEN_RE.finditer(text, start, end):
        if current and any(position < b <= match.start() for b in breaks):
            yield current
            current = []
        current.append(match)
        position = match.end()
        if match.group() in SENTENCE_END and _followed_by_space(text, match.end()):
            yield current
            current = []
    if current:
        yield current


def _followed_by_space(text: str, position: int) -> bool:
    """"NO.4", "3.5": a stop that runs on into the next word ends no sentence."""
    return position >= len(text) or text[position].isspace()


def _article_casing(text: str, segments: list[tuple[int, int]]) -> dict[str, str]:
    """lower-case word -> how the article writes it outside its lines in capitals, away
    from the start of a sentence or line (the most frequent casing; ties: first seen)."""
    counts: dict[str, dict[str, int]] = {}
    position = 0
    for start, end in [*segments, (len(text), len(text))]:
        previous, previous_end = "", position
        for match in TOKEN_RE.finditer(text, position, start):
            word = match.group()
            initial = not previous or previous in SENTENCE_END or "\n" in text[previous_end:match.start()]
            previous, previous_end = word, match.end()
            if initial or not word[0].isalpha():
                continue
            if word.isupper() and len(word) > 1 and _in_capitals(text, match.start()):
                continue  # a short line in capitals ("REACH PLAYOFFS") says nothing of case
            forms = counts.setdefault(word.lower(), {})
            forms[word] = forms.get(word, 0) + 1
        position = end
    return {lower: max(forms, key=forms.__getitem__) for lower, forms in counts.items()}


def _in_capitals(text: str, position: int) -> bool:
    """Whether the line around `position` is written in capitals."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return upper_share(text[start:end if end >= 0 else len(text)]) >= UPPER_SHARE


# ASCII bytes other than the capitals, and other than the small letters: what is left of an
# ASCII text's bytes with these deleted is its capitals (or small letters), counted in C.
_NOT_UPPER = bytes(b for b in range(128) if not chr(b).isupper())
_NOT_LOWER = bytes(b for b in range(128) if not chr(b).islower())


def upper_share(text: str) -> float:
    """The share of capitals among the letters that have a case."""
    if text.isascii():  # nearly all news text: counted without a call per character
        raw = text.encode("ascii")
        upper = len(raw.translate(None, _NOT_UPPER))
        return upper / (upper + len(raw.translate(None, _NOT_LOWER))) if upper else 0.0
    upper = sum(map(str.isupper, text))
    if not upper:
        return 0.0
    return upper / (upper + sum(map(str.islower, text)))


def upper_segments(text: str) -> Iterator[tuple[int, int]]:
    """Spans of upper-case copy: the whole text when it is written in capitals, else each
    line that is (a headline in capitals inside normal text)."""
    if upper_share(text) >= UPPER_SHARE:
        yield 0, len(text)
        return
    position = 0
    for line in text.splitlines(keepends=True):
        # the share first: most lines are not in capitals, and need not be cut into words
        if (upper_share(line) >= UPPER_SHARE
                and sum(w[0].isalpha() for w in TOKEN_RE.findall(line)) >= HEADLINE_MIN_WORDS):
            yield position, position + len(line)
        position += len(line)


# -- the truecase model, compacted ------------------------------------------------------------

# Bump when the file's layout changes, so an old file is never read as a new one.
CASE_MODEL_FORMAT = 1
_MAGIC = b"SITROOM-CASE\x00\x00\x00\x00"
# The truecase model's smoothing: every count is taken plus this (TrueCaser.get_score).
PSEUDO_COUNT = 5.0
# Tags that keep the four count tables' keys apart in the one sorted array of hashes.
_UNI, _BACKWARD, _FORWARD, _TRIGRAM = "u\x1f", "b\x1f", "f\x1f", "t\x1f"
_ARRAY_ALIGN = 8
# Words whose casings a CaseModel keeps decoded (a wire text repeats its words; the
# model knows 71,453): bounds the cache at a few megabytes.
FORMS_CACHED = 20_000


def _key_hash(key: str) -> int:
    """A stable 64-bit hash (Python's own `hash` changes from process to process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _hashes(keys: Sequence[str]) -> np.ndarray:
    return np.fromiter((_key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))


class CaseModel:
    """The `truecase` package's English model in a memory-mapped file: each lower-case
    word's casings, and the unigram, backward and forward bigram and trigram counts of
    cased words, looked up by a 64-bit hash of their key in sorted arrays.

    `true_case` gives what `truecase.TrueCaser.get_true_case_from_tokens(tokens, "title")`
    gives, with one difference: where two casings of a word score exactly the same, the
    package takes the first its set yields (an order that changes with each process's
    string hashing), this takes the first in sorted order, the same in every process.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            if self._map[:len(_MAGIC)] != _MAGIC:
                raise ValueError("not a sitroom case model")
            size = int.from_bytes(self._map[len(_MAGIC):len(_MAGIC) + 8], "little")
            header = json.loads(self._map[len(_MAGIC) + 8:len(_MAGIC) + 8 + size])
            if header.get("format") != CASE_MODEL_FORMAT:
                raise ValueError(f"case model format {header.get('format')}, not {CASE_MODEL_FORMAT}")
            arrays = {name: np.frombuffer(self._map, dtype=np.dtype(kind), count=count, offset=offset)
                      for name, (kind, offset, count) in header["arrays"].items()}
        except (ValueError, KeyError, TypeError) as exc:
            self._map.close()
            raise ValueError(f"{path}: {exc}") from exc
        self._word_hash = arrays["word_hash"]  # sorted; one per lower-case word
        self._word_first = arrays["word_first"]  # its first casing in `form_end`
        self._word_forms = arrays["word_forms"]  # how many casings it has
        self._form_end = arrays["form_end"]  # each casing's end in `form_blob`, UTF-8
        self._form_blob = arrays["form_blob"]
        self._key_hash = arrays["key_hash"]  # sorted; one per count
        self._key_count = arrays["key_count"]
        self._forms: dict[str, tuple[str, ...]] = {}  # the words met so far (at most FORMS_CACHED)

    def forms(self, lower: str) -> tuple[str, ...]:
        """How the model saw `lower` written (sorted); () for a word it never saw."""
        found = self._forms.get(lower)
        if found is None:
            self._look_up([lower])
            found = self._forms[lower]
        return found

    def _look_up(self, words: Iterable[str]) -> None:
        """Find the casings of these words in one search, into the cache."""
        wanted = sorted({w for w in words if w not in self._forms})
        if not wanted:
            return
        if len(self._forms) + len(wanted) > FORMS_CACHED:
            self._forms.clear()
        for lower, found in zip(wanted, self._find(self._word_hash, _hashes(wanted))):
            forms: tuple[str, ...] = ()
            if found >= 0:
                first = int(self._word_first[found])
                ends = self._form_end[first:first + int(self._word_forms[found])].tolist()
                starts = [int(self._form_end[first - 1]) if first else 0, *ends[:-1]]
                forms = tuple(bytes(self._form_blob[s:e]).decode("utf-8", "surrogatepass")
                              for s, e in zip(starts, ends))
                if forms[0].lower() != lower:  # a hash shared with an unseen word
                    forms = ()
            self._forms[lower] = forms

    @staticmethod
    def _find(sorted_hashes: np.ndarray, wanted: np.ndarray) -> list[int]:
        """The index of each hash in `sorted_hashes`, or -1."""
        at = np.minimum(np.searchsorted(sorted_hashes, wanted), len(sorted_hashes) - 1)
        return np.where(sorted_hashes[at] == wanted, at, -1).tolist()

    def _counts(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = list(set(keys))
        if not wanted:
            return {}
        wanted_hashes = _hashes(wanted)
        at = np.minimum(np.searchsorted(self._key_hash, wanted_hashes), len(self._key_hash) - 1)
        counts = np.where(self._key_hash[at] == wanted_hashes, self._key_count[at], 0).tolist()
        return dict(zip(wanted, counts))

    def true_case(self, tokens: Sequence[str]) -> list[str]:
        """The casing of each token of one sentence, by the truecase model's scores
        (unseen words title-cased, the first word capitalised)."""
        forms: list[tuple[str, ...]] = []
        outputs: list[tuple[str, ...]] = []  # what each token may come out as (the next one's context)
        self._look_up(token.lower() for token in tokens)
        for i, token in enumerate(tokens):
            if token in string.punctuation or token.isdigit():
                forms.append(())
                outputs.append((token,))
                continue
            seen = self.forms(token.lower())
            forms.append(seen)
            if not seen:
                outputs.append((token.lower().title(),))
            else:
                outputs.append(tuple(dict.fromkeys(f.capitalize() for f in seen)) if i == 0 else seen)
        keys: list[str] = []
        for i, seen in enumerate(forms):
            if len(seen) < 2:
                continue
            after = tokens[i + 1].lower() if i + 1 < len(tokens) else None
            for form in seen:
                keys.append(_UNI + form)
                if after is not None:
                    keys.append(f"{_FORWARD}{form}_{after}")
                for before in outputs[i - 1] if i > 0 else ():
                    keys.append(f"{_BACKWARD}{before}_{form}")
                    if after is not None:
                        keys.append(f"{_TRIGRAM}{before}_{form}_{after}")
        counts = self._counts(keys)
        out: list[str] = []
        for i, token in enumerate(tokens):
            seen = forms[i]
            if not seen:
                out.append(outputs[i][0])
                continue
            if len(seen) == 1:
                best = seen[0]
            else:
                before = out[i - 1] if i > 0 else None
                after = tokens[i + 1].lower() if i + 1 < len(tokens) else None
                best, highest = seen[0], float("-inf")
                for form in seen:
                    score = self._score(counts, seen, before, form, after)
                    if score > highest:
                        best, highest = form, score
            out.append(best.capitalize() if i == 0 else best)
        return out

    @staticmethod
    def _score(counts: dict[str, int], seen: tuple[str, ...], before: str | None, form: str,
               after: str | None) -> float:
        """`TrueCaser.get_score`: the log of the unigram, bigram and trigram shares of `form`
        among the word's casings, each count smoothed by PSEUDO_COUNT."""
        def share(key: Callable[[str], str]) -> float:
            return (counts[key(form)] + PSEUDO_COUNT) / sum(counts[key(other)] + PSEUDO_COUNT for other in seen)

        score = math.log(share(lambda f: _UNI + f))
        if before is not None:
            score += math.log(share(lambda f: f"{_BACKWARD}{before}_{f}"))
        if after is not None:
            score += math.log(share(lambda f: f"{_FORWARD}{f}_{after}"))
        if before is not None and after is not None:
            score += math.log(share(lambda f: f"{_TRIGRAM}{before}_{f}_{after}"))
        return score

    @classmethod
    def load(cls, cache_dir: Path | None = None, *, source: Path | None = None) -> "CaseModel":
        """The compacted model from the cache, derived first from the installed `truecase`
        package's model (or the one at `source`) when it is not there or unreadable (some
        seconds and 500 MB for a moment, once per machine)."""
        if source is None:
            # the packaged model: the same for every install of one truecase version, so each
            # new environment (a CI clone, a fresh venv) finds the one cached file
            source = truecase_model_path()
            origin = f"truecase {importlib.metadata.version('truecase')} {source.stat().st_size}"
        else:
            stat = source.stat()
            origin = f"{source} {stat.st_size} {stat.st_mtime_ns}"
        key = hashlib.sha256(f"{CASE_MODEL_FORMAT} {origin}".encode()).hexdigest()
        directory = cache_dir or default_cache_dir()
        path = directory / f"truecase-{key[:16]}.case"
        with contextlib.suppress(OSError, ValueError):
            return cls(path)
        return cls(build_case_model(source, path))


def truecase_model_path() -> Path:
    """The English model that ships inside the `truecase` package."""
    spec = importlib.util.find_spec("truecase")
    if spec is None or spec.origin is None:
        raise KnowledgeError("the truecase package is not installed; it recases text written in capitals "
                             "(reinstall sitroom with its dependencies)")
    return Path(spec.origin).parent / "data" / "english.dist"


def build_case_model(source: Path, path: Path) -> Path:
    """Write the compacted form of the truecase model at `source` to `path` (atomically:
    processes building it at once each write their own file, and the last one stands)."""
    try:
        with source.open("rb") as handle:
            model = pickle.load(handle)
        casings: dict[str, set[str]] = model["word_casing_lookup"]
        counts: dict[str, int] = {}
        for tag, table in ((_UNI, "uni_dist"), (_BACKWARD, "backward_bi_dist"), (_FORWARD, "forward_bi_dist"),
                           (_TRIGRAM, "trigram_dist")):
            counts.update((tag + key, int(count)) for key, count in model[table].items())
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{source}: cannot read the truecase model ({exc}); reinstall the truecase "
                             "package") from exc
    del model
    words = sorted(casings)
    word_hashes = _hashes(words)
    order = np.argsort(word_hashes, kind="stable")
    form_end, blob, word_first, word_forms = [], bytearray(), [], []
    for index in order.tolist():
        word_first.append(len(form_end))
        forms = sorted(casings[words[index]])
        word_forms.append(len(forms))
        for form in forms:
            blob += form.encode("utf-8", "surrogatepass")
            form_end.append(len(blob))
    keys = list(counts)
    key_hashes = _hashes(keys)
    key_order = np.argsort(key_hashes, kind="stable")
    arrays = {
        "word_hash": word_hashes[order],
        "word_first": np.asarray(word_first, dtype=np.uint32),
        "word_forms": np.asarray(word_forms, dtype=np.uint8),
        "form_end": np.asarray(form_end, dtype=np.uint32),
        "form_blob": np.frombuffer(bytes(blob), dtype=np.uint8),
        "key_hash": key_hashes[key_order],
        "key_count": np.asarray([counts[keys[i]] for i in key_order.tolist()], dtype=np.uint32),
    }
    for name in ("word_hash", "key_hash"):
        if len(np.unique(arrays[name])) != len(arrays[name]):
            raise KnowledgeError(f"{source}: two keys of the truecase model share a hash; "
                                 f"bump CASE_MODEL_FORMAT with another hash")
    _write_arrays(path, arrays)
    return path


def _write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """One file: the magic, a JSON header of (dtype, offset, length) per array, the arrays."""
    layout: dict[str, tuple[str, int, int]] = {}
    header_room = 4096
    offset = len(_MAGIC) + 8 + header_room
    for name, array in arrays.items():
        offset += -offset % _ARRAY_ALIGN
        layout[name] = (array.dtype.str, offset, len(array))
        offset += array.nbytes
    header = json.dumps({"format": CASE_MODEL_FORMAT, "arrays": layout}).encode()
    if len(header) > header_room:
        raise ValueError("case model header too large")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".truecase-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC + len(header).to_bytes(8, "little") + header)
            for name, array in arrays.items():
                out.write(b"\x00" * (layout[name][1] - out.tell()))
                out.write(array.tobytes())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
