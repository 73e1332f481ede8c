"""Grouping the sentences of one document that report the same incident."""

from __future__ import annotations

import datetime as dt

from sitrep.model import ActorRole, DateInterval, Document, Mention, Place, PlaceMention, Span
from sitrep.resolve.coreference import group_document_mentions, mark_headline, share_incident_places
from sitrep.resolve.similarity import mention_places
from tests.resolve.resolve_fixtures import mention, place

IDLIB_PROVINCE = Place("test:idlib-province", "Idlib", "SY", 35.8, 36.6, "admin1", admin1="Idlib")
ALEPPO_PROVINCE = Place("test:aleppo-province", "Aleppo", "SY", 36.2, 37.2, "admin1", admin1="Aleppo")


def placed(mention_id: str, where: str, role: str = "location", place: Place | None = None) -> Mention:
    """A strike in doc "d" on the fixtures' day, at a town of Idlib province (or at ``place``)."""
    m = mention(mention_id, where=where if place is None else "Idlib", doc="d")
    town = m.places[0].place
    assert town is not None
    town.admin1 = "Idlib"
    m.places = [PlaceMention(where, Span("d", 0, 0), role, place or town)]
    return m


def test_two_sentences_that_each_name_a_different_nearby_town_are_two_incidents() -> None:
    # Saraqib is 17 km from Idlib: near enough to be one incident by distance, but each sentence names its own town.
    groups = group_document_mentions([placed("a", "Saraqib"), placed("b", "Idlib")])
    assert len(groups) == 2


def test_a_sentence_with_an_inherited_place_joins_the_incident_it_restates() -> None:
    groups = group_document_mentions([placed("a", "Saraqib"), placed("b", "Idlib", role="context")])
    assert len(groups) == 1


def test_a_town_and_the_province_it_lies_in_are_one_place() -> None:
    inside = group_document_mentions([placed("a", "Saraqib"), placed("b", "Idlib", place=IDLIB_PROVINCE)])
    outside = group_document_mentions([placed("a", "Saraqib"), placed("b", "Aleppo", place=ALEPPO_PROVINCE)])
    assert (len(inside), len(outside)) == (1, 2)


def test_a_village_the_gazetteer_lacks_is_not_the_town_another_sentence_names() -> None:
    village = placed("a", "Saraqib")
    village.places = [PlaceMention("Kafr Nabudah", Span("d", 0, 0))]
    assert len(group_document_mentions([village, placed("b", "Idlib")])) == 2


def test_a_definite_description_restates_the_incident_reported_before_it() -> None:
    # "A US drone strike killed ... on Wednesday" then "The strike set the car ablaze": one incident, although
    # the second sentence's trigger reads as a different sub-type and carries no day of its own.
    first = placed("a", "Idlib")
    first.sub_event_type = "Air/drone strike"
    later = placed("b", "Idlib", role="context")
    later.sub_event_type, later.restates = "Shelling/artillery/missile attack", True
    later.date = DateInterval(dt.date(2024, 3, 8), dt.date(2024, 3, 11), "approximate")
    assert len(group_document_mentions([first, later])) == 1


def test_a_definite_description_far_from_the_earlier_incident_is_its_own() -> None:
    first = placed("a", "Idlib")
    later = placed("b", "Goma")
    later.restates = True
    assert len(group_document_mentions([first, later])) == 2


def test_an_inherited_place_far_away_does_not_keep_a_restatement_apart() -> None:
    # "The reinforcements arrived at Kharab al-Jir" after a sentence that inherited an unrelated Damascus.
    named = placed("a", "Idlib")
    guessed = placed("b", "Aleppo", role="context")  # 55 km away
    assert len(group_document_mentions([named, guessed])) == 1


def test_a_site_tens_of_km_from_a_town_is_not_part_of_its_incident() -> None:
    # Rockets fired at the Bab al-Hawa crossing and a strike on Idlib city, 30 km apart: two incidents.
    crossing = Place("test:bab-al-hawa", "Bab al-Hawa crossing", "SY", 36.23, 36.66, "site", admin1="Idlib")
    air_base = Place("test:abu-duhur", "Abu al-Duhur air base", "SY", 35.73, 37.05, "site", admin1="Idlib")
    town_of_air_base = Place("test:abu-duhur-town", "Abu al-Duhur", "SY", 35.75, 37.00, "town", admin1="Idlib")
    far = group_document_mentions([placed("a", "Bab al-Hawa crossing", place=crossing), placed("b", "Idlib")])
    near = group_document_mentions(
        [placed("a", "Abu al-Duhur air base", place=air_base), placed("b", "Abu al-Duhur", place=town_of_air_base)]
    )
    assert (len(far), len(near)) == (2, 1)


def unplaced(mention_id: str, event_type: str = "Explosions/Remote violence", text: str = "") -> Mention:
    """A sentence of doc "d" naming neither a place nor a day of its own (its date carried from the lead)."""
    m = mention(mention_id, event_type=event_type, where=None, doc="d", text=text)
    m.sentence = Span("d", 100 * len(mention_id), 100 * len(mention_id) + 50, text)
    return m


def test_the_toll_and_the_wounded_told_after_the_lead_join_its_incident_whatever_their_type() -> None:
    # "Air strikes hit Saraqib on Sunday." / "Twelve civilians were killed." / "Dozens were also wounded."
    lead = placed("a", "Saraqib")
    toll = unplaced("bb", event_type="Violence against civilians")
    wounded = unplaced("ccc", event_type="Battles")
    assert len(group_document_mentions([lead, toll, wounded])) == 1


def test_a_report_naming_another_day_of_its_own_is_another_incident() -> None:
    lead = placed("a", "Saraqib")
    lead.sentence = Span("d", 50, 90, "Air strikes hit Saraqib on Sunday.")
    lead.date = DateInterval(dt.date(2024, 3, 10), dt.date(2024, 3, 10), "day", Span("d", 76, 82))
    earlier = unplaced("bb")
    earlier.date = DateInterval(dt.date(2024, 3, 8), dt.date(2024, 3, 8), "day", Span("d", 205, 211))
    assert len(group_document_mentions([lead, earlier])) == 2


def test_days_carried_from_other_sentences_are_no_evidence_of_two_incidents() -> None:
    # "Saturday began quietly. Gunmen raided the village. On Sunday the monitor gave its account: eight people
    # died." Neither report's sentence names a day; each took the day of a sentence before it, so the two days say
    # nothing of these two reports (carried_dates_are_no_evidence).
    raid = unplaced("bb")
    raid.date = DateInterval(dt.date(2024, 3, 9), dt.date(2024, 3, 9), "day", Span("d", 120, 128))
    toll = unplaced("ccc")
    toll.date = DateInterval(dt.date(2024, 3, 10), dt.date(2024, 3, 10), "day", Span("d", 260, 266))
    assert len(group_document_mentions([raid, toll])) == 1


