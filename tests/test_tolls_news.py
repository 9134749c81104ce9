"""Tolls as local news tells them: the whole article's toll, and the phrases that count people.

Every sentence here is invented; each case stands for a way of writing that real local
reports use (a headline run into its lead, a name told twice, a death by one's own hand).
"""
from __future__ import annotations

import pytest

from sitroom.records import Article, NumberMention
from sitroom.resolve.numbers import NumberStage, toll_from_numbers


@pytest.fixture(scope="module")
def stage():
    return NumberStage()


def sentence_tolls(nlp, stage, text: str) -> list[tuple[int | None, int | None]]:
    """(killed, injured) of each sentence of the text, as `toll_from_numbers` gives it."""
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    tolls = []
    for sent in doc.sents:
        inside = [m for m in doc._.numbers if sent.start_char <= m.start < sent.end_char]
        toll = toll_from_numbers(inside)
        tolls.append((toll["killed"], toll["injured"]))
    return tolls


def test_a_headline_run_into_its_lead_counts_its_victim_once(nlp, stage):
    # a scraper glued the headline to the lead: one "sentence", one woman
    text = ("Woman dies after stabbing in market | Radio 5 News Grace Mwangi, 45, was stabbed to death by a lodger "
            "on Sunday.")
    assert sentence_tolls(nlp, stage, text)[0] == (1, None)


def counted(nlp, stage, text: str) -> list[tuple[str, str | None, str | None, str]]:
    """(text, kind, category, reference) of each count of people the stage finds."""
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    return [(m.text, m.kind, m.category, m.reference) for m in doc._.numbers]


def names_in(nlp, stage, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    return [(m.text, m.category, m.reference) for m in doc._.numbers if m.kind == "name"]


def told(text: str, category: str, reference: str = "new", kind: str = "name") -> NumberMention:
    return NumberMention(start=0, end=len(text), text=text, value=1, qualifier="exact", category=category,
                         kind=kind, reference=reference)


def test_a_name_told_twice_in_one_sentence_is_one_person():
    # a listing's title ("name, age - section - outlet") run into its first line
    toll = toll_from_numbers([told("Sipho Themba Ndlovu", "killed"), told("Themba Ndlovu", "killed", "again")])
    assert toll["killed"] == 1
    # a name told in an earlier sentence, next to someone the sentence counts anew
    toll = toll_from_numbers([told("a woman", "killed", kind="phrase"), told("Ndlovu", "killed", "again")])
    assert toll["killed"] == 2


def test_the_full_stop_of_a_suffix_is_no_second_person(nlp, stage):
    text = "Samuel Otieno Sr., 51, of Eastfield died in hospital on Monday after a shooting."
    assert names_in(nlp, stage, text) == [("Samuel Otieno Sr", "killed", "new")]


def test_a_surname_alone_tells_the_person_again_and_a_relative_is_someone_else(nlp, stage):
    text = ("Witnesses say Daniel Achieng stabbed and killed Ruth Achieng in the kitchen. "
            "Kofi Mensah was stabbed in the arm. Later, Mensah died at the hospital.")
    assert names_in(nlp, stage, text) == [
        ("Ruth Achieng", "killed", "new"), ("Kofi Mensah", "hit", "new"), ("Mensah", "killed", "again")]


def test_a_death_from_a_self_inflicted_wound_is_the_perpetrators_own(nlp, stage):
    text = "The attacker died of a self-inflicted wound in the car park."
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    toll = toll_from_numbers(doc._.numbers)
    assert (toll["killed"], toll["by_group"]) == (1, {"perpetrator": 1})


def test_an_outlet_glued_to_the_lead_is_split_before_the_parse(nlp, stage):
    text = "Teen found stabbed near canal dies « Lakeside NewsAn Eastfield teen who was stabbed on a towpath late on Friday has died."
    doc = nlp(text)
    assert [t.text for t in doc if t.is_sent_start][-1] == "An"
    # brands and names that join two capitalised words stay whole
    assert [t.text for t in nlp("He posted it on WhatsApp and LinkedIn, said DeAndre MacArthur.")][4:7] == \
        ["WhatsApp", "and", "LinkedIn"]
    sentences = sentence_tolls(nlp, stage, text)
    assert sentences[-1] == (1, None)


@pytest.mark.parametrize("sentence", [
    "A man who was shot near the market on Sunday has died.",
    "A woman who was stabbed outside a bar last week died on Friday.",
])
def test_one_hurt_in_a_describing_clause_whose_own_verb_says_they_died_was_killed(nlp, stage, sentence):
    assert sentence_tolls(nlp, stage, sentence) == [(1, None)]


def test_others_listed_with_the_dead_keep_their_own_fate(nlp, stage):
    text = "One person is dead and three others injured after a shooting at a party."
    assert sentence_tolls(nlp, stage, text) == [(1, 3)]


def test_who_someone_is_said_to_be_after_as_is_no_second_person(nlp, stage):
    text = "Eastfield police named the woman killed as the owner of the shop."
    assert sentence_tolls(nlp, stage, text) == [(1, None)]


def test_the_speaker_of_what_was_said_is_not_its_victim(nlp, stage):
    text = "A cousin said she had killed a man at the farm."
    assert sentence_tolls(nlp, stage, text) == [(1, None)]


def test_the_one_who_finds_the_dead_is_not_among_them(nlp, stage):
    text = "His wife got back from the shops at six, and found them both inside, dead, and rang her sister."
    assert counted(nlp, stage, text) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Ruth Wanjiru, 34, was stabbed to death along with Joseph Kariuki, 41, at a farm near Eastfield.", (2, None)),
    ("John Kamau, along with Peter Ouma, was shot on Friday.", (None, 2)),
])
def test_one_told_along_with_another_shares_the_fate(nlp, stage, sentence, expected):
    assert sentence_tolls(nlp, stage, sentence) == [expected]


