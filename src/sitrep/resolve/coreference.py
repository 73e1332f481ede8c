"""Within one document, one incident is one event: its sentences are grouped before resolution.

An article tells an incident in several sentences: the lead, the toll, the
weapon, the wounded, the other side's account, the reactions, the aftermath.
Each report joins the incident the article is telling unless it carries its
own evidence of being another incident (``data/incidents.yaml``):
- another place it names itself: two sentences that each name their own place,
  and not the same one ("shelled Kafr Nabudah", "repelled an attack near
  Saraqib"), report two incidents even when the towns are close, and even when one
  adds the province the other's town lies in ("in Saraqib in Idlib province"); a place a
  sentence only inherited from earlier text is a guess and keeps nothing apart,
  and so is an area the gazetteer lacks ("the al-Hamra area") or a village it lacks
  against the province it may lie in, and a place named only as where the attackers
  were, where the wounded were taken or whose government a force serves
  ("positioned in", "evacuated to", "loyal to Damascus");
- another day its own sentence names ("on Tuesday" vs "last month"); a date
  carried over from earlier sentences keeps nothing apart, nor does one day's
  difference when one date is told from the moment of writing ("tonight");
- another kind of act (a protest is not a battle; a strike, a massacre and the
  clashes that followed may be one incident told three ways);
- another mode (a planned attack is not the one carried out), or another country;
- a doer of the other side: a strike or an attack by one side and one by the other, each named by its sentence,
  are two acts ("rebel rockets hit the city" / "government jets bombed the suburbs"; a toll "in rebel fire" names
  its doer too), not in a battle, where both sides act (doers_of_two_sides);
- a turn of the text to another incident ("Elsewhere, ..."), or a further act its doer also did at a place the
  sentence names ("Regime forces also shelled the towns of X and Y": also_another_act), or an act told as following
  or preceding the one told ("Warplanes later struck a clinic", "Clashes broke out after the blasts": sequel_act).
A report with no such evidence joins the incident that shares its place, else
the latest one the article told (a definite description, "the strikes", the latest that holds an act of its kind:
definite_description_of_its_kind). A definite description of an act ("The bomb struck the village of X") that
names no day of its own and has only its place against every incident restates the latest incident of its type
within ``CONFLICTING_PLACES_KM`` (restated_near). A headline (the document's title, where the
text opens with it, when the body tells more) abbreviates the article's lead incident ("Aleppo blast
kills six", "17 dead as militants attack Kurd town"): its shortened place and
its dateline are no evidence of another incident, so it joins the first incident
the body tells that is of its kind (not one the text tells as "another strike").
A report the rules would start an incident with joins the earlier incident a learned pair judgement
(``pair_cues``, ``data/models/coreference.README.md``) is near sure it tells (judged_one_incident): each rule's
evidence is one cue, and the judgement weighs it against the rest (the same sub-type, the same toll, the next
sentence). The grouping depends only on the document.

Before grouping, a sentence that gives each of its places its own figure ("30 were killed in A and another five in
B", "one in A, a second in B") is parted into one report per place (a_figure_per_place,
``split_by_place_figures``): a coder codes one event per place, each with its figure; places listed under one
figure ("killed 19 in A, B and C") stay one report. The parts of one sentence never share an incident, though
their places lie close (parts_of_one_sentence_apart), and each part after the first ("another five in B", "a
second in C") joins an earlier incident only where that incident names its very place (a_further_part_is_its_place):
the first figure may take up the incident the article was telling, the further ones add acts of their own.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sitrep.data import data_path, load_yaml, word_set
from sitrep.extract.actors import actor_dictionary
from sitrep.extract.background import LogisticModel, bucket, logistic_from_files
from sitrep.extract.dates import WEEKDAY_BY_NAME
from sitrep.extract.quantities import NUMBER_WORDS
from sitrep.geo.distance import haversine_km
from sitrep.geo.document import DESTINATION_ROLE, ORIGIN_ROLE
from sitrep.geo.inherit import FINE, UNRESOLVED_PREFIX
from sitrep.geo.normalise import country_keys, name_key, names_part_of_a_town, parse_mention, skeleton_key
from sitrep.ingest.paragraphs import title_variants
from sitrep.model import INHERITED_ROLE, DateInterval, Document, Mention, Place, PlaceMention, Quantity, Span

# Places that a village the gazetteer lacks may lie in.
COARSE = frozenset({"admin1", "country", "region"})
# A date this close to the start of a document is its dateline.
DATELINE_CHARS = 40
# Two resolved places farther apart than this are different incidents.
CONFLICTING_PLACES_KM = 50.0
# Two places a sentence names itself are the same place only this close (two gazetteer entries for one town).
SAME_PLACE_KM = 5.0
# A capital or a province's seat spreads this far: a village this close is its outskirts (city_outskirts).
CITY_REACH_KM = 10.0
# A site (a base, a crossing, a camp) is part of a town's incident only this close: an air base outside its town,
# not a border crossing 35 km from a city.
SITE_REACH_KM = 15.0
# A word of telling this close before a date gives the date to the telling ("said late on Sunday").
TELLING_REACH_WORDS = 3


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


def _far_apart(points_a: list[tuple[float, float]], points_b: list[tuple[float, float]]) -> bool:
    """Both sides have points and even the closest pair is farther than one incident can spread."""
    return (
        bool(points_a and points_b)
        and min(_distance_km(p, q) for p in points_a for q in points_b) > CONFLICTING_PLACES_KM
    )


def _fine_points(mention: Mention, own: bool = False) -> list[tuple[float, float]]:
    """Points of the mention's towns, sites and districts (with ``own``, only those its sentence names as places)."""
    return [
        (pm.place.lat, pm.place.lon)
        for pm in mention.places
        if pm.place is not None
        and pm.place.precision in FINE
        and not (
            own
            and (
                pm.role == INHERITED_ROLE
                or names_a_speaker(pm, mention)
                or names_another_role(pm, mention)
                or _names_a_time(pm)
            )
        )
    ]


def _own_places(mention: Mention) -> list[PlaceMention]:
    """The towns, sites, districts and provinces the sentence names itself, resolved or not; not a name that is a
    speaker's or where a speaker is (``speaker_not_place``), nor one that names a time ("the first day of Ramadan":
    ``times_not_places``) though the gazetteer holds a village of that name."""
    return [
        pm
        for pm in mention.places
        if pm.role != INHERITED_ROLE
        and (pm.place is None or pm.place.precision in FINE | {"admin1"})
        and not names_a_speaker(pm, mention)
        and not names_another_role(pm, mention)
        and not _names_a_time(pm)
    ]


def _names_a_time(pm: PlaceMention) -> bool:
    """time_not_place: the name is a day, a month or a feast ("Monday", "Ramadan"), whatever village it matched."""
    return name_key(pm.text) in load_rules().times_not_places


# Words between a cue of another role and the name it is about ("positioned in the village of X").
_BEFORE_THE_NAME = frozenset(
    {"the", "a", "an", "city", "town", "village", "of", "nearby", "neighbouring", "neighboring"}
)


def names_another_role(pm: PlaceMention, mention: Mention) -> bool:
    """place_of_another_role: the place is where the attackers were ("positioned in", "launched from"), where the
    wounded were taken ("taken to a hospital in"), or whose government a force serves ("loyal to Damascus"): not where
    the act was. The geocoder's roles say the first two (``origin``, ``destination``:
    ``sitrep.geo.document.mark_origins_and_destinations``) and a place that carries one is read as it; the words
    right before the name (``place_of_another_role``) decide the rest, and a place the geocoder did not mark."""
    if pm.role in (ORIGIN_ROLE, DESTINATION_ROLE):
        return True
    return _another_role_at(mention.sentence.text or "", pm.span.start - mention.sentence.start)


@functools.lru_cache(maxsize=65_536)
def _another_role_at(text: str, start: int) -> bool:
    """``names_another_role`` for the name at ``start`` of a sentence: resolution asks it again of every report of
    every candidate event (where the event's reports place it), so each answer is kept (a function of the text and
    the offset alone)."""
    if not 0 <= start <= len(text):
        return False
    before = re.findall(r"[a-z]+", text[:start].casefold())[-8:]
    while before and before[-1] in _BEFORE_THE_NAME:
        before.pop()
    return len(before) >= 2 and " ".join(before[-2:]) in word_set("en", "coreference", "place_of_another_role")


def names_a_speaker(pm: PlaceMention, mention: Mention) -> bool:
    """speaker_not_place: the name is a speaker's ("Barazi said", "said Kerry", "a witness named Ahmad") or says where
    a speaker is ("a hospital source in Hassakeh city said"): the gazetteer may know a town of that name, but the
    sentence does not place the incident there."""
    text = mention.sentence.text or ""
    return _speaker_at(text, pm.span.start - mention.sentence.start, pm.span.end - mention.sentence.start)


@functools.lru_cache(maxsize=65_536)
def _speaker_at(text: str, start: int, end: int) -> bool:
    """``names_a_speaker`` for the name at ``[start, end)`` of a sentence: resolution asks it again of every report
    of every candidate event, so each answer is kept (a function of the text and the offsets alone)."""
    if not 0 <= start < end <= len(text):
        return False
    before = re.findall(r"[a-z]+", text[:start].casefold())[-4:]
    saying = word_set("en", "coreference", "saying_words")
    speakers = word_set("en", "coreference", "speaker_heads")
    # Only a space between the name and the word of saying: 'the village of Taduf" said the monitor' ends a quote.
    next_word = re.match(r"\s+([a-z]+)\b", text[end:].casefold())
    last_word = re.search(r"\b([a-z]+)\s+$", text[:start].casefold())
    if (next_word and next_word.group(1) in saying) or (last_word and last_word.group(1) in saying):
        return True
    if len(before) >= 2 and before[-1] == "named" and before[-2] in speakers:
        return True
    while before and before[-1] in {"the", "city", "town", "of", "village"}:
        before.pop()
    return len(before) >= 2 and before[-1] in {"in", "at", "from"} and before[-2] in speakers


