"""Reading articles: every format, every error, directories, stdin, ids, metadata."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from sitroom.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    MalformedInput,
    MissingInput,
    TooLarge,
    UsageError,
)
from sitroom.intake import content_id, detect_language, normalise_date, read_articles
from sitroom.options import Options
from sitroom.records import Article

DATA = Path(__file__).resolve().parent / "data" / "intake"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

STORY = (
    "Government forces and rebels clashed near the town of Kalehe in South Kivu on Sunday, "
    "leaving at least nine people dead, a local administrator said on Monday.\n"
)
FRENCH = (
    "Les forces gouvernementales et les rebelles se sont affrontés dimanche près de la ville de "
    "Kalehe, dans le Sud-Kivu, faisant au moins neuf morts, a indiqué lundi un administrateur local.\n"
)


def read(*paths: str | Path, options: Options | None = None) -> list[Article | InputError]:
    return list(read_articles([str(p) for p in paths], options or Options()))


def one(path: str | Path, options: Options | None = None) -> Article | InputError:
    items = read(path, options=options)
    assert len(items) == 1, items
    return items[0]


def article(path: str | Path, options: Options | None = None) -> Article:
    item = one(path, options)
    assert isinstance(item, Article), item
    return item


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- plain text -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md", "story"])
def test_plain_text_is_kept_as_given(tmp_path: Path, name: str) -> None:
    text = "Clashes in South Kivu leave nine dead\n\n" + STORY
    item = article(write(tmp_path, name, text))
    assert item.text == text
    assert item.title == "Clashes in South Kivu leave nine dead"
    assert item.language == "en"
    assert item.source == str(tmp_path / name)
    assert item.notes == ()


def test_options_fill_missing_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY)
    options = Options(published="2024-06-02", outlet="Kivu Times", title="Nine dead in Kalehe")
    item = article(path, options)
    assert (item.published, item.outlet, item.title) == ("2024-06-02", "Kivu Times", "Nine dead in Kalehe")
    assert article(path).title is None, "a first line that is a sentence is not a title"


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a date"):
        read(write(tmp_path, "story.txt", STORY), options=Options(published="last Sunday"))


def test_crlf_is_kept_and_offsets_stay_those_of_the_text(tmp_path: Path) -> None:
    text = "Nine killed in Kalehe\r\n\r\n" + STORY.replace("\n", "\r\n") + "\r\nAdvertisement\r\n"
    item = article(write(tmp_path, "crlf.txt", text.encode("utf-8")))
    assert item.text == text
    assert [item.text[s:e] for s, e in item.furniture] == ["Advertisement"]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    item = article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8")))
    assert item.text == STORY


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text(tmp_path: Path, encoding: str) -> None:
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    item = article(write(tmp_path, "wide.txt", data))
    assert item.text == STORY
    assert any("byte-order mark" in note for note in item.notes)


def test_windows_1252_is_decoded_with_a_note(tmp_path: Path) -> None:
    text = "Le président a condamné l’attaque – “inacceptable”, a-t-il dit. " + STORY
    item = article(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert item.text == text
    assert any("Windows-1252" in note for note in item.notes)


def test_nul_characters_become_spaces(tmp_path: Path) -> None:
    data = STORY.encode("utf-8").replace(b"Kalehe", b"Kal\x00ehe", 1)
    item = article(write(tmp_path, "nul.txt", data))
    assert len(item.text) == len(STORY) + 1
    assert "Kal ehe" in item.text and "\x00" not in item.text
    assert any("NUL" in note for note in item.notes)


def test_zero_width_characters_inside_words_are_removed(tmp_path: Path) -> None:
    # they split a name without showing ("Hez\u200bbollah"); tests/test_hostile.py checks the actor
    text = STORY.replace("Kalehe", "Kal\u200behe")
    item = article(write(tmp_path, "zw.txt", text))
    assert item.text == STORY
    assert any("1 invisible character(s) removed" in note for note in item.notes)


# --- errors ---------------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    error = one(tmp_path / "nowhere.txt")
    assert isinstance(error, MissingInput)
    assert str(tmp_path / "nowhere.txt") in str(error)
    assert "no such file" in str(error)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", STORY)
    path.chmod(0)
    try:
        error = one(path)
    finally:
        path.chmod(0o644)
    assert isinstance(error, MissingInput) and "permission denied" in str(error)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  \n", "\u200b\n \u200b".encode("utf-8")])
def test_empty_input(tmp_path: Path, content: bytes) -> None:
    error = one(write(tmp_path, "empty.txt", content))
    assert isinstance(error, EmptyInput)
    assert str(tmp_path / "empty.txt") in str(error)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 20, "NUL"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08 more\x0e\x0f\x10\x11\x12\x13", "control"),
        (bytes(range(0x80, 0x100)) * 8, "non-text"),
    ],
)
def test_binary_input(tmp_path: Path, content: bytes, words: str) -> None:
    error = one(write(tmp_path, "blob.txt", content))
    assert isinstance(error, BinaryInput), error
    assert words in str(error)


def test_undecodable_input(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252 and a C1 control in latin-1: not plausible text.
    data = STORY.encode("utf-8").replace(b"Kalehe", b"Kal\x81ehe")
    error = one(write(tmp_path, "odd.txt", data))
    assert isinstance(error, DecodeError)
    assert "not UTF-8" in str(error) and "save it as UTF-8" in str(error)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", STORY * 10)
    error = one(path, Options(max_input_bytes=100))
    assert isinstance(error, TooLarge)
    assert "limit of 100" in str(error) and str(path) in str(error)
    assert isinstance(one(path, Options(max_input_bytes=len(STORY) * 10)), Article)


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", STORY)
    items = read(tmp_path / "missing.txt", good, write(tmp_path, "blob.bin", b"\x00" * 50))
    assert [type(item) for item in items] == [MissingInput, Article, BinaryInput]


# --- HTML -----------------------------------------------------------------------------------

def test_html_boilerplate_is_stripped_and_metadata_kept() -> None:
    item = article(DATA / "sudan_page.html")
    assert item.title == "Drone strike hits market in Sudan's North Darfur"
    assert item.published == "2025-02-11"
    assert item.url == "https://news.example.org/sudan/drone-strike-market"
    assert "killed at least 14 people" in item.text
    for boilerplate in ("Home", "Unrelated story", "Subscribe", "All rights reserved", "<p>"):
        assert boilerplate not in item.text


def test_html_is_sniffed_without_an_extension(tmp_path: Path) -> None:
    html = (DATA / "sudan_page.html").read_text(encoding="utf-8")
    item = article(write(tmp_path, "page", html))
    assert "<" not in item.text and "killed at least 14 people" in item.text


def test_html_without_an_article_body_keeps_the_page_text(tmp_path: Path) -> None:
    html = "<table><tr><td>Curfew declared</td><td>Port-au-Prince</td></tr></table>"
    item = article(write(tmp_path, "tiny.html", html))
    assert item.text == "Curfew declared\n\nPort-au-Prince"
    assert any("trafilatura" in note for note in item.notes)


def test_html_with_no_text_is_empty(tmp_path: Path) -> None:
    assert isinstance(one(write(tmp_path, "blank.html", "<html><body><script>x()</script></body></html>")), EmptyInput)


# --- JSON and JSON Lines ---------------------------------------------------------------------

def test_json_list_of_objects() -> None:
    first, second = read(DATA / "kidnapping.json")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.outlet, first.published) == (
        "ng-7", "Students abducted in Kaduna", "West Africa Ledger", "2024-03-07"
    )
    assert first.source == f"{DATA / 'kidnapping.json'} item 1"
    assert second.text.startswith("Myanmar's military government") and "<p>" not in second.text
    assert second.published == "2025-01-29"
    assert second.id == content_id(second.text)


def test_json_lines_with_a_broken_line() -> None:
    items = read(DATA / "mixed.jsonl")
    assert [type(item) for item in items] == [Article, MalformedInput, Article]
    first, broken, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.published == "2025-01-16", "a full ISO time is cut to its day"
    assert (first.id, first.outlet, first.url) == ("som-1", "Horn Observer", "https://horn.example.com/a1")
    assert str(broken).startswith(f"{DATA / 'mixed.jsonl'}:2: ")
    assert third.source == f"{DATA / 'mixed.jsonl'}:3"


def test_json_single_object_and_sniffed_json(tmp_path: Path) -> None:
    record = {"text": STORY, "id": 17, "language": "en", "published": None}
    assert article(write(tmp_path, "one.json", json.dumps(record))).id == "17"
    sniffed = article(write(tmp_path, "one", json.dumps(record)))
    assert sniffed.text == STORY
    lines = "\n".join(json.dumps({"text": STORY + str(n)}) for n in range(3))
    assert len(read(write(tmp_path, "many", lines))) == 3


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"text": STORY, "published": 12345}, '"published" must be a string'),
        ({"text": None}, '"text" must be a string, got null'),
        ({"text": STORY, "published": "next week"}, '"published" must be YYYY-MM-DD'),
        ({"text": STORY, "title": ["a", "b"]}, '"title" must be a string, got a list'),
        ({"html": 3}, '"html" must be a string'),
        ({"headline": "No body here"}, 'no "text" field'),
    ],
)
def test_json_wrong_types_name_the_field(tmp_path: Path, record: dict[str, object], field: str) -> None:
    error = one(write(tmp_path, "bad.json", json.dumps(record)))
    assert isinstance(error, MalformedInput)
    assert field in str(error)
    assert str(tmp_path / "bad.json") in str(error)


@pytest.mark.parametrize(
    ("content", "error_type", "words"),
    [
        ('{"text": "unterminated', MalformedInput, "not valid JSON"),
        ('"just a string"', MalformedInput, "object or a list"),
        ("[1, 2]", MalformedInput, "expected a JSON object"),
        ("[]", EmptyInput, "no articles"),
        ('{"text": "   "}', EmptyInput, "whitespace"),
    ],
)
def test_broken_json(tmp_path: Path, content: str, error_type: type[InputError], words: str) -> None:
    errors = read(write(tmp_path, "bad.json", content))
    assert errors and all(isinstance(e, error_type) for e in errors), errors
    assert words in str(errors[0])


def test_json_manifest_reads_listed_files_once(tmp_path: Path) -> None:
    write(tmp_path, "corpus/a.txt", "Kivu Times\n\nClashes near Kalehe\n\n" + STORY)
    write(tmp_path, "corpus/b.txt", FRENCH)
    write(
        tmp_path,
        "corpus/articles.jsonl",
        json.dumps({"id": "kv-1", "path": "a.txt", "published": "2024-06-03", "outlet": "Kivu Times"}) + "\n",
    )
    items = read(tmp_path / "corpus")
    assert len(items) == 2
    listed = next(i for i in items if isinstance(i, Article) and i.id == "kv-1")
    assert listed.published == "2024-06-03" and listed.source == str(tmp_path / "corpus" / "a.txt")
    assert listed.text[slice(*listed.furniture[0])] == "Kivu Times"
    assert listed.title == "Clashes near Kalehe"


def test_manifest_pointing_nowhere(tmp_path: Path) -> None:
    error = one(write(tmp_path, "list.json", json.dumps({"path": "gone.txt"})))
    assert isinstance(error, MissingInput)
    assert "gone.txt" in str(error) and "listed in" in str(error)


# --- feeds ----------------------------------------------------------------------------------

def test_rss_entries_are_articles() -> None:
    first, second = read(DATA / "sahel_feed.rss")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Gunmen attack army post in northern Burkina Faso"
    assert first.url == "https://news.example.org/burkina/army-post"
    assert first.published == "2025-03-08"
    assert first.outlet == "Sahel Dispatch"
    assert "<" not in first.text and "several soldiers" in first.text
    assert second.source == f"{DATA / 'sahel_feed.rss'} entry 2"


def test_atom_content_is_preferred_and_sniffed(tmp_path: Path) -> None:
    feed = (DATA / "yemen_feed.atom").read_bytes()
    for path in (DATA / "yemen_feed.atom", write(tmp_path, "feed", feed)):
        item = article(path)
        assert item.published == "2025-01-19"
        assert item.text == (
            "Yemen's Houthi rebels said they fired a missile at a cargo ship in the Red Sea.\n\n"
            "The shipping company said the vessel was not hit."
        )


def test_broken_feed_is_malformed(tmp_path: Path) -> None:
    for name, content in [
        ("truncated.rss", "<rss><channel><item><title>Half an item"),
        ("entity.rss", "<rss><channel><title>Wire</title>&bogus;<<<"),
        ("data.xml", '<?xml version="1.0"?><inventory><box/></inventory>'),
    ]:
        error = one(write(tmp_path, name, content))
        assert isinstance(error, MalformedInput), (name, error)
        assert name in str(error)
    assert "RSS/Atom" in str(one(tmp_path / "entity.rss"))


def test_feed_entries_recovered_from_a_broken_feed_say_so(tmp_path: Path) -> None:
    # A bare "&" is not XML; feedparser's lenient parser still finds the entry.
    feed = '<rss version="2.0"><channel><item><title>Troops & tanks</title><description>Troops moved east.</description></item></channel></rss>'
    item = article(write(tmp_path, "sloppy.rss", feed))
    assert (item.title, item.text) == ("Troops & tanks", "Troops moved east.")
    assert any("not well-formed" in note for note in item.notes)


def test_title_only_feed_entry_uses_its_title(tmp_path: Path) -> None:
    feed = '<rss version="2.0"><channel><title>Wire</title><item><title>Rebels seize border crossing in Shan state</title></item></channel></rss>'
    item = article(write(tmp_path, "titles.rss", feed))
    assert item.text == item.title == "Rebels seize border crossing in Shan state"
    assert any("title is the text" in note for note in item.notes)


# --- directories and stdin ------------------------------------------------------------------

def test_directory_is_walked_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    write(tmp_path, "b/deep/c.txt", STORY + "c")
    write(tmp_path, "a.txt", STORY + "a")
    write(tmp_path, "b/b.txt", STORY + "b")
    write(tmp_path, ".hidden.txt", STORY + "hidden")
    write(tmp_path, ".git/config.txt", STORY + "git")
    sources = [item.source for item in read(tmp_path)]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b/b.txt"), str(tmp_path / "b/deep/c.txt")]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    write(tmp_path, "d/story.txt", STORY)
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "d" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    items = read(tmp_path / "d")
    assert [type(item) for item in items] == [MissingInput, Article]
    assert "symbolic link" in str(items[0])


def test_empty_directory(tmp_path: Path) -> None:
    write(tmp_path, ".only_hidden", STORY)
    assert isinstance(one(tmp_path), EmptyInput)


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(STORY.encode("utf-8")))
    item = article("-", Options(published="2024-06-02T10:00:00+02:00"))
    assert item.text == STORY and item.source == "<stdin>" and item.published == "2024-06-02"


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin((DATA / "sahel_feed.rss").read_bytes()))
    assert len([i for i in read("-") if isinstance(i, Article)]) == 2
    monkeypatch.setattr(sys, "stdin", FakeStdin(json.dumps({"id": "x", "text": STORY}).encode()))
    assert article("-").id == "x"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(STORY.encode("utf-8")))
    assert isinstance(one("-", Options(max_input_bytes=10)), TooLarge)


# --- ids, language, dates -------------------------------------------------------------------

def test_ids_are_stable_content_hashes(tmp_path: Path) -> None:
    first = article(write(tmp_path, "a.txt", STORY))
    again = article(write(tmp_path, "b.txt", STORY.replace("\n", "\r\n")))
    other = article(write(tmp_path, "c.txt", STORY.replace("nine", "ten")))
    assert first.id == again.id != other.id
    assert len(first.id) == 16 and all(c in "0123456789abcdef" for c in first.id), first.id
    # Pinned: the id must not change between runs, versions or machines.
    assert content_id("Troops withdrew.") == "890862bf14ce2486"


def test_non_english_is_stored_with_a_note(tmp_path: Path) -> None:
    item = article(write(tmp_path, "fr.txt", FRENCH))
    assert item.language == "fr"
    assert any(note.startswith("not English (fr, ") and note.endswith("stored, not coded") for note in item.notes)
    given = article(write(tmp_path, "es.json", json.dumps({"text": STORY, "language": "es"})))
    assert given.language == "es" and "not English (es, as given): stored, not coded" in given.notes


def test_detect_language() -> None:
    assert detect_language(STORY)[0] == "en"
    code, probability = detect_language(FRENCH)
    assert code == "fr" and 0.9 <= probability <= 1.0
    assert detect_language("Kalehe") == ("und", 0.0)


@pytest.mark.parametrize(
    ("value", "day"),
    [("2024-11-30", "2024-11-30"), ("2024-11-30T23:59:00-05:00", "2024-11-30"), ("2024-11-30T08:00:00Z", "2024-11-30"),
     ("2024-02-30", None), ("30/11/2024", None), ("", None)],
)
def test_normalise_date(value: str, day: str | None) -> None:
    assert normalise_date(value) == day


# --- the seed articles ------------------------------------------------------------------------

def test_seed_directory_reads_through_its_manifest() -> None:
    meta = {m["id"]: m for m in map(json.loads, (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines())}
    items = read(SEEDS)
    assert all(isinstance(item, Article) for item in items)
    assert sorted(item.id for item in items) == sorted(meta)
    for item in items:
        assert isinstance(item, Article)
        assert (item.title, item.published, item.outlet) == (meta[item.id]["title"], meta[item.id]["published"], meta[item.id]["outlet"])
        assert item.language == "en"
        assert item.furniture


# --- text no store, API or page can carry (issue 18) ------------------------------------------

def _jsonl(tmp_path: Path, name: str, *records: dict[str, object]) -> Path:
    # json.dumps writes a lone surrogate as the escape "\ud800": valid JSON, invalid Unicode
    return write(tmp_path, name, "\n".join(json.dumps(r) for r in records) + "\n")


def _encodable(item: Article) -> bool:
    values = [item.id, item.text, item.title, item.outlet, item.published, item.url, item.language, item.source,
              *item.notes]
    return all(value is None or value.encode("utf-8") for value in values)


@pytest.mark.parametrize("field", ["text", "html", "title", "outlet", "id", "url", "language"])
@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udcff"])
def test_a_lone_surrogate_in_any_field_is_one_error_naming_file_and_line(tmp_path: Path, field: str,
                                                                        surrogate: str) -> None:
    bad = {"text": STORY, field: f"<p>Clashes {surrogate}in Kalehe</p>" if field == "html" else f"x{surrogate}y"}
    if field == "html":
        del bad["text"]
    path = _jsonl(tmp_path, "mixed.jsonl", {"id": "good-1", "text": STORY}, bad,
                  {"id": "good-2", "text": STORY.replace("nine", "ten"), "title": "A pair \ud83d\ude00 is fine"})
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["good-1", "good-2"] and all(_encodable(a) for a in articles)
    assert articles[1].title == "A pair \U0001F600 is fine"
    [error] = errors
    assert isinstance(error, MalformedInput) and error.source == f"{path}:2"
    assert f'field "{field}"' in error.problem and "lone surrogate" in error.problem
    assert f"U+{ord(surrogate):04X}" in error.problem
    str(error).encode("utf-8", "backslashreplace")  # printable on any terminal


def test_a_lone_surrogate_in_a_json_list_names_its_item(tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", json.dumps([{"text": STORY}, {"text": "Shelling \ud800 hit Goma."}]))
    good, error = read(path)
    assert isinstance(good, Article) and isinstance(error, MalformedInput)
    assert str(error).startswith(f"{path} item 2: field \"text\" holds a lone surrogate")


def test_options_that_are_not_valid_unicode_are_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY)
    # what argv gives for a byte that is not UTF-8 (surrogateescape)
    with pytest.raises(UsageError, match="outlet"):
        read(path, options=Options(outlet="Kivu \udcff Times"))


def test_file_names_that_are_not_utf8_give_storable_sources(tmp_path: Path) -> None:
    from sitroom.store import Store

    name = os.fsdecode(b"r\xe9port.txt")  # Latin-1 on disk: "\udce9" in Python
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    item = article(tmp_path / name)
    assert _encodable(item) and item.source == f"{tmp_path}/r\\xe9port.txt"
    with Store.open(":memory:") as store:
        assert store.add_article(item, [], [])
        assert store.article(item.id).source == item.source


def test_the_store_refuses_an_article_with_a_lone_surrogate_alone() -> None:
    from sitroom.errors import StoreError
    from sitroom.store import Store

    good = Article(id="good", text=STORY)
    bad = Article(id="bad", text="Shelling \ud800 hit Goma.", title="t")
    bad_title = Article(id="bad-title", text=STORY.replace("nine", "six"), title="t\udfff")
    with Store.open(":memory:") as store:
        with pytest.raises(StoreError) as caught:
            store.add_articles([(good, [], []), (bad, [], []), (bad_title, [], [])])
        assert "2 article(s) not stored (1 others were)" in str(caught.value)
        assert "article 'bad'" in str(caught.value) and "lone surrogate" in str(caught.value)
        assert [a.id for a in store.articles()] == ["good"]


BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
        "\u061c"]


@pytest.mark.parametrize("control", BIDI)
def test_bidi_controls_are_removed_from_every_text_field(tmp_path: Path, control: str) -> None:
    record = {"text": STORY, "title": f"gnp.{control}exe", "outlet": f"{control}Kivu Times",
              "url": f"https://example.org/{control}a", "language": f"en{control}"}
    item = article(write(tmp_path, "one.json", json.dumps(record)))
    assert (item.title, item.outlet, item.url, item.language) == ("gnp.exe", "Kivu Times", "https://example.org/a",
                                                                 "en")
    assert any("removed from title" in note for note in item.notes), item.notes
    feed = write(tmp_path, "feed.xml", "<?xml version='1.0'?><rss version='2.0'><channel>"
                 f"<title>Sahel {control}Dispatch</title><item><title>Army post {control}attacked</title>"
                 f"<description>{STORY}</description></item></channel></rss>")
    entry = article(feed)
    assert (entry.outlet, entry.title) == ("Sahel Dispatch", "Army post attacked")
    from_options = article(write(tmp_path, "plain.txt", STORY), Options(outlet=f"Wire{control}", title=f"T{control}t"))
    assert (from_options.outlet, from_options.title) == ("Wire", "Tt")


def test_control_characters_in_a_title_become_spaces(tmp_path: Path) -> None:
    record = {"text": STORY, "title": "Nine dead\x1b[31m in\nKalehe\t", "outlet": "Kivu\x00Times"}
    item = article(write(tmp_path, "one.json", json.dumps(record)))
    assert item.title == "Nine dead [31m in Kalehe" and item.outlet == "Kivu Times"


@pytest.mark.parametrize(("given", "words"), [
    ("x" * 201, "201 characters"), ("x" * 5_000, "at most 200"), (".", "path segment"), ("..", "path segment"),
    ("a\nb", "U+000A"), ("a\u202eb", "U+202E"), ("a\u200bb", "U+200B"), ("a\x00b", "U+0000"), ("a\u2028b", "U+2028"),
])
def test_ids_the_page_cannot_address_are_refused(tmp_path: Path, given: str, words: str) -> None:
    path = _jsonl(tmp_path, "ids.jsonl", {"id": "fine", "text": STORY}, {"id": given, "text": STORY})
    good, error = read(path)
    assert isinstance(good, Article) and isinstance(error, MalformedInput), error
    assert error.source == f"{path}:2" and 'field "id"' in error.problem and words in error.problem


@pytest.mark.parametrize("given", ["x" * 200, "reuters/2024/abc", "a b", "./x", "a/..", "...", "100%", "ⴰⵣⵓⵍ", "\ufffe"])
def test_ids_the_page_can_address_are_kept(tmp_path: Path, given: str) -> None:
    assert article(write(tmp_path, "one.json", json.dumps({"id": given, "text": STORY}))).id == given


def test_the_id_limit_is_the_apis() -> None:
    from sitroom.intake.fields import MAX_ID_CHARS
    from sitroom.server import api

    assert api.MAX_ID_CHARS == MAX_ID_CHARS == 200


@pytest.mark.parametrize("listed", ["/etc/hostname", "../outside.txt", "sub/../../outside.txt", "link.txt",
                                    "sub/link-dir/outside.txt"])
def test_listing_paths_stay_inside_the_listing_folder(tmp_path: Path, listed: str) -> None:
    outside = write(tmp_path, "outside.txt", "Secret text outside the corpus folder.\n")
    corpus = tmp_path / "corpus"
    write(tmp_path, "corpus/sub/inside.txt", STORY)
    (corpus / "link.txt").symlink_to(outside)
    (corpus / "sub" / "link-dir").symlink_to(tmp_path, target_is_directory=True)
    listing = _jsonl(corpus, "list.jsonl", {"id": "in", "path": "sub/inside.txt"}, {"id": "out", "path": listed})
    inside, error = read(listing)
    assert isinstance(inside, Article) and inside.id == "in"
    assert isinstance(error, MalformedInput) and error.source == f"{listing}:2"
    assert "outside the listing's folder" in error.problem and "--allow-root" in error.problem
    assert not any("Secret" in item.text for item in read(listing) if isinstance(item, Article))


def test_a_root_the_user_names_may_be_listed(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write(tmp_path, "archive/2024/one.txt", STORY)
    listing = _jsonl(tmp_path / "lists", "list.jsonl", {"id": "a", "path": str(archive / "2024" / "one.txt")},
                     {"id": "b", "path": "../archive/2024/one.txt"}, {"id": "c", "path": "/etc/hostname"})
    a, b, c = read(listing, options=Options(listing_roots=(archive,)))
    assert isinstance(a, Article) and isinstance(b, Article) and a.text == b.text == STORY
    assert isinstance(c, MalformedInput) and "outside the listing's folder" in c.problem


def test_a_json_lines_file_with_nul_bytes_in_one_line_keeps_its_good_records(tmp_path: Path) -> None:
    # a short file whose junk line is mostly NUL bytes passed the binary check's share of
    # NULs, and the whole file was refused: its good record was lost with the bad line
    good = json.dumps({"id": "a1", "text": "Rebels attacked the town of Beni on Monday."})
    path = write(tmp_path, "feed.jsonl", (good + "\n" + "\x00" * 30 + "\n").encode("utf-8"))
    items = read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["a1"]
    assert [i for i in items if not isinstance(i, Article)], items  # the bad line is reported
    # a binary file named .jsonl is still refused as a whole
    path = write(tmp_path, "blob.jsonl", b"\x00\x01\x02\x03" * 64)
    assert [i for i in read(path) if isinstance(i, Article)] == []
