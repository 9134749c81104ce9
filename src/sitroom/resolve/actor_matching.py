"""Matching an article's words against the actor knowledge base: the hits (countries,
demonyms, capitals, people, groups, roles) that the actor stage (`resolve.actors`) composes
into noun phrases and resolves to actors."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..knowledge.actors import ActorKB, Entry, Group, Person, Role, Word
from ..nlp import doc_text


# Fuzzy matching tries windows of up to this many words: long enough for
# "Jama'at Nusrat al-Islam wal-Muslimin", short enough to stay cheap.
MAX_FUZZY_WORDS = 6
# Text allowed between the words of one name: spaces, hyphens, dots and apostrophes.
INNER_GAP_RE = re.compile(r"^[ \t\-.'’]*$")
# A word of a name with an apostrophe inside it: "Ulufa'alu", "N'Diaye", "O'Neill".
INNER_APOSTROPHE_RE = re.compile(r"[A-Z][\w]*['’][A-Za-z]{2,}")
# Between a possessive word of a name and the next: "Lord's Resistance".
POSSESSIVE_GAP_RE = re.compile(r"^['’ʼ`]s[ \t]+$")
# A modifier marked like this names a sponsor, not the actor: "Turkish-backed rebels".
# The participles of a sponsor ("Turkish-backed", "rebel factions backed by Turkey").
SPONSOR_PARTICIPLES = frozenset({"backed", "supported", "aligned", "allied", "sponsored", "funded", "trained", "armed",
                                 "based", "led", "run", "affiliated", "linked", "brokered", "mediated"})
# (after the point that closes an abbreviation the match leaves out: "U.S.-based", "U.N.-backed")
SPONSOR_SUFFIX_RE = re.compile(rf"^\.?-({'|'.join(sorted(SPONSOR_PARTICIPLES))})\b", re.I)
SPONSOR_PREFIX_RE = re.compile(r"\b(pro|anti)-$", re.I)
# Reporting verbs that close a sentence: "..., his office said."
CLOSING_REPORT_VERBS = frozenset({"say", "add", "announce", "report", "state", "confirm", "tell"})
NAMED_ARMED = frozenset({"REB", "INS", "RAD", "SEP"})
# Someone who held a role once is coded as an elite (CAMEO's ELI: former officials), not as
# the office or force they left: "a retired general" is no combatant.
FORMER_ROLE = "ELI"
# What the parser calls a word that only builds a clause (a pronoun, an auxiliary, a
# preposition): in a text set in capitals, an acronym spelled like one ("WHO", "IS") is the
# word ("..., WHO IS BEING TREATED"), not the body.
FUNCTION_POS = frozenset({"PRON", "AUX", "ADP", "DET", "SCONJ", "CCONJ", "PART"})
# Roles a title gives that put a known person outside the state's offices.
OUTSIDE_THE_STATE = NAMED_ARMED | {"OPP", FORMER_ROLE}


@dataclass
class Hit:
    """A knowledge-base match (or a model PERSON entity) over words [w0, w1)."""

    start: int
    end: int
    w0: int
    w1: int
    kind: str  # country, capital, demonym, person, surname, group, role, unknown
    entries: list[Entry]

    @property
    def entity(self) -> object:
        return self.entries[0].entity if self.entries else None


def is_sponsor(text: str, hit: Hit) -> bool:
    """"Turkish-backed", "pro-Iranian": the country backs the actor; it is not the actor."""
    after = text[hit.end:hit.end + 16]
    before = text[max(0, hit.start - 5):hit.start]
    return bool(SPONSOR_SUFFIX_RE.match(after) or SPONSOR_PREFIX_RE.search(before))


def _joined(text: str, words: Sequence[Word], i: int, n: int, *, possessive: bool = False) -> bool:
    """Do words i..i+n-1 form one unbroken name (no comma, bracket or line break, and no
    possessive word unless `possessive`: "Lord's Resistance Army")?"""
    for j in range(i, i + n - 1):
        gap = text[words[j].end:words[j + 1].start]
        if words[j].possessive:
            if not (possessive and POSSESSIVE_GAP_RE.match(gap)):
                return False
        elif not INNER_GAP_RE.match(gap):
            return False
    return True


def _inside_initials(text: str, span: Sequence[Word]) -> bool:
    """Initials cut out of longer ones: "A U" of "A U.S. spokesman" (as "A.U.", the African
    Union), "S" of "U.S.": a letter the text joins to the span's first or last by a dot."""
    if not all(len(w.text) == 1 for w in span):
        return False
    before, after = text[max(0, span[0].start - 2):span[0].start], text[span[-1].end:span[-1].end + 2]
    return bool(INITIAL_BEFORE_RE.fullmatch(before) or INITIAL_AFTER_RE.fullmatch(after))


