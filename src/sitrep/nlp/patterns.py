"""Entity-ruler patterns built from the project's dictionaries (data, not code).

Acronyms and other all-capital aliases match case-sensitively ("SDF", not the
word "sdf"); everything else matches on lower case, so "al-Hol camp" and
"Al-Hol Camp" are the same pattern.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import Any

from sitrep.data import data_path, load_yaml

# Aliases that are also ordinary words in lower case ("us") must match exactly.
_CASE_SENSITIVE_MAX_LEN = 4


def _pattern(label: str, surface: str, ent_id: str) -> dict[str, Any]:
    if surface.isupper() or len(surface) <= _CASE_SENSITIVE_MAX_LEN:
        tokens = surface.split()
        return {"label": label, "pattern": [{"ORTH": t} for t in tokens], "id": ent_id}
    return {"label": label, "pattern": surface, "id": ent_id}


def alias_is_case_sensitive(alias: str) -> bool:
    """An outlet or source alias in capitals or of a few letters ("AFP", "AP") matches only as written."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return alias.isupper() or len(letters) <= _CASE_SENSITIVE_MAX_LEN


def outlet_patterns() -> list[dict[str, Any]]:
    """spaCy EntityRuler patterns (label ORG, id = canonical name) for every outlet alias."""
    patterns: list[dict[str, Any]] = []
    for entry in load_yaml("attribution.yaml").get("outlets", []):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            if alias_is_case_sensitive(alias):
                pattern: Any = [{"ORTH": token} for token in alias.split()]
            else:
                pattern = alias
            patterns.append({"label": "ORG", "pattern": pattern, "id": entry["name"]})
    return patterns


def actor_patterns() -> Iterator[dict[str, Any]]:
    for actor in load_yaml("actors.yaml")["actors"]:
        label = actor.get("entity_label", "ORG")
        for surface in [actor["name"], *actor.get("aliases", [])]:
            if actor.get("ruler", True) and surface[:1].isupper():
                yield _pattern(label, surface, actor["name"])


def site_patterns() -> Iterator[dict[str, Any]]:
    path = data_path("geo", "sites.csv")
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
            for surface in names:
                yield _pattern("FAC", surface.strip(), row["id"])


def entity_ruler_patterns() -> list[dict[str, Any]]:
    # Later sources win on identical surfaces: sites are more specific than actor names.
    by_surface: dict[str, dict[str, Any]] = {}
    for pattern in [*outlet_patterns(), *actor_patterns(), *site_patterns()]:
        key = repr(pattern["pattern"]).lower()
        by_surface[key] = pattern
    return list(by_surface.values())
