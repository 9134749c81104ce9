"""Part of speech, morphology and lemmas exactly as the model's `attribute_ruler` and
`lemmatizer` set them, in a fraction of their time.

Together the two stock components cost about an eighth of the parse, as much as the
parser itself, for work that is mostly table look-ups:

- `attribute_ruler` runs a `Matcher` of some 180 patterns over every token, nearly all of
  them one token long ("tag NN", "lower 'it' and dep nsubj"). Testing every pattern at
  every token is what costs. `FastAttributeRuler` indexes the one-token patterns by the
  values they require, so a token meets only the few patterns that can fit it, and
  leaves the longer patterns to a `Matcher` of their own. The matches are applied by the
  stock component's own `set_annotations`, in its order (pattern order, later rules
  winning), so the result is the same.
- `lemmatizer` (rule mode) caches its answer only for words that reach its suffix rules;
  for the rest (base forms: singular nouns, infinitives, most adjectives) it reads the
  token's morphology into a dict every time. A token's lemma depends only on its text,
  part of speech and morphology, so `CachedLemmatizer` remembers it by those three for
  every word and asks the stock lemmatizer once per distinct triple.

`use_fast_morphology(nlp)` swaps them in, in place and under the same names;
`tests/test_morphology.py` checks token by token, on real news text, that the
annotations are those of the stock pipeline.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# The token attributes one-token patterns may test here (others go to the Matcher), in
# the column order of `Doc.to_array`.
INDEXED = ("TAG", "LOWER", "DEP", "IS_SPACE")
# The order in which a pattern's equality tests are tried as its index key: the most
# selective first, so that a token meets few candidate patterns.
KEY_PREFERENCE = ("LOWER", "DEP", "TAG", "IS_SPACE")


@dataclass(frozen=True)
class _Test:
    column: int  # index into INDEXED
    allowed: frozenset[int] | None  # the values that pass (None: any but `refused`)
    refused: frozenset[int] = frozenset()


@dataclass(frozen=True)
class _Pattern:
    attr_id: int  # the rule's position in the attribute ruler: later ones win
    match_id: int
    tests: tuple[_Test, ...]

    def fits(self, row: list[int]) -> bool:
        for test in self.tests:
            value = row[test.column]
            if test.allowed is not None and value not in test.allowed:
                return False
            if value in test.refused:
                return False
        return True


def _value_hash(ruler: AttributeRuler, attribute: str, value: Any) -> int:
    if attribute == "IS_SPACE":
        return int(bool(value))
    return int(ruler.vocab.strings.add(str(value)))


def _test(ruler: AttributeRuler, attribute: str, spec: Any) -> _Test | None:
    """The test for one attribute of a one-token pattern, or None when this index cannot
    express it (a regular expression, an attribute not in INDEXED)."""
    if attribute not in INDEXED:
        return None
    column = INDEXED.index(attribute)
    if not isinstance(spec, dict):
        return _Test(column, frozenset({_value_hash(ruler, attribute, spec)}))
    if set(spec) == {"IN"}:
        return _Test(column, frozenset(_value_hash(ruler, attribute, v) for v in spec["IN"]))
    if set(spec) == {"NOT_IN"}:
        return _Test(column, None, frozenset(_value_hash(ruler, attribute, v) for v in spec["NOT_IN"]))
    return None


class FastAttributeRuler:
    """The stock attribute ruler's rules, matched through an index (see the module
    docstring); its `set_annotations` applies them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.name = "attribute_ruler"
        # per column: value hash -> the patterns indexed under it
        self._index: list[dict[int, list[_Pattern]]] = [{} for _ in INDEXED]
        self._everywhere: list[_Pattern] = []  # patterns with no equality test to index by
        self._matcher = Matcher(ruler.vocab)
        for attr_id, rule in enumerate(ruler.patterns):
            match_id = int(ruler.vocab.strings.add(str(attr_id)))
            for pattern in rule["patterns"]:
                self._add(attr_id, match_id, pattern)

    def _add(self, attr_id: int, match_id: int, pattern: list[dict[str, Any]]) -> None:
        tests = [_test(self.ruler, attribute, spec) for attribute, spec in pattern[0].items()] if len(pattern) == 1 else [None]
        if any(test is None for test in tests):
            self._matcher.add(match_id, [pattern])
            return
        compiled = _Pattern(attr_id, match_id, tuple(t for t in tests if t is not None))
        keyed = sorted((t for t in compiled.tests if t.allowed is not None),
                       key=lambda t: KEY_PREFERENCE.index(INDEXED[t.column]))
        if not keyed:
            self._everywhere.append(compiled)
            return
        for value in keyed[0].allowed or ():
            self._index[keyed[0].column].setdefault(value, []).append(compiled)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The stock `AttributeRuler.match`: (rule, match id, start, end), sorted."""
        found: list[tuple[int, int, int, int]] = []
        append = found.append
        columns = [(column, table) for column, table in enumerate(self._index) if table]
        everywhere = self._everywhere
        for i, row in enumerate(doc.to_array(list(INDEXED)).tolist()):
            for column, table in columns:
                candidates = table.get(row[column])
                if candidates:
                    for pattern in candidates:
                        # a pattern with one test passed it by being found under this value
                        if len(pattern.tests) == 1 or pattern.fits(row):
                            append((pattern.attr_id, pattern.match_id, i, i + 1))
            for pattern in everywhere:
                if pattern.fits(row):
                    append((pattern.attr_id, pattern.match_id, i, i + 1))
        if len(self._matcher):
            strings = self.ruler.vocab.strings
            found.extend((int(strings[match_id]), match_id, start, end)
                         for match_id, start, end in self._matcher(doc, allow_missing=True, as_spans=False))
        found.sort()
        return found

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


class CachedLemmatizer:
    """The stock lemmatizer with its answer remembered for every (text, part of speech,
    morphology) it has seen, not only for the words that reach its rules."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.name = "lemmatizer"
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._lemmatize: Callable[[Any], list[str]] = lemmatizer.lemmatize

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer, lemmas, strings = self.lemmatizer, self._lemmas, doc.vocab.strings
        overwrite = lemmatizer.overwrite
        for token in doc:
            if not overwrite and token.lemma != 0:
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = lemmas[key] = int(strings.add(self._lemmatize(token)[0]))
            token.lemma = lemma
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
