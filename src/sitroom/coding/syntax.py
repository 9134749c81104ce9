"""Small questions asked of a dependency parse: subjects, conjuncts, tense, clause chains."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clause links across which a subordinate verb shares its governor's subject:
# "launched an offensive, seizing towns" (advcl), "is due to meet" (xcomp),
# "met X and signed Y" (conj), "after losing control" (pcomp).
SHARED_SUBJECT_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acomp", "prep", "pobj", "dobj")
# Dependents that start a clause of their own: actors in them belong to that clause.
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "parataxis", "csubj")
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
# Prepositions through which a verb's object controls a gerund ("accused X of firing",
# "thanked X for mediating", "stopped X from entering", "charged X with planting").
OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "with", "into"})
# Verbs with an object whose "to" clause is still their subject's act: "promised the
# voters to hold elections".
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})
LIGHT_DEPS = ("dobj", "nsubjpass", "attr", "pobj")


# Determiners that make a noun name something told before ("the assault", "this attack",
# "its offensive").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def definite(noun: Token) -> bool:
    """"the assault", "its offensive": a noun that names something told before."""
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE
                                                  for c in noun.children)


def present_perfect(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children)


def _nominal_subject(subject: Token) -> Token:
    """"Sudan's paramilitary Rapid Support Forces seized ...": the small model takes the
    adjective before a name for a subject of its own; the noun that follows it, a second
    subject of the same verb, is the one."""
    if subject.pos_ != "ADJ":
        return subject
    return next((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i
                 and c.pos_ in ("NOUN", "PROPN")), subject)


# Words that open a clause but that the small parser reads as prepositions ("after insurgents
# attacked the posts"), and prepositions of time or place whose date or town it glues onto the
# subject that follows ("On Wednesday gunmen stormed", "In Kabul police fired").
CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "till", "as", "while", "when", "once"})
SETTING_PREPS = frozenset({"on", "in", "at", "during"})
SETTING_ENTITIES = ("DATE", "TIME", "GPE", "LOC")
CLOSING_MARKS = frozenset({")", "]", '"', "'", "\u201d"})


def _swallowed_subject(verb: Token) -> Token | None:
    """A finite verb with no subject that follows a prepositional phrase at once: the parser
    took its subject for the preposition's object ("after insurgents of the front attacked",
    "On Wednesday gunmen of the group stormed the consulate"), so that noun is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in (*SUBJECT_DEPS, "expl") for c in verb.children):
        return None
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i]
    if verb.dep_ in ("advcl", "conj", "ccomp") and verb.head.i < verb.i:
        preps += [c for c in verb.head.children if c.dep_ == "prep" and c.i < verb.i]
    for prep in preps:
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.right_edge.i >= verb.i:
            continue
        if any(t.text not in CLOSING_MARKS for t in verb.doc[noun.right_edge.i + 1:verb.i]):
            continue
        if noun.ent_type_ in ("DATE", "TIME"):
            continue
        glued = any(t.ent_type_ in SETTING_ENTITIES for t in noun.subtree if t.i < noun.i)
        if prep.lower_ in CLAUSE_OPENERS or (prep.lower_ in SETTING_PREPS and glued):
            return noun
    return None


def only_verb(verb: Token) -> bool:
    """No finite verb in the sentence but this participle: the sentence's own verb, misread."""
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent if t.i != verb.i)


