"""The `sitroom` command: thin shells over `sitroom.commands`.

Each command parses its arguments, calls one library function and turns our errors into
one `Error: ...` line on stderr. Exit status: 0 all went well, 1 some input failed or the
command could not run, 2 bad usage, 130 interrupted.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import commands
from .errors import InputError, SitroomError, UsageError
from .options import Options, db_path_from_env
from .records import as_dict
from .store import writer_lock

# How long `ingest` waits for another process to let go of the store before giving up.
LOCK_WAIT_SECONDS = 30.0
TABLE_EVIDENCE_CHARS = 80


def _options(published: str | None, outlet: str | None, title: str | None, kb: tuple[str, ...],
             db: str | None = None, *, background: bool = False, allow_root: tuple[str, ...] = ()) -> Options:
    if published is not None:
        try:
            dt.date.fromisoformat(published[:10])
        except ValueError as exc:
            raise UsageError(f"--published must be a date like 2024-11-30, not {published!r}") from exc
    return Options(published=published, outlet=outlet, title=title, kb_paths=tuple(Path(k) for k in kb),
                   db_path=db_path_from_env(db), background=background,
                   listing_roots=tuple(Path(r) for r in allow_root))


def _listing_option(func: Any) -> Any:
    """--allow-root, for the commands that read inputs (listings among them)."""
    return click.option("--allow-root", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
                        help="A listing file's \"path\" may point into DIR too (else only into its own folder).")(func)


def _metadata_options(func: Any) -> Any:
    func = click.option("--kb", multiple=True, type=click.Path(), help="Extra actor knowledge file (TSV, see docs).")(func)
    func = click.option("--title", help="Title for inputs that carry none.")(func)
    func = click.option("--outlet", help="Outlet for inputs that carry none.")(func)
    func = click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none.")(func)
    return func


def _filter_options(func: Any) -> Any:
    """The options that select events, shared by `events` and `export`."""
    func = click.option("--text", help="Words in the evidence sentences.")(func)
    func = click.option("--until", help="Last day (YYYY-MM-DD).")(func)
    func = click.option("--since", help="First day (YYYY-MM-DD).")(func)
    func = click.option("--country", help="ISO alpha-3 country of the event's place or actors.")(func)
    func = click.option("--code", help="CAMEO code prefix, e.g. 19 or 0871.")(func)
    func = click.option("--actor", help="Actor code prefix (source or target), e.g. RUS or SYRREB.")(func)
    return func


def _existing_store(db: str | None) -> Path:
    path = db_path_from_env(db)
    if not path.exists():
        raise UsageError(f"{path}: no store here; run `sitroom ingest` first or pass --db")
    return path


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)


def _report_input_error(error: InputError) -> None:
    _fail(str(error))


def _guard(run: Any) -> None:
    """Run a command body, mapping our errors and interrupts to one line and an exit status."""
    try:
        code = run()
    except SitroomError as exc:
        _fail(str(exc))
        sys.exit(2 if isinstance(exc, UsageError) else 1)
    except KeyboardInterrupt:
        _fail("interrupted; what was stored is kept, run the command again to finish")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("SITROOM_DEBUG"):
            raise
        _fail(f"internal error ({type(exc).__name__}: {exc}); set SITROOM_DEBUG=1 for details")
        sys.exit(1)
    sys.exit(code or 0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitroom")
def main() -> None:
    """sitroom: news about armed conflict and diplomacy in, a trustworthy event record out."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--background", is_flag=True, help="Also give background events (told as history, flagged historical).")
@_metadata_options
@_listing_option
def extract(inputs: tuple[str, ...], background: bool, published: str | None, outlet: str | None, title: str | None,
            kb: tuple[str, ...], allow_root: tuple[str, ...]) -> None:
    """Print the events of INPUTS (files, folders or - for stdin) as JSON Lines."""

    def run() -> int:
        failed = 0
        for item in commands.extract(inputs, _options(published, outlet, title, kb, background=background,
                                                      allow_root=allow_root)):
            if isinstance(item, InputError):
                _report_input_error(item)
                failed += 1
            else:
                click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return 1 if failed else 0

    _guard(run)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--gold", "gold", required=True, type=click.Path(dir_okay=False),
              help="Hand-coded events of these articles (JSON Lines, see docs/evaluate.md).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as one JSON object.")
