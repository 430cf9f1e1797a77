"""kept_per_document: how one linked group's links become clusters, on random groups."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.clusters import HOLDS, INSIDE, SIMILAR, kept_per_document
from textclean.keep import KeepPolicy
from textclean.store import StoredDoc

POLICIES = [KeepPolicy.parse(k) for k in ("longest", "first", "most_complete", "latest:date")]


@st.composite
def groups(draw):
    n = draw(st.integers(1, 9))
    sizes = draw(st.lists(st.integers(10, 400), min_size=n, max_size=n))
    dates = draw(st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=n, max_size=n))
    docs = {f"d{i}": StoredDoc(f"d{i}", 5 * size, size, "", date) for i, (size, date) in enumerate(zip(sizes, dates))}
    links = []
    for a, b in draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=12)):
        if a == b:
            continue
        kind = draw(st.sampled_from([SIMILAR, INSIDE, HOLDS]))
        if kind != SIMILAR and sizes[a] == sizes[b]:
            kind = SIMILAR  # as link_kind says of equal sizes
        elif kind != SIMILAR:  # containment points from the smaller document to the larger
            kind = INSIDE if sizes[a] < sizes[b] else HOLDS
        links.append((f"d{a}", f"d{b}", kind))
    return docs, links


@settings(max_examples=300, deadline=None)
@given(groups(), st.sampled_from(POLICIES), st.randoms(use_true_random=False))
def test_clusters_follow_the_links_in_any_order(group, policy, rng):
    docs, links = group
    kept = kept_per_document(docs, links, policy)
    assert set(kept) == set(docs)
    assert all(kept[k] == k for k in kept.values())  # a kept copy keeps itself
    for a, b, kind in links:
        if kind == SIMILAR:
            assert kept[a] == kept[b]
    for doc_id in docs:  # a document linked to nothing keeps itself
        if not any(doc_id in link[:2] for link in links):
            assert kept[doc_id] == doc_id
    shuffled_docs = dict(random.Random(rng.random()).sample(list(docs.items()), len(docs)))
    reversed_links = [(b, a, {INSIDE: HOLDS, HOLDS: INSIDE}.get(k, k)) for a, b, k in links]
    rng.shuffle(reversed_links)
    assert kept_per_document(shuffled_docs, reversed_links, policy) == kept


def test_containment_alone_never_joins_two_containers():
    docs = {d.id: d for d in [StoredDoc("a", 500, 100, ""), StoredDoc("b", 400, 80, ""), StoredDoc("c", 100, 20, "")]}
    kept = kept_per_document(docs, [("c", "a", INSIDE), ("b", "c", HOLDS)], KeepPolicy.parse("longest"))
    assert kept == {"a": "a", "b": "b", "c": "a"}
