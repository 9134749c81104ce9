"""The event stage: triggers and their arguments become event records.

For each sentence: find the triggers (`triggers.tsv`), their sources and targets
(`arguments`), date (`when`), place (`where`), toll (`tolls`), attribution and modality
(`frames`); a reporting verb whose clause carries no trigger of its own is a statement
(CAMEO 010). Events told more than once in the article are then merged (`merge`).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..knowledge.events import EventLexicon
from ..records import Actor, Article, DateMention, Event, Evidence, Fatalities, TollReport
from . import where
from .arguments import ActorIndex, Argument, actors_of, sources, targets
from .frames import Report, modality, report_of
from .merge import merge_events
from .syntax import subject_of
from .tolls import attach_numbers, reconcile, report_from
from .triggers import Trigger, find_triggers
from .when import EventDate, attach, event_date

VIOLENT_ROOTS = ("18", "19", "20")
# Statements are only coded from these verbs: saying is the act. Others ("added",
# "noted") only attribute what they frame.
STATEMENT_VERBS = frozenset({"say", "announce", "state", "declare", "conclude", "insist"})
# "X said Y must ...": saying so is a demand (CAMEO 10).
DEMAND_MODALS = frozenset({"must", "should"})
# Confidence: a base for a coded trigger, raised by each argument the text supports.
BASE_CONFIDENCE = 0.4
CONFIDENCE_STEP = 0.15


@dataclass
class Draft:
    """An event before merging: mutable while the sentence is coded, frozen into an Event."""

    code: str
    rule: str
    trigger: str
    lemma: str
    anchor: int  # character offset of the trigger: what makes two events of one sentence differ
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str
    date_inferred: bool
    historical: bool
    place: object | None
    tolls: list[TollReport]
    attribution: str | None
    modality: str
    evidence: list[Evidence]
    symmetric: bool
    violent: bool
    date_suspect: bool = False


class EventStage:
    name = "events"
    requires = ("doc._.article", "doc._.actors", "doc._.places", "doc._.dates", "doc._.numbers")
    assigns = ("doc._.events",)

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        article: Article = doc._.article
        if article is None or _skipped(article):
            doc._.events = []
            return doc
        drafts = self.code(doc, article)
        doc._.events = [self._freeze(d, article) for d in merge_events(drafts)]
        return doc

    # -- one article -------------------------------------------------------------------
    def code(self, doc: Doc, article: Article) -> list["Draft"]:
        lines = _datelines(article.text)
        outside = lambda m: not any(start <= m.start < end for start, end in lines)  # noqa: E731
        actors = ActorIndex(doc, [m for m in doc._.actors or [] if outside(m)])
        places = where.PlaceIndex(doc, [m for m in doc._.places or [] if outside(m)])
        doc_dates = [m for m in doc._.dates or [] if outside(m)]
        territory = set(places.by_token) | {t.i for t in doc if self.lexicon.has_frame(t.lemma_, "territory")}
        title_end = _title_end(doc, article)
        drafts: list[Draft] = []
        context: DateMention | None = None
        for sent in doc.sents:
            if not sent.text.strip() or _in_furniture(sent, article) or _is_heading(sent, title_end):
                continue
            found = self._sentence(doc, sent, article, actors, places, doc_dates, territory, title_end, context)
            drafts.extend(found)
            context = _day_of(sent, doc_dates, article.published)
        return drafts

    def _sentence(self, doc: Doc, sent: Span, article: Article, actors: ActorIndex,
                  places: where.PlaceIndex, doc_dates: list, territory: set[int], title_end: int,
                  context: DateMention | None) -> list[Draft]:
        triggers = find_triggers(sent, self.lexicon, territory=territory, in_title=sent.start_char < title_end)
        trigger_at = {t.token.i: t for t in triggers}
        owners = {t.i for tr in triggers for t in tr.tokens}
        dates = attach(doc, sent, doc_dates, owners)
        folded = self._folded(triggers, trigger_at)
        toll_owner = {}
        for trigger in triggers:
            if "violence" not in trigger.rule.flags:
                continue
            home = folded.get(trigger.token.i, trigger)
            for token in trigger.tokens:
                toll_owner[token.i] = home.token.i
        numbers = [n for n in doc._.numbers or [] if sent.start_char <= n.start < sent.end_char]
        tolls, orphans = attach_numbers(doc, numbers, toll_owner)
        violent = [t for t in triggers if "violence" in t.rule.flags and t.token.i not in folded]
        if orphans and len(violent) == 1:
            tolls.setdefault(violent[0].token.i, []).extend(orphans)
        evidence = _evidence(sent, article)
        out: list[Draft] = []
        for trigger in triggers:
            if trigger.token.i in folded or self._inside_threat(trigger, trigger_at) or self._opinion(trigger):
                continue
            out.extend(self._events(trigger, sent, article, actors, places, dates, tolls, evidence, trigger_at, context))
        out.extend(self._statements(sent, article, actors, dates, triggers, evidence))
        return out

    def _folded(self, triggers: list[Trigger], trigger_at: dict[int, Trigger]) -> dict[int, Trigger]:
        """Toll verbs ("..., killing 12") that belong to a violent trigger above them."""
        owner_of = {t.i: tr for tr in triggers for t in tr.tokens if "violence" in tr.rule.flags}
        folded: dict[int, Trigger] = {}
        for trigger in triggers:
            if trigger.token.lemma_.lower() not in ("kill", "wound", "injure") or subject_of(trigger.token, climb=False):
                continue
            head = trigger.token.head
            for _ in range(4):
                if head.i in owner_of and owner_of[head.i] is not trigger:
                    folded[trigger.token.i] = owner_of[head.i]
                    break
                if head.head == head:
                    break
                head = head.head
        return folded

    def _opinion(self, trigger: Trigger) -> bool:
        """"I don't think the army will retake the city": a forecast, not an event."""
        return any(self.lexicon.has_frame(a.lemma_.lower(), "opinion") for a in list(trigger.token.ancestors)[:5])

    def _inside_threat(self, trigger: Trigger, trigger_at: dict[int, Trigger]) -> bool:
        """An act that is only threatened ("vowed to strike back") or denied ("denied
        carrying out the strike") is the content of the threat or denial, not an event."""
        token = trigger.token
        for ancestor in list(token.ancestors)[:4]:
            found = trigger_at.get(ancestor.i)
            if found is not None and (found.rule.code.startswith("13") or found.rule.code == "016"):
                return True
        return False

    def _events(self, trigger: Trigger, sent: Span, article: Article, actors: ActorIndex,
                places: where.PlaceIndex, dates: dict, tolls: dict, evidence: Evidence,
                trigger_at: dict[int, Trigger], context: DateMention | None) -> list[Draft]:
        lexicon = self.lexicon
        light_is_trigger = trigger.light is not None and trigger.light.i in trigger_at and \
            not lexicon.has_frame(trigger.light.lemma_, "light")
        found_sources = sources(trigger, actors, light_is_trigger=light_is_trigger,
                                lexicon_frames=lexicon.has_frame)
        found_targets = targets(trigger, actors, lambda t: where.visited(t, actors, places))
        report = report_of(trigger.token, sent, lexicon, actors)
        when = event_date(trigger.tokens, dates, article.published, lambda t: _is_report(t, lexicon), context)
        # an actor's own words are no place, but a capital or country named as target
        # ("arrived in Baghdad", "strikes on Kyiv") is also where the event happened
        taken = {t.i for a in found_sources + found_targets if a.mention.kind not in ("capital", "country")
                 for t in _mention_tokens(a, sent)}
        place = where.event_place(trigger, places, taken=taken)
        toll_mentions = tolls.get(trigger.token.i, [])
        toll = report_from(toll_mentions, attribution=report.text if report else None,
                           doc_id=article.id, sentence=evidence.sentence) if toll_mentions else None
        violent = trigger.rule.code[:2] in VIOLENT_ROOTS
        pairs = _pairs(found_sources, found_targets)
        if any(a.dep_ == "aux" and a.lower_ in DEMAND_MODALS for t in trigger.tokens for a in t.children):
            # "Ankara said Baghdad must expel the militants": Ankara's demand on Baghdad
            if report is None or report.actor is None:
                return []  # the writer's or an unnamed voice's "must" is an opinion
            return [self._demand(report, doer, when, evidence, trigger) for doer, _ in pairs[:1]]
        out = []
        for source, target in pairs:
            mode = modality(trigger.token, lexicon, violent=violent, report=report, parties=(source, target))
            if mode == "hypothetical" and (report is None or report.actor is None):
                continue  # an analyst's "unless ..." is an opinion, not an event
            code, rule = trigger.rule.code, trigger.rule.name
            if mode in ("planned", "hypothetical") and source is not None:
                # CAMEO codes an announced act as the intent or threat to do it: a planned
                # visit is 036, "will impose sanctions" is 132, "would strike" is 138
                code, rule, mode = _intended(code, rule, mode)
            if mode == "negated" and report is not None and report.actor is not None and _same_side(report.actor, source):
                # "X said it had not carried out the strike": X denies responsibility
                out.append(self._denial(report.actor, report, when, evidence, trigger))
                continue
            out.append(Draft(
                code=code,
                rule=rule,
                trigger=trigger.token.text,
                lemma=trigger.token.lemma_.lower(),
                anchor=trigger.token.idx,
                source=source,
                target=target,
                **when.draft_fields(),
                place=place.place if place else None,
                tolls=[toll] if toll else [],
                attribution=report.text if report else None,
                modality=mode,
                evidence=[evidence],
                symmetric="sym" in trigger.rule.flags,
                violent=violent,
            ))
        return [d for d in out if _worth_keeping(d) or "unnamed-ok" in trigger.rule.flags]

    def _demand(self, report: Report, doer: Actor | None, when: EventDate, evidence: Evidence, trigger: Trigger) -> Draft:
        verb = report.verb if report.verb is not None else trigger.token
        return Draft(
            code="100", rule="demand:must", trigger=verb.text, lemma="demand", anchor=verb.idx,
            source=report.actor, target=doer, **when.draft_fields(),
            place=None, tolls=[],
            attribution=None, modality="asserted", evidence=[evidence], symmetric=False, violent=False,
        )

    def _denial(self, speaker: Actor, report: Report, when: EventDate, evidence: Evidence, trigger: Trigger) -> Draft:
        verb = report.verb if report.verb is not None else trigger.token
        return Draft(
            code="016", rule="denial:negated-self-report", trigger=verb.text, lemma="deny", anchor=verb.idx,
            source=speaker, target=None, **when.draft_fields(),
            place=None, tolls=[],
            attribution=None, modality="asserted", evidence=[evidence], symmetric=False, violent=False,
        )

    def _statements(self, sent: Span, article: Article, actors: ActorIndex, dates: dict,
                    triggers: list[Trigger], evidence: Evidence) -> list[Draft]:
        """"X said Y ...": a statement when nothing in what was said is an event itself."""
        root = sent.root
        if root.lemma_.lower() not in STATEMENT_VERBS or any(t.token.i != root.i for t in triggers):
            return []
        subject = subject_of(root, climb=False)
        if subject is None:
            return []
        speakers = actors_of(subject, actors)
        content = [c for c in root.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
        if not speakers or not content:
            return []
        when = event_date([root], dates, article.published, lambda t: True)
        out = []
        for speaker in speakers:
            if not _state_like(speaker.actor):
                continue  # a monitor's or analyst's words are a source, not an event
            target = _spoken_about(content, actors, speaker.actor)
            if target is None:
                continue
            demand = any(a.lower_ in DEMAND_MODALS for c in content for a in c.children if a.dep_ == "aux")
            out.append(Draft(
                code="100" if demand else "010",
                rule="statement:demand-must" if demand else "statement:reporting-verb-without-event",
                trigger=root.text, lemma="say", anchor=root.idx,
                source=speaker.actor, target=target, **when.draft_fields(),
                place=None, tolls=[],
                attribution=None, modality="asserted", evidence=[evidence], symmetric=False, violent=False,
            ))
        return out

    # -- freezing ------------------------------------------------------------------------
    def _freeze(self, draft: "Draft", article: Article) -> Event:
        entry = self.lexicon.code(draft.code)
        fatalities: Fatalities | None = reconcile(draft.tolls) if draft.tolls else None
        supported = (sum(x is not None for x in (draft.source, draft.target, draft.place))
                     + (not draft.date_inferred and not draft.date_suspect))
        confidence = round(min(1.0, BASE_CONFIDENCE + CONFIDENCE_STEP * supported), 2)
        return Event(
            id=event_id(article.id, draft),
            event_code=draft.code,
            event_label=entry.label,
            plover_type=entry.plover,
            acled_event_type=entry.acled_event_type,
            acled_sub_event_type=entry.acled_sub_event_type,
            source_actor=draft.source,
            target_actor=draft.target,
            date=draft.date,
            date_precision=draft.date_precision,
            location=draft.place,  # type: ignore[arg-type]
            fatalities=fatalities,
            attribution=draft.attribution,
            modality=draft.modality,
            historical=draft.historical,
            evidence=tuple(sorted(draft.evidence, key=lambda e: (e.doc_id, e.start))),
            confidence=confidence,
            rule=draft.rule,
            trigger=draft.trigger,
            date_inferred=draft.date_inferred,
            date_suspect=draft.date_suspect,
        )


# An announced cooperative act is an intent to cooperate (03x); an announced hostile act
# is a threat (13x). Keys are CAMEO roots; values the code of the intent or threat.
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {"12": "130", "14": "133", "15": "138", "16": "132", "17": "137", "18": "138", "19": "138", "20": "138"}
SPECIFIC_THREATS = {"164": "134", "165": "135", "163": "132", "166": "136"}


def _intended(code: str, rule: str, mode: str) -> tuple[str, str, str]:
    root = code[:2]
    if root in INTENT_CODES:
        return INTENT_CODES[root], f"{rule}+intent", mode
    if code[:3] in SPECIFIC_THREATS:
        return SPECIFIC_THREATS[code[:3]], f"{rule}+threat", "threatened"
    if root in THREAT_CODES:
        return THREAT_CODES[root], f"{rule}+threat", "threatened"
    return code, rule, mode


def _day_of(sent: Span, dates: list[DateMention], published: str | None) -> DateMention | None:
    """The last day-precise, trustworthy, recent date a sentence names (for the next one)."""
    from .when import is_historical

    days = [m for m in dates if sent.start_char <= m.start < sent.end_char and m.value and m.precision == "day"
            and not m.suspect and m.relation == "on" and not is_historical(m, published)]
    return days[-1] if days else None


def _same_side(reporter: Actor, source: Actor | None) -> bool:
    """The reporter speaks for the event's own source (or the source is unnamed: "it")."""
    if source is None:
        return True
    if reporter.code and source.code and (reporter.code.startswith(source.code) or source.code.startswith(reporter.code)):
        return True
    return reporter.name == source.name


def _state_like(actor: Actor) -> bool:
    """States, their governments and forces, and international bodies make statements."""
    code = actor.code or ""
    return code.startswith("IGO") or (len(code) >= 3 and code[:3].isalpha() and code[3:6] in ("", "GOV", "MIL"))


def _spoken_about(content: list[Token], actors: ActorIndex, speaker: Actor) -> Actor | None:
    """Whom a statement is about: the subject of what was said, else the first other actor."""
    for clause in content:
        subject = subject_of(clause, climb=False)
        if subject is not None:
            for argument in actors_of(subject, actors):
                if argument.actor.country != speaker.country:
                    return argument.actor
    for clause in content:
        for mention in actors.in_tokens(list(clause.subtree)):
            if mention.actor.country and mention.actor.country != speaker.country:
                return mention.actor
    return None


def event_id(doc_id: str, draft: "Draft") -> str:
    """Same article, same event, same id: from the article, the trigger's place and the dyad."""
    key = "|".join([
        doc_id, str(draft.anchor), draft.code[:2],
        (draft.source.code or draft.source.name) if draft.source else "",
        (draft.target.code or draft.target.name) if draft.target else "",
    ])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _pairs(found_sources: list[Argument], found_targets: list[Argument]) -> list[tuple[Actor | None, Actor | None]]:
    srcs: list[Actor | None] = [a.actor for a in found_sources] or [None]
    tgts: list[Actor | None] = [a.actor for a in found_targets] or [None]
    out = []
    for s in srcs:
        for t in tgts:
            if s is not None and t is not None and s.code and s.code == t.code:
                t = None
            out.append((s, t))
    return out


def _worth_keeping(draft: "Draft") -> bool:
    """An event needs a known actor; an unattributed act of violence needs a victim, place or toll."""
    if draft.source is not None:
        return True
    return draft.violent and (draft.target is not None or draft.place is not None or bool(draft.tolls))


def _mention_tokens(argument: Argument, sent: Span) -> list[Token]:
    mention = argument.mention
    return [t for t in sent if t.idx < mention.end and t.idx + len(t) > mention.start]


def _is_report(token: Token, lexicon: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    return lexicon.has_frame(lemma, "report") or lexicon.has_frame(lemma, "claim")


def _evidence(sent: Span, article: Article) -> Evidence:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Evidence(doc_id=article.id, outlet=article.outlet, sentence=article.text[start:end], start=start, end=end,
                    published=article.published, title=article.title, url=article.url)


def _title_end(doc: Doc, article: Article) -> int:
    """Offset where the headline ends, when the text opens with it."""
    if not article.title:
        return 0
    position = article.text.find(article.title.strip())
    return position + len(article.title.strip()) if 0 <= position < 200 else 0


# A wire dateline opening a paragraph: "GOMA, Nov 18 (Reuters) —", "PORT SUDAN, May 12 -".
# Its city and date say where and when the report was filed, not where the event was.
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'’-]{2,40}(?:,[^\n—–-]{0,40})?\s*[—–-]{1,2}\s")


def _datelines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in DATELINE.finditer(text)]


# A line this short without a full stop is a section heading, even where the parser finds
# a verb in it ("Drone strikes on the port").
HEADING_MAX_WORDS = 10


def _is_heading(sent: Span, title_end: int) -> bool:
    """A section heading: a line of its own with no sentence-final punctuation that is
    short or verbless. The article's title is not a heading: it is coded."""
    if sent.start_char < title_end:
        return False
    text = sent.text.strip()
    if text.endswith((".", "!", "?", "\"", "”", "'", "’", "»")):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= HEADING_MAX_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _in_furniture(sent: Span, article: Article) -> bool:
    middle = (sent.start_char + sent.end_char) // 2
    return any(start <= middle < end for start, end in article.furniture)


def _skipped(article: Article) -> bool:
    return bool(article.language) and not article.language.startswith("en")
