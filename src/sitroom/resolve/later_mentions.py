"""Mentions the actor stage finds once an article's noun phrases are resolved: pronouns
("he", "it", "they") and the mention each stands for, acronyms and short names of groups
where they recur, the wings of known groups, and people told as members of a side."""
from __future__ import annotations

import dataclasses
import re

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..knowledge.actors import Role, name_key
from ..knowledge.events import frame_words
from ..records import Actor, ActorMention
from .actor_matching import CLOSING_REPORT_VERBS, NAMED_ARMED, closing_speaker


# The role of private people ("man", "woman", "person"): a pair of them may be two named people.
# An acronym an article brackets after a name: "the Arakan Rohingya Salvation Army (ARSA)".
BRACKETED_ACRONYM_RE = re.compile(r"[ \t]*\(([A-Z][A-Z0-9]{1,9})\)")
# Between a role and the name of the group it belongs to: "Fighters of the ...".
OF_THE_RE = re.compile(r"\s+of\s+(?:the\s+)?")
# "The Democratic Union Party (PYD), the " before a known group's possessive, and "'s
# political wing" after it: the unknown name is the group's (`LaterMentions._wings`).
WING_BEFORE_RE = re.compile(r"(?P<name>(?:[Tt]he\s+)?(?:[A-Z][\w'’-]*\s+){1,6}?[A-Z][\w'’-]*)"
                            r"(?:\s*\([A-Z][A-Za-z0-9]{1,9}\))?\s*,\s+(?:(?:the|its|a)\s+)?")
WING_AFTER_RE = re.compile(r"['’]s?\s+(?:[a-z]+\s+){0,2}(?:wing|arm|branch|offshoot|affiliate)\b")
# An acronym wherever it recurs.
ACRONYM_RE = r"\b(?P<name>{})\b"
# A group's last name word used alone: after "the", before no other capitalised word ("the
# Brotherhood said", not "Borno State" nor "the State Department").
SHORT_NAME_RE = r"\b[Tt]he\s+(?P<name>{})\b(?!\s+[A-Z])"
# A possessive right after a name: "the Courts' leaders", "the Brotherhood's spokesman".
# The same short name in a wire archive's capitals ("THE TIGERS"): no case to tell a name
# from the next word by, so only where the whole line is in capitals.
CAPITALS_SHORT_NAME_RE = r"\bTHE\s+(?P<name>{})\b"
# Between a person's role and the group it speaks for: "a spokesman for the Tigers".
ROLE_FOR_RE = re.compile(r"[ \t]+(?:for|of)[ \t]+", re.IGNORECASE)
POSSESSIVE_AFTER_RE = re.compile(r"(?<=s)['’][ \t]+|['’]s[ \t]+")
# How far back (characters) the name an acronym spells may start.
NAME_REACH = 200
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
IT_PRONOUNS = frozenset({"it", "its", "itself"})
PRONOUNS = PERSON_PRONOUNS | IT_PRONOUNS
FEMININE = frozenset({"she", "her", "hers", "herself"})
MASCULINE = PERSON_PRONOUNS - FEMININE
# "they", "them", "their": resolved only to a side of a conflict told in the plural
# (`LaterMentions._plural_pronouns`); witnesses, doctors, residents or officials of no body
# named are sources, not sides, and a pronoun after them stays unresolved.
THEY_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
# The roles of such sides: forces of a state and armed groups outside it.
SIDE_ROLES = frozenset({"MIL", "COP", "SPY", "REB", "INS", "RAD", "SEP", "UAF"})
# Roles whose common noun a group's short name may not take over: a state's offices and
# forces and armed sides ("the Army" after the "New People's Army" may be the state's).
KEPT_ROLES = SIDE_ROLES | {"GOV"}
# "fought their way into the town": the possessor of these nouns is the subject itself and
# no party to the act the verb names.
IDIOM_POSSESSED = frozenset({"way"})
# A capitalised word right before a mention: "Transnistrian leader" (`_people_of_a_side`).
UNKNOWN_ADJECTIVE_RE = re.compile(r"\b([A-Z][a-z]{3,})[ \t]+$")
# Relative pronouns a clause's subject may be: the noun the clause hangs on is the subject.
RELATIVE_SUBJECTS = frozenset({"who", "that", "which"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# What "it" may stand for: a state, a body or a collective ("the regime"), never a person.
IT_KINDS = frozenset({"country", "capital", "group", "igo", "role", "compound", "alias"})
# Verbs that report what someone said: the name right before one is its speaker.
SPEECH_VERBS = frozenset({"say", "tell", "report", "add", "announce", "state", "claim", "confirm", "warn", "write"})
# How far back (characters) a pronoun may look for its antecedent.
PRONOUN_REACH = 1500
# Words a name may hold that its acronym skips: "National Front for the Liberation of X".
NAME_GLUE = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "le", "al"})
# "It" before these verbs is usually expletive ("it is clear that"), not an actor.
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "take", "matter"})


