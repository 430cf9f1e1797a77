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
    "ca": ("el", "la", "els", "les", "de", "del", "i", "que", "en", "un", "una", "és", "per", "amb", "no", "als",
           "es", "va", "com", "més", "però", "seu", "seva", "aquest", "aquesta", "ha", "són", "hi", "ho", "pel"),
    "sk": ("a", "v", "sa", "na", "je", "že", "to", "s", "z", "do", "o", "k", "aj", "ako", "ale", "by", "pre",
           "sú", "alebo", "tak", "ktorý", "ktorá", "po", "pri", "len", "už", "bol", "bola", "od", "za"),
    "hr": ("i", "je", "u", "da", "se", "na", "za", "su", "od", "s", "a", "ne", "o", "koji", "koja", "koje",
           "što", "kao", "ali", "iz", "sa", "bi", "će", "po", "još", "ili", "to", "biti", "bio", "bila"),
    "ro": ("și", "şi", "în", "de", "la", "cu", "a", "pe", "că", "nu", "este", "o", "un", "care", "din",
           "pentru", "să", "se", "sunt", "mai", "au", "fost", "ca", "dar", "al", "ale", "lui", "sau", "prin"),
    "hu": ("a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "de", "ez", "azt", "csak", "már", "még",
           "mint", "volt", "vagy", "kell", "lesz", "ha", "el", "úgy", "pedig", "amely", "után", "szerint", "mert"),
    "fi": ("ja", "on", "ei", "että", "se", "oli", "ovat", "hän", "mutta", "tai", "kun", "myös", "jo", "ole",
           "sen", "joka", "jos", "vain", "niin", "kuin", "sekä", "mukaan", "tämä", "nyt", "jotka", "olla",
           "ne", "me", "he", "siitä", "kanssa"),
    "da": ("og", "i", "at", "det", "er", "en", "til", "på", "af", "med", "for", "den", "de", "som", "har",
           "ikke", "der", "et", "var", "om", "vi", "jeg", "men", "kan", "fra", "sig", "han", "hun", "skal",
           "vil", "også", "blev", "efter"),
    "nb": ("og", "i", "er", "det", "som", "på", "til", "en", "av", "for", "at", "med", "har", "ikke", "de",
           "den", "et", "var", "om", "vi", "jeg", "men", "kan", "fra", "seg", "han", "hun", "skal", "vil",
           "også", "ble", "etter"),
    "el": ("και", "το", "της", "την", "του", "τα", "των", "να", "η", "ο", "οι", "σε", "με", "που", "για",
           "από", "δεν", "είναι", "θα", "στο", "στην", "στη", "τον", "τις", "τους", "ένα", "μια", "ότι",
           "αλλά", "ως", "κατά", "μετά"),
    "uk": ("і", "в", "у", "на", "з", "що", "не", "до", "та", "це", "як", "за", "від", "для", "по", "він",
           "вона", "вони", "але", "або", "був", "була", "було", "є", "його", "її", "їх", "також", "ще",
           "вже", "якщо", "коли", "щоб", "при", "із"),
    "bg": ("и", "в", "на", "за", "да", "се", "от", "с", "не", "е", "че", "са", "по", "това", "който", "която",
           "като", "но", "или", "до", "при", "му", "ще", "беше", "още", "след", "тя", "той", "те"),
    "ar": ("في", "من", "على", "إلى", "الى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان",
           "قد", "لا", "ما", "بين", "كل", "بعد", "عند", "ذلك", "هو", "هي", "أو", "ثم", "حتى", "لم", "لن", "إن"),
    "fa": ("و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "تا", "بر", "هم", "نیز",
           "می", "شده", "شد", "بود", "کرد", "ها", "اما", "یا", "اگر", "هر", "خود"),
    "he": ("של", "את", "על", "עם", "זה", "לא", "הוא", "היא", "כי", "גם", "אם", "או", "כל", "אבל", "יש",
           "אין", "היה", "הם", "אני", "רק", "עוד", "אשר", "בין", "כמו", "מה", "כך", "לפי", "אל"),
    "hi": ("के", "का", "की", "है", "में", "और", "से", "को", "पर", "यह", "था", "थी", "थे", "हैं", "भी", "ने",
           "एक", "लिए", "कि", "नहीं", "तो", "ही", "या", "वह", "इस", "जो", "कर", "गया", "किया", "हो", "साथ",
           "बाद"),
    "vi": ("của", "và", "là", "các", "những", "được", "trong", "cho", "với", "không", "có", "này", "đã", "một",
           "người", "để", "khi", "từ", "đến", "như", "cũng", "về", "thì", "sẽ", "nhưng", "vào", "theo", "tại",
           "bị"),
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
    # it pt nl pl ru cs sv tr id (not their words for "enter", "share" or "terms", which prose uses too)
    "diritti", "riservati", "informativa", "contatti", "accedi", "iscriviti", "condividi", "commenti", "pubblicità",
    "direitos", "privacidade", "contato", "compartilhar", "partilhar", "comentários", "publicidade",
    "rechten", "voorbehouden", "privacybeleid", "inloggen", "reacties", "adverteren",
    "prawa", "zastrzeżone", "prywatności", "zaloguj", "udostępnij", "komentarze", "reklama",
    "права", "защищены", "конфиденциальности", "контакты", "войти", "подписаться", "поделиться", "комментарии",
    "реклама", "práva", "vyhrazena", "soukromí", "přihlásit", "sdílet", "komentáře",
    "rättigheter", "förbehållna", "integritetspolicy", "kontakta", "logga", "kommentarer", "annonsera",
    "hakları", "saklıdır", "gizlilik", "iletişim", "paylaş", "yorumlar", "reklam",
    "hak", "cipta", "dilindungi", "privasi", "kontak", "bagikan", "komentar", "iklan",
)
# Parts of web addresses.
LINK_WORDS: tuple[str, ...] = ("http", "https", "www", "com", "org", "net", "html", "htm", "php", "de", "co", "uk")
# Month names (en de fr es it pt nl pl ru cs sv tr id) and English short forms: datelines and archive lists.
MONTH_WORDS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars",
    "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
    "januari", "februari", "maart", "mei", "augustus",
    # pl ru cs sv tr id, as dates write them (Slavic months in the genitive)
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
    "października", "listopada", "grudnia", "января", "февраля", "марта", "апреля", "мая", "июня", "июля",
    "августа", "сентября", "октября", "ноября", "декабря", "ledna", "února", "března", "dubna", "května",
    "června", "července", "srpna", "září", "října", "listopadu", "prosince", "augusti", "ocak", "şubat", "mart",
    "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık", "maret", "agustus",
    "desember",
)
