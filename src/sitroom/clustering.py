"""Which members form one event, decided from the pairs that match, the same way
whatever order the members came in.

Fusion scores pairs of members (`fusion.score`); a pair that passes is an *edge*. The
members of a neighbourhood are then grouped by taking the edges strongest first (ties by
the members' keys) and joining the two groups an edge connects unless some member of one
must stay apart from some member of the other (`apart`: one article's own events, the
user's splits, a veto between the two). The result depends only on the members, their
edges and `apart`, never on arrival order, so one batch and one article at a time give
the same events. Pure: the store reads and writes (`store/fusion.py`, `Fuser`).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Edge(Generic[K]):
    """Two members that match, and how well."""

    a: K
    b: K
    score: float


def cluster(nodes: Iterable[K], edges: Sequence[Edge[K]], apart: Callable[[K, K], bool],
            order: Callable[[K], object]) -> list[list[K]]:
    """The groups of `nodes`, each sorted by `order`, the groups sorted by their first
    member. `order` also breaks ties between edges of equal score."""
    groups: dict[K, list[K]] = {node: [node] for node in nodes}
    owner: dict[K, K] = {node: node for node in groups}
    ranked = sorted((e for e in edges if e.a in owner and e.b in owner),
                    key=lambda e: (-e.score, *sorted((order(e.a), order(e.b)))))  # type: ignore[type-var]
    for edge in ranked:
        left, right = owner[edge.a], owner[edge.b]
        if left == right:
            continue
        if any(apart(x, y) for x in groups[left] for y in groups[right]):
            continue
        keep, gone = sorted((left, right), key=order)  # type: ignore[type-var]
        groups[keep].extend(groups.pop(gone))
        for node in groups[keep]:
            owner[node] = keep
    out = [sorted(members, key=order) for members in groups.values()]  # type: ignore[type-var]
    return sorted(out, key=lambda members: order(members[0]))  # type: ignore[type-var]
