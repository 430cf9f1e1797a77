"""Site templates: the lines that most pages of a site repeat, as a model that is passed in.

A :class:`TemplateModel` holds, per site, its template lines (:class:`TemplateLine`): the text,
the share of the site's pages it is on, where on the page it sits, and its normalized variants.
It is learned by :func:`textclean.template_learner.learn_templates` (``textclean learn``),
saved as versioned JSON with its parameters, and refuses a file of another format or other
parameters. :meth:`TemplateModel.match` finds each line's template line: exactly by its
normalized form (digits masked), else by MinHash LSH over character 4-grams confirmed with
rapidfuzz (0–1).

>>> from textclean import learn_templates
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
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from datasketch import MinHashLSH
from rapidfuzz import fuzz

from .errors import IndexMismatchError, InputError, check_count, check_share
from .io import open_binary
from .minhash import SCHEME, MinHasher, choose_bands
from .normalize import SENTENCE_END, normalize, word_count
from .output import atomic_output
from .shingles import SHINGLE_HASH_VERSION, Shingling

FORMAT = "textclean-templates/1"
SHINGLING = Shingling(kind="char", size=4)
# The lines just before a page's main prose run: where its headline, byline and date sit.
HEAD_LINES = 6


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
            check_share(name, getattr(self, name), zero=False)
        check_count("min_pages", self.min_pages, low=2, why=" (one page has no template)")
        check_count("fuzzy_min_chars", self.fuzzy_min_chars)

    @property
    def bands_rows(self) -> tuple[int, int]:
        # Variants above the rapidfuzz threshold share about half their 4-grams or more.
        return choose_bands(0.5, self.num_perm, recall=0.95)

    def describe(self) -> dict[str, Any]:
        bands, rows = self.bands_rows
        return {**asdict(self), "scheme": SCHEME, "shingles": SHINGLING.describe(),
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


# Lookups (an LSH index, about 67 KB each) kept for this many sites: all of a 10,000-site crawl
# took 840 MB. Crawls come grouped by site, so rebuilding the evicted ones is rare.
_LOOKUPS_KEPT = 1024


class TemplateModel:
    """Template lines per site plus the parameters they were learned with.

    Build with :func:`learn_templates`, keep with :meth:`save` / :meth:`load`, pass to
    ``Cleaner(templates=model)``. Immutable; lookup tables are built on first use per site.
    """

    def __init__(self, params: TemplateParams, sites: Mapping[str, SiteTemplates]) -> None:
        self.params = params
        self.sites = dict(sorted(sites.items()))
        self._lookups: OrderedDict[str, _Lookup] = OrderedDict()  # the most recently used sites

    def __repr__(self) -> str:
        lines = sum(len(s.lines) for s in self.sites.values())
        return f"TemplateModel({len(self.sites)} sites, {lines} template lines)"

    def __eq__(self, other: object) -> bool:  # the same model, loaded twice, was unequal
        if not isinstance(other, TemplateModel):
            return NotImplemented
        return (self.params, self.sites) == (other.params, other.sites)

    __hash__ = None  # type: ignore[assignment]  # it holds a dict

    def site_for(self, site: str | None) -> SiteTemplates | None:
        """The site's templates; with ``site=None`` the only site of a one-site model."""
        if site is None:
            return next(iter(self.sites.values())) if len(self.sites) == 1 else None
        return self.sites.get(site) or self.sites.get(site.removeprefix("www."))  # hosts are learned without www.

    def match(self, site: str | None, lines: Sequence[str]) -> list[tuple[TemplateLine, float] | None]:
        """For each raw line, its template line and similarity (0–1), or None."""
        templates = self.site_for(site)
        if templates is None or not templates.lines:
            return [None] * len(lines)
        key = templates.site
        lookup = self._lookups.get(key)
        if lookup is None:
            lookup = self._lookups[key] = _Lookup(templates, self.params)
            if len(self._lookups) > _LOOKUPS_KEPT:
                self._lookups.popitem(last=False)
        else:
            self._lookups.move_to_end(key)
        return lookup.match([line_key(line) for line in lines])

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
        try:
            raw = dict(data["params"])
            params = TemplateParams(**{k: raw[k] for k in TemplateParams.__slots__})
            if raw != params.describe():
                raise IndexMismatchError(f"{source}: learned with other shingling or hashing ({raw}); "
                                         "relearn it with `textclean learn`")
            sites = {name: SiteTemplates(name, _pages(s["pages"]), tuple(_template_line(line) for line in s["lines"]))
                     for name, s in data["sites"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a file edited, cut or made by hand
            raise IndexMismatchError(f"{source}: a damaged template model ({type(exc).__name__}: {exc}); "
                                     "relearn it with `textclean learn`") from exc
        return cls(params, sites)

    def to_json(self) -> str:
        """The model as JSON text (stable order: equal models give equal text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` as JSON (gzip-compressed for a ``.gz`` name, whole or not
        at all); :meth:`load` reads it back."""
        with atomic_output(str(path)) as out:
            out.write(self.to_json())

    @classmethod
    def load(cls, path: str | Path) -> TemplateModel:
        try:
            with open_binary(str(path)) as fh:
                data = json.loads(fh.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: not a readable template model ({exc}); make one with `textclean learn`") from exc
        return cls.from_dict(data, source=str(path))


def _template_line(saved: Mapping[str, Any]) -> TemplateLine:
    """A saved template line, checked: a hand-edited model failed only hours into a run (a null
    text), or matched nothing (variants as one string, taken letter by letter)."""
    text, variants = saved["text"], saved["variants"]
    if not isinstance(text, str) or isinstance(variants, str) or not all(isinstance(v, str) for v in variants):
        raise TypeError(f"a template line's text and variants are strings, got {text!r} and {variants!r}")
    shares = [float(saved[name]) for name in ("share", "position", "body_share", "head_share")]
    if not all(0.0 <= share <= 1.0 for share in shares):  # NaN fails too
        raise ValueError(f"the shares of {text!r} are not within 0..1: {shares}")
    return TemplateLine(text, _pages(saved["pages"]), *shares, tuple(variants))


def _pages(value: Any) -> int:
    check_count("a page count", value, low=0)  # a ConfigError, which is a ValueError
    return value


class _Lookup:
    """Exact variant lookup plus MinHash LSH + rapidfuzz for variants never seen in learning."""

    def __init__(self, templates: SiteTemplates, params: TemplateParams) -> None:
        self.params = params
        self.lines = templates.lines
        self.exact = {v: i for i, line in enumerate(self.lines) for v in line.variants}
        self.fuzzy = sorted((v, i) for v, i in self.exact.items() if len(v) >= params.fuzzy_min_chars)
        self.hasher = MinHasher(num_perm=params.num_perm, seed=params.seed, shingling=SHINGLING)
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
                candidates = self.lsh.query(self.hasher.lean(row))
                best = max(((similarity(norms[n], self.fuzzy[c][0]), -c) for c in candidates), default=(0.0, 0))
                if best[0] >= self.params.fuzzy_threshold:
                    out[n] = (self.lines[self.fuzzy[-best[1]][1]], round(best[0], 4))
        return out


def line_key(text: str) -> str:
    """What a line is compared as: normalized with digits masked, or — for a line of symbols
    only ("▶", "|"), which normalizes to nothing — its stripped text."""
    return normalize(text, mask_digits=True) or text.strip()


def similarity(a: str, b: str) -> float:
    """rapidfuzz's ratio on the 0–1 scale (the one place it is converted)."""
    return fuzz.ratio(a, b) / 100.0


def is_prose(text: str, norm: str) -> bool:
    """A sentence-like line of at least ten words: what article bodies are made of."""
    return word_count(norm) >= 10 and SENTENCE_END.search(text) is not None


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
