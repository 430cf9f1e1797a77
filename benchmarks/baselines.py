"""The baseline every benchmark is a ratio to: a C4-style line filter.

It is the kind of filter corpora use today (keep lines that end in terminal punctuation and
have at least three words; drop lines with "javascript" or "cookie"): a floor for per-line
work, so a ratio says what textclean's detectors cost on top.
"""
from __future__ import annotations

_TERMINAL = (".", "!", "?", '"', "”", "'")


def c4_line_filter(text: str) -> str:
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        lowered = stripped.lower()
        if stripped.endswith(_TERMINAL) and len(stripped.split()) >= 3 and "javascript" not in lowered and "cookie" not in lowered:
            kept.append(stripped)
    return "\n".join(kept)
