from sitrep.model import AttributionChain, Mention, Source, Span
from sitrep.resolve import derive_event, source_profiles
from sitrep.resolve.sources import share_headline_chains
from tests.resolve.resolve_fixtures import mention


def test_profiles_count_sole_reports_extreme_figures_and_framing() -> None:
    shared = derive_event(
        "ev1",
        [
            mention("a", killed=(5, 5, 5), sources=("SANA",), framing=("terrorists",)),
            mention("b", killed=(None, 12, None), sources=("SOHR", "Reuters")),
            mention("c", killed=(8, 8, 8), sources=("AFP",)),
        ],
    )
    alone = derive_event("ev2", [mention("d", sources=("SANA",), framing=("martyrs", "criminal"))])
    outlets = {"doc-a": "SANA", "doc-b": "Reuters", "doc-c": "AFP", "doc-d": "SANA"}
    # One row per source, of its category (SANA is state media whether it publishes or is quoted).
    profiles = {p.name: p for p in source_profiles([shared, alone], outlets)}
    sana = profiles["SANA"]
    assert sana.kind == "state_media"
    assert (sana.events, sana.sole_reporter, sana.lowest_figure, sana.highest_figure) == (2, 1, 1, 0)
    assert (sana.framing_terms, sana.framing_per_report) == (3, 1.5)
    assert profiles["Reuters"].highest_figure == 1
    # The originator is credited too, under the source table's one name and its category (not as "SOHR" here and
    # "Syrian Observatory" there).
    assert profiles["Syrian Observatory for Human Rights"].kind == "monitor"
    assert profiles["Syrian Observatory for Human Rights"].highest_figure == 1
    assert profiles["AFP"].sole_reporter == 0


def test_one_source_under_several_names_is_one_profile() -> None:
    event = derive_event(
        "ev1",
        [
            mention("a", sources=("SOHR", "Courier")),
            mention("b", sources=("Syrian Observatory", "Courier")),
            mention("c", sources=("Britain-based Syrian Observatory for Human Rights", "Courier")),
        ],
    )
    names = [p.name for p in source_profiles([event], {}) if p.kind == "monitor"]
    assert names == ["Syrian Observatory for Human Rights"]


def test_one_source_seen_as_publisher_and_as_originator_is_one_row() -> None:
    # SANA publishes one story and is quoted in another's: one row, under its category.
    event = derive_event(
        "ev1",
        [mention("a", sources=("SANA",)), mention("b", sources=("Syrian Arab News Agency", "Courier"))],
    )
    rows = [(p.name, p.kind, p.events) for p in source_profiles([event], {"doc-a": "SANA", "doc-b": "Courier"})]
    assert [r for r in rows if r[0] == "SANA"] == [("SANA", "state_media", 1)]


def test_a_listed_source_written_in_another_case_is_its_one_row() -> None:
    # "According to the Sana news agency": the agency's acronym written as a word is still SANA, of its category.
    event = derive_event(
        "ev1",
        [mention("a", sources=("Sana", "Courier")), mention("b", sources=("SANA", "Daily Post"))],
    )
    rows = [(p.name, p.kind) for p in source_profiles([event], {})]
    assert ("SANA", "state_media") in rows
    assert not any(name == "Sana" for name, _ in rows)


def test_a_kind_of_witness_is_nobody_named() -> None:
    event = derive_event("ev1", [mention("a", sources=("witnesses", "Courier"))])
    assert ("witnesses", "unnamed") in [(p.name, p.kind) for p in source_profiles([event], {})]


def _with_source(m: Mention, *names: str) -> Mention:
    """The report's chain: the named sources, each found in its sentence, then the publisher."""
    spans = [Source(n, "organisation", Span(m.doc, 0, len(n), n)) for n in names]
    m.chain = AttributionChain([*spans, Source("Courier", "publisher")])
    return m


def test_a_title_takes_the_source_its_story_names_for_the_incident() -> None:
    # "Strikes kill 12 in Idlib." over "Air strikes killed 12 people in Idlib, the Observatory said."
    title = mention("t", killed=(12, 12, 12), sources=("Courier",), doc="story")
    title.headline = True
    body = _with_source(mention("b", killed=(12, 12, 12), doc="story"), "Syrian Observatory for Human Rights")
    share_headline_chains([title, body])
    assert title.chain.names() == ["Syrian Observatory for Human Rights", "Courier"]


def test_a_body_sentence_after_a_source_and_without_one_keeps_its_own_chain() -> None:
    quoted = _with_source(mention("q", killed=(12, 12, 12), doc="story"), "Syrian Observatory for Human Rights")
    later = mention("l", killed=(12, 12, 12), sources=("Courier",), doc="story")
    later.sentence = Span("story", 100, 160, "")
    share_headline_chains([quoted, later])
    assert later.chain.names() == ["Courier"]


def test_a_title_keeps_its_chain_when_no_sentence_of_its_incident_names_a_source() -> None:
    title = mention("t", killed=(3, 3, 3), sources=("Courier",), doc="story")
    title.headline = True
    # The story's only sourced sentence tells a protest, not the title's strike.
    protest = _with_source(mention("p", event_type="Protests", doc="story"), "Idlib Media Centre")
    share_headline_chains([title, protest])
    assert title.chain.names() == ["Courier"]