def own_place_mentions(mention: Mention) -> list[PlaceMention]:
    """The places the sentence names itself (not those inherited from its context), resolved or not."""
    return _own_places(mention)


def _town_part(pm: PlaceMention) -> bool:
    """ "the Mogambo neighbourhood", "al-Midan district": a part of a town the gazetteer does not place."""
    return (pm.place is None or pm.place.precision == "site") and names_part_of_a_town(pm.text)


def _vague(pm: PlaceMention) -> bool:
    """A place the gazetteer lacks that names a part or an area of something ("the Qaterji neighbourhood", "the
    al-Sheitaat area", "Eastern Ghouta region"), or only describes one ("a mainly Kurdish town", "60 villages"): it
    may lie in any place the article names."""
    if pm.place is not None:
        return False
    if set(name_key(pm.text).split()) & word_set("en", "coreference", "vague_place_heads"):
        return True
    if _part_of_the_town_told(pm):
        return True
    return _describes_a_place(pm)


def _describes_a_place(pm: PlaceMention) -> bool:
    """indefinite_place: "a mainly Kurdish town", "60 villages", "several districts" describe a place, not name it."""
    words = pm.text.split()
    return bool(words) and (
        words[0].casefold() in word_set("en", "coreference", "indefinite_place_words") or words[0][:1].isdigit()
    )


# "of the city", "of the town", "of the capital": the words refer to a town the text has named.
_OF_THE_TOWN = re.compile(r"\bof\s+the\s+(?:\w+\s+)?(?:city|town|capital|village)\b", re.IGNORECASE)


def _part_of_the_town_told(pm: PlaceMention) -> bool:
    """part_of_the_town_told: a part of a town the gazetteer lacks that the sentence places "of the city" ("the
    Al-Zahraa neighbourhood of the city", "a district of the northern town") lies in the town the article tells of: no
    evidence of another place. A part named alone ("the Qaterji neighbourhood") may lie in any town, and stays apart."""
    return names_part_of_a_town(pm.text) and bool(_OF_THE_TOWN.search(pm.text))


def _one_name_written(a: PlaceMention, b: PlaceMention) -> bool:
    """One name as written, also when one is its possessive with the apostrophe lost ("Raqqas military court")."""
    x, y = name_key(a.text), name_key(b.text)
    return x == y or (bool(x) and bool(y) and (x + "s" == y or y + "s" == x))


def _may_be_one_place(a: PlaceMention, b: PlaceMention) -> bool:
    """Nothing says the two are different places: the same place, a place the gazetteer lacks and a province or a
    country it may lie in, or a part or an area the gazetteer lacks and any place (``vague_place_heads``)."""
    if _same_place(a, b) or _vague(a) or _vague(b):
        return True
    known = a.place or b.place
    return (a.place is None or b.place is None) and known is not None and known.precision in COARSE


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place, or one inside the other (a town and its province, a camp at a town's edge, the town's
    neighbourhoods: one incident's location is its town, as ACLED codes it)."""
    if _one_name_written(a, b):
        return True
    if _town_part(a) and _town_part(b):
        return True
    x, y = a.place, b.place
    if x is None or y is None:
        return False
    if x.gazetteer_id == y.gazetteer_id:
        return True
    if "admin1" in (x.precision, y.precision):
        outer, inner = (x, y) if x.precision == "admin1" else (y, x)
        return (
            inner.precision != "admin1"
            and inner.country == outer.country
            and ((inner.admin1 or "").casefold() == (outer.admin1 or outer.name).casefold())
        )
    precisions = (x.precision, y.precision)
    reach = CITY_REACH_KM if _a_city(x) or _a_city(y) else SAME_PLACE_KM
    if "admin2" in precisions:
        reach = CONFLICTING_PLACES_KM
    elif "site" in precisions:
        reach = SITE_REACH_KM
    return _distance_km((x.lat, x.lon), (y.lat, y.lon)) <= reach


def _a_city(place: Place) -> bool:
    """city_outskirts: a capital, or a town named like its province (its seat: "Hasakah", "Raqqa", "Homs"), whose
    suburbs and edge villages ("Tall Tawil village", "the Damascus suburb of Qudsaya") lie within ``CITY_REACH_KM``
    of its point: a sentence naming one of them and another naming the city may tell one incident."""
    if place.precision != "town":
        return False
    return place.feature == "PPLC" or (
        bool(place.admin1) and skeleton_key(name_key(place.admin1 or "")) == skeleton_key(name_key(place.name))
    )


def _finest(mention: Mention) -> list[PlaceMention]:
    """The towns, sites and districts the sentence names itself, and the names the gazetteer lacks ("the village
    of Kafr Dubbin"); not the province or country it adds ("in Idlib province")."""
    own = _own_places(mention)
    text = mention.sentence.text
    return [
        pm
        for pm in own
        if not _locates_another(pm, own, text, mention.sentence.start)
        and (
            (pm.place is not None and pm.place.precision in FINE and not _stands_for_the_province(pm, own))
            or (pm.place is None and parse_mention(pm.text).core[:1].isupper())
        )
    ]


# "Kafr Dubbin, Idlib", "Tell Marqa in Idlib", "near Saraqib in the south of Idlib", "Kafr Dubbin, some 30 km (20
# miles) south of Idlib" (distance_locates): the second place locates the first, it is not a place of the incident of
# its own.
_DISTANCE = (
    r"(?:(?:about|some|around|nearly|roughly|almost|just|only)\s+)?(?:\d+(?:\.\d+)?|[a-z]+)\s*"
    r"(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile)\b\W*(?:\([^)]*\)\W*)?"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)\w*\s+of|from|outside|away\s+from)"
)
_LOCATOR = re.compile(
    r"^\W*(?:,|in|near|outside|of|(?:in\s+)?the\s+\w+\s+of|(?:north|south|east|west)\w*\s+of|" + _DISTANCE + r")?"
    r"\W*(?:the\s+)?$",
    re.IGNORECASE,
)
# The longest text a locator phrase spans between two places ("about 30 kilometres (20 miles) south of the").
LOCATOR_CHARS = 60


def _locates_another(pm: PlaceMention, own: list[PlaceMention], text: str, offset: int) -> bool:
    """The place follows another the sentence names, joined only by a comma or "in": it says where that one is."""
    for other in own:
        if other is pm or other.span.end > pm.span.start or other.span.end <= offset:
            continue
        between = text[other.span.end - offset : pm.span.start - offset]
        if len(between) <= LOCATOR_CHARS and _LOCATOR.match(between):
            return True
    return False


def _stands_for_the_province(pm: PlaceMention, own: list[PlaceMention]) -> bool:
    """ "Suran, Hama": a city named like the province of another place the sentence names stands for the
    province, not for a second town."""
    names = {name_key(pm.text)} | ({name_key(pm.place.name)} if pm.place is not None else set())
    own_id = pm.place.gazetteer_id if pm.place is not None else ""
    return any(
        other is not pm
        and other.place is not None
        and other.place.admin1
        and name_key(other.place.admin1) in names
        and other.place.gazetteer_id != own_id
        for other in own
    )


def _same_name(a: PlaceMention, b: PlaceMention) -> bool:
    """One name however romanised ("Saqba"/"Sabqa" are not; "Qamishli"/"Qamishlo" are)."""
    return skeleton_key(parse_mention(a.text).core) == skeleton_key(parse_mention(b.text).core)


def distinct_places(a: Mention, b: Mention) -> bool:
    """Each names its own town, site or village and no two of them are one place: two incidents, even when the
    gazetteer lacks both villages and both fall back to the same province, and even when the towns are close."""
    return _none_the_same(_finest(a), _finest(b))


def _none_the_same(places_a: list[PlaceMention], places_b: list[PlaceMention]) -> bool:
    """Both name places and no place of one is a place of the other (the same, inside it, or one name)."""
    if not places_a or not places_b:
        return False
    return not any(_same_place(x, y) or _same_name(x, y) for x in places_a for y in places_b)


# "in Jisr al-Shughur", "near Tell Marqa", "from Wad Rawa Jadid", "shelled Bir Hasan": a capitalised name after a
# locative or a verb of attack, as the text writes it (particles such as al-, el-, bin, de may join its words); and
# after the people of a place (residents_of_a_place: "Residents of Tayba Nasr protested", "villagers of Um Sayala").
_WRITTEN_PLACE = re.compile(
    r"\b(?:in|near|outside|from|at|shelled|bombed|struck|hit|raided|stormed|targeted"
    r"|(?:[Rr]esidents|[Ii]nhabitants|[Vv]illagers|[Pp]eople)\s+of)\s+"
    r"((?:[A-Z][\w'’-]*|(?:al|el|ad|as|ar|ash|at|az|bin|ibn|de|du|la|le)-?[A-Z][\w'’-]*)"
    r"(?:\s+(?:(?:al|el|bin|ibn|de|du|la|le|of)\s+)?(?:[A-Z][\w'’-]*|(?:al|el|ad|as|ar|ash|at|az)-[A-Z][\w'’-]*))*)"
)


def _keys_of(pm: PlaceMention) -> set[str]:
    keys = {name_key(pm.text), name_key(parse_mention(pm.text).core)}
    if pm.place is not None:
        keys.add(name_key(pm.place.name))
    return {k for k in keys if k}


