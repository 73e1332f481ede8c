"""Geocoding one document: the one call the pipeline makes (:func:`geocode_document`).

It reads as the steps a coder takes:

1. **context**: the countries the text names (a nationality only says who), else those its places imply;
2. **candidates and scores**: each place mention resolved in that context (:mod:`sitrep.geo.index` finds the
   gazetteer's candidates, :mod:`sitrep.geo.disambiguate` scores them);
3. **decision**: a dateline the patterns missed (a town in capitals, or before a wire's credit, at the top) is taken
   out of the sentences; a namesake abroad gives way to the home country's place of that name
   (:func:`prefer_namesakes_at_home`); readings too loose for where the document is are dropped
   (:mod:`sitrep.geo.inherit`); where the fire came from and where people were moved to are told apart from where the
   event was (:func:`mark_origins_and_destinations`); a city's quarters lie in their city
   (:func:`place_quarters_in_their_town`); the dateline placed, sentences with no place of their own given their
   context's, and each mention's places put in order, the event's own place first
   (:func:`sitrep.geo.mentions.order_event_places`).

Unplaced claims are scoped afterwards (:func:`scope_claims`), and a place the gazetteer lacks, in a sentence with
no other, is kept as written at the document's country (:func:`keep_unknown_places`), once other stages have
shared places between reports of one incident.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from sitrep.data import data_path, word_set
from sitrep.extract.attribution import canonical_outlet
from sitrep.extract.dateline import DATELINE_ROLE
from sitrep.extract.events import Extraction
from sitrep.extract.places import place_rules
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer, GeoContext
from sitrep.geo.inherit import (
    country_of_towns,
    drop_loose_readings_abroad,
    fall_back_to_country,
    inherit_places,
    most_named_country,
    named_region_countries,
    prune_candidates,
    scope_unplaced_claims,
)
from sitrep.geo.mentions import (
    geocode_dateline,
    geocode_mentions,
    most_specific,
    nearest_places_first,
    order_event_places,
)
from sitrep.geo.normalise import is_generic_word, names_part_of_a_town, parse_mention
from sitrep.model import INHERITED_ROLE, LOCATION_ROLE, NAME_ROLE, Mention, Place, PlaceMention, Span
from sitrep.nlp.alternation import word_alternation

# Units an unknown name written "in" them is kept in: a province, a district, a named region.
CONTAINER_PRECISIONS = frozenset({"admin1", "admin2", "region"})
# Places an unknown name is said to lie in or near, inside its own text: "the southern neighbourhoods of the capital
# Damascus", "the X area south of Idlib", "a base near Y town". The relation words are data (places.yaml).
FINE_CONTAINERS = frozenset({"site", "town", "admin2", "admin1", "region"})
_PLURAL_S = re.compile(r"(?<=[a-z])s\b")
# "... in Hodeidah governorate", right after a name: a capitalised unit, with its head word if written.
# A wire's credit right after the dateline's town: "Moscow AFP", "Idlib (SANA)", "KYIV /TASS/".
_CREDIT_AFTER = re.compile(r"\s*[(/]?\s*(?P<name>[A-Z][\w.&-]*)")
# How far into the text an unmarked dateline can stand: after a headline and a "Published ..." line.
CREDIT_REACH = 300
CAPITALS_REACH = 120
FINE_PLACES = frozenset({"site", "town", "admin2"})
# Where the fire came from (a shooter's position, a launch site): no place of the event while its sentence names one.
ORIGIN_ROLE = "origin"
# Where people were moved to (evacuated, taken to hospital): no place of the event while its sentence names one.
DESTINATION_ROLE = "destination"
_UNIT_AFTER = re.compile(r"\s*,?\s+in\s+(?P<unit>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+[a-z]+)?)")


@dataclass(frozen=True)
class DocumentPlaces:
    """Where a geocoded document is: its countries, most named first, and the one it names most."""

    countries: tuple[str, ...]
    most_named: str | None
    home: str | None = None  # where its towns are, else the country it names by name

    def country_of(self, mention: Mention) -> str | None:
        """The country of a mention's most specific place, else the one the document names most."""
        place = most_specific([pm.place for pm in mention.places if pm.place is not None])
        return place.country if place is not None and place.country else self.most_named


