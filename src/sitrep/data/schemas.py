"""A schema per data file: unknown keys, misspelt names and values of the wrong kind are errors naming the file.

``sitrep.data.load_yaml`` validates each file against the model registered for it here, once per process, and
hands stage code the same plain data as before; the models only check. Every model forbids keys it does not
declare, so a misspelt key ("sub_event_typs") is an error instead of a rule that silently never fires. Event
types and sub-types are the ontology's Literals (``sitrep.data.ontology_types``), and a rule that names both is
checked for a sub-type of its own type.

A new data file needs a schema here (``SCHEMAS``); a lexicon under ``data/<lang>/`` has one already
(``Lexicon``). tests/test_data_files.py fails on a YAML file without one.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, StrictBool, StrictStr, ValidationError, model_validator

from sitrep.data.ontology_types import SUB_EVENT_TYPES, EventType, SubEventType
from sitrep.model import DatePrecision, Modality, PlacePrecision, SourceKind


class DataFileError(ValueError):
    """A data file does not match its schema: the message names the file, the key path and what is wrong."""


# YAML 1.1 reads an unquoted yes/no/on/off as true/false, so "on" in a word list silently becomes True: a word is
# a string and nothing else.
Word = StrictStr
Words = list[Word]
Number = int | float
# Factors written as strings ("0.9") are read as fractions by extract/quantities.py.
Factor = int | float | StrictStr
ActorType = Literal[
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
    "Unidentified",
]


class Strict(BaseModel):
    """A mapping whose keys are all declared fields; a field with a default may be left out.

    Word lists that their stage reads with a default (``config.get(key, [])``) have one here too, so a list moved
    to ``data/<lang>/`` may leave its old file; settings a stage indexes directly are required.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_SUBS_OF: dict[str, tuple[str, ...]] = {event_type: tuple(subs) for event_type, subs in SUB_EVENT_TYPES.items()}


def _check_sub_type(event_type: str, sub: str | None) -> None:
    if sub is not None and sub not in _SUBS_OF[event_type]:
        raise ValueError(f"{sub!r} is not a sub-type of {event_type!r}")


# --- lexicons: data/<lang>/<topic>.yaml ---------------------------------------------------------------------


class WordList(Strict):
    doc: Annotated[StrictStr, Field(min_length=1, pattern=r"\S")]
    words: Annotated[Words, Field(min_length=1)]


class Lexicon(RootModel[dict[str, WordList]]):
    """data/<lang>/<topic>.yaml: named word lists, each ``{doc: the pattern it serves, words: [...]}``."""


# --- actors.yaml ------------------------------------------------------------------------------------------


class Actor(Strict):
    name: StrictStr
    type: ActorType
    country: StrictStr | None = None
    aliases: Words = []
    metonyms: Words = []
    ruler: StrictBool = True


class ContextualActor(Strict):
    prefix: StrictStr
    type: ActorType
    unknown: StrictStr
    aliases: Words = []
    modifiers: Words = []
    template: StrictStr | None = None
    names: dict[str, StrictStr] = {}


class ActorConventions(Strict):
    actor1_by_type: dict[EventType, StrictStr]
    replaceable_actor1_types: list[ActorType]
    civilian_victims_types: list[EventType]
    civilian_target_types: list[EventType]
    victim_target_types: list[EventType]
    civilian_actor: StrictStr
    # An act whose doer its sentence leaves unsaid takes the doer the same document names for that kind of act.
    shared_doer_sub_types: list[SubEventType] = []
    # ... and with none named there, the forces of that kind of the country it happens in (air strikes: its army).
    default_doer_by_sub_type: dict[SubEventType, StrictStr] = {}
    # ... only in these countries (ISO2): where the state is the one air power of its war; elsewhere unidentified.
    default_doer_countries: list[StrictStr] = []
    # ... and of these kinds, the side it was done against too when the sentence names none (a fight's two sides).
    shared_target_sub_types: list[SubEventType] = []
    # A fight's named dead whose side is not the one they fought against are its other side (actor1).
    victim_side_types: list[EventType] = []
    # A fight whose sentence names its doer but not whom it fought is against the side the article names that doer
    # fighting.
    shared_opponent_types: list[EventType] = []
    # The dead a report counts without naming their side ("at least 45 killed") are civilians in these acts.
    unnamed_victims_types: list[EventType] = []
    # An event of these kinds whose reports name no target is against civilians.
    unnamed_target_sub_types: list[SubEventType] = []


