"""Background told as news: acts a report recalls rather than reports.

A report tells the news of its days; around it, it recalls older acts to explain them. The
writer marks such an act by grammar, not by the verb that governs it ("condemned the
murder" is as often today's murder as an old one), so each rule here reads one mark of
English:

- a past participle used as an adjective names a person by what was done to them before
  ("to honour slain senator Ortiz"): `participle_of_a_name`;
- a clause under "on that occasion", "at that time", "in those days" is of a time the
  writer points back to: `on_a_past_occasion`;
- an act in a "when" clause about a time that someone remembers or recalls ("I remember
  the night when soldiers occupied the port") is remembered: `recalled_time`;
- an act told as lasting longer than a report's news ("was held hostage for 18 months")
  began long before it: `lasted_long`; one told as done longer ago ("two years ago"), also
  in a report of no known date: `long_ago`;
- an act in a "when" clause dating the start of a state ("have worsened since September,
  when gunmen attacked the base", in a report of November) explains the news; from before
  last month (the news's own recent past), it is background: `since_then`;
- an act set in an event that a year before the report's names ("during the 2014 war") is
  of that year: `in_an_older_event`;
- an act named by its month or year in the possessive ("the militants behind last month's
  massacre") is one the reader already knows, recalled: `named_by_its_time`;
- a word or stance in the past perfect in a relative clause ("the minister, whose party had
  pledged to end the strike, resigned") tells who the noun is by what it had said before,
  not the news: `said_before`.

Each returns whether its mark is on the trigger; the coder keeps such an act as
`historical`, and drops the participle, which names no act of its own.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Token

from .when import HISTORICAL_DAYS, EventDate

# Tags of the word before a past participle that cannot precede a finite verb: a
# determiner, a preposition, a possessive, or a verb in its base form ("to honour slain
# senator X", "the widow of murdered journalist Y", "his kidnapped son").
ADJECTIVE_SLOT_TAGS = frozenset({"DT", "IN", "PRP$", "POS", "VB"})
# Links by which a clause hangs from the one that frames its time.
CLAUSE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "acl"})
MAX_CLIMB = 6
# Nouns of a time that "that" or "those" point back to.
TIME_NOUNS = frozenset({"occasion", "time", "moment", "day", "days", "night", "period", "year", "years"})
POINTING_BACK = frozenset({"that", "those"})
TIME_PREPS = frozenset({"on", "at", "in", "during"})
# Days in each unit of a span an act is said to have lasted.
SPAN_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
# Calendar months back that a report still tells as recent: "last month" (one back) is the
# news's own past ("recalled its ambassador last month"); a month named before it is not.
RECENT_MONTHS = 1
# Prepositions that set a clause in an event they name: "during the 2014 war", "in the 2016
# conflict", "after the 2023 coup".
FRAMING_PREPS = frozenset({"during", "in", "after", "throughout", "before"})
# Links by which a year names the event a noun stands for ("the 2014 war").
YEAR_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
# Nouns of a span a possessive dates an act by ("last month's massacre", "last year's coup").
SPAN_NOUNS = frozenset({"month", "year"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20}


def participle_of_a_name(token: Token) -> bool:
    """"To honour assassinated senator Ortiz", "the widow of slain journalist Ruiz": a past
    form right after a determiner, a preposition, a possessive or a base-form verb, with no
    auxiliary of its own and its noun right after it, is an adjective naming the
    person by what was done to them before (the parse of upper-case copy often takes it for
    a verb). It tells no act of its own."""
    if token.tag_ not in ("VBN", "VBD") or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if before.tag_ not in ADJECTIVE_SLOT_TAGS or after.pos_ not in ("NOUN", "PROPN"):
        return False
    if before.lower_ in ("that", "which"):
        return False  # "the men that killed him": a relative pronoun, a clause follows
    return not any(c.dep_ in ("aux", "auxpass") for c in token.children)


def on_a_past_occasion(token: Token) -> bool:
    """"On that occasion, when the mayor was assassinated, ...", "At that time, 40 civilians
    were killed", "an era like those when the archbishop was murdered": a clause framed by
    a time that "that" or "those" points back to tells of that earlier time, not of the
    report's day."""
    current = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(MAX_CLIMB):
        if any(_points_back(c) for c in current.children):
            return True
        if current.dep_ in ("relcl", "acl", "advcl") and _when_clause(current) and _pointed_back(current.head):
            return True
        if current.dep_ not in CLAUSE_DEPS or current.head == current:
            return False
        current = current.head
    return False


def _points_back(prep: Token) -> bool:
    if prep.dep_ != "prep" or prep.lower_ not in TIME_PREPS:
        return False
    return any(g.dep_ == "pobj" and g.lower_ in TIME_NOUNS and _pointed_back(g) for g in prep.children)


def _pointed_back(time: Token) -> bool:
    """"that occasion", "those days", or "those" alone ("times like those when ...")."""
    if time.pos_ == "PRON" or time.tag_ == "DT":
        return time.lower_ in POINTING_BACK
    return time.lower_ in TIME_NOUNS and any(d.dep_ == "det" and d.lower_ in POINTING_BACK for d in time.children)


def recalled_time(token: Token, is_background: Callable[[str], bool]) -> bool:
    """"I remember the night of 9 January, when I was told that soldiers had occupied the
    port": an act in a clause that describes a time (or in what that clause reports), the
    time being what someone remembers, recalls or commemorates, is remembered."""
    current = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(MAX_CLIMB):
        if current.head == current:
            return False
        if current.dep_ in ("relcl", "advcl", "acl") and _when_clause(current):
            time = current.head
            while time.dep_ in ("pobj", "prep", "appos", "npadvmod", "nummod", "compound") and time.head != time:
                time = time.head  # "the night of 20 December, when ...": up to the noun remembered
            return time.dep_ in ("dobj", "pobj") and is_background(time.head.lemma_.lower()) or \
                is_background(time.lemma_.lower())
        if current.dep_ not in CLAUSE_DEPS:
            return False
        current = current.head
    return False


