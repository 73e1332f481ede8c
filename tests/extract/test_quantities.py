"""Counted things and casualty figures with low / best / high, across conflicts and phrasings."""

from __future__ import annotations

import pytest

from sitrep.extract.quantities import (
    fatalities,
    figures_disjoint,
    find_quantities,
    non_violent_toll,
    parse_amount,
    parse_number,
)
from sitrep.model import Quantity


def figures(text: str) -> list[tuple[str, int | None, int | None, int | None, str]]:
    return [(q.unit, q.low, q.best, q.high, q.kind) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("eight", 8),
        ("1,200", 1200),
        ("a dozen", 12),
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("1.5 million", 1_500_000),
        ("three dozen", 36),
        ("45", 45),
        ("dozens", None),
        ("1,20", None),
        ("soldiers", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("more than 120", (121, None, None)),
        ("over 150", (151, None, None)),
        ("around 100", (90, 100, 110)),
        ("some 900", (None, 900, None)),
        ("at least 12", (12, None, None)),
        ("nearly 200", (180, None, 199)),
        ("up to 50", (None, None, 50)),
        ("fewer than 10", (None, None, 9)),
        ("between 30 and 40", (30, None, 40)),
        ("30-40", (30, None, 40)),
        ("more than a dozen", (13, None, None)),
        ("100 or more", (100, None, None)),
        ("eight", (8, 8, 8)),
        ("dozens", (24, None, None)),
    ],
)
def test_qualifiers_map_to_bounds(text: str, bounds: tuple[int | None, int | None, int | None]) -> None:
    assert parse_amount(text) == bounds