class RoleWords(Strict):
    installations: Words = []
    attack_nouns: Words = []
    force_nouns: Words = []
    identity_links: Words = []
    reciprocal: Words = []
    repel: Words = []
    respond: Words = []
    suffer: Words = []
    partitives: Words = []
    group_heads: Words = []
    aiming: Words = []
    crowd_control: Words = []


class ActorsFile(Strict):
    conventions: ActorConventions
    contextual: list[ContextualActor]
    roles: RoleWords
    actors: list[Actor]
    demonyms: dict[str, StrictStr]

    @model_validator(mode="after")
    def _aliases_name_one_actor(self) -> ActorsFile:
        """An alias (any case) names one actor: the dictionary keeps the first and would drop the other silently."""
        owners: dict[str, set[str]] = {}
        for actor in self.actors:
            for alias in [actor.name, *actor.aliases, *actor.metonyms]:
                owners.setdefault(alias.lower(), set()).add(actor.name)
        shared = {alias: sorted(names) for alias, names in owners.items() if len(names) > 1}
        if shared:
            raise ValueError(f"aliases naming more than one actor: {shared}")
        names = Counter(actor.name for actor in self.actors)
        if twice := sorted(name for name, n in names.items() if n > 1):
            raise ValueError(f"actors listed twice: {twice}")
        known = set(names)
        if missing := sorted({name for name in self.demonyms.values() if name not in known}):
            raise ValueError(f"demonyms name unknown actors: {missing}")
        return self


# --- attribution.yaml -------------------------------------------------------------------------------------


class Outlet(Strict):
    name: StrictStr
    kind: SourceKind = "outlet"
    category: StrictStr = "outlet"
    country: StrictStr | None = None
    aliases: Words = []
    descriptors: Words = []
    spokespeople: Words = []
    speaking_names: Words = []


class AttributionFile(Strict):
    speech_verbs: Words = []
    not_attribution_objects: Words = []
    not_attribution_objects_of: dict[str, Words] = {}
    citing_verbs: Words = []
    according_words: Words = []
    statement_nouns: Words = []
    document_nouns: Words = []
    not_source_nouns: Words = []
    member_nouns: Words = []
    partitive_heads: Words = []
    reporter_nouns: Words = []
    unnamed_nouns: Words = []
    unnamed_people_heads: Words = []
    unnamed_people_modifiers: Words = []
    anonymity_words: Words = []
    witness_nouns: dict[str, StrictStr] = {}
    official_titles: Words = []
    audience_nouns: Words = []
    outlet_nouns: Words = []
    relay_prepositions: Words = []
    credit_words: Words = []
    head_sentences: int
    closing_credit_verbs: Words = []
    armed_group_actor_types: list[ActorType] = []
    descriptor_ignored_words: Words = []
    anaphoric_pronouns: Words = []
    outlets: list[Outlet]


# --- background.yaml --------------------------------------------------------------------------------------


class BackgroundRule(Strict):
    name: StrictStr
    doc: StrictStr
    reach_words: int
    holds_trigger: bool = False
    not_the_title: bool = False
    patterns: Annotated[Words, Field(min_length=1)]
    requires: StrictStr | None = None
    unless: StrictStr | None = None
    sub_event_types: list[SubEventType] | None = None


class BackgroundFile(Strict):
    history_after_days: int
    history_date_after_trigger_words: int = 0
    history_pluperfect_reach_words: int = 0
    rules: list[BackgroundRule]


# --- claims.yaml ------------------------------------------------------------------------------------------


