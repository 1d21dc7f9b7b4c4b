"""Date mentions in French, Spanish and English news, and their normalization.

`find_dates(text, lang)` finds what the words alone say, as a TIMEX3-style string (`timex`):
`2025-12-14`, `XXXX-12-14` (year unknown), `XXXX-01`, `XXXX-WXX-2` (a Tuesday), `XXXX-XX-14`
("the 14th"), `PRESENT_REF` (today), `REF-P1D` (yesterday), `REF+P1W` (next week),
`REF+P0W-WE` (this weekend), `1988`, and: `REF-P1Q` (last quarter), `XXXX-Q3` ("Q3"), `XXXX-SU` /
`2017-SU` (seasons: SP SU FA WI), `XXXX-W31` (week 31), `2015-01-W1` / `XXXX-07-WL` (first / last
week of a month), `REF+P1W-2` (Tuesday of next week), `FY2016`, `20` (the 21st century), `197`
(the 1970s), and spans: `1945/1951` ("(1945-1951)", "de 2006 a 2010"), `XXXX-11-01/XXXX-11-15`
("la primera quincena de noviembre"). Spanish election copy's day + month initial ("del 23J",
"el 28-M") is `XXXX-11-10`, or alternatives when the initial fits two months
(`XXXX-06-23|XXXX-07-23`). Holidays on a fixed day become month-days (Christmas -> `XXXX-12-25`);
a weekday with a day number ("lundi 21") is `XXXX-XX-21` with `weekday` set. "now" /
"maintenant" / "ahora" are PRESENT_REF. A dateline's date ("Lima, Jun. 10.") has direction
'this': it is the day of writing. Narrative-relative phrases ("the next day", "le lendemain", "la
semana siguiente") are left out on purpose: they count from the event told, not from the day the
report was written.
`resolve(timex, anchor, tense, year)` turns it into a calendar value once the day the report was
written (`anchor`) is known, `resolve_mention` with the mention's words and its verb's tense; the
orchestrator calls them again when it finds a better anchor. A value is always a calendar value,
an interval or an X form (`XXXX-XX-XX` for "hier" without an anchor), never a reference expression.

The grammar is a set of compiled regexes per language. dateparser's search was measured against it
and is not used: it is slow, reads "58,1" as a date, defaults to "now" ("in the 1970s" -> today),
and finds none of "23J", "(1945-1951)", "este mismo año", "Sunday's vote" (on the
Recognizers-Text specs its date F1 is 0.21 against 0.50 here). Precision first: a false date is
worse than a missed one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .vocabulary import _CASE_CLASS, charsets_shared

try:        # its parser, to read what each rule's matches must hold (`_needs`)
    from re import _constants as _sre, _parser
except ImportError:     # pragma: no cover
    _sre = _parser = None

__all__ = ["DateMention", "find_dates", "measures_time", "resolve", "resolve_mention"]


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
           "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
           "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
           "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "cien": 100},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
           "hundred": 100},
}
_EN_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth"]
_ES_DAYS = ["primero", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
            "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
            "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
            "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve", "treinta",
            "treinta y uno"]
_FR_DAYS = ["premier", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf", "vingt", "vingt et un", "vingt-deux", "vingt-trois", "vingt-quatre",
            "vingt-cinq", "vingt-six", "vingt-sept", "vingt-huit", "vingt-neuf", "trente",
            "trente et un"]
# Days of the month written in words ("cuatro de julio", "February twenty-second").
DAY_WORDS = {
    "en": {**{w: i + 1 for i, w in enumerate(_EN_ORD)}, **{w: i + 10 for i, w in enumerate(_EN_TEENS)},
           "twentieth": 20, "thirtieth": 30, "thirty-first": 31,
           **{f"twenty-{w}": 21 + i for i, w in enumerate(_EN_ORD)}},
    "es": {w: i + 1 for i, w in enumerate(_ES_DAYS)},
    "fr": {w: i + 1 for i, w in enumerate(_FR_DAYS)},
}
UNITS = {
    "fr": {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M", "an": "Y",
           "ans": "Y", "année": "Y", "années": "Y", "heure": "H", "heures": "H", "minute": "N",
           "minutes": "N", "trimestre": "Q", "trimestres": "Q"},
    "es": {"día": "D", "días": "D", "semana": "W", "semanas": "W", "mes": "M", "meses": "M",
           "año": "Y", "años": "Y", "hora": "H", "horas": "H", "minuto": "N", "minutos": "N",
           "trimestre": "Q", "trimestres": "Q"},
    "en": {"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
           "year": "Y", "years": "Y", "hour": "H", "hours": "H", "minute": "N", "minutes": "N",
           "min": "N", "mins": "N", "quarter": "Q", "quarters": "Q"},
}
ORDINALS = {  # quarters and halves: "primer trimestre de 2017", "the third quarter of 2024"
    "en": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "last": 4},
    "es": {"primer": 1, "primero": 1, "1er": 1, "1º": 1, "1.º": 1, "segundo": 2, "2º": 2,
           "2.º": 2, "tercer": 3, "tercero": 3, "3er": 3, "3º": 3, "3.º": 3, "cuarto": 4,
           "4º": 4, "4.º": 4, "último": 4},
    "fr": {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2,
           "troisième": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4,
           "dernier": 4},
}
QUARTER_WORDS = {"en": ("quarter", "half"), "es": ("trimestre", "semestre"),
                 "fr": ("trimestre", "semestre")}

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
           "le week-end prochain": "REF+P1W-WE", "le weekend prochain": "REF+P1W-WE",
           "fin d'année": "REF+P0Y", "début d'année": "REF+P0Y", "fin de mois": "REF+P0M",
           "début de mois": "REF+P0M",
           "maintenant": "PRESENT_REF", "à présent": "PRESENT_REF", "en ce moment": "PRESENT_REF",
           "à l'heure actuelle": "PRESENT_REF",
           "ce trimestre": "REF+P0Q", "le trimestre en cours": "REF+P0Q",
           "le trimestre dernier": "REF-P1Q", "le trimestre passé": "REF-P1Q",
           "le dernier trimestre": "REF-P1Q", "le trimestre précédent": "REF-P1Q",
           "le trimestre prochain": "REF+P1Q", "le prochain trimestre": "REF+P1Q",
           "le mois en cours": "REF+P0M", "l'année en cours": "REF+P0Y",
           "la semaine en cours": "REF+P0W", "aujourd'hui même": "PRESENT_REF",
           "cette année même": "REF+P0Y"},
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
           "finales de año": "REF+P0Y", "final de año": "REF+P0Y", "fin de año": "REF+P0Y",
           "principios de año": "REF+P0Y", "fin de mes": "REF+P0M", "finales de mes": "REF+P0M",
           "principios de mes": "REF+P0M",
           "el fin de semana próximo": "REF+P1W-WE",
           "ahora": "PRESENT_REF", "ahora mismo": "PRESENT_REF", "en este momento": "PRESENT_REF",
           "en estos momentos": "PRESENT_REF",
           "este trimestre": "REF+P0Q", "el trimestre actual": "REF+P0Q",
           "el trimestre en curso": "REF+P0Q",
           "el trimestre pasado": "REF-P1Q", "el pasado trimestre": "REF-P1Q",
           "el trimestre anterior": "REF-P1Q", "el último trimestre": "REF-P1Q",
           "el próximo trimestre": "REF+P1Q", "el trimestre próximo": "REF+P1Q",
           "el trimestre que viene": "REF+P1Q",
           "el año en curso": "REF+P0Y", "el mes en curso": "REF+P0M",
           "este mismo año": "REF+P0Y", "este mismo mes": "REF+P0M",
           "esta misma semana": "REF+P0W", "esta misma noche": "PRESENT_REF",
           "esta misma mañana": "PRESENT_REF", "esta misma tarde": "PRESENT_REF",
           "hoy mismo": "PRESENT_REF"},
    "en": {"today": "PRESENT_REF", "tonight": "PRESENT_REF", "this morning": "PRESENT_REF",
           "this afternoon": "PRESENT_REF", "this evening": "PRESENT_REF",
           "yesterday": "REF-P1D", "last night": "REF-P1D", "tomorrow": "REF+P1D",
           "the day before yesterday": "REF-P2D", "the day after tomorrow": "REF+P2D",
           "last week": "REF-P1W", "next week": "REF+P1W", "this week": "REF+P0W",
           "last month": "REF-P1M", "next month": "REF+P1M", "this month": "REF+P0M",
           "last year": "REF-P1Y", "next year": "REF+P1Y", "this year": "REF+P0Y",
           "this weekend": "REF+P0W-WE", "last weekend": "REF-P1W-WE",
           "next weekend": "REF+P1W-WE", "previous week": "REF-P1W",
           "previous month": "REF-P1M", "previous year": "REF-P1Y",
           "end of the year": "REF+P0Y", "end of year": "REF+P0Y", "end of the month": "REF+P0M",
           "end of month": "REF+P0M", "end of the week": "REF+P0W", "end of week": "REF+P0W",
           "end of the day": "PRESENT_REF", "end of day": "PRESENT_REF",
           "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
           "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
           "at the present time": "PRESENT_REF", "tonite": "PRESENT_REF",
           "this quarter": "REF+P0Q", "current quarter": "REF+P0Q", "last quarter": "REF-P1Q",
           "previous quarter": "REF-P1Q", "past quarter": "REF-P1Q", "next quarter": "REF+P1Q",
           "coming quarter": "REF+P1Q", "this calendar year": "REF+P0Y",
           "the current year": "REF+P0Y", "the current month": "REF+P0M",
           "the current week": "REF+P0W"},
}

for _lang, _table in FIXED.items():      # "semana pasada", "mois dernier": the article is optional
    for _phrase, _timex in list(_table.items()):
        _bare = re.sub(r"^(?:la|el|le)\s+|^l'", "", _phrase)
        if _bare != _phrase and " " in _bare:
            _table.setdefault(_bare, _timex)

SEASONS = {"en": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
           "fr": {"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
           "es": {"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}}
# A bare season is a date only after one of these ("in the summer", "en été", "durante el verano").
SEASON_CONTEXT = {
    "en": r"(?:in|during|over|through|throughout|since|until|till|by|before|after|for|this|last"
          r"|next|past|coming|early|late|mid-?)\s+(?:the\s+)?(?:whole\s+|entire\s+)?$",
    "fr": r"(?:\bl['’]|\ben\s+|\bau\s+|\bà\s+l['’]|\bcet\s+|\bcette\s+)$",
    "es": r"(?:\ben|\bdurante|\bpara|\bhasta|\bdesde|\beste|\besta|\btodo|\btoda)\s+(?:el\s+|la\s+)?$",
}
# Named seasons that are events, not dates ("the Arab Spring", "le printemps arabe").
SEASON_BLOCK_BEFORE = re.compile(r"(?:arab|prague|arabe|árabe)\s+$", re.IGNORECASE)
SEASON_BLOCK_AFTER = re.compile(
    r"^\s*(?:arabe|árabe|de\s+praga|de\s+prague|olympics?|games|paralympics?|camp|school|solstice"
    r"|equinox|collection|league|fashion|transfer|jeux|juegos|olímpicos)\b", re.IGNORECASE)

# Holidays on a fixed day of the year -> "MM-DD".
HOLIDAYS = {
    "en": {"christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24",
           "new year's day": "01-01", "new years day": "01-01", "new year day": "01-01",
           "new year's eve": "12-31", "new years eve": "12-31", "halloween": "10-31",
           "valentine's day": "02-14", "juneteenth": "06-19", "may day": "05-01",
           "international workers' day": "05-01", "international workers day": "05-01",
           "boxing day": "12-26", "all saints' day": "11-01", "bastille day": "07-14",
           "st. patrick's day": "03-17", "saint patrick's day": "03-17",
           "st patrick's day": "03-17", "earth day": "04-22"},
    "fr": {"noël": "12-25", "jour de noël": "12-25", "veille de noël": "12-24",
           "réveillon de noël": "12-24", "jour de l'an": "01-01", "nouvel an": "01-01",
           "saint-sylvestre": "12-31", "réveillon du nouvel an": "12-31",
           "fête du travail": "05-01", "toussaint": "11-01", "saint-valentin": "02-14",
           "halloween": "10-31", "assomption": "08-15", "saint-jean": "06-24",
           "fête des travailleurs": "05-01"},
    "es": {"navidad": "12-25", "día de navidad": "12-25", "nochebuena": "12-24",
           "nochevieja": "12-31", "año nuevo": "01-01", "día de año nuevo": "01-01",
           "día del trabajo": "05-01", "día del trabajador": "05-01",
           "día de los trabajadores": "05-01", "día internacional de los trabajadores": "05-01",
           "día internacional del trabajo": "05-01", "día de reyes": "01-06",
           "día de los reyes magos": "01-06", "día de todos los santos": "11-01",
           "día de muertos": "11-02", "día de los muertos": "11-02", "san valentín": "02-14",
           "día de san valentín": "02-14", "halloween": "10-31", "día de la hispanidad": "10-12",
           "día de la tierra": "04-22", "día de san patricio": "03-17"},
}
# Holiday names used as a noun's modifier ("Christmas tree", "árbol de Navidad") are not dates.
HOLIDAY_BLOCK_AFTER = re.compile(
    r"^\s*(?:island|tree|trees|card|cards|carol|carols|market|markets|shopping|lights|gifts?"
    r"|presents?|decorations?|songs?|movies?|films?|music|dinner|party|parties|season|holidays?"
    r"|break|truce|spirit|special|sales|bonus|parade|story|day\s+parade|costumes?|candy|fair)\b",
    re.IGNORECASE)
HOLIDAY_BLOCK_BEFORE = re.compile(
    r"(?:(?<!antes\s)(?<!despu[eé]s\s)(?<!v[ií]spera\s)(?<!d[ií]a\s)(?<!jour\s)(?<!veille\s)"
    r"(?<!avant\s)(?<!apr[eè]s\s)(?<!fin\s)(?<!final\s)(?<!lundi\s)(?<!lunes\s)\b(?:de|du|des|del)"
    r"|isla|islas|[iî]le|[iî]les)\s+$", re.IGNORECASE)

DECADE_WORDS = {
    "en": {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
           "eighties": 8, "nineties": 9},
    "fr": {"vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
           "soixante-dix": 7, "quatre-vingt": 8, "quatre-vingts": 8, "quatre-vingt-dix": 9},
    "es": {"veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7,
           "ochenta": 8, "noventa": 9},
}
# Spanish election copy names a day by its number and its month's initial: "el 23J", "del 28-M",
# "el 1-O". An initial shared by two months (M, A, J) is settled by the writing date.
MONTH_INITIALS = {
    "es": {"E": (1,), "F": (2,), "M": (3, 5), "A": (4, 8), "J": (6, 7), "S": (9,), "O": (10,),
           "N": (11,), "D": (12,)},
    "fr": {}, "en": {},
}
# ... and only after an article or preposition ("del 23J"): "3D", "10M" alone are other things.
MONTH_INITIAL_BEFORE = {"es": r"(?:\b(?:el|del|al|este|desde\s+el|hasta\s+el)\s+)$"}
# What may not follow such a day: a unit ("10M de euros", "5M de votos").
MONTH_INITIAL_NOT_AFTER = re.compile(
    r"^\s*(?:de\s+)?(?:euros?|d[oó]lares|pesos|votos|personas|habitantes|usuarios|€|\$)", re.IGNORECASE)
# Halves of a month: "la primera quincena de noviembre", "la seconde quinzaine d'août",
# "the second half of March". (word for the half, first-half words, second-half words)
HALF_MONTH = {
    "es": (r"quincena", ["primera", "1ª", "1.ª"], ["segunda", "2ª", "2.ª", "última"]),
    "fr": (r"quinzaine", ["première", "1re", "1ère"], ["deuxième", "seconde", "2e", "2nde",
                                                        "dernière"]),
    "en": (r"(?:half|fortnight|two\s+weeks)", ["first"], ["second", "last", "latter"]),
}
# Spans of years in words: "de 2006 a 2010", "entre 1945 y 1951", "from 2014 to 2018". Each pair
# is (words before the first year, words between the two); "y" / "and" alone would join a list.
YEAR_SPAN_WORDS = {
    "es": [("de|del|desde", "a|al|hasta"), ("entre", "y|e")],
    "fr": [("de|du|depuis", "à|a|au|jusqu['’]en|jusqu['’]à"), ("entre", "et")],
    "en": [("from", "to|through|until|till"), ("between", "and")],
}
# A date right after a place at the head of a line, closed by an agency or a dash, is a dateline:
# "Bakou, 14 avril, AZERTAC", "La Paz, 23 Oct 2020 (AFP) -", "Lima, Jun. 10.". It is the day the
# report was written.
DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:\d{1,2}[:h.]\d{2}\s*\|\s*)?(?:\(?[A-ZÀ-Ý][\w'’.\-]*\)?"
    r"(?:[ \t]+(?:de|del|la|las|los|el|du|des|d['’]|di|da|do|[A-ZÀ-Ý][\w'’.\-]*)){0,4})"
    r",[ \t]*$")
DATELINE_AFTER = re.compile(r"^[ \t]*(?:\(|,[ \t]*[A-ZÀ-Ý]{2,}|[-–—]|\.[ \t]*[-–—]|\.?[ \t]*(?:\n|$))")

# Words that give a weekday / month / month-day its direction.
PAST_WORDS = {"fr": ["dernier", "dernière", "passé", "passée"], "es": ["pasado", "pasada"],
              "en": ["last", "previous", "past"]}
FUTURE_WORDS = {"fr": ["prochain", "prochaine"],
                "es": ["próximo", "próxima", "que viene", "entrante"],
                "en": ["next", "coming", "following"]}
THIS_WORDS = {"fr": ["ce", "cet", "cette"], "es": ["este", "esta"], "en": ["this"]}
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


def _pieces(phrase: str) -> list[tuple[str, str | None]]:
    """A phrase's regex, a (regex, fold) piece per character, matching it with or without accents,
    any apostrophe, any spacing; `fold` is the one fold (see _fold_char) of every character a
    piece matches, None for the spacing pieces."""
    out = []
    for ch in phrase.lower():
        base = _BASE.get(ch, ch)
        if base in _ACCENTS:
            out.append((f"[{base}{_ACCENTS[base]}]", base))
        elif ch in "'’":
            out.append(("['’]", "'"))
        elif ch == " ":
            out.append((r"\s+", None))
        elif ch == "-":
            out.append((r"[-\s]?", None))
        else:
            out.append((re.escape(ch), _fold_char(ch)))
    return out


def _pat(phrase: str) -> str:
    return "".join(rx for rx, _ in _pieces(phrase))


def _alt(phrases) -> str:
    """One alternation of the phrases, longest first, its alternatives' first characters factored
    out ("(?:h(?:ier\\s+soir|ier)|d(?:emain))": `re` tries a branch at a time, and a word start
    met no longer tries every phrase). The same match as the plain alternation: a character is
    factored out only of phrases that begin with that very piece, and a phrase moves ahead only of
    phrases that cannot match where it does (their first characters fold apart: no character
    matches both), so the phrases that can match at a place are tried in the same order."""
    return _factored([_pieces(p) for p in sorted(set(phrases), key=len, reverse=True)])


def _factored(alternatives: list[list]) -> str:
    groups = []                                          # [first piece or None, [alternatives]]
    for alt in alternatives:
        head = alt[0] if alt and alt[0][1] is not None else None
        if head is not None:
            for group in reversed(groups):
                if group[0] == head:
                    group[1].append(alt)
                    break
                if not _apart(head, group):
                    groups.append([head, [alt]])
                    break
            else:
                groups.append([head, [alt]])
        else:
            groups.append([None, [alt]])
    out = []
    for head, alts in groups:
        if head is None or len(alts) == 1:
            out.append("".join(rx for rx, _ in alts[0]))
        else:
            out.append(head[0] + _factored([a[1:] for a in alts]))
    return "(?:" + "|".join(out) + ")"


def _apart(head: tuple, group: list) -> bool:
    """Can no alternative of the group match where one beginning with `head` does?"""
    if group[0] is not None:
        return group[0][1] != head[1]
    alt = group[1][0]                                    # (a group with no head has one alternative)
    return bool(alt) and alt[0][0] == r"\s+" and not head[1].isspace()


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


# Before "in two years" / "en dos años": then it is a span of time, not a date.
IN_IS_DURATION = re.compile(
    r"(?<!\w)(?:highest|lowest|biggest|largest|smallest|best|worst|strongest|weakest|fastest"
    r"|slowest|greatest|first|most|least|record|ever|time|times|once|twice|only|level|pace"
    r"|vez|veces|m[aá]ximo|m[ií]nimo|m[aá]s\s+alto|m[aá]s\s+bajo|r[eé]cord|primera|nivel"
    r"|creci[oó]|aument[oó]|cay[oó]|subi[oó]|baj[oó]|%|por\s*ciento|percent)(?!\w)[^.;:!?]*$",
    re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Which rules may match a text
# --------------------------------------------------------------------------------------------
# Each rule opens with a lookbehind, so `re` tries it at every character of a paragraph, and most
# rules match nowhere in a given one. Every match of a rule holds some of its words, and a digit
# where it has one: "la semana pasada" holds the words "semana" and "pasada" whatever their case
# and accents. `_needs` reads that condition off the rule's parse tree, on text folded one character
# at a time (`_fold_char`: every character a pattern character matches folds as that one does); a
# rule whose condition the paragraph does not meet cannot match there and is not run. A word with
# no word character on either side in every match ("semana" above) is one of the paragraph's
# words (`\w+`), looked up in a set; any other word ("er" after the digit of "1er") is looked
# for in the folded text.

_DIGIT = "\\d"             # the condition "a decimal digit": no folded word holds a backslash
_DIGIT_RX = re.compile(r"\d")
_WORD_RX = re.compile(r"\w+")
_MAX_CLAUSES = 64           # a rule's condition is an OR of at most so many ANDs (else a weaker one)


def _fold_char(ch: str) -> str | None:
    """`ch` lower-cased, its accent and apostrophe folded (None if lower-casing gives more than one
    character)."""
    low = ch.lower()
    if len(low) != 1:
        return None
    low = chr(_CASE_CLASS.get(ord(low), ord(low)))    # 'ſ' is an 's', 'ı' an 'i' to `re`
    return "'" if low == "’" else _BASE.get(low, low)


# (what _fold_char does to a lower-case character that has a case class, an accent, or is ’)
_FOLD_TABLE = {k: _fold_char(chr(k)) for k in {*_CASE_CLASS, *map(ord, _BASE), ord("’")}}


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"                     # what `re` calls \w


def _element_fold(op, av):
    """The fold of every character an element (a literal, a class) matches: a word character,
    _DIGIT when they are all decimal digits, None when they differ or the element is another."""
    folds = _element_folds(op, av)
    return next(iter(folds)) if folds and len(folds) == 1 else None


def _element_folds(op, av) -> frozenset | None:
    """The folds of the characters an element matches (each is a word character or _DIGIT), None
    when some are not known or not word characters."""
    return _set_folds(((op, av),) if op is _sre.LITERAL else tuple(av) if op is _sre.IN else ())


@lru_cache(maxsize=None)            # the rules repeat the same few hundred classes
def _set_folds(items) -> frozenset | None:
    folds = set()
    for item_op, item in items:
        if item_op is _sre.LITERAL:
            fold = _DIGIT if chr(item) in "0123456789" else _fold_char(chr(item))
            if fold != _DIGIT and (fold is None or not _is_word(fold)):
                return None
            folds.add(fold)
        elif item_op is _sre.RANGE and 48 <= item[0] <= item[1] <= 57 \
                or item_op is _sre.CATEGORY and item is _sre.CATEGORY_DIGIT:
            folds.add(_DIGIT)
        else:                                            # a negation, a letter range, \s...
            return None
    return frozenset(folds) or None


def _nonword(op, av) -> bool:
    """Is every character a literal or class matches (whatever its case) a non-word one?"""
    return _set_nonword(((op, av),) if op is _sre.LITERAL else tuple(av) if op is _sre.IN else ((None, None),))


@lru_cache(maxsize=None)
def _set_nonword(items) -> bool:
    for item_op, item in items:
        if item_op is _sre.LITERAL:
            ch = chr(item)
            if any(map(_is_word, (ch, ch.lower(), ch.upper()))):
                return False
        elif item_op is not _sre.CATEGORY or item not in (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD):
            return False
    return True


class _Parsed:
    """A rule's parse, with what the analysis needs to look up: the parser's state (for widths),
    each group's items (for back-references), and the widths and edges found so far (a rule's
    alternations share their parts)."""

    def __init__(self, rx: re.Pattern):
        parsed = _parser.parse(rx.pattern, rx.flags)
        self.state, self.items, self.groups = parsed.state, parsed.data, {}
        self.widths, self.edges = {}, {}                 # by id of the (living) parse node
        self._collect(parsed.data)

    def _collect(self, items):
        for op, av in items:
            if op is _sre.SUBPATTERN and av[0] is not None:
                self.groups[av[0]] = av[3]
            for sub in _parts(op, av) or ():
                self._collect(sub)


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) if _sre else ()
_ONE_CHARACTER = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY) if _sre else ()
_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT) if _sre else ()


def _parts(op, av):
    """The sequences a container element holds (a branch's alternatives), None for others."""
    if op is _sre.SUBPATTERN:
        return (av[3],)
    if op in _REPEATS:
        return (av[2],)
    if op is _sre.BRANCH:
        return av[1]
    if op is _sre.ATOMIC_GROUP:
        return (av,)
    return None


def _width(rule: _Parsed, op, av) -> tuple[int, int]:
    if op in _ONE_CHARACTER:
        return 1, 1
    if op in _ZERO_WIDTH:
        return 0, 0
    if id(av) not in rule.widths:
        rule.widths[id(av)] = _parser.SubPattern(rule.state, [(op, av)]).getwidth()
    return rule.widths[id(av)]


def _edge(rule, items, side: int) -> bool:
    """Does every non-empty match of the sequence begin (side 0) or end (side -1) with a non-word
    character?"""
    for op, av in items if side == 0 else reversed(items):
        low, high = _width(rule, op, av)
        if high == 0:
            continue
        if not _element_edge(rule, op, av, side):
            return False
        if low:
            return True
    return True


def _element_edge(rule, op, av, side: int) -> bool:
    if op is _sre.GROUPREF:                              # the same text as the group's
        return av in rule.groups and _edge(rule, rule.groups[av], side)
    parts = _parts(op, av)
    if parts is None:
        return _nonword(op, av)
    key = (id(av), side)
    if key not in rule.edges:
        rule.edges[key] = all(_edge(rule, part, side) for part in parts)
    return rule.edges[key]


def _beyond(rule, op, av, bound: bool, side: int) -> bool:
    """Whether the character on the far side of an element is a non-word one (or the text's end),
    given `bound` for its near side; side 0 walks forwards, -1 backwards."""
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        direction, inner = av
        if (direction < 0) == (side == 0):               # a lookbehind forwards, a lookahead backwards
            if op is _sre.ASSERT_NOT and len(inner) == 1 and inner[0][0] is _sre.IN \
                    and list(inner[0][1]) == [(_sre.CATEGORY, _sre.CATEGORY_WORD)]:
                return True                              # (?<!\w), (?!\w)
            if op is _sre.ASSERT and inner.getwidth()[0] and _edge(rule, inner, -1 - side):
                return True                              # (?<=\bel\s)
        return bound
    low, high = _width(rule, op, av)
    if high == 0:
        return bound
    return _element_edge(rule, op, av, -1 - side) and (bound or low > 0)


def _all(conditions):
    parts = []
    for c in conditions:
        for part in c[1] if isinstance(c, tuple) and c[0] == "all" else (c,):
            if part is not True and part not in parts:
                parts.append(part)
    return True if not parts else parts[0] if len(parts) == 1 else ("all", tuple(parts))


def _any(conditions):
    parts = []
    for c in conditions:
        if c is True:
            return True
        for part in c[1] if isinstance(c, tuple) and c[0] == "any" else (c,):
            if part not in parts:
                parts.append(part)
    return parts[0] if len(parts) == 1 else ("any", tuple(parts))


def _needs(rule, items, left: bool, right: bool, word: str = "", word_left: bool = False):
    """What every match of a parsed sequence holds, `left` / `right` telling whether the
    characters around it are non-word ones: True (nothing known), a word of the paragraph, ("in",
    a folded string), _DIGIT, or ("all" | "any", conditions). An optional item, a lookaround or a
    back-reference adds nothing. `word` is a word begun before the sequence (`word_left`: with a
    non-word character before it) that its first characters may go on: "h" into "(?:ier|oy)"."""
    items = list(items)
    n = len(items)
    lefts = [left] * (n + 1)            # lefts[k]: is the character before item k a non-word one?
    for k, (op, av) in enumerate(items):
        lefts[k + 1] = _beyond(rule, op, av, lefts[k], 0)
    rights = [right] * (n + 1)          # rights[k]: is the character at item k's start one?
    for k in range(n - 1, -1, -1):
        rights[k] = _beyond(rule, *items[k], rights[k + 1], -1)
    conditions = []
    for k, (op, av) in enumerate(items + [(None, None)]):
        fold = _element_fold(op, av) if op is not None else None
        if fold is not None and fold != _DIGIT:
            if not word:
                word_left = lefts[k]
            word += fold
            continue
        if word and op in (_sre.SUBPATTERN, _sre.BRANCH):    # the word goes on in each branch
            branches = (av[3],) if op is _sre.SUBPATTERN else av[1]
            conditions.append(_any([_needs(rule, b, lefts[k], rights[k + 1], word, word_left) for b in branches]))
            word = ""
            continue
        folds = _element_folds(op, av) if word and op is _sre.IN else None
        if folds and _DIGIT not in folds:                # "(?:r|y)" read as "[ry]": a branch each
            rest = items[k + 1:]
            conditions.append(_any([_needs(rule, rest, lefts[k + 1], right, word + f, word_left)
                                    for f in sorted(folds)]))
            return _all(conditions)
        if len(word) > 1:
            conditions.append(word if word_left and rights[k] else ("in", word))
        word = ""
        if op is None:
            break
        if fold == _DIGIT:
            conditions.append(_DIGIT)
        elif op is _sre.SUBPATTERN:
            conditions.append(_needs(rule, av[3], lefts[k], rights[k + 1]))
        elif op is _sre.ATOMIC_GROUP:
            conditions.append(_needs(rule, av, lefts[k], rights[k + 1]))
        elif op is _sre.BRANCH:
            conditions.append(_any([_needs(rule, branch, lefts[k], rights[k + 1]) for branch in av[1]]))
        elif op in _REPEATS and av[0] >= 1:
            once = av[1] == 1
            conditions.append(_needs(rule, av[2], lefts[k] and (once or _edge(rule, av[2], -1)),
                                     rights[k + 1] and (once or _edge(rule, av[2], 0))))
    return _all(conditions)


def _clauses(need) -> list[frozenset]:
    """`need` as an OR of ANDs of atoms (words, ("in", string), _DIGIT), at most _MAX_CLAUSES of
    them: past that an AND drops its widest parts, an OR keeps one atom of each of its ANDs."""
    if need is True:
        return [frozenset()]
    if not isinstance(need, tuple) or need[0] == "in":
        return [frozenset([need])]
    kind, parts = need
    options = [_clauses(p) for p in parts]
    if kind == "any":
        out = list(dict.fromkeys(c for option in options for c in option))
        if len(out) > _MAX_CLAUSES:
            out = list(dict.fromkeys(frozenset([max(c, key=_atom_rank)]) if c else c for c in out))
        return out
    out = [frozenset()]
    for option in sorted(options, key=len):
        if len(out) * len(option) > _MAX_CLAUSES:
            continue                                     # weaker, still true of every match
        out = [a | b for a in out for b in option]
    return out


def _atom_rank(atom):
    """Atoms that rule out most: words before strings looked for, then the longest."""
    if atom == _DIGIT:
        return (0, 0)
    return (1, len(atom[1])) if isinstance(atom, tuple) else (2, len(atom))


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    """A lower-case word's fold (only the words with accents need one: the cache keeps them)."""
    return word.translate(_FOLD_TABLE)


class _Needs:
    """A grammar's rules' conditions, indexed by one word of each of their clauses."""

    def __init__(self, rules):
        self.always = set()                              # rules with no condition
        self.by_word: dict[str, list] = {}               # word -> [(rule, words, strings)]
        loose: dict[int, dict] = {}                      # rule -> {(words, all | any): strings}
        for i, (_, rx) in enumerate(rules):
            if _parser is None or not _CASE_CLASS or rx.flags & re.LOCALE:
                self.always.add(i)                       # another Python: every rule is run
                continue
            parsed = _Parsed(rx)
            clauses = _clauses(_needs(parsed, parsed.items, True, True))
            if frozenset() in clauses:
                self.always.add(i)
                continue
            for clause in clauses:
                words = frozenset(a for a in clause if isinstance(a, str))
                strings = tuple(a[1] for a in clause if isinstance(a, tuple))
                key = max(words - {_DIGIT}, key=len, default=None)
                if key is not None:
                    self.by_word.setdefault(key, []).append((i, words, strings))
                elif len(strings) == 1:                  # clauses that differ by one string: one test
                    loose.setdefault(i, {}).setdefault((words, any), []).extend(strings)
                else:
                    loose.setdefault(i, {}).setdefault((words, all, strings), []).extend(strings)
        self.keys = frozenset(self.by_word)
        # rule -> [(words, all | any, strings)]: the rule may match where the words are, and all
        # (any) of the strings
        self.loose = [(i, [(key[0], key[1], tuple(strings)) for key, strings in tests.items()])
                      for i, tests in loose.items()]

    def possible(self, text: str) -> set | None:
        """The rules whose condition `text` meets (None: not known, run them all)."""
        joined = " ".join(_WORD_RX.findall(text))
        low = joined.lower()
        if len(low) != len(joined):
            return None             # 'İ' lowers to two characters, while `re` reads it as one 'i'
        words = set(low.split(" "))
        if not low.isascii():
            words = {w if w.isascii() else _fold_word(w) for w in words}
        if _DIGIT_RX.search(text):
            words.add(_DIGIT)
        # strings are looked for in the words (they hold word characters only, so none spans two)
        contains = " ".join(words).__contains__
        ok = set(self.always)
        for key in self.keys.intersection(words):
            for i, needed, strings in self.by_word[key]:
                if i not in ok and needed <= words and all(map(contains, strings)):
                    ok.add(i)
        for i, tests in self.loose:
            if i not in ok and any(needed <= words and which(map(contains, strings)) for needed, which, strings in tests):
                ok.add(i)
        return ok


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

        day_words = _alt(DAY_WORDS[lang])
        if lang == "en":
            digits = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        elif lang == "fr":
            digits = r"(?:1\s?er|1ᵉʳ|[12]\d|3[01]|0?[1-9])"
        else:
            digits = r"(?:[12]\d|3[01]|0?[1-9])(?:\s?[º°]|\.º|ro|er)?"
        day = rf"(?<![\d.,:/])(?P<day>{digits}|{day_words})(?![\d.,:]\d)"
        dday = r"(?<![\d.,:/])(?P<day>[12]\d|3[01]|0?[1-9])"      # digits only, in "31-dic-1994"
        year = rf"(?P<year>{YEAR})(?!\d)"
        month = rf"(?P<month>{any_month})"
        weekday_lead = rf"(?:(?P<wd>{wd_any}),?\s+)?"
        rules = []  # (name, regex)

        if lang == "fr":
            rules.append(("dmy", rf"(?:(?P<dir0>{this})\s+)?{weekday_lead}(?:le\s+)?{day}\s+(?:de\s+)?{month}"
                                 rf"(?:,?\s+(?:de\s+)?{year}|\s+(?P<dirw>{past}|{fut}))?"))
            rules.append(("my", rf"{month}\s+(?:de\s+)?{year}"))
        elif lang == "es":
            rules.append(("dmy", rf"(?:(?P<dir0>{past}|{fut}|{this})\s+)?{weekday_lead}"
                                 rf"(?:(?:el\s+)?d[ií]a\s+)?{day}\s+(?:de\s+)?{month}"
                                 rf"(?:\s*(?:,|de|del)?\s*{year})?"))
            rules.append(("my", rf"{month}\s*(?:,|de|del)?\s+{year}"))
        else:
            rules.append(("dmy", rf"(?:(?P<dir0>{this})\s+)?{weekday_lead}(?:the\s+)?{day}\s+(?:of\s+)?{month}"
                                 rf"(?:\s*,?\s+{year})?"))
            rules.append(("mdy", rf"(?:(?P<dir0>{this})\s+)?{weekday_lead}{month}\s+(?:the\s+)?{day}"
                                 rf"(?:\s*,?\s+{year})?"))
            rules.append(("my", rf"{month},?\s+(?:of\s+)?{year}"))
            rules.append(("the_day", r"(?<!\w)the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                                     r"(?!\w)"))
        if lang == "es":
            rules.append(("the_day", r"(?<!\w)d[ií]a\s+(?P<day>[12]\d|3[01]|0?[1-9])(?![\d.,:]?\d)"))
        # compact forms with a month name: "31-dic-1994", "01/agosto/2019", "dec-2018", "oct/2"
        rules.append(("dmy", rf"{dday}(?P<sep>[-/.])(?P<month>{any_month})(?P=sep)"
                             rf"(?P<year>{YEAR}|\d{{2}})(?!\d)"))
        rules.append(("dmy", rf"{dday}-(?P<month>{any_month})"))
        sday = r"(?P<day>[12]\d|3[01]|0?[1-9])(?![\d.,:]\d)"   # after a separator: no lookbehind
        rules.append(("dmy", rf"(?P<month>{any_month})/{sday}(?![/\d])"))
        rules.append(("dmy", rf"(?P<year>{YEAR})(?P<sep>[-/])(?P<month>{any_month})(?P=sep){sday}"))
        rules.append(("mdy", rf"(?P<month>{any_month})(?P<sep>[-/]){sday}(?P=sep){year}"))
        rules.append(("my", rf"(?P<month>{any_month})[-/]{year}"))

        # decades: "the 1990s", "les années 1990", "los años 90", "la década de 1990"
        decade_words = _alt(DECADE_WORDS[lang])
        if lang == "en":
            rules.append(("decade", rf"(?:the\s+)?(?P<decw>{decade_words})"))
        elif lang == "fr":
            rules.append(("decade", rf"(?:les\s+)?ann[ée]es\s+(?P<decw>{decade_words})"))
        else:
            rules.append(("decade", rf"(?:los\s+)?a[ñn]os\s+(?P<decw>{decade_words})"))
        if lang == "en":
            rules.append(("decade", r"(?:the\s+)?(?P<dec>1[89]\d0|20\d0)\s?['’]?s"))
        elif lang == "fr":
            rules.append(("decade", r"(?:les\s+)?ann[ée]es\s+(?P<dec>1[89]\d0|20\d0|[2-9]0)"))
        else:
            rules.append(("decade", r"(?:(?:los\s+)?a[ñn]os|(?:la\s+)?d[ée]cada\s+de(?:\s+los)?)"
                                    r"\s+(?P<dec>1[89]\d0|20\d0|[2-9]0)"))
        if lang == "en":
            rules.append(("decade", r"(?:the\s+)?['’](?P<dec>[2-9]0)s"))        # "the '90s"
        # spans of years: "2025-2029", "(1945-1951)", "1973-90", "de 2006 a 2010"
        rules.append(("yearspan", rf"(?P<y1>{YEAR})\s?(?P<dash>[-–—])\s?(?P<y2>{YEAR}|\d{{2}})(?!\d)"))
        for opening, link in YEAR_SPAN_WORDS[lang]:
            rules.append(("yearspan", rf"(?:{opening})\s+(?:el\s+|l['’]ann[ée]e\s+)?(?P<y1>{YEAR})"
                                      rf"\s+(?:{link})\s+(?:el\s+)?(?P<y2>{YEAR})(?!\d)"))
        # halves of a month: "la primera quincena de noviembre (de 2020)"
        half_word, first_half, second_half = HALF_MONTH[lang]
        of = {"es": r"(?:de|del)\s+(?:mes\s+de\s+)?", "fr": r"(?:de\s+|d['’]|du\s+mois\s+(?:de\s+|d['’]))",
              "en": r"of\s+(?:the\s+month\s+of\s+)?"}[lang]
        year_tail = {"es": rf"(?:\s+(?:de|del)\s+{year})?", "fr": rf"(?:\s+{year})?",
                     "en": rf"(?:,?\s+{year})?"}[lang]
        rules.append(("halfmonth", rf"(?:(?:la|the)\s+)?(?:(?P<first>{_alt(first_half)})|(?P<second>"
                                   rf"{_alt(second_half)}))\s+{half_word}\s+{of}(?P<month>{full}){year_tail}"))
        # quarters and halves with their year
        ords = _alt(ORDINALS[lang])
        qword, hword = QUARTER_WORDS[lang]
        if lang == "en":
            rules.append(("quarter", rf"(?:the\s+)?(?P<ord>{ords})\s+(?P<qh>{qword}|{hword})"
                                     rf"\s+(?:of\s+)?{year}"))
            rules.append(("quarter", rf"(?P<qh>[QH])(?P<ord>[1-4])[\s-]?{year}"))
            rules.append(("quarter", rf"{year}[\s-]?(?P<qh>[QH])(?P<ord>[1-4])"))
            rules.append(("quarter", r"(?P<qh>Q)(?P<ord>[1-4])"))          # "Q1 results"
            rules.append(("century", r"(?:the\s+)?(?P<cent>1\d|2[01])(?:st|nd|rd|th)[\s-]+century"))
        if lang == "fr":
            rules.append(("century", r"(?:le\s+)?(?P<roman>X{0,2}(?:IX|IV|V?I{0,3}))(?:e|ème|ᵉ)\s+si[èe]cle"))
            rules.append(("century", r"(?:le\s+)?(?P<cent>1\d|2[01])(?:e|ème|ᵉ)\s+si[èe]cle"))
        if lang == "es":
            rules.append(("century", r"(?:el\s+)?siglo\s+(?P<roman>X{0,2}(?:IX|IV|V?I{0,3}))(?!\w)"))
        if lang != "en":
            rules.append(("quarter", rf"(?P<ord>{ords})\s+(?P<qh>{qword}|{hword})"
                                     rf"\s*(?:-|de|del|de\s+l['’]ann[ée]e)?\s*{year}"))

        # numeric dates: ISO first, then day-first (fr/es) or month-first (en)
        rules.append(("iso", r"(?<![\d\-/.])(?P<year>\d{4})(?P<sep>[-/.])(?P<a>\d{1,2})(?P=sep)"
                             r"(?P<b>\d{1,2})(?![\d]|[-/.]\d)"))
        rules.append(("numeric", r"(?<![\d\-/.,])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)"
                                 r"(?P<year>\d{4}|\d{2})(?![\d]|[-/.]\d)"))
        rules.append(("numeric2", r"(?<![\d\-/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d]|[-/.,]\d)"))

        # bare months, with an optional direction
        if lang == "fr":
            rules.append(("month", rf"(?:(?P<dir0>{this})\s+)?(?P<month>{full})"
                                   rf"(?:\s+(?P<dirw>{past}|{fut}))?"))
        elif lang == "es":
            rules.append(("month", rf"(?:(?:el\s+)?(?P<dir0>{past}|{fut}|{this})\s+)?(?P<month>{full})"
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
            rules.append(("ago", rf"il\s*y\s*a\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de"
                                 rf"|à\s+peu\s+près)\s+)?{count}"))
            rules.append(("in", rf"(?:dans|d['’]ici)\s+{count}"))
        elif lang == "es":
            rules.append(("ago", rf"hace\s+(?:(?:unos|unas|casi|más\s+de|menos\s+de|cerca\s+de"
                                 rf"|aproximadamente)\s+)?{count}"))
            rules.append(("in", rf"(?:dentro\s+de|en)\s+{count}"))
        else:
            rules.append(("ago", rf"(?:(?:about|nearly|almost|some|over|more\s+than|less\s+than)"
                                 rf"\s+)?{count}\s+ago"))
            rules.append(("in", rf"in\s+{count}(?:['’]\s*time)?"))
            rules.append(("in", rf"within\s+(?:the\s+)?(?:next\s+)?{count}"))
            rules.append(("in", rf"{count}\s+from\s+now"))

        # counted periods ending or starting at the anchor: "the past five years", "les trois
        # prochaines semaines", "los últimos 3 meses"
        big = _alt([u for u, code in UNITS[lang].items() if code in "DWMYQHN"])
        last = {"en": "last|past|previous", "fr": _alt(["derniers", "dernières"]),
                "es": _alt(["últimos", "últimas", "pasados", "pasadas", "anteriores"])}[lang]
        nxt = {"en": "next|coming|upcoming|following",
               "fr": _alt(["prochains", "prochaines"]),
               "es": _alt(["próximos", "próximas", "siguientes", "venideros"])}[lang]
        num = rf"(?P<num>\d{{1,3}}|{nums})"
        if lang == "en":
            rules.append(("period", rf"(?:the\s+)?(?:(?P<last>{last})|(?P<next>{nxt}))\s+{num}"
                                    rf"\s+(?P<unit>{big})"))
            rules.append(("period", rf"{num}\s+(?:(?P<last>{last})|(?P<next>{nxt}))\s+(?P<unit>{big})"))
        elif lang == "fr":
            rules.append(("period", rf"{num}\s+(?:(?P<last>{last})|(?P<next>{nxt}))\s+(?P<unit>{big})"))
        else:
            rules.append(("period", rf"(?:(?P<last>{last})|(?P<next>{nxt}))\s+{num}\s+(?P<unit>{big})"))
            rules.append(("period", rf"{num}\s+(?:(?P<last>{last})|(?P<next>{nxt}))\s+(?P<unit>{big})"))
            rules.append(("period", rf"{num}\s+(?P<unit>{big})\s+(?:(?P<last>{last})|(?P<next>{nxt}))"))

        # seasons: "this summer", "l'été dernier", "el próximo verano", "summer 2017"
        seasons = _alt(SEASONS[lang])
        if lang == "en":
            rules.append(("season", rf"(?:(?P<dir0>{past}|{fut}|{this})\s+)?(?P<season>{seasons})"
                                    rf"(?:\s+(?:of\s+)?{year})?"))
        elif lang == "fr":
            rules.append(("season", rf"(?:(?P<dir0>cet|cette)\s+)?(?P<season>{seasons})"
                                    rf"(?:\s+(?P<dirw>{past}|{fut})|\s+(?:de\s+)?{year})?"))
        else:
            rules.append(("season", rf"(?:(?:el\s+|la\s+)?(?P<dir0>{past}|{fut}|{this})\s+|el\s+|la\s+)?"
                                    rf"(?P<season>{seasons})"
                                    rf"(?:\s+(?P<dirw>{past}|{fut})|\s*(?:,|de|del)?\s+{year})?"))

        # holidays on a fixed day: "Christmas Eve", "Noël dernier", "la próxima Navidad"
        holidays = _alt(HOLIDAYS[lang])
        if lang == "en":
            rules.append(("holiday", rf"(?:(?P<dir0>{past}|{fut}|{this})\s+)?(?P<hol>{holidays})"
                                     rf"(?:\s*,?\s+{year})?"))
        elif lang == "fr":
            rules.append(("holiday", rf"(?:(?P<dir0>ce|cette)\s+)?(?P<hol>{holidays})"
                                     rf"(?:\s+(?P<dirw>{past}|{fut})|\s+{year})?"))
        else:
            rules.append(("holiday", rf"(?:(?:el\s+|la\s+)?(?P<dir0>{past}|{fut}|{this})\s+)?"
                                     rf"(?P<hol>{holidays})"
                                     rf"(?:\s+(?P<dirw>{past}|{fut})|\s*(?:,|de|del)?\s+{year})?"))

        # weeks by number: "week 31", "the first week of 2015", "la última semana de julio"
        year2 = rf"(?P<year2>{YEAR})(?!\d)"
        wnum = r"(?P<wn>5[0-3]|[1-4]\d|0?[1-9])(?![\d.,:/])"
        nth = {"en": ["first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th",
                      "5th", "last"],
               "fr": ["première", "1re", "1ère", "deuxième", "seconde", "2e", "2ème", "troisième",
                      "3e", "3ème", "quatrième", "4e", "4ème", "cinquième", "5e", "dernière"],
               "es": ["primera", "1ª", "1.ª", "segunda", "2ª", "2.ª", "tercera", "3ª", "3.ª",
                      "cuarta", "4ª", "4.ª", "quinta", "5ª", "última"]}[lang]
        self.nth_table = {_fold(w): (i % 5) + 1 for i, w in enumerate(nth[:-1])}
        self.nth_table[_fold(nth[-1])] = 9
        nth = _alt(nth)
        if lang == "en":
            rules.append(("weeknum", rf"(?:the\s+)?week\s+{wnum}(?:\s+of\s+{year})?"))
            rules.append(("weeknth", rf"(?:the\s+)?(?P<nth>{nth})\s+week\s+of\s+(?:(?:the\s+)?"
                                     rf"(?:month\s+of\s+)?{month}(?:\s*,?\s+{year})?|{year2})"))
        elif lang == "fr":
            rules.append(("weeknum", rf"(?:la\s+)?semaine\s+(?:n[°o]\s*)?{wnum}"
                                     rf"(?:\s+(?:de\s+)?{year})?"))
            rules.append(("weeknth", rf"(?:la\s+)?(?P<nth>{nth})\s+semaine\s+(?:de\s+|d['’]|du\s+mois"
                                     rf"\s+(?:de\s+|d['’]))?(?:{month}(?:\s+{year})?|{year2})"))
        else:
            rules.append(("weeknum", rf"(?:la\s+)?semana\s+(?:n[°oº]\s*)?{wnum}"
                                     rf"(?:\s+(?:de|del)\s+{year})?"))
            rules.append(("weeknth", rf"(?:la\s+)?(?P<nth>{nth})\s+semana\s+(?:de|del)\s+(?:mes\s+de\s+)?"
                                     rf"(?:{month}(?:\s+(?:de|del)\s+{year})?|{year2})"))

        # a weekday with the day of the month: "lundi 21", "el martes 6", "Friday the 26th"
        dnum = r"(?P<day>[12]\d|3[01]|0?[1-9])"
        if lang == "en":
            rules.append(("wdday", rf"(?P<wd>{wd_full}),?\s+(?:the\s+)?{dnum}(?P<suf>st|nd|rd|th)?"))
            rules.append(("wdday", rf"(?P<wd>{_alt(WEEKDAY_ABBREVS[lang])})\.?,?\s+(?:the\s+)?{dnum}"
                                   rf"(?P<suf>st|nd|rd|th)"))
        elif lang == "fr":
            rules.append(("wdday", rf"(?P<wd>{wd_full})\s+(?P<day>1er|[12]\d|3[01]|0?[1-9])"))
        else:
            rules.append(("wdday", rf"(?P<wd>{wd_full})\s+(?:el\s+d[ií]a\s+(?P<dword>{day_words})|{dnum}"
                                   r"(?:\s?[º°]|\.º)?)"))
        # "the 17th", "le 23", "el 4.º": a day of the month, from a short list of safe contexts
        if lang == "fr":
            rules.append(("bareday", r"(?<=\ble\s)(?P<day>1er|[12]\d|3[01]|0?[1-9])"))
        elif lang == "es":
            rules.append(("bareday", r"(?<=\bel\s)(?P<day>[12]\d|3[01]|0?[1-9])(?:\.?º|ro)?"))
            rules.append(("bareday", r"(?<=\bel\s)(?P<day>[12]\d|3[01]|0?[1-9])\s+del\s+"
                                     r"(?P<mon>1[0-2]|0?[1-9])(?![\d.,:/%])"))
        else:
            rules.append(("bareday", r"(?<=\bon\s)(?:the\s+)?(?P<day>[12]\d|3[01]|0?[1-9])"
                                     r"(?P<suf>st|nd|rd|th)?"))

        # a weekday in a named week: "next week on Tuesday", "mardi de la semaine prochaine"
        if lang == "en":
            wk = r"(?P<week>(?:this|next|last|previous)\s+week)"
            rules.append(("wdweek", rf"{wk},?\s+(?:on\s+)?(?P<wd>{wd_any})"))
            rules.append(("wdweek", rf"(?P<wd>{wd_full}),?\s+(?:of\s+)?{wk}"))
        elif lang == "fr":
            wk = (r"(?P<week>(?:la\s+)?semaine\s+(?:prochaine|derni[eè]re|pass[ée]e)"
                  r"|cette\s+semaine)")
            rules.append(("wdweek", rf"(?P<wd>{wd_full}),?\s+(?:de\s+)?{wk}"))
            rules.append(("wdweek", rf"{wk},?\s+(?:le\s+)?(?P<wd>{wd_full})"))
        else:
            wk = (r"(?P<week>(?:la\s+)?(?:pr[oó]xima\s+semana|semana\s+(?:pr[oó]xima|pasada|que"
                  r"\s+viene|entrante)|pasada\s+semana)|esta\s+semana)")
            rules.append(("wdweek", rf"(?P<wd>{wd_full}),?\s+(?:de\s+)?{wk}"))
            rules.append(("wdweek", rf"{wk},?\s+(?:el\s+)?(?P<wd>{wd_full})"))

        # "18 08 1978", "2 4 2009": a numeric date with spaces (day first in fr/es)
        if lang != "en":
            rules.append(("spaced", r"(?<![\d.,])(?P<a>[12]\d|3[01]|0?[1-9])\s(?P<b>1[0-2]|0?[1-9])"
                                    r"\s(?P<year>(?:19|20)\d\d|\d\d)(?![\d%]|[.,]\d)"))
        else:
            rules.append(("spaced", r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s(?P<b>1[0-2]|0[1-9])"
                                    r"\s(?P<a>[12]\d|3[01]|0[1-9])(?![\d%]|[.,]\d)"))
        # fiscal years: "fiscal year 2016", "FY2016", "año fiscal 2016", "exercice 2016"
        fiscal = {"en": r"(?:(?:the\s+)?fiscal\s+(?:year\s+)?|FY\s?)",
                  "fr": r"(?:(?:l['’])?exercice\s+(?:fiscal\s+|budg[ée]taire\s+)?|(?:l['’])?ann[ée]e"
                        r"\s+fiscale\s+)",
                  "es": r"(?:(?:el\s+)?(?:a[ñn]o|ejercicio)\s+fiscal\s+(?:de\s+|del\s+)?)"}[lang]
        rules.append(("fiscal", rf"{fiscal}(?P<year>{YEAR}|\d\d)(?!\d)"))

        rules.append(("year", rf"{year}"))
        self.rules = [(name, re.compile(WB + rx + WE, re.IGNORECASE)) for name, rx in rules]
        self.initials = MONTH_INITIALS[lang]
        if self.initials:           # case matters: "23J", never "23j"
            letters = "".join(sorted(self.initials))
            self.rules.append(("initial", re.compile(
                WB + rf"(?P<day>[12]\d|3[01]|0?[1-9])-?(?P<initial>[{letters}])" + WE)))
            self.initial_before = re.compile(MONTH_INITIAL_BEFORE[lang], re.IGNORECASE)
        self.season_context = re.compile(SEASON_CONTEXT[lang], re.IGNORECASE)
        self.month_context = re.compile(r"(?<!\w)" + MONTH_CONTEXT[lang] + r"\s*$", re.IGNORECASE)
        self.past_words = {_fold(w) for w in PAST_WORDS[lang]}
        self.future_words = {_fold(w) for w in FUTURE_WORDS[lang]}
        self.this_words = {_fold(w) for w in THIS_WORDS[lang]}
        self.fixed = {_fold(k): v for k, v in FIXED[lang].items()}
        # "du 3 au 5 mars", "between 3 and 5 March": the first day borrows the month
        link = {"fr": r"(?:-|–|~|au|à|et|jusqu['’](?:au|à|en))",
                "es": r"(?:-|–|~|al|a|y|hasta(?:\s+el)?)",
                "en": r"(?:-|–|~|to|and|through|till|until)"}[lang]
        self.range_before = re.compile(
            r"(?<![\d.,:/])(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th|º|°)?)\s*" + link
            + r"\s*(?:(?:le|el|the)\s+)?$", re.IGNORECASE)
        self.month_link_before = re.compile(
            r"(?<!\w)(?P<month>" + any_month + r")\s*" + link + r"\s*$", re.IGNORECASE)
        self.range_after = re.compile(
            r"^\s*(?:-|–|to|through|and|till|until|au|et|al|a|y)\s*"
            r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d.,:/%]|\s*(?:h\b|:|" + any_month
            + r"|de\s+" + any_month + r"))", re.IGNORECASE)
        self.time_after = re.compile(r"^\s*(?:h\b|heures?|horas?|:\d|[ap]\.?m\b|o['’]clock)",
                                     re.IGNORECASE)

    @cached_property
    def needs(self) -> _Needs:
        """The rules' conditions, read on first use (a tenth of a second a language: a run reading
        one language does not pay for the others)."""
        return _Needs(self.rules)

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


with charsets_shared():             # the rules repeat the same accent classes thousands of times
    _GRAMMARS = {lang: _Grammar(lang) for lang in ("fr", "es", "en")}


_DAY_WORD_KEYS = {lang: {_fold(k).replace("-", " "): v for k, v in table.items()}
                  for lang, table in DAY_WORDS.items()}


def _day_number(raw: str, lang: str = "en") -> int:
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    return _DAY_WORD_KEYS[lang].get(re.sub(r"[-\s]+", " ", _fold(raw)), 1)


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)           # 2000 is a leap year: 29 February stays
        return True
    except ValueError:
        return False


def _last_day(year: int, month: int) -> int:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


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
        day = _day_number(gd["day"], lang)
        raw_year = gd.get("year")
        year = int(raw_year) if raw_year else None
        if raw_year and len(raw_year) == 2:
            year = 1900 + year if year > 40 else 2000 + year
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

    if name == "decade":
        if gd.get("decw"):                               # "the nineties": the 20th century's
            if lang == "en" and not re.match(r"the\s", m.group(0), re.I) \
                    and not re.search(r"\b(?:in|during|since|until|of|from|early|late|mid-?)\s+$",
                                      before, re.I):
                return None                              # "in her nineties" is an age
            if lang == "en" and re.search(r"\b(?:his|her|their|its)\s+$", before, re.I):
                return None
            return start, end, f"19{_lookup(DECADE_WORDS[lang], gd['decw'])}", None, None
        dec = gd["dec"]
        return start, end, dec[:3] if len(dec) == 4 else "19" + dec[0], None, None

    if name == "yearspan":
        y1, raw2 = int(gd["y1"]), gd["y2"]
        start = m.start("y1")
        if len(raw2) == 2:                               # "1973-90": the century of the first
            y2 = y1 // 100 * 100 + int(raw2)
            if int(raw2) <= 12 and gd.get("dash") == "-":
                return None                              # "2005-09" may be September 2005
        else:
            y2 = int(raw2)
        if not y1 < y2 <= y1 + 100:
            return None
        head = text[max(0, start - 40):start]
        if NOT_A_YEAR_BEFORE.search(head) or NOT_A_YEAR_AFTER.match(after) \
                or re.match(r"[-–/]\d", after) or re.search(r"\d[-–/.]$", head):
            return None                                  # a phone number, a code, a score
        return start, end, f"{y1:04d}/{y2:04d}", None, None

    if name == "halfmonth":
        month = g.month_of(gd["month"])
        year = int(gd["year"]) if gd.get("year") else None
        if month is None:
            return None
        first, last = (1, 15) if gd.get("first") else (16, _last_day(year or 2000, month))
        y = f"{year:04d}" if year else "XXXX"
        return start, end, f"{y}-{month:02d}-{first:02d}/{y}-{month:02d}-{last:02d}", None, None

    if name == "initial":
        if not g.initial_before.search(before) or MONTH_INITIAL_NOT_AFTER.match(after):
            return None
        day = int(gd["day"])
        options = [_md_timex(None, mo, day) for mo in g.initials[gd["initial"]] if _valid(None, mo, day)]
        direction = "this" if re.search(r"\beste\s+$", before, re.IGNORECASE) else None   # "este 23-J"
        return (start, end, "|".join(options), direction, None) if options else None

    if name == "century":
        if gd.get("roman"):
            if not gd["roman"] or not gd["roman"].isupper():
                return None                              # "siglo xxi" in lower case: rare, risky
            n = _roman(gd["roman"])
        else:
            n = int(gd["cent"])
        if not 11 <= n <= 21:
            return None
        return start, end, f"{n - 1:02d}", None, None

    if name == "quarter":
        if not gd.get("year"):
            if re.match(r"[-/]\d|\s*\d", after):
                return None
            return start, end, f"XXXX-Q{gd['ord']}", None, None
        n = int(gd["ord"]) if gd["ord"].isdigit() else _lookup(ORDINALS[lang], gd["ord"])
        half = _fold(gd["qh"]) in ("h", "half", "semestre")
        if not n or (half and n > 2):
            return None
        if half and _fold(gd["ord"]) in ("last", "ultimo", "dernier"):
            n = 2
        return start, end, f"{int(gd['year']):04d}-{'H' if half else 'Q'}{n}", None, None

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
            if not g.month_context.search(before) and not g.month_link_before.search(before):
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
        if lang == "en" and re.match(r"\s+(?:times|night\s+football)", after, re.I):
            return None                                  # "Sunday's vote" is a date, "Sunday Times" not
        wd = g.weekday_of(gd["wd"])
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        return start, end, "XXXX-WXX-%d" % wd, direction, wd

    if name == "fixed":
        key = _fold(gd["fixed"])
        timex = g.fixed.get(key)
        if timex is None:
            return None
        if lang == "en" and re.match(r"(?:last|next|this|past|previous|coming|current|the\s+current)\s",
                                     key) and re.match(r"\s+of\b", after, re.I):
            return None                                  # "the last week of the campaign"
        if "Q" in timex and re.match(r"\s+(?:of|de|du|del|d['’])\s", after, re.I):
            return None                                  # "el último trimestre del año"
        if timex == "PRESENT_REF" and re.match(r"-\w", after):
            return None                                  # "the now-defunct party"
        if key == "ahora" and re.match(r"\s+bien\b", after, re.I):
            return None                                  # "ahora bien" = however
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
        if unit == "Q" and re.match(r"\s+(?:of|de|du|del|des)\b", after, re.I):
            return None                                  # "three quarters of the vote"
        if name == "in" and IN_IS_DURATION.search(before):
            return None                                  # "the highest level in two years"
        sign = "-" if name == "ago" else "+"
        if unit in ("H", "N"):                           # hours, minutes: the day they fall on
            days = n // 24 if unit == "H" and n % 24 == 0 else 0
            if days == 0:
                if unit == "H" and n > 12:
                    return None
                return start, end, "PRESENT_REF", "past" if sign == "-" else "future", None
            unit, n = "D", days
        return start, end, f"REF{sign}P{n}{unit}", "past" if sign == "-" else "future", None

    if name == "period":
        n = gd["num"]
        n = int(n) if n.isdigit() else _lookup(NUMBER_WORDS[lang], n)
        unit = _lookup(UNITS[lang], gd["unit"])
        if not n or n < 2 and unit != "D" or not unit:
            return None
        if unit in ("H", "N"):                           # "the last 13 minutes": today
            return (start, end, "PRESENT_REF", "past" if gd.get("last") else "future", None) \
                if unit == "N" or n <= 12 else None
        if re.match(r"\s+(?:of|de|del|du|d['’])\s*(?:\d{4}|this|next|last|the\s+year|este|el\s+a[ñn]o"
                    r"|l['’]ann[ée]e|cette)", after, re.I):
            return None                                  # "the last three months of 2021"
        if gd.get("last"):
            return start, end, f"REF-P{n}{unit}/REF", "past", None
        return start, end, f"REF/REF+P{n}{unit}", "future", None

    if name == "season":
        code = _lookup(SEASONS[lang], gd["season"])
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        if SEASON_BLOCK_AFTER.match(after) or SEASON_BLOCK_BEFORE.search(before):
            return None
        if gd.get("year"):
            return start, end, f"{gd['year']}-{code}", None, None
        if not direction and not g.season_context.search(text[max(0, m.start("season") - 40):
                                                              m.start("season")]):
            return None                                  # "fall", "été" (been), "spring" alone
        if lang == "en" and _fold(gd["season"]) == "fall" and not gd.get("dir0") \
                and re.match(r"\s+of\b", after, re.I):
            return None                                  # "the fall of Kabul"
        if lang == "fr" and re.match(r"\s*(?:de|d['’])", after) is None and not direction \
                and re.search(r"\bl['’]$", before) is None and _fold(gd["season"]) == "ete" \
                and not re.search(r"\b(?:en|au|cet|cette)\s+$", before, re.I):
            return None
        return start, end, f"XXXX-{code}", direction, None

    if name == "holiday":
        mmdd = _lookup(HOLIDAYS[lang], gd["hol"])
        if HOLIDAY_BLOCK_AFTER.match(after) or HOLIDAY_BLOCK_BEFORE.search(before):
            return None
        if lang == "en" and gd["hol"][:1].islower() and gd["hol"].lower() in ("may day",):
            return None
        direction = g.direction_of(gd.get("dir0") or gd.get("dirw"))
        if gd.get("year"):
            return start, end, f"{gd['year']}-{mmdd}", None, None
        return start, end, f"XXXX-{mmdd}", direction, None

    if name == "weeknum":
        n = int(gd["wn"])
        if re.match(r"\s+(?:of|de|del|du)\s", after, re.I) and not gd.get("year"):
            return None                                  # "week 3 of the trial"
        year = gd.get("year")
        return start, end, f"{year or 'XXXX'}-W{n:02d}", None, None

    if name == "weeknth":
        n = g.nth_table.get(_fold(gd["nth"]))
        if n is None:
            return None
        year = gd.get("year") or gd.get("year2")
        year = int(year) if year else None
        if gd.get("month"):
            month = g.month_of(gd["month"])
            if month is None:
                return None
            return start, end, f"{year or 'XXXX'}-{month:02d}-W{'L' if n == 9 else n}", None, None
        if year is None:
            return None
        if n == 9:                                        # ISO week holding 28 December
            return start, end, _iso_week(dt.date(year, 12, 28)), None, None
        return start, end, f"{year:04d}-W{n:02d}", None, None

    if name in ("wdday", "bareday"):
        day = int(re.match(r"\d+", gd["day"]).group()) if gd.get("day") else \
            _day_number(gd.get("dword") or "", lang)
        if not _day_ends(after, lang) and not gd.get("dword"):
            return None
        if name == "wdday" and lang == "en" and not gd.get("suf") and "," in m.group(0):
            return None                                  # "On Monday, 21 people ..."
        if name == "bareday" and lang == "en" and not gd.get("suf") and \
                not re.match(r"\s+(?:from|between|at)\b", after, re.I):
            return None
        if name == "bareday" and lang == "fr" and re.search(r"\b(?:sur|dans|par|pour)\s+le\s+$",
                                                            before, re.I):
            return None
        wd = g.weekday_of(gd.get("wd"))
        if name == "wdday" and (WEEKDAY_BLOCK_BEFORE.search(before) or wd is None):
            return None
        if gd.get("mon"):                                # "el 17 del 11"
            if not _valid(None, int(gd["mon"]), day):
                return None
            return start, end, f"XXXX-{int(gd['mon']):02d}-{day:02d}", None, None
        return start, end, f"XXXX-XX-{day:02d}", None, wd

    if name == "wdweek":
        week = g.fixed.get(_fold(gd["week"])) or g.fixed.get(_fold("la " + gd["week"]))
        wd = g.weekday_of(gd["wd"])
        if not week or not wd or not re.fullmatch(r"REF[+-]P\dW", week):
            return None
        return start, end, f"{week}-{wd}", _direction_of_timex(week), wd

    if name == "spaced":
        a, b, raw_year = int(gd["a"]), int(gd["b"]), gd["year"]
        if len(raw_year) == 2:
            if len(gd["b"]) != 2:
                return None
            year = 1900 + int(raw_year) if int(raw_year) > 40 else 2000 + int(raw_year)
        else:
            year = int(raw_year)
        if NOT_A_YEAR_AFTER.match(after) or not _valid(year, b, a):
            return None
        return start, end, _md_timex(year, b, a), None, None

    if name == "fiscal":
        y = gd["year"]
        if len(y) == 2:
            if not re.match(r"fy", m.group(0), re.I):
                return None
            y = "20" + y
        return start, end, f"FY{y}", None, None

    if name == "year":
        if NOT_A_YEAR_BEFORE.search(before) or NOT_A_YEAR_AFTER.match(after):
            return None
        joined_after = re.match(rf"\s*[-–~]\s*({YEAR})(?![\d]|[-–/.]\d)", after)
        joined_before = re.search(rf"(?<![\d\-–/.])({YEAR})\s*[-–~]\s*$", before)
        if joined_after and int(joined_after.group(1)) > int(gd["year"]) \
                and not re.search(r"\d\s*[-–/.]\s*$", before) or \
                joined_before and int(joined_before.group(1)) < int(gd["year"]) \
                and not re.match(r"\s*[-–/.]\s*\d", after):
            return start, end, gd["year"], None, None    # "2014-2018": two years, a range
        if re.match(r"[-–/]\d", after) or re.search(r"\d[-–/]$", before):
            return None                                  # part of a code or a numeric date
        return start, end, gd["year"], None, None
    return None


# What may follow a bare day number for it to be a date: "le 23.", "el martes 6 a las 9".
_DAY_END = re.compile(
    r"(?:\s*$|\s*[,.;:!?)\]]|\s+(?:at|from|between|to|until|till|around|à|entre|dès|pour|para"
    r"|vers|hacia|au|et|ou|y|o|or|and|a\s+las?|a\s+partir|por\s+la|au\s+(?:matin|soir)"
    r"|de\s+\d{1,2}\s*h\b|de\s+\d{1,2}\s+[àa]\s+\d+)(?!\w))", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*(?:h\b|h\d|:\d|heures?|horas?|hrs?\b|hours?|[ap]\.?m\b|%|‰|[.,]\d"
                         r"|\s*[àa]\s+\d+(?!\s*h))", re.IGNORECASE)


def _day_ends(after: str, lang: str) -> bool:
    return bool(_DAY_END.match(after)) and not _TIME_AFTER.match(after)


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        v = values[ch]
        total += -v if nxt in values and values[nxt] > v else v
    return total


def _direction_of_timex(timex: str) -> str | None:
    if timex == "PRESENT_REF" or "P0" in timex:
        return "this"
    return "past" if timex.startswith("REF-") else "future" if timex.startswith("REF+") else None


def _add_range_partners(g: _Grammar, text: str, found: list) -> list:
    """Day numbers that borrow the month of a neighbouring date: "du 3 au 5 mars",
    "between 3 and 5 March", "March 3-5", "del 3 al 5 de marzo"."""
    extra = []
    for start, end, timex, direction, wd in found:
        mo = re.fullmatch(r"(XXXX|\d{4})-(\d{2})", timex)
        if mo:                                           # "jan-feb 2017", "de sept. a nov."
            head = g.month_link_before.search(text[max(0, start - 25):start])
            month = head and g.month_of(head.group("month"))
            if month and month != int(mo.group(2)):
                s = start - (len(text[max(0, start - 25):start]) - head.start("month"))
                extra.append((s, s + len(head.group("month")), f"XXXX-{month:02d}", None, None))
            continue
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


_NUMERIC_RANGE = re.compile(
    r"(?<![\d/.,\-])(?P<a1>\d{1,2})/(?P<b1>\d{1,2})(?:/(?P<y1>\d{4}|\d{2}))?\s*[-–]\s*"
    r"(?P<a2>\d{1,2})/(?P<b2>\d{1,2})(?:/(?P<y2>\d{4}|\d{2})|,\s*(?P<y3>" + YEAR + r"))?"
    r"(?![\d/]|[.,]\d)")
_NUMERIC_RANGE_DASH = re.compile(    # "10-1-2018-10-7-2018": only with both years
    r"(?<![\d/.,\-])(?P<a1>\d{1,2})-(?P<b1>\d{1,2})-(?P<y1>\d{4})\s*[-–]\s*"
    r"(?P<a2>\d{1,2})-(?P<b2>\d{1,2})-(?P<y2>\d{4})(?![\d\-/]|[.,]\d)")


def _numeric_ranges(lang: str, text: str) -> list:
    """Both ends of a numeric date range ("28/2-1/3", "5/1-5/7/2020"): the year written at the
    end serves both. Ends that are not valid dates are left out."""
    out = []
    for rx in (_NUMERIC_RANGE, _NUMERIC_RANGE_DASH):
        for m in rx.finditer(text):
            gd = m.groupdict()
            tail_year = gd.get("y2") or gd.get("y3")
            for k, s, e in ((1, m.start("a1"), m.end("y1") if gd["y1"] else m.end("b1")),
                            (2, m.start("a2"), m.end("y2") if gd.get("y2") else m.end("b2"))):
                a, b = int(gd[f"a{k}"]), int(gd[f"b{k}"])
                month, day = (a, b) if lang == "en" and a <= 12 else (b, a)
                raw = gd[f"y{k}"] or tail_year
                year = None
                if raw:
                    year = int(raw) if len(raw) == 4 else (1900 + int(raw) if int(raw) > 40
                                                           else 2000 + int(raw))
                if not raw and max(len(gd[f"a{j}"]) for j in (1, 2)) < 2 and not re.search(
                        r"\b(?:from|between|du|del?|entre|desde)\s+$", text[:m.start()], re.I):
                    break                                # "3/4-5/6": fractions, not dates
                if month <= 12 and _valid(year, month, day):
                    out.append((s, e, _md_timex(year, month, day), None, None))
    return out


def _select(cands: list) -> list:
    """Longest matches first, then leftmost; no overlaps."""
    chosen, taken = [], []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            chosen.append(c)
            taken.append((c[0], c[1]))
    return sorted(chosen)


def _find(text: str, lang: str) -> tuple:
    # (not remembered: a paragraph is read once per document, and real news seldom repeats one)
    g = _GRAMMARS[lang]
    cands = []
    for name, rx in _rules_for(g, text):
        for m in rx.finditer(text):
            got = _interpret(g, name, m, text)
            if got:
                cands.append(got)
    found = _select(_numeric_ranges(lang, text) + cands)
    extra = _add_range_partners(g, text, found)
    if extra:
        found = _select(found + extra)
    found = [(s, e, timex, "this" if direction is None and _is_dateline(text, s, e, timex) else direction, wd)
             for s, e, timex, direction, wd in found]
    return tuple(DateMention(s, e, text[s:e], timex, direction, wd)
                 for s, e, timex, direction, wd in found)


def _rules_for(g: _Grammar, text: str) -> list:
    """The grammar's rules that can match in `text` (see _needs), in the grammar's order."""
    possible = g.needs.possible(text)
    if possible is None:
        return g.rules
    return [rule for i, rule in enumerate(g.rules) if i in possible]


def _is_dateline(text: str, start: int, end: int, timex: str) -> bool:
    """Is the day at [start, end) the dateline of a report ("Lima, Jun. 10.", "Bakou, 14 avril,
    AZERTAC")? Then it is the day of writing, as "ce 14 avril" would say."""
    if not (_MD.fullmatch(timex) or _ISO_DAY.fullmatch(timex)):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= 80 and bool(DATELINE_BEFORE.search(text[line_start:start])) \
        and bool(DATELINE_AFTER.match(text[end:end + 40]))


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Date mentions in `text` (lang 'fr', 'es' or 'en'), sorted and non-overlapping."""
    if lang not in _GRAMMARS:
        raise ValueError(f"unsupported language: {lang!r}")
    return list(_find(text, lang))


_COUNTED_YEARS_OR_MONTHS = re.compile(r"REF[+-]P\d+[YMQ]")


def measures_time(mention: DateMention, lang: str) -> bool:
    """Whether a mention counts years or months back or ahead from the day of writing ("41 years
    ago", "il y a quatre ans", "dentro de seis meses"): such a count measures time passed, it
    does not date an event, and a reader does not record it as a date. "l'an dernier" (a named
    year) and "hace tres días" (a day) do date one."""
    return bool(_COUNTED_YEARS_OR_MONTHS.fullmatch(mention.timex)) \
        and _fold(mention.text) not in _GRAMMARS[lang].fixed


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

_EXPLICIT = re.compile(r"\d{2}|\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
                       r"|\d{3}|FY\d{4}")
_REL = re.compile(r"REF([+-])P(\d+)([DWMYQ])(-WE|-[1-7])?")
_PERIOD = re.compile(r"REF(-)P(\d+)([DWMYQ])/REF|REF/REF\+P(\d+)([DWMYQ])")
_SEASON = re.compile(r"XXXX-(SP|SU|FA|WI)")
_QUARTER = re.compile(r"XXXX-Q([1-4])")
_WEEK_OF_YEAR = re.compile(r"XXXX-W(\d{2})")
# First month of each season (meteorological seasons, northern hemisphere as Recognizers-Text).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_MD = re.compile(r"XXXX-(\d{2})-(\d{2})")
_M = re.compile(r"XXXX-(\d{2})")
_WD = re.compile(r"XXXX-WXX-([1-7])")
_D = re.compile(r"XXXX-XX-(\d{2})")


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _shift_by(d: dt.date, n: int, unit: str) -> dt.date:
    """d moved by n days / weeks / months / years (month ends clamp: 31 March - 1M = 28 Feb)."""
    if unit in "DW":
        return d + dt.timedelta(days=n * (7 if unit == "W" else 1))
    months = n * {"Y": 12, "Q": 3}.get(unit, 1)
    first = _add_months(d, months)
    nxt = _add_months(first, 1)
    return first.replace(day=min(d.day, (nxt - dt.timedelta(days=1)).day))


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


_MONTH_WEEK = re.compile(r"(XXXX|\d{4})-(\d{2})-W([1-5L])")


def _month_week(year: int, month: int, n: str) -> str:
    """ISO week of the n-th week of a month (weeks run Monday to Sunday; the first one holds the
    1st, the last one ('L') holds the last day), as Recognizers-Text counts them."""
    if n == "L":
        day = _add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
        return _iso_week(day)
    first = dt.date(year, month, 1)
    return _iso_week(first + dt.timedelta(weeks=int(n) - 1))


def _season_year(season: str, anchor: dt.date, tense: str | None) -> int:
    """Year of the season meant: past -> the last one over before the anchor, future -> the next
    one to start after it, otherwise the one the anchor falls in (or, failing that, this year's)."""
    def bounds(y):
        first = dt.date(y, SEASON_START[season], 1)
        return first, _add_months(first, 3)
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if tense == "past":
        return max(y for y in years if bounds(y)[1] <= anchor)
    if tense == "future":
        return min(y for y in years if bounds(y)[0] > anchor)
    for y in years:
        first, after = bounds(y)
        if first <= anchor < after:
            return y
    return anchor.year


@lru_cache(maxsize=8192)
def resolve(timex: str, anchor: dt.date | None, tense: str | None,
            year: int | None = None) -> tuple[str, str]:
    """(value, resolution) for a timex from find_dates. resolution: 'explicit' (the text gave it
    all), 'anchored' (computed from `anchor`, the day the report was written, or from `year`),
    'underspecified' (the timex itself, X's kept). `tense` ('past' | 'future' | 'this' |
    'present' | None) picks among readings: past -> latest strictly before the anchor (month-days
    and months: on or before), future -> earliest strictly after (on or after), this/present ->
    the same ISO week (weekdays) or year (months), None -> the nearest reading, ties to the future.
    Never uses today's date, and never gives a reference expression (REF-P1D, PRESENT_REF) as
    the value: without an anchor the value is the X form of its precision ("hier" ->
    XXXX-XX-XX, "l'an dernier" -> XXXX, or the year before `year`). Spans are intervals: decades
    "197" -> 1970/1979, centuries "20" -> 2000/2099, "1945/1951", "XXXX-11-01/XXXX-11-15" (both
    ends in one year). Alternatives ("XXXX-06-23|XXXX-07-23", "el 23J") take the reading nearest
    the anchor."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if "|" in timex:
        return _resolve_alternatives(timex.split("|"), anchor, tense, year)
    if _DECADE.fullmatch(timex):
        return f"{timex}0/{timex}9", "explicit"
    if _CENTURY.fullmatch(timex):
        return f"{timex}00/{timex}99", "explicit"
    span = _SPAN.fullmatch(timex)
    if span:
        return _resolve_span(span.group(1), span.group(2), anchor, tense, year)
    value, how = _resolve_one(timex, anchor, tense, year)
    if how == "underspecified" and value.startswith(("REF", "PRESENT_REF")):
        return _unanchored(value, year)
    return value, how


def resolve_mention(timex: str, anchor: dt.date | None, direction: str | None, tense: str | None,
                    year: int | None = None) -> tuple[str, str]:
    """A mention's value given the anchor: the words' own direction first, then the verb's tense.

    Words are strict ("Mardi dernier" is never the day of writing). A verb's tense is not: a report
    written on a Monday saying someone "met X on Monday" means that very day. "this" + a weekday
    is the one of the current week, except where the verb places it: "ce dimanche" / "este
    domingo" / "this Sunday" told in the past is the latest Sunday on or before the day of
    writing (a Monday report's "este domingo" is the day before), in the future the next one on
    or after it. A present-tense verb says nothing about which year a month or a day falls in, so
    those take the nearest reading."""
    weekday = _WD.fullmatch(timex)
    if direction == "this" and weekday and anchor is not None and tense in ("past", "future"):
        delta = (anchor.isoweekday() - int(weekday.group(1))) % 7
        day = anchor - dt.timedelta(days=delta) if tense == "past" else anchor + dt.timedelta(days=(7 - delta) % 7)
        return day.isoformat(), "anchored"
    if direction:
        return resolve(timex, anchor, direction, year)
    if weekday and anchor is not None and tense in ("past", "future") and int(weekday.group(1)) == anchor.isoweekday():
        return anchor.isoformat(), "anchored"
    if tense == "present" and not weekday:
        tense = None
    value, how = resolve(timex, anchor, tense, year)
    if tense and anchor is not None and _MD.fullmatch(timex) and _ISO_DAY.fullmatch(value):
        nearest = resolve(timex, anchor, None, year)[0]
        if abs((dt.date.fromisoformat(value) - anchor).days) > _BARE_DAY_REACH \
                >= abs((dt.date.fromisoformat(nearest) - anchor).days):
            # news gives the year of a day more than half a year away: "the July 28 election"
            # in a September report is that July's, whatever the verb ("has yet to publish")
            return nearest, how
    return value, how


_BARE_DAY_REACH = 183    # days: how far a month-day written without its year may lie from the anchor
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
_SPAN = re.compile(r"((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)/((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?)")
_X_OF_UNIT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}


def _unanchored(timex: str, year: int | None) -> tuple[str, str]:
    """The honest value of a reference expression when the writing day is unknown: the year when
    only the year is known and the unit is years ("l'an dernier" in a report of 2025 -> 2024),
    else X's at the expression's precision."""
    if timex == "PRESENT_REF":
        return "XXXX-XX-XX", "underspecified"
    if _PERIOD.fullmatch(timex):
        return "XXXX-XX-XX/XXXX-XX-XX", "underspecified"
    rel = _REL.fullmatch(timex)
    if not rel:
        return "XXXX-XX-XX", "underspecified"
    n = int(rel.group(2)) * (1 if rel.group(1) == "+" else -1)
    unit, tail = rel.group(3), rel.group(4)
    if unit == "Y" and year:
        return f"{year + n:04d}", "anchored"
    if tail == "-WE":
        return "XXXX-WXX-WE", "underspecified"
    if tail:                                             # "mardi de la semaine prochaine"
        return f"XXXX-WXX{tail}", "underspecified"
    return _X_OF_UNIT[unit], "underspecified"


def _resolve_span(first: str, last: str, anchor, tense, year) -> tuple[str, str]:
    """Both ends of a span; an end without a year takes the start's (the next one if the end
    comes before the start in the calendar: "du 28 décembre au 3 janvier")."""
    a, how = resolve(first, anchor, tense, year)
    if last.startswith("XXXX") and a[:4].isdigit():
        b_year = int(a[:4]) + (1 if last[4:] < first[4:] else 0)
        b = f"{b_year:04d}{last[4:]}"
    else:
        b = resolve(last, anchor, tense, year)[0]
    return f"{a}/{_clamp_day(b)}", how


def _clamp_day(value: str) -> str:
    """29 February of a common year (the end of "the second half of February") is the 28th."""
    md = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if md and not _valid(int(md.group(1)), int(md.group(2)), int(md.group(3))):
        return f"{md.group(1)}-{md.group(2)}-{_last_day(int(md.group(1)), int(md.group(2))):02d}"
    return value


def _resolve_alternatives(options: list[str], anchor, tense, year) -> tuple[str, str]:
    """One of several month-days ("23J": 23 June or 23 July): the reading nearest the anchor as
    the tense reads it; without an anchor, only what all readings share (XXXX-XX-23)."""
    if anchor is not None:
        values = [resolve(o, anchor, tense, year)[0] for o in options]
        dated = [dt.date.fromisoformat(v) for v in values if _ISO_DAY.fullmatch(v)]
        if dated:
            chosen = _pick(dated, anchor, tense if tense in ("past", "future") else None,
                           inclusive=True) or min(dated)
            return chosen.isoformat(), "anchored"
    columns = zip(*(o.split("-") for o in options))
    return "-".join(c[0] if len(set(c)) == 1 else "X" * len(c[0]) for c in columns), "underspecified"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _resolve_one(timex: str, anchor: dt.date | None, tense: str | None,
                 year: int | None = None) -> tuple[str, str]:
    if _EXPLICIT.fullmatch(timex):
        return timex, "explicit"
    mw = _MONTH_WEEK.fullmatch(timex)
    if mw:                                               # "the first week of January 2015"
        month, n = int(mw.group(2)), mw.group(3)
        if mw.group(1) != "XXXX":
            return _month_week(int(mw.group(1)), month, n), "explicit"
        if anchor is None:
            return (_month_week(year, month, n), "anchored") if year else (timex, "underspecified")
        month_value = resolve(f"XXXX-{month:02d}", anchor, tense)[0]
        return _month_week(int(month_value[:4]), month, n), "anchored"
    if anchor is None:
        md = _MD.fullmatch(timex) or _M.fullmatch(timex) or _SEASON.fullmatch(timex) \
            or _QUARTER.fullmatch(timex) \
            or _WEEK_OF_YEAR.fullmatch(timex)
        if year and md:
            return f"{year:04d}{timex[4:]}", "anchored"
        return timex, "underspecified"

    if timex == "PRESENT_REF":
        return anchor.isoformat(), "anchored"
    period = _PERIOD.fullmatch(timex)
    if period:          # the N units before the anchor, or the N units after it (from tomorrow)
        n = int(period.group(2) or period.group(4))
        unit = period.group(3) or period.group(5)
        if period.group(1):
            first, last = _shift_by(anchor, -n, unit), anchor
        else:
            first = anchor + dt.timedelta(days=1)
            last = _shift_by(first, n, unit)
        return f"{first.isoformat()}/{last.isoformat()}", "anchored"
    rel = _REL.fullmatch(timex)
    if rel:
        n = int(rel.group(2)) * (1 if rel.group(1) == "+" else -1)
        unit, weekend = rel.group(3), rel.group(4)
        if weekend and weekend != "-WE":                 # "next week on Tuesday": a day
            monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
            day = monday + dt.timedelta(weeks=n, days=int(weekend[1:]) - 1)
            return day.isoformat(), "anchored"
        if unit == "Q":
            q = anchor.year * 4 + (anchor.month - 1) // 3 + n
            return f"{q // 4:04d}-Q{q % 4 + 1}", "anchored"
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

    season = _SEASON.fullmatch(timex)
    if season:
        return f"{_season_year(season.group(1), anchor, tense):04d}-{season.group(1)}", "anchored"
    quarter = _QUARTER.fullmatch(timex)
    if quarter:                                          # the quarter's year, as for its 1st month
        month_value = resolve(f"XXXX-{3 * int(quarter.group(1)) - 2:02d}", anchor, tense)[0]
        return f"{month_value[:4]}-Q{quarter.group(1)}", "anchored"
    week = _WEEK_OF_YEAR.fullmatch(timex)
    if week:
        return f"{anchor.year:04d}-W{week.group(1)}", "anchored"

    we = re.fullmatch(r"XXXX-WXX-WE", timex)
    if we:
        sat = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        return _iso_week(sat) + "-WE", "anchored"
    return timex, "underspecified"
