"""Transliteration-tolerant keys for place names, and parsing of raw place mentions.

Three keys per name:

* ``name_key``: lower case, ASCII, no punctuation, Arabic article particles
  (al-, el-, ad-, as-, ...) removed: "Al-Ḥasakah" and "al Hasakah" -> "hasakah".
* ``romanised_key``: the conventions of romanising Arabic undone (``data/geo/transliteration.yaml``):
  consonants kept, each vowel run one vowel: "Marea" and "Mare'" -> "mara", "Ein Essa" and "Ayn Isa" -> "an asa".
* ``skeleton_key``: a coarser key for recall across romanisations: vowels and
  semi-vowels dropped, doubled letters collapsed, q->k, word-final h dropped:
  "Hassakeh", "Hasakah" -> "hsk"; "Deir Ezzor", "Dayr az Zawr" -> "dr zr".

Candidates found through any key are then ranked with rapidfuzz on the
``name_key`` (see :mod:`sitrep.geo.index`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from sitrep.data import data_path, load_yaml, word_set
from sitrep.extract.dates import FULL_MONTHS, WEEKDAY_BY_NAME

# Arabic definite articles and their sun-letter assimilations, and other particles that romanisations write as
# separate words ("Deir ez-Zor"): data, in mention_words.yaml (part of the place index's fingerprint).
ARTICLES: frozenset[str] = frozenset(str(w) for w in load_yaml("geo/mention_words.yaml")["name_articles"])
_APOSTROPHES = "'’‘`ʿʾʼ´"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CASED_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_VOWELISH = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")


# The apostrophe-like marks that plain ASCII can hold, deleted by one translation (``_strip_marks``).
_ASCII_APOSTROPHES = str.maketrans("", "", "".join(ch for ch in _APOSTROPHES if ch.isascii()))


def _strip_marks(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII unchanged and none of it is a combining mark: only apostrophes go
        return text.translate(_ASCII_APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _APOSTROPHES)


def ascii_fold(text: str) -> str:
    """Strip diacritics and apostrophe-like marks (ʿayn, hamza) and lower-case."""
    return _strip_marks(text).lower()


def cased_tokens(text: str) -> list[str]:
    """The words of ``tokens(text)`` in their original case."""
    return [t for t in _CASED_NON_ALNUM.split(_strip_marks(text)) if t]


def tokens(text: str) -> list[str]:
    return [t for t in _NON_ALNUM.split(ascii_fold(text)) if t]


@cache
def name_key(text: str) -> str:
    """The comparison key: ASCII words without article particles."""
    return words_key(tokens(text))


def words_key(words: Sequence[str]) -> str:
    """``name_key`` of words that are already ``tokens`` (no need to fold and split them again)."""
    kept = [w for w in words if w not in ARTICLES]
    return " ".join(kept or words)


def _skeleton_word(word: str) -> str:
    word = word.replace("q", "k").replace("ou", "u").replace("j", "dj").replace("ddj", "dj")
    word = re.sub(r"(?<=[kstdgz])h", "", word)  # kh/sh/th/dh/gh/zh -> one letter
    word = _DOUBLE.sub(r"\1", word)
    # Vowels go entirely ("Erbil"/"Irbil"/"Arbil" -> "rbl", "Ezzor"/"Zawr" -> "zr"), unless nothing is left.
    word = _VOWELISH.sub("", word) or word[:1]
    if len(word) > 1 and word.endswith("h"):  # ta marbuta: Hasakah / Hasaka
        word = word[:-1]
    return _DOUBLE.sub(r"\1", word)


@cache
def skeleton_key(text: str) -> str:
    """A coarse, romanisation-blind key used only to find candidates."""
    return " ".join(_skeleton_word(w) for w in name_key(text).split())


@cache
def _romanisation_rules() -> tuple[tuple[re.Pattern[str], str, bool], ...]:
    """(pattern, replacement, whether it applies to a name's last word too), in file order."""
    table = load_yaml("geo/transliteration.yaml")
    return tuple(
        (re.compile(pattern), replacement, c.get("words", "all") == "all")
        for c in table["classes"]
        for pattern, replacement in c["rewrite"]
    )


@cache
def romanised_key(text: str) -> str:
    """Another romanisation of the same Arabic name gives the same key (rules and examples in
    ``data/geo/transliteration.yaml``): "Deir Hafer" and "Dayr Hafir" -> "dar hafar"."""
    words = name_key(text).split()
    return " ".join(_romanised_word(w, last=i == len(words) - 1) for i, w in enumerate(words))


def _romanised_word(word: str, last: bool) -> str:
    for pattern, replacement, on_last_word in _romanisation_rules():
        if on_last_word or not last:
            word = pattern.sub(replacement, word)
    return word


def specific_romanisation(key: str) -> bool:
    """Whether a ``romanised_key`` is long enough to find places by itself (a short one, "Deir" alone, is shared by
    too many names)."""
    return len(key.replace(" ", "")) >= int(load_yaml("geo/transliteration.yaml")["min_letters"])


# --- parsing raw mentions ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParsedMention:
    """What a raw place mention asks for: a core name and hints from the words around it."""

    core: str  # the name to look up, e.g. "al-Hasakah"
    kind: str = ""  # "" | "site" | "admin" | "town" | "region" | "border"
    direction: str = ""  # "north", "northeast", ... when the text says "northern Syria"
    site_type: str = ""  # the generic head removed, e.g. "base", "camp", "oil field"
    text: str = ""  # the mention as given
    # the core with its direction word kept, for names that start with one ("Middle Shabelle", "North Darfur")
    with_direction: str = ""


@cache
def _mention_rules() -> dict[str, Any]:
    rules: dict[str, Any] = load_yaml("geo/mention_words.yaml")
    return rules


@cache
def _admin_heads_alternation() -> str:
    """The administrative heads as one regex alternation, longest first, built once (a document asks per town)."""
    return "|".join(re.escape(str(h)) for h in sorted(_mention_rules()["admin_heads"], key=len, reverse=True))


@cache
def _head_after() -> re.Pattern[str]:
    """An administrative head right after a name ("Varosh province"), matched where the name ends."""
    return re.compile(rf"\s+(?:{_admin_heads_alternation()})\b", re.IGNORECASE)


@cache
def _head_before() -> re.Pattern[str]:
    """An administrative head and "of" right before a name ("the province of Varosh"), ending where it begins."""
    return re.compile(rf"\b(?:{_admin_heads_alternation()})\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)


def writes_as_a_province(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` with an administrative head after or before it ("Varosh province", "the
    province of Varosh"): the name is then a province there, whatever else it names.

    The name is found first, then the head beside each place it is written: the heads' patterns are compiled once,
    where one pattern holding both the name and the heads was compiled anew for every name (most of geocoding's
    time in regular expressions)."""
    if not name.strip():
        return False
    written = re.escape(name)
    starting = re.compile(rf"\b{written}", re.IGNORECASE)
    found = starting.search(text)
    while found is not None:
        if _head_after().match(text, found.end()):
            return True
        found = starting.search(text, found.start() + 1)
    ending = re.compile(rf"{written}\b", re.IGNORECASE)
    found = ending.search(text)
    while found is not None:
        if _head_before().search(text, 0, found.start()):
            return True
        found = ending.search(text, found.start() + 1)
    return False


def _has_head(text: str, *lists: str) -> bool:
    """Whether a word of ``text`` is in one of the named word lists of mention_words.yaml."""
    words = set(name_key(text).split())
    return any(head in words for key in lists for head in _mention_rules()[key])


@cache
def _generic_words() -> frozenset[str]:
    rules = _mention_rules()
    lists = (
        "admin_heads",
        "site_heads",
        "town_heads",
        "border_heads",
        "town_parts",
        "small_place_heads",
        "restated_place_words",
        "qualifiers",
        "participles",
    )
    words = {w for key in lists for phrase in rules.get(key, []) for w in name_key(str(phrase)).split()}
    for canonical, variants in rules.get("directions", {}).items():
        words.update(name_key(str(v)) for v in [canonical, *variants])
    return frozenset(words)


@cache
def _never_places() -> frozenset[str]:
    return frozenset(name_key(str(w)) for w in _mention_rules().get("never_places", []))


def is_never_a_place(text: str) -> bool:
    """A month or weekday name ("Jun", "Sunday"): a date, whatever a parser made of it."""
    return name_key(text) in _never_places()


def is_generic_word(key: str) -> bool:
    """A word that says what kind of place something is, or where in it ("river", "camp", "northern")."""
    return key in _generic_words()


@cache
def _calendar_keys() -> frozenset[str]:
    return frozenset(name_key(name) for name in (*FULL_MONTHS, *WEEKDAY_BY_NAME))


def is_calendar_word(key: str) -> bool:
    """A day or month name ("Monday", "March"): in a text it dates something, so it implies no country even where
    a village bears the name."""
    return key in _calendar_keys()


def names_part_of_a_town(text: str) -> bool:
    """ "the Rahimawa neighbourhood", "Al-Shifa hospital": a place inside some town, whichever it is."""
    return _has_head(text, "town_parts")


def names_a_small_place(text: str) -> bool:
    """A part of a town, or a village: never a province or a country."""
    return _has_head(text, "town_parts", "small_place_heads")


@cache
def _restated_place() -> re.Pattern[str]:
    words = "|".join(map(re.escape, _mention_rules()["restated_place_words"]))
    return re.compile(rf"\bthe (?:{words})\b", re.IGNORECASE)


def restates_a_place(sentence: str) -> bool:
    """ "in the city", "the town's only hospital": the sentence points back at a place named before it."""
    return _restated_place().search(sentence) is not None


def _phrases(rules: dict[str, Any], key: str) -> list[str]:
    # Longest first, so "air base" is removed before "base".
    return sorted((p.lower() for p in rules.get(key, [])), key=len, reverse=True)


def _strip_leading(text: str, words: list[str]) -> str:
    changed = True
    while changed:
        changed = False
        for word in words:
            if text.lower().startswith(word + " "):
                text = text[len(word) + 1 :].lstrip()
                changed = True
    return text


_POSSESSIVE_END = re.compile(r"(?:['’]s?)?[\s,]*$")


def _strip_head(text: str, heads: list[str]) -> tuple[str, str]:
    """Remove a trailing or leading generic head ("X camp", "camp of X", "X's countryside")."""
    lower = text.lower()
    for head in heads:
        if lower.endswith(" " + head) and len(lower) > len(head) + 1:
            # "Idlib's countryside" -> "Idlib"; the "s" of "Hays district" stays.
            return _POSSESSIVE_END.sub("", text[: -len(head) - 1]), head
        for link in (" of ", " in ", " near "):
            if lower.startswith(head + link):
                return text[len(head) + len(link) :].strip(), head
    return text, ""


@lru_cache(maxsize=65_536)  # a pure function of the text, asked again for every report of a candidate event
def parse_mention(text: str) -> ParsedMention:
    """Split a raw mention into the name to look up and what kind of place it names.

    "the countryside of al-Hasakah" -> core "al-Hasakah", kind "admin";
    "the US-occupied Al-Omar oilfield" -> core "Al-Omar", kind "site", site_type "oilfield";
    "northeast Syria" -> core "Syria", direction "northeast".
    """
    rules = _mention_rules()
    raw = " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split()).strip(" .,;:")
    core = re.sub(r"[’']s\b", "", raw) if raw.lower().endswith(("'s", "’s")) else raw
    core = _strip_leading(core, _phrases(rules, "determiners"))
    core = _strip_leading(core, _phrases(rules, "qualifiers"))
    core = _drop_hyphenated_qualifiers(core)
    direction, direction_word = "", ""
    for word, canonical in _direction_words().items():
        if core.lower().startswith(word + " "):
            direction, direction_word, core = canonical, core[: len(word)], core[len(word) + 1 :].strip()
            break
    if direction:
        core = _drop_joined_directions(core)
    core = _drop_unit_describers(core)

    def named(name: str) -> str:
        return f"{direction_word} {name}" if direction_word else ""

    for prefix in _phrases(rules, "admin_prefixes"):
        if core.lower().startswith(prefix + " "):
            name = _surrounded_name(core[len(prefix) + 1 :].strip())
            return ParsedMention(name, "admin", direction, "", text, named(name))
    for kind, key in (
        ("border", "border_heads"),
        ("admin", "admin_heads"),
        ("site", "site_heads"),
        ("town", "town_heads"),
    ):
        stripped, head = _strip_head(core, _phrases(rules, key))
        if head:
            stripped = _strip_leading(stripped, _phrases(rules, "determiners"))
            stripped = _drop_head_modifiers(_drop_surroundings(stripped), rules)
            if stripped and stripped != core:
                stripped = _surrounded_name(stripped)
            name = stripped or core
            return ParsedMention(name, kind, direction, head if kind == "site" else "", text, named(name))
    return ParsedMention(core, "", direction, "", text, named(core))


def _drop_unit_describers(core: str) -> str:
    """province_after_its_country: "Syrian province of Idlib", "Syrian Idlib province": a demonym in front of a
    province written out says whose it is and is no part of its name; dropped, the unit's head word stays first or
    last, so the mention names the province rather than its seat town ("Idlib" alone stays a town)."""
    while True:
        first, _, rest = core.partition(" ")
        if not rest or name_key(first) not in demonym_keys() or not _names_a_province(rest):
            return core
        core = rest


def _names_a_province(text: str) -> bool:
    """ "province of Idlib", "Deir Ezzor governorate": a first-level unit written out with its head word."""
    return bool(set(name_key(text).split()) & _province_heads()) and parse_mention(text).kind == "admin"


@cache
def _province_heads() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("place_phrases.yaml")["province_heads"])


@cache
def demonym_keys() -> frozenset[str]:
    """The keys (:func:`name_key`) of the countries' demonyms (``data/geo/countries.csv``: "Syrian", "Yemeni")."""
    demonyms = [d for row in country_rows() for d in (row.get("demonyms") or "").split("|") if d]
    return frozenset(key for key in (name_key(d) for d in demonyms) if key)


def _surrounded_name(name: str) -> str:
    """What a head surrounds is a mention too: "the outskirts of Aleppo city" is around Aleppo, "the vicinity of
    the capital Damascus" around Damascus; a site or unit inside stays whole ("the vicinity of Kuweires airport")."""
    inner = parse_mention(name)
    return inner.core if inner.kind in ("", "town") and inner.core else name


_JOINED_DIRECTION = re.compile(r"^(?:and|or|&)\s+", re.IGNORECASE)


def _drop_joined_directions(core: str) -> str:
    """ "the eastern and southern outskirts of Damascus": the directions after the first one go too."""
    while match := _JOINED_DIRECTION.match(core):
        rest = core[match.end() :]
        word = next((w for w in _direction_words() if rest.lower().startswith(w + " ")), None)
        if word is None:
            return core
        core = rest[len(word) + 1 :].strip()
    return core


def _drop_surroundings(name: str) -> str:
    """ "the vicinity of Deir Ezzor airport": the airport, not a place called "vicinity of Deir Ezzor"."""
    lower = name.lower()
    for head in _phrases(_mention_rules(), "town_heads"):
        if lower.startswith(head + " of "):
            return _strip_leading(name[len(head) + 4 :].strip(), _phrases(_mention_rules(), "determiners"))
    return name


def _drop_head_modifiers(name: str, rules: dict[str, Any]) -> str:
    """ "al-Bokamal border city": words between a name and its head that say what the place is like."""
    lower = name.lower()
    for word in _phrases(rules, "head_modifiers"):
        if lower.endswith(" " + word):
            return name[: -len(word) - 1].rstrip()
    return name


@cache
def _direction_words() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for canonical, words in _mention_rules().get("directions", {}).items():
        for word in [canonical, *words]:
            mapping[word.lower()] = canonical
    return dict(sorted(mapping.items(), key=lambda kv: len(kv[0]), reverse=True))


def _drop_hyphenated_qualifiers(text: str) -> str:
    """'US-occupied Al-Omar' -> 'Al-Omar': drop a leading '<word>-<participle>' qualifier."""
    first, _, rest = text.partition(" ")
    if rest and "-" in first and first.lower().split("-")[-1] in set(_phrases(_mention_rules(), "participles")):
        return rest
    return text


@cache
def country_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``data/geo/countries.csv`` (ISO2, name, aliases, demonyms, capital ...), read once."""
    with data_path("geo", "countries.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def country_keys() -> frozenset[str]:
    """The keys (:func:`name_key`) of the countries' names and aliases (``data/geo/countries.csv``)."""
    rows = country_rows()
    names = [row["name"] for row in rows] + [a for row in rows for a in (row.get("aliases") or "").split("|") if a]
    return frozenset(key for key in (name_key(n) for n in names) if key)


@cache
def _country_word_rules() -> tuple[frozenset[str], dict[str, frozenset[str]], frozenset[str]]:
    rules = _mention_rules()
    abbreviations = frozenset(a.lower() for a in rules.get("country_abbreviations", []))
    not_before = {w.lower(): frozenset(after) for w, after in rules.get("country_name_not_before", {}).items()}
    return abbreviations, not_before, frozenset(rules.get("country_sponsor_words", []))


def written_as_country(words: list[str], next_word: str) -> bool:
    """ "Turkey" but not "turkey", "US" but not "us", "Niger" but not "Niger State" or "Iranian-backed"."""
    abbreviations, not_before, sponsor_words = _country_word_rules()
    if next_word in sponsor_words:
        return False
    first = words[0]
    if not first[:1].isupper():
        return False
    if len(words) == 1 and first.lower() in abbreviations and not first.isupper():
        return False
    return next_word not in not_before.get(" ".join(words).lower(), frozenset())


@cache
def compass_bearings() -> dict[str, float]:
    """Each compass point of the language (data/en/places.yaml ``compass_points``, closed up: "northeast") -> its
    bearing in degrees. A point is a cardinal (data/en/gazetteer.yaml ``compass_cardinals``, clockwise from north,
    evenly spaced) or two cardinals written together, halfway between them ("north-east": 45)."""
    cardinals = [str(w) for w in load_yaml("en/gazetteer.yaml")["compass_cardinals"]["words"]]
    degrees = {c: i * 360.0 / len(cardinals) for i, c in enumerate(cardinals)}
    bearings: dict[str, float] = {}
    for point in map(_closed, word_set("en", "places", "compass_points")):
        if point in degrees:
            bearings[point] = degrees[point]
        for first, second in ((c, point[len(c) :]) for c in cardinals if point.startswith(c)):
            if second in degrees:
                turn = (degrees[second] - degrees[first] + 180.0) % 360.0 - 180.0
                bearings[point] = (degrees[first] + turn / 2.0) % 360.0
    return bearings


def _closed(word: str) -> str:
    """A compass word closed up: "North-East" and "north east" are "northeast"."""
    return re.sub(r"[-\s]", "", word.lower())


@cache
def _compass_words() -> dict[str, str]:
    """Each word stating a direction, closed up (a compass point, or an adjective of one in
    ``apposition_directions``: "northwestern") -> its compass point ("northwest"), the longest the word begins
    with. Words of no bearing ("central") state none."""
    points = sorted(compass_bearings(), key=len, reverse=True)
    words = word_set("en", "places", "compass_points") | word_set("en", "places", "apposition_directions")
    found = {_closed(w): next((p for p in points if _closed(w).startswith(p)), None) for w in words}
    return {word: point for word, point in found.items() if point is not None}


@cache
def _stated_direction() -> re.Pattern[str]:
    """A compass direction as a word ("north", "north-western", "southeast"): the bearing a text states. A word
    the data writes with a hyphen may also be written with a space or closed up ("north east", "northeastern")."""
    words = word_set("en", "places", "compass_points") | word_set("en", "places", "apposition_directions")
    ordered = sorted((w for w in words if _closed(w) in _compass_words()), key=len, reverse=True)
    alternation = "|".join("[- ]?".join(re.escape(part) for part in w.split("-")) for w in ordered)
    return re.compile(rf"\b(?P<dir>{alternation})\b", re.IGNORECASE)


def stated_direction(word: str) -> str | None:
    """The compass point a direction word states ("North-Eastern" -> "northeast"), None for any other word."""
    return _compass_words().get(_closed(word))


# A place's name as a text writes it: capitalised words, an article joined by a hyphen allowed ("al-Bab").
_ARTICLE = r"(?:(?:[Aa][dlnrstz]|[Ee][lnrstz]|[Aa]sh)-)?"
_WRITTEN_NAME = rf"{_ARTICLE}[A-Z][\w'’-]*(?:\s+{_ARTICLE}[A-Z][\w'’-]*){{0,2}}"
_NAME_BEFORE = re.compile(rf"(?P<ref>{_WRITTEN_NAME})(?:['’]s|s['’])?\s+$")
_NAME_AFTER = re.compile(rf"^\s+(?P<ref>{_WRITTEN_NAME})")


def stated_side(sentence: str, name: str) -> tuple[str, str] | None:
    """namesake_on_the_stated_side: the direction a sentence states a name lies in from another place, and that
    place as written: "X in the northern countryside of Y" -> ("north", "Y"), "X, 20 km south-east of Y" ->
    ("southeast", "Y"), "X in Y's western outskirts" -> ("west", "Y"); None when it states none right after the
    name."""
    at = sentence.find(name)
    if at < 0 or not name.strip():
        return None
    after = sentence[at + len(name) :]
    reach = int(load_yaml("geo/scoring.yaml")["nearby"]["side_reach_words"])
    for found in _stated_direction().finditer(after):
        if len(after[: found.start()].split()) > reach or re.search(r"[.;:]", after[: found.start()]):
            return None
        direction = stated_direction(found["dir"])
        if direction is None:
            continue
        before = _NAME_BEFORE.search(after[: found.start()])
        rest = _skip_side_words(after[found.end() :])
        later = _NAME_AFTER.match(rest)
        ref = later["ref"] if later else before["ref"] if before else None
        if ref:
            return direction, re.sub(r"['’]s$|s['’]$", "", ref)
    return None


@cache
def _side_words() -> frozenset[str]:
    return word_set("en", "gazetteer", "side_words")


def _skip_side_words(text: str) -> str:
    """ "countryside of the city of Y" -> " Y": the words that lead from a direction to its place, and a distance."""
    words = _side_words()
    rest = text
    while True:
        match = re.match(r"\s+([\w'’]+)", rest)
        if match is None or match.group(1).lower() not in words:
            return rest
        rest = rest[match.end() :]
