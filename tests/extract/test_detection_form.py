"""Detection whatever the form of the report: headlines, nominal and passive clauses, capitals, no commas."""

from __future__ import annotations

import datetime as dt

from sitrep.extract import Extraction, extract_document
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.nlp import load_pipeline

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def extract(text: str, published: str = "2023-05-20") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def types(text: str) -> list[str]:
    return [m.event_type for m in extract(text).mentions]


def test_a_headline_that_is_the_whole_report_gives_its_event() -> None:
    assert set(types("Warplanes pound villages west of the river port")) & VIOLENT


def test_a_headline_above_an_article_is_not_read_twice() -> None:
    text = (
        "Militants raid border post\n\n"
        "Militants attacked a border post near the northern crossing on Friday, killing two guards, officials said."
    )
    mentions = extract(text).mentions
    assert len(mentions) == 1 and mentions[0].sentence.start > 0


def test_a_headline_in_title_case_or_capitals_gives_its_event() -> None:
    assert set(types("Rebels Clash With Army Units Near Northern Dam")) & VIOLENT
    assert set(types("GUNMEN KILLED FOUR FARMERS IN HILL VILLAGE")) & VIOLENT


def test_an_assassination_is_violence_against_a_person() -> None:
    assert types("Unknown gunmen assassinated a village headman in the eastern district on Tuesday.") == [
        "Violence against civilians"
    ]


def test_forces_targeting_a_place_attack_it_with_or_without_a_weapon_named() -> None:
    assert set(types("Government forces target villages in the southern hills")) & VIOLENT
    assert not types("The depot was a legitimate target, the army spokesman said.")


def test_barrel_bombs_are_dropped_from_the_air() -> None:
    [m] = extract("Helicopters dropped explosive barrels on the river town on Monday.").mentions
    assert m.sub_event_type == "Air/drone strike"


def test_a_first_word_read_as_a_name_still_triggers() -> None:
    assert set(types("Clash violently renewed on the hills east of the lake")) & VIOLENT


def test_a_headline_naming_only_the_harm_reports_violence_prose_does_not() -> None:
    assert set(types("Casualties in the northern countryside and the hill villages")) & VIOLENT
    assert not types("The losses of the cooperative were made good by the ministry last year.")


def test_forces_advancing_fight_for_the_ground_and_a_named_advance_is_no_incident() -> None:
    assert set(types("Government troops advance in the hills south of the lake town")) == {"Battles"}
    assert set(types("The army advanced into the river town on Sunday, a military source said.")) == {"Battles"}
    assert not types("The mediators met on Sunday to advance the stalled talks, a spokesman said.")
    assert not types("Residents fear the advance of the insurgents, a local official said on Sunday.")


def test_a_headline_that_opens_the_report_points_back_to_nothing() -> None:
    # "the clashes" in prose under a non-event verb points back to an incident told before; a headline has
    # nothing before it.
    assert set(types("The clashes continue in the hills east of the provincial capital")) == {"Battles"}
    later = (
        "Troops and insurgents clashed near the dam on Sunday, a military source said.\n\n"
        "The governor has not commented on the clashes."
    )
    assert len(extract(later).mentions) == 1


def test_armed_groups_targeting_a_place_attack_it() -> None:
    assert set(types("Militias target the town and its outskirts")) & VIOLENT
    assert set(types("Insurgents targeted a checkpoint on the coastal road on Friday.")) & VIOLENT


def test_violence_going_on_now_is_an_incident_but_a_campaign_begun_long_ago_is_not() -> None:
    assert set(types("Jets continue bombing villages in the western countryside")) & VIOLENT
    assert not types("The militia began attacking convoys in October.")


def test_a_killing_told_by_the_lives_it_claimed_is_an_event() -> None:
    assert set(types("The violence claimed the lives of 12 villagers in the valley on Monday.")) & VIOLENT
    assert set(types("Fighting claims the life of a shepherd near the dam")) & VIOLENT


