"""Attribution chains: who says a sentence's content, through whom, originator first and publisher last.

"sources told Al Jazeera" in a Reuters story gives [unnamed sources, Al Jazeera, Reuters]; a sentence
with no attribution gives just [The Cradle]. The cues are read from the dependency parse (subjects of speech
verbs, "according to"/"as per" objects, datives of "told", objects of "citing"/"quoted") and the lexicon in
``data/attribution.yaml``.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import data_path, load_yaml, word_set
from sitrep.extract.rules import Cascade
from sitrep.model import AttributionChain, Source, SourceKind, Span
from sitrep.nlp.entities import document_entities
from sitrep.nlp.patterns import alias_is_case_sensitive
from sitrep.nlp.syntax import DEP, ENT, POS, TAG
from sitrep.nlp.tokens import document_text, span_text, span_tokens, text_between

UNNAMED = "unnamed sources"
# An anonymous source described in this many words at most ("a senior military source") is unnamed.
_MAX_DESCRIBED_WORDS = 3
# Longest outlet alias, in tokens, tried when looking for an outlet inside a phrase.
_MAX_OUTLET_TOKENS = 8
# How many sentences ahead to look for the attribution that closes an open quotation.
_QUOTE_LOOKAHEAD = 4
_OPEN_QUOTES = '“"«'
_CLOSE_QUOTES = '”"»'
# "went on to say", "continued to claim": the speech verb hangs under these.
_CONTINUATION_VERBS = word_set("en", "attribution", "continuation_verbs")
_ARTICLES = word_set("en", "attribution", "articles")
_DEFINITE_DETERMINERS = word_set("en", "attribution", "definite_determiners")
_GROUP_PREPOSITIONS = word_set("en", "attribution", "group_prepositions")
_ISSUER_PREPOSITIONS = word_set("en", "attribution", "issuer_prepositions")
_RELAY_SPEECH_LEMMAS = word_set("en", "attribution", "relay_speech_lemmas")
_SPEAKING_LEMMAS = word_set("en", "attribution", "speaking_lemmas")
_NAME_JOINING_WORDS = word_set("en", "attribution", "name_joining_words")
_BODY_NOUNS = word_set("en", "attribution", "body_nouns")
_INSIDER_PREPOSITIONS = word_set("en", "attribution", "insider_prepositions")
_INSTITUTION_HEADS = word_set("en", "attribution", "institution_heads")
_KIND_OF_SOURCE_NOUNS = word_set("en", "attribution", "kind_of_source_nouns")
_UNNAMED_MEDIA_HEADS = word_set("en", "attribution", "unnamed_media_heads")
# "the Observatory and medics said", "local and media sources": words joining two speakers or two of their kinds.
_SPEAKER_JOINING_WORDS = word_set("en", "attribution", "speaker_joining_words")
_SKIP_AT_NP_START = (
    DEP.determiner
    | DEP.predeterminer
    | DEP.numeric_modifier
    | DEP.quantifier_modifier
    | DEP.punctuation
    | DEP.case_marker
    | DEP.coordinator
)
_SOURCE_ENTITY_LABELS = ENT.person | ENT.organisation | ENT.political_place | ENT.nationality
_NP_EXCLUDED_DEPS = (
    DEP.relative_clause
    | DEP.clausal_modifier
    | DEP.adverbial_clause
    | DEP.punctuation
    | DEP.coordinator
    | DEP.conjunct
    | DEP.preposition
)


# --- lexicon ----------------------------------------------------------------


SourceCategory = Literal[
    "wire", "state_media", "outlet", "monitor", "ngo", "official", "armed_group", "international", "unnamed"
]
SOURCE_CATEGORIES: tuple[str, ...] = get_args(SourceCategory)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: SourceKind
    category: SourceCategory = "outlet"
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    spokespeople: tuple[str, ...] = ()
    country: str | None = None  # ISO code of its home, where it has one
    speaking_names: tuple[str, ...] = ()  # names it speaks under, read only as a source's name


@dataclass(frozen=True)
class AttributionLexicon:
    speech_verbs: frozenset[str]
    not_attribution_objects: frozenset[str]
    not_attribution_objects_of: dict[str, frozenset[str]]
    citing_verbs: frozenset[str]
    according_words: frozenset[str]
    statement_nouns: frozenset[str]
    document_nouns: frozenset[str]
    not_source_nouns: frozenset[str]
    member_nouns: frozenset[str]
    partitive_heads: frozenset[str]
    reporter_nouns: frozenset[str]
    unnamed_nouns: frozenset[str]
    unnamed_people_heads: frozenset[str]
    unnamed_people_modifiers: frozenset[str]
    anonymity_words: frozenset[str]
    witness_nouns: dict[str, str]
    official_titles: frozenset[str]
    audience_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    relay_prepositions: frozenset[str]
    anaphoric_pronouns: frozenset[str]
    credit_words: frozenset[str]
    head_sentences: int
    armed_group_actor_types: frozenset[str]
    closing_credit_verbs: frozenset[str]
    descriptor_ignored_words: frozenset[str]
    described: tuple[Outlet, ...]  # sources that have descriptors
    wires: tuple[Outlet, ...]
    outlets_exact: dict[str, Outlet]  # case-sensitive key -> outlet
    outlets_folded: dict[str, Outlet]  # lower-case key -> outlet


def _words(config: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in config.get(key, []))


def outlet_key(name: str) -> str:
    """Normalise an outlet surface form: quotes, possessive, leading "the", hyphens and dots. An acronym's
    possessive written without its apostrophe ("SANAs correspondent" in text stripped of punctuation) is the
    acronym."""
    text = name.replace("’", "'").strip()
    text = re.sub(r"'s?$", "", text)
    text = re.sub(r"\b([A-Z]{2,})s$", r"\1", text)
    text = re.sub(r"[\-\u2010-\u2015.]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?i:the) ", "", text)


@functools.cache
def lexicon() -> AttributionLexicon:
    config = load_yaml("attribution.yaml")
    exact: dict[str, Outlet] = {}
    folded: dict[str, Outlet] = {}
    outlets = list(_all_outlets())
    for outlet in outlets:
        for alias in [outlet.name, *outlet.aliases]:
            key = outlet_key(alias)
            exact.setdefault(key, outlet)
            if not alias_is_case_sensitive(alias):
                folded.setdefault(key.lower(), outlet)
    return AttributionLexicon(
        speech_verbs=_words(config, "speech_verbs"),
        not_attribution_objects=_words(config, "not_attribution_objects"),
        not_attribution_objects_of={
            str(verb).lower(): frozenset(str(w).lower() for w in words)
            for verb, words in (config.get("not_attribution_objects_of") or {}).items()
        },
        citing_verbs=_words(config, "citing_verbs"),
        according_words=_words(config, "according_words"),
        statement_nouns=_words(config, "statement_nouns"),
        document_nouns=_words(config, "document_nouns"),
        not_source_nouns=_words(config, "not_source_nouns"),
        member_nouns=_words(config, "member_nouns"),
        partitive_heads=_words(config, "partitive_heads"),
        reporter_nouns=_words(config, "reporter_nouns"),
        unnamed_nouns=_words(config, "unnamed_nouns"),
        unnamed_people_heads=_words(config, "unnamed_people_heads"),
        unnamed_people_modifiers=_words(config, "unnamed_people_modifiers"),
        anonymity_words=_words(config, "anonymity_words"),
        witness_nouns={str(k).lower(): str(v) for k, v in config.get("witness_nouns", {}).items()},
        official_titles=_words(config, "official_titles"),
        audience_nouns=_words(config, "audience_nouns"),
        outlet_nouns=_words(config, "outlet_nouns"),
        relay_prepositions=_words(config, "relay_prepositions"),
        anaphoric_pronouns=_words(config, "anaphoric_pronouns"),
        credit_words=_words(config, "credit_words"),
        head_sentences=int(config.get("head_sentences", 1)),
        armed_group_actor_types=frozenset(str(t) for t in config.get("armed_group_actor_types", [])),
        closing_credit_verbs=_words(config, "closing_credit_verbs"),
        descriptor_ignored_words=_words(config, "descriptor_ignored_words"),
        described=tuple(o for o in outlets if o.descriptors),
        wires=tuple(o for o in outlets if o.category == "wire"),
        outlets_exact=exact,
        outlets_folded=folded,
    )


def _outlet_entry(entry: dict[str, Any]) -> Outlet:
    """One entry of the source alias table (its keys are checked by the file's schema); an unknown category is an
    error in the data."""
    category = entry.get("category", "outlet")
    if category not in SOURCE_CATEGORIES:
        raise ValueError(f"attribution.yaml: outlet {entry['name']!r} has unknown category {category!r}")
    return Outlet(
        str(entry["name"]),
        cast(SourceKind, entry.get("kind", "outlet")),
        cast(SourceCategory, category),
        tuple(str(a) for a in entry.get("aliases") or []),
        tuple(str(d).lower() for d in entry.get("descriptors") or []),
        tuple(str(p) for p in entry.get("spokespeople") or []),
        str(entry["country"]) if entry.get("country") else None,
        tuple(str(n) for n in entry.get("speaking_names") or []),
    )


def source_category(name: str) -> SourceCategory | None:
    """What an analyst weighs a known source as (wire, state media, monitor, ...), else None. A kind of witness under
    its collective name ("witnesses", "residents") is nobody a reader can name."""
    if name == UNNAMED or name in lexicon().witness_nouns.values():
        return "unnamed"
    outlet = _lookup_outlet(name) or listed_spelling(name)
    if outlet is not None:
        return outlet.category
    if _state_media(name):
        return "state_media"
    return "armed_group" if _armed_group(name) else None


def listed_spelling(name: str) -> Outlet | None:
    """The listed source a whole source name spells in any case ("Sana" for "SANA"): for names already read as a
    source, never for words of running text (where "IS" and "is" differ)."""
    return _folded_names().get(outlet_key(name).casefold())


@functools.cache
def _folded_names() -> dict[str, Outlet]:
    found: dict[str, Outlet] = {}
    for outlet in _all_outlets():
        for alias in (outlet.name, *outlet.aliases):
            found.setdefault(outlet_key(alias).casefold(), outlet)
    return found


@functools.lru_cache(maxsize=4096)  # the same names and runs of words come up sentence after sentence
def _lookup_outlet(name: str) -> Outlet | None:
    lex = lexicon()
    key = outlet_key(name)
    return lex.outlets_exact.get(key) or lex.outlets_folded.get(key.lower())


# "INA (Iraqi News Agency)", "Saba (government)": a name with a gloss or qualifier in brackets.
_BRACKETED = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet or source body ("Al-Mayadeen" -> "Al Mayadeen"), else None.

    A name of the form "X (Y)" that is not itself known is looked up by X, then by Y.
    """
    outlet = _lookup_outlet(name)
    if outlet is None and "(" in name:
        parts = _BRACKETED.match(name)
        if parts:
            outlet = _lookup_outlet(parts["outer"]) or _lookup_outlet(parts["inner"])
    return outlet.name if outlet else None


def canonical_source(name: str) -> str | None:
    """One name per source for listing and comparing chains: a known outlet or body's canonical name, a state's
    media not named further ("Syrian state-run TV" -> "Syrian state media"), or "unnamed sources" for an anonymous
    source described by its side ("a military source", "civil sources", "field sources"): nobody a reader can
    name; a kind of witness under its collective name ("a witness" -> "witnesses"); a known spokesperson under one
    spelling of their name; a body not in the table named with its acronym, without it. None when the name is none
    of these."""
    known = (
        canonical_outlet(name)
        or _armed_group(name)
        or _state_media(name)
        or _state_government(name)
        or _speaking_name(name)
    )
    if known is not None:
        return known
    if (speaker := _spokesperson(name)) is not None:
        return speaker[0]  # "Rami Abdulrahman", "Abdel Rahman": one name per known spokesperson
    people = _possessive_as_people(name)
    if people is not None:
        return canonical_source(people) or people  # "Syrias opposition" -> "Syrian opposition"
    bracketed = _BRACKETED.match(name)
    if bracketed is not None and _is_acronym(bracketed["inner"]):
        # "the Regional Network for Human Rights (RNHR)": a body not in the table, under its name without its acronym.
        return canonical_source(bracketed["outer"]) or bracketed["outer"]
    located = _PLACED_KIND.match(name)
    if located is not None and (kind := canonical_source(located["kind"])) is not None:
        return kind  # "activists in Deir Ezzor": a kind of witness or anonymous source, wherever it is placed
    words = re.findall(r"[\w'-]+", name)
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    if (kind := _described_witnesses(words)) is not None:
        return kind
    if len(words) > 1 and _is_a_statement(words[-1]):
        said_by = canonical_source(" ".join(words[:-1]))
        if said_by is not None:
            return said_by  # "media reports", "SOHR figures": a statement is its maker's
    if all(w.islower() for w in words):
        words = [w for w in words if w not in _SPEAKER_JOINING_WORDS]  # "local and media sources"
    if not words or len(words) > _MAX_DESCRIBED_WORDS or any(w[:1].isupper() for w in words[:-1]):
        return None
    head = words[-1].lower()
    if head in _UNNAMED_MEDIA_HEADS and not any(w.lower() in _STATE_MEDIA_MODIFIERS for w in words):
        return UNNAMED
    witnesses = lexicon().witness_nouns
    singular = next((form for form in (head, head[:-1], head[:-2]) if form in witnesses), None)
    if len(words) == 1 and singular is not None:
        return witnesses[singular]  # "a witness", "witnesses": one name per kind of witness
    head = head[:-1] if head.endswith("s") else head
    return UNNAMED if head in lexicon().unnamed_nouns else None


# "Government of Syria", "the government of the United States"; "the Syrian government", "Syria's government".
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?government\s+of\s+(?:the\s+)?(?P<country>.+)$", re.IGNORECASE)
_COUNTRY_GOVERNMENT = re.compile(r"^(?:the\s+)?(?P<country>.+?)(?:'s)?\s+government$", re.IGNORECASE)


def _state_government(name: str) -> str | None:
    """state_government: a state's government named by its country or its people ("the Syrian government", "Syria's
    government", "Government of Syria") is one source, "Government of <the country's name>" (countries.csv)."""
    text = name.replace("\u2019", "'").strip()
    match = _GOVERNMENT_OF.match(text) or _COUNTRY_GOVERNMENT.match(text)
    country = _countries_by_word().get(match["country"].lower()) if match else None
    return f"Government of {country}" if country else None


@functools.cache
def _countries_by_word() -> dict[str, str]:
    """Lower-cased country name, alias or name of its people -> the country's name."""
    return {word: row["name"] for word, row in _country_row_by_word().items()}


def _is_a_statement(noun: str) -> bool:
    """source_is_a_speaker: the noun names what someone said ("reports", "figures"), whose maker is the source; not
    an anonymous speaker ("local sources", "military sources" are people nobody names, not statements by locals or
    by the military), though "source" also stands for a statement's origin in "according to a source"."""
    singular = _singular(noun.lower())
    lex = lexicon()
    return singular in lex.statement_nouns and singular not in lex.unnamed_nouns


def _possessive_as_people(name: str) -> str | None:
    """country_possessive_is_its_people: "Syria's opposition", "Syrias opposition" (text stripped of its
    apostrophes) name the body as "Syrian opposition" does: the country's possessive read as the name of its people.
    None when the name does not open with a country's possessive."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].replace("\u2019", "'")
    country = first[:-2] if first.lower().endswith("'s") else first[:-1] if first.lower().endswith("s") else ""
    if country.lower() not in _country_names():
        return None
    return " ".join([_country_words()[country.lower()], *words[1:]])


@functools.cache
def _speaking_names() -> dict[str, str]:
    """Folded speaking name of a listed source -> its canonical name."""
    return {outlet_key(n).casefold(): o.name for o in _all_outlets() for n in o.speaking_names}


def _speaking_name(name: str) -> str | None:
    """The listed source a source's name speaks as ("Russia's military" -> the defence ministry), also with a
    country's possessive written without its apostrophe ("Russias military", in text stripped of punctuation)."""
    words = [f"{w[:-1]}'s" if country_possessive_without_apostrophe(w) else w for w in name.split()]
    return _speaking_names().get(outlet_key(" ".join(words)).casefold())


# "activists in Deir Ezzor", "residents of eastern Tarsa": a kind of speaker, in lower case, then where it is.
_PLACED_KIND = re.compile(
    r"^(?P<kind>[a-z][\w' -]*?)\s+(?:in|of|from)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$"
)


def _described_witnesses(words: list[str]) -> str | None:
    """described_witnesses: "opposition activists", "local residents", "Syrian activists": a kind of witness described
    by its side, place or country is listed under the kind's collective name, as the witness rule names it in text
    (a description is not a name a reader could tell apart)."""
    if len(words) < 2 or len(words) > _MAX_DESCRIBED_WORDS:
        return None
    head = words[-1].lower()
    witnesses = lexicon().witness_nouns
    singular = next((form for form in (head, head[:-1]) if form in witnesses), None)
    if singular is None or head == singular:  # the collective, plural form only ("activists", not "an activist")
        return None
    described = all(w.islower() or w.lower() in _country_words() for w in words[:-1])
    return witnesses[singular] if described else None


def _singular(noun: str) -> str:
    """ "reports" -> "report": a plural's singular by its -s alone (enough for the statement nouns)."""
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def _is_acronym(text: str) -> bool:
    """ "RNHR", "TfL": one word of two or more capitals."""
    return " " not in text.strip() and sum(c.isupper() for c in text) >= 2


STATE_MEDIA = "state media"
_STATE_MEDIA_HEADS = word_set("en", "attribution", "state_media_heads")
_STATE_MEDIA_MODIFIERS = word_set("en", "attribution", "state_media_modifiers")


def _state_media(name: str) -> str | None:
    """ "state television", "Syrian state-run TV", "Syria's official media": a state's media not named further
    (``state_media_heads`` after one of ``state_media_modifiers``), listed as "<country word> state media"; words
    before the modifier must name a country or its people (else the phrase describes something else)."""
    words = [w for w in re.findall(r"[\w'-]+", name.replace("\u2019", "'")) if w.lower() not in _ARTICLES]
    lowered = [w.lower() for w in words]
    at = next((k for k, w in enumerate(lowered) if w in _STATE_MEDIA_MODIFIERS), None)
    if at is None or not lowered[at + 1 :] or not all(w in _STATE_MEDIA_HEADS for w in lowered[at + 1 :]):
        return None
    if at == 0:
        return STATE_MEDIA
    before = " ".join(words[:at]).lower()
    country = _country_words().get(before) or _country_words().get(re.sub(r"'?s$", "", before))
    return f"{country} {STATE_MEDIA}" if country else None


def _armed_group(name: str) -> str | None:
    """An armed group speaking for itself ("ISIS said ...") under its actor name ("Islamic State"): the actor
    dictionary's name when the name is one of its aliases of a non-state group (``armed_group_actor_types``)."""
    from sitrep.extract.actors import actor_dictionary

    entry = actor_dictionary().by_alias.get(outlet_key(name).lower())
    return entry.name if entry is not None and entry.actor_type in lexicon().armed_group_actor_types else None


@functools.cache
def _country_rows() -> list[dict[str, str]]:
    with data_path("geo", "countries.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def _country_row_by_word() -> dict[str, dict[str, str]]:
    """Lower-cased country name, alias or name of its people -> its row of countries.csv (the first row that
    names it): what the readings of a country's word below take their answer from."""
    found: dict[str, dict[str, str]] = {}
    for row in _country_rows():
        words = [row["name"], *(row.get("aliases") or "").split("|"), *(row.get("demonyms") or "").split("|")]
        for word in filter(None, words):
            found.setdefault(word.lower(), row)
    return found


@functools.cache
def _country_words() -> dict[str, str]:
    """Lower-cased country name, alias or name of its people -> the name of its people ("syria" -> "Syrian"),
    or the country's name when the table gives none."""
    return {
        word: next((d for d in (row.get("demonyms") or "").split("|") if d), row["name"])
        for word, row in _country_row_by_word().items()
    }


@functools.cache
def _country_names() -> frozenset[str]:
    """Lower-cased country names and aliases, to read "Niger's army" as a country's army."""
    rows = _country_rows()
    names = {row["name"] for row in rows}
    names.update(alias for row in rows for alias in (row.get("aliases") or "").split("|") if alias)
    return frozenset(name.lower() for name in names)


def country_possessive_without_apostrophe(word: str) -> bool:
    """ "Syrias", "Russias": a country's possessive (a name or alias of ``data/geo/countries.csv``) in a text that
    lost its apostrophes."""
    return word.lower().endswith("s") and word[:-1].lower() in _country_names()


# --- small helpers over the parse --------------------------------------------


def _span(tokens: Sequence[Token], doc_name: str) -> Span:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Span(doc_name, start, end, _text(tokens))


def _text(tokens: Sequence[Token]) -> str:
    return text_between(tokens[0], tokens[-1])


def _outlet_in(tokens: Sequence[Token]) -> tuple[Outlet, list[Token]] | None:
    """The longest known outlet named by a contiguous run of ``tokens``; of two as long, the later one (an English
    phrase ends with its head: "the UN children's agency UNICEF" is UNICEF). A known name in brackets after the
    phrase is its own name and wins ("the UN children's agency (UNICEF)")."""
    bracketed = _bracketed_outlet(tokens)
    if bracketed is not None:
        return bracketed
    for size in range(min(len(tokens), _MAX_OUTLET_TOKENS), 0, -1):
        for start in range(len(tokens) - size, -1, -1):
            run = list(tokens[start : start + size])
            if run[-1].dep_ in DEP.case_marker or run[0].is_punct or run[-1].is_punct or _inside_a_name(run):
                continue
            outlet = _lookup_outlet(_text(run))
            if outlet and not _of_another_country(outlet, tokens[start - 1] if start > 0 else None):
                return outlet, run
    return None


def _of_another_country(outlet: Outlet, before: Token | None) -> bool:
    """another_country_s_body: "the Turkish General Staff" is not Ukraine's "General Staff": a country's name or
    its people's word right before a body's generic name says whose body it is, and a listed body of another
    country is not meant."""
    if before is None or outlet.country is None:
        return False
    country = _country_codes().get(before.lower_) or _country_codes().get(re.sub(r"'?s$", "", before.lower_))
    return country is not None and country != outlet.country


@functools.cache
def _country_codes() -> dict[str, str]:
    """Lower-cased country name, alias or name of its people -> the country's ISO code ("turkish" -> "TR")."""
    return {word: row["iso2"] for word, row in _country_row_by_word().items()}


def _bracketed_outlet(tokens: Sequence[Token]) -> tuple[Outlet, list[Token]] | None:
    """ "the United Nations children's agency (UNICEF)": the known name between the phrase's closing brackets."""
    if len(tokens) < 3 or tokens[-1].text != ")":
        return None
    opening = next((k for k in range(len(tokens) - 2, -1, -1) if tokens[k].text == "("), None)
    if opening is None:
        return None
    inner = list(tokens[opening + 1 : -1])
    outlet = _lookup_outlet(_text(inner)) if inner else None
    return (outlet, inner) if outlet is not None else None


def _inside_a_name(run: list[Token]) -> bool:
    """ "the Salamiyeh National Hospital": proper nouns on both sides make the run part of a longer name, not
    an outlet's ("National")."""
    doc = run[0].doc
    before, after = run[0].i - 1, run[-1].i + 1
    return (
        before >= 0 and after < len(doc) and doc[before].pos_ in POS.proper_noun and doc[after].pos_ in POS.proper_noun
    )


def _names_its_owner(prep: Token) -> bool:
    """ "of Health", "of Defence": a capitalised "of" phrase that is part of a body's name; "for Human Rights",
    "for London": a phrase of another joining word (``name_joining_words``) between a capitalised head and a
    capitalised object with no article ("the Network for Human Rights", "Transport for London"; not "a spokesman
    for the Army"); "Without Borders": any preposition written in title case between capitalised words."""
    objects = [c for c in prep.children if c.dep_ in DEP.prepositional_object]
    if prep.dep_ not in DEP.preposition or not objects or not objects[0].text[:1].isupper():
        return False
    if prep.lower_ == "of":
        return True
    if prep.text[:1].isupper() and prep.i > prep.sent.start and prep.head.text[:1].isupper():
        return True
    articled = any(c.dep_ in DEP.determiner for c in objects[0].children)
    return prep.lower_ in _NAME_JOINING_WORDS and prep.head.text[:1].isupper() and not articled


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase headed by ``head`` without its clauses, prepositions or coordinated parts."""
    tokens = [head]
    children = list(head.children)
    # "the National Liberation Council (NLC)": the bracketed acronym is part of the name.
    has_appositive = any(c.dep_ in DEP.apposition for c in children)
    for child in children:
        # "the Ministry of Health" keeps its "of"; other prepositions ("in Gaza", "to Reuters") do not belong.
        bracket = has_appositive and child.dep_ in DEP.punctuation and child.text in "()"
        if child.dep_ not in _NP_EXCLUDED_DEPS or _names_its_owner(child) or bracket:
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # Keep the contiguous run around the head (an apposition after a comma is read separately).
    at = tokens.index(head)
    low, high = at, at
    while low > 0 and tokens[low - 1].i == tokens[low].i - 1:
        low -= 1
    while high < len(tokens) - 1 and tokens[high + 1].i == tokens[high].i + 1:
        high += 1
    contiguous = tokens[low : high + 1]
    # phrase_opens_at_its_article: "wounded at least 50 a monitoring group said": words before the head's own
    # article belong to another phrase the parse hung on the head (text without commas runs them together).
    article = [c.i for c in head.children if c.dep_ in DEP.determiner and c.lower_ in _ARTICLES and c.i < head.i]
    if article:
        contiguous = [t for t in contiguous if t.i >= article[-1]]
    while (
        contiguous
        and contiguous[0] != head
        and (contiguous[0].dep_ in _SKIP_AT_NP_START or contiguous[0].ent_type_ in ENT.date | ENT.time)
    ):  # "Saturday regime army said": a day before a speaker is when it spoke, not its name
        contiguous.pop(0)
    while contiguous and (contiguous[-1].dep_ in DEP.case_marker or contiguous[-1].is_punct) and contiguous[-1] != head:
        contiguous.pop()
    return _balance_brackets(contiguous or [head])


def _balance_brackets(tokens: list[Token]) -> list[Token]:
    """ "the National Liberation Council (NLC)": keep the closing bracket the parse hung elsewhere, or drop
    an opening one that has no close."""
    opens = sum(t.text == "(" for t in tokens) - sum(t.text == ")" for t in tokens)
    if opens <= 0:
        return tokens
    doc = tokens[0].doc
    after = tokens[-1].i + 1
    if opens == 1 and after < len(doc) and doc[after].text == ")":
        return [*tokens, doc[after]]
    last_open = max(i for i, t in enumerate(tokens) if t.text == "(")
    return tokens[:last_open] or tokens


def _name_tokens(np: list[Token]) -> list[Token]:
    """Drop leading possessive pronouns ("its sources") from a phrase used as a name."""
    tokens = [t for t in np if not (t.dep_ in DEP.possessive and t.pos_ in POS.pronoun)]
    return tokens or np


def _mentions_anonymity(head: Token) -> bool:
    lex = lexicon()
    sent = head.sent
    return any(t.lower_ in lex.anonymity_words for t in sent)


def _person_in(np: list[Token], outlet_run: list[Token] | None) -> list[Token] | None:
    taken = {t.i for t in outlet_run or []}
    doc = np[0].doc
    for ent in document_entities(doc):
        inside = ent.label_ in ENT.person and ent.start >= np[0].i and ent.end <= np[-1].i + 1
        if inside and not taken.intersection(range(ent.start, ent.end)) and _lookup_outlet(ent.text) is None:
            return list(ent)
    return None


def _appositive_person(head: Token) -> list[Token] | None:
    for child in head.children:
        if child.dep_ in DEP.apposition and child.ent_type_ in ENT.person:
            return [t for t in child.subtree if t.ent_type_ in ENT.person]
    return None


def _entity_kind(tokens: list[Token]) -> SourceKind:
    labels = {t.ent_type_ for t in tokens}
    if "PERSON" in labels:
        return "person"
    if "GPE" in labels:
        return "government"
    return "organisation"


def _without_publisher(chain: AttributionChain | None) -> list[Source]:
    if chain is None:
        return []
    return [s for s in chain.sources if s.kind != "publisher"]


# --- resolving one source phrase ---------------------------------------------


def _relay_of_unnamed(head: Token, doc_name: str) -> list[Source]:
    """The outlet that holds anonymous sources: "Al Mayadeen's sources", "sources cited by Reuters"."""
    for child in head.children:
        if child.dep_ in DEP.possessive:
            found = _outlet_in(list(child.subtree))
            if found:
                return [Source(found[0].name, found[0].kind, _span(found[1], doc_name))]
        if child.dep_ in DEP.clausal_modifier | DEP.relative_clause and child.lemma_.lower() in lexicon().citing_verbs:
            for agent in child.children:
                if agent.dep_ in DEP.agent:
                    found = _outlet_in(list(agent.subtree))
                    if found:
                        return [Source(found[0].name, found[0].kind, _span(found[1], doc_name))]
    return []


def _is_unnamed_phrase(head: Token) -> bool:
    lex = lexicon()
    lemma = head.lemma_.lower()
    if lemma in lex.unnamed_nouns:
        return True
    if lemma in lex.unnamed_people_heads:
        return any(c.lemma_.lower() in lex.unnamed_people_modifiers for c in head.children)
    return False


def _is_bare_definite(head: Token) -> bool:
    """ "the sources", "the official": a phrase that points back to someone already introduced. Words the parse
    hangs on the phrase before its article belong to another phrase ("Earlier the source said": phrase_opens_at_its_
    article, as in :func:`_np_tokens`)."""
    children = list(head.children)
    articles = [c.i for c in children if c.dep_ in DEP.determiner and c.lower_ in _ARTICLES and c.i < head.i]
    if articles:
        children = [c for c in children if c.i >= articles[-1]]
    return bool(children) and all(c.dep_ in DEP.determiner and c.lower_ in _DEFINITE_DETERMINERS for c in children)


def _partitive_whole(head: Token) -> Token | None:
    """ "one of the sources" -> "sources"."""
    of = next((c for c in head.children if c.dep_ in DEP.preposition and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ in DEP.prepositional_object), None) if of is not None else None


@dataclass
class _Phrase:
    """What a source rule reads: the phrase's head, the document, and the chain of the statement before."""

    head: Token
    doc_name: str
    previous: AttributionChain | None

    @functools.cached_property
    def lex(self) -> AttributionLexicon:
        return lexicon()

    @functools.cached_property
    def earlier(self) -> list[Source]:
        """The sources of the statement before, its publisher left out."""
        return _without_publisher(self.previous)

    @property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    @property
    def common_noun(self) -> bool:
        return self.head.pos_ not in POS.proper_noun

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The noun phrase the head heads."""
        return _np_tokens(self.head)

    @functools.cached_property
    def span(self) -> Span:
        return _span(self.tokens, self.doc_name)

    @functools.cached_property
    def trailing_name(self) -> list[Token] | None:
        """ "the ministry's spokesman Ali Hassan": the proper name after the descriptor."""
        return _trailing_proper_name(_name_tokens(self.tokens), self.head)

    @functools.cached_property
    def name_tokens(self) -> list[Token]:
        """The tokens that name the source: the trailing name when there is one, else the whole phrase."""
        return self.trailing_name or self.tokens

    @functools.cached_property
    def is_title(self) -> bool:
        """An official's title names the source: in the descriptor before a trailing name, else as the head."""
        titles = self.lex.official_titles
        if self.trailing_name:
            return any(t.lemma_.lower() in titles for t in self.tokens if t.i < self.trailing_name[0].i)
        return self.lemma in titles

    @functools.cached_property
    def outlet(self) -> tuple[Outlet, list[Token]] | None:
        return _outlet_in(self.name_tokens)

    @functools.cached_property
    def person(self) -> list[Token] | None:
        return _person_in(self.name_tokens, self.outlet[1] if self.outlet else None) or _appositive_person(self.head)

    def resolve(self, head: Token) -> list[Source]:
        """The sources another phrase of the same statement names."""
        return _resolve_phrase(head, self.doc_name, self.previous)


PhraseRule = Callable[[_Phrase], list[Source] | None]  # None: the rule does not apply
PHRASE_SOURCES = Cascade[PhraseRule]("attribution.phrase_sources")


def _resolve_phrase(head: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """The source(s) a phrase names, originator first (it may carry its own relay): the answer of the first
    `attribution.phrase_sources` rule that applies."""
    phrase = _Phrase(head, doc_name, previous)
    for rule in PHRASE_SOURCES.rules():
        sources = rule(phrase)
        if sources is not None:
            return sources
    return []


@PHRASE_SOURCES.register("pronoun")
def _pronoun_source(phrase: _Phrase) -> list[Source] | None:
    """ "it said", "they added": an anaphoric pronoun is the source of the statement before; another pronoun
    ("someone") names nobody."""
    if phrase.head.pos_ not in POS.pronoun:
        return None
    return phrase.earlier if phrase.head.lower_ in phrase.lex.anaphoric_pronouns else []


@PHRASE_SOURCES.register("partitive_whole")
def _partitive_source(phrase: _Phrase) -> list[Source] | None:
    """ "one of the officials", "some of the residents": the whole the part belongs to is the source."""
    if phrase.head.lower_ not in phrase.lex.partitive_heads:
        return None
    whole = _partitive_whole(phrase.head)
    return phrase.resolve(whole) if whole is not None else None


@PHRASE_SOURCES.register("not_a_source")
def _not_a_source(phrase: _Phrase) -> list[Source] | None:
    """A common noun that never names who speaks ("the figures show", "the toll suggests") names nobody."""
    return [] if phrase.common_noun and phrase.lemma in phrase.lex.not_source_nouns else None


@PHRASE_SOURCES.register("document_issuer")
def _document_source(phrase: _Phrase) -> list[Source] | None:
    """ "a statement said", "the ministry's report said": a document speaks for whoever issued it."""
    if not phrase.common_noun or phrase.lemma not in phrase.lex.document_nouns:
        return None
    return _document_issuer(phrase.head, phrase.doc_name, phrase.previous)


@PHRASE_SOURCES.register("member_of_group")
def _member_source(phrase: _Phrase) -> list[Source] | None:
    """ "a member of the council", "a commander of the brigade": a member speaks for the group named."""
    if not phrase.common_noun or phrase.lemma not in phrase.lex.member_nouns:
        return None
    group = _named_group_of(phrase.head)
    return phrase.resolve(group) if group is not None else None


@PHRASE_SOURCES.register("outlet_reporter")
def _reporter_source(phrase: _Phrase) -> list[Source] | None:
    """ "the channel's correspondent": an outlet's unnamed reporter is the outlet."""
    if not phrase.common_noun or phrase.lemma not in phrase.lex.reporter_nouns:
        return None
    return _outlet_reporter(phrase.head, phrase.doc_name) or None


def _anonymous_media(tokens: Sequence[Token]) -> bool:
    """ "media reported", "local media said": media that no name, state or country is given for are nobody a
    reader can name ("Syrian media", "state media" and "Al Mayadeen" are someone)."""
    return (
        bool(tokens)
        and tokens[-1].lower_ in _UNNAMED_MEDIA_HEADS
        and not any(
            (t.text[:1].isupper() and (t.i != t.sent.start or t.pos_ in POS.proper_noun or bool(t.ent_type_)))
            or t.lower_ in _STATE_MEDIA_MODIFIERS
            for t in tokens
        )
    )


@PHRASE_SOURCES.register("unnamed")
def _unnamed_source(phrase: _Phrase) -> list[Source] | None:
    """ "a source close to the talks", "officials", "local media": nobody named; "the sources" again are the
    anonymous sources before, and "the source" again is whoever spoke before, also a body an anonymous source spoke
    from ("A source at the Tarsa Police Command told SANA ... The source added ...")."""
    if _anonymous_media(phrase.tokens):
        return [Source(UNNAMED, "unnamed", phrase.span)]
    if not _is_unnamed_phrase(phrase.head):
        return None
    earlier = phrase.earlier
    if _is_bare_definite(phrase.head) and earlier and earlier[0].kind == "unnamed":
        return [Source(UNNAMED, "unnamed", phrase.span), *earlier[1:]]
    if _is_bare_definite(phrase.head) and earlier and phrase.head.tag_ not in TAG.plural_noun:
        return earlier
    body = _named_body_around(phrase.head)
    if body is not None:
        return phrase.resolve(body)
    return [Source(UNNAMED, "unnamed", phrase.span), *_relay_of_unnamed(phrase.head, phrase.doc_name)]


def _named_body_around(source: Token) -> Token | None:
    """ "a source at the Tarsa Police Command": the named body (a proper name that is not a place) an anonymous
    source speaks from; "a source in the northern province" or "a source in Tarsa" names none."""
    for prep in source.children:
        if prep.dep_ not in DEP.preposition or prep.lower_ not in _INSIDER_PREPOSITIONS:
            continue
        for obj in prep.children:
            # "a source at Hama Governorate": a name whose head is an institution's is the body, whatever place
            # the tagger takes it for.
            place = obj.ent_type_ in ENT.political_place | ENT.place and obj.lower_ not in _INSTITUTION_HEADS
            # A body's name of several words ("Tarsa Police Command"; one word may be a town the tagger took for
            # a body), or a listed body.
            several = obj.pos_ in POS.proper_noun and any(c.dep_ in DEP.compound for c in obj.children)
            named = several or _lookup_outlet(obj.text) is not None or _institution_named_after_a_place(obj)
            if obj.dep_ in DEP.prepositional_object and named and not place:
                return obj
    return None


def _institution_named_after_a_place(head: Token) -> bool:
    """ "the Aleppo police command", "the Idlib health directorate": an institution's head word (``institution_heads``)
    after a proper name, written in lower case (the tagger may read the place's name as a modifier of the head:
    "Aleppo" as an adjective)."""
    modifiers = [c for c in head.children if c.dep_ in DEP.compound | DEP.adjectival_modifier]
    return head.lower_ in _INSTITUTION_HEADS and any(c.pos_ in POS.proper_noun for c in modifiers)


@PHRASE_SOURCES.register("witness")
def _witness_source(phrase: _Phrase) -> list[Source] | None:
    """ "a resident said", "witnesses told": a kind of witness, or nobody when they spoke on condition of
    anonymity."""
    name = phrase.lex.witness_nouns.get(phrase.lemma)
    if name is None or phrase.outlet is not None:
        return None  # a listed body named after a kind of witness ("Doctors Without Borders") is that body
    return [Source(UNNAMED if _mentions_anonymity(phrase.head) else name, "unnamed", phrase.span)]


@PHRASE_SOURCES.register("named_person")
def _person_source(phrase: _Phrase) -> list[Source] | None:
    """ "spokesman Ali Hassan said": a named person, an official when a title goes with the name."""
    person = phrase.person
    if not person or _is_object_of_the_head(phrase, person):
        return None
    titled = phrase.is_title or any(t.lemma_.lower() in phrase.lex.official_titles for t in phrase.name_tokens)
    kind: SourceKind = "official" if titled else "person"
    return [Source(_text(person), kind, _span(person, phrase.doc_name))]


def _is_object_of_the_head(phrase: _Phrase, person: list[Token]) -> bool:
    """ "Opponents of Jane Doe said", "relatives of the victim John Roe said": a person named in a preposition's
    object under a common noun that is not a title is whom the speakers are related to, not the speaker."""
    if phrase.is_title:
        return False
    if not phrase.common_noun:
        return _described_in_apposition(phrase.head, person)
    inside = {t.i for c in phrase.head.children if c.dep_ in DEP.preposition for t in c.subtree}
    return all(t.i in inside for t in person)


def _described_in_apposition(head: Token, person: list[Token]) -> bool:
    """person_in_a_description: "the Regional Rights Monitor, a group opposed to Governor Jan Kowal, said": a person
    named inside the description of a named speaker (deeper than the appositive's own name) is whom the description
    is about, not who speaks."""
    for appositive in (c for c in head.children if c.dep_ in DEP.apposition):
        deeper = {t.i for t in appositive.subtree} - {t.i for t in _name_tokens(_np_tokens(appositive))}
        if all(t.i in deeper for t in person):
            return True
    return False


@PHRASE_SOURCES.register("named_apposition")
def _apposition_source(phrase: _Phrase) -> list[Source] | None:
    """ "The rescue service, the Regional Civil Defence, said": a description followed by a body's name speaks as
    that body (the name may hang as the description's object in text without commas: "a team of first responders
    the Regional Civil Defence said")."""
    if not phrase.common_noun:
        return None
    for token in phrase.head.subtree:
        body = token.ent_type_ in ENT.organisation or _lookup_outlet(token.text) is not None
        if token is not phrase.head and token.pos_ in POS.proper_noun and body:
            # An apposition, or the "object" of a noun (a parse of the name without commas; a verb's object, "a
            # group that monitors the brigade", is what the phrase is about, not its name).
            misread = token.dep_ in DEP.direct_object and token.head.pos_ in POS.noun
            if token.dep_ in DEP.apposition or misread:
                return phrase.resolve(token)
    return None


@PHRASE_SOURCES.register("outlet")
def _outlet_source(phrase: _Phrase) -> list[Source] | None:
    """ "the agency reported", a listed outlet or body by name: that outlet, of its kind."""
    if not phrase.outlet:
        return None
    outlet, tokens = phrase.outlet
    return [Source(outlet.name, outlet.kind, _span(tokens, phrase.doc_name))]


@PHRASE_SOURCES.register("body_again")
def _body_again(phrase: _Phrase) -> list[Source] | None:
    """ "The Observatory said ... The group added ...": "the group" alone is the body that spoke last."""
    if not phrase.common_noun or phrase.lemma not in _BODY_NOUNS or not _is_bare_definite(phrase.head):
        return None
    earlier = phrase.earlier
    return earlier if earlier and earlier[0].kind in {"organisation", "outlet", "government"} else None


@PHRASE_SOURCES.register("name_before_its_kind")
def _name_before_its_kind(phrase: _Phrase) -> list[Source] | None:
    """ "the Tarsa 24 monitoring group", "the Firat News media outlet", "the Aleppo Media Center activist network":
    a name written before the lower-case words that say what kind of source it is is the source's name; the kind
    words are not (English puts a name before its classifier as an adjective: "the Reuters news agency")."""
    if not phrase.common_noun or phrase.lemma not in _KIND_OF_SOURCE_NOUNS:
        return None
    tokens = [t for t in phrase.tokens if t.lower_ not in _ARTICLES]
    at = len(tokens)
    while at > 0 and tokens[at - 1].is_lower and tokens[at - 1].is_alpha:
        at -= 1  # the kind words: "monitoring group", "media outlet"
    name = tokens[:at]
    if not name or at == len(tokens) or not all(_in_a_name(t) for t in name) or name[-1].i + 1 != tokens[at].i:
        return None
    if not any(t.text[:1].isupper() for t in name) or all(_describes_where_from(t) for t in name if t.is_alpha):
        return None  # "the Syrian rights group", "the U.S.-based monitoring group": a description, not a name
    known = _lookup_outlet(_text(name))
    if known is not None:  # "the Reuters news agency"
        return [Source(known.name, known.kind, _span(name, phrase.doc_name))]
    listed = _lookup_outlet(_text(tokens))
    if listed is not None:  # "the Firat news agency": the name with its kind words is a listed one
        return [Source(listed.name, listed.kind, _span(tokens, phrase.doc_name))]
    kind: SourceKind = "outlet" if phrase.lemma in phrase.lex.outlet_nouns else "organisation"
    return [Source(_text(name), kind, _span(name, phrase.doc_name))]


def _describes_where_from(token: Token) -> bool:
    """A country, place or people's word, or an adjective: it says where a body is from, it does not name it."""
    return (
        token.ent_type_ in ENT.political_place | ENT.place | ENT.nationality
        or token.pos_ in POS.adjective
        or _is_country(token)
        or token.lower_ in _country_words()
        or token.lower_ == "based"
    )


def _in_a_name(token: Token) -> bool:
    """A word of a name: capitalised, or a number ("Tarsa 24"), or a small word inside it ("Council for Peace")."""
    return token.text[:1].isupper() or token.like_num or token.lower_ in _NAME_JOINING_WORDS


@PHRASE_SOURCES.register("official_title")
def _official_source(phrase: _Phrase) -> list[Source] | None:
    """ "the governor said": an official by title; "the official" again is the official before, and an
    official speaking on condition of anonymity is nobody named."""
    if not phrase.is_title:
        return None
    earlier = phrase.earlier
    if _is_bare_definite(phrase.head) and earlier and earlier[0].kind in {"official", "person"}:
        return earlier
    if _mentions_anonymity(phrase.head):
        return [Source(UNNAMED, "unnamed", phrase.span)]
    name_tokens = _name_tokens(phrase.name_tokens)
    return [Source(_name_text(name_tokens), "official", _span(name_tokens, phrase.doc_name))]


@PHRASE_SOURCES.register("named_entity")
def _entity_source(phrase: _Phrase) -> list[Source] | None:
    """Any other phrase names its source as written, of the kind its entity type says (person, group, ...)."""
    name_tokens = _name_tokens(phrase.name_tokens)
    return [Source(_name_text(name_tokens), _entity_kind(name_tokens), _span(name_tokens, phrase.doc_name))]


def _trailing_proper_name(np: list[Token], head: Token) -> list[Token] | None:
    """ "the regional mission KARSAM", "chief negotiator Omar Haddad": a proper name after a descriptive
    common noun is the name; the descriptor before it is not."""
    if head.pos_ not in POS.proper_noun:
        return None
    descriptors = [k for k, t in enumerate(np) if t.pos_ in POS.noun and t.i < head.i]
    if not descriptors:
        return None
    name = np[descriptors[-1] + 1 :]
    if (
        name
        and all(t.is_punct or (t.pos_ in POS.proper_noun and not t.is_lower) for t in name)
        and not name[0].is_punct
    ):
        return name
    return None


def _name_text(tokens: list[Token]) -> str:
    """The text of a name, with a country's possessive read as part of it ("Niger's army" -> "Niger army")."""
    pieces: list[str] = []
    for token in tokens:
        if token.dep_ in DEP.case_marker and token != tokens[-1] and _is_country(token.head):
            if pieces:
                pieces[-1] = pieces[-1].rstrip() + " "
            continue
        pieces.append(token.text_with_ws)
    return "".join(pieces).strip()


def _is_country(token: Token) -> bool:
    return token.ent_type_ in ENT.political_place or token.lower_ in _country_names()


def _document_issuer(document: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """ "an army statement said", "the communique added": who issued the document; "the" document is the one
    the last attributed sentence spoke of; with no issuer, nobody (a document is not a source)."""
    issuer = _issuer_of(document, doc_name, previous)
    if issuer:
        return issuer
    earlier = _without_publisher(previous)
    return earlier if earlier and _is_bare_definite(document) else []


def _named_group_of(member: Token) -> Token | None:
    """ "a member of the Village Defence Committee", "volunteers with the Relief Network": the group."""
    for prep in member.children:
        if prep.dep_ in DEP.preposition and prep.lower_ in _GROUP_PREPOSITIONS:
            for obj in prep.children:
                if obj.dep_ in DEP.prepositional_object and (
                    obj.pos_ in POS.proper_noun or obj.ent_type_ in ENT.organisation
                ):
                    return obj
    return None


def _outlet_reporter(reporter: Token, doc_name: str) -> list[Source]:
    """ "Al-Manar's correspondent", "the Al-Masirah TV correspondent": an outlet's own unnamed reporter speaks as the
    outlet (the outlet answers for its staff's reporting; a reporter named is a person of their own)."""
    modifiers = [
        c
        for c in reporter.children
        if c.dep_ in DEP.possessive | DEP.compound | DEP.nominal_modifier and c.i < reporter.i
    ]
    tokens = sorted({t for m in modifiers for t in m.subtree}, key=lambda t: t.i)
    found = _outlet_in(tokens) if tokens else None
    if not found:
        return []
    outlet, run = found
    return [Source(outlet.name, outlet.kind, _span([*run, reporter], doc_name))]


def _statement_source(noun: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """ "as per Pentagon claims", "according to a statement by the army": the one behind the statement."""
    lex = lexicon()
    if noun.lemma_.lower() not in lex.statement_nouns or _is_unnamed_phrase(noun):
        return _resolve_phrase(noun, doc_name, previous)
    return _issuer_of(noun, doc_name, previous)


def _issuer_of(noun: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """Who made a statement: its possessor, its "by"/"from"/"of" object, or the names modifying it."""
    for child in noun.children:
        if child.dep_ in DEP.possessive and child.pos_ not in POS.pronoun:
            return _resolve_phrase(child, doc_name, previous)
    for child in noun.children:
        if child.dep_ in DEP.preposition and child.lower_ in _ISSUER_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in DEP.prepositional_object]
            if objects:
                return _resolve_phrase(objects[0], doc_name, previous)
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in DEP.compound | DEP.adjectival_modifier | DEP.nominal_modifier and c.i < noun.i
    ]
    # "an initial toll", "official figures": adjectives alone describe the statement, not who made it.
    if any(
        t.pos_ in POS.noun | POS.proper_noun or t.ent_type_ in _SOURCE_ENTITY_LABELS
        for m in modifiers
        for t in m.subtree
    ):
        tokens = sorted({t for m in modifiers for t in m.subtree}, key=lambda t: t.i)
        outlet = _outlet_in(tokens)
        if outlet:
            return [Source(outlet[0].name, outlet[0].kind, _span(outlet[1], doc_name))]
        return [Source(_text(tokens), _entity_kind(tokens), _span(tokens, doc_name))]
    return []


# --- finding the cues in a sentence -------------------------------------------


def _is_reporting_clause(verb: Token) -> bool:
    """A speech verb that frames the sentence, not one inside a subordinate clause ("since X announced")."""
    token = verb
    while token.head != token and (
        token.dep_ in DEP.conjunct | DEP.open_complement
        or (token.dep_ in DEP.adverbial_clause and token.head.lemma_.lower() in _CONTINUATION_VERBS)
    ):
        token = token.head
    if token.dep_ in DEP.root | DEP.parataxis:
        return True
    marks = {c.lower_ for c in token.children if c.dep_ in DEP.marker}
    if token.dep_ in DEP.adverbial_clause:
        return "as" in marks
    # "..., where police said ..." and "..., with residents reporting ..." are left out: they attribute only the
    # clause they report, and a chain is the whole sentence's.
    if token.dep_ not in DEP.clausal_complement or token.head.dep_ not in DEP.root or marks:
        return False
    # "The strike killed five, the ministry said": the parser often hangs the reporting verb as a ccomp.
    if token.i > token.head.i:
        return True
    # "Residents reported that ...; the army has not commented": a first main clause the parse hung under the
    # second, across a semicolon.
    doc = token.doc
    return any(doc[k].text == ";" for k in range(token.right_edge.i, token.head.i))


def _subject_of(verb: Token) -> Token | None:
    token = verb
    while True:
        # An acronym the tagger read as a verb is a subject only before the verb ("IS said"); after it, it is
        # whom the speaker told ("a source at the police told SANA that ...").
        subjects = [c for c in token.children if c.dep_ in DEP.subject or (_acronym_read_as_verb(c) and c.i < token.i)]
        if subjects:
            # "30 others injured ..., the agency said": a mis-parse can give the verb a second subject far
            # from it; the speaker is the one next to the speech verb.
            nearest = min(subjects, key=lambda c: abs(c.i - token.i))
            return _phrase_before_final_verb(token, nearest) or _speaker_in_apposition(nearest, token)
        if token.dep_ in DEP.conjunct | DEP.open_complement | DEP.adverbial_clause and token.head != token:
            token = token.head
            continue
        return None


def _phrase_before_final_verb(verb: Token, subject: Token) -> Token | None:
    """ "..., in Karsa, North Province, the Provincial Relief Agency (PRA) said.": when the parse gives a
    sentence-final speech verb a subject before the last comma, the speaker is the noun phrase between that comma
    and the verb (its head is its last noun)."""
    doc = verb.doc
    k = verb.i - 1
    if k >= 0 and doc[k].text == ")":  # a bracketed acronym after the name
        while k > verb.sent.start and doc[k].text != "(":
            k -= 1
        k -= 1
    if k <= verb.sent.start or doc[k].pos_ not in POS.noun | POS.proper_noun or subject.i >= k:
        return None
    comma = next((j for j in range(k - 1, verb.sent.start - 1, -1) if doc[j].is_punct), None)
    if comma is None or doc[comma].text != "," or _np_tokens(subject)[-1].i >= comma:
        return None
    # Only for a sentence-final verb: nothing but punctuation and time words after it.
    if any(
        not (t.is_punct or t.is_space or t.ent_type_ in ENT.date | ENT.time) for t in doc[verb.i + 1 : verb.sent.end]
    ):
        return None
    return doc[k]


def _speaker_in_apposition(subject: Token, verb: Token) -> Token:
    """ "..., killing four people, a war monitor said": the parser may make "people" the subject and the
    speaker its appositive; the appositive right before a sentence-final speech verb is the speaker."""
    appositives = [c for c in subject.children if c.dep_ in DEP.apposition and c.i < verb.i]
    if appositives and verb.i > subject.i and all(t.dep_ in DEP.punctuation or t.i < verb.i for t in subject.subtree):
        closest = max(appositives, key=lambda c: c.i)
        if closest.right_edge.i + 1 == verb.i:
            return closest
    return subject


def _passive_agent(verb: Token) -> Token | None:
    """ "Three deaths were reported by the civil defence", "the toll was confirmed by the health ministry": the
    agent of a passive speech verb is its speaker (a noun phrase that is not a thing that cannot speak)."""
    for child in verb.children:
        if child.dep_ in DEP.agent:
            for obj in child.children:
                nominal = obj.pos_ in POS.noun | POS.proper_noun
                if (
                    obj.dep_ in DEP.prepositional_object
                    and nominal
                    and obj.lemma_.lower() not in lexicon().not_source_nouns
                ):
                    return obj
    return None


def _is_passive(verb: Token) -> bool:
    return any(
        c.dep_ in DEP.passive_auxiliary | DEP.passive_subject and not _acronym_read_as_verb(c) for c in verb.children
    )


def _acronym_read_as_verb(token: Token) -> bool:
    """ "IS said": an organisation's all-capital acronym that the tagger read as the verb "is"."""
    return token.ent_type_ in ENT.organisation and token.text.isupper() and len(token.text) > 1


def _speech_verbs(sent: SpacySpan) -> list[Token]:
    lex = lexicon()
    verbs = []
    for token in span_tokens(sent):
        if token.pos_ not in POS.verb | POS.auxiliary or token.lemma_.lower() not in lex.speech_verbs:
            continue
        if _is_passive(token) and _passive_agent(token) is None:
            continue
        # "an exodus of civilians estimated at 70%", "the deaths recorded": a participle describing a noun tells
        # what is said of the noun, not who says the sentence (unless it names its agent).
        if (
            token.tag_ in TAG.past_participle
            and token.dep_ in DEP.clausal_modifier
            and _passive_agent(token) is None
            and not _tags_a_known_speaker(token)
        ):
            continue
        # "... killing nine people a monitoring group said": a trailing tag the parse hung anywhere.
        if not _is_reporting_clause(token) and not (_is_sentence_final(token) and _trailing_speaker_run(token)):
            continue
        # What was said: the object, or the subject of a passive ("responsibility was claimed by the group").
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in DEP.direct_object | DEP.passive_subject}
        own_objects = lex.not_attribution_objects_of.get(token.lemma_.lower(), frozenset())
        if objects & (lex.not_attribution_objects | own_objects):
            continue
        verbs.append(token)
    # The sentence's root verb first, then the others in text order.
    return sorted(verbs, key=lambda t: (t.dep_ not in DEP.root, t.i))


def _tags_a_known_speaker(verb: Token) -> bool:
    """ "... on their positions in Deir Ezzor SANA news agency reported on Tuesday": a sentence-final speech verb
    right after a listed source's name is its tag, though the parse took it for a participle describing the noun
    before it (a kind of speaker is not enough: "an exodus of its residents estimated at 70 percent")."""
    if not _is_sentence_final(verb):
        return False
    run = _trailing_speaker_run(verb)
    return bool(run) and run[-1].i == verb.i - 1 and _outlet_in(run) is not None


def _is_outlet_like(tokens: list[Token]) -> bool:
    lex = lexicon()
    return _outlet_in(tokens) is not None or any(t.lemma_.lower() in lex.outlet_nouns for t in tokens)


def _relays_of_verb(verb: Token, doc_name: str) -> list[Source]:
    """ "told Al Jazeera", "said in an interview with AFP", "speaking to the BBC"."""
    lex = lexicon()
    relays: list[Source] = []
    for child in verb.children:
        if child.dep_ in DEP.direct_object | DEP.dative and verb.lemma_.lower() in _RELAY_SPEECH_LEMMAS:
            np = _np_tokens(child)
            # "told reporters" is an audience; "told a SANA reporter" is that outlet's.
            if (child.lemma_.lower() not in lex.audience_nouns or _outlet_in(np)) and _is_outlet_like(np):
                relays.extend(_resolve_phrase(child, doc_name, None))
        elif child.dep_ in DEP.preposition:
            relays.extend(_relay_in(child, doc_name))
        elif child.i < verb.i and child.lemma_.lower() in _SPEAKING_LEMMAS:
            # "Speaking to AFP a medic said ...": the opening phrase names whom the speaker spoke to.
            for prep in child.children:
                if prep.dep_ in DEP.preposition:
                    relays.extend(_relay_in(prep, doc_name))
    return relays


def _relay_in(prep: Token, doc_name: str) -> list[Source]:
    """The outlet a prepositional phrase of relay names ("to Reuters", "in an interview with AFP"), if any."""
    subtree = list(prep.subtree)
    has_relay_prep = any(t.lower_ in lexicon().relay_prepositions for t in subtree)
    found = _outlet_in(subtree) if has_relay_prep else None
    if found and found[0].kind == "outlet":
        return [Source(found[0].name, found[0].kind, _span(found[1], doc_name))]
    return []


def _cited_originator(verb: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """ "Reuters, citing two officials, reported" / "AFP quoted a witness as saying": the one cited."""
    lex = lexicon()
    candidates = [
        verb,
        *[
            c
            for c in verb.children
            if c.dep_ in DEP.adverbial_clause | DEP.open_complement | DEP.conjunct | DEP.preposition
        ],
    ]
    for candidate in candidates:
        if candidate.lemma_.lower() in lex.citing_verbs:
            for child in candidate.children:
                if child.dep_ in DEP.direct_object | DEP.prepositional_object:
                    return _statement_source(child, doc_name, previous)
    return []


def _according_sources(sent: SpacySpan, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """ "according to X", "as per X claims", "per X"."""
    lex = lexicon()
    lowered = span_text(sent).lower()
    if not any(word in lowered for word in lex.according_words):
        return []  # most sentences have none of the words
    for token in span_tokens(sent):
        if token.lower_ not in lex.according_words:
            continue
        # "according to X" reads X from its "to" first: a parse may also hang a later phrase on "according" ("the
        # account of the Southern Front one of the factions": "one").
        preps = [*[c for c in token.children if c.dep_ in DEP.preposition], token]
        for prep in preps:
            for child in prep.children:
                if child.dep_ in DEP.prepositional_object:
                    named = _name_after_its_kind(child)
                    if named is not None:
                        return [named.with_span(doc_name)]
                    return _statement_source(child, doc_name, previous)
    return []


def _name_after_its_kind(head: Token) -> _KnownName | None:
    """ "according to Lebanese paramilitary group Hezbollah more than 30 fighters were killed": in text without
    commas the parse may take a listed source's name right after the words for its kind for the subject of what
    follows; the name is the source."""
    after = head.i + 1
    if head.pos_ in POS.proper_noun or head.lemma_.lower() not in _KIND_OF_SOURCE_NOUNS or after >= head.sent.end:
        return None
    name = head.doc[after]
    if name.pos_ not in POS.proper_noun:
        return None
    outlet = _lookup_outlet(name.text)
    if outlet is not None:
        return _KnownName(name, outlet.name, outlet.kind)
    group = _armed_group(name.text)
    return _KnownName(name, name.text, "organisation") if group is not None else None


@dataclass(frozen=True)
class _KnownName:
    """A listed source's name found as one word of the text."""

    token: Token
    name: str
    kind: SourceKind

    def with_span(self, doc_name: str) -> Source:
        return Source(self.name, self.kind, _span([self.token], doc_name))


def _dedupe(sources: Iterable[Source]) -> list[Source]:
    result: list[Source] = []
    for source in sources:
        if not result or result[-1].name != source.name:
            result.append(source)
    return result


# What may follow a trailing speech tag's verb and still leave it the sentence's tag: a relay ("told Anadolu
# Agency"), when ("on Wednesday"), how ("anonymously", "by telephone") or an aside ("without giving details").
_TAG_ADJUNCT_DEPS = (
    DEP.preposition
    | DEP.noun_phrase_adverbial
    | DEP.adverbial_modifier
    | DEP.adverbial_clause
    | DEP.dative
    | DEP.direct_object
    | DEP.punctuation
    | DEP.prepositional_object
)


def _is_tag_adjunct(child: Token) -> bool:
    """A word a speech tag may carry after its verb: an adjunct, a relay, whom the speaker cites ("Al Jazeera
    reported, citing an opposition source"), or a participle clause continuing the tag (participle_after_the_tag:
    "..., the ministry said, adding that ...", "..., the agency said, blaming rebels"): what the speaker adds is
    still theirs, and the tag still closes the words it reports (which come before it: in "the government denied
    using gas" the participle is what is denied)."""
    if child.dep_ in _TAG_ADJUNCT_DEPS:
        return True
    if child.dep_ not in DEP.open_complement:
        return False
    return child.lemma_.lower() in lexicon().citing_verbs or (
        child.tag_ in TAG.gerund and _follows_its_words(child.head)
    )


def _follows_its_words(verb: Token) -> bool:
    """The speech verb comes after the words it reports: a clause of its own before it, or the clause the parse
    coordinated it with by no "and"/"but" (text without commas: "Shells hit the town the monitor said")."""
    if any(c.dep_ in DEP.clausal_complement and c.i < verb.i for c in verb.children):
        return True
    return (
        verb.dep_ in DEP.conjunct
        and verb.head.i < verb.i
        and not any(c.dep_ in DEP.coordinator and c.i < verb.i for c in verb.head.children)
    )


def _is_sentence_final(verb: Token) -> bool:
    """A trailing speech tag: after the verb, nothing but punctuation, time words, or the verb's own adjuncts
    (a relay it was told to, when, how, an aside such as "without giving further details"); never a clause it
    introduces ("said that ...", "said the strike killed ...")."""
    doc = verb.doc
    after = doc[verb.i + 1 : verb.sent.end]
    if all(t.is_punct or t.is_space or t.ent_type_ in ENT.date | ENT.time for t in after):
        return True
    own = {t.i for c in verb.children if c.i > verb.i and _is_tag_adjunct(c) for t in c.subtree}
    if any(not (t.is_punct or t.is_space or t.i in own) for t in after):
        return False
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in DEP.direct_object | DEP.dative]
    # An object after the verb is a relay ("told a news agency"), never what was said ("said nothing").
    return all(_is_outlet_like(_np_tokens(o)) for o in objects) and not any(c.lower_ == "that" for c in after[:2])


def _trailing_speaker_run(verb: Token) -> list[Token]:
    """ "... in Raqqa the Syrian Observatory for Human Rights monitor said": the name right before a
    sentence-final speech verb, read from the words themselves (text without commas defeats the parse).
    The run is the nouns, names and adjectives before the verb (and "for"/"of" between names), stopping at
    a determiner or any other word."""
    doc = verb.doc
    k = verb.i - 1
    while k > verb.sent.start and doc[k].pos_ in POS.auxiliary:  # "has said", "had reported"
        k -= 1
    run = _speaker_run_ending_at(doc[k], verb.sent.start)
    if run and run[0].i - 1 > verb.sent.start and doc[run[0].i - 1].lower_ in _SPEAKER_JOINING_WORDS:
        # first_of_joined_speakers: "... the Observatory and medics said": of two speakers joined in one tag, the
        # first named is the originator (a chain has one).
        first = _speaker_run_ending_at(doc[run[0].i - 2], verb.sent.start)
        if first and _is_kind_of_speaker(first):
            return first
    return run


def _is_kind_of_speaker(run: list[Token]) -> bool:
    """The words name a listed source or a kind of speaker (anonymous sources, witnesses, an official by title),
    not just any name (a place: "hit Tarsa and Marea residents said")."""
    lex = lexicon()
    lemma = run[-1].lemma_.lower()
    kinds = lex.unnamed_nouns | lex.official_titles | lex.witness_nouns.keys()
    return _outlet_in(run) is not None or lemma in kinds or _anonymous_media(run)


def _speaker_run_ending_at(last: Token, sent_start: int) -> list[Token]:
    """The run of a speaker's name whose last word is ``last`` (see :func:`_trailing_speaker_run`)."""
    doc = last.doc
    k = last.i
    if doc[k].text == ")":  # "the Regional Rights Monitor (RRM) said": read past the acronym
        opening = next((j for j in range(k - 1, max(sent_start, k - 6) - 1, -1) if doc[j].text == "("), None)
        if opening is not None:
            k = opening - 1
    run: list[Token] = []
    while k >= sent_start and len(run) < _MAX_OUTLET_TOKENS:
        token = doc[k]
        between_names = (
            token.lower_ in _NAME_JOINING_WORDS
            and run
            and run[0].pos_ in POS.proper_noun
            and k > 0
            and doc[k - 1].pos_ in POS.proper_noun
        )
        based = token.lower_.endswith("based") or (token.text == "-" and run and run[0].lower_ == "based")
        if token.pos_ in POS.noun | POS.proper_noun | POS.adjective or between_names or based:
            run.insert(0, token)
            k -= 1
            continue
        break
    while run and (
        run[0].pos_ in POS.adposition or run[0].ent_type_ in ENT.date | ENT.time
    ):  # "on Friday state radio said"
        run.pop(0)
    # "a source at Tarsa Police Command told SANA": the run is the name of the body an anonymous source speaks from
    # (the source is read from the phrase the preposition hangs on), not a place and a speaker.
    inside = run[-1].head if run else None
    if not (
        inside is not None
        and run[-1].dep_ in DEP.prepositional_object
        and inside.lower_ in _INSIDER_PREPOSITIONS
        and _is_unnamed_phrase(inside.head)
    ):
        run = _without_leading_place(run)
    return run if run and run[-1].pos_ in POS.noun | POS.proper_noun else []


def _without_leading_place(run: list[Token]) -> list[Token]:
    """ "in the district of Aleppo Syrian state television reported": a run that follows a preposition starts
    with that preposition's object (the place of what the sentence tells), and the speaker's name starts after it
    (text without commas runs them together)."""
    if (
        len(run) < 2
        or run[0].i == 0
        or run[0].doc[run[0].i - 1].pos_ not in POS.adposition
        or not run[0].text[:1].isupper()
    ):
        return run
    k = 1
    if run[0].ent_type_ in ENT.political_place | ENT.place | ENT.facility:  # the whole name of the place ("Deir Ezzor")
        while k < len(run) - 1 and run[k].ent_iob_ == "I" and run[k].ent_type_ == run[0].ent_type_:
            k += 1
    return run[k:]


def _source_of_run(run: list[Token], doc_name: str) -> list[Source]:
    """The source a bare run of words names: a known outlet, collective witnesses, anonymous sources, an
    official by title, else the words as a name."""
    lex = lexicon()
    found = _outlet_in(run)
    if found:
        return [Source(found[0].name, found[0].kind, _span(found[1], doc_name))]
    head = run[-1]
    lemma = head.lemma_.lower()
    if lemma in lex.witness_nouns:
        return [Source(lex.witness_nouns[lemma], "unnamed", _span(run, doc_name))]
    if lemma in lex.unnamed_nouns:
        return [Source(UNNAMED, "unnamed", _span(run, doc_name))]
    if _anonymous_media(run):
        return [Source(UNNAMED, "unnamed", _span(run[-1:], doc_name))]
    if lemma in lex.not_source_nouns or (lemma in lex.statement_nouns and lemma not in lex.official_titles):
        return []
    named = _trailing_proper_name(run, head) if head.ent_type_ in ENT.person else None
    if named:
        # "leading opposition figure Jane Doe said": the person's name after the words describing them is the source.
        titled = any(t.lemma_.lower() in lex.official_titles for t in run if t.i < named[0].i)
        return [Source(_text(named), "official" if titled else "person", _span(named, doc_name))]
    kind: SourceKind = "official" if lemma in lex.official_titles else _entity_kind(run)
    return [Source(_text(run), kind, _span(run, doc_name))]


def _trailing_speaker(verb: Token, subject: Token | None, doc_name: str) -> list[Source]:
    """A sentence-final speech verb whose parsed subject is not the phrase right before it: the phrase
    right before it is the speaker ("Strikes killed nine people a monitoring group said")."""
    if not _is_sentence_final(verb):
        return []
    run = _trailing_speaker_run(verb)
    if not run or (subject is not None and run[0].i <= subject.i <= run[-1].i):
        return []
    if _follows_a_preposition(run):
        holder = _holder_of_prepositional_run(run)
        return _resolve_phrase(holder, doc_name, None) if holder is not None else []
    if subject is not None and _ends_the_subject(subject, run):
        return []
    if subject is not None and subject.pos_ in POS.pronoun:
        return []
    end = verb.i
    while end > run[-1].i + 1 and verb.doc[end - 1].pos_ in POS.auxiliary:
        end -= 1
    bracketed = _bracketed_outlet(list(verb.doc[run[0].i : end]))  # "... agency (UNICEF) has said"
    if bracketed is not None:
        return [Source(bracketed[0].name, bracketed[0].kind, _span(bracketed[1], doc_name))]
    return _source_of_run(run, doc_name)


def _speaker_of(verb: Token, doc_name: str, previous: AttributionChain | None) -> tuple[list[Source], list[Source]]:
    """Who speaks by ``verb`` (the one cited, then the speaker) and the relays it names."""
    agent = _passive_agent(verb) if _is_passive(verb) else None
    if agent is not None:
        return _resolve_phrase(agent, doc_name, previous), _relays_of_verb(verb, doc_name)
    cited = _cited_originator(verb, doc_name, previous)
    inverted = _inverted_speaker(verb) if not cited else None
    speaker = _resolve_phrase(inverted, doc_name, previous) if inverted is not None else []
    if speaker:
        return speaker, _relays_of_verb(verb, doc_name)
    subject = _subject_of(verb)
    speaker = _trailing_speaker(verb, subject, doc_name)
    if not speaker:
        subject = subject if subject is not None else _speaker_hung_on_an_opener(verb)
        speaker = _resolve_phrase(subject, doc_name, previous) if subject is not None else []
        if speaker and subject is not None:
            speaker = [*speaker, *_coordinated_speakers(subject, doc_name, previous)]
    if not speaker and not cited:
        return [], []
    return [*cited, *speaker], _relays_of_verb(verb, doc_name)


def _coordinated_speakers(subject: Token, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """coordinated_speakers: "State media and the monitor said ...": each speaker joined to the subject before the
    verb by "and" says it too, and the chain names them in the order written (the first as the originator). A tag
    after what is said names its first speaker only (first_of_joined_speakers: "..., the monitor and medics said"),
    as the real-text gold codes both forms."""
    return [
        source
        for conjunct in subject.conjuncts
        if conjunct.i > subject.i
        for source in _resolve_phrase(conjunct, doc_name, previous)
    ]


# Relations inside a noun phrase, climbed from its last word to its head ("a source at the Tarsa Police Command").
_INSIDE_A_PHRASE = (
    DEP.compound
    | DEP.flat_name
    | DEP.adjectival_modifier
    | DEP.nominal_modifier
    | DEP.apposition
    | DEP.preposition
    | DEP.prepositional_object
    | DEP.possessive
    | DEP.case_marker
)


def _speaker_hung_on_an_opener(verb: Token) -> Token | None:
    """speaker_after_an_opening_phrase: "Speaking to AFP a medic said ...", "In a statement to SANA a source at the
    police said ...": in text without commas the parse hangs the speaker on the sentence's opening phrase, as an
    object in it, and leaves the speech verb without a subject. The speaker is then the noun phrase that ends right
    before the verb, when it lies inside an opening phrase of the verb and names someone who can speak."""
    doc = verb.doc
    k = verb.i - 1
    while k > verb.sent.start and doc[k].pos_ in POS.auxiliary:  # "had also reported"
        k -= 1
    head = doc[k]
    while head.dep_ in _INSIDE_A_PHRASE and head.head.i < verb.i and head.head != head:
        head = head.head
    if head.pos_ not in POS.noun | POS.proper_noun or head.dep_ not in DEP.direct_object | DEP.prepositional_object:
        return None
    opener = next((a for a in head.ancestors if a.head == verb), None)
    if opener is None or opener.i > head.i or not _names_a_speaker(head):
        return None
    # The opening phrase is a prepositional phrase ("In a statement to SANA") or a verb of speaking ("Speaking to
    # AFP"), not any words the parse strung before the verb ("Get short URL 1234 the ministry reported").
    return head if opener.dep_ in DEP.preposition or opener.lemma_.lower() in _SPEAKING_LEMMAS else None


def _inverted_speaker(verb: Token) -> Token | None:
    """ "..., said the Observatory.", "...in the blast, reported officials, with five missing": a speech tag after
    what was said, its speaker after the verb (the parse takes the speaker for the verb's object). The verb has no
    subject before it, follows the words it reports (a clause of its own before it, or the clause it is coordinated
    with by no "and"), and nothing but its own adjuncts follow the speaker; the speaker is a name, a body or a
    kind of speaker (an official's title, anonymous sources, witnesses), never a thing ("claimed the town")."""
    doc = verb.doc
    if verb.lemma_.lower() in _RELAY_SPEECH_LEMMAS:
        return None
    closing = _closing_named_subject(verb)
    if closing is not None:
        return closing
    if any(c.dep_ in DEP.subject and c.i < verb.i for c in verb.children):
        return None
    # A clause of its own before it, or the clause before it coordinated with no "and"/"but" (which makes it a
    # second act of the same subject: "took the town and reported losses").
    if not _follows_its_words(verb):
        return None
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in DEP.direct_object | DEP.subject | DEP.attribute]
    if len(after) != 1 or after[0].left_edge.i != verb.i + 1 or not _names_a_speaker(after[0]):
        return None
    speaker = after[0]
    own = {t.i for c in verb.children if c.i > speaker.i and c.dep_ in _TAG_ADJUNCT_DEPS for t in c.subtree}
    rest = doc[speaker.right_edge.i + 1 : verb.sent.end]
    return speaker if all(t.is_punct or t.is_space or t.i in own for t in rest) else None


def _closing_named_subject(verb: Token) -> Token | None:
    """closing_named_speaker: "'...' a district home to workers of the mayor Jan Kowal said Piotr Nowak.", "...
    shells killed at least six people said the Regional Rights Monitor.": a name right after a speech verb that
    ends the sentence is the one who speaks (wire copy puts the tag after what was said and inverts it), even when
    the parse also takes a noun before the verb for its subject ("six people"); nobody says a name as what was said.
    Only a proper name the parse reads as the verb's subject or object, after a clause the verb reports; the name's
    own description ("a monitoring group based in Britain") and the tag's adjuncts ("on Monday") may follow it."""
    if not any(c.dep_ in DEP.clausal_complement and c.i < verb.i for c in verb.children):
        return None
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in DEP.subject | DEP.direct_object]
    if len(after) != 1 or after[0].left_edge.i != verb.i + 1 or after[0].pos_ not in POS.proper_noun:
        return None
    own = {t.i for c in verb.children if c.i > after[0].i and c.dep_ in _TAG_ADJUNCT_DEPS for t in c.subtree}
    rest = verb.doc[after[0].right_edge.i + 1 : verb.sent.end]
    return after[0] if all(t.is_punct or t.is_space or t.i in own for t in rest) else None


def _names_a_speaker(head: Token) -> bool:
    """A phrase's head that can name who speaks: a name, or a word for a body, an official, an outlet, anonymous
    sources or witnesses."""
    lex = lexicon()
    lemma = head.lemma_.lower()
    kinds = lex.official_titles | lex.unnamed_nouns | lex.outlet_nouns | lex.reporter_nouns | _BODY_NOUNS
    return (
        head.pos_ in POS.proper_noun
        or head.text[:1].isupper()
        or lemma in kinds
        or lemma in lex.witness_nouns
        or _is_unnamed_phrase(head)
    )


def _closing_outlet_tag(verbs: list[Token], doc_name: str, previous: AttributionChain | None) -> Token | None:
    """ "..., a source in the police said on Monday, the Courier reported.": the sentence-final speech verb of a
    listed outlet, when another speech verb before it has a speaker of its own."""
    final = max(verbs, key=lambda v: v.i, default=None)
    if final is None or not _is_sentence_final(final) or not any(v.i < final.i for v in verbs):
        return None
    speaker, _ = _speaker_of(final, doc_name, previous)
    return final if len(speaker) == 1 and speaker[0].kind == "outlet" else None


def _follows_a_preposition(run: list[Token]) -> bool:
    """ "a monitor and a journalist in the city said": a run right after a preposition (and its article) is that
    preposition's object, a place or thing, not the speaker."""
    doc = run[0].doc
    k = run[0].i - 1
    while k >= 0 and doc[k].dep_ in DEP.determiner:
        k -= 1
    return k >= 0 and doc[k].pos_ in POS.adposition


def _holder_of_prepositional_run(run: list[Token]) -> Token | None:
    """ "a monitor and a journalist in the city said": the noun phrase the preposition belongs to (its first
    conjunct), the speaker the parse left without a verb."""
    prep = run[-1].head
    holder = prep.head if prep.dep_ in DEP.preposition and prep != run[-1] else None
    while holder is not None and holder.dep_ in DEP.conjunct and holder.head != holder:
        holder = holder.head
    return holder if holder is not None and holder.pos_ in POS.noun | POS.proper_noun else None


# At most this many words between a speaker and the end of its own phrase ("a group tracking the violence").
_SUBJECT_TAIL_WORDS = 3


def _ends_the_subject(subject: Token, run: list[Token]) -> bool:
    """ "a group tracking the violence said": the run is the last words of the subject's own short phrase (a
    participle and its object), not a speaker the parse missed at the end of a long sentence."""
    between = subject.doc[subject.i + 1 : run[0].i]
    inside = {t.i for t in subject.subtree}
    return (
        subject.i < run[0].i
        and len(between) <= _SUBJECT_TAIL_WORDS
        and all(t.i in inside and not t.is_punct for t in [*between, *run])
    )


def explicit_sources(sent: SpacySpan, doc_name: str, previous: AttributionChain | None = None) -> list[Source]:
    """The sources the sentence itself names, originator first, without the publisher. A closing "<outlet>
    reported" after another speaker's words relays them (:func:`_closing_outlet_tag`)."""
    according = _according_sources(sent, doc_name, previous)
    verbs = _speech_verbs(sent)
    closing = _closing_outlet_tag(verbs, doc_name, previous)
    relay = _speaker_of(closing, doc_name, previous)[0] if closing is not None else []
    for verb in verbs:
        if verb is closing:
            continue
        speaker, relays = _speaker_of(verb, doc_name, previous)
        if speaker:
            return _dedupe([*speaker, *relays, *relay, *according])
    if not relay and not according:
        return _dedupe(_subordinate_report(sent, doc_name, previous))
    return _dedupe([*relay, *according])


def _reports_in_a_subordinate_clause(verb: Token) -> bool:
    """A speech verb in a relative or adverbial clause that reports a clause of its own ("..., while state
    television said five were killed", "an attack that activists say killed dozens"): not a tag framing the
    sentence, but what its clause reports is the sentence's news."""
    lex = lexicon()
    if verb.pos_ not in POS.verb or verb.lemma_.lower() not in lex.speech_verbs or _is_passive(verb):
        return False
    if verb.dep_ not in DEP.relative_clause | DEP.adverbial_clause:
        return False
    return any(c.dep_ in DEP.clausal_complement and c.i > verb.i for c in verb.children)


def _subordinate_report(sent: SpacySpan, doc_name: str, previous: AttributionChain | None) -> list[Source]:
    """reported_in_a_subordinate_clause: with no speech tag framing the sentence, the speaker of a speech verb in a
    subordinate clause that reports a clause ("Districts came under fire while state television said five were
    killed") speaks for the sentence: its reported clause tells the sentence's incident. The speaker is the verb's
    own subject, else the name right before the verb (text without commas defeats the parse)."""
    doc = sent.doc
    for verb in span_tokens(sent):
        if not _reports_in_a_subordinate_clause(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ in DEP.subject and c.i < verb.i]
        if subjects:
            speaker = _resolve_phrase(subjects[-1], doc_name, previous)
        else:
            run = _speaker_run_ending_at(doc[verb.i - 1], sent.start) if verb.i > sent.start else []
            speaker = _source_of_run(run, doc_name) if run and _is_kind_of_speaker(run) else []
        if speaker:
            return [*speaker, *_relays_of_verb(verb, doc_name)]
    return []


def _opens_unclosed_quote(sent: SpacySpan) -> bool:
    text = span_text(sent).strip()
    if not text or text[0] not in _OPEN_QUOTES:
        return False
    if text[0] == '"':
        return text.count('"') % 2 == 1
    return not any(q in text[1:] for q in _CLOSE_QUOTES if q != '"')


def _closing_quote_sources(sent: SpacySpan, doc_name: str) -> list[Source]:
    """For a sentence that opens a quotation, the attribution of the sentence that closes it."""
    following = [s for s in sent.doc.sents if s.start >= sent.end][:_QUOTE_LOOKAHEAD]
    for later in following:
        if any(q in span_text(later) for q in _CLOSE_QUOTES):
            return explicit_sources(later, doc_name)
    return []


def _extends_earlier_report(sources: list[Source], earlier: list[Source]) -> bool:
    """ "According to Al-Mayadeen" after "sources told Al-Mayadeen": the same report, from the same sources."""
    return (
        len(sources) == 1
        and sources[0].kind == "outlet"
        and len(earlier) >= 2
        and earlier[0].kind == "unnamed"
        and earlier[1].name == sources[0].name
    )


def publisher_source(publisher: str | None) -> Source | None:
    if not publisher:
        return None
    return Source(canonical_outlet(publisher) or publisher, "publisher", None)


def attribution_chain(
    sent: SpacySpan, publisher: str | None, doc_name: str, previous: AttributionChain | None = None
) -> AttributionChain:
    """The chain behind a sentence, originator first and the publishing outlet last.

    ``previous`` is the chain of the last attributed sentence before this one; it resolves "the sources
    added", "he said" and "according to X" after "sources told X".
    """
    sources = explicit_sources(sent, doc_name, previous)
    if not sources and _opens_unclosed_quote(sent):
        sources = _closing_quote_sources(sent, doc_name)
    earlier = _without_publisher(previous)
    if _extends_earlier_report(sources, earlier):
        sources = [earlier[0], *sources]
    tail = publisher_source(publisher)
    if tail and not (sources and sources[-1].name == tail.name):
        sources = [*sources, tail]
    return AttributionChain(sources=sources)


# --- the document around the sentence -----------------------------------------

# "- REUTERS", "--AFP", "(AP)" at the very end of a story.
_END_CREDIT = re.compile(r"[-\u2010-\u2015(]\s*(?P<name>[A-Za-z][\w .\-]{1,40}?)\s*\)?\s*[.]?\s*$")
# "Air strikes kill 20 Monitor Reuters Sunday 12 Jun 2016": an agency credited just before the story's date.
_HEAD_CREDIT = re.compile(
    r"\b(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})\s*,?\s*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# How far into a story its head (title, byline, date) reaches.
_HEAD_CHARS = 300
# dateline_credit: "BEIRUT (Reuters) -", "(AFP) -": an agency's name in brackets before a dash opens the story's
# body with its credit, as news agencies' datelines do.
_DATELINE_CREDIT = re.compile(r"\((?P<name>[A-Za-z][\w .\-]{1,30})\)\s*[-\u2010-\u2015]")
# capitals_dateline_credit: "DAMASCUS Syria (The Associated Press Jane Doe) ...", "BEIRUT August 21 (AP) ...": a
# dateline's city in capitals opening a sentence, then a bracket that names the agency (and its reporter) with no
# dash after it (text stripped of punctuation): the agency whose copy the story is.
_CAPITALS_DATELINE_CREDIT = re.compile(
    r"(?:^|[.!?\"\u201d]\s+)[A-Z]{3,}(?: [A-Z]{3,})?\b[^().]{0,30}\((?P<name>[A-Za-z][\w .\-]{1,60})\)"
)
# How far into a story such a dateline may open its body: after the title and a standfirst sentence.
_DATELINE_CHARS = 600


def document_wire(text: str, publisher: str | None) -> Outlet | None:
    """The wire agency whose copy the story is: credited at its end ("- REUTERS"), at its head (the agency's
    name before the date line, or in brackets before the dateline's dash: "BEIRUT (Reuters) -"), or as its source
    ("Source: AFP"). None when the publisher is that agency. Staff
    of an agency named in the story ("a Reuters photographer saw") do not make it the agency's copy."""
    own = canonical_outlet(publisher) if publisher else None
    candidates: list[Outlet] = []
    end = _END_CREDIT.search(text[-60:])
    if end and (outlet := _lookup_outlet(end["name"])) is not None:
        candidates.append(outlet)
    for head in _HEAD_CREDIT.finditer(text[:_HEAD_CHARS]):
        words = head["name"].split()
        for start in range(len(words)):  # "Monitor Reuters": the credit is the name's last words
            outlet = _lookup_outlet(" ".join(words[start:]))
            if outlet is not None:
                candidates.append(outlet)
                break
    candidates.extend(_standing_credits(text))
    credited: list[Outlet] = []
    for dateline in _DATELINE_CREDIT.finditer(text[:_HEAD_CHARS]):
        if (outlet := _lookup_outlet(dateline["name"])) is not None:
            credited.append(outlet)
    for dateline in _CAPITALS_DATELINE_CREDIT.finditer(text[:_DATELINE_CHARS]):
        words = dateline["name"].split()
        for end_at in range(len(words), 0, -1):  # "The Associated Press Jane Doe": the agency is the first words
            outlet = _lookup_outlet(" ".join(words[:end_at]))
            if outlet is not None:
                candidates.append(outlet)  # read as a credit only when it is a wire's (below)
                break
    for credit in _source_credit().finditer(text):
        words = credit["name"].split()
        for end_at in range(len(words), 0, -1):  # "Source Reuters Related Stories": the credit is the first words
            outlet = _lookup_outlet(" ".join(words[:end_at]))
            if outlet is not None:
                credited.append(outlet)
                break
    closing = _closing_credit().search(text[-_CLOSING_CHARS:])
    if closing is not None:
        words = closing["name"].split()
        for start in range(len(words)):  # "... of its pre-war population Press TV reported.": the name's last words
            outlet = _lookup_outlet(" ".join(words[start:]))
            if outlet is not None:
                credited.append(outlet)
                break
    # A credit names the story's source, a wire or another outlet ("Source: SANA" under an Al-Manar story); a
    # name at the head or end is read as a credit only when it is a wire's.
    found = [o for o in credited if o.kind == "outlet"] + [o for o in candidates if o.category == "wire"]
    return next((o for o in found if o.name != own), None)


_NOT_CREDIT_BEFORE = word_set("en", "attribution", "not_credit_before")
_PHOTO_CREDIT_WORDS = word_set("en", "attribution", "photo_credit_words")


def _standing_credits(text: str) -> list[Outlet]:
    """ "Friday 19 Aug 2016 Regime pounds Kurdish positions AFP Syrian warplanes bombarded ...": a wire's one-word
    name standing alone between a story's title and its lead, in its first ``_HEAD_CHARS`` characters (a capitalised
    word follows it; no bracket, and no word that makes it an object or a modifier before it: "told AFP", "an AFP
    photographer", "(AFP photo)"; not a picture's credit, :func:`_credits_a_picture`)."""
    found: list[Outlet] = []
    for match in re.finditer(r"(?<![(\w])(?P<name>[A-Z][A-Za-z]+)(?=\s+[A-Z])", text):
        if match.start() >= _HEAD_CHARS:
            break
        outlet = _lookup_outlet(match["name"])
        if outlet is None or outlet.category != "wire":
            continue
        if _credits_a_picture(match["name"], outlet, text[match.end() :]):
            continue
        before = re.findall(r"[\w']+", text[: match.start()])
        if before and before[-1].lower() not in _NOT_CREDIT_BEFORE:
            found.append(outlet)
    return found


def _credits_a_picture(name: str, outlet: Outlet, after: str) -> bool:
    """photo_credit: "AP Photo Jane Doe", "REUTERS Jane Doe" (a caption's credit with its slash lost) credit a
    picture, not the story: the agency's name followed by a word of ``photo_credit_words``, or written in capitals
    where the agency writes its name otherwise (picture agencies sign in capitals: "REUTERS/Jane Doe")."""
    following = re.match(r"\s*([\w']+)", after)
    if following is not None and following[1].lower() in _PHOTO_CREDIT_WORDS:
        return True
    return name.isupper() and name not in {outlet.name, *outlet.aliases}


# How far from its end a story's closing credit ("... the agency reported." and a signature) may start.
_CLOSING_CHARS = 200


@functools.cache
def _closing_credit() -> re.Pattern[str]:
    """ "..., Al Jazeera reported." as the story's last words (a short signature of one or two words may follow,
    "... AFP reported. SSH 11"): the outlet whose
    report the whole story retells."""
    verbs = "|".join(re.escape(v) for v in sorted(lexicon().closing_credit_verbs))
    return re.compile(rf"(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){{0,3}}) (?:{verbs})\.\s*(?:\w{{1,5}}\s*){{0,2}}$")


@functools.cache
def _source_credit() -> re.Pattern[str]:
    """ "Source: AFP", "Via Reuters": a credit word, capitalised, then the agency's name."""
    words = "|".join(re.escape(w.capitalize()) for w in sorted(lexicon().credit_words))
    return re.compile(rf"\b(?:{words})\s*:?\s+(?P<name>[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){{0,3}})")


def _descriptor_key(name: str) -> str:
    """ "the London-based watchdog" -> "watchdog": a phrase without articles and "X-based"."""
    ignored = lexicon().descriptor_ignored_words
    words = [w for w in re.split(r"\s+", name.lower().replace("-based", "-based ")) if w]
    return " ".join(w for w in words if w not in ignored and not w.endswith("-based") and w != "based")


@functools.cache
def _spokespeople() -> dict[str, tuple[str, Outlet]]:
    """Folded name of a body's public head or spokesperson (and the surname alone) -> the person's canonical name
    and the body. A body's list gives each person's full name first, then its other spellings: a later name is the
    same person as the first full name it spells alike (:func:`_same_person`)."""
    found: dict[str, tuple[str, Outlet]] = {}
    for outlet in _all_outlets():
        full_names: list[str] = []
        for person in outlet.spokespeople:
            canonical = next((n for n in full_names if _same_person(person, n)), None)
            if canonical is None and len(person.split()) > 1:
                full_names.append(person)
            found.setdefault(person.casefold(), (canonical or person, outlet))
    return found


# Two spellings of one name this alike (difflib ratio over letters only) are one person's: "Abdulrahman" and
# "Abdel Rahman" romanise one Arabic name.
_SAME_PERSON_SIMILARITY = 0.8


def _same_person(name: str, full_name: str) -> bool:
    """ "Rami Abdulrahman" and "Abdel Rahman" are spellings of "Rami Abdel Rahman": the whole name, or the surname
    alone against the full name's end, spelled alike once spaces, hyphens and case are dropped."""
    key, full = (re.sub(r"[^a-z]", "", n.casefold()) for n in (name, full_name))
    tail = full[-len(key) :]
    return any(difflib.SequenceMatcher(None, key, other).ratio() >= _SAME_PERSON_SIMILARITY for other in (full, tail))


@functools.cache
def _all_outlets() -> tuple[Outlet, ...]:
    return tuple(_outlet_entry(entry) for entry in load_yaml("attribution.yaml").get("outlets", []))


def _spokesperson(name: str) -> tuple[str, Outlet] | None:
    """A known spokesperson's canonical name and the body they speak for, also when the name carries words of the
    title before it ("Observatory director Rami Abdel Rahman", read as one name)."""
    folded = " ".join(name.casefold().split())
    people = _spokespeople()
    return people.get(folded) or next(
        (people[p] for p in sorted(people, key=len, reverse=True) if folded.endswith(" " + p)), None
    )


def named_descriptors(text: str) -> dict[str, Outlet]:
    """Descriptor -> the source it stands for in this text: only sources the text names ("a monitor" is the
    Syrian Observatory in a story that names the Observatory, and nobody in particular elsewhere)."""
    found: dict[str, Outlet] = {}
    for outlet in lexicon().described:
        if _is_named_in(outlet, text):
            for descriptor in outlet.descriptors:
                found.setdefault(_descriptor_key(descriptor), outlet)
    return found


def _is_named_in(outlet: Outlet, text: str) -> bool:
    """The text names the source by one of its names, or by its capital ("the defence ministry in Moscow")."""
    for alias in (outlet.name, *outlet.aliases):
        flags = 0 if alias_is_case_sensitive(alias) else re.IGNORECASE
        if re.search(rf"\b{re.escape(alias)}\b", text, flags):
            return True
    return any(pattern.search(text) for pattern in _capital_forms(outlet))


@functools.cache
def _capital_forms(outlet: Outlet) -> tuple[re.Pattern[str], ...]:
    """capital_for_its_state: news writing names a state's body by its capital ("the defence ministry in Moscow",
    "the foreign ministry in Ankara"): for each name of the body that opens with its country's people's word
    ("Russian Defence Ministry"), the rest of the name followed by "in" and the country's capital."""
    row = next((r for r in _country_rows() if outlet.country and r["iso2"] == outlet.country), None)
    if row is None or not row.get("capital"):
        return ()
    demonyms = [d for d in (row.get("demonyms") or "").split("|") if d]
    forms: list[re.Pattern[str]] = []
    for alias in (outlet.name, *outlet.aliases):
        for demonym in demonyms:
            if alias.lower().startswith(demonym.lower() + " "):
                rest = alias[len(demonym) + 1 :]
                forms.append(re.compile(rf"\b{re.escape(rest)}\s+in\s+{re.escape(row['capital'])}\b", re.IGNORECASE))
    return tuple(forms)


# Categories of the bodies a story may go on to call "the group" or "the organisation" (not outlets or states).
_BODY_CATEGORIES = frozenset({"monitor", "ngo", "international"})


@functools.cache
def _body_names() -> tuple[tuple[re.Pattern[str], Outlet], ...]:
    """A pattern per listed monitor, aid body or international body, matching any of its names."""
    found: list[tuple[re.Pattern[str], Outlet]] = []
    for outlet in _all_outlets():
        if outlet.kind != "organisation" or outlet.category not in _BODY_CATEGORIES:
            continue
        for alias in (outlet.name, *outlet.aliases):
            flags = 0 if alias_is_case_sensitive(alias) else re.IGNORECASE
            found.append((re.compile(rf"\b{re.escape(alias)}\b", flags), outlet))
    return tuple(found)


def named_bodies(text: str) -> list[Outlet]:
    """The listed monitors, aid bodies and international bodies a text names, each once, in table order."""
    bodies: dict[str, Outlet] = {}
    for pattern, outlet in _body_names():
        if outlet.name not in bodies and pattern.search(text):
            bodies[outlet.name] = outlet
    return list(bodies.values())


def _is_kind_of_body(name: str) -> bool:
    """ "the group", "an aid group", "the humanitarian organisation", "a Britain-based group", "the U.S.-based rights
    group": a phrase naming only a kind of body (a word of ``body_nouns`` with lower-case words before it), not a
    body's name."""
    words = [w for w in re.findall(r"[\w'.-]+", name) if w.lower() not in _ARTICLES]
    if not words or words[-1].lower() not in _BODY_NOUNS or not words[-1].islower():
        return False
    return all(w.islower() or w.lower().endswith("-based") for w in words[:-1])


def _with_document_context(
    chain: AttributionChain, wire: Outlet | None, named: dict[str, Outlet], sole_body: Outlet | None = None
) -> AttributionChain:
    """Descriptors read as the source the document names ("the group" as the one body it names), and the story's
    wire agency before the publisher."""
    sources: list[Source] = []
    for source in chain.sources:
        outlet = named.get(_descriptor_key(source.name)) if source.kind not in {"publisher", "unnamed"} else None
        if outlet is None and sole_body is not None and source.kind != "publisher" and _is_kind_of_body(source.name):
            outlet = sole_body
        if outlet is None and source.kind in {"person", "official"}:
            # "the monitor's director Omar Haddad said": a body's known spokesperson speaks for the body.
            speaker = _spokesperson(source.name)
            outlet = speaker[1] if speaker is not None else None
        sources.append(Source(outlet.name, outlet.kind, source.span) if outlet else source)
    if wire is not None and wire.name not in {s.name for s in sources}:
        at = len(sources) - 1 if sources and sources[-1].kind == "publisher" else len(sources)
        sources.insert(at, Source(wire.name, wire.kind, None))
    return AttributionChain(sources=_dedupe(sources))


def _is_unattributed_lead(chain: AttributionChain, wire: Outlet | None) -> bool:
    """Nobody but the publisher (and the story's wire agency) stands behind the sentence."""
    return all(s.kind == "publisher" or (wire is not None and s.name == wire.name) for s in chain.sources)


def _names_an_originator(chain: AttributionChain) -> bool:
    """The chain starts with a body or anonymous sources: an organisation, outlet or office that gives facts,
    not a person whose words are a quotation."""
    first = chain.sources[0] if chain.sources else None
    return first is not None and first.kind in {"organisation", "outlet", "government", "unnamed"}


def _leaves_a_quotation_open(text: str) -> bool:
    """The sentence opens a quotation it does not close (an odd number of straight quotes, or more opening curly or
    angle quotes than closing ones)."""
    return text.count('"') % 2 == 1 or sum(text.count(q) for q in "“«") > sum(text.count(q) for q in "”»")


def _closes_a_quotation(text: str) -> bool:
    return text.count('"') % 2 == 1 or sum(text.count(q) for q in "”»") > sum(text.count(q) for q in "“«")


def quotation_openers(texts: Sequence[str]) -> dict[int, tuple[int, int]]:
    """quotation_continues: sentence number -> the numbers of the sentences that open and close the quotation it
    lies in, for the sentences after the opener up to the one that closes it ('Jane Doe said "The shelling went on
    all night. Two houses were destroyed."'). Only a quotation closed within ``_QUOTE_LOOKAHEAD`` sentences, with no
    sentence opening a new one on the way, counts: a stray quote mark opens nothing."""
    openers: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(texts):
        if _leaves_a_quotation_open(texts[k]):
            for j in range(k + 1, min(len(texts), k + 1 + _QUOTE_LOOKAHEAD)):
                if texts[j].lstrip()[:1] in _OPEN_QUOTES:
                    break  # a new quotation begins: the one before was never closed
                if _closes_a_quotation(texts[j]):
                    openers.update((m, (k, j)) for m in range(k + 1, j + 1))
                    k = j
                    break
        k += 1
    return openers


def _names_someone(chain: AttributionChain) -> bool:
    """A source the sentence names stands behind it (not only the publisher and the story's wire credit)."""
    return any(source.span is not None for source in chain.sources)


def _surname_key(name: str) -> str:
    """ "al-Halabi", "Halabi" -> "halabi": a surname without its article, to match a later mention to a full name."""
    last = name.split()[-1].casefold() if name.split() else ""
    return re.sub(r"^(?:al|el|ad|ar|as|ash|at|az)-", "", last)


def _with_full_names(chain: AttributionChain, people: dict[str, str]) -> AttributionChain:
    """surname_after_full_name: a person the story named in full ("local activist Mohammad al-Halabi told the
    paper") and then by surname alone ("Halabi added that ...") is one source, under the full name; ``people``
    (surname key -> full name) collects the story's full names as it goes."""
    sources: list[Source] = []
    for source in chain.sources:
        words = source.name.split()
        if source.kind in {"person", "official"} and len(words) > 1 and words[0][:1].isupper():
            people.setdefault(_surname_key(source.name), source.name)
        elif len(words) == 1 and words[0][:1].isupper() and _lookup_outlet(source.name) is None:
            # The parse may take a surname alone for a body's name ("Saleh added"): a full name the story gave wins.
            full = people.get(_surname_key(source.name)) if source.kind not in {"publisher", "unnamed"} else None
            source = Source(full, source.kind, source.span) if full else source
        sources.append(source)
    return AttributionChain(sources=sources)


def document_chains(sents: Iterable[SpacySpan], publisher: str | None, doc_name: str) -> list[AttributionChain]:
    """The chain of each sentence in order, carrying the last explicit attribution forward; descriptors
    ("the monitor") read as the source the document names, and a wire story's agency in every chain."""
    sents = list(sents)
    text = document_text(sents[0].doc) if sents else ""
    wire = document_wire(text, publisher) if text else None
    named = named_descriptors(text) if text else {}
    bodies = named_bodies(text) if text else []
    sole_body = bodies[0] if len(bodies) == 1 else None  # "the group" is the one body the story names
    chains: list[AttributionChain] = []
    carried: AttributionChain | None = None
    head = lexicon().head_sentences
    openers = quotation_openers([span_text(s) for s in sents])
    closers = {closer for _, closer in openers.values()}
    own = {
        k: _with_document_context(attribution_chain(sents[k], publisher, doc_name), wire, named, sole_body)
        for k in closers
    }
    people: dict[str, str] = {}
    for number, sent in enumerate(sents):
        chain = _with_document_context(attribution_chain(sent, publisher, doc_name, carried), wire, named, sole_body)
        chain = _with_full_names(chain, people)
        quotation = openers.get(number)
        if quotation is not None and not _names_someone(chain):
            # The quotation's speaker says it: the one its closing sentence names after it ('... on the streets."
            # said the monitor's head'), else the one who opened it.
            opener, closer = quotation
            speaker = own[closer] if _names_someone(own[closer]) else chains[opener]
            chain = speaker if _names_someone(speaker) else chain
        if (
            0 < len(chains) <= head
            and all(_is_unattributed_lead(c, wire) for c in chains)
            and _names_an_originator(chain)
        ):
            # A story's head (title, lead) states the facts and the next sentence says who gave them ("At least 12
            # were killed in Idlib on Monday. The Observatory said the strikes hit a market."): they are theirs too.
            chains = [chain] * len(chains)
        if _without_publisher(chain):
            carried = chain
        chains.append(chain)
    return chains
