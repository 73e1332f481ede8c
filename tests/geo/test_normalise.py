from __future__ import annotations

import pytest

from sitrep.geo.normalise import name_key, parse_mention, skeleton_key


@pytest.mark.parametrize(
    "variants",
    [
        ["Hasakah", "al-Hasakah", "al-Hassakah", "Hassakeh", "Al Hasakah", "Al-Ḩasakah"],
        ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour"],
        ["Erbil", "Irbil", "Arbil"],
        ["Ain al-Asad", "Ain al-Assad", "Ayn al-Asad"],
    ],
)
def test_romanisations_share_a_skeleton(variants: list[str]) -> None:
    assert len({skeleton_key(v) for v in variants}) == 1


def test_name_key_drops_articles_diacritics_and_punctuation() -> None:
    assert name_key("Al-Ḩasakah") == name_key("al Hasakah") == "hasakah"
    assert name_key("Ra's al `Ayn") == "ras ayn"


def test_distinct_places_keep_distinct_skeletons() -> None:
    assert skeleton_key("Homs") != skeleton_key("Hama")
    assert skeleton_key("Saada") != skeleton_key("Saudi Arabia")


def test_countryside_of_a_name_asks_for_the_administrative_area() -> None:
    parsed = parse_mention("the countryside of al-Hasakah")
    assert (parsed.core, parsed.kind) == ("al-Hasakah", "admin")


def test_loaded_qualifier_and_generic_head_are_removed() -> None:
    parsed = parse_mention("the US-occupied Al-Omar oilfield")
    assert (parsed.core, parsed.kind, parsed.site_type) == ("Al-Omar", "site", "oilfield")


def test_direction_is_kept_apart_from_the_name() -> None:
    parsed = parse_mention("northeast Syria")
    assert (parsed.core, parsed.direction) == ("Syria", "northeast")


def test_border_mentions_are_recognised() -> None:
    parsed = parse_mention("the Jordanian–Syrian border")
    assert parsed.kind == "border" and parsed.core == "Jordanian-Syrian"


@pytest.mark.parametrize(
    ("text", "core", "kind"),
    [
        ("the eastern outskirts of the capital Damascus", "Damascus", "town"),
        ("the vicinity of Aleppo city", "Aleppo", "town"),
        ("the countryside of Homs city", "Homs", "admin"),
        ("the vicinity of Kuweires airport", "Kuweires", "site"),
    ],
)
def test_the_name_a_head_surrounds_is_parsed_as_a_mention_too(text: str, core: str, kind: str) -> None:
    parsed = parse_mention(text)
    assert (parsed.core, parsed.kind) == (core, kind)


@pytest.mark.parametrize(
    "text",
    ["the desert of Qasr Bardun", "Qasr Bardun desert", "the deserts of Qasr Bardun", "the Qasr Bardun barrens"],
)
def test_the_wilderness_around_a_place_is_its_countryside(text: str) -> None:
    parsed = parse_mention(text)
    assert (parsed.core, parsed.kind) == ("Qasr Bardun", "admin")


def test_desert_between_a_name_and_its_head_only_describes_the_town() -> None:
    parsed = parse_mention("the Qasr Bardun desert city")
    assert (parsed.core, parsed.kind) == ("Qasr Bardun", "town")
