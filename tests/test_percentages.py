"""find_percentages: values, decimals, units, exact spans and ranges in fr/es/en."""
import pytest

from kastfacts.percentages import PercentMention, find_percentages

NBSP, NNBSP = "\u00a0", "\u202f"


def one(text, lang):
    found = find_percentages(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


# (sentence, expected text, value, decimals, unit)
FR = [
    ("Kast a remporté l'élection avec 58,1% des voix.", "58,1%", 58.1, 1, "percent"),
    (f"Il a obtenu 58,1{NBSP}% des suffrages exprimés.", f"58,1{NBSP}%", 58.1, 1, "percent"),
    (f"Il a obtenu 58,10{NNBSP}% des suffrages.", f"58,10{NNBSP}%", 58.1, 2, "percent"),
    ("La candidate recueille 41,8 % des voix.", "41,8 %", 41.8, 1, "percent"),
    ("Le chiffre atteint 58.2% selon le Servel.", "58.2%", 58.2, 1, "percent"),
    ("La croissance a été de +3,5 % sur l'année.", "+3,5 %", 3.5, 1, "percent"),
    ("Le PIB a reculé de -2,1 % au troisième trimestre.", "-2,1 %", -2.1, 1, "percent"),
    ("Il a obtenu 58,1 pour cent des voix.", "58,1 pour cent", 58.1, 1, "percent"),
    ("La mesure est approuvée par cinquante pour cent des sondés.", "cinquante pour cent", 50.0, 0, "percent"),
    ("Près de vingt-trois pour cent des électeurs se sont abstenus.", "vingt-trois pour cent", 23.0, 0, "percent"),
    ("Soixante-dix pour cent des Chiliens ont voté.", "Soixante-dix pour cent", 70.0, 0, "percent"),
    ("Quatre-vingt-dix pour cent des bureaux ont été dépouillés.", "Quatre-vingt-dix pour cent", 90.0, 0, "percent"),
    ("Soixante et onze pour cent des votants l'ont soutenu.", "Soixante et onze pour cent", 71.0, 0, "percent"),
    ("Le taux atteint 12 pourcent cette année.", "12 pourcent", 12.0, 0, "percent"),
    ("Kast a perdu 3 points de pourcentage dans le dernier sondage.", "3 points de pourcentage", 3.0, 0, "points"),
    ("Sa cote de popularité a gagné 0,6 point dans le sondage Ifop.", "0,6 point", 0.6, 1, "points"),
    ("Son avance dans les intentions de vote est de 5 points.", "5 points", 5.0, 0, "points"),
    ("La participation a baissé d'un demi-point de pourcentage.", "un demi-point de pourcentage", 0.5, 0, "points"),
    ("Le chômage est passé à 8,7 p. 100 de la population active.", "8,7 p. 100", 8.7, 1, "percent"),
]
ES = [
    ("Kast obtuvo el 58,1 % de los votos.", "58,1 %", 58.1, 1, "percent"),
    ("Jara logró un 41,8% de los sufragios.", "41,8%", 41.8, 1, "percent"),
    (f"Con el 58,2{NBSP}% de los votos ganó la segunda vuelta.", f"58,2{NBSP}%", 58.2, 1, "percent"),
    ("La inflación llegó al 58.2% interanual.", "58.2%", 58.2, 1, "percent"),
    ("Kast obtuvo el 58,1 por ciento de los votos.", "58,1 por ciento", 58.1, 1, "percent"),
    ("El cincuenta por ciento de los encuestados lo aprueba.", "cincuenta por ciento", 50.0, 0, "percent"),
    ("Un veintitrés por ciento de los votantes no fue a votar.", "veintitrés por ciento", 23.0, 0, "percent"),
    ("El noventa y nueve por ciento de las mesas fue escrutado.", "noventa y nueve por ciento", 99.0, 0, "percent"),
    ("La deuda creció un 1.234,5 % en diez años.", "1.234,5 %", 1234.5, 1, "percent"),
    ("La bolsa cayó un -3,25 % este lunes.", "-3,25 %", -3.25, 2, "percent"),
    ("La brecha se redujo en 5 puntos porcentuales.", "5 puntos porcentuales", 5.0, 0, "points"),
    ("En la encuesta Cadem, Kast aventaja a Jara por 5 puntos.", "5 puntos", 5.0, 0, "points"),
    ("La aprobación del gobierno subió 0,6 puntos.", "0,6 puntos", 0.6, 1, "points"),
    ("La participación subió medio punto porcentual.", "medio punto porcentual", 0.5, 0, "points"),
    ("Solo el siete con cincuenta por ciento votó nulo.", "siete con cincuenta por ciento", 7.5, 2, "percent"),
    ("El 100 por cien de los votos ya está contado.", "100 por cien", 100.0, 0, "percent"),
]
EN = [
    ("Kast won the runoff with 58.2% of the votes.", "58.2%", 58.2, 1, "percent"),
    ("Kast won the runoff with 58.1 percent of the vote.", "58.1 percent", 58.1, 1, "percent"),
    ("Jara took 41.8 per cent of the vote.", "41.8 per cent", 41.8, 1, "percent"),
    ("In the English edition the figure was 58,1%.", "58,1%", 58.1, 1, "percent"),
    ("Fifty percent of voters backed the proposal.", "Fifty percent", 50.0, 0, "percent"),
    ("Some twenty-three percent stayed home.", "twenty-three percent", 23.0, 0, "percent"),
    ("Turnout rose to 85.10% this year.", "85.10%", 85.1, 2, "percent"),
    ("Prices were up 1,234% over a decade.", "1,234%", 1234.0, 0, "percent"),
    ("The index gained +3.5% on Monday.", "+3.5%", 3.5, 1, "percent"),
    ("Output shrank by minus five percent.", "minus five percent", -5.0, 0, "percent"),
    ("Support stood at 12 pct in the survey.", "12 pct", 12.0, 0, "percent"),
    ("Her lead narrowed by 3.5 percentage points.", "3.5 percentage points", 3.5, 1, "points"),
    ("Kast's lead in the poll grew by 0.6 points.", "0.6 points", 0.6, 1, "points"),
    ("Turnout fell by half a percentage point.", "half a percentage point", 0.5, 0, "points"),
    ("One hundred and five percent is not possible.", "One hundred and five percent", 105.0, 0, "percent"),
    ("Growth was five point two five percent.", "five point two five percent", 5.25, 2, "percent"),
]


@pytest.mark.parametrize("lang,cases", [("fr", FR), ("es", ES), ("en", EN)])
def test_phrasings(lang, cases):
    for text, want_text, value, decimals, unit in cases:
        m = one(text, lang)
        assert (m.text, m.value, m.decimals, m.unit) == (want_text, pytest.approx(value), decimals, unit), text
        assert m.low is None and m.high is None


@pytest.mark.parametrize("lang,text,want_text,low,high", [
    ("fr", "Le sondage lui donne entre 58 et 60 % des voix.", "58 et 60 %", 58.0, 60.0),
    ("fr", "La fourchette est de 58,3-60,7 % selon l'institut.", "58,3-60,7 %", 58.3, 60.7),
    ("fr", "Il obtiendrait 40 à 45 % des voix.", "40 à 45 %", 40.0, 45.0),
    ("es", "Obtendría entre el 40 y el 45 % de los votos.", "40 y el 45 %", 40.0, 45.0),
    ("es", "Las encuestas le dan 38-42 % al oficialismo.", "38-42 %", 38.0, 42.0),
    ("en", "Between 40% and 45% of voters back him.", "40% and 45%", 40.0, 45.0),
    ("en", "He would win 40 to 45 percent of the vote.", "40 to 45 percent", 40.0, 45.0),
    ("en", "Polls give him 40-45% of the vote.", "40-45%", 40.0, 45.0),
])
def test_ranges(lang, text, want_text, low, high):
    m = one(text, lang)
    assert m.text == want_text
    assert (m.value, m.low, m.high) == (pytest.approx(low), pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le score est de 58,1 selon les premiers résultats."),
    ("fr", "Le COVID-19 a frappé le pays pendant 100 jours."),
    ("fr", "Le sommet du G20 s'ouvre à Rio, appelez le 01 23 45 67 89."),
    ("fr", "Le CAC 40 a perdu 50 points vendredi."),
    ("fr", "Elle a obtenu 1,5 million de voix au premier tour."),
    ("es", "Obtuvo 1,5 millones de votos en 2021."),
    ("es", "El Real Madrid ganó por 3 puntos al Barcelona en la liga."),
    ("es", "Llame al +56 2 2345 6789 para más detalles."),
    ("es", "El porcentaje de 2024 aún no se conoce."),
    ("en", "The Lakers won by 5 points on Sunday."),
    ("en", "His first 100 days in office were eventful."),
    ("en", "The COVID-19 pandemic and the G20 summit; call 555-1234."),
    ("en", "The percentage of 18-year-olds voting was unknown."),
    ("en", "See https://www.test.com/search?q=30%25%2020% for more."),
    ("en", "The Dow rose 300 points after the vote."),
])
def test_not_percentages(lang, text):
    assert find_percentages(text, lang) == []


