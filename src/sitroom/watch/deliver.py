"""Delivering alerts: a line in a JSON Lines file, a JSON POST to a webhook.

Both carry the same object: the alert (`Alert.to_dict()`) with the event's record under
"event". A file line is appended and flushed at once. A webhook gets a POST with
`Content-Type: application/json`; any 2xx answer is a delivery, a 4xx other than
408/429 is a refusal that no retry will change, anything else (5xx, 429, a timeout, a
refused connection) is tried again after a wait that doubles from WEBHOOK_FIRST_WAIT up
to WEBHOOK_MAX_WAIT, WEBHOOK_ATTEMPTS times in all. Attempts are counted in the store,
so a restarted watch goes on where the last one stopped.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

WEBHOOK_ATTEMPTS = 8
WEBHOOK_FIRST_WAIT = 1.0
WEBHOOK_MAX_WAIT = 300.0
WEBHOOK_TIMEOUT = 10.0
RETRYABLE = frozenset({408, 425, 429})


def payload(alert: dict[str, Any], record: dict[str, Any] | None) -> dict[str, Any]:
    return {**alert, "event": record}


def append_line(path: Path, body: dict[str, Any]) -> None:
    """One JSON object per line, appended and flushed (raises OSError)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(body, ensure_ascii=False) + "\n")
        handle.flush()


def webhook_wait(attempts: int) -> float:
    """Seconds before attempt number `attempts + 1`."""
    return min(WEBHOOK_FIRST_WAIT * 2 ** max(attempts - 1, 0), WEBHOOK_MAX_WAIT)


async def post(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> tuple[bool, str | None]:
    """One POST: (done, error). done is True on success and on a refusal no retry will
    change (the error then says so); False means try again later."""
    try:
        response = await client.post(url, json=body, timeout=WEBHOOK_TIMEOUT)
    except httpx.HTTPError as exc:
        return False, f"webhook {url}: {type(exc).__name__}: {exc}"
    status = response.status_code
    if 200 <= status < 300:
        return True, None
    if 400 <= status < 500 and status not in RETRYABLE:
        return True, f"webhook {url} refused the alert: HTTP {status} (not retried)"
    return False, f"webhook {url}: HTTP {status}"
