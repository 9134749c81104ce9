"""Who did it and to whom: the source and target actors of a trigger.

Actor mentions come from the actor stage (`doc._.actors`); this module only decides which
of them fill which role, from the parse. A coordinated argument ("the United States,
France and Germany") yields one actor per conjunct, and so do coordinated modifiers of one
noun ("Saudi and Qatari officials": each country's), as the coding conventions give one
event per actor of a list; only an act of violence by or on such a noun is one joint act, of
the first country named ("Russian and Syrian planes struck").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import doc_text
from ..records import Actor, ActorMention
from ..resolve.actor_matching import SPONSOR_PARTICIPLES
from .sides import FIGHTING_ROLES, describing_conjunct, role_of
from .syntax import (RELATIVE_PRONOUNS, clause_top, conjuncts, controlled_patient, first_conjunct, is_passive,
                     named_object, own_tokens, passive_subject, subject_of, way_made)
from .triggers import Trigger, small_clause

VIOLENT_ROOTS = ("18", "19", "20")
# The role of private people: the possessor of an act of violence who is one is the one it
# befell ("the trader's kidnapping"), not its doer.
CIVILIAN_ROLE = "CVL"
# CAMEO's arrest or detention: its prisoner may be a person the knowledge does not know.
ARREST_CODE = "173"
# Which kinds of mention best stand for an argument, most specific first.
KIND_RANK = {
    "person": 0, "group": 0, "igo": 0, "title": 1, "pronoun": 1, "alias": 1, "compound": 1,
    "role": 2, "capital": 3, "country": 3, "demonym": 4,
}


@dataclass(frozen=True)
class Argument:
    actor: Actor
    mention: ActorMention
    token: Token


class ActorIndex:
    """Actor mentions of a document, looked up by token."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self.doc = doc
        self.by_token: dict[int, list[ActorMention]] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, []).append(mention)

    def in_tokens(self, tokens: Sequence[Token]) -> list[ActorMention]:
        seen: dict[tuple[int, int, str | None], ActorMention] = {}
        for token in tokens:
            for mention in self.by_token.get(token.i, []):
                seen.setdefault((mention.start, mention.end, mention.actor.code), mention)
        return sorted(seen.values(), key=lambda m: m.start)

    def at(self, token: Token) -> list[ActorMention]:
        return self.by_token.get(token.i, [])


# Nouns of a line between two countries: "the border with Mali" lies on this side too.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def across_border(token: Token) -> bool:
    """A word of the country named as the other side of a border ("near the border with
    Mali", "pushed towards the frontier with the Dominican Republic"): that country is
    neither the act's target nor its place; the border is as much the near country's."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ == "pobj" and ancestor.head.lower_ == "with" and ancestor.head.head.lemma_.lower() in BORDER_NOUNS:
            return True
        if ancestor.dep_ not in ("pobj", "compound", "amod", "det", "poss", "appos", "conj", "cc", "flat", "nmod"):
            return False
    return False


def actors_of(head: Token, index: ActorIndex, *, expand: bool = True) -> list[Argument]:
    """One argument per conjunct of `head` that names an actor (just `head` if not `expand`)."""
    out: list[Argument] = []
    # a second accused stands alone: what it is coordinated with belongs to the first charge
    expand = expand and not _gapped_in_charge(head)
    for conjunct in [*conjuncts(head), *_stray_conjuncts(head)] if expand else [head]:
        if conjunct != head and _gapped_in_charge(conjunct):
            continue  # "of torturing prisoners and the police of ...": the police are accused, not tortured
        members = _members(conjunct, index)
        if members:
            out.extend(members)
            continue
        best = _best(conjunct, [t for t in own_tokens(conjunct) if not across_border(t)], index)
        if best is not None:
            senders = _senders(conjunct, best, index)
            if senders:
                out.extend(senders)
                continue
            best = _with_possessor(best, conjunct, index)
            argument = Argument(actor=best.actor, mention=best, token=conjunct)
            # "Saudi and Qatari troops": one noun with coordinated modifiers names one party
            # per country
            out.extend([argument, *fellow_parties(argument, index)])
            continue
        described = _described_person(conjunct, index)
        if described is not None:
            out.append(described)
    return _unique(out)


# Prepositions that name who sends what a noun names: "calls from Amnesty", "an offer by Kenya".
SENDER_PREPS = frozenset({"from", "by"})


def _senders(head: Token, best: ActorMention, index: ActorIndex) -> list[Argument]:
    """"rejected calls from Amnesty International and from the French foreign ministry",
    "welcomed offers of help from Kenya and Uganda": a noun that names no actor of its own
    stands for each party of its coordinated "from" (or "by") phrase, one argument each, as
    the conventions code an act addressed to several parties; [] when the phrase names one."""
    if index.at(head):
        return []
    preps = _coordinated_preps([c for c in head.children if c.dep_ == "prep" and c.lower_ in SENDER_PREPS])
    objects = [g for prep in preps for g in prep.children if g.dep_ == "pobj"]
    listed = [n for pobj in objects for n in conjuncts(pobj)]
    if len(listed) < 2 or not any(pobj.left_edge.idx <= best.start < pobj.right_edge.idx + len(pobj.right_edge)
                                  for pobj in objects):
        return []
    return [a for pobj in objects for a in actors_of(pobj, index)]


# How the parser hangs a stray last member of a list on the verb.
STRAY_DEPS = frozenset({"dep", "dobj", "oprd"})


def _stray_conjuncts(head: Token) -> list[Token]:
    """"appealed to the government and LURD to respect the ceasefire": after "and" with no
    conjunct of its own, a name the parser hung higher up (on the verb, as `dep`, `dobj` or
    `oprd`) is the list's last member."""
    last = conjuncts(head)[-1]
    cc = next((c for c in last.children if c.dep_ == "cc" and c.i > last.i), None)
    if cc is None or any(c.dep_ == "conj" for c in last.children) or cc.i + 1 >= len(head.doc):
        return []
    stray = head.doc[cc.i + 1]
    stray = stray.head if stray.dep_ in ("det", "compound", "amod") and stray.head.i > stray.i else stray
    if (stray.dep_ not in STRAY_DEPS or stray.pos_ != "PROPN" or stray.left_edge.i != cc.i + 1
            or stray.head not in list(last.ancestors)):
        return []
    return [stray]


# Participles that say what a named person is: "X, considered the group's leader",
# "X, described as a rebel commander", "X, believed to be its treasurer".
DESCRIBING_PARTICIPLES = frozenset({"consider", "describe", "identify", "believe", "know", "say", "name",
                                    "suspect", "presume", "think", "regard", "see"})


