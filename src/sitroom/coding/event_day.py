"""The date of an event: the date mention `when.attach` tied to its trigger, or one it
inherits from the clause that governs it, or else the day the story was telling or the
article's date, flagged as inferred; and whether that date makes the event background
(`is_historical`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..nlp import doc_text
from ..records import DateMention
from .syntax import has_own_subject, is_past_perfect, present_perfect

# Words that tell an act's own time, counted from the report, with no date of their own:
# "fired 138 shells overnight", "shelled the town last night".
TIME_OF_REPORT_WORDS = frozenset({"overnight", "tonight", "yesterday", "today"})

# A verb without a date of its own takes its governor's through these links only: a noun
# inside a prepositional phrase ("during an offensive") does not share the clause's date.
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acomp", "ccomp")
MAX_CLIMB = 6

# The story's day is the lead's when it lies at most this many days before the report
# (`story_day`): a weekly digest or an anniversary piece tells no one day.
STORY_WEEK = 7
# A clause dated more than this many days before the report frames its acts in its own time.
FRAMING_DAYS = 60
# Events dated more than this many days before the article are background, not news: a
# report tells the news of its days and weeks; what it dates months back ("invaded Kuwait
# on Aug 2", "talks collapsed in February") it recounts as history.
HISTORICAL_DAYS = FRAMING_DAYS
# A deed dated more than this many days back, told right after background in its paragraph,
# goes on with that background (`_goes_on_with_the_background`); within four weeks a story
# may still be telling its own news by the date.
BACKGROUND_RUN_DAYS = 28
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

    @property
    def by_the_report(self) -> bool:
        """No day told or carried for the act: the date is the article's own, for want of any."""
        return self.mention is None and self.inferred and self.value is not None

    def draft_fields(self) -> dict[str, object]:
        """The date fields of a `draft.Draft` (and so of its event)."""
        return {"date": self.value, "date_precision": self.precision, "date_inferred": self.inferred,
                "date_suspect": self.suspect, "historical": self.historical, "date_by_report": self.by_the_report}


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
        mention = _day_of_the_act_it_was_in(tokens[-1], attached)
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
        historical=is_historical(mention, published) or _counted_since(mention, tokens, published)
        or _goes_on_with_the_background(mention, tokens[0].sent, published),
        mention=mention,
    )


def _goes_on_with_the_background(mention: DateMention, sent: Span, published: str | None) -> bool:
    """"Russia annexed Crimea in March, and gunmen seized buildings in Donetsk in April. A
    Malaysian airliner was shot down over rebel-held territory on July 17": a deed dated weeks
    before the report (BACKGROUND_RUN_DAYS), in a sentence that goes on in the same paragraph
    from one telling only background, goes on with that background; a story tells its news
    of recent weeks first, by its weekdays or as the toll of the day, not after a history."""
    if published is None or mention.value is None or mention.precision != "day":
        return False
    try:
        days = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(mention.value[:10])).days
    except ValueError:
        return False
    if days <= BACKGROUND_RUN_DAYS:
        return False
    previous = _before_in_its_paragraph(sent)
    if previous is None:
        return False
    told = [m for m in previous.doc._.dates or []
            if previous.start_char <= m.start < previous.end_char and m.value is not None]
    return bool(told) and all(is_historical(m, published) for m in told)


def _before_in_its_paragraph(sent: Span) -> Span | None:
    """The sentence before `sent`, when no line break parts them."""
    doc = sent.doc
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    ends = [t.idx + len(t) for t in previous if not t.is_space]
    starts = [t.idx for t in sent if not t.is_space]
    if not ends or not starts or "\n" in doc_text(doc)[ends[-1]:starts[0]]:
        return None
    return previous


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


def _day_of_the_act_it_was_in(verb: Token, attached: dict[int, DateMention]) -> DateMention | None:
    """"had been killed in the offensive, which began last Thursday", "died in Sunday's
    ambush": a deed with no day of its own, told as done in an act whose noun has a day, is
    of that act's day."""
    if verb.pos_ != "VERB":
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in WITHIN_THE_ACT:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and noun.i in attached \
                    and attached[noun.i].precision == "day":
                return attached[noun.i]
    return None


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


def story_day(lead: DateMention | None, last: DateMention | None, published: str | None) -> DateMention | None:
    """The day a wire story is telling, for the acts it tells with no day of their own: the
    lead's day when it is the last day told so far and falls in the week before the report
    ("Rebels shelled the airport on Monday ... The government refused to negotiate": Monday,
    not the day of the report). None when a later sentence has told another day (the story
    has moved on, and an undated act may be of any of them), or when the lead's day is the
    report's own."""
    if lead is None or last is None or lead.value != last.value or lead.precision != "day" or not published \
            or not lead.value or lead.suspect:
        return None
    try:
        gap = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(lead.value[:10])).days
    except ValueError:
        return None
    return lead if 0 < gap <= STORY_WEEK else None


def told_at_the_report(sent: Span) -> bool:
    """The sentence tells its own time counted from the report ("arrested 23 men in overnight
    sweeps", "said today", "last night"): it does not go on with the story's day."""
    return any(t.lower_ in TIME_OF_REPORT_WORDS or t.lower_ == "night" and t.i > sent.start
               and t.nbor(-1).lower_ == "last" for t in sent)
