"""Who takes part in an act beyond what its verb's subject and object give.

The victim of "X was the target of attacks", the foe of "wounded in a clash with
guerrillas", the act a killing happened in ("killed in clashes"), people named by
their role or nationality alone (of the place where they act, civilians of their
country), a crowd named by its count ("thousands marched"), the party spoken to, and the
objects that are no victims ("kill the deal") or the sides themselves ("each other").
`coder.py` applies them.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..records import Actor
from .merge import TOLL_LEMMAS
from .roles import CIVILIAN_ROLES
from .sides import role_of

if TYPE_CHECKING:
    from .arguments import Argument


def inanimate_object(token: Token, *, counted: bool = True) -> bool:
    """The verb's object (or passive subject) is a thing ("kill the deal"), not a victim.
    `counted`: a bare plural stands for people ("killed dozens"); without it, only a
    count, a pronoun or a name the parser gives does ("released 12 prisoners", not
    "released security patches")."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return False
    if obj.pos_ in ("PRON", "NUM") or obj.ent_type_ in ("PERSON", "NORP", "CARDINAL") or obj.like_num:
        return False  # "a second was injured": a count or an ordinal stands for people
    if any(c.dep_ == "nummod" for c in obj.children):
        return False  # "killed 14 soldiers"
    if obj.pos_ == "PROPN" and obj.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False  # "Carmen Luz Herrera was killed": a name the model does not tag stands for a person
    if counted:
        return obj.tag_ not in ("NNS", "NNPS")  # "killed dozens"
    return obj.ent_type_ not in ("ORG", "GPE") and not any(
        c.ent_type_ in ("PERSON", "NORP", "CARDINAL") for c in obj.children)


# Quantities that count no one: "untold villagers", "thousands of farmers".
VAGUE_QUANTITIES = frozenset({"countless", "many", "numerous", "innumerable", "untold", "scores", "hundreds",
                              "thousands", "dozens", "tens", "millions"})


def reciprocal(verb: Token) -> bool:
    """The act's object is "each other" or "one another"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "pobj", "prep"):
            nouns = [child] if child.dep_ != "prep" else [g for g in child.children if g.dep_ == "pobj"]
            for noun in nouns:
                words = {t.lower_ for t in noun.subtree}
                if {"each", "other"} <= words or {"one", "another"} <= words:
                    return True
    return False


# People named by their role alone who belong to the place where they act or are acted on:
# civilians, the police, protesters, rebels and insurgents ("In Srinagar, police fired tear
# gas at protesters", "killed 11 insurgents in raids around Baquba").
LOCAL_ROLES = CIVILIAN_ROLES + ("COP", "OPP", "REB", "INS")


def local_people(argument: "Argument", country: str) -> "Argument":
    """People named by their role alone (`LOCAL_ROLES`: "40 people", "residents", "police")
    who act or are acted on in a place of `country` are of that country, not of the
    article's main one."""
    actor, mention = argument.actor, argument.mention
    code = actor.code or ""
    if mention.kind != "role" or not actor.country or actor.country == country or not code.startswith(actor.country):
        return argument
    role = code[len(actor.country):]
    if role not in LOCAL_ROLES:
        return argument
    moved = dataclasses.replace(actor, code=country + role, country=country)
    return dataclasses.replace(argument, actor=moved, mention=dataclasses.replace(mention, actor=moved))


def killed_in(verb: Token) -> list[Token]:
    """"were killed in clashes", "died during an air raid": the nouns of the act a killing,
    a wounding or a death happened in."""
    if verb.lemma_.lower() not in KILLED_IN_LEMMAS:
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
            for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]


KILLED_IN_LEMMAS = frozenset({"kill", "wound", "injure", "die"})


# Roles that are no party one consults: the press, bystanders.
NOT_ADDRESSEES = frozenset({"MED", "CVL"})


def addressed_party(verb: Token, targets: Sequence["Argument"]) -> bool:
    """"Spoke to the national security advisers of India and Pakistan": a party as the one
    spoken to (not "spoke to reporters"), and the verb governing no clause of what was said
    ("spoke to them about ..." is consulting; "spoke to say ..." is saying)."""
    if any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children):
        return False
    return any(role_of(a.actor) not in NOT_ADDRESSEES for a in targets)


# Words that count a crowd: the vague quantities ("thousands marched", "hundreds protested")
# and their singulars ("about a thousand gathered").
CROWD_COUNTS = VAGUE_QUANTITIES | {"thousand", "hundred", "dozen", "million"}


def counted_crowd(verb: Token) -> Token | None:
    """"Thousands marched in the capital on Saturday against the crackdown", "about 5,000
    protested outside parliament": a crowd named by its number alone, the subject of a
    protest; its people are the place's civilians (the coder gives them its country)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in CROWD_COUNTS or subject.like_num and not any(c.dep_ == "prep" for c in subject.children):
        return subject
    return None


# Verbs that make their subject what the complement names: "was the target of attacks".
COPULAS = frozenset({"be", "become", "remain"})


def sufferer(token: Token, is_patient: Callable[[str], bool], *, undergone: bool = False) -> Token | None:
    """The subject of "X was the target (victim) of <act>": the act's target. Through a
    compound ("the victim of an assassination attempt"). With `undergone` (the trigger
    row's flag: "came under fire"), the subject of the verb suffers the act it names."""
    if undergone:
        return next((c for c in token.children if c.dep_ == "nsubj"), None)
    noun = token.head if token.dep_ == "compound" else token
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    patient = noun.head.head
    if not is_patient(patient.lemma_.lower()) or patient.dep_ != "attr" or patient.head.lemma_.lower() not in COPULAS:
        return None
    return next((c for c in patient.head.children if c.dep_ == "nsubj"), None)


def fought_with(verb: Token, is_fight: Callable[[Token], bool]) -> Token | None:
    """"Two policemen were wounded in a clash with guerrillas": whoever the victims fought is
    who hurt them. The party after "with" of the fight the toll verb happened in."""
    if verb.lemma_.lower() not in TOLL_LEMMAS:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for fight in prep.children:
            if fight.dep_ in ("pobj", "pcomp") and is_fight(fight):
                party = next((c for c in fight.children if c.dep_ == "prep" and c.lower_ == "with"), None)
                found = next((g for g in party.children if g.dep_ == "pobj"), None) if party is not None else None
                if found is not None:
                    return found
    return None


# Acts done to people (assault, abduction, killing, mass killing): their victims are people.
PEOPLE_ROOTS = ("18", "20")


def people_of_a_country(code: str, arguments: list["Argument"]) -> list["Argument"]:
    """The victims of an act done to people, named by nationality alone or with a noun that
    names no role ("killed five Colombian magistrates", "kidnapped two Dutch surveyors",
    "three Canadians were shot"): civilians of that country, not the country itself (a state
    is not killed or kidnapped)."""
    if not code.startswith(PEOPLE_ROOTS):
        return arguments
    out = []
    for argument in arguments:
        actor = argument.actor
        if argument.mention.kind == "demonym" and actor.code and actor.code == actor.country:
            actor = Actor(text=actor.text, name=actor.name, code=f"{actor.country}CVL", country=actor.country)
            argument = dataclasses.replace(argument, actor=actor)
        out.append(argument)
    return out
