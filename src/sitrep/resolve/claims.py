"""Claims about the same quantity (attacks since October, troops in Syria) grouped and compared."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations
from typing import Generic, TypeVar

from sitrep.extract.claims import UNSPECIFIED, tells_a_running_total
from sitrep.extract.quantities import base_kind, effective_range, ranges_disjoint
from sitrep.geo.normalise import country_keys, name_key, skeleton_key
from sitrep.model import Claim, Contradiction, Mention, Quantity
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.contradiction_model import EntryContext, kept
from sitrep.resolve.contradictions import (
    Position,
    contested_figure_kinds,
    counts_over_a_period,
    describe_quantity,
    is_vague,
    names_a_denier,
    one_per_field,
    one_speaker,
    originator,
    reports_a_denial_answers,
    same_count,
    standing_denial,
)
from sitrep.resolve.contradictions import who as report_who

T = TypeVar("T", bound=Hashable)


class Components(Generic[T]):
    """Items joined into connected components (union-find). ``join(a, b)`` puts b's component under a's root, so
    the caller's order decides which item names a component (the first seen, where callers join in that order)."""

    def __init__(self) -> None:
        self._parent: dict[T, T] = {}

    def root(self, item: T) -> T:
        parent = self._parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: T, b: T) -> None:
        self._parent[self.root(b)] = self.root(a)


_WORD = re.compile(r"[a-z0-9]+")
GENERIC_KINDS = frozenset({"", "count"})


@dataclass(slots=True)
class ClaimGroup:
    topic: str
    claims: list[Claim]
    contradictions: list[Contradiction] = field(default_factory=list)


def stem(word: str) -> str:
    """Crude plural folding so "attacks"/"attack" and "bases"/"base" meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def subject_terms(claim: Claim, cfg: ResolveConfig) -> frozenset[str]:
    words = _WORD.findall(claim.subject.lower())
    return frozenset(stem(w) for w in words if w not in cfg.claim_stopwords)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def one_word_reach(words: int, threshold: float) -> int:
    """The most subject words a claim may have and still reach ``threshold`` (:func:`jaccard`) with a claim of
    ``words`` words when the two share a single word (0: none may). Any other pair that reaches it shares two words,
    so a store finds a claim's neighbours by shared pairs of words, and by single words only among claims this
    short: a word most claims carry ("killed") is then never read whole."""
    if words <= 0 or threshold <= 0:
        raise ValueError("a claim with subject words and a positive threshold")
    size = 0
    while 1 / (words + size) >= threshold:  # one shared word of words + (size + 1) - 1 in all
        size += 1
    return size


def size_reach(words: int, threshold: float) -> tuple[int, int]:
    """The fewest and most subject words a claim may have and still reach ``threshold`` with a claim of ``words``
    words: two claims share at most the smaller's words and hold at least the larger's."""
    if words <= 0 or threshold <= 0:
        raise ValueError("a claim with subject words and a positive threshold")
    low = next(size for size in range(1, words + 1) if size / words >= threshold)
    high = words
    while words / (high + 1) >= threshold:
        high += 1
    return low, high


def word_pairs(words: Iterable[str]) -> list[str]:
    """Every two of a claim's subject words, as one key each (sorted, space-separated: words have no spaces)."""
    return [f"{a} {b}" for a, b in combinations(sorted(set(words)), 2)]


def quantity_kind(claim: Claim) -> str:
    return claim.quantity.kind if claim.quantity is not None else ""


def topic_key(topic: str) -> str:
    """The topic with its place spelled one way: "toll:killed:el fasher" is "toll:killed:El-Fasher"."""
    head, sep, scope = topic.rpartition(":")
    return f"{head}:{name_key(scope)}" if sep else topic


def _specific(topic: str, cfg: ResolveConfig) -> bool:
    """The topic names a place or a particular actor (an event nobody is named for, or an act on a target the
    text does not name, is not particular)."""
    scope = topic.rpartition(":")[2].strip().lower()
    return bool(scope) and scope not in cfg.generic_actors and not scope.startswith(UNSPECIFIED)


