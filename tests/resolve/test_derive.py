import dataclasses
import datetime as dt

from sitrep.model import INHERITED_ROLE, ActorRole, DateInterval, Event, Mention, Place, PlaceMention, Quantity, Span
from sitrep.resolve import derive_event, find_contradictions
from sitrep.resolve.derive import derive_actors
from tests.resolve.resolve_fixtures import mention


def test_event_date_is_the_narrowest_interval_consistent_with_the_others() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", start="2024-03-01", end="2024-03-31", date_precision="month"),
            mention("b", start="2024-03-09", end="2024-03-15", date_precision="week"),
            mention("c", start="2024-03-10"),
        ],
    )
    assert event.date is not None
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2024, 3, 10),
        dt.date(2024, 3, 10),
        "day",
    )


def test_most_specific_place_comes_first() -> None:
    event = derive_event("ev", [mention("a", where="Idlib", precision="admin1"), mention("b", where="Saraqib")])
    assert [p.name for p in event.places] == ["Saraqib", "Idlib"]


def test_actors_are_the_majority_name_per_role() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", actor1="Russian Air Force"),
            mention("b", actor1="Syrian Air Force"),
            mention("c", actor1="Russian Air Force", actor2="Civilians"),
        ],
    )
    assert [(a.role, a.name) for a in event.actors] == [("actor1", "Russian Air Force"), ("actor2", "Civilians")]


def test_fatalities_are_low_best_high_across_reports_with_who_said_what() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", killed=(5, 5, 5), sources=("SANA",)),
            mention("b", killed=(None, 12, None), sources=("Syrian Observatory for Human Rights", "Reuters")),
            mention("c", killed=(8, 9, 10), sources=("AFP",)),
        ],
    )
    (figure,) = event.figures
    assert (figure.kind, figure.low, figure.best, figure.high) == ("killed", 5, 9, 12)
    assert figure.by_mention["b"].best == 12


def _toll_report(mention_id: str, doc: str, at: int, text: str, figure: str, killed: tuple[int | None, ...]) -> Mention:
    """A report whose sentence starts at ``at`` in its article and states ``figure`` as its toll."""
    low, best, high = killed
    figure_at = at + text.index(figure)
    return dataclasses.replace(
        mention(mention_id, doc=doc, text=text),
        sentence=Span(doc, at, at + len(text), text),
        fatalities=Quantity("people", low, best, high, Span(doc, figure_at, figure_at + len(figure), figure), "killed"),
    )


def test_each_article_gives_its_leads_toll_and_the_best_is_the_median_over_articles() -> None:
    # One article leads with its toll and then tells parts of it; two others tell it once. Sentences do not outvote
    # articles, and a part told later ("among them 4 children") is not the article's toll: the best is the median
    # of 9, 20 and 21, not of 4, 6, 9, 20 and 21.
    event = derive_event(
        "ev",
        [
            _toll_report("a2", "one.txt", 200, "Six of them were women.", "Six", (6, 6, 6)),
            _toll_report("a1", "one.txt", 0, "Shelling killed nine people in the town.", "nine people", (9, 9, 9)),
            _toll_report("a3", "one.txt", 100, "Among them were four children.", "four children", (4, 4, 4)),
            _toll_report("b", "two.txt", 0, "Shelling killed 20 people.", "20 people", (20, 20, 20)),
            _toll_report("c", "three.txt", 0, "Shelling killed 21 people.", "21 people", (21, 21, 21)),
        ],
    )
    (figure,) = event.figures
    assert (figure.low, figure.best, figure.high) == (4, 20, 21)


def test_the_best_is_the_toll_most_articles_give_not_the_middle_of_the_others() -> None:
    # most_told_figure: two articles give 9 and three others each another figure; the best is the 9 two articles
    # agree on, not the median (20) of five articles that mostly disagree.
    event = derive_event(
        "ev",
        [
            _toll_report("a", "one.txt", 0, "Shelling killed nine people.", "nine people", (9, 9, 9)),
            _toll_report("b", "two.txt", 0, "Shelling killed nine people.", "nine people", (9, 9, 9)),
            _toll_report("c", "three.txt", 0, "Shelling killed 20 people.", "20 people", (20, 20, 20)),
            _toll_report("d", "four.txt", 0, "Shelling killed 21 people.", "21 people", (21, 21, 21)),
            _toll_report("e", "five.txt", 0, "Shelling killed 25 people.", "25 people", (25, 25, 25)),
        ],
    )
    (figure,) = event.figures
    assert (figure.low, figure.best, figure.high) == (9, 9, 25)


def test_an_articles_toll_is_its_bound_when_it_states_no_exact_figure() -> None:
    # "at least 14" is written down as 14: a coder's figure, not left out of the median.
    event = derive_event(
        "ev",
        [
            _toll_report(
                "a",
                "one.txt",
                0,
                "Air strikes killed at least 14 civilians.",
                "at least 14 civilians",
                (14, None, None),
            ),
            _toll_report(
                "b",
                "two.txt",
                0,
                "Air strikes killed at least 16 civilians.",
                "at least 16 civilians",
                (16, None, None),
            ),
            _toll_report("c", "three.txt", 0, "Air strikes killed 30 people.", "30 people", (30, 30, 30)),
        ],
    )
    (figure,) = event.figures
    assert figure.best == 16


