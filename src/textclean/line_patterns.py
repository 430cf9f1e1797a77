"""Regular expressions of boilerplate inside a line, by reason (data, not logic).

Calls to action and cookie notices are matched on normalized text; caption credits and labels
on the raw stripped line. Each list has its cheap prefilter (words or marks one of its patterns
needs), so most lines skip the regex. Whole-line phrases are in :mod:`textclean.lexicon`.
"""
from __future__ import annotations

# Words one of PROMO_PATTERNS needs: lines without any are skipped fast.
PROMO_TRIGGERS: tuple[str, ...] = (
    "cookie", "newsletter", "inbox", "subscri", "sign up", "signup", "register", "join", "follow", "like us",
    "share", "browser", "javascript", "modal", "abonn", "suscr", "iscriv", "assine", "اشترك", "ملفات",
    "mail", "e post", "correo", "بريدك", "akismet", "comment", "kommentier", "blogger", "click to", "klicke",
)

# Calls to action and cookie notices inside a short line (regex over normalized text).
PROMO_PATTERNS: tuple[str, ...] = (
    r"^(?:subscribe|sign up|signup|register|join)\b.{0,80}\b(?:newsletter|newsletters|inbox|updates|email|emails|alerts|digest)\b",
    r"^(?:get|receive)\b.{0,60}\b(?:newsletter|in your inbox|delivered to your inbox)\b",
    r"^(?:follow|like) us on\b",
    r"^share (?:this|on|via)\b",
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this page) uses? cookies\b",
    r"\bby (?:continuing to (?:browse|use)|using) (?:this|our) (?:web)?site\b.{0,60}\bcookies?\b",
    r"\b(?:utilise|utilisons) des cookies\b", r"\babonnez vous\b.{0,60}\bnewsletter\b",
    r"\b(?:verwendet|verwenden|nutzt|nutzen) cookies\b", r"\bnewsletter (?:abonnieren|bestellen)\b",
    r"\b(?:utiliza|utilizamos|usa|usamos) cookies\b", r"\bsuscr[ií]b[ae]te\b.{0,60}\bnewsletter\b",
    r"\butilizz(?:a|iamo) (?:i )?cookie\b", r"\biscriviti\b.{0,60}\bnewsletter\b",
    r"\b(?:utiliza|utilizamos) cookies\b", r"\bassine\b.{0,60}\bnewsletter\b",
    r"\bملفات تعريف الارتباط\b", r"\bاشترك\b.{0,60}\bالنشرة\b",
    # Blog comment forms (WordPress and the like): "Your email address will not be published. …".
    r"^(?:your email(?: address)?|(?:deine|ihre) e mail adresse|votre adresse (?:e ?mail|de messagerie)|"
    r"tu (?:dirección de )?correo(?: electrónico)?|(?:o )?seu (?:endereço de )?e ?mail|il tuo indirizzo e ?mail|"
    r"(?:je|uw|het) e ?mailadres|twój adres e ?mail|ваш (?:адрес )?e ?mail|vaše e ?mailová adresa|"
    r"din e ?postadress|e posta (?:adresiniz|hesabınız)|alamat email anda|ваша e ?mail адреса) "
    r"(?:will not be published|won t be published|wird nicht veröffentlicht|ne sera pas publiée?|"
    r"no será publicad[ao]|não será publicad[ao]|non sarà pubblicat[ao]|wordt niet gepubliceerd|"
    r"nie zostanie opublikowany|не будет опубликован|nebude zveřejněna|kommer inte (?:att )?publiceras|"
    r"yay[ıi]nlanmayacak|yayımlanmayacak|"
    r"tidak akan dipublikasikan|не оприлюднюватиметься)\b", r"^لن يتم نشر عنوان بريدك الإلكتروني",
    r"^(?:you are commenting using your|du kommentierst mit deinem|sie kommentieren mit ihrem)\b"
    r".{0,30}\b(?:account|konto)\b",
    r"\bakismet\b.{0,40}\b(?:spam\w*|indésirables|спам\w*)\b", r"^(?:\d+|d) bloggers? like this$",
    r"^(?:\d+|d|einem) bloggern? gefällt (?:das|dies)$",  # "%d" is WordPress's unfilled placeholder
    r"^(?:click to (?:share|email|print)|klicke(?:n)? um\b.{0,40}\b(?:teilen|senden|drucken))\b",
    # Browser and player notices.
    r"\bbest viewed (?:in|with)\b.{0,40}\bbrowser\b", r"\b(?:please )?enable javascript\b",
    r"\byour browser does not support\b", r"^this is a modal window\b",
    r"\bjavascript (?:is )?(?:disabled|required)\b", r"\bbitte aktivieren sie javascript\b",
)

