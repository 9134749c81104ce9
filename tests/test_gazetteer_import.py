"""`sitroom gazetteer import`: a GeoNames dump (plain or zipped) becomes a local index that
the gazetteer consults for the places its packaged data lacks."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitroom.errors import KnowledgeError
from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.knowledge.geonames_index import COLUMNS, LocalIndex, import_dump


def row(geonameid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str,
        cc: str, admin1: str, population: int = 0) -> str:
    """One line in GeoNames' dump format (19 tab-separated columns)."""
    cells = [str(geonameid), name, name, alternates, f"{lat}", f"{lon}", fclass, fcode, cc, "", admin1, "", "",
             "", str(population), "", "250", "Asia/Damascus", "2024-03-01"]
    assert len(cells) == COLUMNS
    return "\t".join(cells)


# Made-up hamlets below the packaged data's 500 people, with the division they lie in.
DUMP = "\n".join([
    row(9900001, "Tall Qarmudah", "Tell Qarmoudeh,Tal Karmuda", 36.512, 37.104, "P", "PPL", "SY", "09", 140),
    row(9900002, "Khirbat Zaytunah", "", 35.871, 36.402, "P", "PPL", "SY", "12"),
    row(9900003, "Muhafazat Halab", "Aleppo Governorate", 36.2, 37.15, "A", "ADM1", "SY", "09", 4_868_000),
    row(9900004, "Qarmudah Primary School", "", 36.513, 37.105, "S", "SCH", "SY", "09"),
    row(9900005, "Ayn Qarmudah", "", 36.52, 37.11, "H", "SPNG", "SY", "09"),
    row(9900006, "Buhayrat Qarmudah", "Lake Qarmudah", 36.5, 37.0, "H", "LK", "SY", "09"),
]) + "\n"


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def test_import_keeps_places_divisions_and_named_features(dump: Path, tmp_path: Path) -> None:
    report = import_dump(dump, tmp_path / "index.sqlite")
    assert (report.rows_read, report.places) == (6, 4)  # the school and the spring are left out
    index = LocalIndex.open(tmp_path / "index.sqlite")
    assert index is not None and len(index) == 4
    [hamlet] = index.lookup("Tell Qarmoudeh")  # an alternate name
    assert (hamlet.geonameid, hamlet.name, hamlet.country, hamlet.feature) == (9900001, "Tall Qarmudah", "SYR", "city")
    assert hamlet.admin1 == "Muhafazat Halab"  # the dump's own ADM1 row names the division
    assert index.lookup("Qarmudah Primary School") == []
    assert [c.feature for c in index.lookup("Lake Qarmudah")] == ["region"]


def test_a_zipped_country_file_with_its_readme_is_read_like_the_text(dump: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("readme.txt", "not a dump")
        handle.writestr("SY.txt", DUMP)
    report = import_dump(archive, tmp_path / "zipped.sqlite")
    assert report.places == 4
    index = LocalIndex.open(tmp_path / "zipped.sqlite")
    assert index is not None and index.lookup("Khirbat Zaytunah")[0].population == 0


def test_a_bad_row_names_file_and_line_and_keeps_the_index_there(dump: Path, tmp_path: Path) -> None:
    target = tmp_path / "index.sqlite"
    import_dump(dump, target)
    bad = tmp_path / "broken.txt"
    bad.write_text(DUMP + "9900007\tOnly three\tcolumns\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        import_dump(bad, target)
    assert "broken.txt:7:" in str(error.value) and "has 19" in str(error.value)
    index = LocalIndex.open(target)
    assert index is not None and index.lookup("Tall Qarmudah")  # the earlier index is intact
    assert not list(tmp_path.glob(".geonames-*"))  # no half-written file is left behind


def test_coordinates_out_of_range_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(row(1, "Nowhere", "", 123.0, 37.0, "P", "PPL", "SY", "09") + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="out of range"):
        import_dump(bad, tmp_path / "index.sqlite")


def test_an_index_of_another_format_asks_for_a_new_import(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('format', '0')")
    with pytest.raises(KnowledgeError, match="gazetteer import"):
        LocalIndex.open(path)


def test_the_gazetteer_finds_a_hamlet_only_the_index_knows(dump: Path, tmp_path: Path) -> None:
    plain = Gazetteer.load(local=False)
    assert plain.resolve("Tall Qarmudah") is None
    import_dump(dump, tmp_path / "index.sqlite")
    with_index = Gazetteer.load(local=tmp_path / "index.sqlite")
    found = with_index.resolve("Tall Qarmudah")
    assert found is not None and found.geonameid == 9900001
    assert with_index.has("Tal Karmuda")
    # names the packaged data knows are still answered by it
    assert with_index.resolve("Aleppo") == plain.resolve("Aleppo")


def test_cli_imports_and_reports(dump: Path, tmp_path: Path) -> None:
    index = tmp_path / "cli.sqlite"
    done = subprocess.run([sys.executable, "-m", "sitroom.cli", "gazetteer", "import", str(dump), "--index", str(index)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "4 places" in done.stdout and str(index) in done.stdout
    missing = subprocess.run([sys.executable, "-m", "sitroom.cli", "gazetteer", "import", str(tmp_path / "none.txt"),
                              "--index", str(index)], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"Error: {tmp_path / 'none.txt'}: file not found"
