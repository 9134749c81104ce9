"""Vows of force told in the future with no verb of threatening (h61).

"The president said the army would recover every village", '"We will return to Kidal,"
the minister said', '"If they do not leave the town, they will be removed"', "Moscow said it
would respond in ways the West would feel": a speaker for a state or an armed side tells
that his side will use force. CAMEO codes that as a threat of force (138) by the speaker,
aimed at the side the act names (its object, the subject of a passive, or the subject of
the clause that sets its terms), or at no one named.

The act's verb is one of frame `vowed-force` (`frames.tsv`) told with "will"/"would" and no
negation, and is no trigger of its own (a trigger is coded by `coder._events`). It is a vow
only when its doer is the speaker's side: "we", "our forces", the speaker's own pronoun or
armed forces ("the army"), or no one named in a passive whose subject is the other side. A
forecast ("analysts said the army would retake the town"), a plan of peace ("the envoy will
return to Geneva for talks") and a return home ("the troops will return to their barracks")
are no threat.

Also here: an act done "with full force" by the speaker's side (138), a vow to bring someone
to trial or justice (130), and a state's warning to its "neighbours", which is not aimed at
its own people.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from ..records import Actor, Article, Evidence
from .arguments import ActorIndex, Argument, actors_of
from .draft import Draft
from .rules import intended, threatened_act
from .roles import is_armed, role
from .syntax import is_passive, passive_subject, subject_of
from .when import event_date

FORCE_THREAT = "138"
RULE = "threat:vowed-force"
# "vowed to bring the coup leaders to trial": a threat (130) at those it names
GENERIC_THREAT, JUSTICE_RULE = "130", "threat:vowed-justice"
STATEMENT = "010"
THREAT_ROOT = "13"
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "my"})
OTHER_PRONOUNS = frozenset({"they", "them"})
# Speakers whose vows of force threaten: states and armed sides (not a body like the UN,
# whose word on what an army will do is a forecast).
VOWING_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "INS", "RAD"})
QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
# Verbs whose act needs a place or ground as its object or goal ("recover every village",
# "return to Kidal"); the others need the other side as object ("crush the militias", "they
# will be removed").
PLACE_VERBS = frozenset({"recover", "regain", "return"})
# "will continue the campaign until ...", "the offensive will go on until ...": verbs by which
# an act goes on, and those by which it stops ("will not stop fighting until ...").
GOING_ON = frozenset({"continue", "go on", "carry on", "press on", "keep up", "pursue"})
STOPPING = frozenset({"stop", "halt", "cease", "end", "suspend"})
# Acts of force that a side may say will go on until its terms are met.
FORCE_WORDS = frozenset({"offensive", "campaign", "operation", "operations", "fighting", "fight", "war", "strike",
                         "strikes", "bombing", "bombardment", "assault", "attack", "attacks", "onslaught",
                         "shelling", "siege", "raid", "raids", "advance", "blockade"})
UNTIL_RULE = "threat:force-until"
# Particles that open a compound preposition with "of" ("driven out of Gwoza", "wiped off
# the map" has none): the parse hangs them as prepositions of the verb.
COMPOUND_PREP_PARTICLES = frozenset({"out"})


def vowed_force(sent: Span, article: Article, actors: ActorIndex, dates: dict, evidence: Evidence,
                told: list[Draft], *, has_frame: Callable[[str, str], bool], is_report: Callable[[Token], bool],
                is_trigger: Callable[[Token], bool], is_place: Callable[[Token], bool]) -> list[Draft]:
    """The sentence's drafts `told` so far, with the vows of force it tells (module
    docstring), one draft per vow: none from a speaker whose threat the sentence already
    tells ("said that if the militiamen did not leave they would be removed by force" is an
    ultimatum of `speech_acts._ultimatums`); a bare statement (010) of the speaker's is the vow."""
    out = []
    for act in sent:
        justice, forceful = _to_justice(act, has_frame), _with_force(act, has_frame)
        if act.pos_ != "VERB" or is_trigger(act) or not (
                justice or forceful or has_frame(_verb_key(act), "vowed-force")):
            continue
        # "would keep acting with full force": the future of the verb the act goes on from
        told_as = act.head if act.dep_ == "xcomp" and told_in_future(act.head) else act
        if not (told_in_future(told_as) or _vowed(act, has_frame)) or any(c.dep_ == "neg" for c in told_as.children):
            continue
        frame, speaker = _speaker(act, sent, actors, has_frame, is_report)
        if speaker is None or role(speaker) not in VOWING_ROLES and not _state(speaker):
            continue
        if frame is not None and is_trigger(frame):
            continue  # "warned that his troops would ...": the warning is the event
        if threat_told(told, speaker):
            continue
        if justice:
            target = _justice_aim(act, speaker, actors)
        elif forceful and not has_frame(_verb_key(act), "vowed-force"):
            target = _forceful_aim(told_as, act, speaker, actors, has_frame)
        else:
            target = _aim(act, speaker, actors, has_frame, is_place)
        if target is False:
            continue
        when = event_date([frame] if frame is not None else [act], dates, article.published, is_report)
        code, rule = (GENERIC_THREAT, JUSTICE_RULE) if justice else (FORCE_THREAT, RULE)
        out.append(Draft(
            code=code, rule=rule, trigger=act.text, lemma=act.lemma_.lower(), anchor=act.idx,
            source=speaker, target=target or None, **when.draft_fields(), place=None, tolls=[],
            attribution=None, modality="threatened", evidence=[evidence], symmetric=False, violent=False,
        ))
    out.extend(_force_until(sent, article, actors, dates, evidence, told + out, has_frame=has_frame,
                            is_report=is_report, is_trigger=is_trigger))
    for draft in told:
        _vowed_in_statement(draft, sent, actors, has_frame)
    speakers = {d.source.code for d in out}
    kept = [d for d in told if not (d.code == STATEMENT and d.source is not None and d.source.code in speakers)]
    return [_to_neighbours(d, has_frame) for d in kept] + out