INITIAL_BEFORE_RE = re.compile(r"[A-Za-z]\.")
INITIAL_AFTER_RE = re.compile(r"\.[A-Za-z]")


def _acceptable(entry: Entry, span: Sequence[Word]) -> bool:
    if entry.acronym:
        return all(w.all_caps or w.text.isdigit() for w in span)
    if entry.written is not None:
        return all(w.all_caps for w in span) or " ".join(w.text for w in span) == entry.written
    if entry.kind == "role":
        return True
    if entry.kind == "surname":
        return span[-1].capitalised
    return any(w.capitalised for w in span)


def match_words(kb: ActorKB, text: str, words: Sequence[Word]) -> list[Hit]:
    """Longest knowledge-base matches, left to right, with a fuzzy try for long names."""
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        found = _exact(kb, text, words, i) if words[i].key in kb.max_words else None  # most words start no name
        fuzzy = _fuzzy(kb, text, words, i, found[0] if found else 0) if words[i].capitalised else None
        best = fuzzy or found
        if best is None:
            i += 1
            continue
        n, entries = best
        if entries[0].kind == "role" and words[i].key == "the" and i + 1 < len(words):
            # "The Organization of African Unity": a name that starts after the article runs
            # past the role "the organization", and wins
            named = _exact(kb, text, words, i + 1) if words[i + 1].key in kb.max_words else None
            if named is not None and named[1][0].kind != "role" and 1 + named[0] > n:
                i += 1
                continue
        hits.append(Hit(words[i].start, words[i + n - 1].end, i, i + n, entries[0].kind, entries))
        i += n
    return hits


def _exact(kb: ActorKB, text: str, words: Sequence[Word], i: int) -> tuple[int, list[Entry]] | None:
    longest = kb.max_words.get(words[i].key, 0)
    for n in range(min(longest, len(words) - i), 0, -1):
        key = " ".join(w.key for w in words[i:i + n])
        if not _joined(text, words, i, n, possessive=key in kb.possessive_keys) or _inside_initials(text, words[i:i + n]):
            continue
        entries = [e for e in kb.entries(key) if _acceptable(e, words[i:i + n])]
        if entries:
            return n, entries
    return None


def _fuzzy(kb: ActorKB, text: str, words: Sequence[Word], i: int, exact_n: int) -> tuple[int, list[Entry]] | None:
    for n in range(min(MAX_FUZZY_WORDS, len(words) - i), max(exact_n, 1), -1):
        span = words[i:i + n]
        if not span[-1].capitalised or not _joined(text, words, i, n):
            continue
        key = kb.fuzzy_key(" ".join(w.key for w in span))
        if key is not None:
            entries = [e for e in kb.entries(key) if e.kind in ("person", "group")]
            if entries:
                return n, entries
    return None


def _dated(hit: Hit, day: dt.date | None) -> Hit:
    """A group as the article's day knows it: "the Taliban" of a 2015 report are insurgents.
    (Most matches name no group whose code changed: those are kept as they are.)"""
    if not any(isinstance(e.entity, Group) and e.entity.on(day) is not e.entity for e in hit.entries):
        return hit
    entries = [dataclasses.replace(e, entity=e.entity.on(day)) if isinstance(e.entity, Group) else e
               for e in hit.entries]
    return dataclasses.replace(hit, entries=entries)


