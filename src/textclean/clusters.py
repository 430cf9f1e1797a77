"""How verified links become duplicate clusters: near-copies join; a contained text joins one container.

A link between two documents is ``SIMILAR`` (the same text, Jaccard ≥ threshold, or each inside
the other) or directed: one lies inside the other (a teaser, a copy cut short). Union-find over
every link would let one short text inside two different documents join them, and all but one
would be removed: a site's chrome-only page (a 404, a cookie wall) lies inside every article
dump of that site. So near-copies are joined first, and then each group of near-copies that lies
inside others joins one of them: the one holding the document the keep policy prefers.

The documents linked in any way form a *linked group*, the unit an index recomputes when a
new link touches it; its clusters depend only on its documents and links, never on order.

>>> from textclean.store import StoredDoc
>>> docs = {d.id: d for d in [StoredDoc("a", 900, 90, ""), StoredDoc("b", 800, 80, ""), StoredDoc("chrome", 60, 12, "")]}
>>> links = [("chrome", "a", INSIDE), ("chrome", "b", INSIDE)]
>>> kept_per_document(docs, links, KeepPolicy.parse("longest"))
{'a': 'a', 'chrome': 'a', 'b': 'b'}
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .keep import KeepPolicy
from .store import StoredDoc

#: Kinds of link from a document to another: near-copies, or the first lies inside the second.
SIMILAR, INSIDE = "=", "<"
#: ... and the second lies inside the first (how the later document records an earlier one).
HOLDS = ">"


class UnionFind:
    """Union-find over document ids, with each root's member list."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def add(self, x: str) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.members[x] = [x]

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra


def kept_per_document(docs: Mapping[str, StoredDoc], links: Iterable[tuple[str, str, str]],
                      policy: KeepPolicy) -> dict[str, str]:
    """Each document's kept copy, for one linked group: ``docs`` by id, ``links`` as
    ``(a, b, kind)`` with kind ``SIMILAR``, ``INSIDE`` (a inside b) or ``HOLDS`` (b inside a)."""
    copies = UnionFind()
    for doc_id in docs:
        copies.add(doc_id)
    inside = []
    for a, b, kind in links:
        if kind == SIMILAR:
            copies.union(a, b)
        else:
            inside.append((a, b) if kind == INSIDE else (b, a))
    # Containers come before what they contain: a link points to a larger document, so to a
    # group of near-copies ranked higher by its largest member. A link against that order
    # (possible only through near-copies growing along a chain) is not followed.
    rank = {root: max((docs[m].size, m) for m in members) for root, members in copies.members.items()}
    containers: dict[str, set[str]] = {}
    for small, large in inside:
        s, big = copies.find(small), copies.find(large)
        if rank[big] > rank[s]:
            containers.setdefault(s, set()).add(big)
    cluster_of: dict[str, str] = {}
    clusters: dict[str, list[str]] = {}
    for root in sorted(rank, key=rank.__getitem__, reverse=True):
        outer = containers.get(root)
        if outer:
            preferred = policy.choose([docs[m] for group in outer for m in copies.members[group]])
            cluster = cluster_of[copies.find(preferred)]
        else:
            cluster = root
        cluster_of[root] = cluster
        clusters.setdefault(cluster, []).extend(copies.members[root])
    kept: dict[str, str] = {}
    for members in clusters.values():
        choice = policy.choose([docs[m] for m in members])
        kept.update((m, choice) for m in members)
    return kept
