"""Find percentages in French, Spanish and English text and normalize them.

The grammar is anchored on the *sign* ("%", "por ciento", "pour cent", "percent", "puntos
porcentuales", ...): every sign is matched first, then the number in front of it is read
backwards, in digits ("58,1", "+3,5", "1.234.567,5", "1e10", "3/4") or in words ("cincuenta y
ocho", "quatre-vingt-dix", "twenty-three", "siete con cincuenta", "tres quintos"). Reading
backwards from the sign keeps number words that are not percentages ("un", "one", "neuf") out.

Bare "points"/"puntos"/"point" count as percentage points only in a sentence about shares,
votes or polls; "percentage points"/"points de pourcentage"/"puntos porcentuales" always do.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import TextScan

__all__ = ["PercentMention", "find_percentages"]


@dataclass(frozen=True)
class PercentMention:
    start: int
    end: int
    text: str               # == input[start:end]: the whole expression, sign or word included
    value: float            # for a range, the low end
    decimals: int           # decimals as written ("58,10 %" -> 2)
    unit: str               # 'percent' | 'points' (percentage points)
    low: float | None = None
    high: float | None = None


# ---------------------------------------------------------------- signs (what makes a percentage)
_END = r"(?![^\W_])"                      # a sign word must end at a word boundary
_SIGNS = {
    "en": [
        ("points", r"percentage[\s-]+points?|percent(?:age)?\s+pts?\b\.?|pp?ts?\b\.?(?=\s)"),
        # ("14.3pc": British papers' short form, glued to its number, in lower case)
        ("percent", r"per[\s-]?cent(?:s|age|ages)?|percents?|percentages?|pct\b\.?|(?<=\d)(?-i:pc)"),
        ("maybe_points", r"points?"),
    ],
    "es": [
        ("points", r"puntos?\s+porcentual(?:es)?|puntos?\s+de\s+porcentaje|p\.\s?p\.(?=\s|$)"),
        ("percent", r"por\s*cien(?:to)?|porcientos?"),
        ("maybe_points", r"puntos?"),
    ],
    "fr": [
        ("points", r"points?\s+de\s+pourcentage|points?\s+de\s+%|points?\s+pourcentage"),
        ("percent", r"pour[\s-]?cents?|pourcents?|pourcentages?|p\.\s?100\b"),
        ("maybe_points", r"points?|pts?\b\.?"),
    ],
}


def _sign_regex(lang: str) -> re.Pattern:
    alts = [r"(?P<pct>%)"]         # "14,12%said": a word glued to the sign is a typo, not another sign
    for name, pattern in _SIGNS[lang]:
        alts.append(rf"(?<![^\W\d_])(?P<{name}>{pattern}){_END}")
    return re.compile("|".join(alts), re.IGNORECASE)


_SIGN_RE = {lang: _sign_regex(lang) for lang in _SIGNS}
_NUMBER_THEN_SPACE = re.compile(r"\d+(?:[.,]\d+)?\s*")


def is_figure_at(text: str, pos: int, lang: str) -> bool:
    """True when the number at `pos` is a share or points figure ("28.2 percent", "12 %"), or a
    decimal: never part of a name, though a model's span may run on into it."""
    number = _NUMBER_THEN_SPACE.match(text, pos)
    if number is None:
        return False
    if re.search(r"\d[.,]\d", number.group()):
        return True
    return bool(_SIGN_RE.get(lang, _SIGN_RE["en"]).match(text, number.end()))


# A sentence is about shares when it has one of these (then "5 puntos" is percentage points).
_SHARE_CUES = re.compile(
    r"%|\bper\s?cent|\bpercentage|\bpor\s*cien|\bpour[\s-]?cent|\bpourcent|\bporcentaj|"
    r"\bvot|\bvoix\b|\bsufragi|\bballot|\bpoll|\bsondage|\bencuest|\bsondeo|\bscrutin|\bélect|\belect|\belecci|\bcomicios|"
    r"\bapproval|\baprobaci|\bpopularit|\bsupport|\bapoyo|\bintenci[oó]n|\bintention|"
    r"\blead\b|\bleads\b|\bventaja|\bdevan[cç]|\baventaj|\bahead\b|\bbehind\b|\btrails?\b|\bdistanc|"
    r"\bderrière|\bdetrás|\brezag|\bavance\b|\bécart|\bdiferencia|\bmargin|\bmarge|\bgap\b|\bbrecha|"
    r"\bvictoire|\bvictory|\bvictoria|\btriunfo|\bturnout|\bparticipa|\babstenci|\babstention|\binflation|\binflaci|\bunemployment|"
    r"\bchômage|\bdesempleo|\bparo\b|\btaux\b|\btasa\b|\brate\b|\bshare\b|\bcuota|\bpart\b",
    re.IGNORECASE)
