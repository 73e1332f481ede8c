"""After geocoding: weak place candidates pruned, and unplaced mentions and claims given their context's place.

A report names its place once ("in Saraqib") and then says "the town"; a
sentence with no place of its own takes the nearest resolved place before it
in the same paragraph, else the document's main place. Inherited places keep
the span of the text that named them. A claim that names no place is about the
town it points back at, else the report's country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from sitrep.data import word_set
from sitrep.geo.normalise import (
    name_key,
    names_part_of_a_town,
    parse_mention,
    restates_a_place,
    skeleton_key,
    writes_as_a_province,
)
from sitrep.model import CANDIDATE_ROLE, INHERITED_ROLE, LOCATION_ROLE, NAME_ROLE, Claim, Mention, Place, PlaceMention

FINE = {"site", "town", "admin2"}
COARSE = {"admin1", "country"}
SUBNATIONAL = FINE | {"admin1"}
# The gazetteer id of a place kept as written: "sitrep:unresolved:<country>:<name key>".
UNRESOLVED_PREFIX = "sitrep:unresolved:"


def prune_candidates(
    mentions: list[Mention],
    document_countries: set[str],
    named_abroad: Callable[[PlaceMention], bool] = lambda pm: False,
) -> None:
    """Drops readings that resolved outside the countries the document is about.

    A proper-noun candidate must resolve inside them; a town or site from NER too (a report on Syria
    naming "Qamishli" does not mean Ciudad Juárez), unless ``named_abroad`` says the text spells exactly a
    town of a neighbouring country (an Israeli report on "Rafah") or a capital or big city ("talks in
    Istanbul"); a country or region named outright stays. A bare proper noun (``name``) must also be a town,
    district or province, found by its exact name.
    """
    for mention in mentions:
        kept = []
        for pm in mention.places:
            outside = (
                bool(document_countries)
                and pm.place is not None
                and pm.place.country not in document_countries
                and not named_abroad(pm)
            )
            if pm.role == NAME_ROLE and (
                not document_countries or pm.place is None or pm.place.precision not in FINE | {"admin1"}
            ):
                continue
            if pm.role in (CANDIDATE_ROLE, NAME_ROLE):
                if pm.place is None or outside:
                    continue
                pm.role = LOCATION_ROLE
            elif outside and pm.place is not None and pm.place.precision in FINE:
                pm.place = None
            kept.append(pm)
        mention.places = kept


def drop_loose_readings_abroad(
    mentions: list[Mention],
    spelled_exactly: Callable[[PlaceMention], bool],
    fallback_home: str | None = None,
    respelled: Callable[[PlaceMention], bool] = lambda pm: False,
) -> None:
    """A town or province outside the document's main country found only by a near spelling (not by one of
    its names) is a guess too far: "the Mashtal neighbourhood" of a Baghdad report is not Marshall, Texas,
    even if the report mentions US forces, and "Wadi Salah" in Yemen is not Oued Sly in Algeria. The main
    country is where most of the towns it names by their names are (a Kyiv report names Russia more often
    than Ukraine), else ``fallback_home``. In ``fallback_home``, the country the document names most, another
    romanisation of a place's name (``respelled``: "Urum al-Joz" for Ūrum al Jawz) is no guess, though the report
    names more towns abroad by their names (Moscow's statements): only a look-alike there is dropped."""
    units = [pm for m in mentions for pm in m.places if pm.place is not None and pm.place.precision in SUBNATIONAL]
    exact = {id(pm): spelled_exactly(pm) for pm in units}  # one gazetteer query per place
    # A bare proper noun is only a proposal ("Massacre in al-Bokamal": there is a village called Massacre): it
    # does not say where the report is.
    named_home = Counter(
        pm.place.country
        for pm in units
        if pm.place is not None and pm.place.precision in FINE and exact[id(pm)] and pm.role != NAME_ROLE
    )
    home = named_home.most_common(1)[0][0] if named_home else fallback_home
    if home is None:
        return
    for pm in units:
        if pm.place is None or pm.place.country == home or exact[id(pm)]:
            continue
        if pm.place.country == fallback_home and respelled(pm):
            continue
        pm.place = None


def named_region_countries(mentions: list[Mention]) -> set[str]:
    """Countries of the provinces and countries the mentions name outright.

    A local report names "western Daraa countryside" and never "Syria"; its towns are still in Syria.
    """
    return {
        pm.place.country
        for m in mentions
        for pm in m.places
        if pm.place and pm.place.country and pm.role != CANDIDATE_ROLE and pm.place.precision in COARSE
    }


def inherit_places(
    mentions: list[Mention],
    paragraph_of: dict[str, int],
    dateline: PlaceMention | None = None,
    most_named: str | None = None,
    text: str = "",
) -> None:
    """Gives unplaced mentions the nearest earlier resolved place in their paragraph, else the document's, each
    in the document's home: the country it names most (``most_named``) when it names a town there, else the
    country most of its towns are in.

    The document's place is the town its mentions name most at home; the dateline ("GOMA, Jan 29 (Reuters) -")
    counts as one more naming and wins ties.
    """
    resolved = [(m, pm) for m in mentions for pm in m.places if pm.place is not None]
    towns = ([dateline] if dateline is not None else []) + [pm for _, pm in resolved]
    home = most_named if _names_a_town_in(towns, most_named) else _home_of_towns(towns)
    main = _main_place(resolved, dateline, home, text)
    main = _province_when_the_town_is_abroad(main, resolved)
    for mention in mentions:
        if any(pm.place is not None and pm.place.precision in FINE for pm in mention.places):
            continue
        paragraph = paragraph_of.get(mention.id)
        # main_place_in_home: a town abroad the report names on its way (the venue of talks, "Astana") is not where
        # its later sentences happened.
        earlier = [
            pm
            for m, pm in resolved
            if paragraph_of.get(m.id) == paragraph
            and pm.span.start < mention.sentence.start
            and pm.place
            and pm.place.precision in FINE
            and pm.place.country == home
        ]
        source = earlier[-1] if earlier else main
        if source is None and not any(pm.place is not None for pm in mention.places):
            source = _last_province_before(resolved, mention)  # a report that names no town: its province
        if source is None or source.place is None or _names_another_place(mention, source):
            continue
        countries = {pm.place.country for pm in mention.places if pm.place is not None}
        if countries and source.place.country not in countries:
            continue  # the sentence names another country: its own coarse place is better
        provinces = {
            name_key(pm.place.admin1 or "") for pm in mention.places if pm.place and pm.place.precision == "admin1"
        }
        if provinces and name_key(source.place.admin1 or "") not in provinces:
            continue  # "in the Kharkiv region": a town in another province is not its place
        mention.places.append(PlaceMention(source.text, source.span, INHERITED_ROLE, source.place))


def fall_back_to_country(
    mentions: list[Mention],
    country: Place | None,
    container_of: Callable[[Mention, PlaceMention], Place | None] = lambda mention, unknown: None,
) -> None:
    """An honest "don't know": a sentence that names a place the gazetteer lacks ("shelling on Marj al-Dahr village")
    and has no other place, not even one from its context, keeps that name as written, placed at the finest unit
    the text gives around it (``container_of``: "the X area in Y governorate" is in Y, with Y's precision), else at
    the country the document is about with precision "country", rather than at a guessed town. A sentence placed
    only at a country keeps such a name at the finer unit its text gives, first among its places."""
    for mention in mentions:
        resolved = [pm.place for pm in mention.places if pm.place is not None]
        # A sentence placed only at a country ("... in Syria") still keeps a name the text puts inside a finer unit.
        only_a_country = bool(resolved) and all(p.precision == "country" for p in resolved)
        if resolved and not only_a_country:
            continue
        unplaced = [pm for pm in mention.places if pm.role == LOCATION_ROLE and pm.place is None]
        unknown = next((pm for pm in unplaced if not names_part_of_a_town(pm.text)), next(iter(unplaced), None))
        if unknown is None:
            continue
        name = parse_mention(unknown.text).core or unknown.text
        if _names_a_natural_feature(name):
            continue
        container = container_of(mention, unknown)
        if container is not None and only_a_country and container.country not in {p.country for p in resolved}:
            container = None
        # A part of a town with no unit around it written keeps the town of its context (inherit_places).
        within = container or (None if only_a_country or names_part_of_a_town(unknown.text) else country)
        if within is None:
            continue
        unknown.place = replace(
            within,
            gazetteer_id=f"{UNRESOLVED_PREFIX}{within.country}:{name_key(name)}",
            name=name,
            score=0.0,
            alternatives=[],
        )
        if only_a_country:  # finer than the country: the event's own place
            mention.places.remove(unknown)
            mention.places.insert(0, unknown)


def _names_a_natural_feature(name: str) -> bool:
    """A sea, strait or cape ("the Cape of X", "the Y Strait") may lie far from the document's country."""
    return any(word in word_set("en", "places", "natural_feature_heads") for word in name.lower().split())


def _last_province_before(resolved: list[tuple[Mention, PlaceMention]], mention: Mention) -> PlaceMention | None:
    """ "... targeting a site in the southern countryside of Damascus. Our air defences downed most of the
    missiles": with no town named anywhere, the province named last before the sentence."""
    before = [
        pm
        for _, pm in resolved
        if pm.span.start < mention.sentence.start
        and pm.place is not None
        and pm.place.precision == "admin1"
        and pm.role != INHERITED_ROLE
    ]
    return max(before, key=lambda pm: pm.span.start, default=None)


def _names_another_place(mention: Mention, source: PlaceMention) -> bool:
    """The sentence names a place the gazetteer lacks ("near the border village of Maroun al-Ras"): the town of
    another sentence is a guess that is more often wrong than right, unless that sentence named the place too
    ("Tel al-Sultan" after "Rafah's Tel Sultan neighborhood") or the place is part of a town ("the Rahimawa
    neighbourhood")."""
    unresolved = [
        pm
        for pm in mention.places
        if pm.place is None and pm.role == LOCATION_ROLE and not names_part_of_a_town(pm.text)
    ]
    return bool(unresolved) and not any(
        f" {skeleton_key(parse_mention(pm.text).core)} " in f" {skeleton_key(source.text)} " for pm in unresolved
    )


def _province_when_the_town_is_abroad(
    main: PlaceMention | None, resolved: list[tuple[Mention, PlaceMention]]
) -> PlaceMention | None:
    """main_place_at_home: a report that names provinces of one country and a town only abroad ("talks in Moscow")
    is placed at the province it names most, not at that town."""
    provinces = [pm for _, pm in resolved if pm.place is not None and pm.place.precision == "admin1"]
    if main is None or main.place is None or not provinces:
        return main
    if main.place.country in {pm.place.country for pm in provinces if pm.place is not None}:
        return main
    counts = Counter(pm.place.gazetteer_id for pm in provinces if pm.place is not None)
    best_id, _ = counts.most_common(1)[0]
    return next(pm for pm in provinces if pm.place is not None and pm.place.gazetteer_id == best_id)


def _names_a_town_in(places: list[PlaceMention], country: str | None) -> bool:
    return any(pm.place is not None and pm.place.precision in FINE and pm.place.country == country for pm in places)


def _home_of_towns(places: list[PlaceMention]) -> str | None:
    """The country most of these towns, sites and districts are in (the first named wins ties)."""
    countries = Counter(pm.place.country for pm in places if pm.place is not None and pm.place.precision in FINE)
    return countries.most_common(1)[0][0] if countries else None


def _main_place(
    resolved: list[tuple[Mention, PlaceMention]], dateline: PlaceMention | None, home: str | None, text: str = ""
) -> PlaceMention | None:
    fine = [pm for _, pm in resolved if pm.place is not None and pm.place.precision in FINE]
    if dateline is not None and dateline.place is not None:
        fine.insert(0, dateline)  # first: wins ties
    # main_place_in_home: the report is where most of its towns are; a town abroad it names again and again (the
    # venue of talks, "Astana") is not where its unplaced sentences happened.
    fine = [pm for pm in fine if pm.place is not None and pm.place.country == home]
    if not fine:
        return None
    counts = Counter(pm.place.gazetteer_id for pm in fine if pm.place is not None)
    best_id, _ = counts.most_common(1)[0]
    best = next(pm for pm in fine if pm.place is not None and pm.place.gazetteer_id == best_id)
    return _town_for_its_province_seat(best, fine, counts, _seats_written_as_provinces(resolved, text))


def _seats_written_as_provinces(resolved: list[tuple[Mention, PlaceMention]], text: str) -> set[str]:
    """The gazetteer ids of the towns read from a name the text also writes as a province ("Varosh" beside
    "Varosh province"): there the bare name may mean either."""
    return {
        pm.place.gazetteer_id
        for _, pm in resolved
        if pm.place is not None and pm.place.precision == "town" and writes_as_a_province(text, pm.text)
    }


def _town_for_its_province_seat(
    best: PlaceMention, fine: list[PlaceMention], counts: Counter[str], seats: set[str]
) -> PlaceMention:
    """province_seat_as_its_province: a report that writes "Idlib province" often writes the province as bare
    "Idlib" too, which reads as its seat; when the seat is the report's most named town and the report names
    another town in that province, the most named such town is the report's place."""
    if best.place is None or best.place.gazetteer_id not in seats:
        return best
    province = name_key(best.place.admin1 or "")
    within = [
        pm
        for pm in fine
        if pm.place is not None
        and pm.place.gazetteer_id not in seats
        and province
        and name_key(pm.place.admin1 or "") == province
    ]
    if not within:
        return best
    return max(within, key=lambda pm: counts[pm.place.gazetteer_id] if pm.place is not None else 0)


def most_named_country(mentions: list[Mention]) -> str | None:
    """The country of most resolved places (for a report that never names its country: "Kano", "Kaduna")."""
    counts = Counter(pm.place.country for m in mentions for pm in m.places if pm.place and pm.place.country)
    return counts.most_common(1)[0][0] if counts else None


def country_of_towns(mentions: list[Mention]) -> str | None:
    """The country of most towns, sites and districts the mentions name ("Turkish forces shelled Tal Abyad and
    Ras al-Ayn" is about Syria, though it names Turkey's people)."""
    counts = Counter(
        pm.place.country
        for m in mentions
        for pm in m.places
        if pm.place and pm.place.country and pm.place.precision in FINE and pm.role != INHERITED_ROLE
    )
    return counts.most_common(1)[0][0] if counts else None


def scope_unplaced_claims(claims: list[Claim], mentions: list[Mention], country: str | None) -> None:
    """A claim that names no place is about the town it points back at ("killed ... in the city"), else about
    the document's country: "134 people died" in an El Fasher report is an El Fasher toll, and "the war has
    killed tens of thousands" in a Sudan report is Sudan's, never a Gaza or Red Sea figure to compare with."""
    towns = sorted(
        (
            pm
            for m in mentions
            for pm in m.places
            if pm.place is not None and pm.place.precision in FINE and pm.role != INHERITED_ROLE
        ),
        key=lambda pm: pm.span.start,
    )
    for claim in claims:
        if claim.scope or not claim.topic.endswith(":"):
            continue
        earlier = [pm for pm in towns if pm.span.start < claim.sentence.start]
        if earlier and restates_a_place(claim.sentence.text):
            scope = parse_mention(earlier[-1].text).core  # as the report spells it
        elif country:
            scope = country
        else:
            continue
        claim.scope = scope
        claim.topic += scope.lower()
