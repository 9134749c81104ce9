"""Time and memory of `sitroom gazetteer import` and of look-ups in its index, on a synthetic
GeoNames dump, extrapolated to the full allCountries file.

    .venv/bin/python benchmarks/gazetteer_index.py [--rows 1000000] [--lookups 20000] [--full-rows 13000000]

The dump is made up (syllable names) but shaped like allCountries: the same share of
feature classes (about 40% populated places, the rest divisions, spots, waters, terrain;
of these only the classes sitroom keeps are indexed), one or two alternate names on a
third of the rows. The import runs in a child process so its peak memory is its own;
look-ups run in another, over names that exist and names that do not. Time and file
size grow with the rows; the look-up time grows with the depth of SQLite's B-tree (the
log of the rows), so it is reported as measured.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from sitroom.knowledge.geonames_index import LocalIndex, import_dump

# allCountries' feature classes, as shares of its rows (GeoNames statistics, rounded):
# P populated places, S spots, H waters, T terrain, A divisions, L areas, V vegetation,
# R roads, U undersea.
CLASS_SHARES = (("P", "PPL", 0.38), ("S", "SCH", 0.20), ("H", "STM", 0.17), ("H", "LK", 0.02),
                ("T", "HLL", 0.13), ("T", "ISL", 0.01), ("A", "ADM3", 0.03), ("A", "ADM2", 0.01),
                ("A", "ADM1", 0.001), ("L", "LCTY", 0.03), ("V", "FRST", 0.01), ("R", "RD", 0.009))
# Consonant-vowel syllables: about as many distinct names as GeoNames has for its rows.
SYLLABLES = tuple(c + v for c in "bdfghklmnprstvwyz" for v in ("a", "e", "i", "o", "u", "ou", "ai"))
COUNTRIES = ("SY", "SD", "FR", "US", "KE", "UA", "NG", "IN", "BR", "ML")


def synthetic_name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
                    for _ in range(rng.choice((1, 1, 1, 2))))


def write_dump(path: Path, rows: int, seed: int = 7) -> list[str]:
    """Write the dump; return a sample of its names for look-ups."""
    rng = random.Random(seed)
    codes = [(c, f) for c, f, _ in CLASS_SHARES]
    weights = [w for _, _, w in CLASS_SHARES]
    sample: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for geonameid in range(1, rows + 1):
            fclass, fcode = rng.choices(codes, weights)[0]
            name = synthetic_name(rng)
            alternates = ",".join(synthetic_name(rng) for _ in range(rng.choice((0, 0, 1, 2))))
            population = rng.choice((0, 0, 0, rng.randint(50, 5000)))
            cells = [str(geonameid), name, name, alternates, f"{rng.uniform(-60, 70):.5f}",
                     f"{rng.uniform(-180, 180):.5f}", fclass, fcode, rng.choice(COUNTRIES), "",
                     f"{rng.randint(1, 20):02d}", "", "", "", str(population), "", "100", "UTC", "2024-01-01"]
            handle.write("\t".join(cells) + "\n")
            if fclass == "P" and len(sample) < 50_000 and rng.random() < 0.1:
                sample.append(name)
    return sample


def _import(dump: str, index: str, out: "multiprocessing.Queue[dict]") -> None:
    report = import_dump(Path(dump), Path(index))
    out.put({"seconds": report.seconds, "places": report.places, "names": report.names, "bytes": report.bytes,
             "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _lookups(index: str, present: list[str], lookups: int, out: "multiprocessing.Queue[dict]") -> None:
    rng = random.Random(11)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    opened = time.perf_counter()
    local = LocalIndex.open(Path(index))
    assert local is not None
    open_ms = (time.perf_counter() - opened) * 1000
    names = [rng.choice(present) if i % 2 == 0 else synthetic_name(rng) + " Zq" for i in range(lookups)]
    started = time.perf_counter()
    found = sum(bool(local.lookup(name)) for name in names)
    seconds = time.perf_counter() - started
    out.put({"lookups": lookups, "found": found, "microseconds_per_lookup": round(seconds / lookups * 1e6, 1),
             "open_ms": round(open_ms, 1),
             "rss_before_mb": round(before, 1),
             "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})


def _in_child(target, *args):  # type: ignore[no-untyped-def]
    queue: multiprocessing.Queue[dict] = multiprocessing.Queue()
    child = multiprocessing.Process(target=target, args=(*args, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=20_000)
    parser.add_argument("--full-rows", type=int, default=13_000_000, help="Rows of allCountries to extrapolate to.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitroom-geonames-") as tmp:
        dump, index = Path(tmp) / "synthetic.txt", Path(tmp) / "index.sqlite"
        started = time.perf_counter()
        present = write_dump(dump, args.rows)
        written = time.perf_counter() - started
        built = _in_child(_import, str(dump), str(index))
        looked = _in_child(_lookups, str(index), present, args.lookups)
        dump_mb = dump.stat().st_size / 1e6
    scale = args.full_rows / args.rows
    result = {
        "rows": args.rows, "dump_mb": round(dump_mb, 1), "dump_written_s": round(written, 1),
        "import": built, "lookup": looked,
        "extrapolated_to_rows": args.full_rows,
        "extrapolated_import_minutes": round(built["seconds"] * scale / 60, 1),
        "extrapolated_index_gb": round(built["bytes"] * scale / 1e9, 2),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"synthetic dump: {args.rows:,} rows, {dump_mb:.0f} MB")
    print(f"import: {built['seconds']:.1f} s, {built['places']:,} places kept, {built['names']:,} names, "
          f"index {built['bytes'] / 1e6:.0f} MB, peak memory {built['peak_rss_mb']:.0f} MB")
    print(f"look-ups: {looked['microseconds_per_lookup']} µs each ({looked['found']:,} of {looked['lookups']:,} found), "
          f"index opened in {looked['open_ms']} ms, process memory {looked['rss_before_mb']:.0f} -> "
          f"{looked['peak_rss_mb']:.0f} MB")
    print(f"extrapolated to {args.full_rows:,} rows (allCountries): import about "
          f"{result['extrapolated_import_minutes']} min, index about {result['extrapolated_index_gb']} GB; import "
          f"memory stays flat (rows are written in batches of the same size); look-ups read a few B-tree pages each")
    return 0


if __name__ == "__main__":
    sys.exit(main())
