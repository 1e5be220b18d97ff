"""The evaluations: generic tasks (events, types, toponyms) and one per dev set.

Each returns a :class:`TaskResult` (figures, the worst errors with their
evidence sentences, notes) that :mod:`eventwire.evaluation.report` renders.
"""

from __future__ import annotations

import dataclasses

import functools
import importlib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import Document, Event
from ..pipeline import STAGES
from ..resources import load_yaml
from ..settings import Settings
from . import metrics as M
from .readers import DevSet, GoldEvent, HrdGold, LocGold

# ------------------------------------------------------------------ results


@dataclass(slots=True)
class Figure:
    """One number in the report. ``kind``: pct (share 0..1), f1 (0..1 as 0.000), km, count."""

    name: str
    value: float | None
    n: int | None = None  # what the share is out of
    kind: str = "pct"
    anchor: str = ""  # key of a published figure to set it beside (evaluation.yaml "anchors")
    note: str = ""

    def shown(self) -> str:
        v = self.value
        if v is None:
            return "n/a"
        if self.kind == "pct":
            return f"{100 * v:.1f}%"
        if self.kind == "f1":
            return f"{v:.3f}"
        if self.kind == "km":
            return f"{v:,.0f} km"
        return f"{v:g}"


@dataclass(slots=True)
class TaskResult:
    name: str
    sample: str = ""
    figures: list[Figure] = field(default_factory=list)
    errors: list[M.ErrorCase] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str = ""  # why it did not run
    tables: list[str] = field(default_factory=list)  # extra markdown (confusion matrix, ...)
    errors_hidden: str = ""  # why the errors are not listed (held-out data)

    def add(self, name: str, value: float | None, n: int | None = None, kind: str = "pct", **kw: Any) -> None:
        self.figures.append(Figure(name, value, n, kind, **kw))

    def ratio(self, name: str, r: M.Ratio, **kw: Any) -> None:
        self.add(name, r.value, r.total, **kw)

    def figure(self, name: str) -> Figure | None:
        return next((f for f in self.figures if f.name == name), None)


# ------------------------------------------------------------------ running the pipeline
def run_pipeline(docs: Sequence[Document], settings: Settings | None = None) -> tuple[list[Document], list[str]]:
    """All stages over the documents; failures are recorded, not raised."""
    from ..api import extract_documents

    failures: list[str] = []

    def on_error(doc: Any, exc: Exception) -> None:
        failures.append(f"{getattr(doc, 'id', '?')}: {exc}")

    out = list(extract_documents(list(docs), settings or Settings(), on_error=on_error))
    return out, failures


def run_stages(doc: Document, settings: Settings, stages: Iterable[str]) -> Document:
    """Some stages in order, keeping ``doc.spacy_doc`` (``Pipeline`` frees it)."""
    for name in stages:
        doc = importlib.import_module(STAGES[name][0]).run(doc, settings)
    return doc


def text_to_clean(doc: Document, offset: int) -> int | None:
    """The ``clean`` offset of a ``text`` offset (None when that text was dropped)."""
    if not doc.segments:
        return offset if doc.clean == doc.text or not doc.clean else None
    for cs, ts, ln in doc.segments:
        if ts <= offset <= ts + ln:
            return cs + (offset - ts)
    return None


def place_records(doc: Document, settings: Settings) -> list[dict[str, Any]]:
    """Toponym records of one document (offsets into ``doc.text``).

    Uses the places library's ``geoparse_text`` (the whole text, no cleaning)
    when it exists, else the place mentions the stages add (after cleaning).
    """
    from .. import places

    settings = dataclasses.replace(settings, parse_scope="entities")  # every toponym: entities everywhere
    fn = getattr(places, "geoparse_text", None)
    if fn is not None:
        recs = fn(doc.text, settings, doc_id=doc.id)
        return [r if isinstance(r, dict) else (r.as_dict() if hasattr(r, "as_dict") else vars(r)) for r in recs]
    doc = run_stages(doc, settings, ("clean", "nlp", "places"))
    out = []
    for m in doc.mentions_of("place"):
        ev = doc.evidence(m.start, m.end)
        p = m.value
        out.append({
            "doc_id": doc.id, "start": ev.start, "end": ev.end, "text": ev.text,
            "name": getattr(p, "name", ""), "geonameid": getattr(p, "geonameid", None),
            "latitude": getattr(p, "latitude", None), "longitude": getattr(p, "longitude", None),
            "feature_code": getattr(p, "feature_code", ""), "country_code": getattr(p, "country_code", ""),
            "admin1": getattr(p, "admin1", ""), "score": m.score,
        })
    return out


_GENERIC_TAIL = re.compile(
    r"\s+(province|governorate|region|state|district|department|oblast|county|prefecture|division|"
    r"municipality|city|town|village|territory|emirate|wilaya|muhafazah)$", re.I)