class ClaimsFile(Strict):
    repetition_units: Words
    tally_heads: dict[str, Words]
    period_cues: Words
    period_lengths: Words
    troop_units: Words
    stationing_lemmas: Words
    total_cues: Words
    ongoing_conflict_nouns: Words
    war_nouns: Words
    conflict_start_lemmas: Words
    loss_lemmas: Words
    toll_kinds: Words
    harm_lemmas: Words
    displacement_kinds: Words
    displacement_lemmas: Words
    displacement_units: Words
    population_cues: Words
    area_units: Words
    territory_lemmas: Words
    share_cues: Words
    ultimatum_lemmas: Words
    deadline_units: Words
    intention_lemmas: Words
    future_auxiliaries: Words
    statement_lemmas: Words
    commitment_lemmas: Words
    condition_markers: Words
    not_planned_kinds: Words
    figure_nouns: Words
    denial_lemmas: Words
    denied_statement_nouns: Words
    toll_statement_triggers: Words
    second_toll_max_ratio: float
    war_scale_toll_min: int
    blaming_lemmas: Words
    blamed_on_prepositions: Words
    holding_lemmas: Words
    responsible_words: Words
    behind_words: Words
    perpetration_lemmas: Words


# --- contradictions.yaml, datelines.yaml, incidents.yaml, furniture.yaml, languages.yaml -----------------


class ContradictionsFile(Strict):
    contested_figure_kinds: Words
    denial_disputes: list[Modality]
    vague_counts: Words
    max_figure_ratio: Number
    same_place_km: Number
    head_stamp_chars: int
    perpetrator_event_types: Words
    incident_days: int


class DatelinesFile(Strict):
    max_prefix_chars: int
    patterns: Words


class FigurePerPlace(Strict):
    reach_words: int
    place_prepositions: Words
    preposition_within_words: int
    ordinals: dict[str, int]
    clause_joiners: Words
    not_counts: Words


class IncidentsFile(Strict):
    type_families: dict[str, list[EventType]]
    one_act_two_ways: list[tuple[EventType, EventType]] = []
    two_acts_by_means: list[tuple[SubEventType, SubEventType]] = []
    facts_of_an_incident: list[SubEventType]
    told_with_an_incident: list[SubEventType] = []
    one_sided_types: list[EventType] = []
    doer_modifier_reach_words: int = 0
    unrealised_modalities: list[Modality]
    another_incident_cues: Words
    another_incident_within_words: int
    headline_within_chars: int
    times_not_places: Words
    figure_per_place: FigurePerPlace | None = None


class FurnitureFile(Strict):
    link: Words
    comments: Words
    byline: Words
    caption: Words
    caption_max_chars: int
    headline_max_chars: int


class LanguagesFile(Strict):
    supported: Words
    min_words: int
    min_share: Number
    scripts: dict[str, Words]
    stopwords: dict[str, Words]


# --- dates.yaml -------------------------------------------------------------------------------------------


class DateRule(Strict):
    name: StrictStr
    handler: StrictStr
    pattern: StrictStr
    unit: StrictStr | None = None
    offset: int | None = None
    precision: DatePrecision | None = None
    length: int | None = None
    until_published: StrictBool | None = None
    days: int | None = None
    mode: StrictStr | None = None


class DatesFile(Strict):
    months: dict[int, Words]
    ambiguous_months: Words
    weekdays: dict[int, Words]
    parts_of_month: dict[str, list[int]]
    parts_of_year: dict[str, list[int]]
    parts_of_week: dict[str, list[int]]
    counts: dict[str, int]
    week_ordinals: dict[str, list[int]]
    relative_offsets: dict[str, int]
    future_window_days: int
    numeric_day_first: StrictBool
    week_half_width: int
    same_day_phrases: Words
    background_after_days: int
    carry_last_date_days: int
    carried_precisions: list[Literal["day", "week", "part-of-month", "month", "approximate", "year"]]
    statement_lead_days: int
    future_event_days: int
    undated_days_before: int
    stamped_days_before: int
    period_start_cues: Words
    rules: list[DateRule]
    shift_before_date: StrictStr
    caption_date_before: StrictStr
    caption_date_end: StrictStr

    @model_validator(mode="after")
    def _calendar_complete(self) -> DatesFile:
        if sorted(self.months) != list(range(1, 13)) or sorted(self.weekdays) != list(range(7)):
            raise ValueError("months are numbered 1-12 and weekdays 0-6 (Monday), each once")
        return self


