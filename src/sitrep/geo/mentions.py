"""Geocoding the place mentions of extracted event mentions, and choosing the most specific place."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from sitrep.data import data_path, word_set
from sitrep.extract.quantities import NUMBER_WORDS
from sitrep.geo.build import split_aliases
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer, GeoContext, plausibly_contains
from sitrep.geo.normalise import is_calendar_word, name_key
from sitrep.model import NAME_ROLE, PLACE_PRECISIONS, Mention, Place, PlaceMention, Span

# A proper noun no parser called a place is one only if the gazetteer has its very name (or a spelling this close).
EXACT_NAME_SIMILARITY = 0.95

# Two readings this close are one place read twice.
SAME_PLACE_KM = 25.0

# "Nyaung Pin Thar village in Sagaing Region": what lies between a place and the unit said to hold it.
_IN_UNIT = re.compile(r"\s*,?\s*in\s+(?:the\s+)?", re.IGNORECASE)

# PLACE_PRECISIONS is ordered site, town, admin2, admin1, country, region: most specific first.
_RANK = {precision: rank for rank, precision in enumerate(PLACE_PRECISIONS)}


def most_specific(places: Sequence[Place]) -> Place | None:
    """The most specific place (site > town > admin2 > admin1 > country > region); ties by score."""
    if not places:
        return None
    return min(places, key=lambda p: (_RANK.get(p.precision, len(_RANK)), -p.score))


def geocode_mentions(
    mentions: list[Mention],
    document_text: str,
    gazetteer: Gazetteer,
    text_countries: Sequence[str] | None = None,
) -> list[Mention]:
    """Fill ``PlaceMention.place`` for every mention's places, in place; unresolved places stay None.

    ``text_countries`` are the document's countries, most named first, when the caller has counted them already.
    """
    countries = tuple(gazetteer.countries_in_text(document_text) if text_countries is None else text_countries)
    written = sorted({(pm.span.start, pm.text) for m in mentions for pm in m.places})
    for mention in mentions:
        sentence = document_text[mention.sentence.start : mention.sentence.end]
        nearby = nearest_places_first(written, mention.sentence)
        context = GeoContext(sentence=sentence, document_countries=countries, nearby_places=nearby)
        exact = replace(context, min_similarity=EXACT_NAME_SIMILARITY)
        for pm in mention.places:
            drop_lost_possessive(pm, gazetteer)
            pm.place = gazetteer.resolve(pm.text, exact if pm.role == NAME_ROLE else context)
            if _one_bare_word(pm) and pm.place is not None and not gazetteer.is_named(pm.place, pm.text):
                pm.place = None
            if pm.place is None:
                find_the_name_inside(pm, gazetteer, exact)
        drop_readings_outside_their_unit(mention.places, document_text)
        drop_bracketed_other_names(mention.places, document_text, next(iter(countries), None))
    return mentions


def nearest_places_first(written: Sequence[tuple[int, str]], sentence: Span) -> tuple[str, ...]:
    """nearest_places_decide: the places a document names, as context for one sentence's names, those of the sentence
    first, then the others by how far from it they are written (the one before it on a tie). A long round-up moves
    from province to province ("Idlib: ... Hama: ... Daraa: ..."), and a village's namesakes are told apart by the
    places named around it, not by those the story began with; the gazetteer weighs only the first few."""

    def distance(item: tuple[int, str]) -> tuple[int, int]:
        start = item[0]
        if sentence.start <= start < sentence.end:
            return (0, start)
        return (sentence.start - start if start < sentence.start else start - sentence.end + 1, start)

    return tuple(dict.fromkeys(text for _start, text in sorted(written, key=distance)))


# A name found inside a longer mention is a place at least this fine: a country adds nothing to the words taken off.
_INSIDE_PRECISIONS = frozenset({"site", "town", "admin2", "admin1"})
_MENTION_WORD = re.compile(r"\S+")


def find_the_name_inside(pm: PlaceMention, gazetteer: Gazetteer, context: GeoContext) -> None:
    """name_after_words_that_say_whose: a mention the gazetteer cannot read whole may open with words that say whose
    or when, not where: a country or its people ("Syrian Idlib province", like a possessive that lost its
    apostrophe), a day, a wire's filing town set in capitals. With them taken off, a place's own name as written
    (not another romanisation: the cut is a guess) places it; the mention is cut to that name, with its span. Other
    words stay ("Murad Sezer" is not the town its first word spells) unless they close the mention and name a unit
    that holds the place (:func:`_holds`: "Tabqa Syria", "X Idlib province") or say when ("Aleppo Monday")."""
    words = list(_MENTION_WORD.finditer(pm.text))
    first = 0
    while first < len(words) - 1 and _says_something_else(words[first].group(), gazetteer):
        first += 1
    # The longest reading first: the mention less its opening words, then less its closing words too.
    for last in range(len(words), first, -1):
        if first == 0 and last == len(words):
            continue  # the whole mention, read already
        cut_start, cut_end = words[first].start(), words[last - 1].end()
        name = pm.text[cut_start:cut_end]
        place = gazetteer.resolve(name, context)
        if place is None or place.precision not in _INSIDE_PRECISIONS:
            continue
        tail = pm.text[words[last].start() :] if last < len(words) else ""
        # A unit written after the name confirms the cut: another romanisation of the name will do there.
        held = bool(tail) and _holds(tail, place, gazetteer, context)
        if not gazetteer.is_named(place, name, romanised=held):
            continue
        if tail and not (held or _dates_or_files(tail)):
            continue
        if pm.span.text == pm.text:  # a mention that is its text as written keeps its span exact
            pm.span = Span(pm.span.doc, pm.span.start + cut_start, pm.span.start + cut_end, name)
        pm.text, pm.place = name, place
        return


def _holds(tail: str, place: Place, gazetteer: Gazetteer, context: GeoContext) -> bool:
    """name_before_its_unit: words after a place's name that lost the comma between them ("in Tabqa, Syria" scraped
    as "Tabqa Syria", "Millis, Idlib province", "Jobar, eastern Damascus") name a unit that holds the place: its
    country, its province, the town it is part of. The unit must be coarser than the place ("Hama Salamiyah" is
    not Hama), but a town named like its province stands for it ("Kafr Nabl Idlib")."""
    outer = gazetteer.resolve(tail, context)
    if outer is None or not plausibly_contains(outer, place):
        return False
    if _RANK.get(outer.precision, len(_RANK)) > _RANK.get(place.precision, len(_RANK)):
        return True
    return outer.precision == "town" and bool(outer.admin1) and name_key(outer.admin1) == name_key(outer.name)


def _dates_or_files(word: str) -> bool:
    """A day or month, or a word in capitals (a wire's filing town): after a name ("Aleppo Monday", "Deir ez-Zor
    MOSCOW") as before it, no part of it."""
    if len(word.split()) != 1:
        return False
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 4 and all(c.isupper() for c in letters)) or is_calendar_word(name_key(word))


