"""Tests for kastfacts.language: blocks, language identification, page furniture, extractable()."""
import threading
import time

import pytest

from kastfacts import language
from kastfacts.language import (
    SUPPORTED, Block, boilerplate_reason, detect_language, document_language, extractable,
    make_block, split_blocks,
)


def block_of(text: str) -> Block:
    return make_block(text, 0, len(text))


# --- news paragraphs per language (>= 10 each): detected and extracted in their language --------

FR_PARAGRAPHS = [
    "Le président élu du Chili, José Antonio Kast, s'est rendu lundi en Équateur pour rencontrer son homologue Daniel Noboa.",
    "Selon le communiqué publié dimanche, les deux dirigeants aborderont la crise migratoire et la sécurité régionale.",
    "Kast a remporté le second tour avec 58,2 % des voix, contre 41,8 % pour la candidate de gauche Jeannette Jara.",
    "La cérémonie d'investiture aura lieu le 11 mars prochain au Congrès de Valparaíso, en présence de plusieurs chefs d'État.",
    "Le futur chef de l'État a promis d'expulser les migrants en situation irrégulière et de construire un fossé à la frontière nord.",
    "Mardi dernier, il s'était rendu à Buenos Aires pour rencontrer le président argentin Javier Milei.",
    "Le gouvernement sortant de Gabriel Boric a assuré que la transition se déroulerait dans le calme et la transparence.",
    "Des milliers de partisans se sont rassemblés dimanche soir devant son quartier général, dans la commune de Las Condes.",
    "La participation a atteint un niveau record depuis le rétablissement du vote obligatoire en 2022.",
    "Les marchés financiers ont salué la victoire du candidat conservateur, le peso chilien gagnant près de 2 % face au dollar.",
    "L'ancienne présidente Michelle Bachelet l'a reçu dans son bureau pour un entretien d'une heure.",
    "Plusieurs organisations de défense des droits humains ont exprimé leur inquiétude après ses déclarations sur la dictature.",
]
ES_PARAGRAPHS = [
    "El presidente electo de Chile, José Antonio Kast, viajó este lunes a Ecuador para reunirse con su par Daniel Noboa.",
    "Según el comunicado difundido el domingo, ambos mandatarios abordarán la crisis migratoria y la seguridad regional.",
    "Kast ganó la segunda vuelta con el 58,2% de los votos, frente al 41,8% de la candidata oficialista Jeannette Jara.",
    "La ceremonia de cambio de mando se realizará el 11 de marzo en el Congreso Nacional, en Valparaíso.",
    "El futuro mandatario prometió expulsar a los migrantes en situación irregular y construir una zanja en la frontera norte.",
    "El martes pasado viajó a Buenos Aires, donde se reunió con el presidente argentino Javier Milei.",
    "El gobierno saliente de Gabriel Boric aseguró que el traspaso del poder será ordenado y transparente.",
    "Miles de simpatizantes se congregaron el domingo por la noche frente a su comando en la comuna de Las Condes.",
    "La participación alcanzó un nivel récord desde que se restableció el voto obligatorio en 2022.",
    "Los mercados celebraron el triunfo del candidato republicano y el peso chileno se apreció casi un 2% frente al dólar.",
    "La expresidenta Michelle Bachelet lo recibió en su oficina para una conversación de una hora.",
    "Diversas organizaciones de derechos humanos manifestaron su preocupación por sus dichos sobre la dictadura.",
]
EN_PARAGRAPHS = [
    "Chile's president-elect José Antonio Kast travelled to Ecuador on Monday to meet his counterpart Daniel Noboa.",
    "According to a statement released on Sunday, the two leaders will discuss the migration crisis and regional security.",
    "Kast won the runoff with 58.2% of the vote against 41.8% for the governing coalition's candidate Jeannette Jara.",
    "The inauguration will take place on March 11 at the National Congress in Valparaíso.",
    "The incoming leader has promised to deport migrants living in the country illegally and to dig a trench along the northern border.",
    "Last Tuesday he flew to Buenos Aires, where he met Argentine President Javier Milei.",
    "Outgoing President Gabriel Boric's government said the handover of power would be orderly and transparent.",
    "Thousands of supporters gathered outside his campaign headquarters in Las Condes on Sunday night.",
    "Turnout reached a record high since compulsory voting was restored in 2022.",
    "Markets welcomed the conservative candidate's victory, with the Chilean peso gaining nearly 2% against the dollar.",
    "Former President Michelle Bachelet received him in her office for an hour-long conversation.",
    "Several human rights groups voiced concern over his remarks about the dictatorship.",
]


