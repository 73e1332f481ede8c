"""Counted things and casualty figures, with their qualifiers as low / best / high bounds.

"More than 120 trucks" -> trucks, low 121; "around 100 times" -> 90 / 100 / 110;
"some 900 soldiers" -> best 900; "eight military cargo planes" -> cargo planes, 8 / 8 / 8;
"killing 3 soldiers and wounding 14" -> 3 killed, 14 wounded.

Word lists (number words, qualifiers, unit heads, casualty verbs) live in
``data/quantities.yaml``; the patterns are compiled from them once at import.
Dates ("11 September"), ages ("a 35-year-old man"), measures ("5 km") and
identifiers ("AK-47", "F-16", "Tower 22", "Resolution 2254") are not quantities.

A figure that is part of another in the same sentence ("25 people, including 10
children"; "two children among the dead") gets the kind ``"<kind>-subset"`` so that
:func:`fatalities` does not count it twice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from sitrep.data import load_yaml, word_set
from sitrep.extract.dates import date_spans
from sitrep.model import Quantity, Span
from sitrep.nlp.alternation import word_alternation

__all__ = [
    "SUBSET_SUFFIX",
    "base_kind",
    "coordinated_totals",
    "fatalities",
    "find_quantities",
    "non_violent_toll",
    "parse_amount",
    "parse_number",
    "summed_toll",
]

_DATA: dict[str, Any] = load_yaml("quantities.yaml")

SUBSET_SUFFIX = "-subset"
CASUALTY_KINDS = frozenset({"killed", "wounded", "missing", "abducted", "arrested", "casualties", "displaced"})


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


NUMBER_WORDS: dict[str, int] = {str(k): int(v) for k, v in _DATA["number_words"].items()}
SCALE_WORDS: dict[str, int] = {str(k): int(v) for k, v in _DATA["scale_words"].items()}
_INNER_SCALE_WORDS = word_set("en", "quantities", "inner_scale_words")
_DEATH_TOLL_NOUNS = word_set("en", "quantities", "death_toll_nouns")
_NONE_WORDS = word_set("en", "quantities", "none_words")
_CORRELATIVE_OPENERS = word_set("en", "quantities", "correlative_openers")
_AND_THEN_WORD = re.compile(r"\s+and\s+([A-Za-z-]+)")
_NONE_OF_THE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(word_set("en", "quantities", "none_of_words")))
    + r")\s+of\s+(?:the|its|their|his|her|these|those)\s+$",
    re.IGNORECASE,
)
_SINGLE_PERSON_NOUNS = word_set("en", "quantities", "single_person_nouns")
_UNCOUNTED_WORDS = word_alternation(word_set("en", "quantities", "uncounted_amounts"))
# "several militants", not "several hundred people" or "a few dozen": those give a low bound
_UNCOUNTED = re.compile(
    rf"\s*{_UNCOUNTED_WORDS}\b(?!\s+(?:of\s+)?(?:\d|{word_alternation(SCALE_WORDS)}s?\b))", re.IGNORECASE
)
_SINGLE_PERSON_DETERMINERS = word_alternation(word_set("en", "quantities", "single_person_determiners"))
_ADDITION_WORDS = word_set("en", "quantities", "figure_addition_words")
_SINGLE_PERSON = re.compile(
    rf"(?<![\w'’-]){_SINGLE_PERSON_DETERMINERS}\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>{word_alternation(_SINGLE_PERSON_NOUNS)})(?![\w-])",
    re.IGNORECASE,
)
EXACT_PHRASES: dict[str, int] = {str(k): int(v) for k, v in _DATA["exact_phrases"].items()}
VAGUE_AMOUNTS: dict[str, dict[str, int]] = {str(k): dict(v) for k, v in _DATA["vague_amounts"].items()}
NEED_KNOWN_HEAD = _lower_set(_DATA["vague_need_known_head"])


@dataclass(frozen=True, slots=True)
class Bound:
    """One bound of a qualified figure: n * factor + add."""

    factor: Fraction
    add: int = 0

    def of(self, n: int) -> int:
        return int(n * self.factor) + self.add


def _bound(spec: Mapping[str, Any] | None) -> Bound | None:
    if spec is None:
        return None
    return Bound(Fraction(str(spec.get("factor", 1))), int(spec.get("add", 0)))


@dataclass(frozen=True, slots=True)
class Qualifier:
    name: str
    low: Bound | None
    best: Bound | None
    high: Bound | None

    def apply(self, n: int) -> tuple[int | None, int | None, int | None]:
        return tuple(b.of(n) if b else None for b in (self.low, self.best, self.high))  # type: ignore[return-value]


QUALIFIERS: dict[str, Qualifier] = {
    name: Qualifier(name, _bound(spec.get("low")), _bound(spec.get("best")), _bound(spec.get("high")))
    for name, spec in _DATA["qualifiers"].items()
}
QUALIFIER_BY_WORD: dict[str, Qualifier] = {
    re.sub(r"\s+", " ", str(word).lower()): QUALIFIERS[name]
    for name, spec in _DATA["qualifiers"].items()
    for word in spec["words"]
}
POST_QUALIFIERS: dict[str, Qualifier] = {str(k): QUALIFIERS[v] for k, v in _DATA["post_qualifiers"].items()}


# --- the amount pattern -----------------------------------------------------------

_WORD_NUMBER = word_alternation([*NUMBER_WORDS, "hundred", "thousand", "million", "billion", "dozen"])
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+"
_WORDS = rf"\b{_WORD_NUMBER}(?:(?:\s+|-|{_AND_AFTER_SCALE}){_WORD_NUMBER})*\b"
_DIGIT_SCALE = r"(?:\s+(?:million|billion|thousand|hundred|dozen)\b|(?:m|mn|bn)\b)?"  # "1.5 million", "2bn"
_DIGITS = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,]\d)|\d+(?:\.\d+)?){_DIGIT_SCALE}"
_NUMBER = f"(?:{_DIGITS}|{_WORDS})"
_JOINERS = word_alternation(_DATA["range_joiners"])
_RANGE = (
    rf"(?:between|from)\s+(?P<r1>{_NUMBER})\s+(?:and|to)\s+(?P<r2>{_NUMBER})"
    rf"|(?P<r3>{_NUMBER})\s*{_JOINERS}\s*(?P<r4>{_NUMBER})"
)
AMOUNT = re.compile(
    r"(?<![\w$£€#/.,-])"
    rf"(?:(?P<qual>{word_alternation(QUALIFIER_BY_WORD)})\s*)?"
    rf"(?:(?P<range>{_RANGE})|(?P<exact>\b{word_alternation(EXACT_PHRASES)}\b)|(?P<vague>\b{word_alternation(VAGUE_AMOUNTS)}\b)"
    rf"|(?P<num>{_NUMBER}))"
    r"(?![\w%])(?!-\w)(?![.,:/]\d)"
    rf"(?:\s+(?P<post>{word_alternation(POST_QUALIFIERS)})\b)?",
    re.IGNORECASE,
)


# --- number parsing ---------------------------------------------------------------


def parse_number(text: str) -> int | None:
    """An exact number written in digits or words: "eight" -> 8, "1,200" -> 1200, "a dozen" -> 12.

    Vague amounts ("dozens", "several") have no single value and give None; see :func:`parse_amount`.
    """
    key = re.sub(r"\s+", " ", text.strip().lower())
    if key in EXACT_PHRASES:
        return EXACT_PHRASES[key]
    digits = re.fullmatch(r"([\d,]*\d(?:\.\d+)?)\s*([a-z]+)?", key)
    if digits:
        return _digits_value(digits.group(1), digits.group(2))
    return _words_value(key)


def _digits_value(number: str, scale: str | None) -> int | None:
    if "," in number and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", number):
        return None
    multiplier = 1 if scale is None else SCALE_WORDS.get(scale)
    if multiplier is None:
        return None
    value = Fraction(number.replace(",", "")) * multiplier
    return int(value) if value.denominator == 1 else None


def _words_value(key: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", key) if t and t != "and"]
    if tokens[:1] == ["a"]:
        tokens[0] = "one"  # "a hundred", "a thousand"
    if not tokens:
        return None
    total, current = 0, 0
    for token in tokens:
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token in _INNER_SCALE_WORDS:
            current = (current or 1) * SCALE_WORDS[token]
        elif token in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[token]
            current = 0
        else:
            return None
    return total + current


def parse_amount(text: str) -> tuple[int | None, int | None, int | None] | None:
    """An amount with its qualifier -> (low, best, high): "more than 120" -> (121, None, None)."""
    match = AMOUNT.fullmatch(text.strip())
    return _bounds(match) if match else None


def _bounds(match: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    if match.group("range"):
        low = parse_number(match.group("r1") or match.group("r3"))
        high = parse_number(match.group("r2") or match.group("r4"))
        if low is None or high is None:
            return None
        if _tens_and_units(match.group("range"), low, high):
            return _qualified(match, low + high)
        if high <= low:
            return None
        return low, None, high
    if match.group("vague"):
        spec = VAGUE_AMOUNTS[re.sub(r"\s+", " ", match.group("vague").lower())]
        return spec.get("low"), spec.get("best"), spec.get("high")
    n = parse_number(match.group("exact") or match.group("num"))
    if n is None:
        return None
    return _qualified(match, n)


def _qualified(match: re.Match[str], n: int) -> tuple[int | None, int | None, int | None]:
    """An exact number's bounds under the amount's qualifier ("at least 14" -> 14 / None / None)."""
    qualifier = _qualifier_of(match)
    return qualifier.apply(n) if qualifier else (n, n, n)


_HYPHENED_WORDS = re.compile(r"[A-Za-z]+-[A-Za-z]+")


def _tens_and_units(text: str, first: int, second: int) -> bool:
    """tens_and_units: "twenty-one", "Ninety-two" are one number written with a hyphen, not a range from the tens
    to the units (a range runs upwards: "two-three", "20-25")."""
    return bool(_HYPHENED_WORDS.fullmatch(text)) and 20 <= first <= 90 and first % 10 == 0 and 1 <= second <= 9


def _qualifier_of(match: re.Match[str]) -> Qualifier | None:
    if match.group("qual"):
        return QUALIFIER_BY_WORD[re.sub(r"\s+", " ", match.group("qual").lower())]
    if match.group("post"):
        return POST_QUALIFIERS[re.sub(r"\s+", " ", match.group("post").lower())]
    return None


# --- units --------------------------------------------------------------------------


def _singular(plural: str) -> str:
    irregular = {str(k): str(v) for k, v in _DATA["singulars"].items()}
    last = plural.split()[-1]
    if last in irregular:
        single = irregular[last]
    elif last.endswith("ies"):
        single = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        single = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        single = last[:-1]
    else:
        single = last
    return " ".join([*plural.split()[:-1], single])


_PLURAL_HEADS = _lower_set(h for heads in _DATA["unit_heads"].values() for h in heads)
UNIT_HEADS: frozenset[str] = _PLURAL_HEADS | frozenset(_singular(h) for h in _PLURAL_HEADS)
_PERSON_HEADS = _lower_set(_DATA["unit_heads"]["people"])
PERSON_HEADS: frozenset[str] = _PERSON_HEADS | frozenset(_singular(h) for h in _PERSON_HEADS)
COMPOUND_MODIFIERS = _lower_set(_DATA["compound_modifiers"])
NOT_COUNT_HEADS = _lower_set(_DATA["not_count_heads"])
ADJECTIVAL_HEADS: dict[str, str] = {str(k): str(v) for k, v in _DATA["adjectival_heads"].items()}
CASUALTY_HEADS: dict[str, str] = {str(k): str(v) for k, v in _DATA["casualty_heads"].items()}
CASUALTY_HEADS |= {_singular(k): v for k, v in CASUALTY_HEADS.items()}
# a_toll_counts_people: heads of things (vehicles, munitions, places, acts) that no casualty verb gives a kind: in
# "the attack on two villages killed 15" or "fired 10 shells, killing a woman" the dead are people, not the count.
THING_HEADS: frozenset[str] = (UNIT_HEADS - PERSON_HEADS) - frozenset(CASUALTY_HEADS)
STOP_WORDS = _lower_set(_DATA["stop_words"])
# single-word casualty verbs in their -ing form ("killing", "wounding"), which are no noun of a counted phrase
_CASUALTY_VERB_WORDS = frozenset(
    word.lower()
    for words in _DATA["casualty_verbs_before"].values()
    for word in words
    if " " not in word and word.lower().endswith("ing")
)
NP_ADJECTIVES = _lower_set(_DATA["noun_phrase_adjectives"])
_AMOUNT_WORDS = _lower_set([*NUMBER_WORDS, *VAGUE_AMOUNTS, *SCALE_WORDS])
_TOKEN = re.compile(r"\s*([A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z])")
_MAX_UNIT_WORDS = 5


@dataclass(frozen=True, slots=True)
class Unit:
    text: str  # the unit as written ("cargo planes"), or "people" for "12 dead"
    end: int  # where the unit phrase ends in the sentence
    known: bool  # found in the unit lexicon (not guessed)
    kind: str | None = None  # a casualty kind carried by the head itself ("deaths", "wounded")
    # The kind comes from a participle describing the head ("displaced families", "wounded soldiers"), not from
    # the head itself: a casualty verb before the figure says what happened to them ("killed 26 displaced people").
    described: bool = False
    thing: bool = False  # a listed head that counts no people (THING_HEADS)


def _looks_like_verb(word: str) -> bool:
    """Past tense / participle forms end the noun phrase, except listed heads and adjectives ("armed"); a casualty
    verb's -ing form ends it even where its noun is a listed head ("two bombs killing three": "killings")."""
    if word in _CASUALTY_VERB_WORDS:
        return True
    if word in UNIT_HEADS or word in COMPOUND_MODIFIERS or word in NP_ADJECTIVES or word in ADJECTIVAL_HEADS:
        return False
    return word.endswith(("ed", "ing"))


