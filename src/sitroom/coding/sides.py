"""Who is on which side of a fight: rules of English and of news writing that keep combat
between armed parties from being read as an attack on no one or on bystanders.

- `foes_of_one_kind`: "our troops are attacking army posts": an act of violence done
  by one armed party to another named by a different word is done to someone else, even
  when the knowledge gives both the same code (the speaker's "our forces" are not the army
  they attack).
- `describing_conjunct`: "troops killed Juan Perez, considered the rebels' leader": a
  participle set off by a comma after the object, with no subject of its own, says what
  the object is, even where the parse joins it to the verb as a second act.
- `taken_ground`, `state_ground`, `as_state`: ground is taken from whoever held it
  ("occupied positions held by the police"); a state's own territory is the state
  ("entered Honduran territory").
- `fallen_in`, `armed_sides`: the dead of a fight, named by the sides they fell on, are its
  sides ("two policemen and three rebels were killed in clashes").
- `repelled_by`: who repels an attack is its target ("the police repelled the attack").
- `against_attackers`: "commandos killed the last gunmen", "security forces killed eleven
  of the attackers": a state's forces using force on armed attackers fight them (19).
- `attackers_named`: "armed men killed 40 villagers; the ministry blamed the Front and said
  troops had killed nine of the attackers": the attackers, told again by a definite noun as
  the foes of a state's forces, are the armed group the article named as the doers.
- `speakers_own`: "the military command said its forces had fired only at guerrilla
  positions": the forces a speaker calls its own in what it says are the speaker's.
- `own_forces_did`: "three militants had been shot dead, the head of the security forces
  told reporters": a state's forces telling of armed foes killed by no one they name tell
  of their own deed.
- `unowned_platform`: "jets struck militant hideouts overnight, the military said": a
  state's armed forces telling of strikes by aircraft or ships they do not name as anyone's
  tell of their own.
- `both_addressed`, `address_both`: "urged both countries to show restraint", "called on
  the two sides to respect the truce": an act addressed to both sides of the article's
  conflict is addressed to each of them, one event each; with no fight that names a pair,
  the sides are the two parties that trade hostile acts (accusations, threats).
- `addressed_apart`: one of several addressees named by another word than the speaker is
  another party, even where the knowledge gives both one code ("the mediator appealed to
  the government and the rebels").
- `state_kills_fighters`: "Eritrean units had killed more than 1,500 Ethiopian soldiers": a
  state (or its government) killing another side's soldiers or fighters fights them (19).
- `repelled_told_before`: "the junta said on Tuesday that the army had repelled the attack":
  the defender's account of an attack told before is of that attack's day and doer.

Each is a test on tokens or actors; `coder.py` and `arguments.py` apply them
(docs/knowledge-events.md lists them, tests/test_sides.py shows each on sentences of our
own).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from spacy.tokens import Doc, Token

from ..records import Actor, ActorMention
from .merge import FIGHT_ROOT, VIOLENT_ROOTS, one_side, places_agree
from .syntax import subject_of

if TYPE_CHECKING:
    from .draft import Draft


class Party(Protocol):
    """What these rules read of an argument (`arguments.Argument`): its actor and mention."""

    @property
    def actor(self) -> Actor: ...

    @property
    def mention(self) -> ActorMention: ...


P = TypeVar("P", bound=Party)

# Roles of parties that bear arms in a fight (a state's forces, rebels, police, spies).
FIGHTING_ROLES = ("MIL", "REB", "INS", "RAD", "COP", "SPY")


def role_of(actor: Actor) -> str:
    code = actor.code or ""
    return code[3:6] if len(code) >= 6 else code


def foes_of_one_kind(source: Actor | None, target: Actor | None) -> bool:
    """Two armed parties of one code named by different words ("our forces" attacking
    "army positions", "rebels" fighting "a rival guerrilla column"): the target is another
    party, not the source acting on itself."""
    if source is None or target is None or not source.code or source.code != target.code:
        return False
    if role_of(source) not in FIGHTING_ROLES:
        return False
    return _words(source) != _words(target)


def addressed_apart(source: Actor | None, target: Actor | None, addressees: int) -> bool:
    """"The mediator appealed to the government and the rebels": an act addressed to a list
    is addressed to each party on it; one named by another word than the source is not the
    source addressing itself, whatever code the knowledge gives both."""
    if addressees < 2 or source is None or target is None or not source.code or source.code != target.code:
        return False
    return _words(source) != _words(target)


def _words(actor: Actor) -> str:
    return " ".join((actor.text or actor.name).casefold().split()).removeprefix("the ")


def describing_conjunct(head: Token, describing: frozenset[str]) -> Token | None:
    """"killed Juan Perez, considered the rebels' leader": the parse may join the participle
    to the verb ("killed ... , considered") as if the killers considered something, or hang
    it from the verb as an adverbial clause. A verb
    of `describing` lemma right after a comma that closes the object, with no subject of its
    own, describes the object: its predicate noun is returned."""
    verb = head.head
    if head.dep_ not in ("dobj", "nsubjpass") or verb == head:
        return None
    doc = head.doc
    comma = head.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for conj in verb.children:
        if conj.dep_ not in ("conj", "advcl") or conj.i != comma + 1 or conj.lemma_.lower() not in describing:
            continue
        if conj.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        return next((c for c in conj.children if c.dep_ in ("oprd", "attr", "dobj")), None)
    return None


# CAMEO's occupation of territory: a seizure of ground (192).
OCCUPY_CODE = "192"
# Nouns for a state's ground as such: "entered Honduran territory" is aimed at the state.
STATE_GROUND = frozenset({"territory", "soil", "airspace", "waters"})


def taken_ground(verb: Token) -> Token | None:
    """The ground a verb of seizure takes: its object, or its passive subject ("positions
    held by the police were overrun")."""
    if verb.pos_ != "VERB":
        return None
    ground = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if ground is None and any(c.dep_ == "auxpass" for c in verb.children):
        ground = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return ground


def state_ground(ground: Token) -> list[Token]:
    """"Salvadoran troops entered Honduran territory", "violated the country's airspace":
    ground named as a state's own (`STATE_GROUND`) is the state's: the tokens that name
    whose it is (an adjective, a compound or a possessor)."""
    if ground.lemma_.lower() not in STATE_GROUND:
        return []
    return [c for c in ground.children if c.dep_ in ("amod", "compound", "poss", "nmod")]


def the_fallen(toll_verb: Token) -> Token | None:
    """Who a toll verb says fell: the subject of "died", the object or passive subject of
    "killed" and "wounded" ("two policemen and three rebels were killed")."""
    if toll_verb.lemma_.lower() == "die":
        return next((c for c in toll_verb.children if c.dep_ == "nsubj"), None)
    fallen = next((c for c in toll_verb.children if c.dep_ == "dobj"), None)
    if fallen is None and any(c.dep_ == "auxpass" for c in toll_verb.children):
        fallen = next((c for c in toll_verb.children if c.dep_ == "nsubjpass"), None)
    return fallen


# Verbs that tell who fell in a fight: "died in clashes", "were killed during the fighting".
FALLING_LEMMAS = frozenset({"die", "kill", "wound", "injure"})


def fallen_in(fight: Token, helpers: Sequence[Token] = ()) -> list[Token]:
    """Who fell in a fight: the fallen of the toll verbs folded into it (`helpers`: "the
    clashes killed 12 soldiers") and of the verb it is the "in"/"during" phrase of ("110
    rebels died during the fighting")."""
    verbs = list(helpers)
    prep = fight.head
    if fight.dep_ == "pobj" and prep.lower_ in ("in", "during") and prep.head.lemma_.lower() in FALLING_LEMMAS:
        verbs.append(prep.head)
    return [f for v in verbs if (f := the_fallen(v)) is not None]


def armed_sides(fallen: list[P]) -> list[P] | None:
    """"Three policemen and five guerrillas were killed in clashes", "110 rebels died during
    the fighting": the dead of a fight, named by the sides they fell on, are its parties.
    The distinct armed sides (by role), when every one of the fallen bears arms; None when
    any is a bystander (civilians killed in a fight are its victims, not a side)."""
    if not fallen or any(role_of(a.actor) not in FIGHTING_ROLES for a in fallen):
        return None
    out: list[P] = []
    for argument in fallen:
        if all(role_of(o.actor) != role_of(argument.actor) for o in out):
            out.append(argument)
    return out


def repelled_by(noun: Token, is_repelling: Callable[[str], bool]) -> Token | None:
    """"The police repelled a three-hour attack by rebels", "soldiers withstood the
    assault": who repels an act (frame `repel`) is its target; the verb's subject."""
    if noun.dep_ != "dobj" or not is_repelling(noun.head.lemma_.lower()):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


# Mentions that name a state ("Honduran", "Honduras", "Honduras's").
STATE_KINDS = frozenset({"country", "demonym"})


def as_state(argument: P) -> P | None:
    """The state an argument names by its name or demonym, as the state itself (its
    country's code)."""
    country = argument.actor.country
    if argument.mention.kind not in STATE_KINDS or not country:
        return None
    state = Actor(text=argument.actor.text, name=country, code=country, country=country)
    return dataclasses.replace(argument, actor=state, mention=dataclasses.replace(argument.mention, actor=state))


# A modifier that names whose a platform is ("Russian jets", "its gunboats", "enemy aircraft").
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "prep", "appos", "relcl", "acl"})


