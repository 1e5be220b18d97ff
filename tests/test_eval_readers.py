"""Readers of eventwire.evaluation on small files written here in each dev set's real format."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluation import readers

# ------------------------------------------------------------------ fixtures in the real formats
HRDS = [
    {
        "sample": {
            "Input.GLOBALEVENTID": 111, "Input.title": "Activist abducted in Harare",
            "Input.publish_date": "2021-03-08 23:00:34",
            "Input.article_interface": "<p>HARARE</p> <p>Unknown men abducted the activist Jane Moyo on "
                                       "February 26 &amp; beat her.</p> <p>Police have not commented.</p>",
        },
        "annotations": [{"annotation": {"city": "None", "date": "26.0"}}],
        "merged_sample": {"year": "2021.0", "month": "February", "date": "26.0", "city": "Harare",
                          "region": "None", "country": "Zimbabwe", "perpetrator_type": "state actor",
                          "violation_types": ["kidnapping", "torture"]},
    },
    {
        "sample": {"Input.GLOBALEVENTID": 222, "Input.title": "Lawyer detained",
                   "Input.publish_date": "not a date", "Input.article_interface": "<p>A lawyer was detained.</p>"},
        "annotations": [
            {"annotation": {"city": "None", "year": "2019", "month": "unknown", "date": None, "country": ""}},
            {"annotation": {"city": "Minsk", "year": "2018", "month": "07", "date": "3", "country": "Belarus"}},
        ],
    },
]


def _wikievents_doc():
    s0 = "Gunmen attacked a police post in Kandahar"
    s1 = "Officials met on Monday."
    return {
        "doc_id": "wiki_1",
        "sentences": [[[], s0], [[], s1]],
        "event_mentions": [
            {"id": "wiki_1-E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 1, "end": 2, "text": "attacked", "sent_idx": 0},
             "arguments": [{"role": "Attacker", "text": "Gunmen"}, {"role": "Target", "text": "post"},
                           {"role": "Place", "text": "Kandahar"}]},
            {"id": "wiki_1-E2", "event_type": "Contact.Contact.Meet",
             "trigger": {"start": 1, "end": 2, "text": "met", "sent_idx": 1}, "arguments": []},
        ],
    }


PLOVER = [
    {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "docs"},
    {"id": "P-ASSAULT-1", "date": "2000-01-01", "event": "ASSAULT", "mode": "explosives",
     "source": [{"actorText": "Afghan rebels", "code": "AFG"}], "target": [{"actorText": "Kabul", "code": "AFG"}],
     "text": "Afghan rebels exploded a series of bombs in the capital Kabul."},
    {"id": "P-AGREE-1", "date": "2000-01-01", "event": "AGREE", "source": [{"actorText": "Hungarian"}],
     "target": "", "text": "Hungarian and Romanian officials agreed to cooperate."},
    {"id": "P-COERCE-1", "date": "2000-01-01", "event": "COERCE", "mode": "arrest",
     "source": [{"actorText": "Israeli soldiers"}], "target": [{"actorText": "Palestinians"}],
     "text": "Israeli soldiers arrested more than 100 Palestinians on Saturday."},
]


def _loc_item(text, verb, locs):
    spans = [{"start": text.index(verb), "end": text.index(verb) + len(verb), "label": "VERB"}]
    spans += [{"start": text.index(w), "end": text.index(w) + len(w), "label": "LOCATION"} for w in locs]
    return {"text": text, "spans": spans}


GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Floods in Mosul</title>
    <link>http://example.org/a</link>
    <text>Rain hit Mosul and the Nineveh plains on Monday.</text>
    <toponyms>
      <toponym><extractedName>Mosul</extractedName><type>Literal</type><start>9</start><end>14</end>
        <geonamesID>99072</geonamesID><latitude>36.335</latitude><longitude>43.118</longitude></toponym>
      <toponym><extractedName>Nineveh plains</extractedName><type>Literal_Modifier</type><start>23</start><end>37</end>
        <geonamesID/></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL = """<articles>
  <article docid="38765806">
    <text>Troops left Kabul for Herat.</text>
    <toponyms>
      <toponym><start>12</start><end>17</end><gaztag geonameid="1138958"><name>Kabul</name>
        <lat>34.52813</lat><lon>69.17233</lon></gaztag><phrase>Kabul</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

