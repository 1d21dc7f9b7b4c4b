"""Date forms of election news in fr/es/en (issue 19): spans of years, Spanish day + month
initial, halves of months, datelines, reference expressions that are never a value, "this
Sunday" told on a Monday. Sentences are written for these tests."""
import datetime as dt
import json

import pytest

from kastfacts.dates import find_dates, measures_time, resolve, resolve_mention

MON_2024_11_25 = dt.date(2024, 11, 25)
SUN_2024_11_24 = dt.date(2024, 11, 24)


def spans(text, lang):
    return [(m.text, m.timex) for m in find_dates(text, lang)]


def one(text, lang):
    found = find_dates(text, lang)
    assert len(found) == 1, found
    return found[0]


# --- spans of years are intervals ------------------------------------------------------------

@pytest.mark.parametrize("lang,text,span,value", [
    ("fr", "Elle fut maire de Lyon (1995-2001) avant d'entrer au Sénat.", "1995-2001", "1995/2001"),
    ("fr", "Il a dirigé le parti de 2008 à 2012.", "2008 à 2012", "2008/2012"),
    ("fr", "Le pays a connu deux crises entre 1998 et 2002.", "1998 et 2002", "1998/2002"),
    ("fr", "la junte militaire (1976-83)", "1976-83", "1976/1983"),
    ("es", "El mandato 2026-2030 será el último del partido.", "2026-2030", "2026/2030"),
    ("es", "Fue gobernador de 2003 a 2007.", "2003 a 2007", "2003/2007"),
    ("es", "La deuda creció entre 2015 y 2019.", "2015 y 2019", "2015/2019"),
    ("es", "el régimen militar (1964-85)", "1964-85", "1964/1985"),
    ("en", "She served two terms (2009-2017) in the Senate.", "2009-2017", "2009/2017"),
    ("en", "He led the province from 1999 to 2003.", "1999 to 2003", "1999/2003"),
    ("en", "Exports doubled between 2010 and 2014.", "2010 and 2014", "2010/2014"),
])
def test_spans_of_years_are_intervals(lang, text, span, value):
    m = one(text, lang)
    assert (m.text, resolve(m.timex, None, None)) == (span, (value, "explicit"))


@pytest.mark.parametrize("lang,text,span,value", [
    ("fr", "La ville a beaucoup grandi dans les années 1960.", "les années 1960", "1960/1969"),
    ("es", "La reforma agraria de los años setenta fracasó.", "los años setenta", "1970/1979"),
    ("es", "Llegó al país en la década de 1980.", "la década de 1980", "1980/1989"),
    ("en", "The party was founded in the 1950s.", "the 1950s", "1950/1959"),
    ("en", "a hit song of the '80s", "the '80s", "1980/1989"),
])
def test_decades_are_intervals(lang, text, span, value):
    m = one(text, lang)
    assert (m.text, resolve(m.timex, None, None)[0]) == (span, value)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Il a voté en 2019 et en 2023."),            # two years, not a span
    ("es", "Votó en 2015 y 2019 por el mismo partido."),
    ("en", "She ran in 2016 and 2020."),
])
def test_two_years_joined_by_and_stay_two_years(lang, text):
    assert all("/" not in m.timex for m in find_dates(text, lang))
    assert len(find_dates(text, lang)) == 2


@pytest.mark.parametrize("lang,text", [
    ("en", "Call the office on +44 207-2015-2019 today."),   # a phone number
    ("es", "El informe 2021-07 del ministerio."),             # a code, or a month
    ("fr", "Il a obtenu 1998-2004 voix."),
])
def test_year_spans_that_are_not_dates(lang, text):
    assert all("/" not in m.timex for m in find_dates(text, lang))


# --- Spanish election copy: day + month initial --------------------------------------------

@pytest.mark.parametrize("text,span,timex", [
    ("Los sondeos del 28-M daban ventaja a la derecha.", "28-M", "XXXX-03-28|XXXX-05-28"),
    ("Tras el 10N, el Congreso quedó fragmentado.", "10N", "XXXX-11-10"),
    ("El referéndum del 1-O dividió a Cataluña.", "1-O", "XXXX-10-01"),
    ("La campaña del 26J fue breve.", "26J", "XXXX-06-26|XXXX-07-26"),
])
def test_day_and_month_initial(text, span, timex):
    m = one(text, "es")
    assert (m.text, m.timex) == (span, timex)


@pytest.mark.parametrize("text", [
    "Imprimieron la pieza en 3D.",
    "Firmaron un contrato del 10M de euros.",
    "La calle 23J del barrio norte.",          # no article or preposition before it
])
def test_day_and_initial_needs_the_election_context(text):
    assert find_dates(text, "es") == []