def unowned_platform(verb: Token, is_platform: Callable[[str], bool]) -> Token | None:
    """"Jets struck militant hideouts overnight, killing 57 fighters, the military said":
    the bare subject of an act that names a weapon platform (frame `platform`: jets,
    warplanes, helicopters, gunboats) and no owner. A state's forces (or its defence
    ministry) telling of such a strike tell of their own, as the navy saying "gunboats
    fired on the smugglers" does; `coder` gives the act to the teller only then (what
    residents, rebels or a health ministry say of unnamed jets is someone else's strike)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is not None and subject.dep_ == "agent":
        subject = next((g for g in subject.children if g.dep_ == "pobj"), None)
    if subject is None or not is_platform(subject.lemma_.lower()):
        return None
    if any(c.dep_ in OWNER_DEPS and not _kind_of_platform(c, is_platform) for c in subject.children):
        return None
    return subject


def _kind_of_platform(modifier: Token, is_platform: Callable[[str], bool]) -> bool:
    """"helicopter gunships", "fighter jets", "air force jets": a common noun before the
    platform says what kind it is, not whose ("Saudi jets", "the army's helicopters" do)."""
    return modifier.dep_ == "compound" and (is_platform(modifier.lower_) or modifier.pos_ == "NOUN"
                                            and modifier.ent_type_ not in ("NORP", "GPE", "ORG"))


def armed_teller(actor: Actor | None) -> Actor | None:
    """A state's armed forces as the teller of a report ("the military said", "the army
    said"): the forces, by code; None for anyone else."""
    return actor if actor is not None and actor.country and role_of(actor) == "MIL" else None


