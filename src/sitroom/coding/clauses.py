"""How an act is told in its sentence: in a headline, in passing, again, and with which verbs.

A headline's past participle is a passive ("Driver shot at fuel station"); an act told in
a subordinate or describing clause is a circumstance of the sentence's news; an act named
with "the", an agreement named with "the" or a possessive, or an act a time starts from
("since the coup") was told before; an item after a semicolon belongs to the object of the
sentence's first part; and the verbs that describe, tell the happening of, join or share
the time of an act give it their day. `coder.py` and `trigger_filters.py` apply them.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..records import Actor
from ..resolve.dates import WEEKDAYS
from .authorities import ARREST_CODE
from .merge import TOLL_LEMMAS
from .roles import VIOLENT_ROOTS
from .syntax import definite, has_own_subject, only_verb
from .triggers import Trigger
from .when import EventDate


# Clause links under which an act is told in passing, not as the sentence's news.
SUBORDINATE_DEPS = ("relcl", "advcl", "acl", "pcomp")


def headline_passive(trigger: Trigger) -> bool:
    """A violent verb in a headline, in the past form, with a subject and no object ("Driver
    shot and killed at fuel station", "Boy shot outside school dies"): headlinese for the
    passive, whose subject was struck."""
    token = trigger.token
    if trigger.rule.code[:2] not in VIOLENT_ROOTS or token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN"):
        return False
    if not trigger.rule.targets or trigger.rule.targets[0][0] != "dobj":
        return False
    verb = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token
    children = list(token.children) + (list(verb.children) if verb is not token else [])
    if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass") for c in token.children):
        return False
    if token.dep_ == "acl":
        return True  # "Boy shot outside school dies": the participle describes its victim
    return any(c.dep_ == "nsubj" for c in children)


def re_mention(trigger: Trigger, source: Actor | None, place: object | None, violent: bool, when: EventDate,
                governed: bool) -> bool:
    """`governed`: the noun is what another act is about ("claimed the assault on Monday",
    "condemned the attack"), so a date in that clause is the other act's."""
    token = trigger.token
    if definite(token):  # "the assault", "this attack": a re-mention
        return when.mention is None or when.inferred or governed
    if violent and source is None and token.pos_ == "VERB" and (when.mention is None or when.inferred):
        # "the drone hit the market shortly after midday": a weapon named with "the", doing
        # the act with no day of its own, is the one the article told of before
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "NOUN" and definite(subject) \
                and subject.lemma_.lower() in WEAPON_NOUNS:
            return True
    return violent and source is None and place is None and token.lemma_.lower() in TOLL_LEMMAS


# Weapons that news names as the doer of a strike ("the drone hit", "the missile struck").
WEAPON_NOUNS = frozenset({"drone", "missile", "rocket", "bomb", "shell", "mortar", "strike", "airstrike",
                          "blast", "explosion", "shelling", "car", "truck", "vehicle", "device"})


def subordinate(trigger: Trigger) -> bool:
    token = trigger.light if trigger.light is not None else trigger.token
    for _ in range(6):
        if token.dep_ in SUBORDINATE_DEPS:
            return True
        if token.head == token or token.dep_ in ("ROOT", "ccomp", "parataxis"):
            return False
        token = token.head
    return False


# Links through which a word belongs to the clause of the verb above it.
CLAUSE_LINKS = ("dobj", "pobj", "prep", "xcomp", "conj", "pcomp", "attr")


def in_a_describing_clause(trigger: Trigger) -> bool:
    """The act is told in a clause that describes a noun: "the Council, meeting in emergency
    session, demanded ...", "Japan, which hosted the Tokyo talks, urged ...", "Shultz, who
    flew to New York for the vote, called ...": a circumstance of the sentence's news."""
    token = trigger.light if trigger.light is not None else trigger.token
    for _ in range(5):
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            return True
        if token.dep_ not in CLAUSE_LINKS or token.head == token:
            return False
        token = token.head
    return False


def describes_a_noun(trigger: Trigger) -> bool:
    """"civilians accused of collaborating", "talks hosted by Switzerland": a participle that
    describes a noun names no act of its own (violent ones do: "a bomb planted by X"). Not
    the only verb of a sentence whose root is the noun: "China, Pakistan's closest ally,
    called on both countries to ..." is the parse's misreading of a finite verb."""
    token = trigger.token
    return (token.dep_ == "acl" and token.tag_ == "VBN" and trigger.rule.code[:2] not in VIOLENT_ROOTS
            and not (token.head.dep_ == "ROOT" and only_verb(token)) and not dated_arrest(trigger))


def dated_arrest(trigger: Trigger) -> bool:
    """"a man arrested at a checkpoint on Saturday": an arrest told by a participle with a
    day of its own (said on the participle, not on a noun of its phrase) is news, as a
    finite one is (not "the 64 people arrested in Nairobi", people named by an arrest told
    before)."""
    token = trigger.token
    return (trigger.rule.code.startswith(ARREST_CODE) and token.dep_ == "acl" and token.tag_ == "VBN"
            and any(t.ent_type_ == "DATE" and (t.head == token or t.head.head == token) for t in token.subtree))


# Agreements (a signed agreement, a ceasefire), named with "the" or a possessive.
AGREEMENT_CODES = frozenset({"057", "0871"})


def refers_to_an_agreement(trigger: Trigger) -> bool:
    """"a flagrant violation of the November 2024 truce", "the committee monitoring the
    truce", "under its deal with Kyiv": an agreement named with "the" or a possessive is
    one made before, not news of this report, unless it is what the clause tells of ("the
    truce took hold on Monday"). "agreed to a truce" is handled as the agreement's content."""
    token = trigger.token
    if token.pos_ not in ("NOUN", "PROPN") or trigger.rule.code not in AGREEMENT_CODES:
        return False
    if token.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "that", "this")) for c in token.children)