# "the Gulf of Aden", "the Sea of Japan": a body of water named after a place is no actor.
WATERS_OF = re.compile(r"\b(?:gulf|bay|bight|strait|straits|sea|lake)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _first_name_of_another(text: str, words: Sequence[Word], hit: Hit, hits: Sequence[Hit]) -> bool:
    """"Rebel leader Francis Ona": a person the knowledge knows by one word (Pope Francis)
    is not meant where that word opens a longer name the knowledge does not know; a name
    used alone ("Lula", "Suharto") is followed by no capitalised word of a name."""
    if hit.kind != "person" or hit.w1 - hit.w0 != 1 or hit.w1 >= len(words):
        return False
    person = hit.entity
    if not isinstance(person, Person) or " " in person.name.strip():
        return False
    word, following = words[hit.w0], words[hit.w1]
    if word.all_caps or not following.capitalised or following.all_caps or not following.text[1:2].islower():
        return False  # all-capital copy says nothing; "Francis ONA" neither
    gap = text[word.end:following.start]
    if not INNER_GAP_RE.match(gap) or "\n" in gap or gap.strip() or word.possessive:
        return False
    return not any(h.w0 <= hit.w1 < h.w1 and h.kind not in ("surname", "unknown") for h in hits)


def _function_word_in_capitals(doc: Doc, words: Sequence[Word], hit: Hit) -> bool:
    """An acronym of one word, between words set in capitals (a wire archive's), that the
    parser reads as a pronoun or an auxiliary: "THE SHAH, WHO IS BEING TREATED" names
    neither the World Health Organization nor the Islamic State."""
    if hit.w1 - hit.w0 != 1 or not all(e.acronym for e in hit.entries):
        return False
    around = words[max(0, hit.w0 - 1):hit.w0] + words[hit.w1:hit.w1 + 1]
    if not around or not all(w.text.isupper() and len(w.text) > 1 for w in around):
        return False
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].pos_ in FUNCTION_POS


def _names_waters(text: str, hit: Hit) -> bool:
    return hit.kind in ("country", "capital") and WATERS_OF.search(text[max(0, hit.start - 20):hit.start]) is not None


# Heads of a phrase that take the role of the body named after "of": "leaders of the Sufi
# orders" are religious leaders, "members of the militia" militiamen.
GENERIC_HEADS = frozenset({"leader", "leaders", "head", "heads", "chief", "chiefs", "member", "members"})


# "Central American presidents", "Latin American leaders": "American" after one of these
# names a continent's part, not the United States.
CONTINENT_PART = re.compile(r"\b(?:Central|Latin|South|North)[ \t]+$")


def _part_of_a_continent(text: str, hit: Hit) -> bool:
    return (hit.kind == "demonym" and text[hit.start:hit.end].lower().startswith("american")
            and CONTINENT_PART.search(text[max(0, hit.start - 12):hit.start]) is not None)


def _described_groups(doc: Doc, words: Sequence[Word], hits: list[Hit], kb: ActorKB) -> list[Hit]:
    """"the Iran-aligned group", "the paramilitary group": a definite description whose head
    is an anaphor's noun ("the group", "the movement"), once a group has been named, refers
    as the anaphor does, to the group named last; the words describing it name no actor
    of their own (a sponsor: "Iran" of "Iran-aligned"). A description that holds a role
    ("the militant group") stays the role's (see `actors._Resolver._anaphor`)."""
    first_group = next((h.start for h in hits if h.kind == "group"), None)
    if first_group is None:
        return hits
    text = doc_text(doc)
    for k, word in enumerate(words):
        entries = kb.anaphors.get(word.key)
        if not entries or word.start <= first_group:
            continue
        span = doc.char_span(word.start, word.end)
        if span is None or len(span) != 1 or span[0].pos_ != "NOUN":
            continue
        head = span[0]
        det = head.left_edge
        if det.lower_ != "the" or det.i >= head.i - 1 or any(c.dep_ == "appos" for c in head.children):
            continue
        start = det.idx
        inside = [h for h in hits if start <= h.start < word.end]
        if any(not is_sponsor(text, h) for h in inside) or any(h.end > word.end for h in inside):
            continue
        w0 = next(j for j in range(k, -1, -1) if words[j].start <= start)
        hits = sorted([h for h in hits if h not in inside] + [Hit(start, word.end, w0, k + 1, "role", entries)],
                      key=lambda h: h.start)
    return hits


def _side_of_a_role(text: str, hit: Hit, hits: Sequence[Hit]) -> bool:
    """"the separatist president", "the rebel governor": an adjective naming an armed or
    opposition side just before an office says whose office it is (kept as a role, it
    codes the phrase by its side)."""
    sides = {e.entity.role for e in hit.entries if isinstance(e.entity, Role)}
    if not sides & OUTSIDE_THE_STATE:
        return False
    return any(h.kind == "role" and h.start > hit.end and not text[hit.end:h.start].strip() for h in hits)


def _adjective_role(doc: Doc, hit: Hit) -> bool:
    """"the official agency", "the military escalation": a role word used as an adjective."""
    if hit.kind != "role":
        return False
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and span[-1].pos_ == "ADJ"


