"""What fusion knows about news writing, loaded from data files (format: docs/fusion.md).

- `event_families.tsv`: CAMEO roots that outlets use for one act (an attack, a shelling,
  clashes), compatible inside one story;
- `actor_levels.tsv`: roles that name one side at different levels (a government and its
  army; rebels and jihadists), the same party inside one story;
- `story_words.tsv`: capitalised words that say nothing about which story an article
  tells (sentence openers, titles, calendar words), left out of its story terms.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from . import data_path
from .tsv import alternatives, read_tsv

# A family lists CAMEO roots (two digits) or codes (three: one act of a root whose other
# codes are other acts, such as 171 property destroyed, beside 173 an arrest).
_ROOT = re.compile(r"^[0-2][0-9][0-9]?$")
_ROLE = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"^[a-z]+$")


@dataclass(frozen=True)
class FusionKnowledge:
    families: dict[str, str]  # CAMEO root -> family name
    sides: dict[str, str]  # CAMEO role code -> side name
    story_stopwords: frozenset[str]

    @classmethod
    def load(cls, directory: Path | None = None) -> "FusionKnowledge":
        def path(name: str) -> Path:
            return directory / name if directory else data_path(name)

        return cls(
            families=_groups(path("event_families.tsv"), "family", "roots", _ROOT,
                            "a two-digit CAMEO root or a three-digit CAMEO code"),
            sides=_groups(path("actor_levels.tsv"), "side", "roles", _ROLE, "a three-letter CAMEO role code"),
            story_stopwords=_words(path("story_words.tsv")),
        )

    def family(self, code: str) -> str | None:
        """The family of a CAMEO code: its three-digit code's, else its root's."""
        return self.families.get(code[:3]) or self.families.get(code[:2])

    def side(self, role: str | None) -> str | None:
        return self.sides.get(role or "")


@functools.lru_cache(maxsize=1)
def default_knowledge() -> FusionKnowledge:
    """The shipped files, read once per process: the store builds a fuser per transaction."""
    return FusionKnowledge.load()


def _groups(path: Path, name_column: str, list_column: str, pattern: re.Pattern[str],
            what: str) -> dict[str, str]:
    """{member: group name}; a member listed under two groups is an error."""
    out: dict[str, str] = {}
    for line, row in read_tsv(path, [name_column, list_column], ["note"]):
        name = row[name_column]
        if not name:
            raise KnowledgeError(str(path), f"empty {name_column}", line)
        members = alternatives(row[list_column])
        if len(members) < 2:
            raise KnowledgeError(str(path), f"{name_column} {name!r} lists {len(members)} {list_column}; "
                                 "a group needs two or more", line)
        for member in members:
            if not pattern.match(member):
                raise KnowledgeError(str(path), f"{member!r} is not {what}", line)
            if member in out:
                raise KnowledgeError(str(path), f"{member} is already in {name_column} {out[member]!r}", line)
            out[member] = name
    return out


def _words(path: Path) -> frozenset[str]:
    words: set[str] = set()
    for line, row in read_tsv(path, ["words"], ["note"]):
        for word in alternatives(row["words"]):
            if not _WORD.match(word):
                raise KnowledgeError(str(path), f"{word!r} is not a lower-case word", line)
            words.add(word)
    return frozenset(words)
