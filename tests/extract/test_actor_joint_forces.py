"""host_state_leads_a_joint_act: an act told as done by two states' forces together, or by either of them, is coded
to the forces of the state it happens in; away from both, to the first named. The whole pipeline, since the
country comes from geocoding. Invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.pipeline import process_document


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def first_doer(text: str, gazetteer: Gazetteer) -> str | None:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    doer = mentions[0].actor("actor1")
    return doer.name if doer is not None else None


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Syrian jets bombed a bakery in the town of Saraqeb on Monday, killing nine people.",
        "A market in the city of Idlib was hit by Russian or Syrian warplanes on Friday, killing six shoppers.",
        "Syrian and Russian aircraft struck a clinic in the town of Jisr al-Shughur on Tuesday, killing four.",
        "Twelve farmers were killed in Russian and Syrian air raids on a village near Idlib on Sunday.",
    ],
)
def test_a_joint_strike_in_the_allys_host_state_is_the_host_states(text: str, gazetteer: Gazetteer) -> None:
    assert first_doer(text, gazetteer) == "Military Forces of Syria"


def test_a_joint_strike_away_from_both_states_is_the_first_nameds(gazetteer: Gazetteer) -> None:
    text = "Jordanian and American jets struck a depot near the Iraqi city of Mosul on Friday, killing ten fighters."
    assert first_doer(text, gazetteer) == "Military Forces of Jordan"


def test_one_foreign_states_strike_stays_its_own(gazetteer: Gazetteer) -> None:
    text = "Russian jets bombed a bakery in the town of Saraqeb on Monday, killing nine people."
    assert first_doer(text, gazetteer) == "Military Forces of Russia"


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Syrian regime jets struck the town of Saraqeb in Idlib province on Monday, killing 12 civilians.",
        "Syrian and Russian warplanes bombed a school in the town of Ariha on Tuesday, killing five pupils.",
    ],
)
def test_the_ally_of_a_joint_strike_is_its_associate_not_the_leader_again(text: str, gazetteer: Gazetteer) -> None:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    mention = process_document(document, gazetteer).mentions[0]
    doer, associate = mention.actor("actor1"), mention.actor("assoc_actor1")
    assert doer is not None and doer.name == "Military Forces of Syria"
    assert associate is not None and associate.name == "Military Forces of Russia"
