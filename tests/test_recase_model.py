"""The truecase model compacted into a memory-mapped file (`recase.CaseModel`): the same
casing as the `truecase` package's own model, without loading it into every process."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from sitroom.recase import CaseModel, build_case_model

# A model in the truecase package's format, small enough to build in a test.
SENTENCES = [
    "the army attacked the town of San Miguel .".split(),
    "the Army said the attack on the town of Apopa failed .".split(),
    "US troops and the army of El Salvador fought near San Miguel .".split(),
    "he said the battalion left the town , the Atlacatl Battalion said .".split(),
    "the battalion of the army left .".split(),
]


def _tiny_model(path: Path) -> Path:
    """Train the package's statistics on SENTENCES the way its Trainer does."""
    uni, backward, forward, trigram = Counter(), Counter(), Counter(), Counter()
    casings: dict[str, set[str]] = {}
    for sentence in SENTENCES:
        for word in sentence:
            uni[word] += 1
            casings.setdefault(word.lower(), set()).add(word)
    for sentence in SENTENCES:
        for i, word in enumerate(sentence):
            if len(casings[word.lower()]) < 2:
                continue
            if 0 < i < len(sentence) - 1:
                backward[sentence[i - 1] + "_" + word] += 1
                forward[word + "_" + sentence[i + 1].lower()] += 1
                trigram[sentence[i - 1] + "_" + word + "_" + sentence[i + 1].lower()] += 1
    path.write_bytes(pickle.dumps({"uni_dist": uni, "backward_bi_dist": backward, "forward_bi_dist": forward,
                                   "trigram_dist": trigram, "word_casing_lookup": casings}))
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, CaseModel]:
    source = _tiny_model(tmp_path / "english.dist")
    return source, CaseModel(build_case_model(source, tmp_path / "tiny.case"))


def test_the_compact_model_cases_as_the_truecase_package_does(tiny):
    from truecase import TrueCaser

    source, model = tiny
    package = TrueCaser(str(source))
    for text in ("THE ARMY ATTACKED SAN MIGUEL .", "THE ATLACATL BATTALION OF THE ARMY SAID , US TROOPS LEFT .",
                 "US ARMY", "HE SAID THE ARMY OF EL SALVADOR LEFT APOPA 3 DAYS AGO ."):
        tokens = text.lower().split()
        assert model.true_case(tokens) == package.get_true_case_from_tokens(tokens, "title"), text
    assert model.true_case("the army attacked apopa".split()) == ["The", "army", "attacked", "Apopa"]
    assert model.forms("army") == ("Army", "army") and model.forms("kabul") == ()


def test_an_unreadable_cached_model_is_built_again(tiny, tmp_path):
    source, _ = tiny
    first = CaseModel.load(tmp_path / "cache", source=source)
    first.path.write_bytes(b"not a case model")
    with pytest.raises(ValueError, match=str(first.path)):
        CaseModel(first.path)
    again = CaseModel.load(tmp_path / "cache", source=source)
    assert again.path == first.path and again.forms("army") == ("Army", "army")


@pytest.mark.slow
def test_text_in_capitals_is_recased_without_loading_the_package_model():
    """In a fresh process (a worker): the sentence is recased from the mapped file, the
    package's 500 MB model is never unpickled, and the process grows by far less."""
    script = (
        "import json, sys, psutil\n"
        "from sitroom.recase import Recaser\n"
        "recaser = Recaser(keep_upper={'FMLN'})\n"
        "recaser.model  # built into the cache first if this machine has none yet\n"
        "before = psutil.Process().memory_info().rss\n"
        "text = recaser.recase('THE FMLN SAID UNIDENTIFIED GUNMEN AMBUSHED A BUS NEAR SAN MIGUEL ON MONDAY.')\n"
        "grown = psutil.Process().memory_info().rss - before\n"
        "print(json.dumps({'text': text, 'grown': grown, 'truecase': 'truecase' in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["text"] == "The FMLN said unidentified gunmen ambushed a bus near San Miguel on Monday."
    assert not result["truecase"]
    assert result["grown"] < 50 * 1024 * 1024