def _described_person(head: Token, index: ActorIndex) -> Argument | None:
    """"killed Juan Perez, a rebel commander": a person the knowledge does not know is what
    the phrase set off beside the name says he is (an appositive, or a describing participle:
    "considered the most important leader of the front"); he keeps his name."""
    if head.ent_type_ != "PERSON":
        return None
    for noun in _descriptions(head):
        # what the phrase's own noun says he is: "the son-in-law of General X" is no general
        # (a person's family are private people); "a commander of the front" is the front's
        at_head = [m for m in index.at(noun) if m.actor.code]
        if not at_head:
            continue
        best = min(at_head, key=lambda m: (KIND_RANK.get(m.kind, 5), m.start))
        if not best.actor.code.endswith("CVL"):
            best = _with_possessor(_affiliated(best, index.in_tokens(own_tokens(noun)), index), noun, index)
        name = unknown_person(head)[0].actor.text
        actor = Actor(text=name, name=name, code=best.actor.code, country=best.actor.country)
        return Argument(actor=actor, mention=ActorMention(start=best.start, end=best.end, actor=actor, kind=best.kind),
                        token=head)
    return None


def _descriptions(head: Token) -> list[Token]:
    out = []
    for child in head.children:
        if child.dep_ == "appos" and child.left_edge.i > 0 and head.doc[child.left_edge.i - 1].text == ",":
            out.append(child)
        elif child.dep_ == "acl" and child.lemma_.lower() in DESCRIBING_PARTICIPLES and child.tag_ in ("VBN", "VBD"):
            # (the parser may tag the participle as a past tense: "X, considered the leader")
            for g in child.children:
                if g.dep_ in ("oprd", "attr", "dobj"):
                    out.append(g)
                elif g.dep_ == "prep" and g.lower_ == "as":
                    out.extend(p for p in g.children if p.dep_ == "pobj")
                elif g.dep_ == "xcomp" and g.lemma_ == "be":
                    out.extend(p for p in g.children if p.dep_ == "attr")
    predicate = describing_conjunct(head, DESCRIBING_PARTICIPLES)
    if predicate is not None:
        out.append(predicate)
    return out


def fellow_parties(argument: Argument, index: ActorIndex) -> list[Argument]:
    """"Israeli and Lebanese negotiators": the other countries' mentions over the same phrase
    as `argument`'s (one mention per country), the other parties of a meeting or talks."""
    mention = argument.mention
    return [Argument(actor=m.actor, mention=m, token=argument.token) for m in index.at(argument.token)
            if (m.start, m.end, m.kind) == (mention.start, mention.end, mention.kind) and m.actor.code != argument.actor.code]


COLLECTIVE_HEADS = frozenset({
    "government", "leader", "minister", "president", "force", "army", "delegation", "official",
    "representative", "envoy", "ambassador", "foreign minister", "head", "member",
    "embassy", "consulate", "diplomat", "troop", "soldier",
    # "the national security advisers of India and Pakistan", "the army chiefs of ..."
    "adviser", "advisor", "chief", "counterpart",
})


def _members(head: Token, index: ActorIndex) -> list[Argument]:
    """"The governments of Burkina Faso and Niger": one actor per country named."""
    if _common_lemma(head) not in COLLECTIVE_HEADS or any(KIND_RANK.get(m.kind, 5) == 0 for m in index.at(head)):
        return []
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or len(conjuncts(pobj)) < 2:
        return []
    return actors_of(pobj, index)


def _common_lemma(noun: Token) -> str:
    """The lemma of a common noun, also when it is written with a capital and tagged as a
    name ("the Presidents of Kazakhstan and Uzbekistan", as recased wire copy and titles
    write it): a plural name is lemmatised as the common noun it spells."""
    if noun.tag_ != "NNPS":
        return noun.lemma_.lower()
    word = noun.lower_
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _with_possessor(mention: ActorMention, head: Token, index: ActorIndex) -> ActorMention:
    """"its air forces", "Iran's army": a role takes its possessor's country, not the
    article's."""
    if mention.kind != "role":
        return mention
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    owners = index.at(poss) if poss is not None else []
    body = next((m for m in owners if m.kind not in STATE_KINDS and m.actor.code), None)
    if body is not None:
        # "the rebels' spokesman", "Hamas's leader", "the army's commander": someone of a
        # body acts for it and carries its code
        actor = Actor(text=mention.actor.text, name=f"{body.actor.name} {mention.actor.text}".strip(),
                      code=body.actor.code, country=body.actor.country)
        return ActorMention(start=mention.start, end=mention.end, actor=actor, kind="compound",
                            antecedent=(body.start, body.end))
    owner = [m for m in owners if m.actor.country]
    if not owner:
        return mention
    country = owner[0].actor.country
    code = mention.actor.code or ""
    role = code[3:] if len(code) > 3 and code[:3].isalpha() and code[:3].isupper() else code
    actor = Actor(text=mention.actor.text, name=f"{owner[0].actor.name} {mention.actor.text}".strip(),
                  code=f"{country}{role}" if role not in ("UAF",) else code, country=country)
    return ActorMention(start=mention.start, end=mention.end, actor=actor, kind="compound",
                        antecedent=(owner[0].start, owner[0].end))


# Envoys and missions sent to a state or a body: what follows "to" receives them and does not
# send them ("Kenya's ambassador to the United Nations", "Iran's mission to the UN").
ENVOY_HEADS = frozenset({"ambassador", "envoy", "mission", "delegation", "delegate", "representative",
                         "emissary", "embassy", "consul", "attache", "observer"})


def _best(head: Token, tokens: list[Token], index: ActorIndex) -> ActorMention | None:
    if head.lemma_.lower() in ENVOY_HEADS:
        hosts = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "to" for t in c.subtree}
        tokens = [t for t in tokens if t.i not in hosts]
    mentions = index.in_tokens(tokens)
    if not mentions:
        return None
    at_head = [m for m in index.at(head)]
    # a named group or person inside the phrase ("the jihadists of <group>") beats the
    # generic head noun; otherwise the mention covering the head wins
    named = [m for m in mentions if KIND_RANK.get(m.kind, 5) == 0]
    if named and not any(KIND_RANK.get(m.kind, 5) == 0 for m in at_head):
        return named[0]
    if at_head:
        return _affiliated(min(at_head, key=lambda m: (KIND_RANK.get(m.kind, 5), m.start)), mentions, index)
    return _affiliated(min(mentions, key=lambda m: (KIND_RANK.get(m.kind, 5), m.start)), mentions, index)


# Mentions that name a state: "Iran's army" is Iran's, coded by country and role.
STATE_KINDS = frozenset({"country", "demonym", "capital"})
OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _affiliated(mention: ActorMention, mentions: list[ActorMention], index: ActorIndex) -> ActorMention:
    """"commanders of terrorist organizations", "members of the pro-government forces": a
    role followed by "of X" belongs to X."""
    if mention.kind != "role":
        return mention
    text = doc_text(index.doc)
    for other in mentions:
        if other.start >= mention.end and OF_PHRASE.fullmatch(text[mention.end:other.start]):
            return other
    return mention


def _unique(arguments: list[Argument]) -> list[Argument]:
    seen: set[str | None] = set()
    out = []
    for argument in arguments:
        key = argument.actor.code or argument.actor.name
        if key in seen:
            continue
        seen.add(key)
        out.append(argument)
    return out


