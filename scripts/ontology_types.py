"""Writes src/sitrep/data/ontology_types.py, the ontology's event types and sub-types as Literals, from
src/sitrep/data/ontology.yaml. A test fails when the two disagree, so change the YAML, then run this.

    python scripts/ontology_types.py            # print the module
    python scripts/ontology_types.py --write    # replace src/sitrep/data/ontology_types.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "src" / "sitrep" / "data" / "ontology.yaml"
TARGET = ROOT / "src" / "sitrep" / "data" / "ontology_types.py"


def _literal(name: str, values: list[str]) -> list[str]:
    return [f"{name} = Literal[", *(f"    {json.dumps(value)}," for value in values), "]"]


def module_text(ontology: dict[str, dict[str, str]]) -> str:
    types = list(ontology)
    subs = [sub for event_type in types for sub in ontology[event_type]]
    lines = [
        '"""The ontology\'s event types and sub-types as Literals (generated from data/ontology.yaml: do not edit).',
        "",
        "Regenerate with `python scripts/ontology_types.py --write`; tests/test_data_files.py fails when this module",
        "and the ontology disagree.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final, Literal, TypeGuard, get_args",
        "",
        *_literal("EventType", types),
        "",
        *_literal("SubEventType", subs),
        "",
        "# Each type's sub-types, in the ontology's order.",
        "SUB_EVENT_TYPES: Final[dict[EventType, tuple[SubEventType, ...]]] = {",
    ]
    for event_type in types:
        lines.append(f"    {json.dumps(event_type)}: (")
        lines += [f"        {json.dumps(sub)}," for sub in ontology[event_type]]
        lines.append("    ),")
    lines += [
        "}",
        "EVENT_TYPES: Final[frozenset[str]] = frozenset(get_args(EventType))",
        "SUB_EVENT_TYPE_NAMES: Final[frozenset[str]] = frozenset(get_args(SubEventType))",
        "",
        "",
        "def is_event_type(value: object) -> TypeGuard[EventType]:",
        '    """Whether ``value`` is one of the ontology\'s event types."""',
        "    return value in EVENT_TYPES",
        "",
        "",
        "def is_sub_event_type(value: object) -> TypeGuard[SubEventType]:",
        '    """Whether ``value`` is one of the ontology\'s sub-types."""',
        "    return value in SUB_EVENT_TYPE_NAMES",
        "",
    ]
    return "\n".join(lines)


def generated() -> str:
    raw = yaml.safe_load(ONTOLOGY.read_text(encoding="utf-8"))
    return module_text(raw["event_types"])


def main() -> int:
    text = generated()
    if "--write" in sys.argv[1:]:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
