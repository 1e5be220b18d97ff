"""Hand-written articles with hand-coded events, for the web tests.

The events are coded here by hand (not by the NLP pipeline) so the web tests
check the API and the page, not extraction quality. Evidence offsets are
computed from the text, so ``text[start:end] == evidence`` holds by
construction -- including after a non-BMP emoji (Python counts code points,
JavaScript UTF-16 units: the page must get that right).

One article is hostile: markup and script in its title, text, actor names,
notes and URL. Stored as given, it must be shown as plain text.
"""

from __future__ import annotations

import datetime as dt

from eventwire.models import Document, Event, Evidence

BURKINA = Document(
    id="sahel-wire-kaya",
    title="Gunmen kill 12 villagers near Kaya",
    source="Sahel Wire",
    url="https://news.example.org/sahel/kaya-attack",
    published=dt.date(2024, 3, 5),
    text=(
        "OUAGADOUGOU, March 5 (Sahel Wire) - Suspected jihadist gunmen killed at least 12 civilians "
        "in an attack on the village of Nagraogo near Kaya on Monday, local officials said.\n"
        "The attackers arrived on motorbikes shortly after dawn and opened fire on residents gathered "
        "at the weekly market, a regional official said on condition of anonymity.\n"
        "Read more: Burkina Faso junta extends transition by five years\n"
        "No group has claimed responsibility for the attack."
    ),
)

SUDAN = Document(
    id="darfur-daily-fasher",
    title="Dozens killed as fighting rages in El Fasher",
    source="Darfur Daily",
    url="https://news.example.org/darfur/el-fasher",
    published=dt.date(2024, 3, 7),
    text=(
        "Fierce fighting broke out between the Sudanese army and the paramilitary Rapid Support Forces "
        "in El Fasher on Tuesday, killing at least 30 people, medics said.\n"
        "The city is the last major urban centre in Darfur not held by the RSF.\n"
        "On Wednesday, an army air strike hit a livestock market in Nyala, killing four civilians, "
        "residents said."
    ),
)

KENYA = Document(
    id="coast-post-protests",
    title="Finance bill protests spread from Nairobi to Mombasa",
    source="Coast Post",
    url="https://news.example.org/kenya/finance-bill",
    published=dt.date(2024, 3, 8),
    text=(
        "Thousands of protesters marched peacefully through central Nairobi on Tuesday 🇰🇪 against "
        "the new finance bill, chanting and waving placards.\n"
        "Organisers – who called the march “Occupy Parliament” – said the bill would raise the cost of living.\n"
        "In Mombasa on Thursday, youths burned tyres and stoned police vehicles; police said one "
        "protester died in the clashes."
    ),
)

SUDAN_2 = Document(
    id="nile-times-fasher",
    title="Clashes in El Fasher",
    source="Nile Times",
    url="https://news.example.org/nile/fasher-clashes",
    published=dt.date(2024, 3, 6),
    text=(
        "EL FASHER, Sudan (Nile Times) - Army troops and RSF fighters clashed for hours in El Fasher on "
        "Tuesday, residents said.\n"
        "Hospital staff said 34 people were killed and dozens wounded."
    ),
)

HOSTILE = Document(
    id="hostile-tunis",
    title="Police clash with crowd <img src=x onerror=\"window.__pwned='title'\">",
    source="Wire <b>bold</b><script>window.__pwned='source'</script>",
    url="javascript:window.__pwned='url'",
    published=dt.date(2024, 3, 9),
    text=(
        "TUNIS - Riot police fired tear gas at hundreds of demonstrators in Tunis on Friday. "
        "<script>window.__pwned='text'; alert('text')</script>\n"
        "Witnesses said a banner read <img src=x onerror=\"window.__pwned='img'\"> before it was torn down.\n"
        "The protesters were demanding the release of detained journalists."
    ),
)

ARTICLES = (BURKINA, SUDAN, KENYA, HOSTILE, SUDAN_2)  # SUDAN_2 reports the El Fasher battle again


