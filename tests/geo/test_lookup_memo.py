"""What the gazetteer remembers between look-ups never changes an answer (sitrep.geo.index)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from sitrep.geo import Gazetteer
from sitrep.geo.index import GeoContext, _own_name_spelled
from sitrep.geo.normalise import name_key, romanised_key, skeleton_key


def _fresh(gazetteer: Gazetteer) -> Gazetteer:
    """Another gazetteer over the same index, with nothing remembered yet."""
    return Gazetteer(gazetteer._db)


def test_a_name_resolves_alike_whatever_country_context_was_asked_before(gazetteer: Gazetteer) -> None:
    # A name's index hits are remembered across documents of different countries; its answer in each context
    # must be the one a process that never saw the other context gives.
    contexts = [("UA",), ("SY",), ()]
    names = ["Kharkiv", "Mansoura", "Tripoli", "Al Bab"]
    warm = _fresh(gazetteer)
    warm_answers = {(n, c): warm.resolve(n, GeoContext(document_countries=c)) for c in contexts for n in names}
    for (name, countries), answer in warm_answers.items():
        assert _fresh(gazetteer).resolve(name, GeoContext(document_countries=countries)) == answer, (name, countries)


def test_the_keys_stored_with_each_name_are_those_the_normalisers_give(gazetteer: Gazetteer) -> None:
    # Look-ups read a name's skeleton and romanised key from the index instead of working them out again: an index
    # built by other normalisers than the running code's would give other answers.
    rows = gazetteer._db.execute("SELECT name, key, skel, rom FROM names WHERE rowid % 997 = 0").fetchall()
    assert rows
    for name, key, skel, rom in rows:
        assert (name_key(name), skeleton_key(name), romanised_key(name)) == (key, skel, rom), name


def test_marking_a_match_as_its_places_own_name_keeps_every_other_field(gazetteer: Gazetteer) -> None:
    match = _fresh(gazetteer)._matches("Aleppo", ("SY",), fuzzy=False, whole_mention=True)[0]
    assert _own_name_spelled(match) == replace(match, own_name_spelled=True)


def _invented_index(path: Path) -> sqlite3.Connection:
    """An index of two invented countries (one with a demonym) and a town, in the gazetteer's own layout."""
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
            admin1 TEXT, admin2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, precision TEXT NOT NULL, feature TEXT,
            population INTEGER NOT NULL);
        CREATE TABLE names (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
            source TEXT NOT NULL, rom TEXT NOT NULL);
        CREATE TABLE neighbours (country TEXT NOT NULL, neighbour TEXT NOT NULL);
        INSERT INTO places VALUES (1, 'g:1', 'Freedonia', 'FD', NULL, NULL, 1.0, 1.0, 'country', NULL, 0),
            (2, 'g:2', 'Sylvania', 'SV', NULL, NULL, 2.0, 2.0, 'country', NULL, 0),
            (3, 'g:3', 'Vostok', 'FD', NULL, NULL, 1.1, 1.1, 'town', NULL, 9000);
        INSERT INTO names VALUES ('freedonia', 'frdn', 1, 'Freedonia', 'name', 'freedonia'),
            ('freedonian', 'frdnn', 1, 'Freedonian', 'demonym', 'freedonian'),
            ('sylvania', 'slvn', 2, 'Sylvania', 'name', 'sylvania'),
            ('vostok', 'vstk', 3, 'Vostok', 'name', 'vostok');
        """
    )
    db.commit()
    return db


def test_country_names_are_remembered_beside_the_index_until_it_changes(tmp_path: Path) -> None:
    # Reading them scans every name of the index; a later process reads them from a file beside it, which a changed
    # index (another size or modification time) makes stale.
    db = _invented_index(tmp_path / "index.sqlite")
    expected = {"freedonia": ("FD", False), "freedonian": ("FD", True), "sylvania": ("SV", False)}
    assert Gazetteer(db)._country_names == expected
    assert len(list(tmp_path.glob("index.sqlite.countries-*.json"))) == 1
    assert Gazetteer(db)._country_names == expected  # from the file
    db.execute("INSERT INTO names VALUES ('sylvanian', 'slvnn', 2, 'Sylvanian', 'demonym', 'sylvanian')")
    db.commit()
    assert Gazetteer(db)._country_names == expected | {"sylvanian": ("SV", True)}
