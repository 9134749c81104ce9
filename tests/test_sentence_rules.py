"""The sentence rules (`nlp.sentence_boundaries`) read the tokens as one array: they must
start and join exactly the sentences that the rules read token by token do."""
from __future__ import annotations

import itertools
import json

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from sitroom.nlp import MAX_SENTENCE_CHARS, SENTENCE_ENDS, datelines, sentence_boundaries, split_glued

from conftest import SHARED

# Articles of the ECB+ bench the rules are compared on (with the cases below): enough
# for every rule to fire many times, few enough to keep the test fast.
BENCH_ARTICLES = 150

CASES = (
    "GOMA, Nov 18 (Reuters) — Rebels said\n\nthe army fled the town.",
    "PORT SUDAN, May 12 - the army said: the rebels fled.\nArmenia | and Azerbaijan agreed",
    "A headline without a stop\nThe body begins here. and goes on",
    "Police say the marketA farmer was shot | news.comPolice say more",
    "word " * 450 + "\n\n" + "another " * 300,
    "x",
    " \n \n",
    "\n\nKAMPALA, Uganda (AP) _\n\nTwo grenades went off near a bus station at dusk.",
)


def token_by_token(doc: Doc) -> Doc:
    """The rules as first written, one `Token` at a time (the reference)."""
    after_dateline = {end for _, end in datelines(doc.text)}
    since = 0
    for i, token in enumerate(doc):
        if i == 0:
            continue
        if token.idx in after_dateline:
            token.is_sent_start = True
            since = token.idx
            continue
        previous = doc[i - 1]
        if token.is_space:
            doc[i].is_sent_start = False
            continue
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
            since = token.idx
        elif token.idx - since > MAX_SENTENCE_CHARS:
            token.is_sent_start = True
            since = token.idx
        elif token.text[:1].islower() and previous.text not in SENTENCE_ENDS:
            token.is_sent_start = False
    return doc


def _bench_texts() -> list[str]:
    with (SHARED / "bench" / "ecbplus_docs.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in itertools.islice(lines, BENCH_ARTICLES)]


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return spacy.blank("en").tokenizer


@pytest.mark.parametrize("source", ["cases", "bench"])
def test_sentence_rules_match_the_token_by_token_rules(tokenizer: Tokenizer, source: str) -> None:
    texts = list(CASES) if source == "cases" else _bench_texts()
    changed = 0
    for text in texts:
        fast = sentence_boundaries(split_glued(tokenizer(text)))
        reference = token_by_token(split_glued(tokenizer(text)))
        assert fast.to_array([SENT_START]).tolist() == reference.to_array([SENT_START]).tolist(), text[:80]
        changed += int(any(fast.to_array([SENT_START])))
    assert changed  # the rules did set boundaries: the comparison is not between empty arrays


def test_sentence_rules_start_after_a_dateline_and_a_line_break_and_join_a_small_letter(tokenizer: Tokenizer) -> None:
    doc = sentence_boundaries(tokenizer("GOMA, Nov 18 (Reuters) — Rebels fled\nthe town. Armenia | and Azerbaijan"))
    starts = [token.text for token in doc[1:] if token.is_sent_start]
    assert starts == ["Rebels", "the"]
    assert doc[[t.text for t in doc].index("and")].is_sent_start is False