@cache
def _outlet_countries() -> dict[str, str]:
    with data_path("geo", "outlet_countries.csv").open(encoding="utf-8", newline="") as handle:
        return {row["outlet"]: row["country"] for row in csv.DictReader(handle)}


def outlet_country(outlet: str | None) -> str | None:
    """The one country an outlet reports on ("SOHR" -> SY: a monitor of Syria's war), from
    ``data/geo/outlet_countries.csv``; None for an outlet that reports on many (a wire, a world broadcaster) or
    one not known."""
    name = canonical_outlet(outlet) if outlet else None
    return _outlet_countries().get(name) if name else None


def context_countries(text: str, gazetteer: Gazetteer, outlet: str | None = None) -> list[str]:
    """The document's countries, most named first: those the text names by name; for a text that names none (a
    headline), the country its outlet reports on, else those its places imply ("clashes in the Hama
    countryside"); then its nationalities. A monitor's headline "Shelling on X" is about X in the monitor's
    country, not a namesake of X abroad that would imply another country."""
    covered = outlet_country(outlet)
    if covered is None or gazetteer.countries_in_text(text, 0.0):
        return gazetteer.document_countries(text)
    return list(dict.fromkeys([covered, *gazetteer.countries_in_text(text)]))


def geocode_document(
    extraction: Extraction, text: str, gazetteer: Gazetteer, outlet: str | None = None
) -> DocumentPlaces:
    """Resolves every place of ``extraction``'s mentions in place (unresolved places stay None) and says where
    the document is; ``outlet`` is who published it (the country it reports on is context when the text names
    none)."""
    mentions = extraction.mentions
    # Context: the countries the text names, most named first, else the outlet's and those its places imply.
    text_countries = context_countries(text, gazetteer, outlet)
    most_named = next(iter(text_countries), None)
    # Candidates and scores, one mention at a time.
    geocode_mentions(mentions, text, gazetteer, text_countries)
    # Decision: a town in capitals or with a wire's credit at the top is where the reporter filed from; a namesake
    # abroad gives way to the war's own place of that name; readings too loose for where the document is go.
    unmarked = take_out_unmarked_dateline(mentions, text)
    prefer_namesakes_at_home(mentions, text, gazetteer)
    drop_loose_readings_abroad(
        mentions,
        lambda pm: pm.place is not None and gazetteer.is_named(pm.place, pm.text),
        most_named,
        lambda pm: pm.place is not None and gazetteer.is_respelled(pm.place, pm.text),
    )
    # Ordered, most named first: the first country gets a bonus, so the order must not follow a set's hashing.
    ordered_countries = tuple(dict.fromkeys([*text_countries, *sorted(named_region_countries(mentions))]))
    countries = set(ordered_countries)
    neighbours = gazetteer.neighbours_of(countries)

    def named_abroad(pm: PlaceMention) -> bool:
        return (
            pm.place is not None
            and (pm.place.country in neighbours or gazetteer.is_landmark(pm.place))
            and gazetteer.is_named(pm.place, pm.text)
        )

    prune_candidates(mentions, countries, named_abroad)
    drop_look_alikes_far_from_the_report(
        mentions,
        lambda pm: (
            pm.place is not None
            and not gazetteer.is_named(pm.place, pm.text)
            and not gazetteer.is_respelled(pm.place, pm.text)
        ),
        gazetteer.is_well_known,
    )
    mark_origins_and_destinations(mentions)
    place_quarters_in_their_town(mentions, lambda pm: pm.place is not None and gazetteer.is_named(pm.place, pm.text))
    dateline = extraction.dateline.place if extraction.dateline else unmarked
    dateline_place = geocode_dateline(
        dateline, text, gazetteer, ordered_countries, own_name_only=extraction.dateline is None
    )
    inherit_places(mentions, extraction.paragraph_of, dateline_place, most_named, text)
    order_event_places(mentions)
    # The country a place kept as written is in: where the document's towns are, else the country it names by
    # name ("Turkish drones struck X" names Turkey's people, not where X is).
    home = (
        country_of_towns(mentions) or next(iter(gazetteer.countries_in_text(text, 0.0)), None) or outlet_country(outlet)
    )
    return DocumentPlaces(tuple(text_countries), most_named, home)


