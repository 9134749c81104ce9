"""Story first, event second: which articles tell the same story.

Two reports of one event name the same people, groups, places and figures, whatever
words they choose for the act itself. An article's *story terms* are those: the words
it writes capitalised inside a sentence (names of people, groups, places, ships,
operations) and its numbers (tolls, ages, times, years), less the capitalised words that
say nothing about the story (`story_words.tsv`, also in the possessive: "Saturday's") and
single capitals (the pieces of "U.S." or "B.C.", an initial), which name nothing alone. Two articles tell the same story when
the Jaccard similarity of their terms, estimated by datasketch's MinHash, reaches
`STORY_THRESHOLD` (or most of the smaller one's terms are in the other: `CONTAINED`; all of
them for a brief of a few terms: `BRIEF_TERMS`) and they were published within
`STORY_DAYS` of each other. A story is a connected set of
such links, unless its links fall into two dense groups joined by a few (`parts`): then
each group is a story.

The similarity of two articles depends on those two alone (no corpus statistics), so
which articles are linked does not depend on the order they arrive in. Candidates are
found by locality-sensitive hashing: the signature is cut into bands of `BAND_ROWS`
values, and only articles that share at least `MIN_BAND_HITS` bands are compared, so the
work per article grows with the articles that resemble it, not with the store.

This module is pure; `store/fusion.py`, `StoryIndex`, keeps the prints and links in the store.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

# MinHash permutations: 256 keeps the estimate's noise near 0.03 at the threshold, where
# 128 let look-alike stories through on luck (measured on ECB+, docs/fusion.md).
STORY_PERMUTATIONS = 256
STORY_SEED = 1  # fixed: prints stored by one run are compared with prints of the next
SCHEME = "affine32"  # datasketch's hashing scheme, named so stored prints stay comparable
# Rows per LSH band: with 128 bands of 2 rows, two articles at the threshold (0.25) are
# expected to share 8 bands, and unrelated ones of one country (0.05) under 1.
BAND_ROWS = 2
MIN_BAND_HITS = 2
# Two articles share a story from this estimated Jaccard similarity of their terms: at
# 0.25 ECB+'s same-story pairs are linked without joining its look-alike stories (0.20
# joined many; 0.30 lost half the true links).
STORY_THRESHOLD = 0.25
# A short report retells a subset of a long report's names and figures: their Jaccard
# similarity is low because the long one names much more, but most of the short one's
# terms are in it. Two articles also tell one story when this share of the smaller one's
# terms is in the other (`containment`) and their similarity is at least CONTAINED_FLOOR.
# Estimated from the similarity alone (|A & B| = J (|A| + |B|) / (1 + J)) the share was
# too noisy under a similarity of 0.18 (look-alike stories joined); read from the
# signatures' order (`containment`) it holds down to 0.12, where ECB+'s stories keep
# their precision (docs/fusion.md); a share of 0.5 joined look-alikes.
CONTAINED = 0.6
CONTAINED_FLOOR = 0.12
# Reports of one story are published within days of each other; an article undated on
# either side is compared without this bound.
STORY_DAYS = 7
# Most reports of an event come out within a few days of it: two articles published this
# close together tell one story from a lower similarity (NEAR_THRESHOLD), the time they
# share being evidence the text need not carry alone. Look-alike events of other days
# (or undated articles, which may be of any day) still need STORY_THRESHOLD.
NEAR_DAYS = 3
NEAR_THRESHOLD = 0.20
# A story's links may fall into two groups that link densely among themselves and
# sparsely across: two look-alike stories chained by an article that resembles both.
# Such a story is two when the best normalized cut between the groups is under
# SPLIT_CUT and each side has MIN_PART articles (`parts`). On ECB+ the cuts of the
# stories that joined look-alikes were 0.02 to 0.17, and the best cuts of stories of one
# event over 0.21 (docs/fusion.md); a side of two articles is too small to say.
SPLIT_CUT = 0.2
MIN_PART = 3
# An article with fewer terms than this shows too little to be placed in a story.
MIN_TERMS = 2
# A *brief* (fewer terms than this) retells a few names and figures of a story in a
# sentence or two: its similarity to anything is noise (two three-term briefs would share
# a story on one name), so it links to another article only when every one of its terms
# is in it (`contains`). On ECB+ this placed briefs that had joined no story (docs/fusion.md).
BRIEF_TERMS = 6
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.:]*\d|\d", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")  # "Saturday's" is the calendar word "Saturday"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# A line that is an address, not prose: the page furniture of scraped articles.
_URL_LINE = re.compile(r"https?\s*:|www\s*\.|\.\s*(?:com|org|net|html?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StoryPrint:
    """What the story step keeps of an article: its MinHash signature and its date."""

    signature: tuple[int, ...]
    published: str | None  # YYYY-MM-DD
    terms: int  # how many story terms it had (too few: it joins no story)


def terms(text: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The article's story terms: capitalised words inside sentences, and numbers."""
    found: set[str] = set()
    for line in text.splitlines():
        if _URL_LINE.search(line):
            continue
        for sentence in _SENTENCE_END.split(line):
            for i, token in enumerate(_TOKEN.findall(sentence)):
                if token[0].isdigit():
                    found.add("#" + token.replace(",", ""))
                    continue
                low = token.casefold().strip("'’-")
                if i == 0 or not token[0].isupper() or low in stopwords or _POSSESSIVE.sub("", low) in stopwords:
                    continue  # a sentence's first word is capitalised whatever it is
                if len(low) >= 3 or (token.isupper() and len(token) > 1):
                    found.add(low)
    return frozenset(found)


