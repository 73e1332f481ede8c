"""Background is not an incident: a war's running toll, history, habits, standing situations, court hearings,
captions, aims and plans, acts that may come, and references to an incident already told.

A news article tells its news against a backdrop ("a conflict that has killed more than 400,000 people", "in May
the militants overran Ramadi", "the shelling is daily", "he is accused of shooting two people", "a man carries a
child at the scene", "an offensive to try to advance the front", "it would not be necessary to use force", "in the
aftermath of the attack"). A careful coder codes none of these as an event. Each rule here is named, states one
such pattern, and lives in ``data/background.yaml``; a report its rule covers keeps the rule's name in
``Mention.background`` and joins no event (the figures such sentences carry are the claim extractor's). Rules are
tried in the order the data lists them, the date rule first.

Beside the rules, a learned gate (``BackgroundModel``): a logistic regression over cues that hold in any article
(the trigger's tense and aspect, time words near it, how far its date lies from publication, the toll's size,
where the sentence stands in the article), trained by ``scripts/train_background.py`` on the real-text dev gold
(``data/models/background.README.md``). A report no rule covers whose chance of being background passes the
model's threshold is background too, named ``learned``. No weights ship yet: fitted on one half of dev and scored
on the other, the gate lost more incident reports than it caught background (see that README), so until it wins
out of sample the rules decide alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sitrep.data import data_path, load_yaml, word_set
from sitrep.extract.dates import find_dates
from sitrep.model import DateInterval, Document, Mention

_WORD = re.compile(r"\w+")
_RULE_KEYS = frozenset(
    {
        "name",
        "doc",
        "reach_words",
        "holds_trigger",
        "patterns",
        "requires",
        "unless",
        "sub_event_types",
        "not_the_title",
    }
)
_TOP_KEYS = frozenset(
    {"history_after_days", "history_date_after_trigger_words", "history_pluperfect_reach_words", "rules"}
)
LEARNED = "learned"
HISTORY = "history"  # the date rule's name (``is_history``)
_NEVER_HISTORY = 10**9  # days no date lies before publication: the date rule left out
MODEL_FILE = ("models", "background.npz")
META_FILE = ("models", "background.meta.json")
_CUE_LISTS = ("period_words", "habit_words", "history_words", "day_words", "generic_words", "speech_words")
_NEAR_WORDS = 5  # words either side of the trigger read as its own context
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_QUOTES = re.compile(r"[\"“”]")
_APOSTROPHES = re.compile(r"['’]")
_TITLE_SHARE = 0.5  # a match whose words are at least this share the title's is the title itself


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named pattern: the report is background when a match covers its trigger, or lies within
    ``reach_words`` words of it, and ``requires`` (if any) matches the sentence too, and ``unless`` (if any) does
    not. With ``sub_event_types``, the rule speaks only of reports of those sub-types. With ``holds_trigger``, the
    match must hold the trigger itself: a pattern that reads the words after a cue ("would ...", "to try to ...")
    says nothing of a trigger that merely stands before the cue ("the strike would", "a deal intended to"). With
    ``not_the_title``, a match that repeats the document's own title does not count (a headline of another story is
    a link, the article's own names its lead incident; a title tells the day's news in the present)."""

    name: str
    doc: str
    patterns: tuple[re.Pattern[str], ...]
    reach_words: int
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    sub_event_types: frozenset[str] = frozenset()
    holds_trigger: bool = False
    not_the_title: bool = False

    def fires(
        self,
        sentence: str,
        trigger_start: int,
        trigger_end: int,
        sub_event_type: str = "",
        title_words: frozenset[str] = frozenset(),
    ) -> bool:
        if self.sub_event_types and sub_event_type not in self.sub_event_types:
            return False
        if self.requires is not None and not self.requires.search(sentence):
            return False
        if self.unless is not None and self.unless.search(sentence):
            return False
        return any(
            self._reaches(sentence, start, end, trigger_start, trigger_end)
            and not (self.not_the_title and _repeats_title(sentence[start:end], title_words))
            for pattern in self.patterns
            for start, end in _match_spans(pattern, sentence)
        )

    def _reaches(self, sentence: str, start: int, end: int, trigger_start: int, trigger_end: int) -> bool:
        """Whether a match at ``start``-``end`` bears on the trigger: holds it, or lies within reach of it."""
        if self.holds_trigger:
            return start < trigger_end and trigger_start < end
        return _words_between(sentence, trigger_start, trigger_end, start, end) <= self.reach_words