@pytest.mark.parametrize("lang,text", [("fr", t) for t in FR_PARAGRAPHS]
                         + [("es", t) for t in ES_PARAGRAPHS] + [("en", t) for t in EN_PARAGRAPHS])
def test_paragraphs_detected_and_extracted_in_their_language(lang, text):
    detected, confidence = detect_language(text)
    assert detected == lang and confidence > 0.6
    block = block_of(text)
    assert block.boilerplate is None
    # a confident paragraph keeps its language even inside a document of another language
    for doc_lang in SUPPORTED:
        assert extractable(block, doc_lang) == (True, lang)


# --- short titles and teasers: inherit the document language when detection is weak --------------

SHORT_LINES = {
    "fr": ["Kast à Quito", "Chili : Kast élu", "Kast rencontre Noboa", "La tournée de Kast",
           "Boric reçoit Kast", "Jara reconnaît sa défaite", "Kast en Équateur", "Présidentielle au Chili",
           "Le Chili vote", "Kast et Milei", "Mis à jour le 22/12/2025"],
    "es": ["Kast en Quito", "Chile: gana Kast", "Kast se reúne con Noboa", "La gira de Kast",
           "Boric recibe a Kast", "Jara reconoce su derrota", "Kast viaja a Ecuador", "Elecciones en Chile",
           "Chile vota", "Kast y Milei", "Actualizado: 22/12/2025"],
    "en": ["Kast in Quito", "Chile: Kast wins", "Kast meets Noboa", "Kast's regional tour",
           "Boric hosts Kast", "Jara concedes defeat", "Kast travels to Ecuador", "Chile election",
           "Chile votes", "Kast and Milei", "Updated: 12/22/2025"],
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, ts in SHORT_LINES.items() for t in ts])
def test_short_lines_inherit_document_language(lang, text):
    assert extractable(block_of(text), lang) == (True, lang)


def test_seed_like_english_title_and_teasers_are_english():
    for text in [
        "Kast meets Bachelet and travels to Ecuador for meeting with Noboa",
        "Kast invites Bukele to handover after Ecuador visit",
        "President-elect Kast shakes hands with Ecuador's President Noboa after security talks, "
        "inviting El Salvador's Bukele to his inauguration amid migration discussions.",
    ]:
        assert extractable(block_of(text), "en") == (True, "en")


def test_detect_language_short_or_empty_is_none():
    assert detect_language("") == (None, 0.0)
    assert detect_language("58,1 %") == (None, 0.0)
    assert detect_language("Kọ")[0] is None
    assert detect_language("12/12/2025")[0] is None


# --- other languages: never extracted -----------------------------------------------------------

YORUBA_LINES = [
    "Awọn iroyin ti o ni ibatan",
    "Àwòrán tí AI ṣe",
    "Ti AI ṣe iroyin",
    "Ti AI ṣe iroyin Àwòrán tí AI ṣe",
    "Ojú-ìwé yìí nlo kuki",
    "A nlo kuki fun itupalẹ lati mu ilọsiwaju wa. Ka ìlànà àṣírí wa fun alaye siwaju sii.",
    "Kọ",
    "Ààrẹ tuntun ti orílẹ̀-èdè Chile ṣèbẹ̀wò sí Ecuador",
    "Ìpàdé láàrin àwọn olórí méjèèjì wáyé ní ọjọ́ Ajé",
]


@pytest.mark.parametrize("text", YORUBA_LINES)
@pytest.mark.parametrize("doc_lang", SUPPORTED)
def test_yoruba_lines_not_extracted_even_when_forced(text, doc_lang):
    block = block_of(text)
    assert extractable(block, doc_lang) == (False, None)
    assert extractable(block, doc_lang, forced_lang=doc_lang) == (False, None)