def test_gold_sentence_counts_with_written_units() -> None:
    text = (
        "More than 120 trucks and eight military cargo planes loaded with various types of weaponry "
        "arrived at the base this month."
    )
    found = find_quantities(text, doc="000.txt", offset=50)
    assert [(q.unit, q.low, q.best, q.high, q.kind) for q in found] == [
        ("trucks", 121, None, None, "count"),
        ("cargo planes", 8, 8, 8, "count"),
    ]
    assert [q.span.text for q in found if q.span] == ["More than 120 trucks", "eight military cargo planes"]
    first = found[0].span
    assert first is not None and (first.doc, first.start) == ("000.txt", 50)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US forces have been attacked around 100 times since October.", [("times", 90, 100, 110, "count")]),
        ("Bases were attacked over 150 times by the group.", [("times", 151, None, None, "count")]),
        ("Some 900 soldiers are stationed in Syria.", [("soldiers", None, 900, None, "count")]),
        ("Ukraine shot down 30 Shahed drones overnight.", [("Shahed drones", 30, 30, 30, "count")]),
        ("Hezbollah fired more than a dozen rockets at Kiryat Shmona.", [("rockets", 13, None, None, "count")]),
        ("The army destroyed nearly 200 houses in the village.", [("houses", 180, None, 199, "count")]),
        ("Between 30 and 40 al-Shabaab fighters attacked the base.", [("fighters", 30, None, 40, "count")]),
        ("A convoy of 1,200 vehicles left the city.", [("vehicles", 1200, 1200, 1200, "count")]),
    ],
)
def test_counts(text: str, expected: list[tuple[str, int | None, int | None, int | None, str]]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 12 people were killed in the strike on Khan Younis.", [("people", 12, None, None, "killed")]),
        (
            "The ambush in Mali killed 3 soldiers and wounded 14.",
            [("soldiers", 3, 3, 3, "killed"), ("people", 14, 14, 14, "wounded")],
        ),
        (
            "The drone struck a checkpoint, killing 3 soldiers and wounding 14.",
            [("soldiers", 3, 3, 3, "killed"), ("people", 14, 14, 14, "wounded")],
        ),
        ("Dozens of casualties were reported in Goma.", [("casualties", 24, None, None, "casualties")]),
        ("The death toll rose to 45 on Sunday.", [("people", 45, 45, 45, "killed")]),
        ("Up to 50 people were injured in Kharkiv.", [("people", None, None, 50, "wounded")]),
        ("RSF fighters killed more than 100 villagers in El Fasher.", [("villagers", 101, None, None, "killed")]),
        ("The blast left 5 dead and 20 injured.", [("people", 5, 5, 5, "killed"), ("people", 20, 20, 20, "wounded")]),
        ("Gunmen abducted 30 students from a school in Kaduna.", [("students", 30, 30, 30, "abducted")]),
        ("Security forces arrested 14 protesters in Yangon.", [("protesters", 14, 14, 14, "arrested")]),
        ("Seven people remain missing after the raid.", [("people", 7, 7, 7, "missing")]),
        ("12 Palestinians were killed in Gaza overnight.", [("Palestinians", 12, 12, 12, "killed")]),
        ("Two or three people were wounded.", [("people", 2, None, 3, "wounded")]),
        ("Fighting displaced 1,200 families in Ituri.", [("families", 1200, 1200, 1200, "displaced")]),
        (
            "Three soldiers and two civilians were killed in Kandahar.",
            [("soldiers", 3, 3, 3, "killed"), ("civilians", 2, 2, 2, "killed")],
        ),
    ],
)
def test_casualty_figures_are_kept_apart_by_kind(
    text: str, expected: list[tuple[str, int | None, int | None, int | None, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("State radio said 40 fighters were killed and wounded near Karsa.", ("fighters", 40, 40, 40)),
        ("The shelling killed or injured at least 15 people in Tarsa.", ("people", 15, None, None)),
        ("Troops repelled the assault, killing and wounding dozens of insurgents.", ("insurgents", 24, None, None)),
        ("The blast left 12 dead and wounded in the market.", ("people", 12, 12, 12)),
        ("Seven Killed and Injured in Karsa Car Bombing", ("people", 7, 7, 7)),
    ],
)
def test_a_figure_of_the_killed_and_wounded_together_counts_casualties_not_deaths(
    text: str, expected: tuple[str, int | None, int | None, int | None]
) -> None:
    # killed_and_wounded_is_casualties: no death toll can be read from a joint count of the dead and the wounded.
    (found,) = figures(text)
    assert found == (*expected, "casualties")
    assert fatalities(find_quantities(text)) is None


def test_the_dead_and_a_figure_of_wounded_of_their_own_stay_apart() -> None:
    assert figures("The blast left 12 dead and wounded 30 more.") == [
        ("people", 12, 12, 12, "killed"),
        ("people", 30, 30, 30, "wounded"),
    ]


def test_two_children_among_the_dead_is_part_of_the_death_toll() -> None:
    (children,) = find_quantities("Two children were among the dead.")
    assert (children.unit, children.best, children.kind) == ("children", 2, "killed-subset")


def test_fatalities_do_not_count_a_subset_twice() -> None:
    found = find_quantities("Israeli strikes killed 25 people, including 10 children, in Rafah.")
    assert [q.kind for q in found] == ["killed", "killed-subset"]
    total = fatalities(found)
    assert total is not None and (total.low, total.best, total.high) == (25, 25, 25)


def test_fatalities_sum_killed_figures_and_ignore_wounded() -> None:
    found = find_quantities("Three soldiers and two civilians were killed and 14 people were wounded.")
    total = fatalities(found)
    assert total is not None
    assert (total.low, total.best, total.high, total.kind) == (5, 5, 5, "killed")


def test_fatalities_keep_open_bounds_open() -> None:
    total = fatalities(
        [Quantity("people", 12, None, None, kind="killed"), Quantity("soldiers", 3, 3, 3, kind="killed")]
    )
    assert total is not None and (total.low, total.best, total.high) == (15, None, None)


def test_fatalities_from_a_subset_alone_is_a_floor() -> None:
    total = fatalities(find_quantities("Two children were among the dead."))
    assert total is not None and (total.low, total.best) == (2, None)


def test_no_killed_figure_means_no_fatalities() -> None:
    assert fatalities(find_quantities("More than 120 trucks arrived at the base.")) is None
    assert fatalities(find_quantities("20 people were injured.")) is None


@pytest.mark.parametrize(
    "text",
    [
        "A 35-year-old man was shot at the checkpoint.",
        "Gunmen attacked the city on 11 September.",
        "Fighters armed with AK-47 rifles fired at an F-16.",
        "The drone hit Tower 22 in Jordan.",
        "Resolution 2254 calls for a political transition.",
        "The ceasefire held for three days.",
        "The village lies 5 km from the border.",
        "The strike happened at 10:30 am.",
        "A three-day siege ended.",
        "One of the soldiers said the unit withdrew.",
        "The 2014 elections were disputed.",
        "Turnout was 40 percent.",
        "The 93rd Brigade advanced.",
        "Children aged 12 were recruited.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_point_into_the_document() -> None:
    sentence = "The strike killed at least 12 people."
    (found,) = find_quantities(sentence, doc="d", offset=200)
    assert found.span is not None
    assert sentence[found.span.start - 200 : found.span.end - 200] == "at least 12 people" == found.span.text


def test_a_subset_in_apposition_gives_its_kind_to_the_total() -> None:
    found = figures("At least 18 people, among them six children, were killed when an airstrike hit a market in Sanaa.")
    assert found == [("people", 18, None, None, "killed"), ("children", 6, 6, 6, "killed-subset")]


def test_unlisted_plural_heads_are_still_units() -> None:
    assert figures("The UN said 2.3 million Gazans face famine.") == [
        ("Gazans", 2_300_000, 2_300_000, 2_300_000, "count")
    ]


def _toll(text: str, trigger_word: str | None = None) -> tuple[int | None, int | None]:
    total = fatalities(find_quantities(text), text, text.index(trigger_word) if trigger_word else None)
    assert total is not None, text
    return total.low, total.best


def test_coordinated_killed_figures_still_add_up_with_the_text() -> None:
    text = "A mortar round killed two soldiers, three police officers and four civilians in the market."
    assert _toll(text) == (9, 9)


def test_a_headline_run_into_its_lead_does_not_double_the_toll() -> None:
    # Feed items often lose the full stop between a headline and its lead: the figure is told twice, not twice over.
    text = "Truck bomb kills 31 near border post A truck bomb killed 31 people near a border post on Friday."
    assert _toll(text) == (31, 31)
    assert _toll("Clashes leave 12 dead north of the city At least 12 fighters were killed in clashes on Monday.") == (
        12,
        12,
    )


def test_another_incidents_toll_in_the_same_sentence_is_not_added() -> None:
    text = "The mortar fire killed four people in the old city, while the air raids on the suburbs killed 27 people."
    assert _toll(text, "raids") == (27, 27)
    assert _toll(text, "mortar") == (4, 4)


def test_a_subset_between_the_figure_and_its_verb_keeps_the_figure_a_toll() -> None:
    assert _toll("Scores of villagers including several children were killed when the market was shelled.") == (
        40,
        None,
    )
    (total,) = [
        q for q in find_quantities("Eleven farmers including two brothers were killed on Monday.") if q.kind == "killed"
    ]
    assert total.best == 11


def test_an_execution_of_people_is_a_toll() -> None:
    assert _toll("The militia released footage of the execution of 9 captured herders near the well.") == (9, 9)


def test_a_casualty_verb_before_the_figure_decides_over_a_participle_on_its_head() -> None:
    # "displaced" and "wounded" describe who the victims were; the verb says what happened to them.
    assert _toll("A suicide bomber killed 17 displaced people at a camp gate on Sunday.") == (17, 17)
    (families,) = find_quantities("The floods left 900 displaced families without shelter.")
    assert families.kind == "displaced"


def test_a_share_of_a_named_group_with_a_casualty_verb_is_a_toll() -> None:
    assert _toll("Nine of the passengers died when the bus was shelled near the checkpoint.") == (9, 9)
    (share,) = find_quantities("Two of the wells were destroyed.") or [None]
    assert share is None or share.kind != "killed"


def test_a_non_violent_event_with_no_toll_has_none_killed_and_a_violent_one_stays_unknown() -> None:
    zero = non_violent_toll("Peaceful protest", find_quantities("Thousands marched through the capital on Sunday."))
    assert zero is not None and (zero.low, zero.best, zero.high, zero.kind) == (0, 0, 0, "killed")
    assert non_violent_toll("Armed clash", []) is None
    assert non_violent_toll("Disrupted weapons use", []) is None  # interceptions can kill
    # a non-violent event whose sentence reports deaths is not coded 0
    assert non_violent_toll("Arrests", find_quantities("Police arrested 12 men after two people were killed.")) is None


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("No one was killed when the shell hit the market.", "killed"),
        ("Not one soldier was wounded in the ambush.", "wounded"),
    ],
)
def test_no_one_counts_nobody(sentence: str, kind: str) -> None:
    # "no one" is a zero, never a toll of one.
    found = [q for q in find_quantities(sentence) if q.kind == kind]
    assert [q.best for q in found] == [0]


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("None of the 14 passengers on the bus was hurt, the operator said.", "wounded"),
        ("Neither of the two guards at the gate was killed.", "killed"),
        ("Not one of the 30 pupils in the school was injured in the shelling.", "wounded"),
    ],
)
def test_none_of_a_figure_counts_nobody(sentence: str, kind: str) -> None:
    # The figure names whom nobody of was harmed: a zero of that kind, not a toll of the figure.
    found = [q for q in find_quantities(sentence) if q.kind == kind]
    assert [q.best for q in found] == [0]