def test_a_counterattack_is_an_attack() -> None:
    assert set(types("Counterattack by the militants in the desert east of the city")) & VIOLENT


def test_a_killing_named_as_a_noun_is_an_event_unless_only_condemned() -> None:
    assert set(types("The past two days saw the killing of at least nine fighters in the desert")) & VIOLENT
    assert not types("The minister condemned the killing of the journalist.")


def test_forces_driven_out_of_ground_lose_it_to_whoever_drove_them() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(m.event_type, m.sub_event_type) for m in extract(text).mentions]

    assert kinds("Kurdish-led fighters drove the jihadist group out of the strategic town on Saturday.") == [
        ("Battles", "Non-state actor overtakes territory")
    ]
    assert kinds("The army expelled the rebels from three villages in the south.") == [
        ("Battles", "Government regains territory")
    ]
    assert kinds("The government expelled two diplomats from the capital.") == []
    assert kinds("They drove out of the city at dawn.") == []


def test_a_suicide_car_or_the_coalition_targeting_someone_is_an_attack() -> None:
    assert set(types("Suicide car targets a convoy of foreign troops near the city")) & VIOLENT
    assert set(types("The international coalition targets a commander of the group in the city")) & VIOLENT


def test_a_headline_verb_the_parser_reads_as_a_noun_still_triggers() -> None:
    assert set(types("Government forces target villages in the eastern countryside")) & VIOLENT
    assert set(types("Rebel factions advance in three villages in the southern countryside")) & VIOLENT
    assert types("The target areas of the campaign lie in the south.") == []
    assert types("Their advance was halted in the hills.") == []


def test_control_taken_imposed_or_established_is_territory_taken() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(m.event_type, m.sub_event_type) for m in extract(text).mentions]

    assert kinds("Government forces take full control on the northern district") == [
        ("Battles", "Government regains territory")
    ]
    assert kinds("The army established control over four villages in the desert, a military source said.") == [
        ("Battles", "Government regains territory")
    ]
    assert kinds("Rebel fighters impose their full control over the airbase") == [
        ("Battles", "Non-state actor overtakes territory")
    ]


def test_civilians_killed_in_a_headline_make_the_strike_one_sided() -> None:
    """A headline drops the passive's auxiliary ("Nine civilians killed in ..."): its subject is who was harmed,
    so conventional force on them is PLOVER's ASSAULT and actor2 is Civilians."""
    for text in (
        "Nine Civilians Killed in Government Airstrikes on Villages in the South Today",
        "10 civilians killed 15 injured in militant rocket attacks on the city",
    ):
        [m] = extract(text).mentions
        assert m.event_type == "Explosions/Remote violence" and m.plover == "ASSAULT"
        assert m.actor("actor2") is not None and m.actor("actor2").name == "Civilians"  # type: ignore[union-attr]
    [m] = extract("Five soldiers killed in rebel shelling on an army post").mentions
    assert m.plover == "FIGHT"


