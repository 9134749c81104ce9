"""Composing the knowledge-base hits of an article into noun phrases ("the Russian and Turkish
foreign ministers", "spokesperson for the Iranian Foreign Ministry", "Foreign Minister Sergei
Lavrov"), and what one hit says of its country or role."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..knowledge.actors import Country, Group, Person, Role
from .actor_matching import GENERIC_HEADS, Hit, is_sponsor
from .later_mentions import code_role

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
# Part-of-speech tags that may sit between a modifier and its role ("Syrian senior officials").
GAP_POS = frozenset({"ADJ", "DET", "ADV"})
# Words of a title between its country and its office ("U.S. Deputy Secretary of State",
# "Kenya's Acting Foreign Minister"), which the parser tags as names.
TITLE_QUALIFIERS = frozenset({"deputy", "acting", "assistant", "vice", "under", "associate", "interim", "first"})
MAX_GAP_TOKENS = 3
# A role followed by "of"/"for" (the) and a country or body takes that country or body.
OF_TAIL_RE = re.compile(r"^\s+(?:of|for)\s+(?:the\s+)?$", re.I)
TITLE_GAP_RE = re.compile(r"^[ \t.]*$")
# A title shortened with a point ("Mr.", "Gen.", "Lt. Col."): a word of one to four letters.
ABBREVIATED_TITLE_RE = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]{1,4}$")
# Armed groups outside a state's forces: "the militant group" may be any of them named before.
NON_STATE_ARMED = frozenset({"REB", "INS", "RAD", "SEP", "UAF"})
DETERMINERS = ("the ", "a ", "an ")


@dataclass
class Phrase:
    """Hits composed into one noun phrase."""

    start: int
    end: int
    head: Hit
    modifiers: list[Hit] = field(default_factory=list)  # countries, demonyms, capitals, groups
    roles: list[Hit] = field(default_factory=list)
    owner: Hit | None = None  # a group the role belongs to ("Hamas spokesman")


class PhraseComposer:
    """The part of `actors._Resolver` that composes its hits into phrases."""

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
        while j < len(hits) and is_modifier(hits[j]) and self._modifies(hits[j]):
            modifiers.append(hits[j])
            j += 1
            if not (j < len(hits) and is_modifier(hits[j]) and self._gap_ok(hits[j - 1], hits[j])):
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
        if is_modifier(a) and is_modifier(b):
            return bool(LIST_GAP_RE.fullmatch(gap))  # "Russian, Iranian and Syrian"
        span = self.doc.char_span(a.end, b.start, alignment_mode="expand")
        # (not the token a modifier ends inside: "U.S." of a hit "U.S")
        tokens = [t for t in span if not t.is_space and t.idx >= a.end] if span is not None else []
        if len(tokens) > MAX_GAP_TOKENS:
            return False
        for token in tokens:
            if token.lower_ in MODIFIER_GAP_WORDS or token.text in ("'s", "’s", "-", "'", "’"):
                continue
            if token.pos_ in GAP_POS or token.lower_ in TITLE_QUALIFIERS and is_modifier(a) and b.kind == "role":
                continue
            if self._possessed_compound(token, gap, b):
                continue
            return False
        return True

    def _possessed_compound(self, token: Token, gap: str, role: Hit) -> bool:
        """"India's external affairs ministry", "Kenya's wildlife service spokesman": after a
        country's possessive, the nouns that say which of its bodies the role is (compounds of
        the role's noun) keep the role the country's."""
        if not re.match(r"['’]s\s", gap) or role.kind != "role" or token.pos_ != "NOUN" or token.dep_ != "compound":
            return False
        return role.start <= token.head.idx < role.end or (token.head.pos_ == "NOUN" and token.head.dep_ == "compound"
                                                           and role.start <= token.head.head.idx < role.end)

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
        elif tail.head.kind == "group" and not tail.roles and not tail.modifiers and a_persons(phrase):
            # "Tendai Moyo, leader of the MDC", "a spokesman for Hamas": the group's person
            phrase.owner = tail.head
        elif tail.modifiers or is_modifier(tail.head):
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


def hit_country(hit: Hit) -> str | None:
    entity = hit.entity
    if isinstance(entity, Country):
        return entity.iso3
    if isinstance(entity, (Person, Group)):
        return entity.country
    return None


def hit_role(hit: Hit) -> str:
    """The CAMEO role a role or group hit names ("REB" of "rebels", of an armed group's code)."""
    entity = hit.entity
    if isinstance(entity, Role):
        return entity.role
    return code_role(entity.code) if isinstance(entity, Group) else ""


def is_subject_word(token: Token) -> bool:
    """The head of a clause's subject, or a word of one ("ministry" of "a foreign ministry
    spokesman")."""
    while token.dep_ in ("compound", "amod") and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def a_persons(phrase: Phrase) -> bool:
    """The phrase ends in a person's role or office ("leader", "spokesman", "a commander"),
    not the plural of a body's people ("fighters of ...", "members of ...")."""
    last = phrase.roles[-1].entity if phrase.roles else None
    return isinstance(last, Role) and bool(last.office or last.refers == "person"
                                           or not phrase.roles[-1].entries[0].plural)


def is_modifier(hit: Hit) -> bool:
    return hit.kind in ("country", "demonym", "capital")


def modifier_country(hit: Hit) -> str | None:
    entity = hit.entity
    return entity.iso3 if isinstance(entity, Country) and is_modifier(hit) else None


def strip_det(text: str) -> str:
    for det in DETERMINERS:
        if text.casefold().startswith(det):
            return text[len(det):]
    return text


def kin(role: str, other: str) -> bool:
    """Roles one description may name: the same, or two kinds of armed group outside a state's forces."""
    return role == other or role in NON_STATE_ARMED and other in NON_STATE_ARMED
