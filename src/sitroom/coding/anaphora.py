"""An act named again as the subject of a clause of its own, and the toll told with it.

"Karzai on Wednesday condemned an air strike in the south ... The strike hit a house in the
district on Monday night": the second sentence tells the strike of the first again, by a
definite noun of the act or of its weapon ("the strike", "the missile", "the blast") that is
the subject of a verb of violence with no doer of its own. It is that act, not a second one
(an event an article tells twice is one event, as the conventions say): it joins the nearest act told
before it whose kind, place and actors do not contradict it, with the toll its own sentence
ties to it ("nine people were killed when the missile hit the flats").

Its day is the act's when the act had none of its own: when the act was dated only by the
article, or only by the clause of another act that names it ("condemned on Wednesday a
strike": Wednesday is the condemnation's day). An act told first with a day of its own that
is not the re-mention's is another act ("a drone hit the depot on Monday ... the strike on
Tuesday"), and a noun that counts ("the second missile") names another one.

This pass runs on the article's drafts before they are merged (coder.py); the merge
(merge.py) then joins what else re-mentions the act.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .clauses import WEAPON_NOUNS
from .merge import GENERIC_ATTACKS, TOLL_LEMMAS, VIOLENT_ROOTS, absorb, refers_to
from .syntax import definite, first_conjunct

if TYPE_CHECKING:
    from .draft import Draft


# Nouns that, definite and the subject of a verb of violence, name an act told before:
# the act ("the strike", "the raid") or its weapon ("the missile", "the car bomb").
ACT_NOUNS = WEAPON_NOUNS | GENERIC_ATTACKS
# A noun of GENERIC_ATTACKS, which may re-name any act of violence (merge.refers_to): the
# kind of act the subject names.
ANY_ACT = "attack"
# Words on such a noun that set it apart from the one told before: "the second missile",
# "the other drone", "the next strike".
OTHER_ONE = frozenset({"other", "another", "next", "new", "second", "third", "fourth", "later", "latest"})
# Modalities of an act told as done, by the writer or by a party to it: what a re-mention
# names ("the strike hit"), not an act only planned or threatened.
DONE = frozenset({"asserted", "claimed"})
# Links from a toll's verb to the re-mention that tells how the dead died: "were killed when
# the missile hit" (advcl), "were killed as the shell struck" (advcl).
CAUSE_DEPS = ("advcl",)


def join_re_mentions(drafts: Sequence["Draft"], doc: Doc) -> list["Draft"]:
    """The drafts less each act named again as a subject and the toll of its sentence, both
    absorbed into the act they re-mention (which takes the re-mention's day when it had
    none of its own)."""
    tokens = {t.idx: t for t in doc}
    ordered = sorted((d for d in drafts if d.evidence), key=lambda d: (d.evidence[0].start, d.anchor))
    gone: set[int] = set()
    for draft in ordered:
        token = tokens.get(draft.anchor)
        if token is None or id(draft) in gone:
            continue
        subject = _act_named_again(draft, token)
        if subject is None:
            continue
        act = _antecedent(draft, subject, ordered, tokens, gone)
        if act is None:
            continue
        if not draft.date_inferred and not draft.date_suspect and act.date != draft.date:
            if not (act.date_inferred or act.date_suspect or _borrowed_date(act, tokens, drafts, doc)):
                continue  # the act told first has a day of its own, another one: another act
            act.date, act.date_precision = draft.date, draft.date_precision
            act.date_inferred = act.date_suspect = False
        for joined in (draft, *_tolls_of(token, draft, ordered, tokens, gone)):
            if joined is not draft and act.target is not None:
                joined.target = None  # the act's own target stays; the toll counts the victims
            absorb(act, joined)
            gone.add(id(joined))
    return [d for d in drafts if id(d) not in gone]


def _act_named_again(draft: "Draft", token: Token) -> Token | None:
    """The subject of a verb of violence with no doer when it is a definite act or weapon
    noun that does not count another one ("the strike hit", not "a second missile hit")."""
    if draft.code[:2] not in VIOLENT_ROOTS or draft.source is not None or draft.historical:
        return None
    if token.pos_ != "VERB":
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not definite(subject):
        return None
    if subject.lemma_.lower() not in ACT_NOUNS:
        return None
    if any(c.lower_ in OTHER_ONE or c.ent_type_ == "ORDINAL" for c in subject.children):
        return None
    return subject


def _antecedent(draft: "Draft", subject: Token, ordered: Sequence["Draft"], tokens: dict[int, Token],
                gone: set[int]) -> "Draft | None":
    """The act told in an earlier sentence that the re-mention names: an act told as done,
    not a toll or another re-mention, whose kind and actors do not contradict it; the
    nearest one told with the subject's own noun ("a drone strike ... the drone hit the
    market", wherever the clause that re-mentions it is placed), else the nearest one whose
    place agrees too."""
    start = draft.evidence[0].start
    # the subject names the act, whatever the verb ("the strike had targeted insurgents")
    named = dataclasses.replace(draft, lemma=ANY_ACT, anchors=set(draft.anchors))
    unplaced = dataclasses.replace(named, place=None)
    noun = subject.lemma_.lower()
    nearest = None
    for act in reversed(ordered):
        if id(act) in gone or act is draft or act.anaphoric or act.evidence[0].end > start:
            continue
        if act.code[:2] not in VIOLENT_ROOTS or (act.source is None and act.lemma in TOLL_LEMMAS):
            continue
        if act.modality not in DONE:
            continue  # "tried to plant a bomb to target the police ... the device went off": not what was aimed at
        if noun in _words(act, tokens) and refers_to(unplaced, act):
            return act
        if nearest is None and refers_to(named, act):
            nearest = act
    return nearest


def _words(act: "Draft", tokens: dict[int, Token]) -> set[str]:
    """The lemmas an act was told with: its trigger's and its compounds' ("drone strike")."""
    token = tokens.get(act.anchor)
    if token is None:
        return {act.lemma}
    return {act.lemma} | {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod")}


def _borrowed_date(act: "Draft", tokens: dict[int, Token], drafts: Sequence["Draft"], doc: Doc) -> bool:
    """The act is a noun whose day is the one of another act whose object it is ("condemned
    on Wednesday an air strike"), with no date in its own phrase ("the strike on Monday")."""
    noun = tokens.get(act.anchor)
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if not any(other is not act and other.anchor == verb.idx and other.date == act.date for other in drafts):
        return False
    phrase = list(noun.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return not any(start <= m.start < end for m in doc._.dates or [])


def _tolls_of(re_mention: Token, draft: "Draft", ordered: Sequence["Draft"], tokens: dict[int, Token],
              gone: set[int]) -> list["Draft"]:
    """The tolls with no doer of the re-mention's sentence whose dead died by it: "at least
    nine people were killed and 34 wounded when the missile hit the flats"."""
    if re_mention.dep_ not in CAUSE_DEPS:
        return []
    head = first_conjunct(re_mention.head)  # "were killed and 34 wounded when ...": the whole list of the toll
    heads = {head.i} | {c.i for c in head.children if c.dep_ == "conj"}
    out = []
    for toll in ordered:
        token = tokens.get(toll.anchor)
        if toll is draft or id(toll) in gone or token is None or token.i not in heads:
            continue
        if toll.source is None and toll.lemma in TOLL_LEMMAS and toll.evidence[0].start == draft.evidence[0].start:
            out.append(toll)
    return out