FOREIGN_PARAGRAPHS = [
    ("pt", "O presidente eleito do Chile, José Antonio Kast, viajou nesta segunda-feira ao Equador para se reunir com Daniel Noboa."),
    ("pt", "Segundo o comunicado oficial, os dois líderes discutiram a crise migratória e a segurança na região."),
    ("pt", "A cerimônia de posse acontecerá no dia 11 de março, em Valparaíso, com a presença de vários chefes de Estado."),
    ("it", "Il presidente eletto del Cile, José Antonio Kast, si è recato lunedì in Ecuador per incontrare Daniel Noboa."),
    ("it", "Secondo la nota ufficiale, i due leader hanno discusso della crisi migratoria e della sicurezza nella regione."),
    ("it", "La cerimonia di insediamento si terrà l'11 marzo a Valparaíso alla presenza di numerosi capi di Stato."),
    ("ca", "El president electe de Xile, José Antonio Kast, ha viatjat aquest dilluns a l'Equador per reunir-se amb Daniel Noboa."),
    ("ca", "Segons el comunicat oficial, tots dos líders han parlat de la crisi migratòria i de la seguretat a la regió."),
    ("ca", "La cerimònia d'investidura se celebrarà l'11 de març a Valparaíso amb la presència de diversos caps d'estat."),
    ("de", "Der gewählte Präsident Chiles, José Antonio Kast, ist am Montag nach Ecuador gereist, um Daniel Noboa zu treffen."),
    ("ru", "Избранный президент Чили Хосе Антонио Каст встретился с президентом Эквадора Даниэлем Нобоа."),
    ("ar", "التقى الرئيس التشيلي المنتخب خوسيه أنطونيو كاست برئيس الإكوادور دانيال نوبوا في كيتو."),
]


@pytest.mark.parametrize("lang,text", FOREIGN_PARAGRAPHS)
def test_foreign_paragraphs_detected_and_not_extracted(lang, text):
    assert detect_language(text)[0] == lang
    block = block_of(text)
    for doc_lang in SUPPORTED:
        assert extractable(block, doc_lang) == (False, None)
    assert extractable(block, "es", forced_lang="es") == (False, None)


# --- boilerplate (>= 8 per language) -------------------------------------------------------------