def written_places(mention: Mention) -> set[str]:
    """The names the sentence gives as places after a locative or a verb of attack, as written (keyed), whether
    or not the gazetteer knows them; not those that name (or sit inside the name of) a province, district, country
    or region the sentence names: those say where a village is, they are not a second place. A name that is one of
    the report's actors ("targeted ISIL strongholds": ``actor_not_place``) is no place, and a country's possessive
    before a name ("Syria's Raqqa", "Syrias Raqqa": ``country_possessive``) only says where the place is."""
    coarse = set().union(
        *(_keys_of(pm) for pm in mention.places if pm.place is not None and pm.place.precision not in FINE)
    )
    names = set()
    for match in _WRITTEN_PLACE.finditer(mention.sentence.text or ""):
        if _names_an_actor(match.group(1)):
            continue
        key = _without_country_possessive(name_key(re.sub(r"['’]s$", "", match.group(1))))
        if key in load_rules().times_not_places:
            continue
        if key and not any(key == c or c.startswith(key + " ") or key.startswith(c + " ") for c in coarse):
            names.add(key)
    return names


def _names_an_actor(name: str) -> bool:
    """actor_not_place: the capitalised name after a verb of attack is, whole, an actor's name in the actor dictionary
    ("targeted ISIL strongholds", "hit Hezbollah positions"): a doer or a target, not a place. A place that stands
    for an actor ("Kyiv said") is still a place."""
    dictionary = actor_dictionary()
    found = dictionary.find_match(name)
    return found is not None and found[0].group(0) == name and not dictionary.is_place_name(name)


def _without_country_possessive(key: str) -> str:
    """country_possessive: "syrias raqqa" -> "raqqa": a country's name with its possessive s (the apostrophe may be
    lost) before a name says in which country the place is; the place is the name after it."""
    first, _, rest = key.partition(" ")
    if rest and first.endswith("s") and first[:-1] in country_keys():
        return rest
    return key


def _identifying_names(mention: Mention) -> tuple[set[str], bool, set[str]]:
    """The names that say which town or village the report is about, and whether some are only as written (neither
    the place extractor nor the gazetteer placed them): the towns, sites and villages the sentence names that the
    gazetteer resolved, and the places as written; a resolved town that only says where a written village lies
    ("Umm Sharif, Hama", "Tell Marqa in Idlib") is left out."""
    text = mention.sentence.text or ""
    fine = [
        pm for pm in mention.places if pm.role != INHERITED_ROLE and pm.place is not None and pm.place.precision in FINE
    ]
    resolved = [(pm, _keys_of(pm)) for pm in fine]
    written = written_places(mention)
    unplaced = {w for w in written if not any(_one_name(w, k) for _, keys in resolved for k in keys)}
    locators: set[str] = set()
    for match in _WRITTEN_PLACE.finditer(text):
        if name_key(re.sub(r"['’]s$", "", match.group(1))) not in unplaced:
            continue
        after = re.match(r"\s*(?:,|in|near)\s+(?:the\s+)?", text[match.end() :])
        if after is None:
            continue
        rest = text[match.end() + after.end() :]
        for pm, keys in resolved:
            if rest.startswith(pm.text) or rest.casefold().startswith(parse_mention(pm.text).core.casefold()):
                locators |= keys
    names = {k for _, keys in resolved for k in keys if k not in locators} | unplaced
    return names, bool(unplaced), locators


def _one_name(x: str, y: str) -> bool:
    """One name inside the other, or the same however romanised and spaced ("Omdurman" / "Umm Durman")."""
    return (
        x == y
        or f" {x} " in f" {y} "
        or f" {y} " in f" {x} "
        or (skeleton_key(x).replace(" ", "") == skeleton_key(y).replace(" ", ""))
    )


def distinct_written_places(a: list[Mention], b: list[Mention]) -> bool:
    """One side's sentences name a village only as written (the place extractor or the gazetteer missed it, so the
    report fell back to the province), the other side names a village or town too, and no name of one side is a
    name of the other (one name inside the other, or the same name however romanised, is one place): two
    incidents. Each side is all the reports of one document's incident, or of one event, so that a roundup naming
    several towns is judged on all of them. When the gazetteer placed every name, ``distinct_places`` decides."""
    names_a, as_written_a, around_a = _names_of_reports(a)
    names_b, as_written_b, around_b = _names_of_reports(b)
    if not (as_written_a or as_written_b) or not names_a or not names_b:
        return False
    # "at KM4 in Mogadishu" and "in Mogadishu": the second names only the town the first's place lies in.
    if all(any(_one_name(x, y) for y in around_a) for x in names_b) or all(
        any(_one_name(x, y) for y in around_b) for x in names_a
    ):
        return False
    return not any(_one_name(x, y) for x in names_a for y in names_b)


# Each report's identifying names, by what they are computed from (its sentence and places): resolution compares a
# document's reports with every candidate event's, so the same report is read again for each candidate and for each
# later document. Bounded, so a long run does not grow it for ever.
_NAMES_SEEN: dict[tuple[object, ...], tuple[frozenset[str], bool, frozenset[str]]] = {}
_NAMES_SEEN_MAX = 200_000


def _names_key(mention: Mention) -> tuple[object, ...]:
    return (
        mention.id,
        mention.sentence.text,
        tuple(
            (
                pm.text,
                pm.role,
                pm.span.start,
                None if pm.place is None else (pm.place.gazetteer_id, pm.place.name, pm.place.precision),
            )
            for pm in mention.places
        ),
    )


def _remembered_names(mention: Mention) -> tuple[frozenset[str], bool, frozenset[str]]:
    key = _names_key(mention)
    found = _NAMES_SEEN.get(key)
    if found is None:
        if len(_NAMES_SEEN) >= _NAMES_SEEN_MAX:
            _NAMES_SEEN.clear()
        own, written, locators = _identifying_names(mention)
        found = _NAMES_SEEN[key] = (frozenset(own), written, frozenset(locators))
    return found


def _names_of_reports(reports: list[Mention]) -> tuple[set[str], bool, set[str]]:
    names: set[str] = set()
    around: set[str] = set()
    as_written = False
    for report in reports:
        own, written, locators = _remembered_names(report)
        names |= own
        around |= locators
        as_written = as_written or written
    return names, as_written, around


def _judged_places(mention: Mention) -> list[PlaceMention]:
    """The sentence's own places, without its parts of a town (``_part_of_a_town``) when it also names a town the
    gazetteer placed: "the Karam neighbourhood of Aleppo" is judged as Aleppo; parts of a town alone are judged as the
    town the sentence takes from the text before it, or names as where its speaker is, when it has one."""
    own = _own_places(mention)
    if any(pm.place is not None and not _part_of_a_town(pm, mention) for pm in own):
        return [pm for pm in own if not _part_of_a_town(pm, mention)]
    if own and all(_part_of_a_town(pm, mention) for pm in own):
        # part_of_the_town_in_context: "the Qaterji neighbourhood" in a sentence whose place the text before gave
        # as a town (Aleppo), or whose speaker is there ("a correspondent in Aleppo said ... the district of
        # Ramussa"), is a part of that town, and is judged as it.
        towns = [
            pm
            for pm in mention.places
            if pm.place is not None
            and pm.place.precision in FINE - {"site"}
            and (pm.role == INHERITED_ROLE or names_a_speaker(pm, mention))
        ]
        if towns:
            return towns
    return own


def _part_of_a_town(pm: PlaceMention, mention: Mention) -> bool:
    """A part of a town the gazetteer does not place as a town: by its own words ("the Karam neighbourhood"), or,
    in a sentence that names a city or takes one from the text before it, by the words around it
    (``part_by_its_words``): a city's quarters are what a report names so, while a "district of" a province is a
    district."""
    if _town_part(pm):
        return True
    if pm.place is not None and pm.place.precision != "site":
        return False
    if not any(other.place is not None and _a_city(other.place) for other in mention.places):
        return False
    if _quarter_by_its_head(pm.text):
        return True
    text = mention.sentence.text or ""
    return _called_a_part_at(text, pm.span.start - mention.sentence.start, pm.span.end - mention.sentence.start)


def _quarter_by_its_head(text: str) -> bool:
    """The words hold a head of a town's quarter (``town_quarter_heads``: "district", "quarter", "suburb")."""
    return bool(set(name_key(text).split()) & word_set("en", "coreference", "town_quarter_heads"))


@functools.lru_cache(maxsize=65_536)
def _called_a_part_at(text: str, start: int, end: int) -> bool:
    """part_by_its_words: the place extractor kept only the name, and the sentence calls it a part of a town: a
    head of a town's part right after it ("the Shahba neighbourhood", "the Al-Bayan hospital", "Daraa's Manshiyah
    district") or a quarter's head and "of" right before it with no name before the head ("the neighbourhood of
    Zahra", "the southern district of Ramussa"; not "the Zahra neighbourhood of Aleppo", where Aleppo is the town).
    A function of the text and the offsets alone, so each answer is kept."""
    if not 0 <= start < end <= len(text):
        return False
    after = re.match(r"[\s'’]*([\w-]+)", text[end:])
    if after is not None and (names_part_of_a_town(after.group(1)) or _quarter_by_its_head(after.group(1))):
        return True
    before = re.search(r"(\S+)\s+([a-z]+)\s+of\s+(?:the\s+)?$", text[:start])
    return (
        before is not None
        and before.group(2) in word_set("en", "coreference", "town_quarter_heads")
        and not before.group(2).endswith("s")
        and not before.group(1)[:1].isupper()
    )


def places_conflict(a: Mention, b: Mention) -> bool:
    """Each names its own place and they are not the same; a place only inherited from earlier text is a guess
    and conflicts with nothing."""
    own_a, own_b = _judged_places(a), _judged_places(b)
    if own_a and own_b:
        return not any(_may_be_one_place(x, y) for x in own_a for y in own_b)
    return _far_apart(_fine_points(a, own=True), _fine_points(b, own=True))


