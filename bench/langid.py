"""Measure kastfacts.language on labelled lines: language-ID accuracy by length, speed, and the
accuracy of extractable() decisions. A measurement script, not a test.

    .venv/bin/python bench/langid.py [--shared ../shared] [--errors]

Data (no network): the seeds' blocks (labelled by hand below: seed language, Yoruba furniture),
the `Input` sentences of Recognizers-Text specs (en/es/fr; short, a hard case), and hand-written
news lines, titles, teasers and furniture in fr/es/en and other languages.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from kastfacts.language import (  # noqa: E402
    SUPPORTED, detect_language, document_language, extractable, make_block, split_blocks,
)

# (text, true language, document language it sits in, expected extractable language or None)
HAND: list[tuple[str, str, str, str | None]] = []


def _add(lang: str, doc: str, expect: str | None, lines: str) -> None:
    for line in lines.strip().splitlines():
        HAND.append((line.strip(), lang, doc, expect))


_add("fr", "fr", "fr", """
Kast rencontre Noboa à Quito
Le président élu du Chili en visite en Équateur
Chili : la droite radicale remporte la présidentielle
José Antonio Kast élu président avec 58 % des voix
Migrations : Santiago et Quito veulent coopérer
Boric reçoit son successeur à La Moneda
Le Pérou, prochaine étape de la tournée de Kast
Élection au Chili : ce qu'il faut retenir
Jeannette Jara reconnaît sa défaite
Javier Milei félicite le nouveau président chilien
La participation a atteint 85 %, un record
Les marchés saluent la victoire de Kast
Le candidat d'extrême droite a promis d'expulser les migrants en situation irrégulière.
Dimanche soir, des milliers de partisans se sont rassemblés devant son quartier général.
La cérémonie d'investiture aura lieu le 11 mars à Valparaíso.
Selon les résultats officiels, Kast a remporté toutes les régions du pays.
Il a rencontré lundi l'ancienne présidente Michelle Bachelet.
Le gouvernement équatorien a confirmé la réunion dans un communiqué.
Les deux dirigeants ont évoqué la lutte contre le crime organisé.
Un accord de coopération sécuritaire pourrait être signé en janvier.
Par notre correspondant à Santiago
Mis à jour le 22 décembre 2025 à 18h04
""")
_add("es", "es", "es", """
Kast se reúne con Noboa en Quito
El presidente electo de Chile viaja a Ecuador
Chile: la derecha gana la segunda vuelta
Kast obtiene el 58% de los votos
Migración, el eje de la gira regional de Kast
Boric recibe a su sucesor en La Moneda
Perú, la próxima parada del mandatario electo
Jeannette Jara reconoce su derrota
Milei felicita al nuevo presidente chileno
La participación alcanzó un 85%, un récord
Los mercados celebran el triunfo de Kast
El candidato prometió expulsar a los migrantes en situación irregular.
Miles de simpatizantes se reunieron el domingo frente a su comando.
La ceremonia de cambio de mando será el 11 de marzo en Valparaíso.
Según el Servel, Kast ganó en todas las regiones del país.
El lunes se reunió con la expresidenta Michelle Bachelet.
El gobierno ecuatoriano confirmó el encuentro en un comunicado.
Ambos líderes abordaron la lucha contra el crimen organizado.
Un acuerdo de cooperación en seguridad podría firmarse en enero.
Por nuestro corresponsal en Santiago
Actualizado el 22 de diciembre de 2025, 18:04
""")
_add("en", "en", "en", """
Kast meets Noboa in Quito
Chile's president-elect travels to Ecuador
Far-right candidate wins Chile runoff
Kast wins with 58% of the vote
Migration tops Kast's regional agenda
Boric hosts his successor at La Moneda
Peru is next on the president-elect's tour
Jara concedes defeat
Milei congratulates Chile's new leader
Turnout reached 85%, a record
Markets cheer Kast victory
The candidate promised to expel migrants living in the country illegally.
Thousands of supporters gathered outside his campaign headquarters on Sunday.
The inauguration will take place on March 11 in Valparaíso.
According to official results, Kast won every region of the country.
On Monday he met former President Michelle Bachelet.
Ecuador's government confirmed the meeting in a statement.
The two leaders discussed the fight against organized crime.
A security cooperation deal could be signed in January.
By our correspondent in Santiago
Updated December 22, 2025, 6:04 p.m.
""")
# Other languages: never extracted.
_add("pt", "es", None, """
O presidente eleito do Chile, José Antonio Kast, viajou nesta segunda-feira ao Equador para se reunir com Daniel Noboa.
Segundo o comunicado oficial, os dois líderes discutiram a crise migratória e a segurança regional.
A cerimônia de posse acontecerá no dia 11 de março, em Valparaíso, com a presença de vários chefes de Estado.
""")
_add("it", "es", None, """
Il presidente eletto del Cile, José Antonio Kast, si è recato lunedì in Ecuador per incontrare Daniel Noboa.
Secondo la nota ufficiale, i due leader hanno discusso della crisi migratoria e della sicurezza nella regione.
La cerimonia di insediamento si terrà l'11 marzo a Valparaíso alla presenza di numerosi capi di Stato.
""")
_add("ca", "es", None, """
El president electe de Xile, José Antonio Kast, ha viatjat aquest dilluns a l'Equador per reunir-se amb Daniel Noboa.
Segons el comunicat oficial, tots dos líders han parlat de la crisi migratòria i de la seguretat a la regió.
La cerimònia d'investidura se celebrarà l'11 de març a Valparaíso amb la presència de diversos caps d'estat.
""")
_add("de", "en", None, """
Der gewählte Präsident Chiles, José Antonio Kast, ist am Montag nach Ecuador gereist, um Daniel Noboa zu treffen.
Nach Angaben des Büros sprachen beide Politiker über die Migrationskrise und die Sicherheit in der Region.
""")
_add("yo", "en", None, """
Awọn iroyin ti o ni ibatan
Àwòrán tí AI ṣe
Ti AI ṣe iroyin
Ojú-ìwé yìí nlo kuki
A nlo kuki fun itupalẹ lati mu ilọsiwaju wa.
Ààrẹ tuntun ti orílẹ̀-èdè Chile ṣèbẹ̀wò sí Ecuador
Kọ
""")
_add("ru", "en", None, """
Избранный президент Чили Хосе Антонио Каст встретился с президентом Эквадора.
""")
# Furniture in any language: never extracted (language label = the line's language).
FURNITURE: list[str] = []
for lang, lines in {
    "fr": "Lire aussi\nÀ lire aussi :\nCrédit photo : AFP\nPhoto : Reuters\nCe site utilise des cookies pour améliorer votre expérience.\nPartager sur Facebook\nAbonnez-vous à notre newsletter\n© Le Monde 2025. Tous droits réservés.\nAccueil › International › Amériques\nImage générée par IA\nTout accepter",
    "es": "Noticias relacionadas\nTe puede interesar\nFoto: EFE\nImagen generada por IA\nEste sitio web utiliza cookies para mejorar su experiencia.\nCompartir en WhatsApp\nSuscríbete a nuestro boletín\n© 2025 El Mercurio. Todos los derechos reservados.\nInicio > Política > Nacional\nAceptar\nPublicidad",
    "en": "Read more\nRelated stories\nPhoto: Reuters\nImage: AI-generated\nWe use cookies to improve your experience on our site.\nShare on Twitter\nSubscribe to our newsletter\nCopyright 2025 Reuters. All rights reserved.\nHome / World / Americas\nAccept all\nAdvertisement\n(AFP)",
    "pt": "Leia também\nEste site utiliza cookies para melhorar a sua experiência.\nCompartilhar no WhatsApp",
    "it": "Leggi anche\nQuesto sito utilizza cookie tecnici e di profilazione.\nTutti i diritti riservati",
    "de": "Mehr zum Thema\nDiese Website verwendet Cookies.\nAlle Rechte vorbehalten.",
    "yo": "Awọn iroyin ti o ni ibatan\nÀwòrán tí AI ṣe\nOjú-ìwé yìí nlo kuki\nKọ",
}.items():
    _add(lang, lang if lang in SUPPORTED else "en", None, lines)
    FURNITURE.extend(line.strip() for line in lines.strip().splitlines())


def seed_items(shared: str) -> list[tuple[str, str, str, str | None]]:
    """The seeds' blocks, labelled: seed language, except 004's Yoruba furniture (yo, skipped)."""
    items = []
    for path, lang in (("000_dff806b68d89388f.txt", "fr"), ("002_3be740355aa4a783.txt", "es"),
                       ("004_2776c4c1bfc5371a.txt", "en")):
        text = open(os.path.join(shared, "seeds", path), encoding="utf-8").read()
        for block in split_blocks(text):
            chunk = text[block.start:block.end]
            yoruba = lang == "en" and any(w in chunk for w in ("ṣe", "kuki", "iroyin", "Kọ"))
            items.append((chunk, "yo" if yoruba else lang, lang, None if yoruba else lang))
    return items


def spec_items(shared: str) -> list[tuple[str, str, str, str | None]]:
    items = []
    folders = {"English": "en", "Spanish": "es", "French": "fr"}
    for path in sorted(glob.glob(os.path.join(shared, "peer-specs/recognizers-text/Specs/**/*.json"),
                              recursive=True)):
        lang = folders.get(os.path.basename(os.path.dirname(path)))
        if lang is None:
            continue
        seen = set()
        for case in json.load(open(path, encoding="utf-8-sig")):
            sentence = case["Input"].strip()
            if sentence and sentence not in seen:
                seen.add(sentence)
                items.append((sentence, lang, lang, lang))
    return items


def bucket(text: str) -> str:
    letters = sum(ch.isalpha() for ch in text)
    if letters < 3:
        return "a <3 letters"
    if len(text) < 20:
        return "b <20 chars"
    if len(text) < 50:
        return "c 20-49"
    if len(text) < 120:
        return "d 50-119"
    return "e >=120"


def furniture(sets) -> None:
    """Furniture recall on the hand-written furniture lines; false alarms on everything else that
    is news text (seed paragraphs, spec sentences, hand-written news lines)."""
    from kastfacts.language import boilerplate_reason
    found = [line for line in FURNITURE if boilerplate_reason(line)]
    missed = [line for line in FURNITURE if not boilerplate_reason(line)]
    news = [text for items in sets.values() for text, _l, _d, expect in items
            if expect is not None and text not in FURNITURE]
    alarms = [(text, boilerplate_reason(text)) for text in news if boilerplate_reason(text)]
    print(f"\nfurniture: {len(found)}/{len(FURNITURE)} flagged; missed: {missed}")
    print(f"false alarms on news/spec lines: {len(alarms)}/{len(news)} {alarms[:10]}")


def cross_language(items) -> None:
    """fr/es/en news lines placed in a document of another supported language (a quote, a title
    in English on a Spanish page): how often is the line extracted in its own language?"""
    stats = defaultdict(lambda: [0, 0, 0])
    for text, lang, _doc, expect in items:
        if expect is None:
            continue
        block = make_block(text, 0, len(text))
        for doc in SUPPORTED:
            if doc == lang:
                continue
            ok, got = extractable(block, doc)
            s = stats[bucket(text)]
            s[0] += 1
            s[1] += got == lang
            s[2] += got == doc
    print("\ncross: fr/es/en line in a document of another of them")
    print(f"{'bucket':14} {'n':>5} {'own':>7} {'doc':>7}")
    for key in sorted(stats):
        n, own, doc = stats[key]
        print(f"{key:14} {n:5} {own / n:7.1%} {doc / n:7.1%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    parser.add_argument("--errors", action="store_true", help="print the misjudged lines")
    args = parser.parse_args()

    sets = {"seeds": seed_items(args.shared), "specs": spec_items(args.shared), "hand": HAND}
    detect_language("warm up the model")
    from kastfacts.language import _identifier
    raw = _identifier()
    print("langid = detect_language() label right; raw = plain py3langid classify() right;")
    print("sup-top = best of fr/es/en right (for fr/es/en lines); extract = extractable() as expected\n")
    print(f"{'set':6} {'bucket':14} {'n':>5} {'langid':>7} {'raw':>7} {'sup-top':>7} {'extract':>7}")
    errors = []
    total_time = total_n = 0
    for name, items in sets.items():
        stats = defaultdict(lambda: [0, 0, 0, 0, 0])
        for text, lang, doc, expect in items:
            t0 = time.perf_counter()
            block = make_block(text, 0, len(text))
            total_time += time.perf_counter() - t0
            total_n += 1
            decision = extractable(block, doc)
            got = decision[1] if decision[0] else None
            s = stats[bucket(text)]
            s[0] += 1
            s[1] += block.lang == lang
            # best SUPPORTED candidate right (what a forced choice among fr/es/en would give)
            s[2] += bool(block.supported) and block.supported[0][0] == lang if lang in SUPPORTED else block.lang == lang
            s[3] += got == expect
            s[4] += raw.classify(text)[0] == lang
            if got != expect or (args.errors and block.lang != lang and bucket(text) >= "c"):
                errors.append((name, lang, expect, got, block.lang, block.confidence, block.boilerplate, text[:90]))
        for key in sorted(stats):
            n, ok, sup, ext, rawok = stats[key]
            print(f"{name:6} {key:14} {n:5} {ok / n:7.1%} {rawok / n:7.1%} {sup / n:7.1%} {ext / n:7.1%}")
        n, ok, sup, ext, rawok = (sum(s[i] for s in stats.values()) for i in range(5))
        print(f"{name:6} {'ALL':14} {n:5} {ok / n:7.1%} {rawok / n:7.1%} {sup / n:7.1%} {ext / n:7.1%}")
    cross_language(sets["hand"])
    furniture(sets)
    print(f"\n{total_time / total_n * 1000:.3f} ms per block (detection + charset + furniture), {total_n} blocks")
    # document_language on the seeds
    for path in sorted(glob.glob(os.path.join(args.shared, "seeds", "*.txt"))):
        text = open(path, encoding="utf-8").read()
        print(os.path.basename(path), "document_language =", document_language(split_blocks(text)))
    if args.errors:
        print("\nwrong extractable() decisions / wrong labels (len>=20):")
        for e in errors:
            print(" ", e)


if __name__ == "__main__":
    main()