def test_a_bomb_blast_is_an_explosive_device() -> None:
    [m] = extract("Market bomb blast kills six people in the city").mentions
    assert (m.event_type, m.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_forces_destroying_an_armed_sides_positions_or_fighters_fight_them() -> None:
    [m] = extract(
        "A military source said the army destroyed a pickup carrying militants in the southern hills."
    ).mentions
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    # property of people who bear no arms is still destroyed property
    [m] = extract("Rebels destroyed the houses of villagers who refused to join them.").mentions
    assert m.sub_event_type == "Looting/property destruction"


def test_an_attack_on_hideouts_or_fortifications_is_on_a_military_target() -> None:
    [m] = extract("Army units targeted militant hideouts in the hill village on Monday.").mentions
    assert m.event_type == "Battles"


def test_stabbings_poisonings_and_throats_slit_are_attacks_on_people() -> None:
    for text in (
        "A man stabbed three shoppers at a market in the capital on Friday.",
        "Two men were wounded in a stabbing outside the station on Friday.",
        "The opposition leader was poisoned with a nerve agent, his aides said.",
        "Militants slit the throats of five shepherds near the town on Wednesday.",
    ):
        assert [(m.event_type, m.sub_event_type) for m in extract(text).mentions] == [
            ("Violence against civilians", "Attack")
        ], text
    assert not extract("Dozens were treated for food poisoning after the wedding.").mentions
    assert not extract("The company will cut costs this year.").mentions


def test_a_weapon_used_on_a_place_is_remote_violence() -> None:
    mentions = extract("Government troops used chlorine gas on the eastern district on Tuesday.").mentions
    assert [m.sub_event_type for m in mentions] == ["Chemical weapon"]
    assert not extract("Rebels used the road to move supplies last week.").mentions


def test_a_headline_word_the_model_reads_as_a_name_still_triggers() -> None:
    assert set(types("Rebels Clash with government forces in the river city")) & VIOLENT
    assert set(types("Violent Clashes continue in the eastern countryside")) & VIOLENT
    assert set(types("Shelling renewed on the northern town and its countryside")) & VIOLENT
    # a name holding a noun-only trigger word is no act
    assert not types("Desert Storm operation enters its second week")


def test_rebels_naming_no_weapon_still_attack_the_place_they_target() -> None:
    assert set(types("Rebels target the capital and its eastern suburbs")) & VIOLENT


def test_two_acts_listed_in_a_headline_give_two_events() -> None:
    assert set(types("Shelling on the southern town and clashes in the western countryside")) == {
        "Explosions/Remote violence",
        "Battles",
    }


def test_taking_the_control_of_ground_is_territory_taken() -> None:
    [m] = extract("Government forces take the control of large areas of the river town").mentions
    assert m.sub_event_type == "Government regains territory"


def test_a_cue_is_found_at_the_start_of_a_word_not_inside_one() -> None:
    """ "dealt a heavy blow" names no deal, "opposition-held" no position."""
    assert types("The air force dealt a heavy blow to the militants in airstrikes on their posts in the hills.") == [
        "Explosions/Remote violence"
    ]
    assert types("Rockets set two apartment blocks on fire in an opposition-held suburb.") == [
        "Explosions/Remote violence"
    ]
    assert types("A deal was signed between the two factions on Monday.") == ["Strategic developments"]


def test_an_attempt_on_a_life_is_an_attack_that_failed_and_an_attempt_at_peace_no_incident() -> None:
    """attempted_act: ACLED codes an attack made and failed like the attack."""
    assert set(types("Attempted assassination of a militia commander in the eastern countryside")) == {
        "Violence against civilians"
    }
    assert set(types("Kidnapping attempt on a district judge foiled by his guards near the court on Monday.")) <= {
        "Violence against civilians",
        "Battles",
    }
    assert types("The ceasefire attempt collapsed within hours, the mediators said.") == []
    assert types("The envoy welcomed the attempts to end the fighting in the south.") == []


def test_mortar_rounds_are_ammunition_and_rounding_up_is_an_arrest() -> None:
    found = extract("Two killed as mortar rounds land on a market in the old town").mentions
    assert found and "Strategic developments" not in {m.event_type for m in found}
    [arrest] = extract("Police rounded up 40 men in the old quarter on Sunday, residents said.").mentions
    assert (arrest.event_type, arrest.sub_event_type) == ("Strategic developments", "Arrests")


def test_herders_traders_and_pupils_killed_by_gunmen_are_civilians() -> None:
    for text in (
        "Gunmen kill five herders near a border town",
        "GUNMEN KILL FIVE HERDERS NEAR BORDER TOWN",
        "Gunmen shot dead three traders on the road to the cattle market on Tuesday.",
    ):
        assert set(types(text)) == {"Violence against civilians"}, text


def test_a_headline_verb_the_parser_reads_as_an_adjective_still_triggers() -> None:
    # headline_verb_read_as_adjective: "expel" between its plural subject and its object is the verb
    assert [
        m.event_type for m in extract("Militias expel army units from a hill village north of the lake").mentions
    ] == ["Battles"]
    # an adjective that follows no plural subject stays one
    assert types("Offensive remarks were made at the border meeting.") == []


def test_chemical_weapons_named_by_their_gas_and_car_bombings_by_their_vehicle() -> None:
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(m.event_type, m.sub_event_type) for m in extract(text).mentions]

    assert kinds("Nerve gas used on farming villages in the south, medics say") == [
        ("Explosions/Remote violence", "Chemical weapon")
    ]
    assert kinds("Gas attack on a rebel-held suburb kills dozens") == [
        ("Explosions/Remote violence", "Chemical weapon")
    ]
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") in kinds(
        "A car bombing outside the ministry killed six people on Sunday."
    )


