"""textclean: scraped web text to clean text, every removal explained.

>>> import textclean
>>> result = textclean.clean("Search\\nBREAKING\\nCity opens new library downtown\\n"
...     "The city opened its new library on Monday, after three long years of building work.\\n...")
>>> print(result.text)
City opens new library downtown
The city opened its new library on Monday, after three long years of building work.
>>> [(span.block_text, span.reason.value) for span in result.removed]
[('Search', 'navigation'), ('BREAKING', 'section_label'), ('...', 'truncation')]
"""
from __future__ import annotations

from typing import Any

from .cleaner import Cleaner
from .config import PRESETS, CleanConfig, DedupConfig
from .dedup import DedupIndex, DedupResult, Duplicate, dedup_records
from .errors import ConfigError, IndexBusyError, IndexMismatchError, InputError, TextcleanError
from .explain import apply_removals
from .minhash import MinHasher, minhash_signatures
from .normalize import normalize
from .reasons import Reason
from .segment import segment
from .shingles import Shingling
from .template_learner import learn_templates
from .templates import TemplateModel
from .types import Block, CleanResult, Decision, Finding, Span

__version__ = "0.1.0"


def clean(text: str, *, preset: str | None = None, **overrides: Any) -> CleanResult:
    """Clean one scraped document: the article stays, every removal is in ``.removed``.

    Keyword overrides are :class:`CleanConfig` fields. For many documents build one
    :class:`Cleaner` and reuse it: it compiles its patterns once.
    """
    if preset in (None, "default") and not overrides:  # building a Cleaner costs about one document's cleaning
        return _default_cleaner().clean(text)
    return Cleaner(preset=preset, **overrides).clean(text)


def clean_text(text: str) -> str:
    """Just the cleaned text of ``text`` with the default settings."""
    return _default_cleaner().clean(text).text


def _default_cleaner() -> Cleaner:
    # A default Cleaner is immutable and stateless between documents, so one is shared.
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT


_DEFAULT: Cleaner | None = None

__all__ = [
    "Block",
    "CleanConfig",
    "CleanResult",
    "Cleaner",
    "ConfigError",
    "Decision",
    "DedupConfig",
    "DedupIndex",
    "DedupResult",
    "Duplicate",
    "Finding",
    "IndexBusyError",
    "IndexMismatchError",
    "InputError",
    "MinHasher",
    "PRESETS",
    "Reason",
    "Shingling",
    "Span",
    "TemplateModel",
    "TextcleanError",
    "apply_removals",
    "clean",
    "clean_text",
    "dedup_records",
    "learn_templates",
    "minhash_signatures",
    "normalize",
    "segment",
]
