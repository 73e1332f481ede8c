"""Event triggers and their classification (data/ontology.yaml).

A trigger is a verb or noun whose lemma is in the lexicon; its event type and
sub-type come from the rule, refined by cues in the sentence (the instrument
for remote violence, civilian targets, close-combat words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml, word_set
from sitrep.extract.actors import actor_dictionary, phrase_actor
from sitrep.extract.rules import Cascade
from sitrep.extract.typing_model import TypingModel, features, split_label, type_probabilities, typing_model
from sitrep.nlp.entities import entities_in
from sitrep.nlp.syntax import DEP, POS
from sitrep.nlp.tokens import document_text, remembered_for_span, span_text, span_tokens, text_between


@dataclass(frozen=True)
class TriggerRule:
    event_type: str
    sub_event_type: str
    kind: str = "plain"  # plain | remote | attack
    weak: bool = False  # only counts when no stronger trigger is in the sentence
    defers: bool = False  # gives way to a trigger in its own phrase or above it ("arrested ... after storming")
    needs_any: re.Pattern[str] | None = None  # only with one of these cues in the sentence (`_cues`)
    needs_military: bool = False
    needs_instrument: bool = False
    instrument_subject: bool = False  # only with a weapon as its subject ("a drone damaged the port")
    object_needs: re.Pattern[str] | None = None  # only with one of these in its object ("seized weapons")
    nouns_need: tuple[str, ...] = ()
    state_actor_sub: str | None = None
    plover: str | None = None
    only_in_headlines: bool = False  # a sentence with no final full stop ("Casualties in the southern hills")
    # the document's first sentence with no final full stop: a headline that is the whole report, where the present
    # tense tells news ("Rebels control three villages"), not a standing state as in unpunctuated prose
    only_in_lone_headlines: bool = False
    verbs_only: bool = False  # the noun of the lemma is no trigger ("forces advanced" is, "their advance" is not)
    # only a weapon named in the trigger's own phrase types it ("an aerial assault"), not one named elsewhere in the
    # sentence or earlier in the report (`weapon_scope`)
    weapon_in_own_phrase: bool = False
    # a verb that is the act only with no object or clause ("crowds demonstrated"; "demonstrated its resolve" is to
    # show): `_takes_an_object`
    no_object: bool = False


@dataclass(frozen=True)
class Ontology:
    plover_of: dict[tuple[str, str], str]
    rules: dict[str, tuple[TriggerRule, ...]]  # lemma -> its rules, in the file's order; the first that fits wins
    instruments: tuple[tuple[str, re.Pattern[str]], ...]
    battle_cues: re.Pattern[str]
    civilian_cues: re.Pattern[str]
    military_cues: re.Pattern[str]
    armed_group_subjects: re.Pattern[str]
    military_target_cues: re.Pattern[str]
    combatant_victims: re.Pattern[str]
    execution_lemmas: frozenset[str]  # killing_in_captivity: a killing that is an execution by its word
    captive_victims: re.Pattern[str]  # killing_in_captivity: victims told as held
    executed_deeds: frozenset[str]  # killing_in_captivity: what is "executed" when it is carried out, not killed
    individual_victims: frozenset[str]
    plover_by_lemma: dict[str, str]
    generic_governors: frozenset[str]
    aspectual_verbs: frozenset[str]
    crowd_control_cues: re.Pattern[str]
    crowd_control_verbs: frozenset[str]
    intervention_cues: re.Pattern[str]
    excessive_force_cues: re.Pattern[str]
    riot_cues: re.Pattern[str]
    no_fight_cues: re.Pattern[str]
    not_held_cues: re.Pattern[str]
    abstract_enemies: frozenset[str]
    armed_actor_types: frozenset[str]
    armed_cues: re.Pattern[str]
    sexual_violence_cues: re.Pattern[str]
    perpetrator_cues: re.Pattern[str]
    typing_constraints: dict[str, Any]
    one_sided_plover: str
    attack_with_weapon: re.Pattern[str]  # "attacked with rockets", "an attack by drones": the weapon is the means

    def plover(self, event_type: str, sub_event_type: str, lemma: str) -> str:
        return self.plover_by_lemma.get(lemma) or self.plover_of.get((event_type, sub_event_type), "ASSAULT")


@dataclass(frozen=True)
class Classification:
    event_type: str
    sub_event_type: str
    plover: str
    confidence: float = 1.0  # the model's calibrated probability that the trigger reports an event of this type
    by_convention: bool = False  # a cue of ACLED's conventions (a weapon, a civilian target, a crowd) decided it
    binding: bool = False  # a convention that settles the type whatever the model says (killing_in_captivity)


def _words(words: list[str], plurals: bool = False) -> re.Pattern[str]:
    """Whole words and phrases ("home" is not "Homeland"); a cue ending in "*" is a stem ("self-detonat*").
    With ``plurals``, a phrase is found in the plural too ("suicide bomber": "suicide bombers", "truck bomb":
    "truck bombs"): the list names each weapon once."""
    plural = r"(?:e?s)?" if plurals else ""
    alternatives = "|".join(
        re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + plural + r"(?![\w-])"
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})", re.IGNORECASE)


def _cues(cues: list[str]) -> re.Pattern[str]:
    """Cue phrases found at the start of a word, whatever follows: "demonstrat" finds "demonstrators", "position"
    does not find "opposition" nor "deal" "ordeal"; a cue that starts with a space (" out of") is found as written."""
    alternatives = "|".join(
        (r"(?<![\w-])" if cue[0].isalnum() else "") + re.escape(cue.lower())
        for cue in sorted(cues, key=len, reverse=True)
    )
    return re.compile(alternatives, re.IGNORECASE)


@functools.cache
def ontology() -> Ontology:
    raw = load_yaml("ontology.yaml")
    plover_of = {(t, s): p for t, subs in raw["event_types"].items() for s, p in subs.items()}
    rules: dict[str, tuple[TriggerRule, ...]] = {}
    for item in raw["triggers"]:
        rule = TriggerRule(
            event_type=item["event_type"],
            sub_event_type=item["sub_event_type"],
            kind=item.get("kind", "plain"),
            weak=bool(item.get("weak", False)),
            defers=bool(item.get("defers", False)),
            needs_any=_cues(item["needs_any"]) if "needs_any" in item else None,
            needs_military=bool(item.get("needs_military", False)),
            needs_instrument=bool(item.get("needs_instrument", False)),
            instrument_subject=bool(item.get("instrument_subject", False)),
            object_needs=_words(item["object_needs"]) if "object_needs" in item else None,
            nouns_need=tuple(item.get("nouns_need", ())),
            state_actor_sub=item.get("state_actor_sub"),
            plover=item.get("plover"),
            only_in_headlines=bool(item.get("only_in_headlines", False)),
            only_in_lone_headlines=bool(item.get("only_in_lone_headlines", False)),
            verbs_only=bool(item.get("verbs_only", False)),
            weapon_in_own_phrase=bool(item.get("weapon_in_own_phrase", False)),
            no_object=bool(item.get("no_object", False)),
        )
        for lemma in item["lemmas"]:
            rules[lemma] = (*rules.get(lemma, ()), rule)
    return Ontology(
        plover_of=plover_of,
        rules=rules,
        instruments=tuple((sub, _words(cues, plurals=True)) for sub, cues in raw["instruments"].items()),
        battle_cues=_words(raw["battle_cues"]),
        civilian_cues=_words(raw["civilian_cues"]),
        military_cues=_words(raw["military_cues"]),
        armed_group_subjects=_words(raw["armed_group_subjects"]),
        military_target_cues=_words(raw["military_target_cues"]),
        combatant_victims=_words(raw["combatant_victims"]),
        execution_lemmas=frozenset(raw["killing_in_captivity"]["lemmas"]),
        captive_victims=_words(raw["killing_in_captivity"]["victim_cues"]),
        executed_deeds=frozenset(raw["killing_in_captivity"]["executed_deeds"]),
        individual_victims=frozenset(raw["individual_victims"]),
        plover_by_lemma=dict(raw.get("plover_by_lemma", {})),
        generic_governors=frozenset(raw.get("generic_governors", [])),
        aspectual_verbs=frozenset(raw.get("aspectual_verbs", [])),
        crowd_control_cues=_words(raw["crowd_control_cues"]),
        crowd_control_verbs=frozenset(raw["crowd_control_verbs"]),
        intervention_cues=_words(raw["intervention_cues"]),
        excessive_force_cues=_words(raw["excessive_force_cues"]),
        riot_cues=_words(raw["riot_cues"]),
        no_fight_cues=_words(raw["no_fight_cues"]),
        not_held_cues=_words(raw["not_held_cues"]),
        abstract_enemies=frozenset(raw["abstract_enemies"]),
        armed_actor_types=frozenset(raw["armed_actor_types"]),
        armed_cues=_words(raw["armed_cues"]),
        sexual_violence_cues=_words(raw["sexual_violence_cues"]),
        perpetrator_cues=_words(raw["perpetrator_cues"]),
        typing_constraints=dict(raw["typing_constraints"]),
        one_sided_plover=str(raw["one_sided_plover"]),
        attack_with_weapon=_made_with(raw["typing_constraints"]["remote_weapon_attack_is_remote_violence"]),
    )


def _made_with(entry: dict[str, Any]) -> re.Pattern[str]:
    """An attack word followed, within the same clause and ``within_chars``, by a word naming its means (the
    entry's keys are checked by ontology.yaml's schema)."""
    attack, means = _words(entry["attack_words"]).pattern, _words(entry["means_words"]).pattern
    return re.compile(rf"{attack}[^.;]{{0,{int(entry['within_chars'])}}}?{means}", re.IGNORECASE)


# A firing trigger that is the policing of a crowd ("fired tear gas to disperse them").
CROWD_CONTROL = TriggerRule(event_type="Protests", sub_event_type="Protest with intervention")


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    rule: TriggerRule


def find_triggers(sentence: SpacySpan) -> list[TriggerMatch]:
    """Trigger tokens in a sentence, strong ones first; weak ones only if no strong one. Found once per sentence:
    the event extractor and several claim readers ask for the same sentences."""
    return list(remembered_for_span(sentence, "sitrep.triggers", _find_triggers))


def _find_triggers(sentence: SpacySpan) -> tuple[TriggerMatch, ...]:
    onto = ontology()
    found: list[TriggerMatch] = []
    text = span_text(sentence)
    shouting = is_shouting(sentence)
    for token in span_tokens(sentence):
        if not _may_trigger(token, shouting):
            continue
        candidates = _candidate_rules(token, onto)
        if not candidates:
            continue
        lemma = token.lemma_.lower()
        if lemma in onto.crowd_control_verbs and _polices_a_crowd(token, onto):
            candidates = (CROWD_CONTROL,)
        rule = next((r for r in candidates if _rule_fits(r, token, text, onto)), None)
        if rule is None:
            continue
        if _describes_a_thing(token) or is_generic(token, onto) or _refers_back(token, onto):
            continue
        # "the attackers" / "the attack" as a modifier of something else is still a trigger; a noun that
        # is only the compound of a name ("Attack Helicopter Battalion") is not; a plural is no part of a name but
        # a headline's subject the parser joined to the place after its verb ("Explosions rock Damascus").
        if token.dep_ == "compound" and token.head.ent_type_ and token.tag_ != "NNS":
            continue
        found.append(TriggerMatch(token, rule))
    found = [m for m in found if not (m.rule.defers and _gives_way(m, found)) and not _describes_an_object(m, found)]
    strong = [m for m in found if not m.rule.weak]
    strong = [m for m in strong if not _mentioned_by(m, strong)]
    # "detained five men and later executed them": an arrest does not explain a killing that followed it.
    return tuple(
        strong + [m for m in found if m.rule.weak and not _explained_by(m, [s for s in strong if _can_explain(s, m)])]
    )


_NAMES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP", "DATE"})


def _may_trigger(token: Token, shouting: bool) -> bool:
    """A verb or noun outside a name; in a sentence in capitals or title case ("Rebels Clash With Army Near
    Border", "GUNMEN ATTACK VILLAGE") the small model tags words as names, so a capitalised word counts too."""
    if shouting:
        return token.is_alpha and (token.pos_ in {"VERB", "NOUN", "PROPN", "ADJ"} or token.ent_type_ != "")
    # A headline's first word ("Clashes renewed in the south"): its capital makes the model read a name
    if token.pos_ == "PROPN" and token.i == token.sent.start and not token.ent_type_ and _unfinished(token.sent):
        return True
    if _capital_read_as_a_name(token) or _verb_read_as_adjective(token):
        return True
    return token.pos_ in {"VERB", "NOUN"} and token.ent_type_ not in _NAMES


def _capital_read_as_a_name(token: Token) -> bool:
    """headline_capital_read_as_name: in a headline, a capitalised word the small model read as a name or an
    auxiliary ("Rebels Clash with regime forces", "Violent Clashes continue in the east", "Shelling renewed on the
    city") may be the act; `_rule_fits` still asks a noun-only rule for one of its nouns ("Desert Storm" is no
    storming)."""
    # A word of a date is never the act ("since March", "on Sunday").
    return (
        token.is_alpha
        and token.text[0].isupper()
        and (token.pos_ in {"PROPN", "AUX"} or token.ent_type_ in _NAMES)
        and token.ent_type_ not in _TIMES
        and _unfinished(token.sent)
    )


_TIMES = frozenset({"DATE", "TIME"})


def _verb_read_as_noun(token: Token) -> bool:
    """A headline's verb in its base form right after its plural subject, which the parser took for a noun:
    "Regime forces target areas in the countryside", "Rebel factions advance in two villages". In prose ("the
    target areas", "their advance") the noun stands.
    headline_root_noun: the root of a headline is its act, whether the parser reads it as a verb with its subject
    or as a noun with its agent ("The SDF advance into the city centre", "Islamic State organisation advance in the
    south"): a headline names the act it reports."""
    if token.tag_ != "NN" or token.lower_ != token.lemma_.lower() or token.i == token.sent.start:
        return False
    if token.dep_ == "ROOT" and _unfinished(token.sent):
        return True
    subject = _word_before_adverbs(token)
    return subject is not None and subject.tag_ in {"NNS", "NNPS"} and subject.is_alpha and _unfinished(token.sent)


def _word_before_adverbs(token: Token) -> Token | None:
    """The word before the token, past any adverbs ("Regime forces heavily shell ...": "forces")."""
    i = token.i - 1
    while i > token.sent.start and token.doc[i].tag_ == "RB":
        i -= 1
    return token.doc[i] if i >= token.sent.start and token.doc[i].tag_ != "RB" else None


def _verb_read_as_adjective(token: Token) -> bool:
    """headline_verb_read_as_adjective: a headline's verb in its base form between its plural subject and its
    object, which the parser took for an adjective of the object: "Rebels expel government forces from a
    village", "Regime forces expel rebels from two towns". A trigger word tagged as an adjective in its base form
    after a plural noun is no adjective there ("offensive weapons" follows no plural subject)."""
    if token.tag_ != "JJ" or token.lower_ != token.lemma_.lower() or token.i == token.sent.start:
        return False
    subject = _word_before_adverbs(token)  # "Regime forces heavily shell areas ...": an adverb may come between
    return subject is not None and subject.tag_ in {"NNS", "NNPS"} and subject.is_alpha and _unfinished(token.sent)


def _lone_headline(sentence: SpacySpan) -> bool:
    """lone_headline: the text opens with this sentence and it has no final full stop: a headline read as the whole
    report (a feed item, a wire alert), since a headline above an article is not read."""
    return sentence.start_char == 0 and _unfinished(sentence)


def _participle_of_a_noun(token: Token) -> bool:
    """participle_describes_a_noun: "areas controlled by the rebels", "the advancing columns": a participle that
    modifies a noun tells what the noun is (a standing state), not news a headline's present tense gives."""
    return token.tag_ in {"VBN", "VBG"} and token.dep_ in {"acl", "amod"} and token.head.pos_ in {"NOUN", "PROPN"}


def _describes_forces_or_ground(token: Token, rule: TriggerRule) -> bool:
    """A push, a ring or a hold (the weak entries "advance", "encircle", and a lone headline's "control") is told by
    a clause; as a participle of a noun it says what the forces or the ground are: "forces encircling the district",
    "troops advancing in the area", "areas controlled by the rebels". A headline drops the passive's auxiliary, so
    there a past participle reports, save for a standing state (`only_in_lone_headlines`: "control"). A decisive act
    in a participle ("forces driving them out of the province") is still told."""
    if not _participle_of_a_noun(token):
        return False
    return token.tag_ == "VBG" or rule.only_in_lone_headlines or not _unfinished(token.sent)


def _unfinished(sentence: SpacySpan) -> bool:
    """No full stop at the end: a headline, a caption, a line of a list."""
    return not span_text(sentence).rstrip().endswith((".", "!", "?", '"', "”"))


def is_shouting(sentence: SpacySpan) -> bool:
    """Most words of the sentence start with a capital (a title-case headline) or are all capitals."""
    words = [t for t in span_tokens(sentence) if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def _can_explain(strong: TriggerMatch, weak: TriggerMatch) -> bool:
    """A killing is explained by the violence told with it, not by an interception or an arrest beside it."""
    return not part_of_a_harm(strong, weak) and (harms(strong.rule) or not harms(weak.rule))


# Acts that are a step of a violent act reported with them (see part_of_a_harm).
DETENTION_SUB_TYPES = frozenset({"Arrests"})
INTERCEPTION = "Disrupted weapons use"
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def harms(rule: TriggerRule) -> bool:
    """The rule names violence (not an arrest, a deployment, a protest)."""
    return rule.event_type in VIOLENT_TYPES or rule.kind != "plain"


def part_of_a_harm(a: TriggerMatch, b: TriggerMatch) -> bool:
    """One trigger is a step in the violent act the other names, and the two are one incident, the violent one:
    an arrest in verbs conjoined to a killing ("soldiers rounded up men at a market, bound their hands and shot
    them"), an interception of the barrage the sentence reports ("five rockets were launched ...; Iron Dome
    intercepted two"), weapons seized in the fight ("ambushed a convoy, seizing weapons")."""
    part, violent = (a, b) if harms(b.rule) else (b, a)
    if not harms(violent.rule) or harms(part.rule):
        return False
    if part.rule.sub_event_type in DETENTION_SUB_TYPES:
        return first_conjunct(part.token).i == first_conjunct(violent.token).i
    if part.rule.sub_event_type != INTERCEPTION:
        return False
    # "ambushed a military convoy, seizing weapons and ammunition": the spoils of the fight
    return violent.rule.event_type == "Explosions/Remote violence" or violent.token.is_ancestor(part.token)


def first_conjunct(token: Token) -> Token:
    """The first of a string of conjoined verbs ("rounded up ..., bound ... and shot")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _forces_do_it(token: Token, onto: Ontology) -> bool:
    """forces_do_not_protest: a crowd's verb whose own subject is soldiers or fighters ("its fighters marched three
    kilometres", "troops gathered at the border") moves forces; it is no protest. The subject's head word is read, not
    its phrase ("army veterans rallied" is a protest)."""
    return any(
        c.dep_ == "nsubj" and (onto.military_cues.fullmatch(c.lower_) or onto.armed_group_subjects.fullmatch(c.lower_))
        for c in token.children
    )


def _describes_a_thing(token: Token) -> bool:
    """A participle used as an adjective ("a downed drone", "mobilised militias", "the destroyed bridge")
    describes what something is or went through, not an incident the sentence reports. One with a subject is a
    verb the parser misread (`_subject_read_as_a_modifier`)."""
    return (
        token.pos_ == "VERB"
        and token.dep_ == "amod"
        and token.tag_ in {"VBN", "VBD"}
        and not _subject_read_as_a_modifier(token)
    )


def _subject_read_as_a_modifier(token: Token) -> bool:
    """verb_read_as_adjective_with_subject: "said the Nusra Front captured army-held positions", "said jihadists
    of the group captured regime-held positions": the parser read the past tense as an adjective of its object and
    its subject as a modifier of that object (or of the verb). An adjective has no subject: a name or noun right
    before the participle, attached to it as subject or to the same noun as a nominal modifier, is the subject of
    a verb."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return True
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return (
        before is not None
        and before.pos_ in {"NOUN", "PROPN"}
        and before.dep_ == "nmod"
        and before.head.i == token.head.i
    )


# Particles of phrasal verbs; the parser attaches some as adverbs ("shot down" with "down" an advmod).
_PARTICLE_DEPS = frozenset({"prt", "advmod"})


def _candidate_rules(token: Token, onto: Ontology) -> tuple[TriggerRule, ...]:
    """The rules a token may trigger, most specific first: its phrasal verb ("shoot_down"), its lemma, its
    word, its regular past-tense stem."""
    lemma = token.lemma_.lower()
    # "fired on the posts", "opened fire": a verb and its preposition or object may name the act too
    particles = [
        c.lower_
        for c in token.children
        if (c.dep_ in _PARTICLE_DEPS and c.pos_ in {"ADP", "ADV", "PART"})
        or (c.dep_ in {"prep", "dobj"} and token.pos_ == "VERB")
    ]
    phrasal = next((onto.rules[f"{lemma}_{p}"] for p in particles if f"{lemma}_{p}" in onto.rules), ())
    return (
        phrasal
        or onto.rules.get(lemma)
        or onto.rules.get(token.lower_)
        or _by_past_tense(token, onto)
        or _by_plural(token, onto)
    )


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars it may be the plural of ("clashes": "clashe", "clash")."""
    return (word, word[:-1], word[:-2]) if word.endswith("es") else (word, word[:-1]) if word.endswith("s") else (word,)


def _by_plural(token: Token, onto: Ontology) -> tuple[TriggerRule, ...]:
    """A capitalised word the model took for a name keeps its plural ("Airstrikes", "CLASHES"): try the singular."""
    if token.pos_ != "PROPN":
        return ()
    return next((rules for singular in _singulars(token.lower_)[1:] if (rules := onto.rules.get(singular))), ())


def _rule_fits(rule: TriggerRule, token: Token, text: str, onto: Ontology) -> bool:
    """The rule's conditions hold for this token in this sentence."""
    lemma = token.lemma_.lower()
    if (
        token.pos_ == "NOUN"
        and ((rule.nouns_need and lemma not in rule.nouns_need) or rule.verbs_only)
        and not _verb_read_as_noun(token)
    ):
        return False
    if token.pos_ in {"PROPN", "AUX"} and rule.nouns_need and not set(_singulars(token.lower_)) & set(rule.nouns_need):
        return False
    if rule.event_type == "Protests" and _forces_do_it(token, onto):
        return False
    if rule.only_in_headlines and not _unfinished(token.sent):
        return False
    if rule.no_object and _takes_an_object(token):
        return False
    if rule.only_in_lone_headlines and not _lone_headline(token.sent):
        return False
    if rule.verbs_only and (rule.weak or rule.only_in_lone_headlines) and _describes_forces_or_ground(token, rule):
        return False
    lowered = text.lower()
    if rule.needs_any is not None and not rule.needs_any.search(lowered):
        return False
    by_name = rule.event_type != "Strategic developments"
    if rule.needs_military and not _moved_by_the_military(token, text, onto, by_name=by_name):
        return False
    if rule.instrument_subject and not _instrument_does_it(token, onto):
        return False
    if rule.object_needs is not None and not rule.object_needs.search(_attacked_object(token)):
        return False
    return not rule.needs_instrument or named_weapon(text) is not None


def _takes_an_object(token: Token) -> bool:
    """The verb has a direct object or a clause of what it says ("demonstrated its resolve", "demonstrates that
    the plan failed"): a verb of a crowd's act used in its other, transitive sense."""
    objects_or_clauses = DEP.direct_object | DEP.clausal_complement
    return token.pos_ in POS.verb | POS.auxiliary and any(c.dep_ in objects_or_clauses for c in token.children)


def _describes_an_object(match: TriggerMatch, found: list[TriggerMatch]) -> bool:
    """ "destroyed two drones launched by the Houthis": a participle describing what another trigger acted on
    tells where the thing came from, not an incident of its own."""
    token = match.token
    if token.dep_ != "acl" or token.tag_ != "VBN" or first_conjunct(token.head).dep_ not in {"dobj", "pobj"}:
        return False
    return any(m is not match and m.token.is_ancestor(token) for m in found)


def _gives_way(match: TriggerMatch, found: list[TriggerMatch]) -> bool:
    """Another trigger governs this one or lies in its phrase: "arrested 12 citizens after storming their homes",
    "stormed the hospital, looting medical supplies"."""
    token = match.token
    return any(m is not match and (m.token.is_ancestor(token) or token.is_ancestor(m.token)) for m in found)


def _instrument_does_it(token: Token, onto: Ontology) -> bool:
    """The trigger's subject is a weapon or a strike ("a drone attack set fire", "artillery destroyed")."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
    return any(
        s.lemma_.lower() in onto.rules or any(pattern.search(_phrase_text(s)) for _, pattern in onto.instruments)
        for s in subjects
    )


def _phrase_text(token: Token) -> str:
    """The text of the phrase a token heads (its subtree), as written."""
    return text_between(token.left_edge, token.right_edge)


def _by_past_tense(token: Token, onto: Ontology) -> tuple[TriggerRule, ...]:
    """The small model's lemmatiser misses some past forms ("raped" -> "rap"): try the regular stems."""
    word = token.lower_
    if (token.tag_ not in {"VBD", "VBN"} and token.pos_ != "PROPN") or not word.endswith("ed"):
        return ()
    return onto.rules.get(word[:-1]) or onto.rules.get(word[:-2]) or ()


def _polices_a_crowd(token: Token, onto: Ontology) -> bool:
    """ "police fired tear gas", "soldiers fired in the air to disperse them": the trigger's own clause."""
    return onto.crowd_control_cues.search(_phrase_text(token)) is not None


def _explained_by(weak: TriggerMatch, strong: list[TriggerMatch]) -> bool:
    """A weak trigger inside a strong one's phrase, or with it as an argument, is the same incident:
    "an attack that killed three", "airstrikes killed 12"."""
    ancestors = {t.i for t in weak.token.ancestors}
    arguments = {c.i for c in weak.token.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent"}}
    # "were killed in clashes", "died in an airstrike": the strong trigger is the weak one's circumstance, also
    # when it hangs on a casualty figure conjoined to it ("12 were killed and dozens injured in the fighting").
    arguments |= {
        m.token.i
        for m in strong
        if m.token.dep_ == "pobj" and m.token.head.lower_ in _CIRCUMSTANCE and weak.token.is_ancestor(m.token)
    }
    # "dropped two bombs ..., killing 11 and destroying houses": the noun trigger's verb governs the weak one.
    heads = {m.token.head.i for m in strong if m.token.pos_ == "NOUN" and m.token.dep_ == "dobj"}
    return any(
        m.token.i in ancestors or m.token.i in arguments or _when_clause_of(m.token, weak.token) for m in strong
    ) or bool(heads & ancestors)


def _when_clause_of(strong: Token, weak: Token) -> bool:
    """ "Four people were killed and 15 wounded when protesters clashed": the strong trigger heads an adverbial
    clause of the weak one (or of a verb conjoined with it), the circumstance the casualties came in."""
    node = strong
    while node.head.i != node.i and node.i != weak.i:
        clause_head = node.head.head if node.head.dep_ == "conj" else node.head
        if node.dep_ == "advcl" and weak.i in {node.head.i, clause_head.i} and _told_as_a_circumstance(node):
            return True
        node = node.head
    return False


_CIRCUMSTANCE_MARKS = word_set("en", "triggers", "circumstance_marks")


def _told_as_a_circumstance(clause: Token) -> bool:
    """ "when protesters clashed" is the circumstance; "calling on the cabinet to approve the deal" is not."""
    return any(c.dep_ in {"mark", "advmod", "prep"} and c.lower_ in _CIRCUMSTANCE_MARKS for c in clause.children)


def _mentioned_by(match: TriggerMatch, others: list[TriggerMatch]) -> bool:
    """A bare event noun inside another trigger's phrase names an incident the sentence refers to, not a new
    one: "repelled an attack", "arrested suspects linked to the bombing", "after the attack". With a clause
    of its own ("an attack that killed three soldiers") it is reported in its own right."""
    token = match.token
    if token.pos_ != "NOUN" or any(c.dep_ in {"relcl", "acl"} for c in token.children):
        return False
    ancestors = {t.i for t in token.ancestors}
    return any(
        o.token.i in ancestors and o.rule.event_type != match.rule.event_type and not _listed_beside(token, o.token)
        for o in others
    )


def _listed_beside(token: Token, other: Token) -> bool:
    """two_acts_listed: the noun is conjoined to the other trigger ("clashes and shelling in the hills"), or, in
    a headline, conjoined inside its phrase ("Shelling on the town and clashes in the hills", where the parser
    joins "clashes" to "town"): a second act told beside the first, not an incident the first one refers to."""
    if token.dep_ == "conj" and _unfinished(token.sent):
        return True
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.i == other.i:
            return True
    return False


DEFINITE_DETERMINERS = word_set("en", "triggers", "definite_determiners")
_CIRCUMSTANCE = word_set("en", "triggers", "circumstance_prepositions")
_TARGET_PREPOSITIONS = word_set("en", "triggers", "target_prepositions")
_INDEFINITE_ARTICLES = word_set("en", "triggers", "indefinite_articles")


def _refers_back(token: Token, onto: Ontology) -> bool:
    """ "have not commented on the fighting", "the source of the shelling", "was behind the attack": a bare
    definite event noun in a sentence with no date, under a verb that is no event itself, points back to an
    incident already reported."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children):
        return False
    # A headline that opens the text ("The clashes continue in the eastern countryside") has nothing before it
    # to point back to.
    if token.sent.start == 0 and _unfinished(token.sent):
        return False
    if any(c.dep_ not in {"det", "amod", "compound", "poss"} for c in token.children):
        return False
    # "an hour before the strike", "days after the attack": a time told from the incident is not its date.
    if not _anchors_a_time(token) and any(e.label_ in {"DATE", "TIME"} for e in entities_in(token.sent)):
        return False
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is None or verb.lemma_.lower() not in onto.rules


_TIME_ANCHORS = word_set("en", "triggers", "time_anchors")
_ANCHOR_LINKERS = word_set("en", "triggers", "anchor_linkers")


def _anchors_a_time(token: Token) -> bool:
    """The noun is the object of a preposition that dates something by it ("an hour before the strike")."""
    head = token.head
    if token.dep_ != "pobj" or head.dep_ not in {"prep", "pcomp"}:
        return False
    # "ahead of the attack", "prior to the raid"
    word = head.head.lower_ if head.lower_ in _ANCHOR_LINKERS and head.head.dep_ in {"prep", "advmod"} else head.lower_
    return word in _TIME_ANCHORS


def _moved_by_the_military(token: Token, text: str, onto: Ontology, by_name: bool = False) -> bool:
    """A movement trigger ("withdrew", "evacuate") is a strategic development when forces move: its own subject
    when it has one ("ordered residents to evacuate" moves residents), else anything military in the sentence."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and token.dep_ == "xcomp":
        subjects = [c for c in token.head.children if c.dep_ == "dobj"]
    if not subjects and token.pos_ == "NOUN":  # "the SDF advance", "the army's withdrawal": a name before the act
        subjects = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"} and c.pos_ == "PROPN"]
    if subjects and not any(s.pos_ == "PRON" for s in subjects):  # "it suspended": whoever "it" is
        return any(
            onto.military_cues.search(_phrase_text(s))
            or onto.armed_group_subjects.search(_phrase_text(s))
            or (by_name and _names_an_armed_actor(s, onto))
            for s in subjects
        )
    return onto.military_cues.search(text) is not None or onto.armed_group_subjects.search(text) is not None


def _names_an_armed_actor(subject: Token, onto: Ontology) -> bool:
    """armed_actor_named: a subject the actor dictionary knows as an armed side ("the SDF advance into the city",
    "the Islamic State organisation advances") is forces moving, though no word of it says "forces". Asked only of
    acts of violence (an advance, a ring, a targeting): a named side's arriving or moving ("police arrived") is no
    strategic development."""
    if subject.lemma_.lower() in _ARMED_SIDE_HEADS:  # "the alliance encircled the town": an armed side by its kind
        return True
    if subject.ent_type_ in {"GPE", "PERSON"}:  # a place standing for its state ("Amman sent ...") may be a name
        return False
    phrase = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    entry = phrase_actor(phrase, actor_dictionary())
    return entry is not None and entry.actor_type in onto.armed_actor_types and entry.actor_type != "Unidentified"


def is_generic(token: Token, onto: Ontology) -> bool:
    """A trigger that names a kind of activity rather than one incident."""
    head = token.head
    # "confronting terrorism", "the fight against extremism": a struggle with an idea, not an incident
    if any(c.dep_ in {"dobj", "pobj"} and c.lower_ in onto.abstract_enemies for c in token.children) or any(
        c.dep_ == "prep" and any(o.lower_ in onto.abstract_enemies for o in c.children) for c in token.children
    ):
        return True
    # "the suspended attacks" (a parser may read the governing verb as an adjective)
    if any(
        c.dep_ in {"amod", "compound"}
        and c.lemma_.lower() in onto.generic_governors
        and not (_attempted_act(c) and _violent_word(token, onto))
        for c in token.children
    ):
        return True
    if token.dep_ == "compound" and _attempted_act(head) and _violent_word(token, onto):
        return False
    # (a gerund object of a preposition too: "protect the city from shelling" tags "shelling" a verb)
    if (token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj", "nsubjpass", "compound"}) or token.dep_ == "pobj":
        governor = head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head
        if _several(governor):
            return False
        if governor.lemma_.lower() in onto.generic_governors or head.lemma_.lower() in onto.generic_governors:
            return True
    # "under the guise of fighting", "in an attempt to avert": a gerund after a preposition
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and head.head.lemma_.lower() in onto.generic_governors:
        return True
    # "began attacking bases in October" is a campaign; "jets continue bombing the villages", in the present
    # tense, tells what is happening now.
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in onto.aspectual_verbs
        and token.tag_ == "VBG"
        and head.tag_ not in _PRESENT_TENSE
    )


_PRESENT_TENSE = frozenset({"VBP", "VBZ"})
_ARMED_SIDE_HEADS = word_set("en", "triggers", "armed_side_heads")
_QUANTITY_NOUNS = word_set("en", "triggers", "quantity_nouns")


def _several(governor: Token) -> bool:
    """a_number_of: "carried out a number of strikes on the positions", "a couple of raids": a quantity noun with an
    indefinite article says "several", not a tally ("the number of attacks has doubled")."""
    return governor.lemma_.lower() in _QUANTITY_NOUNS and any(
        c.dep_ == "det" and c.lower_ in _INDEFINITE_ARTICLES for c in governor.children
    )


_ATTEMPT_WORDS = word_set("en", "triggers", "attempt_words")


def _attempted_act(modifier: Token) -> bool:
    """attempted_act: "an attempted kidnapping", "an assassination attempt": the word of attempt that modifies a
    violent act, or that the act names, makes it an act that was made and failed, an incident all the same (unlike
    "the attempts to end the fighting", where the act is what the attempt is about, or "a ceasefire attempt")."""
    return modifier.lower_ in _ATTEMPT_WORDS or modifier.lemma_.lower() in _ATTEMPT_WORDS


def _violent_word(token: Token, onto: Ontology) -> bool:
    return any(harms(rule) for rule in _candidate_rules(token, onto))


def _one_person_attacked(token: Token, onto: Ontology) -> bool:
    """The trigger's object is one person ("a former commander", "a local official"), not a unit."""
    for obj in (c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        determiner = next((c.lower_ for c in obj.children if c.dep_ == "det"), None)
        if determiner in _INDEFINITE_ARTICLES and obj.tag_ == "NN" and obj.lemma_.lower() in onto.individual_victims:
            return True
    return False


def _attacked_object(token: Token) -> str:
    """What was attacked: "attacked [an army post]", "an attack [on a convoy]"; not who died in it."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPOSITIONS for g in c.children]
    if token.dep_ == "acl":  # "a convoy attacked by gunmen"
        objects.append(token.head)
    if token.dep_ == "amod" and _verb_read_as_adjective(token):  # "Rebels expel [government forces] from ..."
        objects.append(token.head)
    return " ".join(" ".join(t.text for t in o.subtree if t.dep_ not in {"relcl", "acl"}) for o in objects)


def _killed(token: Token) -> list[Token]:
    """Who or what the trigger killed: its object or passive subject, with their relative clauses; also a clause
    the parser hung on it whose subject, right after the trigger, is the object misread ("massacred [troops taken
    hostage]"; not "killed five soldiers after rebels captured the town")."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    misread = [
        c
        for c in token.children
        if c.dep_ in {"ccomp", "advcl"} and any(s.dep_ == "nsubj" and s.left_edge.i == token.i + 1 for s in c.children)
    ]
    return objects + misread


def _victims_held(token: Token, onto: Ontology) -> bool:
    """What the trigger killed is told as held by the killers ("fighters who had surrendered", "the hostages")."""
    return any(onto.captive_victims.search(" ".join(t.text for t in o.subtree)) for o in _killed(token))


def _an_execution(token: Token, onto: Ontology) -> bool:
    """The trigger's word is an execution ("executed", "beheaded"), not a deed carried out ("executed a raid")."""
    return token.lemma_.lower() in onto.execution_lemmas and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in onto.executed_deeds for c in token.children
    )


def _armed_arsonist(token: Token, actor1_type: str | None, onto: Ontology) -> bool:
    """Who set the fire is a known armed group, or its subject says it bears arms ("the assailants, armed with
    machetes")."""
    if actor1_type in onto.armed_actor_types and actor1_type != "Unidentified":
        return True
    return any(onto.armed_cues.search(_phrase_text(s)) for s in _subjects(token))


def _subjects(token: Token) -> list[Token]:
    """The trigger's subjects, a conjoined verb's those of the verb it is conjoined to ("looted shops and set
    fire")."""
    own = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if own or token.dep_ != "conj":
        return own
    return [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


CROWD_ACTOR_TYPES = frozenset({"Protesters", "Rioters"})
TERRITORY_SUB_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def classify(match: TriggerMatch, sentence: SpacySpan, target_text: str, actor1_type: str | None) -> Classification:
    """Event type, sub-type, PLOVER category and confidence for one trigger in its sentence: the trained model
    (extract/typing_model.py) chooses among the types the named constraints of data/ontology.yaml admit.
    Where a cue of ACLED's coding conventions speaks (a weapon named, a civilian or military target, a crowd,
    sexual violence, territory given up: `classify_by_rules`), its type is weighed with the model's (the weight is
    in the model's meta); a strategic trigger keeps its lexicon's sub-type ("arrested", "agreed a truce"). The
    model decides the bare cases ("were killed", "an attack on the town"), and gives every event its confidence."""
    onto = ontology()
    by_rules = classify_by_rules(match, sentence, target_text, actor1_type)
    text = span_text(sentence)
    scope = weapon_scope(match, sentence)
    model = typing_model()
    earlier = (
        None
        if named_weapon(text) or match.rule.weapon_in_own_phrase
        else weapon_named_earlier(document_text(sentence.doc), sentence.start_char)
    )
    probabilities = model.probabilities(
        features(text, match.token.idx - sentence.start_char, match.token.lemma_, actor1_type, earlier)
    )
    admitted = admitted_types(match.rule, by_rules.event_type, actor1_type, scope, earlier)
    by_type = type_probabilities(probabilities)
    if by_rules.event_type == "Strategic developments" or by_rules.binding or admitted == {by_rules.event_type}:
        return replace(
            by_rules,
            plover=one_sided_plover(by_rules.plover, target_text, by_rules.event_type),
            confidence=round(model.confidence(by_type.get(by_rules.event_type, 0.0)), 3),
        )
    # The rules' type (a convention's, or else the trigger's lexicon's) is weighed with the model's probabilities,
    # each weight chosen by cross-validation.
    # A weak trigger's lexicon type ("were killed") is only a default: it gets its own weight, also chosen so.
    bonus = model.convention_weight if by_rules.by_convention else _lexicon_bonus(match.rule, model)
    event_type = max(sorted(admitted), key=lambda t: by_type.get(t, 0.0) + (bonus if t == by_rules.event_type else 0.0))
    subs = sorted((n for n in probabilities if split_label(n)[0] == event_type), key=lambda n: -probabilities[n])
    if event_type == by_rules.event_type or not subs:
        event_type, sub = by_rules.event_type, by_rules.sub_event_type  # the lexicon names the sub-type both agree on
        if subs and model.sub_type_by_model and sub_type_is_a_default(match.rule, event_type, scope):
            sub = split_label(subs[0])[1]
        sub = earlier_weapon_names_the_sub_type(match.rule, event_type, sub, earlier)
    else:
        sub = weapon_names_the_sub_type(event_type, split_label(subs[0])[1], scope, earlier)
    lemma = match.token.lemma_.lower()
    plover = one_sided_plover(match.rule.plover or onto.plover(event_type, sub, lemma), target_text, event_type)
    return Classification(event_type, sub, plover, round(model.confidence(by_type.get(event_type, 0.0)), 3))


# Dependents that open another clause or act: a weapon named there is not the trigger's ("fighters assaulted the
# base as jets bombed the town").
_OTHER_CLAUSES = frozenset({"advcl", "conj", "cc", "ccomp", "parataxis"})


def weapon_scope(match: TriggerMatch, sentence: SpacySpan) -> str:
    """The text whose weapons type a trigger: its sentence, or, for a trigger whose lexicon entry counts only a
    weapon of its own phrase (`weapon_in_own_phrase`: "an aerial assault", "an assault by drones"), that phrase
    without the other clauses hung on it."""
    if not match.rule.weapon_in_own_phrase:
        return span_text(sentence)
    token = match.token
    own = {token.i}
    for child in token.children:
        if child.dep_ not in _OTHER_CLAUSES:
            own.update(t.i for t in child.subtree)
    return "".join(token.doc[i].text_with_ws for i in sorted(own))


def _lexicon_bonus(rule: TriggerRule, model: TypingModel) -> float:
    """What a trigger's lexicon type weighs against the model when no convention spoke."""
    return model.weak_weight if rule.weak else model.lexicon_weight


def one_sided_plover(plover: str, target_text: str, event_type: str) -> str:
    """one_sided_plover: conventional force (PLOVER FIGHT) used on civilians is one-sided violence, ASSAULT. A
    battle is two-sided by definition (ACLED: a clash of two organised armed groups), so it stays FIGHT whatever
    ground it is fought over ("fighting for three villages")."""
    onto = ontology()
    if event_type == "Battles":
        return plover
    if plover == "FIGHT" and target_text and onto.civilian_cues.search(target_text):
        return onto.one_sided_plover
    return plover


def admitted_types(
    rule: TriggerRule, rule_type: str, actor1_type: str | None, text: str, earlier: str | None = None
) -> set[str]:
    """The types the named constraints allow for a trigger (data/ontology.yaml `typing_constraints`):
    - trigger_family: a word of attack or of remote violence may be any violent type, a protest word a protest or
      a riot; any other trigger is the type of its lexicon entry ("raped", "clashed", "arrested");
    - no_weapon_no_remote_violence: with no weapon named, neither in the sentence nor earlier in the report
      (``earlier``, `weapon_named_earlier`), an attack is no remote violence ("were killed");
    - remote_weapon_attack_is_remote_violence: an attack made with a named remote weapon ("attacked with rockets",
      "an attack by drones") is remote violence;
    - crowd_is_no_army: what a crowd does (protesters, rioters) is a protest or a riot."""
    onto = ontology()
    constraints = onto.typing_constraints
    family = rule.kind if rule.kind != "plain" else rule.event_type
    admitted = set(constraints["trigger_family"].get(family, [rule_type])) | {rule_type}
    weapon = named_weapon(text) is not None
    if rule.kind != "remote" and not weapon and earlier is None:
        admitted -= set(constraints["no_weapon_no_remote_violence"])
    if family == "attack" and weapon and onto.attack_with_weapon.search(text):
        admitted = admitted & set(constraints["remote_weapon_attack_is_remote_violence"]["types"]) or admitted
    if actor1_type in constraints["crowd_is_no_army"]["actor_types"]:
        admitted = admitted & set(constraints["crowd_is_no_army"]["types"]) or admitted
    return admitted or {rule_type}


def sub_type_is_a_default(rule: TriggerRule, event_type: str, text: str) -> bool:
    """remote_sub_type_without_a_weapon: a word of remote violence ("strikes hit the village", "the town was
    bombed", "an explosion in the market") in a sentence that names no weapon has only its lexicon's default
    sub-type; which weapon it was (aircraft, artillery, a planted bomb) is a judgement of the other words (who
    struck, what was hit), left to the model when its meta says so (``sub_type_by_model``, chosen by
    cross-validation in scripts/train_typing.py)."""
    return (
        rule.kind == "remote"
        and event_type == rule.event_type == "Explosions/Remote violence"
        and named_weapon(text) is None
    )


@functools.lru_cache(maxsize=256)
def named_weapon(text: str) -> str | None:
    """The remote-violence sub-type of the first weapon (ontology ``instruments``, in their order) the text names.
    Kept for the last sentences read: the typing rules ask it of one sentence several times."""
    return next((sub for sub, pattern in ontology().instruments if pattern.search(text)), None)


def weapon_names_the_sub_type(event_type: str, sub: str, text: str, earlier: str | None = None) -> str:
    """weapon_names_the_sub_type (ACLED's convention): remote violence takes the sub-type of the weapon the
    sentence names ("a roadside bomb" is an IED, "warplanes" an air strike), whatever the model prefers; if the
    sentence names none, that of the weapon named earlier in the report (``earlier``, `weapon_named_earlier`)."""
    if event_type != "Explosions/Remote violence":
        return sub
    return named_weapon(text) or earlier or sub


def earlier_weapon_names_the_sub_type(rule: TriggerRule, event_type: str, sub: str, earlier: str | None) -> str:
    """A word of attack typed remote violence in a sentence that names no weapon ("the attack killed nine")
    takes the sub-type of the weapon named earlier in the report, not its lexicon's default; a word of remote
    violence ("shelled", "an air strike") keeps its own."""
    if event_type != "Explosions/Remote violence" or earlier is None or rule.kind == "remote":
        return sub
    return earlier


@functools.lru_cache(maxsize=8)
def _weapons_named(text: str) -> tuple[tuple[int, str], ...]:
    """Where each weapon (ontology ``instruments``) is named in a text, in order: (character offset, sub-type)."""
    found = {m.start(): sub for sub, pattern in reversed(ontology().instruments) for m in pattern.finditer(text)}
    return tuple(sorted(found.items()))


def weapon_named_earlier(text: str, position: int) -> str | None:
    """weapon_named_earlier (how news is written): a report names the weapon once, in its lead ("warplanes
    struck the market"), and its later sentences refer back to it ("the attack killed nine", "five more civilians
    were killed in the town"). The remote-violence sub-type of the last weapon named in ``text`` before
    ``position`` (the sentence's start): a cue for the typing model, and what keeps remote violence admitted
    (`admitted_types`) where the sentence itself names no weapon."""
    earlier = [sub for start, sub in _weapons_named(text) if start < position]
    return earlier[-1] if earlier else None


class _Cues:
    """What a convention rule reads of one trigger in its sentence: the trigger, the sentence's text, the target
    phrase, the first actor's type, the instrument the sentence names and whether the target is civilian."""

    def __init__(self, match: TriggerMatch, sentence: SpacySpan, target_text: str, actor1_type: str | None) -> None:
        self.onto = ontology()
        self.match = match
        self.rule = match.rule
        self.text = span_text(sentence)
        self.target_text = target_text
        self.actor1_type = actor1_type
        self.instrument = named_weapon(weapon_scope(match, sentence))
        self.civilian_target = bool(self.onto.civilian_cues.search(target_text)) if target_text else False

    @functools.cached_property
    def attacked(self) -> str:
        """The text of what the trigger attacked (`_attacked_object`)."""
        return _attacked_object(self.match.token)

    @functools.cached_property
    def doer_weapon(self) -> str | None:
        """The remote-violence sub-type of a weapon named as the doer of the trigger (`_doer_phrases`)."""
        return next((w for phrase in _doer_phrases(self.match.token) if (w := named_weapon(phrase))), None)


_DOER_DEPS = frozenset({"nsubj", "agent"})
_CLAUSES_SHARING_A_SUBJECT = frozenset({"advcl", "conj", "xcomp"})


def _doer_phrases(token: Token) -> list[str]:
    """The phrases that name who or what did what a verb says: its subject, or the agent of its passive ("killed
    by a roadside bomb"); a verb with neither that goes on from another ("a car bomb exploded, killing twelve")
    takes that verb's subject."""
    doers = [c for c in token.children if c.dep_ in _DOER_DEPS]
    if not doers and token.dep_ in _CLAUSES_SHARING_A_SUBJECT and token.head.i != token.i:
        doers = [c for c in token.head.children if c.dep_ == "nsubj"]
    return [text_between(d.left_edge, d.right_edge) for d in doers]


@dataclass
class _Verdict:
    """The type and sub-type the convention rules settle on, starting from the trigger's lexicon entry."""

    event_type: str
    sub: str
    binding: bool = False  # a convention the model does not overrule


# True: the rule applied (in a cascade where the first rule that applies decides, later rules do not run)
ConventionRule = Callable[[_Cues, _Verdict], bool]
CONVENTION_CUES = Cascade[ConventionRule]("triggers.convention_cues")
REMOTE_CUES = Cascade[ConventionRule]("triggers.remote_cues")
ATTACK_CUES = Cascade[ConventionRule]("triggers.attack_cues")


def _first_that_applies(cascade: Cascade[ConventionRule], cues: _Cues, verdict: _Verdict) -> bool:
    """Run ``cascade``'s rules in order until one applies."""
    return any(rule(cues, verdict) for rule in cascade.rules())


@REMOTE_CUES.register("weapon_is_the_doer")
def remote_weapon_is_the_doer(cues: _Cues, verdict: _Verdict) -> bool:
    """weapon_is_the_doer (ACLED: the weapon, not the victims, makes remote violence): a weapon that is itself the
    doer ("helicopters struck the village as clashes went on", "a car bomb killed 20 soldiers", "were killed by
    shelling") makes remote violence of its sub-type, whoever was hit and whatever fighting the sentence also tells;
    a convention the model does not overrule."""
    if cues.doer_weapon is None:
        return False
    verdict.event_type, verdict.sub, verdict.binding = "Explosions/Remote violence", cues.doer_weapon, True
    return True


@REMOTE_CUES.register("civilian_target")
def remote_civilian_target(cues: _Cues, verdict: _Verdict) -> bool:
    """A remote-violence word aimed at civilians with no weapon named is an attack on civilians ("the village
    was struck and farmers were hit")."""
    if not (cues.civilian_target and cues.instrument is None):
        return False
    verdict.event_type, verdict.sub = "Violence against civilians", "Attack"
    return True


@REMOTE_CUES.register("weapon_names_sub_type")
def remote_weapon_names_sub_type(cues: _Cues, verdict: _Verdict) -> bool:
    """A remote-violence word takes the sub-type of the weapon the sentence names ("shelled with mortars")."""
    if not cues.instrument:
        return False
    verdict.sub = cues.instrument
    return True


@REMOTE_CUES.register("battle_words")
def remote_battle_words(cues: _Cues, verdict: _Verdict) -> bool:
    """A remote-violence word among words of close combat, with no weapon named, is an armed clash ("fired on
    each other in heavy fighting")."""
    if not cues.onto.battle_cues.search(cues.text):
        return False
    verdict.event_type, verdict.sub = "Battles", "Armed clash"
    return True


@ATTACK_CUES.register("killing_in_captivity")
def attack_killing_in_captivity(cues: _Cues, verdict: _Verdict) -> bool:
    """An execution ("executed eleven men", "beheaded two fighters"), or a killing of people held ("shot the
    hostages", "killed soldiers who had surrendered"), with no weapon of war named, is an attack on civilians
    whoever the victims fought for (ACLED: the unarmed are civilians); a convention the model does not
    overrule."""
    token = cues.match.token
    # An execution told among close-combat words ("stormed the base and executed the guards") is the fight's.
    execution = _an_execution(token, cues.onto) and not cues.onto.battle_cues.search(cues.text)
    if cues.instrument is not None or not (execution or _victims_held(token, cues.onto)):
        return False
    verdict.event_type, verdict.sub, verdict.binding = "Violence against civilians", "Attack", True
    return True


@ATTACK_CUES.register("weapon_is_the_doer")
def attack_weapon_is_the_doer(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack or killing whose doer is a weapon is remote violence (`remote_weapon_is_the_doer`)."""
    return remote_weapon_is_the_doer(cues, verdict)


@ATTACK_CUES.register("sexual_violence")
def attack_sexual_violence(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack in a sentence that speaks of sexual violence is sexual violence ("women raped and assaulted by
    soldiers")."""
    if not cues.onto.sexual_violence_cues.search(cues.text):
        return False
    verdict.event_type, verdict.sub = "Violence against civilians", "Sexual violence"
    return True


@ATTACK_CUES.register("military_target")
def attack_military_target(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack on a military target with no weapon named is an armed clash ("gunmen attacked an army post")."""
    if not (cues.instrument is None and cues.onto.military_target_cues.search(cues.attacked)):
        return False
    verdict.event_type, verdict.sub = "Battles", "Armed clash"
    return True


@ATTACK_CUES.register("combatant_victims")
def attack_combatant_victims(cues: _Cues, verdict: _Verdict) -> bool:
    """Killing combatants, no civilian target and no weapon named, is an armed clash ("troops killed twelve
    militants")."""
    if not (cues.instrument is None and not cues.civilian_target and cues.onto.combatant_victims.search(cues.attacked)):
        return False
    verdict.event_type, verdict.sub = "Battles", "Armed clash"
    return True


@ATTACK_CUES.register("civilian_or_one_person")
def attack_civilian_or_one_person(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack on civilians, or on one person, with no weapon named is an attack on civilians, not a fight
    ("gunmen killed two villagers")."""
    if not ((cues.civilian_target or _one_person_attacked(cues.match.token, cues.onto)) and cues.instrument is None):
        return False
    verdict.event_type, verdict.sub = "Violence against civilians", "Attack"
    return True


@ATTACK_CUES.register("remote_weapon")
def attack_remote_weapon(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack made with a named weapon is remote violence of that weapon's sub-type ("attacked the base with
    rockets")."""
    if not cues.instrument:
        return False
    verdict.event_type, verdict.sub = "Explosions/Remote violence", cues.instrument
    return True


@ATTACK_CUES.register("battle_words")
def attack_battle_words(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack among words of close combat is an armed clash ("attacked the town and heavy fighting followed").
    No rule applying, the trigger keeps its own type: with no weapon named a killing is no remote violence."""
    if not cues.onto.battle_cues.search(cues.text):
        return False
    verdict.event_type, verdict.sub = "Battles", "Armed clash"
    return True


@CONVENTION_CUES.register("remote_trigger")
def remote_trigger(cues: _Cues, verdict: _Verdict) -> bool:
    """A remote-violence trigger ("shelled", "struck") is refined by the first `triggers.remote_cues` rule that
    applies."""
    return cues.rule.kind == "remote" and _first_that_applies(REMOTE_CUES, cues, verdict)


@CONVENTION_CUES.register("attack_trigger")
def attack_trigger(cues: _Cues, verdict: _Verdict) -> bool:
    """An attack trigger ("attacked", "killed") is refined by the first `triggers.attack_cues` rule that
    applies."""
    return cues.rule.kind == "attack" and _first_that_applies(ATTACK_CUES, cues, verdict)


@CONVENTION_CUES.register("crowd_riots")
def crowd_riots(cues: _Cues, verdict: _Verdict) -> bool:
    """Violence a crowd does is a riot ("demonstrators attacked the town hall", "protesters clashed with
    counter-protesters")."""
    if not (
        cues.actor1_type in CROWD_ACTOR_TYPES
        and verdict.event_type in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    ):
        return False
    verdict.event_type, verdict.sub = "Riots", "Violent demonstration"
    return True


@CONVENTION_CUES.register("state_actor_sub")
def state_actor_sub(cues: _Cues, verdict: _Verdict) -> bool:
    """A trigger whose lexicon entry names a sub-type for state forces takes it when state forces act ("the army
    retook the district")."""
    if not (cues.rule.state_actor_sub and cues.actor1_type == "State forces"):
        return False
    verdict.sub = cues.rule.state_actor_sub
    return True


@CONVENTION_CUES.register("armed_arsonist")
def armed_arsonist(cues: _Cues, verdict: _Verdict) -> bool:
    """Burning by an armed group is no riot: an attack on civilians if the target is civilian, else property
    destruction ("the raiders, armed with rifles, set fire to the houses")."""
    if not (verdict.event_type == "Riots" and _armed_arsonist(cues.match.token, cues.actor1_type, cues.onto)):
        return False
    verdict.event_type, verdict.sub = (
        ("Violence against civilians", "Attack")
        if cues.civilian_target
        else ("Strategic developments", "Looting/property destruction")
    )
    return True


@CONVENTION_CUES.register("territory_without_fight")
def territory_without_fight(cues: _Cues, verdict: _Verdict) -> bool:
    """Territory taken without a fight is a non-violent transfer ("entered the town after the defenders left
    without resistance")."""
    if not (verdict.sub in TERRITORY_SUB_TYPES and cues.onto.no_fight_cues.search(cues.text)):
        return False
    verdict.event_type, verdict.sub = "Strategic developments", "Non-violent transfer of territory"
    return True


@CONVENTION_CUES.register("territory_not_held")
def territory_not_held(cues: _Cues, verdict: _Verdict) -> bool:
    """A capture the sentence says did not hold is an armed clash. It never follows `territory_without_fight`,
    whose sub-type is no territory sub-type."""
    if not (verdict.sub in TERRITORY_SUB_TYPES and cues.onto.not_held_cues.search(cues.text)):
        return False
    verdict.event_type, verdict.sub = "Battles", "Armed clash"
    return True


@CONVENTION_CUES.register("weapon_did_it")
def weapon_did_it(cues: _Cues, verdict: _Verdict) -> bool:
    """Damage or a riot a named weapon did, not a crowd, is remote violence of that weapon ("a drone strike set
    a fuel store ablaze")."""
    if not (
        cues.instrument
        and cues.rule.kind == "plain"
        and verdict.event_type in {"Riots", "Strategic developments"}
        and verdict.sub in {"Violent demonstration", "Looting/property destruction"}
        and cues.actor1_type not in CROWD_ACTOR_TYPES
        and _instrument_does_it(cues.match.token, cues.onto)
    ):
        return False
    verdict.event_type, verdict.sub = "Explosions/Remote violence", cues.instrument
    return True


@CONVENTION_CUES.register("protest_riot")
def protest_riot(cues: _Cues, verdict: _Verdict) -> bool:
    """A protest with riot words is a riot ("students blocked the highway and burned tyres")."""
    if not (verdict.event_type == "Protests" and cues.onto.riot_cues.search(cues.text)):
        return False
    verdict.event_type, verdict.sub = "Riots", "Violent demonstration"
    return True


@CONVENTION_CUES.register("protest_intervention")
def protest_intervention(cues: _Cues, verdict: _Verdict) -> bool:
    """A protest the police break up is a protest with intervention, or excessive force if they shoot or kill
    ("police dispersed the marchers with tear gas"). It never follows `protest_riot`, which makes it a riot."""
    if not (verdict.event_type == "Protests" and cues.onto.intervention_cues.search(cues.text)):
        return False
    verdict.sub = (
        "Excessive force against protesters"
        if cues.onto.excessive_force_cues.search(cues.text)
        else "Protest with intervention"
    )
    return True


def classify_by_rules(
    match: TriggerMatch, sentence: SpacySpan, target_text: str, actor1_type: str | None
) -> Classification:
    """The lexicon's type and sub-type for one trigger, refined by cues in the sentence (the instrument, civilian
    targets, close-combat words): what the model is weighed against, and the sub-type it keeps when both agree.
    Every rule of the cascade `triggers.convention_cues` runs, in order, on the type the rules before it left."""
    cues = _Cues(match, sentence, target_text, actor1_type)
    verdict = _Verdict(match.rule.event_type, match.rule.sub_event_type)
    for rule in CONVENTION_CUES.rules():
        rule(cues, verdict)
    event_type, sub = verdict.event_type, verdict.sub
    plover = match.rule.plover or cues.onto.plover(event_type, sub, match.token.lemma_.lower())
    by_convention = (event_type, sub) != (match.rule.event_type, match.rule.sub_event_type)
    return Classification(event_type, sub, plover, by_convention=by_convention, binding=verdict.binding)
