"""The attribute ruler's matches, found by an index instead of spaCy's Matcher, are the same.

eventwire replaces only how the ruler *finds* its matches (eventwire.nlp.AttributeIndex);
the ruler still applies them. So the check is on the match lists: for every document
the index must return exactly what spaCy's Matcher returns, in the ruler's order.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline.attributeruler import AttributeRuler

from eventwire.nlp import AttributeIndex, _index_attribute_ruler, load_nlp, model_threads
from eventwire.settings import Settings

# Written for this test: the ruler's special cases (contractions, "gonna", "y'all",
# "let's", expletive "there is", pronouns as subject and object, auxiliaries,
# "but" as an adverb, whitespace tokens), in news-like sentences.
TEXTS = [
    "There is no doubt the militants ain't gonna stop, a commander told us. Let's see, he said.",
    "Y'all should leave, the gunmen told villagers in Kidal before they set it on fire.\n\n"
    "It was the third attack this week; the army said it had been expecting it.",
    "Police said they did have the suspects' names but that nobody had been charged.  "
    "Do what you have to do, c'mon, the officer reportedly shouted at me and I ran.",
    "\"We gotta hold the line,\" said a Ukrainian soldier near Pokrovsk.   Which unit? That one.",
    "",
]


def _spacy_matches(ruler, doc):
    return sorted(set(AttributeRuler.match(ruler, doc)))


@pytest.mark.model
def test_index_finds_the_matchers_matches_on_the_model(monkeypatch):
    nlp = load_nlp(Settings())
    if "attribute_ruler" not in nlp.component_names:
        pytest.skip("no English model installed")
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, AttributeIndex)
    with model_threads(nlp):
        docs = [nlp(t, disable=["attribute_ruler", "lemmatizer", "ner"]) for t in TEXTS]
    total = 0
    for doc in docs:
        ours = ruler.match(doc)
        assert ours == _spacy_matches(ruler, doc)
        total += len(ours)
    assert total > 100  # the comparison covered real matches


def _blank_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_index_matches_every_operator_it_reads_on_a_blank_pipeline():
    patterns = [
        {"patterns": [[{"LOWER": "killed"}]], "attrs": {"LEMMA": "kill"}},
        {"patterns": [[{"LOWER": {"IN": ["troops", "soldiers"]}}]], "attrs": {"LEMMA": "force"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
        {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "SPACE"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}, {"LOWER": "attack"}]],
         "attrs": {"LEMMA": "attack"}, "index": 1},
    ]
    nlp, ruler = _blank_ruler(patterns)
    index = AttributeIndex(ruler)
    text = "Troops killed two. Y all gonna see,  one attack and the attack. Rebel attack on soldiers.\n\nDone"
    doc = nlp.make_doc(text)
    ours = index(doc)
    assert ours == _spacy_matches(ruler, doc)
    assert {i for i, *_ in ours} == set(range(len(patterns)))  # every pattern matched somewhere


def test_unknown_pattern_attribute_keeps_spacys_matcher():
    nlp, ruler = _blank_ruler([{"patterns": [[{"POS": "PROPN"}]], "attrs": {"LEMMA": "x"}}])
    assert _index_attribute_ruler(nlp) is False
    assert not isinstance(ruler.match, AttributeIndex)
