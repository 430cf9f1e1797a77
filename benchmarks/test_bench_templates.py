"""Learning site templates: 100,000 pages of one synthetic site on one core (target ≤ 60 s).

Run: ``pytest benchmarks/test_bench_templates.py --benchmark-enable -s``. With benchmarks
disabled (the default) the test runs once on 2,000 pages and checks what was learned.
"""
from __future__ import annotations

import json

import pytest

from template_synth import FOOTER, MENU, make_site
from textclean import learn_templates

PAGES = 100_000
TARGET_SECONDS = 60.0


def enabled(benchmark) -> bool:
    return not getattr(benchmark, "disabled", True)


@pytest.fixture(scope="module")
def site(request):
    return make_site(PAGES if request.config.getoption("benchmark_enable", False) else 2_000)


def test_learn_templates_one_site(benchmark, site):
    model = benchmark.pedantic(learn_templates, args=(site,), kwargs={"group_by": "host"},
                               rounds=3 if enabled(benchmark) else 1, iterations=1)
    lines = model.sites["example.com"].lines
    texts = {line.text for line in lines}
    assert set(MENU) | set(FOOTER) | {"Most read"} <= texts
    assert sum(line.text.startswith("Updated") for line in lines) == 1  # one line, counts masked
    assert sum("Example Daily" in line.text for line in lines) == 1  # five wordings, one line
    assert len(lines) == len(MENU) + len(FOOTER) + 5  # + updated, top stories, most read, newsletter, ©
    if enabled(benchmark):
        median = benchmark.stats.stats.median
        figures = {"pages": len(site), "median_s": round(median, 2), "pages_per_s": round(len(site) / median),
                   "mb": round(sum(len(p["text"]) for p in site) / 1e6, 1)}
        benchmark.extra_info.update(figures)
        print("\n" + json.dumps(figures))
        assert median <= TARGET_SECONDS