def test_a_lead_that_counts_the_dead_in_words_gives_way_to_the_articles_figure() -> None:
    # a_number_over_a_vague_count: "dozens" is written down as the number the article states later, not as 24; a
    # lead that states a number keeps it whatever figures come later.
    vague_lead = derive_event(
        "ev",
        [
            _toll_report(
                "a1", "one.txt", 0, "Shelling killed dozens of people in the town.", "dozens", (24, None, None)
            ),
            _toll_report("a2", "one.txt", 90, "A doctor said 37 people had died.", "37 people", (37, 37, 37)),
        ],
    )
    exact_lead = derive_event(
        "ev",
        [
            _toll_report("b1", "two.txt", 0, "Shelling killed 30 people in the town.", "30 people", (30, 30, 30)),
            _toll_report("b2", "two.txt", 90, "A doctor said 37 people had died.", "37 people", (37, 37, 37)),
        ],
    )
    assert [e.figures[0].best for e in (vague_lead, exact_lead)] == [37, 30]


def test_a_toll_told_as_risen_supersedes_the_leads() -> None:
    # an_update_supersedes: the article's latest count replaces the one its lead gave.
    event = derive_event(
        "ev",
        [
            _toll_report(
                "a1", "one.txt", 0, "A car bomb killed eight people in the market.", "eight people", (8, 8, 8)
            ),
            _toll_report("a2", "one.txt", 90, "By evening the death toll had risen to 13.", "13", (13, 13, 13)),
        ],
    )
    (figure,) = event.figures
    assert figure.best == 13


def test_a_non_violent_reports_zero_is_no_toll_of_an_attack() -> None:
    # The codebook's 0 for an arrest told in an attack's story (no words state it) does not make the attack's toll 0.
    attack = mention("a", event_type="Battles", text="Rebels attacked an army base on Tuesday.")
    arrest = dataclasses.replace(
        mention("b", event_type="Strategic developments", text="Police later arrested two suspects."),
        sub_event_type="Arrests",
        fatalities=Quantity("people", 0, 0, 0, None, "killed"),
    )
    event = derive_event("ev", [dataclasses.replace(attack, sub_event_type="Armed clash"), arrest])
    assert event.event_type == "Battles"
    assert [f for f in event.figures if f.kind == "killed"] == []
    march = dataclasses.replace(arrest, id="c", event_type="Protests", sub_event_type="Peaceful protest")
    (zero,) = derive_event("ev2", [march]).figures
    assert (zero.kind, zero.best) == ("killed", 0)


def test_denied_reports_do_not_count_towards_figures_but_are_kept() -> None:
    event = derive_event("ev", [mention("a", killed=(4, 4, 4)), mention("b", killed=(0, 0, 0), modality="denied")])
    assert event.figures[0].low == 4
    assert [m.id for m in event.mentions] == ["a", "b"]


def test_figures_beyond_their_bounds_are_a_contradiction_naming_both_sources() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", killed=(5, 5, 5), sources=("SANA",)),
            mention("b", killed=(10, 12, 15), sources=("SOHR", "Reuters")),
            mention("c", killed=(4, 5, 6), sources=("AFP",)),
        ],
    )
    # One entry for the field, not one per pair of reports: every position once, with who holds it.
    (figure,) = [c for c in event.contradictions if c.kind == "figure"]
    assert frozenset((figure.a, figure.b)) in {frozenset("ab"), frozenset("bc")}
    for position in ("5 (SANA)", "10-15 (SOHR via Reuters)", "4-6 (AFP)"):
        assert position in figure.description


def test_open_ended_figures_only_conflict_with_figures_below_them() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", killed=(21, None, None)),
            mention("b", killed=(30, 30, 30)),
            mention("c", killed=(None, 12, None)),
        ],
    )
    (figure,) = [c for c in find_contradictions(event) if c.kind == "figure"]
    assert frozenset((figure.a, figure.b)) == frozenset("ac")
    assert all(position in figure.description for position in ("21+", "30", "12"))


def test_dates_and_denials_are_contradictions() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", start="2024-03-10", sources=("Ukrainska Pravda",)),
            mention("b", start="2024-03-11", sources=("TASS",)),
            mention("c", modality="denied", sources=("Russian Ministry of Defence",)),
        ],
    )
    kinds = {(c.kind, frozenset((c.a, c.b))) for c in event.contradictions}
    assert ("date", frozenset("ab")) in kinds
    # One denial entry for the event, naming the denier and both reports it denies.
    (denial,) = [c for c in event.contradictions if c.kind == "denial"]
    assert "Russian Ministry of Defence" in denial.description
    assert "Ukrainska Pravda" in denial.description and "TASS" in denial.description


def test_different_estimates_within_each_others_bounds_are_shown_side_by_side() -> None:
    # "at least 56 killed" (doctors) and "at least 60" (government) set side by side in one story: compatible, but
    # an analyst must see both (two articles' floors are each outlet's count: floors_of_two_articles)
    event = derive_event(
        "ev",
        [
            mention("a", killed=(56, None, None), sources=("Sudan Doctors Network",), doc="story"),
            mention("b", killed=(60, None, None), sources=("government spokesman",), doc="story"),
            mention("c", killed=(None, 60, None), sources=("government spokesman", "SUNA")),
        ],
    )
    (estimates,) = [c for c in event.contradictions if c.kind == "estimates"]  # one entry, its pairs inside
    assert {frozenset((a, b)) for _, a, b in estimates.pairs} == {frozenset("ab"), frozenset("ac")}
    assert "Sudan Doctors Network" in estimates.description and "56+" in estimates.description
    assert not [c for c in event.contradictions if c.kind == "figure"]  # nothing exclusive here


def test_a_named_actor_beats_reports_that_name_none() -> None:
    # "Hezbollah fired rockets ...; police said shrapnel wounded two": the second clause names no attacker.
    event = derive_event(
        "ev",
        [
            mention("a", actor1="Unidentified Armed Group"),
            mention("b", actor1="Hezbollah"),
            mention("c", actor1="Unidentified Armed Group"),
        ],
    )
    assert [a.name for a in event.actors if a.role == "actor1"] == ["Hezbollah"]


