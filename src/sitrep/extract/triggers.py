"""Event triggers and their classification (data/ontology.yaml).

A trigger is a verb or noun whose lemma is in the lexicon; its event type and
sub-type come from the rule, refined by cues in the sentence (the instrument
for remote violence, civilian targets, close-combat words).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml
from sitrep.nlp.entities import entities_in


@dataclass(frozen=True)
class TriggerRule:
    event_type: str
    sub_event_type: str
    kind: str = "plain"  # plain | remote | attack
    weak: bool = False  # only counts when no stronger trigger is in the sentence
    needs_any: tuple[str, ...] = ()
    needs_military: bool = False
    needs_instrument: bool = False
    nouns_need: tuple[str, ...] = ()
    state_actor_sub: str | None = None
    plover: str | None = None


@dataclass(frozen=True)
class Ontology:
    plover_of: dict[tuple[str, str], str]
    rules: dict[str, TriggerRule]
    instruments: tuple[tuple[str, re.Pattern[str]], ...]
    battle_cues: re.Pattern[str]
    civilian_cues: re.Pattern[str]
    military_cues: re.Pattern[str]
    military_target_cues: re.Pattern[str]
    combatant_victims: re.Pattern[str]
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
    abstract_enemies: frozenset[str]

    def plover(self, event_type: str, sub_event_type: str, lemma: str) -> str:
        return self.plover_by_lemma.get(lemma) or self.plover_of.get((event_type, sub_event_type), "ASSAULT")


@dataclass(frozen=True)
class Classification:
    event_type: str
    sub_event_type: str
    plover: str


def _words(words: list[str]) -> re.Pattern[str]:
    """Whole words and phrases ("home" is not "Homeland"); a cue ending in "*" is a stem ("self-detonat*")."""
    alternatives = "|".join(
        re.escape(w[:-1]) if w.endswith("*") else re.escape(w) + r"(?![\w-])"
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})", re.IGNORECASE)


@functools.cache
def ontology() -> Ontology:
    raw = load_yaml("ontology.yaml")
    plover_of = {(t, s): p for t, subs in raw["event_types"].items() for s, p in subs.items()}
    rules: dict[str, TriggerRule] = {}
    for item in raw["triggers"]:
        rule = TriggerRule(
            event_type=item["event_type"],
            sub_event_type=item["sub_event_type"],
            kind=item.get("kind", "plain"),
            weak=bool(item.get("weak", False)),
            needs_any=tuple(item.get("needs_any", ())),
            needs_military=bool(item.get("needs_military", False)),
            needs_instrument=bool(item.get("needs_instrument", False)),
            nouns_need=tuple(item.get("nouns_need", ())),
            state_actor_sub=item.get("state_actor_sub"),
            plover=item.get("plover"),
        )
        for lemma in item["lemmas"]:
            rules.setdefault(lemma, rule)
    return Ontology(
        plover_of=plover_of,
        rules=rules,
        instruments=tuple((sub, _words(cues)) for sub, cues in raw["instruments"].items()),
        battle_cues=_words(raw["battle_cues"]),
        civilian_cues=_words(raw["civilian_cues"]),
        military_cues=_words(raw["military_cues"]),
        military_target_cues=_words(raw["military_target_cues"]),
        combatant_victims=_words(raw["combatant_victims"]),
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
        abstract_enemies=frozenset(raw["abstract_enemies"]),
    )


# A firing trigger that is the policing of a crowd ("fired tear gas to disperse them").
CROWD_CONTROL = TriggerRule(event_type="Protests", sub_event_type="Protest with intervention")


@dataclass(frozen=True)
class TriggerMatch:
    token: Token
    rule: TriggerRule


def find_triggers(sentence: SpacySpan) -> list[TriggerMatch]:
    """Trigger tokens in a sentence, strong ones first; weak ones only if no strong one."""
    onto = ontology()
    found: list[TriggerMatch] = []
    text = sentence.text
    for token in sentence:
        if token.pos_ not in {"VERB", "NOUN"} or token.ent_type_ in {"ORG", "PERSON", "GPE", "FAC", "NORP", "DATE"}:
            continue
        lemma = token.lemma_.lower()
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        rule = (
            (onto.rules.get(f"{lemma}_{particle}") if particle else None)
            or onto.rules.get(lemma)
            or onto.rules.get(token.lower_)
            or _by_past_tense(token, onto)
        )
        if rule is None:
            continue
        if lemma in onto.crowd_control_verbs and _polices_a_crowd(token, onto):
            rule = CROWD_CONTROL
        if token.pos_ == "NOUN" and rule.nouns_need and lemma not in rule.nouns_need:
            continue
        if rule.needs_any and not any(cue.lower() in text.lower() for cue in rule.needs_any):
            continue
        if rule.needs_military and not _moved_by_the_military(token, text, onto):
            continue
        if rule.needs_instrument and not any(p.search(text) for _, p in onto.instruments):
            continue
        if is_generic(token, onto) or _refers_back(token, onto):
            continue
        # "the attackers" / "the attack" as a modifier of something else is still a trigger; a noun that
        # is only the compound of a name ("Attack Helicopter Battalion") is not.
        if token.dep_ == "compound" and token.head.ent_type_:
            continue
        found.append(TriggerMatch(token, rule))
    strong = [m for m in found if not m.rule.weak]
    strong = [m for m in strong if not _mentioned_by(m, strong)]
    return strong + [m for m in found if m.rule.weak and not _explained_by(m, strong)]


def _instrument_does_it(token: Token, onto: Ontology) -> bool:
    """The trigger's subject is a weapon or a strike ("a drone attack set fire", "artillery destroyed")."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}]
    return any(
        s.lemma_.lower() in onto.rules or any(pattern.search(_phrase_text(s)) for _, pattern in onto.instruments)
        for s in subjects
    )


