"""Acts told as habits, summaries and tallies: many acts, or none in particular, not one of the day.

News tells the day's act in the past, on a day; a speech, a profile or a report's
background sums acts up instead: a span that counts many ("in the last three years"),
victims in a vague multitude ("untold villagers have been killed"), an act that goes on
("the militias keep raiding"), a past habit ("used to"), a toll too large for one incident,
a tally of bombs, a series one act belongs to, the simple present of a truth ("old mines
still maim farmers"), a kind of act named bare ("torture and murder"). Each function
reads one such mark of English; `coder.py` and `trigger_filters.py` keep the act as
background (`historical`) or drop it. `generic.py` reads the marks on an act's noun.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import TollReport
from ..resolve.numbers import parse_amount
from . import generic
from .merge import TOLL_LEMMAS
from .participants import VAGUE_QUANTITIES, sufferer
from .syntax import RELATIVE_PRONOUNS, present_perfect
from .where import LOCATIVE_PREPS


ORDINALS = frozenset({"first", "second", "third", "last", "only", "next"})


# "in the last three years", "over the past decades", "in recent months": a span of many
SPAN_NOUNS = frozenset({"year", "month", "decade", "week"})
SPAN_MODIFIERS = frozenset({"last", "past", "recent", "previous"})
LONG_SPANS = frozenset({"year", "decade"})


def counting_verb(participle: Token) -> list[Token]:
    """"In just six weeks local radio has reported 40 bodies found, 35 people killed in
    ambushes and 61 kidnappings": a participle that describes the object of a verb (or one listed
    with it), and what is listed after it, tell what that verb counts, so the verb's span is
    theirs."""
    while participle.dep_ == "conj" and participle.head != participle:
        participle = participle.head  # "35 people killed in ambushes, and 61 kidnappings": the list's
    if participle.tag_ != "VBN":
        return []
    if participle.dep_ == "ccomp" and not any(c.dep_ in ("aux", "auxpass", "mark") for c in participle.children):
        return [participle.head]  # "reported 35 people killed": the parse may make it a small clause
    if participle.dep_ != "acl":
        return []
    noun = participle.head
    while noun.dep_ in ("conj", "appos") and noun.head != noun:
        noun = noun.head
    # (an object the parse of upper-case copy may read as an adverbial noun)
    return [noun.head] if noun.dep_ in ("dobj", "npadvmod") and noun.head.pos_ in ("VERB", "AUX") else []


def counted_span(noun: Token, *, perfect: bool) -> bool:
    """A span of time over which many acts are counted: "in the last three years"; with the
    present perfect also one year or month ("over the past year", "so far this year"); years
    counted out ("endured the attacks for ten years", "over two decades"), which no single
    act of the news lasts; with the present perfect, weeks or months counted out ("over the
    three months of the siege")."""
    if noun.tag_ == "NNS" and noun.lemma_.lower() in SPAN_NOUNS | {"day"} and any(
            m.lower_ == "those" for m in noun.children):
        return True  # "many were killed during those days": days looked back on
    if noun.lemma_.lower() not in SPAN_NOUNS:
        return False
    if noun.tag_ == "NNS" and any(m.lower_ in SPAN_MODIFIERS for m in noun.children):
        return True
    if noun.tag_ == "NNS" and noun.lemma_.lower() in LONG_SPANS and noun.head.lower_ in ("for", "over"):
        # "for ten years", "for many years", and bare: "for years", "over the years"
        counted = any(m.dep_ == "nummod" or m.lower_ in ("many", "several") for m in noun.children)
        if counted or not any(m.dep_ == "amod" for m in noun.children):
            return True
    if perfect and noun.tag_ == "NNS" and any(m.dep_ == "nummod" for m in noun.children):
        return True  # "30 mayors have been shot over the three months of the siege"
    if perfect and noun.lemma_.lower() in LONG_SPANS and noun.head.lower_ in ("for", "over"):
        return True  # "fighters who have battled the army for more than a year": a campaign
    return perfect and any(m.lower_ in SPAN_MODIFIERS or m.lower_ == "this" for m in noun.children)


# Words that count a plural event noun as many acts: "several attacks", "a series of bombings".
COUNTING_WORDS = frozenset({"several", "many", "multiple", "numerous", "various", "series", "wave", "spate", "string",
                            "number", "dozens", "scores", "hundreds"})


def counted_plural(token: Token) -> bool:
    """"several guerrilla attacks", "two bombings", "a series of raids": many acts at once."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.lower_ in COUNTING_WORDS or (c.dep_ == "nummod" and c.lower_ not in ("one", "1")) for c in token.children):
        return True
    head = token.head  # "a series of attacks": the counting noun governs through "of"
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNTING_WORDS


# A toll this large told in the present perfect ("political violence has killed more than
# 15,000 people") sums a conflict, not one incident.
AGGREGATE_TOLL = 1000
# A toll this large with no day and no place, in any tense ("massacred 70,000 peasants"),
# is a war's or a regime's count: no single incident of the news kills so many unnamed.
SUMMARY_TOLL = 10_000


def generic_victims(verb: Token) -> bool:
    """"untold villagers have been killed", "reporters have been shot dead",
    "militias keep killing herders": a present perfect, or an act said to go on, whose
    victims are a bare plural or a vague multitude, on no day, sums up many acts; it tells
    none of them."""
    if verb.pos_ != "VERB" or not undated(verb):
        return False  # "have died since Friday": the toll of something dated
    victims = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if verb.dep_ == "relcl" and any(c.lower_ in RELATIVE_PRONOUNS for c in victims):
        victims.append(verb.head)  # "the hundreds of villagers who have been abducted"
    summing = present_perfect(verb) or _goes_on(verb) or _means_of_a_summary(verb)
    if (summing or verb.tag_ in ("VBZ", "VBP")) and not victims and _killing_without_victim(verb):
        return True  # "death squads have murdered with impunity", "they kill with impunity"
    if summing:
        return any(_vague_plural(c, verb) for c in victims)
    # killed in any tense, "hundreds of union leaders" with no day and no place counts no one act
    return (verb.lemma_.lower() in KILLING_LEMMAS and not _placed(verb)
            and any(c.lower_ in MULTITUDES for c in victims))


# Multitudes too large and vague to be one act's toll: "they killed hundreds of leaders".
MULTITUDES = frozenset({"hundreds", "thousands", "tens", "millions", "countless", "untold"})
# Verbs that only kill, whose object is the killed.
MURDER_LEMMAS = frozenset({"murder", "massacre", "slaughter", "execute", "assassinate"})
KILLING_LEMMAS = TOLL_LEMMAS | MURDER_LEMMAS


def _placed(verb: Token) -> bool:
    """A named place in the verb's clause, outside its subject ("killed hundreds of
    villagers in Ituri province", "near Goma")."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return any(t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS and t.i not in subject
               and any(g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "PROPN" for g in t.subtree)
               for t in verb.subtree)


def used_to(verb: Token) -> bool:
    """"I used to kill soldiers for the militia": "used to" tells a past habit ("used the bridge to
    attack", "was used to attack" tell an instrument)."""
    while verb.dep_ == "conj":
        verb = verb.head
    head = verb.head
    return (verb.dep_ == "xcomp" and head.lemma_.lower() == "use" and head.tag_ == "VBD"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in head.children))


