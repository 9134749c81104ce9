"""The short cuts the stages take for speed give what the long way gives.

- `dates._written_date` reads "28 November 2024" or "Monday, March 5th" as dateparser
  does, for each date order, preference and publication day `_absolute` may give it.
- `dates.NEEDED`: a date pattern is not run over a text without its word; every match
  of the pattern holds that word, so skipping it finds nothing less.
- `NumberLexicon.victim_tails`: a noun whose last word ends no victims.tsv phrase is
  looked up no further, and gets the group the full look-up gives.
- `dates.STARTS`: each date pattern, tried only where a match of it may start, finds
  what `finditer` finds over the whole text; so does the amount pattern of the number
  stage (`NumberLexicon.amount_starts`).
- `story.fingerprint` draws the sketch's permutations once, and prints what a sketch
  drawing its own gives; `story.bands` keys the bands as the plain loop did;
  `story.similarity` is datasketch's Jaccard estimate of the two sketches.
- `recase.upper_share` counts an ASCII text's capitals and small letters in C, as many
  as the call per character counts; `upper_segments` finds the same lines.
- `fusion.content_words` keeps each sentence's words (`_content_words`) and gives the
  words the plain scan of every sentence gives.
- `places._name_start_candidates`: the tokens not asked whether they may start a place
  name are tokens `_may_start_name` says no of.
- `unreal_acts.is_question` and `when.relative_days` read a sentence's text from the doc's, as
  `Span.text` gives it.
- `victims.may_head_phrase`: the tokens not asked whether they head a victim phrase
  are tokens `victims._phrase` makes none of.
"""
from __future__ import annotations

import datetime as dt

import dateparser
import pytest

from sitroom.records import Article
from sitroom.resolve import dates, numbers, victims
from sitroom.resolve.numbers import NumberStage, _noun_phrases


def dateparser_day(written: str, order: str, prefer: str, published: dt.date | None) -> dt.date | None:
    """What `_absolute` asked of dateparser before the short cut."""
    settings: dict[str, object] = {"DATE_ORDER": order, "PREFER_DATES_FROM": prefer,
                                   "REQUIRE_PARTS": ["day", "month"], "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(written, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


WRITTEN = [
    "28 november 2024", "28 november, 2024", "november 28, 2024", "nov 28th 2024", "sept 3, 2011",
    "monday, 8 october 2011", "saturday 8 october 2011", "wednesday, jan 05, 2011", "1st may 1999",
    "dec 31 1899", "feb 29 2024", "31 june 2011", "2nd feb 2099", "22nd jun 1850", "3rd aug, 2000",
    "march 23", "23 march", "may 19", "the 5 march", "monday, march 10", "dec 31", "jan 1", "feb 29",
    "june 31", "september 9th", "10 oct", "sunday 9 march", "april 24th", "5 of march 2012",
]
PUBLISHED = [None, dt.date(2025, 3, 10), dt.date(2024, 2, 29), dt.date(2023, 12, 31), dt.date(2024, 1, 1),
             dt.date(2025, 3, 23), dt.date(2025, 3, 22)]


@pytest.mark.parametrize("written", WRITTEN)
def test_written_dates_read_as_dateparser_reads_them(written: str) -> None:
    read = 0
    for published in PUBLISHED:
        for prefer in ("past", "future"):
            mine = dates._written_date(written, published, prefer)
            if mine is None:
                continue  # left to dateparser
            read += 1
            for order in ("DMY", "MDY"):
                assert mine == dateparser_day(written, order, prefer, published), (written, published, prefer, order)
    forms_read_here = not written.startswith(("the ", "5 of")) and written not in ("31 june 2011", "june 31", "feb 29")
    assert (read > 0) == forms_read_here


TEXTS = [
    "Gunmen attacked the village on Monday, 28 November 2024, and again on Nov. 30.",
    "The talks, held in early March 2021, resumed three weeks ago and end next Friday morning.",
    "Since 12/03/2019 the curfew has held; the report dated 2019-03-12T10:00 says 2500 people fled.",
    "In 1999 the ceasefire failed; by late September the two sides met again, a year ago today.",
    "no dates here at all, only words in lower case and a number 42",
]


# Texts where a date pattern's matches start next to other words, numbers and odd cases.
ODD_PLACES = [
    "Attacks ſince March 2020 and İn April; laſt week, THIS WEEK and Last Monday night.",
    "mid-March, early-March 2020, late March of 2019, the 5th of March, Monday, 5 March 2012.",
    "1999-2001: In1999 and x2005, 2005, 1,2005 and $2005; Tuesday,March 3rd, March 31st 2020.",
    "EARLIER THIS MONTH, later this year, earlier next week; Yesterday, TODAY, tonight, today's.",
    "Monday Tuesday morning; Overnight Friday; the the 12 of December, 12 of December, 3 May.",
    "in - January, from  February, SINCE  April, Januaryin February, MarchApril 2020, Sept. 11.",
    "The 2 Sunday, this Sunday evening and 12/03/2019 or 2019-03-12; Thursday 2 January 2020.",
]


@pytest.mark.parametrize("text", TEXTS + ODD_PLACES)
def test_each_pattern_match_holds_the_word_it_needs(text: str) -> None:
    assert len(dates.NEEDED) == len(dates.PATTERNS)
    for (kind, pattern), needed in zip(dates.PATTERNS, dates.NEEDED):
        for match in pattern.finditer(text):
            assert needed is None or needed.search(match.group()), (kind, match.group())


    # and the candidates are those of every pattern run over the whole text
    every: list[dates.Candidate] = []
    for kind, pattern in dates.PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month":
                start = end - len(match.group().replace("-", " ").split()[-1])
            if kind == "year" and not dates._looks_like_year(text, start, end):
                continue
            if not any(c.start < end and start < c.end for c in every):
                every.append(dates.Candidate(start, end, kind))
    assert dates.find_candidates(text) == sorted(every, key=lambda c: c.start)


@pytest.mark.parametrize("text", TEXTS + ODD_PLACES)
def test_patterns_tried_where_they_may_start_find_what_finditer_finds(text: str) -> None:
    assert len(dates.STARTS) == len(dates.PATTERNS)
    found = 0
    for (kind, pattern), starts in zip(dates.PATTERNS, dates.STARTS):
        every = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in dates.matches_at(pattern, starts, text)] == every, kind
        found += len(every)
    assert found > 0 or "no dates" in text
    tried = [kind for (kind, _), starts in zip(dates.PATTERNS, dates.STARTS) if starts is not None]
    assert len(tried) >= 10


