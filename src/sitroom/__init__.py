"""sitroom: news articles about armed conflict and diplomacy in, a structured event record out.

    import sitroom
    options = sitroom.Options(published="2024-12-01")
    for event in sitroom.extract(["article.txt"], options):
        print(event.to_dict())

The same functions back the `sitroom` command (see `sitroom --help`). Names are imported
on first use, so `import sitroom` stays cheap (the spaCy model loads only when needed).
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "commands": ("IngestReport", "analyze", "extract", "ingest"),
    "errors": (
        "BinaryInput", "DecodeError", "EmptyInput", "InputError", "KnowledgeError", "MalformedInput",
        "MissingInput", "ModelError", "SitroomError", "StoreError", "StoreLocked", "TooLarge", "UsageError",
        "WorkerError",
    ),
    "options": ("Options",),
    "pipeline": ("Analyzer", "Knowledge"),
    "records": (
        "Actor", "ActorMention", "Analysis", "Article", "DateMention", "Event", "Evidence", "Fatalities",
        "NumberMention", "Place", "PlaceMention", "Sentence", "TollReport",
    ),
    "store": ("EventFilter", "Store"),
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'sitroom' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
