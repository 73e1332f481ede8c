import datetime as dt

import pytest

from sitrep.model import ActorRole, DateInterval, Mention, Place, PlaceMention, Span
from sitrep.resolve import HistoryEntry, InMemoryEvents, event_id_for, resolve_group, resolve_mentions
from tests.resolve.resolve_fixtures import mention, place


def test_reports_of_one_incident_become_one_event_and_others_stay_apart() -> None:
    store = InMemoryEvents()
    results = resolve_mentions(
        [
            mention("a", where="Idlib", actor1="Russian Air Force", sources=("SANA",)),
            mention("b", where="Idlib", precision="admin2", actor1="Russian Air Force", sources=("Reuters",)),
            mention("c", where="Mosul", sources=("Rudaw",)),  # same day, other country
            mention("d", where="Idlib", start="2024-03-20"),  # same town, ten days later
        ],
        store,
    )
    assert [r.action for r in results] == ["new", "attach", "new", "new"]
    assert results[0].event_id == results[1].event_id
    assert len(store) == 3
    assert [m.id for m in store.get(results[0].event_id).mentions] == ["a", "b"]


def test_event_ids_are_deterministic_from_the_first_report() -> None:
    first = InMemoryEvents()
    second = InMemoryEvents()
    ids_a = [r.event_id for r in resolve_mentions([mention("a"), mention("b")], first)]
    ids_b = [r.event_id for r in resolve_mentions([mention("a"), mention("b")], second)]
    assert ids_a == ids_b == [event_id_for(mention("a"))] * 2


def test_ingesting_the_same_mention_twice_changes_nothing() -> None:
    store = InMemoryEvents()
    resolve_mentions([mention("a"), mention("b")], store)
    again = resolve_mentions([mention("a")], store)
    assert again[0].action == "attach"
    assert len(store) == 1
    assert len(next(iter(store)).mentions) == 2


def test_incremental_ingest_attaches_to_existing_events() -> None:
    store = InMemoryEvents()
    resolve_mentions([mention("a", where="Goma", start="2024-05-02")], store)
    resolve_mentions([mention("b", where="El Fasher", start="2024-05-02")], store)
    later = resolve_mentions([mention("c", where="Goma", start="2024-05-02")], store)
    assert later[0].action == "attach"
    assert store.get(later[0].event_id).mentions[0].id == "a"


def test_a_report_bridging_two_events_merges_them_and_old_ids_redirect() -> None:
    store = InMemoryEvents()
    actors = {"actor1": "Hayat Tahrir al-Sham", "actor2": "Syrian Arab Army"}
    text = "HTS fighters attacked army positions near Idlib"
    # one report gives the place but no date, another the date but no place: too weak to join alone
    placed = resolve_mentions([mention("a", start=None, text=text, **actors)], store)[0]
    dated = resolve_mentions([mention("b", where=None, text=text, **actors)], store)[0]
    assert placed.event_id != dated.event_id
    bridge = resolve_mentions([mention("c", text=text, **actors)], store)[0]
    assert bridge.action == "merge"
    (absorbed,) = bridge.merged_from
    assert {absorbed, bridge.event_id} == {placed.event_id, dated.event_id}
    assert store.resolve_id(absorbed) == bridge.event_id
    assert {m.id for m in store.get(absorbed).mentions} == {"a", "b", "c"}
    assert store.history[-1] == HistoryEntry("merge", absorbed, bridge.event_id)


def test_a_vague_report_does_not_merge_two_incompatible_events() -> None:
    store = InMemoryEvents()
    resolve_mentions([mention("a", start="2024-03-08"), mention("b", start="2024-03-12")], store)
    week = resolve_mentions([mention("c", start="2024-03-08", end="2024-03-12", date_precision="week")], store)[0]
    assert week.action != "merge"
    assert len(store) == 2


def test_split_keeps_the_old_id_for_the_rest_and_records_it() -> None:
    store = InMemoryEvents()
    event_id = resolve_mentions([mention("a"), mention("b"), mention("c")], store)[0].event_id
    new = store.split(event_id, ["c"], "ev_split")
    assert [m.id for m in store.get(event_id).mentions] == ["a", "b"]
    assert [m.id for m in new.mentions] == ["c"]
    assert store.history[-1].action == "split"
    with pytest.raises(ValueError):
        store.split(event_id, ["a", "b"], "ev_all")


