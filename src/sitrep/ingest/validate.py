"""Checks that turn bad input into one clear error naming the input."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.data import load_yaml

# Large enough for any article or feed; a 50 MB file is not a news article.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A word joined to the next by a hyphen or apostrophe is one word: the Arabic article of a transliterated name
# ("Jisr al-Shughur", "Deir el-Zour") is not the Spanish "al" or "el".
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r


class InputError(Exception):
    """A document that cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class LanguageModel:
    supported: frozenset[str]
    min_words: int
    min_share: float
    scripts: dict[str, re.Pattern[str]]
    stopwords: dict[str, frozenset[str]]


@functools.cache
def language_model() -> LanguageModel:
    raw = load_yaml("languages.yaml")
    return LanguageModel(
        supported=frozenset(raw["supported"]),
        min_words=int(raw["min_words"]),
        min_share=float(raw["min_share"]),
        scripts={k: re.compile("[" + "".join(v) + "]") for k, v in raw["scripts"].items() if v},
        stopwords={k: frozenset(v) for k, v in raw["stopwords"].items()},
    )


def check_size(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if len(data) > max_bytes:
        raise InputError(f"too large: {len(data) / 1e6:.1f} MB (limit {max_bytes / 1e6:.0f} MB; see --max-bytes)")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or a clear error; binary files are refused."""
    if not data.strip():
        raise InputError("empty: no text")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise InputError("binary: contains NUL bytes, not a text file")
    try:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
            if not text.strip():
                raise InputError("empty: only white space")
            return text
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"invalid {exc.encoding.upper()} at byte {exc.start}: {exc.reason}; re-encode the file as UTF-8"
        ) from None
    controls = len(_CONTROL.findall(text[:8192]))
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError("binary: too many control characters for a text file")
    if not text.strip():
        raise InputError("empty: only white space")
    return text


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text is too short to tell."""
    model = language_model()
    sample = text[:20000]
    letters = sum(map(str.isalpha, sample)) or 1
    for code, script in model.scripts.items():
        if len(script.findall(sample)) / letters > 0.3:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < model.min_words:
        return None
    best, best_share = None, 0.0
    for code, stops in model.stopwords.items():
        share = sum(map(stops.__contains__, words)) / len(words)
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= model.min_share else None


def check_language(text: str, declared: str | None = None) -> str:
    """The language to record; raises for a language the pipeline cannot read."""
    model = language_model()
    guessed = guess_language(text)
    language = guessed or declared or "en"
    if language not in model.supported:
        raise InputError(f"language: looks like '{language}', only {', '.join(sorted(model.supported))} is supported")
    return language