@click.option("--background", is_flag=True, help="Also give background events (told as history, flagged historical).")
@_metadata_options
@_listing_option
def evaluate(inputs: tuple[str, ...], gold: str, as_json: bool, background: bool, published: str | None,
             outlet: str | None, title: str | None, kb: tuple[str, ...], allow_root: tuple[str, ...]) -> None:
    """Code INPUTS and score their events against GOLD: precision, recall, F1, each
    attribute's rate and a confusion table of CAMEO roots."""

    def run() -> int:
        report = commands.evaluate(inputs, Path(gold), _options(published, outlet, title, kb, background=background,
                                                                allow_root=allow_root))
        for error in report.failed:
            _report_input_error(error)
        for doc in report.unread:
            _fail(f"{gold}: gold article {doc!r} is in none of the inputs (its events count as missed)")
        if as_json:
            click.echo(json.dumps({**report.evaluation.to_dict(), "articles": report.articles,
                                   "unread": report.unread}, ensure_ascii=False, indent=2))
        else:
            _print_evaluation(report)
        return 1 if report.failed else 0

    _guard(run)


def _print_evaluation(report: commands.EvaluateReport) -> None:
    from rich.console import Console
    from rich.table import Table

    result = report.evaluation
    console = Console()
    console.print(f"{report.articles} articles read, {result.documents} in the gold file")
    console.print(f"events: precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}  "
                  f"({result.gold_found}/{result.gold_required} gold events found, {result.predicted} predicted)")
    attributes = Table(title="attributes of the events found")
    for column in ("attribute", "right", "of", "rate", "in gold"):
        attributes.add_column(column, justify="left" if column == "attribute" else "right")
    for name, counts in result.attributes.items():
        rate = f"{counts['right'] / counts['matched']:.0%}" if counts["matched"] else "-"
        attributes.add_row(name, str(counts["right"]), str(counts["matched"]), rate, str(counts["gold"]))
    console.print(attributes)
    predicted = sorted({root for row in result.confusion.values() for root in row})
    confusion = Table(title="CAMEO roots: gold (rows) against sitroom (columns)")
    confusion.add_column("gold")
    for root in predicted:
        confusion.add_column(root, justify="right")
    for gold_root, row in result.confusion.items():
        confusion.add_row(gold_root, *(str(row.get(root, "")) for root in predicted))
    console.print(confusion)
    if result.negative_violations:
        console.print(f"background coded as news: {result.negative_violations}")
    for name in result.missed:
        console.print(f"missed: {name}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Indent the JSON (one document per article).")
@_metadata_options
@_listing_option
def analyze(inputs: tuple[str, ...], pretty: bool, published: str | None, outlet: str | None,
            title: str | None, kb: tuple[str, ...], allow_root: tuple[str, ...]) -> None:
    """Print everything the pipeline found in each article, with offsets (one JSON per line)."""

    def run() -> int:
        failed = 0
        for item in commands.analyze(inputs, _options(published, outlet, title, kb, allow_root=allow_root)):
            if isinstance(item, InputError):
                _report_input_error(item)
                failed += 1
                continue
            click.echo(json.dumps(as_dict(item), ensure_ascii=False, indent=2 if pretty else None))
        return 1 if failed else 0

    _guard(run)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse in this many local processes (each loads the model once).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Analyse on the Dask cluster whose scheduler listens here (tcp://host:8786).")
@_metadata_options
@_listing_option
def ingest(inputs: tuple[str, ...], db: str | None, quiet: bool, workers: int, scheduler: str | None,
           published: str | None, outlet: str | None, title: str | None, kb: tuple[str, ...],
           allow_root: tuple[str, ...]) -> None:
    """Store the articles under INPUTS and their events (idempotent, resumable).

    The store is opened for each batch written and closed in between, so `sitroom serve`
    and `sitroom events` can read it while the analysis runs.
    """
    from .progress import IngestProgress

    def run() -> int:
        options = _options(published, outlet, title, kb, db, allow_root=allow_root)
        if scheduler is not None and workers != 1:
            raise UsageError("give either --workers or --scheduler, not both")

        def say(message: str) -> None:  # another ingest holds the store: take turns
            click.echo(f"Waiting up to {LOCK_WAIT_SECONDS:.0f} s: {message}", err=True)

        with writer_lock(options.db_path, wait=LOCK_WAIT_SECONDS, on_wait=say), \
                IngestProgress(enabled=not quiet) as bar:
            report = commands.ingest(inputs, options, options.db_path, workers=workers, scheduler=scheduler,
                                     wait=LOCK_WAIT_SECONDS, progress=bar.update)
        for error in report.failed:
            _report_input_error(error)
        if not quiet:
            click.echo(
                f"{report.articles} articles read: {report.stored} stored, {report.unchanged} unchanged, "
                f"{len(report.failed)} failed; {report.events} events coded. Store: {options.db_path}",
                err=True,
            )
            for note in report.notes:
                click.echo(f"Note: {note}", err=True)
            if report.notes_left_out:
                click.echo(f"Note: and {report.notes_left_out} more notes", err=True)
        return 1 if report.failed else 0

    _guard(run)


@main.command()
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@_filter_options
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def events(db: str | None, actor: str | None, code: str | None, country: str | None, since: str | None,
           until: str | None, text: str | None, limit: int | None, fmt: str) -> None:
    """Query the stored events."""
    from .export import write_text
    from .store import EventFilter, Store

    def run() -> int:
        path = _existing_store(db)
        filters = EventFilter(actor=actor, code=code, country=country, since=since, until=until, text=text)
        with Store.open(path, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
            rows = store.events(filters, limit=limit)
        if fmt == "jsonl":
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
        elif fmt == "csv":
            write_text("csv", iter(rows), sys.stdout)  # the columns of `sitroom export --format csv`
        else:
            _table(rows)
        return 0

    _guard(run)


@main.command()
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "acled", "gdelt"]), required=True,
              help="jsonl, csv, parquet, acled (ACLED-style CSV) or gdelt (GDELT-style, tab-separated).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
