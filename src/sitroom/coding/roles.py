"""Actors' roles, and the codes of violence and protest that the roles of its sides decide.

An act's code may depend on who does it to whom: violence against civilians by gunmen is
an assault (18), by a state's army military force (19); a protest lodged by a government
is an official complaint (114); a strike by teachers stops work (143). `role` reads the
role of a CAMEO actor code; the rest test roles (`one_sided`, `both_fight`, `is_armed`)
or the words that name a side (`militia`, `crowd`). `coder.py` applies them.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor


VIOLENT_ROOTS = ("18", "19", "20")
# The generic use of force (190) and the generic assault (180): see `one_sided`.
GENERIC_FORCE, GENERIC_ASSAULT = "190", "180"


# Codes of killing and wounding (kill, wound, injure, murder): assaults, unless both sides fight.
TOLL_ASSAULTS = ("1823", "182")

# Roles of people who do not fight: violence against them is one-sided.
CIVILIAN_ROLES = ("CVL", "NGO", "MED", "HLH", "EDU", "REL", "JUD", "LEG", "BUS", "LAB", "AGR", "REF")
# Perpetrators whose violence is assault, not warfare: unnamed gunmen, gangs.
IRREGULAR_ROLES = ("UAF", "CRM")
FIGHTING_ROLES = ("MIL", "REB", "INS", "RAD", "COP", "SPY")
# A state's armed forces: their attacks are military force (19) even on civilians.
STATE_ARMED_ROLES = ("MIL",)


# Actor roles that bear arms (for triggers flagged `armed`).
ARMED_ROLES = ("MIL", "REB", "INS", "RAD", "UAF", "COP", "SPY", "CRM")


def is_armed(actor: Actor) -> bool:
    code = actor.code or ""
    role = code[3:6] if len(code) >= 6 else code
    return role in ARMED_ROLES or (len(code) == 3 and code == actor.country)  # a state itself


# Sources that pay no visits and hold no talks: unnamed gunmen, criminals, private people.
PRIVATE_ROLES = ("UAF", "CRM", "CVL")


def is_private(actor: Actor) -> bool:
    code = actor.code or ""
    return (code[3:6] if len(code) >= 6 else code) in PRIVATE_ROLES


# A protest lodged by a state, a government or an international body is an official
# complaint (114), not a demonstration (141): "Pakistan summoned the envoy to protest".
PROTEST, OFFICIAL_COMPLAINT = "141", "114"
RIOT = "145"
# Words for a crowd in the street: its violence is a riot or a violent protest.
CROWD_WORDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "marcher"})


# Words for irregular forces: coded as armed forces (MIL), but their violence is assault.
MILITIA_WORDS = frozenset({"militia", "militiaman", "militiamen", "militias", "paramilitary", "paramilitaries"})


def militia(source: Actor | None) -> bool:
    """The source is named as a militia or paramilitaries, not as a state's regular forces."""
    return source is not None and any(w.lower().strip(".,") in MILITIA_WORDS for w in source.text.split())


def crowd(source: Actor | None) -> bool:
    """The source is named as a crowd ("protesters", "an angry mob"), not as a party."""
    if source is None or not source.text:
        return False
    last = source.text.split()[-1].lower().rstrip(".,")
    return last in CROWD_WORDS or (last.endswith("s") and last[:-1] in CROWD_WORDS)


def official_protest(token: Token, source: Actor | None) -> bool:
    if token.lemma_.lower() != "protest" or source is None or not source.code:
        return False
    code = source.code
    return code.startswith("IGO") or role(source) == "GOV" or (len(code) == 3 and code == source.country)


# "strike" of civilians is a stoppage of work (143), never an air strike (195).
AIR_STRIKE, LABOUR_STRIKE = "195", "143"
STRIKE_NOUNS = frozenset({"strike"})


def walkout(token: Token, source: Actor | None) -> bool:
    """"the strike by judicial employees", "the teachers' strike": a strike whose doers are
    civilians (workers, judges, doctors, journalists) is a labour strike."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in STRIKE_NOUNS and role(source) in CIVILIAN_ROLES


def role(actor: Actor | None) -> str | None:
    if actor is None or not actor.code:
        return None
    code = actor.code
    return code[3:6] if len(code) >= 6 else code


REBEL_ROLES = ("REB", "INS", "RAD")


def one_sided(source: Actor | None, target: Actor | None) -> bool:
    if role(target) in CIVILIAN_ROLES:
        # a state's armed forces use military force (19) whoever it strikes: "the army's
        # artillery pounded the suburbs, killing 14 civilians" is a shelling, not an assault
        return role(source) not in STATE_ARMED_ROLES or militia(source)

    return role(source) in IRREGULAR_ROLES and role(target) not in FIGHTING_ROLES


def both_fight(source: Actor | None, target: Actor | None) -> bool:
    """Armed parties on both sides ("security forces killed six insurgents")."""
    return role(source) in FIGHTING_ROLES and role(target) in FIGHTING_ROLES


def state_force(actor: Actor | None) -> bool:
    """A state's armed forces ("Russian aircraft", "Serb forces")."""
    return role(actor) == "MIL"


def specific_violence(code: str) -> bool:
    """A violent code that says how ("183" bombing, "195" air strike), not only that
    someone was attacked (190, 180) or killed (1823)."""
    return code[:2] in VIOLENT_ROOTS and code not in (GENERIC_FORCE, GENERIC_ASSAULT) and code not in TOLL_ASSAULTS
