"""Doers told in another sentence: an act reported with no named doer, and a later sentence
that lays it at a named side's door.

"A bomb exploded outside the court on Tuesday, killing four. ... The Popular Front claimed
responsibility for the attack on Wednesday": the claim re-mentions the act ("the attack")
and names who did it, by its own word; "Police blamed the bombing on the Liberation Army",
"the attack was carried out by the Liberation Army" name the doer by another's word. The
act told first, with no doer or only unnamed men ("gunmen", "unknown attackers"), takes the
named side as its doer, and the re-mention, now of one doer with it, merges into it
(merge.py). A denial ("X denied any role in the attack") names no doer; two sides named for
one act (a claim and a blame that differ) leave it as told: no guess.

The same holds for a noun that re-names an act without saying its kind, none a trigger
of its own ("this crime", "the terrorist act": `deeds.tsv`): "the FAL claimed responsibility
for this crime" names the doer of the act of violence told last before it, when that act
has no named doer; so does "X was behind the attack" (or "the group said it was behind
the killing"), which the coder tells only as an accusation. The doer is always the side the
words name ("blamed the bombing on X": X), never a side the coder took from elsewhere in
the clause, and nobody when the words are denied or hedged ("is not responsible for",
"could be behind", "no group has claimed").

This pass runs on the article's drafts before they are merged (coder.py).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..errors import KnowledgeError
from ..knowledge import data_path
from ..knowledge.tsv import read_tsv
from .arguments import ActorIndex, accused, actors_of, claimant_of
from .merge import GENERIC_ATTACKS, KILLINGS, UNNAMED_ARMED, VIOLENT_ROOTS, refers_to
from .syntax import definite, passive_agent, subject_of

if TYPE_CHECKING:
    from ..records import Actor
    from .draft import Draft


# Verbs whose passive agent is the doer of the act that is their subject: "the attack was
# carried out by X", "the massacre was perpetrated by X", "the bombing was claimed by X".
DOING_VERBS = frozenset({"carry", "perpetrate", "commit", "stage", "mount", "launch", "conduct", "execute",
                         "claim", "orchestrate", "mastermind", "plan", "organize", "organise"})
# Modalities of an act told as done: by the writer, or by a party to it.
DONE = frozenset({"asserted", "claimed"})
# Words that deny or hedge who did an act: "no group has claimed it", "could be responsible".
DOUBT_WORDS = frozenset({"no", "not", "never", "n't", "could", "may", "might"})
# Verbs that deny what their clause says: "denied it was behind the attack".
DENIALS = frozenset({"deny", "reject", "dismiss", "refute"})
# Pronouns by which a speaker names itself in what it says: "the group said it ...".
SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})
# Pronouns that name no one unless a speaker says them of itself ("it was behind schedule").
EMPTY_SUBJECTS = frozenset({"it", "this", "that"})


def load_deeds(path: Path | None = None) -> frozenset[str]:
    """The nouns of `deeds.tsv` (docs/knowledge-events.md)."""
    path = path or data_path("deeds.tsv")
    words = set()
    for line, row in read_tsv(path, ["word"]):
        word = row["word"]
        if not word or word != word.lower() or " " in word:
            raise KnowledgeError(str(path), f"a deed is one lower-case word, not {word!r}", line)
        words.add(word)
    return frozenset(words)


def link_doers(drafts: Sequence["Draft"], doc: Doc, frames: Callable[[str, str], bool],
               deeds: frozenset[str] = frozenset()) -> None:
    """Give each act told with no named doer the side a later re-mention of it lays it on,
    when exactly one side is named for it (`frames`: the lexicon's frame test, for the
    verbs of claiming; `deeds`: the nouns that re-name an act of any kind)."""
    tokens = {t.idx: t for t in doc}
    index = ActorIndex(doc, list(doc._.actors or []))
    ordered = sorted((d for d in drafts if d.evidence), key=lambda d: d.evidence[0].start)
    laid: dict[int, list[tuple["Draft", "Actor", "Draft | None"]]] = {}
    for draft in ordered:
        token = tokens.get(draft.anchor)
        if token is None or not _re_mention_laid(draft, token, index, frames):
            continue
        act = _unnamed_act(draft, ordered)
        if act is not None and draft.source is not None:
            laid.setdefault(id(act), []).append((act, draft.source, draft))
    for deed, doer in _deeds_laid(doc, index, frames, deeds):
        act = _last_act(deed.sent.start_char, ordered)
        if act is not None:
            laid.setdefault(id(act), []).append((act, doer, None))
    for entries in laid.values():
        act = entries[0][0]
        if len({_key(doer) for _, doer, _ in entries}) != 1:
            continue  # "police blamed X, but Y claimed it": two sides named, no guess
        act.source = entries[0][1]
        for _, _, attribution in entries:
            if attribution is not None:
                attribution.anaphoric = True  # it re-mentions the act, whatever day its clause gives


def _named(actor: "Actor | None") -> bool:
    """A side the text names, not nobody or unnamed armed men ("gunmen")."""
    return actor is not None and not (actor.code or "").endswith(UNNAMED_ARMED)


def _done_violence(draft: "Draft") -> bool:
    return draft.code[:2] in VIOLENT_ROOTS and draft.modality in DONE


def _key(actor: "Actor | None") -> str:
    return (actor.code or actor.name) if actor is not None else ""


def _re_mention_laid(draft: "Draft", token: Token, index: ActorIndex, frames: Callable[[str, str], bool]) -> bool:
    """A re-mention of an act ("the attack", "Tuesday's bombing") that a sentence lays on the
    named side the draft has for doer: claimed, blamed, attributed or said to be carried out
    by it (the doer the words name, not one the coder took from elsewhere in the clause)."""
    if not _done_violence(draft) or draft.historical or not _named(draft.source):
        return False
    if token.pos_ != "NOUN" or not _definite(token):
        return False  # "an attack", "attacks": not the act told before
    return _key(draft.source) in _doers(token, index, frames)


def _doers(noun: Token, index: ActorIndex, frames: Callable[[str, str], bool]) -> dict[str, "Actor"]:
    """The named sides (by code) the words around an act noun lay it on, none when they
    deny or hedge it."""
    doer = _behind(noun) or _claimant(noun, frames) or accused(noun) or _agent(noun)
    doer = _speaker(doer) if doer is not None else None
    if doer is None or doer.lower_ in EMPTY_SUBJECTS or _doubted(noun):
        return {}
    return {_key(a.actor): a.actor for a in actors_of(doer, index) if a.actor.code and _named(a.actor)}


def _deeds_laid(doc: Doc, index: ActorIndex, frames: Callable[[str, str], bool],
                deeds: frozenset[str]) -> list[tuple[Token, "Actor"]]:
    """Each definite deed noun ("this crime", "the terrorist act") a sentence lays on one
    named side, with that side; and each noun that may re-name any act ("the attack", "the
    killing") that one side is said to be behind, which the coder tells as an accusation
    only (no draft of the act carries it)."""
    out = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.tag_ != "NN" or not _definite(token):
            continue
        if lemma in deeds or (lemma in GENERIC_ATTACKS | KILLINGS and _behind(token) is not None):
            found = _doers(token, index, frames)
            if len(found) == 1:
                out.extend((token, actor) for actor in found.values())
    return out


def _definite(noun: Token) -> bool:
    """"the attack", "this crime", and a possessor's ("Tuesday's bombing", "the group's raid")."""
    return definite(noun) or any(c.dep_ == "poss" for c in noun.children)


def _claimant(noun: Token, frames: Callable[[str, str], bool]) -> Token | None:
    """Who claims the act: the subject of "claimed the attack", or as the coder reads a claim
    ("claimed responsibility for", "said it was responsible for": `arguments.claimant_of`)."""
    if noun.dep_ == "dobj" and frames(noun.head.lemma_.lower(), "responsibility"):
        return subject_of(noun.head)
    return claimant_of(noun, frames)


def _agent(noun: Token) -> Token | None:
    """X in "the act was carried out by X", "this crime, carried out by X"."""
    verbs = [noun.head] if noun.dep_ == "nsubjpass" else []
    verbs += [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    return next((passive_agent(v) for v in verbs if v.lemma_.lower() in DOING_VERBS and passive_agent(v) is not None),
                None)


def _speaker(doer: Token) -> Token:
    """Who "it", "they" or "we" is when it speaks of itself: the subject of the report whose
    clause it is the subject of ("the group said it was behind the attack")."""
    if doer.lower_ not in SPEAKER_PRONOUNS or doer.dep_ != "nsubj" or doer.head.dep_ != "ccomp":
        return doer
    speaker = subject_of(doer.head.head)
    return speaker if speaker is not None else doer


def _behind(noun: Token) -> Token | None:
    """X in "X was behind the attack", "said X were behind the crime"."""
    behind = noun.head
    if noun.dep_ != "pobj" or behind.lower_ != "behind" or behind.head.lemma_ != "be":
        return None
    return next((c for c in behind.head.children if c.dep_ == "nsubj"), None)


def _doubted(noun: Token) -> bool:
    """"No group has claimed the crime", "they could be responsible for the act", "denied
    it was behind the attack": denied or hedged on the words that govern the noun."""
    for word in (noun, *noun.ancestors):
        if word is not noun and word.lemma_.lower() in DENIALS:
            return True
        if any(c.lower_ in DOUBT_WORDS and c.dep_ in ("neg", "aux", "det") for c in word.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "no" for g in c.children)
               for c in word.children):
            return True
    return False


def _last_act(before: int, ordered: Sequence["Draft"]) -> "Draft | None":
    """The act of violence told last before `before`, when it has no named doer."""
    for act in reversed(ordered):
        if act.evidence[0].start >= before or act.anaphoric or act.historical:
            continue
        if not _done_violence(act):
            continue
        return None if _named(act.source) else act
    return None


def _unnamed_act(attribution: "Draft", ordered: Sequence["Draft"]) -> "Draft | None":
    """The nearest act told before the re-mention, of its kind, place and target, when it has
    no named doer and a day no later than the re-mention's."""
    start = attribution.evidence[0].start
    unnamed = dataclasses.replace(attribution, source=None, anchors=set(attribution.anchors))
    for act in reversed(ordered):
        if act is attribution or act.evidence[0].start >= start or act.anaphoric:
            continue
        if not _done_violence(act) or not refers_to(unnamed, act):
            continue
        if _named(act.source):
            return None  # the act it names has a doer already
        if act.date and attribution.date and not attribution.date_inferred and act.date[:10] > attribution.date[:10]:
            continue  # a claim does not come before the act it claims
        return act
    return None
