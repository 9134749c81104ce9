"""The actor knowledge files and their loader: lookups, office holders, validation errors."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.errors import KnowledgeError
from sitroom.knowledge.actors import ActorKB, Group, Person, name_key, split_words

PEOPLE_HEADER = "name\taliases\tshort\tcountry\tcode\toffice\ttitle\tstart\tend\tnote\n"
GROUPS_HEADER = "name\taliases\tcountry\tcode\tkind\n"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_un_member_and_the_four_others_are_listed(kb: ActorKB) -> None:
    assert len(kb.countries) >= 197
    for iso3 in ("PSE", "XKX", "TWN", "ESH", "SSD", "COD", "MMR"):
        assert kb.country(iso3) is not None


def test_names_fold_case_accents_and_apostrophes() -> None:
    assert name_key("Hay'at Tahrir al-Sham") == name_key("HAYAT TAHRIR AL SHAM") == "hayat tahrir al sham"
    assert name_key("Türkiye") == "turkiye"
    # British and American spellings of a body's name are one key
    assert name_key("World Health Organisation") == name_key("World Health Organization")
    assert name_key("Israel Defence Forces") == name_key("Israel Defense Forces")


def test_possessive_is_split_off_a_word() -> None:
    words = split_words("Sudan's army")
    assert [w.key for w in words] == ["sudan", "army"]
    assert words[0].possessive and words[0].end == 5


def test_lookup_finds_countries_groups_and_people(kb: ActorKB) -> None:
    assert [getattr(e, "iso3", None) for e in kb.lookup("Ivory Coast")] == ["CIV"]
    groups = [e for e in kb.lookup("Ansar Allah") if isinstance(e, Group)]
    assert groups and groups[0].code == "YEMREB"
    people = [e for e in kb.lookup("Andriy Sybiha") if isinstance(e, Person)]
    assert people and people[0].code == "UKRGOV"


def test_holder_changes_with_the_date(kb: ActorKB) -> None:
    before = kb.holder("UKR", "foreign minister", dt.date(2023, 6, 1))
    after = kb.holder("UKR", "foreign minister", dt.date(2025, 2, 1))
    assert before is not None and before.name == "Dmytro Kuleba"
    assert after is not None and after.name == "Andrii Sybiha"


def test_holder_by_title_and_by_office(kb: ActorKB) -> None:
    president = kb.holder("IRN", "president", dt.date(2025, 3, 1))
    leader = kb.holder("IRN", "head of state", dt.date(2025, 3, 1))
    assert president is not None and president.name == "Masoud Pezeshkian"
    assert leader is not None and leader.name == "Ali Khamenei"


def test_tenure_on_picks_the_row_for_the_day(kb: ActorKB) -> None:
    dagalo = next(p for p in kb.people if p.name == "Mohamed Hamdan Dagalo")
    assert kb.tenure_on(dagalo, dt.date(2021, 1, 1)).code == "SDNGOV"
    assert kb.tenure_on(dagalo, dt.date(2024, 6, 1)).code == "SDNREB"


def test_fuzzy_key_forgives_one_dropped_letter(kb: ActorKB) -> None:
    assert kb.fuzzy_key(name_key("Jamaat Nusrat al-Islam wal-Muslimn")) == name_key("Jamaat Nusrat al-Islam wal-Muslimin")
    assert kb.fuzzy_key(name_key("Democratic Forces")) is None


def test_user_file_adds_a_group(tmp_path: Path) -> None:
    extra = write(tmp_path, "mine.tsv", GROUPS_HEADER + "Sahel Liberation Front\tSLF\tNER\tNERREB\tarmed\n")
    kb = ActorKB.load([extra])
    found = kb.lookup("SLF")
    assert found and isinstance(found[0], Group) and found[0].code == "NERREB"


def test_user_file_adds_a_person(tmp_path: Path) -> None:
    row = "Amina Testperson\t\t\tKEN\tKENGOV\tspokesperson\t\t2024-02-01\t\t\n"
    kb = ActorKB.load([write(tmp_path, "people.tsv", PEOPLE_HEADER + row)])
    holder = kb.holder("KEN", "spokesperson", dt.date(2024, 5, 1))
    assert holder is not None and holder.name == "Amina Testperson"


def error_for(tmp_path: Path, text: str) -> KnowledgeError:
    path = write(tmp_path, "bad.tsv", text)
    with pytest.raises(KnowledgeError) as caught:
        ActorKB.load([path])
    assert str(path) in str(caught.value)
    return caught.value


def test_unknown_column_names_file_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, "# a comment\nname\taliases\tcountry\tcode\tkind\tcolour\n")
    assert error.line == 2 and "colour" in str(error) and "bad.tsv:2" in str(error)


def test_bad_iso3_names_file_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, GROUPS_HEADER + "Good Group\t\tNER\tNERREB\tarmed\nBad Group\t\tXYZ\tXYZREB\tarmed\n")
    assert error.line == 3 and "XYZ" in str(error)


def test_bad_date_names_file_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, PEOPLE_HEADER + "Jane Doe\t\t\tKEN\tKENGOV\tspokesperson\t\t2024-13-01\t\t\n")
    assert error.line == 2 and "2024-13-01" in str(error)


def test_end_before_start_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, PEOPLE_HEADER + "Jane Doe\t\t\tKEN\tKENGOV\tspokesperson\t\t2024-03-01\t2023-01-01\t\n")
    assert error.line == 2 and "before" in str(error)


def test_missing_required_value_names_column_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, GROUPS_HEADER + "\n\nNameless\t\tKEN\t\tarmed\n")
    assert error.line == 4 and "code" in str(error)


def test_unknown_group_kind_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, GROUPS_HEADER + "Some Club\t\tKEN\tKENCVL\tclub\n")
    assert error.line == 2 and "club" in str(error)


def test_bad_cameo_code_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, GROUPS_HEADER + "Some Group\t\tKEN\tken-reb\tarmed\n")
    assert error.line == 2 and "ken-reb" in str(error)


def test_header_of_neither_kind_is_refused(tmp_path: Path) -> None:
    error = error_for(tmp_path, "name\tcode\n")
    assert "neither" in str(error)


def test_missing_user_file_is_a_knowledge_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="file not found"):
        ActorKB.load([tmp_path / "absent.tsv"])


DATED_GROUPS_HEADER = "name\taliases\tcountry\tcode\tkind\tnote\tsince\tearlier_code\n"


def test_a_group_whose_role_changed_has_the_code_of_the_day(tmp_path: Path) -> None:
    row = "Northern Salvation Front\tNSF\tNER\tNERGOV\tarmed\tin power since 2023\t2023-07-26\tNERREB\n"
    kb = ActorKB.load([write(tmp_path, "mine.tsv", DATED_GROUPS_HEADER + row)])
    [group] = [g for g in kb.lookup("NSF") if isinstance(g, Group)]
    assert group.on(dt.date(2022, 1, 5)).code == "NERREB"
    assert group.on(dt.date(2023, 7, 26)).code == "NERGOV"
    assert group.on(None).code == "NERGOV"  # an undated article: the code of today


@pytest.mark.parametrize("cells, problem", [
    ("2023-07-26\t", "go together"),
    ("\tNERREB", "go together"),
    ("26/07/2023\tNERREB", "not a date"),
])
def test_a_dated_code_needs_its_day_and_its_earlier_code(tmp_path: Path, cells: str, problem: str) -> None:
    error = error_for(tmp_path, DATED_GROUPS_HEADER + f"Northern Salvation Front\tNSF\tNER\tNERGOV\tarmed\t\t{cells}\n")
    assert error.line == 2 and problem in str(error)