@functools.lru_cache(maxsize=4096)
def _match_spans(pattern: re.Pattern[str], sentence: str) -> tuple[tuple[int, int], ...]:
    """Where ``pattern`` matches ``sentence``; found once per sentence: every report of a sentence is tried against
    every rule, and the search was most of the rules' cost."""
    return tuple(match.span() for match in pattern.finditer(sentence))


def _word_set(text: str) -> frozenset[str]:
    """The lower-cased words of ``text``, apostrophes dropped ("Syria's" and "Syrias" are one word)."""
    return frozenset(_WORD.findall(_APOSTROPHES.sub("", text.lower())))


def _repeats_title(match: str, title_words: frozenset[str]) -> bool:
    words = _word_set(match)
    return bool(words) and len(words & title_words) >= _TITLE_SHARE * len(words)


@dataclass(frozen=True, slots=True)
class BackgroundRules:
    history_after_days: int
    rules: tuple[PatternRule, ...]
    history_date_after_trigger_words: int = 0
    history_pluperfect_reach_words: int = 0


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
                holds_trigger=bool(entry.get("holds_trigger", False)),
                not_the_title=bool(entry.get("not_the_title", False)),
            )
        )
    history = raw["history_after_days"]
    after = raw.get("history_date_after_trigger_words", 0)
    pluperfect = raw.get("history_pluperfect_reach_words", 0)
    assert isinstance(history, int) and isinstance(after, int) and isinstance(pluperfect, int)
    return BackgroundRules(history, tuple(rules), after, pluperfect)


@functools.cache
def load_rules() -> BackgroundRules:
    return rules_from_dict(load_yaml("background.yaml"))


def without_rules(rules: BackgroundRules, names: Iterable[str]) -> BackgroundRules:
    """``rules`` with the named ones left out ("history" names the date rule), to measure what each rule does on a
    store already ingested (``scripts/regate_incident_gate.py --rules --without NAME``). A name no rule has is an
    error, so that a misspelt rule is not measured as one that changes nothing."""
    wanted = set(names)
    unknown = wanted - {rule.name for rule in rules.rules} - {HISTORY}
    if unknown:
        raise ValueError(f"no background rule named {sorted(unknown)}")
    kept = tuple(rule for rule in rules.rules if rule.name not in wanted)
    history = _NEVER_HISTORY if HISTORY in wanted else rules.history_after_days
    return BackgroundRules(history, kept, rules.history_date_after_trigger_words, rules.history_pluperfect_reach_words)


def is_history(mention: Mention, published: dt.date | None, rules: BackgroundRules) -> bool:
    """Dated by its own sentence well before the article: the incident is recalled as context, not reported as
    news. A date carried over from earlier sentences says too little about this one. The date that follows the
    trigger within a few words ("an agreement signed on May 19") is the act's own, whatever date the sentence's
    news was given ("on Tuesday parliament ratified an agreement signed on May 19"). An act told in the pluperfect
    happened before any date its sentence names ("in March two years back the ministry announced that its troops
    had killed the commander"): any date of the sentence that old makes it history."""
    if published is None:
        return False
    dates = [mention.date] if mention.date is not None and _in_sentence(mention.date, mention) else []
    pluperfect = _in_the_pluperfect(mention, rules.history_pluperfect_reach_words)
    if rules.history_date_after_trigger_words > 0 or pluperfect:
        named = _sentence_dates(mention, published)  # read once for both rules below
        dates += _dates_after_trigger(mention, named, rules.history_date_after_trigger_words)
        if pluperfect:
            dates += named
    return any((published - date.end).days > rules.history_after_days for date in dates)