def _unique_names(arguments: list[Argument]) -> list[Argument]:
    seen: set[str] = set()
    out = []
    for argument in arguments:
        if argument.actor.name.casefold() not in seen:
            seen.add(argument.actor.name.casefold())
            out.append(argument)
    return out


def _assisting(token: Token, frames: Callable[[str, str], bool]) -> Token | None:
    """"X helped Y push back Z": the helper X acts in the event. The subject of the
    governing assist verb, if there is one."""
    head = token.head
    if token.dep_ in ("ccomp", "xcomp") and frames(head.lemma_.lower(), "assist"):
        return subject_of(head, climb=False)
    return None


def sources(trigger: Trigger, index: ActorIndex, *, light_is_trigger: bool,
            lexicon_frames: Callable[[str, str], bool]) -> list[Argument]:
    return _joint(trigger, _sources(trigger, index, light_is_trigger=light_is_trigger,
                                    lexicon_frames=lexicon_frames))


def _joint(trigger: Trigger, found: list[Argument]) -> list[Argument]:
    """"Russian and Syrian planes struck the town", "Rwandan and Mozambican troops recovered
    weapons": an act of violence done by (or to) one noun with coordinated modifiers, or any
    act of such a joint force, is one joint act, of the first country named; other acts are
    each party's own ("Saudi and Qatari officials condemned the attack")."""
    violent = trigger.rule.code[:2] in VIOLENT_ROOTS
    out: list[Argument] = []
    for argument in found:
        fellow = any(o.token == argument.token and (o.mention.start, o.mention.end, o.mention.kind)
                     == (argument.mention.start, argument.mention.end, argument.mention.kind) for o in out)
        if not (fellow and (violent or role_of(argument.actor) in FIGHTING_ROLES)):
            out.append(argument)
    return out


def each_army(trigger: Trigger, doers: list[Argument], foes: list[Argument], index: ActorIndex,
              is_platform: Callable[[str], bool]) -> list[Argument]:
    """"U.S. and Iraqi troops killed 11 insurgents in raids", "Kenyan and Somali soldiers
    clashed with the militants": the troops of each army named fight their own share of the
    fight with the foe named, one event per army, as the conventions code several doers. Only
    with a foe named (troops that "fought their way into the town" advance as one force), and
    only troops: the aircraft of two air forces ("Russian and Syrian planes struck the town",
    frame `platform`) fly one joint raid whose sorties the report does not tell apart. The
    victims of a list are no list of parties: only who does it is split."""
    if (not foes or len(doers) != 1 or trigger.rule.code[:2] not in VIOLENT_ROOTS
            or role_of(doers[0].actor) not in FIGHTING_ROLES or is_platform(doers[0].token.lemma_.lower())):
        return doers
    return [*doers, *fellow_parties(doers[0], index)]


def _sources(trigger: Trigger, index: ActorIndex, *, light_is_trigger: bool,
             lexicon_frames: Callable[[str, str], bool]) -> list[Argument]:
    token = trigger.token
    helper = _assisting(token, lexicon_frames)
    if helper is not None:
        found = actors_of(helper, index)
        if found:
            return found
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.dep_ == "acomp"):  # ("was ready to talk")
        attacker = _under_fire_from(token) if "undergone" in trigger.rule.flags else None
        if attacker is not None:
            return actors_of(attacker, index)  # "the convoy came under fire from militants"
        if (("stance" in trigger.rule.flags or ("forces" in trigger.rule.flags and not _announced(token)))
                and is_passive(token) and not any(c.dep_ == "agent" for c in token.children)):
            holder = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if holder is not None:
                # "Greece is opposed to the plan": Greece opposes it; "Indonesian troops were
                # deployed to the border": the troops, their state's force, show it
                return actors_of(holder, index)
        charged = accused(token) if token.dep_ == "pcomp" else None
        if charged is not None:
            found = actors_of(charged, index)
            if found:
                return found  # "two men were charged with killing the judge"
        issuer = _issuer(token, lexicon_frames)
        if issuer is not None:
            found = actors_of(issuer, index)
            if found:
                return found  # "the rebels issued a statement demanding the release of ..."
        captor = _captor(token) if trigger.rule.code.startswith(ABDUCTION_CODE) else None
        if captor is not None:
            found = actors_of(captor, index)
            if found:
                return found  # "insurgents holding an engineer seized near Mosul"
        subject = subject_of(token)
        found = []
        if subject is not None and trigger.rule.code[:2] in SAID_ROOTS and _appeal_after_a_state(token, subject):
            found = _reporter_goes_on(token, subject, index, named=True)
        if not found:
            found = actors_of(subject, index) if subject is not None else []
        if not found and subject is not None and trigger.rule.code[:2] in SAID_ROOTS:
            found = _reporter_goes_on(token, subject, index)
        if not found and subject is not None and subject.lower_ in SPEAKER_PRONOUNS:
            found = _reporter_of(token, subject, index)
        if not found and subject is not None:
            # "killed by a bomb planted by the group", "shells fired by the army hit a school":
            # a subject that names no one may name who used it
            found = clause_agent(subject, index)
        if found or is_passive(token):
            return found  # before a passive verb stands its patient, not its actor
        if subject is not None and _object_controlled(token, subject, lambda w: lexicon_frames(w, "directive")):
            # "Britain and France advised their nationals not to travel to Bangkok": who is
            # told to act does it, not who tells them
            return unknown_body(subject, lambda word: lexicon_frames(word, "armed-body"))
        found = _preverbal(clause_top(token), index)
        if not found and subject is not None:
            found = unknown_body(subject, lambda word: lexicon_frames(word, "armed-body"))
        return found
    claimant = claimant_of(token, lexicon_frames)
    if claimant is None:
        claimant = accused(token)
    if claimant is not None and _charge_denied(token):
        claimant = None  # "said it was not responsible for the kidnapping": not the doer
    if claimant is not None:
        found = actors_of(claimant, index)
        if not found and claimant.lower_ in SPEAKER_PRONOUNS:
            found = _reporter_of(token, claimant, index)
        if found:
            return found  # "the group claimed responsibility for the bombing"
    # a noun trigger: its own possessor, modifiers or "by" phrase, else its light verb's subject
    for child in token.children:
        if child.dep_ == "poss":
            found = actors_of(child, index)
            if found and trigger.rule.code[:2] in VIOLENT_ROOTS and all(
                    (a.actor.code or "").endswith(CIVILIAN_ROLE) for a in found):
                continue  # "the trader's kidnapping", "a farmer's murder": the one it befell
            if found:
                return found
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and not _hyphened_theme(c, index)
                 and not _backer(c)]
    for modifier in modifiers:
        found = [Argument(actor=m.actor, mention=m, token=modifier) for m in index.in_tokens(list(modifier.subtree))]
        if found:
            # "US-Iran talks", "Sudanese-Chadian border clashes": a symmetric act's two parties
            return _unique(found[:2] if "sym" in trigger.rule.flags else found[:1])
    agents = ("by",) if trigger.rule.code[:2] in VIOLENT_ROOTS else ("by", "from")
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in agents:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return actors_of(pobj, index)
    parties = between_actors(token, index)
    if parties:
        return parties[:1]
    if token.dep_ == "pobj" and token.head.lower_ in STATE_PREPS and token.head.head.pos_ in ("VERB", "AUX"):
        # "troops remained on alert", "teachers went on strike": the subject is in that state
        subject = subject_of(token.head.head)
        found = actors_of(subject, index) if subject is not None else []
        if found:
            return found
    if trigger.light is not None and not light_is_trigger and not _tells_of(trigger.light, lexicon_frames):
        subject = subject_of(trigger.light)
        found = actors_of(subject, index) if subject is not None else []
        return found or _preverbal(clause_top(trigger.light), index)
    return []


