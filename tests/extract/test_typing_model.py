"""The event-type model: learned types under the named constraints, and a calibrated confidence on every event."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, replace

import pytest

from sitrep.data import data_path
from sitrep.extract import extract_document, triggers
from sitrep.extract.typing_model import (
    META_FILE,
    NOT_AN_EVENT,
    TypingModel,
    features,
    type_probabilities,
    typing_model,
)
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.nlp import load_pipeline


def mentions(text: str) -> list[Mention]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2022, 9, 2)))
    return extract_document(document, load_pipeline()(document.text)).mentions


def test_the_model_gives_a_probability_to_every_label_and_they_sum_to_one() -> None:
    model = typing_model()
    probabilities = model.probabilities(features("Jets bombed a fuel depot near the harbour.", 5, "bomb", None))
    assert set(probabilities) == set(model.labels) and NOT_AN_EVENT in probabilities
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_words_in_capitals_or_without_commas_read_the_same() -> None:
    plain = features("Militiamen shot two traders, then burned the shop", 11, "shoot", None)
    shouted = features("MILITIAMEN SHOT TWO TRADERS THEN BURNED THE SHOP", 11, "shoot", None)
    assert plain == shouted


def test_a_statement_with_no_incident_leans_to_no_event() -> None:
    model = typing_model()
    by_type = type_probabilities(
        model.probabilities(
            features("The envoy urged both parties to return to talks and respect the truce.", None, None, None)
        )
    )
    assert max(by_type, key=lambda t: by_type[t]) == NOT_AN_EVENT


def test_every_event_carries_a_confidence_between_zero_and_one() -> None:
    found = mentions(
        "Gunmen on motorbikes killed nine herders near a watering point on Wednesday, a local official said. "
        "Police arrested four suspects on Thursday."
    )
    assert found and all(0.0 < m.confidence <= 1.0 for m in found)


def test_a_killing_with_no_weapon_named_is_never_remote_violence() -> None:
    found = mentions("Eleven people were killed in the hamlet overnight, residents said.")
    assert found and all(m.event_type != "Explosions/Remote violence" for m in found)


def test_an_attack_made_with_a_remote_weapon_is_remote_violence() -> None:
    for text in (
        "Militants attacked a police post with mortars on Sunday, officials said.",
        "The depot was attacked by drones overnight, the governor said.",
    ):
        found = mentions(text)
        assert found and {m.event_type for m in found} == {"Explosions/Remote violence"}, text
    # Fighting words are not attacks: a clash with rockets in it stays a battle.
    clash = mentions("Rebels clashed with troops near the airport on Sunday, firing rockets and machine guns.")
    assert clash and "Battles" in {m.event_type for m in clash}


def test_a_crowd_fighting_a_crowd_is_no_battle() -> None:
    found = mentions("Protesters clashed with supporters of the mayor outside the town hall on Monday.")
    assert found and all(m.event_type in {"Protests", "Riots"} for m in found)


def test_conventional_force_is_plover_fight_and_on_civilians_assault() -> None:
    [battle] = mentions("Army units clashed with insurgents at a river crossing on Tuesday.")
    assert battle.plover == "FIGHT"
    [market] = mentions("Warplanes struck a crowded market in the old town on Tuesday, killing six civilians.")
    assert (market.event_type, market.plover) == ("Explosions/Remote violence", "ASSAULT")
    [bomb] = mentions("A roadside bomb hit an army truck on the ring road on Tuesday.")
    assert bomb.plover == "ASSAULT"


def test_the_typing_constraints_name_only_types_of_the_ontology() -> None:
    from sitrep.extract.triggers import ontology

    onto = ontology()
    types = {t for t, _ in onto.plover_of}
    constraints = onto.typing_constraints
    named = {t for family in constraints["trigger_family"].values() for t in family}
    named |= set(constraints["no_weapon_no_remote_violence"]) | set(constraints["crowd_is_no_army"]["types"])
    named |= set(constraints["remote_weapon_attack_is_remote_violence"]["types"])
    assert named <= types
    assert {label.partition("|")[0] for label in typing_model().labels} - {"None"} <= types


def test_conventional_force_whose_victims_are_civilians_is_plover_assault() -> None:
    # No word says "civilians": people killed with no armed side named are civilians by the coding convention
    # (actor2 Civilians), and conventional force used on them is one-sided.
    [strike] = mentions("Air strikes killed eleven people in the river town on Monday, a monitoring group said.")
    assert strike.event_type == "Explosions/Remote violence"
    assert any(r.role == "actor2" and r.name == "Civilians" for r in strike.actors)
    assert strike.plover == "ASSAULT"


def test_an_attack_made_with_a_weapon_is_read_from_the_data_in_one_clause() -> None:
    from sitrep.extract.triggers import ontology

    made_with = ontology().attack_with_weapon
    assert made_with.search("Insurgents targeted the checkpoint using mortars")
    assert made_with.search("The garrison was hit by rockets at dawn")
    assert not made_with.search("Villagers clashed with herders")  # not an attack word
    assert not made_with.search("They attacked the post. By noon it had fallen")  # another sentence


def test_the_trigger_lexicon_type_weighs_as_much_as_the_model_meta_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no convention speaking, a strong trigger's own lexicon type gets the bonus chosen by cross-validation."""
    meta = json.loads(data_path(*META_FILE).read_text(encoding="utf-8"))
    assert typing_model().lexicon_weight == meta["lexicon_weight"]
    monkeypatch.setattr(triggers, "typing_model", lambda: replace(typing_model(), lexicon_weight=100.0))
    # "assassinated" with no weapon named: the lexicon's one-sided killing stands.
    found = mentions("Masked men assassinated the deputy mayor outside his house on Sunday, police said.")
    assert found and {m.event_type for m in found} == {"Violence against civilians"}