def _phrase_text(token: Token) -> str:
    """The text of the phrase a token heads (its subtree), as written."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def _by_past_tense(token: Token, onto: Ontology) -> TriggerRule | None:
    """The small model's lemmatiser misses some past forms ("raped" -> "rap"): try the regular stems."""
    word = token.lower_
    if token.tag_ not in {"VBD", "VBN"} or not word.endswith("ed"):
        return None
    return onto.rules.get(word[:-1]) or onto.rules.get(word[:-2])


def _polices_a_crowd(token: Token, onto: Ontology) -> bool:
    """ "police fired tear gas", "soldiers fired in the air to disperse them": the trigger's own clause."""
    return onto.crowd_control_cues.search(_phrase_text(token)) is not None


def _explained_by(weak: TriggerMatch, strong: list[TriggerMatch]) -> bool:
    """A weak trigger inside a strong one's phrase, or with it as an argument, is the same incident:
    "an attack that killed three", "airstrikes killed 12"."""
    ancestors = {t.i for t in weak.token.ancestors}
    arguments = {c.i for c in weak.token.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent"}}
    # "were killed in clashes", "died in an airstrike": the strong trigger is the weak one's circumstance.
    arguments |= {
        o.i for c in weak.token.children if c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE
        for o in c.children if o.dep_ == "pobj"
    }
    # "dropped two bombs ..., killing 11 and destroying houses": the noun trigger's verb governs the weak one.
    heads = {m.token.head.i for m in strong if m.token.pos_ == "NOUN" and m.token.dep_ == "dobj"}
    return any(m.token.i in ancestors or m.token.i in arguments for m in strong) or bool(heads & ancestors)


def _mentioned_by(match: TriggerMatch, others: list[TriggerMatch]) -> bool:
    """A bare event noun inside another trigger's phrase names an incident the sentence refers to, not a new
    one: "repelled an attack", "arrested suspects linked to the bombing", "after the attack". With a clause
    of its own ("an attack that killed three soldiers") it is reported in its own right."""
    token = match.token
    if token.pos_ != "NOUN" or any(c.dep_ in {"relcl", "acl"} for c in token.children):
        return False
    ancestors = {t.i for t in token.ancestors}
    return any(o.token.i in ancestors and o.rule.event_type != match.rule.event_type for o in others)


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_CIRCUMSTANCE = frozenset({"in", "during", "by", "from", "after", "amid"})


def _refers_back(token: Token, onto: Ontology) -> bool:
    """ "have not commented on the fighting", "the source of the shelling", "was behind the attack": a bare
    definite event noun in a sentence with no date, under a verb that is no event itself, points back to an
    incident already reported."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children):
        return False
    if any(c.dep_ not in {"det", "amod", "compound", "poss"} for c in token.children):
        return False
    if any(e.label_ in {"DATE", "TIME"} for e in entities_in(token.sent)):
        return False
    verb = next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return verb is None or verb.lemma_.lower() not in onto.rules


def _moved_by_the_military(token: Token, text: str, onto: Ontology) -> bool:
    """A movement trigger ("withdrew", "evacuate") is a strategic development when forces move: its own subject
    when it has one ("ordered residents to evacuate" moves residents), else anything military in the sentence."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and token.dep_ == "xcomp":
        subjects = [c for c in token.head.children if c.dep_ == "dobj"]
    if subjects and not any(s.pos_ == "PRON" for s in subjects):  # "it suspended": whoever "it" is
        return any(onto.military_cues.search(_phrase_text(s)) for s in subjects)
    return onto.military_cues.search(text) is not None


def is_generic(token: Token, onto: Ontology) -> bool:
    """A trigger that names a kind of activity rather than one incident."""
    head = token.head
    # "confronting terrorism", "the fight against extremism": a struggle with an idea, not an incident
    if any(c.dep_ in {"dobj", "pobj"} and c.lower_ in onto.abstract_enemies for c in token.children) or any(
        c.dep_ == "prep" and any(o.lower_ in onto.abstract_enemies for o in c.children) for c in token.children
    ):
        return True
    # "the suspended attacks" (a parser may read the governing verb as an adjective)
    if any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in onto.generic_governors for c in token.children):
        return True
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj", "nsubjpass", "compound"}:
        governor = head.head if token.dep_ == "pobj" and head.dep_ == "prep" else head
        if governor.lemma_.lower() in onto.generic_governors or head.lemma_.lower() in onto.generic_governors:
            return True
    # "under the guise of fighting", "in an attempt to avert": a gerund after a preposition
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and head.head.lemma_.lower() in onto.generic_governors:
        return True
    return token.dep_ == "xcomp" and head.lemma_.lower() in onto.aspectual_verbs and token.tag_ == "VBG"


