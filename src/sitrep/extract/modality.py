"""Modality of an event trigger: asserted, reported, denied, planned, feared, hypothetical or rumour.

Modality is about the trigger, not the sentence: in "launched a campaign that is set to last for days"
the launch is asserted, while in "for fear of a response that would target its bases" the targeting is
feared. The reader walks from the trigger up the dependency parse; the nearest strong cue decides
(cues are data: ``data/modality.yaml``). Attribution ("sources said") does not change modality: it
lives in the attribution chain.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, cast

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml, word_set
from sitrep.extract.attribution import explicit_sources
from sitrep.model import MODALITIES, Modality
from sitrep.nlp.syntax import DEP, POS, TAG
from sitrep.nlp.tokens import span_tokens

DEFAULT: Modality = "asserted"
_NEGATIVE_SUBJECTS = word_set("en", "modality", "negative_subjects")
_RESPONSIBILITY_FRAMES = word_set("en", "modality", "responsibility_frames")
_FREE_RELATIVES = word_set("en", "modality", "free_relatives")
_FALSITY_WORDS = word_set("en", "modality", "falsity_words")
_TRUTH_WORDS = word_set("en", "modality", "truth_words")
_NAMING_VERBS = word_set("en", "modality", "naming_verbs")
_KNOWLEDGE_NOUNS = word_set("en", "modality", "knowledge_nouns")
# Modalities a negated plan or possibility turns into "denied" ("no intention of withdrawing").
_NEGATABLE: frozenset[str] = frozenset({"planned", "hypothetical", "asserted"})
_MODIFIER_DEPS = (
    DEP.auxiliary
    | DEP.passive_auxiliary
    | DEP.adverbial_modifier
    | DEP.adjectival_modifier
    | DEP.adjectival_complement
    | DEP.noun_phrase_adverbial
)


@dataclass(frozen=True)
class Governor:
    modality: Modality
    via: frozenset[str]  # empty: any dependency
    pos: frozenset[str]  # empty: any part of speech
    needs_child: frozenset[str]
    # Dependencies that give the word another sense: "deny the rebels the ability to regroup" (a dative) withholds, it
    # does not deny that anything happened.
    not_with: frozenset[str] = frozenset()
    # Objects that give the word that sense whatever the parse: "deny the group (ISG) the ability to regroup".
    not_with_objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Modifier:
    modality: Modality
    strong: bool


@dataclass(frozen=True)
class ModalityLexicon:
    governors: dict[str, list[Governor]]
    passive_hedges: dict[str, Modality]
    modifiers: dict[str, Modifier]
    negators: frozenset[str]
    conditional_marks: frozenset[str]
    future_marks: frozenset[str]
    account_statements: frozenset[str]
    clause_boundaries: frozenset[str]
    reported_future_modals: frozenset[str] = frozenset()
    reported_future_statements: frozenset[str] = frozenset()
    counterfactual_modals: frozenset[str] = frozenset()
    threat_modals: frozenset[str] = frozenset()


def _modality(value: Any) -> Modality:
    if value not in MODALITIES:
        raise ValueError(f"modality.yaml: unknown modality {value!r}")
    return cast(Modality, value)


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or [])


@functools.cache
def modality_lexicon() -> ModalityLexicon:
    config = load_yaml("modality.yaml")
    governors: dict[str, list[Governor]] = {}
    for item in config.get("governors", []):
        governor = Governor(
            modality=_modality(item["modality"]),
            via=_lower_set(item.get("via")),
            pos=frozenset(str(p) for p in item.get("pos", [])),
            needs_child=_lower_set(item.get("needs_child")),
            not_with=_lower_set(item.get("not_with")),
            not_with_objects=_lower_set(item.get("not_with_objects")),
        )
        for lemma in item["lemmas"]:
            governors.setdefault(str(lemma).lower(), []).append(governor)
    modifiers = {
        str(word).lower(): Modifier(_modality(spec["modality"]), spec.get("strength", "strong") == "strong")
        for word, spec in config.get("modifiers", {}).items()
    }
    return ModalityLexicon(
        governors=governors,
        passive_hedges={str(k).lower(): _modality(v) for k, v in config.get("passive_hedges", {}).items()},
        modifiers=modifiers,
        negators=_lower_set(config.get("negators")),
        conditional_marks=_lower_set(config.get("conditional_marks")),
        future_marks=_lower_set(config.get("future_marks")),
        account_statements=_lower_set(config.get("account_statements")),
        clause_boundaries=_lower_set(config.get("clause_boundaries")),
        reported_future_modals=_lower_set((config.get("reported_future") or {}).get("modals")),
        reported_future_statements=_lower_set((config.get("reported_future") or {}).get("statements")),
        counterfactual_modals=_lower_set(config.get("counterfactual_modals")),
        threat_modals=_lower_set(config.get("threat_modals")),
    )


# --- cues at one node ---------------------------------------------------------


def _is_negated(node: Token) -> bool:
    lex = modality_lexicon()
    return any(
        c.dep_ in DEP.negation | DEP.determiner | DEP.adverbial_modifier | DEP.preconjunct and c.lower_ in lex.negators
        for c in node.children
    ) or any(c.dep_ in DEP.subject | DEP.passive_subject and _says_nobody(c) for c in node.children)


def _says_nobody(subject: Token) -> bool:
    """ "nobody was killed", "no one died", "no civilians were harmed": a subject that is nobody."""
    if subject.lower_ in _NEGATIVE_SUBJECTS:
        return True
    if subject.lower_ == "one" and subject.i > 0 and subject.doc[subject.i - 1].lower_ == "no":
        return True
    return any(c.dep_ in DEP.determiner and c.lower_ == "no" for c in subject.children)


def _governor_cue(node: Token, via: str) -> Modality | None:
    lex = modality_lexicon()
    for governor in lex.governors.get(node.lemma_.lower(), []):
        if governor.via and via not in governor.via:
            continue
        if governor.pos and node.pos_ not in governor.pos:
            continue
        if governor.needs_child and not any(c.lemma_.lower() in governor.needs_child for c in node.children):
            continue
        if governor.not_with and any(c.dep_.lower() in governor.not_with for c in node.children):
            continue
        if governor.not_with_objects and any(c.lemma_.lower() in governor.not_with_objects for c in node.children):
            continue
        return governor.modality
    return None


def _passive_hedge(node: Token, via: str) -> Modality | None:
    """ "are reported to be moving", "it is believed that ...", "feared killed"."""
    lex = modality_lexicon()
    hedge = lex.passive_hedges.get(node.lemma_.lower())
    if (
        hedge is None
        or via not in DEP.open_complement | DEP.clausal_complement | DEP.object_predicate | DEP.adjectival_complement
    ):
        return None
    is_passive = node.tag_ in TAG.past_participle and any(
        c.dep_ in DEP.passive_auxiliary | DEP.passive_subject for c in node.children
    )
    return hedge if is_passive else None


def _modifier_cues(node: Token) -> list[Modifier]:
    lex = modality_lexicon()
    # Only modifying dependencies: "May" as a compound of a date is not the modal "may".
    return [lex.modifiers[c.lower_] for c in node.children if c.dep_ in _MODIFIER_DEPS and c.lower_ in lex.modifiers]


_PRESENT_TAGS = TAG.present_verb


def _is_future_clause(node: Token) -> bool:
    """ "until all the territory is liberated": a present-tense clause under "until" or "once" is still to come."""
    lex = modality_lexicon()
    if not any(c.dep_ in DEP.marker and c.lower_ in lex.future_marks for c in node.children):
        return False
    return node.tag_ in _PRESENT_TAGS or any(
        c.dep_ in DEP.auxiliary | DEP.passive_auxiliary and c.tag_ in _PRESENT_TAGS for c in node.children
    )


def _is_counterfactual(node: Token) -> bool:
    """ "would have been", "could not have won": a modal with the perfect "have"."""
    auxiliaries = {c.lower_ for c in node.children if c.dep_ in DEP.auxiliary | DEP.passive_auxiliary}
    return "have" in auxiliaries and bool(auxiliaries & modality_lexicon().counterfactual_modals)


def _is_conditional(node: Token) -> bool:
    """The node's clause is an "if" clause, or is conditioned by one ("ready ... if it senses"), or tells of a
    time still to come ("until the city is liberated")."""
    lex = modality_lexicon()
    if any(c.dep_ in DEP.marker and c.lower_ in lex.conditional_marks for c in node.children):
        return True
    if _is_future_clause(node):
        return True
    return any(
        c.dep_ in DEP.adverbial_clause
        and any(m.dep_ in DEP.marker and m.lower_ in lex.conditional_marks for m in c.children)
        for c in node.children
    )


# --- the walk -----------------------------------------------------------------


def _path_to_root(trigger: Token, sent: SpacySpan) -> list[tuple[Token, str]]:
    """(ancestor, dependency by which the path arrives at it), nearest first, within the sentence."""
    path: list[tuple[Token, str]] = []
    child = trigger
    while child.head != child and sent.start <= child.head.i < sent.end:
        path.append((child.head, child.dep_.lower()))
        child = child.head
    return path


def _hedge_is_attribution(sent: SpacySpan) -> bool:
    """ "are reported to be moving ..., sources told Al Mayadeen": the hedge only restates the attribution."""
    return bool(explicit_sources(sent, ""))


def _clause_cue(node: Token) -> tuple[Modality | None, Modality | None]:
    """(strong, weak) cue from the modifiers, negation and conditionals of a node in the trigger's clause."""
    if _is_negated(node):
        # "would not have been taken without the militia": a counterfactual says what did not happen in another
        # world, not that someone denies what happened.
        return ("hypothetical" if _is_counterfactual(node) else "denied"), None
    if _is_conditional(node):
        # "if they cross the line, we will destroy them": "will" under a condition is a threat, a stated plan;
        # "would" stays a possibility.
        threat = any(c.dep_ in DEP.auxiliary and c.lower_ in modality_lexicon().threat_modals for c in node.children)
        return ("planned" if threat else "hypothetical"), None
    weak: Modality | None = None
    for cue in _modifier_cues(node):
        if cue.strong:
            return cue.modality, None
        weak = weak or cue.modality
    return None, weak


