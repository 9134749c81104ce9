"""Acts announced rather than done: intents, threats, ultimatums and refusals on terms.

An act its doer says it will do is no act yet: a cooperative one is an intent (03), a
hostile one a threat (13), one set on terms the other side must meet an ultimatum (139) or
a refusal (12); an act set out as an arrangement or a purpose keeps its own code
(planned). Each function reads one mark of English ("will", "unless", "if", "gave them 48
hours", "will pay dearly"); `coder.py`, `speech_acts.py` and `frames.py` apply them. The
other rules of English and of news writing that decide whether, and as what, a trigger is
an event live beside this module: `roles`, `participants`, `habits`, `mishaps`,
`authorities`, `unreal_acts` and `clauses` (docs/knowledge-events.md lists them,
tests/test_coder_news.py shows each on sentences of our own).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..records import Actor
from .habits import ORDINALS
from .roles import is_armed, role
from .syntax import has_own_subject, is_passive, passive_agent, passive_subject


# An act offered or announced on a condition ("unless ..."): a threat of no named kind.
GENERIC_THREAT = "130"


# An announced cooperative act is an intent to cooperate (03x); an announced hostile act
# is a threat (13x). Keys are CAMEO roots; values the code of the intent or threat.
INTENT_ROOT = "03"  # what INTENT_CODES give: an intent to cooperate
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# The intent to give material help (CAMEO 033; 0332 military aid and 0334 protection are
# not in cameo.tsv): a force offered on another's consent.
MILITARY_HELP_INTENT = "033"
THREAT_CODES = {"12": "130", "15": "138", "16": "132", "17": "137", "18": "138", "19": "138", "20": "138"}
SPECIFIC_THREATS = {"164": "134", "165": "135", "163": "132", "166": "136"}


def threatened_act(code: str) -> bool:
    """An act of force, coercion or sanction (roots 15 to 20), which a threat names."""
    return code[:2] in THREAT_CODES and code[:2] != "12"


def intended(code: str, rule: str, mode: str) -> tuple[str, str, str]:
    root = code[:2]
    if root in INTENT_CODES:
        return INTENT_CODES[root], f"{rule}+intent", mode
    if code[:3] in SPECIFIC_THREATS:
        return SPECIFIC_THREATS[code[:3]], f"{rule}+threat", "threatened"
    if root in THREAT_CODES:
        return THREAT_CODES[root], f"{rule}+threat", "threatened"
    if root == GENERIC_THREAT[:2]:
        return code, rule, "threatened"  # "would retaliate": a threat already
    return code, rule, mode


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def purpose(token: Token, is_attempt: Callable[[str], bool]) -> bool:
    """An infinitive that says what something is for, not what was done: "a plot to kill the
    mayor", "travelled to the capital to kill the judge", "bought rifles to attack the
    villages". Not "began to shell" (xcomp: what was done) nor "the first country to
    recognise" (a noun with an ordinal: a record of what was done)."""
    if not infinitive(token):
        return False
    if token.dep_ == "advcl":
        return True
    if token.dep_ != "acl" or is_attempt(token.head.lemma_.lower()):
        return False  # "an attempt to abduct the minister" is the act, tried
    return not any(m.dep_ == "amod" and (m.tag_ == "JJS" or m.lower_ in ORDINALS) for m in token.head.children)


def arranged(token: Token, *, violent: bool, is_light: Callable[[str], bool],
             is_attempt: Callable[[str], bool]) -> bool:
    """An act set out as an arrangement, or violence as a purpose, rather than announced by
    its doer: "Armenia is to free four soldiers", "a plot to kill the mayor". Its own code
    stands (planned), not an intent or a threat to do it. (A peaceful purpose, "met him
    to discuss the border", is part of the act it serves.)"""
    verb = token.head if token.dep_ == "dobj" and is_light(token.head.lemma_.lower()) else token
    return infinitive(verb) and ((violent and purpose(verb, is_attempt)) or (verb.dep_ == "xcomp" and verb.head.lemma_ == "be"))


# Those who warn of what may happen without the means to make it happen: civilians, aid
# groups, doctors, reporters, scholars, refugees.
BYSTANDER_ROLES = ("CVL", "NGO", "HLH", "MED", "EDU", "REF")


def bystanders_forecast(token: Token, source: Actor | None) -> bool:
    """"Aid groups warned that half a million people could face famine": a warning by
    bystanders that others will suffer is a forecast, no threat (not "residents warned
    they would block the road")."""
    if token.lemma_.lower() != "warn" or role(source) not in BYSTANDER_ROLES:
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ not in ("we", "they", "i")


