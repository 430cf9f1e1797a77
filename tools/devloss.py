#!/usr/bin/env python3
"""List removals that cost gold words on a dev set (for tuning detectors, not shipped data).

    python tools/devloss.py readability --input residual [--preset default]

Prints, per reason, how many removed blocks were labelled `content` by the dev set's
alignment, and the worst of them, so a detector's false positives can be read.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import textclean

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", choices=["readability", "cleanportaleval"])
    parser.add_argument("--input", choices=["full", "residual"], default="residual")
    parser.add_argument("--preset", default="default")
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    cleaner = textclean.Cleaner(preset=args.preset)
    removed = Counter()
    wrong = Counter()
    examples = []
    for line in (DATA / args.dataset / "pages.jsonl").open(encoding="utf-8"):
        page = json.loads(line)
        lines = page["dumps"]["html_text"] if args.input == "full" else page["extractor_outputs"].get("trafilatura", [])
        label = {}
        for item in lines:
            label.setdefault(item["text"].strip(), item["label"])
        result = cleaner.clean("\n".join(item["text"] for item in lines))
        for span in result.removed:
            removed[span.reason.value] += 1
            if label.get(span.block_text) == "content":
                wrong[span.reason.value] += 1
                examples.append((page["id"], span.reason.value, span.block_text[:100], span.evidence[:90]))
    for reason, count in removed.most_common():
        print(f"{reason:14} removed {count:5}  labelled content {wrong[reason]:4}")
    for example in examples[: args.show]:
        print(*example, sep=" | ")


if __name__ == "__main__":
    main()