def fingerprint(text: str, published: str | None, stopwords: frozenset[str]) -> StoryPrint:
    found = terms(text, stopwords)
    sketch = MinHash(num_perm=STORY_PERMUTATIONS, seed=STORY_SEED, scheme=SCHEME, permutations=_permutations())
    sketch.update_batch([term.encode("utf-8") for term in sorted(found)])
    return StoryPrint(tuple(sketch.hashvalues.tolist()), published, len(found))


@functools.cache
def _permutations() -> np.ndarray:
    """The sketch's permutations, drawn once: datasketch draws them from STORY_SEED again for
    every sketch made without them (a quarter of the time of printing an article)."""
    drawn = MinHash(num_perm=STORY_PERMUTATIONS, seed=STORY_SEED, scheme=SCHEME).permutations
    drawn.flags.writeable = False
    return drawn


def bands(signature: Sequence[int]) -> list[int]:
    """The LSH band keys of a signature, as signed 64-bit integers (a store column)."""
    keys = []
    written = list(map(str, signature))
    for start in range(0, len(written), BAND_ROWS):
        chunk = ",".join(written[start:start + BAND_ROWS])
        digest = hashlib.blake2b(f"{start}:{chunk}".encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The Jaccard similarity of two articles' terms, estimated from their signatures: the
    share of their values that are equal, as datasketch's `MinHash.jaccard` counts it (both
    are prints of STORY_SEED and SCHEME), without making a sketch of each signature first
    (that took three times as long)."""
    if len(a) != len(b):
        raise ValueError("Cannot compute Jaccard given MinHash with different numbers of permutation functions")
    return sum(map(operator.eq, a, b)) / len(a)


def close_in_time(a: str | None, b: str | None) -> bool:
    day_a, day_b = _day(a), _day(b)
    return day_a is None or day_b is None or abs((day_a - day_b).days) <= STORY_DAYS


def published_near(a: str | None, b: str | None) -> bool:
    """Whether both articles are dated, within NEAR_DAYS of each other."""
    day_a, day_b = _day(a), _day(b)
    return day_a is not None and day_b is not None and abs((day_a - day_b).days) <= NEAR_DAYS


def link(a: StoryPrint, b: StoryPrint) -> float | None:
    """The similarity of two articles when they tell one story, else None."""
    if a.terms < MIN_TERMS or b.terms < MIN_TERMS or not close_in_time(a.published, b.published):
        return None
    value = similarity(a.signature, b.signature)
    if min(a.terms, b.terms) < BRIEF_TERMS:
        small, large = sorted((a, b), key=lambda p: p.terms)
        return value if contains(large.signature, small.signature) else None
    threshold = NEAR_THRESHOLD if published_near(a.published, b.published) else STORY_THRESHOLD
    if value >= threshold or (value >= CONTAINED_FLOOR and containment(a, b, value) >= CONTAINED):
        return value
    return None


def contains(large: Sequence[int], small: Sequence[int]) -> bool:
    """Whether every term of `small` is a term of `large`, read from their signatures: a
    set's minimum hash under a permutation is at most that of any of its subsets, so a
    superset's signature is nowhere above the subset's; one term of `small` missing from
    `large` shows (its hash the least of the union's) in about 1 permutation of |A u B|,
    so a brief with one term more than a 30-term report passes 256 of them by luck once in
    5,000 pairs."""
    return bool(np.all(np.asarray(large, dtype=np.uint64) <= np.asarray(small, dtype=np.uint64)))


def containment(a: StoryPrint, b: StoryPrint, jaccard: float) -> float:
    """The share of the smaller article's terms that the other has. Under one permutation
    the larger's hash exceeds the smaller's only when the least hash of their union is a
    term of the smaller alone, which happens in a share |S - L| / |S u L| of the
    permutations; with |S u L| = (|S| + |L|) / (1 + J), that gives |S - L|. Far less noisy
    than |S & L| read from J alone, when S is small beside L."""
    small, large = sorted((a, b), key=lambda p: p.terms)
    above = float(np.mean(np.asarray(large.signature, dtype=np.uint64) > np.asarray(small.signature, dtype=np.uint64)))
    union = (a.terms + b.terms) / (1.0 + jaccard)
    return max(0.0, 1.0 - above * union / max(1, small.terms))


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each node's story: the smallest id of its part (`parts`) of its connected
    component, so that a story's id depends on its articles and their links, not on the
    order they came in."""
    edges = list(edges)
    joined = _connected(nodes, edges)
    members: dict[str, list[str]] = {}
    for node, root in joined.items():
        members.setdefault(root, []).append(node)
    # each component's own links, so that cutting one reads its links only, not the day's
    links: dict[str, list[tuple[str, str]]] = {}
    for a, b in edges:
        links.setdefault(joined[a], []).append((a, b))
    labels: dict[str, str] = {}
    for root, group in members.items():
        for part in parts(group, links.get(root, [])):
            labels.update(dict.fromkeys(part, min(part)))
    return labels


def parts(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The stories of one connected set of articles: the set itself, or, when its links
    fall into two dense groups joined by a few links (a normalized cut under `SPLIT_CUT`,
    each side of `MIN_PART` articles or more), the stories of each side. Single links
    chain: an article that resembles two look-alike stories (the same navy and the same
    gulf in two years) joins them, though each story's reports link among themselves far
    more than across. The cut is spectral (the sweep over the Fiedler vector of the
    normalized Laplacian, Shi and Malik), on the nodes sorted by id, so it depends on the
    links alone."""
    ordered = sorted(set(nodes))
    if len(ordered) < 2 * MIN_PART:
        return [ordered]
    index = {node: i for i, node in enumerate(ordered)}
    adjacency = np.zeros((len(ordered), len(ordered)))
    for a, b in edges:
        if a in index and b in index and a != b:
            adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    cut = _best_cut(adjacency)
    if cut is None:
        return [ordered]
    side = set(cut)
    one = [n for i, n in enumerate(ordered) if i in side]
    two = [n for i, n in enumerate(ordered) if i not in side]
    return parts(one, edges) + parts(two, edges)


def _best_cut(adjacency: np.ndarray) -> list[int] | None:
    """The indices of one side of the best normalized cut of a connected graph found by
    the spectral sweep, if it is under SPLIT_CUT with MIN_PART nodes or more each side."""
    degree = adjacency.sum(axis=1)
    if (degree == 0).any():
        return None
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(degree)) - scale[:, None] * adjacency * scale[None, :]
    _, vectors = np.linalg.eigh(laplacian)
    fiedler = vectors[:, 1] * scale
    order = np.lexsort((np.arange(len(degree)), np.round(fiedler, 9)))
    total = degree.sum()
    inside = np.zeros(len(degree), dtype=bool)
    cut = volume = 0.0
    best: tuple[float, int] | None = None
    for k, node in enumerate(order[:-1], start=1):
        # moving `node` to the first side: its links to that side stop being cut, the rest start
        to_first = adjacency[node][inside].sum()
        cut += degree[node] - 2.0 * to_first
        volume += degree[node]
        inside[node] = True
        if MIN_PART <= k <= len(degree) - MIN_PART:
            value = cut / volume + cut / (total - volume)
            if best is None or value < best[0] - 1e-12:
                best = (value, k)
    if best is None or best[0] >= SPLIT_CUT:
        return None
    return sorted(int(i) for i in order[:best[1]])


def _connected(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each node's connected component, named by its smallest node."""
    parent = {node: node for node in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {node: find(node) for node in parent}


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
