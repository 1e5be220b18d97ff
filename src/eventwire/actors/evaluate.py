"""Measure actor roles on dev data (read-only, never packaged).

* ``plover-gsr/PLOVER_GSR_CAMEO.txt``: sentences with source/target actors
  (text, country, sector). actor1 is right when our actor1 mention overlaps
  a gold source span; actor2 likewise with the target; inter1 is compared with
  the gold sector mapped to ACLED inter codes (MIL/COP/GOV -> 1, REB -> 2,
  UAF -> 3, civilians -> 7, or 6 for protesters).
* ``wikievents/dev.jsonl``: KAIROS events with Attacker/Target/Victim/... roles.
  actor1 is right when our actor1 mention overlaps a gold Attacker (Killer,
  Injurer, Jailer, Demonstrator) span; actor2 likewise with Target/Victim/Detainee.
* the Baghuz example: the three required events' actors.

Only explicit actor mentions count: an actor implied by the event type
("Civilians (Syria)" with no mention) never matches a gold span.

    python -m eventwire.actors.evaluate --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Document, Roles, Sentence
from ..settings import Settings

PLOVER_TYPES = {
    "FIGHT": ("Battles", "Armed clash"),
    "ASSAULT": ("Violence against civilians", "Attack"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Change to group/activity"),
}
SECTOR_INTER = {"MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "REB": 2, "INS": 2, "UAF": 3,
                "CVL": 7, "REF": 7, "EDU": 7, "LAB": 7, "JRN": 7, "MED": 7, "CRM": 3, "OPP": 6}
WIKI_TYPES = {
    "Conflict.Attack.DetonateExplode": ("Explosions/Remote violence", "Remote explosive/landmine/IED",
                                        ("Attacker",), ("Target", "Victim")),
    "Conflict.Attack": ("Battles", "Armed clash", ("Attacker",), ("Target", "Victim")),
    "Life.Die": ("Violence against civilians", "Attack", ("Killer",), ("Victim",)),
    "Life.Injure": ("Violence against civilians", "Attack", ("Injurer",), ("Victim",)),
    "Justice.ArrestJailDetain": ("Strategic developments", "Arrests", ("Jailer",), ("Detainee",)),
    "Conflict.Demonstrate": ("Protests", "Peaceful protest", ("Demonstrator",), ()),
}
ACTOR_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "UAF", "CVL", "REF", "EDU", "LAB", "JRN", "MED", "OPP"})
SCOPE_TYPES = frozenset({"PER", "ORG", "GPE"})  # WikiEvents entity types an ACLED actor can be
PRONOUNS = frozenset("he she it they them we us i you who whom which that his her their its him".split())


@dataclass
class Score:
    right: int = 0
    total: int = 0
    misses: list = field(default_factory=list)

    def add(self, ok: bool, note: str = "") -> None:
        self.total += 1
        self.right += int(ok)
        if not ok and note and len(self.misses) < 40:
            self.misses.append(note)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 3)}


def _pipeline_doc(text: str, settings: Settings, sentences: list[Sentence] | None = None) -> Document:
    from .. import nlp
    from . import run as actors_run

    doc = Document(id="eval", text=text, clean=text)
    nlp.run(doc, settings)
    if sentences is not None and doc.spacy_doc is not None:
        pass
    try:
        from .. import places

        places.run(doc, settings)
    except Exception:  # the places stage is optional for this measurement
        pass
    actors_run(doc, settings)
    return doc


def _overlaps(m, spans: list[tuple[int, int]]) -> bool:
    if m is None or m.meta.get("implicit") or m.end <= m.start:
        return False
    return any(m.start < b and a < m.end for a, b in spans)


def _roles(doc: Document, start: int, end: int, et: str, sub: str, settings: Settings) -> Roles:
    from . import assign_roles

    sent = doc.sentence_of(start)
    return assign_roles(doc, sent.index if sent else 0, start, end, et, sub, settings)


def _find(text: str, needle: str, near: int = 0) -> tuple[int, int] | None:
    needle = needle.strip()
    if not needle:
        return None
    idx = [m.start() for m in re.finditer(re.escape(needle), text, re.I)]
    if not idx:
        return None
    best = min(idx, key=lambda i: abs(i - near))
    return best, best + len(needle)


# ------------------------------------------------------------------ PLOVER
def evaluate_plover(path: Path, settings: Settings) -> dict:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    a1, a2, i1 = Score(), Score(), Score()
    a2_scoped = Score()  # targets that are people or armed groups (not places, governments, objects)
    per_type: dict[str, dict[str, Score]] = {}
    for rec in records:
        ev = rec.get("event")
        if ev not in PLOVER_TYPES or not rec.get("text"):
            continue
        text = rec["text"]
        markup = (rec.get("textInfo") or {}).get("markup", "")
        trig = re.search(r"\(EVT:\s*([^()]+?)\)", markup)
        if not trig:
            continue
        tspan = _find(text, trig.group(1))
        if tspan is None:
            continue
        et, sub = PLOVER_TYPES[ev]
        doc = _pipeline_doc(text, settings)
        roles = _roles(doc, tspan[0], tspan[1], et, sub, settings)
        srcs = rec.get("source") or []
        tars = rec.get("target") or []
        srcs = srcs if isinstance(srcs, list) else []
        tars = tars if isinstance(tars, list) else []
        s_spans = [sp for s in srcs for sp in [_find(text, s.get("actorText", "").split("..")[0].strip())] if sp]
        t_spans = [sp for t in tars for sp in [_find(text, t.get("actorText", "").split("..")[0].strip())] if sp]
        pt = per_type.setdefault(ev, {"actor1": Score(), "actor2": Score(), "inter1": Score()})
        got1 = roles.actor1.value.name if roles.actor1 else "-"
        if s_spans:
            ok = _overlaps(roles.actor1, s_spans)
            a1.add(ok, f"{rec['id']}: actor1 {got1!r} [{roles.actor1.text if roles.actor1 else ''}] vs "
                       f"{[s.get('actorText') for s in srcs]} | {text[:140]}")
            pt["actor1"].add(ok)
            sector = (srcs[0].get("sector") or "")[:3]
            gold_inter = SECTOR_INTER.get(sector)
            if not sector and srcs[0].get("code"):
                gold_inter = 1  # a country acting: its state
            if ev == "PROTEST" and gold_inter in (7, 6):
                gold_inter = 6
            if gold_inter:
                got = roles.actor1.value.inter if roles.actor1 else 0
                okk = got == gold_inter
                # PLOVER has no "state forces abroad" (ACLED inter 8): a state actor coded 8 matches MIL/COP/GOV
                if not okk and gold_inter == 1 and got == 8 and roles.actor1.value.kind in ("external", "state") \
                        and roles.actor1.value.name.startswith(("Military Forces of", "Police Forces of")):
                    okk = True
                i1.add(okk, f"{rec['id']}: inter1 {got} vs {gold_inter} ({sector}) {got1!r}")
                pt["inter1"].add(okk)
        if t_spans and ev != "PROTEST":
            ok = _overlaps(roles.actor2, t_spans)
            if any((t.get("sector") or "")[:3] in ACTOR_SECTORS for t in tars):
                a2_scoped.add(ok)
            got2 = roles.actor2.value.name if roles.actor2 else "-"
            a2.add(ok, f"{rec['id']}: actor2 {got2!r} [{roles.actor2.text if roles.actor2 else ''}] vs "
                       f"{[t.get('actorText') for t in tars]} | {text[:140]}")
            pt["actor2"].add(ok)
    return {
        "actor1": a1.as_dict(), "actor2": a2.as_dict(), "inter1": i1.as_dict(),
        "actor2_people_or_armed_targets": a2_scoped.as_dict(),
        "per_type": {k: {r: s.as_dict() for r, s in v.items()} for k, v in sorted(per_type.items())},
        "misses": {"actor1": a1.misses, "actor2": a2.misses, "inter1": i1.misses},
    }


# ------------------------------------------------------------------ WikiEvents
def _wiki_doc(rec: dict) -> tuple[str, list[Sentence], dict[int, tuple[int, int]]]:
    """Rebuild the text sentence by sentence (the raw text runs sentences together)."""
    parts, sents, tokmap = [], [], {}
    off = 0
    gi = 0
    for si, (toks, stext) in enumerate(rec["sentences"]):
        base = toks[0][1] if toks else 0
        for _tok, a, b in toks:
            tokmap[gi] = (off + a - base, off + b - base)
            gi += 1
        sents.append(Sentence(off, off + len(stext), stext, si))
        parts.append(stext)
        off += len(stext) + 1
    return "\n".join(parts), sents, tokmap


def evaluate_wikievents(path: Path, settings: Settings) -> dict:
    a1, a2 = Score(), Score()
    a1_np, a2_np = Score(), Score()  # gold without pronouns
    a1_sc, a2_sc = Score(), Score()  # gold that can be an ACLED actor: a person, group or state, named by words
    spurious = Score()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        text, _sents, tokmap = _wiki_doc(rec)
        ents = {e["id"]: e for e in rec["entity_mentions"]}
        doc = None
        for ev in rec["event_mentions"]:
            etype = ev["event_type"]
            spec = WIKI_TYPES.get(etype) or WIKI_TYPES.get(".".join(etype.split(".")[:2]))
            if spec is None:
                continue
            if doc is None:
                doc = _pipeline_doc(text, settings)
            et, sub, r1, r2 = spec
            tr = ev["trigger"]
            try:
                s = tokmap[tr["start"]][0]
                e = tokmap[tr["end"] - 1][1]
            except KeyError:
                continue
            roles = _roles(doc, s, e, et, sub, settings)

            def spans(role_names, scoped=False):
                out, texts = [], []
                for arg in ev["arguments"]:
                    if arg["role"] in role_names and arg["entity_id"] in ents:
                        ent = ents[arg["entity_id"]]
                        if scoped and (ent["entity_type"] not in SCOPE_TYPES or ent["text"].lower() in PRONOUNS
                                       or re.fullmatch(r"[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|"
                                                       r"dozens|scores|hundreds|more|all|some|many|several|others",
                                                       ent["text"].lower())):
                            continue
                        out.append((tokmap[ent["start"]][0], tokmap[ent["end"] - 1][1]))
                        texts.append(ent["text"])
                return out, texts

            g1, t1 = spans(r1)
            g2, t2 = spans(r2)
            s1, _ = spans(r1, scoped=True)
            s2, _ = spans(r2, scoped=True)
            if s1:
                a1_sc.add(_overlaps(roles.actor1, s1))
            if s2:
                a2_sc.add(_overlaps(roles.actor2, s2))
            sent_text = doc.clean[max(0, s - 80):e + 80].replace("\n", " ")
            if g1:
                ok = _overlaps(roles.actor1, g1)
                note = (f"{rec['doc_id']} {etype} '{tr['text']}': actor1 "
                        f"{roles.actor1.text if roles.actor1 else None!r} vs {t1} | ...{sent_text}...")
                a1.add(ok, note)
                if not all(t.lower() in PRONOUNS for t in t1):
                    a1_np.add(ok, note)
            elif r1:
                spurious.add(roles.actor1 is None or bool(roles.actor1.meta.get("implicit")))
            if g2:
                ok = _overlaps(roles.actor2, g2)
                note = (f"{rec['doc_id']} {etype} '{tr['text']}': actor2 "
                        f"{roles.actor2.text if roles.actor2 else None!r} vs {t2} | ...{sent_text}...")
                a2.add(ok, note)
                if not all(t.lower() in PRONOUNS for t in t2):
                    a2_np.add(ok, note)
    return {
        "actor1": a1.as_dict(), "actor2": a2.as_dict(),
        "actor1_no_pronoun_gold": a1_np.as_dict(), "actor2_no_pronoun_gold": a2_np.as_dict(),
        "actor1_in_acled_scope": a1_sc.as_dict(), "actor2_in_acled_scope": a2_sc.as_dict(),
        "no_actor1_when_gold_has_none": spurious.as_dict(),
        "misses": {"actor1": a1_np.misses, "actor2": a2_np.misses},
    }


# ------------------------------------------------------------------ Baghuz
BAGHUZ_CHECKS = (
    # (id, trigger text, event type, sub type, actor1 must contain, actor2 must contain, assoc1 must contain)
    ("E1", "launched a final push", "Battles", "Armed clash", "SDF", "Islamic State", "Coalition"),
    ("E2", "attacked", "Battles", "Armed clash", "Islamic State", "SDF", ""),
    ("E3", "airstrikes", "Explosions/Remote violence", "Air/drone strike", "Coalition", "Islamic State", ""),
)


def evaluate_baghuz(article: Path, settings: Settings) -> dict:
    text = Path(article).read_text(encoding="utf-8")
    doc = _pipeline_doc(text, settings)
    out = {}
    for eid, trig, et, sub, want1, want2, want_assoc in BAGHUZ_CHECKS:
        anchor = "Isis militants attacked" if eid == "E2" else ("triggering airstrikes" if eid == "E3" else trig)
        base = text.index(anchor)
        s = text.index(trig, base)
        roles = _roles(doc, s, s + len(trig), et, sub, settings)
        n1 = roles.actor1.value.name if roles.actor1 else ""
        n2 = roles.actor2.value.name if roles.actor2 else ""
        assoc = "; ".join(m.value.name for m in roles.assoc1)
        ok = want1 in n1 and want2 in n2 and (not want_assoc or want_assoc in assoc)
        out[eid] = {"ok": ok, "actor1": n1, "actor2": n2, "assoc_actor_1": assoc}
    return out


# ------------------------------------------------------------------ all
def evaluate_actors(data_dir: str | Path, settings: Settings | None = None,
                    baghuz: str | Path | None = None) -> dict:
    """All actor measurements available under ``data_dir`` (missing sets are skipped)."""
    settings = settings or Settings()
    data = Path(data_dir)
    res: dict = {}
    p = data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if p.exists():
        res["plover-gsr"] = evaluate_plover(p, settings)
    w = data / "wikievents" / "dev.jsonl"
    if w.exists():
        res["wikievents"] = evaluate_wikievents(w, settings)
    b = Path(baghuz) if baghuz else data.parent / "examples" / "baghuz-2019" / "article.txt"
    if b.exists():
        res["baghuz"] = evaluate_baghuz(b, settings)
    cases = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "actor_roles_cases.jsonl"
    if cases.exists():  # a source checkout: the hand-written cases too
        res["cases"] = evaluate_cases(cases, settings)
    return res


def format_markdown(res: dict) -> str:
    """The figures as a Markdown section for docs/evaluation.md."""
    lines = ["## Actors (dev figures)", "",
             "| data set | measure | right | total | accuracy |", "|---|---|---|---|---|"]
    for ds in ("plover-gsr", "wikievents", "cases"):
        r = res.get(ds)
        if not r:
            continue
        for k, v in r.items():
            if isinstance(v, dict) and "accuracy" in v:
                lines.append(f"| {ds} | {k} | {v['right']} | {v['total']} | {v['accuracy']:.3f} |")
    if "plover-gsr" in res:
        lines += ["", "PLOVER by event category:", "", "| category | actor1 | actor2 | inter1 |", "|---|---|---|---|"]
        for cat, v in res["plover-gsr"]["per_type"].items():
            cells = [f"{v[k]['accuracy']:.2f} ({v[k]['right']}/{v[k]['total']})" if v[k]["total"] else "-"
                     for k in ("actor1", "actor2", "inter1")]
            lines.append(f"| {cat} | " + " | ".join(cells) + " |")
    if "baghuz" in res:
        lines += ["", "Baghuz example (required events):", "", "| event | ok | actor1 | actor2 | assoc_actor_1 |",
                  "|---|---|---|---|---|"]
        for eid, v in res["baghuz"].items():
            lines.append(f"| {eid} | {'yes' if v['ok'] else 'NO'} | {v['actor1']} | {v['actor2']} | {v['assoc_actor_1']} |")
    lines += ["", "Method: `eventwire.actors.evaluate` (actor1/actor2 right = our mention overlaps the gold span; "
              "implied actors never count; inter1 against the PLOVER sector mapped to ACLED inter codes; "
              "PLOVER has no code for state forces abroad, so our inter 8 for them counts as matching MIL/COP/GOV).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--model", default="auto")
    ap.add_argument("--misses", action="store_true", help="print the misses")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = evaluate_actors(args.data, Settings(model=args.model))
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(format_markdown(res))
    if args.misses:
        for ds in ("plover-gsr", "wikievents"):
            for role, ms in (res.get(ds, {}).get("misses") or {}).items():
                print(f"\n### {ds} {role} misses")
                for m in ms:
                    print("-", m)
    return 0



# ------------------------------------------------------------------ adapter for eventwire.evaluation.run_all
def read_devset(data, examples=None, opts=None):
    """A DevSet-like record for ``eventwire.evaluation.run_all`` (the data folder is all it needs).

    Register with one line in ``run_all.DEV_SETS``::

        "actors": (actor_eval.read_devset, actor_eval.task_result, "Actor roles (trigger given)"),
    """
    from ..evaluation.readers import DevSet

    data = Path(data)
    if not (data / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").exists() and not (data / "wikievents" / "dev.jsonl").exists():
        raise FileNotFoundError(f"{data}/plover-gsr or {data}/wikievents")
    ds = DevSet(name="actors", docs=[], gold=[], total=0,
                note="PLOVER GSR (FIGHT/ASSAULT/COERCE/PROTEST/MOBILIZE) and WikiEvents attack/die/injure/arrest/"
                     "demonstrate events; the gold trigger is given, roles come from eventwire.actors.assign_roles")
    ds.optional = [str(data), str(examples) if examples else ""]
    return ds


def task_result(ds, settings: Settings):
    """Actor-role figures as an ``eventwire.evaluation.tasks.TaskResult``."""
    from ..evaluation.tasks import TaskResult

    data = ds.optional[0]
    examples = ds.optional[1] if len(ds.optional) > 1 and ds.optional[1] else None
    baghuz = Path(examples) / "baghuz-2019" / "article.txt" if examples else None
    res = evaluate_actors(data, settings, baghuz=baghuz)
    r = TaskResult("Actor roles (trigger given)", sample=ds.note)
    for ds_name in ("plover-gsr", "wikievents", "cases"):
        for k, v in (res.get(ds_name) or {}).items():
            if isinstance(v, dict) and "accuracy" in v:
                r.add(f"{ds_name}: {k}", v["accuracy"] if v["total"] else None, v["total"])
    if "baghuz" in res:
        ok = sum(v["ok"] for v in res["baghuz"].values())
        r.add("Baghuz E1-E3 actors right", ok / len(res["baghuz"]), len(res["baghuz"]))
    r.tables.append(format_markdown(res))
    return r


# ------------------------------------------------------------------ hand-written cases
def evaluate_cases(path: str | Path, settings: Settings, places: bool = True) -> dict:
    """Exact-name accuracy of actor1/actor2/inter1 on hand-written cases (JSONL).

    Each line: text, trigger, event_type, sub_event_type, actor1, actor2 (or null), inter1,
    optional focus (the country the places stage would give).
    """
    from .. import nlp
    from . import run as actors_run

    a1, a2, i1 = Score(), Score(), Score()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["text"]
        doc = Document(id="case", text=text, clean=text)
        if case.get("focus"):
            doc.meta["focus_country"] = case["focus"]
        nlp.run(doc, settings)
        if places:
            try:
                from .. import places as places_stage

                places_stage.run(doc, settings)
            except Exception:
                pass
        actors_run(doc, settings)
        s = text.index(case["trigger"])
        roles = _roles(doc, s, s + len(case["trigger"]), case["event_type"], case.get("sub_event_type", ""), settings)
        got1 = roles.actor1.value.name if roles.actor1 else None
        got2 = roles.actor2.value.name if roles.actor2 else None
        a1.add(got1 == case["actor1"], f"actor1 {got1!r} != {case['actor1']!r}: {text}")
        a2.add(got2 == case.get("actor2"), f"actor2 {got2!r} != {case.get('actor2')!r}: {text}")
        got_i = roles.actor1.value.inter if roles.actor1 else 0
        i1.add(got_i == case["inter1"], f"inter1 {got_i} != {case['inter1']}: {text}")
    return {"actor1": a1.as_dict(), "actor2": a2.as_dict(), "inter1": i1.as_dict(),
            "misses": {"actor1": a1.misses, "actor2": a2.misses, "inter1": i1.misses}}


if __name__ == "__main__":
    raise SystemExit(main())