def _in_the_pluperfect(mention: Mention, reach_words: int) -> bool:
    """Whether "had" stands within ``reach_words`` words before the trigger ("had killed", "had been used", "had
    already carried out"); never when 0."""
    if reach_words <= 0:
        return False
    before = _WORD.findall(mention.sentence.text[: max(mention.trigger.start - mention.sentence.start, 0)].lower())
    return "had" in before[-reach_words:]


def _sentence_dates(mention: Mention, published: dt.date) -> list[DateInterval]:
    """Every date the report's sentence names."""
    if not mention.sentence.text:
        return []
    return find_dates(mention.sentence.text, published, mention.doc, mention.sentence.start)


def _in_sentence(date: DateInterval, mention: Mention) -> bool:
    return date.span is not None and mention.sentence.start <= date.span.start < mention.sentence.end


def _dates_after_trigger(mention: Mention, named: list[DateInterval], reach_words: int) -> list[DateInterval]:
    """Of the dates the sentence names (``named``), those within ``reach_words`` words after the trigger (none when
    0)."""
    if reach_words <= 0 or not mention.sentence.text:
        return []
    sentence, offset = mention.sentence.text, mention.sentence.start
    return [
        date
        for date in named
        if date.span is not None
        and date.span.start >= mention.trigger.end
        and len(_WORD.findall(sentence[mention.trigger.end - offset : date.span.start - offset])) <= reach_words
    ]


def background_reason(
    mention: Mention, published: dt.date | None, rules: BackgroundRules | None = None, title: str = ""
) -> str:
    """The name of the first rule that finds the report to be background, or "" when it reports an incident.
    ``title`` is the document's own title (a rule may set it apart from other headlines the page prints)."""
    rules = rules or load_rules()
    if is_history(mention, published, rules):
        return HISTORY
    sentence = mention.sentence.text
    if not sentence:
        return ""
    start = mention.trigger.start - mention.sentence.start
    end = mention.trigger.end - mention.sentence.start
    title_words = _word_set(title)
    return next(
        (rule.name for rule in rules.rules if rule.fires(sentence, start, end, mention.sub_event_type, title_words)),
        "",
    )


@functools.cache
def _cue_lists() -> dict[str, frozenset[str]]:
    return {name: word_set("en", "background", name) for name in (*_CUE_LISTS, "aspect_auxiliaries")}


def bucket(value: float, edges: tuple[float, ...], names: tuple[str, ...]) -> str:
    """The name of the first bucket whose upper edge ``value`` does not exceed (the last name above every edge): a
    count or share as one named cue of the learned judgements (background, incident gate, pair judgement,
    contradiction gate)."""
    return next((name for edge, name in zip(edges, names, strict=False) if value <= edge), names[-1])