def _countries(mention: Mention) -> set[str]:
    return {
        pm.place.country
        for pm in mention.places
        if pm.place is not None
        and pm.place.country
        and not names_a_speaker(pm, mention)
        and not names_another_role(pm, mention)
        and not (pm.place.precision == "country" and _aside_country(pm, mention))
    }


def _aside_country(pm: PlaceMention, mention: Mention) -> bool:
    """country_in_an_aside: a country the sentence names only in a bracket ("Daesh (banned in Russia)") or as where
    people went ("an exodus of civilians to Turkey") does not say where the act was: no evidence of another country."""
    text = mention.sentence.text or ""
    start = pm.span.start - mention.sentence.start
    if not 0 <= start <= len(text):
        return False
    before = text[:start]
    in_bracket = before.rfind("(") > before.rfind(")")
    towards = bool(re.search(r"\b(?:to|into|towards)\s+(?:neighbouring\s+|neighboring\s+)?$", before, re.IGNORECASE))
    return in_bracket or towards


@dataclass(frozen=True, slots=True)
class IncidentRules:
    type_families: tuple[frozenset[str], ...]
    one_act_two_ways: tuple[tuple[str, str], ...]
    two_acts_by_means: tuple[frozenset[str], ...]
    facts_of_an_incident: frozenset[str]
    told_with_an_incident: frozenset[str]
    one_sided_types: frozenset[str]
    doer_modifier_reach_words: int
    unrealised_modalities: frozenset[str]
    another_incident: re.Pattern[str]
    headline_within_chars: int
    times_not_places: frozenset[str]


@functools.cache
def load_rules() -> IncidentRules:
    raw = load_yaml("incidents.yaml")  # checked against its schema (sitrep.data.schemas) as it is read
    cues = "|".join(re.escape(c) for c in raw["another_incident_cues"])
    # another_act_told: "A second rocket attack hit ...", "Other air strikes hit ...": an opener of a further act and
    # an act noun (one word may stand between them) turn the text to another incident.
    openers = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in word_set("en", "coreference", "another_act_openers")
    )
    acts = "|".join(re.escape(w) for w in word_set("en", "coreference", "act_nouns"))
    cues += rf"|(?:{openers})\s+(?:[\w-]+\s+)?(?:{acts})"
    return IncidentRules(
        type_families=tuple(frozenset(types) for types in raw["type_families"].values()),
        one_act_two_ways=tuple((str(coded), str(other)) for coded, other in raw["one_act_two_ways"]),
        two_acts_by_means=tuple(frozenset(pair) for pair in raw.get("two_acts_by_means", ())),
        facts_of_an_incident=frozenset(raw["facts_of_an_incident"]),
        told_with_an_incident=frozenset(raw.get("told_with_an_incident", ())),
        one_sided_types=frozenset(raw.get("one_sided_types", ())),
        doer_modifier_reach_words=int(raw.get("doer_modifier_reach_words", 0)),
        unrealised_modalities=frozenset(raw["unrealised_modalities"]),
        another_incident=re.compile(
            rf"^\W*(?:\w+\W+){{0,{int(raw['another_incident_within_words'])}}}?(?:{cues})\b", re.IGNORECASE
        ),
        headline_within_chars=int(raw["headline_within_chars"]),
        times_not_places=frozenset(name_key(word) for word in raw["times_not_places"]),
    )


def coded_type(told_types: Iterable[str], chosen: str, rules: IncidentRules | None = None) -> str:
    """The type an incident told two ways is coded as: of a pair of ``one_act_two_ways`` whose both types its reports
    tell, the first ("air strikes killed 18 civilians" is remote violence, not violence against civilians)."""
    rules = rules or load_rules()
    told = set(told_types)
    for coded, other in rules.one_act_two_ways:
        if chosen == other and coded in told:
            return coded
    return chosen


def _dateline(date: DateInterval) -> bool:
    """A date among a document's opening words ("Wednesday 17 Sep 2014 Syrian air strikes ...") dates the report,
    not the incident."""
    return date.span is not None and date.span.start < DATELINE_CHARS


def told_date(mention: Mention) -> DateInterval | None:
    """The date the text gives the mention, in its own sentence or carried over from the sentences before it;
    not a dateline, not the days before publication a report with no date of its own is given."""
    date = mention.date
    if date is None or date.span is None or _dateline(date):
        return None
    return date


def dated_by_its_sentence(mention: Mention) -> bool:
    """The mention's own sentence gives its date, and not as a dateline."""
    return own_date(mention) is not None


def own_date(mention: Mention) -> DateInterval | None:
    """The date the mention's own sentence gives; a date carried over from earlier text is not its own."""
    date = told_date(mention)
    if date is None or date.span is None:
        return None
    return date if mention.sentence.start <= date.span.start < mention.sentence.end else None


def _deictic(date: DateInterval) -> bool:
    """The date is given only relative to the moment of writing ("tonight", "yesterday", "this morning"), not as a
    weekday or a calendar day ("Friday morning")."""
    text = (date.span.text if date.span is not None else "").casefold()
    words = set(re.findall(r"[a-z]+", text))
    names_a_day = bool(words & load_rules().times_not_places) or any(ch.isdigit() for ch in text)
    return not names_a_day and bool(words & word_set("en", "coreference", "deictic_day_words"))


def named_weekdays(date: DateInterval | None) -> frozenset[str]:
    """The weekdays the date's own words name ("on Tuesday", "late Monday"), as the language's date data names them
    (``extract.dates``): two reports whose own sentences date them by different weekdays tell acts on different days,
    however each was anchored to its publication date."""
    text = (date.span.text if date is not None and date.span is not None else "").casefold()
    return frozenset(re.findall(r"[a-z]+", text)) & frozenset(WEEKDAY_BY_NAME)


def anchoring_slip(a: DateInterval, b: DateInterval) -> bool:
    """deictic_day_is_loose: two days one apart, one of them given relative to the moment of writing ("the strikes
    tonight" in a statement against "on Saturday"): the words may have been said or written the day before the article
    came out, so the day between them is no evidence of another incident."""
    one_apart = (b.start - a.end).days == 1 or (a.start - b.end).days == 1
    return one_apart and (_deictic(a) or _deictic(b))


def _day_of_the_telling(date: DateInterval, mention: Mention) -> bool:
    """The mention's own sentence gives the date to its telling ("the monitor said on Sunday", "in a statement issued
    early Sunday", "reported Saturday"), not to the act: a word of ``telling_words`` stands at most
    ``TELLING_REACH_WORDS`` words before it."""
    if date.span is None or not mention.sentence.start <= date.span.start < mention.sentence.end:
        return False
    before = re.findall(r"[a-z]+", (mention.sentence.text or "")[: date.span.start - mention.sentence.start].casefold())
    return bool(set(before[-TELLING_REACH_WORDS:]) & word_set("en", "coreference", "telling_words"))


def told_on_that_day(date: DateInterval, mention: Mention) -> bool:
    """weekday_of_the_telling: a word of telling follows the date right after it ("the group on Monday claimed the
    blast", "the ministry on Sunday said"): the date is the day of the claim or the statement, the act was then or
    before."""
    if date.span is None or not mention.sentence.start <= date.span.end <= mention.sentence.end:
        return False
    after = re.findall(r"[a-z]+", (mention.sentence.text or "")[date.span.end - mention.sentence.start :].casefold())
    return bool(after[:1]) and after[0] in word_set("en", "coreference", "telling_words")


def _told_the_day_after(a: Mention, b: Mention, date_a: DateInterval, date_b: DateInterval) -> bool:
    """day_of_the_telling: one report's date is the day the act was told of ("the coalition said on Sunday it had
    carried out 16 strikes"), the day after the other's: an act is told of on its day or later, so the day between
    them is no evidence of another incident."""
    return ((date_a.start - date_b.end).days == 1 and _day_of_the_telling(date_a, a)) or (
        (date_b.start - date_a.end).days == 1 and _day_of_the_telling(date_b, b)
    )


def _continues(mention: Mention) -> bool:
    """The report names neither a place nor a day of its own, or names the incident as known ("the strike"):
    it goes on telling an incident already told."""
    return mention.restates or (not _own_places(mention) and own_date(mention) is None)


def tells_a_toll(mention: Mention) -> bool:
    """toll_tells_no_kind: the report's trigger only counts the dead or the wounded and no one is said to have done
    it ("two were killed", "more than 20 dead and dozens wounded"): it tells the toll of an act, and the type it was
    given is a guess at that act's kind. "The brigade killed a commander" names who acted: an act of its own."""
    words = re.findall(r"[a-z]+", (mention.trigger.text or "").casefold())
    return (
        bool(words)
        and all(word in word_set("en", "coreference", "toll_triggers") for word in words)
        and _no_named_actor(mention)
    )


def _no_named_actor(mention: Mention) -> bool:
    """No one the text names is the report's actor (none, or one the extractor only supposed)."""
    actor = mention.actor("actor1")
    return actor is None or actor.span is None


def _kinds_differ(a: Mention, b: Mention, rules: IncidentRules) -> bool:
    """Another kind of act. Reports of one type, of one sentence, or one of which is a fact about an incident
    (the arrest of its perpetrators, or only its toll: ``tells_a_toll``) never differ in kind; reports whose types
    share a family (a strike, the massacre it was, the clashes that followed) differ only when each names its own
    place or day."""
    if a.sentence.start == b.sentence.start:
        return False
    if a.event_type == b.event_type:
        return _acts_by_two_means(a, b, rules)
    if any({a.event_type, b.event_type} == set(pair) for pair in rules.one_act_two_ways):
        return False
    one_family = any(a.event_type in family and b.event_type in family for family in rules.type_families)
    if one_family and (tells_a_toll(a) or tells_a_toll(b)):
        return False
    fact = bool({a.sub_event_type, b.sub_event_type} & (rules.facts_of_an_incident | rules.told_with_an_incident))
    if not fact and not one_family:
        return True
    return not (_continues(a) or _continues(b))