# --- exports.yaml -----------------------------------------------------------------------------------------


class ExportsFile(Strict):
    acled_columns: Words
    sitrep_columns: Words
    time_precision: dict[DatePrecision, int]
    geo_precision: dict[PlacePrecision, int]
    disorder_type: dict[EventType, StrictStr]
    inter_codes: dict[ActorType, int]
    plover_mode: dict[SubEventType, StrictStr]


# --- framing.yaml -----------------------------------------------------------------------------------------


class ScareQuotes(Strict):
    category: StrictStr
    used_by: StrictStr
    max_words: int


class FramingTerm(Strict):
    term: StrictStr
    forms: Words | None = None
    category: StrictStr
    used_by: StrictStr = ""
    except_: Words = Field(default=[], alias="except")


class FramingFile(Strict):
    categories: Words = []
    scare_quotes: ScareQuotes
    label_modifiers: Words = []
    label_heads: Words = []
    common_nouns: Words = []
    negators: Words = []
    negation_window: int
    terms: list[FramingTerm]

    @model_validator(mode="after")
    def _categories_known(self) -> FramingFile:
        known = set(self.categories)
        unknown = sorted({t.category for t in self.terms} - known) or (
            [self.scare_quotes.category] if self.scare_quotes.category not in known else []
        )
        if unknown:
            raise ValueError(f"categories not listed in `categories`: {unknown}")
        return self


# --- modality.yaml ----------------------------------------------------------------------------------------


class Governor(Strict):
    lemmas: Annotated[Words, Field(min_length=1)]
    modality: Modality
    pos: Words = []
    via: Words = []
    needs_child: Words = []
    not_with: Words = []
    not_with_objects: Words = []


class Modifier(Strict):
    modality: Modality
    strength: Literal["strong", "weak"] = "strong"


class ReportedFuture(Strict):
    modals: Words
    statements: Words


class ModalityFile(Strict):
    governors: list[Governor]
    passive_hedges: dict[str, Modality] = {}
    modifiers: dict[str, Modifier] = {}
    negators: Words = []
    conditional_marks: Words = []
    future_marks: Words = []
    account_statements: Words = []
    clause_boundaries: Words = []
    reported_future: ReportedFuture
    counterfactual_modals: Words = []
    threat_modals: Words = []


# --- ontology.yaml ----------------------------------------------------------------------------------------

PloverCategory = Literal[
    "AGREE", "ASSAULT", "AID", "ACCUSE", "CONCEDE", "COERCE", "CONSULT", "DEMAND", "DISAPPROVE", "ENGAGE",
    "FIGHT", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
]  # fmt: skip


class Trigger(Strict):
    lemmas: Annotated[Words, Field(min_length=1)]
    event_type: EventType
    sub_event_type: SubEventType
    object_needs: Words | None = None
    nouns_need: Words | None = None
    state_actor_sub: SubEventType | None = None
    needs_any: Words | None = None
    defers: StrictBool = False
    kind: StrictStr = "plain"
    needs_instrument: StrictBool = False
    needs_military: StrictBool = False
    weak: StrictBool = False
    verbs_only: StrictBool = False
    instrument_subject: StrictBool = False
    only_in_headlines: StrictBool = False
    only_in_lone_headlines: StrictBool = False
    weapon_in_own_phrase: StrictBool = False
    no_object: StrictBool = False
    plover: PloverCategory | None = None

    @model_validator(mode="after")
    def _sub_types_of_the_type(self) -> Trigger:
        _check_sub_type(self.event_type, self.sub_event_type)
        _check_sub_type(self.event_type, self.state_actor_sub)
        return self


class RemoteWeaponAttack(Strict):
    types: list[EventType]
    attack_words: Words
    means_words: Words
    within_chars: int


class CrowdIsNoArmy(Strict):
    actor_types: list[ActorType]
    types: list[EventType]