def take_out_unmarked_dateline(mentions: list[Mention], text: str) -> PlaceMention | None:
    """A dateline written without the punctuation the dateline patterns need (text scraped with its dashes and
    brackets lost) is still known by one of two conventions of wire copy: the filing town is set in capitals at the
    head of the story ("... BEIRUT A Russian air strike killed ..."), or stands right before the wire's credit near
    the top ("... Moscow AFP Saturday ..."). It says where the reporter was, not where the event was: every
    mention's reading of it goes, and it is returned (unresolved) to serve as the dateline."""
    written = sorted((pm for m in mentions for pm in m.places), key=lambda pm: pm.span.start)
    for pm in written:
        if pm.span.start >= CREDIT_REACH:
            break
        if pm.place is None or pm.place.precision not in {"town", "site"}:
            continue
        if (pm.span.start < CAPITALS_REACH and _set_in_capitals(pm.text)) or _before_a_credit(pm, text):
            repeated = {(p.span.start, p.span.end) for p in written if _repeats_the_dateline(p, pm, text)}
            for mention in mentions:
                mention.places = [p for p in mention.places if (p.span.start, p.span.end) not in repeated]
            return PlaceMention(pm.text, pm.span, role=DATELINE_ROLE)
    credited = _credited_name(text, mentions[0].sentence.doc if mentions else "")
    if credited is None:
        return None
    # The town before the credit was not read as a place, but the page may name it again at the top.
    repeated = {(p.span.start, p.span.end) for p in written if _repeats_the_dateline(p, credited, text)}
    for mention in mentions:
        mention.places = [p for p in mention.places if (p.span.start, p.span.end) not in repeated]
    return credited


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def _credited_name(text: str, doc: str) -> PlaceMention | None:
    """The first capitalised word near the top that stands right before a wire's credit ("Moscow AFP"), as a
    dateline mention, whether or not the parser read it as a place."""
    for word in _CAPITALISED.finditer(text, 0, CREDIT_REACH):
        written = PlaceMention(word.group(), Span(doc, word.start(), word.end(), word.group()), role=DATELINE_ROLE)
        if canonical_outlet(word.group()) is None and _before_a_credit(written, text):
            return written
    return None


def _repeats_the_dateline(pm: PlaceMention, dateline: PlaceMention, text: str) -> bool:
    """repeated_dateline: a page scraped with its headline and dateline twice ("... Moscow AFP Saturday ... Moscow Some
    120 fighters were killed ...") names the filing town again at the top, not after a locative: that is the dateline
    too, not the event's place ("in Moscow" stays a place)."""
    if pm.span.start >= CREDIT_REACH or pm.text.lower() != dateline.text.lower():
        return False
    before = text[max(0, pm.span.start - 20) : pm.span.start].split()
    return pm.span == dateline.span or not (before and before[-1].lower() in place_rules().locatives)