def test_a_lone_headline_in_the_present_tense_tells_ground_taken_or_a_push() -> None:
    # lone_headline: headlines tell news in the present tense
    assert [
        m.event_type for m in extract("Militias control four hamlets south of the lake after heavy fighting").mentions
    ] == ["Battles"]
    assert set(types("Army units achieve new advancement in the western steppe")) & VIOLENT
    assert set(types("Insurgents launch offensive on the river port")) & VIOLENT
    # in prose the present tense is a standing state, and an offensive is mostly a campaign under way
    assert types("The militias control four hamlets south of the lake, residents say.") == []
    assert types("Army units have pressed their offensive in the west for months.") == []


def test_ground_won_back_restored_or_a_siege_broken_is_a_battle() -> None:
    assert types("Army units won back the hill village on Sunday.") == ["Battles"]
    assert types("Loyalist troops restored three hamlets north of the lake on Friday.") == ["Battles"]
    assert types("Army units broke the siege of the river port on Tuesday.") == ["Battles"]
    assert types("The opposition party won back two seats in the vote.") == []
    assert types("Crews restored water to the hamlets on Friday.") == []
    assert types("Divers recovered the bodies from the river on Friday.") == []


def test_a_stoning_to_death_is_an_attack_and_a_vigil_a_protest() -> None:
    assert types("Militants stoned a herder to death in the hamlet on Friday.") == ["Violence against civilians"]
    assert types("Rioters stoned buses near the stadium on Friday.") != ["Violence against civilians"]
    assert types("Hundreds held a candlelight vigil outside the town hall on Sunday.") == ["Protests"]


def test_a_killing_that_raises_the_toll_is_an_event_whatever_aside_comes_between() -> None:
    # main_verb_raises_the_toll
    text = "Jets kill 11 villagers - most of them farmers - in the hills and raise the death toll to 140 since March"
    assert set(types(text)) & VIOLENT


def test_a_month_or_day_in_a_headline_is_never_the_act() -> None:
    assert "Protests" not in types("Shelling goes on in the hill villages since March")


def test_a_plural_subject_the_parser_joins_to_a_place_name_still_triggers() -> None:
    assert set(types("Blasts rock Kandahar and its Eastern suburbs")) & VIOLENT
    assert types("The Attack Helicopter Battalion held a parade in Kabul.") == []


def test_a_number_of_strikes_is_several_strikes_not_a_tally() -> None:
    # a_number_of
    assert set(types("Jets carried out a number of strikes on the hill positions on Saturday.")) & VIOLENT
    assert types("The number of attacks has doubled this year, the report said.") == []


def test_a_battle_over_villages_is_two_sided_force() -> None:
    """A battle is fought between armed sides (ACLED's armed clash): PLOVER's FIGHT, whatever ground it is fought
    over; shelling of the village's houses is one-sided, ASSAULT."""
    [m] = extract("Troops and insurgents clashed for control of three hill villages on Sunday.").mentions
    assert (m.event_type, m.plover) == ("Battles", "FIGHT")
    [m] = extract("Government artillery shelled houses in the hill village on Sunday, residents said.").mentions
    assert (m.event_type, m.plover) == ("Explosions/Remote violence", "ASSAULT")