def test_a_day_named_by_a_report_keeps_apart_a_day_carried_to_another() -> None:
    lead = placed("a", "Saraqib")
    lead.sentence = Span("d", 50, 90, "Air strikes hit Saraqib on Sunday.")
    lead.date = DateInterval(dt.date(2024, 3, 10), dt.date(2024, 3, 10), "day", Span("d", 76, 82))
    later = unplaced("ccc")
    later.date = DateInterval(dt.date(2024, 3, 8), dt.date(2024, 3, 8), "day", Span("d", 260, 266))
    assert len(group_document_mentions([lead, later])) == 2


def test_a_protest_is_not_the_battle_the_article_reports() -> None:
    battle = placed("a", "Saraqib")
    battle.event_type = "Battles"
    rally = unplaced("bb", event_type="Protests")
    assert len(group_document_mentions([battle, rally])) == 2


def test_a_text_turning_elsewhere_starts_another_incident() -> None:
    lead = unplaced("a", text="Air strikes killed nine people in a town in the north.")
    other = placed("bb", "Idlib")
    other.sentence = Span("d", 300, 360, "Elsewhere, shelling killed two in Idlib.")
    same = placed("ccc", "Idlib")
    same.sentence = Span("d", 400, 460, "Shelling killed two in Idlib.")
    assert len(group_document_mentions([lead, other])) == 2
    assert len(group_document_mentions([unplaced("a"), same])) == 1


def test_a_report_naming_only_the_province_takes_the_town_of_its_incident() -> None:
    # "Strikes killed 47 in Idlib province" then "The raids hit the town of Saraqib": the event is at Saraqib.
    lead = placed("a", "Idlib", place=IDLIB_PROVINCE)
    town = placed("bb", "Saraqib")
    share_incident_places([lead, town])
    assert [p.name for p in mention_places(lead)][:1] == ["Saraqib"]


def test_a_turn_to_another_incident_may_come_a_few_words_in() -> None:
    lead = unplaced("a", text="Air strikes killed nine people in a town in the north.")
    turned = unplaced("bb", text="In the south meanwhile, gunmen killed two farmers.")
    assert len(group_document_mentions([lead, turned])) == 2


def _in_quarter(mention_id: str, quarter: str, sentence: str) -> Mention:
    """A report of doc "d" whose sentence names ``quarter`` (a part of a town the gazetteer lacks) and Idlib city."""
    m = placed(mention_id, "Idlib")
    m.places = [PlaceMention(quarter, Span("d", 0, 0)), *m.places]
    m.sentence = Span("d", 100 * len(mention_id), 100 * len(mention_id) + len(sentence), sentence)
    return m


def test_acts_in_two_named_quarters_of_one_town_are_two_incidents() -> None:
    # distinct_quarters: a city's roundup tells each quarter's act apart ("Rockets fell on the Karam neighbourhood of
    # Idlib" / "Snipers wounded a man in the al-Jadida quarter of Idlib"): quarters do not overlap, so two places, as
    # ACLED codes a big city's quarters. (Until session 12 the town's parts were one place; the real-text gold codes
    # each quarter's act as its own incident.)
    first = _in_quarter("a", "the Karam neighbourhood", "Rockets fell on the Karam neighbourhood of Idlib.")
    second = _in_quarter("bb", "the al-Jadida quarter", "Snipers wounded a man in the al-Jadida quarter of Idlib.")
    assert len(group_document_mentions([first, second])) == 2


def test_one_quarter_named_again_or_a_quarter_only_described_is_the_same_place() -> None:
    # "the Karam neighbourhood" / "Karam district" name one quarter; "a rebel-held neighbourhood" only describes one.
    first = _in_quarter("a", "the Karam neighbourhood", "Rockets fell on the Karam neighbourhood of Idlib.")
    again = _in_quarter("bb", "Karam district", "Rescuers pulled two bodies from rubble in Karam district of Idlib.")
    described = _in_quarter("ccc", "a rebel-held neighbourhood", "The rockets hit a rebel-held neighbourhood of Idlib.")
    assert len(group_document_mentions([first, again])) == 1
    assert len(group_document_mentions([first, described])) == 1


def test_a_second_attack_told_as_such_is_another_incident() -> None:
    # another_act_told: "A second rocket attack hit a house ...", "Other air strikes hit ..." turn to a further act;
    # "A second man died of his wounds" counts the toll of the act told.
    lead = placed("a", "Saraqib")
    for text, incidents in (
        ("A second rocket attack hit a house, killing three brothers.", 2),
        ("Other air strikes also hit two villages, residents said.", 2),
        ("A second man died of his wounds in hospital.", 1),
        ("The other victims were taken to a clinic.", 1),
    ):
        told = unplaced("bb", text=text)
        assert len(group_document_mentions([lead, told])) == incidents, text


def test_an_arrest_told_with_a_place_of_its_own_is_its_own_incident() -> None:
    # "Gunmen shot dead a council member in Saraqib." / "Police also arrested four men near Aleppo." An arrest with
    # no place or day of its own ("Police arrested a suspect.") goes on telling the shooting.
    shooting = placed("a", "Saraqib")
    shooting.event_type = "Violence against civilians"
    arrest_elsewhere = placed("bb", "Aleppo")
    arrest_elsewhere.event_type, arrest_elsewhere.sub_event_type = "Strategic developments", "Arrests"
    arrest = unplaced("ccc", event_type="Strategic developments")
    arrest.sub_event_type = "Arrests"
    assert len(group_document_mentions([shooting, arrest_elsewhere])) == 2
    assert len(group_document_mentions([shooting, arrest])) == 1


def test_another_strike_near_the_first_is_another_incident() -> None:
    # "An air strike on a house in Idlib killed 14." / "Another strike hit a tent in Saraqib, west of the city."
    first = placed("a", "Idlib")
    second = placed("bb", "Saraqib", place=IDLIB_PROVINCE)  # a place the first one's nests: near enough to share
    second.sentence = Span("d", 300, 360, "Another strike hit a tent in Saraqib, west of the city.")
    assert len(group_document_mentions([first, second])) == 2