@_filter_options
def export(db: str | None, fmt: str, output: str | None, actor: str | None, code: str | None,
           country: str | None, since: str | None, until: str | None, text: str | None) -> None:
    """Write the stored events as a file other tools read (see docs/exports.md)."""
    from .export import export as export_events
    from .store import EventFilter, Store

    def run() -> int:
        path = _existing_store(db)
        filters = EventFilter(actor=actor, code=code, country=country, since=since, until=until, text=text)
        with Store.open(path, read_only=True, wait=LOCK_WAIT_SECONDS) as store:
            report = export_events(store, fmt, Path(output) if output else sys.stdout, filters)
        skipped = f" ({report.skipped} selected events have no {fmt} row)" if report.skipped else ""
        click.echo(f"{report.rows} events written to {report.output}{skipped}", err=True)
        return 0

    _guard(run)


def _table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    from .export import FLAT_NAMES, flat_row

    table = Table(show_lines=False, title=f"{len(rows)} events")
    for column in ("date", "code", "event", "source", "target", "place", "killed", "according to", "modality", "evidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        flat = dict(zip(FLAT_NAMES, flat_row(row)))
        sentence = str(flat["sentence"] or "")
        table.add_row(
            str(flat["date"] or ""), str(flat["event_code"]), str(flat["event_label"]),
            str(flat["source_code"] or ""), str(flat["target_code"] or ""), str(flat["location"] or ""),
            "" if flat["killed"] is None else str(flat["killed"]), str(flat["attribution"] or ""),
            str(flat["modality"]),
            sentence if len(sentence) <= TABLE_EVIDENCE_CHARS else sentence[: TABLE_EVIDENCE_CHARS - 1] + "…",
        )
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


@main.command()
@click.argument("event_id")
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as one JSON document.")
def why(event_id: str, db: str | None, as_json: bool) -> None:
    """Show the evidence and the fusion decisions that made EVENT_ID."""
    from .explain import render
    from .explain import why as explain
    from .store import Store

    def run() -> int:
        with Store.open(_existing_store(db), read_only=True, wait=LOCK_WAIT_SECONDS) as store:
            explanation = explain(store, event_id)
        click.echo(json.dumps(explanation, ensure_ascii=False) if as_json else render(explanation))
        return 0

    _guard(run)


@main.command()
@click.argument("event_id")
@click.option("--member", "member_ids", multiple=True, help="Member id to split off (repeatable; see `sitroom why`).")
@click.option("--doc", "doc_id", help="Split off every member from this article.")
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
def split(event_id: str, member_ids: tuple[str, ...], doc_id: str | None, db: str | None) -> None:
    """Undo a merge: the named members of EVENT_ID become an event of their own, and stay
    apart on every later ingest."""
    from .store import Store

    def run() -> int:
        if bool(member_ids) == bool(doc_id):
            raise UsageError("name what to split off: --member ID (repeatable) or --doc DOC_ID, not both")
        with Store.open(_existing_store(db), wait=LOCK_WAIT_SECONDS) as store:
            new_id = store.split(event_id, list(member_ids) or None, doc_id=doc_id)
        click.echo(new_id)
        click.echo(f"Split off into event {new_id}; `sitroom why {new_id}` shows it.", err=True)
        return 0

    _guard(run)


@main.command()
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the dashboard and its JSON API (writes need $SITROOM_TOKEN or the printed token)."""
    from .server import serve as run_server

    def run() -> int:
        run_server(db_path_from_env(db), host=host, port=port, say=lambda line: click.echo(line, err=True))
        return 0

    _guard(run)


@main.command()
@click.argument("sources_file", metavar="SOURCES.toml", type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--quiet", "-q", is_flag=True, help="Only problems and alerts, no progress.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyse in this many local processes (each loads the model once).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Analyse on the Dask cluster whose scheduler listens here (tcp://host:8786).")
@click.option("--kb", multiple=True, type=click.Path(), help="Extra actor knowledge file (TSV, see docs).")
def watch(sources_file: Path, db: str | None, quiet: bool, workers: int, scheduler: str | None,
          kb: tuple[str, ...]) -> None:
    """Poll the feeds, news sitemaps and listing pages of SOURCES.toml; store each new
    article with its events and deliver the alerts its rules raise (see docs/watch.md).

    Runs until SIGTERM or Ctrl-C, which finish the work in hand and exit 0.
    """
    from .watch import load_sources
    from .watch.watcher import plural
    from .watch.watcher import watch as run_watch

    def run() -> int:
        config = load_sources(sources_file)
        options = _options(None, None, None, kb, db)

        def say(line: str) -> None:
            click.echo(line, err=True)

        note = (lambda _line: None) if quiet else say
        note(f"Watching {plural(len(config.sources), 'source')} into {options.db_path} with "
             f"{plural(len(config.alerts), 'alert rule')} (Ctrl-C or SIGTERM to stop)")
        report = run_watch(config, options, options.db_path, workers=workers, scheduler=scheduler, say=say,
                           note=note)
        note(f"Stopped: {report.line()}")
        return 0

    _guard(run)


@main.command()
@click.option("--db", type=click.Path(), help="Store file (default: $SITROOM_DB or ./sitroom.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (the objects of /api/sources).")
def sources(db: str | None, as_json: bool) -> None:
    """List the sources `sitroom watch` polls into the store, with their health."""
    from .store import Store
    from .watch import sources as watched

    def run() -> int:
        with Store.open(_existing_store(db), read_only=True, wait=LOCK_WAIT_SECONDS) as store:
            states = watched(store)
        if as_json:
            click.echo(json.dumps([state.to_dict() for state in states], ensure_ascii=False))
        else:
            _sources_table([state.to_dict() for state in states])
        return 0

    _guard(run)


def _sources_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    failing = sum(1 for row in rows if row["health"] == "failing")
    table = Table(title=f"{len(rows)} sources, {failing} failing")
    for column in ("health", "source", "kind", "every", "last poll", "next poll", "status", "failures", "stored",
                   "last error"):
        table.add_column(column, overflow="fold")
    colours = {"ok": "green", "failing": "red", "pending": "yellow"}
    for row in rows:
        table.add_row(
            f"[{colours[row['health']]}]{row['health']}[/]", row["url"], row["kind"] or "", f"{row['every']:g} s",
            row["last_poll"] or "", row["next_poll"] or "",
            "" if row["last_status"] is None else str(row["last_status"]), str(row["failures"]), str(row["items"]),
            row["last_error"] or "",
        )
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for sitroom and for spaCy alike.")
@click.option("--dated", is_flag=True, help="Only the dated stream (the documents as a feed over a few days).")
@click.option("--undated", is_flag=True, help="Only the undated stream (the documents as they are).")
def bench(corpus: Path, limit: int | None, workers: int, dated: bool, undated: bool) -> None:
    """Time sitroom's ingest against bare spaCy on the documents of CORPUS, undated and dated."""
    from .bench import STREAMS, run_bench

    chosen = tuple(s for s, wanted in zip(STREAMS, (undated, dated)) if wanted) or STREAMS

    def run() -> int:
        for i, result in enumerate(run_bench(corpus, limit=limit, workers=workers, streams=chosen)):
            if i:
                click.echo()
            for line in result.lines():
                click.echo(line)
            sys.stdout.flush()
        return 0

    _guard(run)


@main.group()
def gazetteer() -> None:
    """The place index: import a GeoNames dump so that every hamlet is known."""


@gazetteer.command("import")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--index", type=click.Path(dir_okay=False),
              help="Index file to write (default: geonames-index.sqlite in $SITROOM_CACHE or ~/.cache/sitroom).")
def gazetteer_import(dump: str, index: str | None) -> None:
    """Index a GeoNames dump (allCountries or one country's file, .txt or .zip); sitroom
    then knows every place in it."""

    def run() -> int:
        def say(rows: int) -> None:
            click.echo(f"{rows:,} rows read", err=True)

        report = commands.import_gazetteer(dump, index=index, progress=say)
        click.echo(f"{report.places:,} places ({report.names:,} names) from {report.rows_read:,} rows of "
                   f"{report.source} in {report.seconds:.1f} s; index {report.index} ({report.bytes / 1e6:.1f} MB)")
        return 0

    _guard(run)


if __name__ == "__main__":
    main()
