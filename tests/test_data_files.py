"""Every data file loads, matches its schema, and the names one file uses for another's entries exist there.

A misspelt key, event type or sub-type in a rule file would silently make the rule never fire; these checks
name the file and the key path instead. The schemas are in sitrep/data/schemas.py.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

import sitrep.data
from sitrep.data import data_path, load_yaml
from sitrep.data.ontology_types import SUB_EVENT_TYPES, EventType, SubEventType, is_event_type, is_sub_event_type
from sitrep.data.schemas import SCHEMAS, DataFileError, schema_for, validate

DATA = data_path("ontology.yaml").parent
YAML_FILES = sorted(DATA.rglob("*.yaml"))
# PLOVER's event categories (openeventdata/PLOVER, codebook 0.6; see docs/plover.md).
PLOVER_CATEGORIES = {
    "AGREE", "ASSAULT", "AID", "ACCUSE", "CONCEDE", "COERCE", "CONSULT", "DEMAND", "DISAPPROVE", "ENGAGE",
    "FIGHT", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
}  # fmt: skip


def ontology() -> dict[str, dict[str, str]]:
    return dict(load_yaml("ontology.yaml")["event_types"])


def sub_types() -> set[str]:
    return {sub for subs in ontology().values() for sub in subs}


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """Every (path, key, value) of a loaded YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{path}/{key}", key, value
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield f"{path}[{index}]", index, value
            yield from walk(value, f"{path}[{index}]")


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_loads_as_a_mapping(path: Path) -> None:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), f"{path}: a data file is a mapping of named entries"


def test_the_ontology_gives_every_sub_type_one_type_and_a_plover_category() -> None:
    assert ontology(), "the ontology has no event types"
    seen: dict[str, str] = {}
    for event_type, subs in ontology().items():
        for sub, plover in subs.items():
            assert sub not in seen, f"{sub!r} under both {seen[sub]!r} and {event_type!r}"
            seen[sub] = event_type
            assert plover in PLOVER_CATEGORIES, f"{event_type} / {sub}: unknown PLOVER category {plover!r}"


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_event_types_and_sub_types_named_in_rules_exist(path: Path) -> None:
    types, subs = ontology(), sub_types()
    problems = []
    root = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for where, _key, value in [("", None, root), *walk(root)]:
        if not isinstance(value, dict):
            continue
        event_type, sub = value.get("event_type"), value.get("sub_event_type")
        if isinstance(event_type, str) and event_type not in types:
            problems.append(f"{where}: unknown event type {event_type!r}")
        elif isinstance(event_type, str) and isinstance(sub, str) and sub not in types[event_type]:
            problems.append(f"{where}: {sub!r} is not a sub-type of {event_type!r}")
        for key, names in value.items():
            if str(key).endswith("sub_event_types") or str(key).endswith("sub_types"):
                problems += [f"{where}/{key}: unknown sub-type {n!r}" for n in names if n not in subs]
    assert not problems, "\n".join(problems)


def test_typing_constraints_and_export_modes_name_real_types() -> None:
    raw = load_yaml("ontology.yaml")
    types, subs = set(ontology()), sub_types()
    constraints = raw["typing_constraints"]
    assert constraints["trigger_family"] and types and subs
    for family, allowed in constraints["trigger_family"].items():
        assert set(allowed) <= types, f"trigger_family {family}: {set(allowed) - types}"
    assert set(constraints["no_weapon_no_remote_violence"]) <= types
    for name, rule in constraints.items():
        if isinstance(rule, dict) and "types" in rule:
            assert set(rule["types"]) <= types, f"typing constraint {name}: {set(rule['types']) - types}"
    modes = load_yaml("exports.yaml")["plover_mode"]
    assert set(modes) <= subs, f"exports.yaml plover_mode: {set(modes) - subs}"