# Nouns that name the two sides of a conflict as "both X" or "the two X".
BOTH_NOUNS = frozenset({"side", "party", "leader", "rival", "belligerent", "camp", "army", "faction"})
# Of them, the ones that name the two sides as states.
BOTH_STATES = frozenset({"country", "nation", "government", "capital", "neighbour", "neighbor", "state"})
# Prepositions an addressee follows ("called on", "appealed to", "restraint from").
ADDRESS_PREPS = frozenset({"on", "to", "from", "with", "for", "upon"})


def both_addressed(verb: Token) -> str | None:
    """"Urged both countries to show restraint", "called on both sides to respect the
    truce", "appealed to the two leaders", "called for restraint from both": the act is
    addressed to both sides of the conflict. "states" when they are named as states,
    "sides" otherwise; None when the act names no such pair."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    nouns += [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ADDRESS_PREPS
              for g in c.children if g.dep_ == "pobj"]
    nouns += [g for n in list(nouns) for c in n.children if c.dep_ == "prep" and c.lower_ == "from"
              for g in c.children if g.dep_ == "pobj"]  # "called for restraint from both countries"
    for noun in nouns:
        if noun.lower_ == "both" and not list(noun.children):
            return "sides"  # "called on both to exercise restraint"
        lemma = noun.lemma_.lower()
        if lemma not in BOTH_NOUNS | BOTH_STATES or noun.tag_ not in ("NNS", "NNPS"):
            continue
        paired = any(c.lower_ == "both" for c in noun.children if c.dep_ in ("det", "predet", "preconj")) or (
            any(c.lower_ == "two" for c in noun.children if c.dep_ == "nummod")
            and any(c.lower_ == "the" for c in noun.children if c.dep_ == "det"))
        if paired:
            return "states" if lemma in BOTH_STATES else "sides"
    return None


def address_both(drafts: list["Draft"]) -> list["Draft"]:
    """Drafts addressed to both sides (`Draft.both_sides`) with no target, each replaced by
    one per side: the two parties of the article's acts of violence, the pair told most
    often (the first told on a tie), as states when the act named them so; a draft whose
    article has no such pair keeps no target."""
    if not any(d.both_sides and d.target is None for d in drafts):
        return drafts
    out: list["Draft"] = []
    for draft in drafts:
        pair = _two_sides(drafts, draft.both_sides == "states") if draft.both_sides and draft.target is None else None
        if pair is None:
            out.append(draft)
            continue
        out.extend(dataclasses.replace(draft, target=side, anchors=set(draft.anchors)) for side in pair
                   if draft.source is None or side.code != draft.source.code)
    return out


# CAMEO roots of hostile acts short of force: disapproval, rejection, threats, protest, a
# display of force, cut ties, coercion. Two parties that trade them are the two sides of an
# article whose fighting names no pair ("Eritrea accused Djibouti of hostile acts").
HOSTILE_ROOTS = ("11", "12", "13", "14", "15", "16", "17")


def _two_sides(drafts: Sequence["Draft"], states: bool) -> tuple[Actor, Actor] | None:
    return (_most_told_pair(drafts, states, lambda d: d.violent)
            or _most_told_pair(drafts, states, lambda d: d.code.startswith(HOSTILE_ROOTS)))


def _most_told_pair(drafts: Sequence["Draft"], states: bool,
                    counted: Callable[["Draft"], bool]) -> tuple[Actor, Actor] | None:
    counts: dict[tuple[str, str], int] = {}
    actors: dict[str, Actor] = {}
    for draft in drafts:
        if not counted(draft) or draft.historical or draft.source is None or draft.target is None:
            continue
        ends = []
        for actor in (draft.source, draft.target):
            if states:
                if not actor.country:
                    break
                actor = Actor(text=actor.country, name=actor.country, code=actor.country, country=actor.country)
            if not actor.code:
                break
            ends.append(actor)
        if len(ends) != 2 or ends[0].code == ends[1].code:
            continue
        key = tuple(sorted(a.code for a in ends))
        counts[key] = counts.get(key, 0) + 1
        for actor in ends:
            actors.setdefault(actor.code, actor)
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # (dicts keep order: the first told wins a tie)
    return actors[best[0]], actors[best[1]]


# A state's own armed bodies: its army and its police.
STATE_FORCE_ROLES = ("MIL", "COP")
# Unnamed armed attackers ("gunmen", "the attackers", "armed men"): armed, whoever sent them.
ATTACKER_ROLES = ("UAF",)
# Armed foes of a state's forces: rebels, insurgents, radicals, unnamed gunmen.
FOE_ROLES = ("REB", "INS", "RAD") + ATTACKER_ROLES


def _state_side(actor: Actor | None) -> bool:
    """A state's army or police, or the state named by its name or demonym ("Indian
    commandos": the commandos are India's)."""
    if actor is None or not actor.code:
        return False
    return role_of(actor) in STATE_FORCE_ROLES or (len(actor.code) == 3 and actor.code == actor.country)


