"""Word lists and patterns of boilerplate lines, by reason and language (data, not logic).

Phrases are compared with whole lines after :func:`textclean.normalize.normalize`, so
case, punctuation, bullets and arrows do not matter ("» Read more" is "read more").
Languages: English, French, German, Spanish, Portuguese, Italian, Arabic (en fr de es pt it ar).
"""
from __future__ import annotations

NAVIGATION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "search", "search this site", "menu", "main menu", "open menu", "close menu", "toggle navigation",
        "navigation", "skip to content", "skip to main content", "skip navigation", "jump to navigation",
        "home", "homepage", "home page", "log in", "login", "sign in", "sign out", "log out", "logout",
        "register", "my account", "account", "back to top", "top", "next", "previous", "prev",
        "next article", "previous article", "next post", "previous post", "older posts", "newer posts",
        "close", "sections", "show more", "load more", "view all", "see all", "contact", "contact us",
        "about us", "privacy policy", "terms of use", "terms of service", "terms and conditions",
        "sitemap", "site map", "print", "email", "breadcrumb", "you are here", "go to", "all topics",
    ),
    "fr": (
        "rechercher", "recherche", "accueil", "fermer", "connexion", "se connecter", "déconnexion",
        "s inscrire", "inscription", "mon compte", "retour en haut", "haut de page", "suivant", "précédent",
        "aller au contenu", "aller au contenu principal", "plan du site", "mentions légales", "nous contacter",
        "article suivant", "article précédent", "voir tout", "voir plus",
    ),
    "de": (
        "suche", "suchen", "startseite", "menü", "anmelden", "abmelden", "registrieren", "mein konto",
        "nach oben", "zurück", "weiter", "schließen", "zum inhalt springen", "zum hauptinhalt springen",
        "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "nächster artikel", "vorheriger artikel",
        "alle anzeigen", "mehr anzeigen", "sie sind hier",
    ),
    "es": (
        "buscar", "búsqueda", "inicio", "menú", "iniciar sesión", "cerrar sesión", "registrarse", "mi cuenta",
        "volver arriba", "ir arriba", "siguiente", "anterior", "cerrar", "ir al contenido", "contacto",
        "aviso legal", "política de privacidad", "ver todo", "ver más", "mapa del sitio",
    ),
    "pt": (
        "pesquisar", "pesquisa", "busca", "início", "página inicial", "entrar", "sair", "cadastre se",
        "minha conta", "voltar ao topo", "próximo", "anterior", "fechar", "ir para o conteúdo", "contato",
        "fale conosco", "política de privacidade", "ver tudo", "ver mais",
    ),
    "it": (
        "cerca", "ricerca", "home page", "accedi", "esci", "registrati", "il mio account", "torna su",
        "torna all inizio", "successivo", "precedente", "chiudi", "vai al contenuto", "contatti",
        "informativa privacy", "mappa del sito", "vedi tutti", "mostra altro",
    ),
    "ar": (
        "بحث", "ابحث", "الرئيسية", "الصفحة الرئيسية", "القائمة", "تسجيل الدخول", "دخول", "تسجيل الخروج",
        "التالي", "السابق", "إغلاق", "اتصل بنا", "من نحن", "سياسة الخصوصية", "عرض الكل", "المزيد",
    ),
}

# Category words that appear as a kicker above a headline.
SECTION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": (
        "news", "world", "world news", "politics", "business", "economy", "markets", "tech", "technology",
        "science", "health", "sport", "sports", "culture", "arts", "entertainment", "lifestyle", "travel",
        "opinion", "analysis", "editorial", "breaking", "breaking news", "exclusive", "live", "local",
        "national", "international", "europe", "middle east", "africa", "asia", "americas", "us news",
        "uk news", "climate", "environment", "education", "video", "podcast", "features", "commentary",
    ),
    "fr": ("actualités", "monde", "politique", "économie", "société", "culture", "sport", "sciences",
           "santé", "international", "opinion", "tribune", "éditorial", "en direct", "france"),
    "de": ("nachrichten", "politik", "wirtschaft", "kultur", "sport", "wissen", "gesundheit", "ausland",
           "inland", "meinung", "kommentar", "panorama", "digital", "reise", "deutschland", "welt"),
    "es": ("noticias", "mundo", "política", "economía", "sociedad", "cultura", "deportes", "ciencia",
           "salud", "internacional", "opinión", "tecnología", "en directo", "españa"),
    "pt": ("notícias", "mundo", "política", "economia", "sociedade", "cultura", "esportes", "desporto",
           "ciência", "saúde", "internacional", "opinião", "tecnologia", "brasil"),
    "it": ("notizie", "mondo", "politica", "economia", "cronaca", "cultura", "sport", "scienza", "salute",
           "esteri", "opinioni", "tecnologia", "italia"),
    "ar": ("أخبار", "العالم", "سياسة", "اقتصاد", "رياضة", "ثقافة", "صحة", "علوم", "رأي", "تكنولوجيا", "عاجل"),
}

# A line that is only one of these marks a cut (after normalization; "…" alone is handled apart).
TRUNCATION_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("read more", "continue reading", "read the full story", "read the full article", "read full article",
           "full story", "more", "see more", "keep reading", "click here to read more", "read on"),
    "fr": ("lire la suite", "lire plus", "la suite", "lire l article", "en savoir plus"),
    "de": ("weiterlesen", "mehr lesen", "mehr", "zum artikel", "artikel lesen", "mehr erfahren"),
    "es": ("leer más", "seguir leyendo", "sigue leyendo", "continuar leyendo", "leer artículo completo"),
    "pt": ("leia mais", "continue lendo", "continuar lendo", "ler mais", "saiba mais"),
    "it": ("leggi di più", "leggi tutto", "continua a leggere", "leggi anche", "scopri di più"),
    "ar": ("اقرأ المزيد", "اقرأ أيضا", "اقرأ ايضا", "المزيد", "تابع القراءة"),
}

