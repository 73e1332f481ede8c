"""Which figures, dates and denials are set against each other: invented reports, one rule per test."""

from __future__ import annotations

import datetime as dt

from sitrep.model import AttributionChain, Mention, Place, PlaceMention, Quantity, Source, Span
from sitrep.resolve import derive_event
from sitrep.resolve.contradictions import (
    adds_to_toll,
    counts_several_scenes,
    part_of_toll,
    tells_another_scene,
    victim_noun,
)
from tests.resolve.resolve_fixtures import mention, place


def told(
    mention_id: str, text: str, figure: str, bounds: tuple[int | None, int | None, int | None], *sources: str
) -> Mention:
    """A report whose sentence ``text`` gives the toll ``figure`` (a phrase of the sentence) with its bounds."""
    report = mention(mention_id, text=text, sources=sources or ("Courier",))
    words = figure.split()
    unit = words[-1] if len(words) > 1 else "people"
    start = text.index(figure)
    report.fatalities = Quantity(
        unit, *bounds, kind="killed", span=Span(report.doc, start, start + len(figure), figure)
    )
    return report


def figure_entries(*reports: Mention) -> list[str]:
    event = derive_event("ev", list(reports))
    return [c.description for c in event.contradictions if c.kind in {"figure", "estimates"}]


def test_a_subgroup_of_the_victims_is_not_set_against_the_whole_toll() -> None:
    whole = told("a", "Air strikes on the market killed 20 people on Monday.", "20 people", (20, 20, 20), "Monitor")
    children = told("b", "Eight children died in the strikes, rescuers said.", "Eight children", (8, 8, 8), "Rescuers")
    assert figure_entries(whole, children) == []


def test_two_sources_counting_one_subgroup_differently_disagree() -> None:
    six = told("a", "Six children died in the strikes, rescuers said.", "Six children", (6, 6, 6), "Rescuers")
    nine = told("b", "The strikes killed nine children, the monitor said.", "nine children", (9, 9, 9), "Monitor")
    (entry,) = figure_entries(six, nine)
    assert "6 (Rescuers)" in entry and "9 (Monitor)" in entry


def test_a_partitive_figure_is_a_part_of_the_toll() -> None:
    part = told("b", "Fourteen of the victims died in a second strike.", "Fourteen", (14, 14, 14), "Medics")
    assert part_of_toll(part, part.fatalities)  # type: ignore[arg-type]
    whole = told("a", "Shelling killed 30 people in the town.", "30 people", (30, 30, 30), "Monitor")
    assert figure_entries(whole, part) == []


def test_nationals_of_one_country_are_one_subgroup_whatever_the_wording() -> None:
    five = told(
        "a", "The minister said five Kenyan nationals were killed.", "five Kenyan nationals", (5, 5, 5), "Minister"
    )
    seven = told("b", "A later statement said seven Kenyans died.", "seven Kenyans", (7, 7, 7), "Embassy")
    whole = told("c", "The attack on the hotel killed 21 people.", "21 people", (21, 21, 21), "Police")
    (entry,) = figure_entries(five, seven, whole)
    assert "5 (Minister)" in entry and "7 (Embassy)" in entry and "21" not in entry


def test_a_figure_approaching_a_round_number_agrees_with_that_number() -> None:
    nearly = told(
        "a", "The clashes left nearly 40 fighters dead, rebels said.", "nearly 40 fighters", (36, None, 39), "Rebels"
    )
    forty = told("b", "The army said it killed 40 fighters.", "40 fighters", (40, 40, 40), "Army")
    assert figure_entries(nearly, forty) == []


def test_dozens_name_no_figure_to_dispute() -> None:
    dozens = told(
        "a", "Dozens of civilians were killed in the raids.", "Dozens of civilians", (24, None, None), "Activists"
    )
    seventeen = told("b", "The raids killed 17 civilians.", "17 civilians", (17, 17, 17), "Monitor")
    assert figure_entries(dozens, seventeen) == []


def test_a_count_over_days_is_not_one_attack_s_toll() -> None:
    day = told("a", "The strike on the school killed 12 people.", "12 people", (12, 12, 12), "Civil Defence")
    weeks = told(
        "b", "Ten days of bombing left 75 people dead, the monitor said.", "75 people", (75, 75, 75), "Monitor"
    )
    recent = told("c", "Some 41 people were killed over the last two weeks.", "41 people", (41, 41, 41), "Agency")
    assert figure_entries(day, weeks) == []
    assert figure_entries(day, recent) == []


