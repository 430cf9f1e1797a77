"""Full-page cleaning speed (the `page` and `auto` presets), as a ratio to a C4-style line filter in the same session.

    pytest benchmarks/test_bench_page.py --benchmark-enable

The pages are full-page dumps of about 10 KB: the trafilatura-eval set's pages of 5–15 KB
when ../shared/data is present, otherwise pages built deterministically from the seed (a menu,
the seed article, related links and a footer). The goal is 300 pages a second per core; the
baseline in the same run makes the number comparable across machines.
"""
from __future__ import annotations

import json
import time

import pytest

import textclean

from baselines import c4_line_filter
from corpus import DEV_DATA, seed_text

_MENU = "\n".join(["Home", "News", "World", "Business", "Sport", "Culture", "Search", "Sign in"] * 3)
_FOOTER = "\n".join(["Most read", "Storm closes roads", "Local team wins the cup", "About us", "Contact",
                     "Privacy policy", "Terms of use", "© 2024 Example Media Ltd"] * 3)


def full_pages(count: int = 300) -> list[str]:
    path = DEV_DATA / "trafilatura-eval" / "pages.jsonl"
    pages = []
    if path.exists():
        for line in path.open(encoding="utf-8"):
            text = json.loads(line)["full"]
            if 5_000 <= len(text.encode("utf-8")) <= 15_000:
                pages.append(text)
    if not pages:
        pages = [f"{_MENU}\n{seed_text()}\n{_FOOTER}"]
    return [pages[i % len(pages)] for i in range(count)]


PAGES = full_pages()
PAGES_KB = sum(len(t.encode("utf-8")) for t in PAGES) / len(PAGES) / 1000


@pytest.fixture(scope="module")
def page_cleaner():
    return textclean.Cleaner(preset="page")


@pytest.mark.benchmark(group="page")
def test_page_baseline_c4_filter(benchmark):
    benchmark.extra_info["pages"] = len(PAGES)
    benchmark.extra_info["mean_kb"] = round(PAGES_KB, 1)
    benchmark.pedantic(lambda: [c4_line_filter(t) for t in PAGES], rounds=5, iterations=1)


@pytest.mark.benchmark(group="page")
def test_page_preset(benchmark, page_cleaner):
    benchmark.extra_info["pages"] = len(PAGES)
    benchmark.extra_info["mean_kb"] = round(PAGES_KB, 1)
    # Each result is let go once its text is taken, as the CLI does after writing it: holding
    # every CleanResult would add the garbage collector's full passes over them (10–20%).
    results = benchmark.pedantic(lambda: [page_cleaner.clean(t).text for t in PAGES], rounds=5, iterations=1)
    assert len(results) == len(PAGES)


@pytest.mark.benchmark(group="page")
def test_auto_preset_on_dumps(benchmark):
    """``--preset auto`` on the same dumps: its full-page test plus the page preset, measured once."""
    auto = textclean.Cleaner(preset="auto")
    results = benchmark.pedantic(lambda: [auto.clean(t).preset for t in PAGES], rounds=5, iterations=1)
    assert results.count("page") >= 0.8 * len(PAGES)


def test_page_speed_ratio(page_cleaner, request):
    """Pages per CPU-second of the page preset and its cost relative to the C4 filter (printed with -s)."""
    if not request.config.getoption("benchmark_enable", default=False):
        pytest.skip("speed is measured with --benchmark-enable")

    def cpu_seconds(fn) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for text in PAGES:
                fn(text)
            best = min(best, time.process_time() - start)
        return best

    page = cpu_seconds(page_cleaner.clean)
    baseline = cpu_seconds(c4_line_filter)
    rate = len(PAGES) / page
    print(f"\npage preset: {rate:.0f} pages/s per core ({PAGES_KB:.1f} KB mean), "
          f"{page / baseline:.1f}x the C4 line filter's time ({len(PAGES) / baseline:.0f} pages/s)")
    assert rate > 0
