"""The MUC-4 benchmark's perpetrator and target figures: a template's quoted names against
the source and target actors of an article's violent incidents (benchmarks/muc4_eval.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from made_events import made_event
from sitroom.records import Actor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import muc4_eval  # noqa: E402

ALIASES = {"Popular Revolutionary Front": ("FRP", "Frente Revolucionario Popular")}
TEMPLATE = {
    "PERP: INDIVIDUAL ID": ['"GROUP OF ARMED MEN" / "ARMED MEN"'],
    "PERP: ORGANIZATION ID": ['"FRP"'],
    "HUM TGT: NAME": ["-"],
    "HUM TGT: DESCRIPTION": ['"JUDGE": "MARTA LOPEZ"'],
    "PHYS TGT: ID": ["*"],
}


def aliases(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, ())


def incident(source: Actor | None, target: Actor | None):
    return made_event("d", 1, "180", source=source, target=target, sentence="A judge was shot.")


JUDGE = Actor(text="JUDGE MARTA LOPEZ", name="Marta Lopez", code="CVL", country=None)


def test_template_strings_are_the_quoted_names_of_the_slots():
    assert muc4_eval.template_strings(TEMPLATE, muc4_eval.PERPETRATOR_SLOTS) == [
        "GROUP OF ARMED MEN", "ARMED MEN", "FRP"]
    assert muc4_eval.template_strings(TEMPLATE, muc4_eval.TARGET_SLOTS) == ["JUDGE", "MARTA LOPEZ"]


def test_a_named_group_matches_through_its_alias_and_a_generic_one_through_its_mention():
    front = Actor(text="the Popular Revolutionary Front", name="Popular Revolutionary Front", code="REB", country=None)
    gunmen = Actor(text="heavily armed men", name="armed group", code="UAF", country=None)
    counts = muc4_eval.who_did_it(TEMPLATE, [incident(front, JUDGE)], aliases)
    assert counts == {"perpetrator_templates": 1, "perpetrator": 1, "target_templates": 1, "target": 1}
    assert muc4_eval.who_did_it(TEMPLATE, [incident(gunmen, None)], aliases)["perpetrator"] == 1


def test_an_unresolved_pronoun_another_actor_or_no_source_does_not_match():
    they = Actor(text="they", name="they", code=None, country=None)
    army = Actor(text="the army", name="army", code="MIL", country=None)
    counts = muc4_eval.who_did_it(TEMPLATE, [incident(they, army), incident(None, None), incident(army, they)], aliases)
    assert counts == {"perpetrator_templates": 1, "perpetrator": 0, "target_templates": 1, "target": 0}


def test_plurals_and_little_words_do_not_stand_in_the_way():
    assert muc4_eval.actor_matches(["TERRORISTS"], Actor(text="a terrorist", name="terrorist", code=None, country=None),
                                   aliases)
    assert not muc4_eval.actor_matches(["URBAN TERRORISTS"], Actor(text="the group", name="group", code=None,
                                                                   country=None), aliases)
    assert muc4_eval.who_did_it({"PERP: INDIVIDUAL ID": ["-"], "PERP: ORGANIZATION ID": ["*"]}, [], aliases) == {}


def test_a_mention_that_says_less_matches_when_it_ends_with_the_same_word():
    guerrillas = Actor(text="the guerrillas", name="guerrillas", code="REB", country=None)
    army = Actor(text="the army", name="army", code="MIL", country=None)
    assert muc4_eval.actor_matches(["URBAN GUERRILLAS"], guerrillas, aliases)
    assert muc4_eval.actor_matches(["SALVADORAN ARMY"], army, aliases)
    assert not muc4_eval.actor_matches(["ARMY OF POPULAR LIBERATION"], army, aliases)
    assert muc4_eval.actor_matches(["TEN TERRORISTS"], Actor(text="terrorists", name="terrorists", code=None,
                                                             country=None), aliases)


def test_quotes_inside_a_name_are_part_of_it():
    template = {"PERP: ORGANIZATION ID": ['"\\"21 MARCH\\" URBAN FRONT" / "FUR"']}
    assert muc4_eval.template_strings(template, muc4_eval.PERPETRATOR_SLOTS) == ['"21 MARCH" URBAN FRONT', "FUR"]
