"""How many: counts of people in an article, with what happened to them and who they were.

    NumberStage        doc._.article -> doc._.numbers (NumberMention, sorted by start)
    parse_amount       "at least 412" -> (412, "at least"); "dozens" -> (12, "dozens")
    toll_from_numbers  the mentions of one sentence -> {killed, injured, qualifier, by_group}
    NumberLexicon      numbers.tsv, victims.tsv and tolls.tsv, loaded and checked

An amount is found in the text (digits, number words, vague amounts such as "dozens"),
then the parse says what it counts: the noun it modifies ("12 civilians"), or, where
the number stands alone ("killed eight"), the verb it belongs to. Only counts of people
become mentions; ages, years, money, percentages, ordinals and counts of things do not.
The category (killed, injured, ...) comes from the cue word the count hangs from:
"killing 12 people", "412 people have been killed", "left 410 dead", "a toll of 30",
"the death toll rose to 57". A breakdown ("...: 214 rebels, 137 soldiers and 61
civilians") takes the category of the toll it breaks down.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ..errors import KnowledgeError
from ..knowledge import data_path
from ..knowledge.tsv import read_tsv
from ..nlp import doc_text
from ..records import Article, NumberMention
from .dates import find_candidates, lower_in_place, matches_at
from .victims import (AGAIN, HEADLINE, MORE, NEW, PERPETRATOR, Phrase, along_with_whom, headline_noun, name_words,
                      same_name, victim_phrases)

CATEGORIES = ("killed", "injured", "hit", "abducted", "arrested", "displaced", "missing")
# When one count is tied to several cues ("was shot and killed", "shot dead"), the gravest
# says what became of them: killed over injured over hit (shot, stabbed, fate not given).
SEVERITY = ("killed", "injured", "hit")
# What befalls only the living: a count of any noun this befalls counts people.
HARMED = frozenset({"killed", "injured"})
PATIENTS = ("object", "subject")
# What a noun phrase without a number is counted for: a person fleeing or detained is the
# story of one suspect, not a toll; harm and disappearance are.
PHRASE_CATEGORIES = frozenset({"killed", "injured", "hit", "abducted", "missing"})
AMOUNT_KINDS = ("number", "multiplier", "vague", "qualifier")
CUE_POS = ("verb", "adj", "noun")
EXACT = "exact"
# The kind of a written count listed with other people ("two teachers and a student"):
# a part of the sentence's toll, never a total that the other people break down.
LISTED = "listed"

# How far up the parse a count may climb to the word that says what happened to it:
# "killing 12 people" is one step, "the death toll rose to 57" three.
MAX_CLIMB = 4
# Verbs whose subject carries the category of the number they reach: "the toll rose to 57".
LEVEL_VERBS = frozenset({"rise", "climb", "reach", "stand", "increase", "jump", "hit", "surpass",
                         "exceed", "top", "be", "grow", "mount", "soar", "pass"})
# Dependencies from a verb to a predicate that tells what became of its object or subject:
# "left 410 dead", "were shot dead", "remain missing".
PREDICATE_DEPS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "attr", "advmod"})
# Prepositions after a verb whose object tells what became of the counted people:
# "two children were among the injured", "23 people were treated for injuries", "was
# listed in critical condition".
PREDICATE_PREPOSITIONS = frozenset({"among", "for", "with", "in"})
# Dependencies of verbs that share the subject of the verb they hang from ("a man was shot
# and killed", "Man shot, killed in Detroit"): the count's fate is the gravest of them.
SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp"})
# Prepositions after a verb of harm that name whom it was aimed at, not whom it hit.
AIMED_AT = frozenset({"at", "toward", "towards"})
# Prepositions whose object makes a verb's subject the doer ("fired at the police",
# "opened fire on the crowd").
AIMED_AT_OR_ON = frozenset({"at", "on"})
# "took his own life": the subject died by their own hand.
OWN_LIFE_VERBS = frozenset({"take", "end"})
# Modifiers of a counted noun that carry the category: "12 people killed", "30 wounded men".
MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "advcl"})
# What one who "suffered" or "sustained" it was hurt by, besides the injury nouns of
# tolls.tsv ("suffered a gunshot wound"); not a cue of its own, because "two gunshot
# wounds" counts no people.
WOUND_NOUNS = frozenset({"wound"})
# Nouns for the people an act befell ("the victim of a fatal shooting").
VICTIM_NOUNS = frozenset({"victim", "victims", "casualty", "casualties"})
# Between a toll and the groups it breaks down into: "killed: 214 rebels ...", "including".
BREAKDOWN_MARKERS = re.compile(r":|\bincluding\b|\bamong them\b|\bof whom\b|\bof them\b|—|–|\(")
# spaCy entity labels that mark a number as something other than a count of people.
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

_CURRENCY_BEFORE = re.compile(r"[$£€¥₦]\s*$|\b(?:US|USD|EUR|GBP|KSh|Ksh|Rs)\.?\s*$")
_AGE_BEFORE = re.compile(r"(?i)\b(?:aged|age|ages)\s+$|\bno\s+$|\b(?:so|too|how)\s+$")
_NOT_A_COUNT_AFTER = re.compile(
    r"(?i)^(?:-|\s)?(?:years?[- ]old|-year|-month|-day|-week|%|\s*per\s*cent|\s*percent|"
    r"\s+(?:dollars?|euros?|pounds?|shillings?|naira|rupees?|yuan|rubles?|roubles?|hryvnias?|bn|m)\b|"
    r"\s+(?:km|kilometres?|kilometers?|miles?|metres?|meters?|kg|tonnes?|tons?|hours?|minutes?|"
    r"days?|weeks?|months?|years?|decades?|centuries|am|pm|a\.m\.|p\.m\.)\b|:\d)")
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class NumberLexicon:
    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, tuple[int, str]]
    qualifiers: dict[str, str]
    # noun lemma phrase -> (group or None, part_of or None)
    victims: dict[str, tuple[str | None, str | None]]
    # (cue lemma, pos) -> category
    cues: dict[tuple[str, str], str]
    # verb cues whose subject, not object, is the counted people ("12 people died")
    subject_verbs: frozenset[str] = frozenset()
    # nouns whose singular names several people ("couple" -> 2)
    sizes: dict[str, int] = dataclasses.field(default_factory=dict)
    # nouns a killing or wounding verb can take that are not people ("killed 30 cattle")
    not_people: frozenset[str] = frozenset()

    @classmethod
    def load(cls, directory: Path | None = None) -> "NumberLexicon":
        def path(name: str) -> Path:
            return directory / name if directory is not None else data_path(name)

        numbers, multipliers, vague, qualifiers = _load_amounts(path("numbers.tsv"))
        victims, sizes = _load_victims(path("victims.tsv"))
        cues, subject_verbs = _load_cues(path("tolls.tsv"))
        not_people = _load_not_people(path("not_people.tsv"))
        return cls(numbers=numbers, multipliers=multipliers, vague=vague, qualifiers=qualifiers,
                   victims=victims, cues=cues, subject_verbs=subject_verbs, sizes=sizes, not_people=not_people)

    @functools.cached_property
    def amount_pattern(self) -> re.Pattern[str]:
        def alternation(phrases: Sequence[str]) -> str:
            ordered = sorted(phrases, key=len, reverse=True)
            return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)

        words = alternation([*self.numbers, *self.multipliers])
        multipliers = alternation(list(self.multipliers))
        amount = (
            rf"(?:(?P<qualifier>{alternation(list(self.qualifiers))})\s+)?"
            rf"(?P<amount>(?:{_DIGITS})(?:\s+(?:{multipliers}))?"
            rf"|(?:a|an|one)\s+(?:{multipliers})(?:\s+(?:and\s+)?(?:{words}))*"
            rf"|(?:{alternation(list(self.vague))})"
            rf"|(?:{words})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{words}))*)"
        )
        return re.compile(rf"(?i)(?<![\w.,:$£€-]){amount}(?![\w%]|,\d|\.\d|-\w)")

    @functools.cached_property
    def amount_starts(self) -> Callable[[str], list[int] | None]:
        """Where `amount_pattern` may match in a text (`dates.matches_at`): at the start of
        the text, or after a character its look-behind allows, where a digit or a word that
        may open an amount begins (every word of an amount ends before a space, a hyphen or
        the end of the amount). A plain scan of the text in lower case finds them many times
        faster than the case-blind pattern's own search, which has no fast skip. (A word
        found after such a character cannot run across a later start, which needs one
        before it; an amount that opens with another character is looked for the long way.)"""
        firsts = {p.split()[0].lower() for p in [*self.qualifiers, *self.numbers, *self.multipliers, *self.vague,
                                                 "a", "an", "one"]}
        if not all(re.fullmatch(r"[\w-]+", first) for first in firsts):
            return lambda text: None
        words = "|".join(map(re.escape, sorted(firsts, key=len, reverse=True)))
        scan = re.compile(rf"[^\w.,:$£€-](?:(?:{words})(?!\w)|\d)")

        def starts(text: str) -> list[int] | None:
            lowered = lower_in_place(text)
            return None if lowered is None else [0, *(m.start() + 1 for m in scan.finditer(lowered))]
        return starts

    def group_of(self, phrase: str) -> tuple[str | None, str | None] | None:
        return self.victims.get(phrase)

    @functools.cached_property
    def qualifiers_longest_first(self) -> tuple[str, ...]:
        """The qualifiers in the order `parse_amount` tries them (sorted once, not per amount)."""
        return tuple(sorted(self.qualifiers, key=len, reverse=True))

    @functools.cached_property
    def victim_tails(self) -> frozenset[str]:
        """The last word of every victim phrase: a noun phrase ending in another word names
        no victims.tsv group, whatever its modifiers."""
        return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in self.victims)

    @functools.cached_property
    def parents(self) -> dict[str, str]:
        """Victim group -> the group it is usually part of ("children" -> "civilians")."""
        return {group: part for group, part in self.victims.values() if group and part}


def _int_cell(path: Path, line: int, column: str, cell: str) -> int:
    try:
        return int(cell)
    except ValueError as exc:
        raise KnowledgeError(str(path), f"column {column!r} needs a whole number, not {cell!r}", line) from exc


def _load_amounts(path: Path) -> tuple[dict[str, int], dict[str, int], dict[str, tuple[int, str]], dict[str, str]]:
    numbers: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    vague: dict[str, tuple[int, str]] = {}
    qualifiers: dict[str, str] = {}
    for line, row in read_tsv(path, ("phrase", "kind", "value", "qualifier")):
        phrase, kind = " ".join(row["phrase"].lower().split()), row["kind"]
        if not phrase:
            raise KnowledgeError(str(path), "empty phrase", line)
        if kind not in AMOUNT_KINDS:
            raise KnowledgeError(str(path), f"kind {kind!r} is not one of {', '.join(AMOUNT_KINDS)}", line)
        if kind == "qualifier":
            if not row["qualifier"]:
                raise KnowledgeError(str(path), f"qualifier {phrase!r} needs its normalised name", line)
            qualifiers[phrase] = row["qualifier"]
            continue
        value = _int_cell(path, line, "value", row["value"])
        if kind == "number":
            numbers[phrase] = value
        elif kind == "multiplier":
            multipliers[phrase] = value
        else:
            if not row["qualifier"]:
                raise KnowledgeError(str(path), f"vague amount {phrase!r} needs a qualifier", line)
            vague[phrase] = (value, row["qualifier"])
    return numbers, multipliers, vague, qualifiers


def _load_not_people(path: Path) -> frozenset[str]:
    nouns = set()
    for line, row in read_tsv(path, ("noun",), optional=("note",)):
        noun = " ".join(row["noun"].lower().split())
        if not noun:
            raise KnowledgeError(str(path), "empty noun", line)
        nouns.add(noun)
    return frozenset(nouns)


def _load_victims(path: Path) -> tuple[dict[str, tuple[str | None, str | None]], dict[str, int]]:
    victims: dict[str, tuple[str | None, str | None]] = {}
    sizes: dict[str, int] = {}
    for line, row in read_tsv(path, ("noun", "group", "part_of"), optional=("size",)):
        noun = " ".join(row["noun"].lower().split())
        if not noun:
            raise KnowledgeError(str(path), "empty noun", line)
        if noun in victims:
            raise KnowledgeError(str(path), f"noun {noun!r} is listed twice", line)
        if row["part_of"] and not row["group"]:
            raise KnowledgeError(str(path), f"{noun!r} has a part_of but no group", line)
        if row.get("size"):
            size = _int_cell(path, line, "size", row["size"])
            if size < 1:
                raise KnowledgeError(str(path), f"size of {noun!r} must be at least 1", line)
            sizes[noun] = size
        victims[noun] = (row["group"] or None, row["part_of"] or None)
    groups = {g for g, _ in victims.values() if g}
    for noun, (_, part) in victims.items():
        if part and part not in groups:
            raise KnowledgeError(str(path), f"{noun!r} is part of {part!r}, which no noun has as its group")
    return victims, sizes


def _load_cues(path: Path) -> tuple[dict[tuple[str, str], str], frozenset[str]]:
    cues: dict[tuple[str, str], str] = {}
    subject_verbs: set[str] = set()
    for line, row in read_tsv(path, ("cue", "category", "pos"), optional=("patient",)):
        cue = row["cue"].lower()
        if not cue:
            raise KnowledgeError(str(path), "empty cue", line)
        if row["category"] not in CATEGORIES:
            raise KnowledgeError(str(path), f"category {row['category']!r} is not one of {', '.join(CATEGORIES)}", line)
        if row["pos"] not in CUE_POS:
            raise KnowledgeError(str(path), f"pos {row['pos']!r} is not one of {', '.join(CUE_POS)}", line)
        patient = row.get("patient") or "object"
        if patient not in PATIENTS:
            raise KnowledgeError(str(path), f"patient {patient!r} is not one of {', '.join(PATIENTS)}", line)
        if patient == "subject":
            if row["pos"] != "verb":
                raise KnowledgeError(str(path), "only a verb's patient can be its subject", line)
            subject_verbs.add(cue)
        cues[(cue, row["pos"])] = row["category"]
    return cues, frozenset(subject_verbs)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> NumberLexicon:
    """The shipped lexicon, read once per process."""
    return NumberLexicon.load()


# -- amounts -----------------------------------------------------------------------------

def parse_amount(text: str, lexicon: NumberLexicon | None = None) -> tuple[int | None, str]:
    """The conservative value of an amount and its qualifier ("exact" when none is given).

    "2,800" -> (2800, "exact"); "twenty-one" -> (21, "exact"); "more than 410" ->
    (410, "more than"); "dozens" -> (12, "dozens"); "1.5 million" -> (1500000, "exact").
    """
    lexicon = lexicon or default_lexicon()
    words = " ".join(text.lower().replace("-", " - ").split()).replace(" - ", " ")
    qualifier = EXACT
    for phrase in lexicon.qualifiers_longest_first:
        if words.startswith(phrase + " "):
            qualifier = lexicon.qualifiers[phrase]
            words = words[len(phrase) + 1:]
            break
    if words in lexicon.vague:
        value, vague_qualifier = lexicon.vague[words]
        return value, qualifier if qualifier != EXACT else vague_qualifier
    digits = re.fullmatch(rf"({_DIGITS})(?:\s+([a-z]+))?", words)
    if digits is not None:
        number = float(digits[1].replace(",", ""))
        if digits[2] is not None:
            if digits[2] not in lexicon.multipliers:
                return None, qualifier
            number *= lexicon.multipliers[digits[2]]
        return int(number), qualifier
    return _word_number(words.split(), lexicon), qualifier


def _word_number(words: list[str], lexicon: NumberLexicon) -> int | None:
    total, current, seen = 0, 0, False
    for index, word in enumerate(words):
        if word == "and":
            continue
        if word in ("a", "an") and index + 1 < len(words) and words[index + 1] in lexicon.multipliers:
            current, seen = 1, True
        elif word in lexicon.numbers:
            current += lexicon.numbers[word]
            seen = True
        elif word in lexicon.multipliers:
            multiplier = lexicon.multipliers[word]
            if multiplier == 100:
                current = (current or 1) * multiplier
            else:
                total += (current or 1) * multiplier
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


# -- the stage ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Count:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str
    root: Token


class NumberStage:
    name = "numbers"
    requires = ("doc._.article",)
    assigns = ("doc._.numbers",)

    def __init__(self, lexicon: NumberLexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        furniture = article.furniture if article else ()
        mentions = [m for m in self.mentions(doc) if not any(s <= m.start < e for s, e in furniture)]
        doc._.numbers = _subsets(doc, _inherit_breakdowns(doc, mentions))
        return doc

    def mentions(self, doc: Doc) -> list[NumberMention]:
        """Written counts ("12 civilians") and people counted by a noun phrase ("a man")."""
        dates = find_candidates(doc_text(doc))
        found: list[NumberMention] = []
        counted: set[int] = set()  # tokens a written count covers, with the noun it counts
        counted_nouns: list[Token] = []  # the noun of each count in `found`
        for count in self._counts(doc):
            if any(d.start < count.end and count.start < d.end for d in dates):
                continue  # "November 28", "in 2015"
            result = self._mention(count)
            if result is not None:
                found.append(result[0])
                counted.update(t.i for t in result[1])
                counted_nouns.append(result[1][1])
        heads = {id(m): noun for m, noun in zip(found, counted_nouns)}  # each mention's noun
        for phrase in victim_phrases(doc, self._people, counted):
            mention = self._phrase_mention(phrase)
            if mention is not None:
                found.append(mention)
                heads[id(mention)] = phrase.token
        return sorted(_listed(found, heads), key=lambda m: m.start)

    def _counts(self, doc: Doc) -> Iterator[_Count]:
        text = doc_text(doc)
        for match in matches_at(self.lexicon.amount_pattern, self.lexicon.amount_starts, text):
            start, end = match.span()
            if _CURRENCY_BEFORE.search(text[max(0, start - 6):start]) or _AGE_BEFORE.search(text[max(0, start - 8):start]):
                continue
            if _NOT_A_COUNT_AFTER.match(text[end:end + 16]):
                continue
            amount_start = match.start("amount")
            span = doc.char_span(amount_start, end, alignment_mode="expand")
            if span is None or any(t.ent_type_ in NOT_COUNTS for t in span) or _is_age(span.root):
                continue
            value, qualifier = parse_amount(match.group(), self.lexicon)
            yield _Count(start=start, end=end, text=match.group(), value=value, qualifier=qualifier,
                         root=span.root)

    def _mention(self, count: _Count) -> tuple[NumberMention, list[Token]] | None:
        """The count's mention, with the tokens it covers (the number and its noun)."""
        number = count.root
        noun = _counted_noun(number)  # its place in the clause says what happened
        counted = noun  # the word that says who is counted
        if noun is number or noun.lemma_.lower() == "member":
            counted = _of_object(noun) or noun  # "dozens of civilians", "members of the forces"
        group, is_people = self._group(noun) if noun is not number else (None, False)
        if counted is not noun:
            inner_group, inner_people = self._group(counted)
            group, is_people = group or inner_group, is_people or inner_people
        category = self._category(number, noun)
        if category is None and counted is not noun:
            category = self._local(counted)
        if not (is_people or self._is_cue_noun(counted) or (counted is number and category is not None)
                or self._harmed_kind(counted, number, category)):
            return None  # "dozens of localities", "two sides", a bare number with no cue
        reference = _amount_reference(number, noun, counted)
        if reference == NEW and _also(noun):
            reference = MORE
        mention = NumberMention(start=count.start, end=count.end, text=count.text, value=count.value,
                                qualifier=count.qualifier, category=category, group=group, reference=reference)
        return mention, [number, noun, counted]

    def _harmed_kind(self, noun: Token, number: Token, category: str | None) -> bool:
        """A counted plural noun that a verb of killing or wounding governs names people,
        whatever the noun ("killed two shepherds", "five guards were wounded"), unless it is
        an animal or a thing politics kills (not_people.tsv: "killed 30 cattle")."""
        if noun is number or category not in HARMED or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
            return False
        if noun.lemma_.lower() in self.lexicon.not_people or noun.lower_ in self.lexicon.not_people:
            return False
        first = noun
        while first.dep_ == "conj" and first.head.pos_ == "NOUN":
            first = first.head  # "killed two shepherds and three guards"
        # the verb's own sufferer, not a count its clause only mentions ("two fatal shootings", "16 times")
        return first.dep_ in ("dobj", "nsubjpass", "nsubj") and self._cue(first.head, "verb") in HARMED

    def _people(self, noun: Token) -> tuple[str | None, int] | None:
        """For victim phrases: the noun's group and how many its singular names, if it names people."""
        group, is_people = self._group(noun)
        if not is_people:
            return None
        key = next((k for k in (noun.lemma_.lower(), noun.lower_) if k in self.lexicon.sizes), None)
        return group, self.lexicon.sizes[key] if key else 1

    def _phrase_mention(self, phrase: Phrase) -> NumberMention | None:
        """A victim phrase becomes a mention when the parse says what happened to the people."""
        token = phrase.token
        category = self._category(token, token)
        group = phrase.group
        if _took_own_life(token) or (category == "killed" and _self_inflicted(token)):
            category, group = "killed", PERPETRATOR
        if category not in PHRASE_CATEGORIES:
            return None  # "the driver fled" is no displacement; "turned himself in" no harm
        text = doc_text(token.doc)[phrase.start:phrase.end]
        reference = MORE if phrase.reference == NEW and _also(token) else phrase.reference
        return NumberMention(start=phrase.start, end=phrase.end, text=text, value=phrase.value,
                             qualifier=EXACT, category=category, group=group, kind=phrase.kind,
                             reference=reference)

    # -- who is counted
    def _group(self, noun: Token) -> tuple[str | None, bool]:
        """(normalised group, whether the noun counts people at all)."""
        tails = self.lexicon.victim_tails
        # every phrase `_noun_phrases` makes ends in the noun's lemma or its form
        if noun.lemma_.lower().rsplit(" ", 1)[-1] in tails or noun.lower_.rsplit(" ", 1)[-1] in tails:
            for phrase in _noun_phrases(noun):
                found = self.lexicon.group_of(phrase)
                if found is not None:
                    return found[0], True
        if noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS"):
            return None, True  # "12 Palestinians", "three Americans"
        return None, False

    def _is_cue_noun(self, token: Token) -> bool:
        return self._cue(token, "noun") is not None or self._cue(token, "adj") is not None

    def _cue(self, token: Token, pos: str) -> str | None:
        if pos == "adj" and token.tag_ == "VBG" and any(c.dep_ == "dobj" for c in token.children):
            return None  # "narrowly missing a child": a verb, not the adjective "missing"
        if pos == "adj" and token.tag_ in ("JJS", "JJR"):
            return None  # "one of the deadliest": a ranking, not a fate
        for key in (token.lemma_.lower(), token.lower_):
            found = self.lexicon.cues.get((key, pos))
            if found is not None:
                return found
        return None

    # -- what happened to them
    def _category(self, number: Token, noun: Token) -> str | None:
        local = next((found for token in dict.fromkeys((number, noun)) if (found := self._local(token)) is not None),
                     None)
        if local is None:
            return self._in_clause(noun)
        if local == "killed" or local not in SEVERITY or noun.dep_ not in ("nsubj", "nsubjpass") \
                or not any(c.dep_ == "relcl" for c in noun.children):
            return local
        # "a man who was shot on Sunday has died": the clause's own verb may tell a graver fate
        return _graver(local, self._in_clause(noun))

    def _in_clause(self, noun: Token) -> str | None:
        """The category the count's place in its clause gives (see `_category`)."""
        node = along_with_whom(noun) or noun
        while node.dep_ in ("conj", "appos") and node.head != node:
            below, node = node, node.head
            if node.pos_ in ("VERB", "AUX"):
                return self._from_verb(node, below)  # "killed four people and then himself"
            # a list ("12 soldiers and three civilians") or apposition shares its toll
            if node.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON"):
                found = self._local(node)
                if found is not None:
                    return found
        return self._climb(node)

    def _local(self, token: Token) -> str | None:
        """A cue on the counted noun itself: "410 dead", "12 bodies", "30 people injured"."""
        for pos in ("noun", "adj"):
            if token.pos_ in ("NOUN", "ADJ", "PROPN") or token.dep_ in ("oprd", "acomp"):
                found = self._cue(token, pos)
                if found is not None:
                    return found
        for child in token.children:
            if child.dep_ == "relcl" and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in child.children):
                # "a woman whom the gunman killed": the relative word is the act's object
                found = self._gravest(child, token)
                if found is not None:
                    return found
                continue
            if child.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in child.children) \
                    and any(c.dep_ in ("dobj", "dative") for c in child.children):
                continue  # "an officer who fatally shot a teenager": the doer, not a victim
            if child.dep_ in MODIFIER_DEPS and not _foreign_clause(child):
                # "a man shot dead by police": the participle with its predicate
                found = self._cue(child, "adj") if child.pos_ != "VERB" else self._gravest(child, token)
                if child.pos_ == "VERB":
                    # "a man who was shot and killed": the verbs joined to the clause's verb
                    # add their fate
                    for joined in child.children:
                        if joined.dep_ == "conj" and joined.pos_ == "VERB" and not _own_subject(joined):
                            found = _graver(found, self._gravest(joined, token))
                found = found or self._cue(child, "verb")
                if found is not None:
                    return found
            elif child.dep_ == "advmod" and token.pos_ == "NUM":
                found = self._cue(child, "adj")  # "two men were shot, one fatally"
                if found is not None:
                    return found
            elif child.dep_ == "prep" and child.lower_ == "of" and token.lemma_.lower() in VICTIM_NOUNS:
                # "the victim of a fatal shooting": the act's own adjective says what befell them
                act = next((g for g in child.children if g.dep_ == "pobj"), None)
                for modifier in (act.children if act is not None else ()):
                    found = self._cue(modifier, "adj") if modifier.dep_ == "amod" else None
                    if found is not None:
                        return found
        return None

    def _climb(self, node: Token) -> str | None:
        current = node
        for _ in range(MAX_CLIMB):
            head = current.head
            if head == current:
                return None
            if current.dep_ == "agent":
                return None  # "shot by at least one officer": the doer of a passive
            if head.pos_ == "ADP":
                if head.lower_ == "by" and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.head.children):
                    return None  # "were shot by two gunmen", parsed as a plain preposition: the doers
                current = head  # "the death of 30", "rose to 57"
                continue
            if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
                return self._from_verb(head, current)
            if head.pos_ in ("NOUN", "PROPN"):
                found = self._noun_cue(head)
                if found is None and any(c.dep_ == "nummod" for c in head.children):
                    # "17 members of the forces and 9 insurgents": a list parsed inside
                    # another count shares that count's toll
                    current = head
                    continue
                return found
            if head.pos_ == "ADJ":
                return self._cue(head, "adj")
            return None
        return None

    def _from_verb(self, verb: Token, below: Token) -> str | None:
        if self._is_agent(verb, below):
            return None  # "the gunman killed four people": the gunman is not counted
        if below.dep_ == "prep" and below.lower_ in AIMED_AT and self._cue(verb, "verb") in SEVERITY:
            return None  # "police shot at the suspect": aimed at, not hit
        found = self._gravest(verb, below)
        if below.dep_ in ("nsubj", "nsubjpass"):
            # "a man was shot and killed", "Man shot, killed in Detroit": verbs that share
            # the subject add their cues, and the gravest wins
            for child in verb.children:
                if child.dep_ in SHARED_SUBJECT_DEPS and child.pos_ == "VERB" and not _own_subject(child) \
                        and not self._is_agent(child, below) and not _harms_its_object(child):
                    found = _graver(found, self._gravest(child, below))
        if found is not None:
            return found
        through_preposition = below.pos_ == "ADP"
        for child in verb.children:
            if child is below:
                continue
            if child.dep_ in ("nsubj", "nsubjpass") and (verb.lemma_.lower() in LEVEL_VERBS or through_preposition):
                found = self._noun_cue(child)  # "the death toll rose to 57", "was raised to 30"
            elif child.dep_ == "dobj" and through_preposition:
                found = self._noun_cue(child)  # "put the death toll at 27"
            elif child.dep_ == "prep" and child.lower_ in PREDICATE_PREPOSITIONS:
                found = self._object_cue(child)  # "were among the injured", "treated for wounds"
            else:
                continue
            if found is not None:
                return found
        return None

    def _gravest(self, verb: Token, below: Token) -> str | None:
        """The gravest cue of a verb and its predicates ("were shot dead", "left 410 dead")."""
        if _unreal(verb):
            return None
        found = self._cue(verb, "verb") or self._cue(verb, "adj")
        if found == "hit" and verb.lemma_.lower() in self.lexicon.subject_verbs and not any(
                c.dep_ == "dobj" and (self._cue(c, "noun") == "injured" or c.lemma_.lower() in WOUND_NOUNS)
                for c in verb.children):
            found = None  # "suffered injuries" is harm; "suffered a heart attack" or "losses" is not
        # "the landlord opened the door and found the tenants dead": with an object there,
        # the predicate tells the object's fate, not the subject's
        of_object = below.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "dobj" for c in verb.children)
        for child in verb.children:
            if child is below or _unreal(child):
                continue
            if child.dep_ == "ccomp" and _own_subject(child):
                continue  # "a cousin told police she had stabbed a man": what was said, of someone else
            if child.dep_ in PREDICATE_DEPS and child.pos_ in ("ADJ", "VERB", "ADV") and not of_object:
                # "was found shot and killed": the predicate and what is joined to it
                for predicate in (child, *(c for c in child.children if c.dep_ == "conj" and not _unreal(c))):
                    cue = self._cue(predicate, "adj") or (
                        self._cue(predicate, "verb") if child.dep_ in ("oprd", "acomp", "xcomp") else None)
                    found = _graver(found, cue)
            elif child.dep_ == "prep" and child.lower_ == "to":
                # "shot to death", "beaten to death"
                found = _graver(found, self._object_cue_killed(child))
                if below.dep_ == "nsubjpass" and below.tag_ in ("NNS", "NNPS"):
                    found = _graver(found, self._where_they(child, below))
        return found

    def _where_they(self, preposition: Token, below: Token) -> str | None:
        """"Two men were rushed to a clinic, where they died": the fate told of "they" in
        a clause on the place the people were taken to ("he" is counted by itself)."""
        for place in preposition.children:
            for clause in place.children:
                if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children) \
                        and any(c.dep_ == "nsubj" and c.lower_ == "they" for c in clause.children):
                    return self._gravest(clause, below)
        return None

    def _object_cue_killed(self, preposition: Token) -> str | None:
        """"shot to death", "beaten to death": a bare noun of death, not a part of the body
        a wound was to ("had bullet wounds to the body")."""
        for obj in preposition.children:
            if obj.dep_ == "pobj" and self._cue(obj, "noun") == "killed" \
                    and not any(c.dep_ in ("det", "amod", "poss") for c in obj.children):
                return "killed"
        return None

    def _is_agent(self, verb: Token, below: Token) -> bool:
        """The active subject of a verb of harm done to others is its doer, not its victim."""
        if below.dep_ not in ("nsubj", "nsubjpass") and below.dep_ != "agent":
            return False
        if below.dep_ == "nsubjpass":
            return False
        if below.dep_ != "nsubj" or verb.lemma_.lower() in self.lexicon.subject_verbs:
            return False
        if self._cue(verb, "verb") is None:
            return False
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_subject(c))]
        # headlinese drops "was" ("Cyclist shot dead on Main Street", "Teen hurt at bus
        # stop"): a headline's subject of a past form aims at people, not places
        headline = headline_noun(below) and verb.tag_ in ("VBD", "VBN")

        def aimed_at(preposition: Token) -> bool:
            if preposition.dep_ != "prep" or preposition.lower_ not in AIMED_AT_OR_ON:
                return False
            return not headline or any(o.dep_ == "pobj" and (o.pos_ == "PRON" or o.ent_type_ == "PERSON"
                                                              or self._group(o)[1]) for o in preposition.children)

        return any(c.dep_ in ("dobj", "dative") or aimed_at(c) for v in verbs for c in v.children)

    def _object_cue(self, preposition: Token) -> str | None:
        for obj in preposition.children:
            if obj.dep_ == "pobj":
                found = self._cue(obj, "noun") or self._cue(obj, "adj")
                if found is not None and (preposition.lower_ == "among" or found == "injured"):
                    return found
        return None

    def _noun_cue(self, noun: Token) -> str | None:
        for child in noun.children:
            if child.dep_ == "compound":
                found = self._cue(child, "noun")
                if found is not None:
                    return found  # "death toll", "injury toll"
        found = self._cue(noun, "noun")
        if found is not None:
            return found
        inner = _of_object(noun)
        return self._cue(inner, "noun") or self._cue(inner, "adj") if inner is not None else None


