"""Places of whole documents: the real pipeline, extraction and geocoding together."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km
from sitrep.geo.mentions import most_specific
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention, Place
from sitrep.pipeline import process_document


def places_of_first_event(text: str, gazetteer: Gazetteer) -> Place:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2024, 6, 5)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    place = most_specific([pm.place for pm in mentions[0].places if pm.place is not None])
    assert place is not None, mentions[0].places
    return place


def test_a_local_report_that_never_names_its_country_keeps_its_towns(gazetteer: Gazetteer) -> None:
    # Syria is never named; "Daraa countryside" says where Jasim is, and an Iranian mention must not win.
    text = (
        "Unknown gunmen shot dead a former commander in the city of Jasim in the western Daraa countryside "
        "on Monday. Activists blamed Iranian-backed militias."
    )
    place = places_of_first_event(text, gazetteer)
    assert place.country == "SY"
    assert haversine_km(place.lat, place.lon, 32.99, 36.06) < 10


def test_a_lower_case_word_that_spells_a_country_does_not_move_the_place(gazetteer: Gazetteer) -> None:
    text = "A drone struck a car near Busra al-Sham on Monday, killing two men riding in the car."
    place = places_of_first_event(text, gazetteer)
    assert place.country == "SY"
    assert haversine_km(place.lat, place.lon, 32.52, 36.48) < 10


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # A capital that also stands for its government ("Bamako said") is a place after "in".
        ("Malian security forces arrested 11 opposition politicians at a home in Bamako on Thursday.", 12.61, -7.98),
        ("Thousands of people rallied near the Ivan Franko Theater in central Kyiv on Wednesday.", 50.45, 30.52),
        # The small model tags only "Finote" of "Finote Selam".
        ("A government drone strike on a public square in Finote Selam on Sunday killed 26 people.", 10.70, 37.27),
        # ... tags "Gusau" as a nationality, and "Busra al-Sham" as a person.
        ("A woman was kidnapped from her home in Gusau, Zamfara State, late last month.", 12.17, 6.66),
        ("Dozens of residents of Busra al-Sham in Daraa staged a sit-in on Sunday.", 32.52, 36.48),
    ],
)
def test_places_the_small_model_misses_are_found(gazetteer: Gazetteer, text: str, lat: float, lon: float) -> None:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 6, 5)))
    (mention,) = process_document(document, gazetteer).mentions
    points = [(pm.place.lat, pm.place.lon) for pm in mention.places if pm.place is not None]
    assert any(haversine_km(a, b, lat, lon) < 15 for a, b in points), mention.places


def test_a_misspelt_town_is_not_read_as_a_country(gazetteer: Gazetteer) -> None:
    # "Katari" is a Nigerian town missing from the gazetteer, not Qatar (whose demonym is "Qatari").
    place = gazetteer.resolve("Katari", GeoContext(document_countries=("NG",)))
    assert place is None or place.precision != "country"


def test_a_sentence_without_a_place_takes_the_dateline_town_named_again_in_the_body(gazetteer: Gazetteer) -> None:
    text = (
        "Rebels tighten grip on Goma\n\n"
        "GOMA, Jan 29 (Reuters) - Rebels consolidated control of Goma on Wednesday. Protesters attacked "
        "embassies in Kinshasa on Tuesday.\n\n"
        "Shelling near the airport on Monday killed at least 17 people, hospital staff said."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Reuters", published=dt.date(2025, 1, 29)))
    shelling = next(m for m in process_document(document, gazetteer).mentions if "airport" in m.sentence.text)
    places = [pm.place for pm in shelling.places if pm.place is not None]
    assert places and places[0].name == "Goma"


def test_a_town_from_another_province_is_not_inherited(gazetteer: Gazetteer) -> None:
    text = (
        "KYIV (AFP) - Russian shelling killed two people in Kyiv on Monday.\n\n"
        "Ukrainian troops withdrew from positions near two villages in the Kharkiv region on Sunday, "
        "the general staff said."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="AFP", published=dt.date(2024, 5, 14)))
    withdrawal = next(m for m in process_document(document, gazetteer).mentions if "withdrew" in m.sentence.text)
    names = {pm.place.name for pm in withdrawal.places if pm.place is not None}
    assert "Kyiv" not in names


def _actor1_names(text: str, gazetteer: Gazetteer) -> list[str]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 6, 5)))
    mentions = process_document(document, gazetteer).mentions
    names = [a.name for m in mentions for a in m.actors if a.role == "actor1"]
    assert all("{" not in name for m in mentions for name in (a.name for a in m.actors))
    return names


def test_the_army_is_the_army_of_the_country_where_it_fights(gazetteer: Gazetteer) -> None:
    assert _actor1_names("The army shelled militant positions near Djibo on Sunday.", gazetteer) == [
        "Military Forces of Burkina Faso"
    ]


def test_the_military_after_a_named_military_is_that_military(gazetteer: Gazetteer) -> None:
    text = (
        "The Israeli military said it struck a Hamas position in Khan Younis on Monday. "
        "The military shelled the eastern part of the town on Tuesday, residents said."
    )
    assert set(_actor1_names(text, gazetteer)) == {"Military Forces of Israel"}


def places_named(text: str, gazetteer: Gazetteer) -> list[str]:
    """Names of the resolved places of every event mention in a short report."""
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2024, 11, 15)))
    mentions = process_document(document, gazetteer).mentions
    return [pm.place.name for m in mentions for pm in m.places if pm.place is not None and pm.role != "context"]


def mention_saying(words: str, text: str, gazetteer: Gazetteer) -> Mention:
    """The event mention of a short wire report whose sentence contains ``words``."""
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 10, 9)))
    return next(m for m in process_document(document, gazetteer).mentions if words in m.sentence.text)


def test_a_town_the_parser_calls_an_organisation_is_found_by_its_exact_name(gazetteer: Gazetteer) -> None:
    # The small model tags "Nikopol" ORG and "Tokmak" WORK_OF_ART: their exact gazetteer names still count.
    text = (
        "Ukraine says Russian forces keep shelling towns in the south. "
        "Nikopol came under Russian artillery fire throughout the night, a local official said. "
        "Ukrainian forces struck an ammunition depot near occupied Tokmak, the General Staff said."
    )
    assert {"Nikopol", "Tokmak"} <= set(places_named(text, gazetteer))


def test_offices_people_outlets_and_rivers_are_not_where_it_happened(gazetteer: Gazetteer) -> None:
    text = (
        "QAMISHLI, Syria (North Press) - A Turkish drone struck a car on the road between Qamishli and Amuda on "
        "Sunday. In Ukraine, Russian forces shelled Beryslav from across the Dnipro river on Monday, killing one "
        "person, Oleksandr Prokudin, Head of Dnipropetrovsk Oblast Military Administration, said."
    )
    names = places_named(text, gazetteer)
    assert "Beryslav" in names and any(n.endswith("mishlī") for n in names)
    assert not {"Dnipro", "Aleksandrov"} & set(names), names
    assert all("Press" not in n for n in names), names


def test_a_bare_proper_noun_is_not_a_place_on_a_loose_spelling(gazetteer: Gazetteer) -> None:
    # "Prokudin" and "Lysak" are surnames; no town of Ukraine is spelled so.
    text = (
        "Serhii Lysak and Oleksandr Prokudin said Russian drones struck Kherson on Friday, killing two people. "
        "Ukraine's air force said it shot down 20 drones."
    )
    assert places_named(text, gazetteer) == ["Kherson"]


def test_a_near_spelling_abroad_is_not_taken_for_a_neighbourhood_at_home(gazetteer: Gazetteer) -> None:
    # "Mashtal" is one letter from "Marshall" (Texas); the report names the US, but its towns are in Iraq.
    text = (
        "A US drone strike on a vehicle in eastern Baghdad killed a commander on Wednesday, Iraqi officials said. "
        "Iraq condemned the strike. "
        "The strike in the Mashtal neighbourhood set the car ablaze, witnesses said."
    )
    names = places_named(text, gazetteer)
    assert "Baghdad" in names and "Marshall" not in names, names


def test_a_district_named_through_its_city_is_kept(gazetteer: Gazetteer) -> None:
    # A Kyiv report names Russia more often than Ukraine; its Ukrainian places are still Ukrainian.
    text = (
        "Russia launched drones at Ukraine overnight. Russian forces struck a residential building in "
        "Kharkiv's Kyivskyi district on Sunday, killing six people. Russia denied targeting civilians."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2024, 9, 2)))
    mentions = process_document(document, gazetteer).mentions
    strike = next(m for m in mentions if "Kharkiv" in m.sentence.text)
    place = most_specific([pm.place for pm in strike.places if pm.place is not None])
    assert place is not None and place.country == "UA"
    assert haversine_km(place.lat, place.lon, 49.99, 36.23) < 25


def test_a_sponsor_or_an_embassys_country_is_not_where_it_happened(gazetteer: Gazetteer) -> None:
    text = (
        "Rwanda-backed M23 rebels seized the town of Sake on Tuesday, Congolese officials said. In Kinshasa, "
        "protesters attacked the embassies of France, Belgium and the United States on Tuesday, setting fires."
    )
    names = places_named(text, gazetteer)
    assert "Kinshasa" in names
    assert not {"Rwanda", "France", "Belgium", "United States"} & set(names), names


def test_a_capital_abroad_is_kept_where_the_report_says_it_happened(gazetteer: Gazetteer) -> None:
    # Turkey borders neither Ukraine nor Russia; a talks venue spelled exactly is still the place.
    text = (
        "Russian drones struck Odesa on Monday, killing two people. On Tuesday, Russian and Ukrainian delegations "
        "met in Ankara and agreed to a ceasefire at sea, the Ukrainian foreign ministry said."
    )
    assert "Ankara" in places_named(text, gazetteer)


def test_a_self_declared_republic_is_its_province_not_a_town_called_republic(gazetteer: Gazetteer) -> None:
    text = "Russian forces captured the village of Ivanivka in the Luhansk People's Republic on Friday, Moscow said."
    document = build_document(text, "t.txt", DocumentMeta(outlet="TASS", published=dt.date(2024, 9, 2)))
    (mention,) = process_document(document, gazetteer).mentions
    places = [pm.place for pm in mention.places if pm.place is not None]
    assert places and {p.country for p in places} == {"UA"}, places
    assert any(p.precision == "admin1" and p.name.startswith("Luhansk") for p in places), places


def test_each_province_of_a_list_under_a_plural_head_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Air defences shot down 40 drones over the Bryansk, Kaluga and Tula regions overnight, Moscow said."
    document = build_document(text, "t.txt", DocumentMeta(outlet="TASS", published=dt.date(2024, 9, 2)))
    (mention,) = process_document(document, gazetteer).mentions
    named = {(pm.text, pm.place.precision) for pm in mention.places if pm.place is not None}
    assert {("Bryansk region", "admin1"), ("Kaluga region", "admin1"), ("Tula region", "admin1")} <= named, named
    kaluga = next(pm for pm in mention.places if pm.text == "Kaluga region")
    assert document.text[kaluga.span.start : kaluga.span.end] == "Kaluga"  # the span is the name as written


def test_an_area_is_read_inside_the_district_the_report_puts_it_in(gazetteer: Gazetteer) -> None:
    # GeoNames' Al Jarrāḩī lies in another district of Hodeidah; "of Hays district" says which one is meant.
    text = (
        "A landmine exploded in the Al-Jarrahi area of Hays district on Sunday, killing a farmer, Yemeni "
        "officials said."
    )
    place = places_of_first_event(text, gazetteer)
    assert place.precision == "admin2" and place.name == "Hays"


def test_a_village_read_in_another_province_than_the_report_gives_is_left_unresolved(gazetteer: Gazetteer) -> None:
    # The gazetteer's only Nyaung Pin Thar is near Yangon; the report puts this one in Magway Region.
    text = "A junta jet bombed Nyaung Pin Thar village in Magway Region on Monday, killing five villagers."
    place = places_of_first_event(text, gazetteer)
    assert place.precision == "admin1" and place.country == "MM", place
    assert haversine_km(place.lat, place.lon, 16.49, 96.12) > 200  # not the Yangon village


def test_a_near_spelling_of_a_province_abroad_is_dropped(gazetteer: Gazetteer) -> None:
    text = (
        "A sniper killed a boy in the Wadi Salah neighbourhood of eastern Taiz city on Friday, Yemeni officials said."
    )
    assert {p for p in places_named(text, gazetteer)} <= {"Taiz", "Yemen"}


def test_a_village_the_gazetteer_lacks_does_not_take_another_sentences_town(gazetteer: Gazetteer) -> None:
    text = (
        "Hezbollah fired rockets at the northern Israeli town of Safed on Tuesday, the Israeli military said. "
        "Israeli and Hezbollah fighters later clashed near the border village of Aita al-Shaab."
    )
    clash = mention_saying("clashed", text, gazetteer)
    # No town of another sentence; the village is kept as written, at no finer precision than a country.
    places = [pm.place for pm in clash.places if pm.place is not None]
    assert all(p.precision == "country" and p.name == "Aita al-Shaab" for p in places), clash.places


def test_a_place_the_gazetteer_lacks_is_kept_in_the_province_the_text_puts_it_in(gazetteer: Gazetteer) -> None:
    # The article names another country more often; the sentence itself says which province the unknown area is in.
    text = (
        "Protesters in Gaza and the West Bank marched again on Monday, and Palestinian officials spoke of Palestine. "
        "Warplanes launched two raids on the Qarn Dhabi area in Hodeidah governorate on Tuesday, a local source said."
    )
    strike = mention_saying("raids", text, gazetteer)
    places = [pm.place for pm in strike.places if pm.place is not None]
    assert places and all(p.country == "YE" and p.precision == "admin1" for p in places), strike.places
    # The unknown name is kept as written, in that province.
    assert [p.name for p in places] == ["Qarn Dhabi"], strike.places


def test_a_neighbourhood_the_gazetteer_lacks_keeps_its_towns_place(gazetteer: Gazetteer) -> None:
    text = (
        "KIRKUK, Iraq - Gunmen killed two policemen in Kirkuk on Saturday, officials said. "
        "Angry youths set fire to several cars on Sunday in the Wasiti neighbourhood, police said."
    )
    arson = mention_saying("fire", text, gazetteer)
    assert {pm.place.name for pm in arson.places if pm.place is not None} == {"Kirkuk"}, arson.places


def test_a_neighbourhood_is_never_a_province_or_a_base(gazetteer: Gazetteer) -> None:
    context = GeoContext(document_countries=("IQ",))
    assert gazetteer.resolve("the Qadisiyah neighbourhood", context) is None
    assert gazetteer.resolve("Al Qadisiyah province", context) is not None


def test_a_country_that_ends_an_armed_groups_name_is_not_where_it_happened(gazetteer: Gazetteer) -> None:
    text = "The Islamic Resistance in Iraq said on Monday its fighters attacked a US base at Rmelan with drones."
    names = places_named(text, gazetteer)
    assert "Iraq" not in names and names, names


def test_a_capital_after_an_office_is_still_the_place(gazetteer: Gazetteer) -> None:
    # "Tel Aviv" can stand for Israel's government, but "outside the Defense Ministry in Tel Aviv" is a place.
    text = "Thousands of Israelis rallied outside the Defense Ministry in Tel Aviv on Wednesday night."
    assert "Tel Aviv" in places_named(text, gazetteer)


def test_a_report_that_names_no_town_places_a_later_sentence_in_its_province(gazetteer: Gazetteer) -> None:
    text = (
        "Israeli missiles targeted a military site in the southern countryside of Damascus on Sunday, a military "
        "source said.\n\nOur air defences confronted the missiles and downed most of them, the source added."
    )
    downed = mention_saying("downed", text, gazetteer)
    assert [(pm.place.precision, pm.place.country) for pm in downed.places if pm.place] == [("admin1", "SY")]
