"""Actors: noun phrases to canonical names (data/actors.yaml) and their roles.

Roles come from the dependency parse around the trigger: the agent of an
active verb (or a "by" phrase) is actor1, its object or the target of a
nominal trigger ("attacks on US bases") is actor2.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml
from sitrep.model import ActorRole, Mention, Span

UNIDENTIFIED = "Unidentified Armed Group"
_TARGET_PREPOSITIONS = {"on", "against", "targeting", "at"}


@dataclass(frozen=True)
class ActorEntry:
    name: str
    actor_type: str
    country: str | None


@dataclass(frozen=True)
class ContextualForce:
    """ "the army" in a report: the forces of the country the mention happens in."""

    prefix: str  # "Military Forces of"
    actor_type: str
    unknown: str  # the name when no country is known
    pattern: re.Pattern[str]

    @property
    def placeholder(self) -> str:
        return f"{self.prefix} {COUNTRY_SLOT}"


COUNTRY_SLOT = "{country}"


@dataclass(frozen=True)
class ActorDictionary:
    by_alias: dict[str, ActorEntry]  # lower-cased alias -> entry
    demonyms: dict[str, ActorEntry]
    alias_pattern: re.Pattern[str]
    military_heads: frozenset[str]
    written_forms: frozenset[str]  # aliases as written, for case-sensitive acronyms
    place_names: frozenset[str]  # lower-cased metonyms: places that stand for an actor ("Kyiv", "Bamako")
    contextual: tuple[ContextualForce, ...] = ()
    by_country: dict[tuple[str, str], str] = field(default_factory=dict)  # (prefix, ISO2) -> canonical name

    def contextual_force(self, text: str) -> ContextualForce | None:
        """ "the army", "police": a kind of force whose country the text does not say."""
        lowered = " ".join(text.lower().split())
        return next((c for c in self.contextual if c.pattern.fullmatch(lowered)), None)

    def is_place_name(self, text: str) -> bool:
        return text.lower() in self.place_names

    def find(self, text: str) -> ActorEntry | None:
        """The actor named by the longest alias inside ``text``."""
        best: tuple[int, ActorEntry] | None = None
        for match in self.alias_pattern.finditer(text):
            alias = match.group(0)
            entry = self.by_alias.get(alias.lower())
            if entry is None:
                continue
            # Acronyms and short aliases must match in their written case ("IS" not "is").
            if (alias.isupper() or len(alias) <= 4) and alias not in self.written_forms:
                continue
            if best is None or len(alias) > best[0]:
                best = (len(alias), entry)
        return best[1] if best else None


def _phrase_pattern(aliases: list[str]) -> re.Pattern[str]:
    """A whole phrase that is one of ``aliases``, with or without a determiner."""
    return re.compile(r"(?:the |a |an |its |their )?(?:" + "|".join(re.escape(a.lower()) for a in aliases) + ")")


@functools.cache
def actor_dictionary() -> ActorDictionary:
    raw = load_yaml("actors.yaml")
    ontology = load_yaml("ontology.yaml")
    entries: dict[str, ActorEntry] = {}
    by_alias: dict[str, ActorEntry] = {}
    written: set[str] = set()
    places: set[str] = set()
    for actor in raw["actors"]:
        places.update(m.lower() for m in actor.get("metonyms", []))
        entry = ActorEntry(actor["name"], actor["type"], actor.get("country"))
        entries[entry.name] = entry
        for alias in [actor["name"], *actor.get("aliases", []), *actor.get("metonyms", [])]:
            by_alias.setdefault(alias.lower(), entry)
            written.add(alias)
    demonyms = {k.lower(): entries[v] for k, v in raw.get("demonyms", {}).items()}
    aliases = sorted(by_alias, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])", re.IGNORECASE)
    contextual = tuple(
        ContextualForce(
            item["prefix"], item["type"], item["unknown"],
            _phrase_pattern(item["aliases"]),
        )
        for item in raw.get("contextual", [])
    )
    by_country = {
        (force.prefix, entry.country): entry.name
        for force in contextual
        for entry in entries.values()
        if entry.country and entry.name.startswith(force.prefix + " ")
    }
    return ActorDictionary(
        by_alias, demonyms, pattern, frozenset(ontology["military_cues"]), frozenset(written), frozenset(places),
        contextual, by_country,
    )


def phrase_actor(phrase: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """The actor a noun phrase names: an alias, or a demonym on a military noun ("Israeli jets")."""
    found = dictionary.find(phrase.text)
    if found:
        return found
    head = phrase.root
    # "an Israeli airstrike": the demonym alone, modifying a military noun
    if len(phrase) == 1 and head.dep_ in {"amod", "compound"} and _is_military_word(head.head, dictionary):
        return dictionary.demonyms.get(head.text.lower())
    if _is_military_word(head, dictionary):
        for token in phrase:
            entry = dictionary.demonyms.get(token.text.lower())
            if entry and token.i < head.i:
                return entry
    force = dictionary.contextual_force(phrase.text)
    if force is not None:
        return ActorEntry(force.placeholder, force.actor_type, None)
    return None


def _is_military_word(token: Token, dictionary: ActorDictionary) -> bool:
    return token.lemma_.lower() in dictionary.military_heads or token.text.lower() in dictionary.military_heads


def _phrase(token: Token) -> SpacySpan:
    """The noun phrase headed by ``token``, without relative clauses and trailing prepositions.

    A named entity the head belongs to is kept whole ("the Islamic Resistance in Iraq").
    """
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            left, right = min(left, ent.start), max(right, ent.end - 1)
    for child in token.rights:
        if child.dep_ in {"compound", "amod", "nmod", "appos", "flat"} or (
            child.dep_ == "prep" and child.text.lower() == "of"
        ):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _role(role: str, entry: ActorEntry, phrase: SpacySpan, doc_name: str) -> ActorRole:
    span = Span(doc_name, phrase.start_char, phrase.end_char, phrase.text)
    return ActorRole(role=role, name=entry.name, actor_type=entry.actor_type, span=span)  # type: ignore[arg-type]


_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})
_SPEECH_LEMMAS = frozenset({"say", "claim", "announce", "state", "report", "add", "confirm", "declare"})


def _speaker_of(pronoun: Token) -> Token:
    """The subject of the speech verb a pronoun's clause hangs from, or the pronoun itself."""
    for verb in pronoun.head.ancestors:
        if verb.lemma_.lower() in _SPEECH_LEMMAS:
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            return subject if subject is not None else pronoun
    return pronoun


