"""Split a document into blocks, identify each block's language, and flag page furniture.

News pages mix the article with furniture (cookie notices, "related news" headers, picture
credits, share buttons...) that may be in another language than the article (seed 004: an English
page with Yoruba furniture). Facts are extracted only from blocks that are news text in French,
Spanish or English.

Language identification uses py3langid's naive Bayes model (in the wheel; no download). Short
lines are unreliable for any n-gram model, so `extractable` lets a weakly identified block inherit
the document's language unless its characters are evidence of another language (Yoruba dots
below, another script).
"""
from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from .vocabulary import TextScan

SUPPORTED = ("fr", "es", "en")

# --- language identification ----------------------------------------------------------------

# A news prior: the model scores 140 labels; many are regional neighbours of fr/es/en (Galician,
# Extremaduran, Aragonese, Occitan, Walloon, Guianese creoles, Nigerian Pidgin, Nynorsk...) that
# win on short strings by a hair although they are rare in news. Weighting the posterior by how
# likely each language is to be met in a news feed fixes short lines; long paragraphs carry so much
# evidence that the prior does not change them.
_PRIOR_SUPPORTED = 4.0
_PRIOR_RARE = 0.2
_RARE_IN_NEWS = frozenset(
    "ace an ast bcl br co crh dz eo ext fo fuv fy gcf gcr gd gom grc gug guw hbo ht kab kik la lb "
    "lij ltg nn nso oc pcm qu rw sa se sn st uzs vec vo wa wuu xh zu ary sdh arz ba tt tk tg mt "
    "ga cy gug ln lg mg om so sw jv ms tl ig ha".split()
)
_NOT_A_LANGUAGE = "zxx"  # the model's "no linguistic content" label

MIN_LETTERS = 3          # fewer letters than this: no language at all
MIN_CONFIDENCE = 0.15    # below this the top label is noise: report None
# A block identified as fr/es/en this surely keeps its own language rather than the document's
# (bench/langid.py: no wrong fr/es/en label at these settings on ~3,500 labelled lines).
STRONG = 0.60            # for blocks of SHORT_CHARS characters or more
STRONG_SHORT = 0.80      # for blocks of TINY_CHARS to SHORT_CHARS characters
SHORT_CHARS = 40
TINY_CHARS = 12          # shorter blocks are unreliable whatever the confidence says
FOREIGN_CONFIDENCE = 0.80  # a non-supported language this sure, on a block long enough, is foreign
FOREIGN_MIN_CHARS = 25
CLOSE_RATIO = 0.35       # a supported candidate within this ratio of the best one is "close"


_identifier_lock = threading.Lock()
_identifier_model = None
_identifier_preload: threading.Thread | None = None


def _identifier():
    """The model, loaded once, on first use (0.7 s), not at import time."""
    global _identifier_model
    with _identifier_lock:
        if _identifier_model is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier_model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier_model


def preload_identifier() -> None:
    """Start loading the model in a background thread. Most of its load is LZMA decompression,
    which releases the GIL: it overlaps the imports and grammar compilation a run does before its
    first block, instead of adding to them (a first `_identifier()` call waits for it)."""
    global _identifier_preload
    if _identifier_model is None and _identifier_preload is None:
        _identifier_preload = threading.Thread(target=_load_quietly, name="kastfacts-langid", daemon=True)
        _identifier_preload.start()


def _load_quietly() -> None:
    try:
        _identifier()
    except Exception:       # noqa: BLE001 (a full disk, say): the first block's own call loads again and reports it
        pass


def preload_done() -> None:
    """Wait for a preload to end (before a fork: a child must not inherit a thread mid-load)."""
    if _identifier_preload is not None:
        _identifier_preload.join()


def _prior(lang: str) -> float:
    if lang in SUPPORTED:
        return _PRIOR_SUPPORTED
    if lang in _RARE_IN_NEWS or lang == _NOT_A_LANGUAGE:
        return _PRIOR_RARE
    return 1.0


@lru_cache(maxsize=1)
def _label_priors() -> dict[str, float]:
    return {lang: _prior(lang) for lang in _identifier().nb_classes}


def _ranking(text: str) -> tuple[tuple[str, float], ...]:
    """The labels by posterior probability under the news prior, best first: the best one and the
    SUPPORTED ones, the part of the ranking that `_detect` and `_supported_scores` read.

    Not remembered: real news seldom repeats a paragraph, so a cache keyed on blocks only paid on
    a corpus recombining the same paragraphs; the short lines that do repeat (page furniture)
    are too cheap to rank for one to pay (measured on bench/corpus.py's corpus)."""
    ranker = _ranker()
    ranked = ranker.ranking(text) if ranker is not None else None
    if ranked is not None:
        return ranked
    priors = _label_priors()
    weighted = [(lang, p * priors[lang]) for lang, p in _identifier().rank(text)]
    total = sum(map(itemgetter(1), weighted)) or 1.0
    # (reverse=True keeps ties in the model's order, as the sort is stable)
    ranked = sorted([(lang, p / total) for lang, p in weighted], key=itemgetter(1), reverse=True)
    return tuple(entry for k, entry in enumerate(ranked) if k == 0 or entry[0] in SUPPORTED)


