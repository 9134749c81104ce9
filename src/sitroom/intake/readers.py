"""Reading articles from files, directories and stdin, in every supported format.

`read_articles` yields an `Article` per article found and an `InputError` (not raised)
per problem, so that one bad file does not stop a batch. The text of an article is kept
exactly as decoded: a byte-order mark is dropped, NUL characters become spaces, line
ends (CRLF included) are kept as they are. Formats are told by extension and, where the
extension says nothing, by sniffing the content; see docs/intake.md.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    MalformedInput,
    MissingInput,
    TooLarge,
    UsageError,
)
from ..options import Options
from ..records import Article
from .clean import find_furniture, guess_title, html_to_text
from .fields import INVISIBLE, ONE_LINE_FIELDS, id_problem, one_line, printable, surrogate_problem
from .language import UNDETERMINED, detect_language

STDIN = "-"
STDIN_SOURCE = "<stdin>"

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# Formats named by their extension are read as such; any other file is sniffed.
SUFFIX_FORMATS = {
    **{s: "html" for s in HTML_SUFFIXES},
    **{s: "json" for s in JSON_SUFFIXES},
    **{s: "jsonl" for s in JSONL_SUFFIXES},
    **{s: "feed" for s in FEED_SUFFIXES},
}

# Binary sniffing looks at the opening of a file: enough to see a format's structure.
SNIFF_BYTES = 65_536
# A text file may carry a stray NUL from a bad copy; more than this share is binary data.
NUL_MAX_SHARE = 0.01
# Control bytes other than tab, newline, carriage return and form feed; more than this
# share of them is not text.
CONTROL_MAX_SHARE = 0.05
_CONTROL_BYTES = frozenset(set(range(0x01, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F})
# Text that fails UTF-8 with more than this share of bytes over 0x7F is not text at all.
HIGH_BYTE_MAX_SHARE = 0.3
# Opening bytes of common binary formats a user may pass by mistake, with their names.
MAGIC_NUMBERS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub file)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
)
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried when UTF-8 fails. cp1252 is latin-1 with printable characters in 0x80-0x9F, so
# whatever latin-1 decodes plausibly, cp1252 decodes the same or better.
FALLBACK_ENCODING = "cp1252"
# Decoded text is plausible when few characters are outside ASCII and all of those are
# letters, digits, punctuation or symbols (not control characters).
PLAUSIBLE_NON_ASCII_MAX_SHARE = 0.2
# The identifier's probability above which a non-English article is left uncoded; below
# it, the guess is too weak to drop an article over.
NON_ENGLISH_MIN_PROBABILITY = 0.9
# Length of an article id made from its text (hex digits of a SHA-256): collisions among
# 16^16 values are out of reach for any corpus.
ID_HEX_CHARS = 16
# Longer texts are cut (at a paragraph or word break) and the cut is noted. Analysis time
# grows faster than linearly with an article's length (some look-ups scan the whole
# document per mention); 50,000 characters (a long feature, about 8,000 words) analyse in
# about 4 seconds, 100,000 in 15 (docs/hardening.md).
MAX_ARTICLE_CHARS = 50_000
# A cut looks this far back from the limit for a paragraph, line or word break.
CUT_LOOKBACK_CHARS = 2_000
# A run this long without sentence punctuation or a line break is not prose (a scraped
# table, a keyword dump); the parser cuts it into pieces (nlp.MAX_SENTENCE_CHARS) and a
# note says so.
LONG_RUN_CHARS = 1_000
_LONG_RUN = re.compile(rf"[^.!?\n\r\u2028\u2029]{{{LONG_RUN_CHARS + 1},}}")
# Zero-width (non-)joiners shape Arabic, Persian, Indic scripts and emoji: removed only
# between two Latin letters, where they do nothing but break a word.
_LATIN_JOINER = re.compile("(?<=[A-Za-z\u00c0-\u024f])[\u200c\u200d]+(?=[A-Za-z\u00c0-\u024f])")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARKUP_HINT = re.compile(r"<(p|div|article|span|h[1-6]|br|body|head|title|meta|section|main)\b")


@dataclass
class _Meta:
    """What the input says about an article besides its text."""

    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)

    def fill(self, other: _Meta) -> None:
        """Take `other`'s values where this one has none."""
        for name in ("id", "title", "outlet", "published", "language", "url"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        self.notes.extend(other.notes)


def read_articles(paths: Iterable[str | os.PathLike[str]], options: Options) -> Iterator[Article | InputError]:
    """Every article in `paths` (files, directories, "-" for stdin), and an InputError
    (yielded, not raised) for every input that cannot be read.

    Raises UsageError when `options.published` is not a date, or `options.outlet` or
    `options.title` is not valid Unicode.
    """
    defaults = _defaults(options)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    for raw in paths:
        name = os.fspath(raw)
        if name == STDIN:
            yield from _read_stdin(options, defaults)
        elif not name:
            yield MissingInput("''", "empty path: name a file or directory, or - for stdin")
        else:
            yield from _read_path(Path(name), options, defaults)


def read_objects(values: Iterable[Any], source: str, options: Options) -> Iterator[Article | InputError]:
    """The articles of JSON values parsed already (the body of POST /api/articles), read
    as the items of a JSON list file are and named `source item N`. Nothing is read from
    disk: an item with "path" is refused.

    Raises UsageError as `read_articles` does.
    """
    defaults = _defaults(options)
    for number, value in enumerate(values, start=1):
        yield _json_article(value, f"{source} item {number}", None, options, defaults, [])


def _defaults(options: Options) -> _Meta:
    """The metadata options give articles without their own (the CLI's --outlet ...)."""
    for name in ("outlet", "title"):
        value = getattr(options, name)
        problem = surrogate_problem(f"--{name}", value) if value is not None else None
        if problem is not None:
            raise UsageError(problem)
    return _Meta(published=_option_date(options.published), outlet=options.outlet, title=options.title)


def _option_date(value: str | None) -> str | None:
    if value is None:
        return None
    day = normalise_date(value)
    if day is None:
        raise UsageError(f"published date {value!r} is not a date: use YYYY-MM-DD")
    return day


def normalise_date(value: str) -> str | None:
    """"2024-11-30" or an ISO 8601 time ("2024-11-30T14:05:00Z") as YYYY-MM-DD; else None.

    A time keeps the day as written, whatever its time zone: that is the day the outlet
    dated the article.
    """
    text = value.strip()
    try:
        if _ISO_DAY.fullmatch(text):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


# --- where the bytes come from ---------------------------------------------------------


def _read_stdin(options: Options, defaults: _Meta) -> Iterator[Article | InputError]:
    try:
        data = sys.stdin.buffer.read(options.max_input_bytes + 1)
    except OSError as exc:
        yield MissingInput(STDIN_SOURCE, f"cannot be read ({exc.strerror or exc})")
        return
    if len(data) > options.max_input_bytes:
        yield _too_large(STDIN_SOURCE, None, options)
        return
    yield from _read_bytes(data, STDIN_SOURCE, None, options, defaults)


def _read_path(path: Path, options: Options, defaults: _Meta) -> Iterator[Article | InputError]:
    if not path.is_dir():
        yield from _read_file(path, options, defaults)
        return
    found = list(_walk(path))
    if not found:
        yield EmptyInput(_name(path), "directory holds no files to read (hidden files are skipped)")
        return
    files = [item for item in found if isinstance(item, Path)]
    listed = _manifest_targets(files, options)
    for item in found:
        if isinstance(item, InputError):
            yield item
        elif _resolved(item) not in listed:
            yield from _read_file(item, options, defaults)


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files under `root`, sorted by name at each level, hidden ones skipped; a directory
    reached twice (a symbolic link loop) is walked once.
    """
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[Path | InputError]:
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            yield MissingInput(_name(directory), f"directory cannot be read ({exc.strerror or exc})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    yield from visit(path)
                elif entry.is_file():
                    yield path
                elif entry.is_symlink():
                    yield MissingInput(_name(path), "symbolic link to nothing (its target does not exist)")
            except OSError as exc:
                yield MissingInput(_name(path), f"cannot be read ({exc.strerror or exc})")

    yield from visit(root)


def _name(path: Path) -> str:
    """How a file is named in sources and messages (printable, see fields.printable)."""
    return printable(str(path))


def _read_file(path: Path, options: Options, defaults: _Meta) -> Iterator[Article | InputError]:
    source = _name(path)
    try:
        data = _file_bytes(path, options)
    except InputError as error:
        yield error
        return
    yield from _read_bytes(data, source, path, options, defaults)


def _file_bytes(path: Path, options: Options) -> bytes:
    """The bytes of `path`, its size checked before reading (raises InputError)."""
    source = _name(path)
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_size > options.max_input_bytes:
            raise _too_large(source, info.st_size, options)
        with path.open("rb") as handle:
            # Bounded read: a pipe or device has no size to check beforehand.
            data = handle.read(options.max_input_bytes + 1)
    except FileNotFoundError as exc:
        raise MissingInput(source, "no such file or directory") from exc
    except PermissionError as exc:
        raise MissingInput(source, "permission denied: cannot be opened") from exc
    except IsADirectoryError as exc:
        raise MissingInput(source, "is a directory that cannot be walked") from exc
    except OSError as exc:
        raise MissingInput(source, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > options.max_input_bytes:
        raise _too_large(source, None, options)
    return data


def _too_large(source: str, size: int | None, options: Options) -> TooLarge:
    what = f"{size:,} bytes, over" if size is not None else "over"
    return TooLarge(
        source,
        f"too large: {what} the limit of {options.max_input_bytes:,} bytes (Options.max_input_bytes): "
        "split the file or raise the limit",
    )


# --- bytes to text ---------------------------------------------------------------------


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """The text of `data` and notes on how it was decoded (raises InputError).

    UTF-8 (with or without a BOM), UTF-16 and UTF-32 with a BOM are text; otherwise
    Windows-1252 is tried and kept only when it gives plausible text.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            name = encoding.removesuffix("-sig").upper()
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    source, f"starts with a {name} byte-order mark but is not {name} ({exc.reason} at byte {exc.start})"
                ) from exc
            text = text.removeprefix("\ufeff")
            notes = [] if name == "UTF-8" else [f"decoded as {name} (byte-order mark)"]
            return text, notes
    _reject_binary(data, source)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = sum(1 for byte in data[:SNIFF_BYTES] if byte > 0x7F)
    if high > HIGH_BYTE_MAX_SHARE * min(len(data), SNIFF_BYTES):
        raise BinaryInput(source, "mostly non-text bytes: this does not look like a text file")
    try:
        text = data.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text, [f"not UTF-8: decoded as Windows-1252 ({FALLBACK_ENCODING}); check accented letters"]
    raise DecodeError(
        source,
        f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other supported encoding "
        "gives plausible text: save it as UTF-8",
    )