def _says_something_else(word: str, gazetteer: Gazetteer) -> bool:
    """A word before a place's name that is no part of it: a country or its people, a day or month, a word in
    capitals (a filing town)."""
    return _dates_or_files(word) or bool(gazetteer.countries_in_text(word))


def _one_bare_word(pm: PlaceMention) -> bool:
    """bare_word_is_its_name: a single word no parser called a place is as often a person's name, an acronym or a
    building's: it is a place only under one of the place's own names, not another romanisation ("FSA" is no
    "Fisah", "Barazi" no "Abraz"). A bare name of several words may be respelled ("Shaikh Miskeen")."""
    return pm.role == NAME_ROLE and len(pm.text.split()) == 1


# "western Syrias Idlib province": a word ending in s before a capitalised word, maybe a possessive lost its apostrophe.
_POSSESSIVE_S = re.compile(r"\b(?P<owner>[A-Z][\w-]{2,}s)\s+(?=[A-Z])")


def drop_lost_possessive(pm: PlaceMention, gazetteer: Gazetteer) -> None:
    """ "eastern Syrias Deir Ezzor province", "Syrias Aleppo city": a country's possessive whose apostrophe the text
    lost says whose place it is, and is no part of its name (the country is context already). The mention is cut
    to the name after it, with its span; a country's name in the plural of its people ("Syrians") is not one."""
    for owner in _POSSESSIVE_S.finditer(pm.text):
        if not gazetteer.countries_in_text(owner["owner"], 0.0):
            continue
        cut = owner.end()
        if pm.span.text == pm.text:  # a mention that is its text as written keeps its span exact
            pm.span = Span(pm.span.doc, pm.span.start + cut, pm.span.end, pm.text[cut:])
        pm.text = pm.text[cut:]
        return


# A site, a town and a district are all where an event happened; a province or a country only says where around.
_FINENESS = {"site": 0, "town": 0, "admin2": 0, "admin1": 1, "country": 2, "region": 2}


