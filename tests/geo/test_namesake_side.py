"""namesake_on_the_stated_side: "X in the northern countryside of Y" is the namesake of X that lies north of Y."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km
from sitrep.geo.normalise import compass_bearings, stated_side


@pytest.mark.parametrize(
    ("sentence", "name", "said"),
    [
        (
            "Rebels overran Tell Qarmaz village in the southern countryside of Hamra on Monday.",
            "Tell Qarmaz",
            ("south", "Hamra"),
        ),
        ("Jets struck Zawiya 30 km north-west of Rasafa city overnight.", "Zawiya", ("northwest", "Rasafa")),
        ("Troops entered Qarmaz town in Hamra eastern countryside.", "Qarmaz", ("east", "Hamra")),
        ("Fighters took Qarmaz in al-Hamra's western outskirts.", "Qarmaz", ("west", "al-Hamra")),
        # A compass point written with a space, capitalised, or as an adjective states the same bearing.
        ("Shells fell on Qarmaz, 12 km North East of Hamra.", "Qarmaz", ("northeast", "Hamra")),
        ("Troops entered Qarmaz in the south western countryside of Hamra.", "Qarmaz", ("southwest", "Hamra")),
    ],
)
def test_the_side_a_sentence_states_is_read(sentence: str, name: str, said: tuple[str, str]) -> None:
    assert stated_side(sentence, name) == said


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # No direction said of the name: a direction later in the sentence is about something else.
        ("Shelling hit Qarmaz; later the army moved towards the north of Hamra.", "Qarmaz"),
        ("Convoys left Qarmaz and drove for hours across the desert before they reached northern Hamra.", "Qarmaz"),
        # A direction with no place named after or before it.
        ("Militants attacked Qarmaz from the south.", "Qarmaz"),
    ],
)
def test_no_side_is_read_where_none_is_said_of_the_name(sentence: str, name: str) -> None:
    assert stated_side(sentence, name) is None


def test_each_compass_point_of_the_language_has_its_bearing() -> None:
    assert compass_bearings() == {
        "north": 0.0,
        "northeast": 45.0,
        "east": 90.0,
        "southeast": 135.0,
        "south": 180.0,
        "southwest": 225.0,
        "west": 270.0,
        "northwest": 315.0,
    }


def test_a_word_of_no_bearing_states_no_side() -> None:
    assert stated_side("Troops entered Qarmaz in the central countryside of Hamra.", "Qarmaz") is None


def _resolved(gazetteer: Gazetteer, name: str, sentence: str, town: str) -> tuple[float, float]:
    context = GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=(name, town))
    place = gazetteer.resolve(name, context)
    assert place is not None
    return place.lat, place.lon


def test_the_namesake_on_the_stated_side_of_a_town_is_meant(gazetteer: Gazetteer) -> None:
    # Aleppo province holds two villages called Sheikh Issa: one north of Aleppo city, one south-east of it (a little
    # closer to the city); the one north of it is meant here.
    sentence = "Kurdish-led fighters seized Sheikh Issa village in the northern countryside of Aleppo this week."
    assert haversine_km(*_resolved(gazetteer, "Sheikh Issa", sentence, "Aleppo"), 36.479, 37.146) < 5


def test_the_other_side_picks_the_other_namesake(gazetteer: Gazetteer) -> None:
    sentence = "Kurdish-led fighters seized Sheikh Issa village in the southern countryside of Aleppo this week."
    assert haversine_km(*_resolved(gazetteer, "Sheikh Issa", sentence, "Aleppo"), 36.479, 37.146) > 25


def test_a_side_of_a_province_abroad_does_not_pull_a_namesake_at_home(gazetteer: Gazetteer) -> None:
    # "Ramadi, the capital of western Anbar": Iraq's Ramadi, not a Syrian village of that name west of Anbar's point.
    sentence = "Militants overran Ramadi, the provincial capital of western Anbar province, in a surprise attack."
    context = GeoContext(sentence=sentence, document_countries=("SY", "IQ"), nearby_places=("Ramadi", "Anbar province"))
    place = gazetteer.resolve("Ramadi", context)
    assert place is not None and place.country == "IQ"