def test_a_headline_joins_the_lead_incident_whatever_its_shortened_place() -> None:
    # "Rebels attack Kurd town, 17 dead" / "Militants stormed Tal Qarqas near Ras Nabi on Friday, killing 17.": the
    # headline's "Kurd town" is a shortened place, not a second incident.
    headline = placed("a", "Idlib")
    headline.places = [PlaceMention("Kurd town", Span("d", 22, 31))]
    headline.sentence = Span("d", 0, 36, "Rebels attack Kurd town, 17 dead.")
    headline.headline = True
    body = placed("bb", "Saraqib")
    body.sentence = Span("d", 40, 110, "Militants stormed Tal Qarqas near Ras Nabi on Friday, killing 17.")
    groups = group_document_mentions([headline, body])
    assert [[m.id for m in g] for g in groups] == [["a", "bb"]]


def test_a_headline_of_another_kind_of_act_stays_its_own_incident() -> None:
    # "Thousands march in Saraqib" over a body that tells an air strike: a protest is not the strike.
    headline = placed("a", "Saraqib")
    headline.event_type = "Protests"
    headline.sentence = Span("d", 0, 30, "Thousands march in Saraqib.")
    headline.headline = True
    body = placed("bb", "Saraqib")
    body.sentence = Span("d", 40, 90, "An air strike hit the town of Saraqib on Friday.")
    assert len(group_document_mentions([headline, body])) == 2


def _reports_triggered_by(text: str, words: tuple[str, str]) -> list[Mention]:
    """Two reports (in Idlib, in Saraqib) whose triggers are the given words of the text."""
    reports = [placed("a", "Idlib"), placed("bb", "Saraqib")]
    for report, word in zip(reports, words, strict=True):
        at = text.index(word)
        report.trigger = Span("d", at, at + len(word), word)
    return reports


def test_a_report_from_the_title_the_text_opens_with_is_a_headline() -> None:
    text = "Mon 4 Mar 2024 Rebels attack Kurd town, 17 dead. Militants stormed Tal Qarqas on Friday, killing 17."
    document = Document(name="d", content_hash="h", text=text, title="Rebels attack Kurd town, 17 dead")
    reports = _reports_triggered_by(text, ("attack", "stormed"))
    mark_headline(reports, document)
    assert [r.headline for r in reports] == [True, False]
    untitled = Document(name="d", content_hash="h", text=text, title="Seventeen die in raid")
    mark_headline(reports, untitled)
    assert [r.headline for r in reports] == [False, False]


def _said(m: Mention, at: int, sentence: str, day: dt.date, words: str) -> Mention:
    """``m`` told by ``sentence`` at offset ``at`` of its document, dated ``day`` by ``words`` in that sentence."""
    m.sentence = Span("d", at, at + len(sentence), sentence)
    where = at + sentence.index(words)
    m.date = DateInterval(day, day, "day", Span("d", where, where + len(words), words))
    return m


def test_a_day_told_as_tonight_in_a_statement_is_not_another_day_than_the_day_the_article_names() -> None:
    # "US strikes on Saturday killed 20 in Tarsa" then a statement issued on Sunday: "the strikes tonight were ...".
    saturday, sunday = dt.date(2024, 3, 9), dt.date(2024, 3, 10)
    lead = _said(
        placed("a", "Idlib"), 100, "Air strikes on Saturday killed 20 people in the town.", saturday, "Saturday"
    )
    quote = _said(
        placed("b", "Idlib", role="context"), 200, '"The strikes tonight hit depots," it said.', sunday, "tonight"
    )
    assert len(group_document_mentions([lead, quote])) == 1


def test_two_days_each_named_by_the_article_are_two_incidents() -> None:
    saturday, sunday = dt.date(2024, 3, 9), dt.date(2024, 3, 10)
    first = _said(
        placed("a", "Idlib"), 100, "Air strikes on Saturday killed 20 people in the town.", saturday, "Saturday"
    )
    second = _said(
        placed("b", "Idlib", role="context"), 200, "On Sunday morning shells hit the town.", sunday, "Sunday morning"
    )
    assert len(group_document_mentions([first, second])) == 2


def test_an_area_the_gazetteer_lacks_is_no_evidence_of_another_place() -> None:
    # "Strikes hit Saraqib" then "the victims lived in the al-Hamra area": the area may lie in the town.
    area = placed("b", "Saraqib")
    area.places = [PlaceMention("the al-Hamra area", Span("d", 0, 0))]
    assert len(group_document_mentions([placed("a", "Saraqib"), area])) == 1


def test_a_village_the_gazetteer_lacks_may_lie_in_the_province_another_sentence_names() -> None:
    village = placed("a", "Saraqib")
    village.places = [PlaceMention("Kafr Dubbin", Span("d", 0, 0))]
    province = placed("b", "Idlib", place=IDLIB_PROVINCE)
    assert len(group_document_mentions([village, province])) == 1


def test_a_possessive_with_its_apostrophe_lost_names_the_same_town() -> None:
    # Texts stripped of apostrophes: "the raids targeted Saraqibs court house".
    possessive = placed("b", "Saraqib")
    possessive.places = [PlaceMention("Saraqibs", Span("d", 0, 0))]
    assert len(group_document_mentions([placed("a", "Saraqib"), possessive])) == 1


def test_an_attack_on_civilians_and_an_air_strike_at_one_place_are_one_act_told_two_ways() -> None:
    # "Planes targeted the wells where villagers gathered in Idlib" / "The air strike on Idlib killed 18 civilians".
    crowd = placed("a", "Idlib")
    crowd.event_type = "Violence against civilians"
    crowd.sentence = Span("d", 0, 40, "Planes targeted the wells in Idlib.")
    strike = placed("b", "Idlib")
    strike.sentence = Span("d", 41, 80, "The air strike on Idlib killed 18.")
    assert len(group_document_mentions([crowd, strike])) == 1


def test_a_clash_and_a_strike_that_each_name_their_place_are_two_acts() -> None:
    # "Rebels clashed with troops in Idlib" / "Shelling hit Idlib": a battle and a shelling, as ACLED codes them.
    clash = placed("a", "Idlib")
    clash.event_type = "Battles"
    clash.sentence = Span("d", 0, 40, "Rebels clashed with troops in Idlib.")
    strike = placed("b", "Idlib")
    strike.sentence = Span("d", 41, 80, "Shelling hit Idlib.")
    assert len(group_document_mentions([clash, strike])) == 2


def _told(m: Mention, at: int, sentence: str, trigger: str, day: dt.date, words: str) -> Mention:
    """``m`` told by ``sentence`` at offset ``at``, its trigger ``trigger``, dated ``day`` by ``words`` in it."""
    m = _said(m, at, sentence, day, words)
    where = at + sentence.index(trigger)
    m.trigger = Span("d", where, where + len(trigger), trigger)
    return m


