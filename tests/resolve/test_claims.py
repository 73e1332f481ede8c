import datetime as dt
import itertools

from sitrep.model import AttributionChain, Claim, Quantity, Source, Span
from sitrep.resolve import group_claims

_SENTENCE_STARTS = itertools.count(0, 100)


def claim(
    claim_id: str,
    subject: str,
    scope: str | None,
    quantity: Quantity | None,
    sources: list[str],
    modality: str = "asserted",
    period_start: dt.date | None = None,
    topic: str = "",
    doc: str = "doc",
    sentence: Span | None = None,
) -> Claim:
    start = next(_SENTENCE_STARTS)
    return Claim(
        id=claim_id,
        doc=doc,
        subject=subject,
        scope=scope,
        quantity=quantity,
        sentence=sentence or Span(doc, start, start + 90),
        period_start=period_start,
        chain=AttributionChain([Source(s, "outlet") for s in sources]),
        modality=modality,
        topic=topic,  # type: ignore[arg-type]
    )


OCTOBER = dt.date(2023, 10, 1)
SEED_CLAIMS = [
    claim(
        "s1-attack-count-100",
        "attacks on US forces since the Islamic Resistance in Iraq began operations",
        "US forces",
        Quantity("times", 90, 100, 110, kind="attacks"),
        ["unnamed sources", "Al Mayadeen"],
        period_start=OCTOBER,
    ),
    claim(
        "s1-attack-count-150",
        "attacks on US bases in Iraq and Syria by the Islamic Resistance in Iraq",
        "US bases in Iraq and Syria",
        Quantity("times", 151, None, None, kind="attacks"),
        ["Al Mayadeen"],
        period_start=OCTOBER,
    ),
    claim(
        "s1-troops-900",
        "US soldiers stationed in Syria",
        "Syria",
        Quantity("soldiers", None, 900, None, kind="troops"),
        ["Pentagon", "Al Mayadeen"],
    ),
    claim(
        "s1-withdrawal-considered",
        "US withdrawal of forces from Syria",
        None,
        None,
        ["Foreign Policy", "Al Mayadeen"],
        modality="hypothetical",
    ),
    claim(
        "s0-no-withdrawal-intent",
        "US withdrawal of forces from Syria",
        None,
        None,
        ["Washington", "The Cradle"],
        modality="denied",
    ),
]


def groups_by_first_id() -> dict[str, object]:
    return {g.claims[0].id: g for g in group_claims(SEED_CLAIMS)}


def test_attack_counts_are_one_group_with_figure_and_scope_disagreement_and_both_sources() -> None:
    group = groups_by_first_id()["s1-attack-count-100"]
    assert [c.id for c in group.claims] == ["s1-attack-count-100", "s1-attack-count-150"]  # type: ignore[attr-defined]
    kinds = {c.kind: c for c in group.contradictions}  # type: ignore[attr-defined]
    assert set(kinds) == {"figure", "scope"}
    figure = kinds["figure"].description
    assert "90-110" in figure and "151+" in figure
    assert "unnamed sources via Al Mayadeen" in figure
    assert "US bases in Iraq and Syria" in kinds["scope"].description


def test_troop_level_is_not_grouped_with_attack_counts() -> None:
    group = groups_by_first_id()["s1-troops-900"]
    assert [c.id for c in group.claims] == ["s1-troops-900"]  # type: ignore[attr-defined]


def test_a_denial_of_what_another_source_reports_is_a_contradiction() -> None:
    group = groups_by_first_id()["s1-withdrawal-considered"]
    (contradiction,) = group.contradictions  # type: ignore[attr-defined]
    assert contradiction.kind == "denial"
    assert (contradiction.a, contradiction.b) == ("s1-withdrawal-considered", "s0-no-withdrawal-intent")
    assert "Washington via The Cradle" in contradiction.description


def test_agreeing_figures_with_the_same_scope_are_not_contradictions() -> None:
    groups = group_claims(
        [
            claim(
                "a",
                "Russian soldiers killed in Ukraine",
                "Ukraine",
                Quantity("soldiers", 4000, 5000, 6000, kind="killed"),
                ["X"],
            ),
            claim(
                "b",
                "Russian soldiers killed in Ukraine",
                "Ukraine",
                Quantity("soldiers", None, 5500, None, kind="killed"),
                ["Y"],
            ),
        ]
    )
    assert len(groups) == 1
    assert groups[0].contradictions == []