@pytest.mark.parametrize("lang,text,want", [
    ("fr", "Kast a remporté 58,1% des voix, contre 41,8% pour Jeannette Jara.", ["58,1%", "41,8%"]),
    ("es", "Kast 58,2 %; Jara 41,8 %; nulos 2,3 %.", ["58,2 %", "41,8 %", "2,3 %"]),
    ("en", "From 40% to 45%: a change, not a range.", ["40%", "45%"]),
    ("es", "Pasó de 40 a 45 % en un año.", ["45 %"]),
])
def test_several_sorted_non_overlapping(lang, text, want):
    found = find_percentages(text, lang)
    assert [m.text for m in found] == want
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_number_words_compose_in_spanish():
    text = "ciento treinta y dos cincoavos por ciento y tres quintos por ciento"
    assert [round(m.value, 6) for m in find_percentages(text, "es")] == [26.4, 0.6]


def test_mention_is_frozen_dataclass():
    m = one("Con el 58 %.", "es")
    assert isinstance(m, PercentMention)
    with pytest.raises(Exception):
        m.value = 1.0


@pytest.mark.parametrize("text,lang,want", [
    ("Quiroga ganó la elección por 15 puntos. \"El partido no terminó\", dijo Ilabaca.", "es", 15),
    ("El partido de Quiroga ganó la elección por 12 puntos.", "es", 12),
    ("Quiroga remporte l'élection de 15 points. « Le match n'est pas fini », a dit Ilabaca.", "fr", 15),
    ("Quiroga won the vote by 15 points. \"The game is not over,\" Ilabaca said.", "en", 15),
])
def test_points_of_a_vote_are_not_a_games_for_a_word_in_the_next_sentence_or_for_partido(text, lang, want):
    """A quotation opens another sentence; "partido" is a party in a sentence about a vote."""
    assert one(text, lang).value == want