def _force_until(sent: Span, article: Article, actors: ActorIndex, dates: dict, evidence: Evidence,
                 told: list[Draft], *, has_frame: Callable[[str, str], bool], is_report: Callable[[Token], bool],
                 is_trigger: Callable[[Token], bool]) -> list[Draft]:
    """"Sharif vowed to continue the campaign until the last militant was eliminated", "said
    the offensive would go on until the region was back under its rule", "vowed that Israel
    would not stop fighting until every hostage was home": a state or an armed side that says
    its force will go on (or not stop) until a condition is met threatens force (138), aimed
    at the other side the condition names (its subject, active or passive), or at no one
    named. The verb goes on (`GOING_ON`, or a negated `STOPPING`), is told in the future or
    vowed, has an "until" clause, and its force is an act of force (`FORCE_WORDS`) as its
    subject, object or the verb it governs ("stop fighting"); a doer named other than the
    speaker's own side ("said the rebels would keep up attacks until ...") is a forecast."""
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or is_trigger(verb):
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        if not ((_verb_key(verb) in GOING_ON and not negated) or (verb.lemma_.lower() in STOPPING and negated)):
            continue
        until = next((c for c in verb.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)), None)
        if until is None or not (told_in_future(verb) or _vowed(verb, has_frame)):
            continue
        parts = [c for c in verb.children if c.dep_ in ("nsubj", "dobj", "xcomp")]
        if not any(_force_word(p) for p in parts):
            continue
        frame, speaker = _speaker(verb, sent, actors, has_frame, is_report)
        if speaker is None or role(speaker) not in VOWING_ROLES and not _state(speaker):
            continue
        if (frame is not None and is_trigger(frame)) or threat_told(told + out, speaker):
            continue
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is not None and not _force_word(doer) and (not _own_side(doer, speaker, actors)
                                                           or _across(doer, speaker, actors)):
            continue
        named = subject_of(until, climb=False) or passive_subject(until)
        target = next((a.actor for a in (actors_of(named, actors) if named is not None else [])
                       if a.actor.code != speaker.code and is_armed(a.actor)), None)
        when = event_date([frame] if frame is not None else [verb], dates, article.published, is_report)
        out.append(Draft(
            code=FORCE_THREAT, rule=UNTIL_RULE, trigger=verb.text, lemma=verb.lemma_.lower(), anchor=verb.idx,
            source=speaker, target=target, **when.draft_fields(), place=None, tolls=[],
            attribution=None, modality="threatened", evidence=[evidence], symmetric=False, violent=False,
        ))
    return out


# Roles of those who fight a state: a state's speaker telling what they will do tells no vow.
FIGHTING_THE_STATE = frozenset({"REB", "INS", "RAD", "OPP"})


