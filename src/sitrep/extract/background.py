"""Background is not an incident: a war's running toll, history, habits, standing situations, court hearings.

A news article tells its news against a backdrop ("a conflict that has killed more than 400,000 people", "in May
the militants overran Ramadi", "the shelling is daily", "he is accused of shooting two people"). A careful coder
codes none of these as an event. Each rule here is named, states one such pattern, and lives in
``data/background.yaml``; a report its rule covers keeps the rule's name in ``Mention.background`` and joins no
event (the figures such sentences carry are the claim extractor's). Rules are tried in the order the data
lists them, the date rule first.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.data import load_yaml
from sitrep.model import Document, Mention

_WORD = re.compile(r"\w+")
_RULE_KEYS = frozenset({"name", "doc", "reach_words", "patterns", "requires", "unless", "sub_event_types"})
_TOP_KEYS = frozenset({"history_after_days", "rules"})


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named pattern: the report is background when a match covers its trigger, or lies within
    ``reach_words`` words of it, and ``requires`` (if any) matches the sentence too, and ``unless`` (if any) does
    not. With ``sub_event_types``, the rule speaks only of reports of those sub-types."""

    name: str
    doc: str
    patterns: tuple[re.Pattern[str], ...]
    reach_words: int
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    sub_event_types: frozenset[str] = frozenset()

    def fires(self, sentence: str, trigger_start: int, trigger_end: int, sub_event_type: str = "") -> bool:
        if self.sub_event_types and sub_event_type not in self.sub_event_types:
            return False
        if self.requires is not None and not self.requires.search(sentence):
            return False
        if self.unless is not None and self.unless.search(sentence):
            return False
        return any(
            _words_between(sentence, trigger_start, trigger_end, match.start(), match.end()) <= self.reach_words
            for pattern in self.patterns
            for match in pattern.finditer(sentence)
        )


@dataclass(frozen=True, slots=True)
class BackgroundRules:
    history_after_days: int
    rules: tuple[PatternRule, ...]


def _words_between(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Words strictly between two character ranges of ``text`` (0 when they overlap)."""
    if a_start < b_end and b_start < a_end:
        return 0
    left, right = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    return len(_WORD.findall(text[left:right]))


def _check_keys(where: str, entry: dict[str, object], allowed: frozenset[str]) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise ValueError(f"background.yaml: {where}: unknown keys {sorted(unknown)}")


def rules_from_dict(raw: dict[str, object]) -> BackgroundRules:
    """Validated rules from the YAML structure (tests pass their own)."""
    _check_keys("top level", raw, _TOP_KEYS)
    rules: list[PatternRule] = []
    entries = raw.get("rules") or []
    assert isinstance(entries, list)
    for entry in entries:
        _check_keys(f"rule {entry.get('name')!r}", entry, _RULE_KEYS)
        requires = entry.get("requires")
        unless = entry.get("unless")
        rules.append(
            PatternRule(
                name=str(entry["name"]),
                doc=str(entry.get("doc", "")),
                patterns=tuple(re.compile(p, re.IGNORECASE) for p in entry["patterns"]),
                reach_words=int(entry.get("reach_words", 0)),
                requires=re.compile(requires, re.IGNORECASE) if requires else None,
                unless=re.compile(unless, re.IGNORECASE) if unless else None,
                sub_event_types=frozenset(entry.get("sub_event_types") or ()),
            )
        )
    history = raw["history_after_days"]
    assert isinstance(history, int)
    return BackgroundRules(history, tuple(rules))


@functools.cache
def load_rules() -> BackgroundRules:
    return rules_from_dict(load_yaml("background.yaml"))


def is_history(mention: Mention, published: dt.date | None, rules: BackgroundRules) -> bool:
    """Dated by its own sentence well before the article: the incident is recalled as context, not reported as
    news. A date carried over from earlier sentences says too little about this one."""
    date = mention.date
    if date is None or published is None or date.span is None:
        return False
    if not mention.sentence.start <= date.span.start < mention.sentence.end:
        return False
    return (published - date.end).days > rules.history_after_days


def background_reason(mention: Mention, published: dt.date | None, rules: BackgroundRules | None = None) -> str:
    """The name of the first rule that finds the report to be background, or "" when it reports an incident."""
    rules = rules or load_rules()
    if is_history(mention, published, rules):
        return "history"
    sentence = mention.sentence.text
    if not sentence:
        return ""
    start = mention.trigger.start - mention.sentence.start
    end = mention.trigger.end - mention.sentence.start
    return next((rule.name for rule in rules.rules if rule.fires(sentence, start, end, mention.sub_event_type)), "")


def mark_background(mentions: Iterable[Mention], document: Document) -> None:
    """Sets ``background`` on each report of ``document`` that is background."""
    rules = load_rules()
    for mention in mentions:
        mention.background = background_reason(mention, document.published, rules)