def order_event_places(mentions: Sequence[Mention]) -> None:
    """Each mention's places, the event's own first, by four conventions of how a report says where:

    - ``landmark_after_relation``: a place named after a relation to another place ("Al-Shahil town east of Deir
      Ezzor", "a checkpoint in X, 30 km southeast of Y", "X near Y") is a landmark that says where the first lies:
      it goes after every place that is not one;
    - ``clause_of_the_event``: in a sentence that tells several events in coordinated clauses ("shelling on X and
      clashes in Y"), a place told in another event's clause goes after the places of the event's own clause;
    - ``most_specific_first``: the finest place the sentence gives (ACLED codes the most specific location named: "a
      bombing in Syria's border town of Azaz" happened in Azaz, not in Syria);
    - ``nearest_to_the_event``: among places as fine, the one nearest the event's word ("shelling on Daraa city and
      clashes near Damascus": the shelling is in Daraa).

    Unresolved places go last, in the order written."""
    triggers = _triggers_by_sentence(mentions)
    for mention in mentions:
        landmarks = _landmarks(mention)
        others = [t for t in triggers.get(_sentence_key(mention), []) if t != mention.trigger.start]
        mention.places.sort(
            key=lambda pm: (
                len(_FINENESS) if pm.place is None else 0,
                id(pm) in landmarks,
                _in_another_clause(pm, mention, others),
                0 if pm.place is None else _FINENESS.get(pm.place.precision, len(_FINENESS)),
                0 if pm.place is None else _distance_to_the_event(pm, mention.trigger),
            )
        )


def _sentence_key(mention: Mention) -> tuple[str, int, int]:
    return mention.sentence.doc, mention.sentence.start, mention.sentence.end


def _triggers_by_sentence(mentions: Sequence[Mention]) -> dict[tuple[str, int, int], list[int]]:
    """Where each sentence's event words start, in order."""
    found: dict[tuple[str, int, int], set[int]] = {}
    for mention in mentions:
        found.setdefault(_sentence_key(mention), set()).add(mention.trigger.start)
    return {key: sorted(starts) for key, starts in found.items()}


# What joins two clauses that tell two events: "shelling on X and clashes in Y", "...; raids on Z", "X, while Y".
_CLAUSE_JOINT = re.compile(r"\band\b|\bwhile\b|\bwhereas\b|[;,]", re.IGNORECASE)


def _in_another_clause(pm: PlaceMention, mention: Mention, others: Sequence[int]) -> bool:
    """The place is told in the clause of another event of the sentence: after the event's word, beyond another
    event's word with a clause joint before that word ("shelling on X and clashes in Y": Y for the shelling); or
    before the event's word, after another event's word, with a joint between it and the event's word (X for the
    clashes)."""
    text, offset = mention.sentence.text or "", mention.sentence.start
    own, at = mention.trigger.start, pm.span.start
    if not others or not text or not mention.sentence.start <= at < mention.sentence.end:
        return False

    def joint(start: int, end: int) -> bool:
        return _CLAUSE_JOINT.search(text[start - offset : end - offset]) is not None

    if at > own:
        return any(own < other < at and joint(mention.trigger.end, other) for other in others)
    return any(other < at for other in others) and joint(pm.span.end, own)


def _distance_to_the_event(pm: PlaceMention, trigger: Span) -> int:
    """Characters from the event's word to the start of a place's name."""
    return abs(pm.span.start - trigger.start)


@cache
def _landmark_relation() -> re.Pattern[str]:
    """What stands between a place and a landmark that locates it: ", some 30 km southeast of", " near the",
    " 20 km from"."""

    def alternatives(name: str) -> str:
        return "|".join(map(re.escape, sorted(word_set("en", "places", name), key=len, reverse=True)))

    # An amount is a figure or a number word ("three kilometres east of Y"); a distance may be followed by its
    # conversion in brackets ("30 km (20 miles) south of Y"), which does not change what it locates.
    amount = rf"(?:[\d.,]+|{'|'.join(map(re.escape, sorted(NUMBER_WORDS, key=len, reverse=True)))})"
    unit = rf"(?:{alternatives('distance_units')})"
    conversion = rf"(?:\(\s*(?:{amount}\s*-?\s*)?{unit}\s*\)\s+)?"
    distance = rf"(?:(?:{alternatives('approximators')})\s+)?{amount}\s*-?\s*{unit}\s+{conversion}"
    return re.compile(
        rf"\s*,?\s*(?:(?:{distance})?(?:to\s+the\s+)?(?:{alternatives('landmark_relations')})"
        rf"|{distance}(?:{alternatives('landmark_distance_relations')}))\s+(?:the\s+)?",
        re.IGNORECASE,
    )