def model_features(mention: Mention, document: Document) -> list[str]:
    """The names of the cues that fire for a report, as the learned gate reads them. Each holds in any article:
    no word of a particular war, place or outlet is read."""
    cues = _cue_lists()
    sentence = mention.sentence.text
    start = mention.trigger.start - mention.sentence.start
    end = mention.trigger.end - mention.sentence.start
    before = [w.lower() for w in _WORD.findall(sentence[: max(start, 0)])]
    after = [w.lower() for w in _WORD.findall(sentence[max(end, 0) :])]
    every = set(before) | set(after)
    near = set(before[-_NEAR_WORDS:]) | set(after[:_NEAR_WORDS])
    trigger = mention.trigger.text.lower()
    found = {"bias", f"type:{mention.event_type}", f"mod:{mention.modality}"}
    found.update(f"aux:{w}" for w in before[-3:] if w in cues["aspect_auxiliaries"])
    found.update(f"after:{w}" for w in after[:2] if w in cues["aspect_auxiliaries"])
    for suffix in ("ing", "ed", "s"):
        if trigger.endswith(suffix):
            found.add(f"trig:{suffix}")
            break
    for name in _CUE_LISTS:
        if every & cues[name]:
            found.add(f"cue:{name}")
        if near & cues[name]:
            found.add(f"near:{name}")
    published = document.published
    years = [int(m.group()) for m in _YEAR.finditer(sentence)]
    if years:
        found.add("year")
        if published is not None and min(years) < published.year:
            found.add("year:past")
    if _QUOTES.search(sentence):
        found.add("quoted")
    date = mention.date
    if date is None:
        found.add("date:none")
    else:
        own = date.span is not None and mention.sentence.start <= date.span.start < mention.sentence.end
        found.add("date:own" if own else "date:carried")
        found.add(f"prec:{date.precision}")
        if published is not None:
            days = (published - date.end).days
            edges = (-1, 1, 3, 7, 31, 365)
            found.add("ago:" + bucket(days, edges, ("future", "0-1", "2-3", "4-7", "8-31", "32-365", "older")))
    toll = mention.fatalities.best if mention.fatalities is not None else None
    if toll is None:
        found.add("toll:none")
    else:
        found.add("toll:" + bucket(toll, (0, 9, 99, 999), ("0", "1-9", "10-99", "100-999", "1000+")))
    length = max(len(document.text), 1)
    found.add("pos:" + bucket(mention.sentence.start / length, (0.1, 0.3, 0.6), ("lead", "early", "middle", "late")))
    n_words = len(before) + len(after)
    found.add("len:" + bucket(n_words, (12, 25, 40), ("short", "medium", "long", "very_long")))
    if mention.headline:
        found.add("headline")
    if mention.restates:
        found.add("restates")
    return sorted(found)


@dataclass(frozen=True)
class LogisticModel:
    """A logistic regression over named features: the chance of a yes, and the threshold a yes needs."""

    index: dict[str, int]
    weights: np.ndarray
    threshold: float

    def probability(self, names: Iterable[str]) -> float:
        score = sum(float(self.weights[self.index[n]]) for n in names if n in self.index)
        return float(1 / (1 + np.exp(-score)))


def logistic_from_files(weights_file: Path, meta_file: Path) -> tuple[dict[str, int], np.ndarray, float] | None:
    """A :class:`LogisticModel`'s parts stored at these paths (weights in ``.npz``, feature names and threshold in
    the meta JSON), or None when there is none."""
    if not weights_file.is_file() or not meta_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    with np.load(weights_file) as data:
        weights = np.asarray(data["weights"], dtype=float)
    names = [str(n) for n in meta["features"]]
    return {n: i for i, n in enumerate(names)}, weights, float(meta["threshold"])


class BackgroundModel(LogisticModel):
    """A logistic regression: the chance that a report is background, from :func:`model_features`."""

    def is_background(self, mention: Mention, document: Document) -> bool:
        return self.probability(model_features(mention, document)) >= self.threshold


def model_from_files(weights_file: Path, meta_file: Path) -> BackgroundModel | None:
    """The gate stored at these paths, or None when there is none (the rules then decide alone)."""
    parts = logistic_from_files(weights_file, meta_file)
    return BackgroundModel(*parts) if parts else None


@functools.cache
def load_model() -> BackgroundModel | None:
    return model_from_files(data_path(*MODEL_FILE), data_path(*META_FILE))


def own_title(document: Document) -> str:
    """The document's title; with none given, the first line of its text, where a page prints its title."""
    return document.title or document.text.split("\n", 1)[0]


def mark_background(mentions: Iterable[Mention], document: Document, rules: BackgroundRules | None = None) -> None:
    """Sets ``background`` on each report of ``document`` that is background: the first rule that covers it (of
    ``rules``, by default the shipped ones), else the learned gate's verdict."""
    rules = rules or load_rules()
    model = load_model()
    for mention in mentions:
        mention.background = background_reason(mention, document.published, rules, own_title(document))
        if not mention.background and model is not None and model.is_background(mention, document):
            mention.background = LEARNED
