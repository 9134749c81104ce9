"""A worker gives the system back the memory a chunk's analysis freed."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitroom import parallel
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article

# Frees 200 MB of 100 KB blocks (each under glibc's threshold for a mapping of its own),
# keeping the last block so that the heap's top cannot shrink by itself, and prints the
# resident memory freed, then after `release_free_memory`, in MB.
FREED_THEN_RELEASED = """
import psutil
from sitroom import parallel
blocks = [bytearray(100_000) for _ in range(2_000)]
last = bytearray(100_000)
del blocks
freed = psutil.Process().memory_info().rss
released = parallel.release_free_memory()
after = psutil.Process().memory_info().rss
print(released, freed // 2**20, after // 2**20)
"""


# What would change where glibc puts the blocks: the caller's allocator settings (a lower
# mmap threshold gives each block a mapping of its own, freed at once) or another allocator.
ALLOCATOR_SETTINGS = ("GLIBC_TUNABLES", "LD_PRELOAD")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is a Linux call")
def test_release_free_memory_gives_freed_pages_back() -> None:
    """In a process with glibc's default settings, whatever this one was started with."""
    env = {name: value for name, value in os.environ.items()
           if name not in ALLOCATOR_SETTINGS and not name.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", FREED_THEN_RELEASED], capture_output=True, text=True, check=True,
                         env=env)
    released, freed, after = out.stdout.split()
    assert released == "True"
    assert int(freed) - int(after) >= 150, out.stdout  # most of the 200 MB freed leaves the process


def test_a_worker_releases_memory_after_each_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    analyzer = Analyzer(Options(), nlp=blank_model())
    monkeypatch.setattr(parallel, "_worker_analyzer", lambda options: analyzer)
    monkeypatch.setattr(parallel, "release_free_memory", lambda: calls.append(1) or True)
    items = [Article(id=f"m-{n}", text=f"Report {n} from the capital.", published="2024-05-01") for n in range(3)]
    analyses = parallel.analyze_chunk(Options(), items)
    assert [a.article.id for a in analyses] == [a.id for a in items]
    assert calls == [1]
    parallel.analyze_chunk_for_store(Options(), items)
    assert calls == [1, 1]
