"""Knowledge files are YAML read by one loader that refuses a key given twice in one mapping:
two cues of one name would otherwise silently replace each other (a "seizure" cue of weapons
hauls overwritten by a later "seizure" cue of captured towns broke four tests once)."""

from __future__ import annotations

import pytest
import yaml

from eventwire import resources


def test_a_key_given_twice_is_refused_with_its_line():
    text = "cues:\n  seizure: arms haul\n  battle: clashes\n  seizure: captured\n"
    with pytest.raises(yaml.YAMLError) as err:
        yaml.load(text, Loader=resources._UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    assert "seizure" in str(err.value) and "line 4" in str(err.value)


def test_distinct_keys_and_nested_mappings_load_as_before():
    text = "a: 1\nb:\n  a: 2\n  c: [1, 2]\n"
    assert yaml.load(text, Loader=resources._UniqueKeyLoader) == yaml.safe_load(text)  # noqa: S506


def test_it_stays_a_safe_loader():
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=resources._UniqueKeyLoader)  # noqa: S506


@pytest.mark.parametrize("name", ["triggers.yaml", "actor_patterns.yaml", "dedup.yaml", "events_modality.yaml",
                                  "events_fatalities.yaml", "furniture.yaml", "evaluation.yaml"])
def test_every_packaged_knowledge_file_has_unique_keys(name):
    assert resources.load_yaml(name)
