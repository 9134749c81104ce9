"""The place stage: finds place names in an article and resolves them in the gazetteer.

The small English model often tags a town as PERSON, ORG or NORP, and misses others, so
names are found two ways: the model's GPE/LOC/FAC entities, and a scan of capitalised
token runs (up to five words) against the gazetteer index. A scanned name is kept only
when something vouches for it: the model, a place noun ("the city of X", "X province"),
a preposition ("in X"), the article's focus countries, or sheer size. Names that are
months, weekdays, common words or demonyms (the `stop` and `demonym` rows of
`place_aliases.tsv`), or that sit inside a longer person or organisation name, are
dropped unless a place noun names them as places.

Resolution runs twice: first each name alone (with the article's focus and any country
the text attaches, "Syria's Idlib province", "the Sudanese town of X"), then the
ambiguous ones again next to the places found in the first pass, so a Tripoli near
Beirut is the Lebanese one.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..knowledge.gazetteer import Candidate, Gazetteer, normalise
from ..nlp import doc_text
from ..records import Place, PlaceMention

# Longest place name scanned, in words and in tokens ("Democratic Republic of the Congo"
# is five words; "Port-au-Prince" is five tokens).
MAX_NAME_WORDS = 5
MAX_NAME_TOKENS = 9
# Lowercase words allowed inside a name: particles of transliterated and Romance names.
NAME_PARTICLES = frozenset(
    "al el an ar as ash at ad az ez en er es ed ul of the and de du des la le les da do dos di "
    "au aux sur y e i bin ibn bani beni abu umm".split()
)
# Nouns that make the name next to them a first-level division or a city.
DIVISION_NOUNS = frozenset(
    "province provinces governorate governorates region regions state states oblast oblasts "
    "prefecture prefectures department departments".split()
)
# Nouns after a name that make it a street, block or neighbourhood: a place inside a
# town, placed at the town the text names ("the 400 block of Maple Avenue in Modesto").
# "the city", "the town": a town the text has named, told again.
TOWN_NOUNS = frozenset({"city", "town", "village"})
# Words of its own that tell which town a "the town" is, so that it is not the last one named.
OWN_WORDS = frozenset({"compound", "amod", "prep", "relcl", "acl", "appos", "nmod", "poss", "nummod"})
STREET_NOUNS = frozenset(
    "street st avenue ave road rd drive dr boulevard blvd lane ln highway hwy way court ct place "
    "parkway pkwy terrace circle square neighborhood neighbourhood".split()
)
CITY_NOUNS = frozenset("city cities town towns village villages port capital".split())
# Nouns a name can modify as the name of a site ("the Naivasha market", "Zamzam camp") or
# of a landform ("the Hissar valley", "the Nuba mountains"): a town abroad by that name is
# only the site's namesake, unless its country is in focus.
SITE_NOUNS = frozenset(
    "market markets camp camps hospital clinic school mosque church prison bazaar neighbourhood neighborhood "
    "district quarter valley valleys mountains hills gorge plain plains plateau desert pass basin delta "
    "forest".split()
)
# A name that qualifies the common noun after it ("the Bo tree", "the Kabul river"): its
# part of speech and the parse's tie to that noun. Such a name says what the thing is
# called, not where the act was; see `_modifier_abroad`.
MODIFIED_NOUN_TAGS = frozenset({"NN", "NNS"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
# Words before a name that say it is a place ("fighting in X", "shelling near X").
PLACE_PREPOSITIONS = frozenset(
    "in near at outside from to into across around towards toward inside through via "
    "between within".split()
)
# Direction adjectives that may stand between a preposition and a name ("in northwestern
# Idlib province"); they are not part of the name.
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western northeastern northwestern "
    "southeastern southwestern north-eastern north-western south-eastern south-western "
    "central northeast northwest southeast southwest rural coastal".split()
)
# A name tokens apart from the last name of a list still belongs to it ("Idlib (northwest),
# Hama (centre) and Aleppo"): separators and short parentheticals in between.
LIST_SEPARATORS = frozenset({",", "and", "or", "&", "as", "well", "of"})
MAX_PARENTHETICAL_TOKENS = 4
# A bare capitalised word with nothing else vouching for it must be a place this big
# (capitals, large cities); smaller ones need the focus country, a preposition or a noun.
MIN_BARE_POPULATION = 100_000
# With a preposition, or inside a focus country, a town this size is enough.
MIN_CONTEXT_POPULATION = 5_000
# Entity labels under which the model recognises places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels under which a lone town name is usually an agency or a people ("the agency
# Sana"): such a name needs the focus country or a place word, not just size.
DOUBTFUL_LABELS = frozenset({"ORG", "NORP"})
# Below this many people, a town abroad (in no country the article names) is not taken for a
# name in a wire report filed elsewhere: news names the country of a small place outside
# the country it reports from ("La Palma, in Spain"); a bare village name in a report
# from San Salvador is a Salvadoran village, even one the gazetteer lacks.
MAX_UNNAMED_ABROAD_POPULATION = 100_000
# Without a dateline the article's focus countries say less about where it is: only a
# village or small town abroad, in no country the article names, is not taken; a town that
# is only called so by one of its other names is held to the dated limit.
MAX_UNNAMED_ABROAD_UNDATED = 20_000
# Prepositions that put a single name on the map even when the article also uses it as a
# surname ("an ambush near Rodriguez"); "to", "from", "by" precede people as often.
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside"})
# Labels whose multi-word spans are names of something else ("Hama Ali", "Damascus
# University"); a place inside one is part of that name.
OTHER_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


@dataclass
class _Found:
    """A name found in the text, before resolution (token indices, end exclusive)."""

    start: int
    end: int  # end of the name itself
    mention_end: int  # end of the mention, with a trailing "province" or "city"
    kind: str | None = None  # city / admin1 when a noun says which
    country: str | None = None  # ISO3 the text attaches ("Syrian city of", "Syria's")
    marked: bool = False  # a preposition or noun says it is a place
    label: str = ""  # the model's entity label over the name, if any
    text: str = ""  # the name as written
    # The kind a plural noun gives a whole list: "the provinces of A, B and C" (set on the
    # first name), "the A and B provinces" (set on the last).
    list_kind: str | None = None
    names_site: bool = False  # followed by a site noun: "the Naivasha market"
    # qualifies the common noun after it: "the sacred Bo tree", "the Kabul river"
    modifier: bool = False
    # (country, first-level division) a following ", State" names: "Santa Ana, California"
    division: tuple[str, str] | None = None
    # the other names of the list it stands in ("Darfur and Malakal"), with their labels
    partners: tuple[tuple[str, str], ...] = ()


class PlaceStage:
    """`doc._.places`: every place mention, resolved to a `records.Place` where possible."""

    name = "places"
    requires = ("doc._.article", "doc._.focus")
    assigns = ("doc._.places", "doc._.filed")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        focus = [code for code in (doc._.focus or []) if code]
        source = doc_text(doc)
        found = self._find(doc, source)
        doc._.places = self._resolve(doc, source, found, focus)
        return doc

    def place_for_country(self, iso3: str) -> Place | None:
        """A country-precision place (its centroid), or None for a code the gazetteer lacks."""
        candidate = self.gazetteer.country(iso3)
        return candidate.to_place() if candidate else None

    # -- finding names ------------------------------------------------------------------

    def _find(self, doc: Doc, source: str) -> list[_Found]:
        taken = [False] * len(doc)
        found: list[_Found] = []
        i = 0
        for start in _name_start_candidates(doc):
            if start < i or not _may_start_name(doc, start):
                continue
            end = self._longest_name(doc, source, start)
            if end is None:
                continue
            found.append(_Found(start, end, end))
            for k in range(start, end):
                taken[k] = True
            i = end
        for ent in doc.ents:
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if ent.label_ not in PLACE_LABELS or start >= ent.end or taken[start]:
                continue
            if any(taken[start:ent.end]):
                # "the Zalqoum Valley": a town called "Valley" scanned inside the model's
                # longer place name is only the end of that name
                inner = [f for f in found if start < f.start < ent.end]
                if any(f.end > ent.end for f in inner):
                    continue
                found = [f for f in found if f not in inner]
            if ent[start - ent.start].text[:1].isupper():
                found.append(_Found(start, ent.end, ent.end))
        found.sort(key=lambda f: f.start)
        # doc.ents builds its spans on every access: index them once, or a long article's
        # look-ups grow with the square of its length
        ents = _EntityIndex(doc)
        for item in found:
            item.text = _slice(doc, source, item.start, item.end)
            self._read_context(doc, source, item, ents)
        _share_list_context(doc, found)
        self._pair_with_divisions(doc, found)
        # the last words of the people the model names in full ("Jose Rodriguez")
        surnames = frozenset(ent[-1].text.casefold() for ent in ents.ents
                             if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_alpha)
        return [item for item in found if self._plausible(doc, item, ents, surnames)]

    def _pair_with_divisions(self, doc: Doc, found: list[_Found]) -> None:
        """"Seattle, Washington", "Santa Ana, Calif.": a town followed by a comma and a
        division (or country) it lies in is that division's town, and the second name is
        the division ("Washington" the state here, the capital elsewhere)."""
        for left, right in zip(found, found[1:]):
            between = [t for t in doc[left.mention_end:right.start] if not t.is_space]
            if [t.text for t in between] != [","]:
                continue
            alone = self.gazetteer.resolve(left.text)
            if alone is None or alone.feature in ("admin1", "country", "region"):
                continue  # "Texas, California", "China, Japan": a list of divisions or countries
            towns = self.gazetteer.lookup(left.text)
            containers = [c for c in self.gazetteer.lookup(right.text) if c.feature in ("admin1", "country")]
            for container in containers:
                inside = [t for t in towns if t.feature in ("city", "admin2") and t.country == container.country
                          and (container.feature == "country" or t.admin1 == container.name)]
                if inside:
                    right.kind = right.kind or container.feature
                    left.division = (container.country or "", container.name if container.feature == "admin1" else "")
                    left.marked = True
                    break

    def _longest_name(self, doc: Doc, source: str, start: int) -> int | None:
        """End (exclusive) of the longest gazetteer name starting at token `start`."""
        best = None
        words = 0
        limit = min(len(doc), start + MAX_NAME_TOKENS)
        for end in range(start + 1, limit + 1):
            token = doc[end - 1]
            if end - 1 > start and not _joins_name(doc, end - 1):
                break
            if token.is_alpha:
                words += 1
            if words > MAX_NAME_WORDS:
                break
            if not token.text[:1].isupper():
                continue
            text = source[doc[start].idx: token.idx + len(token.text)]
            # several words may be matched by their consonant skeleton (Maaret al-Numan),
            # unless one is a word no place is named by ("On Sunday" spells Owen Sound)
            loose = words > 1 and not any(self.gazetteer.is_stopword(t.text) for t in doc[start:end] if t.is_alpha)
            if self.gazetteer.has(text, loose=loose):
                best = end
        return best

    def _read_context(self, doc: Doc, source: str, item: _Found, ents: "_EntityIndex") -> None:
        label_span = ents.over(item.start, item.end)
        item.label = label_span.label_ if label_span is not None else ""
        after = doc[item.end] if item.end < len(doc) else None
        item.names_site = after is not None and after.lower_ in SITE_NOUNS
        item.modifier = (after is not None and after.is_lower and after.tag_ in MODIFIED_NOUN_TAGS
                         and doc[item.end - 1].dep_ in MODIFIER_DEPS and doc[item.end - 1].head.i >= item.end)
        if after is not None and after.lower_ in DIVISION_NOUNS | CITY_NOUNS and after.lower_ != "capital":
            item.kind = "admin1" if after.lower_ in DIVISION_NOUNS else "city"
            item.mention_end = item.end + 1
            item.marked = True
            if after.lower_.endswith("s"):
                item.list_kind = item.kind
        j = item.start - 1
        while j >= 0 and doc[j].lower_ in DIRECTIONS:
            j -= 1
        if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in DIVISION_NOUNS | CITY_NOUNS:
            noun = doc[j - 1].lower_
            item.kind = item.kind or ("admin1" if noun in DIVISION_NOUNS else "city")
            item.marked = True
            if noun.endswith("s"):
                item.list_kind = item.kind
            owner = j - 2
            while owner >= 0 and doc[owner].lower_ in DIRECTIONS:
                owner -= 1
            if owner >= 0:
                item.country = self._country_named_by(doc, source, owner)
            j -= 2
            while j >= 0 and doc[j].lower_ in DIRECTIONS | {"the", "a"}:
                j -= 1
        elif j >= 0:
            item.country = self._country_named_by(doc, source, j)
            if item.country and j >= 1 and doc[j].lower_ == "'s":
                j -= 1
        if j >= 0 and doc[j].lower_ in PLACE_PREPOSITIONS:
            item.marked = True

    def _country_named_by(self, doc: Doc, source: str, index: int) -> str | None:
        """The country a demonym or a possessive country name at `index` names, if any."""
        token = doc[index]
        if token.lower_ in ("'s", "\u2019s") and index >= 1:
            country = self._country_ending_at(doc, source, index)
            if country:
                return country
        return self.gazetteer.demonym(token.text) if token.text[:1].isupper() else None

    def _country_ending_at(self, doc: Doc, source: str, end: int) -> str | None:
        for start in range(max(0, end - MAX_NAME_TOKENS), end):
            text = _slice(doc, source, start, end)
            matches = [c for c in self.gazetteer.lookup(text) if c.feature == "country"]
            if matches:
                return matches[0].country
        return None

    def _plausible(self, doc: Doc, item: _Found, ents: "_EntityIndex", surnames: frozenset[str]) -> bool:
        """Drop names that are other words: stop words, demonyms, parts of people's names."""
        text = item.text
        explicit = item.kind is not None
        if not explicit and (self.gazetteer.is_stopword(text) or self.gazetteer.demonym(text)):
            return False
        if text.isupper() and not explicit:
            return any(c.feature == "country" for c in self.gazetteer.lookup(text))
        if not explicit and text.casefold() in NAME_PARTICLES:
            return False  # "La", "El" alone begin a name the gazetteer lacks ("La Reina")
        if (not explicit and item.end - item.start == 1 and item.label not in PLACE_LABELS
                and text.casefold() in surnames
                and not any(c.feature == "country" for c in self.gazetteer.lookup(text))):
            # "Jose Rodriguez ... Rodriguez said": a surname the article gives a person is
            # that person, unless the model reads this one as a place or a locative
            # preposition puts it on the map
            j = item.start - 1
            while j >= 0 and doc[j].lower_ in DIRECTIONS:
                j -= 1
            # a name listed with what the model reads as a place is a place too ("Darfur and X")
            listed = any(label in PLACE_LABELS and name.casefold() not in surnames for name, label in item.partners)
            if (j < 0 or doc[j].lower_ not in LOCATIVE_PREPOSITIONS) and not listed:
                return False
        holder = ents.over(item.start, item.end, exact=False)
        if holder is not None and holder.label_ in OTHER_NAME_LABELS and not explicit:
            inner = holder[1:] if holder[0].lower_ == "the" else holder
            # "Maple Avenue in Modesto" taken as one name by the model: a name after "in"
            # inside it is a place all the same
            located = item.start > inner.start and doc[item.start - 1].lower_ in ("in", "near", "outside")
            if (inner.start, inner.end) != (item.start, item.end) and not located:
                return False
        return True

    # -- resolving ----------------------------------------------------------------------

    def _resolve(self, doc: Doc, source: str, found: Sequence[_Found],
                 focus: list[str]) -> list[PlaceMention]:
        # countries the article names by their people ("Turkish", "Syrian") weigh like
        # countries named outright
        demonyms = self._demonyms(doc, source)
        named_countries = [c for c in (self.gazetteer.country(m[2]) for m in demonyms) if c is not None]
        home = self._dateline_country(doc, found, focus)
        doc._.filed = home
        if home is not None:
            # the country a wire report was filed from leads its focus for its places
            focus = [home] + [c for c in focus if c != home]
        # countries the article names: its focus (countries, demonyms, capitals, people of
        # the actor stage), demonyms, and names that are countries
        named = set(focus) | {c.country for c in named_countries if c.country}
        first: list[tuple[Candidate | None, str | None]] = []
        for item in found:
            first.append(self._choose(item, focus, near=()))
        # a country is named too by one of its divisions ("Indiana") or a town the text ties
        # to it ("Hammond, Indiana", "the Mexican town of X")
        named |= {c.country for (c, _), item in zip(first, found) if c is not None and c.country
                  and (c.feature in ("country", "admin1") or item.division is not None or item.country)}
        mentions: list[PlaceMention] = []
        for index, item in enumerate(found):
            text = item.text
            count = len(self.gazetteer.lookup(text))
            choice, reason = first[index]
            if _modifier_abroad(doc, index, found, first, named, focus):
                continue
            if count > 1:
                # the other names' first choices, not this name's own elsewhere in the text
                near = [c for k, (c, _) in enumerate(first)
                        if c is not None and found[k].text.casefold() != text.casefold()] + named_countries
                choice, reason = self._choose(item, focus, near=near)
            if choice is None and item.label not in PLACE_LABELS:
                continue
            if choice is None and count == 0 and (item.marked or item.kind is not None) and (item.country or focus):
                # "in Zorrillera", a name the model reads as a place and the text marks as one,
                # which the gazetteer does not know at all: a village of the country the text
                # ties it to, else of the report's own country (see below)
                own = item.country or home or focus[0]
                choice = self.gazetteer.country(own)
                why = ("the country the text ties it to" if item.country else
                       "where the report was filed" if home else "the country the article is most about")
                reason = f"a place the gazetteer does not know, named as a place, in {own}, {why}"
            if choice is not None and not self._vouched(item, choice, focus, text):
                continue
            if choice is not None and focus and self._unnamed_abroad(item, choice, named, dated=home is not None):
                reason = (f"only namesakes abroad: {choice.name} ({choice.feature}, {choice.country}) is a small "
                          f"place in a country the article never names, and the article is about "
                          f"{', '.join(focus[:3])}; {reason}")
                # "in Casitas" in a report filed from San Salvador: a place the text names as a
                # place, in the country the report comes from (else the country the article is
                # most about), which the gazetteer lacks; the country is as fine as the text
                # supports
                own = home or focus[0]
                own_country = self.gazetteer.country(own)
                if own_country is not None and (item.marked or item.kind is not None):
                    choice = own_country
                    why = "where the report was filed" if home else "the country the article is most about"
                    reason = f"a place the gazetteer lacks in {own}, {why}; {reason}"
                else:
                    choice = None  # kept unresolved, with the reason, for `sitroom analyze`
            start = doc[item.start].idx
            end_token = doc[item.mention_end - 1]
            end = end_token.idx + len(end_token.text)
            mentions.append(PlaceMention(
                start=start, end=end, text=source[start:end],
                place=choice.to_place() if choice else None, candidates=count, reason=reason,
            ))
        for start, end, iso3 in demonyms:
            capital = self._capital_after(doc, start, end, iso3)
            if capital is not None and not any(m.start <= start < m.end for m in mentions):
                # "in the Somali capital": the capital city, not the country
                noun_end = capital[0]
                mentions.append(PlaceMention(start=start, end=noun_end, text=source[start:noun_end],
                                             place=capital[1].to_place(), candidates=1, kind="name",
                                             reason=f"the capital of {iso3}"))
                continue
            place = self.place_for_country(iso3)
            if place is not None and not any(m.start <= start < m.end for m in mentions):
                mentions.append(PlaceMention(start=start, end=end, text=source[start:end], place=place,
                                             candidates=1, kind="demonym",
                                             reason=f"a demonym of {iso3}: its people, not a place"))
        mentions.extend(self._streets(doc, source, mentions))
        mentions.extend(self._towns_again(doc, source, mentions))
        return sorted(mentions, key=lambda m: m.start)

    def _capital_after(self, doc: Doc, start: int, end: int, iso3: str) -> tuple[int, Candidate] | None:
        """(end offset of "capital", the capital) when the demonym at `start`-`end` is
        followed by the word "capital"."""
        span = doc.char_span(start, end)
        if span is None or span.end >= len(doc) or doc[span.end].lower_ != "capital":
            return None
        token = doc[span.end]
        found = self.gazetteer.capital(iso3)
        return (token.idx + len(token.text), found) if found is not None else None

    def _dateline_country(self, doc: Doc, found: Sequence[_Found], focus: list[str]) -> str | None:
        """The country of a wire dateline's town ("San Salvador, 3 Jan 90 --", "Managua
        (Nicaragua), 2 Nov --"): a name that opens the text, followed by a comma, a
        parenthesis or a dash. A report is about the country it was filed from unless it
        says otherwise, so that country leads the focus when the article's places are
        resolved (copy recased from capitals loses the dateline the actor stage reads)."""
        first = next((t for t in doc if not t.is_space), None)
        if first is None or not found or found[0].start != first.i:
            return None
        item = found[0]
        after = doc[item.mention_end] if item.mention_end < len(doc) else None
        if after is None or after.text not in (",", "(", "-", "--", "—", "–"):
            return None
        if after.text == "(" and len(found) > 1 and found[1].start == item.mention_end + 1:
            # "El Paraiso (El Salvador), 7 Nov --": the country the dateline names itself
            named = [c for c in self.gazetteer.lookup(found[1].text) if c.feature == "country"]
            closing = doc[found[1].mention_end] if found[1].mention_end < len(doc) else None
            if named and closing is not None and closing.text == ")":
                return named[0].country
        choice, _ = self.gazetteer.explain(item.text, focus=focus, kind=item.kind)
        if choice is None or choice.feature not in ("city", "admin2", "admin1", "country"):
            return None
        return choice.country

    @staticmethod
    def _unnamed_abroad(item: _Found, choice: Candidate, named: set[str], *, dated: bool) -> bool:
        """A small town chosen in a country the article never names, when the article names
        where it is about: a namesake abroad, not the place meant (see
        MAX_UNNAMED_ABROAD_POPULATION; `dated`: the article has a dateline). A town the
        text ties to a country or division ("the Mexican town of X", "X, Jalisco") keeps
        its place."""
        if choice.feature not in ("city", "admin2") or choice.country in named or choice.country is None:
            return False
        if item.country is not None or item.division is not None:
            return False
        # "in nearby Houla" in a report on south Lebanon: a Syrian town of that other name
        other_name = normalise(choice.name) != normalise(item.text)
        limit = MAX_UNNAMED_ABROAD_POPULATION if dated or other_name else MAX_UNNAMED_ABROAD_UNDATED
        return choice.population < limit

    def _demonyms(self, doc: Doc, source: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO alpha-3) of each capitalised demonym or adjectival form."""
        out = []
        for token in doc:
            if token.text[:1].isupper() and token.is_alpha:
                iso3 = self.gazetteer.demonym(token.text)
                if iso3:
                    out.append((token.idx, token.idx + len(token.text), iso3))
        return out

    def _streets(self, doc: Doc, source: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Streets and neighbourhoods ("Maple Avenue", "the Oak Hill neighborhood"),
        placed at the town named nearest before them in their sentence, else the nearest
        after, else the last town named before their sentence."""
        towns = [m for m in mentions if m.place is not None and m.place.precision == "city" and m.kind == "name"]
        if not towns:
            return []
        # a street the model took for a place it could not resolve is placed too
        taken = [(m.start, m.end) for m in mentions if m.place is not None]
        out: list[PlaceMention] = []
        for token in doc:
            if token.lower_.rstrip(".") not in STREET_NOUNS or token.i == 0:
                continue
            start_token = token.i
            while start_token > 0 and doc[start_token - 1].text[:1].isupper() and doc[start_token - 1].is_alpha:
                start_token -= 1
            if start_token == token.i:
                continue  # a street needs a name: "Maple Avenue", not "the street"
            start, end = doc[start_token].idx, token.idx + len(token.text)
            if any(s < end and start < e for s, e in taken):
                continue
            sent = token.sent
            before = [m for m in towns if sent.start_char <= m.start < start]
            after = [m for m in towns if end <= m.start < sent.end_char]
            earlier = [m for m in towns if m.start < sent.start_char]
            town = before[-1] if before else after[0] if after else earlier[-1] if earlier else None
            if town is None:
                continue
            out.append(PlaceMention(start=start, end=end, text=source[start:end], place=town.place, candidates=0,
                                    kind="street", reason=f"a street or neighbourhood of {town.text}, named nearby"))
            taken.append((start, end))
        if out:
            # the unresolved mentions the streets replace
            mentions[:] = [m for m in mentions if m.place is not None
                           or not any(o.start < m.end and m.start < o.end for o in out)]
        return out

    def _towns_again(self, doc: Doc, source: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """"clashed on the southern outskirts of the city": "the city", "the town" or "the
        village" with nothing of its own to tell which is the town the story is about, of
        those named before it ("the city of X", "the neighbouring town", "the town where
        ..." are not)."""
        towns = [m for m in mentions if m.place is not None and m.place.precision == "city" and m.kind == "name"]
        out: list[PlaceMention] = []
        for token in doc:
            if token.lower_ not in TOWN_NOUNS or token.tag_ != "NN":
                continue
            det = next((c for c in token.children if c.dep_ == "det"), None)
            if det is None or det.lower_ != "the" or any(c.dep_ in OWN_WORDS for c in token.children):
                continue
            start, end = det.idx, token.idx + len(token.text)
            earlier = [m for m in towns if m.end <= start]
            if not earlier or any(m.start < end and start < m.end for m in mentions):
                continue
            town = _story_town(earlier)
            out.append(PlaceMention(start=start, end=end, text=source[start:end], place=town.place, candidates=0,
                                    kind="again", reason=f"names again {town.text}, the town the story is about"))
        return out

    def _choose(self, item: _Found, focus: list[str], near: Sequence[Candidate]) -> tuple[Candidate | None, str | None]:
        text = item.text
        if item.division is not None:
            country, division = item.division
            inside = [c for c in self.gazetteer.lookup(text) if c.country == country and c.feature in ("city", "admin2")
                      and (not division or c.admin1 == division)]
            if inside:
                choice = max(inside, key=lambda c: (c.feature == "city", c.population))
                return choice, f"{choice.feature} in {division or country}, the division named after it"
        local_focus = ([item.country] if item.country else []) + [c for c in focus if c != item.country]
        choice, reason = self.gazetteer.explain(text, focus=local_focus, kind=item.kind, near=near)
        foreign = choice is not None and choice.feature != "country" and choice.country != item.country
        if item.country and foreign:
            # "the Sudanese town of X": a namesake elsewhere is not it
            return None, None
        if choice is not None and item.kind == "admin1" and choice.feature == "city" and choice.admin1:
            # "X province" where GeoNames files X only as a city: the city's own division
            # is the best the gazetteer offers, and it keeps admin1 precision.
            division = self.gazetteer.resolve(choice.admin1, focus=[choice.country or ""], kind="admin1")
            if division is not None and division.country == choice.country:
                if division.feature == "admin1":
                    return division, f"the division of the city {choice.name}, named as a division"
                return choice, reason
        return choice, reason

    @staticmethod
    def _vouched(item: _Found, choice: Candidate, focus: Sequence[str], text: str) -> bool:
        """Whether a resolved name is trusted as a place mention (see the module docstring)."""
        in_focus = choice.country in focus or choice.country == item.country
        if item.names_site and focus and not in_focus and choice.feature != "country":
            return False
        if item.kind is not None or choice.feature == "country" or item.label in PLACE_LABELS:
            return True
        several_words = len(text.split()) > 1
        if item.label in DOUBTFUL_LABELS and not several_words:
            return in_focus or item.marked
        if choice.population >= MIN_BARE_POPULATION:
            return True
        if in_focus and (item.marked or several_words or choice.population >= MIN_CONTEXT_POPULATION):
            return True
        return (item.marked or several_words) and choice.population >= MIN_CONTEXT_POPULATION


def _modifier_abroad(doc: Doc, index: int, found: Sequence[_Found],
                     first: Sequence[tuple[Candidate | None, str | None]], named: set[str],
                     focus: Sequence[str]) -> bool:
    """"opened fire on pilgrims at the sacred Bo tree shrine in the ancient city of
    Anuradhapura": a name that only qualifies a common noun, whose places all lie in
    countries the article never names, while its sentence names a place of a country
    the article is about, is the name of a thing (a tree, a river, a treaty), not a town
    abroad where the act happened. A country, or a division or town of a country the
    article names, keeps its place ("the Kabul river" in a report that names Afghanistan)."""
    item = found[index]
    choice = first[index][0]
    if not item.modifier or item.kind is not None or item.country is not None or item.division is not None:
        return False
    if choice is None or choice.feature in ("country", "region") or choice.country in named:
        return False
    sentence = doc[item.start].sent
    return any(k != index and other.start >= sentence.start and other.end <= sentence.end
               and (place := first[k][0]) is not None and place.country in focus
               for k, other in enumerate(found))


def _story_town(towns: Sequence[PlaceMention]) -> PlaceMention:
    """Of the towns named (in order), the one named most often, the first named among equals:
    a report names its own town in the lead, the towns of its background once each."""
    counts = Counter(m.place for m in towns)
    return max(towns, key=lambda m: (counts[m.place], -m.start))


def _slice(doc: Doc, source: str, start: int, end: int) -> str:
    """The text of tokens [start, end)."""
    last = doc[end - 1]
    return source[doc[start].idx: last.idx + len(last.text)]


_PARTICLE_HASHES = numpy.array([hash_string(w) for w in sorted(NAME_PARTICLES)], dtype=numpy.uint64)
_HYPHEN = hash_string("-")


def _name_start_candidates(doc: Doc) -> list[int]:
    """The tokens `_may_start_name` may be true of, found in the doc's arrays: those whose
    shape opens with a capital (a token's shape keeps its first letter's case, and any other
    first character as it is), and the name particles before a hyphen. Asking only these
    skips most tokens without making a `Token` of each."""
    if not len(doc):
        return []
    shapes, lowers, forms = doc.to_array([SHAPE, LOWER, ORTH]).T
    strings = doc.vocab.strings
    capital = [shape for shape in numpy.unique(shapes).tolist() if strings[shape][:1].isupper()]
    hyphen_next = numpy.append(forms[1:] == _HYPHEN, False)
    wanted = (numpy.isin(shapes, numpy.array(capital, dtype=numpy.uint64))
              | (numpy.isin(lowers, _PARTICLE_HASHES) & hyphen_next))
    return numpy.flatnonzero(wanted).tolist()


def _may_start_name(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text[:1].isupper() and token.is_alpha:
        return True
    # "Ma'arrat" may be split at the apostrophe, and "al-Fashir" starts lowercase
    if token.text[:1].isupper() and any(ch.isalpha() for ch in token.text):
        return True
    return (token.lower_ in NAME_PARTICLES and i + 2 < len(doc) and doc[i + 1].text == "-"
            and doc[i + 2].text[:1].isupper())


def _joins_name(doc: Doc, i: int) -> bool:
    """Whether token `i` may continue a name begun before it."""
    token = doc[i]
    previous = doc[i - 1]
    if "\n" in previous.whitespace_ or token.is_space:
        return False
    if token.text in ("-", "'", "\u2019", "`", "\u2018") or previous.text in ("-",):
        return True
    if token.lower_ in ("'s", "\u2019s") and i + 1 < len(token.doc) and token.doc[i + 1].text[:1].isupper():
        return True  # "People's Republic of China"
    if token.text[:1].isupper() and any(ch.isalpha() for ch in token.text):
        return True
    return token.lower_ in NAME_PARTICLES or (not previous.whitespace_ and token.is_alpha)


class _EntityIndex:
    """The model's entities of one doc, sorted by start token (they never overlap)."""

    def __init__(self, doc: Doc) -> None:
        self.ents = tuple(doc.ents)
        self.starts = [ent.start for ent in self.ents]

    def over(self, start: int, end: int, *, exact: bool = True) -> Span | None:
        """The entity covering tokens [start, end): the same span (a leading "the" aside),
        or with `exact=False` any that contains it."""
        # the last entity starting at or before `start` is the only one that can contain
        # it; an exact match may also start one token earlier, on its "the"
        at = bisect.bisect_right(self.starts, start) - 1
        for ent in self.ents[max(0, at - 1):at + 1]:
            inner_start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if exact and (inner_start, ent.end) == (start, end):
                return ent
            if not exact and ent.start <= start and end <= ent.end:
                return ent
        return None


def _share_list_context(doc: Doc, found: list[_Found]) -> None:
    """Names in one list share what marks any of them: "the provinces of A, B and C",
    "the A and B provinces", "in A, B and C"."""
    groups: list[list[_Found]] = []
    for item in found:
        if groups and _listed_together(doc, groups[-1][-1], item):
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        if len(group) < 2:
            continue
        kind = group[0].list_kind or group[-1].list_kind
        country = next((g.country for g in group if g.country), None)
        marked = any(g.marked for g in group)
        for member in group:
            member.partners = tuple((g.text, g.label) for g in group if g is not member)
            member.kind = kind or member.kind
            member.country = member.country or country
            member.marked = member.marked or marked


def _listed_together(doc: Doc, left: _Found, right: _Found) -> bool:
    """Whether only list separators and short parentheticals stand between two names."""
    i = left.mention_end
    if i >= right.start:
        return False
    saw_separator = False
    while i < right.start:
        token: Token = doc[i]
        if token.text == "(":
            close = next((k for k in range(i, min(right.start, i + MAX_PARENTHETICAL_TOKENS + 2))
                          if doc[k].text == ")"), None)
            if close is None:
                return False
            i = close + 1
            continue
        if token.lower_ not in LIST_SEPARATORS and not token.is_space:
            return False
        saw_separator = True
        i += 1
    return saw_separator