def test_ground_described_as_held_by_a_side_is_no_capture() -> None:
    """A participle that describes a noun ("areas controlled by the rebels") tells what the ground is, not that it
    was taken: a lone headline's present tense is news only in its own verb ("Forces control 7 villages")."""
    assert types("Warplanes strike areas controlled by the insurgents in the eastern desert") == [
        "Explosions/Remote violence"
    ]
    assert types("Government forces control seven villages in the eastern desert") == ["Battles"]


def test_forces_closing_a_ring_around_ground_fight_for_it() -> None:
    """Encircling or besieging ground another side holds is part of the fight for it (a verb with ground as its
    object); the besieged town as a state, or a house surrounded for an arrest, is no battle."""
    assert types("Government troops besieged the rebel-held district on Monday, a military source said.") == ["Battles"]
    assert types("Insurgent fighters encircled the garrison town overnight") == ["Battles"]
    assert not types("The besieged town has been without food for months, aid workers said.")
    assert types("Police surrounded the house where the suspect was hiding and arrested him.") == [
        "Strategic developments"
    ]


def test_a_crowd_massing_to_protest_is_a_protest() -> None:
    assert types(
        "Thousands of protesters massed in the main square on Friday to demand the governor's resignation."
    ) == ["Protests"]
    assert not types("Investigators found a mass grave near the town on Friday.")


def test_a_past_tense_read_as_an_adjective_of_its_object_still_reports() -> None:
    """The parser may read "X captured Y-held positions" as "captured" describing the positions, with X hung on
    them: an adjective has no subject, so the verb reports the capture; "the downed drone" describes a thing."""
    assert types(
        "Activists said rebels including the Islamist Ahrar al-Sham captured government-held positions near the dam."
    ) == ["Battles"]
    assert not types("The downed drone was shown on state television on Friday.")


def test_strikes_counted_within_one_day_are_that_days_incident() -> None:
    """ "40 raids on the district during the last 24 hours" tells one day's strikes on one area, which ACLED and
    UCDP code as one event; counted since March they are a tally over a period, a claim."""
    assert types(
        "Warplanes carried out more than 40 raids on the hill district in the past 24 hours, the monitor said."
    ) == ["Explosions/Remote violence"]
    assert set(types("More than 200 shells and rockets target the northern plain since this morning")) == {
        "Explosions/Remote violence"
    }
    counted = extract("Rebels have attacked the river town more than 30 times since March, a spokesman said today.")
    assert not counted.mentions and counted.claims


def test_forces_widening_their_control_take_ground() -> None:
    assert types("The army expands its areas of control in the eastern desert") == ["Battles"]
    assert not types("The company plans to expand its areas of control over the regional market.")


def test_a_named_armed_side_advancing_in_a_headline_fights_for_the_ground() -> None:
    """The root of a headline is its act, read as a verb or as a noun with its agent before it ("The SDF advance
    into the city centre"); an armed side the actor dictionary knows moves as forces do."""
    assert types("The SDF advance into the city center from another point") == ["Battles"]
    assert types("The Islamic State organization advance in the southern section of the capital") == ["Battles"]
    assert not types("The ministry said the talks would advance next week.")


def test_an_adverb_between_a_headlines_subject_and_its_verb() -> None:
    """ "Regime forces heavily shell areas ...": the parser reads the verb as an adjective of its object; an adverb
    between the plural subject and the verb does not make it one."""
    assert types("Government forces heavily shell areas at the western outskirts of the river town") == [
        "Explosions/Remote violence"
    ]


def test_forces_ending_another_sides_presence_take_the_ground() -> None:
    assert types("Government forces end the presence of the insurgents in the desert triangle east of the city") == [
        "Battles"
    ]
    assert not types("The company ended its presence in the regional market last year.")
    assert not types("The clashes ended in the evening, a resident said.")