def _harms_its_object(verb: Token) -> bool:
    """"hundreds had taken refuge, burning to death 30 people" (a participle parsed on the
    wrong verb): a participle of harm with an object of its own tells the object's fate; the
    subject it shares is its doer, not a victim."""
    return verb.tag_ == "VBG" and any(c.dep_ == "dobj" for c in verb.children)


def _graver(first: str | None, second: str | None) -> str | None:
    """The graver of two categories (killed over injured over hit); else the first found."""
    if first is None or second is None:
        return first or second
    if first in SEVERITY and second in SEVERITY:
        return min(first, second, key=SEVERITY.index)
    return first


# Auxiliaries before a bare verb that make its act one not (yet) done: "threatened to
# kill him", "could have died".
UNREAL_ADVERBS = frozenset({"nearly", "almost", "possibly", "narrowly", "potentially"})
UNREAL_AUXILIARIES = frozenset({"to", "will", "would", "could", "might", "may", "should", "must", "shall", "can"})


def _unreal(verb: Token) -> bool:
    """A harm the clause says did not happen: negated ("was not injured"), not done ("to
    kill him", "could kill") or only come close to ("nearly killed", "possibly killing")."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in UNREAL_ADVERBS) for c in verb.children):
        return True
    if verb.tag_ == "VB" and verb.dep_ == "conj" and verb.head.tag_ == "VB":
        return _unreal(verb.head)  # "to go ahead and kill him"
    return verb.tag_ == "VB" and any(c.dep_ in ("aux", "mark") and c.lower_ in UNREAL_AUXILIARIES
                                     for c in verb.children)


# Adverbs on the verb of harm that say its people come on top of those told before
# ("the officer also shot and killed a neighbor").
ADDING_ADVERBS = frozenset({"also", "additionally"})


def _also(token: Token) -> bool:
    """Whether the first verb above `token` says "also"."""
    current = token
    for _ in range(MAX_CLIMB):
        if current.head == current:
            return False
        current = current.head
        if current.pos_ == "VERB":
            verbs = [current, current.head] if current.dep_ == "conj" else [current]  # "also shot and killed"
            return any(c.dep_ == "advmod" and c.lower_ in ADDING_ADVERBS for v in verbs for c in v.children)
    return False


def _foreign_clause(clause: Token) -> bool:
    """A clause on a noun that tells of someone else ("a friend, where he later died");
    "people who died" and "12 people killed" tell of the noun itself."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in clause.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _took_own_life(token: Token) -> bool:
    """"The gunman then took his own life": the subject died by their own hand."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() not in OWN_LIFE_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "life" and any(m.lower_ == "own" for m in c.children)
               for c in verb.children)


# How far below its verb a wound may be told ("died from a self-inflicted knife wound": the
# wound's modifier is three steps down).
SELF_INFLICTED_DEPTH = 4


def _self_inflicted(token: Token) -> bool:
    """"The attacker died of a self-inflicted wound": the subject died by their own hand,
    as one who "took his own life" did."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    for found in verb.subtree:
        if found.lower_ != "inflicted" or found.i < 2 or found.nbor(-1).text != "-" \
                or found.nbor(-2).lower_ != "self":
            continue
        step, depth = found, 0
        while step != verb and depth < SELF_INFLICTED_DEPTH:
            if step.dep_ in ("ccomp", "relcl", "advcl", "conj") and _own_subject(step):
                break  # a clause about someone else
            step, depth = step.head, depth + 1
        if step == verb:
            return True
    return False


