"""Which document of a duplicate cluster is kept: a rule on the documents, never on input order.

| policy | keeps | ties |
|---|---|---|
| ``longest`` | the longest raw text | smallest id |
| ``first`` | the smallest id, digit runs compared as numbers (``doc9`` < ``doc10``) | — |
| ``most_complete`` | the most distinct shingles | longest, then smallest id |
| ``earliest:FIELD`` / ``latest:FIELD`` | the smallest / largest value of a record field (numbers, or strings such as ISO dates, compared as strings; every number ranks below every string); records without it, or with another value (null, NaN, a list), lose | smallest id |

>>> from textclean.store import StoredDoc
>>> docs = [StoredDoc("doc10", 500, 90, "x"), StoredDoc("doc9", 400, 95, "y")]
>>> KeepPolicy.parse("longest").choose(docs), KeepPolicy.parse("first").choose(docs)
('doc10', 'doc9')
>>> KeepPolicy.parse("most_complete").choose(docs)
'doc9'
>>> KeepPolicy.parse("newest")
Traceback (most recent call last):
...
textclean.errors.ConfigError: unknown keep policy 'newest'; choose longest, first, most_complete, earliest:FIELD or latest:FIELD
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

_DIGITS = re.compile(r"(\d+)")
NAMED = ("longest", "first", "most_complete")


def natural_key(doc_id: str) -> tuple:
    """Sort key of an id with digit runs compared as numbers; the id itself breaks ties."""
    # isdecimal, not isdigit: \d and int() take decimal digits of any script, but not "²" or "①".
    parts = tuple((0, int(p), "") if p.isdecimal() else (1, 0, p) for p in _DIGITS.split(doc_id) if p)
    return (parts, doc_id)


def _typed(value: Any) -> tuple | None:
    """A keep value's sort key: numbers before strings; None for what has no order (NaN too)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and not math.isfinite(value) else (0, value, "")
    if isinstance(value, str):
        return (1, 0, value)
    return None


@dataclass(frozen=True, slots=True)
class KeepPolicy:
    """A parsed ``keep`` option: ``kind`` is a named policy, ``earliest`` or ``latest``."""

    kind: str
    field: str | None = None

    @classmethod
    def parse(cls, text: str) -> KeepPolicy:
        if text in NAMED:
            return cls(text)
        kind, sep, name = text.partition(":") if isinstance(text, str) else ("", "", "")
        if sep and kind in ("earliest", "latest") and name:
            return cls(kind, name)
        raise ConfigError(
            f"unknown keep policy {text!r}; choose longest, first, most_complete, earliest:FIELD or latest:FIELD"
        )

    def value_of(self, fields: Mapping[str, Any]) -> Any:
        """What the index must remember of a record's fields for this policy (JSON-able)."""
        if self.field is None:
            return None
        value = fields.get(self.field)
        return value if _typed(value) is not None else None

    def choose(self, docs: Sequence[Any]) -> str:
        """The id of the document to keep among ``docs`` (objects with id, length, size, keep_value)."""
        if self.kind == "longest":
            return min(docs, key=lambda d: (-d.length, natural_key(d.id))).id
        if self.kind == "first":
            return min(docs, key=lambda d: natural_key(d.id)).id
        if self.kind == "most_complete":
            return min(docs, key=lambda d: (-d.size, -d.length, natural_key(d.id))).id
        valued = [(_typed(d.keep_value), d) for d in docs if _typed(d.keep_value) is not None]
        if not valued:
            return min(docs, key=lambda d: natural_key(d.id)).id
        pick = min if self.kind == "earliest" else max
        best = pick(v for v, _ in valued)
        return min((d for v, d in valued if v == best), key=lambda d: natural_key(d.id)).id
