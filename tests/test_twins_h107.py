"""An act told with no doer, struck at the side that made another act of the article, is not
that act (coding/merge.py `_own_dead`): a side does not fire on itself. Its bare toll, an act
of its sentence and fighting are left to merge as before. Plain drafts, no parse."""
from __future__ import annotations

from sitroom.coding.draft import Draft
from sitroom.coding.merge import merge_events
from sitroom.records import Actor, Evidence, Place

POLICE = Actor(text="police", name="police", code="PERCOP", country="PER")
GOVERNMENT = Actor(text="the government", name="government", code="PERGOV", country="PER")
REBELS = Actor(text="the rebels", name="rebels", code="PERREB", country="PER")
COUNTRY = Place(name="Peru", country="PER", admin1=None, lat=-9.19, lon=-75.02, precision="country")
CITY = Place(name="Arequipa", country="PER", admin1="Arequipa", lat=-16.4, lon=-71.54, precision="city")
DAY = "2025-05-06"


def draft(*, at: int, code: str, lemma: str, source: Actor | None, target: Actor | None,
          sentence: int | None = None, symmetric: bool = False, place: Place = CITY) -> Draft:
    """A draft whose trigger is at `at`, told in the sentence starting at `sentence` (its own
    when none is given)."""
    start = at if sentence is None else sentence
    return Draft(code=code, rule="test", trigger=lemma, lemma=lemma, anchor=at, source=source, target=target,
                 date=DAY, date_precision="day", date_inferred=False, historical=False, place=place,
                 tolls=[], attribution="", modality="asserted",
                 evidence=[Evidence(doc_id="d", outlet=None, sentence=f"sentence {start}", start=start,
                                    end=start + 80)],
                 symmetric=symmetric, violent=True, anaphoric=False)


def test_officers_shot_dead_are_not_the_police_raid():
    # "Police stormed a warehouse held by the gang on Tuesday. ... Two police officers were
    # shot dead in a town to the north the same day."
    raid = draft(at=0, code="190", lemma="storm", source=POLICE, target=None)
    shot = draft(at=300, code="193", lemma="shoot", source=None, target=POLICE, place=COUNTRY)
    assert len(merge_events([raid, shot])) == 2


def test_a_checkpoint_under_fire_is_not_the_government_s_act():
    # "The government took back the border post on Saturday. ... Police checkpoints on the
    # highway came under fire early on Saturday."
    retaken = draft(at=0, code="192", lemma="take", source=GOVERNMENT, target=None)
    fired_on = draft(at=400, code="190", lemma="come", source=None, target=POLICE)
    assert len(merge_events([retaken, fired_on])) == 2


def test_the_side_s_own_dead_still_join_its_assault():
    # "Police stormed the gang's compound on Tuesday. ... Nine officers had been killed."
    raid = draft(at=0, code="190", lemma="storm", source=POLICE, target=None)
    toll = draft(at=300, code="1823", lemma="kill", source=None, target=POLICE)
    assert len(merge_events([raid, toll])) == 1


def test_an_attack_repelled_in_the_same_sentence_stays_one_event():
    # "Police said they had repelled an attack on their barracks on Tuesday."
    repelled = draft(at=0, code="190", lemma="repel", source=POLICE, target=None)
    attack = draft(at=40, code="190", lemma="attack", source=None, target=POLICE, sentence=0)
    assert len(merge_events([repelled, attack])) == 1


def test_fighting_keeps_the_side_s_men_struck_in_it():
    # "Police fought their way into the market on Tuesday. ... Two officers were shot dead."
    fought = draft(at=0, code="190", lemma="fight", source=POLICE, target=None, symmetric=True)
    shot = draft(at=300, code="193", lemma="shoot", source=None, target=POLICE)
    assert len(merge_events([fought, shot])) == 1


def test_an_act_struck_at_the_foe_still_joins():
    # "Police stormed the gang's compound on Tuesday. ... The rebels' hideout was shelled."
    raid = draft(at=0, code="190", lemma="storm", source=POLICE, target=None)
    shelled = draft(at=300, code="194", lemma="shell", source=None, target=REBELS)
    assert len(merge_events([raid, shelled])) == 1


MINISTER = Actor(text="Interior Minister Rosa Paredes", name="Rosa Paredes", code="PERGOV", country="PER")
PAREDES = Actor(text="Paredes", name="Paredes", code="PERGOV", country="PER")
PRESIDENT = Actor(text="Peru's acting President", name="Peru's acting President", code="PERGOV", country="PER")
THE_MINISTER = Actor(text="the minister", name="minister", code="PERGOV", country="PER")
CHILE = Actor(text="Santiago", name="Chile", code="CHLGOV", country="CHL")


def words(*, at: int, speaker: Actor, code: str = "112", lemma: str = "accuse", sentence: int | None = None) -> Draft:
    """A speech act aimed at Chile, undated (of the report's day)."""
    spoken = draft(at=at, code=code, lemma=lemma, source=speaker, target=CHILE, sentence=sentence)
    spoken.violent, spoken.place, spoken.date_inferred = False, None, True
    return spoken


def test_two_ministers_accusing_are_two_statements():
    # "Interior Minister Rosa Paredes accused Santiago of arming the smugglers. ... Peru's
    # acting President accused Santiago of stoking a conflict."
    first = words(at=0, speaker=MINISTER)
    second = words(at=300, speaker=PRESIDENT)
    assert len(merge_events([first, second])) == 2


def test_one_speaker_named_again_is_one_statement():
    # "Interior Minister Rosa Paredes accused Santiago ... Paredes accused it of ..."
    first = words(at=0, speaker=MINISTER)
    again = words(at=300, speaker=PAREDES)
    assert len(merge_events([first, again])) == 1


def test_a_speaker_named_by_office_alone_may_be_either():
    # "... Peru's acting President accused Santiago ... The minister accused it of ..."
    first = words(at=0, speaker=PRESIDENT)
    again = words(at=300, speaker=THE_MINISTER)
    assert len(merge_events([first, again])) == 1


def test_acts_other_than_words_of_two_people_are_left_to_merge():
    # "Rosa Paredes expelled the Chilean envoy ... Peru's acting President expelled him"
    first = words(at=0, speaker=MINISTER, code="1663", lemma="expel")
    second = words(at=300, speaker=PRESIDENT, code="1663", lemma="expel")
    assert len(merge_events([first, second])) == 1
