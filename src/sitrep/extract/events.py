"""Per sentence: event mentions and claims, each value with its span.

The sentence loop skips furniture (captions, links, comments) and the
headline, so no event, date or figure is taken from them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml, word_set
from sitrep.extract.actors import apply_conventions, assign_roles
from sitrep.extract.attribution import document_chains
from sitrep.extract.claims import (
    TALLY_TOPIC,
    SentenceContext,
    claim_from_mention,
    counted_claim,
    figure_claims,
    intention_claim,
    link_to_incidents,
    states_intention,
)
from sitrep.extract.date_offsets import (
    DateOffset,
    date_offsets,
    may_tell_an_offset,
    offset_date,
    tells_an_offset_from_the_last_date,
)
from sitrep.extract.dateline import Dateline, find_dateline
from sitrep.extract.dates import after_publication, find_dates, find_period_starts
from sitrep.extract.framing import find_framing
from sitrep.extract.modality import gives_an_account, modality_of
from sitrep.extract.places import place_mentions
from sitrep.extract.quantities import fatalities, find_quantities, non_violent_toll
from sitrep.extract.rules import Cascade
from sitrep.extract.triggers import (
    DEFINITE_DETERMINERS,
    VIOLENT_TYPES,
    TriggerMatch,
    classify,
    find_triggers,
    harms,
    one_sided_plover,
    ontology,
    part_of_a_harm,
)
from sitrep.model import (
    LOCATION_ROLE,
    AttributionChain,
    Claim,
    DateInterval,
    Document,
    FramingTerm,
    Mention,
    Modality,
    PlaceMention,
    Quantity,
    Span,
)
from sitrep.nlp.entities import entities_in
from sitrep.nlp.tokens import document_text, span_text, span_tokens

CROWD_TYPES = {"Protests", "Riots"}
# Modalities that describe something that has not happened: stored as claims, not events.
NOT_HAPPENED = {"planned", "feared", "hypothetical", "rumour"}
# A report with no date for an incident tells of the last few days: publication day and the days before it
# (ACLED's practice, and the gold's rule: "up to three days ending on the publication date").
APPROXIMATE_DAYS = int(load_yaml("dates.yaml")["undated_days_before"])


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    paragraph_of: dict[str, int] = field(default_factory=dict)  # mention id -> paragraph number
    dateline: Dateline | None = None


def extract_document(document: Document, parsed: SpacyDoc) -> Extraction:
    """All event mentions and claims of one parsed document."""
    result = Extraction()
    body: list[tuple[SpacySpan, int]] = []  # sentence, paragraph number
    sentences = list(parsed.sents)  # built once: ``Doc.sents`` makes new spans on every pass
    for number, paragraph in enumerate(document.paragraphs):
        if not (paragraph.is_furniture or paragraph.kind == "headline"):
            body.extend((s, number) for s in _sentences_in(sentences, paragraph.start, paragraph.end))
    if not body:
        # A headline with no article under it (a feed item, a wire alert) is the whole report: read it.
        for number, paragraph in enumerate(document.paragraphs):
            if paragraph.kind == "headline":
                body.extend((s, number) for s in _sentences_in(sentences, paragraph.start, paragraph.end))
    # Attribution carries across sentences ("..., the sources added"); dates only within a paragraph, but
    # "the same day" reaches back to the last date the report gave.
    chains = document_chains([s for s, _ in body], document.outlet, document.name)
    dateline = result.dateline = find_dateline(document)
    last_date: DateInterval | None = None
    last_given: DateInterval | None = None  # across paragraphs, for "the same day"
    last_paragraph = -1
    for (sentence, number), chain in zip(body, chains, strict=True):
        if number != last_paragraph:
            last_date, last_paragraph = None, number
        found = find_dates(span_text(sentence), document.published, document.name, sentence.start_char)
        stamped = any(is_publication_stamp(sentence, d, document.published) for d in found)
        found = [d for d in found if not is_publication_stamp(sentence, d, document.published)]
        # after_publication: "a vote due tomorrow" dates no act; the sentence is dated as if it gave no date.
        planned = [d for d in event_dates(sentence, found) if after_publication(d, document.published)]
        dates = [d for d in event_dates(sentence, found) if not after_publication(d, document.published)]
        if dateline is not None:  # "NIAMEY, June 27 (Reuters) -" is when the report was filed
            dates = [d for d in dates if d.span is None or d.span.start >= dateline.span.end]
        if not dates and last_given is not None and _dates_by_the_last_date(span_text(sentence)):
            dates = [last_given]
        anchor = None if dates else _offset_from(last_given, sentence)
        if anchor is not None:
            dates = [anchor]  # moved by the offset for the acts its phrase dates (extract_sentence)
        if not dates:
            dates = _up_to_the_statement(sentence, found)
        if not dates and stamped:
            dates = _stamped_days(document.published)
        if dates:
            last_date = dates[0] if dates[0].precision in _CARRIED_PRECISIONS else None
        elif planned:  # a sentence about what is to come ends the run of the date given before it
            last_date = None
        last_given = dates[0] if dates else planned[0] if planned else last_given
        before = len(result.mentions)
        # "The Taliban have been in power since August 2021": a long-running state, not an incident.
        over_a_period = not dates and any(
            _is_background(p, document.published)
            for p in find_period_starts(span_text(sentence), document.published, document.name, sentence.start_char)
        )
        carried = last_date or _since_last_date(last_given, document.published)
        extract_sentence(document, sentence, chain, dates or ([carried] if carried else []), result, over_a_period)
        result.paragraph_of.update((m.id, number) for m in result.mentions[before:])
    result.claims = link_to_incidents(result.mentions, result.claims)
    return result


def _stamped_days(published: dt.date | None) -> list[DateInterval]:
    """stamped_headline: a headline or lead whose only date is the report's stamp ("Raids kill 10 in camp Monitor
    AFP Wednesday 29") tells of the stamp's day or the days just before it (`stamped_days_before`), approximate."""
    if published is None:
        return []
    before = dt.timedelta(days=int(load_yaml("dates.yaml")["stamped_days_before"]))
    return [DateInterval(published - before, published, "approximate")]