class KillingInCaptivity(Strict):
    lemmas: Words
    victim_cues: Words
    executed_deeds: Words


class TypingConstraints(Strict):
    trigger_family: dict[str, list[EventType]]
    no_weapon_no_remote_violence: list[EventType]
    remote_weapon_attack_is_remote_violence: RemoteWeaponAttack
    crowd_is_no_army: CrowdIsNoArmy


class OntologyFile(Strict):
    # Keys are read as names (not Literals) so that a new type is reported against the generated module.
    event_types: dict[StrictStr, dict[StrictStr, PloverCategory]]
    triggers: list[Trigger]
    typing_constraints: TypingConstraints
    one_sided_plover: PloverCategory
    plover_by_lemma: dict[str, PloverCategory]
    instruments: dict[SubEventType, Words]
    crowd_control_cues: Words
    crowd_control_verbs: Words
    intervention_cues: Words
    excessive_force_cues: Words
    riot_cues: Words
    no_fight_cues: Words
    not_held_cues: Words
    sexual_violence_cues: Words
    battle_cues: Words
    military_target_cues: Words
    individual_victims: Words
    combatant_victims: Words
    killing_in_captivity: KillingInCaptivity
    armed_actor_types: list[ActorType]
    armed_cues: Words
    perpetrator_cues: Words
    civilian_cues: Words
    armed_group_subjects: Words
    military_cues: Words
    generic_governors: Words
    abstract_enemies: Words
    aspectual_verbs: Words

    @model_validator(mode="after")
    def _one_type_per_sub_type(self) -> OntologyFile:
        seen = Counter(sub for subs in self.event_types.values() for sub in subs)
        if twice := sorted(sub for sub, n in seen.items() if n > 1):
            raise ValueError(f"sub-types under more than one type: {twice}")
        return self


# --- place_phrases.yaml -----------------------------------------------------------------------------------


class PlacePhrasesFile(Strict):
    heads: Words
    modifier_labels: Words
    locatives: Words
    institution_words: Words
    feature_heads: Words
    not_place_words: Words
    owner_nouns: Words
    sponsor_participles: Words
    apposition_words: Words
    province_heads: Words


# --- quantities.yaml --------------------------------------------------------------------------------------


class Bound(Strict):
    factor: Factor = 1
    add: int = 0


class Qualifier(Strict):
    words: Annotated[Words, Field(min_length=1)]
    low: Bound | None = None
    best: Bound | None = None
    high: Bound | None = None


class VagueAmount(Strict):
    low: int | None = None
    high: int | None = None


class QuantitiesFile(Strict):
    number_words: dict[str, int]
    scale_words: dict[str, int]
    exact_phrases: dict[str, int]
    vague_amounts: dict[str, VagueAmount]
    vague_need_known_head: Words
    qualifiers: dict[str, Qualifier]
    post_qualifiers: dict[str, StrictStr]
    range_joiners: Words
    unit_heads: dict[str, Words]
    singulars: dict[str, StrictStr]
    compound_modifiers: Words
    not_count_heads: Words
    adjectival_heads: dict[str, StrictStr]
    casualty_heads: dict[str, StrictStr]
    casualty_verbs_after: dict[str, Words]
    casualty_verbs_before: dict[str, Words]
    toll_links: Words
    auxiliaries: Words
    subset_before: Words
    figure_asides: Words
    subset_after: dict[str, Words]
    noun_phrase_adjectives: Words
    stop_words: Words
    non_violent_sub_types: list[SubEventType]

    @model_validator(mode="after")
    def _post_qualifiers_named(self) -> QuantitiesFile:
        if unknown := sorted(set(self.post_qualifiers.values()) - set(self.qualifiers)):
            raise ValueError(f"post_qualifiers name unknown qualifiers: {unknown}")
        return self


# --- resolve.yaml -----------------------------------------------------------------------------------------


class TypeConfusion(Strict):
    types: Annotated[list[EventType], Field(min_length=2, max_length=2)]
    score: Number


class PlaceMatch(Strict):
    same_place_km: Number
    distinct_place_max: Number
    nested_place_max: Number