# An age in apposition ("Mary Smith, 60,", "the victim, 25,") is below this.
MAX_AGE = 120


def _is_age(number: Token) -> bool:
    """"Mary Smith, 60, and her husband John, 62": numbers set off after a person are ages."""
    if number.dep_ != "appos" or number.head.tag_ not in ("NNP", "NN", "PRP"):
        return False
    return number.like_num and number.text.isdigit() and int(number.text) < MAX_AGE


def _amount_reference(number: Token, noun: Token, counted: Token) -> str:
    """new, again ("the two victims", a bare "one" after a count: see `_subsets`) or more ("two others")."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "predet")} if noun is not number else set()
    if noun.lemma_.lower() == "other" or words & {"other", "additional", "more"}:
        return MORE
    if words & {"the", "these", "those", "both", "all"}:
        return AGAIN
    if counted is number or counted.pos_ == "PRON":
        return "part"  # "one fatally", "one of them": decided next to the sentence's other counts
    if noun is number and any(c.dep_ == "nummod" for c in counted.children):
        return AGAIN  # "one of two women": some of the people the other number counts
    return NEW


def _counted_noun(number: Token) -> Token:
    """The noun a number counts ("12 civilians"), or the number itself ("killed eight")."""
    if number.dep_ in ("nummod", "quantmod", "amod", "compound", "det") and number.head != number \
            and number.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return number.head
    return number


def _of_object(token: Token) -> Token | None:
    """The object of "of" after a token: "dozens of civilians", "members of the forces"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _noun_phrases(noun: Token) -> Iterator[str]:
    """The noun with its modifiers, longest first, last word as lemma and as written.

    "the pro-government forces" -> "pro-government force", "government force", "force".
    """
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod") or c.text == "-"]
    words = _join_hyphens([c.lower_ for c in modifiers[-4:]])
    for last in dict.fromkeys((noun.lemma_.lower(), noun.lower_)):
        for i in range(len(words) + 1):
            yield " ".join([*words[i:], last])


