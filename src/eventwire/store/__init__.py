"""The event store: documents, their events and the merged event table.

``open_store(db)`` opens SQLite (a path, default in the user data dir) or
PostgreSQL (``postgresql://...``); :class:`Store` ingests documents (merging
reports of the same event from different articles), answers queries and feeds
the exporters. See :mod:`eventwire.store.db` and :mod:`eventwire.store.dedup`.
"""

from __future__ import annotations

from .db import FILTERS, IngestReport, Store, normalise_url, open_store, text_key, url_key

__all__ = sorted(["FILTERS", "IngestReport", "Store", "normalise_url", "open_store", "text_key", "url_key"])
