"""Site chrome recognised by its words: navigation, section labels, promos, captions.

Each detector judges a line by itself (plus, for section labels, where it stands), so
it is only trusted on short lines: a paragraph that mentions "search" is prose.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from ..lexicon import PLAYER_CONTROLS
from ..line_patterns import CAPTION_ENDING_MARKS, PROMO_TRIGGERS
from ..normalize import normalize
from ..reasons import Reason
from ..types import Block, Finding
from .base import Context, clip, finding

# Separators of breadcrumbs and inline menus: "Home › World › Europe", "News | Sport | Weather".
_CRUMB_SEPARATOR = regex.compile(r"\s*(?:[›»>|•·/]|\s[-–—]\s)\s*")
_CRUMB_CHARS = frozenset("›»>|•·/-–—")
_STRONG_CRUMB = regex.compile(r"[›»]")
_HAS_LETTER = regex.compile(r"\p{L}")
_CASED_LETTER = regex.compile(r"\p{Lu}|\p{Ll}")
_LOWER = regex.compile(r"\p{Ll}")
# A kicker: words of letters joined by spaces, &, -, ', / (no digits, brackets or colon).
_LABEL = regex.compile(r"[\p{L}\p{M}]+(?:[\s&'’/-]+[\p{L}\p{M}]+)*")
_MAX_LABEL_CHARS = 40
_MAX_CRUMB_WORDS = 4
# "- 31/50 Williams F1 team…", "3 of 12 Photo…": a slide of a photo gallery.
_SLIDE_COUNTER = regex.compile(r"[-–•*\s]*(?P<index>\d{1,3})\s*(?:/|of|von|de|di)\s*(?P<total>\d{1,3})\b", regex.IGNORECASE)
_MIN_GALLERY = 3
# A player's controls stand within this many lines of other UI lines; alone, one scores this.
_PLAYER_CONTROLS = frozenset(normalize(phrase) for phrase in PLAYER_CONTROLS)
_PLAYER_REACH = 3
_LONE_CONTROL_SCORE = 0.3
_PROMO_TRIGGER = re.compile("|".join(re.escape(word) for word in PROMO_TRIGGERS))
# A credit closes a caption within this many characters.
_CAPTION_TAIL_CHARS = 220
# A related-links heading counts in the last 40% of the text; teasers are under 60 words.
_RELATED_TAIL_SHARE = 0.4
_MAX_TEASER_WORDS = 60


def navigation(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Lines that are only UI words ("Search", "Skip to content") or a breadcrumb or menu. A video
    player's control counts among other UI lines; alone it may be a heading ("Picture-in-Picture")."""
    found = []
    ui_lines = []
    controls = []
    for block, norm, count in zip(blocks, context.norms, context.word_counts):
        if count == 0 or count > context.config.max_chrome_words:
            continue
        phrase = context.lexicon.navigation.match(norm)
        if phrase:
            ui_lines.append(block.index)
            if phrase in _PLAYER_CONTROLS:
                controls.append((block, phrase))
            else:
                found.append(finding(block, Reason.NAVIGATION, 0.95, "navigation", f"the whole line is the UI phrase '{phrase}'"))
            continue
        crumb = _breadcrumb(block.text, context)
        if crumb:
            ui_lines.append(block.index)
            found.append(finding(block, Reason.NAVIGATION, 0.85, "navigation", crumb))
    for block, phrase in controls:
        if any(0 < abs(other - block.index) <= _PLAYER_REACH for other in ui_lines):
            found.append(finding(block, Reason.NAVIGATION, 0.95, "navigation", f"the whole line is the UI phrase '{phrase}'"))
        else:
            found.append(finding(block, Reason.NAVIGATION, _LONE_CONTROL_SCORE, "navigation",
                                 f"the video player control '{phrase}', but no other UI line is near: a heading?"))
    return found


def _breadcrumb(text: str, context: Context) -> str | None:
    """Evidence when ``text`` is a row of short items split by crumb or menu separators."""
    if _CRUMB_CHARS.isdisjoint(text):
        return None
    items = [item for item in _CRUMB_SEPARATOR.split(text) if _HAS_LETTER.search(item)]
    if len(items) < 2 or any(len(item.split()) > _MAX_CRUMB_WORDS for item in items):
        return None
    nav_items = [item for item in items if context.lexicon.navigation.match(normalize(item))]
    # Data tables also put short cells between "|": a menu must name a UI word, or use
    # the breadcrumb arrows "›" / "»" and have three levels.
    if nav_items:
        return f"a menu of {len(items)} short items, including the UI word '{nav_items[0]}'"
    if _STRONG_CRUMB.search(text) and len(items) >= 3:
        return f"a breadcrumb of {len(items)} levels: {clip(text)}"
    return None


