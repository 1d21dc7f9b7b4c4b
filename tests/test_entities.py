"""Typing model NER spans with knowledge, and resolving mentions across documents (hand-given spans)."""
import random
import re

import pytest

from kastfacts.entities import Mention, Resolver, looks_like_demonym, type_entities


def spans(text, *marks):
    """[(surface, label), ...] -> model spans at the first occurrence after the previous one."""
    out, pos = [], 0
    for surface, label in marks:
        start = text.index(surface, pos)
        out.append((start, start + len(surface), label))
        pos = start + 1
    return out


def typed(text, lang, *marks, blocks=None):
    mentions = type_entities(text, lang, spans(text, *marks), blocks)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    return [(m.text, m.kind, m.value) for m in mentions]


# --------------------------------------------------------------------------- French

FRENCH = [
    ("Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur.",
     [("Chili", "LOC"), ("José Antonio Kast", "PER"), ("Équateur", "LOC")],
     [("Chili", "place", "Chile"), ("José Antonio Kast", "person", "José Antonio Kast"),
      ("Équateur", "place", "Ecuador")]),
    ("José Antonio Kast a vu Daniel Noboa. Kast et Noboa se rencontreront mardi à Quito.",
     [("José Antonio Kast", "PER"), ("Daniel Noboa", "PER"), ("Kast", "LOC"), ("Noboa", "LOC"), ("Quito", "LOC")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Daniel Noboa", "person", "Daniel Noboa"),
      ("Kast", "person", "Kast"), ("Noboa", "person", "Noboa"), ("Quito", "place", "Quito")]),
    ("Il a rencontré le président Javier Milei en Argentine.",
     [("président Javier Milei", "PER"), ("Argentine", "LOC")],
     [("Javier Milei", "person", "Javier Milei"), ("Argentine", "place", "Argentina")]),
    ("Ces propositions l'ont aligné sur la droite radicale en Amérique latine.",
     [("Amérique", "LOC")],
     [("Amérique latine", "place", "Latin America")]),
    ("Ce déplacement en Equateur est le deuxième du président élu chilien.",
     [("Equateur", "ORG"), ("chilien", "MISC")],
     [("Equateur", "place", "Ecuador")]),
    ("Il deviendra le premier dirigeant à rejoindre La Moneda depuis le retour du Chili à la démocratie.",
     [("La Moneda", "PER"), ("Chili", "LOC")],
     [("La Moneda", "place", "La Moneda"), ("Chili", "place", "Chile")]),
    ("La délégation chilienne tiendra des réunions avec les autorités équatoriennes.",
     [("La délégation chilienne", "MISC")], []),
    ("Selon Emmanuel Macron, la France soutient l'accord. Macron l'a dit à Paris.",
     [("Selon Emmanuel Macron", "PER"), ("France", "LOC"), ("Macron", "LOC"), ("Paris", "LOC")],
     [("Emmanuel Macron", "person", "Emmanuel Macron"), ("France", "place", "France"),
      ("Macron", "person", "Macron"), ("Paris", "place", "Paris")]),
    ("Le général Augusto Pinochet a gouverné le Chili.",
     [("général Augusto Pinochet", "PER"), ("Chili", "LOC")],
     [("Augusto Pinochet", "person", "Augusto Pinochet"), ("Chili", "place", "Chile")]),
    ("Le Bureau du Président élu (OPE) a rapporté que l'OPE publiera un communiqué.",
     [("Bureau du Président", "ORG"), ("OPE", "MISC"), ("OPE", "MISC")],
     [("Bureau du Président", "organization", "Bureau du Président"), ("OPE", "organization", "Bureau du Président"),
      ("OPE", "organization", "Bureau du Président")]),
    ("Marine Le Pen a critiqué les États-Unis.",
     [("Marine Le Pen", "PER"), ("États-Unis", "LOC")],
     [("Marine Le Pen", "person", "Marine Le Pen"), ("États-Unis", "place", "United States")]),
    ("Kast envisage de se rendre au Pérou pour rencontrer le président José Jeri.",
     [("Kast", "PER"), ("Pérou", "LOC"), ("président José Jeri", "PER")],
     [("Kast", "person", "Kast"), ("Pérou", "place", "Peru"), ("José Jeri", "person", "José Jeri")]),
    ("Les Chiliens ont voté. Les Équatoriens aussi, dit @Kast sur https://x.com.",
     [("Chiliens", "LOC"), ("Équatoriens", "MISC"), ("@Kast", "PER"), ("https://x.com", "ORG")], []),
    ("La crise touche les pays du Cône Sud et la région andine, dit l'ancien président Sebastián Piñera.",
     [("Cône Sud", "LOC"), ("ancien président Sebastián Piñera", "PER")],
     [("Cône Sud", "place", "Southern Cone"), ("région andine", "place", "Andean region"),
      ("Sebastián Piñera", "person", "Sebastián Piñera")]),
    ("Le Parti socialiste (PS) et La France insoumise ont voté contre.",
     [("Parti socialiste", "ORG"), ("La France insoumise", "ORG")],
     [("Parti socialiste", "organization", "Parti socialiste"), ("PS", "organization", "Parti socialiste"),
      ("La France insoumise", "organization", "La France insoumise")]),
]


