"""The ACLED stage: each coded event gets ACLED's sub-event type, the way an ACLED coder
would assign it, from its trigger, its sentences and its actors.

It runs after the event coder and reads only finished events and the parse of their
sentences, so it does not depend on how the coder found them:

    trigger   the word that carried the event, and the clause it governs ("near")
    cues      named lexicons (acled_cues.tsv) found in that clause, in the event's
              sentences, or in the sentences around them: instruments (grenade, drone,
              mortar, IED, suicide vest, chlorine), targets (civilians or armed), crowds
              and what happened to them, territory changing hands without a fight
    actors    each side's ACLED actor type (acled_actors.tsv): state forces, rebels,
              militias, rioters, protesters, civilians, external forces
    code      the CAMEO code, one cue among the others

The first rule of acled_rules.tsv whose conditions hold decides the sub-event type; the
event then carries the type, its event and disorder type, both sides' inter codes, their
interaction, civilian targeting, and `acled_rule`: the rule and the words that decided.
A rule may also drop an event: a trigger that exists for ACLED's sake ("exploded") in a
context that is no political violence (a boiler).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..knowledge.acled import ANY_WORD, DROP, NO_TYPE, SCOPES, AcledKnowledge, ActorType, Condition, Rule, SubEventType
from ..records import Actor, Event

CIVILIAN_TARGETING = "Civilian targeting"
# Sentences on either side of an event's own that the `ctx` scope looks into: "Grenades
# were hurled at a patrol. The attackers fled after the attack." names the weapon once.
CONTEXT_SENTENCES = 1
# How far a noun trigger climbs to the verb it is the subject or object of ("an airstrike
# destroyed a clinic"): the clause of that verb is the event's clause too.
NOUN_CLIMB = 3
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "compound")
# ACLED's inter code for civilians: the side of violence against civilians.
CIVILIANS = 7
# Crowd sides of a demonstration: an actor of these types becomes the crowd (protesters
# who riot are rioters; "thousands of people" who march are protesters).
CROWDLIKE_INTERS = frozenset({5, 6, CIVILIANS})
_WORD_SPLIT = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True, kw_only=True)
class AcledCoding:
    """What the ACLED stage decided for one event."""

    sub_event_type: str | None
    event_type: str | None
    disorder_type: str | None
    inter1: int | None
    inter2: int | None
    interaction: int | None
    civilian_targeting: str | None
    rule: str | None  # the rule and the cue words that decided ("acled_rules.tsv:52 Grenade: near:grenade 'grenade'")
    drop: bool = False


@dataclass(frozen=True)
class Match:
    cue: str
    tokens: frozenset[int]  # token indices in the doc
    text: str


class CueFinder:
    """Finds the phrases of every cue in a stretch of tokens; where phrases overlap, one
    inside a longer one is dropped ("smoke grenade" hides "grenade")."""

    def __init__(self, knowledge: AcledKnowledge) -> None:
        self.by_first: dict[str, list[tuple[str, tuple[tuple[str, str | None], ...]]]] = defaultdict(list)
        for cue in knowledge.cues.values():
            for words in cue.phrases:
                parsed = tuple(_word_spec(w) for w in words)
                self.by_first[parsed[0][0]].append((cue.name, parsed))

    def find(self, tokens: Sequence[Token]) -> list[Match]:
        words = _words(tokens)
        found: list[tuple[int, int, str, frozenset[int], bool]] = []
        for start, (forms, _) in enumerate(words):
            for form in forms:
                for cue, phrase in self.by_first.get(form, ()):
                    end = start + len(phrase)
                    if end <= len(words) and all(_fits(spec, *words[start + k]) for k, spec in enumerate(phrase)):
                        found.append((start, end, cue, frozenset(words[k][1].i for k in range(start, end)),
                                      any(spec[0] == ANY_WORD for spec in phrase)))
        # a phrase with a gap ("during ? ? protest") names a context: it hides nothing
        hiding = [(s, e) for s, e, _, _, gapped in found if not gapped]
        kept = []
        for start, end, cue, indices, _ in set(found):
            if any(s <= start and end <= e and e - s > end - start for s, e in hiding):
                continue  # inside a longer phrase
            first, last = min(indices), max(indices)
            doc = words[start][1].doc
            kept.append(Match(cue=cue, tokens=indices, text=doc[first:last + 1].text))
        return sorted(kept, key=lambda m: (min(m.tokens), m.cue))


# Coarse parts of speech a phrase word ending in /N or /V admits.
WORD_POS = {"N": ("NOUN", "PROPN"), "V": ("VERB", "AUX")}


def _word_spec(word: str) -> tuple[str, str | None]:
    form, _, pos = word.partition("/")
    return form, pos or None


def _fits(spec: tuple[str, str | None], forms: frozenset[str], token: Token) -> bool:
    form, pos = spec
    if form == ANY_WORD:
        return True
    return form in forms and (pos is None or token.pos_ in WORD_POS[pos])


def _words(tokens: Sequence[Token]) -> list[tuple[frozenset[str], Token]]:
    """Each word with the forms it may be matched by: a hyphenated token gives one word per
    part ("cease-fire"), a lone hyphen gives none."""
    out: list[tuple[frozenset[str], Token]] = []
    for token in tokens:
        if token.is_space:
            continue
        parts = [p for p in _WORD_SPLIT.split(token.lower_) if p]
        if not parts:
            continue
        if len(parts) == 1:
            out.append((frozenset({parts[0], token.lemma_.lower()}), token))
        else:
            out.extend((frozenset({p}), token) for p in parts)
    return out


@dataclass(frozen=True)
class EventView:
    """An event as the rules see it: its words, cues, actors and victims."""

    event: Event
    trigger: Token | None
    matches: dict[str, list[Match]]  # by scope: trigger, near, sent, ctx
    source: int  # inter code, 0 when no actor is named
    target: int
    victims: frozenset[str]

    def cue(self, scope: str, names: frozenset[str]) -> Match | None:
        return next((m for m in self.matches[scope] if m.cue in names), None)


class AcledClassifier:
    def __init__(self, knowledge: AcledKnowledge) -> None:
        self.knowledge = knowledge
        self.finder = CueFinder(knowledge)

    def classify(self, view: EventView) -> AcledCoding:
        for rule in self.knowledge.rules:
            reasons = _holds(rule, view)
            if reasons is None:
                continue
            why = f"{rule.name} {rule.decision}: {', '.join(reasons)}"
            if rule.decision == DROP:
                return _untyped(why, drop=True)
            if rule.decision == NO_TYPE:
                return _untyped(why)
            return self._coding(self.knowledge.types[rule.decision], view, why)
        return _untyped(None)

    def _coding(self, kind: SubEventType, view: EventView, why: str) -> AcledCoding:
        source, target = view.source or None, view.target or None
        if kind.crowd is not None:
            if source is None or source in CROWDLIKE_INTERS:
                source = kind.crowd
            elif target is None or target in CROWDLIKE_INTERS:
                target = kind.crowd
        civilian_victims = self._victims_are_civilians(view.victims)
        if kind.civilians != "never" and target is None and (civilian_victims or _civilian_place(view)):
            target = CIVILIANS
        if kind.civilians == "always" and target is None:
            target = CIVILIANS
        if source is None:
            source = next((t.inter for t in self.knowledge.actor_types
                           if t.match == "unnamed" and kind.disorder_type in t.values), None)
        targeted = kind.civilians == "always" or (kind.civilians == "target" and (
            target == CIVILIANS or civilian_victims))
        return AcledCoding(
            sub_event_type=kind.name, event_type=kind.event_type, disorder_type=kind.disorder_type,
            inter1=source, inter2=target, interaction=interaction(source, target),
            civilian_targeting=CIVILIAN_TARGETING if targeted else None, rule=why,
        )

    def _victims_are_civilians(self, victims: frozenset[str]) -> bool:
        """Whether a toll names victims of a group acled_actors.tsv types as civilians."""
        return any(t.match == "victims" and t.inter == CIVILIANS and victims & set(t.values)
                   for t in self.knowledge.actor_types)

    def inter(self, actor: Actor | None, place_country: str | None, home: str | None = None) -> int:
        """The actor's ACLED type (inter code); 0 when there is no actor or no row fits.

        `place_country` is where the event happened; `home` the country the article is
        mainly about. An actor is abroad when it acts in a country not its own, unless its
        country is the article's own (a place name resolved to the wrong country should
        not turn a country's army into foreign forces)."""
        if actor is None:
            return 0
        words = " " + " ".join(w for w in _WORD_SPLIT.split(actor.text.lower()) if w) + " "
        code = actor.code or ""
        role = _role(code)
        for row in self.knowledge.actor_types:
            if not _actor_fits(row, words, code, role):
                continue
            if (row.abroad is not None and actor.country and place_country and actor.country != place_country
                    and actor.country != home):
                return row.abroad
            return row.inter
        return 0


