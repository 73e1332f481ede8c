"""Who an attack was done to (actor2): the victims a report counts, the noun a participle says underwent it, and the
kinds of force a whole phrase names ("Takfiri militants", "Kurdish positions", "the regime").

Sentences are invented for these tests in the style of wire, state-media and monitor reporting.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import Extraction, extract_document
from sitrep.extract.actors import fill_actor_countries, name_counted_victims
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, Mention, Quantity, Span
from sitrep.nlp import load_pipeline

ARMY = "Military Forces of {country}"
TERRORISTS = "Terrorists of {country}"
KURDS = "Kurdish forces of {country}"


def extract(text: str) -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    return extract_document(document, load_pipeline()(document.text))


def roles(mention: Mention) -> tuple[str | None, str | None]:
    a1, a2 = mention.actor("actor1"), mention.actor("actor2")
    return (a1.name if a1 else None, a2.name if a2 else None)


def _counted(event_type: str, figure: str, kind: str = "killed", actors: list[ActorRole] | None = None) -> Mention:
    sentence = Span("t.txt", 0, 60, "x")
    quantity = Quantity("people", 4, 4, 4, Span("t.txt", 10, 10 + len(figure), figure), kind)
    return Mention(
        "m", "t.txt", sentence, sentence, event_type, "Air/drone strike", "ASSAULT",
        actors=list(actors or [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")]),
        quantities=[quantity],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "figure", "kind", "actor2"),
    [
        # "A car bomb killed four in the market": dead named as no side are civilians in remote violence
        ("Explosions/Remote violence", "four", "killed", "Civilians"),
        ("Explosions/Remote violence", "At least 45 killed", "killed", "Civilians"),
        ("Explosions/Remote violence", "six wounded", "wounded", "Civilians"),
        # a joint "killed and wounded" figure counts casualties: its people are the attack's victims all the same
        ("Explosions/Remote violence", "nine dead and wounded", "casualties", "Civilians"),
        # "Strikes kill 18 ISIL fighters" where the headline's parse found no object: the side the figure names
        ("Explosions/Remote violence", "18 ISIL fighters", "killed", "Islamic State"),
        ("Battles", "12 soldiers", "killed", ARMY),
        # a kind of force beats the generic word inside it, as in a sentence's own phrases
        ("Battles", "Dozens of Insurgents", "killed", TERRORISTS),
        # a battle's unnamed dead may be on either side: nobody is guessed
        ("Battles", "at least 20 killed", "killed", None),
        # a figure that counts no victims names nobody
        ("Explosions/Remote violence", "three rockets", "count", None),
    ],
)
def test_the_victims_a_report_counts_are_its_target(
    event_type: str, figure: str, kind: str, actor2: str | None
) -> None:
    mention = _counted(event_type, figure, kind)
    name_counted_victims([mention])
    assert roles(mention)[1] == actor2
    target = mention.actor("actor2")
    if target is not None:
        assert target.span is not None and target.span.text == figure  # traced to the figure's words


def test_counted_victims_never_replace_a_target_the_sentence_names() -> None:
    army = ActorRole("actor2", "Military Forces of Syria", "State forces", Span("t.txt", 0, 8, "the army"))
    mention = _counted("Explosions/Remote violence", "four", actors=[army])
    name_counted_victims([mention])
    assert [(a.role, a.name) for a in mention.actors] == [("actor2", "Military Forces of Syria")]


def test_a_side_counting_its_own_dead_is_not_its_own_target() -> None:
    doer = ActorRole("actor1", "Islamic State", "Rebel groups", Span("t.txt", 0, 2, "IS"))
    mention = _counted("Explosions/Remote violence", "nine IS fighters", actors=[doer])
    name_counted_victims([mention])
    assert mention.actor("actor2") is None


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        # A headline that keeps its final stop but drops the passive's auxiliary.
        ("Nine Civilians Killed in Regime Airstrikes on Rural Hama Villages.", "Civilians"),
        ("Three soldiers wounded in the ambush near the border were flown to the capital.", ARMY),
    ],
)
def test_the_noun_a_participle_says_underwent_the_attack_is_its_target(text: str, actor2: str) -> None:
    assert any(roles(m)[1] == actor2 for m in extract(text).mentions)


def test_a_kind_of_force_the_whole_phrase_names_beats_the_generic_word_inside_it() -> None:
    (mention,) = extract("At least six Takfiri militants were killed in attacks by the army near the town.").mentions
    assert roles(mention) == (ARMY, TERRORISTS)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        ("Jets bombed insurgent positions west of the city on Sunday.", None, TERRORISTS),
        ("Warplanes bombed Kurdish positions in the north of the city on Friday.", None, KURDS),
        ("Fighting broke out between regime and Kurdish forces in the city on Thursday.", ARMY, KURDS),
        ("The regime shelled the village on Tuesday.", ARMY, None),
        # a named group before the generic word is that group
        ("IS militants attacked a checkpoint outside the city on Monday.", "Islamic State", None),
    ],
)
def test_posts_and_men_named_by_their_kind_of_force(text: str, actor1: str | None, actor2: str | None) -> None:
    found = [roles(m) for m in extract(text).mentions]
    assert any((actor1 is None or a1 == actor1) and a2 == actor2 for a1, a2 in found), found


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Army artillery shelled the rebel-held enclave north of the capital on Sunday.", "Rebels of {country}"),
        ("Jets struck opposition-held villages west of the city on Monday.", "Rebels of {country}"),
    ],
)
def test_a_place_named_by_the_side_holding_it_stands_for_that_side(text: str, actor2: str) -> None:
    # the kind of force's country is filled in after geocoding (fill_actor_countries)
    assert any(roles(m)[1] == actor2 for m in extract(text).mentions)


def test_militants_are_the_countrys_rebels_only_where_the_codebook_says_so() -> None:
    span = Span("t.txt", 0, 9, "militants")
    found = {}
    for country in ("SY", "NG", None):
        militants = ActorRole("actor2", TERRORISTS, "Rebel groups", span)
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[militants])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: code)  # type: ignore[misc]
        found[country] = mention.actors[0].name
    assert found == {"SY": "Syrian rebels", "NG": "Unidentified Armed Group", None: "Unidentified Armed Group"}


def test_they_in_a_clause_of_time_is_the_subject_of_the_clause_it_tells_of() -> None:
    text = "Army troops killed 12 militants after they regained control of the hill town on Monday."
    assert any(roles(m)[0] == ARMY for m in extract(text).mentions)


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("The army recaptured the hill town from Islamic State fighters on Sunday.", "Islamic State"),
        ("Two villages near the river were liberated from the control of the militants on Monday.", TERRORISTS),
    ],
)
def test_the_side_a_place_is_taken_from_is_the_other_side(text: str, actor2: str) -> None:
    assert any(roles(m)[1] == actor2 for m in extract(text).mentions)


def test_a_from_phrase_of_an_attack_is_where_it_came_from_not_its_target() -> None:
    (mention,) = extract("Rebels fired rockets from the farms into the city on Monday.").mentions
    assert roles(mention)[1] is None


def test_the_victims_of_violence_against_civilians_are_civilians_whatever_their_role() -> None:
    text = "Gunmen shot dead two activists outside their office in the city on Monday."
    assert any(roles(m) == ("Unidentified Armed Group", "Civilians") for m in extract(text).mentions)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "A Kurdish-led force known as the Syrian Democratic Forces drove the militants out of the town.",
            "Syrian Democratic Forces",
        ),
        ("Qaeda fighters attacked a Kurdish town near the border on Friday.", "Al-Qaeda"),
        # an affiliate's longer name wins; "Qaeda-linked" names no group
        (
            "Al-Qaeda in the Arabian Peninsula fighters attacked an army post on Friday.",
            "Al-Qaeda in the Arabian Peninsula",
        ),
        ("Qaeda-linked gunmen attacked an army post on Friday.", "Unidentified Armed Group"),
    ],
)
def test_groups_named_by_a_naming_participle_or_a_short_name(text: str, actor1: str) -> None:
    assert any(roles(m)[0] == actor1 for m in extract(text).mentions)


def test_the_coalition_is_named_after_the_state_leading_the_coalition_of_that_war() -> None:
    (mention,) = extract("Coalition jets struck a bridge near the town on Monday.").mentions
    assert roles(mention)[0] == "Coalition forces of {country}"
    found = {}
    for country in ("SY", "YE", "ML"):
        coalition = ActorRole(
            "actor1", "Coalition forces of {country}", "State forces", Span("t.txt", 0, 9, "Coalition")
        )
        report = Mention("m", "t.txt", coalition.span, coalition.span, "Explosions/Remote violence", "Air/drone strike",
                         "ASSAULT", actors=[coalition])  # fmt: skip
        fill_actor_countries([report], lambda _, c=country: c, lambda code: code)  # type: ignore[misc]
        found[country] = report.actors[0].name
    assert found == {
        "SY": "Military Forces of the United States",
        "YE": "Military Forces of Saudi Arabia",
        "ML": "Unidentified Military Forces",
    }
