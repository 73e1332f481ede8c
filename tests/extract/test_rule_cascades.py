"""Rule cascades (sitrep.extract.rules) and the actor, trigger and event rules registered in them, each by name.

Every rule is run alone on an invented sentence, so a test names the pattern it checks; the cascade tests
check that the order in data/rules.yaml lists exactly the registered rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest
from spacy.tokens import Doc, Token

from sitrep.extract import actors, events, extract_document, rules, triggers
from sitrep.extract.actors import (
    GOVERNING_VERB,
    NOMINAL_DEPENDENT,
    NOMINAL_SIDES,
    VERB_AGENTS,
    VERBAL_DEPENDENT,
    VERBAL_SIDES,
    _Clause,
    _governor,
    _Sides,
    actor_dictionary,
)
from sitrep.extract.events import MENTION_ROUTES, SENTENCE_YIELD
from sitrep.extract.rules import Cascade, RuleRegistryError, cascades
from sitrep.extract.triggers import ATTACK_CUES, CONVENTION_CUES, REMOTE_CUES
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.nlp import load_pipeline


@pytest.fixture
def scratch_cascades() -> Iterator[None]:
    """Cascades a test declares are forgotten after it."""
    before = dict(rules._CASCADES)
    yield
    rules._CASCADES.clear()
    rules._CASCADES.update(before)


def clause_for(sentence: str, trigger: str) -> _Clause:
    """The clause a side rule reads, for the first token ``trigger`` of ``sentence``, as `_sides` builds it."""
    token = next(t for t in load_pipeline()(sentence) if t.text == trigger)
    dictionary = actor_dictionary()
    governor = _governor(token, dictionary.words) if actors._is_nominal(token) else None
    words = dictionary.words
    reciprocal = token.lemma_.lower() in words.reciprocal or (
        governor is not None and governor.lemma_.lower() in words.reciprocal
    )
    return _Clause(token, dictionary, _Sides(), governor, reciprocal)


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def child(clause: _Clause, text: str) -> Token:
    return next(c for c in clause.trigger.children if c.text == text)


def test_every_cascade_lists_exactly_its_registered_rules() -> None:
    declared = cascades()
    assert {
        "actors.nominal_sides",
        "actors.verbal_sides",
        "triggers.convention_cues",
        "events.mention_routes",
        "events.sentence_yield",
    } <= set(declared)
    for cascade in declared.values():
        assert [rule.__name__ for rule in cascade.rules()], cascade.name
        assert set(cascade.order()) == set(cascade.named())


@pytest.mark.usefixtures("scratch_cascades")
def test_a_cascade_naming_an_unregistered_rule_is_an_error_naming_it() -> None:
    cascade = Cascade[actors.SideRule]("actors.verbal_sides.copy")
    cascade.order = lambda: ("doer", "misspelt")  # type: ignore[method-assign]

    @cascade.register("doer")
    def doer(clause: _Clause) -> bool:
        """Test rule."""
        return False

    with pytest.raises(RuleRegistryError, match="'misspelt'"):
        cascade.rules()


@pytest.mark.usefixtures("scratch_cascades")
def test_a_rule_without_a_docstring_or_registered_twice_is_refused() -> None:
    cascade = Cascade[actors.SideRule]("test.refusals")
    with pytest.raises(RuleRegistryError, match="no docstring"):
        cascade.register("silent")(lambda clause: False)
    with pytest.raises(RuleRegistryError, match="registered twice"):
        cascade.register("doer")(actors._doer)
        cascade.register("doer")(actors._doer)


@pytest.mark.usefixtures("scratch_cascades")
def test_a_cascade_missing_from_the_rules_file_is_named() -> None:
    with pytest.raises(RuleRegistryError, match=r"no cascade 'test\.undeclared'"):
        Cascade[actors.SideRule]("test.undeclared").rules()


# Nominal triggers: each dependent rule on its own.


def test_agent_phrase_an_assault_by_someone() -> None:
    clause = clause_for("The assault by the rebels lasted an hour.", "assault")
    assert NOMINAL_DEPENDENT.named()["agent_phrase"](clause, child(clause, "by"))
    assert texts(clause.sides.agents) == ["rebels"]


def test_between_sides_fighting_between_two_forces() -> None:
    clause = clause_for("Clashes between the army and the militia lasted all night.", "Clashes")
    assert NOMINAL_DEPENDENT.named()["between_sides"](clause, child(clause, "between"))
    assert texts(clause.sides.agents) == ["army"] and texts(clause.sides.targets) == ["militia"]


def test_target_phrase_raids_on_positions_and_the_bombing_of_a_market() -> None:
    clause = clause_for("The raids on rebel positions continued.", "raids")
    assert NOMINAL_DEPENDENT.named()["target_phrase"](clause, child(clause, "on"))
    assert texts(clause.sides.targets) == ["positions"]
    clause = clause_for("The bombing of the market shocked the town.", "bombing")
    assert NOMINAL_DEPENDENT.named()["target_phrase"](clause, child(clause, "of"))
    assert texts(clause.sides.targets) == ["market"]


def test_modifier_agent_the_armys_offensive() -> None:
    clause = clause_for("The army's offensive stalled.", "offensive")
    assert NOMINAL_DEPENDENT.named()["modifier_agent"](clause, child(clause, "army"))
    assert texts(clause.sides.agents) == ["army"]


def test_participle_author_an_ambush_carried_out_by_a_group() -> None:
    clause = clause_for("An ambush carried out by the militia left four dead.", "ambush")
    assert NOMINAL_DEPENDENT.named()["participle_author"](clause, child(clause, "carried"))
    assert texts(clause.sides.agents) == ["militia"]


def test_relative_clause_target_a_raid_that_wounded_guards() -> None:
    clause = clause_for("It was a raid that wounded four guards.", "raid")
    assert NOMINAL_DEPENDENT.named()["relative_clause_target"](clause, child(clause, "wounded"))
    assert texts(clause.sides.targets) == ["guards"]


def test_a_dependent_no_rule_reads_adds_nothing() -> None:
    clause = clause_for("The assault by the rebels lasted an hour.", "assault")
    determiner = child(clause, "The")
    assert not any(rule(clause, determiner) for rule in NOMINAL_DEPENDENT.rules())
    assert clause.sides == _Sides()


# Nominal triggers: the governing verb.


def test_repelled_attack_the_subject_of_repelling_is_the_side_attacked() -> None:
    clause = clause_for("The garrison repelled an assault on the town.", "assault")
    assert GOVERNING_VERB.named()["repelled_attack"](clause)
    assert texts(clause.sides.targets) == ["garrison"] and clause.sides.agents == []


def test_undergone_attack_came_under_fire() -> None:
    clause = clause_for("The village came under heavy fire on Sunday.", "fire")
    assert GOVERNING_VERB.named()["undergone_attack"](clause)
    assert texts(clause.sides.targets) == ["village"]


def test_doer_of_verb_who_launched_the_raids_did_them() -> None:
    clause = clause_for("The rebels launched raids on Sunday.", "raids")
    assert GOVERNING_VERB.named()["doer_of_verb"](clause)
    assert texts(clause.sides.agents) == ["rebels"]


def test_doer_of_verb_a_witness_verb_says_nothing_of_who_acted() -> None:
    clause = clause_for("Witnesses heard the shelling overnight.", "shelling")
    assert not GOVERNING_VERB.named()["doer_of_verb"](clause)
    assert clause.sides == _Sides()


def test_subject_of_verb_what_an_attack_hit_is_its_target() -> None:
    clause = clause_for("A mortar attack killed two guards.", "attack")
    assert not NOMINAL_SIDES.named()["subject_of_verb"](clause)
    assert texts(clause.sides.targets) == ["guards"]


# Verbal triggers.


def test_repelled_attack_ends_the_cascade_when_the_attacker_is_named() -> None:
    clause = clause_for("Soldiers repelled an attack by Houthi fighters.", "repelled")
    assert VERBAL_SIDES.named()["repelled_attack"](clause)
    assert texts(clause.sides.agents) == ["fighters"] and texts(clause.sides.targets) == ["Soldiers"]


def test_doer_the_subject_of_an_event_verb_acts() -> None:
    clause = clause_for("Gunmen attacked a checkpoint.", "attacked")
    assert not VERBAL_SIDES.named()["doer"](clause)
    assert texts(clause.sides.agents) == ["Gunmen"]


def test_passive_subject_is_the_target() -> None:
    clause = clause_for("A convoy was ambushed near the bridge.", "ambushed")
    assert VERBAL_DEPENDENT.named()["passive_subject"](clause, child(clause, "convoy"))
    assert texts(clause.sides.targets) == ["convoy"]


def test_verbal_target_phrase_fired_on_a_convoy() -> None:
    clause = clause_for("Gunmen fired on a convoy.", "fired")
    assert VERBAL_DEPENDENT.named()["target_phrase"](clause, child(clause, "on"))
    assert texts(clause.sides.targets) == ["convoy"]


def test_direct_objects_are_targets() -> None:
    clause = clause_for("Gunmen shelled the town.", "shelled")
    assert not VERBAL_SIDES.named()["direct_objects"](clause)
    assert texts(clause.sides.targets) == ["town"]


def test_coordinated_subjects_of_a_fight_are_its_two_sides() -> None:
    clause = clause_for("The army and the militia clashed overnight.", "clashed")
    assert clause.reciprocal
    VERBAL_SIDES.named()["coordinated_subjects"](clause)
    assert texts(clause.sides.targets) == ["militia"]


def test_coordinated_subjects_of_an_attack_act_together() -> None:
    clause = clause_for("The army and the militia shelled the town.", "shelled")
    VERBAL_SIDES.named()["coordinated_subjects"](clause)
    assert texts(clause.sides.associates) == ["militia"] and clause.sides.targets == []


def test_responder_swap_the_side_that_was_met_started_the_fight() -> None:
    clause = clause_for("Police officers on patrol were confronted by gunmen.", "confronted")
    clause.sides.agents, clause.sides.targets = [child(clause, "by")], [child(clause, "officers")]
    VERBAL_SIDES.named()["responder_swap"](clause)
    assert texts(clause.sides.agents) == ["officers"] and texts(clause.sides.targets) == ["by"]


def test_the_verbal_cascade_in_order_a_confronted_patrol_started_the_fight() -> None:
    token = clause_for("Police officers on patrol were confronted by gunmen.", "confronted").trigger
    sides = actors._sides(token, actor_dictionary())
    assert texts(sides.agents) == ["officers"] and texts(sides.targets) == ["gunmen"]


def test_the_nominal_cascade_in_order_agent_and_target_of_an_event_noun() -> None:
    token = clause_for("The rebels' assault on the garrison failed.", "assault").trigger
    sides = actors._sides(token, actor_dictionary())
    assert texts(sides.agents) == ["rebels"] and texts(sides.targets) == ["garrison"]


# Who does what a verb says (cascade actors.verb_agents).


@pytest.mark.parametrize(
    ("rule", "sentence", "verb", "doers"),
    [
        ("own_subject", "Gunmen attacked the checkpoint.", "attacked", ["Gunmen"]),
        ("own_subject", "The checkpoint was attacked by gunmen.", "attacked", ["gunmen"]),
        ("shared_subject", "Troops moved in and shelled the town.", "shelled", ["Troops"]),
        ("gerund_after_preposition", "The militia retaliated by firing on the convoy.", "firing", ["militia"]),
        ("relative_clause_head", "The militia, which attacked the convoy, withdrew.", "attacked", ["militia"]),
        ("participle_with_object", "Militiamen killing nine villagers fled.", "killing", ["Militiamen"]),
        (
            "participle_with_object",
            "The army carried out an operation targeting rebel hideouts.",
            "targeting",
            ["army"],
        ),
    ],
)
def test_each_verb_agent_rule_finds_the_doer_of_its_pattern(
    rule: str, sentence: str, verb: str, doers: list[str]
) -> None:
    token = next(t for t in load_pipeline()(sentence) if t.text == verb)
    found = VERB_AGENTS.named()[rule](token)
    assert found is not None and texts(found) == doers


def test_the_verb_agent_cascade_takes_a_verbs_own_subject_before_its_partners() -> None:
    token = next(t for t in load_pipeline()("Troops moved in and police shelled the town.") if t.text == "shelled")
    assert texts(actors._verb_agents(token)) == ["police"]
    token = next(t for t in load_pipeline()("Troops moved in and shelled the town.") if t.text == "shelled")
    assert texts(actors._verb_agents(token)) == ["Troops"]


def test_participle_chain_shares_the_main_verbs_doer_past_a_gerund_tagged_as_a_noun() -> None:
    # "Rebels continued raiding, burning homes", with "raiding" tagged as a noun: the parse is given, as the
    # statistical parser gives it only now and then
    words = ["Rebels", "continued", "raiding", ",", "burning", "homes"]
    doc = Doc(
        load_pipeline().vocab,
        words=words,
        heads=[1, 1, 1, 2, 2, 4],
        deps=["nsubj", "ROOT", "xcomp", "punct", "conj", "dobj"],
        pos=["NOUN", "VERB", "NOUN", "PUNCT", "VERB", "NOUN"],
    )
    burning = doc[4]
    assert VERB_AGENTS.named()["shared_subject"](burning) is None  # its head is not a verb
    found = VERB_AGENTS.named()["participle_chain"](burning)
    assert found is not None and texts(found) == ["Rebels"]


def test_a_verb_no_rule_reads_has_no_doer() -> None:
    token = next(t for t in load_pipeline()("Villagers killed in the raid were buried.") if t.text == "killed")
    assert all(VERB_AGENTS.named()[name](token) is None for name in ("own_subject", "participle_with_object"))


# ACLED's conventions refining a trigger's type (cascades triggers.convention_cues, remote_cues, attack_cues).


def cues_for(
    sentence: str, trigger: str, target: str = "", actor1_type: str | None = None
) -> tuple[triggers._Cues, triggers._Verdict]:
    """What the convention rules read of the trigger ``trigger`` of ``sentence``, and its lexicon's verdict."""
    span = load_pipeline()(sentence)[:]
    match = next(m for m in triggers.find_triggers(span) if m.token.text == trigger)
    verdict = triggers._Verdict(match.rule.event_type, match.rule.sub_event_type)
    return triggers._Cues(match, span, target, actor1_type), verdict


