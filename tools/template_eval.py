#!/usr/bin/env python3
"""Leave-one-page-out evaluation of site templates on CleanPortalEval (../shared/data).

For each page: learn the templates of its site from the site's other pages, then clean the
page's full dump (``dumps.html_text``) with them. Prints per site:

- recurring boilerplate: dump lines labelled boilerplate whose normalized text (digits masked)
  is on at least one other page of the site, and the share of them the template detector
  alone removed; the same for lines on at least ``min_share`` of the other pages;
- gold loss: characters of gold-text words present in the dump but gone after template
  cleaning (word multisets), as a share of the gold text's characters;
- F1 (devscore's ``macro_prf``, 4-token shingles) of the page preset alone and of the page
  preset plus templates.

  python tools/template_eval.py [--data ../shared/data] [--min-share 0.5] [--min-pages 3] [--group-key site|host]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from textclean import Cleaner, learn_templates
from textclean.normalize import normalize
from textclean.template_learner import site_of
from textclean.templates import TemplateParams

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"\w+")
COUNTS = ("recur", "recur_removed", "share", "share_removed", "gold_chars", "gold_lost")


def load_devscore(tools: Path):
    spec = importlib.util.spec_from_file_location("devscore", tools / "devscore.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_chars(words: Counter) -> int:
    return sum(len(w) * n for w, n in words.items())


def evaluate(pages: list[dict], params: TemplateParams, macro_prf, group_key: str = "site") -> list[dict]:
    """Rows per site section; each held-out page learns from the other pages of its group."""
    by_site: dict[str, list[dict]] = defaultdict(list)
    groups: dict[str, list[dict]] = defaultdict(list)
    for page in pages:
        page["text"] = "\n".join(line["text"] for line in page["dumps"]["html_text"])
        by_site[page["site"]].append(page)
        groups[site_of(page, group_key)].append(page)
    page_cleaner = Cleaner(preset="page")
    rows = []
    for site, site_pages in sorted(by_site.items()):
        lines_df: Counter = Counter()
        for page in site_pages:
            lines_df.update({normalize(l["text"], mask_digits=True) for l in page["dumps"]["html_text"]})
        t = Counter()
        golds, page_only, page_tpl = [], [], []
        for held in site_pages:
            group = site_of(held, group_key)
            model = learn_templates([p for p in groups[group] if p is not held], group_by=group_key, params=params)
            alone = Cleaner(detectors_enabled=("template",), templates=model).clean(held["text"], site=group)
            both = Cleaner(preset="page", templates=model).clean(held["text"], site=group)
            removed = {span.block_text for span in alone.removed}
            n_others = max(len(site_pages) - 1, 1)
            for line in held["dumps"]["html_text"]:
                if line["label"] != "boilerplate" or not line["text"].strip():
                    continue
                df = lines_df[normalize(line["text"], mask_digits=True)] - 1
                gone = line["text"].strip() in removed
                if df >= 1:
                    t["recur"] += 1
                    t["recur_removed"] += gone
                if df >= max(params.min_pages, params.min_share * n_others):
                    t["share"] += 1
                    t["share_removed"] += gone
            gold = Counter(WORD.findall(held["gold_text"].casefold()))
            available = gold & Counter(WORD.findall(held["text"].casefold()))
            kept = gold & Counter(WORD.findall(alone.text.casefold()))
            t["gold_chars"] += gold_chars(gold)
            t["gold_lost"] += gold_chars(available - kept)
            golds.append(held["gold_text"])
            page_only.append(page_cleaner.clean(held["text"]).text)
            page_tpl.append(both.text)
        rows.append({"site": site, "pages": len(site_pages), **{k: t[k] for k in COUNTS},
                     "f1_page": macro_prf(golds, page_only)[2], "f1_page_tpl": macro_prf(golds, page_tpl)[2],
                     "golds": golds, "page_only": page_only, "page_tpl": page_tpl})
    return rows


def share(a: int, b: int) -> str:
    return f"{a / b:.2%}" if b else "–"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--tools", type=Path, default=ROOT.parent / "shared" / "tools")
    ap.add_argument("--min-share", type=float, default=TemplateParams().min_share)
    ap.add_argument("--min-pages", type=int, default=TemplateParams().min_pages)
    ap.add_argument("--group-key", default="site", help="learn per 'site' section (default) or per 'host' of the url")
    a = ap.parse_args()
    macro_prf = load_devscore(a.tools).macro_prf
    pages = [json.loads(line) for line in (a.data / "cleanportaleval" / "pages.jsonl").open(encoding="utf-8")]
    params = TemplateParams(min_share=a.min_share, min_pages=a.min_pages)
    rows = evaluate(pages, params, macro_prf, a.group_key)
    print("| site | pages | recurring boilerplate lines removed (≥1 other page) | "
          f"on ≥{params.min_share:.0%} of other pages | gold chars lost | F1 page | F1 page + templates |")
    print("|---|---|---|---|---|---|---|")
    total = Counter()
    for r in rows:
        for k in ("pages", *COUNTS):
            total[k] += r[k]
        print(f"| {r['site']} | {r['pages']} | {share(r['recur_removed'], r['recur'])} of {r['recur']} | "
              f"{share(r['share_removed'], r['share'])} of {r['share']} | {share(r['gold_lost'], r['gold_chars'])} | "
              f"{r['f1_page']:.3f} | {r['f1_page_tpl']:.3f} |")
    learnable = Counter()
    for r in rows:
        if r["pages"] > params.min_pages:  # leave-one-out leaves at least min_pages to learn from
            for k in COUNTS:
                learnable[k] += r[k]
    print(f"| sites with > {params.min_pages} pages | | {share(learnable['recur_removed'], learnable['recur'])} of "
          f"{learnable['recur']} | {share(learnable['share_removed'], learnable['share'])} of {learnable['share']} | "
          f"{share(learnable['gold_lost'], learnable['gold_chars'])} | | |")
    golds = [g for r in rows for g in r["golds"]]
    f1_page = macro_prf(golds, [x for r in rows for x in r["page_only"]])
    f1_tpl = macro_prf(golds, [x for r in rows for x in r["page_tpl"]])
    print(f"| all | {total['pages']} | {share(total['recur_removed'], total['recur'])} of {total['recur']} | "
          f"{share(total['share_removed'], total['share'])} of {total['share']} | "
          f"{share(total['gold_lost'], total['gold_chars'])} | {f1_page[2]:.3f} | {f1_tpl[2]:.3f} |")
    print(f"\nmacro P/R/F1 page preset:             {f1_page[0]:.3f} / {f1_page[1]:.3f} / {f1_page[2]:.3f}")
    print(f"macro P/R/F1 page preset + templates: {f1_tpl[0]:.3f} / {f1_tpl[1]:.3f} / {f1_tpl[2]:.3f}")


if __name__ == "__main__":
    main()
