"""A wire agency's own dateline, "CITY (Agency) -", is cut off like "CITY, Month D (Agency)
-": its agency is not the first sentence's subject (nlp.DATELINE); a person's role "for"
or "of" a kind of non-state group is that group's (actors._kind_after)."""
from __future__ import annotations

from coded import code, events

from sitroom.nlp import datelines


def test_an_agency_dateline_without_a_date_is_a_dateline():
    text = "NAIROBI (Reuters) - Police fired tear gas at protesters on Monday."
    assert datelines(text) == [(0, len("NAIROBI (Reuters) - "))]


def test_a_capitalised_phrase_in_brackets_inside_a_sentence_is_no_dateline():
    assert datelines("The group said the NATO (alliance) - led mission had ended.") == []


def test_the_agency_of_a_dateline_is_not_who_condemned(analyzer):
    found = events(analyzer, "HARARE (Reuters) - Tendai Moyo, who heads the Movement for Change, condemned "
                             "the beatings of his supporters on Sunday.", "2008-06-24")
    assert not any((code(e, "source") or "").endswith("MED") for e in found), found


def test_a_spokesman_for_the_rebels_speaks_for_the_rebels(analyzer):
    found = events(analyzer, "GOMA, Congo, Nov 18 - A spokesman for the rebels, Lawrence Kanyuka, accused the army "
                             "of shelling civilians near Sake.", "2012-11-18")
    accusations = [e for e in found if e.event_code.startswith("11")]
    assert accusations and code(accusations[0], "source") == "CODREB", found


def test_a_spokesman_for_the_army_still_speaks_for_the_army(analyzer):
    found = events(analyzer, "GOMA, Congo, Nov 18 - A spokesman for the army, Olivier Hamuli, accused the rebels "
                             "of shelling civilians near Sake.", "2012-11-18")
    accusations = [e for e in found if e.event_code.startswith("11")]
    assert accusations and code(accusations[0], "source") in ("CODMIL", "CODGOV"), found


def test_the_first_words_after_a_dateline_stay_one_sentence(nlp):
    doc = nlp("MAIDUGURI, Nigeria, May 10 - Boko Haram fighters overran a military base in Borno "
              "state on Sunday.")
    sentences = [s.text for s in doc.sents]
    assert sentences[1].startswith("Boko Haram fighters overran"), sentences


def test_the_agency_of_a_dateline_lends_the_story_no_country(analyzer):
    # a French agency's report from an African town is not about France
    found = events(analyzer, "BOUAKE, March 3 (AFP) - Gunmen shot dead four villagers near a market on "
                             "Sunday, survivors said.", "2003-03-03")
    assert found, found
    for event in found:
        assert not (code(event, "target") or "").startswith("FRA"), found
        assert (event.location is None or event.location.country != "FRA"), found
