"""The story step's walk serves the rest of its batch: the links and story ids of the
stories it walked (`StoryIndex._relabel`) answer `linked` and `story_ids` without reading
the tables again, and answer them as the tables do."""
from __future__ import annotations

import sys
from typing import Any

import pytest

from sitroom.store import Store
from sitroom.store import fusion as store_fusion

from test_store import make_article, make_event

# One wire report as three outlets ran it (the story step links copies), and an unrelated report.
WIRE = ("Fighters of the Eastern Alliance shelled Walikale, Masisi and Pinga on Tuesday, Governor Jean Kabuya said. "
        "Kabuya said Walikale General Hospital took in 34 wounded from Masisi, Pinga and Kashebere. "
        "Alliance spokesman Paul Mutombo told Radio Okapi that the Walikale airstrip and the Lubero road "
        "were its targets, and that 12 soldiers of the Congolese army had surrendered at Kibua.")
TELLINGS = [
    WIRE,
    WIRE + " Aid groups said the road to Goma was closed.",
    "UPDATED. " + WIRE,
    "The central bank held its main lending rate at six percent on Thursday and said prices rose "
    "more slowly in the autumn than in the summer, while the currency firmed against the dollar.",
]


class Recording:
    """A connection that notes which function of store.fusion ran each statement, with
    the function that called that one."""

    def __init__(self, con: Any) -> None:
        self._con = con
        self.callers: list[str] = []

    def execute(self, sql: str, *args: Any) -> Any:
        caller = sys._getframe(1)
        self.callers.append(f"{caller.f_code.co_name} in {caller.f_back.f_code.co_name}")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _add(store: Store, i: int) -> None:
    article, sentences = make_article(f"t{i}", [TELLINGS[i]], published="2025-03-11")
    store.add_articles([(article, sentences, [make_event(f"e{i}", article, sentences[0], date="2025-03-11",
                                                         place=("Walikale", "COD", -1.4, 28.1))])])


def test_a_batch_reads_no_links_or_story_ids_past_its_walk() -> None:
    with Store.open(":memory:") as store:
        for i in range(2):
            _add(store, i)
        real = store._con
        recording = store._con = Recording(real)
        try:
            _add(store, 2)
        finally:
            store._con = real
        assert store.stories(["t2"]) == {"t0": ["t0", "t1", "t2"]}  # the batch joined the story
    assert "_relabel in add" in recording.callers  # the walk read the links (and the labels before it) ...
    past_walk = [c for c in recording.callers if c.split()[0] in ("linked", "story_ids") and not c.endswith("_relabel")]
    assert past_walk == []  # ... once for the batch


def test_the_walk_answers_as_the_tables_do(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[Any, Any]] = []
    original = store_fusion.Fuser.rebuild

    def compare_then_rebuild(self: store_fusion.Fuser) -> None:
        ids = sorted(self.stories._walked_links)
        fresh = store_fusion.StoryIndex(self.con, self.knowledge)  # nothing walked: reads the tables
        compared.append(((dict(self.stories.linked(ids)), self.stories.story_ids(ids)),
                         (dict(fresh.linked(ids)), fresh.story_ids(ids))))
        original(self)

    monkeypatch.setattr(store_fusion.Fuser, "rebuild", compare_then_rebuild)
    with Store.open(":memory:") as store:
        for i in range(len(TELLINGS)):
            _add(store, i)
    assert len(compared) == len(TELLINGS)
    for cached, read in compared:
        assert cached == read
    (links, labels), _ = compared[2]
    assert set(links) == {"t0", "t1", "t2"} and set(labels.values()) == {"t0"}