def _actor_fits(row: ActorType, words: str, code: str, role: str | None) -> bool:
    if row.match == "word":
        return any(f" {value} " in words for value in row.values)
    if row.match == "code":
        return any(code.startswith(value) for value in row.values)
    if row.match == "role":
        return role is not None and role in row.values
    return False


def _role(code: str) -> str | None:
    """The role part of a CAMEO actor code: "MIL" of "SYRMIL", "UAF" of "UAF", "-" of a
    bare country code ("RUS"); None for international bodies and empty codes."""
    if not code or code.startswith("IGO"):
        return None
    if len(code) >= 6 and code[:3].isalpha():
        return code[3:6]
    if len(code) == 3:
        return "-" if code.isalpha() and code not in _ROLE_ONLY else code
    return None


# Three-letter codes that are roles, not countries (CAMEO's role-only codes for unnamed
# actors and generic groups).
_ROLE_ONLY = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "INS", "SEP", "RAD", "UAF", "CRM", "CVL", "OPP", "MED",
                        "HLH", "NGO", "EDU", "REF", "LEG", "JUD", "BUS", "LAB", "ELI", "AGR", "REL", "IGO"})


def _holds(rule: Rule, view: EventView) -> list[str] | None:
    """The reasons a rule holds for the event (what each condition found), or None."""
    reasons: list[str] = []
    for condition in rule.conditions:
        found, reason = _test(condition, view)
        if found == condition.negated:
            return None
        if not condition.negated:
            reasons.append(reason)
    return reasons


