"""The live dashboard's routes: /api/stream (server-sent events), /api/sources, /api/alerts.

    GET /api/stream            text/event-stream:
                                 event: events  data: {"ids": [...], "count": N, "at": ISO time}
                                 event: alert   data: the alert object (below)
                                 ": ping" comment lines at least every PING_SECONDS
    GET /api/sources           every watched source with its health (`sitroom sources --json`)
    GET /api/alerts?limit=N    the latest alerts, newest first: {"id", "rule", "event_id",
                               "reason", "at", "summary", "killed", "outlets"}

Whoever writes the store (`sitroom watch`, `sitroom ingest`, POST /api/articles), the
server learns of it the same way: one `LiveHub` per app looks at the store every
POLL_SECONDS while at least one page listens, through the same short read-only session
as any request, and asks `watch.changes` which events the writes since its last look
stored or changed, and the watch's table which alerts were raised; it hands both to every
listening page. Nothing is polled while no page listens. The contract with the page is in
docs/watch.md ("The live dashboard").
"""
from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse

from ..errors import StoreError
from ..watch import sources as watched_sources
from ..watch.alerts import latest, newest_id
from ..watch.changes import changes_since, latest_mark
from .access import StoreAccess

log = logging.getLogger("sitroom.server")

# How often the store is looked at while a page listens: a new event shows within this
# (plus the writer's own batching), and a look is one short read-only session.
POLL_SECONDS = 2.0
# A comment line at least this often keeps proxies and the browser from closing an idle stream.
PING_SECONDS = 15.0
# What a browser waits before reconnecting a dropped stream (the SSE `retry` field), in ms.
RECONNECT_MS = 3_000
# Messages queued for one page; a page that falls this far behind (a stalled tab) loses
# the oldest, and the next `events` message makes it reload anyway.
QUEUE_MESSAGES = 100
# Alerts handed out per look and per /api/alerts call at most.
MAX_ALERTS = 200

router = APIRouter(prefix="/api")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class LiveHub:
    """Watches the store for the pages that listen, and tells each of them what changed."""

    def __init__(self, access: StoreAccess, *, poll_seconds: float = POLL_SECONDS) -> None:
        self._access = access
        self._poll_seconds = poll_seconds
        self._queues: set[asyncio.Queue[tuple[str, dict[str, Any]]]] = set()
        self._task: asyncio.Task[None] | None = None
        self._mark: str | None = None
        self._alert_id: int | None = None
        self._placed = False  # whether the marks say where the store stood when the first page came
        # set once the watcher has looked at the store for the pages now listening: a page is
        # told it is connected only then, so that no write between the two goes untold
        self.looked = asyncio.Event()

    def subscribe(self) -> asyncio.Queue[tuple[str, dict[str, Any]]]:
        queue: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue(QUEUE_MESSAGES)
        self._queues.add(queue)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        return queue

    def unsubscribe(self, queue: asyncio.Queue[tuple[str, dict[str, Any]]]) -> None:
        self._queues.discard(queue)

    async def _run(self) -> None:
        while self._queues:
            try:
                messages = await asyncio.to_thread(self._look)
            except StoreError as exc:  # a writer held the file past the read wait: look again next time
                log.info("live: store not read this time: %s", exc)
                messages = []
            self.looked.set()
            for message in messages:
                self._broadcast(message)
            await asyncio.sleep(self._poll_seconds)
        self._placed = False  # nobody listens: the next page starts from the store as it is then
        self.looked.clear()

    def _look(self) -> list[tuple[str, dict[str, Any]]]:
        if not self._access.path.exists():
            return []
        with self._access.reading() as store:
            if not self._placed:
                self._mark, self._alert_id = latest_mark(store), newest_id(store)
                self._placed = True
                return []
            changes = changes_since(store, self._mark)
            alerts = latest(store, limit=MAX_ALERTS, after=self._alert_id) if self._alert_id is not None \
                else latest(store, limit=MAX_ALERTS)
        self._mark = changes.mark
        messages: list[tuple[str, dict[str, Any]]] = []
        if changes.count:
            messages.append(("events", {"ids": list(changes.event_ids), "count": changes.count, "at": _now()}))
        for alert in reversed(alerts):  # oldest first
            messages.append(("alert", alert.to_dict()))
            self._alert_id = max(self._alert_id or 0, alert.id or 0)
        return messages

    def _broadcast(self, message: tuple[str, dict[str, Any]]) -> None:
        for queue in list(self._queues):
            if queue.full():
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
            queue.put_nowait(message)


def hub(request: Request) -> LiveHub:
    app = request.app
    if getattr(app.state, "live", None) is None:
        app.state.live = LiveHub(app.state.access)
    return app.state.live


@router.get("/stream", summary="Server-sent events: events stored or changed, and alerts raised")
async def stream(request: Request) -> StreamingResponse:
    listening = hub(request)
    queue = listening.subscribe()

    async def messages() -> AsyncIterator[str]:
        try:
            with contextlib.suppress(TimeoutError):
                # the store's place is taken before the page hears it is connected
                await asyncio.wait_for(listening.looked.wait(), timeout=PING_SECONDS)
            yield f"retry: {RECONNECT_MS}\n: connected\n\n"
            while True:
                try:
                    kind, data = await asyncio.wait_for(queue.get(), timeout=PING_SECONDS)
                except TimeoutError:
                    yield ": ping\n\n"
                    continue
                yield f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        finally:
            listening.unsubscribe(queue)

    return StreamingResponse(messages(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get("/sources", summary="The sources `sitroom watch` polls, with their health")
def list_sources(request: Request) -> JSONResponse:
    access: StoreAccess = request.app.state.access
    with access.reading() as store:
        return JSONResponse([state.to_dict() for state in watched_sources(store)])


@router.get("/alerts", summary="The latest alerts the watch raised, newest first")
def list_alerts(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_ALERTS)] = 20) -> JSONResponse:
    access: StoreAccess = request.app.state.access
    with access.reading() as store:
        return JSONResponse([alert.to_dict() for alert in latest(store, limit=limit)])
