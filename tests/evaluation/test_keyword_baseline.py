"""The keyword baseline codes what its six rules say, so that comparisons with it mean something."""

from __future__ import annotations

from sitrep.geo import Gazetteer
from tests.evaluation.scripts import load_script

baseline = load_script("evaluation/baseline.py")


def test_each_keyword_sentence_is_an_event_of_the_first_matching_rule() -> None:
    text = (
        "Hundreds of students protested in Aleppo on Friday. Artillery shelling killed five people in Idlib. "
        "The minister thanked the delegation."
    )
    events = baseline.code_document("d.txt", text, "2024-05-03", "Wire", Gazetteer.open())
    assert [(e["event_type"], e["sub_event_type"]) for e in events] == [
        ("Protests", "Peaceful protest"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ]
    assert events[1]["fatalities"] == 5
    assert events[1]["locations"][0]["name"] == "Idlib"
    assert events[0]["date"] == {"start": "2024-05-01", "end": "2024-05-03", "precision": "approximate"}