@lru_cache(maxsize=1)
def _ranker() -> _Ranker | None:
    try:
        return _Ranker(_identifier())
    except (AttributeError, TypeError, ValueError):      # another py3langid: its rank() is used
        return None


class _Ranker:
    """`_ranking` as py3langid's `LanguageIdentifier.rank` computes it, the same floats, faster.

    py3langid scores a text's features against a float16 table: numpy converts the rows it reads
    to float32 at every call, over a quarter of the cost of ranking a paragraph. Here each row is
    converted once, on first use, into a float32 table (its pages are taken as rows are filled:
    the features a corpus meets, not all 100,000 of them), and the same numpy operations as
    py3langid's then give the same scores from the same float32 values. py3langid then sorts its
    140 labels in Python, and `_ranking` sorts them again under the prior: here the model's order
    is numpy's stable sort, the total under the prior is still summed in that order in Python, and
    only the best label and the SUPPORTED ones are put in order."""

    def __init__(self, model):
        import numpy as np
        from py3langid.langid import visit_counts

        if not model._norm_probs:
            raise ValueError("scores that are not probabilities: not what this class follows")
        self.model, self.visit_counts = model, visit_counts
        self.table = np.zeros(model.nb_ptc.shape, dtype=np.float32)   # (calloc: untouched pages stay unmapped)
        self.filled = np.zeros(len(model.nb_ptc), dtype=bool)
        self.lock = threading.Lock()
        first = {}
        for i, label in enumerate(model.nb_classes):
            first.setdefault(label, i)                   # (an alias's column holds the merged score)
        self.columns = np.fromiter(first.values(), dtype=np.intp, count=len(first))
        self.labels = list(first)
        self.priors = np.array([_prior(label) for label in first], dtype=np.float64)
        self.supported = np.array([label in SUPPORTED for label in first])

    def ranking(self, text: str) -> tuple[tuple[str, float], ...] | None:
        """`_ranking(text)`, or None for py3langid to compute (a text with no features)."""
        import numpy as np

        model = self.model
        data = model._encode(text)
        visits = self.visit_counts(model.tk_nextmove, model._rowbase, model.tk_output, data)
        if not visits:
            return None
        idx = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))     # LanguageIdentifier._sparse_score
        counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
        scores = np.log1p(counts) @ self._rows(idx) + model.nb_pc
        scores *= 1.0 / math.sqrt(len(data) or 1)                             # ... and _decide
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for i, j in model._alias_pairs:
            scores[i] += scores[j]
            scores[j] = 0.0
        scores = scores[self.columns]
        if not np.isfinite(scores).all():
            return None                                  # (Python's sort and numpy's part on NaN)
        by_model = np.argsort(-scores, kind="stable")                         # rank(): best first
        weighted = scores[by_model].astype(np.float64) * self.priors[by_model]
        total = sum(weighted.tolist()) or 1.0
        weighted /= total
        # the best (the first of the highest, as a stable sort puts it) and the SUPPORTED ones,
        # highest first, ties in the model's order
        kept = sorted({int(weighted.argmax()), *np.flatnonzero(self.supported[by_model]).tolist()},
                      key=lambda k: (-weighted[k], k))
        return tuple((self.labels[by_model[k]], float(weighted[k])) for k in kept)

    def _rows(self, idx):
        """The features' rows of the model's table, as float32 (float16 widens exactly)."""
        new = idx[~self.filled[idx]]
        if new.size:
            with self.lock:
                self.table[new] = self.model.nb_ptc[new]
                self.filled[new] = True
        return self.table[idx]


def _letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))


def detect_language(text: str) -> tuple[str | None, float]:
    """(language code, probability) of `text`; (None, p) when too short or no label is credible.

    Codes are the model's: ISO 639-1 where one exists ('yo', 'pt'), else ISO 639-3 ('pcm').
    """
    letters = _letter_count(text)
    return _detect(text, letters, _ranking(text) if letters >= MIN_LETTERS else ())


