"""DedupIndex against a slow oracle; order independence; keep policies; the query API."""
from __future__ import annotations

import itertools
import random

import pytest

from textclean.dedup import DedupConfig, DedupIndex, dedup_records
from textclean.errors import ConfigError, InputError
from textclean.io import Record

from dedup_corpus import make_corpus, oracle_containment, oracle_jaccard, oracle_sets

CONFIG = DedupConfig()


def clusters_of(result, records):
    kept_of = {r.id: r.id for r in records}
    kept_of.update({d.id: d.duplicate_of for d in result.duplicates})
    groups: dict[str, set[str]] = {}
    for doc, kept in kept_of.items():
        groups.setdefault(kept, set()).add(doc)
    return {frozenset(g) for g in groups.values()}, kept_of


@pytest.mark.parametrize("seed", range(8))
def test_verified_pairs_are_true_and_recall_is_high(seed):
    records = make_corpus(seed)
    sets = oracle_sets(records)
    with DedupIndex(CONFIG) as index:
        index.add(records)
        result = index.result()
        links = index.links
    ct = CONFIG.containment_threshold
    for a, b in links:  # precision: every verified link is a true duplicate pair
        assert (oracle_jaccard(sets[a], sets[b]) >= CONFIG.threshold
                or (oracle_containment(sets[a], sets[b]) >= ct
                    and min(len(sets[a]), len(sets[b])) >= CONFIG.min_contained_shingles)), (a, b)
    _, kept_of = clusters_of(result, records)
    true_pairs = [(a, b) for a, b in itertools.combinations(sets, 2)
                  if oracle_jaccard(sets[a], sets[b]) >= CONFIG.threshold + 0.05]
    assert true_pairs, "the corpus must plant near-duplicates"
    found = sum(kept_of[a] == kept_of[b] for a, b in true_pairs)
    assert found / len(true_pairs) >= 0.99


def test_recall_over_many_corpora_is_at_least_099():
    found = total = 0
    for seed in range(100, 130):
        records = make_corpus(seed, n_base=25)
        sets = oracle_sets(records)
        result = dedup_records(records)
        _, kept_of = clusters_of(result, records)
        for a, b in itertools.combinations(sets, 2):
            if oracle_jaccard(sets[a], sets[b]) >= CONFIG.threshold + 0.05:
                total += 1
                found += kept_of[a] == kept_of[b]
    assert total > 100
    assert found / total >= 0.99


def test_duplicate_records_report_exact_similarities():
    records = make_corpus(3)
    sets = oracle_sets(records)
    result = dedup_records(records)
    kept_ids = {r.id for r in result.kept}
    assert result.duplicates
    for dup in result.duplicates:
        assert dup.duplicate_of in kept_ids and dup.id not in kept_ids
        assert dup.similarity == pytest.approx(oracle_jaccard(sets[dup.id], sets[dup.duplicate_of]), abs=2e-4)
        assert dup.containment == pytest.approx(oracle_containment(sets[dup.id], sets[dup.duplicate_of]), abs=2e-4)
        assert dup.reason in ("exact", "near_duplicate", "contained", "chained")
    assert {d.reason for d in result.duplicates} >= {"exact", "near_duplicate", "contained"}


@pytest.mark.parametrize("keep", ["longest", "first", "most_complete", "earliest:date", "latest:date"])
def test_same_clusters_and_kept_whatever_the_input_order(keep):
    records = make_corpus(11)
    config = DedupConfig(keep=keep)
    reference = dedup_records(records, config=config)
    ref_clusters, ref_kept = clusters_of(reference, records)
    for shuffle_seed in range(4):
        shuffled = list(records)
        random.Random(shuffle_seed).shuffle(shuffled)
        # Batches of different sizes too: the index must not depend on how input is cut.
        result = dedup_records(shuffled, config=config, batch_size=7 + shuffle_seed * 13)
        clusters, kept_of = clusters_of(result, shuffled)
        assert clusters == ref_clusters
        assert kept_of == ref_kept
        assert result.duplicates == reference.duplicates


@pytest.mark.parametrize("seed", range(4))
def test_a_text_inside_different_documents_never_joins_them(seed):
    # A site's chrome text (its empty page) lies inside three different articles of the site:
    # union-find over every link would remove two of them as copies of the third.
    records = make_corpus(seed)
    result = dedup_records(records)
    _, kept_of = clusters_of(result, records)
    sites: dict[int, list[str]] = {}
    for r in records:
        if "site" in r.fields:
            sites.setdefault(r.fields["site"], []).append(r.id)
    assert sites and all(len(bases) == 3 for bases in sites.values())
    for site, bases in sites.items():
        assert len({kept_of[b] for b in bases}) == 3, bases
        chrome = next(d for d in result.duplicates if d.id.endswith(f"site{site}"))
        assert chrome.reason == "contained" and chrome.duplicate_of in {kept_of[b] for b in bases}


