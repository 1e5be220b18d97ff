"""The event store: documents and their events in SQLite or PostgreSQL.

``open_store(db)`` takes a path (SQLite, one file, WAL mode), a ``sqlite:///``
URL or a ``postgresql://`` URL (SQLAlchemy Core over psycopg 3). The schema is
the same on both and is brought up to date by recorded migrations
(:mod:`eventwire.store.schema`) on open.

Writes are per document: a document, its raw events and the merged events they
join commit in one transaction, so a killed ingest loses at most the document
it was writing, and re-running it stores that document once. A document is a
duplicate -- and adds nothing -- when its normalised URL or its normalised
text is already stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import re
import time
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import EventwireError, InputError, ResourceError, StoreError
from ..models import ACLED_COLUMNS, Document, Event
from . import dedup
from .schema import SCHEMA_VERSION, current_version, documents, events, failures, migrate, now, raw_events

ORDERS = {
    "event_date": (events.c.event_date.asc(), events.c.event_id.asc()),
    "-event_date": (events.c.event_date.desc(), events.c.event_id.desc()),
    "fatalities": (events.c.fatalities.asc(), events.c.event_id.asc()),
    "-fatalities": (events.c.fatalities.desc(), events.c.event_id.asc()),
    "n_sources": (events.c.n_sources.asc(), events.c.event_id.asc()),
    "-n_sources": (events.c.n_sources.desc(), events.c.event_id.asc()),
    "updated": (events.c.updated_at.asc(), events.c.event_id.asc()),
    "-updated": (events.c.updated_at.desc(), events.c.event_id.asc()),
    "event_id": (events.c.event_id.asc(),),
}
FILTERS = ("date_from", "date_to", "country", "admin1", "bbox", "event_type", "sub_event_type", "actor", "text")


# ------------------------------------------------------------------ keys
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$|ocid$)")


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    query = urllib.parse.urlencode(sorted(
        (k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k.lower())
    ))
    path = parts.path.rstrip("/") or "/"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        scheme = "http"  # the same article over http and https
    return urllib.parse.urlunsplit((scheme, host, path, query, ""))


def url_key(url: str) -> str | None:
    norm = normalise_url(url)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest() if norm else None


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201a\u201b]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f]", '"', text)
    return " ".join(text.split())


def text_key(text: str) -> str:
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ report
@dataclass(slots=True)
class IngestReport:
    """What one ingest run did."""

    seen: int = 0  # documents (and bad inputs) looked at
    added: int = 0  # documents stored
    duplicates: int = 0  # documents already stored (same URL or text)
    failed: int = 0  # inputs or documents that failed (see Store.failures())
    events: int = 0  # raw events stored
    new_events: int = 0  # merged events created
    merged: int = 0  # raw events that joined an event already stored
    seconds: float = 0.0
    stopped: bool = False  # stopped early (signal)

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}

    def __str__(self) -> str:
        rate = self.added / self.seconds if self.seconds else 0.0
        s = (f"{self.added} documents stored, {self.duplicates} duplicates, {self.failed} failed; "
             f"{self.events} events read, {self.new_events} new, {self.merged} merged into existing events "
             f"({self.seconds:.1f} s, {rate:.1f} docs/s)")
        return s + (" -- stopped early" if self.stopped else "")


# ------------------------------------------------------------------ opening
def default_db_path() -> Path:
    env = os.environ.get("EVENTWIRE_DB")
    if env:
        return Path(env)
    from ..settings import Settings

    return Settings().data_dir / "events.sqlite"


def _resolve(db: str | os.PathLike | None) -> tuple[str, str | None]:
    """(SQLAlchemy URL, PostgreSQL schema or None)."""
    if db is None or str(db) == "":
        db = default_db_path()
    s = str(db)
    if s.startswith(("postgresql", "postgres://")):
        parts = urllib.parse.urlsplit(s)
        scheme = parts.scheme
        if scheme in ("postgres", "postgresql"):
            scheme = "postgresql+psycopg"
        q = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        schema = next((v for k, v in q if k == "schema"), None)
        q = [(k, v) for k, v in q if k != "schema"]
        url = urllib.parse.urlunsplit((scheme, parts.netloc, parts.path, urllib.parse.urlencode(q), ""))
        return url, schema
    if s.startswith("sqlite:"):
        return s, None
    return "sqlite:///" + str(Path(s).expanduser().absolute()), None


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: a committed transaction survives a killed process
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def open_store(db: str | os.PathLike | None = None, *, create: bool = True, schema: str | None = None) -> "Store":
    """Open (and by default create or migrate) a store.

    ``db``: a file path or ``sqlite:///PATH`` (SQLite), or ``postgresql://USER@HOST/DB``
    (a ``?schema=NAME`` query parameter, or ``schema=``, puts the tables in that
    PostgreSQL schema). None: $EVENTWIRE_DB, else ``events.sqlite`` in the user data dir.
    ``create=False``: fail if the database does not exist yet.
    """
    url, url_schema = _resolve(db)
    schema = schema or url_schema
    kwargs: dict[str, Any] = {"future": True}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            p = Path(path)
            if not p.exists():
                if not create:
                    raise StoreError(f"{p}: no such event store (run `eventwire ingest --db {p} ...` first)")
                p.parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    else:
        if schema:
            if not _SCHEMA_NAME.match(schema):
                raise StoreError(f"not a valid PostgreSQL schema name: {schema!r}")
            kwargs["connect_args"] = {"options": f"-csearch_path={schema}", "connect_timeout": 10}
        else:
            kwargs["connect_args"] = {"connect_timeout": 10}
        kwargs["pool_pre_ping"] = True
    try:
        engine = sa.create_engine(url, **kwargs)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open {db}: {exc}") from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if engine.dialect.name == "postgresql" and schema:
            with engine.begin() as conn:
                exists = conn.execute(sa.text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first()
                if not exists:
                    if not create:
                        raise StoreError(f"{db}: no schema {schema!r} (run `eventwire ingest` first)")
                    conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        if not create and current_version(engine) == 0:
            raise StoreError(f"{db}: not an eventwire store (no tables; run `eventwire ingest` first)")
        migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        msg = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"cannot open {_redact(url)}: {msg}") from None
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, schema=schema)


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def _as_date(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        raise StoreError(f"not a date (YYYY-MM-DD): {s!r}") from None


def parse_bbox(bbox: Any) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` (string or sequence) -> floats."""
    if bbox is None or bbox == "":
        return None
    parts = bbox.split(",") if isinstance(bbox, str) else list(bbox)
    try:
        vals = tuple(float(x) for x in parts)
    except (TypeError, ValueError):
        raise StoreError(f"bbox must be min_lon,min_lat,max_lon,max_lat: {bbox!r}") from None
    if len(vals) != 4 or vals[0] > vals[2] or vals[1] > vals[3]:
        raise StoreError(f"bbox must be min_lon,min_lat,max_lon,max_lat: {bbox!r}")
    return vals  # type: ignore[return-value]


