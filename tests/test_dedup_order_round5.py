"""Merging must not depend on the order reports arrive in (issue 7, round 5): re-assignment.

A report joins the best event stored *when it comes*. Stored before the event it belongs to,
it may join a neighbour (a rights group's "police fired on fare protesters" joining a teachers'
march in the same city that day); the neighbour's reports then keep the right event out, and
the store ends with the wrong grouping. When a report is stored, the reports of the
neighbouring events are placed again between the rest of their event and the new report's
event, and move when the new one fits them strictly better. Text written for these tests."""

from __future__ import annotations

import itertools

import pytest

from eventwire.models import Document, Event, Evidence
from eventwire.store import open_store
from test_store import store_url  # noqa: F401 - SQLite, and PostgreSQL when a server answers

LIMA = dict(location="Lima", country="Peru", iso3="PER", admin1="Lima", admin2="Lima",
            latitude=-12.0464, longitude=-77.0428, geo_precision=1)
MOG_HOTEL = dict(location="Mogadishu", country="Somalia", iso3="SOM", admin1="Banadir", admin2="Mogadishu",
                 latitude=2.0469, longitude=45.3182, geo_precision=1)
MOG_AIRPORT = dict(MOG_HOTEL, latitude=2.0144, longitude=45.3047)  # ~4 km south: another outlet's point


def _report(text: str, evidence: str, **kw) -> Event:
    e = Event(time_precision=1, **kw)
    start = text.index(evidence)
    e.evidence = [Evidence(text=evidence, start=start, end=start + len(evidence))]
    return e


def _doc(doc_id: str, text: str, *events: tuple[str, dict]) -> Document:
    doc = Document(id=doc_id, text=text, clean=text, source=doc_id.split("-")[0],
                   url=f"https://{doc_id}.example/news")
    for i, (evidence, kw) in enumerate(events):
        e = _report(text, evidence, **kw)
        e.event_id = f"{doc_id}-e{i + 1}"
        doc.events.append(e)
    return doc


# ------------------------------------------------- a fare riot, a shooting and a teachers' march
RIOT = dict(event_date="2026-03-12", event_type="Riots", sub_event_type="Violent demonstration",
            actor1="Rioters (Peru)", actor2="Police Forces of Peru (2021-)", **LIMA)
MARCH = dict(event_date="2026-03-12", event_type="Protests", sub_event_type="Peaceful protest",
             actor1="Protesters (Peru)", actor2="", **LIMA)
FORCE = dict(event_date="2026-03-12", event_type="Protests", sub_event_type="Excessive force against protesters",
             actor1="Police Forces of Peru (2021-)", actor2="Protesters (Peru)", fatalities=1, **LIMA)

PAPER = ("LIMA -- Hundreds of young people angry at a new rise in bus fares blocked Avenida Abancay with burning "
         "tyres on Thursday and hurled rocks at riot police, who answered with tear gas. Across town, thousands of "
         "schoolteachers marched peacefully along Paseo de los Heroes to Congress to demand a pay rise.")
RIGHTS = ("The National Human Rights Coordinator said police fired pellets and live rounds at people protesting "
          "against the fare increase in central Lima on Thursday, killing a 17-year-old student and wounding "
          "nine others. It called for the officers to be suspended.")
UNION = ("More than 5,000 teachers from Lima and Callao walked from Plaza San Martin to the Congress building on "
         "Thursday to hand over a list of demands, the teachers' union said. The union gave the government ten "
         "days to answer.")
POLICE = ("The National Police said vandals posing as protesters attacked officers with stones and wrecked two "
          "Metropolitano bus stations in the historic centre on Thursday; 31 people were detained.")


def _lima_docs() -> list[Document]:
    return [
        _doc("paper-1", PAPER,
             ("Hundreds of young people angry at a new rise in bus fares blocked Avenida Abancay with burning tyres",
              RIOT),
             ("thousands of schoolteachers marched peacefully along Paseo de los Heroes to Congress", MARCH)),
        _doc("rights-2", RIGHTS, ("police fired pellets and live rounds at people protesting against the fare "
                                  "increase in central Lima on Thursday, killing a 17-year-old student", FORCE)),
        _doc("union-3", UNION, ("More than 5,000 teachers from Lima and Callao walked from Plaza San Martin to the "
                                "Congress building", MARCH)),
        _doc("police-4", POLICE, ("vandals posing as protesters attacked officers with stones and wrecked two "
                                  "Metropolitano bus stations", RIOT)),
    ]


