"""Grouping claims without comparing every pair gives exactly the groups and contradictions of comparing every pair."""

from __future__ import annotations

import random
from functools import partial
from itertools import combinations

from sitrep.model import AttributionChain, Claim, Quantity, Source, Span
from sitrep.resolve.claims import (
    _position,
    connected_groups,
    disputes_apart,
    group_claims,
    group_topic,
    pair_contradictions,
    same_quantity,
)
from sitrep.resolve.config import load_config
from sitrep.resolve.contradictions import one_per_field

TOPICS = [
    ("toll:killed:idlib", "Idlib", "killed"),
    ("toll:killed:Idlib", "Idlib", "killed"),  # the same place spelt another way
    ("toll:killed:syria", "Syria", "killed"),  # a country's toll: never disputed across articles
    ("toll:wounded:aleppo", "Aleppo", "wounded"),
    ("fight:unspecified actor", None, "count"),  # names nobody: compared within its article only
    ("", "Aleppo", "killed"),
    ("", None, "troops"),
    ("", None, ""),
]
SUBJECTS = [
    "people killed in the market",
    "soldiers deployed to the northern front",
    "soldiers sent to the front",
    "attacks on the base",
    "people wounded",
]


def random_claims(rng: random.Random, n: int) -> list[Claim]:
    claims = []
    for i in range(n):
        topic, scope, kind = rng.choice(TOPICS)
        doc = f"doc{rng.randrange(6)}"
        start = rng.choice([0, 100, 200])
        figure = rng.choice([None, 3, 10, 12, 40])
        claims.append(
            Claim(
                id=f"c{i:03d}",
                doc=doc,
                subject=rng.choice(SUBJECTS),
                scope=scope,
                quantity=Quantity("people", figure, figure, figure, kind=kind) if figure is not None else None,
                sentence=Span(doc, start, start + 50),
                chain=AttributionChain([Source(rng.choice(["Outlet A", "Outlet B", "a ministry"]), "outlet")]),
                modality=rng.choice(["asserted", "asserted", "reported", "denied"]),  # type: ignore[arg-type]
                topic=topic,
            )
        )
    return claims


def every_pair_groups(claims: list[Claim]) -> list[list[str]]:
    """Single-link grouping comparing every pair, in first-seen order (the rule stated plainly)."""
    cfg = load_config()
    group_of = list(range(len(claims)))
    for i, j in combinations(range(len(claims)), 2):
        if same_quantity(claims[i], claims[j], cfg):
            old, new = group_of[j], group_of[i]
            group_of = [new if g == old else g for g in group_of]
    groups: dict[int, list[str]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(group_of[i], []).append(claim.id)
    return list(groups.values())


def test_groups_are_those_of_comparing_every_pair() -> None:
    cfg = load_config()
    for seed in range(25):
        claims = random_claims(random.Random(seed), 40)
        found = [[c.id for c in group] for group in connected_groups(claims, cfg)]
        assert found == every_pair_groups(claims), seed


def test_contradictions_are_those_of_comparing_every_pair_of_a_group() -> None:
    cfg = load_config()
    for seed in range(25):
        claims = random_claims(random.Random(100 + seed), 40)
        for group in group_claims(claims, cfg):
            pairs = [c for a, b in combinations(group.claims, 2) for c in pair_contradictions(a, b, cfg)]
            by_id = {c.id: c for c in group.claims}
            assert group.topic == group_topic(group.claims)
            position = partial(_position, by_id)
            expected = [entry for part in disputes_apart(pairs) for entry in one_per_field(part, position)]
            assert group.contradictions == expected, seed


def test_thousands_of_country_tolls_form_one_group_with_no_dispute_across_articles() -> None:
    cfg = load_config()
    claims = [
        Claim(
            id=f"c{i}",
            doc=f"doc{i}",
            subject="people killed in Syria",
            scope="Syria",
            quantity=Quantity("people", 10 + i, 10 + i, 10 + i, kind="killed"),
            sentence=Span(f"doc{i}", 0, 40),
            topic="toll:killed:syria",
        )
        for i in range(3000)
    ]
    [group] = group_claims(claims, cfg)
    assert len(group.claims) == 3000 and group.contradictions == []