def section_label(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """A short kicker above the headline: all capitals ("GAZA WAR") or a category word."""
    found = []
    config = context.config
    for index in range(min(context.head_end, len(blocks))):
        block, norm, count = blocks[index], context.norms[index], context.word_counts[index]
        if not 0 < count <= config.max_label_words or not _label_shaped(block.text):
            continue
        if not _headline_follows(index, context):
            continue
        if context.lexicon.section.match(norm):
            found.append(finding(block, Reason.SECTION_LABEL, 0.8, "section_label",
                                 f"category word '{norm}' above the headline"))
        elif _all_capitals(block.text):
            found.append(finding(block, Reason.SECTION_LABEL, 0.75, "section_label",
                                 f"{count}-word line in capitals above the headline"))
    return found


def _all_capitals(text: str) -> bool:
    return bool(_CASED_LETTER.search(text)) and not _LOWER.search(text)


def _label_shaped(text: str) -> bool:
    """Words only: letters, spaces and joiners; no digits, brackets or colon."""
    return len(text) <= _MAX_LABEL_CHARS and bool(_LABEL.fullmatch(text))


def _headline_follows(index: int, context: Context) -> bool:
    """Whether a headline-like line (mixed case, 4–30 words) comes within two lines."""
    for after in range(index + 1, min(index + 3, len(context.blocks))):
        text = context.blocks[after].text
        if 4 <= context.word_counts[after] <= 30 and not _all_capitals(text):
            return True
    return False


def promo(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Calls to action and notices: advertisement labels, share/follow, newsletters, cookies."""
    found = []
    lexicon = context.lexicon
    for block, norm, count in zip(blocks, context.norms, context.word_counts):
        if count == 0:
            continue
        phrase = lexicon.promo.match(norm)
        if phrase:
            found.append(finding(block, Reason.PROMO, 0.95, "promo", f"the whole line is the notice '{phrase}'"))
            continue
        # A newsletter pitch is short; a cookie notice can be long. Both name a trigger word.
        short = count <= context.config.max_chrome_words
        long_cookie = not short and count <= context.config.max_chrome_words * 3 and "cookie" in norm
        if (short and _PROMO_TRIGGER.search(norm)) or long_cookie:
            match = lexicon.promo_pattern.search(norm)
            if match and (short or "cookie" in match.group(0)):
                found.append(finding(block, Reason.PROMO, 0.8, "promo", f"call to action or notice: '{clip(match.group(0))}'"))
    return found


def _caption_mark(text: str, context: Context) -> regex.Match[str] | None:
    lexicon = context.lexicon
    tail = text[-_CAPTION_TAIL_CHARS:]
    lowered = tail.lower()
    if any(mark in lowered for mark in CAPTION_ENDING_MARKS):
        match = lexicon.caption_ending.search(tail)
        if match:
            return match
    return lexicon.caption_opening.match(text)


def related_links(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """A "Related stories" heading in the last part of the text and the teaser list after it.

    Only when everything after the heading is teaser-sized: an article never continues
    below such a heading in short lines alone, but a list of other articles does.
    """
    start = int(len(blocks) * (1 - _RELATED_TAIL_SHARE))
    for index in range(start, len(blocks)):
        heading = context.lexicon.related.match(context.norms[index])
        if heading and all(n <= _MAX_TEASER_WORDS for n in context.word_counts[index + 1:]):
            evidence = f"the list of other articles after the heading '{heading}'"
            return [finding(block, Reason.PROMO, 0.8, "related_links", evidence) for block in blocks[index:]]
    return []


def caption(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """Photo and video captions and credits ("(Credit: …/AFP)", "Photo: …", "Getty Images"),
    and gallery slides: three or more lines opening with a counter of one total ("3/50 …")."""
    slides: dict[str, list[Block]] = {}
    found = []
    for block, text in zip(blocks, context.visible):
        match = _caption_mark(text, context)
        if match:
            found.append(finding(block, Reason.CAPTION, 0.9, "caption", f"credit or caption mark '{clip(match.group(0).strip())}'"))
        elif counter := _SLIDE_COUNTER.match(text):
            slides.setdefault(counter.group("total"), []).append(block)
    for total, gallery in slides.items():
        if len(gallery) >= _MIN_GALLERY:
            evidence = f"gallery slide, one of {len(gallery)} lines counting to {total}"
            found.extend(finding(block, Reason.CAPTION, 0.85, "caption", evidence) for block in gallery)
    return found


def user_patterns(blocks: Sequence[Block], context: Context) -> list[Finding]:
    """The caller's own patterns (``CleanConfig.extra_patterns``), each under its reason."""
    found = []
    for reason, pattern in context.lexicon.user_patterns.items():
        for block, text in zip(blocks, context.visible):
            if pattern and pattern.fullmatch(text):
                found.append(finding(block, reason, 1.0, "user_patterns", f"matches a configured {reason.value} pattern"))
    return found