def test_a_misspelt_sub_type_in_a_rule_is_caught(tmp_path: Path) -> None:
    # The checker itself: a rule naming a sub-type the ontology lacks is reported with its place.
    rule = {"rules": [{"name": "x", "event_type": "Battles", "sub_event_type": "Armed clashes"}]}
    found = [(where, value) for where, _k, value in walk(rule) if isinstance(value, dict) and "sub_event_type" in value]
    assert found == [("/rules[0]", rule["rules"][0])]
    assert found[0][1]["sub_event_type"] not in ontology()["Battles"]


def relative(path: Path) -> str:
    return path.relative_to(DATA).as_posix()


def loaded(name: str) -> Any:
    """A fresh copy of a data file, to be spoiled by a test."""
    return copy.deepcopy(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))


def test_there_are_data_files_to_check() -> None:
    assert len(YAML_FILES) >= len(SCHEMAS)


@pytest.mark.parametrize("path", YAML_FILES, ids=relative)
def test_every_data_file_has_a_schema_and_matches_it(path: Path) -> None:
    name = relative(path)
    assert schema_for(name) is not None, f"{name} has no schema: add one to SCHEMAS in sitrep/data/schemas.py"
    validate(name, yaml.safe_load(path.read_text(encoding="utf-8")))


def test_every_registered_schema_has_its_file() -> None:
    assert not [name for name in SCHEMAS if not (DATA / name).is_file()]


def test_an_unknown_key_is_named_with_its_file_and_path() -> None:
    data = loaded("resolve.yaml")
    data["thresholds"]["merge_below"] = 0.4
    with pytest.raises(DataFileError, match=r"data/resolve\.yaml[\s\S]*thresholds/merge_below: unknown key"):
        validate("resolve.yaml", data)


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("incidents.yaml", []),
        ("attribution.yaml", ["outlets", 0]),
        ("ontology.yaml", ["typing_constraints", "remote_weapon_attack_is_remote_violence"]),
    ],
)
def test_the_stages_own_key_checks_are_the_schemas(name: str, where: list[str | int]) -> None:
    # These stages once checked their keys themselves; the schema is now the one check.
    data = loaded(name)
    entry = data
    for step in where:
        entry = entry[step]
    entry["misspelt_key"] = 1
    with pytest.raises(DataFileError, match="misspelt_key: unknown key"):
        validate(name, data)


def test_a_missing_key_is_named() -> None:
    data = loaded("contradictions.yaml")
    del data["max_figure_ratio"]
    with pytest.raises(DataFileError, match="max_figure_ratio: missing key"):
        validate("contradictions.yaml", data)


def test_a_misspelt_sub_type_in_a_trigger_is_rejected() -> None:
    data = loaded("ontology.yaml")
    data["triggers"][0]["sub_event_type"] = "Armed clashes"
    with pytest.raises(DataFileError, match=r"triggers/0/sub_event_type"):
        validate("ontology.yaml", data)


def test_a_sub_type_of_another_type_is_rejected() -> None:
    data = loaded("ontology.yaml")
    trigger = data["triggers"][0]
    trigger["event_type"], trigger["sub_event_type"] = "Protests", "Air/drone strike"
    with pytest.raises(DataFileError, match="'Air/drone strike' is not a sub-type of 'Protests'"):
        validate("ontology.yaml", data)


def test_a_word_yaml_reads_as_a_boolean_is_rejected() -> None:
    # An unquoted `on` or `no` in a YAML 1.1 list is True/False, so the word would never match.
    data = yaml.safe_load("heads: [road]\nmodifier_labels: []\nlocatives: [in, on]\ninstitution_words: []\n"
                          "feature_heads: []\nnot_place_words: []\nowner_nouns: []\nsponsor_participles: []\n"
                          "apposition_words: []\n")  # fmt: skip
    with pytest.raises(DataFileError, match=r"locatives/1: True is not a word .*quote it"):
        validate("place_phrases.yaml", data)