def _acts_by_two_means(a: Mention, b: Mention, rules: IncidentRules) -> bool:
    """two_acts_by_means: the two reports' sub-types are a pair one act is never told as (a car bomb and the shelling
    told beside it), and neither only counts the dead (``tells_a_toll``)."""
    return (
        frozenset((a.sub_event_type, b.sub_event_type)) in rules.two_acts_by_means
        and not tells_a_toll(a)
        and not tells_a_toll(b)
    )


def kinds_differ(a: Mention, b: Mention, rules: IncidentRules | None = None) -> bool:
    """The two reports tell another kind of act each (see ``_kinds_differ``)."""
    return _kinds_differ(a, b, rules or load_rules())


def other_incident(a: Mention, b: Mention, rules: IncidentRules | None = None, kinds: bool = True) -> bool:
    """Either report carries evidence that it tells another incident than the other (with ``kinds`` false, evidence
    other than another kind of act)."""
    rules = rules or load_rules()
    if _other_than_by_place(a, b, rules, kinds) or doers_of_two_sides(a, b, rules):
        return True
    # towns_not_their_province: each names a town of its own and none is the other's; a province a sentence adds only
    # says where its town lies ("rebels advanced in Saraqib in Idlib province"), so it does not make that sentence one
    # place with another town of the province ("troops shelled Sarmin").
    return places_conflict(a, b) or distinct_towns(a, b) or distinct_quarters(a, b)


def doers_of_two_sides(a: Mention, b: Mention, rules: IncidentRules) -> bool:
    """doers_of_two_sides: two reports of acts one side does to another (``one_sided_types``) whose doers, as their
    sentences name them (``doer_kind``: "rebel fire" names its doer as well as "the rebels fired"), are of two kinds
    of actor (state forces, rebels), neither the other's target: the rockets the rebels fired and the air raids the
    army flew are two acts, though told of one town and one day."""
    if a.sentence.start == b.sentence.start or not {a.event_type, b.event_type} <= rules.one_sided_types:
        return False
    kind_a, kind_b = doer_kind(a), doer_kind(b)
    if kind_a is None or kind_b is None or kind_a == kind_b:
        return False
    targets = {t.name for m in (a, b) if (t := m.actor("actor2")) is not None}
    return all(doer.name not in targets for m in (a, b) if (doer := m.actor("actor1")) is not None and doer.span)


def doer_kind(mention: Mention) -> str | None:
    """The kind of actor (state forces, rebels) that did the report's act, as its sentence names it: the force a
    word right before the trigger, a noun of attack, names ("rebel shelling", "regime air strikes":
    doer_by_its_modifier; a verb's doer is not the word before it: "the military intelligence killing"), else the
    doer the report names, else, when it names none, the one kind of force whose word stands before an attack word
    in its sentence ("eight were killed in rebel fire": the toll of the rebels' act)."""
    text = mention.sentence.text or ""
    trigger_words = (mention.trigger.text or "").casefold().split()
    if trigger_words and trigger_words[-1] in actor_dictionary().words.attack_nouns:
        by_trigger = _force_before(text, mention.trigger.start - mention.sentence.start)
        if by_trigger is not None:
            return by_trigger
    doer = mention.actor("actor1")
    if doer is not None and doer.span is not None:
        return doer.actor_type or None
    return _one_force_of_attacks(text)


@functools.cache
def _force_modifiers() -> dict[str, str]:
    """The words that name a kind of force before a noun ("rebel", "regime", "army", "coalition"), by actor type
    (the actor data's ``modifiers``)."""
    return {word: force.actor_type for force in actor_dictionary().contextual for word in force.modifiers}


@functools.lru_cache(maxsize=65_536)
def _force_before(text: str, at: int) -> str | None:
    """The kind of force a modifier among the words right before ``at`` (``doer_modifier_reach_words``) names."""
    reach = load_rules().doer_modifier_reach_words
    if not 0 <= at <= len(text) or reach <= 0:
        return None
    before = re.findall(r"[\w-]+", text[:at].casefold())[-reach:]
    kinds = {_force_modifiers()[w] for w in before if w in _force_modifiers()}
    return kinds.pop() if len(kinds) == 1 else None


@functools.lru_cache(maxsize=65_536)
def _one_force_of_attacks(text: str) -> str | None:
    """The one kind of force whose modifier stands right before an attack word of the sentence ("in rebel fire on
    the government-held west"); None when it names none, or forces of two kinds."""
    attacks = actor_dictionary().words.attack_nouns
    kinds = {
        kind
        for found in re.finditer(r"[\w-]+", text.casefold())
        if found.group(0) in attacks and (kind := _force_before(text, found.start())) is not None
    }
    return kinds.pop() if len(kinds) == 1 else None


def distinct_towns(a: Mention, b: Mention) -> bool:
    """``distinct_places`` over the towns, sites and villages each sentence names, leaving out a part of a town or an
    area the gazetteer lacks ("the Karam neighbourhood of the city", "the al-Hamra area"): such a part may lie in the
    town the other sentence names (quarters are compared by ``distinct_quarters``)."""
    towns_a = [pm for pm in _finest(a) if not _vague(pm) and not _part_of_a_town(pm, a)]
    towns_b = [pm for pm in _finest(b) if not _vague(pm) and not _part_of_a_town(pm, b)]
    return _none_the_same(towns_a, towns_b)


def _quarter_names(mention: Mention) -> set[str]:
    """The names of the quarters of a town the sentence names itself ("the Karam neighbourhood", "al-Jadida
    district"; ``town_quarter_heads``), as romanisation-blind word keys; not a quarter only described ("a rebel-held
    neighbourhood", "several districts") nor one the gazetteer placed as a town or larger."""
    heads = word_set("en", "coreference", "town_quarter_heads")
    names: set[str] = set()
    for pm in _own_places(mention):
        if pm.place is not None and pm.place.precision != "site":
            continue
        if not pm.text.split() or _describes_a_place(pm):
            continue
        if not set(name_key(pm.text).split()) & heads:
            continue
        # A name is what is written in capitals beside the head ("al-Jadida", "Bab al-Karam"), particles aside.
        proper = [w for w in re.findall(r"[\w'’-]+", pm.text) if re.match(r"^(?:[a-z]{1,3}-)?[A-Z]", w)]
        names |= {skeleton_key(w) for w in proper if name_key(w) and name_key(w) not in heads}
    names.discard("")
    return names


def distinct_quarters(a: Mention, b: Mention) -> bool:
    """distinct_quarters: each sentence names a quarter of a town of its own and no quarter of one shares a name
    with one of the other: quarters of one town do not overlap, so the two tell acts in two places, even when both
    add the same town ("in the Karam neighbourhood of Idlib" / "in the al-Jadida quarter of Idlib")."""
    names_a, names_b = _quarter_names(a), _quarter_names(b)
    return bool(names_a and names_b) and not names_a & names_b


def _placed_elsewhere(mention: Mention, group: list[Mention]) -> bool:
    """The mention names its own place, the group names none, and the place the group's reports took from their
    context is far from it: "On Monday air strikes killed 23 in the town" (Talbisseh, from the sentence before)
    is not what a later "rebels attacked in Damascus" tells."""
    if not _own_places(mention) or any(_own_places(other) for other in group):
        return False
    mine = _fine_points(mention, own=True)
    theirs = [point for other in group for point in _fine_points(other)]
    return _far_apart(mine, theirs)


def _shares_place(mention: Mention, group: list[Mention], by_name: bool = False) -> bool:
    """The mention names a place a report of the group names (with ``by_name``, the very place, not one near)."""
    own = _own_places(mention)
    same = _one_place if by_name else _same_place
    return any(same(x, y) for other in group for x in own for y in _own_places(other))


def _one_place(a: PlaceMention, b: PlaceMention) -> bool:
    return name_key(a.text) == name_key(b.text) or (
        a.place is not None and b.place is not None and a.place.gazetteer_id == b.place.gazetteer_id
    )


def _turns_to_another(mention: Mention, rules: IncidentRules) -> bool:
    """The sentence opens on a cue that the text turns to another incident ("Elsewhere in Syria, ...")."""
    return bool(rules.another_incident.search(mention.sentence.text or ""))


@functools.cache
def _also_another_act() -> re.Pattern[str]:
    verbs = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(word_set("en", "coreference", "further_act_verbs"), key=len, reverse=True)
    )
    return re.compile(rf"(?:\b([a-z]+)\s+)?\balso\s+(?:[a-z]+\s+)?(?:{verbs})\b", re.IGNORECASE)


def tells_a_further_act(mention: Mention) -> bool:
    """also_another_act: the sentence says its doer also did an act at a place it names ("Regime forces also shelled
    the towns of X and Y", "the army also advanced in Z"): a further act, not the one told before it; like a turn to
    another incident ("Elsewhere"), it joins only an incident told at that place. Not in the passive ("other targets
    were also hit"), nor when the report describes the act told ("the strikes also hit a school"), nor when it names
    no place of its own ("air strikes also hit a hospital"): that may be a part of the act told."""
    if mention.restates or not _own_places(mention):
        return False
    passive = word_set("en", "coreference", "passive_auxiliaries")
    return any(
        (found.group(1) or "").casefold() not in passive
        for found in _also_another_act().finditer(mention.sentence.text or "")
    )


# An adverb of a sequel tells of the sentence's act when it stands among its first words ("Hours later, jets
# struck ...") or right before its trigger, one word between at most ("warplanes later struck", "an earlier Russian
# strike"); elsewhere it tells of another verb ("near where a helicopter was shot down hours earlier").
SEQUEL_OPENING_WORDS = 3
SEQUEL_BEFORE_TRIGGER_WORDS = 2