SENTENCES = [
    "Two civilians and three pro-government fighters were killed when the car bomb exploded.",
    "Police said 12 people, including four children, were wounded in the attack on the market.",
    "The couple and their neighbours fled as soldiers shelled the district's houses.",
    "Dozens of Palestinians and several journalists were hurt; a police officer died later.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_victim_groups_as_with_every_phrase_looked_up(nlp, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    stage = NumberStage()
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    phrased: list[str] = []

    def counted(noun):  # type: ignore[no-untyped-def]
        phrased.append(noun.text)
        return _noun_phrases(noun)

    monkeypatch.setattr(numbers, "_noun_phrases", counted)
    groups = 0
    for token in doc:
        full = next(((found[0], True) for phrase in _noun_phrases(token)
                     if (found := stage.lexicon.group_of(phrase)) is not None), None)
        if full is None:
            full = (None, token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"))
        else:
            groups += 1
        assert stage._group(token) == full, token.text
    assert groups >= 2
    # only nouns whose last word ends some victim phrase are looked up phrase by phrase
    assert groups <= len(phrased) < len(doc) // 2


PHRASES = [
    "A man was shot dead and another was wounded; both died later, police said.",
    "She killed herself after he stabbed her husband, and a second was injured.",
    "Man shot dead in Detroit. A 15-year-old who was stabbed told his friend John Smith.",
    "The victim, Mary Smith, and her two sons were taken to hospital along with Peter Jones.",
]


@pytest.mark.parametrize("text", PHRASES)
def test_victim_phrases_only_at_the_tokens_that_may_head_one(nlp, text: str) -> None:
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2025-03-10")
    stage = NumberStage()
    asked = set(victims.may_head_phrase(doc))
    for token in doc:  # each asked with fresh memories: a token left out makes no phrase
        phrase = victims._phrase(token, stage._people, set(), [])
        assert token.i in asked or phrase is None, token.text
    assert len(asked) < len(doc)
    # and the phrases are those of every token asked in turn, with the memories shared
    names: set[str] = set()
    people: list[frozenset[str]] = []
    every = [p for token in doc if (p := victims._phrase(token, stage._people, names, people)) is not None]
    assert len(every) >= 2
    assert list(victims.victim_phrases(doc, stage._people, set())) == every


STORY_TEXTS = [
    "Gunmen from Al-Shabaab attacked a hotel in Mogadishu on Friday, killing 12 people.\nThe Somali army said.",
    "President Ruto met Kenyan and Ugandan ministers in Nairobi; 3,500 troops stay in Kismayo.",
    "no capitals here, only 7 numbers like 2,000 and 41.5",
]


def test_story_prints_draw_the_permutations_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from datasketch import MinHash

    from sitroom import story

    stopwords = frozenset({"the"})
    plain = []
    for text in STORY_TEXTS:  # the long way: a sketch that draws its own permutations
        sketch = MinHash(num_perm=story.STORY_PERMUTATIONS, seed=story.STORY_SEED, scheme=story.SCHEME)
        sketch.update_batch([term.encode("utf-8") for term in sorted(story.terms(text, stopwords))])
        plain.append(tuple(int(v) for v in sketch.hashvalues))
    drawn = []
    original = MinHash._init_permutations
    monkeypatch.setattr(MinHash, "_init_permutations", lambda self, n: drawn.append(n) or original(self, n))
    story._permutations.cache_clear()
    prints = [story.fingerprint(text, "2025-03-10", stopwords) for text in STORY_TEXTS]
    assert [p.signature for p in prints] == plain
    assert all(type(v) is int for p in prints for v in p.signature)
    assert len(drawn) == 1


def test_band_keys_as_written_value_by_value() -> None:
    import hashlib

    from sitroom import story

    signature = story.fingerprint(STORY_TEXTS[0], None, frozenset()).signature
    plain = []
    for start in range(0, len(signature), story.BAND_ROWS):
        chunk = ",".join(str(v) for v in signature[start:start + story.BAND_ROWS])
        plain.append(int.from_bytes(hashlib.blake2b(f"{start}:{chunk}".encode(), digest_size=8).digest(),
                                    "big", signed=True))
    assert story.bands(signature) == plain
    assert len(plain) == story.STORY_PERMUTATIONS // story.BAND_ROWS


CASED = [
    "", "123 -- !!", "GUNMEN KILL 12 IN ATTACK ON MARKET", "Gunmen kill 12 in attack on market",
    "UN SAYS 3 DEAD\nThe United Nations said on Monday that three people died.\nMORE TO FOLLOW SOON HERE\n",
    "ÉTAT D'URGENCE DÉCLARÉ À PARIS", "Straße in Köln; ÇA VA; İstanbul ıı ſ K", "a\tB\x7fC\x00d",
]


@pytest.mark.parametrize("text", CASED)
def test_upper_share_as_counted_character_by_character(text: str) -> None:
    from sitroom import recase

    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    assert recase.upper_share(text) == (upper / (upper + lower) if upper else 0.0)
    for line in text.splitlines() or [text]:
        upper, lower = sum(map(str.isupper, line)), sum(map(str.islower, line))
        assert recase.upper_share(line) == (upper / (upper + lower) if upper else 0.0)
    plain = []
    if recase.upper_share(text) >= recase.UPPER_SHARE:
        plain = [(0, len(text))]
    else:
        position = 0
        for line in text.splitlines(keepends=True):
            words = recase.TOKEN_RE.findall(line)
            if sum(w[0].isalpha() for w in words) >= recase.HEADLINE_MIN_WORDS \
                    and recase.upper_share(line) >= recase.UPPER_SHARE:
                plain.append((position, position + len(line)))
            position += len(line)
    assert list(recase.upper_segments(text)) == plain


AMOUNTS = [
    "Twelve people died and AT LEAST 5,000 fled; ONE HUNDRED were hurt, twenty-one missing.",
    "a dozen, half a dozen, Hundreds of thousands, scores of soldiers, no fewer than 30 and x5, $5, -5, 5%.",
    "one2 a- an 7.5 percent; 1,200,000 people; approximately 40; Up to 9; some 3 or ſome 4.",
    "İn excess of 40 people; a Kelvin sign: 5 K.",
    "Seventeen-year-old, two and a half, one million, 2 million, Dozens.",
]


@pytest.mark.parametrize("text", AMOUNTS)
def test_amounts_tried_where_they_may_start_find_what_finditer_finds(text: str) -> None:
    lexicon = NumberStage().lexicon
    every = [m.span() for m in lexicon.amount_pattern.finditer(text)]
    assert every
    assert [m.span() for m in dates.matches_at(lexicon.amount_pattern, lexicon.amount_starts, text)] == every
    assert [m.span() for m in dates.matches_at(lexicon.amount_pattern, lexicon.amount_starts, text[1:])] == [
        m.span() for m in lexicon.amount_pattern.finditer(text[1:])]


def test_story_similarity_as_datasketch_estimates_it() -> None:
    import numpy as np
    from datasketch import LeanMinHash

    from sitroom import story

    def sketch(signature: tuple[int, ...]) -> LeanMinHash:
        return LeanMinHash(seed=story.STORY_SEED, hashvalues=np.asarray(signature, dtype=np.uint32),
                           scheme=story.SCHEME)

    prints = [story.fingerprint(text, None, frozenset()).signature for text in STORY_TEXTS]
    half = prints[0][:128] + prints[1][128:]
    pairs = [(a, b) for a in [*prints, half] for b in [*prints, half]]
    values = {story.similarity(a, b) for a, b in pairs}
    assert len(values) >= 3
    for a, b in pairs:
        assert story.similarity(a, b) == float(sketch(a).jaccard(sketch(b)))
    with pytest.raises(ValueError):
        story.similarity(prints[0], prints[1][:10])


def test_content_words_as_scanned_sentence_by_sentence() -> None:
    from sitroom import fusion

    sentences = ["Gunmen killed 12 villagers in Zamfara on Monday, police said.",
                 "The ATTACK on the village of Kaura Namoda left 12 dead and the Café burnt.", "", "of the and"]
    for texts in (sentences, sentences[:1], sentences[2:], [], sentences + sentences):
        plain = {w for text in texts for w in fusion._WORD.findall(text.casefold()) if w not in fusion.STOPWORDS}
        assert fusion.content_words(texts) == plain
        assert fusion.content_words(texts) == plain  # the second time from what was kept
    assert fusion._content_words.cache_info().hits > 0


NAMES = [
    "Fighting in al-Fashir and Ma'arrat al-Nu'man; the army left El Geneina for de la Cruz.",
    "Élan of Ⅷ Corps, McDonald's in iPhone country: Ⓐ units near ÇANKIRI, east of Zalingei.",
    "the bin - Laden house, abu-Bakr street and umm - Qasr port; al- Fashir, al -",
]


@pytest.mark.parametrize("text", NAMES)
def test_place_names_asked_only_where_one_may_start(nlp, text: str) -> None:
    from sitroom.resolve import places

    doc = nlp(text)
    asked = places._name_start_candidates(doc)
    assert asked == sorted(set(asked))
    starts = [i for i in range(len(doc)) if places._may_start_name(doc, i)]
    assert set(starts) <= set(asked)
    assert len(starts) >= 3 and len(asked) < len(doc) // 2 + 2
    assert places._name_start_candidates(nlp("")) == []


def test_questions_told_from_the_docs_text(nlp) -> None:
    from sitroom.coding import unreal_acts

    text = ('Are the guerrillas not behind this? "Who fired?" he asked. Rebels attacked (was it them?) '
            "the town.\n\nWhy now?»  Police said two died.  ")
    doc = nlp(text)
    sentences = list(doc.sents)
    asked = [unreal_acts.is_question(sent) for sent in sentences]
    assert asked == [sent.text.strip().rstrip("\"'”’»)] ").endswith("?") for sent in sentences]
    assert True in asked and False in asked


def test_days_counted_from_the_docs_text(nlp) -> None:
    from sitroom.coding import when
    from sitroom.records import DateMention

    text = "Gunmen struck on Monday.\n  Two days later, troops arrived.  Police came hours later."
    doc = nlp(text)
    told = DateMention(start=0, end=1, text="Monday", value="2025-03-10", precision="day", relation="on")
    found = [m for sent in doc.sents for m in when.relative_days(sent, told)]
    assert [(m.text, m.value) for m in found] == [("Two days later", "2025-03-12"), ("hours later", "2025-03-10")]
    assert all(text[m.start:m.end] == m.text for m in found)