def test_a_figure_told_as_an_addition_counts_other_victims() -> None:
    nine = told("a", "Barrel bombs killed nine civilians in the old quarter.", "nine civilians", (9, 9, 9), "Monitor")
    more = told("b", "Another five civilians were killed in two other districts.", "five civilians", (5, 5, 5), "Daily")
    other = told("c", "Other shells on the market wounded two civilians.", "two civilians", (2, 2, 2), "Agency")
    assert adds_to_toll(more, more.fatalities)  # type: ignore[arg-type]
    assert adds_to_toll(other, other.fatalities)  # type: ignore[arg-type]
    assert figure_entries(nine, more) == []
    # "Another report said ..." opens a sentence about a report, not about further harm.
    report = told("d", "Another report said eight civilians died.", "eight civilians", (8, 8, 8), "Agency")
    assert not adds_to_toll(report, report.fatalities)  # type: ignore[arg-type]


def test_an_article_s_own_negation_is_no_source_s_denial() -> None:
    shelled = mention("a", sources=("Monitor", "Courier"))
    unmentioned = mention("b", modality="denied", sources=())
    unmentioned.chain = AttributionChain([Source("Courier", "publisher")])
    assert not [c for c in derive_event("ev", [shelled, unmentioned]).contradictions if c.kind == "denial"]
    ministry = mention("c", modality="denied")
    ministry.chain = AttributionChain([Source("Defence Ministry", "government"), Source("Courier", "publisher")])
    (denial,) = [c for c in derive_event("ev", [shelled, ministry]).contradictions if c.kind == "denial"]
    assert "Defence Ministry" in denial.description


def test_a_denial_is_set_against_the_reports_of_its_own_article() -> None:
    # A denial answers the accusation its article reports beside it; another article's strike that the resolver
    # put in the same event may be another strike than the one denied.
    accused = mention("a", sources=("Monitor", "Courier"))
    elsewhere = mention("b", sources=("Activists", "Daily"))
    denied = mention("c", modality="denied", doc="doc-a")
    denied.chain = AttributionChain([Source("Defence Ministry", "government"), Source("Courier", "publisher")])
    denials = [c for c in derive_event("ev", [accused, elsewhere, denied]).contradictions if c.kind == "denial"]
    assert [pair[1:] for c in denials for pair in c.pairs] == [("a", "c")]
    # A statement carried alone answers the reports of other articles.
    alone = mention("d", modality="denied", sources=("Defence Ministry", "Agency"))
    alone.chain.sources[0].kind = "government"
    denials = [c for c in derive_event("ev", [accused, elsewhere, alone]).contradictions if c.kind == "denial"]
    assert sorted(pair[1:] for c in denials for pair in c.pairs) == [("a", "d"), ("b", "d")]


def test_a_wire_credited_for_the_whole_story_is_no_denier() -> None:
    shelled = mention("a", sources=("Monitor", "Courier"))
    wire_copy = mention("b", modality="denied", sources=())
    wire_copy.chain = AttributionChain([Source("Wire", "outlet"), Source("Courier", "publisher")])  # "... (Wire)"
    assert not [c for c in derive_event("ev", [shelled, wire_copy]).contradictions if c.kind == "denial"]
    # The same outlet quoted in the sentence ("Wire denied the raid") does deny it.
    quoted = mention("c", modality="denied", sources=())
    quoted.chain = AttributionChain([Source("Wire", "outlet", Span("c", 0, 4, "Wire")), Source("Courier", "publisher")])
    assert [c for c in derive_event("ev", [shelled, quoted]).contradictions if c.kind == "denial"]


def test_a_date_stamped_after_the_title_is_not_the_incident_s_date() -> None:
    # "Blast kills six in market Courier Saturday 9 March 2024 A car bomb ...": the title, then the story's stamp.
    text = "Blast kills six in market Courier Saturday 9 March 2024 A car bomb exploded in a market."
    titled = mention("a", start="2024-03-09", sources=("Courier",), text=text)
    titled.headline = True
    assert titled.date is not None
    start = text.index("Saturday")
    titled.date.span = Span(titled.doc, start, start + len("Saturday 9 March 2024"), "Saturday 9 March 2024")
    event = derive_event("ev", [titled, mention("b", start="2024-03-08", sources=("Monitor",))])
    assert not [c for c in event.contradictions if c.kind == "date"]


def test_a_source_saying_the_attack_was_foiled_disputes_another_s_toll() -> None:
    toll = mention("a", killed=(14, 14, 14), sources=("Monitor", "Courier"), text="A car bomb killed 14 guards.")
    foiled = mention(
        "b",
        sources=("State television", "Courier"),
        text="State television said troops foiled the attack, destroying the car before it reached the gate.",
    )
    (entry,) = [c for c in derive_event("ev", [toll, foiled]).contradictions if c.kind == "denial"]
    assert "State television via Courier says it was foiled" in entry.description
    assert "Monitor via Courier" in entry.description
    assert {entry.a, entry.b} == {"a", "b"}
    # One source telling a foiled attempt and a later attack that struck gives one account, not a dispute.
    own = mention("c", sources=("Monitor", "Courier"), text="An earlier attempt was thwarted at the checkpoint.")
    assert not [c for c in derive_event("ev", [toll, own]).contradictions if c.kind == "denial"]


