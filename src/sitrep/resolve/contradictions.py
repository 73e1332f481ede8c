"""Disagreements between the reports of one incident: figures, dates, denials, doers. Both sides are named."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, islice
from typing import TypeVar

from sitrep.data import load_yaml, word_set
from sitrep.extract.attribution import canonical_outlet
from sitrep.extract.claims import link_to_incidents, tells_a_running_total
from sitrep.extract.dates import WEEKDAY_BY_NAME
from sitrep.extract.quantities import effective_range, ranges_disjoint
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer
from sitrep.model import AttributionChain, Claim, Contradiction, Event, Figure, Mention, Place, Quantity, Span
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.contradiction_model import EntryContext, kept
from sitrep.resolve.similarity import mention_places

# A big event could yield thousands of pairs; an analyst needs the disagreements, not every permutation.
MAX_PAIRS_PER_KIND = 50
FATALITY_KIND = "killed"  # the figure kind of the dead (Figure.kind)
K = TypeVar("K")
T = TypeVar("T")


def _plain(text: str) -> str:
    """``text`` in lower case with its runs of white space made one space: how the cue patterns read a sentence."""
    return " ".join(text.lower().split())


def who(mention: Mention) -> str:
    """Who says it: the attribution chain, originator first, or the document name."""
    names = mention.chain.names()
    return " via ".join(names) if names else mention.doc


def describe_quantity(q: Quantity) -> str:
    bounds = effective_range(q.low, q.best, q.high)
    if bounds is None:
        return "?"
    low, high = bounds
    if q.best is not None and (low, high) == (q.best, q.best):
        return str(q.best)
    return f"{low}+" if high is None else f"{low}-{high}"


def grouped(items: Iterable[tuple[K, T]]) -> list[tuple[K, list[T]]]:
    """Items grouped by key in first-seen order: reports repeat the same few figures and dates,
    so comparing distinct values keeps big events cheap."""
    groups: dict[K, list[T]] = {}
    for key, item in items:
        groups.setdefault(key, []).append(item)
    return list(groups.items())


def disagreeing_pairs(groups: list[tuple[K, list[T]]], disagree: Callable[[K, K], bool]) -> Iterator[tuple[T, T]]:
    for (key_a, items_a), (key_b, items_b) in combinations(groups, 2):
        if disagree(key_a, key_b):
            yield from ((a, b) for a in items_a for b in items_b)


_Stated = tuple[int, tuple[int, int | None]]  # a report's headline figure and its stated bounds


def _headline(q: Quantity) -> int | None:
    """The figure a report leads with: its best value, else its bound ("at least 56" -> 56)."""
    return next((v for v in (q.best, q.low, q.high) if v is not None), None)


def _lexicon(name: str) -> frozenset[str]:
    return word_set("en", "contradictions", name)


def _opens_with(text: str, cues: frozenset[str]) -> bool:
    return any(text == cue or text.startswith(cue + " ") for cue in cues)


def _sentence_opens_with(mention: Mention, cues: str, words: int) -> bool:
    """The report's sentence opens (within its first ``words`` words, commas aside) with a cue of the lexicon's
    list ``cues``."""
    opening = mention.sentence.text.lower().replace(",", " ").split()[:words]
    return _opens_with(" ".join(opening), _lexicon(cues))


def _span_text(q: Quantity) -> str:
    return _plain(q.span.text if q.span is not None else "")


def stated(q: Quantity) -> _Stated | None:
    """The figure a report states and its bounds, as compared: a figure approaching a round number from below
    ("nearly 40", read as 36-39) reaches that number, which is not a dispute with a report of 40."""
    headline = _headline(q)
    bounds = effective_range(q.low, q.best, q.high)
    if headline is None or bounds is None:
        return None
    if q.best is None and bounds[1] is not None and _opens_with(_span_text(q), _lexicon("approaching_cues")):
        return bounds[1] + 1, (bounds[0], bounds[1] + 1)
    return headline, bounds


def _noun(q: Quantity) -> str:
    """The counted noun, plural folded: "emergency workers" -> "worker"."""
    words = q.unit.lower().replace("-", " ").split()
    word = words[-1] if words else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _after_figure(mention: Mention, q: Quantity) -> str:
    """The words of the report's sentence right after the figure, lower-cased."""
    if q.span is None or not q.span.text:
        return ""
    at = mention.sentence.text.find(q.span.text)
    if at < 0:
        return ""
    return _plain(mention.sentence.text[at + len(q.span.text) :])


def _before_figure(mention: Mention, q: Quantity) -> str:
    """The words of the report's sentence before the figure, lower-cased."""
    if q.span is None or not q.span.text:
        return ""
    at = mention.sentence.text.find(q.span.text)
    return _plain(mention.sentence.text[:at]) if at > 0 else ""


def told_as_cause(mention: Mention, q: Quantity) -> bool:
    """cause_clause_counts_an_earlier_incident: the figure follows words that bring in what the story's incident
    answers or follows ("the assault came after rebels fired rockets killing seven", "a response to attacks which
    killed ten"): it counts that earlier happening's victims and is set against no report's toll. A cue opening the
    sentence ("In retaliation for the shelling, rebels fired rockets killing three") leaves the figure the
    sentence's own."""
    return _follows_a_cause_cue(_before_figure(mention, q))


def _follows_a_cause_cue(before: str) -> bool:
    """The words before a figure or a name bring in the happening the story's incident follows (``cause_cues``),
    not at the sentence's opening."""
    if _opens_with(before, _lexicon("cause_cues")):
        return False
    return _has_cue(before, "cause_cues")


def named_in_cause_clause(mention: Mention, span: Span) -> bool:
    """cause_clause_counts_an_earlier_incident, for doers: a name told after the words that bring in what the
    story's incident follows ("the attack came a day after strikes by Russian warplanes killed 26") is the earlier
    happening's doer, not this incident's."""
    before = mention.sentence.text[: max(0, span.start - mention.sentence.start)]
    return _follows_a_cause_cue(_plain(before))


NATIONALS = "national"


def _span_start(q: Quantity) -> int:
    return q.span.start if q.span is not None else -1


def antecedent(mention: Mention, q: Quantity) -> Quantity | None:
    """The figure whose noun an elliptical figure counts: a number with no noun of its own followed by "others"
    or "more" ("killed two fighters and wounded five others", "six Mexicans were killed and seven more were
    injured") counts more of what the sentence's figure before it counts, not people in general."""
    span = _span_text(q)
    noun = _noun(q)
    if not span or (noun and noun in span) or not _opens_with(_after_figure(mention, q), _lexicon("ellipsis_cues")):
        return None
    before = [other for other in mention.quantities if 0 <= _span_start(other) < _span_start(q)]
    return max(before, key=_span_start, default=None)


