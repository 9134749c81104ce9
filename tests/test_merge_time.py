"""Undated acts joined to dated ones by a shared place or dyad (coding/merge.py): not to an
act dated only to an earlier month or year. Plain drafts, no parse."""
from __future__ import annotations

from sitroom.coding.draft import Draft
from sitroom.coding.merge import merge_events
from sitroom.records import Actor, Evidence, Place

ARMY = Actor(text="the army", name="army", code="MMRMIL", country="MMR")
TOWN = Place(name="Myitkyina", country="MMR", admin1=None, lat=25.38, lon=97.39, precision="city")


def draft(*, anchor: int, code: str, lemma: str, date: str, precision: str, inferred: bool) -> Draft:
    sentence = f"sentence {anchor}"
    return Draft(code=code, rule="test", trigger=lemma, lemma=lemma, anchor=anchor, source=ARMY, target=None,
                 date=date, date_precision=precision, date_inferred=inferred, historical=False, place=TOWN,
                 tolls=[], attribution="", modality="asserted",
                 evidence=[Evidence(doc_id="d", outlet=None, sentence=sentence, start=anchor, end=anchor + 10)],
                 symmetric=False, violent=True, anaphoric=False)


def test_an_undated_act_is_not_joined_to_one_months_before():
    undated = draft(anchor=0, code="190", lemma="overrun", date="2024-03-12", precision="day", inferred=True)
    january = draft(anchor=100, code="192", lemma="take", date="2024-01", precision="month", inferred=False)
    assert len(merge_events([undated, january])) == 2


def test_an_undated_act_is_not_joined_to_one_of_an_earlier_year():
    undated = draft(anchor=0, code="190", lemma="overrun", date="2024-03-12", precision="day", inferred=True)
    last_year = draft(anchor=100, code="192", lemma="take", date="2023", precision="year", inferred=False)
    assert len(merge_events([undated, last_year])) == 2


def test_an_undated_act_still_joins_one_of_the_report_s_month():
    undated = draft(anchor=0, code="190", lemma="overrun", date="2024-03-12", precision="day", inferred=True)
    march = draft(anchor=100, code="192", lemma="take", date="2024-03", precision="month", inferred=False)
    assert len(merge_events([undated, march])) == 1


def test_an_undated_act_still_joins_one_of_the_report_s_days():
    undated = draft(anchor=0, code="190", lemma="overrun", date="2024-03-12", precision="day", inferred=True)
    tuesday = draft(anchor=100, code="192", lemma="take", date="2024-03-11", precision="day", inferred=False)
    assert len(merge_events([undated, tuesday])) == 1


def test_the_same_act_named_again_joins_whatever_its_date():
    undated = draft(anchor=0, code="190", lemma="offensive", date="2024-03-12", precision="day", inferred=True)
    january = draft(anchor=100, code="190", lemma="offensive", date="2024-01", precision="month", inferred=False)
    assert len(merge_events([undated, january])) == 1
