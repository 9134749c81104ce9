"""Language identification with py3langid (its model ships inside the package)."""
from __future__ import annotations

from functools import lru_cache
from typing import Protocol

# Code for "undetermined" (ISO 639-2), returned when there is too little text to judge.
UNDETERMINED = "und"
# Fewer letters than this and the identifier guesses (a name, a headline fragment).
MIN_LETTERS = 20
# The identifier is linear in its input; the opening of an article decides its language.
MAX_CHARS = 5_000


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@lru_cache(maxsize=1)
def _identifier() -> _Identifier:
    # Loading the model takes about a second: do it once per process, on first use.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier: _Identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of `text`'s language and the identifier's probability (0..1).

    Too little text to judge gives ("und", 0.0).
    """
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    code, probability = _identifier().classify(sample)
    return str(code), round(float(probability), 4)
