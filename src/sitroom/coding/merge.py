"""The same event told twice in one article is one event.

Two drafts merge when they share the CAMEO root, their actors agree (equal, or one side
unknown for violence; either direction for symmetric events), their dates agree (equal,
or one only inferred from the article's date: then the same act named again, or a shared
place or dyad with an act not dated only to an earlier month or year), their places agree (equal, one inside the
other, or one unknown) and both are news or both background. The merged event keeps every
sentence as evidence and every toll as a report.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Actor, Place

if TYPE_CHECKING:
    from .draft import Draft


# Non-state armed roles that reports use interchangeably for the same fighters.
ARMED_GROUPS = frozenset({"REB", "INS", "RAD"})


# Roles of actors that are not the state, whose country code they bear: its rebels,
# insurgents, radicals, opposition, people and private bodies.
NON_STATE_ROLES = frozenset({"REB", "INS", "RAD", "OPP", "CVL", "UAF", "CRM", "NGO", "MED", "BUS", "LAB",
                             "REF", "REL", "EDU"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# Words that count the toll of an event told before ("19 people had been killed").
TOLL_LEMMAS = frozenset({"kill", "die", "wound", "injure", "dead", "death", "casualty"})
# Nouns that may re-name any act of violence that killed ("stormed the school, killing 132
# children ... condemned the killing of children").
KILLINGS = frozenset({"killing", "killings", "murder", "murders", "massacre", "slaughter", "death", "deaths"})
# Nouns that may re-name any act of violence ("a drone bombed the market ... the attack").
GENERIC_ATTACKS = frozenset({"attack", "assault", "incident", "violence", "operation",
                             "hit", "strike", "explode", "tear", "slam"})  # "the drone hit ..."


def merge_events(drafts: Sequence["Draft"]) -> list["Draft"]:
    drafts = hostage_seizures(drafts)
    merged: list["Draft"] = []
    for draft in sorted(drafts, key=lambda d: (d.evidence[0].start if d.evidence else -1, _caused_later(d, drafts))):
        home = next((m for m in merged if _same(m, draft)), None)
        if home is None and draft.anaphoric:
            named = [m for m in reversed(merged) if refers_to(draft, m)]
            if _bare_toll(draft):
                # a toll counts the dead of the fighting, not of a town's capture
                named = [m for m in named if not m.code.startswith(TERRITORY_CODE)] or named
            home = named[0] if named else None
            if home is None and _bare_re_mention(draft):
                home = next((m for m in merged if _told_first(draft, m)), None)
        if home is None:
            if draft.standalone:
                merged.append(draft)
        else:
            if _bare_toll(draft) and not _bare_toll(home) and home.target is not None:
                draft.target = None  # the attack's own target stays; the toll counts the victims
            absorb(home, draft)
    return _date_party_accounts(_fold_mutual_tolls(merged))


# The seizure of property (`PROPERTY_CODE`) and the taking of hostages (CAMEO 181).
SEIZURE_CODE, HOSTAGE_CODE = "171", "181"
# Verbs that take a place into someone's hands ("seized the theatre", "took over the school").
SEIZING_LEMMAS = frozenset({"seize", "take", "occupy", "commandeer"})
# Words that call people held hostages.
HOSTAGE_WORDS = re.compile(r"\b(?:hostages?|captives)\b", re.IGNORECASE)


def hostage_seizures(drafts: Sequence["Draft"]) -> list["Draft"]:
    """"The gunmen seized the theatre during a performance ... They threatened to kill the
    hostages": a building seized by armed men outside the state, with the people inside told
    as hostages in the same sentence or the next, is the taking of those people hostage
    (181, aimed at the place's civilians), not a seizure of property (171)."""
    spans = [(e.start, e.end, e.sentence) for d in drafts for e in d.evidence]
    for draft in drafts:
        if (draft.code != SEIZURE_CODE or draft.lemma not in SEIZING_LEMMAS or draft.target is not None
                or draft.source is None or not (_unnamed(draft.source) or _role(draft.source) in ARMED_GROUPS)):
            continue
        told = any(HOSTAGE_WORDS.search(sentence) for start, end, sentence in spans
                   for e in draft.evidence if start == e.start or 0 <= start - e.end <= NEXT_SENTENCE_GAP)
        if not told:
            continue
        draft.code, draft.rule = HOSTAGE_CODE, f"{draft.rule}+hostages"
        country = getattr(draft.place, "country", None) or draft.source.country
        if country:
            draft.target = Actor(text="hostages", name="civilians", code=f"{country}CVL", country=country)
    return list(drafts)


def _bare_re_mention(draft: "Draft") -> bool:
    """"minutes after the blast", "the first blasts came minutes after he began his oath": an
    act of violence named again with nothing of its own (no doer, no target, no toll, no day)."""
    return (draft.code[:2] in VIOLENT_ROOTS and draft.source is None and draft.target is None
            and not draft.tolls and draft.date_inferred)


def _told_first(re_mention: "Draft", act: "Draft") -> bool:
    """The act a bare re-mention names when none of its kind was told: the article's first act
    of violence (the lead's), as "the blast" after "a drone strike on a minibus"; not a
    summary of many ("long after a series of attacks began, the explosions could still be heard": the
    explosions are one of them, or another)."""
    return (act.code[:2] in VIOLENT_ROOTS and act.historical == re_mention.historical and not act.anaphoric
            and not act.summary and places_agree(re_mention.place, act.place))  # type: ignore[arg-type]


def _date_party_accounts(merged: list["Draft"]) -> list["Draft"]:
    """"JNIM claimed the assault on Monday, saying its fighters had taken control of the camp":
    a party's own account of an act told before, given in the sentence that names that act
    again, is of the act's day (not the claim's) and aimed at its target, when it tells no day
    or target of its own. It stays an event: the party's word, beside what others report."""
    for account in merged:
        if (account.modality != "claimed" or account.code[:2] not in VIOLENT_ROOTS or account.historical
                or not (account.date_inferred or account.date_suspect) or not account.evidence
                or account.source is None):
            continue
        told = account.evidence[0]
        act = next((m for m in merged if m is not account and m.code[:2] in VIOLENT_ROOTS and told in m.evidence
                    and m.evidence[0].start < told.start and not (m.date_inferred or m.date_suspect)
                    and m.historical == account.historical and _agree(account.source, m.source, False)), None)
        if act is None:
            continue
        account.date, account.date_precision = act.date, act.date_precision
        account.date_inferred = account.date_suspect = False
        if account.target is None and not same_actor(act.target, account.source):
            account.target = act.target
    return merged


# Fighting (CAMEO 19), which `sides` tells apart from one-sided violence.
FIGHT_ROOT = "19"


def one_side(x: Actor | None, y: Actor | None) -> bool:
    """Two known actors of one side, as merging reads them (one code or prefix; one
    country's rebels and insurgents)."""
    return _agree(x, y, False) and x is not None


def _fold_mutual_tolls(merged: list["Draft"]) -> list["Draft"]:
    """"Eleven policemen and 19 rebels were killed in the fighting": the dead of two sides,
    read as each side's act on the other, are one toll. When one reading joined an act told
    elsewhere in the article, the other, of the reverse dyad, is that act too."""
    folded: set[int] = set()
    for event in merged:
        if event.lemma not in TOLL_LEMMAS:
            continue
        home = next((m for m in merged if m is not event and id(m) not in folded and m.anchor != event.anchor
                     and event.anchor in m.anchors and _reverse_dyad(m, event)), None)
        if home is not None:
            home.evidence.extend(e for e in event.evidence if e not in home.evidence)
            home.anchors |= event.anchors
            folded.add(id(event))
    return [m for m in merged if id(m) not in folded]


def _reverse_dyad(a: "Draft", b: "Draft") -> bool:
    return (a.source is not None and a.target is not None and b.source is not None and b.target is not None
            and _agree(a.source, b.target, False) and _agree(a.target, b.source, False))


def _caused_later(toll: "Draft", drafts: Sequence["Draft"]) -> bool:
    """A toll with no doer, dated by its own sentence, whose sentence goes on to tell an act
    with no doer either ("three soldiers were killed when a roadside bomb hit their patrol
    on Tuesday"): it joins that act, not an earlier one, so it is merged after it."""
    if not _bare_toll(toll) or toll.date_inferred or not toll.evidence:
        return False
    return any(other is not toll and other.source is None and not _bare_toll(other) and other.evidence
               and other.evidence[0].start == toll.evidence[0].start and other.code[:2] in VIOLENT_ROOTS
               for other in drafts)


TERRITORY_CODE = "192"
# Property seized or destroyed (CAMEO 171): in the course of an act of violence by the same
# side it is part of that act ("the fighters killed seven and set fire to dozens of homes";
# ACLED names such an event by its most severe act); told on its own it is an event.
PROPERTY_CODE = "171"
# The other parts of an attack told as acts of their own: freeing the other side's captives
# ("stormed the town and freed hundreds of inmates", 0841) and the attackers' leaving
# ("the gunmen ... before fleeing", 0874). Told with the attack, by the side that made it,
# they are that attack; by the other side, or on another day, they stay events (a release
# of one's own hostages, an army's withdrawal).
RETREAT_CODE = "0874"
PART_CODES = (PROPERTY_CODE, "0841", RETREAT_CODE)
# The parts that "the attackers" may still tell later in the article ("the attackers had
# stolen 400 head of cattle"): the damage done and the leaving; a release told far from
# the attack is news of its own.
LATER_PART_CODES = (PROPERTY_CODE, RETREAT_CODE)
# Words of yielding (0874 too) that are never a way of leaving the scene of an attack.
SURRENDERS = frozenset({"surrender", "capitulate", "yield"})
# Characters between one sentence's end and the next one's start (a space, a line break).
NEXT_SENTENCE_GAP = 3
FACTUAL = frozenset({"asserted", "claimed"})
# Endings that make a doer's noun of an act ("attack" -> "attackers").
AGENT_ENDINGS = ("ers", "er")


def fold_property(drafts: Sequence["Draft"]) -> list["Draft"]:
    """The drafts less the parts of an act of violence told as acts of their own: the
    seizures and destruction, the freeing of captives and the leaving of the side (or an
    unnamed one) that made it in the same place, told in the same sentence or the next
    one, or later by the doers named again by the act ("the attackers"); the act keeps
    their sentences as evidence."""
    acts = [d for d in drafts if d.code[:2] in VIOLENT_ROOTS]
    out: list["Draft"] = []
    for draft in drafts:
        home = None
        if draft.code.startswith(PART_CODES) and _may_leave(draft):
            home = next((a for a in acts if _part_of(draft, a)), None)
            if home is None and draft.code.startswith(LATER_PART_CODES):
                home = _attack_told_first(draft, acts)
        if home is None:
            out.append(draft)
        else:
            home.evidence.extend(e for e in draft.evidence if e not in home.evidence)
            home.anchors |= draft.anchors
    return out


def aim_at_doers(drafts: Sequence["Draft"]) -> list["Draft"]:
    """"The president condemned the strikes", "denounced the sanctions": an act about
    another act of the article, with no target of its own, is aimed at that act's doer
    (one event per doer: "the sanctions of the US and Britain" are two), once the
    article's re-mentions are merged so that "the strikes" has found who struck."""
    out: list["Draft"] = []
    for draft in drafts:
        out.append(draft)
        if draft.about is None or draft.target is not None:
            continue
        # the events that took the re-mention, and their siblings of one trigger ("the US
        # and Britain imposed sanctions": one event per actor, one trigger)
        named = {other.anchor for other in drafts if other is not draft and draft.about in other.anchors}
        doers: list[Actor] = []
        for other in drafts:
            if other is draft or other.anchor not in named or other.source is None:
                continue
            if same_actor(other.source, draft.source) or any(same_actor(other.source, d) for d in doers):
                continue
            doers.append(other.source)
        for i, doer in enumerate(doers):
            if i == 0:
                draft.target = doer
            else:
                out.append(dataclasses.replace(draft, target=doer, anchors=set(draft.anchors)))
    return out


def same_actor(x: Actor | None, y: Actor | None) -> bool:
    """Two actors, both known, of one code (or, with no code, one name)."""
    return x is not None and y is not None and (x.code or x.name) == (y.code or y.name)


def _may_leave(part: "Draft") -> bool:
    """Only unnamed men, or the doers named by their act ("the attackers"), leave as part of
    their attack: a named force that pulls back, surrenders or is forced to retreat yields
    ground, an event of its own ("its units pulled back from the town in good order")."""
    if part.code.startswith(RETREAT_CODE) and part.lemma in SURRENDERS:
        return False  # "the gunman ... surrendered to police": no way of leaving, an event
    return not part.code.startswith(RETREAT_CODE) or _unnamed(part.source) or _named_by_the_act(part.source)


def _part_of(damage: "Draft", act: "Draft") -> bool:
    if not _may_be_part(damage, act):
        return False
    if not (_agree(damage.source, act.source, True) or _unnamed_of(damage.source, act.source)):
        return False
    if any(e in act.evidence for e in damage.evidence):
        return True
    # the next sentence, on the same day ("... shot dead four traders. They also looted shops")
    follows = any(0 <= d.start - a.end <= NEXT_SENTENCE_GAP for d in damage.evidence for a in act.evidence)
    return follows and (damage.date == act.date or damage.date_inferred)


def _may_be_part(damage: "Draft", act: "Draft") -> bool:
    if damage.historical != act.historical:
        return False
    if damage.modality != act.modality and not {damage.modality, act.modality} <= FACTUAL:
        return False  # told as done (by the writer or by a party), both
    return places_agree(damage.place, act.place)  # type: ignore[arg-type]


def _unnamed_of(doer: Actor | None, side: Actor | None) -> bool:
    """"Armed gangs attacked the town ... Gunmen set fire to the police station": unnamed
    men at the scene of an attack by a side outside the state are that side's men (not an
    army's: soldiers are not told as gunmen)."""
    return _unnamed(doer) and (side is None or _role(side) in NON_STATE_ROLES)


def _unnamed(actor: Actor | None) -> bool:
    return actor is not None and (actor.code or "").endswith(UNNAMED_ARMED)


def _role(actor: Actor) -> str:
    code = actor.code or ""
    return code[3:6] if len(code) >= 6 else code


def _attack_told_first(damage: "Draft", acts: Sequence["Draft"]) -> "Draft | None":
    """"The attackers had stolen 400 head of cattle", told paragraphs after the attack: the
    doers named again by a definite noun are those of the attack the article told first (the
    lead's), when nothing dates the damage to another day or places it elsewhere."""
    if not _doers_named_again(damage.source) or not damage.evidence:
        return None
    start = damage.evidence[0].start
    told = [a for a in acts if a.evidence and a.evidence[0].start < start and _may_be_part(damage, a)
            and (damage.date_inferred or damage.date == a.date)
            and (_named_by_the_act(damage.source) or _unnamed_of(damage.source, a.source)
                 or _agree(damage.source, a.source, True))]
    return min(told, key=lambda a: a.evidence[0].start, default=None)


def _doers_named_again(doer: Actor | None) -> bool:
    """"the attackers", "the gunmen": a definite noun of unnamed doers, or one that names
    them by the act ("attackers" of an attack), whatever coreference made of it."""
    if doer is None or not doer.text.casefold().startswith("the "):
        return False
    return _unnamed(doer) or _named_by_the_act(doer)


def _named_by_the_act(doer: Actor | None) -> bool:
    if doer is None:
        return False
    words = doer.text.casefold().split()
    if len(words) != 2 or words[0] != "the":
        return False
    noun = words[1]
    return any(noun.endswith(end) and noun[:-len(end)] in GENERIC_ATTACKS for end in AGENT_ENDINGS)


def _bare_toll(draft: "Draft") -> bool:
    """"19 people had been killed": a toll with no actor of its own."""
    return draft.source is None and draft.lemma in TOLL_LEMMAS


def refers_to(later: "Draft", earlier: "Draft") -> bool:
    """A re-mention ("the assault", "the clashes killed 52", "19 people had been killed")
    names an event told before it: the nearest earlier one of its kind whose actors and
    place do not contradict it, whatever day the re-mention's own clause gives (a claim
    "on Monday" of Sunday's assault)."""
    if later.historical != earlier.historical:
        return False
    if _bare_toll(later):
        # a bare toll: its victims are whoever the event told before struck
        return (later.code[:2] in VIOLENT_ROOTS and earlier.code[:2] in VIOLENT_ROOTS
                and places_agree(later.place, earlier.place))  # type: ignore[arg-type]
    else:
        # "the clashes" after "captured the town" is the fighting, not the capture; "the
        # attack" may name any act of violence told before it, and "the killing" any that killed
        same_kind = (later.code[:3] == earlier.code[:3] or later.lemma == earlier.lemma
                     or (later.lemma in GENERIC_ATTACKS and earlier.code[:2] in VIOLENT_ROOTS
                         and later.code[:2] in VIOLENT_ROOTS)
                     or (later.lemma in KILLINGS and earlier.code[:2] in VIOLENT_ROOTS
                         and later.code[:2] in VIOLENT_ROOTS and any(t.killed for t in earlier.tolls)))
    if not same_kind or not places_agree(later.place, earlier.place):  # type: ignore[arg-type]
        return False
    if _claims_unnamed_act(later, earlier):
        return _agree(later.target, earlier.target, True)
    return _agree(later.source, earlier.source, True) and _agree(later.target, earlier.target, True)


# The code of an unnamed armed perpetrator ("gunmen", "unknown assailants").
UNNAMED_ARMED = "UAF"


def _claims_unnamed_act(claim: "Draft", act: "Draft") -> bool:
    """A group's claim of an act told before as done by unnamed men ("gunmen killed six
    officers ... al-Shabaab claimed the attack"): the claim names who they were, by the
    group's own word."""
    return (claim.modality == "claimed" and claim.source is not None and bool(claim.source.code)
            and act.source is not None and (act.source.code or "").endswith(UNNAMED_ARMED)
            and not (claim.source.code or "").endswith(UNNAMED_ARMED))


def _same(a: "Draft", b: "Draft") -> bool:
    if a.historical != b.historical:
        return False
    if a.code[:2] != b.code[:2] and not (
            (_bare_toll(a) or _bare_toll(b)) and a.code[:2] in VIOLENT_ROOTS and b.code[:2] in VIOLENT_ROOTS):
        return False  # a bare toll ("412 people have been killed") may count any violence
    if _distinct_acts(a, b) or _own_dead(a, b) or _own_dead(b, a) or _two_speakers(a, b):
        return False
    if _summary_and_one_act(a, b) or _summary_and_one_act(b, a):
        return False  # "several attacks" and "bombed two power stations": a summary and one of its acts
    if _bare_toll(a) or _bare_toll(b):
        if not _agree(a.source, b.source, True):  # a toll's victims are not the attack's target
            return False
    elif not _actors_agree(a, b):
        return False
    if a.date != b.date and not (a.date_inferred or b.date_inferred):
        return False
    if a.date_inferred or b.date_inferred:
        # without a date to go on, only a re-mention of the same act ("the offensive") or
        # the same dyad or place makes two drafts one event
        same_word = a.lemma == b.lemma
        same_dyad = a.source is not None and b.source is not None and a.target is not None and b.target is not None
        same_place = a.place is not None and b.place is not None and not (
            a.attribution and b.attribution and a.attribution != b.attribution)
        # "used tear gas to break up a protest": one act told twice in one sentence, by one doer
        told_twice = (a.code == b.code and a.source is not None and b.source is not None
                      and any(e in b.evidence for e in a.evidence))
        if not (same_word or same_dyad or same_place or told_twice):
            return False
        if not (same_word or told_twice) and not _near_in_time(a, b):
            # "the army's division had overrun a line of bunkers" (undated) and "the army
            # took the rebels' capital in January": a shared place or dyad joins an undated
            # act to an act dated to the day, not to one dated only to an earlier month
            return False
    if not places_agree(a.place, b.place):  # type: ignore[arg-type]
        return False
    if a.tolls and b.tolls and a.place is None and b.place is None and a.evidence[0].start == b.evidence[0].start:
        return False  # two tolls in one sentence with no place to tell them apart: two events
    return True


def _near_in_time(a: "Draft", b: "Draft") -> bool:
    """An undated act may be the dated one: not when that one is dated only to a month or
    a year before the report's month."""
    dated = b if a.date_inferred else a
    undated = a if dated is b else b
    if dated.date_inferred or not dated.date or not undated.date or dated.date_precision == "day":
        return True
    return undated.date.startswith(dated.date[:7] if dated.date_precision == "month" else dated.date[:4])


def _own_dead(struck: "Draft", act: "Draft") -> bool:
    """"Hooded gunmen burst into a studio ... before police stormed the building ... Two
    police officers were shot dead in a town north of the city": an act told with no doer in
    a sentence of its own, struck at the side that made an act aimed at no one named, is not
    that act (a side does not fire on itself). A bare toll of that side stays free to join
    it ("commandos stormed the compound ... nine soldiers had been killed": its losses), and
    so does an act told in its sentence ("the army repelled an attack, losing 11 soldiers")
    or one told with fighting ("troops fought their way into the town")."""
    return (struck.source is None and not _bare_toll(struck) and act.source is not None
            and act.target is None and not act.symmetric
            and (same_actor(struck.target, act.source) or _one_state(struck.target, act.source))
            and not any(e in act.evidence for e in struck.evidence))


# Acts done by speaking: statements, appeals, intents, demands, disapproval, rejections and
# threats (CAMEO 01, 02, 03, 10-13).
SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def _two_speakers(a: "Draft", b: "Draft") -> bool:
    """"Avakov accused Moscow of an armed invasion ... Ukraine's acting president accused
    Moscow of provoking a conflict": words of two people, each told in a sentence of its
    own, are two statements, though both speak for one government."""
    if a.code[:2] not in SPEECH_ROOTS or b.code[:2] not in SPEECH_ROOTS or a.source is None or b.source is None:
        return False
    if any(e in b.evidence for e in a.evidence):
        return False
    if any(actor.text.casefold().startswith(GENERIC_OPENINGS) for actor in (a.source, b.source)):
        return False  # "the minister" may be either of them
    x, y = a.source.name.casefold(), b.source.name.casefold()
    return x not in y and y not in x


def _summary_and_one_act(summary: "Draft", act: "Draft") -> bool:
    """A counted plural and a single act of another word: the act is one of those the
    summary counts, not the same event."""
    return summary.summary and not act.summary and summary.lemma != act.lemma and not _bare_toll(act)


def _distinct_acts(a: "Draft", b: "Draft") -> bool:
    """Two specific acts named in one sentence ("fired tear gas ... and arrested 64") are two
    events; a generic one ("an offensive, capturing towns") may absorb a specific one, and
    a toll with no doer is no act of its own beside an act with no target of its own ("a car
    bomb tore through a market, killing 18")."""
    if (_bare_toll(a) and b.target is None) or (_bare_toll(b) and a.target is None):
        return False
    same_sentence = any(e in b.evidence for e in a.evidence)
    specific = not a.code.endswith("0") and not b.code.endswith("0") and len(a.code) >= 3 and len(b.code) >= 3
    # "a car bomb exploded": the car bombing (1832) is a kind of the bombing (183), one act
    refines = a.code.startswith(b.code) or b.code.startswith(a.code)
    return same_sentence and specific and not refines and not _trip_and_its_talks(a, b)


# A visit (042) or a hosted visit (043), and the meeting or talks (040, 044, 046) of the
# same sentence: "flew to Kabul on Wednesday to meet the president" is one trip.
VISITS = ("042", "043")
TALKS = ("040", "044", "046")


def _trip_and_its_talks(a: "Draft", b: "Draft") -> bool:
    return (a.code[:3] in VISITS and b.code[:3] in TALKS) or (b.code[:3] in VISITS and a.code[:3] in TALKS)


def _actors_agree(a: "Draft", b: "Draft") -> bool:
    if (not a.violent and not b.violent and a.source is not None and b.source is not None
            and (_state_and_outsider(a.source, b.source) or _state_and_outsider(b.source, a.source))):
        # "Pakistan denied any role ... Lashkar-e-Taiba denied involvement": a state and a
        # group outside it that bears its country's code are two speakers
        return False
    direct = _agree(a.source, b.source, a.violent) and _agree(a.target, b.target, True)
    if direct:
        return True
    if a.symmetric or b.symmetric:
        return _agree(a.source, b.target, False) and _agree(a.target, b.source, True)
    return False


def _agree(x: Actor | None, y: Actor | None, unknown_ok: bool) -> bool:
    if x is None or y is None:
        return unknown_ok or (x is None and y is None)
    if x.code and y.code:
        if x.code[:3] == y.code[:3] and x.code[3:6] in ARMED_GROUPS and y.code[3:6] in ARMED_GROUPS:
            return True  # one side's "rebels" and "jihadists" are the same fighters
        if x.code.startswith(y.code) or y.code.startswith(x.code):
            return True
        # "militants" with no country named, and later "the group" read as Mali's: one role
        bare, placed = sorted((x.code, y.code), key=len)
        if len(bare) == 3 and len(placed) == 6:
            return placed[3:] == bare or (bare in ARMED_GROUPS and placed[3:] in ARMED_GROUPS)
        return False
    return x.name == y.name


def _state_and_outsider(state: Actor, other: Actor) -> bool:
    """`state` is a country as such ("Pakistan": its code is its country's) and `other` a
    group of that country outside the state ("PAKRAD")."""
    return (bool(state.country) and state.code == state.country and other.country == state.country
            and (other.code or "")[3:6] in NON_STATE_ROLES)


def places_agree(x: Place | None, y: Place | None) -> bool:
    if x is None or y is None:
        return True
    if x.country and y.country and x.country != y.country:
        return False
    if x.name == y.name or "country" in (x.precision, y.precision):
        return True
    # a city inside a division: "strikes in X" and "in X province"
    return (x.precision == "admin1" and y.admin1 == x.name) or (y.precision == "admin1" and x.admin1 == y.name)


def absorb(home: "Draft", other: "Draft") -> None:
    if _bare_toll(home) and not _bare_toll(other) and other.code[:2] in VIOLENT_ROOTS:
        # "three villagers were killed when troops shelled villages": the act is the shelling
        home.code, home.rule = other.code, other.rule
    elif len(other.code) > len(home.code) and other.code[:2] == home.code[:2] and (
            home.code.endswith("0") or other.code.startswith(home.code)):
        home.code, home.rule = other.code, other.rule  # a specific code beats a generic one
    # no one acts on itself: "the army repelled an attack" told with "20 soldiers had been
    # killed" is not the army's act on the army (the soldiers were the attack's target)
    if (home.source is None or _claims_unnamed_act(other, home)) and not same_actor(other.source, home.target):
        home.source = other.source  # (the unnamed men are who claimed the act)
    if home.target is None and not same_actor(other.target, home.source) and not _one_state(other.target, home.source):
        home.target = other.target  # (a toll of policemen joined to the army's shelling: not its target)
    if (home.date_inferred or home.date_suspect) and not (other.date_inferred or other.date_suspect):
        home.date, home.date_precision = other.date, other.date_precision
        home.date_inferred = home.date_suspect = False
    if home.place is None or _finer(other.place, home.place):  # type: ignore[arg-type]
        home.place = other.place or home.place
    # a party's claim ("ISWAP claimed the raid, saying it killed 25") does not overrule what
    # others report of the same act: their count and their name stay the event's
    party_claim = other.modality == "claimed" and home.modality == "asserted"
    if not party_claim or not home.tolls:
        home.tolls.extend(other.tolls)
    if not party_claim and (not home.attribution or (
            _generic(home.attribution) and other.attribution and not _generic(other.attribution))):
        home.attribution = other.attribution  # "the Syrian Observatory" says more than "an NGO"
    home.evidence.extend(e for e in other.evidence if e not in home.evidence)
    home.anchors |= other.anchors


# The roles of a state's own bodies and forces.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _one_state(x: Actor | None, y: Actor | None) -> bool:
    """Two bodies or forces of one state ("RUSMIL" and "RUSCOP"): one side, which does not
    act on itself in a report that joins them."""
    if x is None or y is None or not x.code or not y.code or x.code[:3] != y.code[:3]:
        return False
    return all(len(c) == 3 or c[3:6] in STATE_ROLES for c in (x.code, y.code))


GENERIC_OPENINGS = ("a ", "an ", "the ", "this ", "that ", "these ", "those ", "some ", "one ")


def _generic(attribution: str) -> bool:
    """An unnamed source ("an NGO", "officials"), unless coreference named it in brackets."""
    text = attribution.casefold()
    return "(" not in text and (text.startswith(GENERIC_OPENINGS) or text == attribution)


PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "country": 3}


def _finer(x: Place | None, y: Place | None) -> bool:
    if x is None or y is None:
        return False
    return PRECISION_RANK.get(x.precision, 4) < PRECISION_RANK.get(y.precision, 4)
