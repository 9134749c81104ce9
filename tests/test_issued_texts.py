"""Who issued the text that is a clause's subject spoke ("A statement issued by the ministry
denied ..."), and "it" opening the next sentence stands for the subject of that sentence's main
clause, not for a subject inside it (resolve/later_mentions.py `_issuer_of_subject`,
`_previous_main_subject`)."""
from __future__ import annotations

from coded import code, events


def test_it_after_a_statement_is_its_issuer(analyzer):
    found = events(analyzer, "NAIROBI, Jan 9 - Kenyan officials said the army had pushed back an incursion "
                             "on Monday. A statement released by the Somali defence ministry on Tuesday denied "
                             "that its troops had crossed the border. It accused Kenya of arming clan militias.",
                   "2019-01-09")
    accusations = [e for e in found if e.event_code.startswith("112")]
    assert accusations and code(accusations[0], "source") == "SOMGOV", found
    assert code(accusations[0], "target") == "KEN", found