def record_of(verb: Token) -> bool:
    """"a regime that has jailed priests and shelled its own towns": a
    present perfect relative clause on no day, describing something named with "a", tells
    what kind of thing it is by its record, not an act of the day (background)."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX"):
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in verb.head.children)
    return perfect and indefinite and undated(verb)


def kind_named(noun: Token) -> bool:
    """"Torture, murder and rape were the regime's methods", "sowing chaos and murder": an
    act's noun bare of article, possessor, number, modifier and complement, in a list of
    bare nouns, names a kind of act, unless its clause gives a day or a place ("arson and
    murder were reported in the village on Monday"). Gerunds are left out: "fighting and
    shelling continued overnight" tells acts."""
    if not _bare_singular(noun):
        return False
    partners = [noun.head] if noun.dep_ == "conj" else []
    partners += [c for c in noun.children if c.dep_ == "conj"]
    if not any(_bare_singular(p) for p in partners):
        return False
    first = noun
    while first.dep_ == "conj":
        first = first.head
    clause = first.head
    return undated(clause) and not any(
        c.dep_ == "prep" and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in c.subtree) for c in clause.children)


def _bare_singular(noun: Token) -> bool:
    return (noun.pos_ == "NOUN" and noun.tag_ == "NN" and not noun.lower_.endswith("ing")
            and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep", "acl", "relcl", "appos")
                        for c in noun.children))


