"""The metrics: event matching and scoring, document types, toponyms.

Everything here is pure (no pipeline, no files) so the unit tests can check
each figure on tiny hand-made cases.

Events
    Per document, predicted events are matched one-to-one to gold events. A pair
    is *admissible* when (a) the event types agree (``event_type``, derived from
    ``sub_event_type`` when only that is given; a side with no type matches any),
    (b) the dates are within ``max_days`` (when both sides have a date) and
    (c) the coordinates are within ``max_km`` (when both sides have coordinates).
    Among admissible pairs the matching is optimal: the most pairs, and among
    matchings with that many pairs the smallest total distance (date difference
    plus km/``max_km`` plus a sub-type mismatch). Solved with
    :func:`scipy.optimize.linear_sum_assignment`.

    Field accuracy is measured on matched pairs, counting only fields the gold
    side fills in (an empty gold ``actor2`` is not scored).

Types
    One gold label per document; the prediction is the ``sub_event_type`` of the
    highest-confidence event (ties: the earlier event in the list); a document
    with no event is predicted ``NO_EVENT`` (right only where the gold label is
    ``NO_EVENT``, for sets with non-event documents). Macro F1 averages over
    the gold classes; weighted F1 weights each gold class by its support (the
    CASE 2021 figure, equal to scikit-learn's ``average="weighted"``).

Toponyms
    Gold spans carry coordinates; a gold toponym is *detected* when a predicted
    span overlaps it (one-to-one, most characters of overlap first). Resolution
    is right when the predicted point is within 161 km (100 miles).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..resources import load_yaml

NO_EVENT = "(no event)"
KM_EXACT = 25.0  # "same place" for events (ACLED-style coordinates)
KM_161 = 161.0  # 100 miles: the usual geoparsing threshold


# ------------------------------------------------------------------ basics
@dataclass(slots=True)
class PRF:
    """True positives, false positives, false negatives -> P/R/F1 (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self


@dataclass(slots=True)
class Ratio:
    """``right`` out of ``total`` (the share is None when nothing was scored)."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _num(v: Any) -> float | None:
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def distance_km(a: Any, b: Any) -> float | None:
    """Distance between two records with ``latitude``/``longitude`` (None if either lacks them)."""
    la, oa = _num(_get(a, "latitude")), _num(_get(a, "longitude"))
    lb, ob = _num(_get(b, "latitude")), _num(_get(b, "longitude"))
    if None in (la, oa, lb, ob):
        return None
    return haversine_km(la, oa, lb, ob)  # type: ignore[arg-type]


def _get(rec: Any, name: str, default: Any = None) -> Any:
    if isinstance(rec, dict):
        return rec.get(name, default)
    return getattr(rec, name, default)


def fold(s: Any) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("'", "")
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return " ".join(s.split())


def parse_date(v: Any) -> dt.date | None:
    """An ISO date (first 10 characters) or None."""
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if not v:
        return None
    try:
        return dt.date.fromisoformat(str(v).strip()[:10])
    except ValueError:
        return None


@functools.cache
def _config() -> dict[str, Any]:
    return load_yaml("evaluation.yaml")


@functools.cache
def _type_of_sub() -> dict[str, str]:
    out = {}
    for etype, subs in _config()["acled_types"].items():
        out[fold(etype)] = etype
        for sub in subs:
            out[fold(sub)] = etype
    return out


def event_type_of(rec: Any) -> str:
    """The ACLED event type of a record (from ``event_type``, else ``sub_event_type``)."""
    et = _get(rec, "event_type") or ""
    if et:
        return _type_of_sub().get(fold(et), et)
    sub = _get(rec, "sub_event_type") or ""
    return _type_of_sub().get(fold(sub), "") if sub else ""


# ------------------------------------------------------------------ names
_PAREN = re.compile(r"\([^)]*\)")


@functools.cache
def _actor_stop() -> frozenset[str]:
    return frozenset(_config()["actor_stopwords"])


def actor_variants(name: str) -> set[str]:
    """Normalised forms of an actor name: whole, without "(...)", each side of "X: Y"."""
    if not name:
        return set()
    out = set()
    base = _PAREN.sub(" ", name)
    for piece in [name, base, *base.split(":")]:
        f = fold(piece)
        if f:
            out.add(f)
    return out


def _content_tokens(s: str) -> set[str]:
    return {t for t in fold(s).split() if t not in _actor_stop()}


def actor_names_match(gold: str, pred: str) -> bool:
    """Same actor by name: a shared normalised variant, or the content words of
    the shorter name all found in the longer one ("Islamic State" ~ "Islamic State (Syria)",
    "Syrian Democratic Forces" ~ "SDF: Syrian Democratic Forces")."""
    if not gold or not pred:
        return False
    if actor_variants(gold) & actor_variants(pred):
        return True
    g, p = _content_tokens(_PAREN.sub(" ", gold)), _content_tokens(_PAREN.sub(" ", pred))
    if not g or not p:
        return False
    small, big = (g, p) if len(g) <= len(p) else (p, g)
    return len(small) >= 2 and small <= big


def _tok_eq(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short[: max(4, len(short) - 1)])


def text_overlap(gold: str, pred: str) -> bool:
    """Loose string overlap for actor mentions: one shared content word, where a
    word also matches its derived forms ("Iraq" ~ "Iraqi", "Palestinian" ~ "Palestine")."""
    g, p = _content_tokens(gold), _content_tokens(pred)
    return any(_tok_eq(a, b) for a in g for b in p)


@functools.cache
def _place_generic() -> frozenset[str]:
    return frozenset(_config()["place_generic_words"])


def _place_core(name: str) -> str:
    toks = [t for t in fold(_PAREN.sub(" ", name or "")).split() if t not in _place_generic()]
    return " ".join(toks)


@functools.cache
def country_key(name: str) -> str:
    """A country name or code -> ISO alpha-2 when pycountry knows it, else the folded name."""
    if not name:
        return ""
    alias = _config().get("country_aliases", {}).get(fold(name))
    if alias:
        return alias
    try:
        import pycountry

        c = pycountry.countries.lookup(name.strip())
        return c.alpha_2
    except (LookupError, ImportError):
        return fold(name)


def countries_match(gold: str, pred: str) -> bool:
    return bool(gold) and bool(pred) and country_key(gold) == country_key(pred)


def place_names_match(gold: str, pred: str) -> bool:
    """Same place by name: equal once accents, "al-", "province", "governorate" ...
    are removed, or one name's words found whole in the other ("Deir ez-Zor" ~
    "Deir ez-Zor Governorate"; "Al Anbār province" ~ "Anbar"), or a spelling slip
    on a name of five letters or more ("Beijin" ~ "Beijing")."""
    g, p = _place_core(gold), _place_core(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    gj, pj = g.replace(" ", ""), p.replace(" ", "")
    if gj == pj:
        return True
    if f" {g} " in f" {p} " or f" {p} " in f" {g} ":
        return True
    # a spelling slip ("Beijin"): nearly the same letters, on names long enough to tell apart
    if min(len(gj), len(pj)) >= 5:
        from difflib import SequenceMatcher

        return SequenceMatcher(None, gj, pj).ratio() >= 0.88
    return False


# ------------------------------------------------------------------ matching
def linear_assignment(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Minimum-cost one-to-one assignment of rows to columns (scipy)."""
    if not cost or not cost[0]:
        return []
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(cost)
    return [(int(r), int(c)) for r, c in zip(rows, cols)]


