"""Claims: statements that are not one event.

A count over a period ("attacked around 100 times since ..."), a troop level
("some 900 soldiers are stationed"), or an event that has not happened (a
plan, a fear, a denied intention). Claims about the same quantity share a
``topic`` so the resolver can compare them.
"""

from __future__ import annotations

import datetime as dt
import functools

from spacy.tokens import Span as SpacySpan

from sitrep.data import load_yaml
from sitrep.extract.dates import find_period_starts
from sitrep.model import Claim, Mention, Quantity


@functools.cache
def _claim_words() -> dict[str, frozenset[str]]:
    raw = load_yaml("claims.yaml")
    return {key: frozenset(w.lower() for w in values) for key, values in raw.items()}


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
            scope = _scope_text(mention)
            return Claim(
                id=mention.id.replace("m_", "c_", 1),
                doc=mention.doc,
                subject=f"attacks on {target}",
                scope=scope,
                quantity=quantity,
                sentence=mention.sentence,
                period_start=periods[0].start if periods else None,
                chain=mention.chain,
                modality=mention.modality,
                framing=mention.framing,
                evidence=quantity.span or mention.sentence,
                topic=f"attack-count:{target}",
            )
        if unit.split()[-1] in words["troop_units"] and lemmas & words["stationing_lemmas"]:
            holder = _actor(mention, "actor1") or _actor(mention, "actor2") or "unspecified forces"
            place = mention.places[0].text if mention.places else None
            return Claim(
                id=mention.id.replace("m_", "c_", 1),
                doc=mention.doc,
                subject=f"troops of {holder}" + (f" in {place}" if place else ""),
                scope=place,
                quantity=quantity,
                sentence=mention.sentence,
                chain=mention.chain,
                modality=mention.modality,
                framing=mention.framing,
                evidence=quantity.span or mention.sentence,
                topic=f"troop-level:{holder}",
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
    return Claim(
        id=mention.id.replace("m_", "c_", 1),
        doc=mention.doc,
        subject=subject,
        scope=place,
        quantity=None,
        sentence=mention.sentence,
        chain=mention.chain,
        modality=mention.modality,
        framing=mention.framing,
        evidence=mention.trigger,
        topic=f"{mention.plover.lower()}:{actor}",
    )