def victim_noun(mention: Mention, q: Quantity) -> str:
    """The noun a figure of people counts, with a nationality ("eight Mexicans", "six Mexican nationals") one
    noun whatever its wording: a capitalised noun outside the title names a people; an elliptical figure counts
    its antecedent's noun (:func:`antecedent`)."""
    counted = antecedent(mention, q)
    if counted is not None:
        return victim_noun(mention, counted)
    words = q.unit.replace("-", " ").split()
    if words and words[-1][:1].isupper() and not mention.headline and words[-1].lower() not in _lexicon("whole_nouns"):
        return NATIONALS
    return _noun(q)


def part_of_toll(mention: Mention, q: Quantity) -> bool:
    """The figure counts a part of the victims, not the incident's toll: a subgroup ("12 children", "three
    emergency workers", "eight Mexicans"), a partitive ("Fourteen of the victims", "six were among the dead") or a
    breakdown by place ("four in one town and one in each of two others")."""
    subgroups = _lexicon("subgroup_nouns") | {NATIONALS}
    noun = victim_noun(mention, q)
    return (
        noun in subgroups
        or noun + "s" in subgroups
        or _opens_with(_after_figure(mention, q), _lexicon("part_cues"))
        or _says(mention, "breakdown_cues")
    )


def adds_to_toll(mention: Mention, q: Quantity) -> bool:
    """The figure is told as an addition to victims already counted: "another five civilians", "17 other
    civilians", "five more", "35 fighters were also killed", "shelling also wounded three", or a sentence opening
    "Other shells wounded two"."""
    cues = _lexicon("addition_cues")
    text = mention.sentence.text
    at = text.find(q.span.text) if q.span is not None and q.span.text else -1
    before = text[:at].lower().split() if at >= 0 else []
    figure = _span_text(q).split()
    opening = text.lower().split()[:1]
    return bool(
        (before and before[-1] in cues)
        or " ".join(before[-2:]) in _lexicon("addition_before")
        or (len(figure) > 1 and figure[1] in cues)
        or (opening and opening[0] in _lexicon("addition_openers"))
        or _opens_with(_after_figure(mention, q), _lexicon("addition_after"))
    )


def victim_side(mention: Mention, q: Quantity) -> str:
    """Whom a figure counts: "civilian", "combatant" ("25 soldiers", "31 jihadists"), or "" when it does not say
    ("22 people", "the dead")."""
    noun = victim_noun(mention, q)
    for side in ("civilian", "combatant"):
        nouns = _lexicon(f"{side}_nouns")
        if noun in nouns or noun + "s" in nouns:
            return side
    return ""


def count_the_same_victims(a: tuple[Mention, Quantity], b: tuple[Mention, Quantity]) -> bool:
    """Two figures of people harmed count the same victims: both the whole toll, or both one subgroup (the
    children of one report against the children of another); a part is never set against the whole, a figure told
    as an addition (:func:`adds_to_toll`) against nothing, and civilians never against fighters
    (:func:`victim_side`)."""
    if adds_to_toll(*a) or adds_to_toll(*b):
        return False
    sides = {victim_side(*a), victim_side(*b)}
    if {"civilian", "combatant"} <= sides:
        return False
    part_a, part_b = part_of_toll(*a), part_of_toll(*b)
    if not part_a and not part_b:
        return True
    return part_a and part_b and victim_noun(*a) == victim_noun(*b) and names_a_subgroup(*a)


def names_a_subgroup(mention: Mention, q: Quantity) -> bool:
    """unnamed_parts_differ: the figure names whom it counts by a subgroup noun ("12 children", "eight Mexicans").
    Two parts told only as parts ("ten of those killed were civilians", "six of those killed were fighters") may
    count any two parts of the dead, so they are set against each other only when both name the same subgroup."""
    subgroups = _lexicon("subgroup_nouns") | {NATIONALS}
    noun = victim_noun(mention, q)
    return noun in subgroups or noun + "s" in subgroups


@functools.cache
def _settings() -> dict[str, frozenset[str]]:
    raw = load_yaml("contradictions.yaml")
    lists = ("contested_figure_kinds", "denial_disputes", "vague_counts")
    unknown = set(raw) - {
        *lists,
        "perpetrator_event_types",
        "max_figure_ratio",
        "same_place_km",
        "head_stamp_chars",
        "incident_days",
    }
    if unknown:
        raise ValueError(f"contradictions.yaml: unknown keys {sorted(unknown)}")
    settings = {key: frozenset(str(v).lower() for v in raw[key]) for key in lists}
    settings["perpetrator_event_types"] = frozenset(str(v) for v in raw["perpetrator_event_types"])
    return settings


def is_vague(q: Quantity) -> bool:
    """ "several others", "a number of people": a count that names no figure, so none to dispute."""
    text = _span_text(q)
    return any(text == word or text.startswith(word + " ") for word in _settings()["vague_counts"])


def contested_figure_kinds() -> frozenset[str]:
    """Figure kinds compared whatever their units: people harmed."""
    return _settings()["contested_figure_kinds"]


def same_unit(a: Quantity, b: Quantity) -> bool:
    """ "six airstrikes" and "seven air strikes": other counts are compared only when they count the same noun
    (a count of villages is not a count of rockets)."""
    return bool(_noun(a)) and _noun(a) == _noun(b)


def originator(mention: Mention) -> str:
    """The first source of a report's chain (the publisher when nobody else is named), case folded, under its
    canonical name when it is a known outlet or body: one source under two spellings ("SOHR", "the Syrian
    Observatory") is one side, never two sources that disagree or agree."""
    names = mention.chain.names()
    first = names[0] if names else mention.doc
    return (canonical_outlet(first) or first).casefold()


def told_as_risen(mention: Mention, quantity: Quantity) -> bool:
    """an_update_supersedes: the report tells the figure as a toll that has risen ("the toll rose to 12", "has
    climbed to", "reached"): the article's latest count, which replaces the one its lead gave."""
    if quantity.span is None or not (mention.sentence.start <= quantity.span.start <= mention.sentence.end):
        return False
    before = mention.sentence.text[: quantity.span.start - mention.sentence.start]
    return _TOLL_UPDATE.search(_plain(before) + " ") is not None


_TOLL_UPDATE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(word_set("en", "quantities", "toll_updates"))) + r")\s+$"
)


def an_update(a: tuple[Mention, Quantity], b: tuple[Mention, Quantity]) -> bool:
    """One figure is told as the toll risen since (:func:`told_as_risen`) and is the higher: a later count of the
    same dead, which its source says has grown, not a dispute with the earlier, lower one."""
    (ma, qa), (mb, qb) = a, b
    va, vb = stated(qa), stated(qb)
    if va is None or vb is None:
        return False
    return (told_as_risen(ma, qa) and va[0] > vb[0]) or (told_as_risen(mb, qb) and vb[0] > va[0])


