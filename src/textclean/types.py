"""The values that flow through the cleaner: blocks, findings, decisions, spans, results.

All are frozen: a result can be shared, cached and compared without defensive copies.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .reasons import Reason


@dataclass(frozen=True, slots=True)
class Block:
    """A non-blank line of the original text, stripped: ``original[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A detector's observation that ``block`` looks like ``reason``, with a 0–1 score."""

    block: int
    reason: Reason
    score: float
    detector: str
    evidence: str


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

    def explain(self) -> str:
        """A table with one row per block: kept or dropped, the reason and the evidence."""
        from .explain import explain_table

        return explain_table(self)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data: the cleaned text and the removed spans."""
        return {
            "text": self.text,
            "blocks": len(self.blocks),
            "kept": sum(d.keep for d in self.decisions),
            "removed": [span.to_dict() for span in self.removed],
        }
