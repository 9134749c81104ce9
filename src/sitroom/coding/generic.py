"""Generic, habitual and aggregate statements told as if they were the day's incident.

News tells the day's act with what makes it one act: a day, a place, a count, a victim
with a name or a number. A speech, an editorial or a charge sums up many acts instead:
"the gangs are responsible for the kidnappings", "a wave of murders of peasant leaders",
"the abduction and murder of teachers, nurses and farmers", "the torture, murders and
disappearances", "the murders of Bishop Ortega, union leaders and students". Each function here says when an act's words sum up acts of a kind rather
than tell one; the coder then keeps the act as background (`historical`), not as news.

None of them applies to an act with a day, a toll or a place below a country of its own,
nor in a headline (the coder asks `summed_up` only when no day and no toll were found for
the act, and `placed` keeps it told): "the attacks killed 12 people on Monday" stays news.
`bare_form_present` serves `habits.generic_present`: a present misread as a bare form.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..records import PlaceMention
from .syntax import verb_of

# Nouns that name the whole people of a place: "the bombing of the civilian population".
WHOLE_PEOPLES = frozenset({"population", "populace", "citizenry"})
# Links from a noun to a modifier that picks out some of its kind: "the students who
# marched", "students of the university", "two students", "these students".
PICKING_DEPS = frozenset({"det", "poss", "nummod", "quantmod", "prep", "relcl", "acl", "appos"})
# Determiners that point back to acts already told: "blamed the rebels for these attacks".
DEMONSTRATIVES = frozenset({"these", "those", "this", "that"})
# Acts listed that make a record of abuses, not one scene ("explosions and gunfire").
CATALOGUE_MIN = 3
# Prepositions through which a word of answering for an act takes the act: "responsible
# for", "accused of", "involved in".
CHARGE_PREPS = frozenset({"for", "of", "in"})
# Prepositions by which acts named situate another act in time or cause ("after repeated
# attacks", "despite frequent raids", "amid constant shelling").
SITUATING_PREPS = frozenset({"after", "following", "despite", "amid", "amidst", "since", "over"})
# Prepositions after a deed that name whom it is done to ("firing at the crowd").
SUFFERER_PREPS = frozenset({"at", "on", "against"})
# Prepositions that say where ("in the Kator district", "near Goma"); not "on" or "into",
# which after an act noun name its target ("attacks on Jorge Perez's bodyguards").
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within",
                         "along"})


@dataclass(frozen=True, kw_only=True)
class Cues:
    """What the rules ask of the sentence's other stages and of the lexicon."""

    is_act: Callable[[Token], bool]  # the token carries an event (a trigger)
    is_people: Callable[[Token], bool]  # the token names people (an actor mention)
    place_of: Callable[[Token], PlaceMention | None]  # the place the token names
    is_accountable: Callable[[str], bool]  # frame `accountable`: "responsible", "blame", "accuse"
    is_claimed: Callable[[str], bool]  # frame `responsibility`: "claim", "admit"
    is_series: Callable[[str], bool]  # frame `series`: "wave", "series", "spate"
    is_light: Callable[[str], bool]  # frame `light`: "launch", "carry out"


