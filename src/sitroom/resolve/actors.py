"""The actor stage: who is named in an article, with CAMEO codes, and what it is about.

Names are found by matching the article's folded words against the knowledge base's
phrase index (`knowledge.actors`), not by the model's entity labels, which the small
model gets wrong for many Arabic, Slavic and African names; the model's PERSON entities
only add people the knowledge base does not know. Matches are then composed into noun
phrases ("the Russian and Turkish foreign ministers", "spokesperson for the Iranian
Foreign Ministry", "Foreign Minister Sergei Lavrov"), titles are resolved to their holder
on the article's date, and pronouns and nominal anaphors ("the minister", "the group") to
the mention they refer to.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from ..knowledge.actors import ActorKB, Country, Group, Person, Role, Word, split_words
from ..nlp import datelines, doc_text
from ..records import Actor, ActorMention
from .actor_matching import FORMER_ROLE, Hit, find_hits, is_sponsor, match_words
from .actor_phrases import Phrase, PhraseComposer, hit_country, is_modifier, modifier_country, strip_det
from .later_mentions import LaterMentions
from .person_mentions import PersonMentions
from .role_countries import RoleCountries
from .role_owners import COUNTERPART, UNKNOWN_ARMED_GROUP, RoleOwners
from .unknown_bodies import with_unknown_bodies

# "the", "the two" before a role: part of an anaphor's span (wire archives' capitals too,
# "THE TWO MEN"; not "tHe": a word of odd case is no article).
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|The|THE)\s+(?:(?:two|three|both|TWO|THREE|BOTH)\s+)?$")
# Words that name what an armed group is, not whose: a group whose every name word is one of
# these ("National Liberation Army", "People's Defence Forces") may be any country's group of
# that name, and in an article that never names its country it is another one.
GENERIC_NAME_WORDS = frozenset({"national", "liberation", "army", "people's", "peoples", "popular", "democratic",
                                "front", "forces", "force", "defence", "defense", "revolutionary", "movement",
                                "united", "resistance", "patriotic", "salvation", "self-defence", "self-defense",
                                "militia", "brigade", "brigades", "unity", "freedom", "socialist", "communist",
                                "republican", "islamic", "islamist", "alliance", "union", "council", "party",
                                "of", "the", "for", "and"})
# The backers of an actor, named after it: "rebels backed by Rwandan soldiers", "militiamen,
# backed by a faction of the police," (a part of a body backs as the body: no side of the act).
BACKED_BY_RE = re.compile(r"\b(?:backed|supported|aided|assisted|reinforced)\s+by\s+(?:(?:the|a|an)\s+)?"
                          r"(?:(?:faction|factions|elements|members|units?|parts?|sections?|wing)\s+of\s+(?:the\s+)?)?$")
# How far before a phrase "backed by" (and a part of the body) may end.
BACKED_BY_REACH = 48
# Mentions in the opening of the article weigh more in choosing its focus.
LEAD_CHARS = 600
LEAD_WEIGHT = 2.0
TITLE_WEIGHT = 3.0
# How much one mention of each kind counts towards the article's focus.
FOCUS_WEIGHTS = {"country": 1.0, "demonym": 1.0, "capital": 1.0, "person": 0.5, "group": 0.5}
PLACE_KINDS = frozenset({"country", "demonym", "capital"})
# Groups whose country a modifier may replace ("the Turkish National Security Council").
RECODABLE_KINDS = frozenset({"agency", "igo"})
FORMER_RE = re.compile(r"\b(?:former|retired|ex|one-time|onetime)[\s-]+(?:\w+[\s-]+){0,3}$", re.IGNORECASE)
# An office a group gave itself, not the state's: "the self-proclaimed prime minister",
# "the rebels' self-styled defence minister".
SELF_STYLED_RE = re.compile(r"\b(?:self-proclaimed|self-styled|self-declared|self-appointed)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)


def resolve_span(doc: Doc, start_char: int, end_char: int) -> list[ActorMention]:
    """The actor mentions lying inside [start_char, end_char), in order."""
    return [m for m in (doc._.actors or []) if m.start >= start_char and m.end <= end_char]


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


class ActorStage:
    """Sets `doc._.actors` (mentions sorted by start) and `doc._.focus` (ISO3, heaviest first)."""

    name = "actors"
    requires = ("doc._.article",)
    assigns = ("doc._.actors", "doc._.focus")

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        day = _day(article.published if article is not None else None)
        words = split_words(doc_text(doc))
        hits = find_hits(self.kb, doc, words, day)
        title = article.title if article is not None else None
        # the parser does not see the dateline (prepare.py blanks it); where the report was
        # filed still says which country it is about
        text = doc_text(doc)
        filed = [article.text[start:end] for start, end in datelines(article.text)
                 if not text[start:end].strip()] if article is not None else []
        focus = self.focus(text, hits, title, filed)
        doc._.focus = focus
        home = self.filed_from(article.text) if article is not None else None
        # the dateline's agency says by whom the report was filed: no one in the story
        # ("their leader" is not Reuters'); its place stays, as where the report was filed
        cut = datelines(text)
        told = [h for h in with_unknown_bodies(text, words, hits, focus)
                if is_modifier(h) or not any(start <= h.start < end for start, end in cut)]
        doc._.actors = _Resolver(self.kb, doc, words, told, focus, day, home).run()
        return doc

    def filed_from(self, text: str) -> str | None:
        """The country of the place the article's first dateline names ("TAIPEI, March 11
        (Reuters) -"), or None."""
        for start, end in datelines(text)[:1]:
            line = text[start:end]
            for hit in match_words(self.kb, line, split_words(line)):
                if hit.kind in ("country", "capital"):
                    return hit_country(hit)
        return None

    def focus(self, text: str, hits: Sequence[Hit], title: str | None, filed: Sequence[str] = ()) -> list[str]:
        """Countries the article is about, most weight first (ties: first named first);
        `filed`: the article's datelines ("GOMA, Nov 18 (Reuters) —"), which count as
        mentions in its lead."""
        weight: Counter[str] = Counter()
        first: dict[str, int] = {}
        # a dateline's agency ("KANO, June 10 (AFP) -") says who filed the report, not
        # which country it is about; the dateline's place counts
        cut = datelines(text)
        for hit in hits:
            country = hit_country(hit)
            share = FOCUS_WEIGHTS.get("person" if hit.kind == "surname" else hit.kind, 0.0)
            if country is None or not share or is_sponsor(text, hit):
                continue
            if hit.kind not in PLACE_KINDS and any(start <= hit.start < end for start, end in cut):
                continue
            weight[country] += share * (LEAD_WEIGHT if hit.start < LEAD_CHARS else 1.0)
            first.setdefault(country, hit.start)
        for line in filed:
            for hit in match_words(self.kb, line, split_words(line)):
                country = hit_country(hit)
                if country is not None and hit.kind in ("country", "demonym", "capital"):
                    weight[country] += FOCUS_WEIGHTS[hit.kind] * LEAD_WEIGHT
                    first.setdefault(country, -1)
        if title and title.strip() and title.strip() not in text[:LEAD_CHARS]:
            for hit in match_words(self.kb, title, split_words(title)):
                country = hit_country(hit)
                if country is not None and hit.kind in ("country", "demonym", "capital"):
                    weight[country] += TITLE_WEIGHT
                    first.setdefault(country, -1)
        return sorted(weight, key=lambda c: (-weight[c], first[c]))


