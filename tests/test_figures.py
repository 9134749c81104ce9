"""Words of violence that tell no act (issue 13, `coding/figures.py`): names, likenesses,
attacks in words, a state's campaign against a trade, deeds judged, a mishap's toll, and
the modality of infinitives the parse joins to the wrong verb. One rule of English or of
news writing per test, each with sentences written for the project (none from a data set),
in normal case and in the upper case of old wire copy where the parse differs. The whole
pipeline runs (model, knowledge), as `sitroom extract` does."""
from __future__ import annotations

import pytest

from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

from violence import violent_events

pytestmark = pytest.mark.slow


def acts(analyzer: Analyzer, text: str, published: str = "1989-11-20") -> list[Event]:
    """The violent events told as news: not background, and asserted or claimed."""
    return [e for e in violent_events(analyzer, text, published)
            if not e.historical and e.modality in ("asserted", "claimed")]


@pytest.mark.parametrize("text", [
    "THE ATTACK ON THE OFFICES OF THE ASSOCIATION OF FAMILIES OF KIDNAPPED AND MURDERED FARMERS [AFAKMF] KILLED TWO.",
    "THE BOMBINGS AT THE OFFICES OF THE FEDERATION OF WIDOWS, ORPHANS, EXILES, AND "
    "MURDERED UNIONISTS [FWOEMU], WHICH LEFT 4 DEAD, HAVE ALARMED THE BISHOPS.",
])
def test_a_word_of_violence_in_an_organisation_name_is_no_act(analyzer, text):
    """The attack on the organisation's offices is told; the murders of its name are not."""
    assert [e.trigger.lower() for e in acts(analyzer, text)] == [text.split()[1].lower()]


def test_what_something_is_likened_to_is_no_act(analyzer):
    assert acts(analyzer, "They are like those cowardly criminals who run away after committing murder.") == []


def test_an_attack_told_beside_criticism_is_made_in_words(analyzer):
    found = acts(analyzer, "THE MINISTER HAS TONED DOWN HIS CRITICISM OF LONDON, BUT HAS INTENSIFIED HIS ATTACKS ON "
                           "THE OPPOSITION.")
    assert found == []


@pytest.mark.parametrize("text", [
    "MEXICO, WHICH IS WAGING A BITTER BATTLE AGAINST THE HEROIN CARTELS, WILL WELCOME THE NEW PLAN.",
    "Colombia, which is fighting against the drug cartels, will receive economic aid.",
    "The government pressed on with its offensive against the smuggling rings and sent prosecutors abroad.",
])
def test_a_state_campaign_against_a_trade_is_a_policy(analyzer, text):
    assert acts(analyzer, text) == []
    # troops who fight them fight
    found = acts(analyzer, "Troops fought drug traffickers near the border on Monday, killing three.")
    assert [e.event_code[:2] for e in found] == ["19"]


def test_an_opening_infinitive_is_a_deed_judged(analyzer):
    found = acts(analyzer, "TO SHELL THE VILLAGES OF THE VALLEY WITHOUT WARNING AND TO "
                           "CROSS THE RIVER INTO NEIGHBOURING TERRITORY WOULD BE A GRAVE MISTAKE.")
    assert found == []


def test_a_killing_of_someone_said_to_be_alive_did_not_happen(analyzer):
    assert acts(analyzer, "THE ALLEGED SOLDIER THAT WAS KILLED IN HONDURAS IS ALIVE AND WELL, IN HIS HOME TOWN, "
                          "TALKING WITH US.") == []


@pytest.mark.parametrize("text", [
    "NAVY PILOTS GOT ORDERS TODAY TO STAND READY TO INTERCEPT, ESCORT, FORCE DOWN OR SHOOT DOWN ANY "
    "AIRCRAFT THAT CROSSES INTO NATIONAL AIRSPACE UNANNOUNCED.",
])
def test_an_infinitive_joined_to_the_wrong_verb_keeps_its_frame(analyzer, text):
    assert acts(analyzer, text) == []
    # and its own negation
    assert acts(analyzer, "OUR SOLDIERS ARE THERE TO GUARD THE VILLAGERS AND NEVER TO ATTACK THE VILLAGERS.") == []


