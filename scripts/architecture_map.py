"""Writes the module map of docs/architecture.md from the code: every module with the first line of its
docstring, by layer. The test suite checks the document against this output, so the map cannot go stale.

    python scripts/architecture_map.py            # print the map
    python scripts/architecture_map.py --write    # replace the map in docs/architecture.md
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitrep"
DOC = ROOT / "docs" / "architecture.md"
BEGIN, END = "<!-- module map: begin -->", "<!-- module map: end -->"
# The layers in the order data flows (tests/test_architecture.py enforces it).
LAYERS = [
    ("base", ("model", "data")),
    ("ingest", ("ingest",)),
    ("nlp", ("nlp",)),
    ("extract", ("extract",)),
    ("geo", ("geo",)),
    ("resolve", ("resolve",)),
    ("store", ("store",)),
    ("faces", ("pipeline", "cli", "api", "web", "export", "scale", "evaluate", "report", "__init__", "__main__")),
]


def summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def module_map() -> str:
    lines = []
    for layer, tops in LAYERS:
        lines += [f"### {layer}", "", "| module | what it is |", "|---|---|"]
        for top in tops:
            paths = sorted((PACKAGE / top).rglob("*.py")) if (PACKAGE / top).is_dir() else [PACKAGE / f"{top}.py"]
            for path in paths:
                if path.exists():
                    text = summary(path).replace("|", "\\|")
                    lines.append(f"| `{path.relative_to(PACKAGE)}` | {text} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def document_map(text: str) -> str:
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def main() -> int:
    generated = module_map()
    if "--write" not in sys.argv[1:]:
        print(generated, end="")
        return 0
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    DOC.write_text(f"{head}{BEGIN}\n{generated}{END}{rest.split(END, 1)[1]}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
