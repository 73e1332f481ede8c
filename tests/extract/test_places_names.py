"""Place names after a locative that the small model does not tag as proper nouns."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep.extract.places import _after_joined_articles, place_mentions
from sitrep.nlp import parse_text


def places_in(text: str) -> list[str]:
    doc = parse_text(text)
    return [pm.text for sentence in doc.sents for pm in place_mentions(sentence, "t.txt")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A capitalised word after "in"/"on" in a sentence written in plain case is a name, whatever its tag.
        ("Fighting broke out between rival gangs in Azaz", "Azaz"),
        ("Two people were wounded in shelling by the army on Kafrnabl", "Kafrnabl"),
        # An apostrophe inside a romanised name does not make it lower case.
        ("Fighting broke out between rival gangs in A’zaz", "A’zaz"),
        # A hyphenated name parsed as several objects of "in" is one name.
        ("Rockets killed 12 people in Ma’arrat al-Nu’man", "Ma’arrat al-Nu’man"),
        # A capitalised word joined by "and" to a name after "in" is a name too, though the parser calls it a noun.
        ("Human losses in Hasakah and Daraa", "Daraa"),
        ("Heavy losses in Homs and Tadmur", "Tadmur"),
    ],
)
def test_a_name_after_a_locative_is_found_whatever_its_tag(text: str, name: str) -> None:
    assert name in places_in(text)


def test_a_title_case_headline_does_not_make_every_word_a_place() -> None:
    assert "Target" not in places_in("Warplanes Target A School In The North And Kill Four")
    assert "Hospital" not in places_in("Warplanes Strike Idlib And Hospital Staff Flee")


def test_a_name_after_of_ends_before_a_common_noun_and_the_doer() -> None:
    # A text without commas runs the place into its subject: the name stops at "Hassakeh".
    found = places_in("In the northeastern city of Hassakeh ISIS suicide bombers detonated a truck on Sunday.")
    assert found == ["the northeastern city of Hassakeh"]


def test_the_outskirts_of_a_province_keep_their_head_word() -> None:
    assert "the outskirts of Idlib province" in places_in(
        "Clashes erupted on the outskirts of Idlib province on Monday."
    )


def test_the_seat_of_a_speaking_ministry_is_not_a_place() -> None:
    found = places_in("Ten fighters were killed in Deir Ezzor, the defence ministry in Moscow said.")
    assert "Moscow" not in found
    assert "Deir Ezzor" in found


def test_local_police_speak_of_their_own_town() -> None:
    assert "Kano" in places_in("Police in Kano said gunmen attacked a market on Friday.")


def test_a_place_phrase_ends_before_a_relative_clause() -> None:
    # scraped text loses the comma before "which"; the clause says something about the place, it is no part of it
    found = places_in(
        "Officials confirmed an earlier strike on the northern outskirts of Albu Kamal which destroyed a depot."
    )
    assert not any("which" in name for name in found), found
    assert any(name.endswith("Albu Kamal") for name in found), found


def test_a_direction_between_two_names_ends_the_first() -> None:
    # "X northern Hama" lost its comma: the village is X, in northern Hama
    found = places_in("Jets struck the village of Kafr Zita northern Hama killing two.")
    assert "the village of Kafr Zita" in found, found
    assert not any("Zita northern" in name for name in found), found


def test_a_persons_name_is_no_place() -> None:
    # a town shares the name; the sentence names a person
    found = places_in("A witness named Ahmad who was wounded in the blast described the moment the bomber struck.")
    assert "Ahmad" not in found, found
    assert "Tadmur" in places_in("The village called Tadmur was shelled on Monday.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rockets hit the market in the morning, Barazi said.", "Barazi"),
        ("The bomber detonated his explosives near the gate, Sibai added.", "Sibai"),
        # the speaker told after the verb, in a text that lost its commas
        ("Another bomb went off near the gate of the city hall without causing casualties said Sibai.", "Sibai"),
    ],
)
def test_a_bare_name_that_speaks_is_no_place(text: str, speaker: str) -> None:
    assert speaker not in places_in(text)


def test_a_bare_name_that_is_spoken_of_is_still_tried_as_a_place() -> None:
    assert "Tadmur" in places_in("Tadmur came under fire on Monday, a monitor said.")


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Six people died near the stadium in Riverton, the state-run Sana agency said.", "Sana"),
        ("Rockets killed ten people in Homs, the TV channel Al-Mayadin reported.", "Al-Mayadin"),
    ],
)
def test_an_outlets_name_is_no_place(text: str, outlet: str) -> None:
    assert outlet not in places_in(text)


def test_a_town_before_a_broadcasters_building_is_still_a_place() -> None:
    assert "Homs" in places_in("Clashes erupted near the Homs television building.")


def test_a_capitalised_word_before_a_settlement_head_names_it_whatever_its_tag() -> None:
    assert "Arshaf village" in places_in("Warplanes killed a family of seven in Arshaf village in the north")


def test_a_first_word_before_a_settlement_head_is_not_taken_for_a_name() -> None:
    assert places_in("Old town residents fled the fighting on Monday.") == []


def test_a_place_phrase_ends_at_a_common_noun_after_its_names_head_word() -> None:
    assert "the outskirts of Riverton city" in places_in(
        "Fierce clashes at the outskirts of Riverton city cause casualties, factions advance in the north"
    )


def test_an_outlet_after_a_place_whose_comma_was_lost_is_who_speaks_not_the_place() -> None:
    # "..., SANA said" written without its comma: the parser hangs the outlet on the place's name
    places = places_in("Mortars wounded two people in the Qassaa neighbourhood of eastern Homs SANA said.")
    assert "SANA" not in places
    assert "Homs" in places


def test_a_number_after_a_place_starts_what_it_counts() -> None:
    places = places_in("In the eastern province of Hasakah three car bombs exploded near a market.")
    assert "the eastern province of Hasakah" in places


def test_a_compass_point_before_of_says_which_way_not_where() -> None:
    places = places_in("Jets struck a convoy 20 km Southwest of Tartus on Friday.")
    assert "Southwest" not in places
    assert "Tartus" in places


def test_a_capitalised_word_for_a_place_before_a_name_is_no_part_of_it() -> None:
    places = places_in("A car bomb exploded near the area of Bab Touma in the Syrian Capital Damascus on Monday.")
    assert "Damascus" in places
    assert "Capital Damascus" not in places


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("Two people were killed by mortar fire in the capital.", "the capital"),
        ("In the capital a car bomb wounded six people.", "the capital"),
        ("Mortars fell on the Iraqi capital on Monday.", "the Iraqi capital"),
        ("Mortars fell on Lebanons capital on Friday.", "Lebanons capital"),  # its apostrophe lost
    ],
)
def test_the_capital_alone_or_named_by_its_country_after_a_locative_is_a_place(text: str, capital: str) -> None:
    assert capital in places_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen robbed a bank in the capital of Raqqa province.",
        "The court sought capital punishment for him.",
        "Jets struck the militants de facto capital on Monday.",
        "Shells hit the outskirts of the capital on Monday.",  # near the capital, not in it
    ],
)
def test_capital_naming_its_place_or_in_another_sense_is_not_the_capital_alone(text: str) -> None:
    assert "the capital" not in places_in(text)


def test_a_towns_name_that_an_outlet_shares_is_still_the_town() -> None:
    assert "Al Mayadeen" in places_in("Jets struck the city of Al Mayadeen on Monday.")


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # A side written between the name and its head: the geocoder reads the land around the name.
        ("Troops pushed on in Tadmur southwestern countryside on Friday.", "the countryside of Tadmur"),
        # A lost apostrophe and a side: still the outskirts of one place.
        ("Gunmen raided a farm on Kobanis northern outskirts.", "the outskirts of Kobanis"),
        # A unit nested in the phrase, with its own describers: the countryside of the name.
        ("Two shells fell in the western countryside of the coastal province of Tartus.", "the countryside of Tartus"),
        (
            "A mine went off in the southern countryside of the eastern Raqqa province.",
            "the countryside of Raqqa province",
        ),
        # Words between the head and the name that are no part of the name.
        ("A patrol was ambushed in the vicinity of an army checkpoint in Tal Hamis.", "the vicinity of Tal Hamis"),
        # A first-level unit with describing words is the unit of its name.
        ("Jets pounded the gas-rich Hasakah province on Monday.", "Hasakah province"),
        ("Jets pounded Iraqs western province of Anbar on Monday.", "Anbar province"),
        ("Shells fell on Tartus central province on Monday.", "Tartus province"),
    ],
)
def test_an_area_phrase_is_read_as_the_land_around_its_name(text: str, read_as: str) -> None:
    assert read_as in places_in(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Jets struck the western countryside of Tartus on Sunday.", "the western countryside of Tartus"),
        ("Jets struck the Raqqa countryside on Sunday.", "the Raqqa countryside"),
        # The unit word says which namesake: the outskirts of the city, not of the province.
        ("Clashes erupted on the eastern outskirts of Manbij city on Sunday.", "the eastern outskirts of Manbij city"),
        ("Jets struck the outskirts of al-Bab on Sunday.", "the outskirts of al-Bab"),
    ],
)
def test_a_plain_area_phrase_is_kept_as_written(text: str, phrase: str) -> None:
    assert phrase in places_in(text)


@pytest.mark.parametrize(
    ("text", "name", "not_read"),
    [
        # A direction between two names opens an apposition whose comma the text lost: the first name is the place.
        ("A shell hit the town of Sarmin eastern Idlib city on Monday.", "Idlib city", "Sarmin eastern Idlib city"),
        # A distance after a name says how far it lies from somewhere; it is no part of the name.
        ("The offensive targets the town of Qusayr 35 kilometres south of Homs.", "Qusayr", ""),
    ],
)
def test_a_name_ends_before_an_apposition_or_a_distance(text: str, name: str, not_read: str) -> None:
    found = places_in(text)
    assert name in found
    assert not any(p.endswith(("km", "kilometres")) or p == not_read or p[-1].isdigit() for p in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A day or a date the text runs into a name (its comma lost) is no part of the name.
        ("Gunmen stormed a police post in the town of Kirkuk Sunday wounding three.", "Kirkuk"),
    ],
)
def test_a_name_ends_before_a_time(text: str, name: str) -> None:
    found = places_in(text)
    assert name in found
    assert not any(p.startswith(name + " ") for p in found)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # After a name, "the" or an adjective before a common noun opens the next noun phrase (its comma lost).
        ("Three were killed in the town of Saraqib local sources reported.", "the town of Saraqib"),
        ("Six died in the southern province of Daraa the state news agency said.", "the southern province of Daraa"),
    ],
)
def test_a_place_phrase_ends_where_the_next_noun_phrase_begins(text: str, phrase: str) -> None:
    found = places_in(text)
    assert phrase in found
    assert not any(p.startswith(phrase + " ") for p in found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # joined_articles: the small model tags only the first word of a name whose article is joined by a hyphen to
        # the next word; the name goes on through the article.
        ("Troops advanced near Deir ez-Zor on Monday.", "Deir ez-Zor"),
        ("Mortars fell near Tell as-Sawda on Friday.", "Tell as-Sawda"),
    ],
)
def test_a_name_goes_on_through_an_article_joined_to_its_next_word(text: str, name: str) -> None:
    found = places_in(text)
    assert name in found
    assert not any(other != name and other in name for other in found)


def test_a_lower_case_article_alone_does_not_join_a_word_to_a_name() -> None:
    # "as" written apart from the next word is English, not the article of a name.
    assert "Homs as" not in " ".join(places_in("Rebels shelled Homs as night fell."))


def test_a_name_cut_between_its_article_and_the_hyphen_goes_on_to_the_joined_word() -> None:
    # The parse may end a name on its article ("Kafr al" of "Kafr al-Kabira"): the word the article is joined to is
    # part of it; an article written apart from the next word joins nothing.
    words = ["in", "Kafr", "al", "-", "Kabira", "as", "-", "Sharqi"]
    doc = Doc(parse_text("x").vocab, words=words, spaces=[True, True, False, False, True, True, False, False])
    assert _after_joined_articles(doc, 3) == 5
    assert _after_joined_articles(doc, 5) == 5


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kidnapped the priest Diaa Aziz on Monday. The monitor said Aziz was kidnapped near his home.",
        "The monitor said Omar Barakat was killed by a sniper. It said Barakat was a local commander.",
    ],
)
def test_a_person_named_again_by_surname_is_no_place(text: str) -> None:
    assert places_in(text) == []


def test_a_surname_written_before_the_person_is_named_stays_a_place() -> None:
    assert "Aziz" in places_in("Shells fell on Aziz on Monday. Gunmen later kidnapped the priest Diaa Aziz.")