def _bombardment(mention_id: str, sub_event_type: str, actor2: str | None = None) -> Mention:
    report = mention(mention_id, actor1="Military Forces of Syria", actor2=actor2)
    return dataclasses.replace(report, sub_event_type=sub_event_type)


def test_bombardment_whose_reports_name_no_target_is_against_civilians() -> None:
    # "Government artillery shelled the town overnight", told by two outlets, neither saying whom it hit.
    shelling = "Shelling/artillery/missile attack"
    event = derive_event("ev", [_bombardment("a", shelling), _bombardment("b", shelling)])
    assert [(a.role, a.name) for a in event.actors] == [("actor1", "Military Forces of Syria"), ("actor2", "Civilians")]
    assert event.actors[1].span is None  # no sentence named them


def test_a_target_one_report_names_beats_the_civilian_default() -> None:
    # "Jets struck the town" and, in another outlet, "jets struck rebel positions near the town".
    event = derive_event(
        "ev", [_bombardment("a", "Air/drone strike"), _bombardment("b", "Air/drone strike", actor2="Syrian rebels")]
    )
    assert [a.name for a in event.actors if a.role == "actor2"] == ["Syrian rebels"]


def _held_place_shelled(mention_id: str, killed: tuple[int | None, int | None, int | None] | None = None) -> Mention:
    """A report whose target was read off a place named by the kind of force holding it ("the rebel-held town")."""
    report = dataclasses.replace(
        mention(mention_id, actor1="Military Forces of Syria", killed=killed), sub_event_type="Air/drone strike"
    )
    place = Span(report.doc, 0, 23, "the rebel-held district")
    return dataclasses.replace(report, actors=[*report.actors, ActorRole("actor2", "Syrian rebels", "", place)])


def test_a_bombardment_of_a_rebel_held_place_that_hurt_no_one_is_against_the_rebels() -> None:
    # "Jets pounded the rebel-held district for a second day", no victim told.
    event = derive_event("ev", [_held_place_shelled("a")])
    assert [a.name for a in event.actors if a.role == "actor2"] == ["Syrian rebels"]


def test_a_bombardment_of_a_rebel_held_place_that_killed_people_is_against_the_civilians() -> None:
    # "Jets pounded the rebel-held district, killing four people."
    event = derive_event("ev", [_held_place_shelled("a", killed=(4, 4, 4))])
    assert [a.name for a in event.actors if a.role == "actor2"] == ["Civilians"]


def test_a_target_another_report_names_beats_the_side_holding_the_place() -> None:
    # "Jets pounded the rebel-held district"; another outlet: "jets struck Islamic State positions in the district".
    named = _bombardment("b", "Air/drone strike", actor2="Islamic State")
    event = derive_event("ev", [_held_place_shelled("a"), named])
    assert [a.name for a in event.actors if a.role == "actor2"] == ["Islamic State"]


def test_acts_other_than_bombardment_keep_an_unnamed_target_unnamed() -> None:
    # "A car bomb exploded at the checkpoint": who was hit is not the codebook's to assume.
    event = derive_event("ev", [_bombardment("a", "Remote explosive/landmine/IED")])
    assert [a.role for a in event.actors] == ["actor1"]


def test_a_side_lent_to_both_roles_stays_the_target_and_the_doer_is_left_unidentified() -> None:
    # "A bomb tore through a meeting of the Brigade's commanders": the dead's side read as the doer too.
    event = derive_event("ev", [mention("a", actor1="Liwa al-Haqq", actor2="Liwa al-Haqq")])
    assert [(a.role, a.name) for a in event.actors] == [
        ("actor1", "Unidentified Armed Group"),
        ("actor2", "Liwa al-Haqq"),
    ]


def test_a_side_lent_to_both_roles_gives_way_to_the_doer_another_report_names() -> None:
    # One outlet reads the victims' group as the doer; another says gunmen of a rival group fired on them.
    event = derive_event(
        "ev",
        [
            mention("a", actor1="Liwa al-Haqq", actor2="Liwa al-Haqq"),
            mention("b", actor1="Jund al-Aqsa", actor2="Liwa al-Haqq"),
            mention("c", actor1="Liwa al-Haqq", actor2="Liwa al-Haqq"),
        ],
    )
    assert [(a.role, a.name) for a in event.actors] == [("actor1", "Jund al-Aqsa"), ("actor2", "Liwa al-Haqq")]


def _told_at(report: Mention, at: int) -> Mention:
    """The report as told in the sentence that starts at ``at`` of its document."""
    return dataclasses.replace(report, sentence=Span(report.doc, at, at + 10))


def test_the_doer_follows_each_document_s_lead_not_its_follow_up_sentences() -> None:
    # One article: "Government jets struck the market" then three sentences recalling the rebels' earlier raids; a
    # second article leads with the jets too. Both leads name the jets: the recalled raids do not outvote them.
    event = derive_event(
        "ev",
        [
            _told_at(mention("a1", doc="long", actor1="Government Air Force"), 0),
            *(_told_at(mention(f"a{i}", doc="long", actor1="Rebel Brigade"), 100 * i) for i in (2, 3, 4)),
            _told_at(mention("b1", doc="short", actor1="Government Air Force"), 0),
        ],
    )
    assert [a.name for a in event.actors if a.role == "actor1"] == ["Government Air Force"]


def test_documents_whose_leads_disagree_are_decided_by_all_their_reports() -> None:
    # One wire leads with the jets of one ally, another with those of the other; the second wire names its ally again
    # later: the doer more reports name wins the tie between the documents.
    event = derive_event(
        "ev",
        [
            _told_at(mention("a1", doc="first", actor1="Northern Air Force"), 0),
            _told_at(mention("b1", doc="second", actor1="Southern Air Force"), 0),
            _told_at(mention("b2", doc="second", actor1="Southern Air Force"), 200),
        ],
    )
    assert [a.name for a in event.actors if a.role == "actor1"] == ["Southern Air Force"]