def same_count(a: _Stated, b: _Stated) -> bool:
    """Two figures can count one thing: reports of one incident rarely differ beyond ``max_figure_ratio``; a
    figure that many times another counts something else (a war's toll beside an attack's)."""
    low, high = sorted((max(a[0], 1), max(b[0], 1)))
    return high <= _ratio() * low


@functools.cache
def _ratio() -> float:
    return float(load_yaml("contradictions.yaml")["max_figure_ratio"])


@functools.cache
def _number(key: str) -> float:
    return float(load_yaml("contradictions.yaml")[key])


def counts_over_a_period(text: str) -> bool:
    """The sentence counts over a stretch of time ("killed over the last 15 days", "in recent weeks", "on Tuesday
    and Wednesday", "the fighting has left 37 dead")."""
    return _has_cue(text, "period_cues") or counts_over_named_days(text) or tells_a_campaign_toll(text)


@functools.lru_cache(maxsize=8192)  # a function of the sentence, asked again for each pair of reports compared
def tells_a_campaign_toll(text: str) -> bool:
    """campaign_running_toll: the sentence tells a toll as what violence sustained over days has done so far ("the
    fighting on that front has left at least 37 dead", "the bombardment of the city has killed 84"; nouns of
    ``campaign_nouns``, in one clause with "has/have killed, left, claimed"): a running total of the campaign, set
    against no one attack's toll."""
    return _campaign_toll().search(_plain(text)) is not None


@functools.cache
def _campaign_toll() -> re.Pattern[str]:
    nouns = "|".join(sorted(re.escape(noun) for noun in _lexicon("campaign_nouns")))
    return re.compile(rf"\b(?:{nouns})\b(?: [^ ,;:]+){{0,8}}? (?:has|have) (?:now |so far )?(?:killed|left|claimed)\b")


@functools.lru_cache(maxsize=8192)  # a function of the sentence, asked again for each pair of reports compared
def counts_over_named_days(text: str) -> bool:
    """several_named_days: the sentence joins two days of the week ("killed on Tuesday and Wednesday", "between
    Friday and Sunday"): its figure is a toll of several days, set against no one day's toll."""
    return _named_days().search(_plain(text)) is not None


@functools.cache
def _named_days() -> re.Pattern[str]:
    days = "|".join(sorted(re.escape(day) for day in WEEKDAY_BY_NAME))  # the language's date data
    return re.compile(rf"\b(?:{days})(?: night)? (?:and|to|through|till|until) (?:{days})\b")


def same_scene(a: Mention, b: Mention) -> bool:
    """Two reports can tell one incident's figures or date: neither names places all further than
    ``same_place_km`` from the other's (a merged cluster may hold a second incident of another town), and
    neither counts over a period ("killing at least 16 since Thursday", "over the last 15 days" is a running
    total, not this attack's)."""
    if any(tells_a_running_total(m.sentence.text) or counts_over_a_period(m.sentence.text) for m in (a, b)):
        return False
    if tells_another_scene(a) or tells_another_scene(b):
        return False
    places_a, places_b = mention_places(a), mention_places(b)
    if not places_a or not places_b:
        return True
    limit = _number("same_place_km")
    if any(haversine_km(p.lat, p.lon, q.lat, q.lon) <= limit for p in places_a for q in places_b):
        return True
    return province_holds_its_towns(a, b) or province_holds_its_towns(b, a)


def tells_another_scene(mention: Mention) -> bool:
    """other_scene_in_sentence: the report's sentence moves to another scene or a further incident beside the
    story's ("rockets on another neighbourhood killed one", "a second car bomb exploded in another district
    wounding three", "others were killed in two more incidents"; ``other_scene_cues`` before
    ``other_scene_nouns``): its figures and date may be that incident's, so they are set against no other
    report's."""
    return _tells_another_scene(mention.sentence.text)


@functools.lru_cache(maxsize=8192)  # a function of the sentence, asked again for each pair of reports compared
def _tells_another_scene(text: str) -> bool:
    return _other_scene().search(_plain(text)) is not None


@functools.cache
def _other_scene() -> re.Pattern[str]:
    cues, nouns = (
        "|".join(sorted(re.escape(word) for word in _lexicon(name)))
        for name in ("other_scene_cues", "other_scene_nouns")
    )
    # "more than 20 villages" counts places, it moves to no other scene
    return re.compile(rf"\b(?:{cues})(?: (?!than\b)[^ ,;:]+){{0,2}}? (?:{nouns})\b")


def province_holds_its_towns(area_report: Mention, town_report: Mention) -> bool:
    """province_holds_its_towns: a province or district named by one report holds the town another names ("a gas
    attack in Idlib province killed 58", "warplanes struck Khan Sheikhoun"): one scene told at two precisions,
    whatever the distance from the province's centre; but only when the province's report tells one act
    (:func:`tells_one_act`), since a province-wide toll of several strikes is no one town's toll."""
    if not tells_one_act(area_report):
        return False
    return any(holds(p, q) for p in mention_places(area_report) for q in mention_places(town_report))


def holds(area: Place, place: Place) -> bool:
    """The province or district ``area`` contains ``place``, a place of finer precision."""
    if area.country != place.country or area is place:
        return False
    if area.precision == "admin1":
        return area.admin1 is not None and area.admin1 == place.admin1 and place.precision != "admin1"
    if area.precision == "admin2":
        return area.admin2 is not None and area.admin2 == place.admin2 and place.precision not in ("admin1", "admin2")
    return False


def tells_one_act(mention: Mention) -> bool:
    """one_act_toll: the report's figure is one act's, neither a sum over acts its sentence names in the plural
    ("killed in aerial attacks on the province", "raids across the province"; ``several_acts_nouns``) nor one over
    several scenes (:func:`counts_several_scenes`)."""
    return not counts_several_scenes(mention) and not _has_cue(mention.sentence.text, "several_acts_nouns")


def counts_several_scenes(mention: Mention) -> bool:
    """The report's own places lie further apart than ``same_place_km`` from each other ("rocket attacks on Aleppo
    and Deir Ezzor killed 10"): its figure sums several scenes and is set against no one scene's figure.
    Countries, provinces and districts, which hold the towns they contain, are no scenes."""
    towns = [p for p in mention_places(mention) if p.precision in ("site", "town")]
    limit = _number("same_place_km")
    return any(haversine_km(p.lat, p.lon, q.lat, q.lon) > limit for p, q in combinations(towns, 2))


def told_of_other_days(a: Mention, b: Mention) -> bool:
    """The reports' dates do not overlap and one of them is its sentence's own (:func:`own_date`): "12 killed on
    Friday" and a toll of the days after it count different days' dead, not one incident's twice."""
    if a.date is None or b.date is None or not (own_date(a) or own_date(b)):
        return False
    return _dates_disjoint((a.date.start, a.date.end), (b.date.start, b.date.end))