def _detect(text: str, letters: int, ranking: tuple[tuple[str, float], ...]) -> tuple[str | None, float]:
    """detect_language, given `text`'s letter count and ranking (make_block computes both once,
    for this and for the block's supported scores)."""
    if letters < MIN_LETTERS:
        return None, 0.0
    lang, prob = ranking[0]
    if lang not in SUPPORTED and not text.isascii():
        # Names written with foreign letters (Ọọ̀ni Adéyẹyè, Erdoğan) pull the n-grams towards
        # their language; judge the sentence on its other words when there are enough of them.
        rest = _without_foreign_words(text)
        if rest != text and _letter_count(rest) >= 2 * FOREIGN_MIN_CHARS:
            rest_lang, rest_prob = _ranking(rest)[0]
            if rest_lang in SUPPORTED and rest_prob >= STRONG:
                return rest_lang, rest_prob
    if lang == _NOT_A_LANGUAGE or prob < MIN_CONFIDENCE:
        return None, prob
    return lang, prob


def _without_foreign_words(text: str) -> str:
    return _WORD.sub(lambda m: "" if _has_foreign_letter(m.group()) else m.group(),
                     unicodedata.normalize("NFC", text))


def _supported_scores(ranking: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    """SUPPORTED languages' probabilities in a ranking, best first."""
    # 140 labels: filtered without a Python loop
    return tuple(compress(ranking, map(_IS_SUPPORTED, map(itemgetter(0), ranking))))


_IS_SUPPORTED = frozenset(SUPPORTED).__contains__


# --- characters ---------------------------------------------------------------------------------

# Latin letters with diacritics that French, Spanish or English writing uses. Any other marked
# Latin letter (Yoruba ọ ẹ ṣ ń, Portuguese ã õ, Turkish ğ ş, Polish ł...) is foreign evidence.
_NATIVE_MARKED = frozenset("àâæçéèêëîïôœùûüÿáíñóú" + "àâæçéèêëîïôœùûüÿáíñóú".upper())

CHARSET_LATIN = "latin"                   # compatible with fr/es/en
CHARSET_FOREIGN_MARKS = "foreign-marks"   # Latin, with letters no fr/es/en word has
CHARSET_OTHER_SCRIPT = "other-script"     # mostly Cyrillic, Arabic, CJK...
CHARSET_NONE = "none"                     # no letters at all (figures, a date): compatible
_OTHER_SCRIPT_SHARE = 0.3
_FOREIGN_WORD_SHARE = 0.2


@lru_cache(maxsize=2048)
def _char_kind(ch: str) -> str:
    """'ascii', 'native', 'foreign' (marked Latin), 'other' (other script) or 'mark' (combining)."""
    if ch.isascii():
        return "ascii"
    if unicodedata.category(ch) == "Mn":
        return "mark"
    if ch in _NATIVE_MARKED:
        return "native"
    return "foreign" if unicodedata.name(ch, "").startswith("LATIN") else "other"


def _has_foreign_letter(word: str) -> bool:
    return not word.isascii() and any(_char_kind(ch) in ("foreign", "mark") for ch in word)


_WORD = re.compile(r"[^\W\d_]+(?:[\u0300-\u036f][^\W\d_]*)*")


def charset(text: str) -> str:
    """How compatible the letters of `text` are with French, Spanish and English writing."""
    if text.isascii():
        return CHARSET_LATIN if any(map(str.isalpha, text)) else CHARSET_NONE
    text = unicodedata.normalize("NFC", text)
    chars = set(text)
    kinds = [(ch, _char_kind(ch)) for ch in chars if not ch.isascii()]   # the few accented ones
    if not any(kind in ("foreign", "mark") or (kind == "other" and ch.isalpha()) for ch, kind in kinds):
        # no letter of another script, none foreign: what the counts below would say, uncounted
        return CHARSET_LATIN if any(map(str.isalpha, chars)) else CHARSET_NONE
    counts = Counter(text)      # per distinct character: a paragraph has a few dozen of them
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    if not letters:
        return CHARSET_NONE
    other = sum(n for ch, n in counts.items() if ch.isalpha() and _char_kind(ch) == "other")
    if other / letters > _OTHER_SCRIPT_SHARE:
        return CHARSET_OTHER_SCRIPT
    if not any(_char_kind(ch) in ("foreign", "mark") for ch in counts):
        return CHARSET_LATIN    # no word can carry a foreign letter: most accented fr/es text
    words = _WORD.findall(text)
    foreign_words = sum(1 for w in words if _has_foreign_letter(w))
    # A foreign name ("Erdoğan", "São Paulo") in a paragraph is normal; a line where a fifth of the
    # words carry foreign letters is written in another language.
    if foreign_words and foreign_words / max(len(words), 1) >= _FOREIGN_WORD_SHARE:
        return CHARSET_FOREIGN_MARKS
    return CHARSET_LATIN


# --- boilerplate --------------------------------------------------------------------------------

def _norm(text: str) -> str:
    """Lower-case, NFC, inner whitespace collapsed, decoration at the ends dropped."""
    text = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    # what `re` calls [\W_] is what is not alphanumeric; a loop from each end beats a regex
    # that tries "[\W_]+$" at every character
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _phrases(*items: str) -> frozenset[str]:
    return frozenset(_norm(item) for item in items)


# Headers that introduce links to other stories (the links' own teasers are news text: kept).
_RELATED_HEADERS = _phrases(
    # fr
    "Lire aussi", "À lire aussi", "A lire aussi", "À lire également", "Lire également", "Lire la suite",
    "Sur le même sujet", "Dans la même rubrique", "Articles similaires", "Articles liés",
    "Voir aussi", "À voir aussi", "À découvrir", "Les plus lus", "Les plus partagés",
    "Nos articles sur le sujet", "Plus d'actualités", "Dernières actualités", "À la une",
    "Actualités liées", "Sur le même thème", "Vous aimerez aussi", "Vous pourriez aussi aimer",
    "Ces articles peuvent vous intéresser", "Lire plus", "En savoir plus", "Voir plus",
    "Plus d'infos", "Plus d'informations", "Les plus consultés", "Les plus lus", "Les plus vus",
    # es
    "Noticias relacionadas", "Te puede interesar", "Le puede interesar", "Lee también",
    "Lea también", "Leer más", "Lee más", "Ver más", "Más noticias", "Notas relacionadas",
    "Artículos relacionados", "También te puede interesar", "Ver también", "Lo más leído",
    "Lo más visto", "Últimas noticias", "Relacionado", "Relacionadas", "Temas relacionados",
    "Contenido relacionado", "Más información", "Sigue leyendo", "Seguir leyendo", "Mira también",
    "Te recomendamos", "Recomendados", "Otras noticias", "Ver más noticias", "Más leídas",
    "Lo más leído", "Más vistas", "Lo último", "Noticias destacadas",
    # en
    "Read more", "Read also", "Related stories", "Related news", "Related articles", "Related",
    "Related content", "Related coverage", "Related topics", "More on this story", "More stories",
    "You may also like", "You might also like", "See also", "Most read", "Most popular",
    "Trending", "Trending now", "Recommended", "Recommended for you", "Top stories",
    "Latest news", "More news", "Continue reading", "Keep reading", "Also read", "Don't miss",
    "More from this section", "Editor's picks", "What to read next", "Up next", "Most viewed",
    "Most shared", "Read next", "Further reading", "In other news",
    # pt, it, de, ca, yo
    "Leia também", "Leia mais", "Notícias relacionadas", "Veja também", "Saiba mais",
    "Leggi anche", "Articoli correlati", "Potrebbe interessarti", "Notizie correlate",
    "Mehr zum Thema", "Lesen Sie auch", "Das könnte Sie auch interessieren", "Weitere Artikel",
    "Llegiu també", "Notícies relacionades", "Us pot interessar",
    "Awọn iroyin ti o ni ibatan", "Àwọn ìròyìn tó jọmọ́",
)
# "Más de Mundo", "More from Americas": links to a section (one or two words, no figures).
_SECTION_LINK = re.compile(r"^(?:más de|more from|more in|plus de la rubrique) [^\W\d_]+(?: [^\W\d_]+)?$")
# Shorter forms with a tail ("Lire aussi :", "Related stories (3)") or a generic "related" word.
_RELATED_PATTERN = re.compile(
    r"^(?:[\w'’]+ ){0,3}(?:related|relacionad[ao]s?|relacionats?|relacionades|correlat[ie]|"
    r"connexes?|liés|similaires|ibatan)(?: [\w'’]+){0,2}$"
)

_AGENCIES = (
    r"afp|efe|reuters|ap|associated press|getty images?|getty|europa press|dpa|ansa|xinhua|"
    r"agencia uno|aton(?: chile)?|epa|bloomberg|anadolu|sipa|abaca|maxppp|hans lucas|"
    r"shutterstock|istock|unsplash|pexels|wikimedia commons|archivo|archives?|file|cedoc|"
    r"agence france-presse|agencia efe|prensa presidencial|presidencia|twitter|x|instagram|"
    r"youtube|facebook|tiktok|ia|ai"
)
_AGENCY_LINE = re.compile(
    rf"^[(\[]?(?:©\s*)?(?:{_AGENCIES})(?:\s+(?:photos?|fotos?|images?))?(?:\s*[/|,-]\s*[\w .'’-]{{1,40}}){{0,3}}[)\]]?\.?$", re.I
)
_CREDIT_LINE = re.compile(
    r"^(?:crédits?(?: photos?)?|photos?(?: credits?)?|picture|pictures|image|images|imagen|"
    r"imágenes|fotos?|fotografías?|ilustración|illustration|infographie|infografía|vidéo|video|"
    r"crédito|créditos|credits?|source|fuente|captura|capture d'écran|screenshot|"
    r"photographie|photograph|cover image|portada|àwòrán|photo d'illustration|"
    r"image d'illustration|pictured|imagen de archivo|foto de archivo|image credit|photo credit)\s*(?:[:/©|–—-]|by|de|par|por)\s*(.{1,80})$",
    re.I,
)
# What follows "Photo:" in a credit is a name or an agency; in a caption it is a sentence.
_CREDIT_CONNECTORS = frozenset("by de par por via and y et & for para pour on en sur in".split())
_CREDIT_COMMON_WORDS = frozenset("archives archive archivo file handout courtesy cortesía "
                                 "gentileza courtoisie reproduction captura".split())
_CREDIT_TOKEN = re.compile(r"[^\s/|,;()]+")


def _looks_like_credit(tail: str) -> bool:
    tokens = [t for t in _CREDIT_TOKEN.findall(tail) if t.casefold() not in _CREDIT_CONNECTORS]
    return 0 < len(tokens) <= 8 and all(
        t[0].isupper() or t[0].isdigit() or t[0] in "©@" or t.casefold().strip(".") in _CREDIT_COMMON_WORDS
        for t in tokens)
_AI_GENERATED = re.compile(
    r"(?:\b(?:ai|ia)\b.{0,25}(?:generat|généré|genera|créé|cread|hech|made|ṣe|produced)|"
    r"(?:generat|généré|genera|créé|cread|hech|made|produced|ṣe)\w*.{0,25}\b(?:ai|ia)\b|"
    r"intelligence artificielle|inteligencia artificial|artificial intelligence)",
    re.I,
)

_COOKIE_WORD = r"(?:cookies?|kuki|galletas?|témoins?)"
_COOKIE_NOTICE = re.compile(
    r"(?:"
    # first person or "this site" + use verb + cookies, in the languages we meet
    r"\b(?:we|nous|this (?:web)?site|our (?:web)?site|ce site(?: web)?|notre site(?: web)?|"
    r"este (?:sitio|portal|site|sitio web|medio)|nuestro (?:sitio|portal)(?: web)?|questo sito|"
    r"wir|diese (?:website|webseite|seite)|o site|ojú-ìwé yìí|ojú ìwé yìí)"
    # at most three words between subject and verb ("we and our partners use"), so that a
    # reported "we will fine companies that use cookies" is not taken for a banner
    r"(?:\s+\S+){0,3}?\s+(?:use|uses|utilise|utilisons|utilisent|utiliza|usa|utilizza|"
    r"verwenden|verwendet|nutzen|nutzt|nlo|ń lò)"
    rf"(?:\s+\S+){{0,3}}?\s+{_COOKIE_WORD}\b"
    r"|\ba nlo kuki\b"
    # first-person verb on its own (Spanish, Italian, French drop or invert the subject)
    r"|\b(?:utilizamos|usamos|empleamos|utilisons|utilizziamo|usiamo|verwenden wir)\b"
    rf"[^.!?]{{0,30}}?\b{_COOKIE_WORD}\b"
    # the reader's consent
    r"|\b(?:vous acceptez|you (?:agree|accept|consent)|aceptas?|consientes?|usted acepta|"
    r"acepta el uso|accepte[zr]? l'utilisation)\b"
    rf"[^.!?]{{0,40}}?\b{_COOKIE_WORD}\b"
    r")",
    re.I,
)
# Cookie banner links and buttons: only in blocks of a few words.
_COOKIE_UI = re.compile(rf"\b{_COOKIE_WORD}\b", re.I)
_COOKIE_UI_MAX_WORDS = 6
_QUOTE_MARK = re.compile(r"[\"“”«»]")

_BUTTONS = _phrases(
    "Accept", "Accept all", "Accept cookies", "Reject", "Reject all", "Decline", "OK", "Got it",
    "I agree", "Agree", "Accept and close", "Accept and continue", "Accepter et fermer",
    "Accepter et continuer", "Aceptar y cerrar", "Aceptar y continuar", "Close", "Continue", "Settings", "Manage preferences", "More options",
    "Accepter", "Tout accepter", "Refuser", "Tout refuser", "Continuer sans accepter", "J'accepte",
    "Fermer", "Paramétrer", "Personnaliser", "En savoir plus et paramétrer",
    "Aceptar", "Aceptar todo", "Aceptar todas", "Rechazar", "Rechazar todo", "Cerrar",
    "Configurar", "Configuración", "Entendido", "De acuerdo", "Acepto",
    "Aceitar", "Rejeitar", "Accetta", "Rifiuta", "Akzeptieren", "Ablehnen", "Acceptar",
    "Kọ", "Gba", "Gba gbogbo", "Kọ gbogbo", "Mo gba",
)
_NAVIGATION_WORDS = _phrases(
    "Menu", "Menú", "Home", "Inicio", "Portada", "Accueil", "Search", "Buscar", "Rechercher",
    "Recherche", "Búsqueda", "Back to top", "Volver arriba", "Ir arriba", "Retour en haut",
    "Haut de page", "Retour à l'accueil", "Back to home", "Back to homepage", "Volver al inicio",
    "Volver a la portada", "Next", "Previous", "Next article", "Previous article", "Article suivant",
    "Article précédent", "Siguiente", "Anterior", "Siguiente noticia", "Noticia anterior",
    "Log in", "Login", "Sign in", "Iniciar sesión", "Se connecter", "Connexion", "Mi cuenta",
    "Mon compte", "My account", "Skip to content", "Skip to main content", "Aller au contenu",
    "Ir al contenido", "Comments", "Comentarios", "Commentaires", "Leave a comment",
    "Deja tu comentario", "Deja un comentario", "Laisser un commentaire", "Ajouter un commentaire",
    "Print", "Imprimir", "Imprimer", "Listen", "Escuchar", "Écouter", "Écouter cet article",
    "Escuchar noticia", "Listen to this article", "Tags", "Etiquetas", "Mots-clés", "Temas",
    "Sections", "Secciones", "Rubriques", "Edition", "Édition", "Edición", "Live", "En direct",
    "En vivo", "En directo", "Video", "Vidéo", "Vídeo", "Photos", "Fotos", "Galería", "Galerie",
    "Advertisement", "Publicidad", "Publicité", "Anuncio", "Sponsored", "Patrocinado",
    "Contenu sponsorisé", "Contenido patrocinado", "Sponsored content", "Pub", "Ad",
)
# Reading time and audio player lines.
_READING = re.compile(
    r"^(?:\d+ min(?:utes?)? read|(?:temps de )?lecture\s*:?\s*\d+ min(?:utes?)?|"
    r"(?:tiempo de )?lectura\s*:?\s*\d+ min(?:utos?)?|listen to (?:this )?article|"
    r"écouter (?:cet )?article|escuchar (?:esta )?noticia|escuchar (?:este )?artículo)$"
)
# Breadcrumbs: two or more short items joined by › > » / | ·
_BREADCRUMB = re.compile(r"^[^\W\d_][\w .'’-]{0,30}(?:\s+[›>»/|·•]\s+[^\W\d_][\w .'’-]{0,30}){1,6}$")

_SOCIAL = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|email|e-mail|mail|correo|courriel|"
    r"messenger|pinterest|reddit|bluesky|threads|instagram|tiktok|flipboard|copy link|"
    r"copier le lien|copiar enlace|copiar link|print|imprimir|imprimer|sms"
)
_SHARE_WORDS = (
    r"share|partager|partagez|compartir|comparte|compartilhar|condividi|teilen|tweet|tweeter|"
    r"envoyer|enviar|send|pin|follow us|síguenos|suivez-nous|seguici|siga-nos|folgen sie uns"
)
_SHARE = re.compile(
    rf"^(?:{_SHARE_WORDS})(?: (?:this|this article|this story|cet article|l'article|esta noticia|"
    rf"este artículo|la noticia|on|sur|en|por|via|par|in|no|na|su|auf|über|per))*"
    rf"[\s:,|/·-]*(?:(?:{_SOCIAL})[\s,|/·-]*)*$"
    rf"|^(?:(?:{_SOCIAL})[\s,|/·-]*){{2,}}$",
    re.I,
)
# Calls to subscribe: imperatives and paywall wording that reporting prose does not use.
_SUBSCRIPTION = re.compile(
    r"^(?:subscribe|sign up|signup)\b|\b(?:subscribe|sign up) (?:now|today|here|for free|free|"
    r"for (?:our|the|free)|to (?:our|the) (?:newsletter|channel|podcast|digital))\b|"
    r"\b(?:abonnez-vous|abonne-toi|je m'abonne|inscrivez-vous|inscris-toi|suscr[ií]bete|"
    r"suscr[ií]base|reg[ií]strate|reg[ií]strese|hazte socio|assine já|iscriviti|abbonati|"
    r"jetzt abonnieren|déjà abonné|ya eres suscriptor|already a subscriber|réservé aux abonnés|"
    r"exclusivo para suscriptores|solo para suscriptores|subscribers? only|subscriber-only|"
    r"exclusive to subscribers|"
    r"(?:in|to|into|dans|en|a) (?:your|votre|ta|tu|su) "
    r"(?:inbox|boîte (?:mail|e-mail|aux lettres|de réception)|correo|bandeja de entrada))\b",
    re.I,
)
# ... and bare subscription words, only in blocks of a few words ("Newsletter", "Mon abonnement").
_SUBSCRIPTION_WORD = re.compile(
    r"\b(?:newsletters?|subscriptions?|abonnements?|suscripci[oó]n|bolet[ií]n|"
    r"lettre d'information|lettre d'info)\b",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d\d))|©\s*(?:19|20)\d\d|all rights reserved|tous droits réservés|"
    r"todos los derechos reservados|derechos reservados|reproduction interdite|"
    r"prohibida (?:su|la) reproducción|tutti i diritti riservati|todos os direitos reservados|"
    r"alle rechte vorbehalten",
    re.I,
)
_PUNCT_ONLY = re.compile(r"^[\W_]+$")

