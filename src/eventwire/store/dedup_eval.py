"""Measuring deduplication on a labelled multi-outlet article set.

The set (see ``tests/fixtures/dedup/articles.yaml``) holds articles, each with
the events an extractor would code from it and, for each event, ``truth``:
the real-world event it reports. The articles are stored (in a given order)
and every pair of raw events is judged: merged by the store or not, the same
real-world event or not. Pairwise precision = correct merged pairs / merged
pairs; recall = correct merged pairs / pairs that should be merged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..models import Document, Event, Evidence

_EVENT_KEYS = {"event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
               "assoc_actor_1", "assoc_actor_2", "civilian_targeting", "fatalities", "notes", "source_scale"}


def load_labelled(path: str | os.PathLike) -> list[tuple[Document, list[str]]]:
    """(Document with hand-coded events, truth label per event) for each article."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    places: dict[str, dict[str, Any]] = raw.get("places") or {}
    out: list[tuple[Document, list[str]]] = []
    for art in raw["articles"]:
        text = art["text"]
        pub = art.get("published")
        doc = Document(
            id=art["id"], text=text, clean=text, title=art.get("title", ""), source=art.get("source", ""),
            url=art.get("url", ""), published=pub if isinstance(pub, dt.date) else None, origin=f"{path}:{art['id']}",
        )
        labels: list[str] = []
        for i, spec in enumerate(art.get("events") or []):
            ev = Event(doc_id=doc.id, event_id=f"{doc.id}-e{i + 1}", source=doc.source, url=doc.url,
                       title=doc.title)
            for k in _EVENT_KEYS & set(spec):
                v = spec[k]
                setattr(ev, k, v.isoformat() if isinstance(v, dt.date) else v)
            place = dict(places[spec["place"]]) if spec.get("place") else {}
            for k, v in place.items():
                setattr(ev, k, v)
            ev_text = spec.get("evidence", "")
            start = text.find(ev_text)
            if not ev_text or start < 0:
                raise ValueError(f"{path}: {doc.id} event {i + 1}: evidence not found in the text")
            evidence = Evidence(text=ev_text, start=start, end=start + len(ev_text))
            ev.evidence = [evidence]
            if "fatalities" in spec:
                ev.provenance["fatalities"] = evidence
            ev.event_type = spec["event_type"]
            ev.disorder_type = spec.get("disorder_type", "")
            doc.events.append(ev)
            labels.append(str(spec["truth"]))
        out.append((doc, labels))
    return out


def pairwise(assigned: dict[Any, str], truth: dict[Any, str], *, cross_document_only: bool = False) -> dict[str, Any]:
    """Pairwise merge precision/recall of ``assigned`` clusters against ``truth`` labels.

    With ``cross_document_only``, keys are ``(doc_id, n)`` and pairs within one document are not judged."""
    keys = sorted(truth)
    tp = fp = fn = 0
    errors: list[str] = []
    for a, b in itertools.combinations(keys, 2):
        if cross_document_only and a[0] == b[0]:
            continue  # events of one document are the extractor's business, not deduplication's
        same_pred = assigned[a] == assigned[b]
        same_true = truth[a] == truth[b]
        if same_pred and same_true:
            tp += 1
        elif same_pred:
            fp += 1
            errors.append(f"wrongly merged: {a} ({truth[a]}) + {b} ({truth[b]})")
        elif same_true:
            fn += 1
            errors.append(f"missed merge: {a} + {b} ({truth[a]})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "events": len(keys), "true_events": len(set(truth.values())),
            "merged_events": len(set(assigned.values())), "errors": errors}


