"""Text evidence about each line of a full-page dump: is it prose, or menu, link list, footer?

A full-page dump (innerText, Common Crawl WET, html-text, inscriptis) keeps every visible line
of a page and loses the HTML. What is left to tell the article from the rest is the text itself:
how long a line is, how much of it is function words (prose needs them, menus and link lists do
not), punctuation, casing, menu and crumb shapes, where the line stands, and what its
neighbours look like (an article is a contiguous region of prose). :func:`page_features`
computes those numbers, one row per block, for the :mod:`~textclean.detectors.low_content`
detector and its training script (``tools/train_page_model.py``) alike.

>>> from textclean.segment import segment
>>> rows = page_features(segment("Home\\nNews\\nSport\\nThe council met on Tuesday and voted to keep the library open."))
>>> rows.shape == (4, len(FEATURES))
True
>>> rows[:, FEATURES.index("stop_share")].round(2).tolist()
[0.0, 0.0, 0.0, 0.5]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import regex

from . import lexicon
from .normalize import normalize
from .types import Block

# The most frequent function words per language, casefolded: prose is full of them, menus and
# link lists are not. One shared set (a word of two languages counts in both: harmless for a share).
# (Kept here rather than in lexicon.py while that module is being reworked; it is data all the same.)
STOP_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the", "of", "and", "to", "a", "in", "is", "it", "that", "was", "for", "on", "are", "with", "as",
           "he", "she", "they", "be", "at", "by", "this", "have", "from", "or", "had", "not", "but", "what",
           "we", "you", "i", "his", "her", "their", "there", "were", "which", "an", "been", "has", "would",
           "will", "can", "if", "so", "when", "who", "its", "than", "then", "them", "these", "into", "also",
           "more", "about", "do", "did", "does", "our", "my", "your", "all", "one", "some", "no", "may", "us"),
    "de": ("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einer", "eines", "einem", "einen", "zu",
           "den", "dem", "des", "mit", "sich", "auf", "für", "im", "es", "von", "auch", "als", "an", "wie",
           "wird", "werden", "hat", "haben", "sind", "war", "dass", "aber", "oder", "nach", "bei", "noch",
           "nur", "sie", "er", "wir", "ich", "so", "aus", "um", "wenn", "man", "kann", "diese", "dieser"),
    "fr": ("le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "en", "que", "qui", "dans", "pour",
           "pas", "sur", "au", "aux", "il", "elle", "ils", "ne", "se", "ce", "cette", "son", "sa", "ses", "par",
           "plus", "avec", "sont", "mais", "ou", "nous", "vous", "on", "été", "être", "a", "comme", "leur", "y"),
    "es": ("el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "no",
           "para", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "son", "este", "esta",
           "o", "le", "ya", "muy", "también", "sin", "sobre", "entre", "cuando", "hay", "ser", "está"),
    "pt": ("o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "no", "na", "um", "uma",
           "é", "para", "com", "não", "por", "se", "mais", "como", "mas", "foi", "ao", "seu", "sua", "ou",
           "ser", "está", "são", "também", "nos", "nas", "pelo", "pela", "isso", "ele", "ela"),
    "it": ("il", "lo", "la", "i", "gli", "le", "di", "del", "della", "e", "che", "è", "un", "una", "per",
           "in", "non", "con", "si", "da", "al", "alla", "sono", "come", "ma", "più", "anche", "questo",
           "nel", "nella", "dei", "delle", "ha", "ci", "se", "o", "essere", "sua", "suo"),
    "nl": ("de", "het", "een", "en", "van", "is", "dat", "in", "te", "op", "niet", "zijn", "voor", "met",
           "die", "er", "maar", "om", "ook", "als", "aan", "bij", "wordt", "door", "naar", "was", "ik", "je",
           "we", "ze", "hij", "dit", "kan", "nog", "wel", "worden", "hebben", "heeft"),
    "ru": ("и", "в", "не", "на", "что", "с", "как", "по", "это", "он", "она", "они", "к", "но", "из", "у",
           "за", "от", "о", "так", "же", "для", "было", "был", "была", "бы", "то", "все", "его", "ее", "их",
           "при", "есть", "уже", "если", "или", "только", "мы", "вы", "я", "до", "чтобы", "когда"),
    "pl": ("i", "w", "nie", "na", "się", "z", "że", "do", "to", "jest", "o", "jak", "ale", "po", "co", "tak",
           "za", "od", "przez", "dla", "czy", "jego", "już", "tylko", "może", "być", "są", "który", "która"),
    "cs": ("a", "v", "se", "na", "je", "že", "to", "s", "z", "do", "o", "k", "i", "jako", "ale", "by", "pro",
           "tak", "jsou", "jeho", "který", "která", "které", "po", "ve", "jak", "bylo", "byl", "už", "také"),
    "sv": ("och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har",
           "de", "inte", "om", "ett", "han", "hon", "men", "var", "jag", "vi", "så", "kan", "från", "eller"),
    "tr": ("ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "ama", "ne",
           "olan", "o", "en", "kadar", "sonra", "her", "değil", "mi", "var", "ise"),
    "id": ("yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada",
           "ke", "juga", "ada", "adalah", "atau", "oleh", "karena", "sudah", "saya", "kami", "mereka"),
}
# Function characters of Chinese and Japanese prose (particles, copulas, common suffixes), where words
# are not separated by spaces: their share of the Han/kana characters plays the stop-word role.
CJK_FUNCTION_CHARS = "的了是在和有不这也就都而及与着个们之其或被对把从以为上中说要会" + "のにはをがでとたしてもなるいうかられ"

_STOP = frozenset(w for group in STOP_WORDS.values() for w in group)
_NAV = frozenset(normalize(p) for group in lexicon.NAVIGATION_PHRASES.values() for p in group)
_PROMO = frozenset(normalize(p) for table in (lexicon.PROMO_PHRASES, lexicon.RELATED_PHRASES,
                                              lexicon.TRUNCATION_PHRASES) for group in table.values() for p in group)
_CJK_FUNCTION = frozenset(CJK_FUNCTION_CHARS)
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_SENTENCE_END = regex.compile(r"[.!?;:。！？；…][\"'”’»)\]]*$")
_SENTENCE_PUNCT = regex.compile(r"[.!?;,:。！？；，、]")
_SEPARATOR = regex.compile(r"\s[|›»·•/]\s|\s[|›»]|[|›»]\s|\s[-–—]\s")
_BULLET = regex.compile(r"^[*+•·▪►▸‣◦-]\s")
_COPYRIGHT = regex.compile(r"©|\(c\)\s*\d{4}|\ball rights reserved\b|\btous droits\b|\balle rechte\b|"
                           r"\btodos los derechos\b|\bcopyright\b", regex.IGNORECASE)
_LINKY = regex.compile(r"https?://|www\.|@\w|\.(?:com|org|net|de|html?)\b", regex.IGNORECASE)
_DATE_OR_TIME = regex.compile(r"\b\d{1,2}[:./-]\d{1,2}(?:[:./-]\d{2,4})?\b|\b(?:19|20)\d{2}\b")
_PROSE_MIN_TOKENS = 10

# Per-block measurements (before the neighbourhood is added). Names are part of the model file.
BLOCK_FEATURES = (
    "log_chars", "log_tokens", "stop_share", "sentence_end", "punct_density", "comma_density",
    "title_share", "upper_share", "digit_share", "bullet", "separators", "nav_phrase", "promo_phrase",
    "copyright", "linky", "date_like", "short_title_line", "repeated_text", "cjk",
)
# Where the block stands and what surrounds it.
CONTEXT_FEATURES = (
    "position", "char_position", "first_block", "title_overlap", "in_body_region", "body_distance",
    "before_body", "share_of_longest", "short_run", "prose_run",
    "win1_log_tokens", "win1_stop_share", "win1_sentence_end", "win1_short_title_line",
    "win3_log_tokens", "win3_stop_share", "win3_sentence_end", "win3_short_title_line",
    "win10_log_tokens", "win10_stop_share", "win10_sentence_end", "win10_short_title_line",
)
FEATURES = BLOCK_FEATURES + CONTEXT_FEATURES
_WINDOW_OF = ("log_tokens", "stop_share", "sentence_end", "short_title_line")


def block_measures(text: str, seen: Counter[str]) -> list[float]:
    """The :data:`BLOCK_FEATURES` of one line (``seen`` counts every line of the page)."""
    chars = len(text)
    words = _WORD.findall(text)
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    if cjk:
        function_chars = sum(ch in _CJK_FUNCTION for ch in text)
        tokens = len(words) + cjk / 1.7
        stop_share = min(1.0, 3.0 * function_chars / cjk)
    else:
        tokens = len(words)
        stop_share = sum(w.lower() in _STOP for w in words) / tokens if tokens else 0.0
    cased = [w for w in words if not w.isdigit()]
    title_share = sum(w[0].isupper() for w in cased) / len(cased) if cased else 0.0
    letters = sum(ch.isalpha() for ch in text) if chars < 200 else chars
    upper = sum(ch.isupper() for ch in text) if chars < 200 else 0
    digits = sum(ch.isdigit() for ch in text) if chars < 200 else 0
    punct = len(_SENTENCE_PUNCT.findall(text))
    norm = normalize(text) if tokens <= 6 else ""
    short_title = 1.0 if tokens <= 5 and title_share >= 0.5 and not _SENTENCE_END.search(text) else 0.0
    return [
        np.log1p(chars), np.log1p(tokens), stop_share, 1.0 if _SENTENCE_END.search(text) else 0.0,
        punct / (tokens + 1), (text.count(",") + text.count("，") + text.count("、")) / (tokens + 1),
        title_share, upper / letters if letters else 0.0, digits / chars if chars else 0.0,
        1.0 if _BULLET.match(text) else 0.0, float(len(_SEPARATOR.findall(text))) if chars < 300 else 0.0,
        1.0 if norm in _NAV else 0.0, 1.0 if norm in _PROMO else 0.0,
        1.0 if chars < 300 and _COPYRIGHT.search(text) else 0.0,
        1.0 if chars < 300 and _LINKY.search(text) else 0.0,
        1.0 if tokens <= 12 and _DATE_OR_TIME.search(text) else 0.0,
        short_title, np.log(seen[text]), 1.0 if cjk else 0.0,
    ]


def page_features(blocks: Sequence[Block]) -> np.ndarray:
    """One row of :data:`FEATURES` per block (float64, shape ``(len(blocks), len(FEATURES))``)."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    seen = Counter(block.text for block in blocks)
    base = np.array([block_measures(block.text, seen) for block in blocks], dtype=np.float64)
    col = {name: base[:, i] for i, name in enumerate(BLOCK_FEATURES)}
    tokens = np.expm1(col["log_tokens"])
    chars = np.expm1(col["log_chars"])
    prose = (tokens >= _PROSE_MIN_TOKENS) & ((col["stop_share"] >= 0.15) | (col["sentence_end"] > 0))
    start, end = body_region(tokens, prose)
    index = np.arange(n, dtype=np.float64)
    in_body = (index >= start) & (index <= end)
    distance = np.where(index < start, start - index, np.where(index > end, index - end, 0.0))
    cum_chars = np.cumsum(chars) - chars
    context = [
        index / max(n - 1, 1), cum_chars / max(chars.sum(), 1.0), (index == 0).astype(np.float64),
        _title_overlap(blocks), in_body.astype(np.float64), np.log1p(distance),
        (index < start).astype(np.float64), chars / chars.max(),
        np.log1p(_run_length(tokens <= 4)), np.log1p(_run_length(prose)),
    ]
    for width in (1, 3, 10):
        for name in _WINDOW_OF:
            context.append(_window_mean(col[name], width))
    return np.column_stack([base, *context])