def test_extractor_topic_keys_take_precedence_over_wording() -> None:
    groups = group_claims(
        [
            claim(
                "a", "fighters in the city", None, Quantity("fighters", None, 300, None), ["X"], topic="rsf-el-fasher"
            ),
            claim(
                "b",
                "RSF troop strength around El Fasher",
                None,
                Quantity("fighters", None, 3000, None),
                ["Y"],
                topic="rsf-el-fasher",
            ),
        ]
    )
    assert [g.topic for g in groups] == ["rsf-el-fasher"]
    assert [c.kind for c in groups[0].contradictions] == ["figure"]


def test_unplaced_tolls_from_different_reports_are_not_compared() -> None:
    # "4 killed" at sea and "40,000 killed" in Gaza: neither says where, so neither contradicts the other.
    groups = group_claims(
        [
            claim(
                "a",
                "people killed",
                None,
                Quantity("people", None, 4, None, kind="killed"),
                ["X"],
                topic="toll:killed:",
                doc="red-sea",
            ),
            claim(
                "b",
                "people killed",
                None,
                Quantity("people", None, 40000, None, kind="killed"),
                ["Y"],
                topic="toll:killed:",
                doc="gaza",
            ),
        ]
    )
    assert len(groups) == 2


def test_tolls_for_one_town_spelled_two_ways_are_compared() -> None:
    groups = group_claims(
        [
            claim(
                "a",
                "people killed in El Fasher",
                "El Fasher",
                Quantity("people", 192, None, None, kind="killed"),
                ["Ministry of Health"],
                topic="toll:killed:el fasher",
                doc="ocha",
            ),
            claim(
                "b",
                "people killed",
                "El-Fasher",
                Quantity("people", None, 134, None, kind="killed"),
                ["MSF"],
                topic="toll:killed:El-Fasher",
                doc="afp",
            ),
        ]
    )
    (group,) = groups
    assert [c.kind for c in group.contradictions] == ["figure"]  # no "scope" quarrel over the spelling


def test_two_figures_of_one_sentence_do_not_contradict_each_other() -> None:
    # "141 attacks since January, which killed 52 people": read twice as a toll, it is still one statement.
    sentence = Span("doc", 0, 120)
    groups = group_claims(
        [
            claim(
                "a",
                "people killed",
                "Deir ez-Zor",
                Quantity("attacks", None, 141, None, kind="killed"),
                ["SOHR"],
                topic="toll:killed:deir ez-zor",
                sentence=sentence,
            ),
            claim(
                "b",
                "people killed",
                "Deir ez-Zor",
                Quantity("people", None, 52, None, kind="killed"),
                ["SOHR"],
                topic="toll:killed:deir ez-zor",
                sentence=sentence,
            ),
        ]
    )
    assert [c for g in groups for c in g.contradictions] == []


def test_a_figure_and_its_denial_in_one_sentence_are_a_contradiction() -> None:
    # "Amnesty said at least 13 protesters were killed, a figure the police rejected as false."
    sentence = Span("doc", 0, 120)
    groups = group_claims(
        [
            claim(
                "a",
                "people killed",
                "Nigeria",
                Quantity("protesters", 13, None, None, kind="killed"),
                ["Amnesty"],
                topic="toll:killed:nigeria",
                sentence=sentence,
            ),
            claim(
                "b",
                "people killed",
                "Nigeria",
                Quantity("protesters", 13, None, None, kind="killed"),
                ["police"],
                modality="denied",
                topic="toll:killed:nigeria",
                sentence=sentence,
            ),
        ]
    )
    assert [c.kind for g in groups for c in g.contradictions] == ["denial"]


def test_two_articles_running_tolls_of_a_war_are_not_a_dispute() -> None:
    # A war's toll "since March 2011" grows from one article to the next.
    start = dt.date(2011, 3, 1)
    groups = group_claims(
        [
            claim(
                "a",
                "people killed in Syria",
                "Syria",
                Quantity("people", 250001, None, None, kind="killed"),
                ["X"],
                topic="toll:killed:syria",
                doc="2015",
                period_start=start,
            ),
            claim(
                "b",
                "people killed in Syria",
                "Syria",
                Quantity("people", 400001, None, None, kind="killed"),
                ["Y"],
                topic="toll:killed:syria",
                doc="2018",
                period_start=start,
            ),
        ]
    )
    assert [c for g in groups for c in g.contradictions] == []