def test_a_contained_text_joins_the_container_the_keep_policy_prefers():
    chrome = " ".join(f"menu{i}" for i in range(60))
    records = [Record(id="short", text=chrome + " " + " ".join(f"a{i}" for i in range(50)), source="-"),
               Record(id="long", text=chrome + " " + " ".join(f"b{i}" for i in range(60)), source="-"),
               Record(id="chrome", text=chrome, source="-")]
    removed = {keep: [(d.id, d.duplicate_of, d.reason) for d in dedup_records(records, config=DedupConfig(keep=keep)).duplicates]
               for keep in ("longest", "first")}
    # "first" prefers the container "long" (before "short"), then keeps "chrome" in that cluster.
    assert removed == {"longest": [("chrome", "long", "contained")], "first": [("long", "chrome", "contained")]}
    # A chain of containment is one cluster: a teaser of a teaser is a copy of the full text.
    full = " ".join(f"t{i}" for i in range(200))
    chain = [Record(id=f"cut{n}", text=" ".join(full.split()[:n]), source="-") for n in (200, 130, 80)]
    assert [r.id for r in dedup_records(chain).kept] == ["cut200"]


def test_keep_policies_pick_the_stated_copy():
    base = " ".join(f"word{i}" for i in range(100))
    records = [
        Record(id="doc10", text=base + " extra tail words here", source="-", fields={"date": "2024-01-02"}),
        Record(id="doc9", text=base, source="-", fields={"date": "2024-03-01"}),
        Record(id="doc11", text=base + " tail", source="-", fields={}),
    ]
    kept = {k: [r.id for r in dedup_records(records, config=DedupConfig(keep=k)).kept]
            for k in ("longest", "first", "earliest:date", "latest:date", "most_complete")}
    assert kept == {"longest": ["doc10"], "first": ["doc9"], "earliest:date": ["doc10"],
                    "latest:date": ["doc9"], "most_complete": ["doc10"]}


def test_a_nan_keep_value_counts_as_missing_whatever_the_order():
    # NaN compares false with everything, so max() over it depended on input order.
    base = " ".join(f"word{i}" for i in range(100))
    dates = {"a": "2024-01-02", "b": float("nan"), "c": "2023-05-01"}
    for order in itertools.permutations(dates):
        records = [Record(id=i, text=base + "!" * n, source="-", fields={"date": dates[i]}) for n, i in enumerate(order)]
        assert [r.id for r in dedup_records(records, config=DedupConfig(keep="latest:date")).kept] == ["a"]
        assert [r.id for r in dedup_records(records, config=DedupConfig(keep="earliest:date")).kept] == ["c"]


def test_ids_with_digits_that_are_not_decimal_are_compared_as_text():
    text = "the quick brown fox jumps over the lazy dog and then runs far away"
    records = [Record(id="p1²", text=text, source="-"), Record(id="p1", text=text + "!", source="-"),
               Record(id="p١٠", text=text + "?", source="-")]  # Arabic-Indic 10
    assert [r.id for r in dedup_records(records, config=DedupConfig(keep="first")).kept] == ["p1"]


def test_teaser_is_contained_and_short_text_is_not():
    article = " ".join(f"token{i}" for i in range(200))
    records = [
        Record(id="full", text=article, source="-"),
        Record(id="teaser", text=" ".join(article.split()[:120]) + " ...", source="-"),
        Record(id="tiny", text=" ".join(article.split()[:6]), source="-"),
    ]
    result = dedup_records(records)
    # 116 of 196 shingles: "..." normalizes away.
    assert [d.to_json() for d in result.duplicates] == [
        {"id": "teaser", "duplicate_of": "full", "similarity": 0.5918, "containment": 1.0, "reason": "contained"}
    ]
    assert [r.id for r in result.kept] == ["full", "tiny"]


def test_containment_can_be_turned_off():
    article = " ".join(f"token{i}" for i in range(200))
    records = [Record(id="full", text=article, source="-"),
               Record(id="teaser", text=" ".join(article.split()[:120]), source="-")]
    result = dedup_records(records, config=DedupConfig(containment_threshold=None))
    assert [r.id for r in result.kept] == ["full", "teaser"]


