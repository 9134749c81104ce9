"""Where sitroom's time goes, stage by stage, on one process.

    .venv/bin/python benchmarks/profile_stages.py [CORPUS] [--limit N] [--pyinstrument]

Reads CORPUS (default: ../shared/bench/ecbplus_docs.jsonl), then times, over the same
documents: intake (reading and cleaning), each spaCy component, each of sitroom's
stages (actors, places, dates, numbers, events), building the `Analysis` records, and
the store writes (batches of `commands.INGEST_BATCH` into a temporary store). The spaCy
components run batch by batch exactly as `nlp.pipe` chains them, so their sum is the
parse time. `--pyinstrument` also prints the hottest call paths inside sitroom's stages.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sitroom.commands import INGEST_BATCH
from sitroom.errors import InputError
from sitroom.intake import read_articles
from sitroom.options import Options
from spacy.tokens import Doc

from sitroom.pipeline import PIPE_BATCH, Analyzer, _sentences, with_publication_date
from sitroom.prepare import parse_text
from sitroom.records import Analysis, Article
from sitroom.store import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"


def read(corpus: Path, limit: int | None, options: Options) -> list[Article]:
    articles = []
    for item in itertools.islice(read_articles([str(corpus)], options), limit):
        if isinstance(item, InputError):
            raise SystemExit(f"Error: {item}")
        articles.append(item)
    return articles


def profile(articles: list[Article], analyzer: Analyzer, timings: dict[str, float]) -> list[Analysis]:
    """Run the pipeline by hand, timing every component and stage."""
    nlp = analyzer.nlp
    analyses: list[Analysis] = []
    for start in range(0, len(articles), PIPE_BATCH):
        batch = [with_publication_date(a) for a in articles[start:start + PIPE_BATCH]]
        began = time.perf_counter()
        docs = [nlp.make_doc(parse_text(a, analyzer.recaser)) for a in batch]
        timings["spacy: tokenizer"] += time.perf_counter() - began
        for name, component in nlp.pipeline:
            began = time.perf_counter()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=PIPE_BATCH))
            else:
                docs = [component(doc) for doc in docs]
            timings[f"spacy: {name}"] += time.perf_counter() - began
        for doc, article in zip(docs, batch):
            doc._.article = article
            for stage in analyzer.stages:
                began = time.perf_counter()
                doc = stage(doc)
                timings[f"sitroom: {stage.name}"] += time.perf_counter() - began
            began = time.perf_counter()
            analyses.append(_records(doc, article))
            timings["sitroom: records"] += time.perf_counter() - began
    return analyses


def _records(doc: Doc, article: Article) -> Analysis:
    """What `Analyzer._finish` builds once the stages have run."""
    return Analysis(
        article=article, sentences=tuple(_sentences(doc, article)), actors=tuple(doc._.actors or ()),
        places=tuple(doc._.places or ()), dates=tuple(doc._.dates or ()), numbers=tuple(doc._.numbers or ()),
        events=tuple(doc._.events or ()),
    )


def store_writes(analyses: list[Analysis], timings: dict[str, float]) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "profile.duckdb") as store:
        for start in range(0, len(analyses), INGEST_BATCH):
            rows = [(a.article, a.sentences, a.events) for a in analyses[start:start + INGEST_BATCH]]
            began = time.perf_counter()
            store.add_articles(rows)
            timings["store: add_articles"] += time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--pyinstrument", action="store_true", help="also profile sitroom's stages")
    args = parser.parse_args()
    options = Options()
    timings: dict[str, float] = defaultdict(float)

    began = time.perf_counter()
    analyzer = Analyzer(options)
    timings["load: model and knowledge"] = time.perf_counter() - began
    began = time.perf_counter()
    articles = read(args.corpus, args.limit, options)
    timings["intake: read and clean"] = time.perf_counter() - began

    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    analyses = profile(articles, analyzer, timings)
    if profiler is not None:
        profiler.stop()
    store_writes(analyses, timings)

    words = sum(len(a.text.split()) for a in articles)
    work = {k: v for k, v in timings.items() if not k.startswith("load")}
    total = sum(work.values())
    print(f"{len(articles)} documents, {words} words, {sum(len(a.events) for a in analyses)} events")
    print(f"{'stage':<32}{'seconds':>9}{'share':>8}{'ms/doc':>9}")
    for name, seconds in timings.items():
        share = f"{100 * seconds / total:7.1f}%" if name in work else "        "
        print(f"{name:<32}{seconds:9.2f}{share}{1000 * seconds / max(len(articles), 1):9.2f}")
    groups: dict[str, float] = defaultdict(float)
    for name, seconds in work.items():
        groups[name.split(":")[0]] += seconds
    print("by group: " + ", ".join(f"{k} {v:.2f} s ({100 * v / total:.1f}%)" for k, v in groups.items()))
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