def test_events_that_name_no_actor_are_not_compared_across_articles() -> None:
    groups = group_claims(
        [
            claim(
                "a",
                "destroy by unspecified actor",
                None,
                None,
                ["X"],
                modality="hypothetical",
                topic="assault:unspecified actor",
                doc="d1",
            ),
            claim(
                "b",
                "destroy by unspecified actor",
                None,
                None,
                ["Y"],
                modality="denied",
                topic="assault:unspecified actor",
                doc="d2",
            ),
        ]
    )
    assert [c for g in groups for c in g.contradictions] == []


def test_a_claim_group_lists_one_entry_per_kind_with_every_position() -> None:
    groups = group_claims(
        [
            claim(
                "a",
                "people killed in Karam",
                "Karam",
                Quantity("people", None, 6, None, kind="killed"),
                ["police"],
                topic="toll:killed:karam",
            ),
            claim(
                "b",
                "people killed in Karam",
                "Karam",
                Quantity("people", None, 40, None, kind="killed"),
                ["state TV"],
                topic="toll:killed:karam",
            ),
            claim(
                "c",
                "people killed in Karam",
                "Karam",
                Quantity("people", None, 12, None, kind="killed"),
                ["medics"],
                topic="toll:killed:karam",
            ),
        ]
    )
    (group,) = groups
    (entry,) = group.contradictions
    assert entry.kind == "figure" and len(entry.pairs) == 3
    assert all(who in entry.description for who in ("police", "state TV", "medics"))


def test_two_articles_tolls_for_a_whole_country_are_not_compared() -> None:
    # "more than 230,000 have been killed in Syria" (2015) and "191,000 people killed in Syria" (2014).
    groups = group_claims(
        [
            claim(
                "a",
                "people killed in Syria",
                "Syria",
                Quantity("people", 230001, None, None, kind="killed"),
                ["X"],
                topic="toll:killed:syria",
                doc="d1",
            ),
            claim(
                "b",
                "people killed in Syria",
                "Syria",
                Quantity("people", None, 191000, None, kind="killed"),
                ["Y"],
                topic="toll:killed:syria",
                doc="d2",
            ),
        ]
    )
    assert [c for g in groups for c in g.contradictions] == []


def test_a_denial_is_set_against_the_report_of_the_incident_it_is_about() -> None:
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(40, 40, 40), sources=("Syrian Observatory for Human Rights", "Courier"), doc="story")
    denial = claim(
        "c1", "deny charges", None, None, ["Russian Ministry of Defence", "Courier"], modality="denied", doc="story"
    )
    denial.concerns = "m1"
    own = claim(
        "c2",
        "deny charges",
        None,
        None,
        ["Syrian Observatory for Human Rights", "Courier"],
        modality="denied",
        doc="story",
    )
    own.concerns = "m1"  # the report's own originator correcting itself is no dispute
    ((event_id, entry),) = denials_of_reports([denial, own], {"m1": ("ev1", report)})
    assert event_id == "ev1" and entry.kind == "denial"
    assert (entry.a, entry.b) == ("m1", "c1")
    assert "Russian Ministry of Defence" in entry.description and "Syrian Observatory" in entry.description


def test_a_denial_answers_every_report_of_the_incident_its_article_gives() -> None:
    # accusation_in_the_article: "Rebels accused the air force of the raid on Tal Nour." ... "Fire crews said the
    # raid killed 12." ... "The defence ministry denied the accusation." The denial was linked to the last report
    # before it, but it answers the accusation told earlier too; another article's report is not its own.
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    accusation = mention("m1", sources=("rebels", "Courier"), doc="story", text="Rebels accused the air force.")
    accusation.sentence = Span("story", 0, 29, accusation.sentence.text)
    toll = mention("m2", killed=(12, 12, 12), sources=("fire crews", "Courier"), doc="story", text="It killed 12.")
    toll.sentence = Span("story", 40, 53, toll.sentence.text)
    elsewhere = mention("m3", killed=(12, 12, 12), sources=("Monitor", "Daily"), doc="daily story")
    denial = claim("c1", "deny accusation", None, None, ["Defence Ministry", "Courier"], modality="denied", doc="story")
    denial.concerns = "m2"
    reports = {"m1": ("ev1", accusation), "m2": ("ev1", toll), "m3": ("ev1", elsewhere)}
    ((event_id, entry),) = denials_of_reports([denial], reports)
    assert event_id == "ev1" and (entry.a, entry.b) == ("m2", "c1")
    assert sorted(entry.pairs) == [("denial", "m1", "c1"), ("denial", "m2", "c1")]
    assert "rebels" in entry.description and "fire crews" in entry.description