@pytest.mark.parametrize("text,marks,expected", FRENCH)
def test_french(text, marks, expected):
    assert typed(text, "fr", *marks) == expected


# --------------------------------------------------------------------------- Spanish

SPANISH = [
    ("La reunión entre José Antonio Kast y el presidente de Ecuador, Daniel Noboa, fue en el Palacio de Carondelet.",
     [("José Antonio Kast", "PER"), ("Ecuador", "LOC"), ("Daniel Noboa", "PER"), ("Palacio de Carondelet", "LOC")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Ecuador", "place", "Ecuador"),
      ("Daniel Noboa", "person", "Daniel Noboa"), ("Palacio de Carondelet", "place", "Palacio de Carondelet")]),
    ("José Antonio Kast ganó. A poco más de una semana, Kast eligió priorizar el vínculo que buscará.",
     [("José Antonio Kast", "PER"), ("A poco más", "MISC"), ("Kast eligió", "MISC"), ("buscará", "PER")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Kast", "person", "Kast")]),
    ("La seguridad ocupó un lugar central. La presencia de ministros ecuatorianos fue notable.",
     [("La seguridad", "MISC"), ("La presencia de ministros ecuatorianos", "MISC")], []),
    ("José Antonio Kast llegó. Para Kast, este enfoque refuerza sus promesas. Kast aún no asume.",
     [("José Antonio Kast", "PER"), ("Para Kast", "MISC"), ("Kast aún", "MISC")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Kast", "person", "Kast"), ("Kast", "person", "Kast")]),
    ("Daniel Noboa recibió a Kast. El encuentro con Noboa consolida a Kast como una figura regional.",
     [("Daniel Noboa", "PER"), ("Noboa", "ORG"), ("Kast", "MISC")],
     [("Daniel Noboa", "person", "Daniel Noboa"), ("Noboa", "person", "Noboa")]),
    ("Ecuador se ha convertido en un laboratorio para recuperar la capacidad de los Estados y del Estado.",
     [("Ecuador", "LOC"), ("los Estados", "LOC"), ("Estado", "LOC")],
     [("Ecuador", "place", "Ecuador")]),
    ("El presidente electo busca posicionar a Chile frente a los desafíos de América Latina.",
     [("Chile", "LOC"), ("América Latina", "LOC")],
     [("Chile", "place", "Chile"), ("América Latina", "place", "Latin America")]),
    ("Lejos de esperar la ceremonia de asunción, el mandatario viajará a EE.UU. y a España.",
     [("Lejos de esperar la ceremonia de asunción", "MISC"), ("EE.UU.", "LOC"), ("España", "LOC")],
     [("EE.UU.", "place", "United States"), ("España", "place", "Spain")]),
    ("El exmandatario Eduardo Frei Ruiz-Tagle se reunió con la expresidenta Michelle Bachelet en Santiago.",
     [("Eduardo", "ORG"), ("Michelle Bachelet", "PER"), ("Santiago", "PER")],
     [("Eduardo Frei Ruiz-Tagle", "person", "Eduardo Frei Ruiz-Tagle"),
      ("Michelle Bachelet", "person", "Michelle Bachelet"), ("Santiago", "place", "Santiago")]),
    ("El Frente Amplio (FA) y el Partido Comunista (PC) no asistieron. El FA lo explicó.",
     [("Frente Amplio", "PER"), ("Partido Comunista", "ORG")],
     [("Frente Amplio", "organization", "Frente Amplio"), ("FA", "organization", "Frente Amplio"),
      ("Partido Comunista", "organization", "Partido Comunista"), ("PC", "organization", "Partido Comunista"),
      ("FA", "organization", "Frente Amplio")]),
    ("Según el senador Cristián Valenzuela, Valenzuela no viajará a Buenos Aires.",
     [("senador Cristián Valenzuela", "PER"), ("Valenzuela", "LOC"), ("Buenos Aires", "PER")],
     [("Cristián Valenzuela", "person", "Cristián Valenzuela"), ("Valenzuela", "person", "Valenzuela"),
      ("Buenos Aires", "place", "Buenos Aires")]),
    ("Los ecuatorianos y los chilenos celebran en Guayaquil.",
     [("ecuatorianos", "MISC"), ("Guayaquil", "LOC")],
     [("Guayaquil", "place", "Guayaquil")]),
    ("Santiago Peña y Gustavo Petro hablaron con el mandatario en la Casa Rosada.",
     [("Santiago Peña", "PER"), ("Gustavo Petro", "PER"), ("Casa Rosada", "LOC")],
     [("Santiago Peña", "person", "Santiago Peña"), ("Gustavo Petro", "person", "Gustavo Petro"),
      ("Casa Rosada", "place", "Casa Rosada")]),
    ("Kast viajó a Lima y a Quito, en la región andina.",
     [("Kast", "PER"), ("Lima", "PER")],
     [("Kast", "person", "Kast"), ("Lima", "place", "Lima"), ("Quito", "place", "Quito"),
      ("región andina", "place", "Andean region")]),
]


@pytest.mark.parametrize("text,marks,expected", SPANISH)
def test_spanish(text, marks, expected):
    assert typed(text, "es", *marks) == expected


# --------------------------------------------------------------------------- English

ENGLISH = [
    ("President-elect José Antonio Kast met former President Michelle Bachelet in Santiago on Monday.",
     [("José Antonio Kast", "PERSON"), ("Michelle Bachelet", "PERSON"), ("Santiago", "GPE"), ("Monday", "DATE")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Michelle Bachelet", "person", "Michelle Bachelet"),
      ("Santiago", "place", "Santiago")]),
    ("Michelle Bachelet spoke. Kast sought Bachelet's advice in her Santiago office.",
     [("Michelle Bachelet", "PERSON"), ("Kast", "ORG"), ("Bachelet", "ORG"), ("Santiago", "ORG")],
     [("Michelle Bachelet", "person", "Michelle Bachelet"), ("Kast", "organization", "Kast"),
      ("Bachelet", "person", "Bachelet"), ("Santiago", "place", "Santiago")]),
    ("On December 16, he had visited Buenos Aires to meet President Javier Milei.",
     [("Buenos Aires", "PERSON"), ("President Javier Milei", "PERSON")],
     [("Buenos Aires", "place", "Buenos Aires"), ("Javier Milei", "person", "Javier Milei")]),
    ("Kast is accompanied by possibly Arica Governor Diego Paco.",
     [("Arica Governor", "FAC"), ("Diego Paco", "PERSON")],
     [("Arica", "place", "Arica"), ("Diego Paco", "person", "Diego Paco")]),
    ("He may visit the United States and Spain before March, and the U.S. agrees.",
     [("the United States", "GPE"), ("Spain", "GPE"), ("U.S.", "GPE")],
     [("United States", "place", "United States"), ("Spain", "place", "Spain"), ("U.S.", "place", "United States")]),
    ("He invited El Salvador's Bukele. Salvadoran President Nayib Bukele accepted.",
     [("El Salvador's", "GPE"), ("Salvadoran", "NORP"), ("Nayib Bukele", "PERSON")],
     [("El Salvador", "place", "El Salvador"), ("Bukele", "person", "Bukele"),
      ("Nayib Bukele", "person", "Nayib Bukele")]),
    ("Following José Antonio Kast's invitation, the Communist Party (PC) and Broad Front (FA) were absent.",
     [("Following José Antonio Kast's", "PERSON"), ("the Communist Party", "ORG"), ("Broad Front", "PERSON")],
     [("José Antonio Kast", "person", "José Antonio Kast"), ("Communist Party", "organization", "Communist Party"),
      ("PC", "organization", "Communist Party"), ("Broad Front", "organization", "Broad Front"),
      ("FA", "organization", "Broad Front")]),
    ("Àwòrán tí AI ṣe. Chilean and Ecuadorian officials met in Quito.",
     [("Àwòrán", "PERSON"), ("AI", "GPE"), ("Chilean", "NORP"), ("Ecuadorian", "NORP"), ("Quito", "GPE")],
     [("Àwòrán", "person", "Àwòrán"), ("Quito", "place", "Quito")]),
    ("He traveled with his second trip abroad and 58.2% of the votes to the Middle East.",
     [("second", "ORDINAL"), ("58.2%", "PERCENT"), ("the Middle East", "LOC")],
     [("Middle East", "place", "Middle East")]),
    ("Donald Trump's actions in Venezuela drew criticism from Gabriel Boric.",
     [("Donald Trump's", "PERSON"), ("Venezuela", "GPE"), ("Gabriel Boric", "PERSON")],
     [("Donald Trump", "person", "Donald Trump"), ("Venezuela", "place", "Venezuela"),
      ("Gabriel Boric", "person", "Gabriel Boric")]),
    ("Eduardo Frei Ruiz-Tagle met him last Friday; Frei praised Chile.",
     [("Eduardo", "ORG"), ("Chile", "GPE")],
     [("Eduardo Frei Ruiz-Tagle", "person", "Eduardo Frei Ruiz-Tagle"), ("Frei", "person", "Frei"),
      ("Chile", "place", "Chile")]),
    ("He gave an interview to Canal 13 and to CNN in London.",
     [("Canal 13", "ORG"), ("CNN", "ORG"), ("London", "GPE")],
     [("Canal 13", "organization", "Canal 13"), ("CNN", "organization", "CNN"), ("London", "place", "London")]),
    ("Jordan Bardella and Paris Hilton were in Jordan.",
     [("Jordan Bardella", "PERSON"), ("Paris Hilton", "PERSON"), ("Jordan", "GPE")],
     [("Jordan Bardella", "person", "Jordan Bardella"), ("Paris Hilton", "person", "Paris Hilton"),
      ("Jordan", "place", "Jordan")]),
    ("BREAKING NEWS: K said X at www.example.com.",
     [("BREAKING NEWS", "ORG"), ("K", "PERSON"), ("X", "PERSON"), ("www.example.com", "ORG")], []),
]


@pytest.mark.parametrize("text,marks,expected", ENGLISH)
def test_english(text, marks, expected):
    assert typed(text, "en", *marks) == expected


def test_blocks_limit_what_is_kept():
    text = "Kast met Noboa in Quito.\nÀwòrán tí AI ṣe Chile\nBachelet was in Lima."
    first, last = text.split("\n")[0], text.split("\n")[2]
    blocks = [(0, len(first)), (len(text) - len(last), len(text))]
    got = typed(text, "en", ("Kast", "PERSON"), ("Noboa", "PERSON"), ("Quito", "GPE"), ("Àwòrán", "PERSON"),
                ("AI", "GPE"), ("Bachelet", "PERSON"), ("Lima", "GPE"), blocks=blocks)
    assert [t for t, _, _ in got] == ["Kast", "Noboa", "Quito", "Bachelet", "Lima"]


def test_non_entity_labels_are_ignored():
    text = "On Monday, 58.2% voted for the second time."
    assert typed(text, "en", ("Monday", "DATE"), ("58.2%", "PERCENT"), ("second", "ORDINAL")) == []


def test_place_mentions_carry_codes():
    text = "Kast viajó a Quito, en Ecuador."
    mentions = type_entities(text, "es", spans(text, ("Quito", "LOC"), ("Ecuador", "LOC")))
    quito, ecuador = mentions
    assert (quito.code, quito.place_type, quito.geonames_id) == ("EC", "city", 3652462)
    assert (ecuador.code, ecuador.place_type, ecuador.label) == ("EC", "country", "LOC")


def test_gazetteer_mentions_are_labelled():
    text = "Kast se rendra en Équateur."
    mentions = type_entities(text, "fr", [])
    assert [(m.text, m.label) for m in mentions] == [("Équateur", "GAZETTEER")]


@pytest.mark.parametrize("word,expected", [
    ("Chilean", True), ("chilien", True), ("ecuatoriano", True), ("Salvadoran", True), ("Équatoriens", True),
    ("Argentinos", True), ("peruana", True), ("Venezuelans", True), ("Kast", False), ("Quito", False),
    ("Noboa", False), ("Bachelet", False),
])
def test_demonyms(word, expected):
    assert looks_like_demonym(word) is expected


# --------------------------------------------------------------------------- Resolver

def mention(text, kind, value=None, label="PER", start=0, **extra):
    return Mention(start, start + len(text), text, kind, value or text, label, **extra)


CORPUS = [
    ("fr", mention("José Antonio Kast", "person", start=0)),
    ("fr", mention("Kast", "place", label="LOC", start=30)),
    ("fr", mention("Noboa", "place", label="LOC", start=40)),
    ("fr", mention("Daniel Noboa", "person", start=50)),
    ("fr", mention("José Jeri", "person", start=70)),
    ("es", mention("Kast", "person", label="MISC", start=5)),
    ("es", mention("Noboa", "organization", label="ORG", start=15)),
    ("en", mention("José Jerí", "person", start=0, label="PERSON")),
    ("en", mention("José Jerí", "person", start=100, label="PERSON")),
    ("en", mention("Kast", "organization", label="ORG", start=20)),
    ("en", mention("Michelle Bachelet", "person", start=40, label="PERSON")),
    ("en", mention("Bachelet", "organization", label="ORG", start=60)),
    ("en", mention("Communist Party", "organization", label="ORG", start=200)),
    ("en", mention("PC", "organization", "Communist Party", label="GAZETTEER", start=220)),
    ("es", mention("PC", "organization", label="ORG", start=300)),
    ("en", mention("Chile", "place", "Chile", label="GPE", start=300, code="CL", place_type="country",
                   geonames_id=3895114)),
    ("fr", mention("Chili", "place", "Chile", label="LOC", start=300, code="CL", place_type="country",
                   geonames_id=3895114)),
    ("en", mention("Santiago", "place", "Santiago", label="GPE", start=320, code="CL", place_type="city",
                   geonames_id=3871336)),
]


@pytest.fixture(scope="module")
def resolver():
    return Resolver(CORPUS)


def _res(resolver, doc, text, start):
    m = next(m for d, m in CORPUS if d == doc and m.text == text and m.start == start)
    return resolver.resolve(doc, m)


def test_surname_links_to_full_name_in_document(resolver):
    r = _res(resolver, "fr", "Kast", 30)
    assert (r.kind, r.value, r.entity) == ("person", "José Antonio Kast", "person:jose-antonio-kast")


def test_surname_links_across_documents(resolver):
    assert _res(resolver, "es", "Kast", 5).value == "José Antonio Kast"
    assert _res(resolver, "es", "Noboa", 15).value == "Daniel Noboa"
    assert _res(resolver, "es", "Noboa", 15).kind == "person"


def test_person_majority_retypes_org_and_loc_mentions(resolver):
    assert _res(resolver, "en", "Kast", 20).kind == "person"
    assert _res(resolver, "en", "Bachelet", 60).value == "Michelle Bachelet"
    assert _res(resolver, "fr", "Noboa", 40).kind == "person"


def test_accent_variants_are_one_entity(resolver):
    a, b = _res(resolver, "fr", "José Jeri", 70), _res(resolver, "en", "José Jerí", 0)
    assert a.entity == b.entity == "person:jose-jeri"
    assert a.value == b.value == "José Jerí"
    assert a.variants == ("José Jeri", "José Jerí")


def test_acronyms_link_to_long_names(resolver):
    assert _res(resolver, "en", "PC", 220).value == "Communist Party"
    assert _res(resolver, "es", "PC", 300).value == "Communist Party"
    assert _res(resolver, "en", "PC", 220).entity == _res(resolver, "en", "Communist Party", 200).entity


def test_places_resolve_across_languages(resolver):
    a, b = _res(resolver, "en", "Chile", 300), _res(resolver, "fr", "Chili", 300)
    assert a.entity == b.entity == "place:CL"
    assert a.variants == ("Chile", "Chili")
    assert _res(resolver, "en", "Santiago", 320).entity == "place:geonames:3871336"


def test_resolve_name(resolver):
    assert resolver.resolve_name("es", "Kast") == "José Antonio Kast"
    assert resolver.resolve_name("en", "el presidente Noboa") == "Daniel Noboa"
    assert resolver.resolve_name("fr", "Jerí") == "José Jerí"
    assert resolver.resolve_name("en", "PC") == "Communist Party"
    assert resolver.resolve_name("fr", "Chili") == "Chile"
    assert resolver.resolve_name("fr", "Nobody Known") is None


def test_known_place_is_never_a_person():
    corpus = [("a", mention("Buenos Aires", "place", label="PER", code="AR", place_type="city", geonames_id=3435910)),
              ("a", mention("Buenos Aires", "place", label="PER", start=50, code="AR", place_type="city",
                            geonames_id=3435910))]
    assert Resolver(corpus).resolve("a", corpus[0][1]).kind == "place"


def test_ambiguous_surname_stays_unlinked():
    corpus = [("a", mention("Ana Pérez", "person")), ("b", mention("Juan Pérez", "person")),
              ("c", mention("Pérez", "person"))]
    r = Resolver(corpus)
    assert r.resolve("c", corpus[2][1]).value == "Pérez"
    assert r.resolve_name("a", "Pérez") == "Ana Pérez"


def test_shorter_full_name_joins_the_longer():
    corpus = [("a", mention("Eduardo Frei Ruiz-Tagle", "person")), ("b", mention("Eduardo Frei", "person")),
              ("b", mention("Frei", "person", start=30))]
    r = Resolver(corpus)
    assert {r.resolve(d, m).value for d, m in corpus} == {"Eduardo Frei Ruiz-Tagle"}


def test_deterministic_under_shuffled_input():
    expected = {(d, m): Resolver(CORPUS).resolve(d, m) for d, m in CORPUS}
    for seed in range(5):
        shuffled = CORPUS[:]
        random.Random(seed).shuffle(shuffled)
        r = Resolver(shuffled)
        assert {(d, m): r.resolve(d, m) for d, m in CORPUS} == expected


@pytest.mark.parametrize("text,lang,marks,expected", [
    ("Mercredi, Kast recevra le président argentin.", "fr", [("Mercredi", "LOC"), ("Kast", "LOC")],
     [("Kast", "person", "Kast")]),
    ("Le président élu Kast a salué le résultat.", "fr", [("Kast", "LOC")], [("Kast", "person", "Kast")]),
    ("Tras la cita, Kast dijo que la transición será ordenada.", "es", [("Kast", "LOC")],
     [("Kast", "person", "Kast")]),
    ("President-elect Kast will travel on Monday.", "en", [("Kast", "GPE")], [("Kast", "person", "Kast")]),
    ("El presidente Rodrigo Paz asumió en La Paz. Paz prometió cambios.", "es",
     [("Rodrigo Paz", "PER"), ("La Paz", "LOC"), ("Paz", "PER")],
     [("Rodrigo Paz", "person", "Rodrigo Paz"), ("La Paz", "place", "La Paz"), ("Paz", "person", "Paz")]),
    ("La Unión Cívica Radical (UCR) se abstuvo.", "es", [("La Unión Cívica Radical", "LOC"), ("UCR", "ORG")],
     [("Unión Cívica Radical", "organization", "Unión Cívica Radical"),
      ("UCR", "organization", "Unión Cívica Radical")]),
    ("Según el ministro de Economía, Luis Caputo, el acuerdo avanza.", "es",
     [("Según", "PER"), ("Economía", "PER"), ("Luis Caputo", "PER")],
     [("Luis Caputo", "person", "Luis Caputo")]),
    ("Le ministère des Affaires étrangères a convoqué l'ambassadeur.", "fr",
     [("ministère des Affaires étrangères", "ORG")],
     [("ministère des Affaires étrangères", "organization", "ministère des Affaires étrangères")]),
    ("Former Argentine president Cristina Fernández de Kirchner criticized the deal.", "en",
     [("Argentine", "NORP"), ("Cristina Fernández de Kirchner", "PERSON")],
     [("Cristina Fernández de Kirchner", "person", "Cristina Fernández de Kirchner")]),
])
def test_context_and_compound_names(text, lang, marks, expected):
    assert typed(text, lang, *marks) == expected


def test_surname_tagged_person_in_a_third_of_mentions_is_a_person_everywhere():
    corpus = [("a", mention("Kast", "person", label="PER")), ("a", mention("Kast", "place", label="LOC", start=10)),
              ("b", mention("Kast", "organization", label="ORG", start=5)),
              ("c", mention("Lula", "person", label="PER")), ("c", mention("Lula", "place", label="LOC", start=9))]
    r = Resolver(corpus)
    assert {r.resolve(d, m).kind for d, m in corpus} == {"person"}


def test_unknown_place_label_majority_stays_place():
    corpus = [("a", mention("Arauco", "place", label="LOC")), ("b", mention("Arauco", "place", label="LOC", start=3)),
              ("c", mention("Arauco", "place", label="GPE", start=3)), ("c", mention("Arauco", "person", start=30))]
    r = Resolver(corpus)
    assert r.resolve("a", corpus[0][1]).kind == "place"


# --------------------------------------------------------------------------- first names that are places

PLACE_FIRST_NAMES = [
    ("es", "Francia Márquez será la primera vicepresidenta afrodescendiente del país.",
     [("Francia", "LOC"), ("Márquez", "PER")], "Francia Márquez"),
    ("es", "La vicepresidenta electa, Francia Márquez, habló en Cali.",
     [("Francia", "LOC"), ("Márquez", "PER"), ("Cali", "LOC")], "Francia Márquez"),
    ("es", "El presidente paraguayo Santiago Peña viajó a Asunción.",
     [("Santiago", "LOC"), ("Peña", "PER"), ("Asunción", "LOC")], "Santiago Peña"),
    ("es", "Ayer, Lima Castro presentó su candidatura.",
     [("Lima", "LOC"), ("Castro", "PER")], "Lima Castro"),
    ("fr", "Francia Márquez deviendra la première vice-présidente noire de Colombie.",
     [("Francia", "LOC"), ("Márquez", "PER"), ("Colombie", "LOC")], "Francia Márquez"),
    ("fr", "Selon sa colistière Francia Márquez, la victoire est historique.",
     [("Francia", "LOC"), ("Márquez", "PER")], "Francia Márquez"),
    ("fr", "Le chanteur Israel Kamakawiwo'ole est mort en 1997.",
     [("Israel", "LOC"), ("Kamakawiwo'ole", "PER")], "Israel Kamakawiwo'ole"),
    ("fr", "Le président paraguayen Santiago Peña a reçu son homologue.",
     [("Santiago", "LOC"), ("Peña", "PER")], "Santiago Peña"),
    ("en", "His running mate, Francia Marquez, will become vice president.",
     [("Francia", "GPE"), ("Marquez", "PERSON")], "Francia Marquez"),
    ("en", "Paris Hilton arrived at the gala on Friday.",
     [("Paris", "GPE"), ("Hilton", "PERSON")], "Paris Hilton"),
    ("en", "Paraguayan President Santiago Pena met investors.",
     [("Santiago", "GPE"), ("Pena", "PERSON")], "Santiago Pena"),
    ("en", "Singer Israel Kamakawiwo'ole recorded the song in 1988.",
     [("Israel", "GPE"), ("Kamakawiwo'ole", "PERSON")], "Israel Kamakawiwo'ole"),
]


@pytest.mark.parametrize("lang,text,marks,name", PLACE_FIRST_NAMES)
def test_place_word_before_a_surname_is_a_first_name(lang, text, marks, name):
    got = typed(text, lang, *marks)
    assert (name, "person", name) in got
    assert not any(kind == "place" and surface in name for surface, kind, _ in got)


NOT_FIRST_NAMES = [
    # a locative preposition before the place: it is a place
    ("es", "En Francia Macron perdió la mayoría.", [("Francia", "LOC"), ("Macron", "PER")], "Francia"),
    ("fr", "Au Chili Kast a gagné.", [("Chili", "LOC"), ("Kast", "PER")], "Chili"),
    ("en", "In France Macron lost his majority.", [("France", "GPE"), ("Macron", "PERSON")], "France"),
    # the document gives the surname another first name
    ("es", "Emmanuel Macron habló. Francia Macron respondió.",
     [("Emmanuel Macron", "PER"), ("Francia", "LOC"), ("Macron", "PER")], "Francia"),
    ("en", "Emmanuel Macron spoke; France Macron replied.",
     [("Emmanuel Macron", "PERSON"), ("France", "GPE"), ("Macron", "PERSON")], "France"),
    # a known multi-word place stays one
    ("es", "Llegó a Santiago de Chile el lunes.", [("Santiago", "LOC"), ("Chile", "PER")], "Chile"),
]


@pytest.mark.parametrize("lang,text,marks,place", NOT_FIRST_NAMES)
def test_place_word_stays_a_place(lang, text, marks, place):
    got = typed(text, lang, *marks)
    assert any(kind == "place" and place in surface for surface, kind, _ in got), got


def test_resolver_links_surname_to_place_named_person_across_documents():
    es = "Francia Márquez será la primera vicepresidenta. Márquez nació en el Cauca."
    en = "His running mate, Francia Marquez, spoke. Marquez thanked voters."
    fr = "Márquez a remercié les électeurs."
    docs = {"es": type_entities(es, "es", spans(es, ("Francia", "LOC"), ("Márquez", "PER"), ("Márquez", "PER"))),
            "en": type_entities(en, "en", spans(en, ("Francia", "GPE"), ("Marquez", "PERSON"),
                                                ("Marquez", "PERSON"))),
            "fr": type_entities(fr, "fr", spans(fr, ("Márquez", "PER")))}
    resolver = Resolver((doc, m) for doc, ms in docs.items() for m in ms)
    values = {(doc, m.text): resolver.resolve(doc, m).value for doc, ms in docs.items() for m in ms}
    assert set(values.values()) == {"Francia Márquez"}, values
    assert ("fr", "Márquez") in values


# --------------------------------------------------------------------------- common words tagged as persons

COMMON_WORD_PERSONS = [
    ("en", "Turnout was 58%.", "Turnout"),
    ("en", "Voters backed him. Turnout reached a record.", "Turnout"),
    ("en", "The count ended. Inflation rose to 9%.", "Inflation"),
    ("en", "Markets reacted calmly.", "Markets"),
    ("en", "Police arrested three men.", "Police"),
    ("en", "Unemployment fell to 6.1% in May.", "Unemployment"),
    ("en", "Abstention was high in the south.", "Abstention"),
    ("en", "Growth slowed. Growth was 1.2% last year.", "Growth"),
    ("fr", "Participation a été de 58 %.", "Participation"),
    ("fr", "Le vote est clos. Abstention record dans le sud.", "Abstention"),
    ("fr", "Inflation et chômage dominent la campagne.", "Inflation"),
    ("fr", "Sondages et électeurs divergent.", "Sondages"),
    ("fr", "Croissance faible cette année, selon l'Insee.", "Croissance"),
    ("es", "Participación récord en Bogotá.", "Participación"),
    ("es", "Inflación y desempleo marcaron la campaña.", "Inflación"),
    ("es", "Encuestas daban ganador a Hernández.", "Encuestas"),
    ("es", "El escrutinio terminó. Votantes celebraron en las calles.", "Votantes"),
    ("es", "Desempleo sube al 11 %.", "Desempleo"),
    # not listed, but written in lowercase elsewhere in the document
    ("en", "Ridership fell by half. Officials blamed low ridership on strikes.", "Ridership"),
    ("fr", "Affluence faible. L'affluence était pourtant attendue.", "Affluence"),
    ("es", "Afluencia masiva. La afluencia sorprendió a todos.", "Afluencia"),
]


@pytest.mark.parametrize("lang,text,word", COMMON_WORD_PERSONS)
def test_sentence_initial_common_word_is_not_a_person(lang, text, word):
    label = "PERSON" if lang == "en" else "PER"
    assert not any(surface == word and kind == "person" for surface, kind, _ in typed(text, lang, (word, label)))


REAL_SINGLE_SURNAMES = [
    ("en", "Kast won the runoff.", "Kast"),
    ("en", "Noboa congratulated him.", "Noboa"),
    ("en", "Lula attended the summit.", "Lula"),
    ("en", "Bukele was re-elected.", "Bukele"),
    ("fr", "Kast a remporté le second tour.", "Kast"),
    ("fr", "Lula a félicité le vainqueur.", "Lula"),
    ("es", "Bukele ganó con holgura.", "Bukele"),
    ("es", "Petro asumirá el 7 de agosto.", "Petro"),
    # a listed word that speaks, or that the document uses inside a full name, stays a person
    ("en", "Rain said he would run again.", "Rain"),
    ("en", "Growth thanked the voters. Mark Growth had met them on Monday.", "Growth"),
    ("fr", "Croissance a remercié ses électeurs. Nicolas Croissance les avait reçus.", "Croissance"),
    # not at a sentence start: the capital is information
    ("en", "He met Growth, the singer, on Monday.", "Growth"),
]


@pytest.mark.parametrize("lang,text,word", REAL_SINGLE_SURNAMES)
def test_single_surnames_stay_persons(lang, text, word):
    label = "PERSON" if lang == "en" else "PER"
    full = [m.group() for m in re.finditer(r"[A-Z]\w+ " + word, text)]
    marks = [(word, label)] + [(name, label) for name in full]
    got = typed(text, lang, *marks)
    assert any(surface == word and kind == "person" for surface, kind, _ in got), got


def test_resolver_from_a_stream_resolves_as_in_memory(resolver):
    """Built in two streamed passes (memory: the distinct names), asked document by document."""
    by_doc = {}
    for doc, m in CORPUS:
        by_doc.setdefault(doc, []).append(m)
    reads = []

    def read():
        reads.append(1)
        return iter(sorted(by_doc.items(), reverse=True))      # any document order
    streamed = Resolver.from_documents(read)
    assert len(reads) == 2
    for doc, mentions in by_doc.items():
        view = streamed.document(doc, reversed(mentions))
        assert [view.resolve(m) for m in mentions] == [resolver.resolve(doc, m) for m in mentions]
        for name in ("Kast", "el presidente Noboa", "Jerí", "PC", "Chili", "Nobody Known"):
            assert view.resolve_name(name) == resolver.resolve_name(doc, name)
    with pytest.raises(TypeError):
        streamed.resolve("fr", CORPUS[0][1])
