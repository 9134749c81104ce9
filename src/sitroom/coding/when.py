"""When an event happened: the date mention the parse ties to its trigger.

A date belongs to the nearest trigger or verb above it in the parse. A trigger without a
date of its own takes the one of the clause that governs it ("launched an offensive on
Wednesday, seizing towns"); an act told in the past perfect under a report ("said on
Saturday that gunmen had attacked") takes only a day, the report's, which bounds it. With
no date at all the day the story was telling, or else the article's date, stands in,
flagged as inferred.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..nlp import datelines, doc_text
from ..records import DateMention
from ..resolve.dates import FUTURE_AUX, FUTURE_GOVERNORS, WEEKDAYS, before_the_clause
from ..resolve.victims import headline_end
from .syntax import definite, has_own_subject, is_past_perfect, present_perfect

# A verb without a date of its own takes its governor's through these links only: a noun
# inside a prepositional phrase ("during an offensive") does not share the clause's date.
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acomp", "ccomp")
MAX_CLIMB = 6
# A date within this many tokens of the sentence start is fronted ("On Wednesday, ...").
FRONTED_TOKENS = 2
# A clause dated more than this many days before the report frames its acts in its own time.
FRAMING_DAYS = 60
# Events dated more than this many days before the article are background, not news: a
# report tells the news of its days and weeks; what it dates months back ("invaded Kuwait
# on Aug 2", "talks collapsed in February") it recounts as history.
HISTORICAL_DAYS = FRAMING_DAYS
# A count "since" a day more than this many days back sums up a campaign ("have attacked
# dozens of ships since November"), not the news of a day ("19 killed since Saturday").
SINCE_SPAN_DAYS = 31
# "killed since the war began", "displaced since the invasion": a toll summed over a whole
# conflict is background, not an event of the day. (An offensive is the news itself:
# "412 killed since the offensive began" is that offensive's toll.)
LONG_RUNNING = frozenset({"war", "conflict", "uprising", "insurgency", "invasion", "revolution", "occupation",
                          "siege", "crisis"})


@dataclass(frozen=True)
class EventDate:
    value: str | None
    precision: str
    inferred: bool
    historical: bool
    mention: DateMention | None

    @property
    def suspect(self) -> bool:
        """The date comes from a mention that cannot be right (before 1900, or after the
        article's date for something done): kept, flagged, not trusted."""
        return bool(self.mention is not None and self.mention.suspect)

    def draft_fields(self) -> dict[str, object]:
        """The date fields of a `draft.Draft` (and so of its event)."""
        return {"date": self.value, "date_precision": self.precision, "date_inferred": self.inferred,
                "date_suspect": self.suspect, "historical": self.historical}


def attach(doc: Doc, sent: Span, mentions: Sequence[DateMention], owners: set[int],
           is_report: Callable[[Token], bool] = lambda _: False, *,
           in_the_scene: Callable[[Token], bool] = lambda _: False,
           named_acts: Collection[int] = ()) -> dict[int, DateMention]:
    """Map the token index of each date's owner (a trigger or a verb) to the date.
    `in_the_scene`: whether a trigger tells what people were doing where an act met them
    (a protest, a curfew defied), so that a relative clause telling it on the act's object
    tells the act's day (`_object_in_the_scene`); `named_acts`: the token indexes of every
    trigger of the sentence, even those no event is made of (`_closes_an_act_noun`)."""
    out: dict[int, DateMention] = {}
    fronted: list[tuple[int, DateMention]] = []
    alone = sum(1 for m in mentions if m.start >= sent.start_char and m.end <= sent.end_char and m.value) == 1
    for mention in mentions:
        if mention.start < sent.start_char or mention.end > sent.end_char or mention.value is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for clause in [*_when_clauses(span), *_when_after(span)]:
            # "the anniversary of 4 March 2001, when the group attacked a barracks": a
            # "when" clause on the day itself happened that day
            out.setdefault(clause.i, mention)
        act = _closes_an_act_noun(span, mention, named_acts)
        if act is not None and act.i in owners:
            # "had gathered to protest against the army raids on the market a day earlier":
            # a counted day that closes the phrase of an act's noun is when that act was
            # (the raids of the day before), not when the clause's verb was; not an act
            # that is only what the clause's verb agrees to or asks for ("agreed to a truce
            # a day later": the agreement's day)
            out.setdefault(act.i, mention)
            continue
        if _closes_an_appositive(span):
            continue  # "the killing of Moreno, mayor of the city in 2015": the date is the mayor's
        # "a day after he pulled out of Friday's run-off": a day in the possessive is the day
        # of the noun it qualifies; it dates the clause around it ("voted in Sunday's
        # election") only when the clause tells no day of its own
        gerund = next((c for c in span[-1].children if c.dep_ == "pcomp"), None) \
            if span[-1].dep_ == "prep" and span[-1].lower_ in ("after", "before") else None
        if gerund is not None and gerund.i in owners:
            out.setdefault(gerund.i, mention)  # "a day after storming the compound": the storming's day
            continue
        lent = mention.precision == "day" and span.root.head.i not in owners and _names_its_noun_s_day(span)
        current = span.root
        if current.dep_ == "det" and len(span) > 1:
            current = span[1:].root  # "after the 18 April killing": the article is the noun's
        if current.dep_ in ("nummod", "compound", "amod") and current.head.pos_ in ("NOUN", "PROPN") \
                and not _weekday_of_a_gathering(span, current.head):
            if current.head.i in owners and any(t.is_digit for t in span):
                # "the 1984 killing of a reporter", not a name ("the Bloody Friday attacks")
                out.setdefault(current.head.i, mention)
            continue  # "a 2015 peace process": the year names a thing, it dates no event
        if span.start - sent.start <= FRONTED_TOKENS:
            # "On Wednesday, X launched ...": a fronted date modifies the main clause,
            # whatever the parser attached it to; a date inside the clause still wins
            fronted.append((sent.root.i, mention))
            continue
        for _ in range(MAX_CLIMB):
            head = current.head
            if head == current:
                owner = current
                break
            current = head
            if current.i in owners or current.pos_ in ("VERB", "AUX"):
                owner = current
                break
        else:
            owner = current
        if is_report(owner):
            owner = _told_before_attribution(span, owner)
        owner = before_the_clause(span, owner)
        if lent:
            fronted.append((owner.i, mention))
            continue
        out.setdefault(owner.i, mention)
        if owner.dep_ == "relcl" and owner.i not in owners and owner.head.dep_ in ("dobj", "pobj") and alone \
                and not any(t.lower_ == "whose" for left in owner.lefts for t in left.subtree) \
                and not is_past_perfect(owner):
            # "used water cannon to disperse hundreds who stayed outside early on Thursday":
            # a relative clause that tells no act of its own lends its time, the sentence's
            # only one, to the clause whose object it describes (the parser's attachment,
            # not the writer's); with another date in the sentence it keeps its own ("shot
            # him on Monday at the depot where he had worked until last week"), and a clause on
            # someone's own ("a woman whose body was found on Sunday") tells its own time, as
            # does one in the past perfect, told as before the clause ("urged them to respect
            # the truce they had signed on 3 May")
            fronted.append((sent.root.i, mention))
        after_arriving = _after_the_subject_s_clause(owner, owners)
        if after_arriving is not None and alone and not is_report(after_arriving):
            # "Ten gunmen who came ashore on Wednesday night split into groups and opened
            # fire": a relative clause on the doers that tells no act of its own, in the
            # simple past as its clause is, tells the moment the clause's acts follow on
            fronted.append((after_arriving.i, mention))
        scene_act = _object_in_the_scene(owner, in_the_scene)
        if scene_act is not None and alone:
            # "police fired tear gas at protesters who defied a curfew on Friday": a relative
            # clause on the act's object that tells what those people were doing when the act
            # met them (marching, defying a ban) tells the act's day too, the sentence's only
            # one (not "arrested the man who bombed the embassy on Friday": a deed of its own)
            fronted.append((scene_act.i, mention))
        if owner.dep_ == "advcl" and owner.tag_ == "VBG" and owner.i < owner.head.i \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in owner.children) \
                and not mention.suspect:
            # "Speaking in the capital on Monday evening, the president accused ...": a
            # participle clause before its clause tells the same moment as its verb (not a
            # day that cannot be that moment: "campaigning for the vote on May 4, urged ...",
            # told on April 20, names the vote's day, after the report, not the urging's)
            fronted.append((owner.head.i, mention))
        between = _between_subject_and_verb(owner)
        if between is not None and not mention.suspect:
            # "Bolton, announcing the measures on Monday, urged ...", "The council's decision,
            # taken late on Thursday, reduces the force ...": a participle clause set off by
            # commas between a clause's subject and its verb tells that verb's moment too
            fronted.append((between.i, mention))
        if owner.dep_ == "dobj" and owner.head.i in owners:
            # "condemned the attack on Tuesday": the parser hangs the date on the object;
            # the verb's act happened that day too
            out.setdefault(owner.head.i, mention)
        subject = next((c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.right_edge.i < span.start and span.end <= owner.i:
            # "the murder of three reporters in the capital yesterday shows ...": a date
            # between an act's noun, as subject, and the verb closes the noun's phrase;
            # so too for the acts a subject counts ("a wave of attacks in the port on
            # Tuesday left eight dead": the attacks were on Tuesday)
            act = subject if subject.i in owners else _acts_counted(subject, owners)
            if act is not None:
                out.setdefault(act.i, mention)
        if subject is not None and subject.i in owners and any(
                c.dep_ == "mark" and c.idx + len(c) == mention.end for c in owner.children):
            # "a week after Azerbaijan's offensive forced the separatists to disarm": a day
            # counted to a clause (`days_apart`) whose subject is an act's noun is that act's
            out.setdefault(subject.i, mention)
        planned = _planned_act(owner, owners)
        if planned is not None:
            # "Talks between the two sides are due to open in Abuja on Monday", "The handover
            # is expected to take place on Saturday": the noun of an act as the subject of
            # a plan for it is that act, and the day the plan names is its day
            fronted.append((planned.i, mention))
        described = _described_by_participle(owner, owners)
        if described is not None and mention.precision == "day":
            # "escaped an attack carried out on 6 May": the participle's day is the act's
            # it describes; "pushed into territory held by the rebels on Wednesday": a
            # state told of a noun is not dated to the day, the clause is (unless it has a
            # date of its own)
            fronted.append((described.i, mention))
    for owner_i, mention in fronted:
        out.setdefault(owner_i, mention)
    if all(is_report(doc[i]) for i in out if sent.start <= i < sent.end):
        # "Under the deal, Kenya is to hand over six prisoners, the ministries said on
        # Wednesday. The handover is due to take place on Saturday": acts planned in a
        # sentence whose only day is the saying's are done on the day the next sentence
        # plans for them
        planned_day = _day_planned_next(sent, mentions)
        if planned_day is not None:
            for i in owners:
                if sent.start <= i < sent.end and _planned(doc[i]):
                    out.setdefault(i, planned_day)
    if _is_the_lead(sent):
        # "Armed men kidnapped 38 people near Tsafe, residents said on Thursday. The attackers
        # arrived late on Tuesday ...": a lead's deed with no day of its own (the saying's
        # only bounds it) is of the day its doers' next sentence tells
        told_next = _doers_day_told_next(sent, mentions, is_report)
        if told_next is not None:
            for i in owners:
                if sent.start <= i < sent.end and _a_deed_done(doc[i]) and _undated(doc[i], out, is_report) \
                        and not (doc[i].dep_ == "conj" and is_report(doc[i].head)):
                    # ("Djibouti said on Thursday that ... and accused Asmara of ...": what is
                    # done with the saying is of its day)
                    out.setdefault(i, told_next)
    return out


def _names_its_noun_s_day(span: Span) -> bool:
    """A day told in the possessive, "Friday's run-off", "yesterday's vote": it qualifies
    the noun that follows it. (Not a possessive whose noun is left out, "the deadliest
    bombing before Saturday's killed 18": a verb between it and the noun the parse gives it
    shows the parse wrong.)"""
    root = span.root
    doc = span.doc
    if root.dep_ != "poss" or root.head.pos_ not in ("NOUN", "PROPN") or root.head.i < span.end:
        return False
    between = doc[span.end:root.head.i]
    return len(between) > 0 and between[0].tag_ == "POS" and not any(t.pos_ in ("VERB", "AUX") for t in between)


def deed_before_the_report(sent: Span, told: DateMention | None, days: Sequence[DateMention],
                           is_report: Callable[[Token], bool]) -> DateMention | None:
    """The day the story goes on from, where `told` is the day of the sentence's saying:
    the day of a deed the sentence tells in the simple past on an earlier day. "Turkish
    authorities have detained 6,000 since a faction of the army tried to seize power late on
    Friday, the minister said on Sunday. At least 290 were killed in the night of violence":
    the night is Friday's; the saying's day dates only the saying. Else `told`."""
    if told is None or told.value is None:
        return told
    verb = _verb_of(sent.doc, told)
    if verb is None or not is_report(verb):
        return told
    deeds = [m for m in days if m.value is not None and m.value < told.value
             and (v := _verb_of(sent.doc, m)) is not None and not is_report(v) and _simple_past(v)]
    return deeds[-1] if deeds else told


def _verb_of(doc: Doc, mention: DateMention) -> Token | None:
    """The verb a date is told with, through an infinitive to the verb it completes ("tried
    to topple him late on Friday": "tried")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    for _ in range(MAX_CLIMB):
        if verb is None or verb.dep_ != "xcomp" or verb.head == verb:
            break
        verb = verb.head
    return verb


def _acts_counted(noun: Token, owners: set[int]) -> Token | None:
    """"a wave of attacks", "a series of bombings": the act's noun a subject counts, as the
    object of its "of", when it is a trigger."""
    return next((grand for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                 for grand in child.children if grand.dep_ == "pobj" and grand.i in owners), None)


def _is_the_lead(sent: Span) -> bool:
    """The article's first sentence after its title and dateline."""
    doc = sent.doc
    title_end = headline_end(doc)
    lines = datelines(doc_text(doc))
    return not any(t.is_alpha for t in doc[:sent.start]
                   if t.idx >= title_end and not any(start <= t.idx < end for start, end in lines))


def _a_deed_done(verb: Token) -> bool:
    """A verb telling a deed as done: the simple past or the past perfect, active. (A
    participle the parse hangs on its subject, "Armed men | kidnapped 38 people", is the
    simple past when it has an object: a participle describing a noun is passive.)"""
    if verb.pos_ != "VERB":
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ == "nsubj" \
            and any(c.dep_ == "dobj" for c in verb.children):
        return True
    return _simple_past(verb) or (is_past_perfect(verb) and not any(c.dep_ == "auxpass" for c in verb.children))


def _undated(verb: Token, out: dict[int, DateMention], is_report: Callable[[Token], bool]) -> bool:
    """No date owned by the verb or a clause above it, but a report's."""
    return not any(t.i in out and not is_report(t) for t in [verb, *list(verb.ancestors)[:MAX_CLIMB]])


def _only_day_next(sent: Span, mentions: Sequence[DateMention]) -> tuple[Span, list[DateMention]] | None:
    """The sentence after `sent` and its days, when it tells exactly one."""
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    days = _days_in(following, mentions)
    return (following, days) if len(days) == 1 else None


def _doers_day_told_next(sent: Span, mentions: Sequence[DateMention],
                         is_report: Callable[[Token], bool]) -> DateMention | None:
    """The day the sentence after `sent` tells its only day on, in a clause whose subject
    names doers told of before by a definite plural ("The attackers arrived late on Tuesday",
    "its fighters had overrun the base on Saturday"), the clause telling a deed done, not
    what they said."""
    doc = sent.doc
    told = _only_day_next(sent, mentions)
    if told is None:
        return None
    following, days = told
    span = doc.char_span(days[0].start, days[0].end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ == "VERB"), None)
    if verb is None or not _a_deed_done(verb) or is_report(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NNS" or not definite(subject):
        return None
    return days[0]


# The verbs of a clause that plans an act for a day: "is due to take place on Saturday",
# "is scheduled to begin on Monday".
TIMETABLE_GOVERNORS = frozenset({"due", "schedule", "expect", "set", "slate", "plan"})


def _planned(verb: Token) -> bool:
    """A verb told as planned: "will free", "is to hand over", "is due to release"."""
    if verb.pos_ != "VERB":
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in ("be", *TIMETABLE_GOVERNORS)


def _day_planned_next(sent: Span, mentions: Sequence[DateMention]) -> DateMention | None:
    """The day the sentence after `sent` plans for an act it names by a definite noun as
    the subject of a verb that says only that it happens ("The handover is due to take
    place on Saturday", "The exchange will go ahead on Sunday"; not "The president is due
    to visit Juba on Monday", another act): that sentence's only day, told after the verb."""
    told = _only_day_next(sent, mentions)
    if told is None:
        return None
    following, days = told
    for subject in following:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ != "NOUN" or not definite(subject):
            continue
        verb = subject.head
        if verb.lemma_.lower() == "be":
            verb = next((c for c in verb.children if c.dep_ == "acomp"), verb)
        if verb.lemma_.lower() in TIMETABLE_GOVERNORS:
            verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
        elif not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            continue
        if verb.pos_ == "VERB" and _only_happens(verb) and verb.idx < days[0].start:
            return days[0]
    return None


# Verbs that say only that an act happens: "the handover will take place", "talks are due
# to begin", "the exchange is set to go ahead".
HAPPENING = frozenset({"begin", "start", "happen", "occur", "open", "resume", "proceed"})


def _only_happens(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "go":
        return any(c.lower_ == "ahead" for c in verb.children)
    return lemma in HAPPENING


def _planned_act(owner: Token, owners: set[int]) -> Token | None:
    """The act noun that is the subject of a clause planning the verb that owns a date: "talks
    are due to open on Monday", "the vote is expected to take place on Friday", "the summit
    has been scheduled to begin on Monday" (its governor one of FUTURE_GOVERNORS)."""
    if owner.pos_ not in ("VERB", "AUX") or owner.dep_ != "xcomp":
        return None
    governor = owner.head
    if governor.lemma_.lower() not in FUTURE_GOVERNORS:
        return None
    clause = governor.head if governor.dep_ == "acomp" else governor  # "are due", "are expected"
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i not in owners:
        return None
    return subject


def _between_subject_and_verb(owner: Token) -> Token | None:
    """The verb of the clause a participle clause, set off by commas, interrupts between that
    clause's subject and its verb: "Bolton, announcing the measures on Monday, urged ..." (a
    present participle: the same moment, whatever the parser took for its subject), "The
    decision, taken late on Thursday, reduces the force ..." (a past participle on the subject
    of a verb in the present, which tells what the thing so dated does)."""
    if owner.tag_ not in ("VBG", "VBN") or owner.i == 0:
        return None
    doc = owner.doc
    subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
    # the participle's own words: not the subject the parse may have lent it, nor the commas
    start = min([owner.i, *(c.left_edge.i for c in owner.lefts if c != subject and c.dep_ != "punct")])
    closing = owner.right_edge.i + 1
    if start == 0 or doc[start - 1].text != "," or closing >= len(doc) or doc[closing].text != ",":
        return None
    if owner.dep_ == "advcl" and owner.tag_ == "VBG" and owner.i < owner.head.i:
        # the parse may give the participle the subject of the clause it interrupts
        verb = owner.head
        if subject is None or has_own_subject(verb) or subject.right_edge.i not in (start - 2, start - 1):
            return None
        return verb if closing + 1 in (verb.i, verb.left_edge.i) else None
    if owner.dep_ != "acl" or owner.head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = owner.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i < closing:
        return None
    if owner.tag_ == "VBN" and verb.tag_ not in ("VBZ", "VBP"):
        return None
    return verb


def _after_the_subject_s_clause(owner: Token, owners: set[int]) -> Token | None:
    """The verb whose subject a relative clause in the simple past describes, that clause
    telling no act of its own ("gunmen who came ashore on Wednesday night split into groups"),
    when the verb too is in the simple past, active: not "the man who bombed the embassy on
    Friday surrendered" (a deed of its own), nor "the soldiers who crossed on Monday were
    wounded" (told as undergone), nor "those who had fled on Monday returned" (before)."""
    if owner.dep_ != "relcl" or owner.i in owners or not _simple_past(owner):
        return None
    if any(t.lower_ == "whose" for left in owner.lefts for t in left.subtree):
        return None
    subject = owner.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or not _simple_past(verb):
        return None
    return verb


# The acts that tell what people were doing where another act met them: protests (14) and
# defiance of a ban or a curfew (128).
SCENE_CODES = ("14", "128")


def _object_in_the_scene(owner: Token, in_the_scene: Callable[[Token], bool]) -> Token | None:
    """The verb whose object (or prepositional object) a relative clause in the simple past
    describes, when that clause tells what its people were doing in the act's scene."""
    if owner.dep_ != "relcl" or owner.tag_ != "VBD" or not in_the_scene(owner) or is_past_perfect(owner):
        return None
    noun = owner.head
    if any(t.lower_ == "whose" for left in owner.lefts for t in left.subtree):
        return None
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM", "PRON"):
        noun = noun.head.head  # "arrested dozens of students who marched ..."
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" else None


# The prepositions of an act's own phrase (its victims, its doers), as against the
# circumstances of another act ("condemned the massacre in a statement issued on Tuesday").
ACT_PHRASE_PREPOSITIONS = frozenset({"of", "by"})


def _described_by_participle(owner: Token, owners: set[int]) -> Token | None:
    """The act a participle describing a noun ("an attack carried out on 6 May", "the
    territory held by the rebels on Wednesday") lends its date to: the noun when it is an
    act itself, or the act whose phrase the noun is in ("the killing of six priests by men
    wearing uniforms on 15 November"), else the verb whose object (or prepositional object)
    the noun is."""
    if owner.dep_ != "acl" or owner.tag_ not in ("VBN", "VBG") or owner.i in owners or owner.head.pos_ != "NOUN":
        return None
    noun = owner.head
    if noun.i in owners:
        return noun
    for _ in range(MAX_CLIMB):
        governor = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
        if noun.dep_ not in ("dobj", "pobj") or governor == noun:
            return None
        if governor.pos_ == "VERB":
            return governor
        if governor.pos_ != "NOUN":
            return None
        if governor.i in owners and noun.head.lower_ in ACT_PHRASE_PREPOSITIONS:
            return governor  # "the killing of six priests by men wearing uniforms on 15 November"
        noun = governor  # "the last strip of territory held by the rebels"
    return None


def _told_before_attribution(span: Span, verb: Token) -> Token:
    """"Troops killed 11 insurgents in raids around the town, on Thursday, the military
    said": a date set before a closing attribution ends what is reported, whatever the
    parser hangs it from; "..., the military said on Thursday" dates the saying."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    told = [c for c in verb.children if c.dep_ == "ccomp" and c.i < span.start]
    if verb.dep_ in ("conj", "parataxis") and verb.head.i < span.start:
        told.append(verb.head)  # the parser may join the attribution to the clause it closes
    if subject is None or not told or not span.end <= subject.left_edge.i < verb.i:
        return verb
    return told[-1]


def _closes_an_act_noun(span: Span, mention: DateMention, named_acts: Collection[int]) -> Token | None:
    """The noun of an act whose phrase a counted day ("a day earlier", "two days before")
    closes, the noun being the object of a preposition: "to protest against the raids on the
    city a day earlier"."""
    if not named_acts or RELATIVE_DAY.fullmatch(mention.text) is None or span.start == 0:
        return None
    before = span.doc[span.start - 1]
    for token in [before, *before.ancestors]:
        if token.right_edge.i != before.i or token.i >= span.start:
            return None
        if token.pos_ == "NOUN" and token.dep_ == "pobj":
            # (the parse may head "the air and ground raids on the city" by its first noun)
            act = next((t for t in [token, *token.conjuncts] if t.i in named_acts), None)
            if act is not None:
                return act
    return None


def _when_clauses(span: Span) -> list[Token]:
    """The verbs of the "when" clauses that describe a date: "on 4 March 2001, when ...";
    and of the "where" clauses in the simple past that the parse hangs on a date closing a
    place ("met him in the capital on Monday, where the two praised the deal": what was done
    there, then)."""
    return [c for t in span for c in t.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")
            and any(m.dep_ == "advmod" and (m.lower_ == "when" or (m.lower_ == "where" and _simple_past(c)))
                    for m in c.children)]


def _simple_past(verb: Token) -> bool:
    """Told in the simple past: no auxiliary, no modal ("praised", not "will praise")."""
    return verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _when_after(span: Span) -> list[Token]:
    """"the start of the uprising on 3 July 1982, when the movement raided a police post": the
    verb of a "when" clause that follows the date, whatever noun the parse hangs the clause from."""
    after = span.end + 1 if span.end < len(span.doc) and span.doc[span.end].text == "," else span.end
    if after >= len(span.doc):
        return []
    when = span.doc[after]
    if when.lower_ != "when" or when.dep_ != "advmod" or when.head.pos_ not in ("VERB", "AUX"):
        return []
    return [when.head]


def _closes_an_appositive(span: Span) -> bool:
    """"the killing of Luis Moreno, mayor of the city in 2015": a date in a phrase that
    closes an appositive of a name (a person's role) dates that role, not the act, whatever
    the parse hangs it from."""
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.i == 0:
        return False
    before = span.doc[prep.i - 1]
    for token in [before, *before.ancestors]:
        if token.dep_ == "appos" and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ != "DATE":
            # a named one's, not a place's ("trenches west of Badme on Sunday", "Barentu, a
            # town near the border, on Sunday")
            owner = token.head
            while owner.dep_ == "appos" and owner.head != owner:
                owner = owner.head  # "Moreno, owner of a firm and mayor of the city in 2015"
            named = owner.ent_type_ == "PERSON" or (owner.pos_ == "PROPN" and owner.ent_type_ not in ("GPE", "LOC", "FAC"))
            # the phrase ends the appositive, whether the parse hangs it outside (", mayor of
            # the city | in 2015") or inside it
            closes = token.right_edge.i in (prep.i - 1, span.end - 1)
            return named and closes and not any(c.pos_ in ("VERB", "AUX") for c in token.subtree)
        if token.i >= prep.i:
            break
    return False


# Gatherings held on a day of the week: "during Sunday mass", "after Friday prayers".
WEEKLY_GATHERINGS = frozenset({"mass", "prayer", "prayers", "service", "sermon", "market", "worship"})


def _weekday_of_a_gathering(span: Span, noun: Token) -> bool:
    """"Gunmen killed seven worshippers during Sunday mass": a weekday naming the day of a
    weekly gathering dates what happened at it, like "on Sunday"."""
    return len(span) == 1 and span[0].lower_ in WEEKDAYS and noun.lower_ in WEEKLY_GATHERINGS


def event_date(tokens: Sequence[Token], attached: dict[int, DateMention], published: str | None,
               is_report: Callable[[Token], bool], context: DateMention | None = None) -> EventDate:
    """The date of the event carried by `tokens` (the trigger and its light verb)."""
    if any(_since_the_start(t) for t in tokens):
        return EventDate(value=None, precision="year", inferred=False, historical=True, mention=None)
    mention = next((attached[t.i] for t in tokens if t.i in attached), None)
    if mention is None:
        # a noun trigger inherits through its light verb only
        mention = _inherited(tokens[-1], attached, is_report)
    if mention is None:
        mention = _from_joined_verb(tokens[-1], attached)
    if mention is None:
        mention = _hours_before(tokens[0], attached)
    if mention is None:
        mention = _day_of_the_act_described(tokens[-1], attached)
    if mention is None:
        mention = _at_the_time_of_its_clause(tokens[-1], attached)
    if mention is None:
        # "In 2015, with support from X, the regime ...": a noun inside a background clause
        # is background too, even though it does not share the clause's date otherwise
        framing = _clause_date(tokens[0], attached)
        if framing is not None and _long_before(framing, published):
            mention = framing
        elif attached and all(_long_before(m, published) and m.relation == "in" for m in attached.values()) \
                and not any(_told_as_said(tokens[0].doc[i], is_report) for i in attached):
            # a sentence whose only dates lie long before the report is background
            # ("... captured the north in an offensive launched in October 2023"; but what
            # is noted or said tells its own time: "called for their release, noting that 11
            # aid workers were killed last year")
            mention = next(iter(attached.values()))
    if mention is None and context is not None and _main_clause(tokens) \
            and (not _reported_past(tokens[0], is_report) or _told_by_the_one_before(tokens[0], is_report)) \
            and not (_after_the_report(context, published) and any(_told_done(t) for t in tokens)):
        # the lead sentence gives the day, the next one tells more of that day; still
        # only inferred, so it does not make two events one (not a day still to come:
        # "The minister is due to visit the port on Friday. Police arrested nine men
        # overnight": a deed told as done is not of a day after the report)
        return EventDate(value=context.value, precision=context.precision, inferred=True, historical=False,
                         mention=context)
    if mention is None:
        return EventDate(value=published, precision="day", inferred=True, historical=False, mention=None)
    if _after_the_report(mention, published) and any(_told_done(t) for t in tokens) and not mention.suspect:
        # "carried out strikes 11 days later", counted from the wrong day: a deed told as done
        # cannot fall after the report; the date is kept, flagged as not to be trusted
        mention = dataclasses.replace(mention, suspect=True)
    return EventDate(
        value=mention.value,
        precision=mention.precision,
        inferred=False,
        historical=is_historical(mention, published) or _counted_since(mention, tokens, published),
        mention=mention,
    )


def _after_the_report(mention: DateMention, published: str | None) -> bool:
    return bool(published and mention.value and mention.value[:10] > published[:10]
                and mention.precision == "day")


def _told_done(token: Token) -> bool:
    """The trigger, or the verb a noun trigger is the object of, is in a past tense with no
    modal ("carried out strikes", "were killed"; not "will carry out")."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _told_as_said(owner: Token, is_report: Callable[[Token], bool]) -> bool:
    """The date's owner is (in) the clause a report verb governs."""
    return owner.dep_ == "ccomp" and is_report(owner.head)


def _counted_since(mention: DateMention, tokens: Sequence[Token], published: str | None) -> bool:
    """A present perfect counted "since" a day more than a month back sums up a campaign
    ("have attacked dozens of ships since November"), not the news of a day ("have killed
    19 since Saturday"; "vacant since 1 August, when he was shot" dates the shooting)."""
    if mention.relation != "since" or mention.value is None or published is None:
        return False
    if not any(present_perfect(t) for t in tokens):
        return False
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(mention.value[:10])).days > SINCE_SPAN_DAYS
    except ValueError:
        return False


def _inherited(token: Token, attached: dict[int, DateMention], is_report: Callable[[Token], bool]) -> DateMention | None:
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ not in INHERIT_DEPS or current.head == current:
            return None
        head = current.head
        if current.dep_ == "pcomp" and head.head != head:
            head = head.head  # "before entering X": through the preposition to its verb
        if current.dep_ == "ccomp" and is_report(head) and is_past_perfect(current):
            mention = attached.get(head.i)
            return mention if mention is not None and mention.precision == "day" else None
        if head.i in attached:
            return attached[head.i]
        current = head
    return None


def _from_joined_verb(verb: Token, attached: dict[int, DateMention]) -> DateMention | None:
    """"declared a state of emergency and imposed a curfew on Wednesday": a verb with no
    date of its own shares the date closing the verb joined to it, when that verb shares
    its subject (not "the rebels attacked and the army retook the town on Monday")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for joined in [*verb.children, *_joined_below_an_infinitive(verb)]:
        if joined.dep_ != "conj" or joined.pos_ != "VERB" or has_own_subject(joined) or joined.i not in attached:
            continue
        mention = attached[joined.i]
        if mention.start > joined.idx and mention.relation == "on":
            return mention
    return None


def _joined_below_an_infinitive(verb: Token) -> list[Token]:
    """"had repelled an attempt to encircle the city and destroyed a column on Monday": a verb
    in a past tense that the parse joins to an infinitive on the verb's object is joined to
    the verb (an infinitive is not coordinated with a past tense)."""
    if verb.tag_ not in ("VBD", "VBN"):
        return []
    infinitives = [t for obj in verb.children if obj.dep_ == "dobj"
                   for t in obj.children if t.dep_ == "acl" and t.tag_ == "VB"]
    return [c for t in infinitives for c in t.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBN")]


# The relative words by which a clause on an act's noun tells what happened in that act: "the
# attack in which rockets struck", "the raid during which two men died".
WITHIN_THE_ACT = frozenset({"in", "during"})
RELATIVE_PRONOUNS = frozenset({"which", "that"})


def _day_of_the_act_described(verb: Token, attached: dict[int, DateMention]) -> DateMention | None:
    """"visited the sites of Wednesday's attack, in which rockets struck the towns", "the April 1
    air strike that destroyed the consulate and killed seven officers": a relative clause on the
    noun of an act that has a day in its own phrase tells what happened in that act, on its day:
    the clause whose subject is the act itself, in the active voice, or a clause "in which" or
    "during which" (not "the attack, which the army blamed on the rebels", told of it later).
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    clause = verb
    for _ in range(MAX_CLIMB):
        if clause.dep_ != "conj" or clause.head == clause or has_own_subject(clause):
            break
        clause = clause.head  # "that destroyed the building and killed seven"
    noun = clause.head
    if clause.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.i not in attached:
        return None
    mention = attached[noun.i]
    if not noun.left_edge.idx <= mention.start < clause.left_edge.idx:
        return None  # the noun's day is told in its phrase, before the clause
    own_subject = any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children) \
        and not any(c.dep_ == "auxpass" for c in clause.children)
    within = any(c.dep_ == "prep" and c.lower_ in WITHIN_THE_ACT
                 and any(w.dep_ == "pobj" and w.lower_ == "which" for w in c.children) for c in clause.children)
    return mention if own_subject or within else None


# Conjunctions of a clause that happened at the same time as the clause it hangs from.
AT_THE_TIME = frozenset({"when", "as", "while"})


def _at_the_time_of_its_clause(verb: Token, attached: dict[int, DateMention]) -> DateMention | None:
    """"a bomb attack that killed 12 people as the president was being sworn in a day
    earlier": a "when", "as" or "while" clause on the verb happened at the same time, and its
    day is the verb's (so also of the act whose noun the verb describes, which asks it of
    the verb)."""
    if verb.pos_ != "VERB":
        return None
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i in attached and any(
                m.dep_ in ("advmod", "mark") and m.lower_ in AT_THE_TIME for m in clause.children):
            return attached[clause.i]
    return None


# "after ten hours of talks", "following a night of negotiations": a span of a day or less
# that ends where the clause's act begins.
SHORT_SPANS = frozenset({"hour", "minute", "night"})


def _hours_before(noun: Token, attached: dict[int, DateMention]) -> DateMention | None:
    """"The ministers agreed early on Saturday, after more than ten hours of talks": an act
    named as the hours that end just before the clause's act is of the clause's day (it may
    have begun the day before, but it ended that day)."""
    span = noun.head
    if noun.dep_ != "pobj" or span.lower_ != "of" or span.head.lemma_.lower() not in SHORT_SPANS:
        return None
    prep = span.head.head
    if span.head.dep_ != "pobj" or prep.lower_ not in ("after", "following") or prep.head.i not in attached:
        return None
    mention = attached[prep.head.i]
    return mention if mention.precision == "day" else None


def _since_the_start(token: Token) -> bool:
    """"killed since the war began", "since the start of the conflict": the trigger is
    counted over a long-running conflict (a "since" phrase or clause that belongs to it or
    to a word joined to it, not one inside a relative or reported clause)."""
    owners = {token.i, *(t.i for t in token.conjuncts)}
    for since in token.sent:
        if since.lower_ != "since":
            continue
        scope = since.head if since.dep_ == "mark" else since
        if not any(t.lemma_.lower() in LONG_RUNNING or _a_year(t) for t in scope.subtree):
            continue  # "since the war began", "since the 2012 rampage": a count over years
        current = since
        for _ in range(MAX_CLIMB):
            if current.i in owners:
                return True
            if current.dep_ in ("relcl", "ccomp", "parataxis") or current.head == current:
                break
            if current.dep_ == "acl" and current.head.i not in owners:
                break  # a participle describing a noun dates that noun: "talks suspended since 2018"
            current = current.head
    return False


def _a_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4 and token.text[:2] in ("19", "20")


def _main_clause(tokens: Sequence[Token]) -> bool:
    """A verb, or a noun some verb carries ("launched an offensive"): not a noun inside a
    prepositional phrase ("during an offensive"), which names another event."""
    return tokens[0].pos_ in ("VERB", "AUX") or len(tokens) > 1


def _reported_past(token: Token, is_report: Callable[[Token], bool]) -> bool:
    """"X said that gunmen had attacked": told in the past perfect under a report."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ == "ccomp" and is_report(current.head):
            return is_past_perfect(current)
        if current.head == current:
            return False
        current = current.head
    return False


# The pronouns by which a sentence goes on with the one its previous sentence told of.
CONTINUING_SUBJECTS = frozenset({"he", "she", "they"})


def goes_on(sent: Span) -> bool:
    """The sentence goes on with the one the previous sentence told of, by a pronoun as its
    subject ("Nuland met the officers on Monday. She told reporters ... She urged them ..."):
    a run of such sentences without a day of their own tells the day told before it."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in CONTINUING_SUBJECTS for c in sent.root.children)


def _told_by_the_one_before(token: Token, is_report: Callable[[Token], bool]) -> bool:
    """"Nuland met the officers on Monday. She told reporters the junta had refused her
    request": a report whose teller is a pronoun for the one the previous sentence told of
    goes on with that sentence's day, and so does what it tells in the past perfect."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ == "ccomp" and is_report(current.head):
            report = current.head
            return report.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.lower_ in CONTINUING_SUBJECTS
                                                 for c in report.children)
        if current.head == current:
            return False
        current = current.head
    return False


def _clause_date(token: Token, attached: dict[int, DateMention]) -> DateMention | None:
    current = token
    for _ in range(MAX_CLIMB):
        if current.i in attached:
            return attached[current.i]
        if current.head == current:
            return None
        current = current.head
    return None


def _long_before(mention: DateMention, published: str | None) -> bool:
    """Dated months before the report ("entered Chechnya in October 1999", in May 2000): the
    acts a clause so dated frames are of its time, not of the report's day, whether or not
    that time is long enough past to be background."""
    if is_historical(mention, published):
        return True
    if mention.value is None or published is None:
        return False
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(mention.value[:10])).days > FRAMING_DAYS
    except ValueError:
        return False


def is_historical(mention: DateMention, published: str | None) -> bool:
    """Told as background: dated long before the report ("in 2015", "last year"), or a
    count since a day long past ("killed since 2011")."""
    if mention.value is None or published is None:
        return False
    try:
        when = dt.date.fromisoformat(mention.value[:10])
        now = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    if mention.precision == "year":
        # "In 2015, ...", "last year": a whole earlier year is background
        return when.year < now.year
    if mention.precision == "month":
        # "in March" may be its last day: counted from the month's end
        when = (when.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return (now - when).days > HISTORICAL_DAYS


# "A day earlier, ...", "Two days later, ...", "The next day, ...", "Hours later, ...", "On
# the same day, ...", "..., meeting the same night, ...": a day counted from the day the
# previous sentence told. ("two days after the raid" counts from the raid, which this does
# not resolve: only the adverbial forms, which end at a comma or the clause.)
RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<dir>earlier|later|before|after)"
    r"|the\s+(?P<dir2>previous|next|following)\s+day|the\s+day\s+(?P<dir3>before|after)"
    r"|(?P<same>(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes|moments)\s+later"
    r"|later\s+(?:that|the\s+same)\s+(?:day|night|evening|morning|afternoon)"
    r"|(?:on\s+|during\s+|in\s+)?the\s+same\s+(?:day|night|evening|morning|afternoon)))"
    # the phrase ends its clause, or (after "later" or "earlier", which take no object) runs
    # on into it: "agreed to a ceasefire a day later under terms ..." (not "later than")
    r"\b(?=\s*[,.;]|\s*$|(?<=later)\s+(?!than\b)\w|(?<=earlier)\s+(?!than\b)\w)",
    re.IGNORECASE)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def relative_days(sent: Span, context: DateMention | None) -> list[DateMention]:
    """Date mentions for "a day earlier" and the like, counted from `context` (the day the
    previous sentence told); none without such a day."""
    if context is None or context.value is None:
        return []
    out = []
    # the sentence sliced from the doc's text: `sent.text` joins its tokens again
    for match in RELATIVE_DAY.finditer(doc_text(sent.doc)[sent.start_char:sent.end_char]):
        day = dt.date.fromisoformat(context.value[:10]) + dt.timedelta(days=_offset(match))
        start = sent.start_char + match.start()
        out.append(DateMention(start=start, end=sent.start_char + match.end(), text=match.group(0),
                               value=day.isoformat(), precision="day", relation="on",
                               suspect=context.suspect))
    return out


# "The strike came two days after fighters stormed the station": the clause under "after"
# happened that many days before the day of the clause it hangs from ("before": after it).
SPAN_UNITS = {"day": 1, "week": 7}


def counted_from_the_sentence(sent: Span, mentions: Sequence[DateMention]) -> list[DateMention]:
    """Date mentions for "a day later", "a day earlier" and the like in a sentence that tells
    a day of its own before them, counted from the last such day: "had overrun the base on
    Saturday and taken the airport a day later" (Sunday), "blamed the rebels on Thursday for
    a bomb that went off as the president was sworn in a day earlier" (Wednesday)."""
    out = []
    text = doc_text(sent.doc)
    for match in RELATIVE_DAY.finditer(text[sent.start_char:sent.end_char]):
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        if any(m.start < end and start < m.end for m in mentions):
            continue  # already counted (from the day the previous sentence told)
        before = [m for m in _days_in(sent, mentions) if m.end <= start]
        if not before:
            continue
        base = before[-1]
        day = dt.date.fromisoformat(base.value[:10]) + dt.timedelta(days=_offset(match))
        out.append(DateMention(start=start, end=end, text=match.group(0), value=day.isoformat(), precision="day",
                               relation="on", suspect=base.suspect))
    return out


def _offset(match: re.Match[str]) -> int:
    """The days a match of RELATIVE_DAY counts from the day it is told after."""
    if match.group("same"):
        return 0  # "hours later", "later that day", "on the same day": the day told
    n = match.group("n")
    count = NUMBER_WORDS.get(n.lower(), 0) if n and not n.isdigit() else int(n or 1)
    direction = (match.group("dir") or match.group("dir2") or match.group("dir3")).lower()
    return -count if direction in ("earlier", "before", "previous") else count


def days_apart(sent: Span, mentions: Sequence[DateMention], context: DateMention | None) -> list[DateMention]:
    """Date mentions for "N days after <clause>" and "N weeks before <clause>", on the
    clause's verb: counted from the sentence's own day told before the phrase ("The attack
    on Monday came two days after ..."), else from `context` (the day the previous sentence
    told: "The strike came two days after ..."). "Two days after the raid" names no clause,
    and is left alone. With them, the counted days of `counted_from_the_sentence`."""
    out = counted_from_the_sentence(sent, mentions)
    for unit in sent:
        # (the parse may take "a day and a half" for an appositive of the day before it:
        # "on Thursday, a day and a half after ...")
        if unit.lemma_.lower() not in SPAN_UNITS or unit.dep_ not in ("npadvmod", "appos"):
            continue
        count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
        # "a day and a half after ...": the half-day is not counted (the clause is told as
        # of the day whole days away)
        end = next((c.i for c in unit.children if c.dep_ == "conj" and c.lower_ == "half"
                    and c.i == unit.i + 3 and unit.doc[unit.i + 1].lower_ == "and"), unit.i)
        following = unit.doc[end + 1] if end + 1 < len(unit.doc) else None
        mark = unit.head if unit.head.dep_ == "mark" else (
            following if following is not None and (following.dep_ == "mark" or (
                following.dep_ == "prep" and any(c.dep_ == "pcomp" for c in following.children))) else None)
        if mark is None and following is not None and _clause_read_as_an_object(unit, following):
            mark = following
        if count is None or mark is None or mark.lower_ not in ("after", "before") or mark.i != end + 1:
            continue
        n = NUMBER_WORDS.get(count.lower_) or (int(count.text) if count.text.isdigit() else None)
        before = [m for m in mentions if sent.start_char <= m.start and m.end <= count.idx and m.value]
        base = before[-1] if before else (_day_told(mark.head.head, mentions) or context)
        if n is None or base is None or base.value is None:
            continue
        offset = n * SPAN_UNITS[unit.lemma_.lower()] * (-1 if mark.lower_ == "after" else 1)
        day = dt.date.fromisoformat(base.value[:10]) + dt.timedelta(days=offset)
        end = mark.idx + len(mark)
        out.append(DateMention(start=count.idx, end=end, text=sent.doc.text[count.idx:end],
                               value=day.isoformat(), precision="day", relation="on", suspect=base.suspect))
    return out


def _clause_read_as_an_object(unit: Token, word: Token) -> bool:
    """"a day after armed men took control of the airports": the parser may read "after" as
    a preposition whose object is the clause's subject, and hang the counted day from the
    clause's verb; that verb follows the object at once (its auxiliaries and adverbs
    aside, or a phrase the parser hung elsewhere: "after armed men without uniforms
    seized"), and the phrase is a clause, not "a day after the vote"."""
    verb = unit.head
    if word.dep_ != "prep" or word.head != unit or verb.pos_ not in ("VERB", "AUX") or verb.i < word.i:
        return False
    objects = [c for c in word.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    between = unit.doc[objects[0].right_edge.i + 1:verb.i]
    return verb.tag_ in ("VBD", "VBZ", "VBP") and not any(t.pos_ in ("VERB", "PUNCT", "CCONJ") for t in between)


# "Hours before the vote, ...", "a day after the raid", "on the eve of the vote": a time
# counted from an act the article told before, named again by a definite noun.
ACT_SPAN = re.compile(
    r"\b(?:(?:(?P<close>hours|minutes|moments|shortly|soon)|(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})"
    r"\s+days?)\s+(?P<dir>before|after)|within\s+(?P<within>hours|minutes)\s+of|(?P<eve>the\s+eve)\s+of)"
    r"\s+(?:the|that|this)\s+(?P<noun>[a-z]+)\b",
    re.IGNORECASE)


def from_act(sent: Span, mentions: Sequence[DateMention]) -> list[DateMention]:
    """Date mentions for "hours before the vote", "a day after the raid", "two days after
    the talks", "within hours of the blast", "on the eve of the vote", counted from the day
    told with the first earlier sentence that names the act ("the Security Council voted on
    Monday", "Monday's vote"): the date nearest the word. None where no earlier sentence
    dates it."""
    out = []
    text = doc_text(sent.doc)
    for match in ACT_SPAN.finditer(text[sent.start_char:sent.end_char]):
        noun_at = sent.start_char + match.start("noun")
        noun = next((t for t in sent if t.idx == noun_at), None)
        if noun is None or noun.pos_ != "NOUN":
            continue
        base = _act_day(noun, mentions)
        if base is None:
            continue
        if match.group("close") or match.group("within"):
            offset = 0
        elif match.group("eve"):
            offset = -1  # the day before
        else:
            offset = NUMBER_WORDS.get(match.group("n").lower()) or int(match.group("n"))
        offset = -offset if (match.group("dir") or "").lower() == "before" else offset
        day = dt.date.fromisoformat(base.value[:10]) + dt.timedelta(days=offset)
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        out.append(DateMention(start=start, end=end, text=text[start:end], value=day.isoformat(), precision="day",
                               relation="on", suspect=base.suspect))
    return out


def _act_day(noun: Token, mentions: Sequence[DateMention]) -> DateMention | None:
    """The day of the act a noun re-names: the day-precise date nearest a word for the same
    act in the first earlier sentence that has both ("the shelling" re-names "shelled", "the
    vote" "voted" or "the voting"). The same word first, then another name of its kind
    (`ACT_NAMES`): "the offensive" is the offensive the story dated, not a raid told before
    it, and "the operation" re-names "stormed" only where no operation is dated."""
    return _act_day_by(noun, mentions, _same_word) or _act_day_by(noun, mentions, _same_act)


def _act_day_by(noun: Token, mentions: Sequence[DateMention],
                same: Callable[[str, str], bool]) -> DateMention | None:
    lemma = noun.lemma_.lower()
    told_in: list[Span] = []  # the earlier sentences that name the act without a day
    for sent in noun.doc.sents:
        if sent.start >= noun.sent.start:
            break
        words = [t for t in sent if t.pos_ in ("NOUN", "VERB") and same(lemma, t.lemma_.lower())]
        days = _days_in(sent, mentions)
        if words and days:
            # a day said inside the act's own phrase first ("claimed on Thursday the car
            # bombing that killed 37 on Sunday evening": Sunday), else the nearest
            own = [m for m in days for t in words if t.left_edge.idx <= m.start < t.right_edge.idx + len(t.right_edge)]
            return min(own or days, key=lambda m: min(abs(m.start - t.idx) for t in words))
        if words:
            told_in.append(sent)
    for sent in told_in[:1]:
        # "... signed the deal on Friday. The two men shook hands at a ceremony ... Hours
        # before the ceremony, ...": an act named without a day in the sentence after one
        # that tells a single day is of that day, the day the story was telling
        previous = noun.doc[sent.start - 1].sent if sent.start > 0 else None
        days = {m.value: m for m in _days_in(previous, mentions)} if previous is not None else {}
        if len(days) == 1:
            return next(iter(days.values()))
    return None


def _days_in(sent: Span, mentions: Sequence[DateMention]) -> list[DateMention]:
    """The day-precise dates a sentence tells something on."""
    return [m for m in mentions if sent.start_char <= m.start < sent.end_char and m.value
            and m.precision == "day" and m.relation == "on"]


# Words that re-name one kind of act: "killed 192 people ... a day after the massacre",
# "a bomb exploded ... hours after the blast", "attacked the villages on Monday ... a day
# after the raid".
ACT_NAMES = (
    frozenset({"kill", "killing", "massacre", "slaughter", "murder", "shoot"}),
    frozenset({"explode", "explosion", "blast", "bomb", "bombing", "detonate"}),
    frozenset({"attack", "raid", "assault", "ambush", "storm", "incursion", "operation", "offensive"}),
    # "captured the base on Sunday ... a day after the fall of the base"
    frozenset({"capture", "seize", "seizure", "fall", "overrun"}),
)


def _same_word(a: str, b: str) -> bool:
    """Two lemmas of one word: the same, or one the other's gerund ("shell", "shelling")."""
    return a == b or a == b + "ing" or b == a + "ing"


def _same_act(a: str, b: str) -> bool:
    """Two lemmas of one act: one word (`_same_word`), or two names of one kind of act
    (`ACT_NAMES`)."""
    return _same_word(a, b) or any(a in names and b in names for names in ACT_NAMES)


def _day_told(verb: Token, mentions: Sequence[DateMention]) -> DateMention | None:
    """The day of the act a definite subject re-names ("The strike came ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or not definite(subject):
        return None
    return _act_day(subject, mentions)