def against_attackers(source: Actor | None, target: Actor | None) -> bool:
    """"Commandos killed the last gunmen holed up in the hotel", "security forces killed
    eleven of the attackers": a state's forces using force on armed attackers fight an armed
    side (19); it is no assault (18) on people."""
    return target is not None and role_of(target) in ATTACKER_ROLES and _state_side(source)


# A state's voice that fights through its forces: the state itself and its government
# ("Eritrean units killed 1,500 soldiers": the units are the state's).
STATE_AT_WAR_ROLES = ("GOV",)


def state_kills_fighters(source: Actor | None, target: Actor | None) -> bool:
    """"Eritrean units had killed more than 1,500 Ethiopian soldiers", "the ministry said its
    units had pulled back after killing 7,000 soldiers": a state (named by its name or its
    government) killing another side's soldiers or fighters fights them (19); killing armed
    foes in a war is no assault (18) on people."""
    if source is None or target is None or not source.code or not source.country:
        return False
    state = source.code == source.country or role_of(source) in STATE_AT_WAR_ROLES
    return state and role_of(target) in FIGHTING_ROLES


def own_forces_did(verb: Token, teller: Actor | None, foes: Sequence[Party]) -> Actor | None:
    """"Three militants had been shot dead inside, the head of the security forces told
    reporters": a state's army or police telling, in a passive with no doer, of armed foes
    killed or shot tells of its own forces' deed; the teller, or None. Not when the clause
    names the act they fell in ("were killed in a drone strike": someone's strike) or a doer
    ("by a rival faction")."""
    if teller is None or not teller.country or role_of(teller) not in STATE_FORCE_ROLES:
        return None
    if not foes or any(role_of(f.actor) not in FOE_ROLES for f in foes):
        return None
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "during", "by")) for c in verb.children):
        return None
    return teller


