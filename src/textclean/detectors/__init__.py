"""The built-in detectors, by name, in the order they run.

A detector is a pure function ``detect(blocks, context) -> list[Finding]``. Pass your own
to :class:`textclean.Cleaner` with ``detectors={"name": fn}`` and name it in
``CleanConfig.detectors`` to run it.
"""
from __future__ import annotations

from types import MappingProxyType

from .base import Context, Detector, Lexicon
from .chrome import caption, navigation, promo, related_links, section_label, user_patterns
from .low_content import low_content
from .repeats import duplicate, repeated_lead, truncation
from .template import template

BUILTIN_DETECTORS: MappingProxyType[str, Detector] = MappingProxyType({
    "navigation": navigation,
    "section_label": section_label,
    "duplicate": duplicate,
    "repeated_lead": repeated_lead,
    "truncation": truncation,
    "caption": caption,
    "promo": promo,
    "related_links": related_links,
    "user_patterns": user_patterns,
    "low_content": low_content,
    "template": template,
})

__all__ = ["BUILTIN_DETECTORS", "Context", "Detector", "Lexicon"]
