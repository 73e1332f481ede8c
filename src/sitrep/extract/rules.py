"""Rule cascades: named rules registered by name, run in the order `data/rules.yaml` declares.

A cascade is an ordered list of small rules that each state one general pattern (their docstring) and are
tested with invented sentences. A module declares its cascade and registers each rule under a name:

    SIDES = Cascade[SideRule]("actors.verbal_sides")

    @SIDES.register("passive_subject")
    def passive_subject(clause: Clause) -> bool: ...

and runs `SIDES.rules()`: the registered functions, in the order of the cascade's `rules` list in
`data/rules.yaml`. The order is data; a name listed there but not registered, or registered but not listed,
is an error naming the cascade and the rule (as in spaCy's registry, nothing runs under a misspelt name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from sitrep.data import data_path, load_yaml

RULES_FILE = "rules.yaml"
RuleT = TypeVar("RuleT", bound=Callable[..., object])


class RuleRegistryError(ValueError):
    """A cascade's declared order and its registered rules disagree."""


_CASCADES: dict[str, Cascade[Callable[..., object]]] = {}


class Cascade(Generic[RuleT]):
    """One ordered cascade of named rules."""

    def __init__(self, name: str) -> None:
        if name in _CASCADES:
            raise RuleRegistryError(f"cascade {name!r} is declared twice")
        self.name = name
        self._registered: dict[str, RuleT] = {}
        self._ordered: tuple[RuleT, ...] | None = None
        _CASCADES[name] = self  # type: ignore[assignment]

    def register(self, rule_name: str) -> Callable[[RuleT], RuleT]:
        """A decorator registering a rule under ``rule_name`` in this cascade."""

        def decorate(rule: RuleT) -> RuleT:
            if rule_name in self._registered:
                raise RuleRegistryError(f"{self.name}: rule {rule_name!r} is registered twice")
            if not (rule.__doc__ or "").strip():
                raise RuleRegistryError(f"{self.name}: rule {rule_name!r} has no docstring stating its pattern")
            self._registered[rule_name] = rule
            self._ordered = None
            return rule

        return decorate

    def order(self) -> tuple[str, ...]:
        """The rule names in the order `data/rules.yaml` declares for this cascade."""
        entry = load_yaml(RULES_FILE).get(self.name)
        if not isinstance(entry, dict) or not isinstance(entry.get("rules"), list):
            raise RuleRegistryError(f"{data_path(RULES_FILE)}: no cascade {self.name!r} (an entry is {{doc, rules}})")
        return tuple(str(name) for name in entry["rules"])

    def rules(self) -> tuple[RuleT, ...]:
        """The registered rules in their declared order."""
        if self._ordered is None:
            order = self.order()
            unknown = [name for name in order if name not in self._registered]
            unlisted = [name for name in self._registered if name not in order]
            if unknown or unlisted or len(set(order)) != len(order):
                raise RuleRegistryError(
                    f"{data_path(RULES_FILE)}: cascade {self.name!r} lists unregistered rules {unknown}, "
                    f"leaves out registered rules {unlisted}, or lists one twice"
                )
            self._ordered = tuple(self._registered[name] for name in order)
        return self._ordered

    def named(self) -> dict[str, RuleT]:
        """The registered rules by name."""
        return dict(self._registered)


def cascades() -> dict[str, Cascade[Callable[..., object]]]:
    """Every cascade declared so far (those of the modules imported), by name."""
    return dict(_CASCADES)