def _days_apart(a: Any, b: Any) -> int | None:
    da, db = parse_date(_get(a, "event_date")), parse_date(_get(b, "event_date"))
    if da is None or db is None:
        return None
    return abs((da - db).days)


def pair_cost(gold: Any, pred: Any, max_days: int = 1, max_km: float | None = KM_EXACT) -> float | None:
    """Distance of an admissible (gold, pred) pair in [0, 3], or None if not admissible.

    ``max_km=None`` drops the location condition (coordinates then only rank pairs).
    """
    gt, pt = event_type_of(gold), event_type_of(pred)
    if gt and pt and gt != pt:
        return None
    days = _days_apart(gold, pred)
    if days is not None and days > max_days:
        return None
    km = distance_km(gold, pred)
    if km is not None and max_km is not None and km > max_km:
        return None
    cost = 0.0
    if days:
        cost += days / (max_days + 1)
    if km:
        cost += min(km / (max_km or KM_EXACT), 2.0)
    gs, ps = fold(_get(gold, "sub_event_type")), fold(_get(pred, "sub_event_type"))
    if gs and ps and gs != ps:
        cost += 0.5
    return cost


@dataclass(slots=True)
class Matching:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)


def match_events(
    gold: Sequence[Any], pred: Sequence[Any], max_days: int = 1, max_km: float | None = KM_EXACT
) -> Matching:
    """Optimal one-to-one matching of one document's predicted events to its gold events."""
    if not gold or not pred:
        return Matching([], list(range(len(gold))), list(range(len(pred))))
    big = 4.0 * (len(gold) + len(pred)) + 10.0  # more than any sum of admissible costs (each <= 3)
    cost = []
    admissible = []
    for g in gold:
        row, ok = [], []
        for p in pred:
            c = pair_cost(g, p, max_days, max_km)
            ok.append(c is not None)
            row.append(big if c is None else c)
        cost.append(row)
        admissible.append(ok)
    pairs = [(gi, pi) for gi, pi in linear_assignment(cost) if admissible[gi][pi]]
    mg = {gi for gi, _ in pairs}
    mp = {pi for _, pi in pairs}
    return Matching(
        sorted(pairs),
        [i for i in range(len(gold)) if i not in mg],
        [i for i in range(len(pred)) if i not in mp],
    )


