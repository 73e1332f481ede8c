"""Who did it, and one incident told as two events: invented reports, one rule per test."""

from __future__ import annotations

from sitrep.model import ActorRole, AttributionChain, Mention, Source, Span
from sitrep.resolve import derive_event
from sitrep.resolve.contradictions import incident_contradictions, one_incident
from tests.resolve.resolve_fixtures import mention


def naming(mention_id: str, text: str, doer: str, name: str, actor_type: str, *sources: str, **kw: object) -> Mention:
    """A report whose sentence ``text`` names ``doer`` (a phrase of it) as the one who did the act."""
    report = mention(mention_id, text=text, sources=sources or ("Courier",), **kw)  # type: ignore[arg-type]
    start = text.index(doer)
    span = Span(report.doc, start, start + len(doer), doer)
    report.actors = [ActorRole("actor1", name, actor_type, span), *report.actors]
    report.actors.append(ActorRole("actor2", "Civilians", "Civilians"))  # the victims, the same in every report
    report.sub_event_type = "Air/drone strike"
    return report


def perpetrators(*reports: Mention) -> list[str]:
    return [c.description for c in derive_event("ev", list(reports)).contradictions if c.kind == "perpetrator"]


RUSSIA = ("Military Forces of Russia", "State forces")
SYRIA = ("Military Forces of Syria", "State forces")


def test_two_sources_naming_different_states_disagree_on_who_did_it() -> None:
    russian = naming("a", "A suspected Russian raid hit the market.", "Russian", *RUSSIA, "Activists")
    syrian = naming("b", "Government planes struck the market, the monitor said.", "Government", *SYRIA, "Monitor")
    (entry,) = perpetrators(russian, syrian)
    assert "Military Forces of Russia (Activists)" in entry and "Military Forces of Syria (Monitor)" in entry


def test_the_army_and_the_police_of_one_state_are_one_doer() -> None:
    army = naming("a", "Army troops opened fire on the crowd.", "Army troops", *SYRIA, "Activists")
    police = naming(
        "b", "Police fired on the crowd, witnesses said.", "Police", "Police Forces of Syria", "State forces", "Agency"
    )
    assert perpetrators(army, police) == []


def test_a_report_naming_a_second_doer_widens_who_did_it() -> None:
    russian = naming("a", "Russian jets bombed the town.", "Russian", *RUSSIA, "Activists")
    both = naming("b", "Syrian and Russian jets bombed the town.", "Syrian", *SYRIA, "Monitor")
    both.actors.append(ActorRole("assoc_actor1", RUSSIA[0], RUSSIA[1], Span(both.doc, 11, 18, "Russian")))
    also_both = naming("c", "Syrian and Russian planes struck the town.", "Syrian", *SYRIA, "Agency")
    also_both.actors.append(ActorRole("assoc_actor1", RUSSIA[0], RUSSIA[1], Span(also_both.doc, 11, 18, "Russian")))
    # one source's Russian jets against another's Syrian and Russian ones: an analyst sees both attributions
    assert len(perpetrators(russian, both)) == 1
    assert perpetrators(both, also_both) == []  # the same doers named twice are no dispute


def test_an_unnamed_doer_takes_no_side() -> None:
    russian = naming("a", "Russian jets bombed the town.", "Russian", *RUSSIA, "Activists")
    unknown = naming(
        "b",
        "Unknown aircraft bombed the town.",
        "Unknown aircraft",
        "Unidentified Armed Group",
        "Unidentified",
        "Agency",
    )
    assert perpetrators(russian, unknown) == []


def test_a_doer_carried_from_another_sentence_is_no_source_s_word() -> None:
    russian = naming("a", "Russian jets bombed the town.", "Russian", *RUSSIA, "Activists")
    carried = mention("b", text="The strikes hit the town again, the monitor said.", sources=("Monitor",))
    # the doer's words are in an earlier sentence of the article, before this report's sentence
    carried.sentence = Span(carried.doc, 300, 300 + len(carried.sentence.text), carried.sentence.text)
    carried.actors = [ActorRole("actor1", SYRIA[0], SYRIA[1], Span(carried.doc, 120, 126, "Syrian"))]
    assert perpetrators(russian, carried) == []


