"""Hostile and broken input (issue 8): each case mixed into a batch with good articles, run
through the real `sitroom ingest` (or the library where the CLI adds nothing), checking
that the good articles come through and that the one message names the file (and line)."""
from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitroom.errors import InputError
from sitroom.intake import read_articles
from sitroom.intake.readers import MAX_ARTICLE_CHARS
from sitroom.options import Options
from sitroom.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"
NOBODY = 65534

GOOD = {
    "good-goma.txt": (
        "M23 rebels seized two villages north of Goma on Sunday after a night of heavy fighting, "
        "local officials said.\n\nAt least nine civilians were killed when shells hit a market in "
        "Kibumba, a Red Cross worker told reporters on Monday.\n"
    ),
    "good-khartoum.txt": (
        "The Sudanese army carried out air strikes on positions of the Rapid Support Forces in "
        "Omdurman on Tuesday, witnesses said.\n\nThe paramilitary group accused the army of "
        "hitting a hospital, a charge the military denied.\n"
    ),
}
PUBLISHED = "2024-06-10"
# 20 MiB: over the 20,000,000-byte default of Options.max_input_bytes
HUGE_BYTES = 20 * 1024 * 1024
LONG_RUN = 200_000
# What "bounded" means: CPU seconds, which the other sessions on this shared two-core
# machine do not inflate as they do wall time (under load the batch took 62 to 95 s of wall
# time, and 25.2 to 25.9 s of CPU). The whole batch, spaCy's load and the truncated
# 200,000-character run included, measured at most 25.9 s of CPU: the limit is about four
# times that. Wall time only bounds a hang (the subprocess's timeout).
BATCH_CPU_SECONDS = 100
BATCH_SECONDS = 240


@dataclass(frozen=True)
class Ingested:
    folder: Path
    db: Path
    returncode: int
    errors: list[str]  # the "Error: ..." lines
    notes: list[str]  # the "Note: ..." lines
    seconds: float
    cpu_seconds: float  # the ingest process's, user and system