def test_the_attackers_killed_in_foiling_an_attack_do_not_dispute_it() -> None:
    # Foiling an attack kills its attackers: a toll of those the foiling report names as attackers is its account.
    attackers = told(
        "a", "Troops killed 30 gunmen near the checkpoint.", "30 gunmen", (30, 30, 30), "Monitor", "Courier"
    )
    foiled = mention(
        "b",
        sources=("State television", "Courier"),
        text="State television said troops foiled an attack by gunmen on the checkpoint.",
    )
    assert not [c for c in derive_event("ev", [attackers, foiled]).contradictions if c.kind == "denial"]
    # The dead of the other side still dispute it.
    guards = told(
        "c", "The attack on the checkpoint killed 12 guards.", "12 guards", (12, 12, 12), "Monitor", "Courier"
    )
    assert [c for c in derive_event("ev", [guards, foiled]).contradictions if c.kind == "denial"]


def test_a_source_saying_nobody_died_disputes_another_s_dead() -> None:
    dead = mention("a", killed=(3, 3, 3), sources=("Monitor",), text="The monitor said three people were killed.")
    none = mention("b", sources=("Governor",), text="The governor said no one was killed and four were hurt.")
    (entry,) = [c for c in derive_event("ev", [dead, none]).contradictions if c.kind == "figure"]
    assert "3 (Monitor)" in entry.description and "none (Governor)" in entry.description
    # The same source's "no one was killed" beside its own later toll is a correction, not a dispute.
    own = mention("c", sources=("Monitor",), text="Earlier the monitor said no one was killed.")
    assert not [c for c in derive_event("ev", [dead, own]).contradictions if c.kind == "figure"]


def test_people_from_a_group_are_a_part_of_the_toll() -> None:
    staff = told(
        "a", "Shells hit the clinic, wounding three people from the nursing staff.", "three people", (3, 3, 3), "Agency"
    )
    assert part_of_toll(staff, staff.fatalities)  # type: ignore[arg-type]
    whole = told("b", "The shelling of the clinic killed eight people.", "eight people", (8, 8, 8), "Monitor")
    assert figure_entries(whole, staff) == []


def test_one_document_s_source_is_not_set_against_its_own_dates() -> None:
    # A title's day and the text's day from one outlet in one story: one account, one of them misread.
    title = mention("a", start="2024-03-09", sources=("Courier",), doc="story", text="Raids on the town on Saturday.")
    text = mention("b", start="2024-03-08", sources=("Courier",), doc="story", text="The raids came on Friday.")
    assert not [c for c in derive_event("ev", [title, text]).contradictions if c.kind == "date"]
    other = mention("c", start="2024-03-08", sources=("Monitor",), doc="other", text="The raids came on Friday.")
    assert [c for c in derive_event("ev", [title, other]).contradictions if c.kind == "date"]


def test_an_assault_s_second_day_is_not_dated_against_its_first() -> None:
    second = mention(
        "a", start="2024-03-09", sources=("Courier",), text="Jets pounded the town for a second day on Saturday."
    )
    first = mention("b", start="2024-03-08", sources=("Monitor",), text="Jets struck the town on Friday.")
    assert not [c for c in derive_event("ev", [second, first]).contradictions if c.kind == "date"]


def test_a_figure_summing_two_distant_towns_is_not_set_against_one_town_s() -> None:
    both = told(
        "a", "Rocket attacks on Idlib and Aleppo killed ten civilians.", "ten civilians", (10, 10, 10), "Agency"
    )
    both.places.append(PlaceMention("Aleppo", Span(both.doc, 0, 0), place=place("Aleppo")))
    assert counts_several_scenes(both)
    one = told("b", "Rockets on Idlib killed six civilians.", "six civilians", (6, 6, 6), "Monitor")
    assert not counts_several_scenes(one)
    assert figure_entries(both, one) == []
    # Two places of one town's area (Idlib and Saraqib, 17 km apart) are one scene.
    near = told("c", "Rockets on Idlib and Saraqib killed nine civilians.", "nine civilians", (9, 9, 9), "Daily")
    near.places.append(PlaceMention("Saraqib", Span(near.doc, 0, 0), place=place("Saraqib")))
    assert not counts_several_scenes(near)
    assert figure_entries(near, one)