def warned_of_the_past(token: Token) -> bool:
    """"warned that the government had let the crisis fester": a warning whose clause tells
    what was already done, in the past perfect, threatens nothing (not "warned that the
    rebels would attack", nor "warned of reprisals")."""
    if token.lemma_.lower() != "warn" or any(c.dep_ == "prep" for c in token.children):
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.tag_ != "VBN":
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    # (a modal makes it a prospect: "warned that the army would have crushed them")
    return any(a.lower_ == "had" for a in auxes) and not any(a.tag_ == "MD" for a in auxes)


# Verbs that make their object do the act they govern with a bare infinitive ("make them
# disarm"): the act is told in their tense.
CAUSATIVES = frozenset({"make"})


def told_as_will(token: Token) -> bool:
    """The act is told with "will" or "would" ("would not agree to a ceasefire"), or
    "is going to": what its doer says of what it will do."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in CAUSATIVES:
        verb = verb.head  # "would not make them lay down their arms": the act is told as "make" is
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in verb.children):
        return True
    going = verb.head
    return (verb.dep_ == "xcomp" and going.lemma_.lower() == "go" and going.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in going.children))


def on_condition(token: Token, is_condition: Callable[[str], bool]) -> bool:
    """An act announced with a condition the other side must meet ("will withdraw its troops
    unless the government holds elections"): an ultimatum, a threat."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and is_condition(m.lower_) for m in c.children)
               for c in verb.children)


def on_consent(token: Token, is_consent: Callable[[str], bool]) -> Token | None:
    """An act announced on the condition that someone consents to it ("could send 2,000
    troops to protect the monitors if Sudan agrees", "would send troops if Damascus asked
    for them"): an offer to the side whose consent it waits for, not a threat; a condition
    in which that side must do something else ("if the militia did not withdraw") stays a
    threat. Returns the subject of the consent's clause (the side offered to), or None. The
    condition may hang on the act, on the verb it depends on, or on the act's purpose."""
    verb = token if token.pos_ in ("VERB", "AUX", "ADJ") else token.head
    acts = [verb, *(c for c in verb.children
                    if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children))]
    if verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        acts.append(verb.head)
    for act in acts:
        for clause in act.children:
            if clause.dep_ == "advcl" and clause.pos_ == "VERB" and is_consent(clause.lemma_.lower()) \
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "once", "when") for m in clause.children) \
                    and not any(c.dep_ == "neg" for c in clause.children):
                return next((c for c in clause.children if c.dep_ == "nsubj"), clause)
    return None


# Who may announce force of their own: states, their governments and forces, armed groups.
FORCE_HOLDERS = ("GOV", "MIL", "COP", "SPY", "REB", "INS", "RAD", "UAF")
# Nouns that stand for whoever did a deed: "those behind the ambush", "the perpetrators".
CULPRITS = frozenset({"those", "whoever", "anyone", "attacker", "perpetrator", "culprit", "killer", "assailant",
                      "terrorist", "bandit", "sponsor", "organizer", "organiser"})


def announced_force(verb: Token, speaker: Actor | None, target: Actor | None) -> bool:
    """Force announced in the passive, with no doer named, by a state or an armed party
    against its foes: "those behind the ambush will be found and destroyed" (the president
    said), "if they do not leave the towns they will be removed by force". The speaker's side
    will do it: a threat. Not when the patients are the speaker's own ("our soldiers would
    be killed") or people who bear no arms ("more civilians would die"), where it is a fear."""
    if speaker is None or verb.pos_ != "VERB" or not is_passive(verb) or passive_agent(verb) is not None:
        return False
    code = speaker.code or ""
    if not (role(speaker) in FORCE_HOLDERS or (len(code) == 3 and code == speaker.country)):
        return False
    patient = passive_subject(verb)
    if target is not None:
        same = bool(target.country and target.country == speaker.country and role(target) == role(speaker))
        return is_armed(target) and not same and target.code != speaker.code
    return patient is not None and patient.lemma_.lower() in CULPRITS


# An ultimatum (CAMEO 139), and the threat of force (138) when it names force ("they will
# be removed by force"); a warning that an act "will not go unpunished" is a threat (130).
ULTIMATUM, FORCE_THREAT = "139", "138"


def ultimatum(act: Token, is_condition: Callable[[str], bool], *, vowed: bool) -> Token | None:
    """The condition on an act its doer says it will do, which another party must meet:
    "his fighters would come back unless the government resigned", "if the troops do not
    leave, they will be removed" (an "if" with a negation: what the other side must do);
    after a vow or a warning any "if" ("vowed to turn the desert into a graveyard if they
    attacked"). Returns the condition's verb, or None. Not an act told as refused ("would
    not take part unless the shelling stops": a refusal with its terms), nor a condition
    with no subject of its own."""
    if any(c.dep_ == "neg" for c in act.children):
        return None
    if not (told_as_will(act) or (vowed and infinitive(act))):
        return None
    for clause in act.children:
        if clause.dep_ != "advcl" or not has_own_subject(clause):
            continue
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
        negated = any(c.dep_ == "neg" for c in clause.children)
        if any(is_condition(m) for m in marks) or ("if" in marks and (negated or vowed)):
            return clause
    return None