BOILERPLATE = {
    "fr": [
        ("Lire aussi", "related-header"), ("À lire aussi :", "related-header"),
        ("Sur le même sujet", "related-header"), ("Crédit photo : AFP", "picture-credit"),
        ("Photo : Reuters", "picture-credit"), ("Crédits : Martin Bernetti / AFP", "picture-credit"), ("Image générée par IA", "ai-label"),
        ("Ce site utilise des cookies pour améliorer votre expérience de navigation.", "cookie-notice"),
        ("Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus.", "cookie-notice"),
        ("Partager sur Facebook", "share-buttons"), ("Abonnez-vous à notre newsletter", "subscription"),
        ("Cet article est réservé aux abonnés.", "subscription"), ("Je m'abonne", "subscription"),
        ("© Le Monde 2025 - Tous droits réservés", "copyright"), ("© 2025 Le Figaro", "copyright"),
        ("Partager : Facebook Twitter LinkedIn", "share-buttons"), ("Gérer mes cookies", "cookie-notice"),
        ("Accueil › International › Amériques", "navigation"), ("Tout accepter", "button"),
        ("Publicité", "navigation"), ("***", "punctuation"),
    ],
    "es": [
        ("Noticias relacionadas", "related-header"), ("Te puede interesar", "related-header"),
        ("Lee también:", "related-header"), ("Foto: EFE", "picture-credit"),
        ("Fotografía: Agencia Uno", "picture-credit"), ("Foto: EFE/José Jácome", "picture-credit"),
        ("Foto: archivo", "picture-credit"), ("Imagen generada por IA", "ai-label"),
        ("Este sitio web utiliza cookies para mejorar su experiencia de usuario.", "cookie-notice"),
        ("Utilizamos cookies propias y de terceros para fines analíticos.", "cookie-notice"),
        ("Compartir en WhatsApp", "share-buttons"), ("Suscríbete a nuestro boletín", "subscription"),
        ("Contenido exclusivo para suscriptores", "subscription"), ("Regístrate gratis", "subscription"),
        ("© 2025 El Mercurio. Todos los derechos reservados.", "copyright"),
        ("Síguenos en Twitter", "share-buttons"), ("Más leídas", "related-header"),
        ("Inicio > Política > Nacional", "navigation"), ("Aceptar", "button"),
        ("Publicidad", "navigation"), ("—", "punctuation"),
    ],
    "en": [
        ("Read more", "related-header"), ("Related stories", "related-header"),
        ("More on this story", "related-header"), ("Photo: Reuters", "picture-credit"),
        ("(AFP)", "picture-credit"), ("Photo by Juan Mabromata/AFP via Getty Images", "picture-credit"), ("REUTERS/Ivan Alvarado", "picture-credit"),
        ("Image: AI-generated", "ai-label"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("This website uses cookies. By continuing to browse you agree to our cookie policy.", "cookie-notice"),
        ("Share on Twitter", "share-buttons"), ("Facebook Twitter WhatsApp Email", "share-buttons"),
        ("Subscribe to our newsletter", "subscription"), ("Sign up for our daily newsletter", "subscription"),
        ("Get the latest news delivered to your inbox", "subscription"),
        ("Copyright 2025 Reuters. All rights reserved.", "copyright"),
        ("All content © 2025 Reuters", "copyright"), ("3 min read", "navigation"),
        ("Home / World / Americas", "navigation"), ("Accept all", "button"),
        ("Advertisement", "navigation"), ("• • •", "punctuation"),
    ],
    "other": [
        ("Awọn iroyin ti o ni ibatan", "related-header"), ("Àwòrán tí AI ṣe", "ai-label"),
        ("Ti AI ṣe iroyin", "ai-label"), ("Ojú-ìwé yìí nlo kuki", "cookie-notice"),
        ("A nlo kuki fun itupalẹ lati mu ilọsiwaju wa. Ka ìlànà àṣírí wa fun alaye siwaju sii.", "cookie-notice"),
        ("Kọ", "button"), ("Leia também", "related-header"), ("Leggi anche", "related-header"),
        ("Mehr zum Thema", "related-header"),
        ("Este site utiliza cookies para melhorar a sua experiência.", "cookie-notice"),
        ("Questo sito utilizza cookie tecnici e di profilazione.", "cookie-notice"),
        ("Diese Website verwendet Cookies.", "cookie-notice"),
        ("Compartilhar no WhatsApp", "share-buttons"), ("Tutti i diritti riservati", "copyright"),
    ],
}


@pytest.mark.parametrize("text,reason", [pair for pairs in BOILERPLATE.values() for pair in pairs])
def test_boilerplate_reason(text, reason):
    assert boilerplate_reason(text) == reason
    assert extractable(block_of(text), "en") == (False, None)
    assert extractable(block_of(text), "fr", forced_lang="fr") == (False, None)


NOT_BOILERPLATE = [
    # news sentences that mention cookies, photos, subscriptions, rights, sharing...
    "La CNIL a infligé lundi une amende de 150 millions d'euros à Google pour sa gestion des cookies.",
    "Google utilise des cookies pour suivre les internautes, a dénoncé l'association UFC-Que Choisir.",
    "La Comisión Europea multó a Meta por el uso de cookies sin el consentimiento de los usuarios.",
    "Regulators say the company used cookies to track children without their parents' consent.",
    "The photo, taken by a Reuters photographer in Quito, shows Kast shaking hands with Noboa.",
    "La foto del encuentro entre Kast y Noboa circuló ampliamente en redes sociales.",
    "Kast shared a video of the meeting on X, where he has 1.2 million followers.",
    "Kast compartió en X un video de la reunión con el mandatario ecuatoriano.",
    "Le quotidien compte désormais 500 000 abonnés numériques, selon son directeur.",
    "The newspaper said its subscribers had risen by 12% since the election campaign began.",
    "Los derechos humanos fueron uno de los temas más debatidos de la campaña presidencial.",
    "Read more about the migration plan, Kast told reporters, in the document his team will publish on Monday.",
    "Relacionado con la seguridad, el plan incluye la construcción de nuevas cárceles en el norte del país.",
    "Kast à Quito",
    "Kast meets Noboa",
    "Chile: gana Kast",
    "58,1 % des voix",
    "Regulators fined a company that uses cookies to track children.",
    "We will fine companies that use cookies without consent, the minister said on Monday.",
    "Foto: Kast y Noboa durante la reunión en el Palacio de Carondelet.",
    "Photo : le président élu salue ses partisans à Santiago.",
    "Photo: supporters celebrate in central Santiago after the results.",
    "Chile does not subscribe to that view, the foreign minister said in Lima.",
    "Netflix raised prices for subscribers in Chile and Argentina on Monday.",
    "The country will sign up to the regional security pact in January, Kast said.",
    "Copyright laws were not part of the talks.",
    "Back to the polls: Chileans vote again in December",
    "Plus de 200 personnes ont manifesté à Valparaíso.",
    "Share prices rose 3% in Santiago on Monday.",
    "Según EFE, el encuentro duró dos horas.",
    "Photographers waited for hours outside La Moneda as Kast arrived for the meeting with Boric.",
]


@pytest.mark.parametrize("text", NOT_BOILERPLATE)
def test_news_is_not_boilerplate(text):
    assert boilerplate_reason(text) is None


# --- forced language ------------------------------------------------------------------------------

def test_forced_language_overrides_detection_but_not_furniture_or_foreign():
    spanish = block_of(ES_PARAGRAPHS[0])
    assert extractable(spanish, "es", forced_lang="fr") == (True, "fr")
    assert extractable(block_of("Kast en Quito"), "es", forced_lang="en") == (True, "en")
    assert extractable(block_of("Lire aussi"), "fr", forced_lang="fr") == (False, None)
    assert extractable(block_of("Àwòrán tí AI ṣe"), "en", forced_lang="en") == (False, None)
    assert extractable(block_of(FOREIGN_PARAGRAPHS[-1][1]), "en", forced_lang="en") == (False, None)
    # no document language at all: forcing still works
    assert extractable(block_of("Kast en Quito"), None, forced_lang="es") == (True, "es")


def test_lang_option_forces_every_block_it_can_read():
    """--lang (every_block) is the user saying what the text is: a Portuguese or Italian paragraph is
    read as the language forced; furniture is still furniture, another script still unreadable."""
    for _, text in FOREIGN_PARAGRAPHS[:-2]:
        assert extractable(block_of(text), "es", forced_lang="es", every_block=True) == (True, "es")
    for _, text in FOREIGN_PARAGRAPHS[-2:]:             # Cyrillic, Arabic
        assert extractable(block_of(text), "es", forced_lang="es", every_block=True) == (False, None)
    assert extractable(block_of("Lire aussi"), "fr", forced_lang="fr", every_block=True) == (False, None)


def test_weak_block_without_document_language():
    assert extractable(block_of(EN_PARAGRAPHS[0]), None) == (True, "en")
    figures = block_of("58,2 % - 41,8 %")
    assert extractable(figures, None) == (False, None)
    assert extractable(figures, "fr") == (True, "fr")


# --- documents ------------------------------------------------------------------------------------

ENGLISH_PAGE = (
    "Kast meets Bachelet and travels to Ecuador for meeting with Noboa\n\n"
    + "\n\n".join(EN_PARAGRAPHS[:4])
    + "\n\nAwọn iroyin ti o ni ibatan\n\n"
    "President-elect Kast shakes hands with Ecuador's President Noboa after security talks.\n"
    "Àwòrán tí AI ṣe\n\n"
    "Kast invites Bukele to handover after Ecuador visit\n\n"
    "Ti AI ṣe iroyin\n\n\u00a0\n\n\u00a0\n\n"
    "Ojú-ìwé yìí nlo kuki\n\n"
    "A nlo kuki fun itupalẹ lati mu ilọsiwaju wa. Ka ìlànà àṣírí wa fun alaye siwaju sii.\n"
    "Kọ"
)


def test_english_page_with_yoruba_furniture():
    blocks = split_blocks(ENGLISH_PAGE)
    assert document_language(blocks) == "en"
    decisions = {ENGLISH_PAGE[b.start:b.end]: extractable(b, "en") for b in blocks}
    english = [t for t in decisions if t.startswith(("Kast", "President", "Chile", "According", "The "))]
    assert len(english) == 7
    for text in english:
        assert decisions[text] == (True, "en"), text
    for text in ("Awọn iroyin ti o ni ibatan", "Àwòrán tí AI ṣe", "Ti AI ṣe iroyin", "Ojú-ìwé yìí nlo kuki", "Kọ"):
        assert decisions[text] == (False, None), text
    assert len(blocks) == 13  # the no-break-space lines are blank, not blocks


def test_offsets_are_exact_and_stripped():
    text = "  Titre du jour \r\n\r\n\tPremier paragraphe, avec des espaces.  \n\u00a0\n\u200bDernier\u00a0"
    blocks = split_blocks(text)
    assert [text[b.start:b.end] for b in blocks] == [
        "Titre du jour", "Premier paragraphe, avec des espaces.", "Dernier"]
    for b in blocks:
        chunk = text[b.start:b.end]
        assert chunk == chunk.strip() and chunk


def test_offsets_on_every_line_separator():
    text = "Uno dos tres\rcuatro cinco\u2028seis siete\u2029ocho\x0bnueve\x0cdiez\x85once"
    assert [text[b.start:b.end] for b in split_blocks(text)] == [
        "Uno dos tres", "cuatro cinco", "seis siete", "ocho", "nueve", "diez", "once"]


def test_long_line_stays_one_block():
    line = " ".join(FR_PARAGRAPHS)
    blocks = split_blocks(line + "\n" + line)
    assert len(blocks) == 2 and blocks[0].end == len(line) and blocks[1].start == len(line) + 1


def test_document_language_majority_by_characters():
    page = "\n".join(ES_PARAGRAPHS[:3] + [EN_PARAGRAPHS[0], "Lire aussi", "Kast à Quito"])
    assert document_language(split_blocks(page)) == "es"
    assert document_language(split_blocks("\n".join(FR_PARAGRAPHS[:2] + ES_PARAGRAPHS[:1]))) == "fr"


def test_document_language_ignores_furniture_and_foreign():
    furniture = "\n".join(["We use cookies to improve your experience on our site.", "Read more",
                           "Subscribe to our newsletter", FOREIGN_PARAGRAPHS[0][1]])
    assert document_language(split_blocks(furniture)) is None
    assert document_language([]) is None
    assert document_language(split_blocks(furniture + "\n" + FR_PARAGRAPHS[0])) == "fr"


def test_block_is_frozen_and_five_field_constructor_works():
    block = Block(0, 4, "fr", 0.9, None)
    with pytest.raises(AttributeError):
        block.lang = "es"  # type: ignore[misc]
    assert extractable(block, "fr") == (True, "fr")


def test_foreign_names_inside_news_do_not_make_it_foreign():
    for text, lang in [
        ("Nigerian President Bola Tinubu received the Ọọ̀ni of Ife, Adéyẹyè Ẹniìtàn Ògúnwùsì, in Abuja on Monday.", "en"),
        ("Le président turc Recep Tayyip Erdoğan a reçu son homologue à Ankara mardi.", "fr"),
        ("El primer ministro vietnamita Phạm Minh Chính visitó Santiago la semana pasada.", "es"),
        ("Lula da Silva viajará a São Paulo antes de reunirse con Kast en Brasilia.", "es"),
    ]:
        assert extractable(block_of(text), lang) == (True, lang), text


def test_yoruba_paragraph_detected_as_yoruba():
    lang, confidence = detect_language(
        "Ààrẹ tuntun ti orílẹ̀-èdè Chile, José Antonio Kast, ṣèbẹ̀wò sí orílẹ̀-èdè Ecuador láti pàdé Ààrẹ Daniel Noboa.")
    assert lang == "yo" and confidence > 0.9


def test_the_identifier_loads_once_when_a_preload_and_the_first_block_race(monkeypatch):
    from py3langid import langid

    model = language._identifier()
    loads = []

    def slow_load(cls, *args, **kwargs):
        loads.append(threading.current_thread().name)
        time.sleep(0.2)         # widens the race; the outcome does not depend on who wins it
        return model

    monkeypatch.setattr(langid.LanguageIdentifier, "from_model_file", classmethod(slow_load))
    monkeypatch.setattr(language, "_identifier_model", None)
    monkeypatch.setattr(language, "_identifier_preload", None)
    language.preload_identifier()
    assert language._identifier() is model
    language.preload_done()
    assert len(loads) == 1
    assert language.detect_language("Le président a été élu dimanche avec une large majorité.")[0] == "fr"


@pytest.mark.parametrize("text, head", [
    ("DAKAR, April 2 (Reuters) - Aminata Diallo was sworn in.", "DAKAR, April 2 (Reuters) - "),
    ("CIUDAD DE MÉXICO (AP) — La candidata oficialista ganó.", "CIUDAD DE MÉXICO (AP) — "),
    ("PARIS (AFP) - La candidate l'emporte.", "PARIS (AFP) - "),
    ("SANTIAGO.- El diputado votó en contra.", "SANTIAGO.- "),
    ("Bogotá, 20 jun (EFE).- El candidato reconoció su derrota.", "Bogotá, 20 jun (EFE).- "),
    ("La Paz, 23 Oct 2020 (AFP) - El MAS celebra.", "La Paz, 23 Oct 2020 (AFP) - "),
    ("Kast - el candidato de la derecha - ganó.", None),
    ("Le président élu du Chili, José Antonio Kast, se rendra lundi en Équateur.", None),
    ("US-China talks - a new round begins.", None),
])
def test_a_wire_storys_dateline_is_found_at_the_head_of_its_block(text, head):
    from kastfacts.language import dateline_end

    end = dateline_end(text, 0, len(text))
    assert (text[:end] if end else None) == head


def test_the_name_after_a_dateline_is_recognized():
    from kastfacts.documents import Document
    from kastfacts.extraction import process_documents

    text = "DAKAR, April 2 (Reuters) - Fatou Ndiaye was sworn in as president on Tuesday.\n"
    result = process_documents([Document("d.txt", "d.txt", text, lang="en", lang_source="option")])[0]
    assert "Fatou Ndiaye" in {f.value for f in result.facts if f.kind == "person"}


@pytest.mark.parametrize("text", [
    "Élections présidentielles : le second tour du scrutin, la PRÉSIDENTIELLE, l'élection.",
    "La segunda vuelta de las ELECCIONES; el Plebiscito y el referéndum de 2022.",
    "İstanbul elections: the Runoff, the runoff vote and the ſecond round.",      # 'İ' lowers to two characters
    "ΣΊΣΥΦΟΣ σίσυφος ς elections",
    "",
])
def test_a_text_scan_finds_what_re_finds(text):
    import re

    from kastfacts import vocabulary as V

    scan = V.TextScan(text)
    for table in (V.ELECTION_NOUNS, V.ROUND_CUES["1"], V.ROUND_CUES["2"], V.CONTEST_KINDS["plebiscite"]):
        for lang in ("fr", "es", "en", None):
            pattern = V.regex(table, lang)
            assert [m.span() for m in scan.finditer(pattern)] == [m.span() for m in pattern.finditer(text)]
            found = scan.search(pattern)
            expected = pattern.search(text)
            assert (found.span() if found else None) == (expected.span() if expected else None)
    assert [m.span() for m in scan.finditer(re.compile(r"(?<![^\W_])tour", re.I))] == \
        [m.span() for m in re.finditer(r"(?<![^\W_])tour", text, re.I)]
