"""The ontology's event types and sub-types as Literals (generated from data/ontology.yaml: do not edit).

Regenerate with `python scripts/ontology_types.py --write`; tests/test_data_files.py fails when this module
and the ontology disagree.
"""

from __future__ import annotations

from typing import Final, Literal, TypeGuard, get_args

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

SubEventType = Literal[
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]

# Each type's sub-types, in the ontology's order.
SUB_EVENT_TYPES: Final[dict[EventType, tuple[SubEventType, ...]]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": (
        "Violent demonstration",
        "Mob violence",
    ),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPES: Final[frozenset[str]] = frozenset(get_args(EventType))
SUB_EVENT_TYPE_NAMES: Final[frozenset[str]] = frozenset(get_args(SubEventType))


def is_event_type(value: object) -> TypeGuard[EventType]:
    """Whether ``value`` is one of the ontology's event types."""
    return value in EVENT_TYPES


def is_sub_event_type(value: object) -> TypeGuard[SubEventType]:
    """Whether ``value`` is one of the ontology's sub-types."""
    return value in SUB_EVENT_TYPE_NAMES
