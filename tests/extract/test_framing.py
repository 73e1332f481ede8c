"""Framing terms: loaded wording found and kept apart, with categories and document spans."""

from __future__ import annotations

import pytest

from sitrep.extract.framing import find_framing, framing_entry


def terms(text: str, **kwargs) -> list[str]:
    return [t.term for t in find_framing(text, **kwargs)]


def test_seed_terms_are_flagged() -> None:
    text = (
        "The operations began in light of the Israeli aggression on Gaza, in response to the brutal Israeli crimes, "
        "after the two countries carried out several aggressions on Yemen. Foreign Policy reported the US was "
        "considering pulling out its occupation forces following a decade of illegal presence under the guise of "
        "fighting the Islamic State, as the US-backed Israeli genocide on Gaza continued and the US kept stealing "
        "Syria's oil."
    )
    found = set(terms(text))
    for expected in ["illegal", "occupation", "genocide", "aggression", "aggressions", "brutal", "stealing"]:
        assert expected in found
    assert any("guise" in t for t in found)


@pytest.mark.parametrize(
    ("text", "term", "category"),
    [
        ("Russian state media said the neo-Nazis in Kyiv shelled Donetsk.", "neo-nazis", "delegitimising"),
        ("The Kyiv regime launched drones at Belgorod.", "regime", "delegitimising"),
        ("Ukrainian forces liberated the village of Robotyne.", "liberated", "glorifying"),
        ("The occupiers shelled Kherson again overnight.", "occupiers", "delegitimising"),
        ("The IDF said it killed several terrorists in Jenin.", "terrorists", "delegitimising"),
        ("Three martyrs fell in the Zionist entity's raid on the camp.", "martyrs", "glorifying"),
        ("Three martyrs fell in the Zionist entity's raid on the camp.", "zionist entity", "delegitimising"),
        ("The junta's jets bombed a school in Sagaing.", "junta", "delegitimising"),
        ("Wagner mercenaries and the army massacred civilians in Moura.", "mercenaries", "delegitimising"),
        ("Wagner mercenaries and the army massacred civilians in Moura.", "massacred", "emotive"),
        ("The army said it neutralised 15 terrorists near Djibo.", "neutralised", "euphemism"),
        ("The so-called Islamic State claimed the attack.", "so-called", "distancing"),
        ("Iran-backed proxies fired rockets at the base.", "proxies", "delegitimising"),
        ("Activists accused the RSF of ethnic cleansing in El Geneina.", "ethnic cleansing", "accusatory"),
        ("The Kremlin said the special military operation would continue.", "special military operation", "euphemism"),
        ("Resistance fighters ambushed a convoy near Jenin.", "resistance fighters", "self-label"),
    ],
)
def test_terms_across_conflicts(text: str, term: str, category: str) -> None:
    found = {(t.term, t.category) for t in find_framing(text)}
    assert (term, category) in found


def test_spans_are_document_offsets() -> None:
    sentence = "US bases in Syria are illegal, the ministry said."
    offset = 500
    (found,) = find_framing(sentence, "doc.txt", offset)
    assert (found.span.doc, found.span.start, found.span.end) == ("doc.txt", offset + 22, offset + 29)
    assert found.span.text == "illegal"


def test_whole_words_only() -> None:
    assert terms("The regimental commander and the terrorism-free zone.") == ["terrorism"]
    assert terms("Officials discussed the preoccupation with logistics.") == []


def test_neutral_text_has_no_framing() -> None:
    assert terms("Two rockets struck near the base in Deir ez-Zor on Tuesday, causing no casualties.") == []


def test_organisation_names_are_not_framing() -> None:
    text = "The Islamic Resistance in Iraq and the Palestine Liberation Organization issued statements."
    assert terms(text) == []


def test_excluded_entity_spans_only_hide_capitalised_name_parts() -> None:
    text = "The US occupation forces moved soldiers; the Resistance vowed to respond."
    us_forces = (text.index("US occupation forces"), text.index("US occupation forces") + len("US occupation forces"))
    resistance = (text.index("Resistance"), text.index("Resistance") + len("Resistance"))
    # "occupation" is a loaded word inside an actor description; "the Resistance" is a self-label.
    assert terms(text, exclude=[us_forces, resistance]) == ["occupation", "resistance"]


def test_un_terminology_is_not_flagged() -> None:
    assert terms("The IRI focused on the occupied Palestinian territories and the occupied Syrian Golan.") == []
    assert terms("The US-occupied Al-Omar oilfield received equipment.") == ["occupied"]


def test_scare_quotes_around_a_name() -> None:
    found = find_framing('The ban covers Israeli and "Israel"-bound ships in the Red Sea.')
    assert [(t.term, t.category) for t in found] == [('"Israel"', "distancing")]
    assert find_framing('The strikes were "unnecessary," he said.') == []


def test_framing_entry_gives_headword_and_note() -> None:
    entry = framing_entry("aggressions")
    assert entry is not None and entry.term == "aggression" and entry.category == "delegitimising"
    assert entry.used_by


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Colonists attacked farmers near Nablus on Friday.", "colonists"),
        ("Police said hoodlums looted a warehouse in Kano.", "hoodlums"),
        ("The army said it cleansed the area of terrorists.", "cleansed"),
        ("An Israeli drone strike hit a car, martyring three young men.", "martyring"),
    ],
)
def test_more_loaded_words_are_flagged(text: str, term: str) -> None:
    assert term in {f.term for f in find_framing(text, "d", 0)}


# --- labels kept whole, and the context they stand in ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Army units clashed with armed terrorist groups near the dam.", "armed terrorist groups"),
        ("Takfiri terrorist organisations shelled the old quarter.", "takfiri terrorist organisations"),
        ("Foreign-backed mercenaries crossed the border at dawn.", "foreign-backed mercenaries"),
    ],
)
def test_a_compound_label_is_kept_whole(text: str, label: str) -> None:
    assert terms(text) == [label]


def test_the_common_noun_resistance_is_not_a_self_label() -> None:
    assert terms("The column met stiff resistance outside the town.") == []
    assert terms("Armed resistance to the decree spread to the villages.") == ["armed resistance"]


def test_a_negated_or_quoted_label_says_so() -> None:
    (negated,) = find_framing("The envoy insisted the fighters were not terrorists.")
    assert (negated.term, negated.context) == ("terrorists", "negated")
    (quoted,) = find_framing('The governor said "the terrorists will pay" for the attack.')
    assert quoted.context == "quoted"
    (plain,) = find_framing("The ministry blamed terrorists for the blast.")
    assert plain.context == ""


def test_a_headline_s_capitals_do_not_hide_its_framing() -> None:
    # Every word of a headline is capitalised: "Terrorists" there is the label, not part of a name.
    assert terms("12 Terrorists Killed in Army Operations across Tarsa Countryside.") == ["terrorists"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Army units killed dozens of Takfiri militants near Tarsa.", "takfiri militants"),
        ("The coalition vowed to achieve the goals of the revolution.", "revolution"),
        ("The country has been gripped by foreign-backed militancy for years.", "foreign-backed"),
        ("The group published a grisly video of the killings.", "grisly"),
    ],
)
def test_labels_of_either_side_of_a_civil_war_are_framing(text: str, term: str) -> None:
    assert terms(text) == [term]