def _across(doer: Token, speaker: Actor, actors: ActorIndex) -> bool:
    """The doer is named as the other side of the speaker's conflict ("the army said the
    rebels would keep up their attacks"), a state's against those who fight it or theirs
    against a state."""
    found = actors_of(doer, actors)
    return bool(found) and (role(found[0].actor) in FIGHTING_THE_STATE) != (role(speaker) in FIGHTING_THE_STATE)


def _force_word(token: Token) -> bool:
    """An act of force: "the offensive", "the military campaign", "fighting" (not "the
    election campaign": a campaign named by a compound is of another kind)."""
    lemma = token.lemma_.lower()
    if lemma == "campaign" and any(c.dep_ == "compound" for c in token.children):
        return False
    return lemma in FORCE_WORDS or token.lower_ in FORCE_WORDS


def _vowed_in_statement(draft: Draft, sent: Span, actors: ActorIndex,
                        has_frame: Callable[[str, str], bool]) -> None:
    """"The militia vowed in a statement posted online on Monday to fight the army": the
    parser hangs the vow's infinitive from the participle of its own statement ("posted",
    "released", "issued"), so the act has no doer; it is the vow's subject's threatened act,
    coded as the threat (138 for force) as `coder._events` codes "vowed to fight"."""
    if draft.source is not None or draft.modality != "threatened" or not threatened_act(draft.code):
        return
    act = next((t for t in sent if t.idx == draft.anchor), None)
    if act is None or act.dep_ not in ("advcl", "xcomp") or act.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
        return
    participle, noun = act.head, act.head.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return
    vow = noun.head.head
    if vow.pos_ != "VERB" or not has_frame(vow.lemma_.lower(), "threatened"):
        return
    speaker = _first_actor(subject_of(vow, climb=False), actors)
    if speaker is None or (draft.target is not None and draft.target.code == speaker.code):
        return
    draft.source = speaker
    draft.code, rule, draft.modality = intended(draft.code, draft.rule, draft.modality)
    draft.rule = f"{rule}+in-statement"


def _to_neighbours(draft: Draft, has_frame: Callable[[str, str], bool]) -> Draft:
    """"The prime minister warned neighbours that India would not tolerate ...": a state that
    warns its "neighbours" warns the states around it, not the people next door (whom the
    knowledge takes "neighbours" for); the threat stands with no target named."""
    target, source = draft.target, draft.source
    if not draft.code.startswith(THREAT_ROOT) or target is None or source is None or role(target) != "CVL":
        return draft
    if not (role(source) == "GOV" or _state(source)) or not target.text.split():
        return draft
    if not has_frame(target.text.split()[-1].lower(), "neighbours"):
        return draft
    return replace(draft, target=None, anchors=set(draft.anchors))


def _verb_key(verb: Token) -> str:
    """The verb with its particle ("drive out", "wipe out"), or its lemma alone. In "driven out
    of the town" the parse makes the particle a preposition whose own object is the "of"
    phrase: it is still the verb's particle."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None) or next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in COMPOUND_PREP_PARTICLES
         and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
         and not any(g.dep_ == "pobj" for g in c.children)), None)
    return f"{verb.lemma_.lower()} {particle.lower_}" if particle is not None else verb.lemma_.lower()


def told_in_future(verb: Token) -> bool:
    """The verb is told with "will", "would", "shall" ("we will fight them")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children)


def threat_told(told: list[Draft], speaker: Actor) -> bool:
    """A threat of the speaker's is already among the sentence's drafts `told`."""
    return any(d.code.startswith(THREAT_ROOT) and d.source is not None and d.source.code == speaker.code
               for d in told)


def _vowed(verb: Token, has_frame: Callable[[str, str], bool]) -> bool:
    """The act a vow or a warning governs ("vowed to bring them to trial")."""
    return verb.dep_ == "xcomp" and has_frame(verb.head.lemma_.lower(), "threatened")


def _to_justice(verb: Token, has_frame: Callable[[str, str], bool]) -> bool:
    """"bring the killers to trial", "bring them to justice": a verb of bringing someone before
    the law (frame `justice` on the noun of its "to")."""
    return verb.lemma_.lower() == "bring" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and has_frame(g.lemma_.lower(), "justice")
                                                      for g in c.children) for c in verb.children)


