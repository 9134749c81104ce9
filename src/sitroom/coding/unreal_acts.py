"""Words of an act that tell no act done: questions, judgements, kinds, figures of speech.

"Are the guerrillas not behind this?", "to shell the border towns would be a crime",
"any attack on the refugees", "the murder of a judge or a prosecutor", "an assault on
democracy", "the fight against drug trafficking", "fighting for freedom", "fought their
way into the town", "called the raid a massacre", "the murder of a judge is an attack on
the state", "an investigation into the attack", "men who like planting mines", "will leave
only when the two governments agree": each function reads one such use of English, and
`coder.py` or `trigger_filters.py` codes no act for it. `figures.py` reads names, likenesses and attacks made in words.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..nlp import doc_text
from .habits import undated
from .syntax import way_made
from .where import PlaceIndex


def is_question(sent: Span) -> bool:
    """A question asks; it tells no event ("Are the guerrillas not behind this?")."""
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]  # `sent.text` joins its tokens again
    return text.strip().rstrip("\"'”’»)] ").endswith("?")


# Words of struggle that take a phenomenon as readily as an enemy ("fight crime").
STRUGGLE_WORDS = frozenset({"fight", "war", "struggle", "battle", "campaign", "offensive", "crackdown", "combat"})


def aimed_at_a_value(act: Token, is_value: Callable[[str], bool]) -> bool:
    """"called the law an attack on press freedom", "an assault on democracy", "attacked
    the independence of the courts": an act aimed at a value is a figure of speech."""
    objects = [c for c in act.children if c.dep_ == "dobj"]
    objects += [g for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(is_value(o.lemma_.lower()) for o in objects)


def judged_in_general(act: Token, is_light: Callable[[str], bool]) -> bool:
    """"To shell the border towns would be a crime", "to carry out raids on
    villages is a crime": an act in an infinitive clause that is the subject of a verb is
    judged as a kind of deed, not told as done."""
    verb = act.head if act.dep_ == "dobj" and is_light(act.head.lemma_.lower()) else act
    return verb.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Verbs that say what an act is, as "be" does: "the killing constitutes an attack on ...".
DEFINING_VERBS = frozenset({"be", "constitute", "represent"})


def restated(noun: Token, is_act: Callable[[Token], bool]) -> bool:
    """An act's noun that says what another act is ("the murder of a judge is an attack on
    the state", "the bombing constitutes a crime"): the same act named again, or judged, not a
    second act."""
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "is not merely an attack on him but an assault on us all"
    if noun.pos_ != "NOUN" or noun.head.lemma_.lower() not in DEFINING_VERBS:
        return False
    if noun.dep_ != "attr" and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() != "be"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and is_act(c) for c in noun.head.children)


# Determiners of one thing of a kind, not a known one: "a judge or a prosecutor".
ANY_ONE = frozenset({"a", "an", "any", "every"})


def anyone_of(act: Token) -> bool:
    """An act whose sufferers are any one of a kind, given as a choice ("the murder of a
    judge, a prosecutor or a politician", "to kill a soldier or a policeman"): no one in
    particular, so no act that happened. A day on the act makes it one that happened, to
    someone the writer could not name ("shot a soldier or a policeman on Monday")."""
    if not undated(act):
        return False
    if act.pos_ in ("VERB", "AUX"):
        sufferers = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        sufferers = [g for c in act.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
    for noun in sufferers:
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ANY_ONE for c in noun.children):
            continue
        joined = [noun, *noun.conjuncts]
        if len(joined) > 1 and any(c.dep_ == "cc" and c.lower_ == "or" for t in joined for c in t.children):
            return True
        if act.pos_ == "NOUN" and any(c.dep_ == "cc" and c.lower_ == "or" and c.i > noun.i for c in act.children):
            return True  # the parse may hang the "or" on the act: "[the murder of a judge] or [a prosecutor]"
    return False


def any_act(act: Token) -> bool:
    """"any attack on the refugees would be a massacre", "condemned any use of force": an
    act's noun with "any" names whatever act of the kind there may be, none that happened."""
    return act.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in act.children)


def disposed(act: Token, is_disposition: Callable[[str], bool]) -> bool:
    """The act (or the first of joined acts) is what a verb of frame `disposition` (like,
    learn, tend) says someone is disposed or able to do: "have learned to fight", "men who
    like planting mines and shooting herders" (the parse may take "like" for a preposition
    there; "attacks like the bombing" is one). Not "learned that troops had fired" (a
    report), nor "would like to" (a wish: "would like to say that we condemn the murders")."""
    while act.dep_ == "conj":
        act = act.head
    verb = act.head
    if verb == act or not is_disposition(verb.lemma_.lower()):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children):
        return False
    if act.dep_ == "xcomp":
        return True
    return act.dep_ in ("pcomp", "dobj") and act.tag_ == "VBG" and verb.dep_ not in ("prep", "pobj")


def inquired(token: Token, is_inquiry: Callable[[str], bool]) -> bool:
    """The object of an inquiry (frame `inquiry`): "clarify the murder", "an investigation
    into the attack"."""
    if token.dep_ not in ("dobj", "pobj"):
        return False
    head = token.head.head if token.dep_ == "pobj" else token.head
    return is_inquiry(head.lemma_.lower())


def makes_way(verb: Token) -> bool:
    """A verb whose object is the way its subject makes ("fought their way into the town")."""
    return any(way_made(c) for c in verb.children)


