"""Loading the page-furniture rules (`knowledge/data/furniture.tsv`).

Each row is one general rule: a regular expression tried on every line of an article
(after its indentation and a leading list bullet are set aside), how it must match, and
how much of the text a match marks. The format is documented in `docs/intake.md`.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..knowledge import data_path
from ..knowledge.tsv import read_tsv

FURNITURE_FILE = "furniture.tsv"

# `full`: the whole line must match; `start`: the line must begin with a match;
# `search`: a match anywhere in the line will do.
MATCH_MODES = frozenset({"full", "start", "search"})
# `line`: the matching line is furniture; `tail`: the line and everything after it.
EXTENTS = frozenset({"line", "tail"})


@dataclass(frozen=True, kw_only=True)
class FurnitureRule:
    kind: str  # what the rule finds: caption, comments, related, promo, ...
    match: str  # one of MATCH_MODES
    extent: str  # one of EXTENTS
    max_words: int | None  # longer lines are body text, whatever they contain
    regex: re.Pattern[str]
    line: int  # where the rule is written, for messages

    @property
    def test(self) -> Callable[[str], re.Match[str] | None]:
        """The regex method that applies the rule's `match` mode to a line."""
        if self.match == "full":
            return self.regex.fullmatch
        if self.match == "start":
            return self.regex.match
        return self.regex.search

    def fits(self, line: str, words: int) -> bool:
        """Whether the rule marks `line`, a line of `words` words."""
        if self.max_words is not None and words > self.max_words:
            return False
        return self.test(line) is not None


@dataclass(frozen=True, kw_only=True)
class FurnitureRules:
    path: str
    rules: tuple[FurnitureRule, ...]

    # Each rule's word limit and test, bound once: every line of every article goes
    # through all rules, so per-call overhead is most of the cost.
    _checks: tuple[tuple[int, Callable[[str], re.Match[str] | None], FurnitureRule], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        checks = tuple((rule.max_words or sys.maxsize, rule.test, rule) for rule in self.rules)
        object.__setattr__(self, "_checks", checks)

    def first_fit(self, line: str) -> FurnitureRule | None:
        """The first rule (in file order) that marks `line`, if any."""
        words = len(line.split())  # once per line: a pasted page may be one huge line
        for max_words, test, rule in self._checks:
            if words <= max_words and test(line) is not None:
                return rule
        return None


def load_furniture_rules(path: Path | None = None) -> FurnitureRules:
    """The rules in `path` (the shipped file by default), validated.

    Raises KnowledgeError naming the file and line of the first bad row.
    """
    if path is None:
        return _shipped_rules()
    return _load(path)


@lru_cache(maxsize=1)
def _shipped_rules() -> FurnitureRules:
    # Read once per process: the file is part of the package and does not change.
    return _load(data_path(FURNITURE_FILE))


def _load(path: Path) -> FurnitureRules:
    rows = read_tsv(path, required=("kind", "match", "extent", "max_words", "pattern"))
    rules: list[FurnitureRule] = []
    for number, row in rows:
        if not row["kind"]:
            raise KnowledgeError(str(path), "empty `kind` cell", number)
        if row["match"] not in MATCH_MODES:
            raise KnowledgeError(
                str(path), f"`match` is {row['match']!r}; use one of {', '.join(sorted(MATCH_MODES))}", number
            )
        if row["extent"] not in EXTENTS:
            raise KnowledgeError(
                str(path), f"`extent` is {row['extent']!r}; use one of {', '.join(sorted(EXTENTS))}", number
            )
        max_words: int | None = None
        if row["max_words"]:
            if not row["max_words"].isdigit() or int(row["max_words"]) < 1:
                raise KnowledgeError(
                    str(path),
                    f"`max_words` is {row['max_words']!r}; use a whole number of at least 1, or leave it empty",
                    number,
                )
            max_words = int(row["max_words"])
        if not row["pattern"]:
            raise KnowledgeError(str(path), "empty `pattern` cell", number)
        try:
            # Case-insensitive by default; a rule that needs case writes (?-i:...).
            regex = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise KnowledgeError(str(path), f"`pattern` is not a valid regular expression ({exc})", number) from exc
        if regex.fullmatch(""):
            raise KnowledgeError(
                str(path), "`pattern` matches an empty line, so it would mark every blank line", number
            )
        rules.append(
            FurnitureRule(
                kind=row["kind"], match=row["match"], extent=row["extent"],
                max_words=max_words, regex=regex, line=number,
            )
        )
    if not rules:
        raise KnowledgeError(str(path), "no rules: the file has a header but no rows")
    return FurnitureRules(path=str(path), rules=tuple(rules))

