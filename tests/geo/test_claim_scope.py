"""Where a claim that names no place is about: the town it points back at, else the report's country."""

from __future__ import annotations

from sitrep.geo.inherit import scope_unplaced_claims
from sitrep.model import Claim, Mention, Quantity, Span
from tests.resolve.resolve_fixtures import mention


def toll(text: str, start: int, topic: str = "toll:killed:") -> Claim:
    return Claim(
        id=f"c{start}",
        doc="d",
        subject="people killed",
        scope=None,
        topic=topic,
        quantity=Quantity("people", None, 40, None, kind="killed"),
        sentence=Span("d", start, start + len(text), text),
    )


def strike_in_idlib() -> Mention:
    """A strike whose sentence names Idlib at characters 10-15 of document "d"."""
    strike = mention("m", where="Idlib", doc="d")
    strike.places[0].span = Span("d", 10, 15, "Idlib")
    return strike


def test_a_claim_about_the_city_is_about_the_town_named_before_it() -> None:
    strike = strike_in_idlib()
    claim = toll("40 people have died at the one hospital still working in the city since May.", 100)
    scope_unplaced_claims([claim], [strike], "Syria")
    assert (claim.scope, claim.topic) == ("Idlib", "toll:killed:idlib")


def test_a_claim_that_names_no_place_is_about_the_reports_country() -> None:
    strike = strike_in_idlib()
    war = toll("The war has killed tens of thousands of people.", 100)
    scope_unplaced_claims([war], [strike], "Syria")
    assert (war.scope, war.topic) == ("Syria", "toll:killed:syria")


def test_a_claim_with_its_own_scope_or_a_non_place_topic_is_left_alone() -> None:
    placed = toll("40 people were killed in Aleppo.", 100, topic="toll:killed:aleppo")
    placed.scope = "Aleppo"
    by_actor = toll("The group has carried out 40 attacks.", 200, topic="assault:Unidentified Armed Group")
    scope_unplaced_claims([placed, by_actor], [], "Syria")
    assert (placed.topic, by_actor.scope) == ("toll:killed:aleppo", None)
    assert by_actor.topic == "assault:Unidentified Armed Group"
