"""The gazetteer: candidate lookup in the SQLite index, and resolution of one mention to a Place."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from sitrep.data import load_yaml, word_set
from sitrep.geo.build import GEONAMES_SEAT_CODES, ensure_index
from sitrep.geo.disambiguate import (
    Anchor,
    Row,
    beside_a_sentence_place,
    name_similarity,
    on_the_stated_side,
    total_score,
    weights,
)
from sitrep.geo.distance import haversine_km
from sitrep.geo.fuzzy import NamePool, NamePools, index_file, index_stamp, load_pools, write_beside_index
from sitrep.geo.normalise import (
    ARTICLES,
    ParsedMention,
    cased_tokens,
    country_rows,
    demonym_keys,
    is_calendar_word,
    is_generic_word,
    is_never_a_place,
    name_key,
    names_a_small_place,
    names_part_of_a_town,
    parse_mention,
    romanised_key,
    skeleton_key,
    specific_romanisation,
    stated_side,
    tokens,
    words_key,
    written_as_country,
)
from sitrep.model import PLACE_PRECISIONS, Place, PlaceAlternative

# Towns at least this big are searched by fuzzy matching when the document gives no country.
GLOBAL_FUZZY_MIN_POPULATION = 15_000
FUZZY_LIMIT = 15
FUZZY_MEMO_SIZE = 50_000  # names whose fuzzy hits are kept per process (a few MB)
MATCH_MEMO_SIZE = 2_000  # names whose index hits are kept per process (tens of MB at most)
MIN_SKELETON = 3
MAX_NGRAM = 4  # longest country name/alias in words, for scanning text
DEMONYM_WEIGHT = 0.5
ALTERNATIVES = 3  # candidates kept beside the chosen place
CITY_QUARTER = "district"  # the curated site type of a city's quarter ("Jobar", Damascus)
QUARTER_KM = 25.0  # a quarter lies this close to its town's point


@dataclass(slots=True)
class Candidate:
    place: Place
    score: float
    matched_name: str


@dataclass(slots=True)
class GeoContext:
    """What the document tells us about where its places are."""

    sentence: str = ""
    document_countries: Sequence[str] = ()  # ISO2, most frequent first
    nearby_places: Sequence[str] = ()  # other place texts in the sentence/document
    min_similarity: float = 0.0  # raise the name-similarity floor (a bare proper noun needs its exact name)


@dataclass(frozen=True, slots=True)
class _Match:
    row: Row
    similarity: float
    matched_name: str
    via_core_alias: bool
    whole_mention: bool = False
    main_name: bool = False  # matched the place's own name, not one of its alternate names
    same_skeleton: bool = False  # another romanisation of the name ("Tabaqa" / "Tabqa"), not only a look-alike
    # The same romanised key ("Sheikh Meskin" / "Shaykh Miskin"): finer than the skeleton, which only finds candidates
    romanised: bool = False
    # The place's own name (not only an alternate name) is the name written or another romanisation of it
    own_name_spelled: bool = False

    @property
    def spelled(self) -> bool:
        """The name as written, or another romanisation of it: not a fuzzy look-alike."""
        return self.similarity >= 1.0 or self.same_skeleton


# An index hit: the place, the name it was found under, that name's source and its keys as the index stores them
# (``name_key``, ``skeleton_key``, ``romanised_key`` of the name, computed when the index was built).
_Hit = tuple[Row, str, str, str, str, str]  # row, name, key, source, skeleton, romanised key


def _match_of(hit: _Hit, key: str, skel: str, rom: str, whole_mention: bool = False) -> _Match:
    """A candidate row found under a name (``hit``) for a mention keyed ``key`` / ``skel`` / ``rom``; the name's own
    keys are read from the index, not worked out again for each of the thousands of names a common key reads."""
    row, name, cand_key, source, cand_skel, cand_rom = hit
    romanised = cand_rom == rom
    same = romanised or cand_skel == skel
    return _Match(
        row,
        name_similarity(key, cand_key, same),
        name,
        source == "core",
        whole_mention=whole_mention,
        main_name=source == "name",
        same_skeleton=same,
        romanised=romanised,
        own_name_spelled=source == "name" and (romanised or cand_key == key),
    )


def _own_name_spelled(match: _Match) -> _Match:
    """``replace(match, own_name_spelled=True)``, built positionally: ``dataclasses.replace`` is several times
    slower, and a common name's lookup keeps thousands of matches."""
    m = match
    return _Match(
        m.row,
        m.similarity,
        m.matched_name,
        m.via_core_alias,
        m.whole_mention,
        m.main_name,
        m.same_skeleton,
        m.romanised,
        True,
    )


