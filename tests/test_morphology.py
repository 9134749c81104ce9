"""The fast attribute ruler and lemmatizer give, token for token, what the stock ones give."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from sitroom.morphology import CachedLemmatizer, FastAttributeRuler, use_fast_morphology
from sitroom.nlp import load_model
from sitroom.options import MODEL

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Real news text in three shapes: wire stories (ECB+), long documents (WikiEvents) and
# upper-case cables (MUC-4).
CORPORA = (("bench/ecbplus_docs.jsonl", 40), ("dev/wikievents_dev.jsonl", 10), ("dev/muc4_dev.jsonl", 10))
# Sentences of my own with the spoken forms the ruler's longer patterns are for, pronouns
# by case, "there is", auxiliaries and a stray space.
SPOKEN = [
    "Y'all gonna see it: they ain't leaving, and we gotta stay. C'mon, let's go to the checkpoint.",
    "I told you it was them. They saw me and you saw it. There were two convoys; there is a third.",
    "Did the rebels have the guns? They did, and they had help.  The army has withdrawn, but only partly.",
    "Which town fell first? The one that the militia held.\n\nOfficials said that talks would resume.",
]


def texts() -> list[str]:
    out = list(SPOKEN)
    for name, count in CORPORA:
        with (SHARED / name).open(encoding="utf-8") as lines:
            out += [json.loads(line)["text"] for line in itertools.islice(lines, count)]
    return out


def annotations(nlp: Language, docs: list[str]) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for doc in nlp.pipe(docs) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(MODEL)


def test_the_fast_components_annotate_exactly_as_the_stock_ones(stock: Language) -> None:
    fast = spacy.load(MODEL)
    use_fast_morphology(fast)
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)
    assert fast.pipe_names == stock.pipe_names
    docs = texts()
    expected = annotations(stock, docs)
    # twice: the second pass answers from the lemma cache the first one filled
    assert annotations(fast, docs) == expected
    assert annotations(fast, docs) == expected
    assert len(expected) > 15_000


def test_the_spoken_forms_reach_the_longer_patterns(stock: Language) -> None:
    fast = spacy.load(MODEL)
    use_fast_morphology(fast)
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    doc = stock.make_doc(SPOKEN[0])
    for _, component in stock.pipeline[:3]:  # tagged and parsed, not yet ruled
        doc = component(doc)
    found = ruler.match(doc)
    assert found == stock.get_pipe("attribute_ruler").match(doc)
    assert any(end - start == 2 and doc[start].lower_ == "gon" for _, _, start, end in found)  # "gon na"
    lemmas = {t.lower_: t.lemma_ for t in fast(SPOKEN[0])}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"


def test_sitroom_loads_the_model_with_the_fast_components() -> None:
    nlp = load_model(MODEL)
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer") < nlp.pipe_names.index("ner")