@functools.lru_cache(maxsize=4096)
def _gazetteer_ids(name: str, classes: str) -> frozenset[int]:
    try:
        from ..places.gazetteer import Gazetteer

        gaz = Gazetteer.for_settings(Settings())
        out = set()
        for variant in dict.fromkeys([name, _GENERIC_TAIL.sub("", name.strip())]):
            out.update(c.id for c in gaz.lookup(variant) if c.feature_class in classes)
        return frozenset(out)
    except Exception:  # noqa: BLE001 - no gazetteer: names only
        return frozenset()


def same_place(gold: str, pred: str, classes: str = "A") -> bool:
    """Same place by name (:func:`metrics.place_names_match`), or two names the
    gazetteer knows as one place of these feature classes ("Nīnawá province" ~ "Nineveh")."""
    if not gold or not pred:
        return False
    if M.place_names_match(gold, pred):
        return True
    return bool(_gazetteer_ids(gold, classes) & _gazetteer_ids(pred, classes))


def failure_notes(failures: Sequence[str], what: str = "pipeline", show: int = 3) -> list[str]:
    """A few lines about documents the pipeline failed on (not one per document)."""
    if not failures:
        return []
    out = [f"{what} failed on {_n(len(failures), 'document')}; they count as producing nothing"]
    out += [f"{what} failure: {f}" for f in failures[:show]]
    return out


def pooled(*ratios: M.Ratio) -> M.Ratio:
    """Several field checks counted together."""
    return M.Ratio(sum(x.right for x in ratios), sum(x.total for x in ratios))


def _n(k: int, noun: str) -> str:
    return f"{k} {noun}{'' if k == 1 else 's'}"


def _cfg() -> dict[str, Any]:
    return load_yaml("evaluation.yaml")


def _ev_text(e: Event | None) -> str:
    return M.evidence_of(e) if e is not None else ""


def _doc_head(doc: Document, n: int = 200) -> str:
    t = " ".join((doc.clean or doc.text).split())
    return t[:n] + ("..." if len(t) > n else "")


def _spans(e: Event) -> list[tuple[int, int]]:
    return [(x.start, x.end) for x in e.evidence]


def _overlaps(spans: Iterable[tuple[int, int]], a: int, b: int) -> bool:
    return any(min(e, b) > max(s, a) for s, e in spans)


def _actor_surface(e: Event, role: str) -> str:
    """The actor's name and the text it was read from."""
    prov = e.provenance.get(role)
    return " ".join(x for x in (getattr(e, role, ""), prov.text if prov else "") if x)


def _timed(fn: Callable[..., TaskResult]) -> Callable[..., TaskResult]:
    def wrapper(*a: Any, **kw: Any) -> TaskResult:
        t0 = time.perf_counter()
        r = fn(*a, **kw)
        r.seconds = time.perf_counter() - t0
        return r

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


# ------------------------------------------------------------------ generic tasks
def events_result(name: str, s: M.EventScores, sample: str = "", any_place: M.EventScores | None = None) -> TaskResult:
    """Figures of an events task; ``any_place``: the same matched on type and date only."""
    r = TaskResult(name, sample)
    r.add("events: precision", s.prf.precision, s.prf.tp + s.prf.fp, "f1")
    r.add("events: recall", s.prf.recall, s.prf.tp + s.prf.fn, "f1")
    r.add("events: F1", s.prf.f1, None, "f1")
    if any_place is not None:
        a = any_place
        r.add("any place (type and date only): precision", a.prf.precision, a.prf.tp + a.prf.fp, "f1")
        r.add("any place (type and date only): recall", a.prf.recall, a.prf.tp + a.prf.fn, "f1")
        r.add("any place (type and date only): F1", a.prf.f1, None, "f1")
        r.ratio("any place: matched events located within 25 km", a.fields["location_25km"])
        r.ratio("any place: matched events located within 161 km", a.fields["location_161km"])
    labels = {
        "event_date": "date exact", "sub_event_type": "sub-event type", "actor1": "actor1",
        "actor2": "actor2", "inter1": "inter1", "inter2": "inter2", "country": "country",
        "admin1": "admin1", "location_25km": "location within 25 km",
        "location_161km": "location within 161 km", "fatalities": "fatalities exact",
    }
    for k, lab in labels.items():
        r.ratio(f"matched: {lab}", s.fields[k])
    right = sum(x.right for x in s.fields.values())
    total = sum(x.total for x in s.fields.values())
    r.add("matched: all fields together", right / total if total else None, total,
          anchor="gdelt")
    r.errors = s.errors
    r.notes.append(
        "Matching: same event type, date within 1 day, coordinates within 25 km (each only when both "
        "sides have it); optimal one-to-one. Field accuracy is over matched pairs where the gold has the field "
        "(so 'location within 25 km' only fails on a match without coordinates). 'Any place' repeats the "
        "matching without the 25 km condition, to tell detection apart from geolocation."
    )
    return r


