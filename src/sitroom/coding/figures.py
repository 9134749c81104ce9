"""Figures of speech, names and other words of violence that tell no act.

A word of violence is not always an act: it may be part of an organisation's name ("the
Committee of Relatives of Murdered People (CORAMI)"), what something is likened to ("like
criminals who run away after committing murder"), an attack made in words ("toned down
his criticism but intensified his attacks on the opposition"), a state's campaign against a
trade ("the country is fighting a long battle against the drug lords"), a deed judged in
general ("To bomb villages would be a crime"), the same act said again ("is not merely an
attack on him but an assault on us all"), a whole country "destroyed", or the toll of a
crash told in the next sentence. Each function answers one such question of a token of
the parse: `in_a_name` is asked when triggers are found, `no_act` when a violent trigger
is coded (the coder drops it), `said_alive` when its modality is read (negated).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..records import Actor

# Brackets around an organisation's initials: "(CORAMI)", "[COMADRES]".
OPENING_BRACKETS = frozenset({"(", "["})
CLOSING_BRACKETS = frozenset({")", "]"})
# How far a name may run on either side of the word of violence inside it ("Federation of
# Widows, Orphans, Exiles and Murdered Unionists", a name of sixteen words or fewer).
NAME_REACH = 16
# Words a long name is made of between its head and its initials: nouns, adjectives,
# participles, "of", "and", "the" and commas.
NAME_PARTS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADP", "CCONJ", "DET", "PUNCT"})
NAME_PUNCT = frozenset({",", "-"})
# How far up the parse an act may sit below what it is likened to.
LIKENESS_CLIMB = 6
# Clause links through which an act belongs to the clause that governs it.
CLAUSE_LINKS = frozenset({"xcomp", "advcl", "pcomp", "dobj", "pobj", "prep", "conj", "relcl", "acl", "ccomp"})
# Words of a struggle that a state may wage as a policy ("the war on the cartels").
CAMPAIGN_WORDS = frozenset({"fight", "war", "struggle", "battle", "campaign", "offensive", "crusade", "combat"})
# Roles that bear arms: a state's offensive against them is a fight, whatever its words.
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "RAD", "UAF", "COP", "SPY"})
# A whole land, which no act destroys.
WHOLE_LANDS = frozenset({"country", "nation", "homeland", "fatherland", "motherland"})
# Verbs that tell a toll: who was killed or wounded.
TOLL_VERBS = frozenset({"kill", "injure", "wound"})
# Roles of a state as a whole (not its armed forces or police): who wages a policy.
STATE_WIDE_ROLES = frozenset({"GOV", ""})


def no_act(act: Token, has_frame: Callable[[str, str], bool], parties: tuple[list[Actor], list[Actor]],
           violent_here: Callable[[Token], bool]) -> bool:
    """Whether the violent trigger `act` tells no act by one of this module's rules.
    `parties`: the actors found as its doers and as its targets; `violent_here`: whether a
    token of the sentence is a violent trigger."""
    return (likened(act, lambda w: has_frame(w, "comparison"))
            or attack_in_words(act, lambda w: has_frame(w, "speech"))
            or campaign_against_a_trade(act, *parties)
            or judged_infinitive(act, lambda w: has_frame(w, "light"))
            or toll_of_a_mishap(act, lambda w: has_frame(w, "mishap"), violent_here)
            or restated_in_a_list(act, violent_here)
            or country_destroyed(act))


def in_a_name(token: Token, is_body: Callable[[str], bool]) -> bool:
    """"the Association of Families of Kidnapped and Murdered Farmers (AFAKMF)":
    a word inside an organisation's name is no predicate. The name is told by its head (a
    word of frame `body`: committee, federation, association) and the initials that follow
    it in brackets, whose first letter is the head's."""
    doc = token.doc
    initials = _initials_after(token)
    if initials is None:
        return False
    for i in range(token.i - 1, max(token.sent.start, token.i - NAME_REACH) - 1, -1):
        word = doc[i]
        if word.pos_ not in NAME_PARTS or (word.pos_ == "PUNCT" and word.text not in NAME_PUNCT):
            return False
        if is_body(word.lemma_.lower()) and word.lower_[:1] == initials[:1]:
            return True
    return False


def _initials_after(token: Token) -> str | None:
    """The bracketed initials that close the name the token is in, lower-cased, if any."""
    doc = token.doc
    end = min(token.sent.end, token.i + NAME_REACH)
    for i in range(token.i + 1, end):
        word = doc[i]
        if word.text in OPENING_BRACKETS:
            if i + 2 >= len(doc) or doc[i + 2].text not in CLOSING_BRACKETS:
                return None
            initials = doc[i + 1].text
            return initials.lower() if initials.isalpha() and len(initials) >= 3 else None
        if word.pos_ not in NAME_PARTS or (word.pos_ == "PUNCT" and word.text not in NAME_PUNCT):
            return None
    return None


def likened(act: Token, is_comparison: Callable[[str], bool]) -> bool:
    """"They are like those criminals who run away after committing murder", "it amounted to
    using a hammer to crack a nut": an act in a clause that says what something is like is
    a comparison, no act told. The act must sit in a clause below the likeness ("attacks
    like the bombing of the market" names a real bombing, and is not read)."""
    current, through_clause = act, False
    for _ in range(LIKENESS_CLIMB):
        if current.dep_ not in CLAUSE_LINKS or current.head == current:
            return False
        through_clause = through_clause or current.dep_ in ("relcl", "pcomp", "xcomp", "advcl", "acl")
        head = current.head
        if head.dep_ == "prep" and (head.lower_ == "like" or (
                head.lower_ == "to" and is_comparison(head.head.lemma_.lower()))) and current.dep_ in ("pobj", "pcomp"):
            return through_clause or current.dep_ == "pcomp"
        current = head
    return False


