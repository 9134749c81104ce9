"""Who says so and how sure: attribution and modality of an event.

Both come from the words that govern the trigger (frames in `frames.tsv`): a reporting
verb or "according to" names the source of the report; "scheduled to", "will" make the
event planned, "threatened to" threatened, "if"/"unless" hypothetical, "did not"
negated; a violent event reported only by one of its parties is claimed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..knowledge.events import EventLexicon
from ..records import Actor
from .accusations import told_apart
from .arguments import ActorIndex, actors_of
from .figures import said_alive
from .rules import arranged, told_as_will
from .syntax import has_own_subject, subject_of, told_past
from .unreal_acts import inquired

# Clause links through which a governing verb frames the trigger.
FRAMING_DEPS = ("ccomp", "xcomp", "advcl", "conj", "acomp", "pcomp", "prep", "pobj", "dobj", "relcl", "acl", "attr")
# Roles whose reports about their own side's fighting are claims, not independent reports.
PARTY_ROLES = ("GOV", "MIL", "REB", "INS", "MED", "COP", "RAD", "OPP")
MAX_CLIMB = 8


@dataclass(frozen=True)
class Report:
    text: str  # attribution as the event record carries it
    actor: Actor | None
    verb: Token | None
    claim: bool  # "claimed", "alleged": a claim whoever makes it


def report_of(token: Token, sent: Span, lexicon: EventLexicon, actors: ActorIndex) -> Report | None:
    """The innermost report that frames `token`: a governing reporting verb, else "according to"."""
    current = token
    for _ in range(MAX_CLIMB):
        head = current.head
        if head == current:
            break
        if current.dep_ == "advcl" and has_own_subject(current):
            break  # "..., while Iran reiterated its support": a clause of its own, the writer's
        if current.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and _is_report(head, lexicon) or (
                current.dep_ == "prep" and head.pos_ == "VERB" and lexicon.has_frame(head.lemma_.lower(), "claim")):
            # (the second: "the ministry accused Armenian forces of firing on its positions")
            found = _reporter(head, actors)
            if found is not None:
                return found
        current = head
    # '"...", the ministry said': the reporting verb hangs off the quoted clause's root
    root = sent.root
    for child in list(root.children) + [root]:
        if child != token and child.dep_ in ("parataxis", "ROOT") and _is_report(child, lexicon):
            if child == root and token.i > root.i:
                continue  # "X said that..." handled by the climb above
            found = _reporter(child, actors)
            if found is not None:
                return found
    # "X shelled ..., and troops blew up houses, the agency reported": the parser may hang a
    # closing report on the last of the joined clauses, as that clause's content or as a
    # clause joined to the first
    for verb in (root, *root.conjuncts):
        for child in verb.children:
            if child.dep_ in ("ccomp", "conj") and child.i > token.i and _closing_report(child, lexicon):
                found = _reporter(child, actors)
                if found is not None:
                    return found
    return according_to(sent, actors)


def _closing_report(verb: Token, lexicon: EventLexicon) -> bool:
    """A reporting verb that closes its sentence: ", the agency reported." (not "and the
    ministry said it would retaliate")."""
    return _is_report(verb, lexicon) and all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1:verb.sent.end])


def according_to(sent: Span, actors: ActorIndex) -> Report | None:
    for token in sent:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return _described(pobj, actors, verb=token, claim=False)
    return None


