"""The reasons a block is removed: a public, stable vocabulary (added to, never renamed)."""
from __future__ import annotations

from enum import Enum


class Reason(str, Enum):
    """Why a block was removed. The value is the stable string used in reports."""

    NAVIGATION = "navigation"
    SECTION_LABEL = "section_label"
    DUPLICATE = "duplicate"
    REPEATED_LEAD = "repeated_lead"
    TRUNCATION = "truncation"
    CAPTION = "caption"
    PROMO = "promo"
    TEMPLATE = "template"
    LOW_CONTENT = "low_content"

    def __str__(self) -> str:
        return self.value

    @property
    def description(self) -> str:
        return DESCRIPTIONS[self]


DESCRIPTIONS: dict[Reason, str] = {
    Reason.NAVIGATION: "site chrome: nav and UI words, breadcrumbs, skip links, login/search lines",
    Reason.SECTION_LABEL: "a kicker or category label above the headline",
    Reason.DUPLICATE: "repeats an earlier block, exactly or fuzzily (the first copy stays)",
    Reason.REPEATED_LEAD: "part of a run re-emitting the article's opening paragraphs, possibly cut short",
    Reason.TRUNCATION: "a truncation marker ('...', 'Read more') or a cut-off copy of an earlier block",
    Reason.CAPTION: "a photo or video caption or credit",
    Reason.PROMO: "a call to action or notice: subscribe, newsletter, share/follow, cookies, advertisement",
    Reason.TEMPLATE: "a line learned as part of a site's template from many of its pages",
    Reason.LOW_CONTENT: "(full-page dumps) a block outside the article's main text",
}