@functools.cache
def _sequel_relations() -> re.Pattern[str]:
    """sequel_act: a relation before a description of an act ("after the blasts", "following the initial attack": at
    most two words between)."""
    relations = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(word_set("en", "coreference", "sequel_relations"), key=len, reverse=True)
    )
    acts = "|".join(re.escape(w) for w in word_set("en", "coreference", "act_nouns"))
    return re.compile(
        rf"\b(?:{relations})\s+(?:the|an?|its|their|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{acts})\b", re.IGNORECASE
    )


def _sequel_adverb_of(text: str, trigger_start: int) -> bool:
    """An adverb of ``sequel_adverbs`` among the sentence's opening words or right before the trigger, and not one
    that dates a telling (``_dates_a_telling``)."""
    adverbs = word_set("en", "coreference", "sequel_adverbs")
    words = re.findall(r"[a-z]+", text.casefold())
    before = len(re.findall(r"[a-z]+", text[: max(trigger_start, 0)].casefold()))
    near = set(range(SEQUEL_OPENING_WORDS)) | set(range(before - SEQUEL_BEFORE_TRIGGER_WORDS, before))
    return any(words[i] in adverbs and not _dates_a_telling(words, i) for i in near if 0 <= i < len(words))


def _dates_a_telling(words: list[str], at: int) -> bool:
    """sequel_of_the_telling: a word of telling right after the adverb, one word between at most ("the monitor had
    earlier reported", "earlier media reports said"), dates the telling, not the act: no sequel."""
    return bool(set(words[at + 1 : at + 3]) & word_set("en", "coreference", "telling_words"))


def tells_a_sequel(mention: Mention) -> bool:
    """sequel_act: the sentence places its act after or before another act ("Warplanes later struck a clinic",
    "Clashes broke out after the blasts", "an earlier strike killed three"): a further act, its own incident though
    told at the same place and day; it joins only an incident told at a place it names itself. Like a further act of
    a doer (``tells_a_further_act``), only when the sentence names a place or a day of its own: one that names
    neither would take the place and day of the text before it, which are the act's it follows. Not a report that
    only counts the toll ("two more died later") or restates the act told ("the strike later ..."), nor the report
    whose trigger is the act the cue refers to ("after the blasts": the blasts are the act told)."""
    if mention.restates or tells_a_toll(mention) or not (_names_a_place(mention) or own_date(mention) is not None):
        return False
    text = mention.sentence.text or ""
    start = mention.trigger.start - mention.sentence.start
    end = mention.trigger.end - mention.sentence.start
    if _sequel_adverb_of(text, start):
        return True
    return any(not (found.start() <= start and end <= found.end()) for found in _sequel_relations().finditer(text))


def _names_a_place(mention: Mention) -> bool:
    """The sentence names a place of its own (``_own_places``), or one the gazetteer lacks that geocoding kept as
    written at the country (``UNRESOLVED_PREFIX``): either way the text places the act itself."""
    return bool(_own_places(mention)) or any(
        pm.role != INHERITED_ROLE and pm.place is not None and pm.place.gazetteer_id.startswith(UNRESOLVED_PREFIX)
        for pm in mention.places
    )


def _told_as_another(mention: Mention, rules: IncidentRules) -> bool:
    """The text turns to another incident (``_turns_to_another``), tells a further act (``tells_a_further_act``) or
    the sequel of one (``tells_a_sequel``)."""
    return _turns_to_another(mention, rules) or tells_a_further_act(mention) or tells_a_sequel(mention)


def turns_to_another(mention: Mention, rules: IncidentRules | None = None) -> bool:
    """The sentence opens on a cue that the text turns to another incident ("Elsewhere in Syria, ...")."""
    return _turns_to_another(mention, rules or load_rules())


def mark_headline(mentions: list[Mention], document: Document) -> None:
    """Marks the reports whose trigger lies in the document's title where the text opens with it (after at most
    ``headline_within_chars`` characters, a date or an outlet's name)."""
    for mention in mentions:
        mention.headline = False
    found = _printed_title(document)
    if found is None:
        return
    for mention in mentions:
        mention.headline = found.start() <= mention.trigger.start < found.end()


def _printed_title(document: Document) -> re.Match[str] | None:
    """Where the text opens with the document's title, or with a part of a page title ("Title - Section - Site")."""
    within = load_rules().headline_within_chars
    for title in title_variants(document.title or ""):
        words = r"\W+".join(re.escape(word) for word in title.split())
        found = re.search(words, document.text[: within + len(title) * 2], re.IGNORECASE)
        if found is not None and found.start() <= within:
            return found
    return None


def headline_reports(mentions: list[Mention]) -> list[Mention]:
    """The reports from the document's title, when the body reports too (a title alone is the whole report)."""
    headline = [m for m in mentions if m.headline]
    return headline if len(headline) < len(mentions) else []


def _same_kind_and_mode(a: Mention, b: Mention, rules: IncidentRules) -> bool:
    """Both did (or both did not yet) happen, and their types are one or share a family, or one is a fact of an
    incident (the arrest of its perpetrators)."""
    if (a.modality in rules.unrealised_modalities) != (b.modality in rules.unrealised_modalities):
        return False
    if {a.sub_event_type, b.sub_event_type} & rules.facts_of_an_incident:
        return True
    return a.event_type == b.event_type or any(
        a.event_type in family and b.event_type in family for family in rules.type_families
    )


def _another_kind(mention: Mention, group: list[Mention], rules: IncidentRules) -> bool:
    """kind_by_sentence: some sentence of the group tells another kind of act than the report, in every report it
    gives. One sentence tells one incident, so when the typing reads it as two kinds ("warplanes bombed positions as
    fighting raged") the sentence is of either kind, not evidence against a report of one of them."""
    by_sentence: dict[int, list[Mention]] = {}
    for other in group:
        by_sentence.setdefault(other.sentence.start, []).append(other)
    return any(all(_kinds_differ(mention, other, rules) for other in told) for told in by_sentence.values())


def group_document_mentions(mentions: list[Mention], joined_by: dict[str, str] | None = None) -> list[list[Mention]]:
    """Groups in document order. A report joins the latest incident that shares its own place, else the latest
    incident none of whose reports it has evidence against; with such evidence against all, or when the text
    turns to another incident ("Another strike hit ...") and names no place of an incident told, it starts an
    incident of its own. The headline's reports join, last, the first incident of their kind the body tells (one
    it tells as "another" incident is not the headline's). ``joined_by``, when given, is filled with the rule by
    which each report (by id) joined its incident or started one, for the tools that count wrong joins."""
    rules = load_rules()
    headline = headline_reports(mentions)
    order = _sentence_order(mentions)
    headed = headed_places(mentions)
    groups: list[list[Mention]] = []
    why: dict[str, str] = {} if joined_by is None else joined_by
    for mention in mentions:
        if any(mention is h for h in headline):
            continue
        open_groups = [
            g
            for g in groups
            if not any(other_incident(mention, other, rules, kinds=False) for other in g)
            and not any(_kinds_differ(mention, other, rules) for other in g)
            and not _placed_elsewhere(mention, g)
            and not holds_another_part(g, mention)
        ]
        home: list[Mention] | None
        if further_part(mention):
            home = _part_home(open_groups, headed.get(mention.id, []))
            why[mention.id] = "part_by_its_place" if home is not None else "starts"
            _place_in(groups, home, mention)
            continue
        turns = _told_as_another(mention, rules)
        sharing = [
            g
            for g in open_groups
            if _shares_place(mention, g, by_name=turns) or (turns and _of_one_sentence(mention, g))
        ]
        if sharing:
            home = sharing[-1]
            why[mention.id] = "shares_place"
        elif open_groups and not turns:
            home = _restated_kind(mention, open_groups) or open_groups[-1]
            why[mention.id] = "continues" if _continues(mention) else "no_evidence_against"
        else:
            home = _restated_near(mention, groups, rules)
            why[mention.id] = "restated_near" if home is not None else "starts"
            if home is None:
                home = _judged_one(mention, groups, order, rules)
                why[mention.id] = "judged_one" if home is not None else "starts"
        _place_in(groups, home, mention)
    for mention in headline:
        lead = next(
            (
                g
                for g in groups
                if not _told_as_another(g[0], rules) and all(_same_kind_and_mode(mention, other, rules) for other in g)
            ),
            None,
        )
        why[mention.id] = "headline" if lead is not None else "starts"
        if lead is None:
            groups.insert(0, [mention])
        else:
            lead.insert(0, mention)
    return groups


def _place_in(groups: list[list[Mention]], home: list[Mention] | None, mention: Mention) -> None:
    if home is None:
        groups.append([mention])
    else:
        home.append(mention)


def holds_another_part(group: list[Mention], mention: Mention) -> bool:
    """parts_of_one_sentence_apart: the parts of a sentence that gives each of its places its own figure
    (a_figure_per_place: "30 were killed in A and another five in B") are the distinct incidents the sentence
    counts, so a part joins no incident that holds another part of its sentence, neither one the other part
    started nor an earlier one the other part joined, however near their places lie."""
    return bool(mention.part_of) and any(other.part_of == mention.part_of for other in group)


def further_part(mention: Mention) -> bool:
    """A part (a_figure_per_place) after its sentence's first: the first figure may take up the incident the
    article was telling ("Jets killed 35 militants. 30 were killed around A and another five outside B": the 30 at
    A are the 35), while each further one ("another five", "a second", "one in B") adds an act of its own."""
    return bool(mention.part_of) and mention.id != mention.part_of