_WON_BY = re.compile(r"\bw[oi]n\s+by\b|\bgan[óo]\s+por\b|\bse\s+impuso\s+por\b|\bl['’]emport\w*\s+(?:de|par)\b|"
                     r"\bbeat\b|\bderrot\w*|\bbatt\w*", re.IGNORECASE)
# ... unless the points are those of a stock index or a game.
_NOT_SHARE_POINTS = re.compile(
    r"\b(?:index|índice|indice|dow|nasdaq|s&p|cac|ibex|ipsa|merval|bovespa|dax|ftse|nikkei|bolsa|"
    r"bourse|stocks?|match|game|partida|goles?|buts?|goals?|basket|tennis|tenis|"
    r"f[uú]tbol|football|nba|liga|league|puntuaci[oó]n|score[ds]?)\b",
    re.IGNORECASE)
# "partido" is a match and a party: a game's only in a sentence with no word of a vote.
_GAME_OR_PARTY = re.compile(r"\bpartidos?\b", re.IGNORECASE)
_VOTE_WORDS = re.compile(r"\bvot|\bsufragi|\belecc|\bcomicios|\bencuest|\bsondeo|\bcandidat|\bescrut|\bballot|"
                         r"\bpoll|\bélect|\belect|\bscrutin", re.IGNORECASE)
# (a quote or a parenthesis may open the next sentence: 'técnico. "Hoy ...')
_SENTENCE_END = re.compile(r"[.!?](?=\s+(?:[\"«“‘¿¡(]\s*)?[^\W\d_]|\s*$)|\n")

# ---------------------------------------------------------------- numbers written in digits
_DIGITS = r"(?:\d+(?:[.,\u00a0\u202f]\d+)*|[.,]\d+)(?:[eE][+-]?\d+|\^\d+(?:[.,]\d+)?)?"
_DIGIT_NUMBER_BEFORE = re.compile(
    rf"(?<![^\W_%/=&#@$€£.,])(?<![^\W\d_]-)(?P<sign>[+\-\u2212](?=\d|[.,]\d))?"
    rf"(?P<num>{_DIGITS})(?:\s*(?P<frac>/|\bsobre\b|\bsur\b|\bover\b)\s*(?P<den>\d+))?"
    rf"(?P<gap>[\s\u00a0\u202f]*|-)$",
    re.IGNORECASE)
_DIGIT_NUMBER_AFTER = re.compile(rf"(?P<num>{_DIGITS})(?![^\W_])")
# "half a percentage point", "medio punto", "un demi-point", "a quarter of a point".
_FRACTION_BEFORE = {
    "en": re.compile(r"(?<![^\W_])(?:(?P<half>half)(?:\s+of)?\s+an?|(?:an?|one)\s+(?P<quarter>quarter)"
                     r"(?:\s+of)?\s+an?|(?P<three>three[\s-]quarters)(?:\s+of)?\s+an?)\s+$", re.IGNORECASE),
    "es": re.compile(r"(?<![^\W_])(?:(?P<half>medio)|(?:un\s+)?(?P<quarter>cuarto)\s+de(?:\s+un)?|"
                     r"(?P<three>tres\s+cuartos)\s+de(?:\s+un)?)\s+$", re.IGNORECASE),
    "fr": re.compile(r"(?<![^\W_])(?:(?:un\s+)?(?P<half>demi)[\s-]?|(?:un\s+)?(?P<quarter>quart)\s+de"
                     r"(?:\s+un)?\s+|(?P<three>trois[\s-]quarts)\s+d'un\s*)$", re.IGNORECASE),
}
_FRACTION_VALUES = {"half": 0.5, "quarter": 0.25, "three": 0.75}
_DECIMAL_POINT_WORD = re.compile(
    r"\s+(?:\d|zero|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|z[ée]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)\b", re.IGNORECASE)
_MINUS_WORD = re.compile(r"(?<![^\W_])(?:minus|negative)\s+$", re.IGNORECASE)

