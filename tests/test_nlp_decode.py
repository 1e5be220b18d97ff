"""eventwire's NER decoding (numpy) finds exactly the entities spaCy's compiled greedy loop finds.

spaCy's loop pays for the GIL at every validity test (docs/performance.md, session 5), so
``eventwire.nlp.EntityDecoder`` runs the same greedy decoding over the same step model. That
is only acceptable if every entity, label and IOB tag comes out the same, on single
sentences, batches of sentences of different lengths, and whole texts whose sentence
boundaries constrain the entities; and if documents it cannot handle (preset entities) go
to spaCy's loop.

The parser's greedy loop is driven from Python too (``eventwire.nlp._greedy_parse``: spaCy's
step model and its own transitions); heads, labels and sentence starts must come out as
spaCy's compiled loop sets them, on long sentences, quotes, lists, whole texts where the
parser places the sentence boundaries itself, and texts whose boundaries were set before it.
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


# ---------------------------------------------------------------- the parser's decoding
# Text written for this test: a long sentence (well over 60 tokens) with nested clauses, direct
# speech in quotes, a numbered list and a semicolon list, a heading without a verb, a very short
# sentence and an abbreviation with a full stop inside a sentence.
PARSE_SENTENCES = [
    "The governor of the province, who had flown in from the capital on Monday evening after "
    "the second of two car bombs tore through the crowded bus station near the central market, "
    "told reporters that at least 31 people, including nine children and an off-duty police "
    "officer, had been killed, and that security forces, which had been warned of an attack "
    "three days earlier, were now searching houses in the surrounding villages for the men "
    "who had planted them.",
    '"We will not leave until they release our sons," said Amina Yusuf, whose two sons were '
    'detained in the raid, as protesters chanted "Free them now!" outside the court.',
    "Witnesses listed the damage: (1) the mosque's minaret, (2) a clinic run by an aid group, "
    "and (3) forty shops; the roads to Gao, Ansongo and Menaka remained closed.",
    "Casualty figures",
    "It burned.",
    "Dr. Okafor of St. Mary's Hospital in Jos said U.S.-made rifles were found at the scene.",
]
PARSE_WHOLE = (
    "Police fired tear gas at students in Nairobi on Tuesday. Two were hurt \"The march was "
    "peaceful,\" a student leader said; the police said otherwise. In Kisumu, traders closed "
    "their shops. Then the rain came and the crowds went home\n\nCurfew declared in three "
    "counties A government spokesman confirmed it late at night"
)


def _parse(docs):
    return [[(t.head.i, t.dep_, t.is_sent_start) for t in d] for d in docs]


def _before_parser(nlp, texts, pipes=None):
    """Docs as the nlp stage hands them to the parser (tok2vec, tagger: what comes before it)."""
    docs = [nlp.make_doc(t) for t in texts]
    for name in pipes if pipes is not None else nlp.pipe_names[:nlp.pipe_names.index("parser")]:
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def _spacy_parse(nlp, docs, sub=16):
    parser = nlp.get_pipe("parser")
    for i in range(0, len(docs), sub):  # sorted by length as Parser.pipe does
        part = sorted(docs[i:i + sub], key=len)
        parser.set_annotations(part, parser.predict(part))
    return docs


def _our_parse(parser, docs, sub=16):
    """The same sub-batches through eventwire's loop, whatever their shape."""
    for i in range(0, len(docs), sub):
        part = sorted(docs[i:i + sub], key=len)
        parser.set_annotations(part, nlp_module._greedy_parse(parser, part))
    return docs


@pytest.fixture(scope="module")
def parser(nlp):
    if "parser" not in nlp.pipe_names:
        pytest.skip("no parser")
    return nlp.get_pipe("parser")


def test_the_parse_decoding_applies_to_the_installed_parser(nlp, parser):
    assert nlp.meta["eventwire_parser_blis"] is True
    assert nlp_module._own_parse_decoding(parser)


@pytest.mark.parametrize("batch", [PARSE_SENTENCES, PARSE_SENTENCES[:1], PARSE_SENTENCES[3:4],
                                   list(reversed(PARSE_SENTENCES)), PARSE_SENTENCES + SENTENCES])
def test_same_parse_as_spacys_loop_on_sentence_batches(nlp, parser, batch):
    with model_threads(nlp):
        theirs = _spacy_parse(nlp, _before_parser(nlp, batch))
        ours = _our_parse(parser, _before_parser(nlp, batch))
        piped = nlp_module._parser_pipe(parser, _before_parser(nlp, batch), batch_size=64)
    assert _parse(ours) == _parse(theirs)
    assert _parse(piped) == _parse(theirs)
    first = ours[0]
    assert sum(1 for t in first if t.dep_ == "ROOT") >= 1  # a real parse was compared
    if len(batch) > 1:
        deps = {t.dep_ for d in ours for t in d}
        assert {"nsubj", "dobj", "prep", "pobj", "punct", "conj"} <= deps