def _join_hyphens(words: list[str]) -> list[str]:
    out: list[str] = []
    glue = False
    for word in words:
        if word == "-":
            glue = True
            continue
        if glue and out:
            out[-1] = f"{out[-1]}-{word}"
        else:
            out.append(word)
        glue = False
    if glue and out:
        out[-1] += "-"
    return out


def _conj_list(token: Token) -> Token:
    """The first noun of the list joined by "and" that the token stands in."""
    while token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and token.head != token:
        token = token.head
    return token


def _listed(mentions: list[NumberMention], heads: dict[int, Token]) -> list[NumberMention]:
    """A written count of people with no victim group listed with other people hit alike
    ("killed two teachers and a student", "the mayor, his driver and three bodyguards") is
    one part of a list, not a total the list breaks down: its people add to the others."""
    out = []
    for mention in mentions:
        noun = heads.get(id(mention))
        if mention.kind == "amount" and mention.group is None and mention.category is not None and noun is not None:
            first = _conj_list(noun)
            if any(o is not mention and o.category == mention.category and heads.get(id(o)) is not None
                   and heads[id(o)] is not noun and _conj_list(heads[id(o)]) == first for o in mentions):
                mention = dataclasses.replace(mention, kind=LISTED)
        out.append(mention)
    return out


