"""The model's matrix products go through numpy's BLAS, one thread, with the same annotations.

eventwire swaps thinc's BLIS products for numpy's (faster on the machines we
measured, docs/performance.md). That is only acceptable if nothing the later
stages read changes, and if the one-thread limit holds while the model runs and
is lifted afterwards (a program that imports eventwire keeps its own threads).
"""

from __future__ import annotations

import pytest

from eventwire.models import Document
from eventwire.nlp import _blas_controller, load_nlp, model_threads
from eventwire.settings import Settings

pytestmark = pytest.mark.model

# Sentences written for this test: long enough for several products per layer,
# with entities, a passive, numbers and a quoted claim.
SENTENCES = [
    "Gunmen on motorcycles attacked a market in Tillaberi region on Sunday, killing at least 17 "
    "traders and wounding 30 others, Niger's interior ministry said in a statement.",
    "Police in Nairobi fired tear gas at hundreds of protesters who marched on parliament against "
    "a proposed finance bill, witnesses told Reuters.",
    "The Sudanese Armed Forces said they had repelled an attack by the Rapid Support Forces on "
    "El Fasher, the capital of North Darfur state, late on Thursday.",
    "Two soldiers were killed when their vehicle struck a roadside bomb near the town of Kidal, "
    "the army said, adding that an operation was under way.",
]


def _annotations(docs):
    return [[(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in d] for d in docs]


@pytest.fixture(scope="module")
def nlp():
    nlp = load_nlp(Settings())
    if nlp.meta.get("eventwire_model") == "blank":
        pytest.skip("no English model installed")
    return nlp


def test_products_go_through_numpy_when_threadpoolctl_is_there(nlp):
    pytest.importorskip("threadpoolctl")
    assert nlp.meta["eventwire_matmul"] == "numpy"
    model = nlp.get_pipe("ner").model
    upper = {id(node) for node in model.get_ref("upper").walk()}
    ops = {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", "")) for node in model.walk() if id(node) not in upper}
    assert ops == {"NumpyOpsFalse"}
    # NER's output layer keeps BLIS, as spaCy's compiled decoding loop does (tests/test_nlp_decode.py)
    assert {type(node.ops).__name__ + str(node.ops.use_blis) for node in model.get_ref("upper").walk()} == {"NumpyOpsTrue"}


def test_annotations_identical_to_thincs_default_products(nlp):
    import spacy

    reference = spacy.load(nlp.meta["eventwire_model"])  # a fresh copy keeps thinc's BLIS products
    assert {n.ops.use_blis for n in reference.get_pipe("tok2vec").model.walk()} == {True}
    with model_threads(nlp):
        ours = list(nlp.pipe(SENTENCES))
    theirs = list(reference.pipe(SENTENCES))
    assert _annotations(ours) == _annotations(theirs)
    assert any(d.ents for d in ours)  # the comparison covered entities, not empty docs


def test_one_blas_thread_while_the_model_runs_then_restored(nlp):
    pytest.importorskip("threadpoolctl")
    controller = _blas_controller()
    blas = [lib for lib in controller.info() if lib["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy reports no BLAS library")
    before = [lib["num_threads"] for lib in blas]
    with model_threads(nlp):
        inside = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    after = [lib["num_threads"] for lib in controller.info() if lib["user_api"] == "blas"]
    assert inside == [1] * len(blas)
    assert after == before


def test_blis_kept_when_asked(monkeypatch):
    import spacy

    from eventwire.nlp import _use_numpy_matmul

    monkeypatch.setenv("EVENTWIRE_MATMUL", "blis")
    blank = spacy.blank("en")
    assert _use_numpy_matmul(blank) == "blis"


def test_pipeline_runs_under_the_limit_end_to_end(nlp):
    from eventwire.pipeline import Pipeline

    doc = Pipeline(Settings())(Document(id="t", text=SENTENCES[0] + " " + SENTENCES[3]))
    assert doc.events, "the attack in Tillaberi should be extracted"
