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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..knowledge.actors import ActorKB, Country, Entry, Group, Person, Role, Word, name_key, split_words
from ..nlp import datelines, doc_text
from ..records import Actor, ActorMention
from .actor_matching import (FORMER_ROLE, GENERIC_HEADS, INNER_GAP_RE, NAMED_ARMED, OUTSIDE_THE_STATE, Hit,
                             find_hits, is_sponsor, match_words)
from .later_mentions import IT_KINDS, PRONOUN_REACH, SPEECH_VERBS, LaterMentions, code_role, refer
from .unknown_bodies import with_unknown_bodies

# Between a country word and the role it modifies: the "s" of "Iran's" (a list such as
# "Russian and Turkish" is LIST_GAP_RE's; "Russia and rebels" are two actors).
MODIFIER_GAP_WORDS = frozenset({"s"})
# Text between two parts of one phrase that need no parse: spaces, a hyphen, a possessive.
# (a hyphen joins words, "U.S.-backed"; a dash between spaces parts them: "JUBA, South Sudan - The rebels")
ADJACENT_RE = re.compile(r"[ \t]*|-+|['’]s[ \t]+")
# The end of a dotted abbreviation whose last point a match leaves out: "U.S", "U.N".
ABBREVIATION_END_RE = re.compile(r"\b[A-Z]\.[A-Z]$")
MAX_GAP_CHARS = 40
# After a bracketed acronym, before the role it names: "(FMLN) forces", "[PKK] militants".
BRACKET_CLOSE_RE = re.compile(r"[)\]][ \t]+")
# Between two country words of one list: "Russian, Iranian and Syrian", "Iran's and Iraq's".
LIST_GAP_RE = re.compile(r"(?:['’]s)?\s*,?\s*(?:(?:and|or)\s+)?(?:the\s+)?", re.I)
# What ends a list of country words: "Russian, Iranian and Syrian", "Iran's or Iraq's".
LIST_END_RE = re.compile(r"\b(?:and|or)\b|&", re.I)
# A role right after these belongs to the group named last: "its fighters".
GROUP_POSSESSIVE_RE = re.compile(r"\b(?:its|their)\s+$", re.I)
# A person's possessive before the people of a side: "his men", "her supporters".
PERSON_POSSESSIVE_RE = re.compile(r"\b(?:his|her)\s+$", re.I)
# "the", "the two" before a role: part of an anaphor's span.
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|The)\s+(?:(?:two|three|both)\s+)?$")
NUMBER_BEFORE_RE = re.compile(r"\b(two|three|both)\s", re.I)
# "the two men", "both women": two people named before, whoever they are.
PAIR_RE = re.compile(r"(?:the\s+two|both)\s", re.I)
# A sentence that opens in a place: "In Paris, ...".
FRONTED_PLACE_RE = re.compile(r"\s*In\s+(?:neighbouring\s+|neighboring\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*,",
                              re.IGNORECASE)
# Capitalised heads that end the proper names of armed forces, state or not.
ARMED_NAME_HEADS = frozenset({"Army", "Forces", "ARMY", "FORCES"})
# Words that make such a name a state's ("Royal Army", "National Army", "Federal Forces").
STATE_NAME_WORDS = frozenset({"royal", "national", "federal", "republican", "presidential", "regular",
                              "imperial", "armed", "defence", "defense", "security", "the",
                              "task", "joint", "multinational", "coalition", "peacekeeping"})
# The singular head of such a name, which names no actor alone ("a force of 300 men"): a
# name of at least FORCE_NAME_WORDS unknown words before it is an armed group's.
FORCE_HEAD = "Force"
FORCE_NAME_WORDS = 2
# Between a person's role and the group named after it: "a spokesman for the ...".
ROLE_TAIL_RE = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?")
# Words that name what an armed group is, not whose: a group whose every name word is one of
# these ("National Liberation Army", "People's Defence Forces") may be any country's group of
# that name, and in an article that never names its country it is another one.
GENERIC_NAME_WORDS = frozenset({"national", "liberation", "army", "people's", "peoples", "popular", "democratic",
                                "front", "forces", "force", "defence", "defense", "revolutionary", "movement",
                                "united", "resistance", "patriotic", "salvation", "self-defence", "self-defense",
                                "militia", "brigade", "brigades", "unity", "freedom", "socialist", "communist",
                                "republican", "islamic", "islamist", "alliance", "union", "council", "party",
                                "of", "the", "for", "and"})
# What an armed group the knowledge does not know is coded as (CAMEO's rebels).
UNKNOWN_ARMED_GROUP = "REB"
# Kinds of group a person may speak for or lead, named by a role noun: rebels, insurgents,
# radicals, the opposition, the army, the police.
GROUP_KINDS = frozenset({"REB", "INS", "RAD", "OPP", "MIL", "COP"})
PRIVATE_PERSON = "CVL"
COUNTERPART = "counterpart"  # roles.tsv office: the office of the person named before
SPOKESPERSON = "spokesperson"  # roles.tsv office of "spokesman": speaks for whoever spoke before
# The backers of an actor, named after it: "rebels backed by Rwandan soldiers", "militiamen,
# backed by a faction of the police," (a part of a body backs as the body: no side of the act).
BACKED_BY_RE = re.compile(r"\b(?:backed|supported|aided|assisted|reinforced)\s+by\s+(?:(?:the|a|an)\s+)?"
                          r"(?:(?:faction|factions|elements|members|units?|parts?|sections?|wing)\s+of\s+(?:the\s+)?)?$")
