"""A report that writes "X province" and names a town in it often writes the province as bare "X", which reads as the
province's seat; its unplaced sentences happened in the town it names, not in the seat
(sitrep.geo.inherit.inherit_places, province_seat_as_its_province)."""

from __future__ import annotations

from sitrep.geo.inherit import inherit_places
from sitrep.model import INHERITED_ROLE, Mention, Place
from tests.geo.strike_reports import strike_report as mention

# Invented: a province Varosh with its seat Varosh and a town Tel Minar in it.
PROVINCE = Place("t:admin1:varosh", "Varosh", "SY", 35.7, 36.7, "admin1", admin1="Varosh")
SEAT = Place("t:varosh", "Varosh", "SY", 35.9, 36.6, "town", admin1="Varosh")
TOWN = Place("t:telminar", "Tel Minar", "SY", 35.4, 36.6, "town", admin1="Varosh")
ELSEWHERE = Place("t:qandil", "Qandil", "SY", 33.5, 36.3, "town", admin1="Rif Qandil")


def inherited(found: Mention) -> list[Place | None]:
    return [pm.place for pm in found.places if pm.role == INHERITED_ROLE]


def sentences(town_name: str, province: str = "Varosh province") -> list[str]:
    return [
        f"Jets struck {town_name} in {province}.",
        "Varosh has seen heavy bombing.",
        "Rebels in Varosh denied it.",
        "Later the strikes hit a clinic in the town.",
    ]


def report(town: Place, town_name: str, province: str = "Varosh province") -> list[Mention]:
    written = sentences(town_name, province)
    text = " ".join(written)
    return [
        mention(0, text, written[0], [(town_name, town), (province, PROVINCE)]),
        mention(1, text, written[1], [("Varosh", SEAT)]),
        mention(2, text, written[2], [("Varosh", SEAT)]),
        mention(3, text, written[3], []),
    ]


def test_the_town_a_report_names_in_a_province_is_its_place_not_the_province_seat() -> None:
    mentions = report(TOWN, "Tel Minar")
    text = " ".join(sentences("Tel Minar"))
    inherit_places(mentions, {m.id: number for number, m in enumerate(mentions)}, most_named="SY", text=text)
    assert inherited(mentions[3]) == [TOWN]


def test_the_seat_stays_the_place_when_the_report_names_no_other_town_in_its_province() -> None:
    mentions = report(ELSEWHERE, "Qandil")
    text = " ".join(sentences("Qandil"))
    inherit_places(mentions, {m.id: number for number, m in enumerate(mentions)}, most_named="SY", text=text)
    assert inherited(mentions[3]) == [SEAT]


def test_the_province_written_before_its_name_counts_too() -> None:
    mentions = report(TOWN, "Tel Minar", "the province of Varosh")
    text = " ".join(sentences("Tel Minar", "the province of Varosh"))
    inherit_places(mentions, {m.id: number for number, m in enumerate(mentions)}, most_named="SY", text=text)
    assert inherited(mentions[3]) == [TOWN]
