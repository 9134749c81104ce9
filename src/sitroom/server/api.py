"""The JSON API: thin routes over `Store`, `reads` and `posting`.

Every route opens the store for itself (see `access`); filters are parsed once, into
the same `EventFilter` `sitroom events` uses. Errors are raised, never answered here:
`errors.install` turns them into the one JSON shape.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import UsageError
from ..intake.fields import MAX_ID_CHARS
from ..store import EventFilter
from . import reads
from .access import StoreAccess
from .config import MAX_BATCH, MAX_PAGE, MAX_PLACES
from .posting import Poster

# Longest value a text filter takes.
MAX_FILTER_CHARS = 200

# Routes answer JSONResponse themselves: the bodies are plain JSON already, and FastAPI's
# jsonable_encoder would walk them again (20 ms for a 100,000-event timeline).
router = APIRouter(prefix="/api", default_response_class=JSONResponse)


def event_filter(
    actor: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z0-9]+$",
                                       description="Actor code prefix, source or target: RUS, SYRREB")] = None,
    code: Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix: 19, 0871")] = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="ISO alpha-3 of the place or either actor")] = None,
    # Dates are checked once, by EventFilter (400 with a plain message), as for `sitroom events`.
    since: Annotated[str | None, Query(description="First day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Last day, YYYY-MM-DD")] = None,
    text: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS,
                                      description="Words in an evidence sentence, any case")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
) -> EventFilter:
    return EventFilter(actor=actor or None, code=code or None, country=country or None, since=since or None,
                       until=until or None, text=text or None, bbox=parse_bbox(bbox) if bbox else None)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or any(n != n for n in numbers):
        raise UsageError(f"bbox must be four numbers min_lon,min_lat,max_lon,max_lat, not {value!r}")
    return numbers[0], numbers[1], numbers[2], numbers[3]


Filters = Annotated[EventFilter, Depends(event_filter)]


def access(request: Request) -> StoreAccess:
    return request.app.state.access


def labels(request: Request) -> dict[str, str]:
    return request.app.state.root_labels


Db = Annotated[StoreAccess, Depends(access)]
# Ids come from the input and may hold a slash ("reuters/2024/abc"): the routes take the
# rest of the path.
Id = Annotated[str, Path(max_length=MAX_ID_CHARS)]


@router.get("/events", summary="Events, filtered and paginated (by date, undated last, then id)")
def list_events(filters: Filters, db: Db, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> JSONResponse:
    with db.reading() as store:
        total = store.count_events(filters)
        records = store.events(filters, limit=limit, offset=offset)
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": records})


@router.get("/events/{event_id:path}", summary="One event record with its evidence, reports and contradictions")
def get_event(event_id: Id, db: Db) -> JSONResponse:
    with db.reading() as store:
        record = store.event(event_id)
    if record is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return JSONResponse(record)


@router.get("/articles/{article_id:path}", summary="One stored article with its text (evidence offsets point into it)")
def get_article(article_id: Id, db: Db) -> JSONResponse:
    with db.reading() as store:
        found = reads.article(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return JSONResponse(found)


@router.get("/actors", summary="Actors of the selected events, by number of events")
def list_actors(filters: Filters, db: Db,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse({"actors": reads.actors(store, filters, limit=limit)})


@router.get("/network", summary="Who acts on whom: the heaviest actor pairs, weighted by events")
def get_network(filters: Filters, db: Db,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 80) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(reads.network(store, filters, limit=limit))


@router.get("/places", summary="Events per country, and the busiest located places")
def list_places(filters: Filters, db: Db,
                limit: Annotated[int, Query(ge=1, le=MAX_PLACES)] = 500) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(reads.places(store, filters, limit=limit))


@router.get("/timeline", summary="Events per day and CAMEO root")
def get_timeline(filters: Filters, db: Db,
                 root_labels: Annotated[dict[str, str], Depends(labels)]) -> JSONResponse:
    with db.reading() as store:
        return JSONResponse(reads.timeline(store, filters, root_labels))


class ArticleIn(BaseModel):
    """One article, as in a JSON input file of `sitroom ingest` (docs/intake.md)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="The article's text (or give html)")
    html: str | None = Field(None, description="The article's HTML; boilerplate is stripped")
    id: str | None = Field(None, max_length=MAX_ID_CHARS)
    title: str | None = Field(None, max_length=2_000)
    outlet: str | None = Field(None, max_length=500)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or an ISO 8601 time")
    language: str | None = Field(None, max_length=20)
    url: str | None = Field(None, max_length=2_000)

    @model_validator(mode="after")
    def one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text and html")
        return self


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_BATCH)


# The token is checked before the body is read, by limits.Guard (the route is a write).
@router.post("/articles", summary="Ingest articles (needs the token)", status_code=201)
def post_articles(body: ArticlesIn, request: Request, response: Response) -> dict[str, Any]:
    poster: Poster = request.app.state.poster
    report = poster.post([item.model_dump(exclude_none=True) for item in body.articles])
    if not report.stored:
        response.status_code = 200
    return {"ids": list(report.ids), "stored": report.stored, "unchanged": report.unchanged,
            "events": report.events}