def _set_in_capitals(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _before_a_credit(pm: PlaceMention, text: str) -> bool:
    """ "Moscow AFP", "Idlib (SANA)": a place right before a wire's name, not after a locative ("in Idlib SANA
    reported" is a sentence that lost its comma)."""
    credit = _CREDIT_AFTER.match(text, pm.span.end)
    if credit is None or canonical_outlet(credit["name"]) is None:
        return False
    before = text[max(0, pm.span.start - 20) : pm.span.start].split()
    return not (before and before[-1].lower() in place_rules().locatives)


def prefer_namesakes_at_home(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """A document's own country decides between namesakes. Its home is where most of the towns it names are
    (a Syria report names Russia and Iraq as doers; its villages are Syrian). A town, site or district read in
    another country is kept only when the sentence supports that country (names it, its people, or one of its
    provinces) or the place is a capital or big city ("talks in Moscow"); else the home country's place of that
    very name is taken (of its namesakes, the one the places named around the sentence point to), and when home
    has none the name stays unresolved (kept as written later), never placed at a village of that name abroad. A
    province abroad the sentence does not support gives way to a home reading only."""
    towns = Counter(
        pm.place.country
        for m in mentions
        for pm in m.places
        if pm.place is not None and pm.place.precision in FINE_PLACES and pm.role != NAME_ROLE and pm.place.country
    )
    named = gazetteer.countries_in_text(text)
    home = towns.most_common(1)[0][0] if towns else next(iter(named), None)
    if home is None:
        return
    context = GeoContext(document_countries=(home,))
    written = sorted({(pm.span.start, pm.text) for m in mentions for pm in m.places})
    for mention in mentions:
        sentence = text[mention.sentence.start : mention.sentence.end]
        # The places named around the sentence decide between home's namesakes, as they did for the first reading.
        nearby = nearest_places_first(written, mention.sentence)
        supported: set[str] | None = None
        for pm in mention.places:
            place = pm.place
            if place is None or place.country == home or place.precision not in FINE_PLACES | {"admin1"}:
                continue
            if supported is None:
                supported = set(gazetteer.countries_in_text(_without_sponsors(sentence))) | {
                    p.place.country
                    for p in mention.places
                    if p.place is not None
                    and p.place.country
                    and p.place.precision in {"admin1", "country"}
                    and p is not pm
                }
            if place.country in supported or gazetteer.is_landmark(place):
                continue
            at_home = gazetteer.resolve(pm.text, replace(context, sentence=sentence, nearby_places=nearby))
            # only a home place of that very name (or another romanisation of it), not a look-alike ("Ahmad" is
            # no "Shaykh Ahmad")
            if at_home is not None and at_home.country == home and gazetteer.is_named(at_home, pm.text, romanised=True):
                pm.place = at_home
            elif place.precision != "admin1":
                pm.place = None


# A look-alike this far from every other place its report names is a place the gazetteer lacks, not that village.
LOOK_ALIKE_REACH_KM = 100.0


def drop_look_alikes_far_from_the_report(
    mentions: list[Mention],
    looks_alike: Callable[[PlaceMention], bool],
    well_known: Callable[[Place], bool],
) -> None:
    """look_alike_far_from_the_report: a report's places lie together (a town, its villages, its province). A
    reading found only as a look-alike (neither the name as written nor another romanisation of it: "al-Sakhoor" as
    Aş Şakhrah) of a village far from every other place the report names, and outside every province it names, is
    more likely a city quarter or a village the gazetteer lacks than that village; it is left unresolved (kept as
    written), so its sentence takes the place of its context. A town known well beyond its province (a big town, a
    province's seat) stays: a report on one front may name it from afar."""
    written = [pm for m in mentions for pm in m.places if pm.place is not None]
    loose = [pm for pm in written if pm.place is not None and pm.place.precision in FINE_PLACES and looks_alike(pm)]
    if not loose:
        return
    loose_ids = {id(pm) for pm in loose}
    others = [pm.place for pm in written if pm.place is not None and id(pm) not in loose_ids]
    for pm in loose:
        place = pm.place
        if place is None or well_known(place):
            continue
        rest = [o for o in others if o.gazetteer_id != place.gazetteer_id and o.country == place.country]
        points = [o for o in rest if o.precision in FINE_PLACES]
        provinces = {o.admin1 for o in rest if o.precision == "admin1" and o.admin1}
        if not points and not provinces:
            continue  # nothing else to judge by
        near = any(haversine_km(place.lat, place.lon, o.lat, o.lon) <= LOOK_ALIKE_REACH_KM for o in points)
        if not near and place.admin1 not in provinces:
            pm.place = None


def mark_origins_and_destinations(mentions: list[Mention]) -> None:
    """firing_position_not_place: ACLED codes a shelling where the fire lands. A place that says where the doer
    is ("militants positioned in X fired rockets on Y", "gunmen stationed at X shelled Y") or where the fire came
    from ("rockets fired from X hit Y") is the shooter's place: its role becomes ``origin``; a place people were moved
    to ("rebels evacuated to X", "the wounded were taken to a hospital in X") becomes a ``destination``. The event's
    place passes over both while the sentence names another (:func:`sitrep.resolve.similarity.mention_places`). A doer's
    position counts only when the doer then fires (an active verb of firing follows): "troops stationed in X were
    attacked" happened in X."""
    for mention in mentions:
        sentence, offset = mention.sentence.text or "", mention.sentence.start
        if not sentence:
            continue
        written = sorted(
            (pm for pm in mention.places if pm.role == LOCATION_ROLE and pm.span.doc == mention.sentence.doc),
            key=lambda pm: pm.span.start,
        )
        previous: PlaceMention | None = None
        for pm in written:
            start, end = pm.span.start - offset, pm.span.end - offset
            if not 0 <= start < end <= len(sentence):
                continue
            before = sentence[:start]
            # "positioned in X in Y province": the unit that holds the shooter's place is the shooter's place too
            inside_previous = (
                previous is not None
                and previous.role == ORIGIN_ROLE
                and _IN_AFTER_PLACE.fullmatch(sentence[previous.span.end - offset : start]) is not None
            )
            positioned = _firing_position().search(before) is not None and _fires_after(sentence[end:])
            if positioned or inside_previous or _launch_site().search(before) is not None:
                pm.role = ORIGIN_ROLE
            elif _destination().search(before) is not None:
                pm.role = DESTINATION_ROLE
            previous = pm


# The up to two words a role cue allows before the name ("deployed in the eastern ") are lower-case, whatever the
# cue's case: a capitalised word there is another name, whose place the cue tells ("evacuated to Idlib from the
# Damascus suburb of X": Idlib is the destination, X is not).
@cache
def _firing_position() -> re.Pattern[str]:
    """ "positioned in ", "stationed at the ", "deployed in the eastern ": a firing position right before a name."""
    words = word_alternation(word_set("en", "places", "firing_positions"))
    return re.compile(rf"\b(?:{words})\s+(?:in|at|inside|on|near)\s+(?:the\s+)?(?-i:[a-z]+\s+){{0,2}}$", re.IGNORECASE)


@cache
def _destination() -> re.Pattern[str]:
    """ "evacuated to ", "were taken to a hospital in ", "fled to the ": where people were moved to, before a name."""
    words = word_alternation(word_set("en", "places", "movement_participles"))
    return re.compile(
        rf"\b(?:{words})\s+to\s+(?:(?:the|a|an)\s+)?(?-i:[a-z]+\s+){{0,2}}(?:(?:in|at|near)\s+(?:the\s+)?)?$",
        re.IGNORECASE,
    )


@cache
def _launch_site() -> re.Pattern[str]:
    """ "fired from ", "launched from the ": where the fire came from, right before a name."""
    words = word_alternation(word_set("en", "places", "launch_participles"))
    return re.compile(rf"\b(?:{words})\s+from\s+(?:the\s+)?(?-i:[a-z]+\s+){{0,2}}$", re.IGNORECASE)


_IN_AFTER_PLACE = re.compile(r"\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}", re.IGNORECASE)
# A form of "be" (or "get") right before a verb makes it passive: the doer placed before it was the target.
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being", "got", "get", "gets"})
# How far after the shooter's place its verb of firing may stand: "... positioned in X village east of Y fired".
FIRING_VERB_REACH = 80


def _fires_after(rest: str) -> bool:
    """The doer placed before ``rest`` fires: the first verb of firing in reach is not passive."""
    verbs = word_set("en", "places", "firing_verbs")
    words = re.findall(r"[A-Za-z]+", rest[:FIRING_VERB_REACH].lower())
    for i, word in enumerate(words):
        if word in verbs:
            return i == 0 or words[i - 1] not in _PASSIVE
    return False


def place_quarters_in_their_town(
    mentions: list[Mention], named: Callable[[PlaceMention], bool] = lambda _pm: False
) -> None:
    """city_quarter_at_its_town: ACLED codes an event in a quarter of a city at the city. A name written as a quarter
    ("the Karm neighbourhood", "the neighbourhoods of X and Y", "X and Y neighbourhoods") that the gazetteer lacks,
    or reads as a town too far away to be part of the city (quarters often share a village's name), lies in the town
    the text puts it in ("X neighbourhood in Y", "the X quarter of Y"), else another town its sentence names, else
    the town the report has named most before it. The quarter stays unresolved, named as written (so two quarters
    stay two places), and its sentence takes that town as its context place, as a sentence with no place of its own
    takes its context's. A quarter the gazetteer knows in its city (a curated site) stays. A word that names a quarter
    in a city's news and a unit elsewhere ("district") heads a quarter unless the gazetteer holds a town under the
    name as written (``named``: "Harem district" is the district of the town Harem)."""
    towns = sorted(
        (
            pm
            for m in mentions
            for pm in m.places
            if pm.role == LOCATION_ROLE and pm.place is not None and pm.place.precision == "town"
        ),
        key=lambda pm: pm.span.start,
    )
    quarters = {
        id(pm)
        for m in mentions
        for pm in m.places
        if pm.role == LOCATION_ROLE and _written_as_quarter(pm, m, _quarter_heads(named(pm)))
    }
    if not quarters:
        return
    cities = [pm for pm in towns if id(pm) not in quarters]
    confirmed = {_place_key(pm) for pm in cities}
    for mention in mentions:
        context: PlaceMention | None = None
        for pm in mention.places:
            if id(pm) not in quarters:
                continue
            town = _town_of_quarter(pm, mention, quarters, cities)
            if town is None or town.place is None:
                continue
            # A reading the text supports stays: the quarter's own words name its town ("Seattle's Capitol Hill
            # neighbourhood"), or the report names that town on its own elsewhere.
            if pm.place is not None and (
                pm.place.precision not in ("town", "admin2")
                or haversine_km(pm.place.lat, pm.place.lon, town.place.lat, town.place.lon) <= QUARTER_KM
                or _POSSESSIVE.search(pm.text) is not None
                or _place_key(pm) in confirmed
            ):
                continue
            pm.place = None
            context = context or town
        fine = [pm for pm in mention.places if pm.place is not None and pm.place.precision in FINE_PLACES]
        if context is not None and context.place is not None and not fine:
            mention.places.append(PlaceMention(context.text, context.span, INHERITED_ROLE, context.place))


_POSSESSIVE = re.compile(r"\w['’]s\b")
# A quarter read this far from its city is a namesake elsewhere: a city's quarters lie within a city's reach.
QUARTER_KM = 25.0
_NAME_WORD = re.compile(r"[\w'’-]+")
_LIST_PUNCTUATION = re.compile(r"[^\w\s,'’-]")
# How far a quarter's name can stand from its head word within one list: "the neighbourhoods of A, B, C and D".
QUARTER_LIST_REACH = 80


def _quarter_heads(named_as_a_town: bool) -> frozenset[str]:
    """The words that head a quarter of a town; those that may head a unit too ("district") only for a name the
    gazetteer holds no town under."""
    heads = word_set("en", "places", "quarter_heads")
    return heads if named_as_a_town else heads | word_set("en", "places", "unit_or_quarter_heads")


def _written_as_quarter(pm: PlaceMention, mention: Mention, heads: frozenset[str]) -> bool:
    """The name is a quarter (or a building) of a town: one a singular quarter word heads ("the Karm neighbourhood",
    "the neighbourhood of Karm"), one a building word follows ("the Razi hospital"), or one of a list of names a
    plural quarter word governs ("the neighbourhoods of A and B", "A and B neighbourhoods"). A plural head over one
    name names the town whose quarters they are ("the eastern neighbourhoods of Aleppo", "Aleppo neighbourhoods")."""
    buildings = word_set("en", "places", "building_heads")
    words = pm.text.lower().split()
    if words and words[-1] in heads:
        return not _plural(words[-1]) or bool(re.search(r",|\band\b", pm.text))
    if len(words) > 1 and words[-1] in buildings:
        return True
    sentence, offset = mention.sentence.text or "", mention.sentence.start
    start, end = pm.span.start - offset, pm.span.end - offset
    if not sentence or not 0 <= start < end <= len(sentence):
        return False
    # "the Al-Razi hospital": a building's name
    following = re.match(r"\s+([a-z]+)\b", sentence[end:])
    if following is not None and following.group(1) in buildings:
        return True
    head = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
    before = sentence[max(0, start - QUARTER_LIST_REACH) : start]
    after = sentence[end : end + QUARTER_LIST_REACH]
    listed = _LIST_GOES_ON.match(after) is not None or _LIST_WENT_ON.search(before) is not None
    governing = list(re.finditer(rf"\b(?P<head>{head})\s+of\s+(?:the\s+)?", before, re.IGNORECASE))
    # "the neighbourhood of A", not "the Karm neighbourhood of A" (A is then the town)
    if (
        governing
        and _only_names(before[governing[-1].end() :])
        and not _ENDS_A_NAME.search(before[: governing[-1].start()])
    ):
        return not _plural(governing[-1]["head"]) or listed
    closing = re.search(rf"\s(?P<head>{head})\b", after, re.IGNORECASE)
    if closing is not None and _only_names(after[: closing.start()]):
        return not _plural(closing["head"]) or listed
    return False


def _plural(head: str) -> bool:
    return head.lower().endswith("s")


# A name word right before a quarter word: "Karm neighbourhood", "al-Jadida quarter".
_ENDS_A_NAME = re.compile(r"(?:\b[A-Z][\w'’-]*|\b[ae]l-[\w'’-]+)\s*$")
# Another name follows in the list ("A, B and C"), or one came before ("... A and B").
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b)\s*(?:the\s+)?(?:[A-Z]|[ae]l-)")
_LIST_WENT_ON = re.compile(r"[\w'’-]\s*(?:,|\band)\s*(?:the\s+)?$")


def _only_names(between: str) -> bool:
    """Nothing but names, commas and "and" (the rest of a list of names)."""
    if _LIST_PUNCTUATION.search(between):
        return False
    openers = word_set("en", "places", "name_openers") | word_set("en", "places", "name_particles") | {"and"}
    return all(
        word[0].isupper() or word.lower() in openers or word.lower().split("-")[0] in openers
        for word in _NAME_WORD.findall(between)
    )


def _town_of_quarter(
    quarter: PlaceMention, mention: Mention, quarters: set[int], cities: list[PlaceMention]
) -> PlaceMention | None:
    """The town a quarter is part of: the one written right after it with "in" or "of" ("X neighbourhood in Y"),
    else another town its sentence names, else the town named last before the sentence."""
    sentence, offset = mention.sentence.text or "", mention.sentence.start
    own = [pm for pm in cities if mention.sentence.start <= pm.span.start < mention.sentence.end]
    for town in own:
        between = sentence[quarter.span.end - offset : town.span.start - offset]
        if (
            0 <= len(between) <= QUARTER_LIST_REACH
            and _OF_TOWN.search(between)
            and not _LIST_PUNCTUATION.search(between)
        ):
            return town
    if own:
        return own[0]
    # the town the report names most so far (a city's roundup names the city and its quarters), the latest on a tie
    earlier = [pm for pm in cities if pm.span.start < mention.sentence.start]
    named = Counter(_place_key(pm) for pm in earlier)
    return max(reversed(earlier), key=lambda pm: named[_place_key(pm)], default=None)


def _place_key(pm: PlaceMention) -> str:
    return pm.place.gazetteer_id or pm.place.name if pm.place is not None else ""


# What stands between a quarter and its town: "... neighbourhood in ", " quarter of the city of ".
_OF_TOWN = re.compile(r"\b(?:in|of)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)


def _without_sponsors(sentence: str) -> str:
    """The sentence less its sponsors and bases ("the Britain-based Observatory", "US-led strikes"): a country
    named so says who, not where."""
    return _sponsor_pattern().sub(" ", sentence)


@cache
def _sponsor_pattern() -> re.Pattern[str]:
    """ "Britain-based", "US - led": a word joined by a hyphen to a sponsor participle (``sponsor_participles``)."""
    words = "|".join(sorted(map(re.escape, place_rules().sponsor_participles), key=len, reverse=True))
    return re.compile(rf"\b[\w.]+\s*-\s*(?:{words})\b")


def keep_unknown_places(extraction: Extraction, places: DocumentPlaces, gazetteer: Gazetteer) -> None:
    """A place the gazetteer lacks, in a sentence with no other place, is kept as written at the document's country
    (:func:`sitrep.geo.inherit.fall_back_to_country`). Called once other stages have shared places between reports
    of one incident, so that such a sentence never takes another sentence's town through its country."""
    country = places.home

    def container_of(mention: Mention, unknown: PlaceMention) -> Place | None:
        """The unit the text puts an unknown name in ("the X area in Y governorate"), when the gazetteer knows it."""
        name, within, unit = unknown.text.rpartition(" in ")
        if not (within and name.strip() and unit.strip()):
            after = mention.sentence.text[unknown.span.end - mention.sentence.start :]
            written = _UNIT_AFTER.match(after)
            unit = written["unit"] if written else ""
            head = unit.rsplit(" ", 1)[-1]
            if head.islower() and not is_generic_word(head):  # "in Hodeidah on Tuesday": no unit word
                unit = unit.rsplit(" ", 1)[0]
        if unit.strip():
            place = gazetteer.resolve(unit, GeoContext(document_countries=places.countries))
            if place is not None and place.precision in CONTAINER_PRECISIONS:
                return place
        return place_within(unknown.text, places, gazetteer)

    fall_back_to_country(extraction.mentions, gazetteer.country_place(country) if country else None, container_of)


def _relation_words() -> re.Pattern[str]:
    words = sorted(word_set("en", "places", "within_relations"), key=len, reverse=True)
    return re.compile(rf"\s(?:{'|'.join(map(re.escape, words))})\s", re.IGNORECASE)


def place_within(text: str, places: DocumentPlaces, gazetteer: Gazetteer) -> Place | None:
    """The place an unknown name's own text says it lies in or near, when the gazetteer knows that one: "the
    southern neighbourhoods of the capital Damascus" are in Damascus (a town's part: the town, at town precision),
    "the X area south of Idlib" is near Idlib (a town reached by a direction or "near": the area around it,
    precision admin2, ACLED's geo_precision 2). Only a place in the document's country, finer than a country, is
    taken; the first relation that yields one wins, the outermost name last ("X south of Y in Z": Y before Z)."""
    relations = list(_relation_words().finditer(text))
    context = GeoContext(document_countries=places.countries)
    for relation in relations:
        inner = text[relation.end() :].strip(" ,")
        place = gazetteer.resolve(inner, context) if inner else None
        if place is None or place.precision not in FINE_CONTAINERS:
            continue
        if places.home is not None and place.country != places.home:
            continue
        # "the southern neighbourhoods of X": a part (or parts) of the town X
        before = _PLURAL_S.sub("", text[: relation.start()])
        part_of = names_part_of_a_town(before) and relation.group().strip().lower() == "of"
        if place.precision in ("town", "site") and not part_of:
            return replace(place, precision="admin2")
        return place
    return _city_whose_quarters_they_are(text, places, gazetteer)


def _city_whose_quarters_they_are(text: str, places: DocumentPlaces, gazetteer: Gazetteer) -> Place | None:
    """city_named_by_its_quarters: "Aleppo neighbourhoods", "the Homs neighbourhood": a town-part head after the
    name of a city (a capital or a big city, ``Gazetteer.is_landmark``) is a part of that city, at the city's point
    and precision. A smaller town's name before a quarter word is as often a quarter's own name ("the Karm
    neighbourhood"), which is left alone."""
    name, _, head = text.rpartition(" ")
    singular = f"{name} {head.removesuffix('s')}" if name else text  # "Aleppo neighbourhoods": each a part
    if not names_part_of_a_town(singular):
        return None
    core = parse_mention(singular).core
    city = gazetteer.resolve(core, GeoContext(document_countries=places.countries)) if core else None
    if city is None or city.precision != "town" or (places.home is not None and city.country != places.home):
        return None
    return city if gazetteer.is_named(city, core, romanised=True) and gazetteer.is_landmark(city) else None


def scope_claims(extraction: Extraction, places: DocumentPlaces, gazetteer: Gazetteer) -> None:
    """A claim that names no place is about the town it points back at, else the report's main country."""
    main_country = places.most_named or most_named_country(extraction.mentions)
    scope_unplaced_claims(
        extraction.claims, extraction.mentions, gazetteer.country_name(main_country) if main_country else None
    )