def _ev(doc: Document, sentence: str, spans: dict[str, str], **fields) -> Event:
    """An event of ``doc`` whose evidence is ``sentence`` and whose fields came from ``spans``."""

    def find(s: str) -> Evidence:
        i = doc.text.index(s)
        return Evidence(text=s, start=i, end=i + len(s))

    ev = Event(doc_id=doc.id, source=doc.source, url=doc.url, title=doc.title, **fields)
    ev.evidence = [find(sentence)]
    ev.provenance = {k: find(v) for k, v in spans.items()}
    return ev


def coded_documents() -> list[Document]:
    """Fresh Documents (processed: ``clean`` and ``events`` set), ready for ``Store.add_document``."""
    docs = []
    for base in ARTICLES:
        doc = Document(
            id=base.id, text=base.text, clean=base.text, title=base.title, source=base.source,
            url=base.url, published=base.published, origin=f"web_corpus:{base.id}",
        )
        docs.append(doc)
    burkina, sudan, kenya, hostile, sudan2 = docs

    burkina.events = [
        _ev(
            burkina,
            BURKINA.text.split("\n")[0],
            {"actor1": "Suspected jihadist gunmen", "fatalities": "killed at least 12 civilians",
             "location": "Nagraogo near Kaya", "event_date": "on Monday"},
            event_id="bf-kaya-1", event_date="2024-03-04", disorder_type="Political violence",
            event_type="Violence against civilians", sub_event_type="Attack",
            actor1="Unidentified Armed Group (Burkina Faso)", inter1=3, actor2="Civilians (Burkina Faso)",
            inter2=7, civilian_targeting="Civilian targeting", iso=854, iso3="BFA", region="Western Africa",
            country="Burkina Faso", admin1="Centre-Nord", location="Kaya", latitude=13.09, longitude=-1.08,
            geo_precision=2, fatalities=12,
            notes="On 4 March 2024, suspected jihadist gunmen killed 12 civilians near Kaya. 12 fatalities.",
        )
    ]
    sudan.events = [
        _ev(
            sudan,
            "Fierce fighting broke out between the Sudanese army and the paramilitary Rapid Support Forces "
            "in El Fasher on Tuesday, killing at least 30 people, medics said.",
            {"actor1": "Sudanese army", "actor2": "Rapid Support Forces", "location": "El Fasher",
             "fatalities": "killing at least 30 people", "event_date": "on Tuesday"},
            event_id="sd-fasher-1", event_date="2024-03-05", disorder_type="Political violence",
            event_type="Battles", sub_event_type="Armed clash",
            actor1="Military Forces of Sudan (2019-)", inter1=1, actor2="RSF: Rapid Support Forces", inter2=2,
            iso=729, iso3="SDN", region="Northern Africa", country="Sudan", admin1="North Darfur",
            location="El Fasher", latitude=13.63, longitude=25.35, geo_precision=1, fatalities=30,
            notes="On 5 March 2024, the Sudanese army and the RSF clashed in El Fasher. 30 fatalities.",
        ),
        _ev(
            sudan,
            "On Wednesday, an army air strike hit a livestock market in Nyala, killing four civilians, residents said.",
            {"sub_event_type": "air strike", "location": "Nyala", "fatalities": "killing four civilians"},
            event_id="sd-nyala-1", event_date="2024-03-06", disorder_type="Political violence",
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            actor1="Military Forces of Sudan (2019-)", inter1=1, actor2="Civilians (Sudan)", inter2=7,
            civilian_targeting="Civilian targeting", iso=729, iso3="SDN", region="Northern Africa",
            country="Sudan", admin1="South Darfur", location="Nyala", latitude=12.05, longitude=24.88,
            geo_precision=1, fatalities=4,
            notes="On 6 March 2024, an army air strike hit a market in Nyala. 4 fatalities.",
        ),
    ]
    kenya.events = [
        _ev(
            kenya,
            "Thousands of protesters marched peacefully through central Nairobi on Tuesday",
            {"actor1": "protesters", "location": "central Nairobi", "sub_event_type": "marched peacefully"},
            event_id="ke-nairobi-1", event_date="2024-03-05", disorder_type="Demonstrations",
            event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Kenya)", inter1=6,
            iso=404, iso3="KEN", region="Eastern Africa", country="Kenya", admin1="Nairobi",
            location="Nairobi", latitude=-1.29, longitude=36.82, geo_precision=1, fatalities=0,
            notes="On 5 March 2024, thousands protested the finance bill in Nairobi. 0 fatalities.",
        ),
        _ev(
            kenya,
            "In Mombasa on Thursday, youths burned tyres and stoned police vehicles; police said one "
            "protester died in the clashes.",
            {"location": "Mombasa", "actor1": "youths", "fatalities": "one protester died"},
            event_id="ke-mombasa-1", event_date="2024-03-07", disorder_type="Demonstrations",
            event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Kenya)", inter1=5,
            actor2="Police Forces of Kenya (2022-)", inter2=1, iso=404, iso3="KEN", region="Eastern Africa",
            country="Kenya", admin1="Mombasa", location="Mombasa", latitude=-4.05, longitude=39.67,
            geo_precision=1, fatalities=1,
            notes="On 7 March 2024, rioters burned tyres in Mombasa. 1 fatality.",
        ),
    ]
    hostile.events = [
        _ev(
            hostile,
            "Riot police fired tear gas at hundreds of demonstrators in Tunis on Friday.",
            {"location": "Tunis", "actor1": "demonstrators",
             "sub_event_type": "<script>window.__pwned='text'; alert('text')</script>"},
            event_id="tn-tunis-1", event_date="2024-03-08", disorder_type="Demonstrations",
            event_type="Protests", sub_event_type="Protest with intervention",
            actor1="Protesters (Tunisia) <script>window.__pwned='actor'</script>", inter1=6,
            actor2="Police Forces of Tunisia", inter2=1,
            assoc_actor_1='=HYPERLINK("https://evil.example/x","click")',
            iso=788, iso3="TUN", region="Northern Africa", country="Tunisia", admin1="Tunis",
            location="Tunis", latitude=36.81, longitude=10.18, geo_precision=1, fatalities=0,
            notes="On 8 March 2024, police used tear gas on protesters in Tunis. \"><svg onload=\"window.__pwned='notes'\">",
        )
    ]
    sudan2.events = [
        _ev(
            sudan2,
            "Army troops and RSF fighters clashed for hours in El Fasher on Tuesday, residents said.",
            {"actor1": "Army troops", "actor2": "RSF fighters", "location": "El Fasher",
             "fatalities": "34 people were killed"},
            event_id="nt-fasher-1", event_date="2024-03-05", disorder_type="Political violence",
            event_type="Battles", sub_event_type="Armed clash",
            actor1="Military Forces of Sudan (2019-)", inter1=1, actor2="RSF: Rapid Support Forces", inter2=2,
            iso=729, iso3="SDN", region="Northern Africa", country="Sudan", admin1="North Darfur",
            location="El Fasher", latitude=13.63, longitude=25.35, geo_precision=1, fatalities=34,
            notes="On 5 March 2024, the army and the RSF clashed in El Fasher. 34 fatalities.",
        )
    ]
    return docs


