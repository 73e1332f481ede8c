"""Every headline figure of sitrep on one split, each beside the keyword coder on the same data, with the
command that produced it: the table a note or the README quotes.

    python evaluation/scorecard.py --split dev                 # real text, UCDP headlines, places, written set
    python evaluation/scorecard.py --split test                # held out: totals only; say in your note you ran it
    python evaluation/scorecard.py --split dev --ucdp-n 1000 --skip keyword

Each measurement runs as its own process on a fresh temporary database, exactly as its command line shows, so
a figure here is reproduced by pasting that command. The written set (evaluation/dev) has no test split and is
shown on both as a regression check.
"""

from __future__ import annotations

import argparse
import functools
import json
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Row:
    measure: str
    sitrep: str
    keyword: str
    command: str


def _run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {shlex.join(command)}\n{result.stderr[-2000:]}")


def _sitrep(*args: str) -> list[str]:
    return [str(BIN / "sitrep"), *args]


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _json(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def real_text(split: str, tmp: Path, keyword: bool) -> list[Row]:
    corpus, gold = f"evaluation/real/{split}/corpus", f"evaluation/real/{split}/gold"
    db, scores = tmp / f"real-{split}.db", tmp / f"real-{split}.json"
    _run(_sitrep("ingest", corpus, "--db", str(db), "-q"))
    _run(_sitrep("eval", gold, "--db", str(db), "--out", str(scores)))
    ours = _json(scores)
    theirs: dict[str, Any] = {}
    if keyword:
        coded, kw_scores = tmp / f"kw-{split}.jsonl", tmp / f"kw-{split}.json"
        _run(_python("evaluation/baseline.py", corpus, "-o", str(coded)))
        _run(_sitrep("eval", gold, "--events", str(coded), "--out", str(kw_scores)))
        theirs = _json(kw_scores)
    command = f"sitrep ingest {corpus} --db d.db -q && sitrep eval {gold} --db d.db"

    def field(scores: dict[str, Any], name: str) -> str:
        value = scores.get("field_accuracy", {}).get(name)
        return "" if value is None else f"{value:.3f}"

    def row(label: str, get: Callable[[dict[str, Any]], str]) -> Row:
        return Row(f"real {split}: {label}", get(ours), get(theirs) if theirs else "", command)

    def fraction(name: str) -> Callable[[dict[str, Any]], str]:
        return lambda s: f"{s[name]:.3f}" if name in s and s[name] is not None else ""

    rows = [
        row("event F1 (P / R)", lambda s: f"{s['f1']:.3f} ({s['precision']:.3f} / {s['recall']:.3f})" if s else ""),
        row(
            "events gold / extracted / matched",
            lambda s: f"{s['gold_events']} / {s['extracted_events']} / {s['matched']}" if s else "",
        ),
        row("duplicates of extracted", fraction("duplicate_rate")),
        row("background of extracted", fraction("background_rate")),
    ]
    for name in ("event_type", "sub_event_type", "actor1", "actor2", "date", "fatalities", "sources", "modality"):
        rows.append(row(f"{name} (matched events)", functools.partial(field, name=name)))
    rows += [
        row("claims found", lambda s: f"{s['claims_found']}/{s['claims_gold']}" if s else ""),
        row(
            "contradictions P / R",
            lambda s: (
                f"{s['contradictions_precision']:.3f} / {s['contradictions_recall']:.3f}"
                if s and s.get("contradictions_precision") is not None
                else ""
            ),
        ),
        row(
            "cross-article links kept; false merges",
            lambda s: f"{s['incident_links_kept']}/{s['incident_links']}; {s['false_merges']}" if s else "",
        ),
    ]
    return rows


def ucdp(split: str, n: int, tmp: Path, keyword: bool) -> list[Row]:
    def scores(coder: str) -> dict[str, Any]:
        out = tmp / f"ucdp-{split}-{coder}.json"
        _run(
            _python("evaluation/ucdp/benchmark.py", "--split", split, "-n", str(n), "--coder", coder, "--out", str(out))
        )
        return _json(out)

    ours = scores("sitrep")
    theirs = scores("keyword") if keyword else {}
    command = f"python evaluation/ucdp/benchmark.py --split {split} -n {n} [--coder keyword]"
    measures = [  # (label, rate key, numerator, denominator) of the benchmark's --out JSON
        ("detection", "detection", "detected", "headlines"),
        ("type given detected", "type_given_detected", "typed", "detected"),
        ("place within 25 km", "place_within_25km", "placed", "named_place"),
        ("date given detected", "date_given_detected", "dated", "detected"),
        ("fatalities in range", "fatalities_within_range", "toll_right", "with_toll"),
    ]

    def show(s: dict[str, Any], rate: str, numerator: str, denominator: str) -> str:
        return f"{s[rate]:.3f} ({s[numerator]}/{s[denominator]})" if s else ""

    return [Row(f"UCDP {split}: {label}", show(ours, *keys), show(theirs, *keys), command) for label, *keys in measures]


def places(split: str) -> list[Row]:
    csv = f"evaluation/ucdp/places-{split}.csv"
    result = subprocess.run(_sitrep("geo", "eval", csv), cwd=ROOT, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    figures = dict(line.split(": ", 1) for line in lines if line.startswith(("rows:", "accuracy@")))
    shown = f"{figures.get('accuracy@25km', '?')} within 25 km (of {figures.get('rows', '?')})"
    return [Row(f"places {split}: UCDP place names", shown, "", f"sitrep geo eval {csv}")]


def written(tmp: Path) -> list[Row]:
    db, scores = tmp / "written.db", tmp / "written.json"
    _run(_sitrep("ingest", "evaluation/dev/corpus", "--db", str(db), "-q"))
    _run(_sitrep("eval", "evaluation/dev/gold", "--db", str(db), "--out", str(scores)))
    s = _json(scores)
    return [
        Row(
            "written dev set (regression only): F1",
            f"{s['f1']:.3f}",
            "",
            "sitrep ingest evaluation/dev/corpus --db w.db -q && sitrep eval evaluation/dev/gold --db w.db",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--ucdp-n", type=int, default=3000, help="UCDP headlines to take (0: skip)")
    parser.add_argument("--skip", action="append", default=[], choices=["keyword", "ucdp", "places", "written"])
    args = parser.parse_args()
    keyword = "keyword" not in args.skip
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        rows += real_text(args.split, tmp, keyword)
        if "ucdp" not in args.skip and args.ucdp_n:
            rows += ucdp(args.split, args.ucdp_n, tmp, keyword)
        if "places" not in args.skip:
            rows += places(args.split)
        if "written" not in args.skip:
            rows += written(tmp)
    print("| measure | sitrep | keyword coder | command |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r.measure} | {r.sitrep} | {r.keyword} | `{r.command}` |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
