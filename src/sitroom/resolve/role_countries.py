"""Whose a role told without a country is ("a foreign ministry spokesman", "troops", "the
defence ministry"): what its sentence, the sentence before, the article's dateline and the
knowledge say of the country it belongs to; the article's main country is the default."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..knowledge.actors import Role
from ..records import ActorMention
from .actor_matching import Hit
from .actor_phrases import NON_STATE_ARMED, Phrase, hit_country, hit_role, is_subject_word
from .later_mentions import SPEECH_VERBS, code_role

# Group nouns outside a state's forces whose first mention with a country gives the
# country of their bare mentions after it ("Somali pirates ... the pirates").
BARE_GROUP_KINDS = frozenset({"CRM"}) | NON_STATE_ARMED - {"UAF"}
# A sentence that opens in a place: "In Paris, ...".
FRONTED_PLACE_RE = re.compile(r"\s*In\s+(?:neighbouring\s+|neighboring\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*,",
                              re.IGNORECASE)
# A government role said to be in a place: "a government spokesman in Baku", or to speak
# there: "a foreign ministry spokesman said in Baku" (any case: wire archives in capitals).
PLACE_AFTER_RE = re.compile(r"[ \t]+(?:(?:said|says|told\s+reporters)[ \t]+)?in[ \t]+", re.IGNORECASE)
# Roles whose bare noun ("troops", "police") belongs to the country of the same kind named
# earlier in its sentence, before the article's main country.
SENTENCE_BOUND_ROLES = frozenset({"MIL", "COP"})
# How often an article must name the country it is filed from (dateline included) for a
# bare title to be that country's office (`_Resolver._local_title`): more than in passing.
LOCAL_TITLE_MENTIONS = 3
# A blank line or an indented line starts a paragraph (as in recase.py).
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n|\n[ \t]+")
# The roles of a state's own officials and forces (`_Resolver._paragraphs_other_state`).
STATE_ROLES = frozenset({"GOV", "MIL"})
# The sides of a story: its most told countries (`_Resolver._speakers_forces`).
SIDES = 2


class RoleCountries:
    """The part of `actors._Resolver` that places a bare role in a country."""

    def _fronted_capital(self, start: int, end: int) -> str | None:
        """The country of the capital (or the country) a sentence opens with, before the
        role at [start, end) that is the sentence's subject: "In Paris, a foreign ministry
        spokesman condemned ...", "In neighbouring Cameroon, the army said ..." (wire copy's
        way of saying whose officials speak). Whom they speak
        to or of is not placed by it: "In Accra, the mediator appealed to the government
        and the rebels" (of the country the talks are about)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not is_subject_word(span.root):
            return None
        sent = span[0].sent
        opening = FRONTED_PLACE_RE.match(self.text, sent.start_char)
        if opening is None or opening.end() > start:
            return None
        hit = next((h for h in self.hits if h.start == opening.start(1) and h.kind in ("capital", "country")), None)
        return hit_country(hit) if hit is not None else None

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
        return hit_country(hit) if hit is not None else None

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

    def _first_told_with_country(self, role: str, phrase: Phrase, start: int) -> str | None:
        """"Somali pirates seized a ship ... The pirates fled", "a pirate gang": a group
        noun outside a state's forces, told bare, is of the country its first mention with a
        country gave it (not the article's main country, which may be the victims')."""
        if role not in BARE_GROUP_KINDS or phrase.modifiers:
            return None
        nouns = {t.lemma_.casefold() for hit in phrase.roles for t in self._tokens(hit.start, hit.end)}
        for mention in self.mentions:
            if mention.end > start:
                break
            if mention.kind != "compound" or not mention.actor.country \
                    or code_role(mention.actor.code) != role:
                continue
            last = self._tokens(mention.start, mention.end)[-1:]
            if last and last[0].lemma_.casefold() in nouns:
                return mention.actor.country
        return None

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return [t for t in span if not t.is_space and not t.is_punct] if span is not None else []

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
        article's day, is that country's. Only for a main country whose leaders the knowledge
        lists (a head of state at some time): of one it lists no one of, it cannot say which
        offices it never had ("two former prime ministers" in a story of Guinea)."""
        if (office is None or not self.focus or self.kb.ever_held(self.focus[0], office)
                or not self.kb.ever_held(self.focus[0], "head of state")):
            return None
        holders = {c for c in self._named_countries() - {self.focus[0]} if self.kb.holder(c, office, self.day)}
        return holders.pop() if len(holders) == 1 else None

    def _subject_mentions(self, verb: Token) -> list[ActorMention]:
        """The mentions within the subject of `verb`, up to the subject's head word ("Ukraine's
        acting President Oleksandr Turchynov")."""
        return [m for t in verb.children if t.dep_ == "nsubj" for m in self.mentions
                if t.left_edge.idx <= m.start and m.end <= t.idx + len(t.text) and m.actor.country]

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
        named = {hit_country(h) for h in self.hits if before.start_char <= h.start < sent.end_char} - {None}
        here = {hit_country(h) for h in self.hits if sent.start_char <= h.start < sent.end_char
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
        if span is None or span[0].sent.start == 0 or span.start != span[0].sent.start \
                or not is_subject_word(span.root):
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
        here = {hit_country(h) for h in self.hits if sent.start_char <= h.start < sent.end_char
                and h.kind in ("country", "capital", "demonym")} - {None}
        armed = any(phrase.end <= h.start < sent.end_char and hit_role(h) in NON_STATE_ARMED for h in self.hits)
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
        told = sum(1 for h in self.hits if hit_country(h) == home and h.kind in ("country", "capital", "demonym"))
        return home if told >= LOCAL_TITLE_MENTIONS else None

    def _named_countries(self) -> set[str]:
        """Countries the article names (a country, demonym or capital), people apart."""
        if self._countries is None:
            self._countries = {c for h in self.hits if h.kind in ("country", "demonym", "capital")
                               for c in [hit_country(h)] if c}
        return self._countries