# ---------------------------------------------------------------- ranges and inverted forms
_RANGE_JOIN = re.compile(
    r"(?P<pre>(?<![^\W_])(?:between|entre)\s+(?:(?:el|los|les|the)\s+)?)?"
    r"(?P<low>(?<![\d.,])[+\-\u2212]?\d+(?:[.,]\d+)?)"
    r"(?P<lowsign>[\s\u00a0\u202f]*(?:%|por\s*ciento|pour\s*cent|percent|per\s*cent))?"
    r"\s*(?P<join>[-\u2013\u2014]|(?<![^\W_])(?:to|à|a|al|au|y|et|and)(?![^\W_]))\s*"
    r"(?:(?:el|the)\s+)?$",
    re.IGNORECASE)
_FROM_WORD = re.compile(r"(?<![^\W_])(?:from|de|del|desde|du|des|passant de|pasando de)\s+$",
                        re.IGNORECASE)
_INVERTED = re.compile(r"\s+(?:of|de|des|del)\s+", re.IGNORECASE)
_INVERTED_STOP = re.compile(r"\s*(?:[.,;:!?)\]»\"]|$)")

# ---------------------------------------------------------------- numbers written in words
_WORD_TOKEN = re.compile(r"[^\W\d_]+|-|\S")


def _fold(word: str) -> str:
    """Lowercase without accents: "veintitrés" and "veintitres" are the same word."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


_ES_VALUES = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21, "veintiuno": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}
_ES_SCALES = {"mil": 1e3, "millon": 1e6, "millones": 1e6, "millardo": 1e9, "millardos": 1e9,
              "billon": 1e12, "billones": 1e12}
_ES_DENOMINATORS = {
    "medio": 2, "media": 2, "medios": 2, "tercio": 3, "tercios": 3, "cuarto": 4, "cuartos": 4,
    "quinto": 5, "sexto": 6, "septimo": 7, "setimo": 7, "octavo": 8, "noveno": 9, "decimo": 10,
    "centesimo": 100, "milesimo": 1e3, "millonesimo": 1e6, "billonesimo": 1e12,
}
_FR_VALUES = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}
_FR_SCALES = {"cent": 100, "cents": 100, "mille": 1e3, "mil": 1e3, "million": 1e6,
              "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e12,
              "billions": 1e12}
_FR_DENOMINATORS = {"demi": 2, "demis": 2, "tiers": 3, "quart": 4, "quarts": 4, "cinquieme": 5,
                    "cinquiemes": 5, "dixieme": 10, "dixiemes": 10, "centieme": 100,
                    "centiemes": 100, "millieme": 1e3, "milliemes": 1e3}
_EN_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 100, "hundreds": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
              "trillion": 1e12}
_EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                    "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
                    "hundredth": 100, "hundredths": 100, "thousandth": 1e3, "thousandths": 1e3}

_LEXICON = {
    "es": (_ES_VALUES, _ES_SCALES, _ES_DENOMINATORS, {"y"}, {"coma", "con", "punto"}, {"sobre"}),
    "fr": (_FR_VALUES, _FR_SCALES, _FR_DENOMINATORS, {"et", "-"}, {"virgule", "point"}, {"sur"}),
    "en": (_EN_VALUES, _EN_SCALES, _EN_DENOMINATORS, {"and", "-"}, {"point"}, {"over"}),
}
# Articles that mean "one" only in front of a scale or a fraction ("a hundred", "un quinto").
_ARTICLES = {"es": {"un", "una"}, "fr": {"un", "une"}, "en": {"a", "an", "one"}}


@lru_cache(maxsize=4096)
def _segment(word: str, lang: str) -> tuple[float, ...] | None:
    """Split a glued Spanish compound ("treintaicinco", "dosmil", "veintemil") into values."""
    values, scales = _LEXICON[lang][0], _LEXICON[lang][1]
    vocab = {**values, **scales}
    if not word:
        return ()
    for cut in range(len(word), 0, -1):
        head, tail = word[:cut], word[cut:]
        if head in vocab:
            if tail.startswith(("i", "y")) and len(tail) > 1 and (rest := _segment(tail[1:], lang)):
                return (vocab[head],) + rest
            rest = _segment(tail, lang)
            if rest is not None:
                return (vocab[head],) + rest
    return None


@lru_cache(maxsize=4096)
def _denominator(word: str, lang: str) -> float | None:
    """'quinto' -> 5, 'veintiunavos' -> 21, 'treintavos' -> 30, 'dosmilesimos' -> 2000."""
    w = _fold(word)
    dens = _LEXICON[lang][2]
    if w in dens:
        return dens[w]
    if w.endswith("s") and w[:-1] in dens:
        return dens[w[:-1]]
    if lang != "es":
        return None
    m = re.fullmatch(r"(\w+?)(?:avos?|esimos?)", w)
    if not m:
        return None
    stem = m.group(1)
    if stem == "cent":
        return 100
    for candidate in (stem, stem + "a", stem + "o", stem + "e"):
        parts = _segment(candidate, lang)
        if parts:
            return _combine(list(parts), _LEXICON[lang][1])
    return None


def _word_value(word: str, lang: str) -> float | None:
    values, scales = _LEXICON[lang][0], _LEXICON[lang][1]
    w = _fold(word)
    if w in values:
        return values[w]
    if w in scales:
        return scales[w]
    if lang == "es" and len(w) > 6 and (parts := _segment(w, lang)) and len(parts) > 1:
        return _combine(list(parts), scales)
    return None


def _combine(values: list[float], scale_values) -> float:
    """Value of a cardinal given its word values: split at the largest scale word (mil,
    million, hundred/cent), so "tres mil millones" = (tres mil) * 10^6; add everything else."""
    scales = [v for v in values if v in set(scale_values.values()) and v >= 100]
    scale_idx = [i for i, v in enumerate(values) if v >= 100 and v in set(scale_values.values())]
    if not scales:
        return float(sum(values))
    top = max(values[i] for i in scale_idx)
    i = next(i for i in scale_idx if values[i] == top)
    left, right = values[:i], values[i + 1:]
    return (_combine(left, scale_values) if left else 1.0) * top + (
        _combine(right, scale_values) if right else 0.0)


def _is_scale(word: str, lang: str) -> bool:
    return _fold(word) in _LEXICON[lang][1]


def _read_words(tokens: list[str], lang: str) -> tuple[float, int] | None:
    """Value and decimals of a run of number words (already known to be all number words,
    connectors and markers). None when the run does not make a number."""
    values, scales, dens, joins, decimal_marks, over = _LEXICON[lang]
    words = [t for t in tokens if _fold(t) not in joins]
    if not words:
        return None
    folded = [_fold(w) for w in words]
    # French "quatre-vingt(s)" is 80, not 4 + 20.
    if lang == "fr":
        merged, i = [], 0
        while i < len(folded):
            if folded[i] == "quatre" and i + 1 < len(folded) and folded[i + 1] in ("vingt", "vingts"):
                merged.append("quatre-vingts")
                i += 2
            else:
                merged.append(folded[i])
                i += 1
        folded = merged

    def cardinal(ws: list[str]) -> float | None:
        if not ws:
            return None
        vals = []
        for w in ws:
            if w == "quatre-vingts":
                vals.append(80)
            elif w in _ARTICLES[lang] and lang != "en" and w in values:
                vals.append(values[w])
            elif w in ("a", "an") and lang == "en":
                vals.append(1)
            else:
                v = _word_value(w, lang)
                if v is None:
                    return None
                vals.append(v)
        return _combine(vals, scales)

    if over & set(folded):                                     # "uno sobre tres"
        k = next(i for i, w in enumerate(folded) if w in over)
        num, den = cardinal(folded[:k]), cardinal(folded[k + 1:])
        return (num / den, 0) if num is not None and den else None
    den = _denominator(folded[-1], lang)
    if den is not None and _word_value(folded[-1], lang) is None and len(folded) > 1:
        head = folded[:-1]
        whole = 0.0
        if set(head) & decimal_marks:                        # "ciento treinta con dos quintos"
            k = max(i for i, w in enumerate(head) if w in decimal_marks)
            whole, head = cardinal(head[:k]), head[k + 1:]
            if whole is None:
                return None
        num = cardinal(head)
        return (whole + num / den, 0) if num is not None else None
    if set(folded) & decimal_marks:                          # "siete con cincuenta", "five point two"
        k = next(i for i, w in enumerate(folded) if w in decimal_marks)
        whole, frac = cardinal(folded[:k]), folded[k + 1:]
        if whole is None or not frac:
            return None
        digit_words = [_word_value(w, lang) for w in frac]
        if len(frac) > 1 and all(v is not None and v < 10 and float(v).is_integer() for v in digit_words):
            digits = "".join(str(int(v)) for v in digit_words)
        else:
            frac_value = cardinal(frac)
            if frac_value is None or not float(frac_value).is_integer():
                return None
            digits = str(int(frac_value))
        return whole + int(digits) / 10 ** len(digits), len(digits)
    value = cardinal(folded)
    return None if value is None else (value, 0)


def _is_number_word(word: str, lang: str) -> bool:
    w = _fold(word)
    values, scales, dens = _LEXICON[lang][:3]
    return (w in values or w in scales or _word_value(w, lang) is not None
            or _denominator(w, lang) is not None or (lang == "en" and w in ("a", "an")))


def _joins_compound(before: str, after: str, lang: str) -> bool:
    """Whether "et"/"y"/"and" between two number words makes one number: after tens or a scale,
    a smaller word ("vingt et un", "treinta y cinco", "one hundred and five"), not "cinq et huit"."""
    left, right = _word_value(_fold(before), lang), _word_value(_fold(after), lang)
    if left is None or right is None:
        return True         # a scale, a fraction: read as before
    return left >= 20 and right < left


def _words_before(text: str, end: int, lang: str, floor: int = 0) -> tuple[int, float, int] | None:
    """Read a number written in words that ends at `end` (only spaces between). Returns
    (start, value, decimals)."""
    window_start = max(floor, end - 240)
    window = text[window_start:end]
    tokens = [(m.start() + window_start, m.end() + window_start, m.group())
              for m in _WORD_TOKEN.finditer(window)]
    joins, marks, over = _LEXICON[lang][3], _LEXICON[lang][4], _LEXICON[lang][5]
    taken: list[tuple[int, int, str]] = []
    i = len(tokens) - 1
    while i >= 0:
        s, e, tok = tokens[i]
        nxt = taken[0] if taken else None
        gap = text[e:nxt[0]] if nxt else text[e:end]
        if gap.strip():
            break
        if tok == "-" and (gap or not nxt or s == 0 or text[s - 1].isspace()):
            break
        f = _fold(tok)
        if _is_number_word(tok, lang):
            taken.insert(0, tokens[i])
        elif taken and (f in joins or f in marks or f in over) and i > 0 \
                and _is_number_word(tokens[i - 1][2], lang):
            if f in ("et", "y", "e", "and") and not _joins_compound(tokens[i - 1][2], nxt[2], lang):
                break       # "entre cinq et huit points": two numbers, not one ("vingt et un")
            taken.insert(0, tokens[i])
        else:
            break
        i -= 1
    # Drop leading connectors and articles that are not "one" ("un veinticinco por ciento").
    while taken and (_fold(taken[0][2]) in joins | marks | over):
        taken.pop(0)
    while len(taken) > 1 and _fold(taken[0][2]) in _ARTICLES[lang] | {"a", "an"}:
        second = _fold(taken[1][2])
        if _is_scale(second, lang) or (_denominator(second, lang) is not None
                                       and _word_value(second, lang) is None):
            break
        taken.pop(0)
    if not taken:
        return None
    if lang == "en" and _fold(taken[0][2]) in ("a", "an") and len(taken) == 1:
        return None
    read = _read_words([t[2] for t in taken], lang)
    if read is None:
        return None
    return taken[0][0], read[0], read[1]


def _words_after(text: str, start: int, lang: str) -> tuple[int, float, int] | None:
    """Read a number written in words that starts at `start`. Returns (end, value, decimals)."""
    tokens = [(m.start() + start, m.end() + start, m.group())
              for m in _WORD_TOKEN.finditer(text[start:start + 240])]
    joins, marks, over = _LEXICON[lang][3], _LEXICON[lang][4], _LEXICON[lang][5]
    taken = []
    for k, (s, e, tok) in enumerate(tokens):
        if taken and text[taken[-1][1]:s].strip():
            break
        f = _fold(tok)
        if _is_number_word(tok, lang):
            taken.append((s, e, tok))
        elif taken and (f in joins or f in marks or f in over) and k + 1 < len(tokens) \
                and _is_number_word(tokens[k + 1][2], lang):
            taken.append((s, e, tok))
        else:
            break
    if not taken:
        return None
    read = _read_words([t[2] for t in taken], lang)
    return None if read is None else (taken[-1][1], read[0], read[1])


def _parse_digits(raw: str, lang: str) -> tuple[float, int] | None:
    """'58,1' -> (58.1, 1); '1.234.567,51' -> (1234567.51, 2); English '1,234' -> 1234.
    A comma before 1-2 digits is a decimal mark in every language ('58,1%' in English too)."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    power = None
    if "^" in raw:
        raw, power_raw = raw.split("^", 1)
        power = float(power_raw.replace(",", "."))
    exp = ""
    m = re.search(r"[eE][+-]?\d+$", raw)
    if m:
        raw, exp = raw[:m.start()], m.group()
    marks = [(i, c) for i, c in enumerate(raw) if c in ".,"]
    if " " in raw and not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", raw):
        return None
    decimal_at = None
    kinds = {c for _, c in marks}
    if len(kinds) == 2:
        decimal_at = marks[-1][0]
        if sum(1 for _, c in marks if c == marks[-1][1]) > 1:
            return None
    elif len(marks) == 1:
        i, c = marks[0]
        after = len(raw) - i - 1
        if i == 0:
            decimal_at = i
        elif c == "," and lang == "en":
            decimal_at = None if after == 3 else i
        elif c == "." and lang != "en":
            decimal_at = None if after == 3 and i <= 3 else i
        else:
            decimal_at = i
    elif len(marks) > 1:
        if any(len(part) != 3 for part in re.split(r"[.,]", raw)[1:]):
            return None
    if decimal_at is None:
        whole, frac = re.sub(r"[.,]", "", raw), ""
    else:
        whole, frac = re.sub(r"[.,]", "", raw[:decimal_at]), raw[decimal_at + 1:]
    whole = whole.replace(" ", "") or "0"
    try:
        value = float(f"{whole}.{frac}{exp}" if frac else f"{whole}{exp}")
    except ValueError:
        return None
    decimals = len(frac)
    if power is not None:
        value, decimals = value ** power, 0
    return value, decimals