def _with_force(verb: Token, has_frame: Callable[[str, str], bool]) -> bool:
    """"act with full force", "answer by force of arms": an act done with force (frame
    `forcible` on the noun of its "with" or "by")."""
    return any(c.dep_ == "prep" and c.lower_ in ("with", "by") and any(
        g.dep_ == "pobj" and has_frame(g.lemma_.lower(), "forcible")
        and not any(o.dep_ == "prep" and o.lower_ == "of" for o in g.children)  # "the full force of the law"
        for g in c.children) for c in verb.children)


def _forceful_aim(told_as: Token, act: Token, speaker: Actor, actors: ActorIndex,
                  has_frame: Callable[[str, str], bool]) -> Actor | None | bool:
    """Whom an act done with force is aimed at: the side named after "against" (or its terms'
    subject), or no one named; False when its doer is not the speaker's side."""
    doer = subject_of(told_as, climb=False)
    if doer is None or not _own_side(doer, speaker, actors):
        return False
    for prep in (t for t in act.subtree if t.dep_ == "prep" and t.lower_ == "against"):
        for ground in (g for g in prep.children if g.dep_ == "pobj"):
            other = _other_side(ground, speaker, actors)
            if other is not False:
                return other
    return _terms_side(act, speaker, actors)


def _justice_aim(act: Token, speaker: Actor, actors: ActorIndex) -> Actor | None | bool:
    """Whom a vow to bring before the law is aimed at: the one named as brought (None when the
    knowledge does not know them or takes them for the speaker's side); False when no one is
    named."""
    patient = next((c for c in act.children if c.dep_ == "dobj"), None)
    if patient is None:
        return False
    return next((a.actor for a in _named(patient, actors) if a.actor.code != speaker.code), None)


def _state(actor: Actor) -> bool:
    code = actor.code or ""
    return len(code) == 3 and code == actor.country


def _speaker(act: Token, sent: Span, actors: ActorIndex, has_frame: Callable[[str, str], bool],
             is_report: Callable[[Token], bool]) -> tuple[Token | None, Actor | None]:
    """Who says the act will be done (the subject of the verb of saying or vowing that governs
    it), with that verb; for a sentence that only goes on with a quote ('"The war is not
    over," he said. "We will return."'), the speaker of the quote before it."""
    current = act
    for _ in range(4):
        head = current.head
        if head == current:
            break
        if current.dep_ in ("ccomp", "xcomp", "parataxis", "conj") and (
                is_report(head) or has_frame(head.lemma_.lower(), "threatened")):
            return head, _first_actor(_teller(head), actors)
        current = head
    # '"If they do not leave, they will be removed," the minister told reporters'
    for child in act.children:
        if child.dep_ in ("parataxis", "ccomp") and child.i > act.i and is_report(child):
            return child, _first_actor(_teller(child), actors)
    if act.i == sent.root.i and _opens_with_quote(sent) and sent.start > 0:
        before = sent.doc[sent.start - 1].sent
        if any(t.text in QUOTES for t in before):
            for verb in before:
                if is_report(verb):
                    return verb, _first_actor(_teller(verb), actors)
    return None, None


def _teller(verb: Token) -> Token | None:
    """The subject of a verb of saying, or of the verb it is joined to ("accused the rebels
    ... and said the army would ...", "told supporters ..., vowing to ...")."""
    subject = subject_of(verb, climb=False)
    if subject is None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG") \
            and verb.head.pos_ == "VERB":
        subject = subject_of(verb.head, climb=False)
    return subject


def _opens_with_quote(sent: Span) -> bool:
    return any(t.text in QUOTES for t in sent[:2])


def _first_actor(token: Token | None, actors: ActorIndex) -> Actor | None:
    found = actors_of(token, actors) if token is not None else []
    return found[0].actor if found else None