def _is_report(token: Token, lexicon: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in ("VERB", "AUX") and (lexicon.has_frame(lemma, "report") or lexicon.has_frame(lemma, "claim"))


def _reporter(verb: Token, actors: ActorIndex) -> Report | None:
    subject = subject_of(verb, climb=False) or _stranded_speaker(verb) or _shared_speaker(verb)
    if subject is None:
        return None
    claim = verb.lemma_.lower() in ("claim", "allege")
    return _described(subject, actors, verb=verb, claim=claim)


def _shared_speaker(verb: Token) -> Token | None:
    """"The president visited the wounded and said the attackers would be tracked down": a
    reporting verb joined to a verb before it shares that verb's subject."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    return subject_of(verb.head, climb=False)


def _stranded_speaker(verb: Token) -> Token | None:
    """"..., near Kfar Kila, the UN Interim Force in Lebanon (UNIFIL) said": a speaker the
    parser hung as an apposition on the noun before it, right before the reporting verb."""
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    speaker = None
    for token in [doc[i], *doc[i].ancestors]:
        if token.i >= verb.i or token.dep_ != "appos":
            break
        speaker = token
    return speaker


def _strip_article(phrase: str) -> str:
    return phrase[4:] if phrase[:4].lower() == "the " else phrase


def _described(head: Token, actors: ActorIndex, *, verb: Token, claim: bool) -> Report:
    found = actors_of(head, actors)
    phrase = " ".join(t.text for t in head.subtree if not t.is_space).strip()
    if found and found[0].token.i != head.i and found[0].mention.kind == "pronoun":
        # "according to his office": the office speaks, for the person "his" stands for
        return Report(text=f"{phrase} ({found[0].actor.name})", actor=found[0].actor, verb=verb, claim=claim)
    if found and head.pos_ == "PROPN" and not found[0].mention.start <= head.idx < found[0].mention.end:
        # "The Kenya National Commission on Human Rights said": a body the knowledge does
        # not know, named with a country it knows; the body speaks, by its own name
        return Report(text=_strip_article(phrase), actor=found[0].actor, verb=verb, claim=claim)
    if found:
        actor = found[0].actor
        written = found[0].mention.actor.text
        # keep the words as written and the canonical name when they differ
        # ("this NGO" -> "Syrian Observatory ...", "Rome" -> "Rome (Italy)")
        text = actor.name if written.casefold() in actor.name.casefold() else f"{written} ({actor.name})"
        return Report(text=text, actor=actor, verb=verb, claim=claim)
    return Report(text=phrase, actor=None, verb=verb, claim=claim)


def _negation_passes(below: Token, above: Token, lexicon: EventLexicon) -> bool:
    """Whether a negation on `above` denies the act `below` tells. Not through who answers
    for it ("had no evidence that they were responsible for the explosions": frame
    `accountable`), nor from a verb to the act it takes as object or through a preposition,
    which it presupposes ("had not got over yesterday's attack", "was not involved in the
    raid"), unless the verb is the act's light verb ("did not carry out the attack"), nor
    into an adverbial or joined clause with a subject of its own."""
    if lexicon.has_frame(above.lemma_.lower(), "accountable") or lexicon.has_frame(below.lemma_.lower(), "accountable"):
        return False
    if above.pos_ not in ("VERB", "AUX"):
        return True  # "no sign of an attack"
    if below.dep_ in ("advcl", "conj") and has_own_subject(below):
        return False  # "had not got over it when a second bomb went off": a clause of its own
    if below.dep_ == "dobj":
        return lexicon.has_frame(above.lemma_.lower(), "light")
    return below.dep_ != "prep"


def modality(token: Token, lexicon: EventLexicon, *, violent: bool, report: Report | None,
             parties: tuple[Actor | None, Actor | None], material: bool = False) -> str:
    """asserted, claimed, planned, threatened, hypothetical or negated. `material`: the act
    is force against people or property (CAMEO 17 to 20)."""
    chain = [token]
    current = listed = continued_infinitive(token) or token
    if listed is not token:
        chain.append(listed)  # "orders to scramble, escort or shoot down": the list's frame
    for _ in range(MAX_CLIMB):
        if current.dep_ not in FRAMING_DEPS or current.head == current:
            break
        if inquired(current, lambda w: lexicon.has_frame(w, "inquiry")):
            break  # "ready to investigate the murder": the murder is told, whatever frames the inquiry
        if (current.dep_ == "pobj" and current.head.lower_ == "for"
                and lexicon.has_frame(current.head.head.lemma_.lower(), "reprisal")):
            break  # "vowed revenge for the killing": what revenge is for was done
        if current.dep_ == "relcl" and told_past(current):
            break  # "will visit the families of miners who were abducted": the clause tells its own past
        if told_apart(current, lambda noun: lexicon.has_frame(noun.lemma_.lower(), "charge")):
            break  # "X blamed Y for the fires; Z denied it": the denial does not frame the blame
        current = current.head
        chain.append(current)
        if current.dep_ in ("ccomp", "parataxis") and _is_report(current.head, lexicon):
            break
    if _called_false(token, lexicon) or said_alive(token):
        return "negated"
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "prep" and lexicon.has_frame(token.head.lower_, "negated"):
        return "negated"  # "opened fire without warning", "withdrew without firing a shot"
    if token.dep_ == "appos" and lexicon.has_frame(token.head.lemma_.lower(), "hypothetical"):
        return "hypothetical"  # "they share the same fear, an invasion by the gangs"
    prospect = None if material else _described_as_prospect(token, lexicon)
    if prospect is not None:
        return prospect
    negation_reaches = True
    for position, verb in enumerate(chain):
        children = list(verb.children)
        if (position > 0 and verb.lemma_.lower() in LITOTES and chain[position - 1].dep_ == "xcomp"
                and any(c.dep_ == "neg" for c in children)):
            if told_as_will(verb):
                return "planned"  # "would not hesitate to strike": a plan (a threat, when the act is force)
            break  # "did not hesitate to open fire": they did
        if position > 0:
            negation_reaches = negation_reaches and _negation_passes(chain[position - 1], verb, lexicon)
        if negation_reaches and any((c.dep_ == "neg" or lexicon.has_frame(c.lower_, "negated")
                                     and c.dep_ in ("neg", "det", "advmod")) and not _additive(c) for c in children):
            return "negated"
        if negation_reaches and any(c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in children):
            return "negated"  # "are no longer murdered": the negation hangs from its adverb
        # a verb joined to another shares its subject: "no priest has been jailed, murdered or exiled"
        subjects, joined = children, verb
        while joined.dep_ == "conj" and not has_own_subject(joined):
            joined = joined.head
            subjects = list(joined.children)
        if position == 0 and verb.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and _none(c, lexicon) for c in subjects):
            return "negated"  # "no journalist has been murdered", "nobody was hurt"
        if position > 0 and verb.lemma_.lower() in ("deny", "fail") and chain[position - 1].dep_ != "conj":
            return "negated"  # (not a verb joined to the denial: "denied X and accused Y")
        if position > 0 and chain[position - 1].dep_ == "xcomp" and lexicon.has_frame(verb.lemma_.lower(), "negated"):
            return "negated"  # "has been unable to agree on measures"
        if (position > 1 and lexicon.has_frame(verb.lemma_.lower(), "responsibility")
                and chain[position - 1].lemma_.lower() in ("responsibility", "credit")):
            return "claimed"  # "ISWAP claimed responsibility for the raid": its doer's own word
        if (position == 1 and token.dep_ == "dobj" and verb.pos_ == "VERB" and token.pos_ == "NOUN"
                and lexicon.has_frame(verb.lemma_.lower(), "responsibility")
                and lexicon.has_frame(verb.lemma_.lower(), "claim")):
            return "claimed"  # "the rebels claimed a missile attack on the ship": the same claim
        if position > 0 and lexicon.has_frame(verb.lemma_.lower(), "claim") and (
                chain[position - 1].dep_ in ("pcomp", "pobj") or any(t.dep_ == "pcomp" for t in chain[:position])
                or (position > 1 and chain[position - 1].lower_ == "of" and chain[position - 2].dep_ == "pobj")):
            return "claimed"  # "accused the army of killing civilians", "... of an invasion": alleged
        if any(c.dep_ == "mark" and lexicon.has_frame(c.lower_, "hypothetical") for c in children):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in children) and verb.head != verb \
                and told_as_will(verb.head):
            return "hypothetical"  # "would tighten the noose until the guerrillas agreed to leave": a condition
        if any(c.dep_ == "aux" and lexicon.has_frame(c.lower_, "hypothetical") for c in children):
            return "planned" if _future_in_the_past(verb, children, lexicon) else "hypothetical"
        if position == 0 and any(c.dep_ == "aux" and lexicon.has_frame(c.lower_, "ability") for c in children):
            return "hypothetical"  # "those people can fight": what they are able to do, not what they did
        if position > 0 and lexicon.has_frame(verb.lemma_.lower(), "threatened"):
            return "threatened"
        if any(c.dep_ == "aux" and lexicon.has_frame(c.lower_, "planned") for c in children):
            return "planned"
        if position > 0 and (lexicon.has_frame(verb.lemma_.lower(), "planned") or lexicon.has_frame(verb.lower_, "planned")) \
                and chain[position - 1].dep_ in ("xcomp", "acomp"):
            return "planned"  # ("were going to attack": the form, whose lemma "go" is no plan)
        if (position == 1 and token.dep_ == "dobj" and lexicon.has_frame(verb.lemma_.lower(), "planned")
                and verb.pos_ == "VERB" and not any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE
                                                    for c in token.children)):
            return "planned"  # "the rebels plan new attacks" (but "planned the attack" tells one)
        if (position > 1 and verb.pos_ == "NOUN" and chain[position - 1].lower_ == "of"
                and lexicon.has_frame(verb.lemma_.lower(), "hypothetical")):
            return "hypothetical"  # "the possibility of an attack", "the risk of attacks"
        if (position == 1 and token.dep_ == "dobj" and verb.pos_ == "VERB"
                and lexicon.has_frame(verb.lemma_.lower(), "hypothetical")):
            return "hypothetical"  # "residents fear new attacks"
        if (position > 1 and verb.pos_ == "NOUN" and (chain[position - 1].lower_ == "for" or (
                chain[position - 1].lower_ == "of" and (token.tag_ == "VBG" or chain[position - 2].tag_ == "VBG")))
                and lexicon.has_frame(verb.lemma_.lower(), "planned")):
            # "plans for attacks", "had the mission of killing the president", "the task of
            # planning the assassination"
            return "planned"
        if lexicon.has_frame(verb.lemma_.lower(), "planned") and verb.pos_ == "ADJ":
            return "planned"  # "is due to meet": the trigger hangs from the adjective
        if (position > 0 and verb.pos_ == "NOUN" and chain[position - 1].dep_ == "acl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[position - 1].children)
                and lexicon.has_frame(verb.lemma_.lower(), "planned")):
            return "planned"  # "approved his request to use the armed forces", "a mission to rescue them"
    if arranged(listed, violent=violent, is_light=lambda w: lexicon.has_frame(w, "light"),
                is_attempt=lambda w: lexicon.has_frame(w, "vehicle")):
        return "planned"  # "a plot to kill the mayor", "Armenia is to free four soldiers"
    if report is not None and (report.claim or (violent and _is_party(report.actor, parties))):
        return "claimed"
    return "asserted"


def continued_infinitive(verb: Token) -> Token | None:
    """"got orders to stand ready to intercept, escort or shoot down any aircraft", "is
    doing all he can to block the talks ... and to murder those who ...": an infinitive
    cannot be joined to a finite verb or a participle; one the parse joins so, with no
    subject or tense of its own, continues the list of infinitives before it. That earlier
    infinitive (whose frame it shares) is returned."""
    if verb.tag_ != "VB" or verb.dep_ != "conj" or verb.head.tag_ == "VB":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.lower_ != "to") for c in verb.children):
        return None
    for i in range(verb.i - 1, verb.sent.start - 1, -1):
        earlier = verb.doc[i]
        if earlier.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in earlier.children):
            return earlier
    return None


def _additive(negation: Token) -> bool:
    """"not only", "not just", "not merely": the "not" adds to what follows ("this was not
    only an attack on the candidate but on the country"), it does not deny it."""
    following = negation.nbor() if negation.i + 1 < len(negation.doc) else None
    return negation.lower_ == "not" and following is not None and following.lower_ in ADDITIVE_AFTER_NOT


ADDITIVE_AFTER_NOT = frozenset({"only", "just", "merely", "simply"})
# Verbs whose negation says the act will be done: "would not hesitate to strike".
LITOTES = frozenset({"hesitate"})


# An adjective's frame and the modality it gives the act noun it describes.
PROSPECTS = (("possible", "hypothetical"), ("upcoming", "planned"))


def _described_as_prospect(token: Token, lexicon: EventLexicon) -> str | None:
    """"a possible new round of talks", "the proposed ceasefire", "upcoming talks": an act noun
    described as possible is hypothetical, as proposed or coming planned (the adjective may
    describe the series the act is "of"). A subject was done whatever it is called. Not
    read on force against people or property (the caller's `material`): "investigating a
    possible terrorist attack", "a potential arson" hedges what the act was, not whether
    it happened."""
    if token.pos_ != "NOUN" or token.dep_ in ("nsubj", "nsubjpass"):
        return None
    nouns = [token]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and lexicon.has_frame(token.head.head.lemma_.lower(), "series"):
        nouns.append(token.head.head)
    for noun in nouns:
        for child in noun.children:
            if child.dep_ != "amod":
                continue
            for frame, mood in PROSPECTS:
                if lexicon.has_frame(child.lower_, frame):
                    return mood
    return None


# Links from an act up to the report that tells it: "the report of the killing", "reports
# that troops killed", "the killing ... is".
TOLD_IN_DEPS = ("pobj", "prep", "acl", "ccomp", "relcl", "nsubj", "nsubjpass")


def _called_false(token: Token, lexicon: EventLexicon) -> bool:
    """"Reports that troops killed 20 villagers are false", "the false report of the
    killing ... is groundless": a telling called false (frame `false`) tells no act."""
    current = token
    for _ in range(MAX_CLIMB):
        head = current.head
        if head == current or current.dep_ not in TOLD_IN_DEPS:
            return False
        if current.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("acomp", "attr") and lexicon.has_frame(c.lemma_.lower(), "false") for c in head.children):
            return True
        if head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "amod" and lexicon.has_frame(c.lower_, "false") for c in head.children):
            return True
        if current.dep_ in ("nsubj", "nsubjpass"):
            return False
        current = head
    return False


# Determiners that name no act told before: "plan some attacks", "expect more raids".
INDEFINITE = frozenset({"a", "an", "some", "more", "new", "further", "any", "another", "several"})


# Pronouns that name no one: the subject of an act that did not happen.
NO_ONE = frozenset({"nobody", "none", "nothing", "noone", "no-one"})


def _none(subject: Token, lexicon: EventLexicon) -> bool:
    """"no one", "no journalist", "nobody", "none of the hostages"."""
    return subject.lower_ in NO_ONE or any(
        c.dep_ == "det" and lexicon.has_frame(c.lower_, "negated") for c in subject.children)


def _future_in_the_past(verb: Token, children: list[Token], lexicon: EventLexicon) -> bool:
    """"would" reporting a past statement about the future ("said on Thursday that its
    supporters would march on Saturday"): planned, not a condition, unless an "if" or
    "unless" clause hangs from the verb."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in children):
        return False
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and lexicon.has_frame(m.lower_, "hypothetical") for m in c.children)
           for c in children):
        return False
    head = verb.head
    return verb.dep_ == "ccomp" and head.tag_ == "VBD" and _is_report(head, lexicon)


def _is_party(reporter: Actor | None, parties: tuple[Actor | None, Actor | None]) -> bool:
    if reporter is None or reporter.code is None:
        return False
    role = reporter.code[3:] if len(reporter.code) > 3 else ""
    if not any(role.startswith(r) for r in PARTY_ROLES) and reporter.code[:3] not in PARTY_ROLES:
        return False
    for party in parties:
        if party is None or party.code is None:
            continue
        if reporter.country and reporter.country == party.country:
            return True
        if reporter.name == party.name:
            return True
    return False
