"""An infinitive of purpose of the same kind as the act it hangs on is that act, told once
(coder._purpose_of_its_kind). Sentences are our own."""
from __future__ import annotations

from sitroom.records import Article


def events(analyzer, text: str):
    article = Article(id="t", text=text, published="2024-05-08", language="en")
    return [(e.event_code, e.source_actor.code if e.source_actor else None,
             e.target_actor.code if e.target_actor else None) for e in analyzer.analyze(article).events]


def test_a_summons_to_protest_is_one_complaint(analyzer):
    found = events(analyzer, "Kenya summoned Uganda's deputy high commissioner on Monday to protest against what "
                             "it called unprovoked shelling.")
    assert [e for e in found if e[0].startswith("11")] == [("111", "KEN", "UGAGOV")], found


def test_a_march_to_protest_is_one_protest(analyzer):
    found = events(analyzer, "Students marched through Nairobi on Monday to protest against the new tax.")
    assert len([e for e in found if e[0].startswith("14")]) == 1, found


def test_a_purpose_of_another_kind_stays(analyzer):
    """"sent troops to retake the town": the deployment and the attack are two acts."""
    found = events(analyzer, "Kenya sent 2,000 troops to the border on Monday to retake the town of Mandera "
                             "from the militants.")
    assert {e[0][:2] for e in found} >= {"15", "19"}, found
