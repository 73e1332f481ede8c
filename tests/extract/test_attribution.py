"""Attribution chains: originator first, publisher last, each source traced to its span."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution import (
    attribution_chain,
    canonical_outlet,
    canonical_source,
    document_chains,
    document_wire,
    source_category,
)
from sitrep.model import AttributionChain, Source
from sitrep.nlp import load_pipeline
from sitrep.nlp.patterns import outlet_patterns


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def chain_of(nlp: Language, text: str, publisher: str | None = "The Cradle", previous: AttributionChain | None = None):
    doc = nlp(text)
    sent = next(iter(doc.sents))
    return attribution_chain(sent, publisher, "doc.txt", previous)


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        # Seeds: unnamed sources relayed by an outlet, then the publisher.
        (
            "The reinforcements included weapons and equipment, sources told Al-Mayadeen on 29 April.",
            "The Cradle",
            ["unnamed sources", "Al Mayadeen", "The Cradle"],
        ),
        # The relay is the publisher itself: not repeated.
        (
            "The US forces are moving soldiers between bases in Hasakah, sources told Al Mayadeen on Saturday.",
            "Al Mayadeen English",
            ["unnamed sources", "Al Mayadeen"],
        ),
        (
            "Some 900 soldiers are currently stationed in Syria as per Pentagon claims.",
            "Al Mayadeen",
            ["Pentagon", "Al Mayadeen"],
        ),
        (
            "Foreign Policy had reported that the US was considering pulling out its forces from Syria.",
            "Al Mayadeen",
            ["Foreign Policy", "Al Mayadeen"],
        ),
        (
            "Washington has expressed no intention of withdrawing its forces from Syria.",
            "The Cradle",
            ["Washington", "The Cradle"],
        ),
        # Other conflicts and constructions.
        (
            "At least 30 people were killed in the strike on the market, according to the Syrian Observatory for Human "
            "Rights.",
            "AFP",
            ["Syrian Observatory for Human Rights", "AFP"],
        ),
        (
            "Two Israeli officials, speaking on condition of anonymity, told Reuters the operation in Rafah would "
            "expand.",
            "Times of Israel",
            ["unnamed sources", "Reuters", "Times of Israel"],
        ),
        (
            "Russian forces shelled Kharkiv overnight, killing three civilians, Governor Oleh Syniehubov said on "
            "Telegram.",
            "Kyiv Independent",
            ["Oleh Syniehubov", "Kyiv Independent"],
        ),
        (
            "The RSF stormed the village near El Fasher on Sunday, witnesses told Radio Dabanga.",
            "Sudan Tribune",
            ["witnesses", "Radio Dabanga", "Sudan Tribune"],
        ),
        (
            "Al-Shabaab fighters attacked a military base in Lower Shabelle, the militant group said in a statement.",
            "Garowe Online",
            ["militant group", "Garowe Online"],
        ),
        (
            "Myanmar's military carried out airstrikes on villages in Sagaing, killing at least 12 people, residents "
            "told The Irrawaddy.",
            "Myanmar Now",
            ["residents", "The Irrawaddy", "Myanmar Now"],
        ),
        # No attribution at all: just the publisher.
        (
            "The Ain al-Assad base in Iraq was also targeted with drones on 22 April.",
            "The Cradle",
            ["The Cradle"],
        ),
        # "claimed responsibility" is an event, not an attribution of the sentence.
        ("No group has since claimed responsibility for the attack.", "The Cradle", ["The Cradle"]),
    ],
)
def test_chain_names(nlp: Language, text: str, publisher: str, expected: list[str]) -> None:
    assert chain_of(nlp, text, publisher).names() == expected


def test_outlet_possessive_sources(nlp: Language) -> None:
    chain = chain_of(
        nlp,
        "According to Al Mayadeen's sources, the US occupation forces have been attacked around 100 times.",
        "Al Mayadeen English",
    )
    assert chain.names() == ["unnamed sources", "Al Mayadeen"]


def test_citing_puts_the_cited_source_first(nlp: Language) -> None:
    chain = chain_of(
        nlp, "Reuters, citing two security sources, reported that Houthi drones struck a tanker.", "The National"
    )
    assert chain.names() == ["unnamed sources", "Reuters", "The National"]


def test_sources_have_document_spans(nlp: Language) -> None:
    prefix = "Unrelated opening sentence about the weather. "
    text = prefix + "Hamas said the strike killed 20 people in Khan Younis, according to Al Jazeera."
    doc = nlp(text)
    sent = list(doc.sents)[-1]
    chain = attribution_chain(sent, "Middle East Eye", "gaza.txt")
    assert chain.names() == ["Hamas", "Al Jazeera", "Middle East Eye"]
    for source in chain.sources[:-1]:
        assert source.span is not None
        assert source.span.doc == "gaza.txt"
        assert text[source.span.start : source.span.end] == source.span.text
        assert source.span.start >= len(prefix)
    assert chain.sources[0].span is not None and chain.sources[0].span.text == "Hamas"
    assert chain.sources[-1].kind == "publisher"


def test_carry_over_the_sources_added(nlp: Language) -> None:
    previous = AttributionChain(
        [Source("unnamed sources", "unnamed"), Source("Al Mayadeen", "outlet"), Source("The Cradle", "publisher")]
    )
    chain = chain_of(
        nlp,
        "The sources went on to say that a withdrawal from Iraq must take place in parallel with Syria.",
        "The Cradle",
        previous,
    )
    assert chain.names() == ["unnamed sources", "Al Mayadeen", "The Cradle"]


def test_pronoun_speaker_takes_the_previous_speaker(nlp: Language) -> None:
    previous = AttributionChain([Source("Daniel Hagari", "official"), Source("Times of Israel", "publisher")])
    chain = chain_of(nlp, "He added that troops had destroyed three tunnel shafts.", "Times of Israel", previous)
    assert chain.names() == ["Daniel Hagari", "Times of Israel"]


def test_according_to_outlet_after_its_sources(nlp: Language) -> None:
    previous = AttributionChain(
        [Source("unnamed sources", "unnamed"), Source("Al Mayadeen", "outlet"), Source("The Cradle", "publisher")]
    )
    chain = chain_of(
        nlp, "More than 120 trucks arrived at the base this month, according to Al-Mayadeen.", "The Cradle", previous
    )
    assert chain.names() == ["unnamed sources", "Al Mayadeen", "The Cradle"]
    # Without that context it is the outlet's own report.
    assert chain_of(nlp, "More than 120 trucks arrived at the base this month, according to Al-Mayadeen.").names() == [
        "Al Mayadeen",
        "The Cradle",
    ]


def test_quotation_opened_before_its_attribution(nlp: Language) -> None:
    text = (
        "“The US began an additional reinforcement plan for its bases in Syria. "
        "The reinforcements included weapons and equipment,” sources told Al-Mayadeen on 29 April."
    )
    doc = nlp(text)
    first = next(iter(doc.sents))
    assert attribution_chain(first, "The Cradle", "d").names() == ["unnamed sources", "Al Mayadeen", "The Cradle"]


def test_document_chains_carry_attribution_across_sentences(nlp: Language) -> None:
    text = (
        "Sources told Al Mayadeen that US forces moved equipment to Hasakah. "
        "Baghdad and Washington have been discussing a time frame for the end of the mission. "
        "The sources added that more convoys were expected."
    )
    doc = nlp(text)
    chains = document_chains(doc.sents, "The Cradle", "d")
    assert [c.names() for c in chains] == [
        ["unnamed sources", "Al Mayadeen", "The Cradle"],
        ["The Cradle"],
        ["unnamed sources", "Al Mayadeen", "The Cradle"],
    ]


def test_no_publisher(nlp: Language) -> None:
    assert chain_of(nlp, "The ministry said 12 people were killed.", None).names() == ["ministry"]


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Al-Mayadeen", "Al Mayadeen"),
        ("al mayadeen", "Al Mayadeen"),
        ("Al Mayadeen English", "Al Mayadeen"),
        ("Agence France-Presse", "AFP"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("the Times of Israel", "Times of Israel"),
        ("Al-Masirah", "Al-Masirah"),
        ("Reuters'", "Reuters"),
        ("Kyiv Independent", "Kyiv Independent"),
    ],
)
def test_canonical_outlet(alias: str, canonical: str) -> None:
    assert canonical_outlet(alias) == canonical


def test_canonical_outlet_unknown_and_case_sensitive_acronyms() -> None:
    assert canonical_outlet("Some Village Blog") is None
    assert canonical_outlet("sana") is None  # "SANA" the agency, not a lower-case word
    assert canonical_outlet("SANA") == "SANA"


def test_outlet_patterns_make_outlets_org_entities() -> None:
    patterns = outlet_patterns()
    assert patterns
    assert all(p["label"] == "ORG" for p in patterns)
    ids = {p["id"] for p in patterns}
    assert {"Al Mayadeen", "Reuters", "Syrian Observatory for Human Rights", "Xinhua"} <= ids
    assert len(ids) >= 80
    sana = [p for p in patterns if p["id"] == "SANA" and isinstance(p["pattern"], list)]
    assert sana and sana[0]["pattern"] == [{"ORTH": "SANA"}]


@pytest.mark.parametrize(
    ("sentence", "originator"),
    [
        (
            "Five people were killed in the strike, the Palestinian Ministry of Health said.",
            "Palestinian Ministry of Health",
        ),
        (
            "Three fighters were killed in the clashes, the Britain-based war monitor said.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_named_bodies_keep_their_full_names(nlp: Language, sentence: str, originator: str) -> None:
    assert chain_of(nlp, sentence, "Wire").names()[0] == originator


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Iraqi News Agency (INA)", "INA"),  # the part outside the brackets is unknown, the part inside is known
        ("Anadolu Agency (AA)", "Anadolu Agency"),
        ("Reuters (wire)", "Reuters"),
        ("Agence d'Information du Burkina", "AIB"),
    ],
)
def test_canonical_outlet_reads_bracketed_names(name: str, canonical: str) -> None:
    assert canonical_outlet(name) == canonical


def test_canonical_outlet_bracketed_unknown() -> None:
    assert canonical_outlet("Some Village Blog (Kivu)") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not sources: an adjective on a statement, an abstract noun cited as a reason, a declared measure.
        ("The blast killed nine people, according to a preliminary count.", ["Wire"]),
        ("The junta announced a ban on demonstrations in the capital, citing the risk of unrest.", ["junta", "Wire"]),
        ("The president declared a curfew in the capital after the riots.", ["Wire"]),
        ("The rebels and the government announced a deal on Friday to exchange prisoners.", ["Wire"]),
        ("Two militias signed and announced an agreement that ends the siege of the town.", ["Wire"]),
        # A document is not a source: its issuer is, or nobody.
        ("A ministry statement said troops had retaken the town.", ["ministry", "Wire"]),
        ("Troops retook two villages, the bulletin added.", ["Wire"]),
        # The speaker is the phrase next to a sentence-final speech verb, not a far subject or a dateline.
        (
            "Two civilians were killed and five others wounded when shells hit a market in Toretsk, Donetsk "
            "Oblast, the regional prosecutor's office said.",
            ["regional prosecutor's office", "Wire"],
        ),
        (
            "BAMAKO, Mali — Gunmen killed seven soldiers at a checkpoint near the border on Sunday, military "
            "officials said.",
            ["military officials", "Wire"],
        ),
        # Descriptors before a proper name are not part of it.
        (
            "Peacekeepers repelled an attack on their base near Bunia, the UN peacekeeping mission MONUSCO said.",
            ["MONUSCO", "Wire"],
        ),
        (
            "The talks ended without agreement, Sudan's chief negotiator Omer Siddig said.",
            ["Omer Siddig", "Wire"],
        ),
        (
            "Russia's defence ministry said its forces had captured two villages.",
            ["Russian Ministry of Defence", "Wire"],
        ),
        # A country's possessive is read as part of the body's name.
        ("Mali's army said it had killed 20 militants near Gao.", ["Mali army", "Wire"]),
        # Members of a named group speak for the group; a bracketed acronym stays whole.
        ("Fighters of the Arakan Army said they had captured a border post.", ["Arakan Army", "Wire"]),
        (
            "Volunteers with the Sudanese Red Crescent said they had buried 40 bodies.",
            ["Sudanese Red Crescent", "Wire"],
        ),
        (
            "On Sunday, rebels of the Justice and Equality Movement (JEM) said they had seized a garrison.",
            ["Justice and Equality Movement (JEM)", "Wire"],
        ),
        # An outlet's unnamed correspondent speaks as the outlet.
        (
            "Three people were killed in the strike, Al Jazeera's correspondent reported.",
            ["Al Jazeera", "Wire"],
        ),
        (
            "The Press TV correspondent said three drones were shot down.",
            ["Press TV", "Wire"],
        ),
        # Bodies in the dictionary under a descriptive name.
        (
            "A vessel was hit by a projectile off Aden, the UK Maritime Trade Operations centre said.",
            ["UKMTO", "Wire"],
        ),
        # A first main clause that reports, before a semicolon.
        ("Villagers reported that gunmen burned the market; the police have not responded.", ["Villagers", "Wire"]),
        # Residents under their plain name.
        ("A resident of the village told Reuters that soldiers had opened fire.", ["residents", "Reuters", "Wire"]),
        ("Gunmen torched the market overnight, local residents said.", ["residents", "Wire"]),
    ],
)
def test_source_phrases(nlp: Language, text: str, expected: list[str]) -> None:
    assert chain_of(nlp, text, "Wire").names() == expected


def test_the_document_added_is_the_one_its_issuer_spoke_of(nlp: Language) -> None:
    text = (
        "The army said in a statement that it had repelled an attack near the border on Friday. "
        "Two soldiers were wounded in the fighting, the statement added."
    )
    chains = document_chains(nlp(text).sents, "Wire", "d")
    assert [c.names() for c in chains] == [["army", "Wire"], ["army", "Wire"]]


def test_a_with_clause_report_does_not_attribute_the_sentence(nlp: Language) -> None:
    # "with witnesses reporting gunfire": a report of a thing, not of a clause, speaks for that phrase only.
    text = "Clashes raged in the city on Friday, with witnesses reporting gunfire near the airport."
    assert chain_of(nlp, text, "Wire").names() == ["Wire"]


def test_one_of_a_group_of_sources_is_that_group() -> None:
    doc = load_pipeline()("The gunmen overran the checkpoint before withdrawing, one of the sources said.")
    assert document_chains(list(doc.sents), "Wire", "x")[0].names() == ["unnamed sources", "Wire"]


# --- the whole sentence and the document around it -------------------------------------------------------


def chains_of(nlp: Language, text: str, publisher: str = "Courier") -> list[list[str]]:
    doc = nlp(text)
    return [c.names() for c in document_chains(list(doc.sents), publisher, "doc.txt")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Text that has lost its commas: the speech tag at the end still names the speaker.
        (
            "Shelling killed six people in the old market of Tarsa the Syrian Observatory for Human Rights said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Government shelling hit two villages near Tarsa on Friday killing nine people the civil defence said.",
            "civil defence",
        ),
        ("Rockets struck the airport road in Tarsa overnight witnesses said.", "witnesses"),
        # A bracketed acronym before the verb, and what follows the verb as its own adjuncts (when, an aside).
        (
            "A truck bomb killed 14 people near Tarsa on Monday the Syrian Observatory for Human Rights (SOHR) said.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "A blast killed four people in the old market of Tarsa state television reported on Monday without giving "
            "further details.",
            "state television",
        ),
    ],
)
def test_a_trailing_speech_tag_names_the_speaker(nlp: Language, text: str, speaker: str) -> None:
    assert chains_of(nlp, text)[0][0] == speaker


def test_a_descriptor_is_the_monitor_the_document_names(nlp: Language) -> None:
    text = (
        "Air strikes killed 12 people in the village of Tarsa a monitoring group said. "
        "The Syrian Observatory for Human Rights said children were among the dead. "
        "The toll was expected to rise according to the monitor."
    )
    chains = chains_of(nlp, text)
    assert [c[0] for c in chains] == ["Syrian Observatory for Human Rights"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "The White Helmets dug through the night in Karsa. Strikes killed four volunteers at their centre in Tarsa"
        " the rescue service said on Saturday.",
        "Volunteers of the Syria Civil Defense worked through the night. A Syrian rescue service operating in the north"
        " said a helicopter dropped barrels on Tarsa.",
    ],
)
def test_the_rescue_service_is_the_civil_defence_the_document_names(nlp: Language, text: str) -> None:
    assert chains_of(nlp, text)[1] == ["White Helmets", "Courier"]


@pytest.mark.parametrize(
    "text",
    [
        "SANA carried a statement by the governor. Three people were wounded in Karsa the state-run news agency"
        " reported.",
        "SANA carried a statement by the governor. A car bomb killed four people in Tarsa the official Syrian news"
        " agency has reported.",
        "SANA carried a statement by the governor. The state news agency said several shells hit Tarsa.",
    ],
)
def test_the_state_news_agency_is_the_one_the_document_names(nlp: Language, text: str) -> None:
    assert chains_of(nlp, text)[1] == ["SANA", "Courier"]


def test_a_rescue_service_stays_as_written_when_the_document_names_none(nlp: Language) -> None:
    chains = chains_of(nlp, "Strikes killed four volunteers at their centre in Tarsa the rescue service said.")
    assert chains[0] == ["rescue service", "Courier"]


def test_a_descriptor_stays_as_written_when_the_document_names_no_such_source(nlp: Language) -> None:
    chains = chains_of(nlp, "Air strikes killed 12 people in the village of Tarsa a monitoring group said.")
    assert chains[0] == ["monitoring group", "Courier"]


@pytest.mark.parametrize(
    "text",
    [
        "Clashes killed four fighters near Tarsa the army said. - REUTERS",
        "Clashes near Tarsa kill four Monitor Reuters Sunday 12 Jun 2016 Clashes killed four fighters the army said.",
        "Clashes killed four fighters near Tarsa the army said. Source AFP Related News",
    ],
)
def test_a_wire_story_puts_its_agency_before_the_publisher(nlp: Language, text: str) -> None:
    first = chains_of(nlp, text)[0]
    assert first[-1] == "Courier" and first[-2] in {"Reuters", "AFP"}
    assert first[0] == "army"


def test_a_story_credited_to_another_outlet_puts_it_before_the_publisher(nlp: Language) -> None:
    text = "Army units killed 12 terrorists near Tarsa a military source said. Source SANA"
    assert chains_of(nlp, text)[0] == ["unnamed sources", "SANA", "Courier"]


def test_a_wire_s_staff_named_in_a_story_do_not_make_it_the_wire_s_copy(nlp: Language) -> None:
    # The gold coding rule: a wire is in every chain only when the story credits it. "An AFP photographer saw"
    # says AFP was there, not that the outlet ran AFP's copy.
    text = "Clashes killed four fighters near Tarsa the army said. An AFP photographer saw the bodies."
    assert chains_of(nlp, text)[0] == ["army", "Courier"]


def test_the_story_s_head_is_told_by_the_first_source_it_names(nlp: Language) -> None:
    text = (
        "Bomb blast kills six in Tarsa. "
        "A bomb blast killed six people in the old market of Tarsa state television reported on Monday. "
        "The market was rebuilt last year."
    )
    chains = chains_of(nlp, text)
    assert chains[0][0] == chains[1][0] == "state television"
    assert chains[2] == ["Courier"]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("military source", "unnamed sources"),
        ("civil sources", "unnamed sources"),
        ("a senior security source", "unnamed sources"),
        ("Syrian Arab News Agency", "SANA"),
        ("Tarsa Police", None),
    ],
)
def test_anonymous_sources_described_by_their_side_are_unnamed_sources(name: str, canonical: str | None) -> None:
    assert canonical_source(name) == canonical


def test_the_publisher_s_own_story_has_no_wire(nlp: Language) -> None:
    assert chains_of(nlp, "Clashes killed four fighters near Tarsa the army said. - REUTERS", "Reuters")[0] == [
        "army",
        "Reuters",
    ]


def test_sources_have_a_category_in_the_alias_table() -> None:
    assert source_category("Agence France-Presse") == "wire"
    assert source_category("SOHR") == "monitor"
    assert source_category("Syrian Arab News Agency") == "state_media"
    assert source_category("unnamed sources") == "unnamed"
    assert source_category("Nobody Known") is None


def test_an_unattributed_lead_takes_the_source_the_next_sentence_names(nlp: Language) -> None:
    text = (
        "At least 12 people were killed in air strikes on Tarsa on Monday. "
        "The Syrian Observatory for Human Rights said the strikes hit a market."
    )
    assert [c[0] for c in chains_of(nlp, text)] == ["Syrian Observatory for Human Rights"] * 2


def test_a_lead_followed_by_a_quotation_stays_the_publisher_s(nlp: Language) -> None:
    text = "At least 12 people were killed in air strikes on Tarsa on Monday. Ahmad Karim said he saw the jets."
    assert chains_of(nlp, text)[0] == ["Courier"]


def test_a_body_s_known_spokesperson_speaks_for_the_body(nlp: Language) -> None:
    text = "Shelling killed four people in Tarsa on Friday Rami Abdel Rahman said."
    assert chains_of(nlp, text)[0][0] == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Rami Abdulrahman", "Rami Abdel Rahman"),
        ("Abdurrahman", "Rami Abdel Rahman"),
        ("Major General Igor Konashenkov", "Igor Konashenkov"),
        ("Konashenkov", "Igor Konashenkov"),
        ("Ministry of Defence of Russia", "Russian Ministry of Defence"),
        ("Deutsche Presse-Agentur", "DPA"),
    ],
)
def test_spokespeople_and_bodies_have_one_canonical_name(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


def test_a_witness_speaking_anonymously_is_an_unnamed_source(nlp: Language) -> None:
    text = "An activist in Tarsa who spoke on condition of anonymity told Reuters that 30 men were shot."
    assert chains_of(nlp, text)[0][:2] == ["unnamed sources", "Reuters"]


def test_a_toll_claimed_by_shells_is_no_statement(nlp: Language) -> None:
    assert chains_of(nlp, "Rocket shells claim nine civilians in Tarsa.")[0] == ["Courier"]


# --- a closing outlet tag, the later of two names, a statement's issuer, a subject's own phrase -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers died in the blast, a source in the army said, Al Mayadeen reported.",
        # Without commas, and with a day between the two tags.
        "Four people were killed when rebels fired mortar shells on the old market of Tarsa a source in the "
        "provincial police said on Tuesday Al Mayadeen reported.",
    ],
)
def test_a_closing_outlet_tag_relays_the_speaker_before_it(nlp: Language, text: str) -> None:
    assert chains_of(nlp, text)[0] == ["unnamed sources", "Al Mayadeen", "Courier"]


def test_an_outlet_tag_alone_is_the_originator(nlp: Language) -> None:
    assert chains_of(nlp, "Shelling killed two people in Tarsa, SANA reported.")[0] == ["SANA", "Courier"]


def test_of_two_bodies_named_in_one_phrase_the_later_one_speaks(nlp: Language) -> None:
    # "the UN children's agency UNICEF": the phrase's head is the agency, not the UN.
    text = "Air strikes killed 12 children in Tarsa the UN childrens agency UNICEF said Wednesday."
    assert chains_of(nlp, text)[0] == ["UNICEF", "Courier"]


def test_according_to_data_from_a_body_is_that_body(nlp: Language) -> None:
    text = "According to data from the Migration Tracking Project, the raid followed two other raids that month."
    assert chains_of(nlp, text)[0] == ["Migration Tracking Project", "Courier"]


def test_the_last_words_of_the_subjects_own_phrase_are_not_the_speaker(nlp: Language) -> None:
    chains = chains_of(nlp, "Troops killed 13 fighters in the northern city a group tracking the violence said.")
    assert chains[0][0] != "violence"


def test_a_spokesperson_named_after_the_title_words_speaks_for_the_body(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights reported clashes in Tarsa. "
        "Director of the UK-based Observatory Rami Abdurrahman also stated that six raids targeted the court."
    )
    assert chains_of(nlp, text)[1] == ["Syrian Observatory for Human Rights", "Courier"]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("state television", "state media"),
        ("Ruritanian state-run TV", None),  # no such country: a description, not a state's media
        ("Syrian state television", "Syrian state media"),
        ("Syria's state-run TV", "Syrian state media"),
        ("Iranian official media", "Iranian state media"),
        ("Turkey's state-run news agency", "Turkish state media"),
        ("Press TV", "Press TV"),  # a named outlet keeps its name
    ],
)
def test_a_states_media_is_one_source(name: str, canonical: str | None) -> None:
    assert canonical_source(name) == canonical


def test_a_states_media_is_of_the_state_media_category() -> None:
    assert source_category("Syrian state media") == "state_media"


def test_an_armed_group_speaking_for_itself_is_of_the_armed_group_category() -> None:
    assert source_category("Islamic State") == "armed_group"


def test_the_group_again_is_the_body_that_spoke_last(nlp: Language) -> None:
    text = (
        "The Regional Observatory said 12 people were killed in Tarsa on Monday. "
        "The group added that four of them were children."
    )
    assert chains_of(nlp, text)[1] == ["Regional Observatory", "Courier"]


def test_an_outlets_name_inside_a_longer_name_is_not_that_outlet(nlp: Language) -> None:
    # "National" is an outlet's name ("The National") and a word of many others.
    chains = chains_of(nlp, "The toll reached 51 people a source at the Tarsa National Hospital said.")
    assert "The National" not in chains[0]


def test_a_place_after_a_preposition_is_not_the_speaker(nlp: Language) -> None:
    # "... a monitor and a journalist in the city said": "city" ends the run before the verb but is where they are.
    text = (
        "Warplanes bombarded the northern city of Tarsa on Friday targeting positions held by rebel forces a "
        "monitor and a journalist in the city said."
    )
    assert chains_of(nlp, text)[0][0] == "monitor"


def test_an_acronym_read_as_the_verb_is_still_the_speaker(nlp: Language) -> None:
    # "IS said": the tagger may take the group's acronym for "is" and the sentence for a passive.
    assert chains_of(nlp, "IS said its fighters had seized the town of Tarsa.")[0] == ["IS", "Courier"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An anonymous source inside a named body speaks for that body ...
        (
            "A source at Tarsa Police Command told SANA reporter that rebels shelled the market.",
            ["Tarsa Police Command", "SANA", "Courier"],
        ),
        ("A source in the Health Ministry said rockets hit the market.", ["Health Ministry", "Courier"]),
        # ... a source in a place, or in a one-word name the tagger may take for a body, names nobody.
        ("A military source in Damascus said rockets hit the market.", ["unnamed sources", "Courier"]),
        ("A source in Tarsa said rockets hit the market.", ["unnamed sources", "Courier"]),
        # "told reporters" is an audience; "told SANA reporter" is the agency's.
        ("The governor told reporters that rockets hit the market.", ["governor", "Courier"]),
    ],
)
def test_a_source_inside_a_named_body(nlp: Language, text: str, expected: list[str]) -> None:
    assert chains_of(nlp, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The rescue service, the Regional Civil Defence, said 22 people were killed.", "Regional Civil Defence"),
        # Without commas the parse hangs the name under the description.
        (
            "A team of first responders the Regional Civil Defence in Tarsa said 22 people were killed.",
            "Regional Civil Defence",
        ),
    ],
)
def test_a_description_followed_by_a_bodys_name_is_that_body(nlp: Language, text: str, speaker: str) -> None:
    assert chains_of(nlp, text)[0][0] == speaker


def test_what_a_described_source_does_is_not_its_name(nlp: Language) -> None:
    assert (
        chains_of(nlp, "A group that monitors the Tarsa Brigade said 22 people were killed.")[0][0] != "Tarsa Brigade"
    )


def test_the_coalition_is_the_us_led_coalition_the_story_names(nlp: Language) -> None:
    text = (
        "Air strikes by the U.S.-led coalition hit Tarsa overnight. "
        "The coalition said it had carried out two strikes near Tarsa on Monday."
    )
    assert chains_of(nlp, text)[1] == ["US-led coalition", "Courier"]
    assert canonical_source("US-led coalition") == canonical_source("U.S.-led coalition") == "US-led coalition"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Two shepherds were killed when a mine exploded near the hamlet of Karsa said the Regional Rights Monitor.",
            "Regional Rights Monitor",
        ),
        (
            "The militia took the hill while fighting raged in Tarsa said the Observatory which tracks the war.",
            "Observatory",
        ),
        ("The strike killed five herders, said the provincial governor.", "provincial governor"),
    ],
)
def test_a_speech_tag_with_its_speaker_after_the_verb_names_the_speaker(nlp: Language, text: str, speaker: str) -> None:
    assert chain_of(nlp, text).names() == [speaker, "The Cradle"]


@pytest.mark.parametrize(
    "text",
    [
        '"Four people died near the bus depot" a quarter home to many workers of the mayor Jan Kowal said Piotr Nowak.',
        '"We buried nine people on Sunday" a farmer from the village of the elder Tomas Varga said Piotr Nowak.',
    ],
)
def test_a_name_closing_an_inverted_speech_tag_is_the_speaker_not_a_name_before_it(nlp: Language, text: str) -> None:
    assert chain_of(nlp, text).names()[0] == "Piotr Nowak"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Shelling on the market in Karsa killed at least nine traders said the Regional Rights Monitor.",
            "Regional Rights Monitor",
        ),
        (
            "Mortar rounds hit the bus depot and wounded more than 40 commuters said the Syrian Observatory for"
            " Human Rights a watchdog opposed to Governor Jan Kowal.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_a_name_closing_an_inverted_tag_speaks_though_a_count_stands_before_the_verb(
    nlp: Language, text: str, speaker: str
) -> None:
    """The count before the verb ("nine traders") is what was said, and a person named in the speaker's
    description ("opposed to Governor Jan Kowal") is whom it describes."""
    assert chain_of(nlp, text).names()[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mortar rounds hit two quarters of Karsa the Regional Rights Monitor said blaming the attacks on the"
            " militia.",
            "Regional Rights Monitor",
        ),
        (
            "Four guards were wounded at the gate of the depot the Regional Rights Monitor said adding some of them"
            " were in a critical condition.",
            "Regional Rights Monitor",
        ),
    ],
)
def test_a_participle_after_a_closing_tag_keeps_the_tag_closing(nlp: Language, text: str, speaker: str) -> None:
    """What the speaker adds after the tag ("adding that ...", "blaming ...") does not stop the tag from closing
    the words before it."""
    assert chain_of(nlp, text).names()[0] == speaker


def test_a_name_said_before_the_end_is_not_an_inverted_speaker(nlp: Language) -> None:
    names = chain_of(nlp, "The governor Jan Kowal said the raid killed two guards.").names()
    assert names[0] == "Jan Kowal"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized the town and reported heavy losses.",
        "Gunmen stormed the post and claimed the hill above the river.",
    ],
)
def test_a_second_act_of_the_same_subject_is_no_inverted_speech_tag(nlp: Language, text: str) -> None:
    names = chain_of(nlp, text).names()
    assert names[0] in {"Rebels", "Gunmen"} and "heavy losses" not in names and "hill" not in names


@pytest.mark.parametrize(
    "text",
    [
        "Friday 3 Mar 2017 Shelling hits border villages for a second day AFP Artillery pounded villages near Tarsa "
        "on Friday the army said.",
        "Sunday 5 Mar 2017 Warplanes pound Karsa as clashes rage AP Warplanes pounded Karsa on Sunday the army said.",
    ],
)
def test_a_wire_standing_between_the_title_and_the_lead_is_the_story_s_credit(nlp: Language, text: str) -> None:
    first = chains_of(nlp, text)[-1]
    assert first[-1] == "Courier" and first[-2] in {"AFP", "Associated Press"}


@pytest.mark.parametrize(
    "text",
    [
        "Monday 6 Mar 2017 Herders killed near Tarsa A herder told AFP that four men were shot on Monday.",
        "Monday 6 Mar 2017 A soldier near a burnt truck in Tarsa (AFP photo) Four herders were shot on Monday.",
        "Monday 6 Mar 2017 Herders killed near Tarsa An AFP photographer saw four bodies on Monday.",
    ],
)
def test_a_wire_named_as_an_object_or_a_photo_credit_in_the_head_is_no_credit(text: str) -> None:
    assert document_wire(text, "Courier") is None


@pytest.mark.parametrize(
    "text",
    [
        "Militants Shell Border Villages Near Tarsa REUTERS Jane Doe Middle East 1130 06.03.2017 Shells hit three "
        "villages near Tarsa on Monday local media reported.",
        "Militants Shell Border Villages Near Tarsa AP Photo Karsa Residents Flee Shells hit three villages near "
        "Tarsa on Monday local media reported.",
    ],
)
def test_a_picture_s_credit_in_the_head_is_no_credit_of_the_story(text: str) -> None:
    # "REUTERS/Jane Doe" and "AP Photo/..." with their slashes lost sign a picture bought from the agency.
    assert document_wire(text, "Courier") is None


def test_a_wire_s_name_written_as_it_is_listed_stays_the_story_s_credit() -> None:
    text = "Militants Shell Border Villages Near Tarsa AP Shells hit three villages near Tarsa on Monday."
    wire = document_wire(text, "Courier")
    assert wire is not None and wire.name == "Associated Press"


def test_a_closing_credit_may_be_followed_by_a_short_signature(nlp: Language) -> None:
    text = "Clashes killed four fighters near Tarsa the army said. Thousands have fled the area AFP reported. KM 12"
    assert chains_of(nlp, text)[0] == ["army", "AFP", "Courier"]


def test_a_known_name_in_brackets_is_the_phrase_s_own_name(nlp: Language) -> None:
    text = (
        "Air strikes killed 12 children in a town in the north the United Nations children's agency (UNICEF) has said."
    )
    assert chain_of(nlp, text).names() == ["UNICEF", "The Cradle"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Clashes between two factions in the suburbs killed 40 fighters media reported Friday.", "unnamed sources"),
        ("Local media said five people died in the blast.", "unnamed sources"),
        ("State media reported the blast in Tarsa.", "State media"),
    ],
)
def test_media_no_name_or_state_is_given_for_are_unnamed_sources(nlp: Language, text: str, first: str) -> None:
    assert chain_of(nlp, text).names()[0] == first


@pytest.mark.parametrize("kind", ["the group", "the aid group", "the humanitarian organisation"])
def test_a_kind_of_body_is_the_one_body_the_story_names(nlp: Language, kind: str) -> None:
    text = (
        "The Union of Syrian Medical Relief Organisations (UOSSM) runs a clinic near Tarsa. "
        f"Two nurses were killed when a shell hit the clinic on Monday {kind} said."
    )
    assert chains_of(nlp, text)[1] == ["Union of Syrian Medical Relief Organisations", "Courier"]


def test_a_kind_of_body_stays_as_written_when_the_story_names_two_bodies(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights and UNICEF both reported the strike. "
        "Two nurses were killed when a shell hit the clinic on Monday the group said."
    )
    assert chains_of(nlp, text)[1][0] == "group"


def test_an_anonymous_source_inside_a_body_named_after_a_place_keeps_the_whole_name(nlp: Language) -> None:
    text = "Rockets hit two districts leaving 12 civilians dead a source at Tarsa Police Command told SANA."
    assert chain_of(nlp, text).names() == ["Tarsa Police Command", "SANA", "The Cradle"]


def test_according_to_reads_its_to_phrase_before_a_stray_phrase_of_the_parse(nlp: Language) -> None:
    text = (
        "On Sunday evening rebels sent a truck bomb into the western neighborhood according to the Twitter account "
        "of the Southern Front one of the factions fighting for the city."
    )
    assert chain_of(nlp, text).names() == ["Southern Front", "The Cradle"]


@pytest.mark.parametrize("act", ["a new campaign against a nearby town", "an offensive on the hills"])
def test_announcing_a_campaign_is_an_act_not_a_statement(nlp: Language, act: str) -> None:
    text = f"To the east a rebel alliance drove the militants out of the town on Saturday and announced {act}."
    assert chain_of(nlp, text).names() == ["The Cradle"]


def test_an_anonymous_source_at_a_body_who_told_an_agency_is_that_body_relayed_by_the_agency(nlp: Language) -> None:
    # The agency's all-capital name after "told" is whom the source told, not a second subject of the verb.
    text = (
        "A source at Tarsa Police Command told SANA that a bomb went off in a car near the market. "
        "The source added that two people died."
    )
    assert chains_of(nlp, text) == [["Tarsa Police Command", "SANA", "Courier"]] * 2


@pytest.mark.parametrize("opening", ["Earlier", "Later", "Meanwhile"])
def test_the_source_again_after_an_opening_adverb_is_the_source_before(nlp: Language, opening: str) -> None:
    # The parse hangs the sentence's opening adverb on "the source": it is not part of the phrase.
    text = (
        "A source at Tarsa Police Command told SANA that a bomb went off in a car near the market. "
        f"{opening} the source said a shell hit a school in the town."
    )
    assert chains_of(nlp, text)[1] == ["Tarsa Police Command", "SANA", "Courier"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In a statement to SANA a source at Tarsa Police Command said that rockets hit the market.",
            ["Tarsa Police Command", "SANA", "Courier"],
        ),
        ("Speaking to AFP a police official said that rockets hit the market.", ["police official", "AFP", "Courier"]),
        (
            "Talking to Reuters on Monday the governor said ten people died in the shelling.",
            ["governor", "Reuters", "Courier"],
        ),
    ],
)
def test_a_speaker_after_an_opening_phrase_is_the_speaker(nlp: Language, text: str, expected: list[str]) -> None:
    # Without its comma the opening phrase swallows the speaker as its object; the outlet it names is the relay.
    assert chains_of(nlp, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A source at Hama Governorate told SANA that a bomb went off near the market.", "Hama Governorate"),
        ("A source at Aleppo police command told SANA that a bomb went off near the market.", "Aleppo police command"),
    ],
)
def test_an_anonymous_source_at_an_institution_named_after_a_real_place_is_that_institution(
    nlp: Language, text: str, body: str
) -> None:
    # The tagger reads a known place's name as a place or an adjective; the institution's head word makes it a body.
    assert chains_of(nlp, text)[0] == [body, "SANA", "Courier"]


def test_the_sources_again_stay_anonymous(nlp: Language) -> None:
    text = "Sources told the Courier that a bomb went off near the market. The sources added that two people died."
    assert chains_of(nlp, text)[1][0] == "unnamed sources"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Regional Network for Human Rights said shells hit the market on Monday.",
            "Regional Network for Human Rights",
        ),
        ("Transit for Karsa told passengers that the line was closed after the blast.", "Transit for Karsa"),
    ],
)
def test_a_body_s_name_keeps_its_joining_word(nlp: Language, text: str, speaker: str) -> None:
    assert chains_of(nlp, text)[0][0] == speaker


def test_a_spokesman_for_a_body_is_not_the_body_s_name(nlp: Language) -> None:
    assert chains_of(nlp, "A spokesman for the Army said troops shelled the hills.")[0][0] == "spokesman"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Four deaths were reported by the rescuers after shells hit the market.", "rescuers"),
        ("The toll was confirmed by the regional health ministry on Monday.", "regional health ministry"),
    ],
)
def test_the_agent_of_a_passive_speech_verb_is_the_speaker(nlp: Language, text: str, speaker: str) -> None:
    assert chains_of(nlp, text)[0][0] == speaker


def test_a_claim_of_responsibility_in_the_passive_is_no_statement(nlp: Language) -> None:
    assert chains_of(nlp, "Responsibility for the blast was claimed by the Karsa Brigade.")[0] == ["Courier"]


def test_a_participle_describing_a_noun_is_no_speech_tag(nlp: Language) -> None:
    for text in (
        "The fighting is driving a large exodus of families estimated at over half of the town.",
        "The shelling is causing a wave of departures estimated at 40% of the residents.",
    ):
        assert chains_of(nlp, text)[0] == ["Courier"]


def test_a_quotation_over_several_sentences_is_its_speaker_s_throughout(nlp: Language) -> None:
    text = (
        'Jane Ode, the head of the clinic, said "The shelling went on all night. Two houses were destroyed. '
        'We fear more will die." Troops shelled the town again on Monday.'
    )
    chains = chains_of(nlp, text)
    assert chains[:3] == [["Jane Ode", "Courier"]] * 3
    assert chains[3] == ["Courier"]


def test_a_quotation_the_publisher_opens_is_nobody_s(nlp: Language) -> None:
    text = 'The minister called it "a crime. Nothing less." Troops shelled the town on Monday.'
    assert chains_of(nlp, text) == [["Courier"]] * 3


@pytest.mark.parametrize(
    "text",
    [
        "KARSA (Reuters) - Shells hit the market on Monday killing four people.",
        "Monday 6 Mar 2017 Shells kill four in Karsa. (reuters) - Shells hit the market on Monday killing four people.",
    ],
)
def test_an_agency_in_the_dateline_is_the_story_s_credit(text: str) -> None:
    wire = document_wire(text, "Courier")
    assert wire is not None and wire.name == "Reuters"


def test_a_photo_credit_in_brackets_is_no_dateline(nlp: Language) -> None:
    assert (
        document_wire("A soldier near a burnt truck (Reuters photo) Shells hit the market on Monday.", "Courier")
        is None
    )


def test_a_kind_of_body_based_in_a_country_is_the_one_body_the_story_names(nlp: Language) -> None:
    text = (
        "Human Rights Watch published a report on Tuesday. "
        "The U.S.-based rights group said shells hit the clinic in Karsa on Monday."
    )
    assert chains_of(nlp, text)[1] == ["Human Rights Watch", "Courier"]


def test_a_body_not_in_the_table_is_listed_without_its_acronym() -> None:
    assert canonical_source("Regional Network for Human Rights (RNHR)") == "Regional Network for Human Rights"
    assert canonical_source("Transit for Karsa (TfK)") == "Transit for Karsa"
    # A known body keeps its one canonical name; a bracketed word that is no acronym is left alone.
    assert canonical_source("Syrian Observatory for Human Rights (SOHR)") == "Syrian Observatory for Human Rights"
    assert canonical_source("Karsa Council (north)") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A source at Karsa police command said in a statement to SANA reporter that rockets hit the market.",
            ["Karsa police command", "SANA", "Courier"],
        ),
        ("A source at the Tarsa health directorate said two people died.", ["Tarsa health directorate", "Courier"]),
        # A town's name before a common noun that is no institution is a place: nobody named.
        ("A source in Karsa city said rockets hit the market.", ["unnamed sources", "Courier"]),
    ],
)
def test_an_institution_written_in_lower_case_after_its_place_is_the_body(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert chains_of(nlp, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Tarsa 24 monitoring group said the missile hit near a school.", "Tarsa 24"),
        ("According to the Karsa Voice media outlet 12 fighters were killed in Tarsa.", "Karsa Voice"),
        ("The Tarsa Media Center activist network said two people died in the shelling.", "Tarsa Media Center"),
        ("According to the Reuters news agency two people died in the shelling.", "Reuters"),
    ],
)
def test_a_name_before_the_words_for_its_kind_is_the_source(nlp: Language, text: str, source: str) -> None:
    assert chains_of(nlp, text)[0] == [source, "Courier"]


def test_a_kind_of_source_without_a_name_is_not_made_a_name(nlp: Language) -> None:
    assert chains_of(nlp, "A local monitoring group said two people died in the shelling.")[0][0] != "local"


@pytest.mark.parametrize(
    "text",
    [
        "The Ruritanian rights group said shells hit the clinic.",
        "The French monitoring group said shells hit the clinic.",
    ],
)
def test_where_a_body_is_from_is_not_its_name(nlp: Language, text: str) -> None:
    assert chains_of(nlp, text)[0][0] not in {"Ruritanian", "French"}


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("witness", "witnesses"), ("a witness", "witnesses"), ("witnesses", "witnesses"), ("residents", "residents")],
)
def test_a_kind_of_witness_has_one_name(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


def test_a_country_s_word_before_a_body_s_generic_name_makes_it_that_country_s_body(nlp: Language) -> None:
    text = "The Turkish General Staff said in a statement that 14 militants were killed near Tarsa."
    assert chains_of(nlp, text)[0][0] != "Ukrainian Armed Forces General Staff"
    assert chains_of(nlp, "The General Staff said 14 drones were shot down overnight.")[0][0] == (
        "Ukrainian Armed Forces General Staff"
    )


# --- joined speakers, an acronym's bare possessive, kinds of speakers with a place, statements as their maker -----


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "A blast killed nine people in Tarsa the Syrian Observatory for Human Rights and medics said.",
            ["Syrian Observatory for Human Rights", "Courier"],
        ),
        (
            "A bomber killed 30 people at a market in Karsa a medical source and witnesses said.",
            ["unnamed sources", "Courier"],
        ),
    ],
)
def test_of_two_speakers_joined_in_a_trailing_tag_the_first_is_the_originator(
    nlp: Language, text: str, chain: list[str]
) -> None:
    assert chains_of(nlp, text)[0] == chain


def test_a_place_before_a_joined_tag_is_not_a_speaker(nlp: Language) -> None:
    assert chains_of(nlp, "Shelling hit Tarsa and Marea residents said.")[0][0] != "Tarsa"


def test_an_acronym_s_possessive_without_its_apostrophe_is_the_acronym(nlp: Language) -> None:
    text = "Meanwhile SANAs correspondent reported that rescuers pulled six bodies from the rubble in Tarsa."
    assert chains_of(nlp, text)[0] == ["SANA", "Courier"]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("activists in Karsa", "activists"),
        ("residents of Tarsa", "residents"),
        ("local and media sources", "unnamed sources"),
        ("media reports", "unnamed sources"),
        ("SOHR figures", "Syrian Observatory for Human Rights"),
        ("official figures", None),  # an adjective says nothing of who made them
        ("Turkish army", "Turkish Armed Forces"),
        ("Turkish General Staff", "Turkish Armed Forces"),
        ("the UK-based observatory", "Syrian Observatory for Human Rights"),
    ],
)
def test_one_source_under_its_descriptions(name: str, canonical: str | None) -> None:
    assert canonical_source(name) == canonical


def test_a_state_s_body_named_by_its_capital_is_that_body(nlp: Language) -> None:
    text = (
        "Air strikes killed 40 fighters near Tarsa over the past day, the defence ministry in Moscow said. "
        "A command post was destroyed in Karsa, the ministry said."
    )
    assert [c[0] for c in chains_of(nlp, text)] == ["Russian Ministry of Defence"] * 2


def test_a_generic_ministry_without_its_state_is_no_listed_body(nlp: Language) -> None:
    text = "Air strikes killed 40 fighters near Tarsa, the defence ministry said."
    assert chains_of(nlp, text)[0][0] != "Russian Ministry of Defence"


def test_an_act_of_violence_is_no_speaker(nlp: Language) -> None:
    assert chains_of(nlp, "The sustained airstrikes add pressure on the fighters in Tarsa.")[0] == ["Courier"]


def test_a_listed_name_after_the_words_for_its_kind_is_the_source(nlp: Language) -> None:
    # Text without commas: the parse takes the name for the subject of what follows.
    text = "According to Lebanese paramilitary group Hezbollah more than 30 fighters were killed near Tarsa."
    assert chains_of(nlp, text)[0] == ["Hezbollah", "Courier"]


def test_a_body_s_short_name_reads_as_the_body_a_story_names(nlp: Language) -> None:
    text = (
        "The Syrian Coalition condemned the raids on Tarsa. "
        "Jets hit a market in Tarsa killing nine, the Coalition said."
    )
    assert chains_of(nlp, text, publisher="Etilaf")[1] == ["Etilaf"]


def test_a_short_name_alone_names_no_listed_body(nlp: Language) -> None:
    text = "Jets hit a market in Tarsa killing nine, the Coalition said."
    assert chains_of(nlp, text)[0][0] not in {"Etilaf", "US-led coalition"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reported_in_a_subordinate_clause: nothing frames the sentence; the subordinate speaker tells its news.
        (
            "Houses burned in the village while the district council said nine people had died.",
            ["district council", "Wire"],
        ),
        ("Fighters stormed a checkpoint that the governor says killed four guards.", ["governor", "Wire"]),
        (
            "Shelling continued on the edge of the town, where residents said several houses were hit.",
            ["residents", "Wire"],
        ),
    ],
)
def test_a_speaker_in_a_subordinate_clause_speaks_for_an_untagged_sentence(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert chain_of(nlp, text, "Wire").names() == expected


def test_a_subordinate_report_does_not_override_the_sentences_own_tag(nlp: Language) -> None:
    text = "Houses burned in the village where residents said nine people had died, the army said."
    assert chain_of(nlp, text, "Wire").names()[0] == "army"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phrase_opens_at_its_article: a count the parse hung on the speaker is not part of its name.
        (
            "Shells killed 3 people on Friday and wounded at least 40 a local monitor said in the third attack.",
            ["local monitor", "Wire"],
        ),
        # A day before a speaker says when it spoke.
        ("Separately Monday police chief said his men arrested two suspects.", ["police chief", "Wire"]),
        # A person's name after the words describing them is the source.
        (
            "Dozens were killed in shelling on the town leading rights activist Ahmad Yassin said on Friday.",
            ["Ahmad Yassin", "Wire"],
        ),
    ],
)
def test_a_trailing_speaker_is_named_without_the_words_run_into_it(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert chain_of(nlp, text, "Wire").names() == expected


def test_a_listed_body_named_after_a_kind_of_witness_is_that_body(nlp: Language) -> None:
    # "Without" in title case belongs to the name; the body is not "medics".
    assert chain_of(nlp, "Doctors Without Borders said 12 people were killed in the strike.", "Wire").names() == [
        "Médecins Sans Frontières",
        "Wire",
    ]


def test_a_sentence_final_tag_the_parse_read_as_a_participle_still_speaks(nlp: Language) -> None:
    # A listed outlet right before a sentence-final "reported" is its speaker, whatever noun the parse hung it on.
    text = "Rebels lost 9 fighters in an attack on their positions in Tarsa SANA news agency reported on Sunday."
    assert chain_of(nlp, text, "Wire").names() == ["SANA", "Wire"]


def test_a_participle_describing_a_thing_is_not_a_speech_tag(nlp: Language) -> None:
    text = "The town saw an exodus of its residents estimated at 70 percent."
    assert chain_of(nlp, text, "Wire").names() == ["Wire"]


def test_a_person_the_speakers_are_named_after_is_not_the_speaker(nlp: Language) -> None:
    # "Relatives of X said": the speakers are the relatives, not X.
    text = "Relatives of Omar Haddad said he was killed by a sniper."
    assert chain_of(nlp, text, "Wire").names() == ["Relatives of Omar Haddad", "Wire"]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("opposition activists", "activists"),
        ("Syrian activists", "activists"),
        ("local residents", "residents"),
        ("activists in eastern Tarsa", "activists"),
    ],
)
def test_a_kind_of_witness_described_by_its_side_or_place_is_listed_as_the_kind(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


def test_a_named_body_of_witnesses_keeps_its_name() -> None:
    assert canonical_source("Tarsa Media Center activists") is None


@pytest.mark.parametrize("name", ["Russian military", "Russia's military", "Russias military"])
def test_a_name_a_body_speaks_under_is_listed_as_that_body(name: str) -> None:
    assert canonical_source(name) == "Russian Ministry of Defence"


def test_a_speaking_name_is_not_read_as_a_source_in_running_text(nlp: Language) -> None:
    # "the Russian military struck": the armed forces act; only as a speaker is the name the ministry's.
    doc = nlp("The Russian military struck positions near Tarsa on Monday.")
    assert not any(ent.ent_id_ == "Russian Ministry of Defence" for ent in doc.ents)


def test_a_name_with_its_kind_words_that_is_listed_is_that_source(nlp: Language) -> None:
    # "the Firat news agency": the listed name is "Firat News Agency", not the bare "Firat".
    text = "According to the Firat news agency, the fighters advanced two miles on Monday."
    assert chain_of(nlp, text, "Wire").names() == ["Firat News Agency", "Wire"]


@pytest.mark.parametrize(
    "text",
    [
        # capitals_dateline_credit: no dash after the bracket, a reporter named in it, after a standfirst sentence.
        "Shells kill four in Karsa. Rebels blamed the army for the attack on the market. "
        "KARSA Tarsa (The Associated Press Jane Doe) Shells hit the market on Monday killing four people.",
        "Shells kill four in Karsa. KARSA March 6 (AP) Shells hit the market on Monday killing four people.",
    ],
)
def test_an_agency_in_brackets_after_a_capitals_dateline_is_the_story_s_credit(text: str) -> None:
    wire = document_wire(text, "Courier")
    assert wire is not None and wire.name == "Associated Press"


def test_a_gloss_in_brackets_after_an_acronym_is_no_dateline() -> None:
    assert document_wire("Shells hit the market. The UN (United Nations) said aid was blocked.", "Courier") is None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        # A state's forces speaking as a source are one source under the actor name a coder gives them.
        ("Military Forces of Turkey", "Turkish Armed Forces"),
        ("Military Forces of Israel", "Israel Defense Forces"),
        ("Syrian army", "Military Forces of Syria"),
        ("Syrias military", "Military Forces of Syria"),
        # A state's broadcaster under its several names is one source.
        ("Syrian TV", "Syrian state media"),
        ("Syrian National Television", "Syrian state media"),
        ("Syrian state television", "Syrian state media"),
        # A country's possessive, with or without its apostrophe, names the body as the country's people do.
        ("Syrias opposition", "Syrian opposition"),
        ("Iraq's opposition", "Iraqi opposition"),
        ("Russias defence ministry", "Russian Ministry of Defence"),
    ],
)
def test_one_source_under_the_names_coders_and_texts_give_it(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


@pytest.mark.parametrize(
    ("text", "full_name"),
    [
        (
            "Local activist Karim al-Masri told the Courier that shells hit the market on Monday. "
            "Masri added that two children were wounded in the old quarter.",
            "Karim al-Masri",
        ),
        (
            '"Shells hit the market" local activist Ahmed Saleh told the Courier. '
            "Saleh added that two children were wounded in the old quarter.",
            "Ahmed Saleh",
        ),
    ],
)
def test_a_person_named_in_full_and_then_by_surname_is_one_source(nlp: Language, text: str, full_name: str) -> None:
    assert chains_of(nlp, text)[1][0] == full_name


def test_an_outlet_s_trailing_tag_citing_its_source_keeps_both(nlp: Language) -> None:
    text = "Air strikes on two villages killed nine farmers the Courier Times reported Monday citing a local source."
    assert chain_of(nlp, text, publisher="Herald").names() == ["unnamed sources", "Courier Times", "Herald"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The civil defence and the health ministry said mortar fire on the market killed four people.",
            ["civil defence", "health ministry", "Courier"],
        ),
        (
            "The Red Crescent and local officials said the convoy was hit twice.",
            ["Red Crescent", "local officials", "Courier"],
        ),
        # One speaker: the "and" joins what is said, not who says it.
        ("The ministry said troops and police sealed off the district.", ["ministry", "Courier"]),
    ],
)
def test_coordinated_speakers_each_say_it(nlp: Language, text: str, expected: list[str]) -> None:
    assert chain_of(nlp, text, "Courier").names() == expected


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("local sources", "unnamed sources"),
        ("local sources in Karsa", "unnamed sources"),
        ("security sources", "unnamed sources"),
        # A statement's noun still names its maker, and locals are residents.
        ("SOHR figures", "Syrian Observatory for Human Rights"),
        ("locals", "residents"),
    ],
)
def test_sources_are_speakers_not_statements(name: str, canonical: str) -> None:
    assert canonical_source(name) == canonical


@pytest.mark.parametrize(
    "name",
    ["the Syrian government", "Syria's government", "Syrias government", "Government of Syria", "government of syria"],
)
def test_a_state_government_has_one_name(name: str) -> None:
    assert canonical_source(name) == "Government of Syria"


@pytest.mark.parametrize("name", ["local government", "transitional government", "the government"])
def test_a_government_without_its_country_is_not_a_state_government(name: str) -> None:
    assert canonical_source(name) is None or not str(canonical_source(name)).startswith("Government of")
