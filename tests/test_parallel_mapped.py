"""A worker keeps no pages of a mapped file (the truecase model's) resident after a chunk."""
from __future__ import annotations

import mmap
import sys
from pathlib import Path

import pytest

from sitroom import parallel
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc/self/smaps")
MB = 1024 * 1024


def resident_of(name_part: str) -> int:
    """Bytes of this process's resident memory in mappings of files whose path holds `name_part`."""
    total, counting = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and not head[0].endswith(":") and "-" in head[0]:
            counting = len(head) > 5 and name_part in head[5]
        elif counting and line.startswith("Rss:"):
            total += int(head[1]) * 1024
    return total


@linux_only
def test_release_mapped_files_drops_a_read_only_mapping_and_keeps_its_content(tmp_path: Path) -> None:
    path = tmp_path / "pages.bin"
    content = bytes(range(256)) * (16 * MB // 256)
    path.write_bytes(content)
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert sum(mapped[i + 1] for i in range(0, len(mapped), 4096)) > 0  # every page read
        assert resident_of("pages.bin") >= 8 * MB
        assert parallel.release_mapped_files() >= 1
        assert resident_of("pages.bin") < MB
        assert mapped[:] == content  # read again, from the page cache


@linux_only
def test_a_worker_keeps_no_truecase_pages_after_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    analyzer = Analyzer(Options(), nlp=blank_model())
    monkeypatch.setattr(parallel, "_worker_analyzer", lambda options: analyzer)
    shouted = Article(id="caps-1", published="2024-05-01",
                      text="REBELS ATTACKED THE TOWN OF GOMA ON TUESDAY AND POLICE SAID THREE PEOPLE DIED.")
    analyses = parallel.analyze_chunk(Options(), [shouted])
    assert analyses[0].sentences[0].text.startswith("REBELS")  # the record keeps the text as it came
    model = analyzer.recaser.model  # mapped by the chunk, which recased the text
    assert model.true_case(["THE", "TOWN"]) == ["The", "town"]
    assert resident_of(model.path.name) > 0  # the read just now mapped its pages again
    parallel.analyze_chunk(Options(), [shouted])
    assert resident_of(model.path.name) == 0