# CAMEO roots of acts done by saying: statements, appeals, demands, disapproval, rejection,
# threats (not the material acts of 06 to 09).
SAID_ROOTS = ("01", "02", "03", "04", "05", "10", "11", "12", "13")


def _reporter_goes_on(verb: Token, subject: Token, index: ActorIndex, *, named: bool = False) -> list[Argument]:
    """"Police said the union's figures were exaggerated and blamed opposition activists",
    "said the use of gas was undeniable and called it a crime": a verb of saying joined by
    "and" inside a reported clause whose subject is a thing, no one who could say it, goes on
    from the reporter (`named`: or whoever the subject is, `_appeal_after_a_state`)."""
    owner = subject.head
    if (verb.dep_ != "conj" or (not named and (subject.pos_ != "NOUN" or subject.ent_type_)) or owner.dep_ != "ccomp"
            or verb not in owner.subtree or owner.head.pos_ != "VERB" or owner.head.i > subject.i):
        return []
    reporter = subject_of(owner.head)
    found = actors_of(reporter, index) if reporter is not None else []
    if named and any(role_of(a.actor) in WITNESS_ROLES for a in found):
        return []  # "Residents said the gunmen had rifles and demanded money": the gunmen demand
    return found


# Who tells what they saw, not who presses or blames: residents, witnesses.
WITNESS_ROLES = frozenset({"CVL"})
# Verbs by which a reporter goes on to press or blame ("said ... and urged Eritrea to stay out").
APPEAL_LEMMAS = frozenset({"urge", "call", "appeal", "demand", "accuse", "blame", "condemn", "denounce", "ask",
                           "press"})
# Verbs that tell a state, not an act: "Ethiopia had genuine concerns", "Kiev was to blame".
STATE_LEMMAS = frozenset({"be", "have"})


def _appeal_after_a_state(verb: Token, subject: Token) -> bool:
    """"A State Department spokesman said Ethiopia had genuine security concerns and urged
    Eritrea to stay out": a verb of urging or blaming joined by "and" to a reported clause
    that only tells how things stand (a bare "be" or "have"), in the reporter's own tense,
    goes on from the reporter, whoever the clause's subject is. Not a clause that tells an
    act ("said the man had entered the bank and demanded money": the man demanded it)."""
    owner = subject.head
    reporter = owner.head
    return (verb.dep_ == "conj" and verb.head == owner and verb.lemma_.lower() in APPEAL_LEMMAS
            and owner.dep_ == "ccomp" and owner.lemma_.lower() in STATE_LEMMAS
            and not any(c.dep_ in ("aux", "auxpass") for c in owner.children)
            and reporter.lemma_.lower() in REPORT_LEMMAS and verb.tag_ == reporter.tag_)


# Abduction (181): who holds a captive is who seized them.
ABDUCTION_CODE = "181"


def _captor(verb: Token) -> Token | None:
    """Who holds the captive a participle of seizure describes, when it names no agent:
    "insurgents holding a Japanese aid worker seized near Fallujah", "the gang that holds
    17 pilgrims abducted in March"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return None
    captive = first_conjunct(verb.head)
    holding = captive.head
    if captive.dep_ != "dobj" or holding.lemma_.lower() != "hold":
        return None
    if holding.dep_ == "acl" and holding.tag_ == "VBG":
        return holding.head  # "insurgents holding ..."
    return subject_of(holding)


def _announced(verb: Token) -> bool:
    """"more troops would be sent": a move announced, whose doer is who announces it, not the
    troops."""
    return any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in verb.children)


# "Saudi-led strikes": who leads a coalition's act is its doer, unlike who backs or brokers it.
LEADING_PARTICIPLES = frozenset({"led"})


def _backer(modifier: Token) -> bool:
    """"a Russian-brokered truce", "a US-backed offensive": the country before the participle
    backed or brokered the act; the act is the parties' own."""
    return modifier.lower_ in SPONSOR_PARTICIPLES and modifier.lower_ not in LEADING_PARTICIPLES


def _hyphened_theme(modifier: Token, index: ActorIndex) -> bool:
    """"prisoner-exchange talks", "hostage-release deal": a common noun joined by a hyphen to
    the word before it has that word as its object; who is exchanged is no party to the talks."""
    return (modifier.pos_ == "NOUN" and not index.at(modifier)
            and any(c.tag_ == "HYPH" and c.i < modifier.i for c in modifier.children))


def _under_fire_from(verb: Token) -> Token | None:
    """Who fires in "came under fire from X" (the subject is who is fired on)."""
    for under in verb.children:
        if under.dep_ != "prep" or under.lower_ != "under":
            continue
        for act in under.children:
            for source in (*act.children, *verb.children):
                if source.dep_ == "prep" and source.lower_ == "from":
                    return next((g for g in source.children if g.dep_ == "pobj"), None)
    return None


def _charge_denied(noun: Token) -> bool:
    """The words that lay or claim the act are negated ("it was not responsible for the
    kidnapping", "the police were not involved in the raid"): they name no doer. Only the
    word that takes the act ("responsible", "involved", "charged") and its own verb count."""
    if noun.head.dep_ != "prep":
        return False
    owner = noun.head.head
    words = [owner, owner.head] if owner.dep_ in ("acomp", "xcomp") else [owner]
    return any(c.dep_ == "neg" for word in words for c in word.children)


