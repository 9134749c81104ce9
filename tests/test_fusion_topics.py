"""Fusion over all topics (issue 19): two reports of one act name it by one word in two
forms ("stabbed", "the stabbing"); the word that carried each event is compared by its
stem, so that such reports agree on it as reports that use one form do."""
from __future__ import annotations

from typing import Any

from sitroom import fusion
from sitroom.knowledge.fusion_rules import default_knowledge

KNOWLEDGE = default_knowledge()
VARNA = {"name": "Varna", "country": "BGR", "admin1": "Varna", "lat": 43.21, "lon": 27.91, "precision": "city"}


def _member(member_id: str, trigger: str, sentence: str, *, code: str = "182") -> dict[str, Any]:
    """One article's event with no actors and no date, as a brief report of a crime gives it."""
    return {
        "id": member_id, "event_code": code, "event_label": f"label {code}", "source_actor": None,
        "target_actor": None, "date": None, "date_precision": "day", "location": VARNA, "fatalities": None,
        "attribution": None, "modality": "asserted", "historical": False, "trigger": trigger, "confidence": 0.7,
        "evidence": [{"doc_id": member_id, "sentence": sentence, "start": 0, "end": len(sentence)}],
    }


STABBED = _member("a", "stabbed", "A ferry worker was stabbed outside the port terminal during the night shift.")
STABBING = _member("b", "stabbing", "Detectives are questioning two dock hands over the stabbing, which left "
                                    "the victim in hospital.")


def test_one_word_in_two_forms_is_one_trigger_and_two_reports_of_a_story_match() -> None:
    inside = fusion.Story(0.35, KNOWLEDGE)
    match = fusion.score(STABBED, STABBING, inside)
    assert "trigger" in match.agreed
    assert match.passes()  # the sentences share no word: the trigger is what they have in common


def test_different_words_are_different_triggers() -> None:
    shooting = _member("c", "shooting", "Detectives are questioning two dock hands over the shooting, which left "
                                        "the victim in hospital.")
    match = fusion.score(STABBED, shooting, fusion.Story(0.35, KNOWLEDGE))
    assert "trigger" in match.differed and not match.passes()


def test_each_word_of_a_trigger_is_stemmed() -> None:
    set_fire = _member("d", "set fire", "Youths set fire to a bus depot.", code="171")
    setting_fire = _member("e", "setting fire", "Two youths were charged with setting fire to the depot.", code="171")
    assert fusion.score(set_fire, setting_fire, fusion.Story(0.35, KNOWLEDGE)).agreed.count("trigger") == 1
    assert "trigger" in fusion.score(set_fire, setting_fire).agreed  # outside a story as well