def test_two_articles_denials_of_one_incident_are_cited_each_with_its_own_article_s_report() -> None:
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    wire = mention("m1", killed=(30, 30, 30), sources=("Monitor", "Wire"), doc="wire story")
    daily = mention("m2", killed=(30, 30, 30), sources=("Monitor", "Daily"), doc="daily story")
    denials = []
    for number, (article, publisher, report) in enumerate(
        (("wire story", "Wire", "m1"), ("daily story", "Daily", "m2"))
    ):
        denial = claim(
            f"c{number}", "deny charges", None, None, ["Ministry", publisher], modality="denied", doc=article
        )
        denial.concerns = report
        denials.append(denial)
    entries = denials_of_reports(denials, {"m1": ("ev1", wire), "m2": ("ev1", daily)})
    assert sorted((event_id, entry.a, entry.b) for event_id, entry in entries) == [
        ("ev1", "m1", "c0"),
        ("ev1", "m2", "c1"),
    ]


def test_a_speaker_s_own_later_negation_does_not_deny_his_report() -> None:
    # "Foreign Minister Ana Lind said ... force"; later "Lind stressed there was no question of ground troops":
    # one speaker's two points, not a denial of his own report.
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", sources=("Foreign Minister Ana Lind", "Courier"), doc="story")
    report.chain.sources[0].kind = "official"
    later = claim("c1", "no question of troops", None, None, ["Lind", "Courier"], modality="denied", doc="story")
    later.chain.sources[0].kind = "person"
    later.concerns = "m1"
    assert denials_of_reports([later], {"m1": ("ev1", report)}) == []


def test_a_standing_denial_is_not_set_against_a_report() -> None:
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(9, 9, 9), sources=("Monitor", "Courier"), doc="story")
    standing = claim(
        "c1", "denied previous accusations", None, None, ["Defence Ministry", "Courier"], modality="denied", doc="story"
    )
    standing.sentence = Span("story", 0, 60, "The ministry has denied previous accusations of striking markets.")
    standing.concerns = "m1"
    assert denials_of_reports([standing], {"m1": ("ev1", report)}) == []


def _publisher_only_denial(text: str, word: str) -> Claim:
    """A denial whose chain holds only the publisher, read from ``word`` in ``text``."""
    denial = claim("c1", "denied responsibility", None, None, ["Courier"], modality="denied", doc="story")
    denial.chain.sources[0].kind = "publisher"
    denial.sentence = Span("story", 200, 200 + len(text), text)
    start = text.index(word)
    denial.evidence = Span("story", 200 + start, 200 + start + len(word), word)
    denial.concerns = "m1"
    return denial


def test_a_party_s_denial_told_by_a_verb_of_denying_answers_the_report() -> None:
    # party_denial_verbs: the subject of "denied" is the denier though the chain names only the publisher
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(12, 12, 12), sources=("Rescue workers", "Courier"), doc="story")
    denial = _publisher_only_denial("The militia, however, has denied any part in the shelling.", "denied")
    ((event_id, entry),) = denials_of_reports([denial], {"m1": ("ev1", report)})
    assert (event_id, entry.kind, entry.a, entry.b) == ("ev1", "denial", "m1", "c1")
    # the publisher tells of the denial; the entry does not make it the denier
    assert entry.description.startswith("someone quoted by Courier denies"), entry.description


def test_a_party_s_denial_answers_the_publisher_s_own_report() -> None:
    # the chain's publisher is not the denier's originator: the party named by the verb's subject is
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(12, 12, 12), sources=("Courier",), doc="story")
    report.chain.sources[0].kind = "publisher"
    denial = _publisher_only_denial("But the army denies firing on the village.", "denies")
    ((_event_id, entry),) = denials_of_reports([denial], {"m1": ("ev1", report)})
    assert (entry.a, entry.b) == ("m1", "c1")


