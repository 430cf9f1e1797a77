"""Adapters for /work/shared/tools/devscore.py: ``--python page_probe:clean`` (page preset).

    cd /work/shared/tools && PYTHONPATH=/work/main/tools python devscore.py readability --input full --python page_probe:clean
"""
from __future__ import annotations

import textclean

_PAGE = textclean.Cleaner(preset="page") if "page" in textclean.PRESETS else None
_DEFAULT = textclean.Cleaner()


def clean(text: str) -> str:
    """The page preset's cleaned text."""
    return (_PAGE or _DEFAULT).clean(text).text


def clean_default(text: str) -> str:
    """The default preset's cleaned text (for comparison)."""
    return _DEFAULT.clean(text).text


def clean_auto(text: str) -> str:
    """The auto preset: page on full-page dumps, default otherwise."""
    from textclean.detectors.low_content import looks_like_full_page

    return (_PAGE if looks_like_full_page(text) else _DEFAULT).clean(text).text


_LOW_CONTENT_ONLY = textclean.Cleaner(preset="page", detectors_enabled=("low_content",)) if _PAGE else None


def clean_low_content_only(text: str) -> str:
    """Only the low_content detector (to measure what the default detectors add on full pages)."""
    return (_LOW_CONTENT_ONLY or _DEFAULT).clean(text).text