def _model_people(doc: Doc, words: Sequence[Word]) -> list[Hit]:
    """PERSON entities of the model, as candidates the knowledge base may not know."""
    out: list[Hit] = []
    starts = {w.start: k for k, w in enumerate(words)}
    ends = {w.end: k for k, w in enumerate(words)}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        text = ent.text
        end = ent.end_char - (2 if text.endswith(("'s", "’s")) else 0)
        w0, w1 = starts.get(ent.start_char), ends.get(end)
        if w0 is None or w1 is None or not words[w0].capitalised:
            continue
        while w1 + 1 < len(words) and _name_with_apostrophe(doc, words[w1], words[w1 + 1]):
            # "Bartholomew Ulufa'alu", "Amadou N'Diaye": the model stops before a name's
            # word with an apostrophe inside it
            w1 += 1
            end = words[w1].end
        out.append(Hit(ent.start_char, end, w0, w1 + 1, "unknown", []))
    return out + _surnames_again(doc, words, out)


def _name_with_apostrophe(doc: Doc, before: Word, word: Word) -> bool:
    """`word`, right after `before` (one space between), is a capitalised word with an
    apostrophe inside it ("Ulufa'alu", "N'Diaye", "O'Neill", not "Ali's") that no entity
    of the model holds."""
    text = doc_text(doc)
    if text[before.end:word.start] != " " or not word.capitalised or not INNER_APOSTROPHE_RE.fullmatch(word.text):
        return False
    span = doc.char_span(word.start, word.end, alignment_mode="expand")
    return span is not None and all(t.ent_type_ in ("", "PERSON") for t in span)


def _surnames_again(doc: Doc, words: Sequence[Word], people: list[Hit]) -> list[Hit]:
    """"Sergei Yastrzhembsky told reporters ... Yastrzhembsky rejected the offer": the
    surname of a person the model found earlier, alone again, is that person even where the
    model labels it otherwise."""
    text = doc_text(doc)
    surnames: dict[str, int] = {}
    for hit in people:
        if hit.w1 - hit.w0 > 1:
            surnames.setdefault(text[words[hit.w1 - 1].start:words[hit.w1 - 1].end], hit.end)
    taken = {k for hit in people for k in range(hit.w0, hit.w1)}
    out = []
    for k, word in enumerate(words):
        surname = text[word.start:word.end]
        first_end = surnames.get(surname)
        if first_end is not None and word.start > first_end and k not in taken and word.capitalised:
            out.append(Hit(word.start, word.end, k, k + 1, "unknown", []))
    return out


def closing_speaker(pronoun: Token) -> bool:
    """"..., his office said.": a possessive on the subject of a reporting verb that closes
    its sentence after a clause of its own."""
    noun, verb = pronoun.head, pronoun.head.head
    return (pronoun.dep_ == "poss" and noun.dep_ == "nsubj" and verb.lemma_.lower() in CLOSING_REPORT_VERBS
            and any(t.i < noun.i and t.pos_ in ("VERB", "AUX") for t in pronoun.sent)
            and all(t.is_punct or t.is_space for t in pronoun.doc[verb.i + 1:pronoun.sent.end]))


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Knowledge-base hits win over model entities they overlap, but a surname alone does
    not win over a longer name that contains it: "Nawaz Sharif" is not the Sharif the
    knowledge knows by that surname ("Shehbaz Sharif"), nor is "Mustafa Osman Ismail" the
    Mustafa it knows; the full name would have matched if it were the same person."""
    unknown = [h for h in hits if h.kind == "unknown"]
    known = [h for h in hits if h.kind != "unknown" and not (
        h.kind == "surname" and any(u.start <= h.start and h.end <= u.end and u.w1 - u.w0 > h.w1 - h.w0
                                    for u in unknown))]
    out = list(known)
    for hit in unknown:
        if not any(h.start < hit.end and hit.start < h.end for h in known):
            out.append(hit)
    return sorted(out, key=lambda h: h.start)


def find_hits(kb: ActorKB, doc: Doc, words: Sequence[Word], day: dt.date | None) -> list[Hit]:
    """The knowledge base's matches in the article that name actors (not "the Gulf of Aden",
    "Central American", an adjective of a role's side, a first name of another person),
    with the model's people added, overlaps dropped, groups described by a role found and
    each hit dated to the article's day."""
    text = doc_text(doc)
    matched = match_words(kb, text, words)
    hits = [h for h in matched if (not _adjective_role(doc, h) or _side_of_a_role(text, h, matched))
            and not _names_waters(text, h) and not _part_of_a_continent(text, h)
            and not _first_name_of_another(text, words, h, matched)
            and not _function_word_in_capitals(doc, words, h)]
    hits += _model_people(doc, words)
    return [_dated(hit, day) for hit in _described_groups(doc, words, _drop_overlaps(hits), kb)]
