"""Casualty figures whose kind or size depends on the words around them: a part of a group ("three of the 12
passengers"), a figure with its own verb ("14 were killed, 25 were wounded"), members of a subset ("including a
child and a woman"), heads joined to the figure ("40 troops and militia", "13 others", "five more").

Sentences are invented for these tests in the style of wire and monitor reporting.
"""

from __future__ import annotations

import pytest

from sitrep.extract.quantities import fatalities, find_quantities


def _kinds(text: str) -> list[tuple[str, int | None]]:
    return [(q.kind, q.best if q.best is not None else q.low) for q in find_quantities(text)]


def _toll(text: str) -> int | None:
    toll = fatalities(find_quantities(text), text)
    return None if toll is None else (toll.best if toll.best is not None else toll.low)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # part_of_the_figure: the part counts, the figure is the whole group
        ("Three of the 12 passengers were hurt when the bus was hit.", [("wounded", 3)]),
        ("Two of the five guards were killed in the ambush.", [("killed", 2)]),
        # ... but "none of the" still counts nobody
        ("None of the 12 passengers was hurt.", [("wounded", 0)]),
        # own_casualty_verb: each figure takes the verb it is the subject of
        ("At least 14 people were killed 25 were wounded in the blast.", [("killed", 14), ("wounded", 25)]),
        ("Nine were killed, 30 were wounded and two are missing.", [("killed", 9), ("wounded", 30), ("missing", 2)]),
        # a head joined to the figure's shares its verb
        ("More than 40 troops and militia were killed in the counterattack.", [("killed", 41)]),
        ("Seven were killed and 13 others were injured.", [("killed", 7), ("wounded", 13)]),
        ("Five more civilians were killed in the next village.", [("killed", 5)]),
    ],
)
def test_the_kind_and_size_a_figures_own_words_give(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # subset_members: every member of "including ..." is one of the total, never the toll itself
        ("Seven civilians including a child and a woman were killed in the shelling.", 7),
        ("On Tuesday seven civilians including two children and a woman were killed.", 7),
        ("The strike killed 12 people, including two children and a woman.", 12),
        # a lower-case number word after a capitalised word is a count, not an identifier like "Tower 22"
        ("On Tuesday seven soldiers were killed near the border.", 7),
    ],
)
def test_the_toll_counts_the_total_not_its_members(text: str, toll: int) -> None:
    assert _toll(text) == toll


def test_identifiers_are_still_no_counts() -> None:
    assert find_quantities("Tower 22 was hit by a drone near the border.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # elided_noun_figure: the second figure shares the first's noun and verb, its place or time told instead
        ("Twenty guards were killed near the dam and another four outside the depot.", [("killed", 20), ("killed", 4)]),
        ("Two shepherds died in the first village and one in the town of Qarya.", [("killed", 2), ("killed", 1)]),
        (
            "Eight villagers were hurt in the north, six near the river and two more on the road.",
            [("wounded", 8), ("wounded", 6), ("wounded", 2)],
        ),
        ("Three workers were killed on Monday and two on Tuesday.", [("killed", 3), ("killed", 2)]),
        # a determiner of addition between a casualty verb and its figure keeps the verb's kind
        ("The blast killed four people and injured another eleven in the market.", [("killed", 4), ("wounded", 11)]),
    ],
)
def test_a_bare_figure_takes_the_noun_and_verb_of_the_figure_before_it(
    text: str, expected: list[tuple[str, int]]
) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired 12 rockets at the base and 3 on the airport.",  # the first figure counts things
        "Five soldiers were killed in 2014 and 12 in 2015.",  # years are no figures
        "Six miners were killed and another 40 sealed off in the tunnels.",  # a figure with a verb of its own
        "Ten people were killed and 3 separate inquiries opened.",  # a figure with a noun of its own
    ],
)
def test_a_bare_figure_is_no_casualty_without_a_casualty_figure_to_share(text: str) -> None:
    assert [k for k in _kinds(text) if k[0] in ("killed", "wounded")][1:] == []