def _aim(act: Token, speaker: Actor, actors: ActorIndex, has_frame: Callable[[str, str], bool],
         is_place: Callable[[Token], bool]) -> Actor | None | bool:
    """The side the vow is aimed at (None: no side named), or False when the act is not the
    speaker's side using force on another."""
    if is_passive(act):
        if any(c.dep_ == "agent" for c in act.children) or act.lemma_.lower() in PLACE_VERBS:
            return False
        patient = passive_subject(act)
        if patient is None:
            return False
        if patient.lower_ in OTHER_PRONOUNS:
            return _terms_side(act, speaker, actors)
        return _other_side(patient, speaker, actors)
    doer = subject_of(act, climb=False)
    if doer is None or not _own_side(doer, speaker, actors):
        return False
    if act.lemma_.lower() in PLACE_VERBS:
        if not _to_a_place(act, has_frame, is_place):
            return False
        return _terms_side(act, speaker, actors)
    if act.lemma_.lower() == "respond":
        # "would respond in ways the West would feel", "would respond militarily" (not "would
        # respond to the letter")
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in act.children):
            return False
        if any(c.dep_ == "advmod" and not has_frame(c.lower_, "forcible") for c in act.children):
            return False  # "would respond positively" (but "would respond militarily")
        return _terms_side(act, speaker, actors)
    patient = next((c for c in act.children if c.dep_ == "dobj"), None)
    if patient is None:
        return False
    if patient.lower_ in OTHER_PRONOUNS:
        return _terms_side(act, speaker, actors)
    return _other_side(patient, speaker, actors)


def _own_side(doer: Token, speaker: Actor, actors: ActorIndex) -> bool:
    """The doer is the speaker's side: "we", "our forces", "it" (Moscow said it would ...),
    the speaker's own forces ("the army", "his fighters")."""
    words = {doer.lower_} | {c.lower_ for c in doer.children if c.dep_ == "poss"}
    if words & FIRST_PERSON:
        return True
    if doer.lower_ == "it" or doer.lower_ == "they" and is_armed(speaker):
        return True
    found = actors_of(doer, actors)
    if not found:
        return False
    actor, kind = found[0].actor, found[0].mention.kind
    if kind in ("capital", "country") and actor.country and actor.country == speaker.country:
        return True  # "Moscow said Russia would respond"
    if kind == "role" and is_armed(actor) and role(speaker) in ("GOV", "MIL") and not any(
            c.dep_ in ("poss", "amod", "compound") for c in doer.children):
        return True  # "Israel's defence minister said the army would ...": his own, wherever the story is
    if actor.code and speaker.code and actor.code[:3] == speaker.code[:3] and is_armed(actor):
        return role(speaker) in ("GOV", "MIL", "COP") or actor.code == speaker.code
    return bool(actor.code and actor.code == speaker.code and is_armed(actor))


def _named(patient: Token, actors: ActorIndex) -> list[Argument]:
    """The actors the patient's own noun names ("the killers" in "the killers of the
    journalist"), not those of the phrases that describe it."""
    return [a for a in actors_of(patient, actors) if a.mention.start <= patient.idx < a.mention.end]


def _other_side(patient: Token, speaker: Actor, actors: ActorIndex) -> Actor | bool:
    found = [a.actor for a in _named(patient, actors)]
    other = next((a for a in found if a.code != speaker.code and is_armed(a)), None)
    return other if other is not None else False


def _to_a_place(act: Token, has_frame: Callable[[str, str], bool], is_place: Callable[[Token], bool]) -> bool:
    """"recover every village", "return to Kidal": a named place or a territory, and no
    purpose of peace ("return to Geneva for talks", "to resume the negotiations")."""
    if any(c.dep_ in ("xcomp", "advcl") or c.dep_ == "prep" and c.lower_ == "for" for c in act.children):
        return False
    if act.lemma_.lower() == "return":
        if any(c.dep_ not in ("aux", "nsubj", "prep", "punct", "advmod", "mark")
               or c.dep_ == "prep" and c.lower_ != "to" for c in act.children):
            return False  # "will return to Madrid next week": a trip; "we will return to Kidal": a vow
        goals = [g for c in act.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
        return any(is_place(g) for g in goals)  # a named place: not "to their barracks"
    return any(c.dep_ == "dobj" and (is_place(c) or has_frame(c.lemma_.lower(), "territory")
                                     or has_frame(c.lemma_.lower(), "ground"))
               for c in act.children)


def _terms_side(act: Token, speaker: Actor, actors: ActorIndex) -> Actor | None:
    """The other side named as the subject of the act's terms ("if the militias do not
    leave ..."), or None."""
    for clause in act.children:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "until")
                                             for m in clause.children):
            continue
        subject = subject_of(clause, climb=False)
        if subject is None:
            continue
        other = next((a.actor for a in actors_of(subject, actors) if a.actor.code != speaker.code), None)
        if other is not None:
            return other
    return None