def subject_of(verb: Token, *, climb: bool = True) -> Token | None:
    """The subject of a verb, climbing to the governing clause when it has none.

    A passive agent ("was hit by X") is returned as the logical subject. A relative
    pronoun subject is replaced by the noun the relative clause modifies.
    """
    if shares_passive(verb):
        # "the mayor was kidnapped and murdered": the shared subject is the patient; the
        # doer is only in a "by" phrase
        return passive_agent(verb)
    if _own_passive(verb) and passive_agent(verb) is not None:
        return passive_agent(verb)
    seen = 0
    token: Token | None = verb
    while token is not None and seen < 8:
        seen += 1
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        # a verb with a direct object is active: "break up a sit-in by teachers" is the
        # sit-in's "by", misread as an agent
        if agent is not None and not any(c.dep_ == "dobj" for c in token.children):
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and token != verb):
                if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    return token.head
                return _nominal_subject(child)
            if child.dep_ == "nsubjpass" and token == verb:
                # "the Minister is scheduled to visit": the passive subject of a governing
                # verb is the actor; of the trigger itself it is the patient
                continue
        swallowed = _swallowed_subject(token)
        if swallowed is not None:
            return swallowed
        if token == verb and any(c.dep_ == "nsubjpass" for c in token.children):
            # "..., days after another group of hostages was freed": a passive clause with
            # its own subject names no doer; the governing clause's subject is not it
            return None
        if (token == verb and token.dep_ == "acl" and token.head.dep_ in ("ROOT", "dep")
                and token.head.pos_ in ("NOUN", "PROPN")
                and (any(c.dep_ == "dobj" for c in token.children) or token.tag_ == "VBD"
                     or (token.tag_ == "VBN" and only_verb(token)))):
            # "Bandits kidnapped 38 people ...": the parser took the verb for a participle
            # describing the noun, but a participle of that kind has no direct object; nor is
            # a past tense one ("China, Pakistan's closest ally, called on India to ...")
            return token.head
        if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
            if token == verb and is_passive(token):
                return None  # "worshippers who were freed": the noun is the patient
            return token.head
        span_verb = _spanned_verb(token) if climb and token != verb else None
        if span_verb is not None:
            # "fought through the school on Wednesday, a day after storming the compound": a
            # gerund in a span of time ("a day after", "hours before") is the clause's doer's
            token = span_verb
            continue
        if not climb or token.dep_ not in SHARED_SUBJECT_DEPS or token.head == token:
            return None
        if token.dep_ == "xcomp" and token.tag_ == "VB" and token.head.lemma_.lower() not in SUBJECT_CONTROL:
            # "forced the president to resign", "ordered the troops to fire": the object of
            # the governing verb does the act
            controller = next((c for c in token.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return _nominal_subject(controller)
        if token.dep_ == "pcomp" and token.head.lower_ in OBJECT_CONTROL_PREPS and token.head.head != token.head:
            # "accused the border guards of firing", "prevented the army from entering": the
            # object of the governing verb does the act
            governor = token.head.head
            if governor.dep_ == "dobj" and governor.head.pos_ in ("VERB", "AUX"):
                return governor  # the parse hangs "of firing" on the object itself
            controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller
        token = token.head
    return None


# Nouns of a span of time that a gerund's "after" or "before" hangs on ("a day after storming").
TIME_SPAN_NOUNS = frozenset({"minute", "hour", "day", "week", "month"})


def _spanned_verb(noun: Token) -> Token | None:
    """The verb that a span of time ("a day after", "hours before") counts from: the span is
    its adverb ("fought on Wednesday, a day after ...") or stands beside its day ("on
    Wednesday, a day after ...", parsed as an apposition)."""
    if noun.lemma_.lower() not in TIME_SPAN_NOUNS or noun.dep_ not in ("npadvmod", "appos"):
        return None
    head = noun.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.dep_ not in ("pobj", "prep", "npadvmod") or head.head == head:
            return None
        head = head.head
    return None


def way_made(noun: Token) -> bool:
    """"fought their way into the town", "battled its way across the river": a possessed
    "way" is the path the subject makes, no opponent (nor are the subject's own parties
    fighting each other). The parse may hang the way on the next noun as its compound ("fought
    their way room by room", "house to house")."""
    if noun.dep_ != "dobj":
        return False
    ways = [noun] if noun.lemma_.lower() == "way" else [
        c for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() == "way"]
    return bool(ways) and any(c.dep_ == "poss" for t in (noun, *ways) for c in t.children)


def clause_top(verb: Token) -> Token:
    """The verb whose subject `verb` shares: up through xcomp, advcl, conj, pcomp."""
    current = verb
    for _ in range(8):
        if any(c.dep_ in SUBJECT_DEPS for c in current.children) or current.dep_ not in SHARED_SUBJECT_DEPS[:5]:
            return current
        if current.head == current:
            return current
        current = current.head
        if current.pos_ not in ("VERB", "AUX") and current.dep_ in ("prep",):
            current = current.head
    return current


def has_own_subject(verb: Token) -> bool:
    """The verb's clause names its own subject (active or passive)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


PAST_AUXILIARIES = frozenset({"was", "were", "had", "has", "have"})


def told_past(verb: Token) -> bool:
    """A verb in the past tense or the perfect, by its own form or its own auxiliary."""
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUXILIARIES
                                     for c in verb.children)


def misread_past(verb: Token) -> bool:
    """"Pakistan denied any role and suspended trade with India": a verb joined to a past
    tense and tagged as a past participle, with no auxiliary or subject of its own, is a past
    tense too (an "-ed" form reads both ways); not one joined to a passive ("was kidnapped and
    murdered") or to a participle ("denied having attacked and looted")."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and head.tag_ == "VBD" and head.i < verb.i
            and not _own_passive(head)
            and not any(c.dep_ in ("aux", "auxpass", *SUBJECT_DEPS) for c in verb.children))


def passive_subject(verb: Token) -> Token | None:
    own = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if own is None and shares_passive(verb):
        return passive_subject(verb.head)  # "the mayor was kidnapped and murdered"
    if own is not None and own.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head  # "an outpost that was raided by rebels": the outpost
    return own


def is_passive(verb: Token) -> bool:
    return _own_passive(verb) or shares_passive(verb)


def _own_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def shares_passive(verb: Token) -> bool:
    """A participle joined to a passive verb, with no subject or auxiliary of its own, is
    passive too: "the mayor was kidnapped and murdered", "were shot and killed"."""
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX")
            and _own_passive(verb.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children))


def controlled_patient(verb: Token) -> Token | None:
    """The patient of a passive clause with no subject of its own is the subject of the
    clause it hangs from: "the policemen fled after being attacked by rebels", "attacked
    by rebels, the policemen fled"."""
    if has_own_subject(verb) or verb.tag_ != "VBN":
        return None
    if not (_own_passive(verb) or any(c.dep_ == "agent" for c in verb.children)):
        return None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        governor = verb.head.head
    elif verb.dep_ == "advcl":
        governor = verb.head
    else:
        return None
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)