# ------------------------------------------------------------------ error cases
@dataclass(slots=True)
class ErrorCase:
    """One thing that went wrong, with the sentence it came from."""

    kind: str  # "missed", "spurious", "field", "type", "toponym", ...
    doc_id: str
    what: str  # field name or short label
    gold: str = ""
    pred: str = ""
    evidence: str = ""  # the evidence / gold sentence
    severity: float = 1.0  # higher is worse; used to list the worst first

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "doc_id": self.doc_id, "what": self.what, "gold": self.gold,
            "pred": self.pred, "evidence": self.evidence, "severity": self.severity,
        }


def worst(errors: Iterable[ErrorCase], n: int = 10) -> list[ErrorCase]:
    """The ``n`` errors to show: the most severe of each kind of error in turn, so
    one kind (say, a hundred missed events) does not hide the others. Kinds are
    ``kind`` and ``what`` (the field, the label), taken in order of their worst
    error; within a kind, most severe first (equal severity keeps input order)."""
    groups: dict[str, list[ErrorCase]] = {}
    for e in sorted(errors, key=lambda e: -e.severity):
        groups.setdefault(f"{e.kind}:{e.what}", []).append(e)
    queues = list(groups.values())  # already ordered by each group's worst error
    out: list[ErrorCase] = []
    i = 0
    while len(out) < n and any(queues):
        q = queues[i % len(queues)]
        if q:
            out.append(q.pop(0))
        i += 1
    return out


def evidence_of(rec: Any) -> str:
    """The evidence sentence(s) of an Event or a gold record."""
    ev = _get(rec, "evidence")
    if isinstance(ev, str):
        return ev
    if ev:
        return " ... ".join(_get(e, "text", "") or "" for e in ev)
    return ""


def _short(rec: Any) -> str:
    parts = [
        _get(rec, "event_date") or "?",
        _get(rec, "sub_event_type") or _get(rec, "event_type") or "?",
        f"{_get(rec, 'actor1') or '?'} -> {_get(rec, 'actor2') or '-'}",
        _get(rec, "location") or _get(rec, "admin1") or _get(rec, "country") or "?",
    ]
    return " | ".join(str(p) for p in parts)


def nearest_miss(gold: Any, preds: Sequence[Any], max_days: int = 1,
                 max_km: float | None = KM_EXACT) -> tuple[Any | None, str]:
    """The predicted event closest to a missed gold event, and why it does not match."""
    best, best_key, best_why = None, None, ""
    for p in preds:
        reasons = []
        gt, pt = event_type_of(gold), event_type_of(p)
        if gt and pt and gt != pt:
            reasons.append(f"type {pt}, not {gt}")
        days = _days_apart(gold, p)
        if days is not None and days > max_days:
            reasons.append(f"{days} days apart")
        km = distance_km(gold, p)
        if km is not None and max_km is not None and km > max_km:
            reasons.append(f"{km:.0f} km away")
        key = (len(reasons), days or 0, km or 0.0)
        if best_key is None or key < best_key:
            best, best_key, best_why = p, key, "; ".join(reasons) or "matched to another gold event"
    return best, best_why


