"""Dev check for corpus dedup on CleanPortalEval: the same page in 11 versions.

Each page gives up to 11 documents: ``gold_text``, the two full-page dumps (``html_text``,
``inscriptis``) and eight extractors' outputs (lines joined). The script reports how the
clusters group them at the default settings, and the Jaccard threshold at which all extractor
outputs of a page fall into one cluster (containment kept at its default), together with how
many clusters mix pages at that threshold.

It also checks that a text inside many documents does not join them: each site with three or
more pages gets a chrome page (the dump lines most of its pages share, as its 404 page would
show them), and the article dumps removed with and without these pages are counted.

    python tools/dedup_devcheck.py [--data ../shared/data/cleanportaleval/pages.jsonl] [--json]

The data stays where it is; nothing from it is copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from textclean.config import DedupConfig
from textclean.dedup import dedup_records
from textclean.io import Record

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "cleanportaleval" / "pages.jsonl"
DUMPS = ("html_text", "inscriptis")


def load_versions(path: Path) -> list[Record]:
    """One record per (page, version); id ``page/version``; empty versions are left out."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        versions = {"gold": page["gold_text"]}
        versions.update({f"dump:{k}": "\n".join(x["text"] for x in page["dumps"].get(k) or []) for k in DUMPS})
        versions.update({f"ext:{k}": "\n".join(x["text"] for x in v or []) for k, v in page["extractor_outputs"].items()})
        for version, text in versions.items():
            if text.strip():
                records.append(Record(id=f"{page['id']}/{version}", text=text, source=str(path), fields={}))
    return records


