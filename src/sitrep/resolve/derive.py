"""An event's fields derived from all its reports (mentions)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from sitrep.data import word_set
from sitrep.extract.actors import (
    UNIDENTIFIED,
    actor_dictionary,
    civilians_entry,
    coding_conventions,
    held_by_a_kind_of_force,
)
from sitrep.extract.quantities import NON_VIOLENT_SUB_TYPES, effective_range
from sitrep.extract.triggers import one_sided_plover
from sitrep.geo.distance import haversine_km
from sitrep.geo.inherit import UNRESOLVED_PREFIX
from sitrep.geo.mentions import landmark_places
from sitrep.model import LOCATION_ROLE, ActorRole, ActorRoleName, DateInterval, Event, Figure, Mention, Place, Quantity
from sitrep.nlp.alternation import word_alternation
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.contradictions import find_contradictions, is_vague, told_as_risen
from sitrep.resolve.coreference import coded_type, dated_by_its_sentence, headline_reports
from sitrep.resolve.similarity import intersect, mention_places, names_its_own_place, width

FATALITY_KIND = "killed"  # the figure kind of the dead (Figure.kind)
HURT_KINDS = frozenset({FATALITY_KIND, "wounded", "casualties"})  # the figure kinds of people an act hurt
ROLES: tuple[ActorRoleName, ...] = ("actor1", "assoc_actor1", "actor2", "assoc_actor2")
CAPITAL_FEATURES = frozenset({"PPLC"})  # GeoNames' feature code of a country's capital city


def report_order(mention: Mention) -> tuple[str, int, int, int, str]:
    """order_does_not_matter: the canonical order of an event's reports, which each report carries whatever order
    its documents arrived in (its document, then its sentence, then its trigger; its id last). Every tie between
    reports in this module goes to the earlier in this order, so that re-deriving an event from the reports the store
    gives back (``rerun resolve``, a new version of a document, a merge) or from the same documents ingested in
    another order gives the same fields."""
    return mention.doc, mention.sentence.start, mention.trigger.start, mention.trigger.end, mention.id


def majority(values: Iterable[str]) -> str:
    """Most frequent non-empty value; ties go to the one listed first (for reports: in :func:`report_order`)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    top = max(counts.values())
    return next(v for v in counts if counts[v] == top)


def derive_date(intervals: list[DateInterval]) -> DateInterval | None:
    """Narrow the most precise interval by every other interval that overlaps it (of equally precise ones, the
    first: callers list the dates reports' own sentences give before those carried from elsewhere)."""
    if not intervals:
        return None
    ordered = sorted(intervals, key=width)  # stable: the callers' order (report_order within) breaks ties
    narrowest = ordered[0]
    start, end = narrowest.start, narrowest.end
    for other in ordered[1:]:
        both = intersect(DateInterval(start, end, narrowest.precision), other)
        if both is not None:
            start, end = both
    return DateInterval(start, end, narrowest.precision, narrowest.span)


def act_dates(told: list[Mention], window_max_days: int, recalled_gap_days: int | None = None) -> list[DateInterval]:
    """dated_by_the_telling_sentence (``told_window_max_days``): the dates an event's date is derived from. The
    reports whose own sentence dates the act within a window shorter than ``window_max_days`` + 1 days are used
    alone when there are any, so a narrower day another report took from context (the publication day, a dateline,
    an earlier sentence) does not override them: a window the telling sentence gives ("overnight", "over the past two
    days") stays a window. Otherwise every report's date counts. A day told as an earlier incident the article
    recalls (:func:`recalled_days`, ``recalled_day_gap_days``) counts in neither."""
    recalled = recalled_days(told, recalled_gap_days) if recalled_gap_days is not None else set()
    kept = [m for m in told if m.date is not None and id(m) not in recalled]
    dated = [m.date for m in kept if m.date is not None]
    own = [m.date for m in kept if m.date is not None and dated_by_its_sentence(m) and width(m.date) <= window_max_days]
    return own or dated