def same_source(a: Mention, b: Mention) -> bool:
    """Two reports of one document from one originator: one source's two wordings, or its breakdown of a toll
    ("eight civilians" and "24 in all"), not a dispute. The same originator in another article may have revised
    its figure, which is."""
    return a.doc == b.doc and (originator(a) == originator(b) or relays(a, b) or relays(b, a))


def relays(a: Mention, b: Mention) -> bool:
    """relayed_source_is_one_account: report ``a``'s own sentence names ``b``'s originator as the one who passes its
    words on ("the Observatory quoted trusted sources as saying 270 were killed" beside the Observatory's own 90):
    a body and the sources it quotes are one account in one article, its update, not a dispute. A story's wire
    credit (read from no words of the sentence) relays nothing here."""
    relayed = {(canonical_outlet(s.name) or s.name).casefold() for s in a.chain.sources[1:] if s.span is not None}
    return originator(b) in relayed


def told_as_earlier(mention: Mention) -> bool:
    """The report's sentence opens with a word that places it before the story's lead ("Earlier, a police source
    said 4 were killed", "Initially, officials put the toll at 8"): an earlier account the article has moved on
    from, or an earlier happening of the day."""
    return _sentence_opens_with(mention, "earlier_openers", 3)


def told_as_background(mention: Mention) -> bool:
    """The report's sentence opens by recalling a happening before the story's own ("Recently, state media said
    four were killed", "Several days before, the ministry said ..."): an earlier incident the article gives as
    background, whose figures and date are not the incident's, whatever article its event is compared with."""
    return _sentence_opens_with(mention, "background_openers", 4)


def told_as_elsewhere(mention: Mention) -> bool:
    """The report's sentence opens by moving to another scene ("Elsewhere, the monitor reported 12 killed in air
    strikes", "Separately, ..."): a round-up's other incident, not the lead's."""
    return _sentence_opens_with(mention, "elsewhere_openers", 4)


def superseded_in_article(a: Mention, b: Mention) -> bool:
    """Two reports of one article, one told as earlier (:func:`told_as_earlier`) or as another scene
    (:func:`told_as_elsewhere`): the article's own update or another incident of its round-up, which the article
    does not set against its lead; an analyst cites the article's latest figure. Another article's earlier figure,
    or its report of that other scene, still disputes it."""
    return a.doc == b.doc and any(told_as_earlier(m) or told_as_elsewhere(m) for m in (a, b))


def _figure_disagreements(
    event: Event,
    kind: str,
    disagree: Callable[[_Stated, _Stated], bool],
    across_sources: bool = False,
    note: str = "",
    apart: Callable[[tuple[Mention, Quantity], tuple[Mention, Quantity]], bool] | None = None,
) -> list[Contradiction]:
    """Pairs of reports whose figures of one kind ``disagree``: figures of people harmed
    (``contested_figure_kinds``), or counts of one noun, never one document's originator against itself; with
    ``across_sources``, only reports of different originators (one source's "at least 20" and later "at least 23"
    is an update, not a dispute)."""
    found: list[Contradiction] = []
    by_id = {m.id: m for m in event.mentions}
    contested = contested_figure_kinds()
    for figure in event.figures:
        counts_people = figure.kind in contested
        figures = [
            (position, (mention_id, q))
            for mention_id, q in figure.by_mention.items()
            if (position := stated(q)) is not None and not is_vague(q) and not told_as_cause(by_id[mention_id], q)
        ]
        pairs = (
            (a, b)
            for a, b in disagreeing_pairs(grouped(figures), lambda x, y: same_count(x, y) and disagree(x, y))
            if (
                count_the_same_victims((by_id[a[0]], a[1]), (by_id[b[0]], b[1]))
                if counts_people
                else same_unit(a[1], b[1])
            )
            and not an_update((by_id[a[0]], a[1]), (by_id[b[0]], b[1]))
            and not same_source(by_id[a[0]], by_id[b[0]])
            and not superseded_in_article(by_id[a[0]], by_id[b[0]])
            and not told_as_background(by_id[a[0]])
            and not told_as_background(by_id[b[0]])
            and same_scene(by_id[a[0]], by_id[b[0]])
            and not counts_several_scenes(by_id[a[0]])
            and not counts_several_scenes(by_id[b[0]])
            and not told_of_other_days(by_id[a[0]], by_id[b[0]])
            and (not across_sources or originator(by_id[a[0]]) != originator(by_id[b[0]]))
            and (apart is None or not apart((by_id[a[0]], a[1]), (by_id[b[0]], b[1])))
        )
        for (id_a, qa), (id_b, qb) in islice(pairs, MAX_PAIRS_PER_KIND):
            text = (
                f"{figure.kind}: {describe_quantity(qa)} ({who(by_id[id_a])}) vs "
                f"{describe_quantity(qb)} ({who(by_id[id_b])}){note}"
            )
            found.append(Contradiction(kind, text, id_a, id_b, subject=figure.kind))
    return found


def figure_contradictions(event: Event) -> list[Contradiction]:
    """Figures beyond each other's stated bounds ("5" vs "10 to 15")."""
    return _figure_disagreements(event, "figure", lambda a, b: ranges_disjoint(a[1], b[1]))


def estimate_contradictions(event: Event) -> list[Contradiction]:
    """Sources that give different figures within each other's bounds ("at least 56" killed vs "at least 60"):
    not exclusive, but an analyst must see both, with who gives which."""
    return _figure_disagreements(
        event,
        "estimates",
        lambda a, b: a[0] != b[0] and not ranges_disjoint(a[1], b[1]) and not one_floor_named(a, b),
        across_sources=True,
        note=", different estimates within each other's bounds",
        apart=floors_of_two_articles,
    )


def floors_of_two_articles(a: tuple[Mention, Quantity], b: tuple[Mention, Quantity]) -> bool:
    """floors_of_two_articles: two articles' open floors ("at least 58" killed, "more than 80") both hold whatever
    the count is above the higher one: each outlet's count at its hour, not two sources disputing it. Within one
    article the two floors are set side by side by the writer (a monitor's against a ministry's) and are listed."""
    (report_a, qa), (report_b, qb) = a, b
    return report_a.doc != report_b.doc and _open_floor(qa) and _open_floor(qb)


def _open_floor(q: Quantity) -> bool:
    """A figure with a lower bound and no upper one ("at least 20", "more than 20")."""
    bounds = effective_range(q.low, q.best, q.high)
    return bounds is not None and bounds[1] is None


def one_floor_named(a: _Stated, b: _Stated) -> bool:
    """one_floor_two_wordings: two open floors one apart are one figure worded two ways ("at least 100" read as
    100 and more, "more than 100" as 101 and more): no estimate differs."""
    (head_a, (_, high_a)), (head_b, (_, high_b)) = a, b
    return high_a is None and high_b is None and abs(head_a - head_b) <= 1


