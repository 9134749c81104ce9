"""Doers and patients the sentence implies: the noun a past participle describes, the
captors who hold a captive, the state of a release from custody told with no doer, an
arrest told by a participle with a day of its own, a country a sentence opens with, and
force-posture words. Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def events(analyzer, text: str, published: str = "2024-05-08"):
    article = Article(id="t", text=text, published=published, language="en")
    return [(e.event_code, e.source_actor.code if e.source_actor else None,
             e.target_actor.code if e.target_actor else None) for e in analyzer.analyze(article).events]


def test_the_noun_a_participle_describes_is_its_patient(analyzer):
    found = events(analyzer, "KIRKUK, Iraq, May 8 - A Japanese engineer seized by insurgents near Kirkuk on Monday "
                             "appeared in a video released on Wednesday.")
    assert any(code.startswith("18") and source and source.endswith("INS") and target == "JPNCVL"
               for code, source, target in found), found


def test_who_holds_a_captive_seized_with_no_agent_seized_them(analyzer):
    found = events(analyzer, "KIRKUK, Iraq, May 8 - Fighting went on around Kirkuk on Tuesday. The gang that holds "
                             "17 pilgrims abducted near Kirkuk demanded a ransom of one million dollars.")
    assert any(code == "181" and source and source.endswith("CRM") for code, source, _ in found), found


def test_a_seizure_told_by_a_participle_inside_a_threat_was_done(analyzer):
    found = events(analyzer, "BASRA, Iraq, May 8 - Insurgents holding an Indian engineer seized near Basra on "
                             "Monday threatened to kill him.")
    assert any(code == "181" for code, _, _ in found), found


def test_a_release_from_custody_with_no_doer_is_by_the_state(analyzer):
    found = events(analyzer, "FREETOWN, May 8 - Opposition leader Ali Kamara was released from prison in Freetown "
                             "on Tuesday after eight months in detention.")
    assert any(code == "0841" and source == "SLEGOV" for code, source, _ in found), found


def test_a_release_of_hostages_with_no_doer_is_not_the_state(analyzer):
    found = events(analyzer, "FREETOWN, May 8 - Twelve pilgrims were released in Freetown on Tuesday.")
    assert not any(code == "0841" and source == "SLEGOV" for code, source, _ in found), found


def test_a_country_a_sentence_opens_with_is_its_forces_country(analyzer):
    found = events(analyzer, "Jihadists overran an army base in Borno on Sunday. In neighbouring Niger, the army "
                             "said it had reinforced its posts along the border.", published="2024-10-22")
    assert any(code.startswith("15") and source == "NERMIL" for code, source, _ in found), found


def test_troops_on_standby_show_force(analyzer):
    found = events(analyzer, "About 3,000 Kenyan troops are on standby in Mombasa, the defence ministry said.")
    assert any(code.startswith("15") and source == "KENMIL" for code, source, _ in found), found


def test_other_names_of_a_state_of_exception(analyzer):
    found = events(analyzer, "Peru's government declared a state of internal commotion in three provinces on "
                             "Tuesday.")
    assert any(code.startswith("172") and source and source.startswith("PER") for code, source, _ in found), found


def test_inmates_freed_in_a_jailbreak_are_not_released_by_the_state(analyzer):
    found = events(analyzer, "PORT-AU-PRINCE, March 4 - Gunmen stormed the national penitentiary on Saturday night, "
                             "and about 3,600 inmates were freed from the prison.", published="2024-03-04")
    assert any(code.startswith("18") for code, _, _ in found) and \
        not any(code == "0841" and (source or "").endswith("GOV") for code, source, _ in found), found


def test_a_participle_describing_people_in_general_names_no_patient(analyzer):
    """"the number of people killed in the war": a statistic of people in general, no act."""
    found = events(analyzer, "LIMA, June 4 - The minister invited reporters to compare the number of people killed "
                             "in the war with the number of people who died of hunger.", published="1989-06-04")
    assert not any(code[:2] in {"18", "19", "20"} for code, _, _ in found), found


def test_an_arrest_told_by_a_participle_with_its_own_day_is_news(analyzer):
    found = events(analyzer, "KANO, Nigeria, May 8 - A bomb exploded at a bus station on Saturday. Police said a man "
                             "arrested on Sunday at a checkpoint in Kano had confessed.")
    assert ("173", "NGACOP", "NGACVL") in found, found


def test_people_an_arrest_describes_with_no_day_are_no_new_arrest(analyzer):
    found = events(analyzer, "NAIROBI, May 3 - The 64 people arrested in Nairobi would be charged on Monday, police "
                             "said.", published="2024-05-03")
    assert not any(code == "173" for code, _, _ in found), found