def test_a_figure_after_a_count_of_the_harmed_is_not_a_zero() -> None:
    # Only "none", "neither", "not one", "no one" before "of the" make a zero; the figure stays a figure otherwise.
    found = [q.best for q in find_quantities("The blast killed 14 passengers on the bus.") if q.kind == "killed"]
    assert found == [14]


def test_one_after_other_words_is_still_one() -> None:
    assert [
        q.best for q in find_quantities("Gunmen killed one man and no one else was hurt.") if q.kind == "killed"
    ] == [1]


@pytest.mark.parametrize(
    "sentence, best",
    [
        ("The war has killed a quarter of a million people.", 250_000),
        ("Half a million people were killed in the siege years.", 500_000),
    ],
)
def test_a_fraction_of_a_scale_word_is_its_share(sentence: str, best: int) -> None:
    assert [q.best for q in find_quantities(sentence) if q.kind == "killed"] == [best]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        # a_single_person: "a"/"an" before a noun of one person counts one when a casualty cue gives its kind
        ("Mortar fire hit the market on Friday, killing a woman.", 1),
        ("A shepherd was killed by a landmine outside the village.", 1),
        ("The drone strike killed an elderly farmer and four children.", 5),
        ("Gunmen shot dead a 15-year-old girl at the crossing.", 1),
        ("A soldier and two policemen were killed when the convoy was ambushed.", 3),
    ],
)
def test_a_single_person_counts_one(sentence: str, killed: int) -> None:
    toll = fatalities(find_quantities(sentence), sentence)
    assert toll is not None and toll.best == killed