def _inherit_breakdowns(doc: Doc, mentions: list[NumberMention]) -> list[NumberMention]:
    """Groups listed after a toll ("killed: 214 rebels, ... and 61 civilians") take its category."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[NumberMention] = []
    toll: NumberMention | None = None
    sentence_end = -1
    text = doc_text(doc)
    for mention in ordered:
        if mention.start >= sentence_end:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            sentence_end = span.sent.end_char if span is not None else mention.end
            toll = None
        if mention.category is None and mention.group is not None and toll is not None \
                and BREAKDOWN_MARKERS.search(text[toll.end:mention.start]):
            mention = dataclasses.replace(mention, category=toll.category)
        elif mention.category is not None:
            toll = mention  # a toll the parse found itself; inherited ones do not start a new list
        out.append(mention)
    return out


def _subsets(doc: Doc, mentions: list[NumberMention]) -> list[NumberMention]:
    """A bare count after a larger count of people in its sentence, hit with their fate
    untold or of its own fate, is part of those people ("two men were shot, one
    fatally"; "three were hurt, two of them critically"); "1 dead, 1 injured" are two."""
    out: list[NumberMention] = []
    sentence_end = -1
    earlier: list[NumberMention] = []
    for mention in mentions:
        if mention.start >= sentence_end:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            sentence_end = span.sent.end_char if span is not None else mention.end
            earlier = []
        if mention.reference == "part":
            within = any((e.value or 0) >= (mention.value or 0) and e.category in ("hit", mention.category)
                         for e in earlier)
            mention = dataclasses.replace(mention, reference=AGAIN if within else NEW)
        if mention.category is not None:
            earlier.append(mention)
        out.append(mention)
    return out


# -- from mentions to a toll ---------------------------------------------------------------

def toll_from_numbers(mentions: Sequence[NumberMention], lexicon: NumberLexicon | None = None) -> dict[str, Any]:
    """The toll one sentence's number mentions give: {killed, injured, qualifier, by_group, hit, added}.

    For each category the figure is the larger of the largest stated total ("96 people")
    and the sum of the parts (victim groups, "a man", "Mary Smith"); a group usually part
    of another one that is also listed ("children" among "civilians") is kept in
    `by_group` but not added again. The perpetrator's own death ("and then himself") comes
    on top of the killed. People told of again ("he", "the victim", "one of them") do
    not add to those the sentence counts anew, but their graver fate replaces a lighter
    one ("a man was shot and he died" is one killed, not one killed and one hit).
    `injured` includes `hit` (shot or stabbed, fate not given). `qualifier` is the
    killed total's, or the one qualifier all summed parts share, else "at least".
    `added`: every person counted comes on top of people reported before ("another").
    """
    lexicon = lexicon or default_lexicon()
    current = [m for m in mentions if m.value is not None and m.category is not None]
    perpetrators = [m for m in current if m.group == PERPETRATOR and m.category == "killed"]
    victims = [m for m in current if m.group != PERPETRATOR]
    # within a sentence only a pronoun or a bare count ("one of them") tells of people the
    # sentence itself counted; "the suspect" next to "a woman" is someone else
    coreferent = [m for m in victims if m.reference == AGAIN and m.kind in ("pronoun", "amount", LISTED)]
    # a name told twice in one sentence (a headline's name run into its lead's) is one person
    names = [m for m in victims if m.kind == "name"]
    coreferent += [m for i, m in enumerate(names) if m.reference == AGAIN
                   and any(same_name(name_words(m.text), name_words(n.text)) for n in names[:i])]
    # a headline run into its lead ("Man shot dead in Detroit A 30-year-old man was ..."):
    # the lead's own words name the headline's person again
    if any(m.category in SEVERITY and m.kind != HEADLINE and m.reference != AGAIN for m in victims):
        coreferent += [m for m in victims if m.kind == HEADLINE and m not in coreferent]
    fresh = [m for m in victims if m not in coreferent]
    again = coreferent
    harmed_fresh = [m for m in fresh if m.category in SEVERITY]
    if not harmed_fresh:
        fresh, again = fresh + again, []
    killed, qualifier = _figure([m for m in fresh if m.category == "killed"], lexicon)
    injured, _ = _figure([m for m in fresh if m.category == "injured"], lexicon)
    hit, _ = _figure([m for m in fresh if m.category == "hit"], lexicon)
    killed_again = sum(m.value or 0 for m in again if m.category == "killed")
    injured_again = sum(m.value or 0 for m in again if m.category == "injured")
    upgraded = min(killed_again, (hit or 0) + (injured or 0))
    if upgraded:
        from_hit = min(upgraded, hit or 0)
        hit = (hit or 0) - from_hit
        injured = (injured or 0) - (upgraded - from_hit)
        killed, qualifier = (killed or 0) + upgraded, qualifier or EXACT
    moved = min(injured_again, hit or 0)
    if moved:
        hit, injured = (hit or 0) - moved, (injured or 0) + moved
    self_killed = sum(m.value or 0 for m in perpetrators)
    by_group: dict[str, int] = {}
    for mention in [*fresh, *perpetrators]:
        if mention.category == "killed" and mention.group is not None:
            by_group[mention.group] = by_group.get(mention.group, 0) + (mention.value or 0)
    if self_killed:
        killed, qualifier = (killed or 0) + self_killed, qualifier or EXACT
    total_injured = None if injured is None and not hit else (injured or 0) + (hit or 0)
    added = bool(harmed_fresh) and all(m.reference == MORE for m in harmed_fresh)
    return {"killed": killed, "injured": total_injured, "qualifier": qualifier, "by_group": by_group,
            "hit": hit or 0, "added": added}


def _figure(mentions: Sequence[NumberMention], lexicon: NumberLexicon) -> tuple[int | None, str | None]:
    """The larger of the largest stated total and the sum of the parts, with its qualifier."""
    if not mentions:
        return None, None
    totals = [m for m in mentions if m.group is None and m.kind == "amount"]
    parts = [m for m in mentions if not (m.group is None and m.kind == "amount")]
    groups = {m.group for m in parts if m.group}
    counted = {m.group for m in parts if m.group and m.kind == "amount"}
    # "31 civilians, among them 12 children": the part is in the counted group; "a farmer
    # and his wife": two people, each named once, whatever their groups
    summed = [m for m in parts if lexicon.parents.get(m.group or "") not in (groups if m.kind == "amount" else counted)]
    total = max(totals, key=lambda m: m.value or 0) if totals else None
    parts_value = sum(m.value or 0 for m in summed)
    if total is not None and (total.value or 0) >= parts_value:
        return total.value, total.qualifier
    qualifiers = {m.qualifier for m in summed}
    return parts_value, qualifiers.pop() if len(qualifiers) == 1 else "at least"
