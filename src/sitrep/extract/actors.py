"""Actors: noun phrases to canonical names (data/actors.yaml) and their roles.

Roles come from the dependency parse around the trigger: the agent of an
active verb (or a "by" phrase) is actor1, its object or the target of a
nominal trigger ("attacks on US bases") is actor2. Beyond that: the agent of a
nominal trigger ("a Turkish drone strike", "an attack attributed to ADF
rebels"), the two sides of a fight ("clashes between A and B", "A clashed with
B"), a repelled attack as the attacker's ("A repelled an attack by B"), a
weapon's user ("a bullet fired by Houthi fighters"), the speaker behind "it" and
"its fighters", posts and units of a force ("army positions"), and the force
that policed a crowd. Word lists for these rules are in actors.yaml's `roles`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import load_yaml, word_set
from sitrep.extract.rules import Cascade
from sitrep.model import ActorRole, Mention, Span
from sitrep.nlp.alternation import trie_alternation
from sitrep.nlp.entities import document_entities
from sitrep.nlp.syntax import DEP, ENT, POS, TAG
from sitrep.nlp.tokens import span_text, span_tokens

UNIDENTIFIED = "Unidentified Armed Group"
_STATE_TYPE = "State forces"
_TARGET_PREPOSITIONS = word_set("en", "actors", "target_prepositions")


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
    modifiers: frozenset[str] = frozenset()  # "army" in "an army patrol"
    template: str = ""  # the name from the country's demonym: "{demonym} rebels" -> "Syrian rebels"
    names: tuple[tuple[str, str], ...] = ()  # (ISO2, canonical name): who such forces are in that country

    @property
    def placeholder(self) -> str:
        return f"{self.prefix} {COUNTRY_SLOT}"


COUNTRY_SLOT = "{country}"


@dataclass(frozen=True)
class RoleWords:
    """The word lists of actors.yaml's `roles` block, lower-cased."""

    installations: frozenset[str] = frozenset()
    attack_nouns: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    identity_links: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    repel: frozenset[str] = frozenset()
    crowd_control: frozenset[str] = frozenset()
    partitives: frozenset[str] = frozenset()
    aiming: frozenset[str] = frozenset()
    respond: frozenset[str] = frozenset()
    group_heads: frozenset[str] = frozenset()
    suffer: frozenset[str] = frozenset()


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
    demonym_of: dict[str, str] = field(default_factory=dict)  # ISO2 -> "Syrian"
    words: RoleWords = field(default_factory=RoleWords)

    def contextual_force(self, text: str) -> ContextualForce | None:
        """ "the army", "police", "an army patrol": a kind of force whose country the text does not say."""
        lowered = " ".join(text.lower().split())
        core = _QUANTITY_PREFIX.sub("", lowered)
        for force in self.contextual:
            # "one policeman", "another soldier": a counted one is the force's singular alias ("a policeman")
            if any(force.pattern.fullmatch(form) for form in (lowered, core, "a " + core)):
                return force
        # "army positions", "a police checkpoint", "the regime's forces": a post or unit of that kind of force;
        # "regime barrel bombs", "the regime's helicopters": its weapons and aircraft
        core = core.replace("'s ", " ").replace("’s ", " ")
        military = self.words.installations | self.military_heads | self.words.attack_nouns
        for force in self.contextual:
            for modifier in force.modifiers:
                rest = core.removeprefix("the ").removeprefix("a ").removeprefix("an ")
                after = rest[len(modifier) + 1 :]
                if rest.startswith(modifier + " ") and (after in military or after.rsplit(" ", 1)[-1] in military):
                    return force
        return None

    def is_place_name(self, text: str) -> bool:
        return text.lower() in self.place_names

    def find(self, text: str) -> ActorEntry | None:
        """The actor named by the longest alias inside ``text``."""
        found = self.find_match(text)
        return found[1] if found else None

    def find_match(self, text: str) -> tuple[re.Match[str], ActorEntry] | None:
        """The longest alias inside ``text``, where it is, and the actor it names; a named group before a generic
        word for armed men, however short its name ("IS jihadists", "HTS militants")."""
        best: tuple[re.Match[str], ActorEntry] | None = None
        found: list[tuple[re.Match[str], ActorEntry]] = []
        for match in self.alias_pattern.finditer(text):
            alias = match.group(0)
            entry = self.by_alias.get(alias.lower())
            if entry is None:
                continue
            # Acronyms and short aliases must match in their written case ("IS" not "is").
            if (alias.isupper() or len(alias) <= 4) and alias not in self.written_forms:
                continue
            found.append((match, entry))
            if best is None or len(alias) > len(best[0].group(0)):
                best = (match, entry)
        if best is not None and best[1].name == UNIDENTIFIED:
            # "IS jihadists", "HTS militants": a group named right before a generic word for armed men is theirs
            named = next(
                (
                    f
                    for f in found
                    if f[1].name != UNIDENTIFIED
                    and f[0].end() < best[0].start()
                    and not text[f[0].end() : best[0].start()].strip(" -")
                ),
                None,
            )
            best = named or best
        return best


# Counts in front of a noun phrase: "at least eight guards", "dozens of troops", "two other policemen", "a large
# number of militants", "more terrorists".
_QUANTITY_PREFIX = re.compile(
    r"^(?:(?:the|a|an|at least|at most|about|around|some|several|many|dozens of|scores of|hundreds of|"
    r"thousands of|tens of|large|number of|numbers of|more than|more|further|over|nearly|almost|up to|other|"
    r"another|[\d,]+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|dozens)\s+)+"
)


def _phrase_pattern(aliases: list[str]) -> re.Pattern[str]:
    """A whole phrase that is one of ``aliases``, with or without a determiner."""
    return re.compile(r"(?:the |a |an |its |their )?(?:" + "|".join(re.escape(a.lower()) for a in aliases) + ")")


# acronym_in_title_case: an acronym of this many letters or more is said as a word, and much of the press writes
# it so ("Isis", "Isil", "Nato" for ISIS, ISIL, NATO); a shorter one is spelt out and kept in capitals ("IS", "HTS").
_WORD_ACRONYM_LENGTH = 4


def _written_forms(alias: str) -> tuple[str, ...]:
    """How an alias may be written where its case is checked (`ActorDictionary.find_match`)."""
    if alias.isalpha() and alias.isupper() and len(alias) >= _WORD_ACRONYM_LENGTH:
        return (alias, alias.title())
    return (alias,)


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
            written.update(_written_forms(alias))
    demonyms = {k.lower(): entries[v] for k, v in raw.get("demonyms", {}).items()}
    # Longest alias first at each position: a trie, as the flat alternation of ~1,800 aliases is slow to search.
    alternation = trie_alternation([re.escape(c) for c in alias] for alias in by_alias)
    pattern = re.compile(r"(?<![\w-])" + alternation + r"(?![\w-])", re.IGNORECASE)
    contextual = tuple(
        ContextualForce(
            item["prefix"],
            item["type"],
            item["unknown"],
            _phrase_pattern(item["aliases"]),
            frozenset(m.lower() for m in item.get("modifiers", [])),
            item.get("template", ""),
            tuple((str(country), str(name)) for country, name in item.get("names", {}).items()),
        )
        for item in raw.get("contextual", [])
    )
    role_words = raw.get("roles", {})
    words = RoleWords(
        **{key: frozenset(w.lower() for w in role_words.get(key, [])) for key in RoleWords.__dataclass_fields__}
    )
    by_country = {
        (force.prefix, entry.country): entry.name
        for force in contextual
        for entry in entries.values()
        if entry.country and entry.name.startswith(force.prefix + " ")
    }
    # A country's demonym as a word ("Syrian", "American"), not an abbreviation ("US", "U.S.", "UK").
    demonym_of: dict[str, str] = {}
    for demonym, entry in raw.get("demonyms", {}).items():
        if entry in entries and entries[entry].country and not demonym.isupper() and "." not in demonym:
            demonym_of.setdefault(str(entries[entry].country), demonym)
    return ActorDictionary(
        by_alias,
        demonyms,
        pattern,
        frozenset(ontology["military_cues"]),
        frozenset(written),
        frozenset(places),
        contextual,
        by_country,
        words=words,
        demonym_of=demonym_of,
    )