def same_quantity(a: Claim, b: Claim, cfg: ResolveConfig) -> bool:
    """Same topic key if the extractor set one; else compatible quantity kinds and similar subjects."""
    if a.topic and b.topic:
        if a.doc != b.doc and not _specific(a.topic, cfg):
            return False  # "attacks by unidentified gunmen", "people killed": whose, where?
        return topic_key(a.topic) == topic_key(b.topic)
    kind_a, kind_b = quantity_kind(a), quantity_kind(b)
    if kind_a not in GENERIC_KINDS and kind_b not in GENERIC_KINDS and kind_a != kind_b:
        return False
    if (a.quantity is None) != (b.quantity is None) and "denied" not in (a.modality, b.modality):
        return False  # a count and an intention are different statements, unless one denies the other
    return jaccard(subject_terms(a, cfg), subject_terms(b, cfg)) >= cfg.claim_similarity_threshold


def connected_groups(claims: list[Claim], cfg: ResolveConfig) -> list[list[Claim]]:
    """Single-link grouping by ``same_quantity`` (each pair compared in list order), in first-seen order.

    The same groups as comparing every pair, without doing so: two claims with topics are one quantity only
    with the same topic key (a specific one is linked to every later claim of its key, any other to the later
    claims of its own document); a claim without a topic only with claims sharing a subject word.
    """
    components: Components[int] = Components()
    link = components.join
    if cfg.claim_similarity_threshold <= 0:  # claims sharing no word may be one quantity: compare every pair
        for i, j in combinations(range(len(claims)), 2):
            if same_quantity(claims[i], claims[j], cfg):
                link(i, j)
        return _in_first_seen_order(claims, components.root)

    by_key: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.topic:
            by_key.setdefault(topic_key(claim.topic), []).append(i)
    for members in by_key.values():
        last_of_document: dict[str, int] = {}
        specific: int | None = None
        for j in members:
            if specific is not None:
                link(specific, j)  # a specific topic is linked to every later claim with its key
            if claims[j].doc in last_of_document:
                link(last_of_document[claims[j].doc], j)  # claims of one document with one key are linked
            last_of_document[claims[j].doc] = j
            if specific is None and _specific(claims[j].topic, cfg):
                specific = j
    by_term: dict[str, list[int]] = {}
    terms = [subject_terms(claim, cfg) for claim in claims]
    for i, words in enumerate(terms):
        for word in words:
            by_term.setdefault(word, []).append(i)
    for i, claim in enumerate(claims):
        if claim.topic:
            continue
        sharing = sorted({j for word in terms[i] for j in by_term[word] if j != i})
        for j in sharing:
            first, second = (i, j) if i < j else (j, i)
            if same_quantity(claims[first], claims[second], cfg):
                link(first, second)
    return _in_first_seen_order(claims, components.root)


