"""Evaluation: how right eventwire's records are, on gold files and the dev sets.

* :mod:`.metrics`  -- event matching (optimal one-to-one) and scores, document
  types (accuracy, macro and weighted F1), toponyms (detection, 161 km); pure.
* :mod:`.readers`  -- gold and prediction files; readers of the dev sets
  (HRDsAttack, WikiEvents, PLOVER GSR, event-location, GeoWebNews, UCDP GED,
  the Baghuz example) and of the project's own gold set and labelled sentences.
* :mod:`.tasks`    -- the evaluations, each returning a ``TaskResult`` with the
  worst errors and their evidence sentences.
* :mod:`.report`   -- markdown.
* :mod:`.run_all`  -- ``make eval``: every dev set present -> docs/evaluation.md.

CLI: ``eventwire eval --gold GOLD (--pred PRED | --input INPUT) [--task events|types|toponyms]``.
"""

from __future__ import annotations

from .metrics import score_events, score_toponyms, score_types
from .tasks import TaskResult, evaluate_files

__all__ = sorted(["TaskResult", "evaluate_files", "score_events", "score_toponyms", "score_types"])