def test_undated_report_attaches_only_on_strong_other_evidence() -> None:
    store = InMemoryEvents()
    resolve_mentions(
        [
            mention(
                "a",
                actor1="Hayat Tahrir al-Sham",
                actor2="Syrian Arab Army",
                text="HTS fighters attacked army positions near Idlib",
            )
        ],
        store,
    )
    with_place = resolve_mentions(
        [
            mention(
                "b",
                start=None,
                actor1="Hayat Tahrir al-Sham",
                actor2="Syrian Arab Army",
                text="HTS fighters attacked army positions near Idlib",
            )
        ],
        store,
    )[0]
    nothing = resolve_mentions([mention("c", start=None, where=None, actor1="Hayat Tahrir al-Sham")], store)[0]
    assert with_place.action == "attach"
    assert nothing.action == "new"


def test_candidates_are_limited_to_the_date_window_and_compatible_types() -> None:
    store = InMemoryEvents()
    resolve_mentions(
        [
            mention("a", start="2024-03-10"),
            mention("b", start="2024-06-10"),
            mention("c", start="2024-03-10", event_type="Protests"),
        ],
        store,
    )
    found = store.candidate_events(mention("x", start="2024-03-11", event_type="Battles"), 3)
    assert [e.mentions[0].id for e in found] == ["a"]


def test_candidates_far_away_are_not_returned_but_coarse_events_nearby_in_time_are() -> None:
    store = InMemoryEvents()
    resolve_mentions(
        [
            mention("idlib", where="Idlib"),
            mention("goma", where="Goma"),
            mention("syria-wide", where="Idlib", precision="country", start="2024-03-12"),
        ],
        store,
    )
    found = {e.mentions[0].id for e in store.candidate_events(mention("x", where="Saraqib"), 3)}
    assert found == {"idlib", "syria-wide"}


def test_two_ungrouped_mentions_of_one_document_stay_two_events() -> None:
    # Same day, same town, same type: from two outlets one incident, from one article two (an article
    # that restates an incident has its restatements grouped before resolution).
    store = InMemoryEvents()
    results = resolve_mentions(
        [
            mention("a", where="Idlib", doc="wire.txt", text="An air strike hit a market in Idlib"),
            mention("b", where="Idlib", doc="wire.txt", text="Another strike hit a bakery in the city"),
            mention("c", where="Idlib", doc="local.txt", text="An air strike hit a market in Idlib"),
        ],
        store,
    )
    assert [r.action for r in results] == ["new", "new", "attach"]
    assert results[0].event_id != results[1].event_id
    assert len(store) == 2


def test_a_report_that_contradicts_one_report_of_an_event_stays_out_even_if_the_event_summary_fits() -> None:
    # A strike on Saraqib and a report naming only Idlib province are one incident; a strike on Aleppo the same day
    # fits the province, but not the Saraqib report: no chaining of Saraqib ~ province ~ Aleppo into one event.
    store = InMemoryEvents()
    results = resolve_mentions(
        [
            mention("a", where="Saraqib", sources=("SANA",)),
            mention("b", where="Idlib", precision="admin1", sources=("Reuters",)),
            mention("c", where="Aleppo", sources=("AFP",)),
        ],
        store,
    )
    assert results[0].event_id == results[1].event_id != results[2].event_id


def test_two_villages_the_gazetteer_lacks_are_two_incidents_though_both_fall_back_to_the_province() -> None:
    store = InMemoryEvents()
    first = mention("a", where="Idlib", precision="admin1", sources=("SANA",))
    first.places.insert(0, PlaceMention("the village of Kafr Dubbin", Span("doc-a", 0, 0)))
    second = mention("b", where="Idlib", precision="admin1", sources=("Reuters",))
    second.places.insert(0, PlaceMention("Tell Marqa village", Span("doc-b", 0, 0)))
    same = mention("c", where="Idlib", precision="admin1", sources=("AFP",))
    same.places.insert(0, PlaceMention("Kafr Dubbin", Span("doc-c", 0, 0)))
    results = resolve_mentions([first, second, same], store)
    assert results[0].event_id != results[1].event_id
    assert results[2].event_id == results[0].event_id


def test_one_documents_reports_of_an_incident_are_placed_together_and_judged_on_all_of_them() -> None:
    store = InMemoryEvents()
    resolve_mentions([mention("a", where="Saraqib", sources=("SANA",))], store)
    headline = mention("h", where=None, doc="d")
    body = mention("b", where="Aleppo", doc="d")
    resolution = resolve_group([headline, body], store)
    assert resolution.action == "new"
    assert {m.id for m in store.get(resolution.event_id).mentions} == {"h", "b"}