def _tokens_after(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to a few words after ``pos``, stopping at punctuation and function words."""
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < _MAX_UNIT_WORDS:
        match = _TOKEN.match(text, pos)
        if match is None:
            break
        word = match.group(1).rstrip(".")
        lower = word.lower()
        # An acronym is a name, not a function word: "18 IS fighters" (unless the whole text is in capitals).
        function_word = lower in STOP_WORDS and not (word.isupper() and len(word) > 1 and not text.isupper())
        if function_word or lower in _AMOUNT_WORDS or (tokens and _looks_like_verb(lower)):
            break  # the noun phrase ends at a function word, another amount or a verb
        tokens.append((word, match.start(1), match.start(1) + len(word)))
        pos = match.end()
    return tokens


def _unit_after(text: str, pos: int, n: int | None) -> Unit | None:
    tokens = _tokens_after(text, pos)
    if not tokens:
        return None
    first = tokens[0][0].lower()
    if first in NOT_COUNT_HEADS:
        return None
    if first in ADJECTIVAL_HEADS:
        joint = _dead_and_wounded(text, tokens[0])
        if joint is not None:
            return Unit("people", joint, True, "casualties")
        # "12 dead" counts people; "1,200 displaced families" counts families, displaced.
        following = _known_head(text, tokens[1:2]) if len(tokens) > 1 else None
        if following is not None:
            return Unit(following.text, following.end, True, ADJECTIVAL_HEADS[first], described=True)
        return Unit("people", tokens[0][2], True, ADJECTIVAL_HEADS[first])
    known = _known_head(text, tokens)
    return known if known is not None else _guessed_head(text, tokens, n)


_WOUNDED_ADJECTIVES = word_alternation([w for w, kind in ADJECTIVAL_HEADS.items() if kind == "wounded"])
# ... unless a figure of the wounded's own follows ("12 dead and wounded 30 more").
_AND_WOUNDED = re.compile(
    rf"\s+(?:and|or)\s+(?:{_WOUNDED_ADJECTIVES})\b(?!\s+(?:\d|(?:{_WORD_NUMBER})\b))", re.IGNORECASE
)


def _dead_and_wounded(text: str, head: tuple[str, int, int]) -> int | None:
    """killed_and_wounded_is_casualties, for adjectives as heads: "12 dead and wounded", "19 killed or injured" count
    the dead and the wounded together (casualties, no death toll). Where the phrase ends, or None."""
    if ADJECTIVAL_HEADS.get(head[0].lower()) != "killed":
        return None
    joined = _AND_WOUNDED.match(text, head[2])
    return joined.end() if joined is not None else None


def _known_head(text: str, tokens: list[tuple[str, int, int]]) -> Unit | None:
    words = [t[0].lower() for t in tokens]
    for j in range(len(tokens)):
        if words[j] in NOT_COUNT_HEADS:
            return None
        for length in (3, 2, 1):
            i = j - length + 1
            if i >= 0 and " ".join(words[i : j + 1]) in UNIT_HEADS:
                if i > 0 and words[i - 1] in COMPOUND_MODIFIERS:
                    i -= 1
                while j + 1 < len(words) and words[j + 1] in UNIT_HEADS and words[j + 1] not in _CASUALTY_VERB_WORDS:
                    j += 1  # noun-noun compounds: "Shahed drones", "police officers"
                    length = 1
                head = " ".join(words[j - length + 1 : j + 1])
                return Unit(
                    text[tokens[i][1] : tokens[j][2]],
                    tokens[j][2],
                    True,
                    CASUALTY_HEADS.get(head),
                    thing=head in THING_HEADS,
                )
    return None


def _guessed_head(text: str, tokens: list[tuple[str, int, int]], n: int | None) -> Unit | None:
    """An unlisted head: the last word before a verb-like word, if it looks like a plural noun."""
    run = []
    for token in tokens:
        lower = token[0].lower()
        if lower in ADJECTIVAL_HEADS or lower.endswith(("ing", "ed")) or lower in NOT_COUNT_HEADS:
            break
        run.append(token)
    # The first plural-looking word ends the noun phrase ("2.3 million Gazans face famine").
    position = next((i for i, token in enumerate(run) if _plural_looking(token[0])), None)
    if position is None and n == 1 and run:
        position = len(run) - 1
    if position is None or run[position][0].isupper():
        return None
    _, start, end = run[position]
    if position > 0 and run[position - 1][0].lower() in COMPOUND_MODIFIERS:
        start = run[position - 1][1]
    return Unit(text[start:end], end, False)


def _plural_looking(word: str) -> bool:
    lower = word.lower()
    return len(lower) >= 4 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


# --- casualty context ---------------------------------------------------------------------


def _kind_alternation(table: Mapping[str, list[str]]) -> str:
    return "|".join(f"(?P<{kind}>{word_alternation(words)})" for kind, words in table.items())


_AUX = word_alternation(_DATA["auxiliaries"])
_PLACE_PHRASE = r"(?:(?:in|at|near|from|inside|on|outside)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*,?\s+)?"
# "25 people, including seven women and a child, were killed": the figure's own subset between it and its verb.
_SUBSET_PHRASE = rf"(?:(?:{word_alternation(_DATA['subset_before'])})\s+(?:[\w'’-]+\s+){{1,6}}?,?\s*)?"
# figure_aside: "40 people, mostly civilians, were killed": what the figure's people mostly were, before its verb.
_ASIDE_PHRASE = rf"(?:(?:{word_alternation(_DATA['figure_asides'])})\s+(?:[\w'’-]+,?\s+){{1,6}}?)?"
# "Eleven of the wounded died": a share of a group the text has named, then its verb.
_SHARE_PHRASE = r"(?:of\s+(?:the|those|them)\s+(?:[\w'’-]+\s+)?)?"
# "40 troops and militia were killed": a bare noun joined to the figure's head shares its verb;
# "13 others were injured", "five more (civilians) died": the figure's head is "others" or "more".
_JOINED_HEAD = r"(?:and\s+[a-z][\w'’-]*\s+|others\s+|more\s+(?:[a-z][\w'’-]*\s+)?)?"
_CASUALTY_AFTER = re.compile(
    rf"\s*,?\s*{_JOINED_HEAD}{_SHARE_PHRASE}{_SUBSET_PHRASE}{_ASIDE_PHRASE}{_PLACE_PHRASE}(?:{_AUX}\s+)*(?:{_kind_alternation(_DATA['casualty_verbs_after'])})\b",
    re.IGNORECASE,
)
# own_casualty_verb: "14 were killed 25 were wounded": a figure that is the subject of its own casualty verb (an
# auxiliary right after it) takes that verb's kind, not the kind of the verb before it.
_OWN_CASUALTY_VERB = re.compile(
    rf"\s*,?\s*(?:{_AUX}\s+)+(?:{_kind_alternation(_DATA['casualty_verbs_after'])})\b", re.IGNORECASE
)
# part_of_the_figure: "three of the 12 passengers were hurt": the part before "of the" counts, the figure is the whole.
_PART_OF_THE = re.compile(
    rf"(?<![\w-])(?P<part>\d+|{word_alternation(NUMBER_WORDS)})\s+of\s+(?:the|its|their|these|those)\s+$", re.IGNORECASE
)
_LINKS = word_alternation(_DATA["toll_links"])
_CASUALTY_BEFORE = re.compile(
    rf"\b(?:{_kind_alternation(_DATA['casualty_verbs_before'])})\s+(?:{_LINKS}\s+)?"
    rf"(?:{word_alternation(word_set('en', 'quantities', 'casualty_verb_determiners'))}\s+)?$",
    re.IGNORECASE,
)
# toll_named_far: "the death toll from a raid on a stronghold in the east has risen to 18": what the toll is of may
# run long between the toll and its figure; the window before a figure holds it.
_TOLL_BEFORE = re.compile(
    rf"\b(?P<what>death|casualty|fatality)\s+toll\b[^.;:!?]{{0,120}}?\b{_LINKS}\s+$", re.IGNORECASE
)
_BEFORE_CHARS = 160
_SUBSET_BEFORE = re.compile(rf"\b{word_alternation(_DATA['subset_before'])}\s*[:,]?\s*$", re.IGNORECASE)
_SUBSET_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:were|was|are|is)\s+)?(?:{_kind_alternation(_DATA['subset_after'])})\b", re.IGNORECASE
)
_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|,)\s*$", re.IGNORECASE)
_PARTITIVE = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?P<word>[A-Z][\w'’-]*)|\b[Nn]o\.|\b[Nn]umber|#)\s*$")
_ALLOWED_CAPITALISED = (
    STOP_WORDS
    | _lower_set(QUALIFIER_BY_WORD)
    | _lower_set(w for words in _DATA["casualty_verbs_before"].values() for word in words for w in word.split())
)


def _matched_kind(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    return next((name for name, value in match.groupdict().items() if value and name != "what"), None)


def _kind_before(before: str) -> str | None:
    toll = _TOLL_BEFORE.search(before)
    if toll is not None:
        return "killed" if toll.group("what").lower() in _DEATH_TOLL_NOUNS else "casualties"
    return _matched_kind(_CASUALTY_BEFORE.search(before))


# --- finding quantities ---------------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    quantity: Quantity
    start: int
    end: int
    subset: bool = False
    thing: bool = False  # counts things, never people harmed (a_toll_counts_people)


def _is_identifier_or_age(text: str, match: re.Match[str]) -> bool:
    """Identifiers and ages are not counts: "Tower 22", "Resolution 2254", "No. 5", "aged 35"; a number word in
    lower case after a capitalised word is a count ("on Tuesday seven civilians were killed"), and so is a number
    of people (people_are_counted: "On Tuesday 25 people were killed", "In Aleppo 12 civilians died", as copies
    that lost their commas print them; nothing is named "Tower 22 people")."""
    start = match.start()
    before = text[max(0, start - 40) : start]
    if _AGE_BEFORE.search(before):
        return True
    if match.group("qual") or text[start : start + 1].islower():
        return False
    people = _unit_after(text, match.end(), None)
    if people is not None and people.known and people.text.split()[-1].lower() in PERSON_HEADS:
        return False
    identifier = _IDENTIFIER_BEFORE.search(before)
    if identifier is None:
        return False
    word = identifier.group("word")
    return word is None or word.lower() not in _ALLOWED_CAPITALISED


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _looks_like_year(match: re.Match[str]) -> bool:
    return bool(match.group("num") and re.fullmatch(r"(?:19|20)\d{2}", match.group("num")))


def _candidate(text: str, match: re.Match[str], dates: list[tuple[int, int]], prev_end: int) -> _Found | None:
    if _overlaps(match.start(), match.end(), dates):
        return None
    if _is_identifier_or_age(text, match):
        return None
    bounds = _bounds(match)
    if bounds is None:
        return None
    low, best, high = bounds
    if _counts_none(text, match):
        low = best = high = 0
    unit = _unit_after(text, _after_addition(text, _after_partitive(text, match)), best)
    if unit is not None and _opens_a_correlative_pair(text, match, unit.end):
        return None
    before = text[max(prev_end, match.start() - _BEFORE_CHARS) : match.start()]
    end = unit.end if unit else match.end()
    after = text[end : end + 80]
    own_kind = _matched_kind(_OWN_CASUALTY_VERB.match(after))
    kind = (
        (unit.kind if unit and not unit.described else None)
        or own_kind
        or _kind_before(before)
        or (unit.kind if unit else None)
    )
    subset_after = _matched_kind(_SUBSET_AFTER.match(after))
    kind = kind or subset_after or _matched_kind(_CASUALTY_AFTER.match(after))
    thing = unit is not None and unit.thing
    if thing and kind in CASUALTY_KINDS:
        kind = None  # a_toll_counts_people
    if not _worth_keeping(match, unit, kind):
        return None
    start = match.start()
    part = _PART_OF_THE.search(text[max(0, start - 30) : start]) if own_kind is not None else None
    if part is not None and not _counts_none(text, match):
        # part_of_the_figure: "three of the 12 passengers were hurt" counts three; the figure is the whole
        words = part.group("part").lower()
        low = best = high = int(words) if words.isdigit() else NUMBER_WORDS[words]
        start = start - len(part.group(0))
    quantity = Quantity(unit.text if unit else "people", low, best, high, None, kind or "count")
    return _Found(quantity, start, end, subset=bool(subset_after or _SUBSET_BEFORE.search(before)), thing=thing)


def _opens_a_correlative_pair(text: str, match: re.Match[str], unit_end: int) -> bool:
    """correlative_both: "both civilians and insurgents", "both rebels and army forces": "both" before a noun and
    "and" another noun phrase joins two groups, it counts neither (before "and" a verb, "killed both soldiers and
    wounded a child", it counts its noun)."""
    if match.group(0).strip().lower() not in _CORRELATIVE_OPENERS:
        return False
    joined = _AND_THEN_WORD.match(text, unit_end)
    if joined is None:
        return False
    word = joined.group(1).lower()
    # "and wounded a child": a casualty participle after "and" is a second verb here, not a noun of the pair
    return not (_looks_like_verb(word) or word in ADJECTIVAL_HEADS)


def _counts_none(text: str, match: re.Match[str]) -> bool:
    """none_of_one: "no one", "no-one", "not one" count nobody; the word "one" after a none word is a zero.
    none_of_the_figure: "none of the 12 passengers was hurt", "neither of the two guards": the figure names
    whom nobody of was harmed, so the count of that kind is zero."""
    if _NONE_OF_THE.search(text[max(0, match.start() - 40) : match.start()]):
        return True
    if match.group(0).strip().lower() != "one":
        return False
    before = re.search(r"([A-Za-z]+)[\s-]+$", text[max(0, match.start() - 12) : match.start()])
    return before is not None and before.group(1).lower() in _NONE_WORDS


def _after_partitive(text: str, match: re.Match[str]) -> int:
    """Where the unit starts: after the "of" in "dozens of casualties", "thousands of people"."""
    if match.group("vague") or re.search(r"(?:hundred|thousand|million|billion)s?$", match.group(0), re.IGNORECASE):
        partitive = _PARTITIVE.match(text, match.end())
        if partitive is not None:
            return partitive.end()
    return match.end()


def _after_addition(text: str, pos: int) -> int:
    """more_of_a_noun: "three other fighters", "two more soldiers", "five additional civilians": a word of addition
    between the figure and its noun leaves the noun the figure's unit (data/en/quantities.yaml
    ``figure_addition_words``); alone ("two others", "five more") it names none."""
    first = _TOKEN.match(text, pos)
    if first is None or first.group(1).lower() not in _ADDITION_WORDS:
        return pos
    following = _TOKEN.match(text, first.end())
    if following is None:
        return pos
    word = following.group(1).lower()
    if word in STOP_WORDS or word in _AMOUNT_WORDS or _looks_like_verb(word):
        return pos
    return first.end()


def _worth_keeping(match: re.Match[str], unit: Unit | None, kind: str | None) -> bool:
    """A bare figure needs a casualty context; vague words and years need a listed head."""
    amount = (match.group("vague") or match.group("exact") or match.group("num") or "").lower()
    if unit is None:
        return kind is not None
    needs_known = amount in NEED_KNOWN_HEAD or amount == "one" or _looks_like_year(match)
    return unit.known or kind is not None or not needs_known


def _inherit_kinds(found: list[_Found], text: str) -> None:
    """Coordinated figures share a kind: "killing 3 soldiers and 2 civilians"; subsets take their total's kind."""
    for previous, current in itertools.pairwise(found):
        coordinated = _COORDINATION.fullmatch(text[previous.end : current.start]) is not None
        if previous.subset and coordinated:
            current.subset = True  # subset_members: "including two children and a woman": both of the figure's own
        joined = current.subset or coordinated
        if current.quantity.kind == "count" and previous.quantity.kind != "count" and joined and not current.thing:
            current.quantity.kind = previous.quantity.kind
    for current, following in reversed(list(itertools.pairwise(found))):
        between = text[current.end : following.start]
        # "3 soldiers and 2 civilians were killed"; "18 people, among them six children, were killed"
        subset_opens = following.subset and not current.subset  # "18 people, among them six children"
        link = _SUBSET_BEFORE.search(between) if subset_opens else _COORDINATION.fullmatch(between)
        if current.quantity.kind == "count" and following.quantity.kind != "count" and link and not current.thing:
            current.quantity.kind = following.quantity.kind


_ONE_PERSON = "person"


def _single_persons(text: str, found: list[_Found]) -> list[_Found]:
    """a_single_person: "killing a woman", "a child was wounded", "a soldier and two civilians were killed":
    "a" or "an" (``single_person_determiners``) before a noun of one person
    (data/en/quantities.yaml ``single_person_nouns``) counts one, its kind from
    the casualty cue before or after it, else from a figure it is coordinated with (kept only with a kind)."""
    persons: list[_Found] = []
    for match in _SINGLE_PERSON.finditer(text):
        start, end = match.start(), match.end()
        if _overlaps(start, end, [(f.start, f.end) for f in found]):
            continue
        before = text[max(0, start - 80) : start] + match.group(0).split()[0] + " "  # "killing an " (elderly man)
        kind = _kind_before(before) or _matched_kind(_CASUALTY_AFTER.match(text[end : end + 80]))
        quantity = Quantity(_ONE_PERSON, 1, 1, 1, None, kind or "count")
        # "seven civilians including a child": one of the figure's own, not one more
        persons.append(
            _Found(quantity, start, end, subset=_SUBSET_BEFORE.search(text[max(0, start - 40) : start]) is not None)
        )
    return persons


_PERSON_NOUN = word_alternation(_SINGLE_PERSON_NOUNS)
_PAIR_OPENERS = word_set("en", "quantities", "pair_person_openers")
_PAIR_OF_PERSONS = re.compile(
    rf"(?<![\w'’-])(?:{_SINGLE_PERSON_DETERMINERS}|one)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON_NOUN}\s+and\s+"
    rf"(?:(?:{word_alternation(o for o in _PAIR_OPENERS if not o.startswith('one '))})\s+(?:[a-z][\w'’-]*\s+)?"
    rf"{_PERSON_NOUN}|{_PERSON_NOUN}"
    rf"|(?:{word_alternation(o for o in _PAIR_OPENERS if o.startswith('one '))})\s+(?:[a-z][\w'’-]*\s+)?"
    rf"{word_alternation(word_set('en', 'quantities', 'pair_person_plurals'))})(?![\w'’-])",
    re.IGNORECASE,
)


def _pairs_of_persons(text: str) -> list[_Found]:
    """a_pair_of_persons: "a woman and her child were killed", "one man and one of his sons died": two persons,
    each named by a noun of one person, joined by "and", count two of the kind the casualty cue gives them (kept
    only with a kind); the count "one" or the single person they would otherwise read is set aside."""
    pairs: list[_Found] = []
    for match in _PAIR_OF_PERSONS.finditer(text):
        start, end = match.start(), match.end()
        before = text[max(0, start - 80) : start] + match.group(0).split()[0] + " "
        kind = _kind_before(before) or _matched_kind(_CASUALTY_AFTER.match(text[end : end + 80]))
        if kind is not None:
            pairs.append(_Found(Quantity("people", 2, 2, 2, None, kind), start, end))
    return pairs


_NAMED_PERSON = re.compile(
    r"(?<![\w'’-])(?i:the)\s+(?:[a-z][\w'’-]*\s+){0,2}?"
    rf"(?i:{word_alternation(_SINGLE_PERSON_NOUNS | word_set('en', 'quantities', 'named_person_nouns'))})"
    r"\s+[A-Z][\w'’-]+"
)


def _named_persons(text: str, found: list[_Found]) -> list[_Found]:
    """a_named_person: "killing the commander Abu Salim", "the imam Sheikh Omar was killed": "the" before a noun of
    one person (``single_person_nouns``, ``named_person_nouns``) and a name counts that person as one, its kind
    from the casualty cue before or after it (kept only with a kind)."""
    persons: list[_Found] = []
    taken = [(f.start, f.end) for f in found]
    for match in _NAMED_PERSON.finditer(text):
        start, end = match.start(), match.end()
        if _overlaps(start, end, taken):
            continue
        name_end = re.match(r"(?:\s+[A-Z][\w'’-]+)*", text[end:])
        after = text[end + (name_end.end() if name_end else 0) : end + 120]
        kind = _kind_before(text[max(0, start - 80) : start] + "the ") or _matched_kind(_OWN_CASUALTY_VERB.match(after))
        if kind is not None:
            persons.append(_Found(Quantity(_ONE_PERSON, 1, 1, 1, None, kind), start, end))
    return persons


_SUBJECT_PRONOUN = re.compile(
    rf"(?<![\w'’-]){word_alternation(word_set('en', 'quantities', 'subject_person_pronouns'))}(?![\w'’-])",
    re.IGNORECASE,
)
_OBJECT_PRONOUN = re.compile(
    rf"(?<![\w'’-]){word_alternation(word_set('en', 'quantities', 'object_person_pronouns'))}(?![\w'’-])", re.IGNORECASE
)
_DIED_AFTER = re.compile(r"\s+(?:(?:later|subsequently|also|then)\s+)?died\b", re.IGNORECASE)


def _pronoun_persons(text: str, found: list[_Found]) -> list[_Found]:
    """a_single_person, told by a pronoun: "he was killed", "she died", "killing him", "shot her dead" count one of
    the verb's kind; "he killed three" counts no one (the pronoun is the doer)."""
    persons: list[_Found] = []
    taken = [(f.start, f.end) for f in found]
    for match in _SUBJECT_PRONOUN.finditer(text):
        after = text[match.end() : match.end() + 80]
        kind = _matched_kind(_OWN_CASUALTY_VERB.match(after)) or ("killed" if _DIED_AFTER.match(after) else None)
        if kind is not None and not _overlaps(match.start(), match.end(), taken):
            persons.append(_Found(Quantity(_ONE_PERSON, 1, 1, 1, None, kind), match.start(), match.end()))
    for match in _OBJECT_PRONOUN.finditer(text):
        kind = _kind_before(text[max(0, match.start() - 80) : match.start()])
        if kind is not None and not _overlaps(match.start(), match.end(), taken):
            persons.append(_Found(Quantity(_ONE_PERSON, 1, 1, 1, None, kind), match.start(), match.end()))
    return persons


_ELIDED_JOINER = re.compile(
    rf"(?:(?:,\s*|\b)(?:{word_alternation(word_set('en', 'quantities', 'elided_figure_joiners'))})\s+|,\s*)$",
    re.IGNORECASE,
)
_ELIDED_FOLLOWER = re.compile(
    rf"\s+(?:{word_alternation(word_set('en', 'quantities', 'elided_figure_followers'))})\b", re.IGNORECASE
)


def _elided_noun_figures(text: str, found: list[_Found], dates: list[tuple[int, int]]) -> list[_Found]:
    """elided_noun_figure: "30 fighters were killed in A and another five outside B", "two soldiers died in A and
    one in B": a bare figure joined to an earlier figure of people harmed (a comma or ``elided_figure_joiners``)
    and followed by its place, time or "more" (``elided_figure_followers``) shares that figure's noun and verb, so
    it counts people of the same kind. A figure with a noun of its own ("two strikes", "5 km", "three hours") is no
    bare figure, and an earlier figure that counts things ("12 strikes") or a subset gives none its kind."""
    elided: list[_Found] = []
    taken = [(f.start, f.end) for f in found]
    for match in AMOUNT.finditer(text):
        start, end = match.start(), match.end()
        if not match.group("num") or _overlaps(start, end, taken) or _overlaps(start, end, dates):
            continue
        earlier = [f for f in found if f.end <= start]
        if not earlier or earlier[-1].quantity.kind not in CASUALTY_KINDS or earlier[-1].thing or earlier[-1].subset:
            continue
        value = parse_number(match.group("num"))
        joined = _ELIDED_JOINER.search(text, max(earlier[-1].end, start - 30), start) is not None
        if value is None or _looks_like_year(match) or not joined or not _ELIDED_FOLLOWER.match(text, end):
            continue
        quantity = Quantity("people", value, value, value, None, earlier[-1].quantity.kind)
        elided.append(_Found(quantity, start, end))
    return elided


_NONE_DEAD = re.compile(
    rf"\b{word_alternation(word_set('en', 'quantities', 'none_dead_openers'))}\s+"
    rf"{word_alternation(word_set('en', 'quantities', 'none_dead_nouns'))}\b",
    re.IGNORECASE,
)


def _none_dead(text: str, found: list[_Found]) -> list[_Found]:
    """none_dead: "there were no casualties", "the shell caused material damage but no human casualties", "without
    causing deaths": the sentence says the incident killed nobody, a toll of 0 (unless it counts dead of its own)."""
    if any(base_kind(item.quantity.kind) == "killed" for item in found):
        return []
    return [
        _Found(Quantity("people", 0, 0, 0, None, "killed"), match.start(), match.end())
        for match in itertools.islice(_NONE_DEAD.finditer(text), 1)
    ]


def find_quantities(text: str, doc: str = "", offset: int = 0) -> list[Quantity]:
    """Every counted thing in a sentence, with low / best / high and a kind (count, killed, wounded ...)."""
    dates = date_spans(text)
    found: list[_Found] = []
    for match in AMOUNT.finditer(text):
        candidate = _candidate(text, match, dates, found[-1].end if found else 0)
        if candidate is not None:
            found.append(candidate)
    pairs = _pairs_of_persons(text)
    paired = [(p.start, p.end) for p in pairs]
    found = [item for item in found if not _overlaps(item.start, item.end, paired)] + pairs
    found = sorted(
        [*found, *_single_persons(text, found), *_named_persons(text, found), *_pronoun_persons(text, found)],
        key=lambda item: item.start,
    )
    _inherit_kinds(found, text)
    found = sorted([*found, *_elided_noun_figures(text, found, dates)], key=lambda item: item.start)
    found = sorted([*found, *_none_dead(text, found)], key=lambda item: item.start)
    # a single person that no casualty cue gives a kind counts nothing worth keeping ("a man said")
    found = [item for item in found if not (item.quantity.kind == "count" and item.quantity.unit == _ONE_PERSON)]
    for item in found:
        if item.subset and item.quantity.kind in CASUALTY_KINDS:
            item.quantity.kind += SUBSET_SUFFIX
        item.quantity.span = Span(doc, offset + item.start, offset + item.end, text[item.start : item.end])
    return [item.quantity for item in found]


NON_VIOLENT_SUB_TYPES = frozenset(str(t) for t in _DATA["non_violent_sub_types"])


def non_violent_toll(sub_event_type: str, quantities: list[Quantity]) -> Quantity | None:
    """0 killed for a non-violent event whose sentence reports no one killed; None (unknown) for any other."""
    if sub_event_type not in NON_VIOLENT_SUB_TYPES or any(base_kind(q.kind) == "killed" for q in quantities):
        return None
    return Quantity("people", 0, 0, 0, None, "killed")


def effective_range(low: int | None, best: int | None, high: int | None) -> tuple[int, int | None] | None:
    """A figure's stated bounds as (min, max); max None when open-ended ("more than 150"). "up to 50" states no lower
    bound: zero is its floor, so it cannot be the same toll as "60" (the one reading shared by extraction's toll
    comparisons and the resolver's)."""
    values = [v for v in (low, best, high) if v is not None]
    if not values:
        return None
    lower = low if low is not None else (best if best is not None else 0)
    if high is not None:
        upper: int | None = high
    elif best is not None:
        upper = best if low is None else max(best, low)
    else:
        upper = None  # only a lower bound was stated
    return lower, upper


def ranges_disjoint(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Two ranges that do not meet: the figures cannot both be right."""
    a_low, a_high = a
    b_low, b_high = b
    return (a_high is not None and a_high < b_low) or (b_high is not None and b_high < a_low)


def figures_disjoint(a: Quantity, b: Quantity) -> bool:
    """Two figures whose stated bounds do not meet ("45" against "30", not "at least 40"); a figure with no value
    disagrees with nothing."""
    range_a, range_b = effective_range(a.low, a.best, a.high), effective_range(b.low, b.best, b.high)
    return range_a is not None and range_b is not None and ranges_disjoint(range_a, range_b)


def base_kind(kind: str) -> str:
    """The kind without the subset mark: "killed-subset" -> "killed"."""
    return kind.removesuffix(SUBSET_SUFFIX)


def fatalities(quantities: list[Quantity], text: str = "", trigger: int | None = None) -> Quantity | None:
    """The combined killed figure: the sum of killed totals, or (with none) the largest killed subset as a floor.

    Given the document ``text`` the spans point into, only coordinated totals are summed ("killing 3 soldiers
    and 2 civilians"); totals that are not joined are told apart (:func:`coordinated_totals`) and the one
    nearest the event's ``trigger`` (a character offset) is the event's toll.
    """
    # no_count_no_toll: "a number of fighters were killed" says some died, not how many: no toll
    quantities = [q for q in quantities if not (q.span is not None and _UNCOUNTED.match(q.span.text))]
    totals = [q for q in quantities if q.kind == "killed"]
    if totals:
        groups = coordinated_totals(totals, text)
        if trigger is not None and len(groups) > 1:
            return _summed(min(groups, key=lambda group: _distance(group, trigger)))
        return _summed(groups[0]) if len(groups) > 1 else _summed(totals)
    parts = [q for q in quantities if q.kind == "killed" + SUBSET_SUFFIX]
    if not parts:
        return None
    floor = max((q.low if q.low is not None else q.best or 0) for q in parts)
    largest = next(q for q in parts if (q.low if q.low is not None else q.best or 0) == floor)
    return Quantity(largest.unit, floor, None, None, largest.span, "killed")


def coordinated_totals(totals: list[Quantity], text: str, offset: int = 0) -> list[list[Quantity]]:
    """Killed totals in groups that add up: a figure joined to the previous one by "and" or a comma ("3 soldiers
    and 2 civilians") is part of the same toll; one that is not is a toll of its own, a restatement ("IS car bomb
    kills 20 - An IS car bomb killed 20 people": a headline run into its lead) or another incident's ("the
    barrage killed 10 while the air strikes killed 82"), and is never added. Without ``text``, one group; ``offset``
    is where ``text`` begins in the document the spans point into (a sentence's start)."""
    spans = [q.span for q in totals]
    if not text or any(span is None for span in spans):
        return [totals]
    groups: list[list[Quantity]] = [[totals[0]]]
    for previous, current in itertools.pairwise(totals):
        assert previous.span is not None and current.span is not None
        between = text[previous.span.end - offset : current.span.start - offset]
        if previous.span.end <= current.span.start and _COORDINATION.fullmatch(between) is not None:
            groups[-1].append(current)
        else:
            groups.append([current])
    return groups


def _distance(group: list[Quantity], offset: int) -> int:
    """Characters between a character offset and the nearest figure of a group."""
    return min(
        0 if q.span.start <= offset < q.span.end else min(abs(q.span.start - offset), abs(q.span.end - offset))
        for q in group
        if q.span is not None
    )


def summed_toll(quantities: list[Quantity], kind: str) -> Quantity:
    """The toll the coordinated figures of one kind add up to ("37 soldiers and 101 militants were killed": 138)."""
    return replace(_summed(quantities), kind=kind)


def _summed(quantities: list[Quantity]) -> Quantity:
    if len(quantities) == 1:
        only = quantities[0]
        return Quantity(only.unit, only.low, only.best, only.high, only.span, "killed")
    lows = [q.low if q.low is not None else q.best for q in quantities]
    bests = [q.best for q in quantities]
    highs = [q.high for q in quantities]
    units = {q.unit for q in quantities}
    spans = [q.span for q in quantities if q.span is not None]
    span = Span(spans[0].doc, min(s.start for s in spans), max(s.end for s in spans)) if spans else None
    return Quantity(
        units.pop() if len(units) == 1 else "people",
        sum(v for v in lows if v is not None) if any(v is not None for v in lows) else None,
        sum(b for b in bests if b is not None) if all(b is not None for b in bests) else None,
        sum(h for h in highs if h is not None) if all(h is not None for h in highs) else None,
        span,
        "killed",
    )
