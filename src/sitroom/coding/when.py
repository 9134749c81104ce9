"""When an event happened: the date mention the parse ties to its trigger.

A date belongs to the nearest trigger or verb above it in the parse. A trigger without a
date of its own takes the one of the clause that governs it ("launched an offensive on
Wednesday, seizing towns"); an act told in the past perfect under a report ("said on
Saturday that gunmen had attacked") takes only a day, the report's, which bounds it. With
no date at all the day the story was telling, or else the article's date, stands in,
flagged as inferred.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from spacy.tokens import Doc, Span, Token

from ..nlp import datelines, doc_text
from ..records import DateMention
from ..resolve.dates import FUTURE_AUX, FUTURE_GOVERNORS, WEEKDAYS, before_the_clause
from ..resolve.victims import headline_end
from .counted_days import RELATIVE_DAY, _days_in, days_apart, from_act, relative_days
from .event_day import (HISTORICAL_DAYS, MAX_CLIMB, RELATIVE_PRONOUNS, EventDate, event_date, goes_on, is_historical,
                        story_day, told_at_the_report)
from .syntax import definite, has_own_subject, is_past_perfect

# The public names of dating, whichever of its modules holds them (`event_day`: an event's
# date; `counted_days`: days counted from another day; this module: which date a trigger owns).
__all__ = ["HISTORICAL_DAYS", "SCENE_CODES", "EventDate", "attach", "days_apart", "deed_before_the_report",
           "event_date", "from_act", "goes_on", "is_historical", "relative_days", "story_day", "told_at_the_report"]

# A date within this many tokens of the sentence start is fronted ("On Wednesday, ...").
FRONTED_TOKENS = 2


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
        if owner.i in owners and owner.pos_ == "NOUN":
            for clause in _when_after_the_act(owner, mentions):
                # "seven of them in Sunday's ambush, when a patrol drove into a minefield": a
                # "when" clause set after a dated act's noun tells what happened in that act
                out.setdefault(clause.i, mention)
        begun = _begun_in_its_clause(owner, owners)
        if begun is not None:
            # "killed in the army offensive, which began last Thursday", "four days of clashes,
            # which began on Friday, killed 90": a relative clause that says only that an act
            # began (or took place) tells the act's day, and no other clause's
            out.setdefault(begun.i, mention)
            continue
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
        later_on = _later_that_day(span, owner)
        if later_on is not None:
            # "A fourth gunman, who had entered the embassy earlier on Monday to negotiate, was
            # taken into custody": a relative clause told "earlier on" a day puts the clause
            # around it later on that day
            fronted.append((later_on.i, mention))
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
        read_as_object = _act_read_as_the_object(span, owner, owners)
        if read_as_object is not None:
            # "agreed to a truce on Sunday, a day after an assault by commandos failed to free
            # the hostages": the same, where the parse reads "after" as a preposition whose
            # object is the clause's subject, the act's noun
            out.setdefault(read_as_object.i, mention)
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
    the night is Friday's; the saying's day dates only the saying. Else `told`, unless it is
    told in a "since" clause (`_since_clause_day`)."""
    if told is None or told.value is None:
        return told
    told = _since_clause_day(sent.doc, told, days)
    verb = _verb_of(sent.doc, told)
    if verb is None or not is_report(verb):
        return told
    deeds = [m for m in days if m.value is not None and m.value < told.value
             and (v := _verb_of(sent.doc, m)) is not None and not is_report(v) and _simple_past(v)]
    return deeds[-1] if deeds else told


def _since_clause_day(doc: Doc, told: DateMention, days: Sequence[DateMention]) -> DateMention:
    """"Under a curfew since the army declared martial law on 2 May, about 3,000 people marched
    on Sunday. Police arrested 40 of them": a "since" clause dates when the state the
    sentence's act takes place under began, not the act the story goes on with (whatever the
    parser takes for the sentence's root); the sentence's last day told outside such a
    clause, where it has one."""
    if not _in_a_since_clause(doc, told):
        return told
    others = [m for m in days if m.value is not None and not _in_a_since_clause(doc, m)]
    return others[-1] if others else told


def _in_a_since_clause(doc: Doc, mention: DateMention) -> bool:
    verb = _verb_of(doc, mention)
    return verb is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


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


def _when_after_the_act(noun: Token, mentions: Sequence[DateMention]) -> list[Token]:
    """The verb of a "when" clause that follows an act's noun, after a comma or none, whatever
    the parse hangs it from ("in Sunday's ambush, when a patrol drove into a minefield"); not
    one that tells a day of its own ("had not got over Sunday's attack when a bomb went off
    on Tuesday": a later act)."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after >= len(doc):
        return []
    when = doc[after]
    if when.lower_ != "when" or when.dep_ != "advmod" or when.head.pos_ not in ("VERB", "AUX"):
        return []
    clause = when.head
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    if any(start <= m.start < end for m in mentions):
        return []
    return [clause]


def _begun_in_its_clause(owner: Token, owners: set[int]) -> Token | None:
    """The act whose noun a relative clause, its subject "which" or "that", tells only as
    beginning or taking place ("the offensive, which began last Thursday"): the noun, or the
    act a span counts ("four days of fighting, which began on Thursday")."""
    if owner.dep_ != "relcl" or owner.pos_ != "VERB" or not _only_happens(owner):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in owner.children):
        return None
    noun = owner.head
    return noun if noun.i in owners else _acts_counted(noun, owners)


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


def _later_that_day(span: Span, owner: Token) -> Token | None:
    """The verb of the clause whose subject or object a relative clause describes, when that
    relative clause tells its day as "earlier on Monday", "earlier on 3 May" (the word just
    before the date or its "on")."""
    if owner.dep_ != "relcl" or owner.pos_ not in ("VERB", "AUX"):
        return None
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].lower_ == "on" and doc[before].head == owner:
        before -= 1
    if before < 0 or doc[before].lower_ != "earlier" or doc[before].head != owner or doc[before].dep_ != "advmod":
        return None
    noun = owner.head
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb


def _act_read_as_the_object(span: Span, owner: Token, owners: set[int]) -> Token | None:
    """The act's noun a counted day ("a day after") ends on when the parse takes its "after"
    or "before" for a preposition whose object is the subject of the clause the day is counted
    to (`counted_days._clause_read_as_an_object`): the object, an act, before that clause's
    verb, the date's owner."""
    word = span[-1]
    if word.lower_ not in ("after", "before") or word.dep_ != "prep" or word.head.i not in range(span.start, span.end):
        return None
    if owner.pos_ not in ("VERB", "AUX") or owner.i < word.i:
        return None
    return next((c for c in word.children if c.dep_ == "pobj" and c.i in owners and c.i < owner.i), None)


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