def _test(condition: Condition, view: EventView) -> tuple[bool, str]:
    kind, values = condition.kind, condition.values
    if kind in SCOPES:
        match = view.cue(kind, values)
        return match is not None, f"{kind}:{match.cue} '{match.text}'" if match else str(condition)
    if kind == "code":
        return any(view.event.event_code.startswith(v) for v in values), f"code {view.event.event_code}"
    if kind == "source":
        return str(view.source) in values, f"source type {view.source}"
    if kind == "target":
        return str(view.target) in values, f"target type {view.target}"
    if kind == "victims":
        hit = sorted(view.victims & values)
        return bool(hit), f"victims {', '.join(hit)}"
    raise ValueError(f"unknown condition kind {kind}")  # the loader admits no other


def _civilian_place(view: EventView) -> bool:
    """The trigger's clause names unarmed people or their places, and nothing armed."""
    near = {m.cue for m in view.matches["near"]}
    return "civilian-target" in near and "armed-target" not in near


def _untyped(why: str | None, *, drop: bool = False) -> AcledCoding:
    return AcledCoding(sub_event_type=None, event_type=None, disorder_type=None, inter1=None, inter2=None,
                       interaction=None, civilian_targeting=None, rule=why, drop=drop)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, the lower first (17: state forces and
    civilians); a sole actor's code followed by 0 (60: protesters alone)."""
    sides = sorted(i for i in (inter1, inter2) if i)
    if not sides:
        return None
    if len(sides) == 1:
        return sides[0] * 10
    return sides[0] * 10 + sides[1]


class AcledStage:
    name = "acled"
    requires = ("doc._.article", "doc._.events", "doc._.numbers")
    assigns = ("doc._.events",)

    def __init__(self, knowledge: AcledKnowledge) -> None:
        self.classifier = AcledClassifier(knowledge)

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = list(doc._.events or [])
        if not events:
            return doc
        sentences = [s for s in doc.sents]
        starts = [s.start_char for s in sentences]
        cache: dict[int, list[Match]] = {}
        out = []
        for event in events:
            view = self.view(doc, event, sentences, starts, cache)
            coding = self.classifier.classify(view)
            if not coding.drop:
                out.append(with_coding(event, coding))
        doc._.events = out
        return doc

    def view(self, doc: Doc, event: Event, sentences: list[Span], starts: list[int],
             cache: dict[int, list[Match]]) -> EventView:
        article = doc._.article
        own = sorted({_sentence_at(starts, e.start) for e in event.evidence
                      if article is None or e.doc_id == article.id})
        trigger = _trigger_token(event, [sentences[i] for i in own])
        around = sorted({j for i in own for j in range(i - CONTEXT_SENTENCES, i + CONTEXT_SENTENCES + 1)
                         if 0 <= j < len(sentences)})

        def matches(indices: Iterable[int]) -> list[Match]:
            out: list[Match] = []
            for i in indices:
                if i not in cache:
                    cache[i] = self.classifier.finder.find(list(sentences[i]))
                out.extend(cache[i])
            return out

        in_sentences = matches(own)
        near = _near(trigger) if trigger is not None else set()
        target_side = near - _doer(trigger, near) if trigger is not None else set()
        objects = _objects(trigger) if trigger is not None else set()
        governor = _governor(trigger) if trigger is not None else None
        scoped = {
            "trigger": [m for m in in_sentences if trigger is not None and trigger.i in m.tokens],
            "governor": [m for m in in_sentences if governor is not None and governor.i in m.tokens],
            "object": [m for m in in_sentences if m.tokens & objects],
            "obj": [m for m in in_sentences if m.tokens & target_side],
            "near": [m for m in in_sentences if m.tokens & near],
            "sent": in_sentences,
            "ctx": matches(around),
        }
        place = event.location.country if event.location else None
        home = (doc._.focus or [None])[0]
        spans = [sentences[i] for i in own]
        victims = set(event.fatalities.by_group) if event.fatalities else set()
        victims |= {n.group for n in doc._.numbers or [] if n.group and any(s.start_char <= n.start < s.end_char for s in spans)}
        return EventView(
            event=event, trigger=trigger, matches=scoped,
            source=self.classifier.inter(event.source_actor, place, home),
            target=self.classifier.inter(event.target_actor, place, home),
            victims=frozenset(v.replace(" ", "-") for v in victims),
        )


