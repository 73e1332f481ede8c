"""The pipeline's one direction, enforced: a stage imports only itself, earlier stages and the shared base.

    ingest -> nlp -> extract -> geo -> resolve -> store -> faces (api, web, export, cli, pipeline, scale, ...)

``model`` and ``data`` lie below every stage. An import against the direction (``TYPE_CHECKING`` and
function-level imports included: they are dependencies all the same) fails here, naming the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sitrep

PACKAGE = Path(sitrep.__file__).parent
BASE = ("model", "data")
STAGES = ("ingest", "nlp", "extract", "geo", "resolve", "store")
# Everything a user touches, and the assemblers that join the stages; they may import any stage.
FACES = ("api", "web", "export", "cli", "pipeline", "scale", "evaluate", "report", "__main__", "__init__")


def layer(module: str) -> int | None:
    """0 for the shared base, 1.. for the stages in order, len(STAGES)+1 for the faces; None outside sitrep."""
    parts = module.split(".")
    if parts[0] != "sitrep":
        return None
    top = parts[1] if len(parts) > 1 else "__init__"
    if top in BASE:
        return 0
    if top in STAGES:
        return 1 + STAGES.index(top)
    if top in FACES:
        return 1 + len(STAGES)
    raise AssertionError(f"sitrep.{top} is in no layer: add it to BASE, STAGES or FACES in {__file__}")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from sitrep import pipeline" names a module by its attribute; "from sitrep.geo import x" does not.
            if node.module == "sitrep":
                found += [(node.lineno, f"sitrep.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_lies_in_a_layer() -> None:
    assert len(SOURCES) > 50, f"no sources found under {PACKAGE}"
    for path in SOURCES:
        assert layer(module_name(path)) is not None


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_runs_against_the_pipeline(path: Path) -> None:
    own = layer(module_name(path))
    assert own is not None
    backward = []
    for line, name in imports(path):
        target = layer(name) if name.split(".")[0] == "sitrep" else None
        if target is not None and target > own:
            backward.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    assert not backward, "imports against the pipeline's direction:\n" + "\n".join(backward)


def test_the_contract_catches_a_backward_import(tmp_path: Path) -> None:
    # The checker itself: a stage importing a later stage is reported.
    assert layer("sitrep.extract.events") == 3 and layer("sitrep.store.database") == 6
    assert layer("sitrep.model") == 0 and layer("sitrep.api.app") == 7
    module = tmp_path / "m.py"
    module.write_text(
        "from sitrep.store import Store\nimport sitrep.resolve.cluster\nfrom sitrep import pipeline\n", encoding="utf-8"
    )
    assert [name for _, name in imports(module)] == ["sitrep.store", "sitrep.resolve.cluster", "sitrep.pipeline"]


def test_the_module_map_in_the_docs_matches_the_code() -> None:
    import importlib.util

    script = PACKAGE.parents[1] / "scripts" / "architecture_map.py"
    spec = importlib.util.spec_from_file_location("architecture_map", script)
    assert spec is not None and spec.loader is not None
    architecture_map = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(architecture_map)
    documented = architecture_map.document_map(architecture_map.DOC.read_text(encoding="utf-8"))
    assert documented == architecture_map.module_map(), "run: python scripts/architecture_map.py --write"
    for path in SOURCES:
        assert f"`{path.relative_to(PACKAGE)}`" in documented
