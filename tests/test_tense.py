"""kastfacts.tense.lexical_tense: the tense governing a date from the words alone (no parse)."""
import pytest

from kastfacts.tense import lexical_tense


def tense(lang, sentence, date_text):
    start = sentence.index(date_text)
    return lexical_tense(sentence, lang, start, start + len(date_text))


FR = [
    # futur simple (regular, irregular, reflexive)
    ("Le président élu se rendra lundi en Équateur pour rencontrer Daniel Noboa.", "lundi", "future"),
    ("Kast et Noboa se rencontreront mardi à Quito pour aborder la crise migratoire.", "mardi", "future"),
    ("La cérémonie d'investiture aura lieu le 11 mars.", "11 mars", "future"),
    ("Kast sera reçu mardi par le président Noboa.", "mardi", "future"),
    ("La délégation chilienne tiendra des réunions le 23 décembre.", "23 décembre", "future"),
    ("Le président viendra à Lima le 5 janvier.", "5 janvier", "future"),
    ("Le ministre ira à Bruxelles en février.", "février", "future"),
    # futur proche, conditional, plans (infinitive after a future/plan verb)
    ("Kast va se rendre à Lima le 5 janvier.", "5 janvier", "future"),
    ("Le président chilien devrait se rendre au Pérou en janvier.", "janvier", "future"),
    ("Kast envisage de se rendre au Pérou en janvier pour rencontrer le président José Jeri.", "janvier", "future"),
    ("Les deux dirigeants pourraient se retrouver le 3 mars à Brasilia.", "3 mars", "future"),
    ("Le sommet est prévu le 5 janvier à Lima.", "5 janvier", "future"),
    # passé composé (avoir, être, reflexive), plus-que-parfait, passé simple, imparfait, venir de
    ("Mardi dernier, il s'est rendu en Argentine, où il a rencontré le président Javier Milei.", "Mardi dernier", "past"),
    ("Le Bureau du président élu a rapporté ce dimanche que Kast et Noboa se rencontreront à Quito.", "ce dimanche", "past"),
    ("Il a été déclaré vainqueur des élections présidentielles du 14 décembre.", "14 décembre", "past"),
    ("Kast s'est entretenu lundi avec l'ancienne présidente Michelle Bachelet.", "lundi", "past"),
    ("Le candidat avait remporté le premier tour le 16 novembre.", "16 novembre", "past"),
    ("Le président chilien arriva à Quito le 22 décembre 2025.", "22 décembre 2025", "past"),
    ("Les électeurs étaient appelés aux urnes le 14 décembre.", "14 décembre", "past"),
    ("Il vient de rencontrer Milei mardi.", "mardi", "past"),
    ("Selon la presse, Kast aurait rencontré Milei le 16 décembre.", "16 décembre", "past"),
    ("Le président est arrivé à Quito le 22 décembre.", "22 décembre", "past"),
    # a reflexive passé composé whose participle is also a noun ("tenue", "vue")
    ("Il a gagné l'élection qui s'est tenue dimanche dans tout le pays.", "dimanche", "past"),
    ("La rencontre s'est tenue mardi à huis clos.", "mardi", "past"),
    # present
    ("Kast rencontre aujourd'hui le président Noboa à Quito.", "aujourd'hui", "present"),
    ("Le futur président se rend aujourd'hui à Quito.", "aujourd'hui", "present"),
    # date before its verb, multi-clause sentences
    ("Le 14 décembre, les Chiliens ont élu José Antonio Kast.", "Le 14 décembre", "past"),
    ("Le président, qui lors du plébiscite de 1988 a fait campagne pour Pinochet, deviendra le premier dirigeant.", "1988", "past"),
    ("Kast a déclaré qu'il se rendra au Pérou en janvier.", "janvier", "future"),
    ("Il a rencontré Milei le 16 décembre et se rendra à Lima en janvier.", "16 décembre", "past"),
    ("Il a rencontré Milei le 16 décembre et se rendra à Lima en janvier.", "janvier", "future"),
    # no verb
    ("Lundi 22 décembre.", "Lundi 22 décembre", None),
]

ES = [
    # futuro, conditional, periphrastic, plans
    ("El presidente electo viajará a Lima el 5 de enero.", "5 de enero", "future"),
    ("Kast asumirá la presidencia el 11 de marzo.", "11 de marzo", "future"),
    ("El encuentro se celebrará el martes 23 de diciembre en Quito.", "martes 23 de diciembre", "future"),
    ("Kast va a viajar a Quito el martes.", "el martes", "future"),
    ("Kast viajaría a Lima el lunes, según fuentes cercanas.", "el lunes", "future"),
    ("Kast planea visitar Lima el 5 de enero.", "5 de enero", "future"),
    ("Kast tiene previsto viajar a Perú en enero.", "enero", "future"),
    ("Kast dijo que viajará a Perú en enero.", "enero", "future"),
    ("Los presidentes podrán reunirse el 3 de marzo en Brasilia.", "3 de marzo", "future"),
    # pretérito, perfecto, pluscuamperfecto, imperfecto, acabar de
    ("Kast se reunió el lunes con Noboa en el Palacio de Carondelet.", "el lunes", "past"),
    ("Kast ha visitado Buenos Aires el 16 de diciembre.", "16 de diciembre", "past"),
    ("Kast fue elegido presidente el 14 de diciembre.", "14 de diciembre", "past"),
    ("El domingo pasado, los chilenos eligieron a Kast como presidente.", "El domingo pasado", "past"),
    ("El presidente electo había anunciado el viernes su viaje a Ecuador.", "el viernes", "past"),
    ("La segunda vuelta se realizó el 14 de diciembre.", "14 de diciembre", "past"),
    ("Kast acaba de llegar a Quito este lunes.", "este lunes", "past"),
    ("En 1988, Kast hizo campaña por el Sí.", "1988", "past"),
    ("El lunes, Kast se reunió con Michelle Bachelet en Santiago.", "El lunes", "past"),
    ("Los manifestantes marchaban el jueves por la Alameda.", "el jueves", "past"),
    ("Kast, que ganó la elección del 14 de diciembre, viajará a Quito.", "14 de diciembre", "past"),
    # present
    ("Kast está hoy en Quito con el presidente Noboa.", "hoy", "present"),
    ("Kast viaja hoy a Quito para reunirse con Noboa.", "hoy", "present"),
    ("Su próxima visita es el 5 de enero en Lima.", "5 de enero", "future"),
    # no verb
    ("Lunes 22 de diciembre.", "Lunes 22 de diciembre", None),
]

