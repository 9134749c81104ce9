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
("FMLN", "UN") stay in capitals, and so do dotted abbreviations ("U.S."). The model is
large (about 500 MB once loaded): it loads on the first text in capitals a process
meets, never before.

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

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

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
# Endings of inflected forms, with what turns the stem back into the listed word
# ("seized" -> "seize", "days" -> "day", "cities" -> "city", "fighting" -> "fight").
INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
               ("ing", ""), ("ing", "e"))


class Recaser:
    """Restores the case of upper-case text; holds the truecase model once loaded."""

    def __init__(self, keep_upper: Iterable[str] = (), *, common_words: Iterable[str] = (),
                 is_name: Callable[[str], bool] = lambda word: False,
                 is_known_name: Callable[[str], bool] = lambda word: False) -> None:
        # lower-cased acronyms that are written in capitals whatever the model says
        self.keep_upper = frozenset(word.lower() for word in keep_upper)
        # lower-case English words, for the words the model has never seen
        self.common_words = frozenset(common_words)
        self.is_name = is_name
        # a name well known enough to win over an English word in a headline ("DOHA", a
        # country, a group; not "BORDER", which is also a hamlet somewhere)
        self.is_known_name = is_known_name
        self._model: Any = None

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
    def model(self) -> Any:
        if self._model is None:
            from truecase import TrueCaser  # a 76 MB pickle: loaded on first need only

            self._model = TrueCaser()
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

    def _acronym(self, word: str) -> bool:
        """A known acronym that is no common word ("FMLN"; not "WHO" or "CAR")."""
        return word in self.keep_upper and word not in self.model.word_casing_lookup.get(word, ())

    def _recase_segment(self, text: str, start: int, end: int, chars: list[str]) -> None:
        for sentence in _sentences(text, start, end):
            tokens = [m for m in sentence if m.group()]
            words = [m.group().lower() for m in tokens]
            cased = self.model.get_true_case_from_tokens(words, out_of_vocabulary_token_option="title")
            lookup = self.model.word_casing_lookup
            first_word = True
            for match, word in zip(tokens, cased):
                original = match.group()
                if not original[0].isalpha():
                    continue
                lower = original.lower()
                if "." in original or self._acronym(lower):
                    word = original.upper()
                elif lower not in lookup and lower in self.common_words and not self.is_name(original.title()):
                    word = lower
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


def upper_share(text: str) -> float:
    """The share of capitals among the letters that have a case."""
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
        words = TOKEN_RE.findall(line)
        if sum(w[0].isalpha() for w in words) >= HEADLINE_MIN_WORDS and upper_share(line) >= UPPER_SHARE:
            yield position, position + len(line)
        position += len(line)