def undated(verb: Token) -> bool:
    return not any(c.ent_type_ in ("DATE", "TIME") or (c.dep_ == "prep" and any(
        g.ent_type_ in ("DATE", "TIME") for g in c.children)) for c in verb.children)


# Verbs of killing that take the killed as their object.
TRANSITIVE_KILLING = MURDER_LEMMAS | {"kill"}


def _killing_without_victim(verb: Token) -> bool:
    """A verb of killing with no one killed, active ("have murdered with impunity"): what its
    doers do, not an act."""
    if verb.lemma_.lower() not in TRANSITIVE_KILLING:
        return False
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "attr", "ccomp", "xcomp", "dative") for c in children):
        return False
    if any(c.dep_ == "conj" and any(g.dep_ in ("dobj", "attr") for g in c.children) for c in children):
        return False  # "have killed and wounded dozens": the object is shared
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in children):
        return False  # a participle: "the men killed"
    if verb.dep_ in ("relcl", "acl") and not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in children):
        return False  # "the judge they have killed": the noun it describes is its object
    return True


def _means_of_a_summary(verb: Token) -> bool:
    """"has stepped up its campaign by killing farmers": the means of a present perfect on
    no day sums up as that verb does."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "by":
        return False
    clause = verb.head.head
    return clause.pos_ in ("VERB", "AUX") and present_perfect(clause) and undated(clause)


def goes_on(verb: Token) -> bool:
    """"the rebels keep attacking its outposts", "the army continues to shell the villages":
    an act told in the present as going on, on no day, is a state of things, not the day's
    act (a day makes it one: "continued to shell the town on Monday")."""
    return _goes_on(verb) and undated(verb.head)


def _goes_on(verb: Token) -> bool:
    """"militias keep killing herders": an act told as going on (the parse may take the
    gerund for the object: "the army keeps bombing")."""
    head = verb.head
    told = verb.dep_ == "xcomp" or (verb.dep_ == "dobj" and (verb.tag_ == "VBG" or verb.lower_.endswith("ing")))
    return told and head.lemma_.lower() in ("continue", "keep") and head.tag_ in ("VBP", "VBZ", "VB")


def _vague_plural(noun: Token, clause: Token | None = None) -> bool:
    """`clause`: the relative clause that tells the act, no modifier of its antecedent;
    "those (men) who have been abducted" picks out no one."""
    if clause is not None and (noun.lower_ == "those" or any(m.lower_ == "those" for m in noun.children)):
        return True
    if noun.tag_ not in ("NNS", "NNPS") or noun.ent_type_ in ("GPE", "ORG", "PERSON"):
        return False
    if noun.lower_ in VAGUE_QUANTITIES:
        return True  # "hundreds of peasants"
    # "other" picks out no one either: "rebels continue killing other villagers"; nor do
    # kinds listed after it that the parse hangs on it: "have murdered judges, a minister, a governor"
    modifiers = [m for m in noun.children if m != clause and not (m.dep_ == "amod" and m.lower_ == "other")
                 and not (m.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in m.children))]
    if any(m.lower_ in VAGUE_QUANTITIES for m in modifiers):
        return True
    return not any(m.dep_ in ("det", "poss", "nummod", "quantmod", "compound", "amod", "prep", "relcl", "acl", "appos")
                   for m in modifiers)


def aggregate(token: Token, toll: TollReport | None) -> bool:
    count = None if toll is None else (toll.killed or toll.injured)
    if not count or count < AGGREGATE_TOLL:
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if count >= SUMMARY_TOLL and undated(verb) and not _placed(verb):
        return True  # "the officers who massacred 70,000 peasants": a war's count
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    # "3,000 people have been killed and 4,500 wounded": the second verb's "have" is elided
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have") for v in verbs for c in v.children):
        return True
    # "3,000 people have been killed, 4,500 wounded": with no "and", the parse may make the
    # participle the sentence's head; its "have" is the perfect told before it
    return (verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and undated(verb) and any(t.dep_ == "aux" and t.lower_ in ("has", "have") and t.i < verb.i
                                      and t.head.lemma_.lower() in TOLL_LEMMAS for t in verb.sent))


# Words that pick one act out of a series: "the latest in a string of raids", "one of a
# spate of attacks", "the deadliest of a wave of bombings".
ONE_OF = ORDINALS | {"latest", "newest", "one", "another"}


# What ends a sentence of running text; a headline has none.
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "\u201d", "'"})


def generic_present(verb: Token, sent: Span) -> bool:
    """"Old mines still maim farmers", "the militias raid villages": an act of
    violence told in the simple present in the body of a report is a habit or a truth, not
    the day's news, which is told in the past (or the perfect). Headlines, which tell news in
    the present, are the title, the text's first sentence or a line with no full stop."""
    # "the attacks are perpetrated against civilians": a present passive is a present too
    present_passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
                                                 for c in verb.children)
    helpers = ("aux",) if present_passive else ("aux", "auxpass")
    if not (present_passive or verb.tag_ in ("VBZ", "VBP") or generic.bare_form_present(verb)) or any(
            c.dep_ in helpers for c in verb.children):
        return False
    if sent.start == 0 or not sent.text.rstrip() or sent.text.rstrip()[-1] not in SENTENCE_ENDS:
        return False
    return True