def _candidates(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Tokens heading the agent side and the target side of a trigger."""
    agents: list[Token] = []
    targets: list[Token] = []
    verb = trigger
    for child in verb.children:
        if child.dep_ in {"nsubj"}:
            agents.append(child)
        elif child.dep_ in {"nsubjpass"}:
            targets.append(child)
        elif child.dep_ == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"dobj", "attr"}:
            targets.append(child)
        elif child.dep_ == "prep" and child.text.lower() in _TARGET_PREPOSITIONS:
            targets.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.text.lower() == "by":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"compound", "amod", "poss"} and trigger.pos_ == "NOUN":
            agents.append(child)
        elif child.dep_ == "relcl":
            # "an attack that killed three soldiers": the clause's object is the target
            targets.extend(c for c in child.children if c.dep_ in {"dobj", "nsubjpass"})
    # A misparsed subject: a name left of the verb attached as a modifier ("the IRI suspended ...").
    if not agents:
        agents.extend(c for c in trigger.lefts if c.dep_ in {"npadvmod", "nmod"} and c.ent_type_)
    # A verb in a conjunction or xcomp shares its subject: "forces moved in and shelled the town".
    if not agents and trigger.dep_ in {"conj", "xcomp", "advcl"}:
        agents.extend(c for c in trigger.head.children if c.dep_ == "nsubj")
    # "X, which launched ..." / "the group that attacked": relative clause subject is its head noun.
    if not agents and trigger.dep_ == "relcl":
        agents.append(trigger.head)
    # "the Israeli military said it struck ...": the pronoun is the speaker.
    agents = [_speaker_of(a) if a.lower_ in _SPEAKER_PRONOUNS else a for a in agents]
    # A nominal trigger as the object of "launch/carry out/claim": "the IRI launched attacks".
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "pobj"}:
        governor = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
        agents.extend(c for c in governor.children if c.dep_ == "nsubj")
    return agents, targets


def assign_roles(trigger: Token, sentence: SpacySpan, doc_name: str, violent: bool) -> list[ActorRole]:
    dictionary = actor_dictionary()
    agents, targets = _candidates(trigger)
    roles: list[ActorRole] = []
    for role, heads in (("actor1", agents), ("actor2", targets)):
        for head in heads:
            phrase = _phrase(head)
            entry = phrase_actor(phrase, dictionary)
            if entry and all(r.name != entry.name for r in roles):
                roles.append(_role(role, entry, phrase, doc_name))
                break
    # Associated actors: "X, in cooperation with / backed by / alongside Y"
    for token in sentence:
        if token.lower_ in {"with", "alongside"} and token.head.lower_ in {
            "cooperation",
            "coordination",
            "conjunction",
            "together",
            "alongside",
            "with",
        }:
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                entry = phrase_actor(_phrase(pobj), dictionary)
                if entry and all(r.name != entry.name for r in roles):
                    roles.append(_role("assoc_actor1", entry, _phrase(pobj), doc_name))
    if violent and not any(r.role == "actor1" for r in roles):
        roles.insert(0, ActorRole(role="actor1", name=UNIDENTIFIED, actor_type="Unidentified", span=None))
    return roles


@dataclass(frozen=True)
class CodingConventions:
    actor1_by_type: dict[str, str]
    replaceable_actor1_types: frozenset[str]
    civilian_victims_types: frozenset[str]
    civilian_actor: str


@functools.cache
def coding_conventions() -> CodingConventions:
    raw = load_yaml("actors.yaml")["conventions"]
    return CodingConventions(
        dict(raw["actor1_by_type"]),
        frozenset(raw["replaceable_actor1_types"]),
        frozenset(raw["civilian_victims_types"]),
        raw["civilian_actor"],
    )


def apply_conventions(
    roles: list[ActorRole], event_type: str, victims: list[SpacySpan], doc_name: str
) -> list[ActorRole]:
    """Protesters, Rioters and Civilians where the codebook puts them and the text only implies them."""
    rules = coding_conventions()
    dictionary = actor_dictionary()
    roles = list(roles)
    crowd = rules.actor1_by_type.get(event_type)
    if crowd is not None:
        entry = dictionary.by_alias[crowd.lower()]
        current = next((r for r in roles if r.role == "actor1"), None)
        if current is None:
            roles.insert(0, ActorRole("actor1", entry.name, entry.actor_type))
        elif current.actor_type in rules.replaceable_actor1_types:
            roles[roles.index(current)] = ActorRole("actor1", entry.name, entry.actor_type, current.span)
    if event_type in rules.civilian_victims_types and not any(r.role == "actor2" for r in roles):
        for victim in victims:
            found = phrase_actor(victim, dictionary)
            if found is not None and found.name == rules.civilian_actor:
                roles.append(_role("actor2", found, victim, doc_name))
                break
    return roles


def fill_actor_countries(
    mentions: list[Mention], country_of: Callable[[Mention], str | None], country_name: Callable[[str], str]
) -> None:
    """ "the army" -> "Military Forces of Mali", in place.

    "The military" after "the Israeli military said" is that military; with no such forces named earlier in
    the document, it is the forces of the country the mention's place is in.
    """
    dictionary = actor_dictionary()
    forces = {force.placeholder: force for force in dictionary.contextual}
    last_named: dict[str, str] = {}  # prefix -> the last forces of that kind the document named
    for mention in sorted(mentions, key=lambda m: m.sentence.start):
        for number, actor in enumerate(mention.actors):
            force = forces.get(actor.name)
            if force is None:
                for prefix in (f.prefix for f in dictionary.contextual):
                    if actor.name.startswith(prefix + " "):
                        last_named[prefix] = actor.name
                continue
            name = last_named.get(force.prefix) or _forces_of(force, country_of(mention), dictionary, country_name)
            mention.actors[number] = ActorRole(actor.role, name, actor.actor_type, actor.span)


def _forces_of(
    force: ContextualForce, country: str | None, dictionary: ActorDictionary, country_name: Callable[[str], str]
) -> str:
    if country is None:
        return force.unknown
    return dictionary.by_country.get((force.prefix, country)) or f"{force.prefix} {country_name(country)}"
