"""The analysis pipeline: the one place that says which stage runs when.

    article -> spaCy parse -> actors -> places -> dates -> numbers -> events -> acled

Knowledge (actor lists, gazetteer, event lexicon) loads once into a `Knowledge` object;
an `Analyzer` holds it with the spaCy model and turns articles into `Analysis` records.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

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
# What spaCy's tok2vec embeds at once, within a batch of PIPE_BATCH: at most TOK2VEC_BATCH
# documents and TOK2VEC_WORDS words (a longer article alone). Its arrays take 15 to 18 KB
# a token (news has about 1.5 tokens a word) while they run (up to 250 MB for 32 news
# articles, released when the batch ends), so a worker's resident memory rose that far
# above its steady state once a batch, and the moments two workers' peaks met set an
# ingest's peak memory, higher the longer the run (docs/performance.md, "Memory at ten
# times the stream"). A count of documents alone does not bound them: eight long
# articles make a batch many times the words of eight short ones; a budget of words
# does, whatever the stream.
TOK2VEC_BATCH = 8
TOK2VEC_WORDS = 2_000
# Documents the NER takes at once. Unlike the tagger and parser, which read the shared
# tok2vec's vectors, the NER embeds with its own tok2vec inside each call of its model,
# on a quarter of its batch sorted by length (spaCy's parser does that): the eight longest
# of 32 articles, whose arrays were the largest left once the shared tok2vec was bounded
# (docs/performance.md, "Issue 17, sixth pass"). 16 gives it four at a time.
NER_BATCH = 16
# Every component embeds or parses each document from that document alone, and the
# later ones read the tok2vec's vectors from each doc (`doc.tensor`) whatever the batch
# was: smaller batches give the same analyses, byte for byte (tests/test_pipeline_batches.py).
# The tagger and parser keep PIPE_BATCH, where their arrays are smaller (over the first
# 320 articles of the dated feed, 9 and 41 MB at most for 32 articles, the NER's 137 MB)
# and a smaller batch costs time.


def word_batches(words: Sequence[int], budget: int = TOK2VEC_WORDS, most: int = TOK2VEC_BATCH) -> list[int]:
    """The sizes of consecutive batches of documents whose word counts are `words`: each
    at most `most` documents and `budget` words, save a longer document, which goes alone."""
    sizes: list[int] = []
    count = total = 0
    for n in words:
        if count and (count >= most or total + n > budget):
            sizes.append(count)
            count = total = 0
        count += 1
        total += n
    if count:
        sizes.append(count)
    return sizes


def component_config(texts: Sequence[str]) -> dict[str, dict[str, Any]]:
    """What `nlp.pipe` gives each component beyond PIPE_BATCH to parse `texts` (at most
    one PIPE_BATCH) with bounded memory. A component the model lacks is left out by spaCy;
    spaCy's `minibatch` takes the tok2vec's sizes one by one, and asks for one more than
    there are batches before it stops."""
    sizes = word_batches([len(text.split()) for text in texts])
    return {"tok2vec": {"batch_size": itertools.chain(sizes, itertools.repeat(TOK2VEC_BATCH))},
            "ner": {"batch_size": NER_BATCH}}


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


def build_stages(knowledge: Knowledge, *, today: dt.date | None = None) -> list[Stage]:
    """The stages in the order they run; each declares what it reads and writes. `today`
    is the clock's day (`Options.today`; None: the machine's)."""
    return [
        ActorStage(knowledge.actors),
        PlaceStage(knowledge.gazetteer),
        DateStage(today=today),
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
        self.stages = build_stages(self.knowledge, today=self.options.today)
        actors, places = self.knowledge.actors, self.knowledge.gazetteer
        self.recaser = Recaser.for_pipeline(
            self.nlp, actors.acronyms(), lambda word: actors.is_name(word) or places.has(word),
            lambda word: actors.is_name(word) or any(
                c.feature in ("country", "admin1") or c.population >= KNOWN_PLACE_POPULATION for c in places.lookup(word)))

    def analyze(self, article: Article) -> Analysis:
        return next(self.analyze_many([article]))

    def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        # one `nlp.pipe` per PIPE_BATCH articles, the batch spaCy would make of the stream
        # anyway, so that the tok2vec's batches can be sized to the batch's words
        dated = (with_publication_date(article, today=self.options.today) for article in articles)
        while batch := list(itertools.islice(dated, PIPE_BATCH)):
            texts = [parse_text(article, self.recaser) for article in batch]
            for doc, article in self.nlp.pipe(zip(texts, batch), as_tuples=True, batch_size=PIPE_BATCH,
                                              component_cfg=component_config(texts)):
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


def with_publication_date(article: Article, *, today: dt.date | None = None) -> Article:
    """An article without a date takes the one its dateline or text gives, flagged as
    inferred, so that "on Saturday" can still be resolved. A publication date before 1900
    or after today is not trusted: it is dropped with a note, and one is inferred instead.
    `today` is the clock's day (None: the machine's)."""
    if article.published is not None:
        problem = implausible_publication(article.published, today=today)
        if problem is None:
            return article
        article = replace(article, published=None,
                          notes=article.notes + (f"publication date {article.published} {problem}: not trusted",))
    found = infer_published(article.text, today)
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
