"""Statements that are not one event become claims: running tolls, displacement, population, intentions."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.claims import ANSWERED_TOPIC, TALLY_TOPIC
from sitrep.resolve.claims import group_claims
from tests.extract.test_events import extract


@pytest.mark.parametrize(
    ("text", "low", "best"),
    [
        ("Since 10 May, at least 192 people have been killed and over 1,230 injured in El Fasher.", 192, None),
        ("Gaza's Health Ministry says more than 40,400 Palestinians have been killed in the war.", 40401, None),
        ("Amnesty International said at least 13 protesters were killed nationwide on Thursday.", 13, None),
    ],
)
def test_a_running_toll_is_a_claim_and_not_an_event(text: str, low: int, best: int | None) -> None:
    result = extract(text)
    assert result.mentions == []
    figures = [(c.quantity.low, c.quantity.best) for c in result.claims if c.quantity]
    assert (low, best) in figures


def test_a_clash_beside_a_toll_is_still_an_event() -> None:
    result = extract(
        "Israeli and Hezbollah fighters clashed near the border village of Maroun al-Ras, where the military "
        "said it had killed about 45 fighters over the past day."
    )
    assert [m.event_type for m in result.mentions] == ["Battles"]


@pytest.mark.parametrize(
    ("text", "subject", "low", "best"),
    [
        ("About 130,000 people have been displaced from El Fasher since April.", "people displaced", 117000, 130000),
        ("Some 8,000 people have fled to Chad over the past week, the UN said.", "people displaced", None, 8000),
        ("Idlib province is home to around four million people.", "population", 3600000, 4000000),
        ("The US has around 900 troops in Syria.", "troops", 810, 900),
    ],
)
def test_figures_about_people_and_forces_are_claims(text: str, subject: str, low: int | None, best: int) -> None:
    result = extract(text)
    claim = next(c for c in result.claims if c.quantity is not None)
    assert claim.subject.startswith(subject)
    assert (claim.quantity.low, claim.quantity.best) == (low, best)  # type: ignore[union-attr]


def test_a_stated_intention_is_a_planned_claim() -> None:
    result = extract('The army chief vowed on Monday to fight "until the last rebel is defeated".')
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.modality == "planned"
    vowed = extract("The Yemeni army has vowed further action against shipping.")
    assert vowed.mentions == [] and vowed.claims[0].subject.startswith("vow")


# --- counts over a period -------------------------------------------------------------------------------------


def test_a_count_of_strikes_since_a_date_is_a_tally_with_its_target_and_period() -> None:
    result = extract("Israel has carried out dozens of air strikes on southern Lebanon since January.")
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.best) == (24, None)
    assert claim.subject == "attacks on southern Lebanon"
    assert claim.period_start == dt.date(2024, 1, 1)
    assert claim.topic.startswith(TALLY_TOPIC)


@pytest.mark.parametrize(
    ("text", "low", "best", "counted", "period_start"),
    [
        (
            "Ukraine's General Staff said there had been 95 combat clashes along the front over the past day.",
            95,
            95,
            "clashes",
            dt.date(2024, 3, 13),
        ),
        (
            "Russia has fired more than 400 drones at Ukrainian cities in the past week, the air force said.",
            401,
            None,
            "munitions",
            dt.date(2024, 3, 7),
        ),
    ],
)
def test_clashes_and_munitions_counted_over_a_recent_period_are_tallies(
    text: str, low: int, best: int | None, counted: str, period_start: dt.date
) -> None:
    result = extract(text)
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.best) == (low, best)
    assert claim.topic.startswith(f"{TALLY_TOPIC}:{counted}:")
    assert claim.period_start == period_start
    assert claim.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # breaches of a truce counted since it began are a tally, not a ceasefire event
        ("The monitoring centre registered 604 breaches by armed groups since the truce came into effect.", 604),
        # a whole past year is a period
        ("The country saw 135 strikes on clinics and hospitals last year.", 135),
    ],
)
def test_breaches_since_a_truce_and_strikes_last_year_are_tallies(text: str, figure: int) -> None:
    result = extract(text)
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.topic.startswith(f"{TALLY_TOPIC}:")
    assert claim.quantity is not None and claim.quantity.best == figure


def test_strikes_on_one_day_stay_an_event() -> None:
    result = extract("Israeli jets carried out three strikes on Khan Younis on Tuesday.")
    assert [m.event_type for m in result.mentions] == ["Explosions/Remote violence"]
    assert result.claims == []


@pytest.mark.parametrize(
    "text",
    [
        "Warplanes carry out 14 raids on the eastern suburbs since the morning",
        "Helicopters dropped 9 barrel bombs on Talbiseh since dawn, a monitor said.",
    ],
)
def test_acts_counted_since_a_time_of_the_same_day_are_that_days_event(text: str) -> None:
    result = extract(text)
    assert [m.event_type for m in result.mentions] == ["Explosions/Remote violence"]
    assert not any(c.topic.startswith(TALLY_TOPIC) for c in result.claims)


# --- running tolls, troop levels, territory, shares ------------------------------------------------------------


def test_a_conflict_that_has_killed_is_a_running_toll_from_when_it_began() -> None:
    result = extract("The conflict, which erupted in April 2023, has killed at least 15,000 people, the UN says.")
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.subject == "people killed"
    assert claim.quantity is not None and claim.quantity.low == 15000
    assert claim.period_start == dt.date(2023, 4, 1)
    assert claim.chain.names()[0] == "United Nations"


def test_losses_counted_in_troops_are_a_toll_not_a_troop_level() -> None:
    result = extract("Russian losses on the southern front amounted to up to 320 servicemen over the past day.")
    (claim,) = result.claims
    assert claim.topic.startswith("toll:losses")
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.high) == (None, 320)


def test_a_troop_level_the_figure_finder_misses_is_read_from_the_parse() -> None:
    # the dotted "U.S." ends the quantity finder's noun phrase; the parse still links the number to "troops"
    result = extract("Officials said roughly 2,500 U.S. troops are deployed in Iraq.")
    assert result.mentions == []
    (claim,) = result.claims
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.best) == (2250, 2500)
    assert claim.topic == "troop-level:iraq"


def test_soldiers_who_fell_are_not_a_troop_level() -> None:
    result = extract("Three militants were killed in the fighting, while two soldiers fell as martyrs, a source said.")
    assert not [c for c in result.claims if c.topic.startswith("troop-level")]


def test_victims_who_had_been_displaced_are_not_a_displacement_figure() -> None:
    result = extract("Gunmen killed 12 displaced people near a camp in Ituri on Sunday.")
    assert [m.event_type for m in result.mentions] == ["Violence against civilians"]
    assert not [c for c in result.claims if c.subject.startswith("people displaced")]


def test_territory_held_in_square_kilometres_is_a_claim() -> None:
    result = extract("Russian forces now control about 1,000 square kilometres of the region, the ministry said.")
    (claim,) = result.claims
    assert claim.subject.startswith("territory held")
    assert claim.quantity is not None
    assert (claim.quantity.low, claim.quantity.best, claim.quantity.unit) == (900, 1000, "square kilometres")


def test_a_share_of_a_place_is_a_claim_scoped_to_the_place() -> None:
    result = extract("Aid agencies say some 80% of Rafah is now under evacuation orders.")
    (claim,) = result.claims
    assert claim.scope == "Rafah"
    assert claim.quantity is not None and (claim.quantity.best, claim.quantity.unit) == (80, "percent")


# --- intentions and plans ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The defence ministry said it would investigate the reports.", "investigate the reports"),
        (
            "The group's spokesman stressed that its naval operations will continue until the siege is lifted.",
            "its naval operations continue until the siege is lifted",
        ),
    ],
)
def test_a_reported_future_is_a_planned_claim(text: str, subject: str) -> None:
    result = extract(text)
    assert result.mentions == []
    planned = [c for c in result.claims if c.modality == "planned"]
    assert [c.subject for c in planned] == [subject]


def test_an_intention_beside_an_event_is_kept_with_the_event() -> None:
    result = extract("The army said its jets struck rebel positions near Gao on Tuesday and vowed further action.")
    assert [m.event_type for m in result.mentions] == ["Explosions/Remote violence"]
    assert [(c.subject, c.modality) for c in result.claims] == [("vow further action", "planned")]


def test_a_condition_is_not_a_plan() -> None:
    result = extract("If attacked again, the government would respond with force, the minister said.")
    assert not [c for c in result.claims if c.modality == "planned"]


def test_a_figure_someone_agreed_to_move_is_a_planned_figure() -> None:
    result = extract("The government agreed to withdraw its 1,500 troops from the region by June.")
    (claim,) = [c for c in result.claims if c.quantity is not None]
    assert claim.modality == "planned"
    assert claim.subject == "withdraw troops"
    assert claim.quantity is not None and claim.quantity.best == 1500


def test_a_rejected_figure_is_a_denied_claim_by_who_rejects_it() -> None:
    result = extract(
        "Rights groups said at least 27 protesters were killed nationwide on Friday, a figure the army disputed."
    )
    toll = next(c for c in result.claims if c.quantity is not None)
    denial = next(c for c in result.claims if c.modality == "denied")
    assert denial.topic == toll.topic  # so the resolver shows the two side by side
    assert denial.quantity is None
    assert denial.chain.names()[0] == "army"


# --- denials -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry denied the accusations.",
        "The rebel command dismissed the report as fabricated.",
        "Officials in the capital rejected the allegation on Tuesday.",
        # the statement denied tells an incident: still a denial of the statement
        "The government initially denied all claims that the journalist was killed in the consulate.",
    ],
)
def test_a_denial_of_a_statement_is_a_denied_claim_by_its_speaker(text: str) -> None:
    result = extract(text, outlet="Daily Courier")
    assert all(m.modality != "asserted" for m in result.mentions)
    (claim,) = [c for c in result.claims if c.modality == "denied"]
    assert claim.quantity is None
    assert claim.chain.names()[-1] == "Daily Courier"


def test_a_denied_attack_stays_the_attack_s_own_report_not_a_second_disputed_claim() -> None:
    from sitrep.extract.claims import DENIED_ACT_TOPIC

    result = extract("The defence ministry denied that its jets bombed the market in Karam.")
    assert [m.modality for m in result.mentions] == ["denied"]
    # the speaker's denial is listed, but under a topic of its own: the report stands in the dispute, not it
    denials = [c for c in result.claims if c.subject.startswith("deny")]
    assert all(c.topic.startswith(f"{DENIED_ACT_TOPIC}:") and c.concerns is None for c in denials)


@pytest.mark.parametrize(
    "text",
    [
        "More than 170,000 people have been killed in the civil war.",
        "The six-year conflict which has killed more than 300,000 people has driven millions from their homes.",
    ],
)
def test_a_toll_counted_over_a_whole_war_is_a_running_total(text: str) -> None:
    result = extract(text)
    assert result.mentions == []
    assert next(c.subject for c in result.claims if c.quantity is not None) == "people killed"


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 95,000 people have been killed and millions displaced by the violence.",
        "Rights groups said at least 25,000 people have died in the army's prisons.",
    ],
)
def test_a_toll_too_large_for_one_attack_is_a_running_total(text: str) -> None:
    result = extract(text)
    assert result.mentions == []
    assert any(c.subject == "people killed" and c.quantity is not None for c in result.claims)


def test_a_toll_of_one_attack_with_no_period_stays_an_event() -> None:
    result = extract("An estimated 95 people have been killed and dozens displaced by the bombing of the market.")
    assert result.mentions and not [c for c in result.claims if c.subject == "people killed"]


def test_a_day_s_fighting_toll_stays_an_event() -> None:
    result = extract("At least 12 people have been killed in the fighting around the airport on Monday.")
    assert result.mentions and not [c for c in result.claims if c.subject == "people killed"]


def test_an_aim_stated_for_forces_is_a_planned_claim() -> None:
    result = extract("Loyalist forces aimed to encircle the northern districts this week, the newspaper said.")
    assert result.mentions == []
    assert [c.modality for c in result.claims] == ["planned"]
    # "aimed at" a target tells what was hit, not an intention.
    struck = extract("The strikes aimed at fuel depots near the port killed two guards.")
    assert struck.mentions and not [c for c in struck.claims if c.modality == "planned"]


def test_a_denial_that_names_no_incident_is_about_the_incident_told_before_it() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import AttributionChain, Claim, Source, Span
    from tests.resolve.resolve_fixtures import mention

    first = mention("m1", doc="story", text="A chemical attack killed 90 people in Tarsa.")
    second = mention("m2", doc="story", text="The United States fired missiles at an air base.")
    first.sentence, second.sentence = Span("story", 0, 44), Span("story", 45, 95)
    said = AttributionChain([Source("Syria", "government"), Source("Courier", "publisher")])
    denial = Claim("c1", "story", "deny charges", None, None, Span("story", 96, 120), chain=said, modality="denied")
    # The story's own negative statement is nobody's denial.
    aside = Claim(
        "c2",
        "story",
        "truce",
        None,
        None,
        Span("story", 121, 160),
        modality="denied",
        chain=AttributionChain([Source("Courier", "publisher")]),
    )
    linked, unlinked = link_to_incidents([first, second], [denial, aside])
    assert linked.concerns == "m2"
    assert unlinked.concerns is None


def test_a_denial_naming_a_means_is_about_the_last_report_of_that_means() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import AttributionChain, Claim, Source, Span
    from tests.resolve.resolve_fixtures import mention

    gas = mention("m1", doc="story", text="Jets dropped gas canisters on the village at dawn, medics said.")
    clinic = mention("m2", doc="story", text="Rescuers said jets later struck a clinic treating the wounded.")
    gas.sub_event_type, clinic.sub_event_type = "Chemical weapon", "Air/drone strike"
    gas.sentence, clinic.sentence = Span("story", 0, 63), Span("story", 64, 126)
    said = AttributionChain([Source("the army", "military"), Source("Courier", "publisher")])
    text = "The army denied using chemical weapons."
    denial = Claim("c1", "story", "deny", None, None, Span("story", 127, 166, text), chain=said, modality="denied")
    (linked,) = link_to_incidents([gas, clinic], [denial])
    assert linked.concerns == "m1"
    # a denial naming no means answers what the story told last; the government naming itself names no means
    text = "The government denied the charges."
    vague = Claim("c2", "story", "deny", None, None, Span("story", 127, 161, text), chain=said, modality="denied")
    (linked,) = link_to_incidents([gas, clinic], [vague])
    assert linked.concerns == "m2"


def test_a_word_that_nobody_was_hurt_after_another_place_s_harmless_attack_is_about_that_attack() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import AttributionChain, Claim, PlaceMention, Quantity, Source, Span
    from tests.resolve.resolve_fixtures import mention

    city = mention("m1", doc="story", where=None, text="Rockets killed five people in Tarsa, police said.")
    city.fatalities = Quantity("people", 5, 5, 5, kind="killed")
    village = mention("m2", doc="story", where=None, text="Mortars also hit the village of Kafr Lin.")
    city.places = [PlaceMention("Tarsa", Span("story", 30, 35))]
    village.places = [PlaceMention("Kafr Lin", Span("story", 81, 89))]
    city.sentence, village.sentence = Span("story", 0, 49), Span("story", 50, 90)
    said = AttributionChain([Source("a police source", "official"), Source("Courier", "publisher")])
    text = "A police source said the attack caused damage but left no casualties."
    none = Claim(
        "c1", "story", "people killed", None, None, Span("story", 91, 160, text), chain=said, modality="denied"
    )
    none.topic = "no-harm:killed:story"
    (unlinked,) = link_to_incidents([city, village], [none])
    assert unlinked.concerns is None
    # told right after the deadly report (or after another report of its own town), it disputes the deaths
    village.places = [PlaceMention("Tarsa", Span("story", 0, 0))]
    (linked,) = link_to_incidents([city, village], [none])
    assert linked.concerns == "m1"


def test_a_state_s_denial_is_about_the_last_report_of_its_own_forces_acts() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import ActorRole, AttributionChain, Claim, Source, Span
    from tests.resolve.resolve_fixtures import mention

    ours = mention("m1", doc="story", text="A Russian air strike killed 38 people at the river crossing.")
    theirs = mention("m2", doc="story", text="A coalition air strike killed 18 civilians in another town.")
    ours.actors = [ActorRole("actor1", "Military Forces of Russia", "State forces")]
    theirs.actors = [ActorRole("actor1", "Military Forces of the United States", "State forces")]
    for report in (ours, theirs):
        report.sub_event_type = "Air/drone strike"
    ours.sentence, theirs.sentence = Span("story", 0, 59), Span("story", 60, 119)
    said = AttributionChain([Source("Russia", "government"), Source("Courier", "publisher")])
    text = "Russia has not acknowledged any civilian deaths from its strikes."
    denial = Claim("c1", "story", "deny", None, None, Span("story", 120, 185, text), chain=said, modality="denied")
    (linked,) = link_to_incidents([ours, theirs], [denial])
    assert linked.concerns == "m1"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Residents of the two villages had been given three days to leave, the sources said.", 3),
        ("The brigade issued a statement giving the militia 48 hours to release the hostages.", 48),
    ],
)
def test_a_time_given_to_do_something_is_a_planned_ultimatum(text: str, figure: int) -> None:
    result = extract(text)
    (ultimatum,) = [c for c in result.claims if c.topic.startswith("ultimatum:")]
    assert ultimatum.modality == "planned"
    assert ultimatum.quantity is not None and ultimatum.quantity.best == figure


@pytest.mark.parametrize(
    "text",
    [
        "The monitor said more than 600 civilians have been killed in the last three months in the province.",
        "Over 250 fighters have died in the region during the past month, the group said.",
        "Four days of air raids on the province had left more than 40 people dead, the group said.",
    ],
)
def test_a_toll_over_a_stretch_of_time_is_a_running_total(text: str) -> None:
    result = extract(text)
    assert any(c.topic.startswith("toll:killed") for c in result.claims)


def test_lives_claimed_by_a_war_are_its_dead() -> None:
    result = extract("The war has claimed more than 50,000 lives, according to the monitor.")
    claim = next(c for c in result.claims if c.quantity is not None)
    assert claim.topic.startswith("toll:killed")
    assert claim.quantity is not None and claim.quantity.low == 50001


@pytest.mark.parametrize(
    ("text", "topic", "low", "best"),
    [
        ("Rebels have besieged about 30,000 people in the old town for a year.", "besieged", 27000, 30000),
        ("The siege has trapped over 30,000 civilians.", "besieged", 30001, None),
        ("Some 90,000 people live in the valley.", "population", None, 90000),
        ("There are an estimated 90,000 people still living in the city.", "population", 81000, 90000),
        ("More than two million Ruritanians have become refugees.", "displaced", 2000001, None),
        ("The country hosts an estimated two million refugees.", "displaced", 1800000, 2000000),
    ],
)
def test_people_besieged_living_or_become_refugees_are_standing_figures(
    text: str, topic: str, low: int | None, best: int | None
) -> None:
    claim = next(c for c in extract(text).claims if c.quantity is not None)
    assert claim.topic.startswith(topic)
    assert (claim.quantity.low, claim.quantity.best) == (low, best)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Troops evacuated 300 people from the besieged town on Monday.",
        "Gunmen killed 12 people living in the camp on Sunday.",
    ],
)
def test_people_moved_or_harmed_near_a_siege_or_a_home_are_no_standing_figure(text: str) -> None:
    assert not any(c.topic.split(":")[0] in {"besieged", "population"} for c in extract(text).claims)


def _about(text: str, topic: str) -> list[tuple[str, str]]:
    return [(c.modality, c.subject) for c in extract(text).claims if c.topic.startswith(topic)]


@pytest.mark.parametrize(
    ("text", "modality", "subject"),
    [
        ("The group claimed responsibility for the bombing.", "asserted", "responsibility for the bombing (The group)"),
        ("The army denied responsibility for the strike, the ministry said.", "denied", "denied responsibility"),
        ("Nobody has claimed responsibility for the attack.", "denied", "no claim of responsibility"),
        ("No group has yet claimed responsibility for the blast.", "denied", "no claim of responsibility"),
    ],
)
def test_claims_and_denials_of_responsibility_are_claims(text: str, modality: str, subject: str) -> None:
    found = _about(text, "responsibility:")
    assert len(found) == 1 and found[0][0] == modality and found[0][1].startswith(subject)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("The defence ministry said its air force was not responsible for the strike on the convoy.", "air force"),
        ("The militia is not to blame for the blast at the market, its leader said.", "militia"),
    ],
)
def test_a_side_said_not_to_answer_for_an_incident_denies_responsibility(text: str, side: str) -> None:
    found = _about(text, "responsibility:")
    assert len(found) == 1 and found[0][0] == "denied" and found[0][1].startswith("denied responsibility for the")
    assert side in found[0][1]


def test_denying_who_did_it_does_not_deny_that_it_happened() -> None:
    result = extract("The defence ministry said its air force was not responsible for the strike on the convoy.")
    assert [m.modality for m in result.mentions if m.trigger.text == "strike"] == ["asserted"]


def test_a_side_said_to_be_responsible_is_no_denial() -> None:
    found = _about("The army said the rebels were responsible for the shelling of the school.", "responsibility:")
    assert not any(modality == "denied" for modality, _ in found)


def test_a_claim_of_responsibility_attaches_to_the_incident_and_nobody_claiming_it_does_not() -> None:
    result = extract(
        "A car bomb exploded near the market in the town on Tuesday. The rebel front claimed responsibility for the "
        "blast in a statement. Nobody else has claimed responsibility."
    )
    bomb = next(m for m in result.mentions if m.trigger.text == "bomb")
    claims = {c.modality: c for c in result.claims if c.topic.startswith("responsibility:")}
    assert claims["asserted"].concerns == bomb.id
    assert claims["denied"].concerns is None


@pytest.mark.parametrize(
    "text",
    [
        "The governor said no one was killed in the strike.",
        "The ministry said there were no casualties in the raid.",
        "A spokesman said the shelling caused no deaths.",
        "No civilians were harmed in the raid, the army said.",
    ],
)
def test_a_statement_that_nobody_was_harmed_is_a_denied_toll_of_zero(text: str) -> None:
    claims = [c for c in extract(text).claims if c.topic.startswith("no-harm:")]
    assert len(claims) == 1 and claims[0].modality == "denied"
    assert claims[0].quantity is not None and claims[0].quantity.best == 0


def test_a_denied_toll_is_set_against_the_incident_a_speaker_answers() -> None:
    result = extract(
        "Shelling killed nine people in the village on Monday, activists said. "
        "The army said nobody was killed in the village."
    )
    shelling = next(m for m in result.mentions if m.trigger.text == "Shelling")
    denial = next(c for c in result.claims if c.topic.startswith("no-harm:"))
    assert denial.concerns == shelling.id


@pytest.mark.parametrize(
    "text",
    [
        "A police spokesman said there was no evidence that the militia carried out the attack.",
        "Inspectors said they found no trace of a chemical agent at the site.",
    ],
)
def test_no_evidence_of_who_did_it_is_a_denial(text: str) -> None:
    claims = [c for c in extract(text).claims if c.topic.startswith("evidence:")]
    assert len(claims) == 1 and claims[0].modality == "denied" and claims[0].subject.startswith("no ")


def test_a_dismissed_report_is_a_denied_claim() -> None:
    claims = extract("The army dismisses the monitor's reporting as biased.").claims
    assert any(c.modality == "denied" and c.subject.startswith("dismiss") for c in claims)


def test_a_toll_of_the_last_hours_is_one_days_report_and_stays_an_event() -> None:
    result = extract("Troops killed 15 militants in the village during the last hours, a source said.")
    assert [m.trigger.text for m in result.mentions] == ["killed"]
    assert not any(c.topic.startswith("toll:") for c in result.claims)


def test_nobody_harmed_is_not_set_against_a_report_that_gives_no_deaths() -> None:
    result = extract(
        "Government troops used tear gas in the village on Monday, activists said. "
        "The army said nobody was killed in the village."
    )
    denial = next(c for c in result.claims if c.topic.startswith("no-harm:"))
    assert denial.concerns is None


def test_a_population_of_no_named_place_is_compared_only_within_its_article() -> None:
    claim = next(c for c in extract("Some 90,000 people live there.").claims if c.topic.startswith("population"))
    assert claim.topic == "population:@t.txt"


def test_deaths_a_speaker_does_not_acknowledge_are_a_denied_toll_and_its_dismissal_a_denial() -> None:
    claims = extract(
        "The army has not acknowledged any civilian deaths from its strikes and dismisses the monitor's reporting "
        "as biased."
    ).claims
    assert any(c.topic.startswith("no-harm:killed") and c.modality == "denied" for c in claims)
    assert any(c.subject.startswith("dismiss") and c.modality == "denied" for c in claims)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("An aid group has put the death toll from the conflict at as high as 90,000.", None, 90000),
        ("The research centre has put the death toll from the six-year conflict at more than 90,000.", 90001, None),
    ],
)
def test_a_toll_put_at_a_figure_is_a_toll_claim(text: str, low: int | None, high: int | None) -> None:
    claim = next(c for c in extract(text).claims if c.topic.startswith("toll:killed"))
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.high) == (low, high)


def test_fighters_a_side_has_lost_are_its_losses() -> None:
    claims = extract("The militia has lost 463 fighters in the battle, the monitor said.").claims
    assert any(c.topic.startswith("toll:losses") and c.quantity and c.quantity.best == 463 for c in claims)


def test_a_share_of_the_city_is_a_territorial_figure_compared_only_within_its_article() -> None:
    claim = next(c for c in extract("The alliance has wrested 90 percent of the city from the militants.").claims)
    assert claim.subject == "share of the city wrested"
    assert claim.topic.endswith("@t.txt")


@pytest.mark.parametrize(
    ("text", "best", "running"),
    [
        ("The monitor said the shelling brought to 49 the number killed in the town in two days of attacks.", 49, True),
        ("The number of dead has risen to 40, the ministry said.", 40, False),
        ("The monitor, which earlier gave a toll of 20 in the strikes, said 25 people died.", 20, False),
    ],
)
def test_a_toll_stated_without_a_counted_noun_is_a_toll_claim(text: str, best: int, running: bool) -> None:
    claim = next(c for c in extract(text).claims if c.topic.startswith("toll:killed"))
    assert claim.quantity is not None and claim.quantity.best == best
    # one incident's toll is compared only within its article, never with a war's running total
    assert claim.topic.endswith("@t.txt") is not running


def test_a_count_of_things_brought_to_a_figure_is_no_toll() -> None:
    claims = extract("The bombing brought to 12 the number of buildings destroyed.").claims
    assert not any(c.topic.startswith("toll:") for c in claims)


def test_a_denial_of_responsibility_is_one_claim_with_its_own_id() -> None:
    result = extract(
        "Jets struck the market in the town on Friday, the monitor said. "
        "The government denied responsibility for the strike, blaming the rebels."
    )
    denials = [c for c in result.claims if c.modality == "denied"]
    assert [c.topic.split(":")[0] for c in denials] == ["responsibility"]
    assert len({c.id for c in result.claims}) == len(result.claims)


# --- demands, forecasts, statements in a participle clause, denials the parser hangs low ----------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The opposition called for a humanitarian corridor to be opened south of the city.", "call for"),
        ("Aid groups appealed for calm in the capital.", "appeal for calm"),
        ("Protesters demanded the release of the detained students.", "demand the release of the detained students"),
    ],
)
def test_a_demand_is_an_asserted_claim_of_its_own(text: str, subject: str) -> None:
    result = extract(text)
    (claim,) = [c for c in result.claims if c.topic.startswith("demand:")]
    assert claim.subject.startswith(subject)
    assert claim.modality == "asserted"  # the demand was made; what it asks for is not said to happen


def test_calling_something_a_name_is_no_demand() -> None:
    result = extract("The mayor called the shelling a massacre.")
    assert not [c for c in result.claims if c.topic.startswith("demand:")]


def test_a_forecast_of_worsening_is_a_feared_claim_and_other_expectations_are_not_claims() -> None:
    (claim,) = extract("Aid workers expect conditions in the camps to worsen over the winter.").claims
    assert claim.modality == "feared"
    assert extract("The envoy expects talks to resume next week.").claims == []


def test_a_future_told_in_a_participle_clause_is_a_planned_claim() -> None:
    result = extract(
        "The foreign ministry said the army will continue the operation, adding the troops will stay in the zone "
        "through the winter."
    )
    assert "the troops stay in the zone through the winter" in [
        c.subject for c in result.claims if c.modality == "planned"
    ]


def test_a_denial_the_parser_hangs_under_a_later_verb_is_still_a_denied_claim() -> None:
    # the parser makes "rejected" a complement of "found"; the rejection is still the army's own statement
    result = extract(
        "The army flatly rejected the accusation, however, a later inquiry found the soldiers were to blame."
    )
    (claim,) = result.claims
    assert claim.modality == "denied"
    assert claim.subject == "reject accusation"


def test_an_operation_announced_is_a_planned_claim_beside_the_events_told() -> None:
    result = extract("The militia seized two hills near the dam and announced a new offensive against the airport.")
    assert [m.event_type for m in result.mentions] == ["Battles"]
    (claim,) = result.claims
    assert (claim.modality, claim.subject) == ("planned", "announce a new offensive against the airport")


def test_the_start_of_an_operation_announced_is_no_plan() -> None:
    assert extract("The army announced the start of an offensive on the town.").claims == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Ruritania accused its neighbour of responsibility for the blast.",
            "accuse its neighbour of responsibility for the blast",
        ),
        (
            "Residents have accused the militia of blocking aid convoys from entering the town.",
            "accuse the militia of blocking aid convoys from entering the town",
        ),
    ],
)
def test_an_accusation_is_an_asserted_claim_by_its_speaker(text: str, subject: str) -> None:
    (claim,) = extract(text).claims
    assert (claim.modality, claim.subject) == ("asserted", subject)


def test_an_accused_act_that_is_an_event_keeps_its_report_beside_the_accusation() -> None:
    result = extract("Rebels accused the army of a massacre in the village.")
    assert [m.event_type for m in result.mentions] == ["Violence against civilians"]
    assert [c.topic.split("@")[0] for c in result.claims] == ["accusation"]


def test_being_accused_names_no_accuser_and_is_no_accusation_claim() -> None:
    assert extract("The general was accused of war crimes.").claims == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The company's spokesman claimed the guards stayed inside the compound.",
            "claim the guards stayed inside the compound",
        ),
        ("The ministry insists the convoy carried weapons.", "insist the convoy carried weapons"),
    ],
)
def test_a_contention_with_no_event_is_an_asserted_claim_by_its_speaker(text: str, subject: str) -> None:
    (claim,) = extract(text).claims
    assert (claim.modality, claim.subject) == ("asserted", subject)
    assert claim.topic.startswith("contention@")


@pytest.mark.parametrize(
    "text",
    [
        # an incident told is that incident's report
        "The group claimed it had shot down a drone over the town.",
        # nobody contends a hedge
        "It is claimed that the convoy carried weapons.",
        # a future stated is a plan
        "The spokesman insisted that the raids will go on.",
    ],
)
def test_no_contention_claim_for_an_incident_a_hedge_or_a_plan(text: str) -> None:
    assert not [c for c in extract(text).claims if c.topic.startswith("contention@")]


def test_a_running_toll_given_in_parts_is_stated_as_their_sum_beside_the_parts() -> None:
    result = extract(
        "The monitor said 42 soldiers and 95 rebels have been killed since the offensive on the valley began."
    )
    figures = sorted((c.quantity.low, c.quantity.best) for c in result.claims if c.quantity is not None)
    assert figures == [(42, 42), (95, 95), (137, 137)]
    # figures that are not joined are two tolls, never added
    apart = extract("Since May, 40 soldiers have been killed in the north, while 12 rebels died in the south.")
    assert 52 not in {c.quantity.best for c in apart.claims if c.quantity is not None}


def test_a_since_date_in_a_relative_clause_dates_its_noun_not_the_count() -> None:
    besieged = extract(
        "The monitor said 43 civilians have been killed in the assault, most of them in the enclave, which has"
        " been besieged since 2013."
    )
    assert [c.period_start for c in besieged.claims if c.quantity is not None] == [None]
    war = extract("More than 300,000 people have been killed in the war, which began in March 2011.")
    assert [c.period_start for c in war.claims if c.quantity is not None] == [dt.date(2011, 3, 1)]


def test_a_stationing_word_used_as_a_noun_states_no_troop_level() -> None:
    trapped = extract(
        "The group had trapped around 150 retreating soldiers in an area near the base, the monitor said."
    )
    assert not [c for c in trapped.claims if c.topic.startswith("troop-level")]
    based = extract("About 2,000 foreign troops are based in the region, the ministry said.")
    assert [c for c in based.claims if c.topic.startswith("troop-level")]


def test_a_denial_answers_the_report_that_tells_the_act_not_one_that_mentions_it_as_alleged() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import AttributionChain, Claim, Source, Span
    from tests.resolve.resolve_fixtures import mention

    accused = mention("m1", doc="story", text="Opposition groups said the army's shelling killed 40 people in Tarsa.")
    inquiry = mention("m2", doc="story", text="A UN envoy arrived to investigate the alleged attack, a reporter said.")
    inquiry.modality = "reported"
    accused.sentence, inquiry.sentence = Span("story", 0, 70), Span("story", 71, 142)
    said = AttributionChain([Source("the government", "government"), Source("Courier", "publisher")])
    text = "The government denied the accusations."
    denial = Claim("c1", "story", "deny", None, None, Span("story", 143, 181, text), chain=said, modality="denied")
    (linked,) = link_to_incidents([accused, inquiry], [denial])
    assert linked.concerns == "m1"
    # with no report told as done, the mention of the alleged act is what it answers
    (alone,) = link_to_incidents([inquiry], [denial])
    assert alone.concerns == "m2"


def test_a_denied_act_is_its_own_report_and_the_speaker_s_denial_is_kept_as_a_claim() -> None:
    from sitrep.extract.claims import DENIED_ACT_TOPIC

    result = extract("The interior ministry denied that its helicopters dropped barrel bombs on the market.")
    assert [m.modality for m in result.mentions] == ["denied"]
    (denial,) = [c for c in result.claims if c.modality == "denied"]
    assert denial.topic.startswith(f"{DENIED_ACT_TOPIC}:") and denial.concerns is None
    # a denial of a statement names no act and is linked to the report it answers, as before
    charges = extract("A monitor said jets struck the market. The interior ministry denied the charges.")
    (answer,) = [c for c in charges.claims if c.modality == "denied"]
    assert not answer.topic.startswith(DENIED_ACT_TOPIC)


def test_a_speaker_s_denial_of_an_act_answers_the_incident_told_before_it() -> None:
    result = extract(
        "A monitor said jets struck the market in Karam on Monday, killing 12 people. "
        "The defence ministry denied that its jets bombed the market.",
        outlet="Daily Courier",
    )
    (told,) = [m for m in result.mentions if m.modality == "asserted"]
    (denial,) = [c for c in result.claims if c.modality == "denied"]
    assert denial.concerns == told.id


def test_an_act_read_as_denied_from_its_negation_alone_answers_no_report() -> None:
    result = extract(
        "Jets struck the market in Karam on Monday, killing 12 people, a monitor said. "
        "Such attacks will not stop us, the rebel commander said.",
        outlet="Daily Courier",
    )
    assert all(c.concerns is None for c in result.claims if c.modality == "denied")


def test_a_denial_answers_an_incident_not_a_campaign_told_over_a_period() -> None:
    from sitrep.extract.claims import link_to_incidents
    from sitrep.model import AttributionChain, Claim, Source, Span
    from tests.resolve.resolve_fixtures import mention

    market = mention("m1", doc="story", text="Air strikes killed 20 people at a market in Tarsa on Monday.")
    campaign = mention("m2", doc="story", text="Jets have carried out air strikes across the region since March.")
    for report in (market, campaign):
        report.sub_event_type = "Air/drone strike"
    market.sentence, campaign.sentence = Span("story", 0, 60), Span("story", 61, 127, campaign.sentence.text)
    said = AttributionChain([Source("the defence ministry", "government"), Source("Courier", "publisher")])
    text = "The defence ministry denied its jets carried out air strikes on the market."
    denial = Claim("c1", "story", "deny", None, None, Span("story", 128, 203, text), chain=said, modality="denied")
    (linked,) = link_to_incidents([market, campaign], [denial])
    assert linked.concerns == "m1"


@pytest.mark.parametrize(
    "text",
    [
        # denial_by_negation: an act its speaker says did not happen is denied as with "deny"
        "The defence ministry said on Tuesday that its planes had not carried out air strikes on the town.",
        "The alliance conducted no strikes in the valley that night, a spokesman told the Courier.",
    ],
)
def test_an_act_said_not_to_have_happened_is_a_denial_by_its_speaker(text: str) -> None:
    from sitrep.extract.claims import DENIED_ACT_TOPIC

    result = extract(text, outlet="Daily Courier")
    assert [m.modality for m in result.mentions] == ["denied"]
    (claim,) = [c for c in result.claims if c.modality == "denied"]
    assert claim.quantity is None and claim.topic.startswith(f"{DENIED_ACT_TOPIC}:")
    assert claim.chain.names()[-1] == "Daily Courier"


def test_a_toll_put_by_a_speaker_is_that_speaker_s_claim() -> None:
    # toll_giver: the subject of "put the death toll at" states the toll, though "put" is no speech verb
    result = extract(
        "Shelling hit the market in the town on Monday killing 30 people the monitor said. "
        "A rights group citing figures from local clinics put the death toll at 45.",
        outlet="Daily Courier",
    )
    (claim,) = [c for c in result.claims if c.quantity is not None and c.quantity.best == 45]
    assert claim.chain.names() == ["rights group", "Daily Courier"]
    # second_toll: it answers the report of the incident told before it, whose toll it disputes
    (report,) = [m for m in result.mentions if m.fatalities is not None and m.fatalities.best == 30]
    assert claim.concerns == report.id


def test_a_second_speaker_s_toll_is_a_claim_against_the_first_and_the_same_toll_is_none() -> None:
    first = "Shelling hit the market in the town on Monday killing 30 people the monitor said. "
    result = extract(first + "The opposition council said 52 people died.", outlet="Daily Courier")
    (claim,) = [c for c in result.claims if c.quantity is not None and c.concerns is not None]
    assert (claim.quantity.best, claim.modality, claim.chain.names()[0]) == (52, "asserted", "opposition council")
    assert claim.concerns in {m.id for m in result.mentions}
    # the same toll from a second speaker is no second position
    again = extract(first + "The opposition council said 30 people died.", outlet="Daily Courier")
    assert [c for c in again.claims if c.quantity is not None and c.concerns is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the shelling of the camp was carried out by the rebels.",
        "Officials said the militia was behind the attack on the market.",
        "We hold the army responsible for the shelling of the town, the minister said.",
        "The government blamed the blast on the rebels.",
    ],
)
def test_whom_a_speaker_lays_an_incident_on_is_an_asserted_accusation(text: str) -> None:
    result = extract(text)
    accusations = [c for c in result.claims if c.topic.startswith("accusation@")]
    assert [(c.modality, c.quantity) for c in accusations] == [("asserted", None)]
    # what is laid on whom, without the speaker who lays it
    assert accusations[0].subject.startswith("accusation: ") and "said" not in accusations[0].subject


@pytest.mark.parametrize(
    "text",
    [
        "The shelling of the camp was carried out by the rebels, killing five.",
        "Officials said the militia was not behind the attack on the market.",
    ],
)
def test_the_story_s_own_passive_and_a_negated_statement_are_no_accusation(text: str) -> None:
    assert not [c for c in extract(text).claims if c.topic.startswith("accusation@")]


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Activists say coalition strikes around the city have killed hundreds of civilians.", 200),
        ("At least 240 people have also been killed in clashes in the neighbouring province.", 240),
    ],
)
def test_acts_counted_in_the_plural_with_a_perfect_tense_toll_are_a_running_total(text: str, low: int) -> None:
    result = extract(text)
    assert [c.quantity.low for c in result.claims if c.quantity is not None and c.subject == "people killed"] == [low]
    assert result.mentions and result.mentions[0].fatalities is not None  # the acts stay an event with their toll


@pytest.mark.parametrize(
    "text",
    [
        "Russian air strikes have killed 20 people in the town on Tuesday, a monitor said.",
        "An air strike has killed 20 people in the town.",
    ],
)
def test_one_day_s_strikes_or_one_strike_give_no_running_total(text: str) -> None:
    assert not [c for c in extract(text).claims if c.subject == "people killed"]


def test_the_toll_a_report_gives_is_also_a_claim_of_its_source() -> None:
    result = extract("Shelling killed at least 17 villagers in Kafr Sousa last week, a rights group said.")
    (claim,) = [c for c in result.claims if c.topic.startswith("reported:") and c.subject.startswith("reported toll")]
    assert claim.quantity is not None and (claim.quantity.low, claim.quantity.kind) == (17, "killed")
    assert claim.chain.names()[0] == "rights group"
    # the report stays an event: the claim only records who gives the figure
    assert [m.fatalities.low for m in result.mentions if m.fatalities] == [17]


def test_a_figure_a_claim_already_states_gets_no_second_toll_claim() -> None:
    result = extract("Air strikes on the town killed 40 people over the past week, the monitor said.")
    assert result.mentions  # the report gives the figure too
    figures = [c for c in result.claims if c.quantity is not None and c.quantity.low == 40]
    assert [c.topic for c in figures] == ["toll:killed:"]


def test_the_wounded_and_the_victims_a_report_counts_are_claims_of_its_source() -> None:
    result = extract(
        "Shelling killed 12 people, including five children, and wounded 30 in the market, the monitor said."
    )
    reported = {(c.subject, c.quantity.low) for c in result.claims if c.topic.startswith("reported:") and c.quantity}
    assert {("reported toll", 12), ("reported children killed", 5), ("reported people wounded", 30)} <= reported


def test_a_count_of_munitions_a_speaker_gives_is_a_claim_and_the_story_s_own_is_not() -> None:
    said = extract("The monitor said the militants had used at least 14 car bombs in the battle for the town.")
    assert [(c.subject, c.quantity.low) for c in said.claims if c.quantity] == [("reported car bombs", 14)]
    told = extract("The militants detonated four car bombs in the town on Sunday.")
    assert [c for c in told.claims if c.quantity] == []


def test_what_a_speaker_says_with_no_event_of_its_own_is_an_asserted_claim() -> None:
    result = extract("The monitor said the commander is still alive and hiding in the hills west of the city.")
    (claim,) = [c for c in result.claims if c.topic.startswith("contention@")]
    assert (claim.modality, claim.quantity, claim.chain.names()[0]) == ("asserted", None, "monitor")
    assert "still alive" in claim.subject


def test_a_statement_inside_a_statement_is_one_claim_and_a_told_incident_is_none() -> None:
    nested = extract("An opposition leader told reporters he believed the truce had practically failed.")
    assert [c.subject for c in nested.claims if c.topic.startswith("contention@")] == [
        "believe the truce had practically failed"
    ]
    told = extract("The ministry said the raids killed 20 militants near the town.")
    assert [c for c in told.claims if c.topic.startswith("contention@")] == []


@pytest.mark.parametrize(
    ("text", "head", "low"),
    [
        (
            "More than 300 schools in the province have been damaged or destroyed in the war, the charity said.",
            "schools",
            301,
        ),
        ("Air strikes have pounded 5 bridges over the river in the past three days, the sources said.", "bridges", 5),
    ],
)
def test_a_count_of_buildings_damaged_is_a_damage_claim(text: str, head: str, low: int) -> None:
    (claim,) = [c for c in extract(text).claims if c.topic.startswith("damage:")]
    assert claim.quantity is not None and claim.quantity.low == low
    assert claim.topic == f"damage:{head}@{claim.id}"  # set against no other claim


def test_buildings_counted_without_damage_are_no_damage_claim() -> None:
    result = extract("The town has 12 schools and two hospitals, the governor said.")
    assert not [c for c in result.claims if c.topic.startswith("damage:")]


def _answered(text: str) -> list[tuple[str, list[str]]]:
    claims = [c for c in extract(text).claims if c.topic.startswith(ANSWERED_TOPIC)]
    return [(c.modality, c.chain.names()[:1]) for c in claims]


@pytest.mark.parametrize(
    ("text", "accuser", "denier"),
    [
        (
            "The monitor said shelling killed 12 villagers in Arbela, but Ruritania denied firing on the town.",
            "monitor",
            "Ruritania",
        ),
        (
            "Residents blamed the Blue Militia for the blast at the market, though it denied any role in the attack.",
            "residents",
            "Blue Militia",
        ),
        (
            "Farmers accused the border guards of burning the crops, while Ruritania dismissed the charge.",
            "Farmers",
            "Ruritania",
        ),
    ],
)
def test_an_accusation_and_its_denial_in_one_sentence_are_set_against_each_other(
    text: str, accuser: str, denier: str
) -> None:
    claims = [c for c in extract(text).claims if c.topic.startswith(ANSWERED_TOPIC)]
    assert [(c.modality, c.chain.names()[0]) for c in claims] == [("asserted", accuser), ("denied", denier)]
    (group,) = group_claims(claims)
    assert [c.kind for c in group.contradictions] == ["denial"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry denied the charges and accused the rebels of staging the attack on the convoy.",
        "Rebels accused the army of shelling the village.",
        "The ministry denied that its jets struck the market.",
        "A ministry official denied the report, saying the army had not shelled the camp.",
    ],
)
def test_a_denial_by_the_accuser_or_with_no_accusation_answers_none_in_its_sentence(text: str) -> None:
    assert _answered(text) == []


def test_a_denial_whose_own_sentence_tells_the_accusation_is_about_that_accusation() -> None:
    result = extract(
        "Shelling killed 12 villagers in Arbela on Monday, the monitor said. Residents blamed the Blue Militia for "
        "the shelling, though it denied responsibility for the attack."
    )
    laid = next(c for c in result.claims if c.topic.startswith(ANSWERED_TOPIC) and c.modality == "asserted")
    denials = [c for c in result.claims if c.modality == "denied"]
    assert denials and all(c.concerns == laid.id for c in denials)