def _actors_key(ev: Event) -> str:
    return " | ".join(x for x in (ev.actor1, ev.assoc_actor_1, ev.actor2, ev.assoc_actor_2) if x).lower()


def _search_text(ev: Event) -> str:
    parts = [e.text for e in ev.evidence] + [ev.notes]
    return " ".join(" ".join(p.split()) for p in parts if p).lower()


_BY_URL_KEY = sa.select(documents.c.id).where(documents.c.url_key == sa.bindparam("k"))
_BY_TEXT_KEY = sa.select(documents.c.id).where(documents.c.text_key == sa.bindparam("k"))
_CLEAR_FAILURE = failures.delete().where(failures.c.origin == sa.bindparam("origin"))
_UPDATE_EVENT = events.update().where(events.c.event_id == sa.bindparam("b_event_id"))
_REFRESH_MEMBERS = (sa.select(raw_events.c.data).where(raw_events.c.cluster_id == sa.bindparam("cid"))
                    .order_by(raw_events.c.id))
_MOVE_REPORT = raw_events.update().where(
    raw_events.c.event_id == sa.bindparam("b_event_id"), raw_events.c.doc_id == sa.bindparam("b_doc_id"),
    raw_events.c.cluster_id == sa.bindparam("b_from"))
_MEMBERS_STAMP = sa.select(sa.func.count(), sa.func.max(raw_events.c.id)).where(
    raw_events.c.cluster_id == sa.bindparam("cid"))