# Roles of armed groups an article may name as the doers of its attack.
NAMED_DOER_ROLES = ("REB", "INS", "RAD")


def attackers_named(drafts: list["Draft"], doc: Doc) -> list["Draft"]:
    """"Armed men killed 40 villagers overnight; the ministry blamed the Liberation Front and
    said troops had killed nine of the attackers": "the attackers", a definite noun of unnamed
    attackers (`ATTACKER_ROLES`) as the target of a state's forces, tells again of the
    attackers told before; when the article named an armed group (rebels, insurgents,
    radicals) as the doer of an earlier act of violence, they are that group. A bare plural
    ("killed three gunmen") is someone not yet told of, and one a relative clause defines
    ("the gunmen who had robbed a bank") is told by that clause: both keep their code."""
    named: Actor | None = None
    out: list["Draft"] = []
    for draft in drafts:
        target = draft.target
        if (named is not None and draft.violent and not draft.historical and target is not None
                and role_of(target) in ATTACKER_ROLES and _definite(target) and _state_side(draft.source)
                and not _defined_by_a_clause(doc, draft.anchor, target)):
            draft = dataclasses.replace(draft, target=named, anchors=set(draft.anchors))
        source = draft.source
        if draft.violent and not draft.historical and source is not None and role_of(source) in NAMED_DOER_ROLES:
            named = source
        out.append(draft)
    return out


def _definite(actor: Actor) -> bool:
    return (actor.text or "").casefold().startswith("the ")


def _defined_by_a_clause(doc: Doc, anchor: int, target: Actor) -> bool:
    """"Police killed the gunmen who had robbed a bank": the target's noun, in the clause of
    the act at `anchor`, has a clause of its own that says who they are."""
    verb = next((t for t in doc if t.idx == anchor), None)
    words = (target.text or "").casefold().split()
    if verb is None or not words:
        return False
    return any(t.lower_ == words[-1] and any(c.dep_ in ("relcl", "acl") for c in t.children)
               for t in verb.subtree)


# Possessive pronouns, and whether each stands for a plural owner.
POSSESSIVES = {"its": False, "their": True}
# Roles of a state's own voice: its government, its forces, the state itself.
STATE_VOICE_ROLES = ("GOV", "MIL")


