"""The day of an act told through another clause: a relative clause on the noun of a dated
act ("Tuesday's raid, in which ..."), a day counted from the sentence's own day ("on Saturday
... a day later"), a clause "as" the act happened, an act noun planned for a day ("talks are
due to resume on Monday") or counted to ("a week after the offensive forced ..."). Sentences
are our own."""
from __future__ import annotations

from sitroom.records import Article

# 20 September 2024 was a Friday
PUBLISHED = "2024-09-20"
THURSDAY = "2024-09-19"


def _events(analyzer, text: str, published: str = PUBLISHED):
    return analyzer.analyze(Article(id="t", text=text, published=published)).events


def _violent(events):
    return [e for e in events if e.event_code[:2] in ("18", "19", "20")]


def test_a_clause_on_a_dated_act_noun_tells_that_act(analyzer):
    events = _events(analyzer, "Officials in Kabul said the barrage was revenge for the September 3 drone strike "
                               "that destroyed a Taliban compound in Kunar and killed nine commanders.")
    violent = _violent(events)
    assert violent and {e.date for e in violent} == {"2024-09-03"}, events


def test_a_clause_in_which_the_act_happened_tells_its_day(analyzer):
    events = _events(analyzer, "The monitors were allowed in after the government agreed on Thursday to let "
                               "them visit the sites of Monday's attack, in which rockets struck several "
                               "rebel-held villages near Idlib before dawn.")
    violent = _violent(events)
    assert violent and {e.date for e in violent} == {"2024-09-16"}, events


def test_a_clause_told_of_the_act_later_keeps_its_own_day(analyzer):
    events = _events(analyzer, "Dozens of mourners gathered at the site of Tuesday's bombing in Quetta, which the "
                               "provincial government blamed on separatist rebels.")
    blame = [e for e in events if e.event_code.startswith("11")]
    assert blame and all(e.date != "2024-09-17" for e in blame), events


def test_a_counted_day_counts_from_the_sentence_s_own_day(analyzer):
    events = _events(analyzer, "The Arakan Army said in a statement that its fighters had overrun the naval base "
                               "on Saturday and taken the town's jetty a day later.")
    taken = [e for e in events if e.event_code.startswith("19")]
    assert {e.date for e in taken} == {"2024-09-14", "2024-09-15"}, events


def test_a_day_later_runs_on_into_its_clause(analyzer):
    events = _events(analyzer, "Ethiopian forces shelled the town on September 12. The militia agreed to a truce "
                               "a day later under terms brokered by Kenyan envoys.")
    truce = [e for e in events if e.event_code.startswith("08")]
    assert truce and {e.date for e in truce} == {"2024-09-13"}, events


def test_a_counted_day_on_what_was_agreed_to_dates_the_agreement(analyzer):
    events = _events(analyzer, "Ethiopian forces shelled the town on September 12. The militia agreed to a truce "
                               "a day later.")
    truce = [e for e in events if e.event_code.startswith("08")]
    assert truce and {e.date for e in truce} == {"2024-09-13"}, events


def test_a_clause_as_the_act_happened_gives_its_day(analyzer):
    events = _events(analyzer, "Peruvian officials blamed Shining Path guerrillas on Friday for a bomb attack that "
                               "killed at least 12 people near the congress building as the new president was "
                               "being sworn in a day earlier.")
    violent = _violent(events)
    assert violent and {e.date for e in violent} == {THURSDAY}, events


def test_an_act_planned_for_a_day_is_of_that_day(analyzer):
    events = _events(analyzer, "Negotiations between the Malian government and the Tuareg rebels are expected to "
                               "resume in Algiers on Monday under Algerian mediation.")
    talks = [e for e in events if e.event_code.startswith("04")]
    assert talks and {e.date for e in talks} == {"2024-09-23"}, events


def test_an_act_counted_to_is_of_the_counted_day(analyzer):
    events = _events(analyzer, "More than 9,000 people had fled into Uganda by Thursday evening, the UNHCR said, a "
                               "week after the army's sudden offensive forced the rebels to abandon their bases "
                               "in Ituri.")
    violent = _violent(events)
    assert violent and {e.date for e in violent} == {"2024-09-12"}, events


def test_a_past_tense_the_parse_joins_to_an_infinitive_shares_the_verb_s_day(analyzer):
    events = _events(analyzer, "The Malian army said it had repelled an attempt to encircle Gao from the east and "
                               "destroyed a convoy of pickup trucks near Bourem on Monday.")
    violent = _violent(events)
    assert violent and {e.date for e in violent} == {"2024-09-16"}, events
