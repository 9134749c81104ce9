"""Where an event happened: the place mention that the parse ties to its trigger.

A sentence often names more places than the event's own ("Iran's foreign minister, in
Ankara, condemned strikes in Idlib"): only a place reached from the trigger through a
locative preposition ("in", "near", "on") or as the object of a violent or territorial
verb ("bombed the city of X", "seized X") is the event's place.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from ..records import Actor, ActorMention, PlaceMention
from .arguments import ActorIndex, Argument, across_border
from .triggers import Trigger

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "on", "across", "around", "outside", "inside", "into", "toward",
    "towards", "through", "throughout", "within", "over", "along", "north", "south", "east", "west",
})
OBJECT_DEPS = ("dobj", "nsubjpass")
# A place reached through one of these left the trigger's clause (a relative clause, a
# report's source, "according to ..."): it is not where the event happened.
CLAUSE_BREAKS = ("relcl", "advcl", "ccomp", "parataxis", "appos")
# Prepositions that set where a saying was made ("in Geneva", "at a rally in Kano").
SETTING_PREPS = ("in", "at")
# Events that happen somewhere: meetings and visits, aid, yielding, protest, force,
# coercion and violence. Statements, appeals and condemnations carry no place.
PLACED_ROOTS = frozenset({"04", "07", "08", "14", "15", "17", "18", "19", "20"})
# An agreement signed is signed somewhere ("signed a peace deal in Jeddah"), unlike praise.
PLACED_CODES = frozenset({"057"})
PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}
# An article's places point to one country when at least this share of them, and at least
# this many, lie there.
HOME_SHARE = 0.6
HOME_MIN = 2


class PlaceIndex:
    def __init__(self, doc: Doc, mentions: Sequence[PlaceMention]) -> None:
        self.by_token: dict[int, PlaceMention] = {}
        # the country most of the article's places lie in (see `home_country`)
        self.home = home_country(mentions)
        for mention in mentions:
            if mention.place is None or mention.kind == "demonym":
                continue  # "Syrian forces" name a people, not where the event happened
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)

    def __contains__(self, i: int) -> bool:
        return i in self.by_token

    def get(self, i: int) -> PlaceMention | None:
        return self.by_token.get(i)


def home_country(mentions: Sequence[PlaceMention]) -> str | None:
    """The country where at least HOME_SHARE of an article's places (HOME_MIN or more, not
    counting demonyms) lie: where its people named by their role alone live."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.place is not None and mention.place.country and mention.kind != "demonym":
            counts[mention.place.country] = counts.get(mention.place.country, 0) + 1
    total = sum(counts.values())
    if total < HOME_MIN:
        return None
    country = max(counts, key=counts.__getitem__)
    return country if counts[country] >= HOME_SHARE * total else None


def event_place(trigger: Trigger, places: PlaceIndex, *, taken: set[int]) -> PlaceMention | None:
    """The place of the trigger's event, or None. `taken`: tokens that are its actors."""
    if trigger.rule.code[:2] not in PLACED_ROOTS and trigger.rule.code not in PLACED_CODES:
        return None
    found: list[PlaceMention] = []
    # "bombed the city of X", "seized X", and the place visited: "is due to visit X"
    visit = any(kind == "place" for kind, _ in trigger.rule.targets)
    object_ok = bool(trigger.rule.flags & {"violence", "territory"}) or visit
    owners = list(trigger.tokens)
    clause = _clause_verb(trigger.token)
    if clause is not None and clause not in owners:
        owners.append(clause)  # "X in Aleppo was hit by an attack": the clause's place
    for owner in owners:
        for token in owner.subtree:
            mention = places.get(token.i)
            if mention is None or token.i in taken or mention in found or across_border(token):
                continue  # ("near the border with Mali" is not in Mali)
            if _locative_path(token, owner, object_ok=object_ok, own=owner == trigger.token, to_ok=visit):
                found.append(mention)
    joined = trigger.token.dep_ == "conj" or trigger.token.dep_ == "advcl" and trigger.token.tag_ == "VBG"
    if not found and joined and trigger.token.head.pos_ == "VERB":
        # "police fired tear gas in Nairobi and arrested 64 people", "families gathered in
        # Yerevan, calling for the release of ...": a verb joined to another, or a participle
        # of the same time, shares its clause's place when it names none of its own
        head = trigger.token.head
        for token in head.subtree:
            mention = places.get(token.i)
            if (mention is not None and token.i not in taken and mention not in found and not across_border(token)
                    and not trigger.token.is_ancestor(token) and _locative_path(token, head, object_ok=False)):
                found.append(mention)
    if not found:
        return None
    # the finest place the text gives, first named among equals
    return min(found, key=lambda m: (PRECISION_RANK.get(m.place.precision if m.place else "", 6), m.start))


