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

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from ..errors import KnowledgeError
from ..knowledge import data_path
from ..knowledge.tsv import read_tsv
from ..nlp import doc_text
from ..records import Article, NumberMention
from .dates import find_candidates

CATEGORIES = ("killed", "injured", "abducted", "arrested", "displaced", "missing")
AMOUNT_KINDS = ("number", "multiplier", "vague", "qualifier")
CUE_POS = ("verb", "adj", "noun")
EXACT = "exact"

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
# "two children were among the injured", "23 people were treated for injuries".
PREDICATE_PREPOSITIONS = frozenset({"among", "for", "with"})
# Modifiers of a counted noun that carry the category: "12 people killed", "30 wounded men".
MODIFIER_DEPS = frozenset({"amod", "acl", "relcl", "advcl"})
# Between a toll and the groups it breaks down into: "killed: 214 rebels ...", "including".
BREAKDOWN_MARKERS = re.compile(r":|\bincluding\b|\bamong them\b|\bof whom\b|\bof them\b|—|–|\(")
# spaCy entity labels that mark a number as something other than a count of people.
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})

_CURRENCY_BEFORE = re.compile(r"[$£€¥₦]\s*$|\b(?:US|USD|EUR|GBP|KSh|Ksh|Rs)\.?\s*$")
_AGE_BEFORE = re.compile(r"(?i)\b(?:aged|age|ages)\s+$|\bno\s+$")
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

    @classmethod
    def load(cls, directory: Path | None = None) -> "NumberLexicon":
        def path(name: str) -> Path:
            return directory / name if directory is not None else data_path(name)

        numbers, multipliers, vague, qualifiers = _load_amounts(path("numbers.tsv"))
        return cls(numbers=numbers, multipliers=multipliers, vague=vague, qualifiers=qualifiers,
                   victims=_load_victims(path("victims.tsv")), cues=_load_cues(path("tolls.tsv")))

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

    def group_of(self, phrase: str) -> tuple[str | None, str | None] | None:
        return self.victims.get(phrase)

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


def _load_victims(path: Path) -> dict[str, tuple[str | None, str | None]]:
    victims: dict[str, tuple[str | None, str | None]] = {}
    for line, row in read_tsv(path, ("noun", "group", "part_of")):
        noun = " ".join(row["noun"].lower().split())
        if not noun:
            raise KnowledgeError(str(path), "empty noun", line)
        if noun in victims:
            raise KnowledgeError(str(path), f"noun {noun!r} is listed twice", line)
        if row["part_of"] and not row["group"]:
            raise KnowledgeError(str(path), f"{noun!r} has a part_of but no group", line)
        victims[noun] = (row["group"] or None, row["part_of"] or None)
    groups = {g for g, _ in victims.values() if g}
    for noun, (_, part) in victims.items():
        if part and part not in groups:
            raise KnowledgeError(str(path), f"{noun!r} is part of {part!r}, which no noun has as its group")
    return victims


