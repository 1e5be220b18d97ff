"""Readers: gold files, prediction files, and the dev sets under ``EVENTWIRE_DATA``.

Every reader names the file (and line) of a record it cannot use
(:class:`~eventwire.errors.InputError`). Dev-set readers return a
:class:`DevSet`: the documents to run (``Document``) and the gold records in
the evaluation's schema (:class:`GoldEvent`, :class:`HrdGold`, :class:`LocGold`,
:class:`~eventwire.evaluation.metrics.GoldToponym`).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import random
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Document, Event
from ..resources import load_yaml
from .metrics import GoldToponym

# ------------------------------------------------------------------ records
GOLD_EVENT_FIELDS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2",
    "country", "admin1", "location", "latitude", "longitude", "fatalities",
)


@dataclass(slots=True)
class GoldEvent:
    """One gold event (ACLED field names; empty = not annotated)."""

    doc_id: str = ""
    id: str = ""
    required: bool = True
    event_date: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    actor2: str = ""
    inter1: int = 0
    inter2: int = 0
    country: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    evidence: str = ""  # the gold sentence
    span: tuple[int, int] | None = None  # where the evidence sits in Document.text
    kind: str = ""  # the corpus' own label (KAIROS type, PLOVER event, ...)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class HrdGold:
    """HRDsAttack gold for one article (the dataset's merged annotation)."""

    doc_id: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    city: str = ""
    region: str = ""
    country: str = ""
    perpetrator_type: str = ""
    violation_types: tuple[str, ...] = ()


@dataclass(slots=True)
class LocGold:
    """event-location: one sentence, its event trigger and the place(s) where it happened."""

    doc_id: str
    verb_start: int
    verb_end: int
    verb: str
    locations: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class DevSet:
    name: str
    docs: list[Document]
    gold: list[Any]
    total: int  # records in the set before sampling
    note: str = ""  # how the sample / gold was drawn
    optional: list[Any] = field(default_factory=list)


# ------------------------------------------------------------------ helpers
def _opt_float(v: Any, origin: str, name: str) -> float | None:
    if v in (None, ""):
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        raise InputError(f"{name} is not a number: {str(v)[:30]!r}", origin) from None


def _opt_int(v: Any, origin: str, name: str) -> int | None:
    f = _opt_float(v, origin, name)
    return None if f is None else int(f)


def _records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(origin, record) from a CSV, JSONL or JSON (list) file."""
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", name) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(raw))
        for row in reader:
            if any((v or "").startswith("#") for v in row.values() if isinstance(v, str)) and reader.line_num == 2:
                continue  # an HXL tag row
            yield f"{name}:{reader.line_num}", {k: v for k, v in row.items() if k}
        return
    stripped = raw.lstrip()
    if suffix == ".json" or stripped.startswith("["):
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON (line {exc.lineno}): {exc.msg}", name) from None
        if isinstance(data, dict):
            data = [data]
        for i, rec in enumerate(data, 1):
            if not isinstance(rec, dict):
                raise InputError(f"item {i} is not a JSON object", name)
            yield f"{name}[{i}]", rec
        return
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", f"{name}:{n}") from None
        if not isinstance(rec, dict):
            raise InputError("line is not a JSON object", f"{name}:{n}")
        yield f"{name}:{n}", rec


def gold_event_from_record(rec: dict[str, Any], origin: str, default_doc_id: str = "") -> GoldEvent:
    doc_id = str(rec.get("doc_id") or rec.get("id_doc") or default_doc_id or "")
    if not doc_id:
        raise InputError("gold row has no doc_id", origin)
    g = GoldEvent(doc_id=doc_id, id=str(rec.get("id") or rec.get("event_id_cnty") or ""))
    req = rec.get("required", True)
    g.required = req if isinstance(req, bool) else str(req).strip().lower() not in ("false", "0", "no")
    for k in ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location"):
        v = rec.get(k)
        setattr(g, k, "" if v is None else str(v).strip())
    if g.event_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.event_date[:10]):
        try:
            g.event_date = dt.date.fromisoformat(g.event_date[:10]).isoformat()
        except ValueError:
            raise InputError(f"event_date is not YYYY-MM-DD: {g.event_date[:20]!r}", origin) from None
    g.event_date = g.event_date[:10]
    g.inter1 = _opt_int(rec.get("inter1"), origin, "inter1") or 0
    g.inter2 = _opt_int(rec.get("inter2"), origin, "inter2") or 0
    g.latitude = _opt_float(rec.get("latitude"), origin, "latitude")
    g.longitude = _opt_float(rec.get("longitude"), origin, "longitude")
    g.fatalities = _opt_int(rec.get("fatalities"), origin, "fatalities")
    ev = rec.get("evidence") or rec.get("notes") or ""
    g.evidence = ev if isinstance(ev, str) else json.dumps(ev)[:300]
    return g


# ------------------------------------------------------------------ gold / prediction files
def read_gold_events(path: str | Path, default_doc_id: str = "") -> list[GoldEvent]:
    """ACLED-style gold rows (CSV or JSONL): ``doc_id`` plus any ACLED fields."""
    return [gold_event_from_record(rec, origin, default_doc_id) for origin, rec in _records(Path(path))]


def read_gold_types(path: str | Path) -> dict[str, str]:
    """One gold label per document: ``doc_id, sub_event_type`` (CSV or JSONL)."""
    out: dict[str, str] = {}
    for origin, rec in _records(Path(path)):
        doc_id = str(rec.get("doc_id") or "")
        label = str(rec.get("sub_event_type") or rec.get("label") or "").strip()
        if not doc_id or not label:
            raise InputError("a types gold row needs doc_id and sub_event_type", origin)
        if doc_id in out and out[doc_id] != label:
            raise InputError(f"document {doc_id!r} has two gold labels", origin)
        out[doc_id] = label
    return out


_INT_FIELDS = {f.name for f in fields(Event) if f.type in ("int", "int | None")}
_FLOAT_FIELDS = {"latitude", "longitude", "confidence"}


def read_pred_events(path: str | Path) -> list[Event]:
    """Predicted events: eventwire's JSONL (or JSON) output, or its CSV export."""
    out: list[Event] = []
    for origin, rec in _records(Path(path)):
        rec = dict(rec)
        if "event_id_cnty" in rec and not rec.get("event_id"):
            rec["event_id"] = rec["event_id_cnty"]
        for k in list(rec):
            v = rec[k]
            if isinstance(v, str) and k in _FLOAT_FIELDS | _INT_FIELDS:
                if v.strip() == "":
                    rec[k] = None if k in ("latitude", "longitude", "iso") else (0.5 if k == "confidence" else 0)
                    continue
                try:
                    rec[k] = float(v) if k in _FLOAT_FIELDS else int(float(v))
                except ValueError:
                    raise InputError(f"{k} is not a number: {v[:30]!r}", origin) from None
        for k in ("evidence", "provenance"):
            if isinstance(rec.get(k), str):
                try:
                    rec[k] = json.loads(rec[k]) if rec[k].strip() else None
                except json.JSONDecodeError:
                    rec[k] = [{"text": rec[k], "start": 0, "end": 0}] if k == "evidence" else None
        if isinstance(rec.get("evidence"), list):
            rec["evidence"] = [e for e in rec["evidence"] if isinstance(e, dict) and "text" in e]
        try:
            out.append(Event.from_dict(rec))
        except (TypeError, KeyError, ValueError) as exc:
            raise InputError(f"not an event record ({exc})", origin) from None
    return out


def read_pred_toponyms(path: str | Path) -> list[dict[str, Any]]:
    """Toponym records (JSONL): ``doc_id, start, end, latitude, longitude`` (+ name, geonameid ...)."""
    out = []
    for origin, rec in _records(Path(path)):
        if rec.get("doc_id") in (None, "") or rec.get("start") is None or rec.get("end") is None:
            raise InputError("a toponym record needs doc_id, start and end", origin)
        out.append(rec)
    return out


def read_toponym_gold(path: str | Path) -> tuple[list[Document], list[GoldToponym]]:
    """Gold toponyms with their texts: GeoWebNews XML (``GWN.xml``), LGL/TR-News
    style XML (``<toponym><start><end><gaztag><lat><lon>``), or JSONL records
    (``doc_id, start, end, latitude, longitude``; no texts)."""
    p = Path(path)
    if p.suffix.lower() == ".xml":
        return _toponym_xml(p)
    gold = []
    for origin, rec in _records(p):
        try:
            gold.append(GoldToponym(
                doc_id=str(rec["doc_id"]), start=int(rec["start"]), end=int(rec["end"]),
                text=str(rec.get("text") or rec.get("name") or ""),
                latitude=_opt_float(rec.get("latitude"), origin, "latitude"),
                longitude=_opt_float(rec.get("longitude"), origin, "longitude"),
                geonameid=_opt_int(rec.get("geonameid"), origin, "geonameid"),
            ))
        except (KeyError, ValueError):
            raise InputError("a toponym record needs doc_id, start and end", origin) from None
    return [], gold


def _xml_num(el: ET.Element, *paths: str) -> str:
    for p in paths:
        v = el.findtext(p)
        if v and v.strip():
            return v.strip()
    return ""


def _toponym_xml(path: Path) -> tuple[list[Document], list[GoldToponym]]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"invalid XML: {exc}", str(path)) from None
    docs, gold = [], []
    articles = root.findall("article") or root.findall(".//article")
    for i, art in enumerate(articles):
        doc_id = art.get("docid") or art.get("file") or art.get("id") or str(i)
        text = art.findtext("text") or ""
        origin = f"{path}:article {doc_id}"
        docs.append(Document(id=doc_id, text=text, title=(art.findtext("title") or "").strip(),
                             url=(art.findtext("link") or art.findtext("url") or "").strip(), origin=origin))
        for tp in art.iter("toponym"):
            try:
                start, end = int(_xml_num(tp, "start")), int(_xml_num(tp, "end"))
            except ValueError:
                raise InputError("toponym without start/end", origin) from None
            lat = _xml_num(tp, "latitude", "lat", ".//lat", ".//latitude")
            lon = _xml_num(tp, "longitude", "lon", ".//lon", ".//longitude")
            gid = _xml_num(tp, "geonamesID", "geonameid") or ((tp.find("gaztag").get("geonameid") or "") if tp.find("gaztag") is not None else "")
            name = _xml_num(tp, "extractedName", "phrase", "name") or text[start:end]
            gold.append(GoldToponym(
                doc_id=doc_id, start=start, end=end, text=name,
                latitude=_opt_float(lat, origin, "latitude"), longitude=_opt_float(lon, origin, "longitude"),
                geonameid=_opt_int(gid, origin, "geonameid") if gid.strip().lstrip("-").isdigit() else None,
                kind=_xml_num(tp, "type"),
            ))
    return docs, gold