def _in_first_seen_order(claims: list[Claim], root: Callable[[int], int]) -> list[list[Claim]]:
    groups: dict[int, list[Claim]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(root(i), []).append(claim)
    return list(groups.values())


def who(claim: Claim) -> str:
    names = claim.chain.names()
    return " via ".join(names) if names else claim.doc


def describe(claim: Claim) -> str:
    q = claim.quantity
    bounds = effective_range(q.low, q.best, q.high) if q is not None else None
    if bounds is None:
        return f"{claim.modality}"
    low, high = bounds
    figure = str(low) if high == low else (f"{low}+" if high is None else f"{low}-{high}")
    return f"{figure} ({claim.subject})"


def normalised_scope(claim: Claim) -> str:
    """The claim's scope spelled one way whatever the romanisation ("Deir al-Zor" is "Deir al-Zour")."""
    return skeleton_key(claim.scope or "")


def periods_differ(a: Claim, b: Claim) -> bool:
    return (a.period_start, a.period_end) != (b.period_start, b.period_end) and None not in (
        a.period_start,
        b.period_start,
    )


def is_running_total(claim: Claim) -> bool:
    """A count "since" a date with no end: a running total that grows from one report to the next."""
    return claim.period_start is not None and claim.period_end is None


def comparable_across_documents(a: Claim, b: Claim, cfg: ResolveConfig) -> bool:
    """Two articles' claims are set against each other only when both name the same particular thing (a
    specific topic) and neither is a country's toll: a war's toll in 2015 and in 2018 is not a dispute, and
    "people killed" in two articles may be two different counts."""
    if a.doc == b.doc:
        return True
    if _country_wide_toll(a) or _country_wide_toll(b) or _country_wide_statement(a) or _country_wide_statement(b):
        return False
    return bool(a.topic and b.topic and _specific(a.topic, cfg) and _specific(b.topic, cfg))


def _country_wide_toll(claim: Claim) -> bool:
    """A toll for a whole country ("people killed in Syria", "the war has claimed 300,000 lives", by its scope or its
    topic): a war's running total, whatever its wording, that grows from one article to the next. (A troop level in
    a country is compared.)"""
    q = claim.quantity
    topic = claim.topic.split(":") if claim.topic else []
    kinds = {base_kind(q.kind) if q is not None else "", *topic[1:-1]}  # "toll:killed:syria" counts the killed
    scopes = (claim.scope or "", topic[-1] if len(topic) > 1 else "")
    return (
        q is not None
        and bool(kinds & contested_figure_kinds())
        and any(name_key(scope) in country_keys() for scope in scopes if scope)
    )


def _country_wide_statement(claim: Claim) -> bool:
    """statement_of_a_whole_country: a claim with no figure whose topic is scoped by a whole country ("denied
    responsibility" for an attack in Syria, a group "claimed responsibility" for a bombing there): it is about one
    incident the topic does not name, and another article's statement of that country is as often about another
    incident of the war as about the same one."""
    topic = claim.topic.split(":") if claim.topic else []
    return claim.quantity is None and len(topic) > 1 and name_key(topic[-1]) in country_keys()


def pair_contradictions(a: Claim, b: Claim, cfg: ResolveConfig) -> list[Contradiction]:
    found: list[Contradiction] = []
    if not comparable_across_documents(a, b, cfg):
        return found
    one_sentence = a.doc == b.doc and a.sentence.start == b.sentence.start
    scope_a, scope_b = normalised_scope(a), normalised_scope(b)
    if one_sentence and "denied" not in (a.modality, b.modality):
        return found  # two figures of one sentence ("141 attacks, which killed 52") do not contradict each other
    counts = a.quantity is not None and b.quantity is not None
    if counts and scope_a and scope_b and scope_a != scope_b:  # the scope of a count; a plan has none to quarrel
        found.append(
            Contradiction("scope", f"scope '{a.scope}' ({who(a)}) vs '{b.scope}' ({who(b)})", a.id, b.id, a.subject)
        )
    elif counts and periods_differ(a, b):
        found.append(
            Contradiction(
                "scope",
                f"period from {a.period_start} ({who(a)}) vs from {b.period_start} ({who(b)})",
                a.id,
                b.id,
                a.subject,
            )
        )
    if "denied" in (a.modality, b.modality):
        other = b if a.modality == "denied" else a
        if other.modality in cfg.asserting_modalities:
            denier = a if other is b else b
            found.append(
                Contradiction(
                    "denial",
                    f"{who(denier)} denies what {who(other)} states ({other.modality})",
                    other.id,
                    denier.id,
                    a.subject,
                )
            )
        return found
    if a.quantity is None or b.quantity is None or is_vague(a.quantity) or is_vague(b.quantity):
        return found  # "millions of people" names no figure to dispute
    if (grows(a) or grows(b)) and not (a.doc == b.doc and same_known_period(a, b)):
        return found
    ra = effective_range(a.quantity.low, a.quantity.best, a.quantity.high)
    rb = effective_range(b.quantity.low, b.quantity.best, b.quantity.high)
    if ra is None or rb is None or not same_count((ra[0], ra), (rb[0], rb)):
        return found
    if ranges_disjoint(ra, rb):
        found.append(
            Contradiction("figure", f"{describe(a)} per {who(a)} vs {describe(b)} per {who(b)}", a.id, b.id, a.subject)
        )
    elif differ_in_estimate(a.quantity, b.quantity) and claim_originator(a) != claim_originator(b):
        found.append(
            Contradiction(
                "estimates",
                f"{describe(a)} per {who(a)} vs {describe(b)} per {who(b)}, different estimates within each other's "
                "bounds",
                a.id,
                b.id,
                a.subject,
            )
        )
    return found


def differ_in_estimate(a: Quantity, b: Quantity) -> bool:
    """Two figures within each other's bounds that still differ ("more than 250,000" against "more than 470,000"):
    a figure inside the other's stated range ("5,500" within "4,000 to 6,000") agrees with it, but a floor is no
    range."""
    first, second = (next((v for v in (q.best, q.low, q.high) if v is not None), None) for q in (a, b))
    if first is None or second is None or first == second:
        return False
    return not (_within(first, b) or _within(second, a))


def _within(value: int, q: Quantity) -> bool:
    return q.low is not None and q.high is not None and q.low <= value <= q.high


def grows(claim: Claim) -> bool:
    """The claim counts over a stretch of time ("since March", "in three days of attacks", "so far"): a running
    total that another article, written another day, gives differently without disputing it."""
    text = claim.sentence.text
    return is_running_total(claim) or tells_a_running_total(text) or counts_over_a_period(text)


def same_known_period(a: Claim, b: Claim) -> bool:
    """Both claims read the start of their count, and the same one: one article's two running totals are set
    against each other only then ("killed since 21 May" and "killed since September 2014" count different
    stretches of one war, and a start the text leaves unread may be either)."""
    return a.period_start is not None and (a.period_start, a.period_end) == (b.period_start, b.period_end)


def claim_originator(claim: Claim) -> str:
    """The first source of a claim's chain (the publisher when nobody else is named), case folded."""
    return (claim.chain.names() or [claim.doc])[0].casefold()


def claim_position(claim: Claim) -> Position:
    """A claim's side of a disagreement: its figure (or modality), who states it, and its sentence."""
    return Position(claim.id, claim.doc, f"{describe(claim)} per {who(claim)}", claim.sentence.text)


def _position(claims: dict[str, Claim], claim_id: str, _subject: str) -> str:
    """A claim's position in a listing: its figure (or modality) and who states it."""
    claim = claims[claim_id]
    return f"{describe(claim)} per {who(claim)}"


def group_topic(group: list[Claim]) -> str:
    return next((c.topic for c in group if c.topic), group[0].subject)


def comparable_pairs(group: list[Claim], cfg: ResolveConfig) -> list[tuple[Claim, Claim]]:
    """The pairs of ``group`` (in the order of ``combinations``) that ``comparable_across_documents`` lets be
    compared: those of one document, and those of claims each comparable with any other document's. Every
    other pair has no contradiction, so a group of thousands of country-wide tolls costs no square."""
    open_to_all = [i for i, claim in enumerate(group) if _comparable_with_others(claim, cfg)]
    by_document: dict[str, list[int]] = {}
    for i, claim in enumerate(group):
        by_document.setdefault(claim.doc, []).append(i)
    pairs = {(i, j) for i, j in combinations(open_to_all, 2)}
    pairs |= {(i, j) for members in by_document.values() for i, j in combinations(members, 2)}
    return [(group[i], group[j]) for i, j in sorted(pairs)]


def _comparable_with_others(claim: Claim, cfg: ResolveConfig) -> bool:
    """``comparable_across_documents`` of this claim and one of another document, as far as it depends on it."""
    if _country_wide_toll(claim) or _country_wide_statement(claim):
        return False
    return bool(claim.topic and _specific(claim.topic, cfg))


def group_claims(claims: list[Claim], cfg: ResolveConfig | None = None) -> list[ClaimGroup]:
    """Claims about the same quantity/subject -> one group, with scope, figure and denial disagreements."""
    cfg = cfg or load_config()
    result: list[ClaimGroup] = []
    for group in connected_groups(claims, cfg):
        result.append(ClaimGroup(group_topic(group), group, group_contradictions(group, cfg)))
    return result


def group_contradictions(group: list[Claim], cfg: ResolveConfig) -> list[Contradiction]:
    """The disagreements within one group of claims (in store order), one entry per separate dispute (see
    :func:`disputes_apart`). Only the claims in a comparable pair count, so a group's claims that no other is
    compared with (``comparable_with_others`` false, alone of their document in the group) may be left out and
    the result is the same."""
    pairs = [c for a, b in comparable_pairs(group, cfg) for c in pair_contradictions(a, b, cfg)]
    position = partial(_position, {c.id: c for c in group})
    entries = [entry for part in disputes_apart(pairs) for entry in one_per_field(part, position)]
    return kept(entries, lambda: claims_context(group, "claims"))


def claims_context(reports: Iterable[Claim | Mention], origin: str) -> EntryContext:
    """What the learned gate (:mod:`sitrep.resolve.contradiction_model`) reads of claims' entries: a claim's
    figure stands under its subject (the entries' subject)."""
    found = list(reports)
    figures: dict[str, dict[str, Quantity]] = {}
    for claim in found:
        if isinstance(claim, Claim) and claim.quantity is not None:
            figures.setdefault(claim.subject, {})[claim.id] = claim.quantity
    return EntryContext({r.id: r for r in found}, figures, origin)


def disputes_apart(pairs: list[Contradiction]) -> list[list[Contradiction]]:
    """The group's disagreeing pairs split into disputes that share no claim, in first-seen order: a country's war
    toll, never compared across articles, is one dispute per article, each listed with its own positions."""
    components: Components[str] = Components()
    for pair in pairs:
        components.join(pair.a, pair.b)
    parts: dict[str, list[Contradiction]] = {}
    for pair in pairs:
        parts.setdefault(components.root(pair.a), []).append(pair)
    return list(parts.values())


def comparable_with_others(claim: Claim, cfg: ResolveConfig) -> bool:
    """The claim may be set against another document's claim of its group (a particular topic, not a country's
    toll); otherwise only against its own document's claims."""
    return _comparable_with_others(claim, cfg)


def specific_topic(topic: str, cfg: ResolveConfig) -> bool:
    """The topic names a place or a particular actor: claims of other documents with its key are linked to it."""
    return _specific(topic, cfg)


def second_toll(claim: Claim, report: Mention) -> tuple[Contradiction, str, str] | None:
    """second_toll: a speaker's toll of the incident a report tells ("activists put the toll at 45" after "the
    strike killed 30, the monitor said"; ``Claim.concerns``) whose bounds do not meet the report's toll, from
    another originator, is a disagreement over the incident's dead; a toll the report's own source gives again is
    an update, not a dispute. With the pair, how each side reads (the report's, then the claim's)."""
    toll = report.fatalities
    if claim.quantity is None or toll is None or base_kind(claim.quantity.kind) != "killed":
        return None
    ours = effective_range(claim.quantity.low, claim.quantity.best, claim.quantity.high)
    theirs = effective_range(toll.low, toll.best, toll.high)
    if ours is None or theirs is None or not ranges_disjoint(ours, theirs):
        return None
    if originator(report) == claim_originator(claim) or one_speaker(report.chain, claim.chain):
        return None
    if grows(claim) or counts_over_a_period(report.sentence.text) or tells_a_running_total(report.sentence.text):
        return None  # a toll over days or a running total is no one incident's toll
    report_side = f"{describe_quantity(toll)} ({report_who(report)})"
    claim_side = f"{describe_quantity(claim.quantity)} ({who(claim)})"
    pair = Contradiction("figure", f"killed: {report_side} vs {claim_side}", report.id, claim.id, "killed")
    return pair, report_side, claim_side


def same_statement(report: Mention, claim: Claim) -> bool:
    """The report and the claim are read from one sentence."""
    return report.doc == claim.doc and report.sentence.start == claim.sentence.start


def denier(denial: Claim) -> str:
    """Who denies, as an entry names it: the chain's sources, or, for a party's denial told by a verb of denying whose
    chain holds only the story's credits (``names_a_denier`` with no evidence word false), someone the story quotes:
    the publisher is who tells of the denial, not who denies."""
    if names_a_denier(denial.chain):
        return who(denial)
    return f"someone quoted by {who(denial)}"


def own_account(report: Mention, denial: Claim) -> bool:
    """The denial is the report's own originator or speaker correcting itself (:func:`one_speaker`). A denial whose
    chain names no one but the story's credits is a party's told by a verb of denying (``party_denial_verbs``): its
    denier is not in the chain, so the chain's publisher is not its originator."""
    if not names_a_denier(denial.chain):
        return False
    return originator(report) == claim_originator(denial) or one_speaker(report.chain, denial.chain)


def denials_of_reports(claims: list[Claim], reports: dict[str, tuple[str, Mention]]) -> list[tuple[str, Contradiction]]:
    """Denials set against the report of the incident they are about (``Claim.concerns``; ``reports`` maps a
    report id to its event and the report, with the other reports of that event), and second tolls
    (:func:`second_toll`) against it unless their own sentence is a report of that event: one entry per event and
    article of the denial, listing the reports and every denial of them that article gives, each with who holds it
    (a denial answers the accusation its own article reports; two articles' denials of one incident are two
    statements, each cited with its own report). A denial by the report's own originator or speaker (named again by
    surname, :func:`one_speaker`) is a correction or a second point, not a dispute; an article's own negation is no
    source's denial (:func:`names_a_denier`), nor is a standing position (:func:`standing_denial`)."""
    by_event: dict[tuple[str, str], list[Contradiction]] = {}  # (event, the denial's article) -> its pairs
    positions: dict[str, str] = {}
    for claim in claims:
        if claim.modality != "denied" and claim.concerns in reports:
            event_id, report = reports[claim.concerns]
            # a toll whose own sentence is a report of the same event is compared among the event's figures
            told_there = any(e == event_id and same_statement(m, claim) for e, m in reports.values())
            if not told_there and (disputed := second_toll(claim, report)) is not None:
                pair, positions[report.id], positions[claim.id] = disputed
                by_event.setdefault((event_id, claim.doc), []).append(pair)
            continue
        if (
            claim.modality != "denied"
            or claim.concerns not in reports
            or not names_a_denier(claim.chain, claim.evidence.text if claim.evidence else "")
        ):
            continue
        if standing_denial(claim.sentence.text):
            continue
        event_id, concerned = reports[claim.concerns]
        of_event = (m for e, m in reports.values() if e == event_id)
        for report in reports_a_denial_answers(claim.doc, concerned, of_event):
            if own_account(report, claim):
                continue
            positions[report.id] = f"{report.modality} ({report_who(report)})"
            positions[claim.id] = f"denied ({denier(claim)})"
            by_event.setdefault((event_id, claim.doc), []).append(
                Contradiction(
                    "denial", f"{denier(claim)} denies what {report_who(report)} reports", report.id, claim.id, "denial"
                )
            )

    def context() -> EntryContext:
        involved: dict[str, Claim | Mention] = {c.id: c for c in claims if c.id in positions}
        involved |= {report.id: report for _, report in reports.values() if report.id in positions}
        return claims_context(involved.values(), "denial")

    return [
        (event_id, entry)
        for (event_id, _article), pairs in by_event.items()
        for entry in kept(one_per_field(pairs, lambda item_id, _subject: positions.get(item_id, item_id)), context)
    ]
