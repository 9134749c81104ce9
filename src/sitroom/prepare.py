"""The text the parser sees: the article's own text, changed only where reading needs it,
and always of the same length, so that every offset stays the article's.

- Page furniture (captions, comment boxes, "Related" lists) is blanked, not cut.
- Hard-wrapped copy (wire archives, e-mail, plain-text feeds that break lines at a fixed
  width) has its in-paragraph line breaks turned into spaces: sitroom starts a sentence
  at every line break, which is right for headlines and paragraphs but cuts a wrapped
  sentence into pieces.
- Upper-case copy is recased (`recase.Recaser`).
- A wire dateline opening a paragraph ("GUSAU, Nigeria, Jan 22 — ") is left as written:
  the sentence rules of `nlp.py` make it a sentence of its own, so its words are no part
  of the first sentence. Its country counts toward the article's focus (the actor stage
  reads it from the article's text).
"""
from __future__ import annotations

import re

from .records import Article
from .recase import Recaser

# A text is hard-wrapped when it has at least this many lines that continue a paragraph
# and most of them fill the wrap width (lines end where the width ran out, not where a
# sentence or paragraph ended).
WRAPPED_MIN_LINES = 4
WRAPPED_SHARE = 0.6
# A line at least this share of the wrap width long was broken by the width; a shorter
# one ends its paragraph.
FULL_LINE = 0.7
# Wrap widths seen in practice (typewriter and terminal copy: 60 to 80 columns, some 100).
MIN_WRAP, MAX_WRAP = 40, 120
SENTENCE_FINAL = (".", "!", "?", ":", '"', "”", "'", "’")


def parse_text(article: Article, recaser: Recaser | None) -> str:
    text = _blank_furniture(article)
    text = unwrap(text)
    text = recaser.recase(text) if recaser is not None else text
    return text


def _blank_furniture(article: Article) -> str:
    text = article.text
    if not article.furniture:
        return text
    chars = list(text)
    for start, end in article.furniture:
        for i in range(start, min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


LINE_RE = re.compile(r"[^\n]*\n?")


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was broken at, or None when it is not hard-wrapped."""
    bodies = [line.rstrip() for line in lines]
    lengths = sorted(len(b) for b in bodies if b.strip())
    if len(lengths) < WRAPPED_MIN_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not MIN_WRAP <= width <= MAX_WRAP:
        return None
    continued = [b for b, nxt in zip(bodies, bodies[1:]) if b.strip() and nxt.strip()]
    if len(continued) < WRAPPED_MIN_LINES:
        return None
    full = sum(len(b) >= FULL_LINE * width for b in continued)
    return width if full >= WRAPPED_SHARE * len(continued) else None


def unwrap(text: str) -> str:
    """`text` with the line breaks inside hard-wrapped paragraphs turned into spaces."""
    if "\n" not in text:
        return text
    lines = LINE_RE.findall(text)
    width = wrap_width(lines)
    if width is None:
        return text
    chars = list(text)
    position = 0
    for line, nxt in zip(lines, lines[1:]):
        position += len(line)
        body = line.rstrip()
        if not line.endswith("\n") or not body.strip() or not nxt.strip():
            continue
        if nxt[:1].isspace() or len(body) < FULL_LINE * width:
            continue  # an indented line opens a paragraph; a short one closes one
        if body.endswith(SENTENCE_FINAL) and len(body) < 0.9 * width:
            continue
        chars[position - 1] = " "
        if line.endswith("\r\n"):
            chars[position - 2] = " "
    return "".join(chars)
