"""Framing precision and recall over every sentence of the articles in ``dev.jsonl`` (see README.md)."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from sitrep.extract.framing import find_framing
from sitrep.ingest.readers import ReadFailure, read_sources

HERE = Path(__file__).parent
CORPUS = HERE.parent / "real" / "dev" / "corpus"


def gold_units(rows: list[dict[str, str]], text: str) -> list[tuple[int, int]]:
    """Every occurrence of every gold label in ``text``, overlapping occurrences joined into one unit."""
    spans = sorted(
        (m.start(), m.end())
        for row in rows
        for m in re.finditer(rf"(?<![\w-]){re.escape(row['text'])}(?![\w-])", text, re.IGNORECASE)
    )
    units: list[tuple[int, int]] = []
    for start, end in spans:
        if units and start < units[-1][1]:
            units[-1] = (units[-1][0], max(end, units[-1][1]))
        else:
            units.append((start, end))
    return units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true", help="print every miss and every wrong flag")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (HERE / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    docs = sorted({row["doc"] for row in rows})
    flagged_total = flagged_right = gold_total = gold_found = 0
    for document in read_sources([str(CORPUS / name) for name in docs]):
        if isinstance(document, ReadFailure):
            raise SystemExit(str(document))
        text = document.text
        units = gold_units([r for r in rows if r["doc"] == document.name], text)
        flags = [
            (f.span.start, f.span.end)
            for p in document.paragraphs
            if not p.is_furniture
            for f in find_framing(document.paragraph_text(p), document.name, p.start)
            if f.span is not None
        ]

        def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
            return a[0] < b[1] and b[0] < a[1]

        right = [f for f in flags if any(overlaps(f, u) for u in units)]
        found = [u for u in units if any(overlaps(f, u) for f in flags)]
        flagged_total, flagged_right = flagged_total + len(flags), flagged_right + len(right)
        gold_total, gold_found = gold_total + len(units), gold_found + len(found)
        if args.show:
            for f in flags:
                if f not in right:
                    print(f"  wrong {document.name}: «{text[f[0] : f[1]]}»")
            for u in units:
                if u not in found:
                    print(f"  missed {document.name}: «{text[u[0] : u[1]]}»")
    precision = flagged_right / flagged_total if flagged_total else 0.0
    recall = gold_found / gold_total if gold_total else 0.0
    print(
        f"framing over every sentence: precision {precision:.3f} ({flagged_right}/{flagged_total} flagged spans)  "
        f"recall {recall:.3f} ({gold_found}/{gold_total} gold units)"
    )


if __name__ == "__main__":
    main()
