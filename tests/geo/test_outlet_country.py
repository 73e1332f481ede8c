"""The country an outlet reports on is where a headline that names no country is."""

from __future__ import annotations

import datetime as dt

from sitrep.geo import Gazetteer
from sitrep.geo.document import context_countries, outlet_country
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.pipeline import process_document


def test_a_monitor_of_one_war_reports_on_its_country() -> None:
    assert outlet_country("SOHR") == "SY"
    assert outlet_country("Syrian Observatory for Human Rights") == "SY"
    assert outlet_country("Kyiv Independent") == "UA"


def test_a_wire_or_a_world_broadcaster_says_nothing_about_where() -> None:
    assert outlet_country("Reuters") is None
    assert outlet_country("BBC") is None
    assert outlet_country("An outlet nobody knows") is None
    assert outlet_country(None) is None


def test_the_outlets_country_comes_first_only_when_the_text_names_none(gazetteer: Gazetteer) -> None:
    assert context_countries("Warplanes bomb the outskirts of al-Tebni", gazetteer, "SOHR")[0] == "SY"
    # A text that names its country keeps it: a monitor of Syria may report a strike in Iraq.
    assert context_countries("A drone strike hit a car in Iraq's Sinjar", gazetteer, "SOHR")[0] == "IQ"


def test_a_monitors_headline_is_placed_in_its_country(gazetteer: Gazetteer) -> None:
    # "Tebni" is also a town in Indonesia; a headline from a monitor of Syria's war means Syria's al-Tibni.
    text = "Two fighters killed in clashes near al-Tebni"
    document = build_document(text, "h.jsonl", DocumentMeta(outlet="SOHR", published=dt.date(2017, 3, 5)))
    mentions = process_document(document, gazetteer).mentions
    places = [pm.place for m in mentions for pm in m.places if pm.place is not None]
    assert places and all(p.country == "SY" for p in places), places
