"""Dictionaries, lexicons and the ontology, shipped as data files (see PROVENANCE)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent
# libyaml's loader reads the same documents as the pure-Python one about ten times faster; PyYAML is built
# without it on some platforms.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


@functools.cache
def load_yaml(name: str) -> Any:
    with data_path(name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)
