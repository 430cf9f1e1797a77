"""A line that is only one of these marks a cut (after normalization; "…" alone is handled apart)."""
from __future__ import annotations

TRUNCATION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("read more", "continue reading", "read the full story", "read the full article", "read full article",
           "full story", "more", "see more", "keep reading", "click here to read more", "read on"),
    "fr": ("lire la suite", "lire plus", "la suite", "lire l article", "en savoir plus"),
    "de": ("weiterlesen", "mehr lesen", "mehr", "zum artikel", "artikel lesen", "mehr erfahren"),
    "es": ("leer más", "seguir leyendo", "sigue leyendo", "continuar leyendo", "leer artículo completo"),
    "pt": ("leia mais", "continue lendo", "continuar lendo", "ler mais", "saiba mais"),
    "it": ("leggi di più", "leggi tutto", "continua a leggere", "leggi anche", "scopri di più"),
    "ar": ("اقرأ المزيد", "اقرأ أيضا", "اقرأ ايضا", "المزيد", "تابع القراءة"),
    "nl": ("lees meer", "lees verder", "verder lezen", "meer lezen", "lees het hele artikel", "meer"),
    "pl": ("czytaj więcej", "czytaj dalej", "więcej", "przeczytaj więcej", "zobacz więcej", "czytaj całość"),
    "ru": ("читать далее", "читать дальше", "подробнее", "читать полностью", "читать ещё", "читать еще"),
    "uk": ("читати далі", "детальніше", "докладніше", "читати більше"),
    "cs": ("číst dále", "číst více", "více", "celý článek", "pokračovat ve čtení"),
    "tr": ("devamını oku", "devamı", "haberin devamı", "daha fazla oku", "devamı için tıklayın"),
    "sv": ("läs mer", "läs vidare", "fortsätt läsa", "läs hela artikeln"),
    "id": ("baca selengkapnya", "selengkapnya", "baca lebih lanjut"),
    "ja": ("続きを読む", "もっと読む", "全文を読む", "記事を読む", "続きはこちら", "詳細はこちら"),
    "zh": ("阅读全文", "閱讀全文", "阅读更多", "閱讀更多", "查看全文", "展开全文", "继续阅读", "繼續閱讀", "更多"),
}