def against_a_phenomenon(token: Token, places: "PlaceIndex") -> bool:
    """A fight whose opponent is a thing: "the fight against drug trafficking", "a war on
    crime". The opponent, when named, is no actor, no person, no place and no number."""
    if token.lemma_.lower() not in STRUGGLE_WORDS:
        return False
    opponent = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("against", "on"):
            opponent = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ == "dobj" and not way_made(child):
            opponent = child
        if opponent is not None:
            break
    if opponent is None:
        return False
    return (opponent.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC") and opponent.i not in places
            and opponent.tag_ in ("NN", "VBG") and not any(c.dep_ == "nummod" for c in opponent.children))


def for_a_cause(token: Token, is_cause: Callable[[str], bool]) -> bool:
    """"fighting for freedom and independence", "the struggle for democracy": a cause fought
    for, with no opponent named, is a conviction, not a battle ("fighting for control of
    the airport" is one: control is no cause)."""
    if token.lemma_.lower() not in STRUGGLE_WORDS:
        return False
    if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("against", "with", "between")) for c in token.children):
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_cause(pobj.lemma_.lower()):
                return True
    return False


# Verbs that give their object a name: "called the crackdown a massacre".
NAMING_VERBS = frozenset({"call", "brand", "label", "term", "dub", "name", "describe", "deem", "declare"})


def label_of_object(token: Token) -> bool:
    """"condemned the attack as another deliberate strike on civilians", "described the
    raid as a massacre", "called the crackdown a massacre", "branded the raid an act of
    terror": an act noun after "as", or set after a verb's object as what it is called,
    names what the object was, not another act."""
    if token.dep_ in ("oprd", "dobj") and token.head.lemma_.lower() in NAMING_VERBS:
        # what the object is called, or the second of two objects ("branded the attack a
        # cowardly act"); the parser makes two objects of other verbs by mistake. The
        # object itself, when something is said of what it is ("called the strikes an act of
        # war"), is an act told before and judged now, not an act of the one who judges it
        return any(c.dep_ == "dobj" and c.i < token.i for c in token.head.children) or (
            token.dep_ == "dobj" and any(c.dep_ == "oprd" and c.i > token.i for c in token.head.children))
    if token.dep_ != "pobj" or token.head.lower_ != "as" or token.head.dep_ != "prep":
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" for c in verb.children)


# Verbs of laying a charge on someone whose "of" phrase tells what they are said to have done.
ACCUSING_VERBS = frozenset({"accuse", "suspect"})
# Verbs of a plan made in secret ("accused them of plotting to kill him").
PLOTTING_VERBS = frozenset({"plot", "conspire", "scheme"})


def alleged_plan(token: Token, is_planned: Callable[[str], bool]) -> bool:
    """"accused the government of planning to kill him", "accused the army of plotting to
    assassinate its leader": a plan the accused is said to have made is what the accusation
    says (112), no threat and no act of theirs. (What they are said to have done, "accused
    the army of killing civilians", stays an alleged act.)"""
    act = token if token.pos_ in ("VERB", "AUX") else token.head
    if act.dep_ != "xcomp":
        return False
    plan = act.head
    lemma = plan.lemma_.lower()
    if plan.dep_ != "pcomp" or plan.head.lower_ != "of" or not (is_planned(lemma) or lemma in PLOTTING_VERBS):
        return False
    # the parser hangs "of" on the verb or on its object ("accused the government of")
    accusing = plan.head.head if plan.head.head.dep_ != "dobj" else plan.head.head.head
    return accusing.lemma_.lower() in ACCUSING_VERBS


# Verbs of keeping someone safe; "from" or "against" after them names what is feared.
GUARDING_VERBS = frozenset({"protect", "defend", "shield", "guard", "save", "spare", "safeguard", "secure"})


def feared_act(token: Token) -> bool:
    """"sent to protect civilians from attacks by the militias", "were in Angola only to
    protect UNITA from a Soviet-led offensive": an act named as what a purpose guards against
    is feared, not told. (A guard told as done, "protected the convoy from an ambush", may
    tell an ambush that came.)"""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ not in ("from", "against"):
        return False
    verb = token.head.head
    return (verb.lemma_.lower() in GUARDING_VERBS and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


# Words that open a clause of the condition of a future act ("will leave only when they
# agree", "will talk once the shelling stops", "will stay until the army withdraws"). Not
# "before" and "after", which mostly set a planned act in a schedule ("will hold talks after
# he arrives"): that act is planned news.
FUTURE_TIME_WORDS = frozenset({"when", "once", "until", "till", "unless", "if", "whenever"})
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def future_condition(act: Token) -> bool:
    """"The general will leave only when the two governments agree": English tells the
    time or condition of a future act in the present tense; the act in that clause, with
    no day of its own, is to come if ever, and is no event of the report."""
    clause = act
    while clause.dep_ == "conj" and clause.head != clause and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "only when he decides to, or when the two governments agree"
    if act.tag_ not in PRESENT_TAGS or clause.dep_ != "advcl" or clause.tag_ not in PRESENT_TAGS:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in act.children if c.tag_ == "MD"):
        return False  # "if they would agree": a modal of its own
    if any(t.ent_type_ in ("DATE", "TIME") for t in act.subtree):
        return False  # "when he visits Moscow next week": a planned act with its day
    opened = any(c.dep_ in ("mark", "advmod") and c.lower_ in FUTURE_TIME_WORDS
                 for c in (*act.children, *clause.children))
    main = clause.head
    return opened and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in main.children)