def test_a_speaker_named_again_by_surname_does_not_deny_himself() -> None:
    said = mention("a", sources=("Foreign Minister Jan Novak", "Courier"))
    said.chain.sources[0].kind = "official"
    again = mention("b", modality="denied", sources=("Border Novak", "Courier"))  # the surname, misread with a word
    again.chain.sources[0].kind = "organisation"
    assert not [c for c in derive_event("ev", [said, again]).contradictions if c.kind == "denial"]
    ministry = mention("c", modality="denied", sources=("Defence Ministry", "Courier"))
    ministry.chain.sources[0].kind = "government"
    assert [c for c in derive_event("ev", [said, ministry]).contradictions if c.kind == "denial"]


def test_civilians_are_not_counted_against_fighters() -> None:
    soldiers = told(
        "a", "The suicide attack killed 25 soldiers at the outpost.", "25 soldiers", (25, 25, 25), "Monitor"
    )
    civilians = told("b", "Rockets killed 19 civilians in the district.", "19 civilians", (19, 19, 19), "Agency")
    assert figure_entries(soldiers, civilians) == []
    # A count that does not say whom it counts is set against either.
    people = told("c", "The attack killed 30 people, the governor said.", "30 people", (30, 30, 30), "Governor")
    assert figure_entries(soldiers, people)
    # Commanders and officers are fighters too.
    commanders = told("d", "Two rebel commanders died in the strike.", "Two rebel commanders", (2, 2, 2), "Army")
    assert figure_entries(commanders, civilians) == []


def test_victims_also_killed_are_others_than_those_counted() -> None:
    also = told("a", "Some 40 militants were also killed in the fighting.", "40 militants", (40, 40, 40), "Army")
    assert adds_to_toll(also, also.fatalities)  # type: ignore[arg-type]


def test_tolls_of_different_days_are_not_set_against_each_other() -> None:
    friday = told(
        "a", "Shelling killed 12 civilians in the district on Friday.", "12 civilians", (12, 12, 12), "Monitor"
    )
    assert friday.date is not None
    friday.date.start = friday.date.end = dt.date(2024, 3, 8)
    later = told("b", "The bombardment has killed eight civilians.", "eight civilians", (8, 8, 8), "Daily")
    assert later.date is not None
    later.date.start, later.date.end, later.date.precision = dt.date(2024, 3, 9), dt.date(2024, 3, 11), "approximate"
    assert figure_entries(friday, later) == []
    same_day = told("c", "The shelling on Friday killed eight civilians.", "eight civilians", (8, 8, 8), "Daily")
    assert same_day.date is not None
    same_day.date.start = same_day.date.end = dt.date(2024, 3, 8)
    assert figure_entries(friday, same_day)


def test_a_toll_broken_down_by_town_gives_parts_of_the_toll() -> None:
    whole = told(
        "a", "Air strikes killed at least nine civilians on Monday.", "nine civilians", (9, None, None), "Agency"
    )
    town = told(
        "b",
        "At least four civilians were killed in Northtown and one in each of the towns around it.",
        "four civilians",
        (4, None, None),
        "Courier",
    )
    assert part_of_toll(town, town.fatalities)  # type: ignore[arg-type]
    assert figure_entries(whole, town) == []


def figures_of(mention_id: str, text: str, *figures: tuple[str, str, str, int]) -> Mention:
    """A report whose sentence ``text`` gives each (phrase, unit, kind, value) figure, in order."""
    report = mention(mention_id, text=text)
    report.quantities = [
        Quantity(unit, value, value, value, kind=kind, span=Span(report.doc, at, at + len(phrase), phrase))
        for phrase, unit, kind, value in figures
        for at in [text.index(phrase)]
    ]
    return report


def test_others_and_more_count_what_the_figure_before_them_counts() -> None:
    # "five others" after "two rebel fighters" are more fighters, not people in general: not the whole toll.
    fighters = figures_of(
        "a",
        "The agency said two rebel fighters were killed and five others wounded in the raid.",
        ("two rebel fighters", "fighters", "killed", 2),
        ("five", "people", "wounded", 5),
    )
    assert victim_noun(fighters, fighters.quantities[1]) == "fighter"
    # "seven more" after "six Mexican nationals" are more Mexicans: a part of the toll.
    mexicans = figures_of(
        "b",
        "The president said six Mexican nationals were killed and seven more were injured.",
        ("six Mexican nationals", "nationals", "killed", 6),
        ("seven", "people", "wounded", 7),
    )
    assert part_of_toll(mexicans, mexicans.quantities[1])
    # "25 others" after "22 people" still count people: the whole toll.
    people = figures_of(
        "c",
        "Police said the gunman killed 22 people, with 25 others injured.",
        ("22 people", "people", "killed", 22),
        ("25", "people", "wounded", 25),
    )
    assert victim_noun(people, people.quantities[1]) == "people"
    assert not part_of_toll(people, people.quantities[1])