def test_an_alias_shared_by_two_actors_is_rejected() -> None:
    data = loaded("actors.yaml")
    first, second = data["actors"][0], data["actors"][1]
    second.setdefault("aliases", []).append(first["name"].upper())
    with pytest.raises(DataFileError, match="aliases naming more than one actor"):
        validate("actors.yaml", data)


def test_a_lexicon_file_of_any_language_has_the_word_list_schema() -> None:
    good = {"speech_lemmas": {"doc": "Verbs whose subject is a speaker.", "words": ["dire", "annoncer"]}}
    validate("fr/attribution.yaml", good)
    with pytest.raises(DataFileError, match="speech_lemmas/doc: missing key"):
        validate("fr/attribution.yaml", {"speech_lemmas": {"words": ["dire"]}})
    with pytest.raises(DataFileError, match="speech_lemmas/word: unknown key"):
        validate("fr/attribution.yaml", {"speech_lemmas": {"doc": "x", "words": ["dire"], "word": "annoncer"}})
    assert schema_for("geo/other.yaml") is None, "geo/ is not a language"


def test_load_yaml_checks_the_file_it_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "datelines.yaml").write_text("max_prefix_chars: 40\npatterns: []\npattern: x\n", encoding="utf-8")
    monkeypatch.setattr(sitrep.data, "DATA_DIR", tmp_path)
    monkeypatch.setenv("SITREP_DATA_CHECKS", str(tmp_path / "checked"))
    load_yaml.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"data/datelines\.yaml[\s\S]*pattern: unknown key"):
            load_yaml("datelines.yaml")
        # A file that passed is recorded, and read again without a second check.
        (tmp_path / "datelines.yaml").write_text("max_prefix_chars: 40\npatterns: [x]\n", encoding="utf-8")
        assert load_yaml("datelines.yaml") == {"max_prefix_chars": 40, "patterns": ["x"]}
        assert len(list((tmp_path / "checked").iterdir())) == 1
    finally:
        load_yaml.cache_clear()


def _generator() -> Any:
    script = Path(__file__).resolve().parents[1] / "scripts" / "ontology_types.py"
    spec = importlib.util.spec_from_file_location("ontology_types_script", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_ontology_types_match_the_ontology() -> None:
    generator = _generator()
    assert generator.TARGET.read_text(encoding="utf-8") == generator.generated(), (
        "sitrep/data/ontology_types.py is stale: run python scripts/ontology_types.py --write"
    )
    assert list(get_args(EventType)) == list(ontology())
    assert list(get_args(SubEventType)) == [sub for subs in ontology().values() for sub in subs]
    assert {t: list(s) for t, s in SUB_EVENT_TYPES.items()} == {t: list(s) for t, s in ontology().items()}


def test_the_typing_model_labels_are_the_ontology_s_pairs() -> None:
    # The trained model's labels are the other way a type enters a mention: each a type and one of its sub-types.
    from sitrep.extract.typing_model import NOT_AN_EVENT, split_label

    labels = json.loads(data_path("models", "typing.meta.json").read_text(encoding="utf-8"))["labels"]
    events = [label for label in labels if label != NOT_AN_EVENT]
    assert events, "the typing model has no event labels"
    for label in events:
        event_type, sub = split_label(label)
        assert is_event_type(event_type), label
        assert is_sub_event_type(sub) and sub in SUB_EVENT_TYPES[event_type], label


def test_a_value_is_checked_against_the_ontology_at_a_boundary() -> None:
    assert is_event_type("Battles") and is_sub_event_type("Armed clash")
    assert not is_event_type("") and not is_event_type("Battle") and not is_sub_event_type("Armed clashes")


def test_a_word_list_its_stage_reads_with_a_default_may_leave_its_file() -> None:
    # A list moved to data/<lang>/ leaves attribution.yaml; a setting the stage indexes directly may not leave.
    data = loaded("attribution.yaml")
    del data["speech_verbs"]
    validate("attribution.yaml", data)
    data = loaded("dates.yaml")
    del data["months"]
    with pytest.raises(DataFileError, match="months: missing key"):
        validate("dates.yaml", data)