# Subjects and objects of a clause that "what" opens as the object of the verb it hangs on.
FREE_RELATIVE_DEPS = ("dobj", "nsubj", "nsubjpass")


def named_object(verb: Token) -> Token | None:
    """"condemned what it called Eritrea's aggression", "rejected what was described as an
    attack by the rebels": an object told as a clause opened by "what" is the noun that clause
    names it by (the complement of "called", the object of "as")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        what = next((c for c in clause.children if c.dep_ in FREE_RELATIVE_DEPS and c.lower_ == "what"), None)
        if what is None or clause.left_edge.i != what.i:
            continue
        named = next((c for c in clause.children if c.dep_ in ("oprd", "attr")), None)
        if named is None:
            named = next((g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                          for g in c.children if g.dep_ == "pobj"), None)
        if named is not None:
            return named
    return None


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def passive_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb, or the one its joined participles share: "were
    shot and killed by rebels" names the rebels for both verbs."""
    own = _agent(verb)
    if own is not None:
        return own
    if shares_passive(verb):
        return passive_agent(verb.head)
    for joined in verb.children:
        if joined.dep_ == "conj" and shares_passive(joined):
            found = _agent(joined)
            if found is not None:
                return found
    return None


def first_conjunct(token: Token) -> Token:
    """The first member of the list `token` is in ("an aid worker and two journalists": the
    worker), or `token` itself."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """The token and its coordinated siblings, in text order; "the United States, the
    European Union and NATO", which the parser reads as an appositive with a conjunct of its
    own, is a list of three."""
    members = {token, *token.conjuncts}
    for member in list(members):
        members.update(t for appositive in _listed_appositives(member) for t in (appositive, *appositive.conjuncts))
    return sorted(members, key=lambda t: t.i)


def _listed_appositives(token: Token) -> list[Token]:
    """Appositives of `token` that open a list rather than describe it: set off by a comma,
    coordinated with "and" or "or" to a further name, and names like `token` (proper
    nouns, or nouns with "the": "the army, the police and the militia"); "Perez, a commander
    and spokesman" describes one man."""
    def name_like(t: Token) -> bool:
        if token.pos_ == "PROPN":
            return t.pos_ == "PROPN"
        return t.pos_ == token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)

    found = []
    for child in token.children:
        if child.dep_ != "appos" or child.left_edge.i == 0 or child.doc[child.left_edge.i - 1].text != ",":
            continue
        coordinated = [c for c in child.children if c.dep_ == "conj"]
        if coordinated and any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in child.children) \
                and name_like(token) and name_like(child) and all(name_like(c) for c in coordinated):
            found.append(child)
    return found


