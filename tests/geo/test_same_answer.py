"""One answer whatever the process's hash seed (sitrep.geo.index)."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_countries_a_text_implies_do_not_depend_on_the_hash_seed() -> None:
    # A village name held by two countries: their tie is broken the same way in every process.
    code = "from sitrep.geo import Gazetteer; print(Gazetteer.open().countries_of_places('Shells fell on al-Tabaqa'))"
    answers = set()
    for seed in ("0", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        answers.add(result.stdout)
    assert len(answers) == 1, answers
