"""Framing terms: loaded or partisan wording found in a sentence, kept apart from the neutral coded fields.

The lexicon (``data/framing.yaml``) lists word forms per term with a category and a note on who
typically uses it. Matching is whole-word and case-insensitive; a common word that is part of a
proper name ("Islamic Resistance in Iraq", "Palestine Liberation Organization") is not framing, so
matches inside a longer capitalised name, or inside an excluded entity span, are skipped. A
single-word entity that *is* the term ("the Resistance") stays flagged: that is the self-label.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.data import load_yaml, word_set
from sitrep.model import FramingTerm, Span
from sitrep.nlp.alternation import trie_alternation


@dataclass(frozen=True)
class FramingEntry:
    term: str
    category: str
    used_by: str
    exceptions: tuple[str, ...]
    is_name: bool  # the headword itself is a name ("Daesh", "Zionist entity"): capitals are expected


@dataclass(frozen=True)
class FramingLexicon:
    pattern: re.Pattern[str]
    entries: dict[str, FramingEntry]  # lower-case normalised form -> entry
    exceptions: re.Pattern[str] | None
    scare_quotes: re.Pattern[str] | None
    scare_category: str
    label_modifiers: frozenset[str] = frozenset()
    label_heads: frozenset[str] = frozenset()
    common_nouns: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    negation_window: int = 3


_SEPARATOR = r"[\s\-]+"  # hyphens and spaces inside a form match each other ("so-called" / "so called")


def _form_regex(form: str) -> str:
    return "".join(_form_pieces(form))


def _form_pieces(form: str) -> list[str]:
    """A form's regex, one piece per character or separator (for a trie of the forms)."""
    pieces: list[str] = []
    for number, part in enumerate(re.split(_SEPARATOR, form.strip())):
        if number:
            pieces.append(_SEPARATOR)
        pieces.extend(re.escape(c) for c in part)
    return pieces


def _normal(form: str) -> str:
    return re.sub(r"[\s\-]+", " ", form.strip().lower())


def _scare_quote_regex(max_words: int) -> re.Pattern[str]:
    word = r"[A-Z][\w'’\-]*"
    return re.compile(rf"[“\"]({word}(?: {word}){{0,{max_words - 1}}})[”\"]")


@functools.cache
def framing_lexicon() -> FramingLexicon:
    config = load_yaml("framing.yaml")
    entries: dict[str, FramingEntry] = {}
    exceptions: list[str] = []
    for item in config.get("terms", []):
        entry = FramingEntry(
            term=item["term"],
            category=item["category"],
            used_by=item.get("used_by", ""),
            exceptions=tuple(item.get("except", [])),
            is_name=item["term"][:1].isupper(),
        )
        exceptions.extend(entry.exceptions)
        for form in item.get("forms", [item["term"]]):
            entries.setdefault(_normal(form), entry)
    # Longest forms first, so "neo-Nazi" wins over "Nazi" and "war crimes" over "crimes"; a trie, as the flat
    # alternation of every form is slow to search.
    alternation = trie_alternation(_form_pieces(f) for f in entries)
    pattern = re.compile(r"(?<![\w])" + alternation + r"(?![\w])", re.IGNORECASE)
    exception_pattern = (
        re.compile("|".join(_form_regex(e) for e in sorted(exceptions, key=len, reverse=True)), re.IGNORECASE)
        if exceptions
        else None
    )
    scare = config.get("scare_quotes") or {}
    return FramingLexicon(
        pattern=pattern,
        entries=entries,
        exceptions=exception_pattern,
        scare_quotes=_scare_quote_regex(int(scare.get("max_words", 2))) if scare else None,
        scare_category=str(scare.get("category", "distancing")),
        label_modifiers=frozenset(_normal(w) for w in config.get("label_modifiers", [])),
        label_heads=frozenset(_normal(w) for w in config.get("label_heads", [])),
        common_nouns=frozenset(_normal(w) for w in config.get("common_nouns", [])),
        negators=frozenset(str(w).lower() for w in config.get("negators", [])),
        negation_window=int(config.get("negation_window", 3)),
    )


def framing_entry(form: str) -> FramingEntry | None:
    """The lexicon entry a word form belongs to ("aggressions" -> aggression), with its category and note."""
    return framing_lexicon().entries.get(_normal(form))


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((a, b) for a, b in ranges if a <= start and end <= b), None)


def _adjacent_word(text: str, start: int, end: int, forward: bool) -> str:
    pattern, window = (r"^\s+([\w'’\-]+)", text[end:]) if forward else (r"([\w'’\-]+)\s+$", text[:start])
    match = re.search(pattern, window)
    return match.group(1) if match else ""


def _part_of_capitalised_name(text: str, start: int, end: int) -> bool:
    """ "Islamic Resistance in Iraq", "Palestine Liberation Organization": a name, not a framing word."""
    if not text[start:end][:1].isupper():
        return False
    before = _adjacent_word(text, start, end, forward=False)
    after = _adjacent_word(text, start, end, forward=True)
    return before[:1].isupper() or after[:1].isupper()


