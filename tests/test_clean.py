"""Page furniture: the shipped rules on a sample page, on the seed articles, and the
loader's validation of the rules file.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.errors import KnowledgeError
from sitroom.intake import find_furniture, guess_title, html_to_text, load_furniture_rules
from sitroom.intake.clean import lines

DATA = Path(__file__).resolve().parent / "data" / "intake"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
# A paragraph of a news story is longer than this; no furniture line should be.
BODY_WORDS = 30


def covered(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def line_is_covered(text: str, spans: tuple[tuple[int, int], ...], needle: str) -> bool:
    start = text.index(needle)
    end = start + len(needle)
    return any(s <= start and end <= e for s, e in spans)


def assert_well_formed(text: str, spans: tuple[tuple[int, int], ...]) -> None:
    previous_end = -1
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start > previous_end, "spans must be sorted and not overlap"
        previous_end = end


# --- a page written for these tests ------------------------------------------------------

@pytest.fixture(scope="module")
def page() -> str:
    return (DATA / "drc_page.txt").read_text(encoding="utf-8")


def test_sample_page_furniture_is_found(page: str) -> None:
    spans = find_furniture(page)
    assert_well_formed(page, spans)
    for furniture in (
        "Residents carry the belongings they saved from burned homes",  # caption with ©
        "Read also: Thousands flee fighting near Bunia",
        "(Photo by Patrick Ilunga)",
        "With AFP",
        "Related News :",
        "Kinshasa and Kigali trade accusations over M23 offensive",  # inside the related tail
        "No comment yet",
        "Leave a comment",
    ):
        assert line_is_covered(page, spans, furniture), furniture


def test_sample_page_body_is_not_furniture(page: str) -> None:
    spans = find_furniture(page)
    for body in (
        "At least 23 civilians were killed overnight on Monday",
        "The army spokesman for Ituri province blamed the attack",
        "The United Nations mission in the country condemned the killings",
        "Militia raid on Ituri village leaves at least 23 dead",
    ):
        start = page.index(body)
        assert not any(s <= start < e for s, e in spans), body


def test_offsets_point_into_the_text_as_given(page: str) -> None:
    spans = find_furniture(page)
    pieces = covered(page, spans)
    assert "*" in pieces
    assert "With AFP" in pieces
    assert pieces[-1].startswith("Related News :")
    # The related tail runs to the end of the text, comment box included.
    assert spans[-1][1] == len(page)
    assert pieces[-1].rstrip().endswith("Leave a comment")


def test_offsets_survive_crlf_line_ends(page: str) -> None:
    crlf = page.replace("\n", "\r\n")
    spans = find_furniture(crlf)
    assert_well_formed(crlf, spans)
    assert "With AFP" in covered(crlf, spans)
    # Line spans stop before the line end; only the related tail runs on to the end.
    assert all("\r" not in crlf[s:e] for s, e in spans[:-1])
    assert spans[-1][1] == len(crlf)


def test_outlet_line_is_furniture_only_when_the_outlet_is_known(page: str) -> None:
    assert not line_is_covered(page, find_furniture(page), "Great Lakes Monitor")
    spans = find_furniture(page, outlet="Great Lakes Monitor (regional desk)")
    assert covered(page, spans)[0] == "Great Lakes Monitor"
    assert not line_is_covered(page, find_furniture(page, outlet="Great Lakes Observer"), "Great Lakes Monitor")


def test_related_heading_above_the_story_does_not_swallow_it() -> None:
    body = (
        "Armed men stopped a bus on the road between two towns in central Mali on Friday and "
        "abducted eleven passengers, including two local officials, according to a regional "
        "lawmaker who spoke on condition of anonymity for fear of reprisals."
    )
    text = f"Related articles\nTalks resume in Algiers\n\n{body}\n\n{body}\n"
    spans = find_furniture(text)
    assert covered(text, spans) == ["Related articles"]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share this article",
        "Follow us on Telegram",
        "Subscribe to our daily briefing",
        "Sign up for the Horn of Africa newsletter",
        "- - -",
        "(Reuters)",
        "With AFP and Reuters",
        "Most read",
        "Photo: a displaced family outside Kharkiv",
        "Soldiers patrol a street in Mogadishu. REUTERS/Feisal Omar",
        "Smoke rises over the outskirts of Khartoum (AFP/Getty Images)",
        "Log in to comment",
    ],
)
def test_general_rules_mark_typical_furniture(line: str) -> None:
    text = f"Police fired tear gas at protesters in the capital on Tuesday, witnesses said.\n\n{line}\n"
    assert line_is_covered(text, find_furniture(text), line)


@pytest.mark.parametrize(
    "line",
    [
        "Related to the talks, the envoy said a ceasefire in Gaza was close.",
        "Comments by the minister drew condemnation from Kyiv on Sunday.",
        "The rebels said they would subscribe to any deal that ended the siege of El Fasher.",
        "Reuters could not independently verify the account of the attack in Rakhine state.",
    ],
)
def test_body_sentences_with_furniture_words_are_kept(line: str) -> None:
    text = f"Fighting resumed near the front line overnight, officials said.\n\n{line}\n"
    assert find_furniture(text) == ()


# --- the seed articles (read at run time; their text is not copied here) ---------------

def seed_articles() -> list[dict[str, str]]:
    return [json.loads(line) for line in (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("index", [0, 1])
def test_seed_furniture_marks_no_body_paragraph(index: int) -> None:
    meta = seed_articles()[index]
    text = (SEEDS / meta["path"]).read_text(encoding="utf-8")
    spans = find_furniture(text, outlet=meta["outlet"])
    assert_well_formed(text, spans)
    assert spans, "every seed carries some furniture"
    long_lines = [line for line in lines(text) if len(line.text.split()) > BODY_WORDS]
    assert len(long_lines) >= 5
    for line in long_lines:
        assert not any(s < line.end and line.start < e for s, e in spans), line.text[:60]
    # The last long paragraph comes before the tail: the story's end is not furniture.
    assert all(s > long_lines[-1].end or e <= long_lines[-1].start for s, e in spans)


def test_seed_caption_and_comment_box_are_marked() -> None:
    meta = seed_articles()[0]
    text = (SEEDS / meta["path"]).read_text(encoding="utf-8")
    spans = find_furniture(text, outlet=meta["outlet"])
    caption = [line for line in lines(text) if "©" in line.text]
    assert caption, "seed 000 has a credited photo caption"
    assert all(any(s <= line.start and line.end <= e for s, e in spans) for line in caption)
    comment_heading = next(line for line in lines(text) if line.core.casefold() == "comments")
    assert spans[-1] == (comment_heading.start, len(text))


def test_seed_related_tail_and_outlet_line_are_marked() -> None:
    meta = seed_articles()[1]
    text = (SEEDS / meta["path"]).read_text(encoding="utf-8")
    spans = find_furniture(text, outlet=meta["outlet"])
    related = next(line for line in lines(text) if line.core.casefold().startswith("related"))
    assert spans[-1] == (related.start, len(text))
    first = next(line for line in lines(text) if line.core)
    assert spans[0] == (first.start, first.end), "the first line only names the outlet"
    # Without the outlet's name the first line is not furniture, and the title skips it.
    assert find_furniture(text)[0] != (first.start, first.end)
    assert guess_title(text, find_furniture(text)) == meta["title"]


# --- titles and HTML fragments -------------------------------------------------------------

def test_guess_title_takes_a_short_first_line() -> None:
    assert guess_title("Ceasefire collapses in Tigray\n\nFighting resumed on Sunday.") == "Ceasefire collapses in Tigray"
    assert guess_title("Fighting resumed on Sunday. Shelling went on.\n") is None
    assert guess_title("   \n") is None
    assert guess_title("Yemen\n\nSaudi-led coalition strikes port city\n\nBody.") == "Saudi-led coalition strikes port city"


def test_html_to_text_drops_markup_and_scripts() -> None:
    html = "<p>Troops <b>entered</b> the town &amp; held it.</p><script>var x = 1;</script><ul><li>one</li><li>two</li></ul>"
    assert html_to_text(html) == "Troops entered the town & held it.\n\none\n\ntwo"


# --- the rules file and its loader ---------------------------------------------------------

def test_shipped_rules_load() -> None:
    rules = load_furniture_rules()
    assert {rule.kind for rule in rules.rules} >= {"caption", "comments", "related", "promo", "agency", "punctuation"}


HEADER = "kind\tmatch\textent\tmax_words\tpattern\n"


@pytest.mark.parametrize(
    ("body", "problem", "line"),
    [
        ("caption\tanywhere\tline\t10\t©\n", "`match`", 2),
        ("caption\tsearch\tpage\t10\t©\n", "`extent`", 2),
        ("caption\tsearch\tline\tten\t©\n", "`max_words`", 2),
        ("caption\tsearch\tline\t10\t(unclosed\n", "regular expression", 2),
        ("# a comment\ncaption\tsearch\tline\t10\t.*\n", "empty line", 3),
        ("\tsearch\tline\t10\t©\n", "`kind`", 2),
    ],
)
def test_bad_rules_name_file_and_line(tmp_path: Path, body: str, problem: str, line: int) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_furniture_rules(path)
    assert caught.value.line == line
    assert problem in caught.value.problem
    assert str(path) in str(caught.value)


def test_rules_file_without_rows_or_header(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="no rules"):
        load_furniture_rules(path)
    path.write_text("kind\tpattern\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="header lacks"):
        load_furniture_rules(path)


def test_custom_rules_are_used(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(HEADER + "promo\tstart\tline\t8\tdonate\\b\n", encoding="utf-8")
    rules = load_furniture_rules(path)
    text = "Donate to keep our reporting free\nTroops withdrew from the town.\n"
    assert covered(text, find_furniture(text, rules=rules)) == ["Donate to keep our reporting free"]


def test_scraped_image_credit_and_caption_lines_are_furniture() -> None:
    # a web page's "image copyright <agency> image caption <caption>" line, as scrapers keep it
    body = "Gunmen attacked a checkpoint outside the town on Tuesday, killing two guards, officials said."
    caption = "image copyright Reuters image caption Soldiers at a checkpoint outside the town last year"
    text = f"{body}\n{caption}\n{body}\n"
    assert covered(text, find_furniture(text)) == [caption]