# How far before a phrase "backed by" (and a part of the body) may end.
BACKED_BY_REACH = 48
# A person's role of the group named before: "a spokesman for the faction".
GROUP_TAIL_RE = re.compile(r"\s+(?:for|of)\s+the\s+(?:group|organisation|organization|movement|faction|outfit)\b")
# A government role said to be in a place: "a government spokesman in Baku".
PLACE_AFTER_RE = re.compile(r"[ \t]+in[ \t]+")
# Focus countries that break a tie between people sharing a surname.
FOCUS_TIEBREAK = 3
# Part-of-speech tags that may sit between a modifier and its role ("Syrian senior officials").
GAP_POS = frozenset({"ADJ", "DET", "ADV"})
# Words of a title between its country and its office ("U.S. Deputy Secretary of State",
# "Kenya's Acting Foreign Minister"), which the parser tags as names.
TITLE_QUALIFIERS = frozenset({"deputy", "acting", "assistant", "vice", "under", "associate", "interim", "first"})
MAX_GAP_TOKENS = 3
# A role followed by "of"/"for" (the) and a country or body takes that country or body.
OF_TAIL_RE = re.compile(r"^\s+(?:of|for)\s+(?:the\s+)?$", re.I)
# "Esmaeil Baghaei, spokesperson for ..." : an appositive after a name.
APPOSITIVE_RE = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.I)
TITLE_GAP_RE = re.compile(r"^[ \t.]*$")
# Between an office and the name of its holder set off by commas: "the U.N. commander in
# Bosnia, Lieutenant-General Rupert Smith," (the office may say where it is held).
OFFICE_APPOSITION_RE = re.compile(r"(?:\s+(?:in|for|of|to)\s+[A-Z][\w'’ -]{1,30})?\s*,\s*")
# Between an office that said something and the name that opens the next sentence: "the
# Kremlin's spokesman on Chechnya said. Sergei Yastrzhembsky told ...".
DEFERRED_NAME_GAP_RE = re.compile(r"(?:\s+(?:on|for|in)\s+[A-Z][\w'’ -]{1,40})?\s+(?:said|added|told \w+)\.\s+")
# A title shortened with a point ("Mr.", "Gen.", "Lt. Col."): a word of one to four letters.
ABBREVIATED_TITLE_RE = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{1,4}$")
# Roles whose bare noun ("troops", "police") belongs to the country of the same kind named
# earlier in its sentence, before the article's main country.
SENTENCE_BOUND_ROLES = frozenset({"MIL", "COP"})
# Armed groups outside a state's forces: "the militant group" may be any of them named before.
# How often an article must name the country it is filed from (dateline included) for a
# bare title to be that country's office (`_Resolver._local_title`): more than in passing.
LOCAL_TITLE_MENTIONS = 3
# The roles of a state's own officials and forces (`_Resolver._paragraphs_other_state`).
# A blank line or an indented line starts a paragraph (as in recase.py).
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n|\n[ \t]+")
STATE_ROLES = frozenset({"GOV", "MIL"})
NON_STATE_ARMED = frozenset({"REB", "INS", "RAD", "SEP", "UAF"})
# The sides of a story: its most told countries (`_Resolver._speakers_forces`).
SIDES = 2
# Unnamed perpetrators, and the armed groups a definite description of them may stand for.
UNNAMED = "UAF"
# Mentions in the opening of the article weigh more in choosing its focus.
LEAD_CHARS = 600
LEAD_WEIGHT = 2.0
TITLE_WEIGHT = 3.0
# How much one mention of each kind counts towards the article's focus.
FOCUS_WEIGHTS = {"country": 1.0, "demonym": 1.0, "capital": 1.0, "person": 0.5, "group": 0.5}
NUMBER_WORDS = {"two": 2, "three": 3, "both": 2}
# Groups whose country a modifier may replace ("the Turkish National Security Council").
RECODABLE_KINDS = frozenset({"agency", "igo"})
DETERMINERS = ("the ", "a ", "an ")
# How far from a person's tenures a surname alone may still name him, once out of office.
SURNAME_YEARS = 10
FORMER_RE = re.compile(r"\b(?:former|retired|ex|one-time|onetime)[\s-]+(?:\w+[\s-]+){0,3}$", re.IGNORECASE)
# An office a group gave itself, not the state's: "the self-proclaimed prime minister",
# "the rebels' self-styled defence minister".
SELF_STYLED_RE = re.compile(r"\b(?:self-proclaimed|self-styled|self-declared|self-appointed)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)


@dataclass
class Phrase:
    """Hits composed into one noun phrase."""

    start: int
    end: int
    head: Hit
    modifiers: list[Hit] = field(default_factory=list)  # countries, demonyms, capitals, groups
    roles: list[Hit] = field(default_factory=list)
    owner: Hit | None = None  # a group the role belongs to ("Hamas spokesman")


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
                if _is_modifier(h) or not any(start <= h.start < end for start, end in cut)]
        doc._.actors = _Resolver(self.kb, doc, words, told, focus, day, home).run()
        return doc

    def filed_from(self, text: str) -> str | None:
        """The country of the place the article's first dateline names ("TAIPEI, March 11
        (Reuters) -"), or None."""
        for start, end in datelines(text)[:1]:
            line = text[start:end]
            for hit in match_words(self.kb, line, split_words(line)):
                if hit.kind in ("country", "capital"):
                    return _hit_country(hit)
        return None

    def focus(self, text: str, hits: Sequence[Hit], title: str | None, filed: Sequence[str] = ()) -> list[str]:
        """Countries the article is about, most weight first (ties: first named first);
        `filed`: the article's datelines ("GOMA, Nov 18 (Reuters) —"), which count as
        mentions in its lead."""
        weight: Counter[str] = Counter()
        first: dict[str, int] = {}
        for hit in hits:
            country = _hit_country(hit)
            share = FOCUS_WEIGHTS.get("person" if hit.kind == "surname" else hit.kind, 0.0)
            if country is None or not share or is_sponsor(text, hit):
                continue
            weight[country] += share * (LEAD_WEIGHT if hit.start < LEAD_CHARS else 1.0)
            first.setdefault(country, hit.start)
        for line in filed:
            for hit in match_words(self.kb, line, split_words(line)):
                country = _hit_country(hit)
                if country is not None and hit.kind in ("country", "demonym", "capital"):
                    weight[country] += FOCUS_WEIGHTS[hit.kind] * LEAD_WEIGHT
                    first.setdefault(country, -1)
        if title and title.strip() and title.strip() not in text[:LEAD_CHARS]:
            for hit in match_words(self.kb, title, split_words(title)):
                country = _hit_country(hit)
                if country is not None and hit.kind in ("country", "demonym", "capital"):
                    weight[country] += TITLE_WEIGHT
                    first.setdefault(country, -1)
        return sorted(weight, key=lambda c: (-weight[c], first[c]))


def _hit_country(hit: Hit) -> str | None:
    entity = hit.entity
    if isinstance(entity, Country):
        return entity.iso3
    if isinstance(entity, (Person, Group)):
        return entity.country
    return None


# -- resolution -------------------------------------------------------------------------