def since_act(noun: Token) -> bool:
    """"present in the region since the Spanish invasion", "since the coup": an act named
    as the start of a time is a landmark told before, not the day's act (background). An act
    named with its own weekday ("the toll since Wednesday's invasion") is the week's act whose
    toll the story tells: the news, on its day."""
    while noun.dep_ == "conj":
        noun = noun.head
    if any(c.dep_ == "poss" and c.lower_ in WEEKDAYS for c in noun.children):
        return False
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "since"


def listed_object(noun: Token) -> Token | None:
    """A noun phrase that stands alone after a semicolon, in a sentence whose first part has
    an object ("let us recall the bombing of the airliner; the explosion at the police
    station; the murder of reporters"), is one more item of that object: the first part's
    object. (The parse joins such items anywhere: to the verb, or as the sentence's root.)"""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    sent = noun.sent
    semicolons = [t.i for t in sent if t.text == ";"]
    before = [i for i in semicolons if i < noun.i]
    if not before:
        return None
    start, end = before[-1] + 1, next((i for i in semicolons if i > noun.i), sent.end)
    if noun.head != noun and start <= noun.head.i < end:
        return None  # not the head of its item: "the town the army shelled"
    return next((t for t in sent if t.i < semicolons[0] and t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN")),
                None)


def describing_verbs(token: Token) -> list[Token]:
    """Verbs of clauses that describe a noun trigger ("a bomb planted on Monday")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    return [c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]


def happening_verbs(token: Token, is_happening: Callable[[str], bool]) -> list[Token]:
    """The verb a noun trigger is the subject of, when it tells how the act came about or
    what it left ("the ambush left 26 soldiers dead on Tuesday", "the attack took place on
    Monday"): a day said on that verb is the act's."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ != "nsubj":
        return []
    head = token.head
    return [head] if head.pos_ == "VERB" and is_happening(head.lemma_.lower()) else []


def joined_verbs(token: Token) -> list[Token]:
    """Verbs joined to a verb trigger that share its subject ("were arrested and charged on
    Saturday"): a day said once after the last of them is the day of each."""
    if token.pos_ != "VERB":
        return []
    joined = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        joined.append(token.head)
    return [v for v in joined if not has_own_subject(v) or v is token.head]


# Conjunctions of a clause that happened at the same time as the clause it hangs from.
AT_THE_TIME = frozenset({"when", "as", "while"})


def at_the_time_of(token: Token) -> list[Token]:
    """"14 people were killed when a suicide bomber blew himself up on Saturday": the verb
    of a "when" (or "as", "while") clause on a verb trigger, or the verb such a clause of
    the trigger hangs from, happened at the same time; a day said on one is the other's.
    So did what the doer did just before it ("after stopping their convoy on Wednesday")."""
    if token.pos_ != "VERB":
        return []
    out = [c for c in token.children if c.dep_ == "advcl" and c.pos_ == "VERB" and _of_the_same_time(c)]
    bare_participle = token.tag_ == "VBG" and not any(m.dep_ == "mark" for m in token.children)
    if token.dep_ == "advcl" and token.head.pos_ == "VERB" and (_of_the_same_time(token) or bare_participle):
        out.append(token.head)  # (a bare participle too: "gathered on Wednesday, calling for ...")
    # "abducted four aid workers after stopping their convoy on Wednesday": what the doer
    # did just before, told by a gerund after "after"
    out += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "after"
            for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    return out


def _of_the_same_time(clause: Token) -> bool:
    return any(m.dep_ in ("advmod", "mark") and m.lower_ in AT_THE_TIME for m in clause.children)
