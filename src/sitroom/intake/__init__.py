"""Reading articles: every input format, page-furniture detection, language id.

    read_articles(paths, options)   Articles (and InputErrors, yielded) from files, dirs, stdin
    read_objects(values, source, options)   the same from JSON objects parsed already (HTTP)
    find_furniture(text)            spans of captions, comment boxes, "Related" lists
    detect_language(text)           (ISO 639-1 code, probability)

Formats, errors and the furniture file are described in docs/intake.md.
"""
from __future__ import annotations

from .clean import find_furniture, guess_title, html_to_text
from .language import detect_language
from .patterns import FurnitureRule, FurnitureRules, load_furniture_rules
from .readers import content_id, decode, normalise_date, read_articles, read_objects

__all__ = [
    "FurnitureRule",
    "FurnitureRules",
    "content_id",
    "decode",
    "detect_language",
    "find_furniture",
    "guess_title",
    "html_to_text",
    "load_furniture_rules",
    "normalise_date",
    "read_articles",
    "read_objects",
]
