"""Claims: statements that are not one event.

A count over a period ("attacked around 100 times since ..."), a troop level
("some 900 soldiers are stationed"), or an event that has not happened (a
plan, a fear, a denied intention). Claims about the same quantity share a
``topic`` so the resolver can compare them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan

from sitrep.data import load_yaml
from sitrep.extract.dates import find_period_starts
from sitrep.extract.quantities import SUBSET_SUFFIX, base_kind
from sitrep.model import AttributionChain, Claim, FramingTerm, Mention, Modality, Quantity, Span


@functools.cache
def _claim_words() -> dict[str, frozenset[str]]:
    raw = load_yaml("claims.yaml")
    return {key: frozenset(w.lower() for w in values) for key, values in raw.items()}


TALLY_TOPIC = "attack-count"


@dataclass(frozen=True)
class SentenceContext:
    """What every claim of one sentence shares."""

    doc: str
    sentence: Span
    chain: AttributionChain
    modality: Modality
    framing: list[FramingTerm]
    scope: str | None  # the sentence's first place name


def figure_claims(
    context: SentenceContext, quantities: list[Quantity], sentence: SpacySpan
) -> tuple[list[Claim], bool]:
    """Running casualty totals, displacement, population and troop figures in a sentence.

    Returns the claims and whether the sentence is a running total (then it reports no single event).
    """
    words = _claim_words()
    lowered = sentence.text.lower()
    lemmas = {t.lemma_.lower() for t in sentence}
    is_total = any(_has_phrase(lowered, cue) for cue in words["total_cues"])
    claims: list[Claim] = []
    total = False
    for quantity in quantities:
        kind = base_kind(quantity.kind)
        unit = quantity.unit.lower()
        head = unit.split()[-1] if unit else ""
        if kind in words["toll_kinds"] and is_total and not quantity.kind.endswith(SUBSET_SUFFIX):
            claims.append(_figure_claim(context, quantity, f"people {kind}", f"toll:{kind}"))
            total = True
        elif kind in words["displacement_kinds"] or (
            kind == "count" and head in words["displacement_units"] and lemmas & words["displacement_lemmas"]
        ):
            claims.append(_figure_claim(context, quantity, "people displaced", "displaced"))
        elif kind == "count" and head in words["displacement_units"] | {"people"} and any(
            cue in lowered for cue in words["population_cues"]
        ):
            claims.append(_figure_claim(context, quantity, "population", "population"))
        elif kind in {"count", "troops"} and head in words["troop_units"] and not total:
            claims.append(_figure_claim(context, quantity, f"troops ({unit})", "troop-level"))
    return claims, total


def states_intention(sentence: SpacySpan) -> bool:
    lemmas = _claim_words()["intention_lemmas"]
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lemmas for t in sentence)


def intention_claim(context: SentenceContext, sentence: SpacySpan) -> Claim | None:
    """ "vowed to fight until ...", "threatened to retaliate": a stated intention with no event of its own."""
    lemmas = _claim_words()["intention_lemmas"]
    verb = next((t for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in lemmas), None)
    if verb is None:
        return None
    action = next((c for c in verb.children if c.dep_ in {"xcomp", "dobj", "ccomp"}), None)
    phrase = " ".join(t.text for t in action.subtree) if action is not None else verb.text
    evidence = Span(context.doc, verb.idx, verb.idx + len(verb.text), verb.text)
    planned = replace(context, modality="planned")
    subject = f"{verb.lemma_.lower()} {phrase}".strip()
    return _claim(planned, _claim_id(context, verb.idx), subject, None, evidence, f"intention:{verb.lemma_.lower()}")


def _figure_claim(context: SentenceContext, quantity: Quantity, subject: str, topic: str) -> Claim:
    scope = context.scope
    anchor = quantity.span.start if quantity.span else context.sentence.start
    return _claim(
        context, _claim_id(context, anchor), subject + (f" in {scope}" if scope else ""), quantity,
        quantity.span or context.sentence, f"{topic}:{(scope or '').lower()}",
    )


def _claim(
    context: SentenceContext,
    claim_id: str,
    subject: str,
    quantity: Quantity | None,
    evidence: Span,
    topic: str,
    period_start: dt.date | None = None,
) -> Claim:
    return Claim(
        id=claim_id, doc=context.doc, subject=subject, scope=context.scope, quantity=quantity,
        sentence=context.sentence, period_start=period_start, chain=context.chain, modality=context.modality,
        framing=context.framing, evidence=evidence, topic=topic,
    )


def _mention_context(mention: Mention, scope: str | None) -> SentenceContext:
    return SentenceContext(mention.doc, mention.sentence, mention.chain, mention.modality, mention.framing, scope)


def _mention_claim_id(mention: Mention) -> str:
    return mention.id.replace("m_", "c_", 1)


def _claim_id(context: SentenceContext, anchor: int) -> str:
    key = f"{context.doc}:{context.sentence.start}:{anchor}"
    return "c_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _has_phrase(lowered: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", lowered) is not None


def _actor(mention: Mention, role: str) -> str | None:
    found = mention.actor(role)
    return found.name if found else None


def counted_claim(
    mention: Mention, quantities: list[Quantity], sentence: SpacySpan, published: dt.date | None
) -> Claim | None:
    words = _claim_words()
    lemmas = {t.lemma_.lower() for t in sentence}
    mentions_since = any(t.lower_ == "since" for t in sentence)
    for quantity in quantities:
        if quantity.kind != "count":  # casualty figures belong to the event
            continue
        unit = quantity.unit.lower()
        periods = find_period_starts(sentence.text, published, mention.doc, sentence.start_char)
        # "100 times" is always a tally; "12 attacks" only with a period ("since October").
        if unit == "times" or (unit in words["repetition_units"] and (periods or mentions_since)):
            target = _actor(mention, "actor2") or "unspecified target"
            return _claim(
                _mention_context(mention, _scope_text(mention)), _mention_claim_id(mention), f"attacks on {target}",
                quantity, quantity.span or mention.sentence, f"{TALLY_TOPIC}:{target}",
                periods[0].start if periods else None,
            )
        if unit.split()[-1] in words["troop_units"] and lemmas & words["stationing_lemmas"]:
            holder = _actor(mention, "actor1") or _actor(mention, "actor2") or "unspecified forces"
            place = mention.places[0].text if mention.places else None
            return _claim(
                _mention_context(mention, place), _mention_claim_id(mention),
                f"troops of {holder}" + (f" in {place}" if place else ""), quantity,
                quantity.span or mention.sentence, f"troop-level:{holder}",
            )
    return None


def _scope_text(mention: Mention) -> str | None:
    target = mention.actor("actor2")
    if target and target.span:
        return target.span.text
    return None


def claim_from_mention(mention: Mention) -> Claim:
    """An event that has not happened (planned, feared, hypothetical, denied) as a claim."""
    actor = _actor(mention, "actor1") or "unspecified actor"
    action = mention.trigger.text.lower()
    place = mention.places[0].text if mention.places else None
    subject = f"{action} by {actor}" + (f" ({place})" if place else "")
    return _claim(
        _mention_context(mention, place), _mention_claim_id(mention), subject, None, mention.trigger,
        f"{mention.plover.lower()}:{actor}",
    )