def test_each_document_votes_with_its_first_report_of_the_event_s_type() -> None:
    # Both articles tell a car bombing the rebels claimed, and the troops' counter-attacks around it (battles): the
    # bombing's doer is the one named where each article tells the bombing, however often the troops are named.
    bombing, fighting = "Explosions/Remote violence", "Battles"
    reports = [
        _told_at(mention("a1", doc="first", event_type=fighting, actor1="National Army"), 0),
        _told_at(mention("a2", doc="first", event_type=bombing, actor1="Rebel Brigade"), 100),
        _told_at(mention("b1", doc="second", event_type=bombing, actor1="Rebel Brigade"), 0),
        *(
            _told_at(mention(f"b{i}", doc="second", event_type=fighting, actor1="National Army"), 100 * i)
            for i in (2, 3)
        ),
    ]
    assert [a.name for a in derive_actors(reports, bombing) if a.role == "actor1"] == ["Rebel Brigade"]


def test_a_document_whose_lead_names_no_doer_does_not_vote_with_its_other_sentences() -> None:
    # One article leads with the toll alone ("nine people died in the blast") and later recalls a raid the rebels
    # carried out last year; the other leads with the government jets that struck. The recalled raid is no vote.
    event = derive_event(
        "ev",
        [
            _told_at(mention("a1", doc="evening"), 0),
            _told_at(mention("a2", doc="evening", actor1="Rebel Brigade"), 100),
            _told_at(mention("b1", doc="morning", actor1="Government Air Force"), 0),
        ],
    )
    assert [a.name for a in event.actors if a.role == "actor1"] == ["Government Air Force"]


def test_one_article_s_source_is_not_set_against_itself() -> None:
    # "eight civilians were among the dead ... 24 were killed in all", both per the same monitor in one article:
    # a breakdown, not a dispute. The same monitor's revised toll in the next day's article is one.
    same_article = derive_event(
        "ev",
        [
            mention("a", killed=(8, 8, 8), sources=("SOHR", "Courier"), doc="d1"),
            mention("b", killed=(24, 24, 24), sources=("SOHR", "Courier"), doc="d1"),
        ],
    )
    assert same_article.contradictions == []
    revised = derive_event(
        "ev",
        [
            mention("a", killed=(8, 8, 8), sources=("SOHR", "Courier"), doc="d1"),
            mention("b", killed=(24, 24, 24), sources=("SOHR", "Herald"), doc="d2"),
        ],
    )
    assert [c.kind for c in revised.contradictions] == ["figure"]


def test_a_date_carried_from_another_sentence_is_not_the_report_s_own() -> None:
    carried = mention("b", start="2024-03-11", sources=("TASS",), text="The strike destroyed a depot.")
    assert carried.date is not None
    carried.date.span = Span(carried.doc, 500, 510)  # a date given elsewhere in the article
    event = derive_event("ev", [mention("a", start="2024-03-10", sources=("Ukrinform",)), carried])
    assert not [c for c in event.contradictions if c.kind == "date"]


def test_counts_of_other_things_are_compared_only_when_they_count_one_noun() -> None:
    # "three villages" and "nine rockets" are not one count; "six airstrikes" and "seven airstrikes" are.
    def event_of(unit_a: str, unit_b: str) -> Event:
        a = mention("a", sources=("SANA",))
        b = mention("b", sources=("SOHR",))
        a.quantities = [Quantity(unit_a, 3, 3, 3, kind="count")]
        b.quantities = [Quantity(unit_b, 9, 9, 9, kind="count")]
        return derive_event("ev", [a, b])

    assert not [c for c in event_of("villages", "rockets").contradictions if c.kind in {"figure", "estimates"}]
    assert [c.kind for c in event_of("airstrikes", "airstrikes").contradictions] == ["figure"]


def report(mention_id: str, doc: str, start: int, event_type: str) -> Mention:
    m = mention(mention_id, event_type=event_type, doc=doc)
    m.sentence = Span(doc, start, start + 10)
    return m


def test_each_document_votes_once_for_the_type_with_its_lead_report() -> None:
    # One article leads with a stabbing and then tells the arrest and two later sentences read as other types;
    # a second article reports the stabbing too. The event is the stabbing, not what the aftermath sentences say.
    reports = [
        report("a1", "a", 0, "Violence against civilians"),
        report("a2", "a", 100, "Explosions/Remote violence"),
        report("a3", "a", 200, "Explosions/Remote violence"),
        report("a4", "a", 300, "Strategic developments"),
        report("b1", "b", 0, "Violence against civilians"),
    ]
    assert derive_event("e", reports).event_type == "Violence against civilians"


def test_a_lead_typed_from_its_toll_alone_is_outvoted_by_the_document_s_air_strikes() -> None:
    # lead_outvoted_by: "At least 20 fighters were killed on Monday." reads as a clash; four of the
    # article's sentences name the jets that struck. The article votes for what most of its sentences tell, once they
    # clearly outnumber the lead's type; a shorter article's lead keeps its vote (the test above).
    lead = report("a1", "a", 0, "Battles")
    strikes = [report(f"a{i}", "a", 100 * i, "Explosions/Remote violence") for i in range(2, 6)]
    assert derive_event("e", [lead, *strikes]).event_type == "Explosions/Remote violence"
    assert derive_event("e", [lead, *strikes[:3]]).event_type == "Battles"