def _one_person_attacked(token: Token, onto: Ontology) -> bool:
    """The trigger's object is one person ("a former commander", "a local official"), not a unit."""
    for obj in (c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        determiner = next((c.lower_ for c in obj.children if c.dep_ == "det"), None)
        if determiner in {"a", "an"} and obj.tag_ == "NN" and obj.lemma_.lower() in onto.individual_victims:
            return True
    return False


def _attacked_object(token: Token) -> str:
    """What was attacked: "attacked [an army post]", "an attack [on a convoy]"; not who died in it."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "against"} for g in c.children]
    if token.dep_ == "acl":  # "a convoy attacked by gunmen"
        objects.append(token.head)
    return " ".join(" ".join(t.text for t in o.subtree if t.dep_ not in {"relcl", "acl"}) for o in objects)


CROWD_ACTOR_TYPES = frozenset({"Protesters", "Rioters"})
TERRITORY_SUB_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def classify(match: TriggerMatch, sentence: SpacySpan, target_text: str, actor1_type: str | None) -> Classification:
    """Event type, sub-type and PLOVER category for one trigger in its sentence."""
    onto = ontology()
    rule = match.rule
    lemma = match.token.lemma_.lower()
    text = sentence.text
    event_type, sub = rule.event_type, rule.sub_event_type
    instrument = next((s for s, pattern in onto.instruments if pattern.search(text)), None)
    civilian_target = bool(onto.civilian_cues.search(target_text)) if target_text else False
    if rule.kind == "remote":
        if civilian_target and instrument is None:
            event_type, sub = "Violence against civilians", "Attack"
        elif instrument:
            sub = instrument
        elif onto.battle_cues.search(text):
            event_type, sub = "Battles", "Armed clash"
    elif rule.kind == "attack":
        attacked = _attacked_object(match.token)
        if instrument is None and onto.military_target_cues.search(attacked):
            event_type, sub = "Battles", "Armed clash"
        elif instrument is None and not civilian_target and onto.combatant_victims.search(attacked):
            # "neutralised more than 100 terrorists", "killed three ADF combatants"
            event_type, sub = "Battles", "Armed clash"
        elif (civilian_target or _one_person_attacked(match.token, onto)) and instrument is None:
            # "gunmen shot dead a former commander": a killing of one person, not a fight
            event_type, sub = "Violence against civilians", "Attack"
        elif instrument:
            event_type, sub = "Explosions/Remote violence", instrument
        elif onto.battle_cues.search(text):
            event_type, sub = "Battles", "Armed clash"
        elif rule.event_type == "Violence against civilians" and not civilian_target:
            # "killed three soldiers" with no instrument or combat cue: an attack on armed forces
            event_type, sub = "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if actor1_type in CROWD_ACTOR_TYPES and event_type in {"Battles", "Explosions/Remote violence",
                                                          "Violence against civilians"}:
        # "protesters attacked the embassies", "protesters clashed with demonstrators": a riot
        event_type, sub = "Riots", "Violent demonstration"
    if rule.state_actor_sub and actor1_type == "State forces":
        sub = rule.state_actor_sub
    if sub in TERRITORY_SUB_TYPES and onto.no_fight_cues.search(text):
        # "recaptured the town after the militants withdrew without a fight"
        event_type, sub = "Strategic developments", "Non-violent transfer of territory"
    if instrument and rule.kind == "plain" and event_type in {"Riots", "Strategic developments"} and (
        sub in {"Violent demonstration", "Looting/property destruction"} and actor1_type not in CROWD_ACTOR_TYPES
        and _instrument_does_it(match.token, onto)
    ):
        # "a drone attack set fire to an oil depot", "the army's artillery destroyed a weapons depot"
        event_type, sub = "Explosions/Remote violence", instrument
    if event_type == "Protests" and onto.riot_cues.search(text):
        # "youths blocked roads and burned tyres to protest the killings"
        event_type, sub = "Riots", "Violent demonstration"
    elif event_type == "Protests" and onto.intervention_cues.search(text):
        sub = (
            "Excessive force against protesters"
            if onto.excessive_force_cues.search(text)
            else "Protest with intervention"
        )
    plover = rule.plover or onto.plover(event_type, sub, lemma)
    return Classification(event_type, sub, plover)
