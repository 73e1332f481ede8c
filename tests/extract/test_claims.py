"""Statements that are not one event become claims: running tolls, displacement, population, intentions."""

from __future__ import annotations

import pytest

from tests.extract.test_events import extract


@pytest.mark.parametrize(
    ("text", "low", "best"),
    [
        ("Since 10 May, at least 192 people have been killed and over 1,230 injured in El Fasher.", 192, None),
        ("Gaza's Health Ministry says more than 40,400 Palestinians have been killed in the war.", 40401, None),
        ("Amnesty International said at least 13 protesters were killed nationwide on Thursday.", 13, None),
    ],
)
def test_a_running_toll_is_a_claim_and_not_an_event(text: str, low: int, best: int | None) -> None:
    result = extract(text)
    assert result.mentions == []
    figures = [(c.quantity.low, c.quantity.best) for c in result.claims if c.quantity]
    assert (low, best) in figures


def test_a_clash_beside_a_toll_is_still_an_event() -> None:
    result = extract(
        "Israeli and Hezbollah fighters clashed near the border village of Maroun al-Ras, where the military "
        "said it had killed about 45 fighters over the past day."
    )
    assert [m.event_type for m in result.mentions] == ["Battles"]


@pytest.mark.parametrize(
    ("text", "subject", "low", "best"),
    [
        ("About 130,000 people have been displaced from El Fasher since April.", "people displaced", 117000, 130000),
        ("Some 8,000 people have fled to Chad over the past week, the UN said.", "people displaced", None, 8000),
        ("Idlib province is home to around four million people.", "population", 3600000, 4000000),
        ("The US has around 900 troops in Syria.", "troops", 810, 900),
    ],
)
def test_figures_about_people_and_forces_are_claims(text: str, subject: str, low: int | None, best: int) -> None:
    result = extract(text)
    claim = next(c for c in result.claims if c.quantity is not None)
    assert claim.subject.startswith(subject)
    assert (claim.quantity.low, claim.quantity.best) == (low, best)  # type: ignore[union-attr]


def test_a_stated_intention_is_a_planned_claim() -> None:
    result = extract('The army chief vowed on Monday to fight "until the last rebel is defeated".')
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.modality == "planned"
    vowed = extract("The Yemeni army has vowed further action against shipping.")
    assert vowed.mentions == [] and vowed.claims[0].subject.startswith("vow")