def test_query_says_what_was_seen_without_adding():
    records = make_corpus(5)
    with DedupIndex() as index:
        index.add(records)
        size = len(index.store)
        target = records[0]
        matches = index.query(target.text)
        assert matches[0].duplicate_of == target.id or matches[0].similarity == 1.0
        assert matches[0].reason == "exact"
        assert index.query("nothing like anything in the corpus at all, really") == []
        assert len(index.store) == size


def test_query_lists_what_the_text_lies_inside_not_what_lies_inside_it():
    # A teaser is inside the full text: querying the full text against an indexed teaser used
    # to answer "a copy of the teaser" (contained), though adding it keeps it and removes the teaser.
    full = " ".join(f"w{i}" for i in range(100))
    teaser = " ".join(f"w{i}" for i in range(70))
    with DedupIndex() as index:
        index.add([Record(id="teaser", text=teaser, source="-")])
        assert index.query(full) == []
    with DedupIndex() as index:
        index.add([Record(id="full", text=full, source="-")])
        assert [(d.duplicate_of, d.reason) for d in index.query(teaser)] == [("full", "contained")]


def test_duplicate_ids_are_refused_with_a_hint():
    records = [Record(id="x", text="a b c", source="f.jsonl", line=1),
               Record(id="x", text="d e f", source="f.jsonl", line=2)]
    with pytest.raises(InputError, match=r"f.jsonl:2: document id 'x' appears twice.*--id-key"):
        dedup_records(records)


def test_config_is_validated_with_a_fix():
    with pytest.raises(ConfigError, match="0.8 is usual"):
        DedupConfig(threshold=1.5)
    with pytest.raises(ConfigError, match=r"containment_threshold must be within \(0, 1\].*got '0.9'"):
        DedupConfig(containment_threshold="0.9")  # a string from a config file is an error, not a TypeError
    with pytest.raises(ConfigError, match="unknown keep policy"):
        DedupConfig(keep="random")
    with pytest.raises(ConfigError, match="shingling must be a Shingling, got 'word'"):
        DedupConfig(shingling="word")
    with pytest.raises(ConfigError, match="num_perm must be a whole number between 2 and 1024, got 2048"):
        DedupConfig(num_perm=2048)  # accepted, then refused by the MinHasher after the index was written
    with pytest.raises(ConfigError, match=r"containment_recall must be within \(0, 1\)"):
        DedupConfig(containment_recall=2)  # the error named 'recall'
    with pytest.raises(ConfigError, match=r"containment_recall must be within \(0, 1\)"):
        DedupConfig(containment_threshold=None, containment_recall=5)  # accepted with containment off
    with pytest.raises(ConfigError, match="unknown keep policy 5"):
        DedupConfig(keep=5)  # an AttributeError
    with pytest.raises(ConfigError, match="min_contained_shingles must be a whole number of at least 1, got -1"):
        DedupConfig(min_contained_shingles=-1)
    with pytest.raises(ConfigError, match="batch_size must be a whole number of at least 1, got 0"):
        dedup_records([Record(id="a", text="a text", source="-")], batch_size=0)  # it returned nothing
    with pytest.raises(TypeError, match="a Record's id is a string, got 1"):
        Record(id=1, text="a text", source="-")
    bands, rows = DedupConfig().bands_rows
    assert bands * rows <= 128
    curve = dict(DedupConfig().s_curve())
    assert curve[0.8] >= 0.99 and curve[0.1] < 0.1
    assert DedupConfig(containment_threshold=None).bands_rows == (21, 6)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SMALL = make_corpus(17, n_base=12)
_SMALL_REFERENCE = dedup_records(_SMALL).duplicates


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(len(_SMALL))), batch_size=st.integers(1, 40))
def test_any_order_and_batching_gives_the_same_duplicates(order, batch_size):
    shuffled = [_SMALL[i] for i in order]
    assert dedup_records(shuffled, batch_size=batch_size).duplicates == _SMALL_REFERENCE


def test_an_index_holding_only_ids_gives_the_same_answer():
    records = make_corpus(5)
    held = dedup_records(records, config=CONFIG, batch_size=50)
    ids_only = dedup_records(records, config=CONFIG, batch_size=50, hold_records=False)
    assert held.kept and held.kept_ids == [r.id for r in held.kept]
    assert ids_only.kept == [] and ids_only.kept_ids == held.kept_ids
    assert ids_only.duplicates == held.duplicates
