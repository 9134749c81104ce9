"""Helpers shared by the tests of the actor stage's rules (who speaks, the side told by
context): the stage itself, one text through it, and the mention at a phrase."""
from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.knowledge.actors import ActorKB
from sitroom.records import ActorMention, Article
from sitroom.resolve.actors import ActorStage


@pytest.fixture(scope="module")
def stage() -> ActorStage:
    return ActorStage(ActorKB.load())


def analyse(nlp: Language, stage: ActorStage, text: str, published: str = "2024-03-05"):
    doc = nlp(text)
    doc._.article = Article(id="test", text=text, published=published)
    return stage(doc)


def at(doc, phrase: str, nth: int = 0) -> ActorMention:
    """The mention that starts where the `nth` occurrence of `phrase` does."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    [mention] = [m for m in doc._.actors if m.start <= start < m.end]
    return mention
