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

3. A side of a physical act named by its role alone, whom the actor stage gave the
   article's main country ("the regional police headquarters", "nine people were
   killed", "residents"), belongs where the act happened. The coder already gives such
   people the country of a place their own sentence names (`participants.local_people`); with
   none there, they take the country of the place their paragraph set (rule 1), else of
   the article's scene (where most of its places lie, else where its dateline was
   filed), else of the place of the first act it places (its lead's). Only a country the
   article is mostly about and that is a side of one of its physical acts counts, since
   a name the gazetteer places elsewhere is more likely a namesake. The main country
   counts the names of actors, and a report of a strike names the striking state and its
   leaders more often than the struck town's. Armed forces, armed groups and officials
   keep theirs: they act and are struck abroad.

5. Those same people of a local role, when the text places their act at sea or in a
   region of several countries ("pirates seized a tugboat in the Gulf of Aden"), keep no
   country: nothing puts the act in the article's main country, and no country is better
   than a guessed one.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..fusion import km
from ..records import Actor, ActorMention, Place, PlaceMention
from .arguments import across_border
from .where import home_country

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .draft import Draft

# Acts done somewhere by bodies on the ground: protest (14), coercion (17), violence (18-20).
SCENE_ROOTS = ("14", "17", "18", "19", "20")
VIOLENT_ROOTS = ("18", "19", "20")
# Roles of people who act and are struck abroad as often as at home: armed forces.
ABROAD_ROLES = frozenset({"MIL"})
# Roles of the people of a place (rule 3): police, civilians and the callings of private
# life, fewer than `participants.LOCAL_ROLES` (which a place named in the act's own sentence
# moves): not armed forces nor armed groups, which act and are struck abroad; not
# officials ("the embassy", "the envoy" are another state's wherever they sit), refugees
# or aid workers, who are from elsewhere by what they are.
HOME_ROLES = frozenset({"COP", "CVL", "MED", "HLH", "EDU", "REL", "BUS", "JUD", "LEG", "LAB", "AGR", "OPP",
                        "CRM"})
# Of those, the ones who act where they live ("pirates" seize ships far from home).
HOME_DOERS = HOME_ROLES - {"CRM"}
# Rule 4's one town: how many physical acts placed in towns, all within how many km of the
# first, make the article the report of one town's events.
TOWN_ACTS = 2
TOWN_KM = 30.0
TOWN_PRECISIONS = frozenset({"point", "city"})
# How many of the article's main countries (the actor stage's focus, heaviest first) a
# scene of rule 3 must be one of.
SCENE_FOCUS = 3


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
    repeats in stories that happen elsewhere, nor the far side of a border ("near the border
    with Mali")."""
    if doc is not None:
        mentions = [m for m in mentions if not _qualifier(doc, m)]
    main = home_country(mentions)  # the country the article's places point to
    told = [draft.place for draft in drafts]  # the places the text gives (rule 3's)
    for draft in drafts:
        if draft.place is not None or draft.code[:2] not in SCENE_ROOTS or draft.historical:
            continue
        country = main or actors_country(draft, both=True) or filed or actors_country(draft)
        if country is not None:
            draft.place = country_place(country)
    if doc is not None:
        home_local_sides(drafts, told, doc, main or filed)


def place_in_one_town(events: Sequence["Draft"]) -> None:
    """Rule 4, after merging (so that where an act is placed does not decide what merges):
    in the report of one town's events (`one_town`), a physical act placed only in that
    town's country happened in the town (events are mutable)."""
    town = one_town(events)
    if town is None:
        return
    for event in events:
        if (event.code[:2] in SCENE_ROOTS and not event.historical and isinstance(event.place, Place)
                and event.place.precision == "country" and event.place.country == town.country):
            event.place = dataclasses.replace(town, basis="scene")


def one_town(drafts: Sequence["Draft"]) -> Place | None:
    """The town every placed physical act of the article happened in, when the text places
    at least TOWN_ACTS of them in a town and all of those within TOWN_KM of the first: the
    report of one incident in one town, whose other acts (told with "there", "the city" or
    no place at all) happened there too. None when the acts lie in several towns: a country
    is all the text supports then."""
    towns = [d.place for d in drafts if d.code[:2] in SCENE_ROOTS and not d.historical
             and isinstance(d.place, Place) and d.place.precision in TOWN_PRECISIONS
             and d.place.lat is not None and d.place.lon is not None]
    if len(towns) < TOWN_ACTS:
        return None
    first = towns[0]
    if all(km(dataclasses.asdict(first), dataclasses.asdict(other)) <= TOWN_KM for other in towns[1:]):
        return first
    return None


def home_local_sides(drafts: Sequence["Draft"], told: Sequence[object | None], doc: "Doc",
                     scene: str | None) -> None:
    """Rule 3: the sides of physical acts named by a local role alone, with the article's
    main country, take the country of the act's place as the text tells it (`told`, one
    per draft, before rule 2, which places by these very sides), else of `scene`, else of
    the first act placed (drafts are mutable); only countries among the article's main
    ones that take part in its acts count: a name the gazetteer places in a country the
    article names only in passing (one that "condemned the attack") is more likely a
    namesake than the scene of its news."""
    main = (doc._.focus or [None])[0]
    generic = [m for m in doc._.actors or [] if m.kind == "role" and m.actor.country == main]
    if main is None or not generic:
        return
    for draft, told_place in zip(drafts, told):
        if _countryless(told_place) and draft.code[:2] in SCENE_ROOTS and not draft.historical:
            draft.source = _unplaced(draft.source, draft, generic, doc)
            draft.target = _unplaced(draft.target, draft, generic, doc)
    parties = {a.country for d in drafts if d.code[:2] in SCENE_ROOTS and not d.historical
               for a in (d.source, d.target) if a is not None and a.country}
    named = [c for c in doc._.focus[:SCENE_FOCUS] if c in parties]
    lead = _first_scene(drafts, told)
    for draft, told_place in zip(drafts, told):
        if draft.code[:2] not in SCENE_ROOTS or draft.historical:
            continue
        place = told_place.country if isinstance(told_place, Place) else None
        country = next((c for c in (place, scene, lead) if c in named), None)
        if country is None or country == main:
            continue
        draft.source = _at_home(draft.source, draft, generic, doc, country, HOME_DOERS)
        draft.target = _at_home(draft.target, draft, generic, doc, country, HOME_ROLES)


def _at_home(actor: Actor | None, draft: "Draft", generic: Sequence[ActorMention], doc: "Doc",
             country: str, roles: frozenset[str]) -> Actor | None:
    """`actor` of `country` when it is one of the `generic` mentions of the draft's sentence
    with a local role, and that sentence names no country of the same role before it
    ("Israeli police ... police": the same force)."""
    if actor is None or (actor.code or "")[3:6] not in roles:
        return actor
    evidence = draft.evidence[0]
    mention = next((m for m in generic if m.actor == actor and evidence.start <= m.start < evidence.end), None)
    if mention is None:
        return actor
    role = (actor.code or "")[3:]
    if any(evidence.start <= m.start < mention.start and m.kind != "role" and (m.actor.code or "")[3:] == role
           for m in doc._.actors or []):
        return actor
    return Actor(text=actor.text, name=actor.name, code=country + role, country=country)


def _countryless(place: object | None) -> bool:
    """A place the text gives that lies in no one country: a sea or a gulf, a region."""
    return isinstance(place, Place) and place.precision == "region" and not place.country


def _unplaced(actor: Actor | None, draft: "Draft", generic: Sequence[ActorMention], doc: "Doc") -> Actor | None:
    """Rule 5: `actor` without a country when it is one of the `generic` mentions of a
    local role (HOME_ROLES) in the draft's sentence."""
    if actor is None or (actor.code or "")[3:6] not in HOME_ROLES:
        return actor
    evidence = draft.evidence[0]
    if not any(m.actor == actor and evidence.start <= m.start < evidence.end for m in generic):
        return actor
    role = (actor.code or "")[3:]
    return Actor(text=actor.text, name=actor.name, code=role, country=None)


def _first_scene(drafts: Sequence["Draft"], told: Sequence[object | None]) -> str | None:
    """The country of the first physical act the text places: where the article's lead
    event happened. In a story of violence, only an act of violence counts: a protest
    against it is as often held abroad ("thousands marched in Jakarta against the
    crackdown")."""
    acts = [(draft, place) for draft, place in zip(drafts, told) if draft.code[:2] in SCENE_ROOTS and not draft.historical]
    if any(draft.code[:2] in VIOLENT_ROOTS for draft, _ in acts):
        acts = [(draft, place) for draft, place in acts if draft.code[:2] in VIOLENT_ROOTS]
    return next((place.country for _, place in acts if isinstance(place, Place) and place.country), None)


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
    if across_border(root):
        return True  # "near the border with Mali": the far side of a border names no scene
    return root.dep_ in QUALIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.ent_type_ not in ("GPE", "LOC", "FAC")