class LaterMentions:
    """The part of `actors._Resolver` that finds these mentions, once its phrases are resolved."""

    def _pronouns(self) -> list[ActorMention]:
        out: list[ActorMention] = []
        ordered = sorted(self.mentions, key=lambda m: m.start)
        # what each kind of pronoun may stand for, worked out once per article: a person
        # named, titled, or described by an office ("a military spokesman said ... He
        # accused ..."); for "it", a group or a singular body that was a subject
        people: list[ActorMention] | None = None
        bodies: list[ActorMention] | None = None
        for token in _tokens_of(self.doc, PRONOUNS):
            word = token.lower_
            if word in PERSON_PRONOUNS:
                if people is None:
                    people = [m for m in ordered if m.kind in ("person", "title")
                              or m.kind in ("role", "compound") and self._one_person(m)]
                pool = people
            elif word in IT_PRONOUNS and _referential_it(token):
                if bodies is None:
                    bodies = [m for m in ordered if (m in self.groups or m.kind in IT_KINDS and self._singular(m))
                              and self._was_subject(m)]
                pool = bodies
            else:
                continue
            candidates = [m for m in pool if m.end <= token.idx and token.idx - m.end <= PRONOUN_REACH
                          and m.actor.code]
            patient = self._patient_before(token) if word in PERSON_PRONOUNS else None
            if patient is not None:
                found = [m for m in self.mentions if m.start <= patient.idx < m.end]
                if not found:
                    continue  # a person no actor names: not the last one the story named
                persons = [m for m in found if m.actor.code and m.kind in ("role", "compound", "person", "title")
                           and self._singular(m)]
                if persons:
                    candidates = persons[:1]
            body = self._speakers_body(token, ordered) if word in IT_PRONOUNS else None
            # ("the rebels' command said its fighters ...": the possessor of the subject)
            body = (self._subjects_possessor(token.idx) if word == "its" else None) or body
            if body is not None:
                # "a senior official of Hamas said it would not accept any deal": the body its
                # official speaks for, not the last country named
                candidates = [body]
            if candidates and word in PERSON_PRONOUNS and closing_speaker(token):
                # "X is due to meet President Y on Tuesday, his office said": the office that
                # closes the sentence is its subject's, not the last person named
                subjects = [m for m in candidates if m.start >= token.sent.start_char and self._is_subject(m)]
                candidates = subjects[:1] or candidates
            if candidates and word in PERSON_PRONOUNS:
                subject = self._coordinated_subject(token, candidates) or self._same_pronoun_before(token, out) \
                    or self._previous_subject(token, candidates)
                if subject is not None:
                    candidates = [subject]
            elif candidates and word == "it" and body is None:
                subject = self._previous_main_subject(token, candidates)
                if subject is not None:
                    candidates = [subject]
            if candidates:
                out.append(refer(candidates[-1], token.idx, token.idx + len(token.text), token.text, "pronoun"))
        return out

    def _patient_before(self, pronoun: Token) -> Token | None:
        """"A Danish peacekeeper was killed when a tank fired on his post", "a journalist was
        shot dead when gunmen stormed his house": the one person told as the passive subject
        of a clause the pronoun stands in is whom "his" or "her" stands for, not the last
        person the story named."""
        for verb in pronoun.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if (subject is not None and subject.i < pronoun.i and subject.tag_ in ("NN", "NNP")
                    and subject not in pronoun.ancestors):
                return subject
        return None

    def _coordinated_subject(self, pronoun: Token, candidates: list[ActorMention]) -> ActorMention | None:
        """"X said the operation would go on until Y's militia was disarmed, and he urged
        ...": "he", subject of a clause joined to the sentence's first one, is that clause's
        subject when it is a person, not someone named inside its complement."""
        if pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "conj":
            return None
        verb = pronoun.head
        while True:
            while verb.dep_ == "conj" and verb.head is not verb:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.i < pronoun.i and subject.lower_ not in PRONOUNS:
                found = [m for m in candidates if m.start <= subject.idx < m.end
                         and (m.kind in ("person", "title") or self._one_person(m))]
                if found:
                    return found[-1]
            # (the parse often hangs ", and he urged" on the reported clause: "X said the
            # mission would go on ..., and he urged": climb to the reporting verb's subject)
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
                return None
            verb = verb.head

    def _same_pronoun_before(self, pronoun: Token, resolved: list[ActorMention]) -> ActorMention | None:
        """"Carter met senior officers. She told reporters the junta had refused to let her see
        the coup leader, Colonel X. She urged ...": "she" opening a sentence whose sentence
        before opened with "she" (or "he" after "he") is the same person, not the last one
        named inside that sentence."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.sent.start == 0:
            return None
        if any(t.dep_ in ("nsubj", "nsubjpass") for t in pronoun.sent if t.i < pronoun.i):
            return None  # a subject before it in its own sentence
        before = self.doc[pronoun.sent.start - 1].sent
        gender = FEMININE if pronoun.lower_ in FEMININE else MASCULINE
        subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in gender:
            return None
        chained = next((m for m in resolved if m.start == subject.idx), None)
        if chained is None:
            return None
        return next((m for m in self.mentions if (m.start, m.end) == chained.antecedent), chained)

    def _previous_subject(self, pronoun: Token, candidates: list[ActorMention]) -> ActorMention | None:
        """"Machar said there had been no coup and accused Kiir of a purge. He said he would
        not negotiate": "he", subject of a sentence that names no one before it, is the
        person who was the subject of the last sentence naming people, not the last one
        named there (an object)."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        opening = pronoun.sent.start_char
        if not candidates or candidates[-1].end > opening:
            return None  # someone named before it in its own sentence: left to the nearest
        sent = self.doc.char_span(candidates[-1].start, candidates[-1].end, alignment_mode="expand")
        if sent is None:
            return None
        begin = sent[0].sent.start_char
        subjects = [m for m in candidates if m.start >= begin and self._is_subject(m)]
        return subjects[-1] if subjects else None

    def _previous_main_subject(self, pronoun: Token, candidates: list[ActorMention]) -> ActorMention | None:
        """"A statement issued by the ministry denied that its forces had attacked. It accused
        ...": "it" opening a sentence stands for the subject of the sentence before's main
        clause (or the issuer of the text that is that subject), not for the subject of a
        clause inside it."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or candidates[-1].end > pronoun.sent.start_char:
            return None
        last = self.doc.char_span(candidates[-1].start, candidates[-1].end, alignment_mode="expand")
        if last is None:
            return None
        sent = last[0].sent
        for mention in candidates:
            if mention.start < sent.start_char:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            if head.dep_ in ("nsubj", "nsubjpass") and head.head == sent.root:
                return mention
            if _issuer_of_subject(span) and head.head.head.head.head == sent.root:
                return mention
        return None

    def _speakers_body(self, pronoun: Token, ordered: list[ActorMention]) -> ActorMention | None:
        """The body whose member or official says what "it" does: the subject of a report verb
        that is a person's role holding a group's or a state's name ("a Hamas official", "a
        spokesman for the ministry", "an official of the movement")."""
        clause = pronoun.head
        if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in CLOSING_REPORT_VERBS:
            return None
        speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.i > pronoun.i:
            return None
        start, end = speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge)
        inside = [m for m in ordered if start <= m.start and m.end <= end and m.actor.code]
        head = [m for m in inside if m.start <= speaker.idx < m.end]
        if not head or head[-1].kind not in ("role", "compound", "title"):
            return None  # "the army said it ...": the speaker itself is "it"
        bodies = [m for m in inside if m is not head[-1] and (m in self.groups or m.kind in ("group", "igo", "alias"))]
        return bodies[-1] if bodies else None

    def _people_of_a_side(self) -> list[ActorMention]:
        """"Transnistrian separatist forces took the bridge ... Transnistrian leader Igor
        Smirnov said ...": a people's or region's adjective the knowledge does not know, which
        opened the article's first mention of an armed side outside the state, names that side
        when it stands again before its officials or its leader: they are the
        side's, not the government of the state the side fights (a breakaway region's own
        "leader" is no head of that state)."""
        sides: dict[str, ActorMention] = {}
        out: list[ActorMention] = []
        for mention in sorted(self.mentions, key=lambda m: m.start):
            word = self._unknown_adjective_before(mention.start)
            if word is None or not mention.actor.code:
                out.append(mention)
                continue
            role = code_role(mention.actor.code)
            if role in NAMED_ARMED and mention.kind == "role":
                sides.setdefault(word, mention)
            elif word in sides and role == "GOV" and mention.kind in ("role", "title", "person"):
                side = sides[word].actor
                actor = dataclasses.replace(mention.actor, code=side.code, country=side.country)
                mention = dataclasses.replace(mention, actor=actor)
            out.append(mention)
        return out

    def _unknown_adjective_before(self, start: int) -> str | None:
        """The capitalised adjective or name right before `start` ("Transnistrian leader")
        that no knowledge-base hit covers, or None."""
        found = UNKNOWN_ADJECTIVE_RE.search(self.text, max(0, start - 40), start)
        if found is None or any(h.start < found.end(1) and found.start(1) < h.end for h in self.hits):
            return None
        span = self.doc.char_span(found.start(1), found.end(1))
        if span is None or len(span) != 1 or span[0].pos_ not in ("ADJ", "PROPN"):
            return None
        return found.group(1)

    def _plural_pronouns(self) -> list[ActorMention]:
        """"they", "them", "their": the side of a conflict told in the plural that English
        makes the pronoun's antecedent, or nothing (`_plural_antecedent`)."""
        out: list[ActorMention] = []
        for token in _tokens_of(self.doc, THEY_PRONOUNS):
            found = self._plural_antecedent(token, out)
            if found is not None:
                out.append(refer(found, token.idx, token.idx + len(token.text), token.text, "pronoun"))
        return out

    def _plural_antecedent(self, pronoun: Token, resolved: list[ActorMention]) -> ActorMention | None:
        """The subjects of the clauses above the pronoun, nearest first, then the sentence
        before. "their" is the subject of its own clause or of one its clause hangs on in
        the same report ("rebels captured the town, raising their flag"), not the speaker of
        a report ("officers said their men ..." may be anyone's men); "themselves" its own
        clause's subject; "they" and "them" only the speaker of the report they are in ("the
        rebels said the army had attacked them"): another clause's subject is no better than
        its object ("troops killed 11 of them as they withdrew"), and "them" is never its own
        clause's subject. The first subject told in the plural decides (`_plural_subject`):
        a side is the antecedent, anything else (witnesses, officials of no body, a pair of
        countries) leaves the pronoun unresolved; a singular subject is passed over."""
        word = pronoun.lower_
        if word == "their" and pronoun.head.lower_ in IDIOM_POSSESSED:
            return None
        clause, own = _clause_of(pronoun), True
        while True:
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
            reported = not own and clause.lemma_.lower() in SPEECH_VERBS
            usable = word == "their" or word == "themselves" and own or word in ("they", "them") and reported
            if subject is not None and usable:
                decided, mention = self._plural_subject(subject, resolved)
                if decided:
                    # ("took the judges and their staff hostage": people named in the plural
                    # between the subject and "their" are as near an antecedent)
                    between = self.doc[subject.right_edge.i + 1:pronoun.i]
                    if mention is not None and any(t.tag_ in PLURAL_TAGS and self._mentions_at(t) for t in between):
                        return None
                    return mention
            if word == "themselves" or clause.dep_ == "ROOT" or clause.head is clause:
                break
            if word == "their" and clause.dep_ == "ccomp":
                return None  # (a report's clause: "their" may be anyone's there)
            reporting = clause.dep_ == "ccomp" and _clause_of(clause.head).lemma_.lower() in SPEECH_VERBS
            if word != "their" and not reporting:
                return None
            clause, own = _clause_of(clause.head), False
        return self._antecedent_before(pronoun, resolved) if word in ("they", "them") else None

    def _antecedent_before(self, pronoun: Token, resolved: list[ActorMention]) -> ActorMention | None:
        """"About 200 gunmen came ashore ... They seized 180 residents": a sentence that has
        named nobody in the plural before the pronoun continues the sentence before, whose
        main subject it is; when that subject is one person ("A rebel spokesman denied that
        the rebels had targeted civilians. He said they had attacked a post"), the last
        subject told in the plural there. Not "they" of a passive ("Police held five men.
        They were charged ..." are those held), nor after a sentence naming a second side
        in the plural ("Troops killed 11 rebels. They ...")."""
        sent = pronoun.sent
        if sent.start == 0 or pronoun.dep_ == "nsubjpass":
            return None
        if any(t.tag_ in PLURAL_TAGS and (t.dep_ in ("nsubj", "nsubjpass") or self._mentions_at(t))
               for t in self.doc[sent.start:pronoun.i]):
            return None
        before = self.doc[sent.start - 1].sent
        main = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if main is not None:
            decided, mention = self._plural_subject(main, resolved)
            if decided:
                if mention is not None and any(
                        mention.end < m.end <= before.end_char and m.actor.code != mention.actor.code
                        and code_role(m.actor.code) in SIDE_ROLES and self._plural_at(m.end) for m in self.mentions):
                    return None
                return mention
        for token in reversed(before):
            if token.dep_ in ("nsubj", "nsubjpass") and token is not main:
                decided, mention = self._plural_subject(token, resolved)
                if decided:
                    return mention
        return None

    def _plural_subject(self, subject: Token, resolved: list[ActorMention]) -> tuple[bool, ActorMention | None]:
        """Whether `subject` decides a plural pronoun, and the side it names if so: a plural
        subject decides (a side, or nothing), a singular one does not; a coordinated one
        ("Armenia and Azerbaijan") is no one side."""
        if subject.lower_ in RELATIVE_SUBJECTS and subject.head.dep_ == "relcl":
            subject = subject.head.head
        if any(c.dep_ == "conj" for c in subject.children):
            return True, None
        if subject.lower_ in THEY_PRONOUNS:
            return True, next((m for m in resolved if m.start == subject.idx), None)
        if subject.tag_ not in PLURAL_TAGS:
            return False, None
        return True, self._side(subject)

    def _side(self, subject: Token) -> ActorMention | None:
        """The side a plural subject names: its own mention, or the group it is part of
        ("gunmen of a faction of the Moro front"); none for two ("Saudi and Qatari troops")."""
        candidates = [m for m in self._mentions_at(subject) if m.actor.code]
        token: Token | None = subject
        while token is not None:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            token = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if token is None:
                break
            inner = [m for m in self._mentions_at(token) if m.actor.code]
            groups = [m for m in inner if m.kind in ("group", "alias", "compound") or m in self.groups]
            candidates = groups or candidates or inner
            if groups:
                break
        sides = [m for m in candidates if m.kind != "pronoun" and code_role(m.actor.code) in SIDE_ROLES]
        if len({m.actor.code for m in sides}) != 1:
            return None
        return sides[-1]

    def _mentions_at(self, token: Token) -> list[ActorMention]:
        return [m for m in self.mentions if m.start <= token.idx < m.end]

    def _wings(self) -> list[ActorMention]:
        """"The Democratic Union Party (PYD), the YPG's political wing, denied ...": a name the
        knowledge does not know, set off by a comma before "the" + a known group's possessive
        + a word for a part of it ("wing", "arm", "branch"), is that group's (and so is the
        acronym it brackets, see `_aliases`)."""
        out: list[ActorMention] = []
        for group in [m for m in self.mentions if m.kind in ("group", "igo") and m.actor.code]:
            before = WING_BEFORE_RE.search(self.text, max(0, group.start - NAME_REACH), group.start)
            if before is None or before.end() != group.start or not WING_AFTER_RE.match(self.text, group.end):
                continue
            start, end = before.start("name"), before.end("name")
            start += 4 if before.group("name").startswith(("The ", "the ")) else 0
            inside = [m for m in self.mentions if m.start < end and start < m.end]
            if start >= end or any(m.kind not in ("country", "demonym") for m in inside):
                continue  # (a country word may be part of the name: "the Lebanese Renewal Party")
            self.mentions = [m for m in self.mentions if m not in inside]
            text = self.text[start:end]
            actor = Actor(text=text, name=text, code=group.actor.code, country=group.actor.country)
            mention = ActorMention(start=start, end=end, actor=actor, kind="group")
            self.groups.append(mention)
            out.append(mention)
        return out

    def _aliases(self) -> list[ActorMention]:
        """The short names an article gives a group it has named in full, wherever they
        recur: the acronym it brackets after the name ("the Arakan Rohingya Salvation Army
        (ARSA)"; after a role of the group the knowledge does not know, the role's: "Fighters
        of the Western Hills Liberation Movement (WHLM)"), and the last word of a group's name
        that the article uses alone after "the", capitalised ("the Muslim Brotherhood ... the
        Brotherhood said")."""
        named: dict[str, ActorMention] = {}
        ordered = sorted((m for m in self.mentions if m.actor.code), key=lambda m: m.start)
        for match in BRACKETED_ACRONYM_RE.finditer(self.text):
            acronym = match.group(1)
            start = _spelled_name(self.text, match.start(), acronym)
            if start is None or acronym in named:
                continue
            # the group the knowledge knows by the full name, else the role the name is "of"
            whole = [m for m in ordered if m.kind in ("group", "igo", "compound")
                     and m.start <= start < m.end and m.end >= match.start() - 1]
            owners = [m for m in ordered if m.end <= start and m.kind in ("role", "compound")
                      and OF_THE_RE.fullmatch(self.text[m.end:start])]
            if whole or owners:
                named[acronym] = (whole or owners)[-1]
        short: dict[str, ActorMention] = {}
        heads: dict[str, ActorMention] = {}  # the plural before "of", for text in capitals
        for mention in ordered:
            words = mention.actor.text.split()
            if mention.kind == "group" and len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
                short.setdefault(words[-1], mention)
            head = _head_before_of(words) if mention.kind == "group" else None
            if head is not None:
                heads.setdefault(head.upper(), mention)
                short.setdefault(head[0] + head[1:].lower(), mention)
        out: list[ActorMention] = []
        taken = [(m.start, m.end) for m in self.mentions]
        for pattern, names in ((ACRONYM_RE, named), (SHORT_NAME_RE, short), (CAPITALS_SHORT_NAME_RE, heads)):
            for name, target in names.items():
                for match in re.finditer(pattern.format(re.escape(name)), self.text):
                    start, end = match.span("name")
                    if pattern is CAPITALS_SHORT_NAME_RE and not _in_capitals(self.text, match.start()):
                        continue
                    if start < target.end:
                        continue
                    common = self._common_noun_at(start, end) if pattern is SHORT_NAME_RE else None
                    if common is not None:
                        # "the Islamic Courts ... the Courts said": the name, capitalised
                        # inside a sentence, not the courts of law
                        self.mentions.remove(common)
                        taken.remove((common.start, common.end))
                    elif any(a < end and start < b for a, b in taken):
                        continue
                    out.append(refer(target, start, end, name, "alias"))
                    out.extend(self._role_of_possessor(target, end))
                    out.extend(self._role_spoken_for(target, match.start()))
        return out

    def _role_spoken_for(self, target: ActorMention, start: int) -> list[ActorMention]:
        """"A spokesman for the Tigers denied ...": a person's role of no named body, right
        before "for" or "of" and a group's short name, is the group's, not the main country's."""
        role = next((m for m in self.mentions if m.kind == "role" and m.office is not None
                     and ROLE_FOR_RE.fullmatch(self.text[m.end:start])), None)
        if role is None:
            return []
        self.mentions.remove(role)
        actor = Actor(text=role.actor.text, name=role.actor.name, code=target.actor.code, country=target.actor.country)
        return [ActorMention(start=role.start, end=role.end, actor=actor, kind="compound", office=role.office)]

    def _common_noun_at(self, start: int, end: int) -> ActorMention | None:
        """The bare role mention ("the Courts": the judiciary) that a group's short name at
        [start, end) spells, unless the role is a state's office or force or an armed side's."""
        for mention in self.mentions:
            if mention.end == end and mention.start <= start and mention.kind == "role" \
                    and self.text[mention.start:start].strip().casefold() in ("", "the") \
                    and code_role(mention.actor.code) not in KEPT_ROLES:
                return mention
        return None

    def _role_of_possessor(self, target: ActorMention, end: int) -> list[ActorMention]:
        """"the Courts' leaders", "the Brotherhood's spokesman": a bare role right after a
        group's short name in the possessive is the group's, not the main country's."""
        gap = POSSESSIVE_AFTER_RE.match(self.text, end)
        if gap is None:
            return []
        role = next((m for m in self.mentions if m.start == gap.end() and m.kind == "role"), None)
        if role is None:
            return []
        self.mentions.remove(role)
        actor = Actor(text=role.actor.text, name=role.actor.name, code=target.actor.code, country=target.actor.country)
        return [ActorMention(start=role.start, end=role.end, actor=actor, kind="compound", office=role.office)]

    def _one_person(self, mention: ActorMention) -> bool:
        """"a military spokesman", "the foreign minister": a role that names one person (an
        office, or a role whose noun stands for a person)."""
        if not self._singular(mention):
            return False
        if mention.office:
            return True
        words = mention.actor.text.split()
        return bool(words) and any(isinstance(e.entity, Role) and (e.entity.office or e.entity.refers == "person")
                                   for e in self.kb.entries(name_key(words[-1])))

    def _singular(self, mention: ActorMention) -> bool:
        """"The regime" may be "it"; "terrorist elements" may not."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span[-1].tag_ not in PLURAL_TAGS

    def _is_subject(self, mention: ActorMention) -> bool:
        """The mention itself is a clause's subject (or the speaker before a reporting verb),
        not a phrase holding one ("its news agency")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and (span.root.dep_ in ("nsubj", "nsubjpass") or _speaker_before(span))

    def _plural_at(self, end: int) -> bool:
        """The phrase ending at `end` ends in a plural noun ("the attackers", "the gunmen")."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        return span is not None and span[-1].tag_ in PLURAL_TAGS

    def _defined_by_clause(self, end: int) -> bool:
        """"the gunmen who had robbed a bank": a restrictive relative clause on the noun ending
        at `end` says who they are, so the definite article refers to no one told before ("the
        gunmen, who arrived in a bus," is told of men already known: the comma)."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None:
            return False
        noun = span[-1]
        return any(child.dep_ == "relcl" and child.i > noun.i and noun.nbor(1).text != ","
                   for child in noun.children)

    def _members_were_subject(self, mention: ActorMention) -> bool:
        """"Fighters of the Islamic State raided a post": the group's members were the subject."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and any(
            t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ in ("nsubj", "nsubjpass") for t in span)

    def _was_subject(self, mention: ActorMention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        # (the word naming a subject's kind counts: "the main opposition coalition said")
        return any(t.dep_ in ("nsubj", "nsubjpass", "poss")
                   or t.dep_ in ("compound", "amod") and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "NOUN"
                   for t in span) or _speaker_before(span) or _issuer_of_subject(span)


# What a text that speaks for whoever issued it is: frame `document` of frames.tsv
# ("a statement issued by the ministry said").
ISSUED_TEXT_FRAME = "document"


def _issuer_of_subject(span: Span) -> bool:
    """"A statement issued by the Eritrean information ministry denied ...": who issued the
    text that is a clause's subject spoke (and is what "it" in the next sentence stands for)."""
    head = span.root
    if head.dep_ != "pobj" or head.head.dep_ != "agent":
        return False
    participle = head.head.head
    text = participle.head
    return (participle.dep_ == "acl" and text.dep_ in ("nsubj", "nsubjpass")
            and text.lemma_.lower() in frame_words(ISSUED_TEXT_FRAME))


def _speaker_before(span: Span) -> bool:
    """"..., the UN Interim Force in Lebanon (UNIFIL) said": the name right before a
    reporting verb that the parse left without a subject is who spoke."""
    following = span.doc[span.end:span.end + 3]
    verb = next((t for t in following if not t.is_punct), None)
    # (", saying ..." is said by the clause's subject, not by the name before the comma)
    return (verb is not None and verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ in ("VERB", "AUX")
            and verb.tag_ != "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))

def _tokens_of(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of `words`, in order, found in the doc's
    array of forms rather than by making every token."""
    wanted = numpy.array([hash_string(w) for w in words], dtype=numpy.uint64)
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)).tolist()]

def _clause_of(token: Token) -> Token:
    """The verb heading the clause a word is in (the word itself if it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT" and token.head is not token:
        token = token.head
    return token

def _referential_it(token: Token) -> bool:
    if token.dep_ == "poss":
        return True
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ not in EXPLETIVE_HEADS

def _spelled_name(text: str, end: int, acronym: str) -> int | None:
    """Where the name ending at `end` starts whose capitalised words' initials spell
    `acronym` ("Arakan Rohingya Salvation Army" for ARSA, "National Front for the Liberation
    of Ogaden" for NFLO), or None."""
    offset = max(0, end - NAME_REACH)
    words = list(re.finditer(r"[\w'’-]+", text[offset:end]))
    letters = acronym
    for word in reversed(words):
        text = word.group(0)
        if text.lower() in NAME_GLUE and letters != acronym:
            continue
        if not text[:1].isupper() or not letters or text[0] != letters[-1]:
            return None
        letters = letters[:-1]
        if not letters:
            return offset + word.start()
    return None

def _head_before_of(words: list[str]) -> str | None:
    """The short name a group's name gives before "of" ("the Tigers" of the "Liberation
    Tigers of Tamil Eelam"): a capitalised plural, so that no singular state word ("the
    Army" of an "Army of God") is taken for the group."""
    for before, word in zip(words, words[1:]):
        folded = before.casefold()
        if word.casefold() == "of" and before[:1].isupper() and before.isalpha() \
                and folded.endswith("s") and not folded.endswith("ss"):
            return before
    return None


def _in_capitals(text: str, start: int) -> bool:
    """The line around `start` has no lower-case letter (a wire archive's capitals)."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin:end if end >= 0 else len(text)]
    return not any(c.islower() for c in line)


def code_role(code: str | None) -> str:
    """The role part of an actor code: "RAD" of "LBNRAD", "INS" of "INS"."""
    return (code or "")[-3:]

def refer(target: ActorMention, start: int, end: int, text: str, kind: str) -> ActorMention:
    actor = Actor(text=text, name=target.actor.name, code=target.actor.code, country=target.actor.country)
    return ActorMention(start=start, end=end, actor=actor, kind=kind, office=target.office,
                        antecedent=(target.start, target.end))
