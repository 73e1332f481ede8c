"""Role patterns beyond subject and object: gerunds, shares and detachments, aimed blasts, responses to an
advance, crowds, and the codebook's conventions (sitrep.extract.actors).

The sentences are written for these tests; forces named only by their kind are "<prefix> {country}" until
fill_actor_countries runs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import Extraction, extract_document
from sitrep.extract.actors import apply_conventions, fill_actor_countries, share_document_doers
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, Mention, Span
from sitrep.nlp import load_pipeline

ARMY = "Military Forces of {country}"
POLICE = "Police Forces of {country}"
TERRORISTS = "Terrorists of {country}"


def extract(text: str) -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    return extract_document(document, load_pipeline()(document.text))


def all_roles(text: str) -> list[tuple[str | None, str | None]]:
    mentions = extract(text).mentions
    assert mentions, text
    found = []
    for mention in mentions:
        a1, a2 = mention.actor("actor1"), mention.actor("actor2")
        found.append((a1.name if a1 else None, a2.name if a2 else None))
    return found


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # A gerund after a preposition is done by the main verb's subject.
        (
            "Houthi fighters responded by shelling Saudi border posts in Jizan on Friday.",
            "Houthis (Ansar Allah)",
            "Military Forces of Saudi Arabia",
        ),
        # A chain of participles after the main clause shares its subject.
        (
            "Israeli occupation forces continued their aggression on the town of Tubas and its camp for the fourth "
            "day, bulldozing streets and destroying infrastructure.",
            "Military Forces of Israel",
            None,
        ),
        # A detachment "from" a named force is that force.
        (
            "Officials said a unit from the Nigerian army's 7th Division arrested two suspects in Maiduguri.",
            "Military Forces of Nigeria",
            None,
        ),
        # A blast "targeting" something: what it was aimed at.
        (
            "A roadside bomb exploded on Monday targeting an army convoy near Kismayo, killing two soldiers.",
            "Unidentified Armed Group",
            ARMY,
        ),
        (
            "A bomb exploded targeting a patrol of the regime's forces in Nawa on Sunday.",
            "Unidentified Armed Group",
            ARMY,
        ),
    ],
)
def test_roles_through_gerunds_detachments_and_aims(text: str, actor1: str, actor2: str | None) -> None:
    found = all_roles(text)
    assert (actor1, actor2) in found, found


def test_a_share_of_an_installation_is_its_force() -> None:
    found = all_roles("Ukrainian drones destroyed part of the Morozovsk military airfield overnight.")
    assert ("Military Forces of Ukraine", ARMY) in found, found


def test_those_who_confront_an_advance_are_its_target() -> None:
    found = all_roles("Israeli troops advancing near the village of Kodana were confronted by local gunmen on Tuesday.")
    assert ("Military Forces of Israel", "Unidentified Armed Group") in found, found


def test_the_crowd_is_actor1_and_the_force_that_met_it_actor2() -> None:
    found = all_roles("Riot police fired tear gas at protesters in Nairobi on Tuesday.")
    assert ("Protesters", POLICE) in found, found


def test_two_crowds_clashing_are_both_rioters() -> None:
    found = all_roles(
        "Three people were killed on Friday when Sunni protesters clashed with Shia demonstrators in Basra."
    )
    assert ("Rioters", "Rioters") in found, found


def test_violence_against_civilians_targets_civilians_even_when_unnamed() -> None:
    roles = [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")]
    coded = apply_conventions(roles, "Violence against civilians", [], "t.txt")
    assert [(r.role, r.name) for r in coded] == [("actor1", "Unidentified Armed Group"), ("actor2", "Civilians")]
    battle = apply_conventions(roles, "Battles", [], "t.txt")
    assert [r.role for r in battle] == ["actor1"]


def test_a_kind_of_force_is_not_the_other_side_named_earlier() -> None:
    span = Span("t.txt", 0, 10, "x")

    def mention(start: int, actors: list[ActorRole]) -> Mention:
        sentence = Span("t.txt", start, start + 10, "x")
        return Mention("m", "t.txt", sentence, span, "Battles", "Armed clash", "ASSAULT", actors=actors)

    israel = ActorRole("actor1", "Military Forces of Israel", "State forces")
    first = mention(0, [israel])
    # "Israeli jets struck a military airport near Homs": the airport is not Israel's
    second = mention(20, [israel, ActorRole("actor2", ARMY, "State forces")])
    fill_actor_countries([first, second], lambda _: "SY", lambda code: {"SY": "Syria"}[code])
    assert second.actors[1].name == "Military Forces of Syria"


def test_unnamed_rebels_are_named_from_the_countrys_demonym() -> None:
    span = Span("t.txt", 0, 10, "x")
    names = {"SY": "Syria", "LY": "Libya", "ZZ": "Nowhere Land"}
    rebels = ActorRole("actor2", "Rebels of {country}", "Rebel groups")
    army = ActorRole("actor1", ARMY, "State forces")
    found = {}
    for country in (None, "SY", "ZZ"):
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[army, rebels])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: names[code])  # type: ignore[misc]
        found[country] = mention.actors[1].name
    # "Syrian rebels" as the codebook names them; a country whose demonym is not listed keeps the prefix form;
    # with no country at all, an unidentified armed group.
    assert found == {"SY": "Syrian rebels", "ZZ": "Rebels of Nowhere Land", None: "Unidentified Armed Group"}


def test_forces_named_after_a_people_are_who_they_are_in_that_country() -> None:
    span = Span("t.txt", 0, 10, "x")
    found = {}
    for country in ("SY", "IQ", "ML", None):
        kurds = ActorRole("actor1", "Kurdish forces of {country}", "Rebel groups")
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[kurds])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: code)  # type: ignore[misc]
        found[country] = (mention.actors[0].name, mention.actors[0].actor_type)
    assert found == {
        "SY": ("Syrian Democratic Forces", "Rebel groups"),
        "IQ": ("Kurdistan Region Security Forces", "State forces"),
        "ML": ("Unidentified Armed Group", "Unidentified"),
        None: ("Unidentified Armed Group", "Unidentified"),
    }


def test_kurdish_forces_are_a_kind_of_force_filled_in_by_country() -> None:
    (mention,) = extract("Kurdish fighters recaptured the village of Tal Hamam on Friday.").mentions
    actor1 = mention.actor("actor1")
    assert actor1 is not None and actor1.name == "Kurdish forces of {country}"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # "terrorists" with no group named: the state's word for the armed opposition, a kind of force
        (
            "Terrorists fired mortar shells at the village of Tell Qarah on Sunday, killing a child.",
            TERRORISTS,
            "Civilians",
        ),
        ("The army killed 15 terrorists in an ambush near the town of Kafr Saleh on Friday.", ARMY, TERRORISTS),
        (
            "Four people were wounded on Monday in terrorist rocket attacks on residential areas of the city.",
            TERRORISTS,
            "Civilians",
        ),
        # a named group before the word is that group
        ("ISIL terrorists attacked an army checkpoint near the town on Tuesday.", "Islamic State", ARMY),
        # two states' forces together, also through a compound ("Russian and Syrian regime airstrikes"): one joint
        # force, whose leader is the forces of the act's country, known after geocoding (host_state_leads_a_joint_act)
        (
            "Russian and Syrian regime airstrikes killed 14 villagers in the district on Monday.",
            ARMY,
            "Civilians",
        ),
        # a fight whose doer is unsaid: its dead, named as another group, are the other side
        (
            "At least 14 jihadists from the Islamic State group died in clashes with Kurdish fighters near the dam.",
            "Islamic State",
            "Kurdish forces of {country}",
        ),
        # a generic word's group through "from": "fighters from the Islamic State group"
        (
            "Fighters from the Islamic State group attacked an army checkpoint near the town on Tuesday.",
            "Islamic State",
            ARMY,
        ),
        # a kind of force owning aircraft or weapons: "the regime's helicopters"
        (
            "The regime's helicopters dropped barrel bombs on Jisr al-Wadi on Saturday, killing nine people.",
            ARMY,
            "Civilians",
        ),
    ],
)
def test_terrorists_and_a_forces_aircraft(text: str, actor1: str, actor2: str) -> None:
    assert (actor1, actor2) in all_roles(text)


def test_terrorists_are_the_rebels_only_where_the_codebook_says_so() -> None:
    span = Span("t.txt", 0, 10, "x")
    names = {"SY": "Syria", "ML": "Mali"}
    found = {}
    for country in ("SY", "ML", None):
        terrorists = ActorRole("actor1", TERRORISTS, "Rebel groups", span)
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[terrorists])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: names[code])  # type: ignore[misc]
        found[country] = mention.actors[0].name
    assert found == {"SY": "Syrian rebels", "ML": "Unidentified Armed Group", None: "Unidentified Armed Group"}


def _report(
    start: int, sub_type: str, actors: list[ActorRole], event_type: str = "Explosions/Remote violence"
) -> Mention:
    sentence = Span("t.txt", start, start + 10, "x")
    return Mention(f"m{start}", "t.txt", sentence, sentence, event_type, sub_type, "ASSAULT", actors=list(actors))


def test_an_unsaid_doer_is_the_one_the_article_names_for_that_kind_of_act() -> None:
    named = Span("t.txt", 0, 15, "Russian warplanes")
    russia = ActorRole("actor1", "Military Forces of Russia", "State forces", named)
    default = ActorRole("actor1", "Unidentified Armed Group", "Unidentified")
    civilians = ActorRole("actor2", "Civilians", "Civilians", Span("t.txt", 40, 50, "six civilians"))
    lead = _report(0, "Air/drone strike", [russia])
    # "Elsewhere, air strikes on the village killed six civilians": the doer the lead named, traced to its words
    later = _report(40, "Air/drone strike", [default, civilians])
    # an armed clash is another kind of act: the air strike's doer is not its doer
    clash = _report(80, "Armed clash", [default], event_type="Battles")
    share_document_doers([lead, later, clash])
    assert [(a.role, a.name) for a in later.actors] == [
        ("actor1", "Military Forces of Russia"),
        ("actor2", "Civilians"),
    ]
    assert later.actors[0].span == named
    assert clash.actors[0].name == "Unidentified Armed Group"


def test_a_clash_takes_the_side_the_article_names_against_its_own_target() -> None:
    islamic_state = ActorRole("actor1", "Islamic State", "Rebel groups", Span("t.txt", 0, 2, "IS"))
    kurds = ActorRole("actor2", "Syrian Democratic Forces", "Rebel groups", Span("t.txt", 5, 20, "Kurdish fighters"))
    lead = _report(0, "Armed clash", [islamic_state, kurds], event_type="Battles")
    # "35 jihadists were killed in clashes with Kurdish fighters": the other side is the one the lead named
    later = _report(
        40, "Armed clash", [ActorRole("actor1", "Unidentified Armed Group", "Unidentified"), kurds], "Battles"
    )
    share_document_doers([lead, later])
    assert [a.name for a in later.actors] == ["Islamic State", "Syrian Democratic Forces"]


def test_an_air_strike_no_report_names_is_the_air_force_of_its_country() -> None:
    strike = _report(0, "Air/drone strike", [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")])
    gunmen = ActorRole("actor1", "Unidentified Armed Group", "Unidentified", Span("t.txt", 0, 6, "gunmen"))
    shooting = _report(20, "Attack", [gunmen], event_type="Violence against civilians")
    share_document_doers([strike, shooting])
    fill_actor_countries([strike, shooting], lambda _: "SY", lambda code: {"SY": "Syria"}[code])
    assert strike.actors[0].name == "Military Forces of Syria"
    assert shooting.actors[0].name == "Unidentified Armed Group"  # gunmen the text names stay unknown


def test_an_air_strike_no_report_names_stays_unidentified_where_others_fly_too() -> None:
    # A strike left open in a war where a coalition or a neighbour also bombs is no state's by default; the
    # army a sentence names ("army jets") is still the state's.
    strike = _report(0, "Air/drone strike", [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")])
    named = _report(
        40, "Air/drone strike", [ActorRole("actor1", ARMY, "State forces", Span("t.txt", 40, 48, "army jets"))]
    )
    share_document_doers([strike])
    fill_actor_countries([strike, named], lambda _: "YE", lambda code: {"YE": "Yemen"}[code])
    assert strike.actors[0].name == "Unidentified Military Forces"
    assert named.actors[0].name.startswith("Military Forces of Yemen")


def test_the_regime_is_the_state_where_it_happens_not_another_named_before() -> None:
    russia = ActorRole("actor1", "Military Forces of Russia", "State forces", Span("t.txt", 0, 7, "Russian"))
    first = _report(0, "Air/drone strike", [russia])
    regime = _report(
        40, "Air/drone strike", [ActorRole("actor1", ARMY, "State forces", Span("t.txt", 40, 46, "Regime"))]
    )
    army = _report(
        80, "Air/drone strike", [ActorRole("actor1", ARMY, "State forces", Span("t.txt", 80, 88, "the army"))]
    )
    fill_actor_countries([first, regime, army], lambda _: "SY", lambda code: {"SY": "Syria"}[code])
    # "Regime air raids killed 15 civilians" after "Russian jets ...": Syria's forces; a bare "the army" after a
    # named military is that military
    assert regime.actors[0].name == "Military Forces of Syria"
    assert army.actors[0].name == "Military Forces of Russia"


def test_a_fight_with_no_side_named_is_the_fight_the_article_told() -> None:
    islamic_state = ActorRole("actor1", "Islamic State", "Rebel groups", Span("t.txt", 0, 2, "IS"))
    kurds = ActorRole("actor2", "Syrian Democratic Forces", "Rebel groups", Span("t.txt", 5, 20, "Kurdish fighters"))
    lead = _report(0, "Armed clash", [islamic_state, kurds], event_type="Battles")
    # "Heavy clashes continued around the town on Saturday": both sides of the fight the lead told
    later = _report(40, "Armed clash", [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")], "Battles")
    # a strike's target changes from report to report: only its doer is shared
    strike = _report(
        60, "Air/drone strike", [ActorRole("actor1", "Military Forces of Russia", "State forces", kurds.span), kurds]
    )
    raid = _report(80, "Air/drone strike", [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")])
    share_document_doers([lead, later, strike, raid])
    assert [(a.role, a.name) for a in later.actors] == [
        ("actor1", "Islamic State"),
        ("actor2", "Syrian Democratic Forces"),
    ]
    assert [(a.role, a.name) for a in raid.actors] == [("actor1", "Military Forces of Russia")]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # held_place_owner: a place named by the group that holds it stands for that group when it is what was hit
        (
            "Government jets struck ISIL-controlled villages south of the lake on Wednesday.",
            ARMY,
            "Islamic State",
        ),
        ("Helicopters dropped barrel bombs on the IS-held town of Tell Hamra on Monday.", None, "Islamic State"),
        # civilians the attack killed are its target, not the group holding the place they were in
        (
            "Government jets bombed IS-held suburbs of the city on Friday, killing eleven civilians.",
            ARMY,
            "Civilians",
        ),
    ],
)
def test_a_place_held_by_a_group_stands_for_it(text: str, actor1: str | None, actor2: str) -> None:
    found = all_roles(text)
    assert any(a2 == actor2 and (actor1 is None or a1 == actor1) for a1, a2 in found), found


def test_a_place_held_by_a_kind_of_force_is_read_as_that_force_for_derive_to_weigh() -> None:
    # "rebel-held districts": the rebels, a weaker reading derive_actors sets aside where a report names another
    # target, and reads as the civilians there where a report counts anyone hurt (tests/resolve/test_derive.py)
    found = all_roles("Jets pounded rebel-held districts of the city overnight.")
    assert any(a2 == "Rebels of {country}" for _, a2 in found), found


def test_a_fight_with_no_opponent_named_is_against_the_side_the_article_names_it_fighting() -> None:
    # "the army clashed with IS near the dam" ... "the army later seized three villages": the same front
    army = ActorRole("actor1", ARMY, "State forces", Span("t.txt", 0, 8, "the army"))
    islamic_state = ActorRole("actor2", "Islamic State", "Rebel groups", Span("t.txt", 20, 22, "IS"))
    clash = _report(0, "Armed clash", [army, islamic_state], event_type="Battles")
    advance = _report(40, "Government regains territory", [army], event_type="Battles")
    # "IS attacked the rebels" ... "the rebels then took the hill": the doer of the report against them
    rebels = ActorRole("actor2", "Rebels of {country}", "Rebel groups", Span("t.txt", 60, 70, "the rebels"))
    attacker = ActorRole("actor1", "Islamic State", "Rebel groups", islamic_state.span)
    attack = _report(60, "Armed clash", [attacker, rebels], event_type="Battles")
    took = ActorRole("actor1", rebels.name, rebels.actor_type, Span("t.txt", 90, 100, "the rebels"))
    taking = _report(90, "Non-state actor overtakes territory", [took], event_type="Battles")
    share_document_doers([clash, advance])
    share_document_doers([attack, taking])
    assert [a.name for a in advance.actors] == [ARMY, "Islamic State"]
    assert [a.name for a in taking.actors] == ["Rebels of {country}", "Islamic State"]


def test_a_fight_keeps_no_opponent_where_the_article_names_none() -> None:
    army = ActorRole("actor1", ARMY, "State forces", Span("t.txt", 0, 8, "the army"))
    strike = _report(0, "Air/drone strike", [army, ActorRole("actor2", "Civilians", "Civilians")])
    advance = _report(40, "Government regains territory", [army], event_type="Battles")
    share_document_doers([strike, advance])
    assert [a.name for a in advance.actors] == [ARMY]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("The army repelled a fierce attack on its positions near the village on Monday.", "Unidentified Armed Group"),
        # the dead of the repelled side are the attackers ("the dead are the side that fought them")
        ("The army repelled an attack on its positions near the dam on Monday, killing 20 militants.", TERRORISTS),
    ],
)
def test_the_side_that_repels_an_unnamed_attack_was_attacked(text: str, actor1: str) -> None:
    """repeller_was_attacked: repelling an attack whose author is unsaid still makes the repeller its target."""
    assert all_roles(text)[0] == (actor1, ARMY)
