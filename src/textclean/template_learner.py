"""Learning site templates: one streaming pass over a corpus's pages, grouped by site.

Each line is normalized (case, whitespace, punctuation; digits, dates and times masked) and
hashed with its site's id as the seed; per distinct line the learner counts the pages it is on,
its summed relative position on the page and how often it sat inside the page's main prose run
(its "body share") or in the few lines just before it, where a headline sits (its "head
share"). Counts live in sorted numpy arrays merged in batches, so memory grows with the
distinct lines, not the pages; a line's text is kept once it has been seen on two pages (the
smallest form seen from the batch where that happened on, so the model does not depend on page
order within a batch of ~500k lines). At the end, per site, lines on at least ``min_share`` of
the pages (and ``min_pages`` pages) are template lines; lines seen on two or more pages are
first grouped into fuzzy variants (MinHash LSH over character shingles proposes, rapidfuzz
confirms) whose page counts add up (capped at the site's pages: an upper bound, since one page
may hold two variants).
"""
from __future__ import annotations

import math
import string
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import regex
import xxhash
from datasketch import MinHashLSH

from .errors import ConfigError, InputError
from .hard_wrap import unwrapped_lines
from .minhash import MinHasher
from .normalize import normalize
from .segment import stripped_lines
from .templates import (SHINGLING, HEAD_LINES, SiteTemplates, TemplateLine, TemplateModel, TemplateParams,
                        body_region, is_prose, line_key, similarity)

# normalized_lines' ASCII path: inside a line the only whitespace left is tab and space (other
# controls, which str.split() and regex's \s disagree on, take the per-line path).
_ASCII_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ASCII_DIGIT_RUN = regex.compile(r"[0-9]+(?:[\t .,:/-]*[0-9]+)*")
_ASCII_PUNCT_BYTES = bytes.maketrans(string.punctuation.encode(), b" " * len(string.punctuation))
# Lines per batch merged into the counts: bounds the buffer, amortizes the sort.
_BATCH_LINES = 1 << 19


def normalized_lines(lines: Sequence[str]) -> list[str]:
    """``[normalize(line, mask_digits=True) for line in lines]`` for lines without line breaks,
    with one lowercasing and one digit-masking pass over a page's ASCII lines (the same
    result, faster); other lines take :func:`normalize`."""
    page = "\n".join(lines)
    if not lines or _ASCII_CONTROL.search(page):
        return [normalize(line, mask_digits=True) for line in lines]
    # ASCII punctuation to spaces on the UTF-8 bytes: one C pass; bytes >= 0x80 stay, so it decodes.
    masked = _ASCII_DIGIT_RUN.sub("0", page.lower()).encode().translate(_ASCII_PUNCT_BYTES).decode().split("\n")
    return [" ".join(m.split()) if line.isascii() else normalize(line, mask_digits=True)
            for line, m in zip(lines, masked)]


GroupBy = str | Callable[[Mapping[str, Any]], str] | None


def site_of(record: Mapping[str, Any], group_by: GroupBy) -> str:
    """The site a record belongs to: ``group_by(record)``, its field ``group_by``, or — for
    ``"host"`` when the record has no such field — the host of its ``url`` field, without "www."."""
    if group_by is None:
        return ""
    if callable(group_by):
        return str(group_by(record))
    value = record.get(group_by)
    if value is None and group_by == "host" and isinstance(record.get("url"), str):
        try:
            value = urlsplit(record["url"]).hostname
        except ValueError as exc:  # "http://[bad/x": an unclosed IPv6 bracket
            raise InputError(f"its url {record['url'][:80]!r} has no readable host ({exc})") from None
        if value and value.startswith("www."):  # www.example.com and example.com are one site
            value = value[4:]
    if value is None:
        raise InputError(f"record has no field {group_by!r}" + (" and no 'url'" if group_by == "host" else "")
                         + "; choose the field that names the site with --group-key / group_by=")
    return str(value)


