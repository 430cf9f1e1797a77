"""Deterministic benchmark corpora: article-sized documents built from the seed and, when
present, the dev sets' extractor outputs (../shared/data); never random, never downloaded."""
from __future__ import annotations

import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_4ba80bf32c95347b.txt"
DEV_DATA = REPO.parent / "shared" / "data"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def dev_texts() -> list[str]:
    """Extractor outputs of the readability and cleanportaleval sets (empty when absent)."""
    texts = []
    for name in ("readability", "cleanportaleval"):
        path = DEV_DATA / name / "pages.jsonl"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                lines = json.loads(line)["extractor_outputs"].get("trafilatura", [])
                texts.append("\n".join(item["text"] for item in lines))
    return texts


def article_corpus(count: int = 1000, size: int = 5000) -> list[str]:
    """``count`` documents of about ``size`` characters: seed debris around dev-set prose."""
    rng = random.Random(20261127)
    seed_blocks = [b for b in seed_text().split("\n") if b.strip()]
    pool = [t for t in dev_texts() if len(t) > 500] or [seed_text()]
    corpus = []
    debris = len("\n\n".join(seed_blocks[:6] + seed_blocks[-3:]))
    for _ in range(count):
        body = ""
        while len(body) < size:
            body += pool[rng.randrange(len(pool))] + "\n"
        start = rng.randrange(len(body) - size + debris + 1)
        excerpt = body[start:start + size - debris]
        lines = seed_blocks[:6] + excerpt.split("\n") + seed_blocks[-3:]
        corpus.append("\n\n".join(lines))
    return corpus