@pytest.mark.parametrize(
    ("cascade", "rule", "sentence", "trigger", "target", "actor1_type", "expected"),
    [
        (
            REMOTE_CUES,
            "civilian_target",
            "Militants struck the village, hitting villagers.",
            "struck",
            "villagers",
            None,
            ("Violence against civilians", "Attack"),
        ),
        (REMOTE_CUES, "weapon_names_sub_type", "Troops shelled the hill with mortars.", "shelled", "", None, None),
        (
            REMOTE_CUES,
            "battle_words",
            "The two sides shelled each other in heavy fighting.",
            "shelled",
            "",
            None,
            ("Battles", "Armed clash"),
        ),
        (
            ATTACK_CUES,
            "sexual_violence",
            "Women were raped and assaulted by soldiers.",
            "assaulted",
            "",
            None,
            ("Violence against civilians", "Sexual violence"),
        ),
        (
            ATTACK_CUES,
            "military_target",
            "Gunmen attacked an army post.",
            "attacked",
            "",
            None,
            ("Battles", "Armed clash"),
        ),
        (
            ATTACK_CUES,
            "combatant_victims",
            "Troops killed twelve militants.",
            "killed",
            "",
            None,
            ("Battles", "Armed clash"),
        ),
        (
            ATTACK_CUES,
            "civilian_or_one_person",
            "Gunmen killed two villagers.",
            "killed",
            "two villagers",
            None,
            ("Violence against civilians", "Attack"),
        ),
        (ATTACK_CUES, "remote_weapon", "Rebels attacked the base with rockets.", "attacked", "", None, None),
        (
            ATTACK_CUES,
            "battle_words",
            "Rebels attacked the town and heavy fighting followed.",
            "attacked",
            "",
            None,
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_each_trigger_cue_rule_gives_the_type_of_its_pattern(
    cascade: Cascade[triggers.ConventionRule],
    rule: str,
    sentence: str,
    trigger: str,
    target: str,
    actor1_type: str | None,
    expected: tuple[str, str] | None,
) -> None:
    cues, verdict = cues_for(sentence, trigger, target, actor1_type)
    assert cascade.named()[rule](cues, verdict)
    if expected is None:  # the weapon's sub-type
        assert cues.instrument is not None and verdict.sub == cues.instrument
    else:
        assert (verdict.event_type, verdict.sub) == expected


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger", "target", "actor1_type", "start", "expected"),
    [
        (
            "remote_trigger",
            "Militants struck the village, hitting villagers.",
            "struck",
            "villagers",
            None,
            None,
            ("Violence against civilians", "Attack"),
        ),
        ("attack_trigger", "Gunmen attacked an army post.", "attacked", "", None, None, ("Battles", "Armed clash")),
        (
            "crowd_riots",
            "Demonstrators attacked the town hall.",
            "attacked",
            "",
            "Protesters",
            ("Battles", "Armed clash"),
            ("Riots", "Violent demonstration"),
        ),
        (
            "state_actor_sub",
            "The army took control of the village.",
            "control",
            "",
            "State forces",
            None,
            ("Battles", "Government regains territory"),
        ),
        (
            "armed_arsonist",
            "The raiders, armed militiamen, set fire to the houses of villagers.",
            "set",
            "the houses of villagers",
            "Political militia",
            ("Riots", "Violent demonstration"),
            ("Violence against civilians", "Attack"),
        ),
        (
            "territory_without_fight",
            "Rebels captured the town without a fight.",
            "captured",
            "",
            None,
            ("Strategic developments", "Non-state actor overtakes territory"),
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        (
            "territory_not_held",
            "Rebels briefly seized the town.",
            "seized",
            "",
            None,
            ("Strategic developments", "Non-state actor overtakes territory"),
            ("Battles", "Armed clash"),
        ),
        (
            "weapon_did_it",
            "A drone strike set fire to a fuel depot.",
            "set",
            "a fuel depot",
            None,
            None,
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "protest_riot",
            "Students marched and burned tyres on the highway.",
            "marched",
            "",
            None,
            ("Protests", "Peaceful protest"),
            ("Riots", "Violent demonstration"),
        ),
        (
            "protest_intervention",
            "Students protested outside parliament and police dispersed them with tear gas.",
            "protested",
            "",
            None,
            None,
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_each_convention_rule_gives_the_type_of_its_pattern(
    rule: str,
    sentence: str,
    trigger: str,
    target: str,
    actor1_type: str | None,
    start: tuple[str, str] | None,
    expected: tuple[str, str],
) -> None:
    cues, verdict = cues_for(sentence, trigger, target, actor1_type)
    if start is not None:  # the type the rules before it left
        verdict = triggers._Verdict(*start)
    assert CONVENTION_CUES.named()[rule](cues, verdict)
    assert (verdict.event_type, verdict.sub) == expected


def test_a_convention_rule_whose_cue_is_absent_leaves_the_type() -> None:
    cues, verdict = cues_for("Rebels captured the town.", "captured")
    before = (verdict.event_type, verdict.sub)
    for name in ("crowd_riots", "territory_without_fight", "territory_not_held", "protest_riot"):
        assert not CONVENTION_CUES.named()[name](cues, verdict)
    assert (verdict.event_type, verdict.sub) == before


def test_the_convention_cascade_in_order_a_crowds_attack_is_a_riot() -> None:
    sentence = load_pipeline()("Protesters attacked an army post.")[:]
    match = next(m for m in triggers.find_triggers(sentence) if m.token.text == "attacked")
    found = triggers.classify_by_rules(match, sentence, "", "Protesters")
    assert (found.event_type, found.sub_event_type, found.by_convention) == ("Riots", "Violent demonstration", True)


# Where a sentence's mentions go and what they come to (cascades events.mention_routes, events.sentence_yield).


def routed(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, str]], list[events._SentenceYield]]:
    """The route each trigger of ``text`` took (rule name, trigger), and each sentence as the routes left it,
    before any `events.sentence_yield` rule ran."""
    taken: list[tuple[str, str]] = []
    sentences: list[events._SentenceYield] = []

    def spied(name: str, rule: events.MentionRule) -> events.MentionRule:
        def route(found: events._SentenceYield, mention: Mention, match: triggers.TriggerMatch) -> bool:
            applied = rule(found, mention, match)
            if applied:
                taken.append((name, match.token.text))
            return applied

        return route

    routes = tuple(spied(name, MENTION_ROUTES.named()[name]) for name in MENTION_ROUTES.order())
    monkeypatch.setattr(MENTION_ROUTES, "rules", lambda: routes)
    monkeypatch.setattr(SENTENCE_YIELD, "rules", lambda: (sentences.append,))
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    extract_document(document, load_pipeline()(document.text))
    return taken, sentences


def only_sentence(text: str, monkeypatch: pytest.MonkeyPatch) -> events._SentenceYield:
    _, sentences = routed(text, monkeypatch)
    assert len(sentences) == 1
    return sentences[0]


def triggers_of(found: events._SentenceYield) -> list[str]:
    return [m.trigger.text for m in found.mentions]


@pytest.mark.parametrize(
    ("rule", "sentence", "trigger"),
    [
        ("counted_figure", "Rebels have attacked the town more than 30 times since March.", "attacked"),
        (
            "account_of_an_incident",
            "The army denied losing the post, saying its soldiers had repelled the raid.",
            "repelled",
        ),
        ("not_happened", "The rebels threatened to attack the town.", "attack"),
        ("event_mention", "Gunmen attacked the market on Monday.", "attacked"),
    ],
)
def test_each_mention_route_places_the_mention_of_its_pattern(
    rule: str, sentence: str, trigger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken, _ = routed(sentence, monkeypatch)
    assert (rule, trigger) in taken


def test_a_counted_attack_is_a_claim_and_makes_the_sentence_a_tally(monkeypatch: pytest.MonkeyPatch) -> None:
    found = only_sentence("Rebels have attacked the town more than 30 times since March.", monkeypatch)
    assert found.tally and not found.mentions and found.claims


def test_tally_or_period_drops_every_mention_of_a_sentence_over_a_period(monkeypatch: pytest.MonkeyPatch) -> None:
    found = only_sentence("Gunmen attacked the market on Monday.", monkeypatch)
    SENTENCE_YIELD.named()["tally_or_period"](found)
    assert triggers_of(found) == ["attacked"]
    found.over_a_period = True  # as "the militia has held the valley since 2015" is
    SENTENCE_YIELD.named()["tally_or_period"](found)
    assert found.mentions == []


def test_running_toll_drops_a_mere_casualty_word(monkeypatch: pytest.MonkeyPatch) -> None:
    found = only_sentence("Eighty people have been killed since the truce ended in January.", monkeypatch)
    assert found.running_toll and "killed" in triggers_of(found)
    SENTENCE_YIELD.named()["running_toll"](found)
    assert "killed" not in triggers_of(found)


def test_background_dates_drop_an_event_long_before_the_report(monkeypatch: pytest.MonkeyPatch) -> None:
    found = only_sentence("Gunmen attacked the market in March 2009.", monkeypatch)
    assert triggers_of(found) == ["attacked"]
    SENTENCE_YIELD.named()["background_dates"](found)
    assert found.mentions == []


def test_one_crowd_event_keeps_the_riot_and_drops_its_policing(monkeypatch: pytest.MonkeyPatch) -> None:
    found = only_sentence("Rioters torched a police station and police shot dead two of the rioters.", monkeypatch)
    assert len(found.mentions) == 2
    SENTENCE_YIELD.named()["one_crowd_event"](found)
    assert len(found.mentions) == 1 and found.mentions[0].event_type == "Riots"


def test_deaths_to_the_violence_takes_the_dead_from_an_interception_beside_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = only_sentence("A missile strike killed two guards.", monkeypatch)
    strike = found.mentions[0]
    assert strike.fatalities is not None and strike.fatalities.best == 2
    # as if the sentence went on "and air defences downed three drones", told with the same figure
    interception = replace(strike, event_type="Strategic developments", sub_event_type="Disrupted weapons use")
    found.mentions.append(interception)
    SENTENCE_YIELD.named()["deaths_to_the_violence"](found)
    assert interception.fatalities is None and strike.fatalities is not None


def test_intention_if_nothing_a_sentence_with_no_event_or_claim_states_an_intention(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = only_sentence("The governor vowed to rebuild the bridge.", monkeypatch)
    assert not found.mentions
    found.claims = []
    SENTENCE_YIELD.named()["intention_if_nothing"](found)
    assert [c.modality for c in found.claims] == ["planned"]