class TemplateLearner:
    """The streaming half of :func:`learn_templates`: :meth:`add` pages, then :meth:`model`."""

    def __init__(self, params: TemplateParams | None = None) -> None:
        self.params = params or TemplateParams()
        self.site_ids: dict[str, int] = {}
        self.site_pages: list[int] = []
        self.keys = np.empty(0, np.uint64)
        self.df = np.empty(0, np.int64)
        self.body = np.empty(0, np.int64)
        self.head = np.empty(0, np.int64)
        self.pos = np.empty(0, np.float64)
        self.site = np.empty(0, np.int32)
        self.texts: dict[int, str] = {}
        self._pages: set[int] = set()  # each distinct page once, by its site and lines
        self._reset_buffer()

    def _reset_buffer(self) -> None:
        # _b_place: 1 inside the page's main prose run, 2 in the HEAD_LINES before it, else 0.
        self._b_keys, self._b_pos, self._b_place = array("Q"), array("d"), array("b")
        self._b_site, self._b_text = array("i"), []

    def add(self, site: str, text: str) -> None:
        """Count the distinct lines of one page of ``site``. A page without text, or a copy of a
        page already counted (a crawl's http/https or utm-tagged duplicates), counts nothing:
        copies made their article lines look like the site's template."""
        raw = unwrapped_lines(stripped_lines(text))  # the cleaner's blocks
        norms = [norm or line for norm, line in zip(normalized_lines(raw), raw)]  # as line_key()
        page = xxhash.xxh3_64_intdigest("\0".join((site, *raw)).encode("utf-8", "surrogatepass"))  # exact copies
        if not any(norms) or page in self._pages:
            return
        self._pages.add(page)
        sid = self.site_ids.setdefault(site, len(self.site_ids))
        if sid == len(self.site_pages):
            self.site_pages.append(0)
        self.site_pages[sid] += 1
        region = body_region([is_prose(t, n) for t, n in zip(raw, norms)])
        first, last = region if region else (-1, -2)  # no prose: nothing is body or head
        scale = 1.0 / max(len(raw) - 1, 1)
        seen: set[int] = set()
        for i, norm in enumerate(norms):
            if not norm:
                continue
            key = xxhash.xxh3_64_intdigest(norm.encode(), seed=sid)
            if key in seen:  # a page counts once per line
                continue
            seen.add(key)
            self._b_keys.append(key)
            self._b_pos.append(i * scale)
            self._b_place.append(1 if first <= i <= last else 2 if first - HEAD_LINES <= i < first else 0)
            self._b_text.append(raw[i])
        self._b_site.extend([sid] * len(seen))
        if len(self._b_keys) >= _BATCH_LINES:
            self._merge()

    def _merge(self) -> None:
        if not self._b_keys:
            return
        new = np.frombuffer(self._b_keys, np.uint64)
        keys, inverse = np.unique(np.concatenate((self.keys, new)), return_inverse=True)
        n = keys.size

        def total(old: np.ndarray, added: Any, dtype: Any) -> np.ndarray:
            weights = np.concatenate((old, np.asarray(added, dtype=np.float64)))
            return np.bincount(inverse, weights=weights, minlength=n).astype(dtype)

        self.df = total(self.df, np.ones(new.size), np.int64)
        place = np.frombuffer(self._b_place, np.int8)
        self.body = total(self.body, place == 1, np.int64)
        self.head = total(self.head, place == 2, np.int64)
        self.pos = total(self.pos, np.frombuffer(self._b_pos, np.float64), np.float64)
        site = np.empty(n, np.int32)
        site[inverse] = np.concatenate((self.site, np.frombuffer(self._b_site, np.int32)))
        self.keys, self.site = keys, site
        # Keep a line's text once it is on two pages (only those can become template lines):
        # the smallest form seen, so the text does not depend on page order within a batch.
        new_inverse = inverse[inverse.size - new.size:]
        texts = self.texts
        for j in np.flatnonzero(self.df[new_inverse] >= 2).tolist():
            key, text = int(new[j]), self._b_text[j]
            if key not in texts or text < texts[key]:
                texts[key] = text
        self._reset_buffer()

    def model(self) -> TemplateModel:
        """The template lines of every site seen so far."""
        self._merge()
        names = {sid: name for name, sid in self.site_ids.items()}
        repeated = np.flatnonzero(self.df >= 2)
        by_site: dict[int, list[int]] = {sid: [] for sid in names}
        for j in repeated[np.argsort(self.site[repeated], kind="stable")].tolist():
            by_site[int(self.site[j])].append(j)
        sites = {names[sid]: self._site(names[sid], self.site_pages[sid], rows) for sid, rows in by_site.items()}
        return TemplateModel(self.params, sites)

    def _site(self, name: str, pages: int, rows: list[int]) -> SiteTemplates:
        need = max(self.params.min_pages, math.ceil(self.params.min_share * pages - 1e-9))
        texts = [self.texts[int(self.keys[j])] for j in rows]
        norms = [line_key(t) for t in texts]
        order = sorted(range(len(rows)), key=lambda k: norms[k])  # input order must not matter
        groups = self._variants([norms[k] for k in order])
        lines = []
        for group in groups:
            members = [order[g] for g in group]
            df = [int(self.df[rows[k]]) for k in members]
            count = min(pages, sum(df))
            if count < need:
                continue
            top = min(members, key=lambda k: (-int(self.df[rows[k]]), norms[k]))
            lines.append(TemplateLine(
                text=texts[top], pages=count, share=round(count / pages, 4),
                position=round(sum(float(self.pos[rows[k]]) for k in members) / sum(df), 4),
                body_share=round(sum(int(self.body[rows[k]]) for k in members) / sum(df), 4),
                head_share=round(sum(int(self.head[rows[k]]) for k in members) / sum(df), 4),
                variants=tuple(sorted(norms[k] for k in members))))
        lines.sort(key=lambda line: (line.position, line.variants))
        return SiteTemplates(name, pages, tuple(lines))

    def _variants(self, norms: list[str]) -> list[list[int]]:
        """Groups of indices of ``norms`` (sorted) that are fuzzy variants of each other."""
        parent = list(range(len(norms)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        p = self.params
        long = [i for i, n in enumerate(norms) if len(n) >= p.fuzzy_min_chars]
        if len(long) > 1:
            hasher = MinHasher(num_perm=p.num_perm, seed=p.seed, shingling=SHINGLING)
            lsh = MinHashLSH(num_perm=p.num_perm, params=p.bands_rows)
            for i, row in zip(long, hasher.signatures([norms[i] for i in long], normalized=True)):
                lean = hasher.lean(row)
                for other in sorted(lsh.query(lean)):
                    if find(i) != find(other) and similarity(norms[i], norms[other]) >= p.fuzzy_threshold:
                        parent[max(find(i), find(other))] = min(find(i), find(other))
                lsh.insert(i, lean)
        groups: dict[int, list[int]] = {}
        for i in range(len(norms)):
            groups.setdefault(find(i), []).append(i)
        return list(groups.values())


def learn_templates(
    pages: Iterable[Mapping[str, Any]],
    *,
    group_by: GroupBy = "host",
    text_key: str = "text",
    params: TemplateParams | None = None,
    **options: Any,
) -> TemplateModel:
    """Learn each site's template lines from its pages (mappings with a ``text_key`` field).

    ``group_by`` names the field holding the site (``"host"`` falls back to the host of a
    ``url`` field), or is a function of the record, or None for one site. Options are
    :class:`TemplateParams` fields (``min_share``, ``min_pages``, ``fuzzy_threshold``, ...).
    """
    if params is not None and options:  # the options were ignored
        name = next(iter(options))
        raise ConfigError(f"pass either params or options such as {name}=, not both; "
                          f"e.g. params=dataclasses.replace(params, {name}=...)")
    learner = TemplateLearner(params or TemplateParams(**options))
    for record in pages:
        if not isinstance(record, Mapping):
            raise TypeError(f"pages are mappings with a {text_key!r} field (a Record's are its .fields), "
                            f"got {type(record).__name__}")
        text = record.get(text_key)
        if not isinstance(text, str):
            raise InputError(f"page has no text field {text_key!r}; choose it with --text-key / text_key=")
        learner.add(site_of(record, group_by), text)
    return learner.model()