@pytest.mark.parametrize("text,lang,low,high", [
    ("Selon les sondages, le non devançait le oui d'entre cinq et huit points.", "fr", 5, 8),
    ("Según las encuestas, el No aventajaba al Sí por entre cinco y ocho puntos.", "es", 5, 8),
    ("The polls had the No side ahead by between five and eight points.", "en", 5, 8),
])
def test_a_range_in_words_is_one_mention_and_no_sum(text, lang, low, high):
    m = one(text, lang)
    assert (m.low, m.high) == (low, high)


@pytest.mark.parametrize("text,lang,want", [
    ("vingt et un pour cent", "fr", 21), ("treinta y cinco por ciento", "es", 35),
    ("one hundred and five percent", "en", 105),
])
def test_tens_and_units_joined_are_still_one_number(text, lang, want):
    assert one(text, lang).value == want


@pytest.mark.parametrize("text,want", [
    ("Reform UK came third on 14.3pc, Labour on 33.7pc.", [("14.3pc", 14.3), ("33.7pc", 33.7)]),
    ("He bought 2 PCs and a 5 PC licence.", []),
    ("The PC won 5 seats.", []),
])
def test_british_pc_glued_to_its_number(text, want):
    assert [(m.text, m.value) for m in find_percentages(text, "en")] == want
