"""Convert world-atlas's Natural Earth 110m TopoJSON into the compact GeoJSON the
dashboard map draws (src/sitroom/server/static/countries.geojson).

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/world_boundaries.py /tmp/package/countries-110m.json

Natural Earth data is in the public domain; world-atlas (its TopoJSON packaging, by
Mike Bostock) is under the ISC licence. Each feature keeps the country's name and gets
its ISO 3166 alpha-3 code (from pycountry via the numeric code world-atlas carries), so
that the map can be shaded by the store's `country` column.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "server" / "static" / "countries.geojson"
# Two decimals of a degree (about 1 km) is finer than the 110m source's own detail.
DECIMALS = 2
# Entities world-atlas leaves without a numeric code; Kosovo's code is the one
# sitroom's countries.tsv uses, the others have none and stay unshaded.
UNCODED = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    return unwrap(points)


def unwrap(points: list[tuple[float, float]]) -> list[list[float]]:
    """Longitudes made continuous (a ring crossing the antimeridian goes past 180
    instead of jumping back across the map); rounded, repeated points dropped."""
    out: list[list[float]] = []
    shift = 0.0
    previous: float | None = None
    for lon, lat in points:
        if previous is not None:
            if lon - previous > 180:
                shift -= 360
            elif previous - lon > 180:
                shift += 360
        previous = lon
        point = [round(lon + shift, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def alpha3(numeric: str | None, name: str) -> str | None:
    if numeric is None:
        return UNCODED.get(name)
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            raise SystemExit(f"{name}: unexpected geometry type {geometry['type']}")
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
        features.append({
            "type": "Feature",
            "properties": {"name": name, "iso_a3": alpha3(geometry.get("id"), name)},
            "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
        })
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    collection = convert(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    missing = [f["properties"]["name"] for f in collection["features"] if not f["properties"]["iso_a3"]]
    print(f"{len(collection['features'])} countries -> {args.out} ({args.out.stat().st_size} bytes); "
          f"no ISO code: {', '.join(missing) or 'none'}", file=sys.stderr)


if __name__ == "__main__":
    main()