def test_a_lead_sentence_read_as_two_kinds_leads_with_the_kind_the_typing_is_surest_of() -> None:
    # lead_sentence_of_two_kinds: "Backed by heavy shelling, the rebels stormed the army base on Sunday." tells one
    # act, a clash, though its first trigger ("shelling") reads as remote violence, less surely than "stormed".
    shelling = report("a1", "a", 0, "Explosions/Remote violence")
    shelling.trigger, shelling.confidence = Span("a", 16, 24), 0.3
    stormed = report("a2", "a", 0, "Battles")
    stormed.trigger, stormed.confidence = Span("a", 37, 44), 0.7
    for reports in ([shelling, stormed], [stormed, shelling]):
        assert derive_event("e", reports).event_type == "Battles"


def test_documents_tied_on_the_type_are_decided_by_how_many_reports_tell_each() -> None:
    # documents_tied_reports_decide: one wire leads with the fighting, another with the air strikes and tells two
    # more strikes; one document each, but the event's reports tell the strikes three times to the fighting's once.
    fighting = report("a1", "a", 0, "Battles")
    strikes = [report(f"b{i}", "b", 100 * i, "Explosions/Remote violence") for i in range(3)]
    assert derive_event("e", [fighting, *strikes]).event_type == "Explosions/Remote violence"
    assert derive_event("e", [fighting, strikes[0]]).event_type == "Battles"  # a tie of reports too: the first


def test_the_date_a_reports_own_sentence_gives_beats_a_dateline() -> None:
    # "8 July Regime forces fended off an attack ..." (the dateline's day) and "... used chlorine gas on Tuesday".
    dateline = report("a1", "a", 0, "Battles")
    dateline.date = DateInterval(dt.date(2015, 7, 8), dt.date(2015, 7, 8), "day", Span("a", 0, 6))
    told = report("a2", "a", 200, "Battles")
    told.date = DateInterval(dt.date(2015, 7, 7), dt.date(2015, 7, 7), "day", Span("a", 203, 210))
    derived = derive_event("e", [dateline, told]).date
    assert derived is not None and derived.start == dt.date(2015, 7, 7)


def test_figures_of_reports_placed_in_towns_far_apart_are_not_set_against_each_other() -> None:
    # A cluster that holds a second incident of another town: its toll is not this one's.
    event = derive_event(
        "ev",
        [
            mention("a", killed=(5, 5, 5), where="Idlib", sources=("SANA",)),
            mention("b", killed=(20, 20, 20), where="Mosul", sources=("SOHR",)),
        ],
    )
    assert not [c for c in event.contradictions if c.kind in {"figure", "estimates"}]


def test_a_running_total_is_not_set_against_one_attack_s_toll() -> None:
    event = derive_event(
        "ev",
        [
            mention("a", killed=(2, 2, 2), sources=("SANA",), text="Rocket fire killed two people on Sunday."),
            mention(
                "b",
                killed=(16, None, None),
                sources=("SOHR",),
                text="Rockets have killed at least 16 people since Thursday the monitor said.",
            ),
        ],
    )
    assert not [c for c in event.contradictions if c.kind in {"figure", "estimates"}]


def test_a_vague_count_names_no_figure_to_dispute() -> None:
    vague = mention("b", killed=None, sources=("Civil Defence",))
    vague.fatalities = Quantity("others", 3, None, 9, kind="killed", span=Span("doc-b", 0, 14, "several others"))
    event = derive_event("ev", [mention("a", killed=(10, 10, 10), sources=("activists",)), vague])
    assert not [c for c in event.contradictions if c.kind in {"figure", "estimates"}]


def test_a_story_s_date_stamp_is_not_the_incident_s_date() -> None:
    # "Published 12 March 2024 Air strikes on Tuesday killed ...": the stamp says when the story went out.
    stamped = mention("a", start="2024-03-12", sources=("Courier",))
    assert stamped.date is not None
    stamped.date.span = Span("doc-a", 10, 23, "12 March 2024")
    stamped.sentence = Span("doc-a", 0, 80, "Published 12 March 2024 Air strikes on Tuesday killed four in Idlib.")
    event = derive_event("ev", [stamped, mention("b", start="2024-03-11", sources=("SOHR",))])
    assert not [c for c in event.contradictions if c.kind == "date"]


def test_one_source_s_updated_lower_bound_is_not_a_dispute() -> None:
    # "at least 20 killed" in one article and "at least 23" in the next, both per the same monitor: an update.
    event = derive_event(
        "ev",
        [
            mention("a", killed=(20, None, None), sources=("SOHR", "Courier")),
            mention("b", killed=(23, None, None), sources=("SOHR", "Gazette")),
        ],
    )
    assert not [c for c in event.contradictions if c.kind == "estimates"]


def test_a_headline_leads_neither_the_type_nor_the_date_of_its_event() -> None:
    # "Raids kill 18 at water wells" (read as an attack on civilians, printed on the 9th) over a body that tells an
    # air strike on the 8th: the body's lead report gives the type and its own sentence the day.
    title = report("a1", "a", 0, "Violence against civilians")
    title.headline = True
    title.date = DateInterval(dt.date(2015, 7, 9), dt.date(2015, 7, 9), "day", Span("a", 60, 70))
    lead = report("a2", "a", 100, "Explosions/Remote violence")
    lead.date = DateInterval(dt.date(2015, 7, 8), dt.date(2015, 7, 8), "day", Span("a", 120, 130))
    derived = derive_event("e", [title, lead])
    assert derived.event_type == "Explosions/Remote violence"
    assert derived.date is not None and derived.date.start == dt.date(2015, 7, 8)


