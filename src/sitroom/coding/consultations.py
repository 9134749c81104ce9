"""A saying set inside a consultation told before ("Gomes spoke by telephone with the rebel
leader ... In the conversation, Gomes promised that ..."): said to whom the speaker consulted.
Moved unchanged from `speech_acts` (one job per module)."""
from __future__ import annotations

from spacy.tokens import Span

from ..knowledge.events import EventLexicon
from .draft import Draft
from .trigger_filters import CONSULT_ROOT

# Roots of what a side says to another (appeals, intents, demands, refusals, threats): said
# during a consultation, it is said to whom the speaker consulted.
SAID_TO_ROOTS = frozenset({"02", "03", "10", "12", "13"})
# Prepositions that set a saying inside a consultation ("in the conversation", "during the call").
DURING_PREPS = frozenset({"in", "during"})
# Determiners that make a noun a re-mention of something told before.
DEFINITE = frozenset({"the", "that", "this"})


def aimed_in_the_consultation(drafts: list[Draft], doc, lexicon: EventLexicon) -> list[Draft]:
    """"Gomes spoke by telephone with the rebel leader ... In the conversation, Gomes promised
    that ...": a saying with no target, set "in" or "during" a definite noun of consultation
    (a noun that carries a consultation, 04, in `triggers.tsv`: "the conversation", "the
    call", "the talks") in a sentence after the one that told the consultation, is said to
    the side the speaker consulted in the latest consultation told before it. Drafts are
    changed in place and returned."""
    at = {t.idx: t for t in doc}
    for i, draft in enumerate(drafts):
        token = at.get(draft.anchor)
        if (draft.target is not None or draft.source is None or draft.code[:2] not in SAID_TO_ROOTS
                or token is None or not _set_in_a_consultation(token.sent, lexicon)):
            continue
        partner = None
        for earlier in reversed(drafts[:i]):
            told = at.get(earlier.anchor)
            if told is None or told.sent.start >= token.sent.start or not earlier.code.startswith(CONSULT_ROOT):
                continue
            if earlier.source is not None and earlier.source.code == draft.source.code:
                partner = earlier.target
            elif earlier.target is not None and earlier.target.code == draft.source.code and earlier.symmetric:
                partner = earlier.source
            if partner is not None:
                break
        if partner is not None and partner.code != draft.source.code:
            draft.target = partner
    return drafts


def _set_in_a_consultation(sent: Span, lexicon: EventLexicon) -> bool:
    """The sentence opens with "In the conversation," or "During the call,": a phrase on its
    main verb whose noun is a definite consultation."""
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ not in DURING_PREPS or prep.head != sent.root or prep.i > sent.root.i:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
            rules_ = lexicon.triggers.get(noun.lemma_.lower()) or lexicon.triggers.get(noun.lower_) or ()
            if definite and any(r.code.startswith(CONSULT_ROOT) and "NOUN" in r.pos for r in rules_):
                return True
    return False
