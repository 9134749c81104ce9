"""The tok2vec embeds at most TOK2VEC_BATCH documents and TOK2VEC_WORDS words at once, the
NER takes at most NER_BATCH documents (their arrays set a worker's peak memory), and
smaller batches change nothing the pipeline gives."""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.util import minibatch

from sitroom import pipeline
from sitroom.bench import documents
from sitroom.options import Options
from sitroom.pipeline import NER_BATCH, PIPE_BATCH, TOK2VEC_BATCH, TOK2VEC_WORDS, Analyzer, word_batches
from sitroom.prepare import parse_text
from sitroom.records import Article

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    # one full spaCy batch and a part of the next, news texts of many lengths
    return list(documents(ECB, PIPE_BATCH + TOK2VEC_BATCH + 3, Options()))


def words(text: str) -> int:
    return len(text.split())


def test_word_batches_keep_to_the_budget_and_the_count() -> None:
    assert word_batches([300, 2500, 100, 100, 1900, 50, *[50] * 9], budget=2000, most=8) == [1, 1, 2, 3, 8]
    assert word_batches([], budget=2000, most=8) == []
    assert word_batches([10] * 20, budget=2000, most=8) == [8, 8, 4]


def test_the_tok2vec_never_takes_more_than_its_budget(analyzer: Analyzer, articles: list[Article],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # the longest reports of the corpus, then shorter ones: a count of documents alone
    # would put the long ones' words in one batch
    longest = sorted(documents(ECB, None, Options()), key=lambda a: -words(a.text))[:TOK2VEC_BATCH]
    stream = longest + articles
    assert sum(words(a.text) for a in longest) > 2 * TOK2VEC_WORDS
    assert words(longest[0].text) > TOK2VEC_WORDS
    tok2vec = analyzer.nlp.get_pipe("tok2vec")
    batches: list[list[int]] = []
    predict = tok2vec.predict

    def counted(docs: Any) -> Any:
        docs = list(docs)
        batches.append([words(doc.text) for doc in docs])
        return predict(docs)

    monkeypatch.setattr(tok2vec, "predict", counted)
    analyses = list(analyzer.analyze_many(stream))
    assert len(analyses) == sum(map(len, batches)) == len(stream)
    assert max(map(len, batches)) <= TOK2VEC_BATCH < PIPE_BATCH
    assert all(len(batch) == 1 or sum(batch) <= TOK2VEC_WORDS for batch in batches)
    assert [len(batch) for batch in batches if sum(batch) > TOK2VEC_WORDS] == [1]  # the longest, alone


class _CountedNer:
    """The NER component, recording the documents it takes at once."""

    def __init__(self, component: Any, sizes: list[int]) -> None:
        self.component = component
        self.sizes = sizes

    def __getattr__(self, name: str) -> Any:
        return getattr(self.component, name)

    def pipe(self, docs: Any, *, batch_size: int) -> Iterator[Any]:
        for batch in minibatch(docs, size=batch_size):
            self.sizes.append(len(batch))
            yield from self.component.pipe(batch, batch_size=batch_size)


def test_the_ner_never_takes_more_than_its_batch(analyzer: Analyzer, articles: list[Article],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = analyzer.nlp
    sizes: list[int] = []
    monkeypatch.setattr(nlp, "_components", [
        (name, _CountedNer(component, sizes) if name == "ner" else component) for name, component in nlp._components])
    analyses = list(analyzer.analyze_many(articles))
    assert len(analyses) == sum(sizes) == len(articles)
    assert max(sizes) == NER_BATCH < PIPE_BATCH


def test_smaller_batches_give_the_same_parse(analyzer: Analyzer, articles: list[Article]) -> None:
    nlp = analyzer.nlp
    texts = [parse_text(pipeline.with_publication_date(a), analyzer.recaser) for a in articles]
    whole = [doc.to_array(ATTRIBUTES) for doc in nlp.pipe(texts, batch_size=PIPE_BATCH)]
    split = [doc.to_array(ATTRIBUTES)
             for start in range(0, len(texts), PIPE_BATCH)
             for doc in nlp.pipe(texts[start:start + PIPE_BATCH], batch_size=PIPE_BATCH,
                                 component_cfg=pipeline.component_config(texts[start:start + PIPE_BATCH]))]
    assert len(whole) == len(split) == len(articles)
    for article, a, b in zip(articles, whole, split):
        assert numpy.array_equal(a, b), article.id


def test_smaller_batches_give_the_same_analyses(analyzer: Analyzer, articles: list[Article],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    split = list(analyzer.analyze_many(articles))
    # the whole batch at once for every component, as spaCy would
    monkeypatch.setattr(pipeline, "component_config", lambda texts: {})
    whole = list(analyzer.analyze_many(articles))
    assert sum(len(a.events) for a in whole) > 0
    assert split == whole


def test_analyses_come_lazily_in_input_order(analyzer: Analyzer, articles: list[Article]) -> None:
    # an endless stream: the first analyses come without reading it to its end
    endless = itertools.cycle(articles)
    got = list(itertools.islice(analyzer.analyze_many(endless), PIPE_BATCH + 2))
    assert [a.article.id for a in got] == [a.id for a in (articles * 2)[:PIPE_BATCH + 2]]
