#!/usr/bin/env python3
"""Train the full-page model (`src/textclean/models/page_model.json`) and report held-out scores.

    python tools/train_page_model.py                 # cross-validation table, then train on all, write the model
    python tools/train_page_model.py --cv-only       # only the table
    python tools/train_page_model.py --variants      # held-out table of the region rules measured
    python tools/train_page_model.py --folds 5       # grouped 5-fold cross-validation over all three sets

Data provenance: the development sets in ../shared/data (see its README), never copied here.
- readability (Mozilla Readability's test pages, Apache-2.0) and cleanportaleval (CleanPortalEval,
  Endrédy & Novák 2013): every line of the `html_text` dump, labelled `content`/`boilerplate` by
  the sets' automatic alignment with the human gold text.
- trafilatura-eval (trafilatura's evaluation pages, Apache-2.0 repository): lines of the `full`
  dump that contain a `must_keep` snippet are content, those with a `must_drop` snippet are
  boilerplate, other lines are unlabelled (weight 0).
The model is logistic regression on standardized :data:`textclean.page_features.FEATURES`
(numpy Newton steps with an L2 penalty); rows are weighted by the square root of their token
count (a long paragraph is worth more of the article than a one-word menu item), and every page
weighs the same in total, as in the sets' macro-averaged scores.
Cross-validation holds out one whole set at a time (sites never straddle train and test): a
pessimistic test of new kinds of pages. ``--folds K`` also mixes the sets, in K folds grouped by
site (a CleanPortalEval site's pages stay in one fold), which estimates pages like the sets'.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from pathlib import Path

# One BLAS thread: the Newton steps' matrices are small, and on a shared 2-core machine OpenBLAS's
# default threads made a fit about 9x slower in CPU time.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the BLAS setting, which numpy reads on import)

from textclean.normalize import normalize
from textclean.page_features import FEATURES, page_features
from textclean.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MODEL = ROOT / "src" / "textclean" / "models" / "page_model.json"
SETS = ("readability", "cleanportaleval", "trafilatura-eval")
L2 = 1.0
# Region rules measured against the detector's (keyword options of low_content.keep_mask).
VARIANTS: dict[str, dict] = {
    "one region (the detector)": {},
    "line cost 0.1": {"line_cost": 0.1},
    "line cost 0.25": {"line_cost": 0.25},
    "further regions at p 0.5": {"second_region_p": 0.5},
    "further regions at p 0.4": {"second_region_p": 0.4},
    "line cost 0.25, further regions at p 0.35": {"line_cost": 0.25, "second_region_p": 0.35},
}


def load_set(name: str) -> list[dict]:
    """Pages of one set: text, blocks, features, per-block labels (1 content, 0 not, -1 unknown)."""
    pages = []
    for line in (DATA / name / "pages.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if name == "trafilatura-eval":
            text = row["full"]
            blocks = segment(text)
            labels = _snippet_labels(blocks, row["must_keep"], row["must_drop"])
            page = {"keep": row["must_keep"], "drop": row["must_drop"]}
        else:
            lines = row["dumps"]["html_text"]
            text = "\n".join(item["text"] for item in lines)
            blocks = segment(text)
            labels = [1 if item["label"] == "content" else 0 for item in lines if item["text"].strip()]
            if len(labels) != len(blocks):
                labels = [-1] * len(blocks)
            page = {"gold": row["gold_text"]}
        if not blocks:
            continue
        page.update(id=row["id"], set=name, text=text, blocks=blocks, x=page_features(blocks),
                    y=np.array(labels, dtype=np.int8))
        pages.append(page)
    return pages


def fold_of(page: dict, folds: int) -> int:
    """The page's fold: fixed by its site (CleanPortalEval) or page id, never by chance."""
    site = page["id"].rsplit("_", 1)[0] if page["set"] == "cleanportaleval" else page["id"]
    return zlib.crc32(site.encode("utf-8")) % folds


def _snippet_labels(blocks, keep: list[str], drop: list[str]) -> list[int]:
    keep_n = [normalize(s) for s in keep]
    drop_n = [normalize(s) for s in drop]
    labels = []
    for block in blocks:
        norm = normalize(block.text)
        k = any(s and s in norm for s in keep_n)
        d = any(s and s in norm for s in drop_n)
        labels.append(1 if k and not d else 0 if d and not k else -1)
    return labels