def test_an_article_s_earlier_account_is_not_set_against_its_lead() -> None:
    lead = told(
        "a", "Shelling killed nine people in the market, the governor said.", "nine people", (9, 9, 9), "Governor"
    )
    earlier = told("b", "Earlier, a police source said four people were killed.", "four people", (4, 4, 4), "Police")
    earlier.doc = lead.doc
    assert figure_entries(lead, earlier) == []
    # Another article's earlier figure still disputes the lead: that is what an analyst must see.
    elsewhere = told("c", "Earlier, a police source said four people were killed.", "four people", (4, 4, 4), "Police")
    assert figure_entries(lead, elsewhere)


def test_a_standing_denial_answers_no_one_report() -> None:
    struck = mention("a", sources=("Monitor", "Courier"), text="Jets struck the market, the monitor said.")
    standing = mention(
        "b",
        modality="denied",
        sources=("Interior Ministry", "Courier"),
        doc="doc-a",
        text="The ministry has repeatedly denied using such weapons.",
    )
    standing.chain.sources[0].kind = "government"
    assert not [c for c in derive_event("ev", [struck, standing]).contradictions if c.kind == "denial"]
    # The present tense of a denial of a practice tells a standing position as well.
    habitual = mention(
        "d",
        modality="denied",
        sources=("Interior Ministry", "Courier"),
        doc="doc-a",
        text="The government denies targeting residential areas.",
    )
    habitual.chain.sources[0].kind = "government"
    assert not [c for c in derive_event("ev", [struck, habitual]).contradictions if c.kind == "denial"]
    answer = mention(
        "c",
        modality="denied",
        sources=("Interior Ministry", "Courier"),
        doc="doc-a",
        text="The ministry denied that its jets struck the market.",
    )
    answer.chain.sources[0].kind = "government"
    assert [c for c in derive_event("ev", [struck, answer]).contradictions if c.kind == "denial"]


def test_a_toll_its_source_says_has_risen_is_an_update_not_a_dispute() -> None:
    first = told(
        "a", "Shelling killed eight people in the market, the governor said.", "eight people", (8, 8, 8), "Governor"
    )
    risen = told(
        "b", "The death toll from the shelling has risen to 13, the monitor said.", "13", (13, 13, 13), "Monitor"
    )
    assert figure_entries(first, risen) == []
    # Told without saying it rose, another source's higher figure still disputes the first.
    other = told(
        "c", "Shelling killed 13 people in the market, the monitor said.", "13 people", (13, 13, 13), "Monitor"
    )
    assert figure_entries(first, other)
    # A figure said to have risen that is lower than another source's is no update of it.
    lower = told("d", "The toll has risen to 5, a medic said.", "5", (5, 5, 5), "Medic")
    assert figure_entries(first, lower)


def test_more_or_other_after_a_figure_counts_other_victims() -> None:
    more = told("a", "Police said six more civilians were hurt in the blast.", "six", (6, 6, 6), "Police")
    other = told("b", "The ministry said the raid eliminated 49 other fighters.", "49", (49, 49, 49), "Ministry")
    assert adds_to_toll(more, more.fatalities)  # type: ignore[arg-type]
    assert adds_to_toll(other, other.fatalities)  # type: ignore[arg-type]
    whole = told("c", "Shelling of the quarter killed 20 people, the monitor said.", "20 people", (20,) * 3, "Monitor")
    assert figure_entries(whole, more) == []


def test_a_report_recalling_an_earlier_happening_is_set_against_no_other_article() -> None:
    lead = told(
        "a", "Air raids on the town killed 13 people on Thursday, rescuers said.", "13 people", (13,) * 3, "Rescuers"
    )
    recalled = told(
        "b", "Recently, state media said four people were killed in shelling.", "four people", (4,) * 3, "TV"
    )
    days_before = told(
        "c", "Several days before, the ministry said a strike killed four people.", "four people", (4,) * 3, "Ministry"
    )
    assert figure_entries(lead, recalled) == []
    assert figure_entries(lead, days_before) == []
    # the same figure told as the article's own news still disputes the lead
    news = told("d", "State media said four people were killed in the raids.", "four people", (4,) * 3, "TV")
    assert figure_entries(lead, news)


def test_two_parts_of_the_dead_told_only_as_parts_count_different_victims() -> None:
    civilians = told("a", "The monitor said 10 of those killed were civilians.", "10", (10, 10, 10), "Monitor")
    fighters = told("b", "At least six of those killed were fighters, he added.", "six", (6, 6, 6), "Medic")
    assert figure_entries(civilians, fighters) == []
    # two sources' counts of one named subgroup still disagree
    seven = told("d", "The strike killed seven children, the monitor said.", "seven children", (7, 7, 7), "Monitor")
    nine = told("e", "Nine children were among the dead, rescuers said.", "Nine children", (9, 9, 9), "Rescuers")
    assert figure_entries(seven, nine)