_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’‘`][^\W_]+)*")
# Lower-case words inside place names: Arabic articles ("al-", "ez-"), "bin", and French/Spanish "de", "la", ...
_PARTICLES = (ARTICLES | word_set("en", "places", "name_particles")) - {"the", "a", "an"}


def _name_runs(sentence: str) -> list[tuple[str, bool]]:
    """The sentence's runs of capitalised words, with the particles inside names ("Jisr al-Shughur", "Deir ez-Zor"),
    each with whether it opens the sentence. A run is a name as a whole or not at all: "Ain" in "Ain al-Arab" is
    not the town of Al Ain."""
    runs: list[tuple[str, bool]] = []
    words: list[re.Match[str]] = []

    def close() -> None:
        while words and words[-1].group().lower() in _PARTICLES:
            words.pop()
        if words:
            runs.append((sentence[words[0].start() : words[-1].end()], words[0].start() == first_start))

    first = _WORD.search(sentence)
    first_start = first.start() if first else -1
    for word in _WORD.finditer(sentence):
        text = word.group()
        joined = bool(words) and sentence[words[-1].end() : word.start()] in (" ", "-")
        capital = text[:1].isupper()
        if (capital and (joined or not words)) or (joined and text.lower() in _PARTICLES):
            words.append(word)
        else:
            close()
            words = [word] if capital else []
    close()
    return runs


_SENTENCE_END = re.compile(r"[.;!?:\n]+\s*")
_QUOTED = re.compile(r"[“\"«][^”\"»]{1,60}[”\"»]")
_POSSESSIVE_S = re.compile(r"(?<=[A-Za-z])['’]s\b")
_NAME_PARTS = re.compile(r"['’]s\b| of | in ")  # "Kharkiv's Kyivskyi district", "the Hit district of Anbar"
# The layout of the country names remembered beside the index (``Gazetteer._load_country_names``).
COUNTRY_NAMES_VERSION = 1


_ROW_COLUMNS = "p.id, p.gid, p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.precision, p.feature, p.population"


class Gazetteer:
    """Offline place lookup over the index built by :func:`sitrep.geo.build_index`."""

    _open: dict[Path, Gazetteer] = {}  # noqa: RUF012 - one instance per index file per process

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._fuzzy_pools: NamePools | None = None
        # The same unknown name recurs across a batch's articles (a village, a misspelt town): its fuzzy hits
        # depend only on the name and the country context, so they are searched once per process (bounded).
        self._fuzzy_hits: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        # So do a name's index hits (the same names recur: a country, its capital, the front line's towns).
        self._match_memo: dict[tuple[str, tuple[str, ...], bool, bool], tuple[_Match, ...]] = {}
        # A name's exact, skeleton and romanised hits, whatever the country context (``_index_hits``).
        self._hit_memo: dict[tuple[str, bool], dict[int, _Match]] = {}
        self._country_names = self._load_country_names()
        # The words a country name's key can begin with, articles included (a key drops them): a word of none of
        # these begins no name, so ``_country_hits`` asks only its possessive reading there.
        self._country_starts = frozenset(key.split(" ")[0] for key in self._country_names) | ARTICLES
        self._country_displays: dict[str, str] = {}
        self._populations: dict[tuple[str, str | None], int | None] = {}
        self._neighbours: dict[str, frozenset[str]] = {}
        for country, neighbour in db.execute("SELECT country, neighbour FROM neighbours"):
            self._neighbours[country] = self._neighbours.get(country, frozenset()) | {neighbour}

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open (building first if missing) the index; cached per process and path."""
        target = ensure_index(path)
        if target not in cls._open:
            db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            cls._open[target] = cls(db)
        return cls._open[target]

    @classmethod
    def reconnect(cls) -> None:
        """Each open index read through a new connection, keeping what was read from it: for a process forked from
        one that had it open (an SQLite connection must not be used across a fork)."""
        for target, gazetteer in cls._open.items():
            gazetteer._db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)

    # --- candidates -------------------------------------------------------------------------

    def _rows(self, where: str, args: Sequence[object]) -> list[_Hit]:
        sql = (
            f"SELECT {_ROW_COLUMNS}, n.name, n.key, n.source, n.skel, n.rom "
            f"FROM names n JOIN places p ON p.id = n.place WHERE {where}"
        )
        return [(Row(*rec[:11]), *rec[11:]) for rec in self._db.execute(sql, args)]

    def _remembered_matches(
        self, query: str, countries: tuple[str, ...], fuzzy: bool, whole_mention: bool
    ) -> tuple[_Match, ...]:
        """``_matches``, marked as hits of the whole mention or not; the index is read-only, so a name's hits in a
        country context are looked up once per process (bounded)."""
        memo = (query, countries, fuzzy, whole_mention)
        found = self._match_memo.get(memo)
        if found is None:
            if len(self._match_memo) >= MATCH_MEMO_SIZE:
                self._match_memo.clear()
            found = tuple(self._matches(query, countries, fuzzy, whole_mention))
            self._match_memo[memo] = found
        return found

    def _matches(
        self, query: str, countries: Sequence[str], fuzzy: bool = True, whole_mention: bool = False
    ) -> list[_Match]:
        """Index hits by exact key or romanisation skeleton, then (with ``fuzzy``) fuzzy hits if none is close; each
        marked as a hit of the whole mention or not (set as it is built: copying thousands of frozen matches costs)."""
        key, skel, rom = name_key(query), skeleton_key(query), romanised_key(query)
        if not key:
            return []
        found = dict(self._index_hits(query, whole_mention))  # a copy: fuzzy hits may be kept beside them
        here = set(countries[:3])
        # Fuzzy search runs unless a close spelling or another romanisation was found (in the document's countries,
        # when it names any): a look-alike is never better than the name itself.
        if fuzzy and not any(
            (m.similarity >= 0.95 or m.spelled) and (not here or m.row.country in here) for m in found.values()
        ):
            for hit in self._fuzzy_rows(key, countries):
                self._keep(found, _match_of(hit, key, skel, rom, whole_mention))
        return list(found.values())

    def _index_hits(self, query: str, whole_mention: bool) -> dict[int, _Match]:
        """The hits of ``query`` by exact key, skeleton or romanised key, by place. They depend on the name alone, not
        on the document's countries (only the fuzzy search does), so they are read once per process (bounded): a
        common name ("Ukraine": 1,499 index rows) recurs in documents of many country contexts."""
        memo = (query, whole_mention)
        found = self._hit_memo.get(memo)
        if found is not None:
            return found
        if len(self._hit_memo) >= MATCH_MEMO_SIZE:
            self._hit_memo.clear()
        key, skel, rom = name_key(query), skeleton_key(query), romanised_key(query)
        found = {}
        # Very short skeletons ("km", "sd") match thousands of names: use the exact key and fuzzy search only. A
        # generic word adds no length ("Raqa city" is as short as "Raqa": its skeleton would match "Yreka City").
        # The romanised key keeps where the vowels stand, so it is specific enough for shorter names ("Marea").
        specific = " ".join(w for w in key.split() if not is_generic_word(w))
        clauses, args = ["n.key = ?"], [key]
        if len(skeleton_key(specific).replace(" ", "")) >= MIN_SKELETON:
            clauses, args = [*clauses, "n.skel = ?"], [*args, skel]
        if specific_romanisation(romanised_key(specific)):
            clauses, args = [*clauses, "n.rom = ?"], [*args, rom]
        for hit in self._rows(" OR ".join(clauses), args):
            self._keep(found, _match_of(hit, key, skel, rom, whole_mention))
        self._hit_memo[memo] = found
        return found

    @staticmethod
    def _keep(found: dict[int, _Match], match: _Match) -> None:
        old = found.get(match.row.id)
        if old is not None and old.own_name_spelled and not match.own_name_spelled:
            match = _own_name_spelled(match)  # the row is one match: what any of its names showed holds
        if old is None or _rank(match) > _rank(old):
            found[match.row.id] = match
        elif match.own_name_spelled and not old.own_name_spelled:
            found[match.row.id] = _own_name_spelled(old)

    def _fuzzy_pool(self, country: str) -> NamePool:
        """The names of one country (or, for "", of prominent places worldwide) that fuzzy matching searches
        (:class:`sitrep.geo.fuzzy.NamePools`), all read on first use."""
        if self._fuzzy_pools is None:
            self._fuzzy_pools = load_pools(self._db, GLOBAL_FUZZY_MIN_POPULATION)
        return self._fuzzy_pools.pool(country)

    def _fuzzy_rows(self, key: str, countries: Sequence[str]) -> list[_Hit]:
        rowids = self._fuzzy_rowids(key, tuple(countries[:3]))
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        return self._rows(f"n.rowid IN ({marks})", rowids)

    def _fuzzy_rowids(self, key: str, countries: tuple[str, ...]) -> list[int]:
        memo = (key, countries)
        if memo not in self._fuzzy_hits:
            if len(self._fuzzy_hits) >= FUZZY_MEMO_SIZE:
                self._fuzzy_hits.clear()
            cutoff = float(weights()["min_similarity"]) * 100
            rowids: list[int] = []
            for country in [*countries, ""]:
                rowids.extend(self._fuzzy_pool(country).closest(key, cutoff, FUZZY_LIMIT))
            self._fuzzy_hits[memo] = rowids
        return self._fuzzy_hits[memo]

    # --- country context --------------------------------------------------------------------

    def _load_country_names(self) -> dict[str, tuple[str, bool]]:
        """name key -> (ISO2, is a demonym); remembered beside the index file, as the fuzzy pools are: reading them
        scans every name of the index (no index serves names by place), a sixth of a second for each process."""
        index = index_file(self._db)
        stamp = index_stamp(index) if index else None
        if index is None or stamp is None:
            return self._read_country_names()
        remembered = index.with_name(f"{index.name}.countries-v{COUNTRY_NAMES_VERSION}.json")
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            saved = json.loads(remembered.read_text(encoding="utf-8"))
            if saved["stamp"] == stamp:
                return {key: (country, bool(demonym)) for key, country, demonym in saved["names"]}
        names = self._read_country_names()
        content = {"stamp": stamp, "names": [[k, c, d] for k, (c, d) in names.items()]}
        write_beside_index(remembered, lambda out: out.write(json.dumps(content).encode("utf-8")))
        return names

    def _read_country_names(self) -> dict[str, tuple[str, bool]]:
        sql = (
            "SELECT n.key, p.country, n.source FROM names n JOIN places p ON p.id = n.place "
            "WHERE p.precision = 'country'"
        )
        return {key: (country, source == "demonym") for key, country, source in self._db.execute(sql)}

    def countries_in_text(self, text: str, demonym_weight: float = DEMONYM_WEIGHT) -> list[str]:
        """ISO2 codes of countries named in ``text``, most named first.

        Demonyms count less than names: "Russian forces advanced toward Pokrovsk" is about who, not where.
        With ``demonym_weight=0`` only names count.
        """
        counts: dict[str, float] = defaultdict(float)
        for country, demonym in self._country_hits(text):
            counts[country] += demonym_weight if demonym else 1.0
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: first named wins ties
        return [c for c, weight in ranked if weight > 0]

    @lru_cache(maxsize=4096)  # noqa: B019 - the gazetteer lives for the whole process
    def _country_hits(self, text: str) -> tuple[tuple[str, bool], ...]:
        """(ISO2, is a demonym) of each country name in ``text``, in text order; scanned once per text (a document
        is asked with and without demonyms, each sentence once per place in it)."""
        text = _POSSESSIVE_S.sub("", text)  # "Ukraine's army" names Ukraine; keys drop apostrophes, not the s
        words = tokens(text)
        cased = cased_tokens(text)
        if len(cased) != len(words):  # case folding changed the token count: trust no casing
            cased = words
        hits: list[tuple[str, bool]] = []
        i = 0
        while i < len(words):
            longest = min(MAX_NGRAM, len(words) - i) if words[i] in self._country_starts else 1
            for n in range(longest, 0, -1):
                hit = self._country_names.get(words_key(words[i : i + n]))
                if hit is None and n == 1:
                    hit = self._possessive_without_apostrophe(words[i])
                if hit and written_as_country(cased[i : i + n], words[i + n] if i + n < len(words) else ""):
                    hits.append(hit)
                    i += n - 1
                    break
            i += 1
        return tuple(hits)

    def _possessive_without_apostrophe(self, word: str) -> tuple[str, bool] | None:
        """ "Syrias Raqa": a country's name with a possessive s whose apostrophe the text lost (a demonym plus s
        is people: "Syrians")."""
        hit = self._country_names.get(name_key(word[:-1])) if len(word) > 4 and word.endswith("s") else None
        return hit if hit is not None and not hit[1] else None

    def countries_of_places(self, text: str) -> list[str]:
        return self._implied(text)[0]

    def well_known_places(self, text: str) -> list[str]:
        """The names of provinces, regions and big towns written in ``text`` (as in :meth:`countries_of_places`)."""
        return self._implied(text)[1]

    @lru_cache(maxsize=1024)  # noqa: B019 - the gazetteer lives for the whole process
    def _implied(self, text: str) -> tuple[list[str], list[str]]:
        """ISO2 codes of the countries that the places ``text`` names imply, best first, when it names no country.

        A headline such as "Shelling on Kafr Nabudah and clashes in the Hama countryside" names no country, but
        its well-known places do: each capitalised name of a province or of a town of at least
        ``implied_country_min_population`` votes for the countries that hold a place of that name, shared by
        the size of each country's namesake ("Homs": Syria's city far more than Libya's Al Khums, also called
        Homs). A name held by many countries ("Eastern", "Central") says nothing and is skipped. Only names
        spelled exactly count; no fuzzy matching.
        """
        w = weights()
        minimum, most = int(w["implied_country_min_population"]), int(w["implied_country_max_namesakes"])
        votes: dict[str, float] = defaultdict(float)
        seen: set[str] = set()
        names: list[str] = []
        for sentence in _SENTENCE_END.split(_POSSESSIVE_S.sub("", text)):
            for run, opens_sentence in _name_runs(sentence):
                key = name_key(run)
                if (
                    not key
                    or key in seen
                    or key in self._country_names
                    or len(key) < MIN_SKELETON
                    or is_generic_word(key)
                    or is_calendar_word(key)
                    or key in actor_name_keys()
                ):
                    continue
                sizes = self._prominent_namesakes(key, minimum, opens_sentence and " " not in key)
                if not sizes:
                    continue
                seen.add(key)
                names.append(run)
                if len(sizes) <= most:
                    total = sum(sizes.values())
                    for country, size in sizes.items():
                        votes[country] += size / total
        if not votes:
            votes = self._village_votes(text)
        if not votes:
            return [], names
        top = max(votes.values())
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        return [c for c, vote in ranked if vote >= top * float(w["implied_country_min_share"])], names

    def _village_votes(self, text: str) -> dict[str, float]:
        """Countries implied by the smaller places a text names, when it names no country, province or big town
        ("airstrikes on Muhassan and Uqayribat"): places named together lie together, so each name spelled exactly
        votes for the countries holding a town or village of that name, shared among them. A name held by more
        than ``implied_country_max_namesakes`` countries, or a single word opening a sentence, says nothing."""
        most = int(weights()["implied_country_max_namesakes"])
        votes: dict[str, float] = defaultdict(float)
        weak: dict[str, float] = defaultdict(float)  # from names many countries hold: only to break a tie
        seen: set[str] = set()
        # A name in quotes names an operation or a slogan ("Operation “Olive Branch”"), not a place.
        for sentence in _SENTENCE_END.split(_QUOTED.sub("", _POSSESSIVE_S.sub("", text))):
            for run, opens_sentence in _name_runs(sentence):
                key = name_key(run)
                if (
                    not key
                    or key in seen
                    or (opens_sentence and " " not in key)
                    or len(key) < MIN_SKELETON
                    or is_generic_word(key)
                    or is_calendar_word(key)
                    or key in self._country_names
                    or key in actor_name_keys()
                ):
                    continue
                seen.add(key)
                countries = self._namesake_countries(key)
                for country in sorted(countries):
                    (votes if len(countries) <= most else weak)[country] += 1.0 / len(countries)
        return _without_tie(votes, weak)

    @lru_cache(maxsize=8192)  # noqa: B019 - the gazetteer lives for the whole process
    def _namesake_countries(self, key: str) -> frozenset[str]:
        """The countries holding a town, village or site named ``key`` (not through a stripped core name)."""
        sql = (
            "SELECT DISTINCT p.country FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
            "AND n.source != 'core' AND p.precision IN ('town', 'site', 'admin2')"
        )
        return frozenset(c for (c,) in self._db.execute(sql, (key,)) if c)

    @lru_cache(maxsize=8192)  # noqa: B019 - the gazetteer lives for the whole process
    def _prominent_namesakes(self, key: str, minimum: int, units_only: bool = False) -> dict[str, int]:
        """Country -> population of its biggest province (or region) or town of at least ``minimum`` named
        ``key``; with ``units_only``, provinces and regions only."""
        sql = (
            "SELECT p.country, MAX(p.population) FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
            "AND n.source != 'core' AND (p.precision IN ('admin1', 'region') "
            "OR (p.precision = 'town' AND p.population >= ?)) GROUP BY p.country"
        )
        threshold = 10**12 if units_only else minimum
        return {c: max(int(size or 0), minimum) for c, size in self._db.execute(sql, (key, threshold)) if c}

    def document_countries(self, text: str) -> list[str]:
        """The countries ``text`` names (:meth:`countries_in_text`), then those of its well-known places when none of
        them lies in a named country (:meth:`places_elsewhere`); for a text that names none, those its places imply.

        A nationality says who, not where: a text that names no country outright ("Iranian militias attack
        al-Mayadin") is first where its places imply, then in the countries of its nationalities."""
        named = self.countries_in_text(text)
        by_name = self.countries_in_text(text, 0.0)
        if not named:
            return self.countries_of_places(text)
        if by_name:
            return list(dict.fromkeys([*named, *self.places_elsewhere(text, by_name)]))
        return list(dict.fromkeys([*self.countries_of_places(text), *named]))

    def places_elsewhere(self, text: str, named: Sequence[str]) -> list[str]:
        """The countries of the well-known places ``text`` names when none of them is in a country it names.

        A country named as a doer says who acted, not where: "Russia and the regime avenge their pilot in the
        Idlib countryside" names Russia, but its province is Syria's, so a village it names is sought in Syria
        too. Only provinces, regions and big towns spelled exactly count (:meth:`countries_of_places`); when one of
        them lies in a named country ("Mansoura, Raqqa governorate, Syria"), the named countries stand alone."""
        implied, places = self._implied(text)
        if not places or set(implied) & set(named):
            return []
        return implied

    # --- public API -------------------------------------------------------------------------

    def lookup(
        self, name: str, countries: Sequence[str] = (), limit: int = 10, nearby: Sequence[str] = ()
    ) -> list[Candidate]:
        """Candidates for a name, best first, with their scores, in a document about ``countries`` that also names
        the places ``nearby``."""
        context = GeoContext(document_countries=tuple(countries), nearby_places=tuple(nearby))
        return self._ranked(name, context)[:limit]

    def resolve(self, text: str, context: GeoContext) -> Place | None:
        """The best place for a raw mention ("the countryside of al-Hasakah"), or None."""
        head, sep, tail = text.rpartition(" in ")
        if sep and head.strip() and tail.strip():
            return self._resolve_nested(head, tail, context)
        capital = self._national_capital(text, context)  # "the Syrian capital", "Ukraine's capital"
        if capital is None and _BARE_CAPITAL.fullmatch(text.strip()):
            return None  # "the capital" of a report that names no country is no place (not Venezuela's Capital)
        if capital is not None:
            return capital
        possessive = _POSSESSIVE.match(text)  # "Odesa Oblast's Izmail district"
        if possessive and not self._is_a_name(text):  # ... but "the Donetsk People's Republic" is one name
            return self._resolve_nested(possessive["owned"], possessive["owner"], context)
        owner, _, owned = text.partition(" ")  # "Syrias Idlib": a country's possessive that lost its apostrophe
        if owned and self._possessive_without_apostrophe(owner) and not self._is_a_name(text):
            return self._resolve_nested(owned, owner[:-1], context)
        inner, of, outer = text.partition(" of ")  # "the Hit district of Anbar province"
        if of and outer.strip() and _names_a_unit(inner):
            return self._resolve_nested(inner, outer, context)
        parsed = parse_mention(text)
        if is_never_a_place(parsed.core) or _only_particles(parsed.core) or _names_a_people(parsed.core):
            return None
        if parsed.kind == "border":
            border = self._border(parsed, context)
            if border is not None:
                return border
        ranked = self._ranked(text, context, parsed)
        if not ranked:
            return None
        best = ranked[0]
        place = _with_precision(best.place, parsed, best.score)
        place.alternatives = _alternatives(ranked[1:], best.place.gazetteer_id)
        return place

    def _national_capital(self, text: str, context: GeoContext) -> Place | None:
        """ "the Syrian capital", "Syria's capital": the capital city of the country named by its name or its
        nationality (``data/geo/countries.csv``), not the country; "the capital" alone is the capital of the
        document's first country."""
        text = text.strip()
        match = _NATIONAL_CAPITAL.match(text)
        hit = self._country_names.get(name_key(match["owner"])) if match else None
        country = hit[0] if hit else None
        if country is None and _BARE_CAPITAL.fullmatch(text) and context.document_countries:
            country = context.document_countries[0]
        capital = capitals().get(country) if country else None
        if country is None or not capital:
            return None
        found = self._ranked(capital, GeoContext(document_countries=(country,)))
        towns = [c.place for c in found if c.place.country == country and c.place.precision == "town"]
        return towns[0] if towns else None

    def _is_a_name(self, text: str) -> bool:
        key = name_key(parse_mention(text).core)
        return self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def _resolve_nested(self, inner_text: str, outer_text: str, context: GeoContext) -> Place | None:
        """'the Kharab al-Jir base in Hasakah' -> the base; 'a US base in Syria' -> Syria."""
        inner = self.resolve(inner_text, context)
        outer = self.resolve(outer_text, context)
        if inner is None or outer is None:
            return inner or outer
        if plausibly_contains(outer, inner) and _RANK[inner.precision] < _RANK[outer.precision]:
            return inner
        # "Syria's Eastern Ghouta": a region of the country (regions rank after countries: some span several)
        if outer.precision == "country" and inner.precision == "region" and inner.country == outer.country:
            return inner
        return outer

    def _ranked(self, text: str, context: GeoContext, parsed: ParsedMention | None = None) -> list[Candidate]:
        parsed = parsed or parse_mention(text)
        matches: dict[int, _Match] = {}
        sentence_countries = self.countries_in_text(context.sentence, 0.0) if context.sentence else []
        countries = tuple(context.document_countries) or tuple(sentence_countries)
        for number, query in enumerate(_queries(text, parsed)):
            # A name that must be spelled exactly gains nothing from the (slow) fuzzy search.
            for match in self._remembered_matches(query, countries, context.min_similarity < 0.95, number == 0):
                self._keep(matches, match)
        if parsed.direction and any(m.whole_mention and m.spelled for m in matches.values()):
            # "the Western Ghouta": a place whose own name holds the direction word is named, so the word is part of
            # that name, not a direction within a bigger area (the Eastern Ghouta, also called "Ghouta").
            parsed = replace(parsed, direction="")
        neighbours = self._neighbours.get(countries[0], frozenset()) if countries else frozenset()
        anchors = self._anchors(tuple(p for p in context.nearby_places if name_key(p) != name_key(text)), countries)
        # The countries the document names, and those of the provinces and districts it names ("in the Luhansk
        # People's Republic" puts a report from Moscow in Ukraine).
        home = frozenset(countries) | {a.country for a in anchors if a.country and a.precision in ("admin1", "admin2")}
        region = home | neighbours  # where a document that names countries has its places
        # "the Qadisiyah neighbourhood" is neither Al-Qadisiyah province nor the air base once called Al Qadisiyah,
        # nor a village called Qadisiyah: a part of a town is a site or nothing the gazetteer knows.
        too_big = {"admin1", "country", "region"} if names_a_small_place(text) else set()
        if too_big and parsed.kind == "town":
            too_big.add("site")
        part_of_a_town = names_part_of_a_town(text)
        if part_of_a_town:
            too_big |= {"town", "admin2"}

        def fits(row: Row) -> bool:
            """Not too big for what the mention names; a curated city quarter is a part of a town."""
            return row.precision not in too_big or (part_of_a_town and row.feature == CITY_QUARTER)

        home_towns = [a for a in anchors if a.precision == "town"]

        def in_a_named_city(row: Row) -> bool:
            """A city quarter is a quarter of a town the document names, when it names towns of the quarter's
            country: "the al-Zahraa district" of a report on Homs is not Aleppo's Jamiyat al-Zahraa."""
            if row.feature != CITY_QUARTER:
                return True
            towns = [a for a in home_towns if a.country == row.country]
            return not towns or any(haversine_km(a.lat, a.lon, row.lat, row.lon) <= QUARTER_KM for a in towns)

        loose_floor = float(weights()["min_similarity"])
        floor = max(loose_floor, context.min_similarity)
        several_words = int(weights()["romanisation_at_home_min_words"])
        # ``short_names_spelled``: one edit turns a short word into another name ("Deir" / "Dmeir", "Arts" /
        # "Rastan"), so a one-word name this short is taken only as written or in another romanisation of it.
        short_name = " " not in parsed.core.strip() and len(name_key(parsed.core)) < int(
            weights()["look_alike_min_letters"]
        )
        exact = [m for m in matches.values() if m.similarity >= 1.0 and not m.via_core_alias]
        # A place spelled exactly as written exists: loose spellings of other places are not it ("Kinshasa" is not
        # Cuinchy, whose alternate name "Kinshi" is near). But an exact namesake abroad does not stop another
        # romanisation of a place in the document's countries ("Mansoura" in a report on Syria is one of Syria's
        # Al Mansurah villages, not Egypt's city).
        exact_floor = max(floor, float(weights()["exact_name_floor"]))
        exact_at_home = any(not countries or m.row.country in home for m in exact)

        # The provinces of the places named in the mention's own sentence (all of them when there is no sentence):
        # a long report names places across the country, and a province named paragraphs away says nothing here.
        in_sentence = tuple(
            p
            for p in context.nearby_places
            if name_key(p) != name_key(text) and (not context.sentence or p in context.sentence)
        )
        sentence_anchors = self._anchors(in_sentence, countries)
        named_units = {(a.country, a.admin1) for a in sentence_anchors if a.admin1}
        # The finer places of the sentence: a province's point (its seat) says nothing of where in it a village is.
        sentence_points = [a for a in sentence_anchors if a.precision in ("town", "site", "admin2")]

        def in_a_named_unit(row: Row) -> bool:
            return (row.country, row.admin1) in named_units

        side = self._stated_side(text, context, countries)

        # ``romanisation_in_named_province``: an exact namesake elsewhere does not stop another romanisation of a
        # place in a province the document names ("Salmiyah ... east of Hama" is Hama's Salamiyah, not a village
        # of that very spelling on the coast); the nearby-places bonus then decides between them.
        exact_in_named_unit = any(in_a_named_unit(m.row) for m in exact)

        def floor_for(m: _Match) -> float:
            if m.spelled and not exact_in_named_unit and in_a_named_unit(m.row):
                return floor
            if exact_at_home or (exact and not (m.row.country in home and m.spelled)):
                return exact_floor
            if m.romanised and m.row.country in home and len(name_key(parsed.core).split()) >= several_words:
                # ``romanisation_at_home``: a name that must be spelled as the gazetteer has it (a bare proper noun
                # no parser called a place) may be spelled in another romanisation of a place in the document's
                # own countries, if it has several words: "Shaykh Miskin" written "Sheikh Meskin" is that town's
                # name, not a look-alike; a single bare word is as often a person's name ("Hikmat" / "Hikmah").
                return loose_floor
            return floor

        home_spelled = bool(home) and any(
            m.row.country in home and m.spelled and m.similarity >= floor_for(m) and fits(m.row)
            for m in matches.values()
        )
        country_floor = float(weights()["country_min_similarity"])
        # A name that is also a province's is, as a town, the province's seat (the unit is placed on it): "Mykolaiv"
        # is the city of Mykolaiv Oblast, not a village of the same name or a namesake with a wrong population.
        seats = {_point(m.row) for m in matches.values() if m.row.precision == "admin1" and m.spelled}
        seat_bonus = float(weights()["province_seat"])
        scored = [
            Candidate(
                _place(
                    m.row,
                    total_score(
                        m.similarity,
                        m.row,
                        parsed,
                        m.via_core_alias,
                        countries,
                        sentence_countries,
                        anchors,
                        m.whole_mention,
                        neighbours,
                    )
                    + (float(weights()["main_name"]) if m.main_name and m.spelled else 0.0)
                    + (seat_bonus if m.row.precision == "town" and _point(m.row) in seats else 0.0)
                    + (beside_a_sentence_place(m.row, sentence_points) if m.row.precision == "town" else 0.0)
                    + (on_the_stated_side(m.row, side) if m.spelled and m.row.precision in ("town", "site") else 0.0),
                ),
                0.0,
                m.matched_name,
            )
            for m in matches.values()
            if m.similarity >= (country_floor if m.row.precision == "country" else floor_for(m))
            and fits(m.row)
            and (m.similarity >= 1.0 or m.romanised or not short_name)
            and in_a_named_city(m.row)
            and self._plausible(m, countries, region | home, home, anchors)
            and (not home_spelled or m.row.country in home or self._known_abroad(m.row))
        ]
        for cand in scored:
            cand.score = cand.place.score
        rows = {m.row.gid: m.row for m in matches.values()}
        scored.sort(key=lambda c: (-c.score, *_namesake_order(rows[c.place.gazetteer_id])))
        return scored

    def _plausible(
        self,
        match: _Match,
        countries: Sequence[str],
        region: frozenset[str],
        home: frozenset[str] = frozenset(),
        anchors: Sequence[Anchor] = (),
    ) -> bool:
        """Whether a candidate may be the place named, given where the document is.

        In the document's countries: any spelling that clears the floor, a fuzzy look-alike only with a stronger
        similarity. Next to them (a neighbour the document does not name), another romanisation or a look-alike
        only near the places the document names, if it names any: far from them it is a village of home the
        gazetteer lacks ("Babeska" of a report on Idlib is not Babaeski, a town of European Turkey). Elsewhere,
        when the document names its countries, only a place named exactly and known well beyond its country (a
        country, a province, a capital, a big town): "talks in Geneva", but a village of the document's country
        missing from the gazetteer is not a look-alike on another continent. With no country known, a fuzzy
        look-alike needs a stronger similarity still.
        """
        w = weights()
        row = match.row
        if row.precision in ("country", "region") or row.country is None:
            return True
        if countries and row.country not in home and row.country in region and match.similarity < 1.0:
            return not anchors or _near_any(row, anchors)  # ``respelled_next_door_near_the_text``
        if countries and row.country not in region:
            # A big town abroad counts under its own name; by an alternate name only if very big ("Castello" in a
            # report on Aleppo is a road there, not Castelló de la Plana).
            return (
                match.similarity >= 1.0
                and not match.via_core_alias
                and (
                    row.precision == "admin1"
                    or row.feature == "PPLC"
                    or row.population >= int(w["landmark_min_population"])
                    or (match.main_name and row.population >= int(w["abroad_min_population"]))
                )
            )
        if match.spelled and (countries or match.own_name_spelled or match.similarity >= 1.0):
            return True
        # ``respelled_alternates_abroad``: with no country known, another romanisation of some alternate name (an
        # exonym in another language: "Dabek" of Dubuque, "Bidin" of Vidin) is only a look-alike.
        return match.similarity >= float(w["fuzzy_min_similarity" if countries else "fuzzy_min_similarity_anywhere"])

    @staticmethod
    def _known_abroad(row: Row) -> bool:
        """A place news names in reports about any country: a country, region, province, capital or big city.

        When the document's own countries hold a place of the name as written (or another romanisation of it),
        only such places abroad stay candidates."""
        return (
            row.precision in ("country", "region", "admin1")
            or row.feature == "PPLC"
            or row.population >= int(weights()["landmark_min_population"])
        )

    def _stated_side(self, text: str, context: GeoContext, countries: tuple[str, ...]) -> tuple[str, Anchor] | None:
        """The side of a named place the mention's sentence puts it on ("X in the northern countryside of Y"), with
        that place's point; None when the sentence states none or the place is not known."""
        said = stated_side(context.sentence, text.strip()) if context.sentence else None
        if said is None or name_key(said[1]) == name_key(text):
            return None
        anchor = self._anchor(said[1], countries)
        return (said[0], anchor) if anchor is not None else None

    def _anchors(self, nearby: tuple[str, ...], countries: tuple[str, ...]) -> list[Anchor]:
        return [a for text in nearby[:12] if (a := self._anchor(text, countries)) is not None]

    @lru_cache(maxsize=4096)  # noqa: B019 - the gazetteer lives for the whole process
    def _anchor(self, text: str, countries: tuple[str, ...]) -> Anchor | None:
        """A nearby place's most likely point, from its name as written (cheap, no recursion), else from another
        romanisation of a place in the document's countries ("Harbanafseh" is Ḩarbinafsah)."""
        parsed = parse_mention(text)
        best: tuple[float, Row] | None = None
        hits = self._rows("n.key = ?", (name_key(parsed.core),))
        rom = romanised_key(parsed.core) if not hits and countries else ""
        if rom:
            hits = [hit for hit in self._rows("n.rom = ?", (rom,)) if hit[0].country in countries]
        for row, _, _, source, _, _ in hits:
            if row.precision in ("country", "region") or source == "core":
                continue
            score = total_score(1.0, row, parsed, False, countries, (), ())
            if best is None or score > best[0]:
                best = (score, row)
        return Anchor(best[1].country, best[1].admin1, best[1].lat, best[1].lon, best[1].precision) if best else None

    def _border(self, parsed: ParsedMention, context: GeoContext) -> Place | None:
        """'the Jordanian-Syrian border' -> a region point on that border."""
        parts = [p for p in re.split(r"\s*(?:-|/|\band\b|\bwith\b)\s*", parsed.core) if p.strip()]
        found = [hit[0] for p in parts if (hit := self._country_names.get(name_key(p)))]
        pair = list(dict.fromkeys(found))
        if len(pair) == 1:
            others = [c for c in context.document_countries if c != pair[0]]
            pair += [c for c in others if self._border_point(pair[0], c)][:1]
        if len(pair) < 2:
            return None
        a, b = pair[0], pair[1]
        point = self._border_point(a, b) or self._midpoint(a, b)
        if point is None:
            return None
        names = {c: self._country_display(c) for c in (a, b)}
        first = a if not context.document_countries or a in context.document_countries[:1] else b
        return Place(
            gazetteer_id=f"sitrep:border:{'-'.join(sorted((a, b)))}",
            name=f"{names[a]}–{names[b]} border",
            country=first,
            lat=point[0],
            lon=point[1],
            precision="region",
            feature="border",
            score=1.0,
        )

    def _border_point(self, a: str, b: str) -> tuple[float, float] | None:
        x, y = sorted((a, b))
        rec = self._db.execute("SELECT lat, lon FROM borders WHERE a = ? AND b = ?", (x, y)).fetchone()
        return (rec[0], rec[1]) if rec else None

    def _midpoint(self, a: str, b: str) -> tuple[float, float] | None:
        recs = self._db.execute(
            "SELECT lat, lon FROM places WHERE precision = 'country' AND country IN (?, ?)", (a, b)
        ).fetchall()
        if len(recs) != 2:
            return None
        return (recs[0][0] + recs[1][0]) / 2, (recs[0][1] + recs[1][1]) / 2

    def is_named(self, place: Place, text: str, romanised: bool = False) -> bool:
        """Whether ``text`` (or the name at its core) is one of ``place``'s names, not a near spelling; with
        ``romanised``, another romanisation of one (same skeleton: "Hassakeh" for "Al-Hasakah") counts too."""
        return self._has_name(place.gazetteer_id, text, "skel" if romanised else "key")

    def is_respelled(self, place: Place, text: str) -> bool:
        """Whether ``text`` (or the name at its core) is one of ``place``'s names or another romanisation of one by
        the conventions of ``transliteration.yaml`` (the same romanised key: "Urum al-Joz" for Ūrum al Jawz), which
        is finer than the consonant skeleton ("State" is no "Satuit")."""
        return self._has_name(place.gazetteer_id, text, "rom")

    @lru_cache(maxsize=8192)  # noqa: B019 - the gazetteer lives for the whole process
    def _has_name(self, gazetteer_id: str, text: str, column: Literal["key", "skel", "rom"]) -> bool:
        """Whether a part of ``text`` or the name at its core has, by ``column``'s key of the names table, a name of
        the place: one query for every reading of a name, memoised since a document's passes ask it again."""
        # "Kharkiv's Kyivskyi district", "the Hit district of Anbar province": any of its names will do.
        parts = [p for p in _NAME_PARTS.split(text) if p.strip()]
        names = {n for part in parts for n in (part, parse_mention(part).core)}
        if column == "rom":
            values = {romanised_key(n) for n in names} - {""}
            if not values:
                return False
        else:
            values = {(skeleton_key if column == "skel" else name_key)(n) for n in names}
        marks = ",".join("?" * len(values))
        where = f"n.{column} IN ({marks}) AND p.gid = ?"
        sql = f"SELECT 1 FROM names n JOIN places p ON p.id = n.place WHERE {where} LIMIT 1"
        return self._db.execute(sql, (*values, gazetteer_id)).fetchone() is not None

    def is_well_known(self, place: Place) -> bool:
        """A place news names beyond its own province: a province or bigger, a big town (as big as a town abroad
        must be to be named under its own name), or the seat of its province."""
        if place.precision in ("country", "region", "admin1") or place.feature in ("PPLC", "PPLA"):
            return True
        population = self._population(place)
        return bool(population and population >= int(weights()["abroad_min_population"]))

    def is_landmark(self, place: Place) -> bool:
        """A capital or a big city: named in any report, about any country ("talks in Istanbul")."""
        if place.feature == "PPLC":
            return True
        population = self._population(place)
        return bool(population and population >= int(weights()["landmark_min_population"]))

    def _population(self, place: Place) -> int | None:
        """The population of ``place``'s gazetteer row (the first with its id). ``gid`` has no index, so the row
        is looked for among its country's first (``places_country``), the whole table only if not there; once per
        place and process, as the same places recur across a batch's articles."""
        memo = (place.gazetteer_id, place.country)
        if memo not in self._populations:
            rec = self._db.execute(
                "SELECT population FROM places WHERE country = ? AND gid = ? ORDER BY id LIMIT 1", memo[::-1]
            ).fetchone()
            if rec is None:
                rec = self._db.execute("SELECT population FROM places WHERE gid = ?", memo[:1]).fetchone()
            self._populations[memo] = int(rec[0]) if rec and rec[0] is not None else None
        return self._populations[memo]

    def neighbours_of(self, countries: Iterable[str]) -> frozenset[str]:
        """Countries bordering any of ``countries``."""
        return frozenset().union(*(self._neighbours.get(c, frozenset()) for c in countries))

    def country_name(self, country: str) -> str:
        """The display name of an ISO2 code ("SD" -> "Sudan"); the code itself if unknown."""
        return self._country_display(country)

    def country_place(self, country: str) -> Place | None:
        """The country of an ISO2 code as a place (its gazetteer point, precision "country"), or None."""
        rec = self._db.execute(
            f"SELECT {_ROW_COLUMNS} FROM places p WHERE p.precision = 'country' AND p.country = ? LIMIT 1", (country,)
        ).fetchone()
        return _place(Row(*rec), 0.0) if rec else None

    def _country_display(self, country: str) -> str:
        if country not in self._country_displays:  # asked for every report: read once per country
            rec = self._db.execute(
                "SELECT name FROM places WHERE precision = 'country' AND country = ?", (country,)
            ).fetchone()
            self._country_displays[country] = str(rec[0]) if rec else country
        return self._country_displays[country]


# Country words that are also common English words or names of other things.


def _names_a_unit(text: str) -> bool:
    """ "the Hit district", "Jenin camp": a proper name with a generic head, not "the outskirts", nor "the Syrian
    province" (a demonym says whose unit, and the name follows: "the Syrian province of Idlib")."""
    parsed = parse_mention(text)
    if name_key(parsed.core) in demonym_keys():
        return False
    return bool(parsed.kind) and any(word[:1].isupper() for word in parsed.core.split())


_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<owned>\S.*)$")


@cache
def capitals() -> dict[str, str]:
    """ISO2 -> the name of the country's capital, from ``data/geo/countries.csv``."""
    return {row["iso2"]: row["capital"] for row in country_rows()}


_BARE_CAPITAL = re.compile(r"(?:the\s+)?capital", re.IGNORECASE)
# "the Syrian capital", "Ukraine's capital": a country's capital named through the country.
_NATIONAL_CAPITAL = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s)?\s+capital$")


def _only_particles(name: str) -> bool:
    """ "al" cut off "al-Atareb" by the tokenizer is an article, not the name of any place (Alköy)."""
    words = tokens(name)
    return bool(words) and all(w in _PARTICLES or w in ARTICLES for w in words)


@cache
def _peoples() -> frozenset[str]:
    return frozenset(name_key(word) for word in word_set("en", "gazetteer", "peoples"))


def _names_a_people(name: str) -> bool:
    """ "Chechen", "the Kurds": a people, a faith or a sect says who, not where (``data/en/gazetteer.yaml``)."""
    return name_key(name) in _peoples()


def _without_tie(votes: dict[str, float], weak: dict[str, float]) -> dict[str, float]:
    """Village votes whose first place is not shared: countries tied first are ordered by the weak votes (names
    many countries hold); a tie that remains says nothing about where the text is ("Madaya" alone is a town of
    Syria and one of Myanmar), so no country is implied, rather than the first in the alphabet."""
    if not votes:
        return votes
    top = max(votes.values())
    tied = [c for c, vote in votes.items() if abs(vote - top) < 1e-9]
    if len(tied) == 1:
        return votes
    best = max(weak.get(c, 0.0) for c in tied)
    leaders = [c for c in tied if abs(weak.get(c, 0.0) - best) < 1e-9]
    if len(leaders) > 1:
        return {}
    return {c: vote + (1e-6 if c == leaders[0] else 0.0) for c, vote in votes.items()}


def _rank(match: _Match) -> tuple[float, bool, bool, bool]:
    return match.similarity, not match.via_core_alias, match.whole_mention, match.main_name


def _queries(text: str, parsed: ParsedMention) -> list[str]:
    """The whole mention (minus determiners) first, then the name with its direction word ("Middle Shabelle"),
    then the core name the parser found."""
    full = " ".join(w for w in text.split() if w.lower() not in ("the", "a", "an"))
    return list(dict.fromkeys(q for q in (full, parsed.with_direction, parsed.core) if q.strip()))


_RANK = {precision: rank for rank, precision in enumerate(PLACE_PRECISIONS)}
NESTED_RADIUS_KM = 150.0


def plausibly_contains(outer: Place, inner: Place) -> bool:
    """Whether ``inner`` plausibly lies in ``outer`` (same country and admin1, or close by).

    A district is checked by name when both are known: the Al Jarrāḩī of Al Garrahi district is not "the
    Al-Jarrahi area of Hays district"."""
    if outer.country != inner.country:
        return False
    if outer.precision in ("country", "region"):
        return True
    if outer.precision == "admin2" and outer.admin2 and inner.admin2 and inner.precision in ("town", "site"):
        return name_key(outer.admin2) == name_key(inner.admin2)
    if outer.admin1 and inner.admin1 == outer.admin1:
        return True
    return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= NESTED_RADIUS_KM


def _near_any(row: Row, anchors: Sequence[Anchor]) -> bool:
    """Whether ``row`` lies within the nearby radius (``scoring.yaml``) of a place the document names."""
    radius = float(weights()["nearby"]["radius_km"])
    return any(haversine_km(row.lat, row.lon, a.lat, a.lon) <= radius for a in anchors)


def _namesake_order(row: Row) -> tuple[int, int, str]:
    """namesakes_by_seat: of namesakes scored alike, the seat of the widest unit is meant (a capital, then the seat
    of a province, of a district, of a subdistrict: GEONAMES_SEAT_CODES), then the most populous: a report names a
    seat by its bare name, a village of the same name with its district. The gazetteer id last keeps the order
    stable."""
    seats = GEONAMES_SEAT_CODES
    rank = seats.index(row.feature) if row.feature in seats else len(seats)
    return rank, -row.population, row.gid


def _point(row: Row) -> tuple[float, float]:
    return round(row.lat, 2), round(row.lon, 2)


def _place(row: Row, score: float) -> Place:
    return Place(
        gazetteer_id=row.gid,
        name=row.name,
        country=row.country,
        lat=row.lat,
        lon=row.lon,
        precision=row.precision,  # type: ignore[arg-type]
        admin1=row.admin1,
        admin2=row.admin2,
        feature=row.feature,
        score=score,
    )


def _alternatives(others: Sequence[Candidate], chosen: str) -> list[PlaceAlternative]:
    """The next best candidates, best first, one per gazetteer entry, for a user to see what else it could be."""
    found: dict[str, PlaceAlternative] = {}
    for cand in others:
        p = cand.place
        if p.gazetteer_id != chosen and p.gazetteer_id not in found:
            found[p.gazetteer_id] = PlaceAlternative(
                p.gazetteer_id, p.name, p.country, p.lat, p.lon, p.precision, round(cand.score, 3)
            )
        if len(found) == ALTERNATIVES:
            break
    return list(found.values())


def _with_precision(place: Place, parsed: ParsedMention, score: float) -> Place:
    """'the countryside of X' where X is only a town: the area around it, at admin2 precision."""
    if parsed.kind == "admin" and place.precision == "town":
        return replace(place, precision="admin2", score=score)
    return replace(place, score=score)


def geo_precision(precision: str) -> int:
    """ACLED's geo_precision of a place precision (1 the town or site, 2 part of a region, 3 a province or vaguer),
    from ``data/exports.yaml``, the table the exports use."""
    return int(load_yaml("exports.yaml")["geo_precision"].get(precision, 3))


@lru_cache(maxsize=1)
def actor_name_keys() -> frozenset[str]:
    """The actor dictionary's names and aliases ("Hamas", "Hezbollah") as name keys: a name that is an actor's says
    who acts, not where, so it never implies a country (GeoNames holds a few as alternate names of towns)."""
    entries = load_yaml("actors.yaml").get("actors", [])
    names = {str(n) for e in entries for n in [e.get("name"), *(e.get("aliases") or [])] if n}
    return frozenset(k for k in (name_key(n) for n in names) if k)