_MAX_FURNITURE_WORDS = 14    # furniture lines are short; longer ones need stronger patterns
_MAX_NOTICE_WORDS = 120      # a cookie notice or copyright footer may run to a paragraph


def boilerplate_reason(text: str) -> str | None:
    """Why `text` (one block) is page furniture that must yield no facts, or None if it may be news.

    Conservative: a short line must *be* the furniture (a header, a credit, a button); only cookie
    notices and copyright footers are recognized inside longer text, and then only by wording that
    news sentences do not use ("this site uses cookies", "all rights reserved").
    """
    if _PUNCT_ONLY.match(text):
        return "punctuation"
    norm = _norm(text)
    words = len(norm.split())
    if norm in _RELATED_HEADERS or (words <= 5 and _RELATED_PATTERN.match(norm)):
        return "related-header"
    if _SECTION_LINK.match(norm) or _READING.match(norm):
        return "navigation"
    if norm in _BUTTONS:
        return "button"
    if norm in _NAVIGATION_WORDS:
        return "navigation"
    stripped = text.strip()
    scan = TextScan(norm)      # the wording patterns' words, looked for once
    if words <= _MAX_FURNITURE_WORDS:
        if words <= 8 and scan.search(_AI_GENERATED):
            return "ai-label"
        credit = _CREDIT_LINE.match(stripped)
        if _AGENCY_LINE.match(stripped) or (credit and _looks_like_credit(credit.group(1))):
            return "picture-credit"
        if _SHARE.match(norm):
            return "share-buttons"
        if _BREADCRUMB.match(stripped) and not stripped.endswith((".", "!", "?")):
            return "navigation"
    if words <= _MAX_NOTICE_WORDS and not _QUOTE_MARK.search(text):
        # every notice pattern ends in a cookie word: without one (most blocks) the long one is not run
        if scan.search(_COOKIE_UI) and (words <= _COOKIE_UI_MAX_WORDS or scan.search(_COOKIE_NOTICE)):
            return "cookie-notice"
        if TextScan(stripped.casefold()).search(_COPYRIGHT):
            return "copyright"
        if (words <= 30 and scan.search(_SUBSCRIPTION)) or (words <= 6 and scan.search(_SUBSCRIPTION_WORD)):
            return "subscription"
    return None


