"""The filtered fuzzy search returns exactly what scoring every name of the pool returns."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from sitrep.geo import fuzzy
from sitrep.geo.fuzzy import NamePool, NamePools, load_pools

SYLLABLES = ["ka", "ra", "al", "bu", "zi", "mo", "den", "tar", "vil", "sha", "qu", "el", " ", "-"]


def invented_names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 6))).strip() or "ka" for _ in range(count)]


def every_name_scored(pool: NamePool, query: str, cutoff: float, limit: int) -> list[int]:
    hits = process.extract(query, pool.keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
    return [pool.ids[index] for _, _, index in hits]


@pytest.fixture(scope="module")
def big_pool() -> NamePool:
    # Above FILTER_MIN_POOL, so the bound filter runs; many repeated names make ties at the limit likely.
    names = invented_names(fuzzy.FILTER_MIN_POOL * 2, seed=7)
    return NamePool(names, [1000 + i for i in range(len(names))])


@pytest.mark.parametrize("cutoff", [82.0, 60.0, 95.0, 100.0])
def test_filtered_search_equals_scoring_every_name(big_pool: NamePool, cutoff: float) -> None:
    queries = [*invented_names(150, seed=11), "kara", "tarvil", "zzzz", "a", "shaquel-den"]
    for query in queries:
        assert big_pool.closest(query, cutoff, 15) == every_name_scored(big_pool, query, cutoff, 15), query


def test_ties_at_the_limit_fall_in_pool_order() -> None:
    # Twenty equally close names and a limit of five: the first five in pool order, as rapidfuzz keeps them.
    names = [f"karavil{c}" for c in "bcdfghjklmnpqrstvwxz"] + invented_names(fuzzy.FILTER_MIN_POOL, seed=3)
    pool = NamePool(names, list(range(len(names))))
    assert pool.closest("karavila", 80.0, 5) == [0, 1, 2, 3, 4]


def test_a_character_no_name_has_still_counts_in_the_query_length(big_pool: NamePool) -> None:
    # "ø" is in no name: it adds to the query's length (lowering every ratio) and to nobody's overlap.
    assert big_pool.closest("karaø", 82.0, 15) == every_name_scored(big_pool, "karaø", 82.0, 15)


def test_small_pools_are_scored_whole() -> None:
    pool = NamePool(["tarvil", "tarvel", "bumo"], [5, 6, 7])
    assert pool.closest("tarvil", 82.0, 15) == [5, 6]


def invented_index(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, gid TEXT, country TEXT, precision TEXT, population INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER);
        INSERT INTO places VALUES (1, 'g:1', 'AA', 'town', 50000), (2, 'g:2', 'AA', 'town', 0),
            (3, 'sitrep:3', 'BB', 'town', 0), (4, 'g:4', 'BB', 'admin1', 0), (5, 'g:5', 'AA', 'town', 200);
        INSERT INTO names VALUES ('big town', 1), ('unknown village', 2), ('curated', 3), ('province', 4),
            ('small town', 5), ('big town alias', 1);
        """
    )
    db.commit()
    return db


def assert_invented_pools(pools: NamePools) -> None:
    assert pools.pool("").keys == ["big town", "province", "big town alias"]
    assert pools.pool("").ids == [1, 4, 6]
    assert pools.pool("AA").keys == ["big town", "small town", "big town alias"]
    assert pools.pool("BB").keys == ["curated", "province"]
    assert pools.pool("CC").keys == []


def test_pools_are_read_per_country_and_worldwide_in_index_order() -> None:
    assert_invented_pools(load_pools(invented_index(":memory:"), min_population=15_000))


def test_pools_are_remembered_beside_the_index_until_it_changes(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    db = invented_index(str(index))
    assert_invented_pools(load_pools(db, min_population=15_000))
    remembered = list(tmp_path.glob("index.sqlite.fuzzy-*"))
    assert len(remembered) == 1
    assert_invented_pools(load_pools(db, min_population=15_000))  # read from the file
    db.execute("INSERT INTO names VALUES ('province alias', 4)")
    db.commit()  # the index file changes: its pools are read again
    assert load_pools(db, min_population=15_000).pool("BB").keys == ["curated", "province", "province alias"]


def test_a_file_that_cannot_be_written_only_means_reading_the_index_again(tmp_path: Path) -> None:
    db = invented_index(str(tmp_path / "index.sqlite"))
    # A directory where the file would go: it is neither read nor replaced.
    (tmp_path / f"index.sqlite.fuzzy-15000-v{fuzzy.POOLS_VERSION}.npz").mkdir()
    assert_invented_pools(load_pools(db, min_population=15_000))
    assert_invented_pools(load_pools(db, min_population=15_000))
    assert not list(tmp_path.glob("*.tmp"))