# ------------------------------------------------------------------ dev sets
def _sample(n: int, k: int | None, seed: int) -> list[int]:
    """Indices of a reproducible sample of ``k`` out of ``n`` (all when k is None or >= n)."""
    if k is None or k >= n:
        return list(range(n))
    return sorted(random.Random(seed).sample(range(n), k))


def _missing(path: Path) -> None:
    if not path.exists():
        raise FileNotFoundError(str(path))


_P = re.compile(r"<p[^>]*>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}


def html_paragraphs(s: str) -> str:
    """``<p>..</p> <p>..</p>`` -> paragraphs separated by a blank line."""
    paras = _P.findall(s or "") or [s or ""]
    out = []
    for p in paras:
        t = html.unescape(_TAG.sub(" ", p))
        t = " ".join(t.split())
        if t:
            out.append(t)
    return "\n\n".join(out)


def _hrd_value(v: Any) -> str:
    if v is None:
        return ""
    s = str(v).strip()
    return "" if s.lower() in ("", "none", "unknown", "nan", "n/a", "null") else s


def _hrd_int(v: Any) -> int | None:
    s = _hrd_value(v)
    if not s:
        return None
    if s.lower()[:3] in {m[:3] for m in _MONTHS}:
        return next(i for m, i in _MONTHS.items() if m.startswith(s.lower()[:3]))
    try:
        return int(float(s))
    except ValueError:
        return None


def hrd_gold_from_annotation(doc_id: str, ann: dict[str, Any]) -> HrdGold:
    month = _hrd_int(ann.get("month"))
    day = _hrd_int(ann.get("date"))
    return HrdGold(
        doc_id=doc_id,
        year=_hrd_int(ann.get("year")),
        month=month if month and 1 <= month <= 12 else None,
        day=day if day and 1 <= day <= 31 else None,
        city=_hrd_value(ann.get("city")),
        region=_hrd_value(ann.get("region")),
        country=_hrd_value(ann.get("country")),
        perpetrator_type=_hrd_value(ann.get("perpetrator_type")),
        violation_types=tuple(v for v in ann.get("violation_types") or [] if v),
    )


def hrdsattack(data: Path, split: str = "dev", sample: int | None = None, seed: int = 0) -> DevSet:
    """HRDsAttack: full articles (HTML paragraphs) with one gold record each.

    Gold is the dataset's own ``merged_sample`` (its merge of the annotators);
    where an article has none, each field takes the first annotator's non-empty value.
    """
    path = data / "hrdsattack" / f"{split}.json"
    _missing(path)
    items = json.loads(path.read_text(encoding="utf-8"))
    docs, gold = [], []
    for i in _sample(len(items), sample, seed):
        it = items[i]
        s = it.get("sample") or {}
        doc_id = f"hrds-{s.get('Input.GLOBALEVENTID') or s.get('HIT_id') or i}"
        ann = it.get("merged_sample")
        if not ann:
            ann = {}
            for a in it.get("annotations") or []:
                for k, v in (a.get("annotation") or {}).items():
                    if k not in ann or not _hrd_value(ann[k]):
                        ann[k] = v
        pub = str(s.get("Input.publish_date") or "")[:10]
        try:
            published = dt.date.fromisoformat(pub) if pub else None
        except ValueError:
            published = None
        docs.append(Document(
            id=doc_id, text=html_paragraphs(s.get("Input.article_interface") or ""),
            title=str(s.get("Input.title") or ""), published=published,
            published_from="field" if published else "", origin=f"{path}[{i}]",
        ))
        gold.append(hrd_gold_from_annotation(doc_id, ann))
    return DevSet("HRDsAttack", docs, gold, len(items),
                  f"{split} split, {len(docs)} of {len(items)} articles; gold = the dataset's merged annotation")


def _eval_config() -> dict[str, Any]:
    return load_yaml("evaluation.yaml")


def wikievents(data: Path) -> DevSet:
    """WikiEvents dev: KAIROS events of the violent kinds, one GoldEvent per mention.

    The document text is the sentences joined by newlines; ``span`` is the
    trigger's sentence in that text; actor1/actor2 are the Attacker/Target-Victim
    argument texts (several joined with "; ").
    """
    path = data / "wikievents" / "dev.jsonl"
    _missing(path)
    cfg = _eval_config()["wikievents"]
    violent = tuple(cfg["violent_types"])
    a1_roles, a2_roles = set(cfg["actor1_roles"]), set(cfg["actor2_roles"])
    docs, gold = [], []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for n, line in enumerate(lines, 1):
        rec = json.loads(line)
        doc_id = str(rec["doc_id"])
        sents = [s[1] for s in rec["sentences"]]
        starts, pos = [], 0
        for s in sents:
            starts.append(pos)
            pos += len(s) + 1
        text = "\n".join(sents)
        docs.append(Document(id=doc_id, text=text, origin=f"{path}:{n}"))
        for em in rec.get("event_mentions") or []:
            etype = em.get("event_type", "")
            if not etype.startswith(violent):
                continue
            si = em["trigger"]["sent_idx"]
            a1 = [a["text"] for a in em.get("arguments", []) if a.get("role") in a1_roles]
            a2 = [a["text"] for a in em.get("arguments", []) if a.get("role") in a2_roles]
            gold.append(GoldEvent(
                doc_id=doc_id, id=em.get("id", ""), actor1="; ".join(a1), actor2="; ".join(a2),
                evidence=sents[si], span=(starts[si], starts[si] + len(sents[si])), kind=etype,
                meta={"trigger": em["trigger"].get("text", ""),
                      "attack": etype.startswith(tuple(cfg["attack_types"]))},
            ))
    return DevSet("WikiEvents", docs, gold, len(lines),
                  f"all {len(lines)} dev documents; gold = KAIROS mentions of {', '.join(violent)}")


def _actor_texts(v: Any) -> str:
    if not v:
        return ""
    if isinstance(v, dict):
        v = [v]
    if isinstance(v, str):
        return v
    return "; ".join(str(a.get("actorText", "")).strip() for a in v if isinstance(a, dict) and a.get("actorText"))


def plover_label(event: str, mode: str) -> tuple[str, str]:
    """(positive|negative|ambiguous, rough ACLED event type) for a PLOVER event and mode."""
    cfg = _eval_config()["plover"]
    cls = "positive" if event in cfg["positive"] else "negative" if event in cfg["negative"] else "ambiguous"
    mapping = cfg["event_type"]
    etype = mapping.get(f"{event}:{mode}") or mapping.get(event) or ""
    return cls, etype


def plover_gsr(data: Path) -> DevSet:
    """PLOVER GSR: one sentence per document; gold class, rough ACLED type, source/target texts."""
    path = data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    _missing(path)
    items = json.loads(path.read_text(encoding="utf-8"))
    docs, gold = [], []
    for i, it in enumerate(items):
        if it.get("event") == "DOCUMENT" or not it.get("text"):
            continue
        doc_id = str(it.get("id") or f"plover-{i}")
        cls, etype = plover_label(it["event"], it.get("mode") or "")
        try:
            published = dt.date.fromisoformat(str(it.get("date", ""))[:10])
        except ValueError:
            published = None
        docs.append(Document(id=doc_id, text=it["text"], published=published,
                             published_from="field" if published else "", origin=f"{path}[{i}]"))
        gold.append(GoldEvent(
            doc_id=doc_id, id=doc_id, event_type=etype, actor1=_actor_texts(it.get("source")),
            actor2=_actor_texts(it.get("target")), evidence=it["text"], span=(0, len(it["text"])),
            kind=it["event"], meta={"class": cls, "mode": it.get("mode") or ""},
        ))
    return DevSet("PLOVER GSR", docs, gold, len(docs),
                  f"all {len(docs)} coded sentences (PLOVER->ACLED mapping is rough)")


def span_chars(item: dict[str, Any], span: dict[str, Any]) -> tuple[int, int] | None:
    """Character offsets of an event-location span.

    Most spans give character offsets; some give token indices in
    ``start``/``end`` instead (then ``text[start:end]`` is blank or not the span's
    ``text``): those are mapped through ``tokens``.
    """
    text = item.get("text") or ""
    a, b = int(span.get("start", 0)), int(span.get("end", 0))
    want = span.get("text")
    if b > a and (text[a:b] == want if want else text[a:b].strip()):
        return a, b
    toks = item.get("tokens") or []
    ts, te = span.get("token_start"), span.get("token_end")
    if toks and ts is not None and te is not None and 0 <= ts <= te < len(toks):
        a2, b2 = int(toks[ts]["start"]), int(toks[te]["end"])
        if not want or text[a2:b2] == want:
            return a2, b2
    if want and want in text:
        i = text.index(want)
        return i, i + len(want)
    return None


def event_location(data: Path, sample: int | None = 500, seed: int = 0) -> DevSet:
    """event-location: sentences with one event trigger and at least one location span."""
    path = data / "event-location" / "labeled_text.jsonl.zip"
    _missing(path)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        items = json.loads(z.read(name).decode("utf-8"))
    usable = []  # (index, verb span, location spans) in characters
    for i, it in enumerate(items):
        spans = it.get("spans") or []
        verbs = [span_chars(it, s) for s in spans if s.get("label") == "VERB"]
        locs = [span_chars(it, s) for s in spans if s.get("label") == "LOCATION"]
        if len(verbs) == 1 and verbs[0] and locs and all(locs):
            usable.append((i, verbs[0], locs))
    docs, gold = [], []
    for j in _sample(len(usable), sample, seed):
        i, (va, vb), locs = usable[j]
        text = items[i]["text"]
        doc_id = f"evloc-{i}"
        docs.append(Document(id=doc_id, text=text, origin=f"{path}[{i}]"))
        gold.append(LocGold(doc_id=doc_id, verb_start=va, verb_end=vb, verb=text[va:vb],
                            locations=[(a, b, text[a:b]) for a, b in locs]))
    return DevSet("event-location", docs, gold, len(usable),
                  f"{len(docs)} of {len(usable)} sentences with one trigger and a location span (seed {seed})")


def geowebnews(data: Path, sample: int | None = None, seed: int = 0) -> DevSet:
    """GeoWebNews: articles and every annotated toponym (those with coordinates are scored)."""
    path = data / "geowebnews" / "GWN.xml"
    _missing(path)
    docs, gold = _toponym_xml(path)
    keep = {docs[i].id for i in _sample(len(docs), sample, seed)}
    total = len(docs)
    docs = [d for d in docs if d.id in keep]
    for d in docs:
        d.id = f"gwn-{d.id}"
    gold = [GoldToponym(f"gwn-{g.doc_id}", g.start, g.end, g.text, g.latitude, g.longitude, g.geonameid, g.kind)
            for g in gold if g.doc_id in keep]
    return DevSet("GeoWebNews", docs, gold, total, f"{len(docs)} of {total} articles")


def _first(s: str) -> str:
    return (s or "").split(";")[0].strip()


def ucdp_ged(data: Path, sample: int | None = 500, seed: int = 0) -> DevSet:
    """UCDP GED Iraq: rows with exactly one source headline (of 4 words or more; shorter
    ones are source names like "afp"); the headline is the document."""
    path = data / "ucdp-ged-iraq" / "conflict_data_irq.csv"
    _missing(path)
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            if (row.get("year") or "").startswith("#"):
                continue  # the HXL tag row
            head = (row.get("source_headline") or "").strip()
            if len(head.split()) >= 4 and ";" not in head and ";" not in (row.get("source_date") or ""):
                rows.append((reader.line_num, row))
    docs, gold = [], []
    for j in _sample(len(rows), sample, seed):
        line, r = rows[j]
        origin = f"{path}:{line}"
        doc_id = f"ucdp-{r['id']}"
        try:
            published = dt.date.fromisoformat(_first(r.get("source_date", ""))[:10])
        except ValueError:
            published = None
        head = r["source_headline"].strip()
        docs.append(Document(id=doc_id, text=head, published=published,
                             published_from="field" if published else "", origin=origin))
        gold.append(GoldEvent(
            doc_id=doc_id, id=str(r["id"]), event_date=(r.get("date_start") or "")[:10],
            actor1=r.get("side_a", ""), actor2=r.get("side_b", ""), country=r.get("country", ""),
            admin1=r.get("adm_1", ""), location=r.get("where_coordinates", ""),
            latitude=_opt_float(r.get("latitude"), origin, "latitude"),
            longitude=_opt_float(r.get("longitude"), origin, "longitude"),
            fatalities=_opt_int(r.get("best"), origin, "best"), evidence=head, span=(0, len(head)),
            kind=f"UCDP type {r.get('type_of_violence', '')}",
            meta={"low": _opt_int(r.get("low"), origin, "low"), "high": _opt_int(r.get("high"), origin, "high"),
                  "where_prec": _opt_int(r.get("where_prec"), origin, "where_prec"),
                  "date_end": (r.get("date_end") or "")[:10]},
        ))
    return DevSet("UCDP GED Iraq", docs, gold, len(rows),
                  f"{len(docs)} of {len(rows)} events with a single source headline of 4+ words (seed {seed})")


def baghuz(examples: Path) -> DevSet:
    """The Baghuz example: article.txt with expected.jsonl (E1-E3 required, E4 optional)."""
    folder = examples / "baghuz-2019"
    _missing(folder / "article.txt")
    doc_id = "baghuz-2019"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    gold = read_gold_events(folder / "expected.jsonl", default_doc_id=doc_id)
    doc = Document(id=doc_id, text=text, origin=str(folder / "article.txt"))
    return DevSet("Baghuz example", [doc], [g for g in gold if g.required], 1,
                  "1 article; E1-E3 required, E4 optional", optional=[g for g in gold if not g.required])


def labelled_sentences(paths: Iterable[Path]) -> DevSet:
    """Sentences labelled with one sub-event type each ("none": no event), JSONL
    ``{text, sub_event_type, published?}``; each sentence is a document."""
    docs, gold, used = [], [], []
    for path in paths:
        if not path.exists():
            continue
        used.append(path.name)
        for n, (origin, rec) in enumerate(_records(path), 1):
            text, label = rec.get("text"), str(rec.get("sub_event_type") or "").strip()
            if not isinstance(text, str) or not text.strip() or not label:
                raise InputError("a labelled sentence needs text and sub_event_type", origin)
            try:
                published = dt.date.fromisoformat(str(rec.get("published") or "")[:10])
            except ValueError:
                published = None
            doc_id = f"{path.stem}-{n}"
            docs.append(Document(id=doc_id, text=text, published=published,
                                 published_from="field" if published else "", origin=origin))
            gold.append(GoldEvent(doc_id=doc_id, sub_event_type="" if label.lower() == "none" else label,
                                  evidence=text, span=(0, len(text)), kind=label))
    if not used:
        raise FileNotFoundError(", ".join(str(p) for p in paths))
    n_none = sum(1 for g in gold if not g.sub_event_type)
    return DevSet("labelled sentences", docs, gold, len(docs),
                  f"all {len(docs)} sentences of {', '.join(used)} ({n_none} without an event)")


def gold_set(folder: Path) -> DevSet:
    """The project's hand-written gold set: ``articles/*.txt`` and ``gold_events.jsonl``
    (doc_id = article file name without .txt)."""
    gold_path = folder / "gold_events.jsonl"
    _missing(gold_path)
    docs, problems = read_input_documents([str(folder / "articles")])
    if problems:
        raise InputError("; ".join(problems), str(folder / "articles"))
    gold = read_gold_events(gold_path)
    return DevSet("gold set", docs, [g for g in gold if g.required], len(docs),
                  f"{len(docs)} hand-written articles, {sum(g.required for g in gold)} gold events",
                  optional=[g for g in gold if not g.required])


def read_input_documents(inputs: Iterable[str]) -> tuple[list[Document], list[str]]:
    """Documents from files/directories as ``eventwire extract`` reads them (and the problems)."""
    from ..ingest import iter_documents

    docs, problems = [], []
    for item in iter_documents(list(inputs)):
        if isinstance(item, InputError):
            problems.append(str(item))
        else:
            docs.append(item)
    return docs, problems
