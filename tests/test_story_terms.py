"""Story terms leave out what names no story: a calendar word in the possessive, and the
single capitals of abbreviations and initials, which two unrelated reports share."""
from __future__ import annotations

from sitroom import story
from sitroom.knowledge.fusion_rules import default_knowledge

KNOWLEDGE = default_knowledge()


def test_calendar_words_in_the_possessive_and_single_capitals_are_no_story_terms() -> None:
    text = ("After Saturday's vote in Kelowna, B.C., the U.S. envoy Marta Quill met Oduya of the UN "
            "and 14 members of the Okanagan Council.")
    found = story.terms(text, KNOWLEDGE.story_stopwords)
    assert found == {"kelowna", "marta", "quill", "oduya", "un", "#14", "okanagan", "council"}
    # a name in the possessive is still the name's term, as it is written
    assert "quill's" in story.terms("The envoy met Quill's deputy in Kelowna.", KNOWLEDGE.story_stopwords)
