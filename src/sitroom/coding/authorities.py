"""What a state's authorities do: doers no one names, rescues and searches.

Only a state's police arrest, only its government imposes a curfew or holds people in its
prisons, and rebels wage their campaign against the state's forces: such an act told with
no doer is theirs (`implied_police`, `implied_authority`, `implied_jailer`,
`state_forces_against`; the actors they give have no text). A state's forces freeing
captives rescue them by force (`rescue`, `captor`), and its police raiding premises search
them (`search_raid`). `coder.py` applies them.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..records import Actor, TollReport
from .roles import REBEL_ROLES, role


def state_forces_against(source: Actor | None) -> Actor | None:
    """Whom a rebel campaign with no named target is waged against: the armed forces of the
    rebels' country ("the rebels opened a new offensive"). Nothing names them: no text."""
    if source is None or not source.country or role(source) not in REBEL_ROLES:
        return None
    return Actor(text="", name=f"{source.country} armed forces", code=f"{source.country}MIL", country=source.country)


# Arrests and detentions (CAMEO 173): told with no doer, a state's police made them.
ARREST_CODE = "173"


def implied_police(code: str, country: str | None) -> Actor | None:
    """"A man was arrested at a checkpoint near the blast": no one but a state's police
    arrests, so an arrest with no doer named is by the police of the country it happened
    in. Nothing names them: no text."""
    if not code.startswith(ARREST_CODE) or not country:
        return None
    return Actor(text="", name=f"{country} police", code=f"{country}COP", country=country)


def _government(country: str) -> Actor:
    """The government of a country that the text does not name (no text)."""
    return Actor(text="", name=f"{country} government", code=f"{country}GOV", country=country)


# Measures only a state's authorities take, and their easing: a curfew (1723), a state of
# emergency or martial law (1724), restrictions eased (081).
STATE_MEASURES = ("1723", "1724", "081")


def implied_authority(code: str, country: str | None) -> Actor | None:
    """"A curfew was imposed in eight districts", "the curfew was eased for three hours": only
    a state's government imposes or eases a curfew, so one told with no doer is by the
    government of the country it happened in. Nothing names it: no text."""
    if not code.startswith(STATE_MEASURES) or not country:
        return None
    return _government(country)


# Prepositions whose noun is a state the act is done in, not an act: "under martial law".
CIRCUMSTANCE_PREPS = frozenset({"under", "during", "despite", "amid", "amidst", "before", "after", "since"})


def circumstance(noun: Token) -> bool:
    """"took over the streets under martial law", "despite the curfew": the noun names the
    state of things an act is done in."""
    return noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS


# Releases (CAMEO 0841).
RELEASE_CODE = "0841"


def implied_jailer(token: Token, code: str, country: str | None, is_custody: Callable[[str], bool]) -> Actor | None:
    """"X was freed from house arrest on Tuesday", "released from prison": only a state
    holds people in its prisons, so a release from custody with no doer named is by the
    government of the country it happened in. A hostage's release is its captors'."""
    if not code.startswith(RELEASE_CODE) or not country:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and is_custody(g.lemma_.lower())
                                                           for g in c.children) for c in token.children):
        return None
    return _government(country)


# A state's forces taking captives from those who hold them (CAMEO codes a release, 0841, as
# the holder's yielding act): a rescue is force against the captors (19).
RESCUING_ROLES = frozenset({"MIL", "COP", "SPY"})
CAPTIVES = frozenset({"hostage", "captive", "abductee"})
# Participles that tell a captive's captivity: "schoolgirls held by the group", "kidnapped in May".
HELD = frozenset({"hold", "kidnap", "abduct", "seize", "take", "capture", "snatch"})
# Nouns of the operation a rescue is made in or ends: "freed 40 hostages in a raid", "freed
# the passengers after a day-long standoff".
RESCUE_OPERATIONS = frozenset({"raid", "operation", "assault", "rescue", "attack", "offensive", "standoff",
                               "siege"})


def rescue(verb: Token, source: Actor | None) -> Token | None:
    """"Special forces rescued four hostages", "troops freed 40 schoolgirls held by the group
    in a raid": the verb, when a state's forces take captives from their holders (not "freed
    200 prisoners under an amnesty", the state's own). Returns the verb's freed object."""
    if role(source) not in RESCUING_ROLES:
        return None
    freed = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if freed is None:
        return None
    if verb.lemma_.lower() == "rescue" or freed.lemma_.lower() in CAPTIVES:
        return freed
    held = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in HELD for c in freed.children)
    in_operation = any(c.dep_ == "prep" and c.lower_ in ("in", "during", "after") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in RESCUE_OPERATIONS for g in c.children) for c in verb.children)
    return freed if held or in_operation else None


def captor(freed: Token) -> Token | None:
    """Who held the rescued: "hostages held by Boko Haram", "kidnapped by gunmen"."""
    for clause in freed.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in HELD:
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


# What a state's police or troops search when they raid it: premises, not an enemy.
PREMISES = frozenset({"house", "home", "farm", "estate", "ranch", "laboratory", "lab", "office", "headquarters",
                      "building", "property", "warehouse", "premises", "residence", "apartment", "flat", "shop",
                      "store", "newspaper", "church", "university", "campus", "hotel"})
STATE_SEARCHERS = ("COP", "MIL", "GOV", "SPY", "JUD")
# The civil arms of a state (not its troops): their raids are searches whatever is raided.
POLICING_ROLES = ("COP", "GOV", "SPY", "JUD")
# Prepositions through which a raid names what is raided: "raids on", "raids of", "raids at".
RAIDED_PREPS = frozenset({"on", "of", "at", "against"})
SEARCH = "170"


def search_raid(token: Token, source: Actor | None, toll: TollReport | None) -> bool:
    """"Police raided a house in the suburbs", "troops raided three farms owned by the drug
    baron": a state's police or troops raiding premises, with no one killed or hurt, search
    them (coercion, 17), they do not attack (19). Premises raided by no one named are
    searched too ("a cocaine laboratory was raided", "raids at homes owned by traffickers":
    gunmen who storm a house are named, or kill), and so is whatever the police or the
    authorities raid with nothing named ("the authorities' operations led to 70 raids")."""
    if token.lemma_.lower() != "raid" or toll is not None:
        return False
    raided = _raided(token)
    premises = any(o.lemma_.lower() in PREMISES for o in raided)
    if role(source) in STATE_SEARCHERS:
        return premises or (role(source) in POLICING_ROLES and not raided)
    # (not the raid in which someone else's act was done: "police arrested five men in a raid
    # on a house" tells the arrest)
    return source is None and premises and not (token.dep_ == "pobj" and token.head.lower_ in ("in", "during"))


def _raided(token: Token) -> list[Token]:
    """What a raid is done to: the verb's object, or the noun's "on", "of", "at" phrase (also
    on the verb a subject noun hangs from: "raids are under way at homes")."""
    if token.pos_ == "VERB":
        return [c for c in token.children if c.dep_ == "dobj"]
    phrases = [c for c in token.children if c.dep_ == "prep"]
    if token.dep_ in ("nsubj", "nsubjpass"):
        # "raids are under way in the north of the city at homes ...": the place phrase may
        # carry the premises
        phrases += [t for c in token.head.children if c.dep_ == "prep" for t in c.subtree if t.dep_ == "prep"]
    return [g for p in phrases if p.lower_ in RAIDED_PREPS for g in p.children if g.dep_ == "pobj"]
