"""What intake lets through in an article's fields: text every later step can carry.

Every string intake hands on is encoded again and again: hashed as UTF-8 (ids, change
detection), written to DuckDB, sent as JSON, printed on a terminal, shown in the page
and put in the page's links. So a field

- never holds a lone surrogate (JSON's "\\ud800" escape decodes to one, and so does a
  file name that is not UTF-8): no UTF-8 encoder accepts it. Text and metadata holding
  one are refused with an error naming the field; file names are shown with the
  undecodable bytes as \\xNN;
- of one line (title, outlet, url, language) holds no invisible formatting character
  (a right-to-left override reverses the text around it on the page: "gnp.\\u202eexe"
  shows as "gnp.exe" reversed) and no control character (a terminal runs ESC
  sequences): these are removed, controls made spaces, with a note;
- that is an id is one the page can put in a link and the API accepts: at most
  MAX_ID_CHARS characters, not "." or ".." (a browser resolves them away), no control,
  formatting or separator character (invisible, or lost on the way). Other ids are
  refused: changing an id would break every link to it.
"""
from __future__ import annotations

import os
import re
import unicodedata

# The longest id the API takes in a URL (server/api.py uses this one); content ids are 16.
MAX_ID_CHARS = 200
# Invisible formatting characters: zero-width space, word joiner, invisible operators, a
# byte-order mark inside the text, soft hyphen, direction marks, embeddings, overrides
# and isolates, and the deprecated shaping controls. In running text they split words
# ("Hez\u200bbollah"); in a one-line field they reorder or hide what the page shows.
# The zero-width (non-)joiners and tag characters stay: Persian, Indic scripts and emoji
# need them.
INVISIBLE = re.compile("[\u200b\u2060-\u2064\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u206f\u061c\u180e]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters, DEL included.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# An id with one of these cannot be told from another id by looking at it (format
# characters, separators) or does not survive a URL's round trip (controls, surrogates).
_ID_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Path segments a browser resolves before it sends the request: /api/articles/.. is /api/.
_DOT_SEGMENTS = frozenset({".", ".."})
# Metadata shown on one line: in the page's lists, in a table on a terminal.
ONE_LINE_FIELDS = ("title", "outlet", "url", "language")


def surrogate_problem(what: str, value: str) -> str | None:
    """Why `value` cannot be encoded (its first lone surrogate), said of `what`
    ('field "title"'); None when it can."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    return (f"{what} holds a lone surrogate (U+{ord(found.group()):04X}) at character {found.start()}: "
            "that is not valid Unicode (a broken \\u escape?); fix or remove it")


def clean_line(value: str) -> tuple[str | None, int]:
    """A one-line field without invisible formatting characters, with control characters
    made spaces and runs of spaces made one; None when nothing is left. Also how many
    characters were removed or replaced."""
    invisible = len(INVISIBLE.findall(value))
    controls = len([c for c in _CONTROL.findall(value) if not c.isspace()])
    cleaned = " ".join(_CONTROL.sub(" ", INVISIBLE.sub("", value)).split())
    return cleaned or None, invisible + controls


def one_line(name: str, value: str | None, notes: list[str]) -> str | None:
    """Field `name` cleaned as `clean_line` says, with a note in `notes` when anything was removed."""
    if value is None:
        return None
    cleaned, removed = clean_line(value)
    if removed:
        notes.append(f"{removed} invisible or control character(s) removed from {name}")
    return cleaned


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an article id the page links to, or None."""
    if len(value) > MAX_ID_CHARS:
        return (f'field "id" is {len(value):,} characters long: ids are at most {MAX_ID_CHARS} characters (the '
                "API's limit); shorten it, or leave it out for an id made from the text")
    if value in _DOT_SEGMENTS:
        return (f'field "id" is {value!r}, a path segment the page\'s links cannot carry (a browser resolves it '
                "away): choose another id")
    for position, char in enumerate(value):
        if unicodedata.category(char) in _ID_REFUSED_CATEGORIES:
            name = unicodedata.name(char, "a control character")
            return (f'field "id" holds {name} (U+{ord(char):04X}) at character {position}: an id must be visible '
                    "text that the page's links can carry; remove it")
    return None


def printable(name: str) -> str:
    """A file name as text that encodes: bytes that are not UTF-8 (which Python keeps
    as lone surrogates) shown as \\xNN."""
    if _SURROGATE.search(name) is None:
        return name
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # a surrogate that stands for no byte: not from the file system
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