def test_the_writer_s_own_negation_still_answers_no_report() -> None:
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(12, 12, 12), sources=("Rescue workers", "Courier"), doc="story")
    negation = _publisher_only_denial("The statement made no mention of the shelling.", "no")
    assert denials_of_reports([negation], {"m1": ("ev1", report)}) == []


def test_one_place_in_two_romanisations_is_one_scope() -> None:
    groups = group_claims(
        [
            claim(
                "a",
                "residents ordered to leave",
                "Deir al-Zor",
                Quantity("days", 3, 3, 3),
                ["activists", "Wire"],
                topic="ultimatum:leave",
                doc="one",
            ),
            claim(
                "b",
                "residents ordered to leave",
                "Deir al-Zour",
                Quantity("days", 3, 3, 3),
                ["activists", "Outlet"],
                topic="ultimatum:leave",
                doc="two",
            ),
        ]
    )
    assert not [c for g in groups for c in g.contradictions if c.kind == "scope"]


def test_an_article_s_own_negation_is_not_set_against_a_report_as_a_denial() -> None:
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(12, 12, 12), sources=("Monitor", "Courier"), doc="story")
    negation = claim("c1", "no mention of strikes", None, None, ["Courier"], modality="denied", doc="story")
    negation.chain = AttributionChain([Source("Courier", "publisher")])  # "It made no mention of any strikes."
    negation.concerns = "m1"
    assert denials_of_reports([negation], {"m1": ("ev1", report)}) == []


def test_two_articles_counts_over_days_of_one_place_are_not_a_dispute() -> None:
    # Each article counts the days of attacks up to its own writing: two days' 49 and three days' 45 differ in period.
    def period_toll(claim_id: str, text: str, killed: int, doc: str) -> Claim:
        return claim(
            claim_id,
            "people killed in Eastern Town",
            "Eastern Town",
            Quantity("people", None, killed, None, kind="killed"),
            ["Monitor" if doc == "one" else "Rescuers", "Courier"],
            topic="toll:killed:Eastern Town",
            doc=doc,
            sentence=Span(doc, 0, len(text), text),
        )

    two_days = period_toll("a", "Shelling brought to 49 the number killed in two days of attacks.", 49, "one")
    three_days = period_toll("b", "Rescuers said 45 people were killed in three days of raids.", 45, "two")
    (group,) = group_claims([two_days, three_days])
    assert group.contradictions == []


def test_one_article_s_sources_giving_different_floors_are_listed() -> None:
    # "more than 250,000" and "more than 470,000" killed in one war, per two sources of one story: both floors, both
    # cited, and an analyst must see who says which.
    def floor(claim_id: str, low: int, source: str, start: int) -> Claim:
        return claim(
            claim_id,
            "people killed in the war",
            "Ruritania",
            Quantity("people", low, None, None, kind="killed"),
            [source, "Courier"],
            topic="toll:killed:ruritania",
            doc="story",
            sentence=Span("story", start, start + 80),
        )

    (group,) = group_claims([floor("a", 250001, "United Nations", 0), floor("b", 470001, "Policy Centre", 100)])
    (entry,) = group.contradictions
    assert entry.kind == "estimates"
    assert "United Nations" in entry.description and "Policy Centre" in entry.description
    # One source's two floors are its own account, not a dispute.
    (own,) = group_claims([floor("c", 250001, "United Nations", 0), floor("d", 470001, "United Nations", 100)])
    assert own.contradictions == []


def test_a_country_toll_named_only_in_its_topic_is_not_compared_across_articles() -> None:
    def displaced(claim_id: str, figure: int, doc: str) -> Claim:
        return claim(
            claim_id,
            "people displaced",
            None,  # "the war has uprooted 2 million people": the country is only in the topic
            Quantity("people", None, figure, None, kind="displaced"),
            ["Agency", doc],
            topic="displaced:yemen",
            doc=doc,
        )

    (group,) = group_claims([displaced("a", 2000000, "one"), displaced("b", 3000000, "two")])
    assert group.contradictions == []


