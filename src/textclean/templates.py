"""Site templates: the lines that most pages of a site repeat, learned once and passed in.

Learning is one streaming pass. Each line is normalized (case, whitespace, punctuation;
digits, dates and times masked) and hashed with its site's id as the seed; per distinct
line the learner counts the pages it is on, its summed relative position on the page and how
often it sat inside the page's main prose run (its "body share") or in the few lines just
before it, where a headline sits (its "head share"). Counts live in sorted numpy arrays
merged in batches, so memory grows with the distinct lines, not the pages; a line's text is
kept once it has been seen on two pages (the smallest form seen from the batch where that
happened on, so the model does not depend on page order within a batch of ~500k lines). At the end, per site, lines on at least ``min_share``
of the pages (and ``min_pages`` pages) are template lines; lines seen on two or more pages are
first grouped into fuzzy variants (MinHash LSH over character shingles proposes, rapidfuzz
confirms) whose page counts add up (capped at the site's pages: an upper bound, since one
page may hold two variants).

>>> pages = [{"host": "ex.com", "text": f"Home | News\\nA story about {w}.\\n© 2024 Ex"}
...          for w in ("cats", "dogs", "owls", "bees", "rain")]
>>> model = learn_templates(pages, group_by="host", min_pages=3)
>>> [(line.text, line.share) for line in model.sites["ex.com"].lines]
[('Home | News', 1.0), ('© 2024 Ex', 1.0)]
>>> model.match("ex.com", ["© 2025 Ex", "A story about owls."])[0][0].text
'© 2024 Ex'
"""
from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import regex
import xxhash
from datasketch import MinHashLSH
from rapidfuzz import fuzz

from .errors import ConfigError, IndexMismatchError, InputError
from .minhash import SCHEME, MinHasher, choose_bands
from .normalize import normalize
from .shingles import SHINGLE_HASH_VERSION, Shingling

FORMAT = "textclean-templates/1"
_SHINGLING = Shingling(kind="char", size=4)
_SENTENCE_END = regex.compile(r"[.!?؟。！？।…»\"”’')\]]\s*$")
# The lines just before a page's main prose run: where its headline, byline and date sit.
HEAD_LINES = 6
# Lines per batch merged into the counts: bounds the buffer, amortizes the sort.
_BATCH_LINES = 1 << 19


