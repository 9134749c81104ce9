"""Whom a disapproval is aimed at (coding/reactions.py): the doer of the act its noun
re-names, told before in the article as done, never the victims the noun names.
Sentences of our own, whole pipeline."""
from __future__ import annotations

import pytest

from sitroom.coding.reactions import ReactionWords
from sitroom.errors import KnowledgeError
from sitroom.records import Article, Event

PUBLISHED = "2025-06-12"


def disapprovals(analyzer, text: str) -> list[Event]:
    article = Article(id="t", text=text, published=PUBLISHED, language="en")
    return [e for e in analyzer.analyze(article).events if e.event_code.startswith("11") and not e.historical]


def dyad(event: Event) -> tuple[str | None, str | None]:
    return (event.source_actor.code if event.source_actor else None,
            event.target_actor.code if event.target_actor else None)


def test_a_hostage_taking_is_condemned_at_the_hostage_takers_not_the_hostages(analyzer):
    text = ("Gunmen stormed a hotel in Bamako on Monday and seized dozens of guests, police said. "
            "Soldiers surrounded the building overnight. "
            "The African Union condemned the hostage-taking on Tuesday as a cowardly act.")
    [event] = disapprovals(analyzer, text)
    assert event.source_actor.code == "IGOAFU"
    assert event.target_actor is not None and event.target_actor.code == "UAF"


def test_air_strikes_condemned_are_the_air_force_s_not_the_nearest_act_of_another_side(analyzer):
    # the rebels' ambush is told between the bombing and the condemnation: "the air strikes"
    # re-name the bombing, an act of their own kind
    text = ("Villagers said Myanmar army helicopters had bombed three villages near Kutkai on Friday. "
            "Rebel fighters ambushed a supply convoy on the highway to Lashio on Saturday. "
            "The U.N. human rights office condemned the air strikes on Sunday.")
    events = [e for e in disapprovals(analyzer, text) if e.source_actor and e.source_actor.code == "IGOUNO"]
    assert [dyad(e)[1] for e in events] == ["MMRMIL"]


def test_the_violence_of_one_side_is_condemned_at_that_side(analyzer):
    text = ("Rebels attacked an army post outside Bambari on Tuesday, killing four soldiers. "
            "France condemned the violence on Wednesday.")
    events = [e for e in disapprovals(analyzer, text) if dyad(e)[0] and dyad(e)[0].startswith("FRA")]
    assert [dyad(e)[1] for e in events] == ["CAFREB"]


def test_the_assault_is_the_side_s_told_as_done_not_a_party_s_claim_told_nearer(analyzer):
    # the militants' claim is told between the assault and its condemnation: only an act
    # the writer tells as done is what "the assault" re-names
    text = ("Ethiopian tanks pushed into the Somali town of Beledweyne on Wednesday. "
            "Al-Shabaab said on Thursday its fighters had destroyed three Ethiopian armoured vehicles. "
            "Somalia's prime minister condemned the assault on Thursday.")
    events = [e for e in disapprovals(analyzer, text) if dyad(e)[0] == "SOMGOV"]
    assert [dyad(e)[1] for e in events] == ["ETHMIL"]


def test_the_attack_is_not_laid_on_the_only_named_side_when_an_act_of_no_named_doer_is_told(analyzer):
    # the bombing, whose doer is unknown, may be what "the attack" re-names: not the troops'
    text = ("Malian troops killed three militants near Gao on Sunday. "
            "A bomb exploded at a cattle market in Gao on Monday, killing 12 traders. "
            "The United Nations condemned the attack on Tuesday.")
    events = [e for e in disapprovals(analyzer, text) if dyad(e)[0] == "IGOUNO"]
    assert events and all(e.target_actor is None for e in events)


def test_violence_that_names_its_doer_keeps_it(analyzer):
    text = ("Riot police fired tear gas at students in Nairobi on Tuesday. "
            "The opposition leader condemned police violence against the marchers.")
    events = [e for e in disapprovals(analyzer, text) if dyad(e)[0] == "KENOPP"]
    assert [dyad(e)[1] for e in events] == ["KENCOP"]


def test_violence_said_to_be_deplorable_is_condemned(analyzer):
    text = ("Riot police fired tear gas and rubber bullets at protesters in Dhaka on Monday, "
            "wounding dozens. The Canadian foreign minister said on Tuesday the violence was deplorable.")
    events = [e for e in disapprovals(analyzer, text) if dyad(e)[0] and dyad(e)[0].startswith("CAN")]
    assert [e.date for e in events] == ["2025-06-10"]


def test_reaction_words_load_and_refuse_an_act_without_codes(tmp_path):
    words = ReactionWords.load()
    assert words.acts["hostage-taking"] and "deplorable" in words.verdicts
    path = tmp_path / "reactions.tsv"
    path.write_text("word\trole\tcodes\nbloodshed\tact\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=":2"):
        ReactionWords.load(path)
