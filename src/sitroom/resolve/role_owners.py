"""The body or the people a role belongs to or stands for: armed groups the knowledge does not
know ("the Kachin Independence Army"), a role "of" or "for" a group ("a spokesman for the
rebels"), possessives ("its fighters", "his men") and definite anaphors ("the group", "the
minister", "the two men")."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..knowledge.actors import Group, Role
from ..records import Actor, ActorMention
from .actor_matching import INNER_GAP_RE, NAMED_ARMED, OUTSIDE_THE_STATE
from .actor_phrases import MAX_GAP_CHARS, Phrase, kin, modifier_country
from .later_mentions import IT_KINDS, PRONOUN_REACH, code_role, refer
from .role_countries import SENTENCE_BOUND_ROLES

# A role right after these belongs to the group named last: "its fighters".
GROUP_POSSESSIVE_RE = re.compile(r"\b(?:its|their)\s+$", re.I)
# Between a body of people and the one who leads it: "a delegation led by ...".
LED_BY_RE = re.compile(r"[ \t]+(?:led|headed)[ \t]+by[ \t]+", re.IGNORECASE)
# A person's possessive before the people of a side: "his men", "her supporters".
PERSON_POSSESSIVE_RE = re.compile(r"\b(?:his|her)\s+$", re.I)
NUMBER_BEFORE_RE = re.compile(r"\b(two|three|both)\s", re.I)
# "the two men", "both women": two people named before, whoever they are.
PAIR_RE = re.compile(r"(?:the\s+two|both)\s", re.I)
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
# What an armed group the knowledge does not know is coded as (CAMEO's rebels).
UNKNOWN_ARMED_GROUP = "REB"
# Kinds of group a person may speak for or lead, named by a role noun: rebels, insurgents,
# radicals, the opposition, the army, the police.
GROUP_KINDS = frozenset({"REB", "INS", "RAD", "OPP", "MIL", "COP"})
PRIVATE_PERSON = "CVL"
COUNTERPART = "counterpart"  # roles.tsv office: the office of the person named before
SPOKESPERSON = "spokesperson"  # roles.tsv office of "spokesman": speaks for whoever spoke before
# A person's role of the group named before: "a spokesman for the faction".
GROUP_TAIL_RE = re.compile(r"\s+(?:for|of)\s+the\s+(?:group|organisation|organization|movement|faction|outfit)\b")
# Unnamed perpetrators, and the armed groups a definite description of them may stand for.
UNNAMED = "UAF"
# After a body's name in the possessive, one of its people: "the organisation's
# secretary-general", "the league's envoy" (a lower-case title, hyphens allowed).
BODYS_PERSON_RE = re.compile(r"['’]s[ \t]+[a-z][a-z-]+")
# After armed men, the leader they follow: "militiamen loyal to former president X"
# ("ousted", "deposed": a leader put out of office, whom the knowledge may still hold in it).
LOYAL_TO_RE = re.compile(r"[ \t]+(?:loyal|allied)[ \t]+to[ \t]+(?:the[ \t]+)?"
                         r"(?P<ousted>(?:ousted|deposed|toppled|overthrown)[ \t]+)?(?:(?:former|exiled)[ \t]+)?",
                         re.IGNORECASE)
# Armed men whose side the leader they are loyal to may tell.
LOYAL_KINDS = frozenset({"MIL", "REB", "INS", "UAF", "RAD"})
# Between the side that runs an outlet and the outlet: "the Houthi-run Saba news agency",
# "rebel-controlled radio" (the outlet speaks for that side, not as independent media).
OUTLET_OWNER_RE = re.compile(r"-(?:run|controlled|owned|operated)[ \t]+$", re.IGNORECASE)
MEDIA = "MED"
# Who may own an outlet that speaks for it: a named group or a side named by its role;
# a country-owned outlet stays state media, as the conventions code it.
OUTLET_OWNER_KINDS = frozenset({"group", "alias", "role", "compound"})
# Owners whose outlet stays media: "government-run television" is state media.
STATE_OUTLET_OWNERS = frozenset({MEDIA, "GOV"})
NUMBER_WORDS = {"two": 2, "three": 3, "both": 2}


class RoleOwners:
    """The part of `actors._Resolver` that finds the owner or referent of a role."""

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
        countries = [c for c in (modifier_country(m) for m in phrase.modifiers if not self._ethnic(m)) if c]
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

    def _led_by(self) -> list[ActorMention]:
        """"A delegation led by the league's secretary-general, X,": a government's body of
        people told bare (a delegation, a mission, officials) and led by a person named right
        after it acts for that person's side, not for the article's main government."""
        out: list[ActorMention] = []
        for mention in self.mentions:
            tail = LED_BY_RE.match(self.text, mention.end) \
                if mention.kind == "role" and code_role(mention.actor.code) == "GOV" and not mention.office else None
            leader = next((m for m in self.mentions if tail is not None and m.start == tail.end() and m.actor.code
                           and (m.kind in ("person", "title") or m.office or self._bodys_person_after(m))), None)
            if leader is None:
                out.append(mention)
                continue
            actor = Actor(text=mention.actor.text, name=mention.actor.name, code=leader.actor.code,
                          country=leader.actor.country)
            out.append(ActorMention(start=mention.start, end=mention.end, actor=actor, kind="compound",
                                    antecedent=(leader.start, leader.end)))
        return out

    def _bodys_person_after(self, mention: ActorMention) -> bool:
        """"the organisation's secretary-general": a named body or group in the possessive,
        before a word of the knowledge's phrases or not, names one of its people."""
        return mention.kind in ("group", "igo") and bool(BODYS_PERSON_RE.match(self.text, mention.end))

    def _loyal_to(self) -> list[ActorMention]:
        """"Militiamen loyal to former president X", "troops loyal to the ousted leader":
        armed men told by the leader they are loyal to are his side: a rebel's, an
        opposition leader's or one no longer (or never) in office fight as rebels; those
        loyal to a sitting head of state or government are his country's forces."""
        out: list[ActorMention] = []
        for mention in self.mentions:
            tail = LOYAL_TO_RE.match(self.text, mention.end) \
                if mention.kind in ("role", "compound") and code_role(mention.actor.code) in LOYAL_KINDS else None
            leader = next((m for m in self.mentions if tail is not None and m.start == tail.end() and m.actor.code
                           and m.kind in ("person", "title", "role", "compound")), None)
            if tail is None or leader is None:
                out.append(mention)
                continue
            role = code_role(leader.actor.code)
            outside = role in OUTSIDE_THE_STATE or bool(tail.group("ousted"))
            if not outside and role != "GOV":
                out.append(mention)
                continue
            country = leader.actor.country or mention.actor.country or (self.focus[0] if self.focus else None)
            code = (country or "") + (UNKNOWN_ARMED_GROUP if outside else "MIL")
            actor = Actor(text=mention.actor.text, name=mention.actor.name, code=code, country=country)
            out.append(ActorMention(start=mention.start, end=mention.end, actor=actor, kind="compound",
                                    antecedent=(leader.start, leader.end)))
        return out

    def _unknown_armed_group(self, start: int, end: int) -> ActorMention:
        """The armed group an unknown name at [start, end) names: the article's main country's
        rebels (CAMEO's REB), not a state's army."""
        text = self.text[start:end]
        country = self.focus[0] if self.focus else None
        actor = Actor(text=text, name=text, code=(country or "") + UNKNOWN_ARMED_GROUP, country=country)
        return ActorMention(start=start, end=end, actor=actor, kind="compound")

    def _outlet_of_owner(self, mention: ActorMention) -> ActorMention:
        """"The Houthi-run Saba news agency denied ...": an outlet run or controlled by a
        side named just before it speaks for that side."""
        if code_role(mention.actor.code) != MEDIA:
            return mention
        gap = OUTLET_OWNER_RE.search(self.text[max(0, mention.start - 16):mention.start])
        if gap is None:
            return mention
        joint = mention.start - len(gap.group())
        owner = next((m for m in reversed(self.mentions) if m.end == joint and m.actor.code
                      and m.kind in OUTLET_OWNER_KINDS and code_role(m.actor.code) not in STATE_OUTLET_OWNERS), None)
        if owner is None:
            return mention
        actor = Actor(text=mention.actor.text, name=mention.actor.name, code=owner.actor.code,
                      country=owner.actor.country)
        spoken = ActorMention(start=mention.start, end=mention.end, actor=actor, kind=mention.kind,
                              office=mention.office)
        self.groups = [spoken if m is mention else m for m in self.groups]
        return spoken

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
        if anaphoric:
            # "Foreign ministers of the Arab League condemned the coup. A mission led by the
            # organisation's secretary-general ...": a body named as the owner of its people's
            # role is named too, and "the organisation's", "the body's" is that body
            previous += [m for m in self.mentions if m.end <= start and start - m.end <= PRONOUN_REACH
                         and m.kind == "compound" and self._owned_by_body(m)]
            previous.sort(key=lambda m: m.end)
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

    def _owned_by_body(self, mention: ActorMention) -> bool:
        """The mention is a role of a named group or body ("ministers of the Arab League")."""
        # (the mention may start before its phrase: "the" of "the ministers of ...")
        return any(p.end == mention.end and p.owner is not None and isinstance(p.owner.entity, Group)
                   for p in self.by_start.values())

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

    def _anaphor(self, phrase: Phrase, role: Role, start: int, text: str) -> list[ActorMention] | None:
        """"the minister", "the two ministers", "the group": the mention(s) referred to."""
        named = self._body_by_its_noun(phrase, role, start, text)
        if named is not None:
            return [refer(named, start, phrase.end, text, "group")]
        if role.role and text.casefold().startswith("the ") and text.split()[-1].casefold() in self.kb.anaphors \
                and not phrase.roles[-1].entries[0].plural:
            # "the militant group", "the rights group": the group of its kind named last
            previous = [m for m in self.groups if m.end <= start and kin(role.role, code_role(m.actor.code))]
            if previous:
                return [refer(previous[-1], start, phrase.end, text, "group")]
        if role.role == UNNAMED and text.casefold().startswith("the ") and self._plural_at(phrase.end) \
                and not self._defined_by_clause(phrase.end):
            # "the attackers", "the gunmen": once an armed group has been told as a doer (a
            # subject), the definite description of unnamed perpetrators is that group, the
            # last such (one "gunman" is a person of his own)
            # (or armed men told by their kind, "Tamil guerrillas opened fire on pilgrims")
            told = self.groups + [m for m in self.mentions if m.kind == "role" and m not in self.groups]
            previous = sorted((m for m in told if m.end <= start and code_role(m.actor.code) in NAMED_ARMED
                               and (self._was_subject(m) or self._members_were_subject(m))),
                              key=lambda m: m.end)
            # (but "gunmen killed a trader ... the gunmen fled": unnamed ones told since)
            if previous and not any(previous[-1].end <= m.start < start and code_role(m.actor.code) == UNNAMED
                                    for m in self.mentions):
                return [refer(previous[-1], start, phrase.end, text, "group")]
        if role.role in NAMED_ARMED and text.casefold().startswith("the ") and self._plural_at(phrase.end) \
                and not phrase.modifiers:
            # "M23 rebels took Goma ... the rebels": the definite plural of a kind of armed
            # group is the group of that kind named last (the one a sentence was about first)
            previous = [m for m in self.groups if m.end <= start and kin(role.role, code_role(m.actor.code))]
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
