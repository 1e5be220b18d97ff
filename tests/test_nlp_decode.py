"""eventwire's NER decoding (numpy) finds exactly the entities spaCy's compiled greedy loop finds.

spaCy's loop pays for the GIL at every validity test (docs/performance.md, session 5), so
``eventwire.nlp.EntityDecoder`` runs the same greedy decoding over the same step model. That
is only acceptable if every entity, label and IOB tag comes out the same, on single
sentences, batches of sentences of different lengths, and whole texts whose sentence
boundaries constrain the entities; and if documents it cannot handle (preset entities) go
to spaCy's loop.
"""

from __future__ import annotations

import pytest

from eventwire import nlp as nlp_module
from eventwire.models import Document
from eventwire.nlp import EntityDecoder, _entity_decoder, _ner_pipe, load_nlp, model_threads
from eventwire.settings import Settings

pytestmark = pytest.mark.model

# Text written for this test: multi-word names of several labels, an entity at the very
# start and at the very end, dates and figures, a line break and double spaces (space
# tokens, where no entity may start), and sentences of very different lengths.
SENTENCES = [
    "Abdoulaye Maiga, a spokesman for the transitional government in Bamako, said on Tuesday "
    "that 23 civilians had died in the attack on the weekly market at Dioura.",
    "Kenya Defence Forces",
    "Protesters gathered outside the Ministry of Finance in Lusaka  on 3 March 2025, demanding "
    "the release of opposition leader Hakainde Hichilema's aides.",
    "Shelling hit Kharkiv.",
    "The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) reported\n"
    "that more than 12,000 people fled Beni territory in North Kivu between January and April, "
    "after the Allied Democratic Forces raided villages near the Ugandan border.",
    "A court in Islamabad sentenced Imran Khan to 14 years, his party Pakistan Tehreek-e-Insaf said",
]
WHOLE = (
    "Gunmen attacked a police post in Kaya, Burkina Faso, late on Friday. Three officers died.\n\n"
    "The Ministry of Security in Ouagadougou said the Group for the Support of Islam and Muslims "
    "claimed it. Residents of Centre-Nord region fled toward Kongoussi on Saturday morning."
)


def _entities(docs):
    return [([(e.start, e.end, e.label_) for e in d.ents], [(t.ent_iob_, t.ent_type_) for t in d]) for d in docs]


@pytest.fixture(scope="module")
def nlp():
    nlp = load_nlp(Settings())
    if nlp.meta.get("eventwire_model") == "blank" or "ner" not in nlp.pipe_names:
        pytest.skip("no English model with NER installed")
    return nlp


def _prepared(nlp, texts, whole_text=False):
    """Docs as the nlp stage hands them to NER: every earlier component run (or, for a whole
    text, the sentence splitter only)."""
    docs = [nlp.make_doc(t) for t in texts]
    names = ["senter"] if whole_text else [n for n in nlp.pipe_names if n != "ner"]
    for name in names:
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def _spacy_loop(nlp, docs):
    ner = nlp.get_pipe("ner")
    ner.set_annotations(docs, ner.predict(docs))
    return docs


def test_the_decoder_applies_to_the_installed_recogniser(nlp):
    assert nlp.meta["eventwire_ner_blis"] is True
    assert _entity_decoder(nlp.get_pipe("ner")) is not None
    assert nlp.get_pipe("ner").model.get_ref("upper").ops.use_blis is True


@pytest.mark.parametrize("batch", [SENTENCES, SENTENCES[:1], SENTENCES[1:2], list(reversed(SENTENCES))])
def test_same_entities_as_spacys_loop_on_sentence_batches(nlp, batch):
    with model_threads(nlp):
        theirs = _spacy_loop(nlp, _prepared(nlp, batch))
        ours = _ner_pipe(nlp.get_pipe("ner"), _prepared(nlp, batch), batch_size=64)
    assert _entities(ours) == _entities(theirs)
    if len(batch) > 1:
        labels = {e.label_ for d in ours for e in d.ents}
        assert {"PERSON", "GPE", "ORG", "DATE"} <= labels  # the comparison covered real entities