class DateMatch(Strict):
    slack_days: int
    slack_score: Number
    overlap_score: dict[DatePrecision, Number]
    candidate_window_days: int
    restated_reach_days: int = 0


class Weights(Strict):
    type: Number
    date: Number
    place: Number
    actors: Number
    fatalities: Number
    text: Number


class Thresholds(Strict):
    attach: Number
    merge: Number
    attach_without_date_or_place: Number


class TextSimilarity(Strict):
    min_token_length: int
    stopwords: Words


class ClaimSimilarity(Strict):
    similarity_threshold: Number
    stopwords: Words


class ResolveFile(Strict):
    document_reports_once: StrictBool
    two_ways_need_the_day: StrictBool
    lead_outvoted_by: Annotated[int, Field(ge=1)]
    told_window_max_days: Annotated[int, Field(ge=1)]
    recalled_day_gap_days: Annotated[int, Field(ge=0)]
    type_confusions: list[TypeConfusion]
    place_tolerance_km: dict[PlacePrecision, Number | None]
    place_match: PlaceMatch
    place_precision_rank: list[PlacePrecision]
    event_place_fineness: dict[PlacePrecision, int]
    date: DateMatch
    weights: Weights
    missing_component_score: Number
    generic_actors: Words
    actor_swap_score: Number
    symmetric_actor_types: list[EventType]
    subtype_strict_types: list[EventType]
    actor_generic_words: Words
    thresholds: Thresholds
    text: TextSimilarity
    asserting_modalities: list[Modality]
    figure_modalities: list[Modality]
    claims: ClaimSimilarity


# --- geo/*.yaml -------------------------------------------------------------------------------------------


class MentionWordsFile(Strict):
    determiners: Words
    qualifiers: Words
    participles: Words
    directions: dict[str, Words]
    admin_heads: Words
    site_heads: Words
    head_modifiers: Words
    town_heads: Words
    border_heads: Words
    admin_prefixes: Words
    country_abbreviations: Words
    country_name_not_before: dict[str, Words]
    country_sponsor_words: Words
    town_parts: Words
    small_place_heads: Words
    restated_place_words: Words
    never_places: Words
    name_articles: Words
    admin_generic_words: Words


class TransliterationClass(Strict):
    name: StrictStr
    doc: StrictStr
    rewrite: Annotated[list[tuple[StrictStr, StrictStr]], Field(min_length=1)]  # (regex, replacement), in order
    same: list[tuple[StrictStr, StrictStr]] = []  # spellings the class brings to one key (checked by tests)
    # "inner": the rewrites apply to every word of a name but its last (a word followed by another)
    words: Literal["all", "inner"] = "all"


class TransliterationFile(Strict):
    doc: StrictStr
    min_letters: int
    classes: list[TransliterationClass]


class Prominence(Strict):
    country: Number
    region: Number
    site: Number
    admin1: Number
    admin2: Number


class CountryScores(Strict):
    sentence: Number
    first: Number
    other: Number
    absent: Number
    neighbour: Number


class KindScores(Strict):
    match: Number
    mismatch: Number
    direction_area: Number
    core_alias_without_hint: Number


class NearbyScores(Strict):
    same_admin1: Number
    within_radius: Number
    radius_km: Number
    sentence_place: Number
    sentence_place_km: Number
    stated_side: Number
    stated_side_degrees: Number
    side_reach_words: int


class ScoringFile(Strict):
    name: Number
    skeleton_floor: Number
    skeleton_min_ratio: Number
    min_similarity: Number
    exact_name_floor: Number
    landmark_min_population: int
    country_min_similarity: Number
    whole_mention: Number
    prominence_weight: Number
    prominence: Prominence
    country: CountryScores
    kind: KindScores
    nearby: NearbyScores
    abroad_min_population: int
    fuzzy_min_similarity: Number
    fuzzy_min_similarity_anywhere: Number
    look_alike_min_letters: int
    romanisation_at_home_min_words: int
    implied_country_min_population: int
    implied_country_max_namesakes: int
    implied_country_min_share: Number
    main_name: Number
    province_seat: Number