def _landmarks(mention: Mention) -> set[int]:
    """The ids of a mention's places that only locate the place written before them ("X east of Y": Y)."""
    text, offset = mention.sentence.text or "", mention.sentence.start
    if not text:
        return set()
    written = sorted((pm for pm in mention.places if pm.span.doc == mention.sentence.doc), key=lambda pm: pm.span.start)
    found: set[int] = set()
    for located, landmark in pairwise(written):
        start, end = located.span.end - offset, landmark.span.start - offset
        if (
            located.place is not None
            and 0 <= start <= end <= len(text)
            and _landmark_relation().fullmatch(text[start:end])
        ):
            found.add(id(landmark))
    return found


def landmark_places(mention: Mention) -> list[PlaceMention]:
    """The mention's places written only as a landmark of the place before them (``landmark_after_relation``: "X
    east of Y", "a checkpoint in X, 30 km southeast of Y": Y), which says where X lies, not where the event was."""
    landmarks = _landmarks(mention)
    return [pm for pm in mention.places if id(pm) in landmarks]


def drop_readings_outside_their_unit(places: Sequence[PlaceMention], document_text: str) -> None:
    """ "X village in Y Region": a reading of X that lies outside Y is another place of that name (the only
    Nyaung Pin Thar the gazetteer knows is near Yangon, not in Sagaing), so X is left unresolved."""
    ordered = sorted(places, key=lambda pm: pm.span.start)
    for inner, outer in pairwise(ordered):
        if inner.place is None or outer.place is None or inner.place.precision not in ("town", "site"):
            continue
        if outer.place.precision not in ("admin1", "admin2"):
            continue
        between = document_text[inner.span.end : outer.span.start]
        if _IN_UNIT.fullmatch(between) and not plausibly_contains(outer.place, inner.place):
            inner.place = None


# "Abu Rasin (Zarkan)": a town's other name, in brackets right after it.
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)")
_FINE = {"site", "town"}


def drop_bracketed_other_names(places: Sequence[PlaceMention], document_text: str, home: str | None = None) -> None:
    """ "Abu Rasin (Zarkan)": a town named again in brackets right after a town is the same town by another name.
    Two readings far apart cannot both be it: the one outside the document's country ``home`` is a namesake
    elsewhere (an Iraqi Zarkan in a report on Syria), else the bracketed one; it is left unresolved."""
    ordered = sorted(places, key=lambda pm: pm.span.start)
    for named, other in pairwise(ordered):
        if named.place is None or other.place is None or {named.place.precision, other.place.precision} - _FINE:
            continue
        between = document_text[named.span.end : other.span.start]
        if not (_BRACKET_OPEN.fullmatch(between) and _BRACKET_CLOSE.match(document_text, other.span.end)):
            continue
        if haversine_km(named.place.lat, named.place.lon, other.place.lat, other.place.lon) <= SAME_PLACE_KM:
            continue
        if home is not None and named.place.country != home and other.place.country == home:
            named.place = None
        else:
            other.place = None


def geocode_dateline(
    dateline: PlaceMention | None,
    document_text: str,
    gazetteer: Gazetteer,
    countries: Sequence[str],
    own_name_only: bool = False,
) -> PlaceMention | None:
    """The dateline's place, if it resolves to a town or site in one of the document's countries (most named
    first). With ``own_name_only`` (unmarked_dateline_is_its_name: a word taken for the dateline by its position
    alone, set in capitals or standing before a wire's credit, as in "... east Syria Monitor AFP Saturday"), the
    word must be one of the place's own names: a filing town is written as it is known, and a common word there
    ("Monitor") is no respelling of a village ("Muntar")."""
    if dateline is None:
        return None
    context = GeoContext(sentence=document_text[: dateline.span.end + 200], document_countries=tuple(countries))
    place = gazetteer.resolve(dateline.text, context)
    if place is None or place.precision not in {"site", "town"} or (countries and place.country not in countries):
        return None
    if own_name_only and not gazetteer.is_named(place, dateline.text):
        return None
    dateline.place = place
    return dateline


@cache
def site_names() -> list[tuple[str, str]]:
    """(surface form, site id) for every curated site name and alias, for the entity ruler."""
    pairs: list[tuple[str, str]] = []
    with data_path("geo", "sites.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for surface in [row["name"], *split_aliases(row["aliases"])]:
                pairs.append((surface, row["id"]))
    return pairs