def phrase_actor(phrase: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """The actor a noun phrase names: an alias, or a demonym on a military noun ("Israeli jets")."""
    head = phrase.root
    core = _named_before_the_head(phrase, dictionary)
    if core is not None:
        return core
    text = span_text(phrase)
    owned = _forces_of_a_named_country(phrase, head, dictionary)
    if owned is not None:
        return owned
    match = dictionary.find_match(text)
    if match is not None:
        start, end = phrase.start_char + match[0].start(), phrase.start_char + match[0].end()
        # A place that stands for its state ("Washington", "Russia") does so as the phrase's head or as the owner
        # of a force ("Ruritania's defence ministry"), not inside it: "the embassies of Rwanda and the United States"
        # are not US forces.
        possessor = text[match[0].end() :].startswith(("'s", "’s")) and (
            _is_military_word(head, dictionary) or head.lemma_.lower() in _COMMAND_HEADS
        )
        if not dictionary.is_place_name(match[0].group(0)) or start <= head.idx < end or possessor:
            force = _kind_of_force(phrase, dictionary) if match[1].name == UNIDENTIFIED else None
            if force is not None:
                # "six Takfiri militants", "the insurgents": a kind of force the whole phrase names says more than
                # the generic word inside it (whose they are depends on the country, filled in later)
                return ActorEntry(force.placeholder, force.actor_type, None)
            return match[1]
    # "an Israeli airstrike": the demonym alone, modifying a military noun or an attack
    if len(phrase) == 1 and head.dep_ in _MODIFIER_DEPS:
        owner = head.head
        # "American-British aggression": the first of a hyphenated pair of demonyms; "Ukrainian and Russian
        # forces": the second of a coordinated pair
        while owner.dep_ in _MODIFIER_DEPS and owner.head is not owner and not _is_military_word(owner, dictionary):
            owner = owner.head
        if _is_military_word(owner, dictionary):
            # "a government drone strike", "army shelling": a kind of force, its country filled in later
            modified = _force_by_modifier(head, dictionary)
            if modified is not None:
                return ActorEntry(modified.placeholder, modified.actor_type, None)
            return dictionary.demonyms.get(head.text.lower())
    if len(phrase) == 1 and _right_before_an_attack_word(head):
        # "in rebel shelling", "intense regime shelling": a force's modifier the parser cut off its attack word
        modified = _force_by_modifier(head, dictionary)
        if modified is not None:
            return ActorEntry(modified.placeholder, modified.actor_type, None)
    named_after = dictionary.contextual_force(_after_demonym(phrase, head))
    if named_after is not None and named_after.actor_type != _STATE_TYPE:
        return _rebels_of_a_demonym(phrase, head, named_after, dictionary)
    if _is_military_word(head, dictionary) or named_after is not None:
        for token in span_tokens(phrase):
            entry = dictionary.demonyms.get(token.text.lower())
            if entry and token.i < head.i:
                return entry
    force = _kind_of_force(phrase, dictionary) or dictionary.contextual_force(_after_a_place(phrase, dictionary))
    if force is None and _is_military_word(head, dictionary):
        # "the Karsa military airport", "an army checkpoint", "a government drone": that kind of force
        force = next(
            (
                f
                for c in head.children
                if c.dep_ in DEP.adjectival_modifier | DEP.compound and (f := _force_by_modifier(c, dictionary))
            ),
            None,
        )
    if force is not None:
        return ActorEntry(force.placeholder, force.actor_type, None)
    return None


def _rebels_of_a_demonym(
    phrase: SpacySpan, head: Token, force: ContextualForce, dictionary: ActorDictionary
) -> ActorEntry:
    """demonym_on_a_rebel_force: "Syrian rebel fighters", "Syrian opposition forces": the demonym says whose rebels
    they are, the words after it that they are not that state's forces; the force's name for that country where
    the dictionary has one ("Syrian rebels"), else the force whose country the mention's place fills in."""
    demonym = next(
        (e for t in span_tokens(phrase) if t.i < head.i and (e := dictionary.demonyms.get(t.text.lower()))), None
    )
    country = demonym.country if demonym is not None else None
    named = dict(force.names).get(country) if country else None
    if named is None and country and force.template and country in dictionary.demonym_of:
        named = force.template.format(demonym=dictionary.demonym_of[country])
    if named is None:
        return ActorEntry(force.placeholder, force.actor_type, None)
    known = dictionary.by_alias.get(named.lower())
    return ActorEntry(named, known.actor_type if known is not None else force.actor_type, country)


def _kind_of_force(phrase: SpacySpan, dictionary: ActorDictionary) -> ContextualForce | None:
    """The kind of force a phrase names, also under adjectives that only describe the men ("rival rebels", "Islamist
    militants", "local rebels": describing_words_name_no_force); not under a demonym, which says whose they are."""
    force = dictionary.contextual_force(span_text(phrase))
    if force is not None:
        return force
    kept = [
        t
        for t in span_tokens(phrase)
        if not (t.dep_ in DEP.adjectival_modifier and t.pos_ == "ADJ" and t.i < phrase.root.i)
    ]
    if len(kept) == len(phrase) or any(t.text.lower() in dictionary.demonyms for t in span_tokens(phrase)):
        return None
    return dictionary.contextual_force(" ".join(t.text for t in kept))


def _forces_of_a_named_country(phrase: SpacySpan, head: Token, dictionary: ActorDictionary) -> ActorEntry | None:
    """country_owns_its_forces: "Syria's army", "Iraq's police" (also with the apostrophe lost, "Syrias army"): a
    country named as the owner of a kind of force is that country's force of that kind, where the dictionary names
    it so ("Military Forces of Syria")."""
    owners = [t for t in span_tokens(phrase) if t.i < head.i and t.dep_ in DEP.possessive | DEP.compound]
    if not owners:
        return None
    rest = [t.text for t in span_tokens(phrase) if owners[-1].i < t.i <= head.i and t.dep_ not in DEP.case_marker]
    kind = " ".join(rest)
    force = dictionary.contextual_force(kind) or dictionary.contextual_force(f"the {kind}")
    if force is None:
        return None
    for owner in owners:
        for name in (owner.text, owner.text[:-1] if owner.text.endswith("s") else ""):
            entry = dictionary.by_alias.get(f"{force.prefix} {name}".lower()) if name else None
            if entry is not None and entry.name.lower() == f"{force.prefix} {name}".lower():
                return entry
    return None


def _named_before_the_head(phrase: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """head_names_first: "the Syrian air force targeted gathering centres of militants of Jaish al-Fatah" (a misparse
    that hangs the rest of the sentence on the phrase): an actor the words up to the phrase's head name by name is
    the phrase's, before any other named in what hangs after the head. Not a kind of force whose country is filled
    in later ("the army of Ruritania" keeps its "of" phrase)."""
    head = phrase.root
    if head.i >= phrase.end - 1 or head.i < phrase.start:
        return None
    if any(c.i > head.i and c.dep_ in DEP.preposition for c in head.children):  # "fighters of the Islamic State"
        return None
    found = phrase_actor(phrase.doc[phrase.start : head.i + 1], dictionary)
    return found if found is not None and "{" not in found.name and not _unnamed(found, dictionary) else None


def _right_before_an_attack_word(token: Token) -> bool:
    """The next word is an attack word ("shelling", "fire", "raids": :func:`_is_event_noun`)."""
    return token.i + 1 < len(token.doc) and _is_event_noun(token.doc[token.i + 1])


def _force_by_modifier(token: Token, dictionary: ActorDictionary) -> ContextualForce | None:
    """The kind of force a modifier names: "army", "military", "government", "police"."""
    return next((f for f in dictionary.contextual if token.text.lower() in f.modifiers), None)


_MODIFIER_DEPS = DEP.adjectival_modifier | DEP.compound | DEP.noun_phrase_adverbial | DEP.conjunct


def _coordinated_demonym(head: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """ "Sudanese" in "Sudanese and Chadian forces": the first of two demonyms sharing a military noun, also
    through a compound ("Russian and Syrian regime airstrikes"). Two states' forces named together ("Russian and
    Syrian jets", "Syrian or Russian warplanes") are a joint force: a placeholder spanning both demonyms, whose
    leader :func:`fill_actor_countries` picks once the act's country is known (:func:`_joint_state_forces`)."""
    if not _is_military_word(head, dictionary):
        return None
    compounds = [c for c in head.children if c.dep_ in DEP.compound]
    for modifier in [*head.children, *(c for compound in compounds for c in compound.children)]:
        entry = dictionary.demonyms.get(modifier.text.lower())
        conjuncts = [c for c in modifier.children if c.dep_ in DEP.conjunct]
        if modifier.dep_ in DEP.adjectival_modifier | DEP.compound and entry and conjuncts:
            joint = _joint_force(entry, conjuncts, dictionary)
            if joint is not None and not _fight_between(head, dictionary):
                last = max(c.i for c in conjuncts)
                return ActorEntry(joint.placeholder, joint.actor_type, None), head.doc[modifier.i : last + 1]
            return entry, head.doc[modifier.i : modifier.i + 1]
    return None


def _fight_between(head: Token, dictionary: ActorDictionary) -> bool:
    """ "Ukrainian and Russian forces fought", "Ukrainian and Russian forces' clashes": forces named together that
    fight each other, not side by side."""
    reciprocal = dictionary.words.reciprocal
    return any(t.lemma_.lower() in reciprocal or t.lower_ in reciprocal for t in (head, head.head))


def _joint_force(first: ActorEntry, conjuncts: list[Token], dictionary: ActorDictionary) -> ContextualForce | None:
    """The kind of force two or more states' forces named together are ("Russian and Syrian jets"), or None when
    the demonyms are not all forces of one kind of different states."""
    force = next((f for f in dictionary.contextual if first.name.startswith(f.prefix + " ")), None)
    others = [dictionary.demonyms.get(c.text.lower()) for c in conjuncts]
    if force is None or any(o is None or not o.name.startswith(force.prefix + " ") for o in others):
        return None
    return force if any(o is not None and o.name != first.name for o in others) else None


def _after_demonym(phrase: SpacySpan, head: Token) -> str:
    """ "air defense" in "Ukrainian air defense": the words after a demonym, up to the head."""
    demonym = next(
        (t for t in span_tokens(phrase) if t.i < head.i and t.text.lower() in actor_dictionary().demonyms), None
    )
    return span_text(phrase.doc[demonym.i + 1 : head.i + 1]) if demonym is not None else ""


def _after_a_place(phrase: SpacySpan, dictionary: ActorDictionary) -> str:
    """place_before_a_force: "rebels" in "Syria rebels", "militants" in "the Daraa militants": a place named before a
    generic word for a force says where the men are, not who (the force is the country's, as the word alone is);
    "" when no place opens the phrase."""
    tokens = [t for t in span_tokens(phrase) if t.pos_ != "DET"]
    places = 0
    while places < len(tokens) - 1 and (
        tokens[places].ent_type_ in _PLACE_ENTITIES or dictionary.is_place_name(tokens[places].text)
    ):
        places += 1
    return span_text(phrase.doc[tokens[places].i : phrase.end]) if places else ""


_PLACE_ENTITIES = frozenset({"GPE", "LOC"})


def _is_military_word(token: Token, dictionary: ActorDictionary) -> bool:
    words = {token.lemma_.lower(), token.text.lower()}
    return bool(
        words & dictionary.military_heads
        or words & dictionary.words.installations
        or words & dictionary.words.attack_nouns
    )


def _phrase(token: Token) -> SpacySpan:
    """The noun phrase headed by ``token``, without relative clauses and trailing prepositions.

    A named entity the phrase overlaps is kept whole ("the Islamic Resistance in Iraq", "fighters of the
    Group for the Support of Islam and Muslims").
    """
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in DEP.coordinator | DEP.conjunct:
            break  # "the militia and gunmen of the local clans": what follows belongs to the next member
        if (
            child.dep_ in DEP.compound | DEP.adjectival_modifier | DEP.nominal_modifier | DEP.apposition | DEP.flat_name
            or (
                child.dep_ in DEP.preposition
                and child.text.lower() in _PHRASE_PREPOSITIONS
                and not _tells_an_act(child)
            )
        ):
            right = max(right, child.right_edge.i)
    for ent in document_entities(doc):
        if ent.start <= right and left < ent.end and (ent.start <= token.i < ent.end or ent.label_ in ENT.organisation):
            left, right = min(left, ent.start), max(right, ent.end - 1)
    return doc[left : right + 1]


def _tells_an_act(preposition: Token) -> bool:
    """ "of shelling the town" after "accused government forces": a preposition that brings in an act (its object a
    verb in -ing) says what the actor did, not who it is."""
    return any(c.dep_ in DEP.prepositional_complement for c in preposition.children)


def _role(role: str, entry: ActorEntry, phrase: SpacySpan, doc_name: str) -> ActorRole:
    span = Span(doc_name, phrase.start_char, phrase.end_char, span_text(phrase))
    return ActorRole(role=role, name=entry.name, actor_type=entry.actor_type, span=span)  # type: ignore[arg-type]


_SPEAKER_PRONOUNS = word_set("en", "actors", "speaker_pronouns")
_OWN_STATE_WORDS = word_set("en", "actors", "own_state_words")
_WORD = re.compile(r"[\w-]+")
_POSSESSIVE_PRONOUNS = word_set("en", "actors", "possessive_pronouns")
_SPEECH_LEMMAS = word_set("en", "actors", "speech_lemmas")
_ACCUSATION_LEMMAS = word_set("en", "actors", "accusation_lemmas")


def _speaker_of(pronoun: Token) -> Token:
    """The subject of the speech verb a pronoun's clause hangs from; else, for the subject of an adverbial clause
    ("the army killed 12 militants after they regained the town"), the subject of the clause it modifies; else the
    pronoun itself."""
    for verb in pronoun.head.ancestors:
        if verb.lemma_.lower() in _SPEECH_LEMMAS:
            subject = next((c for c in verb.children if c.dep_ in DEP.subject and c.pos_ not in POS.pronoun), None)
            return subject if subject is not None else pronoun
    clause = pronoun.head
    if pronoun.dep_ in DEP.subject and clause.dep_ in DEP.adverbial_clause and clause.head is not clause:
        subject = next((c for c in clause.head.children if c.dep_ in DEP.subject and c.pos_ not in POS.pronoun), None)
        return subject if subject is not None else pronoun
    return pronoun


def _resolve_speaker(token: Token, dictionary: ActorDictionary) -> Token:
    """ "it", "they", "its fighters", "their forces": the group whose statement the clause reports."""
    if token.lower_ in _SPEAKER_PRONOUNS:
        return _speaker_of(token)
    if token.lemma_.lower() in dictionary.words.force_nouns or token.lower_ in dictionary.words.force_nouns:
        owner = next((c for c in token.children if c.dep_ in DEP.possessive and c.lower_ in _POSSESSIVE_PRONOUNS), None)
        if owner is not None:
            speaker = _speaker_of(owner)
            return token if speaker is owner else speaker
    return token


@dataclass
class _Sides:
    """Tokens heading each side of a trigger, best first."""

    agents: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    associates: list[Token] = field(default_factory=list)  # "X and Y shelled": Y acts with X


def _is_nominal(token: Token) -> bool:
    return token.pos_ in POS.noun | POS.proper_noun


def _objects(verb: Token) -> list[Token]:
    """Direct objects of a verb, or of the verb it is coordinated with ("intercepted and destroyed drones")."""
    objects = [c for c in verb.children if c.dep_ in DEP.direct_object | DEP.attribute]
    if not objects:
        partners = [c for c in verb.children if c.dep_ in DEP.conjunct and c.pos_ in POS.verb]
        if verb.dep_ in DEP.conjunct:
            partners.append(verb.head)
        for partner in partners:
            objects.extend(c for c in partner.children if c.dep_ in DEP.direct_object)
    # "destroyed two boats and a drone launched by the Houthis": each object in turn
    return [*objects, *(c for o in objects for c in o.children if c.dep_ in DEP.conjunct)]


VerbAgentRule = Callable[[Token], list[Token] | None]  # None: the rule does not apply
VERB_AGENTS = Cascade[VerbAgentRule]("actors.verb_agents")


def _verb_agents(verb: Token) -> list[Token]:
    """Who does what a verb says: the answer of the first `actors.verb_agents` rule that applies, else nobody."""
    for rule in VERB_AGENTS.rules():
        agents = rule(verb)
        if agents is not None:
            return agents
    return []


@VERB_AGENTS.register("own_subject")
def _own_subject(verb: Token) -> list[Token] | None:
    """A verb's own subject and "by" phrase ("gunmen attacked", "was attacked by gunmen"), or a name left of the
    verb the parser hung on it as a modifier (a misparsed subject: "the KLF suspended ...")."""
    agents = [c for c in verb.children if c.dep_ in DEP.subject]
    for child in verb.children:
        if child.dep_ in DEP.agent or (child.dep_ in DEP.preposition and child.lower_ in _PASSIVE_AGENT_PREPOSITIONS):
            agents.extend(c for c in child.children if c.dep_ in DEP.prepositional_object)
    if not agents:
        agents.extend(
            c for c in verb.lefts if c.dep_ in DEP.noun_phrase_adverbial | DEP.nominal_modifier and c.ent_type_
        )
    return agents or None


@VERB_AGENTS.register("doer_before_its_gerund")
def _doer_before_its_gerund(verb: Token) -> list[Token] | None:
    """A force word right before an act in -ing ("regime shelling", "the armys shelling", "in rebel shelling") is
    its doer; the parser often takes the act for a participle hung on that word, or the word for the object of
    the preposition before it. Only a word that names a force: in "struck the market in the town killing five"
    the town did nothing."""
    if verb.tag_ not in TAG.gerund or verb.i == verb.sent.start:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in POS.noun | POS.proper_noun | POS.adjective:
        return None
    misread = verb.head.i == before.i or (before.dep_ in DEP.prepositional_object and verb.dep_ in DEP.adverbial_clause)
    return [before] if misread and _actor_of(before, actor_dictionary()) is not None else None


@VERB_AGENTS.register("shared_subject")
def _shared_subject(verb: Token) -> list[Token] | None:
    """A verb coordinated with another, or its complement, shares its subject: "troops moved in and shelled the
    town", "swept into the city, taking the airport"."""
    head = verb.head
    if (
        verb.dep_ in DEP.conjunct | DEP.open_complement | DEP.adverbial_clause
        and head is not verb
        and head.pos_ in POS.verb | POS.auxiliary
    ):
        return _verb_agents(head)
    return None


@VERB_AGENTS.register("gerund_after_preposition")
def _gerund_after_preposition(verb: Token) -> list[Token] | None:
    """ "retaliated by firing on ...", "withdrew after shelling ...": the gerund's doer is the main verb's; but
    accused_did_it: "residents accused the militia of shelling the market", "blamed the army for burning it": the
    one an accusation verb names as its object did the act."""
    head = verb.head
    if (
        verb.dep_ in DEP.prepositional_complement
        and head.dep_ in DEP.preposition
        and head.head.pos_ in POS.verb | POS.auxiliary
    ):
        accused = [c for c in head.head.children if c.dep_ in DEP.direct_object]
        if head.head.lemma_.lower() in _ACCUSATION_LEMMAS and accused:
            return accused
        return _verb_agents(head.head)
    return _accused_of(verb)


def _accused_of(verb: Token) -> list[Token] | None:
    """accused_did_it where the parser hangs "of shelling" on the accused ("accused government forces of shelling
    the town": "forces of shelling") instead of on the accusation verb: the accused did the act."""
    head = verb.head
    if verb.dep_ not in DEP.prepositional_complement or head.dep_ not in DEP.preposition:
        return None
    accused = head.head
    if accused.dep_ in DEP.direct_object and accused.head.lemma_.lower() in _ACCUSATION_LEMMAS:
        return [accused]
    return None


@VERB_AGENTS.register("participle_chain")
def _participle_chain(verb: Token) -> list[Token] | None:
    """ "pressed on with the raid, burning fields and looting shops": a chain of participles (the first tagged as a
    noun by the parser) shares the main verb's doer."""
    head = verb.head
    if (
        verb.dep_ in DEP.conjunct
        and head.dep_ in DEP.adverbial_clause | DEP.open_complement
        and head.head.pos_ in POS.verb | POS.auxiliary
    ):
        return _verb_agents(head.head)
    return None


@VERB_AGENTS.register("relative_clause_head")
def _relative_clause_head(verb: Token) -> list[Token] | None:
    """ "the group, which attacked ...", "the militia that raided": a relative clause's doer is its head noun."""
    return [verb.head] if verb.dep_ in DEP.relative_clause else None


@VERB_AGENTS.register("participle_with_object")
def _participle_with_object(verb: Token) -> list[Token] | None:
    """A participle with an object, parsed as modifying a noun ("militiamen killed nine villagers"), has that noun
    for subject (unlike "villagers killed in the raid"); on an operation noun ("the army carried out an
    operation targeting their hideouts") it tells what the operation did, so its doer is whoever carried the
    operation out (not a witness: "residents described a raid targeting ...")."""
    if verb.dep_ not in DEP.clausal_modifier or not any(c.dep_ in DEP.direct_object for c in verb.children):
        return None
    if _is_event_noun(verb.head) and verb.head.dep_ in DEP.direct_object | DEP.prepositional_object:
        holder = verb.head.head if verb.head.dep_ in DEP.direct_object else verb.head.head.head
        if holder.pos_ in POS.verb | POS.auxiliary and holder.lemma_.lower() not in _WITNESS_LEMMAS:
            return _verb_agents(holder)
    return [verb.head]


@VERB_AGENTS.register("doer_of_a_time_clause")
def _doer_of_a_time_clause(verb: Token) -> list[Token] | None:
    """A passive act with no "by" phrase, told with the act that brought it ("300 men were executed when the
    militants stormed the town", "five villagers were killed after gunmen raided the village"): the doer of that
    clause did it."""
    if not any(c.dep_ in DEP.passive_subject for c in verb.children):
        return None
    for clause in (c for c in verb.children if c.dep_ in DEP.adverbial_clause):
        if any(m.dep_ in {"mark", "advmod"} and m.lower_ in _CAUSING_CLAUSE_MARKS for m in clause.children):
            subjects = [c for c in clause.children if c.dep_ in DEP.subject and c.pos_ in POS.noun | POS.proper_noun]
            if subjects:
                return subjects
    return None


_CAUSING_CLAUSE_MARKS = word_set("en", "actors", "causing_clause_marks")


@VERB_AGENTS.register("subject_in_opening_phrase")
def _subject_in_opening_phrase(verb: Token) -> list[Token] | None:
    """A finite verb with no subject whose opening phrase runs into it with no comma ("In the city of Hassakeh IS
    bombers detonated a truck", "on Friday ISIL seized the town"): the parser takes the subject for the object of
    the phrase's preposition; the noun right before the verb, in a phrase hung on that verb, is its subject."""
    if verb.tag_ not in _FINITE_PAST_OR_PRESENT or verb.i == verb.sent.start:
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ not in DEP.prepositional_object or before.pos_ not in POS.noun | POS.proper_noun:
        return None
    preposition = before.head
    return [before] if preposition.dep_ in DEP.preposition and verb in preposition.ancestors else None


_FINITE_PAST_OR_PRESENT = frozenset({"VBD", "VBZ", "VBP"})
_ACT_PREPOSITIONS = word_set("en", "actors", "act_prepositions")


@VERB_AGENTS.register("died_in_a_named_act")
def _died_in_a_named_act(verb: Token) -> list[Token] | None:
    """A death or wound with no doer of its own, told with the act it came in ("eight civilians were killed in
    rebel fire", "two children were wounded during a regime offensive", "killed in fire from government
    positions"): whoever the act noun names as its author (a modifier, possessor, or "by"/"from" phrase) did it.
    The phrase may hang on a verb coordinated with it ("four were killed and 14 wounded during rebel fire")."""
    if any(c.dep_ in DEP.subject for c in verb.children):
        return None
    partners = [c for c in verb.children if c.dep_ in DEP.conjunct and _is_verb(c)]
    for child in (c for v in (verb, *partners) for c in v.children):
        if _preposition(child) not in _ACT_PREPOSITIONS:
            continue
        for act in (o for o in _prepositional_objects(child) if _is_event_noun(o)):
            authors = [a for a in _authors_of_an_act(act) if _actor_of(a, actor_dictionary()) is not None]
            if authors:
                return authors
    return None


def _authors_of_an_act(act: Token) -> list[Token]:
    """The words an act noun names its author with: its modifiers and possessor, and the modifiers of a modifier
    ("regime air raids"), then the objects of its "by" or "from" phrase."""
    modifiers = [c for c in act.children if c.dep_ in DEP.compound | DEP.adjectival_modifier | DEP.possessive]
    nested = [g for m in modifiers for g in m.children if g.dep_ in DEP.compound | DEP.adjectival_modifier]
    phrases = [
        o
        for c in act.children
        if c.dep_ in DEP.agent or _preposition(c) in _NOMINAL_AGENT_PREPOSITIONS
        for o in _prepositional_objects(c)
    ]
    return [*modifiers, *nested, *phrases]


def _event_noun_named(trigger: Token) -> Token | None:
    """weapon_modifies_the_attack: a weapon word before an event noun ("a car bomb attack carried out by the
    militia", "a mortar strike on the base") is read with that noun's sides, after its own: who did the attack and
    what it hit hang on the noun, not on the weapon."""
    head = trigger.head
    if trigger.dep_ in DEP.compound and head.i != trigger.i and _is_event_noun(head):
        return head
    return None


def _is_event_noun(token: Token) -> bool:
    """An attack or operation noun ("an operation", "airstrikes", "a raid"): actors.yaml's attack nouns."""
    return bool({token.lemma_.lower(), token.lower_} & actor_dictionary().words.attack_nouns)


def _aimed_at(verb: Token, words: RoleWords) -> list[Token]:
    """ "a device exploded targeting an army patrol": the objects of a participle saying what a blast was aimed at;
    "fired rockets targeting a foreign base": a participle on the verb's object says what that weapon was aimed at."""
    participles = [
        c
        for c in verb.children
        if c.dep_ in DEP.open_complement | DEP.adverbial_clause and c.lemma_.lower() in words.aiming
    ]
    if verb.pos_ in POS.verb | POS.auxiliary:
        participles += [
            c
            for o in _objects(verb)
            for c in o.children
            if c.dep_ in DEP.clausal_modifier and c.lemma_.lower() in words.aiming
        ]
    return [o for participle in participles for o in _objects(participle)]


def _second_parties(token: Token) -> list[Token]:
    """The other members of a coordination: "B" in "A and B", "Chadian" in "Sudanese and Chadian forces"."""
    others = [c for c in token.children if c.dep_ in DEP.conjunct]
    for modifier in token.children:
        if modifier.dep_ in DEP.adjectival_modifier | DEP.compound:
            others.extend(c for c in modifier.children if c.dep_ in DEP.conjunct)
    return others


_WITNESS_LEMMAS = word_set("en", "actors", "witness_lemmas")
_AUTHOR_LINKS = word_set("en", "actors", "author_links")
_AUTHOR_LINK_PREPOSITIONS = word_set("en", "actors", "author_link_prepositions")
_COMMAND_HEADS = word_set("en", "actors", "command_heads")
_PARTNERSHIP_PREPOSITIONS = word_set("en", "actors", "partnership_prepositions")
_PARTNERSHIP_HEADS = word_set("en", "actors", "partnership_heads")
_PHRASE_PREPOSITIONS = word_set("en", "actors", "phrase_prepositions")
_LINK_PREPOSITIONS = word_set("en", "actors", "link_prepositions")
_PARTITIVE_PREPOSITIONS = word_set("en", "actors", "partitive_prepositions")
_DETACHMENT_PREPOSITIONS = word_set("en", "actors", "detachment_prepositions")
_CROWD_POLICING_PHRASES = word_set("en", "actors", "crowd_policing_phrases")


def _between(trigger: Token, preposition: Token, sides: _Sides) -> None:
    """ "clashes between A and B": A acts, B is the other side; "between two rival militias": both."""
    for first in (c for c in preposition.children if c.dep_ in DEP.prepositional_object):
        # "between the SDF and tribal gunmen", parsed as one noun with a coordinated modifier
        modifier = next(
            (
                c
                for c in first.lefts
                if c.dep_ in DEP.nominal_modifier | DEP.compound and any(g.dep_ in DEP.conjunct for g in c.children)
            ),
            None,
        )
        if modifier is not None:
            sides.agents.append(modifier)
            sides.targets.append(first)
            continue
        sides.agents.append(first)
        others = _second_parties(first)
        if not others:
            # "battles between the army and a paramilitary force": the parser hangs B on the trigger
            for conj in (c for c in trigger.children if c.dep_ in DEP.conjunct):
                others.extend(
                    [conj, *(c for c in conj.children if c.dep_ in DEP.direct_object | DEP.prepositional_object)]
                )
        if not others and first.tag_ in TAG.plural_noun:
            others = [first]
        sides.targets.extend(others)


def _reciprocal_partner(verb: Token, words: RoleWords) -> list[Token]:
    """ "took the town after clashes with the ENDF": the other side of a fight the clause mentions."""
    partners: list[Token] = []
    for preposition in (c for c in verb.children if c.dep_ in DEP.preposition):
        for noun in (c for c in preposition.children if c.dep_ in DEP.prepositional_object):
            if noun.lemma_.lower() in words.reciprocal or noun.lower_ in words.reciprocal:
                for inner in (
                    c for c in noun.children if c.dep_ in DEP.preposition and c.lower_ in _RECIPROCAL_PREPOSITIONS
                ):
                    partners.extend(c for c in inner.children if c.dep_ in DEP.prepositional_object)
    return partners


@dataclass
class _Clause:
    """What a side rule reads: the trigger, its governing verb when it is a noun, and the sides found so far."""

    trigger: Token
    dictionary: ActorDictionary
    sides: _Sides
    governor: Token | None = None  # the verb a nominal trigger is the object of ("launched *attacks*")
    reciprocal: bool = False  # a fight both sides wage ("clashes", "fought")

    @property
    def words(self) -> RoleWords:
        return self.dictionary.words

    @property
    def lemma(self) -> str:
        return self.trigger.lemma_.lower()


SideRule = Callable[[_Clause], bool]  # True: the sides are complete, later rules do not run
DependentRule = Callable[[_Clause, Token], bool]  # True: the dependent is read, later rules skip it

NOMINAL_SIDES = Cascade[SideRule]("actors.nominal_sides")
NOMINAL_DEPENDENT = Cascade[DependentRule]("actors.nominal_dependent")
GOVERNING_VERB = Cascade[SideRule]("actors.governing_verb")
VERBAL_SIDES = Cascade[SideRule]("actors.verbal_sides")
VERBAL_DEPENDENT = Cascade[DependentRule]("actors.verbal_dependent")

_NOMINAL_AGENT_PREPOSITIONS = word_set("en", "actors", "nominal_agent_prepositions")
_UNDERGOER_PREPOSITIONS = word_set("en", "actors", "undergoer_prepositions")
_RECIPROCAL_PREPOSITIONS = word_set("en", "actors", "reciprocal_prepositions")
_BETWEEN_PREPOSITIONS = word_set("en", "actors", "between_prepositions")
_PASSIVE_AGENT_PREPOSITIONS = word_set("en", "actors", "passive_agent_prepositions")
_EXPOSURE_VERBS = word_set("en", "actors", "exposure_verbs")
_EXPOSURE_PREPOSITIONS = word_set("en", "actors", "exposure_prepositions")


def _preposition(token: Token) -> str:
    """The preposition a dependent is, lower-cased, or "" when it is none."""
    return token.lower_ if token.dep_ in DEP.preposition else ""


def _prepositional_objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in DEP.prepositional_object]


def _is_verb(token: Token | None) -> bool:
    return token is not None and token.pos_ in POS.verb | POS.auxiliary


def _governor(trigger: Token, words: RoleWords) -> Token | None:
    """The verb a nominal trigger depends on: its verb as an object, or the verb its preposition hangs on."""
    if trigger.dep_ in DEP.direct_object:
        return trigger.head
    if trigger.dep_ in DEP.prepositional_object and trigger.head.dep_ in DEP.preposition:
        governor = trigger.head.head
        if governor.dep_ in DEP.direct_object and governor.head.lemma_.lower() in words.suffer:
            return governor.head  # "suffered heavy losses in raids": the losses are the subject's
        return governor
    return None


def _sides(trigger: Token, dictionary: ActorDictionary) -> _Sides:
    """The tokens heading each side of a trigger, by the rules of its cascade (nominal or verbal) in order."""
    words = dictionary.words
    nominal = _is_nominal(trigger)
    governor = _governor(trigger, words) if nominal else None
    reciprocal = (
        trigger.lemma_.lower() in words.reciprocal
        or trigger.lower_ in words.reciprocal
        or (governor is not None and governor.lemma_.lower() in words.reciprocal)
    )
    clause = _Clause(trigger, dictionary, _Sides(), governor, reciprocal)
    for rule in (NOMINAL_SIDES if nominal else VERBAL_SIDES).rules():
        if rule(clause):
            break
    return clause.sides


# Nominal triggers ("an attack", "the shelling", "clashes").


@NOMINAL_SIDES.register("dependents")
def _nominal_dependents(clause: _Clause) -> bool:
    """Each dependent of a nominal trigger is read by the first `actors.nominal_dependent` rule that applies."""
    dependent_rules = NOMINAL_DEPENDENT.rules()
    for child in clause.trigger.children:
        for rule in dependent_rules:
            if rule(clause, child):
                break
    return False


@NOMINAL_DEPENDENT.register("agent_phrase")
def _agent_phrase(clause: _Clause, child: Token) -> bool:
    """A "by" or "from" phrase on an event noun names who acted ("an assault by the rebels", "fire from the
    army")."""
    if child.dep_ in DEP.agent or _preposition(child) in _NOMINAL_AGENT_PREPOSITIONS:
        clause.sides.agents.extend(_prepositional_objects(child))
        return True
    return False


@NOMINAL_DEPENDENT.register("between_sides")
def _nominal_between(clause: _Clause, child: Token) -> bool:
    """ "fighting between A and B": A acts and B is the other side."""
    if _preposition(child) in _BETWEEN_PREPOSITIONS:
        _between(clause.trigger, child, clause.sides)
        return True
    return False


@NOMINAL_DEPENDENT.register("target_phrase")
def _target_phrase(clause: _Clause, child: Token) -> bool:
    """A target preposition on an event noun names what was hit ("raids on rebel positions"), as does "of" ("the
    bombing of a market") and, for a fight, "with" ("a clash with the militia")."""
    preposition = _preposition(child)
    if (
        preposition in _TARGET_PREPOSITIONS
        or preposition in _UNDERGOER_PREPOSITIONS
        or (preposition in _RECIPROCAL_PREPOSITIONS and clause.reciprocal)
    ):
        clause.sides.targets.extend(_prepositional_objects(child))
        return True
    return False


@NOMINAL_DEPENDENT.register("modifier_agent")
def _modifier_agent(clause: _Clause, child: Token) -> bool:
    """A modifier or possessor of an event noun is its doer ("a rebel ambush", "the army's offensive")."""
    if child.dep_ in DEP.compound | DEP.adjectival_modifier | DEP.possessive | DEP.nominal_modifier:
        clause.sides.agents.append(child)
        return True
    return False


@NOMINAL_DEPENDENT.register("participle_author")
def _participle_author(clause: _Clause, child: Token) -> bool:
    """A participle on an event noun names its author: "an ambush carried out by the rebels", "a bombing blamed on
    a militia", "an attack attributed to them"."""
    if child.dep_ not in DEP.clausal_modifier:
        return False
    for link in child.children:
        if link.dep_ in DEP.agent or (
            link.dep_ in DEP.preposition
            and (
                link.lower_ in _PASSIVE_AGENT_PREPOSITIONS
                or (link.lower_ in _AUTHOR_LINK_PREPOSITIONS and child.lemma_.lower() in _AUTHOR_LINKS)
            )
        ):
            clause.sides.agents.extend(_prepositional_objects(link))
    return True


@NOMINAL_DEPENDENT.register("relative_clause_target")
def _relative_clause_target(clause: _Clause, child: Token) -> bool:
    """ "a raid that wounded four guards": the object of the event noun's relative clause is the target."""
    if child.dep_ not in DEP.relative_clause:
        return False
    clause.sides.targets.extend(c for c in child.children if c.dep_ in DEP.direct_object | DEP.passive_subject)
    return True


@NOMINAL_SIDES.register("governing_verb")
def _governing_verb(clause: _Clause) -> bool:
    """The verb an event noun depends on tells the sides, by the first `actors.governing_verb` rule that applies;
    then the other side of a fight the clause mentions ("took the town after clashes with the militia")."""
    if not _is_verb(clause.governor):
        return False
    for rule in GOVERNING_VERB.rules():
        if rule(clause):
            break
    assert clause.governor is not None
    clause.sides.targets.extend(_reciprocal_partner(clause.governor, clause.words))
    return False


@GOVERNING_VERB.register("repelled_attack")
def _repelled_attack_governor(clause: _Clause) -> bool:
    """ "the garrison repelled an assault by the rebels": the subject of a repelling verb is the side attacked."""
    assert clause.governor is not None
    if clause.governor.lemma_.lower() not in clause.words.repel:
        return False
    clause.sides.targets.extend(_verb_agents(clause.governor))
    return True


@GOVERNING_VERB.register("undergone_attack")
def _undergone_attack(clause: _Clause) -> bool:
    """ "the village came under mortar fire", "the militia suffered losses in raids": the subject of a verb of
    undergoing is the target."""
    governor = clause.governor
    assert governor is not None
    governing = governor.lemma_.lower()
    exposed = governing in _EXPOSURE_VERBS and clause.trigger.head.lower_ in _EXPOSURE_PREPOSITIONS
    if not exposed and governing not in clause.words.suffer:
        return False
    clause.sides.targets.extend(c for c in governor.children if c.dep_ in DEP.subject)
    return True


@GOVERNING_VERB.register("participle_undergoer")
def _participle_undergoer(clause: _Clause) -> bool:
    """ "nine civilians killed in regime airstrikes", "soldiers wounded in the ambush": a passive participle on a
    noun says what the noun underwent, so in the event the participle's phrase names, the noun is the target."""
    governor = clause.governor
    assert governor is not None
    if (
        governor.dep_ not in DEP.clausal_modifier
        or governor.tag_ not in TAG.past_participle
        or governor.head is governor
    ):
        return False
    if not _is_nominal(governor.head) or clause.trigger.dep_ not in DEP.prepositional_object:
        return False
    clause.sides.targets.append(governor.head)
    return True


@GOVERNING_VERB.register("doer_of_verb")
def _doer_of_governing_verb(clause: _Clause) -> bool:
    """ "the rebels launched raids", "the militia killed nine people in an ambush": who does the governing verb
    did the event, and those it killed or hit are the targets; a witness's verb ("residents reported shelling")
    says nothing of who acted."""
    governor = clause.governor
    assert governor is not None
    if governor.lemma_.lower() in _WITNESS_LEMMAS:
        return False
    clause.sides.agents.extend(_verb_agents(governor))
    if clause.trigger.dep_ in DEP.prepositional_object:
        clause.sides.targets.extend(_objects(governor))
    if clause.trigger.dep_ in DEP.direct_object:
        clause.sides.targets.extend(_support_verb_targets(clause))
    if clause.reciprocal:
        for agent in _verb_agents(governor):
            clause.sides.targets.extend(_second_parties(agent))
    return True


def _support_verb_targets(clause: _Clause) -> list[Token]:
    """support_verb_target: "the air force carried out strikes against their positions", "the militia fought battles
    with the army": the event noun is the object of a verb that only says it was done, and the target phrase the
    parser hangs on that verb is the event's ("with" only for a fight)."""
    assert clause.governor is not None
    return [
        target
        for child in clause.governor.children
        if _preposition(child) in _TARGET_PREPOSITIONS
        or (_preposition(child) in _RECIPROCAL_PREPOSITIONS and clause.reciprocal)
        for target in _prepositional_objects(child)
    ]


@NOMINAL_SIDES.register("subject_of_verb")
def _subject_of_verb(clause: _Clause) -> bool:
    """An event noun as a verb's subject: what the verb hits is the target ("a mortar attack killed two guards"),
    and "fighting broke out between A and B" names both sides."""
    trigger = clause.trigger
    if _is_verb(clause.governor) or trigger.dep_ not in DEP.subject | DEP.passive_subject or not _is_verb(trigger.head):
        return False
    verb = trigger.head
    for between in (c for c in verb.children if c.dep_ in DEP.preposition and c.lower_ in _BETWEEN_PREPOSITIONS):
        _between(trigger, between, clause.sides)
    clause.sides.targets.extend(_objects(verb))
    clause.sides.targets.extend(_aimed_at(verb, clause.words))
    return False


# Verbal triggers ("attacked", "shelled", "clashed").


@VERBAL_SIDES.register("repelled_attack")
def _repelled_attack(clause: _Clause) -> bool:
    """ "the garrison repelled an assault by the rebels", "the garrison repelled rebel attacks": the attack's
    named author attacked the subject of the repelling verb; the sides are complete. An attack noun with no author
    named still makes the subject its target (repeller_was_attacked)."""
    trigger, words = clause.trigger, clause.words
    if clause.lemma not in words.repel:
        return False
    repelled = next((o for o in _objects(trigger) if o.lemma_.lower() not in words.repel), None)
    if repelled is None:
        return False
    attackers = [
        *(
            c
            for p in repelled.children
            if p.dep_ in DEP.preposition and p.lower_ in _PASSIVE_AGENT_PREPOSITIONS
            for c in p.children
            if c.dep_ in DEP.prepositional_object
        ),
        *(c for c in repelled.children if c.dep_ in DEP.adjectival_modifier | DEP.compound | DEP.possessive),
    ]
    if not any(_actor_of(a, clause.dictionary) for a in attackers) and not _is_event_noun(repelled):
        return False
    # repeller_was_attacked: "the army repelled a fierce attack on its posts" names no attacker, but the army was
    # still the side attacked, not the one attacking; the attacker is left unsaid for the article to name
    clause.sides.agents.extend(attackers)
    clause.sides.targets.extend(_verb_agents(trigger))
    return True


@VERBAL_SIDES.register("doer")
def _doer(clause: _Clause) -> bool:
    """Who does the verb acts: its subject, its "by" phrase, or the subject of the clause it continues."""
    clause.sides.agents.extend(_verb_agents(clause.trigger))
    return False


@VERBAL_SIDES.register("dependents")
def _verbal_dependents(clause: _Clause) -> bool:
    """Each dependent of a verbal trigger is read by the first `actors.verbal_dependent` rule that applies."""
    dependent_rules = VERBAL_DEPENDENT.rules()
    for child in clause.trigger.children:
        for rule in dependent_rules:
            if rule(clause, child):
                break
    return False


@VERBAL_DEPENDENT.register("passive_subject")
def _passive_subject(clause: _Clause, child: Token) -> bool:
    """ "a patrol was ambushed": the subject of a passive verb is the target."""
    if child.dep_ not in DEP.passive_subject:
        return False
    clause.sides.targets.append(child)
    return True


@VERBAL_DEPENDENT.register("target_phrase")
def _verbal_target_phrase(clause: _Clause, child: Token) -> bool:
    """ "fired on a convoy", and for a fight "clashed with the militia": the preposition's object is the target."""
    preposition = _preposition(child)
    if preposition in _TARGET_PREPOSITIONS or (preposition in _RECIPROCAL_PREPOSITIONS and clause.reciprocal):
        clause.sides.targets.extend(_prepositional_objects(child))
        return True
    return False


_TERRITORY_VERBS = word_set("en", "actors", "territory_verbs")
_LOSER_PREPOSITIONS = word_set("en", "actors", "loser_prepositions")


@VERBAL_DEPENDENT.register("territory_loser")
def _territory_loser(clause: _Clause, child: Token) -> bool:
    """ "recaptured the town from IS", "were liberated from the control of the militants": the side a place is
    taken from is the other side of its capture."""
    if _preposition(child) in _LOSER_PREPOSITIONS and clause.lemma in _TERRITORY_VERBS:
        clause.sides.targets.extend(_prepositional_objects(child))
        return True
    return False


@VERBAL_DEPENDENT.register("between_sides")
def _verbal_between(clause: _Clause, child: Token) -> bool:
    """ "fought between A and B": for a fight, A acts and B is the other side."""
    if _preposition(child) in _BETWEEN_PREPOSITIONS and clause.reciprocal:
        _between(clause.trigger, child, clause.sides)
        return True
    return False


@VERBAL_SIDES.register("direct_objects")
def _direct_objects(clause: _Clause) -> bool:
    """ "shelled the town", "intercepted and destroyed two drones": the verb's objects are targets."""
    clause.sides.targets.extend(_objects(clause.trigger))
    return False


@VERBAL_SIDES.register("aimed_at")
def _aimed_at_rule(clause: _Clause) -> bool:
    """ "a bomb exploded targeting a patrol": what a participle of aiming names is a target."""
    clause.sides.targets.extend(_aimed_at(clause.trigger, clause.words))
    return False


@VERBAL_SIDES.register("fight_partner")
def _fight_partner(clause: _Clause) -> bool:
    """ "took the town after clashes with the militia": the other side of a fight the clause mentions."""
    clause.sides.targets.extend(_reciprocal_partner(clause.trigger, clause.words))
    return False


@VERBAL_SIDES.register("coordinated_subjects")
def _coordinated_subjects(clause: _Clause) -> bool:
    """ "A and B clashed": B is the other side of a fight; "A and B shelled the town": B acts with A."""
    for subject in (c for c in clause.trigger.children if c.dep_ in DEP.subject):
        (clause.sides.targets if clause.reciprocal else clause.sides.associates).extend(_second_parties(subject))
    return False


@VERBAL_SIDES.register("responder_swap")
def _responder_swap(clause: _Clause) -> bool:
    """ "troops advancing on the village were confronted by gunmen": with a verb of responding, the side that
    was met started the fight, so the sides swap."""
    sides = clause.sides
    if clause.lemma in clause.words.respond and sides.targets:
        sides.agents, sides.targets = sides.targets, sides.agents
    return False


def _linked_actor(head: Token, dictionary: ActorDictionary, generic: bool) -> tuple[ActorEntry, SpacySpan] | None:
    """The group a noun is tied to by a participle: "a bullet fired by Houthi fighters", "insurgents led by HTS".

    A weapon or a convoy (``generic`` False: the noun names no actor) takes whoever fired, launched, planted or
    escorted it; a generic word for armed men only takes the group it belongs to ("led by", "affiliated with"),
    not a backer. The participle may hang on the noun or on its "of" phrase ("a convoy of trucks escorted by").
    """
    holders = [
        head,
        *(
            c
            for p in head.children
            if p.dep_ in DEP.preposition and p.lower_ in _PHRASE_PREPOSITIONS
            for c in p.children
        ),
    ]
    for participle in (
        c
        for holder in holders
        for c in holder.children
        if c.dep_ in DEP.clausal_modifier | DEP.adjectival_modifier | DEP.relative_clause
    ):
        if generic and participle.lemma_.lower() not in dictionary.words.identity_links:
            continue
        for link in participle.children:
            if link.dep_ in DEP.agent or (link.dep_ in DEP.preposition and link.lower_ in _LINK_PREPOSITIONS):
                for pobj in (c for c in link.children if c.dep_ in DEP.prepositional_object):
                    phrase = _phrase(pobj)
                    entry = phrase_actor(phrase, dictionary)
                    if entry is not None:
                        return entry, phrase
    return None


def _unnamed(entry: ActorEntry, dictionary: ActorDictionary) -> bool:
    """A word for armed men that names no group: "gunmen", or a kind of force unknown outside its country
    ("terrorists", "rebels")."""
    return entry.name == UNIDENTIFIED or any(
        entry.name == force.placeholder and force.unknown == UNIDENTIFIED for force in dictionary.contextual
    )


def _actor_of(head: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """The actor a candidate token stands for, with the phrase that names it."""
    head = _resolve_speaker(head, dictionary)
    leader = _leader_of_a_led_act(head, dictionary)
    if leader is not None:
        return leader
    coordinated = _coordinated_demonym(head, dictionary)
    if coordinated is None and head.dep_ in DEP.compound | DEP.adjectival_modifier:
        # "regime" in "Russian and Syrian regime airstrikes"; "Russian" in "killed in Russian and Syrian strikes"
        coordinated = _coordinated_demonym(head.head, dictionary)
    if coordinated is not None:
        return coordinated
    phrase = _phrase(head)
    entry = phrase_actor(phrase, dictionary)
    if entry is None or _unnamed(entry, dictionary):
        linked = _linked_actor(head, dictionary, generic=entry is not None)
        if linked is not None:
            return linked
    if entry is not None and _unnamed(entry, dictionary):
        # "militants of Jaish al-Fatah", "jihadists from the Islamic State group", "terrorists from Jaish al-Fateh":
        # the generic word's group, when named
        group_links = _PHRASE_PREPOSITIONS | _DETACHMENT_PREPOSITIONS
        for preposition in (c for c in head.children if c.dep_ in DEP.preposition and c.lower_ in group_links):
            for whole in (c for c in preposition.children if c.dep_ in DEP.prepositional_object):
                found = _actor_of(whole, dictionary)
                if found is not None and found[0].name != UNIDENTIFIED:
                    return found
    if entry is None:
        # "much of the airport", "a patrol of the regime's forces": a share or unit of what the "of" phrase names;
        # "a force from the Iraqi army's 7th Division", "units from the 92nd Brigade": a detachment of it
        lowered = head.lower_
        words = dictionary.words
        linking = {
            *(_PARTITIVE_PREPOSITIONS if lowered in words.partitives or lowered in words.installations else ()),
            # "fighters of the Popular Resistance Front", "a force from the Iraqi army's 7th Division"
            *(
                _DETACHMENT_PREPOSITIONS
                if lowered in words.force_nouns or head.lemma_.lower() in words.force_nouns
                else ()
            ),
        }
        if linking:
            # "positions and hideouts of ISIL": the "of" phrase of the last of coordinated posts is all of theirs
            owners = [head, *(c for c in head.conjuncts if c.i > head.i and c.lower_ in words.installations)]
            for preposition in (
                c for owner in owners for c in owner.children if c.dep_ in DEP.preposition and c.lower_ in linking
            ):
                for whole in (c for c in preposition.children if c.dep_ in DEP.prepositional_object):
                    found = _actor_of(whole, dictionary)
                    if found is not None:
                        return found
        # "Karsa, State Agency- Army units advancing ...": a misparse that hangs the subject on a name as an apposition
        for apposition in (c for c in head.children if c.dep_ in DEP.apposition):
            found = _actor_of(apposition, dictionary)
            if found is not None:
                return found
    if entry is None:
        holder = _holder_of_a_place(head, dictionary)
        if holder is not None:
            return holder
    if entry is None:
        named = _unlisted_group(head, phrase, dictionary)
        if named is not None:
            return named, phrase
    if entry is not None and _unnamed(entry, dictionary):
        split = _name_split_off(phrase, dictionary)
        if split is not None:
            return split
    return (entry, phrase) if entry is not None else None


_HOLDING_PARTICIPLES = word_set("en", "actors", "holding_participles")
_LEADING_PARTICIPLES = word_set("en", "actors", "leading_participles")


def _leader_of_a_led_act(participle: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """leader_of_a_led_act: "US-led strikes", "a Saudi-led air raid": an attack or a force named by who leads it
    is the leader's. Only an actor named by name or by its state: "rebel-led" says no more than "rebels" does."""
    if participle.dep_ not in DEP.adjectival_modifier:
        return None
    found = _leader_split_off(participle, dictionary) or _leader_in_one_word(participle, dictionary)
    if found is None or COUNTRY_SLOT in found[0].name or _unnamed(found[0], dictionary):
        return None
    return found


def _leader_split_off(participle: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """The leader the parser split off the participle ("US", "-", "led")."""
    if participle.lower_ not in _LEADING_PARTICIPLES:
        return None
    leader = next((c for c in participle.children if c.dep_ in DEP.noun_phrase_adverbial | DEP.compound), None)
    found = _actor_of(leader, dictionary) if leader is not None else None
    if leader is None or found is None:
        return None
    return found[0], participle.doc[leader.i : participle.i + 1]


def _leader_in_one_word(participle: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """The leader inside a participle the parser kept one word ("U.S.-led")."""
    leader, _, led = participle.text.rpartition("-")
    if not leader or led.lower() not in _LEADING_PARTICIPLES:
        return None
    entry = dictionary.by_alias.get(leader.lower()) or dictionary.demonyms.get(leader.lower())
    return (entry, participle.doc[participle.i : participle.i + 1]) if entry is not None else None


def _holder_of_a_place(head: Token, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """held_place_owner: "raids on IS-held areas", "jets struck ISIL-controlled villages": a place an attack hit,
    named by the group that holds it, stands for that group; so does one named by the kind of force holding it
    ("rebel-held districts"), a weaker reading :func:`sitrep.resolve.derive.derive_actors` counts only where no
    report names whom the attack hit (the civilians it killed, when any report counts them, are its target). The
    phrase is the whole place ("IS-held villages"), as the text the actor is read from."""
    for participle in head.children:
        if participle.dep_ not in DEP.adjectival_modifier or participle.lower_ not in _HOLDING_PARTICIPLES:
            continue
        for holder in (c for c in participle.children if c.dep_ in DEP.noun_phrase_adverbial | DEP.compound):
            entry = _holder(holder, dictionary)
            if entry is not None and entry.name != UNIDENTIFIED:
                return entry, _phrase(head)
    return None


def _holder(token: Token, dictionary: ActorDictionary) -> ActorEntry | None:
    """The actor the word before "-held" names: a group ("IS"), or the kind of force its modifier form names
    ("rebel", "government"), as in "rebel positions"."""
    found = _actor_of(token, dictionary)
    if found is not None:
        return found[0]
    force = _force_by_modifier(token, dictionary)
    return ActorEntry(force.placeholder, force.actor_type, None) if force is not None else None


_HELD_PLACE = re.compile(r"-\s*(?:" + "|".join(sorted(map(re.escape, _HOLDING_PARTICIPLES))) + r")\b", re.IGNORECASE)


def a_held_place(role: ActorRole) -> bool:
    """The actor was read from a place named by the group holding it ("IS-held districts": held_place_owner)."""
    return role.span is not None and _HELD_PLACE.search(role.span.text) is not None


_HOLDER = re.compile(r"([\w]+)\s*" + _HELD_PLACE.pattern, re.IGNORECASE)


def held_by_a_kind_of_force(role: ActorRole) -> bool:
    """The actor was read from a place named by the kind of force holding it ("rebel-held districts"), not by a
    group's name ("IS-held districts")."""
    holder = _HOLDER.search(role.span.text) if role.span is not None else None
    return holder is not None and any(holder.group(1).lower() in f.modifiers for f in actor_dictionary().contextual)


def _name_split_off(phrase: SpacySpan, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """name_split_off: "IS suicide bombers attacked the base", "ISIL gunmen stormed the village": a group's name
    written right before a generic word for armed men is theirs, also where the parser cut it off the phrase (an
    acronym read as a verb, "IS" as "is"). The name must be the whole word or entity before the phrase, and a
    group's, not a place's."""
    doc = phrase.doc
    if phrase.start == 0 or phrase.start == phrase.sent.start:
        return None
    before = doc[phrase.start - 1]
    entity = next((e for e in document_entities(doc) if e.start <= before.i < e.end), None)
    name = doc[entity.start : before.i + 1] if entity is not None else doc[before.i : before.i + 1]
    text = span_text(name)
    match = dictionary.find_match(text)
    if match is None or match[0].group(0) != text or dictionary.is_place_name(text) or _unnamed(match[1], dictionary):
        return None
    return match[1], doc[name.start : phrase.end]


_GROUP_TYPE = "Rebel groups"


def _unlisted_group(head: Token, phrase: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """A named armed group the dictionary lacks keeps its name as written ("the Liwa al-Haqq Brigade" -> "Liwa
    al-Haqq Brigade"), as the codebook names groups: a proper name whose head is a word for an armed group
    (actors.yaml `roles.group_heads`), with a name of its own before it (not "the 4th Division", not "the Army")."""
    if head.pos_ not in POS.proper_noun or head.lower_ not in dictionary.words.group_heads:
        return None
    words = [
        t
        for t in span_tokens(phrase)
        if t.i <= head.i and t.dep_ not in DEP.determiner and (t.pos_ not in POS.punctuation or t.text == "-")
    ]
    own = [
        t for t in words if t.i < head.i and t.pos_ in POS.proper_noun and t.lower_ not in dictionary.words.group_heads
    ]
    if not own or any(t.like_num or t.text[:1].isdigit() for t in words):
        return None
    if any(t.lower_ in dictionary.demonyms for t in words):
        return None  # "the Syrian Arab Army": a state's forces, named by the rules for those
    name = phrase.doc[words[0].i : head.i + 1].text
    return ActorEntry(name, _GROUP_TYPE, None)


def _crowd_police(sentence: SpacySpan, dictionary: ActorDictionary) -> tuple[ActorEntry, SpacySpan] | None:
    """ "police used water cannon to disperse them": the force that policed a crowd, for the crowd event's actor2."""
    control = dictionary.words.crowd_control
    for token in span_tokens(sentence):
        if token.lemma_.lower() not in control and token.lower_ not in control:
            continue
        # the verb whose subject did it: "disperse" itself, or "fired" in "fired tear gas (to disperse)"
        verb = token if token.pos_ in POS.verb else token.head
        while verb.dep_ in DEP.open_complement | DEP.adverbial_clause | DEP.conjunct and not any(
            c.dep_ in DEP.subject for c in verb.children
        ):
            verb = verb.head
        for agent in _verb_agents(verb):
            phrase = _phrase(agent)
            if " ".join(span_text(phrase).lower().split()).removeprefix("the ") in _CROWD_POLICING_PHRASES:
                # the codebook's usual reading of "security forces" breaking up a crowd: police
                police = next((f for f in dictionary.contextual if f.prefix.startswith("Police")), None)
                if police is not None:
                    return ActorEntry(police.placeholder, police.actor_type, None), phrase
            entry = phrase_actor(phrase, dictionary)
            if entry is not None and entry.actor_type == _STATE_TYPE:
                return entry, phrase
    return None


def assign_roles(trigger: Token, sentence: SpacySpan, doc_name: str, violent: bool) -> list[ActorRole]:
    dictionary = actor_dictionary()
    sides = _sides(trigger, dictionary)
    named = _event_noun_named(trigger)
    if named is not None:
        more = _sides(named, dictionary)
        sides.agents.extend(more.agents)
        sides.targets.extend(more.targets)
    roles: list[ActorRole] = []
    heads_used: list[Token] = []
    for role, heads in (("actor1", sides.agents), ("actor2", sides.targets), ("assoc_actor1", sides.associates)):
        usable = []
        for head in heads:
            found = _actor_of(head, dictionary)
            # One actor on both sides only when one phrase names both ("clashes between two rival militias")
            # or it is a crowd ("protesters clashed with rival demonstrators").
            if found is not None and (
                all(r.name != found[0].name for r in roles)
                or head in heads_used
                or found[0].name in coding_conventions().crowd_names
            ):
                usable.append((head, found))
        # A named group before "gunmen" or "insurgents" when the parse offers both for one role.
        usable.sort(key=lambda candidate: _unnamed(candidate[1][0], dictionary))
        if usable:
            head, (entry, phrase) = usable[0]
            roles.append(_role(role, entry, phrase, doc_name))
            heads_used.append(head)
    # Associated actors: "X, in cooperation with / backed by / alongside Y"
    lowered = span_text(sentence).lower()
    partnered = any(word in lowered for word in _PARTNERSHIP_PREPOSITIONS)  # else no token is one of them
    for token in span_tokens(sentence) if partnered else []:
        if token.lower_ in _PARTNERSHIP_PREPOSITIONS and token.head.lower_ in _PARTNERSHIP_HEADS:
            for pobj in (c for c in token.children if c.dep_ in DEP.prepositional_object):
                partner = phrase_actor(_phrase(pobj), dictionary)
                if partner and all(r.name != partner.name for r in roles):
                    roles.append(_role("assoc_actor1", partner, _phrase(pobj), doc_name))
    if not any(r.role == "actor2" for r in roles):
        police = _crowd_police(sentence, dictionary)
        if police is not None and all(r.name != police[0].name for r in roles):
            roles.append(_role("actor2", police[0], police[1], doc_name))
    if violent and not any(r.role == "actor1" for r in roles):
        roles.insert(0, ActorRole(role="actor1", name=UNIDENTIFIED, actor_type="Unidentified", span=None))
    return roles


@dataclass(frozen=True)
class CodingConventions:
    actor1_by_type: dict[str, str]
    replaceable_actor1_types: frozenset[str]
    civilian_victims_types: frozenset[str]
    civilian_target_types: frozenset[str]  # event types whose target is civilians by definition
    civilian_actor: str
    victim_target_types: frozenset[str] = frozenset()  # event types whose named victims are actor2
    shared_doer_sub_types: frozenset[str] = frozenset()  # acts whose unsaid doer is the one the article names
    default_doer_by_sub_type: dict[str, str] = field(default_factory=dict)  # sub-type -> contextual force prefix
    shared_target_sub_types: frozenset[str] = frozenset()  # acts whose unsaid target is the article's too
    victim_side_types: frozenset[str] = frozenset()  # fights whose named dead are the unsaid side
    default_doer_countries: frozenset[str] = frozenset()  # where that default holds (ISO2)
    unnamed_victims_types: frozenset[str] = frozenset()  # acts whose dead, named as no side, are civilians
    shared_opponent_types: frozenset[str] = frozenset()  # fights whose unsaid opponent is the article's
    unnamed_target_sub_types: frozenset[str] = frozenset()  # bombardment whose unnamed target is civilians

    @property
    def crowd_names(self) -> frozenset[str]:
        """Protesters and Rioters: the crowds the codebook names events' actor1 after."""
        return frozenset(self.actor1_by_type.values())


@functools.cache
def coding_conventions() -> CodingConventions:
    raw = load_yaml("actors.yaml")["conventions"]
    return CodingConventions(
        dict(raw["actor1_by_type"]),
        frozenset(raw["replaceable_actor1_types"]),
        frozenset(raw["civilian_victims_types"]),
        frozenset(raw.get("civilian_target_types", [])),
        raw["civilian_actor"],
        frozenset(raw.get("victim_target_types", [])),
        frozenset(raw.get("shared_doer_sub_types", [])),
        dict(raw.get("default_doer_by_sub_type", {})),
        frozenset(raw.get("shared_target_sub_types", [])),
        frozenset(raw.get("victim_side_types", [])),
        frozenset(raw.get("default_doer_countries", [])),
        frozenset(raw.get("unnamed_victims_types", [])),
        frozenset(raw.get("shared_opponent_types", [])),
        frozenset(raw.get("unnamed_target_sub_types", [])),
    )


def civilians_entry() -> ActorEntry:
    """The actor dictionary's entry for the codebook's civilians (``conventions.civilian_actor``)."""
    return actor_dictionary().by_alias[coding_conventions().civilian_actor.lower()]


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
        crowd_types = rules.crowd_names
        current = next((r for r in roles if r.role == "actor1"), None)
        crowd_target = next((r for r in roles if r.role == "actor2" and r.name in crowd_types), None)
        if current is not None and current.actor_type not in rules.replaceable_actor1_types and crowd_target:
            # "police fired tear gas at protesters": the crowd is the event's actor1, the force that met it actor2
            roles.remove(crowd_target)
            roles[roles.index(current)] = ActorRole("actor2", current.name, current.actor_type, current.span)
            roles.insert(0, ActorRole("actor1", entry.name, entry.actor_type, crowd_target.span))
        elif current is None:
            roles.insert(0, ActorRole("actor1", entry.name, entry.actor_type))
        elif current.actor_type in rules.replaceable_actor1_types:
            roles[roles.index(current)] = ActorRole("actor1", entry.name, entry.actor_type, current.span)
            if crowd_target is not None and current.name in crowd_types:
                # "protesters clashed with rival demonstrators": two crowds, both the event's kind of crowd
                roles[roles.index(crowd_target)] = ActorRole("actor2", entry.name, entry.actor_type, crowd_target.span)
    if event_type in rules.civilian_victims_types and not any(
        r.role == "actor2" and not a_held_place(r) for r in roles
    ):
        for victim in victims:
            found = phrase_actor(victim, dictionary)
            if found is not None and found.name == rules.civilian_actor:
                # civilians killed in a strike on an IS-held town are its target, not the group holding the town
                roles = [r for r in roles if r.role != "actor2"]
                roles.append(_role("actor2", found, victim, doc_name))
                break
    target = next((r for r in roles if r.role == "actor2"), None)
    doer = next((r for r in roles if r.role == "actor1"), None)
    if event_type in rules.victim_side_types and target is not None and (doer is None or doer.span is None):
        # "18 IS jihadists were killed in clashes with Kurdish fighters": the dead are the side that fought them
        side = _armed_victim([target], victims, dictionary)
        if side is not None and side[0].name != UNIDENTIFIED:
            roles = [r for r in roles if r.role != "actor1"]
            roles.insert(0, _role("actor1", *side, doc_name))
    if event_type in rules.victim_target_types and not any(r.role == "actor2" for r in roles):
        named_victim = _armed_victim(roles, victims, dictionary)
        if named_victim is not None:
            roles.append(_role("actor2", *named_victim, doc_name))
    if event_type in rules.civilian_target_types:
        # "the killing of two activists": one-sided violence's victims are civilians whatever their civic role
        civilians = civilians_entry()
        roles = [
            ActorRole("actor2", civilians.name, civilians.actor_type, r.span)
            if r.role == "actor2" and r.name in rules.crowd_names
            else r
            for r in roles
        ]
    if event_type in rules.civilian_target_types and not any(r.role == "actor2" for r in roles):
        civilians = civilians_entry()
        roles.append(ActorRole("actor2", civilians.name, civilians.actor_type))
    return roles


def _armed_victim(
    roles: list[ActorRole], victims: list[SpacySpan], dictionary: ActorDictionary
) -> tuple[ActorEntry, SpacySpan] | None:
    """Named victims: "35 ISIS fighters were killed in air strikes by the coalition", "the shelling killed three
    soldiers": the side that lost them is the event's actor2 when no other target is named (the victims' own
    noun phrase, not places after it: "civilians in an area held by ISIS" are not ISIS)."""
    named = {r.name for r in roles}
    for victim in victims:
        found = _actor_of(victim.root, dictionary)
        if found is not None and found[0].name not in named and found[0].name not in coding_conventions().crowd_names:
            return found
    return None


def _read_doer(mention: Mention) -> ActorRole | None:
    """The mention's actor1 as its own text names it: not the violent-event default, not an unknown armed group,
    and not civilians (civilians_share_no_deed: "residents fled the shelling" read with residents acting names
    no one who shells or executes; the article's other acts are not theirs)."""
    actor = mention.actor("actor1")
    if actor is None or actor.span is None or actor.name in {UNIDENTIFIED, coding_conventions().civilian_actor}:
        return None
    return actor


def _doer_from(donor: Mention, mention: Mention) -> ActorRole | None:
    """The doer ``donor`` gives ``mention``: its actor1, or, when that is the side ``mention`` names as hit
    ("clashes with Kurdish fighters" after "IS attacked Kurdish fighters"), the other side it names."""
    target = mention.actor("actor2")
    doer = _read_doer(donor)
    if doer is None:
        return None
    if target is not None and doer.name == target.name:
        other = donor.actor("actor2")
        return other if other is not None and other.name != target.name else None
    return doer


_TOLL_TRIGGERS = word_set("en", "coreference", "toll_triggers")


def _only_counts(mention: Mention) -> bool:
    """The report's trigger only counts the dead or wounded ("were killed", "left 20 dead"), as coreference reads it."""
    words = re.findall(r"[a-z]+", (mention.trigger.text or "").casefold())
    return bool(words) and all(word in _TOLL_TRIGGERS for word in words)


# the kinds of a figure that counts an attack's victims; "casualties" is a joint "killed and wounded" figure
_CASUALTY_KINDS = ("killed", "wounded", "casualties")


def _counted_victims(quantity_text: str, dictionary: ActorDictionary) -> ActorEntry | None:
    """The side a casualty figure's own words name ("18 ISIL fighters", "five soldiers", "12 civilians"), or None."""
    entry = dictionary.find(quantity_text)
    if entry is not None and entry.name != UNIDENTIFIED:
        return entry
    force = dictionary.contextual_force(quantity_text)  # "dozens of insurgents": a kind of force beats the generic word
    return ActorEntry(force.placeholder, force.actor_type, None) if force is not None else entry


def name_counted_victims(mentions: list[Mention]) -> None:
    """The victims a report counts are its actor2 when its parse gave it none, in place: a figure naming a side
    ("Strikes kill 18 ISIL fighters" where a title-case headline misparses) gives that side
    (`conventions.victim_target_types`); a figure naming nobody ("at least 45 killed", "a car bomb kills four")
    gives Civilians for the kinds of act whose unnamed dead the codebook counts as civilians
    (`conventions.unnamed_victims_types`: remote violence). The actor keeps the figure's span."""
    rules = coding_conventions()
    dictionary = actor_dictionary()
    civilians = civilians_entry()
    for mention in mentions:
        if mention.actor("actor2") is not None or mention.event_type not in rules.victim_target_types:
            continue
        counted = next((q for q in mention.quantities if q.kind in _CASUALTY_KINDS and q.span is not None), None)
        if counted is None or counted.span is None:
            continue
        doer = mention.actor("actor1")
        entry = _counted_victims(counted.span.text, dictionary)
        if entry is None and mention.event_type in rules.unnamed_victims_types:
            entry = civilians
        if entry is None or entry.name in rules.crowd_names or (doer is not None and doer.name == entry.name):
            continue
        mention.actors.append(ActorRole("actor2", entry.name, entry.actor_type, counted.span))


def share_document_doers(mentions: list[Mention]) -> None:
    """An act whose sentence leaves the doer unsaid ("raids killed 16 civilians in the town", "heavy clashes
    raged around the base") is done, in place, by the doer the same document names for the same kind of act
    (actors.yaml `conventions.shared_doer_sub_types`): its nearest earlier report that names one, else the first
    later one. A report whose trigger only counts the dead ("five more were killed in the next town") takes none:
    it tells the toll of an act whose kind it only guesses. The doer keeps the span of the sentence that named it.
    An act left with no doer named anywhere may have a default one, decided by :func:`fill_actor_countries` once
    its country is known."""
    rules = coding_conventions()
    ordered = sorted(mentions, key=lambda m: m.sentence.start)
    for number, mention in enumerate(ordered):
        if not _doer_unsaid(mention):
            continue
        same_kind = [
            other
            for other in [*reversed(ordered[:number]), *ordered[number + 1 :]]
            if other.sub_event_type == mention.sub_event_type and other.event_type == mention.event_type
        ]
        donor, doer = next(
            ((other, found) for other in same_kind if (found := _doer_from(other, mention)) is not None), (None, None)
        )
        if donor is None or doer is None:
            continue
        target = donor.actor("actor2")
        shares_target = mention.sub_event_type in rules.shared_target_sub_types and mention.actor("actor2") is None
        if shares_target and target is not None and target.name != doer.name:
            # "heavy clashes continued around the town": the fight the article told, both its sides
            mention.actors.append(ActorRole("actor2", target.name, target.actor_type, target.span))
        rest = [a for a in mention.actors if a.role != "actor1"]
        mention.actors[:] = [ActorRole("actor1", doer.name, doer.actor_type, doer.span), *rest]
    _share_opponents(ordered)


def _share_opponents(ordered: list[Mention]) -> None:
    """fight_has_the_articles_opponent: a fight whose sentence names its doer but not whom it fought ("the army
    advanced on the town", "the SDF seized three villages") is against the side the same article names that doer
    fighting (actors.yaml `conventions.shared_opponent_types`): the target of its nearest report with the same doer,
    else the doer of its nearest report that targets it. One article tells one front."""
    rules = coding_conventions()
    for number, mention in enumerate(ordered):
        doer = mention.actor("actor1")
        if (
            mention.event_type not in rules.shared_opponent_types
            or mention.actor("actor2") is not None
            or doer is None
            or doer.span is None
            or doer.name == UNIDENTIFIED
        ):
            continue
        nearest = [*reversed(ordered[:number]), *ordered[number + 1 :]]
        fights = [other for other in nearest if other.event_type == mention.event_type]
        opponent = next((o for other in fights if (o := _opponent_in(other, doer.name)) is not None), None)
        if opponent is not None:
            mention.actors.append(ActorRole("actor2", opponent.name, opponent.actor_type, opponent.span))


def _opponent_in(other: Mention, side: str) -> ActorRole | None:
    """Whom ``other`` says ``side`` fought: its target when ``side`` is its doer, its doer when ``side`` its target."""
    doer, target = other.actor("actor1"), other.actor("actor2")
    if doer is None or target is None or doer.name == target.name:
        return None
    if doer.name == side and target.name != UNIDENTIFIED:
        return target
    if target.name == side and doer.span is not None and doer.name != UNIDENTIFIED:
        return doer
    return None


def _doer_unsaid(mention: Mention) -> bool:
    """A report of a kind of act whose doer an article shares (`conventions.shared_doer_sub_types`) that names none
    itself: not even an unknown armed group ("gunmen" is a reading, not a gap), and not one that only counts the
    dead ("five more were killed in the next town": the toll of an act whose kind it only guesses)."""
    if mention.sub_event_type not in coding_conventions().shared_doer_sub_types:
        return False
    if any(a.role == "actor1" and a.span is not None for a in mention.actors):
        return False
    return not _only_counts(mention)


def _default_doer(mention: Mention, country: str | None) -> ActorRole | None:
    """The doer of an act no report of its article names, by the codebook's default for its kind of act
    (`conventions.default_doer_by_sub_type`: an air strike is the air force's of the country it happens in), only
    where that state is the one power doing such acts (`conventions.default_doer_countries`); elsewhere that kind
    of force, unidentified. A contextual force's placeholder, named by :func:`fill_actor_countries`."""
    rules = coding_conventions()
    force = next(
        (
            f
            for f in actor_dictionary().contextual
            if f.prefix == rules.default_doer_by_sub_type.get(mention.sub_event_type)
        ),
        None,
    )
    if force is None or not _doer_unsaid(mention):
        return None
    if country not in rules.default_doer_countries:
        return ActorRole("actor1", force.unknown, force.actor_type)
    return ActorRole("actor1", force.placeholder, force.actor_type)


def fill_actor_countries(
    mentions: list[Mention], country_of: Callable[[Mention], str | None], country_name: Callable[[str], str]
) -> None:
    """ "the army" -> "Military Forces of Mali", in place.

    "The military" after "the Israeli military said" is that military; with no such forces named earlier in
    the document, or when those forces are the mention's other side, it is the forces of the country the
    mention's place is in. An act no report names the doer of takes the default doer of its kind
    (:func:`_default_doer`), after :func:`share_document_doers` has looked for one in the article.
    """
    dictionary = actor_dictionary()
    forces = {force.placeholder: force for force in dictionary.contextual}
    last_named: dict[str, str] = {}  # prefix -> the last forces of that kind the document named
    for mention in sorted(mentions, key=lambda m: m.sentence.start):
        default = _default_doer(mention, country_of(mention))
        if default is not None:
            mention.actors[:] = [default, *(a for a in mention.actors if a.role != "actor1")]
        for number, actor in enumerate(mention.actors):
            force = forces.get(actor.name)
            if force is None:
                for prefix in (f.prefix for f in dictionary.contextual):
                    if actor.name.startswith(prefix + " "):
                        last_named[prefix] = actor.name
                continue
            country = country_of(mention)
            # "regime air raids", "government troops": the state's own forces, not another state named before
            own_state = actor.span is not None and any(
                w in _OWN_STATE_WORDS for w in _WORD.findall(actor.span.text.lower())
            )
            joint = _joint_state_forces(actor, force, country, dictionary, country_name)
            name = joint or (None if own_state else last_named.get(force.prefix))
            if name is None or any(other.name == name for other in mention.actors if other.role != actor.role):
                # "Israeli jets struck a military airport": not the attacker's own forces, those of the place
                name = _forces_of(force, country, dictionary, country_name)
            known = dictionary.by_alias.get(name.lower())
            actor_type = known.actor_type if known is not None and known.name == name else actor.actor_type
            mention.actors[number] = ActorRole(actor.role, name, actor_type, actor.span)
            if joint is not None:
                _partner_assists(mention, actor, name, force, dictionary)


def _partner_assists(
    mention: Mention, actor: ActorRole, leader: str, force: ContextualForce, dictionary: ActorDictionary
) -> None:
    """The other state of a joint force whose leader :func:`_joint_state_forces` chose is the associated actor: an
    associate the parse read from the same phrase that now names the leader again becomes the partner, in place."""
    partner = next((name for name in _states_named(actor, force, dictionary) if name != leader), None)
    if partner is None:
        return
    for number, other in enumerate(mention.actors):
        if other.role == f"assoc_{actor.role}" and other.name == leader:
            known = dictionary.by_alias.get(partner.lower())
            actor_type = known.actor_type if known is not None else other.actor_type
            mention.actors[number] = ActorRole(other.role, partner, actor_type, actor.span)


def _states_named(actor: ActorRole, force: ContextualForce, dictionary: ActorDictionary) -> list[str]:
    """The forces of each state the actor's phrase names by its demonym ("Russian and Syrian jets"), in order."""
    if actor.span is None:
        return []
    return [
        entry.name
        for word in _WORD.findall(actor.span.text.lower())
        if (entry := dictionary.demonyms.get(word)) is not None and entry.name.startswith(force.prefix + " ")
    ]


def _joint_state_forces(
    actor: ActorRole,
    force: ContextualForce,
    country: str | None,
    dictionary: ActorDictionary,
    country_name: Callable[[str], str],
) -> str | None:
    """host_state_leads_a_joint_act: an act told as done by two states' forces together or by either of them
    ("Russian and Syrian jets", "Syrian or Russian warplanes") is coded to the forces of the state it happens in,
    its ally's forces helping (ACLED's associated actor); away from both states, to the first named. None when
    the actor's phrase names no two states' forces."""
    named = _states_named(actor, force, dictionary)
    if len(set(named)) < 2:
        return None
    host = _forces_of(force, country, dictionary, country_name)
    return host if host in named else named[0]


def _forces_of(
    force: ContextualForce, country: str | None, dictionary: ActorDictionary, country_name: Callable[[str], str]
) -> str:
    if country is None:
        return force.unknown
    if force.names:
        # forces named after a people, not a state ("Kurdish forces"): who they are depends on the country
        return dict(force.names).get(country, force.unknown)
    if force.template and country in dictionary.demonym_of:
        return force.template.format(demonym=dictionary.demonym_of[country])
    return dictionary.by_country.get((force.prefix, country)) or f"{force.prefix} {country_name(country)}"
