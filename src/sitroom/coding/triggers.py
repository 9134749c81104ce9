"""Finding the words that carry events, by the rules of `triggers.tsv`."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..knowledge.events import NO_EVENT, EventLexicon, TriggerRule
from .figures import in_a_name
from .merge import VIOLENT_ROOTS
from .syntax import is_simple_present

# A noun trigger is the object of one of these verbs' dependents: its event's actor is the
# verb's subject ("launched an offensive", "carried out strikes").
LIGHT_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
# Links inside one noun phrase, through which a noun trigger still belongs to the verb
# whose object the phrase is.
NOUN_PHRASE_DEPS = ("conj", "nmod", "compound", "amod", "appos")
# Support, cooperation and aid in the simple present describe a standing relation
# ("Turkey supports the rebels"); other verbs in the present report a position ("X rejects").
STANDING_ROOTS = frozenset({"05", "06", "07"})
# Violence told in the simple present in a clause that describes a noun is a habit or a
# charge, not the report of an act ("the death squads who murder peasants", "terrorists
# who attack students"); in a main clause the present may be a headline's or a snippet's
# way of telling an act. Verbs whose past is their present form ("rockets hit the town")
# are left alone: the tagger cannot tell them apart.
SAME_IN_THE_PAST = frozenset({"hit", "set", "cut", "beat", "put", "shut", "burst", "spread", "cast", "shed", "let"})
# A word in one of these positions is a noun whatever its tag: the small model tags the
# second half of "counter-offensive" as an adjective.
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos")


@dataclass(frozen=True)
class Trigger:
    token: Token
    rule: TriggerRule
    light: Token | None  # the verb whose object the noun trigger is, if any
    in_title: bool

    @property
    def tokens(self) -> list[Token]:
        return [self.token] + ([self.light] if self.light is not None else [])


# `xcomp:*`: any verb the trigger governs with "to" ("asked the leaders to act").
ANY_VERB = "*"


def find_triggers(sent: Span, lexicon: EventLexicon, *, territory: set[int], in_title: bool) -> list[Trigger]:
    """The triggers of one sentence, in text order.

    `territory` holds the indices of tokens that are places or territory nouns (towns,
    bases, localities): rows flagged `territory` fire only on such an object.
    """
    found: list[Trigger] = []
    for token in sent:
        rules = lexicon.triggers.get(token.lemma_.lower()) or lexicon.triggers.get(token.lower_)
        if not rules:
            continue
        if token.dep_ == "compound" and not lexicon.has_frame(token.head.lemma_.lower(), "vehicle"):
            continue  # a modifier ("strike aircraft"), unless of an effort ("a mediation effort")
        if token.dep_ == "amod":
            continue  # a participle used as an adjective ("the attacked convoy")
        if _people_named_by_participle(token):
            continue  # "medics treated the injured", "reaching the many wounded": people, not an act
        if in_a_name(token, lambda w: lexicon.has_frame(w, "body")):
            continue  # "the Committee of Relatives of Murdered People (CORAMI)": a name
        rule = next((r for r in _ordered(rules) if _fits(r, token, territory)), None)
        if rule is None or rule.code == NO_EVENT:
            continue
        if _not_told(token, rule, lexicon, in_title=in_title):
            continue
        light = _light_verb(token, lexicon) if pos_of(token) in ("NOUN", "PROPN") else None
        if (token.pos_ == "VERB" and token.dep_ == "relcl" and rule.code[:2] in VIOLENT_ROOTS
                and is_simple_present(token) and token.lemma_.lower() not in SAME_IN_THE_PAST
                and "habitual-ok" not in rule.flags):
            continue  # "death squads who murder peasants", "terrorists who attack students": a habit
        if (
            token.pos_ in ("VERB", "AUX")
            and rule.code[:2] in STANDING_ROOTS
            and is_simple_present(token)
            and not in_title
            and "habitual-ok" not in rule.flags
        ):
            continue  # "Turkey supports the rebels": a standing relation, not an event
        found.append(Trigger(token=token, rule=rule, light=light, in_title=in_title))
    return found


# Determiners that make a noun any one of its kind: an act in a clause that describes it
# ("would not recognise any government that seized power") is no one's act.
ANY_DETERMINERS = frozenset({"any", "every"})
# Coordinators through which a participle may stand beside a noun as its adjective
# ("carried 1,000 migrants and wounded Libyans").
LIST_COORDINATORS = frozenset({"and", "or"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _not_told(token: Token, rule: TriggerRule, lexicon: EventLexicon, *, in_title: bool) -> bool:
    """Words of an act that the sentence does not tell as done (each rule below says why)."""
    violent = "violence" in rule.flags
    return (_ordered_to(token, lexicon) or _any_of_a_kind(token) or (violent and _participle_beside_a_noun(token, lexicon))
            or (not violent and _state_after_with(token))
            or (not in_title and _standing_noun(token, rule)))


def _ordered_to(token: Token, lexicon: EventLexicon) -> bool:
    """"Resolution 598 orders both armies to withdraw", "the police had been ordered to arrest
    the escaped prisoners", "instructed its diplomats to leave": what a verb that tells,
    asks or makes someone act (frame `directive`) governs with "to" is what it tells them to
    do, not an act done. Not a verb whose object is made to act and does ("forced the rebels
    to retreat", frame `implicative`), nor one that carries an event of its own ("urged",
    "asked", "called on": the coder reads their content as their own)."""
    if token.dep_ not in ("xcomp", "advcl") or token.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    governor = token.head
    if token.dep_ == "advcl" and not any(c.dep_ == "dobj" for c in governor.children):
        return False  # "pressed the junta to free him": the parse may hang the infinitive as a clause
    lemma = governor.lemma_.lower()
    return (governor.pos_ == "VERB" and lexicon.has_frame(lemma, "directive")
            and not lexicon.has_frame(lemma, "implicative")
            and not (lexicon.triggers.get(lemma) or lexicon.triggers.get(governor.lower_)))


def _any_of_a_kind(token: Token) -> bool:
    """"would not recognise any government that seized power by force", "every soldier who
    fires on the marchers will be tried": an act in a clause that describes a noun meant as
    any one of its kind is a kind of deed, done by no one in particular."""
    if token.dep_ not in ("relcl", "acl"):
        return False
    return any(c.dep_ == "det" and c.lower_ in ANY_DETERMINERS for c in token.head.children)


def _participle_beside_a_noun(token: Token, lexicon: EventLexicon) -> bool:
    """"A ship carried 1,000 migrants and wounded Libyans to Benghazi": a past participle of
    harm (the rule is asked of violence only, as "the wounded" names people by it) right
    after "and" or "or", itself right after the plural object of the verb the parse joins
    it to, and followed by a bare plural (no article, no number) is an adjective of that
    noun, listed beside the first object, when the verb carries no event of its own
    ("carried", "treated", "brought": it moves or tends people), while a verb that does may
    be followed by a second act ("burned 40 huts and wounded villagers" tells a wounding;
    "wounded two policemen" counts them)."""
    if token.tag_ not in ("VBD", "VBN") or token.dep_ != "conj" or token.i < 2:
        return False
    before, first = token.doc[token.i - 1], token.doc[token.i - 2]
    if before.lower_ not in LIST_COORDINATORS or first.dep_ != "dobj" or first.head != token.head:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or after.dep_ != "dobj" or after.head != token or after.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in after.children):
        return False
    if first.tag_ not in PLURAL_TAGS or after.tag_ not in PLURAL_TAGS:
        return False  # two lists of the same kind ("migrants and wounded Libyans"), not "denied any role and suspended trade"
    verb = token.head
    return not (lexicon.triggers.get(verb.lemma_.lower()) or lexicon.triggers.get(verb.lower_))


def _state_after_with(token: Token) -> bool:
    """"Security had been tightened, with 20,000 police deployed on the streets": a
    participle after "with" and its noun describes how things stood, not an act of the
    news ("with 12 people killed" gives a toll, which violence keeps: the rule is asked of
    other acts only)."""
    if token.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    if token.dep_ == "pcomp" and token.head.lower_ == "with":
        return True
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in token.children):
        return True  # the parse may make "with" the mark of a clause of its own
    return token.dep_ == "acl" and token.head.dep_ == "pobj" and token.head.head.lower_ == "with"


def _standing_noun(token: Token, rule: TriggerRule) -> bool:
    """"the LNA receives support from the Emirates", "the junta enjoys the backing of
    Moscow": support or aid named by a noun that a verb in the simple present takes is a
    standing relation, as the verb "supports" would be (STANDING_ROOTS)."""
    if pos_of(token) not in ("NOUN", "PROPN") or rule.code[:2] not in STANDING_ROOTS or "habitual-ok" in rule.flags:
        return False
    return token.dep_ == "dobj" and token.head.pos_ in ("VERB", "AUX") and is_simple_present(token.head)


# Nominal positions where "the wounded", "the injured" name people.
NOMINAL_POSITIONS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "conj"})
# "the many wounded", "the few injured": the participle hangs on the quantifier.
QUANTIFIERS = frozenset({"many", "several", "few", "most"})


def _people_named_by_participle(token: Token) -> bool:
    """A past participle standing for the people it happened to: "the wounded", "the many
    injured" (the parse keeps its verb tag)."""
    if token.tag_ not in ("VBN", "VBD"):
        return False
    if token.dep_ in NOMINAL_POSITIONS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in token.children)
    head = token.head
    return token.dep_ == "acl" and head.lower_ in QUANTIFIERS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _ordered(rules: tuple[TriggerRule, ...]) -> list[TriggerRule]:
    """Conditional rows before general ones, each group in file order."""
    conditional = [r for r in rules if r.condition or "territory" in r.flags]
    general = [r for r in rules if not (r.condition or "territory" in r.flags)]
    return conditional + general