def _json_lines_with_junk(data: bytes) -> str | None:
    """A JSON Lines file in UTF-8 that holds NUL or control bytes in some lines, but whose
    other lines are JSON objects, is text with damaged lines, not a binary file: its good
    records are not lost for the bad ones (each bad line is refused on its own)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    for line in text.splitlines():
        if "\x00" in line:
            continue
        try:
            if isinstance(json.loads(line), dict):
                return text
        except ValueError:
            continue
    return None


def _reject_binary(data: bytes, source: str) -> None:
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise BinaryInput(source, f"looks like {name}, not text: extract its text first")
    sample = data[:SNIFF_BYTES]
    if sample.count(0) > NUL_MAX_SHARE * len(sample):
        raise BinaryInput(source, "holds NUL bytes: looks like a binary file (or UTF-16 without a byte-order mark)")
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > CONTROL_MAX_SHARE * len(sample):
        raise BinaryInput(source, "mostly control bytes: this does not look like a text file")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plausible(text: str) -> bool:
    odd = _NON_ASCII.findall(text)
    if len(odd) > PLAUSIBLE_NON_ASCII_MAX_SHARE * len(text):
        return False
    return all(unicodedata.category(ch)[0] in "LNPS" or ch == "\xa0" for ch in odd)


# --- text to articles ------------------------------------------------------------------


def _read_bytes(
    data: bytes, source: str, path: Path | None, options: Options, defaults: _Meta
) -> Iterator[Article | InputError]:
    if not data:
        yield EmptyInput(source, "empty file")
        return
    suffix = path.suffix.lower() if path is not None else None
    try:
        text, notes = decode(data, source)
    except BinaryInput as error:
        salvaged = _json_lines_with_junk(data) if suffix in JSONL_SUFFIXES else None
        if salvaged is None:
            yield error
            return
        damage = error.problem.split(":")[0]  # "holds NUL bytes", "mostly control bytes"
        text, notes = salvaged, [f"{damage} in some lines: those lines are refused, the others read"]
    except InputError as error:
        yield error
        return
    kind = SUFFIX_FORMATS.get(suffix or "") or _sniff(text, full=suffix not in TEXT_SUFFIXES or not suffix)
    base = path.parent if path is not None else Path.cwd()
    if kind == "json":
        yield from _json_file(text, source, base, options, defaults, notes)
    elif kind == "jsonl":
        yield from _jsonl_file(text, source, base, options, defaults, notes)
    elif kind == "feed":
        yield from _feed(data, source, options, defaults, notes)
    elif kind == "html":
        yield _html_article(text, source, options, defaults, _Meta(notes=notes))
    else:
        yield _article(text, source, options, defaults, _Meta(notes=notes))


def _sniff(text: str, *, full: bool) -> str:
    """The format of `text` judged from its content. Markup is sniffed in every file;
    JSON only when `full` (no telling extension), since a .txt may start with a bracket.
    """
    head = text.lstrip()[:2048].lower()
    if head.startswith("<"):
        if any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
        if "<html" in head or "<!doctype html" in head or _MARKUP_HINT.search(head):
            return "html"
        if head.startswith("<?xml") and full:
            return "feed"
        return "text"
    if full and head[:1] in ("{", "["):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            first = next(line for line in text.splitlines() if line.strip())
            try:
                return "jsonl" if isinstance(json.loads(first), dict) else "text"
            except ValueError:
                return "text"
    return "text"


def _json_file(
    text: str, source: str, base: Path, options: Options, defaults: _Meta, notes: list[str]
) -> Iterator[Article | InputError]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield MalformedInput(source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(value, dict):
        yield _json_article(value, source, base, options, defaults, notes)
    elif isinstance(value, list):
        if not value:
            yield EmptyInput(source, "JSON list holds no articles")
        for number, item in enumerate(value, start=1):
            yield _json_article(item, f"{source} item {number}", base, options, defaults, notes)
    else:
        yield MalformedInput(source, f"JSON must be an object or a list of objects, not {_json_type(value)}")


def _jsonl_file(
    text: str, source: str, base: Path, options: Options, defaults: _Meta, notes: list[str]
) -> Iterator[Article | InputError]:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = True
        where = f"{source}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        yield _json_article(value, where, base, options, defaults, notes)
    if not found:
        yield EmptyInput(source, "JSON Lines file holds no lines")


def _json_article(
    value: Any, source: str, base: Path | None, options: Options, defaults: _Meta, notes: list[str]
) -> Article | InputError:
    """The article of one JSON object; `base` is the folder its "path" is read in (None:
    nothing may be read from disk)."""
    if not isinstance(value, dict):
        return MalformedInput(source, f"expected a JSON object with a \"text\" field, got {_json_type(value)}")
    try:
        meta = _json_meta(value, source)
    except MalformedInput as error:
        return error
    meta.notes.extend(notes)
    # The first of these fields present decides how the article is read.
    for name in ("text", "html", "path"):
        if name not in value:
            continue
        cell = value[name]
        if not isinstance(cell, str):
            return MalformedInput(source, f"field \"{name}\" must be a string, got {_json_type(cell)}")
        problem = surrogate_problem(f'field "{name}"', cell)
        if problem is not None:
            return MalformedInput(source, problem)
        if name == "text":
            return _article(cell, source, options, defaults, meta)
        if name == "html":
            return _html_article(cell, source, options, defaults, meta)
        if base is None:
            return MalformedInput(source, 'field "path" names a file to read, which only a listing file given to '
                                          'sitroom may do: send the article as "text" or "html"')
        if "\x00" in cell:
            return MalformedInput(source, '"path" holds a NUL character: no file has such a name')
        if _confined(base, cell, options) is None:
            return MalformedInput(source, f'"path" {cell!r} leads outside the listing\'s folder ({_name(base)}): '
                                          "list files under that folder only, or pass --allow-root DIR "
                                          "(Options.listing_roots) to allow files under DIR")
        return _listed_file(base / cell, source, options, defaults, meta)
    return MalformedInput(source, "object has no \"text\" field (nor \"html\" or \"path\"): nothing to read")


def _json_meta(value: dict[str, Any], source: str) -> _Meta:
    meta = _Meta()
    for name in ("id", "title", "outlet", "language", "url", "published"):
        cell = value.get(name)
        if cell is None:
            continue
        if name == "id" and isinstance(cell, int) and not isinstance(cell, bool):
            cell = str(cell)
        if not isinstance(cell, str):
            raise MalformedInput(source, f"field \"{name}\" must be a string, got {_json_type(cell)}")
        problem = surrogate_problem(f'field "{name}"', cell)
        if problem is not None:
            raise MalformedInput(source, problem)
        if not cell.strip():
            continue
        if name == "id":
            problem = id_problem(cell.strip())
            if problem is not None:
                raise MalformedInput(source, problem)
        if name == "published":
            day = normalise_date(cell)
            if day is None:
                raise MalformedInput(
                    source, f"field \"published\" must be YYYY-MM-DD or an ISO 8601 time, got {cell!r}"
                )
            cell = day
        setattr(meta, name, cell.strip())
    return meta


def _confined(base: Path, listed: str, options: Options) -> Path | None:
    """Where a listing in `base` that names `listed` points, when that is inside `base`
    or a root the user allowed (symbolic links followed); None otherwise. A listing is
    data, often from elsewhere: it must not make sitroom read (and the server then show)
    any file the user can read."""
    if "\x00" in listed or surrogate_problem("", listed) is not None:
        return None  # no file has such a name
    target = _resolved(base / listed)
    if any(target.is_relative_to(_resolved(root)) for root in (base, *options.listing_roots)):
        return target
    return None


def _listed_file(path: Path, source: str, options: Options, defaults: _Meta, meta: _Meta) -> Article | InputError:
    """The article in a file that a JSON object points to with "path", with its metadata."""
    where = _name(path)
    try:
        text, notes = decode(_file_bytes(path, options), where)
    except InputError as error:
        return type(error)(f"{where} (listed in {source})", error.problem)
    meta.notes.extend(notes)
    if path.suffix.lower() in HTML_SUFFIXES or _sniff(text, full=False) == "html":
        return _html_article(text, where, options, defaults, meta)
    return _article(text, where, options, defaults, meta)


def _manifest_targets(files: list[Path], options: Options) -> set[Path]:
    """Files that a JSON or JSON Lines file among `files` lists by "path": read through
    the listing (with its metadata), not a second time on their own.
    """
    targets: set[Path] = set()
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in JSON_SUFFIXES | JSONL_SUFFIXES:
            continue
        try:
            text, _ = decode(_file_bytes(path, options), str(path))
        except InputError:
            continue  # reported when the file itself is read
        chunks = text.splitlines() if suffix in JSONL_SUFFIXES else [text]
        for chunk in chunks:
            try:
                value = json.loads(chunk)
            except ValueError:
                continue
            for item in value if isinstance(value, list) else [value]:
                if _is_listing(item) and (target := _confined(path.parent, item["path"], options)) is not None:
                    targets.add(target)
    return targets


def _is_listing(item: Any) -> bool:
    """Whether a JSON value points to a file instead of carrying the article."""
    return isinstance(item, dict) and isinstance(item.get("path"), str) and "text" not in item and "html" not in item


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _html_article(html: str, source: str, options: Options, defaults: _Meta, meta: _Meta) -> Article | InputError:
    # trafilatura takes about a second to import: only pay for it when HTML comes in.
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = (document.text or "") if document is not None else ""
    if document is not None and text.strip():
        published = normalise_date(document.date) if document.date else None
        meta.fill(_Meta(title=document.title or None, published=published, url=document.url or None))
    else:
        text = html_to_text(html)
        meta.notes.append("no article body found by trafilatura: all text of the page kept")
    if not text.strip():
        return EmptyInput(source, "HTML holds no text")
    return _article(text, source, options, defaults, meta)


def _feed(
    data: bytes, source: str, options: Options, defaults: _Meta, notes: list[str]
) -> Iterator[Article | InputError]:
    import feedparser  # imported on use, like trafilatura: most runs read no feeds

    # Raw bytes, so that feedparser honours the feed's own encoding declaration; a
    # file-like object also keeps it from treating the content as a URL to fetch.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
            yield MalformedInput(source, f"not a readable RSS/Atom feed ({reason})")
        else:
            yield EmptyInput(source, "feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    if parsed.bozo:
        # feedparser recovers what it can from a broken feed; say so on what it recovered.
        notes = [*notes, f"feed not well-formed ({parsed.get('bozo_exception')}): entries recovered as far as possible"]
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source} entry {number}"
        # a broken feed can leave a content part or a summary with no value at all (None)
        bodies = [part.get("value") or "" for part in entry.get("content") or []]
        bodies.append(entry.get("summary") or "")
        text = html_to_text(max(bodies, key=len))
        title = entry.get("title") or None
        entry_notes = list(notes)
        if not text.strip() and title:
            # Title-only feeds exist; a headline still says who did what.
            text = title
            entry_notes.append("feed entry has no summary or content: its title is the text")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        meta = _Meta(
            title=title,
            url=entry.get("link") or None,
            outlet=outlet,
            published=time.strftime("%Y-%m-%d", when) if when else None,
            notes=entry_notes,
        )
        if not text.strip():
            if parsed.bozo:
                yield MalformedInput(where, f"not a readable feed entry ({parsed.get('bozo_exception')})")
            else:
                yield EmptyInput(where, "feed entry has no title, summary or content")
            continue
        yield _article(text, where, options, defaults, meta)


def _article(text: str, source: str, options: Options, defaults: _Meta, meta: _Meta) -> Article | InputError:
    """The Article for `text`, with metadata from the input, then the options, then the
    text itself (a headline-like first line as title).
    """
    meta.fill(defaults)
    for name, value in (("text", text), *((n, getattr(meta, n)) for n in ONE_LINE_FIELDS)):
        problem = surrogate_problem(name, value) if value is not None else None
        if problem is not None:  # from a feed or a page: a JSON field was refused when read
            return MalformedInput(source, problem)
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        count = text.count("\x00")
        # A space, not a deletion: offsets into the text must keep meaning.
        text = text.replace("\x00", " ")
        meta.notes.append(f"{count} NUL character(s) replaced by spaces")
    text = _visible(text, meta.notes)
    if not _has_text(text):
        return EmptyInput(source, "holds only whitespace: no text to analyse")
    text = _bounded(text, meta.notes)
    if not _has_text(text):
        return EmptyInput(source, "holds only whitespace: no text to analyse")
    for name in ONE_LINE_FIELDS:
        setattr(meta, name, one_line(name, getattr(meta, name), meta.notes))
    furniture = find_furniture(text, outlet=meta.outlet)
    title = one_line("title", meta.title or guess_title(text, furniture), meta.notes)
    language, note = _language(text, furniture, meta.language)
    if note:
        meta.notes.append(note)
    return Article(
        id=meta.id or content_id(text),
        text=text,
        title=title,
        outlet=meta.outlet,
        published=meta.published,
        url=meta.url,
        language=language,
        source=source,
        furniture=furniture,
        notes=tuple(meta.notes),
    )


def _visible(text: str, notes: list[str]) -> str:
    """`text` without the invisible characters that split words, noted when any were removed."""
    cleaned = _LATIN_JOINER.sub("", INVISIBLE.sub("", text))
    if len(cleaned) != len(text):
        notes.append(f"{len(text) - len(cleaned)} invisible character(s) removed (zero-width, soft hyphen, "
                     "direction marks): offsets are those of the text without them")
    return cleaned


def _bounded(text: str, notes: list[str]) -> str:
    """`text` cut to MAX_ARTICLE_CHARS at a break, and a note on runs without punctuation."""
    if len(text) > MAX_ARTICLE_CHARS:
        cut = MAX_ARTICLE_CHARS
        window = text[MAX_ARTICLE_CHARS - CUT_LOOKBACK_CHARS:MAX_ARTICLE_CHARS + 1]
        for pattern in (r"\n\s*\n", r"\n", r"\s"):
            breaks = [m.start() for m in re.finditer(pattern, window)]
            if breaks:
                cut = MAX_ARTICLE_CHARS - CUT_LOOKBACK_CHARS + breaks[-1]
                break
        notes.append(f"truncated: only the first {cut:,} of {len(text):,} characters are kept and analysed "
                     f"(articles over {MAX_ARTICLE_CHARS:,} characters are cut to keep analysis time bounded)")
        text = text[:cut]
    longest = max((len(m.group()) for m in _LONG_RUN.finditer(text)), default=0)
    if longest:
        notes.append(f"a run of {longest:,} characters without sentence punctuation: analysed in pieces of at "
                     f"most {LONG_RUN_CHARS:,} characters")
    return text


def _has_text(text: str) -> bool:
    # Zero-width and other format characters (category Cf) show nothing on their own.
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _language(text: str, furniture: tuple[tuple[int, int], ...], given: str | None) -> tuple[str | None, str | None]:
    """The article's language and, when it will not be coded, a note saying why."""
    if given:
        code = given.lower()
        if code.split("-")[0] != "en":
            return code, f"not English ({code}, as given): stored, not coded"
        return code, None
    visible: list[str] = []
    position = 0
    for start, end in furniture:
        visible.append(text[position:start])
        position = end
    visible.append(text[position:])
    code, probability = detect_language("\n".join(visible))
    if code == UNDETERMINED:
        return None, "too little text to identify its language"
    if code == "en":
        return "en", None
    if probability >= NON_ENGLISH_MIN_PROBABILITY:
        return code, f"not English ({code}, {probability:.2f}): stored, not coded"
    return "en", f"language uncertain ({code}, {probability:.2f}): treated as English"


def content_id(text: str) -> str:
    """An article id from its text: the same words give the same id on any machine,
    whatever the line ends, spacing or Unicode composition.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    # surrogatepass: an id for any str (intake refuses lone surrogates before it asks)
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:ID_HEX_CHARS]