# --- blocks -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One paragraph (line) of a document; its text is `document_text[start:end]`."""
    start: int
    end: int
    lang: str | None
    confidence: float
    boilerplate: str | None
    # Evidence `extractable` needs beyond the top label (defaults keep the 5-field constructor):
    charset: str = CHARSET_LATIN                       # see `charset()`
    supported: tuple[tuple[str, float], ...] = ()      # SUPPORTED languages' probabilities, best first


# Python's str.strip() misses zero-width characters that web copy-paste leaves behind.
_BLANK = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
         "\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_LINE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


def make_block(text: str, start: int, end: int) -> Block:
    """Analyse `text[start:end]` (already stripped) into a Block."""
    chunk = text[start:end]
    letters = _letter_count(chunk)
    ranking = _ranking(chunk) if letters >= MIN_LETTERS else ()
    lang, conf = _detect(chunk, letters, ranking)
    chars = charset(chunk)
    if chars == CHARSET_FOREIGN_MARKS and lang in SUPPORTED:
        chars = CHARSET_LATIN  # the marked words are names in a fr/es/en sentence
    return Block(
        start=start,
        end=end,
        lang=lang,
        confidence=round(conf, 4),
        boilerplate=boilerplate_reason(chunk),
        charset=chars,
        supported=tuple([(lg, round(p, 4)) for lg, p in _supported_scores(ranking)]),
    )