EN = [
    # future: will/'ll/shall, going to, is to, plans to, scheduled, expected
    ("In Quito, he will meet Daniel Noboa on Tuesday to address the migration crisis.", "Tuesday", "future"),
    ("He'll meet Noboa on Tuesday in Quito.", "Tuesday", "future"),
    ("The cabinet will be unveiled on January 20.", "January 20", "future"),
    ("Kast is going to travel to Lima on January 5.", "January 5", "future"),
    ("Kast plans to visit Peru in January.", "January", "future"),
    ("Kast is to meet Noboa on Tuesday.", "Tuesday", "future"),
    ("The inauguration is scheduled for March 11.", "March 11", "future"),
    ("Kast is expected to arrive in Quito on Tuesday.", "Tuesday", "future"),
    ("Kast said he would travel to Peru in January.", "January", "future"),
    ("Details of the Ecuadorian trip will be revealed in a Canal 13 interview with Kast tonight.", "tonight", "future"),
    # past: irregular and -ed past, perfects
    ("President-elect José Antonio Kast met with former President Michelle Bachelet in Santiago on Monday.", "Monday", "past"),
    ("On December 16, he had visited Buenos Aires to meet President Javier Milei.", "December 16", "past"),
    ("Kast was elected president on December 14.", "December 14", "past"),
    ("Kast campaigned for Pinochet in 1988.", "1988", "past"),
    ("Kast has met Bachelet on Monday.", "Monday", "past"),
    ("The runoff held on December 14 gave Kast 58.2% of the votes.", "December 14", "past"),
    ("Kast said on Friday that he will visit Peru.", "Friday", "past"),
    ("José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% of the "
     "votes, began an intense agenda on Monday.", "December 14", "past"),
    ("This marks his second dialogue with a Chilean ex-head of state, following his meeting with "
     "Eduardo Frei Ruiz-Tagle last Friday.", "last Friday", "past"),
    # present
    ("Kast meets Bachelet today in Santiago.", "today", "present"),
    ("The future president travels to Quito today.", "today", "present"),
    # upcoming subject with a light verb
    ("Future trips include Peru in January to meet José Jerí.", "January", "future"),
    ("His upcoming visit to Lima is on January 5.", "January 5", "future"),
    # multi-clause, two dates, two tenses
    ("Kast met Bachelet on Monday and will meet Noboa on Tuesday.", "Monday", "past"),
    ("Kast met Bachelet on Monday and will meet Noboa on Tuesday.", "Tuesday", "future"),
    # a date in a noun phrase aimed ahead: no past
    ("He invited Salvadoran President Nayib Bukele to his March 11 inauguration.", "March 11", None),
    # no verb
    ("Monday, December 22.", "Monday, December 22", None),
]


@pytest.mark.parametrize("sentence,date_text,expected", FR)
def test_lexical_tense_fr(sentence, date_text, expected):
    assert tense("fr", sentence, date_text) == expected


@pytest.mark.parametrize("sentence,date_text,expected", ES)
def test_lexical_tense_es(sentence, date_text, expected):
    assert tense("es", sentence, date_text) == expected


@pytest.mark.parametrize("sentence,date_text,expected", EN)
def test_lexical_tense_en(sentence, date_text, expected):
    assert tense("en", sentence, date_text) == expected


def test_present_or_future_plans_are_never_past():
    s = ("Future trips include Peru in January to meet José Jerí, and possible visits to the United "
         "States and Spain before March 11.")
    assert tense("en", s, "March 11") in ("present", "future")
    s = ("President-elect José Antonio Kast is advancing preparations to unveil his cabinet on "
         "Tuesday, January 20, with uncertainties in key portfolios.")
    assert tense("en", s, "Tuesday, January 20") in ("present", "future")


def test_bad_input_is_none():
    assert lexical_tense("Il partira lundi.", "fr", 50, 60) is None
    assert lexical_tense("Il partira lundi.", "de", 11, 16) is None
    assert lexical_tense("", "en", 0, 0) is None


def test_same_answer_twice_and_per_date():
    s = "Kast met Bachelet on Monday and will meet Noboa on Tuesday."
    assert [tense("en", s, "Monday"), tense("en", s, "Tuesday")] * 2 == \
        [tense("en", s, "Monday"), tense("en", s, "Tuesday"), "past", "future"]


@pytest.mark.parametrize("lang,sentence,date", [
    ("fr", "Le candidat a largement remporté dimanche le second tour.", "dimanche"),
    ("es", "El candidato había derrotado holgadamente el domingo a su rival.", "domingo"),
    ("en", "The challenger has narrowly won on Sunday.", "Sunday"),
])
def test_a_manner_adverb_between_auxiliary_and_participle_keeps_the_past(lang, sentence, date):
    assert tense(lang, sentence, date) == "past"
