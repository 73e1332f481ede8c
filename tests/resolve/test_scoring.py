from sitrep.model import INHERITED_ROLE, Place, PlaceMention, Span
from sitrep.resolve import derive_event, match_score
from tests.resolve.resolve_fixtures import mention


def event_of(*mentions):
    return derive_event("ev_test", list(mentions))


def test_same_incident_reported_differently_scores_above_attach_threshold() -> None:
    first = mention(
        "a",
        where="Idlib",
        actor1="Russian Air Force",
        killed=(5, 5, 5),
        text="Russian jets struck a market in Idlib, killing five civilians",
    )
    second = mention(
        "b",
        where="Idlib",
        precision="admin2",
        actor1="Russian Air Force",
        killed=(7, 7, 7),
        text="Airstrikes by Russian warplanes hit a market near Idlib; seven dead",
    )
    assert match_score(second, event_of(first)) >= 0.62


def test_a_neighbouring_town_on_the_same_day_scores_well_below_the_same_town() -> None:
    event = event_of(mention("a", where="Idlib", actor1="Russian Air Force"))
    same_town = match_score(mention("b", where="Idlib", actor1="Russian Air Force"), event)
    next_town = match_score(mention("c", where="Saraqib", actor1="Russian Air Force"), event)  # 17 km
    assert next_town < same_town - 0.15


def test_other_country_or_far_town_is_incompatible() -> None:
    event = event_of(mention("a", where="Idlib"))
    assert match_score(mention("b", where="Mosul"), event) == 0.0
    assert match_score(mention("c", where="Aleppo"), event) == 0.0  # 55 km apart at town precision


def test_coarse_precision_widens_distance_tolerance() -> None:
    event = event_of(mention("a", where="Idlib"))
    assert match_score(mention("b", where="Aleppo", precision="admin1"), event) > 0.0


def test_dates_that_do_not_overlap_are_incompatible_beyond_slack() -> None:
    event = event_of(mention("a", start="2024-03-10"))
    assert match_score(mention("b", start="2024-03-11"), event) > 0.0  # one day off: tolerated
    assert match_score(mention("c", start="2024-03-14"), event) == 0.0


def test_type_confusion_is_tolerated_but_unrelated_types_are_not() -> None:
    event = event_of(mention("a", event_type="Explosions/Remote violence"))
    confused = match_score(mention("b", event_type="Battles"), event)
    same = match_score(mention("c", event_type="Explosions/Remote violence"), event)
    assert 0.0 < confused < same
    assert match_score(mention("d", event_type="Protests"), event) == 0.0


def test_missing_place_scores_lower_than_a_matching_place() -> None:
    event = event_of(mention("a", where="Idlib"))
    assert match_score(mention("b", where=None), event) < match_score(mention("c", where="Idlib"), event)


def test_conflicting_named_actors_lower_the_score() -> None:
    event = event_of(mention("a", actor1="Hayat Tahrir al-Sham"))
    same = match_score(mention("b", actor1="Hayat Tahrir al-Sham"), event)
    other = match_score(mention("c", actor1="Syrian Arab Army"), event)
    assert other < same


def test_the_same_actor_under_another_name_counts_as_partial_agreement() -> None:
    event = event_of(mention("a", actor1="Israel Defense Forces"))
    renamed = match_score(mention("b", actor1="Military Forces of Israel (2022-)"), event)
    other = match_score(mention("c", actor1="Hezbollah"), event)
    same = match_score(mention("d", actor1="Israel Defense Forces"), event)
    assert other < renamed < same


def test_swapped_sides_count_for_battles_but_not_for_one_sided_attacks() -> None:
    attack = event_of(mention("a", actor1="Rapid Support Forces", actor2="Military Forces of Sudan"))
    reverse_attack = mention("b", actor1="Military Forces of Sudan", actor2="Rapid Support Forces")
    same_attack = mention("c", actor1="Rapid Support Forces", actor2="Military Forces of Sudan")
    assert match_score(reverse_attack, attack) < match_score(same_attack, attack)

    battle = event_of(
        mention("d", event_type="Battles", actor1="Rapid Support Forces", actor2="Military Forces of Sudan")
    )
    reverse_battle = mention(
        "e", event_type="Battles", actor1="Military Forces of Sudan", actor2="Rapid Support Forces"
    )
    assert match_score(reverse_battle, battle) == match_score(
        mention("f", event_type="Battles", actor1="Rapid Support Forces", actor2="Military Forces of Sudan"), battle
    )


def test_a_place_a_report_only_inherited_does_not_place_the_event_for_other_articles() -> None:
    # own_places_place_the_event: an article's "Helicopters dropped barrel bombs in Aleppo province." and, after a
    # sentence about a far town, "Two fighters were killed." (which took that town from its context) are one event in
    # Aleppo province; another article's strike on the far town is not placed by the second report's guess.
    far_town = Place("test:far-town", "Kafr Far", "SY", 35.20, 36.20, "town")
    province = mention("a", where="Aleppo", precision="admin1", doc="article")
    toll = mention("b", where=None, doc="article")
    strike = mention("c", where=None, text="Jets struck Kafr Far, killing two fighters.")
    strike.places = [PlaceMention("Kafr Far", Span(strike.doc, 12, 20), place=far_town)]
    toll.places = [PlaceMention("Kafr Far", Span("article", 0, 0), INHERITED_ROLE, far_town)]
    assert match_score(strike, derive_event("e", [province, toll])) < 0.62
    toll.places[0].role = "location"  # told as its own place, the town places the event
    assert match_score(strike, derive_event("e", [province, toll])) >= 0.62