def _dates_by_the_last_date(text: str) -> bool:
    """ "On the same evening", "later that day": the sentence takes the date the report gave last."""
    lowered = text.lower()
    return any(phrase in lowered for phrase in load_yaml("dates.yaml")["same_day_phrases"])


def _offset_from(last_given: DateInterval | None, sentence: SpacySpan) -> DateInterval | None:
    """ "Six had been killed the previous day", "troops returned three weeks later": a sentence dated by an offset
    from the day the report gave last (a day, not a vaguer date, which no offset makes exact)."""
    exact = last_given is not None and last_given.precision == "day"
    return last_given if exact and tells_an_offset_from_the_last_date(sentence) else None


def is_publication_stamp(sentence: SpacySpan, date: DateInterval, published: dt.date | None) -> bool:
    """ "Published October 26 2016 Air strikes ...", "Mon Oct 31 2016 Over 3 killed ...", "... Monitor AFP Sunday
    26 Nov 2017": a full date (day, month and year) of the publication day written with no preposition before it
    is the report's stamp, not the day of what the sentence tells ("on 26 November 2017" would be).
    split_stamp: where the sentence splitter cut a stamp in two ("... Monitor AFP Wednesday 29" | "Oct 2014
    Islamic State fighters attacked ..."), a weekday followed by the publication's day of the month ends a stamp,
    and a month and year of publication that open a sentence begin one."""
    if published is None or date.span is None:
        return False
    text = span_text(sentence)
    offset = date.span.start - sentence.start_char
    before = text[:offset].split()
    if date.precision == "month":
        return not before and date.start <= published <= date.end and bool(_YEAR.search(date.span.text))
    if date.precision != "day" or abs((date.start - published).days) > 1:
        return False
    day_after = _DAY_NUMBER.match(text[offset + len(date.span.text) :])
    if not (_YEAR.search(date.span.text) or (day_after and int(day_after.group(1)) == published.day)):
        return False
    while before and before[-1].strip(",.").lower() in _WEEKDAY_WORDS:
        before.pop()
    return not before or before[-1].strip(",.").lower() not in _STAMP_BREAKING_WORDS


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DAY_NUMBER = re.compile(r"\s+(\d{1,2})\b")
_CARRIED_PRECISIONS = frozenset(load_yaml("dates.yaml")["carried_precisions"])
_WEEKDAY_WORDS = word_set("en", "dates", "weekday_words")
_STAMP_BREAKING_WORDS = word_set("en", "dates", "words_before_an_event_date")


