"""The analysis pipeline: the one place that says which stage runs when.

    article -> spaCy parse -> actors -> places -> dates -> numbers -> events -> acled

Knowledge (actor lists, gazetteer, event lexicon) loads once into a `Knowledge` object;
an `Analyzer` holds it with the spaCy model and turns articles into `Analysis` records.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from .coding.acled import AcledStage
from .coding.coder import EventStage
from .knowledge.acled import AcledKnowledge
from .knowledge.actors import ActorKB
from .knowledge.events import EventLexicon
from .knowledge.gazetteer import Gazetteer
from .nlp import Stage, doc_text, load_model
from .options import Options
from .prepare import parse_text
from .recase import Recaser
from .records import Analysis, Article, Sentence
from .resolve.actors import ActorStage
from .resolve.dates import SUSPECT_BEFORE_YEAR, DateStage, infer_published
from .resolve.numbers import NumberStage
from .resolve.places import PlaceStage

# Articles parsed together by spaCy's nlp.pipe: large enough to amortise its overhead,
# small enough to keep memory flat on long corpora.
PIPE_BATCH = 32
# Documents spaCy's tok2vec embeds at once, within a batch of PIPE_BATCH. Its arrays take
# about 18 KB a word while a batch runs (up to 250 MB for 32 news articles, released when
# the batch ends), so a worker's resident memory rose that far above its steady state once
# a batch, and the moments two workers' peaks met set an ingest's peak memory, higher the
# longer the run (docs/performance.md, "Memory at ten times the stream"). The tok2vec
# embeds each token from its own document alone, and the tagger, parser and NER read its
# vectors from each doc (`doc.tensor`) whatever the batch was: smaller batches give the
# same analyses, byte for byte (tests/test_pipeline_batches.py). The parser and NER still
# take PIPE_BATCH documents at once, where a larger batch saves time.
TOK2VEC_BATCH = 8
# What `nlp.pipe` gives each component beyond the batch size (a component the model lacks
# is left out by spaCy).
COMPONENT_CONFIG = {"tok2vec": {"batch_size": TOK2VEC_BATCH}}
# A place this populous (or a country, or a first-level division) is a name that a
# headline in capitals writes as a name even when it is also an English word ("DOHA").
KNOWN_PLACE_POPULATION = 100_000


@dataclass(frozen=True)
class Knowledge:
    actors: ActorKB
    gazetteer: Gazetteer
    lexicon: EventLexicon
    acled: AcledKnowledge

    @classmethod
    def load(cls, options: Options) -> "Knowledge":
        return cls(
            actors=ActorKB.load(options.kb_paths),
            gazetteer=Gazetteer.load(),
            lexicon=EventLexicon.load(),
            acled=AcledKnowledge.load(),
        )


def build_stages(knowledge: Knowledge) -> list[Stage]:
    """The stages in the order they run; each declares what it reads and writes."""
    return [
        ActorStage(knowledge.actors),
        PlaceStage(knowledge.gazetteer),
        DateStage(),
        NumberStage(),
        EventStage(knowledge.lexicon, country_place=knowledge.gazetteer.country_place),
        AcledStage(knowledge.acled),
    ]


class Analyzer:
    def __init__(self, options: Options | None = None, *, nlp: Language | None = None,
                 knowledge: Knowledge | None = None) -> None:
        self.options = options or Options()
        self.nlp = nlp if nlp is not None else load_model(self.options.model)
        self.knowledge = knowledge if knowledge is not None else Knowledge.load(self.options)
        self.stages = build_stages(self.knowledge)
        actors, places = self.knowledge.actors, self.knowledge.gazetteer
        self.recaser = Recaser.for_pipeline(
            self.nlp, actors.acronyms(), lambda word: actors.is_name(word) or places.has(word),
            lambda word: actors.is_name(word) or any(
                c.feature in ("country", "admin1") or c.population >= KNOWN_PLACE_POPULATION for c in places.lookup(word)))

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        pairs = ((parse_text(a, self.recaser), a) for a in map(with_publication_date, articles))
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH,
                                          component_cfg={name: dict(cfg) for name, cfg in COMPONENT_CONFIG.items()}):
            yield self._finish(doc, article)

    def _finish(self, doc: Doc, article: Article) -> Analysis:
        doc._.article = article
        for stage in self.stages:
            doc = stage(doc)
        return Analysis(
            article=article,
            sentences=tuple(_sentences(doc, article)),
            actors=tuple(doc._.actors or ()),
            places=tuple(doc._.places or ()),
            dates=tuple(doc._.dates or ()),
            numbers=tuple(doc._.numbers or ()),
            events=tuple(doc._.events or ()),
        )


def implausible_publication(published: str, *, today: dt.date | None = None) -> str | None:
    """Why an article's publication date cannot be right (None when it can)."""
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return "is not a date"
    if day.year < SUSPECT_BEFORE_YEAR:
        return f"is before {SUSPECT_BEFORE_YEAR}"
    if day > (today or dt.date.today()) + dt.timedelta(days=1):  # a day's grace for time zones
        return "is in the future"
    return None


def with_publication_date(article: Article) -> Article:
    """An article without a date takes the one its dateline or text gives, flagged as
    inferred, so that "on Saturday" can still be resolved. A publication date before 1900
    or after today is not trusted: it is dropped with a note, and one is inferred instead."""
    if article.published is not None:
        problem = implausible_publication(article.published)
        if problem is None:
            return article
        article = replace(article, published=None,
                          notes=article.notes + (f"publication date {article.published} {problem}: not trusted",))
    found = infer_published(article.text)
    if found is None:
        return article
    return replace(article, published=found, published_inferred=True,
                   notes=article.notes + (f"publication date {found} inferred from the text",))


def _sentences(doc: Doc, article: Article) -> Iterator[Sentence]:
    index = 0
    text = doc_text(doc)  # a span's .text joins its tokens again; slicing the doc's text does not
    for sent in doc.sents:
        raw = text[sent.start_char:sent.end_char]
        if not raw.strip():
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = sent.end_char - (len(raw) - len(raw.rstrip()))
        yield Sentence(index=index, start=start, end=end, text=article.text[start:end])
        index += 1
