"""A place set for `sitrep geo eval` from the UCDP headlines: the headline's spelling as text, UCDP's point as gold.

One row per (headline, place) where UCDP coded an exact place or one within 25 km (where_prec 1 or 2) and the
headline names it (spelled any common way, :func:`benchmark.names_place`, and capitalised). ``text`` is the
headline's words that name it ("Ter Ma'la"), ``context`` the whole headline, ``lat``/``lon`` UCDP's point,
``country`` left empty: a headline rarely names Syria, so the resolver must place it from the headline alone, as
in the pipeline. The ``split`` column copies the headline's split (the benchmark's hash split by headline and
date): tune on ``places-dev.csv`` only; ``places-test.csv`` is for the final report.

    python evaluation/ucdp/places.py                       # writes places-dev.csv and places-test.csv beside it
    sitrep geo eval evaluation/ucdp/places-dev.csv
"""

from __future__ import annotations

import csv
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from benchmark import NAMED_PRECISION, PLACE_WORDS, _skeleton, load_headlines

HERE = Path(__file__).parent
MIN_RATIO = 0.8  # as benchmark.names_place
COLUMNS = ("text", "context", "lat", "lon", "country", "ucdp_place", "split")
_EDGE = '.,:;!?"()'


def naming_words(headline: str, place: str) -> str:
    """The headline's words that name ``place`` best (the benchmark's skeleton match), or "" if none does."""
    core = PLACE_WORDS.sub("", place).strip(" ,")
    if not core:
        return ""
    target = _skeleton(core)
    words = headline.split()
    width = len(core.split())
    best, best_ratio = "", MIN_RATIO
    for size in sorted({width, width + 1, max(1, width - 1)}):
        for i in range(len(words) - size + 1):
            window = " ".join(words[i : i + size]).strip(_EDGE)
            skeleton = _skeleton(window)
            ratio = difflib.SequenceMatcher(None, skeleton, target).ratio() if skeleton else 0.0
            if ratio > best_ratio or (ratio == best_ratio and best and len(window) < len(best)):
                best, best_ratio = window, ratio
    return best.strip(_EDGE + "'’")


def rows(split: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for headline in load_headlines():
        if headline.split != split:
            continue
        seen: set[str] = set()
        for row in headline.rows:
            if row["where_prec"] not in NAMED_PRECISION:
                continue
            text = naming_words(headline.text, row["where_coordinates"])
            # A lower-case word ("by", "more") that happens to look like the place's consonants is no name of it.
            if not text or text in seen or not any(ch.isupper() for ch in text):
                continue
            seen.add(text)
            out.append(
                {
                    "text": text,
                    "context": headline.text,
                    "lat": f"{float(row['latitude']):.5f}",
                    "lon": f"{float(row['longitude']):.5f}",
                    "country": "",
                    "ucdp_place": row["where_coordinates"],
                    "split": split,
                }
            )
    return out


def main() -> None:
    for split in ("dev", "test"):
        path = HERE / f"places-{split}.csv"
        found = rows(split)
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(found)
        print(f"{path}: {len(found)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
