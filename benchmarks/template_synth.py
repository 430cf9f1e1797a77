"""A deterministic synthetic site for template benchmarks: one host, chrome around unique articles.

Each page: a header of menus with a changing time and count, a headline and 8–15 paragraphs of
Zipf-distributed words (never repeated), a "most read" box of teasers drawn from 2,000
headlines, a newsletter line in five wordings and a footer with a changing year. About 45
lines and 3 KB a page.
"""
from __future__ import annotations

import numpy as np

MENU = ["Skip to content", "Home", "News", "World", "Business", "Politics", "Sport", "Culture",
        "Opinion", "Weather", "Search", "Sign in"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Terms of use", "Privacy policy",
          "Cookie settings", "Accessibility", "Site map", "Follow us on social media"]
NEWSLETTER = ["Get the Example Daily newsletter every {} morning", "Get the Example Daily newsletter every {} evening",
              "Sign up: the Example Daily newsletter every {} morning",
              "Get our Example Daily newsletter each {} morning",
              "Get the Example Daily newsletter every {} morning, free"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_site(n_pages: int, *, seed: int = 20261127, host: str = "example.com") -> list[dict]:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = np.array(["".join(rng.choice(letters, k)) for k in rng.integers(2, 11, 30_000)], dtype=object)
    weights = 1.0 / np.arange(1, vocab.size + 1) ** 1.05
    weights /= weights.sum()
    teasers = [" ".join(vocab[rng.integers(0, 3000, 7)]).capitalize() for _ in range(2000)]
    paragraphs = rng.integers(8, 16, n_pages)
    lengths = rng.integers(20, 41, int(paragraphs.sum()))
    words = vocab[rng.choice(vocab.size, size=int(lengths.sum()), p=weights)]
    cuts = np.concatenate(([0], np.cumsum(lengths)))
    sentences = [" ".join(words[cuts[i]:cuts[i + 1]]).capitalize() + "." for i in range(lengths.size)]
    pages, at = [], 0
    for i in range(n_pages):
        body = sentences[at:at + paragraphs[i]]
        at += paragraphs[i]
        lines = [
            *MENU,
            f"Updated {rng.integers(1, 60)} minutes ago",
            f"Top stories ({rng.integers(2, 50)})",
            body[0][:60].rstrip(".").title(),
            *body,
            "Most read",
            *(teasers[j] for j in rng.integers(0, len(teasers), 5)),
            NEWSLETTER[i % 5].format(DAYS[i % 7]),
            *FOOTER,
            f"© {2000 + i % 27} Example Media Ltd. All rights reserved.",
        ]
        pages.append({"host": host, "url": f"https://{host}/news/{i}", "text": "\n".join(lines)})
    return pages
