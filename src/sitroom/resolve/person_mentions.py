"""People named in an article: a known person on the article's day, a surname alone, and an
unknown name whose title, appositive ("X, spokesperson for ..."), or office named before
it ("the U.N. commander in Bosnia, X,") says whose side he is on."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..knowledge.actors import Entry, Group, Person, Role, name_key
from ..records import Actor, ActorMention
from .actor_matching import FORMER_ROLE, OUTSIDE_THE_STATE, Hit
from .actor_phrases import Phrase, modifier_country
from .later_mentions import code_role, refer

# Focus countries that break a tie between people sharing a surname.
FOCUS_TIEBREAK = 3
# "Esmaeil Baghaei, spokesperson for ..." : an appositive after a name.
APPOSITIVE_RE = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.I)
# Between an office and the name of its holder set off by commas: "the U.N. commander in
# Bosnia, Lieutenant-General Rupert Smith," (the office may say where it is held).
OFFICE_APPOSITION_RE = re.compile(r"(?:\s+(?:in|for|of|to)\s+[A-Z][\w'’ -]{1,30})?\s*,\s*")
# Between an office that said something and the name that opens the next sentence: "the
# Kremlin's spokesman on Chechnya said. Sergei Yastrzhembsky told ...".
DEFERRED_NAME_GAP_RE = re.compile(r"(?:\s+(?:on|for|in)\s+[A-Z][\w'’ -]{1,40})?\s+(?:said|added|told \w+)\.\s+")
# The plain words of a title between the side it opens with and the name: "Opposition
# presidential candidate X", "rebel military commander X".
TITLE_WORDS_RE = re.compile(r"(?:[ \t]+[a-z][a-z-]*){1,3}[ \t]+")
# How far from a person's tenures a surname alone may still name him, once out of office.
SURNAME_YEARS = 10


class PersonMentions:
    """The part of `actors._Resolver` that resolves people's names."""

    def _person(self, phrase: Phrase) -> ActorMention | None:
        head = phrase.head
        text = self.text[phrase.start:phrase.end]
        if head.kind == "person":
            person = self._choose(head.entries) or head.entity  # namesakes: by date and focus
            assert isinstance(person, Person)
            if self._near_in_time(person) or self._title_actor(phrase) is None:
                apposed = self._appositive_out_of_office(person, phrase, text) \
                    or self._side_titled_out_of_office(person, phrase, text)
                if apposed is not None:
                    return apposed
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

    def _appositive_out_of_office(self, person: Person, phrase: Phrase, text: str) -> ActorMention | None:
        """"Jalal Talabani, leader of the Patriotic Union of Kurdistan," in 1988: on a day
        outside every office the knowledge records for a known person, the role the text
        sets off after his name says whose side he is on (a group's role as the group is
        coded on the day), not an office he held years later or earlier."""
        if self.day is None or phrase.roles or phrase.owner is not None:
            return None
        if any(row.serves_on(self.day) for row in self.kb.tenures(person.name) or [person]):
            return None
        code, country, office = self._appositive(phrase.head)
        if code is None:
            return None
        if code_role(code) in OUTSIDE_THE_STATE:
            office = None  # "leader" of a rebel group holds no office of the state
        actor = Actor(text=text, name=person.name, code=code, country=country)
        return ActorMention(start=phrase.start, end=phrase.end, actor=actor, kind="person", office=office)

    def _side_titled_out_of_office(self, person: Person, phrase: Phrase, text: str) -> ActorMention | None:
        """"Opposition presidential candidate X", "rebel military commander X": a known
        person not in office on the day, whose title opens with a side outside the state
        and goes on in a few plain words before his name, is of that side (the office the
        knowledge records for him came before or after)."""
        if self.day is None or phrase.roles or phrase.owner is not None:
            return None
        if any(row.serves_on(self.day) for row in self.kb.tenures(person.name) or [person]):
            return None
        before = self._mentions_before(phrase.start)
        side = before[-1] if before else None
        if side is None or side.kind not in ("role", "compound") or not side.actor.code \
                or code_role(side.actor.code) not in OUTSIDE_THE_STATE - {FORMER_ROLE} \
                or not TITLE_WORDS_RE.fullmatch(self.text[side.end:phrase.start]):
            return None
        country = person.country or side.actor.country
        actor = Actor(text=text, name=person.name, code=(country or "") + code_role(side.actor.code), country=country)
        return ActorMention(start=phrase.start, end=phrase.end, actor=actor, kind="person")

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
        country = next((c for c in (modifier_country(m) for m in phrase.modifiers) if c), None)
        if country is None and not phrase.modifiers:
            group = self._group_spoken_for(roles[-1], phrase, phrase.start)
            if group is not None:
                return group.actor.code, group.actor.country, office
        if country is None and coded[0].country == "focus" and self.focus:
            country = self._paragraphs_other_state(phrase.start) or self._country_spoke_before(phrase) \
                or self._local_title() or self.focus[0]
        role = FORMER_ROLE if self._former(phrase.start) else coded[0].role
        return (country or "") + role, country, office

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