def test_a_participle_says_what_forces_or_ground_are() -> None:
    """ "an alliance surrounding the town", "forces encircling the district" describe the forces, not a new
    incident; a headline's past participle is its passive with the auxiliary dropped, and reports."""
    assert not types("Activists said regime forces encircling the district prevented the evacuation of the wounded.")
    assert types("Three villages recovered by government forces in the southern countryside") == ["Battles"]
    assert types("Warplanes strike areas controlled by the insurgents in the eastern desert") == [
        "Explosions/Remote violence"
    ]


def test_widening_words_govern_no_event_but_ground() -> None:
    """Only forces widening their control take ground; "demands have expanded" is no act, and a known incident
    named under it ("during the protests") still refers back."""
    text = (
        "Thousands of students protested outside the ministry on Friday, organisers said.\n\n"
        "Their demands have since expanded to an inquiry into police conduct during the protests."
    )
    assert len(extract(text).mentions) == 1


def test_an_armed_side_forced_off_ground_lost_it_to_whoever_forced_it() -> None:
    """forced_off_ground: a phrasal verb with "out", or "force" with a verb of leaving, done to an armed side."""
    mentions = extract("The militia chased the army units out of the hill town on Sunday.").mentions
    assert [(m.event_type, m.sub_event_type) for m in mentions] == [("Battles", "Non-state actor overtakes territory")]
    mentions = extract("The army forced the insurgents to withdraw from four villages near the dam.").mentions
    assert [(m.event_type, m.sub_event_type) for m in mentions] == [("Battles", "Government regains territory")]


def test_an_armed_side_ousted_from_ground_lost_it() -> None:
    mentions = extract("Army units and allied militias ousted the insurgents from the river town on Tuesday.").mentions
    assert [(m.event_type, m.sub_event_type) for m in mentions] == [("Battles", "Government regains territory")]


def test_people_made_to_leave_are_no_territory_taken() -> None:
    assert "Battles" not in types("The floods forced thousands of residents to flee the valley.")
    assert "Battles" not in types("The landlord pushed the tenants out of the building.")
    assert "Battles" not in types("The parliament ousted the prime minister from office on Tuesday.")


def test_twin_attacks_are_bombings() -> None:
    """twin_attack: paired attacks striking at once are remote explosives, not an attack on civilians."""
    mentions = extract("A double terrorist attack in the port city killed 14 civilians on Monday.").mentions
    assert [(m.event_type, m.sub_event_type) for m in mentions] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]


def test_an_alliance_closing_a_ring_fights_but_one_leaving_talks_does_not() -> None:
    """armed_actor_named: "alliance" names an armed side only as the doer of a violent act."""
    assert types("The alliance encircled the town of Qaraqosh on Friday.") == ["Battles"]
    assert not types("The opposition alliance withdrew from the talks in the capital on Friday.")


def test_to_demonstrate_something_is_to_show_it_not_to_protest() -> None:
    assert types("Hundreds of teachers demonstrated outside the ministry on Monday.") == ["Protests"]
    assert types("Farmers demonstrated against the new water tax in the provincial capital.") == ["Protests"]
    assert not types("The minister's remarks demonstrate a deep misreading of the crisis, the senator said.")
    assert not types("The vote demonstrated that the coalition had lost its majority.")


def test_a_headline_of_bodies_found_reports_the_killings() -> None:
    assert types("Bodies of four farmers found near the northern dam") == ["Violence against civilians"]
    assert set(types("Corpse of a militia commander found on the river bank")) & VIOLENT
    # in an article the finding follows the killing told before it, and is no incident of its own
    assert not types("Villagers found the bodies of the four farmers near the dam on Sunday, the monitor said.")


def test_forces_hitting_positions_strike_them_though_no_weapon_is_named() -> None:
    assert types("Army units hit the positions and depots of the militants east of the river on Monday.") == [
        "Explosions/Remote violence"
    ]
    assert not types("The province was hit by a wave of unrest last year.")
    assert not types("The negotiations hit a deadlock on Friday.")
