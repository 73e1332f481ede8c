"""Event mentions from sentences of many conflicts: type, actors, date, figures, chain, modality."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.extract import Extraction, extract_document
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.ingest.readers import read_source
from sitrep.model import Document, Mention
from sitrep.nlp import load_pipeline

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def extract(text: str, published: str = "2024-03-14", outlet: str = "Wire") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet=outlet, published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def only(text: str, **kw: str) -> Mention:
    mentions = extract(text, **kw).mentions
    assert len(mentions) == 1, [(m.event_type, m.trigger.text) for m in mentions]
    return mentions[0]


def test_drone_strike_on_a_base_is_remote_violence_with_unidentified_perpetrator() -> None:
    m = only("A drone struck a base housing US troops in eastern Syria on Sunday, officials said.")
    # PLOVER: an air strike on troops is conventional military force, FIGHT (on civilians it would be ASSAULT)
    assert (m.event_type, m.sub_event_type, m.plover) == ("Explosions/Remote violence", "Air/drone strike", "FIGHT")
    assert m.actor("actor1") is not None and m.actor("actor1").name == "Unidentified Armed Group"  # type: ignore[union-attr]
    assert m.date is not None and m.date.start == dt.date(2024, 3, 10) and m.date.precision == "day"


def test_named_attacker_and_target_are_normalised_to_canonical_actors() -> None:
    m = only("Israeli jets struck a Hezbollah position near Nabatieh on Tuesday.")
    assert m.actor("actor1").name == "Military Forces of Israel"  # type: ignore[union-attr]
    assert m.sub_event_type == "Air/drone strike"


def test_clashes_are_battles_and_the_roadside_bomb_is_an_ied() -> None:
    battle = only("Fighters of the Rapid Support Forces clashed with the Sudanese army in Omdurman on Monday.")
    assert (battle.event_type, battle.sub_event_type) == ("Battles", "Armed clash")
    assert battle.actor("actor1").name == "Rapid Support Forces"  # type: ignore[union-attr]
    ied = only("A roadside bomb exploded near a Malian army convoy outside Gao on Friday, killing four soldiers.")
    assert ied.sub_event_type == "Remote explosive/landmine/IED"
    assert ied.fatalities is not None and ied.fatalities.best == 4


def test_gunmen_killing_villagers_is_violence_against_civilians() -> None:
    m = only("Gunmen killed 12 villagers in an attack on a village in Borno state on Saturday, residents said.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert m.fatalities is not None and m.fatalities.best == 12


def test_protest_dispersed_with_tear_gas_is_a_protest_with_intervention() -> None:
    m = only("Police fired tear gas to disperse hundreds of demonstrators who rallied in Khartoum on Thursday.")
    assert (m.event_type, m.sub_event_type, m.plover) == ("Protests", "Protest with intervention", "PROTEST")


def test_fuzzy_figures_keep_their_bounds() -> None:
    m = only(
        "More than 120 trucks loaded with weapons arrived at the base in Hasakah this month, sources said.",
        published="2024-04-30",
    )
    trucks = next(q for q in m.quantities if q.unit == "trucks")
    assert (trucks.low, trucks.best, trucks.high) == (121, None, None)
    assert m.date is not None and (m.date.start, m.date.end, m.date.precision) == (
        dt.date(2024, 4, 1),
        dt.date(2024, 4, 30),
        "month",
    )


def test_relayed_anonymous_sources_become_an_ordered_chain() -> None:
    m = only(
        "Sources told Al Mayadeen that US forces moved soldiers to a base near al-Hasakah on Saturday.",
        published="2024-02-03",
        outlet="The Cradle",
    )
    assert m.chain.names() == ["unnamed sources", "Al Mayadeen", "The Cradle"]


def test_a_denied_intention_and_a_count_over_time_are_claims_not_events() -> None:
    result = extract(
        "Washington has expressed no intention of withdrawing its forces from Syria.\n"
        "US bases in Iraq and Syria have since been attacked over 150 times since October.",
        published="2024-02-03",
    )
    assert result.mentions == []
    modalities = sorted(c.modality for c in result.claims)
    assert modalities == ["asserted", "denied"]
    tally = next(c for c in result.claims if c.quantity)
    assert tally.quantity.low == 151 and tally.quantity.best is None  # type: ignore[union-attr]


def test_framing_words_are_kept_apart_from_coded_actors() -> None:
    m = only("The Zionist occupation army bombed a house in Khan Younis on Monday, killing five martyrs.")
    assert m.actor("actor1").name == "Military Forces of Israel"  # type: ignore[union-attr]
    terms = {f.term.lower() for f in m.framing}
    assert "martyrs" in terms and any("occupation" in t for t in terms)
    assert all("occupation" not in a.name.lower() for a in m.actors)


def test_spans_point_at_the_text_they_came_from() -> None:
    text = "Russian forces shelled Kharkiv overnight, killing three civilians, the governor said."
    result = extract(text)
    assert result.mentions and any(m.places for m in result.mentions)
    for m in result.mentions:
        assert text[m.trigger.start : m.trigger.end] == m.trigger.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
        for p in m.places:
            assert text[p.span.start : p.span.end] == p.text


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not present")
def test_no_event_or_date_comes_from_captions_or_links_in_the_seed_article() -> None:
    document = next(d for d in read_source(str(SEEDS)) if isinstance(d, Document) and d.name.startswith("001"))
    result = extract_document(document, load_pipeline()(document.text))
    furniture = [p for p in document.paragraphs if p.is_furniture]
    assert furniture, "the caption and the link are marked"
    assert result.mentions, "the article's incident is found"
    for m in result.mentions:
        assert not any(p.start <= m.sentence.start < p.end for p in furniture)
        assert m.date is None or m.date.start.year != 2022


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # The attack is what was repelled, not a second incident.
        ("Army units repelled an attack by militants on their positions near Saraqib on Tuesday.", "Battles"),
        # The bombing is the reason for the arrests, reported elsewhere.
        ("Police arrested three suspects linked to the bombing in a raid in Kabul.", "Strategic developments"),
        ("Angry residents of Bunia lynched a suspected militia member on Tuesday after the attack.", "Riots"),
    ],
)
def test_an_event_noun_inside_another_event_is_not_a_second_event(text: str, event_type: str) -> None:
    assert only(text).event_type == event_type


def test_an_event_noun_with_its_own_clause_is_still_reported() -> None:
    text = (
        "Following an attack on a base in Jordan that killed three soldiers, the group said it had "
        "suspended its operations against US forces on Tuesday."
    )
    types = {m.event_type for m in extract(text).mentions}
    assert "Strategic developments" in types and len(types) == 2, types


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Armed men attacked a military position near the town of Tera on Tuesday.", "Battles", "Armed clash"),
        ("A convoy escorted by the army was attacked by armed men on Saturday near Djibo.", "Battles", "Armed clash"),
        ("Gunmen attacked a village near Bokkos on Sunday, killing 30 people.", "Violence against civilians", "Attack"),
        (
            "Air defences shot down a drone near Erbil airport late on Wednesday.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "The military said it had intercepted a drone approaching Eilat overnight.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
    ],
)
def test_attack_type_follows_what_was_attacked_and_interceptions_are_disrupted_weapons(
    text: str, event_type: str, sub_event_type: str
) -> None:
    m = only(text)
    assert (m.event_type, m.sub_event_type) == (event_type, sub_event_type)


def test_protests_and_riots_are_by_protesters_and_rioters_when_only_people_are_named() -> None:
    protest = only("Dozens of residents staged a sit-in on Sunday in Daraa demanding the release of detainees.")
    assert protest.actor("actor1").name == "Protesters"  # type: ignore[union-attr]
    riot = only("Angry youths set fire to several cars and a shop on Sunday in the Rahimawa neighbourhood.")
    assert (riot.event_type, riot.actor("actor1").name) == ("Riots", "Rioters")  # type: ignore[union-attr]


def test_civilian_victims_are_actor2_and_a_demonym_on_the_strike_is_actor1() -> None:
    m = only("An Israeli airstrike on a house in Khan Younis killed 14 people, including six children, on Monday.")
    assert m.actor("actor1").name == "Military Forces of Israel"  # type: ignore[union-attr]
    actor2 = m.actor("actor2")
    assert actor2 is not None and actor2.name == "Civilians" and actor2.span is not None


@pytest.mark.parametrize(
    "text",
    [
        "Iraq declared victory over ISIS in December 2017, but its cells still attack remote outposts.",
        "The Taliban have been in power since August 2021, when U.S. and NATO forces withdrew.",
        "Sudan has been gripped by deadly clashes between the army and the RSF since mid-April 2023.",
    ],
)
def test_background_from_long_before_the_report_is_not_an_event(text: str) -> None:
    assert extract(text, published="2024-09-03").mentions == []


def test_an_ongoing_shelling_since_this_morning_is_still_an_event() -> None:
    text = '"Since this morning the shelling hasn\'t stopped," a resident of El Fasher told AFP.'
    assert [m.event_type for m in extract(text, published="2024-05-24").mentions] == ["Explosions/Remote violence"]


def test_destruction_caused_by_a_bombing_is_part_of_it() -> None:
    m = only(
        "A junta fighter jet dropped two bombs on a village in Sagaing on Saturday, killing 11 villagers "
        "and destroying several houses."
    )
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(
    "text",
    [
        "The Houthis have not commented on the fighting.",
        "The source of the shelling could not be independently verified.",
        "A source in the security service told Reuters the agency was behind the attack.",
    ],
)
def test_a_sentence_that_only_refers_back_to_an_incident_is_not_a_new_one(text: str) -> None:
    assert extract(text).mentions == []


def test_protesters_who_attack_are_rioters() -> None:
    m = only("In Kinshasa, hundreds of protesters attacked the embassies of Rwanda and France on Tuesday.")
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")
    assert m.actor("actor1").name == "Rioters"  # type: ignore[union-attr]


def test_casualty_figures_are_quantities_with_their_kind_and_killed_is_also_fatalities() -> None:
    m = only("Russian shelling killed three civilians and wounded 12 in Kherson on Monday, the governor said.")
    kinds = {(q.kind, q.best) for q in m.quantities}
    assert ("killed", 3) in kinds and ("wounded", 12) in kinds
    assert m.fatalities is not None and m.fatalities.best == 3


def test_an_undated_incident_is_placed_in_the_days_before_publication() -> None:
    m = only("Gunmen killed 12 villagers in an attack on a village in Borno state.", published="2024-03-14")
    assert m.date is not None and m.date.precision == "approximate"
    # Three days ending on publication, as ACLED and the real-text gold date an undated report (was four).
    assert (m.date.start, m.date.end) == (dt.date(2024, 3, 12), dt.date(2024, 3, 14))


@pytest.mark.parametrize(
    "text",
    [
        "Published March 14 2024 Gunmen killed 12 villagers in an attack on a village in Borno state.",
        "Thu Mar 14 2024 Gunmen killed 12 villagers in an attack on a village in Borno state.",
        "Gunmen kill 12 villagers in Borno Monitor AFP Thursday 14 Mar 2024",
    ],
)
def test_the_reports_own_date_stamp_is_not_the_day_of_the_incident(text: str) -> None:
    m = only(text, published="2024-03-14")
    assert m.date is not None and m.date.precision == "approximate"
    # the stamp's day or the day before it (stamped_days_before): a wire dates a story the day of the incident or
    # the day after
    assert (m.date.start, m.date.end) == (dt.date(2024, 3, 13), dt.date(2024, 3, 14))


def test_a_full_date_after_on_is_the_day_of_the_incident_even_on_the_publication_day() -> None:
    m = only(
        "Gunmen killed 12 villagers in an attack on a village in Borno state on 14 March 2024.", published="2024-03-14"
    )
    assert m.date is not None and (m.date.start, m.date.end) == (dt.date(2024, 3, 14), dt.date(2024, 3, 14))


def test_the_same_evening_takes_the_last_date_the_report_gave() -> None:
    result = extract(
        "Thousands rallied in central Kyiv on Wednesday evening.\n\n"
        "Smaller protests took place in Lviv and Odesa on the same evening, according to local media.",
        published="2025-07-24",
    )
    assert [m.date.start for m in result.mentions if m.date] == [dt.date(2025, 7, 23)] * 2


def test_gunmen_killing_one_person_is_violence_against_that_person_not_a_battle() -> None:
    killing = only("Unknown gunmen shot dead a former commander of an opposition faction in Tafas on Tuesday.")
    assert (killing.event_type, killing.sub_event_type) == ("Violence against civilians", "Attack")
    fight = only("Gunmen attacked an army checkpoint near Tafas on Tuesday.")
    assert fight.event_type == "Battles"


def test_a_crowd_blocking_roads_and_burning_tyres_is_one_riot_however_it_was_dispersed() -> None:
    m = only(
        "Youths in Jos blocked roads and burned tyres on Monday to protest the killings, and soldiers fired "
        "in the air to disperse them."
    )
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")


def test_police_firing_tear_gas_at_a_protest_is_the_protest_not_an_attack() -> None:
    m = only(
        "Hundreds of people marched in Butembo on Thursday to protest against insecurity; police fired tear gas "
        "to disperse them and one protester was shot dead."
    )
    assert (m.event_type, m.sub_event_type) == ("Protests", "Excessive force against protesters")


def test_police_firing_tear_gas_is_a_protest_with_intervention_even_without_a_protest_word() -> None:
    m = only("Police on Thursday fired teargas to disperse hundreds of people who gathered outside parliament.")
    assert (m.event_type, m.sub_event_type) == ("Protests", "Protest with intervention")


def test_an_airstrike_during_a_protest_is_still_its_own_event() -> None:
    mentions = extract("Thousands protested in Sanaa on Friday as airstrikes hit the port of Hodeidah.").mentions
    assert {m.event_type for m in mentions} == {"Protests", "Explosions/Remote violence"}


def test_a_curfew_is_a_strategic_development() -> None:
    m = only("The Kano State Government imposed a 24-hour curfew on Thursday evening.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Other")


def test_killing_fighters_without_a_weapon_of_war_named_is_a_battle() -> None:
    m = only(
        "Units of the Armed Forces of Burkina Faso, supported by Volunteers for the Defence of the Homeland, "
        "neutralised more than 100 terrorists in the Djibo area on Sunday."
    )
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")


def test_rockets_falling_near_a_base_are_remote_violence() -> None:
    m = only("Two Katyusha rockets fell on Wednesday near Ain al-Asad air base, without causing casualties.")
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_shelling_homes_is_shelling_even_when_civilians_are_hurt() -> None:
    m = only("On Sunday morning, the RSF shelled residential neighborhoods of Omdurman, injuring seven civilians.")
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_a_drone_attack_that_sets_fire_to_a_depot_is_a_drone_strike_not_a_riot() -> None:
    m = only("A Ukrainian drone attack set fire to an oil depot in the town of Proletarsk early on Thursday.")
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")


def test_artillery_destroying_a_depot_is_shelling_not_property_destruction() -> None:
    m = only("The army's artillery destroyed a Houthi weapons depot in the Sirwah district on Monday morning.")
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_taking_control_of_a_village_is_a_change_of_territory() -> None:
    m = only("Russia's defence ministry said its forces had taken control of the village of Zhelanne on Monday.")
    assert m.event_type == "Battles" and "territory" in m.sub_event_type


def test_a_town_retaken_without_a_fight_is_a_non_violent_transfer() -> None:
    m = only("Somali forces recaptured the town of Adan Yabaal on Sunday after the militants withdrew without a fight.")
    assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")


def test_rape_is_found_whatever_the_lemmatiser_makes_of_raped() -> None:
    m = only("Survivors said that women and girls were raped in the camp on Sunday.")
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Sexual violence")


def test_taking_a_base_after_days_of_fighting_is_one_battle() -> None:
    m = only(
        "The RSF took control of the army's 15th Infantry Division base in Ardamata on 4 November after days "
        "of fighting."
    )
    assert m.event_type == "Battles"


def test_an_undated_sentence_is_dated_from_the_reports_last_date_to_publication() -> None:
    mentions = extract(
        "Gunmen attacked an army post near Djibo on Wednesday, killing four soldiers.\n\n"
        "The army said aircraft then struck the attackers' hideout, killing 12 militants.",
        published="2024-03-22",
    ).mentions
    later = mentions[-1]
    assert later.date is not None
    assert (later.date.start, later.date.end) == (dt.date(2024, 3, 20), dt.date(2024, 3, 22))


def test_the_narrower_of_two_nested_dates_dates_the_event() -> None:
    m = only(
        "Earlier this week, on 13 November, a Russian missile attack on Zaporizhzhia killed 10 people.",
        published="2024-11-15",
    )
    assert m.date is not None and (m.date.start, m.date.end) == (dt.date(2024, 11, 13), dt.date(2024, 11, 13))


def test_a_night_of_shelling_is_dated_to_the_night_before_publication() -> None:
    m = only(
        "Nikopol came under Russian artillery fire throughout the night, the governor said.", published="2024-11-15"
    )
    assert m.date is not None and (m.date.start, m.date.end) == (dt.date(2024, 11, 14), dt.date(2024, 11, 15))


def test_a_passive_report_dates_the_event_not_the_statement() -> None:
    m = only(
        "Airstrikes were reported on the town of Kabkabiya on 7 June, with 11 civilians killed.", published="2024-06-10"
    )
    assert m.date is not None and m.date.start == dt.date(2024, 6, 7)


def test_people_killed_in_clashes_are_the_clashes() -> None:
    m = only("At least 12 people were killed in clashes between two rival clan militias near Abudwak on Sunday.")
    assert m.event_type == "Battles" and m.fatalities is not None and m.fatalities.low == 12


def test_confronting_terrorism_is_a_slogan_not_a_battle() -> None:
    mentions = extract("The army continues to carry out its national duty in confronting terrorism.").mentions
    assert mentions == []


def test_residents_ordered_to_evacuate_is_not_a_troop_movement() -> None:
    text = "The military ordered residents of several eastern neighborhoods to evacuate on Monday."
    mentions = extract(text).mentions
    assert all(m.sub_event_type != "Other" for m in mentions), [(m.event_type, m.trigger.text) for m in mentions]


def test_troops_withdrawing_is_still_a_strategic_development() -> None:
    m = only("Ukrainian troops have withdrawn from positions near two villages in the Kharkiv region, the army said.")
    assert m.event_type == "Strategic developments"


def test_a_sentence_dated_only_by_its_statement_happened_up_to_that_day() -> None:
    # Published Wednesday 2024-03-13; "said on Monday" is 2024-03-11: the capture was that day or the day before.
    (mention,) = extract(
        "The army said on Monday it had recaptured the town of Kafr Zita after heavy fighting.", "2024-03-13"
    ).mentions
    assert mention.date is not None
    assert (mention.date.start, mention.date.end, mention.date.precision) == (
        dt.date(2024, 3, 10),
        dt.date(2024, 3, 11),
        "approximate",
    )


def test_a_date_after_publication_does_not_date_what_the_report_tells() -> None:
    # Published Thursday 2024-03-14: "this weekend" is when more raids are feared, not when the strike happened.
    mentions = extract(
        "Jets struck a village in the north, killing six civilians, as residents braced for more raids this weekend.",
        "2024-03-14",
    ).mentions
    assert mentions, "the strike is an event"
    assert all(m.date is not None and m.date.end <= dt.date(2024, 3, 14) for m in mentions), [m.date for m in mentions]


def test_a_statement_date_in_a_relative_clause_does_not_date_the_sentence() -> None:
    mentions = extract(
        "Fighting erupted after the defection of a commander, who announced on Monday that he had joined the army.",
        "2024-03-13",
    ).mentions
    assert mentions, "the fighting is an event"
    assert all(m.date is None or m.date.end != dt.date(2024, 3, 11) for m in mentions), [m.date for m in mentions]


def test_a_rally_calling_for_a_deal_is_a_protest_not_only_the_deal() -> None:
    mentions = extract(
        "Hundreds of people gathered outside the parliament in Kyiv on Monday, calling on lawmakers to approve "
        "the deal."
    ).mentions
    assert "Protests" in {m.event_type for m in mentions}, [(m.event_type, m.trigger.text) for m in mentions]


def test_a_month_named_as_context_does_not_date_the_next_sentence() -> None:
    """Only a day carries to the undated sentences after it: a month or a year frames what came before."""
    text = (
        "In January the militants overran the provincial capital after a week of fighting. "
        "In the south some 300 farmers staged a demonstration outside the governor's office to denounce the "
        "killings. On Monday jets struck the market town. Six people were killed in the raid on the market, "
        "medics said."
    )
    by_trigger = {m.trigger.text: m.date for m in extract(text).mentions if m.date is not None}
    assert by_trigger["demonstration"].precision == "approximate"
    assert by_trigger["demonstration"].end == dt.date(2024, 3, 14)
    assert by_trigger["raid"].start == by_trigger["struck"].start == dt.date(2024, 3, 11)


def test_new_deaths_that_raise_a_running_toll_are_an_incident() -> None:
    """A headline with a new act beside a running toll reports the act; a toll alone reports none."""
    for text in (
        "Massacre in the hill village kills 12 people and raises the death toll to 140 in the last 20 days",
        "Warplanes kill 5 civilians in the eastern valley raising to 60 the number of people killed since March",
        "The killing of 6 militiamen raises to at least 40 the number of dead in 4 days of fighting in the hills",
    ):
        assert [m.event_type for m in extract(text).mentions], text
    assert not extract("At least 80 people have been killed in the province since the truce ended.").mentions


def test_a_stamp_cut_in_two_by_the_sentence_splitter_dates_nothing() -> None:
    """ "... Monitor AFP Thursday 14" | "Mar 2024 Militants have attacked ...": the publication stamp, not the day
    of the attack, which is undated (the days up to publication)."""
    text = (
        "Militants attack gas field kills 30 Monitor AFP Thursday 14 Mar 2024 Militants have attacked a gas field "
        "in the desert killing at least 30 guards, a monitoring group said."
    )
    dates = [m.date for m in extract(text).mentions]
    assert dates and all(d is not None and d.precision == "approximate" for d in dates)
    assert all(d is not None and d.start < dt.date(2024, 3, 14) for d in dates)


def test_an_act_in_a_clause_of_time_with_its_own_doer_is_an_event_of_its_own() -> None:
    """acts_in_sequence: two doers, two acts, one after the other."""
    mentions = extract(
        "Army howitzers shelled the ridge on Monday after rebel gunmen attacked a checkpoint near Ostrava."
    ).mentions
    assert len(mentions) == 2


def test_casualties_after_an_attack_are_that_attack() -> None:
    mentions = extract("Three farmers were killed on Monday after gunmen attacked the village of Dolna.").mentions
    assert len(mentions) == 1


def test_a_past_act_before_a_threat_is_told_as_done() -> None:
    """past_act_in_a_clause_of_time: what the threat answers happened; the threat itself did not."""
    m = only("The militia threatened to shell the port after navy gunboats attacked its boats near Kismayo on Monday.")
    assert (m.trigger.text, m.modality) == ("attacked", "asserted")  # type: ignore[union-attr]


def test_an_act_in_a_condition_stays_unhappened() -> None:
    assert not extract("The army will storm the town if the rebels attack the convoy again.").mentions


def test_an_air_force_named_as_the_doer_is_the_weapon_of_an_air_strike() -> None:
    found = extract("The Malian air force destroyed militant hideouts and vehicles near Gao on Monday.").mentions
    assert [(m.event_type, m.sub_event_type) for m in found] == [("Explosions/Remote violence", "Air/drone strike")]