def test_a_toll_told_right_after_a_crash_is_the_crash(analyzer):
    found = acts(analyzer, "A cargo plane crashed this evening while trying to take off from the airfield. "
                           "Initial reports said several passengers were injured.")
    assert found == []
    # after a bombing it is the bombing's
    assert acts(analyzer, "A bomb exploded at the airport this evening. Several passengers were injured.")


@pytest.mark.parametrize("text, code", [
    ("The police chief said the rebels machinegunned a farm building in the north.", "193"),
    ("Classes were suspended at the university after two devices exploded on the campus.", "183"),
])
def test_words_of_violence_once_missed_are_told(analyzer, text, code):
    assert code in [e.event_code for e in acts(analyzer, text)]


def test_an_act_noun_listed_after_the_complement_restates_the_subject_act(analyzer):
    found = acts(analyzer, "THE KILLING OF A PROSECUTOR WHO WAS TAKING ARMS SMUGGLERS TO TRIAL IS NOT JUST "
                           "AN ATTACK ON HIM AND HIS RELATIVES, NOT ONLY ONE ON THE COURTS "
                           "BUT ALSO AN ASSAULT ON THE WHOLE NATION, THE MINISTER SAID.")
    assert not [e for e in found if e.trigger.lower() == "assault"]


def test_an_invasion_on_a_country_territory_targets_that_country(analyzer):
    [invasion] = [e for e in analyzer.analyze(Article(
        id="t", text="The minister spoke of a creeping Russian invasion on Georgian territory.",
        published="2008-08-20", language="en")).events if e.trigger == "invasion"]
    assert invasion.target_actor is not None and invasion.target_actor.code == "GEO"


def test_destroying_a_whole_country_is_a_figure(analyzer):
    assert acts(analyzer, "The militia is destroying the nation, the opposition leader said on Monday.") == []
    # a bridge is destroyed
    assert acts(analyzer, "Rebels destroyed a bridge in Guatemala on Monday.")


def searches(analyzer: Analyzer, text: str) -> list[Event]:
    found = analyzer.analyze(Article(id="t", text=text, published="1990-04-09", language="en")).events
    return [e for e in found if e.event_code == "170"]


@pytest.mark.parametrize("text", [
    "ON 7 APRIL FEDERAL AGENTS OF PARANA STATE RAIDED A COCAINE LABORATORY ON A RANCH NEAR THE BORDER.",
    "Several raids are under way in the north of Cali at homes owned by drug traffickers.",
    "The authorities carried out 70 raids in the city.",
])
def test_premises_raided_by_no_one_named_and_raids_by_the_authorities_are_searches(analyzer, text):
    """A raid on premises whose doer is not named (gunmen who raid are named, or kill), and
    a raid by the police or the authorities with nothing named, searches (170)."""
    assert acts(analyzer, text, published="1990-04-09") == []
    assert searches(analyzer, text)


def test_a_raid_that_kills_or_hits_a_camp_is_still_an_attack(analyzer):
    assert acts(analyzer, "Gunmen raided a farm and killed six people.")
    assert acts(analyzer, "Troops raided a rebel camp near the border.")
    # the raid in which an arrest is made tells nothing more than the arrest
    assert searches(analyzer, "Police arrested five men suspected of making bombs in a raid on a house "
                              "in the city on Wednesday.") == []


def test_traffickers_captured_are_arrested(analyzer):
    found = analyzer.analyze(Article(id="t", text="Police captured two drug traffickers in the town of Tumaco.",
                                     published="1990-04-09", language="en")).events
    assert [e.event_code for e in found] == ["173"]


def test_an_act_incited_is_no_act(analyzer):
    """"Incited assassination": what is incited is spoken for, not done (the parse of upper
    case takes the participle for an adjective)."""
    assert acts(analyzer, "HE IS KNOWN AS AN EXTREMIST; HE HAS DEFENDED VIOLENCE, INCITED ASSASSINATION, AND "
                          "COLLECTED MONEY FOR THE PURCHASE OF GUNS TO KILL JUDGES.") == []