# A share is never above 100 % unless the text says so: "50.125%" in a Spanish report is fifty
# point one two five, not fifty thousand. One mark followed by exactly three digits is read as a
# decimal when the whole part has two digits, or one digit in a sentence about shares.
_THREE_DECIMALS = re.compile(r"(\d{1,2})[.,](\d{3})")
_COMMA_DECIMAL_LANGS = frozenset({"fr", "es"})
_SPLIT_DECIMAL = re.compile(r"(?<![\d.,]\s)(?<![\d.,])(\d{1,2}), $")


def _reads_as_decimal(raw: str, text: str, at: int) -> bool:
    m = _THREE_DECIMALS.fullmatch(raw)
    if not m:
        return False
    if len(m.group(1)) == 2:
        return True
    s, e = _sentence_span(text, at)
    return bool(_SHARE_CUES.search(text[s:at] + " " + text[at + 1:e]))


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, (m.end() if m else len(text))


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)     # _URL on a text without "@"


def find_percentages(text: str, lang: str) -> list[PercentMention]:
    """All percentages and percentage points in `text`, sorted and non-overlapping."""
    lang = lang if lang in _SIGN_RE else "en"
    scan = TextScan(text)
    # an e-mail address needs an "@": without one, _URL's second branch (slow: \S+ backtracks) cannot match
    blocked = [(m.start(), m.end()) for m in scan.finditer(_URL if "@" in text else _WEB_ADDRESS)]
    found: list[PercentMention] = []
    floor = 0                   # a number is never read back across the previous sign
    for sign in scan.finditer(_SIGN_RE[lang]):
        if any(s <= sign.start() < e for s, e in blocked):
            continue
        kind = sign.lastgroup
        if kind == "maybe_points" and _DECIMAL_POINT_WORD.match(text, sign.end()) \
                and sign.group().lower() in ("point", "punto"):
            continue            # "five point two five percent": a decimal mark, not a unit
        mention = _mention_before(text, sign, lang, kind, floor)
        if mention is None and kind == "percent":
            mention = _mention_after(text, sign, lang)
        if mention is None:
            continue
        floor = sign.end()
        if kind == "maybe_points":
            s, e = _sentence_span(text, sign.start())
            sentence = text[s:e]
            cued = _SHARE_CUES.search(sentence[:mention.start - s] + " " + sentence[mention.end - s:]) or (
                # "won by 4.8 points": a game's score has no decimals, a win by tenths of points is a vote's
                not float(mention.value).is_integer() and _WON_BY.search(sentence))
            game = _NOT_SHARE_POINTS.search(sentence) or (_GAME_OR_PARTY.search(sentence) and not _VOTE_WORDS.search(sentence))
            if not cued or game or abs(mention.value) > 100:
                continue
        found.append(mention)
    found = _merge_ranges(text, found, lang)
    found += _unsigned_shares(scan, lang, found)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[PercentMention] = []
    for m in found:
        if result and m.start < result[-1].end:
            continue
        result.append(m)
    return result