# ------------------------------------------------------------------ events
EVENT_FIELDS: tuple[str, ...] = (
    "event_date", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
    "country", "admin1", "location_25km", "location_161km", "fatalities",
)


def field_checks(gold: Any, pred: Any) -> dict[str, tuple[bool, str, str]]:
    """Per-field verdicts on one matched pair: name -> (right, gold shown, pred shown).

    Only fields the gold record fills in are returned.
    """
    out: dict[str, tuple[bool, str, str]] = {}
    g, p = (lambda k: _get(gold, k)), (lambda k: _get(pred, k))
    if g("event_date"):
        out["event_date"] = (str(g("event_date"))[:10] == str(p("event_date") or "")[:10], str(g("event_date")), str(p("event_date") or ""))
    if g("sub_event_type"):
        out["sub_event_type"] = (fold(g("sub_event_type")) == fold(p("sub_event_type")), g("sub_event_type"), p("sub_event_type") or "")
    for k in ("actor1", "actor2"):
        if g(k):
            out[k] = (actor_names_match(g(k), p(k) or ""), g(k), p(k) or "")
    for k in ("inter1", "inter2"):
        gv = _num(g(k))
        if gv:
            pv = _num(p(k))
            out[k] = (pv is not None and int(gv) == int(pv), str(int(gv)), "" if pv is None else str(int(pv)))
    if g("country"):
        out["country"] = (countries_match(g("country"), p("country") or ""), g("country"), p("country") or "")
    if g("admin1"):
        out["admin1"] = (place_names_match(g("admin1"), p("admin1") or ""), g("admin1"), p("admin1") or "")
    if _num(g("latitude")) is not None and _num(g("longitude")) is not None:
        km = distance_km(gold, pred)
        shown = "no coordinates" if km is None else f"{km:.0f} km away ({p('location') or '?'})"
        gl = f"{g('location') or ''} ({float(g('latitude')):.2f}, {float(g('longitude')):.2f})"
        out["location_25km"] = (km is not None and km <= KM_EXACT, gl, shown)
        out["location_161km"] = (km is not None and km <= KM_161, gl, shown)
    gf = g("fatalities")
    if gf not in (None, ""):
        pf = p("fatalities")
        out["fatalities"] = (_num(pf) is not None and int(_num(gf)) == int(_num(pf)), str(gf), "" if pf in (None, "") else str(pf))
    return out


@dataclass(slots=True)
class EventScores:
    prf: PRF = field(default_factory=PRF)
    fields: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in EVENT_FIELDS})
    errors: list[ErrorCase] = field(default_factory=list)
    n_docs: int = 0

    def field_value(self, name: str) -> float | None:
        return self.fields[name].value


def _severity_of_field(name: str, pred: Any, gold: Any) -> float:
    if name.startswith("location"):
        km = distance_km(gold, pred)
        return 1.0 + min((km or 1000.0) / 1000.0, 1.0)
    return 1.0


