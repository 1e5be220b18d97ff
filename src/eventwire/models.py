"""The one data model every stage passes along.

Offsets
-------
* ``Document.text`` is the text *as given* (a ``.txt`` file, a JSONL ``text``
  field, or the main text trafilatura extracted from HTML).
* ``Document.clean`` is that text with page furniture removed (captions,
  teasers, bylines, ...). Every NLP stage reads ``clean``; sentence and mention
  offsets are offsets into ``clean``.
* ``Document.segments`` maps ``clean`` back to ``text``.  ``Document.evidence``
  turns a ``clean`` span into an :class:`Evidence` whose ``start``/``end`` point
  into ``Document.text`` -- so every evidence span a user sees can be checked
  against the input they supplied: ``doc.text[ev.start:ev.end] == ev.text``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any

# ACLED export column order (see ACLED-NOTES "Export columns").
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
# eventwire columns written after the ACLED ones in CSV.
EXTRA_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "confidence", "attribution", "iso3", "url", "title",
    "published", "evidence", "provenance",
)


@dataclass(slots=True)
class Evidence:
    """A span of the document text as given: ``doc.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass(slots=True)
class Sentence:
    """A sentence of ``Document.clean`` (offsets into ``clean``)."""

    start: int
    end: int
    text: str
    index: int = 0


@dataclass(slots=True)
class Mention:
    """Something recognised in the clean text.

    ``kind`` is one of: ``place``, ``actor``, ``date``, ``number``,
    ``trigger``, ``fatalities``. ``value`` is the normalised value (a resolved
    :class:`Place`, a normalised actor dict, an ISO date, an int, ...).
    ``why`` explains the decision in words for humans.
    """

    start: int
    end: int
    text: str
    kind: str
    value: Any = None
    sent: int = -1
    why: str = ""
    score: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Place:
    """A resolved place with ACLED-style admin names."""

    name: str
    latitude: float | None = None
    longitude: float | None = None
    country: str = ""
    country_code: str = ""  # ISO 3166-1 alpha-2
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    feature_class: str = ""  # GeoNames class: P (populated), A (admin), ...
    feature_code: str = ""  # GeoNames code: PPL, ADM1, PCLI, ...
    geonameid: int | None = None
    population: int = 0
    source: str = ""  # where the coordinates come from

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Actor:
    """A normalised actor (the ``value`` of an ``actor`` Mention)."""

    name: str  # ACLED-style normalised name, e.g. "Military Forces of Syria"
    inter: int = 0  # ACLED inter code 1..8
    country: str = ""
    kind: str = ""  # state, rebel, political_militia, identity_militia, rioters, protesters, civilians, external
    listed: bool = True  # False: not in the dictionary (surface name kept)
    why: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Roles:
    """Who did what to whom for one event (see ``eventwire.actors.assign_roles``)."""

    actor1: Mention | None = None
    actor2: Mention | None = None
    assoc1: list[Mention] = field(default_factory=list)
    assoc2: list[Mention] = field(default_factory=list)
    civilian_target: bool = False


@dataclass(slots=True)
class Location:
    """Where one event happened (see ``eventwire.places.locate_event``)."""

    place: Place
    geo_precision: int = 3
    mention: Mention | None = None  # the place mention it came from, if any
    why: str = ""


@dataclass(slots=True)
class Event:
    """One ACLED-style event record with its evidence.

    ``evidence`` holds the sentences the event was read from; ``provenance``
    maps a field name (``actor1``, ``event_date``, ``location``,
    ``fatalities``, ``sub_event_type`` ...) to the span that field came from.
    """

    doc_id: str = ""
    event_id: str = ""
    event_date: str = ""  # YYYY-MM-DD
    time_precision: int = 1
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int | None = None  # ISO 3166-1 numeric, as ACLED
    iso3: str = ""
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    tags: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    provenance: dict[str, Evidence] = field(default_factory=dict)
    confidence: float = 0.5
    attribution: str = ""
    url: str = ""
    title: str = ""
    published: str = ""

    # ----------------------------------------------------------- serialising
    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "evidence":
                v = [e.as_dict() for e in v]
            elif f.name == "provenance":
                v = {k: e.as_dict() for k, e in v.items()}
            d[f.name] = v
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["evidence"] = [
            e if isinstance(e, Evidence) else Evidence.from_dict(e)
            for e in d.get("evidence") or []
        ]
        kw["provenance"] = {
            k: e if isinstance(e, Evidence) else Evidence.from_dict(e)
            for k, e in (d.get("provenance") or {}).items()
        }
        return cls(**kw)

    @property
    def year(self) -> int | None:
        return int(self.event_date[:4]) if self.event_date[:4].isdigit() else None

    def acled_row(self) -> dict[str, Any]:
        """The record under ACLED's column names (then eventwire's extras)."""
        d = self.as_dict()
        row: dict[str, Any] = {}
        for col in ACLED_COLUMNS:
            if col == "event_id_cnty":
                row[col] = self.event_id
            elif col == "year":
                row[col] = self.year
            elif col == "timestamp":
                row[col] = ""
            else:
                row[col] = d.get(col, "")
        for col in EXTRA_COLUMNS:
            row[col] = d.get(col, "")
        return row


@dataclass(slots=True)
class Document:
    """An article on its way through the pipeline."""

    id: str
    text: str  # as given
    clean: str = ""  # furniture removed; what NLP reads
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    # (clean_start, text_start, length), sorted by clean_start
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    published_from: str = ""  # "field", "text", "html-meta", ""
    origin: str = ""  # "file.jsonl:12" -- where the document came from
    dropped: list[tuple[int, int, str]] = field(default_factory=list)
    # (text_start, text_end, reason) of the furniture removed by cleaning
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    spacy_doc: Any = None  # transient: the spaCy Doc of ``clean``

    # ------------------------------------------------------------ offsets
    def to_text_offset(self, clean_offset: int) -> int:
        """Map an offset in ``clean`` to the matching offset in ``text``."""
        if not self.segments:
            return max(0, min(clean_offset, len(self.text)))
        i = bisect.bisect_right(self.segments, clean_offset, key=lambda seg: seg[0]) - 1
        if i < 0:
            i = 0
        cs, ts, ln = self.segments[i]
        delta = clean_offset - cs
        if delta > ln:  # falls on the joining newline: end of this segment
            delta = ln
        return max(0, min(ts + max(delta, 0), len(self.text)))

    def evidence(self, start: int, end: int) -> Evidence:
        """An :class:`Evidence` for the ``clean`` span ``[start, end)``."""
        ts = self.to_text_offset(start)
        te = self.to_text_offset(end) if end > start else ts
        if te < ts:
            te = ts
        return Evidence(text=self.text[ts:te], start=ts, end=te)

    def sentence_of(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if 0 <= i < len(self.sentences) and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_of(self, kind: str, sent: int | None = None) -> list[Mention]:
        return [
            m for m in self.mentions
            if m.kind == kind and (sent is None or m.sent == sent)
        ]