@dataclass(frozen=True, slots=True)
class TemplateParams:
    """How a model was learned; a saved model records them and they must match to load it."""

    min_share: float = 0.5
    min_pages: int = 3
    fuzzy_threshold: float = 0.85
    fuzzy_min_chars: int = 12
    num_perm: int = 64
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("min_share", "fuzzy_threshold"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be within (0, 1] (a share, not a percentage), got {value!r}")
        if not isinstance(self.min_pages, int) or self.min_pages < 2:
            raise ConfigError(f"min_pages must be a whole number of at least 2 (one page has no template), "
                              f"got {self.min_pages!r}")
        if not isinstance(self.fuzzy_min_chars, int) or self.fuzzy_min_chars < 1:
            raise ConfigError(f"fuzzy_min_chars must be a whole number of at least 1, got {self.fuzzy_min_chars!r}")

    @property
    def bands_rows(self) -> tuple[int, int]:
        # Variants above the rapidfuzz threshold share about half their 4-grams or more.
        return choose_bands(0.5, self.num_perm, recall=0.95)

    def describe(self) -> dict[str, Any]:
        bands, rows = self.bands_rows
        return {**asdict(self), "scheme": SCHEME, "shingles": _SHINGLING.describe(),
                "shingle_hash_version": SHINGLE_HASH_VERSION, "bands": bands, "rows": rows,
                "normalize": "mask_digits"}


@dataclass(frozen=True, slots=True)
class TemplateLine:
    """One template line of a site: its text as seen, on ``pages`` of the site's pages
    (``share`` of them), at mean relative ``position`` (0 top, 1 bottom), inside the page's
    prose run ``body_share`` of the time and in the ``HEAD_LINES`` before it ``head_share`` of
    the time, with the normalized ``variants`` that matched it."""

    text: str
    pages: int
    share: float
    position: float
    body_share: float
    head_share: float
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SiteTemplates:
    site: str
    pages: int
    lines: tuple[TemplateLine, ...]


class TemplateModel:
    """Template lines per site plus the parameters they were learned with.

    Build with :func:`learn_templates`, keep with :meth:`save` / :meth:`load`, pass to
    ``Cleaner(templates=model)``. Immutable; lookup tables are built on first use per site.
    """

    def __init__(self, params: TemplateParams, sites: Mapping[str, SiteTemplates]) -> None:
        self.params = params
        self.sites = dict(sorted(sites.items()))
        self._lookups: dict[str, _Lookup] = {}

    def __repr__(self) -> str:
        lines = sum(len(s.lines) for s in self.sites.values())
        return f"TemplateModel({len(self.sites)} sites, {lines} template lines)"

    def site_for(self, site: str | None) -> SiteTemplates | None:
        """The site's templates; with ``site=None`` the only site of a one-site model."""
        if site is None:
            return next(iter(self.sites.values())) if len(self.sites) == 1 else None
        return self.sites.get(site)

    def match(self, site: str | None, lines: Sequence[str]) -> list[tuple[TemplateLine, float] | None]:
        """For each raw line, its template line and similarity (0–1), or None."""
        templates = self.site_for(site)
        if templates is None or not templates.lines:
            return [None] * len(lines)
        key = templates.site
        if key not in self._lookups:
            self._lookups[key] = _Lookup(templates, self.params)
        return self._lookups[key].match([normalize(line, mask_digits=True) for line in lines])

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "params": self.params.describe(),
                "sites": {name: {"pages": s.pages, "lines": [asdict(line) for line in s.lines]}
                          for name, s in self.sites.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "model") -> TemplateModel:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            found = data.get("format") if isinstance(data, Mapping) else type(data).__name__
            raise IndexMismatchError(f"{source}: not a template model of format {FORMAT!r} (found {found!r}); "
                                     "relearn it with `textclean learn`")
        raw = dict(data["params"])
        params = TemplateParams(**{k: raw[k] for k in TemplateParams.__slots__})
        if raw != params.describe():
            raise IndexMismatchError(f"{source}: learned with other shingling or hashing ({raw}); "
                                     "relearn it with `textclean learn`")
        sites = {name: SiteTemplates(name, int(s["pages"]), tuple(
            TemplateLine(l["text"], int(l["pages"]), float(l["share"]), float(l["position"]),
                         float(l["body_share"]), float(l["head_share"]), tuple(l["variants"])) for l in s["lines"]))
            for name, s in data["sites"].items()}
        return cls(params, sites)

    def to_json(self) -> str:
        """The model as JSON text (stable order: equal models give equal text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` as JSON; :meth:`load` reads it back."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> TemplateModel:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a readable template model ({exc}); make one with `textclean learn`") from exc
        return cls.from_dict(data, source=str(path))


class _Lookup:
    """Exact variant lookup plus MinHash LSH + rapidfuzz for variants never seen in learning."""

    def __init__(self, templates: SiteTemplates, params: TemplateParams) -> None:
        self.params = params
        self.lines = templates.lines
        self.exact = {v: i for i, line in enumerate(self.lines) for v in line.variants}
        self.fuzzy = sorted((v, i) for v, i in self.exact.items() if len(v) >= params.fuzzy_min_chars)
        self.hasher = MinHasher(num_perm=params.num_perm, seed=params.seed, shingling=_SHINGLING)
        self.lsh = MinHashLSH(num_perm=params.num_perm, params=params.bands_rows)
        rows = self.hasher.signatures([v for v, _ in self.fuzzy], normalized=True)
        for n, row in enumerate(rows):
            self.lsh.insert(n, self.hasher.lean(row))

    def match(self, norms: Sequence[str]) -> list[tuple[TemplateLine, float] | None]:
        out: list[tuple[TemplateLine, float] | None] = [None] * len(norms)
        pending = []
        for n, norm in enumerate(norms):
            if norm in self.exact:
                out[n] = (self.lines[self.exact[norm]], 1.0)
            elif len(norm) >= self.params.fuzzy_min_chars and self.fuzzy:
                pending.append(n)
        if pending:
            rows = self.hasher.signatures([norms[n] for n in pending], normalized=True)
            for n, row in zip(pending, rows):
                best = max(((similarity(norms[n], self.fuzzy[c][0]), -c) for c in self.lsh.query(self.hasher.lean(row))),
                           default=(0.0, 0))
                if best[0] >= self.params.fuzzy_threshold:
                    out[n] = (self.lines[self.fuzzy[-best[1]][1]], round(best[0], 4))
        return out


def similarity(a: str, b: str) -> float:
    """rapidfuzz's ratio on the 0–1 scale (the one place it is converted)."""
    return fuzz.ratio(a, b) / 100.0


def is_prose(text: str, norm: str) -> bool:
    """A sentence-like line of at least ten words: what article bodies are made of."""
    return norm.count(" ") >= 9 and _SENTENCE_END.search(text) is not None


def body_region(prose: Sequence[bool], *, max_gap: int = 3) -> tuple[int, int] | None:
    """``(first, last)`` prose line of the page's main prose run: runs of prose lines that
    allow up to ``max_gap`` other lines between them; the run with most prose lines wins
    (the earlier on a tie). None when the page has no prose line."""
    best: tuple[int, int, int] | None = None
    start = last = count = -1
    for i, flag in enumerate(prose):
        if not flag:
            continue
        if count < 0 or i - last - 1 > max_gap:
            if count > 0 and (best is None or count > best[0]):
                best = (count, start, last)
            start, count = i, 0
        last, count = i, count + 1
    if count > 0 and (best is None or count > best[0]):
        best = (count, start, last)
    return None if best is None else (best[1], best[2])


GroupBy = str | Callable[[Mapping[str, Any]], str] | None


def site_of(record: Mapping[str, Any], group_by: GroupBy) -> str:
    """The site a record belongs to: ``group_by(record)``, its field ``group_by``, or — for
    ``"host"`` when the record has no such field — the host of its ``url`` field."""
    if group_by is None:
        return ""
    if callable(group_by):
        return str(group_by(record))
    value = record.get(group_by)
    if value is None and group_by == "host" and isinstance(record.get("url"), str):
        value = urlsplit(record["url"]).hostname
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
        self._reset_buffer()

    def _reset_buffer(self) -> None:
        # _b_place: 1 inside the page's main prose run, 2 in the HEAD_LINES before it, else 0.
        self._b_keys, self._b_pos, self._b_place = array("Q"), array("d"), array("b")
        self._b_site, self._b_text = array("i"), []

    def add(self, site: str, text: str) -> None:
        """Count the distinct lines of one page of ``site``."""
        sid = self.site_ids.setdefault(site, len(self.site_ids))
        if sid == len(self.site_pages):
            self.site_pages.append(0)
        self.site_pages[sid] += 1
        raw = [line.strip() for line in text.splitlines()]
        raw = [line for line in raw if line]
        norms = [normalize(line, mask_digits=True) for line in raw]
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
        norms = [normalize(t, mask_digits=True) for t in texts]
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
            hasher = MinHasher(num_perm=p.num_perm, seed=p.seed, shingling=_SHINGLING)
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
    learner = TemplateLearner(params or TemplateParams(**options))
    for record in pages:
        text = record.get(text_key)
        if not isinstance(text, str):
            raise InputError(f"page has no text field {text_key!r}; choose it with --text-key / text_key=")
        learner.add(site_of(record, group_by), text)
    return learner.model()