def claimant_of(noun: Token, lexicon_frames: Callable[[str, str], bool]) -> Token | None:
    """Who claims an act ("X claimed responsibility for the bombing", "X took credit for the
    attack", "X said it was responsible for the attack"): its doer, by its own word."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    owner = noun.head.head
    if owner.lemma_.lower() in ("responsibility", "credit") and owner.dep_ == "dobj" \
            and lexicon_frames(owner.head.lemma_.lower(), "responsibility"):
        return subject_of(owner.head)
    if owner.lower_ == "responsible" and owner.dep_ == "acomp":
        return subject_of(owner.head)
    return None


# "blamed the bombing on the rebels", "the attack was attributed to the cartel": the verb's
# object (or passive subject) is the act, the phrase after the preposition its doer.
BLAME_PREPS = {"blame": "on", "attribute": "to", "ascribe": "to"}
# "were charged with the killing", "two soldiers accused of the murder", "implicated the army
# in the massacre", "is guilty of the attack": who is said to have done the act.
# "the involvement of soldiers in the killing": who had a share in the act.
SHARE_NOUNS = frozenset({"involvement", "participation", "complicity"})
ACCUSED_PREPS = {"charge": "with", "accuse": "of", "suspect": "of", "implicate": "in", "involve": "in",
                 "convict": "of", "guilty": "of", "indict": "for", "blame": "for", "responsible": "for"}


def gapped_accused(verb: Token) -> list[Token]:
    """"accused the army of torturing prisoners and the police of shooting protesters",
    "blamed the rebels for the raid and the militia for the fires": a second accused, whose
    own charge repeats the verb's preposition, with the verb itself left out (gapping). The
    parser hangs the second pair inside the first charge, as a conjunct of its last noun."""
    wanted = ACCUSED_PREPS.get(verb.lemma_.lower())
    # (or as a conjunct of the verb itself)
    out: list[Token] = [c for c in verb.children if c.i > verb.i and _gapped(c, wanted)]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == wanted):
        out.extend(t for t in prep.subtree if t.i > prep.i and _gapped(t, wanted))
    return sorted(out, key=lambda t: t.i)


def _gapped(noun: Token, wanted: str | None) -> bool:
    """A conjunct noun with its own charge ("... and the police of shooting protesters")."""
    return (noun.dep_ == "conj" and noun.pos_ in ("NOUN", "PROPN") and wanted is not None
            and any(c.dep_ == "prep" and c.lower_ == wanted and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
                    for c in noun.children))


def _gapped_in_charge(noun: Token) -> bool:
    """`noun` is a second accused hung inside a first charge (`gapped_accused`)."""
    if noun.dep_ == "conj" and _gapped(noun, ACCUSED_PREPS.get(noun.head.lemma_.lower())):
        return True
    return any(a.dep_ == "prep" and _gapped(noun, a.lower_) and ACCUSED_PREPS.get(a.head.lemma_.lower()) == a.lower_
               for a in noun.ancestors)


def accused(noun: Token) -> Token | None:
    """Who an act is laid at the door of ("blamed the bombing on the rebels", "three men were
    charged with the killing"): told as a suspicion or a charge, still the act's doer as the
    report has it."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in BLAME_PREPS:
        # "blamed the bombing of the bus on the rebels": the phrase may hang from the noun
        wanted = BLAME_PREPS[head.lemma_.lower()]
        owners = [head, noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                for g in c.children if g.dep_ == "pobj")]  # "the murder of two nurses on ..."
        for owner in owners:
            prep = next((c for c in owner.children if c.dep_ == "prep" and c.lower_ == wanted), None)
            doer = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if doer is not None:
                return doer
        return None
    if noun.dep_ not in ("pobj", "pcomp") or head.dep_ != "prep":
        return None  # ("five men suspected of killing the candidate": the act may be a gerund)
    if _gapped_in_charge(head.head):
        return head.head  # "accused the army of torture and the police of shooting protesters"
    if noun.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss", "nummod") or c.dep_ == "prep" and c.lower_ == "of"
                                       for c in noun.children):
        return None  # "charged with murder", "implicated in murders": a crime named, not an act told
    if any(c.dep_ == "det" and c.lower_ in ("those", "these") for c in noun.children):
        return None  # "is blamed for those attacks": acts told before, not one more
    verb = head.head
    if head.lower_ == "in" and verb.pos_ == "NOUN" and verb.lemma_.lower() in SHARE_NOUNS:
        # "the involvement of soldiers in the killing", "their suspected involvement in the attack"
        owner = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        return owner if owner is not None else next((c for c in verb.children if c.dep_ == "poss"), None)
    if ACCUSED_PREPS.get(verb.lemma_.lower()) != head.lower_:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "two soldiers accused of the murder were arrested"; "Colonel Diaz, the officer
        # implicated in the murder": the name the description stands beside
        if verb.head.dep_ == "attr":
            # "X is the officer implicated in the murder": X (and no one where the copula has
            # no subject of its own: "suspected of being a figure involved in the bombing")
            return next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
        return verb.head.head if verb.head.dep_ == "appos" else verb.head
    if verb.pos_ == "ADJ":
        if verb.dep_ == "amod" and verb.head.lower_ == "those" and verb.head.dep_ == "nsubj":
            # "those responsible for the murder are rebel commanders": who they are
            return next((c for c in verb.head.head.children if c.dep_ == "attr"), None)
        return subject_of(verb.head) if verb.dep_ == "acomp" else None  # "is guilty of the attack"
    if is_passive(verb):
        return passive_subject(verb)
    blamed = next((c for c in verb.children if c.dep_ == "dobj"), None)  # "accused the army of the massacre"
    if blamed is None and verb.lemma_.lower() == "blame" and verb.dep_ == "xcomp":
        return subject_of(verb)  # "death squads are to blame for the murder"
    return blamed


def within_act(token: Token, is_act: Callable[[Token], bool]) -> Token | None:
    """The act this one happened in ("the mayor was killed in an attack by guerrillas", "the
    murder of the judge during an ambush carried out by rebels"): its doer is this act's."""
    # ("condemned the murder of the mayor in an attack by ...": the phrase may hang from the verb)
    owners = [token, token.head] if token.dep_ == "dobj" else [token]
    for prep in (c for owner in owners for c in owner.children):
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            act = next((g for g in prep.children if g.dep_ == "pobj" and is_act(g)), None)
            if act is not None:
                return act
    return None


def _issuer(verb: Token, lexicon_frames: Callable[[str, str], bool]) -> Token | None:
    """Who issued the statement, letter or communique a participle describes ("issued a
    statement condemning the attack", "in a letter calling for talks, the group said"): the
    subject of the clause the document is an object of."""
    document = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or not lexicon_frames(document.lemma_.lower(), "document"):
        return None
    clause = document.head
    if document.dep_ == "pobj" and clause.dep_ == "prep":
        clause = clause.head  # "in a statement condemning ..., the group said"
    elif document.dep_ != "dobj":
        return None
    return subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None


def _tells_of(verb: Token, lexicon_frames: Callable[[str, str], bool]) -> bool:
    """"A police spokesman confirmed the abduction", "the leader recalled the offensive",
    "to clarify the murder": who reports, remembers or inquires into an act is not its doer
    ("announced an offensive" is: the verb is also a light verb)."""
    lemma = verb.lemma_.lower()
    if lexicon_frames(lemma, "light"):
        return False
    return lexicon_frames(lemma, "report") or lexicon_frames(lemma, "background") or lexicon_frames(lemma, "inquiry")