def test_a_toll_told_with_its_own_place_and_day_is_no_other_kind_of_act() -> None:
    # "On Friday air strikes on Saraqib killed 25." / "On Friday the town's best-known commander was killed." The
    # toll's trigger reads as a clash, but it only counts a victim of the strike.
    friday = dt.date(2024, 3, 8)
    strike = _told(
        placed("a", "Saraqib"), 100, "On Friday air strikes on Saraqib killed 25.", "strikes", friday, "Friday"
    )
    toll = _told(placed("b", "Saraqib"), 200, "On Friday the Saraqib commander was killed.", "killed", friday, "Friday")
    toll.event_type = "Battles"
    assert len(group_document_mentions([strike, toll])) == 1


def test_a_killing_by_a_named_actor_is_an_act_of_its_own_kind() -> None:
    # "Rebels killed a commander in Saraqib on Friday" names who killed: a clash, not the strike's toll.
    friday = dt.date(2024, 3, 8)
    strike = _told(
        placed("a", "Saraqib"), 100, "On Friday air strikes on Saraqib killed 25.", "strikes", friday, "Friday"
    )
    act = _told(
        placed("b", "Saraqib"), 200, "On Friday rebels killed a commander in Saraqib.", "killed", friday, "Friday"
    )
    act.event_type = "Battles"
    act.actors = [ActorRole("actor1", "Rebels", "Rebel groups", Span("d", 210, 216, "rebels"))]
    assert len(group_document_mentions([strike, act])) == 2


def _naming(m: Mention, at: int, sentence: str, name: str, place: Place | None) -> Mention:
    m.sentence = Span("d", at, at + len(sentence), sentence)
    where = at + sentence.index(name)
    m.places = [PlaceMention(name, Span("d", where, where + len(name)), "location", place)]
    return m


def test_a_speaker_and_where_a_speaker_is_are_no_places_of_another_incident() -> None:
    # "A bomber struck a wedding in Saraqib." / "A hospital source in Idlib city said 20 were dead." / "A witness named
    # Idlib ..." (a person the gazetteer reads as a town): the speakers' names and places keep nothing apart.
    lead = placed("a", "Saraqib")
    town = lead.places[0].place
    idlib = placed("z", "Idlib").places[0].place
    lead = _naming(lead, 0, "A bomber struck a wedding in Saraqib.", "Saraqib", town)
    source = _naming(placed("b", "Idlib"), 100, "A hospital source in Idlib city said 20 were dead.", "Idlib", idlib)
    witness = _naming(placed("c", "Idlib"), 200, "A witness named Idlib saw the bomber.", "Idlib", idlib)
    quoted = _naming(placed("d", "Idlib"), 300, "Idlib said the bomber came by car.", "Idlib", idlib)
    assert len(group_document_mentions([lead, source, witness, quoted])) == 1
    assert mention_places(source) == mention_places(witness) == mention_places(quoted) == []
    elsewhere = _naming(placed("e", "Idlib"), 400, "Shells also hit a school in Idlib city.", "Idlib", idlib)
    assert len(group_document_mentions([lead, elsewhere])) == 2


def test_a_place_only_described_is_no_evidence_of_another_place() -> None:
    # "Militants attacked a mainly Kurdish town on Friday." / "The assault on Saraqib was repelled.": the description
    # may be the town the next sentence names.
    described = placed("a", "Saraqib")
    described.places = [PlaceMention("a mainly Kurdish town", Span("d", 0, 0))]
    named = placed("b", "Saraqib")
    assert len(group_document_mentions([described, named])) == 1


def test_a_statement_dated_the_day_after_the_act_is_not_another_day() -> None:
    # day_of_the_telling: "Air strikes hit the town on Saturday" then "In a statement issued early Sunday, the
    # coalition said it had carried out 12 strikes": the Sunday is the statement's day, not the strikes'.
    saturday, sunday = dt.date(2024, 3, 9), dt.date(2024, 3, 10)
    lead = _said(placed("a", "Idlib"), 100, "Air strikes hit the town on Saturday.", saturday, "Saturday")
    statement = _said(
        placed("b", "Idlib"),
        200,
        "In a statement issued early Sunday, the coalition said it had carried out 12 strikes.",
        sunday,
        "Sunday",
    )
    assert len(group_document_mentions([lead, statement])) == 1


def test_an_act_dated_the_day_after_another_is_another_incident_when_no_one_tells_it() -> None:
    # Without a word of telling before it, "on Sunday" dates the act: two days, two incidents.
    saturday, sunday = dt.date(2024, 3, 9), dt.date(2024, 3, 10)
    first = _said(placed("a", "Idlib"), 100, "Air strikes hit the town on Saturday.", saturday, "Saturday")
    second = _said(placed("b", "Idlib"), 200, "More strikes hit the town on Sunday.", sunday, "Sunday")
    assert len(group_document_mentions([first, second])) == 2


def test_a_statement_dated_before_the_act_does_not_tell_it() -> None:
    # An act is told of on its day or later: "said on Friday" one day before a strike on Saturday is no slip.
    friday, saturday = dt.date(2024, 3, 8), dt.date(2024, 3, 9)
    strike = _said(placed("a", "Idlib"), 100, "Air strikes hit the town on Saturday.", saturday, "Saturday")
    earlier = _said(placed("b", "Idlib"), 200, "Shells hit the town, the monitor said on Friday.", friday, "Friday")
    assert len(group_document_mentions([strike, earlier])) == 2


def test_circumstances_told_with_an_incident_are_not_another_kind_of_act() -> None:
    # told_with_an_incident: "Two suicide bombers struck a checkpoint in Saraqib on Friday" then "the bombers pulled
    # up at the checkpoint in a car" (read as a strategic development of sub-type Other): one incident.
    bombing = placed("a", "Saraqib")
    bombing.sentence = Span("d", 0, 60, "Two suicide bombers struck a checkpoint in Saraqib on Friday.")
    circumstance = placed("b", "Saraqib", role="context")
    circumstance.event_type, circumstance.sub_event_type = "Strategic developments", "Other"
    circumstance.sentence = Span("d", 70, 130, "The bombers pulled up at the checkpoint in a car.")
    assert len(group_document_mentions([bombing, circumstance])) == 1
    agreement = placed("c", "Saraqib", role="context")
    agreement.event_type, agreement.sub_event_type = "Strategic developments", "Agreement"
    agreement.sentence = Span("d", 140, 190, "The factions signed a truce.")
    assert len(group_document_mentions([bombing, agreement])) == 2


