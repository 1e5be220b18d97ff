"""The HTTP API and the offline dashboard over the event store.

``create_app`` builds a FastAPI app; routes stay thin over the store's methods
(``query``, ``count``, ``get_event``, ``get_document``, ``stats``,
``ingest_documents``) and over :func:`eventwire.api.extract`.

Writes (``POST /documents``) follow one rule:

* a token is configured -> the request must carry it
  (``Authorization: Bearer <token>`` or ``X-API-Token``), else 401;
* no token, bound to loopback -> allowed (a local, single-user tool);
* no token, bound elsewhere -> the server is read-only (403).

``POST /extract`` stores nothing and needs no token.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
import logging
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..errors import EventwireError, InputError, StoreError
from ..events.lexicon import EVENT_TYPES
from ..models import ACLED_COLUMNS, EXTRA_COLUMNS, Document, Event
from .security import LOOPBACK_HOSTS, SecurityMiddleware, content_security_policy

log = logging.getLogger("eventwire.web")

MAX_LIMIT = 5000
MAX_TEXT = 200_000  # characters in one article posted to /extract or /documents
DEFAULT_MAX_BODY = 2_000_000  # bytes in one request body


def static_dir() -> Path:
    """The packaged static assets (page, vendored Leaflet, basemap)."""
    return Path(str(resources.files("eventwire.web") / "static"))


# --------------------------------------------------------------------- models
class EventPage(BaseModel):
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    events: list[dict[str, Any]]


class Stats(BaseModel):
    model_config = ConfigDict(extra="allow")
    total: int = 0
    by_day: list[dict[str, Any]] = []
    by_type: list[dict[str, Any]] = []
    by_country: list[dict[str, Any]] = []


class ArticleIn(BaseModel):
    """An article to extract events from (or to ingest)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article text as given")
    title: str = Field("", max_length=1000)
    source: str = Field("", max_length=300)
    published: dt.date | None = Field(None, description="publication date: anchors relative dates")


class DocumentIn(ArticleIn):
    id: str | None = Field(None, max_length=200, pattern=r"^[A-Za-z0-9._:\-]+$")
    url: str = Field("", max_length=2000)


class Ingested(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    stored: bool
    events: list[dict[str, Any]] = []


class Config(BaseModel):
    version: str
    writable: bool = Field(description="whether POST /documents can succeed")
    token_required: bool = Field(description="whether POST /documents needs the API token")
    tiles: str | None = None
    tiles_attribution: str = ""
    event_types: list[str]


# -------------------------------------------------------------------- helpers
class Filters:
    """The ``query`` filters, shared by /events, /stats and the CSV export."""

    def __init__(
        self,
        date_from: Annotated[dt.date | None, Query(description="first day (YYYY-MM-DD)")] = None,
        date_to: Annotated[dt.date | None, Query(description="last day (YYYY-MM-DD), inclusive")] = None,
        country: Annotated[str | None, Query(max_length=200)] = None,
        admin1: Annotated[str | None, Query(max_length=200)] = None,
        event_type: Annotated[str | None, Query(max_length=200)] = None,
        sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
        actor: Annotated[str | None, Query(max_length=200, description="actor1, actor2 or associates")] = None,
        text: Annotated[str | None, Query(max_length=200, description="free text in notes, location, actors")] = None,
        bbox: Annotated[
            str | None,
            Query(
                max_length=200,
                description="min_lon,min_lat,max_lon,max_lat",
                pattern=r"^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$",
            ),
        ] = None,
    ) -> None:
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, "date_from is after date_to")
        box = None
        if bbox:
            x0, y0, x1, y1 = (float(v) for v in bbox.split(","))
            if not (-180 <= x0 <= 180 and -180 <= x1 <= 180 and -90 <= y0 <= 90 and -90 <= y1 <= 90):
                raise HTTPException(422, "bbox out of range")
            if x0 > x1 or y0 > y1:
                raise HTTPException(422, "bbox min is greater than max")
            box = (x0, y0, x1, y1)
        self.kw: dict[str, Any] = {
            k: v
            for k, v in {
                "date_from": date_from.isoformat() if date_from else None,
                "date_to": date_to.isoformat() if date_to else None,
                "country": country or None,
                "admin1": admin1 or None,
                "event_type": event_type or None,
                "sub_event_type": sub_event_type or None,
                "actor": actor or None,
                "text": text or None,
                "bbox": box,
            }.items()
            if v is not None
        }


def _event_obj(d: dict[str, Any]) -> Event:
    return Event.from_dict(d)


def events_csv(events: list[dict[str, Any]]) -> str:
    from ..output import csv_row  # text cells already neutralised against spreadsheet formulas

    buf = io.StringIO()
    cols = list(ACLED_COLUMNS) + list(EXTRA_COLUMNS)
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for d in events:
        w.writerow(csv_row(_event_obj(d)))
    return buf.getvalue()