def attack_in_words(act: Token, is_speech: Callable[[str], bool]) -> bool:
    """"has toned down his criticism of London but intensified his attacks on the
    opposition": an attack of someone's set against their words (the objects of two joined
    verbs, each owned by its possessive) is an attack in words. A list of acts ("threats,
    insults and attacks on journalists") may hold blows, and is not read."""
    if act.pos_ != "NOUN" or act.dep_ != "dobj" or not _owned(act):
        return False
    verb = act.head
    verbs = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.dep_ == "dobj" and is_speech(c.lemma_.lower()) and _owned(c) for v in verbs for c in v.children)


def _owned(noun: Token) -> bool:
    return any(c.dep_ == "poss" for c in noun.children)


def campaign_against_a_trade(act: Token, fighters: list[Actor], opponents: list[Actor]) -> bool:
    """"Colombia, which is fighting against the drug syndicates", "the government's
    offensive against the smuggling rings": a country or its government as a whole fighting a
    class of people named in general (a plural with no number, no name) wages a policy, not
    a battle. Armed forces or police that fight them fight ("troops fought the traffickers"),
    and a state fights an armed group ("the government's offensive against the rebels")."""
    if act.lemma_.lower() not in CAMPAIGN_WORDS:
        return False
    if not fighters or not all(_state_wide(a) for a in fighters) or any(_armed(a) for a in opponents):
        return False
    opponent = _opponent(act)
    if opponent is None and act.dep_ == "dobj" and act.head.lemma_.lower() in CAMPAIGN_WORDS:
        opponent = _opponent(act.head)  # "is fighting a battle against the cartels"
    return opponent is not None and _a_class_in_general(opponent)


def _opponent(act: Token) -> Token | None:
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ in ("against", "on"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _state_wide(actor: Actor) -> bool:
    code = actor.code or ""
    return len(code) >= 3 and code[:3].isalpha() and code[3:6] in STATE_WIDE_ROLES


def _armed(actor: Actor) -> bool:
    code = actor.code or ""
    return code[3:6] in ARMED_ROLES or code[:3] in ARMED_ROLES


def _a_class_in_general(noun: Token) -> bool:
    """"the drug barons", "cocaine dealers", "drug syndicates": a plural common noun with no
    number, no name and no determiner other than "the"."""
    if noun.tag_ != "NNS" or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return False
    return not any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ != "the") or c.dep_ == "poss"
                   or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for c in noun.children)


def restated_in_a_list(act: Token, violent_here: Callable[[Token], bool]) -> bool:
    """"The killing of a reporter is more than an attack on one man; it is one against the
    press and an assault on every citizen": an act's noun listed after the copula's complement
    (joined to it, or to "one" standing for it) says again what the subject act is, like
    the complement itself, and tells no second act."""
    top = act
    while top.dep_ in ("conj", "appos") and top.head != top and top.head.pos_ in ("NOUN", "NUM", "PRON"):
        top = top.head
    if top is act or top.dep_ != "attr" or top.head.lemma_.lower() != "be":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and violent_here(c) for c in top.head.children)


def country_destroyed(act: Token) -> bool:
    """"a civil war that is destroying El Salvador", "they are destroying the nation": no act
    destroys a whole country or nation; said of one, "destroy" is a figure of speech."""
    if act.lemma_.lower() != "destroy":
        return False
    return any(c.dep_ == "dobj" and (c.ent_type_ == "GPE" or c.lemma_.lower() in WHOLE_LANDS) for c in act.children)


def judged_infinitive(act: Token, is_light: Callable[[str], bool]) -> bool:
    """"To carry out bombings against the civilians and to violate our territory would be a
    barbaric act": a sentence opened by an infinitive with no subject of its own names a
    deed to judge or a purpose, not an act done. The parse may make that infinitive the
    sentence's root and the judgement a verb joined to it."""
    verb = act.head if act.dep_ == "dobj" and is_light(act.head.lemma_.lower()) else act
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    opener = verb.sent[0]
    return (verb.dep_ == "ROOT" and opener.lower_ == "to" and opener.dep_ == "aux" and opener.head == verb
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def said_alive(act: Token) -> bool:
    """"The alleged pilot that was killed in the jungle is alive and well": a killing told in
    a relative clause on someone the sentence says is alive did not happen."""
    if act.dep_ not in ("relcl", "acl") or act.lemma_.lower() != "kill":
        return False
    person = act.head
    return person.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("acomp", "attr") and c.lower_ == "alive" for c in person.head.children)


def toll_of_a_mishap(act: Token, is_mishap: Callable[[str], bool], violent_here: Callable[[Token], bool]) -> bool:
    """"A military helicopter crashed this evening. Several passengers were injured.": a toll
    told in the passive with no doer, in a sentence with no other act of violence, right
    after a sentence whose main verb tells a mishap, is the mishap's."""
    if act.lemma_.lower() not in TOLL_VERBS or act.sent.start == 0:
        return False
    if not any(c.dep_ == "auxpass" for c in act.children) or any(c.dep_ == "agent" for c in act.children):
        return False
    if any(violent_here(t) for t in act.sent if t.i != act.i):
        return False
    main = act.doc[act.sent.start - 1].sent.root
    return is_mishap(main.lemma_.lower()) or any(
        c.dep_ in ("nsubj", "nsubjpass") and is_mishap(c.lemma_.lower()) for c in main.children)