# Whole-line notices: advertisement labels, share and follow buttons.
PROMO_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted", "paid content",
           "share", "share this", "share this article", "share this story", "share on facebook",
           "share on twitter", "share on linkedin", "tweet", "follow us", "subscribe", "subscribe now",
           "sign up", "newsletter", "accept", "accept all", "accept cookies", "reject all", "cookie settings",
           "manage cookies", "continue reading below", "story continues below advertisement"),
    "fr": ("publicité", "partager", "partager sur facebook", "partager sur twitter", "suivez nous",
           "s abonner", "abonnez vous", "newsletter", "tout accepter", "accepter", "tout refuser"),
    "de": ("anzeige", "werbung", "teilen", "auf facebook teilen", "folgen sie uns", "abonnieren",
           "newsletter abonnieren", "alle akzeptieren", "akzeptieren", "ablehnen", "cookie einstellungen"),
    "es": ("publicidad", "anuncio", "compartir", "compartir en facebook", "síguenos", "suscríbete",
           "suscribirse", "aceptar", "aceptar todo", "rechazar"),
    "pt": ("publicidade", "anúncio", "compartilhar", "partilhar", "siga nos", "assine", "inscreva se",
           "aceitar", "aceitar todos"),
    "it": ("pubblicità", "condividi", "condividi su facebook", "seguici", "iscriviti", "abbonati",
           "accetta", "accetta tutto", "rifiuta"),
    "ar": ("إعلان", "اعلان", "شارك", "مشاركة", "تابعنا", "اشترك", "اشترك الآن", "النشرة البريدية", "قبول"),
}

# Headings that open a list of links to other articles.
RELATED_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("related", "related articles", "related stories", "related posts", "related content", "related links",
           "related coverage", "you may also like", "you might also like", "you may also be interested in",
           "you might be interested in", "also in the news", "other top stories", "top stories", "more stories",
           "more news", "most popular", "most read", "most viewed", "recommended", "recommended for you",
           "read next", "what to read next", "more from", "trending", "trending now", "around the web",
           "also on", "see also", "in other news", "latest news", "more on this story"),
    "fr": ("à lire aussi", "lire aussi", "sur le même sujet", "articles liés", "les plus lus", "vous aimerez aussi",
           "à voir aussi", "dans la même rubrique"),
    "de": ("mehr zum thema", "das könnte sie auch interessieren", "verwandte artikel", "meistgelesen",
           "ähnliche artikel", "auch interessant", "weitere artikel", "lesen sie auch"),
    "es": ("te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído", "más noticias",
           "también te puede interesar", "relacionado"),
    "pt": ("leia também", "notícias relacionadas", "artigos relacionados", "mais lidas", "você também pode gostar",
           "relacionado"),
    "it": ("leggi anche", "articoli correlati", "potrebbe interessarti", "i più letti", "ti potrebbe interessare",
           "correlati"),
    "ar": ("اقرأ أيضا", "مواضيع ذات صلة", "أخبار ذات صلة", "الأكثر قراءة", "قد يعجبك أيضا"),
}

# Words one of PROMO_PATTERNS needs: lines without any are skipped fast.
PROMO_TRIGGERS: tuple[str, ...] = (
    "cookie", "newsletter", "inbox", "subscri", "sign up", "signup", "register", "join", "follow", "like us",
    "share", "browser", "javascript", "modal", "abonn", "suscr", "iscriv", "assine", "اشترك", "ملفات",
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
    # Browser and player notices.
    r"\bbest viewed (?:in|with)\b.{0,40}\bbrowser\b", r"\b(?:please )?enable javascript\b",
    r"\byour browser does not support\b", r"^this is a modal window\b",
    r"\bjavascript (?:is )?(?:disabled|required)\b", r"\bbitte aktivieren sie javascript\b",
)

# Photo and video captions and credits, at the end of a line (regex over the raw stripped line).
CAPTION_ENDINGS: tuple[str, ...] = (
    # "(Credit: Zain Jaafar/AFP)", "(Photo: Reuters)", "(Foto: dpa)" closing a line.
    r"[(\[](?:photo|image|picture|pic|credit|credits|photo credit|image credit|foto|fotos|bild|"
    r"crédit|crédits|crédit photo|crédito|créditos|imagen|immagine|صورة)s?\s*[:：]"
    r"[^()\[\]]{1,160}[)\]]\s*$",
    # "Zain Jaafar/AFP", "… via Getty Images", "AP Photo/Jane Doe" closing a line.
    r"(?:/\s*(?:afp|reuters|ap|epa|dpa|getty|getty images|bloomberg|shutterstock|xinhua|anadolu)|"
    r"\bvia getty images|\bgetty images|\bap photo\b[^.!?]{0,60})[)\]]?\s*$",
)
# Characters one of CAPTION_ENDINGS needs in a line's tail: lines without any are skipped fast.
CAPTION_ENDING_MARKS: tuple[str, ...] = ("(", "[", "/", "getty", "ap photo")

# Caption labels opening a line: "Photo: …", "Image caption …", "Bildquelle: …".
CAPTION_OPENINGS: tuple[str, ...] = (
    r"(?:photo|image|picture|photograph|pictured|illustration|video|credit|image caption|media caption|"
    r"image copyright|image source|caption|foto|fotos|bild|bildquelle|bildunterschrift|légende|crédit photo|"
    r"crédit|pie de foto|imagen|legenda|didascalia|صورة|الصورة)\s*(?:credit)?\s*(?:[:：|]|\s[—–-]\s)",
    r"(?:image caption|media caption|image copyright|getty images|photo credit|play video)$",
)