def _dates_disjoint(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def own_date(mention: Mention) -> bool:
    """The report's sentence itself gives the incident's date, to the day: not a date carried from an earlier
    sentence or taken from the publication day, which say when the report was written, not when it happened. A
    date with no span was coded, not read, and is the incident's own."""
    d = mention.date
    if d is None or d.precision != "day":
        return False
    if d.span is None:
        return True
    if (d.span.start < _number("head_stamp_chars") or mention.headline) and re.search(r"\d{4}", d.span.text):
        # "Published November 23 2017 ...", "Sun 05 Jul 2015 ...", a title then "AFP Saturday 21 Feb 2015": the
        # story's stamp, not the incident's
        return False
    return mention.sentence.start <= d.span.start and d.span.end <= mention.sentence.end


def date_contradictions(event: Event) -> list[Contradiction]:
    """Reports whose own dates of the incident do not overlap (see :func:`own_date`); one document's originator
    is not set against itself (its title's day and its text's are one account, one of them misread)."""
    dated = [
        ((m.date.start, m.date.end), m)
        for m in event.mentions
        if m.date is not None and m.modality != "denied" and own_date(m) and not told_as_background(m)
    ]
    found: list[Contradiction] = []
    pairs = (
        (a, b)
        for a, b in disagreeing_pairs(grouped(dated), _dates_disjoint)
        if same_scene(a, b) and not same_source(a, b)
    )
    for a, b in islice(pairs, MAX_PAIRS_PER_KIND):
        assert a.date is not None and b.date is not None
        text = f"date: {a.date.start}..{a.date.end} ({who(a)}) vs {b.date.start}..{b.date.end} ({who(b)})"
        found.append(Contradiction("date", text, a.id, b.id, subject="date"))
    return found


def names_a_denier(chain: AttributionChain, evidence: str = "") -> bool:
    """Someone besides the story's credits says the thing did not happen: an article's own negation ("it made no
    mention of strikes") is not a source disputing another, whether the story is the publisher's own or a wire's
    copy credited at its head or end (an outlet just before the publisher, with no words of its own in the
    sentence, so no span). A denial told by a verb of denying (``evidence``, :func:`denied_by_a_party`) has its
    denier in the sentence whatever the chain reads."""
    if denied_by_a_party(evidence):
        return True
    publishers, credits = _lexicon("publisher_kinds"), _lexicon("credit_kinds")
    sources = chain.sources
    return any(
        source.kind not in publishers
        and not (
            source.kind in credits
            and source.span is None
            and index + 1 < len(sources)
            and sources[index + 1].kind in publishers
        )
        for index, source in enumerate(sources)
    )


def denied_by_a_party(evidence: str) -> bool:
    """party_denial_verbs: a verb of denying ("Russia has denied any responsibility", "it denied involvement")
    tells a party's answer to an accusation, never the writer's own negation, which says "no" or "not"; its
    subject is the denier though the attribution chain holds only the publisher."""
    return _plain(evidence) in _lexicon("party_denial_verbs")


PEOPLE_KINDS = frozenset({"person", "official"})


def one_speaker(a: AttributionChain, b: AttributionChain) -> bool:
    """Two chains start with one speaker: the same name, or a person's name and a later name ending in the same
    surname ("Foreign Minister Jan Novak", later "Novak said", however the later name was read)."""
    first_a, first_b = (chain.sources[0] if chain.sources else None for chain in (a, b))
    if first_a is None or first_b is None:
        return first_a is first_b
    if first_a.name.casefold() == first_b.name.casefold():
        return True
    surnames = [source.name.casefold().split()[-1:] for source in (first_a, first_b)]
    return PEOPLE_KINDS & {first_a.kind, first_b.kind} != set() and surnames[0] == surnames[1]


def standing_denial(text: str) -> bool:
    """The sentence tells a party's standing position, not its answer to this incident: a denial said to be
    repeated or of earlier charges ("has repeatedly denied using such weapons", "denied previous accusations", "has
    always denied"), which news writing gives as background beside any incident of its kind."""
    return _has_cue(text, "standing_denial_cues") or held_over_years(text)


@functools.lru_cache(maxsize=8192)  # a function of the sentence, asked for each denial of it
def held_over_years(text: str) -> bool:
    """standing_denial_spans: the sentence holds its denial over a stretch of years ("over the past three years it
    has denied"), or over a war named by its length ("denied using such arms during the five-year-old civil war"),
    not as an answer to one incident. Not "since" a year, which as often dates the denier ("its military, fighting
    there since 2015, denied striking the town")."""
    return _years_span().search(_plain(text)) is not None


@functools.cache
def _years_span() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in sorted(_lexicon("standing_denial_spans"), key=len, reverse=True))
    return re.compile(
        r"\b(?:over|in|during|throughout|for)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?years\b"
        rf"|\b[\w]+-years?(?:-old)?\s+(?:[\w-]+\s+)?(?:{nouns})\b"
    )


def denial_contradictions(event: Event, cfg: ResolveConfig) -> list[Contradiction]:
    """Reports that say the thing happened against a source's denial of it (see :func:`names_a_denier`). A denial
    answers the accusation its own article reports beside it: it is set against that article's reports, and
    against other articles' only when its article reports none (a statement carried alone); a standing denial
    (:func:`standing_denial`) answers no one report. Dates are not compared: a denial is as often dated by the day
    it was made as by the act's. A speaker's own words are one account, not a dispute (:func:`one_speaker`)."""
    denials = [
        m
        for m in event.mentions
        if m.modality == "denied" and names_a_denier(m.chain) and not standing_denial(m.sentence.text)
    ]
    disputed = _settings()["denial_disputes"]
    assertions = [m for m in event.mentions if m.modality in cfg.asserting_modalities and m.modality in disputed]

    def answered(denial: Mention) -> list[Mention]:
        return [a for a in assertions if a.doc == denial.doc] or assertions

    pairs = islice(
        ((d, a) for d in denials for a in answered(d) if not one_speaker(d.chain, a.chain)), MAX_PAIRS_PER_KIND
    )
    return [
        Contradiction("denial", f"{who(d)} denies what {who(a)} reports", a.id, d.id, subject=event.event_type)
        for d, a in pairs
    ]


def reports_a_denial_answers(denial_doc: str, concerned: Mention, event_reports: Iterable[Mention]) -> list[Mention]:
    """accusation_in_the_article: a denial of an incident answers every report its own article gives that the
    incident happened as told (``denial_disputes``), not only the one it was linked to (``concerned``, first): the
    accusation it answers is as often told in a sentence before that report, or in the denial's own sentence
    ("X was blamed for the attack, though it denied it"), as in the last report before it. The same rule as
    :func:`denial_contradictions`: one entry per event and article lists them all."""
    disputed = _settings()["denial_disputes"]
    others = [m for m in event_reports if m.doc == denial_doc and m.id != concerned.id and m.modality in disputed]
    return [concerned, *sorted(others, key=lambda m: m.sentence.start)]


