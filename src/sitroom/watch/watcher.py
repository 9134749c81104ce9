"""The watch loop: poll each source on its schedule, fetch what is new, store it in
batches, judge the alert rules and deliver what they raise, until told to stop.

    report = watch(load_sources(path), Options(db_path=db), db, say=print)

Who does what:

    event loop (this thread)  the schedule, one task per poll, page fetches (`Fetcher`),
                              the batcher, the alert loop, webhook deliveries
    store thread              every store session, one at a time in the order asked:
                              `pages.store_pages` (intake, analysis here, in local worker
                              processes or on a Dask cluster, fusion), sources' state, the
                              URL ledger, alerts

One thread for all store work because DuckDB refuses to open a file in one thread of a
process while another thread closes it ("already attached"); and it costs little: a
ledger look-up waiting behind a batch is for items that would wait for that batch's
analysis anyway.

The store is opened for each piece of work and closed after it, so that `sitroom serve`
and `sitroom events` read between them. SIGTERM and SIGINT stop the loop: no new poll or
fetch starts, the requests under way finish, the pages in hand are stored, alerts are
judged and written to their files, the state is saved, and `watch` returns. A second
signal stops at once (KeyboardInterrupt). A kill at any moment loses nothing stored:
every write is one transaction, and a source's validators are saved only once every
item its listing named is in the ledger, so an unchanged-looking feed can never hide an
item the watch did not get to.
"""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import httpx

from ..errors import FetchError, SitroomError, StoreLocked, UsageError
from ..options import Options
from ..parallel import Analyse, analysts
from ..pipeline import Analyzer
from ..store import Store
from ..store.schema import utc_now
from . import alerts as alert_store
from . import deliver
from .config import AlertRule, Source, WatchConfig
from .fetch import Fetched, Fetcher, Stopping
from .listings import Item, read_listing, sniff_kind
from .pages import PAGE_ACCEPT, Outcome, Page, store_pages
from .state import (
    DUPLICATE,
    FAILED,
    MAX_ATTEMPTS,
    RETRY,
    LedgerEntry,
    SourceState,
    known_urls,
    prepare,
    record_urls,
    save_states,
    settled,
    sync_sources,
)

# How long any store session waits for another process (an ingest writing a batch) to
# let go of the file before the watch says so and tries again later.
LOCK_WAIT_SECONDS = 30.0
# Sources' state is saved at most this often (and when the watch stops): a kill loses at
# most this much of it, which costs one repeated conditional poll.
SAVE_SECONDS = 1.0
# Writes by other processes (`sitroom ingest`, POST /api/articles) are judged against
# the alert rules this often; the watch's own batches are judged as soon as stored.
ALERT_SECONDS = 5.0
# When the store stays locked past LOCK_WAIT_SECONDS, a batch is tried again after this.
BUSY_RETRY_SECONDS = 5.0
# Webhook deliveries still retrying when the watch stops get this long to finish; the
# rest are owed in the store and resumed at the next start.
STOP_DELIVERY_SECONDS = 5.0
# How often an in-process caller's stop flag is looked at.
STOP_POLL_SECONDS = 0.2
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
               "text/html;q=0.8, */*;q=0.5")

T = TypeVar("T")
Say = Callable[[str], None]


@dataclasses.dataclass
class WatchReport:
    polls: int = 0  # polls of sources, failed ones included
    not_modified: int = 0  # of which unchanged (304)
    source_failures: int = 0  # polls that failed
    pages: int = 0  # article pages fetched
    stored: int = 0  # articles written
    duplicates: int = 0  # pages whose text was already stored
    failed: int = 0  # pages that could not be fetched or read
    events: int = 0  # events coded in the stored articles
    alerts: int = 0  # alerts raised
    requests: int = 0  # HTTP requests made, robots.txt included

    def line(self) -> str:
        return (f"{self.polls} polls ({self.not_modified} unchanged, {self.source_failures} failed), "
                f"{self.pages} pages fetched: {self.stored} stored, {self.duplicates} already stored, "
                f"{self.failed} failed; {self.events} events coded, {self.alerts} alerts; "
                f"{self.requests} requests in all")


