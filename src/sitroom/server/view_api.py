"""The dashboard's routes under /api/view: the reads of `views`, with the filters of
every other list route plus a `scope` (news, background, all).

They sit beside the routes of `api` rather than inside them so that those keep their
answers (store order, every event) for the clients that rely on them.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from . import views
from .api import Db, Filters
from .config import MAX_PAGE, MAX_PLACES
from .views import Scope

router = APIRouter(prefix="/api/view", default_response_class=JSONResponse)

ScopeQuery = Annotated[Scope, Query(description="news: dated events not told as background (the default); "
                                                "background: historical or undated ones; all: both")]


@router.get("/events", summary="The scope's events, newest first (undated last), paginated")
def view_events(filters: Filters, db: Db, scope: ScopeQuery = Scope.news,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(views.events(store, filters, scope, limit=limit, offset=offset))


@router.get("/timeline", summary="Events per day and kind of interaction, with the default period")
def view_timeline(filters: Filters, db: Db, scope: ScopeQuery = Scope.news) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(views.timeline(store, filters, scope))


@router.get("/network", summary="The heaviest actor pairs, each with its cooperation and conflict")
def view_network(filters: Filters, db: Db, scope: ScopeQuery = Scope.news,
                 limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 80) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(views.network(store, filters, scope, limit=limit))


@router.get("/places", summary="Events and deaths per country and per located place")
def view_places(filters: Filters, db: Db, scope: ScopeQuery = Scope.news,
                limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 500) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(views.places(store, filters, scope, limit=limit))