def _mention_before(text: str, sign: re.Match, lang: str, kind: str, floor: int) -> PercentMention | None:
    unit = "percent" if kind in ("pct", "percent") else "points"
    end = sign.end()
    window_start = max(floor, sign.start() - 80)
    m = _DIGIT_NUMBER_BEFORE.search(text, window_start, sign.start())
    if m:
        raw = m.group("num")
        if m.group("gap") == "-" and unit != "points":
            return None             # "a 12-point lead", but no "58-%"
        parsed = _parse_digits(raw, lang)
        if parsed is None:
            return None
        value, decimals = parsed
        if unit == "percent" and not m.group("den") and _reads_as_decimal(raw, text, sign.start()):
            value, decimals = float(raw.replace(",", ".")), 3
        start = m.start()
        glued = _SPLIT_DECIMAL.search(text, max(0, start - 6), start) if lang in _COMMA_DECIMAL_LANGS else None
        if glued and not m.group("den") and decimals == 0 and len(raw) <= 2 and raw.isdigit():
            # "51, 88 %": a decimal comma with a stray space, as typed in a hurry
            value, decimals, start = float(f"{glued.group(1)}.{raw}"), len(raw), glued.start()
            return PercentMention(start, end, text[start:end], value, decimals, unit)
        if m.group("den"):
            den = float(m.group("den"))
            if not den:
                return None
            value, decimals = value / den, 0
        if m.group("sign") in ("-", "\u2212"):
            value = -value
        elif not m.group("sign") and (minus := _MINUS_WORD.search(text, max(0, start - 20), start)):
            value, start = -value, minus.start()
        return PercentMention(start, end, text[start:end], value, decimals, unit)
    frac = _FRACTION_BEFORE[lang].search(text, max(0, sign.start() - 40), sign.start())
    if frac is not None:
        value = _FRACTION_VALUES[frac.lastgroup]
        return PercentMention(frac.start(), end, text[frac.start():end], value, 0, unit)
    words = _words_before(text, sign.start(), lang, floor)
    if words is None:
        return None
    start, value, decimals = words
    if (minus := _MINUS_WORD.search(text, max(0, start - 20), start)):
        value, start = -value, minus.start()
    return PercentMention(start, end, text[start:end], value, decimals, unit)