_TITLE_SMALL_WORDS = word_set("en", "framing", "title_small_words")
# Fewest words a headline has.
_TITLE_MIN_WORDS = 4


def _in_title_case(text: str, start: int, end: int) -> bool:
    """ "Dozens of Gunmen Killed in Army Raids across the Province.": a headline capitalises every word of its
    sentence, so a capitalised framing word there is not part of a name (a name sits among lower-case words)."""
    opening = max(text.rfind(". ", 0, start) + 1, 0)
    closing = text.find(". ", end)
    sentence = text[opening : closing if closing >= 0 else len(text)]
    words = [w for w in re.findall(r"[\w'’\-]+", sentence) if w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= _TITLE_MIN_WORDS and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _excluded_as_name(text: str, start: int, end: int, offset: int, exclude: Sequence[tuple[int, int]]) -> bool:
    """A capitalised form inside a longer excluded entity is part of its name ("US occupation forces" is not)."""
    span = _inside(offset + start, offset + end, exclude)
    if span is None:
        return False
    longer = (span[1] - span[0]) > (end - start) + len("the ")
    return longer and text[start:end][:1].isupper()


def _exception_ranges(text: str, lexicon: FramingLexicon) -> list[tuple[int, int]]:
    if lexicon.exceptions is None:
        return []
    return [(m.start(), m.end()) for m in lexicon.exceptions.finditer(text)]


def _scare_quoted(text: str, doc: str, offset: int, lexicon: FramingLexicon) -> list[FramingTerm]:
    if lexicon.scare_quotes is None:
        return []
    terms = []
    for match in lexicon.scare_quotes.finditer(text):
        start, end = match.start(), match.end()
        terms.append(
            FramingTerm(match.group(0), lexicon.scare_category, Span(doc, offset + start, offset + end, match.group(0)))
        )
    return terms


def find_framing(
    text: str, doc: str = "", offset: int = 0, exclude: Sequence[tuple[int, int]] = ()
) -> list[FramingTerm]:
    """Framing terms in ``text`` (a sentence starting at document offset ``offset``), in text order.

    ``term`` is the matched word form in lower case ("aggressions"); look up its headword, category and
    user note with :func:`framing_entry`. ``exclude`` holds document-offset ranges of entity names.
    """
    lexicon = framing_lexicon()
    exceptions = _exception_ranges(text, lexicon)
    found: list[FramingTerm] = []
    for match in lexicon.pattern.finditer(text):
        start, end = match.start(), match.end()
        entry = lexicon.entries.get(_normal(match.group(0)))
        if entry is None or _inside(start, end, exceptions):
            continue
        if not entry.is_name and (
            (_part_of_capitalised_name(text, start, end) and not _in_title_case(text, start, end))
            or _excluded_as_name(text, start, end, offset, exclude)
        ):
            continue
        whole_start, whole_end = _whole_label(text, start, end, lexicon)
        if (
            _normal(entry.term) in lexicon.common_nouns
            and (whole_start, whole_end) == (start, end)
            and not text[start:end][:1].isupper()
        ):
            continue  # "met stiff resistance": the common noun, not the label
        surface = text[whole_start:whole_end]
        span = Span(doc, offset + whole_start, offset + whole_end, surface)
        found.append(FramingTerm(surface.lower(), entry.category, span, _context(text, whole_start, lexicon)))
    found.extend(_scare_quoted(text, doc, offset, lexicon))
    return _without_overlaps(sorted(found, key=lambda t: (t.span.start, -t.span.end)))


_WORD_BEFORE = re.compile(r"([\w'’\-]+)\s+$")
_WORD_AFTER = re.compile(r"^\s+([\w'’\-]+)")


def _whole_label(text: str, start: int, end: int, lexicon: FramingLexicon) -> tuple[int, int]:
    """ "armed terrorist groups", "takfiri terrorist organisations": the framing word with the label words
    around it, so that a compound label is kept whole."""
    while (before := _WORD_BEFORE.search(text[:start])) is not None:
        word = _normal(before.group(1))
        if word not in lexicon.label_modifiers and word not in lexicon.entries:
            break
        start = before.start(1)
    while (after := _WORD_AFTER.match(text[end:])) is not None:
        word = _normal(after.group(1))
        if word not in lexicon.label_heads:
            break
        end += after.end(1)
    return start, end


def _context(text: str, start: int, lexicon: FramingLexicon) -> str:
    """ "quoted" inside an open quotation, "negated" after a negator a few words before, else ""."""
    before = text[:start]
    straight = before.count('"') % 2 == 1
    curly = before.count("“") > before.count("”")
    if straight or curly:
        return "quoted"
    words = re.findall(r"[\w']+", before.lower())[-lexicon.negation_window :]
    if any(w in lexicon.negators or w.endswith("n't") for w in words):
        return "negated"
    return ""


def _without_overlaps(terms: list[FramingTerm]) -> list[FramingTerm]:
    """One term per stretch of text: a label kept whole holds the framing words inside it."""
    kept: list[FramingTerm] = []
    for term in terms:
        if kept and term.span.start < kept[-1].span.end:
            continue
        kept.append(term)
    return kept
