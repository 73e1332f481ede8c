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
from spacy.tokens import Token

from sitrep.data import load_yaml, word_set
from sitrep.extract.attribution import canonical_source
from sitrep.extract.dates import find_dates, find_period_starts
from sitrep.extract.modality import modality_of
from sitrep.extract.quantities import (
    AMOUNT,
    SUBSET_SUFFIX,
    base_kind,
    coordinated_totals,
    figures_disjoint,
    parse_amount,
    summed_toll,
)
from sitrep.extract.triggers import find_triggers, harms
from sitrep.model import (
    AttributionChain,
    Claim,
    DateInterval,
    FramingTerm,
    Mention,
    Modality,
    Quantity,
    Source,
    SourceKind,
    Span,
)
from sitrep.nlp.syntax import DEP, ENT, POS, TAG
from sitrep.nlp.tokens import lower_lemmas, span_text, span_tokens, text_between


@functools.cache
def _claim_words() -> dict[str, frozenset[str]]:
    raw = load_yaml("claims.yaml")
    return {key: frozenset(w.lower() for w in values) for key, values in raw.items() if isinstance(values, list)}


@functools.cache
def _tally_heads() -> dict[str, str]:
    """Head noun of a counted thing -> what a tally of it counts ("drone strikes" -> attacks)."""
    raw: dict[str, list[str]] = load_yaml("claims.yaml")["tally_heads"]
    return {head.lower(): what for what, heads in raw.items() for head in heads}


@functools.cache
def _period_pattern() -> re.Pattern[str]:
    """ "since ...", "so far", "over the past day", "in the last two weeks": a period a count runs over."""
    words = _claim_words()
    cues = "|".join(re.escape(c) for c in sorted(words["period_cues"], key=len, reverse=True))
    lengths = "|".join(re.escape(w) for w in sorted(words["period_lengths"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:{cues})\b{_not_within_the_day()}|\b(?:over|in|during|within|throughout)\s+the\s+(?:past|last|previous)\s+"
        rf"(?:[\w-]+\s+)?(?:{lengths})\b",
        re.IGNORECASE,
    )


@functools.cache
def _not_within_the_day() -> str:
    """same_day_period: a lookahead refusing "since" that opens a time of the same day ("since the morning"): what
    is counted since then is one day's incident, not a total over a period."""
    starts = "|".join(
        re.escape(w) for w in sorted(word_set("en", "claims", "within_day_starts"), key=len, reverse=True)
    )
    return rf"(?!\s+(?:{starts})\b)"


@functools.cache
def _total_pattern() -> re.Pattern[str]:
    """The total cues of claims.yaml, none opening a time of the same day."""
    return re.compile(_cue_pattern("total_cues").pattern + _not_within_the_day())


@functools.cache
def _cue_pattern(key: str) -> re.Pattern[str]:
    """Any of a claims.yaml word list as a whole phrase: one search instead of one per cue."""
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _claim_words()[key]) + r")\b")


def tells_a_running_total(text: str) -> bool:
    """The sentence counts over a period ("since Thursday", "so far", "in total"): its figures are a running
    total, not one incident's."""
    return _total_pattern().search(text.lower()) is not None


TALLY_TOPIC = "attack-count"
NOT_HAPPENED: frozenset[Modality] = frozenset({"planned", "feared", "hypothetical", "rumour"})


@dataclass(frozen=True)
class SentenceContext:
    """What every claim of one sentence shares."""

    doc: str
    sentence: Span
    chain: AttributionChain
    modality: Modality
    framing: list[FramingTerm]
    scope: str | None  # the sentence's first place name
    published: dt.date | None = None  # resolves "since October" and "over the past week" to a period start


def figure_claims(
    context: SentenceContext, quantities: list[Quantity], sentence: SpacySpan
) -> tuple[list[Claim], bool]:
    """Running casualty totals, tallies over a period, displacement, population, troop and territory figures,
    and the sentence's stated intentions and planned figures.

    Returns the claims and whether the sentence is a running total (then it reports no single event).
    """
    words = _claim_words()
    text = span_text(sentence)
    lowered = text.lower()
    lemmas = lower_lemmas(sentence)
    is_total = (
        _total_pattern().search(lowered) is not None
        or _days_of_pattern().search(lowered) is not None
        or _long_period_pattern().search(lowered) is not None
        or _ongoing_conflict_toll(sentence)
        or _campaign_toll(sentence)
    )
    over_a_period = _period_pattern().search(text) is not None
    period = _period_start(sentence, context.published, context.doc)
    planned = _planned_figures(context, quantities, sentence)
    claims: list[Claim] = [claim for claim, _ in planned]
    in_plans = {id(quantity) for _, quantity in planned}
    total = False
    sums = _coordinated_sums(quantities, sentence)
    for quantity in quantities + sums + _troop_figures_missed(quantities, sentence, context.doc):
        if id(quantity) in in_plans:
            continue
        kind = base_kind(quantity.kind)
        unit = quantity.unit.lower()
        head = unit.split()[-1] if unit else ""
        noun = _token_of(sentence, quantity)
        lives = _lives_taken(head, noun)
        kind = "killed" if lives else kind
        # "displaced several times", "the one hospital": not a number of people
        counts_people = head in _people_heads() or lives
        if (
            kind in {"count", "displaced"}
            and head in words["displacement_units"] | {"people"}
            and any(cue in lowered for cue in words["population_cues"])
        ):  # before displacement: "home to four million people, many of them displaced"
            claims.append(_figure_claim(context, quantity, "population", "population"))
        elif (
            kind in words["toll_kinds"]
            and (is_total or _war_scale(quantity))
            and counts_people
            and not quantity.kind.endswith(SUBSET_SUFFIX)
        ):
            claim = _figure_claim(context, quantity, f"people {kind}", f"toll:{kind}", period)
            if any(quantity is sum_ for sum_ in sums) and quantity.span is not None:
                claim = replace(claim, id=_claim_id(context, quantity.span.end))  # its first part has its start
            claims.append(claim)
            total = True
        elif (
            (
                kind in words["displacement_kinds"]
                or (kind == "count" and head in words["displacement_units"] and lemmas & words["displacement_lemmas"])
            )
            and counts_people
            and _displaced_civilians(head, noun)
        ):
            claims.append(_figure_claim(context, quantity, "people displaced", "displaced", period))
        elif kind == "count" and head in words["troop_units"] and lemmas & words["loss_lemmas"]:
            # "the Ukrainian army's losses amounted to up to 470 servicemen over the past day"
            claims.append(_figure_claim(context, quantity, f"{unit} lost", "toll:losses", period))
            total = total or is_total or over_a_period
        elif kind in {"count", "troops"} and head in words["troop_units"] and not total and _stationed(noun, sentence):
            claims.append(_figure_claim(context, quantity, f"troops ({unit})", "troop-level"))
        elif kind == "count" and counts_people and _besieged(noun):
            claims.append(_placed_figure_claim(context, quantity, "people besieged", "besieged", period))
        elif kind == "count" and counts_people and _dwelling(noun):
            claims.append(_placed_figure_claim(context, quantity, "population", "population"))
        elif kind == "count" and (head in _REFUGEE_HEADS or _become_refugees(noun)):
            claims.append(_figure_claim(context, quantity, "people displaced", "displaced", period))
        elif kind == "count" and head in _FACILITY_HEADS and lemmas & _DAMAGE_LEMMAS:
            claims.append(_damage_claim(context, quantity, head, period))
        elif kind == "count" and over_a_period and _tally_of(unit, is_period=True) is not None:
            claims.append(_tally_claim(context, quantity, sentence, period))
    claims += _territory_claims(context, sentence)
    claims += _share_claims(context, sentence)
    claims += _rejected_figures(context, claims, sentence)
    claims += stated_intentions(context, sentence)
    claims += stated_denials(context, sentence)
    claims += negated_acts(context, sentence, claims)
    claims += ultimatums(context, sentence)
    claims += stated_tolls(context, claims, sentence, is_total)
    claims += responsibility_claims(context, sentence)
    claims += disowned_incidents(context, sentence)
    claims += denied_harm(context, sentence)
    claims += denied_evidence(context, sentence)
    claims += accusations(context, sentence)
    claims += answered_accusations(context, sentence)
    claims += perpetrator_statements(context, sentence)
    claims += contentions(context, sentence)
    claims = _denials_of_the_answered_accusation(claims)
    # two rules may read one statement at one anchor; the store keeps one claim per id
    unique = {c.id: c for c in reversed(claims)}
    return [c for c in claims if unique[c.id] is c], total


def _denials_of_the_answered_accusation(claims: list[Claim]) -> list[Claim]:
    """accusation_answered_in_its_sentence: a denial of a sentence that tells the accusation it answers is about
    that accusation (its ``concerns``), not about another report the story gives (``link_to_incidents``)."""
    laid = next((c for c in claims if c.topic.startswith(ANSWERED_TOPIC) and c.modality == "asserted"), None)
    if laid is None:
        return claims
    return [replace(c, concerns=laid.id) if c.modality == "denied" and c.concerns is None else c for c in claims]


def _coordinated_sums(quantities: list[Quantity], sentence: SpacySpan) -> list[Quantity]:
    """coordinated_toll: figures of one casualty kind joined by "and" or a comma ("37 soldiers and 101 militants
    were killed", "some 120 fighters and 60 mercenaries") are the parts of one toll a source gives: their sums, to
    be stated beside the parts (sources quote the parts and the total alike)."""
    sums = []
    for kind in sorted({q.kind for q in quantities if q.kind in _claim_words()["toll_kinds"]}):
        same = [q for q in quantities if q.kind == kind]
        groups = coordinated_totals(same, span_text(sentence), sentence.start_char)
        sums += [summed_toll(group, kind) for group in groups if len(group) > 1]
    return sums


def stated_tolls(
    context: SentenceContext, figures: list[Claim], sentence: SpacySpan, running: bool = False
) -> list[Claim]:
    """ "the group has put the death toll from the conflict at more than 90,000", "the number of dead has risen to
    40", "brought to 49 the number killed", "gave a toll of 20": a toll a speaker states with no counted noun (which
    the quantity finder needs) is a toll claim. A running total is compared with other totals of its place; one
    incident's toll only within its article (a revised toll), never with a war's."""
    text = span_text(sentence)
    amount = None
    match = _stated_toll_pattern().search(text)
    if match is not None:
        amount = AMOUNT.match(text, match.end())
    if amount is None:
        match = _brought_to_pattern().search(text)
        amount = AMOUNT.match(text, match.end()) if match is not None else None
        if amount is None or not _TOLL_AFTER.match(text, amount.end()):
            return []
    bounds = parse_amount(amount.group(0))
    assert match is not None
    if match.groupdict().get("upper"):
        number = parse_amount(re.sub(r"^\D+", "", amount.group(0)))
        bounds = (None, None, number[1] if number and number[1] is not None else None) if number else None
    if bounds is None or not any(bounds):
        return []
    start = sentence.start_char + (match.start("upper") if match.groupdict().get("upper") else amount.start())
    end = sentence.start_char + amount.end()
    if any(c.quantity is not None and c.quantity.span is not None and c.quantity.span.start >= start for c in figures):
        return []  # the figure is already read
    span = Span(context.doc, start, end, _slice(sentence, start, end))
    quantity = Quantity("people", *bounds, span=span, kind="killed")
    # "the death toll from the conflict": the toll's own words may name a war
    running = running or bool(set(match.group(0).lower().split()) & _claim_words()["war_nouns"])
    speaker = _toll_speaker(sentence, sentence.start_char + match.start(), context.doc)
    if speaker is not None and all(s.kind == "publisher" for s in context.chain.sources):
        context = replace(context, chain=AttributionChain([speaker, *context.chain.sources]))
    claim = _figure_claim(context, quantity, "people killed", "toll:killed")
    return [claim if running else replace(claim, topic=f"{claim.topic}@{context.doc}")]


