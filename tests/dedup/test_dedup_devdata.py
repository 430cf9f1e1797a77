"""Dedup on CleanPortalEval's 11 versions of each page (skipped when the dev data is absent)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from textclean.config import DedupConfig

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "cleanportaleval" / "pages.jsonl"
pytestmark = pytest.mark.skipif(not DATA.exists(), reason=f"dev data not found at {DATA}")


@pytest.fixture(scope="module")
def devcheck():
    spec = importlib.util.spec_from_file_location("dedup_devcheck", REPO / "tools" / "dedup_devcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records(devcheck):
    return devcheck.load_versions(DATA)


def test_default_settings_group_a_pages_versions(devcheck, records):
    summary = devcheck.summarize(records, devcheck.clusters(records, DedupConfig()))
    assert summary["pages"] == 71
    # Measured: 65 of 71 pages have all eight extractor outputs in one cluster, 1.31 clusters per
    # page, and 2 clusters that mix pages (see tools/dedup_devcheck.py). A page's two dumps
    # hold its extracted texts but are not near-copies of them or of each other, so they form
    # clusters of their own (containment joins a text to one container, never two containers).
    assert summary["pages_with_all_extractors_in_one_cluster"] >= 63
    assert summary["mean_clusters_per_page"] <= 1.35
    assert summary["clusters_mixing_pages"] <= 3
    # Pairs of versions sharing a cluster that are one page: 0.9765 (0.9592 while containment
    # joined containers); recall 0.9346 (0.9493).
    assert summary["pair_precision"] >= 0.97 and summary["pair_recall"] >= 0.92


def test_a_low_threshold_puts_all_extractor_outputs_together(devcheck, records):
    summary = devcheck.summarize(records, devcheck.clusters(records, DedupConfig(threshold=0.2)))
    assert summary["pages_with_all_extractors_in_one_cluster"] == 71


def test_a_sites_chrome_page_removes_no_article(devcheck):
    # Before containment stopped joining containers, 2 chrome pages removed 10 of 71 articles.
    counts = devcheck.dumps_removed(*devcheck.site_dumps(DATA))
    assert counts["chrome_pages"] >= 3 and counts["chrome_pages_removed"] >= 1
    assert counts["dumps_removed_with_chrome_pages"] == counts["dumps_removed_alone"]
