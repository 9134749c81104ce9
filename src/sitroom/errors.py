"""Every error sitroom raises on purpose.

    SitroomError                  base: catch this to catch everything below
    ├── InputError                an article could not be read (names the file)
    │   ├── MissingInput          the path does not exist or cannot be opened
    │   ├── EmptyInput            nothing but whitespace
    │   ├── BinaryInput           looks like a binary file, not text
    │   ├── DecodeError           bytes that no supported encoding decodes
    │   ├── TooLarge              over Options.max_bytes
    │   └── MalformedInput        broken JSON, a JSON object without text, a bad feed
    ├── KnowledgeError            a knowledge file is missing or malformed (names file and line)
    ├── ModelError                the spaCy model cannot be loaded
    ├── StoreError                the DuckDB store cannot be opened, read or written
    │   └── StoreLocked           another process holds the store
    ├── WorkerError               a worker process died, or the Dask scheduler cannot be reached
    ├── WatchError                `sitroom watch`: its sources file, or one of its sources
    │   ├── SourcesFileError      the sources file is missing or malformed (names file and entry)
    │   └── FetchError            a feed or page could not be fetched or read (names the URL)
    └── UsageError                a bad option or argument (CLI and API)

Messages say what went wrong and, where it helps, what to do next. The CLI prints
`Error: <message>`; the HTTP API answers `{"error": {"type", "message"}}`.
"""
from __future__ import annotations


class SitroomError(Exception):
    """Base class of sitroom's own errors."""


class InputError(SitroomError):
    """An input could not be read as an article. `source` names the file (and line)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class MissingInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class TooLarge(InputError):
    pass


class MalformedInput(InputError):
    pass


class KnowledgeError(SitroomError):
    """A knowledge file is missing or malformed."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class ModelError(SitroomError):
    pass


class StoreError(SitroomError):
    pass


class StoreLocked(StoreError):
    pass


class WorkerError(SitroomError):
    """Analysis spread over worker processes or a Dask cluster could not go on."""


class WatchError(SitroomError):
    """Something `sitroom watch` met: a bad sources file, or a source that failed."""


class SourcesFileError(WatchError):
    """The sources file (TOML) cannot be read or says something invalid."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class FetchError(WatchError):
    """A URL could not be fetched or read. `transient` failures (timeouts, refused
    connections, 5xx, 429) are worth retrying later; the others (404, a page too large,
    not a web page, disallowed by robots.txt) are not. `status` is the HTTP status when
    there was one; `retry_after` the seconds the server asked for (429, 503)."""

    def __init__(self, url: str, problem: str, *, transient: bool, status: int | None = None,
                 retry_after: float | None = None) -> None:
        self.url = url
        self.problem = problem
        self.transient = transient
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"{url}: {problem}")


class UsageError(SitroomError):
    pass