def _fits(rule: TriggerRule, token: Token, territory: set[int]) -> bool:
    if pos_of(token) not in rule.pos:
        return False
    if "territory" in rule.flags and not _has_territory_object(token, territory):
        return False
    if "future" in rule.flags and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return False  # "would retaliate" threatens; "retaliated with strikes" tells the strikes
    if rule.condition is None:
        return True
    kind, words = rule.condition
    children = list(token.children)
    if kind == "prep":
        # particles are often parsed as adverbs ("push back", "carry out"); a preposition
        # that only dates the act ("called on Saturday") is not the one the row means
        return any(c.dep_ in ("prep", "prt", "agent", "advmod") and c.lower_ in words and not _dates_only(c)
                   for c in children)
    if kind == "obj":
        # "called the vote illegal": the object's predicate (oprd) counts with the object
        objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "compound", "pobj", "oprd")]
        # "will hold the government accountable": the parse may make the predicate a small clause
        objects += [c for c in children if small_clause(c)]
        objects += [g for c in children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if token.dep_ == "acl" and token.tag_ == "VBN":
            objects.append(token.head)  # "missiles fired by the rebels": the noun a passive participle describes
        if token.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("that", "which") for c in children):
            objects.append(token.head)  # "gutted by a fire that was set in its vestry": the pronoun's antecedent
        # "called the bombing a cowardly act": the parse may hang the predicate on the object
        # (of a direct object only: a passive subject's apposition says who the victim is,
        # "Ballardo, a 30-year-old man, was shot")
        objects += [a for o in list(objects) if o.dep_ == "dobj" for a in o.children if a.dep_ == "appos"]
        # "delivered 40 tonnes of flour": the measured thing; "called it an act of cowardice"
        objects += [g for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
        # the object, its modifiers and what it is coordinated with ("fired tear gas and water
        # cannon" parses "gas" as a modifier of "cannon")
        return any(_word_in(o, words) or any(_word_in(m, words) for m in o.children if m.dep_ in ("compound", "amod", "nmod", "conj"))
                   for o in objects)
    if kind == "mod":
        mods = [c for c in children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
        # "a state of emergency": the modifier is the noun the trigger hangs from through "of"
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            mods.append(token.head.head)
        return any(_word_in(m, words) for m in mods)
    if kind == "pobj":
        if _claimed(token):
            return False  # "claimed responsibility for the attack in a statement": the claim's phrase
        # "fired into the air": the noun of the phrase itself, not its modifiers ("the air base")
        return any(g.dep_ == "pobj" and _word_in(g, words) for c in children if c.dep_ == "prep" for g in c.children)
    if kind == "xcomp":
        if ANY_VERB in words:
            return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in children)  # "asked them to act"
        # the parse may hang an infinitive as a clause ("declined to comment"), but a participle
        # clause is another act ("refused to meet him, saying ...": not "refused to say")
        return any(c.dep_ in ("xcomp", "ccomp", "advcl") and not (c.dep_ == "advcl" and c.tag_ == "VBG")
                   and _lemma(c) in words for c in children)
    if kind == "subj":
        # "a rocket landed near the base": what the subject is decides what the verb means
        return any(c.dep_ in ("nsubj", "nsubjpass") and _word_in(c, words) for c in children)
    return False


def small_clause(token: Token) -> bool:
    """"will hold the government accountable", "called the vote illegal": a verbless predicate
    with its own subject, which the parser may read as a clause (its head a bare adjective or,
    in error, a bare verb: never a verb with a tense, an auxiliary or a "that")."""
    return (token.dep_ == "ccomp" and token.tag_ in ("JJ", "VB")
            and not any(c.dep_ in ("mark", "aux", "auxpass") for c in token.children))


def _dates_only(prep: Token) -> bool:
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _has_territory_object(token: Token, territory: set[int]) -> bool:
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and any(t.i in territory for t in _named_part(child)):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "into"):
            if any(t.i in territory for t in _named_part(child)):
                return True
    return False


