"""Process-wide tuning for batch runs: applied by the command line, the parallel and Dask
workers and the benchmark harness, never on import of the library.

Python's cyclic garbage collector runs a young-generation pass every 700 net allocations and
walks the older generations every 10 of those; a pipeline that builds thousands of small
objects per article (tokens, mentions, candidates) while holding a large model and gazetteer
caches pays for that repeatedly, 10-25% of the places stage and a few percent end to end
(docs/performance.md). Collecting young objects less often changes no result, only when
unreachable cycles are freed. ``EVENTWIRE_GC=default`` keeps Python's defaults.
"""

from __future__ import annotations

import gc
import os

GC_THRESHOLDS = (50_000, 20, 100)


def tune_gc() -> bool:
    """Raise the collector's thresholds for a batch run (idempotent); False when
    ``EVENTWIRE_GC=default`` asks to keep Python's."""
    if os.environ.get("EVENTWIRE_GC", "").strip().lower() == "default":
        return False
    gc.set_threshold(*GC_THRESHOLDS)
    return True