def test_at_least_a_figure_and_more_than_it_are_one_estimate() -> None:
    floor = told(
        "a",
        "The strikes killed at least 100 people, the governor said.",
        "at least 100 people",
        (100, None, None),
        "Governor",
    )
    above = told(
        "b", "The monitor said more than 100 people were killed.", "more than 100 people", (101, None, None), "Monitor"
    )
    assert figure_entries(floor, above) == []
    # a floor further off, in the same article, is another estimate
    higher = told(
        "c", "Rescuers said at least 120 people were killed.", "at least 120 people", (120, None, None), "Rescuers"
    )
    higher.doc = floor.doc
    assert figure_entries(floor, higher)


def test_two_articles_floors_are_each_outlet_s_count_not_a_dispute() -> None:
    floor = told(
        "a", "The strikes killed at least 40 people, the governor said.", "at least 40 people", (40, None, None)
    )
    later = told(
        "b", "Rescuers said more than 65 people were killed.", "more than 65 people", (66, None, None), "Rescuers"
    )
    assert figure_entries(floor, later) == []
    # an exact count of another article is still set against a floor
    exact = told("c", "Medics said 70 people were killed.", "70 people", (70, 70, 70), "Medics")
    assert figure_entries(floor, exact)


def test_a_round_up_s_other_scene_is_not_set_against_the_article_s_lead() -> None:
    lead = told(
        "a", "Air strikes killed five people in the town, the monitor said.", "five people", (5, 5, 5), "Monitor"
    )
    elsewhere = told(
        "b",
        "Elsewhere, the monitor reported 12 people killed in strikes on a suburb.",
        "12 people",
        (12, 12, 12),
        "Observers",
    )
    elsewhere.doc = lead.doc
    assert figure_entries(lead, elsewhere) == []
    # another article's report of that figure still disputes the lead
    other_article = told(
        "c",
        "Elsewhere, the monitor reported 12 people killed in strikes on a suburb.",
        "12 people",
        (12, 12, 12),
        "Observers",
    )
    assert figure_entries(lead, other_article)


def test_a_party_s_long_standing_denial_answers_no_one_report() -> None:
    struck = mention("a", sources=("Monitor", "Courier"), text="Jets struck the market, the monitor said.")
    for n, text in enumerate(
        ("The government has long denied using such weapons.", "Officials have said they would never use poison gas.")
    ):
        standing = mention(f"s{n}", modality="denied", sources=("Interior Ministry", "Courier"), doc="doc-a", text=text)
        standing.chain.sources[0].kind = "government"
        assert not [c for c in derive_event("ev", [struck, standing]).contradictions if c.kind == "denial"]


def test_a_denial_over_a_whole_war_or_campaign_answers_no_one_report() -> None:
    struck = mention("a", sources=("Monitor", "Courier"), text="Jets struck the market, the monitor said.")
    for n, text in enumerate(
        (
            "Both sides have denied using poison gas during the war.",
            "The government and its allies have denied bombing clinics in their campaigns against the rebels.",
        )
    ):
        standing = mention(f"s{n}", modality="denied", sources=("Interior Ministry", "Courier"), doc="doc-a", text=text)
        standing.chain.sources[0].kind = "government"
        assert not [c for c in derive_event("ev", [struck, standing]).contradictions if c.kind == "denial"]


def test_a_denial_held_over_years_answers_no_one_report_but_a_dated_denier_still_denies() -> None:
    # standing_denial_spans: a denial over a stretch of years or a war named by its length is a standing position
    struck = mention("a", sources=("Monitor", "Courier"), text="Jets struck the market, the monitor said.")
    for n, text in enumerate(
        (
            "Over the past four years the government has denied any role in such raids.",
            "Both sides have denied using barrel bombs during the seven-year-old conflict.",
        )
    ):
        standing = mention(f"s{n}", modality="denied", sources=("Interior Ministry", "Courier"), doc="doc-a", text=text)
        standing.chain.sources[0].kind = "government"
        assert not [c for c in derive_event("ev", [struck, standing]).contradictions if c.kind == "denial"]
    # a year that dates the denier, not the denial, leaves an answer to this incident
    text = "The air force, which has flown there since 2019, denied striking the market."
    answer = mention("d", modality="denied", sources=("Interior Ministry", "Courier"), doc="doc-a", text=text)
    answer.chain.sources[0].kind = "government"
    assert [c for c in derive_event("ev", [struck, answer]).contradictions if c.kind == "denial"]


