"""NER on some sentences only: the places stage decides per sentence whether a missing entity means
"not a place" (the recogniser ran there and did not tag it) or nothing (it did not run there).

The nlp stage may run spaCy NER only on some sentences and then lists them in
``doc.meta["ner_sentences"]``; the other sentences carry no entities and are read like a text with no
NER at all. The entities below are set by hand so that the test does not depend on what a given
spaCy model happens to tag.
"""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.models import Document
from eventwire.places import run

TEXT = ("Doctors in Idlib said Khan Shaykhun was calm, and shells fell in Markadah on Monday. "
        "Farmers said Tall Tamr was calm and shells fell in Maskanah on Tuesday. "
        "Spokesman Mustafa Bali said the roads to Hama stayed open.")


def _doc(settings, ner_sentences) -> Document:
    """The text after the nlp stage, with entities only where ``ner_sentences`` says NER ran:
    the one GPE of the first sentence ("Idlib"), and "Hama" when the third sentence is covered."""
    doc = Document(id="ner-scope", text=TEXT, clean=TEXT)
    nlp.run(doc, settings)
    assert len(doc.sentences) == 3
    sdoc = doc.spacy_doc
    covered = {0, 1, 2} if ner_sentences is None else set(ner_sentences)
    ents = []
    for word, sent in (("Idlib", 0), ("Hama", 2)):
        if sent in covered:
            i = TEXT.index(word)
            ents.append(sdoc.char_span(i, i + len(word), label="GPE"))
    sdoc.ents = ents
    if ner_sentences is not None:
        doc.meta["ner_sentences"] = list(ner_sentences)
    return run(doc, settings)


def _found(doc: Document) -> set[str]:
    return {m.text for m in doc.mentions if m.kind == "place"}


@pytest.mark.parametrize("ner_sentences", [None, [0, 1, 2]])
def test_ner_everywhere_rejects_what_it_did_not_tag(settings, ner_sentences):
    found = _found(_doc(settings, ner_sentences))
    assert {"Idlib", "Hama"} <= found
    # a multi-word town with no cue, and a hamlet of no population after "in": NER saw them and said no
    assert not found & {"Khan Shaykhun", "Tall Tamr", "Markadah", "Maskanah"}
    assert "Bali" not in found


def test_sentence_without_ner_is_read_like_a_text_without_ner(settings):
    doc = _doc(settings, [0])
    found = _found(doc)
    assert "Idlib" in found
    # sentence 0 had NER: its untagged names stay out
    assert "Khan Shaykhun" not in found and "Markadah" not in found
    # sentence 1 had none: the gazetteer rules for a text without NER let its places in
    places = {m.text: m for m in doc.mentions if m.kind == "place"}
    assert places["Tall Tamr"].value.country_code == "SY"
    assert places["Maskanah"].value.country_code == "SY"
    assert places["Tall Tamr"].sent == 1
    # sentence 2 had none either: the well-known city is found by the gazetteer, the spokesman is not a place
    assert "Hama" in found
    assert "Bali" not in found
    assert not any(m.value.country_code == "ID" for m in doc.mentions if m.kind == "place")


def test_no_sentence_had_ner(settings):
    found = _found(_doc(settings, []))
    assert {"Idlib", "Khan Shaykhun", "Markadah", "Tall Tamr", "Maskanah", "Hama"} <= found
    assert "Bali" not in found