def said_place(trigger: Trigger, places: PlaceIndex, *, taken: set[int],
               is_setting: Callable[[Token], bool]) -> PlaceMention | None:
    """Where a verbal act (a statement, an appeal, a condemnation: no place of its own in
    `event_place`) was made, when the sentence sets it: a place fronted before the verb's
    subject ("In Mogadishu, the Courts' leader urged Somalis to ..."), or the place of the
    setting of the saying, told on the verb of the act or of the report it is the content
    of, or on a participle of speaking ("told a news conference in Tashkent", "speaking to
    supporters at Istanbul's airport, accused ..."). `is_setting`: whether a word names a
    setting of speech (a conference, a rally; to speak, to address). Not a place on the
    act's object ("condemned the attack in Idlib"): that is the place of what is talked
    about."""
    verbs = [trigger.token]
    current = trigger.token
    while current.dep_ in ("conj", "ccomp", "xcomp") and current.head != current and len(verbs) < 4:
        current = current.head
        verbs.append(current)
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        settings: list[Token] = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in SETTING_PREPS:
                if (subject is not None and child.i < subject.i) or is_setting(verb):
                    settings.append(child)  # fronted ("In Mogadishu, X urged"), or "spoke in Tashkent"
            elif (child.dep_ in ("dobj", "dative", "pobj")
                  or child.dep_ in ("advcl", "acl") and child.tag_ == "VBG") and is_setting(child):
                settings += _setting_preps(child)  # "told a news conference in X", "speaking in X"
        if subject is not None:
            # "Erdogan, speaking to supporters at the airport, accused ...": the participle
            # hangs from the speaker
            settings += [p for c in subject.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"
                         and is_setting(c) for p in _setting_preps(c)]
        found = [m for prep in settings for t in prep.subtree
                 if t.i not in taken and not across_border(t)
                 and (m := places.get(t.i)) is not None and m.place is not None]
        if found:
            return min(found, key=lambda m: (PRECISION_RANK.get(m.place.precision, 6), m.start))
    return None


def _setting_preps(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS]


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a noun trigger sits in, through prepositions and subjects (a
    gerund subject too: "Shelling killed five civilians in Donetsk")."""
    if token.pos_ == "VERB" and token.dep_ in ("nsubj", "csubj") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX"):
            return current if current != token else None
        if current.dep_ not in ("pobj", "agent", "prep", "nsubj", "nsubjpass", "dobj") or current.head == current:
            return None
        current = current.head
    return None


def _locative_path(token: Token, owner: Token, *, object_ok: bool, own: bool = True, to_ok: bool = False) -> bool:
    """`own`: the owner is the trigger itself, whose joined verbs share its places ("attacked
    and looted a clinic in Bukavu"); the verb of a noun trigger's clause does not lend
    it a joined verb's ("condemned the strikes and called on the US ..."). `to_ok`: a
    journey's destination is its place ("will travel to Khartoum")."""
    current = token
    locative = False
    for _ in range(10):
        if current == owner:
            return locative
        head = current.head
        if current.dep_ in CLAUSE_BREAKS or current.lower_ == "according":
            return False
        if current.dep_ == "xcomp" and head == owner and not object_ok:
            return False  # "telephoned his counterpart to discuss the crisis in Gaza": the topic's place
        if not own and current.dep_ == "conj" and current.pos_ in ("VERB", "AUX") and head.pos_ in ("VERB", "AUX"):
            return False  # another clause's place
        if current.dep_ == "prep" and (current.lower_ in LOCATIVE_PREPS or to_ok and current.lower_ == "to"):
            locative = True
        if head == owner and current.dep_ in OBJECT_DEPS and object_ok:
            return True
        if head == current:
            return False
        current = head
    return False


def visited(trigger: Trigger, actors: ActorIndex, places: PlaceIndex) -> list[Argument]:
    """For a visit: the government of the place visited ("arrived in X", "visit X")."""
    for owner in trigger.tokens:
        for child in owner.children:
            heads: list[Token] = []
            if child.dep_ in OBJECT_DEPS:
                heads.append(child)
            elif child.dep_ in ("prep", "dative") and child.lower_ in ("in", "to", "at"):  # "sent a delegation to X"
                heads.extend(g for g in child.children if g.dep_ == "pobj")
            for head in heads:
                for token in head.subtree:
                    capital = [m for m in actors.at(token) if m.kind in ("capital", "country")]
                    if capital:
                        return [Argument(actor=capital[0].actor, mention=capital[0], token=token)]
                    mention = places.get(token.i)
                    if mention is not None and mention.place is not None and mention.place.country:
                        actor = Actor(text=mention.text, name=mention.place.country,
                                      code=mention.place.country, country=mention.place.country)
                        stand_in = ActorMention(start=mention.start, end=mention.end, actor=actor, kind="capital")
                        return [Argument(actor=actor, mention=stand_in, token=token)]
    return []