def test_one_source_under_two_of_its_names_does_not_disagree_with_itself() -> None:
    """Within one article, a known body's alias and its full name are one source: its toll of 20 and then 30 is
    its own wording or breakdown, not two sources that disagree; another source's 30 still disagrees with the 20."""
    short = told("a", "Air strikes on the market killed 20 people, SOHR said.", "20 people", (20, 20, 20), "SOHR")
    full = told(
        "b",
        "The strikes killed 30 people, the Syrian Observatory for Human Rights said.",
        "30 people",
        (30, 30, 30),
        "Syrian Observatory for Human Rights",
    )
    other = told("c", "The strikes killed 30 people, medics said.", "30 people", (30, 30, 30), "Medics")
    for report in (short, full, other):
        report.doc = "story"
    assert figure_entries(short, full) == []
    assert figure_entries(short, other)


def test_a_body_and_the_sources_it_quotes_are_one_account_in_one_article() -> None:
    own = told("a", "The monitor said 90 soldiers were killed.", "90 soldiers", (90, 90, 90), "Monitor", "Courier")
    quoted = told(
        "b",
        "Later the monitor quoted trusted sources as saying 270 soldiers were killed.",
        "270 soldiers",
        (270, 270, 270),
        "trusted sources",
        "Monitor",
        "Courier",
    )
    quoted.doc = own.doc
    quoted.chain.sources[1].span = Span(own.doc, 6, 17, "the monitor")
    assert figure_entries(own, quoted) == []
    # Another source's figure in the same article still disputes it.
    other = told("c", "Medics said 150 soldiers were killed.", "150 soldiers", (150, 150, 150), "Medics", "Courier")
    other.doc = own.doc
    assert figure_entries(own, other)


def test_harm_told_as_also_done_counts_other_victims() -> None:
    lead = told("a", "A rocket hit the square killing five people.", "five people", (5, 5, 5), "Monitor")
    more = told("b", "Shelling also killed three people in the market.", "three people", (3, 3, 3), "Medics")
    assert figure_entries(lead, more) == []
    # Another source saying the toll is not harm told as done besides.
    said = told("c", "Medics also said three people were killed.", "three people", (3, 3, 3), "Medics")
    assert figure_entries(lead, said)


def test_a_toll_of_two_named_days_is_not_one_day_s_toll() -> None:
    day = told("a", "Jets killed 14 people in the old city on Monday.", "14 people", (14, 14, 14), "Civil Defence")
    days = told(
        "b",
        "Some 60 people were killed in the province on Monday and Tuesday, the monitor said.",
        "60 people",
        (60, 60, 60),
        "Monitor",
    )
    assert figure_entries(day, days) == []
    # One named day is that day's toll, which another source may count differently.
    other = told(
        "c", "Jets killed 30 people in the old city on Monday, the monitor said.", "30 people", (30, 30, 30), "Monitor"
    )
    assert figure_entries(day, other)


def test_a_figure_of_what_the_incident_answered_counts_other_victims() -> None:
    lead = told(
        "a", "Warplanes killed 40 people in the suburb, the monitor said.", "40 people", (40, 40, 40), "Monitor"
    )
    after = told(
        "b",
        "The raids came after gunmen shelled the city centre killing nine people.",
        "nine people",
        (9, 9, 9),
        "Agency",
    )
    answer = told(
        "c",
        "Officials said the raids were a response to a bombing which killed 12 people.",
        "12 people",
        (12, 12, 12),
        "Ministry",
    )
    assert figure_entries(lead, after) == []
    assert figure_entries(lead, answer) == []
    # Opening the sentence, the cue names what was answered; the figure after it is the sentence's own toll.
    own = told(
        "d",
        "In retaliation for the shelling, warplanes killed 25 people in the suburb.",
        "25 people",
        (25, 25, 25),
        "Agency",
    )
    assert figure_entries(lead, own)


def _set_place(report: Mention, where: Place) -> Mention:
    report.places = [PlaceMention(where.name, Span(report.doc, 0, 0), place=where)]
    return report


# An invented province and two towns, one inside it ~70 km from its centre, one in another province.
PROVINCE = Place("test:north", "North Province", "SY", 35.00, 37.00, "admin1", admin1="SY01")  # type: ignore[arg-type]
TOWN_INSIDE = Place("test:kafr", "Kafr Town", "SY", 35.50, 37.50, "town", admin1="SY01")  # type: ignore[arg-type]
TOWN_OUTSIDE = Place("test:tal", "Tal Town", "SY", 35.50, 37.50, "town", admin1="SY02")  # type: ignore[arg-type]


def test_a_province_s_toll_of_one_attack_is_set_against_its_town_s_toll() -> None:
    province = _set_place(
        told("a", "A gas attack in North Province killed 40 people, the monitor said.", "40 people", (40, 40, 40)),
        PROVINCE,
    )
    town = _set_place(
        told("b", "Jets struck Kafr Town, killing 25 people, a medic said.", "25 people", (25, 25, 25), "Medic"),
        TOWN_INSIDE,
    )
    assert figure_entries(province, town)
    # A town of another province is another scene, however near.
    elsewhere = _set_place(
        told("c", "Jets struck Tal Town, killing 25 people, a medic said.", "25 people", (25, 25, 25), "Medic"),
        TOWN_OUTSIDE,
    )
    assert figure_entries(province, elsewhere) == []