def events_geojson(events: list[dict[str, Any]], total: int) -> dict[str, Any]:
    feats = []
    for d in events:
        lat, lon = d.get("latitude"), d.get("longitude")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feats.append({"type": "Feature", "id": d.get("event_id"), "geometry": geom, "properties": d})
    return {"type": "FeatureCollection", "total": total, "features": feats}


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"tile URL must be http(s)://host/...: {url!r}")
    netloc = parts.netloc
    if "{s}" in url.split("/")[2]:
        netloc = "*." + netloc.split(".", 1)[1]
    return f"{parts.scheme}://{netloc}"


def _jsonable(obj: Any) -> Any:
    """Make a store value JSON-safe (dates -> ISO strings)."""
    return json.loads(json.dumps(obj, default=lambda o: o.isoformat() if hasattr(o, "isoformat") else str(o)))


Order = Literal["event_date", "-event_date", "fatalities", "-fatalities", "n_sources", "-n_sources", "updated", "-updated"]


# ------------------------------------------------------------------------ app
def create_app(
    store: Any = None,
    db: str | None = None,
    token: str | None = None,
    loopback: bool = True,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    tiles: str | None = None,
    tiles_attribution: str = "",
    pipeline: Callable[[Document], Document] | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The API + dashboard app.

    ``store``: an open store (else one is opened from ``db``). ``token``: the
    API token for writes. ``loopback``: whether the server is bound to a
    loopback address (only then are writes without a token allowed, and the
    ``Host`` header must be a loopback name unless ``allowed_hosts`` is given).
    ``tiles``: an optional tile URL template (the basemap is offline otherwise).
    ``pipeline``: what turns a Document into events for ``/extract`` and
    ``/documents`` (default: :func:`eventwire.api.extract`'s pipeline).
    """
    if store is None:
        from ..store import open_store

        store = open_store(db)
    token = token or None
    tile_origin = _origin(tiles)
    lock = threading.RLock()  # one store call at a time (SQLite connections are not shared-safe)
    nlp_lock = threading.Lock()  # one extraction at a time (CPU-bound; keeps the pipeline single-threaded)
    writable = bool(token) or loopback

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=(
            "ACLED-style events extracted from news reports: query them, read their "
            "evidence, extract events from a pasted article."
        ),
        docs_url=None,  # the stock Swagger page needs a CDN and inline script; ours is offline
        redoc_url=None,
    )
    app.state.store = store

    if allowed_hosts is None and loopback:
        allowed_hosts = sorted(LOOPBACK_HOSTS)
    app.add_middleware(
        SecurityMiddleware,
        max_body=max_body,
        csp=content_security_policy(tile_origin),
        allowed_hosts=allowed_hosts,
    )

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": "the event store is unavailable"}, status_code=503)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=422)

    def call(method: str, *args: Any, **kw: Any) -> Any:
        with lock:
            return getattr(store, method)(*args, **kw)

    def require_write(
        authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
        x_api_token: Annotated[str | None, Header(include_in_schema=False)] = None,
    ) -> None:
        if token:
            given = x_api_token or ""
            if authorization and authorization.lower().startswith("bearer "):
                given = authorization[7:].strip()
            if not given or not hmac.compare_digest(given.encode(), token.encode()):
                raise HTTPException(401, "a valid API token is required", headers={"WWW-Authenticate": "Bearer"})
        elif not loopback:
            raise HTTPException(
                403, "read-only server: start it with --token (or EVENTWIRE_TOKEN) to allow ingest"
            )

    def json_body(request: Request) -> None:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            raise HTTPException(415, "send application/json")

    # -------------------------------------------------------------- pages
    static = static_dir()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=static), name="static")

    # ---------------------------------------------------------------- API
    @app.get("/config", response_model=Config, tags=["dashboard"])
    def config() -> Config:
        """What the dashboard needs to know about this server."""
        return Config(
            version=__version__,
            writable=writable,
            token_required=bool(token),
            tiles=tiles,
            tiles_attribution=tiles_attribution,
            event_types=list(EVENT_TYPES),
        )

    @app.get(
        "/events",
        response_model=EventPage,
        tags=["events"],
        responses={
            200: {
                "content": {
                    "application/json": {},
                    "application/geo+json": {"schema": {"type": "object"}},
                    "text/csv": {"schema": {"type": "string"}},
                }
            }
        },
    )
    def list_events(
        filters: Annotated[Filters, Depends()],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        order: Annotated[Order, Query(description="sort key; a leading '-' sorts descending")] = "event_date",
        format: Literal["json", "geojson", "csv"] = "json",
    ) -> Any:
        """Events matching the filters, a page at a time, as JSON, GeoJSON or CSV (ACLED columns)."""
        with lock:
            events = store.query(**filters.kw, limit=limit, offset=offset, order=order)
            total = store.count(**filters.kw)
        events = _jsonable(events) if _needs_conversion(events) else events
        if format == "csv":
            return Response(
                events_csv(events),
                media_type="text/csv; charset=utf-8",
                headers={
                    "Content-Disposition": 'attachment; filename="eventwire-events.csv"',
                    "X-Total-Count": str(total),
                },
            )
        if format == "geojson":
            return JSONResponse(events_geojson(events, total), media_type="application/geo+json")
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "events": events})

    @app.get("/events/{event_id}", tags=["events"], responses={404: {"description": "no such event"}})
    def get_event(event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One event: every field, its merged sources and its evidence."""
        event = call("get_event", event_id)
        if event is None:
            raise HTTPException(404, "no such event")
        return _jsonable(event)

    @app.get("/documents/{doc_id}", tags=["documents"], responses={404: {"description": "no such document"}})
    def get_document(doc_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One stored article: its text as given, the cleaned text and its events."""
        doc = call("get_document", doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return _jsonable(doc)

    @app.get("/stats", response_model=Stats, tags=["events"])
    def stats(filters: Annotated[Filters, Depends()]) -> Any:
        """Counts of the matching events by day and type, by type, by country."""
        with lock:
            out = _jsonable(store.stats(**filters.kw))
            out.setdefault("total", store.count(**filters.kw))
        return out

    @app.post(
        "/extract",
        tags=["extraction"],
        dependencies=[Depends(json_body)],
        responses={413: {"description": "body too large"}, 415: {"description": "not JSON"}},
    )
    def extract_events(article: ArticleIn) -> list[dict[str, Any]]:
        """Events in a pasted article (nothing is stored)."""
        published = article.published.isoformat() if article.published else None
        try:
            with nlp_lock:
                events = _run_extract(article, published)
            return _jsonable([e.as_dict() for e in events])
        except InputError:
            raise
        except EventwireError as exc:
            log.error("extraction failed: %s", exc)
            raise HTTPException(422, "extraction failed for this text") from None

    def _run_extract(article: ArticleIn, published: str | None) -> list[Event]:
        from .. import api

        if pipeline is None:
            return api.extract(
                text=article.text, published=published, title=article.title or None, source=article.source or None
            )
        doc = api.make_document(text=article.text, published=published, title=article.title, source=article.source)
        return pipeline(doc).events

    @app.post(
        "/documents",
        response_model=Ingested,
        status_code=201,
        tags=["documents"],
        dependencies=[Depends(require_write), Depends(json_body)],
        responses={
            401: {"description": "token missing or wrong"},
            403: {"description": "read-only server"},
            413: {"description": "body too large"},
            415: {"description": "not JSON"},
        },
    )
    def post_document(article: DocumentIn, response: Response) -> Any:
        """Ingest one article: run extraction and store it and its events (needs the API token)."""
        from .. import api

        doc = api.make_document(
            text=article.text,
            published=article.published,
            title=article.title,
            source=article.source,
            url=article.url or None,
            doc_id=article.id,
        )
        with lock:
            duplicate = bool(getattr(store, "is_duplicate", lambda _d: False)(doc))
        if not duplicate:  # extract outside the store lock: reads go on meanwhile
            try:
                with nlp_lock:
                    doc = (pipeline or api.get_pipeline())(doc)
            except Exception as exc:  # noqa: BLE001 - recorded, then a clean 422
                log.exception("extraction failed for posted document %s", doc.id)
                record = getattr(store, "record_failure", None)
                if record is not None:
                    with lock:
                        record(doc.origin or doc.id, exc, doc_id=doc.id, url=doc.url)
                raise HTTPException(422, "extraction failed for this document") from None
            doc.meta["processed"] = True
        stored_as: list[str | None] = []
        with lock:
            report = store.ingest_documents(
                [doc], pipeline=pipeline or api.get_pipeline(), on_document=lambda _d, i: stored_as.append(i)
            )
            doc_id = stored_as[0] if stored_as and stored_as[0] else doc.id
            stored = store.get_document(doc_id) if stored_as and stored_as[0] else None
        rep = _report_dict(report)
        if isinstance(rep, dict) and rep.get("failed"):
            raise HTTPException(422, "the document could not be stored (see the server's failures list)")
        out: dict[str, Any] = {"id": doc_id, "stored": stored is not None, "report": rep}
        if stored is None:
            response.status_code = 200  # already stored (same URL or text): nothing new
        if stored is not None:
            out["events"] = stored.get("events", [])
        return _jsonable(out)

    return app


def _needs_conversion(events: list[dict[str, Any]]) -> bool:
    """Whether store rows hold values JSON cannot carry as they are (dates, ...)."""
    plain = (str, int, float, bool, type(None), list, dict)
    return any(not isinstance(v, plain) for e in events[:1] for v in e.values())


def _report_dict(report: Any) -> Any:
    import dataclasses

    if report is None:
        return None
    if hasattr(report, "as_dict"):
        return report.as_dict()
    if dataclasses.is_dataclass(report):
        return dataclasses.asdict(report)
    if isinstance(report, dict):
        return report
    return {k: v for k, v in vars(report).items() if not k.startswith("_")} if hasattr(report, "__dict__") else str(report)