def evaluate(path: str | os.PathLike, *, db: str | None = None, order: Sequence[int] | None = None) -> dict[str, Any]:
    """Store the labelled articles (in ``order``, default file order) and score the merges."""
    from .db import open_store

    items = load_labelled(path)
    if order is not None:
        items = [items[i] for i in order]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or os.path.join(tmp, "dedup.sqlite"))
        try:
            truth: dict[tuple[str, int], str] = {}
            assigned: dict[tuple[str, int], str] = {}
            stored_ids = [(doc, labels, store.add_document(doc)) for doc, labels in items]
            # judged once all are stored: a later report may move an earlier one to the event it fits best
            for doc, labels, doc_id in stored_ids:
                if doc_id is None:
                    continue
                stored = store.get_document(doc_id)
                for seq, (label, ev) in enumerate(zip(labels, stored["events"])):
                    truth[(doc.id, seq)] = label
                    assigned[(doc.id, seq)] = ev["merged_into"]
        finally:
            store.close()
    return pairwise(assigned, truth)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _label_of(ev: dict[str, Any], labels: list[str], gold_spans: list[tuple[int, int]]) -> str | None:
    """The truth label of an extracted event (a stored event dict): the hand-coded report whose
    evidence holds the event's trigger, else the one whose evidence overlaps its evidence most."""
    trigger = (ev.get("provenance") or {}).get("sub_event_type")
    if trigger:
        span = (int(trigger["start"]), int(trigger["end"]))
        holding = [label for label, gspan in zip(labels, gold_spans) if _overlap(span, gspan) == span[1] - span[0]]
        if len(holding) == 1:
            return holding[0]
    spans = [(int(x["start"]), int(x["end"])) for x in ev.get("evidence") or []]
    best, best_ov = None, 0
    for label, gspan in zip(labels, gold_spans):
        ov = max((_overlap(sp, gspan) for sp in spans), default=0)
        if ov > best_ov:
            best, best_ov = label, ov
    return best


def extract_set(path: str | os.PathLike, pipeline: Any = None) -> list[tuple[Document, list[str], Document]]:
    """The set's raw articles through the real pipeline: (hand-coded document, labels, processed
    document) per article, so that several store orders can be judged on one extraction."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    out = []
    for gold_doc, labels in load_labelled(path):
        raw = Document(id=gold_doc.id, text=gold_doc.text, title=gold_doc.title, source=gold_doc.source,
                       url=gold_doc.url, published=gold_doc.published, origin=gold_doc.origin)
        out.append((gold_doc, labels, pipeline(raw)))
    return out


def evaluate_pipeline(path: str | os.PathLike, pipeline: Any = None, *, db: str | None = None,
                      order: Sequence[int] | None = None,
                      extracted_set: list[tuple[Document, list[str], Document]] | None = None) -> dict[str, Any]:
    """End to end: the set's raw articles through the real pipeline into a store.

    Each extracted event gets the truth label of the hand-coded event whose
    evidence holds its trigger (the ``sub_event_type`` provenance: one sentence
    may tell two events, "... killed three soldiers; a second bomb hit a patrol
    near Tuz"), else whose evidence its evidence overlaps most (none: a spurious
    extraction, not judged); pairs from different documents are judged as in
    :func:`evaluate`.
    """
    from .db import open_store

    processed = extracted_set if extracted_set is not None else extract_set(path, pipeline)
    if order is not None:
        processed = [processed[i] for i in order]
    items = [(g, labels) for g, labels, _ in processed]
    extracted = spurious = 0
    found_truth: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(db or os.path.join(tmp, "dedup-e2e.sqlite"))
        truth: dict[tuple[str, int], str] = {}
        assigned: dict[tuple[str, int], str] = {}
        try:
            stored_ids = [(gold_doc, labels, store.add_document(doc)) for gold_doc, labels, doc in processed]
            for gold_doc, labels, doc_id in stored_ids:  # judged once all are stored, as above
                if doc_id is None:
                    continue
                stored = store.get_document(doc_id)
                gold_spans = [(e.evidence[0].start, e.evidence[0].end) for e in gold_doc.events]
                for seq, ev in enumerate(stored["events"]):
                    extracted += 1
                    best = _label_of(ev, labels, gold_spans)
                    if best is None:
                        spurious += 1
                        continue
                    found_truth.add(best)
                    truth[(gold_doc.id, seq)] = best
                    assigned[(gold_doc.id, seq)] = ev["merged_into"]
        finally:
            store.close()
    out = pairwise(assigned, truth, cross_document_only=True)
    all_truth = {lab for _, labels in items for lab in labels}
    out.update(extracted=extracted, spurious=spurious, gold_reports=sum(len(x) for _, x in items),
               true_events_found=len(found_truth), true_events_total=len(all_truth))
    return out
