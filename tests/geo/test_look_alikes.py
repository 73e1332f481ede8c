"""Another romanisation of a name is the name; a look-alike is not.

Sentences and spellings are invented; the places are real towns of the shipped GeoNames data.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import GeoContext
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer
from sitrep.geo.mentions import EXACT_NAME_SIMILARITY, geocode_mentions
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import CANDIDATE_ROLE, NAME_ROLE, Mention, Place, PlaceMention, Span
from sitrep.pipeline import process_document

SHEIKH_MISKIN = (32.83, 36.16)  # Daraa province
MANBIJ = (36.53, 37.95)
DABIQ = (36.54, 37.27)


def near(place, point: tuple[float, float], km: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    return place is not None and haversine_km(place.lat, place.lon, *point) <= km


def bare_name(gazetteer: Gazetteer, text: str, sentence: str, *countries: str):  # type: ignore[no-untyped-def]
    """How a bare proper noun no parser called a place is resolved (the floor ``geocode_mentions`` gives it)."""
    context = GeoContext(sentence=sentence, document_countries=countries, min_similarity=EXACT_NAME_SIMILARITY)
    return gazetteer.resolve(text, context)


def test_a_bare_name_in_another_romanisation_of_a_town_at_home_is_that_town(gazetteer: Gazetteer) -> None:
    # "Shaikh Miskeen" is how one school writes Shaykh Miskin; the report is about Syria.
    place = bare_name(gazetteer, "Shaikh Miskeen", "Shaikh Miskeen came under heavy shelling.", "SY")
    assert near(place, SHEIKH_MISKIN) and place.country == "SY"


def test_a_bare_name_in_another_romanisation_is_not_taken_where_no_country_is_known(gazetteer: Gazetteer) -> None:
    # With no country to say where the text is, a proper noun must be spelled as the gazetteer has it.
    assert bare_name(gazetteer, "Shaikh Miskeen", "Shaikh Miskeen spoke to reporters.") is None


def bare_name_in(gazetteer: Gazetteer, name: str, text: str) -> PlaceMention:
    start = text.index(name)
    pm = PlaceMention(name, Span("d", start, start + len(name), name), role=NAME_ROLE)
    verb = text.index("struck")
    trigger = Span("d", verb, verb + 6, "struck")
    mention = Mention("m", "d", Span("d", 0, len(text), text), trigger, "", "", "", places=[pm])
    geocode_mentions([mention], text, gazetteer, ["SY"])
    return pm


def test_geocoding_a_sentence_places_a_respelled_bare_name_of_several_words_at_home(gazetteer: Gazetteer) -> None:
    pm = bare_name_in(gazetteer, "Shaikh Miskeen", "Warplanes struck Shaikh Miskeen before dawn, activists said.")
    assert near(pm.place, SHEIKH_MISKIN)


def test_a_single_bare_word_needs_its_exact_spelling(gazetteer: Gazetteer) -> None:
    # "Tadeef" is another romanisation of Tadif, but a lone capitalised word no parser called a place is as often a
    # person's name: it is taken only as the gazetteer spells it.
    pm = bare_name_in(gazetteer, "Tadeef", "Warplanes struck Tadeef before dawn, activists said.")
    assert pm.place is None


@pytest.mark.parametrize("spelling", ["Raqa", "Idleb"])
def test_a_short_name_still_matches_another_romanisation(gazetteer: Gazetteer, spelling: str) -> None:
    place = gazetteer.resolve(spelling, GeoContext(sentence=f"Clashes in {spelling}.", document_countries=("SY",)))
    assert place is not None and place.country == "SY"


def test_a_short_word_is_not_a_look_alike_of_another_name(gazetteer: Gazetteer) -> None:
    # "Deir" (a monastery, the first word of many names) is one letter from "Dmeir", a name of the Dumayr air base.
    place = gazetteer.resolve("Deir", GeoContext(sentence="Shelling near Deir.", document_countries=("SY",)))
    assert place is None or "Deir" in place.name or "Dayr" in place.name


def test_with_no_country_a_respelled_exonym_abroad_loses_to_the_respelled_name_itself(gazetteer: Gazetteer) -> None:
    # "Dabek" is an alternate name (another language's) of Dubuque in Iowa; Dabiq in Syria is named so itself.
    place = gazetteer.resolve("Dabeq", GeoContext(sentence="Rebels entered Dabeq."))
    assert near(place, DABIQ)


def test_with_no_country_another_romanisation_of_a_towns_own_name_is_kept(gazetteer: Gazetteer) -> None:
    # "Menbej" is matched through the alternate name "Manbej", and it is also a respelling of Manbij itself.
    place = gazetteer.resolve("Menbej", GeoContext(sentence="A car bomb went off in Menbej."))
    assert near(place, MANBIJ)


@pytest.mark.parametrize("word", ["Chechen", "the Kurds", "Yazidis", "Druze"])
def test_a_people_is_no_place_even_where_a_village_bears_its_name(gazetteer: Gazetteer, word: str) -> None:
    # Villages named (or spelled like) Chachan, Kurdis or Yazidiyah exist; in a report the word says who acted.
    sentence = f"{word} fighters were seen near the front."
    assert gazetteer.resolve(word, GeoContext(sentence=sentence, document_countries=("SY",))) is None


class RespellingGazetteer:
    """A gazetteer that reads every name as another romanisation of one village, never as its own name."""

    village = Place("g:9", "Fisah", "SY", 36.0, 38.0, "town")

    def countries_in_text(self, text: str, share: float = 0.0) -> list[str]:
        return []

    def resolve(self, text: str, context: GeoContext) -> Place:
        return self.village

    def is_named(self, place: Place, text: str, romanised: bool = False) -> bool:
        return romanised


def respelled(role: str, name: str, text: str) -> PlaceMention:
    start = text.index(name)
    pm = PlaceMention(name, Span("d", start, start + len(name), name), role=role)
    mention = Mention("m", "d", Span("d", 0, len(text), text), Span("d", 0, 9, "Warplanes"), "", "", "", places=[pm])
    geocode_mentions([mention], text, RespellingGazetteer(), ["SY"])  # type: ignore[arg-type]
    return pm


def test_a_single_bare_word_is_a_place_only_under_its_own_name() -> None:
    # An acronym or a surname that shares its consonants with a village is no respelling of it.
    assert respelled(NAME_ROLE, "FSA", "Warplanes struck bases of FSA groups.").place is None
    # A word after a locative, and a bare name of several words, may still be respelled.
    assert respelled(CANDIDATE_ROLE, "Fisa", "Warplanes struck bases in Fisa.").place is not None
    assert respelled(NAME_ROLE, "Tal Fisa", "Warplanes struck Tal Fisa.").place is not None


ALEPPO = (36.20, 37.16)


def _places_of(text: str, gazetteer: Gazetteer) -> list[list[Place]]:
    """Each event mention's places, as the pipeline reads ``text``."""
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2019, 5, 6)))
    mentions = process_document(document, gazetteer).mentions
    return [[pm.place for pm in m.places if pm.place is not None] for m in mentions]


def test_a_look_alike_far_from_the_reports_other_places_is_not_placed_there(gazetteer: Gazetteer) -> None:
    # The only Syrian place spelled like "Sulaymaniyah" is a village of Hasakah, 300 km from the city of the report:
    # the name is a quarter the gazetteer lacks, not that village.
    text = (
        "Rockets fell on residential districts of Aleppo on Monday, killing three people. Another rocket hit the "
        "Sulaymaniyah area later, wounding two civilians, a police source said."
    )
    for places in _places_of(text, gazetteer):
        fine = [p for p in places if p.precision in ("town", "site")]
        assert all(near(p, ALEPPO, 100.0) for p in fine), fine


def test_a_well_known_town_in_another_romanisation_stays_however_far(gazetteer: Gazetteer) -> None:
    text = (
        "Army units shelled militant positions in Daraa on Friday. In Deir Ezour the army destroyed a militant "
        "vehicle, killing its crew."
    )
    placed = [p for places in _places_of(text, gazetteer) for p in places]
    assert any(near(p, (35.34, 40.14)) for p in placed), placed