def _when_clause(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def lasted_long(token: Token) -> bool:
    """"Was taken hostage for 14 months", "besieged for five months": an act of violence
    told in the past as lasting longer than the news of a report began long before it.
    (Only violence: "suspended the broadcasters for three months" says how long a sanction
    imposed today will last.)"""
    if token.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
        return False
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for span in prep.children:
            days = _span_days(span)
            if span.dep_ == "pobj" and days is not None and days > HISTORICAL_DAYS:
                return True
    return False


def long_ago(token: Token) -> bool:
    """"Rebels killed the mayor two years ago", in a report whose own date is unknown (no
    date can then be resolved): a span counted back from the report that is longer than its
    news makes the act background, whatever the report's day."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for ago in verb.children:
        if ago.dep_ != "advmod" or ago.lower_ != "ago":
            continue
        if any(c.dep_ == "npadvmod" and (_span_days(c) or 0) > HISTORICAL_DAYS for c in ago.children):
            return True
    return False


def _span_days(noun: Token) -> int | None:
    unit = SPAN_DAYS.get(noun.lemma_.lower())
    if unit is None:
        return None
    count = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if count is None:
        return None
    n = int(count.text) if count.text.isdigit() else NUMBER_WORDS.get(count.lower_)
    return None if n is None else n * unit


def since_then(token: Token, when: EventDate, published: str | None) -> bool:
    """"Relations have worsened since September, when gunmen attacked an army base" (in a
    report of November): the act of a "when" clause that dates the start of a state lasting
    since is told to explain the news; when that start lies before last month (a report
    calls its recent past "last month"), the act is background."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if not _when_clause(verb) or when.inferred or when.mention is None or when.mention.relation != "since":
        return False
    if when.value is None or not published:
        return False
    try:
        then, now = dt.date.fromisoformat(when.value[:10]), dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (now.year * 12 + now.month) - (then.year * 12 + then.month) > RECENT_MONTHS


def in_an_older_event(token: Token, published: str | None) -> bool:
    """"During the 2014 war in Gaza, an Israeli ground offensive lasted seven weeks": a clause
    set in an event named by a year before the report's is of that year (the year is no
    date of the clause's own, so the date stage leaves it undated)."""
    year = _year_of(published)
    if year is None:
        return False
    nodes = [token] if token.pos_ in ("VERB", "AUX") else [token, token.head]
    current = nodes[-1]
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLAUSE_DEPS or current.head == current:
            break
        current = current.head
        nodes.append(current)
    return any(prep.dep_ == "prep" and prep.lower_ in FRAMING_PREPS and _named_by_an_older_year(obj, year)
               for node in nodes for prep in node.children for obj in prep.children if obj.dep_ == "pobj")


def _named_by_an_older_year(noun: Token, year: int) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in YEAR_DEPS and c.like_num and len(c.text) == 4 and c.text.isdigit() and 1900 <= int(c.text) < year
        for c in noun.children)


def _year_of(published: str | None) -> int | None:
    if not published or not published[:4].isdigit():
        return None
    return int(published[:4])


def named_by_its_time(token: Token, when: EventDate, published: str | None) -> bool:
    """"Hit camps of the militants behind last month's massacre", "since last year's coup": an
    act named by an earlier month or year in the possessive is one the reader already
    knows (the report tells it, if at all, where it gives its day): recalled, not news.
    ("Saturday's raids" is of the news's own days.)"""
    if token.pos_ not in ("NOUN", "PROPN") or when.inferred or when.precision not in ("month", "year"):
        return False
    if not any(c.dep_ == "poss" and c.lemma_.lower() in SPAN_NOUNS for c in token.children):
        return False
    return bool(published) and when.value is not None and when.value[:7] < published[:7]


# Auxiliary of the past perfect ("had promised"): a time before the one the report tells.
PAST_PERFECT_AUX = "had"


def said_before(token: Token) -> bool:
    """"The minister, whose party had pledged to end the strike, resigned on Friday": a
    relative clause in the past perfect, with no time of its own, describes the noun by
    what it had said or undertaken before the news (its stance), and tells no act of the
    report's day. Only the clause's own verb counts ("had pledged"); a time in the clause
    ("who had met the envoy on Monday") dates an act the report tells."""
    if token.dep_ != "relcl" or token.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == PAST_PERFECT_AUX for c in token.children):
        return False
    if not any(_relative_word(t) for t in token.subtree if t.i < token.i):
        return False  # "told the council on Sunday that X had declared war": a misread report
    return not any(t.ent_type_ in ("DATE", "TIME") and _in_own_clause(t, token) for t in token.subtree)


# Relative pronouns that open a clause describing a noun.
RELATIVE_WORDS = frozenset({"who", "whose", "which", "whom"})


def _relative_word(word: Token) -> bool:
    return word.lower_ in RELATIVE_WORDS or (word.lower_ == "that" and word.tag_ == "WDT")


# Links of a clause of its own inside another: a time in it is that clause's time.
NESTED_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "conj", "parataxis"})


def _in_own_clause(word: Token, verb: Token) -> bool:
    """Whether `word` belongs to `verb`'s own clause, not to a clause nested in it (the
    parse of upper-case copy may hang the main verb and its day on the relative clause:
    "WHOSE GOVERNMENT HAD PROMISED TO PROTECT MISSIONS, HANDED IN ... ON MONDAY")."""
    current = word
    while current != verb and current.head != current:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in NESTED_CLAUSE_DEPS:
            return False
        current = current.head
    return True