def event_dates(sentence: SpacySpan, found: list[DateInterval]) -> list[DateInterval]:
    """The dates ``found`` in the sentence, without the day a statement was made ("sources told X on 29 April")
    and without "the same day", which is not the publication day but the date the report gave last."""
    return [
        d
        for d in found
        if d.span is None
        or not (_dates_a_statement(sentence, d.span.start, d.span.end) or _dates_by_the_last_date(d.span.text))
    ]


def _up_to_the_statement(sentence: SpacySpan, found: list[DateInterval]) -> list[DateInterval]:
    """A sentence dated only by when something was said ("said on Sunday it had regained control"): what it
    tells happened that day or a little before."""
    lead = dt.timedelta(days=int(load_yaml("dates.yaml")["statement_lead_days"]))
    return [
        DateInterval(d.start - lead, d.end, "approximate", d.span)
        for d in found
        if d.span is not None
        and d.precision == "day"
        and _dates_a_statement(sentence, d.span.start, d.span.end, main_clause_only=True)
    ][:1]


def _dates_a_statement(sentence: SpacySpan, start: int, end: int, main_clause_only: bool = False) -> bool:
    """The date says when something was said; with ``main_clause_only``, by the sentence's main verb (not "the
    defection of a commander, who announced on October 20 ...")."""
    phrase = sentence.doc.char_span(start, end, alignment_mode="expand")
    if phrase is None:
        return False
    verb = _reporting_verb_before(phrase) or next((t for t in phrase.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    # "airstrikes were reported on the town on 7 June": a passive report dates the event, not a statement.
    passive = verb is not None and any(c.dep_ == "auxpass" for c in verb.children)
    if main_clause_only and (verb is None or verb.dep_ != "ROOT"):
        return False
    return verb is not None and verb.lemma_.lower() in _REPORTING_VERBS and not passive


def _reporting_verb_before(phrase: SpacySpan) -> Token | None:
    """ "said on Monday it had ...": a date right after a reporting verb dates the statement, however the small
    model attaches it."""
    doc = phrase.doc
    before = phrase.start - 1
    if before >= 0 and doc[before].lower_ in _DATE_LEAD_WORDS:
        before -= 1
    if before < 0 or doc[before].lemma_.lower() not in _REPORTING_VERBS or doc[before].pos_ not in {"VERB", "AUX"}:
        return None
    return doc[before]


_REPORTING_VERBS = word_set("en", "events", "reporting_verbs")
_DATE_LEAD_WORDS = word_set("en", "events", "date_lead_words")


def _sentences_in(sentences: list[SpacySpan], start: int, end: int) -> list[SpacySpan]:
    return [s for s in sentences if s.start_char < end and s.end_char > start and span_text(s).strip()]


@dataclass
class _SentenceYield:
    """What one sentence yields while its rules run: its claims and event mentions, and what it says of them
    as a whole (a tally, a running toll, a period)."""

    document: Document
    sentence: SpacySpan
    text: str
    context: SentenceContext
    quantities: list[Quantity]
    claims: list[Claim]
    running_toll: bool
    over_a_period: bool
    tally: bool = False
    mentions: list[Mention] = field(default_factory=list)
    toll_only: set[int] = field(default_factory=set)  # ids of mentions whose trigger is only a casualty word
    raises_the_toll: set[int] = field(default_factory=set)  # ... of those, the ones whose clause raises a toll


# True: the mention is placed, later rules do not run
MentionRule = Callable[[_SentenceYield, Mention, TriggerMatch], bool]
SentenceRule = Callable[[_SentenceYield], None]
MENTION_ROUTES = Cascade[MentionRule]("events.mention_routes")
SENTENCE_YIELD = Cascade[SentenceRule]("events.sentence_yield")


@MENTION_ROUTES.register("counted_figure")
def counted_figure(found: _SentenceYield, mention: Mention, match: TriggerMatch) -> bool:
    """An event told by the figure counting it ("rebels have attacked the town more than 30 times since March") is
    a claim of that figure, in place of the figure's own claim; a count of attacks makes the sentence a tally."""
    if _counted_within_a_day(found.text):
        return False
    counted = counted_claim(mention, found.quantities, found.sentence, found.document.published)
    if counted is None:
        return False
    counted_span = counted.quantity.span if counted.quantity else None
    found.claims = [c for c in found.claims if c.quantity is None or c.quantity.span != counted_span]
    found.claims.append(counted)
    found.tally = found.tally or counted.topic.startswith(TALLY_TOPIC)
    return True


def _counted_within_a_day(text: str) -> bool:
    """one_days_strikes: acts counted within one day ("more than 40 raids on the countryside during the last 24
    hours", "20 shells on the district since this morning") are that day's incident, told by its size: ACLED and
    UCDP code the strikes of one day on one area as one event, not a tally over a period."""
    return _WITHIN_A_DAY.search(text) is not None


_WITHIN_A_DAY = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p) for p in sorted(word_set("en", "events", "within_a_day_phrases"), key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


@MENTION_ROUTES.register("account_of_an_incident")
def account_of_an_incident(found: _SentenceYield, mention: Mention, match: TriggerMatch) -> bool:
    """An incident a speaker gives an account of ("denied losing the post, saying its men had repelled the
    raid") is the speaker's claim, not a new event."""
    if not gives_an_account(found.sentence, match.token):
        return False
    found.claims.append(_counter_claim(mention))
    return True


@MENTION_ROUTES.register("not_happened")
def not_happened(found: _SentenceYield, mention: Mention, match: TriggerMatch) -> bool:
    """What did not happen (a threat, a plan, a hypothetical), or a denied non-violent act, is a claim, not an
    event ("the rebels threatened to attack the town")."""
    if not (
        mention.modality in NOT_HAPPENED or (mention.modality == "denied" and mention.event_type not in VIOLENT_TYPES)
    ):
        return False
    found.claims.append(claim_from_mention(mention))
    return True


@MENTION_ROUTES.register("event_mention")
def event_mention(found: _SentenceYield, mention: Mention, match: TriggerMatch) -> bool:
    """Anything else is an event mention ("gunmen attacked the market")."""
    found.mentions.append(mention)
    if match.rule.weak:
        found.toll_only.add(id(mention))
        if raises_a_toll(match.token):
            found.raises_the_toll.add(id(mention))
    return True


def raises_a_toll(trigger: Token) -> bool:
    """The casualty word raises a running toll ("the killing of 8 fighters raises to 44 the number of dead"), or
    its clause (its own, or that of the verb it is the subject of: "a massacre kills 16") goes on to: "kills 16
    and raises the death toll to 193 in 27 days", "killing five, bringing the toll to 60 since March"."""
    if trigger.dep_ in _SUBJECTS and trigger.head.lemma_.lower() in _TOLL_RAISING_VERBS:
        return True
    clauses = [trigger, trigger.head] if trigger.dep_ in _SUBJECTS else [trigger]
    if any(
        c.dep_ in {"conj", "advcl"} and c.lemma_.lower() in _TOLL_RAISING_VERBS and c.i > trigger.i
        for clause in clauses
        for c in clause.children
    ):
        return True
    # main_verb_raises_the_toll: when the casualty verb is the sentence's main verb, a toll-raising verb conjoined
    # later goes on from it, whichever verb of an aside the parser hangs it on ("kills 14 civilians - half of them
    # children - and raises the toll to 82")
    return trigger.dep_ == "ROOT" and any(
        t.i > trigger.i and t.dep_ in {"conj", "advcl"} and t.lemma_.lower() in _TOLL_RAISING_VERBS
        for t in trigger.sent
    )


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


_TOLL_RAISING_VERBS = word_set("en", "events", "toll_raising_verbs")


@SENTENCE_YIELD.register("tally_or_period")
def tally_or_period(found: _SentenceYield) -> None:
    """A tally ("attacked more than 30 times since March") or a sentence over a period tells no one incident:
    its mentions are dropped."""
    if found.tally or found.over_a_period:
        found.mentions = []


@SENTENCE_YIELD.register("running_toll")
def running_toll(found: _SentenceYield) -> None:
    """In a running toll ("80 people have been killed since the truce ended") a mere casualty word is no
    incident; a clash told beside it still is. new_deaths_raise_the_toll: when nothing else is told, deaths whose
    clause goes on to raise the toll (`raises_a_toll`: "a massacre kills 16 and raises the death toll to 193 in 27
    days") are the new incident beside the total."""
    if found.running_toll:
        kept = [m for m in found.mentions if id(m) not in found.toll_only]
        found.mentions = kept or [m for m in found.mentions if id(m) in found.raises_the_toll]


@SENTENCE_YIELD.register("background_dates")
def background_dates(found: _SentenceYield) -> None:
    """An event dated long before the report ("in March 2009") is background, not news."""
    found.mentions = [m for m in found.mentions if not _is_background(m.date, found.document.published)]


@SENTENCE_YIELD.register("one_crowd_event")
def one_crowd_event(found: _SentenceYield) -> None:
    """A sentence about a crowd reports one crowd event (`_one_crowd_event`)."""
    found.mentions = _one_crowd_event(found.mentions, found.text)


@SENTENCE_YIELD.register("deaths_to_the_violence")
def deaths_to_the_violence(found: _SentenceYield) -> None:
    """The dead belong to the violent event, not to an interception or arrest beside it (`_deaths_to_the_violence`)."""
    _deaths_to_the_violence(found.mentions)


@SENTENCE_YIELD.register("intention_if_nothing")
def intention_if_nothing(found: _SentenceYield) -> None:
    """A sentence with no event and no claim may still state an intention ("the governor vowed to rebuild the
    bridge", when no other claim was taken of it): its claim."""
    if not found.mentions and not found.claims:
        claim = intention_claim(found.context, found.sentence)
        found.claims = [claim] if claim is not None else []


def extract_sentence(
    document: Document,
    sentence: SpacySpan,
    chain: AttributionChain,
    dates: list[DateInterval],
    result: Extraction,
    over_a_period: bool = False,
) -> None:
    """The event mentions and claims of one sentence: each trigger's mention goes where the first rule of
    `events.mention_routes` that applies puts it; then every rule of `events.sentence_yield` runs, in order."""
    text = span_text(sentence)
    offsets = date_offsets(sentence) if may_tell_an_offset(text) else []
    matches = _distinct_events(find_triggers(sentence), sentence, offsets)
    doc_name = document.name
    quantities = find_quantities(text, doc_name, sentence.start_char)
    if not matches and not quantities and not states_intention(sentence):
        return
    entity_ranges = [
        (e.start_char, e.end_char) for e in entities_in(sentence) if e.label_ in {"ORG", "PERSON", "NORP", "GPE", "FAC"}
    ]
    framing = find_framing(text, doc_name, sentence.start_char, exclude=entity_ranges)
    # The dateline ("PORT SUDAN (AFP) -") says where the report was filed, not where the event was.
    places = place_mentions(sentence, doc_name, not_in=result.dateline.span if result.dateline else None)
    sentence_span = Span(doc_name, sentence.start_char, sentence.end_char, text)
    context = SentenceContext(
        doc_name,
        sentence_span,
        chain,
        modality_of(sentence, sentence.root),
        framing,
        next((p.text for p in places if p.role == LOCATION_ROLE), None),
        document.published,
    )
    claims, toll = figure_claims(context, quantities, sentence)
    found = _SentenceYield(document, sentence, text, context, quantities, claims, toll, over_a_period)
    victims = _victims(sentence)
    routes = MENTION_ROUTES.rules()
    for match in matches:
        offset = offset_date(match.token, offsets, dates)
        own_dates = [offset] if offset is not None else dates
        mention = _mention(document, sentence, match, quantities, places, framing, chain, own_dates, victims)
        for route in routes:
            if route(found, mention, match):
                break
    for rule in SENTENCE_YIELD.rules():
        rule(found)
    result.mentions.extend(found.mentions)
    result.claims.extend(found.claims)


def _counter_claim(mention: Mention) -> Claim:
    """What a speaker says of an incident already told ("denied losing the facility, saying its fighters had
    repelled the attack and killed dozens of soldiers"): the speaker's account, with its figure, as asserted."""
    return replace(claim_from_mention(mention), quantity=mention.fatalities, modality="asserted")


# Figures of people harmed, which an interception or arrest told beside a violent event does not carry.
HARM_KINDS = frozenset({"killed", "wounded", "casualties"})


def _deaths_to_the_violence(mentions: list[Mention]) -> None:
    """ "Two soldiers were killed, but most of the missiles were shot down": the dead belong to the strike the
    sentence reports, not to the interception beside it."""
    if any(m.fatalities for m in mentions if m.event_type in VIOLENT_TYPES):
        for mention in mentions:
            if mention.event_type == "Strategic developments":
                mention.fatalities = None
                mention.quantities = [q for q in mention.quantities if q.kind not in HARM_KINDS]


# Protest sub-types from least to most serious; a sentence's crowd event takes the most serious it reports.
_CROWD_SEVERITY = (
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
)


def _one_crowd_event(mentions: list[Mention], text: str) -> list[Mention]:
    """A sentence about a crowd reports one crowd event: its burning and looting, the arrests and the shooting or
    killing by those who policed it (with no weapon of war named), are part of it, not events of their own."""
    crowd = [m for m in mentions if m.event_type in CROWD_TYPES]
    if not crowd:
        return mentions
    armed = any(pattern.search(text) for _, pattern in ontology().instruments)
    lead = max(
        crowd,
        key=lambda m: (
            m.event_type == "Riots",
            _CROWD_SEVERITY.index(m.sub_event_type) if m.sub_event_type in _CROWD_SEVERITY else 0,
        ),
    )
    part_of_it = {
        id(m)
        for m in mentions
        if m is not lead
        and (
            m.event_type in CROWD_TYPES
            or m.sub_event_type in {"Looting/property destruction", "Arrests"}
            or (m.event_type in {"Violence against civilians", "Explosions/Remote violence"} and not armed)
        )
    }
    return [m for m in mentions if id(m) not in part_of_it]


def _is_background(date: DateInterval | None, published: dt.date | None) -> bool:
    """A date long before the report's is context ("in December 2017"), not news of an event."""
    if date is None or published is None:
        return False
    return (published - date.end).days > int(load_yaml("dates.yaml")["background_after_days"])


def _mention(
    document: Document,
    sentence: SpacySpan,
    match: TriggerMatch,
    quantities: list[Quantity],
    places: list[PlaceMention],
    framing: list[FramingTerm],
    chain: AttributionChain,
    dates: list[DateInterval],
    victims: list[SpacySpan],
) -> Mention:
    """One event mention for one trigger, with every value's span."""
    doc_name = document.name
    token = match.token
    roles = assign_roles(token, sentence, doc_name, violent=harms(match.rule))
    targets = [r.span.text for r in roles if r.role == "actor2" and r.span]
    target_text = " ".join([*targets, _target_text(token), *(v.text for v in victims)])
    actor1 = next((r for r in roles if r.role == "actor1"), None)
    kind = classify(match, sentence, target_text, actor1.actor_type if actor1 else None)
    if kind.event_type not in VIOLENT_TYPES:
        roles = [r for r in roles if r.name != "Unidentified Armed Group"]
    roles = apply_conventions(roles, kind.event_type, victims, doc_name)
    plover = one_sided_plover(kind.plover, " ".join(r.name for r in roles if r.role == "actor2"), kind.event_type)
    sentence_span = Span(doc_name, sentence.start_char, sentence.end_char, span_text(sentence))
    return Mention(
        id=_mention_id(document, sentence.start_char, token.idx),
        doc=doc_name,
        sentence=sentence_span,
        trigger=Span(doc_name, token.idx, token.idx + len(token.text), token.text),
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        plover=plover,
        actors=roles,
        date=_event_date(dates, document.published),
        places=list(places),
        quantities=list(quantities),  # counts and casualty figures, each with its kind
        fatalities=fatalities(quantities, document_text(sentence.doc), token.idx)
        if kind.event_type in VIOLENT_TYPES
        else non_violent_toll(kind.sub_event_type, quantities),
        chain=chain,
        modality=_modality(sentence, token),
        framing=framing,
        evidence=sentence_span,
        confidence=kind.confidence,
        restates=_is_definite_description(token) or _by_known_hands(token),
    )


def _modality(sentence: SpacySpan, token: Token) -> Modality:
    """The trigger's modality (`modality_of`), but past_act_in_a_clause_of_time: "threatened to shoot down any jet
    after Turkish jets raided villages", "vowed revenge after gunmen attacked the convoy": an act told in the past
    tense as what came before another is told as done, whatever the main verb plans or fears."""
    modality = modality_of(sentence, token)
    if modality in NOT_HAPPENED and _past_act_before_another(token):
        return "asserted"
    return modality


def _past_act_before_another(token: Token) -> bool:
    return (
        token.tag_ == "VBD"
        and token.dep_ in _TIME_CLAUSES
        and any(c.dep_ == "mark" and c.lower_ in _PAST_SEQUENCE_MARKS for c in token.children)
    )


_DEFINITE = DEFINITE_DETERMINERS | word_set("en", "events", "possessive_determiners")


def _is_definite_description(token: Token) -> bool:
    """ "the strike", "these raids", "its attack", "the group's operation": an incident named as already known."""
    return token.pos_ == "NOUN" and any(
        (c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"})
        for c in token.children
    )


def _by_known_hands(token: Token) -> bool:
    """ "The drone fired two missiles at the car", "The assailants also set fire to 20 houses": the weapon or the
    attackers of an incident already told, named as known, go on telling that incident."""
    onto = ontology()
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and any(d.dep_ == "det" and d.lower_ in DEFINITE_DETERMINERS for d in c.children)
        and (onto.perpetrator_cues.fullmatch(c.text) or any(p.fullmatch(c.text) for _, p in onto.instruments))
        for c in token.children
    )


def _distinct_events(
    matches: list[TriggerMatch], sentence: SpacySpan, offsets: list[DateOffset] | None = None
) -> list[TriggerMatch]:
    """One trigger per event: a trigger inside another trigger's phrase or clause describes the same event.

    "attacked with rockets" and "an attack that killed three soldiers" are one event each; "following an
    attack ..., the IRI suspended attacks" is two (different types, different clauses); dated_apart: "drove the
    troops out on April 1 but they returned three weeks later, recapturing the town" is two (an offset phrase dates
    one clause apart from the other, `date_offsets`).
    """
    kept: list[TriggerMatch] = []
    for match in matches:
        same = next((k for k in kept if _same_event(k, match) and not _dated_apart(k, match, offsets or [])), None)
        if same is None:
            kept.append(match)
        elif harms(match.rule) and not harms(same.rule):
            kept[kept.index(same)] = match  # "rounded up men ... and shot them": the shooting says what it was
    return kept


def _dated_apart(a: TriggerMatch, b: TriggerMatch, offsets: list[DateOffset]) -> bool:
    """An offset phrase dates the clause of one trigger and not the other's."""
    return any((a.token.i in o.region) != (b.token.i in o.region) for o in offsets)


def _same_event(a: TriggerMatch, b: TriggerMatch) -> bool:
    if part_of_a_harm(a, b):
        return True
    if _acts_in_sequence(a, b) or _acts_in_sequence(b, a):
        return False
    if a.rule.event_type != b.rule.event_type and not (a.rule.kind != "plain" and b.rule.kind != "plain"):
        return False
    ancestors_b = {t.i for t in b.token.ancestors} | {b.token.i}
    ancestors_a = {t.i for t in a.token.ancestors} | {a.token.i}
    return (
        _clause_of(a.token).i in ancestors_b or _clause_of(b.token).i in ancestors_a or a.token.head.i == b.token.head.i
    )


def _acts_in_sequence(main: TriggerMatch, earlier: TriggerMatch) -> bool:
    """acts_in_sequence: "howitzers fired on the militants after jets raided villages", "troops shelled the town
    before rebels stormed a checkpoint": an act told in a clause of time ("after", "before", "following") on
    another, each with a doer of its own, is an act of its own, not a word for the same one ("gunmen opened fire
    after they stormed the hall" is one: the same doer; "killed after gunmen stormed" too: a casualty word is no
    act of its own)."""
    verb = earlier.token
    if main.rule.weak or earlier.rule.weak or verb.dep_ not in _TIME_CLAUSES or verb.head.i != main.token.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in verb.children):
        return False
    doers = [_own_subject(t) for t in (main.token, verb)]
    return all(d is not None for d in doers) and doers[0] != doers[1]


def _own_subject(verb: Token) -> str | None:
    """The lemma of an active verb's own subject, when a noun names it (not a pronoun, which may be the other's
    doer; not the victims a passive casualty verb has for subject: "three people were killed after gunmen
    attacked")."""
    holder = verb.head if verb.dep_ == "xcomp" else verb  # "threatened to shell": the threatener's
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    return subject.lemma_.lower() if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None


_TIME_CLAUSES = frozenset({"advcl"})
_SEQUENCE_MARKS = word_set("en", "events", "sequence_marks")
_PAST_SEQUENCE_MARKS = word_set("en", "events", "past_sequence_marks")


def _clause_of(trigger: Token) -> Token:
    """The verb a trigger noun is the object of ("took control ... after days of fighting" is one clause)."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ in {"VERB", "AUX"}:
        return trigger.head
    return trigger


# Clauses of their own under a trigger: "neutralised terrorists ... and denied targeting civilians", "was shot
# before she could reach the market" name no target of the trigger.
_OWN_CLAUSES = frozenset({"conj", "advcl", "ccomp", "parataxis", "relcl", "cc"})
# Deeper down, a relative clause may still describe the target ("a house where a family was sheltering"), but
# another clause does not ("a militant who was operating there and that it took steps to spare civilians").
_OTHER_CLAUSES = frozenset({"advcl", "ccomp", "parataxis"})


def _target_text(token: Token) -> str:
    """The trigger's phrase without the clauses it heads."""
    left_out = {t.i for c in token.children if c.dep_ in _OWN_CLAUSES for t in c.subtree}
    left_out |= {
        t.i
        for d in token.subtree
        if d.i != token.i and (d.dep_ in _OTHER_CLAUSES or (d.dep_ == "conj" and d.pos_ in {"VERB", "AUX"}))
        for t in d.subtree
    }
    return " ".join(t.text for t in token.subtree if t.i not in left_out)


def _victims(sentence: SpacySpan) -> list[SpacySpan]:
    """Who was killed, wounded or abducted in the sentence: decides whether an attack targeted civilians. In a
    headline the passive drops its auxiliary ("Nine civilians killed in air strikes"): the subject of a harm verb
    with no object there is who was harmed."""
    doc = sentence.doc
    headline = not span_text(sentence).rstrip().endswith((".", "!", "?", '"', "”"))
    found = []
    for token in span_tokens(sentence):
        if token.lemma_.lower() not in _HARM_LEMMAS:
            continue
        # "10 civilians killed 15 injured": a number read as the object is the next count, not who was harmed
        objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ != "NUM"]
        dropped_auxiliary = headline and token.tag_ in {"VBN", "VBD"} and not objects
        found += [
            doc[child.left_edge.i : child.right_edge.i + 1]
            for child in token.children
            if (child.dep_ in {"dobj", "nsubjpass"} and child.pos_ != "NUM")
            or (dropped_auxiliary and child.dep_ == "nsubj")
        ]
        if headline and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {"NOUN", "PROPN"}:
            found.append(doc[token.head.left_edge.i : token.head.i + 1])  # "Nine civilians killed in ..."
    return found


