"""Findings to decisions: which blocks go, for which reason, by which rule.

Detectors only observe; this module alone decides. A block is dropped when one of its
findings reaches its reason's threshold. When several do, the most specific reason names
the removal (a re-emitted lead is also a duplicate, but "repeated_lead" says more). A
document is never emptied: if every block would go, every block stays.
"""
from __future__ import annotations

from collections.abc import Sequence

from .config import CleanConfig
from .reasons import Reason
from .types import Block, Decision, Finding

# Most specific first: the reason a person would give for the removal.
SPECIFICITY = (
    Reason.REPEATED_LEAD,
    Reason.TRUNCATION,
    Reason.DUPLICATE,
    Reason.TEMPLATE,
    Reason.CAPTION,
    Reason.SECTION_LABEL,
    Reason.NAVIGATION,
    Reason.PROMO,
    Reason.LOW_CONTENT,
)
_RANK = {reason: rank for rank, reason in enumerate(SPECIFICITY)}
KEEP_RULE = "no finding reached its threshold"
NEVER_EMPTY_RULE = "never_empty: every block would go, so all stay"


def decide(blocks: Sequence[Block], findings: Sequence[Finding], config: CleanConfig) -> tuple[Decision, ...]:
    """One decision per block, in block order."""
    thresholds = {reason: config.threshold(reason) for reason in Reason}  # looked up per finding
    winner: dict[int, Finding] = {}
    for found in findings:
        if found.score < thresholds[found.reason]:
            continue
        current = winner.get(found.block)
        if current is None or _outranks(found, current):
            winner[found.block] = found
    if blocks and len(winner) == len(blocks):
        return tuple(Decision(block.index, True, NEVER_EMPTY_RULE) for block in blocks)
    # Each reason's rule around the score, formatted once: a full page drops hundreds of blocks.
    rule_around = {reason: (f"{reason.value} score ", f" ≥ {threshold:.2f}") for reason, threshold in thresholds.items()}
    decisions = []
    for block in blocks:
        found = winner.get(block.index)
        if found is None:
            decisions.append(Decision(block.index, True, KEEP_RULE))
            continue
        before, after = rule_around[found.reason]
        rule = f"{before}{found.score:.2f}{after}"
        decisions.append(Decision(block.index, False, rule, found.reason, found.score, found.detector, found.evidence))
    return tuple(decisions)


def _outranks(found: Finding, current: Finding) -> bool:
    return (_RANK[found.reason], -found.score) < (_RANK[current.reason], -current.score)