def _write_batch(folder: Path) -> None:
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    story = ("Rebels attacked an army post near Bunia on Friday, killing four soldiers, the army said. "
             "The attackers were driven off after two hours of fighting, a local official told reporters.\n")
    (folder / "bad-utf8.txt").write_bytes(b"Rebels attacked \x81\x8d\x8f\x90 near Bunia on Friday.\n" * 4)
    (folder / "utf16.txt").write_bytes(("\ufeff" + story).encode("utf-16-le"))
    (folder / "nul.txt").write_bytes(story.replace("army post", "army\x00post").replace("Friday", "Thursday").encode())
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(HUGE_BYTES)  # sparse: the size check must refuse it before reading
    words = "militia convoy road checkpoint district village shelling".split()
    run = " ".join(words[i % len(words)] for i in range(LONG_RUN // 7))[:LONG_RUN]
    (folder / "long-run.txt").write_text(run, encoding="utf-8")
    nested = "<div><span>" * 3000 + "</span></div>" * 3000
    (folder / "nested.html").write_text(
        "<html><head><title>Clashes in Ituri</title><script>var stolen = 'SCRIPTTEXT';</script>"
        "<style>p { color: red }</style></head><body><script>document.write('SCRIPTTEXT')</script>"
        f"{nested}<article><p>{story}</p><p>Residents fled toward the town of Mahagi.</p></article>"
        "<noscript>SCRIPTTEXT</noscript></body></html>",
        encoding="utf-8",
    )
    lines = [
        {"id": "jl-good-1", "text": "Ukrainian drones struck an oil depot in Bryansk on Saturday, the governor said.",
         "published": "2024-06-09"},
        {"id": "jl-bad-published", "text": "Some text.", "published": 12345},
        {"id": "jl-bad-text", "text": None},
        {"id": "jl-good-2", "text": "Israeli aircraft hit targets in southern Lebanon on Friday, the army said.",
         "published": "2024-06-08"},
    ]
    body = [json.dumps(line) for line in lines]
    body.insert(2, '{"id": "jl-broken", "text": "unterminated')
    (folder / "mixed.jsonl").write_text("\n".join(body) + "\n", encoding="utf-8")
    (folder / "hezbollah.txt").write_text(
        "Hez\u200bbollah fighters fired rockets at an Israeli army base on Sunday, the \u202bIsraeli\u202c "
        "military said.\n", encoding="utf-8")
    loop = folder / "loop"
    loop.mkdir()
    (loop / "inside.txt").write_text("Pakistani troops killed six militants in North Waziristan on Monday, "
                                     "the military said.\n", encoding="utf-8")
    (loop / "again").symlink_to(folder, target_is_directory=True)
    (loop / "self").symlink_to(loop, target_is_directory=True)


def _ingest(folder: Path, db: Path, *, cache: Path, user: int | None = None, extra: tuple[str, ...] = ()) -> Ingested:
    command = [sys.executable, "-m", "sitroom.cli", "ingest", str(folder), "--db", str(db),
               "--published", PUBLISHED, *extra]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    started, cpu = time.monotonic(), _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, timeout=BATCH_SECONDS * 2,
                          env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": str(folder),
                               "SITROOM_CACHE": str(cache)})
    seconds, cpu = time.monotonic() - started, _children_cpu() - cpu
    lines = done.stderr.splitlines()
    return Ingested(folder, db, done.returncode, [x for x in lines if x.startswith("Error: ")],
                    [x for x in lines if x.startswith("Note: ")], seconds, cpu)


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (user and system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.fixture(scope="module")
def cache() -> Iterator[Path]:
    """The cache folder ($SITROOM_CACHE) this module's ingests share, new for the module: the
    first ingest builds the gazetteer's index there (about 25 s of CPU, as in any new cache),
    the later ones read it, as a user's later ingests do; each ingest keeps its own HOME.
    Another user may enter it (the unreadable-file test runs its ingest as nobody)."""
    yield from _folder("sitroom-hostile-cache-", 0o755)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Ingested:
    folder = tmp_path_factory.mktemp("hostile")
    _write_batch(folder)
    return _ingest(folder, folder.parent / "hostile.duckdb", cache=cache)


@pytest.fixture(scope="module")
def stored(batch: Ingested) -> Iterator[dict[str, object]]:
    with Store.open(batch.db, read_only=True) as store:
        yield {(a.source or a.id): a for a in store.articles()}


def _article(stored: dict[str, object], batch: Ingested, name: str):  # type: ignore[no-untyped-def]
    return stored[str(batch.folder / name)]


def _errors_for(batch: Ingested, name: str) -> list[str]:
    return [line for line in batch.errors if line.startswith(f"Error: {batch.folder / name}")]


def _good_ones_came_through(stored: dict[str, object], batch: Ingested) -> None:
    for name in GOOD:
        assert str(batch.folder / name) in stored, name


pytestmark = pytest.mark.slow


def test_the_batch_ends_with_status_1_and_one_line_per_bad_input(batch: Ingested, stored: dict) -> None:
    assert batch.returncode == 1
    _good_ones_came_through(stored, batch)
    assert len(batch.errors) == 5, batch.errors  # bad-utf8, huge, and three lines of mixed.jsonl
    assert batch.cpu_seconds < BATCH_CPU_SECONDS, f"{batch.cpu_seconds:.1f} s of CPU ({batch.seconds:.1f} s wall)"


def test_invalid_utf8(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    [line] = _errors_for(batch, "bad-utf8.txt")
    assert "not UTF-8" in line and "save it as UTF-8" in line


def test_utf16_with_a_bom_is_decoded(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    article = _article(stored, batch, "utf16.txt")
    assert article.text.startswith("Rebels attacked an army post near Bunia")
    assert "decoded as UTF-16 (byte-order mark)" in article.notes


def test_nul_bytes_become_spaces(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    article = _article(stored, batch, "nul.txt")
    assert "army post" in article.text and "\x00" not in article.text
    assert any("NUL" in note for note in article.notes)


def test_a_20_mb_article_is_refused_before_reading(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    [line] = _errors_for(batch, "huge.txt")
    assert f"too large: {HUGE_BYTES:,} bytes, over the limit of 20,000,000 bytes" in line


def test_a_200000_character_run_is_cut_and_noted(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    article = _article(stored, batch, "long-run.txt")
    assert MAX_ARTICLE_CHARS - 2_000 <= len(article.text) <= MAX_ARTICLE_CHARS
    assert any(note.startswith(f"truncated: only the first {len(article.text):,} of {LONG_RUN:,} characters")
               for note in article.notes)
    assert any("without sentence punctuation: analysed in pieces" in note for note in article.notes)
    assert any(f"{batch.folder / 'long-run.txt'}: truncated" in note for note in batch.notes)


def test_the_long_run_is_analysed_in_bounded_time(analyzer) -> None:
    words = "militia convoy road checkpoint district village shelling".split()
    run = " ".join(words[i % len(words)] for i in range(LONG_RUN // 7))[:LONG_RUN]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.txt"
        path.write_text(run)
        [article] = list(read_articles([path], Options(published=PUBLISHED)))
    started = time.process_time()
    analysis = analyzer.analyze(article)
    seconds = time.process_time() - started
    # CPU seconds (see BATCH_CPU_SECONDS): measured 2.4 to 2.5 s (8 to 12 s wall under load)
    assert seconds < 10, f"{seconds:.1f} s of CPU"
    assert analysis.sentences and all(s.end - s.start <= 1_100 for s in analysis.sentences)


def test_deeply_nested_script_laden_html(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    article = _article(stored, batch, "nested.html")
    assert "Rebels attacked an army post near Bunia" in article.text
    assert "SCRIPTTEXT" not in article.text and "color: red" not in article.text
    assert not _errors_for(batch, "nested.html")


def test_json_fields_of_the_wrong_type_and_a_broken_line(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    jsonl = batch.folder / "mixed.jsonl"
    assert {"jl-good-1", "jl-good-2"} <= {a.id for a in stored.values()}
    assert f"Error: {jsonl}:2: field \"published\" must be a string, got a number (12345)" in batch.errors
    assert f"Error: {jsonl}:3: not valid JSON: Unterminated string starting at (column 29)" in batch.errors
    assert f"Error: {jsonl}:4: field \"text\" must be a string, got null" in batch.errors


def test_symlink_loops_are_walked_once(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    inside = [a for a in stored.values() if "North Waziristan" in a.text]
    assert len(inside) == 1 and inside[0].source == str(batch.folder / "loop" / "inside.txt")


def test_zero_width_and_direction_marks_inside_names(batch: Ingested, stored: dict) -> None:
    _good_ones_came_through(stored, batch)
    article = _article(stored, batch, "hezbollah.txt")
    assert article.text.startswith("Hezbollah fighters fired rockets at an Israeli army base")
    assert any("3 invisible character(s) removed" in note for note in article.notes)
    with Store.open(batch.db, read_only=True) as store:
        events = [e for e in store.events() if any(ev["doc_id"] == article.id for ev in e["evidence"])]
    assert events, "the rocket attack is coded"
    sources = {((e.get("source_actor") or {}).get("code"), (e.get("source_actor") or {}).get("name")) for e in events}
    assert any(code == "LBNRAD" and name.startswith("Hezbollah") for code, name in sources), sources
    assert any((e.get("target_actor") or {}).get("country") == "ISR" for e in events)


def test_a_feed_with_10000_items(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Report {i}</title><description>Shelling hit village {i} on Monday, residents said."
        f"</description><pubDate>Mon, 10 Jun 2024 10:00:00 GMT</pubDate></item>" for i in range(10_000))
    feed = tmp_path / "big.xml"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>")
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "broken.xml").write_text("<rss><channel><item><title>half")
    started = time.process_time()
    found = list(read_articles([tmp_path], Options()))
    seconds = time.process_time() - started
    articles = [a for a in found if not isinstance(a, InputError)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert len(articles) == 10_000 + len(GOOD)
    assert articles[0].source == f"{feed} entry 1" and articles[9_999].source == f"{feed} entry 10000"
    assert len({a.id for a in articles}) == len(articles)
    assert [str(e).split(":")[0] for e in errors] == [f"{tmp_path / 'broken.xml'} entry 1"]
    # CPU seconds (see BATCH_CPU_SECONDS): measured 2.2 to 2.3 s (8 to 12 s wall under load)
    assert seconds < 10, f"{seconds:.1f} s of CPU"


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can enter (pytest's own tmp_path is root-only)."""
    yield from _folder("sitroom-hostile-", 0o777)


def _folder(prefix: str, mode: int) -> Iterator[Path]:
    """A new temporary folder with `mode`, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(mode)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX users only")
def test_an_unreadable_file(shared_tmp: Path, cache: Path) -> None:
    corpus = shared_tmp / "corpus"
    corpus.mkdir()
    for name, text in GOOD.items():
        (corpus / name).write_text(text)
    locked = corpus / "locked.txt"
    locked.write_text("Secret text.\n")
    locked.chmod(0)
    for path in (corpus, *corpus.iterdir()):
        if path != locked:
            path.chmod(0o755 if path.is_dir() else 0o644)
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: root reads every file")
        for built in cache.iterdir():  # written by root, readable by its owner only
            built.chmod(0o644)
        result = _ingest(corpus, shared_tmp / "store.duckdb", cache=cache, user=NOBODY)
    else:
        result = _ingest(corpus, shared_tmp / "store.duckdb", cache=cache)
    assert result.returncode == 1
    assert result.errors == [f"Error: {locked}: permission denied: cannot be opened"]
    with Store.open(shared_tmp / "store.duckdb", read_only=True) as store:
        assert sorted(Path(a.source or "").name for a in store.articles()) == sorted(GOOD)


def test_dates_before_1900_or_in_the_future_are_flagged(analyzer) -> None:
    text = ("Rebels attacked the town of Beni on Saturday, officials said. The fort was built in 1850. "
            "The army said it had retaken the town on 12 March 2031.\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dates.txt"
        path.write_text(text)
        [article] = list(read_articles([path], Options(published="2024-06-10")))
    analysis = analyzer.analyze(article)
    flags = {m.text: m.suspect for m in analysis.dates if m.value}
    assert flags.get("Saturday") is False
    assert flags.get("1850") is True
    assert flags.get("12 March 2031") is True
    [future] = [m for m in analysis.dates if m.text == "12 March 2031"]
    assert dt.date.fromisoformat(future.value or "") > dt.date(2024, 6, 10)


def test_an_event_dated_in_the_future_is_flagged_and_trusted_less(analyzer) -> None:
    text = "The army said it had retaken the town of Beni from the rebels on 12 March 2031.\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "future.txt"
        path.write_text(text)
        [article] = list(read_articles([path], Options(published="2024-06-10")))
    events = analyzer.analyze(article).events
    dated = [e for e in events if e.date == "2031-03-12"]
    assert dated and all(e.date_suspect for e in dated)
    plain = analyzer.analyze(
        dataclasses.replace(article, text=text.replace("12 March 2031", "12 March 2024"))).events
    same = [e for e in plain if e.event_code == dated[0].event_code]
    assert same and not same[0].date_suspect and same[0].confidence > dated[0].confidence


@pytest.mark.parametrize(("published", "problem"), [("2099-01-01", "is in the future"), ("1850-05-02", "is before 1900")])
def test_a_publication_date_that_cannot_be_right_is_dropped_with_a_note(analyzer, published: str,
                                                                         problem: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "odd.jsonl"
        path.write_text(json.dumps({"id": "odd", "published": published,
                                    "text": "GOMA, June 3 (Wire) - Rebels attacked an army post on Sunday."}) + "\n")
        [article] = list(read_articles([path], Options()))
    analysis = analyzer.analyze(article)
    assert f"publication date {published} {problem}: not trusted" in analysis.article.notes
    assert analysis.article.published != published


# --- text no store, API or page can carry (issue 18): the real `sitroom ingest` -------------

@pytest.fixture(scope="module")
def unicode_batch(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> Ingested:
    """Good files before and after one whose lines each hold one defect the probe found."""
    folder = tmp_path_factory.mktemp("unicode")
    (folder.parent / "unicode-outside.txt").write_text("Secret text beside the corpus.\n", encoding="utf-8")
    (folder / "a-good.txt").write_text(GOOD["good-goma.txt"], encoding="utf-8")
    lines = [
        {"id": "u-good", "text": GOOD["good-khartoum.txt"], "outlet": "Wire\u202e", "title": "gnp.\u202eexe"},
        {"id": "u-surrogate", "text": "Rebels attacked \ud800 Beni on Friday, the army said."},
        {"id": "u-html", "html": "<p>Rebels attacked \udfff Beni on Friday.</p>"},
        {"id": "u-title", "text": "Rebels attacked Beni on Friday.", "title": "x\udcffy"},
        {"id": "..", "text": "Rebels attacked Beni on Saturday."},
        {"id": "x" * 5_000, "text": "Rebels attacked Beni on Sunday."},
        {"id": "u-outside", "path": "../unicode-outside.txt"},
        {"id": "u-absolute", "path": "/etc/hostname"},
    ]
    (folder / "b-listing.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    (folder / "c-good.txt").write_text(
        "Pakistani troops killed six militants in North Waziristan on Monday, the military said.\n", encoding="utf-8")
    return _ingest(folder, folder.parent / "unicode.duckdb", cache=cache)


def test_each_line_that_no_store_can_carry_is_one_error_and_the_rest_is_stored(unicode_batch: Ingested) -> None:
    listing = unicode_batch.folder / "b-listing.jsonl"
    assert unicode_batch.returncode == 1
    assert [line.split(": ", 2)[1] for line in unicode_batch.errors] == [
        f"{listing}:{n}" for n in range(2, 9)], unicode_batch.errors
    expected = ['field "text" holds a lone surrogate (U+D800)', 'field "html" holds a lone surrogate (U+DFFF)',
                'field "title" holds a lone surrogate (U+DCFF)', "a path segment the page's links cannot carry",
                "5,000 characters long: ids are at most 200", "leads outside the listing's folder",
                "leads outside the listing's folder"]
    for line, words in zip(unicode_batch.errors, expected):
        assert words in line, line
    assert not any("internal error" in line for line in unicode_batch.errors)
    with Store.open(unicode_batch.db, read_only=True) as store:
        articles = {a.id: a for a in store.articles()}
    assert len(articles) == 3 and "u-good" in articles
    assert (articles["u-good"].outlet, articles["u-good"].title) == ("Wire", "gnp.exe")
    assert not any("Secret" in a.text or a.text == Path("/etc/hostname").read_text() for a in articles.values())


def test_allow_root_lets_a_listing_read_the_folder_it_names(tmp_path: Path, cache: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "goma.txt").write_text(GOOD["good-goma.txt"], encoding="utf-8")
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "list.jsonl").write_text(json.dumps({"id": "archived", "path": "../archive/goma.txt"}) + "\n")
    refused = _ingest(lists, tmp_path / "refused.duckdb", cache=cache)
    assert refused.returncode == 1 and "--allow-root" in refused.errors[0]
    allowed = _ingest(lists, tmp_path / "allowed.duckdb", cache=cache, extra=("--allow-root", str(archive)))
    assert allowed.returncode == 0 and allowed.errors == []
    with Store.open(tmp_path / "allowed.duckdb", read_only=True) as store:
        assert [a.id for a in store.articles()] == ["archived"]
