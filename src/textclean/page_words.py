"""Word lists of the full-page features (data, not logic): function words and footer words.

Kept apart from :mod:`textclean.lexicon` (whole-line phrases) because these are judged word by
word: their share of a line's tokens is the evidence.
"""
from __future__ import annotations

# The most frequent function words per language, casefolded: prose is full of them, menus and
# link lists are not. One shared set (a word of two languages counts in both: harmless for a share).
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

# Frequent function words of Thai, Lao, Khmer and Burmese, found as substrings (those scripts put
# no spaces between words): conjunctions, prepositions, particles, markers of tense and negation;
# not prefixes such as Thai "การ", which open as many menu words as sentences.
SOUTHEAST_ASIAN_FUNCTION_WORDS: tuple[str, ...] = (
    "ที่", "และ", "ของ", "เป็น", "ได้", "ว่า", "ให้", "ไม่", "กับ", "แต่", "หรือ", "โดย", "จาก", "นี้", "ซึ่ง", "เมื่อ",
    "แล้ว", "อยู่",
    "ແລະ", "ຂອງ", "ໃນ", "ທີ່", "ເປັນ", "ໄດ້", "ວ່າ", "ໃຫ້", "ຈະ", "ມີ", "ບໍ່",
    "និង", "របស់", "ក្នុង", "ដែល", "បាន", "ជា", "នៅ", "ថា", "ពី", "មិន",
    "သည်", "၏", "နှင့်", "တွင်", "များ", "ကို", "မှ", "ရန်",
)

# Words of footers, legal lines and contact blocks.
FOOTER_WORDS: tuple[str, ...] = (
    "copyright", "rights", "reserved", "privacy", "cookies", "cookie", "terms", "imprint", "impressum",
    "datenschutz", "datenschutzerklärung", "agb", "disclaimer", "sitemap", "contact", "kontakt", "contacto",
    "mentions", "légales", "droits", "réservés", "derechos", "reservados", "rechte", "vorbehalten", "powered",
    "newsletter", "subscribe", "login", "logout", "register", "anmelden", "registrieren", "advertise",
    "advertisement", "anzeige", "werbung", "publicité", "publicidad", "facebook", "twitter", "instagram",
    "youtube", "linkedin", "pinterest", "whatsapp", "rss", "feed", "share", "teilen", "partager", "compartir",
    "tweet", "comments", "comment", "kommentare", "commentaires", "comentarios", "reply", "antworten",
)
# Parts of web addresses.
LINK_WORDS: tuple[str, ...] = ("http", "https", "www", "com", "org", "net", "html", "htm", "php", "de", "co", "uk")
# Month names (en de fr es it pt nl) and their short forms: datelines and archive lists.
MONTH_WORDS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars",
    "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
    "januari", "februari", "maart", "mei", "augustus",
)