def _mention_after(text: str, sign: re.Match, lang: str) -> PercentMention | None:
    """Inverted order: "percent of 10", "per cent of twenty-two", "pourcent des trois cent cinq".
    Only when the number ends the clause, so "the percentage of 18-year-olds" is not 18 %."""
    joint = _INVERTED.match(text, sign.end())
    if not joint:
        return None
    m = _DIGIT_NUMBER_AFTER.match(text, joint.end())
    if m:
        parsed = _parse_digits(m.group("num"), lang)
        end = m.end()
        if parsed is None:
            return None
        value, decimals = parsed
    else:
        words = _words_after(text, joint.end(), lang)
        if words is None:
            return None
        end, value, decimals = words
    if not _INVERTED_STOP.match(text, end):
        return None
    return PercentMention(sign.start(), end, text[sign.start():end], value, decimals, "percent")


_WORD_RANGE = re.compile(r"(?<![^\W_])(?:between|entre)\s+(?P<low>[^\W\d_]+(?:[\s-][^\W\d_]+){0,3}?)\s+(?:y|et|and)\s+$",
                         re.IGNORECASE)


def _word_range(text: str, m: PercentMention, lang: str, head_start: int) -> PercentMention | None:
    """ "entre cinq et huit points", "between five and eight points": a range in words, one mention."""
    if not text[m.start].isalpha():
        return None
    r = _WORD_RANGE.search(text, head_start, m.start)
    if r is None:
        return None
    low = _words_before(text, r.end("low"), lang, floor=r.start("low"))
    if low is None or low[0] != r.start("low") or low[1] > m.value:
        return None
    start = low[0]
    return PercentMention(start, m.end, text[start:m.end], low[1], max(low[2], m.decimals), m.unit, low[1], m.value)


