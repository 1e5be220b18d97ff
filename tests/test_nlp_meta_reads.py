"""The nlp stage reads its own keys of the model's meta (``eventwire_model``, ``eventwire_matmul``,
...) without spaCy's ``Language.meta`` getter, which rebuilds the pipeline's labels and vectors
info on every read (0.15 ms, several reads per document batch)."""

from __future__ import annotations

from eventwire.nlp import _meta, load_nlp
from eventwire.pipeline import Pipeline
from eventwire.models import Document


def test_own_keys_are_the_meta_getters():
    nlp = load_nlp()
    ours = {k: v for k, v in nlp.meta.items() if k.startswith("eventwire_")}
    assert "eventwire_model" in ours
    assert {k: _meta(nlp)[k] for k in ours} == ours


def test_a_batch_does_not_call_the_meta_getter(monkeypatch):
    nlp = load_nlp()
    cls = type(nlp)
    getter = cls.meta
    calls = []

    def counting(self):
        calls.append(1)
        return getter.fget(self)

    monkeypatch.setattr(cls, "meta", property(counting, getter.fset))
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate([
        "Soldiers shot dead two protesters in Gao on Tuesday, witnesses said.",
        "The council approved a new budget for the town's schools.",
        "Rebels attacked an army base near Beni overnight; three soldiers were killed.",
    ])]
    out = list(Pipeline(stages=("clean", "nlp")).pipe(docs, batch_size=3))
    assert calls == []
    assert [d.meta["model"] for d in out] == [getter.fget(nlp)["eventwire_model"]] * 3
    assert any(d.meta["parsed_sentences"] for d in out)  # the model did run on event sentences


def test_an_object_without_private_meta_falls_back_to_meta():
    class Stub:
        meta = {"eventwire_model": "stub"}

    assert _meta(Stub())["eventwire_model"] == "stub"
