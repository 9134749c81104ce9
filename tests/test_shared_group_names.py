"""A known armed group's generic name ("National Liberation Army") in an article about
another country that never names the group's own is that country's group of the name
(resolve/actors.py `_another_country_s`)."""
from __future__ import annotations

from coded import code, events


def test_a_generic_name_in_another_countrys_war_is_that_countrys_group(analyzer):
    found = events(analyzer, "GOMA, March 3 - Fighters of the National Liberation Army attacked an army "
                             "post near Rutshuru in eastern Congo on Sunday, killing four soldiers.", "2024-03-04")
    violent = [e for e in found if e.event_code[:2] in ("18", "19")]
    assert violent and all(code(e, "source") == "CODREB" for e in violent), violent


def test_the_group_stays_itself_where_its_country_is_named(analyzer):
    found = events(analyzer, "Fighters of the National Liberation Army attacked an army post near "
                             "Arauca in Colombia on Sunday, killing four soldiers.", "2024-03-04")
    violent = [e for e in found if e.event_code[:2] in ("18", "19")]
    assert violent and all(code(e, "source") == "COLREB" for e in violent), violent


def test_a_proper_name_is_never_recoded(analyzer):
    # Hezbollah fights in Syria without Lebanon being named: its name is its own
    found = events(analyzer, "Hezbollah fighters attacked rebel positions near Qusayr in western Syria "
                             "on Sunday, the Syrian army said.", "2013-05-20")
    violent = [e for e in found if e.event_code[:2] in ("18", "19")]
    assert violent and all(code(e, "source").startswith("LBN") for e in violent), violent