def _merge_ranges(text: str, found: list[PercentMention], lang: str) -> list[PercentMention]:
    """'58,3-60,7 %', 'entre 58 et 60 %', 'between 40% and 45%', '40 to 45 percent' become
    one mention. 'de 40 à 45 %' / 'from 40% to 45%' is a change, not a range: left alone."""
    by_end = {m.end: m for m in found}
    out, dropped = [], set()
    for m in sorted(found, key=lambda x: x.start):
        head_start = max(0, m.start - 80)
        r = _RANGE_JOIN.search(text, head_start, m.start)
        if r is None or not text[m.start].isdigit():
            out.append(_word_range(text, m, lang, head_start) or m)
            continue
        join = r.group("join").lower()
        low_raw = r.group("low")
        if join in ("y", "et", "and") and not r.group("pre"):
            out.append(m)
            continue
        if join in ("to", "à", "a", "al", "au") and not r.group("pre") \
                and _FROM_WORD.search(text, max(0, r.start() - 30), r.start()):
            out.append(m)
            continue
        low_parsed = _parse_digits(low_raw.lstrip("+-\u2212"), lang)
        if low_parsed is None:
            out.append(m)
            continue
        negative_low = low_raw[0] in "-\u2212"
        low = -low_parsed[0] if negative_low else low_parsed[0]
        dash = join in "-\u2013\u2014"
        if (dash and negative_low) or low > m.value or (dash and m.value < 0):
            out.append(m)
            continue
        start = r.start("low")
        if r.group("lowsign"):
            prev = by_end.get(r.end("lowsign"))
            if prev is not None:
                dropped.add(id(prev))
        out.append(PercentMention(start, m.end, text[start:m.end], low,
                                  max(low_parsed[1], m.decimals), m.unit, low, m.value))
    return [m for m in out if id(m) not in dropped]