def _governed(node: Token, via: str) -> Modality | None:
    """The governor cue at ``node``, adjusted by the node's own negation or modifiers."""
    governed = _governor_cue(node, via)
    if governed is None:
        return None
    if governed in _NEGATABLE and _is_negated(node):
        return "denied"  # "no intention of withdrawing", "not considering"
    if governed == "reported":
        # "unconfirmed reports of clashes": the modifier says more than the noun.
        strong = [cue.modality for cue in _modifier_cues(node) if cue.strong]
        if strong:
            return strong[0]
        return "denied" if _report_called_false(node) else governed
    return governed


def _report_called_false(report: Token) -> bool:
    """denied_report: a report or claim that is called false ("fabricated reports that ...", "reports that ...
    were false") or that a denial governs ("denied reports that ...", "dismissed as lies claims that ...") tells
    what its speaker denies, not a hedged account."""
    falsity = _FALSITY_WORDS
    if any(c.dep_ in DEP.adjectival_modifier and c.lemma_.lower() in falsity for c in report.children):
        return True
    head = report.head
    predicates = DEP.adjectival_complement | DEP.attribute
    if report.dep_ in DEP.subject and any(c.dep_ in predicates and c.lemma_.lower() in falsity for c in head.children):
        return True
    if _named_false(report):
        return True
    # What a denial governs: its object, or the object of its preposition ("dismissed as fabricated reports").
    if report.dep_ in DEP.prepositional_object and head.head != head:
        return _governor_cue(head.head, head.dep_.lower()) == "denied"
    return head != report and _governor_cue(head, report.dep_.lower()) == "denied"