def answer_set_aside_denials(claims: list[Claim], mentions: list[Mention]) -> None:
    """denial_of_a_set_aside_report: a denial is linked to a report of the incident it answers
    (``extract.claims.link_to_incidents``) before reports are set aside as background (a habit, a reference to the
    act, a restatement: they join no event); when its report is set aside, so is the denial, though it answers an
    incident the story tells as news. Such a denial is linked again, by the same rules, among the reports of that
    kind of act (the set-aside report's event type) kept as news. Claims are changed in place, as background marks
    reports."""
    by_id = {m.id: m for m in mentions}
    for claim in claims:
        dropped = by_id.get(claim.concerns) if claim.concerns and claim.modality == "denied" else None
        if dropped is None or not dropped.background:
            continue
        news = [m for m in mentions if not m.background and m.event_type == dropped.event_type]
        relinked = link_to_incidents(news, [replace(claim, concerns=None)]) if news else []
        claim.concerns = next((c.concerns for c in relinked if c.id == claim.id and c.concerns), claim.concerns)


FOILED = "foiled"


def _says(mention: Mention, cues: str) -> bool:
    return _has_cue(mention.sentence.text, cues)


@functools.lru_cache(maxsize=8192)  # a function of the sentence, asked again for each pair of reports compared
def _has_cue(text: str, cues: str) -> bool:
    """The text holds one of the lexicon's cues as whole words (case and spacing aside)."""
    lowered = _plain(text)
    return any(pattern.search(lowered) for pattern in _cue_patterns(cues))


@functools.cache
def _cue_patterns(cues: str) -> tuple[re.Pattern[str], ...]:
    """Each cue of the lexicon list ``cues`` as a whole-word pattern, compiled once (``re``'s own cache of 512
    patterns is shared with every other module, and these were compiled again and again)."""
    return tuple(re.compile(rf"\b{re.escape(cue)}\b") for cue in _lexicon(cues))


def says_foiled(mention: Mention) -> bool:
    """The report's sentence says the attack failed before it struck (see ``foiled_cues``)."""
    return _says(mention, "foiled_cues")


def says_none_died(mention: Mention) -> bool:
    """The report's sentence says the incident killed no one and gives no dead of its own (``no_death_cues``)."""
    return _says(mention, "no_death_cues") and not (mention.fatalities and _headline(mention.fatalities))


def _killed(mention: Mention) -> int:
    return (_headline(mention.fatalities) or 0) if mention.fatalities is not None else 0


def no_death_contradictions(event: Event) -> list[Contradiction]:
    """One source's dead against another's word that nobody died ("no one was killed", "only wounded were among
    the casualties"): the toll is disputed, none against some. One originator's two reports are one account."""
    disputing = [m for m in event.mentions if m.modality in _settings()["denial_disputes"]]
    none_died = [m for m in disputing if says_none_died(m)]
    dead = [m for m in disputing if _killed(m) > 0]
    pairs = ((a, n) for n in none_died for a in dead if originator(a) != originator(n) and same_scene(a, n))
    return [
        Contradiction(
            "figure", f"killed: {_killed(a)} ({who(a)}) vs none ({who(n)})", a.id, n.id, subject=FATALITY_KIND
        )
        for a, n in islice(pairs, MAX_PAIRS_PER_KIND)
    ]


def foiled_contradictions(event: Event) -> list[Contradiction]:
    """One source's toll of an attack against another source's word that it was foiled ("killed 25 soldiers"
    per a monitor, "the army foiled an attempt to detonate the truck" per state television): whether it happened
    as told is disputed. Both from one originator is one account (an attempt foiled, then another that struck)."""
    foiled = [m for m in event.mentions if m.modality in _settings()["denial_disputes"] and says_foiled(m)]
    harmed = [
        m for m in event.mentions if m.modality in _settings()["denial_disputes"] and not says_foiled(m) and _killed(m)
    ]
    pairs = (
        (a, f) for f in foiled for a in harmed if originator(a) != originator(f) and not dead_are_the_attackers(a, f)
    )
    return [
        Contradiction("denial", f"{who(f)} says it was foiled; {who(a)} gives its toll", a.id, f.id, subject=FOILED)
        for a, f in islice(pairs, MAX_PAIRS_PER_KIND)
    ]


def dead_are_the_attackers(harmed: Mention, foiled: Mention) -> bool:
    """attackers_killed_in_foiling: the toll counts whom the foiling report names as the attackers ("foiled an attack
    by terrorist groups" beside "killing 100 terrorists"): foiling an attack kills its attackers, which tells the
    same account, not a disputed one (unlike "killed 25 soldiers" beside "the army foiled the attempt")."""
    if harmed.fatalities is None:
        return False
    noun = _noun(harmed.fatalities)
    words = {
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        for w in re.findall(r"[\w-]+", foiled.sentence.text.lower())
    }
    return bool(noun) and noun in words


# Kinds that are one field for an analyst: figures beyond each other's bounds and different estimates within
# them are both the field's figures disagreeing.
FIELD_OF_KIND = {"figure": "figure", "estimates": "figure"}


def one_per_field(pairs: list[Contradiction], position: Callable[[str, str], str]) -> list[Contradiction]:
    """One entry per field (and figure kind) instead of one per pair of reports: the description lists every
    position once, each with who holds it (``position`` of a report id and the subject); the entry keeps its
    first pair's ids so that both spans can be shown, and every pair in ``pairs``. The strongest kind wins
    ("figure" over "estimates")."""
    fields: dict[tuple[str, str], list[Contradiction]] = {}
    for item in pairs:
        fields.setdefault((FIELD_OF_KIND.get(item.kind, item.kind), item.subject), []).append(item)
    merged: list[Contradiction] = []
    for (field_name, subject), items in fields.items():
        disagreeing = [(item.kind, item.a, item.b) for item in items]
        if len(items) == 1:
            only = items[0]
            merged.append(Contradiction(only.kind, only.description, only.a, only.b, only.subject, disagreeing))
            continue
        ids = list(dict.fromkeys(i for item in items for i in (item.a, item.b)))
        positions = list(dict.fromkeys(position(i, subject) for i in ids))
        kind = next((i.kind for i in items if i.kind == field_name), items[0].kind)
        label = subject or field_name
        description = f"{label}: " + "; ".join(positions)
        merged.append(Contradiction(kind, description, items[0].a, items[0].b, subject, disagreeing))
    return merged


