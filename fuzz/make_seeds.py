"""Writes the seed corpus of fuzz_intake.py (fuzz/corpus/): one small input per format,
written for sitroom. The first byte picks the file extension (fuzz_intake.SUFFIXES)."""
from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
STORY = "Rebels shelled Goma on Sunday, killing at least 12 civilians, officials said.\n"
SEEDS = {
    "text": (1, STORY.encode()),
    "html": (2, ("<html><head><title>Goma</title></head><body><nav>Home</nav><article><p>" + STORY
                 + "</p></article><script>x()</script></body></html>").encode()),
    "json": (3, b'{"id": "a1", "text": "Rebels shelled Goma.", "published": "2024-06-09", "outlet": "Wire"}'),
    "json-list": (3, b'[{"text": "one"}, {"html": "<p>two</p>"}, 5, {"text": null}]'),
    "jsonl": (4, b'{"id": 1, "text": "a"}\n{broken\n{"text": "b", "published": "2024-13-01"}\n'),
    "rss": (5, ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>T</title>"
                f"<description>{STORY}</description><pubDate>Mon, 10 Jun 2024 10:00:00 GMT</pubDate></item>"
                "</channel></rss>").encode()),
    "atom": (5, b"<feed xmlns='http://www.w3.org/2005/Atom'><title>W</title><entry><title>T</title>"
                b"<content type='html'>&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"),
    "utf16": (1, b"\xff\xfe" + "Text in UTF-16 about Aleppo.".encode("utf-16-le")),
    "cp1252": (1, "Caf\xe9 in Sana\xe1 was hit, officials said \u201ctoday\u201d.".encode("cp1252")),
    "nul-zw": (0, "Hez\u200bbollah and\x00 the army \u202eclashed\u202c.".encode()),
    "furniture": (6, (STORY + "Photo: AFP\nRelated:\nMore stories\n").encode()),
    # issue 18: text no store can carry, direction controls, ids the page cannot link to,
    # listings pointing out of their folder, and the body of POST /api/articles
    "json-surrogates": (3, b'{"id": "a\\ud800", "text": "Goma \\udfff shelled", "title": "t\\u202eexe.png"}'),
    "jsonl-fields": (4, b'{"id": "..", "text": "a"}\n{"id": "' + b"x" * 201 + b'", "text": "b"}\n'
                        b'{"text": "c", "outlet": "W\\u2066ire\\u001b[31m", "url": "\\u202ehttps://x"}\n'),
    "listing": (4, b'{"path": "../secret.txt"}\n{"path": "/etc/hostname"}\n{"path": "inside.txt"}\n'
                   b'{"path": "a\\u0000b"}\n'),
    "posted": (8, b'[{"text": "Rebels \\ud800 fled", "title": "\\u2067x"}, {"html": "<p>\\udc80</p>"}, '
                  b'{"id": ".", "text": "a"}, {"path": "inside.txt"}, {"text": "ok \\ufffe", "id": "a/b"}]'),
}

if __name__ == "__main__":
    CORPUS.mkdir(exist_ok=True)
    for name, (kind, body) in SEEDS.items():
        (CORPUS / name).write_bytes(bytes([kind]) + body)