def with_coding(event: Event, coding: AcledCoding) -> Event:
    return dataclasses.replace(
        event,
        acled_event_type=coding.event_type,
        acled_sub_event_type=coding.sub_event_type,
        disorder_type=coding.disorder_type,
        inter1=coding.inter1,
        inter2=coding.inter2,
        interaction=coding.interaction,
        civilian_targeting=coding.civilian_targeting,
        acled_rule=coding.rule,
    )


def _sentence_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _trigger_token(event: Event, sentences: list[Span]) -> Token | None:
    """The token that carried the event: its trigger word, in its first sentence."""
    if not event.trigger:
        return None
    first_word = event.trigger.split()[0]
    for sent in sentences:
        for token in sent:
            if token.text == first_word:
                return token
    return None


def _near(trigger: Token) -> set[int]:
    """The trigger's clause: its subtree, and for a noun the clause of the verb it is the
    subject or object of ("an airstrike destroyed a clinic")."""
    near = {t.i for t in trigger.subtree}
    verb = _verb_of(trigger) or trigger
    if verb is not trigger:
        near |= {t.i for t in verb.subtree}
    # coordinated verbs share their subject: "a mob set fire to a mosque and attacked worshippers"
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                near |= {t.i for t in child.subtree}
    return near


def _verb_of(trigger: Token) -> Token | None:
    """The verb a noun trigger is the subject or object of, if any."""
    if trigger.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    head = trigger
    for _ in range(NOUN_CLIMB):
        if head.dep_ not in NOMINAL_DEPS and head.dep_ != "prep" or head.head == head:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _doer(trigger: Token, near: set[int]) -> set[int]:
    """The words of the clause that name who acted: the subjects and passive agents of its
    verbs, a noun trigger's possessor or "by" phrase. What is left of the clause is the
    target's side ("men were shot dead when gunmen opened fire on a bus": the men, the bus)."""
    doer: set[int] = set()
    doc = trigger.doc
    for i in near:
        token = doc[i]
        if token.dep_ in ("nsubj", "csubj", "agent") and not any(t.i == trigger.i for t in token.subtree):
            doer |= {t.i for t in token.subtree}
    for child in trigger.children:
        if child.dep_ == "poss" or (child.dep_ in ("prep", "agent") and child.lower_ == "by"):
            doer |= {t.i for t in child.subtree}
    return doer


# Links a trigger hangs from its governing word by: "charged with looting" (pobj, prep),
# "accused of bombing" (pcomp), "decided to withdraw" (xcomp).
GOVERNOR_DEPS = ("pobj", "pcomp", "prep", "xcomp")
GOVERNOR_CLIMB = 3


def _governor(trigger: Token) -> Token | None:
    """The content word the trigger hangs from through a preposition or an infinitive."""
    token = trigger
    for _ in range(GOVERNOR_CLIMB):
        if token.dep_ not in GOVERNOR_DEPS or token.head == token:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
            return token
    return None


# Links from an object noun to words that belong to it ("two senior commanders", "dozens of
# fighters", "the leader and his deputy"), not to clauses about it.
OBJECT_PARTS = ("compound", "amod", "nummod", "conj", "appos", "det", "poss")


def _objects(trigger: Token) -> set[int]:
    """The trigger's direct object (a passive's subject), with the words of its own noun
    phrase and what "of" measures ("dozens of fighters")."""
    heads = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    found: set[int] = set()
    while heads:
        head = heads.pop()
        if head.i in found:
            continue
        found.add(head.i)
        heads.extend(c for c in head.children if c.dep_ in OBJECT_PARTS)
        heads.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj")
    return found