class _Resolver(LaterMentions):
    """Turns the hits of one document into actor mentions (one instance per document)."""

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
        wings = self._wings()  # (drops the country words inside the names it finds)
        self.mentions.extend(wings)
        self.mentions.extend(self._aliases())
        self.mentions = self._people_of_a_side()
        self.mentions.extend(self._pronouns())
        self.mentions.extend(self._plural_pronouns())
        unique = {(m.start, m.end, m.actor.code): m for m in self.mentions}
        return sorted(unique.values(), key=lambda m: (m.start, -m.end))

    # composing hits into phrases -----------------------------------------------------

    def _phrases(self) -> list[Phrase]:
        hits = self.hits
        phrases: list[Phrase] = []
        i = 0
        while i < len(hits):
            phrase, j = self._phrase_at(i)
            j = self._titled_name(phrase, j)
            phrases.append(phrase)
            i = j
        return phrases

    def _phrase_at(self, i: int) -> tuple[Phrase, int]:
        """The phrase starting at hit i and the index of the hit after it."""
        hits = self.hits
        modifiers: list[Hit] = []
        j = i
        while j < len(hits) and _is_modifier(hits[j]) and self._modifies(hits[j]):
            modifiers.append(hits[j])
            j += 1
            if not (j < len(hits) and _is_modifier(hits[j]) and self._gap_ok(hits[j - 1], hits[j])):
                break
        if len(modifiers) > 1 and not LIST_END_RE.search(self._gap(modifiers[-2], modifiers[-1])):
            # "... toward Taiwan, U.S. officials said": a list ends with "and" or "or"; a comma
            # alone parts two phrases
            modifiers, j = modifiers[:1], i + 1
        if modifiers and j < len(hits) and self._gap_ok(modifiers[-1], hits[j]):
            if hits[j].kind == "role":
                roles, k = self._roles_from(j)
                phrase = Phrase(modifiers[0].start, roles[-1].end, roles[-1], modifiers, roles)
                return phrase, k
            if hits[j].kind == "group" and self._adjacent(modifiers[-1], hits[j]):
                phrase = Phrase(modifiers[0].start, hits[j].end, hits[j], modifiers, [], hits[j])
                return phrase, j + 1
        first = hits[i]
        if first.kind == "role":
            roles, k = self._roles_from(i)
            phrase = Phrase(first.start, roles[-1].end, roles[-1], [], roles)
            return phrase, self._of_tail(phrase, k)
        # ("pro-Taliban militants" are not the Taliban's: a group backed is no owner)
        if first.kind == "group" and i + 1 < len(hits) and hits[i + 1].kind == "role" and self._modifies(first) \
                and (self._adjacent(first, hits[i + 1]) or self._bracketed_before(first, hits[i + 1])
                     or self._office_of_body(first, hits[i + 1])):
            roles, k = self._roles_from(i + 1)
            return Phrase(first.start, roles[-1].end, roles[-1], [], roles, first), k
        return Phrase(first.start, first.end, first), i + 1

    def _roles_from(self, j: int) -> tuple[list[Hit], int]:
        roles = [self.hits[j]]
        j += 1
        while j < len(self.hits) and self.hits[j].kind == "role" and self._adjacent(roles[-1], self.hits[j]):
            roles.append(self.hits[j])
            j += 1
        return roles, j

    def _modifies(self, hit: Hit) -> bool:
        return not is_sponsor(self.text, hit)

    def _adjacent(self, a: Hit, b: Hit) -> bool:
        return bool(ADJACENT_RE.fullmatch(self._gap(a, b)))

    def _gap(self, a: Hit, b: Hit) -> str:
        """The text between two hits; the closing point of an abbreviation ("U.S. Secretary
        of State", "U.N. humanitarian chief") belongs to the first, not to the gap."""
        gap = self.text[a.end:b.start]
        if gap.startswith(".") and ABBREVIATION_END_RE.search(self.text[max(0, a.end - 3):a.end]):
            return gap[1:]
        return gap

    def _office_of_body(self, group: Hit, role: Hit) -> bool:
        """"U.N. humanitarian chief Valerie Amos", "the U.N. human rights chief": a body's
        name, a few words saying which of its branches, then an office held by a person."""
        if not any(isinstance(e.entity, Role) and (e.entity.office or e.entity.refers == "person")
                   for e in role.entries):
            return False
        span = self.doc.char_span(group.end, role.start, alignment_mode="expand")
        words = [t for t in span if t.idx >= group.end and not t.is_space and not t.is_punct] if span is not None else []
        return 0 < len(words) <= MAX_GAP_TOKENS and "\n" not in self._gap(group, role) and all(
            t.pos_ in ("ADJ", "NOUN") and t.text.islower() for t in words)

    def _bracketed_before(self, group: Hit, role: Hit) -> bool:
        """"the Liberation Front (FMLN) forces": a group's acronym in brackets before a role."""
        return self.text[group.start - 1:group.start] in ("(", "[") and bool(
            BRACKET_CLOSE_RE.fullmatch(self.text[group.end:role.start]))

    def _gap_ok(self, a: Hit, b: Hit) -> bool:
        """May `a` modify `b` across the text between them ("Iran's", "Russian and Turkish")?"""
        gap = self._gap(a, b)
        if "\n" in gap or len(gap) > MAX_GAP_CHARS:
            return False
        between = self.doc.char_span(a.end, b.end, alignment_mode="expand")
        if between is not None and any(t.is_sent_start and a.end <= t.idx <= b.start for t in between):
            return False  # "JUBA, South Sudan - The rebels said": a dateline's country is no one's modifier
        if ADJACENT_RE.fullmatch(gap):
            return True
        if _is_modifier(a) and _is_modifier(b):
            return bool(LIST_GAP_RE.fullmatch(gap))  # "Russian, Iranian and Syrian"
        span = self.doc.char_span(a.end, b.start, alignment_mode="expand")
        # (not the token a modifier ends inside: "U.S." of a hit "U.S")
        tokens = [t for t in span if not t.is_space and t.idx >= a.end] if span is not None else []
        if len(tokens) > MAX_GAP_TOKENS:
            return False
        for token in tokens:
            if token.lower_ in MODIFIER_GAP_WORDS or token.text in ("'s", "’s", "-", "'", "’"):
                continue
            if token.pos_ in GAP_POS or token.lower_ in TITLE_QUALIFIERS and _is_modifier(a) and b.kind == "role":
                continue
            return False
        return True

    def _of_tail(self, phrase: Phrase, j: int) -> int:
        """"spokesperson for the Iranian Foreign Ministry", "foreign minister of Iran"."""
        hits = self.hits
        if j >= len(hits) or not OF_TAIL_RE.match(self.text[phrase.end:hits[j].start]):
            return j
        tail, k = self._phrase_at(j)
        if tail.head.kind == "role" and self.text[phrase.head.start:phrase.head.end].lower() in GENERIC_HEADS:
            # "leaders of Egypt's Sufi orders", "members of the militia": the body they lead
            phrase.head, phrase.roles = tail.head, tail.roles
        if tail.owner is not None and not tail.modifiers:
            phrase.owner = tail.owner
        elif tail.head.kind == "group" and not tail.roles and not tail.modifiers and _a_persons(phrase):
            # "Tendai Moyo, leader of the MDC", "a spokesman for Hamas": the group's person
            phrase.owner = tail.head
        elif tail.modifiers or _is_modifier(tail.head):
            phrase.modifiers = tail.modifiers or [tail.head]
        else:
            return j
        phrase.end = tail.end
        return k

    def _titled_name(self, phrase: Phrase, j: int) -> int:
        """"Foreign Minister Sergei Lavrov", "Mr. Lavrov": a title joins the name after it."""
        hits = self.hits
        if not phrase.roles and phrase.owner is None:
            return j
        if j >= len(hits) or hits[j].kind not in ("person", "surname", "unknown"):
            return j
        gap = self.text[phrase.end:hits[j].start]
        if not TITLE_GAP_RE.match(gap):
            return j
        if "." in gap and not ABBREVIATED_TITLE_RE.search(self.text[max(0, phrase.end - 6):phrase.end]):
            return j  # "Kiir told reporters. Machar said": a full stop, not "Mr. Lavrov"
        phrase.head = hits[j]
        phrase.end = hits[j].end
        return j + 1

    # phrases to mentions -------------------------------------------------------------

    def _resolve(self, phrase: Phrase) -> list[ActorMention]:
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
        country = _modifier_country(phrase.modifiers[0])
        national_armed = group.kind == "armed" and group.country is not None
        if (group.kind in RECODABLE_KINDS or national_armed) and country is not None and country != group.country:
            text = self.text[phrase.start:phrase.end]
            suffix = group.code[3:] if group.country else ""
            actor = Actor(text=text, name=_strip_det(text), code=country + (suffix or "GOV"), country=country)
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
            actor = Actor(text=text, name=_strip_det(text), code=owner.code, country=owner.country)
            mention = ActorMention(start=start, end=phrase.end, actor=actor, kind="compound", office=last.office)
            if not last.office:
                self.groups.append(mention)  # "M23 rebels" names the group; "Hamas spokesman" a person
            return [mention]
        # "an ethnic Chinese rebel army": "ethnic" makes the adjective a people's, not a
        # state's; the group is placed as one with no country named
        countries = [c for c in (_modifier_country(m) for m in phrase.modifiers if not self._ethnic(m))
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
                actor = Actor(text=text, name=_strip_det(text), code=group.actor.code, country=group.actor.country)
                return [ActorMention(start=start, end=phrase.end, actor=actor, kind="compound", office=last.office)]
            if last.country == "focus":
                # "Israeli artillery shelled X, and troops blew up houses": forces named
                # without a country are those of the same kind named earlier in their
                # sentence; "In Paris, a foreign ministry spokesman said": the capital the
                # sentence opens in; otherwise the article's main country's
                named = self._same_kind_in_sentence(code_role, start) or self._fronted_capital(start, phrase.end) \
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
            where = None if last.country == "none" else country
            actor = Actor(text=text, name=_strip_det(text), code=(where or "") + code_role, country=where)
            kind = "compound" if phrase.modifiers else "role"
            out.append(ActorMention(start=start, end=phrase.end, actor=actor, kind=kind, office=office))
        return out

    def _unknown_armed_name(self, phrase: Phrase) -> int | None:
        """Where the proper name starts that a capitalised "Army" or "Forces" ends, when
        the knowledge knows none of its words and none is a state's title ("Royal",
        "National"): "Kachin Independence Army", "Ambazonia Defence Forces". None otherwise."""
        if phrase.modifiers or phrase.owner is not None or len(phrase.roles) != 1:
            return None
        word = self.text[phrase.roles[0].start:phrase.end]
        # (the role may be of several capitalised words: "Ambazonia Defence Forces")
        if not word.split() or word.split()[-1] not in ARMED_NAME_HEADS or not all(w[:1].isupper() for w in word.split()):
            return None
        return self._name_before(phrase.roles[0].start, phrase.end)

    def _name_before(self, head_start: int, end: int, min_words: int = 1) -> int | None:
        """Where the capitalised words the knowledge does not know, right before the head
        word at [head_start, end), start (at least `min_words` of them); None otherwise."""
        head = self.doc.char_span(head_start, end, alignment_mode="expand")
        sent_start = head.sent.start_char if head is not None else 0
        # A name does not run back over a sentence's end: "... on Monday. Army commandos".
        before = [w for w in self.words if sent_start <= w.start and w.end <= head_start]
        start = None
        count = 0
        for w in reversed(before):
            gap = self.text[w.end:(start if start is not None else head_start)]
            if not INNER_GAP_RE.match(gap) or "\n" in gap or not w.text[:1].isupper() \
                    or w.key in STATE_NAME_WORDS or any(h.start < w.end and w.start < h.end for h in self.hits):
                break
            start = w.start
            count += 1
        if start is None or count < min_words:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or (span[0].is_sent_start and len(span) < 3):
            return None  # "Army troops ...", "Yesterday Army ...": a sentence's first word
        return start

    def _unknown_forces(self) -> list[ActorMention]:
        """"The Malaita Eagle Force said": a proper name the knowledge does not know, of at
        least two capitalised words before a capitalised "Force" ("force" alone names no
        actor), is an armed group's, as one ending in "Army" or "Forces" is; a state's
        force is named with a word of `STATE_NAME_WORDS` ("Joint Task Force") or one the
        knowledge knows ("Central Reserve Police Force", "Royal Air Force")."""
        out: list[ActorMention] = []
        for word in self.words:
            if word.text != FORCE_HEAD or any(h.start < word.end and word.start < h.end for h in self.hits):
                continue
            start = self._name_before(word.start, word.end, min_words=FORCE_NAME_WORDS)
            if start is None:
                continue
            mention = self._unknown_armed_group(start, word.end)
            self.groups.append(mention)
            out.append(mention)
        return out

    def _fronted_capital(self, start: int, end: int) -> str | None:
        """The country of the capital (or the country) a sentence opens with, before the
        role at [start, end) that is the sentence's subject: "In Paris, a foreign ministry
        spokesman condemned ...", "In neighbouring Cameroon, the army said ..." (wire copy's
        way of saying whose officials speak). Whom they speak
        to or of is not placed by it: "In Accra, the mediator appealed to the government
        and the rebels" (of the country the talks are about)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _subject(span.root):
            return None
        sent = span[0].sent
        opening = FRONTED_PLACE_RE.match(self.text, sent.start_char)
        if opening is None or opening.end() > start:
            return None
        hit = next((h for h in self.hits if h.start == opening.start(1) and h.kind in ("capital", "country")), None)
        return _hit_country(hit) if hit is not None else None

    def _capital_after(self, roles: list[Role], end: int) -> str | None:
        """The country of the capital right after a role that says it is the government's:
        "a government spokesman in Baku denied the charge", "officials in Ankara said" speak
        for that capital's government, whichever country the article is mostly about (not a
        bare "a spokesman in London", who may speak for an exile)."""
        if not any(r.role == "GOV" and not r.office for r in roles):
            return None
        place = PLACE_AFTER_RE.match(self.text, end)
        if place is None:
            return None
        hit = next((h for h in self.hits if h.start == place.end() and h.kind == "capital"), None)
        return _hit_country(hit) if hit is not None else None

    def _group_after(self, role: Role, end: int) -> ActorMention | None:
        """"A spokesman for the faction", "a leader of the movement": a person's role "for" or
        "of" the group anaphor is the group the anaphor names (the one a sentence was about
        last), not the article's government."""
        if not (role.office or role.refers == "person"):
            return None
        named = self._armed_name_after(end)
        if named is not None:
            return named
        if not GROUP_TAIL_RE.match(self.text, end):
            return None
        previous = [m for m in self.groups if m.end <= end]
        subjects = [m for m in previous if self._was_subject(m)]
        return (subjects or previous or [None])[-1]

    def _kind_after(self, role: Role, end: int) -> ActorMention | None:
        """"A spokesman for the rebels", "a commander of the insurgents", "a spokesman for the
        army": a person's role "for" or "of" a kind of group named by its role noun is that
        group's (of the country its phrase names, else the article's main one), not the
        government's."""
        if not (role.office or role.refers == "person"):
            return None
        tail = ROLE_TAIL_RE.match(self.text, end)
        phrase = self.by_start.get(tail.end()) if tail is not None else None
        if phrase is None or phrase.owner is not None:
            return None
        kinds = [h.entity for h in phrase.roles if isinstance(h.entity, Role)]
        if not kinds or kinds[-1].role not in GROUP_KINDS or kinds[-1].office:
            return None
        countries = [c for c in (_modifier_country(m) for m in phrase.modifiers if not self._ethnic(m)) if c]
        country = countries[0] if countries else self.focus[0] if self.focus else None
        text = self.text[phrase.start:phrase.end]
        actor = Actor(text=text, name=text, code=(country or "") + kinds[-1].role, country=country)
        return ActorMention(start=phrase.start, end=phrase.end, actor=actor, kind="compound")

    def _armed_name_after(self, end: int) -> ActorMention | None:
        """"A spokesman for the Ambazonia Defence Forces": an armed group's name the knowledge
        does not know, right after "for" or "of" (the), is the group the person belongs to."""
        tail = ROLE_TAIL_RE.match(self.text, end)
        if tail is None:
            return None
        for phrase in self.by_start.values():
            if end < phrase.start <= tail.end() + MAX_GAP_CHARS and self._unknown_armed_name(phrase) == tail.end():
                return self._unknown_armed_group(tail.end(), phrase.end)
        return None

    def _unknown_armed_group(self, start: int, end: int) -> ActorMention:
        """The armed group an unknown name at [start, end) names: the article's main country's
        rebels (CAMEO's REB), not a state's army."""
        text = self.text[start:end]
        country = self.focus[0] if self.focus else None
        actor = Actor(text=text, name=text, code=(country or "") + UNKNOWN_ARMED_GROUP, country=country)
        return ActorMention(start=start, end=end, actor=actor, kind="compound")

    def _group_spoken_for(self, role: Role, phrase: Phrase, start: int) -> ActorMention | None:
        """The group a spokesman no organisation is named for speaks for: "The Northern
        Front claimed the attack. Spokesman X warned ...", "... a spokesman said": the group
        that was the subject of the sentence before (or earlier in the spokesman's own), when
        it is a named group or body, not a state's office or force."""
        if role.office != SPOKESPERSON or phrase.modifiers or phrase.owner is not None:
            return None
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return None
        sent = token[0].sent
        before = self.doc[sent.start - 1].sent if sent.start > 0 else None
        begin = before.start_char if before is not None else sent.start_char
        subjects = [m for m in self.mentions if begin <= m.start and m.end <= start and m.actor.code
                    and self._is_subject(m)]
        if not subjects:
            return None
        own = [m for m in subjects if m.start >= sent.start_char]
        subject = (own or subjects)[0]  # the spokesman's own sentence's subject, else the one before
        if not (subject in self.groups or subject.kind in ("group", "igo", "alias")):
            return None
        return subject

    def _ethnic(self, modifier: Hit) -> bool:
        """A country's adjective right after "ethnic" ("ethnic Albanian guerrillas")."""
        return self.text[max(0, modifier.start - 8):modifier.start].casefold().rstrip().endswith("ethnic")

    def _service_named_before(self, phrase: Phrase, start: int) -> str | None:
        """"U.S. Marines stormed the town ... since the Marines launched the offensive":
        a service whose name is capitalised inside a sentence (not a common noun such as
        "troops"), named again without its country, is the service of the one country it was
        named with before; with two countries, or none, it is not decided here. The service
        may name a role's unit: "The Marine commander" after "U.S. Marines"."""
        for role in reversed(phrase.roles):
            word = self.text[role.start:role.end].split()[0]  # "Marine commander": its service
            if not word[:1].isupper() or word.isupper():
                continue
            token = self.doc.char_span(role.start, role.start + len(word), alignment_mode="expand")
            if token is None or (token[0].is_sent_start and word == self.text[role.start:role.end]):
                continue  # (a sentence's first word may be capitalised for that alone; not "Marine officers")
            stem = word.casefold().rstrip("s")
            countries = {m.actor.country for m in self.mentions
                         if m.end <= start and m.kind == "compound" and m.actor.country
                         and m.actor.text.split()[-1].casefold().rstrip("s") == stem}
            return countries.pop() if len(countries) == 1 else None
        return None

    def _same_kind_in_sentence(self, code_role: str, start: int) -> str | None:
        """The country of the last mention of `code_role` (forces: MIL, police: COP) with
        a country, earlier in the sentence that holds `start`."""
        if code_role not in SENTENCE_BOUND_ROLES:
            return None
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return None
        sentence_start = token.sent.start_char
        for mention in reversed(self.mentions):
            if sentence_start <= mention.start and mention.end <= start and mention.actor.country \
                    and (mention.actor.code or "").endswith(code_role):
                return mention.actor.country
        return None

    def _speakers_forces(self, role: str, start: int, end: int, text: str) -> str | None:
        """"Ukraine's president said the armed forces had been put on alert", "the defence
        minister said troops were being moved north": forces an official of a side reports on
        without naming whose are his own state's where the report tells an act done to them
        with no doer named (his side did it), or, for "the army", "the police", where the report is
        filed from his country. A foreign official's "the army" is the one the story is about:
        the main country's, the default."""
        if role not in SENTENCE_BOUND_ROLES or not self.focus:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        clause = span.root
        while clause.dep_ != "ccomp" and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in SPEECH_VERBS:
            return None
        countries = {m.actor.country for m in self._subject_mentions(verb) if code_role(m.actor.code) in STATE_ROLES}
        if len(countries) != 1:
            return None
        country = countries.pop()
        # (of a side of the story, its two most told countries: a third state's diplomat
        # reports on others' forces)
        done_to = span.root.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in span.root.head.children) \
            and country in self.focus[:SIDES]
        filed_home = country == self.home and text.casefold().startswith("the ")
        return country if country != self.focus[0] and (done_to or filed_home) else None

    def _home_official_before(self, role: str, start: int, end: int, text: str) -> str | None:
        """"TAIPEI - ... President Lee Teng-hui urged calm. The defence ministry put the armed
        forces on high alert": in a report filed from a country, a state body told bare, as
        the subject of the sentence right after one whose subject is that country's official
        (same paragraph), is that country's."""
        if role not in STATE_ROLES | SENTENCE_BOUND_ROLES or not self.focus or self.home in (None, self.focus[0]) \
                or not text.casefold().startswith("the "):
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass") or span[0].sent.start == 0:
            return None
        sent = span[0].sent
        before = self.doc[sent.start - 1].sent
        if PARAGRAPH_BREAK_RE.search(self.text, before.start_char, sent.start_char):
            return None
        speakers = self._subject_mentions(before.root)
        if speakers and all(m.actor.country == self.home and code_role(m.actor.code) in STATE_ROLES
                            and m.kind in ("person", "title", "compound") for m in speakers):
            return self.home
        return None

    def _holders_country(self, office: str | None) -> str | None:
        """"the emir's guard" in a story of Iraq's invasion of Kuwait: a bare office the main
        country never had a holder of, that one other country the article names has on the
        article's day, is that country's."""
        if office is None or not self.focus or self.kb.ever_held(self.focus[0], office):
            return None
        holders = {c for c in self._named_countries() - {self.focus[0]} if self.kb.holder(c, office, self.day)}
        return holders.pop() if len(holders) == 1 else None

    def _subject_mentions(self, verb: Token) -> list[ActorMention]:
        """The mentions within the subject of `verb`, up to the subject's head word ("Ukraine's
        acting President Oleksandr Turchynov")."""
        return [m for t in verb.children if t.dep_ == "nsubj" for m in self.mentions
                if t.left_edge.idx <= m.start and m.end <= t.idx + len(t.text) and m.actor.country]

    def _possessor(self, phrase: Phrase, roles: list[Role], start: int) -> Actor | None:
        """The group a role belongs to: "Hamas spokesman", "its fighters", "the group's spokesman"."""
        if phrase.owner is not None:
            group = phrase.owner.entity
            assert isinstance(group, Group)
            return Actor(text=group.name, name=group.name, code=group.code, country=group.country)
        if roles[-1].role == UNNAMED:
            return None  # "their captors", "his killers": the possessor is who suffered the deed
        anaphoric = len(roles) > 1 and roles[0].refers == "group" and not roles[0].role
        before = self.text[max(0, start - 8):start]
        if not phrase.modifiers and phrase.roles[-1].entries[0].plural and not roles[-1].office \
                and PERSON_POSSESSIVE_RE.search(before):
            return self._leaders_side(start)
        possessive = GROUP_POSSESSIVE_RE.search(before)
        if phrase.modifiers or not (anaphoric or possessive):
            return None
        previous = [m for m in self.groups if m.end <= start and start - m.end <= PRONOUN_REACH]
        word = possessive.group().strip().lower() if possessive else ""
        if word == "its":
            owner = self._subjects_possessor(start - len(possessive.group()))
            if owner is not None:
                return owner.actor
            # "The army said its aircraft had struck ...": "its" is whoever "it" would be,
            # the last singular subject, not only the last group
            previous += [m for m in self.mentions if m.kind in IT_KINDS and m.end <= start
                         and start - m.end <= PRONOUN_REACH and m.actor.code and self._singular(m)
                         and self._is_subject(m)]
            previous.sort(key=lambda m: m.end)
        elif word == "their":
            # "The rebels said they had repulsed an army advance. Their leader vowed ...":
            # "their" is also a side named by its role in the plural as a subject before it
            previous += [m for m in self.mentions if m.kind in ("role", "compound") and m.end <= start
                         and start - m.end <= PRONOUN_REACH and m.actor.code and not self._singular(m)
                         and self._is_subject(m)]
            previous.sort(key=lambda m: m.end)
        return previous[-1].actor if previous else None

    def _leaders_side(self, start: int) -> Actor | None:
        """"A rebel commander said his men had repelled an attack": the people of a person
        ("his men", "her supporters") are the side of the person their sentence named as a
        subject before them, when that person's side is known."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return None
        sent = token[0].sent
        people = [m for m in self.mentions if sent.start_char <= m.start and m.end <= start and m.actor.code
                  and (m.kind in ("person", "title") or m.office
                       or m.kind in ("compound", "role") and self._singular(m))
                  and self._is_subject(m)]
        return people[-1].actor if people else None

    def _subjects_possessor(self, start: int) -> ActorMention | None:
        """"The rebels' northern command claimed that its fighters had killed ...": "its" in a
        sentence whose subject is a possessive and a noun that names no actor itself (a
        command, a wing, an office) is the possessor's, not the last body named before."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None or token[0].lower_ != "its":
            return None
        sent = token[0].sent
        for noun in sent:
            if noun.idx >= start:
                break
            if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ != "NOUN":
                continue
            if any(m.start <= noun.idx < m.end for m in self.mentions):
                return None  # the subject is an actor of its own ("the army's spokesman")
            owners = [c for c in noun.children if c.dep_ == "poss"]
            found = [m for m in self.mentions for c in owners if m.start <= c.idx < m.end and m.actor.code]
            return found[-1] if found else None
        return None

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

    def _anaphor(self, phrase: Phrase, role: Role, start: int, text: str) -> list[ActorMention] | None:
        """"the minister", "the two ministers", "the group": the mention(s) referred to."""
        named = self._body_by_its_noun(phrase, role, start, text)
        if named is not None:
            return [refer(named, start, phrase.end, text, "group")]
        if role.role and text.casefold().startswith("the ") and text.split()[-1].casefold() in self.kb.anaphors \
                and not phrase.roles[-1].entries[0].plural:
            # "the militant group", "the rights group": the group of its kind named last
            previous = [m for m in self.groups if m.end <= start and _kin(role.role, code_role(m.actor.code))]
            if previous:
                return [refer(previous[-1], start, phrase.end, text, "group")]
        if role.role == UNNAMED and text.casefold().startswith("the ") and self._plural_at(phrase.end):
            # "the attackers", "the gunmen": once an armed group has been told as a doer (a
            # subject), the definite description of unnamed perpetrators is that group, the
            # last such (one "gunman" is a person of his own)
            previous = [m for m in self.groups if m.end <= start and code_role(m.actor.code) in NAMED_ARMED
                        and (self._was_subject(m) or self._members_were_subject(m))]
            # (but "gunmen killed a trader ... the gunmen fled": unnamed ones told since)
            if previous and not any(previous[-1].end <= m.start < start and code_role(m.actor.code) == UNNAMED
                                    for m in self.mentions):
                return [refer(previous[-1], start, phrase.end, text, "group")]
        if role.role in NAMED_ARMED and text.casefold().startswith("the ") and self._plural_at(phrase.end) \
                and not phrase.modifiers:
            # "M23 rebels took Goma ... the rebels": the definite plural of a kind of armed
            # group is the group of that kind named last (the one a sentence was about first)
            previous = [m for m in self.groups if m.end <= start and _kin(role.role, code_role(m.actor.code))]
            subjects = [m for m in previous if self._was_subject(m) or self._members_were_subject(m)]
            if previous:
                return [refer((subjects or previous)[-1], start, phrase.end, text, "group")]
        pair = PAIR_RE.match(text)
        if pair and role.role == PRIVATE_PERSON:
            # "the two men had agreed", "both women": the last two people named, whatever
            # their office
            return self._last_people(2, start, phrase.end, text, lambda mention: True)
        if not role.refers or start == phrase.start and not text.casefold().startswith("the "):
            return None
        if role.refers == "group":
            previous = [m for m in self.groups if m.end <= start]
            if not previous:
                return None
            # the group a sentence was about (its subject) before one only listed in passing
            # ("M23 rebels captured Lubero ... seven members of the Wazalendo militias ... the
            # rebels' spokesman said the group had liberated the town")
            subjects = [m for m in previous if self._was_subject(m)]
            return [refer((subjects or previous)[-1], start, phrase.end, text, "group")]
        if role.office in (None, COUNTERPART):
            return None
        number = NUMBER_BEFORE_RE.search(text)
        count = NUMBER_WORDS[number.group(1).casefold()] if number else 1
        office = role.office
        return self._last_people(count, start, phrase.end, text, lambda mention: self._fits(office, mention))

    def _body_by_its_noun(self, phrase: Phrase, role: Role, start: int, text: str) -> ActorMention | None:
        """"the U.N. Security Council voted ... The council's decision": a definite singular
        role noun that ends the name of a body named before is that body, not the article's
        government. Not for a state's forces ("the army" after a rebel "Army")."""
        if role.role in SENTENCE_BOUND_ROLES or phrase.modifiers or len(phrase.roles) != 1 \
                or not text.casefold().startswith("the ") or phrase.roles[-1].entries[0].plural:
            return None
        noun = self.text[phrase.roles[-1].start:phrase.roles[-1].end].casefold()
        if " " in noun:
            return None
        for mention in reversed(self.mentions):
            if mention.end > start or mention.kind not in ("group", "igo") or not mention.actor.code:
                continue
            words = mention.actor.text.split()
            if len(words) > 1 and words[-1].casefold() == noun:
                return mention
        return None

    def _last_people(self, count: int, start: int, end: int, text: str,
                     fits: Callable[[ActorMention], bool]) -> list[ActorMention] | None:
        """The last `count` distinct people named or titled before `start` that fit."""
        people: list[ActorMention] = []
        for mention in reversed(self.mentions):
            if mention.end > start or mention.kind not in ("person", "title") or mention.antecedent:
                continue
            if not fits(mention) or any(p.actor.name == mention.actor.name for p in people):
                continue
            people.append(mention)
            if len(people) == count:
                break
        if len(people) < count:
            return None
        return [refer(p, start, end, text, "title") for p in reversed(people)]

    def _fits(self, office: str, mention: ActorMention) -> bool:
        tenure = self.tenures.get((mention.start, mention.end))
        if tenure is not None and tenure.holds(office):
            return True
        held = " ".join(tenure.offices + (tenure.title,)) if tenure is not None else (mention.office or "")
        return office in held.split() or office in held

    def _person(self, phrase: Phrase) -> ActorMention | None:
        head = phrase.head
        text = self.text[phrase.start:phrase.end]
        if head.kind == "person":
            person = self._choose(head.entries) or head.entity  # namesakes: by date and focus
            assert isinstance(person, Person)
            if self._near_in_time(person) or self._title_actor(phrase) is None:
                mention = self._person_mention(phrase.start, phrase.end, text, person)
                return self._as_titled(mention, phrase)
            # "Foreign Minister Mahamoud Ali Youssouf" in 2008: the knowledge holds him for an
            # office taken long after the article's day; the text's own title says who he was
        name = self.text[head.start:head.end]
        earlier = self._earlier_person(name, phrase.start)
        if earlier is not None:
            return refer(earlier, phrase.start, phrase.end, text, "person")
        if head.kind == "surname":
            person = self._choose(head.entries)
            in_office = self.day is None or person is not None and person.serves_on(self.day)  # undated: can't tell
            if person is None or not (in_office or (person.country in self._named_countries()
                                                    and self._near_in_time(person))):
                # a surname alone, never given in full here, is someone in office on the
                # day ("Zelensky asked allies"), or someone of a country the article names:
                # in December 2024, "El Chapo" is not Mozambique's president-elect Daniel Chapo
                return None
            return self._person_mention(phrase.start, phrase.end, text, person)
        titled = self._title_actor(phrase)
        code, country, office = titled if titled is not None else self._appositive(head)
        body = self._body_appositive(head)
        if body is not None:
            # "Retired U.S. Admiral Jonathan Howe, the U.N. special envoy for Somalia,": the
            # office the comma gives him speaks for the body, whatever his rank or nationality
            code, country, office = body
        holder = self._office_before(phrase.start)
        if holder is not None:
            # "the U.N. commander in Bosnia, Lieutenant-General Rupert Smith,": the name is
            # the office's holder, whatever his rank alone would say
            code, country = holder.actor.code, holder.actor.country
        if code is None and phrase.start == head.start:
            named = self._deferred_name(phrase.start)
            if named is not None:
                code, country, office = named.actor.code, named.actor.country, named.office
        if code is None:
            return None  # a name the model guessed, with nothing saying whose side it is on
        actor = Actor(text=text, name=name, code=code, country=country)
        return ActorMention(start=phrase.start, end=phrase.end, actor=actor, kind="person", office=office)

    def _as_titled(self, mention: ActorMention, phrase: Phrase) -> ActorMention:
        """"rebel leader Riek Machar": a known person whom the text's own title puts outside
        the state (a rebel, insurgent, opposition or former office-holder) is what the text
        says he is on its day, whatever office the knowledge records for him."""
        titled = self._title_actor(phrase) if phrase.roles else None
        if titled is None or titled[0] is None:
            return mention
        role = code_role(titled[0])
        if role not in OUTSIDE_THE_STATE or code_role(mention.actor.code or "") == role:
            return mention
        country = mention.actor.country or titled[1]
        actor = Actor(text=mention.actor.text, name=mention.actor.name, code=(country or "") + role, country=country)
        return ActorMention(start=mention.start, end=mention.end, actor=actor, kind=mention.kind, office=mention.office)

    def _near_in_time(self, person: Person) -> bool:
        """One of the person's tenures lies within `SURNAME_YEARS` of the article's day: a
        surname alone of someone out of office for decades is more likely a namesake (a 2025
        "Uribe" in Colombia is not the president of 2002-2010)."""
        if self.day is None:
            return True
        reach = dt.timedelta(days=365 * SURNAME_YEARS)
        return any(row.start <= self.day + reach and (row.end is None or row.end >= self.day - reach)
                   for row in self.kb.tenures(person.name) or [person])

    def _mentions_before(self, start: int) -> list[ActorMention]:
        return [m for m in self.mentions if m.end <= start]

    def _office_before(self, start: int) -> ActorMention | None:
        """The office a name stands in apposition to: "the U.N. commander in Bosnia,
        Lieutenant-General Rupert Smith," (one office-holder, set off by a comma)."""
        before = self._mentions_before(start)
        while before and before[-1].kind in ("country", "capital") and start - before[-1].end < 4:
            before.pop()  # the place the office is held in ("in Bosnia")
        if not before:
            return None
        last = before[-1]
        if last.kind not in ("role", "compound") or not last.actor.code or code_role(last.actor.code) == "CVL":
            return None
        words = self.text[last.start:last.end].split()
        if not words or (words[-1].endswith("s") and not words[-1].endswith("ss")):
            return None  # "the rebels, X said": a group, not an office
        between = self.text[last.end:start]
        return last if OFFICE_APPOSITION_RE.fullmatch(between) else None

    def _deferred_name(self, start: int) -> ActorMention | None:
        """"..., the Kremlin's spokesman on Chechnya said. Sergei Yastrzhembsky told
        reporters": wire copy names the speaker it first called by his office at the start of
        the next sentence; the name is that office's holder."""
        before = self._mentions_before(start)
        if not before:
            return None
        last = before[-1]
        if last.kind not in ("role", "compound", "title") or not last.actor.code or last.office is None:
            return None
        return last if DEFERRED_NAME_GAP_RE.fullmatch(self.text[last.end:start]) else None

    def _title_actor(self, phrase: Phrase) -> tuple[str | None, str | None, str | None] | None:
        """Code, country and office that a title before an unknown name gives it."""
        roles = [h.entity for h in phrase.roles if isinstance(h.entity, Role)]
        office = next((r.office for r in reversed(roles) if r.office), None)
        if phrase.owner is not None and isinstance(phrase.owner.entity, Group):
            return phrase.owner.entity.code, phrase.owner.entity.country, office
        coded = [r for r in roles if r.role]
        if not coded:
            return None
        country = next((c for c in (_modifier_country(m) for m in phrase.modifiers) if c), None)
        if country is None and not phrase.modifiers:
            group = self._group_spoken_for(roles[-1], phrase, phrase.start)
            if group is not None:
                return group.actor.code, group.actor.country, office
        if country is None and coded[0].country == "focus" and self.focus:
            country = self._paragraphs_other_state(phrase.start) or self._country_spoke_before(phrase) \
                or self._local_title() or self.focus[0]
        role = FORMER_ROLE if self._former(phrase.start) else coded[0].role
        return (country or "") + role, country, office

    def _paragraphs_other_state(self, start: int) -> str | None:
        """"..., a Pentagon official said. Defense Secretary William Perry said that the
        deployment showed Washington had ...": in a story about another country, a paragraph
        that turns to one other state's officials, and names neither the main country nor
        one the article is not about, is about that state; a bare title in its next
        sentence, naming that state again, is its office. None where the two sentences do
        not say so (the main country stays the default)."""
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None or token[0].sent.start == 0:
            return None
        sent = token[0].sent
        before = self.doc[sent.start - 1].sent
        if PARAGRAPH_BREAK_RE.search(self.text, before.start_char, sent.start_char):
            return None  # a new paragraph may turn to anyone
        officials = {m.actor.country for m in self.mentions
                     if before.start_char <= m.start < before.end_char and m.actor.country
                     and m.kind in ("compound", "person", "title") and code_role(m.actor.code or "") in STATE_ROLES}
        if len(officials) != 1:
            return None
        state = officials.pop()
        named = {_hit_country(h) for h in self.hits if before.start_char <= h.start < sent.end_char} - {None}
        here = {_hit_country(h) for h in self.hits if sent.start_char <= h.start < sent.end_char
                and h.kind in ("country", "capital", "demonym")}
        if state == self.focus[0] or named - {state} - set(self.focus[1:]) or self.focus[0] in named \
                or state not in here:
            return None
        return state

    def _country_spoke_before(self, phrase: Phrase) -> str | None:
        """"France said it would not join the fighting. Foreign Minister X welcomed ...": wire
        copy lets a country speak, then gives its official, in the next sentence of the same
        paragraph, his bare title; a title that opens that sentence as its subject is the
        office of that country (the one the sentence before had as its only subject). None
        where the country is the article's main one or the sentences say nothing of it."""
        span = self.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None or span[0].sent.start == 0 or span.start != span[0].sent.start or not _subject(span.root):
            return None
        before = self.doc[span[0].sent.start - 1].sent
        if PARAGRAPH_BREAK_RE.search(self.text, before.start_char, span.start_char):
            return None
        subjects = {m.actor.country for m in self.mentions
                    if before.start_char <= m.start < before.end_char and m.kind == "country"
                    and m.actor.country and self._is_subject(m)}
        speakers = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root]
        if len(subjects) != 1 or len(speakers) != 1:
            return None
        state = subjects.pop()
        if state == self.focus[0] or not any(m.start <= speakers[0].idx < m.end and m.actor.country == state
                                             for m in self.mentions):
            return None  # (the country must be the subject of the sentence's main verb)
        sent = span[0].sent
        here = {_hit_country(h) for h in self.hits if sent.start_char <= h.start < sent.end_char
                and h.kind in ("country", "capital", "demonym")} - {None}
        armed = any(phrase.end <= h.start < sent.end_char and _hit_role(h) in NON_STATE_ARMED for h in self.hits)
        if state in here or self.focus[0] not in here or not (here - {self.focus[0]} or armed):
            # a third party speaks of both sides ("urged N'Djamena and Tripoli to talk", "urged
            # Manila and the rebels"); an
            # official who names only the main country, or the country that spoke, may be
            # answering it ("Washington condemned the arrests. Foreign Minister X said
            # Caracas would not bow"): the main country's
            return None
        return state

    def _local_title(self) -> str | None:
        """"TAIPEI, March 11 - ... President Lee Teng-hui urged ...": wire copy gives the
        officials of the country it is filed from their bare titles, and names others'
        with their country ("Chinese Premier ..."); where the article is about that
        country too (it names it past the dateline), a bare title there is its office."""
        home = self.home
        if home is None or home == self.focus[0] or home not in self.focus:
            return None
        told = sum(1 for h in self.hits if _hit_country(h) == home and h.kind in ("country", "capital", "demonym"))
        return home if told >= LOCAL_TITLE_MENTIONS else None

    def _appositive(self, head: Hit) -> tuple[str | None, str | None, str | None]:
        """"Esmaeil Baghaei, spokesperson for the Iranian Foreign Ministry": the role's code."""
        following = next((h for h in self.hits if h.start >= head.end), None)
        if following is None or not APPOSITIVE_RE.match(self.text[head.end:following.start]):
            return None, None, None
        phrase = self.by_start.get(following.start)
        if phrase is None or phrase.head.kind != "role" or not isinstance(phrase.head.entity, Role) \
                or phrase.head.entity.refers != "person":
            return None, None, None  # only a person's role: "X, spokesperson for ..."
        for mention in self._role(phrase):
            if mention.kind in ("compound", "role"):
                return mention.actor.code, mention.actor.country, mention.office
        return None, None, None

    def _body_appositive(self, head: Hit) -> tuple[str | None, str | None, str | None] | None:
        """"X, the U.N. special envoy for Sudan,": a singular office of an international
        body set off by a comma after a name gives the person the body's code."""
        following = next((h for h in self.hits if h.start >= head.end), None)
        if following is None or not APPOSITIVE_RE.match(self.text[head.end:following.start]):
            return None
        phrase = self.by_start.get(following.start)
        if phrase is None or phrase.head.kind != "role" or phrase.owner is None:
            return None
        group = phrase.owner.entity
        if not isinstance(group, Group) or group.kind != "igo" or phrase.roles[-1].entries[0].plural:
            return None
        roles = [h.entity for h in phrase.roles if isinstance(h.entity, Role)]
        if not roles or roles[-1].refers == "honorific" or not (roles[-1].office or roles[-1].role == "GOV"):
            return None
        return group.code, group.country, roles[-1].office

    def _person_mention(self, start: int, end: int, text: str, person: Person, kind: str = "person") -> ActorMention:
        tenure = self.kb.tenure_on(person, self.day)
        actor = Actor(text=text, name=tenure.name, code=tenure.code, country=tenure.country)
        self.tenures[(start, end)] = tenure
        return ActorMention(start=start, end=end, actor=actor, kind=kind, office=tenure.offices[0])

    def _choose(self, entries: Sequence[Entry]) -> Person | None:
        """A surname's person: the one serving on the day, in a focus country if several."""
        people = {e.entity.name: e.entity for e in entries if isinstance(e.entity, Person)}
        candidates = [self.kb.tenure_on(p, self.day) for p in people.values()]
        serving = [p for p in candidates if p.serves_on(self.day)] or candidates
        if len(serving) > 1:
            serving = [p for p in serving if p.country in self.focus[:FOCUS_TIEBREAK]] or serving
        return serving[0] if len(serving) == 1 else None

    def _named_countries(self) -> set[str]:
        """Countries the article names (a country, demonym or capital), people apart."""
        if self._countries is None:
            self._countries = {c for h in self.hits if h.kind in ("country", "demonym", "capital")
                               for c in [_hit_country(h)] if c}
        return self._countries

    def _earlier_person(self, name: str, before: int) -> ActorMention | None:
        key = name_key(name)
        for mention in reversed(self.mentions):
            if mention.end > before or mention.kind not in ("person", "title"):
                continue
            full = name_key(mention.actor.name)
            if full == key or full.endswith(" " + key):
                return mention
        return None

    def _last_person(self, before: int) -> ActorMention | None:
        for mention in reversed(self.mentions):
            if mention.end <= before and mention.kind in ("person", "title") and mention.actor.code:
                return mention
        return None


