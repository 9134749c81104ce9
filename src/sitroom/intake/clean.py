"""Finding page furniture in an article's text, and other text clean-up that keeps offsets.

Nothing here changes the text: `find_furniture` returns character spans into the text
exactly as given, so every offset the analysis reports stays one into the user's text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from itertools import accumulate

from .patterns import FurnitureRules, load_furniture_rules

# Line ends we split on. CRLF is kept in the text as the user gave it, so "\r\n" must be
# one line end, and a lone "\r" (old Mac files) another.
_LINE = re.compile(r"[^\r\n\u2028\u2029]*(\r\n|\r|\n|\u2028|\u2029|$)")
# A list bullet in front of a line ("• No comment yet", "- Related") is layout, not words.
_BULLET = re.compile(r"^[•·▪►◦‣*\-–—]\s+")
# A line with at least this many words is body text when weighing a "tail" heading: the
# paragraphs of a news story are long; headline lists and comment stubs are not.
BODY_LINE_MIN_WORDS = 25
# A first line repeating the outlet's name is at most this long; longer lines are content.
OUTLET_LINE_MAX_CHARS = 80
# What may follow an outlet's name in its full form: "Kivu Daily (wire copy)".
_OUTLET_DESCRIPTION_MARKS = frozenset({"(", "-", "–", "—", ",", ":", "|"})
# A title is a single short line: longer first lines are the lede.
TITLE_MAX_CHARS = 150
# A title has at least this many words; a lone word on top is a section label or kicker.
TITLE_MIN_WORDS = 2
# A headline-like line of at most this many words above a longer one is a kicker.
KICKER_MAX_WORDS = 3
# Characters that end a sentence, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line's first character
    end: int  # offset just past its last character (before the line end)
    text: str  # text[start:end]

    @cached_property
    def core(self) -> str:
        """The line without indentation and a leading bullet: what the rules see."""
        return _BULLET.sub("", self.text.strip()).strip()


def lines(text: str) -> Iterator[Line]:
    """Every line of `text` with its offsets; line ends are not part of a line."""
    for match in _LINE.finditer(text):
        end = match.start(1)
        if match.start() == end and not match.group(1):
            break  # the empty match at the very end of the text
        yield Line(match.start(), end, text[match.start():end])


def find_furniture(
    text: str, *, outlet: str | None = None, rules: FurnitureRules | None = None
) -> tuple[tuple[int, int], ...]:
    """Character spans of page furniture in `text`, sorted and not overlapping.

    `text[start:end]` is the furniture: a caption line, a comment box, a "Related News"
    list to the end of the text. `outlet` (the article's outlet name, when known) lets a
    first line that only repeats it be marked too. `rules` defaults to the shipped
    `knowledge/data/furniture.tsv`.
    """
    rules = rules or load_furniture_rules()
    all_lines = [line for line in lines(text) if line.core]
    spans: list[tuple[int, int]] = []
    if all_lines and outlet and _repeats_outlet(all_lines[0].core, outlet):
        spans.append((all_lines[0].start, all_lines[0].end))
    # Body words before each line, for weighing "tail" headings.
    body_before = list(accumulate((_body_words(line) for line in all_lines), initial=0))
    for index, line in enumerate(all_lines):
        rule = rules.first_fit(line.core)
        if rule is None:
            continue
        # A "Related"/"Comments" heading ends the article unless more body text follows
        # it than precedes it: a sidebar pasted above the story must not swallow it.
        before = body_before[index]
        after = body_before[-1] - body_before[index + 1]
        if rule.extent == "tail" and after <= before:
            spans.append((line.start, len(text)))
            break
        spans.append((line.start, line.end))
    return _merge(spans)


def _body_words(line: Line) -> int:
    words = len(line.text.split())
    return words if words >= BODY_LINE_MIN_WORDS else 0


def _repeats_outlet(first: str, outlet: str) -> bool:
    """Whether the first line is only the outlet's name ("Kivu Daily" for
    "Kivu Daily (wire copy)").
    """
    line = " ".join(first.split()).casefold()
    name = " ".join(outlet.split()).casefold()
    if not line or len(line) > OUTLET_LINE_MAX_CHARS:
        return False
    if line == name:
        return True
    # The outlet's own name followed by a description in brackets or after a dash.
    following = name[len(line):len(line) + 2].strip()[:1]
    return name.startswith(line) and following in _OUTLET_DESCRIPTION_MARKS


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def guess_title(text: str, furniture: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The first non-furniture line when it reads as a headline: short, no final stop.

    A very short headline-like line followed by a longer one is a kicker or the site's
    name above the headline ("Sudan", then the headline): the longer line is the title.
    """
    candidates: list[str | None] = []
    for line in lines(text):
        if not line.core or any(start <= line.start < end for start, end in furniture):
            continue
        candidates.append(_headline(line.text.strip()))
        if len(candidates) == 2 or candidates[0] is None:
            break
    first = candidates[0] if candidates else None
    if first is None:
        return None
    second = candidates[-1] if len(candidates) == 2 else None
    if second is not None and len(first.split()) <= KICKER_MAX_WORDS < len(second.split()):
        return second
    return first if len(first.split()) >= TITLE_MIN_WORDS else None


def _headline(line: str) -> str | None:
    if len(line) < TITLE_MAX_CHARS and not _SENTENCE_END.search(line):
        return line
    return None


# Elements after which rendered text starts a new line.
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "section", "article",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt"}
)
# Elements whose content is never article text.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary): tags dropped, entities
    decoded, one line per block element, runs of spaces and blank lines collapsed.
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    raw = "".join(collector.parts)
    paragraphs = (" ".join(chunk.split()) for chunk in raw.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)
