"""Where an event happened when its own sentence does not say: the scene of the report.

News tells an incident over several sentences and names its place once: "Gunmen attacked
a bus near Gulu on Monday. They set fire to it and killed six passengers." Two rules of
news writing place the events whose sentence names no place:

1. A physical act (protest, coercion such as arrests and dispersals, violence) takes the
   place of the physical act told before it in the same paragraph (the paragraph keeps its
   scene until it names another).
2. A physical act still without a place, once the article's reports of one event are
   merged, happened in the country where the article places most of what it names, else
   in the country both its sides are of, else in the country of its dateline's town, else
   in the country of its one side named (a country-level place, precision "country": the
   text supports no finer one). Armed forces named alone do not place an act in their
   country: they fight abroad as often as at home.

Statements, appeals and other verbal acts are never placed this way: they have no place
unless the text gives one.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..records import Place, PlaceMention
from .where import home_country

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .draft import Draft

# Acts done somewhere by bodies on the ground: protest (14), coercion (17), violence (18-20).
SCENE_ROOTS = ("14", "17", "18", "19", "20")
VIOLENT_ROOTS = ("18", "19", "20")
# Roles of people who act and are struck abroad as often as at home: armed forces.
ABROAD_ROLES = frozenset({"MIL"})


def inherit_scene(drafts: Sequence["Draft"], text: str) -> None:
    """Rule 1, before the article's drafts are merged: a draft of a physical act with no
    place takes the place of the one before it in its paragraph (drafts are mutable). A
    violent act takes only a violent act's scene: the arrests and seizures told after a
    raid may name where the loot was kept, not where the fighting was."""
    previous: "Draft | None" = None
    previous_violent: "Draft | None" = None
    for draft in drafts:
        if draft.code[:2] not in SCENE_ROOTS or draft.historical:
            continue
        violent = draft.code[:2] in VIOLENT_ROOTS
        before = previous_violent if violent else previous
        if draft.place is None and before is not None and before.place is not None \
                and same_paragraph(text, before.evidence[0].start, draft.evidence[0].start):
            draft.place = before.place
        previous = draft
        if violent:
            previous_violent = draft


def place_in_country(drafts: Sequence["Draft"], mentions: Sequence[PlaceMention],
                     country_place: Callable[[str], Place | None], doc: "Doc | None" = None,
                     filed: str | None = None) -> None:
    """Rule 2, after merging (a re-mention takes its event's place first): a physical act
    still without a place is placed in the country the article's places point to, else in
    the one country of both its sides, else in the country its dateline's town lies in
    (`filed`: wire copy is mostly about where it is written), else in its one side's. Only
    names that say where something is count: not a demonym ("Salvadoran troops"), nor a
    country's name that qualifies a noun ("the U.S. embassy", "U.S. aid"), which wire copy
    repeats in stories that happen elsewhere."""
    if doc is not None:
        mentions = [m for m in mentions if not _qualifier(doc, m)]
    main = home_country(mentions)  # the country the article's places point to
    for draft in drafts:
        if draft.place is not None or draft.code[:2] not in SCENE_ROOTS or draft.historical:
            continue
        country = main or actors_country(draft, both=True) or filed or actors_country(draft)
        if country is not None:
            draft.place = country_place(country)


def same_paragraph(text: str, start: int, end: int) -> bool:
    """No line break between two offsets (the parse text keeps only paragraph breaks:
    hard wraps are joined before parsing)."""
    low, high = sorted((start, end))
    return "\n" not in text[low:high]


def actors_country(draft: "Draft", both: bool = False) -> str | None:
    """The country both sides of an act are of; with one side named (unless `both`), that
    side's, unless it is armed forces, which act and are struck abroad ("U.S. gunships
    attacked", "an attack on U.S. troops")."""
    sides = [a for a in (draft.source, draft.target) if a is not None and a.country]
    countries = {a.country for a in sides}
    if len(countries) != 1:
        return None
    if len(sides) == 1 and (both or (sides[0].code or "")[3:6] in ABROAD_ROLES):
        return None
    return countries.pop()


# Dependencies of a name that qualifies the noun it hangs from ("U.S. embassy", "Iraq's oil").
QUALIFIER_DEPS = ("compound", "nmod", "amod", "poss")


def _qualifier(doc: "Doc", mention: PlaceMention) -> bool:
    if mention.kind == "demonym":
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in QUALIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.ent_type_ not in ("GPE", "LOC", "FAC")
