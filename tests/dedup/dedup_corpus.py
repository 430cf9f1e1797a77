"""Small random corpora with planted near-duplicates, and a slow, obviously correct oracle."""
from __future__ import annotations

import random

from textclean.io import Record
from textclean.normalize import normalize


def make_corpus(seed: int, *, n_base: int = 40, vocab_size: int = 3000, prefix: str = "") -> list[Record]:
    """Base documents plus edited copies, teasers (prefixes) and copies with a new footer; and
    sites: a few bases of one site open with the same chrome text, which is also a document of
    its own (a site's empty page) lying inside each of them. Bases of a site have field ``site``."""
    rng = random.Random(seed)
    vocab = [f"w{rng.randrange(10**6)}" for _ in range(vocab_size)]
    chrome = [[rng.choice(vocab) for _ in range(60)] for _ in range(max(1, n_base // 10))]
    records = [Record(id=f"{prefix}site{s}", text=" ".join(words), source="gen", fields={})
               for s, words in enumerate(chrome)]
    for b in range(n_base):
        words = [rng.choice(vocab) for _ in range(rng.randint(60, 240))]
        fields = {"date": rng.randint(1, 9)}
        if b < 3 * len(chrome):  # three bases per site; the chrome is about half of each
            fields["site"] = b % len(chrome)
            words = chrome[fields["site"]] + words[:60]
        records.append(Record(id=f"{prefix}b{b}", text=" ".join(words), source="gen", fields=fields))
        for c in range(rng.randint(0, 3)):
            kind = rng.choice(["edit", "teaser", "footer", "exact"])
            copy = list(words)
            if kind == "edit":
                for _ in range(rng.randint(0, max(1, len(copy) // 25))):
                    copy[rng.randrange(len(copy))] = rng.choice(vocab)
            elif kind == "teaser":
                copy = copy[: int(len(copy) * rng.uniform(0.3, 1.0))]
            elif kind == "footer":
                copy = copy + [rng.choice(vocab) for _ in range(rng.randint(1, 30))]
            text = " ".join(copy).upper() if kind == "exact" else " ".join(copy)
            records.append(Record(id=f"{prefix}b{b}c{c}", text=text, source="gen", fields={"date": rng.randint(1, 9)}))
    rng.shuffle(records)
    return records


def oracle_sets(records: list[Record], size: int = 5) -> dict[str, frozenset]:
    out = {}
    for r in records:
        toks = normalize(r.text).split()
        if 0 < len(toks) < size:
            out[r.id] = frozenset([tuple(toks)])
        else:
            out[r.id] = frozenset(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))
    return out


def oracle_jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def oracle_containment(a: frozenset, b: frozenset) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small) if small else 0.0
