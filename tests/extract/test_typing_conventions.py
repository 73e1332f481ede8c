"""ACLED conventions the typing keeps whatever the model says: killing_in_captivity, and a convention that confirms
a weak trigger's default (convention_confirms_a_default). Invented sentences."""

from __future__ import annotations

import pytest

from sitrep.extract import triggers
from sitrep.nlp import load_pipeline


def typed(sentence: str, trigger: str, target: str = "", actor1_type: str | None = None) -> triggers.Classification:
    span = load_pipeline()(sentence)[:]
    match = next(m for m in triggers.find_triggers(span) if m.token.text == trigger)
    return triggers.classify(match, span, target, actor1_type)


def by_rules(sentence: str, trigger: str, target: str = "") -> triggers.Classification:
    span = load_pipeline()(sentence)[:]
    match = next(m for m in triggers.find_triggers(span) if m.token.text == trigger)
    return triggers.classify_by_rules(match, span, target, None)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # an execution by its very word, whoever the victims fought for
        ("The jihadists beheaded four rebel fighters near the river on Friday.", "beheaded"),
        ("Militants decapitated two tribesmen in the market square.", "decapitated"),
        ("The group crucified three men accused of spying in the town.", "crucified"),
        ("Insurgents executed nine soldiers outside the village.", "executed"),
        # victims told as held
        ("The militia killed twelve soldiers who had surrendered at the checkpoint.", "killed"),
        ("Gunmen shot dead the militants they had taken prisoner.", "shot"),
        ("The rebels massacred dozens of troops taken hostage at the garrison.", "massacred"),
    ],
)
def test_killing_in_captivity_is_violence_against_civilians(sentence: str, trigger: str) -> None:
    found = typed(sentence, trigger, actor1_type="Rebel groups")
    assert (found.event_type, found.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # fighters killed in a fight, none held: the convention does not speak
        ("Troops killed twelve militants in the hills.", "killed", "Battles"),
        # a weapon of war named: remote violence, not an execution
        ("Warplanes massacred twenty villagers with barrel bombs.", "massacred", "Explosions/Remote violence"),
    ],
)
def test_killing_in_captivity_leaves_a_fight_and_a_weapon_alone(sentence: str, trigger: str, expected: str) -> None:
    assert typed(sentence, trigger).event_type == expected


def test_a_deed_carried_out_is_no_execution() -> None:
    found = by_rules("The army executed a large operation against the insurgents.", "executed")
    assert not found.binding


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Rebels shot down an army helicopter over the valley on Sunday.", "shot", "Battles"),
        ("A military transport plane was shot down near the airport, killing its crew.", "shot", "Battles"),
        ("Air defences shot down four drones over the port overnight.", "shot", "Strategic developments"),
    ],
)
def test_manned_aircraft_downed_is_a_clash_and_a_drone_stopped_is_not(
    sentence: str, trigger: str, expected: str
) -> None:
    assert typed(sentence, trigger).event_type == expected


def test_forces_do_not_protest() -> None:
    # forces_do_not_protest: a crowd's verb whose subject is fighters or troops moves forces
    span = load_pipeline()("The group said its fighters marched five kilometres along the river on Monday.")[:]
    assert not [m for m in triggers.find_triggers(span) if m.rule.event_type == "Protests"]
    # the subject's head word decides: veterans of an army who rally protest
    span = load_pipeline()("Army veterans rallied outside parliament on Monday.")[:]
    assert [m.rule.event_type for m in triggers.find_triggers(span)] == ["Protests"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a weapon elsewhere in the sentence is another act's
        "Backed by jets and artillery, the militants pressed their assault on the northern suburb.",
        "Helicopters flew the commandos to the ridge to lead an assault on the rebel garrison.",
        "Insurgents launched an assault on the airbase on Tuesday and fighting went on for hours.",
    ],
)
def test_an_assault_is_a_ground_attack(sentence: str) -> None:
    assert typed(sentence, "assault", actor1_type="Rebel groups").event_type == "Battles"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The ridge came under a heavy aerial assault on Sunday.", "assault"),
        ("The assault by drones on the depot began at dawn.", "assault"),
        ("Rebels assaulted the army post with rockets overnight.", "assaulted"),
    ],
)
def test_an_assault_with_its_own_weapon_is_remote_violence(sentence: str, trigger: str) -> None:
    assert typed(sentence, trigger, actor1_type="Rebel groups").event_type == "Explosions/Remote violence"


def test_a_weapon_named_earlier_does_not_make_an_assault_remote() -> None:
    text = "Warplanes pounded the eastern districts on Monday. The militants then began an assault on the old citadel."
    doc = load_pipeline()(text)
    second = list(doc.sents)[1]
    match = next(m for m in triggers.find_triggers(second) if m.token.text == "assault")
    assert triggers.classify(match, second, "", "Rebel groups").event_type == "Battles"


@pytest.mark.parametrize(
    ("sentence", "trigger", "sub_type"),
    [
        # the weapon is the subject, the agent of a passive, or the subject of the clause the killing goes on from
        ("A suicide bomber killed nine soldiers at the border post on Monday.", "killed", "Suicide bomb"),
        ("Helicopters struck the ridge as heavy clashes raged between the two militias.", "struck", "Air/drone strike"),
        ("Two fighters were killed by a landmine near the dam.", "killed", "Remote explosive/landmine/IED"),
        ("A drone circled over the road, killing three militiamen.", "killing", "Air/drone strike"),
    ],
)
def test_a_weapon_that_does_the_act_makes_it_remote_violence(sentence: str, trigger: str, sub_type: str) -> None:
    found = by_rules(sentence, trigger)
    assert (found.event_type, found.sub_event_type, found.binding) == ("Explosions/Remote violence", sub_type, True)


def test_people_who_kill_are_no_weapon() -> None:
    found = by_rules("Gunmen killed four soldiers at the checkpoint on Sunday.", "killed")
    assert (found.event_type, found.binding) == ("Battles", False)
