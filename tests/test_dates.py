"""Tests for kastfacts.dates: date mentions in fr/es/en news and their resolution."""
import datetime as dt

import pytest

from kastfacts.dates import DateMention, find_dates, resolve

SUN_2025_12_21 = dt.date(2025, 12, 21)
MON_2025_12_22 = dt.date(2025, 12, 22)


def spans(text, lang):
    return [(m.text, m.timex) for m in find_dates(text, lang)]


def only(text, lang) -> DateMention:
    found = find_dates(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


# --- French ------------------------------------------------------------------------------------

FR_CASES = [
    ("Kast se rendra lundi en Équateur.", "lundi", "XXXX-WXX-1"),
    ("vainqueur des élections présidentielles du 14 décembre.", "14 décembre", "XXXX-12-14"),
    ("Le bureau a rapporté ce dimanche un communiqué.", "ce dimanche", "XXXX-WXX-7"),
    ("Mardi dernier, il s'est rendu en Argentine.", "Mardi dernier", "XXXX-WXX-2"),
    ("Il reviendra mardi prochain à Quito.", "mardi prochain", "XXXX-WXX-2"),
    ("Le scrutin a eu lieu le 14 décembre 2025.", "14 décembre 2025", "2025-12-14"),
    ("Il prendra ses fonctions le 11 mars 2026.", "11 mars 2026", "2026-03-11"),
    ("La cérémonie aura lieu le 1er janvier.", "1er janvier", "XXXX-01-01"),
    ("La réunion est prévue mardi 20 janvier à Quito.", "mardi 20 janvier", "XXXX-01-20"),
    ("Le gouvernement entrera en fonction en janvier.", "janvier", "XXXX-01"),
    ("Les élections de janvier 2026 approchent.", "janvier 2026", "2026-01"),
    ("Depuis le plébiscite de 1988, le pays a changé.", "1988", "1988"),
    ("Il l'a annoncé hier à la presse.", "hier", "REF-P1D"),
    ("Il parlera demain devant le Congrès.", "demain", "REF+P1D"),
    ("Aujourd'hui, le président élu a voyagé.", "Aujourd'hui", "PRESENT_REF"),
    ("Il a été élu il y a deux jours.", "il y a deux jours", "REF-P2D"),
    ("Il partira dans trois jours.", "dans trois jours", "REF+P3D"),
    ("Il a rencontré Milei la semaine dernière.", "la semaine dernière", "REF-P1W"),
    ("Il reviendra la semaine prochaine.", "la semaine prochaine", "REF+P1W"),
    ("L'an dernier, la croissance a été faible.", "L'an dernier", "REF-P1Y"),
    ("Le document est daté du 14/12/2025.", "14/12/2025", "2025-12-14"),
    ("Le fichier 2025-12-14 a été publié.", "2025-12-14", "2025-12-14"),
    ("Elle s'est exprimée avant-hier soir.", "avant-hier", "REF-P2D"),
    ("Le vote aura lieu le 14 decembre.", "14 decembre", "XXXX-12-14"),
    ("Le 5 mai dernier, il était à Lima.", "5 mai dernier", "XXXX-05-05"),
    ("Une réunion aura lieu en mars.", "mars", "XXXX-03"),
    ("Il a voté ce soir à Santiago.", "ce soir", "PRESENT_REF"),
    ("Le sommet se tiendra ce week-end.", "ce week-end", "REF+P0W-WE"),
    ("Au premier trimestre 2025, le PIB a progressé.", "premier trimestre 2025", "2025-Q1"),
    ("Dans les années 1990, le pays a changé.", "les années 1990", "199"),
]


@pytest.mark.parametrize("text,span,timex", FR_CASES)
def test_french_mentions(text, span, timex):
    m = only(text, "fr")
    assert (m.text, m.timex) == (span, timex)


# --- Spanish -----------------------------------------------------------------------------------

ES_CASES = [
    ("La segunda vuelta fue el 14 de diciembre de 2025.", "14 de diciembre de 2025", "2025-12-14"),
    ("Kast fue electo el 14 de diciembre.", "14 de diciembre", "XXXX-12-14"),
    ("Asumirá el próximo 11 de marzo.", "próximo 11 de marzo", "XXXX-03-11"),
    ("El encuentro se realizó el pasado martes en Quito.", "pasado martes", "XXXX-WXX-2"),
    ("El martes pasado se reunió con Milei.", "martes pasado", "XXXX-WXX-2"),
    ("El próximo lunes viajará a Ecuador.", "próximo lunes", "XXXX-WXX-1"),
    ("Este domingo habló con la prensa.", "Este domingo", "XXXX-WXX-7"),
    ("La reunión será el martes 20 de enero.", "martes 20 de enero", "XXXX-01-20"),
    ("Las elecciones de enero de 2026 serán clave.", "enero de 2026", "2026-01"),
    ("El gobierno asumirá en marzo.", "marzo", "XXXX-03"),
    ("Ayer se reunió con Noboa.", "Ayer", "REF-P1D"),
    ("Hoy viaja a Quito.", "Hoy", "PRESENT_REF"),
    ("Mañana viajará a Quito.", "Mañana", "REF+P1D"),
    ("Se reunió esta mañana con Noboa.", "esta mañana", "PRESENT_REF"),
    ("El anuncio se hizo hace tres días.", "hace tres días", "REF-P3D"),
    ("Volverá dentro de tres días.", "dentro de tres días", "REF+P3D"),
    ("Se reunieron la semana pasada.", "la semana pasada", "REF-P1W"),
    ("El año pasado la economía creció.", "El año pasado", "REF-P1Y"),
    ("El plebiscito de 1988 marcó la historia.", "1988", "1988"),
    ("La ceremonia del 1º de enero será breve.", "1º de enero", "XXXX-01-01"),
    ("El acto fue el 14/12/2025 en Santiago.", "14/12/2025", "2025-12-14"),
    ("Se celebrará el miercoles 3 de junio.", "miercoles 3 de junio", "XXXX-06-03"),
    ("Anteayer se conoció el resultado.", "Anteayer", "REF-P2D"),
    ("Pasado mañana llegará a Lima.", "Pasado mañana", "REF+P2D"),
    ("La reunión será la próxima semana.", "la próxima semana", "REF+P1W"),
    ("Se vieron el 31-dic-1994.", "31-dic-1994", "1994-12-31"),
    ("La economía cayó en el primer trimestre de 2017.", "primer trimestre de 2017", "2017-Q1"),
]


@pytest.mark.parametrize("text,span,timex", ES_CASES)
def test_spanish_mentions(text, span, timex):
    m = only(text, "es")
    assert (m.text, m.timex) == (span, timex)


# --- English -----------------------------------------------------------------------------------

EN_CASES = [
    ("Kast met Bachelet in Santiago on Monday.", "Monday", "XXXX-WXX-1"),
    ("after winning the December 14 runoff", "December 14", "XXXX-12-14"),
    ("following his meeting with Frei last Friday.", "last Friday", "XXXX-WXX-5"),
    ("He will meet Noboa on Tuesday in Quito.", "Tuesday", "XXXX-WXX-2"),
    ("Kast will take office on March 11.", "March 11", "XXXX-03-11"),
    ("The cabinet will be named on Tuesday, January 20.", "Tuesday, January 20", "XXXX-01-20"),
    ("The deadline is January 5, 2026.", "January 5, 2026", "2026-01-05"),
    ("The vote was held Dec. 14, 2025 nationwide.", "Dec. 14, 2025", "2025-12-14"),
    ("The vote was held on 14 December 2025.", "14 December 2025", "2025-12-14"),
    ("He will travel in January.", "January", "XXXX-01"),
    ("Results for December 2025 were published.", "December 2025", "2025-12"),
    ("since the 1988 plebiscite", "1988", "1988"),
    ("He spoke to reporters yesterday.", "yesterday", "REF-P1D"),
    ("He will speak tomorrow.", "tomorrow", "REF+P1D"),
    ("He will speak tonight.", "tonight", "PRESENT_REF"),
    ("The results came two days ago.", "two days ago", "REF-P2D"),
    ("The talks will resume next week.", "next week", "REF+P1W"),
    ("The talks ended last week.", "last week", "REF-P1W"),
    ("He will visit next Monday.", "next Monday", "XXXX-WXX-1"),
    ("He will visit this Friday.", "this Friday", "XXXX-WXX-5"),
    ("Inflation fell last year.", "last year", "REF-P1Y"),
    ("The decree was signed 12/14/2025.", "12/14/2025", "2025-12-14"),
    ("The deadline is the 14th.", "the 14th", "XXXX-XX-14"),
    ("Elections are due in May.", "May", "XXXX-05"),
    ("The talks resume in three days.", "in three days", "REF+P3D"),
    ("the policies of the 1990s", "the 1990s", "199"),
]


@pytest.mark.parametrize("text,span,timex", EN_CASES)
def test_english_mentions(text, span, timex):
    m = only(text, "en")
    assert (m.text, m.timex) == (span, timex)


def test_directions_and_weekdays():
    assert only("Mardi dernier, il était là.", "fr").direction == "past"
    assert only("Il viendra mardi prochain.", "fr").direction == "future"
    assert only("Le bureau a parlé ce dimanche.", "fr").direction == "this"
    assert only("Se reunirán el próximo lunes.", "es").direction == "future"
    assert only("Se reunieron el martes pasado.", "es").direction == "past"
    assert only("They met last Friday.", "en").direction == "past"
    assert only("They meet this Friday.", "en").direction == "this"
    assert only("They met two weeks ago.", "en").timex == "REF-P2W"
    assert only("se rendra lundi en Équateur", "fr").direction is None      # only the verb tells
    assert only("on Tuesday, January 20", "en").weekday == 2
    assert only("mardi 20 janvier", "fr").weekday == 2
    assert only("martes 20 de enero", "es").weekday == 2


def test_several_mentions_sorted_and_exact_offsets():
    text = "Kast ganó el 14 de diciembre y viajará el lunes; ayer habló con Milei."
    found = find_dates(text, "es")
    assert [m.text for m in found] == ["14 de diciembre", "lunes", "ayer"]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_day_ranges_borrow_the_month():
    assert spans("du 3 au 5 mars", "fr") == [("3", "XXXX-03-03"), ("5 mars", "XXXX-03-05")]
    assert spans("del 3 al 5 de marzo de 2026", "es") == [("3", "2026-03-03"),
                                                            ("5 de marzo de 2026", "2026-03-05")]
    assert spans("between 3 and 5 March", "en") == [("3", "XXXX-03-03"), ("5 March", "XXXX-03-05")]


# --- negatives ---------------------------------------------------------------------------------

NEGATIVES = [
    ("fr", "Il a obtenu 58,1% des voix."),
    ("fr", "Le gouvernement a gagné une semaine de répit."),
    ("fr", "Le rendez-vous est fixé à midi."),
    ("fr", "La planète Mars est visible."),
    ("fr", "Il y a 1988 votes nuls et 2000 personnes."),
    ("fr", "Le bilan est de 1.988 morts."),
    ("fr", "Il a gagné avec 2025 voix d'avance."),
    ("fr", "Le code 12345 a été envoyé."),
    ("es", "Obtuvo el 58,2% de los votos."),
    ("es", "El proyecto se discutió durante dos meses."),
    ("es", "Se reunieron por la mañana en el palacio."),
    ("es", "Hoy en día la seguridad preocupa."),
    ("es", "Hubo 1.988 votos nulos."),
    ("es", "Los lunes se reúne el gabinete."),
    ("es", "La reunión fue a las 3 de la tarde."),
    ("es", "El precio subió a 2000 pesos."),
    ("en", "He may go to Quito."),
    ("en", "The march drew thousands of people."),
    ("en", "the first 100 days of his government"),
    ("en", "More than 2,000 people attended."),
    ("en", "He won 58.2% of the votes."),
    ("en", "The meeting lasted a week."),
    ("en", "The rally started at noon and ended at 3 pm."),
    ("en", "It was the 14th amendment."),
    ("en", "Sales hit the highest level in two years."),
    ("en", "This may change soon."),
    ("en", "He received 1988 votes."),
    ("en", "Black Friday sales were strong."),
]


@pytest.mark.parametrize("lang,text", NEGATIVES)
def test_not_dates(lang, text):
    assert find_dates(text, lang) == []


def test_unsupported_language():
    with pytest.raises(ValueError):
        find_dates("lundi", "de")


# --- resolve -----------------------------------------------------------------------------------

@pytest.mark.parametrize("timex,anchor,tense,expected", [
    # French seed, written Sunday 2025-12-21
    ("XXXX-WXX-1", SUN_2025_12_21, "future", "2025-12-22"),     # "se rendra lundi"
    ("XXXX-WXX-7", SUN_2025_12_21, "this", "2025-12-21"),       # "ce dimanche"
    ("XXXX-WXX-2", SUN_2025_12_21, "past", "2025-12-16"),       # "Mardi dernier"
    ("XXXX-WXX-2", SUN_2025_12_21, "future", "2025-12-23"),     # "se rencontreront mardi"
    ("XXXX-12-14", SUN_2025_12_21, "past", "2025-12-14"),
    ("XXXX-01", SUN_2025_12_21, "future", "2026-01"),
    # English seed, written Monday 2025-12-22
    ("XXXX-WXX-5", MON_2025_12_22, "past", "2025-12-19"),       # "last Friday"
    ("XXXX-12-16", MON_2025_12_22, "past", "2025-12-16"),
    ("XXXX-WXX-2", MON_2025_12_22, "future", "2025-12-23"),
    ("XXXX-03-11", MON_2025_12_22, "future", "2026-03-11"),
    ("XXXX-WXX-1", MON_2025_12_22, "past", "2025-12-15"),       # strictly before
    ("XXXX-WXX-1", MON_2025_12_22, "future", "2025-12-29"),     # strictly after
    ("XXXX-WXX-1", MON_2025_12_22, "present", "2025-12-22"),
    ("XXXX-WXX-5", MON_2025_12_22, "this", "2025-12-26"),       # same ISO week
    ("XXXX-WXX-5", MON_2025_12_22, None, "2025-12-19"),         # nearest: 3 days back vs 4 ahead
    ("XXXX-WXX-3", MON_2025_12_22, None, "2025-12-24"),
    ("XXXX-12-22", MON_2025_12_22, "past", "2025-12-22"),       # month-day: on or before
    ("XXXX-01-05", MON_2025_12_22, None, "2026-01-05"),         # nearest
    ("XXXX-11", MON_2025_12_22, None, "2025-11"),
    ("XXXX-02", MON_2025_12_22, "past", "2025-02"),
    ("XXXX-09", MON_2025_12_22, "this", "2025-09"),
    ("XXXX-XX-14", MON_2025_12_22, "past", "2025-12-14"),
    ("XXXX-XX-28", MON_2025_12_22, "future", "2025-12-28"),
    ("PRESENT_REF", MON_2025_12_22, None, "2025-12-22"),
    ("REF-P1D", MON_2025_12_22, None, "2025-12-21"),
    ("REF+P1D", MON_2025_12_22, None, "2025-12-23"),
    ("REF-P2D", MON_2025_12_22, None, "2025-12-20"),
    ("REF+P3D", MON_2025_12_22, None, "2025-12-25"),
    ("REF-P2W", MON_2025_12_22, None, "2025-W50"),
    ("REF+P1W", MON_2025_12_22, None, "2025-W53" if dt.date(2025, 12, 29).isocalendar()[1] == 53
     else "2026-W01"),
    ("REF+P0W", MON_2025_12_22, None, "2025-W52"),
    ("REF-P1M", MON_2025_12_22, None, "2025-11"),
    ("REF+P1M", MON_2025_12_22, None, "2026-01"),
    ("REF-P1Y", MON_2025_12_22, None, "2024"),
    ("REF+P0Y", MON_2025_12_22, None, "2025"),
    ("REF+P0W-WE", MON_2025_12_22, None, "2025-W52-WE"),
])
def test_resolve_with_anchor(timex, anchor, tense, expected):
    assert resolve(timex, anchor, tense) == (expected, "anchored")


@pytest.mark.parametrize("timex", ["2025-12-14", "2026-01", "1988", "2017-Q1", "1945/1951"])
def test_resolve_explicit(timex):
    assert resolve(timex, None, None) == (timex, "explicit")
    assert resolve(timex, MON_2025_12_22, "past") == (timex, "explicit")


@pytest.mark.parametrize("timex,expected", [("199", "1990/1999"), ("197", "1970/1979"),
                                            ("20", "2000/2099")])
def test_decades_and_centuries_are_intervals(timex, expected):
    assert resolve(timex, None, None) == (expected, "explicit")


def test_resolve_with_year_only():
    assert resolve("XXXX-01-20", None, None, year=2026) == ("2026-01-20", "anchored")
    assert resolve("XXXX-12-14", None, "past", year=2025) == ("2025-12-14", "anchored")
    assert resolve("XXXX-01", None, None, year=2026) == ("2026-01", "anchored")
    assert resolve("XXXX-WXX-2", None, None, year=2026) == ("XXXX-WXX-2", "underspecified")


@pytest.mark.parametrize("timex", ["XXXX-WXX-2", "XXXX-12-14", "XXXX-01", "XXXX-XX-14"])
def test_resolve_without_anchor_is_underspecified(timex):
    # never today's date
    assert resolve(timex, None, None) == (timex, "underspecified")
    assert resolve(timex, None, "past") == (timex, "underspecified")


@pytest.mark.parametrize("timex,value", [
    ("PRESENT_REF", "XXXX-XX-XX"), ("REF-P1D", "XXXX-XX-XX"), ("REF+P2D", "XXXX-XX-XX"),
    ("REF-P1W", "XXXX-WXX"), ("REF+P0M", "XXXX-XX"), ("REF-P1Y", "XXXX"), ("REF-P1Q", "XXXX-QX"),
    ("REF+P0W-WE", "XXXX-WXX-WE"), ("REF+P1W-2", "XXXX-WXX-2"),
    ("REF-P3M/REF", "XXXX-XX-XX/XXXX-XX-XX"),
])
def test_reference_expressions_never_are_the_value(timex, value):
    # without the day of writing, the value says the precision and nothing else
    assert resolve(timex, None, None) == (value, "underspecified")
    assert resolve(timex, None, "past") == (value, "underspecified")


def test_reference_years_from_the_year_alone():
    assert resolve("REF-P1Y", None, "past", year=2025) == ("2024", "anchored")       # l'an dernier
    assert resolve("REF+P0Y", None, None, year=2023) == ("2023", "anchored")         # este mismo año
    assert resolve("REF-P1D", None, None, year=2023) == ("XXXX-XX-XX", "underspecified")


def test_seed_english_tuesday_january_20_with_year():
    m = only("will be announced on Tuesday, January 20.", "en")
    assert resolve(m.timex, None, None, year=2026) == ("2026-01-20", "anchored")
    assert resolve(m.timex, MON_2025_12_22, "future") == ("2026-01-20", "anchored")


def test_end_to_end_french_seed_sentence():
    text = ("Kast se rendra lundi en Équateur. Le Bureau a rapporté ce dimanche que Kast et "
            "Noboa se rencontreront mardi. Mardi dernier, il s'est rendu en Argentine.")
    found = find_dates(text, "fr")
    tenses = ["future", None, "future", None]
    values = [resolve(m.timex, SUN_2025_12_21, m.direction or t)[0] for m, t in zip(found, tenses)]
    assert [m.text for m in found] == ["lundi", "ce dimanche", "mardi", "Mardi dernier"]
    assert values == ["2025-12-22", "2025-12-21", "2025-12-23", "2025-12-16"]


@pytest.mark.parametrize("lang,text,span,timex", [
    ("en", "Poverty fell over the past five years.", "the past five years", "REF-P5Y/REF"),
    ("en", "Talks continue in the next two weeks.", "the next two weeks", "REF/REF+P2W"),
    ("fr", "au cours des dix derniers mois", "dix derniers mois", "REF-P10M/REF"),
    ("fr", "dans les trois prochaines semaines", "trois prochaines semaines", "REF/REF+P3W"),
    ("es", "durante los últimos 3 meses", "últimos 3 meses", "REF-P3M/REF"),
    ("es", "en los próximos dos días", "próximos dos días", "REF/REF+P2D"),
])
def test_counted_periods(lang, text, span, timex):
    m = only(text, lang)
    assert (m.text, m.timex) == (span, timex)


def test_resolve_counted_periods():
    assert resolve("REF-P3M/REF", dt.date(2016, 11, 7), None) == ("2016-08-07/2016-11-07", "anchored")
    assert resolve("REF/REF+P3W", dt.date(2016, 11, 7), None) == ("2016-11-08/2016-11-29", "anchored")
    assert resolve("REF-P1M/REF", dt.date(2025, 3, 31), None) == ("2025-02-28/2025-03-31", "anchored")
    assert resolve("REF-P3M/REF", None, None) == ("XXXX-XX-XX/XXXX-XX-XX", "underspecified")


def test_year_and_month_ranges():
    assert spans("entre 2014-2018", "es") == [("2014-2018", "2014/2018")]
    assert spans("Tel: +86 138-2010-2015", "en") == []
    assert spans("jan-feb 2017", "en") == [("jan", "XXXX-01"), ("feb 2017", "2017-02")]
    assert spans("de septiembre a noviembre", "es") == [("septiembre", "XXXX-09"),
                                                        ("noviembre", "XXXX-11")]


def test_hours_and_minutes_fall_on_a_day():
    assert only("Il a parlé il y a deux heures.", "fr").timex == "PRESENT_REF"
    assert only("Se conoció hace 48 horas.", "es").timex == "REF-P2D"
    assert only("He will speak in 30 minutes.", "en").timex == "PRESENT_REF"


# --- extended grammar: present, quarters, seasons, holidays, weeks, weekday + day, ranges ----

THU_2019_01_31 = dt.date(2019, 1, 31)
MON_2016_11_07 = dt.date(2016, 11, 7)

NEW_MENTIONS = [
    # now / maintenant / ahora
    ("en", "The party now controls the Senate.", "now", "PRESENT_REF"),
    ("en", "Let's go right now", "right now", "PRESENT_REF"),
    ("en", "He is not here at present.", "at present", "PRESENT_REF"),
    ("en", "Talks are stalled at the moment.", "at the moment", "PRESENT_REF"),
    ("fr", "Il est maintenant au pouvoir.", "maintenant", "PRESENT_REF"),
    ("fr", "Les négociations sont en ce moment bloquées.", "en ce moment", "PRESENT_REF"),
    ("fr", "À présent, il gouverne seul.", "À présent", "PRESENT_REF"),
    ("es", "Ahora gobierna solo.", "Ahora", "PRESENT_REF"),
    ("es", "Volveré ahora mismo", "ahora mismo", "PRESENT_REF"),
    ("es", "En este momento no hay acuerdo.", "En este momento", "PRESENT_REF"),
    # relative quarters
    ("en", "Sales fell last quarter.", "last quarter", "REF-P1Q"),
    ("en", "Profits will rise next quarter.", "next quarter", "REF+P1Q"),
    ("en", "Sales for the current quarter", "current quarter", "REF+P0Q"),
    ("en", "Growth slowed this quarter.", "this quarter", "REF+P0Q"),
    ("fr", "Le PIB a reculé le trimestre dernier.", "le trimestre dernier", "REF-P1Q"),
    ("fr", "Les ventes progressent ce trimestre.", "ce trimestre", "REF+P0Q"),
    ("fr", "Il faudra attendre le prochain trimestre.", "le prochain trimestre", "REF+P1Q"),
    ("es", "Las ventas cayeron el trimestre pasado.", "el trimestre pasado", "REF-P1Q"),
    ("es", "Ventas para este trimestre", "este trimestre", "REF+P0Q"),
    ("es", "El PIB crecerá el próximo trimestre.", "el próximo trimestre", "REF+P1Q"),
    ("en", "What are the sales for the past two quarters", "the past two quarters",
     "REF-P2Q/REF"),
    ("en", "Q3 results beat forecasts.", "Q3", "XXXX-Q3"),
    # seasons
    ("en", "I'll leave this SUMMER", "this SUMMER", "XXXX-SU"),
    ("en", "Elections are due next spring.", "next spring", "XXXX-SP"),
    ("en", "The offensive began in the winter.", "winter", "XXXX-WI"),
    ("en", "The summer of 2017 was hot.", "summer of 2017", "2017-SU"),
    ("fr", "Je vais sortir cette été", "cette été", "XXXX-SU"),
    ("fr", "Il a été élu l'été dernier.", "été dernier", "XXXX-SU"),
    ("fr", "Le vote aura lieu au printemps.", "printemps", "XXXX-SP"),
    ("fr", "Le sommet de l'été 2017 a échoué.", "été 2017", "2017-SU"),
    ("es", "Saldré este VERANO", "este VERANO", "XXXX-SU"),
    ("es", "Llegará el próximo verano.", "el próximo verano", "XXXX-SU"),
    ("es", "El invierno pasado fue duro.", "El invierno pasado", "XXXX-WI"),
    ("es", "En el verano de 2017 hubo protestas.", "el verano de 2017", "2017-SU"),
    # holidays
    ("en", "which films are shown on christmas eve at 6 p.m.?", "christmas eve", "XXXX-12-24"),
    ("en", "He will return before Christmas.", "Christmas", "XXXX-12-25"),
    ("en", "They met on New Year's Eve.", "New Year's Eve", "XXXX-12-31"),
    ("en", "Let's celebrate International Workers' Day!", "International Workers' Day",
     "XXXX-05-01"),
    ("fr", "Il rentrera pour Noël.", "Noël", "XXXX-12-25"),
    ("fr", "Le jour de l'an 2020 sera férié.", "jour de l'an 2020", "2020-01-01"),
    ("fr", "Les syndicats défilent pour la fête du Travail.", "fête du Travail", "XXXX-05-01"),
    ("es", "Volverá antes de Navidad.", "Navidad", "XXXX-12-25"),
    ("es", "¡Celebremos el Día del Trabajador!", "Día del Trabajador", "XXXX-05-01"),
    ("es", "En Nochebuena la cena fue tranquila.", "Nochebuena", "XXXX-12-24"),
    # weeks by number
    ("en", "Show sales in the week 31", "the week 31", "XXXX-W31"),
    ("en", "How about first week of 2015", "first week of 2015", "2015-W01"),
    ("en", "How about last week of 2016", "last week of 2016", "2016-W52"),
    ("en", "How about first week of Jan 2015", "first week of Jan 2015", "2015-01-W1"),
    ("fr", "Les ventes de la semaine 12 ont chuté.", "la semaine 12", "XXXX-W12"),
    ("fr", "Il viendra la dernière semaine de juillet.", "la dernière semaine de juillet",
     "XXXX-07-WL"),
    ("es", "Mostrar ventas en semana 31", "semana 31", "XXXX-W31"),
    ("es", "¿Qué tal la primera semana de 2015?", "la primera semana de 2015", "2015-W01"),
    ("es", "Saldré la última semana de julio", "la última semana de julio", "XXXX-07-WL"),
    # weekday with the day of the month
    ("en", "Do you have any arrangement on Monday 21!", "Monday 21", "XXXX-XX-21"),
    ("en", "I'll go back Mon 13th", "Mon 13th", "XXXX-XX-13"),
    ("en", "Let's meet on Friday the 26th.", "Friday the 26th", "XXXX-XX-26"),
    ("fr", "La réunion aura lieu jeudi 18.", "jeudi 18", "XXXX-XX-18"),
    ("fr", "Il est arrivé lundi 21 à Paris.", "lundi 21", "XXXX-XX-21"),
    ("es", "¿Tienes algún arreglo el lunes 21?", "lunes 21", "XXXX-XX-21"),
    ("es", "Mi próximo sueldo será el martes 6", "martes 6", "XXXX-XX-06"),
    # a bare day of the month in a safe context
    ("fr", "je reviendrai le 23", "23", "XXXX-XX-23"),
    ("fr", "Je serai le 17 de 14h à 16h", "17", "XXXX-XX-17"),
    ("es", "¿puedes planear algo el 4.º?", "4.º", "XXXX-XX-04"),
    ("es", "la compra hecha el 17 del 11", "17 del 11", "XXXX-11-17"),
    ("en", "It will happen on the 17 from 2pm to 4pm", "the 17", "XXXX-XX-17"),
    # a weekday of a named week
    ("en", "Let's talk next week on Tuesday.", "next week on Tuesday", "REF+P1W-2"),
    ("en", "What happened on this week Monday", "this week Monday", "REF+P0W-1"),
    ("en", "It's on Wednesday of last week.", "Wednesday of last week", "REF-P1W-3"),
    ("fr", "Il viendra mardi de la semaine prochaine.", "mardi de la semaine prochaine",
     "REF+P1W-2"),
    ("fr", "Ils se sont vus lundi de la semaine dernière.", "lundi de la semaine dernière",
     "REF-P1W-1"),
    ("es", "Vamos el martes de la próxima semana.", "martes de la próxima semana", "REF+P1W-2"),
    ("es", "Nos conocimos el martes de la semana pasada", "martes de la semana pasada",
     "REF-P1W-2"),
    # spaced numeric dates, fiscal years, decades and centuries in words
    ("fr", "Je retournerai 18 08 1978 à la maison.", "18 08 1978", "1978-08-18"),
    ("fr", "Je retournerai 2 4 2009.", "2 4 2009", "2009-04-02"),
    ("es", "Nació el 9 8 1971 en Lima.", "9 8 1971", "1971-08-09"),
    ("en", "On 2016 10 16, the conference started.", "2016 10 16", "2016-10-16"),
    ("en", "Revenue for fiscal year 2016 rose.", "fiscal year 2016", "FY2016"),
    ("en", "FY2019 earnings were flat.", "FY2019", "FY2019"),
    ("es", "Mostrar ventas el año fiscal 2008", "el año fiscal 2008", "FY2008"),
    ("fr", "dans les années quatre-vingt-dix", "les années quatre-vingt-dix", "199"),
    ("es", "en los años noventa", "los años noventa", "199"),
    ("en", "Who were presidents in the nineties?", "the nineties", "199"),
    ("en", "Show me the records in 21st century", "21st century", "20"),
    ("fr", "au XXe siècle", "XXe siècle", "19"),
    ("es", "en el siglo XIX", "el siglo XIX", "18"),
    # minutes and "within"
    ("en", "I'll be back within 5 minutes", "within 5 minutes", "PRESENT_REF"),
    ("en", "I'll be back 3 minutes from now", "3 minutes from now", "PRESENT_REF"),
    ("en", "The work will end within 9 months.", "within 9 months", "REF+P9M"),
    ("fr", "J'en ai compté 3 dans les 13 dernières minutes.", "13 dernières minutes",
     "PRESENT_REF"),
    ("es", "¿Qué pasó en los últimos 5 minutos?", "últimos 5 minutos", "PRESENT_REF"),
    ("en", "I'll go back Oct/2", "Oct/2", "XXXX-10-02"),
    ("en", "I'll go back Sep-23-2020.", "Sep-23-2020", "2020-09-23"),
]


@pytest.mark.parametrize("lang,text,span,timex", NEW_MENTIONS)
def test_extended_grammar(lang, text, span, timex):
    m = only(text, lang)
    assert (m.text, m.timex) == (span, timex)


@pytest.mark.parametrize("lang,text,span", [
    ("en", "On Monday 21 people died.", "Monday"),
    ("fr", "Lundi 21 morts ont été recensés.", "Lundi"),
    ("es", "El lunes 21 personas murieron.", "lunes"),
    ("en", "He will speak on Monday 9 am.", "Monday"),
    ("fr", "Rendez-vous lundi 14h.", "lundi"),
])
def test_a_count_after_a_weekday_is_not_its_day(lang, text, span):
    m = only(text, lang)
    assert (m.text, m.timex[:8]) == (span, "XXXX-WXX")


def test_weekday_with_day_keeps_the_weekday():
    assert only("el lunes 21", "es").weekday == 1
    assert only("Friday the 26th", "en").weekday == 5
    assert only("jeudi 18.", "fr").weekday == 4


@pytest.mark.parametrize("lang,text,spans_", [
    ("fr", "28/2-1/3", [("28/2", "XXXX-02-28"), ("1/3", "XXXX-03-01")]),
    ("es", "del 10/1-11/2/2017", [("10/1", "2017-01-10"), ("11/2/2017", "2017-02-11")]),
    ("en", "I will leave from 5/1-5/7, 2020", [("5/1", "2020-05-01"), ("5/7", "2020-05-07")]),
    ("en", "My vacation is from 10/1/2018-10/7/2018",
     [("10/1/2018", "2018-10-01"), ("10/7/2018", "2018-10-07")]),
    ("en", "My vacation is from 10-1-2018-10-7-2018",
     [("10-1-2018", "2018-10-01"), ("10-7-2018", "2018-10-07")]),
    ("en", "between 10/1-11/7", [("10/1", "XXXX-10-01"), ("11/7", "XXXX-11-07")]),
])
def test_numeric_date_ranges(lang, text, spans_):
    assert spans(text, lang) == spans_


EXTENDED_NEGATIVES = [
    ("en", "the now-defunct party"),
    ("en", "The Arab Spring began in Tunisia."),
    ("en", "Prices fall when demand drops."),
    ("en", "He bought a Christmas tree."),
    ("en", "He won three quarters of the vote."),
    ("en", "in week 3 of the trial"),
    ("en", "She is in her nineties."),
    ("en", "The score was 3/4-5/6 on the chart."),
    ("en", "the last quarter of the century"),
    ("fr", "Il a été élu député."),
    ("fr", "le printemps arabe"),
    ("fr", "Le marché de Noël est ouvert."),
    ("fr", "Il a marqué sur le 23 de l'équipe."),
    ("fr", "un accord de dernière minute"),
    ("es", "Ahora bien, el gobierno dudó."),
    ("es", "la primavera árabe"),
    ("es", "el árbol de Navidad"),
    ("es", "El 10 del equipo marcó."),
    ("es", "el último trimestre del año"),
]


@pytest.mark.parametrize("lang,text", EXTENDED_NEGATIVES)
def test_extended_not_dates(lang, text):
    assert find_dates(text, lang) == []


@pytest.mark.parametrize("timex,anchor,tense,expected", [
    ("REF-P1Q", MON_2016_11_07, None, "2016-Q3"),
    ("REF+P1Q", MON_2016_11_07, None, "2017-Q1"),
    ("REF+P0Q", MON_2016_11_07, None, "2016-Q4"),
    ("REF-P2Q/REF", MON_2016_11_07, None, "2016-05-07/2016-11-07"),
    ("XXXX-Q1", MON_2016_11_07, "this", "2016-Q1"),
    ("XXXX-SU", MON_2016_11_07, "this", "2016-SU"),
    ("XXXX-SU", MON_2016_11_07, "past", "2016-SU"),
    ("XXXX-SU", dt.date(2016, 7, 1), "past", "2015-SU"),
    ("XXXX-SU", dt.date(2016, 7, 1), "future", "2017-SU"),
    ("XXXX-WI", dt.date(2017, 1, 15), None, "2016-WI"),
    ("XXXX-W31", MON_2016_11_07, None, "2016-W31"),
    ("XXXX-07-WL", MON_2016_11_07, "past", "2016-W30"),
    ("XXXX-12-25", MON_2016_11_07, None, "2016-12-25"),
    ("REF+P1W-2", THU_2019_01_31, None, "2019-02-05"),
    ("REF-P1W-3", THU_2019_01_31, None, "2019-01-23"),
    ("REF+P0W-1", THU_2019_01_31, None, "2019-01-28"),
])
def test_resolve_extended(timex, anchor, tense, expected):
    assert resolve(timex, anchor, tense) == (expected, "anchored")


@pytest.mark.parametrize("timex,expected", [
    ("2015-01-W1", "2015-W01"), ("2016-12-WL", "2016-W52"), ("2017-SU", "2017-SU"),
    ("FY2016", "FY2016"), ("20", "2000/2099"), ("2016-W45", "2016-W45"),
])
def test_resolve_extended_explicit(timex, expected):
    assert resolve(timex, None, None) == (expected, "explicit")


def test_resolve_extended_with_year_only():
    assert resolve("XXXX-SU", None, None, year=2026) == ("2026-SU", "anchored")
    assert resolve("XXXX-W12", None, None, year=2026) == ("2026-W12", "anchored")
    assert resolve("XXXX-07-WL", None, None, year=2016) == ("2016-W30", "anchored")
    assert resolve("XXXX-SU", None, None) == ("XXXX-SU", "underspecified")