def types_result(name: str, s: M.TypeScores, sample: str = "") -> TaskResult:
    r = TaskResult(name, sample)
    r.add("accuracy", s.accuracy, s.n)
    r.add("macro F1 (gold classes)", s.macro_f1, s.n, "f1")
    r.add("weighted F1", s.weighted_f1, s.n, "f1", anchor="case2021")
    rows = ["| class | P | R | F1 | support |", "|---|---:|---:|---:|---:|"]
    for lab, (p, rc, f1, sup) in sorted(s.per_class.items(), key=lambda kv: -kv[1][3]):
        rows.append(f"| {lab} | {p:.3f} | {rc:.3f} | {f1:.3f} | {sup} |")
    r.tables.append("Per class:\n\n" + "\n".join(rows))
    title = ("Confusion (rows gold, columns predicted):" if len(s.labels) <= 10
             else "Confusions (the off-diagonal cells of the confusion matrix):")
    r.tables.append(title + "\n\n" + confusion_markdown(s))
    r.errors = s.errors
    return r


def confusion_markdown(s: M.TypeScores, max_columns: int = 10) -> str:
    """The confusion matrix; with many classes, the off-diagonal cells as a list."""
    gold_labels = [lab for lab in s.labels if lab in s.per_class]
    if len(s.labels) > max_columns:
        off = sorted(((n, g, p) for (g, p), n in s.confusion.items() if g != p), key=lambda x: (-x[0], x[1], x[2]))
        lines = ["| gold | predicted | documents |", "|---|---|---:|"]
        lines += [f"| {g} | {p} | {n} |" for n, g, p in off]
        right = sum(n for (g, p), n in s.confusion.items() if g == p)
        lines.append(f"| (every class) | (same class) | {right} |")
        return "\n".join(lines)
    cols = s.labels
    head = "| gold \\ pred | " + " | ".join(cols) + " |"
    sep = "|---|" + "---:|" * len(cols)
    lines = [head, sep]
    for g in gold_labels:
        lines.append(f"| {g} | " + " | ".join(str(s.confusion.get((g, p), 0) or "") for p in cols) + " |")
    return "\n".join(lines)


def toponyms_result(name: str, s: M.ToponymScores, sample: str = "") -> TaskResult:
    r = TaskResult(name, sample)
    r.add("detection recall (overlapping span)", s.detection_recall, s.n_gold)
    r.add("detection precision (vs all annotations)", s.detection_precision, s.n_pred)
    r.add("within 161 km, given detection", s.accuracy_161_given_detection, s.detected,
          anchor="mordecai_161")
    r.ratio("exact GeoNames id, given detection", s.exact_id, anchor="mordecai_exact")
    r.add("end to end: detected and within 161 km", s.end_to_end_161, s.n_gold)
    r.add("mean error", s.mean_error_km, len(s.errors_km), "km")
    r.add("median error", s.median_error_km, len(s.errors_km), "km")
    r.errors = s.errors
    return r


def top_label(events: Sequence[Event]) -> str | None:
    e = M.top_event(events)
    return e.sub_event_type if e is not None and e.sub_event_type else None