def test_a_single_person_with_no_casualty_cue_counts_nothing() -> None:
    # "a man" who speaks or watches is no figure, and a wounded one is no death
    assert find_quantities("A man who saw the blast said the street was full of smoke.") == []
    wounded = find_quantities("Rockets hit the square, wounding a child and an old man.")
    assert fatalities(wounded) is None
    assert [q.kind for q in wounded] == ["wounded", "wounded"]


@pytest.mark.parametrize(
    "sentence",
    ["A number of insurgents were killed in the raid on the camp.", "Several militants died when the depot blew up."],
)
def test_an_amount_with_no_count_is_no_toll(sentence: str) -> None:
    # no_count_no_toll: the figure is kept with its bounds, but the article gives no death toll
    found = find_quantities(sentence, "t.txt")
    assert [q.kind for q in found] == ["killed"]
    assert fatalities(found, sentence) is None
    for counted in (
        "Dozens of militants were killed.",
        "Several hundred people were killed.",
        "Some 40 people were killed.",
    ):
        assert fatalities(find_quantities(counted, "t.txt")) is not None, counted


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a_toll_counts_people: a count of places, munitions or vehicles before a casualty verb is no toll
        ("The raid on three towns killed 9 farmers and 4 herders.", 13),
        ("Militiamen lobbed more than 20 mortar shells at the camp, leaving a nurse killed.", 1),
        ("Two trucks were destroyed and five drivers killed.", 5),
    ],
)
def test_a_toll_counts_people_not_the_things_named_beside_it(text: str, toll: int) -> None:
    found = find_quantities(text)
    assert all(q.kind == "count" for q in found if q.unit.split()[-1] in {"towns", "shells", "trucks"})
    killed = fatalities(found, text)
    assert killed is not None and (killed.best or killed.low) == toll


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # people_are_counted: a wire copy that lost its commas puts a number of people right after a name or a day
        ("On Thursday 14 civilians were killed in the shelling of Kafr Zita.", ("civilians", 14, 14, 14, "killed")),
        ("In Mosul 8 policemen died when a bomb went off.", ("policemen", 8, 8, 8, "killed")),
    ],
)
def test_a_number_of_people_after_a_capitalised_word_is_counted(text: str, figure: tuple[object, ...]) -> None:
    assert figure in figures(text)