def recalled_days(told: list[Mention], gap_days: int) -> set[int]:
    """an_earlier_day_is_another_incident (``recalled_day_gap_days``): the reports (by ``id``) whose own sentence
    gives a day ending more than ``gap_days`` before every date the other reports take from their context, when
    those context-dated reports outnumber them: an incident the article recalls (a caption's, an earlier attack's),
    not the day of the act the rest of it tells."""
    context = [m.date for m in told if m.date is not None and not dated_by_its_sentence(m)]
    if not context:
        return set()
    bound = min(d.start for d in context) - dt.timedelta(days=gap_days)
    earlier = [m for m in told if m.date is not None and dated_by_its_sentence(m) and m.date.end < bound]
    return {id(m) for m in earlier} if len(context) > len(earlier) else set()


def _place_key(place: Place) -> str:
    return place.gazetteer_id or f"{place.name}@{place.lat:.3f},{place.lon:.3f}"


def derive_places(mentions: list[Mention], cfg: ResolveConfig, date: DateInterval | None = None) -> list[Place]:
    """Distinct places, a foreign capital that stands for its government last (:func:`foreign_capitals`), then those
    only reports dated outside the event's ``date`` name (:func:`told_on_its_date`); otherwise a town,
    district or site a report's own sentence writes as where it happened first
    (written_outranks_guessed: a sentence naming only a country or province is placed at the town its context gives,
    ``mention_places``, which is a guess and yields to a place the act's own sentence writes); then those a report's
    own sentence names as where it happened before those reports only took from
    the sentences before them (a guess: own_places_place_the_event) or named in a way that says no more
    (:func:`own_event_places`); then the finer first (``event_place_fineness``: a town and a district as fine); then
    by how many reports name them in their own sentence, then by how many carry them at all (ties: the first
    in :func:`report_order`).

    own_namings_outvote_carried: a place each sentence after the lead only takes from its context (the city an article
    is about, its dateline's) is told once, however many sentences carry it; the village the act's own sentences name
    is told each time. Counting carried places would let the article's city outvote the village it names.

    a_far_town_stands_for_its_province: a town any report writes as holding a place farther from it than one incident
    spans (:func:`far_containers`: "Al-Sukhnah located in eastern Homs") is as fine as a province in every report of
    the event: the article uses the name of a city and its province alike."""
    ranked = place_standing(mentions, cfg, date)
    if ranked is None:
        return where_told(mentions)
    first, standing = ranked
    return [first[k] for k in standing.order]


def place_standing(
    mentions: list[Mention], cfg: ResolveConfig, date: DateInterval | None = None
) -> tuple[dict[str, Place], PlaceStanding] | None:
    """The event's distinct places by key and the rules' reading of them (:func:`derive_places`), None when its
    reports carry no place."""
    provinces = {key for mention in mentions for key in far_containers(mention, cfg.place_tolerance_km.get("town"))}
    named_by: Counter[str] = Counter()
    carried_by: Counter[str] = Counter()
    written: set[str] = set()
    first: dict[str, Place] = {}
    for mention in mentions:
        own = own_event_places(mention) if names_its_own_place(mention) else set()
        written |= own & written_places(mention)
        for place in mention_places(mention):
            key = _place_key(place)
            carried_by[key] += 1
            named_by[key] += key in own
            first.setdefault(key, place)
    if not first:
        return None
    fineness = cfg.event_place_fineness
    coarsest = max(fineness.values(), default=0) + 1

    def how_fine(key: str) -> int:
        precision = "admin1" if key in provinces else first[key].precision
        return fineness.get(precision, coarsest)

    written_fine = {k for k in written if how_fine(k) <= fineness.get("town", 0)}
    abroad = foreign_capitals(first)
    on_date = {_place_key(p) for m in mentions if told_on_its_date(m, date) for p in mention_places(m)}
    order = sorted(
        first,
        key=lambda k: (
            k in abroad,
            k not in on_date,
            k not in written_fine,
            not named_by[k],
            how_fine(k),
            -named_by[k],
            -carried_by[k],
        ),
    )
    return first, PlaceStanding(order, abroad, on_date, written_fine, named_by, carried_by, provinces)