# ------------------------------------------------------------------ dev sets
@_timed
def eval_baghuz(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    pred = {d.id: d.events for d in docs}
    gold: dict[str, list[Any]] = {}
    for g in ds.gold:
        gold.setdefault(g.doc_id, []).append(g)
    opt: dict[str, list[Any]] = {}
    for g in ds.optional:
        opt.setdefault(g.doc_id, []).append(g)
    s = M.score_events(gold, pred, optional=opt)
    r = events_result("Baghuz example (events task)", s, ds.note, M.score_events(gold, pred, max_km=None, optional=opt))
    matched = {}
    for doc_id, gs in gold.items():
        m = M.match_events(gs, pred.get(doc_id, []))
        for gi, _ in m.pairs:
            matched[gs[gi].id] = True
    r.notes.append("Matched: " + ", ".join(f"{g.id} {'yes' if matched.get(g.id) else 'no'}" for g in ds.gold))
    r.notes.extend(failure_notes(failures))
    return r


@_timed
def eval_gold_set(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    gold: dict[str, list[Any]] = {d.id: [] for d in ds.docs}
    for g in ds.gold:
        gold.setdefault(g.doc_id, []).append(g)
    opt: dict[str, list[Any]] = {}
    for g in ds.optional:
        opt.setdefault(g.doc_id, []).append(g)
    pred = {d.id: d.events for d in docs}
    s = M.score_events(gold, pred, optional=opt)
    r = events_result("Gold set (hand-written articles, events task)", s, ds.note,
                      M.score_events(gold, pred, max_km=None, optional=opt))
    r.notes.append("An article with no gold line is expected to give no event: any event from it is spurious.")
    r.notes.extend(failure_notes(failures))
    r.errors_hidden = ("this set is held out from the stage developers, so its sentences are not shown here; "
                       "`eventwire eval --gold tests/fixtures/gold/gold_events.jsonl --input tests/fixtures/gold/articles` "
                       "lists them")
    return r


@_timed
def eval_sentences(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    by_id = {d.id: d for d in docs}
    gold = {g.doc_id: g.sub_event_type or M.NO_EVENT for g in ds.gold}
    pred = {d: top_label(by_id[d].events) if d in by_id else None for d in gold}
    evidence = {g.doc_id: g.evidence for g in ds.gold}
    all_s = M.score_types(gold, pred, evidence)
    ev_gold = {d: lab for d, lab in gold.items() if lab != M.NO_EVENT}
    ev_s = M.score_types(ev_gold, pred, evidence)
    r = types_result("Labelled sentences (types task)", all_s, ds.note)
    r.figures = [
        Figure("event sentences: sub-event type accuracy", ev_s.accuracy, ev_s.n),
        Figure("event sentences: weighted F1 (25 ACLED sub-event types; developers tuned on these)", ev_s.weighted_f1, ev_s.n, "f1",
               anchor="case2021"),
        Figure("event sentences: macro F1", ev_s.macro_f1, ev_s.n, "f1"),
        Figure("all sentences (incl. no event): accuracy", all_s.accuracy, all_s.n),
        Figure("all sentences (incl. no event): weighted F1", all_s.weighted_f1, all_s.n, "f1"),
    ]
    none = [d for d, lab in gold.items() if lab == M.NO_EVENT]
    rejected = M.Ratio(sum(1 for d in none if pred.get(d) is None), len(none))
    r.ratio("sentences without an event: no event produced", rejected)
    r.notes.append("Each sentence is a document; the prediction is its highest-confidence event's sub-event type. "
                   "CASE 2021 task 2 also classifies short event snippets into fine-grained types (its own 25 "
                   "classes, other data), so its figure is the nearest anchor, not a like-for-like one.")
    r.notes.append("These sentences were written inside the project next to the event lexicon (the events stage's "
                   "holdout/fresh files) and have been read during development: treat the figures as an upper "
                   "bound, not as held-out performance.")
    r.notes.extend(failure_notes(failures))
    return r


@_timed
def eval_hrdsattack(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    by_id = {d.id: d for d in docs}
    cfg = _cfg()
    r = TaskResult("HRDsAttack (full articles)", ds.note)
    found, year, month, day = M.Ratio(), M.Ratio(), M.Ratio(), M.Ratio()
    city, region, country, perp, violence = M.Ratio(), M.Ratio(), M.Ratio(), M.Ratio(), M.Ratio()
    viol_map = cfg["hrds_violation"]
    perp_map = cfg["hrds_perpetrator"]
    inter_map = {int(k): v for k, v in cfg["inter_perpetrator"].items()}
    for g in ds.gold:
        assert isinstance(g, HrdGold)
        doc = by_id.get(g.doc_id)
        events = doc.events if doc else []
        e = M.top_event(events)
        found.add(e is not None)
        ev_text = _ev_text(e) or (_doc_head(doc) if doc else "")
        d = M.parse_date(e.event_date) if e else None

        def wrong(what: str, gv: Any, pv: Any, sev: float = 1.0) -> None:
            r.errors.append(M.ErrorCase("field", g.doc_id, what, str(gv), str(pv or ""), ev_text, sev))

        if e is None:
            when = "-".join(str(x) for x in (g.year, g.month, g.day) if x) or "date?"
            where = ", ".join(x for x in (g.city, g.region, g.country) if x) or "place?"
            what = ", ".join(g.violation_types) or "attack"
            r.errors.append(M.ErrorCase("missed", g.doc_id, "event", f"{what}; {when}; {where}", "no event",
                                        ev_text, 3.0))
        if g.year:
            ok = d is not None and d.year == g.year
            year.add(ok)
            if not ok and e is not None:
                wrong("year", g.year, e.event_date)
        if g.year and g.month:
            ok = d is not None and (d.year, d.month) == (g.year, g.month)
            month.add(ok)
        if g.year and g.month and g.day:
            ok = d is not None and (d.year, d.month, d.day) == (g.year, g.month, g.day)
            day.add(ok)
            if not ok and e is not None:
                wrong("date", f"{g.year}-{g.month:02d}-{g.day:02d}", e.event_date)
        if g.city:
            ok = e is not None and any(same_place(g.city, x, "PA") for x in (e.location, e.admin3, e.admin2) if x)
            city.add(ok)
            if not ok and e is not None:
                wrong("city", g.city, e.location, 1.5)
        if g.region:
            ok = e is not None and any(same_place(g.region, x) for x in (e.admin1, e.admin2, e.location) if x)
            region.add(ok)
            if not ok and e is not None:
                wrong("region", g.region, e.admin1)
        if g.country:
            ok = e is not None and M.countries_match(g.country, e.country)
            country.add(ok)
            if not ok and e is not None:
                wrong("country", g.country, e.country, 2.0)
        allowed = {M.fold(x) for v in g.violation_types for x in viol_map.get(v, [])}
        if allowed:
            ok = e is not None and M.fold(e.sub_event_type) in allowed
            violence.add(ok)
            if not ok and e is not None:
                wrong("violence type", ", ".join(g.violation_types), e.sub_event_type)
        gp = perp_map.get(g.perpetrator_type)
        if gp:
            pp = inter_map.get(e.inter1) if e else None
            perp.add(pp == gp)
    r.ratio("articles with an event", found)
    r.ratio("event year (of the top event)", year)
    r.ratio("event month", month)
    r.ratio("event day (exact date)", day, anchor="hrds_day")
    r.ratio("city (location / admin2 / admin3)", city, anchor="hrds_city")
    r.ratio("region (admin1)", region)
    r.ratio("country", country)
    r.ratio("perpetrator state / non-state (rough, from inter1)", perp)
    r.ratio("violence type: top event's sub-event type fits a gold violation (rough map)", violence)
    r.ratio("all fields above together",
            pooled(year, month, day, city, region, country, perp, violence), anchor="gdelt")
    r.notes.append("The top event (highest confidence) stands for the article. Shares are over articles whose "
                   "gold has the field; the T5 baseline figures are on the test split and may count empty "
                   "gold values differently, so they are a rough anchor.")
    r.notes.extend(failure_notes(failures))
    return r


@_timed
def eval_wikievents(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    by_id = {d.id: d for d in docs}
    r = TaskResult("WikiEvents (KAIROS events, full documents)", ds.note)
    gold_by_doc: dict[str, list[GoldEvent]] = {}
    for g in ds.gold:
        gold_by_doc.setdefault(g.doc_id, []).append(g)
    attack, a1, a2 = M.Ratio(), M.Ratio(), M.Ratio()
    sent_recall, event_precision = M.Ratio(), M.Ratio()  # gold sentences found; events on a gold sentence
    for d0 in ds.docs:
        doc = by_id.get(d0.id)
        events = doc.events if doc else []
        gs = gold_by_doc.get(d0.id, [])
        gold_spans = sorted({g.span for g in gs if g.span})
        hit = {sp: [e for e in events if _overlaps(_spans(e), *sp)] for sp in gold_spans}
        for sp in gold_spans:
            sent_recall.add(bool(hit[sp]))
        for e in events:
            good = any(_overlaps(_spans(e), *sp) for sp in gold_spans)
            event_precision.add(good)
            if not good:
                r.errors.append(M.ErrorCase("spurious", d0.id, "event", "", f"{e.sub_event_type}: {e.actor1} -> {e.actor2}",
                                            _ev_text(e), 2.0 + e.confidence))
        for g in gs:
            if not g.meta.get("attack"):
                continue
            cands = hit.get(g.span, []) if g.span else []
            attack.add(bool(cands))
            if not cands:
                r.errors.append(M.ErrorCase("missed", d0.id, g.kind, f"trigger '{g.meta.get('trigger')}'", "",
                                            g.evidence, 3.0))
                continue
            e = M.top_event(cands)
            if g.actor1:
                ok = M.text_overlap(g.actor1, _actor_surface(e, "actor1"))
                a1.add(ok)
                if not ok:
                    r.errors.append(M.ErrorCase("field", d0.id, "actor1 (Attacker)", g.actor1, e.actor1, g.evidence, 1.0))
            if g.actor2:
                ok = M.text_overlap(g.actor2, _actor_surface(e, "actor2"))
                a2.add(ok)
                if not ok:
                    r.errors.append(M.ErrorCase("field", d0.id, "actor2 (Target/Victim)", g.actor2, e.actor2, g.evidence, 1.0))
    r.ratio("attack mentions found (an event's evidence covers the sentence)", attack)
    p, rc = event_precision.value or 0.0, sent_recall.value or 0.0
    r.add("violent-event sentences: precision (events on one)", p, event_precision.total, "f1")
    r.add("violent-event sentences: recall (sentences with an event)", rc, sent_recall.total, "f1")
    r.add("violent-event sentences: F1", 2 * p * rc / (p + rc) if p + rc else 0.0, None, "f1")
    r.ratio("Attacker -> actor1 (string overlap)", a1)
    r.ratio("Target/Victim -> actor2 (string overlap)", a2)
    r.notes.append("Violent-event sentences: sentences holding a KAIROS Conflict.Attack, Conflict.Demonstrate, "
                   "Life.Die, Life.Injure, Justice.ArrestJailDetain or Damage/Destroy trigger. A predicted event "
                   "is right when its evidence overlaps one of them.")
    r.notes.extend(failure_notes(failures))
    return r


@_timed
def eval_plover(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    by_id = {d.id: d for d in docs}
    r = TaskResult("PLOVER GSR (single sentences)", ds.note)
    prf = M.PRF()
    family, src, tgt = M.Ratio(), M.Ratio(), M.Ratio()
    gold_types: dict[str, str] = {}
    pred_types: dict[str, str | None] = {}
    for g in ds.gold:
        doc = by_id.get(g.doc_id)
        events = doc.events if doc else []
        e = M.top_event(events)
        cls = g.meta["class"]
        if cls == "positive":
            if e is not None:
                prf.tp += 1
            else:
                prf.fn += 1
                r.errors.append(M.ErrorCase("missed", g.doc_id, f"{g.kind} {g.meta.get('mode') or ''}".strip(),
                                            g.event_type, "no event", g.evidence, 3.0))
        elif cls == "negative" and e is not None:
            prf.fp += 1
            r.errors.append(M.ErrorCase("spurious", g.doc_id, f"PLOVER {g.kind}", "no ACLED event",
                                        f"{e.sub_event_type}: {e.actor1} -> {e.actor2}", g.evidence, 2.0 + e.confidence))
        if cls == "positive" and g.event_type:
            gold_types[g.doc_id] = g.event_type
            pred_types[g.doc_id] = M.event_type_of(e) if e is not None else None
            if e is not None:
                ok = M.event_type_of(e) == g.event_type
                family.add(ok)
                if not ok:
                    r.errors.append(M.ErrorCase("type", g.doc_id, "event type (rough map)", g.event_type,
                                                M.event_type_of(e) or e.sub_event_type, g.evidence, 1.5))
        if e is not None and cls != "negative":
            if g.actor1:
                ok = M.text_overlap(g.actor1, _actor_surface(e, "actor1"))
                src.add(ok)
                if not ok:
                    r.errors.append(M.ErrorCase("field", g.doc_id, "source -> actor1", g.actor1, e.actor1, g.evidence, 1.0))
            if g.actor2:
                ok = M.text_overlap(g.actor2, _actor_surface(e, "actor2"))
                tgt.add(ok)
                if not ok:
                    r.errors.append(M.ErrorCase("field", g.doc_id, "target -> actor2", g.actor2, e.actor2, g.evidence, 1.0))
    r.add("event / no event: precision", prf.precision, prf.tp + prf.fp, "f1")
    r.add("event / no event: recall", prf.recall, prf.tp + prf.fn, "f1")
    r.add("event / no event: F1", prf.f1, None, "f1")
    r.ratio("ACLED event type of found events (rough map)", family)
    ts = M.score_types(gold_types, pred_types)
    r.add("event type weighted F1 (rough map; no event = wrong)", ts.weighted_f1, ts.n, "f1",
          anchor="case2021")
    r.ratio("source -> actor1 (string overlap)", src)
    r.ratio("target -> actor2 (string overlap)", tgt)
    r.notes.append("Rough mapping: ASSAULT, FIGHT, PROTEST are events an ACLED coder would record; AGREE, DEMAND, "
                   "REJECT, THREATEN, ... are not; COERCE, MOBILIZE, RETREAT, SANCTION are left out of the "
                   "event/no-event score. PLOVER and ACLED categories differ, so treat these as indications.")
    r.notes.extend(failure_notes(failures))
    return r


@_timed
def eval_event_location(ds: DevSet, settings: Settings) -> TaskResult:
    from .. import places

    r = TaskResult("event-location (which place is the event's)", ds.note)
    chosen, any_place, pipe_found, pipe_loc = M.Ratio(), M.Ratio(), M.Ratio(), M.Ratio()
    failures: list[str] = []
    located_failures: list[str] = []
    by_id = {d.id: d for d in ds.docs}
    stages = ("clean", "nlp", "places", "actors", "events")
    for g in ds.gold:
        assert isinstance(g, LocGold)
        try:
            doc = run_stages(by_id[g.doc_id], settings, stages)
        except Exception as exc:  # noqa: BLE001 - one bad sentence must not stop the run
            failures.append(f"{g.doc_id}: {type(exc).__name__}: {exc}")
            continue
        gold_spans = [(a, b) for a, b, _ in g.locations]
        gold_text = " / ".join(t for _, _, t in g.locations)
        cs, ce = text_to_clean(doc, g.verb_start), text_to_clean(doc, g.verb_end)
        sent = doc.sentence_of(cs) if cs is not None else None
        loc = None
        if sent is not None and ce is not None:
            try:
                loc = places.locate_event(doc, sent.index, cs, ce, settings)
            except Exception as exc:  # noqa: BLE001
                located_failures.append(f"{g.doc_id}: {type(exc).__name__}: {exc}")
        ok = False
        shown = "no place"
        if loc is not None:
            shown = loc.place.name
            if loc.mention is not None:
                ev = doc.evidence(loc.mention.start, loc.mention.end)
                ok = any(_overlaps([(ev.start, ev.end)], a, b) for a, b in gold_spans)
                shown = f"{ev.text} -> {loc.place.name}"
        any_place.add(loc is not None)
        chosen.add(ok)
        if not ok:
            r.errors.append(M.ErrorCase("location", g.doc_id, f"trigger '{g.verb}'", gold_text, shown, doc.text,
                                        1.5 if loc is not None else 1.0))
        # the whole pipeline: an event at the trigger, located at the gold span
        evs = [e for e in doc.events if _overlaps(_spans(e), g.verb_start, g.verb_end)]
        pipe_found.add(bool(evs))
        if evs:
            e = M.top_event(evs)
            prov = e.provenance.get("location")
            pipe_loc.add(prov is not None and any(_overlaps([(prov.start, prov.end)], a, b) for a, b in gold_spans))
        doc.spacy_doc = None
    r.ratio("place chosen for the gold trigger is the gold location span (locate_event)", chosen)
    r.ratio("a place returned for the gold trigger", any_place)
    r.ratio("pipeline: an event whose evidence covers the trigger", pipe_found)
    r.ratio("pipeline: that event's location read from the gold span", pipe_loc)
    r.notes.append("locate_event is asked directly with the annotated trigger, so this isolates the choice of "
                   "place from event detection. A choice is right when its mention overlaps an annotated "
                   "LOCATION span.")
    r.notes.extend(failure_notes(failures))
    r.notes.extend(failure_notes(located_failures, "locate_event"))
    return r


@_timed
def eval_geowebnews(ds: DevSet, settings: Settings) -> TaskResult:
    preds: list[dict[str, Any]] = []
    failures = []
    for doc in ds.docs:
        try:
            recs = place_records(Document(id=doc.id, text=doc.text, title=doc.title, origin=doc.origin), settings)
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{doc.id}: {type(exc).__name__}: {exc}")
            continue
        for rec in recs:
            rec["doc_id"] = doc.id
        preds.extend(recs)
    s = M.score_toponyms(ds.gold, preds, {d.id: d.text for d in ds.docs})
    r = toponyms_result("GeoWebNews (toponyms)", s, ds.note)
    r.notes.append("Scored toponyms: the annotations with coordinates (Literal, Metonymic, Mixed, Coercion, "
                   "modifiers and embedded toponyms). Annotations without coordinates (expressions, demonyms, "
                   "non-toponyms) only keep an overlapping prediction from counting as spurious. Mordecai3's "
                   "figures resolve gold toponyms; ours are on the toponyms eventwire itself detected.")
    r.notes.extend(failure_notes(failures, "geoparse"))
    return r


@_timed
def eval_ucdp(ds: DevSet, settings: Settings) -> TaskResult:
    docs, failures = run_pipeline(ds.docs, settings)
    by_id = {d.id: d for d in docs}
    r = TaskResult("UCDP GED Iraq (headlines)", ds.note)
    found, fat_best, fat_range, country, admin1, loc161, date_ok = (M.Ratio() for _ in range(7))
    for g in ds.gold:
        assert isinstance(g, GoldEvent)
        doc = by_id.get(g.doc_id)
        events = doc.events if doc else []
        e = M.top_event(events)
        found.add(e is not None)
        if e is None:
            r.errors.append(M.ErrorCase("missed", g.doc_id, "event", f"{g.fatalities} killed ({g.admin1})",
                                        "no event", g.evidence, 3.0))
            continue
        total = sum(x.fatalities or 0 for x in events)
        lo, hi = g.meta.get("low"), g.meta.get("high")
        if g.fatalities is not None:
            fat_best.add(total == g.fatalities)
            if lo is not None and hi is not None:
                ok = lo <= total <= hi
                fat_range.add(ok)
                if not ok:
                    sev = 1.0 + min(abs(total - g.fatalities) / max(g.fatalities, 1), 1.0)
                    r.errors.append(M.ErrorCase("field", g.doc_id, "fatalities", f"{g.fatalities} (low {lo}, high {hi})",
                                                str(total), g.evidence, sev))
        country.add(M.countries_match(g.country, e.country))
        if g.admin1:
            admin1.add(same_place(g.admin1, e.admin1))
        if g.latitude is not None:
            km = M.distance_km(g, e)
            ok = km is not None and km <= M.KM_161
            loc161.add(ok)
            if not ok and km is not None:
                r.errors.append(M.ErrorCase("field", g.doc_id, "location", f"{g.location} ({g.admin1})",
                                            f"{e.location} ({km:.0f} km off)", g.evidence, 1.0 + min(km / 1000, 1.0)))
        d = M.parse_date(e.event_date)
        lo_d, hi_d = M.parse_date(g.event_date), M.parse_date(g.meta.get("date_end"))
        if lo_d and hi_d:
            date_ok.add(d is not None and (lo_d - d).days <= 1 and (d - hi_d).days <= 1)
    r.ratio("headlines with an event", found)
    r.ratio("fatalities (sum over the headline's events) = UCDP best", fat_best)
    r.ratio("fatalities within UCDP low..high", fat_range)
    r.ratio("date within UCDP's date range +-1 day", date_ok)
    r.ratio("country", country)
    r.ratio("admin1", admin1)
    r.ratio("location within 161 km of UCDP's point", loc161)
    r.ratio("all fields above together (fatalities = best)", pooled(fat_best, date_ok, country, admin1, loc161),
            anchor="gdelt")
    r.notes.append("Headline totals often cover more than the one UCDP event they are attached to, so the "
                   "fatality figures are a rough check of number reading, not of ACLED-style splitting. "
                   "Figures after 'headlines with an event' are over headlines where an event was found.")
    r.notes.extend(failure_notes(failures))
    return r


# ------------------------------------------------------------------ generic tasks over files
def eval_events_files(gold: Sequence[GoldEvent], pred: Sequence[Event], name: str = "events",
                      max_days: int = 1, max_km: float | None = M.KM_EXACT,
                      doc_ids: Iterable[str] = ()) -> TaskResult:
    """Score ``pred`` against ``gold``. ``doc_ids``: every document that was run, so that
    documents without gold events (which must yield none) are counted in the sample."""
    g: dict[str, list[Any]] = {}
    opt: dict[str, list[Any]] = {}
    for x in gold:
        (g if x.required else opt).setdefault(x.doc_id, []).append(x)
    for doc_id in opt:
        g.setdefault(doc_id, [])
    p: dict[str, list[Any]] = {}
    for e in pred:
        p.setdefault(e.doc_id, []).append(e)
    s = M.score_events(g, p, max_days=max_days, max_km=max_km, optional=opt)
    relaxed = M.score_events(g, p, max_days=max_days, max_km=None, optional=opt) if max_km is not None else None
    n_docs = len({*g, *p, *doc_ids})
    return events_result(name, s, f"{_n(n_docs, 'document')}, {_n(sum(len(v) for v in g.values()), 'gold event')}, "
                                  f"{len(pred)} predicted", relaxed)


def eval_types_files(gold: dict[str, str], pred: Sequence[Event], name: str = "types") -> TaskResult:
    by_doc: dict[str, list[Event]] = {}
    for e in pred:
        by_doc.setdefault(e.doc_id, []).append(e)
    labels = {d: top_label(by_doc.get(d, [])) for d in gold}
    evidence = {d: _ev_text(M.top_event(by_doc.get(d, []))) for d in gold}
    # a gold label "none" means: no event in this document
    gold = {d: (M.NO_EVENT if lab.strip().lower() in ("none", M.NO_EVENT) else lab) for d, lab in gold.items()}
    return types_result(name, M.score_types(gold, labels, evidence), _n(len(gold), "document"))


def eval_toponym_files(gold: Sequence[M.GoldToponym], pred: Sequence[Any], texts: dict[str, str],
                       name: str = "toponyms") -> TaskResult:
    s = M.score_toponyms(gold, pred, texts)
    return toponyms_result(name, s, f"{_n(len({g.doc_id for g in gold}), 'document')}, "
                                    f"{_n(s.n_gold, 'toponym')} with coordinates")


# ------------------------------------------------------------------ one gold file (``eventwire eval``)
TASKS = ("events", "types", "toponyms")


def evaluate_files(
    task: str,
    gold_path: str,
    pred_path: str | None = None,
    inputs: Sequence[str] = (),
    settings: Settings | None = None,
    max_days: int = 1,
    max_km: float = M.KM_EXACT,
) -> TaskResult:
    """Score predictions (a file, or the pipeline run over ``inputs``) against one gold file."""
    from pathlib import Path

    from . import readers

    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; one of {', '.join(TASKS)}")
    if bool(pred_path) == bool(inputs):
        raise ValueError("give either predictions (--pred) or inputs to run (--input), not both")
    settings = settings or Settings()
    problems: list[str] = []
    if task == "toponyms":
        docs, gold = readers.read_toponym_gold(gold_path)
        if pred_path:
            preds = readers.read_pred_toponyms(pred_path)
        else:
            if all(Path(i).suffix.lower() == ".xml" for i in inputs):
                run_docs = [d for i in inputs for d in readers.read_toponym_gold(i)[0]]
            else:
                run_docs, problems = readers.read_input_documents(inputs)
            docs = docs or run_docs
            preds = []
            for d in run_docs:
                for rec in place_records(Document(id=d.id, text=d.text, title=d.title, origin=d.origin), settings):
                    rec["doc_id"] = d.id
                    preds.append(rec)
        r = eval_toponym_files(gold, preds, {d.id: d.text for d in docs}, f"toponyms: {Path(gold_path).name}")
    else:
        if pred_path:
            events = readers.read_pred_events(pred_path)
            doc_ids = {e.doc_id for e in events}
        else:
            docs, problems = readers.read_input_documents(inputs)
            done, failures = run_pipeline(docs, settings)
            problems += failures
            events = [e for d in done for e in d.events]
            doc_ids = {d.id for d in docs}
        # gold rows without doc_id (e.g. an example's expected.jsonl) belong to the one document
        sole = next(iter(doc_ids)) if len(doc_ids) == 1 else ""
        if task == "events":
            r = eval_events_files(readers.read_gold_events(gold_path, default_doc_id=sole), events,
                                  f"events: {Path(gold_path).name}", max_days, max_km, doc_ids)
        else:
            r = eval_types_files(readers.read_gold_types(gold_path), events, f"types: {Path(gold_path).name}")
    r.notes.extend(f"input problem: {p}" for p in problems)
    return r
