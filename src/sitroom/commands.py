"""The library functions behind each command: `sitroom extract` and `sitroom.extract()`
are one code path. Each takes an `Options` object and yields records or our errors;
nothing here prints.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import InputError
from .intake import read_articles
from .options import Options
from .pipeline import Analyzer
from .records import Analysis, Article, Event
from .store import Store, content_hash

# Articles analysed and written per store transaction during ingest: a kill loses at
# most this much work, and batching keeps DuckDB writes off the per-row path.
INGEST_BATCH = 16


def analyze(paths: Iterable[str], options: Options, *, analyzer: Analyzer | None = None) -> Iterator[Analysis | InputError]:
    """Every article found under `paths`, analysed; an `InputError` per unreadable input."""
    analyzer = analyzer or Analyzer(options)
    pending: list[Article] = []
    for item in read_articles(paths, options):
        if isinstance(item, InputError):
            yield from analyzer.analyze_many(pending)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= options.batch_size:
            yield from analyzer.analyze_many(pending)
            pending = []
    yield from analyzer.analyze_many(pending)


def extract(paths: Iterable[str], options: Options, *, analyzer: Analyzer | None = None) -> Iterator[Event | InputError]:
    """The events of every article under `paths` (no store involved)."""
    for item in analyze(paths, options, analyzer=analyzer):
        if isinstance(item, InputError):
            yield item
        else:
            yield from item.events


@dataclass
class IngestReport:
    articles: int = 0  # articles read
    stored: int = 0  # new or changed articles written
    unchanged: int = 0  # already in the store with the same text
    events: int = 0  # events coded in the stored articles
    failed: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. non-English articles stored uncoded


def ingest(paths: Iterable[str], options: Options, store: Store, *, analyzer: Analyzer | None = None,
           progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Store every article under `paths` with its events, incrementally and idempotently.

    Articles already stored with the same text are skipped before any analysis, so a
    re-run after an interruption only does the work that was left.
    """
    report = IngestReport()
    analyzer_box: list[Analyzer] = [analyzer] if analyzer else []
    batch: list[Article] = []

    def flush() -> None:
        if not batch:
            return
        if not analyzer_box:
            analyzer_box.append(Analyzer(options))
        rows = []
        for analysis in analyzer_box[0].analyze_many(batch):
            rows.append((analysis.article, analysis.sentences, analysis.events))
            report.events += len(analysis.events)
            report.notes.extend(f"{analysis.article.source or analysis.article.id}: {n}" for n in analysis.article.notes)
        report.stored += store.add_articles(rows)
        batch.clear()
        if progress:
            progress(report)

    for item in read_articles(paths, options):
        if isinstance(item, InputError):
            report.failed.append(item)
            if progress:
                progress(report)
            continue
        report.articles += 1
        if store.has_article(item.id, content_hash(item)):
            report.unchanged += 1
            if progress:
                progress(report)
            continue
        batch.append(item)
        if len(batch) >= INGEST_BATCH:
            flush()
    flush()
    return report
