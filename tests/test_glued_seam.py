"""`split_glued` reads the tokens only of a text with a seam (three lowercase letters and a
capital): every token either glued pattern matches holds one, on a whole corpus of news
and on glued texts written for the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.bench import documents
from sitroom.nlp import GLUED, GLUED_OPENER, GLUED_SEAM, read_model
from sitroom.options import Options

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return read_model(Options().model)


def _glued(token_text: str) -> bool:
    return bool(GLUED.match(token_text) or GLUED_OPENER.match(token_text))


def test_every_glued_token_of_the_bench_corpus_holds_a_seam(nlp) -> None:
    texts = [article.text for article in documents(ECB, None, Options())]
    glued = [token.text for text in texts for token in nlp.make_doc(text) if _glued(token.text)]
    assert glued  # the corpus has some: the check below is not empty
    assert all(GLUED_SEAM.search(text) for text in glued)
    without = [text for text in texts if not GLUED_SEAM.search(text)]
    assert len(without) > len(texts) / 2  # most texts are spared the token loop


@pytest.mark.parametrize("text", [
    "Residents gathered at the marketA farmer was shot on Sunday.",
    "| valleynews.comPolice say two men were held.",
    "« City NewsThe mayor said the bridge would reopen.",
])
def test_a_glued_text_is_still_split(nlp, text: str) -> None:
    seam = GLUED_SEAM.search(text)
    assert seam
    capital = seam.end() - 1
    assert capital in {token.idx for token in nlp(text)}  # a token starts at the capital: split