# ---------------------------------------------------------------- shares written without a sign
# News drop the sign where the sentence makes it plain: "con el 49,5% ... contra el 45,9 de
# Delgado", "52,52% de los votos y 0,83 de las mesas escrutadas". Only a number with decimals, at
# most 100, in a sentence that has a signed percentage before it, in one of these two frames.
_UNSIGNED = {
    "es": {"contrast": r"contra|frente\s+a|versus|vs\.?", "article": r"el|la|un|una|al|los|las",
           "counted": r"(?:de|del)\s+(?:las|los)\s+(?:mesas|actas|votos|sufragios)\s+"
                      r"(?:escrutad|computad|procesad|contabilizad|relevad)\w*"},
    "fr": {"contrast": r"contre|face\s+à|versus|vs\.?", "article": r"le|la|les|un|une",
           "counted": r"(?:des|du)\s+(?:bureaux\s+de\s+vote|bureaux|bulletins|voix|suffrages|procès-verbaux)\s+"
                      r"(?:d[ée]pouill|d[ée]compt|comptabilis|scrut)\w*"},
    "en": {"contrast": r"against|versus|vs\.?|compared\s+with|compared\s+to", "article": r"the|a",
           "counted": r"of\s+(?:the\s+)?(?:precincts|polling\s+stations|ballots|votes|tally\s+sheets)\s+"
                      r"(?:counted|tallied|processed|reporting)"},
}
_UNSIGNED_NUMBER = r"(?P<num>\d{1,2}[.,]\d{1,3})(?![\d%])(?![.,]\d)"


@lru_cache(maxsize=None)
def _unsigned_regexes(lang: str) -> tuple[re.Pattern, re.Pattern]:
    words = _UNSIGNED[lang]
    contrast = re.compile(rf"(?<![^\W_])(?:{words['contrast']})\s+(?:(?:{words['article']})\s+)?{_UNSIGNED_NUMBER}"
                          rf"(?!\s*(?:%|{_SIGN_WORDS[lang]}))(?=\s+(?:de|del|des|du|of|for|pour|para)\s|\s*[,;.)]|\s*$)",
                          re.IGNORECASE)
    counted = re.compile(rf"(?<![\d.,]){_UNSIGNED_NUMBER}\s+{words['counted']}", re.IGNORECASE)
    return contrast, counted


_SIGN_WORDS = {lang: "|".join(p for _, p in table) for lang, table in _SIGNS.items()}


def _unsigned_shares(scan: TextScan, lang: str, found: list[PercentMention]) -> list[PercentMention]:
    signed = [m for m in found if m.unit == "percent"]
    if not signed or lang not in _UNSIGNED:
        return []
    text = scan.text
    taken = [(m.start, m.end) for m in found]
    out = []
    for regex in _unsigned_regexes(lang):
        for m in scan.finditer(regex):
            s, e = m.span("num")
            if any(a < e and s < b for a, b in taken):
                continue
            sent_start, _ = _sentence_span(text, s)
            if not any(sent_start <= p.start and p.end <= s for p in signed):
                continue
            parsed = _parse_digits(m.group("num"), lang)
            if parsed is None or not 0 <= parsed[0] <= 100:
                continue
            out.append(PercentMention(s, e, text[s:e], parsed[0], parsed[1], "percent"))
            taken.append((s, e))
    return out