def site_dumps(path: Path) -> tuple[list[Record], list[Record]]:
    """The ``html_text`` dumps, and one chrome page per site of three or more pages (the lines
    of its first dump that 80% of its dumps hold, around "Page not found.")."""
    by_site: dict[str, list[Record]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        text = "\n".join(x["text"] for x in page["dumps"].get("html_text") or [])
        if text.strip():
            by_site[re.sub(r"_\d+$", "", page["id"])].append(Record(id=page["id"], text=text, source=str(path), fields={}))
    chrome = []
    for site, dumps in by_site.items():
        counts = Counter(line for d in dumps for line in set(d.text.splitlines()) if line.strip())
        common = [line for line in dumps[0].text.splitlines() if line.strip() and counts[line] >= 0.8 * len(dumps)]
        if len(dumps) >= 3 and common:
            half = len(common) // 2
            chrome.append(Record(id=f"{site}/404", text="\n".join([*common[:half], "Page not found.", *common[half:]]),
                                 source=str(path), fields={}))
    return [d for dumps in by_site.values() for d in dumps], chrome


def dumps_removed(dumps: list[Record], chrome: list[Record]) -> dict:
    """Article dumps removed by dedup alone, and with the chrome pages among them."""
    alone = len(dedup_records(dumps).duplicates)
    mixed = dedup_records(dumps + chrome).duplicates
    return {"chrome_pages": len(chrome), "chrome_pages_removed": sum(d.id.endswith("/404") for d in mixed),
            "dumps_removed_alone": alone, "dumps_removed_with_chrome_pages": sum(not d.id.endswith("/404") for d in mixed)}


def clusters(records: list[Record], config: DedupConfig) -> dict[str, str]:
    """Each record id's cluster (the kept id)."""
    result = dedup_records(records, config=config)
    kept_of = {r.id: r.id for r in records}
    kept_of.update({d.id: d.duplicate_of for d in result.duplicates})
    return kept_of


def summarize(records: list[Record], kept_of: dict[str, str]) -> dict:
    by_page: dict[str, dict[str, str]] = defaultdict(dict)
    for doc_id, kept in kept_of.items():
        page, version = doc_id.split("/", 1)
        by_page[page][version] = kept
    members: dict[str, set[str]] = defaultdict(set)
    for doc_id, kept in kept_of.items():
        members[kept].add(doc_id.split("/", 1)[0])
    mixed = sum(len(pages) > 1 for pages in members.values())
    together = Counter()  # version -> pages where it is in gold's cluster
    all_extractors = 0
    clusters_per_page = []
    for page, versions in by_page.items():
        gold = versions.get("gold")
        for version, kept in versions.items():
            if version != "gold" and kept == gold:
                together[version] += 1
        ext = {k for v, k in versions.items() if v.startswith("ext:")}
        all_extractors += len(ext) == 1
        clusters_per_page.append(len(set(versions.values())))
    # Pairs of versions in one cluster, against pairs of versions of one page (page identity as
    # the data gives it: two pages of the set are one article, washingtonpost blog1_8 and _15).
    cluster_pages: dict[str, Counter] = defaultdict(Counter)
    for doc_id, kept in kept_of.items():
        cluster_pages[kept][doc_id.split("/", 1)[0]] += 1
    pairs = sum(_pairs(sum(c.values())) for c in cluster_pages.values())
    same_page = sum(_pairs(n) for c in cluster_pages.values() for n in c.values())
    page_pairs = sum(_pairs(len(versions)) for versions in by_page.values())
    return {
        "pages": len(by_page),
        "documents": len(kept_of),
        "pair_precision": round(same_page / pairs, 4) if pairs else 1.0,
        "pair_recall": round(same_page / page_pairs, 4),
        "clusters": len(members),
        "clusters_mixing_pages": mixed,
        "mean_clusters_per_page": round(sum(clusters_per_page) / len(clusters_per_page), 2),
        "pages_with_all_extractors_in_one_cluster": all_extractors,
        "in_gold_cluster_by_version": dict(sorted(together.items())),
    }


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no dev data at {args.data}; pass --data", file=sys.stderr)
        return 1
    records = load_versions(args.data)
    out = {"default": {"threshold": DedupConfig().threshold, **summarize(records, clusters(records, DedupConfig()))}}
    sweep = []
    for step in range(16, 0, -1):  # 0.80, 0.75, ... 0.05
        threshold = round(step * 0.05, 2)
        summary = summarize(records, clusters(records, DedupConfig(threshold=threshold)))
        sweep.append({"threshold": threshold, **{k: summary[k] for k in (
            "pages_with_all_extractors_in_one_cluster", "clusters_mixing_pages", "mean_clusters_per_page")}})
    out["sweep"] = sweep
    full = [s for s in sweep if s["pages_with_all_extractors_in_one_cluster"] == out["default"]["pages"]]
    out["highest_threshold_all_extractors_together"] = full[0]["threshold"] if full else None
    out["chrome_pages"] = dumps_removed(*site_dumps(args.data))
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    d = out["default"]
    print(f"{d['pages']} pages, {d['documents']} versions; default threshold {d['threshold']}: {d['clusters']} clusters, "
          f"{d['mean_clusters_per_page']} per page, {d['clusters_mixing_pages']} mixing pages, "
          f"{d['pages_with_all_extractors_in_one_cluster']} pages with all extractor outputs in one cluster; "
          f"pairs of versions in one cluster: precision {d['pair_precision']}, recall {d['pair_recall']}")
    print("versions in the gold text's cluster (pages):", d["in_gold_cluster_by_version"])
    print("threshold  pages-all-extractors-together  clusters-mixing-pages  clusters-per-page")
    for s in sweep:
        print(f"{s['threshold']:9.2f}  {s['pages_with_all_extractors_in_one_cluster']:29d}  "
              f"{s['clusters_mixing_pages']:21d}  {s['mean_clusters_per_page']:17.2f}")
    print("highest threshold with all extractor outputs of every page together:",
          out["highest_threshold_all_extractors_together"])
    c = out["chrome_pages"]
    print(f"article dumps removed: {c['dumps_removed_alone']} alone, {c['dumps_removed_with_chrome_pages']} with "
          f"{c['chrome_pages']} chrome pages among them ({c['chrome_pages_removed']} of which removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