def headed_places(mentions: list[Mention]) -> dict[str, list[PlaceMention]]:
    """Each part's (a_figure_per_place) own place: the first place of its part of the sentence, that is the
    first of its own places that its sentence's other parts do not also hold (those are the sentence's shared
    context, "in Idlib province, strikes killed 5 in A and 3 in B"). A part whose sentence's other parts are
    not among ``mentions`` keeps all its own places."""
    parts: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.part_of:
            parts.setdefault(mention.part_of, []).append(mention)
    headed: dict[str, list[PlaceMention]] = {}
    for siblings in parts.values():
        for part in siblings:
            shared = {_span_key(pm) for other in siblings if other is not part for pm in other.places}
            own = sorted(_own_places(part), key=lambda pm: pm.span.start)
            mine = [pm for pm in own if _span_key(pm) not in shared] if len(siblings) > 1 else own
            headed[part.id] = mine[:1] or own
    return headed


def _span_key(pm: PlaceMention) -> tuple[str, int, int]:
    return (pm.span.doc, pm.span.start, pm.span.end)


def _part_home(open_groups: list[list[Mention]], headed: list[PlaceMention]) -> list[Mention] | None:
    """a_further_part_is_its_place: the sentence tells each further part's place as an incident of its own, so
    such a part joins an earlier incident only where that incident names the very place the part is headed by (the
    same name, or the same gazetteer entry), not a town near it, nor the province around it, nor the incident the
    article was telling; else it starts an incident of its own."""
    return next(
        (
            g
            for g in reversed(open_groups)
            if any(_one_place(x, y) for other in g for x in headed for y in _own_places(other))
        ),
        None,
    )