def test_an_attack_on_civilians_told_also_as_an_air_strike_is_coded_remote_violence() -> None:
    # Two outlets lead with "planes targeted a crowd of villagers", one with "an air strike killed 12 villagers":
    # ACLED codes an attack on civilians by remote means as Explosions/Remote violence.
    crowd = [mention(f"c{i}", event_type="Violence against civilians") for i in range(2)]
    strike = mention("s", event_type="Explosions/Remote violence")
    assert derive_event("e", [*crowd, strike]).event_type == "Explosions/Remote violence"
    assert derive_event("e", crowd).event_type == "Violence against civilians"


def test_a_report_toll_of_several_victim_groups_is_their_sum_not_its_first_part() -> None:
    # "The strike killed six civilians and five militiamen": the report's toll (11) is its killed figure; the
    # parts it is made of stay among its quantities but do not speak for the report.
    report = dataclasses.replace(
        mention("a", killed=(11, 11, 11)),
        quantities=[Quantity("civilians", 6, 6, 6, kind="killed"), Quantity("militiamen", 5, 5, 5, kind="killed")],
    )
    (figure,) = derive_event("ev", [report]).figures
    assert (figure.kind, figure.best) == ("killed", 11)


def test_an_events_plover_category_follows_its_coded_victims() -> None:
    """PLOVER's FIGHT is conventional force between armed sides; used on civilians it is one-sided, ASSAULT. The
    sentence that typed the strike may name no victim ("jets struck the town") while another report of it does
    ("six villagers were killed"): the event, coded with actor2 Civilians, is ASSAULT. A battle stays FIGHT."""
    strike = [
        dataclasses.replace(mention("a", actor1="Air Force"), plover="FIGHT"),
        dataclasses.replace(mention("b", actor2="Civilians"), plover="FIGHT"),
    ]
    assert derive_event("ev", strike).plover == "ASSAULT"
    fought = [
        dataclasses.replace(mention("a", event_type="Battles", actor1="Army"), plover="FIGHT"),
        dataclasses.replace(mention("b", event_type="Battles", actor2="Civilians"), plover="FIGHT"),
    ]
    assert derive_event("ev", fought).plover == "FIGHT"
    armed = [dataclasses.replace(mention("a", actor1="Air Force", actor2="Rebel Brigade"), plover="FIGHT")]
    assert derive_event("ev", armed).plover == "FIGHT"


def test_an_event_is_headlined_at_a_place_its_reports_name_before_one_they_only_inherited() -> None:
    # own_places_place_the_event: "Barrel bombs hit Aleppo province." and "Two fighters were killed." (which took a far
    # town from the sentence before it) are headlined in Aleppo province, though the guessed town is finer.
    far_town = Place("test:far-town", "Kafr Far", "SY", 35.20, 36.20, "town")
    province = mention("a", where="Aleppo", precision="admin1", doc="article")
    toll = mention("b", where=None, doc="article")
    toll.places = [PlaceMention("Kafr Far", Span("article", 0, 0), INHERITED_ROLE, far_town)]
    assert [p.name for p in derive_event("e", [province, toll]).places] == ["Aleppo", "Kafr Far"]
    toll.places[0].role = "location"  # named by its own sentence, the finer place leads
    assert [p.name for p in derive_event("e", [province, toll]).places] == ["Kafr Far", "Aleppo"]


def _told(mention_id: str, text: str, *places: tuple[str, str, str]) -> Mention:
    """A report of one article whose sentence ``text`` names ``places`` (name, precision, role), in the geocoder's
    order (the event's own place first, a landmark after it); a place taken from earlier text has no span in it."""
    report = mention(mention_id, where=None, doc="article", text=text)
    report.places = [
        PlaceMention(
            name,
            Span("article", max(text.find(name), 0), max(text.find(name), 0) + len(name) * (name in text)),
            role,
            Place(f"test:{name}", name, "SY", 35.0 + len(name) / 10, 36.0, precision),  # type: ignore[arg-type]
        )
        for name, precision, role in places
    ]
    return report


def test_a_place_written_only_as_a_landmark_does_not_headline_the_event() -> None:
    # landmarks_are_not_named: the valley is where the shelling was; the town after "northwest of" only says where the
    # valley is, and the reports that took the town from the sentence before them do not make it the event's place.
    lead = _told(
        "a",
        "Artillery pounded the Wadi Sarw valley northwest of Qalbiya on Monday.",
        ("Wadi Sarw valley", "admin2", "location"),
        ("Qalbiya", "town", "location"),
    )
    toll = _told("b", "Four people were killed.", ("Qalbiya", "town", INHERITED_ROLE))
    assert [p.name for p in derive_event("e", [lead, toll]).places] == ["Wadi Sarw valley", "Qalbiya"]


def test_a_place_written_after_a_distance_does_not_headline_the_event_over_the_place_it_locates() -> None:
    # distance_landmarks_are_not_named: "40 km east of Qalbiya" says where the raid lay from the city; the village the
    # sentence names is where it was. Written alone, the distance's place is where ACLED codes the act.
    raid = _told(
        "a",
        "Rebels launched a raid 40 km (25 miles) east of Qalbiya to retake the village of Kafr Sous.",
        ("Qalbiya", "town", "location"),
        ("Kafr Sous", "town", "location"),
    )
    assert [p.name for p in derive_event("e", [raid]).places] == ["Kafr Sous", "Qalbiya"]
    alone = _told(
        "b",
        "Rebels launched a raid 40 km east of Qalbiya in Syria on Monday.",
        ("Qalbiya", "town", "location"),
        ("Syria", "country", "location"),
    )
    assert derive_event("e", [alone]).places[0].name == "Qalbiya"


