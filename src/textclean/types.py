"""The values that flow through the cleaner: blocks, findings, decisions, spans, results.

All are frozen: a result can be shared, cached and compared without defensive copies.
"""
from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any

from .reasons import Reason


def _slot_setting_init(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots through their descriptors.

    The generated frozen ``__init__`` goes through ``object.__setattr__`` for every field, which
    takes twice as long, and a full page builds some 700 of these values. Same signature,
    defaults and immutability.
    """
    params, body, namespace = [], [], {}
    for field in fields(cls):
        namespace[f"_set_{field.name}"] = cls.__dict__[field.name].__set__
        if field.default is MISSING:
            params.append(field.name)
        else:
            namespace[f"_default_{field.name}"] = field.default
            params.append(f"{field.name}=_default_{field.name}")
        body.append(f"    _set_{field.name}(self, {field.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), namespace)
    cls.__init__ = namespace["__init__"]
    return cls


@_slot_setting_init
@dataclass(frozen=True, slots=True)
class Block:
    """A non-blank line of the original text, stripped: ``original[start:end] == text``. In
    hard-wrapped text, the run of lines a wrapper broke from one line: it spans them, and its text
    is theirs joined by single spaces (see :func:`textclean.segment.segment`)."""

    index: int
    start: int
    end: int
    text: str


@_slot_setting_init
@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's observation that ``block`` looks like ``reason``, with a 0–1 score."""

    block: int
    reason: Reason
    score: float
    detector: str
    evidence: str


@_slot_setting_init
@dataclass(frozen=True, slots=True)
class Decision:
    """The policy's verdict on one block: kept, or dropped for ``reason`` by ``rule``."""

    block: int
    keep: bool
    rule: str
    reason: Reason | None = None
    score: float = 0.0
    detector: str = ""
    evidence: str = ""


@_slot_setting_init
@dataclass(frozen=True, slots=True)
class Span:
    """A removed stretch of the original: one dropped block and the separator given to it.

    ``original[start:end]`` is exactly what was cut; ``block_text`` is the block inside it.
    """

    start: int
    end: int
    block: int
    reason: Reason
    score: float
    detector: str
    evidence: str
    block_text: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reason"] = self.reason.value
        return data


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What :func:`textclean.clean` returns: the cleaned text and the full account of it."""

    original: str
    text: str
    blocks: tuple[Block, ...]
    decisions: tuple[Decision, ...]
    findings: tuple[Finding, ...]
    removed: tuple[Span, ...]
    # The preset that cleaned the document (with "auto": "page" or "default"); None for a config.
    preset: str | None = None

    def explain(self) -> str:
        """A table with one row per block: kept or dropped, the reason and the evidence."""
        from .explain import explain_table

        return explain_table(self)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data: the cleaned text and the removed spans."""
        return {
            "text": self.text,
            "preset": self.preset,
            "blocks": len(self.blocks),
            "kept": sum(d.keep for d in self.decisions),
            "removed": [span.to_dict() for span in self.removed],
        }
