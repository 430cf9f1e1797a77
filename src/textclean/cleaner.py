"""`Cleaner`: ordered, named detectors and the policy, applied to one document at a time."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import zip_longest
from typing import Any

from .config import AUTO, CleanConfig
from .detectors import BUILTIN_DETECTORS, Context, Detector, Lexicon
from .errors import ConfigError
from .explain import apply_removals, removed_spans
from .page_features import full_page_measures
from .policy import decide
from .reasons import Reason
from .segment import segment
from .templates import TemplateModel
from .types import Block, CleanResult, Finding


class Cleaner:
    """A reusable cleaner: build once (patterns compile here), then call :meth:`clean`.

    ``preset="auto"`` cleans each document that looks like a full-page dump
    (:func:`~textclean.page_features.looks_like_full_page`) with the ``page`` preset and any other
    with the default one; overrides apply to both, ``config`` is the default's, and each result's
    ``preset`` says which one cleaned it.

    >>> cleaner = Cleaner(preset="conservative")
    >>> cleaner.clean("Advertisement\\nThe council met on Tuesday to vote.").text
    'The council met on Tuesday to vote.'
    >>> Cleaner(detectors_enabled=("nope",))
    Traceback (most recent call last):
    ...
    textclean.errors.ConfigError: unknown detector 'nope'; known detectors: caption, duplicate, ...
    """

    def __init__(
        self,
        config: CleanConfig | None = None,
        *,
        preset: str | None = None,
        detectors: Mapping[str, Detector] | None = None,
        detectors_enabled: Iterable[str] | None = None,
        templates: TemplateModel | None = None,
        **overrides: Any,
    ) -> None:
        if config is not None and preset is not None:
            raise ConfigError("pass either a config or a preset, not both")
        if config is not None and not isinstance(config, CleanConfig):
            raise ConfigError(f"config is a CleanConfig, got {config!r}"
                              + (f"; for a preset pass preset={config!r}" if isinstance(config, str) else ""))
        if isinstance(detectors_enabled, str):
            raise ConfigError(f"detectors_enabled is a list of detector names, got {detectors_enabled!r}; "
                              f"e.g. ({detectors_enabled!r},)")
        if detectors_enabled is not None:
            detectors_enabled = tuple(detectors_enabled)  # read once: a generator would be used up below
        if templates is not None and not isinstance(templates, TemplateModel):
            raise ConfigError(f"templates is a TemplateModel (textclean.learn_templates, TemplateModel.load), "
                              f"got {type(templates).__name__}")
        # Full-page removal on an extracted article would cut its short lines: only dumps get it.
        self._full_page = None
        if preset == AUTO:
            # The page preset keeps its own detectors; the caller's own ones run there too.
            own = [name for name in detectors_enabled or () if name in (detectors or {})]
            page_enabled = (*CleanConfig.preset("page").detectors, *own) if detectors_enabled is not None else None
            self._full_page = Cleaner(preset="page", detectors=detectors, detectors_enabled=page_enabled,
                                      templates=templates, **overrides)
            preset = "default"
        if config is None:
            preset = preset or "default"
        self.preset = preset  # what its results say cleaned them (None when built from a config)
        if detectors_enabled is not None:
            overrides["detectors"] = detectors_enabled
        base = config if config is not None else CleanConfig.preset(preset)
        self.config = base.replace(**overrides) if overrides else base
        available = {**BUILTIN_DETECTORS, **{name: _Checked(name, d) for name, d in (detectors or {}).items()}}
        unknown = [name for name in self.config.detectors if name not in available]
        if unknown:
            known = ", ".join(sorted(available))
            raise ConfigError(f"unknown detector {unknown[0]!r}; known detectors: {known}")
        self._detectors = [(name, available[name]) for name in self.config.detectors]
        self._lexicon = Lexicon(self.config)
        # A learned site template model (textclean.learn_templates), used by "template".
        self.templates = templates

    def clean(self, text: str, *, site: str | None = None) -> CleanResult:
        """Clean one document; see :func:`textclean.clean`. ``site`` picks the document's
        site in the template model (optional when the model has one site)."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes a str, not {type(text).__name__}")
        if site is not None and not isinstance(site, str):
            raise TypeError(f"clean()'s site is a str (a site of the template model), not {type(site).__name__}")
        blocks = segment(text)
        if self._full_page is not None:
            measures = full_page_measures(blocks)
            if measures is not None:  # measured once: the test's measures are low_content's too
                return self._full_page._clean(text, blocks, site, {"page_measures": measures})
        return self._clean(text, blocks, site, {})

    def _clean(self, text: str, blocks: tuple[Block, ...], site: str | None, shared: dict[str, Any]) -> CleanResult:
        context = Context(blocks, self.config, self._lexicon, site=site, templates=self.templates, shared=shared)
        findings: list[Finding] = []
        for _name, detect in self._detectors:
            findings.extend(detect(blocks, context))
        findings.sort(key=lambda f: (f.block, f.detector, f.reason))  # Reason is a str: ordered by value
        decisions = decide(blocks, findings, self.config)
        removed = removed_spans(text, blocks, decisions)
        return CleanResult(text, apply_removals(text, removed), blocks, decisions, tuple(findings), removed, self.preset)

    def clean_many(self, texts: Iterable[str], *, sites: Iterable[str | None] | None = None) -> Iterator[CleanResult]:
        """Clean documents one after another, lazily, in input order; ``sites``, one per text,
        gives each its ``site`` in the template model (a ``ValueError`` if the counts differ)."""
        for name, values in (("texts", texts), ("sites", sites)):
            if isinstance(values, str):  # it would be taken character by character
                raise TypeError(f"clean_many() takes {name} as a list, one per document, not one str")
        pairs = zip_longest(texts, sites, fillvalue=_MISSING) if sites is not None else ((t, None) for t in texts)
        for text, site in pairs:
            if text is _MISSING or site is _MISSING:
                raise ValueError("clean_many() takes one site per text; sites and texts differ in number")
            yield self.clean(text, site=site)


_MISSING = object()


class _Checked:
    """A caller's detector, whose findings are checked as they come: a reason given as a str
    or a block out of range failed later in the policy with a bare KeyError or IndexError."""

    def __init__(self, name: str, detect: Detector) -> None:
        self.name, self.detect = name, detect

    def __call__(self, blocks: tuple[Block, ...], context: Context) -> list[Finding]:
        findings = list(self.detect(blocks, context))
        for finding in findings:
            if not (isinstance(finding, Finding) and isinstance(finding.reason, Reason)
                    and isinstance(finding.block, int) and 0 <= finding.block < len(blocks)
                    and isinstance(finding.score, (int, float)) and 0 <= finding.score <= 1):
                raise TypeError(f"detector {self.name!r} gave {finding!r}; a finding is Finding(block, reason, score, "
                                f"detector, evidence) with a block index from 0 to {len(blocks) - 1}, a "
                                "textclean.Reason and a score within 0..1")
        return findings