def score_events(
    gold: dict[str, list[Any]],
    pred: dict[str, list[Any]],
    max_days: int = 1,
    max_km: float | None = KM_EXACT,
    optional: dict[str, list[Any]] | None = None,
) -> EventScores:
    """Event-level P/R/F1 and per-field accuracy over documents.

    ``gold``/``pred`` map doc_id -> records (``Event`` or gold records). A
    predicted event in a document absent from ``gold`` is a false positive.
    ``optional`` gold events (e.g. the Baghuz E4) are neither required nor
    penalised: a prediction left unmatched that matches one of them is dropped.
    ``max_km=None`` matches on type and date only (detection apart from geolocation).
    """
    s = EventScores()
    doc_ids = list(dict.fromkeys([*gold, *pred]))
    s.n_docs = len(doc_ids)
    optional = optional or {}
    for doc_id in doc_ids:
        g, p = list(gold.get(doc_id, [])), list(pred.get(doc_id, []))
        m = match_events(g, p, max_days, max_km)
        spurious = m.unmatched_pred
        opt = optional.get(doc_id, [])
        if opt and spurious:
            m2 = match_events(opt, [p[i] for i in spurious], max_days, max_km)
            used = {spurious[pi] for _, pi in m2.pairs}
            spurious = [i for i in spurious if i not in used]
        s.prf += PRF(tp=len(m.pairs), fp=len(spurious), fn=len(m.unmatched_gold))
        for gi in m.unmatched_gold:
            near, why = nearest_miss(g[gi], p, max_days, max_km)
            shown = f"nearest: {_short(near)} ({why})" if near is not None else "no event in the document"
            ev = evidence_of(g[gi]) or (evidence_of(near) if near is not None else "")
            s.errors.append(ErrorCase("missed", doc_id, "event", _short(g[gi]), shown, ev, 3.0))
        for pi in spurious:
            conf = _num(_get(p[pi], "confidence")) or 0.5
            s.errors.append(ErrorCase("spurious", doc_id, "event", "", _short(p[pi]), evidence_of(p[pi]), 2.0 + conf))
        for gi, pi in m.pairs:
            for name, (ok, gv, pv) in field_checks(g[gi], p[pi]).items():
                s.fields[name].add(ok)
                if ok or name == "location_161km":  # a far location is listed once, as location_25km
                    continue
                ev = evidence_of(p[pi]) or evidence_of(g[gi])
                s.errors.append(ErrorCase("field", doc_id, name, str(gv), str(pv), ev, _severity_of_field(name, p[pi], g[gi])))
    return s


# ------------------------------------------------------------------ types
def top_event(events: Sequence[Any]) -> Any | None:
    """The highest-confidence event (ties: the first in the list)."""
    best, best_c = None, -math.inf
    for e in events:
        c = _num(_get(e, "confidence"))
        c = 0.0 if c is None else c
        if c > best_c:
            best, best_c = e, c
    return best


@dataclass(slots=True)
class TypeScores:
    n: int = 0
    accuracy: float = 0.0
    macro_f1: float = 0.0
    weighted_f1: float = 0.0
    per_class: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)  # label -> (P, R, F1, support)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (gold, pred) -> count
    labels: list[str] = field(default_factory=list)  # gold labels, then predicted-only ones
    errors: list[ErrorCase] = field(default_factory=list)


def score_types(
    gold: dict[str, str],
    pred: dict[str, str | None],
    evidence: dict[str, str] | None = None,
) -> TypeScores:
    """Accuracy, macro F1 (over gold classes), support-weighted F1, per-class F1, confusion.

    ``pred`` maps doc_id -> predicted label (None or missing: no event).
    """
    evidence = evidence or {}
    s = TypeScores(n=len(gold))
    if not gold:
        return s
    pairs = [(g, (pred.get(d) or NO_EVENT)) for d, g in gold.items()]
    s.confusion = dict(Counter(pairs))
    gold_labels = sorted({g for g, _ in pairs})
    s.labels = gold_labels + sorted({p for _, p in pairs} - set(gold_labels))
    s.accuracy = sum(g == p for g, p in pairs) / len(pairs)
    support = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    for lab in gold_labels:
        tp = s.confusion.get((lab, lab), 0)
        prec = tp / predicted[lab] if predicted[lab] else 0.0
        rec = tp / support[lab]
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        s.per_class[lab] = (prec, rec, f1, support[lab])
    s.macro_f1 = sum(v[2] for v in s.per_class.values()) / len(gold_labels)
    s.weighted_f1 = sum(v[2] * v[3] for v in s.per_class.values()) / len(pairs)
    for d, g in gold.items():
        p = pred.get(d) or NO_EVENT
        if p != g:
            s.errors.append(ErrorCase("type", d, "sub_event_type", g, p, evidence.get(d, ""), 2.0 if p == NO_EVENT else 1.5))
    return s


# ------------------------------------------------------------------ toponyms
@dataclass(slots=True)
class GoldToponym:
    doc_id: str
    start: int
    end: int
    text: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    kind: str = ""  # the corpus' toponym type, if any