def _position(event: Event) -> Callable[[str, str], str]:
    """A report's position on a subject (a figure's kind, the date): its value, and who says so."""
    by_id = {m.id: m for m in event.mentions}
    figures = {f.kind: f for f in event.figures}

    def describe(mention_id: str, subject: str) -> str:
        m = by_id.get(mention_id)
        if m is None:
            return mention_id
        if m.modality == "denied":
            return f"denied ({who(m)})"
        if subject == FOILED and says_foiled(m):
            return f"foiled ({who(m)})"
        if subject == FOILED and m.fatalities is not None:
            return f"{describe_quantity(m.fatalities)} killed ({who(m)})"
        figure = figures.get(subject)
        if subject == FATALITY_KIND and says_none_died(m):
            return f"none ({who(m)})"
        if figure is not None and mention_id in figure.by_mention:
            return f"{describe_quantity(figure.by_mention[mention_id])} ({who(m)})"
        if subject == PERPETRATOR:
            return f"{', '.join(sorted(named_doers(m))) or 'no doer named'} ({who(m)})"
        if subject == "date" and m.date is not None:
            return f"{m.date.start}..{m.date.end} ({who(m)})"
        return f"{m.modality} ({who(m)})"

    return describe


@dataclass(frozen=True, slots=True)
class Position:
    """One side of a disagreement as an analyst cites it: what a report (or claim) says, who says so, and the
    sentence it says it in."""

    report: str  # mention or claim id
    doc: str
    says: str  # "12 (Syrian Observatory for Human Rights via Reuters)"
    text: str


def mention_position(mention: Mention) -> Position:
    """A report's side of a denial or a claim dispute: whether it says the thing happened, and who says so."""
    return Position(mention.id, mention.doc, f"{mention.modality} ({who(mention)})", mention.sentence.text)


def event_positions(event: Event, kind: str, a: str, b: str) -> list[Position]:
    """The positions of an event's entry (its ``kind`` and first pair ``a``, ``b``): every report of every pair
    of the entry, each with its value on the entry's field, who gives it, and its sentence (one sentence's two
    reports of one value once)."""
    entry = next((c for c in event.contradictions if (c.kind, c.a, c.b) == (kind, a, b)), None)
    pairs = (entry.pairs or [(kind, a, b)]) if entry is not None else [(kind, a, b)]
    subject = entry.subject if entry is not None else ""
    describe = _position(event)
    by_id = {m.id: m for m in event.mentions}
    ids = dict.fromkeys(i for _, x, y in pairs for i in (x, y) if i in by_id)
    found = (Position(i, by_id[i].doc, describe(i, subject), by_id[i].sentence.text) for i in ids)
    return list({(p.says, p.doc, p.text): p for p in found}.values())  # two reports of one sentence say it once


PERPETRATOR = "perpetrator"


@functools.cache
def _doer_entries() -> dict[str, tuple[str, str | None]]:
    """Each canonical actor name (lower-cased) -> its actor type (lower-cased) and country."""
    from sitrep.extract.actors import actor_dictionary

    return {
        alias: (entry.actor_type.lower(), entry.country)
        for alias, entry in actor_dictionary().by_alias.items()
        if alias == entry.name.lower()
    }


@functools.cache
def _generic_armed_names() -> frozenset[str]:
    """Names the actor rules give an armed group the text does not name ("rebels", a state's "terrorists"): the
    contextual forces' country names and demonym names ("Syrian rebels"), lower-cased."""
    from sitrep.extract.actors import actor_dictionary

    dictionary = actor_dictionary()
    names: set[str] = set()
    for force in dictionary.contextual:
        names |= {name.lower() for _country, name in force.names}
        if force.template:
            names |= {force.template.format(demonym=d).lower() for d in dictionary.demonym_of.values()}
    return frozenset(names)


ANY_ARMED_GROUP = "armed:*"


def doer_side(name: str) -> str:
    """Whom a named doer stands for when two reports are compared: a state's forces of any branch are the state
    (its army, police and air force are one doer); an armed group the text does not name ("terrorists",
    "rebels") is any armed group (:data:`ANY_ARMED_GROUP`); a named armed group is itself."""
    actor_type, country = _doer_entries().get(name.lower(), ("", None))
    if country and actor_type in _lexicon("state_doer_types"):
        return f"state:{country}"
    if name.lower() in _generic_armed_names():
        return ANY_ARMED_GROUP
    if actor_type in _lexicon("armed_group_types"):
        return f"armed:{name.casefold()}"
    return name.casefold()


def _sides_agree(a: str, b: str) -> bool:
    return a == b or (ANY_ARMED_GROUP in (a, b) and a.startswith("armed:") and b.startswith("armed:"))


def doers_disagree(a: frozenset[str], b: frozenset[str]) -> bool:
    """doers_named_differently: one report names a doer no doer of the other stands for (by :func:`doer_side`):
    "a suspected Russian raid" against "Syrian government planes", and also against "Russian or Syrian planes" or
    "a joint regime and Russian attack", which widen who did it; an analyst sees each source's doers side by side."""
    return not (_each_stood_for(a, b) and _each_stood_for(b, a))


def _each_stood_for(doers: frozenset[str], others: frozenset[str]) -> bool:
    return all(any(_sides_agree(doer, other) for other in others) for doer in doers)


def _read_here(mention: Mention, span: Span | None) -> bool:
    sentence = mention.sentence
    return span is not None and sentence.start <= span.start and span.end <= sentence.end


def named_doers(mention: Mention) -> frozenset[str]:
    """The doers a report names in its own sentence (first actor and its associates): read from the words there,
    not carried over from another sentence, and neither left unnamed ("gunmen", an unidentified armed group) nor
    the victims. Empty when the report names none, when it names one side as both doer and target (its roles
    were misread: "a bomber blew himself up in an army outpost, killing 25 soldiers" read with the army as
    doer), or when it does not tell a one-sided act (``perpetrator_event_types``: in a battle either side may
    be written first)."""
    if mention.event_type not in _settings()["perpetrator_event_types"]:
        return frozenset()
    unnamed = _lexicon("unnamed_doer_types")
    found = {
        actor.name
        for actor in mention.actors
        if actor.role in ("actor1", "assoc_actor1")
        and _read_here(mention, actor.span)
        and not (actor.span is not None and named_in_cause_clause(mention, actor.span))
        and actor.actor_type.lower() not in unnamed
        and not actor.name.lower().startswith("unidentified")
    }
    if _targets(mention) & {doer_side(name) for name in found}:
        return frozenset()
    return frozenset(found)


def names_a_speaker(mention: Mention) -> bool:
    """The report's own sentence names who says it ("activists say", "state media said"): someone's word, not
    the story's own telling."""
    return any(_read_here(mention, source.span) for source in mention.chain.sources)


def _targets(mention: Mention) -> set[str]:
    return {doer_side(a.name) for a in mention.actors if a.role in ("actor2", "assoc_actor2")}


def same_act(a: Mention, b: Mention) -> bool:
    """Two reports tell one act, whose doer they can dispute: the same means (sub-type) against the same victims
    (a target of one stands for a target of the other). An event may hold a strike and the shelling it answered,
    or a raid and the attack that followed it; their doers differ without any source disputing the other."""
    return a.sub_event_type == b.sub_event_type and any(_sides_agree(x, y) for x in _targets(a) for y in _targets(b))


