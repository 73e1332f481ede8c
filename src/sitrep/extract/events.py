"""Per sentence: event mentions and claims, each value with its span.

The sentence loop skips furniture (captions, links, comments) and the
headline, so no event, date or figure is taken from them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml
from sitrep.extract.actors import actor_dictionary, apply_conventions, assign_roles
from sitrep.extract.attribution import document_chains
from sitrep.extract.claims import (
    TALLY_TOPIC,
    SentenceContext,
    claim_from_mention,
    counted_claim,
    figure_claims,
    intention_claim,
    states_intention,
)
from sitrep.extract.dateline import Dateline, find_dateline
from sitrep.extract.dates import find_dates, find_period_starts
from sitrep.extract.framing import find_framing
from sitrep.extract.modality import modality_of
from sitrep.extract.quantities import fatalities, find_quantities
from sitrep.extract.triggers import TriggerMatch, classify, find_triggers, ontology
from sitrep.model import (
    AttributionChain,
    Claim,
    DateInterval,
    Document,
    FramingTerm,
    Mention,
    PlaceMention,
    Quantity,
    Span,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
# Modalities that describe something that has not happened: stored as claims, not events.
NOT_HAPPENED = {"planned", "feared", "hypothetical", "rumour"}
# A report with no date for an incident tells of the last few days: publication day and the days before.
APPROXIMATE_DAYS = 3


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
    for number, paragraph in enumerate(document.paragraphs):
        if not (paragraph.is_furniture or paragraph.kind == "headline"):
            body.extend((s, number) for s in _sentences_in(parsed, paragraph.start, paragraph.end))
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
        dates = event_dates(sentence, document.published, document.name)
        if dateline is not None:  # "NIAMEY, June 27 (Reuters) -" is when the report was filed
            dates = [d for d in dates if d.span is None or d.span.start >= dateline.span.end]
        if not dates and last_given is not None and _dates_by_the_last_date(sentence.text):
            dates = [last_given]
        last_date = dates[0] if dates else last_date
        last_given = dates[0] if dates else last_given
        before = len(result.mentions)
        # "The Taliban have been in power since August 2021": a long-running state, not an incident.
        over_a_period = not dates and any(
            _is_background(p, document.published)
            for p in find_period_starts(sentence.text, document.published, document.name, sentence.start_char)
        )
        extract_sentence(
            document, sentence, chain, dates or ([last_date] if last_date else []), result, over_a_period
        )
        result.paragraph_of.update((m.id, number) for m in result.mentions[before:])
    return result


def _dates_by_the_last_date(text: str) -> bool:
    """ "On the same evening", "later that day": the sentence takes the date the report gave last."""
    lowered = text.lower()
    return any(phrase in lowered for phrase in load_yaml("dates.yaml")["same_day_phrases"])


def event_dates(sentence: SpacySpan, published: dt.date | None, doc_name: str) -> list[DateInterval]:
    """Dates in the sentence, without the day a statement was made ("sources told X on 29 April")."""
    found = find_dates(sentence.text, published, doc_name, sentence.start_char)
    return [d for d in found if d.span is None or not _dates_a_statement(sentence, d.span.start, d.span.end)]


def _dates_a_statement(sentence: SpacySpan, start: int, end: int) -> bool:
    phrase = sentence.doc.char_span(start, end, alignment_mode="expand")
    if phrase is None:
        return False
    verb = next((t for t in phrase.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.lemma_.lower() in _REPORTING_VERBS


_REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "add", "announce", "claim", "state", "confirm", "quote", "deny", "write", "post"}
)


def _sentences_in(parsed: SpacyDoc, start: int, end: int) -> list[SpacySpan]:
    return [s for s in parsed.sents if s.start_char < end and s.end_char > start and s.text.strip()]


def extract_sentence(
    document: Document,
    sentence: SpacySpan,
    chain: AttributionChain,
    dates: list[DateInterval],
    result: Extraction,
    over_a_period: bool = False,
) -> None:
    matches = _distinct_events(find_triggers(sentence), sentence)
    doc_name = document.name
    quantities = find_quantities(sentence.text, doc_name, sentence.start_char)
    if not matches and not quantities and not states_intention(sentence):
        return
    entity_ranges = [
        (e.start_char, e.end_char) for e in sentence.ents if e.label_ in {"ORG", "PERSON", "NORP", "GPE", "FAC"}
    ]
    framing = find_framing(sentence.text, doc_name, sentence.start_char, exclude=entity_ranges)
    places = place_mentions(sentence, doc_name)
    sentence_span = Span(doc_name, sentence.start_char, sentence.end_char, sentence.text)
    context = SentenceContext(
        doc_name, sentence_span, chain, modality_of(sentence, sentence.root), framing,
        next((p.text for p in places if p.role != "candidate"), None),
    )
    claims, running_toll = figure_claims(context, quantities, sentence)
    tally = False
    mentions: list[tuple[Mention, bool]] = []  # with: is its trigger only a casualty word?
    victims = _victims(sentence)
    for match in matches:
        mention = _mention(document, sentence, match, quantities, places, framing, chain, dates, victims)
        counted = counted_claim(mention, quantities, sentence, document.published)
        if counted is not None:
            counted_span = counted.quantity.span if counted.quantity else None
            claims = [c for c in claims if c.quantity is None or c.quantity.span != counted_span]
            claims.append(counted)
            tally = tally or counted.topic.startswith(TALLY_TOPIC)
        elif mention.modality in NOT_HAPPENED or (
            mention.modality == "denied" and mention.event_type not in VIOLENT_TYPES
        ):
            claims.append(claim_from_mention(mention))
        else:
            mentions.append((mention, match.rule.weak))
    # "attacked over 150 times since October" is a tally; "192 people have been killed since 10 May" a running
    # toll: neither is one incident. A clash in the same sentence as a toll still is.
    kept = [] if tally or over_a_period else [m for m, only_toll in mentions if not (running_toll and only_toll)]
    kept = [m for m in kept if not _is_background(m.date, document.published)]
    if not kept and not claims:
        intention = intention_claim(context, sentence)
        claims = [intention] if intention is not None else []
    result.mentions.extend(kept)
    result.claims.extend(claims)


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
    roles = assign_roles(
        token, sentence, doc_name, violent=match.rule.event_type in VIOLENT_TYPES or match.rule.kind != "plain"
    )
    targets = [r.span.text for r in roles if r.role == "actor2" and r.span]
    target_text = " ".join([*targets, _target_text(token), *(v.text for v in victims)])
    actor1 = next((r for r in roles if r.role == "actor1"), None)
    kind = classify(match, sentence, target_text, actor1.actor_type if actor1 else None)
    if kind.event_type not in VIOLENT_TYPES:
        roles = [r for r in roles if r.name != "Unidentified Armed Group"]
    roles = apply_conventions(roles, kind.event_type, victims, doc_name)
    sentence_span = Span(doc_name, sentence.start_char, sentence.end_char, sentence.text)
    return Mention(
        id=_mention_id(document, sentence.start_char, token.idx),
        doc=doc_name,
        sentence=sentence_span,
        trigger=Span(doc_name, token.idx, token.idx + len(token.text), token.text),
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        plover=kind.plover,
        actors=roles,
        date=_event_date(dates, document.published),
        places=list(places),
        quantities=list(quantities),  # counts and casualty figures, each with its kind
        fatalities=fatalities(quantities) if kind.event_type in VIOLENT_TYPES else None,
        chain=chain,
        modality=modality_of(sentence, token),
        framing=framing,
        evidence=sentence_span,
    )


def place_mentions(sentence: SpacySpan, doc_name: str) -> list[PlaceMention]:
    """Place entities, and place phrases ("the Jordanian–Syrian border", "the countryside of al-Hasakah")
    in their place when they contain them."""
    phrases = _place_phrases(sentence)
    found = [PlaceMention(p.text, Span(doc_name, p.start_char, p.end_char, p.text)) for p in phrases]
    for entity in map(_whole_name, sentence.ents):
        if entity.label_ not in PLACE_LABELS or _names_an_actor(entity):
            continue
        if any(p.start <= entity.start and entity.end <= p.end for p in phrases):
            continue
        found.append(PlaceMention(entity.text, Span(doc_name, entity.start_char, entity.end_char, entity.text)))
    taken = [(pm.span.start, pm.span.end) for pm in found]
    for candidate in _proper_nouns_after_locatives(sentence):
        if not any(s < candidate.end_char and candidate.start_char < e for s, e in taken):
            span = Span(doc_name, candidate.start_char, candidate.end_char, candidate.text)
            found.append(PlaceMention(candidate.text, span, role="candidate"))
    return sorted(found, key=lambda pm: pm.span.start)


def _whole_name(entity: SpacySpan) -> SpacySpan:
    """The small model sometimes tags only the first word of a name ("Finote" of "Finote Selam")."""
    root, doc = entity.root, entity.doc
    end = entity.end
    while root.dep_ == "compound" and root.head.i == end and root.head.pos_ == "PROPN" and not root.head.ent_type_:
        root, end = root.head, end + 1
    return entity if end == entity.end else SpacySpan(doc, entity.start, end, label=entity.label_)


_LOCATIVES = frozenset({"in", "near", "at", "outside", "around", "into", "from", "across", "towards", "toward", "of"})


def _proper_nouns_after_locatives(sentence: SpacySpan) -> list[SpacySpan]:
    """ "in Saraqib", "near Tessalit": proper nouns the small model's NER misses, for the gazetteer to try."""
    doc = sentence.doc
    dictionary = actor_dictionary()
    found = []
    for token in sentence:
        if token.lower_ not in _LOCATIVES or token.dep_ != "prep":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        for obj in objects:
            left = obj.i
            while left - 1 > token.i and _continues_name(doc[left - 1]):
                left -= 1
            phrase = doc[left : obj.i + 1]
            if phrase.root.ent_type_ in {"DATE", "TIME"} or phrase.text.lower() in dictionary.demonyms:
                continue
            # "in Bamako" is a place even though "Bamako said" is the Malian government.
            if dictionary.find(phrase.text) and not dictionary.is_place_name(phrase.text):
                continue
            found.append(phrase)
    return found


