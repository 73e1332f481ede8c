"""Modality of an event trigger, read from the parse around it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.extract.modality import modality_of
from sitrep.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def modality(nlp: Language, text: str, trigger: str) -> str:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return modality_of(token.sent, token)


CASES = [
    # asserted: the default, also when attributed (attribution lives in the chain)
    ("Al-Shabaab militants stormed a hotel in Mogadishu on Friday.", "stormed", "asserted"),
    ("The RSF attacked El Fasher on Monday, killing 30 civilians, activists said.", "attacked", "asserted"),
    ("Ukraine shot down 20 drones overnight, the air force said.", "shot", "asserted"),
    # "set to last" frames the campaign's duration, not the launch
    (
        "The US forces launched a security campaign inside the al-Hol camp on Saturday that is set to last for "
        "several days.",
        "launched",
        "asserted",
    ),
    # an explicit source explains the hedge: "are reported to be ..., sources told X"
    (
        "The US forces are reported to be moving soldiers between bases in Hasakah, sources told Al Mayadeen.",
        "moving",
        "asserted",
    ),
    # reported: hedged without a named source
    ("The US forces are reported to be moving soldiers between bases in Hasakah.", "moving", "reported"),
    ("The rebels reportedly seized the town of Bunia on Tuesday.", "seized", "reported"),
    ("Militants allegedly abducted 20 schoolgirls in Zamfara state.", "abducted", "reported"),
    # denied
    ("Washington has expressed no intention of withdrawing its forces from Syria.", "withdrawing", "denied"),
    ("Israel denied carrying out the strike on the hospital.", "strike", "denied"),
    ("Hezbollah denied involvement in the attack on the base.", "attack", "denied"),
    ("The army said it did not shell the village.", "shell", "denied"),
    # "deny someone the ability to" withholds: the movement is prevented, a possibility; nobody denies anything
    ("The strikes were carried out to deny the militants the ability to move weapons.", "move", "hypothetical"),
    ("The strikes were executed to deny Daesh (IS) the ability to move weapons.", "move", "hypothetical"),
    # a negated counterfactual is what did not happen in another world, not a denial
    ("The town would not have been captured without the air support.", "captured", "hypothetical"),
    # "would" in a clause conjoined under a statement verb is the speaker's "will", a plan
    (
        "The statement said the army had left the town and the militia would be moving into the border area.",
        "moving",
        "planned",
    ),
    # planned
    ("Russia plans to launch a new offensive in the spring.", "offensive", "planned"),
    ("Israel will expand its ground operation into Rafah, the defence minister said.", "expand", "planned"),
    ("Hamas vowed to retaliate for the killing of its commander.", "retaliate", "planned"),
    ("The army is set to withdraw from the northern sector.", "withdraw", "planned"),
    # ... but an adjunct of the vowed act is not itself vowed
    ("Hamas vowed to retaliate for the killing of its commander.", "killing", "asserted"),
    # feared
    (
        "The US began a reinforcement plan for its bases in Syria, for fear of a response that would target its bases.",
        "target",
        "feared",
    ),
    (
        "The US army reinforced its bases in northern Syria in fear of a renewed surge of attacks against them.",
        "attacks",
        "feared",
    ),
    ("Residents fled amid fears of an imminent assault on the city.", "assault", "feared"),
    ("Residents fled amid fears of an imminent assault on the city.", "fled", "asserted"),
    # hypothetical
    (
        "Foreign Policy had reported that the US was considering pulling out its forces from Syria.",
        "pulling",
        "hypothetical",
    ),
    (
        "The IRI is ready for a resumption of escalation in Syria and Iraq if it senses American evasion.",
        "resumption",
        "hypothetical",
    ),
    ("A potential Israeli strike on Iranian nuclear sites could trigger a regional war.", "strike", "hypothetical"),
    ("If Turkey launches a ground incursion, the SDF will withdraw from Manbij.", "incursion", "hypothetical"),
    ("The RSF could attack El Fasher within days, aid groups warned.", "attack", "hypothetical"),
    # what a speaker calls for is an act proposed: planned, as the gold set codes demands (it has not happened)
    ("The junta has called for a ceasefire in Shan state.", "ceasefire", "planned"),
    ("The parliament's committee recommended that the peacekeepers withdraw from the region.", "withdraw", "planned"),
    ("The council urged the army to pull out of the town.", "pull", "planned"),
    # what is plotted is planned, whatever else frames it
    ("Police foiled a bombing plot against the embassy.", "bombing", "planned"),
    # an act stated as an aim is planned
    ("Securing the border crossing is the main goal of the campaign.", "Securing", "planned"),
    ("The goal is to capture the town before winter.", "capture", "planned"),
    # ... but what achieved the aim happened, and an act named inside the aim is not the aim
    ("The army captured the town, which was the goal of the offensive.", "captured", "asserted"),
    ("The purpose of the raid was to free the hostages.", "raid", "asserted"),
    # a conjoined clause with its own subject is framed by nothing of the clause it is joined to
    ("The ministry denied the charges and its jets struck the town on Monday.", "struck", "asserted"),
    ("Hamas vowed to retaliate and its fighters attacked a checkpoint.", "attacked", "asserted"),
    ("The army plans to advance and seize the airport.", "seize", "planned"),
    # a negated copula says what its subject is like, not that it did not happen ...
    ("Air strikes on the town are not rare, residents said.", "strikes", "asserted"),
    ("The shelling of the camp was not the first this month.", "shelling", "asserted"),
    # ... unless its predicate calls the subject untrue
    ("The attack on the convoy was not real, the ministry said.", "attack", "denied"),
    # a report a speaker names false tells what the speaker denies
    ("Tarsa described the reports its army had shelled the camp as completely untrue.", "shelled", "denied"),
    ("The ministry called the reports of shelling false.", "shelling", "denied"),
    ("The ministry described the reports of shelling on the camp as accurate.", "shelling", "reported"),
    # rumour
    ("This action is not linked to rumors of a US withdrawal from Syria, the sources said.", "withdrawal", "rumour"),
    ("Unconfirmed reports of clashes near the border circulated on social media.", "clashes", "rumour"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES)
def test_modality(nlp: Language, text: str, trigger: str, expected: str) -> None:
    assert modality(nlp, text, trigger) == expected


def test_modality_is_per_trigger(nlp: Language) -> None:
    text = "Israeli troops raided Jenin on Tuesday and the army said it would extend the operation to Tulkarm."
    assert modality(nlp, text, "raided") == "asserted"
    assert modality(nlp, text, "extend") != "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "would" in what a speaker is reported to have said is the speaker's "will": a plan.
        ("The minister said the army would launch an offensive on the city.", "offensive", "planned"),
        ("Ankara said Turkish troops would be moving into the border strip.", "moving", "planned"),
        # With a condition it stays a possibility; with no statement verb "would" is hypothetical.
        ("Officials said the army would attack the town if talks failed.", "attack", "hypothetical"),
        ("The army would strike if the rebels attacked.", "strike", "hypothetical"),
        # "will" under a condition is a threat: a plan the speaker states
        ("If the militia crosses the river, we will destroy its positions, the commander said.", "destroy", "planned"),
    ],
)
def test_would_in_reported_speech_is_a_plan(nlp: Language, text: str, trigger: str, expected: str) -> None:
    assert modality(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a subject that is nobody denies what its verb tells
        ("The governor said nobody was killed in the blast.", "killed", "denied"),
        ("According to the ministry, no one was killed when the depot exploded.", "killed", "denied"),
        ("Some civilians were killed in the blast, the governor said.", "killed", "asserted"),
        # a plan stated with an adjective of resolve reaches the conjoined act too
        ("The government is determined to push ahead with the offensive and capture the town.", "capture", "planned"),
        ("The army is poised to storm the town.", "storm", "planned"),
    ],
)
def test_nobody_denies_and_resolve_plans(nlp: Language, text: str, trigger: str, expected: str) -> None:
    assert modality(nlp, text, trigger) == expected


def test_an_act_conjoined_to_a_copula_of_resolve_is_planned(nlp: Language) -> None:
    """The parser may hang "and seize ..." on "is" rather than on "push": the act is still what the army is
    determined to do. The parse is given, so the test does not depend on the parser's slip."""
    words = ["The", "army", "is", "determined", "to", "push", "on", "and", "seize", "the", "airport", "."]
    heads = [1, 2, 2, 2, 5, 3, 5, 2, 2, 10, 8, 2]
    deps = ["det", "nsubj", "ROOT", "acomp", "aux", "xcomp", "prt", "cc", "conj", "det", "dobj", "punct"]
    lemmas = ["the", "army", "be", "determined", "to", "push", "on", "and", "seize", "the", "airport", "."]
    pos = ["DET", "NOUN", "AUX", "ADJ", "PART", "VERB", "ADP", "CCONJ", "VERB", "DET", "NOUN", "PUNCT"]
    starts = [True] + [False] * (len(words) - 1)
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos, sent_starts=starts)
    assert modality_of(doc[:], doc[8]) == "planned"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Three nurses were killed in what were likely Russian strikes on Tarsa, a monitor said.",
            "strikes",
            "asserted",
        ),
        ("Four people died in what appeared to be a car bomb attack in Tarsa.", "attack", "asserted"),
        (
            "Two men were killed in what is believed to have been an Israeli air strike near Tarsa.",
            "strike",
            "asserted",
        ),
        ("Jets carried out what was probably the heaviest bombardment of Tarsa this year.", "bombardment", "asserted"),
        # Parsed with "strikes" as the preposition's object beside the relative.
        (
            "Later in the day four medical staff from a clinic in Tarsa were also killed in what were likely Russian "
            "strikes the monitor said",
            "strikes",
            "asserted",
        ),
        # A free relative that is the subject of a hedged verb is what that verb frames.
        ("Officials said what may be a new offensive could start next week.", "offensive", "hypothetical"),
        # A hedge on the act itself still hedges it.
        ("Jets likely struck the market in Tarsa overnight.", "struck", "hypothetical"),
    ],
)
def test_a_hedge_on_what_an_incident_was_is_not_on_whether_it_happened(
    nlp: Language, text: str, trigger: str, expected: str
) -> None:
    assert modality(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army denied reports that its jets bombed the clinic in Tarsa.", "bombed", "denied"),
        ("The ministry rejected claims that its troops shelled the camp near Karsa.", "shelled", "denied"),
        ("The governor dismissed as fabricated reports that police killed 12 protesters.", "killed", "denied"),
        ("Officials said reports that rebels had shelled the school were false.", "shelled", "denied"),
        # A report nobody calls false stays a hedged account.
        ("There were reports that jets bombed the clinic in Tarsa.", "bombed", "reported"),
    ],
)
def test_a_report_called_false_is_a_denial(nlp: Language, text: str, trigger: str, expected: str) -> None:
    assert modality(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels launched an offensive in a bid to capture the town of Tarsa.", "capture", "planned"),
        ("The army launched an assault in an effort to retake Karsa.", "retake", "planned"),
        ("Troops advanced in order to encircle the fighters in Tarsa.", "encircle", "planned"),
        ("The commander issued orders to storm Karsa.", "storm", "planned"),
        # The act done for an aim is told as done.
        ("Rebels stormed Tarsa in order to free the prisoners.", "stormed", "asserted"),
    ],
)
def test_what_an_act_is_done_for_is_planned(nlp: Language, text: str, trigger: str, expected: str) -> None:
    assert modality(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # nothing_known_of_the_act: what is not known is the act's detail, not whether it happened
        (
            "The army said it had carried out strikes near the village but there was no information on casualties "
            "in the raids.",
            "raids",
            "asserted",
        ),
        ("There were no details of the attack on the convoy.", "attack", "asserted"),
        # the act itself negated is still denied
        ("There was no attack on the town, the ministry said.", "attack", "denied"),
    ],
)
def test_no_word_of_an_act_s_details_does_not_deny_the_act(
    nlp: Language, text: str, trigger: str, expected: str
) -> None:
    assert modality(nlp, text, trigger) == expected