def test_a_province_s_toll_of_several_attacks_is_not_one_town_s_toll() -> None:
    province = _set_place(
        told("a", "Aerial attacks on North Province killed 40 people on Monday.", "40 people", (40, 40, 40)),
        PROVINCE,
    )
    town = _set_place(
        told("b", "Jets struck Kafr Town on Monday, killing 25 people.", "25 people", (25, 25, 25), "Medic"),
        TOWN_INSIDE,
    )
    assert figure_entries(province, town) == []


def test_a_campaign_s_running_toll_is_not_one_attack_s() -> None:
    day = told("a", "Air strikes on the bakery killed 13 people on Thursday.", "13 people", (13, 13, 13), "Rescuers")
    campaign = told(
        "b",
        "The bombardment of the city has killed at least 84 civilians, the monitor said.",
        "at least 84 civilians",
        (84, None, None),
        "Monitor",
    )
    front = told("c", "The fighting on that front has left 37 people dead.", "37 people", (37, 37, 37), "Monitor")
    one_strike = told("d", "An air strike on the bakery has killed 84 people.", "84 people", (84, 84, 84), "Monitor")
    assert figure_entries(day, campaign) == []
    assert figure_entries(day, front) == []
    assert figure_entries(day, one_strike)  # one attack told in the present perfect is still its toll


def test_a_figure_of_another_scene_named_in_the_sentence_is_not_the_incident_s() -> None:
    lead = told("a", "A car bomb at the bus station killed 10 people.", "10 people", (10, 10, 10), "Governor")
    second = told(
        "b",
        "A second car bomb exploded near the stadium, killing three people.",
        "three people",
        (3, 3, 3),
        "Monitor",
    )
    district = told(
        "c",
        "Rockets on another government-held neighbourhood killed four people.",
        "four people",
        (4, 4, 4),
        "Agency",
    )
    same_scene = told("d", "Rockets on the bus station killed four people.", "four people", (4, 4, 4), "Agency")
    assert figure_entries(lead, second) == []
    assert figure_entries(lead, district) == []
    assert figure_entries(lead, same_scene)  # the same scene's other toll is a dispute
    many = told("e", "Rockets on more than 20 villages killed four people.", "four people", (4, 4, 4), "Agency")
    assert not tells_another_scene(many)  # "more than" counts places; it moves to no other scene


def test_both_before_two_nouns_is_a_conjunction_not_a_toll() -> None:
    nine = told("a", "Rockets on the market killed nine people.", "nine people", (9, 9, 9), "Monitor")
    both = told(
        "b", "The group is accused of killing both civilians and fighters.", "both civilians", (2, 2, 2), "Rights group"
    )
    two = told("c", "Rockets on the market killed two people.", "two people", (2, 2, 2), "Agency")
    assert figure_entries(nine, both) == []
    assert figure_entries(nine, two)  # a toll of two is still set against nine


def test_a_denial_of_a_report_set_aside_as_background_answers_the_story_s_incident() -> None:
    # denial_of_a_set_aside_report: "Jets struck a market in Tal Nour, killing 12." ... "Such markets have often
    # been hit." (set aside as a habit) ... "The ministry denied any responsibility." The denial was linked to the
    # habit; it answers the market strike.
    from sitrep.model import Claim
    from sitrep.resolve.contradictions import answer_set_aside_denials

    strike = mention("m1", killed=(12, 12, 12), doc="story", text="Jets struck a market in Tal Nour, killing 12.")
    habit = mention("m2", doc="story", text="Such markets have often been hit.")
    habit.sentence = Span("story", 50, 83, habit.sentence.text)
    habit.background = "habitual"
    other_kind = mention("m3", event_type="Protests", doc="story", text="Traders marched.")
    other_kind.sentence = Span("story", 90, 106, other_kind.sentence.text)
    sentence = Span("story", 120, 160, "The ministry denied any responsibility.")
    chain = AttributionChain([Source("Defence Ministry", "government"), Source("Courier", "publisher")])
    denial = Claim("c1", "story", "responsibility", None, None, sentence, chain=chain, modality="denied", concerns="m2")
    kept_link = Claim(
        "c2", "story", "responsibility", None, None, sentence, chain=chain, modality="denied", concerns="m1"
    )
    answer_set_aside_denials([denial, kept_link], [strike, habit, other_kind])
    assert (denial.concerns, kept_link.concerns) == ("m1", "m1")