def test_same_parse_and_sentence_starts_on_a_whole_text(nlp, parser):
    """The parser over a whole text sets the sentence boundaries itself (its break move): they must
    come out the same, with run-on sentences, quotes and a heading without a full stop."""
    pipes = [n for n in nlp.pipe_names[:nlp.pipe_names.index("parser")]]
    with model_threads(nlp):
        theirs = _spacy_parse(nlp, _before_parser(nlp, [PARSE_WHOLE], pipes))
        ours = _before_parser(nlp, [PARSE_WHOLE], pipes)
        parser.set_annotations(ours, nlp_module._greedy_parse(parser, ours))  # one text alone: called directly
    assert _parse(ours) == _parse(theirs)
    assert sum(1 for _ in ours[0].sents) >= 3  # the parser broke the text into sentences


def test_same_parse_under_preset_sentence_boundaries(nlp, parser):
    """Boundaries the sentence splitter set first bind the parser (no arc across them, no new
    break where the splitter said no): the same in both loops."""
    pipes = ["senter", *nlp.pipe_names[:nlp.pipe_names.index("parser")]]
    with model_threads(nlp):
        theirs = _spacy_parse(nlp, _before_parser(nlp, [PARSE_WHOLE, WHOLE], pipes))
        ours = nlp_module._parser_pipe(parser, _before_parser(nlp, [PARSE_WHOLE, WHOLE], pipes), batch_size=64)
        split = _before_parser(nlp, [PARSE_WHOLE], ["senter"])[0]
    assert _parse(ours) == _parse(theirs)
    starts = [t.i for t in split if t.is_sent_start]
    assert [t.i for t in ours[0] if t.is_sent_start] == starts  # the splitter's boundaries were kept
    for sent in ours[0].sents:
        assert all(sent.start <= t.head.i < sent.end for t in sent)


def test_parse_sub_batches_and_empty_documents(nlp, parser):
    texts = ["", *(f"{s} Officials in Mombasa confirmed it on day {i}." for i, s in enumerate(PARSE_SENTENCES * 3)), ""]
    with model_threads(nlp):
        theirs = [_spacy_parse(nlp, _before_parser(nlp, texts[i:i + 8]), sub=2) for i in range(0, len(texts), 8)]
        ours = nlp_module._parser_pipe(parser, _before_parser(nlp, texts), batch_size=8)  # sub-batches of 2
    assert _parse(ours) == _parse([d for group in theirs for d in group])
    assert len(ours[0]) == 0 and len(ours[-1]) == 0


def _count_greedy_parse(monkeypatch):
    calls = []
    real = nlp_module._greedy_parse

    def counting(parser, docs):
        calls.append(len(docs))
        return real(parser, docs)

    monkeypatch.setattr(nlp_module, "_greedy_parse", counting)
    return calls


def test_one_long_document_keeps_spacys_loop_and_sentences_do_not(nlp, parser, monkeypatch):
    """A step costs the same in Python for one sentence or sixteen: a sub-batch that is one long
    text goes to spaCy's loop, sentences of similar length to ours."""
    calls = _count_greedy_parse(monkeypatch)
    with model_threads(nlp):
        nlp_module._parser_pipe(parser, _before_parser(nlp, [PARSE_WHOLE]), batch_size=64)
        nlp_module._parser_pipe(parser, _before_parser(nlp, [PARSE_WHOLE, "It burned."]), batch_size=64)
        assert calls == []
        nlp_module._parser_pipe(parser, _before_parser(nlp, PARSE_SENTENCES[1:3]), batch_size=64)
    assert calls == [2]


@pytest.mark.parametrize("scope", ["events", "all"])
def test_nlp_stage_uses_the_parse_decoding_unless_told_not_to(nlp, scope, monkeypatch):
    calls = _count_greedy_parse(monkeypatch)
    text = PARSE_WHOLE + "\n\n" + " ".join(PARSE_SENTENCES)

    def run():
        doc = Document(id="p", text=text, clean=text)
        nlp_module.run(doc, Settings(parse_scope=scope))
        sdoc = doc.spacy_doc
        return [(t.head.i, t.dep_, t.is_sent_start, t.tag_, t.lemma_) for t in sdoc], doc.meta.get("parsed_sentences")

    ours = run()
    assert bool(calls) is (scope == "events")  # "all": the whole text, one long document (spaCy's loop)
    monkeypatch.setenv("EVENTWIRE_DECODE", "spacy")
    calls.clear()
    theirs = run()
    assert not calls
    assert ours == theirs