class Store:
    """Documents, raw events and merged events in one database. Build with :func:`open_store`."""

    def __init__(self, engine: Engine, schema: str | None = None) -> None:
        self.engine = engine
        self.schema = schema
        self.dialect = engine.dialect.name
        self._candidate_stmts: dict[tuple, Any] = {}
        # the parsed reports of recently matched events, keyed by event id and checked against the
        # database's (count, last id) of its reports before use: a big event is not re-read and
        # re-parsed for every report that comes near it
        self._members: dict[str, tuple[tuple[int, int], list[Event]]] = {}

    # ------------------------------------------------------------ basics
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def url(self) -> str:
        return _redact(self.engine.url.render_as_string(hide_password=True))

    def schema_version(self) -> int:
        return current_version(self.engine)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for name, t in (("documents", documents), ("events", events), ("raw_events", raw_events),
                                ("failures", failures))
            }

    def has_url(self, url: str) -> bool:
        key = url_key(url)
        if key is None:
            return False
        with self.engine.connect() as conn:
            return conn.execute(sa.select(documents.c.id).where(documents.c.url_key == key)).first() is not None

    def is_duplicate(self, doc: Document) -> bool:
        with self.engine.connect() as conn:
            return self._duplicate_of(conn, doc) is not None

    def _duplicate_of(self, conn: Connection, doc: Document) -> str | None:
        ukey = url_key(doc.url)
        if ukey:  # two indexed lookups (an OR of the two would scan the table)
            row = conn.execute(_BY_URL_KEY, {"k": ukey}).first()
            if row:
                return row[0]
        row = conn.execute(_BY_TEXT_KEY, {"k": text_key(doc.text)}).first()
        return row[0] if row else None

    # ------------------------------------------------------------ writing
    def add_document(self, doc: Document, *, merge: bool = True) -> str | None:
        """Store a processed Document and its events in one transaction.

        Returns the stored document id, or None when the document is already
        stored (same normalised URL or text). Each event joins the stored event
        it duplicates (``merge=True``) or becomes a new event.
        """
        stats = self._add(doc, merge=merge)
        return stats[0]

    def _add(self, doc: Document, *, merge: bool) -> tuple[str | None, int, int]:
        """(doc id or None, new events, merged events)."""
        try:
            with self.engine.begin() as conn:
                return self._add_in(conn, doc, merge)
        except BaseException as exc:
            self._members.clear()  # it may hold reports of the transaction rolled back
            if not isinstance(exc, sa.exc.IntegrityError):
                raise
            # another writer stored the same article between our check and insert
            with self.engine.connect() as conn:
                if self._duplicate_of(conn, doc) is not None:
                    return None, 0, 0
            raise

    def _add_in(self, conn: Connection, doc: Document, merge: bool) -> tuple[str | None, int, int]:
        if self._duplicate_of(conn, doc) is not None:
            return None, 0, 0
        tkey = text_key(doc.text)
        doc_id = (doc.id or f"doc-{tkey[:12]}")[:200]
        if conn.execute(sa.select(documents.c.id).where(documents.c.id == doc_id)).first():
            doc_id = f"{doc_id[:180]}~{tkey[:10]}"  # same id, different article (e.g. two "article.txt")
        stamp = now()
        published = doc.published.isoformat() if isinstance(doc.published, dt.date) else str(doc.published or "")
        conn.execute(documents.insert(), dict(
            id=doc_id, input_id=doc.id or "", url=doc.url or "", url_key=url_key(doc.url), text_key=tkey,
            title=doc.title or "", source=doc.source or "", published=published[:10], origin=doc.origin or "",
            text=doc.text, clean="" if doc.clean == doc.text else (doc.clean or ""), warnings=json.dumps(list(doc.warnings)),
            n_events=len(doc.events), ingested_at=stamp,
        ))
        if doc.origin:  # an input that failed before and now went through is no longer a failure
            conn.execute(_CLEAR_FAILURE, {"origin": doc.origin})
        new = joined = 0
        clusters_of_doc: set[str] = set()
        for seq in self._placing_order(conn, doc, merge):
            original = doc.events[seq]
            ev = Event.from_dict(original.as_dict())
            ev.doc_id = doc_id
            ev.source = ev.source or doc.source
            ev.url = ev.url or doc.url
            ev.title = ev.title or doc.title
            ev.published = ev.published or published[:10]
            if not ev.event_id:
                basis = "|".join([doc_id, str(seq), ev.event_type, ev.sub_event_type, ev.event_date, ev.location])
                ev.event_id = "ev-" + hashlib.sha1(basis.encode()).hexdigest()[:12]
            cluster_id, reason, neighbours = None, "", []
            if merge and ev.event_date:
                cluster_id, reason, neighbours = self._find_cluster(conn, ev, exclude=clusters_of_doc)
            if cluster_id is None:
                cluster_id = self._new_cluster_id(conn, ev.event_id)
                merged = dedup.merge([ev], cluster_id)
                conn.execute(events.insert(), dict(
                    event_id=cluster_id, mergeable=merge, created_at=stamp, **self._event_columns(merged, 1, stamp)
                ))
                reason = "first report of this event" if merge else "stored without merging (--no-merge)"
                new += 1
            else:
                joined += 1
            conn.execute(raw_events.insert(), dict(
                event_id=ev.event_id, doc_id=doc_id, cluster_id=cluster_id, merge_reason=reason,
                source=ev.source or "", seq=seq, data=json.dumps(ev.as_dict(), ensure_ascii=False),
            ))
            if reason.startswith("same event"):
                self._refresh_cluster(conn, cluster_id, stamp)
            if neighbours:
                self._reassign(conn, cluster_id, neighbours, ev, stamp)
            clusters_of_doc.add(cluster_id)
        return doc_id, new, joined

    def _placing_order(self, conn: Connection, doc: Document, merge: bool) -> list[int]:
        """The order in which a document's events are placed in the store (their ``seq`` stays).

        Two events of one document never join one stored event, so when two of them would both
        join the same stored event, the first placed took it and the other had to go elsewhere --
        even when the other fitted it better: a Star report telling the hawkers' riot and, in its
        last line, the teachers' march the police broke up that day in Nairobi, stored when only the
        march was, put the riot into the march (a protest the police broke up matches a riot) and
        the march into an event of its own; the result depended on the order of arrival. So when
        exactly one of the events contesting a stored event is of its very event and sub-event type
        (the others only compatible types) and fits it strictly better (``Match.score``), that one
        is placed first; otherwise the document's order stands (a closer or better-named fit alone,
        or the type alone, decided worse on the real pipeline's output of blind5)."""
        n = len(doc.events)
        if not merge or n < 2:
            return list(range(n))
        firsts: dict[str, list[tuple[float, int]]] = {}
        for seq, original in enumerate(doc.events):
            if not original.event_date:
                continue
            ev = Event.from_dict(original.as_dict())
            ev.published = ev.published or (doc.published.isoformat() if isinstance(doc.published, dt.date)
                                            else str(doc.published or ""))[:10]
            try:
                day = dt.date.fromisoformat(ev.event_date[:10])
            except ValueError:
                continue
            stmt, params = self._candidate_query(ev, day)
            rows = list(conn.execute(stmt, params))
            if not rows:
                continue
            cands = [Event.from_dict(json.loads(r[1])) for r in rows]
            matches = [dedup.match(ev, c) for c in cands]
            keep = [i for i, m in enumerate(matches) if m.ok and not any(
                dedup.member_conflict(ev, x) for x in self._cluster_members(conn, rows[i][0]))]
            if not keep:
                continue
            best = dedup.best_match(ev, [cands[i] for i in keep], [matches[i] for i in keep])
            if best is not None:
                cand = cands[keep[best[0]]]
                same_kind = (cand.event_type, cand.sub_event_type) == (ev.event_type, ev.sub_event_type)
                firsts.setdefault(rows[keep[best[0]]][0], []).append((same_kind, best[1].score, seq))
        first: list[int] = []
        for claims in firsts.values():
            kind = [(score, seq) for same_kind, score, seq in claims if same_kind]
            if len(claims) > 1 and len(kind) == 1 and all(score < kind[0][0] for same_kind, score, _ in claims
                                                          if not same_kind):
                first.append(kind[0][1])
        first.sort()
        return first + [seq for seq in range(n) if seq not in first]

    def _new_cluster_id(self, conn: Connection, wanted: str) -> str:
        cid, n = wanted[:190], 1
        while conn.execute(sa.select(events.c.event_id).where(events.c.event_id == cid)).first():
            n += 1
            cid = f"{wanted[:190]}-{n}"
        return cid

    def _candidate_query(self, ev: Event, day: dt.date) -> tuple[Any, dict[str, Any]]:
        """SQL prefilter for merge candidates (statement, parameters); dedup.match decides.

        Statements are built once per shape and reused with bound parameters."""
        rules = dedup.rules()
        tp_new = min(max(int(ev.time_precision or 1), 1), 3)
        types = tuple(sorted({ev.event_type} | {t for pair in rules.compatible_types if ev.event_type in pair
                                                for t in pair}))
        country_only = not ev.admin1 and (ev.geo_precision or 3) >= 3  # dedup: matches anywhere in the country
        has_xy = ev.latitude is not None and ev.longitude is not None and not country_only
        shape = (tp_new, len(types), bool(ev.country), has_xy, bool(ev.admin1))
        params: dict[str, Any] = {}
        for p in (1, 2, 3):
            # a day more: dedup.dates_match lets a night ("Monday night" / "overnight, said on Tuesday") span two dates
            w = rules.date_window_days.get(max(p, tp_new), max(rules.date_window_days.values())) + 1
            params[f"lo{p}"] = (day - dt.timedelta(days=w)).isoformat()
            params[f"hi{p}"] = (day + dt.timedelta(days=w)).isoformat()
        params["lo_all"] = min(params[f"lo{p}"] for p in (1, 2, 3))
        params["hi_all"] = max(params[f"hi{p}"] for p in (1, 2, 3))
        for i, t in enumerate(types):
            params[f"type{i}"] = t
        params["country"] = ev.country
        params["admin1"] = ev.admin1
        if has_xy:
            dlat = rules.max_km / 110.0 + 0.01
            dlon = dlat / max(0.05, math.cos(math.radians(float(ev.latitude))))
            params.update(lat_lo=float(ev.latitude) - dlat, lat_hi=float(ev.latitude) + dlat,
                          lon_lo=float(ev.longitude) - dlon, lon_hi=float(ev.longitude) + dlon)
        stmt = self._candidate_stmts.get(shape)
        if stmt is None:
            c, bp = events.c, sa.bindparam
            by_precision = [
                sa.and_(c.time_precision >= 3 if p == 3 else c.time_precision == p,
                        c.event_date.between(bp(f"lo{p}"), bp(f"hi{p}")))
                for p in (1, 2, 3)
            ]
            conds = [c.event_date.between(bp("lo_all"), bp("hi_all")),  # one indexable range
                     c.mergeable.is_(True), sa.or_(*by_precision),
                     sa.or_(*[c.event_type == bp(f"type{i}") for i in range(len(types))])]
            if ev.country:
                conds.append(sa.or_(c.country == bp("country"), c.country == ""))
            if has_xy:
                spatial = [sa.and_(c.latitude.between(bp("lat_lo"), bp("lat_hi")),
                                   c.longitude.between(bp("lon_lo"), bp("lon_hi"))),
                           c.latitude.is_(None), c.admin1 == ""]
                if ev.admin1:
                    spatial.append(c.admin1 == bp("admin1"))  # same admin2 / region-level rules
                conds.append(sa.or_(*spatial))
            stmt = sa.select(c.event_id, c.data, c.n_sources).where(*conds)
            self._candidate_stmts[shape] = stmt
        return stmt, params

    def _find_cluster(self, conn: Connection, ev: Event, exclude: set[str]) -> tuple[str | None, str, list[str]]:
        """(stored event to join or None, why, the candidate events of several sources: see _reassign)."""
        try:
            day = dt.date.fromisoformat(ev.event_date[:10])
        except ValueError:
            return None, "", []
        stmt, params = self._candidate_query(ev, day)
        rows = [r for r in conn.execute(stmt, params) if r[0] not in exclude]
        cands = [Event.from_dict(json.loads(r[1])) for r in rows]
        # no report already in an event may conflict with the new one (dates, places, types): the
        # merged record alone would let a chain of near reports drift into the next event. Only
        # the events the new report matches are checked (one query each), before the choice
        # among them, so that a conflicting one neither wins nor makes the choice ambiguous.
        matches = [dedup.match(ev, c) for c in cands]
        # the events of several sources the new report could have joined, or that one of their
        # reports keeps it out of: their reports are placed again once it is stored (_reassign)
        neighbours = [r[0] for r, m in zip(rows, matches) if r[2] > 1 and (m.ok or any(
            dedup.member_conflict(ev, x) for x in self._cluster_members(conn, r[0])))]
        keep = [i for i, m in enumerate(matches) if m.ok and not any(
            dedup.member_conflict(ev, x) for x in self._cluster_members(conn, rows[i][0]))]
        rows, cands, matches = [rows[i] for i in keep], [cands[i] for i in keep], [matches[i] for i in keep]
        best = dedup.best_match(ev, cands, matches) if rows else None
        if best is None:
            return None, "", neighbours
        i, m = best
        return rows[i][0], "same event: " + m.reason, [n for n in neighbours if n != rows[i][0]]

    def _reassign(self, conn: Connection, cluster_id: str, neighbours: list[str], ev: Event, stamp: str) -> None:
        """Move to ``cluster_id`` (which ``ev`` just joined or started) the reports of neighbouring
        events that now fit it better than the event they are in.

        Merging is online, so a report joins the best event *stored when it came*: a rights group's
        "police fired on protesters" stored when only a doctors' march of that day was, joins the
        march; when the riot it belongs to comes later, the march's report already in the event keeps
        the riot out. So, when a report is stored, each report of a neighbouring event (one with
        reports from at least two documents that the new report could have joined, or that one of
        its reports kept the new one out of) is placed again
        as if it came now -- the same rules and the same choice (``dedup.best_match``) between the
        rest of its event and this one -- and moves only when this one strictly wins. One pass, no
        cascade, except that reports placed only at region level are placed once more after the
        others have moved; one that fits this event (precisely placed) and its own equally is
        ambiguous and is detached to stand alone (``_detach``). Event ids do not change (a moved
        report leaves its event under its id). The moves are in the same transaction as the new
        report."""
        target: list[Event] | None = None
        target_record: Event | None = None
        loose: str | None = None  # the event of the region-level reports detached in this pass
        # reports placed only at region level are placed once more, after the others have moved: their
        # choice turns on what the events hold (a report of the day in the town it fits moves first)
        for second in (False, True):
            for nid in neighbours:
                members = self._cluster_members(conn, nid)
                if len(members) < 2:
                    continue
                for m in list(members):
                    if second and not dedup.is_vague(m):
                        continue
                    if target is None:
                        target = self._cluster_members(conn, cluster_id)
                        target_record = dedup.merge(target, cluster_id)
                    if any(x.doc_id == m.doc_id for x in target):
                        continue  # two reports of one document are two events
                    here = dedup.match(m, target_record)
                    if not here.ok or any(dedup.member_conflict(m, x) for x in target):
                        continue
                    rest = [x for x in members if (x.doc_id, x.event_id) != (m.doc_id, m.event_id)]
                    if len(rest) == len(members):
                        continue  # moved already
                    home_record = dedup.merge(rest, nid)
                    home = dedup.match(m, home_record)
                    if home.ok and any(dedup.member_conflict(m, x) for x in rest):
                        home = dedup.Match(False, why_not="a report of it conflicts")
                    # its own event first: an equal score keeps it where it is
                    best = dedup.best_match(m, [home_record, target_record], [home, here])
                    if second and best is None and home.ok and dedup.is_vague(m) \
                            and not dedup.is_vague(home_record) and not dedup.is_vague(target_record):
                        # placed only at region level, it fits this precisely placed event as well as the
                        # one it is in: ambiguous, as it would have been had it come last
                        # (dedup.best_match): it leaves its event to stand alone
                        loose = self._detach(conn, m, nid, ev, stamp, loose)
                        members = self._cluster_members(conn, nid)
                        if len(members) < 2:
                            break
                        continue
                    if best is None or best[0] != 1:
                        continue
                    left = f"closer than to the rest of {nid}" if home.ok else f"no longer fits {nid}: {home.why_not}"
                    reason = f"same event: {here.reason} (moved when {ev.event_id} came: {left})"
                    conn.execute(_MOVE_REPORT, {"b_event_id": m.event_id, "b_doc_id": m.doc_id, "b_from": nid,
                                                "cluster_id": cluster_id, "merge_reason": reason})
                    self._members.pop(nid, None)
                    self._members.pop(cluster_id, None)
                    self._refresh_cluster(conn, nid, stamp)
                    self._refresh_cluster(conn, cluster_id, stamp)
                    members = self._cluster_members(conn, nid)
                    target = self._cluster_members(conn, cluster_id)
                    target_record = dedup.merge(target, cluster_id)
                    if len(members) < 2:
                        break

    def _detach(self, conn: Connection, m: Event, nid: str, ev: Event, stamp: str, loose: str | None) -> str:
        """Take the region-level report ``m`` out of ``nid`` (which keeps its id) into an event of its
        own -- or into ``loose``, the event of a report detached before it in this pass, when it fits
        that one (two agencies' "an attack in the Far North region"). Returns the event it is in."""
        reason = (f"stands alone (detached from {nid} when {ev.event_id} came: placed only at region level, "
                  f"it fits both, ambiguous)")
        if loose is not None:
            there = self._cluster_members(conn, loose)
            record = dedup.merge(there, loose)
            fit = dedup.match(m, record)
            if fit.ok and not any(x.doc_id == m.doc_id or dedup.member_conflict(m, x) for x in there):
                conn.execute(_MOVE_REPORT, {"b_event_id": m.event_id, "b_doc_id": m.doc_id, "b_from": nid,
                                            "cluster_id": loose, "merge_reason": "same event: " + fit.reason
                                            + f" (moved when {ev.event_id} came: ambiguous in {nid})"})
                self._members.pop(nid, None)
                self._members.pop(loose, None)
                self._refresh_cluster(conn, nid, stamp)
                self._refresh_cluster(conn, loose, stamp)
                return loose
        cid = self._new_cluster_id(conn, m.event_id)
        conn.execute(events.insert(), dict(event_id=cid, mergeable=True, created_at=stamp,
                                           **self._event_columns(dedup.merge([m], cid), 1, stamp)))
        conn.execute(_MOVE_REPORT, {"b_event_id": m.event_id, "b_doc_id": m.doc_id, "b_from": nid,
                                    "cluster_id": cid, "merge_reason": reason})
        self._members.pop(nid, None)
        self._members.pop(cid, None)
        self._refresh_cluster(conn, nid, stamp)
        return cid

    def _cluster_members(self, conn: Connection, cluster_id: str) -> list[Event]:
        """The reports of a stored event, parsed (cached while the database says they are unchanged)."""
        stamp = tuple(conn.execute(_MEMBERS_STAMP, {"cid": cluster_id}).first() or (0, 0))
        hit = self._members.get(cluster_id)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        members = [Event.from_dict(json.loads(r[0])) for r in conn.execute(_REFRESH_MEMBERS, {"cid": cluster_id})]
        if len(self._members) >= 4096:
            self._members.pop(next(iter(self._members)))
        self._members[cluster_id] = (stamp, members)
        return members

    def _refresh_cluster(self, conn: Connection, cluster_id: str, stamp: str) -> None:
        members = self._cluster_members(conn, cluster_id)
        merged = dedup.merge(members, cluster_id)
        n_docs = len({m.doc_id for m in members})
        conn.execute(_UPDATE_EVENT, {"b_event_id": cluster_id, **self._event_columns(merged, n_docs, stamp)})

    @staticmethod
    def _event_columns(ev: Event, n_sources: int, stamp: str) -> dict[str, Any]:
        return dict(
            event_date=ev.event_date[:10], time_precision=ev.time_precision or 1, event_type=ev.event_type,
            sub_event_type=ev.sub_event_type, actor1=ev.actor1, actor2=ev.actor2, actors_key=_actors_key(ev),
            country=ev.country, iso3=(ev.iso3 or "")[:3], admin1=ev.admin1, admin2=ev.admin2, location=ev.location,
            latitude=ev.latitude, longitude=ev.longitude, geo_precision=ev.geo_precision or 3,
            fatalities=int(ev.fatalities or 0), source=ev.source, n_sources=n_sources,
            search_text=_search_text(ev), data=json.dumps(ev.as_dict(), ensure_ascii=False), updated_at=stamp,
        )

    def record_failure(self, origin: str, error: Exception | str, *, doc_id: str = "", url: str = "") -> None:
        kind = type(error).__name__ if isinstance(error, Exception) else "Error"
        message = getattr(error, "message", None) or str(error)
        with self.engine.begin() as conn:
            seen = conn.execute(sa.select(failures.c.id).where(
                failures.c.origin == origin, failures.c.message == message)).first()
            if seen:
                conn.execute(failures.update().where(failures.c.id == seen[0]).values(at=now()))
            else:
                conn.execute(failures.insert().values(
                    origin=origin, doc_id=doc_id, url=url, error=kind[:80], message=message, at=now()))

    def ingest_documents(
        self,
        docs: Iterable[Document | InputError],
        *,
        merge: bool = True,
        pipeline: Any = None,
        on_error: Callable[[Document | None, Exception], Any] | None = None,
        on_document: Callable[[Document, str | None], Any] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> IngestReport:
        """Store many documents, each in its own transaction.

        Items may be Documents or InputErrors (from ``eventwire.ingest.iter_documents``).
        A Document not yet processed (no ``clean`` text and no events) first runs
        through ``pipeline`` (default: ``Pipeline(Settings())``, built on first need);
        duplicates are skipped before that. A failing input or document is recorded
        in ``failures`` and passed to ``on_error(doc or None, exc)``; the batch goes on.
        ``should_stop()`` is checked between documents.
        """
        report = IngestReport()
        t0 = time.perf_counter()
        for item in docs:
            if should_stop is not None and should_stop():
                report.stopped = True
                break
            report.seen += 1
            if isinstance(item, Exception):
                report.failed += 1
                self.record_failure(getattr(item, "origin", ""), item)
                if on_error is not None:
                    on_error(None, item)
                continue
            doc = item
            try:
                if self.is_duplicate(doc):
                    report.duplicates += 1
                    if on_document is not None:
                        on_document(doc, None)
                    continue
                if not (doc.clean or doc.events or doc.meta.get("processed")):
                    if pipeline is None:
                        from ..pipeline import Pipeline

                        pipeline = Pipeline()
                    doc = pipeline(doc)
                doc_id, new, joined = self._add(doc, merge=merge)
            except ResourceError:
                raise  # a missing model or gazetteer fails every document: stop, say it once
            except (EventwireError, Exception) as exc:  # noqa: BLE001 -- one document must not stop a batch
                if isinstance(exc, sa.exc.OperationalError) and not self._alive():
                    raise StoreError(f"lost the database: {str(exc.orig).strip().splitlines()[0]}") from None
                err = exc if isinstance(exc, EventwireError) else InputError(
                    f"internal error: {type(exc).__name__}: {exc}", doc.origin)
                report.failed += 1
                self.record_failure(doc.origin or doc.url or doc.id, err, doc_id=doc.id, url=doc.url)
                if on_error is not None:
                    on_error(doc, err)
                continue
            if doc_id is None:
                report.duplicates += 1
            else:
                report.added += 1
                report.events += len(doc.events)
                report.new_events += new
                report.merged += joined
            if on_document is not None:
                on_document(doc, doc_id)
        report.seconds = time.perf_counter() - t0
        return report

    def _alive(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.SQLAlchemyError:
            return False

    # ------------------------------------------------------------ reading
    def _where(self, date_from: Any = None, date_to: Any = None, country: str | None = None,
               admin1: str | None = None, bbox: Any = None, event_type: str | None = None,
               sub_event_type: str | None = None, actor: str | None = None, text: str | None = None) -> list[Any]:
        c = events.c
        conds: list[Any] = []
        if (d := _as_date(date_from)) is not None:
            conds.append(c.event_date >= d)
        if (d := _as_date(date_to)) is not None:
            conds.append(c.event_date <= d)
        if country:
            conds.append(sa.or_(sa.func.lower(c.country) == country.strip().lower(),
                                c.iso3 == country.strip().upper()))
        if admin1:
            conds.append(sa.func.lower(c.admin1) == admin1.strip().lower())
        if (b := parse_bbox(bbox)) is not None:
            conds += [c.longitude >= b[0], c.latitude >= b[1], c.longitude <= b[2], c.latitude <= b[3]]
        if event_type:
            conds.append(sa.func.lower(c.event_type) == event_type.strip().lower())
        if sub_event_type:
            conds.append(sa.func.lower(c.sub_event_type) == sub_event_type.strip().lower())
        if actor:
            conds.append(c.actors_key.contains(actor.strip().lower(), autoescape=True))
        if text:
            for word in text.lower().split():
                conds.append(c.search_text.contains(word, autoescape=True))
        return conds

    def query(self, *, limit: int | None = 100, offset: int = 0, order: str = "event_date", **filters: Any) -> list[dict]:
        """Merged events matching the filters (see FILTERS), as dicts of Event fields plus
        ``event_id_cnty``, ``year``, ``n_sources`` and ``sources`` (list of dicts)."""
        self._check_filters(filters)
        if order not in ORDERS:
            raise StoreError(f"unknown order {order!r}; one of: {', '.join(ORDERS)}")
        q = sa.select(events.c.event_id, events.c.data, events.c.n_sources).where(*self._where(**filters))
        q = q.order_by(*ORDERS[order]).offset(max(0, int(offset or 0)))
        if limit is not None:
            q = q.limit(max(0, int(limit)))
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            return self._rows_to_dicts(conn, rows)

    def iter_events(self, *, batch: int = 2000, **filters: Any) -> Iterator[dict]:
        """Every matching merged event in (event_date, event_id) order, read in batches (for export)."""
        self._check_filters(filters)
        conds = self._where(**filters)
        last: tuple[str, str] | None = None
        while True:
            q = sa.select(events.c.event_id, events.c.data, events.c.n_sources, events.c.event_date).where(*conds)
            if last is not None:
                q = q.where(sa.or_(events.c.event_date > last[0],
                                   sa.and_(events.c.event_date == last[0], events.c.event_id > last[1])))
            q = q.order_by(events.c.event_date, events.c.event_id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
                if not rows:
                    return
                dicts = self._rows_to_dicts(conn, [r[:3] for r in rows])
            yield from dicts
            last = (rows[-1][3], rows[-1][0])

    def count(self, **filters: Any) -> int:
        self._check_filters(filters)
        with self.engine.connect() as conn:
            q = sa.select(sa.func.count()).select_from(events).where(*self._where(**filters))
            return conn.execute(q).scalar_one()

    @staticmethod
    def _check_filters(filters: dict[str, Any]) -> None:
        unknown = set(filters) - set(FILTERS)
        if unknown:
            raise StoreError(f"unknown filter(s): {', '.join(sorted(unknown))}; known: {', '.join(FILTERS)}")

    def _sources(self, conn: Connection, cluster_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {cid: [] for cid in cluster_ids}
        seen: set[tuple[str, str]] = set()
        for i in range(0, len(cluster_ids), 500):
            chunk = cluster_ids[i:i + 500]
            q = (sa.select(raw_events.c.cluster_id, raw_events.c.doc_id, raw_events.c.source, documents.c.source,
                           documents.c.url, documents.c.title, documents.c.published)
                 .join(documents, documents.c.id == raw_events.c.doc_id)
                 .where(raw_events.c.cluster_id.in_(chunk)).order_by(raw_events.c.id))
            for cid, doc_id, ev_source, doc_source, url, title, published in conn.execute(q):
                if (cid, doc_id) in seen:
                    continue
                seen.add((cid, doc_id))
                out[cid].append({"doc_id": doc_id, "source": ev_source or doc_source, "url": url,
                                 "title": title, "published": published})
        return out

    def _rows_to_dicts(self, conn: Connection, rows: list[Any]) -> list[dict]:
        sources = self._sources(conn, [r[0] for r in rows])
        out = []
        for cid, data, n_sources in rows:
            d = json.loads(data)
            ev = Event.from_dict(d)
            d["event_id_cnty"] = cid
            d["year"] = ev.year
            d["n_sources"] = n_sources
            d["sources"] = sources.get(cid, [])
            out.append(d)
        return out

    def _resolve_event_id(self, conn: Connection, event_id: str) -> str | None:
        if conn.execute(sa.select(events.c.event_id).where(events.c.event_id == event_id)).first():
            return event_id
        row = conn.execute(sa.select(raw_events.c.cluster_id).where(raw_events.c.event_id == event_id)).first()
        return row[0] if row else None

    def get_event(self, event_id: str) -> dict | None:
        """A merged event with its ``sources``, all ``evidence`` (with doc ids), the
        ``merge_reasons`` and its ``members`` (the raw reports). A raw event id
        finds the merged event it joined."""
        with self.engine.connect() as conn:
            cid = self._resolve_event_id(conn, event_id)
            if cid is None:
                return None
            row = conn.execute(sa.select(events.c.event_id, events.c.data, events.c.n_sources)
                               .where(events.c.event_id == cid)).one()
            d = self._rows_to_dicts(conn, [row])[0]
            members = conn.execute(
                sa.select(raw_events.c.event_id, raw_events.c.doc_id, raw_events.c.merge_reason, raw_events.c.data)
                .where(raw_events.c.cluster_id == cid).order_by(raw_events.c.id)).all()
        d["evidence"] = []
        d["merge_reasons"] = []
        d["members"] = []
        for raw_id, doc_id, reason, data in members:
            ev = Event.from_dict(json.loads(data))
            d["evidence"] += [{"doc_id": doc_id, **e.as_dict()} for e in ev.evidence]
            d["merge_reasons"].append(f"{raw_id} ({ev.source or doc_id}): {reason}")
            d["members"].append({
                "event_id": raw_id, "doc_id": doc_id, "source": ev.source, "event_date": ev.event_date,
                "time_precision": ev.time_precision, "event_type": ev.event_type,
                "sub_event_type": ev.sub_event_type, "actor1": ev.actor1, "actor2": ev.actor2,
                "location": ev.location, "latitude": ev.latitude, "longitude": ev.longitude,
                "geo_precision": ev.geo_precision, "fatalities": ev.fatalities,
                "fatalities_reported": dedup.reported_fatalities(ev), "merge_reason": reason,
            })
        return d

    def get_document(self, doc_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            evs = conn.execute(sa.select(raw_events.c.cluster_id, raw_events.c.data)
                               .where(raw_events.c.doc_id == doc_id).order_by(raw_events.c.seq)).all()
        d = {k: row[k] for k in ("id", "title", "source", "url", "published", "text", "clean", "origin",
                                 "ingested_at")}
        d["clean"] = d["clean"] or d["text"]  # stored empty when the same as the text
        d["warnings"] = json.loads(row["warnings"] or "[]")
        d["events"] = [{**json.loads(data), "merged_into": cid} for cid, data in evs]
        return d

    def stats(self, **filters: Any) -> dict:
        self._check_filters(filters)
        c = events.c
        conds = self._where(**filters)
        n = sa.func.count().label("n")
        fat = sa.func.coalesce(sa.func.sum(c.fatalities), 0).label("fatalities")
        with self.engine.connect() as conn:
            by_day = conn.execute(sa.select(c.event_date, c.event_type, n).where(*conds)
                                  .group_by(c.event_date, c.event_type).order_by(c.event_date, c.event_type)).all()
            by_type = conn.execute(sa.select(c.event_type, n, fat).where(*conds)
                                   .group_by(c.event_type).order_by(n.desc(), c.event_type)).all()
            by_country = conn.execute(sa.select(c.country, n, fat).where(*conds)
                                      .group_by(c.country).order_by(n.desc(), c.country)).all()
        return {
            "by_day": [{"date": d, "event_type": t, "n": k} for d, t, k in by_day],
            "by_type": [{"event_type": t, "n": k, "fatalities": int(f)} for t, k, f in by_type],
            "by_country": [{"country": t, "n": k, "fatalities": int(f)} for t, k, f in by_country],
        }

    def failures(self) -> list[dict]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(failures).order_by(failures.c.id)).mappings().all()
        return [dict(r) for r in rows]


__all__ = ["ACLED_COLUMNS", "FILTERS", "IngestReport", "SCHEMA_VERSION", "Store", "normalise_text",
           "normalise_url", "open_store", "parse_bbox", "text_key", "url_key"]