def _toll_speaker(sentence: SpacySpan, toll_start: int, doc: str) -> Source | None:
    """toll_giver: "a monitoring group put the death toll at 494", "the ministry gave a toll of 20": the subject of
    the verb that states the toll is who states it, though the verb is no speech verb; its own words up to the head
    noun name it (not a clause after it: "a group citing figures from clinics")."""
    noun = next((t for t in span_tokens(sentence) if t.idx >= toll_start), None)
    if noun is None:
        return None
    verb = next((a for a in noun.ancestors if a.pos_ in POS.verb), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in DEP.subject and c.pos_ not in POS.pronoun), None)
    if subject is None:
        return None
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ not in DEP.determiner]
    if not words:
        return None
    name = text_between(words[0], subject)
    kind: SourceKind = "person" if subject.ent_type_ in ENT.person else "organisation"
    return Source(canonical_source(name) or name, kind, Span(doc, words[0].idx, subject.idx + len(subject.text), name))


@functools.cache
def _stated_toll_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(_STATED_TOLL_NOUNS, key=len, reverse=True))
    upper = "|".join(re.escape(n) for n in sorted(_UPPER_BOUND_CUES, key=len, reverse=True))
    changes = "|".join(re.escape(n) for n in sorted(_TOLL_CHANGES, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{nouns})\b(?:[^.;]{{0,80}}?\b(?:at|{changes})\s+|\s+of\s+)(?P<upper>(?:{upper})\s+)?",
        re.IGNORECASE,
    )


@functools.cache
def _brought_to_pattern() -> re.Pattern[str]:
    """ "brought to 49 the number killed": the figure before the toll."""
    return re.compile(r"\b(?:brought|brings|bringing|raised|raising)\s+to\s+", re.IGNORECASE)


_TOLL_AFTER = re.compile(r"\s+the\s+(?:death\s+toll|toll|number\s+(?:of\s+(?:the\s+)?)?(?:killed|dead|deaths))\b")


RESPONSIBILITY_TOPIC = "responsibility"
NO_HARM_TOPIC = "no-harm"
NO_CLAIM = "no claim of responsibility"  # "nobody has claimed the attack": disagrees with a claim, not with the report


def responsibility_claims(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "the group claimed responsibility for the bombing", "the army denied responsibility for the strike", "no
    group has claimed responsibility": who owns an incident, a claim of its own (asserted, or denied when the speaker
    disowns it or nobody owns it) under one topic per place, so that a claim and a denial or a second claimant are
    set side by side. The incident it is about is linked by :func:`link_to_incidents`."""
    claims: list[Claim] = []
    for noun in span_tokens(sentence):
        if noun.lemma_.lower() not in _RESPONSIBILITY_NOUNS or noun.dep_ not in DEP.direct_object:
            continue
        verb = noun.head
        lemma = verb.lemma_.lower()
        if lemma not in _RESPONSIBILITY_TAKING | _RESPONSIBILITY_DENYING:
            continue
        nobody = _said_of_nobody(verb)
        modality: Modality = "denied" if lemma in _RESPONSIBILITY_DENYING or nobody else "asserted"
        claimant = next((c for c in verb.children if c.dep_ in DEP.subject), None)
        who = " ".join(t.text for t in claimant.subtree) if claimant is not None else ""
        what = next(
            (" ".join(t.text for t in p.subtree) for p in noun.children if p.dep_ in DEP.preposition),
            "",
        )
        if nobody:
            subject = f"{NO_CLAIM} {what}".strip()
        else:
            subject = f"{'denied ' if lemma in _RESPONSIBILITY_DENYING else ''}responsibility {what}".strip()
            subject = f"{subject} ({who})" if who else subject
        claims.append(
            _claim(
                replace(context, modality=modality),
                _claim_id(context, noun.idx),  # the noun's: the verb may hold another claim ("denied ... and vowed")
                subject,
                None,
                _token_span(context.doc, verb),
                f"{RESPONSIBILITY_TOPIC}:{(context.scope or '').lower()}",
            )
        )
    return claims


def disowned_incidents(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "the air force was not responsible for the strike", "the militia is not to blame for the blast": a side said
    not to be answerable for an incident is a denial of responsibility (the subject's), under the same topic as
    claims of responsibility so that it is set beside whoever owns or is accused of the incident."""
    claims: list[Claim] = []
    for word in span_tokens(sentence):
        if word.lemma_.lower() not in _RESPONSIBILITY_ADJECTIVES:
            continue
        holder = word.head if word.dep_ in DEP.adjectival_complement | DEP.open_complement else word
        if not (_negated(word) or _negated(holder)):
            continue
        incident = next((p for p in word.children if p.dep_ in DEP.preposition and p.lower_ == "for"), None)
        side = next((c for c in holder.children if c.dep_ in DEP.subject), None)
        if incident is None or side is None:
            continue
        who = " ".join(t.text for t in side.subtree)
        what = " ".join(t.text for t in incident.subtree)
        claims.append(
            _denial_at(
                context,
                word,
                f"denied responsibility {what} ({who})",
                f"{RESPONSIBILITY_TOPIC}:{(context.scope or '').lower()}",
            )
        )
    return claims


def _said_of_nobody(verb: Token) -> bool:
    """ "nobody has claimed ...", "no group claimed ...", "has not claimed ...": the act is said of nobody."""
    if any(c.dep_ in DEP.negation for c in verb.children):
        return True
    return any(
        c.dep_ in DEP.subject | DEP.passive_subject
        and (c.lower_ in _NOBODY or any(d.lower_ == "no" for d in c.children) or _no_one(c))
        for c in verb.children
    )


def _negated(verb: Token) -> bool:
    return any(c.dep_ in DEP.negation for c in verb.children)


def _no_one(token: Token) -> bool:
    """ "no one": the number word "one" after "no"."""
    return token.lower_ == "one" and token.i > 0 and token.doc[token.i - 1].lower_ == "no"