def test_a_foreign_capital_that_stands_for_its_government_does_not_headline_the_event() -> None:
    # capital_speaks_for_its_government: "the ceasefire brokered by Ostrava" names who brokered it; the fighting was in
    # the country the other places lie in. A capital of the country the event is in still places it.
    def at(name: str, country: str, precision: str, feature: str | None) -> PlaceMention:
        place = Place(f"test:{name}", name, country, 35.0, 36.0, precision, feature=feature)  # type: ignore[arg-type]
        return PlaceMention(name, Span("article", 0, 0), "location", place)

    lull = mention("a", where=None, doc="article")
    lull.places = [at("Ostrava", "CZ", "town", "PPLC"), at("Syria", "SY", "country", "PCLI")]
    assert [p.name for p in derive_event("e", [lull]).places] == ["Syria", "Ostrava"]
    lull.places = [at("Qalbiya", "SY", "town", "PPLC"), at("Syria", "SY", "country", "PCLI")]
    assert derive_event("e", [lull]).places[0].name == "Qalbiya"


def test_a_landmark_of_one_report_is_the_place_of_another() -> None:
    # Only the report that writes it as a landmark sets the town aside: a report telling an act in the town names it.
    ambush = _told(
        "a",
        "Rebels were ambushed near the town of Kafr Sous, east of Harasta.",
        ("Kafr Sous", "town", "location"),
        ("Harasta", "town", "location"),
    )
    dead = [_told(f"d{i}", "The dead were buried the next day.", ("Harasta", "town", INHERITED_ROLE)) for i in range(3)]
    assert [p.name for p in derive_event("e", [ambush, *dead]).places] == ["Kafr Sous", "Harasta"]
    shelled = _told("s", "Mortars also fell on Harasta.", ("Harasta", "town", "location"))
    assert [p.name for p in derive_event("e", [ambush, shelled, *dead]).places] == ["Harasta", "Kafr Sous"]


def test_a_name_kept_as_written_at_its_country_does_not_headline_the_event_over_its_town() -> None:
    # a_name_kept_at_its_country_is_not_named: the gazetteer lacks the quarter, kept at Syria's point; the town the
    # other reports carry from the sentences before them says better where the shelling was.
    quarter = _told("a", "Shells fell on the Bab Tarkan quarter.", ("Bab Tarkan", "country", "location"))
    quarter.places[0].place = Place("sitrep:unresolved:SY:bab tarkan", "Bab Tarkan", "SY", 35.0, 38.0, "country")
    toll = _told("b", "Six people were killed.", ("Qalbiya", "town", INHERITED_ROLE))
    assert [p.name for p in derive_event("e", [quarter, toll]).places] == ["Qalbiya", "Bab Tarkan"]
    named = _told("c", "Shells fell on the Bab Tarkan quarter of Syria.", ("Syria", "country", "location"))
    assert derive_event("e", [named, toll]).places[0].name == "Syria"  # a country the text names is still named


def test_a_town_a_sentence_writes_headlines_over_one_a_report_only_guessed_inside_its_country() -> None:
    # written_outranks_guessed: a sentence that names only the country takes the article's city from its context as a
    # guess at where inside it; the district the act's own sentence writes says where the shelling was.
    shelled = _told("a", "Artillery pounded the Wadi Sarw district at dawn.", ("Wadi Sarw", "admin2", "location"))
    asides = [
        _told(
            f"b{i}",
            "Tehran is widening its presence in Syria.",
            ("Syria", "country", "location"),
            ("Qalbiya", "town", INHERITED_ROLE),
        )
        for i in range(2)
    ]
    assert [p.name for p in derive_event("e", [shelled, *asides]).places][:2] == ["Wadi Sarw", "Qalbiya"]
    # Alone, the report naming only the country is still placed at the city its context gives.
    assert derive_event("e", asides).places[0].name == "Qalbiya"


def test_of_a_district_and_a_town_the_place_more_reports_name_headlines_the_event() -> None:
    # event_place_fineness: a district says where as well as a town does, so the reports, not the nominal precision,
    # decide between them; a site is still finer, a province the reports name more often still coarser.
    valley = _told("a", "Jets struck the Wadi Sarw district at dawn.", ("Wadi Sarw", "admin2", "location"))
    again = _told("b", "The raids on Wadi Sarw went on all day.", ("Wadi Sarw", "admin2", "location"))
    city = _told("c", "Smoke could be seen from Qalbiya.", ("Qalbiya", "town", "location"))
    province = [_told(f"p{i}", "Halab province was on alert.", ("Halab", "admin1", "location")) for i in range(3)]
    told = [city, valley, again, *province]
    assert [p.name for p in derive_event("e", told).places] == ["Wadi Sarw", "Qalbiya", "Halab"]
    base = _told("s", "A shell hit the Tell Hamra air base.", ("Tell Hamra air base", "site", "location"))
    assert derive_event("e", [*told, base]).places[0].name == "Tell Hamra air base"


def test_the_village_the_act_s_sentences_name_headlines_over_the_city_the_others_carry() -> None:
    # own_namings_outvote_carried: the city is named once and carried by every later sentence; the village where the
    # convoy was hit is named by two sentences, so it headlines the event however long the article runs on.
    hit = _told("a", "Warplanes hit an aid convoy in the village of Kafr Sous.", ("Kafr Sous", "town", "location"))
    again = _told("b", "The trucks were unloading in Kafr Sous when the jets came.", ("Kafr Sous", "town", "location"))
    city = _told("c", "Smoke could be seen across Qalbiya.", ("Qalbiya", "town", "location"))
    later = [_told(f"l{i}", "Deliveries stopped.", ("Qalbiya", "town", INHERITED_ROLE)) for i in range(6)]
    assert [p.name for p in derive_event("e", [hit, city, again, *later]).places] == ["Kafr Sous", "Qalbiya"]
    # Named equally often, the place more reports carry still leads.
    once = _told("d", "Warplanes hit an aid convoy in the village of Kafr Sous.", ("Kafr Sous", "town", "location"))
    assert derive_event("e", [once, city, *later]).places[0].name == "Qalbiya"