def test_month_initial_takes_the_month_nearest_the_day_of_writing():
    m = one("Los resultados de este 26J sorprendieron.", "es")
    assert m.direction == "this"
    assert resolve(m.timex, dt.date(2016, 6, 27), None) == ("2016-06-26", "anchored")
    assert resolve(m.timex, dt.date(2016, 7, 30), None) == ("2016-07-26", "anchored")
    assert resolve(m.timex, dt.date(2016, 7, 10), "past") == ("2016-06-26", "anchored")
    # without the day of writing only the day is known
    assert resolve(m.timex, None, None) == ("XXXX-XX-26", "underspecified")


# --- halves of months, "este mismo año" ------------------------------------------------------

@pytest.mark.parametrize("lang,text,timex", [
    ("es", "El nuevo gabinete asumirá en la segunda quincena de marzo.", "XXXX-03-16/XXXX-03-31"),
    ("es", "Las obras terminan la primera quincena de febrero de 2024.", "2024-02-01/2024-02-15"),
    ("fr", "Le scrutin aura lieu dans la première quinzaine de juin.", "XXXX-06-01/XXXX-06-15"),
    ("fr", "La campagne s'ouvre la seconde quinzaine d'août.", "XXXX-08-16/XXXX-08-31"),
    ("en", "The count should end in the first half of December.", "XXXX-12-01/XXXX-12-15"),
    ("en", "Talks resume in the second half of September.", "XXXX-09-16/XXXX-09-30"),
])
def test_halves_of_months(lang, text, timex):
    assert one(text, lang).timex == timex


def test_half_month_resolves_in_one_year_and_february_ends_right():
    assert resolve("XXXX-03-16/XXXX-03-31", dt.date(2025, 1, 10), "future") == \
        ("2025-03-16/2025-03-31", "anchored")
    assert resolve("XXXX-02-16/XXXX-02-29", dt.date(2023, 1, 10), None)[0] == "2023-02-16/2023-02-28"
    assert resolve("XXXX-02-16/XXXX-02-29", dt.date(2024, 1, 10), None)[0] == "2024-02-16/2024-02-29"
    assert resolve("XXXX-11-01/XXXX-11-15", None, None) == ("XXXX-11-01/XXXX-11-15", "underspecified")


@pytest.mark.parametrize("lang,text,timex", [
    ("es", "Habrá otra votación este mismo año.", "REF+P0Y"),
    ("es", "El decreto se firmará esta misma semana.", "REF+P0W"),
    ("es", "Lo anunció hoy mismo el ministro.", "PRESENT_REF"),
    ("fr", "Le décret a été publié aujourd'hui même.", "PRESENT_REF"),
])
def test_emphatic_this(lang, text, timex):
    assert one(text, lang).timex == timex


# --- no reference expression is ever a value ------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("fr", "Hier, le candidat a reconnu sa défaite."),
    ("fr", "Le ministre parlera demain soir."),
    ("es", "Ayer por la tarde se conoció el escrutinio."),
    ("es", "El año pasado la participación fue menor."),
    ("en", "The council met last week."),
    ("en", "Turnout was lower last year, officials said today."),
])
def test_reference_expressions_resolve_to_x_forms_without_an_anchor(lang, text):
    for m in find_dates(text, lang):
        value, how = resolve_mention(m.timex, None, m.direction, "past")
        assert not value.startswith(("REF", "PRESENT")) and how == "underspecified", (m, value)
        assert value.startswith("XXXX")


# --- "este domingo" told on a Monday ------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("es", "Los uruguayos votaron este domingo en la segunda vuelta."),
    ("fr", "Les électeurs ont voté ce dimanche pour élire leur président."),
    ("en", "Voters went to the polls this Sunday in a tight runoff."),
])
def test_this_sunday_in_the_past_in_a_monday_report_is_the_day_before(lang, text):
    m = one(text, lang)
    assert m.direction == "this"
    assert resolve_mention(m.timex, MON_2024_11_25, m.direction, "past") == ("2024-11-24", "anchored")
    # written on that Sunday, it is the day itself
    assert resolve_mention(m.timex, SUN_2024_11_24, m.direction, "past") == ("2024-11-24", "anchored")
    # announced in the future on the Monday: the coming Sunday
    assert resolve_mention(m.timex, MON_2024_11_25, m.direction, "future") == ("2024-12-01", "anchored")


@pytest.mark.parametrize("lang,text", [
    ("es", "El tribunal proclamó este lunes al ganador."),
    ("fr", "Le tribunal a proclamé ce lundi le vainqueur."),
    ("en", "The court named the winner this Monday."),
])
def test_this_monday_in_a_monday_report_is_that_day(lang, text):
    m = one(text, lang)
    for tense in ("past", "present", None):
        assert resolve_mention(m.timex, MON_2024_11_25, m.direction, tense)[0] == "2024-11-25"


