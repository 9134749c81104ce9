"""Part of speech, morphology and lemmas exactly as the model's `attribute_ruler` and
`lemmatizer` set them, in a fraction of their time.

Together the two stock components cost about an eighth of the parse, as much as the
parser itself, for work that is mostly table look-ups:

- `attribute_ruler` runs a `Matcher` of some 180 patterns over every token, nearly all of
  them one token long ("tag NN", "lower 'it' and dep nsubj"). Testing every pattern at
  every token is what costs. `FastAttributeRuler` applies the leading tag-map rules (tag
  -> part of speech and morphology) as two columns at once, and finds where each other
  pattern may start through the values its first token requires, so that a token meets
  only the few patterns that can fit it. The matches are applied by the stock
  component's own `set_annotations`, in its order (pattern order, later rules winning),
  so the result is the same. A pattern it cannot read (an operator, another attribute)
  goes to a `Matcher` of its own.
- `lemmatizer` (rule mode) caches its answer only for words that reach its suffix rules;
  for the rest (base forms: singular nouns, infinitives, most adjectives) it reads the
  token's morphology into a dict every time, and for a new word its rules test
  `form in index` against word lists of up to 57,000 entries, one by one. A token's
  lemma depends only on its text, part of speech and morphology, so `CachedLemmatizer`
  remembers it by those three for every word, and turns the word lists into sets.

`use_fast_morphology(nlp)` swaps them in, in place and under the same names;
`tests/test_morphology.py` checks token by token, on real news text, that the
annotations are those of the stock pipeline.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

# The token attributes the patterns may test here (a pattern that tests another, or uses
# an operator, goes to a Matcher), in the column order of `Doc.to_array`.
INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")
STRING_COLUMNS = frozenset({0, 1, 2})  # the ones a regular expression can test
# The order in which a pattern's first-token tests are tried as its index key: the most
# selective first, so that a token meets few candidate patterns.
KEY_PREFERENCE = ("LOWER", "DEP", "TAG", "IS_SPACE")


@dataclass(frozen=True)
class _Test:
    column: int  # index into INDEXED
    allowed: frozenset[int] | None = None  # the values that pass (None: any but `refused`)
    refused: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None  # the value's string must contain a match


@dataclass(frozen=True)
class _Pattern:
    """One Matcher pattern of fixed length: the tests of each of its tokens."""

    attr_id: int  # the rule's position in the attribute ruler: later ones win
    match_id: int
    tokens: tuple[tuple[_Test, ...], ...]


def _value_hash(ruler: AttributeRuler, attribute: str, value: Any) -> int:
    if attribute == "IS_SPACE":
        return int(bool(value))
    return int(ruler.vocab.strings.add(str(value)))


def _test(ruler: AttributeRuler, attribute: str, spec: Any) -> _Test | None:
    """The test for one attribute of one token, or None when this index cannot express
    it (an operator, an attribute not in INDEXED)."""
    if attribute not in INDEXED:
        return None
    column = INDEXED.index(attribute)
    if not isinstance(spec, dict):
        return _Test(column, frozenset({_value_hash(ruler, attribute, spec)}))
    if set(spec) == {"IN"}:
        return _Test(column, frozenset(_value_hash(ruler, attribute, v) for v in spec["IN"]))
    if set(spec) == {"NOT_IN"}:
        return _Test(column, None, frozenset(_value_hash(ruler, attribute, v) for v in spec["NOT_IN"]))
    if set(spec) == {"REGEX"} and column in STRING_COLUMNS:
        return _Test(column, regex=re.compile(spec["REGEX"]))  # spaCy's REGEX is re.search
    return None


class FastAttributeRuler:
    """The stock attribute ruler's rules, matched through an index (see the module
    docstring); its `set_annotations` applies them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.name = "attribute_ruler"
        # Where a pattern may start: under a value of its first token's preferred
        # equality test (per column: value -> patterns), where its first token's
        # regular expression fits, or (with neither) at any token.
        self._by_value: list[dict[int, list[_Pattern]]] = [{} for _ in INDEXED]
        self._by_regex: list[tuple[_Test, list[_Pattern]]] = []
        self._anywhere: list[_Pattern] = []
        self._matcher = Matcher(ruler.vocab)
        # The leading rules that only map a tag to a part of speech and morphology (the
        # model's tag map): tag -> the rules, and tag -> the (POS, MORPH) they leave.
        self._tag_rules: dict[int, list[tuple[int, int]]] = {}
        self._tag_values: dict[int, tuple[int, int]] = {}
        leading = True
        for attr_id, rule in enumerate(ruler.patterns):
            match_id = int(ruler.vocab.strings.add(str(attr_id)))
            leading = leading and self._add_tag_rule(attr_id, match_id, rule)
            if not leading:
                for pattern in rule["patterns"]:
                    self._add(attr_id, match_id, pattern)
        # each column's indexed values, to find in one pass the tokens worth a look
        self._keys = [(column, numpy.array(sorted(table), dtype=numpy.uint64), table)
                      for column, table in enumerate(self._by_value) if table]
        self._tag_keys = numpy.array(sorted(self._tag_rules), dtype=numpy.uint64)

    def _add_tag_rule(self, attr_id: int, match_id: int, rule: dict[str, Any]) -> bool:
        """Take `rule` into the tag map if it is one ("tag NN: POS NOUN, Number=Sing")."""
        patterns, attrs = rule["patterns"], self.ruler.attrs[attr_id]
        if (len(patterns) != 1 or len(patterns[0]) != 1 or set(patterns[0][0]) != {"TAG"}
                or not isinstance(patterns[0][0]["TAG"], str) or set(attrs) != {POS, MORPH}
                or self.ruler.indices[attr_id] != 0):
            return False
        tag = _value_hash(self.ruler, "TAG", patterns[0][0]["TAG"])
        self._tag_rules.setdefault(tag, []).append((attr_id, match_id))
        self._tag_values[tag] = (attrs[POS], attrs[MORPH])
        return True

    def _add(self, attr_id: int, match_id: int, pattern: list[dict[str, Any]]) -> None:
        tokens = [[_test(self.ruler, attribute, spec) for attribute, spec in token.items()] for token in pattern]
        if not tokens or any(test is None for token in tokens for test in token):
            self._matcher.add(match_id, [pattern])
            return
        compiled = _Pattern(attr_id, match_id, tuple(tuple(t for t in token if t is not None) for token in tokens))
        first = compiled.tokens[0]
        keyed = sorted((t for t in first if t.allowed is not None), key=lambda t: KEY_PREFERENCE.index(INDEXED[t.column]))
        if keyed:
            for value in keyed[0].allowed or ():
                self._by_value[keyed[0].column].setdefault(value, []).append(compiled)
            return
        regex = next((t for t in first if t.regex is not None), None)
        if regex is not None:
            self._by_regex.append((regex, [compiled]))
        else:
            self._anywhere.append(compiled)

    def _fits(self, test: _Test, value: int, strings: StringStore) -> bool:
        if test.allowed is not None and value not in test.allowed:
            return False
        if value in test.refused:
            return False
        # not remembered per value: that memory would grow with the vocabulary of a long ingest
        return test.regex is None or test.regex.search(strings[value]) is not None

    def _fits_at(self, pattern: _Pattern, table: list[list[int]], i: int, strings: StringStore) -> bool:
        """Whether every token test of `pattern` passes from row `i` of `table`."""
        for k, tests in enumerate(pattern.tokens):
            row = table[i + k]
            for test in tests:
                if not self._fits(test, row[test.column], strings):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        # The tag map's rules come first and set only POS and MORPH, which no rule tests:
        # applied as two columns at once, then the other rules in order, they leave what
        # the stock component leaves.
        if self._tag_values and len(doc):
            tags, pos, morph = doc.to_array([TAG, POS, MORPH]).T
            pos, morph = pos.copy(), morph.copy()
            values, inverse = numpy.unique(tags, return_inverse=True)
            for k, tag in enumerate(values.tolist()):
                found = self._tag_values.get(tag)
                if found is not None:
                    where = inverse == k
                    pos[where], morph[where] = found
            doc.from_array([POS, MORPH], numpy.stack([pos, morph], axis=1))
        self.ruler.set_annotations(doc, self.match(doc, tag_map=False))
        return doc

    def match(self, doc: Doc, *, tag_map: bool = True) -> list[tuple[int, int, int, int]]:
        """The stock `AttributeRuler.match`: (rule, match id, start, end), sorted; without
        the tag map's matches when `tag_map` is False."""
        found: list[tuple[int, int, int, int]] = []
        rows = doc.to_array(list(INDEXED))
        length = len(rows)
        if length:
            if tag_map:
                for i in numpy.flatnonzero(numpy.isin(rows[:, 0], self._tag_keys)).tolist():
                    found.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in self._tag_rules[int(rows[i, 0])])
            table = rows.tolist()  # read as Python ints once: a numpy element costs far more
            for i, patterns in self._starts(rows, doc.vocab.strings).items():
                for pattern in patterns:
                    end = i + len(pattern.tokens)
                    if end <= length and self._fits_at(pattern, table, i, doc.vocab.strings):
                        found.append((pattern.attr_id, pattern.match_id, i, end))
        if len(self._matcher):
            strings = self.ruler.vocab.strings
            found.extend((int(strings[match_id]), match_id, start, end)
                         for match_id, start, end in self._matcher(doc, allow_missing=True, as_spans=False))
        found.sort()
        return found

    def _starts(self, rows: numpy.ndarray, strings: StringStore) -> dict[int, list[_Pattern]]:
        """The tokens where some pattern may start, with the patterns that may."""
        starts: dict[int, list[_Pattern]] = {}
        for column, keys, table in self._keys:
            values = rows[:, column]
            hits = numpy.flatnonzero(numpy.isin(values, keys))
            for i, value in zip(hits.tolist(), values[hits].tolist()):
                starts.setdefault(i, []).extend(table[value])
        for test, patterns in self._by_regex:
            fitting = [v for v in numpy.unique(rows[:, test.column]).tolist() if self._fits(test, v, strings)]
            for i in numpy.flatnonzero(numpy.isin(rows[:, test.column], fitting)).tolist():
                starts.setdefault(i, []).extend(patterns)
        if self._anywhere:
            for i in range(len(rows)):
                starts.setdefault(i, []).extend(self._anywhere)
        return starts

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """The stock lemmatizer with its answer remembered for every (text, part of speech,
    morphology) it has seen, not only for the words that reach its rules."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.name = "lemmatizer"
        self.lookups = lemmatizer.lookups  # its word lists, read by others (recase.py)
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._lemmatize: Callable[[Any], list[str]] = lemmatizer.lemmatize
        # The model ships its word lists as lists, and the rules ask `form in index` of
        # each: a scan of up to 57,000 nouns for every word not seen before. As sets
        # they answer the same in constant time. (This lemmatizer is the only user of
        # these tables: the stock component it wraps is out of the pipeline.)
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for key, words in list(index.items()):
            if isinstance(words, list):
                OrderedDict.__setitem__(index, key, frozenset(words))

    def __call__(self, doc: Doc) -> Doc:
        # the keys read as one array and the lemmas written back as one: a `Token` made
        # per token, and its `morph` object, cost more than the look-up itself
        lemmas, strings = self._lemmas, doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        if not len(rows):
            return doc
        out = rows[:, 3].tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if not overwrite and lemma != 0:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = int(strings.add(self._lemmatize(doc[i])[0]))
            out[i] = found
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory("sitroom_fast_attribute_ruler")
def _fast_ruler_factory(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("sitroom_cached_lemmatizer")
def _cached_lemmatizer_factory(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def use_fast_morphology(nlp: Language) -> None:
    """Put the fast equivalents in place of the model's attribute ruler and lemmatizer
    (where it has them, the lemmatizer in rule mode), keeping their names."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("sitroom_fast_attribute_ruler", name="fast_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        nlp.rename_pipe("fast_attribute_ruler", "attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        nlp.add_pipe("sitroom_cached_lemmatizer", name="cached_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
        nlp.rename_pipe("cached_lemmatizer", "lemmatizer")
