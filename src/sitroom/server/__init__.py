"""`sitroom serve`: the dashboard and its JSON API (docs/server.md).

    app.py      the ASGI app: routes, static files, error handling
    api.py      the JSON API routes, thin over Store and reads
    reads.py    aggregate queries (actors, network, places, timeline)
    access.py   a short-lived store connection per request
    posting.py  POST /api/articles through intake, Analyzer and Store.add_articles
    limits.py   body, query-string and Host checks; security headers
    errors.py   the one JSON error shape
    run.py      starting uvicorn
"""
from __future__ import annotations

from .app import create_app
from .config import ServerConfig, new_token
from .run import serve

__all__ = ["ServerConfig", "create_app", "new_token", "serve"]
