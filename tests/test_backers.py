"""Who backs or brokers an act is no party to it: "a Qatari-mediated ceasefire", "a
US-backed offensive" (coding/arguments.py `_backer`); who leads a coalition's act does it
("Saudi-led strikes")."""
from __future__ import annotations

from coded import code, events


def by_root(found, root):
    return [e for e in found if e.event_code.startswith(root)]


def test_a_brokered_ceasefire_is_the_parties_not_the_brokers(analyzer):
    found = events(analyzer, "The Qatari-mediated ceasefire between Chad's army and the FACT rebels "
                             "collapsed on Monday, residents of Mao said.", "2021-05-11")
    truces = by_root(found, "08")
    assert truces, found
    assert all(code(e, "source") != "QAT" and code(e, "target") != "QAT" for e in truces), truces
    assert any(code(e, "source") == "TCDMIL" for e in truces), truces


def test_a_truce_brokered_by_a_state_named_after_it(analyzer):
    found = events(analyzer, "Eritrea and Ethiopia agreed on Thursday to an Algerian-brokered truce "
                             "along their border.", "2000-06-16")
    truces = by_root(found, "08")
    assert truces and all(code(e, "source") in ("ERI", "ETH") for e in truces), truces


def test_a_backed_offensive_is_the_fighters_own(analyzer):
    found = events(analyzer, "A Turkish-backed offensive by Syrian opposition factions on the town of "
                             "Afrin began on Saturday, the factions said.", "2018-01-22")
    fights = by_root(found, "19")
    assert fights and all(code(e, "source") != "TUR" for e in fights), fights


def test_a_led_coalitions_strikes_are_the_leaders(analyzer):
    found = events(analyzer, "Saudi-led air strikes killed 14 civilians in the Yemeni city of Saada "
                             "on Tuesday, medics said.", "2019-08-14")
    strikes = by_root(found, "19") + by_root(found, "18")
    assert strikes and code(strikes[0], "source") == "SAU", strikes