def one_of_a_series(token: Token, is_series: Callable[[str], bool]) -> bool:
    """The trigger names the kind of a series that the act of the sentence belongs to:
    "..., in the latest of a string of raids on army positions"."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    series = token.head.head
    if not is_series(series.lemma_.lower()) or series.dep_ != "pobj" or series.head.lower_ not in ("in", "of"):
        return False
    picked = series.head.head
    return picked.lower_ in ONE_OF or picked.tag_ == "JJS"


def ranked_among(token: Token) -> bool:
    """"..., in one of the deadliest attacks on the armed forces this year": the act of the
    sentence ranked among acts of its kind names no act of its own."""
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.lower_ not in ("one", "another"):
        return False
    return any(c.dep_ == "amod" and c.tag_ == "JJS" for c in token.children)


def many_times(noun: Token) -> bool:
    """"several times", "many times": an act told as done again and again (a number counts
    shots or blows as often: "shot three times")."""
    return noun.lemma_.lower() == "time" and noun.tag_ == "NNS" and any(
        c.lower_ in COUNTING_WORDS for c in noun.children)


RECURRING_UNITS = frozenset({"day", "night", "week", "month", "morning", "evening", "weekend"})


def recurring(noun: Token) -> bool:
    """"every week", "each night": a time that comes round again tells a habit."""
    return noun.lemma_.lower() in RECURRING_UNITS and any(
        c.dep_ == "det" and c.lower_ in ("every", "each") for c in noun.children)


def suffered_often(token: Token, is_patient: Callable[[str], bool]) -> bool:
    """"We are the target of military attacks", "civilians have been victims of attacks":
    acts named by a bare plural that someone is, or has been, the target or victim of, with no
    day, are a standing condition, not one act."""
    if token.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return False
    holder = sufferer(token, is_patient)
    if holder is None:
        return False
    copula = holder.head
    return (copula.tag_ in ("VBZ", "VBP") or present_perfect(copula)) and undated(copula)


# Acts or devices counted by the tens or more with a present perfect and no day are a tally
# of a campaign ("have set off over 120 bombs", "have carried out 40 attacks").
TALLY = 10
DEVICES = frozenset({"bomb", "rocket", "missile", "shell", "mortar", "grenade", "mine", "device", "explosive", "drone"})


def tally(noun: Token, is_act: Callable[[Token], bool]) -> bool:
    """A plural of acts or devices counted in the tens or more ("120 bombs", "40 attacks")."""
    if noun.tag_ != "NNS" or not (is_act(noun) or noun.lemma_.lower() in DEVICES):
        return False
    counts = (parse_amount(c.text)[0] for c in noun.children if c.dep_ == "nummod")
    return any(count is not None and count >= TALLY for count in counts)
