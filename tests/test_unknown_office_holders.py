"""People the knowledge does not know, named with a bare office title (issue 13, h69):
whose office it is when the title names no country. The main country is the default; a
paragraph that turns to one other state's officials says otherwise. One rule of news
writing per test, on sentences written for these tests (no data set's text)."""
from __future__ import annotations

import pytest

from actor_stage import analyse as _analyse, at, stage  # noqa: F401 (stage: a fixture)

pytestmark = pytest.mark.slow

# A story about Venezuela (its troops, its capital, its claim): the main country.
LEAD = ("CARACAS, May 4 (Andes Wire) - Venezuelan troops massed near the border with Guyana on Monday, and the "
        "government in Caracas said Venezuela would defend its claim to the disputed Essequibo region.")
BRITISH = "The patrol ship Trent was ordered to sail to Georgetown, British officials said."
HOLLIS = "Defence Secretary Martin Hollis said on Tuesday that the move showed London would stand by its partner"
CLOSE = "Venezuelan President Nicolas Maduro called the deployment a provocation."


def analyse(nlp, stage, text: str, published: str = "2023-12-05"):
    return _analyse(nlp, stage, text, published)


def test_a_bare_title_in_a_paragraph_about_another_state_is_that_states(nlp, stage) -> None:
    # the sentence before quotes British officials, this one names London, neither names Venezuela
    text = f"{LEAD}\n\n{BRITISH} {HOLLIS}.\n\n{CLOSE}"
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "GBRGOV"


def test_a_bare_title_that_names_the_main_country_keeps_it(nlp, stage) -> None:
    # (a guard) the sentence names Venezuela too: the paragraph is not another state's alone
    text = f"{LEAD}\n\n{BRITISH} {HOLLIS} against Venezuela.\n\n{CLOSE}"
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "VENGOV"


def test_a_bare_title_opening_a_paragraph_keeps_the_main_country(nlp, stage) -> None:
    # (a guard) a new paragraph may turn back to the main country's officials
    text = f"{LEAD}\n\n{BRITISH}\n\n{HOLLIS}.\n\n{CLOSE}"
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "VENGOV"


def test_a_bare_title_whose_sentence_names_no_state_keeps_the_main_country(nlp, stage) -> None:
    # (a guard) nothing in its own sentence says whose secretary he is
    text = f"{LEAD}\n\n{BRITISH} Defence Secretary Martin Hollis said on Tuesday that the move was routine.\n\n{CLOSE}"
    assert at(analyse(nlp, stage, text), "Defence Secretary").actor.code == "VENGOV"


# A story filed from Seoul about North Korea's missiles: North Korea is the main country,
# South Korea, the country it is filed from, is named past the dateline too.
SEOUL = ("SEOUL, Aug 3 (Asia Wire) - North Korea fired two ballistic missiles into the sea on Thursday, the "
         "third launch this month, and North Korean state media said the leader had watched the test. North "
         "Korea has ignored calls to return to talks, and Pyongyang said on Friday that North Korea would "
         "keep testing.")
LOCAL = " President Han Min-jae ordered the military to raise its readiness and called an emergency meeting."


def test_a_bare_title_in_a_story_filed_from_a_country_it_is_about_is_that_countrys(nlp, stage) -> None:
    text = SEOUL + " South Korea's military said it had tracked both missiles from launch.\n\n" \
        "Officials in Seoul said the missiles flew about 600 km." + LOCAL
    assert at(analyse(nlp, stage, text, "2023-08-03"), "President Han").actor.code == "KORGOV"


def test_a_bare_title_in_a_story_filed_from_a_country_named_only_there_keeps_the_main_country(nlp, stage) -> None:
    # (a guard) the dateline alone: the correspondent's base, not a country the story is about
    text = SEOUL + "\n\nThe missiles flew about 600 km." + LOCAL
    assert at(analyse(nlp, stage, text, "2023-08-03"), "President Han").actor.code == "PRKGOV"
