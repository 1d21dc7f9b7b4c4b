"""Date mentions in French, Spanish and English news, and their normalization.

`find_dates(text, lang)` finds what the words alone say, as a TIMEX3-style string (`timex`):
`2025-12-14`, `XXXX-12-14` (year unknown), `XXXX-01`, `XXXX-WXX-2` (a Tuesday), `XXXX-XX-14`
("the 14th"), `PRESENT_REF` (today), `REF-P1D` (yesterday), `REF+P1W` (next week),
`REF+P0W-WE` (this weekend), `1988`.
`resolve(timex, anchor, tense, year)` turns it into a calendar value once the day the report was
written (`anchor`) is known; the orchestrator calls it again when it finds a better anchor.

The grammar is a set of compiled regexes per language (no dateparser search: it is slow, reads
"58,1" as a date and defaults to "now"). Precision first: a false date is worse than a missed one.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DateMention", "find_dates", "resolve"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    timex: str
    direction: str | None       # 'past' | 'future' | 'this' | None: only what the words say
    weekday: int | None = None  # 1=Mon..7=Sun when the text names a weekday


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

MONTHS = {
    "fr": {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
           "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
           "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
           "diciembre": 12},
    "en": {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
           "august": 8, "september": 9, "october": 10, "november": 11, "december": 12},
}
# Abbreviations are only accepted next to a day number or a year ("déc. 2025", "Dec. 14").
MONTH_ABBREVS = {
    "fr": {"janv": 1, "jan": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
           "oct": 10, "nov": 11, "déc": 12},
    "es": {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7, "ago": 8,
           "sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12},
    "en": {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "sept": 9, "oct": 10, "nov": 11, "dec": 12},
}
# Month names that are also common words: only with a day, a year or a preposition before them.
AMBIGUOUS_MONTHS = {"fr": {"mars"}, "es": set(), "en": {"may", "march", "august"}}

WEEKDAYS = {
    "fr": {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
           "dimanche": 7},
    "es": {"lunes": 1, "martes": 2, "miércoles": 3, "jueves": 4, "viernes": 5, "sábado": 6,
           "domingo": 7},
    "en": {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
           "sunday": 7},
}
# Weekday abbreviations only right before a dated day ("mer. 10 juin", "Sat, Dec. 13").
WEEKDAY_ABBREVS = {
    "fr": {"lun": 1, "mar": 2, "mer": 3, "jeu": 4, "ven": 5, "sam": 6, "dim": 7},
    "es": {"lun": 1, "mar": 2, "mié": 3, "jue": 4, "vie": 5, "sáb": 6, "dom": 7},
    "en": {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
           "sat": 6, "sun": 7},
}

NUMBER_WORDS = {
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
           "trente": 30, "quelques": None},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
           "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
           "veinte": 20, "treinta": 30},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30},
}
UNITS = {
    "fr": {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M", "an": "Y",
           "ans": "Y", "année": "Y", "années": "Y"},
    "es": {"día": "D", "días": "D", "semana": "W", "semanas": "W", "mes": "M", "meses": "M",
           "año": "Y", "años": "Y"},
    "en": {"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
           "year": "Y", "years": "Y"},
}

# Fixed phrases -> (timex, direction). Longest phrases win over their parts ("hier soir" > "hier").
FIXED = {
    "fr": {"aujourd'hui": "PRESENT_REF", "ce soir": "PRESENT_REF", "ce matin": "PRESENT_REF",
           "cet après-midi": "PRESENT_REF", "cette nuit": "PRESENT_REF",
           "hier": "REF-P1D", "hier soir": "REF-P1D", "hier matin": "REF-P1D",
           "avant-hier": "REF-P2D", "demain": "REF+P1D", "après-demain": "REF+P2D",
           "la semaine dernière": "REF-P1W", "la semaine passée": "REF-P1W",
           "la semaine prochaine": "REF+P1W", "cette semaine": "REF+P0W",
           "le mois dernier": "REF-P1M", "le mois passé": "REF-P1M",
           "le mois prochain": "REF+P1M", "ce mois-ci": "REF+P0M", "ce mois": "REF+P0M",
           "l'an dernier": "REF-P1Y", "l'an passé": "REF-P1Y", "l'an prochain": "REF+P1Y",
           "l'année dernière": "REF-P1Y", "l'année passée": "REF-P1Y",
           "l'année prochaine": "REF+P1Y", "cette année": "REF+P0Y",
           "ce week-end": "REF+P0W-WE", "ce weekend": "REF+P0W-WE",
           "le week-end dernier": "REF-P1W-WE", "le weekend dernier": "REF-P1W-WE",
           "le week-end prochain": "REF+P1W-WE", "le weekend prochain": "REF+P1W-WE"},
    "es": {"hoy": "PRESENT_REF", "esta noche": "PRESENT_REF", "esta mañana": "PRESENT_REF",
           "esta tarde": "PRESENT_REF", "ayer": "REF-P1D", "anoche": "REF-P1D",
           "anteayer": "REF-P2D", "antier": "REF-P2D", "antes de ayer": "REF-P2D",
           "antes de anoche": "REF-P2D", "pasado mañana": "REF+P2D",
           "la semana pasada": "REF-P1W", "la semana anterior": "REF-P1W",
           "la próxima semana": "REF+P1W", "la semana próxima": "REF+P1W",
           "la semana que viene": "REF+P1W", "la semana entrante": "REF+P1W",
           "esta semana": "REF+P0W", "el mes pasado": "REF-P1M", "el pasado mes": "REF-P1M",
           "el próximo mes": "REF+P1M", "el mes próximo": "REF+P1M",
           "el mes que viene": "REF+P1M", "el mes entrante": "REF+P1M", "este mes": "REF+P0M",
           "el año pasado": "REF-P1Y", "el pasado año": "REF-P1Y", "el próximo año": "REF+P1Y",
           "el año próximo": "REF+P1Y", "el año que viene": "REF+P1Y",
           "el año entrante": "REF+P1Y", "este año": "REF+P0Y",
           "este fin de semana": "REF+P0W-WE", "el fin de semana pasado": "REF-P1W-WE",
           "el pasado fin de semana": "REF-P1W-WE", "el próximo fin de semana": "REF+P1W-WE",
           "el fin de semana próximo": "REF+P1W-WE"},
    "en": {"today": "PRESENT_REF", "tonight": "PRESENT_REF", "this morning": "PRESENT_REF",
           "this afternoon": "PRESENT_REF", "this evening": "PRESENT_REF",
           "yesterday": "REF-P1D", "last night": "REF-P1D", "tomorrow": "REF+P1D",
           "the day before yesterday": "REF-P2D", "the day after tomorrow": "REF+P2D",
           "last week": "REF-P1W", "next week": "REF+P1W", "this week": "REF+P0W",
           "last month": "REF-P1M", "next month": "REF+P1M", "this month": "REF+P0M",
           "last year": "REF-P1Y", "next year": "REF+P1Y", "this year": "REF+P0Y",
           "this weekend": "REF+P0W-WE", "last weekend": "REF-P1W-WE",
           "next weekend": "REF+P1W-WE", "previous week": "REF-P1W",
           "previous month": "REF-P1M", "previous year": "REF-P1Y"},
}

# Words that give a weekday / month / month-day its direction.
PAST_WORDS = {"fr": ["dernier", "dernière", "passé", "passée"], "es": ["pasado", "pasada"],
              "en": ["last", "previous", "past"]}
FUTURE_WORDS = {"fr": ["prochain", "prochaine"],
                "es": ["próximo", "próxima", "que viene", "entrante"],
                "en": ["next", "coming", "following"]}
THIS_WORDS = {"fr": ["ce", "cette"], "es": ["este", "esta"], "en": ["this"]}
# Before a bare month: prepositions and hedges that make "mars" / "May" a month.
MONTH_CONTEXT = {
    "fr": r"(?:en|de|d'|début|fin|mi-|depuis|dès|courant|jusqu'en|avant|après|mois\s+de)",
    "es": r"(?:en|de|del|desde|hasta|principios\s+de|finales\s+de|mediados\s+de|mes\s+de)",
    "en": r"(?:in|of|early|late|mid-?|since|until|till|by|during|before|after|through|from"
          r"|last|next|this|coming|past)",
}
# Named days that are events rather than plain weekdays ("Black Friday", "mardi gras").
WEEKDAY_BLOCK_BEFORE = re.compile(
    r"(?:black|good|cyber|super|ash|holy|easter|palm|bloody|giving|maundy|los|todos\s+los|cada"
    r"|tous\s+les|every)\s+$", re.IGNORECASE)
WEEKDAY_BLOCK_AFTER = re.compile(r"^\s*(?:gras|santo|de\s+ramos|de\s+pascua)\b", re.IGNORECASE)

_ACCENTS = {"a": "àáâä", "e": "éèêë", "i": "íîï", "o": "óôö", "u": "úûùü", "c": "ç", "n": "ñ"}
_BASE = {ch: base for base, chars in _ACCENTS.items() for ch in chars}


def _fold(s: str) -> str:
    """Lower-case, accents stripped, one kind of apostrophe and of space: a lookup key."""
    s = s.lower().replace("’", "'").replace("\u00a0", " ")
    s = "".join(_BASE.get(ch, ch) for ch in s)
    return re.sub(r"\s+", " ", s)


def _pat(phrase: str) -> str:
    """Regex for a phrase matching it with or without accents, any apostrophe, any spacing."""
    out = []
    for ch in phrase.lower():
        base = _BASE.get(ch, ch)
        if base in _ACCENTS:
            out.append(f"[{base}{_ACCENTS[base]}]")
        elif ch in "'’":
            out.append("['’]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"[-\s]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(phrases) -> str:
    return "(?:" + "|".join(_pat(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"


def _lookup(table: dict, word: str):
    folded = _fold(word).rstrip(".")
    for key, value in table.items():
        if _fold(key) == folded:
            return value
    return None


# --------------------------------------------------------------------------------------------
# Grammar, compiled once per language
# --------------------------------------------------------------------------------------------

YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
WB, WE = r"(?<!\w)", r"(?!\w)"
# Amounts that a year-looking number can be followed by: then it is not a year.
NOT_A_YEAR_AFTER = re.compile(
    r"^(?:\s*(?:%|‰|[.,]\d|\d)|\s+(?:pour\s*cent|por\s*ciento|per\s*cent|percent|votes?|votos?"
    r"|voix|électeurs|electores|voters|personnes?|personas?|people|habitants?|habitantes?"
    r"|inhabitants|km|kilo\w*|m|mètres?|metros?|meters?|metres?|euros?|dollars?|d[oó]lares"
    r"|pesos|€|\$|millones|millions?|milliards?|billions?|mil|hectares?|hect[aá]reas?|tonnes?"
    r"|toneladas?|tons?|cas|casos|cases|morts?|muertos?|deaths?|dead|victimes|v[ií]ctimas"
    r"|victims|soldats|soldados|soldiers|points?|puntos?|mesas|bureaux|unités|unidades|units"
    r"|membres|miembros|members|emplois|empleos|jobs|signatures|firmas|m[eè]tres|calories"
    r"|kg|g|mm|cm|ml|mw|kw|h|hrs?|heures|horas|hours|minutes|minutos|mn|min)\b)",
    re.IGNORECASE)
NOT_A_YEAR_BEFORE = re.compile(r"(?:[$€£#]|n[°ºo]\.?|num[eé]ro|number|nombre\s+de|[\d.,]"
                               r"|\d\s)\s*$", re.IGNORECASE)


class _Grammar:
    def __init__(self, lang: str):
        self.lang = lang
        months_full = MONTHS[lang]
        abbrevs = MONTH_ABBREVS[lang]
        self.month_table = {**months_full, **abbrevs}
        full = _alt(months_full)
        # abbreviations may carry a dot; full names never take the sentence's final dot
        any_month = "(?:" + full + "|" + _alt(abbrevs) + r"\.?)"
        self.weekday_table = WEEKDAYS[lang]
        self.wd_abbrev_table = WEEKDAY_ABBREVS[lang]
        wd_full = _alt(WEEKDAYS[lang])
        wd_any = "(?:" + wd_full + "|" + _alt(WEEKDAY_ABBREVS[lang]) + r"\.?)"
        nums = _alt(NUMBER_WORDS[lang])
        units = _alt(UNITS[lang])
        past, fut, this = _alt(PAST_WORDS[lang]), _alt(FUTURE_WORDS[lang]), _alt(THIS_WORDS[lang])

        if lang == "en":
            day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
            day2 = r"(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        elif lang == "fr":
            day = r"(?P<day>1\s?er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])"
            day2 = r"(?P<day2>1\s?er|1ᵉʳ|premier|[12]\d|3[01]|0?[1-9])"
        else:
            day = r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:\s?[º°]|\.º)?|primero)"
            day2 = r"(?P<day2>(?:[12]\d|3[01]|0?[1-9])(?:\s?[º°]|\.º)?|primero)"
        day = r"(?<![\d.,:/])" + day + r"(?![\d.,:]\d)"
        year = rf"(?P<year>{YEAR})(?!\d)"
        month = rf"(?P<month>{any_month})"
        weekday_lead = rf"(?:(?P<wd>{wd_any}),?\s+)?"
        rules = []  # (name, regex)

        if lang == "fr":
            rules.append(("dmy", rf"{weekday_lead}(?:le\s+)?{day}\s+(?:de\s+)?{month}"
                                 rf"(?:,?\s+(?:de\s+)?{year}|\s+(?P<dirw>{past}|{fut}))?"))
            rules.append(("my", rf"{month}\s+(?:de\s+)?{year}"))
        elif lang == "es":
            rules.append(("dmy", rf"(?:(?P<dir0>{past}|{fut})\s+)?{weekday_lead}"
                                 rf"(?:(?:el\s+)?d[ií]a\s+)?{day}\s+(?:de\s+)?{month}"
                                 rf"(?:\s*(?:,|de|del)?\s*{year})?"))
            rules.append(("my", rf"{month}\s*(?:,|de|del)?\s+{year}"))
        else:
            rules.append(("dmy", rf"{weekday_lead}(?:the\s+)?{day}\s+(?:of\s+)?{month}"
                                 rf"(?:,?\s+{year})?"))
            rules.append(("mdy", rf"{weekday_lead}{month}\s+(?:the\s+)?{day}"
                                 rf"(?:,?\s+{year})?"))
            rules.append(("my", rf"{month},?\s+(?:of\s+)?{year}"))
            rules.append(("the_day", r"(?<!\w)the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                                     r"(?!\w)"))
        if lang == "es":
            rules.append(("the_day", r"(?<!\w)d[ií]a\s+(?P<day>[12]\d|3[01]|0?[1-9])(?![\d.,:]?\d)"))

        # numeric dates: ISO first, then day-first (fr/es) or month-first (en)
        rules.append(("iso", r"(?<![\d\-/.])(?P<year>\d{4})(?P<sep>[-/.])(?P<a>\d{1,2})(?P=sep)"
                             r"(?P<b>\d{1,2})(?![\d]|[-/.]\d)"))
        rules.append(("numeric", r"(?<![\d\-/.,])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)"
                                 r"(?P<year>\d{4}|\d{2})(?![\d]|[-/.]\d)"))
        rules.append(("numeric2", r"(?<![\d\-/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d]|[-/.,]\d)"))

        # bare months, with an optional direction
        if lang == "fr":
            rules.append(("month", rf"(?P<month>{full})(?:\s+(?P<dirw>{past}|{fut}))?"))
        elif lang == "es":
            rules.append(("month", rf"(?:(?:el\s+)?(?P<dir0>{past}|{fut})\s+)?(?P<month>{full})"
                                   rf"(?:\s+(?P<dirw>{past}|{fut}))?"))
        else:
            rules.append(("month", rf"(?:(?P<dir0>{past}|{fut}|{this})\s+)?(?P<month>{full})"))

        # weekdays with their modifiers
        if lang == "fr":
            rules.append(("weekday", rf"(?:(?P<dir0>{this})\s+)?(?P<wd>{wd_full})"
                                     rf"(?:\s+(?P<dirw>{past}|{fut}))?"))
        elif lang == "es":
            rules.append(("weekday", rf"(?:(?P<dir0>{this}|{past}|{fut})\s+)?(?P<wd>{wd_full})"
                                     rf"(?:\s+(?P<dirw>{past}|{fut}))?"))
        else:
            rules.append(("weekday", rf"(?:(?P<dir0>this\s+past|this\s+coming|{this}|{past}|{fut})"
                                     rf"\s+)?(?P<wd>{wd_full})"))

        # fixed phrases and counted offsets
        rules.append(("fixed", rf"(?P<fixed>{_alt(FIXED[lang])})"))
        if lang == "es":
            rules.append(("manana", r"(?P<fixed>ma[ñn]ana)"))
        count = rf"(?P<num>\d{{1,3}}|{nums})\s+(?P<unit>{units})"
        if lang == "fr":
            rules.append(("ago", rf"il\s+y\s+a\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de"
                                 rf"|à\s+peu\s+près)\s+)?{count}"))
            rules.append(("in", rf"dans\s+{count}"))
        elif lang == "es":
            rules.append(("ago", rf"hace\s+(?:(?:unos|unas|casi|más\s+de|menos\s+de|cerca\s+de"
                                 rf"|aproximadamente)\s+)?{count}"))
            rules.append(("in", rf"dentro\s+de\s+{count}"))
        else:
            rules.append(("ago", rf"(?:(?:about|nearly|almost|some|over|more\s+than|less\s+than)"
                                 rf"\s+)?{count}\s+ago"))
            rules.append(("in", rf"in\s+{count}(?:['’]\s*time)?"))

        rules.append(("year", rf"{year}"))
        self.rules = [(name, re.compile(WB + rx + WE, re.IGNORECASE)) for name, rx in rules]
        self.month_context = re.compile(MONTH_CONTEXT[lang] + r"\s*$", re.IGNORECASE)
        self.past_words = {_fold(w) for w in PAST_WORDS[lang]}
        self.future_words = {_fold(w) for w in FUTURE_WORDS[lang]}
        self.this_words = {_fold(w) for w in THIS_WORDS[lang]}
        self.fixed = {_fold(k): v for k, v in FIXED[lang].items()}
        # "du 3 au 5 mars", "between 3 and 5 March": the first day borrows the month
        link = {"fr": r"(?:-|–|au|à|et|jusqu['’]au)", "es": r"(?:-|–|al|a|y|hasta\s+el)",
                "en": r"(?:-|–|to|and|through|till|until)"}[lang]
        self.range_before = re.compile(
            r"(?<![\d.,:/])(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|°)?)\s*" + link
            + r"\s*(?:(?:le|el|the)\s+)?$", re.IGNORECASE)
        self.range_after = re.compile(
            r"^\s*(?:-|–|to|through|and|till|until|au|et|al|a|y)\s*"
            r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d.,:/%]|\s*(?:h\b|:|" + any_month
            + r"|de\s+" + any_month + r"))", re.IGNORECASE)
        self.time_after = re.compile(r"^\s*(?:h\b|heures?|horas?|:\d|[ap]\.?m\b|o['’]clock)",
                                     re.IGNORECASE)

    # --- helpers -------------------------------------------------------------------------

    def direction_of(self, word: str | None) -> str | None:
        if not word:
            return None
        w = _fold(word)
        if w.startswith("this past"):
            return "past"
        if w.startswith("this coming"):
            return "future"
        if w in self.past_words:
            return "past"
        if w in self.future_words:
            return "future"
        if w in self.this_words:
            return "this"
        return None

    def month_of(self, word: str) -> int | None:
        return _lookup(self.month_table, word)

    def weekday_of(self, word: str | None) -> int | None:
        if not word:
            return None
        return _lookup(self.weekday_table, word) or _lookup(self.wd_abbrev_table, word)


_GRAMMARS = {lang: _Grammar(lang) for lang in ("fr", "es", "en")}


def _day_number(raw: str) -> int:
    digits = re.match(r"\d+", raw)
    return int(digits.group()) if digits else 1     # "premier", "primero", "1er"


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)           # 2000 is a leap year: 29 February stays
        return True
    except ValueError:
        return False


def _md_timex(year, month, day) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def _interpret(g: _Grammar, name: str, m: re.Match, text: str):
    """-> (start, end, timex, direction, weekday) or None when the match is not a date."""
    gd = m.groupdict()
    start, end = m.start(), m.end()
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    lang = g.lang

    if name in ("dmy", "mdy"):
        month = g.month_of(gd["month"])
        day = _day_number(gd["day"])
        year = int(gd["year"]) if gd.get("year") else None
        if month is None or not _valid(year, month, day):
            return None
        if year is None and g.time_after.match(after) and name == "mdy":
            return None
        wd = g.weekday_of(gd.get("wd"))
        if wd is None and gd.get("wd"):
            return None
        if lang == "en" and name == "mdy" and _fold(gd["month"]) in ("may", "march") \
                and not gd.get("year") and re.match(r"\w", gd["month"]) and gd["month"][0].islower() \
                and re.search(r"\b(?:i|you|he|she|it|we|they|who|which|that|and)\s+$", before, re.I):
            return None                                  # "they may 5 ..." is a verb
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        if m.group(0)[:1].lower() == "l" and lang == "fr" and not gd.get("wd"):
            start = m.start("day")                       # "le 14 décembre" -> "14 décembre"
        return start, end, _md_timex(year, month, day), direction, wd

    if name == "my":
        month = g.month_of(gd["month"])
        if month is None:
            return None
        return start, end, f"{int(gd['year']):04d}-{month:02d}", None, None

    if name == "the_day":
        day = int(gd["day"])
        nxt = re.match(r"\s*(\w+|\S)?", after).group(1) or ""
        if lang == "en" and nxt and nxt[0].isalpha() and _fold(nxt) not in {
                "and", "to", "through", "at", "in", "or", "when", "before", "after", "by",
                "from", "on", "this", "next", "last", "until", "till"}:
            return None                                  # "the 14th amendment", "the 5th time"
        if lang == "es" and not re.search(r"\bel\s+$", before, re.I):
            return None
        return start, end, f"XXXX-XX-{day:02d}", None, None

    if name == "iso":
        y, a, b = int(gd["year"]), int(gd["a"]), int(gd["b"])
        if not (1800 <= y <= 2100) or not _valid(y, a, b):
            return None
        return start, end, _md_timex(y, a, b), None, None

    if name in ("numeric", "numeric2"):
        a, b = int(gd["a"]), int(gd["b"])
        if gd["sep"] if name == "numeric" else False:
            pass
        if lang == "en" and a <= 12:
            month, day = a, b
        else:
            day, month = a, b
        raw_year = gd.get("year")
        year = None
        if raw_year:
            if len(raw_year) == 2:
                if gd["sep"] == "-" or len(gd["a"]) != 2 or len(gd["b"]) != 2 and gd["sep"] == ".":
                    return None
                year = 1900 + int(raw_year) if int(raw_year) > 40 else 2000 + int(raw_year)
            else:
                year = int(raw_year)
                if not 1800 <= year <= 2100:
                    return None
        if not _valid(year, month, day) or month > 12:
            return None
        if name == "numeric2":
            # "1/2" is a fraction, "22/04" a date: a two-digit part or a date word before it
            if len(gd["a"]) < 2 and len(gd["b"]) < 2 and not re.search(
                    r"\b(?:le|du|au|el|del|al|on|from|until|since|desde|hasta|depuis)\s+$",
                    before, re.I):
                return None
            if re.match(r"\s*(?:%|des|de\s+los|of\s+the|ème|e\b)", after, re.I):
                return None
        return start, end, _md_timex(year, month, day), None, None

    if name == "month":
        word = gd["month"]
        month = g.month_of(word)
        if month is None:
            return None
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        key = _fold(word)
        if key in AMBIGUOUS_MONTHS[lang] and not gd.get("dir0"):
            if not g.month_context.search(before):
                return None
            if lang == "en" and key == "may" and not word[0].isupper():
                return None
        if lang == "en" and key == "may" and gd.get("dir0") and not word[0].isupper():
            return None                                  # "this may change"
        if lang == "en" and key in ("march", "august") and re.match(r"\s+(?:on|to|in)\b", after) \
                and not gd.get("dir0") and not word[0].isupper():
            return None
        return start, end, f"XXXX-{month:02d}", direction, None

    if name == "weekday":
        if WEEKDAY_BLOCK_BEFORE.search(before):
            return None
        if WEEKDAY_BLOCK_AFTER.match(after):
            return None
        if lang == "en" and re.match(r"['’]s\b|\s+(?:times|night\s+football)", after, re.I):
            return None
        wd = g.weekday_of(gd["wd"])
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        return start, end, "XXXX-WXX-%d" % wd, direction, wd

    if name == "fixed":
        timex = g.fixed.get(_fold(gd["fixed"]))
        if timex is None:
            return None
        if lang == "es" and timex == "PRESENT_REF" and _fold(gd["fixed"]) == "hoy" \
                and re.match(r"\s+en\s+d[ií]a", after, re.I):
            return None                                  # "hoy en día" = nowadays
        return start, end, timex, _direction_of_timex(timex), None

    if name == "manana":
        # "mañana" is tomorrow, except "la/esta/por la/cada mañana" (the morning)
        if re.search(r"\b(?:la|una|esta|esa|cada|toda|aquella|media|las|de\s+la|por\s+la)\s+$",
                     before, re.I):
            return None
        if re.search(r"\d\s*(?:de\s+)?$", before):      # "a las 8 de mañana"
            return None
        return start, end, "REF+P1D", "future", None

    if name in ("ago", "in"):
        n = gd["num"]
        n = int(n) if n.isdigit() else _lookup(NUMBER_WORDS[lang], n)
        if not n:
            return None
        unit = _lookup(UNITS[lang], gd["unit"])
        if name == "in" and lang == "en" and re.search(
                r"(?:est|first|last|most|least|time|times|once|only|twice|high|low|"
                r"record|ever)\s+$", before, re.I):
            return None                                  # "the highest in two years"
        sign = "-" if name == "ago" else "+"
        return start, end, f"REF{sign}P{n}{unit}", "past" if sign == "-" else "future", None

    if name == "year":
        if NOT_A_YEAR_BEFORE.search(before) or NOT_A_YEAR_AFTER.match(after):
            return None
        if re.match(r"[-–/]\d", after) or re.search(r"\d[-–/]$", before):
            return None                                  # part of a code or a numeric date
        return start, end, gd["year"], None, None
    return None


def _direction_of_timex(timex: str) -> str | None:
    if timex == "PRESENT_REF" or "P0" in timex:
        return "this"
    return "past" if timex.startswith("REF-") else "future" if timex.startswith("REF+") else None


def _add_range_partners(g: _Grammar, text: str, found: list) -> list:
    """Day numbers that borrow the month of a neighbouring date: "du 3 au 5 mars",
    "between 3 and 5 March", "March 3-5", "del 3 al 5 de marzo"."""
    extra = []
    for start, end, timex, direction, wd in found:
        md = re.fullmatch(r"(XXXX|\d{4})-(\d{2})-(\d{2})", timex)
        if not md:
            continue
        year, month = md.group(1), int(md.group(2))
        head = g.range_before.search(text[max(0, start - 30):start])
        if head:
            day = _day_number(head.group("day"))
            s = start - (len(text[max(0, start - 30):start]) - head.start("day"))
            if _valid(None if year == "XXXX" else int(year), month, day) and day < int(md.group(3)):
                extra.append((s, s + len(head.group("day")), f"{year}-{month:02d}-{day:02d}",
                              direction, None))
        tail = g.range_after.match(text[end:end + 20])
        if tail and g.lang == "en":
            day = int(tail.group("day"))
            s = end + tail.start("day")
            if _valid(None if year == "XXXX" else int(year), month, day) and day > int(md.group(3)):
                extra.append((s, end + tail.end(), f"{year}-{month:02d}-{day:02d}", direction,
                              None))
    return extra


def _select(cands: list) -> list:
    """Longest matches first, then leftmost; no overlaps."""
    chosen, taken = [], []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            chosen.append(c)
            taken.append((c[0], c[1]))
    return sorted(chosen)


@lru_cache(maxsize=4096)
def _find(text: str, lang: str) -> tuple:
    g = _GRAMMARS[lang]
    cands = []
    for name, rx in g.rules:
        for m in rx.finditer(text):
            got = _interpret(g, name, m, text)
            if got:
                cands.append(got)
    found = _select(cands)
    extra = _add_range_partners(g, text, found)
    if extra:
        found = _select(found + extra)
    return tuple(DateMention(s, e, text[s:e], timex, direction, wd)
                 for s, e, timex, direction, wd in found)


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Date mentions in `text` (lang 'fr', 'es' or 'en'), sorted and non-overlapping."""
    if lang not in _GRAMMARS:
        raise ValueError(f"unsupported language: {lang!r}")
    return list(_find(text, lang))


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