def split_blocks(text: str) -> list[Block]:
    """One block per non-blank line (a web page's paragraphs are lines; long lines stay whole)."""
    blocks = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        while start < end and text[start] in _BLANK:
            start += 1
        while end > start and text[end - 1] in _BLANK:
            end -= 1
        if start < end:
            blocks.append(make_block(text, start, end))
    return blocks


def document_language(blocks: list[Block]) -> str | None:
    """The SUPPORTED language holding most characters among non-furniture blocks, or None."""
    chars: dict[str, int] = {}
    for block in blocks:
        if block.boilerplate is None and block.lang in SUPPORTED:
            chars[block.lang] = chars.get(block.lang, 0) + (block.end - block.start)
    if not chars:
        return None
    return max(SUPPORTED, key=lambda lang: (chars.get(lang, 0), -SUPPORTED.index(lang)))


def _clearly_foreign(block: Block) -> bool:
    """Evidence that the block is written in a language we do not extract."""
    if block.charset == CHARSET_OTHER_SCRIPT:
        return True
    if block.lang in SUPPORTED:
        return False
    if block.charset == CHARSET_FOREIGN_MARKS:
        return True  # "Kọ", "Àwòrán tí AI ṣe": letters no fr/es/en word has, and no fr/es/en label
    return (block.lang is not None and block.confidence >= FOREIGN_CONFIDENCE
            and block.end - block.start >= FOREIGN_MIN_CHARS)