def watch(config: WatchConfig, options: Options, db_path: Path, *, workers: int = 1, scheduler: str | None = None,
          analyzer: Analyzer | None = None, say: Say | None = None, note: Say | None = None,
          stop: threading.Event | None = None) -> WatchReport:
    """Watch the sources of `config` into the store at `db_path` until SIGTERM or SIGINT
    (or, in-process, until `stop` is set); returns what it did. `say` hears of problems
    and alerts, `note` of progress (batches stored, stopping)."""
    if scheduler is not None and workers != 1:
        raise UsageError("give either --workers or --scheduler, not both")
    for rule in config.alerts:
        if rule.file is not None and not rule.file.parent.is_dir():
            raise UsageError(f"{config.path}: [[alert]] {rule.name}: the folder of {rule.file} does not exist")
    stop = stop or threading.Event()
    with _early_signals(stop):  # a signal while the model loads: stop as soon as the loop runs
        with Store.open(db_path, wait=LOCK_WAIT_SECONDS) as store:
            prepare(store)
            states = sync_sources(store, config.sources)
            alert_store.begin(store)
        if analyzer is None and workers == 1 and scheduler is None:
            note and note("Loading the language model and knowledge")
            analyzer = Analyzer(options)
        watcher = _Watcher(config, options, db_path, states, say or _silent, note or _silent)
        with ThreadPoolExecutor(1, thread_name_prefix="sitroom-store") as store_pool, \
                analysts(options, workers=workers, scheduler=scheduler, analyzer=analyzer) as analyse:
            asyncio.run(watcher.run(analyse, store_pool, stop))
    return watcher.report


