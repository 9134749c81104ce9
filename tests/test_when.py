"""`coding.when.attach` on parses built by hand, so that each rule meets the parse it is for
whatever the model would make of the sentence."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitroom.coding.when import attach
from sitroom.records import DateMention

WORDS = ["Troops", "killed", "four", "rebels", "near", "Gao", ",", "on", "Monday", ",", "the", "army", "said", "."]
LEMMAS = ["troop", "kill", "four", "rebel", "near", "Gao", ",", "on", "Monday", ",", "the", "army", "say", "."]
POS = ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]


def closing_attribution(said_dep: str) -> tuple[Doc, DateMention]:
    """"Troops killed four rebels near Gao, on Monday, the army said." with "on Monday" hung
    from "said", and "said" either the root governing "killed" (ccomp) or joined to it (conj)."""
    if said_dep == "ccomp":
        heads = [1, 12, 3, 1, 3, 4, 12, 12, 7, 12, 11, 12, 12, 12]
        deps = ["nsubj", "ccomp", "nummod", "dobj", "prep", "pobj", "punct", "prep", "pobj", "punct", "det",
                "nsubj", "ROOT", "punct"]
    else:
        heads = [1, 1, 3, 1, 3, 4, 1, 12, 7, 12, 11, 12, 1, 1]
        deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct", "prep", "pobj", "punct", "det",
                "nsubj", "conj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=WORDS, heads=heads, deps=deps, lemmas=LEMMAS, pos=POS,
              sent_starts=[True] + [False] * (len(WORDS) - 1))
    monday = doc[8]
    return doc, DateMention(start=monday.idx, end=monday.idx + len(monday), text="Monday", value="2025-03-10",
                            precision="day")


def test_a_date_set_before_a_closing_attribution_belongs_to_what_is_reported() -> None:
    for said_dep in ("ccomp", "conj"):
        doc, monday = closing_attribution(said_dep)
        attached = attach(doc, doc[:], [monday], owners={1}, is_report=lambda t: t.lemma_ == "say")
        assert attached.get(1) == monday, (said_dep, attached)


def test_without_a_report_verb_the_date_stays_where_the_parse_hangs_it() -> None:
    doc, monday = closing_attribution("conj")
    attached = attach(doc, doc[:], [monday], owners={1})
    assert 1 not in attached and attached.get(12) == monday