_EXPLICIT = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?)?")
_REL = re.compile(r"REF([+-])P(\d+)([DWMY])(-WE)?")
_MD = re.compile(r"XXXX-(\d{2})-(\d{2})")
_M = re.compile(r"XXXX-(\d{2})")
_WD = re.compile(r"XXXX-WXX-([1-7])")
_D = re.compile(r"XXXX-XX-(\d{2})")


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _pick(candidates: list[dt.date], anchor: dt.date, tense: str | None, inclusive: bool):
    """Choose among dated readings: past -> latest before (or on) the anchor, future -> earliest
    after (or on), None/this/present -> the nearest (ties go to the future)."""
    if tense == "past":
        c = [d for d in candidates if d < anchor or (inclusive and d == anchor)]
        return max(c) if c else None
    if tense == "future":
        c = [d for d in candidates if d > anchor or (inclusive and d == anchor)]
        return min(c) if c else None
    return min(candidates, key=lambda d: (abs((d - anchor).days), d < anchor)) if candidates else None


@lru_cache(maxsize=8192)
def resolve(timex: str, anchor: dt.date | None, tense: str | None,
            year: int | None = None) -> tuple[str, str]:
    """(value, resolution) for a timex from find_dates. resolution: 'explicit' (the text gave it
    all), 'anchored' (computed from `anchor`, the day the report was written, or from `year`),
    'underspecified' (the timex itself, X's kept). `tense` ('past' | 'future' | 'this' |
    'present' | None) picks among readings: past -> latest strictly before the anchor (month-days
    and months: on or before), future -> earliest strictly after (on or after), this/present ->
    the same ISO week (weekdays) or year (months), None -> the nearest reading, ties to the future.
    Never uses today's date."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if _EXPLICIT.fullmatch(timex):
        return timex, "explicit"
    if anchor is None:
        md = _MD.fullmatch(timex) or _M.fullmatch(timex)
        if year and md:
            return f"{year:04d}{timex[4:]}", "anchored"
        return timex, "underspecified"

    if timex == "PRESENT_REF":
        return anchor.isoformat(), "anchored"
    rel = _REL.fullmatch(timex)
    if rel:
        n = int(rel.group(2)) * (1 if rel.group(1) == "+" else -1)
        unit, weekend = rel.group(3), rel.group(4)
        if unit == "D":
            return (anchor + dt.timedelta(days=n)).isoformat(), "anchored"
        if unit == "W":
            return _iso_week(anchor + dt.timedelta(weeks=n)) + (weekend or ""), "anchored"
        if unit == "M":
            return _add_months(anchor, n).strftime("%Y-%m"), "anchored"
        return f"{anchor.year + n:04d}", "anchored"

    wd = _WD.fullmatch(timex)
    if wd:
        target = int(wd.group(1))
        delta = target - anchor.isoweekday()
        if tense in ("this", "present"):
            return (anchor + dt.timedelta(days=delta)).isoformat(), "anchored"
        readings = [anchor + dt.timedelta(days=delta + k) for k in (-7, 0, 7)]
        if tense not in ("past", "future"):
            readings = [d for d in readings if abs((d - anchor).days) < 7]
        return _pick(readings, anchor, tense, inclusive=False).isoformat(), "anchored"

    md = _MD.fullmatch(timex)
    if md:
        month, day = int(md.group(1)), int(md.group(2))
        if tense in ("this", "present") and _valid(anchor.year, month, day):
            return dt.date(anchor.year, month, day).isoformat(), "anchored"
        readings = [dt.date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                    if _valid(y, month, day)]
        if not readings:
            return timex, "underspecified"
        return _pick(readings, anchor, tense, inclusive=True).isoformat(), "anchored"

    mo = _M.fullmatch(timex)
    if mo:
        month = int(mo.group(1))
        if tense in ("this", "present"):
            return f"{anchor.year:04d}-{month:02d}", "anchored"
        first = anchor.replace(day=1)
        readings = [dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        chosen = _pick(readings, first, tense, inclusive=True)
        return chosen.strftime("%Y-%m"), "anchored"

    d = _D.fullmatch(timex)
    if d:
        day = int(d.group(1))
        readings = []
        for k in (-1, 0, 1):
            first = _add_months(anchor, k)
            if _valid(first.year, first.month, day):
                readings.append(first.replace(day=day))
        chosen = _pick(readings, anchor, tense, inclusive=True)
        return (chosen.isoformat(), "anchored") if chosen else (timex, "underspecified")

    we = re.fullmatch(r"XXXX-WXX-WE", timex)
    if we:
        sat = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        return _iso_week(sat) + "-WE", "anchored"
    return timex, "underspecified"