def _continues_name(token: Token) -> bool:
    """A word of a multi-word name before its head: "Busra" and "al" and "-" of "Busra al-Sham"."""
    return token.pos_ == "PROPN" and (token.dep_ == "compound" or token.text == "-")


def _place_phrases(sentence: SpacySpan) -> list[SpacySpan]:
    rules = load_yaml("place_phrases.yaml")
    heads, labels = set(rules["heads"]), set(rules["modifier_labels"])
    phrases = []
    for token in sentence:
        if token.lemma_.lower() not in heads or token.pos_ != "NOUN":
            continue
        subtree = list(token.subtree)
        # "the countryside of al-Hasakah": stop at a relative clause or a second preposition
        right = token.i
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                right = child.right_edge.i
        left = min(t.i for t in subtree if t.i <= token.i)
        comma = next((t.i for t in sentence.doc[token.i : right + 1] if t.text == ","), None)
        span = sentence.doc[left : (comma if comma is not None else right + 1)]
        military_head = ontology().military_cues.fullmatch(token.text) is not None
        demonyms = actor_dictionary().demonyms
        # A place name or proper noun names the place; "a US base" is the owner's base, not a place "US".
        modifiers = [
            t
            for t in span
            if t.i != token.i
            and (t.ent_type_ in labels or t.pos_ == "PROPN")
            and not (military_head and t.text.lower() in demonyms)
        ]
        if modifiers and token.ent_type_ not in {"FAC", "GPE"}:
            named = _named_object(token)
            # "the town of Kafr Nabudah" is Kafr Nabudah; "the countryside of al-Hasakah" stays a phrase.
            phrases.append(named if named is not None and token.lemma_.lower() in _SAME_AS_NAME else span)
    return phrases