def _strong(block: Block) -> bool:
    length = block.end - block.start
    if block.lang is None or length < TINY_CHARS:
        return False
    return block.confidence >= (STRONG if length >= SHORT_CHARS else STRONG_SHORT)


def extractable(block: Block, doc_lang: str | None, forced_lang: str | None = None,
                every_block: bool = False) -> tuple[bool, str | None]:
    """(extract facts from this block?, in which language).

    Furniture and blocks clearly in another language are skipped. A block confidently identified
    as fr/es/en keeps its language; a weak or short one (a title, a teaser) inherits the document's
    language when its characters allow it, or when that language is among its close candidates.
    `forced_lang` (a document's own metadata) replaces detection but never rescues furniture or
    foreign blocks. With `every_block` (`--lang`: the user says what the text is), it applies to
    every block whatever its detected language, but furniture and blocks in another script
    (Cyrillic, Arabic, CJK), which no fr/es/en pipeline can read.
    """
    if block.boilerplate is not None:
        return False, None
    if forced_lang is not None and every_block:
        return (False, None) if block.charset == CHARSET_OTHER_SCRIPT else (True, forced_lang)
    if _clearly_foreign(block):
        return False, None
    if forced_lang is not None:
        return True, forced_lang
    strong = _strong(block)
    if block.lang in SUPPORTED and strong:
        return True, block.lang
    if doc_lang in SUPPORTED:
        if not strong:
            return True, doc_lang  # short/weak, Latin letters compatible with fr/es/en
        scores = dict(block.supported)
        best = block.supported[0][1] if block.supported else 0.0
        if best and scores.get(doc_lang, 0.0) >= CLOSE_RATIO * best:
            return True, doc_lang
        return False, None
    if block.lang in SUPPORTED:
        return True, block.lang
    return False, None


