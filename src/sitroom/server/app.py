"""The ASGI app: the JSON API under /api, the dashboard page at /, its files under /static.

    app = create_app(ServerConfig(db_path=Path("news.duckdb"), token=new_token()))

Static files are read into memory when the app is made, from the package's `static`
folder, and served by name from that table: a request path is never joined to a
folder, so `..`, its encodings and absolute paths name nothing and get a 404.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import Response

from ..knowledge.events import EventLexicon
from ..options import Options
from ..pipeline import Analyzer
from . import errors, live
from .access import StoreAccess
from .api import router
from .config import ServerConfig
from .limits import Guard
from .posting import Poster
from .view_api import router as view_router

STATIC = Path(__file__).resolve().parent / "static"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".geojson": "application/geo+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
INDEX = "index.html"


def static_files(folder: Path = STATIC) -> dict[str, tuple[bytes, str]]:
    """Every servable file under `folder` (a file with a known type) by its path from
    there: `app.js`, `vendor/d3/d3.min.js`."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), CONTENT_TYPES[path.suffix])
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in CONTENT_TYPES
    }


def create_app(config: ServerConfig, *, analyzer_factory: Callable[[Options], Analyzer] = Analyzer,
               lexicon: EventLexicon | None = None) -> FastAPI:
    """The app for `config`. `analyzer_factory` makes the analyzer posts use (on the first
    post); tests pass a lighter one."""
    app = FastAPI(
        title="sitroom",
        summary="Conflict and diplomacy events coded from news, with their evidence",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load their scripts from a CDN; the page loads nothing from outside
        redoc_url=None,
    )
    access = StoreAccess(config.db_path, read_wait=config.read_wait, write_wait=config.write_wait)
    lexicon = lexicon or EventLexicon.load()
    app.state.config = config
    app.state.access = access
    app.state.poster = Poster(access, config.options, analyzer_factory)
    app.state.root_labels = {code: entry.label for code, entry in lexicon.codes.items() if len(code) == 2}
    errors.install(app)
    app.include_router(router)
    app.include_router(view_router)
    app.include_router(live.router)  # /api/stream, /api/sources, /api/alerts (sitroom watch)
    files = static_files()

    def serve_file(name: str) -> Response:
        found = files.get(name)
        if found is None:
            raise HTTPException(404, "no such file")
        content, kind = found
        return Response(content, media_type=kind, headers={"Cache-Control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return serve_file(INDEX)

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> Response:
        return serve_file(name)

    app.add_middleware(Guard, token=config.token, max_body_bytes=config.max_body_bytes,
                       max_query_bytes=config.max_query_bytes, body_seconds=config.body_seconds,
                       allowed_hosts=config.allowed_hosts)
    return app