def _groups(store, docs: list[Document]) -> dict[str, str]:
    return {e["event_id"]: e["merged_into"] for d in docs for e in store.get_document(d.id)["events"]}


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_the_shooting_ends_with_the_riot_in_every_order(tmp_path, order):
    docs = _lima_docs()
    with open_store(tmp_path / "e.sqlite") as store:
        for i in order:
            store.add_document(docs[i])
        g = _groups(store, docs)
    assert g["rights-2-e1"] == g["paper-1-e1"] == g["police-4-e1"]
    assert g["union-3-e1"] == g["paper-1-e2"]
    assert g["union-3-e1"] != g["rights-2-e1"]


def test_a_moved_report_leaves_a_consistent_store_with_stable_ids(store_url):  # noqa: F811
    docs = {d.id: d for d in _lima_docs()}
    with open_store(store_url) as store:
        # the order that used to fail: the shooting joins the march, then the riot is kept out
        store.add_document(docs["union-3"])
        store.add_document(docs["rights-2"])
        assert store.get_document("rights-2")["events"][0]["merged_into"] == "union-3-e1"
        store.add_document(docs["paper-1"])
        g = _groups(store, [docs["union-3"], docs["rights-2"], docs["paper-1"]])
        assert g["rights-2-e1"] == g["paper-1-e1"] == "paper-1-e1"  # moved to the riot, under the riot's id
        assert g["union-3-e1"] == g["paper-1-e2"] == "union-3-e1"  # the march keeps its id
        march = store.get_event("union-3-e1")
        assert march["n_sources"] == 2 and march["sub_event_type"] == "Peaceful protest"
        assert {m["event_id"] for m in march["members"]} == {"union-3-e1", "paper-1-e2"}
        riot = store.get_event("rights-2-e1")  # a raw id finds the event it is in now
        assert riot["event_id"] == "paper-1-e1" and riot["n_sources"] == 2
        moved = next(m for m in riot["members"] if m["event_id"] == "rights-2-e1")
        assert "moved when paper-1-e1 came" in moved["merge_reason"]
        assert riot["fatalities"] == 1  # merged record refreshed: the shooting's one death is the riot's now
        # idempotent: the same articles again change nothing
        assert all(store.add_document(d) is None for d in docs.values() if d.id != "police-4")
        store.add_document(docs["police-4"])
        g = _groups(store, list(docs.values()))
        assert g["police-4-e1"] == "paper-1-e1"
        assert store.count() == 2
        ids = {r["event_id"] for r in store.query(limit=None)}
        assert ids == {"paper-1-e1", "union-3-e1"}


# --------------------------------------------------- a hotel bombing and mortars the same day
HOTEL = ("Al-Shabaab fighters detonated a car bomb at the gate of the Sahafi hotel in Mogadishu on Sunday "
         "before storming the building, killing at least nine guests, police said.")
HOTEL_IED = ("A powerful blast hit a seafront hotel in Mogadishu on Sunday; al-Shabaab said it had planted the "
             "explosives. Seven civilians were killed, a hospital official said.")
MORTAR = ("Several mortar rounds fired by al-Shabaab landed near Mogadishu airport on Sunday evening. There was "
          "no word on casualties.")
SHAB = "Al Shabaab"


def _mog_docs() -> list[Document]:
    return [
        _doc("garowe-1", MORTAR, ("Several mortar rounds fired by al-Shabaab landed near Mogadishu airport",
                                  dict(event_date="2026-05-17", event_type="Explosions/Remote violence",
                                       sub_event_type="Shelling/artillery/missile attack", actor1=SHAB, actor2="",
                                       **MOG_AIRPORT))),
        _doc("hiiraan-2", HOTEL_IED, ("A powerful blast hit a seafront hotel in Mogadishu on Sunday",
                                      dict(event_date="2026-05-17", event_type="Explosions/Remote violence",
                                           sub_event_type="Remote explosive/landmine/IED", actor1=SHAB,
                                           actor2="Civilians (Somalia)", **MOG_HOTEL))),
        _doc("wire-3", HOTEL, ("Al-Shabaab fighters detonated a car bomb at the gate of the Sahafi hotel",
                               dict(event_date="2026-05-17", event_type="Explosions/Remote violence",
                                    sub_event_type="Suicide bomb", actor1=SHAB, actor2="Civilians (Somalia)",
                                    **MOG_HOTEL))),
    ]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_a_blast_report_stored_with_the_mortars_goes_to_the_bombing_when_it_comes(tmp_path, order):
    docs = _mog_docs()
    with open_store(tmp_path / "e.sqlite") as store:
        for i in order:
            store.add_document(docs[i])
        g = _groups(store, docs)
    assert g["hiiraan-2-e1"] == g["wire-3-e1"]
    assert g["garowe-1-e1"] != g["wire-3-e1"]