def _report(mention_id: str, sentence: str, places: list[tuple[str, str | None]], day: str = "2024-03-10") -> Mention:
    """A report (its sentence 100 characters into the document) naming ``places``: (text, fixture town or None
    when the gazetteer lacks it)."""
    m = mention(mention_id, where=None, start=day, sources=(mention_id,))
    m.sentence = Span(m.doc, 100, 100 + len(sentence), sentence)
    m.places = []
    for text, town in places:
        at = 100 + sentence.index(text)
        m.places.append(PlaceMention(text, Span(m.doc, at, at + len(text)), place=place(town) if town else None))
    return m


def test_reports_of_two_villages_located_by_the_same_town_are_two_incidents() -> None:
    # "Shelling hit Kafr Dubbin, Idlib" / "Shelling hit Idlib": the town only says where the village is.
    store = InMemoryEvents()
    village = _report("a", "Shelling hit Kafr Dubbin, Idlib, on Sunday.", [("Kafr Dubbin", None), ("Idlib", "Idlib")])
    town = _report("b", "Shelling hit Idlib on Sunday.", [("Idlib", "Idlib")])
    results = resolve_mentions([village, town], store)
    assert results[0].event_id != results[1].event_id


def test_reports_that_each_name_a_different_day_are_two_incidents() -> None:
    store = InMemoryEvents()
    monday = _report("a", "Shelling hit Saraqib on Monday.", [("Saraqib", "Saraqib")], day="2024-03-11")
    monday.date = DateInterval(dt.date(2024, 3, 11), dt.date(2024, 3, 11), "day", Span("doc-a", 124, 130))
    tuesday = _report("b", "Shelling hit Saraqib on Tuesday.", [("Saraqib", "Saraqib")], day="2024-03-12")
    tuesday.date = DateInterval(dt.date(2024, 3, 12), dt.date(2024, 3, 12), "day", Span("doc-b", 124, 131))
    results = resolve_mentions([monday, tuesday], store)
    assert results[0].event_id != results[1].event_id


def test_reports_naming_different_weekdays_are_two_incidents_however_their_dates_were_anchored() -> None:
    # "Gunmen shot dead two farmers in Saraqib on Monday" / "... abducted four men from Saraqib on Wednesday": whatever
    # days the two publications anchored them to, a Monday and a Wednesday are two days.
    store = InMemoryEvents()
    week = DateInterval(dt.date(2024, 3, 9), dt.date(2024, 3, 13), "approximate")
    monday = _report("a", "Gunmen killed two farmers in Saraqib on Monday.", [("Saraqib", "Saraqib")])
    monday.date = DateInterval(week.start, week.end, "approximate", Span("doc-a", 140, 146, "Monday"))
    wednesday = _report("b", "Gunmen killed four farmers in Saraqib on Wednesday.", [("Saraqib", "Saraqib")])
    wednesday.date = DateInterval(week.start, week.end, "approximate", Span("doc-b", 141, 150, "Wednesday"))
    results = resolve_mentions([monday, wednesday], store)
    assert results[0].event_id != results[1].event_id


def test_villages_named_only_as_written_are_two_incidents_though_both_fall_back_to_the_province() -> None:
    # Neither the place extractor nor the gazetteer found the villages; each report keeps only its province, and
    # the names the text writes tell them apart.
    store = InMemoryEvents()
    first = _report("a", "Army artillery shelled Tell Abyad Saghir in Idlib province on Sunday.", [])
    second = _report("b", "Army artillery shelled Kafr Hamra in Idlib province on Sunday.", [])
    again = _report("c", "Artillery shelled Tell Abyad Saghir in Idlib province on Sunday, killing two.", [])
    for report in (first, second, again):
        report.places = [PlaceMention("Idlib province", Span(report.doc, 0, 0), place=place("Idlib", "admin1"))]
    results = resolve_mentions([first, second, again], store)
    assert results[0].event_id != results[1].event_id
    assert results[2].event_id == results[0].event_id


def test_a_village_written_in_a_town_and_a_report_of_the_town_may_be_one_incident() -> None:
    # "A car bomb hit a cafe at Souq Bab in Idlib on Sunday" / "A car bomb hit a cafe in Idlib on Sunday": the second
    # names only the town the first's place lies in.
    store = InMemoryEvents()
    market = _report("a", "A car bomb hit a cafe at Souq Bab in Idlib on Sunday.", [("Idlib", "Idlib")])
    town = _report("b", "A car bomb hit a cafe in Idlib on Sunday, killing nine.", [("Idlib", "Idlib")])
    results = resolve_mentions([market, town], store)
    assert results[0].event_id == results[1].event_id