class _LeansToBattle(TypingModel):
    """The shipped model, but sure that any killing was a battle."""

    def probabilities(self, names: list[str]) -> dict[str, float]:
        found = super().probabilities(names)
        found["Battles|Armed clash"] += 1.0
        return {name: p / 2.0 for name, p in found.items()}


def test_a_weak_trigger_lexicon_default_weighs_as_much_as_the_model_meta_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """A weak trigger ("were killed") has only a default type in the lexicon; its weight against the model is
    chosen by cross-validation apart from a strong trigger's, and stored in the meta."""
    meta = json.loads(data_path(*META_FILE).read_text(encoding="utf-8"))
    assert typing_model().weak_weight == meta.get("weak_weight", 0.0)
    text = "Four were killed in the northern hills on Tuesday."
    shipped = typing_model()
    leaning = _LeansToBattle(**{f.name: getattr(shipped, f.name) for f in fields(shipped)})
    monkeypatch.setattr(triggers, "typing_model", lambda: replace(leaning, weak_weight=0.0))
    assert {m.event_type for m in mentions(text)} == {"Battles"}
    monkeypatch.setattr(triggers, "typing_model", lambda: replace(leaning, weak_weight=100.0))
    assert {m.event_type for m in mentions(text)} == {"Violence against civilians"}


def test_a_weapon_named_in_the_plural_names_the_sub_type_as_in_the_singular() -> None:
    """The instrument list names each weapon once; "suicide bombers" and "truck bombs" are found as well."""
    found = mentions("Three suicide bombers attacked a police post on the edge of the oasis town on Monday.")
    assert found and {m.sub_event_type for m in found} == {"Suicide bomb"}
    found = mentions("Two truck bombs exploded outside the governor's compound in the provincial capital on Friday.")
    assert found and {m.sub_event_type for m in found} == {"Remote explosive/landmine/IED"}


def test_an_air_attack_is_an_air_strike() -> None:
    found = mentions("An air attack on the fuel depot outside the port set three tankers ablaze on Sunday.")
    assert found and {(m.event_type, m.sub_event_type) for m in found} == {
        ("Explosions/Remote violence", "Air/drone strike")
    }


def test_only_a_remote_violence_word_with_no_weapon_named_leaves_its_sub_type_to_the_model() -> None:
    """remote_sub_type_without_a_weapon: "strikes hit the village" names no weapon, so its lexicon sub-type is a
    default; "shelled" or "drones" name one, and a strategic word keeps its own."""
    rule = triggers.ontology().rules["strike"][0]
    remote = "Explosions/Remote violence"
    assert triggers.sub_type_is_a_default(rule, remote, "Strikes hit the village before dawn.")
    assert not triggers.sub_type_is_a_default(rule, remote, "Drone strikes hit the village before dawn.")
    assert not triggers.sub_type_is_a_default(rule, remote, "Mortars hit the village before dawn.")
    arrest = triggers.ontology().rules["arrest"][0]
    assert not triggers.sub_type_is_a_default(arrest, "Strategic developments", "Police arrested two men.")


class _LeansToAircraft(TypingModel):
    """The shipped model, but sure that remote violence came from the air."""

    def probabilities(self, names: list[str]) -> dict[str, float]:
        found = super().probabilities(names)
        found["Explosions/Remote violence|Air/drone strike"] += 1.0
        return {name: p / 2.0 for name, p in found.items()}