@pytest.mark.parametrize("headline, expected", [
    ("Shopkeeper stabbed and killed on Main Street", (1, None)),
    ("Teen accidentally shot at bus stop near school", (None, 1)),
    # aimed at people, the headline's subject is the one who fired
    ("Man shot at officers on Main Street", (None, None)),
])
def test_a_headlines_subject_of_a_past_form_is_shot_wherever_the_place(nlp, stage, headline, expected):
    assert sentence_tolls(nlp, stage, headline) == [expected]


def titled_tolls(nlp, stage, title: str, body: str) -> list[tuple[int | None, int | None]]:
    """`sentence_tolls` of an article whose text opens with its title."""
    text = f"{title}\n{body}"
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, title=title, published="2025-03-10")
    stage(doc)
    tolls = []
    for sent in doc.sents:
        toll = toll_from_numbers([m for m in doc._.numbers if sent.start_char <= m.start < sent.end_char])
        tolls.append((toll["killed"], toll["injured"]))
    return tolls


def test_a_headline_drops_its_articles_anywhere_in_it(nlp, stage):
    title = "Family mourns boy found dead near lake after storm"
    assert titled_tolls(nlp, stage, title, "Police are investigating.")[0] == (1, None)


def test_the_source_a_headline_opens_with_is_no_victim(nlp, stage):
    title = "Officer: Man shot at gas station was armed"
    assert titled_tolls(nlp, stage, title, "Deputies arrested a neighbour.")[0] == (None, 1)


@pytest.mark.parametrize("sentence, expected", [
    ("A woman whom the gunman killed was named on Monday.", (1, None)),
    ("The teen that police shot near the school was unarmed.", (None, 1)),
])
def test_the_object_of_a_relative_clause_is_its_victim(nlp, stage, sentence, expected):
    assert sentence_tolls(nlp, stage, sentence) == [expected]


def test_one_of_a_counted_group_is_one_of_them(nlp, stage):
    assert sentence_tolls(nlp, stage, "One of two women shot on Sunday was pregnant.") == [(None, 2)]


def test_they_in_a_clause_on_the_place_they_were_taken_to_tells_their_fate(nlp, stage):
    assert sentence_tolls(nlp, stage, "Both teens were taken to a clinic, where they died that night.") == [(2, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("Two officers sustained minor injuries in the crash.", (None, 2)),
    ("He suffered a gunshot wound to the leg.", (None, 1)),
    ("A third man received injuries that were not life-threatening.", (None, 1)),
    # harm of no violence, and no harm at all
    ("The man suffered a heart attack at home.", (None, None)),
    ("The officer received a call at noon.", (None, None)),
])
def test_who_sustained_suffered_or_received_an_injury_was_hurt(nlp, stage, sentence, expected):
    assert sentence_tolls(nlp, stage, sentence) == [expected]


@pytest.mark.parametrize("text, toll", [
    # any kind of person a killing or wounding verb counts, listed in victims.tsv or not
    ("Gunmen killed two shepherds and wounded five guards near the well on Sunday.", (2, 5)),
    ("Three cadets were wounded when the mortar round landed.", (None, 3)),
    # animals and bills are not people
    ("Raiders killed 30 cattle near the village on Sunday.", (None, None)),
    ("The senate killed two bills on the budget on Tuesday.", (None, None)),
])
def test_a_count_that_a_killing_verb_governs_counts_people(nlp, stage, text, toll):
    assert sentence_tolls(nlp, stage, text)[0] == toll


def test_people_named_one_by_one_are_each_counted_whatever_their_groups(nlp, stage):
    # a farmer (civilians) and his wife (women, a part of civilians) are two people
    assert sentence_tolls(nlp, stage, "Gunmen killed a farmer and his wife at their home on Monday.")[0] == (2, None)
    # a part listed inside a counted group is not added again
    assert sentence_tolls(nlp, stage, "Gunmen killed 31 civilians, including a child, on Monday.")[0] == (31, None)