def test_two_types_are_one_incident_only_when_both_give_the_same_day() -> None:
    # An attack on civilians and a strike at one town are one incident told two ways when both give the day; when
    # one report gives no day of its own, they are two incidents (monitors report several a day in one province).
    def told(mention_id: str, event_type: str, dated: bool) -> Mention:
        report = _report(mention_id, "Gunmen and drones struck Saraqib on Sunday.", [("Saraqib", "Saraqib")])
        report.event_type = event_type
        assert report.date is not None
        if dated:
            report.date.span = Span(report.doc, 139, 145)
        else:
            report.date = DateInterval(dt.date(2024, 3, 8), dt.date(2024, 3, 10), "approximate")
        return report

    store = InMemoryEvents()
    results = resolve_mentions(
        [told("a", "Explosions/Remote violence", True), told("b", "Violence against civilians", True)], store
    )
    assert results[0].event_id == results[1].event_id
    store = InMemoryEvents()
    results = resolve_mentions(
        [told("a", "Explosions/Remote violence", True), told("b", "Violence against civilians", False)], store
    )
    assert results[0].event_id != results[1].event_id


def _groupings(reports: list[Mention]) -> set[frozenset[str]]:
    """The events the reports end in (a later merge moves earlier reports, so the store is read at the end)."""
    store = InMemoryEvents()
    resolve_mentions(reports, store)
    return {frozenset(m.id for m in event.mentions) for event in store}