def test_a_part_of_the_town_told_as_of_the_city_lies_in_the_town_the_article_names() -> None:
    # part_of_the_town_told: "Bombs hit a checkpoint in Saraqib" then "the blasts in the al-Nour neighbourhood of the
    # city": the neighbourhood is the town's. Named alone ("the al-Nour neighbourhood") it may be any town's.
    told = placed("b", "Saraqib")
    told.places = [PlaceMention("the al-Nour neighbourhood of the city", Span("d", 0, 0))]
    alone = placed("c", "Saraqib")
    alone.places = [PlaceMention("the al-Nour neighbourhood", Span("d", 0, 0))]
    assert len(group_document_mentions([placed("a", "Saraqib"), told])) == 1
    assert len(group_document_mentions([placed("a", "Saraqib"), alone])) == 2


def test_a_country_named_in_an_aside_is_no_evidence_of_another_country() -> None:
    # country_in_an_aside: "Militants (banned in Russia) attacked the village" and "civilians fled to Turkey" name a
    # country that is not where the act was; "strikes in Turkey" is.
    turkey = Place("test:turkey", "Turkey", "TR", 39.0, 35.0, "country")
    lead = placed("a", "Saraqib")
    for text, apart in (
        ("The attack sparked an exodus of civilians to Turkey.", False),
        ("Militants of a group (banned in Turkey) attacked the village.", False),
        ("Artillery in Turkey shelled the village.", True),
    ):
        other = placed("b", "Saraqib", role="context")
        other.sentence = Span("d", 100, 100 + len(text), text)
        at = 100 + text.index("Turkey")
        other.places = [PlaceMention("Turkey", Span("d", at, at + len("Turkey")), "location", turkey)]
        assert (len(group_document_mentions([lead, other])) == 2) is apart, text


def test_a_time_the_gazetteer_holds_a_village_of_is_no_place_of_the_sentence() -> None:
    # time_not_place: "on Monday, the first day of Ramadan" is no village named Ramadan far from the market town.
    far_village = Place("test:ramadan", "Ramadan", "SY", 36.9, 40.7, "town", admin1="Hasakah")
    lead = placed("a", "Saraqib")
    dated = placed("b", "Saraqib")
    dated.places = [PlaceMention("Ramadan", Span("d", 0, 0), "location", far_village)]
    assert len(group_document_mentions([lead, dated])) == 1


def test_a_part_of_a_town_in_a_sentence_set_in_that_town_is_judged_as_the_town() -> None:
    # part_of_the_town_in_context: "Barrel bombs hit Saraqib on Sunday" then "the bombs hit the al-Nour neighbourhood"
    # (the text before sets the sentence in Saraqib): one incident. Set in Idlib city, 17 km away, it is another one.
    lead = placed("a", "Saraqib")
    for context, incidents in (("Saraqib", 1), ("Idlib", 2)):
        part = placed("b", "Saraqib")
        part.places = [
            PlaceMention(context, Span("d", 0, 0), "context", placed("x", context).places[0].place),
            PlaceMention("the al-Nour neighbourhood", Span("d", 0, 0)),
        ]
        assert len(group_document_mentions([lead, part])) == incidents


def test_names_read_again_after_a_report_is_told_anew() -> None:
    # Each report's names are remembered between candidates; a report whose sentence or places change (a rerun of
    # extraction or geocoding) is read again, not answered from memory.
    from sitrep.resolve.coreference import distinct_written_places

    def shelled(report: Mention, village: str) -> Mention:
        sentence = f"Army artillery shelled {village} in Idlib province on Sunday."
        report.sentence = Span(report.doc, 0, len(sentence), sentence)
        report.places = [PlaceMention("Idlib province", Span(report.doc, 0, 0), place=place("Idlib", "admin1"))]
        return report

    first = shelled(mention("a", where=None), "Tell Abyad Saghir")
    second = shelled(mention("b", where=None), "Kafr Hamra")
    assert distinct_written_places([first], [second])
    assert distinct_written_places([first], [second])  # the same answer from memory
    shelled(second, "Tell Abyad Saghir")
    assert not distinct_written_places([first], [second])
    shelled(second, "Kafr Hamra")
    assert distinct_written_places([first], [second])


def test_a_speakers_name_gives_the_incident_no_town() -> None:
    # "Strikes killed 47 in Idlib province." / "A witness named Ahmad described the blast.": the gazetteer holds a
    # village Ahmad in the province, but the name is the witness's, so the lead stays placed in the province.
    lead = placed("a", "Idlib", place=IDLIB_PROVINCE)
    lead.sentence = Span("d", 0, 36, "Strikes killed 47 in Idlib province.")
    text = "A witness named Ahmad described the blast."
    witness = placed("bb", "Saraqib")
    witness.sentence = Span("d", 100, 100 + len(text), text)
    at = 100 + text.index("Ahmad")
    village = Place("test:ahmad", "Ahmad", "SY", 35.7, 36.7, "town", admin1="Idlib")
    witness.places = [PlaceMention("Ahmad", Span("d", at, at + len("Ahmad")), "location", village)]
    share_incident_places([lead, witness])
    assert [p.name for p in mention_places(lead)] == ["Idlib"]


def test_a_province_that_locates_a_town_does_not_make_it_another_towns_incident() -> None:
    # "Rebels advanced in Saraqib in Idlib province." / "Troops shelled Idlib city.": the province only says where
    # Saraqib lies; the towns the two sentences name are two places, so two incidents. A sentence naming only the
    # province ("Troops shelled Idlib province.") may tell the advance.
    advance = placed("a", "Saraqib")
    advance.places.append(PlaceMention("Idlib province", Span("d", 0, 0), "location", IDLIB_PROVINCE))
    town = placed("bb", "Idlib")
    province = placed("ccc", "Idlib", place=IDLIB_PROVINCE)
    assert len(group_document_mentions([advance, town])) == 2
    assert len(group_document_mentions([advance, province])) == 1


def _sentence_naming(mention_id: str, at: int, text: str, places: list[tuple[str, Place]]) -> Mention:
    """A report of doc "d" whose sentence ``text`` starts at ``at`` and names each place where the text writes it."""
    m = placed(mention_id, "Idlib")
    m.sentence = Span("d", at, at + len(text), text)
    m.places = []
    for name, where in places:
        start = at + text.index(name)
        m.places.append(PlaceMention(name, Span("d", start, start + len(name)), "location", where))
    return m


def test_a_town_placed_by_its_distance_from_another_is_not_that_towns_incident() -> None:
    # distance_locates: "Sarmin, about 8 km (5 miles) north of Saraqib": Saraqib only says where Sarmin is, so the raid
    # on Sarmin is not the strike on Saraqib the article led with.
    saraqib = Place("test:Saraqib", "Saraqib", "SY", 35.86, 36.80, "town", admin1="Idlib")
    sarmin = Place("test:sarmin", "Sarmin", "SY", 35.90, 36.72, "town", admin1="Idlib")
    lead = _sentence_naming("a", 0, "Air strikes on Saraqib killed 20 people.", [("Saraqib", saraqib)])
    text = "Air raids on Sarmin, about 8 km (5 miles) north of Saraqib, killed six others."
    other = _sentence_naming("bb", 100, text, [("Sarmin", sarmin), ("Saraqib", saraqib)])
    assert len(group_document_mentions([lead, other])) == 2


