"""Whom a disapproval is aimed at: the doer of the act it names, never that act's victims.

"Rebels stormed a bus depot on Friday and held the drivers for a day ... The African Union
condemned the hostage-taking": the condemnation (11) is aimed at the rebels, who took the
hostages, not at the hostages its noun names. The act a disapproval is about is the object
of its verb ("condemned the air strikes"), the "of" of its noun ("condemnation of the
attack"), or the subject of a clause that judges it ("said the violence was deplorable").
When that noun has no doer of its own in its sentence, its doer is the one of the act it
re-names, told before it in the article:

- the nearest act of the noun's own kind when the noun names one ("the air strikes": an air
  strike or a bombing, 195; "the hostage-taking": an abduction, a seizure or a siege);
- for a noun that may re-name any act of violence ("the attack", "the assault", "the
  violence"), the acts of violence told before it when they are all one named side's; for
  one that names a killing ("the killings"), those that killed.

A noun that names the act of one verb (role `deed`: "the invasion", "invade") re-names first
the nearest act told with that verb, even in a clause that describes its doer ("the troops
that invaded the island"), before any act of its kind.

Only an act told as done by the writer counts, in a clause of its own (not "after gunmen
shot at them"), by a named side (a re-mention that names its doer counts too: "police
blamed the killings on the Front"). When no such act is found (both sides' acts are told,
or none), a trigger noun is left to the merge (`merge.aim_at_doers`: the doer of the act
the re-mention joins); a noun of `reactions.tsv`, which no act joins, keeps no target
rather than the victims it names.

An adjective that says the doer came from abroad ("the foreign intervention") keeps only
the acts done by a side of one country in a place of another. An act told in a clause of
contrast ("while Angolan troops entered the port") is told in its own right. A vow to
avenge those killed ("vowed his fighters would avenge the victims") is aimed, like a
condemnation of "the killings", at the named doer of the killings told before it.

This pass runs on the article's drafts before they are merged (coder.py), once the doers
told in later sentences are known (`corefer.link_doers`).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..errors import KnowledgeError
from ..knowledge import data_path
from ..knowledge.tsv import alternatives, read_tsv
from .merge import GENERIC_ATTACKS, KILLINGS, TOLL_LEMMAS, VIOLENT_ROOTS, same_actor

if TYPE_CHECKING:
    from ..records import Actor
    from .draft import Draft

DISAPPROVAL_ROOT = "11"
# An accusation (112) and the verbs whose object is the accused ("accused Croatia of ...").
ACCUSATION = "112"
ACCUSING = frozenset({"accuse", "blame"})
# Appeals (02) and demands (10) that ask for an act to stop are aimed at its doer, and the
# nouns of stopping they ask for ("a halt to the offensive", "an end to the shelling").
HALT_ROOTS = frozenset({"02", "10"})
HALTS = frozenset({"halt", "end", "stop", "cessation", "suspension"})
ROLES = ("act", "verdict", "dismay", "deed", "foreign", "revenge")
# CAMEO root of threats: a vow of revenge is one (138).
THREAT_ROOT = "13"
# Links from a vow down to the verb of what it vows ("vowed that his fighters would
# avenge", "vowed to avenge", "said they would avenge").
VOWED_DEPS = ("xcomp", "ccomp", "conj")
# How far below the vow that verb may be ("vowed that they would try to avenge").
VOWED_DEPTH = 3
ANY_VIOLENCE = "*"
# The code of an act named only as "an attack": any act of violence may be what it re-names.
GENERIC_FORCE = "190"
# Modality of an act the writer tells as done; a "claimed" act (one side's word alone) is
# disputed.
TOLD_AS_DONE = "asserted"
# Verbs of killing a re-mention may be told with ("blamed the killings on X": "killing").
KILL_WORDS = frozenset({"kill", "killing", "murder", "massacre", "slaughter", "execute"})
# Links by which a noun names its own doer: "Israel's assault".
OWN_DOER_DEPS = ("poss",)
# Prepositions that name the doer of an act noun: "the assault by the army", "the
# brutality of the police" (a side named there, not the victims "against" or "on" name).
DOER_PREPS = frozenset({"by", "of"})


@dataclass(frozen=True)
class ReactionWords:
    """`reactions.tsv`: nouns of acts by their kinds, verdicts that condemn an act, and verbs
    of dismay ("was appalled by the shooting")."""

    acts: dict[str, tuple[str, ...]]
    verdicts: frozenset[str]
    dismay: frozenset[str] = frozenset()
    # nouns that name the act of a verb ("invasion": "invade"), with those verbs' lemmas
    deeds: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # adjectives that say an act's doer came from abroad ("the foreign intervention")
    foreign: frozenset[str] = frozenset()
    # verbs of taking revenge for those killed ("avenge the victims")
    revenge: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> "ReactionWords":
        path = path or data_path("reactions.tsv")
        acts: dict[str, tuple[str, ...]] = {}
        verdicts: set[str] = set()
        dismay: set[str] = set()
        deeds: dict[str, frozenset[str]] = {}
        foreign: set[str] = set()
        revenge: set[str] = set()
        for line, row in read_tsv(path, ["word", "role"], ["codes"]):
            word, role, codes = row["word"], row["role"], alternatives(row.get("codes", ""))
            if not word or word != word.lower() or " " in word:
                raise KnowledgeError(str(path), f"a word is one lower-case word, not {word!r}", line)
            if role not in ROLES:
                raise KnowledgeError(str(path), f"role must be one of {', '.join(ROLES)}, not {role!r}", line)
            if role == "act":
                if not codes or not all(c == ANY_VIOLENCE or c.isdigit() for c in codes):
                    raise KnowledgeError(str(path), f"an act needs CAMEO code prefixes or '*', not {codes!r}", line)
                acts[word] = tuple(codes)
            elif role == "dismay":
                dismay.add(word)
            elif role == "foreign":
                foreign.add(word)
            elif role == "revenge":
                revenge.add(word)
            elif role == "deed":
                if not codes or not all(c and c == c.lower() and c.isalpha() for c in codes):
                    raise KnowledgeError(str(path), f"a deed needs the lemmas of its verbs, not {codes!r}", line)
                deeds[word] = frozenset(codes)
            else:
                verdicts.add(word)
        return cls(acts=acts, verdicts=frozenset(verdicts), dismay=frozenset(dismay), deeds=deeds,
                   foreign=frozenset(foreign), revenge=frozenset(revenge))

    def act_kinds(self, noun: Token) -> tuple[str, ...] | None:
        """The kinds of act a noun of `acts` may re-name ("the hostage-taking": 181, 171,
        191), None for any other noun."""
        return self.acts.get(noun_key(noun))


def noun_key(noun: Token) -> str:
    """The noun as `reactions.tsv` writes it: "hostage-taking" for the head "taking" after
    "hostage" and a hyphen."""
    i = noun.i
    doc = noun.doc
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].head == noun:
        return f"{doc[i - 2].lower_}-{noun.lower_}"
    return noun.lemma_.lower()


def aim_at_told_doers(drafts: Sequence["Draft"], doc: Doc, words: ReactionWords) -> list["Draft"]:
    """The drafts, each disapproval about an act with no doer in its own sentence aimed at
    the doer of the act it re-names (one disapproval per doer: "the strikes" the US and
    Britain carried out are two sides'), or at no one when that doer is unknown or disputed."""
    tokens = {t.idx: t for t in doc}
    mentions = [(m.start, m.end) for m in doc._.actors or []]
    at_anchor = {d.anchor: d for d in drafts}
    ordered = sorted((d for d in drafts if d.evidence), key=lambda d: d.evidence[0].start)
    out = list(drafts)
    for draft in ordered:
        if draft.code.startswith(THREAT_ROOT) and draft.target is None and not draft.historical:
            out.extend(_aim_revenge(draft, tokens, mentions, ordered, words))
            continue
        if draft.code[:2] in HALT_ROOTS and not draft.historical:
            if draft.target is not None or draft.about is not None:
                continue
            halted = _halted(tokens.get(draft.anchor))
            if halted is None:
                continue
            draft.about = halted.idx  # aimed, as a disapproval is, at the doer of the act to halt
        elif not draft.code.startswith(DISAPPROVAL_ROOT) or draft.historical:
            continue
        if draft.code == ACCUSATION and draft.target is None:
            accused = _accused(tokens.get(draft.anchor), doc)
            if accused is not None and not same_actor(accused, draft.source):
                draft.about, draft.target = None, accused
                continue
        noun = _act_noun(draft, tokens, words)
        if noun is None or _names_doer(noun, mentions):
            continue
        act = at_anchor.get(noun.idx)
        if act is not None and act is not draft:
            if act.source is not None or act.code[:2] not in VIOLENT_ROOTS:
                continue  # "condemned the rebels' attack", "the sanctions": as merge.aim_at_doers finds
            kinds = _kinds_of(act, noun)
        else:
            kinds = words.act_kinds(noun) or _generic_kinds(noun)
            if kinds is None and draft.code[:2] in HALT_ROOTS:
                kinds = (ANY_VIOLENCE,)  # "a halt to the offensive": the act asked to stop is one of violence
            if kinds is None:
                continue
        doers = [d for d in _deed_doers(draft, words.deeds.get(noun_key(noun), frozenset()), ordered)
                 if not same_actor(d, draft.source)]
        if not doers:
            abroad = any(c.dep_ == "amod" and c.lower_ in words.foreign for c in noun.children)
            contrasted = {a.anchor for a in ordered if a.subordinate and _in_contrast(tokens.get(a.anchor))}
            doers = [d for d in _told_doers(draft, kinds, ordered, abroad=abroad, contrasted=contrasted)
                     if not same_actor(d, draft.source)]
        if doers:
            draft.about = None  # aimed here: no other act's doer is to be guessed after the merge
            draft.target = doers[0]
            out.extend(dataclasses.replace(draft, target=doer, anchors=set(draft.anchors)) for doer in doers[1:])
        elif act is None or act is draft:
            draft.target = None  # "condemned the hostage-taking": not the hostages
    return out


def _halted(verb: Token | None) -> Token | None:
    """"Demanded an immediate halt to the offensive", "called for an end to the shelling":
    the act a demand or an appeal asks to stop (the noun after "to" or "of" on a noun of
    stopping, `HALTS`, that is the verb's object or the object of its "for")."""
    if verb is None:
        return None
    asked = [c for c in verb.children if c.dep_ == "dobj"]
    asked += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    for halt in asked:
        if halt.lemma_.lower() not in HALTS:
            continue
        for prep in (c for c in halt.children if c.dep_ == "prep" and c.lower_ in ("to", "of")):
            act = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if act is not None:
                return act
    return None


def _accused(verb: Token | None, doc: Doc) -> "Actor | None":
    """"The Yugoslav government accused Croatia of ethnic cleansing": the one a verb of
    accusing names as its object is the accused, whoever the act it names was told of (the
    act's own event may have no doer: an accusation's content is a charge, not news)."""
    if verb is None or verb.lemma_.lower() not in ACCUSING:
        return None
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if accused is None:
        return None
    return next((m.actor for m in doc._.actors or [] if m.start <= accused.idx < m.end), None)


def _aim_revenge(draft: "Draft", tokens: dict[int, Token], mentions: Sequence[tuple[int, int]],
                 ordered: Sequence["Draft"], words: ReactionWords) -> list["Draft"]:
    """"Vowed that his fighters would avenge the victims": a vow of revenge for people
    killed is aimed at whoever killed them, the named doer of the killings told before it
    (one side's, as for a condemnation of "the killings"). Sets the draft's target; returns
    one more draft for each further doer."""
    avenging = _avenging(tokens.get(draft.anchor), words.revenge)
    if avenging is None:
        return []
    wronged = next((c for c in avenging.children if c.dep_ == "dobj"), None)
    if wronged is not None and _names_doer(wronged, mentions):
        return []  # "avenge the army's massacre": the vow names whose act it was
    doers = [d for d in _told_doers(draft, (ANY_VIOLENCE, "killed"), ordered) if not same_actor(d, draft.source)]
    if not doers:
        return []
    draft.target = doers[0]
    return [dataclasses.replace(draft, target=doer, anchors=set(draft.anchors)) for doer in doers[1:]]


def _avenging(vow: Token | None, revenge: frozenset[str]) -> Token | None:
    """The verb of revenge a vow is about: the vow's own verb ("avenged") or one it governs
    (`VOWED_DEPS`, at most `VOWED_DEPTH` below it)."""
    if vow is None:
        return None
    level = [vow]
    for _ in range(VOWED_DEPTH + 1):
        found = next((t for t in level if t.lemma_.lower() in revenge and t.pos_ == "VERB"), None)
        if found is not None:
            return found
        level = [c for t in level for c in t.children if c.dep_ in VOWED_DEPS]
    return None


def _act_noun(draft: "Draft", tokens: dict[int, Token], words: ReactionWords) -> Token | None:
    """The noun of the act a disapproval is about: the act it was coded about (a trigger
    noun, or the subject of a judging clause), or an object of its verb that `reactions.tsv`
    names ("condemned the hostage-taking")."""
    if draft.about is not None:
        noun = tokens.get(draft.about)
        return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None
    verb = tokens.get(draft.anchor)
    if verb is None:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj"]
    return next((o for o in objects if words.act_kinds(o) is not None), None)


def _kinds_of(act: "Draft", noun: Token) -> tuple[str, ...]:
    """The kinds of act a trigger noun may re-name: any act of violence for "the attack" or
    "the assault", one that killed for "the killings", else its own kind ("the air strikes")."""
    lemma = noun.lemma_.lower()
    if lemma in KILLINGS or noun.lower_ in KILLINGS:
        return (ANY_VIOLENCE, "killed")
    if act.code[:3] == GENERIC_FORCE or (lemma in GENERIC_ATTACKS and not any(
            c.dep_ in ("compound", "amod") for c in noun.children)):
        return (ANY_VIOLENCE,)  # "the attack", "the strike" (but "the air strikes" are air strikes)
    return (act.code[:3],)


def _generic_kinds(noun: Token) -> tuple[str, ...] | None:
    """The kinds of act a noun with no event of its own may re-name when it names any act
    of violence ("called the strikes an act of war": the strikes judged, not told again) or
    a killing ("the killings"); None for any other noun."""
    lemma = noun.lemma_.lower()
    if lemma in KILLINGS or noun.lower_ in KILLINGS:
        return (ANY_VIOLENCE, "killed")
    if lemma in GENERIC_ATTACKS and not any(c.dep_ in ("compound", "amod") for c in noun.children):
        return (ANY_VIOLENCE,)
    return None


def _told_doers(draft: "Draft", kinds: tuple[str, ...], ordered: Sequence["Draft"], *,
                abroad: bool = False, contrasted: frozenset[int] | set[int] = frozenset()) -> list["Actor"]:
    """The named doers of the act told before the disapproval's sentence that its noun
    re-names, told as done in a clause of its own: the nearest act of the noun's own kind;
    for a noun of any act of violence, the acts of violence told before it when they are
    one act or one side's (when both sides' acts are told, or one of no named doer, "the
    attack" does not say whose it is). `abroad` ("the foreign intervention"): only the acts
    done by a side of one country in a place of another count. An act in a clause of
    contrast (`contrasted`: "while Angolan troops entered Pointe-Noire") is told in its own
    right, as its main clause is."""
    start = draft.evidence[0].start
    acts: dict[int, list["Actor | None"]] = {}  # the doers of each act, by its anchor (None: unknown)
    for act in reversed(ordered):
        if act.evidence[0].start >= start or act.historical or (act.subordinate and act.anchor not in contrasted):
            continue
        if act.modality != TOLD_AS_DONE:
            continue
        if act.source is None and (act.anaphoric or act.lemma in TOLL_LEMMAS):
            continue  # "the attack", "19 people were killed": a re-mention or a toll, no act of its own
        if abroad and not _abroad(act):
            continue
        if ANY_VIOLENCE in kinds:
            if act.code[:2] not in VIOLENT_ROOTS or ("killed" in kinds and not _killed(act)):
                continue
        elif not any(act.code.startswith(k) for k in kinds):
            continue
        elif acts and act.anchor not in acts:
            break  # the nearest act of its kind is found, with each of its doers
        doers = acts.setdefault(act.anchor, [])
        if not any(_same_doer(act.source, d) for d in doers):
            doers.append(act.source)
    # an act whose doer is unknown ("a bomb exploded") may be the one the noun re-names
    if len(acts) == 1:
        found = next(iter(acts.values()))
        return [] if None in found else [d for d in found if d is not None]
    sides = {(_key(d) if d is not None else ""): d for doers in acts.values() for d in doers}
    return [d for d in sides.values() if d is not None] if len(sides) == 1 else []


def _deed_doers(draft: "Draft", verbs: frozenset[str], ordered: Sequence["Draft"]) -> list["Actor"]:
    """The named doer of the nearest act told before the disapproval's sentence with a verb
    its noun names ("condemned the invasion": the forces that "invaded"), even in a clause
    that describes that doer ("the troops that invaded the island"); none when that act has
    no named doer or is not told as done."""
    if not verbs:
        return []
    start = draft.evidence[0].start
    for act in reversed(ordered):
        if act.evidence[0].start >= start or act.historical or act.lemma not in verbs:
            continue
        if act.modality != TOLD_AS_DONE or act.source is None:
            return []
        return [act.source]
    return []


# Conjunctions of a clause that tells an act beside the main one, not as its background
# ("seized the palace, while Angolan troops entered the port"; not "after gunmen fired").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})


def _in_contrast(token: Token | None) -> bool:
    """The act's verb heads, or is in, an adverbial clause opened by a conjunction of
    `CONTRAST_MARKS`."""
    for _ in range(6):
        if token is None:
            return False
        if token.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in token.children)
        if token.head == token:
            return False
        token = token.head
    return False


