"""The event store's tables (SQLAlchemy Core) and its recorded migrations.

Tables
------
``schema_migrations``  one row per applied migration (version, name, applied_at)
``documents``          one row per stored article (text, metadata, dedup keys)
``raw_events``         every event as one document reported it (Event.as_dict in ``data``)
``events``             the merged events: one row per real-world event, the
                       columns queries filter on plus the full merged record in ``data``
``failures``           documents or inputs that could not be stored, with the reason

A raw event belongs to exactly one merged event (``raw_events.cluster_id``);
``raw_events.merge_reason`` says why it joined that event.

Migrations
----------
``MIGRATIONS`` is the ordered list of ``(version, name, function)``. ``migrate``
applies the ones not yet recorded in ``schema_migrations``, each in its own
transaction, so it is safe to run on every open and safe to re-run after a
crash. A schema change is a new entry at the end of the list -- never an edit
of an applied one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("input_id", sa.String(200), nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("url_key", sa.String(64), nullable=True),  # sha1 of the normalised URL; NULL when no URL
    sa.Column("text_key", sa.String(64), nullable=False),  # sha1 of the normalised text
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("published", sa.String(10), nullable=False, default=""),
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("clean", sa.Text, nullable=False, default=""),
    sa.Column("warnings", sa.Text, nullable=False, default="[]"),  # JSON list
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("ingested_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("url_key", name="uq_documents_url_key"),
    sa.UniqueConstraint("text_key", name="uq_documents_text_key"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(200), primary_key=True),
    sa.Column("event_date", sa.String(10), nullable=False, default=""),
    sa.Column("time_precision", sa.Integer, nullable=False, default=1),
    sa.Column("event_type", sa.String(80), nullable=False, default=""),
    sa.Column("sub_event_type", sa.String(80), nullable=False, default=""),
    sa.Column("actor1", sa.Text, nullable=False, default=""),
    sa.Column("actor2", sa.Text, nullable=False, default=""),
    sa.Column("actors_key", sa.Text, nullable=False, default=""),  # lower-cased actors + assoc, for filtering
    sa.Column("country", sa.String(100), nullable=False, default=""),
    sa.Column("iso3", sa.String(3), nullable=False, default=""),
    sa.Column("admin1", sa.String(200), nullable=False, default=""),
    sa.Column("admin2", sa.String(200), nullable=False, default=""),
    sa.Column("location", sa.Text, nullable=False, default=""),
    sa.Column("latitude", sa.Float, nullable=True),
    sa.Column("longitude", sa.Float, nullable=True),
    sa.Column("geo_precision", sa.Integer, nullable=False, default=3),
    sa.Column("fatalities", sa.Integer, nullable=False, default=0),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("n_sources", sa.Integer, nullable=False, default=1),
    sa.Column("search_text", sa.Text, nullable=False, default=""),  # lower-cased evidence + notes
    sa.Column("mergeable", sa.Boolean, nullable=False, default=True),  # False: stored with --no-merge
    sa.Column("data", sa.Text, nullable=False),  # JSON: the merged Event.as_dict()
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Index("ix_events_country_date", "country", "event_date"),
    sa.Index("ix_events_date", "event_date"),
    sa.Index("ix_events_type", "event_type", "sub_event_type"),
)

raw_events = sa.Table(
    "raw_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(200), nullable=False),
    sa.Column("doc_id", sa.String(200), sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("cluster_id", sa.String(200), sa.ForeignKey("events.event_id"), nullable=False),
    sa.Column("merge_reason", sa.Text, nullable=False, default=""),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("seq", sa.Integer, nullable=False, default=0),  # position of the event in its document
    sa.Column("data", sa.Text, nullable=False),  # JSON: Event.as_dict() as the document gave it
    sa.Index("ix_raw_events_cluster", "cluster_id"),
    sa.Index("ix_raw_events_doc", "doc_id"),
    sa.Index("ix_raw_events_event_id", "event_id"),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("doc_id", sa.String(200), nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("error", sa.String(80), nullable=False, default=""),
    sa.Column("message", sa.Text, nullable=False, default=""),
    sa.Column("at", sa.String(40), nullable=False),
)

VERSION_1_TABLES = (documents, events, raw_events, failures)


def _m001_initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(VERSION_1_TABLES))


# (version, name, function(connection)) -- append only.
MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "initial tables: documents, events, raw_events, failures", _m001_initial),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def applied_versions(conn: Connection) -> set[int]:
    return {row[0] for row in conn.execute(sa.select(schema_migrations.c.version))}


def migrate(engine: Engine) -> list[int]:
    """Apply pending migrations (each in its own transaction); returns the versions applied."""
    metadata.create_all(engine, tables=[schema_migrations])
    done: list[int] = []
    for version, name, fn in MIGRATIONS:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                # one migrator at a time; the lock ends with the transaction
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(74657601)"))
            if version in applied_versions(conn):
                continue
            fn(conn)
            conn.execute(schema_migrations.insert().values(version=version, name=name, applied_at=now()))
            done.append(version)
    return done


def current_version(engine: Engine) -> int:
    insp = sa.inspect(engine)
    if not insp.has_table("schema_migrations"):
        return 0
    with engine.connect() as conn:
        versions = applied_versions(conn)
    return max(versions) if versions else 0