def body_region(tokens: np.ndarray, prose: np.ndarray) -> tuple[int, int]:
    """The first and last block of the contiguous stretch richest in prose (maximum subarray).

    Prose lines gain their token count, other lines cost a little each, so a short caption or
    subheading inside the article does not split it, while a menu of twenty items does.
    """
    gain = np.where(prose, np.minimum(tokens, 120.0), -np.minimum(tokens, 12.0) - 3.0).tolist()
    best, best_span = -1.0, (0, len(gain) - 1)
    running, run_start = 0.0, 0
    for i, value in enumerate(gain):
        if running <= 0:
            running, run_start = value, i
        else:
            running += value
        if running > best:
            best, best_span = running, (run_start, i)
    return best_span


def _title_overlap(blocks: Sequence[Block]) -> np.ndarray:
    """Share of each short block's words found in the first line (usually the page title)."""
    title = {w.lower() for w in _WORD.findall(blocks[0].text)}
    out = np.zeros(len(blocks))
    if not title:
        return out
    for i, block in enumerate(blocks[1:40], start=1):
        if len(block.text) < 300:
            words = [w.lower() for w in _WORD.findall(block.text)]
            if words:
                out[i] = sum(w in title for w in words) / len(words)
    return out


def _run_length(flags: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of equal-valued True flags it sits in (0 if False)."""
    n = len(flags)
    if n == 0:
        return np.zeros(0)
    change = np.flatnonzero(np.diff(flags.astype(np.int8))) + 1
    starts = np.concatenate(([0], change))
    lengths = np.diff(np.concatenate((starts, [n])))
    runs = np.repeat(lengths, lengths).astype(np.float64)
    return np.where(flags, runs, 0.0)


def _window_mean(values: np.ndarray, width: int) -> np.ndarray:
    """Mean of ``values`` over the ``width`` blocks on each side, the block itself excluded."""
    n = len(values)
    padded = np.concatenate(([0.0], np.cumsum(values)))
    index = np.arange(n)
    lo = np.maximum(index - width, 0)
    hi = np.minimum(index + width + 1, n)
    total = padded[hi] - padded[lo] - values
    count = hi - lo - 1
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)