def _restated_kind(mention: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """definite_description_of_its_kind: a definite description ("the air strikes", "the bombing") refers to an act
    of its kind told before it: of the incidents it could join, the latest that holds a report of its sub-type, though
    the text told another kind of act after it ("Jets struck the town. A car bomb went off in the market. The strikes
    hit a school.")."""
    if not mention.restates or not mention.sub_event_type:
        return None
    return next(
        (g for g in reversed(groups) if any(other.sub_event_type == mention.sub_event_type for other in g)), None
    )


def _of_one_sentence(mention: Mention, group: list[Mention]) -> bool:
    """one_sentence_one_incident: a report of the group comes from the mention's sentence ("Elsewhere, jets struck a
    town and killed five": the strike and the toll), so a turn to another incident that both share does not part
    them."""
    return any(other.sentence.start == mention.sentence.start for other in group)


def _restated_near(mention: Mention, groups: list[list[Mention]], rules: IncidentRules) -> list[Mention] | None:
    """restated_near: a definite description of an act ("The bomb struck the village of X", "the warplanes
    targeted the districts of Y") that names no day of its own restates the latest incident of its type told before
    it, though the place it names is not one that incident's reports name (a village by the town, a district the
    gazetteer lacks), unless its place lies farther than ``CONFLICTING_PLACES_KM`` from the incident's, the
    incident's reports carry other evidence (another mode, kind, day or country) or the text turns to another
    incident."""
    if not mention.restates or own_date(mention) is not None or _turns_to_another(mention, rules):
        return None
    mine = _fine_points(mention, own=True)
    for group in reversed(groups):
        if not any(other.event_type == mention.event_type for other in group):
            continue
        theirs = [point for other in group for point in _fine_points(other)]
        if _far_apart(mine, theirs) or any(_other_than_by_place(mention, other, rules) for other in group):
            return None
        return group
    return None


def _other_than_by_place(a: Mention, b: Mention, rules: IncidentRules, kinds: bool = True) -> bool:
    """``other_incident``'s evidence but the places: another mode, kind (with ``kinds``), day or country."""
    if (a.modality in rules.unrealised_modalities) != (b.modality in rules.unrealised_modalities):
        return True
    if kinds and _kinds_differ(a, b, rules):
        return True
    # carried_dates_are_no_evidence: when neither sentence names a day, each report took its date from a sentence
    # before it, and two such dates say nothing of these two reports.
    date_a, date_b = told_date(a), told_date(b)
    if (
        (own_date(a) is not None or own_date(b) is not None)
        and date_a is not None
        and date_b is not None
        and not date_a.overlaps(date_b)
        and not anchoring_slip(date_a, date_b)
        and not _told_the_day_after(a, b, date_a, date_b)
    ):
        return True
    countries_a, countries_b = _countries(a), _countries(b)
    return bool(countries_a and countries_b and not countries_a & countries_b)


def contains(outer: Place, inner: Place) -> bool:
    """A country or province holds the finer place."""
    if outer.precision not in ("country", "admin1") or inner.precision not in FINE:
        return False
    if not outer.country or outer.country != inner.country:
        return False
    return outer.precision == "country" or (inner.admin1 or "").casefold() == (outer.admin1 or outer.name).casefold()


def share_incident_places(mentions: list[Mention]) -> None:
    """A report of an incident that names only the country or province ("air strikes killed 47 in eastern Syria")
    takes the town another report of the same incident names in it ("the raids hit the town of Al-Quriyah"), as a
    place from its context (traced to the sentence that names it). A speaker's name or where a speaker is ("a witness
    named Ahmad", "a hospital source in Hassakeh") and a time ("Ramadan") are no town of the incident to give."""
    groups = group_document_mentions([m for m in mentions if not m.background])
    for group in groups:
        fine = _incident_towns(group)
        if not fine:
            continue
        for mention in group:
            resolved = [pm.place for pm in mention.places if pm.place is not None]
            town = fine[0]
            if resolved and town.place is not None and all(contains(p, town.place) for p in resolved):
                mention.places.append(PlaceMention(town.text, town.span, INHERITED_ROLE, town.place))


def _incident_towns(group: list[Mention]) -> list[PlaceMention]:
    """The towns, sites and districts the group's sentences name as where the incident was; not a speaker's name or
    where a speaker is, a place of another role, nor a time."""
    return [
        pm
        for m in group
        for pm in m.places
        if pm.role != INHERITED_ROLE
        and pm.place is not None
        and pm.place.precision in FINE
        and not names_a_speaker(pm, m)
        and not names_another_role(pm, m)
        and not _names_a_time(pm)
    ]


# --- the learned pair judgement ------------------------------------------------------------------------------------

PAIR_MODEL_FILE = ("models", "coreference.npz")
PAIR_META_FILE = ("models", "coreference.meta.json")


def _compare(x: str | None, y: str | None) -> str:
    """same / other when both are given, none when either is missing."""
    if not x or not y:
        return "none"
    return "same" if x == y else "other"


def _named_role(mention: Mention, role: str) -> str | None:
    """The actor the sentence itself names in the role (not one the extractor supposed)."""
    actor = next((a for a in mention.actors if a.role == role), None)
    return actor.name if actor is not None and actor.span is not None else None


def _day_relation(a: Mention, b: Mention) -> str:
    date_a, date_b = told_date(a), told_date(b)
    if date_a is None or date_b is None:
        return "none"
    return "same" if date_a.overlaps(date_b) else "other"


def _toll_relation(a: Mention, b: Mention) -> str:
    toll_a = a.fatalities.best if a.fatalities is not None else None
    toll_b = b.fatalities.best if b.fatalities is not None else None
    return _compare(str(toll_a) if toll_a else None, str(toll_b) if toll_b else None)


def pair_cues(earlier: Mention, later: Mention, sentences_apart: int, rules: IncidentRules) -> set[str]:
    """The named cues of two reports of one document that may or may not tell one incident: the rules' evidence
    (another kind, place, town, day, mode, doer's side; a turn, a further act, a sequel) and what the rules do not
    weigh (one sub-type, one doer, one target, one day, one toll, how far apart the sentences stand)."""
    cues = {"bias"}
    flags = {
        "kinds_differ": _kinds_differ(later, earlier, rules),
        "other_incident": other_incident(later, earlier, rules, kinds=False),
        "places_conflict": places_conflict(later, earlier),
        "distinct_towns": distinct_towns(later, earlier),
        "two_sides": doers_of_two_sides(later, earlier, rules),
        "other_by_day_mode_country": _other_than_by_place(later, earlier, rules, kinds=False),
        "turns": _turns_to_another(later, rules),
        "further_act": tells_a_further_act(later),
        "sequel": tells_a_sequel(later),
        "same_type": earlier.event_type == later.event_type,
        "same_sub": earlier.sub_event_type == later.sub_event_type,
        "restates": later.restates,
        "toll": tells_a_toll(later) or tells_a_toll(earlier),
        "shares_place": _shares_place(later, [earlier], by_name=True),
        "continues": _continues(later),
        "earlier_headline": earlier.headline,
    }
    cues.update(name for name, on in flags.items() if on)
    cues.add(f"own_place:{int(bool(_own_places(earlier)))}{int(bool(_own_places(later)))}")
    cues.add(f"own_day:{int(own_date(earlier) is not None)}{int(own_date(later) is not None)}")
    cues.add("doer:" + _compare(_named_role(earlier, "actor1"), _named_role(later, "actor1")))
    cues.add("target:" + _compare(_named_role(earlier, "actor2"), _named_role(later, "actor2")))
    cues.add("day:" + _day_relation(earlier, later))
    cues.add("toll:" + _toll_relation(earlier, later))
    cues.add("apart:" + bucket(sentences_apart, (1, 3, 7), ("1", "2-3", "4-7", "8+")))
    return cues


@functools.cache
def load_pair_model() -> LogisticModel | None:
    """The learned pair judgement (``scripts/train_coreference.py``), or None without its files."""
    parts = logistic_from_files(data_path(*PAIR_MODEL_FILE), data_path(*PAIR_META_FILE))
    return LogisticModel(*parts) if parts else None


def _sentence_order(mentions: list[Mention]) -> dict[int, int]:
    """Each reporting sentence's place among the document's reporting sentences (by its start)."""
    return {start: i for i, start in enumerate(sorted({m.sentence.start for m in mentions}))}


def _judged_one(
    mention: Mention, groups: list[list[Mention]], order: dict[int, int], rules: IncidentRules
) -> list[Mention] | None:
    """judged_one_incident: a report the rules would start an incident with joins the incident told before it that
    the learned pair judgement (``pair_cues``) is near sure it tells (its chance of one incident with some report
    of that incident at least the model's threshold): the rules' evidence is a single cue each, and a report may
    carry one (a day the typing read as another, a village by the town) while all else says the same incident
    (the same sub-type, the same toll, the next sentence). Without the model, none."""
    model = load_pair_model()
    if model is None or not groups:
        return None
    here = order[mention.sentence.start]
    scores = [
        max(
            (
                model.probability(pair_cues(other, mention, here - order[other.sentence.start], rules))
                for other in group
                if other.sentence.start != mention.sentence.start
            ),
            default=0.0,
        )
        for group in groups
    ]
    best = max(range(len(groups)), key=lambda i: (scores[i], i))
    return groups[best] if scores[best] >= model.threshold else None


# --- a_figure_per_place: one report per place that the sentence gives its own figure ------------------------------


@dataclass(frozen=True, slots=True)
class FigurePerPlace:
    """The words of ``figure_per_place`` (``data/incidents.yaml``)."""

    figure: re.Pattern[str]
    ordinals: dict[str, int]
    reach_words: int
    headed: re.Pattern[str]
    not_counts: frozenset[str]
    prepositions: frozenset[str]
    joiners: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int  # in the document's text
    end: int
    value: int  # 0: a word that heads a place without counting ("and another in B")


@functools.cache
def load_figure_per_place() -> FigurePerPlace | None:
    raw = load_yaml("incidents.yaml").get("figure_per_place")
    if not raw:
        return None
    ordinals = {re.sub(r"\s+", " ", str(k).lower()): int(v) for k, v in raw["ordinals"].items()}
    words = sorted([*NUMBER_WORDS, *ordinals], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    prepositions = "|".join(re.escape(p) for p in raw["place_prepositions"])
    within = int(raw["preposition_within_words"])
    return FigurePerPlace(
        figure=re.compile(rf"(?<![\w-])(?:\d{{1,4}}|{alternation})(?![\w-])", re.IGNORECASE),
        ordinals=ordinals,
        reach_words=int(raw["reach_words"]),
        # the last words before the place open with a place preposition ("outside the embattled town of")
        headed=re.compile(rf"\b(?:{prepositions})\b(?:\s+[\w'-]+){{0,{within - 1}}}\s*$", re.IGNORECASE),
        not_counts=frozenset(str(w).lower() for w in raw["not_counts"]),
        prepositions=frozenset(str(p).lower() for p in raw["place_prepositions"]),
        joiners=frozenset(str(w).lower() for w in raw["clause_joiners"]),
    )


def _figures(mention: Mention, rules: FigurePerPlace) -> list[_Figure]:
    """The figures of the report's sentence that may count victims or acts: not a year, not a span of time or
    distance ("24 hours"), not a day of a month ("on 5 March")."""
    text = mention.sentence.text or ""
    found: list[_Figure] = []
    for match in rules.figure.finditer(text):
        word = re.sub(r"\s+", " ", match.group(0).lower())
        after = text[match.end() :].split(maxsplit=1)
        if after and after[0].lower().strip(".,;:") in rules.not_counts:
            continue
        if word.isdigit() and (len(word) == 4 or (after and name_key(after[0]) in load_rules().times_not_places)):
            continue
        value = rules.ordinals[word] if word in rules.ordinals else int(word) if word.isdigit() else NUMBER_WORDS[word]
        if value or word in rules.ordinals:
            start = mention.sentence.start + match.start()
            found.append(_Figure(start, mention.sentence.start + match.end(), value))
    return found


def _countable_places(mention: Mention) -> list[PlaceMention]:
    """The places the report's own sentence writes where an act happened, finer than a country, in text order."""
    inside = [
        pm
        for pm in mention.places
        if pm.role not in (INHERITED_ROLE, ORIGIN_ROLE, DESTINATION_ROLE)
        and pm.span.doc == mention.doc
        and mention.sentence.start <= pm.span.start < mention.sentence.end
        and (pm.place is None or pm.place.precision != "country")
    ]
    return sorted(inside, key=lambda pm: pm.span.start)


def _heading_figure(
    pm: PlaceMention, figures: list[_Figure], places: list[PlaceMention], mention: Mention, rules: FigurePerPlace
) -> _Figure | None:
    """The figure that heads the place: the nearest figure before it, within reach, with no other place between
    them, and a place preposition among the last words before the place."""
    before = [f for f in figures if f.end <= pm.span.start]
    if not before:
        return None
    figure = before[-1]
    if any(figure.end <= other.span.start < pm.span.start for other in places if other is not pm):
        return None
    gap = (mention.sentence.text or "")[figure.end - mention.sentence.start : pm.span.start - mention.sentence.start]
    if len(gap.split()) > rules.reach_words or not rules.headed.search(gap) or _closes_a_clause(gap, rules):
        return None
    return figure


def _closes_a_clause(gap: str, rules: FigurePerPlace) -> bool:
    """A clause joiner between the figure and the place ("killing three, and another in B") ends the figure's
    phrase: the figure counts what came before, not the place. One joining two prepositions ("in and around")
    does not."""
    words = [w.lower().strip(".,;:") for w in gap.split()]
    return any(
        w in rules.joiners and not (0 < i < len(words) - 1 and words[i - 1] in rules.prepositions)
        for i, w in enumerate(words)
    )


def figure_per_place_heads(mention: Mention, rules: FigurePerPlace | None = None) -> list[_Figure]:
    """a_figure_per_place: the figures that each head a place of their own, when the sentence gives at least two
    different places their own figure ("30 were killed in A and another five in B"); else none."""
    rules = rules or load_figure_per_place()
    if rules is None:
        return []
    places = _countable_places(mention)
    if len(places) < 2:
        return []
    figures = _figures(mention, rules)
    heads: dict[int, tuple[_Figure, PlaceMention]] = {}
    for pm in places:
        figure = _heading_figure(pm, figures, places, mention, rules)
        if figure is not None and figure.start not in heads:
            heads[figure.start] = (figure, pm)
    headed = sorted(heads.values(), key=lambda item: item[0].start)
    if len(headed) < 2 or any(_same_place(a, b) for (_, a), (_, b) in itertools.combinations(headed, 2)):
        return []
    figures_heading = [figure for figure, _ in headed]
    return [] if _one_toll_for_all(mention, figures_heading) else figures_heading


def _one_toll_for_all(mention: Mention, heads: list[_Figure]) -> bool:
    """A toll told after the places' figures and heading none of them ("13 raids on A and 11 on B, killing 31")
    counts the dead of all the places together: the figures count the blows of one act, which stays one report."""
    toll = mention.fatalities
    if toll is None or toll.span is None or toll.span.doc != mention.doc:
        return False
    return toll.span.start > heads[-1].start and all(toll.span.start != head.start for head in heads)


def split_by_place_figures(mentions: list[Mention]) -> list[Mention]:
    """a_figure_per_place: a report whose sentence gives each of its places its own figure becomes one report per
    place (its part of the sentence: from its figure to the next), each with the places and figures of its part;
    what the sentence says before the first figure belongs to every part. The first part keeps the report's id; the
    others take an id made from it and their figure's offset, so ids stay stable across runs."""
    out: list[Mention] = []
    for mention in mentions:
        heads = figure_per_place_heads(mention)
        out.extend(_parts(mention, heads) if heads else [mention])
    return out


def _parts(mention: Mention, heads: list[_Figure]) -> list[Mention]:
    bounds = [h.start for h in heads[1:]] + [mention.sentence.end]
    first = heads[0].start
    parts: list[Mention] = []
    for i, (head, end) in enumerate(zip(heads, bounds, strict=True)):
        start = first if i == 0 else head.start

        def in_part(span: Span | None, start: int = start, end: int = end) -> bool:
            return span is not None and span.doc == mention.doc and start <= span.start < end

        def shared(span: Span | None) -> bool:
            return span is None or span.doc != mention.doc or not first <= span.start < mention.sentence.end

        part = copy.deepcopy(mention)
        part.id = mention.id if i == 0 else _part_id(mention.id, head.start)
        part.part_of = mention.id
        part.places = [pm for pm in part.places if in_part(pm.span) or shared(pm.span)]
        part.quantities = [q for q in part.quantities if in_part(q.span) or (i == 0 and shared(q.span))]
        part.fatalities = _part_fatalities(mention.fatalities, part.quantities, head, mention.doc, in_part)
        parts.append(part)
    return parts


def _part_fatalities(
    told: Quantity | None, quantities: list[Quantity], head: _Figure, doc: str, in_part: Callable[[Span | None], bool]
) -> Quantity | None:
    """A part's toll: the report's own where it lies in the part; else the figure of its part read as the same kind
    of toll ("30 militants were killed in A and another five in B": five killed in B); none when the report counts
    no dead."""
    if told is None or in_part(told.span):
        return told
    same_kind = [q for q in quantities if q.kind == told.kind and in_part(q.span)]
    if same_kind:
        return same_kind[0]
    if not head.value:
        return None  # "another in B": the place is counted as one more act, its toll untold
    return Quantity(
        unit=told.unit,
        low=head.value,
        best=head.value,
        high=head.value,
        span=Span(doc, head.start, head.end),
        kind=told.kind,
    )


def _part_id(mention_id: str, offset: int) -> str:
    return "m_" + hashlib.blake2b(f"{mention_id}:{offset}".encode(), digest_size=8).hexdigest()
