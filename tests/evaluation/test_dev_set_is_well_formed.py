"""The extraction development set (evaluation/dev/) is usable as gold.

Event F1 and per-field accuracy are computed against these files, so a typo in
an evidence string, an impossible date or an actor missing from the alias table
would silently skew every score. These checks keep the set consistent with the
shapes of /work/shared/gold and with the coding rules in evaluation/dev/README.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from sitrep.model import DATE_PRECISIONS, MODALITIES, PLACE_PRECISIONS

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "evaluation" / "dev"
CORPUS = DEV / "corpus"
GOLD = DEV / "gold"

SUB_EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
# Sub-types accepted across types for one incident ("drones intercepted" vs "drone strike").
CROSS_TYPE_SUBS = {"Strategic developments": {"Air/drone strike"}}
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "DEMAND",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
EVENT_KEYS = {
    "id", "doc", "event_type", "sub_event_type", "plover", "date", "actor1", "actor2",
    "locations", "quantities", "fatalities", "sources", "modality", "evidence",
}  # fmt: skip
CLAIM_KEYS = {"id", "doc", "subject", "scope", "sources", "modality", "evidence"}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def manifest() -> dict[str, dict[str, Any]]:
    return {row["file"]: row for row in read_jsonl(CORPUS / "manifest.jsonl")}


def events() -> list[dict[str, Any]]:
    return read_jsonl(GOLD / "dev.events.jsonl")


def claims() -> list[dict[str, Any]]:
    return read_jsonl(GOLD / "dev.claims.jsonl")


def checks() -> dict[str, Any]:
    return dict(json.loads((GOLD / "dev.checks.json").read_text(encoding="utf-8")))


def text_of(doc: str) -> str:
    return (CORPUS / doc).read_text(encoding="utf-8")


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_build", DEV / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EVENTS = events()
CLAIMS = claims()
MANIFEST = manifest()


# --- corpus -------------------------------------------------------------------


def test_manifest_lists_exactly_the_corpus_files() -> None:
    on_disk = {path.name for path in CORPUS.glob("*.txt")}
    assert set(MANIFEST) == on_disk


@pytest.mark.parametrize("row", list(MANIFEST.values()), ids=list(MANIFEST))
def test_manifest_rows_are_complete(row: dict[str, Any]) -> None:
    assert {"file", "outlet", "published", "language", "title"} <= set(row)
    assert row["language"] == "en"
    assert dt.date.fromisoformat(row["published"]).year in (2023, 2024, 2025)
    assert row["title"] and row["outlet"]


def test_set_is_large_and_varied_enough() -> None:
    assert len(MANIFEST) >= 45
    assert len(EVENTS) >= 150
    assert len(CLAIMS) >= 20
    assert len({row["outlet"] for row in MANIFEST.values()}) >= 20
    assert len({country_of(location) for event in EVENTS for location in event["locations"]}) >= 15


def test_every_document_has_events_and_non_event_text() -> None:
    with_events = Counter(event["doc"] for event in EVENTS)
    assert set(with_events) == set(MANIFEST)
    with_not_events = {item["doc"] for item in checks()["must_not_be_events"]}
    assert len(with_not_events) >= 0.8 * len(MANIFEST)


# --- events -------------------------------------------------------------------


def country_of(location: dict[str, Any]) -> str:
    country = location["country"]
    return "/".join(country) if isinstance(country, list) else str(country)


def test_event_ids_are_unique() -> None:
    duplicates = [key for key, count in Counter(event["id"] for event in EVENTS).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_is_well_formed(event: dict[str, Any]) -> None:
    assert set(event) >= EVENT_KEYS
    assert event["doc"] in MANIFEST
    allowed = SUB_EVENT_TYPES[event["event_type"]] | CROSS_TYPE_SUBS.get(event["event_type"], set())
    assert event["sub_event_type"] and set(event["sub_event_type"]) <= allowed
    assert event["sub_event_type"][0] in SUB_EVENT_TYPES[event["event_type"]]
    assert event["plover"] and set(event["plover"]) <= PLOVER
    assert event["modality"] in MODALITIES
    assert event["actor1"]


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_evidence_is_a_span_of_its_document(event: dict[str, Any]) -> None:
    assert event["evidence"] in text_of(event["doc"])


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_date_is_an_interval_no_later_than_publication(event: dict[str, Any]) -> None:
    start = dt.date.fromisoformat(event["date"]["start"])
    end = dt.date.fromisoformat(event["date"]["end"])
    published = dt.date.fromisoformat(MANIFEST[event["doc"]]["published"])
    assert start <= end <= published
    assert event["date"]["precision"] in DATE_PRECISIONS
    assert (published - start).days <= 120  # events are news, not history


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_locations_are_placeable(event: dict[str, Any]) -> None:
    assert event["locations"]
    for location in event["locations"]:
        assert location["name"] and location["precision"] in PLACE_PRECISIONS
        codes = location["country"] if isinstance(location["country"], list) else [location["country"]]
        assert codes, (event["id"], location["name"])
        assert all(isinstance(code, str) and len(code) == 2 and code.isupper() for code in codes)
        if location["precision"] in ("site", "town", "admin2"):
            assert -90 <= location["lat"] <= 90 and -180 <= location["lon"] <= 180
            assert 0 < location["tolerance_km"] <= 80


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_figures_are_ordered_and_quoted(event: dict[str, Any]) -> None:
    text = text_of(event["doc"])
    for quantity in event["quantities"]:
        bounds = [quantity[key] for key in ("low", "best", "high") if quantity[key] is not None]
        assert bounds, quantity
        assert bounds == sorted(bounds)
        assert quantity["text"] in text
    killed = [q for q in event["quantities"] if q.get("kind") == "killed"]
    if event["fatalities"] is not None:
        assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
    if killed:
        # fatalities come only from killed counts: the sum of each count's best (else low) figure
        assert event["fatalities"] == sum(q["best"] if q["best"] is not None else q["low"] for q in killed)


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_event_sources_end_with_the_publisher(event: dict[str, Any]) -> None:
    chain = event["sources"]
    assert chain and all(isinstance(name, str) and name for name in chain)
    publisher = chain[-1]
    outlet = MANIFEST[event["doc"]]["outlet"]
    assert publisher == outlet or outlet.startswith(publisher)


def test_evidence_never_comes_from_page_furniture() -> None:
    furniture: dict[str, list[str]] = {}
    for item in checks()["must_not_be_events"]:
        furniture.setdefault(item["doc"], []).append(item["text"])
    for event in EVENTS:
        for text in furniture.get(event["doc"], []):
            assert event["evidence"] not in text, (event["id"], text)


def test_all_six_event_types_and_most_sub_types_are_covered() -> None:
    types = Counter(event["event_type"] for event in EVENTS)
    assert set(types) == set(SUB_EVENT_TYPES)
    covered = {sub for event in EVENTS for sub in event["sub_event_type"][:1]}
    every_sub = set().union(*SUB_EVENT_TYPES.values())
    assert every_sub - covered == set()


# --- claims and checks ------------------------------------------------------------


@pytest.mark.parametrize("claim", CLAIMS, ids=[claim["id"] for claim in CLAIMS])
def test_claim_is_well_formed(claim: dict[str, Any]) -> None:
    assert set(claim) >= CLAIM_KEYS
    assert claim["doc"] in MANIFEST
    assert claim["evidence"] in text_of(claim["doc"])
    assert claim["modality"] in MODALITIES
    if "quantity" in claim:
        bounds = [claim["quantity"][key] for key in ("low", "best", "high") if claim["quantity"][key] is not None]
        assert bounds == sorted(bounds) and bounds
        assert claim["quantity"]["text"] in text_of(claim["doc"])


def test_checks_reference_existing_ids_and_text() -> None:
    data = checks()
    event_ids = {event["id"] for event in EVENTS}
    claim_ids = {claim["id"] for claim in CLAIMS}
    for item in data["contradictions"] + data["same_incident"]:
        assert set(item.get("events", [])) <= event_ids, item
        assert set(item.get("claims", [])) <= claim_ids, item
        assert item.get("events") or item.get("claims")
    for item in data["must_not_be_events"]:
        assert item["text"] in text_of(item["doc"]), item
        assert item["why"]


def test_reports_of_one_incident_come_from_different_outlets() -> None:
    by_id = {event["id"]: event for event in EVENTS}
    for group in checks()["same_incident"]:
        docs = [by_id[event_id]["doc"] for event_id in group["events"]]
        assert len({MANIFEST[doc]["outlet"] for doc in docs}) == len(docs)
        types = {by_id[event_id]["event_type"] for event_id in group["events"]}
        assert len(types) == 1


def test_every_coded_actor_has_an_alias_entry() -> None:
    aliases = checks()["actor_aliases"]
    roles = ("actor1", "actor2", "assoc_actor1", "assoc_actor2")
    named = {event[role] for event in EVENTS for role in roles if event.get(role)}
    assert named - set(aliases) == set()


def test_framing_terms_occur_in_the_corpus_but_not_in_coded_names() -> None:
    data = checks()
    corpus = " ".join(text_of(doc) for doc in MANIFEST).lower()
    flagged = data["framing_terms"]["expect_flagged"]
    assert [term for term in flagged if term.lower() not in corpus] == []
    loaded = {"terrorist", "terrorists", "regime", "occupation", "occupiers", "martyrs", "colonists", "hoodlums"}
    for event in EVENTS:
        names = [event["actor1"], event.get("actor2") or "", event.get("assoc_actor1") or ""]
        names += [location["name"] for location in event["locations"]]
        assert not any(word in name.lower().split() for name in names for word in loaded), event["id"]


# --- the generated files match their source ------------------------------------------


def test_generated_files_are_in_sync_with_the_authoring_source(tmp_path: Path) -> None:
    load_builder().build(tmp_path)
    for relative in ("corpus/manifest.jsonl", "gold/dev.events.jsonl", "gold/dev.claims.jsonl", "gold/dev.checks.json"):
        assert (tmp_path / relative).read_text(encoding="utf-8") == (DEV / relative).read_text(encoding="utf-8")
    texts = sorted(CORPUS.glob("*.txt"))
    assert texts, f"no articles in {CORPUS}"
    for path in texts:
        assert (tmp_path / "corpus" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