def denied_harm(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "no one was killed in the strike", "there were no casualties", "the raid caused no deaths": a statement that
    nobody was harmed is a denied toll (figure zero) by its speaker, set against the incident's reported dead."""
    for token in span_tokens(sentence):
        harmed: str | None = None
        if token.lemma_.lower() in _CASUALTY_NOUNS and any(
            c.dep_ in DEP.determiner and (c.lower_ == "no" or (c.lower_ == "any" and _negated(token.head)))
            for c in token.children
        ):  # "no casualties", "has not acknowledged any deaths"
            harmed = "wounded" if token.lemma_.lower() in {"injury", "injured", "wounded"} else "killed"
        elif (
            (token.lower_ in _NOBODY or _no_one(token) or any(c.lower_ == "no" for c in token.children))
            and token.dep_ in DEP.subject | DEP.passive_subject
            and token.head.lemma_.lower() in _CASUALTY_LEMMAS
        ):
            harmed = "killed" if token.head.lemma_.lower() in {"kill", "die"} else "wounded"
        if harmed is None:
            continue
        start = token.idx - 3 if token.lower_ == "one" else token.idx
        span = Span(
            context.doc, start, token.idx + len(token.text), _slice(sentence, start, token.idx + len(token.text))
        )
        quantity = Quantity("people", 0, 0, 0, span=span, kind=harmed)
        return [
            _claim(
                replace(context, modality="denied"),
                _claim_id(context, token.idx),
                f"people {harmed}" + (f" in {context.scope}" if context.scope else ""),
                quantity,
                span,
                f"{NO_HARM_TOPIC}:{harmed}:{(context.scope or '').lower()}",
            )
        ]
    return []


def denied_evidence(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "there was no evidence that the militia carried out the attack", "found no sign of a chemical agent": what
    the evidence would prove is denied by the speaker (who did it, or what was used)."""
    claims: list[Claim] = []
    for noun in span_tokens(sentence):
        if noun.lemma_.lower() not in _EVIDENCE_NOUNS or not any(
            c.lower_ == "no" and c.dep_ in DEP.determiner for c in noun.children
        ):
            continue
        phrase = " ".join(t.text for t in noun.subtree)
        claims.append(_denial_at(context, noun, phrase, f"evidence:{(context.scope or '').lower()}"))
    return claims


def accusations(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """accusation: "Ruritania accused its neighbour of responsibility", "residents accused the militia of blocking aid
    convoys", "the ministry blamed the militia for the blast": what a speaker lays on another is a claim of its own,
    asserted (the accusation was made), beside any event the accused act tells. Its topic is the document's, so a
    denial in the same story meets it."""
    claims: list[Claim] = []
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or verb.lemma_.lower() not in _ACCUSING_LEMMAS:
            continue
        accused = next((c for c in verb.children if c.dep_ in DEP.direct_object), None)
        # the parser may hang "of ..." on the accused ("accused the militants of preventing ...")
        charge = next(
            (
                p
                for p in [*verb.children, *(accused.children if accused is not None else [])]
                if p.dep_ in DEP.preposition
                and p.lower_ in _ACCUSATION_PREPOSITIONS
                and any(o.dep_ in DEP.prepositional_object | DEP.prepositional_complement for o in p.children)
            ),
            None,
        )
        if accused is None or charge is None:
            continue  # "accused of war crimes" (who is accused is the subject: the report of a charge) is left alone
        words = [t.text for t in accused.subtree]
        words += [t.text for t in charge.subtree] if charge.head.i == verb.i else []
        claims.append(_speaker_statement(context, verb, " ".join(words), "accusation"))
    return claims


# The topic of an accusation and its denial told in one sentence (answered_accusations): one per sentence, so the
# two are compared with each other and with nothing else.
ANSWERED_TOPIC = "answered-accusation"


def answered_accusations(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """accusation_answered_in_its_sentence: "the monitor said jets killed 23 people, but Ruritania denied carrying
    out raids", "many pointed the finger at the ministry, though it denied any role", "the opposition accused the
    army of the shelling, an accusation dismissed by the government": one party lays an act on another and a second
    party denies it within one sentence, a disagreement the sentence itself tells. The accuser's statement
    (asserted) and the denier's (denied) are two claims under one topic of that sentence, so the resolver sets them
    against each other; the denial is about that accusation, not about another report of the story."""
    accusation = _accusation_in(sentence, context.doc)
    if accusation is None:
        return []
    verb, accuser, accused = accusation
    accuser = accuser or _originator_of(context.chain)
    if accuser is None:
        return []
    acts = {m.token.i for m in find_triggers(sentence)}
    for denial in span_tokens(sentence):
        if denial.i == verb.i or not _tells_a_denial(denial):
            continue
        holder = _holder_of(denial, accused)
        # a word of the act is no party ("the attack denying ...": a misparse)
        denier = _party(holder, context.doc) if holder is not None and holder.i not in acts else None
        if denier is None or _same_party(denier.name, accuser.name):
            continue
        topic = f"{ANSWERED_TOPIC}@{context.doc}#{context.sentence.start}"
        laid = _party_statement(context, accuser, "asserted", verb, f"accusation: {_statement_words(verb)}", topic)
        denial_words = " ".join(t.text for t in denial.subtree)
        denied = _party_statement(context, denier, "denied", denial, f"denial: {denial_words}", topic)
        return [laid, replace(denied, concerns=laid.id)]
    return []


def _accusation_in(sentence: SpacySpan, doc: str) -> tuple[Token, Source | None, Token | None] | None:
    """The sentence's first act laid on someone: the verb, its subject as a party (None when it names none) and
    the accused (None when not named): "X accused Y of ...", "X pointed the finger at Y", or a speaker's statement
    that an act harming people was done ("the monitor said air strikes killed 23 civilians")."""
    harming: set[int] | None = None
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or _negated(verb):
            continue
        lemma = verb.lemma_.lower()
        objects = [c for c in verb.children if c.dep_ in DEP.direct_object]
        if lemma in _en_words("answered_accusation_lemmas") and objects:
            return verb, _party(_subject_of(verb), doc), objects[0]
        if lemma in _en_words("finger_pointing_lemmas") and any(
            o.lower_ in _en_words("pointed_nouns") for o in objects
        ):
            at = next((o for p in verb.children if p.lower_ == "at" for o in p.children), None)
            return verb, _party(_subject_of(verb), doc), at
        stated = next((c for c in verb.children if c.dep_ in DEP.clausal_complement), None)
        if lemma in _en_words("speaking_lemmas") and stated is not None:
            if harming is None:
                # an act said not to have happened ("said the army has not used such weapons") is a denial
                harming = {
                    m.token.i
                    for m in find_triggers(sentence)
                    if harms(m.rule) and modality_of(sentence, m.token) != "denied"
                }
            if any(t.i in harming for t in stated.subtree):
                return verb, _party(_subject_of(verb), doc), None
    return None


def _tells_a_denial(token: Token) -> bool:
    """A verb of denying not itself negated ("denied", "refuted", "dismissed"), or a noun of denial."""
    lemma = token.lemma_.lower()
    if token.pos_ in POS.verb:
        return lemma in _claim_words()["denial_lemmas"] and not _negated(token)
    return token.pos_ in POS.noun and lemma in _en_words("denial_nouns")


def _en_words(key: str) -> frozenset[str]:
    return word_set("en", "claims", key)


def _holder_of(denial: Token, accused: Token | None) -> Token | None:
    """Who denies: the verb's subject, or its doer after "by" ("an accusation dismissed by the government"); a
    noun's holder ("the government's denial", "denials by the ministry") or the subject of the verb it is the
    object of ("the minister repeated the denial"); a pronoun or relative word ("though it denied", "which
    denied") stands for the accused."""
    if denial.pos_ in POS.verb:
        holder = _subject_of(denial) or next(
            (o for a in denial.children if a.dep_ in DEP.agent for o in a.children), None
        )
    else:
        holder = next((c for c in denial.children if c.dep_ in DEP.possessive), None) or next(
            (o for p in denial.children if p.lower_ == "by" for o in p.children), None
        )
        if holder is None and denial.dep_ in DEP.direct_object:
            holder = _subject_of(denial.head)
    if holder is not None and holder.pos_ in POS.pronoun:
        return accused
    return holder


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares as a conjunct or as a clause with none of its own ("the
    ministry denied the report, saying ...": who says is the ministry)."""
    shared = DEP.conjunct | DEP.adverbial_clause | DEP.open_complement
    clause: Token | None = verb
    while clause is not None:
        subject = next((c for c in clause.children if c.dep_ in DEP.subject), None)
        if subject is not None:
            return subject
        clause = clause.head if clause.dep_ in shared and clause.head.i != clause.i else None
    return None


def _party(noun: Token | None, doc: str) -> Source | None:
    """A noun phrase as a source (its words up to its head, without a determiner), or None for a pronoun; a
    quantifier's group ("much of the international community") is the group."""
    if noun is None or noun.pos_ in POS.pronoun:
        return None
    if noun.pos_ not in POS.noun | POS.proper_noun:
        noun = next((o for p in noun.children if p.lower_ == "of" for o in p.children), noun)
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ not in DEP.determiner]
    if not words:
        return None
    name = text_between(words[0], noun)
    kind: SourceKind = "person" if noun.ent_type_ in ENT.person else "organisation"
    return Source(canonical_source(name) or name, kind, Span(doc, words[0].idx, noun.idx + len(noun.text), name))


def _originator_of(chain: AttributionChain) -> Source | None:
    return next((s for s in chain.sources if s.kind != "publisher"), None)


def _same_party(a: str, b: str) -> bool:
    """Two names of one party: equal, or one within the other ("the army", "the Syrian army")."""
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _party_statement(
    context: SentenceContext, party: Source, modality: Modality, word: Token, subject: str, topic: str
) -> Claim:
    """One party's side of an answered accusation: what it says, as said by it (its chain is the party and the
    publisher), anchored at its verb or noun; an id of its own apart from any other rule's claim at that word."""
    publisher = [s for s in context.chain.sources if s.kind == "publisher"]
    return _claim(
        replace(context, modality=modality, chain=AttributionChain([party, *publisher])),
        _claim_id(context, word.idx, ANSWERED_TOPIC),
        subject,
        None,
        _token_span(context.doc, word),
        topic,
    )


def perpetrator_statements(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """perpetrator_statement: "the ministry said the bombing was carried out by the rebels", "officials said the
    militia was behind the attack", "we hold the army responsible for the shelling", "the government blamed the blast
    on the rebels": whom a speaker lays an incident on is the speaker's accusation, an asserted claim beside any
    report of the incident itself. A passive with its doer counts only inside what a speaker states (the story's
    own "was carried out by" is its report); a negated statement is a denial, left to the denial rules."""
    claims: list[Claim] = []
    for token in span_tokens(sentence):
        if _negated(token) or not _lays_an_act_on_someone(token):
            continue
        claim = _speaker_statement(context, token, "", "accusation")
        claims.append(replace(claim, subject=f"accusation: {_statement_words(token)}"))
    return claims


def _statement_words(token: Token) -> str:
    """The words of what is laid on whom: the clause, without the speaker who lays it ("blamed the blast on the
    rebels", "the militia was behind the attack")."""
    speaker = {d.i for c in token.children if c.dep_ in DEP.subject and token.lemma_ != "be" for d in c.subtree}
    return " ".join(t.text for t in token.subtree if t.i not in speaker and t.dep_ not in DEP.punctuation)


def _lays_an_act_on_someone(token: Token) -> bool:
    """The word states who did an act: "blamed X on Y", "held Y responsible", "Y was behind X", or, within a
    speaker's statement, "X was carried out by Y"."""
    words = _claim_words()
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma in words["blaming_lemmas"]:
        return any(c.dep_ in DEP.direct_object for c in children) and any(
            c.dep_ in DEP.preposition and c.lower_ in words["blamed_on_prepositions"] for c in children
        )
    if lemma in words["holding_lemmas"]:
        # "held the army responsible": the parser makes "responsible" a predicate or a clause of the held
        return any(d.lower_ in words["responsible_words"] for c in children for d in (c, *c.children))
    stated = _within_a_statement(token)
    if lemma == "be" and any(c.dep_ in DEP.subject for c in children):
        return stated and any(c.dep_ in DEP.preposition and c.lower_ in words["behind_words"] for c in children)
    return (
        stated
        and lemma in words["perpetration_lemmas"]
        and any(c.dep_ in DEP.passive_subject for c in children)
        and any(c.dep_ in DEP.agent and any(o.dep_ in DEP.prepositional_object for o in c.children) for c in children)
    )


def _within_a_statement(token: Token) -> bool:
    """The clause is what a speaker states: the clausal complement of a statement verb."""
    statements = _claim_words()["statement_lemmas"] | _CONTENDING_LEMMAS
    clause = token
    while clause.dep_ in DEP.conjunct:
        clause = clause.head
    return clause.dep_ in DEP.clausal_complement and clause.head.lemma_.lower() in statements


def contentions(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """contention: "the company claimed its guards stayed inside the compound", "the ministry insists the convoy
    carried weapons": what a speaker contends, with no event of its own (an incident told is that incident's
    report), is an asserted claim by the speaker, under the document's contention topic."""
    claims: list[Claim] = []
    triggers: set[int] | None = None
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or verb.lemma_.lower() not in _CONTENDING_LEMMAS:
            continue
        if not any(c.dep_ in DEP.subject for c in verb.children):
            continue  # "it is claimed that ...": a hedge, nobody's contention
        stated = next((c for c in verb.children if c.dep_ in DEP.clausal_complement), None)
        if stated is None or _reported_future(stated, sentence):
            continue  # "claimed responsibility", "claimed 20 lives", "insisted the raids will go on": other rules
        if triggers is None:
            triggers = {m.token.i for m in find_triggers(sentence)}
        scope = list(stated.subtree)
        if any(t.i in triggers for t in scope) or any(t.like_num for t in scope):
            continue
        if any(_states_a_clause(t) for t in scope):
            continue  # "told reporters he believed the truce had failed": the inner statement is the claim
        phrase = " ".join(t.text for t in scope if t.dep_ not in DEP.marker or t.i != scope[0].i)
        claims.append(_speaker_statement(context, verb, phrase, "contention"))
    return claims


def _states_a_clause(verb: Token) -> bool:
    """A verb of contention or speech with a clause of its own."""
    return (
        verb.pos_ in POS.verb
        and verb.lemma_.lower() in _CONTENDING_LEMMAS
        and any(c.dep_ in DEP.clausal_complement for c in verb.children)
    )


def _speaker_statement(context: SentenceContext, verb: Token, words: str, kind: str) -> Claim:
    """What a speaker states (an accusation, a contention): asserted, with no figure, under the document's topic
    of that kind, so that it is compared only within its own article."""
    return _claim(
        replace(context, modality="asserted"),
        _claim_id(context, verb.idx),
        f"{verb.lemma_.lower()} {words}",
        None,
        _token_span(context.doc, verb),
        f"{kind}@{context.doc}",
    )


def ultimatums(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "were given two days to leave", "giving the militia 24 hours to release the hostages": a time given to
    do something is an ultimatum, a planned claim whose figure is the time allowed."""
    words = _claim_words()
    claims: list[Claim] = []
    doc = sentence.doc
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or verb.lemma_.lower() not in words["ultimatum_lemmas"]:
            continue
        for time in (
            c for c in verb.children if c.dep_ in DEP.direct_object and c.lemma_.lower() in words["deadline_units"]
        ):
            number = next((c for c in time.children if c.dep_ in DEP.numeric_modifier), None)
            after = time.i + 2
            if (
                number is None
                or after >= sentence.end
                or doc[time.i + 1].lower_ != "to"
                or doc[after].pos_ not in POS.verb
            ):
                continue
            bounds = parse_amount(number.text)
            if bounds is None:
                continue
            start, end = number.idx, time.idx + len(time.text)
            span = Span(context.doc, start, end, text_between(number, time))
            quantity = Quantity(time.text, *bounds, span=span, kind="deadline")
            action = " ".join(t.text for t in doc[after].subtree if t.i >= after)
            claims.append(
                _claim(
                    replace(context, modality="planned"),
                    _claim_id(context, verb.idx),
                    f"{span.text} to {action}",
                    quantity,
                    span,
                    f"ultimatum:{doc[after].lemma_.lower()}",
                )
            )
    return claims


def stated_denials(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "Ruritania denies the charges", "the ministry dismissed the claim as groundless": a denial whose object is
    no event of its own (a denied event is that event's report, with modality denied) and no figure (a rejected
    figure is :func:`_rejected_figures`) is a denied claim by its speaker, so that it can be set against the
    claim it denies."""
    words = _claim_words()
    claims: list[Claim] = []
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or verb.lemma_.lower() not in words["denial_lemmas"]:
            continue
        # "has not acknowledged any deaths and dismisses the reports": a conjoined verb shares its head's subject
        speaker = verb.head if verb.dep_ in DEP.conjunct else verb
        # "a figure the police rejected": not the sentence's own statement; "Ruritania denied the claims, but a
        # report concluded ..." is, though the parser may hang the denial under the later verb as a complement
        own = DEP.root | DEP.conjunct | DEP.clausal_complement
        if verb.dep_ not in own or not any(c.dep_ in DEP.subject for c in speaker.children):
            continue
        objects = [
            c for c in verb.children if c.dep_ in DEP.direct_object | DEP.clausal_complement | DEP.open_complement
        ]
        if not objects:
            continue
        scope = [t for o in objects for t in o.subtree]
        triggers = {m.token.i for m in find_triggers(sentence)}
        # "denied all claims that the envoy was killed": what is denied is a statement about an incident, a claim
        # of its own, whatever incident the statement tells.
        if any(o.lemma_.lower() in _RESPONSIBILITY_NOUNS for o in objects):
            continue  # "denied responsibility for the strike": a denial of responsibility (responsibility_claims)
        of_statement = any(o.lemma_.lower() in words["denied_statement_nouns"] for o in objects)
        if any(t.like_num for t in scope):
            continue
        phrase = " ".join(t.text for t in scope if t.dep_ not in DEP.determiner or t.i != scope[0].i)
        subject = f"{verb.lemma_.lower()} {phrase}"
        if any(t.i in triggers for t in scope) and not of_statement:
            claims.append(denied_act(context, verb, subject))
            continue
        claims.append(_denial_at(context, verb, subject, ""))
    return claims


def negated_acts(context: SentenceContext, sentence: SpacySpan, claims: list[Claim]) -> list[Claim]:
    """denial_by_negation: "the ministry said its planes had not carried out strikes on the town", "the coalition
    conducted no strikes there": a violent act its speaker says did not happen is denied as surely as with "deny"
    (:func:`stated_denials`), so the speaker's denial is kept as a claim beside the act's denied report
    (:func:`denied_act`), unless the sentence's denial verb already gave one."""
    if any(c.modality == "denied" for c in claims):
        return []
    found: list[Claim] = []
    for match in find_triggers(sentence):
        if harms(match.rule) and modality_of(sentence, match.token) == "denied":
            found.append(denied_act(context, match.token, f"{match.token.lower_} {NOT_HAPPENED_SUBJECT}"))
    return found[:1]


# The subject of a denial read from an act's negation (negated_acts), after the act's word.
NOT_HAPPENED_SUBJECT = "said not to have happened"
# The topic of a denial whose denied act is a report of its own (see denied_act).
DENIED_ACT_TOPIC = "denied-act"


def denied_act(context: SentenceContext, verb: Token, subject: str) -> Claim:
    """denial_of_an_act: "the government denies the use of chemical weapons", "Syria denied carrying out the
    attack": the denied act is an event report of its own, with modality denied, which its event sets against the
    reports that say it happened. The speaker's denial is also kept as a claim, so that who denies what is listed
    with the statements, under a topic of its own that joins no group; like any denial it is linked to the report
    of the incident it answers (:func:`link_to_incidents`), since its own report may not join that incident's
    event (it carries the denial's date and places, not the incident's)."""
    claim_id = _claim_id(context, verb.idx)
    return replace(_denial_at(context, verb, subject, ""), topic=f"{DENIED_ACT_TOPIC}:{claim_id}")


# Modalities of a report that says an incident happened: what a denial can be about.
_HAPPENED: frozenset[Modality] = frozenset({"asserted", "reported"})


def link_to_incidents(mentions: list[Mention], claims: list[Claim]) -> list[Claim]:
    """A speaker's denial that names no incident of its own ("Syria denies the charges", "the ministry dismissed
    the claim as groundless", "no one was killed") and a claim of responsibility ("the group claimed the bombing")
    are about the incident the story told last before them: their ``concerns`` is that report (or, when the story
    states them first, the first report after them), so that a denial is set against that report. A denied act
    ("denied that its jets struck the market") is linked so too: it answers the incident told before it."""
    told = sorted((m for m in mentions if m.modality in _HAPPENED), key=lambda m: m.sentence.start)
    linked: list[Claim] = []
    claims = [*claims, *second_toll_claims(told, claims)]
    claims = [*claims, *reported_figure_claims(told, claims)]
    for claim in claims:
        # A denial is somebody's: the story's own negative statement ("the truce does not include ...") is not.
        someone = any(s.kind != "publisher" for s in claim.chain.sources)
        responsibility = claim.topic.startswith(f"{RESPONSIBILITY_TOPIC}:")
        if claim.topic.startswith(f"{DENIED_ACT_TOPIC}:") and claim.subject.endswith(NOT_HAPPENED_SUBJECT):
            # an act read as denied from its own negation alone ("such attacks will not stop us") answers no report:
            # only a speaker's denial verb does
            linked.append(claim)
            continue
        if responsibility and claim.subject.startswith(NO_CLAIM):
            linked.append(claim)  # nobody owning it disputes a claimant, not that the incident happened
            continue
        if _one_incident_toll(claim) and claim.concerns is None:
            linked.append(_set_against_earlier_toll(claim, told))
            continue
        # a claim of responsibility is its claimant's own, whoever the chain names
        if (
            (claim.modality != "denied" and not responsibility)
            or claim.concerns is not None
            or not told
            or not (someone or responsibility)
        ):
            linked.append(claim)
            continue
        # "no one was killed" answers a report of deaths, not any incident told before it
        no_harm = claim.topic.startswith(f"{NO_HARM_TOPIC}:")
        candidates = [m for m in told if _deadly(m)] if no_harm else told
        if not candidates:
            linked.append(claim)
            continue
        before = [m for m in candidates if m.sentence.start < claim.sentence.start]
        if no_harm and before and another_incident_between(told, before[-1], claim):
            linked.append(claim)
            continue
        # accusation_over_mention: a denial answers a report that tells the act as done, not one that only
        # mentions it as alleged or under inquiry ("an envoy arrived to investigate the alleged attack")
        before = [m for m in before if m.modality == "asserted"] or before
        # denial_of_an_incident: a denial answers an incident the story tells, not a campaign it tells over a period
        # ("the regime, backed by Russian air strikes since September")
        before = [m for m in before if not _told_over_a_period(m)] or before
        # a denier answers the story's last report of its own act, else of the means it names
        own = [m for m in before if denies_its_own(claim, m)]
        before = own or before
        same_means = [m for m in before if names_the_means(claim.sentence.text, m)]
        report = same_means[-1] if same_means else before[-1] if before else candidates[0]
        linked.append(replace(claim, concerns=report.id))
    return linked


def _told_over_a_period(mention: Mention) -> bool:
    """The report's sentence runs over a period ("since September", "over the past week")."""
    return _period_pattern().search(mention.sentence.text) is not None


def _one_incident_toll(claim: Claim) -> bool:
    """A toll stated of one incident ("put the toll at 45"), not a running total: its topic is its article's."""
    return (
        claim.topic.startswith("toll:killed") and claim.topic.endswith(f"@{claim.doc}") and claim.quantity is not None
    )


def _speaker(chain: AttributionChain) -> str | None:
    """Who states a report or claim, when it is someone other than its publisher."""
    return next((s.name for s in chain.sources if s.kind != "publisher"), None)


def _set_against_earlier_toll(claim: Claim, told: list[Mention], own: Mention | None = None) -> Claim:
    """second_toll: a speaker's toll of one incident ("activists put the toll at 45") answers the deadly report the
    story told last before it with another toll from another speaker: its ``concerns`` is that report, so that the
    two are listed as a disagreement. Only a toll of that incident's order (:func:`_of_one_order`) answers it, and,
    when the toll is a report of its own (``own``), one of a place and a day that report's may be."""
    assert claim.quantity is not None
    speaker = _speaker(claim.chain)
    earlier = [
        m
        for m in told
        if m.sentence.start < claim.sentence.start
        and m.fatalities is not None
        and _deadly(m)
        and figures_disjoint(m.fatalities, claim.quantity)
        and _of_one_order(m.fatalities, claim.quantity)
        and _speaker(m.chain) != speaker
    ]
    if speaker is None or not earlier or (own is not None and not _may_be_one_incident(own, earlier[-1])):
        return claim
    return replace(claim, concerns=earlier[-1].id)


def _of_one_order(a: Quantity, b: Quantity) -> bool:
    """Two tolls of one incident by two sources differ, but within a factor (``second_toll_max_ratio``): a war's
    toll or a day's is no second count of one strike's dead."""
    values = [v for q in (a, b) if (v := next((x for x in (q.best, q.low, q.high) if x is not None), None))]
    if len(values) < 2 or min(values) <= 0:
        return False
    return max(values) <= min(values) * float(load_yaml("claims.yaml")["second_toll_max_ratio"])


def _may_be_one_incident(toll: Mention, earlier: Mention) -> bool:
    """The toll report names no place the earlier report does not, and their days meet (when both are dated)."""
    places = {p.text.lower() for p in toll.places}
    if places - {p.text.lower() for p in earlier.places}:
        return False
    return toll.date is None or earlier.date is None or toll.date.overlaps(earlier.date)


def second_toll_claims(told: list[Mention], claims: list[Claim]) -> list[Claim]:
    """second_toll: a report that only states a toll by a speaker of its own ("the opposition coalition said 650
    people died": a death word for its act) after the story told a deadly incident with another toll from
    another speaker is that speaker's claim of the incident's toll too, so that its figure can be set against the
    first (:func:`_set_against_earlier_toll`). The report stays the event's."""
    taken = {c.id for c in claims}
    death_triggers = _claim_words()["toll_statement_triggers"]
    found: list[Claim] = []
    for mention in told:
        toll = mention.fatalities
        if (
            toll is None
            or not _deadly(mention)
            or mention.trigger.text.lower() not in death_triggers
            or _speaker(mention.chain) is None
            or _mention_claim_id(mention) in taken
        ):
            continue
        place = mention.places[0].text if mention.places else None
        claim = _claim(
            replace(_mention_context(mention, place), modality="asserted"),
            _mention_claim_id(mention),
            "people killed" + (f" in {place}" if place else ""),
            toll,
            toll.span or mention.sentence,
            f"toll:killed@{mention.doc}",
        )
        linked = _set_against_earlier_toll(claim, told, mention)
        if linked.concerns is not None:
            found.append(linked)
    return found


# The topic of the figures a report states (reported_figure_claims): one per report, so that they are set against no
# other claim; the report's incident compares its tolls with other reports'.
REPORTED_FIGURE_TOPIC = "reported"
# Kinds of people harmed whose figure a report states besides its toll (its wounded, "including 12 children").
_HARM_FIGURE_KINDS = frozenset({"killed", "wounded", "casualties"})


def reported_figure_claims(told: list[Mention], claims: list[Claim]) -> list[Claim]:
    """reported_figures: the figures a report states, its toll and its other counts of people harmed ("at least 40
    people were killed and 70 wounded, the monitor said") and of attacks or munitions ("used 21 car bombs during
    the campaign"), are also claims of its chain, so that who says how many can be cited whether or not the report
    becomes an event (a past incident, a roundup, a war's toll read as background keep their source's figures).
    One claim per figure of a sentence, none where a claim of the sentence already states that figure."""
    stated = {(c.doc, c.sentence.start, _bounds(c.quantity)) for c in claims if c.quantity is not None}
    taken = {c.id for c in claims}
    found: list[Claim] = []
    for mention in told:
        for figure, what in _stated_figures(mention):
            key = (mention.doc, mention.sentence.start, _bounds(figure))
            assert figure.span is not None
            claim_id = _claim_id(_mention_context(mention, None), figure.span.start)
            if key in stated or claim_id in taken:
                continue
            stated.add(key)
            taken.add(claim_id)
            place = mention.places[0].text if mention.places else None
            claim = _claim(
                replace(_mention_context(mention, place), modality="asserted"),
                claim_id,
                f"reported {what}" + (f" in {place}" if place else ""),
                figure,
                figure.span,
                f"{REPORTED_FIGURE_TOPIC}:{mention.id}",
            )
            found.append(claim)
    return found


def _stated_figures(mention: Mention) -> list[tuple[Quantity, str]]:
    """The report's written figures of people harmed (its toll first) and, when a speaker gives them, of attacks or
    munitions ("the monitor said 21 car bombs were used"; the story's own "carried out three strikes" tells its
    event), each with what it counts."""
    figures: list[tuple[Quantity, str]] = []
    spoken = _speaker(mention.chain) is not None
    if mention.fatalities is not None and mention.fatalities.span is not None and _deadly(mention):
        figures.append((mention.fatalities, "toll"))
    for quantity in mention.quantities:
        if quantity.span is None or not any(v for v in (quantity.low, quantity.best, quantity.high)):
            continue
        kind = base_kind(quantity.kind)
        if kind in _HARM_FIGURE_KINDS:
            figures.append((quantity, f"{quantity.unit.lower()} {kind}"))
        elif spoken and quantity.kind == "count" and _tally_of(quantity.unit.lower(), is_period=True) is not None:
            figures.append((quantity, quantity.unit.lower()))
    return figures


def _bounds(quantity: Quantity | None) -> tuple[int | None, int | None, int | None] | None:
    return None if quantity is None else (quantity.low, quantity.best, quantity.high)


def _countries_of(names: list[str]) -> set[str]:
    from sitrep.extract.actors import actor_dictionary

    dictionary = actor_dictionary()
    found = (dictionary.by_alias.get(name.lower()) or dictionary.find(name) for name in names)
    return {entry.country for entry in found if entry is not None and entry.country}


def denies_its_own(claim: Claim, report: Mention) -> bool:
    """The speaker of a denial is a state whose forces the report names as doer ("Russia has not acknowledged any
    civilian deaths from its strikes" after "a Russian air strike killed 38"): a state denies its own acts."""
    speakers = [s.name for s in claim.chain.sources[:1] if s.kind != "publisher"]
    doers = [a.name for a in report.actors if a.role in ("actor1", "assoc_actor1")]
    return bool(speakers and doers) and bool(_countries_of(speakers) & _countries_of(doers))


def names_the_means(text: str, report: Mention) -> bool:
    """The sentence names the means of the report's act, by a word of its sub-type ("denied using chemical
    weapons" names a chemical weapon attack, "denied its warplanes carried out air strikes" an air strike): a
    denial naming a means answers the last report of that means, not whatever the story told just before it.
    Words shared by every kind of act ("attack", "weapon") name none."""
    generic = word_set("en", "claims", "generic_means_words")
    means = {w for w in re.split(r"[^a-z]+", report.sub_event_type.lower()) if len(w) > 2 and w not in generic}
    words = re.split(r"[^a-z]+", text.lower())
    return any(word == w or word == w + "s" for w in means for word in words)


def another_incident_between(told: list[Mention], deadly: Mention, claim: Claim) -> bool:
    """no_harm_of_another_place: the story's last report before a statement that nobody was hurt tells no deaths
    and names places, none of which its last deadly report names ("Shelling killed five in the city. Mortars also
    hit a village to the south. Police said it left no casualties."): the statement is about that other incident,
    not a dispute of the deaths."""
    between = [m for m in told if deadly.sentence.start < m.sentence.start < claim.sentence.start]
    if not between or _deadly(between[-1]):
        return False
    here = {p.text.lower() for p in between[-1].places}
    return bool(here) and not here & {p.text.lower() for p in deadly.places}


def _deadly(mention: Mention) -> bool:
    """The report gives a toll above zero."""
    toll = mention.fatalities
    return toll is not None and any(v is not None and v > 0 for v in (toll.low, toll.best, toll.high))


@functools.cache
def _people_heads() -> frozenset[str]:
    """Heads that count people (the quantity lexicon's), singular and plural."""
    heads = {str(h).lower() for h in load_yaml("quantities.yaml")["unit_heads"]["people"]}
    heads |= {h.split()[-1] for h in heads}
    return frozenset(heads | {"people", "person"} | {h[:-1] for h in heads if h.endswith("s")})


def _displaced_civilians(head: str, noun: Token | None) -> bool:
    """Not "killed 15 displaced people" (victims of an attack, who were displaced before) nor "dozens of soldiers
    fled across the border" (a retreat)."""
    if head in _claim_words()["troop_units"]:
        return False
    return noun is None or noun.head.lemma_.lower() not in _claim_words()["harm_lemmas"]


@functools.cache
def _days_of_pattern() -> re.Pattern[str]:
    """ "three days of shelling", "after weeks of fighting": a toll counted over a stretch of time."""
    lengths = "|".join(re.escape(w) for w in sorted(_PERIOD_OF_ATTACKS, key=len, reverse=True))
    return re.compile(rf"\b(?:{lengths})\s+of\b")


@functools.cache
def _long_period_pattern() -> re.Pattern[str]:
    """ "in the last two weeks", "during the past month": a stretch of days or more a toll runs over."""
    lengths = "|".join(re.escape(w) for w in sorted(_LONG_PERIODS, key=len, reverse=True))
    return re.compile(
        rf"\b(?:in|over|during|within|throughout)\s+the\s+(?:last|past|previous)\s+(?:[\w-]+\s+)?(?:{lengths})\b"
    )


def _lives_taken(head: str, noun: Token | None) -> bool:
    """ "the war has claimed more than 3,000 lives", "fighting that cost 500 lives": lives taken count the dead."""
    return head in _LIFE_UNITS and noun is not None and noun.head.lemma_.lower() in _LIFE_TAKING_LEMMAS


def _besieged(noun: Token | None) -> bool:
    """ "has besieged some 20,000 people", "the siege has trapped 5,000 civilians", "civilians trapped in the old
    town": people besieged, not "evacuated 300 people from the besieged town"."""
    if noun is None:
        return False
    return noun.head.lemma_.lower() in _SIEGE_LEMMAS or any(
        c.dep_ in DEP.clausal_modifier | DEP.relative_clause and c.lemma_.lower() in _SIEGE_LEMMAS
        for c in noun.children
    )


def _dwelling(noun: Token | None) -> bool:
    """ "some 90,000 people live in the valley", "an estimated 20,000 people still living in the town": a
    population."""
    if noun is None:
        return False
    if noun.dep_ in DEP.subject and noun.head.lemma_.lower() in _DWELLING_LEMMAS:
        return True
    return any(
        c.dep_ in DEP.clausal_modifier | DEP.relative_clause and c.lemma_.lower() in _DWELLING_LEMMAS
        for c in noun.children
    )


def _become_refugees(noun: Token | None) -> bool:
    """ "more than a million people have become refugees": the subject of a displacement complement."""
    if noun is None or noun.dep_ not in DEP.subject:
        return False
    return any(c.lower_ in _REFUGEE_COMPLEMENTS for c in noun.head.children if c.i > noun.i)


def _stationed(noun: Token | None, sentence: SpacySpan) -> bool:
    """ "Ruritania has around 700 troops in the region", "some 700 soldiers are stationed": a level, not "two soldiers
    fell as martyrs". A stationing word tells a level as a verb or adjective ("based", "present"), not as a noun
    ("trapped 150 soldiers near the base", "the number of troops")."""
    words = _claim_words()
    if noun is not None and noun.head.lemma_.lower() in words["stationing_lemmas"] | {"have"}:
        return True
    nouns = POS.noun | POS.proper_noun
    return any(t.pos_ not in nouns and t.lemma_.lower() in words["stationing_lemmas"] for t in span_tokens(sentence))


def states_intention(sentence: SpacySpan) -> bool:
    """Whether the sentence may hold a claim that neither an event trigger nor a counted figure reveals.

    events.py reads a sentence with no trigger and no quantity only if this is true, so besides intentions and
    plans it also answers for the figures the quantity finder leaves out (areas, percentages).
    """
    words = _claim_words()
    lemmas = words["intention_lemmas"] | words["denial_lemmas"] | words["ultimatum_lemmas"]
    lemmas |= _DEMAND_LEMMAS | _FORECAST_LEMMAS | _ANNOUNCING_LEMMAS | _ACCUSING_LEMMAS | _CONTENDING_LEMMAS
    tokens = span_tokens(sentence)
    text = span_text(sentence)
    nouns = _RESPONSIBILITY_NOUNS | _CASUALTY_NOUNS | _EVIDENCE_NOUNS | _NOBODY | {"no"}
    return (
        any(t.pos_ in POS.verb and t.lemma_.lower() in lemmas for t in tokens)
        or any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in tokens)
        or any(_reported_future(t, sentence) for t in tokens)
        or _area_pattern().search(text) is not None
        or _PERCENT.search(text) is not None
    )


def stated_intentions(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "vowed further action", "said it would reconsider the mission's mandate", "the raids will go on":
    what a speaker says will be done, beside whatever else the sentence reports.

    A plan whose own words name an event ("vowed to strike back") is left to that event's mention, which becomes
    a planned claim itself; a plan with a figure is a planned figure (:func:`_planned_figures`).
    """
    planned_events: set[int] | None = None  # read only once a verb states something: most sentences have none
    claims: list[Claim] = []
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb:
            continue
        if _states_an_act(verb):
            action = _stated_act(verb)
            if action is None:
                continue  # "issued a warning", "called it a massacre": no intention stated
        elif _reported_future(verb, sentence):
            action = verb
        else:
            continue
        scope = list(action.subtree) if action is not None else [verb]
        if planned_events is None:
            planned_events = {
                m.token.i for m in find_triggers(sentence) if modality_of(sentence, m.token) in NOT_HAPPENED
            }
        if any(t.i in planned_events for t in scope) or any(t.like_num for t in scope if t.i != verb.i):
            continue
        claim = intention_claim(context, sentence, verb)
        if claim is not None and not any(c.evidence == claim.evidence for c in claims):
            claims.append(claim)
    # "vowed to keep fighting" and "will continue" in one clause are one intention
    return [c for c in claims if not any(o is not c and _within(c, o) for o in claims)]


def _states_an_act(verb: Token) -> bool:
    """A verb of intention ("vowed", "plans"), demand ("called for", "urged"), announcement ("announced") or
    forecast ("expects")."""
    lemma = verb.lemma_.lower()
    return lemma in _claim_words()["intention_lemmas"] | _DEMAND_LEMMAS | _FORECAST_LEMMAS | _ANNOUNCING_LEMMAS


def _stated_act(verb: Token) -> Token | None:
    """What the verb of intention, demand, announcement or forecast states will (or should) be done, or None.

    - stated_demand: "called for a corridor to be opened", "urged the army to withdraw", "demanded an
      explanation": a demand is a claim of its own, asserted (the demand was made; the act demanded, when an event
      names it, is that event's planned report). "call" demands only "for" something or with an infinitive
      ("called it a massacre" names).
    - announced_operation: "announced a new campaign against the town": an operation announced (not its start or
      launch, and not one an event report tells) is planned.
    - stated_forecast: "expects conditions to worsen", "predicts the fighting will escalate": a forecast of
      things getting worse is a feared claim; other expectations ("expects talks to resume") are left alone."""
    lemma = verb.lemma_.lower()
    complements = [c for c in verb.children if c.dep_ in DEP.open_complement | DEP.clausal_complement]
    if lemma in _ANNOUNCING_LEMMAS:
        triggers = {m.token.i for m in find_triggers(verb.sent)}
        return next(
            (
                c
                for c in verb.children
                if c.dep_ in DEP.direct_object and c.lemma_.lower() in _OPERATION_NOUNS and c.i not in triggers
            ),
            None,
        )
    if lemma in _FORECAST_LEMMAS:
        return next((c for c in complements if c.lemma_.lower() in _WORSENING_LEMMAS), None)
    if lemma in _DEMAND_LEMMAS and lemma in _DEMANDS_WITH_PREPOSITION:
        demanded = [
            o
            for p in verb.children
            if p.dep_ in DEP.preposition and p.lower_ in _DEMAND_PREPOSITIONS
            for o in p.children
            if o.dep_ in DEP.prepositional_object
        ]
        return next(iter(complements + demanded), None)
    if lemma in _DEMAND_LEMMAS:  # "urged the militia to release the hostages": the act, not who is urged
        objects = [c for c in verb.children if c.dep_ in DEP.direct_object]
        return next(iter(complements + objects), None)
    return next(
        (c for c in verb.children if c.dep_ in DEP.open_complement | DEP.direct_object | DEP.clausal_complement),
        None,
    )


def _within(inner: Claim, outer: Claim) -> bool:
    return inner.subject != outer.subject and inner.subject.split(" ", 1)[-1] in outer.subject


def _reported_future(verb: Token, sentence: SpacySpan) -> bool:
    """A future or future-in-the-past clause a speaker states: "said it would review", "stressed that the
    operations will continue". Conditions ("if attacked, it would respond") and "would have" are not plans."""
    words = _claim_words()
    if verb.pos_ not in POS.verb or verb.lemma_.lower() in _LIGHT_VERBS:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in DEP.auxiliary | DEP.passive_auxiliary}
    if not auxiliaries & words["future_auxiliaries"] or "have" in auxiliaries or "n't" in auxiliaries:
        return False
    if any(
        t.lower_ in words["condition_markers"] and t.dep_ in DEP.marker | DEP.adverbial_modifier | DEP.auxiliary
        for t in span_tokens(sentence)
    ):
        return False
    if any(c.dep_ in DEP.negation for c in verb.children):
        return False  # "will not withdraw" is a denial of an intention, coded elsewhere
    # "the UN said it had received reports and would investigate": the clause "would investigate" is joined to
    # sits under the statement verb
    clause = verb
    while clause.dep_ in DEP.conjunct and clause.head.lemma_.lower() not in words["statement_lemmas"]:
        clause = clause.head
    if clause.dep_ in DEP.root:
        return True
    statement = clause.head
    # "attacked 100 times since the group announced it would start operations": background, not a statement; but
    # "..., adding the army would respond" is the statement itself, told in a participle clause
    return (
        clause.dep_ in DEP.clausal_complement | DEP.conjunct
        and statement.lemma_.lower() in words["statement_lemmas"]
        and not any(t.dep_ in _SUBORDINATE and not _participle_clause(t) for t in [statement, *statement.ancestors])
    )


def _participle_clause(verb: Token) -> bool:
    """participle_statement: "..., adding the army would respond", "..., saying it will continue": an adverbial
    clause with no subordinator and no subject of its own continues its sentence's statement; one that has either
    ("since the group announced ...", "after he said ...") is background to it."""
    return verb.dep_ in DEP.adverbial_clause and not any(
        c.dep_ in DEP.marker | DEP.subject | DEP.passive_subject for c in verb.children
    )


_SUBORDINATE = (
    DEP.adverbial_clause
    | DEP.prepositional_complement
    | DEP.prepositional_object
    | DEP.relative_clause
    | DEP.clausal_modifier
)


def intention_claim(context: SentenceContext, sentence: SpacySpan, verb: Token | None = None) -> Claim | None:
    """ "vowed to fight until ...", "threatened to retaliate", "said it would review ...": a stated intention
    with no event of its own. Without ``verb``, the sentence's first verb of intention or reported future."""
    if verb is None:
        verb = next(
            (
                t
                for t in span_tokens(sentence)
                if t.pos_ in POS.verb
                and ((_states_an_act(t) and _stated_act(t) is not None) or _reported_future(t, sentence))
            ),
            None,
        )
    if verb is None:
        return None
    if _states_an_act(verb):
        action = _stated_act(verb)
        phrase = " ".join(t.text for t in action.subtree) if action is not None else ""
        # "called for a corridor": the preposition belongs to the demand
        marker = f"{action.head.text.lower()} " if action is not None and action.head.i != verb.i else ""
        subject = f"{verb.lemma_.lower()} {marker}{phrase}".strip()
    else:  # "the raids will go on until ...": the clause itself is what is intended
        # "said it would reconsider the mandate ..." -> "reconsider the mandate ...": a pronoun adds nothing
        dropped = {t.i for c in verb.children if c.dep_ in DEP.subject and c.pos_ in POS.pronoun for t in c.subtree}
        subject = " ".join(
            t.text
            for t in verb.subtree
            if t.i not in dropped and (t.dep_ not in DEP.auxiliary | DEP.marker | DEP.punctuation or t.i > verb.i)
        )
    evidence = Span(context.doc, verb.idx, verb.idx + len(verb.text), verb.text)
    # "warned that ...", "expects conditions to worsen" state a fear; everything else here is a plan
    warned = (
        verb.lemma_.lower() in _WARNING_LEMMAS
        or verb.head.lemma_.lower() in _WARNING_LEMMAS
        or verb.lemma_.lower() in _FORECAST_LEMMAS
    )
    modality: Modality = "feared" if warned else "planned"
    topic = f"intention:{verb.lemma_.lower()}"
    if verb.lemma_.lower() in _DEMAND_LEMMAS:
        # a demand is the speaker's act, and it was made: what it asks of others is theirs to do or not
        modality, topic = "asserted", f"demand:{verb.lemma_.lower()}@{context.doc}"
    return _claim(replace(context, modality=modality), _claim_id(context, verb.idx), subject, None, evidence, topic)


def _figure_claim(
    context: SentenceContext, quantity: Quantity, subject: str, topic: str, period_start: dt.date | None = None
) -> Claim:
    scope = context.scope
    anchor = quantity.span.start if quantity.span else context.sentence.start
    return _claim(
        context,
        _claim_id(context, anchor),
        subject + (f" in {scope}" if scope else ""),
        quantity,
        quantity.span or context.sentence,
        f"{topic}:{(scope or '').lower()}",
        period_start,
    )


def _damage_claim(context: SentenceContext, quantity: Quantity, head: str, period: dt.date | None) -> Claim:
    """damage_figures: "more than 300 schools have been damaged", "the strikes pounded five bridges": a count of
    buildings or works damaged is a claim of its speaker, set against no other claim: two counts of bridges hit,
    even in one article, are as often of two strikes or two spans of days as two accounts of one."""
    claim = _figure_claim(context, quantity, f"{head} damaged", f"damage:{head}", period)
    return replace(claim, topic=f"damage:{head}@{claim.id}")


def _placed_figure_claim(
    context: SentenceContext, quantity: Quantity, subject: str, topic: str, period_start: dt.date | None = None
) -> Claim:
    """A standing figure of a place (people besieged, a population): with no place read it is compared only
    within its own article, since two such figures of unnamed places need not count the same people."""
    claim = _figure_claim(context, quantity, subject, topic, period_start)
    return claim if context.scope else replace(claim, topic=f"{topic}:@{context.doc}")


def _tally_of(unit: str, is_period: bool) -> str | None:
    """What a count of ``unit`` tallies ("attacks", "clashes", "munitions"), if it is a tally: "times" always,
    other event and munition heads only over a period."""
    head = unit.split()[-1] if unit else ""
    if head in _REPETITION_NOUNS:
        return "attacks"
    return _tally_heads().get(head) if is_period else None


def _tally_topic(what: str, target: str) -> str:
    # attack counts keep their historical key so counts of "times" and of "attacks" on a target meet
    return f"{TALLY_TOPIC}:{target}" if what == "attacks" else f"{TALLY_TOPIC}:{what}:{target}"


def _tally_claim(context: SentenceContext, quantity: Quantity, sentence: SpacySpan, period: dt.date | None) -> Claim:
    """ "Ruritania has carried out dozens of air raids on the border districts since March", with no event mention
    to take the target from: the target is what the counted noun is "on", "at" or "against"."""
    what = _tally_of(quantity.unit.lower(), is_period=True) or "attacks"
    target = _target_of(sentence, quantity)
    target = target or context.scope or "unspecified target"
    anchor = quantity.span.start if quantity.span else context.sentence.start
    counted = "attacks" if what == "attacks" else quantity.unit
    return _claim(
        replace(context, scope=target),
        _claim_id(context, anchor),
        f"{counted} on {target}",
        quantity,
        quantity.span or context.sentence,
        _tally_topic(what, target),
        period,
    )


def _token_of(sentence: SpacySpan, quantity: Quantity) -> Token | None:
    """The head noun of a quantity's phrase in the parse."""
    if quantity.span is None:
        return None
    phrase = sentence.doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
    return phrase.root if phrase is not None else None


_TARGET_PREPOSITIONS = word_set("en", "actors", "target_prepositions")  # the targets the actor rules read
_LIGHT_VERBS = word_set("en", "claims", "light_verbs")
_PERIOD_PREPOSITIONS = word_set("en", "claims", "period_prepositions")
_WARNING_LEMMAS = word_set("en", "claims", "warning_lemmas")
_DEMAND_LEMMAS = word_set("en", "claims", "demand_lemmas")
_DEMANDS_WITH_PREPOSITION = word_set("en", "claims", "demands_with_preposition")
_DEMAND_PREPOSITIONS = word_set("en", "claims", "demand_prepositions")
_FORECAST_LEMMAS = word_set("en", "claims", "forecast_lemmas")
_ANNOUNCING_LEMMAS = word_set("en", "claims", "announcing_lemmas")
_ACCUSING_LEMMAS = word_set("en", "claims", "accusing_lemmas")
_FACILITY_HEADS = word_set("en", "claims", "facility_heads")
_DAMAGE_LEMMAS = word_set("en", "claims", "damage_lemmas")
_CONTENDING_LEMMAS = word_set("en", "claims", "contending_lemmas") | word_set("en", "claims", "speaking_lemmas")
_ACCUSATION_PREPOSITIONS = word_set("en", "claims", "accusation_prepositions")
_OPERATION_NOUNS = word_set("en", "claims", "operation_nouns")
_WORSENING_LEMMAS = word_set("en", "claims", "worsening_lemmas")
_REPETITION_NOUNS = word_set("en", "claims", "repetition_nouns")
_RESPONSIBILITY_NOUNS = word_set("en", "claims", "responsibility_nouns")
_SHARE_PLACE_NOUNS = word_set("en", "claims", "share_place_nouns")
_STATED_TOLL_NOUNS = word_set("en", "claims", "stated_toll_nouns")
_UPPER_BOUND_CUES = word_set("en", "claims", "upper_bound_cues")
_TOLL_CHANGES = word_set("en", "claims", "toll_changes")
_RESPONSIBILITY_TAKING = word_set("en", "claims", "responsibility_taking_lemmas")
_RESPONSIBILITY_DENYING = word_set("en", "claims", "responsibility_denying_lemmas")
_NOBODY = word_set("en", "claims", "nobody_words")
_RESPONSIBILITY_ADJECTIVES = word_set("en", "claims", "responsibility_adjectives")
_CASUALTY_NOUNS = word_set("en", "claims", "casualty_nouns")
_CASUALTY_LEMMAS = word_set("en", "claims", "casualty_lemmas")
_EVIDENCE_NOUNS = word_set("en", "claims", "evidence_nouns")
_PERIOD_OF_ATTACKS = word_set("en", "claims", "period_of_attacks_lengths")
_LONG_PERIODS = word_set("en", "claims", "long_period_lengths")
_LIFE_UNITS = word_set("en", "claims", "life_units")
_LIFE_TAKING_LEMMAS = word_set("en", "claims", "life_taking_lemmas")
_SIEGE_LEMMAS = word_set("en", "claims", "siege_lemmas")
_DWELLING_LEMMAS = word_set("en", "claims", "dwelling_lemmas")
_REFUGEE_HEADS = word_set("en", "claims", "refugee_heads")
_REFUGEE_COMPLEMENTS = word_set("en", "claims", "refugee_complements")


def _target_of(sentence: SpacySpan, quantity: Quantity) -> str | None:
    """ "dozens of air raids on the border districts" -> "the border districts": what the counted phrase, or the verb
    it is the object of, is "on", "at" or "against"."""
    if quantity.span is None:
        return None
    phrase = sentence.doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
    if phrase is None:
        return None
    for holder in [*phrase, phrase.root.head]:
        for prep in holder.children:
            if prep.dep_ in DEP.preposition and prep.lower_ in _TARGET_PREPOSITIONS:
                objects = [c for c in prep.children if c.dep_ in DEP.prepositional_object]
                if objects:
                    return " ".join(t.text for t in objects[0].subtree)
    return None


def _period_start(sentence: SpacySpan, published: dt.date | None, doc: str) -> dt.date | None:
    """When the sentence's period begins: "since 10 May", "over the past week", "the war, which began in April
    2023"."""
    text, offset = span_text(sentence), sentence.start_char
    starts = [s for s in find_period_starts(text, published, doc, offset) if not _dates_a_relative_clause(sentence, s)]
    if starts:
        return starts[0].start
    for interval in find_dates(text, published, doc, offset):
        if interval.span is None:
            continue
        before = text[: interval.span.start - offset]
        phrase = before[-20:] + interval.span.text
        if _period_pattern().search(phrase) or _starts_a_conflict(sentence, interval.span.start):
            return interval.start
    return None


def _dates_a_relative_clause(sentence: SpacySpan, start: DateInterval) -> bool:
    """period_of_another_noun: a "since" date inside a relative clause dates what that clause tells of its noun
    ("in the district, which has been besieged since 2013"), not the sentence's count, unless the clause tells
    when a conflict began (:func:`_starts_a_conflict`)."""
    if start.span is None or _starts_a_conflict(sentence, start.span.start):
        return False
    token = next((t for t in span_tokens(sentence) if t.idx >= start.span.start), None)
    return token is not None and any(a.dep_ in DEP.relative_clause for a in [token, *token.ancestors])


def _starts_a_conflict(sentence: SpacySpan, char: int) -> bool:
    """The date is where a conflict began: "the war, which began in April 2023"."""
    words = _claim_words()
    token = next((t for t in span_tokens(sentence) if t.idx >= char), None)
    return token is not None and any(
        a.lemma_.lower() in words["conflict_start_lemmas"] and a.head.lemma_.lower() in words["ongoing_conflict_nouns"]
        for a in token.ancestors
    )


def _war_scale(quantity: Quantity) -> bool:
    """war_scale_toll: a casualty figure of at least ``war_scale_toll_min`` counts more dead than any one attack
    does ("an estimated 150,000 people have been killed and millions displaced", with no period named): it is a
    running total of a war or a campaign, whatever else the sentence says."""
    least = next((v for v in (quantity.low, quantity.best, quantity.high) if v is not None), None)
    return least is not None and least >= int(load_yaml("claims.yaml")["war_scale_toll_min"])


def _ongoing_conflict_toll(sentence: SpacySpan) -> bool:
    """ "The war has killed tens of thousands", "the conflict has claimed more than 3,000 lives": a conflict as
    the subject of a perfect-tense verb is a running total."""
    words = _claim_words()
    conflicts = words["ongoing_conflict_nouns"]
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or not any(
            c.dep_ in DEP.auxiliary and c.lemma_.lower() == "have" for c in verb.children
        ):
            continue
        if any(c.dep_ in DEP.subject and c.lemma_.lower() in conflicts for c in verb.children):
            return True
        # "the five-year conflict which has killed more than 280,000 people"
        if verb.dep_ in DEP.relative_clause and verb.head.lemma_.lower() in conflicts:
            return True
        # "more than 170,000 people have been killed in Syria's civil war" (a war, not a day's fighting)
        if any(
            c.dep_ in DEP.preposition
            and c.lower_ in _PERIOD_PREPOSITIONS
            and any(o.dep_ in DEP.prepositional_object and o.lemma_.lower() in words["war_nouns"] for o in c.children)
            for c in verb.children
        ):
            return True
    return False


def _campaign_toll(sentence: SpacySpan) -> bool:
    """campaign_toll: "the strikes have killed 122 civilians", "at least 300 people have been killed in clashes in
    the province": acts counted in the plural as the doer (or, in the passive, the "in"/"by" phrase) of a
    perfect-tense casualty verb add up their dead over a stretch of time, a running total, unless the sentence puts
    them on one day ("air strikes have killed 12 people on Tuesday" is that day's incident)."""
    if _ONE_DAY.search(span_text(sentence)):
        return False
    acts = {head for head, what in _tally_heads().items() if what in {"attacks", "clashes"}}
    for verb in span_tokens(sentence):
        if verb.pos_ not in POS.verb or verb.lemma_.lower() not in _CASUALTY_LEMMAS | _LIFE_TAKING_LEMMAS:
            continue
        if not any(c.dep_ in DEP.auxiliary and c.lemma_.lower() == "have" for c in verb.children):
            continue
        doers = [c for c in verb.children if c.dep_ in DEP.subject]
        doers += [
            o
            for c in verb.children
            if c.dep_ in DEP.preposition | DEP.agent and c.lower_ in _ACT_PREPOSITIONS
            for o in c.children
            if o.dep_ in DEP.prepositional_object
        ]
        if any(d.lower_ in acts and d.tag_ in TAG.plural_noun for d in doers):
            return True
    return False


_ACT_PREPOSITIONS = word_set("en", "claims", "act_prepositions")
_ONE_DAY = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(word_set("en", "claims", "one_day_words"), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def _troop_figures_missed(quantities: list[Quantity], sentence: SpacySpan, doc: str) -> list[Quantity]:
    """Troop figures the quantity finder did not read ("about 2,000 U.S. troops" with the dotted "U.S."):
    a number in the parse on a troop noun whose verb deploys, stations or has them."""
    words = _claim_words()
    verbs = words["stationing_lemmas"] | {"have"}
    covered = [(q.span.start, q.span.end) for q in quantities if q.span is not None]
    found: list[Quantity] = []
    for noun in span_tokens(sentence):
        if noun.lower_ not in words["troop_units"] or noun.head.lemma_.lower() not in verbs:
            continue
        number = next((c for c in noun.children if c.dep_ in DEP.numeric_modifier), None)
        if number is None or any(start <= number.idx < end for start, end in covered):
            continue
        start = number.left_edge.idx
        amount = _slice(sentence, start, number.idx + len(number.text))
        bounds = parse_amount(amount)
        if bounds is None:
            continue
        end = noun.idx + len(noun.text)
        span = Span(doc, start, end, _slice(sentence, start, end))
        found.append(Quantity(noun.lower_, *bounds, span=span, kind="troops"))
    return found


def _territory_claims(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "its troops hold more than 400 square kilometres of the province": territory held or taken.

    The quantity finder leaves areas out (they are measures, not counted things), so they are read here.
    """
    words = _claim_words()
    if not lower_lemmas(sentence) & words["territory_lemmas"]:
        return []
    text = span_text(sentence)
    claims: list[Claim] = []
    for match in AMOUNT.finditer(text):
        unit = _area_pattern().match(text, match.end())
        bounds = parse_amount(match.group(0)) if unit else None
        if unit is None or bounds is None:
            continue
        start, end = sentence.start_char + match.start(), sentence.start_char + unit.end()
        span = Span(context.doc, start, end, _slice(sentence, start, end))
        quantity = Quantity(unit.group(1).lower(), *bounds, span=span, kind="area")
        claims.append(_figure_claim(context, quantity, "territory held", "territory"))
    return claims


_PERCENT = re.compile(r"(?<=\d)\s*(?:%|per\s*cent|percent)\s+of\b", re.IGNORECASE)


@functools.cache
def _area_pattern() -> re.Pattern[str]:
    """An area unit right after a figure: "1,250 square kilometres"."""
    units = sorted(_claim_words()["area_units"], key=len, reverse=True)
    alternation = "|".join(re.escape(u).replace("\\ ", "\\s+") for u in units)
    return re.compile(rf"\s*({alternation})\b", re.IGNORECASE)


def _amount_before(text: str, end: int) -> tuple[int, tuple[int | None, int | None, int | None]] | None:
    """The figure, with its qualifier, that ends at ``end``: "around 60" in "left around 60%". The quantity
    finder does not read percentages, so the longest qualified amount that parses is taken."""
    number = re.search(r"\d+(?:\.\d+)?$", text[:end])
    if number is None:
        return None
    words = list(re.finditer(r"\S+\s+", text[max(0, number.start() - 30) : number.start()]))
    base = max(0, number.start() - 30)
    for word in words:  # longest first
        start = base + word.start()
        bounds = parse_amount(text[start:end])
        if bounds is not None:
            return start, bounds
    bounds = parse_amount(number.group(0))
    return (number.start(), bounds) if bounds is not None else None


def _share_claims(context: SentenceContext, sentence: SpacySpan) -> list[Claim]:
    """ "around 60% of the district under evacuation orders", "controls about 40% of the province": a share of a place.

    Bounds are percentages (low/best/high of "around 86%" are 77/86/95, as for any approximate figure).
    """
    words = _claim_words()
    text = span_text(sentence)
    lowered = text.lower()
    if _cue_pattern("share_cues").search(lowered) is None:
        return []
    cue = next((c for c in sorted(words["share_cues"], key=len, reverse=True) if _has_phrase(lowered, c)), None)
    if cue is None:
        return []
    claims: list[Claim] = []
    for percent in _PERCENT.finditer(text):
        amount = _amount_before(text, percent.start())
        if amount is None:
            continue
        amount_start, bounds = amount
        of_what = re.match(r"\s*(?:the\s+)?((?:[A-Z][\w'’-]*\s*)+)", text[percent.end() :])
        generic = re.match(r"\s*the\s+(\w+)\b", text[percent.end() :])
        if of_what is not None:
            place = of_what.group(1).strip()
        elif generic is not None and generic.group(1).lower() in _SHARE_PLACE_NOUNS:
            # "90 percent of the city": the sentence's place, else one compared only within its article
            place = context.scope or f"the {generic.group(1).lower()} @{context.doc}"
        else:
            continue  # "70% of residents": a share of people, not of a place
        start = sentence.start_char + amount_start
        end = sentence.start_char + percent.end() - len("of")
        span = Span(context.doc, start, end, _slice(sentence, start, end))
        quantity = Quantity("percent", *bounds, span=span, kind="share")
        shown = place.split(" @")[0]
        claims.append(
            _claim(
                replace(context, scope=shown),
                _claim_id(context, start),
                f"share of {shown} {cue}",
                quantity,
                span,
                f"share:{cue}:{place.lower()}",
            )
        )
    return claims


def _planned_figures(
    context: SentenceContext, quantities: list[Quantity], sentence: SpacySpan
) -> list[tuple[Claim, Quantity]]:
    """ "The first phase will see 33 hostages freed", "agreed to withdraw its roughly 2,000 troops": a figure that
    is the object or subject of a reported future or intended action is a planned figure, not a fact."""
    words = _claim_words()
    found: list[tuple[Claim, Quantity]] = []
    for quantity in quantities:
        if base_kind(quantity.kind) in words["not_planned_kinds"]:
            continue
        noun = _token_of(sentence, quantity)
        if noun is None or noun.dep_ not in DEP.direct_object | DEP.subject | DEP.passive_subject:
            continue
        verb = noun.head
        committed = words["intention_lemmas"] | words["commitment_lemmas"]
        intended = verb.dep_ in DEP.open_complement and verb.head.lemma_.lower() in committed
        if not (_reported_future(verb, sentence) or intended):
            continue
        action = next(
            (c for c in noun.children if c.dep_ in DEP.clausal_modifier | DEP.relative_clause and c.pos_ in POS.verb),
            None,
        )
        subject = f"{quantity.unit} {action.text}" if action is not None else f"{verb.lemma_.lower()} {quantity.unit}"
        anchor = quantity.span.start if quantity.span else context.sentence.start
        claim = _claim(
            replace(context, modality="planned"),
            _claim_id(context, anchor),
            subject,
            quantity,
            quantity.span or context.sentence,
            f"plan:{subject.lower()}",
        )
        found.append((claim, quantity))
    return found


def _rejected_figures(context: SentenceContext, figures: list[Claim], sentence: SpacySpan) -> list[Claim]:
    """ "at least 13 protesters were killed, a figure the police rejected as false": the rejection is a denied
    claim about the same figure, by whoever rejects it, so the two are shown side by side."""
    words = _claim_words()
    counted = [c for c in figures if c.quantity is not None and c.modality != "planned"]
    if not counted:
        return []
    claims: list[Claim] = []
    for noun in span_tokens(sentence):
        if noun.lower_ not in words["figure_nouns"]:
            continue
        verb = next(
            (
                c
                for c in noun.children
                if c.dep_ in DEP.relative_clause | DEP.clausal_modifier and c.lemma_.lower() in words["denial_lemmas"]
            ),
            None,
        )
        if verb is None:
            continue
        denier = next(
            (c for c in verb.children if c.dep_ in DEP.subject and c.pos_ in POS.noun | POS.proper_noun), None
        )
        figure = max(
            (c for c in counted if c.evidence and c.evidence.start < noun.idx),
            key=lambda c: c.evidence.start if c.evidence else 0,
            default=counted[0],
        )
        chain = context.chain
        if denier is not None:
            who = " ".join(t.text for t in denier.subtree if t.dep_ not in DEP.determiner)
            kind: SourceKind = "person" if denier.ent_type_ in ENT.person else "official"
            publisher = [s for s in chain.sources if s.kind in {"outlet", "publisher"}][-1:]
            chain = AttributionChain([Source(who, kind, _token_span(context.doc, denier)), *publisher])
        claims.append(
            replace(
                figure,
                id=_claim_id(context, verb.idx),
                quantity=None,
                modality="denied",
                chain=chain,
                evidence=_token_span(context.doc, verb),
            )
        )
    return claims


def _token_span(doc: str, token: Token) -> Span:
    return Span(doc, token.idx, token.idx + len(token.text), token.text)


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
        id=claim_id,
        doc=context.doc,
        subject=subject,
        scope=context.scope,
        quantity=quantity,
        sentence=context.sentence,
        period_start=period_start,
        chain=context.chain,
        modality=context.modality,
        framing=context.framing,
        evidence=evidence,
        topic=topic,
    )


def _denial_at(context: SentenceContext, token: Token, subject: str, topic: str) -> Claim:
    """A denial told at ``token`` (its id and evidence are the token's): the sentence's context, said as denied."""
    return _claim(
        replace(context, modality="denied"),
        _claim_id(context, token.idx),
        subject,
        None,
        _token_span(context.doc, token),
        topic,
    )


def _mention_context(mention: Mention, scope: str | None) -> SentenceContext:
    return SentenceContext(mention.doc, mention.sentence, mention.chain, mention.modality, mention.framing, scope)


def _mention_claim_id(mention: Mention) -> str:
    return mention.id.replace("m_", "c_", 1)


def _claim_id(context: SentenceContext, anchor: int, rule: str = "") -> str:
    """A claim's id from its sentence and the word it is anchored at; ``rule`` sets a rule's claims apart from the
    others at that word."""
    key = f"{context.doc}:{context.sentence.start}:{anchor}" + (f":{rule}" if rule else "")
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
    lemmas = lower_lemmas(sentence)
    over_a_period = _period_pattern().search(span_text(sentence)) is not None
    for quantity in quantities + _troop_figures_missed(quantities, sentence, mention.doc):
        if quantity.kind not in {"count", "troops"}:  # casualty figures belong to the event
            continue
        unit = quantity.unit.lower()
        # "100 times" is always a tally; "12 attacks", "dozens of air raids" only over a period.
        what = _tally_of(unit, over_a_period)
        if what is not None and quantity.kind == "count":
            written_target = _target_of(sentence, quantity)
            target = _actor(mention, "actor2") or written_target or "unspecified target"
            noun = "attacks" if what == "attacks" else unit
            return _claim(
                _mention_context(mention, _scope_text(mention) or written_target),
                _mention_claim_id(mention),
                f"{noun} on {target}",
                quantity,
                quantity.span or mention.sentence,
                _tally_topic(what, target),
                _period_start(sentence, published, mention.doc),
            )
        if unit.split()[-1] in words["troop_units"] and lemmas & words["stationing_lemmas"]:
            holder = _actor(mention, "actor1") or _actor(mention, "actor2") or "unspecified forces"
            place = mention.places[0].text if mention.places else None
            # Keyed by place, as figure_claims keys "has around 700 troops in the region", so both meet in the resolver.
            return _claim(
                _mention_context(mention, place),
                _mention_claim_id(mention),
                f"troops of {holder}" + (f" in {place}" if place else ""),
                quantity,
                quantity.span or mention.sentence,
                f"troop-level:{(place or '').lower()}",
            )
    return None


def _scope_text(mention: Mention) -> str | None:
    target = mention.actor("actor2")
    if target and target.span:
        return target.span.text
    return None


# The actor of an event claim whose report names nobody.
UNSPECIFIED_ACTOR = "unspecified actor"
# How every stand-in for a party the text does not name begins ("unspecified actor", "unspecified target",
# "unspecified forces"): a topic scoped by one names nothing particular.
UNSPECIFIED = "unspecified "


def claim_from_mention(mention: Mention) -> Claim:
    """An event that has not happened (planned, feared, hypothetical, denied) as a claim."""
    actor = _actor(mention, "actor1") or UNSPECIFIED_ACTOR
    action = mention.trigger.text.lower()
    place = mention.places[0].text if mention.places else None
    subject = f"{action} by {actor}" + (f" ({place})" if place else "")
    return _claim(
        _mention_context(mention, place),
        _mention_claim_id(mention),
        subject,
        None,
        mention.trigger,
        f"{mention.plover.lower()}:{actor}",
    )


def _slice(sentence: SpacySpan, start: int, end: int) -> str:
    """Document text between two offsets inside ``sentence``."""
    return span_text(sentence)[start - sentence.start_char : end - sentence.start_char]
