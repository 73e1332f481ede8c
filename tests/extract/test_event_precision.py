"""Event precision and event types on general reporting patterns: what is not an event (plans, warnings,
denials and the accounts that go with them, references back), what is part of another event, and the type
ACLED's codebook gives an act (a killing with no weapon named is no remote violence, an armed group burning
homes is no riot)."""

from __future__ import annotations

import datetime as dt

from sitrep.extract import Extraction, extract_document
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.nlp import load_pipeline


def extract(text: str, published: str = "2024-03-14") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def types(text: str) -> list[tuple[str, str]]:
    return [(m.event_type, m.sub_event_type) for m in extract(text).mentions]


def only(text: str) -> Mention:
    mentions = extract(text).mentions
    assert len(mentions) == 1, [(m.event_type, m.trigger.text) for m in mentions]
    return mentions[0]


# --- not events ---------------------------------------------------------------


def test_a_goal_in_an_until_clause_is_not_an_event() -> None:
    result = extract("The commander said his men would keep fighting until every village is recaptured.")
    assert result.mentions == []
    assert any(c.modality == "hypothetical" for c in result.claims)


def test_a_past_until_clause_still_tells_what_happened() -> None:
    assert types("The rebels fought until the town was captured on Sunday.")


def test_a_threat_one_is_protected_from_is_not_an_event() -> None:
    assert extract("The government plans to build concrete shelters to protect residents from shelling.").mentions == []
    assert extract("The new walls are meant to shield residents from rocket fire.").mentions == []


def test_an_incident_that_only_dates_a_warning_is_not_reported_again() -> None:
    text = "The ministry said residents had been warned to leave the building two hours before the airstrike."
    assert extract(text).mentions == []
    assert extract("Residents fled their homes two days ahead of the assault.").mentions == []


def test_an_account_given_with_a_denial_is_a_claim_not_a_new_event() -> None:
    result = extract(
        "The militia denied losing the airport, saying its fighters had beaten back the assault and killed "
        "dozens of soldiers."
    )
    assert result.mentions == []
    claim = next(c for c in result.claims if c.quantity is not None)
    assert claim.modality == "asserted" and claim.quantity is not None and claim.quantity.low == 24


def test_an_accusation_that_goes_with_a_denial_is_not_a_new_event() -> None:
    text = "The group denied responsibility for the killing, accusing the police of firing at the crowd."
    assert extract(text).mentions == []


def test_what_a_speaker_says_it_did_while_denying_harm_to_civilians_is_its_account() -> None:
    for text in (
        "The army said it had killed 30 militants in the forest and denied harming civilians.",
        "The military said its troops killed 20 fighters near the border and denied that civilians were harmed.",
    ):
        assert extract(text).mentions == [], text


def test_a_new_attack_with_a_denial_of_harm_is_still_an_event() -> None:
    assert types("The rebels attacked the base and denied harming civilians.") == [("Battles", "Armed clash")]


def test_what_a_group_says_it_did_in_an_attack_it_claimed_is_part_of_that_attack() -> None:
    result = extract("The group claimed the ambush in a statement, saying it had seized rifles and two trucks.")
    assert [m.sub_event_type for m in result.mentions] != ["Disrupted weapons use"]
    assert all(m.trigger.text != "seized" for m in result.mentions)


def test_a_participle_describing_a_thing_is_not_an_event() -> None:
    assert extract("Wreckage of a downed helicopter was found near the border on Monday.").mentions == []


def test_nouns_that_only_share_a_trigger_word_are_not_events() -> None:
    assert extract("Several roofs were damaged in the storm on Monday.").mentions == []
    assert all(
        m.event_type != "Explosions/Remote violence"
        for m in extract("Troops destroyed a pickup truck mounted with machine guns on Monday.").mentions
    )


# --- one incident, one event ----------------------------------------------------


def test_casualties_in_a_when_clause_belong_to_the_clash() -> None:
    text = "Three people were killed and 20 injured on Friday when rival fans clashed with police outside the stadium."
    assert len(extract(text).mentions) == 1


def test_casualties_of_the_fighting_are_the_fighting() -> None:
    text = "At least nine militiamen were killed and dozens wounded in the fighting, a military source said."
    assert [m.event_type for m in extract(text).mentions] == ["Battles"]


def test_arrests_at_a_protest_are_its_intervention() -> None:
    text = (
        "Riot police used tear gas to disperse hundreds of students who marched on parliament on Monday; "
        "30 were arrested."
    )
    assert types(text) == [("Protests", "Protest with intervention")]


def test_storming_gives_way_to_what_was_done_inside() -> None:
    arrest = only("Soldiers arrested five men in the village after storming their houses on Monday.")
    assert arrest.sub_event_type == "Arrests"
    looting = only("Militiamen stormed the clinic on Monday, looting medicines and equipment.")
    assert (looting.event_type, looting.sub_event_type) == ("Strategic developments", "Looting/property destruction")
    taken = types("Militants stormed the town of Kiri on Monday.")
    assert taken == [("Battles", "Non-state actor overtakes territory")]


