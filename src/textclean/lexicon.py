"""Word lists and patterns of boilerplate lines, by reason and language (data, not logic).

Phrases are compared with whole lines after :func:`textclean.normalize.normalize`, so
case, punctuation, bullets and arrows do not matter ("» Read more" is "read more").
Languages: English, French, German, Spanish, Portuguese, Italian, Arabic, Dutch, Polish, Russian,
Ukrainian, Czech, Turkish, Swedish, Indonesian, Japanese, Chinese
(en fr de es pt it ar nl pl ru uk cs tr sv id ja zh). Chinese and Japanese write no spaces between
words, so their phrases are exact UI strings, never patterns (which match spaced words).
Turkish phrases opening with "İ" are listed twice, since "İ" casefolds to "i̇" (with a dot above).
There are no section words for Chinese and Japanese: kickers are only recognised in cased scripts.
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
        "post navigation", "posts navigation", "recent posts", "recent comments", "categories", "archives",
        "back to home", "back to homepage", "return to top", "scroll to top", "forgot password",
        "forgot your password", "skip to navigation", "mobile site", "accessibility help", "main navigation",
    ),
    "fr": (
        "rechercher", "recherche", "accueil", "fermer", "connexion", "se connecter", "déconnexion",
        "s inscrire", "inscription", "mon compte", "retour en haut", "haut de page", "suivant", "précédent",
        "aller au contenu", "aller au contenu principal", "plan du site", "mentions légales", "nous contacter",
        "article suivant", "article précédent", "voir tout", "voir plus", "articles récents",
        "commentaires récents", "navigation des articles", "catégories", "mot de passe oublié", "imprimer",
        "retour à l accueil", "menu principal",
    ),
    "de": (
        "suche", "suchen", "startseite", "menü", "anmelden", "abmelden", "registrieren", "mein konto",
        "nach oben", "zurück", "weiter", "schließen", "zum inhalt springen", "zum hauptinhalt springen",
        "impressum", "datenschutz", "datenschutzerklärung", "kontakt", "nächster artikel", "vorheriger artikel",
        "alle anzeigen", "mehr anzeigen", "sie sind hier", "beitragsnavigation", "beitrags navigation",
        "neueste beiträge", "neueste kommentare", "vorheriger beitrag", "nächster beitrag", "zum seitenanfang",
        "zur startseite", "zurück zur startseite", "zurück zur übersicht", "direkt zum inhalt", "hauptmenü",
        "hauptnavigation", "passwort vergessen", "kategorien", "schlagwörter", "schlagworte", "drucken",
        "suche nach", "menü öffnen", "menü schließen", "navigation überspringen",
    ),
    "es": (
        "buscar", "búsqueda", "inicio", "menú", "iniciar sesión", "cerrar sesión", "registrarse", "mi cuenta",
        "volver arriba", "ir arriba", "siguiente", "anterior", "cerrar", "ir al contenido", "contacto",
        "aviso legal", "política de privacidad", "ver todo", "ver más", "mapa del sitio", "entradas recientes",
        "comentarios recientes", "navegación de entradas", "entrada anterior", "entrada siguiente", "categorías",
        "ir al contenido principal", "imprimir", "menú principal",
    ),
    "pt": (
        "pesquisar", "pesquisa", "busca", "início", "página inicial", "entrar", "sair", "cadastre se",
        "minha conta", "voltar ao topo", "próximo", "anterior", "fechar", "ir para o conteúdo", "contato",
        "fale conosco", "política de privacidade", "ver tudo", "ver mais", "posts recentes",
        "comentários recentes", "navegação de posts", "post anterior", "próximo post", "categorias",
        "ir para o conteúdo principal",
    ),
    "it": (
        "cerca", "ricerca", "home page", "accedi", "esci", "registrati", "il mio account", "torna su",
        "torna all inizio", "successivo", "precedente", "chiudi", "vai al contenuto", "contatti",
        "informativa privacy", "mappa del sito", "vedi tutti", "mostra altro", "articoli recenti",
        "commenti recenti", "navigazione articoli", "articolo precedente", "articolo successivo", "categorie",
        "vai al contenuto principale", "stampa",
    ),
    "ar": (
        "بحث", "ابحث", "الرئيسية", "الصفحة الرئيسية", "القائمة", "تسجيل الدخول", "دخول", "تسجيل الخروج",
        "التالي", "السابق", "إغلاق", "اتصل بنا", "من نحن", "سياسة الخصوصية", "عرض الكل", "المزيد",
    ),
    "nl": (
        "zoeken", "zoek", "hoofdmenu", "inloggen", "uitloggen", "registreren", "mijn account", "terug naar boven",
        "naar boven", "volgende", "vorige", "sluiten", "ga naar de inhoud", "naar de inhoud springen", "over ons",
        "privacybeleid", "algemene voorwaarden", "alles bekijken", "bekijk alles", "meer laden", "toon meer",
        "volgend artikel", "vorig artikel", "recente berichten", "recente reacties", "berichtnavigatie",
        "categorieën", "archief", "afdrukken", "u bent hier", "je bent hier",
    ),
    "pl": (
        "szukaj", "wyszukaj", "wyszukiwarka", "strona główna", "zaloguj", "zaloguj się", "wyloguj", "wyloguj się",
        "zarejestruj się", "rejestracja", "logowanie", "moje konto", "do góry", "na górę", "następny",
        "poprzedni", "następna", "poprzednia", "zamknij", "przejdź do treści", "o nas", "polityka prywatności",
        "regulamin", "mapa strony", "zobacz wszystkie", "pokaż więcej", "załaduj więcej", "następny artykuł",
        "poprzedni artykuł", "najnowsze wpisy", "ostatnie wpisy", "kategorie", "archiwum", "drukuj",
        "nawigacja wpisu", "jesteś tutaj", "napisz do nas",
    ),
    "ru": (
        "поиск", "найти", "главная", "главная страница", "на главную", "меню", "войти", "вход", "выйти", "выход",
        "регистрация", "зарегистрироваться", "личный кабинет", "наверх", "вверх", "далее", "назад", "следующая",
        "предыдущая", "закрыть", "перейти к содержимому", "контакты", "о нас", "о проекте",
        "политика конфиденциальности", "карта сайта", "показать все", "показать ещё", "показать еще",
        "загрузить ещё", "загрузить еще", "все новости", "следующая статья", "предыдущая статья", "свежие записи",
        "свежие комментарии", "рубрики", "архивы", "навигация по записям", "версия для печати", "вы здесь",
    ),
    "uk": (
        "пошук", "головна", "на головну", "увійти", "вхід", "вийти", "реєстрація", "нагору", "вгору", "далі",
        "наступна", "попередня", "закрити", "контакти", "про нас", "політика конфіденційності", "показати все",
        "показати ще", "всі новини", "мапа сайту", "карта сайту",
    ),
    "cs": (
        "hledat", "vyhledat", "vyhledávání", "hlavní stránka", "domů", "přihlásit", "přihlásit se", "přihlášení",
        "odhlásit", "odhlásit se", "registrace", "můj účet", "nahoru", "zpět nahoru", "další", "předchozí",
        "zavřít", "přejít k obsahu", "přeskočit na obsah", "kontakty", "o nás", "ochrana osobních údajů",
        "mapa stránek", "zobrazit vše", "zobrazit více", "načíst další", "další článek", "předchozí článek",
        "nejnovější příspěvky", "nejnovější komentáře", "rubriky", "archivy", "vytisknout",
    ),
    "tr": (
        "arama", "ana sayfa", "anasayfa", "giriş yap", "çıkış", "çıkış yap", "üye ol", "kayıt ol", "hesabım",
        "başa dön", "yukarı çık", "sonraki", "önceki", "kapat", "içeriğe geç", "İçeriğe geç", "iletişim",
        "İletişim", "hakkımızda", "gizlilik politikası", "kullanım koşulları", "site haritası", "tümünü gör",
        "daha fazla göster", "daha fazla yükle", "sonraki haber", "önceki haber", "sonraki yazı", "önceki yazı",
        "son yazılar", "son yorumlar", "kategoriler", "arşivler", "yazdır",
    ),
    "sv": (
        "sök", "meny", "stäng", "startsida", "logga in", "logga ut", "registrera", "mitt konto", "till toppen",
        "tillbaka till toppen", "nästa", "föregående", "hoppa till innehåll", "gå till innehållet",
        "kontakta oss", "om oss", "integritetspolicy", "visa alla", "visa mer", "ladda fler", "nästa artikel",
        "föregående artikel", "senaste inläggen", "senaste kommentarer", "kategorier", "arkiv", "skriv ut",
        "webbplatskarta",
    ),
    "id": (
        "cari", "pencarian", "beranda", "akun saya", "kembali ke atas", "selanjutnya", "sebelumnya",
        "langsung ke konten", "hubungi kami", "tentang kami", "kebijakan privasi", "syarat dan ketentuan",
        "lihat semua", "tampilkan lebih banyak", "muat lebih banyak", "artikel selanjutnya", "artikel sebelumnya",
        "pos terbaru", "komentar terbaru", "arsip",
    ),
    "ja": (
        "検索", "メニュー", "ホーム", "トップページ", "ログイン", "ログアウト", "新規登録", "会員登録", "マイページ",
        "ページトップへ", "ページの先頭へ", "ページの先頭へ戻る", "トップへ戻る", "次へ", "前へ", "次の記事", "前の記事",
        "閉じる", "本文へ移動", "本文へスキップ", "コンテンツへスキップ", "お問い合わせ", "お問合せ", "会社概要",
        "プライバシーポリシー", "利用規約", "サイトマップ", "すべて見る", "もっと見る", "一覧を見る", "最近の投稿",
        "最近のコメント", "カテゴリー", "アーカイブ", "投稿ナビゲーション",
    ),
    "zh": (
        "搜索", "搜尋", "首页", "首頁", "返回首页", "回到首页", "菜单", "登录", "登錄", "登入", "注册", "註冊", "退出",
        "登出", "返回顶部", "回到顶部", "返回頂部", "回到頂部", "上一篇", "下一篇", "上一页", "下一页", "上一頁", "下一頁",
        "关闭", "關閉", "联系我们", "聯絡我們", "关于我们", "關於我們", "隐私政策", "隱私權政策", "网站地图", "网站导航",
        "查看全部", "查看更多", "加载更多", "跳到主要内容", "最新文章", "文章导航",
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
    "nl": ("nieuws", "binnenland", "buitenland", "politiek", "economie", "cultuur", "wetenschap", "gezondheid",
           "opinie", "achtergrond"),
    "pl": ("wiadomości", "kraj", "świat", "polityka", "gospodarka", "biznes", "kultura", "nauka", "zdrowie",
           "opinie", "technologie", "publicystyka", "polska"),
    "ru": ("новости", "политика", "экономика", "общество", "в мире", "культура", "спорт", "наука", "здоровье",
           "технологии", "мнения", "происшествия", "россия"),
    "uk": ("новини", "політика", "економіка", "суспільство", "світ", "культура", "спорт", "наука", "здоров'я",
           "технології", "україна"),
    "cs": ("zprávy", "domácí", "zahraničí", "politika", "ekonomika", "kultura", "věda", "zdraví", "názory",
           "technologie", "byznys"),
    "tr": ("gündem", "haberler", "dünya", "siyaset", "ekonomi", "spor", "kültür sanat", "sağlık", "bilim",
           "teknoloji", "yaşam", "magazin", "türkiye"),
    "sv": ("nyheter", "inrikes", "utrikes", "politik", "ekonomi", "kultur", "nöje", "vetenskap", "hälsa", "debatt",
           "ledare", "sverige", "världen"),
    "id": ("berita", "nasional", "internasional", "politik", "ekonomi", "bisnis", "olahraga", "teknologi",
           "kesehatan", "gaya hidup", "hiburan", "opini"),
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

# Whole-line notices: advertisement labels, share and follow buttons, comment-form lines.
PROMO_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted", "paid content",
           "share", "share this", "share this article", "share this story", "share on facebook",
           "share on twitter", "share on linkedin", "tweet", "follow us", "subscribe", "subscribe now",
           "sign up", "newsletter", "accept", "accept all", "accept cookies", "reject all", "cookie settings",
           "manage cookies", "continue reading below", "story continues below advertisement", "leave a reply",
           "leave a comment", "add a comment", "post a comment", "post comment", "cancel reply",
           "required fields are marked", "enter your comment here", "comments are closed",
           "fill in your details below or click an icon to log in", "notify me of new posts by email",
           "notify me of follow up comments by email", "notify me of new comments via email",
           "save my name email and website in this browser for the next time i comment",
           "you must be logged in to post a comment", "like loading", "be the first to like this",
           "share this with friends", "share via email", "share on whatsapp", "advertise with us", "ad choices",
           "adchoices", "cookie policy", "blog at wordpress com", "create a free website or blog at wordpress com",
           "proudly powered by wordpress", "powered by wordpress"),
    "fr": ("publicité", "partager", "partager sur facebook", "partager sur twitter", "suivez nous",
           "s abonner", "abonnez vous", "newsletter", "tout accepter", "accepter", "tout refuser",
           "laisser un commentaire", "ajouter un commentaire", "laisser une réponse", "annuler la réponse",
           "j aime", "j aime chargement", "partager sur whatsapp", "partager par e mail"),
    "de": ("anzeige", "werbung", "teilen", "auf facebook teilen", "folgen sie uns", "abonnieren",
           "newsletter abonnieren", "alle akzeptieren", "akzeptieren", "ablehnen", "cookie einstellungen",
           "schreibe einen kommentar", "hinterlasse einen kommentar", "hinterlasse eine antwort",
           "kommentar verfassen", "kommentar schreiben", "kommentar hinzufügen", "kommentieren",
           "antworten abbrechen", "antwort abbrechen", "erforderliche felder sind mit markiert",
           "erforderliche felder sind markiert", "gib hier deinen kommentar ein",
           "trage deine daten unten ein oder klicke ein icon um dich einzuloggen",
           "informiere mich über neue beiträge per e mail", "benachrichtige mich über neue beiträge via e mail",
           "benachrichtige mich über nachfolgende kommentare via e mail",
           "benachrichtigung bei weiteren kommentaren per e mail senden",
           "meinen namen meine e mail adresse und meine website in diesem browser speichern bis ich wieder kommentiere",
           "gefällt mir", "gefällt mir wird geladen", "sei der erste dem dies gefällt", "einem blogger gefällt das",
           "einem blogger gefällt dies", "teilen mit", "teilen sie dies mit", "diesen artikel teilen",
           "artikel teilen", "beitrag teilen", "seite teilen", "twittern", "per e mail teilen",
           "auf twitter teilen", "auf whatsapp teilen", "ausgabe kaufen", "jetzt abonnieren", "mitglied werden",
           "erstelle eine kostenlose website oder blog auf wordpress com", "bloggen auf wordpress com"),
    "es": ("publicidad", "anuncio", "compartir", "compartir en facebook", "síguenos", "suscríbete",
           "suscribirse", "aceptar", "aceptar todo", "rechazar", "deja un comentario", "dejar un comentario",
           "deja una respuesta", "cancelar respuesta", "me gusta", "me gusta cargando", "compartir en twitter",
           "compartir en whatsapp"),
    "pt": ("publicidade", "anúncio", "compartilhar", "partilhar", "siga nos", "assine", "inscreva se",
           "aceitar", "aceitar todos", "deixe um comentário", "deixe uma resposta", "cancelar resposta",
           "curtir", "curtir carregando", "gostar disto", "compartilhe"),
    "it": ("pubblicità", "condividi", "condividi su facebook", "seguici", "iscriviti", "abbonati",
           "accetta", "accetta tutto", "rifiuta", "lascia un commento", "lascia un commento annulla risposta",
           "annulla risposta", "mi piace", "mi piace caricamento", "condividi su twitter", "condividi su whatsapp"),
    "ar": ("إعلان", "اعلان", "شارك", "مشاركة", "تابعنا", "اشترك", "اشترك الآن", "النشرة البريدية", "قبول",
           "اترك تعليقاً", "اترك تعليقا", "أضف تعليق", "إلغاء الرد"),
    "nl": ("advertentie", "gesponsord", "delen", "deel dit artikel", "deel op facebook", "delen op facebook",
           "volg ons", "abonneren", "schrijf je in", "nieuwsbrief", "accepteren", "alles accepteren", "weigeren",
           "cookie instellingen", "laat een reactie achter", "plaats een reactie", "reactie plaatsen",
           "reactie annuleren", "reageer", "vereiste velden zijn gemarkeerd met"),
    "pl": ("reklama", "sponsorowane", "artykuł sponsorowany", "udostępnij", "podziel się", "udostępnij na facebooku",
           "udostępnij na twitterze", "obserwuj nas", "subskrybuj", "zapisz się", "zapisz się do newslettera",
           "akceptuję", "akceptuj", "zaakceptuj wszystkie", "odrzuć", "ustawienia cookies", "dodaj komentarz",
           "zostaw komentarz", "napisz komentarz", "skomentuj", "anuluj pisanie odpowiedzi", "podoba mi się",
           "wymagane pola są oznaczone"),
    "ru": ("реклама", "поделиться", "поделитесь", "рассказать друзьям", "подписаться", "подпишитесь",
           "подписаться на рассылку", "мы в соцсетях", "мы в социальных сетях", "принять", "принять все",
           "отклонить", "оставить комментарий", "добавить комментарий", "оставьте комментарий",
           "отправить комментарий", "комментировать", "отменить ответ", "понравилась статья поделиться с друзьями",
           "обязательные поля помечены", "нравится"),
    "uk": ("реклама", "поділитися", "підписатися", "підпишіться", "прийняти", "залишити коментар",
           "додати коментар", "скасувати відповідь", "обов'язкові поля позначені"),
    "cs": ("reklama", "sdílet", "sdílej", "sdílet na facebooku", "sledujte nás", "odebírat", "přihlásit k odběru",
           "přijmout", "přijmout vše", "odmítnout", "napsat komentář", "přidat komentář", "zrušit odpověď",
           "vyžadované informace jsou označeny"),
    "tr": ("reklam", "paylaş", "facebook'ta paylaş", "twitter'da paylaş", "bizi takip edin", "abone ol",
           "kabul et", "tümünü kabul et", "reddet", "yorum yap", "yorum yaz", "bir yanıt yazın", "yanıtı iptal et",
           "bir cevap yazın", "cevabı iptal et", "gerekli alanlar ile işaretlenmişlerdir"),
    "sv": ("annons", "dela", "dela artikeln", "dela på facebook", "följ oss", "prenumerera", "nyhetsbrev",
           "acceptera", "acceptera alla", "godkänn", "neka", "lämna en kommentar", "skriv en kommentar",
           "avbryt svar", "obligatoriska fält är märkta"),
    "id": ("iklan", "bagikan", "bagikan artikel ini", "ikuti kami", "berlangganan", "terima semua",
           "tinggalkan komentar", "tinggalkan balasan", "tulis komentar", "batalkan balasan",
           "ruas yang wajib ditandai"),
    "ja": ("広告", "スポンサーリンク", "シェアする", "シェア", "ツイート", "lineで送る", "フォローする", "購読する",
           "ニュースレター", "同意する", "すべて同意する", "拒否する", "コメントを残す", "コメントする", "コメントを書く",
           "返信をキャンセル", "いいね", "メールアドレスが公開されることはありません",
           "メールアドレスが公開されることはありません * が付いている欄は必須項目です"),
    "zh": ("广告", "廣告", "分享", "分享到", "分享至", "分享到微信", "分享到微博", "关注我们", "關注我們", "订阅", "訂閱",
           "全部接受", "发表评论", "發表評論", "发表回复", "取消回复", "取消回覆", "您的电子邮箱地址不会被公开",
           "您的电子邮箱地址不会被公开 必填项已用 标注", "电子邮件地址不会被公开 必填项已用 标注", "微信扫一扫"),
}

# Headings that open a list of links to other articles.
RELATED_PHRASES: dict[str, tuple[str, ...]] = {
    "en": ("related", "related articles", "related stories", "related posts", "related content", "related links",
           "related coverage", "you may also like", "you might also like", "you may also be interested in",
           "you might be interested in", "also in the news", "other top stories", "top stories", "more stories",
           "more news", "most popular", "most read", "most viewed", "recommended", "recommended for you",
           "read next", "what to read next", "more from", "trending", "trending now", "around the web",
           "also on", "see also", "in other news", "latest news", "more on this story", "related posts",
           "similar posts", "more from this author", "you may also enjoy"),
    "fr": ("à lire aussi", "lire aussi", "sur le même sujet", "articles liés", "les plus lus", "vous aimerez aussi",
           "à voir aussi", "dans la même rubrique", "articles similaires",
           "vous pourriez aussi aimer", "articles connexes"),
    "de": ("mehr zum thema", "das könnte sie auch interessieren", "verwandte artikel", "meistgelesen",
           "ähnliche artikel", "auch interessant", "weitere artikel", "lesen sie auch",
           "das könnte dich auch interessieren", "das könnte dich interessieren", "das könnte sie interessieren",
           "ähnliche beiträge", "verwandte beiträge", "weitere beiträge", "meist gelesen", "meistgelesene artikel",
           "neueste artikel", "lies auch", "weiterführende informationen", "empfohlene artikel",
           "auch lesenswert", "mehr aus dem ressort"),
    "es": ("te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído", "más noticias",
           "también te puede interesar", "relacionado",
           "temas relacionados", "entradas relacionadas", "publicaciones relacionadas", "te recomendamos"),
    "pt": ("leia também", "notícias relacionadas", "artigos relacionados", "mais lidas", "você também pode gostar",
           "relacionado", "posts relacionados", "veja também", "leia mais sobre"),
    "it": ("leggi anche", "articoli correlati", "potrebbe interessarti", "i più letti", "ti potrebbe interessare",
           "correlati", "articoli simili", "potrebbe interessarti anche"),
    "ar": ("اقرأ أيضا", "مواضيع ذات صلة", "أخبار ذات صلة", "الأكثر قراءة", "قد يعجبك أيضا"),
    "nl": ("gerelateerd", "gerelateerde artikelen", "gerelateerde berichten", "lees ook", "meest gelezen",
           "ook interessant", "dit vind je misschien ook leuk", "meer over dit onderwerp", "meer nieuws"),
    "pl": ("zobacz także", "zobacz też", "czytaj także", "czytaj też", "przeczytaj także", "przeczytaj też",
           "powiązane artykuły", "podobne artykuły", "podobne wpisy", "podobne posty", "najczęściej czytane",
           "najpopularniejsze", "polecamy", "może cię zainteresować", "mogą cię zainteresować", "więcej na ten temat"),
    "ru": ("читайте также", "смотрите также", "см также", "похожие статьи", "похожие записи", "похожие новости",
           "по теме", "популярное", "самое читаемое", "самое популярное", "рекомендуем", "вам может быть интересно",
           "вам также может понравиться", "другие новости", "ещё по теме", "еще по теме", "новости по теме",
           "материалы по теме"),
    "uk": ("читайте також", "дивіться також", "схожі статті", "схожі новини", "за темою", "популярне",
           "найпопулярніше", "новини за темою", "інші новини"),
    "cs": ("související články", "související", "čtěte také", "čtěte též", "přečtěte si také", "mohlo by vás zajímat",
           "nejčtenější", "doporučujeme", "další zprávy", "podobné články"),
    "tr": ("ilgili haberler", "İlgili haberler", "ilgili yazılar", "İlgili yazılar", "benzer haberler",
           "bunlar da ilginizi çekebilir", "ilginizi çekebilir", "İlginizi çekebilir", "en çok okunanlar",
           "çok okunanlar", "daha fazla haber"),
    "sv": ("relaterat", "relaterade artiklar", "läs också", "läs även", "mest läst", "mest lästa",
           "du kanske också gillar", "fler nyheter"),
    "id": ("baca juga", "berita terkait", "artikel terkait", "terpopuler", "paling banyak dibaca",
           "berita lainnya", "artikel lainnya"),
    "ja": ("関連記事", "関連", "関連ニュース", "おすすめ記事", "おすすめ", "人気記事", "よく読まれている記事",
           "こちらの記事もおすすめ", "あわせて読みたい", "合わせて読みたい", "新着記事"),
    "zh": ("相关阅读", "相關閱讀", "相关文章", "相關文章", "相关新闻", "相關新聞", "相关推荐", "推荐阅读", "推薦閱讀",
           "热门文章", "熱門文章", "猜你喜欢", "延伸阅读", "延伸閱讀", "热门推荐"),
}

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
    r"фотография|иллюстрация|ілюстрація|fotoğraf|görsel|gambar|写真|画像|撮影|图片|图片来源|圖片|摄影|攝影)s?\s*[:：]"
    r"[^()\[\]（）]{1,160}[)\]）]\s*$",
    r"[(\[]fot\.\s[^()\[\]]{1,120}[)\]]\s*$",  # Polish "(fot. Jan Kowalski/PAP)"
    # "Zain Jaafar/AFP", "… via Getty Images", "AP Photo/Jane Doe" closing a line.
    r"(?:/\s*(?:afp|reuters|ap|epa|dpa|getty|getty images|bloomberg|shutterstock|xinhua|anadolu|tass|тасс|"
    r"риа новости|pap|anp|čtk|ctk|tt|ntb|antara|efe|ansa|apa|keystone|imago|picture alliance|kyodo)|"
    r"\bvia getty images|\bgetty images|\bap photo\b[^.!?]{0,60})[)\]）]?\s*$",
)
# Characters one of CAPTION_ENDINGS needs in a line's tail: lines without any are skipped fast.
CAPTION_ENDING_MARKS: tuple[str, ...] = ("(", "[", "（", "/", "getty", "ap photo")

# Caption labels opening a line: "Photo: …", "Image caption …", "Bildquelle: …".
CAPTION_OPENINGS: tuple[str, ...] = (
    r"(?:photo|image|picture|photograph|pictured|illustration|video|credit|image caption|media caption|"
    r"image copyright|image source|caption|foto|fotos|bild|bildquelle|bildunterschrift|légende|crédit photo|"
    r"crédit|pie de foto|imagen|legenda|didascalia|صورة|الصورة|beeld|zdjęcie|fot\.|фото|иллюстрация|fotoğraf|"
    r"görsel|gambar|写真|画像|图片|圖片|资料图|資料圖)\s*(?:credit)?\s*(?:[:：|]|\s[—–-]\s)",
    r"(?:image caption|media caption|image copyright|getty images|photo credit|play video)$",
)