@dataclass(frozen=True)
class PlaceStanding:
    """What the rules of :func:`derive_places` read of each of an event's places (by key), in their order."""

    order: list[str]
    abroad: set[str]
    on_date: set[str]
    written_fine: set[str]
    named_by: Counter[str]
    carried_by: Counter[str]
    provinces: set[str]


def told_on_its_date(mention: Mention, date: DateInterval | None) -> bool:
    """off_date_reports_do_not_place: whether the report's date agrees with the event's (or either is unknown). A
    report the grouping joined whose date lies outside the event's tells another act, the one before or after it
    in the same area, so the places only such reports name come after those of the reports that tell this one."""
    return date is None or mention.date is None or intersect(mention.date, date) is not None


def foreign_capitals(places: dict[str, Place]) -> set[str]:
    """capital_speaks_for_its_government: the keys of capital cities of a country none of the event's other places
    lies in, where another of its places lies elsewhere. A capital named in the story of a war abroad stands for its
    government ("the truce brokered by Moscow", "the concern in Washington"), which acts or speaks from there; the
    event happened where the other places are."""
    countries = Counter(place.country for place in places.values())
    return {
        key
        for key, place in places.items()
        if place.feature in CAPITAL_FEATURES and countries[place.country] == 1 and len(countries) > 1
    }


def written_places(mention: Mention) -> set[str]:
    """The places the report's own sentence writes as where it happened, not those it took from its context."""
    return {_place_key(pm.place) for pm in mention.places if pm.role == LOCATION_ROLE and pm.place is not None}


def where_told(mentions: list[Mention]) -> list[Place]:
    """told_from_where_it_happened: an event none of whose reports names a place of its own is placed where its
    speakers are ("a correspondent in the city said the raids were intense", "a resident of a village near X said"):
    a witness or a local source tells of what happened around them, and the city says more than no place at all."""
    first: dict[str, Place] = {}
    for mention in mentions:
        for pm in mention.places:
            if pm.place is not None:
                first.setdefault(_place_key(pm.place), pm.place)
    return list(first.values())


def own_event_places(mention: Mention) -> set[str]:
    """The places the report's own sentence names as where the event was, less two that say no more than a place taken
    from the sentences before it, however many reports carry that:

    - ``landmarks_are_not_named``: a place written only as a landmark of another ("the X valley northwest of Y",
      "near the town of X, east of Y": Y) says where that place lies;
    - ``distance_landmarks_are_not_named``: a place written after a distance and a compass point ("an attack 30 km
      south of Y on the town of X") says where the act lay from it; ACLED codes the act there only when the sentence
      names no other place (:func:`distance_landmarks`);
    - ``a_name_kept_at_its_country_is_not_named``: a name the gazetteer lacks, kept as written at its country's point
      (a quarter, a village: ``sitrep.geo.inherit``), says only which country; the town the article is about, which
      other reports carry, places the event better."""
    landmarks = {_place_key(pm.place) for pm in landmark_places(mention) if pm.place is not None}
    landmarks |= distance_landmarks(mention)
    return {
        key
        for place in mention_places(mention)
        if (key := _place_key(place)) not in landmarks and not kept_at_its_country(place)
    }


