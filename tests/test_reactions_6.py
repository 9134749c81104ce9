"""Reactions aimed at the right doer (h91-reactions6, coding/reactions.py): a disapproval of
a noun that names the act of one verb ("the invasion": "invade") is aimed at the doer of the
act told before with that verb, even in a clause that describes that doer, rather than at
the doer of the nearest act of any violence. Sentences of our own, whole pipeline."""
from __future__ import annotations

import pytest

from sitroom.coding.reactions import ReactionWords
from sitroom.errors import KnowledgeError
from sitroom.records import Article, Event

PUBLISHED = "2025-03-14"


def disapprovals(analyzer, text: str) -> list[Event]:
    article = Article(id="t", text=text, published=PUBLISHED, language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code.startswith("11") and not e.historical]


def test_the_invasion_condemned_is_the_invaders_not_the_last_side_that_shot(analyzer):
    # the invasion is told in a clause describing the troops; the rebels' ambush comes later
    text = ("Villagers fled as the Eritrean troops who invaded the border district on Monday "
            "dug trenches outside Zalambessa. "
            "Ethiopian militiamen ambushed a patrol near the town on Wednesday, killing four soldiers. "
            "Kenya's government condemned the invasion on Thursday.")
    events = [e for e in disapprovals(analyzer, text) if e.source_actor and e.source_actor.code.startswith("KEN")]
    assert events, "the condemnation is coded"
    assert {e.target_actor.code[:3] for e in events if e.target_actor} == {"ERI"}


def test_the_bombardment_condemned_is_the_gunners_not_those_who_hit_back(analyzer):
    # the rebels' shelling, an act of the same kind, is told between the bombardment and its
    # condemnation: "the bombardment" re-names what was "bombarded"
    text = ("Chadian soldiers bombarded a rebel camp near Abeche on Sunday. "
            "Rebels shelled an army base outside the town on Monday. "
            "Niger's government condemned the bombardment on Tuesday.")
    events = [e for e in disapprovals(analyzer, text) if e.source_actor and e.source_actor.code.startswith("NER")]
    assert events, "the condemnation is coded"
    assert {e.target_actor.code for e in events if e.target_actor} == {"TCDMIL"}


def test_a_deed_needs_the_lemmas_of_its_verbs(tmp_path):
    path = tmp_path / "reactions.tsv"
    path.write_text("word\trole\tcodes\ninvasion\tdeed\t190\n")
    with pytest.raises(KnowledgeError, match="lemmas of its verbs"):
        ReactionWords.load(path)


def test_the_shipped_deeds_load():
    assert "invade" in ReactionWords.load().deeds["invasion"]


def test_a_vow_in_a_posted_statement_is_the_vowing_group_s_threat(analyzer):
    # the parser hangs "to fight" from "posted", the participle of the vow's own statement
    text = "Al-Shabaab vowed in a statement posted online on Tuesday to fight the Kenyan troops."
    article = Article(id="t", text=text, published=PUBLISHED, language="en")
    threats = [e for e in analyzer.analyze(article).events if e.event_code.startswith("13")]
    assert [(e.event_code, e.source_actor and e.source_actor.code, e.target_actor and e.target_actor.code)
            for e in threats] == [("138", "SOMINS", "KENMIL")]


def test_a_statement_posted_without_a_vow_makes_no_threat(analyzer):
    text = "Al-Shabaab said in a statement posted online on Tuesday that its fighters had rested."
    article = Article(id="t", text=text, published=PUBLISHED, language="en")
    assert not [e for e in analyzer.analyze(article).events if e.event_code.startswith("13")]