# --- a language's pipeline and parser labels: data/<lang>/pipeline.yaml, data/<lang>/syntax.yaml ------------


class LanguagePipeline(Strict):
    """Which spaCy model package parses this language (sitrep.nlp.language)."""

    doc: str
    model_package: str


class SyntaxRole(Strict):
    """A grammatical role a rule asks for by name, and the parser's labels for it."""

    doc: str
    labels: list[str]


class SyntaxFile(Strict):
    """The syntax adapter's role names per kind of label (sitrep.nlp.syntax)."""

    dependencies: dict[str, SyntaxRole]
    parts_of_speech: dict[str, SyntaxRole]
    tags: dict[str, SyntaxRole]
    entities: dict[str, SyntaxRole]


# --- rules.yaml: the order of each rule cascade (sitrep.extract.rules) -------------------------------------


class Cascade(Strict):
    doc: str
    rules: list[str]


class RulesFile(RootModel[dict[str, Cascade]]):
    """Each cascade's registered rule names, first to last."""


# --- the registry -----------------------------------------------------------------------------------------

SCHEMAS: dict[str, type[BaseModel]] = {
    "actors.yaml": ActorsFile,
    "attribution.yaml": AttributionFile,
    "background.yaml": BackgroundFile,
    "claims.yaml": ClaimsFile,
    "contradictions.yaml": ContradictionsFile,
    "datelines.yaml": DatelinesFile,
    "dates.yaml": DatesFile,
    "exports.yaml": ExportsFile,
    "framing.yaml": FramingFile,
    "furniture.yaml": FurnitureFile,
    "incidents.yaml": IncidentsFile,
    "languages.yaml": LanguagesFile,
    "modality.yaml": ModalityFile,
    "ontology.yaml": OntologyFile,
    "place_phrases.yaml": PlacePhrasesFile,
    "quantities.yaml": QuantitiesFile,
    "resolve.yaml": ResolveFile,
    "rules.yaml": RulesFile,
    "geo/mention_words.yaml": MentionWordsFile,
    "geo/scoring.yaml": ScoringFile,
    "geo/transliteration.yaml": TransliterationFile,
}
# data/<lang>/<topic>.yaml, a language's lexicon (two-letter ISO 639-1 folder names; geo/ is not a language).
_LEXICON = re.compile(r"[a-z]{2}/[a-z0-9_]+\.yaml")
# The files of a language folder that are not word lists.
_LANGUAGE_FILES: dict[str, type[BaseModel]] = {"pipeline.yaml": LanguagePipeline, "syntax.yaml": SyntaxFile}


def schema_for(name: str) -> type[BaseModel] | None:
    """The schema of data file ``name`` (a path relative to data/, with forward slashes), None if it has none."""
    if name in SCHEMAS:
        return SCHEMAS[name]
    if not _LEXICON.fullmatch(name):
        return None
    return _LANGUAGE_FILES.get(name.split("/", 1)[1], Lexicon)


def _where(loc: tuple[int | str, ...]) -> str:
    return "/".join(str(part) for part in loc) or "(top level)"


def _describe(error: Any) -> str:
    text = f"{_where(error['loc'])}: {error['msg']}"
    if isinstance(error.get("input"), bool):
        text = f"{_where(error['loc'])}: {error['input']} is not a word (YAML reads an unquoted yes/no/on/off as "
        text += "true/false: quote it)"
    elif error["type"] == "extra_forbidden":
        text = f"{_where(error['loc'])}: unknown key (not in the schema of sitrep/data/schemas.py)"
    elif error["type"] == "missing":
        text = f"{_where(error['loc'])}: missing key"
    return text


def validate(name: str, data: Any) -> None:
    """Check the loaded data of file ``name`` against its schema; a DataFileError names every problem found."""
    schema = schema_for(name)
    if schema is None:
        return
    try:
        schema.model_validate(data)
    except ValidationError as error:
        problems = "\n  ".join(_describe(e) for e in error.errors())
        raise DataFileError(f"data/{name} does not match its schema:\n  {problems}") from None