def test_millions_name_no_figure_to_dispute() -> None:
    def uprooted(claim_id: str, text: str, low: int, source: str, start: int) -> Claim:
        q = Quantity("people", low, None, None, kind="displaced", span=Span("story", start, start + 20, text))
        return claim(
            claim_id, "people uprooted", "Oldtown", q, [source, "Courier"], topic="displaced:oldtown", doc="story"
        )

    (group,) = group_claims(
        [uprooted("a", "millions of people", 2000000, "Agency", 0), uprooted("b", "3.5 million", 3500000, "UN", 100)]
    )
    assert group.contradictions == []


def test_one_dispute_per_article_when_articles_are_not_compared() -> None:
    # A country's war toll per two sources in each of two articles: two disputes, each with its own article's positions.
    def toll(claim_id: str, low: int, source: str, doc: str) -> Claim:
        return claim(
            claim_id,
            "people killed",
            "Yemen",
            Quantity("people", low, None, None, kind="killed"),
            [source, doc],
            topic="toll:killed:yemen",
            doc=doc,
        )

    claims = [toll("a", 250001, "United Nations", "one"), toll("b", 470001, "Policy Centre", "one")]
    claims += [toll("c", 191001, "United Nations", "two"), toll("d", 300001, "Monitor", "two")]
    (group,) = group_claims(claims)
    assert sorted((entry.a, entry.b) for entry in group.contradictions) == [("a", "b"), ("c", "d")]


def test_a_war_s_lives_counted_in_two_articles_are_not_compared() -> None:
    # "the war has claimed more than 300,000 lives" is read as a count; its topic says it is the country's toll.
    def lives(claim_id: str, low: int, doc: str) -> Claim:
        q = Quantity("lives", low, None, None, kind="count")
        return claim(claim_id, "lives claimed", "Yemen", q, ["Agency", doc], topic="toll:killed:yemen", doc=doc)

    (group,) = group_claims([lives("a", 300001, "one"), lives("b", 191001, "two")])
    assert group.contradictions == []


def test_one_article_s_running_totals_over_other_stretches_are_not_a_dispute() -> None:
    # "since June" (its year unread) and "since September 2014" count different stretches of one air campaign
    lately = Span("doc", 0, 80, "Some 300 air strikes since 3 June have killed between 120 and 210 civilians.")
    overall = Span("doc", 100, 200, "About 700 civilians have been killed in the strikes since September 2014.")
    groups = group_claims(
        [
            claim(
                "a",
                "people killed",
                "Syria",
                Quantity("civilians", 120, None, 210, kind="killed"),
                ["Monitor"],
                topic="toll:killed:syria",
                sentence=lately,
            ),
            claim(
                "b",
                "people killed",
                "Syria",
                Quantity("civilians", 630, 700, 770, kind="killed"),
                ["Observatory"],
                topic="toll:killed:syria",
                period_start=dt.date(2014, 9, 1),
                sentence=overall,
            ),
        ]
    )
    assert [c for g in groups for c in g.contradictions] == []


def test_two_articles_statements_about_an_attack_somewhere_in_a_country_are_not_compared() -> None:
    claimed = claim(
        "a",
        "responsibility for the bombing (the Valley Brigade)",
        None,
        None,
        ["Courier"],
        topic="responsibility:yemen",
        doc="one",
    )
    denied = claim(
        "b",
        "denied responsibility for the attack (the government)",
        None,
        None,
        ["Herald"],
        modality="denied",
        topic="responsibility:yemen",
        doc="two",
    )
    (group,) = group_claims([claimed, denied])
    assert group.contradictions == []
    # within one article the claimant and the denier speak of the incident the article tells
    denied_here = claim(
        "c",
        "denied responsibility for the attack (the government)",
        None,
        None,
        ["Courier"],
        modality="denied",
        topic="responsibility:yemen",
        doc="one",
    )
    (group,) = group_claims([claimed, denied_here])
    assert [c.kind for c in group.contradictions] == ["denial"]


def test_counts_of_attacks_on_targets_the_texts_do_not_name_are_not_compared_across_articles() -> None:
    def attacks(claim_id: str, figure: int, doc: str) -> Claim:
        return claim(
            claim_id,
            "attacks on unspecified target",
            None,
            Quantity("times", figure, figure, figure, kind="attacks"),
            ["Monitor", doc],
            topic="attack-count:unspecified target",
            doc=doc,
        )

    groups = group_claims([attacks("a", 3, "one"), attacks("b", 4, "two")])
    assert [c for g in groups for c in g.contradictions] == []