def fill_store(store) -> list[Document]:
    """Store the corpus (merging on: the two El Fasher reports become one event)."""
    docs = coded_documents()
    for doc in docs:
        assert store.add_document(doc, merge=True) is not None
    return docs


class FakePipeline:
    """Stands in for the NLP pipeline in web tests: one Protests event per
    sentence that mentions 'protest', located in Dakar. Deterministic and fast."""

    def __call__(self, doc: Document) -> Document:
        doc.clean = doc.text
        doc.events = []
        pos = 0
        for n, sentence in enumerate(doc.text.split(".")):
            start = doc.text.find(sentence, pos)
            pos = start + len(sentence)
            if "protest" not in sentence.lower() or not sentence.strip():
                continue
            s = sentence.strip()
            i = doc.text.index(s, start)
            ev = Event(
                doc_id=doc.id, event_id=f"{doc.id}-p{n}",
                event_date=(doc.published or dt.date(2024, 1, 1)).isoformat(),
                event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Senegal)",
                country="Senegal", admin1="Dakar", location="Dakar", latitude=14.69, longitude=-17.45,
                geo_precision=1, fatalities=0, source=doc.source, title=doc.title,
                evidence=[Evidence(text=s, start=i, end=i + len(s))],
            )
            doc.events.append(ev)
        return doc