def test_the_same_reports_in_another_order_give_the_same_events() -> None:
    # Three incidents, each told by three outlets (one of them vaguer: only the province, or no day of its own).
    reports = [
        mention("a1", where="Saraqib", start="2024-03-10", killed=(5, 5, 5), sources=("SANA",)),
        mention("a2", where="Saraqib", start="2024-03-10", killed=(6, 6, 6), sources=("AFP",)),
        mention("a3", where="Idlib", precision="admin1", start="2024-03-10", killed=(5, 5, 5), sources=("SOHR",)),
        mention("b1", where="Aleppo", start="2024-03-12", event_type="Battles", sources=("SANA",)),
        mention("b2", where="Aleppo", start="2024-03-12", event_type="Battles", sources=("Reuters",)),
        mention("b3", where="Aleppo", start="2024-03-12", event_type="Battles", sources=("TASS",)),
        mention("c1", where="Mosul", start="2024-03-11", sources=("Rudaw",)),
        mention("c2", where="Mosul", start="2024-03-11", sources=("INA",)),
        mention("c3", where="Mosul", start="2024-03-11", sources=("AP",)),
    ]
    expected = {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"}), frozenset({"c1", "c2", "c3"})}
    assert _groupings(reports) == expected
    assert _groupings(reports[::-1]) == expected
    assert _groupings(reports[1::2] + reports[::2]) == expected


def _in_province(report: Mention) -> Mention:
    report.places = [PlaceMention("Idlib province", Span(report.doc, 0, 0), place=place("Idlib", "admin1"))]
    return report


def test_an_armed_group_named_after_a_verb_of_attack_is_no_village_of_the_report() -> None:
    # actor_not_place: "Jets targeted Hezbollah depots in Idlib province" writes a group's name where a village may
    # stand; it names no village against "Jets bombed Kafr Hamra in Idlib province".
    store = InMemoryEvents()
    group = _in_province(_report("a", "Jets targeted Hezbollah depots in Idlib province on Sunday.", []))
    village = _in_province(_report("b", "Jets bombed Kafr Hamra in Idlib province on Sunday, killing four.", []))
    results = resolve_mentions([group, village], store)
    assert results[0].event_id == results[1].event_id


def test_a_country_s_possessive_before_a_province_names_no_village() -> None:
    # country_possessive: "Syria's Idlib province" and "Syrias Idlib province" (the apostrophe lost) name the province
    # the other report's town lies in, not a village of their own.
    for written in ("Syria's", "Syrias"):
        store = InMemoryEvents()
        possessive = _in_province(
            _report("a", f"Fighters attacked army posts in {written} Idlib province on Sunday.", [])
        )
        town = _report("b", "Fighters attacked army posts in Saraqib on Sunday.", [("Saraqib", "Saraqib")])
        results = resolve_mentions([possessive, town], store)
        assert results[0].event_id == results[1].event_id, written


def test_a_group_dated_in_its_text_never_joins_an_event_months_away() -> None:
    # text_dates_the_report: "strikes in recent days" dates a report (roughly) though not to the day; its document's
    # undated restatement does not carry the group to an event two months earlier at the same place.
    store = InMemoryEvents()
    old = _report("a", "Air strikes hit Saraqib in recent days, killing three.", [("Saraqib", "Saraqib")])
    old.date = DateInterval(dt.date(2024, 1, 8), dt.date(2024, 1, 10), "approximate", Span("doc-a", 133, 147))
    recent = _report("b", "Air strikes hit Saraqib in recent days, killing three.", [("Saraqib", "Saraqib")])
    recent.date = DateInterval(dt.date(2024, 3, 8), dt.date(2024, 3, 10), "approximate", Span("doc-b", 133, 147))
    undated = _report("c", "Air strikes hit Saraqib, killing three.", [("Saraqib", "Saraqib")])
    undated.doc = recent.doc
    undated.date = None
    for report in (old, undated):  # an undated report looks for the events of the actors it names
        report.actors = [ActorRole("actor1", "Military Forces of Russia", "State forces")]
    resolve_mentions([old], store)
    result = resolve_group([recent, undated], store)
    assert result.event_id != event_id_for(old)


def test_a_day_told_as_tonight_is_not_another_day_than_the_day_before_in_another_report() -> None:
    # deictic_day_is_loose: a statement's "the strikes tonight", anchored on the day it was printed, may be the night
    # another outlet dates to the day before ("on Saturday").
    store = InMemoryEvents()
    saturday = _report("a", "Coalition jets struck Saraqib on Saturday.", [("Saraqib", "Saraqib")], day="2024-03-09")
    saturday.date = DateInterval(
        dt.date(2024, 3, 9), dt.date(2024, 3, 9), "day", Span("doc-a", 135, 146, "on Saturday")
    )
    tonight = _report("b", "The strikes tonight hit Saraqib, a spokesman said.", [("Saraqib", "Saraqib")])
    tonight.date = DateInterval(dt.date(2024, 3, 10), dt.date(2024, 3, 10), "day", Span("doc-b", 112, 119, "tonight"))
    results = resolve_mentions([saturday, tonight], store)
    assert results[0].event_id == results[1].event_id
    store = InMemoryEvents()
    sunday = _report("c", "Coalition jets struck Saraqib on Sunday.", [("Saraqib", "Saraqib")])
    sunday.date = DateInterval(dt.date(2024, 3, 10), dt.date(2024, 3, 10), "day", Span("doc-c", 135, 144, "on Sunday"))
    results = resolve_mentions([saturday, sunday], store)
    assert results[0].event_id != results[1].event_id


def _told_before(report: Mention, day: str) -> Mention:
    """The report's date carried from a sentence before it (the day of a call, of a statement)."""
    report.date = DateInterval(dt.date.fromisoformat(day), dt.date.fromisoformat(day), "day", Span(report.doc, 60, 69))
    return report


def test_a_restated_incident_dated_by_its_telling_joins_the_incident_days_before() -> None:
    # restated_date_is_a_bound: "the recent chemical attack in Saraqib", in an article about a call "on Monday", took
    # Monday from the call; the attack was then or in the days before, so it is the attack reported six days earlier.
    attack = _report("a", "A chemical attack killed 40 people in Saraqib on Tuesday.", [("Saraqib", "Saraqib")])
    attack.date = DateInterval(dt.date(2024, 3, 5), dt.date(2024, 3, 5), "day", Span("doc-a", 149, 159))
    text = "The ministers discussed the recent chemical attack in Saraqib."
    restated = _told_before(_report("b", text, [("Saraqib", "Saraqib")]), "2024-03-11")
    restated.restates = True
    store = InMemoryEvents()
    results = resolve_mentions([attack, restated], store)
    assert results[0].event_id == results[1].event_id
    # Told as news, not as an incident already known, the carried day is the act's: another incident.
    told = _told_before(_report("c", "A chemical attack hit Saraqib.", [("Saraqib", "Saraqib")]), "2024-03-11")
    store = InMemoryEvents()
    results = resolve_mentions([attack, told], store)
    assert results[0].event_id != results[1].event_id
    # An incident long before the telling is not the one restated.
    long_before = _told_before(_report("d", text, [("Saraqib", "Saraqib")]), "2024-03-25")
    long_before.restates = True
    store = InMemoryEvents()
    results = resolve_mentions([attack, long_before], store)
    assert results[0].event_id != results[1].event_id


def _strike(mention_id: str, sentence: str, places: list[tuple[str, Place]]) -> Mention:
    """An air strike by the Syrian air force on Sunday whose sentence names ``places`` (text, place)."""
    report = _report(mention_id, sentence, [])
    report.sub_event_type = "Air/drone strike"
    report.actors = [ActorRole("actor1", "Military Forces of Syria", "State forces")]
    for text, where in places:
        at = 100 + sentence.index(text)
        report.places.append(PlaceMention(text, Span(report.doc, at, at + len(text)), place=where))
    return report


def test_a_province_named_beside_its_town_brings_no_other_province_within_reach() -> None:
    # province_locates_its_town: "near Palmyra in Homs province" is placed at Palmyra; the point of Homs province (its
    # seat, 135 km from Idlib's) says where Palmyra is, so strikes "in Idlib province" that day are another incident.
    idlib = Place("test:Idlib province", "Idlib", "SY", 35.93, 36.63, "admin1", admin1="Idlib")
    homs = Place("test:Homs province", "Homs", "SY", 34.72, 36.73, "admin1", admin1="Homs")
    palmyra = Place("test:Palmyra", "Palmyra", "SY", 34.56, 38.28, "town", admin1="Homs")
    east = _strike(
        "a",
        "Jets struck IS positions near Palmyra in Homs province on Sunday.",
        [("Palmyra", palmyra), ("Homs province", homs)],
    )
    north = _strike("b", "Jets struck Nusra positions in Idlib province on Sunday.", [("Idlib province", idlib)])
    store = InMemoryEvents()
    results = resolve_mentions([east, north], store)
    assert results[0].event_id != results[1].event_id
    # A report of the province the town lies in may tell the same strikes.
    in_homs = _strike("c", "Jets struck IS positions in Homs province on Sunday.", [("Homs province", homs)])
    store = InMemoryEvents()
    results = resolve_mentions([east, in_homs], store)
    assert results[0].event_id == results[1].event_id


def _dated_by(report: Mention, words: str, start: str, end: str, precision: str = "day") -> Mention:
    """The report dated by ``words`` of its own sentence."""
    at = 100 + (report.sentence.text or "").index(words)
    span = Span(report.doc, at, at + len(words), words)
    report.date = DateInterval(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision, span)  # type: ignore[arg-type]
    return report


def test_a_weekday_of_a_claim_is_no_other_day_than_the_blast_s() -> None:
    # weekday_of_the_telling: "IS on Monday claimed a suicide blast" dates the claim; the blast another outlet dates
    # "on Sunday night" at the same crossing is the one claimed. Told of the act, Monday is another day.
    sunday = _dated_by(
        _report("a", "A suicide blast struck the Atme crossing on Sunday night.", [("Atme", "Idlib")]),
        "on Sunday",
        "2024-03-10",
        "2024-03-10",
    )
    claimed = _dated_by(
        _report("b", "IS on Monday claimed a suicide blast at the Atme crossing.", [("Atme", "Idlib")]),
        "on Monday",
        "2024-03-09",
        "2024-03-11",
        "approximate",
    )
    results = resolve_mentions([sunday, claimed], InMemoryEvents())
    assert results[0].event_id == results[1].event_id
    struck = _dated_by(
        _report("c", "A suicide blast struck the Atme crossing on Monday.", [("Atme", "Idlib")]),
        "on Monday",
        "2024-03-09",
        "2024-03-11",
        "approximate",
    )
    results = resolve_mentions([sunday, struck], InMemoryEvents())
    assert results[0].event_id != results[1].event_id


def test_the_people_of_a_village_name_it_as_the_place_of_their_protest() -> None:
    # residents_of_a_place: "Residents of Umm Tala protested" names the village the gazetteer lacks; a protest the same
    # day by the residents of the town of Saraqib, in the same province, is another.
    village = _in_province(_report("a", "Residents of Umm Tala in Idlib province protested on Sunday.", []))
    town = _report("b", "Residents of Saraqib in Idlib province protested on Sunday.", [("Saraqib", "Saraqib")])
    for report in (village, town):
        report.event_type, report.sub_event_type = "Protests", "Peaceful protest"
    results = resolve_mentions([village, town], InMemoryEvents())
    assert results[0].event_id != results[1].event_id