def test_a_quarter_of_the_city_told_is_no_town_of_another_incident() -> None:
    # "Two suicide bombers struck a checkpoint in Saraqib." / "Dozens were hurt in the blasts in the Al-Nour
    # neighbourhood of the city.": the quarter the gazetteer lacks lies in the town told, whatever its capitals.
    lead = placed("a", "Saraqib")
    quarter = placed("b", "Saraqib")
    quarter.places = [PlaceMention("the Al-Nour neighbourhood of the city", Span("d", 0, 0))]
    area = placed("c", "Saraqib")
    area.places = [PlaceMention("the Al-Hamra area", Span("d", 0, 0))]
    assert len(group_document_mentions([lead, quarter])) == 1
    assert len(group_document_mentions([lead, area])) == 1


def test_where_the_attackers_were_or_the_wounded_were_taken_is_no_place_of_another_incident() -> None:
    # place_of_another_role: "Shells hit Saraqib." / "The shells were fired by militants positioned in the village of
    # Sarmin." / "The wounded were evacuated to Idlib city." / "Fighters loyal to Idlib stormed it.": where
    # the attackers stood, where the wounded went and whose government a force serves do not say where the act was.
    saraqib = placed("a", "Saraqib")
    town = saraqib.places[0].place
    sarmin = Place("test:sarmin", "Sarmin", "SY", 35.90, 36.72, "town", admin1="Idlib")
    idlib = placed("z", "Idlib").places[0].place
    lead = _naming(saraqib, 0, "Shells hit Saraqib on Monday.", "Saraqib", town)
    origin = _naming(
        placed("b", "Idlib"),
        100,
        "The shells were fired by militants positioned in the village of Sarmin.",
        "Sarmin",
        sarmin,
    )
    hospital = _naming(placed("c", "Idlib"), 200, "The wounded were evacuated to Idlib city.", "Idlib", idlib)
    loyal = _naming(placed("d", "Idlib"), 300, "Fighters loyal to Idlib stormed the market.", "Idlib", idlib)
    assert len(group_document_mentions([lead, origin, hospital, loyal])) == 1
    # Named with no other place, such a place still places the report; beside another it gives way.
    assert [p.name for p in mention_places(hospital)] == ["Idlib"]
    both = _naming(placed("e", "Idlib"), 400, "Shells hit Saraqib, fired from Sarmin.", "Saraqib", town)
    both.places.append(
        PlaceMention("Sarmin", Span("d", 400 + both.sentence.text.index("Sarmin"), 435), "location", sarmin)
    )
    assert [p.name for p in mention_places(both)] == ["Saraqib"]
    # A town the act is told at, not only where someone was, still keeps another incident apart.
    struck = _naming(placed("f", "Idlib"), 500, "Another shell struck Sarmin, killing two.", "Sarmin", sarmin)
    assert len(group_document_mentions([lead, struck])) == 2


def test_a_place_the_geocoder_marked_as_where_fire_came_from_is_no_place_of_another_incident() -> None:
    # "Shells hit Saraqib." / "The barrage came from Sarmin, residents said.": no cue word of place_of_another_role
    # stands before Sarmin, but the geocoder marked it the fire's origin; resolution reads that role, not the words.
    saraqib = placed("a", "Saraqib")
    town = saraqib.places[0].place
    sarmin = Place("test:sarmin", "Sarmin", "SY", 35.90, 36.72, "town", admin1="Idlib")
    lead = _naming(saraqib, 0, "Shells hit Saraqib on Monday.", "Saraqib", town)
    origin = _naming(placed("b", "Idlib"), 100, "The barrage came from Sarmin, residents said.", "Sarmin", sarmin)
    assert len(group_document_mentions([lead, origin])) == 2
    origin.places[0].role = "origin"
    assert len(group_document_mentions([lead, origin])) == 1


def test_a_village_on_the_edge_of_a_province_s_seat_may_be_the_city_s_incident() -> None:
    # city_outskirts: "A bomber struck a wedding in the city of Hasakah" / "The bomber blew himself up in a hall in Tell
    # Hamid village": a village 7 km from the city its province is named after is its outskirts, so the two
    # sentences may tell one incident; two villages 7 km apart, neither a city, are two places.
    city = Place("test:hasakah", "Hasakah", "SY", 36.500, 40.750, "town", admin1="Hasakah")
    edge = Place("test:tell-hamid", "Tell Hamid", "SY", 36.563, 40.750, "town", admin1="Hasakah")
    other = Place("test:tell-nasri", "Tell Nasri", "SY", 36.437, 40.750, "town", admin1="Hasakah")
    groups = group_document_mentions([placed("a", "Hasakah", place=city), placed("b", "Tell Hamid", place=edge)])
    assert len(groups) == 1
    groups = group_document_mentions([placed("a", "Tell Nasri", place=other), placed("b", "Tell Hamid", place=edge)])
    assert len(groups) == 2


def _done_by(m: Mention, doer: str, kind: str, sentence: str) -> Mention:
    """``m`` told by ``sentence``, its doer ``doer`` (an actor of kind ``kind``) named by the text."""
    m.actors = [ActorRole("actor1", doer, kind, Span("d", m.sentence.start, m.sentence.start + len(doer)))]
    m.sentence = Span("d", m.sentence.start, m.sentence.start + len(sentence), sentence)
    return m


def test_strikes_by_the_two_sides_of_a_war_are_two_acts() -> None:
    # doers_of_two_sides: "Government jets bombed the town on Friday." / "Rebel rockets killed four in the city."
    raids = _done_by(unplaced("a"), "Government forces", "State forces", "Government jets bombed the town on Friday.")
    rockets = _done_by(unplaced("bb"), "Rebels", "Rebel groups", "Rebel rockets killed four in the city.")
    assert len(group_document_mentions([raids, rockets])) == 2


def test_one_side_told_twice_and_a_battle_of_two_sides_are_one_incident() -> None:
    raids = _done_by(unplaced("a"), "Government forces", "State forces", "Government jets bombed the town on Friday.")
    again = _done_by(unplaced("bb"), "Government forces", "State forces", "Government jets hit a school too.")
    attack = _done_by(unplaced("a", "Battles"), "Rebels", "Rebel groups", "Rebels stormed an army post on Friday.")
    repelled = _done_by(unplaced("bb", "Battles"), "Government forces", "State forces", "Troops repelled them.")
    assert len(group_document_mentions([raids, again])) == 1
    assert len(group_document_mentions([attack, repelled])) == 1