def test_the_lead_before_any_source_takes_the_source_of_its_incident() -> None:
    # "Air strikes hit Idlib on Sunday, killing 12." then "The Observatory said the strikes killed 12 ..."
    lead = mention("l", killed=(12, 12, 12), sources=("Courier",), doc="story", text="Air strikes hit Idlib.")
    lead.sentence = Span("story", 0, 22, lead.sentence.text)
    later = _with_source(mention("m", killed=(12, 12, 12), doc="story"), "Syrian Observatory for Human Rights")
    later.sentence = Span("story", 100, 160, "")
    share_headline_chains([lead, later])
    assert lead.chain.names() == ["Syrian Observatory for Human Rights", "Courier"]


def test_a_lead_is_not_told_by_the_witnesses_the_story_quotes() -> None:
    # "A suicide bomber killed 30 people at a wedding in Karsa." then "... a relative told the agency" / "witnesses
    # said": anonymous sources and witnesses tell a detail; the lead stays the publisher's.
    lead = mention("l", killed=(30, 30, 30), sources=("Courier",), doc="story", text="A bomber killed 30.")
    lead.sentence = Span("story", 0, 19, lead.sentence.text)
    later = mention("m", killed=(30, 30, 30), doc="story")
    later.chain = AttributionChain(
        [Source("witnesses", "unnamed", Span("story", 100, 109, "witnesses")), Source("Courier", "publisher")]
    )
    later.sentence = Span("story", 100, 160, "")
    share_headline_chains([lead, later])
    assert lead.chain.names() == ["Courier"]


def test_a_lead_does_not_take_a_source_named_paragraphs_later() -> None:
    # The story's own first paragraph; a newspaper's witnesses come in the second.
    lead = mention("l", killed=(3, 3, 3), sources=("Courier",), doc="story")
    later = _with_source(mention("m", killed=(3, 3, 3), doc="story"), "witnesses", "Daily Post")
    later.sentence = Span("story", 400, 460, "")
    share_headline_chains([lead, later], {"l": 0, "m": 1})
    assert lead.chain.names() == ["Courier"]


def _at(m: Mention, start: int, end: int) -> Mention:
    m.sentence = Span(m.doc, start, end, "")
    return m


def test_a_sections_lead_takes_the_source_the_next_sentence_gives() -> None:
    # "... the Observatory said. In Aleppo a bomb killed three. A source at the police told the agency the bomb went off
    # in a car." The section's lead, after the story named its first source, is told by the sentence right after it.
    opening = _at(_with_source(mention("o", doc="story", where="Idlib"), "Syrian Observatory for Human Rights"), 0, 60)
    lead = _at(mention("l", killed=(3, 3, 3), sources=("Courier",), doc="story", where="Aleppo"), 61, 100)
    told = _at(
        _with_source(mention("t", killed=(3, 3, 3), doc="story", where="Aleppo"), "Aleppo Police Command"), 101, 180
    )
    share_headline_chains([opening, lead, told])
    assert lead.chain.names() == ["Aleppo Police Command", "Courier"]


def test_a_report_sentences_away_from_the_source_keeps_its_own_chain() -> None:
    opening = _at(_with_source(mention("o", doc="story", where="Idlib"), "Syrian Observatory for Human Rights"), 0, 60)
    lead = _at(mention("l", killed=(3, 3, 3), sources=("Courier",), doc="story", where="Aleppo"), 61, 100)
    # Another sentence (not an event report) lies between the lead and the one naming its source.
    told = _at(
        _with_source(mention("t", killed=(3, 3, 3), doc="story", where="Aleppo"), "Aleppo Police Command"), 160, 240
    )
    share_headline_chains([opening, lead, told])
    assert lead.chain.names() == ["Courier"]


def test_a_source_the_table_lacks_is_one_row_however_it_is_capitalised() -> None:
    event = derive_event(
        "ev1",
        [
            mention("a", killed=(4, 4, 4), sources=("Defense Ministry", "Courier")),
            mention("b", killed=(6, 6, 6), sources=("defense ministry", "Daily Post")),
        ],
    )
    rows = [(p.name, p.events, p.highest_figure, p.lowest_figure) for p in source_profiles([event], {})]
    assert ("Defense Ministry", 1, 1, 1) in rows
    assert not any(name == "defense ministry" for name, *_ in rows)


def test_a_next_sentence_giving_another_toll_keeps_its_own_chain() -> None:
    # "Strikes killed 12 in Idlib. The Observatory said 15 were killed.": the lead's 12 is not the Observatory's
    # figure, and the two stay apart for contradictions to set against each other.
    lead = _at(mention("l", killed=(12, 12, 12), sources=("Courier",), doc="story"), 61, 100)
    told = _at(
        _with_source(mention("t", killed=(15, 15, 15), doc="story"), "Syrian Observatory for Human Rights"), 101, 160
    )
    opening = _at(_with_source(mention("o", doc="story", where="Mosul"), "Nineveh Police Command"), 0, 60)
    share_headline_chains([opening, lead, told])
    assert lead.chain.names() == ["Courier"]