# -- resolution -------------------------------------------------------------------------

class _Resolver(PhraseComposer, RoleOwners, RoleCountries, PersonMentions, LaterMentions):
    """Turns the hits of one document into actor mentions (one instance per document); its
    parts: `actor_phrases` composes hits into phrases, `role_owners` and `role_countries`
    say whose a role is, `person_mentions` resolves names, `later_mentions` pronouns and
    recurring names."""

    def __init__(self, kb: ActorKB, doc: Doc, words: Sequence[Word], hits: list[Hit],
                 focus: list[str], day: dt.date | None, home: str | None = None) -> None:
        self.kb, self.doc, self.text, self.words = kb, doc, doc_text(doc), words
        self.hits, self.focus, self.day = hits, focus, day
        self.home = home  # the country the article was filed from (its dateline's)
        self.mentions: list[ActorMention] = []
        self.tenures: dict[tuple[int, int], Person] = {}  # person mention -> its KB row
        self.by_start: dict[int, Phrase] = {}
        self.groups: list[ActorMention] = []  # mentions that name a group, for "the group", "it"
        self._countries: set[str] | None = None  # countries the article names (`_named_countries`)

    def run(self) -> list[ActorMention]:
        phrases = self._phrases()
        self.by_start = {p.start: p for p in phrases}
        for phrase in phrases:
            self.mentions.extend(self._resolve(phrase))
        self.mentions.extend(self._unknown_forces())
        self.mentions = self._led_by()
        self.mentions = self._loyal_to()
        wings = self._wings()  # (drops the country words inside the names it finds)
        self.mentions.extend(wings)
        self.mentions.extend(self._aliases())
        self.mentions = self._people_of_a_side()
        self.mentions.extend(self._pronouns())
        self.mentions.extend(self._plural_pronouns())
        unique = {(m.start, m.end, m.actor.code): m for m in self.mentions}
        return sorted(unique.values(), key=lambda m: (m.start, -m.end))

    # phrases to mentions -------------------------------------------------------------

    def _resolve(self, phrase: Phrase) -> list[ActorMention]:
        return [self._outlet_of_owner(m) for m in self._resolve_phrase(phrase)]

    def _resolve_phrase(self, phrase: Phrase) -> list[ActorMention]:
        kind = phrase.head.kind
        if BACKED_BY_RE.search(self.text, max(0, phrase.start - BACKED_BY_REACH), phrase.start):
            return []  # "M23 rebels backed by Rwandan soldiers pushed into Goma": an ally, no side of the act
        if kind in ("person", "surname", "unknown"):
            found = self._person(phrase)
            return [found] if found is not None else []
        if kind == "role":
            return self._role(phrase)
        if phrase.owner is not None and phrase.modifiers:
            return [self._recoded_body(phrase)]
        return [self._named(phrase.head)]

    def _named(self, hit: Hit, start: int | None = None) -> ActorMention:
        start = hit.start if start is None else start
        entity = hit.entity
        text = self.text[start:hit.end]
        if isinstance(entity, Country):
            code = entity.iso3 + "GOV" if hit.kind == "capital" else entity.iso3
            actor = Actor(text=text, name=entity.name, code=code, country=entity.iso3)
            return ActorMention(start=start, end=hit.end, actor=actor, kind=hit.kind)
        assert isinstance(entity, Group)
        actor = Actor(text=text, name=entity.name, code=entity.code, country=entity.country)
        if self._another_country_s(entity):
            # "the National Liberation Army" in Macedonia is no Colombian ELN
            home = self.focus[0]
            actor = Actor(text=text, name=text, code=home + entity.code[3:], country=home)
        kind = "igo" if entity.kind == "igo" else "group"
        mention = ActorMention(start=start, end=hit.end, actor=actor, kind=kind)
        self.groups.append(mention)
        return mention

    def _another_country_s(self, group: Group) -> bool:
        """A known armed group's generic name ("National Liberation Army") in an article about
        another country that never names the group's own: that country's group of the name."""
        return (group.kind == "armed" and bool(group.country) and len(group.code) == 6 and bool(self.focus)
                and self.focus[0] != group.country and group.country not in self._named_countries()
                and all(w in GENERIC_NAME_WORDS for w in group.name.casefold().split()))

    def _recoded_body(self, phrase: Phrase) -> ActorMention:
        """"Turkish National Security Council": a state body named with another country;
        "Irish National Liberation Army": another country's armed group than the one the
        knowledge knows by the rest of the name (Colombia's)."""
        assert phrase.owner is not None
        group = phrase.owner.entity
        assert isinstance(group, Group)
        country = modifier_country(phrase.modifiers[0])
        national_armed = group.kind == "armed" and group.country is not None
        if (group.kind in RECODABLE_KINDS or national_armed) and country is not None and country != group.country:
            text = self.text[phrase.start:phrase.end]
            suffix = group.code[3:] if group.country else ""
            actor = Actor(text=text, name=strip_det(text), code=country + (suffix or "GOV"), country=country)
            return ActorMention(start=phrase.start, end=phrase.end, actor=actor, kind="compound")
        return self._named(phrase.owner, phrase.start)

    def _role(self, phrase: Phrase) -> list[ActorMention]:
        roles = [h.entity for h in phrase.roles if isinstance(h.entity, Role)]
        last = roles[-1]
        if last.refers == "honorific":
            return []
        named = self._unknown_armed_name(phrase)
        if named is not None:
            # "the Arakan Rohingya Salvation Army": a name the knowledge does not know, with
            # no country or state title in it, is an armed group's, not a state's army
            mention = self._unknown_armed_group(named, phrase.end)
            self.groups.append(mention)
            return [mention]
        start = self._determiner_start(phrase.start)
        text = self.text[start:phrase.end]
        code_role = next((r.role for r in roles if r.role), "")
        if self._former(phrase.start):
            code_role = FORMER_ROLE  # "a former defence minister", "a retired general": no longer in office
        elif last.office and SELF_STYLED_RE.search(self.text[max(0, phrase.start - 40):phrase.start]):
            code_role = UNKNOWN_ARMED_GROUP  # "the self-proclaimed prime minister": of a breakaway group
        owner = self._possessor(phrase, roles, start)
        if owner is not None:
            actor = Actor(text=text, name=strip_det(text), code=owner.code, country=owner.country)
            mention = ActorMention(start=start, end=phrase.end, actor=actor, kind="compound", office=last.office)
            if not last.office:
                self.groups.append(mention)  # "M23 rebels" names the group; "Hamas spokesman" a person
            return [mention]
        # "an ethnic Chinese rebel army": "ethnic" makes the adjective a people's, not a
        # state's; the group is placed as one with no country named
        countries = [c for c in (modifier_country(m) for m in phrase.modifiers if not self._ethnic(m))
                     if c is not None]
        if not countries and last.refers == "instrument":
            owners = [r for r in roles[:-1] if r.refers != "instrument" and r.role]
            if not owners:
                return []  # "a drone struck": a weapon whose owner the text does not name is no actor
            last = owners[-1]  # "rebel drones": the weapon names its owner's kind
        if not countries:
            referred = self._anaphor(phrase, last, start, text)
            if referred is not None:
                return referred
            group = self._kind_after(last, phrase.end) or self._group_spoken_for(last, phrase, start) \
                or self._group_after(last, phrase.end)
            if group is not None:
                actor = Actor(text=text, name=strip_det(text), code=group.actor.code, country=group.actor.country)
                return [ActorMention(start=start, end=phrase.end, actor=actor, kind="compound", office=last.office)]
            if last.country == "focus":
                # "Israeli artillery shelled X, and troops blew up houses": forces named
                # without a country are those of the same kind named earlier in their
                # sentence; "In Paris, a foreign ministry spokesman said": the capital the
                # sentence opens in; otherwise the article's main country's
                named = self._same_kind_in_sentence(code_role, start) \
                    or self._first_told_with_country(code_role, phrase, start) \
                    or self._fronted_capital(start, phrase.end) \
                    or self._capital_after(roles, phrase.end) or self._service_named_before(phrase, start) \
                    or self._speakers_forces(code_role, start, phrase.end, text) \
                    or self._home_official_before(code_role, start, phrase.end, text) \
                    or (self._holders_country(self._office(last)) if not phrase.modifiers else None)
                countries = [named] if named else [self.focus[0]] if self.focus else []
        plural = phrase.roles[-1].entries[0].plural
        out: list[ActorMention] = []
        for country in countries or [None]:
            office = self._office(last)
            if country is not None and office and not plural and phrase.modifiers:
                holder = self.kb.holder(country, office, self.day)
                if holder is not None:
                    out.append(self._person_mention(start, phrase.end, text, holder, kind="title"))
                    continue
            if not code_role:
                continue
            # "gunmen", "Somali gunmen": unnamed perpetrators get no country; "U.S. Navy
            # snipers" are the navy's, whose country the modifier names
            where = None if last.country == "none" and code_role == last.role else country
            actor = Actor(text=text, name=strip_det(text), code=(where or "") + code_role, country=where)
            kind = "compound" if phrase.modifiers else "role"
            out.append(ActorMention(start=start, end=phrase.end, actor=actor, kind=kind, office=office))
        return out

    def _former(self, start: int) -> bool:
        """"former", "retired", "ex-" just before a role: someone who held it once."""
        return bool(FORMER_RE.search(self.text[max(0, start - 40):start]))

    def _determiner_start(self, start: int) -> int:
        found = DETERMINER_BEFORE_RE.search(self.text[max(0, start - 24):start])
        return start - len(found.group()) if found else start

    def _office(self, role: Role) -> str | None:
        """The office a role names; "counterpart" takes the office of the last person named."""
        if role.office != COUNTERPART:
            return role.office
        last = self._last_person(before=len(self.text))
        return last.office if last is not None else None