def test_in_a_battle_either_side_may_be_written_first() -> None:
    rebels = naming(
        "a",
        "Rebels clashed with the army near the town.",
        "Rebels",
        "Syrian rebels",
        "Rebel groups",
        "Monitor",
        event_type="Battles",
    )
    army = naming("b", "The army fought rebels near the town.", "The army", *SYRIA, "Agency", event_type="Battles")
    assert perpetrators(rebels, army) == []


def split(event_id: str, *reports: Mention) -> object:
    event = derive_event(event_id, list(reports))
    event.sub_event_type = "Air/drone strike"
    return event


def test_one_incident_kept_as_two_events_is_compared_across_them() -> None:
    russian = naming("a", "A suspected Russian raid killed 17 people at the market.", "Russian", *RUSSIA, "Activists")
    syrian = naming("b", "Government planes killed 30 people at the market.", "Government", *SYRIA, "Monitor")
    for report, figure in ((russian, 17), (syrian, 30)):
        report.fatalities = mention("x", killed=(figure, figure, figure)).fatalities
    first, second = split("ev-1", russian), split("ev-2", syrian)
    assert one_incident(first, second)  # type: ignore[arg-type]
    kinds = {c.kind for c in incident_contradictions(first, second)}  # type: ignore[arg-type]
    assert kinds == {"perpetrator", "figure"}


def test_events_in_towns_apart_or_on_other_days_are_two_incidents() -> None:
    here = split("ev-1", naming("a", "Russian jets bombed the town.", "Russian", *RUSSIA, "Activists"))
    elsewhere = split("ev-2", naming("b", "Syrian jets bombed the town.", "Syrian", *SYRIA, "Monitor", where="Aleppo"))
    later = split("ev-3", naming("c", "Syrian jets bombed the town.", "Syrian", *SYRIA, "Monitor", start="2024-03-14"))
    assert not one_incident(here, elsewhere)  # type: ignore[arg-type]
    assert not one_incident(here, later)  # type: ignore[arg-type]
    assert incident_contradictions(here, elsewhere) == []  # type: ignore[arg-type]


def test_one_article_s_two_events_are_not_set_against_each_other_on_figures() -> None:
    first = naming("a", "Jets killed 12 people at the market.", "Jets", *RUSSIA, "Monitor", doc="one")
    second = naming("b", "Other jets killed 3 people at the market.", "Other jets", *SYRIA, "Monitor", doc="one")
    assert incident_contradictions(split("ev-1", first), split("ev-2", second)) == []  # type: ignore[arg-type]


def test_terrorists_with_no_group_named_may_be_any_armed_group_but_not_the_state() -> None:
    generic = naming(
        "a",
        "Terrorists fired rockets at the district, the agency said.",
        "Terrorists",
        "Syrian rebels",
        "Rebel groups",
        "Agency",
    )
    named = naming(
        "b",
        "Islamic State fighters fired rockets at the district.",
        "Islamic State",
        "Islamic State",
        "Rebel groups",
        "Monitor",
    )
    state = naming("c", "Army shelling hit the district, activists said.", "Army", *SYRIA, "Activists")
    assert perpetrators(generic, named) == []
    (entry,) = perpetrators(generic, state)
    assert "Syrian rebels (Agency)" in entry and "Military Forces of Syria (Activists)" in entry