def test_a_number_after_a_name_that_counts_no_one_is_still_an_identifier() -> None:
    assert figures("Drones struck Tower 22 near the border.") == []
    assert figures("Resolution 2254 was adopted unanimously.") == []


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a casualty verb's -ing form ends the counted phrase, though "killings" is a listed noun
        ("Jets dropped two barrel bombs killing four farmers near the dam.", 4),
        # military and state-media usage: "eliminated" is killed
        ("The army eliminated more than 30 insurgents in the valley.", 31),
        ("Some 12 gunmen were eliminated in the raid.", 12),
    ],
)
def test_tolls_in_the_wordings_of_military_reports(text: str, toll: int) -> None:
    killed = fatalities(find_quantities(text), text)
    assert killed is not None and (killed.best or killed.low) == toll


def test_eliminated_positions_are_no_toll() -> None:
    assert (
        fatalities(find_quantities("The air force eliminated 4 positions."), "The air force eliminated 4 positions.")
        is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "The mortar round damaged two shops but caused no casualties.",
        "Officials said the drone hit a warehouse without causing any deaths.",
        "The blast left no human casualties, the governor said.",
    ],
)
def test_a_sentence_that_says_nobody_died_gives_a_toll_of_zero(text: str) -> None:
    killed = fatalities(find_quantities(text), text)
    assert killed is not None and (killed.low, killed.best, killed.high) == (0, 0, 0)


def test_no_civilian_dead_leaves_the_toll_open_and_a_counted_toll_stands() -> None:
    assert (
        fatalities(find_quantities("There were no civilian casualties."), "There were no civilian casualties.") is None
    )
    text = "The raid killed four gunmen and caused no casualties among residents."
    killed = fatalities(find_quantities(text), text)
    assert killed is not None and killed.best == 4


def test_a_toll_named_far_before_its_figure_still_counts_the_dead() -> None:
    toll = fatalities(
        find_quantities(
            "The death toll from an army raid on a militia stronghold in the eastern hills of the province has risen"
            " to 23, a monitor said."
        )
    )
    assert toll is not None and (toll.best, toll.kind) == (23, "killed")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("He was killed on Tuesday by a drone strike near the border.", "killed"),
        ("She later died of her wounds in hospital.", "killed"),
        ("Gunmen stormed the office, killing him and two guards.", "killed"),
        ("She was wounded when the shell hit the market.", "wounded"),
    ],
)
def test_a_pronoun_of_one_person_harmed_counts_one(text: str, kind: str) -> None:
    assert any((q.kind, q.best) == (kind, 1) for q in find_quantities(text))


def test_a_pronoun_doing_the_harm_counts_no_one() -> None:
    assert [(q.kind, q.best) for q in find_quantities("He killed three villagers before fleeing.")] == [("killed", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three other fighters were killed in an ambush near the dam.", ("Three other fighters", 3, "killed")),
        ("Two more guards were wounded when the convoy was hit.", ("Two more guards", 2, "wounded")),
        ("The raid killed 14 additional militiamen, the ministry said.", ("14 additional militiamen", 14, "killed")),
    ],
)
def test_a_word_of_addition_leaves_the_noun_the_figure_s_unit(text: str, expected: tuple[str, int, str]) -> None:
    (found,) = [q for q in find_quantities(text) if q.best == expected[1]]
    assert found.span is not None and (found.span.text, found.best, found.kind) == expected
    # alone after a figure it names no noun: "two others" counts people
    (others,) = find_quantities("Two others were killed in the blast.")
    assert others.unit == "people" and others.kind == "killed"


@pytest.mark.parametrize(
    "sentence, low, best",
    [
        # tens_and_units: a hyphenated number word is one number, not a range from the tens to the units
        ("Twenty-three villagers were killed in the raid on Sunday.", 23, 23),
        ("At least forty-one fighters died in the clashes.", 41, None),
        ("Published March 3 2021 Sixty-four people were killed in the market bombing.", 64, 64),
    ],
)
def test_a_hyphenated_number_word_is_one_number(sentence: str, low: int, best: int | None) -> None:
    toll = fatalities(find_quantities(sentence), sentence)
    assert toll is not None and (toll.low, toll.best) == (low, best)