@contextlib.contextmanager
def _early_signals(stop: threading.Event) -> Iterator[None]:
    """Outside the loop (which installs its own handlers while it runs), SIGTERM and SIGINT
    set `stop`: before the loop starts (the model loading), it then stops at once, with
    nothing in hand; a signal when already stopping (the last batch being stored after
    the loop) stops at once, as a second signal does in the loop."""
    def handler(number: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = {}
    for number in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(ValueError):  # not the main thread: the caller stops us with `stop`
            previous[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


class _Watcher:
    def __init__(self, config: WatchConfig, options: Options, db_path: Path, states: dict[str, SourceState],
                 say: Say, note: Say) -> None:
        self.config = config
        self.settings = config.settings
        self.options = options
        self.db_path = db_path
        self.states = states
        self.say = say
        self.note = note
        self.report = WatchReport()
        self._dirty: set[str] = set()  # sources whose state is not saved yet
        self._ledger: dict[str, LedgerEntry] = {}  # fetch failures not recorded yet, by URL
        self._settled: dict[str, set[str]] = {source.url: set() for source in config.sources}
        self._claimed: set[str] = set()  # URLs being fetched or stored right now
        self._children: dict[str, tuple[str | None, str | None, tuple[Item, ...]]] = {}  # sitemap index children
        self._rules: dict[str, AlertRule] = {rule.name: rule for rule in config.alerts}
        self._webhooks: dict[int, asyncio.Task[None]] = {}
        # per page handed to the batcher: resolved once its ledger entry is recorded (True
        # when final), so that a poll keeps its validators only after that
        self._recorded: dict[str, asyncio.Future[bool]] = {}

    # -- the run -------------------------------------------------------------------------

    async def run(self, analyse: Analyse, store_pool: ThreadPoolExecutor, stop: threading.Event) -> None:
        loop = asyncio.get_running_loop()
        self._loop = loop
        self._analyse = analyse
        self._store_pool = store_pool
        self._stopping = asyncio.Event()
        self._pages: asyncio.Queue[Page | None] = asyncio.Queue()
        # pages in hand (being fetched, queued or being stored): fetching waits for room,
        # so memory stays flat however far the analysis falls behind
        self._room = asyncio.Semaphore(self.settings.batch * 4)
        self._judging = asyncio.Lock()
        self.fetcher = Fetcher(self.settings)
        self._hooks = httpx.AsyncClient(headers={"User-Agent": self.fetcher.agent}, trust_env=False)
        self._install_signals(loop, stop)
        watcher_tasks = [asyncio.create_task(self._batcher()), asyncio.create_task(self._saver()),
                         asyncio.create_task(self._alert_loop()), asyncio.create_task(self._watch_flag(stop))]
        polls: dict[str, asyncio.Task[None]] = {}
        if stop.is_set():  # told to stop while the model loaded
            self._stop_now()
        try:
            await self._schedule(polls)
            # stopping: let the polls under way finish what they started, then store the rest
            await asyncio.gather(*polls.values(), return_exceptions=True)
            await self._pages.put(None)
            await watcher_tasks[0]
            for task in watcher_tasks[1:]:
                task.cancel()
            await asyncio.gather(*watcher_tasks[1:], return_exceptions=True)
            await self._judge(final=True)
            if self._webhooks:
                await asyncio.wait(list(self._webhooks.values()), timeout=STOP_DELIVERY_SECONDS)
            await self._save()
        finally:
            for task in [*polls.values(), *watcher_tasks, *self._webhooks.values()]:
                task.cancel()
            self.report.requests = self.fetcher.counters.requests
            await self.fetcher.aclose()
            await self._hooks.aclose()

    def _install_signals(self, loop: asyncio.AbstractEventLoop, flag: threading.Event) -> None:
        def stop() -> None:
            if self._stopping.is_set():
                raise KeyboardInterrupt  # a second signal: stop at once
            self.note("Stopping: finishing the requests under way and storing the pages in hand "
                     "(signal again to stop at once)")
            flag.set()
            self._stop_now()

        for number in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread
                loop.add_signal_handler(number, stop)

    def _stop_now(self) -> None:
        self._stopping.set()
        self.fetcher.stop()

    async def _watch_flag(self, flag: threading.Event) -> None:
        while not flag.is_set():
            await asyncio.sleep(STOP_POLL_SECONDS)
        self._stop_now()

    async def _in_store(self, work: Callable[[Store], T]) -> T:
        """`work` on a store session of its own, in the store thread."""
        def session() -> T:
            with Store.open(self.db_path, wait=LOCK_WAIT_SECONDS) as store:
                return work(store)

        return await self._loop.run_in_executor(self._store_pool, session)

    # -- the schedule ------------------------------------------------------------------------

    async def _schedule(self, polls: dict[str, asyncio.Task[None]]) -> None:
        sources = {source.url: source for source in self.config.sources}
        while not self._stopping.is_set():
            now = utc_now()
            for url, source in sources.items():
                running = polls.get(url)
                if running is not None and not running.done():
                    continue
                due = self.states[url].next_poll
                if due is None or due <= now:
                    polls[url] = asyncio.create_task(self._poll(source))
            waits = [(self.states[url].next_poll - now).total_seconds() for url in sources
                     if self.states[url].next_poll is not None and not (url in polls and not polls[url].done())]
            wait = max(min(waits, default=1.0), 0.05)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), timeout=min(wait, 1.0))

    # -- one poll ----------------------------------------------------------------------------

    async def _poll(self, source: Source) -> None:
        state = self.states[source.url]
        started = utc_now()
        try:
            got = await self.fetcher.fetch(source.url, etag=state.etag, last_modified=state.last_modified,
                                           accept=FEED_ACCEPT)
            if got.not_modified:
                self.report.polls += 1
                self.report.not_modified += 1
                self._polled(source, started, status=got.status, etag=got.etag or state.etag,
                             last_modified=got.last_modified or state.last_modified, kind=state.kind)
                return
            kind = source.kind or sniff_kind(got.body, got.content_type)
            if kind is None:
                raise FetchError(got.url, "neither an RSS/Atom feed, a sitemap nor an HTML page", transient=False,
                                 status=got.status)
            items, index = await self._items(source, kind, got)
            self.report.polls += 1
            complete = await self._fetch_new(source, items)
            # Validators are kept only when every item of this listing is in the ledger:
            # otherwise the next poll must see the listing again, not a 304. A sitemap
            # index keeps none: its sitemaps change while it stays the same, so it is read
            # at every poll (and they are asked conditionally).
            keep = complete and not index
            self._polled(source, started, status=got.status, etag=got.etag if keep else None,
                         last_modified=got.last_modified if keep else None, kind=kind)
        except Stopping:
            return
        except FetchError as error:
            self._failed(source, started, error)
        except SitroomError as error:  # the store stayed busy or could not be read: poll again later
            self._failed(source, started, FetchError(source.url, f"not polled through: {error}", transient=True))
        except Exception as error:  # a bug: said, and the source tried again later, the others unharmed
            self._failed(source, started, FetchError(
                source.url, f"internal error ({type(error).__name__}: {error}); please report it", transient=True))

    async def _items(self, source: Source, kind: str, got: Fetched) -> tuple[list[Item], bool]:
        """The items a listing names, and whether it is a sitemap index."""
        listing = await asyncio.to_thread(read_listing, kind, got.body, got.url, match=source.match)
        items = list(listing.items)
        for child in listing.children:  # a sitemap index: its newest sitemaps, each fetched conditionally
            etag, modified, known = self._children.get(child, (None, None, ()))
            answer = await self.fetcher.fetch(child, etag=etag, last_modified=modified, accept=FEED_ACCEPT)
            if not answer.not_modified:
                known = (await asyncio.to_thread(read_listing, "sitemap", answer.body, answer.url)).items
            self._children[child] = (answer.etag or etag, answer.last_modified or modified, known)
            items.extend(known)
        return items, bool(listing.children)

    async def _fetch_new(self, source: Source, items: Sequence[Item]) -> bool:
        """Fetch the items not in the ledger (at most `max_new`); True when none was left
        for a later poll."""
        listed = {item.url for item in items}
        settled_here = self._settled.setdefault(source.url, set()) & listed
        unique: dict[str, Item] = {}
        for item in items:
            if item.url not in settled_here and item.url not in unique:
                unique[item.url] = item
        ledger = await self._in_store(lambda store: known_urls(store, list(unique))) if unique else {}
        ledger.update({url: (entry.status, entry.attempts) for url, entry in self._ledger.items() if url in unique})
        todo: list[tuple[Item, int]] = []
        for url, item in unique.items():
            status = ledger.get(url)
            if status is not None and settled(*status):
                settled_here.add(url)
            elif url not in self._claimed:
                todo.append((item, status[1] if status else 0))
        self._settled[source.url] = settled_here
        complete = len(todo) <= self.settings.max_new and not any(url in self._claimed for url in unique
                                                                   if url not in settled_here)
        fetches = [asyncio.create_task(self._fetch_page(source, item, attempts))
                   for item, attempts in todo[:self.settings.max_new]]
        results = await asyncio.gather(*fetches, return_exceptions=True)
        for (item, _), result in zip(todo, results):
            if result is True:
                settled_here.add(item.url)
            else:
                complete = False
            if isinstance(result, BaseException) and not isinstance(result, (Stopping, asyncio.CancelledError)):
                raise result
        return complete

    async def _fetch_page(self, source: Source, item: Item, attempts: int) -> bool:
        """Fetch one page and hand it to the batcher; True when its ledger entry is final
        (handed over, or failed for good)."""
        self._claimed.add(item.url)
        handed = False
        try:
            await self._room.acquire()
            try:
                if self._stopping.is_set():
                    raise Stopping()
                seen = utc_now()
                try:
                    got = await self.fetcher.fetch(item.url, accept=PAGE_ACCEPT)
                except FetchError as error:
                    tries = attempts + 1
                    status = RETRY if error.transient and tries < MAX_ATTEMPTS else FAILED
                    self.report.failed += 1
                    self._ledger[item.url] = LedgerEntry(url=item.url, source=source.url, status=status,
                                                         article_id=None, attempts=tries, last_error=error.problem,
                                                         seen_at=seen, done_at=utc_now())
                    self.say(f"Page {item.url}: {error.problem}"
                             + ("; tried again at a later poll" if status == RETRY else ""))
                    return status == FAILED
                self.report.pages += 1
                recorded: asyncio.Future[bool] = self._loop.create_future()
                self._recorded[item.url] = recorded
                await self._pages.put(Page(
                    url=item.url, source=source.url, body=got.body, content_type=got.content_type,
                    charset=got.charset, title=item.title, published=item.published,
                    outlet=source.outlet or item.outlet, seen_at=seen, attempts=attempts + 1))
                handed = True
            finally:
                if not handed:
                    self._room.release()
        finally:
            if not handed:
                self._claimed.discard(item.url)
        return await recorded

    def _polled(self, source: Source, started: dt.datetime, *, status: int, etag: str | None,
                last_modified: str | None, kind: str | None) -> None:
        state = self.states[source.url]
        if state.failures:
            self.say(f"Source {source.url}: answering again after {state.failures} failure(s)")
        self.states[source.url] = dataclasses.replace(
            state, kind=kind, last_poll=started, next_poll=started + dt.timedelta(seconds=source.every), etag=etag,
            last_modified=last_modified, failures=0, last_status=status, last_error=None, polls=state.polls + 1)
        self._dirty.add(source.url)

    def _failed(self, source: Source, started: dt.datetime, error: FetchError) -> None:
        state = self.states[source.url]
        failures = state.failures + 1
        wait = backoff(source.every, failures, self.settings.max_backoff, error.retry_after)
        self.report.polls += 1
        self.report.source_failures += 1
        # The wait runs from now, when the failure is known, not from when the poll began:
        # the poll's time waiting its host's turn, robots.txt or a slow answer (a timeout
        # takes `timeout` seconds) would otherwise eat the wait, and a Retry-After counts
        # from its answer (RFC 9110 10.2.3).
        self.states[source.url] = dataclasses.replace(
            state, last_poll=started, next_poll=utc_now() + dt.timedelta(seconds=wait), failures=failures,
            last_status=error.status, last_error=error.problem, polls=state.polls + 1)
        self._dirty.add(source.url)
        self.say(f"Source {source.url}: {error.problem}; {failures} failure(s) in a row, next try in {wait:.0f} s")

    # -- storing ---------------------------------------------------------------------------

    async def _batcher(self) -> None:
        """Hand pages to the store thread a batch at a time: `batch` pages, or fewer once
        the first has waited `batch_wait` seconds; all that is queued when told to stop."""
        closing = False
        while not closing:
            first = await self._pages.get()
            if first is None:
                return
            batch = [first]
            deadline = self._loop.time() + self.settings.batch_wait
            while len(batch) < self.settings.batch:
                left = deadline - self._loop.time()
                if left <= 0 and not self._stopping.is_set():
                    break
                try:
                    page = await asyncio.wait_for(self._pages.get(), timeout=max(left, 0.01))
                except TimeoutError:
                    if self._stopping.is_set() and not self._pages.empty():
                        continue
                    break
                if page is None:
                    closing = True
                    break
                batch.append(page)
            await self._store(batch)

    async def _store(self, batch: list[Page]) -> None:
        outcome: Outcome | None = None
        try:
            while outcome is None:
                try:
                    outcome = await self._loop.run_in_executor(
                        self._store_pool, lambda: store_pages(batch, self.options, self.db_path,
                                                               analyse=self._analyse, wait=LOCK_WAIT_SECONDS))
                except StoreLocked as exc:
                    if self._stopping.is_set():
                        self.say(f"Not stored, the store stayed busy: {len(batch)} pages (fetched again next time): "
                                 f"{exc}")
                        return
                    self.say(f"{exc}; trying again in {BUSY_RETRY_SECONDS:.0f} s")
                    await asyncio.sleep(BUSY_RETRY_SECONDS)
                except SitroomError as exc:  # e.g. the Dask cluster went away: the pages stay unrecorded
                    self.say(f"Not stored: {len(batch)} pages (fetched again at a later poll): {exc}")
                    return
                except Exception as exc:  # a bug: said, and the watch goes on
                    self.say(f"Not stored: {len(batch)} pages (fetched again at a later poll): internal error "
                             f"({type(exc).__name__}: {exc}); please report it")
                    return
        finally:
            final = {entry.url: entry.status not in (RETRY,) for entry in (outcome.entries if outcome else ())}
            for page in batch:
                self._claimed.discard(page.url)
                self._room.release()
                waiting = self._recorded.pop(page.url, None)
                if waiting is not None and not waiting.done():
                    waiting.set_result(final.get(page.url, False))
        self.report.stored += outcome.stored
        self.report.events += outcome.events
        self.report.duplicates += sum(1 for entry in outcome.entries if entry.status == DUPLICATE)
        for entry in outcome.entries:
            if entry.status in (FAILED, RETRY):
                self.report.failed += 1
                self.say(f"Page {entry.url}: {entry.last_error}")
        for url, count in outcome.stored_by_source.items():
            if url in self.states:
                self.states[url] = dataclasses.replace(self.states[url], items=self.states[url].items + count)
                self._dirty.add(url)
        if outcome.stored:
            self.note(f"Stored {plural(outcome.stored, 'article')} ({plural(outcome.events, 'event')}) from "
                      f"{plural(len(batch), 'page')}")
        await self._judge()

    async def _saver(self) -> None:
        while True:
            await asyncio.sleep(SAVE_SECONDS)
            await self._save()

    async def _save(self) -> None:
        if not self._dirty and not self._ledger:
            return
        states = [self.states[url] for url in sorted(self._dirty)]
        entries = list(self._ledger.values())
        self._dirty.clear()

        def work(store: Store) -> None:
            record_urls(store, entries)
            save_states(store, states)

        try:
            await self._in_store(work)
        except asyncio.CancelledError:
            # the watch stopping cancels the saver: its save, if it was still waiting for
            # the store thread, will never run, so the last save (as it stops) makes it
            self._dirty.update(state.url for state in states)
            raise
        except SitroomError as exc:  # kept for the next save
            self._dirty.update(state.url for state in states)
            self.say(f"State not saved yet: {exc}")
            return
        for entry in entries:  # recorded: the store answers for them now (unless a newer one came)
            if self._ledger.get(entry.url) is entry:
                del self._ledger[entry.url]

    # -- alerts ----------------------------------------------------------------------------

    async def _alert_loop(self) -> None:
        while True:
            await asyncio.sleep(ALERT_SECONDS)
            await self._judge()

    async def _judge(self, *, final: bool = False) -> None:
        """Judge what was written since the last time, and deliver what is owed."""
        rules = tuple(self._rules.values())

        def work(store: Store) -> tuple[list[alert_store.Alert], list[tuple[alert_store.Alert, list[str], int]],
                                         dict[str, dict[str, Any]]]:
            raised = alert_store.evaluate(store, rules)
            owed = alert_store.pending(store)
            records = alert_store.event_records(store, sorted({alert.event_id for alert, _, _ in owed}))
            return raised, owed, records

        async with self._judging:
            try:
                raised, owed, records = await self._in_store(work)
            except SitroomError as exc:  # judged at the next turn: the mark has not moved
                self.say(f"Alerts not judged yet: {exc}")
                return
            for alert in raised:
                self.report.alerts += 1
                self.say(f"Alert {alert.rule} ({alert.reason}): {alert.summary}")
            try:
                for alert, kinds, attempts in owed:
                    await self._deliver(alert, kinds, attempts, records.get(alert.event_id), final=final)
            except SitroomError as exc:  # what is still owed stays owed in the store: delivered at the next turn
                self.say(f"Alerts not all delivered yet: {exc}")

    async def _deliver(self, alert: alert_store.Alert, kinds: list[str], attempts: int,
                       record: dict[str, Any] | None, *, final: bool) -> None:
        assert alert.id is not None
        rule = self._rules.get(alert.rule)
        if rule is None:
            await self._in_store(lambda store: alert_store.settle(
                store, alert.id or 0, [], attempts, "its rule is no longer in the sources file: not delivered"))
            return
        body = deliver.payload(alert.to_dict(), record)
        owed = list(kinds)
        error = None
        if alert_store.FILE in owed and rule.file is not None:
            try:
                await asyncio.to_thread(deliver.append_line, rule.file, body)
                owed.remove(alert_store.FILE)
            except OSError as exc:
                error = f"{rule.file}: {exc.strerror or exc}"
                self.say(f"Alert {alert.rule}: cannot write {rule.file} ({exc.strerror or exc}); tried again later")
        if owed != kinds:
            await self._in_store(lambda store: alert_store.settle(store, alert.id or 0, owed, attempts, error))
        if alert_store.WEBHOOK in owed and rule.webhook is not None and alert.id not in self._webhooks \
                and not (final and attempts):
            task = asyncio.create_task(self._webhook(alert, rule.webhook, body, owed, attempts))
            self._webhooks[alert.id] = task
            task.add_done_callback(lambda _task: self._webhooks.pop(alert.id or 0, None))

    async def _webhook(self, alert: alert_store.Alert, url: str, body: dict[str, Any], owed: list[str],
                       attempts: int) -> None:
        try:
            await self._post(alert, url, body, owed, attempts)
        except SitroomError as exc:  # the attempts not recorded are made again at the next turn
            self.say(f"Alert {alert.rule}: webhook delivery not recorded: {exc}")

    async def _post(self, alert: alert_store.Alert, url: str, body: dict[str, Any], owed: list[str],
                    attempts: int) -> None:
        while True:
            if attempts:
                await asyncio.sleep(deliver.webhook_wait(attempts))
            done, error = await deliver.post(self._hooks, url, body)
            attempts += 1
            left = [kind for kind in owed if kind != alert_store.WEBHOOK]
            if done or attempts >= deliver.WEBHOOK_ATTEMPTS:
                if not done:
                    error = f"{error}; gave up after {attempts} attempts"
                if error:
                    self.say(f"Alert {alert.rule}: {error}")
                await self._in_store(lambda store: alert_store.settle(store, alert.id or 0, left, attempts, error))
                return
            await self._in_store(lambda store: alert_store.settle(store, alert.id or 0, owed, attempts, error))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _silent(_line: str) -> None:
    pass


def backoff(every: float, failures: int, cap: float, retry_after: float | None = None) -> float:
    """Seconds before polling a source again after `failures` failures in a row, counted
    from the last failure: its interval, doubled per failure after the first, at most
    `cap` (or its interval, if longer), and never sooner than a Retry-After the server
    sent."""
    wait = min(every * 2 ** max(failures - 1, 0), max(cap, every))
    if retry_after is not None:
        wait = max(wait, retry_after)
    return wait