# "on alert", "on strike", "on hunger strike": a state the verb's subject is in.
STATE_PREPS = frozenset({"on"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
REPORT_LEMMAS = frozenset({"say", "announce", "state", "tell", "declare", "add", "claim", "insist", "warn", "confirm", "quote",
                           "report"})


def _reporter_of(token: Token, pronoun: Token, index: ActorIndex) -> list[Argument]:
    """"The rebels said they will release ...": an unresolved pronoun in what was said is
    the speaker, when the speaker was named before it ("They also looted shops, a
    resident said": the pronoun names whoever the story told of before, not the witness)."""
    current = token
    for _ in range(6):
        head = current.head
        if head == current:
            return []
        if current.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in REPORT_LEMMAS:
            speaker = subject_of(head, climb=False)
            if speaker is None or speaker.i > pronoun.i or not _agree_in_number(pronoun, speaker):
                return []
            return actors_of(speaker, index)
        current = head
    return []


PLURAL_PRONOUNS = frozenset({"they", "we"})


def _agree_in_number(pronoun: Token, speaker: Token) -> bool:
    """"The rebels said they ...", "the army said it ...": not "the army said they" (the
    attackers it struck), nor "the rebels said he"."""
    plural = speaker.tag_ in ("NNS", "NNPS") or len(conjuncts(speaker)) > 1
    return plural == (pronoun.lower_ in PLURAL_PRONOUNS)


def _object_controlled(verb: Token, subject: Token, is_directive: Callable[[str], bool]) -> bool:
    """"advised their nationals not to travel", "urged residents to leave": the subject
    found for an infinitive is the object of a verb that tells, asks or makes someone act
    (frame `directive`); not of one that governs a purpose ("used water cannon to disperse
    the crowd": the users disperse it)."""
    return (verb.dep_ == "xcomp" and subject.dep_ == "dobj" and subject.head == verb.head
            and is_directive(verb.head.lemma_.lower()))


def _preverbal(verb: Token, index: ActorIndex) -> list[Argument]:
    """When the parse finds no subject, the first actor before the verb that is no
    prepositional or clausal modifier ("X and allied factions, some backed by Y, launched").
    """
    sent = verb.sent
    for token in sent:
        if token.i >= verb.i:
            break
        mentions = index.at(token)
        if not mentions or not _reaches_without_modifier(token, verb):
            continue
        best = min(mentions, key=lambda m: (KIND_RANK.get(m.kind, 5), m.start))
        return [Argument(actor=best.actor, mention=best, token=token)]
    return []


def _reaches_without_modifier(token: Token, verb: Token) -> bool:
    """Whether `token` stands in the verb's own clause, not in a modifier of it, nor in a
    clause a conjunction subordinates ("If the army attacks, we will ...": not the army)."""
    current = token
    for _ in range(8):
        if current == verb:
            return True
        if current.dep_ in ("prep", "agent", "acl", "relcl", "poss", "pobj") or current.head == current:
            return False
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            return False
        current = current.head
    return False


def targets(
    trigger: Trigger, index: ActorIndex, visited: Callable[[Trigger], list[Argument]],
    is_meeting: Callable[[str], bool] = lambda lemma: False,
) -> list[Argument]:
    """`visited`: the government of the place a visit goes to; `is_meeting`: a lemma that
    names a meeting ("talks", "summit", "meet"), whose partner a visit is for."""
    return _joint(trigger, _targets(trigger, index, visited, is_meeting))


def met(trigger: Trigger, index: ActorIndex, is_meeting: Callable[[str], bool]) -> list[Argument]:
    """Whom a visit is for: "is due in Brussels for a summit with EU leaders", "flew to Cairo
    to hold talks with Egyptian officials", "will travel to Kinshasa to meet the president".
    The partner named is the visit's target before the government of the place visited."""
    owners = list(trigger.tokens)
    if trigger.token.dep_ == "acomp":
        owners.append(trigger.token.head)  # "is due in X for talks": the phrase hangs on "is"
    for owner in owners:
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                nouns = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ in ("advcl", "xcomp") and child.pos_ == "VERB":
                if is_meeting(child.lemma_.lower()):  # "to meet the president"
                    found = [a for g in child.children if g.dep_ == "dobj" for a in actors_of(g, index)]
                    if found:
                        return found
                    nouns = [child]
                else:  # "to hold talks with"
                    nouns = [g for g in child.children if g.dep_ == "dobj"]
            else:
                continue
            for noun in (n for head in nouns for n in conjuncts(head)):
                if not is_meeting(noun.lemma_.lower()) and not is_meeting(noun.lower_):
                    continue
                found = [a for prep in _prep_children(noun, "with")
                         for g in prep.children if g.dep_ == "pobj" for a in actors_of(g, index)]
                if found:
                    return found
    return []


def _targets(
    trigger: Trigger, index: ActorIndex, visited: Callable[[Trigger], list[Argument]],
    is_meeting: Callable[[str], bool],
) -> list[Argument]:
    token = trigger.token
    if trigger.rule.targets and trigger.rule.targets[0][0] != "none":
        holders = _captors(trigger, index)
        if holders:
            return holders
    for kind, prep in trigger.rule.targets:
        found: list[Argument] = []
        if kind == "none":
            return []
        if kind == "dobj":
            obj = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None and is_passive(token):
                obj = passive_subject(token)
            named = named_object(token) if obj is None else None
            if named is not None:
                # "condemned what it called Eritrea's aggression": whoever does what it is called
                found = _doers_named(named, index)
            if obj is None and named is None:
                obj = described_patient(token)  # "an engineer seized near Mosul"
            if obj is None and named is None:
                obj = controlled_patient(token)  # "fled after being attacked by rebels"
            if obj is None and named is None:
                # "will hold the government accountable": the subject of the small clause
                obj = next((g for c in token.children if small_clause(c)
                            for g in c.children if g.dep_ == "nsubj"), None)
            if obj is not None and way_made(obj):
                obj = None  # "fought their way room by room": the way's owner is the subject
            # ("killed both leaders" is no address: only acts short of force)
            leaders = _both_leaders(obj, index) if obj is not None and not trigger.rule.code.startswith(
                VIOLENT_ROOTS) and "violence" not in trigger.rule.flags else []
            if leaders:
                return leaders
            if obj is not None:
                # "shelled positions held by the militia": the object's holder; a victim
                # the knowledge does not know ("gunmen shot Juan Perez") is still the target
                found = actors_of(obj, index) or clause_agent(obj, index)
                found = _unique([*found, *(a for g in gapped_accused(token) for a in actors_of(g, index))])
                if not found and ("violence" in trigger.rule.flags or trigger.rule.code.startswith(ARREST_CODE)):
                    found = unknown_person(obj)  # "Juan Perez was arrested" too
        elif kind == "prep":
            for owner in trigger.tokens:
                for child in _coordinated_preps(_prep_children(owner, prep)):
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        found.extend(actors_of(pobj, index))
            if not found:
                # "on Monday" on the verb names no one; "inflicted losses on the army": the
                # phrase hangs from the object
                for owner in trigger.tokens:
                    for child in _coordinated_preps(_prep_children(owner, prep, nested_only=True)):
                        pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                        if pobj is not None:
                            found.extend(actors_of(pobj, index))
            if not found:
                found = _object_partner(token, index)
        elif kind == "between":
            found = between_actors(token, index)[1:]
        elif kind == "poss":
            poss = next((c for c in token.children if c.dep_ == "poss"), None)
            if poss is not None:
                found = actors_of(poss, index)
        elif kind == "place":
            found = met(trigger, index, is_meeting) or visited(trigger)
        if found:
            return found
    return _asked_to_act(trigger, index)


# Nouns of persons that, paired ("both leaders", "the two rivals"), name the two leaders of
# the sides the article has told of.
PAIRED_PERSONS = frozenset({"leader", "rival"})


def _both_leaders(noun: Token, index: ActorIndex) -> list[Argument]:
    """"Invited both Congolese leaders to Libreville": the two leaders are the persons the
    article named before the sentence, one event each, as for a list of addressees: of
    distinct codes, the two most often named (the first named on a tie). None when the noun
    names no such pair or the article named fewer than two."""
    if noun.lemma_.lower() not in PAIRED_PERSONS or noun.tag_ not in ("NNS", "NNPS"):
        return []
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "preconj", "nummod")}
    if "both" not in dets and not {"the", "two"} <= dets:
        return []
    start = noun.sent.start
    counts: dict[str, int] = {}
    first: dict[str, tuple[ActorMention, Token]] = {}
    seen: set[tuple[int, int]] = set()
    for i in sorted(index.by_token):
        if i >= start:
            break
        for mention in index.by_token[i]:
            code = mention.actor.code
            if mention.kind != "person" or not code or (mention.start, mention.end) in seen:
                continue
            seen.add((mention.start, mention.end))
            counts[code] = counts.get(code, 0) + 1
            first.setdefault(code, (mention, index.doc[i]))
    if len(counts) < 2:
        return []
    order = list(first)  # (dicts keep order: the first named wins a tie)
    two = sorted(order, key=lambda c: (-counts[c], order.index(c)))[:2]
    return [Argument(actor=first[c][0].actor, mention=first[c][0], token=first[c][1]) for c in two]


