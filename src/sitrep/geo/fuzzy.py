"""Fuzzy name search: the gazetteer names most like a misspelt one, without scoring every name in a pool.

A pool holds name keys (and the index rows they come from) in a fixed order. ``NamePool.closest`` returns
exactly what ``rapidfuzz.process.extract`` with ``fuzz.ratio`` returns over the whole pool (the same hits,
in the same order, ties broken by pool order), but scores only the names that can reach the cut-off.

Why the filter is exact: ``fuzz.ratio`` is 200 * LCS / (len(a) + len(b)), where LCS is the length of the
longest common subsequence. A common subsequence uses each character no more often than either string has
it, so LCS <= the sum over characters of min(count in a, count in b) (the "bag" overlap). A name whose bag
overlap with the query cannot lift its ratio to the cut-off is never a hit, and is skipped unscored.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

# Below this many names, scoring them all is as fast as filtering first.
FILTER_MIN_POOL = 5_000
# Float slack on the bound, so that rounding never drops a name rapidfuzz would keep.
BOUND_SLACK = 1e-6
# Character counts are kept as uint8: a query repeating one character more often than this is scored plainly.
MAX_COUNT = 255
POOLS_VERSION = 1  # of the pools file remembered beside the index: raise it when _read_names or the layout change
COUNT_BLOCK = 16_384  # names counted together when a pool is prepared


class NamePool:
    """Name keys searched together (one country's names, or prominent places worldwide), in index order."""

    def __init__(self, keys: list[str], ids: list[int]) -> None:
        self.keys = keys
        self.ids = ids
        self._prepared = False
        # Filled on the first filtered search: the pool's positions sorted by name length (stable), the lengths in
        # that order, and each character's count per name in that order (one row per character).
        self._order: npt.NDArray[np.intp] = np.empty(0, dtype=np.intp)
        self._lengths: npt.NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._chars: dict[str, int] = {}
        self._counts: npt.NDArray[np.uint8] = np.empty((0, 0), dtype=np.uint8)

    def closest(self, query: str, cutoff: float, limit: int) -> list[int]:
        """Index row ids of the (at most ``limit``) names with ``fuzz.ratio`` >= ``cutoff``, best first."""
        wanted = Counter(query)
        floor = cutoff - BOUND_SLACK
        if len(self.keys) < FILTER_MIN_POOL or not query or not 0 < floor < 200 or max(wanted.values()) > MAX_COUNT:
            hits = process.extract(query, self.keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
            return [self.ids[index] for _, _, index in hits]
        self._prepare()
        # Lengths alone bound the ratio: 200 * min(a, b) / (a + b).
        size = len(query)
        first = int(np.searchsorted(self._lengths, floor * size / (200 - floor), "left"))
        stop = int(np.searchsorted(self._lengths, size * (200 - floor) / floor, "right"))
        overlap = np.zeros(stop - first, dtype=np.uint16)
        for char, count in wanted.items():
            row = self._chars.get(char)
            if row is None:
                continue  # no name in the pool has it
            overlap += np.minimum(self._counts[row, first:stop], count)
        bound = 200.0 * overlap / (self._lengths[first:stop] + size)
        survivors = np.sort(self._order[first + np.flatnonzero(bound >= floor)])
        # Back in pool order, so rapidfuzz breaks ties among the survivors as it would over the whole pool.
        positions = survivors.tolist()
        names = [self.keys[i] for i in positions]
        hits = process.extract(query, names, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        return [self.ids[positions[index]] for _, _, index in hits]

    def _prepare(self) -> None:
        if self._prepared:
            return
        size = len(self.keys)
        lengths = np.fromiter((len(k) for k in self.keys), dtype=np.int64, count=size)
        codes = np.frombuffer("".join(self.keys).encode("utf-32-le"), dtype=np.uint32)
        alphabet = np.flatnonzero(np.bincount(codes))
        row_of_code = np.zeros(int(alphabet[-1]) + 1, dtype=np.int64)
        row_of_code[alphabet] = np.arange(len(alphabet))
        rows = row_of_code[codes]
        ends = np.cumsum(lengths)
        counts = np.empty((size, len(alphabet)), dtype=np.uint8)
        # Counted a block of names at a time: cell (name, char) of a small flattened table, so that no table the
        # size of the whole pool is ever allocated in int64.
        for first in range(0, size, COUNT_BLOCK):
            stop = min(size, first + COUNT_BLOCK)
            owner = np.repeat(np.arange(stop - first), lengths[first:stop])
            chars = rows[ends[first] - lengths[first] : ends[stop - 1]]
            cells = np.bincount(owner * len(alphabet) + chars, minlength=(stop - first) * len(alphabet))
            counts[first:stop] = np.minimum(cells, MAX_COUNT).reshape(stop - first, len(alphabet))
        self._order = np.argsort(lengths, kind="stable")
        self._lengths = lengths[self._order]
        self._counts = np.ascontiguousarray(counts[self._order].T)
        self._chars = {chr(code): row for row, code in enumerate(alphabet.tolist())}
        self._prepared = True


@dataclass(frozen=True)
class PoolNames:
    """The names of every pool, in index order: key, index row id, the row of its country in ``countries`` (-1:
    none), and whether it is in the worldwide pool."""

    keys: list[str]
    ids: npt.NDArray[np.int64]
    country: npt.NDArray[np.int32]
    worldwide: npt.NDArray[np.bool_]
    countries: list[str]


class NamePools:
    """Every pool fuzzy matching searches, from one pass over the index's names (remembered beside the index).

    A country's pool: its units, sites, curated places and towns of known size (villages of unknown size are
    found by their names and romanisations only: they are many, and a look-alike village is rarely right).
    The worldwide pool (country ""): units, sites and towns of at least ``min_population``, searched in any
    document. Every pool keeps the index's row order, so ties fall the same way however the pools are read.
    """

    def __init__(self, names: PoolNames) -> None:
        self._names = names
        self._country_row = {country: row for row, country in enumerate(names.countries)}
        self._pools: dict[str, NamePool] = {}

    def pool(self, country: str) -> NamePool:
        if country not in self._pools:
            names = self._names
            if not country:
                where = names.worldwide
            elif country in self._country_row:
                where = names.country == self._country_row[country]
            else:
                where = np.zeros(len(names.keys), dtype=np.bool_)
            positions = np.flatnonzero(where).tolist()
            self._pools[country] = NamePool([names.keys[i] for i in positions], names.ids[positions].tolist())
        return self._pools[country]


def load_pools(db: sqlite3.Connection, min_population: int) -> NamePools:
    """The pools of the index open in ``db``: read from the file remembered beside the index when it was written
    for this very index file, else read from the index (and remembered, where the directory is writable)."""
    index = index_file(db)
    stamp = index_stamp(index) if index else None
    if index is None or stamp is None:
        return NamePools(_read_names(db, min_population))
    remembered = index.with_name(f"{index.name}.fuzzy-{min_population}-v{POOLS_VERSION}.npz")
    names = _remembered_names(remembered, stamp)
    if names is None:
        names = _read_names(db, min_population)
        if not any("\n" in key for key in names.keys):  # the file keeps the keys one a line
            _remember(remembered, stamp, names)
    return NamePools(names)


def _read_names(db: sqlite3.Connection, min_population: int) -> PoolNames:
    sql = (
        "SELECT n.key, n.rowid, p.country, (p.precision != 'town' OR p.population >= ?) "
        "FROM names n JOIN places p ON p.id = n.place "
        "WHERE p.precision != 'town' OR p.population > 0 OR p.gid LIKE 'sitrep:%' ORDER BY n.rowid"
    )
    keys: list[str] = []
    ids: list[int] = []
    country: list[int] = []
    worldwide: list[bool] = []
    row_of: dict[str, int] = {}
    for key, rowid, iso2, prominent in db.execute(sql, (min_population,)):
        keys.append(key)
        ids.append(rowid)
        country.append(row_of.setdefault(iso2, len(row_of)) if iso2 else -1)
        worldwide.append(bool(prominent))
    return PoolNames(
        keys,
        np.array(ids, dtype=np.int64),
        np.array(country, dtype=np.int32),
        np.array(worldwide, dtype=np.bool_),
        list(row_of),
    )


def index_file(db: sqlite3.Connection) -> Path | None:
    """The file of the gazetteer index ``db`` reads (None for an index in memory)."""
    found = [Path(file) for _, name, file in db.execute("PRAGMA database_list") if name == "main" and file]
    return found[0] if found else None


def index_stamp(index: Path) -> list[int] | None:
    """Size and modification time of the index file: a rebuilt index is never read with what was remembered
    beside another (the name pools, the countries' names)."""
    try:
        info = index.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _remembered_names(path: Path, stamp: list[int]) -> PoolNames | None:
    try:
        with np.load(path, allow_pickle=False) as saved:
            if saved["stamp"].tolist() != stamp:
                return None
            keys = bytes(saved["keys"]).decode("utf-8").split("\n") if len(saved["ids"]) else []
            return PoolNames(keys, saved["ids"], saved["country"], saved["worldwide"], saved["countries"].tolist())
    except (OSError, ValueError, KeyError):
        return None  # missing, unreadable or of another layout: read the index again


def _remember(path: Path, stamp: list[int], names: PoolNames) -> None:
    write_beside_index(
        path,
        lambda out: np.savez(
            out,
            stamp=np.array(stamp, dtype=np.int64),
            keys=np.frombuffer("\n".join(names.keys).encode("utf-8"), dtype=np.uint8),
            ids=names.ids,
            country=names.country,
            worldwide=names.worldwide,
            countries=np.array(names.countries, dtype=str),
        ),
    )


def write_beside_index(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Writes what is remembered beside the index through a temporary file, so that a reader never sees half of
    it; a directory that cannot be written only means that the next process reads the index again."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.chmod(temporary, 0o644)  # readable like the index it sits beside
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