def _dated(token: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _of_objects(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _list_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _joined(token: Token) -> list[Token]:
    head = _list_head(token)
    return [head, *head.conjuncts]


def _counted(token: Token) -> bool:
    return any(t.dep_ == "nummod" or t.like_num or t.ent_type_ == "CARDINAL" for t in token.subtree)


def plural_acts(act: Token) -> bool:
    """"the kidnappings", "the kidnapping and disappearances": an act noun in the plural
    (or joined to one) names acts of its kind, many of them, unless a number counts them
    or their sufferers, or a possessive or a demonstrative picks them out ("two bombings",
    "the murders of two journalists", "the Jesuits' murders", "these attacks": so many acts,
    each one of the news)."""
    joined = _joined(act)
    if any(_counted(t) or any(c.dep_ == "poss" or c.lower_ in DEMONSTRATIVES for c in t.children) for t in joined):
        return False  # "the Jesuits' murders", "these attacks": acts already told
    return any(t.pos_ == "NOUN" and t.tag_ == "NNS" for t in joined)


def _bare_plural(noun: Token) -> bool:
    """"students", "peasant leaders", "political prisoners": a plural with nothing that picks
    some of them out."""
    return (noun.tag_ in ("NNS", "NNPS") and noun.ent_type_ not in ("ORG", "GPE", "PERSON", "CARDINAL")
            and not any(c.dep_ in PICKING_DEPS for c in noun.children))


def _whole_people(noun: Token, clause: Token | None = None) -> bool:
    """"the civilian population", "the populace", "the Salvadoran people": a place's whole
    people, no one in particular. `clause`: the relative clause that tells the act, no
    modifier that picks some of them out ("the people who marched")."""
    if any(c.dep_ in ("prep", "relcl", "acl", "nummod", "appos") and c != clause for c in noun.children):
        return False
    if noun.lemma_.lower() in WHOLE_PEOPLES:
        return True
    return (noun.lower_ == "people" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in noun.children))


def class_of_victims(act: Token, cues: Cues) -> bool:
    """"the abduction and murder of teachers, nurses and farmers", "the bombing of the
    civilian population": an act noun whose sufferers are a whole class of people (a bare
    plural, or all of a place's people) names what is done to such people, not one act done
    to some of them ("the killing of three students", "of the students who marched" pick
    them out; "the explosions of powerful bombs" name no people)."""
    if act.pos_ != "NOUN":
        return False
    head = _list_head(act)  # "the murder and kidnapping of ...": the "of" may hang on the first
    joined = [t for s in _of_objects(act) or _of_objects(head) for t in (s, *s.conjuncts)]
    return (bool(joined) and all(_bare_plural(t) or _whole_people(t) for t in joined)
            and any(cues.is_people(t) or _whole_people(t) for t in joined))


def persons_and_classes(act: Token, cues: Cues) -> bool:
    """"the assassinations of Bishop Gerardi, union leaders, catechists and Dr. Lopez": an
    act noun whose sufferers list people named one by one beside whole classes (a bare
    plural) tells of many acts over time, each of its own victims; one act's victims are
    named or counted ("the murder of the mayor, two policemen and a child")."""
    if act.pos_ != "NOUN":
        return False
    head = _list_head(act)
    sufferers = [t for s in _of_objects(act) or _of_objects(head) for t in _listed(s)]
    classes = [t for t in sufferers if _bare_plural(t) and cues.is_people(t)]
    # (a name listed among people is a person's, though upper-case copy hides its kind)
    persons = [t for t in sufferers if (t.tag_ == "NN" and cues.is_people(t)) or (
        t.tag_ == "NNP" and t.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"))]
    return bool(classes) and bool(persons)


def _listed(noun: Token) -> list[Token]:
    """A noun and those listed after it, through the commas the parse may read as
    appositions ("Bishop Gerardi, union leaders, students and Dr. Lopez")."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in ("conj", "appos"):
            out.extend(_listed(child))
    return out


def _charge_word(token: Token, cues: Cues) -> bool:
    """The word that answers for an act through a preposition: "responsible for", "blamed
    for", "involved in", "accused (X) of"; not a claim of responsibility ("claimed
    responsibility for the attacks": the doer's own word on acts just done)."""
    if not cues.is_accountable(token.lemma_.lower()):
        return False
    return not (token.dep_ in ("dobj", "pobj") and cues.is_claimed(token.head.lemma_.lower()))


def charged_acts(act: Token, cues: Cues) -> bool:
    """"the gangs are responsible for the kidnappings and disappearances", "blamed the group
    for a series of attacks", "accused the militia of the murders of peasants": a charge of
    acts of a kind (plural, a series, or done to a whole class of people) with no day sums
    up a record; it tells no act of the day ("blamed for Monday's bombing" tells one)."""
    if act.pos_ != "NOUN":
        return False  # "accused the rebels of killing civilians": a deed, told as claimed when dated (`charged_deed`)
    top = _list_head(act)
    many = plural_acts(act) or class_of_victims(act, cues)
    if top.dep_ == "pobj" and top.head.lower_ == "of" and cues.is_series(top.head.head.lemma_.lower()):
        top, many = top.head.head, True  # "for a series of attacks"
    if not many or top.dep_ not in ("pobj", "pcomp") or top.head.lower_ not in CHARGE_PREPS:
        return False
    governor = top.head.head
    if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ == "dobj":
        governor = governor.head  # "accused the militia of ...": the preposition hangs on the accused
    return _charge_word(governor, cues) and not _dated(top)


def whole_series(act: Token, cues: Cues) -> bool:
    """"blamed on a series of assaults", "condemned the wave of murders": a series named whole
    is many acts over a time, none of them told ("one of a string of raids" picks one:
    `habits.one_of_a_series`)."""
    if act.dep_ != "pobj" or act.head.lower_ != "of":
        return False
    series = act.head.head
    if series.pos_ != "NOUN" or not cues.is_series(series.lemma_.lower()) or _dated(series) or _counted(series):
        return False  # "a series of five grenade attacks" counts acts told
    # "a wave of bombings rocked the port", "launched a series of assaults": acts that did
    # something, or that someone did, are told
    return series.dep_ not in ("nsubj", "nsubjpass") and not (
        series.dep_ == "dobj" and cues.is_light(series.head.lemma_.lower()))


def catalogue(act: Token, cues: Cues) -> bool:
    """"the torture, murders and disappearances", "covering the shootings, the massacres and
    the ambushes": acts of several kinds listed together (three or more), in the plural, with
    no day, are a record of abuses, not the day's act. Not two ("there are explosions and
    gunfire": one scene), nor a list that did something ("bombings, shootings and grenade
    attacks killed 12"), which is the subject of its own verb."""
    joined = _joined(act)
    acts = [t for t in joined if t.pos_ == "NOUN" and cues.is_act(t)]
    if len(joined) < CATALOGUE_MIN or len({t.lemma_.lower() for t in acts}) < 2 or not plural_acts(act):
        return False
    return joined[0].dep_ not in ("nsubj", "nsubjpass") and not any(_dated(t) for t in joined)


def generic_act_noun(act: Token, cues: Cues) -> bool:
    """Acts named by nouns whose sufferers are a whole class, with no day ("the killings of
    civilians", "the abduction and murder of teachers, nurses and farmers"); not one act
    named in the singular on one class ("the murder of priests" may be one night's).
    A verb that takes such an object is left alone ("troops began killing civilians", "accused
    the rebels of killing civilians" may be the day's news, told or alleged)."""
    if act.pos_ != "NOUN" or not cues.is_act(act) or not class_of_victims(act, cues) or _dated(_list_head(act)):
        return False
    # "the murder of priests" may be one act on a group; acts joined or in the plural, or
    # done to classes listed, are a kind of act
    head = _list_head(act)
    sufferers = _of_objects(act) or _of_objects(head)
    return plural_acts(act) or len(_joined(act)) > 1 or any(s.conjuncts for s in sufferers)


# Links of a bare verb form that stands for a finite verb: the clause's own verb, one
# joined to it, or a relative clause's ("the men who run the squads kidnap ...").
FINITE_DEPS = frozenset({"ROOT", "conj", "relcl"})
# Verbs whose complement clause takes a bare infinitive, not a present ("let them kill").
BARE_INFINITIVE_GOVERNORS = frozenset({"let", "make", "help", "have", "see", "watch", "hear", "bid"})


def bare_form_present(verb: Token) -> bool:
    """"they rob, kidnap and kill anyone", "the men who run these squads kidnap union
    members": a bare verb form with no auxiliary that has a subject of its own, or is joined
    to a verb in the present, is a present the tagger read as an infinitive (not "to kill",
    "will kill", "let them kill")."""
    if verb.tag_ != "VB" or verb.dep_ not in FINITE_DEPS or any(c.dep_ in ("aux", "auxpass")
                                                                 for c in verb.children):
        return False
    if any(c.dep_ == "nsubj" for c in verb.children):
        return True
    head = verb
    while head.dep_ == "conj" and head.head != head and head.tag_ not in ("VBZ", "VBP"):
        head = head.head  # "rob, kidnap and kill": the parse may chain the verbs through a noun
    if head == verb or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False  # "will rob, kidnap and kill", "to rob, kidnap and kill"
    if head.tag_ in ("VBZ", "VBP"):
        return True
    # "the bandits rob, kidnap and kill": the first of the list, with the subject, read as a
    # noun or an adjective (not a past, and not after "let them", "made them")
    return (head.tag_ not in ("VBD", "VBN", "VBG", "MD") and any(c.dep_ == "nsubj" for c in head.children)
            and head.head.lemma_.lower() not in BARE_INFINITIVE_GOVERNORS)


def done_to_a_whole_people(act: Token) -> bool:
    """"used to massacre the Kurdish people", "a people who have been murdered in their
    villages", "the bombing of the civilian population", "genocide against the people": a whole people as the sufferer of
    an act is rhetoric or a war's record, in any tense; no incident of the news is done to
    every one of a nation."""
    if act.pos_ == "NOUN":
        objects = _of_objects(act) or _of_objects(_list_head(act))
        # "genocide against the Kurdish people"; "the killing of infants and the torture of
        # the Kurdish people": an act listed with one done to a whole people is said of it too
        objects += [g for c in act.children if c.dep_ == "prep" and c.lower_ == "against"
                    for g in c.children if g.dep_ == "pobj"]
        objects += [g for o in list(objects) for t in o.conjuncts if t.pos_ == "NOUN" for g in _of_objects(t)]
        return any(_whole_people(t) for t in objects)
    sufferers = [(c, None) for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    if act.dep_ == "relcl" and any(c.lower_ in ("who", "whom", "that") for c, _ in sufferers):
        sufferers.append((act.head, act))
    return any(_whole_people(t, clause) for t, clause in sufferers)


def acts_of_a_kind(act: Token, cues: Cues) -> bool:
    """"victims of army assassinations", "a history of kidnappings": acts in the plural with
    no article, no number and no owner, told as what a noun is of, name a kind of act (the
    victims of the attacks are those of acts told; a series of attacks is `whole_series`'s)."""
    if act.pos_ != "NOUN" or act.tag_ != "NNS" or _counted(act) or act.dep_ != "pobj" or act.head.lower_ != "of":
        return False
    owner = act.head.head
    return (owner.pos_ == "NOUN" and not cues.is_series(owner.lemma_.lower())
            and not any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in act.children))


def _below_country(mention: PlaceMention | None) -> bool:
    return mention is not None and mention.place is not None and mention.place.precision != "country"


def _named_place(pobj: Token, cues: Cues) -> bool:
    """"in the Gudele and Mangaten districts", "near Goma": a name after a preposition of
    place that the gazetteer does not know as a country."""
    # a name the model takes for a person's may still name the district it modifies ("in
    # the Kator and Munuki districts"), not an organisation ("attacks on the Army")
    names = [g for g in pobj.subtree if g.ent_type_ in ("GPE", "LOC", "FAC") or (
        g.pos_ == "PROPN" and g.ent_type_ != "ORG" and not (g == pobj and g.ent_type_ == "PERSON"))]
    return bool(names) and not all((m := cues.place_of(g)) is not None and m.place is not None
                                   and m.place.precision == "country" for g in names)


def placed(act: Token, cues: Cues) -> bool:
    """A place below a country named in the act's words or in their clause ("killings of
    residents were reported in two districts of Juba", "a wave of bombings rocked Mombasa"):
    an act placed where it happened is told, not summed up ("the kidnappings in our
    country", "the murders in El Salvador" are not placed)."""
    words = [*act.subtree, *verb_of(act).subtree]  # the act's words and its clause's
    return any(_below_country(cues.place_of(t)) for t in words) or any(
        t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and _named_place(t, cues) for t in words)


def charged_deed(act: Token, cues: Cues) -> bool:
    """"accused the security forces of firing live ammunition at women", "blamed the militia
    for burning the villages", "accused Russian forces of torturing detainees at the camp":
    a deed named by a gerund after the preposition of a word that lays it at someone's door
    (frame `accountable`) is the charge, which the accusation (112) tells; with no day and
    no toll of its own it tells no incident, wherever it is placed ("accused the army of
    killing 20 villagers on Monday" still tells one, as alleged)."""
    deed = act.head if act.pos_ == "NOUN" and act.dep_ == "dobj" else act  # "of carrying out ethnic cleansing"
    while deed.dep_ == "xcomp" and deed.head != deed:
        deed = deed.head  # "accused the army of trying to assassinate him"
    if deed.pos_ not in ("VERB", "AUX") or deed.dep_ != "pcomp" or deed.head.lower_ not in CHARGE_PREPS:
        return False
    governor = deed.head.head
    if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ == "dobj":
        governor = governor.head  # "accused the militia of ...": the preposition hangs on the accused
    return _charge_word(governor, cues) and not any(_picked_out(t) for t in _sufferers(deed, act))


def _sufferers(deed: Token, act: Token) -> list[Token]:
    """Whom or what a charged deed is done to: its object, or the object of "at", "on",
    "against" after it ("firing live ammunition at women and children")."""
    out = []
    for head in {deed, act}:
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass") and child != act:
                out.extend([child, *child.conjuncts])
            if child.dep_ == "prep" and child.lower_ in SUFFERER_PREPS:
                out.extend(g for c in [child] for g in c.children if g.dep_ == "pobj")
    return out


def _picked_out(noun: Token) -> bool:
    """"Ana Casanova", "the priests", "him", "their spokesman": someone the text names or
    points to, whose harm is one incident (the charge of murdering them is news the
    accusation may be the only telling of); not a class ("civilians", "women and children")."""
    return (noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "FAC", "GPE")
            or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any") for c in noun.children))


def repeated_acts(act: Token, cues: Cues) -> bool:
    """"agreed to escort the tankers after repeated attacks on shipping", "despite frequent
    raids on the camps": acts in the plural that an adjective of the `series` frame makes
    many over a time, named to situate another act, are its background, as "after a series
    of attacks" is; none of them is told. (Said as what a place sees or suffers, "the
    region sees frequent attacks on the police", they describe the place, and the argument
    sets we measure on count them as acts: left alone.)"""
    return (act.pos_ == "NOUN" and act.tag_ == "NNS" and not _counted(act)
            and act.dep_ == "pobj" and act.head.lower_ in SITUATING_PREPS
            and any(c.dep_ == "amod" and (cues.is_series(c.lower_) or cues.is_series(c.lemma_.lower()))
                    for c in act.children))


def summed_up(act: Token, cues: Cues) -> bool:
    """Whether the act's words sum up acts of a kind (any of the rules above). Asked only of
    an act with no day and no toll of its own, outside a headline; an act placed below a
    country (`placed`) is told, unless a charge names it (`charged_deed`) or it is told as
    repeated (`repeated_acts`)."""
    if repeated_acts(act, cues):
        return True
    if act.pos_ == "NOUN" and not plural_acts(act) and act.tag_ == "NNS":
        return False  # "these kidnappings of engineers", "the Jesuits' murders": acts picked out
    if not (charged_deed(act, cues) or charged_acts(act, cues) or whole_series(act, cues) or catalogue(act, cues)
            or generic_act_noun(act, cues) or done_to_a_whole_people(act) or acts_of_a_kind(act, cues)
            or persons_and_classes(act, cues)):
        return False
    return not placed(act, cues)