def _named_part(head: Token) -> list[Token]:
    """The words that name a phrase's thing, without the phrases that only locate it:
    "the town of X" is territory, "a trafficker on a farm in X" and "a lab near X" are not."""
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ not in ("of", "into"):
            continue
        if child.dep_ in ("relcl", "acl"):
            continue
        out.extend(_named_part(child))
    return out


# Auxiliaries of a future act: "would retaliate", "will respond".
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})


def _light_verb(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The verb a noun trigger is the object of ("launched an offensive", "carried out
    strikes", "reiterated its firm support"), through the noun phrase it sits in."""
    current = noun
    for _ in range(4):
        head = current.head
        if head == current:
            return None
        if current.dep_ in LIGHT_OBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
            return head
        if current.dep_ == "pobj" and head.lower_ == "with" and lexicon.has_frame(head.head.lemma_.lower(), "reprisal"):
            return head.head  # "retaliated with air strikes": who retaliated struck
        if current.dep_ == "pobj" and head.lower_ == "of" and head.head != head:
            current = head.head  # "declared a state of emergency": through "of" to "state"
            continue
        if current.dep_ not in NOUN_PHRASE_DEPS:
            return None
        current = head
    return None


def pos_of(token: Token) -> str:
    if token.pos_ == "ADJ" and token.dep_ in NOMINAL_DEPS:
        return "NOUN"
    return token.pos_


# What one claims or takes responsibility for: the phrases after it belong to the claim.
CLAIM_HEADS = frozenset({"responsibility", "credit", "claim"})


def _claimed(token: Token) -> bool:
    """A noun claimed ("claimed the attack", "responsibility for the bombing"): a phrase the
    parse hangs on it ("in a statement", "in a call to a radio station") tells the claim."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() == "claim":
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in CLAIM_HEADS


def _word_in(token: Token, words: frozenset[str]) -> bool:
    return _lemma(token) in words or token.lower_ in words


def _lemma(token: Token) -> str:
    return token.lemma_.lower()
