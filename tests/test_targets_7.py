"""Whom the act is aimed at (issue 13, h98): soldiers taken prisoner, and whom a planned
appeal, a condemnation or a vow of revenge is aimed at. Sentences written for the project
(none from a data set); the whole pipeline runs."""
from __future__ import annotations

import pytest

from sitroom.commands import reported
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import actor_code

pytestmark = pytest.mark.slow

code = actor_code


def events(analyzer: Analyzer, text: str, published: str = "2025-03-12") -> list[Event]:
    article = Article(id="t", text=text, published=published, language="en")
    return list(reported(analyzer.analyze(article).events, Options()))


def rooted(found: list[Event], root: str) -> list[Event]:
    return [e for e in found if e.event_code.startswith(root)]


def test_paratroopers_captured_are_soldiers_taken_prisoner(analyzer):
    found = events(analyzer, "Georgian forces captured twelve Russian paratroopers near the border on Monday.",
                   "2008-08-12")
    [capture] = rooted(found, "17")
    assert code(capture, "source") == "GEOMIL" and code(capture, "target") == "RUSMIL"


def test_the_foreign_intervention_is_aimed_at_the_side_that_came_from_abroad(analyzer):
    found = events(analyzer, "Rebels seized the town of Kisangani on Monday. Rwandan troops entered the port of "
                             "Matadi, witnesses said. The African Union condemned the foreign intervention.",
                   "1998-08-25")
    [condemnation] = rooted(found, "11")
    assert code(condemnation, "target") == "RWAMIL"


def test_an_act_told_in_a_while_clause_is_told_in_its_own_right(analyzer):
    found = events(analyzer, "Rebels seized the town of Kisangani on Monday, while Rwandan troops entered the port "
                             "of Matadi, witnesses said. The secretary-general of the Southern African Development "
                             "Community condemned the foreign intervention in Congo.", "1998-08-25")
    [condemnation] = rooted(found, "11")
    assert code(condemnation, "target") == "RWAMIL"


def test_the_foreign_intervention_is_not_aimed_at_a_side_at_home(analyzer):
    found = events(analyzer, "Rebels seized the town of Kisangani on Monday, witnesses said. The African Union "
                             "condemned the foreign intervention in Congo.", "1998-08-25")
    [condemnation] = rooted(found, "11")
    assert code(condemnation, "target") is None


def test_a_vow_of_revenge_is_aimed_at_whoever_killed_the_victims(analyzer):
    found = events(analyzer, "Serbian gunners shelled the Muslim town of Gorazde on Sunday, killing 40 civilians, "
                             "hospital officials said. Bosnian President Alija Izetbegovic vowed in Zagreb that his "
                             "fighters would avenge the victims.", "1992-06-02")
    [vow] = rooted(found, "13")
    assert code(vow, "source") == "BIHGOV" and code(vow, "target") == "SRB"


def test_a_vow_of_revenge_names_no_one_when_both_sides_killed(analyzer):
    found = events(analyzer, "Serbian gunners shelled the town of Gorazde on Sunday, killing 40 civilians, hospital "
                             "officials said. Muslim fighters ambushed a Serb convoy near Foca, killing 12 soldiers. "
                             "Bosnian President Alija Izetbegovic vowed that his fighters would avenge the victims.",
                   "1992-06-02")
    [vow] = rooted(found, "13")
    assert code(vow, "target") is None


def test_an_appeal_one_says_one_will_make_is_aimed_at_its_addressee(analyzer):
    # "said he would ask Pakistan": what is said, after an appeal of the same speaker, is no
    # content of that appeal
    found = events(analyzer, "President Ranasinghe Premadasa appealed for calm in a television address and said he "
                             "would ask Pakistan to stop the militants from crossing its border.", "1990-05-16")
    assert any(code(e, "target") == "PAK" for e in rooted(found, "02"))


def test_a_noun_within_what_is_said_stays_the_content_of_the_refusal(analyzer):
    # guard for the rule above: the threats one will not accept are no one's threat here
    found = events(analyzer, "Foreign Minister Ali Karti rejected the criticism and said his country would not "
                             "accept threats of sanctions.", "2004-08-20")
    assert not rooted(found, "13")


def test_both_leaders_invited_are_the_two_leaders_named_before(analyzer):
    found = events(analyzer, "Rebels loyal to Foday Sankoh attacked the northern town of Makeni on Monday, witnesses "
                             "said. President Ahmad Tejan Kabbah said his forces would retake the town. Ghanaian "
                             "President Jerry Rawlings, who has led mediation since March, invited both Sierra "
                             "Leonean leaders to Accra for talks next week.", "1998-05-05")
    invitations = rooted(found, "036")
    assert {code(e, "target") for e in invitations} == {"SLEREB", "SLEGOV"}