def perpetrator_contradictions(event: Event) -> list[Contradiction]:
    """Sources that name different doers of one act ("a suspected Russian raid" against "Syrian government
    planes"; "a pro-government sniper" against "terrorists"): each report's doers as its own sentence names them
    (:func:`named_doers`); two reports disagree when one names a doer no doer of the other stands for
    (:func:`doers_disagree`: the army and the police of one state are one doer, "terrorists" any armed group),
    about one act (:func:`same_act`). One document's originator is not set against itself, nor a report of
    another scene or day; within one document, only two sources' words are (the story's own telling of a second
    doer tells a second act: "the army shelled the town after rebels fired rockets at the capital")."""
    disputing = _settings()["denial_disputes"]
    named = [
        (frozenset(doer_side(n) for n in doers), (doers, m))
        for m in event.mentions
        if m.modality in disputing and not told_as_background(m) and (doers := named_doers(m))
    ]
    pairs = (
        ((doers_a, a), (doers_b, b))
        for (doers_a, a), (doers_b, b) in disagreeing_pairs(grouped(named), doers_disagree)
        if same_act(a, b)
        and not same_source(a, b)
        and (a.doc != b.doc or (names_a_speaker(a) and names_a_speaker(b)))
        and same_scene(a, b)
        and not told_of_other_days(a, b)
    )
    return [
        Contradiction(
            PERPETRATOR,
            f"perpetrator: {', '.join(sorted(doers_a))} ({who(a)}) vs {', '.join(sorted(doers_b))} ({who(b)})",
            a.id,
            b.id,
            subject=PERPETRATOR,
        )
        for (doers_a, a), (doers_b, b) in islice(pairs, MAX_PAIRS_PER_KIND)
    ]


def _towns(places: Iterable[Place]) -> set[str]:
    return {p.gazetteer_id for p in places if p.precision in ("site", "town")}


def one_incident(event: Event, other: Event) -> bool:
    """Two events may tell one incident the resolver kept apart (two outlets that name different doers, a
    denial filed as an event of its own): one type and sub-type, dates that overlap and are each at most
    ``incident_days`` long, and one town or site both name (two strikes somewhere in one province on one day are
    as often two incidents as one)."""
    if event.id == other.id or (event.event_type, event.sub_event_type) != (other.event_type, other.sub_event_type):
        return False
    if event.date is None or other.date is None or not event.date.overlaps(other.date):
        return False
    longest = _number("incident_days")
    if any((d.end - d.start).days + 1 > longest for d in (event.date, other.date)):
        return False
    return bool(_towns_of_one_scene(event.places) & _towns_of_one_scene(other.places))


def _towns_of_one_scene(places: Iterable[Place]) -> set[str]:
    """big_city_is_no_scene: the towns and sites named, less a capital or a city of a million (the gazetteer's
    landmarks): such a city sees several attacks on one day, so two events that share only its name are not shown
    to be one incident ("air strikes on Aleppo killed 12" and "strikes on the province of Aleppo killed 36")."""
    gazetteer = Gazetteer.open()
    return {p.gazetteer_id for p in places if p.precision in ("site", "town") and not gazetteer.is_landmark(p)}


def same_town(a: Mention, b: Mention) -> bool:
    """Both reports name one town or site as where it happened (a region's toll and one of its towns' are not
    one figure)."""
    return bool(_towns(mention_places(a)) & _towns(mention_places(b)))


def _merged_figures(events: Sequence[Event]) -> list[Figure]:
    kinds: dict[str, Figure] = {}
    for event in events:
        for figure in event.figures:
            kinds.setdefault(figure.kind, Figure(figure.kind, None, None, None)).by_mention.update(figure.by_mention)
    return list(kinds.values())


def incident_contradictions(event: Event, other: Event) -> list[Contradiction]:
    """Disagreements between two events that tell one incident (:func:`one_incident`): one event's reports set
    against the other's on figures (a toll, or none) and doers, one entry per field, as if they were one event's,
    only between reports that name one town, of different documents or of two sources one article sets side by
    side (:func:`two_speakers`; the story's own telling of two events of one article tells two incidents). Dates
    are not compared (reports of one place on different days are more often two incidents than one disputed
    date), nor denials (a denial is set against the reports of its own event; across events it answered other
    words than theirs as often as not)."""
    if not one_incident(event, other):
        return []
    union = Event(
        event.id,
        [*event.mentions, *other.mentions],
        event.event_type,
        event.sub_event_type,
        event.plover,
        event.date,
        figures=_merged_figures((event, other)),
    )
    ours = {m.id for m in event.mentions}
    by_id = {m.id: m for m in union.mentions}
    pairs = (
        figure_contradictions(union)
        + estimate_contradictions(union)
        + no_death_contradictions(union)
        + perpetrator_contradictions(union)
    )
    across = [
        item
        for item in pairs
        if (item.a in ours) != (item.b in ours)
        and (by_id[item.a].doc != by_id[item.b].doc or two_speakers(by_id[item.a], by_id[item.b]))
        and same_town(by_id[item.a], by_id[item.b])
    ]
    return kept(one_per_field(across, _position(union)), lambda: entry_context(union, "incident"))


def two_speakers(a: Mention, b: Mention) -> bool:
    """sources_side_by_side: two reports of one article whose own sentences each name who says it, and name
    different originators ("the Observatory said the attack killed 58", "the Coalition said it killed more than
    100"): the article sets two sources' words side by side, which is a dispute however the resolver filed them."""
    return originator(a) != originator(b) and names_a_speaker(a) and names_a_speaker(b)


def entry_context(event: Event, origin: str) -> EntryContext:
    """What the learned gate (:mod:`sitrep.resolve.contradiction_model`) reads of an event's entries."""
    figures = {figure.kind: dict(figure.by_mention) for figure in event.figures}
    return EntryContext({m.id: m for m in event.mentions}, figures, origin)


def find_contradictions(event: Event, cfg: ResolveConfig | None = None) -> list[Contradiction]:
    """Figure, date, denial and doer disagreements among an event's reports, one entry per field: figures beyond
    each other's stated bounds ("figure", with a source's "no one was killed" as none), or different figures within
    them ("estimates"); a denial, or a source's word that the attack was foiled, against a report of it ("denial");
    different doers named ("perpetrator"). An entry is listed only if the learned gate keeps it
    (:mod:`sitrep.resolve.contradiction_model`; without its weights, every entry)."""
    cfg = cfg or load_config()
    pairs = (
        figure_contradictions(event)
        + estimate_contradictions(event)
        + date_contradictions(event)
        + denial_contradictions(event, cfg)
        + foiled_contradictions(event)
        + no_death_contradictions(event)
        + perpetrator_contradictions(event)
    )
    return kept(one_per_field(pairs, _position(event)), lambda: entry_context(event, "event"))