def test_an_event_no_report_places_is_placed_where_its_witness_speaks_from() -> None:
    # told_from_where_it_happened: the only place is where the correspondent is, which is no place of the event's own
    # when another report names one, but says more than no place at all when none does.
    witness = _told(
        "a", "A correspondent in Qalbiya said the raids were the heaviest in weeks.", ("Qalbiya", "town", "location")
    )
    assert derive_event("e", [witness]).places[0].name == "Qalbiya"
    village = _told("b", "Jets struck Kafr Sous at dawn.", ("Kafr Sous", "town", "location"))
    assert [p.name for p in derive_event("e", [witness, village]).places] == ["Kafr Sous"]


def _dated(mention_id: str, doc: str, at: int, first: dt.date, last: dt.date, said_at: int) -> Mention:
    """A report whose sentence starts at ``at`` and whose date's words stand at ``said_at`` (in its sentence or not)."""
    told = report(mention_id, doc, at, "Explosions/Remote violence")
    told.sentence = Span(doc, at, at + 100)
    told.date = DateInterval(first, last, "approximate" if first != last else "day", Span(doc, said_at, said_at + 8))
    return told


def test_a_window_the_telling_sentence_gives_is_not_narrowed_to_the_publication_day() -> None:
    # "Shelling over the past two days killed six in the town." and, in another article, "Rescuers recovered the
    # bodies." which took its day from the article's dateline: the two-day window the act's own sentence gives is
    # kept.
    window = _dated("a1", "a", 400, dt.date(2021, 5, 3), dt.date(2021, 5, 4), said_at=420)
    published = _dated("b1", "b", 600, dt.date(2021, 5, 4), dt.date(2021, 5, 4), said_at=5)
    derived = derive_event("e", [window, published]).date
    assert derived is not None and (derived.start, derived.end) == (dt.date(2021, 5, 3), dt.date(2021, 5, 4))


def test_a_week_long_frame_in_the_sentence_does_not_override_a_narrower_day() -> None:
    # "Air raids this week hit the market." frames the act; the day another report took from its article stands.
    framed = _dated("a1", "a", 400, dt.date(2021, 5, 3), dt.date(2021, 5, 9), said_at=415)
    day = _dated("b1", "b", 600, dt.date(2021, 5, 6), dt.date(2021, 5, 6), said_at=250)
    derived = derive_event("e", [framed, day]).date
    assert derived is not None and (derived.start, derived.end) == (dt.date(2021, 5, 6), dt.date(2021, 5, 6))


def test_a_day_recalled_weeks_before_the_article_does_not_date_its_event() -> None:
    # an_earlier_day_is_another_incident: "A car bomb killed seven at the market.", "Medics said the toll may rise."
    # and "Police sealed off the square." take their day from the article's dateline; "On April 2 a similar bomb
    # killed four there." recalls an earlier attack: the event is the day the article tells, not the recalled one.
    told = [
        _dated(f"a{i}", "a", 400 + 200 * i, dt.date(2021, 4, 19), dt.date(2021, 4, 20), said_at=5) for i in range(3)
    ]
    recalled = _dated("a9", "a", 1400, dt.date(2021, 4, 2), dt.date(2021, 4, 2), said_at=1403)
    derived = derive_event("e", [*told, recalled]).date
    assert derived is not None and (derived.start, derived.end) == (dt.date(2021, 4, 19), dt.date(2021, 4, 20))


def test_a_day_the_sentence_gives_within_the_week_still_dates_its_event() -> None:
    # dated_by_the_telling_sentence holds for a day a few days back ("Jets struck the bakery on Thursday."): only a
    # day more than a week before the article's own dates is taken for a recalled incident.
    told = [
        _dated(f"a{i}", "a", 400 + 200 * i, dt.date(2021, 4, 19), dt.date(2021, 4, 20), said_at=5) for i in range(3)
    ]
    thursday = _dated("a9", "a", 1400, dt.date(2021, 4, 15), dt.date(2021, 4, 15), said_at=1420)
    derived = derive_event("e", [*told, thursday]).date
    assert derived is not None and (derived.start, derived.end) == (dt.date(2021, 4, 15), dt.date(2021, 4, 15))


def test_a_lone_report_of_an_earlier_day_is_not_outvoted_by_one_other() -> None:
    # The recalled day is set aside only when the reports dated from context outnumber those told that far back: one
    # dateline-dated report against one sentence naming its own day leaves the sentence's day.
    context = _dated("a1", "a", 400, dt.date(2021, 4, 19), dt.date(2021, 4, 20), said_at=5)
    own = _dated("a2", "a", 800, dt.date(2021, 4, 2), dt.date(2021, 4, 2), said_at=803)
    derived = derive_event("e", [context, own]).date
    assert derived is not None and (derived.start, derived.end) == (dt.date(2021, 4, 2), dt.date(2021, 4, 2))


def test_a_report_dated_outside_the_event_does_not_place_it() -> None:
    # off_date_reports_do_not_place: two wires tell of shelling in Aleppo province on the 10th; a third report the
    # grouping joined names a town but tells of a strike a week before, so the town it alone names comes last.
    shelling = mention("a", where="Aleppo", precision="admin1", start="2024-03-10")
    again = mention("b", where="Aleppo", precision="admin1", start="2024-03-10")
    earlier = mention("c", where="Saraqib", start="2024-03-03")
    assert [p.name for p in derive_event("e", [shelling, again, earlier]).places] == ["Aleppo", "Saraqib"]
    # Told on the same day, the town a report writes is finer and places the event.
    same_day = mention("c", where="Saraqib", start="2024-03-10")
    assert [p.name for p in derive_event("e", [shelling, again, same_day]).places] == ["Saraqib", "Aleppo"]