def _named_false(report: Token) -> bool:
    """report_named_false: the report is the object of a verb of naming and a word of falsity follows it in the
    sentence ("described the reports its army had used the gas as completely untrue", "called the claims false"):
    the parse hangs the falsity word anywhere in text without commas, so it is read from the words."""
    head = report.head
    if report.dep_ not in DEP.direct_object or head.lemma_.lower() not in _NAMING_VERBS:
        return False
    after = report.doc[report.i + 1 : report.sent.end]
    return any(t.lemma_.lower() in _FALSITY_WORDS or t.lower_ in _FALSITY_WORDS for t in after)


def _is_verb_adjunct(node: Token, via: str) -> bool:
    """The path entered a verb through an adjunct ("retaliate for the killing"): frames above are the verb's."""
    return (
        node.pos_ in POS.verb | POS.auxiliary
        and via in DEP.preposition | DEP.agent | DEP.noun_phrase_adverbial | DEP.adverbial_modifier
    )


# How many links (attribute, open complement) a free relative's naming word may lie below its verb: "what were
# likely strikes" (1), "what appeared to be a car bomb" (2), "what is believed to have been an air strike" (3).
_FREE_RELATIVE_DEPTH = 3
_NAMED_THING_DEPS = DEP.prepositional_complement | DEP.prepositional_object | DEP.direct_object | DEP.clausal_complement


