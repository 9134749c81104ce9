"""The number stage: amounts, what they count, tolls and their breakdowns, and the lexicon files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.errors import KnowledgeError
from sitroom.knowledge import DATA_DIR
from sitroom.records import Article, NumberMention
from sitroom.resolve.numbers import NumberLexicon, NumberStage, parse_amount, toll_from_numbers

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def stage():
    return NumberStage()


def numbers_in(nlp, stage, text: str) -> list[tuple[str, int | None, str, str | None, str | None]]:
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    for m in doc._.numbers:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value, m.qualifier, m.category, m.group) for m in doc._.numbers]


# -- amounts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2,800", (2800, "exact")),
    ("12", (12, "exact")),
    ("eight", (8, "exact")),
    ("twenty-one", (21, "exact")),
    ("Twenty one", (21, "exact")),
    ("two hundred", (200, "exact")),
    ("one hundred and five", (105, "exact")),
    ("a thousand", (1000, "exact")),
    ("1.5 million", (1_500_000, "exact")),
    ("a dozen", (12, "about")),
    ("dozens", (12, "dozens")),
    ("scores", (20, "scores")),
    ("hundreds", (100, "hundreds")),
    ("tens of thousands", (10_000, "tens of thousands")),
    ("several", (3, "several")),
    ("at least 412", (412, "at least")),
    ("more than 410", (410, "more than")),
    ("over 50", (50, "more than")),
    ("nearly 400", (400, "nearly")),
    ("about 30", (30, "about")),
    ("around 30", (30, "about")),
    ("some 300", (300, "about")),
    ("up to 60", (60, "up to")),
    ("as many as 60", (60, "up to")),
    ("more than a dozen", (12, "more than")),
    ("a lot", (None, "exact")),
])
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected


# -- what a number counts --------------------------------------------------------------------

def test_participle_after_a_toll_with_a_breakdown(nlp, stage):
    text = ("At least 96 people have been killed in Goma since Sunday: 40 M23 rebels, 31 soldiers "
            "and 25 civilians, the UN said.")
    assert numbers_in(nlp, stage, text) == [
        ("At least 96", 96, "at least", "killed", None),
        ("40", 40, "exact", "killed", "rebels"),
        ("31", 31, "exact", "killed", "government"),
        ("25", 25, "exact", "killed", "civilians"),
    ]


def test_members_of_pro_government_forces_are_government(nlp, stage):
    found = numbers_in(nlp, stage, "The clashes killed 17 members of the pro-government forces and 9 insurgents.")
    assert found == [("17", 17, "exact", "killed", "government"), ("9", 9, "exact", "killed", "rebels")]


@pytest.mark.parametrize("sentence, expected", [
    ("RSF drones hit a market in Omdurman, killing 19 people.", ("19", 19, "exact", "killed", None)),
    ("The shelling left more than 60 dead, according to medics.", ("more than 60", 60, "more than", "killed", None)),
    ("Israeli strikes killed eight in Khan Younis.", ("eight", 8, "exact", "killed", None)),
    ("Medics gave a toll of 31 after the blast.", ("31", 31, "exact", "killed", None)),
    ("The death toll from the landslide rose to 57.", ("57", 57, "exact", "killed", None)),
    ("A suicide bomber struck a rally in Mogadishu, injuring 40.", ("40", 40, "exact", "injured", None)),
    ("Gang members wounded dozens in Port-au-Prince.", ("dozens", 12, "dozens", "injured", None)),
    ("Bandits abducted 20 students in Kaduna state.", ("20", 20, "exact", "abducted", "students")),
    ("Gunmen kidnapped some 30 passengers on the highway.", ("some 30", 30, "about", "abducted", "civilians")),
    ("Kenyan police arrested 300 protesters in Nairobi.", ("300", 300, "exact", "arrested", "protesters")),
    ("The fighting has displaced 10,000 in North Kivu.", ("10,000", 10000, "exact", "displaced", None)),
    ("Twelve fishermen are still missing after the raid.", ("Twelve", 12, "exact", "missing", None)),
    ("Two Myanmar soldiers were shot dead near the border.", ("Two", 2, "exact", "killed", "government")),
    ("The bodies of nine men were found near Kidal.", ("nine", 9, "exact", "killed", None)),
    ("Dozens of civilians were killed in the attack on Bakhmut.", ("Dozens", 12, "dozens", "killed", "civilians")),
    ("Two ministers resigned over the crackdown in Nairobi.", ("Two", 2, "exact", None, None)),
    ("The governor put the death toll at 14 after the strike on Sumy.", ("14", 14, "exact", "killed", None)),
    ("Three women were among the injured in Kismayo.", ("Three", 3, "exact", "injured", "women")),
    ("Medics said 23 people were treated for injuries in Mombasa.", ("23", 23, "exact", "injured", None)),
    ("The junta said the army lost 15 soldiers near Menaka.", ("15", 15, "exact", "killed", "government")),
    ("The air force struck a convoy, killing dozens of militia fighters.", ("dozens", 12, "dozens", "killed", "militia")),
])
def test_category_from_the_parse(nlp, stage, sentence, expected):
    assert expected in numbers_in(nlp, stage, sentence)


def test_killed_and_injured_in_one_sentence(nlp, stage):
    found = numbers_in(nlp, stage, "Russian missiles struck Dnipro, killing 11 people and injuring 48.")
    assert [(f[1], f[3]) for f in found] == [(11, "killed"), (48, "injured")]


def test_including_marks_a_part_of_the_toll(nlp, stage):
    found = numbers_in(nlp, stage, "Militiamen killed 22 villagers in Ituri, including seven children.")
    assert found == [("22", 22, "exact", "killed", "civilians"), ("seven", 7, "exact", "killed", "children")]


@pytest.mark.parametrize("sentence", [
    "A 33-year-old nurse was among those treated in Kharkiv.",
    "The truce of 2015 collapsed after 12 years of talks at 10:30.",
    "Donors pledged $300 million, and inflation reached 40 percent in Khartoum.",
    "It was the third attack on the convoy, one of the deadliest on Route 5.",
    "The army seized dozens of villages and 14 tanks.",
    "The Security Council adopted resolution 2736 with 14 votes.",
    "The victim, aged 45, was a trader.",
])
def test_numbers_that_are_not_counts_of_people_give_no_mention(nlp, stage, sentence):
    assert numbers_in(nlp, stage, sentence) == []


def test_furniture_numbers_are_skipped(nlp, stage):
    text = "Caption: 12 people killed.\nAt least 30 people were killed in Gao."
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, furniture=((0, 26),))
    stage(doc)
    assert [m.value for m in doc._.numbers] == [30]


# -- tolls -----------------------------------------------------------------------------------

def mention(value: int, category: str | None, group: str | None = None, qualifier: str = "exact") -> NumberMention:
    return NumberMention(start=0, end=1, text=str(value), value=value, qualifier=qualifier, category=category, group=group)


def test_toll_prefers_a_stated_total_and_keeps_the_breakdown():
    toll = toll_from_numbers([mention(96, "killed", qualifier="at least"), mention(40, "killed", "rebels"),
                              mention(31, "killed", "government"), mention(25, "killed", "civilians")])
    assert toll == {"killed": 96, "injured": None, "qualifier": "at least",
                    "by_group": {"rebels": 40, "government": 31, "civilians": 25}, "hit": 0, "added": False}


def test_toll_sums_a_breakdown_without_a_total():
    toll = toll_from_numbers([mention(3, "killed", "government"), mention(2, "killed", "police"),
                              mention(40, "injured")])
    assert toll == {"killed": 5, "injured": 40, "qualifier": "exact", "by_group": {"government": 3, "police": 2},
                    "hit": 0, "added": False}


def test_toll_does_not_count_a_part_twice():
    toll = toll_from_numbers([mention(22, "killed", "civilians"), mention(7, "killed", "children")])
    assert toll["killed"] == 22
    assert toll["by_group"] == {"civilians": 22, "children": 7}


def test_toll_keeps_a_vague_qualifier_and_ignores_other_categories():
    toll = toll_from_numbers([mention(12, "killed", "civilians", "dozens"), mention(20, "abducted", "students"),
                              mention(2, None)])
    assert (toll["killed"], toll["qualifier"]) == (12, "dozens")
    assert toll_from_numbers([mention(2, None)]) == {"killed": None, "injured": None, "qualifier": None, "by_group": {},
                                                     "hit": 0, "added": False}


# -- the lexicon files -----------------------------------------------------------------------

def copy_lexicon(tmp_path: Path) -> Path:
    for name in ("numbers.tsv", "victims.tsv", "tolls.tsv", "not_people.tsv"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_shipped_lexicon_loads():
    lexicon = NumberLexicon.load()
    assert lexicon.vague["dozens"] == (12, "dozens")
    assert lexicon.victims["soldier"] == ("government", None)
    assert lexicon.parents["children"] == "civilians"


@pytest.mark.parametrize("name, line, problem", [
    ("numbers.tsv", "dozens\tvague\tmany\tdozens", "whole number"),
    ("numbers.tsv", "umpteen\tguess\t7\t", "kind 'guess'"),
    ("tolls.tsv", "shoot\tshot\tverb", "category 'shot'"),
    ("tolls.tsv", "shoot\tkilled\tadverb", "pos 'adverb'"),
    ("victims.tsv", "soldier\tgovernment\t", "listed twice"),
    ("victims.tsv", "cadet\tcadets\tarmy", "part of 'army'"),
    ("not_people.tsv", "\tanimals", "empty noun"),
])
def test_malformed_lexicon_lines_name_file_and_problem(tmp_path, name, line, problem):
    directory = copy_lexicon(tmp_path)
    path = directory / name
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        NumberLexicon.load(directory)
    assert name in str(error.value) and problem in str(error.value)


# -- the seeds, read at run time -------------------------------------------------------------

def test_seeds_give_a_three_group_breakdown_and_no_tolls_from_years(nlp, stage):
    breakdowns = 0
    for line in (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = (SEEDS / meta["path"]).read_text(encoding="utf-8")
        doc = nlp(text)
        doc._.article = Article(id=meta["id"], text=text, published=meta["published"])
        stage(doc)
        for sent in doc.sents:
            inside = [m for m in doc._.numbers if sent.start_char <= m.start < sent.end_char]
            toll = toll_from_numbers(inside)
            if len(toll["by_group"]) == 3:
                breakdowns += 1
                assert toll["killed"] is not None and toll["killed"] >= sum(toll["by_group"].values())
        assert not any(1900 <= (m.value or 0) <= 2100 for m in doc._.numbers)
    assert breakdowns >= 1


# -- people counted without a number ---------------------------------------------------------

def phrases_in(nlp, stage, text: str) -> list[tuple[str, int | None, str | None, str | None, str, str]]:
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage(doc)
    return [(m.text, m.value, m.category, m.group, m.kind, m.reference) for m in doc._.numbers]


@pytest.mark.parametrize("sentence, expected", [
    ("A man was shot and killed in Mosul on Tuesday night.", [("A man", 1, "killed", None, "phrase", "new")]),
    ("Two men were shot, one fatally, outside a bakery in Gao.",
     [("Two", 2, "hit", None, "amount", "new"), ("one", 1, "killed", None, "amount", "again")]),
    ("The gunman killed four people and then himself.",
     [("four", 4, "killed", None, "amount", "new"), ("himself", 1, "killed", "perpetrator", "pronoun", "new")]),
    ("Mary Okello, 60, and her husband John, 62, were found dead in their home in Gulu.",
     [("Mary Okello", 1, "killed", None, "name", "new"), ("her husband", 1, "killed", None, "phrase", "new")]),
    ("Both officers were wounded and another man was killed.",
     [("Both officers", 2, "injured", "police", "phrase", "again"), ("another man", 1, "killed", None, "phrase", "more")]),
    ("A couple was found dead in their farmhouse near Bunia.", [("A couple", 2, "killed", None, "phrase", "new")]),
    ("The victim died on the way to the clinic in Kisumu.", [("The victim", 1, "killed", None, "phrase", "again")]),
    # an ordinal is no count: "the second victim" is one of those counted, "a third man" one more
    ("The second victim died later in a hospital in Gulu.", [("The second victim", 1, "killed", None, "phrase", "again")]),
    ("A third man was wounded in the leg.", [("A third man", 1, "injured", None, "phrase", "more")]),
    ("One man died and a second was wounded.",
     [("One", 1, "killed", None, "amount", "new"), ("a second", 1, "injured", None, "phrase", "more")]),
    ("He died at the hospital two days later.", [("He", 1, "killed", None, "pronoun", "again")]),
    ("A soldier died of his wounds in Kidal.", [("A soldier", 1, "killed", "government", "phrase", "new")]),
    ("A woman was found shot to death inside a van.", [("A woman", 1, "killed", "women", "phrase", "new")]),
    # "another" sets the victim apart from the one who did it; it adds no one
    ("Witnesses say the driver stabbed and killed another driver at the junction.",
     [("another driver", 1, "killed", None, "phrase", "new")]),
    ("The court charged a guard accused of stabbing and killing another guard at the depot.",
     [("another guard", 1, "killed", "government", "phrase", "new")]),
    # the act's own adjective says what befell its victim
    ("Police named the victim of a deadly shooting on Elm Street.", [("the victim", 1, "killed", None, "phrase", "again")]),
    # an age stands for the person; verbs joined in the describing clause count
    ("A 15-year-old who was stabbed and killed near the river on Friday was named by police.",
     [("A 15-year-old", 1, "killed", None, "phrase", "new")]),
    # "by" after a passive names the doers, even where the parse reads a plain preposition
    ("On Tuesday, two traders in the market were fatally shot several times over by three robbers.",
     [("two", 2, "killed", None, "amount", "new"), ("three", 3, None, "assailants", "amount", "new")]),
    # the relative clause that tells what the noun did names a doer, not a victim
    ("An officer who fatally shot a 20-year-old appeared in court on Monday.",
     [("a 20-year-old", 1, "killed", None, "phrase", "new")]),
    # the same possessive phrase told again (a headline, then its lead) is the same person
    ("Police said he killed his neighbour on Sunday. His neighbour was found dead in the yard.",
     [("his neighbour", 1, "killed", None, "phrase", "new"), ("His neighbour", 1, "killed", None, "phrase", "again")]),
    ("The officer also shot and killed a neighbor.", [("a neighbor", 1, "killed", None, "phrase", "more")]),
    ("Police said a man killed six people and critically injured another.",
     [("six", 6, "killed", None, "amount", "new"), ("another", 1, "injured", None, "phrase", "more")]),
])
def test_victim_phrases(nlp, stage, sentence, expected):
    assert phrases_in(nlp, stage, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The gunman fired at a passing car and fled.",  # the doer is no victim; the car is no one
    "Nobody was hurt, and he was not injured either.",  # negated
    "He threatened to kill her if she called the police.",  # not done
    "The bullet came within inches of possibly killing the trooper.",  # only came close
    "Police shot at the suspect, who turned himself in a day later.",  # himself: no harm
    "I heard three shots and then a truck drove past.",  # shots are no people
    "There have been so many deaths in the city this year.",  # "so many" is no count
    "Officers found him on the 2600 block of Montana Avenue near 6th and Wright.",  # no fate said
])
def test_no_victim_where_no_one_was_harmed(nlp, stage, sentence):
    assert [m for m in phrases_in(nlp, stage, sentence) if m[2] in ("killed", "injured", "hit")] == []


def test_an_age_after_a_name_is_no_count(nlp, stage):
    found = phrases_in(nlp, stage, "Peter Lokiru, 25, was killed when gunmen raided the cattle camp.")
    assert found == [("Peter Lokiru", 1, "killed", None, "name", "new")]


def test_a_named_person_is_counted_once_per_mention_and_again_after(nlp, stage):
    found = phrases_in(nlp, stage, "Amina Yusuf was shot on Monday. Amina Yusuf died on Tuesday.")
    assert [(f[0], f[2], f[5]) for f in found] == [("Amina Yusuf", "hit", "new"), ("Amina Yusuf", "killed", "again")]


def person(value: int, category: str, reference: str = "new", kind: str = "phrase",
           group: str | None = None) -> NumberMention:
    return NumberMention(start=0, end=1, text="x", value=value, qualifier="exact", category=category, group=group,
                         kind=kind, reference=reference)


def test_toll_counts_people_named_one_by_one_and_the_perpetrator_on_top():
    toll = toll_from_numbers([person(5, "killed", kind="amount", group="children"), person(1, "killed", group="women"),
                              person(1, "killed", kind="pronoun", group="perpetrator")])
    assert (toll["killed"], toll["by_group"]) == (7, {"children": 5, "women": 1, "perpetrator": 1})


def test_toll_a_pronoun_tells_the_fate_of_people_already_counted():
    toll = toll_from_numbers([person(1, "hit"), person(1, "killed", "again", "pronoun")])
    assert (toll["killed"], toll["injured"], toll["hit"]) == (1, 0, 0)
    toll = toll_from_numbers([person(2, "hit", kind="amount"), person(1, "killed", "again", "amount")])
    assert (toll["killed"], toll["injured"], toll["hit"]) == (1, 1, 1)


def test_toll_marks_people_on_top_of_those_told_before():
    assert toll_from_numbers([person(1, "killed", "more")])["added"] is True
    assert toll_from_numbers([person(1, "killed"), person(1, "injured", "more")])["added"] is False


def test_victim_sizes_and_patients_are_validated(tmp_path):
    directory = copy_lexicon(tmp_path)
    path = directory / "victims.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "trio\t\t\tzero\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="size"):
        NumberLexicon.load(directory)
    directory = copy_lexicon(tmp_path)
    path = directory / "tolls.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "dead\tkilled\tadj\tsubject\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="only a verb"):
        NumberLexicon.load(directory)


def test_a_wound_to_the_body_is_no_death(nlp, stage):
    # "shot to death" kills; "wounds to the body" says where the wounds were
    found = numbers_in(nlp, stage, "Both guards had bullet wounds to the body, the hospital said.")
    assert not [m for m in found if m[3] == "killed"], found
    assert ("killed" in [m[3] for m in numbers_in(nlp, stage, "Two men were beaten to death in Gulu.")])
