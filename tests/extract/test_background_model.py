"""The learned background gate: the cues it reads hold in any article, and it speaks only where no rule did."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sitrep.extract import background
from sitrep.extract.background import LEARNED, BackgroundModel, mark_background, model_features
from sitrep.model import DateInterval, Document, Mention, Quantity, Span
from tests.resolve.resolve_fixtures import mention

PUBLISHED = dt.date(2024, 3, 12)


def told(sentence: str, trigger: str, offset: int = 0, date: DateInterval | None = None) -> Mention:
    m = mention("m", text=sentence, start=None, doc="d")
    m.sentence = Span("d", offset, offset + len(sentence), sentence)
    at = offset + sentence.index(trigger)
    m.trigger = Span("d", at, at + len(trigger), trigger)
    m.date = date
    return m


def article(text: str) -> Document:
    return Document("d", "h", text, published=PUBLISHED)


def test_aspect_and_period_cues_of_a_campaign() -> None:
    sentence = "Jets have been bombing the river villages for years, residents say."
    names = model_features(told(sentence, "bombing"), article(sentence))
    assert {"aux:have", "aux:been", "trig:ing", "cue:period_words", "near:period_words", "date:none"} <= set(names)
    assert "cue:day_words" not in names


def test_day_toll_and_place_in_the_article_of_a_news_report() -> None:
    sentence = "An air strike killed 12 people in the market town on Monday."
    m = told(sentence, "strike", date=DateInterval(dt.date(2024, 3, 11), dt.date(2024, 3, 11), "day"))
    m.date.span = Span("d", sentence.index("Monday"), sentence.index("Monday") + 6, "Monday")  # type: ignore[union-attr]
    m.fatalities = Quantity("people", 12, 12, 12, None)
    names = set(model_features(m, article(sentence + " " * 400)))
    assert {"cue:day_words", "date:own", "prec:day", "ago:0-1", "toll:10-99", "pos:lead"} <= names


def test_a_past_year_named() -> None:
    sentence = "The rebels captured the garrison in 2019 after a long siege."
    names = set(model_features(told(sentence, "captured"), article(sentence)))
    assert {"year", "year:past", "trig:ed"} <= names


def test_no_word_of_a_war_or_a_place_is_a_feature() -> None:
    sentence = "Kurdish fighters clashed with Islamic State near Kobani."
    names = model_features(told(sentence, "clashed"), article(sentence))
    assert not any(word in name.lower() for name in names for word in ("kurdish", "kobani", "islamic"))


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> BackgroundModel:
    """A gate that calls background any report with a habit word in its sentence."""
    model = BackgroundModel({"bias": 0, "cue:habit_words": 1}, np.array([-3.0, 6.0]), 0.5)
    monkeypatch.setattr(background, "load_model", lambda: model)
    return model


def test_the_gate_names_what_no_rule_covers(gate: BackgroundModel) -> None:
    habit = "Patrols sometimes shell the farms across the valley."
    news = "Artillery shelled the farms across the valley on Sunday."
    reports = [told(habit, "shell"), told(news, "shelled")]
    mark_background(reports, article(habit + " " + news))
    assert [r.background for r in reports] == [LEARNED, ""]


def test_a_rule_keeps_its_own_name(gate: BackgroundModel) -> None:
    sentence = "Militias regularly raid the farms on the northern plain."
    report = told(sentence, "raid")
    mark_background([report], article(sentence))
    assert report.background == "habitual"


def test_without_a_model_the_rules_decide_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "load_model", lambda: None)
    sentence = "Patrols sometimes shell the farms across the valley."
    report = told(sentence, "shell")
    mark_background([report], article(sentence))
    assert report.background == ""