def test_a_report_naming_one_side_as_doer_and_target_names_no_doer() -> None:
    misread = naming(
        "a", "A bomber blew himself up in an army outpost, killing 25 soldiers.", "an army outpost", *SYRIA, "Monitor"
    )
    misread.actors.append(ActorRole("actor2", SYRIA[0], SYRIA[1], Span(misread.doc, 48, 58, "25 soldiers")))
    named = naming(
        "b", "A Nusra Front bomber struck the outpost.", "Nusra Front", "Hayat Tahrir al-Sham", "Rebel groups", "Agency"
    )
    assert perpetrators(misread, named) == []


def test_a_region_s_toll_and_one_of_its_towns_are_not_compared_across_events() -> None:
    region = mention(
        "a",
        text="Strikes on the countryside killed 22 people.",
        sources=("Monitor",),
        where="Idlib",
        killed=(22, 22, 22),
    )
    town = mention(
        "b", text="Strikes killed 16 people in the town.", sources=("Agency",), where="Saraqib", killed=(16, 16, 16)
    )
    town.places += region.places
    first, second = split("ev-1", region), split("ev-2", town)
    assert one_incident(first, second)  # type: ignore[arg-type]
    region.places = region.places[:1]
    town.places = town.places[:1]
    assert incident_contradictions(first, second) == []  # type: ignore[arg-type]


def test_a_strike_and_the_shelling_it_answered_are_two_acts_not_a_dispute_over_one() -> None:
    strike = naming("a", "Government air strikes killed 45 people, the monitor said.", "Government", *SYRIA, "Monitor")
    shelling = naming("b", "Rebels had fired rockets at the capital.", "Rebels", "Syrian rebels", "Rebel groups")
    shelling.sub_event_type = "Shelling/artillery/missile attack"
    assert perpetrators(strike, shelling) == []


def test_acts_against_other_victims_are_two_acts() -> None:
    bridges = naming(
        "a",
        "Coalition jets destroyed two bridges.",
        "Coalition",
        "Military Forces of the United States",
        "State forces",
        "Agency",
    )
    bridges.actors[-1] = ActorRole("actor2", "Civilians", "Civilians")
    raid = naming(
        "b",
        "Islamic State fighters struck army posts after the raid.",
        "Islamic State",
        "Islamic State",
        "Rebel groups",
        "Source",
    )
    raid.actors[-1] = ActorRole("actor2", *SYRIA)
    assert perpetrators(bridges, raid) == []


def test_in_one_article_only_two_sources_words_dispute_who_did_it() -> None:
    said = naming("a", "Government shelling hit the market, the monitor said.", "Government", *SYRIA, doc="one")
    said.chain = AttributionChain([Source("Monitor", "organisation", Span("one", 36, 47, "the monitor"))])
    told = naming("b", "Rebels shelled the market too.", "Rebels", "Syrian rebels", "Rebel groups", doc="one")
    told.chain = AttributionChain([Source("Courier", "publisher")])
    assert perpetrators(said, told) == []
    claimed = naming(
        "c", "State media said terrorists shelled the market.", "terrorists", "Syrian rebels", "Rebel groups", doc="one"
    )
    claimed.chain = AttributionChain([Source("State media", "outlet", Span("one", 0, 11, "State media"))])
    (entry,) = perpetrators(said, claimed)
    assert "(Monitor)" in entry and "(State media)" in entry


def test_a_doer_named_in_what_the_attack_followed_is_not_this_attack_s_doer() -> None:
    # cause_clause_counts_an_earlier_incident: the doer of the happening the attack came after is that one's
    earlier = naming(
        "a",
        "The raid came a day after strikes by Russian jets hit the town, the agency said.",
        "Russian",
        *RUSSIA,
        "Agency",
    )
    syrian = naming("b", "Government planes struck the market, the monitor said.", "Government", *SYRIA, "Monitor")
    assert perpetrators(earlier, syrian) == []
    # named as this attack's doer, the same name disputes the other's
    russian = naming("c", "Strikes by Russian jets hit the market, the agency said.", "Russian", *RUSSIA, "Agency")
    assert perpetrators(russian, syrian)