UCDP = (
    "id,year,side_a,side_b,source_date,source_headline,where_coordinates,adm_1,latitude,longitude,country,"
    "type_of_violence,date_start,date_end,where_prec,low,best,high\n"
    ",#date+year,#group+name+first,#group+name+second,,#description,#loc+name,#adm1+name,#geo+lat,#geo+lon,"
    "#country+name,,#date+start,#date+end,,,#affected+killed,\n"
    "1,2014,Government of Iraq,IS,2014-05-04,Shelling kills 11 in Iraq's Fallujah: doctor,Al Fallūjah town,"
    "Al Anbār province,33.35,43.78,Iraq,1,2014-05-03,2014-05-04,1,11,11,13\n"
    "2,2014,Government of Iraq,IS,2014-05-04;2014-05-05,Two headlines;second one,Bayji town,"
    "Şalāḩ ad Dīn province,34.9,43.5,Iraq,1,2014-05-03,2014-05-04,1,3,3,3\n"
    "3,2015,Government of Iraq,IS,,,Mosul town,Nīnawá province,36.3,43.1,Iraq,1,2015-01-01,2015-01-01,1,1,1,1\n"
)


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "hrdsattack").mkdir()
    (tmp_path / "hrdsattack" / "dev.json").write_text(json.dumps(HRDS), encoding="utf-8")
    (tmp_path / "wikievents").mkdir()
    (tmp_path / "wikievents" / "dev.jsonl").write_text(json.dumps(_wikievents_doc()) + "\n", encoding="utf-8")
    (tmp_path / "plover-gsr").mkdir()
    (tmp_path / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(PLOVER), encoding="utf-8")
    (tmp_path / "event-location").mkdir()
    items = [
        _loc_item("In the West Bank city of Nablus, a man was shot in a refugee camp.", "shot", ["Nablus"]),
        _loc_item("The widow was found murdered on Saturday.", "murdered", []),
        _loc_item("Troops shelled Homs and Hama overnight.", "shelled", ["Homs", "Hama"]),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("labeled_text.jsonl", json.dumps(items))
        z.writestr("__MACOSX/._labeled_text.jsonl", "junk")
    (tmp_path / "event-location" / "labeled_text.jsonl.zip").write_bytes(buf.getvalue())
    (tmp_path / "geowebnews").mkdir()
    (tmp_path / "geowebnews" / "GWN.xml").write_text(GWN, encoding="utf-8")
    (tmp_path / "ucdp-ged-iraq").mkdir()
    (tmp_path / "ucdp-ged-iraq" / "conflict_data_irq.csv").write_text(UCDP, encoding="utf-8")
    return tmp_path


# ------------------------------------------------------------------ dev sets
def test_hrdsattack_paragraphs_dates_and_annotator_fallback(data_dir):
    ds = readers.hrdsattack(data_dir)
    assert [d.id for d in ds.docs] == ["hrds-111", "hrds-222"]
    d0 = ds.docs[0]
    assert d0.text.split("\n\n") == ["HARARE", "Unknown men abducted the activist Jane Moyo on February 26 & beat her.",
                                     "Police have not commented."]
    assert d0.published.isoformat() == "2021-03-08" and d0.title == "Activist abducted in Harare"
    g0, g1 = ds.gold
    assert (g0.year, g0.month, g0.day, g0.city, g0.region, g0.country) == (2021, 2, 26, "Harare", "", "Zimbabwe")
    assert g0.violation_types == ("kidnapping", "torture")
    # no merged annotation: the first non-empty value of each field, annotator by annotator
    assert ds.docs[1].published is None
    assert (g1.year, g1.month, g1.day, g1.city, g1.country) == (2019, 7, 3, "Minsk", "Belarus")


def test_wikievents_keeps_violent_events_with_roles_and_sentence_spans(data_dir):
    ds = readers.wikievents(data_dir)
    doc = ds.docs[0]
    assert doc.text == "Gunmen attacked a police post in Kandahar\nOfficials met on Monday."
    assert len(ds.gold) == 1
    g = ds.gold[0]
    assert (g.actor1, g.actor2, g.meta["attack"], g.meta["trigger"]) == ("Gunmen", "post", True, "attacked")
    assert doc.text[g.span[0]:g.span[1]] == "Gunmen attacked a police post in Kandahar"


def test_plover_classes_and_rough_types(data_dir):
    ds = readers.plover_gsr(data_dir)
    assert [g.doc_id for g in ds.gold] == ["P-ASSAULT-1", "P-AGREE-1", "P-COERCE-1"]
    a, b, c = ds.gold
    assert (a.meta["class"], a.event_type, a.actor1, a.actor2) == ("positive", "Explosions/Remote violence", "Afghan rebels", "Kabul")
    assert (b.meta["class"], b.event_type, b.actor2) == ("negative", "", "")
    assert c.meta["class"] == "ambiguous"
    assert readers.plover_label("PROTEST", "riot-spon") == ("positive", "Riots")
    assert readers.plover_label("FIGHT", "") == ("positive", "Battles")


def test_event_location_uses_sentences_with_one_trigger_and_a_location(data_dir):
    ds = readers.event_location(data_dir, sample=None)
    assert ds.total == 2 and len(ds.docs) == 2
    g = ds.gold[0]
    assert g.verb == "shot" and [t for _, _, t in g.locations] == ["Nablus"]
    assert [t for _, _, t in ds.gold[1].locations] == ["Homs", "Hama"]
    one = readers.event_location(data_dir, sample=1, seed=0)
    assert len(one.docs) == 1 and one.total == 2
    assert readers.event_location(data_dir, sample=1, seed=0).docs[0].id == one.docs[0].id  # reproducible


def test_geowebnews_and_lgl_toponyms(data_dir, tmp_path):
    ds = readers.geowebnews(data_dir)
    assert ds.docs[0].id == "gwn-7" and ds.docs[0].title == "Floods in Mosul"
    mosul, plains = ds.gold
    assert ds.docs[0].text[mosul.start:mosul.end] == "Mosul"
    assert (mosul.latitude, mosul.longitude, mosul.geonameid) == (36.335, 43.118, 99072)
    assert plains.latitude is None and plains.geonameid is None and plains.kind == "Literal_Modifier"
    lgl = tmp_path / "lgl.xml"
    lgl.write_text(LGL, encoding="utf-8")
    docs, gold = readers.read_toponym_gold(lgl)
    assert docs[0].id == "38765806"
    assert (gold[0].text, gold[0].latitude, gold[0].geonameid) == ("Kabul", 34.52813, 1138958)
    assert docs[0].text[gold[0].start:gold[0].end] == "Kabul"


def test_ucdp_skips_hxl_row_and_multi_headline_rows(data_dir):
    ds = readers.ucdp_ged(data_dir, sample=None)
    assert ds.total == 1
    g = ds.gold[0]
    assert ds.docs[0].text == "Shelling kills 11 in Iraq's Fallujah: doctor"
    assert ds.docs[0].published.isoformat() == "2014-05-04"
    assert (g.fatalities, g.meta["low"], g.meta["high"], g.admin1) == (11, 11, 13, "Al Anbār province")


def test_missing_dev_set_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        readers.wikievents(tmp_path)


# ------------------------------------------------------------------ gold and prediction files
def test_gold_events_csv_and_bad_row_names_file_and_line(tmp_path):
    p = tmp_path / "gold.csv"
    p.write_text("doc_id,event_date,sub_event_type,latitude,longitude,fatalities\n"
                 "a,2019-02-16,Armed clash,34.46,40.94,3\n"
                 "b,2019-02-17,Attack,,,\n", encoding="utf-8")
    g = readers.read_gold_events(p)
    assert (g[0].latitude, g[0].fatalities, g[1].latitude, g[1].fatalities) == (34.46, 3, None, None)
    p.write_text("doc_id,event_date,latitude\na,2019-02-16,north\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        readers.read_gold_events(p)
    assert str(exc.value).startswith(f"{p}:2:") and "latitude" in str(exc.value)
    p.write_text("event_date\n2019-02-16\n", encoding="utf-8")
    with pytest.raises(InputError, match="doc_id"):
        readers.read_gold_events(p)


def test_gold_types_conflicting_labels_rejected(tmp_path):
    p = tmp_path / "types.jsonl"
    p.write_text('{"doc_id": "a", "sub_event_type": "Attack"}\n{"doc_id": "a", "sub_event_type": "Armed clash"}\n')
    with pytest.raises(InputError, match="two gold labels"):
        readers.read_gold_types(p)


def test_pred_events_from_jsonl_and_csv(tmp_path):
    j = tmp_path / "pred.jsonl"
    j.write_text(json.dumps({"doc_id": "a", "event_date": "2019-02-16", "sub_event_type": "Armed clash",
                             "latitude": 34.4, "longitude": 40.9, "confidence": 0.7,
                             "evidence": [{"text": "SDF attacked", "start": 0, "end": 12}]}) + "\n")
    e = readers.read_pred_events(j)[0]
    assert e.doc_id == "a" and e.evidence[0].text == "SDF attacked" and e.confidence == 0.7
    c = tmp_path / "pred.csv"
    c.write_text("event_id_cnty,doc_id,event_date,sub_event_type,latitude,longitude,fatalities,inter1,confidence,evidence\n"
                 'x1,a,2019-02-16,Armed clash,34.4,40.9,2,2,0.6,"[{""text"": ""SDF attacked"", ""start"": 0, ""end"": 12}]"\n'
                 "x2,b,2019-02-17,Attack,,,,,,\n")
    e1, e2 = readers.read_pred_events(c)
    assert (e1.event_id, e1.fatalities, e1.inter1, e1.latitude, e1.evidence[0].text) == ("x1", 2, 2, 34.4, "SDF attacked")
    assert e2.latitude is None and e2.fatalities == 0 and e2.confidence == 0.5
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\nnot json\n')
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        readers.read_pred_events(bad)


def test_event_location_spans_given_as_token_indices():
    text = "In the neighboring province of Ingushetia, federal troops clashed with rebels."
    toks, pos = [], 0
    for i, w in enumerate(["In", "the", "neighboring", "province", "of", "Ingushetia", ","]):
        pos = text.index(w, pos)
        toks.append({"text": w, "start": pos, "end": pos + len(w), "id": i})
        pos += len(w)
    item = {"text": text, "tokens": toks}
    # token indices in start/end (a quirk of part of the data set)
    assert readers.span_chars(item, {"start": 5, "end": 5, "token_start": 5, "token_end": 5,
                                     "text": "Ingushetia"}) == (31, 41)
    # ordinary character offsets
    assert readers.span_chars(item, {"start": 58, "end": 65, "label": "VERB"}) == (58, 65)
    # no usable offsets: found by its text
    assert readers.span_chars({"text": text}, {"start": 0, "end": 0, "text": "federal troops"}) == (43, 57)
    assert readers.span_chars({"text": text}, {"start": 3, "end": 3}) is None
