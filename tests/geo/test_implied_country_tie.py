"""A text that names no country: the countries its village names imply, and what a tie between them says."""

from __future__ import annotations

from sitrep.geo import Gazetteer
from sitrep.geo.index import _without_tie


def test_a_village_name_two_countries_share_implies_neither(gazetteer: Gazetteer) -> None:
    # Madaya is a town of Syria and of Myanmar (and a village of the Philippines): alone, it says nothing of where.
    assert gazetteer.document_countries("Shelling hit Madaya overnight.") == []


def test_a_second_name_breaks_the_tie(gazetteer: Gazetteer) -> None:
    text = "Shelling hit the town of Madaya overnight, witnesses in Zabadani said."
    assert gazetteer.document_countries(text)[:1] == ["SY"]


def test_a_tie_is_broken_by_names_many_countries_hold_not_by_the_alphabet() -> None:
    votes = {"AF": 0.5, "SY": 0.5}
    assert list(_without_tie(votes, {"SY": 0.25, "AF": 0.2})) == ["AF", "SY"]
    broken = _without_tie(votes, {"SY": 0.25, "AF": 0.2})
    assert max(broken, key=lambda c: broken[c]) == "SY"


def test_a_tie_nothing_breaks_implies_no_country() -> None:
    assert _without_tie({"AF": 0.5, "SY": 0.5}, {}) == {}
    assert _without_tie({"AF": 1.0, "SY": 0.5}, {}) == {"AF": 1.0, "SY": 0.5}
