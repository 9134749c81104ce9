"""Days counted from another day: "a day earlier" from the day the previous sentence told,
"a day later" from the sentence's own day, "two days after <clause>", and "hours before the
vote" from the day the article told for the act it names again.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ..nlp import doc_text
from ..records import DateMention
from .syntax import definite

# previous sentence told. ("two days after the raid" counts from the raid, which this does
# not resolve: only the adverbial forms, which end at a comma or the clause.)
RELATIVE_DAY = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<dir>earlier|later|before|after)"
    r"|the\s+(?P<dir2>previous|next|following)\s+day|the\s+day\s+(?P<dir3>before|after)"
    # "hours earlier" after "late on Sunday": still Sunday (a story counts hours back within
    # the day it told, or it would name the day before)
    r"|(?P<same>(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes|moments)\s+(?:later|earlier)"
    r"|(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|evening|morning|afternoon)"
    r"|(?:later|earlier)\s+in\s+the\s+day"
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
        return 0  # "hours later", "earlier that day", "later in the day": the day told
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
