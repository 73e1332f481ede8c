"""Every data file loads, and the names one file uses for another's entries exist there.

A misspelt event type or sub-type in a rule file would silently make the rule never fire; these checks name
the file and the value instead. (Full schemas that reject unknown keys are the next step, issue 18.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.data import data_path, load_yaml

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