def _hit_role(hit: Hit) -> str:
    """The CAMEO role a role or group hit names ("REB" of "rebels", of an armed group's code)."""
    entity = hit.entity
    if isinstance(entity, Role):
        return entity.role
    return code_role(entity.code) if isinstance(entity, Group) else ""


def _subject(token: Token) -> bool:
    """The head of a clause's subject, or a word of one ("ministry" of "a foreign ministry
    spokesman")."""
    while token.dep_ in ("compound", "amod") and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _a_persons(phrase: Phrase) -> bool:
    """The phrase ends in a person's role or office ("leader", "spokesman", "a commander"),
    not the plural of a body's people ("fighters of ...", "members of ...")."""
    last = phrase.roles[-1].entity if phrase.roles else None
    return isinstance(last, Role) and bool(last.office or last.refers == "person"
                                           or not phrase.roles[-1].entries[0].plural)


def _is_modifier(hit: Hit) -> bool:
    return hit.kind in ("country", "demonym", "capital")


def _modifier_country(hit: Hit) -> str | None:
    entity = hit.entity
    return entity.iso3 if isinstance(entity, Country) and _is_modifier(hit) else None


def _strip_det(text: str) -> str:
    for det in DETERMINERS:
        if text.casefold().startswith(det):
            return text[len(det):]
    return text


def _kin(role: str, other: str) -> bool:
    """Roles one description may name: the same, or two kinds of armed group outside a state's forces."""
    return role == other or role in NON_STATE_ARMED and other in NON_STATE_ARMED