def _names_what_it_was(trigger: Token) -> bool:
    """identification_hedge: the trigger is the naming word of a free relative ("killed in what were likely
    Russian strikes", "in what appeared to be a car bomb", "in what is believed to be an Israeli raid"): a hedge
    there is on what or whose the act was, as news writing names an incident it reports, not on whether it
    happened."""
    if trigger.dep_ in DEP.prepositional_object and any(
        c.dep_ in DEP.prepositional_complement and c.i < trigger.i and _has_free_relative_subject(c)
        for c in trigger.head.children
    ):
        return True  # the parse may hang the naming word on the preposition beside the relative: "in [what were] X"
    node = trigger
    for _ in range(_FREE_RELATIVE_DEPTH):
        if node.dep_ not in DEP.attribute | DEP.open_complement or node.head == node:
            return False
        node = node.head
        if _has_free_relative_subject(node):
            # It names a thing the clause around it tells of ("in what ...", "carried out what ..."); as the subject
            # of another verb ("what may be an offensive could start") it is what that verb frames.
            return node.dep_ in _NAMED_THING_DEPS
    return False


def _has_free_relative_subject(verb: Token) -> bool:
    return any(c.dep_ in DEP.subject | DEP.passive_subject and c.lower_ in _FREE_RELATIVES for c in verb.children)


def modality_of(sent: SpacySpan, trigger: Token) -> Modality:
    """How the sentence frames the event its ``trigger`` names."""
    if _names_what_it_was(trigger):
        return DEFAULT
    strong, weak = _clause_cue(trigger)
    if strong:
        return strong
    in_clause = True
    below = trigger
    for node, via in _path_to_root(trigger, sent):
        if via in DEP.conjunct and _has_own_subject(below):
            # "X denied the charges and its jets struck the town": a conjoined clause with its own subject is
            # framed by nothing of the clause it is joined to
            break
        if node.lemma_.lower() in _RESPONSIBILITY_FRAMES:
            # "the air force was not responsible for the strike": who answers for the act is denied, not the act.
            break
        if _nothing_known_of(node):
            # "there was no information on casualties in the raids": what is not known is the act's detail; the
            # act itself is not denied.
            break
        if via in DEP.subject and _says_not_what_it_is_like(node):
            # "air strikes are not rare", "the blast was not the first": what is negated is what the subject is
            # like, not whether it happened.
            break
        below = node
        hedge = _passive_hedge(node, via)
        if hedge:
            if hedge == "reported" and _hedge_is_attribution(sent):
                return weak or DEFAULT
            return hedge
        governed = _governed(node, via)
        if governed:
            return governed
        if _is_verb_adjunct(node, via):
            # "Hamas vowed to retaliate for the killing": the killing is not what was vowed.
            break
        in_clause = in_clause and via not in modality_lexicon().clause_boundaries
        if in_clause:
            strong, node_weak = _clause_cue(node)
            if strong:
                return strong
            weak = weak or node_weak
    if weak == "hypothetical" and _future_in_reported_speech(sent, trigger):
        return "planned"
    return weak or DEFAULT