@pytest.mark.parametrize("lang,text,span", [
    ("es", "Este martes 3 de junio, el escrutinio seguía.", "Este martes 3 de junio"),
    ("fr", "Ce mardi 3 juin, le dépouillement continuait.", "Ce mardi 3 juin"),
    ("en", "This Tuesday, June 3, the count went on.", "This Tuesday, June 3"),
])
def test_this_weekday_with_its_date_is_one_mention_of_the_current_week(lang, text, span):
    m = one(text, lang)
    assert (m.text, m.direction, m.weekday) == (span, "this", 2)


# --- datelines: the day of writing ---------------------------------------------------------

@pytest.mark.parametrize("lang,text,span", [
    ("es", "MONTEVIDEO, 25 nov (EFE).- El candidato opositor celebró su triunfo.", "25 nov"),
    ("es", "Asunción, 3 de mayo de 2023 - El conteo terminó anoche.", "3 de mayo de 2023"),
    ("fr", "Dakar, 25 mars (APS) - Le candidat a remercié ses électeurs.", "25 mars"),
    ("fr", "Paris, 8 mai, AFP\n\nLe président a parlé.", "8 mai"),
    ("en", "WASHINGTON, March 3 (Reuters) - The senator said on Tuesday.", "March 3"),
    ("en", "10:15 | Nairobi, Aug. 9.\n\nThe commission will publish results.", "Aug. 9"),
])
def test_a_dateline_is_the_day_of_writing(lang, text, span):
    m = find_dates(text, lang)[0]
    assert (m.text, m.direction) == (span, "this")


@pytest.mark.parametrize("lang,text", [
    ("es", "En Quito, 14 de abril, los votantes esperaban."),
    ("fr", "Le vote, 14 avril, reste dans les mémoires."),
    ("en", "The rally, March 3, drew thousands."),
])
def test_a_date_in_a_sentence_is_no_dateline(lang, text):
    assert find_dates(text, lang)[0].direction is None


# --- English possessive weekdays -----------------------------------------------------------------

def test_possessive_weekday_is_a_date():
    assert spans("Results of Sunday's runoff came late.", "en") == [("Sunday", "XXXX-WXX-7")]
    assert spans("after Monday's announcement", "en") == [("Monday", "XXXX-WXX-1")]


# --- a day without its year lies within half a year --------------------------------------------

def test_a_bare_day_is_not_taken_most_of_a_year_away_by_the_verb():
    september = dt.date(2024, 9, 21)
    # "the body has yet to publish the results of the July 28 vote": the verb looks ahead
    assert resolve_mention("XXXX-07-28", september, None, "future") == ("2024-07-28", "anchored")
    # within half a year the verb still decides
    assert resolve_mention("XXXX-01-15", september, None, "future") == ("2025-01-15", "anchored")
    # and words are never overruled ("el próximo 28 de julio")
    assert resolve_mention("XXXX-07-28", september, "future", "future") == ("2025-07-28", "anchored")


# --- counts of years ago measure time, they do not date an event -------------------------------

@pytest.mark.parametrize("lang,text,measures", [
    ("en", "The charter was imposed 35 years ago.", True),
    ("en", "Elections will be held in six months.", True),
    ("fr", "Il avait perdu il y a cinq ans.", True),
    ("es", "Se fundó hace doce años.", True),
    ("es", "La votación fue hace tres días.", False),
    ("fr", "L'an dernier, il a perdu.", False),
    ("en", "Turnout fell last year.", False),
    ("es", "El año pasado ganó.", False),
])
def test_counted_years_and_months_measure_time(lang, text, measures):
    assert measures_time(one(text, lang), lang) is measures


# --- the whole chain: extracted facts never carry a reference expression -----------------------

def test_extracted_values_are_calendar_values_or_x_forms(tmp_path):
    import kastfacts

    (tmp_path / "a.txt").write_text("Ayer el tribunal confirmó el resultado. El año pasado hubo "
                                    "otra elección, y el presidente de entonces gobernó de 2014 "
                                    "a 2018. La próxima semana asumirá el ganador.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hier, le tribunal a confirmé le résultat, il y a quatre ans "
                                    "la participation était plus faible.", encoding="utf-8")
    facts = [f for f in kastfacts.extract([str(tmp_path)]) if f.kind == "date"]
    assert facts
    for f in facts:
        assert not str(f.value).startswith(("REF", "PRESENT")), f
    assert {f.text: f.value for f in facts}["2014 a 2018"] == "2014/2018"
    assert not any("quatre ans" in f.text for f in facts)
    assert json.loads(json.dumps([f.to_dict() for f in facts]))