def test_same_entities_on_a_whole_text_with_sentence_boundaries(nlp):
    with model_threads(nlp):
        theirs = _spacy_loop(nlp, _prepared(nlp, [WHOLE], whole_text=True))
        ours = _ner_pipe(nlp.get_pipe("ner"), _prepared(nlp, [WHOLE], whole_text=True), batch_size=64)
    assert _entities(ours) == _entities(theirs)
    doc = ours[0]
    assert any(t.is_space for t in doc) and sum(1 for _ in doc.sents) >= 4
    # no entity starts on a space token or runs across a sentence start
    for ent in doc.ents:
        assert not doc[ent.start].is_space
        assert not any(doc[i].is_sent_start for i in range(ent.start + 1, ent.end))


def test_sub_batches_of_many_sentences_match_too(nlp):
    texts = [f"{s} Officials in Mombasa confirmed it on day {i}." for i, s in enumerate(SENTENCES * 4)]
    with model_threads(nlp):
        theirs = [_spacy_loop(nlp, _prepared(nlp, texts[i:i + 16])) for i in range(0, len(texts), 16)]
        ours = _ner_pipe(nlp.get_pipe("ner"), _prepared(nlp, texts), batch_size=8)  # sub-batches of 2
    assert _entities(ours) == _entities([d for group in theirs for d in group])


def test_preset_entities_are_left_to_spacys_loop(nlp):
    from spacy.tokens import Span

    with model_threads(nlp):
        docs = _prepared(nlp, SENTENCES[:2])
        docs[0].set_ents([Span(docs[0], 0, 2, label="ORG")], default="unmodified")  # preset: spaCy must keep it
        assert EntityDecoder(nlp.get_pipe("ner"))(docs) is False
        assert not docs[1].ents  # nothing was done to the batch
        _ner_pipe(nlp.get_pipe("ner"), docs, batch_size=64)
    assert [(e.start, e.end, e.label_) for e in docs[0].ents][0] == (0, 2, "ORG")
    assert docs[1].ents  # recognised by spaCy's loop


def test_empty_documents_in_a_batch(nlp):
    with model_threads(nlp):
        docs = _ner_pipe(nlp.get_pipe("ner"), _prepared(nlp, ["", SENTENCES[3], ""]), batch_size=64)
    assert [len(d.ents) for d in docs][0] == 0 and docs[1].ents and not docs[2].ents


@pytest.mark.parametrize("scope", ["events", "entities", "all"])
def test_nlp_stage_identical_with_spacys_decoding(nlp, scope, monkeypatch):
    settings = Settings(parse_scope=scope)
    text = WHOLE + "\n\n" + "\n\n".join(SENTENCES)

    def run():
        doc = Document(id="d", text=text, clean=text)
        nlp_module.run(doc, settings)
        sdoc = doc.spacy_doc
        return _entities([sdoc]), [(t.dep_, t.head.i, t.lemma_) for t in sdoc], doc.meta.get("parsed_sentences")

    ours = run()
    monkeypatch.setenv("EVENTWIRE_DECODE", "spacy")
    theirs = run()
    assert ours == theirs
    assert ours[0][0][0]  # entities were found


def test_validity_rules_match_spacys_at_every_token(nlp):
    """Each move's validity, at every token of a text with spaces and sentence starts, with no
    entity open and with an entity of each of two labels open, as spaCy's transition system
    says (the entity tests above may never meet a move the model wanted but may not take)."""
    import numpy
    from spacy.attrs import IS_SPACE, SENT_START

    ner = nlp.get_pipe("ner")
    decoder = EntityDecoder(ner)
    moves = ner.moves
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    with model_threads(nlp):
        doc = _prepared(nlp, [WHOLE], whole_text=True)[0]
    arr = doc.to_array([IS_SPACE, SENT_START])
    n, checked = len(doc), 0
    for i in range(n):
        for opened in ("", "GPE", "ORG"):
            if opened and i == 0:
                continue
            state = moves.init_batch([doc])[0]
            for _ in range(i - 1 if opened else i):
                moves.apply_transition(state, "O")
            if opened:
                if not moves.is_valid(state, "B-" + opened):
                    continue
                moves.apply_transition(state, "B-" + opened)
            theirs = [bool(moves.is_valid(state, name)) for name in names]
            ours = decoder.valid(numpy.array([nlp.vocab.strings[opened] if opened else 0], dtype="uint64"),
                                 numpy.array([i + 1 < n]), numpy.array([i + 1 < n and arr[i + 1, 1] == 1]),
                                 numpy.array([arr[i, 0] != 0]))[0].tolist()
            assert ours == theirs, (i, opened, doc[i].text)
            checked += 1
    assert checked > 2 * n  # open entities were reached at most positions