def test_a_range_written_with_a_hyphen_still_runs_upwards() -> None:
    assert parse_amount("two-three") == (2, None, 3)
    assert parse_amount("20-25") == (20, None, 25)


@pytest.mark.parametrize(
    "sentence",
    [
        # a_pair_of_persons: a person and a kinsman or companion joined by "and" are two
        "A woman and her son were killed when a shell struck their home.",
        "A farmer and child died in the air strike on the hamlet.",
        "One shepherd and one of his brothers were killed by a landmine.",
        "The rocket killed a teacher and his wife in the town.",
    ],
)
def test_two_coordinated_persons_count_two(sentence: str) -> None:
    toll = fatalities(find_quantities(sentence), sentence)
    assert toll is not None and toll.best == 2


@pytest.mark.parametrize(
    "sentence, killed",
    [
        # a_named_person: "the" before a noun of one person and a name counts that person
        ("The army shelled the ridge killing the rebel commander Abu Salim, sources said.", 1),
        ("The imam Sheikh Omar Haddad was killed in the blast on Friday.", 1),
    ],
)
def test_a_named_person_killed_counts_one(sentence: str, killed: int) -> None:
    toll = fatalities(find_quantities(sentence), sentence)
    assert toll is not None and toll.best == killed


def test_a_named_person_who_speaks_counts_nothing() -> None:
    assert find_quantities("The commander Abu Salim said the town had fallen.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("At least 35 people, mostly farmers, were killed when shells hit the valley.", "killed"),
        ("Some 60 people many of whom were students were wounded in the blast", "wounded"),
        ("Around 80 fighters more than half of them foreigners have been killed near the dam.", "killed"),
    ],
)
def test_an_aside_on_who_the_people_were_keeps_the_figure_a_toll(text: str, kind: str) -> None:
    assert [q.kind for q in find_quantities(text)][:1] == [kind]


def test_an_aside_does_not_turn_a_count_into_a_toll() -> None:
    assert [q.kind for q in find_quantities("About 300 people, mostly women, gathered in the square.")] == ["count"]


@pytest.mark.parametrize(
    "text",
    [
        "The insurgency has taken the lives of more than 5,000 people in the province.",
        "The shelling caused the deaths of 14 villagers on Sunday.",
        "About 900 people are estimated to have been killed in the offensive.",
    ],
)
def test_tolls_worded_as_lives_taken_or_estimated_are_killed_figures(text: str) -> None:
    assert [q.kind for q in find_quantities(text)][:1] == ["killed"]


@pytest.mark.parametrize(
    ("a", "b", "disjoint"),
    [
        ("45 people were killed", "30 people were killed", True),
        ("at least 40 people were killed", "45 people were killed", False),
        # "up to 50" has zero as its floor: it cannot be the same toll as 60, and may be the same as 20
        ("up to 50 people were killed", "60 people were killed", True),
        ("up to 50 people were killed", "20 people were killed", False),
    ],
)
def test_two_tolls_disagree_only_when_their_bounds_do_not_meet(a: str, b: str, disjoint: bool) -> None:
    (first,), (second,) = find_quantities(a), find_quantities(b)
    assert figures_disjoint(first, second) is disjoint
    assert figures_disjoint(second, first) is disjoint


@pytest.mark.parametrize(
    "text",
    [
        "The militia is accused of shelling both farmers and herders in the valley.",
        "Investigators are looking into claims that both rebels and government troops used the gas.",
    ],
)
def test_both_opening_a_pair_of_groups_counts_neither(text: str) -> None:
    # correlative_both: "both X and Y" joins two groups; it is no count of two
    assert not [q for q in find_quantities(text) if q.best == 2]


def test_both_before_a_noun_alone_still_counts_two() -> None:
    (soldiers,) = find_quantities("Both soldiers were killed when the convoy hit a mine.")
    assert (soldiers.best, soldiers.kind) == (2, "killed")
    # "and" a second casualty verb ends the pair: the two soldiers still count
    found = find_quantities("The mine killed both soldiers and wounded a driver.")
    assert [(q.best, q.kind) for q in found] == [(2, "killed"), (1, "wounded")]