def _without_doer(m: Mention, sentence: str, word: str) -> Mention:
    """``m`` told by ``sentence``, its trigger ``word`` there; no doer named."""
    m.sentence = Span("d", m.sentence.start, m.sentence.start + len(sentence), sentence)
    at = m.sentence.start + sentence.index(word)
    m.trigger = Span("d", at, at + len(word), word)
    m.actors = []
    return m


def test_a_toll_of_the_other_sides_fire_is_another_act_though_its_doer_is_only_a_word_before_the_fire() -> None:
    # doer_by_its_modifier: after "Government jets bombed the town on Friday.", a toll that names its doer only as the
    # word before an attack noun ("in opposition shelling") or whose trigger is that noun ("Insurgent rocket fire
    # ...") tells the other side's act; the same toll of the jets' raid, or of both sides' fire, joins it.
    raids = _done_by(unplaced("a"), "Government forces", "State forces", "Government jets bombed the town on Friday.")
    for sentence, word, incidents in (
        ("Five were killed in opposition shelling on the loyalist side of the town.", "killed", 2),
        ("Insurgent rocket fire hit a bakery across the river.", "fire", 2),
        ("Five were killed in army shelling on the rebel side of the town.", "killed", 1),
        ("Government shelling and rebel fire killed five across the front.", "killed", 1),
    ):
        toll = _without_doer(unplaced("bb"), sentence, word)
        assert len(group_document_mentions([raids, toll])) == incidents, sentence


def test_the_word_before_the_attack_noun_names_its_doer_over_a_doer_misread() -> None:
    # "Rebel shelling killed two in the west of the city": the modifier of the trigger is the doer, whatever the
    # actor reading took for it; a verb's doer is not the force named right before it ("the army depot killing").
    raids = _done_by(unplaced("a"), "Government forces", "State forces", "Government jets bombed the town on Friday.")
    misread = _done_by(
        unplaced("bb"), "Government forces", "State forces", "Rebel shelling killed two in the west of the city."
    )
    at = misread.sentence.start + misread.sentence.text.index("shelling")
    misread.trigger = Span("d", at, at + len("shelling"), "shelling")
    assert len(group_document_mentions([raids, misread])) == 2
    bomb = _done_by(unplaced("a"), "Rebels", "Rebel groups", "Rebels set off a truck bomb on Friday.")
    verb = _without_doer(unplaced("bb"), "It went off by the army depot killing five.", "killing")
    assert len(group_document_mentions([bomb, verb])) == 1


def test_a_definite_description_joins_the_act_of_its_kind_not_the_act_told_last() -> None:
    # definite_description_of_its_kind: "Jets struck Saraqib on Sunday." / "A car bomb went off in Idlib." /
    # "The strikes also destroyed a bakery.": the strikes are the jets' raid, though the bomb was told last; an
    # indefinite report ("Strikes destroyed a bakery.") goes on with the incident told last.
    raid, bomb = placed("a", "Saraqib"), placed("bb", "Idlib")
    raid.sub_event_type, bomb.sub_event_type = "Air/drone strike", "Remote explosive/landmine/IED"
    for sentence, restates, with_the_raid in (
        ("The strikes also destroyed a bakery.", True, True),
        ("Strikes destroyed a bakery.", False, False),
    ):
        more = _without_doer(unplaced("ccc"), sentence, "destroyed")
        more.sub_event_type, more.restates = "Air/drone strike", restates
        groups = group_document_mentions([raid, bomb, more])
        assert any(raid in g and more in g for g in groups) == with_the_raid, sentence


def test_a_definite_description_naming_a_town_nearby_restates_its_incident() -> None:
    # restated_near: "A car bomb killed eight in Idlib." / "The bomb struck Saraqib's northern edge" (17 km off):
    # the definite description tells the bomb told; a sentence naming Saraqib without one tells another act, and so
    # does a definite description 55 km off.
    lead = placed("a", "Idlib")
    restated = placed("bb", "Saraqib")
    restated.restates = True
    far = placed("bb", "Aleppo", place=place("Aleppo"))
    far.restates = True
    assert len(group_document_mentions([lead, restated])) == 1
    assert len(group_document_mentions([lead, placed("bb", "Saraqib")])) == 2
    assert len(group_document_mentions([lead, far])) == 2


def test_a_page_title_with_section_and_site_names_marks_the_headline_the_text_opens_with() -> None:
    text = "Rebels attack Kurd town 17 dead Monitor AFP Militants stormed Tal Qarqas on Friday, killing 17."
    document = Document(name="d", content_hash="h", text=text, title="Rebels attack Kurd town 17 dead Monitor - World")
    reports = _reports_triggered_by(text, ("attack", "stormed"))
    mark_headline(reports, document)
    assert [r.headline for r in reports] == [True, False]


def _saying(mention_id: str, sentence: str, places: list[tuple[str, Place | None]]) -> Mention:
    """A report of doc "d" whose sentence is ``sentence`` and names each of ``places`` where it writes it."""
    report = placed(mention_id, "Idlib")
    start = 100 * len(mention_id)
    report.sentence = Span("d", start, start + len(sentence), sentence)
    report.places = []
    for name, where in places:
        at = start + sentence.index(name)
        report.places.append(PlaceMention(name, Span("d", at, at + len(name)), "location", where))
    return report


def test_a_quarter_named_by_the_words_around_it_lies_in_the_city_its_sentence_names() -> None:
    # part_by_its_words: the place extractor kept only "Qusour" of "the neighbourhood of Qusour" or "the Qusour market";
    # in a sentence set in Idlib city (here where its speaker is), the quarter is the city's: one incident with the
    # shelling of the city.
    idlib = placed("x", "Idlib").places[0].place
    lead = _saying("a", "Shells hit Idlib on Sunday, killing four.", [("Idlib", idlib)])
    for sentence in (
        "A medic in Idlib said most of the shells fell on the neighbourhood of Qusour.",
        "A medic in Idlib said most of the shells fell on the Qusour market.",
    ):
        quarter = _saying("bb", sentence, [("Idlib", idlib), ("Qusour", None)])
        assert len(group_document_mentions([lead, quarter])) == 1, sentence