@cache
def _distance_before_a_landmark() -> re.Pattern[str]:
    """What ends right before a place written as the landmark of a distance: "30 km south of", "25 kilometers (15
    miles) north of the" (data/en/places.yaml distance_units, compass_points)."""
    units = word_alternation(word_set("en", "places", "distance_units"))
    compass = word_alternation(word_set("en", "places", "compass_points"))
    return re.compile(rf"\b[\d.,]+\s*-?\s*{units}\s+(?:\([^)]*\)\s+)?{compass}\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def distance_landmarks(mention: Mention) -> set[str]:
    """The keys of places the report's sentence writes only after a distance and a compass point, where it writes
    another town, district or site as well: that place is where the act was (a country or a province written
    besides says only around where)."""
    text, offset = mention.sentence.text or "", mention.sentence.start
    written = [
        pm
        for pm in mention.places
        if pm.role == LOCATION_ROLE and pm.place is not None and pm.span.doc == mention.sentence.doc
    ]
    after_a_distance = {
        _place_key(pm.place)
        for pm in written
        if pm.place is not None
        and 0 <= pm.span.start - offset <= len(text)
        and _distance_before_a_landmark().search(text[max(0, pm.span.start - offset - 80) : pm.span.start - offset])
    }
    fine = load_config().fine_precisions
    others = {_place_key(pm.place) for pm in written if pm.place is not None and pm.place.precision in fine}
    return after_a_distance if others - after_a_distance else set()


@cache
def _inside_relation() -> re.Pattern[str]:
    """What stands between a place and the place it is written as lying in: " in ", ", located in eastern ", " in
    the northern " (data/en/places.yaml containment_relations, apposition_directions)."""
    relations = word_alternation(word_set("en", "places", "containment_relations"))
    directions = word_alternation(word_set("en", "places", "apposition_directions"))
    return re.compile(
        rf"\s*,?\s*(?:(?:which|that)\s+(?:is|lies)\s+)?{relations}\s+(?:the\s+)?(?:{directions}\s+)?", re.IGNORECASE
    )


def far_containers(mention: Mention, reach_km: float | None) -> set[str]:
    """The keys of towns the report's sentence writes as holding a town or site named right before them ("X in Y")
    that lies farther from them than ``reach_km``: a town cannot hold a place that far away, so the sentence names
    the province of that name (a city and its province share a name), which says only around where."""
    if reach_km is None:
        return set()
    text, offset = mention.sentence.text or "", mention.sentence.start
    written = sorted(
        (pm for pm in mention.places if pm.role == LOCATION_ROLE and pm.place is not None),
        key=lambda pm: pm.span.start,
    )
    far: set[str] = set()
    for inner, outer in itertools.pairwise(written):
        if inner.place is None or outer.place is None or outer.place.precision != "town":
            continue
        start, end = inner.span.end - offset, outer.span.start - offset
        if (
            inner.place.precision in ("town", "site")
            and 0 <= start <= end <= len(text)
            and _inside_relation().fullmatch(text[start:end])
            and haversine_km(inner.place.lat, inner.place.lon, outer.place.lat, outer.place.lon) > reach_km
        ):
            far.add(_place_key(outer.place))
    return far


def kept_at_its_country(place: Place) -> bool:
    """A name the gazetteer lacks, kept as written at the point of its country (no finer unit around it is known)."""
    return place.precision == "country" and place.gazetteer_id.startswith(UNRESOLVED_PREFIX)


def derive_actors(mentions: list[Mention], event_type: str = "", sub_event_type: str = "") -> list[ActorRole]:
    """Per role, the canonical name the documents' reports of the act give (with the span of its first report in
    :func:`report_order`, as derive_event lists them). "Unidentified Armed Group" says a report did not name the
    actor: it counts only when no report names one.

    doer_follows_the_lead: as for the event's type, each document votes once, with its lead report of the event's
    type (:func:`lead_reports`): an article names who struck in the sentence that tells the strike, while its later
    sentences (the toll, a reaction, an earlier raid recalled) name other parties, and a long article's many
    sentences no longer outvote the other documents. Ties between documents go to the name more of all the reports
    give, so the doer does not flip with which follow-up sentences joined the event; all the reports vote only where
    no lead names one.

    An event of ``sub_event_type`` whose reports name no target at all takes the codebook's default target
    (:func:`_unnamed_target`); a place the reports name by the kind of force holding it, whom it hit only where no
    report names another target (:func:`_held_place_hit`)."""
    hurt = _someone_was_hurt(mentions)
    mentions = [_held_place_hit(m, hurt) for m in mentions]
    telling = [m for m in mentions if m.event_type == event_type]
    leads = {id(m) for m in lead_reports(telling or mentions)}
    actors: list[ActorRole] = []
    for role in ROLES:
        actor = _voted_actor(mentions, role, leads)
        if actor is not None:
            actors.append(actor)
        elif role == "actor2" and (target := _unnamed_target(sub_event_type)) is not None:
            actors.append(target)
    return _doer_is_not_its_target(actors, mentions, leads)


def _voted_actor(
    mentions: list[Mention], role: ActorRoleName, leads: set[int], besides: str | None = None
) -> ActorRole | None:
    """The role's actor by the documents' votes (:func:`derive_actors`), leaving out the name ``besides``."""
    in_role = [(m, a) for m in mentions for a in m.actors if a.role == role and a.name and a.name != besides]
    read_off_its_words = [(m, a) for m, a in in_role if not held_by_a_kind_of_force(a)]
    in_role = read_off_its_words or in_role
    named = [(m, a) for m, a in in_role if a.name != UNIDENTIFIED]
    in_role = named or in_role
    name = _leading_name(
        [_document_name(in_role, doc, leads) for doc in dict.fromkeys(m.doc for m, _ in in_role)],
        [a.name for _, a in in_role],
    )
    if not name:
        return None
    chosen = next(a for _, a in in_role if a.name == name)
    actor_type = majority(a.actor_type for _, a in in_role if a.name == name)
    return ActorRole(role, name, actor_type or chosen.actor_type, chosen.span)


def _someone_was_hurt(mentions: list[Mention]) -> bool:
    """A report of the act counts its dead or wounded."""
    return any(m.fatalities is not None or any(q.kind in HURT_KINDS for q in m.quantities) for m in mentions)


def _held_place_hit(mention: Mention, hurt: bool) -> Mention:
    """held_place_hits_its_holder: a place named by the kind of force holding it ("shelled the rebel-held town") is
    a weaker reading of the target than a named one (:func:`_voted_actor` counts it last). An act that hurt
    people there hit the civilians (the codebook's reading of a strike on rebel-held districts that killed people);
    one that tells no one hurt hit the force holding the place."""
    if not hurt or not any(a.role == "actor2" and held_by_a_kind_of_force(a) for a in mention.actors):
        return mention
    civilians = civilians_entry()
    return replace(
        mention,
        actors=[
            ActorRole("actor2", civilians.name, civilians.actor_type)  # no phrase names them
            if a.role == "actor2" and held_by_a_kind_of_force(a)
            else a
            for a in mention.actors
        ],
    )


def _doer_is_not_its_target(actors: list[ActorRole], mentions: list[Mention], leads: set[int]) -> list[ActorRole]:
    """doer_is_not_its_target: an act is not done by the side it was done against. Where the votes give both roles
    one name, the reports have lent the target's name to the doer ("a bomb killed 40 of the group's leaders",
    "a man stabbed three people": the dead's side, the victims' word): the target stands (the reports name it as
    hit), and the doer is the next name the reports give it, else an unidentified armed group."""
    doer, target = (next((a for a in actors if a.role == role), None) for role in ("actor1", "actor2"))
    if doer is None or target is None or doer.name != target.name:
        return actors
    other = _voted_actor(mentions, "actor1", leads, besides=target.name)
    unknown = actor_dictionary().by_alias[UNIDENTIFIED.lower()]
    replaced = other or ActorRole("actor1", unknown.name, unknown.actor_type)
    return [replaced if a is doer else a for a in actors]


def _unnamed_target(sub_event_type: str) -> ActorRole | None:
    """bombardment_hits_whom_it_fell_on (actors.yaml `conventions.unnamed_target_sub_types`): a strike or shelling
    none of whose reports names whom it hit is coded against civilians, the people where it fell; no span, as no
    sentence names them. None for a kind of act with no such default."""
    rules = coding_conventions()
    if sub_event_type not in rules.unnamed_target_sub_types:
        return None
    civilians = civilians_entry()
    return ActorRole("actor2", civilians.name, civilians.actor_type)


def _document_name(in_role: list[tuple[Mention, ActorRole]], doc: str, leads: set[int]) -> str:
    """One document's vote: its lead's name, or none where its lead names none in the role (its other sentences
    name the parties of other acts as often as this one's)."""
    return majority(a.name for m, a in in_role if m.doc == doc and id(m) in leads)


def _leading_name(votes: list[str], told: list[str]) -> str:
    """The name most ``votes`` give, ties as :func:`most_voted`; the majority of ``told`` when no vote names one."""
    return most_voted(votes, told) or majority(told)


def most_voted(votes: Iterable[str], told: Iterable[str]) -> str:
    """The value most (non-empty) ``votes`` give; among values tied, the one ``told`` gives most often, then the first
    voted: the documents' votes decide, and the reports break their ties."""
    counts = Counter(v for v in votes if v)
    if not counts:
        return ""
    top = max(counts.values())
    by_reports = Counter(told)
    return max((v for v in counts if counts[v] == top), key=lambda v: by_reports[v])


def mention_figures(mention: Mention) -> list[Quantity]:
    """The report's figures, its toll first: derive_figures keeps one figure per kind and report. The killed figure
    is the report's toll alone ("killing six civilians and five militiamen": 11, not its first part, 6): a count of
    dead the toll rules set aside ("a number of fighters were killed", a part of another figure) is no toll."""
    figures = [q for q in mention.quantities if q.kind != FATALITY_KIND]
    if mention.fatalities is not None:
        figures.insert(0, mention.fatalities)
    return figures


def conventional_zero(quantity: Quantity) -> bool:
    """A toll of nobody that no words state: the codebook's 0 for a report of a non-violent act (a march, an
    arrest), given by the extraction with no span."""
    return quantity.span is None and quantity.kind == FATALITY_KIND and (quantity.low, quantity.best) == (0, 0)


def stated_value(quantity: Quantity) -> int | None:
    """The figure as a coder writes it down: its best, else its bound ("at least 14" -> 14)."""
    return next((v for v in (quantity.best, quantity.low, quantity.high) if v is not None), None)


def article_figure(told: list[tuple[Mention, Quantity]]) -> int | None:
    """The figure one article gives the event, as a coder reads it: its lead's (the first report of its body that
    gives one, or the first that states a number when the lead only counts in words; its title's only when the body
    gives none), unless a later report tells the figure as risen
    (:func:`told_as_risen`), whose latest figure supersedes it. A part of the toll told later ("among them 12
    children") or another scene's count does not replace the lead's."""
    valued = [(m, q) for m, q in told if stated_value(q) is not None]
    if not valued:
        return None
    body = [item for item in valued if not item[0].headline] or valued
    ordered = sorted(body, key=lambda item: report_order(item[0]))  # one article: by sentence, then trigger
    risen = [item for item in ordered[1:] if told_as_risen(*item)]
    _, chosen = risen[-1] if risen else ordered[0]
    if is_vague(chosen):
        # a_number_over_a_vague_count: a lead that counts the dead only in words ("dozens were killed") gives way to
        # the first figure the article states in numbers ("at least 58 people"), as a coder writes that down.
        _, chosen = next((item for item in ordered if not is_vague(item[1])), (None, chosen))
    return stated_value(chosen)


def derive_figure(
    kind: str,
    by_mention: dict[str, Quantity],
    doc_of: dict[str, str] | None = None,
    reports: dict[str, Mention] | None = None,
) -> Figure:
    """UCDP-style: low = lowest stated bound, high = highest stated bound, best = the articles' consensus figure
    (:func:`consensus_figure`).

    Each article gives the event one figure (:func:`article_figure`: its lead's, or its update's), and the consensus
    is taken over articles, not sentences, so that an article telling its toll in five sentences does not outvote
    another that tells it once. ``doc_of`` maps a report id to its article and ``reports`` a report id to the
    report (its sentence and title flag); without them each figure counts as its own article's."""
    ranges = [r for q in by_mention.values() if (r := effective_range(q.low, q.best, q.high)) is not None]
    lows = [r[0] for r in ranges]
    highs = [r[1] if r[1] is not None else r[0] for r in ranges]
    told: dict[str, list[tuple[Mention, Quantity]]] = {}
    by_article: dict[str, int] = {}
    for mention_id, quantity in by_mention.items():
        article = (doc_of or {}).get(mention_id, mention_id)
        report = (reports or {}).get(mention_id)
        if report is None:
            value = stated_value(quantity)
            if value is not None:
                by_article[article] = value
            continue
        told.setdefault(article, []).append((report, quantity))
    for article, items in told.items():
        if (value := article_figure(items)) is not None:
            by_article[article] = value
    best = consensus_figure(list(by_article.values()))
    return Figure(kind, min(lows) if lows else None, best, max(highs) if highs else None, dict(by_mention))


def consensus_figure(values: list[int]) -> int | None:
    """most_told_figure: the figure most articles give; among figures told equally often, their median (the lower
    middle one, so that the best is a figure some article gave and stays traceable). Articles that agree on a toll
    outweigh the middle of several that each tell another (an early count, a later one, another incident's merged
    in): the median of five articles of which two say 9 and three each say something else is none of them."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return statistics.median_low(sorted(v for v in values if counts[v] == top))


def derive_figures(mentions: list[Mention], cfg: ResolveConfig, sub_event_type: str = "") -> list[Figure]:
    """One Figure per quantity kind; denied or feared reports do not count towards the bounds. The codebook's 0 of
    a non-violent report (:func:`conventional_zero`) is the event's toll only when the event is itself of a
    non-violent sub-type and no report states a toll: an attack with an arrest in its story is no toll of 0."""
    by_kind: dict[str, dict[str, Quantity]] = {}
    for mention in mentions:
        if mention.modality not in cfg.figure_modalities:
            continue
        for quantity in mention_figures(mention):
            by_kind.setdefault(quantity.kind, {}).setdefault(mention.id, quantity)
    killed = by_kind.get(FATALITY_KIND, {})
    stated_tolls = {k: q for k, q in killed.items() if not conventional_zero(q)}
    if stated_tolls or sub_event_type not in NON_VIOLENT_SUB_TYPES:
        if stated_tolls:
            by_kind[FATALITY_KIND] = stated_tolls
        else:
            by_kind.pop(FATALITY_KIND, None)
    doc_of = {mention.id: mention.doc for mention in mentions}
    reports = {mention.id: mention for mention in mentions}
    return [derive_figure(kind, by_mention, doc_of, reports) for kind, by_mention in by_kind.items()]


def _lead_key(mention: Mention) -> tuple[int, bool, float, tuple[str, int, int, int, str]]:
    """A document's lead is its first sentence of the event. In one sentence, the looting or the arrests (Strategic
    developments) accompany the act the sentence tells; and lead_sentence_of_two_kinds: one sentence tells one act,
    so where the typing reads it as two kinds ("rebels stormed the base, backed by shelling") the lead is the report
    whose type the typing is surest of (its calibrated ``confidence``), not whichever report came first."""
    return (
        mention.sentence.start,
        mention.event_type == "Strategic developments",
        -mention.confidence,
        report_order(mention),
    )


def _headlines(mentions: list[Mention]) -> set[int]:
    """The reports (by id()) from a document's title where the document's body reports the event too."""
    by_document: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_document.setdefault(mention.doc, []).append(mention)
    return {id(m) for reports in by_document.values() for m in headline_reports(reports)}


def lead_reports(mentions: list[Mention]) -> list[Mention]:
    """Each document's first report of the event (documents in :func:`report_order`, whatever order the reports
    come in: the type votes of :func:`derive_event` and the clustering's break their ties by it); a headline that
    sums up what the body tells does not lead."""
    headlines = _headlines(mentions)
    leads: dict[str, Mention] = {}
    for mention in mentions:
        if id(mention) in headlines:
            continue
        lead = leads.get(mention.doc)
        if lead is None or _lead_key(mention) < _lead_key(lead):
            leads[mention.doc] = mention
    return sorted(leads.values(), key=report_order)


def document_type(lead: Mention, reports: list[Mention], outvoted_by: int) -> str:
    """The type a document votes for: its lead's, unless its reports (the lead among them) tell one other type at
    least ``outvoted_by`` times more often (``lead_outvoted_by``: a lead typed from its toll alone, "20 people were
    killed", and four sentences that name the air strikes)."""
    told = Counter(m.event_type for m in reports)
    most = majority(m.event_type for m in reports)
    return most if told[most] >= told[lead.event_type] + outvoted_by else lead.event_type


def voted_type(votes: list[str], reports: list[Mention]) -> str:
    """The type most documents vote for. documents_tied_reports_decide: when as many documents vote for one type as
    for another (one wire tells a clash, another the air strikes of the same fight), the type more of the event's
    reports tell wins; the first vote (in :func:`report_order`) only when those tie too."""
    return most_voted(votes, (m.event_type for m in reports))


def derive_event(event_id: str, mentions: list[Mention], cfg: ResolveConfig | None = None) -> Event:
    """Build an event from its reports: type by majority of the documents (:func:`voted_type`), narrowest consistent
    date, places, actors, figures.

    Each document votes once for the type, with its first report of the event: an article leads with the
    incident and then tells its toll, weapon, arrests and aftermath, whose sentences say less about its type; unless
    its other reports clearly outvote the lead (:func:`document_type`).

    The reports are put in :func:`report_order` first, so no field depends on the order they arrive in.
    """
    cfg = cfg or load_config()
    mentions = sorted(mentions, key=report_order)
    asserting = [m for m in mentions if m.modality != "denied"] or mentions  # a denial does not define the event
    leads = lead_reports(asserting)
    headlines = _headlines(asserting)  # a title's date is the day it was printed
    told = [m for m in asserting if id(m) not in headlines]
    votes = [document_type(lead, [m for m in told if m.doc == lead.doc], cfg.lead_outvoted_by) for lead in leads]
    event_type = coded_type((m.event_type for m in leads), voted_type(votes, told))
    typed = [m for m in asserting if m.event_type == event_type]
    sub_event_type = majority(m.sub_event_type for m in typed)
    actors = derive_actors(asserting, event_type, sub_event_type)
    date = derive_date(act_dates(told, cfg.told_window_max_days, cfg.recalled_day_gap_days))
    event = Event(
        id=event_id,
        mentions=mentions,
        event_type=event_type,
        sub_event_type=sub_event_type,
        # The event's PLOVER category follows the event as coded: conventional force whose target, over all its
        # reports, is civilian is one-sided (ASSAULT), though the sentence that typed it named no victim.
        plover=one_sided_plover(
            majority(m.plover for m in typed), " ".join(a.name for a in actors if a.role == "actor2"), event_type
        ),
        date=date,
        places=derive_places(mentions, cfg, date),
        actors=actors,
        figures=derive_figures(mentions, cfg, sub_event_type),
    )
    event.contradictions = find_contradictions(event, cfg)
    return event
