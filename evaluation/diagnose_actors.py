"""Why actor1/actor2 disagree with gold on matched events: a developer's view of `sitrep eval`'s actor fields.

Matches gold and extracted events exactly as `sitrep eval` does (evaluate.py's strict matching and the gold
set's actor aliases), then, for every matched event whose actor1 or actor2 differs, prints gold vs ours with
the sentence and the text span we took the actor from, grouped by kind of error, with counts.

    .venv/bin/sitrep ingest evaluation/dev/corpus --db sqlite:////tmp/dev.db -q
    .venv/bin/python evaluation/diagnose_actors.py evaluation/dev/gold --db sqlite:////tmp/dev.db \
        [--only "swapped roles"] [--role actor2]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate import (
    AliasTable,
    Extracted,
    match_gold,
)
from sitrep.extract.actors import COUNTRY_SLOT, UNIDENTIFIED, actor_dictionary, coding_conventions

ROLES = ("actor1", "actor2")
# Force kinds whose country is filled in after geocoding ("Military Forces of {country}").
FORCE_PREFIXES = tuple(force.prefix + " " for force in actor_dictionary().contextual)
UNKNOWN_FORCES = frozenset(force.unknown for force in actor_dictionary().contextual)


def _generic_names() -> frozenset[str]:
    """Names that say what kind of actor, not which one: the codebook's crowd and victim actors."""
    rules = coding_conventions()
    return frozenset({*rules.actor1_by_type.values(), rules.civilian_actor})


def _known_names() -> frozenset[str]:
    return frozenset(entry.name for entry in actor_dictionary().by_alias.values())


def _country_part(name: str) -> tuple[str, str] | None:
    """("Military Forces of ", "Mali") for "Military Forces of Mali"."""
    prefix = next((p for p in FORCE_PREFIXES if name.startswith(p)), None)
    return (prefix, name[len(prefix) :]) if prefix else None


def error_kind(
    role: str, gold: str | None, ours: str | None, other_gold: str | None, other_ours: str | None, aliases: AliasTable
) -> str | None:
    """The kind of disagreement between the gold and our actor for one role, or None when they agree."""
    g, o = aliases.canonical(gold), aliases.canonical(ours)
    if g == o:
        return None
    other_g, other_o = aliases.canonical(other_gold), aliases.canonical(other_ours)
    if g is None:
        return "spurious actor"
    if o is not None and (o == other_g or g == other_o):
        return "swapped roles"
    if o is None:
        return "missing actor"
    if o == UNIDENTIFIED or g == UNIDENTIFIED:
        return "unidentified vs named"
    if o in UNKNOWN_FORCES or COUNTRY_SLOT in o:
        return "no country for placeholder"
    ours_forces, gold_forces = _country_part(o), _country_part(g)
    if ours_forces and gold_forces and ours_forces[0] == gold_forces[0]:
        return "wrong country"
    generic = _generic_names()
    if (o in generic) != (g in generic):
        return "generic vs named"
    if o not in _known_names() and not ours_forces:
        return "unnormalised name"
    return "wrong actor"


def _describe(ex: Extracted, role: str) -> str:
    actor = ex.mention.actor(role)
    if actor is None:
        return "-"
    sentence = ex.mention.sentence
    elsewhere = actor.span is not None and not (sentence.start <= actor.span.start < sentence.end)
    span = (
        f" from «{actor.span.text}»"
        if actor.span
        else " (no span: a convention, the default doer of fill_actor_countries or derive_actors' default target)"
    )
    if elsewhere:
        # lent by share_document_doers, or voted by derive_actors from another report of the event
        span += " (another sentence: lent by share_document_doers or another report's vote)"
    return f"{actor.name} [{actor.actor_type}]{span}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--only", help="print only errors of this kind")
    parser.add_argument("--role", choices=ROLES, help="look at one role only")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    aliases = AliasTable(run.checks.get("actor_aliases", {}))
    matched = run.matched

    roles = (args.role,) if args.role else ROLES
    by_kind: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for ex, g in sorted(matched, key=lambda pair: (pair[1]["doc"], pair[1].get("id", ""))):
        ours = {role: (a.name if (a := ex.mention.actor(role)) else None) for role in ROLES}
        for role in roles:
            other = "actor2" if role == "actor1" else "actor1"
            kind = error_kind(role, g.get(role), ours[role], g.get(other), ours[other], aliases)
            actor = ex.mention.actor(role)
            if kind is not None and actor is not None and actor.name == UNIDENTIFIED and actor.span is None:
                # nothing found in the text: the violent-event default, not a reading of a phrase
                kind = "missing actor (default Unidentified)"
            if kind is None:
                correct[role] += 1
                continue
            counts[f"{role}: {kind}"] += 1
            by_kind[kind].append(
                f"{g['doc']} {g.get('id')} [{role}] {ex.mention.event_type}\n"
                f"    gold: actor1 {g.get('actor1')!r:40} actor2 {g.get('actor2')!r}\n"
                f"    ours: actor1 {_describe(ex, 'actor1')}\n"
                f"          actor2 {_describe(ex, 'actor2')}\n"
                f"    «{' '.join(ex.mention.sentence.text.split())[:220]}»"
            )
    for kind, lines in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        if args.only and kind != args.only:
            continue
        print(f"\n=== {kind} ({len(lines)}) ===")
        for line in lines:
            print(line)
    print(f"\nmatched events: {len(matched)}; correct: " + ", ".join(f"{r} {correct[r]}" for r in roles))
    print(json.dumps(dict(counts.most_common()), indent=1))


if __name__ == "__main__":
    main()