def test_a_district_of_a_province_named_so_is_no_quarter_of_a_town() -> None:
    # part_by_its_words holds only in a sentence that names a city: "the district of Kafr Batikh in Idlib province" is
    # a place of its own, not the town the lead names.
    saraqib = placed("x", "Saraqib").places[0].place
    lead = _saying("a", "Shells hit Saraqib on Sunday, killing four.", [("Saraqib", saraqib)])
    district = _saying(
        "bb",
        "Jets bombed the district of Kafr Batikh in Idlib province.",
        [("Kafr Batikh", None), ("Idlib province", IDLIB_PROVINCE)],
    )
    assert len(group_document_mentions([lead, district])) == 2


def test_a_car_bomb_and_the_shelling_told_beside_it_are_two_acts() -> None:
    # two_acts_by_means: "A car bomb exploded at a checkpoint in Saraqib." / "Army artillery shelled the outskirts
    # overnight." tell two acts though the second names no place of its own; a sentence that only counts the dead
    # ("Seven people were killed", typed as shelling by guess) counts the bombing's toll.
    bomb = placed("a", "Saraqib")
    bomb.sub_event_type = "Remote explosive/landmine/IED"
    bomb.trigger = Span("d", 0, 8, "car bomb")
    shelling = unplaced("bb", text="Army artillery shelled the outskirts overnight.")
    shelling.sub_event_type = "Shelling/artillery/missile attack"
    shelling.trigger = Span("d", 200, 207, "shelled")
    toll = unplaced("ccc", text="Seven people were killed.")
    toll.sub_event_type = "Shelling/artillery/missile attack"
    toll.trigger = Span("d", 300, 306, "killed")
    assert len(group_document_mentions([bomb, shelling])) == 2
    assert len(group_document_mentions([bomb, toll])) == 1


def test_an_act_a_doer_also_did_at_a_place_of_its_own_is_another_incident() -> None:
    # also_another_act: after "Jets bombed Saraqib on Sunday.", "Army artillery also shelled the village of Kafr Ruma."
    # tells a further act (the gazetteer lacks the village, so nothing else keeps it apart); "Other targets were also
    # hit in Kafr Ruma." (passive) adds to the raid told, and "Artillery also shelled a school." names no place.
    lead = placed("a", "Saraqib")
    for sentence, incidents in (
        ("Army artillery also shelled the village of Kafr Ruma.", 2),
        ("Other targets were also hit in Kafr Ruma.", 1),
        ("Artillery also shelled a school.", 1),
    ):
        names: list[tuple[str, Place | None]] = [("Kafr Ruma", IDLIB_PROVINCE)] if "Kafr Ruma" in sentence else []
        further = _saying("bb", sentence, names)
        assert len(group_document_mentions([lead, further])) == incidents, sentence


def test_the_grouping_tells_by_which_rule_each_report_joined() -> None:
    # evaluation/clustering/duplicates.py --joins counts wrong joins by the rule that made them.
    lead, again, toll = placed("a", "Saraqib"), placed("bb", "Saraqib"), unplaced("ccc", text="Seven were killed.")
    elsewhere = unplaced("dddd", text="Elsewhere, gunmen killed two farmers.")
    joined_by: dict[str, str] = {}
    group_document_mentions([lead, again, toll, elsewhere], joined_by)
    assert joined_by == {"a": "starts", "bb": "shares_place", "ccc": "continues", "dddd": "starts"}


def _triggered(mention_id: str, sentence: str, trigger: str) -> Mention:
    """A report of doc "d" told by ``sentence`` with the trigger ``trigger``; "Kafr Ruma", where the sentence names it,
    is a village the gazetteer lacks (placed as Idlib province), so that no other place keeps it apart."""
    names: list[tuple[str, Place | None]] = [("Kafr Ruma", IDLIB_PROVINCE)] if "Kafr Ruma" in sentence else []
    m = _saying(mention_id, sentence, names)
    where = m.sentence.start + sentence.index(trigger)
    m.trigger = Span("d", where, where + len(trigger), trigger)
    return m


def test_an_act_told_as_following_the_one_told_is_another_incident() -> None:
    # sequel_act: after "Jets bombed Saraqib on Sunday.", a sentence that places its act after that one ("later",
    # "after the raid", "in retaliation for the shelling") and names a place of its own tells a further act. A toll
    # counted later, the report whose trigger is the act the cue refers to ("the raid"), an adverb that dates only a
    # telling ("the monitor had earlier reported"), and a sequel that names no place or day of its own (it would take
    # the place of the text before it) join the incident told.
    lead = placed("a", "Saraqib")
    for sentence, trigger, incidents in (
        ("Helicopters later struck a clinic in Kafr Ruma.", "struck", 2),
        ("Fighting broke out in Kafr Ruma after the raid, residents said.", "Fighting", 2),
        ("Rebels fired rockets at Kafr Ruma in retaliation for the shelling.", "fired", 2),
        ("Two more people died later of their wounds in Kafr Ruma.", "died", 1),
        ("Fighting broke out in Kafr Ruma after the raid, residents said.", "raid", 1),
        ("The monitor had earlier reported heavy strikes on Kafr Ruma.", "strikes", 1),
        ("Helicopters later struck a clinic where the wounded were treated.", "struck", 1),
    ):
        told = _triggered("bb", sentence, trigger)
        assert len(group_document_mentions([lead, told])) == incidents, (sentence, trigger)


def test_two_reports_of_one_sentence_that_turns_to_another_incident_stay_one_incident() -> None:
    # one_sentence_one_incident: "Elsewhere, gunmen shot two farmers and wounded a boy." gives two reports, both told
    # as another incident than the lead; neither is parted from the other for naming no place.
    lead = placed("a", "Saraqib")
    sentence = "Elsewhere, gunmen shot two farmers and wounded a boy."
    shooting, wounding = _triggered("bb", sentence, "shot"), _triggered("bb", sentence, "wounded")
    wounding.id = "cc"
    groups = group_document_mentions([lead, shooting, wounding])
    assert [[m.id for m in g] for g in groups] == [["a"], ["bb", "cc"]]


def test_a_sequel_naming_a_village_kept_as_written_names_a_place_of_its_own() -> None:
    # sequel_act: "Earlier, militants shelled the Tell Hamra quarter." names a quarter the gazetteer lacks, which
    # geocoding kept as written at the country (as the stored reports carry it): the sentence still places its act.
    lead = placed("a", "Saraqib")
    sentence = "Earlier, militants shelled the Tell Hamra quarter."
    kept = Place("sitrep:unresolved:SY:tell hamra quarter", "Tell Hamra quarter", "SY", 35.0, 38.5, "country")
    told = _triggered("bb", sentence, "shelled")
    at = told.sentence.start + sentence.index("Tell Hamra")
    told.places = [PlaceMention("Tell Hamra quarter", Span("d", at, at + 18), "location", kept)]
    assert len(group_document_mentions([lead, told])) == 2