def _load_cues(path: Path) -> dict[tuple[str, str], str]:
    cues: dict[tuple[str, str], str] = {}
    for line, row in read_tsv(path, ("cue", "category", "pos")):
        cue = row["cue"].lower()
        if not cue:
            raise KnowledgeError(str(path), "empty cue", line)
        if row["category"] not in CATEGORIES:
            raise KnowledgeError(str(path), f"category {row['category']!r} is not one of {', '.join(CATEGORIES)}", line)
        if row["pos"] not in CUE_POS:
            raise KnowledgeError(str(path), f"pos {row['pos']!r} is not one of {', '.join(CUE_POS)}", line)
        cues[(cue, row["pos"])] = row["category"]
    return cues


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
    for phrase in sorted(lexicon.qualifiers, key=len, reverse=True):
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
        doc._.numbers = _inherit_breakdowns(doc, mentions)
        return doc

    def mentions(self, doc: Doc) -> Iterator[NumberMention]:
        dates = find_candidates(doc_text(doc))
        for count in self._counts(doc):
            if any(d.start < count.end and count.start < d.end for d in dates):
                continue  # "November 28", "in 2015"
            mention = self._mention(count)
            if mention is not None:
                yield mention

    def _counts(self, doc: Doc) -> Iterator[_Count]:
        text = doc_text(doc)
        for match in self.lexicon.amount_pattern.finditer(text):
            start, end = match.span()
            if _CURRENCY_BEFORE.search(text[max(0, start - 6):start]) or _AGE_BEFORE.search(text[max(0, start - 8):start]):
                continue
            if _NOT_A_COUNT_AFTER.match(text[end:end + 16]):
                continue
            amount_start = match.start("amount")
            span = doc.char_span(amount_start, end, alignment_mode="expand")
            if span is None or any(t.ent_type_ in NOT_COUNTS for t in span):
                continue
            value, qualifier = parse_amount(match.group(), self.lexicon)
            yield _Count(start=start, end=end, text=match.group(), value=value, qualifier=qualifier,
                         root=span.root)

    def _mention(self, count: _Count) -> NumberMention | None:
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
        if not (is_people or self._is_cue_noun(counted) or (counted is number and category is not None)):
            return None  # "dozens of localities", "two sides", a bare number with no cue
        return NumberMention(start=count.start, end=count.end, text=count.text, value=count.value,
                             qualifier=count.qualifier, category=category, group=group)

    # -- who is counted
    def _group(self, noun: Token) -> tuple[str | None, bool]:
        """(normalised group, whether the noun counts people at all)."""
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
        for key in (token.lemma_.lower(), token.lower_):
            found = self.lexicon.cues.get((key, pos))
            if found is not None:
                return found
        return None

    # -- what happened to them
    def _category(self, number: Token, noun: Token) -> str | None:
        for token in dict.fromkeys((number, noun)):
            found = self._local(token)
            if found is not None:
                return found
        node = noun
        while node.dep_ in ("conj", "appos") and node.head != node:
            node = node.head
            # a list ("12 soldiers and three civilians") or apposition shares its toll
            if node.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
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
            if child.dep_ in MODIFIER_DEPS:
                found = self._cue(child, "adj") or self._cue(child, "verb")
                if found is not None:
                    return found
        return None

    def _climb(self, node: Token) -> str | None:
        current = node
        for _ in range(MAX_CLIMB):
            head = current.head
            if head == current:
                return None
            if head.pos_ == "ADP":
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
        found = self._cue(verb, "verb") or self._cue(verb, "adj")
        if found is not None:
            return found
        for child in verb.children:
            if child is not below and child.dep_ in PREDICATE_DEPS and child.pos_ in ("ADJ", "VERB"):
                found = self._cue(child, "adj") or (self._cue(child, "verb") if child.dep_ in ("oprd", "acomp") else None)
                if found is not None:
                    return found  # "left 410 dead", "were shot dead"
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
            mention = NumberMention(start=mention.start, end=mention.end, text=mention.text, value=mention.value,
                                    qualifier=mention.qualifier, category=toll.category, group=mention.group)
        elif mention.category is not None:
            toll = mention  # a toll the parse found itself; inherited ones do not start a new list
        out.append(mention)
    return out


# -- from mentions to a toll ---------------------------------------------------------------

def toll_from_numbers(mentions: Sequence[NumberMention], lexicon: NumberLexicon | None = None) -> dict[str, Any]:
    """The toll one sentence's number mentions give: {killed, injured, qualifier, by_group}.

    `killed` is a stated total where there is one (the largest, as later totals of one
    event only grow), else the sum of the victim groups; a group usually part of another
    one that is also listed ("children" among "civilians") is kept in `by_group` but not
    added again. `qualifier` is the total's, or the one qualifier all summed groups share,
    else "at least". `injured` follows the same rule without groups.
    """
    lexicon = lexicon or default_lexicon()
    killed_total = [m for m in mentions if m.category == "killed" and m.group is None and m.value is not None]
    killed_groups = [m for m in mentions if m.category == "killed" and m.group is not None and m.value is not None]
    by_group: dict[str, int] = {}
    for mention in killed_groups:
        by_group[mention.group] = by_group.get(mention.group, 0) + (mention.value or 0)  # type: ignore[index]
    summed = [m for m in killed_groups if lexicon.parents.get(m.group or "") not in by_group]
    if killed_total:
        chosen = max(killed_total, key=lambda m: m.value or 0)
        killed: int | None = chosen.value
        qualifier: str | None = chosen.qualifier
    elif summed:
        killed = sum(m.value or 0 for m in summed)
        qualifiers = {m.qualifier for m in summed}
        qualifier = qualifiers.pop() if len(qualifiers) == 1 else "at least"
    else:
        killed, qualifier = None, None
    injured_values = [m.value for m in mentions if m.category == "injured" and m.value is not None]
    injured_totals = [m.value for m in mentions if m.category == "injured" and m.group is None and m.value is not None]
    injured = max(injured_totals) if injured_totals else (sum(injured_values) if injured_values else None)
    return {"killed": killed, "injured": injured, "qualifier": qualifier, "by_group": by_group}
