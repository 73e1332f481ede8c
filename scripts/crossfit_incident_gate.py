"""Retrain the incident gate by its recipe, cross-fitted, in one command (data/models/incident_gate.README.md).

    python scripts/crossfit_incident_gate.py PART_1 PART_2 [PART_3 ...] --work DIR           # cross-fitted scores
    python scripts/crossfit_incident_gate.py PART_1 PART_2 [PART_3 ...] --work DIR --write   # and the shipped gate

Each PART is a part of the real-text dev set, a folder holding ``gold/`` and ``corpus/`` (the halves
``evaluation/real/halves.py`` writes, and any further part). With this checkout's code, in DIR:

1. for each part, the typing model trained without it on the parts' gold (``scripts/train_typing.py --dev
   P1/gold --dev P2/gold ... --without PART/gold``; the shipped ``event_platt`` copied into its meta), so that the
   typing confidence the gate reads is what it is on an article the typing model never saw;
2. a copy of ``src`` with that typing model and no gate, into which the part's corpus is ingested
   (``sitrep ingest``) and scored (``sitrep eval``): the figures with no gate, and the stores the gate learns from;
3. the gate fitted on every part but one (``scripts/train_incident_gate.py --leave-out K --out``), and each part
   ingested again with the gate fitted on the others and scored: the cross-fitted figures, out of sample for both
   models;
4. with ``--write``, the gate fitted on every part, written where the package reads it.

Each step whose output is in DIR already is not run again (delete DIR to start afresh). It takes about 10 minutes a
part on two cores. Development data only: the trainers refuse the test split.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
MODELS = ("sitrep", "data", "models")
TYPING = ("typing.npz", "typing.meta.json")
GATE = ("incident_gate.npz", "incident_gate.meta.json")


def run(command: list[str], src: Path | None = None, output: Path | None = None) -> None:
    """Runs a command with ``src`` first on the Python path; its standard output to ``output`` if given."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    print("$", " ".join(command), flush=True)
    if output is None:
        subprocess.run(command, env=env, check=True)
        return
    with output.open("w", encoding="utf-8") as out:
        subprocess.run(command, env=env, check=True, stdout=out)


def train_typing(parts: list[Path], left_out: int, work: Path) -> Path:
    """The typing model trained on the parts' gold without one part, with the shipped event calibration."""
    folder = work / f"typing_without_{left_out + 1}"
    if not (folder / TYPING[1]).is_file():
        golds = [arg for part in parts for arg in ("--dev", str(part / "gold"))]
        command = [sys.executable, str(SCRIPTS / "train_typing.py"), *golds]
        command += ["--without", str(parts[left_out] / "gold"), "--out", str(folder)]
        run(command, output=work / f"typing_without_{left_out + 1}.log")
    # The map from a typing confidence to the chance a stored event is right is fitted on whole runs
    # (scripts/calibrate_events.py), not by train_typing.py: the shipped one is the one the pipeline reads.
    shipped = json.loads((ROOT / "src" / Path(*MODELS) / TYPING[1]).read_text(encoding="utf-8"))
    meta = json.loads((folder / TYPING[1]).read_text(encoding="utf-8"))
    meta["event_platt"] = shipped.get("event_platt", [1.0, 0.0])
    (folder / TYPING[1]).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return folder


def source_copy(work: Path, name: str, typing: Path, gate: Path | None) -> Path:
    """A copy of this checkout's ``src`` with these typing weights and this gate (none: the gate is off)."""
    src = work / f"src_{name}"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    models = src / Path(*MODELS)
    for file in TYPING:
        shutil.copyfile(typing / file, models / file)
    for file in GATE:
        (models / file).unlink(missing_ok=True)
        if gate is not None:
            shutil.copyfile(gate / file, models / file)
    return src


def ingest_and_score(half: Path, src: Path, work: Path, name: str) -> list[str]:
    """``sitrep ingest`` of the half's corpus with the code in ``src``, then ``sitrep eval``: its first lines."""
    scores = work / f"{name}.eval.txt"
    if not scores.is_file():
        db = work / f"{name}.db"
        db.unlink(missing_ok=True)
        run([sys.executable, "-m", "sitrep", "ingest", str(half / "corpus"), "--db", f"sqlite:///{db}", "-q"], src)
        run([sys.executable, "-m", "sitrep", "eval", str(half / "gold"), "--db", f"sqlite:///{db}"], src, scores)
    return scores.read_text(encoding="utf-8").splitlines()[:4]


def train_gate(parts: list[Path], work: Path, extra: list[str]) -> None:
    stores = [
        arg for k, part in enumerate(parts) for arg in (str(part / "gold"), f"sqlite:///{work / f'{k + 1}_no_gate.db'}")
    ]
    run([sys.executable, str(SCRIPTS / "train_incident_gate.py"), *stores, *extra])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", type=Path, nargs="+", help="dev parts: folders with gold/ and corpus/ (two or more)")
    parser.add_argument("--work", type=Path, required=True, help="folder for the models, copies and stores")
    parser.add_argument("--write", action="store_true", help="write the gate fitted on every part (shipped)")
    args = parser.parse_args(argv)
    if len(args.parts) < 2:
        parser.error("give two or more parts")
    parts: list[Path] = [part.resolve() for part in args.parts]
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    typing = [train_typing(parts, k, work) for k in range(len(parts))]
    report: dict[str, list[str]] = {}
    for k, part in enumerate(parts):
        src = source_copy(work, f"{k + 1}_no_gate", typing[k], None)
        report[f"{part.name}, no gate"] = ingest_and_score(part, src, work, f"{k + 1}_no_gate")
    for k in range(len(parts)):
        if not (work / f"gate_without_{k + 1}" / GATE[1]).is_file():
            train_gate(parts, work, ["--leave-out", str(k + 1), "--out", str(work / f"gate_without_{k + 1}")])
    for k, part in enumerate(parts):
        src = source_copy(work, f"{k + 1}_gated", typing[k], work / f"gate_without_{k + 1}")
        report[f"{part.name}, gate fitted on the other parts"] = ingest_and_score(part, src, work, f"{k + 1}_gated")
    if args.write:
        train_gate(parts, work, ["--write"])
    for name, lines in report.items():
        print(f"== {name}", *lines, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
