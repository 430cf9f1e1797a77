"""Whole-line phrases of boilerplate, by reason and language (data, not logic).

One module per table: :mod:`.navigation`, :mod:`.section`, :mod:`.truncation`, :mod:`.promo`
and :mod:`.related`, each a mapping from language code to phrases, re-exported here.
Phrases are compared with whole lines after :func:`textclean.normalize.normalize`, so
case, punctuation, bullets and arrows do not matter ("» Read more" is "read more").
Languages: English, French, German, Spanish, Portuguese, Italian, Arabic, Dutch, Polish, Russian,
Ukrainian, Czech, Turkish, Swedish, Indonesian, Japanese, Chinese, Thai, Korean, Vietnamese, Greek,
Hungarian, Romanian, Danish, Norwegian Bokmål, Finnish, Hebrew, Persian, Hindi
(en fr de es pt it ar nl pl ru uk cs tr sv id ja zh th ko vi el hu ro da nb fi he fa hi).
Chinese, Japanese and Thai write no spaces between words, so their phrases are exact UI strings,
never patterns (which match spaced words; the patterns, for calls to action and caption credits,
are in :mod:`textclean.line_patterns`).
Turkish phrases opening with "İ" are listed twice, since "İ" casefolds to "i̇" (with a dot above);
so are the spellings sites use side by side: Romanian "ș"/"ş", Persian words joined by a
zero-width non-joiner or a space, Vietnamese "hóa"/"hoá", Hindi "जाएं"/"जाएँ".
Section words of scripts without capitals (Arabic, Chinese, Japanese, Thai, Korean, Hebrew,
Persian, Hindi) are the only kickers found there; in cased scripts a line in capitals is one too.
"""
from __future__ import annotations

from .navigation import NAVIGATION_PHRASES, PLAYER_CONTROLS
from .promo import PROMO_PHRASES
from .related import RELATED_PHRASES
from .section import SECTION_PHRASES
from .truncation import TRUNCATION_PHRASES

__all__ = ["NAVIGATION_PHRASES", "PLAYER_CONTROLS", "PROMO_PHRASES", "RELATED_PHRASES", "SECTION_PHRASES", "TRUNCATION_PHRASES"]