def test_rounding_up_and_shooting_people_is_one_attack_on_civilians() -> None:
    m = only("Witnesses said the soldiers rounded up villagers at a well, bound their hands and shot them.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    m = only("Soldiers detained five young men and later executed them near the river.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_interception_of_the_barrage_the_sentence_reports_is_part_of_it() -> None:
    text = "Overnight, eight rockets were fired from the border area toward the town; air defences intercepted three."
    assert [m.event_type for m in extract(text).mentions] == ["Explosions/Remote violence"]


def test_destroying_weapons_in_flight_is_disrupted_weapons_use_and_their_launch_no_event_of_its_own() -> None:
    m = only("The navy said its forces destroyed three drones launched by the rebels over the gulf on Tuesday.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    m = only("Air defences shot down 14 of the missiles over the capital on Tuesday.")
    assert m.sub_event_type == "Disrupted weapons use"


def test_a_definite_weapon_or_attacker_goes_on_telling_the_incident() -> None:
    mentions = extract(
        "Two policemen were killed on Sunday when a drone struck their car near the bridge.\n"
        "The drone fired a second missile at the car, a source said."
    ).mentions
    assert [m.restates for m in mentions] == [False, True]


# --- types ------------------------------------------------------------------------


def test_a_killing_with_no_weapon_named_is_no_remote_violence() -> None:
    m = only("Two men were killed in the village on Tuesday, police said.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_armed_group_burning_homes_attacks_civilians_a_crowd_riots() -> None:
    for text in (
        "The gunmen also set fire to dozens of homes in the village, residents said.",
        "Armed men set fire to dozens of homes in the village, residents said.",
    ):
        m = only(text)
        assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack"), text
    m = only("Youths set fire to tyres and a police car in the city centre on Friday.")
    assert m.event_type == "Riots"


def test_an_attack_with_fighting_going_on_is_a_battle() -> None:
    text = (
        "Kurdish fighters said they were attacked by rival militiamen near the dam on Sunday, and fighting was "
        "still going on."
    )
    assert {t for t, _ in types(text)} == {"Battles"}


def test_firing_on_a_post_is_a_battle_on_worshippers_an_attack_on_civilians() -> None:
    for text in (
        "Militants fired on a police checkpoint near the town on Sunday.",
        "Rebels opened fire on an army outpost near the town on Sunday.",
    ):
        assert types(text) == [("Battles", "Armed clash")], text
    assert types("Gunmen opened fire on worshippers leaving a mosque on Friday.") == [
        ("Violence against civilians", "Attack")
    ]


def test_army_aviation_is_an_air_strike_and_tank_fire_shelling() -> None:
    assert types("Army aviation struck a militant camp in the desert on Sunday.") == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]
    assert types("A peacekeeping position near the border was hit by tank fire on Monday.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]


def test_damage_done_by_a_weapon_is_remote_violence() -> None:
    assert types("A rocket damaged a school in the town on Monday.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]


def test_an_assault_told_with_sexual_violence_is_sexual_violence() -> None:
    text = (
        "Aid workers said they had treated 40 survivors of sexual violence, many of them assaulted by armed men "
        "on the road."
    )
    assert types(text) == [("Violence against civilians", "Sexual violence")]


def test_people_seized_are_abducted_a_town_seized_is_taken() -> None:
    assert types("Gunmen seized 12 passengers from a bus near the checkpoint on Friday.") == [
        ("Violence against civilians", "Abduction/forced disappearance")
    ]
    assert types("Rebels seized the town of Kiri on Monday.") == [("Battles", "Non-state actor overtakes territory")]


def test_seizing_weapons_is_disrupted_weapons_use_not_territory() -> None:
    m = only("Police seized a cache of rifles and ammunition in a raid on a farm on Monday.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_silencing_the_media_is_a_strategic_development() -> None:
    for text in (
        "The junta announced on Tuesday the suspension of the broadcasts of two foreign radio stations.",
        "Authorities shut down the internet in the region on Friday.",
    ):
        assert types(text) == [("Strategic developments", "Other")], text


def test_a_set_up_base_is_found_though_set_fire_is_the_first_rule_for_set() -> None:
    assert types("The militia set up a new base outside the town on Monday.") == [
        ("Strategic developments", "Headquarters or base established")
    ]


def test_air_defences_meeting_missiles_is_no_battle() -> None:
    text = "Our air defences confronted the enemy drones over the capital and downed most of them."
    mentions = extract(text).mentions
    assert mentions and {m.event_type for m in mentions} == {"Strategic developments"}, [
        (m.event_type, m.trigger.text) for m in mentions
    ]


def test_the_dead_belong_to_the_strike_not_to_the_interception_beside_it() -> None:
    text = (
        "Russian missiles struck Odesa on Monday. The regional governor said three people were killed, but "
        "added that most of the missiles had been shot down."
    )
    mentions = extract(text).mentions
    interceptions = [m for m in mentions if m.sub_event_type == "Disrupted weapons use"]
    assert interceptions and all(m.fatalities is None for m in interceptions), [
        (m.event_type, m.fatalities) for m in mentions
    ]
    assert not [q for m in interceptions for q in m.quantities if q.kind == "killed"], [
        (m.event_type, m.fatalities) for m in mentions
    ]
    assert any(m.fatalities and m.fatalities.best == 3 for m in mentions if m.event_type != "Strategic developments")


def test_a_post_overrun_and_given_up_at_once_is_an_armed_clash() -> None:
    text = "Gunmen on motorbikes overran an army outpost near Tessalit on Sunday before withdrawing, officials said."
    subs = {(m.event_type, m.sub_event_type) for m in extract(text).mentions}
    assert subs == {("Battles", "Armed clash")}, subs


def test_an_exchange_is_a_clash_only_when_fire_is_exchanged() -> None:
    """The trigger "exchange" holds only for fire, gunfire, shots or shells, not vows, prisoners or views."""
    wedding = "A suicide bomber struck a wedding in the north as the couple were exchanging vows, killing 20 guests."
    assert ("Battles", "Armed clash") not in types(wedding)
    assert types("The two sides exchanged views on a prisoner release at the talks in the capital.") == []
    assert ("Battles", "Armed clash") in types("Border guards and smugglers exchanged fire near the river on Monday.")
    assert ("Battles", "Armed clash") in types(
        "An exchange of fire between rebels and soldiers near the dam left two fighters dead."
    )