# Verbs that tell who keeps captives ("hostages held by gunmen"), nouns and verbs of setting
# them free ("the release of", "to free", "to rescue").
HOLDING_LEMMAS = frozenset({"hold", "keep", "detain"})
FREEING_LEMMAS = frozenset({"free", "release", "rescue", "liberate"})
# Verbs by which an assault ends a hold on a place: "stormed the bank, ending a siege by X".
ENDING_LEMMAS = frozenset({"end", "break"})


def _captors(trigger: Trigger, index: ActorIndex) -> list[Argument]:
    """"commandos stormed two hotels to free hostages held by gunmen", "demanded the release
    of two engineers held by the rebels": an assault that sets out to free captives (or ends
    a siege: "stormed the bank, ending a siege by the guerrillas"), and a demand or an appeal
    for their release, are aimed at whoever holds them, not at the captives nor at the
    building they are held in."""
    token = trigger.token
    code = trigger.rule.code
    if code[:2] in VIOLENT_ROOTS:
        # the purpose clause of the assault: "to free hostages", "to rescue the crew"
        freeing = [c for c in token.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in FREEING_LEMMAS
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        captives = [g for verb in freeing for g in verb.children if g.dep_ == "dobj"]
        # "stormed a theatre, ending a siege by gunmen": who held the place under siege
        sieges = [g for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in ENDING_LEMMAS
                  for g in c.children if g.dep_ == "dobj"]
        holders = [a for siege in sieges for c in siege.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj" for a in actors_of(g, index)]
        if holders:
            return holders
    elif code.startswith(ASKING_ROOTS):
        # "demanded the release of ...", "called for the release of ..."
        releases = [c for c in token.children if c.dep_ == "dobj"]
        releases += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        captives = [g for r in releases if r.lemma_.lower() in FREEING_LEMMAS and r.pos_ == "NOUN"
                    for c in r.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    else:
        return []
    for captive in captives:
        for clause in captive.children:
            if clause.dep_ not in ("acl", "relcl") or clause.lemma_.lower() not in HOLDING_LEMMAS:
                continue
            found = clause_agent(captive, index)
            if found:
                return found
    return []


def _doers_named(noun: Token, index: ActorIndex) -> list[Argument]:
    """Who the noun an act is called by names as its doer: the noun itself ("what it called
    terrorists"), its possessor ("Eritrea's aggression") or its "by" phrase ("an attack by the
    rebels"); not a party it is done to ("a violation of Lebanon's sovereignty")."""
    if index.at(noun):
        return actors_of(noun, index)
    doers = [c for c in noun.children if c.dep_ == "poss"]
    doers += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return [a for doer in doers for a in actors_of(doer, index)]


def _object_partner(verb: Token, index: ActorIndex) -> list[Argument]:
    """"suspended its military cooperation with Guinea", "froze its trade with Iran": when
    the phrase the rule looks for is missing, the party a "with" phrase on the verb's object
    names is the other side of the tie the act is done to."""
    if verb.pos_ != "VERB":
        return []
    found: list[Argument] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for noun in conjuncts(obj):
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                found.extend(a for g in prep.children if g.dep_ == "pobj" for a in actors_of(g, index))
    return found


# Demands (10) and appeals (02): who is asked to act is their target.
ASKING_ROOTS = ("10", "02")


def _asked_to_act(trigger: Trigger, index: ActorIndex) -> list[Argument]:
    """"demanded that the Taliban government act against the militants", "urged that
    Kinshasa withdraw": who a demand or an appeal asks to act, told as the subject of the
    clause it governs, is its target."""
    token = trigger.token
    if not trigger.rule.code.startswith(ASKING_ROOTS) or token.pos_ != "VERB":
        return []
    for clause in token.children:
        if clause.dep_ != "ccomp":
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return actors_of(_subject_before_swallowed_verb(subject, index), index)
        if clause.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "mark" for c in clause.children):
            # "demanded that the fighters of the enclave hand over their weapons": the parser
            # read the clause's bare verb as a noun and the clause as a noun phrase; that
            # phrase is the subject, who is asked to act; a noun that names no one is the
            # verb itself ("that the Holy See surrender Father Moreau"), after its subject
            if index.at(clause):
                return actors_of(clause, index)
            names = [c for c in clause.children if c.dep_ == "compound" and c.i < clause.i and index.at(c)]
            return actors_of(names[0], index) if names else []
    return []


def _subject_before_swallowed_verb(subject: Token, index: ActorIndex) -> Token:
    """"demanded that the Vatican surrender Noriega": the parser may take a bare verb (a
    subjunctive has no ending) for a noun inside one phrase with its own object, "the Vatican
    surrender Noriega". A name, then a common noun that names no one, then the phrase's head:
    the clause's subject is the name that opens it ("the Hamas leader Haniyeh" keeps its head,
    as "leader" names someone)."""
    modifiers = [c for c in subject.children if c.dep_ == "compound" and c.i < subject.i]
    for noun in modifiers:
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or index.at(noun):
            continue
        names = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and index.at(c)]
        if names and names[0].i == noun.i - 1:
            return names[0]
    return subject


def described_patient(verb: Token) -> Token | None:
    """The noun a past participle describes is what underwent the act: "a Japanese engineer
    seized near Mosul", "two soldiers wounded in the blast". Not a participle with an
    object of its own, nor one that describes people in general, named by a bare plural
    ("the number of people killed in the war", "widows of men murdered by the gangs")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in verb.children):
        return None
    patient = first_conjunct(verb.head)  # "an aid worker and two journalists seized ...": all of them
    if patient.pos_ != "PROPN" and not any(c.dep_ in ("det", "nummod", "poss") for c in patient.children):
        return None
    return patient


def clause_agent(noun: Token, index: ActorIndex) -> list[Argument]:
    """The actor of a clause that describes a noun: "a bomb planted by the group",
    "positions held by the militia", "a mine that the rebels laid"."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or clause.lower_ in SPONSOR_PARTICIPLES:
            continue  # (not "factions backed by Turkey": who backs a group is not its doer)
        if clause.lemma_.lower() in BLAME_PREPS:
            # "the raid, which the front blamed on the militia": the militia raided, not the front
            wanted = BLAME_PREPS[clause.lemma_.lower()]
            blamed = next((g for c in clause.children if c.dep_ == "prep" and c.lower_ == wanted
                           for g in c.children if g.dep_ == "pobj"), None)
            return actors_of(blamed, index) if blamed is not None else []
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return actors_of(pobj, index)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return actors_of(subject, index)
    return []


def victims(verb: Token, index: ActorIndex) -> list[Argument]:
    """Who a toll verb says was killed or hurt: its object, or its passive subject."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if obj is None and is_passive(verb):
        obj = passive_subject(verb)
    if obj is None:
        return []
    return actors_of(obj, index) or unknown_person(obj)


def unknown_person(head: Token) -> list[Argument]:
    """A person the parser names ("Juan Perez") whom the knowledge does not know: an
    actor with no code, so that the violence done to them is still an event."""
    if head.ent_type_ != "PERSON":
        return []
    tokens = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.ent_iob_ in ("B", "I")
              and abs(t.i - head.i) <= 4]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(head.doc)[start:end]
    actor = Actor(text=text, name=text, code=None, country=None)
    return [Argument(actor=actor, mention=ActorMention(start=start, end=end, actor=actor, kind="person"), token=head)]


def unknown_body(head: Token, is_armed_body: Callable[[str], bool]) -> list[Argument]:
    """An organisation the parser names ("the National Coalition for Reform", "the Kivu
    Farmers Union") that the knowledge does not know: an actor with no code, so that what it
    does is an event; an armed group (REB) when its name ends in a word of an armed body
    (frame `armed-body`: Front, Brigade, Militia ...)."""
    if head.ent_type_ != "ORG":
        return []
    tokens = [t for t in head.subtree if t.ent_type_ == "ORG" and abs(t.i - head.i) <= 6]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(head.doc)[start:end]
    # "the Liberation Front of Kordofan": a front, brigade or militia is an armed group
    code = "REB" if is_armed_body(tokens[-1].lemma_.lower()) or is_armed_body(head.lemma_.lower()) else None
    actor = Actor(text=text, name=text, code=code, country=None)
    return [Argument(actor=actor, mention=ActorMention(start=start, end=end, actor=actor, kind="group"), token=head)]



def _coordinated_preps(preps: list[Token]) -> list[Token]:
    """"rejected calls from Amnesty and from the foreign ministry": a preposition repeated
    after "and" heads a phrase of the same role, each with its own object."""
    out = []
    for prep in preps:
        out.append(prep)
        out.extend(c for c in prep.conjuncts if c.lower_ == prep.lower_ and c not in out and c not in preps)
    return out


def _prep_children(owner: Token, prep: str | None, *, nested_only: bool = False) -> list[Token]:
    """Prepositions `prep` on the trigger, or on a noun it governs ("discussed the
    situation during talks with X": "with" hangs from "talks")."""
    direct = [c for c in owner.children if c.dep_ in ("prep", "prt") and c.lower_ == prep]
    if direct and not nested_only:
        return direct
    nested = []
    for child in owner.children:
        if child.dep_ in ("dobj", "prep"):
            for noun in [child] + [g for g in child.children if g.dep_ == "pobj"]:
                nested.extend(c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep)
        elif child.dep_ == "acl" and owner.pos_ in ("NOUN", "PROPN") and child.tag_ == "VBN":
            # "the attack carried out against the troops", "strikes launched on the port"
            nested.extend(c for c in child.children if c.dep_ == "prep" and c.lower_ == prep)
    return nested


def between_actors(token: Token, index: ActorIndex) -> list[Argument]:
    """The parties of "between X and Y" on a noun trigger, X first.

    With one coordinated head ("between the Russian and Turkish ministers, A and B") the
    parties are the distinct countries named inside the phrase, most specific mention each.
    The phrase may hang from the verb the noun is the subject of ("clashes broke out
    between rival militias").
    """
    owners = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        owners.append(token.head)
    for child in (c for owner in owners for c in owner.children):
        if child.dep_ == "prep" and child.lower_ == "between":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is None:
                return []
            heads = conjuncts(pobj)
            if len(heads) > 1:
                # two parties of one kind are still two ("between ELN guerrillas and FARC
                # rebels"): one per coordinated head, told apart by name
                parties = [found[0] for h in heads
                           if (found := actors_of(h, index, expand=False) or actors_of(h, index))]
                return _unique_names(parties)
            return _by_country(index.in_tokens(list(pobj.subtree)), pobj)
    return []


def _by_country(mentions: list[ActorMention], head: Token) -> list[Argument]:
    best: dict[str, ActorMention] = {}
    order: list[str] = []
    for mention in mentions:
        key = mention.actor.country or mention.actor.code or mention.actor.name
        if key not in best:
            order.append(key)
            best[key] = mention
        elif KIND_RANK.get(mention.kind, 5) < KIND_RANK.get(best[key].kind, 5):
            best[key] = mention
    return [Argument(actor=best[k].actor, mention=best[k], token=head) for k in order]


def headline_parties(token: Token, index: ActorIndex) -> tuple[list[Argument], list[Argument]]:
    """(victims, doers) of a headline's reduced passive: its subject (or the noun its
    participle describes) and its "by" phrase."""
    verb = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token
    if token.dep_ == "acl":
        subject = token.head
    else:
        subject = next((c for c in [*token.children, *verb.children] if c.dep_ == "nsubj"), None)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return (actors_of(subject, index) if subject is not None else [],
            actors_of(pobj, index) if pobj is not None else [])