# --- a wire story's dateline ------------------------------------------------------------------
# "DAKAR, April 2 (Reuters) - ", "PARIS (AFP) — ", "SANTIAGO.- ", "Bogotá, 20 jun (EFE).- ": the
# city (in capitals, or followed by a date or an agency), then a dash.
_DATELINE_HEAD = re.compile(
    r"(?:[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]+[A-ZÀ-Ý](?:,[^\n()–—-]{1,30}?)?"                 # DAKAR, April 2
    r"|[A-ZÀ-Ý][^\W\d_][\w.'’ -]{0,30}?,[^\n()–—-]{1,30}?(?=\s*\()"            # Bogotá, 20 jun (
    r"|[A-ZÀ-Ý][^\W\d_][\w.'’ -]{0,30}?(?=\s*\())"                               # La Paz (
    r"\s*(?:\([^\n()]{2,40}\))?\s*(?:\.\s*)?[-–—]+[ \t]+(?=\S)")


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the dateline at the head of the block text[start:end] ends, if it has one.

    spaCy's NER reads a dateline run into the lead sentence badly: the name right after
    "DAKAR, April 2 (Reuters) - " is often missed; apart, the city and the name are both found."""
    m = _DATELINE_HEAD.match(text, start, end)
    return m.end() if m and m.end() < end else None
