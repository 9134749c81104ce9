"""The tok2vec embeds at most TOK2VEC_BATCH documents at once (its arrays set a worker's
peak memory), and smaller batches change nothing the pipeline gives."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from sitroom import pipeline
from sitroom.bench import documents
from sitroom.options import Options
from sitroom.pipeline import PIPE_BATCH, TOK2VEC_BATCH, Analyzer
from sitroom.prepare import parse_text
from sitroom.records import Article

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
ATTRIBUTES = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Options())


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    # one full spaCy batch and a part of the next, news texts of many lengths
    return list(documents(ECB, PIPE_BATCH + TOK2VEC_BATCH + 3, Options()))


def test_the_tok2vec_never_takes_more_than_its_batch(analyzer: Analyzer, articles: list[Article],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tok2vec = analyzer.nlp.get_pipe("tok2vec")
    sizes: list[int] = []
    predict = tok2vec.predict

    def counted(docs: Any) -> Any:
        docs = list(docs)
        sizes.append(len(docs))
        return predict(docs)

    monkeypatch.setattr(tok2vec, "predict", counted)
    analyses = list(analyzer.analyze_many(articles))
    assert len(analyses) == len(articles)
    assert sum(sizes) == len(articles)
    assert max(sizes) == TOK2VEC_BATCH < PIPE_BATCH


def test_smaller_tok2vec_batches_give_the_same_parse(analyzer: Analyzer, articles: list[Article]) -> None:
    nlp = analyzer.nlp
    texts = [parse_text(pipeline.with_publication_date(a), analyzer.recaser) for a in articles]
    whole = [doc.to_array(ATTRIBUTES) for doc in nlp.pipe(texts, batch_size=PIPE_BATCH)]
    split = [doc.to_array(ATTRIBUTES) for doc in nlp.pipe(texts, batch_size=PIPE_BATCH,
                                                            component_cfg=pipeline.COMPONENT_CONFIG)]
    assert len(whole) == len(split) == len(articles)
    for article, a, b in zip(articles, whole, split):
        assert numpy.array_equal(a, b), article.id


def test_smaller_tok2vec_batches_give_the_same_analyses(analyzer: Analyzer, articles: list[Article],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    split = list(analyzer.analyze_many(articles))
    monkeypatch.setattr(pipeline, "COMPONENT_CONFIG", {})  # the whole batch at once, as spaCy would
    whole = list(analyzer.analyze_many(articles))
    assert sum(len(a.events) for a in whole) > 0
    assert split == whole
