"""What the gazetteer remembers between look-ups never changes an answer (sitrep.geo.index)."""

from __future__ import annotations

from dataclasses import replace

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