@dataclass(slots=True)
class ToponymScores:
    n_gold: int = 0  # gold toponyms with coordinates
    n_pred: int = 0
    detected: int = 0
    within_161: int = 0  # detected and within 161 km
    exact_id: Ratio = field(default_factory=Ratio)  # same GeoNames id, where gold has one
    errors_km: list[float] = field(default_factory=list)
    spurious: int = 0  # predicted spans overlapping no gold annotation at all
    errors: list[ErrorCase] = field(default_factory=list)

    @property
    def detection_recall(self) -> float:
        return self.detected / self.n_gold if self.n_gold else 0.0

    @property
    def detection_precision(self) -> float:
        return (self.n_pred - self.spurious) / self.n_pred if self.n_pred else 0.0

    @property
    def accuracy_161_given_detection(self) -> float:
        return self.within_161 / self.detected if self.detected else 0.0

    @property
    def end_to_end_161(self) -> float:
        return self.within_161 / self.n_gold if self.n_gold else 0.0

    @property
    def mean_error_km(self) -> float | None:
        return sum(self.errors_km) / len(self.errors_km) if self.errors_km else None

    @property
    def median_error_km(self) -> float | None:
        if not self.errors_km:
            return None
        xs = sorted(self.errors_km)
        n = len(xs)
        return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_toponyms(
    gold: Sequence[GoldToponym],
    pred: Sequence[Any],
    texts: dict[str, str] | None = None,
) -> ToponymScores:
    """Detection and resolution of toponyms.

    ``gold`` may include annotations without coordinates: they do not count in
    recall or resolution but keep an overlapping prediction from counting as
    spurious. ``pred`` records need ``doc_id, start, end, latitude, longitude``
    (``geonameid`` optional). ``texts`` (doc_id -> text) lets errors show their sentence.
    """
    texts = texts or {}
    s = ToponymScores()
    by_doc_g: dict[str, list[GoldToponym]] = {}
    for g in gold:
        by_doc_g.setdefault(g.doc_id, []).append(g)
    by_doc_p: dict[str, list[Any]] = {}
    for p in pred:
        by_doc_p.setdefault(str(_get(p, "doc_id")), []).append(p)
    s.n_pred = len(pred)
    for doc_id in dict.fromkeys([*by_doc_g, *by_doc_p]):
        gs = by_doc_g.get(doc_id, [])
        ps = by_doc_p.get(doc_id, [])
        geo = [g for g in gs if g.latitude is not None and g.longitude is not None]
        s.n_gold += len(geo)
        # spurious: overlapping no annotation at all
        for p in ps:
            if not any(_overlap(int(_get(p, "start")), int(_get(p, "end")), g.start, g.end) for g in gs):
                s.spurious += 1
        matched: dict[int, int] = {}
        if geo and ps:
            cost, ok = [], []
            for g in geo:
                row, okr = [], []
                for p in ps:
                    ov = _overlap(g.start, g.end, int(_get(p, "start")), int(_get(p, "end")))
                    okr.append(ov > 0)
                    row.append(-float(ov) if ov > 0 else 1e6)
                cost.append(row)
                ok.append(okr)
            matched = {gi: pi for gi, pi in linear_assignment(cost) if ok[gi][pi]}
        for gi, g in enumerate(geo):
            sent = _sentence_around(texts.get(doc_id, ""), g.start, g.end)
            if gi not in matched:
                s.errors.append(ErrorCase("toponym", doc_id, "not detected", g.text, "", sent, 1.0))
                continue
            s.detected += 1
            p = ps[matched[gi]]
            km = distance_km(g, p)
            if km is not None:
                s.errors_km.append(km)
            if km is not None and km <= KM_161:
                s.within_161 += 1
            else:
                shown = f"{_get(p, 'name') or _get(p, 'text') or '?'} ({'no coordinates' if km is None else f'{km:.0f} km off'})"
                s.errors.append(ErrorCase("toponym", doc_id, "resolved far", g.text, shown, sent, 2.0 + min((km or 20000.0) / 20000.0, 1.0)))
            if g.geonameid:
                pid = _get(p, "geonameid")
                s.exact_id.add(pid not in (None, "") and int(pid) == int(g.geonameid))
    return s


def _sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence (roughly) around a span, for showing an error."""
    if not text:
        return ""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    a = a + 1 if a >= 0 else 0
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    a = max(a, start - width)
    b = min(b, end + width)
    return text[a:b].strip()
