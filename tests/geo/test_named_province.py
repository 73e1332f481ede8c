"""Names in context: the province a document names decides between a name spelled as written elsewhere and
another romanisation of a place in that province; a look-alike next door is taken only near the places named; and
a word in construct ("Khirbat X", written "Khirba X") is the same word. Invented sentences, real places."""

from __future__ import annotations

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import GeoContext

SALAMIYAH_HAMA = (35.011, 37.053)  # As Salamiyah, Hama province; a village spelled "Salmiyah" lies in Latakia
BUSAYRAH_DEIR_EZZOR = (35.156, 40.427)  # Al Busayrah, Deir ez-Zor province; "Al Basira" is a name of a village
# in Aleppo province
KHIRBAT_GHAZALAH = (32.734, 36.205)  # Daraa province


def resolve(gazetteer: Gazetteer, name: str, sentence: str, nearby: tuple[str, ...] = ()) -> tuple[float, float]:
    place = gazetteer.resolve(name, GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=nearby))
    assert place is not None
    return place.lat, place.lon


def test_another_romanisation_in_the_named_province_beats_an_exact_namesake_elsewhere(gazetteer: Gazetteer) -> None:
    sentence = "Troops retook four villages in the countryside of Salmiyah, east of Hama, on Friday."
    lat, lon = resolve(gazetteer, "Salmiyah", sentence, ("Hama",))
    assert haversine_km(lat, lon, *SALAMIYAH_HAMA) < 10
    sentence = "A drone struck a car near Basira in the east of Deir Ezzor."
    lat, lon = resolve(gazetteer, "Basira", sentence, ("Deir Ezzor",))
    assert haversine_km(lat, lon, *BUSAYRAH_DEIR_EZZOR) < 10


def test_without_a_province_the_name_as_written_stays(gazetteer: Gazetteer) -> None:
    # Nothing says which province: the village spelled exactly so is taken, not another romanisation of a town.
    lat, lon = resolve(gazetteer, "Salmiyah", "Shells fell on Salmiyah on Friday.")
    assert haversine_km(lat, lon, *SALAMIYAH_HAMA) > 50


def test_a_province_named_in_another_sentence_does_not_decide(gazetteer: Gazetteer) -> None:
    # A long report names provinces all over the country; only the mention's own sentence says where it is.
    lat, lon = resolve(gazetteer, "Salmiyah", "Shells fell on Salmiyah on Friday.", ("Hama",))
    assert haversine_km(lat, lon, *SALAMIYAH_HAMA) > 50


def test_the_place_chosen_keeps_the_namesake_it_was_chosen_over(gazetteer: Gazetteer) -> None:
    sentence = "Troops retook four villages in the countryside of Salmiyah, east of Hama, on Friday."
    place = gazetteer.resolve(
        "Salmiyah", GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=("Hama",))
    )
    assert place is not None and place.alternatives
    assert all(alternative.score < place.score for alternative in place.alternatives)


def test_a_word_in_construct_written_without_its_t_is_found(gazetteer: Gazetteer) -> None:
    for written in ("Khirba Ghazala", "Khirbet Ghazaleh"):
        lat, lon = resolve(gazetteer, written, f"Two civilians were wounded by shelling on {written}.")
        assert haversine_km(lat, lon, *KHIRBAT_GHAZALAH) < 5, written


def test_a_look_alike_in_a_neighbour_far_from_the_places_named_is_not_taken(gazetteer: Gazetteer) -> None:
    # "Lulebergaz" (a village of the report's country the gazetteer lacks, say) is not Lüleburgaz in European
    # Turkey, 900 km from the province the report names.
    sentence = "Jets struck Lulebergaz in the Idlib countryside."
    context = GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=("Idlib",))
    place = gazetteer.resolve("Lulebergaz", context)
    assert place is None or place.country == "SY"


def test_a_border_town_of_a_neighbour_near_the_places_named_is_kept(gazetteer: Gazetteer) -> None:
    # The Turkish border town across from Tal Abyad, written without its cedilla and with a vowel changed.
    sentence = "Shells fired from Tal Abyad landed in Akcakala."
    context = GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=("Tal Abyad",))
    place = gazetteer.resolve("Akcakala", context)
    assert place is not None and place.country == "TR" and place.name == "Akçakale"