def fit(pages: list[dict], l2: float = L2) -> dict:
    """Logistic regression by Newton's method; returns the model as JSON-ready data."""
    x = np.vstack([p["x"] for p in pages])
    y = np.clip(np.concatenate([p["y"] for p in pages]), 0, 1).astype(np.float64)
    weight = np.concatenate([_page_weights(p) for p in pages])
    mean = np.average(x, axis=0, weights=weight)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=weight)) + 1e-6
    z = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(40):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (weight * (p - y)) + penalty * w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {
        "format": "textclean-page-model/1",
        "kind": "logistic_regression",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w[:-1]],
        "bias": round(float(w[-1]), 6),
    }


def _page_weights(page: dict) -> np.ndarray:
    """Labelled rows weighted by sqrt(tokens), each page summing to 100: every page counts alike,
    as in the sets' macro-averaged scores, however many lines it has or has labelled."""
    tokens = np.expm1(page["x"][:, FEATURES.index("log_tokens")])
    weight = np.where(page["y"] >= 0, np.sqrt(tokens + 1.0), 0.0)
    return weight / weight.sum() * 100 if weight.sum() > 0 else weight


def probabilities(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["mean"])) / np.array(model["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.array(model["weights"]) + model["bias"])))


def evaluate(pages: list[dict], keep_fn) -> str:
    """The devscore metric of the set: macro F1 (gold text) or must_keep / must_drop accuracy."""
    sys.path.insert(0, str(DATA.parent / "tools"))
    import devscore

    outs = ["\n".join(b.text for b, k in zip(p["blocks"], keep_fn(p)) if k) for p in pages]
    if "gold" in pages[0]:
        prec, rec, f1 = devscore.macro_prf([p["gold"] for p in pages], outs)
        return f"F1 {f1:.3f} P {prec:.3f} R {rec:.3f}"
    kept = dropped = nk = nd = 0
    for p, out in zip(pages, outs):
        o = devscore.norm(out)
        kept += sum(devscore.norm(s) in o for s in p["keep"])
        nk += len(p["keep"])
        dropped += sum(devscore.norm(s) not in o for s in p["drop"])
        nd += len(p["drop"])
    return f"must_keep {kept / nk:.3f} must_drop {dropped / nd:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--variants", action="store_true", help="held-out scores of the region rules in VARIANTS")
    parser.add_argument("--folds", type=int, metavar="K", help="grouped K-fold cross-validation over all sets, then stop")
    args = parser.parse_args()
    from textclean.detectors.low_content import keep_mask

    data = {name: load_set(name) for name in SETS}
    if args.folds:
        everything = [p for name in SETS for p in data[name]]
        for k in range(args.folds):
            model = fit([p for p in everything if fold_of(p, args.folds) != k])
            for page in everything:
                if fold_of(page, args.folds) == k:
                    page["p"] = probabilities(model, page["x"])
        for name in SETS:
            result = evaluate(data[name], lambda p: keep_mask(p["x"], p["p"]))
            print(f"{args.folds}-fold, scored on {name:17}: {result}")
        return
    if args.variants:
        for held_out in SETS:
            model = fit([p for name in SETS if name != held_out for p in data[name]])
            for page in data[held_out]:
                page["p"] = probabilities(model, page["x"])
            for label, options in VARIANTS.items():
                result = evaluate(data[held_out], lambda p: keep_mask(p["x"], p["p"], **options))
                print(f"held out {held_out:17} {label:42}: {result}")
        return
    for held_out in SETS:
        train = [p for name in SETS if name != held_out for p in data[name]]
        model = fit(train)
        result = evaluate(data[held_out], lambda p: keep_mask(p["x"], probabilities(model, p["x"])))
        print(f"held out {held_out:17} (trained on the other two): {result}")
    if args.cv_only:
        return
    everything = [p for name in SETS for p in data[name]]
    model = fit(everything)
    model["training"] = {
        "script": "tools/train_page_model.py", "sets": list(SETS), "pages": len(everything),
        "labelled_rows": int(sum((p["y"] >= 0).sum() for p in everything)), "l2": L2,
    }
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for name in SETS:
        result = evaluate(data[name], lambda p: keep_mask(p["x"], probabilities(model, p["x"])))
        print(f"trained on all, scored on {name:17}: {result}")
    print(f"wrote {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