def own_tokens(token: Token) -> list[Token]:
    """The subtree of a conjunct without its coordinated siblings and their subordinate clauses."""
    skip: set[int] = set()
    for child in token.children:
        # an appositive set off by a comma describes ("X, Mali's partners in <alliance>");
        # without one it is the name itself ("the agency Sana")
        described = child.dep_ == "appos" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        if child.dep_ in ("conj", "cc") or child.dep_ in CLAUSE_DEPS or described:
            skip.update(t.i for t in child.subtree)
    return [t for t in token.subtree if t.i not in skip]


def clause_chain(token: Token, limit: int = 12) -> Iterator[Token]:
    """The token's ancestors, nearest first."""
    for n, ancestor in enumerate(token.ancestors):
        if n >= limit:
            return
        yield ancestor


def verb_of(token: Token) -> Token:
    """The verb a noun hangs from (through objects and prepositions), or the token itself."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head == current:
            return current
        current = current.head
    return current


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]


def is_past_perfect(verb: Token) -> bool:
    return any(a.lower_ == "had" for a in auxiliaries(verb)) and verb.tag_ == "VBN"


def is_simple_present(verb: Token) -> bool:
    """Habitual or state present ("Turkey supports the rebels"): no auxiliary, VBZ/VBP."""
    return verb.tag_ in ("VBZ", "VBP") and not any(a.dep_ in ("aux", "auxpass") for a in verb.children)


def sentence_of(token: Token) -> Span:
    return token.sent


def reattach_reporters_participles(doc: Doc, is_report: Callable[[Token], bool],
                                   is_speech: Callable[[Token], bool]) -> None:
    """"The ministry said the strikes had killed 12 civilians, accusing Israel of targeting
    homes": a participle of speech set off by a comma after a reported clause is the
    reporter's own act, but the small parser hangs it on the reported verb, whose subject
    and tense it would then take. It is moved to the reporting verb. A participle of another
    kind stays where it is ("said the troops fired, killing 12": the toll of the firing).
    So is a past-tense verb of speech joined by "and" to a reported clause in another tense
    ("denied that the army was shelling towns and accused NATO of ...", "said rebel gunners
    were aiming at army posts and accused ..."): the tense says it is the reporter's act."""
    for token in doc:
        if token.tag_ == "VBD" and token.dep_ == "conj" and token.head.dep_ == "ccomp" \
                and token.head.tag_ != "VBD" and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
            clause, reporter = token.head, token.head.head
            if reporter.i < clause.i < token.i and reporter.tag_ == "VBD" and is_speech(reporter) \
                    and is_speech(token):
                token.head = reporter
            continue
        if token.tag_ != "VBG" or token.dep_ != "advcl" or token.i == 0 or doc[token.i - 1].text != ",":
            continue
        clause = token.head
        reporter = clause.head
        if clause.dep_ != "ccomp" or not reporter.i < clause.i < token.i or not is_report(reporter):
            continue
        if is_speech(token):
            token.head = reporter
