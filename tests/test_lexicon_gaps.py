"""Words of conflict news the lexicon lacked: each sentence (our own) codes the act the
word tells, and only a sense of the word that is an act."""
from __future__ import annotations

import pytest

from sitroom.records import Article


def codes(analyzer, text: str) -> set[str]:
    article = Article(id="t", text=text, published="2024-05-06", language="en")
    return {e.event_code for e in analyzer.analyze(article).events}


@pytest.mark.parametrize("text, code", [
    ("The Chinese foreign minister applauded the agreement between the two Koreas.", "051"),
    ("The Kenyan president rebuked the Ugandan envoy over the border incursion.", "111"),
    ("Qatar brokered the prisoner exchange between Armenia and Azerbaijan.", "045"),
    ("The United States backed the Egyptian proposal for a ceasefire in Sudan.", "051"),
    ("Ethiopia has massed troops on its border with Eritrea, diplomats said.", "154"),
    ("Sudanese troops encircled the town of El Fasher on Monday.", "191"),
    ("Police sealed off the centre of Dhaka on Monday.", "191"),
    ("Rebels downed a military helicopter near Bunia on Tuesday.", "190"),
    ("Police tear-gassed the protesters outside parliament in Kampala.", "175"),
    ("Militiamen slaughtered dozens of villagers near Djugu on Sunday.", "202"),
    ("The Tuareg rebels agreed to a ceasefire with the Malian army on Sunday.", "0871"),
    ("The two governments agreed on a humanitarian ceasefire in Doha early on Saturday.", "0871"),
    ("A spokesman for the Kenyan army refused to say where the troops were.", "011"),
    ("Under the accord, Eritrea is to hand over nine Ethiopian soldiers at the border.", "084"),
    ("The Pentagon sent a second aircraft carrier to the Gulf of Aden on Friday.", "154"),
    ("Moscow moved two armoured brigades toward the Estonian border in March.", "154"),
    ("Students in Lahore burned Indian flags and an effigy of the prime minister on Friday.", "141"),
    ("New Delhi rushed 20 companies of paramilitary police to the state on Sunday.", "154"),
    ("Army columns staged flag marches through the old city of Srinagar on Monday.", "150"),
    ("Tokyo's chief cabinet secretary called the missile launch regrettable.", "111"),
    ("Masked gunmen burst into a radio station in Port-au-Prince on Friday.", "180"),
    ("Bandits held the bus passengers at gunpoint for three hours near Kaduna.", "181"),
    ("Colombia sent 500 police to the border town of Cucuta on Monday.", "154"),
    ("Azerbaijani soldiers raised their flag over the town hall of Shusha on Sunday.", "192"),
])
def test_the_word_codes_its_act(analyzer, text, code):
    found = codes(analyzer, text)
    assert code in found, found


@pytest.mark.parametrize("text", [
    "The singer was backed by a choir of fifty voices.",
    "Workers sealed the jars before shipping them.",
    "The admiral ordered the destroyer to leave the harbour at dawn.",
    "Farmers in Punjab burned the stubble left in their fields after the harvest.",
    "The audience burst into laughter at the end of the play.",
    "Fans raised the national flag over the stadium after the final whistle.",
])
def test_other_senses_code_nothing(analyzer, text):
    assert not codes(analyzer, text)


def test_speaking_to_a_party_is_consulting_it(analyzer):
    article = Article(id="t", text="The Kenyan president spoke to Ethiopia's prime minister on Monday.",
                      published="2024-05-06", language="en")
    found = [(e.event_code, e.target_actor.code if e.target_actor else None) for e in analyzer.analyze(article).events]
    assert found == [("040", "ETHGOV")], found


def test_speaking_to_reporters_consults_no_one(analyzer):
    assert not codes(analyzer, "The Kenyan foreign minister spoke to reporters in Nairobi on Monday.")


def test_refusing_to_meet_while_saying_why_is_a_rejection(analyzer):
    """A participle clause of saying is not what was refused: "refused to meet ..., saying"."""
    found = codes(analyzer, "Kenyan President Ann Mwangi has refused to meet Uganda's visiting foreign minister in "
                            "Mombasa, saying she would only receive him in Nairobi, her office said on Tuesday.")
    assert "120" in found and "011" not in found, found