_HARM_LEMMAS = word_set("en", "events", "victim_lemmas")


def _event_date(dates: list[DateInterval], published: dt.date | None) -> DateInterval | None:
    if dates:
        first = dates[0]
        # "Earlier this week, on 13 November": the narrower date inside the first one says which day.
        inside = [d for d in dates[1:] if first.start <= d.start and d.end <= first.end and d.days < first.days]
        return min(inside, key=lambda d: d.days) if inside else first
    if published is None:
        return None
    # No date in the text: the days before publication, flagged as approximate.
    return DateInterval(published - dt.timedelta(days=APPROXIMATE_DAYS), published, "approximate")


def _since_last_date(last_given: DateInterval | None, published: dt.date | None) -> DateInterval | None:
    """An undated sentence in a report that gave a recent date tells of that date or after it, up to
    publication ("The source said army aviation then struck the hideout")."""
    if last_given is None or published is None or last_given.end > published:
        return None
    if (published - last_given.start).days > int(load_yaml("dates.yaml")["carry_last_date_days"]):
        return None
    return DateInterval(last_given.start, published, "approximate")


def _mention_id(document: Document, sentence_start: int, trigger_start: int) -> str:
    key = f"{document.content_hash}:{sentence_start}:{trigger_start}"
    return "m_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