def speakers_own(argument: P, head: Token, speaker: Actor, verb: Token) -> P | None:
    """"The military command denied losing any tanks and said its forces had fired only at
    guerrilla positions": the armed body a speaker calls "its" (or "their") own in what it
    says is the speaker's (a state's voice owns its armed forces, a group its fighters),
    whatever party the sentence before named last. `head`: the argument's head noun,
    `verb`: the verb of saying; the argument as the speaker's, or None."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
    if poss is None or not speaker.code:
        return None
    if role_of(argument.actor) not in FIGHTING_ROLES and argument.mention.kind != "compound":
        # (a body named by its owner took the owner's code: "its fighters" of a government)
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > poss.i or poss.i < verb.i:
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if plural != POSSESSIVES[poss.lower_]:
        return None
    if speaker.country and (role_of(speaker) in STATE_VOICE_ROLES or speaker.code == speaker.country):
        code = f"{speaker.country}MIL"
    elif role_of(speaker) in FIGHTING_ROLES:
        code = speaker.code
    else:
        return None
    if code == argument.actor.code:
        return None
    actor = Actor(text=argument.actor.text, name=f"{speaker.name} {argument.actor.text}".strip(), code=code,
                  country=speaker.country)
    return dataclasses.replace(argument, actor=actor, mention=dataclasses.replace(argument.mention, actor=actor))


# Days a party's account of a fight may be told after it ("the junta said on Tuesday that
# the army had repelled the attack" of Sunday): dated by its telling, it is still that fight.
ACCOUNT_DAYS = 3


def repelled_told_before(drafts: list["Draft"], is_repelling: Callable[[str], bool]) -> list["Draft"]:
    """"Militants stormed an army camp on Sunday ... the junta said on Tuesday that the army
    had repelled the attack": who repels an attack (frame `repel`) tells its side of the
    attack told before, the same fight, not a fight of Tuesday. A repelling (19) whose doer
    is the side an earlier act of violence struck, whose foe (when named) is that act's
    doer, in the same place (or none), on its day or told by a party a few days after it,
    takes that act's day, and its doer as the foe when it named none or named unnamed
    attackers ("the assailants"). (It stays an event of its own: the defender's account, as
    the attacker's claim is.)"""
    for i, draft in enumerate(drafts):
        if (not is_repelling(draft.lemma) or draft.code[:2] != FIGHT_ROOT or draft.historical
                or draft.source is None):
            continue
        attack = next((m for m in reversed(drafts[:i]) if _repelled(m, draft)), None)
        if attack is None:
            continue
        draft.date, draft.date_precision = attack.date, attack.date_precision
        draft.date_inferred = draft.date_suspect = False
        if attack.source is not None and (draft.target is None or _unnamed_attackers(draft.target)):
            draft.target = attack.source  # "killed 20 of the assailants": the attackers told before
    return drafts


def _unnamed_attackers(actor: Actor) -> bool:
    return role_of(actor) in ATTACKER_ROLES


def _repelled(attack: "Draft", repelling: "Draft") -> bool:
    if attack.historical or attack.code[:2] not in VIOLENT_ROOTS or not one_side(attack.target, repelling.source):
        return False
    if (repelling.target is not None and attack.source is not None and not one_side(attack.source, repelling.target)
            and not _unnamed_attackers(repelling.target)):
        return False
    if not places_agree(attack.place, repelling.place):  # type: ignore[arg-type]
        return False
    if attack.date == repelling.date or repelling.date_inferred:
        return True
    return (repelling.modality == "claimed" and attack.date_precision == "day" and not attack.date_inferred
            and 0 <= _days(attack.date, repelling.date) <= ACCOUNT_DAYS)


def _days(earlier: str | None, later: str | None) -> int:
    """Days from one ISO day to another; -1 when either is not a day."""
    try:
        return (dt.date.fromisoformat((later or "")[:10]) - dt.date.fromisoformat((earlier or "")[:10])).days
    except ValueError:
        return -1
