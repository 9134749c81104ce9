"""Names of movements, fronts and parties the knowledge does not know.

"The Movement for Justice and Equality accused the army ...", "the Front for the Liberation
of the Enclave of Cabinda claimed the attack": a capitalised name built on a word for a
political body ("Movement", "Front", "Union", "Party" ...) followed by "for" or "of" and more
capitalised words names a group outside the state, even when the knowledge has never heard
of it. Without this the name is no actor at all and what it said or did is lost.

The group is coded as the country a country word inside its name names ("Front for the
Liberation of Mozambique"), else the article's main country: as rebels (`REB`) when a word
of its name says it fights ("Liberation", "Resistance", "Army" ...), else as the opposition
(`OPP`). Names that overlap what the knowledge knows as a group, a body or an office ("the
Council of Ministers", "the Organisation of African Unity") are left to the knowledge.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge.actors import Country, Entry, Group, Role, Word
from .actor_matching import Hit

# Words for a political body that open such a name.
BODY_HEADS = ("Movement", "Front", "Union", "Alliance", "Party", "Council", "Congress", "Coalition", "League",
              "Rally", "Organisation", "Organization", "Convention", "Assembly", "Army", "Forces")
# A name: optional capitalised words, a head, "for" or "of" (the), then capitalised words
# joined by the small words names are made with.
NAME_RE = re.compile(
    r"\b(?:(?:[A-Z][\w'’-]+)\s+){0,3}(?:" + "|".join(BODY_HEADS) + r")\s+(?:for|of)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+(?:(?:of|for|the|and|de|du|des|la|le)\s+)*[A-Z][\w'’-]+)*")
# Words of a name that say the body fights.
# ("Forces", "Defence" and "Salvation" alone do not: the Union of Democratic Forces was a
# party, as was the Islamic Salvation Front.)
ARMED_WORDS = frozenset({"liberation", "resistance", "revolutionary", "army", "armed", "militia", "brigade",
                         "brigades", "guerrilla", "jihad", "mujahideen", "struggle", "insurrection",
                         "self-defence", "self-defense"})
REBELS, OPPOSITION = "REB", "OPP"
# Roles the knowledge has that may stand inside such a name without making it the state's.
NAME_ROLES = frozenset({"MIL", "REB", "INS", "RAD", "OPP", "CVL"})
# A name's first word that is a sentence's word, not the name's ("The", "A").
LEADING_WORDS = frozenset({"The", "A", "An", "THE"})


def with_unknown_bodies(text: str, words: Sequence[Word], hits: Sequence[Hit], focus: Sequence[str]) -> list[Hit]:
    """`hits` with a hit of kind "group" for each name of a body in `text` that no hit of
    the knowledge covers (other than countries, demonyms and roles of sides) in place of the
    hits inside it, in order."""
    bodies = unknown_bodies(text, words, hits, focus)
    kept = [h for h in hits if not any(b.start < h.end and h.start < b.end for b in bodies)]
    return sorted(kept + bodies, key=lambda h: h.start)


def unknown_bodies(text: str, words: Sequence[Word], hits: Sequence[Hit], focus: Sequence[str]) -> list[Hit]:
    """Hits of kind "group" for the names of bodies in `text` that no hit of the knowledge
    covers (other than countries, demonyms and roles of sides), in order."""
    starts = {w.start: k for k, w in enumerate(words)}
    ends = {w.end: k for k, w in enumerate(words)}
    out: list[Hit] = []
    for match in NAME_RE.finditer(text):
        start, end = match.start(), match.end()
        first = text[start:end].split()[0]
        if first in LEADING_WORDS:
            start += len(first) + 1
        if text[start:end].isupper():
            continue  # copy in capitals: every run of words looks like a name
        inside = [h for h in hits if h.start < end and start < h.end]
        if any(not _may_stand_inside(h) for h in inside):
            continue
        countries = [h.entity.iso3 for h in inside if isinstance(h.entity, Country)]
        country = countries[0] if countries else focus[0] if focus else None
        words = {w.lower() for w in re.findall(r"[\w'’-]+", text[start:end])}
        role = REBELS if words & ARMED_WORDS else OPPOSITION
        if start not in starts or end not in ends:
            continue
        name = text[start:end]
        group = Group(name=name, aliases=(), country=country, code=(country or "") + role,
                      kind="armed" if role == REBELS else "movement")
        entry = Entry(kind="group", entity=group, acronym=False)
        out.append(Hit(start, end, starts[start], ends[end] + 1, "group", [entry]))
    return out


def _may_stand_inside(hit: Hit) -> bool:
    """A country or people named in the name ("... of Mozambique"), a role word of a side
    ("Forces", "Army" of the name) or the word for a body read as "the movement" named
    before, not a known body or an office."""
    if hit.kind in ("country", "demonym", "capital"):
        return True
    entity = hit.entity
    return hit.kind == "role" and isinstance(entity, Role) and not entity.office and (
        entity.role in NAME_ROLES or (entity.refers == "group" and not entity.role))