def test_a_second_speaker_s_toll_is_set_against_the_report_it_answers() -> None:
    # second_toll: "a rights group put the toll at 45" against the report's "killed 30, the monitor said"
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    report = mention("m1", killed=(30, 30, 30), sources=("Syrian Observatory for Human Rights", "Courier"), doc="story")
    toll = claim(
        "c1", "people killed", None, Quantity("people", 45, 45, 45, kind="killed"), ["rights group", "Courier"]
    )
    toll.doc, toll.concerns = "story", "m1"
    ((event_id, entry),) = denials_of_reports([toll], {"m1": ("ev1", report)})
    assert (event_id, entry.kind, entry.a, entry.b) == ("ev1", "figure", "m1", "c1")
    assert "rights group" in entry.description and "30" in entry.description and "45" in entry.description
    # the same toll, or one from the report's own source, is no dispute
    same = claim("c2", "people killed", None, Quantity("people", 30, 30, 30, kind="killed"), ["rights group"])
    own = claim(
        "c3",
        "people killed",
        None,
        Quantity("people", 45, 45, 45, kind="killed"),
        ["Syrian Observatory for Human Rights"],
    )
    for other in (same, own):
        other.doc, other.concerns = "story", "m1"
    assert denials_of_reports([same, own], {"m1": ("ev1", report)}) == []


def test_every_pair_of_claims_that_reaches_the_threshold_is_found_by_a_word_or_a_pair_within_reach() -> None:
    """A store finds a claim's neighbours by one shared word only among claims short enough for one word to do,
    and otherwise by a shared pair of words of a size within reach: every subject pair similar enough is found."""
    from sitrep.resolve.claims import jaccard, one_word_reach, size_reach, word_pairs

    for threshold in (0.25, 0.4, 0.5, 0.75):
        for n, m in itertools.product(range(1, 10), repeat=2):
            ours = frozenset(f"w{i}" for i in range(n))
            for shared in range(1, min(n, m) + 1):
                theirs = frozenset([*(f"w{i}" for i in range(shared)), *(f"x{i}" for i in range(m - shared))])
                if jaccard(ours, theirs) < threshold:
                    continue
                by_word = m <= one_word_reach(n, threshold)
                low, high = size_reach(n, threshold)
                by_pair = low <= m <= high and bool(set(word_pairs(ours)) & set(word_pairs(theirs)))
                assert by_word or by_pair, (threshold, n, m, shared)


def test_a_word_most_claims_share_does_not_reach_a_long_subject_alone() -> None:
    from sitrep.resolve.claims import one_word_reach, size_reach, word_pairs

    assert one_word_reach(4, 0.4) == 0  # one word of four never makes 0.4
    assert one_word_reach(1, 0.4) == 2  # "killed" against "people killed"
    assert size_reach(3, 0.4) == (2, 7)
    assert word_pairs(["town", "killed", "killed"]) == ["killed town"]


def test_a_toll_over_a_period_is_no_second_toll_of_one_incident() -> None:
    # the period rule of event figures (period_cues) holds for a claim's toll against a report too
    from sitrep.resolve.claims import denials_of_reports
    from tests.resolve.resolve_fixtures import mention

    text = "At least 90 people were killed in the city over the last three days, the group said."
    report = mention("m1", killed=(90, 90, 90), sources=("Monitor", "Courier"), doc="story", text=text)
    toll = claim(
        "c1", "people killed", None, Quantity("people", 40, 40, 40, kind="killed"), ["rights group", "Courier"]
    )
    toll.doc, toll.concerns = "story", "m1"
    assert denials_of_reports([toll], {"m1": ("ev1", report)}) == []
    # the same figures told of one day's attack disagree
    one_day = mention(
        "m2", killed=(90, 90, 90), sources=("Monitor", "Courier"), doc="story", text="The attack killed 90 people."
    )
    toll.concerns = "m2"
    assert [entry.kind for _, entry in denials_of_reports([toll], {"m2": ("ev1", one_day)})] == ["figure"]