_SAME_AS_NAME = frozenset({"town", "city", "village", "neighbourhood", "neighborhood", "district", "camp", "area"})


def _named_object(head: Token) -> SpacySpan | None:
    """The proper name after "of" ("the town of Tafas" -> "Tafas")."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            return obj.doc[obj.left_edge.i if obj.left_edge.pos_ == "PROPN" else obj.i : obj.i + 1]
    return None


def _names_an_actor(entity: SpacySpan) -> bool:
    """A place name standing for an actor, not a location: "US bases", "Washington said", "the Resistance".

    A country or capital that is also an actor's name counts as a place only as the object of a
    preposition ("in Syria", "from Washington").
    """
    root = entity.root
    dictionary = actor_dictionary()
    is_actor_name = entity.text.lower() in dictionary.demonyms or dictionary.find(entity.text) is not None
    if is_actor_name and root.dep_ != "pobj":
        return True
    # A single capitalised common noun tagged as a place ("Resistance") is a label, not a place.
    return len(entity) == 1 and root.tag_ == "NNP" and root.text.lower() in _LABEL_WORDS


_LABEL_WORDS = frozenset(
    {"resistance", "coalition", "axis", "front", "alliance", "movement", "state", "regime", "army"}
)


def _distinct_events(matches: list[TriggerMatch], sentence: SpacySpan) -> list[TriggerMatch]:
    """One trigger per event: a trigger inside another trigger's phrase or clause describes the same event.

    "attacked with rockets" and "an attack that killed three soldiers" are one event each; "following an
    attack ..., the IRI suspended attacks" is two (different types, different clauses).
    """
    kept: list[TriggerMatch] = []
    for match in matches:
        same = next((k for k in kept if _same_event(k, match)), None)
        if same is None:
            kept.append(match)
    return kept


def _same_event(a: TriggerMatch, b: TriggerMatch) -> bool:
    if a.rule.event_type != b.rule.event_type and not (a.rule.kind != "plain" and b.rule.kind != "plain"):
        return False
    ancestors_b = set(t.i for t in b.token.ancestors)
    ancestors_a = set(t.i for t in a.token.ancestors)
    return a.token.i in ancestors_b or b.token.i in ancestors_a or a.token.head.i == b.token.head.i


def _target_text(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _victims(sentence: SpacySpan) -> list[SpacySpan]:
    """Who was killed, wounded or abducted in the sentence: decides whether an attack targeted civilians."""
    doc = sentence.doc
    return [
        doc[child.left_edge.i : child.right_edge.i + 1]
        for token in sentence
        if token.lemma_.lower() in _HARM_LEMMAS
        for child in token.children
        if child.dep_ in {"dobj", "nsubjpass"}
    ]


_HARM_LEMMAS = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "execute", "shoot", "massacre"})


def _event_date(dates: list[DateInterval], published: dt.date | None) -> DateInterval | None:
    if dates:
        return dates[0]
    if published is None:
        return None
    # No date in the text: the days before publication, flagged as approximate.
    return DateInterval(published - dt.timedelta(days=APPROXIMATE_DAYS), published, "approximate")


def _mention_id(document: Document, sentence_start: int, trigger_start: int) -> str:
    key = f"{document.content_hash}:{sentence_start}:{trigger_start}"
    return "m_" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