# Photo and video captions and credits, at the end of a line (regex over the raw stripped line).
CAPTION_ENDINGS: tuple[str, ...] = (
    # "(Credit: Zain Jaafar/AFP)", "(Photo: Reuters)", "(Foto: dpa)" closing a line.
    r"[(\[（](?:photo|image|picture|pic|credit|credits|photo credit|image credit|foto|fotos|bild|"
    r"crédit|crédits|crédit photo|crédito|créditos|imagen|immagine|صورة|beeld|afbeelding|zdjęcie|фото|"
    r"фотография|иллюстрация|ілюстрація|fotoğraf|görsel|gambar|写真|画像|撮影|图片|图片来源|圖片|摄影|攝影|"
    r"ภาพ|ที่มาภาพ|사진|ảnh|φωτογραφία|φωτ\.|fotó|kép|fotografie|sursa foto|billede|bilde|kuva|צילום|عکس|"
    r"تصویر|फोटो|तस्वीर)s?\s*[:：]"
    r"[^()\[\]（）]{1,160}[)\]）]\s*$",
    r"[(\[]fot\.\s[^()\[\]]{1,120}[)\]]\s*$",  # Polish "(fot. Jan Kowalski/PAP)"
    # "Zain Jaafar/AFP", "… via Getty Images", "AP Photo/Jane Doe" closing a line.
    r"(?:/\s*(?:afp|reuters|ap|epa|dpa|getty|getty images|bloomberg|shutterstock|xinhua|anadolu|tass|тасс|"
    r"риа новости|pap|anp|čtk|ctk|tt|ntb|antara|efe|ansa|apa|keystone|imago|picture alliance|kyodo|"
    r"ttxvn|vna|yonhap|연합뉴스|mti|ritzau|scanpix|lehtikuva|agerpres|inquam|pti|irna|flash90)|"
    r"\bvia getty images|\bgetty images|\bap photo\b[^.!?]{0,60})[)\]）]?\s*$",
)
# Characters one of CAPTION_ENDINGS needs in a line's tail: lines without any are skipped fast.
CAPTION_ENDING_MARKS: tuple[str, ...] = ("(", "[", "（", "/", "getty", "ap photo")

# Caption labels opening a line: "Photo: …", "Image caption …", "Bildquelle: …".
CAPTION_OPENINGS: tuple[str, ...] = (
    r"(?:photo|image|picture|photograph|pictured|illustration|video|credit|image caption|media caption|"
    r"image copyright|image source|caption|foto|fotos|bild|bildquelle|bildunterschrift|légende|crédit photo|"
    r"crédit|pie de foto|imagen|legenda|didascalia|صورة|الصورة|beeld|zdjęcie|fot\.|фото|иллюстрация|fotoğraf|"
    r"görsel|gambar|写真|画像|图片|圖片|资料图|資料圖|ภาพ|ที่มาภาพ|사진|ảnh|φωτογραφία|fotó|kép|fotografie|"
    r"billede|bilde|kuva|צילום|عکس|تصویر|फोटो|तस्वीर)\s*(?:credit)?\s*(?:[:：|]|\s[—–-]\s)",
    r"(?:image caption|media caption|image copyright|getty images|photo credit|play video)$",
)