def _nothing_known_of(node: Token) -> bool:
    """nothing_known_of_the_act: a negated noun of knowledge ("no information", "no details", "no word") above the
    trigger."""
    return node.lemma_.lower() in _KNOWLEDGE_NOUNS and _is_negated(node)


def _says_not_what_it_is_like(node: Token) -> bool:
    """predicate_negated_not_the_act: a negated copula whose predicate (an adjective or a noun) says what its subject
    is like ("are not rare", "was not the first"), unless the predicate calls it true or false ("the reports were not
    true", "is not a fabrication"): that denies what the subject tells."""
    predicates = [c for c in node.children if c.dep_ in DEP.attribute | DEP.adjectival_complement]
    return (
        bool(predicates)
        and _is_negated(node)
        and not any(p.lemma_.lower() in _TRUTH_WORDS | _FALSITY_WORDS for p in predicates)
    )


def _has_own_subject(node: Token) -> bool:
    return any(c.dep_ in DEP.subject | DEP.passive_subject for c in node.children)


def _future_in_reported_speech(sent: SpacySpan, trigger: Token) -> bool:
    """ "Ankara said Turkey would be moving into the north": "would" under a statement verb is the speaker's
    "will" told in the past, a plan, unless a condition makes it hypothetical ("would respond if attacked")."""
    lex = modality_lexicon()
    clause: list[Token] = [trigger]
    for node, via in _path_to_root(trigger, sent):
        if via in DEP.clausal_complement and node.lemma_.lower() in lex.reported_future_statements:
            modals = {c.lower_ for t in clause for c in t.children if c.dep_ in DEP.auxiliary}
            conditional = any(t.lower_ in lex.conditional_marks for t in span_tokens(sent))
            return bool(modals & lex.reported_future_modals) and not conditional
        # "said its troops had routed the rebels and the allies would be moving": a conjoined clause is said too.
        if via in lex.clause_boundaries and via not in DEP.conjunct:
            return False
        clause.append(node)
    return False


def gives_an_account(sent: SpacySpan, trigger: Token) -> bool:
    """ "The RSF denied losing the facility, saying its fighters had repelled the attack", "claimed the attack,
    saying it had seized weapons", "said it had neutralised terrorists in the area and denied targeting
    civilians": the trigger is in the clause that goes with a statement about an incident (the speaker's own
    account of it), not in what is stated. It tells of that incident, not a new one."""
    statements = modality_lexicon().account_statements
    path = _path_to_root(trigger, sent)
    if any(via in DEP.adverbial_clause and node.lemma_.lower() in statements for node, via in path):
        return True
    # A statement that both tells what the speaker did and denies what it is accused of answers a report; the
    # denial may hang on the trigger or on the verb that reports it ("said it had killed ... and denied ...").
    speech = [node for node, via in path if via in DEP.clausal_complement]
    if not speech:
        return False
    return any(_denies_an_act(verb) for verb in _conjoined_verbs(trigger) + _conjoined_verbs(speech[0]))


def _denies_an_act(node: Token) -> bool:
    """ "denied targeting civilians", "denied that its forces shelled the market" (not "denied the reports")."""
    denial = any(g.modality == "denied" for g in modality_lexicon().governors.get(node.lemma_.lower(), []))
    # what is denied is an act: a clause or gerund under the denial (the parser may hang "harming" on its object)
    return denial and any(t.pos_ in POS.verb for c in node.children for t in c.subtree)


def _conjoined_verbs(token: Token) -> list[Token]:
    """The verbs conjoined with the token's ("had neutralised terrorists ... and denied targeting civilians")."""
    verbs = [c for c in token.children if c.dep_ in DEP.conjunct]
    return [token.head, *verbs] if token.dep_ in DEP.conjunct else verbs