def test_the_model_names_a_default_sub_type_only_when_its_meta_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Strikes hit a bridge and two fuel depots near the river town on Monday, the monitor said."
    shipped = typing_model()
    leaning = _LeansToAircraft(**{f.name: getattr(shipped, f.name) for f in fields(shipped)})
    monkeypatch.setattr(triggers, "typing_model", lambda: replace(leaning, sub_type_by_model=False))
    assert {m.sub_event_type for m in mentions(text)} == {triggers.ontology().rules["strike"][0].sub_event_type}
    monkeypatch.setattr(triggers, "typing_model", lambda: replace(leaning, sub_type_by_model=True))
    assert {(m.event_type, m.sub_event_type) for m in mentions(text)} == {
        ("Explosions/Remote violence", "Air/drone strike")
    }


def test_the_event_confidence_maps_the_sentence_confidence_as_the_meta_says() -> None:
    """The second map (``event_platt``, fitted on whole runs) is monotone: a threshold keeps the same order of
    events, and the identity map leaves the sentence-level confidence as it is."""
    model = typing_model()
    identity = replace(model, event_platt=(1.0, 0.0))
    sentence_level = [identity.confidence(p) for p in (0.05, 0.3, 0.6, 0.95)]
    assert sentence_level == sorted(sentence_level)
    humbler = replace(model, event_platt=(0.5, -0.7))
    event_level = [humbler.confidence(p) for p in (0.05, 0.3, 0.6, 0.95)]
    assert event_level == sorted(event_level)
    assert event_level[-1] < sentence_level[-1]
    meta = json.loads(data_path(*META_FILE).read_text(encoding="utf-8"))
    assert model.event_platt == tuple(meta.get("event_platt", (1.0, 0.0)))


def test_the_weapon_named_earlier_is_the_last_one_before_the_sentence() -> None:
    """weapon_named_earlier: a report names its weapon in the lead and refers back to it later."""
    text = "Warplanes struck the grain market at dawn. Later, mortars hit the bus station. The attacks killed nine."
    second, third = text.index("Later"), text.index("The attacks")
    assert triggers.weapon_named_earlier(text, 0) is None
    assert triggers.weapon_named_earlier(text, second) == "Air/drone strike"
    assert triggers.weapon_named_earlier(text, third) == "Shelling/artillery/missile attack"
    assert triggers.weapon_named_earlier("Nine were killed. Police blamed a gang.", 18) is None


def test_remote_violence_stays_admitted_where_an_earlier_sentence_named_the_weapon() -> None:
    """no_weapon_no_remote_violence holds for the report, not the sentence alone: "the attack killed nine" after
    "warplanes struck" may be remote violence; with no weapon named anywhere it may not."""
    attack = triggers.ontology().rules["attack"][0]
    remote = "Explosions/Remote violence"
    sentence = "The attack killed nine people in the market."
    assert remote not in triggers.admitted_types(attack, "Battles", None, sentence)
    assert remote in triggers.admitted_types(attack, "Battles", None, sentence, "Air/drone strike")
    clash = triggers.ontology().rules["clash"][0]  # a fighting word stays a battle whatever came before
    assert triggers.admitted_types(clash, "Battles", None, "Rebels clashed with troops.", "Air/drone strike") == {
        "Battles"
    }


def test_the_model_reads_whether_an_earlier_sentence_named_a_weapon() -> None:
    sentence = "The attack killed nine people in the market."
    assert "c:weapon" in features(sentence, 4, "attack", None, "Air/drone strike")
    assert "c:weapon" not in features(sentence, 4, "attack", None)


class _LeansToShelling(TypingModel):
    """The shipped model, but sure that any killing was shelling."""

    def probabilities(self, names: list[str]) -> dict[str, float]:
        found = super().probabilities(names)
        found["Explosions/Remote violence|Shelling/artillery/missile attack"] += 1.0
        return {name: p / 2.0 for name, p in found.items()}


def test_an_attack_told_after_its_weapon_takes_that_weapon_s_sub_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later sentence that names no weapon ("the attack killed nine") may be remote violence when the report
    named the weapon earlier, and takes that weapon's sub-type; alone it is never remote violence."""
    shipped = typing_model()
    leaning = _LeansToShelling(**{f.name: getattr(shipped, f.name) for f in fields(shipped)})
    monkeypatch.setattr(triggers, "typing_model", lambda: leaning)
    alone = mentions("The attack on the cattle market killed nine traders on Sunday, residents said.")
    assert alone and all(m.event_type != "Explosions/Remote violence" for m in alone)
    told_after = mentions(
        "Fighter jets flew low over the river valley on Saturday night. "
        "The attack on the cattle market killed nine traders on Sunday, residents said."
    )
    later = [m for m in told_after if "cattle market" in m.sentence.text]
    assert later and {(m.event_type, m.sub_event_type) for m in later} == {
        ("Explosions/Remote violence", "Air/drone strike")
    }