def _abroad(act: "Draft") -> bool:
    """The act was done by a side of one country in a place of another ("Angolan troops
    entered the port of Pointe-Noire")."""
    country = getattr(act.place, "country", None)
    return act.source is not None and bool(act.source.country) and bool(country) and act.source.country != country


def _same_doer(x: "Actor | None", y: "Actor | None") -> bool:
    return (x is None and y is None) or same_actor(x, y)


def _killed(act: "Draft") -> bool:
    """The act killed: a toll of dead, or a word of killing ("blamed the killings on X")."""
    return any(t.killed for t in act.tolls) or act.lemma in KILLINGS or act.lemma in KILL_WORDS


def _names_doer(noun: Token, mentions: Sequence[tuple[int, int]]) -> bool:
    """The act noun names its doer itself: "Israel's assault", "the Abkhaz attack", "police
    violence", "the brutality of the police", "the attack by the rebels" (`mentions`: the
    character spans of the article's actor mentions)."""
    words: list[Token] = []
    own = {noun.i - 2, noun.i - 1} if "-" in noun_key(noun) else set()  # "hostage-" in "hostage-taking"
    for child in noun.children:
        if child.i in own:
            continue
        if child.dep_ in OWN_DOER_DEPS or (child.dep_ in ("amod", "compound", "nmod")
                                           and (child.ent_type_ or child.pos_ == "PROPN")):
            return True
        if child.dep_ in ("amod", "compound", "nmod") or (child.dep_ in ("prep", "agent")
                                                          and child.lower_ in DOER_PREPS):
            words.extend(child.subtree)
    return any(start <= w.idx < end for w in words for start, end in mentions)


def _key(actor: "Actor") -> str:
    return actor.code or actor.name