def by_force(act: Token, is_forcible: Callable[[str], bool]) -> bool:
    """The act is told as done by force: "would be removed by force", "will be expelled by
    arms" ("by" a noun of frame `forcible`), or with an adverb of that frame ("forcibly")."""
    return any((c.dep_ in ("agent", "prep") and c.lower_ == "by"
                and any(g.dep_ == "pobj" and is_forcible(g.lemma_.lower()) for g in c.children))
               or (c.dep_ == "advmod" and is_forcible(c.lower_)) for c in act.children)


def not_unpunished(act: Token, is_impunity: Callable[[str], bool]) -> bool:
    """"those behind the attack will not go unpunished", "this aggression will not remain
    unanswered": a negated future of going without punishment (frame `impunity`) promises
    the punishment, a threat."""
    return (told_as_will(act) and any(c.dep_ == "neg" for c in act.children)
            and any(c.dep_ in ("acomp", "oprd", "xcomp") and is_impunity(c.lower_) for c in act.children))


# A threat (CAMEO 13) and a refusal (120): the acts whose target the terms set on them name.
THREAT_ROOT, REFUSAL = "13", "120"


def terms_party(verb: Token, is_terms: Callable[[str], bool], *, active: bool = False) -> Token | None:
    """The subject of the clause that sets terms on an announced act (a conjunction of frame
    `terms`): "warned that his fighters would fight to the last man if troops tried to land"
    (the troops), "will strike again unless the multinational force leaves" (the force),
    "would not return to the table until their forces had withdrawn" (the forces). The act
    is `verb` or the clause a verb of warning or saying governs. `active`: only a subject
    that does the clause's act ("would not rest until the killers were caught" sets the
    killers no terms). A noun's act is told by its verb ("there would be no ceasefire until")."""
    verb = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    for act in (verb, *(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))):
        for clause in act.children:
            if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and is_terms(m.lower_) for m in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and not (active and subject.dep_ == "nsubjpass"):
                return subject
    return None


def refused_on_terms(act: Token, is_terms: Callable[[str], bool]) -> Token | None:
    """An act its doer says it will not do until or unless (`is_terms`) another party does
    something, a refusal with its terms (CAMEO 12): "said it would not return to the table until the
    rebels had withdrawn", "his militia would not take part unless the army halted its
    shelling". Returns the subject of the terms' clause (active: "would not rest until the
    killers are caught" refuses nothing), or None. (An act that is a trigger of cooperation,
    "would not negotiate until", is a refusal `EventStage._events` codes.)"""
    if not (told_as_will(act) and any(c.dep_ == "neg" for c in act.children)):
        return None
    return terms_party(act, is_terms, active=True)


def deadline_given(verb: Token, is_deadline: Callable[[str], bool]) -> tuple[Token, Token] | None:
    """The party given a span of time (a noun of frame `deadline`) to do something: "gave the
    coup leaders seven days to restore the president", "gave the rebels 48 hours to lay down
    their arms", "set the militias a deadline of Friday to hand over their weapons": an
    ultimatum (CAMEO 139) to that party. Returns the party's noun and the span's, or None."""
    party = next((c for c in verb.children if c.dep_ == "dative"), None)
    spans = [c for c in verb.children if c.dep_ in ("npadvmod", "dobj") and c is not party
             and is_deadline(c.lemma_.lower())]
    if party is None or not spans:
        return None
    acts = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")] + \
        [c for span in spans for c in span.children if c.dep_ in ("relcl", "acl")]
    return (party, spans[0]) if any(infinitive(act) for act in acts) else None


def comeuppance(verb: Token, is_comeuppance: Callable[[str], bool]) -> Token | None:
    """The subject of an act told as what its doer will suffer (a word of frame `comeuppance`:
    the act's own, or its object's, adverb's or clause's): "Armenia would pay a heavy price",
    "they will pay dearly", "the army will regret its decision", "the government would reap
    what it sows". The act is `verb` or the clause a verb of warning or saying governs; told
    with "will" or "would", not negated. Returns the subject, or None."""
    for act in (verb, *(c for c in verb.children if c.dep_ in ("ccomp", "xcomp"))):
        if not told_as_will(act) or any(c.dep_ == "neg" for c in act.children):
            continue
        if is_comeuppance(act.lemma_.lower()) or any(
                c.dep_ in ("dobj", "advmod", "ccomp") and is_comeuppance(c.lemma_.lower()) for c in act.children):
            subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def can_threaten(actor: Actor) -> bool:
    """A side whose words can threaten: a state, its government or forces, an armed group, an
    international body (not aid groups or civilians, whose warnings are forecasts)."""
    code = actor.code or ""
    return code.startswith("IGO") or role(actor) in FORCE_HOLDERS or (len(code) == 3 and code == actor.country)
