"""People, places and organizations: typing a statistical model's NER spans with knowledge, and
resolving mentions to one entity across documents and languages.

The small spaCy models glue verbs to names ("Kast eligió"), label sentence-initial words
("La seguridad"), call surnames places ("Kast" LOC) and cities persons ("Buenos Aires" PER).
`type_entities` cleans each span, rejects what is not a name, retypes it with the gazetteer and
with what the same document says elsewhere (a surname of a full name seen as a person is a person),
and adds the places and known surnames the model missed. `Resolver` then links mentions corpus-wide.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from kastfacts.gazetteer import (_SCAN_STOPWORDS, PERSON_AMBIGUOUS, Place, admin_scan_names, admin_type,
                                 find_places, fold, fold_ascii, lookup_admin, lookup_entry, lookup_place,
                                 strip_article, tokens_with_offsets)
from kastfacts.percentages import is_figure_at

PERSON_LABELS = frozenset({"PER", "PERSON"})
PLACE_LABELS = frozenset({"LOC", "GPE"})
ORG_LABELS = frozenset({"ORG"})
ENTITY_LABELS = PERSON_LABELS | PLACE_LABELS | ORG_LABELS | {"MISC", "NORP", "FAC"}
GAZETTEER = "GAZETTEER"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str                  # person | place | organization
    value: str
    label: str                 # the model's label, or GAZETTEER for what knowledge alone found
    code: str | None = None
    place_type: str | None = None
    geonames_id: int | None = None

    @classmethod
    def stored(cls, start: int, end: int, text: str, fields: tuple) -> "Mention":
        """The mention a stored entity fact was, as extracted, from its raw MENTION_FIELDS (strings
        interned: the corpus pass holds the same names many times over)."""
        kind, value, label, code, place_type, geonames_id = fields
        return _frozen(cls, start=start, end=end, text=sys.intern(text), kind=kind,
                       value=sys.intern(value if isinstance(value, str) else str(value)),
                       label=sys.intern(label or ""), code=code, place_type=place_type, geonames_id=geonames_id)


def _frozen(cls, **fields):
    """cls(**fields) of a frozen dataclass, its fields set at once: its __init__ sets each through
    object.__setattr__, and the corpus pass makes every mention and resolution three times over."""
    made = object.__new__(cls)
    made.__dict__.update(fields)
    return made


# --------------------------------------------------------------------------- lexicons


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


_LEXICON_FILE = Path(__file__).resolve().parent / "data" / "entity_lexicon.json"
_LEXICON: dict = json.loads(_LEXICON_FILE.read_text(encoding="utf-8"))
# The tables of data/entity_lexicon.json, per language:
#   org_heads            common nouns that introduce an organization's name ("el partido X", "la consultora X")
#   org_head_qualifiers  words that may stand between such a noun and the name ("le parti d'extrême droite X")
#   org_tail_heads       nouns that follow an organization's name ("the X party")
#   party_families       a party named by its members, in the plural ("the Greens", "les Verts", "los socialistas")
#   maker_heads, maker_links   a poll and who made it ("a poll by X", "un sondage réalisé par X"): X is an organization
#   org_parenthetical    words that describe an organization in parentheses after it ("X (coalition de droite)")
#   affiliation_links    what joins a person to their party after a comma ("Luisa González, de la X")
#   org_keywords         words that make a name an organization wherever they stand in it ("Jurado ...")
#   platforms            social networks and platforms, all languages
#   region_types         division nouns and the English type they give ("provincia" -> Province)
#   region_type_qualifiers, region_links, list_intros   "la province occidentale de X", "provincias como X, Y"
#   headline_words       Title-Case words a headline runs into a name ("Noboa Wins")
#   alias_intros         "X, known as Y", "X, alias Y"
#   infinitive_endings   a lone capitalized word at a sentence start with these is a verb ("« Réélire un ... »")
#   nominee_heads        "el candidato de X", "the nominee of X": X is the party that nominated them
#   leanings             political leanings a headline puts before a name ("Conservative Macri wins"): not the name's
#   ticket_nouns         a joint ticket named by its two surnames ("la fórmula Arce-Choquehuanca"): its head's
#   camp_nouns           a political camp after a nominee's "of" ("le candidat de l'opposition X"): X is the candidate


@lru_cache(maxsize=None)
def _lexicon_table(name: str, lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _LEXICON[name].get(lang, ()))


def lexicon_words(name: str, lang: str) -> tuple[str, ...]:
    """A lexicon table's words as written (accents kept), to build patterns from."""
    return tuple(_LEXICON[name].get(lang, ()))


def is_leaning(word: str, lang: str) -> bool:
    """A political leaning written before a name ("centre-right", "ultraderechista")."""
    return fold(word) in _lexicon_table("leanings", lang)


def describes_party(word: str, lang: str) -> bool:
    """A word that describes a party rather than names it ("ruling", "far-right", "opositor")."""
    return fold(word) in _lexicon_table("org_head_qualifiers", lang)


def _lexicon_all(name: str) -> frozenset[str]:
    return frozenset(fold(w) for words in _LEXICON[name].values() for w in words)


# Function words that never begin a name (prepositions, conjunctions, pronouns, determiners, adverbs).
FUNCTION_WORDS = _words("""
the a an in on at for from to and or but of by with after before since during as if when while this that
these those his her its their our my your he she it they we i you also however then thus both according
under over about between among like unlike despite amid amidst without via per than so yet not no all some
many most every each other another such meanwhile although though because where which who whom whose what
there here now still even only just more less very again once upon into onto toward towards across through
le la les l' un une des du de d' au aux à et ou mais pour par avec après avant depuis dans sur selon sous
chez entre vers contre sans il elle ils elles on nous vous je ce cet cette ces son sa ses leur leurs notre
nos votre vos mon ma mes qui que qu' quand lors lorsque si ainsi alors puis aussi donc car ni ne pas dont où
comme même tout tous toute toutes plus moins très cependant pourtant désormais encore déjà enfin
el los las lo uno unos unas del al y e o u pero para por con sin tras desde durante en sobre según hacia
ante bajo contra hasta él ella ellos ellas nosotros se su sus este esta estos estas ese esa esos esas
aquel aquella quien quienes cuando como así también aunque pues ya no más menos muy todo toda todos todas
mientras donde cuyo cuya otro otra otros otras cada ambos ambas sino además sin embargo luego incluso
""")
# Articles and particles that may begin a surname or a place name ("Le Pen", "De Gaulle", "La Paz").
PARTICLES = _words("le la les el los las de del di da van von du des der den dos das lo")

# Titles and roles stripped from around a name. Compared folded, token by token.
TITLES = _words("""
president president-elect vice former ex late prime minister foreign senator sen rep representative
governor gov mayor general gen colonel col judge justice dr mr mrs ms miss pope king queen prince princess
chancellor secretary secretary-general ambassador deputy congressman congresswoman lawmaker commander chief
leader candidate lt sgt capt adm sir lord dame lady bishop archbishop cardinal rev father sister professor
prof premier chairman chairwoman speaker incumbent outgoing elect then-president then interim acting
opposition presidential sitting rival
président présidente élu élue ex-président ancien ancienne premier première ministre sénateur sénatrice
député députée gouverneur maire général colonel juge docteur m mme mlle pape roi reine prince princesse
chancelier secrétaire ambassadeur ambassadrice candidat candidate chef dirigeant dirigeante monseigneur me
pr sortant sortante futur future opposant opposante homologue leader
presidente presidenta expresidente expresidenta electo electa mandatario mandataria primer ministro
ministra canciller senador senadora diputado diputada gobernador gobernadora alcalde alcaldesa coronel juez
jueza doctor doctora sr sra srta don doña papa rey reina príncipe princesa secretario secretaria embajador
embajadora candidato candidata líder jefe jefa monseñor saliente mandatarios homólogo homóloga exmandatario
""")
# Titles that may trail a place in English compounds ("Arica Governor Diego Paco", "Chile President").
TRAILING_TITLES = _words("governor mayor president minister senator leader gobernador alcalde presidente")

ORG_KEYWORDS = _words("""
party parti partido front frente union unión movement mouvement movimiento coalition coalición alliance
alianza ministry ministère ministerio bank banque banco council conseil consejo court cour tribunal corte
commission comisión comision committee comité agency agence agencia office bureau oficina organization
organisation organización association asociación federation fédération federación assembly assemblée
asamblea senate sénat senado congress congrès congreso university université universidad institute
institut instituto company group groupe grupo corporation inc ltd foundation fondation fundación police
policía army armée ejército navy armada forces fuerzas service servicio department news times post journal
radio tv télévision televisión channel network réseau red fund fonds fondo league ligue liga
nations naciones unies unidas club chamber chambre cámara camara government gouvernement gobierno
partido parti
""") | _lexicon_all("org_keywords")
PLATFORMS = frozenset(fold(w) for w in _LEXICON["platforms"])
FACILITY_KEYWORDS = _words("""
palace palais palacio airport aéroport aeropuerto bridge pont puente stadium stade estadio square plaza
place avenue avenida street calle rue tower tour torre prison cárcel hospital hôpital port puerto station
estación gare cathedral cathédrale catedral building edificio
""")
# Capitalized common nouns of news prose that models mark as entities.
GENERIC_NOUNS = _words("""
estado estados état états state states gobierno gouvernement government gobiernos congreso senado
presidencia présidence presidency ejecutivo exécutif executive parlamento parlement parliament asamblea
cámara ministerio ministère ministry república république republic nación nation naciones nations
constitución constitution justicia justice fiscalía policía police ejército armée army internet web
covid coronavirus dios dieu god iglesia église church occidente occident west oriente orient east
norte nord north sur sud south región région region capital capitale país pays country ciudad ville city
economía économie economy hacienda finanzas finances finance interior intérieur defensa défense defense
salud santé health educación éducation education justicia trabajo travail labor labour exteriores
relaciones seguridad sécurité security cancillería transporte transports agricultura agriculture energía
énergie energy cultura culture vivienda logement housing comercio commerce trade
monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi
dimanche lunes martes miércoles jueves viernes sábado domingo january february march april june july
august september october november december janvier février avril juin juillet août septembre octobre
novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
diciembre
días semanas meses años horas jours semaines mois ans années heures days weeks months years hours
""")
# Verbs that follow a speaker: a name before them is not a place.
REPORTING_VERBS = _words("""
said says told added stated announced argued insisted warned explained noted replied declared
dijo afirmó declaró señaló aseguró sostuvo indicó anunció explicó agregó añadió advirtió comentó expresó
destacó subrayó respondió reconoció recibió viajó llegó
déclaré dit affirmé annoncé estimé ajouté souligné expliqué assuré indiqué averti répondu reconnu
déclare affirme estime annonce ajoute souligne explique assure indique avertit répond reconnaît recevra
""")
# All-caps tokens that are not organizations or places.
NON_ENTITY_ACRONYMS = frozenset("""
AI IA CEO GDP PIB PBI TV OK DNA ADN PDF FAQ URL USD EUR PM AM AFP EFE AP TBD NB PS VS HD CV ID II III IV
""".split())

FIRST_NAMES = _words("""
josé jose juan luis carlos jorge pedro miguel antonio manuel francisco javier diego daniel david alejandro
andrés andres fernando ricardo eduardo sergio pablo rafael roberto alberto gabriel gustavo héctor hector
raúl raul mario óscar oscar enrique felipe rodrigo sebastián sebastian nicolás nicolas cristián cristian
christian matías matias tomás tomas ignacio joaquín joaquin gonzalo álvaro alvaro julio césar cesar hugo
víctor victor guillermo ernesto arturo marcelo mauricio germán german rubén ruben santiago emilio lucas
martín martin agustín agustin facundo federico leonardo lorenzo ramón ramon salvador vicente evo rafael
lenín lenin guillermo iván ivan nayib augusto michelle gabriela maría maria ana isabel carmen laura
lucía lucia paula marta sofía sofia valentina camila daniela andrea carolina claudia patricia beatriz
verónica veronica cristina elena rosa teresa juana alejandra natalia fernanda lorena mónica monica silvia
sandra paola jeannette jeanette evelyn marcela josefina florencia victoria luisa dilma cristina keiko
dina xiomara luiza gloria rocío pilar inés ines soledad esperanza dolores mercedes
jean jacques pierre paul louis françois francois michel philippe alain bernard nicolas emmanuel
laurent olivier éric eric christophe frédéric frederic thierry stéphane stephane patrick dominique
gérard gerard henri marcel rené rene yves claude andré andre bruno didier julien thomas antoine maxime
guillaume mathieu édouard edouard gabriel jordan raphaël raphael marine ségolène segolene anne marie
sophie nathalie isabelle catherine françoise francoise christine valérie valerie sylvie martine
brigitte élisabeth elisabeth édith edith rachida najat manon clémence clemence aurore fabien gérald
jean-luc jean-marie jean-pierre jean-yves jean-claude jean-paul marie-france
john james robert michael william richard joseph charles christopher mark donald george kenneth steven
edward brian ronald anthony kevin jason matthew gary timothy larry jeffrey frank scott eric stephen
andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl arthur ryan
roger joe juan jack albert jonathan justin terry gerald keith samuel willie ralph lawrence nicholas roy
benjamin bruce brandon adam harry fred wayne billy steve louis jeremy aaron randy howard eugene carlos
russell bobby victor martin ernest phillip todd jesse craig alan shawn clarence sean philip chris
johnny earl jimmy antonio bill barack hillary kamala joe mike marco ted rand nancy elizabeth mary
patricia jennifer linda barbara susan jessica sarah karen lisa betty margaret sandra ashley kimberly
emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon cynthia kathleen
amy angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel carolyn
janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann madison kathryn
boris vladimir xi recep narendra benjamin volodymyr olaf angela giorgia ursula antónio antonio
luiz jair gustavo alberto cristina sergio horacio patricia mauricio
""")

# Frequent common nouns of news prose, per language, that a small model may call a person when a
# sentence starts with them ("Turnout was 58%"). Only consulted for a lone sentence-initial word.
COMMON_NOUNS = {
    "en": _words("""
turnout participation abstention poll polls pollster voters voter vote votes ballot ballots election
elections runoff campaign campaigns results result counting inflation growth unemployment employment
markets market stocks shares prices price rates rate trade exports imports investment investors economy
budget deficit debt taxes tax wages jobs police troops soldiers government parliament congress security
migration migrants immigration refugees protesters protests demonstrators violence crime crimes murders
homicides corruption fraud officials authorities analysts experts critics supporters opponents observers
lawmakers legislators ministers leaders residents citizens people families children women men workers
unions negotiations talks reforms reform spending support opposition approval rejection participation
demand supply production output consumption sales revenue profits losses oil gas energy electricity
water food health education housing transport climate weather drought floods fires earthquake storm
rain heat damage deaths casualties victims rescuers firefighters doctors nurses patients hospitals
schools students teachers prosecutors judges courts lawyers witnesses sources reports data figures
statistics estimates projections forecasts surveys census population voting counting attendance
tourism tourists traffic travel flights airlines banks lenders currency peso dollar euro bonds yields
""" + "yesterday today tomorrow tonight meanwhile overall nearly almost some most many several"),
    "fr": _words("""
participation abstention sondage sondages électeurs électrices électeur scrutin vote votes bulletins
élection élections campagne résultats résultat dépouillement inflation croissance chômage emploi marchés
marché bourse actions prix taux commerce exportations importations investissements investisseurs économie
budget déficit dette impôts salaires police policiers gendarmes soldats militaires gouvernement parlement
sécurité migration migrants immigration réfugiés manifestants manifestations violences violence
criminalité corruption fraude responsables autorités analystes experts critiques partisans opposants
observateurs élus ministres dirigeants habitants citoyens familles enfants femmes hommes travailleurs
syndicats négociations pourparlers réformes réforme dépenses soutien opposition approbation rejet demande
production consommation ventes recettes bénéfices pertes pétrole gaz énergie électricité eau santé
éducation logement transports climat météo sécheresse inondations incendies séisme tempête pluie
chaleur dégâts morts victimes secours pompiers médecins patients hôpitaux écoles élèves étudiants
enseignants procureurs juges avocats témoins sources chiffres statistiques estimations prévisions
enquête enquêtes recensement population fréquentation tourisme touristes trafic vols banques monnaie
devise obligations hier aujourd'hui demain ce soir néanmoins cependant environ plusieurs
"""),
    "es": _words("""
participación abstención encuesta encuestas sondeo votantes electores elector votación voto votos
papeletas elección elecciones campaña resultados resultado escrutinio inflación crecimiento desempleo
empleo mercados mercado bolsa acciones precios precio tasas comercio exportaciones importaciones
inversión inversionistas inversores economía presupuesto déficit deuda impuestos salarios policía
policías carabineros soldados militares gobierno parlamento seguridad migración migrantes inmigración
refugiados manifestantes protestas manifestaciones violencia delincuencia crimen corrupción fraude
funcionarios autoridades analistas expertos críticos partidarios simpatizantes opositores observadores
legisladores ministros líderes dirigentes habitantes ciudadanos familias niños mujeres hombres
trabajadores sindicatos negociaciones conversaciones reformas reforma gasto apoyo oposición aprobación
rechazo demanda producción consumo ventas ingresos ganancias pérdidas petróleo gas energía electricidad
agua salud educación vivienda transporte clima sequía inundaciones incendios sismo terremoto tormenta
lluvia calor daños muertos víctimas rescatistas bomberos médicos pacientes hospitales escuelas
estudiantes profesores fiscales jueces abogados testigos fuentes cifras estadísticas estimaciones
proyecciones sondeos censo población asistencia turismo turistas tráfico vuelos bancos moneda divisa
bonos ayer hoy mañana anoche sin embargo alrededor varios
"""),
}


# --------------------------------------------------------------------------- tokens and cleaning

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?|\d+(?:[.,]\d+)*|\S", re.UNICODE)
_EDGE_PUNCT = "\"'«»“”‘’„()[]{},;:!?—–-*·•|/\\"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_URLISH = re.compile(r"(?:https?://|www\.|\.(?:com|org|net|fr|es|cl|ec)\b|[@#])", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑÇ]{2,6}$")
_DEMONYM_SUFFIX = re.compile(
    r"(?:ian|ians|ean|eans|an|ans|ese|ish|i|is|ien|iens|ienne|iennes|ais|aise|aises|ois|oise|oises|ain|"
    r"aine|ains|aines|ano|ana|anos|anas|eño|eña|eños|eñas|ense|enses|és|esa|eses|esas|ino|ina|inos|inas|"
    r"iano|iana|ianos|ianas|ita|itas|ota|otas|ote|otes|eco|eca|ecos|ecas|ien|in|ine|ins|ines|ol|ols|ole|oles|"
    r"ola|olas)$")


class _Token(NamedTuple):
    """A word or a sign of a span (a tuple: spans make many, and a frozen dataclass builds slowly)."""
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return fold(self.text.rstrip("."))


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    word = text[start:end]
    if word.isalpha():
        return [_Token(start, end, word)]         # one word, as most spans are: _TOKEN's one match
    # (_TOKEN has no anchor nor look-around: matching within the bounds is matching the slice)
    return [_Token(*m.span(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_title(token: _Token) -> bool:
    key = token.key
    return key in TITLES or key.split(" ")[0] in TITLES and "-" in token.text or _prefixed_title(key)


@lru_cache(maxsize=65536)
def _prefixed_title(key: str) -> bool:
    """'exvicepresidenta', 'ex-ministro', 'vicepresidente': a title with its ex-/vice- prefix."""
    key = re.sub(r"^l['’]\s*", "", key).replace(" ", "").replace("-", "")     # "l'ex-ministre" -> "exministre"
    for prefix in ("exvice", "ex", "vice"):
        if key.startswith(prefix) and key[len(prefix):] in TITLES:
            return True
    return False


def _capitalized(token: _Token) -> bool:
    return token.text[:1].isupper()


def _is_function_word(token: _Token) -> bool:
    return token.key in FUNCTION_WORDS or token.text.endswith(("'", "’")) and len(token.text) <= 3


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while start < end and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    if end - start > 2 and text[end - 1] == "." and re.match(r"\s*[-–—]", text[end:end + 3]):
        end -= 1                # "SANTIAGO.- El diputado": a dateline's period
    m = _POSSESSIVE.search(text[start:end])
    if m and end - start - len(m.group()) > 1:
        end = start + m.start()
    return start, end


def _is_name_word(token: _Token) -> bool:
    """Capitalized word that can be part of a name (not a function word)."""
    return _capitalized(token) and token.text[:1].isalpha() and not _is_function_word(token)


def _clean(text: str, start: int, end: int, label: str, lang: str) -> tuple[int, int] | None:
    """Trim a model span to the name it holds, or None when it holds none."""
    start, end = _trim_edges(text, start, end)
    if start >= end:
        return None
    if _is_place_as_written(text[start:end], lang):
        return start, end                      # "El Salvador", "Amérique latine", "La Paz" as they stand
    tokens = _tokens(text, start, end)
    is_org = label in ORG_LABELS
    # leading: prepositions, pronouns, titles, lowercase words, sentence-initial "-ing" words
    while tokens:
        first, rest = tokens[0], tokens[1:]
        if _is_place_as_written(text[first.start:tokens[-1].end], lang):
            break
        if is_org and first.text[:1].islower() and first.key in ORG_KEYWORDS:
            break                                # "ministère des Affaires étrangères"
        if first.key in PARTICLES and rest and _capitalized(first) and _capitalized(rest[0]) and (
                label in PERSON_LABELS or is_org):
            break                                # "Le Pen", "De Gaulle", "El País"
        if first.key in PARTICLES and rest and (not _capitalized(first) or is_org is False):
            tokens = rest
            continue
        if rest and _capitalized(rest[0]) and first.key in _lexicon_table("leanings", lang) \
                and not _names_a_party(text[rest[0].start:rest[-1].end], lang):
            tokens = rest                        # "Conservative Macri", "Ultraderechista Kast": the name is Macri's
            continue
        if (_is_function_word(first) or (not is_org and _is_title(first)) or not first.text[:1].isalnum()
                or first.text[:1].islower()
                or (rest and lang == "en" and first.text.endswith("ing") and _capitalized(rest[0])
                    and first.key not in FIRST_NAMES and label in PERSON_LABELS)):
            tokens = rest
            continue
        break
    # trailing: a title after a place ("Arica Governor"), then glued lowercase words ("Kast eligió")
    if len(tokens) > 1 and tokens[-1].key in TRAILING_TITLES and lookup_entry(
            text[tokens[0].start:tokens[-2].end], lang):
        tokens = tokens[:-1]
    if tokens and not lookup_entry(text[tokens[0].start:tokens[-1].end], lang):
        kept = tokens[:1]
        for i, token in enumerate(tokens[1:], 1):
            if token.text[:1].isdigit() and is_figure_at(text, token.start, lang):
                break                         # "Hernandez 28.2 percent": the name ends before its figure
            if _capitalized(token) or token.text[:1].isdigit() and is_org:
                kept = tokens[:i + 1]
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if (token.key in PARTICLES or token.key in ("y", "et", "and", "&", "of", "for", "pour", "por",
                                                        "'", "-")) and nxt is not None and _capitalized(nxt):
                continue                      # "Palacio de Carondelet", "Bosnia and Herzegovina"
            if token.key in PARTICLES and nxt is not None and nxt.key in PARTICLES and i + 2 < len(tokens) \
                    and _capitalized(tokens[i + 2]):
                continue                      # "Abelardo de la Espriella", "Juan de los Santos"
            if is_org and token.text[:1].isalpha():
                if _looks_like_full_name(text[tokens[0].start:kept[-1].end]):
                    break                     # "Lai Ching-te ganó": a person's name, and the verb after it
                if token.key not in FUNCTION_WORDS:
                    kept = tokens[:i + 1]     # "Parti socialiste": org names hold lowercase words
                continue
            break
        tokens = kept
    while tokens and not tokens[-1].text[:1].isalnum():
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = _trim_edges(text, tokens[0].start, tokens[-1].end)
    return (start, end) if start < end else None


def _names_a_party(surface: str, lang: str) -> bool:
    """'Liberal [Democrats]', 'Socialist [Workers Party]': what follows a leaning is the party's name."""
    return _has_org_keyword(surface) or fold(surface) in _lexicon_table("party_families", lang)


@lru_cache(maxsize=65536)
def _is_place_as_written(surface: str, lang: str) -> bool:
    """A gazetteer name as it stands; cities and divisions only when several words ("La Paz", not
    "Paz"; "El Oro", not "Oro")."""
    several = " " in surface.strip()
    return bool(lookup_entry(surface, lang, with_cities=several) or several and _admin_as_written(surface))


def _admin_as_written(surface: str) -> bool:
    """A division named with its article ("El Oro", "La Libertad"): the article is part of the name."""
    return strip_article(surface) != surface and bool(lookup_admin(surface))


@lru_cache(maxsize=65536)
def _rejected(surface: str, label: str) -> bool:
    """Not a name at all: lowercase, digits, URLs, handles, single letters, generic nouns, noise."""
    if not surface or len(surface.replace(".", "")) < 2:
        return True
    if not surface[0].isupper() and not (label in ORG_LABELS and fold(surface.split()[0]) in ORG_KEYWORDS):
        return True
    if _URLISH.search(surface):
        return True
    if any(c.isdigit() for c in surface) and label not in ORG_LABELS:
        return True
    words = surface.split()
    if len(words) == 1 and fold(surface) in GENERIC_NOUNS:
        return True
    if surface.replace(".", "") in NON_ENTITY_ACRONYMS:
        return True
    if len(words) > 1 and surface.isupper():
        return True
    if len(words) > 8:
        return True
    return False


# --------------------------------------------------------------------------- demonyms


_PLACE_STEMS: frozenset[str] | None = None


def _place_stems() -> frozenset[str]:
    """First four letters of every country name (all three languages): the stem demonyms share."""
    global _PLACE_STEMS
    if _PLACE_STEMS is None:
        from kastfacts.gazetteer import _country_index, _region_index
        keys = {k for index in _country_index().values() for k in index} | set(_region_index())
        _PLACE_STEMS = frozenset(k.replace(" ", "")[:4] for k in keys if len(k) >= 4)
    return _PLACE_STEMS


def looks_like_demonym(surface: str) -> bool:
    """'Chilean', 'chilien', 'ecuatoriano', 'Équatoriens': a people's adjective, not a place."""
    key = fold(surface)
    if " " in key or len(key) < 5:
        return False
    return bool(_DEMONYM_SUFFIX.search(key)) and key[:4] in _place_stems()


# --------------------------------------------------------------------------- typing

@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    surface: str
    speaker: bool = False         # a person title before it, or a reporting verb after it


# the word before a span, matched on the reversed text before it: a search for a word then spaces
# at the end ("([^\W\d_][\w.\-]*)\s+$") tried every position of the 40 characters
_WORD_BEFORE_REVERSED = re.compile(r"\s+([\w.\-]*[^\W\d_])")
_WORDS_AFTER = re.compile(r"^\s+(?:(?:a|ha|has|have|had|will|would|also|aussi|también|ya)\s+)?([^\W\d_]+)")


def _speaker_context(text: str, start: int, end: int) -> bool:
    """'President-elect Kast', 'el presidente electo Kast', 'Kast dijo', 'Kast a déclaré'."""
    before = _WORD_BEFORE_REVERSED.match(text[max(0, start - 40):start][::-1])
    if before:
        word = before.group(1)[::-1]
        if fold(word.rstrip(".")) in TITLES or fold(word).split(" ")[0] in TITLES and "-" in word:
            return True
    after = _WORDS_AFTER.match(text[end:end + 40])
    return bool(after) and fold(after.group(1)) in REPORTING_VERBS


def _person_keys(name: str) -> set[str]:
    """Folded keys by which a full name may be cited alone: surnames and trailing runs."""
    return set(_person_keys_in_order(name))     # added in the same order: the same set, iterated alike


@lru_cache(maxsize=65536)
def _person_keys_in_order(name: str) -> tuple[str, ...]:
    words = name.split()
    keys = [fold(name)]
    if len(words) < 2:
        return tuple(keys)
    for i in range(1, len(words)):
        run = words[i:]
        if fold(run[0]) in FIRST_NAMES and i < len(words) - 1:
            continue
        keys.append(fold(" ".join(run)))
        if fold(words[i]) not in FIRST_NAMES and fold(words[i]) not in PARTICLES:
            keys.append(fold(words[i]))      # paternal surname: "Frei" of "Eduardo Frei Ruiz-Tagle"
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=65536)
def _looks_like_full_name(surface: str) -> bool:
    words = surface.split()
    if 2 <= len(words) <= 3 and all(map(_ROMANIZED_NAME_WORD.fullmatch, words)) \
            and any("-" in w for w in words[1:]):
        return True         # "Lai Ching-te", "Lee Jae-myung": a romanized given name, whatever the model said
    return 2 <= len(words) <= 5 and fold(words[0]) in FIRST_NAMES and all(
        w[:1].isupper() or fold(w) in PARTICLES for w in words)


# A word of a romanized Chinese or Korean name: a family name, or a given name of two syllables
# joined by a hyphen with the second in lower case ("Ching-te", "Jae-myung"), each syllable of
# the romanizations' shape (an initial, vowels, a final n, ng, k...: not "Year-end", "New").
_SYLLABLE = r"(?:ch|sh|zh|ts|hs|[bcdfghjklmnpqrstwxyz])?[wy]?[aeiouy]{1,3}(?:ng|rk|[nmrlkpth])?"
_ROMANIZED_NAME_WORD = re.compile(rf"(?=[A-Z][a-z]*(?:-[a-z]+)?$)(?i:{_SYLLABLE})(?:-{_SYLLABLE})?")


@lru_cache(maxsize=65536)
def _has_org_keyword(surface: str) -> bool:
    return any(fold(w) in ORG_KEYWORDS for w in surface.split())


def _extend_person(text: str, start: int, end: int) -> int:
    """'Eduardo' + ' Frei Ruiz-Tagle' -> end of the whole name (first names the model cut short)."""
    tokens = _tokens(text, end, min(len(text), end + 80))
    new_end = end
    for token in tokens[:3]:
        if text[new_end:token.start] != " " or not _is_name_word(token) or _is_title(token) \
                or token.key in FUNCTION_WORDS or lookup_entry(token.text, "en", with_cities=False):
            break
        new_end = token.end
    return new_end


def _in_blocks(start: int, end: int, blocks: list[tuple[int, int]] | None) -> bool:
    return blocks is None or any(b0 <= start and end <= b1 for b0, b1 in blocks)


def _place_mention(start: int, end: int, text: str, label: str, place: Place) -> Mention:
    return Mention(start, end, text, "place", place.name, label, place.code, place.place_type, place.geonames_id)


# --------------------------------------------------------------------------- place-named persons and common words

_WORD_THEN_SPACE = re.compile(r"([^\W\d_][\w'’-]*) $")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]['\"»”’)]*\s+|\n\s*|^\s*[«\"“'‘—–-]\s*)$")
# Before a place, these make it a place: "en Francia Márquez..." reads "in France, Márquez...".
LOCATIVE_WORDS = _words("en in dans à au aux desde hacia from into at near vers inside")


def _join_place_first_names(text: str, lang: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """'Francia' + 'Márquez' (PER) -> the person 'Francia Márquez'.

    Many first names are place names (Francia, Santiago, Israel, Lima, Paris): the model tags
    them as a place and the surname as a person. A capitalized place word directly before (one
    space) a person span that is a surname is its first name, unless the pair is itself a place,
    the word follows a locative preposition ("en Francia Macron..."), or the document gives that
    surname another first name ("Emmanuel Macron").
    """
    firsts_of = defaultdict(set)       # surname -> first words of the document's full names
    for c in candidates:
        words = c.surface.split()
        if c.label in PERSON_LABELS and len(words) >= 2:
            firsts_of[fold(words[-1])].add(fold(words[0]))
    out = list(candidates)
    for b in candidates:
        words = b.surface.split()
        if b.label not in PERSON_LABELS or not 1 <= len(words) <= 3 or fold(words[0]) in FIRST_NAMES:
            continue
        if not all(w[:1].isupper() for w in words) or lookup_entry(b.surface, lang, with_cities=False):
            continue
        m = _WORD_THEN_SPACE.search(text[max(0, b.start - 40):b.start])
        if not m:
            continue
        word = m.group(1)
        start = b.start - len(word) - 1
        if not word[:1].isupper() or word.isupper() or fold(word) in FUNCTION_WORDS or fold(word) in TITLES:
            continue
        if lookup_entry(word, lang) is None or lookup_entry(f"{word} {b.surface}", lang) is not None:
            continue
        before = _PREVIOUS_WORD.search(text[max(0, start - 30):start])
        if before and fold(before.group(1)) in LOCATIVE_WORDS:
            continue
        others = firsts_of.get(fold(words[-1]), set()) - {fold(word)}
        if others:
            continue
        out = [c for c in out if c.end <= start or c.start >= b.end]
        out.append(_Candidate(start, b.end, b.label, text[start:b.end], _speaker_context(text, start, b.end)))
    return sorted(out, key=lambda c: (c.start, c.end))


# (not a bare "de": "Yolanda Díaz de Sumar" is a person and her party)
_PARTICLE_LINK = re.compile(r"\s+(?:de\s+la|de\s+las|de\s+los|del|van\s+der)\s+", re.IGNORECASE)


def _join_particle_surnames(text: str, lang: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """'Abelardo' (PER) + ' de la ' + 'Espriella' (LOC): one person, 'Abelardo de la Espriella'. A
    first name the model cut before its particle, and a surname no gazetteer knows the model took
    for something else."""
    out = list(candidates)
    for a, b in zip(candidates, candidates[1:]):
        words = a.surface.split()
        if a.label not in PERSON_LABELS or not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
            continue
        if b.label in ORG_LABELS or len(b.surface.split()) != 1 or not b.surface[:1].isupper() or b.surface.isupper() \
                or lookup_entry(b.surface, lang) is not None or not _PARTICLE_LINK.fullmatch(text, a.end, b.start):
            continue
        out = [c for c in out if c is not a and c is not b]
        out.append(_Candidate(a.start, b.end, a.label, text[a.start:b.end], _speaker_context(text, a.start, b.end)))
    return sorted(out, key=lambda c: (c.start, c.end))


_POSSESSIVE_OWNER = re.compile(r"([A-ZÀ-Ý][\w-]+)['’]s\s+(?=[A-ZÀ-Ý])")


def _without_owner(text: str, c: _Candidate, person_keys: set[str]) -> _Candidate:
    """ "Arevalo's Seed Movement" (ORG): the organization is "Seed Movement", its owner a person the
    report names ("People's Party" keeps its name: no person is called People)."""
    owner = _POSSESSIVE_OWNER.match(c.surface)
    if c.label not in ORG_LABELS or owner is None or fold(owner.group(1)) not in person_keys:
        return c
    start = c.start + owner.end()
    return _Candidate(start, c.end, c.label, text[start:c.end], c.speaker)


def _is_common_word(text: str, lang: str, word: str) -> bool:
    """A common noun of the language: listed (singular or plural), or written in lowercase
    elsewhere in the same document (capitals at a sentence start carry no information)."""
    key = fold(word)
    nouns = COMMON_NOUNS.get(lang, frozenset())
    if key in nouns or key.endswith("s") and key[:-1] in nouns or key + "s" in nouns:
        return True
    return _has_whole_word(text, word.lower())


_PERSON_OR_ORG_LABELS = PERSON_LABELS | ORG_LABELS


@lru_cache(maxsize=None)
def _infinitive_endings(lang: str) -> tuple[str, ...]:
    return tuple(sorted(_lexicon_table("infinitive_endings", lang)))


def _sentence_initial_infinitive(text: str, lang: str, c: _Candidate) -> bool:
    """'« Réélire un bon gouvernement »': a lone unknown word opening a sentence or a quote, with an
    infinitive's ending and a lowercase word after it, is a verb, not a place."""
    if " " in c.surface or c.label in _PERSON_OR_ORG_LABELS or lookup_entry(c.surface, lang):
        return False
    key = fold(c.surface)
    if len(key) < 5 or not key.endswith(_infinitive_endings(lang)):
        return False
    after = re.match(r"^\s+([^\W\d_]+)", text[c.end:c.end + 30])
    before = text[max(0, c.start - 12):c.start]
    return bool(after and after.group(1).islower()) and bool(
        _SENTENCE_START.search(before) or re.search(r"[«\"“‘]\s*$", before))


def _in_related_header(text: str, start: int) -> bool:
    """'Lire aussi : ...', 'Read more: ...': the words of the header are not names."""
    colon = text.find(":", start, start + 40)
    if colon <= 0 or "\n" in text[start:colon]:
        return False                    # (most names: no colon after them on their line)
    from .language import boilerplate_reason

    line_start = text.rfind("\n", 0, start) + 1
    return boilerplate_reason(text[line_start:colon]) == "related-header"


def _lone_sentence_initial_common_word(text: str, lang: str, c: _Candidate, person_keys: set[str]) -> bool:
    """'Turnout was 58%.': a single sentence-initial word tagged as a person that the document
    never uses inside a full name, nobody speaks as, and that is a common word of the language."""
    if c.label not in PERSON_LABELS or " " in c.surface or c.speaker or fold(c.surface) in person_keys:
        return False
    if not _SENTENCE_START.search(text[max(0, c.start - 12):c.start]):
        return False
    return _is_common_word(text, lang, c.surface)


def name_anchors(doc, sentence_starts: list[bool]) -> Iterator[int]:
    """The tokens of a spaCy Doc where a name kept by `type_entities` may be, for NER to read
    around them (`pipelines.LoadedModel.entities`): a word with a capital letter, except a word
    of the language's stop list capitalized because it opens a sentence ("La participation",
    "Según"); and an organization's keyword, which names one in lowercase too ("el partido
    oficialista", `_rejected`)."""
    opening = False
    for i, token in enumerate(doc):
        opening = opening or sentence_starts[i]
        word = token.text
        if not token.is_alpha and not any(c.isalpha() for c in word):
            continue                    # punctuation and figures keep a sentence's opening open
        first, opening = opening, False
        if word.islower():
            if _org_keyword(token.lower_):
                yield i
        elif any(c.isupper() for c in word):
            if not (first and token.is_stop) or _acronym(word):
                yield i


def _acronym(word: str) -> bool:
    """An all-capitals word ("US", "MAS", "WHO"): a name, even where its lowercase is a stop word."""
    return len(word) > 1 and word.isupper()


@lru_cache(maxsize=4096)
def _org_keyword(word: str) -> bool:
    return fold(word) in ORG_KEYWORDS


def type_entities(text: str, lang: str, spans: Iterable[tuple[int, int, str]],
                  blocks: Iterable[tuple[int, int]] | None = None) -> list[Mention]:
    """The people, places and organizations of one document, from its model spans and the gazetteer.

    Returns non-overlapping mentions sorted by offset; `mention.text == text[start:end]`.
    """
    block_list = sorted(blocks) if blocks is not None else None
    candidates: list[_Candidate] = []
    for start, end, label in sorted(set(spans)):
        if label not in ENTITY_LABELS or not _in_blocks(start, end, block_list):
            continue
        if _URLISH.search(text[max(0, start - 1):end]):
            continue                                  # handles, hashtags, addresses
        dateline = _DATELINE_IN_SPAN.match(text, start, end)
        if dateline and dateline.end() < end:
            # "BERLÍN.- La Unión Democristiana": the dateline's city, then the name
            if lookup_entry(dateline.group(1), lang):
                candidates.append(_Candidate(start, dateline.end(1), "LOC", dateline.group(1), False))
            start = dateline.end()
        cleaned = _clean(text, start, end, label, lang)
        if cleaned is None:
            continue
        s, e = cleaned
        if label == "MISC" and s > start and any(_is_title(t) for t in _tokens(text, start, s)):
            label = "PER"       # "La exvicepresidenta X Y" the model called MISC: a title, then a name
        surface = text[s:e]
        if fold(surface.split()[0]) in FIRST_NAMES and len(surface.split()) == 1 and label not in PLACE_LABELS:
            e = _extend_person(text, s, e)
            surface = text[s:e]
        for s, e, part_label in _split_glued(text, s, e, label, lang):
            surface = text[s:e]
            if _rejected(surface, part_label):
                continue
            candidates.append(_Candidate(s, e, part_label, surface, _speaker_context(text, s, e)))
    candidates = _join_place_first_names(text, lang, candidates)
    candidates = _join_particle_surnames(text, lang, candidates)

    # What the document itself says about persons: full names the model marked (or that look so).
    full_names = [c.surface for c in candidates
                  if len(c.surface.split()) >= 2 and not lookup_entry(c.surface, lang)
                  and not _has_org_keyword(c.surface)
                  and (c.label in PERSON_LABELS or _looks_like_full_name(c.surface))]
    person_keys: set[str] = set()
    for name in full_names:
        person_keys |= _person_keys(name)

    candidates = _split_place_before_surname(text, lang, candidates, person_keys)
    candidates = [_without_owner(text, c, person_keys) for c in candidates]
    candidates = [c for c in candidates if not _lone_sentence_initial_common_word(text, lang, c, person_keys)
                  and not _sentence_initial_infinitive(text, lang, c) and not _in_related_header(text, c.start)]
    mentions = [m for m in (_decide(c, text, lang, person_keys) for c in candidates) if m is not None]
    mentions = _drop_overlaps(mentions)
    mentions = _nickname_persons(text, mentions, block_list)
    mentions = _person_aliases(text, lang, mentions, block_list)
    mentions = _lone_first_names(mentions)
    mentions = _first_name_left_out(text, mentions)
    mentions = _add_known_persons(text, lang, mentions, block_list)
    mentions = _romanized_names(text, lang, mentions, block_list)
    mentions = _add_gazetteer_places(text, lang, mentions, block_list)
    mentions = _divisions(text, lang, mentions, block_list)
    mentions = _far_towns_dropped(text, lang, mentions)
    mentions = _org_context(text, lang, mentions)
    mentions = _affiliations(text, lang, mentions)
    mentions = _enumerations(text, mentions)
    mentions = _named_before_acronym(text, lang, mentions, block_list)
    mentions = _drop_overlaps(_expand_acronyms(text, mentions, block_list))
    return sorted(mentions, key=lambda m: (m.start, m.end))


_AT_A_PLACE = re.compile(r"(?<![^\W_])(?:en|à|a|au|aux|in|at|dans|de|desde|from|to|hacia|vers|near|cerca\s+de|"
                         r"près\s+de|entre|and|et|y|,)\s*(?:(?:la|le|el|the|l['’])\s*)?$", re.IGNORECASE)


# "LIMA.- ", "PARIS - ": a dateline's city in capitals, then a dash after a period or a space (not "JEAN-PIERRE")
_DATELINE_IN_SPAN = re.compile(r"([A-ZÀ-Ý][A-ZÀ-Ý .'’]{2,}?)(?:\.\s*|\s+)[-–—]+\s*(?:(?:La|El|Le|The|Los|Las|Les|L['’])\s+)?")
_NAME_BEFORE = re.compile(r"(?<![^\W_])([^\W\d_][^\W\d_'’-]+) $")


def _first_name_left_out(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person whose first name the model left outside ("Leftist [Inacio Lula da Silva]" after
    "Luiz"): a capitalized first name right before, one space away, is the name's own."""
    taken = {(m.start, m.end) for m in mentions}
    out = []
    for m in mentions:
        got = _NAME_BEFORE.search(text, max(0, m.start - 20), m.start) if m.kind == "person" else None
        if got and got.group(1)[:1].isupper() and not got.group(1).isupper() and fold(got.group(1)) in FIRST_NAMES \
                and not any(s < m.start and e > got.start(1) for s, e in taken if (s, e) != (m.start, m.end)):
            start = got.start(1)
            m = Mention(start, m.end, text[start:m.end], "person", text[start:m.end], m.label)
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _capital_ids() -> frozenset[int]:
    from kastfacts.gazetteer import _capitals

    return frozenset(p.geonames_id for p in _capitals())


def _far_towns_dropped(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """A town of another country than every country the report names, neither a capital nor a
    city of a million, and not named as a place is ("en X", "in X", "X, Y and Z"), is a party,
    a person or a club that shares its name ("Morena y sus aliados obtuvieron": not Morena, India)."""
    named = {m.code for m in mentions if m.kind == "place" and m.place_type in ("country", "region", "admin") and m.code}
    if not named:
        return mentions
    capitals = _capital_ids()
    out = []
    for m in mentions:
        if m.kind == "place" and m.place_type == "city" and m.code and m.code not in named \
                and m.geonames_id not in capitals and not _AT_A_PLACE.search(text, max(0, m.start - 14), m.start):
            entry = lookup_entry(m.text, lang)
            if entry is not None and entry.population < 1_000_000:
                continue
        out.append(m)
    return out


def _decide(c: _Candidate, text: str, lang: str, person_keys: set[str]) -> Mention | None:
    surface, label, key = c.surface, c.label, fold(c.surface)
    entry = lookup_entry(surface, lang)
    if entry is not None and entry.place.place_type == "city" and label not in PLACE_LABELS \
            and fold(surface) not in _names_with_article() and strip_article(surface) != surface:
        entry = None            # "Le Pen", "La Russa" the model called a person: a surname, not the town "Pen"
    # keep "the United States" as written but point at the name itself
    s, e = c.start, c.end
    if entry is None and not _admin_as_written(surface):
        bare = strip_article(surface)
        found = lookup_entry(bare, lang) if bare != surface and bare[:1].isupper() else None
        if found and found.place.place_type == "city" and label not in PLACE_LABELS:
            found = None        # (as above)
        if found:
            s, surface = c.end - len(bare), bare
            key = fold(bare)
            entry = lookup_entry(bare, lang)
    elif fold(surface) not in _names_with_article():
        bare = strip_article(surface)        # "the United States" -> "United States"; "El Salvador" stays
        if bare != surface and lookup_entry(bare, lang) == entry:
            s, surface, key = c.end - len(bare), bare, fold(bare)
    is_person_evidence = key in person_keys
    ambiguous = key in PERSON_AMBIGUOUS
    words = surface.split()

    if key in PLATFORMS:
        return Mention(s, e, surface, "organization", surface, label)
    if entry is not None and entry.place.place_type != "city":
        if label in PERSON_LABELS and (ambiguous or len(words) > 1 and is_person_evidence):
            return Mention(s, e, surface, "person", surface, label)
        return _place_mention(s, e, surface, label, entry.place)
    if _has_org_keyword(surface) and (label != "FAC" or not any(fold(w) in FACILITY_KEYWORDS for w in words)):
        return Mention(s, e, surface, "organization", _org_value(surface), label)
    if entry is not None:                                       # a city
        big = entry.population >= 1_000_000 and entry.primary and not ambiguous
        if is_person_evidence and not (label in PLACE_LABELS and big):
            return Mention(s, e, surface, "person", surface, label)
        if label in PERSON_LABELS:
            if big or (len(words) > 1 and entry.population >= 100_000 and not ambiguous) or (
                    len(words) == 1 and entry.primary and entry.population >= LONE_CITY_POPULATION and not ambiguous
                    and not _titled(text, s)):
                # ("Glasgow backed Yes": a city of half a million, in a report that names no
                # person so, is the city; a surname the report gives in full was decided above)
                return _place_mention(s, e, surface, label, entry.place)
            return Mention(s, e, surface, "person", surface, label)
        if label in PLACE_LABELS or label == "FAC" or (
                entry.primary and entry.population >= 100_000 and not ambiguous):
            return _place_mention(s, e, surface, label, entry.place)
    if is_person_evidence or (_looks_like_full_name(surface) and label != "FAC"):
        return Mention(s, e, surface, "person", surface, label)
    is_acronym = bool(_ACRONYM.match(surface.replace(".", "")))
    if c.speaker and label in PERSON_LABELS | PLACE_LABELS | {"MISC"} and not is_acronym \
            and not looks_like_demonym(surface):
        return Mention(s, e, surface, "person", surface, label)
    if label in PERSON_LABELS:
        if is_acronym:
            return Mention(s, e, surface, "organization", surface, label)
        if looks_like_demonym(surface):
            return None
        return Mention(s, e, surface, "person", surface, label)
    if label in PLACE_LABELS:
        if looks_like_demonym(surface):
            return None
        if is_acronym:
            return Mention(s, e, surface, "organization", surface, label)
        return Mention(s, e, surface, "place", surface, label)
    if label == "FAC":
        if any(fold(w) in FACILITY_KEYWORDS for w in words):
            return Mention(s, e, surface, "place", surface, label, place_type="landmark")
        return Mention(s, e, surface, "organization", _org_value(surface), label)
    if label in ORG_LABELS:
        return Mention(s, e, surface, "organization", _org_value(surface), label)
    if label == "MISC" and is_acronym:
        return Mention(s, e, surface, "organization", surface, label)
    if label in ("NORP", "MISC") and fold(strip_article(surface)) in _lexicon_table("party_families", lang):
        # "The Greens took 11.6%", "Scholz's Social Democrats": a party, by its members' name
        bare = strip_article(surface)
        return Mention(e - len(bare), e, bare, "organization", bare, label)
    return None                                                 # MISC, NORP: not ours


# A one-word city this big that the model called a person, and that the report gives no first
# name nor title to, is the city (surnames shared with such cities are in PERSON_AMBIGUOUS).
LONE_CITY_POPULATION = 300_000
_TITLE_BEFORE = re.compile(r"(?<![^\W_])([^\W\d_]+\.?)\s+$")


def _titled(text: str, start: int) -> bool:
    """Whether a title stands right before `start` ("M. Lyon", "Mr Glasgow", "la ministra Valencia")."""
    got = _TITLE_BEFORE.search(text, max(0, start - 25), start)
    return bool(got) and _is_title(_Token(got.start(1), got.end(1), got.group(1)))


_NAMES_WITH_ARTICLE: frozenset[str] | None = None


def _names_with_article() -> frozenset[str]:
    """Gazetteer names whose article is part of the name ("El Salvador", "La Paz", "The Hague")."""
    global _NAMES_WITH_ARTICLE
    if _NAMES_WITH_ARTICLE is None:
        from kastfacts.gazetteer import _countries, _landmark_index
        names = {fold(p.name) for p in _countries().values()} | set(_landmark_index())
        names |= {"la paz", "the hague", "le havre", "los angeles", "las vegas", "la habana", "la havane",
                  "le caire", "el cairo", "la haye", "la haya"}
        _NAMES_WITH_ARTICLE = frozenset(n for n in names if n.split()[0] in ("el", "la", "le", "los", "las",
                                                                             "the", "les"))
    return _NAMES_WITH_ARTICLE


def _org_value(surface: str) -> str:
    """'the Communist Party' -> 'Communist Party' (a lowercase article is not part of the name)."""
    words = surface.split()
    if len(words) > 1 and words[0] in ("the", "la", "le", "el", "les", "los", "las"):
        return " ".join(words[1:])
    if len(words) > 1 and words[0] == "The" and fold(words[1]) not in ("new", "times", "guardian"):
        return " ".join(words[1:])
    if len(words) > 1 and words[-1] == "party" and words[-2][:1].isupper():
        return " ".join(words[:-1])     # "the Arena party": the party's name is Arena ("Colorado Party" keeps its own)
    return surface


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest first, then earliest; known places before unknown names of the same length."""
    order = sorted(mentions, key=lambda m: (-(m.end - m.start), m.place_type is None, m.start, m.kind))
    kept: list[Mention] = []
    spans: list[tuple[int, int]] = []     # the kept spans, sorted: disjoint, so their ends are sorted too
    for m in order:
        # the kept span that starts last before m ends reaches furthest: m overlaps a kept one iff it
        # overlaps that one
        i = bisect_left(spans, (m.end,))
        if i == 0 or spans[i - 1][1] <= m.start:
            kept.append(m)
            insort(spans, (m.start, m.end))
    return sorted(kept, key=lambda m: (m.start, m.end))


_PAREN_ACRONYM = re.compile(r"^(?:\s+[^\W\d_A-Z][^\W\d]*){0,3}\s*\(\s*([A-ZÁÉÍÓÚÑ][\w.\-]{1,9})\s*[,)]")


def _short_form_of(short: str, name: str) -> bool:
    """'TSE', 'Pan-Bol' (two capitals), 'Servel' (made of the name's word prefixes) stand for `name`."""
    return sum(c.isupper() for c in short) >= 2 or _abbreviates(short, name)


_NAME_THEN_ACRONYM = re.compile(
    r"(?<![\w'’-])((?-i:[A-ZÀ-Ý][\w'’-]+)(?:\s+(?:(?:for|of|the|and|de|del|la|le|el|los|las|des|du|pour|para|por|y|et|e|di|da|do)\s+)*"
    r"(?-i:[A-ZÀ-Ý][\w'’-]+))+)\s*\(((?-i:[A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,7}))\)")


def _named_before_acronym(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """'the far-right Alternative for Germany (AfD)': a Title-Case name before an acronym of its own
    (same first letter, two capitals or more; a translated name keeps the party's own acronym) is an
    organization the model missed or took for a place, and so is the acronym wherever it stands."""
    out = list(mentions)
    for match in _NAME_THEN_ACRONYM.finditer(text) if "(" in text else ():      # a scan costs more than a find
        name_start, name_end = match.span(1)
        words = match.group(1).split()
        if words[0].casefold() in _ARTICLES_CAPITALIZED:
            name_start += len(words[0]) + 1
            words = words[1:]
        name, acronym = text[name_start:name_end], match.group(2)
        if len(words) < 2 or sum(c.isupper() for c in acronym) < 2 or fold(acronym[0]) != fold(name[0]) \
                or not _in_blocks(name_start, match.end(), blocks) or lookup_entry(name, lang):
            continue
        inside = [m for m in out if m.start < name_end and name_start < m.end]
        if any(m.kind in ("person", "organization") for m in inside) or any(m.start < name_start for m in inside):
            continue        # a person's name, or an organization the model already has
        out = [m for m in out if m not in inside]
        # a name translated from the party's own ("Alternativa para Alemania (AfD)") goes by the
        # acronym, which every language shares; a name the acronym abbreviates goes by the name
        value = name if _initials_of(name) == fold("".join(c for c in acronym if c.isupper())) else acronym
        out.append(Mention(name_start, name_end, name, "organization", value, GAZETTEER))
        for a in re.finditer(rf"(?<![\w.]){re.escape(acronym)}(?![\w])", text):
            if _in_blocks(a.start(), a.end(), blocks) and all(a.end() <= m.start or m.end <= a.start() for m in out):
                out.append(Mention(a.start(), a.end(), acronym, "organization", value, GAZETTEER))
    return sorted(out, key=lambda m: (m.start, m.end))


def _initials_of(name: str) -> str:
    """'Partido Socialista Obrero Español' -> 'psoe'; 'Parti des travailleurs' -> 'pt' (no little words)."""
    return fold("".join(w[0] for w in name.split() if fold(w) not in _LITTLE_WORDS))


_LITTLE_WORDS = frozenset("for of the and de del la le el los las des du pour para por y et e di da do d' l'".split())
_ARTICLES_CAPITALIZED = frozenset({"the", "la", "le", "el", "los", "las", "les"})


def _expand_acronyms(text: str, mentions: list[Mention], blocks) -> list[Mention]:
    """'Broad Front (FA)': every 'FA' of the document becomes an organization valued 'Broad Front'."""
    expansions: dict[str, str] = {}
    for m in mentions:
        if m.kind != "organization":
            continue
        match = _PAREN_ACRONYM.match(text[m.end:m.end + 80])
        if match and match.group(1) != m.text and _short_form_of(match.group(1), m.value) \
                and not lookup_entry(match.group(1), "en", with_cities=False):
            expansions.setdefault(match.group(1), m.value)
    if not expansions:
        return mentions
    out = [Mention(m.start, m.end, m.text, "organization", expansions[m.text], m.label)
           if m.text in expansions and (m.kind in ("organization", "place") and m.place_type is None
                                        or m.kind == "person" and " " not in m.text) else m
           for m in mentions]
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(expansions, key=len,
                                                                                    reverse=True)) + r")(?![\w])")
    for match in pattern.finditer(text):
        s, e = match.span()
        if _in_blocks(s, e, blocks) and all(e <= m.start or m.end <= s for m in out):
            out.append(Mention(s, e, match.group(), "organization", expansions[match.group()], GAZETTEER))
    return out


# "Hou Yu-ih", "Lee Jae-myung": a family name, then a given name of two syllables joined by a hyphen.
_ROMANIZED_NAME = re.compile(r"(?<![\w-])(?-i:[A-Z][a-z]{1,5}\s[A-Z][a-z]{1,4}-[a-z]{1,5})(?![\w-])")


def _romanized_names(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """Romanized Chinese and Korean names the model left unmarked: their shape is a person's."""
    out = list(mentions)
    for match in _ROMANIZED_NAME.finditer(text):
        s, e = match.span()
        if _in_blocks(s, e, blocks) and _looks_like_full_name(match.group()) \
                and not _is_common_word(text, lang, match.group().split()[0]) \
                and all(e <= m.start or m.end <= s for m in out):
            out.append(Mention(s, e, match.group(), "person", match.group(), GAZETTEER))
    return sorted(out, key=lambda m: (m.start, m.end)) if len(out) > len(mentions) else mentions


def _add_known_persons(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """Surnames and full names of this document's persons that the model left unmarked."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person":
            for key in _person_keys(m.value) if len(m.value.split()) > 1 else {fold(m.value)}:
                names.setdefault(key, m.value)
    forms = set()
    for m in mentions:
        if m.kind == "person":
            words = m.text.split()
            forms.add(m.text)
            for i in range(1, len(words)):
                if fold(" ".join(words[i:])) in names:
                    forms.add(" ".join(words[i:]))
            forms |= {w for w in words[1:] if fold(w) in names}
    forms = {f for f in forms if (len(f) >= 3 or _short_surname(text, lang, f)) and fold(f) not in FUNCTION_WORDS
             and fold(f) not in FIRST_NAMES and not lookup_entry(f, lang, with_cities=False)}
    if not forms:
        return mentions
    out = list(mentions)
    taken = sorted((m.start, m.end) for m in mentions)
    for s, e in _whole_word_occurrences(text, forms):
        if _in_blocks(s, e, blocks) and all(e <= a or b <= s for a, b in taken):
            out.append(Mention(s, e, text[s:e], "person", text[s:e], GAZETTEER))
            taken.append((s, e))
    return out


def _whole_word_occurrences(text: str, forms: set[str]) -> list[tuple[int, int]]:
    """Where the forms stand as whole words (not after a word character, "@" or "#"; not before a
    word character), leftmost first, the longest at a place, none overlapping: what one alternation
    of them, longest first, finds. Found with str.find, as a pattern compiled per document cost more."""
    found: dict[int, int] = {}                # start -> the longest end there
    for form in forms:
        n = len(form)
        i = text.find(form)
        while i >= 0:
            e = i + n
            if (i == 0 or not (_is_word_char(text[i - 1]) or text[i - 1] in "@#")) \
                    and (e == len(text) or not _is_word_char(text[e])) and found.get(i, 0) < e:
                found[i] = e
            i = text.find(form, i + 1)
    out = []
    last = 0
    for s in sorted(found):
        if s >= last:
            out.append((s, found[s]))
            last = found[s]
    return out


def _short_surname(text: str, lang: str, form: str) -> bool:
    """'38% for Ba' after 'Amadou Ba': a two-letter surname (Ba, Sy, Ng, Wu) stands for its person
    when it is written capital-then-lowercase and the document never uses it as a word ('Do',
    'Me' are written lowercase elsewhere)."""
    return len(form) == 2 and form[0].isupper() and form[1].islower() and not _is_common_word(text, lang, form)


def _add_gazetteer_places(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """Places the model missed or cut short ("Amérique" of "Amérique latine")."""
    out = list(mentions)
    for s, e, place in find_places(text, lang):
        if not _in_blocks(s, e, blocks):
            continue
        overlapping = [m for m in out if not (e <= m.start or m.end <= s)]
        if not overlapping:
            out.append(_place_mention(s, e, text[s:e], GAZETTEER, place))
        elif all((m.kind == "place" or m.text.isupper() and text[s:e].isupper()) and m.start >= s and m.end <= e
                 and (m.end - m.start) < (e - s) for m in overlapping):
            # (a dateline's capitals read as an acronym: "SAO" of "SAO PAULO, Oct 30 (Reuters)")
            label = overlapping[0].label
            out = [m for m in out if m not in overlapping]
            out.append(_place_mention(s, e, text[s:e], label, place))
    return out


# --------------------------------------------------------------------------- spans glued to a name

_TICKET = re.compile(r"([A-ZÀ-Ý][\wÀ-ÿ]+)-[A-ZÀ-Ý][\wÀ-ÿ]+")


def _after_ticket_noun(before: str, lang: str) -> bool:
    words = before.split()
    return bool(words) and fold(words[-1]) in _lexicon_table("ticket_nouns", lang)


def _split_glued(text: str, start: int, end: int, label: str, lang: str) -> list[tuple[int, int, str]]:
    """A span holding more than one name, or a name and words that are not: its parts.

    "République José Pedro Castillo Terrones" (a noun of the title before the name), "Intérieur
    Gérald Darmanin", "Lima Jorge Muñoz" (a city before the name: two mentions), and a headline's
    Title-Case words run into a name ("Noboa Wins", "Orsi Leads Runoff").
    """
    ticket = _TICKET.fullmatch(text, start, end)
    if ticket and _after_ticket_noun(text[max(0, start - 30):start], lang):
        # "la fórmula Fernández-Fernández", "the Arce-Choquehuanca ticket": the ticket is its head's
        return [(start, ticket.end(1), "PER")]
    tokens = _tokens(text, start, end)
    if len(tokens) < 2 or _is_place_as_written(text[start:end], lang):
        return [(start, end, label)]
    if len(tokens) >= 4 and _ACRONYM.fullmatch(tokens[0].text) and tokens[1].key in ("de", "del", "du", "of") \
            and tokens[2].key in FIRST_NAMES and all(_capitalized(t) for t in tokens[2:]):
        # "le RN de Jordan Bardella", "el MAS de Luis Arce" as one span: a party's acronym, then its leader
        return [(tokens[0].start, tokens[0].end, "ORG"), (tokens[2].start, tokens[-1].end, "PER")]
    parts: list[tuple[int, int, str]] = []
    for i in range(1, len(tokens) - 1):
        first = tokens[i]
        # a first name, or two capitalized words after a title ("Warsaw Mayor Rafał Trzaskowski")
        if not (_capitalized(first) and _capitalized(tokens[i + 1])
                and (first.key in FIRST_NAMES or tokens[i - 1].key in TITLES and i + 2 == len(tokens))):
            continue
        prefix = tokens[:i]
        if any(t.key in FIRST_NAMES for t in prefix):
            break
        whole = lookup_entry(text[tokens[0].start:first.end], lang)
        if whole is not None and (whole.place.place_type != "city" or whole.population >= 100_000):
            continue                      # "San Salvador Nayib Bukele": the first name is no city's last word
        place_tokens = list(prefix)
        while place_tokens and place_tokens[-1].key in TITLES:
            place_tokens.pop()            # "Warsaw Mayor": the place of a title
        place = lookup_entry(text[place_tokens[0].start:place_tokens[-1].end], lang) if place_tokens else None
        is_place = place is not None and (place.place.place_type != "city" or place.population >= 100_000)
        if not (is_place or all(t.key in GENERIC_NOUNS or t.key in TITLES or t.key in ORG_KEYWORDS
                                or _is_function_word(t) for t in prefix)):
            break
        if is_place:
            parts.append((place_tokens[0].start, place_tokens[-1].end, "LOC"))
        tokens, label = tokens[i:], "PER"
        break
    if label in PERSON_LABELS or parts:
        tokens = _cut_headline_words(text, lang, tokens)
    parts.append((tokens[0].start, tokens[-1].end, label))
    return parts


def _split_place_before_surname(text: str, lang: str, candidates: list[_Candidate],
                                person_keys: set[str]) -> list[_Candidate]:
    """'en Antioquia Hernández se impuso': a place the model ran into the name of a person the
    document gives in full elsewhere is two mentions, the place and the person."""
    out = []
    for c in candidates:
        tokens = _tokens(text, c.start, c.end)
        parts = None
        if len(tokens) >= 2 and fold(c.surface) not in person_keys and not lookup_entry(c.surface, lang):
            for i in range(1, len(tokens)):
                if fold(text[tokens[i].start:tokens[-1].end]) not in person_keys:
                    continue
                entry = lookup_entry(text[tokens[0].start:tokens[i - 1].end], lang)
                if entry is not None and (entry.place.place_type != "city" or entry.population >= 100_000):
                    parts = [_Candidate(tokens[0].start, tokens[i - 1].end, "LOC",
                                        text[tokens[0].start:tokens[i - 1].end]),
                             _Candidate(tokens[i].start, tokens[-1].end, "PER",
                                        text[tokens[i].start:tokens[-1].end], c.speaker)]
                break
        out += parts or [c]
    return out


def _cut_headline_words(text: str, lang: str, tokens: list[_Token]) -> list[_Token]:
    """'Noboa Wins Ecuador Runoff' -> 'Noboa': a person's name stops at the first headline word."""
    headline = _lexicon_table("headline_words", lang)
    for i, token in enumerate(tokens[1:], 1):
        if token.key in FIRST_NAMES:
            continue
        if token.key in headline or (lang == "en" and i >= 2 and _written_lowercase(text, token.text)):
            return tokens[:i]
    return tokens


def _written_lowercase(text: str, word: str) -> bool:
    r"""Whether `text` writes `word` lowercase as a whole word: what re.search of
    (?<![\w])word(?![\w]) answers (\w is isalnum() or "_"), without compiling a pattern per word."""
    return word[:1].isupper() and _has_whole_word(text, word.lower())


def _has_whole_word(text: str, word: str) -> bool:
    r"""Whether re.search((?<![\w])word(?![\w]), text) would find `word`, without compiling a pattern."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# --------------------------------------------------------------------------- nicknames and aliases

_NAME_WORD = r"[^\W\d_][\w'’\-]*"
_CAP_WORD = r"(?=[^\W\d_])(?=\w)[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’", "'": "'", "„": "“"}
_NICKNAME = re.compile(
    rf"(?<![\w])((?:{_CAP_WORD}\s+){{1,3}})([\"“«‘'„])\s?({_CAP_WORD}(?:\s+{_CAP_WORD})?)\s?([\"”»’'“])"
    rf"\s+({_CAP_WORD}(?:\s+(?:(?:de|del|da|di|van|von|y)\s+)?{_CAP_WORD}){{0,2}})")

# the quoted nickname and the surname after it, a part of every _NICKNAME match; starting with a
# quote, a search skips to the quotes
_NICKNAME_QUOTED = re.compile(rf"[\"“«‘'„]\s?{_CAP_WORD}(?:\s+{_CAP_WORD})?\s?[\"”»’'“]\s+{_CAP_WORD}")


@lru_cache(maxsize=65536)
def nickname_of(text: str) -> tuple[str, str] | None:
    """'José "Pepe" Mujica' -> ('José Mujica', 'Pepe'); None when the text holds no quoted nickname."""
    m = _NICKNAME.fullmatch(text)
    if m is None or _QUOTES.get(m.group(2)) != m.group(4):
        return None
    return f"{m.group(1).strip()} {m.group(5)}", m.group(3)


def _nickname_persons(text: str, mentions: list[Mention], blocks) -> list[Mention]:
    """José "Pepe" Mujica: one person, not a first name and a stray surname."""
    out = list(mentions)
    if not _NICKNAME_QUOTED.search(text):
        return out          # (a cheap test first: a search for the whole pattern tries every word)
    for m in _NICKNAME.finditer(text):
        if _QUOTES.get(m.group(2)) != m.group(4) or not _in_blocks(m.start(), m.end(), blocks):
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and (fold(words[0].group()) in TITLES or fold(words[0].group()) in FUNCTION_WORDS):
            words = words[1:]                                  # "President Jose ..." -> "Jose ..."
        if not words:
            continue
        start = m.start(1) + words[0].start()
        model_person = any(x.kind == "person" and start <= x.start < m.end() for x in mentions)
        if fold(words[0].group()) not in FIRST_NAMES and not model_person:
            continue
        value = " ".join(w.group() for w in words) + " " + m.group(5)
        out = [x for x in out if x.end <= start or x.start >= m.end()]
        out.append(Mention(start, m.end(), text[start:m.end()], "person", value, GAZETTEER))
    return out


@lru_cache(maxsize=None)
def _alias_pattern(lang: str) -> re.Pattern:
    intros = sorted(_LEXICON["alias_intros"].get(lang, ()), key=len, reverse=True)
    return re.compile(r"^\s*,?\s*(?:" + "|".join(re.escape(w) for w in intros) + r")\s+[\"“«‘']?\s?("
                      + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r"){0,2})", re.IGNORECASE) if intros else None


_PAREN_ALIAS = re.compile(r"^\s*\(\s*([A-ZÀ-Þ][\w.\-]{1,11}|[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+){1,5})\s*\)")


def _is_initialism_of(short: str, name: str) -> bool:
    """'AMLO' of 'Andrés Manuel López Obrador', 'JFK' of 'John Fitzgerald Kennedy'."""
    letters = re.sub(r"[^\w]", "", short)
    return len(letters) >= 2 and letters.isupper() and fold(letters) == fold(
        "".join(w[0] for w in name.split() if fold(w) not in PARTICLES))


def _person_aliases(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """Aliases a report defines for a person: 'X, known as Y', 'X, alias Y', 'X (AMLO)', 'AMLO (X)'.
    Every mention of the alias in the report then stands for that person."""
    intro = _alias_pattern(lang)
    aliases: dict[str, str] = {}
    by_start = sorted(mentions, key=lambda m: m.start)
    for m in by_start:
        after = text[m.end:m.end + 80]
        if m.kind == "person" and len(m.value.split()) >= 2:
            found = intro.match(after) if intro else None
            if found and fold(found.group(1)) not in FUNCTION_WORDS:
                aliases.setdefault(found.group(1), m.value)
            paren = _PAREN_ALIAS.match(after)
            if paren and _is_initialism_of(paren.group(1), m.value):
                aliases.setdefault(paren.group(1), m.value)
        paren = _PAREN_ALIAS.match(after)
        if paren and " " in paren.group(1) and _is_initialism_of(m.text, paren.group(1)) \
                and _looks_like_full_name(paren.group(1)):
            aliases.setdefault(m.text, paren.group(1))              # "AMLO (Andrés Manuel López Obrador)"
    aliases = {a: v for a, v in aliases.items() if not lookup_entry(a, lang, with_cities=False)}
    if not aliases:
        return mentions
    out = [Mention(m.start, m.end, m.text, "person", aliases[m.text], m.label) if m.text in aliases else m
           for m in mentions]
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
                         + r")(?![\w])")
    for match in pattern.finditer(text):
        s, e = match.span()
        if _in_blocks(s, e, blocks) and all(e <= m.start or m.end <= s for m in out):
            out.append(Mention(s, e, match.group(), "person", aliases[match.group()], GAZETTEER))
    return out


def _lone_first_names(mentions: list[Mention]) -> list[Mention]:
    """A first name alone ("Edmundo") is the one person of the report with that first name; a
    known first name that is no one's in the report ("José") is nobody."""
    full, surnames = defaultdict(set), set()
    for m in mentions:
        if m.kind == "person" and len(m.value.split()) >= 2:
            full[fold(m.value.split()[0])].add(m.value)
            surnames |= _person_keys(m.value) - {fold(m.value)}
    out = []
    for m in mentions:
        key = fold(m.value)
        if m.kind == "person" and " " not in m.value and key not in surnames:
            names = full.get(key, set())
            if len(names) == 1:
                m = replace(m, value=next(iter(names)))
            elif key in FIRST_NAMES:
                continue
        out.append(m)
    return out


# --------------------------------------------------------------------------- organizations from context

def _strong_person_keys(mentions: list[Mention]) -> set[str]:
    """Keys of the report's persons named in full (first name and surname): never an organization."""
    keys: set[str] = set()
    for m in mentions:
        if m.kind == "person" and len(m.value.split()) >= 2 and _looks_like_full_name(m.value):
            keys |= _person_keys(m.value)
    return keys


def _is_weak(m: Mention, strong: set[str]) -> bool:
    """A mention whose kind the model may have got wrong: an unknown place, or a person the report
    never names in full."""
    if m.kind == "place":
        return m.place_type is None
    if m.kind == "person":
        return fold(m.value) not in strong and fold(m.text) not in strong and not _looks_like_full_name(m.text)
    return False


def _as_organization(m: Mention, value: str | None = None) -> Mention:
    return Mention(m.start, m.end, m.text, "organization", value or _org_value(m.text), m.label)


_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”«»\n—–]")
_ELISION = re.compile(r"\b([ldLD])['’]")


def _words_before(text: str, start: int, limit: int = 8) -> list[str]:
    """The folded words just before `start`, nearest last, stopping at punctuation."""
    chunk = text[max(0, start - 120):start]
    chunk = _CLAUSE_BREAK.split(chunk)[-1]
    chunk = _ELISION.sub(r"\1' ", chunk)
    return [fold(w) if not w.endswith("'") else w.lower() for w in chunk.split()][-limit:]


# Articles and prepositions that may join a head noun to a name ("la coalición de X", "le parti d'X").
_HEAD_LINKS = _words("de del d' du des la le el l' los las les al au of the")


def _after_head(words: list[str], heads: frozenset[str], qualifiers: frozenset[str],
                first_link: frozenset[str] | None = None) -> bool:
    """Do the words end with a head noun followed only by qualifiers ("partido de izquierda"),
    the first of them in `first_link` when given?"""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in heads and all(w in qualifiers or w in _HEAD_LINKS for w in words[i + 1:]):
            return first_link is None or (i + 1 < len(words) and words[i + 1] in first_link)
        if words[i] not in qualifiers and words[i] not in _HEAD_LINKS:
            return False
    return False


_OF = _words("de del d' du des of")


def _after_nominee_head(words: list[str], lang: str) -> bool:
    """Do the words end with a nominee noun, its "of" and the party's qualifiers ("el candidato
    de", "la candidata del oficialista", "the nominee of the")? Not with a camp last ("le
    candidat de l'opposition X": X is the candidate), nor with no "of" at all ("au candidat X")."""
    return not (words and words[-1] in _lexicon_table("camp_nouns", lang)) and _after_head(
        words, _lexicon_table("nominee_heads", lang), _lexicon_table("org_head_qualifiers", lang), _OF)


def _made_by(words: list[str], lang: str) -> bool:
    """Do the words end with a poll and the link to its maker ("an exit poll by", "la encuesta realizada por")?"""
    return bool(_maker_pattern(lang).search(" ".join(words)))


@lru_cache(maxsize=None)
def _maker_pattern(lang: str) -> re.Pattern:
    heads = "|".join(re.escape(h) for h in sorted(_lexicon_table("maker_heads", lang), key=len, reverse=True))
    links = "|".join(re.escape(k) for k in sorted(_lexicon_table("maker_links", lang), key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{heads})\s+(?:{links})$") if heads and links else re.compile(r"(?!)")


def _abbreviates(short: str, name: str) -> bool:
    """'CC' of 'Communauté Citoyenne', 'Servel' of 'Servicio Electoral', 'FPV' of 'Front pour la
    Victoire': the short form is made of prefixes of the name's words, in order."""
    letters = fold(re.sub(r"[^\w]", "", short)).replace(" ", "")
    words = [w for w in fold(name).split() if w]
    if not 2 <= len(letters) <= 10 or len(words) < 2:
        return False

    @lru_cache(maxsize=None)
    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return all(w in FUNCTION_WORDS for w in words[j:])
        if j == len(words):
            return False
        word = words[j]
        if word in FUNCTION_WORDS and match(i, j + 1):
            return True
        return any(letters[i:i + k] == word[:k] and match(i + k, j + 1)
                   for k in range(1, min(len(word), len(letters) - i) + 1))
    return match(0, 0)


def _org_context(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """What the report says a name is: "del partido X", "la coalición X", "le parti d'extrême droite X",
    "the X party", "X (coalition de droite)", "Communauté Citoyenne (CC)". Such a name is an
    organization, whatever the model said, unless the report names a person so in full."""
    heads, quals = _lexicon_table("org_heads", lang), _lexicon_table("org_head_qualifiers", lang)
    tails = _lexicon_table("org_tail_heads", lang)
    described = _lexicon_table("org_parenthetical", lang) | quals
    strong = _strong_person_keys(mentions)
    out = []
    for m in mentions:
        if m.kind != "organization" and (_is_weak(m, strong) or fold(m.text) in PLATFORMS):
            after = text[m.end:m.end + 80]
            paren = re.match(r"^\s*\(([^()]{1,60})\)", after)
            tail = re.match(r"^\s+([^\W\d_]+)", after)
            before = _words_before(text, m.start)
            evidence = fold(m.text) in PLATFORMS or _after_head(before, heads, quals) \
                or _after_nominee_head(before, lang) \
                or (tail is not None and tail.group(1).islower() and fold(tail.group(1)) in tails) \
                or _made_by(before, lang)
            if paren and not evidence:
                for part in paren.group(1).split(","):
                    words = fold(part).split()
                    if words and all(w in described or w in FUNCTION_WORDS for w in words) \
                            and any(w in _lexicon_table("org_parenthetical", lang) for w in words):
                        evidence = True
                    elif len(part.split()) == 1 and part.strip()[:1].isupper() and _abbreviates(part, m.text):
                        evidence = True
            joined = _JOINED_NAME_TAIL.match(after)
            if not evidence and joined and fold(joined.group(2)) in tails:
                # "the Law and Justice party": the model kept the first word of a joined name only
                end = m.end + joined.end(1)
                m = Mention(m.start, end, text[m.start:end], "organization", _org_value(text[m.start:end]), m.label)
            elif evidence:
                m = _extend_organization(text, _as_organization(m), mentions)
        out.append(m)
    return out


_JOINED_NAME_TAIL = re.compile(r"^((?:\s+(?:and|&|y|e|et)\s+" + _CAP_WORD + r"){1,2})\s+([^\W\d_]+)")


_ORG_NAME_TAIL = re.compile(r"^(?:\s+(?:de|del|por|pour|for|of)\s+(?:(?:la|el|le|the|los|las|les)\s+|l['’])?"
                            + _CAP_WORD + r"){1,3}")


def _extend_organization(text: str, m: Mention, mentions: list[Mention]) -> Mention:
    """'la coalición Izquierdas' + ' por la Independencia': the rest of a name the model cut short."""
    tail = _ORG_NAME_TAIL.match(text[m.end:m.end + 80])
    if tail is None:
        return m
    end = m.end + tail.end()
    words = tail.group().split()
    if any(fold(w) in FIRST_NAMES for w in words) or any(
            x is not m and x.start < end and x.end > m.end and x.kind == "person" for x in mentions):
        return m
    return Mention(m.start, end, text[m.start:end], "organization", _org_value(text[m.start:end]), m.label)


@lru_cache(maxsize=None)
def _affiliation_pattern(lang: str) -> re.Pattern | None:
    links = sorted(_LEXICON["affiliation_links"].get(lang, ()), key=len, reverse=True)
    if not links:
        return None
    return re.compile(r"^,\s+(?:" + "|".join(re.escape(w).replace("'", r"['’]\s*") for w in links) + r")\s*(.*)$",
                      re.IGNORECASE | re.DOTALL)


def _affiliations(text: str, lang: str, mentions: list[Mention]) -> list[Mention]:
    """'Luisa González, de la Revolución Ciudadana': after a person named in full, the party is an
    organization; 'Chi Hyun Chung, du Front pour la Victoire': before a party, a name is a person."""
    link = _affiliation_pattern(lang)
    if link is None:
        return mentions
    heads, quals = _lexicon_table("org_heads", lang), _lexicon_table("org_head_qualifiers", lang)
    strong = _strong_person_keys(mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    out = list(ordered)
    for i in range(len(ordered) - 1):
        a, b = out[i], out[i + 1]
        found = link.match(text[a.end:b.start])
        if not found:
            continue
        rest = [fold(w) for w in found.group(1).split()]
        if rest and not _after_head(rest, heads, quals):
            continue
        if a.kind == "person" and len(a.value.split()) >= 2 and _is_weak(b, strong) and not lookup_entry(b.text, lang):
            out[i + 1] = _as_organization(b)
        elif out[i + 1].kind == "organization" and a.kind == "place" and a.place_type is None \
                and len(a.text.split()) >= 2 and all(w[:1].isupper() for w in a.text.split()):
            out[i] = Mention(a.start, a.end, a.text, "person", a.text, a.label)
    return out


_ENUMERATION_GAP = re.compile(r"^\s*(?:,\s*(?:(?:y|e|et|and|&|o|ou|or)\s+)?|\s(?:y|e|et|and|&|o|ou|or)\s+)(?:\d+\s+)?"
                              r"(?:(?:the|el|la|los|las|le|les)\s+|l['’])?$")


def _enumerations(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Junts, Agrupación Socialista Gomera, PSOE-Sumar Eivissa y UPN': in a list of two or more
    organizations and no known person or place, the doubtful items are organizations too."""
    strong = _strong_person_keys(mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    chains, chain = [], [0] if ordered else []
    for i in range(1, len(ordered)):
        if _ENUMERATION_GAP.match(text[ordered[i - 1].end:ordered[i].start]):
            chain.append(i)
        else:
            chains.append(chain)
            chain = [i]
    if chain:
        chains.append(chain)
    out = list(ordered)
    for chain in chains:
        items = [ordered[i] for i in chain]
        orgs = sum(1 for m in items if m.kind == "organization")
        sure = sum(1 for m in items if m.kind != "organization" and not _is_weak(m, strong))
        if orgs >= 2 and sure == 0:
            for i in chain:
                if out[i].kind != "organization":
                    out[i] = _as_organization(out[i])
    return out


# --------------------------------------------------------------------------- administrative divisions

def report_country(mentions: Iterable[Mention]) -> str | None:
    """The country a report is about: the one its places point to most (its first place, often the
    dateline, counts twice), or None when two are tied."""
    votes: Counter = Counter()
    first = True
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind == "place" and m.code and m.place_type in ("country", "city", "admin"):
            votes[m.code] += 2 if first else 1
            first = False
    ranked = votes.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


@lru_cache(maxsize=None)
def _region_type_words(lang: str) -> dict[str, str]:
    """Built once per language (read only): it was rebuilt for every place mention."""
    return {fold(k): v for k, v in _LEXICON["region_types"].get(lang, {}).items()}


@lru_cache(maxsize=None)
def _type_word_pattern(lang: str) -> re.Pattern:
    """Any division noun of the language, as a part of folded text ("(?!)": none)."""
    return re.compile("|".join(re.escape(k) for k in sorted(_region_type_words(lang), key=len, reverse=True)) or "(?!)")


@lru_cache(maxsize=None)
def _ascii_type_words(lang: str) -> tuple[bytes, ...] | None:
    """The division nouns as bytes, when all are what `fold_ascii` can test (ASCII letters, four or more)."""
    keys = sorted(_region_type_words(lang))
    if not all(k.isascii() and k.isalpha() and len(k) >= 4 for k in keys):
        return None
    return tuple(k.encode() for k in keys)


def _has_type_word(chunk: str, lang: str) -> bool:
    """Whether the fold of `chunk` holds a division noun of the language (a word of it may be one)."""
    keys = _ascii_type_words(lang)
    ascii_letters = fold_ascii(chunk) if keys is not None else None
    if ascii_letters is None:       # (rare: "ß", or nouns beyond ASCII) the whole fold, uncached
        return bool(_type_word_pattern(lang).search(fold.__wrapped__(chunk)))
    return any(map(ascii_letters.__contains__, keys))


@lru_cache(maxsize=None)
def _region_context_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The qualifiers, links, list intros and their words that may stand between a division type and its name."""
    intros = _lexicon_table("list_intros", lang)
    return (_lexicon_table("region_type_qualifiers", lang), _lexicon_table("region_links", lang) | _HEAD_LINKS,
            intros, frozenset(w for phrase in intros for w in phrase.split()))


_ENUMERATION_TAIL = re.compile(r"(?:" + _CAP_WORD + r"(?:\s+(?:de|del|los|las|la|el)?\s*" + _CAP_WORD
                               + r")*\s*(?:,|\s(?:y|e|et|and)\s)\s*)+$")


# how an enumeration's tail ends: what _ENUMERATION_TAIL needs at the end of a chunk to match there
_ENUMERATION_END = re.compile(r"(?:,|\s(?:y|e|et|and)\s)\s*$")
_TYPE_AFTER = re.compile(r"^\s+(?:(?:and|y|et|e)\s+" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")?\s+)?([^\W\d_]+)")


def _division_type_in_context(text: str, lang: str, start: int, end: int) -> str | None:
    """The English division type that the words around a name give it: "provincia de X", "la
    province occidentale de X", "provincias como X, Y y Z", "X region", "X and Y regions"."""
    types = _region_type_words(lang)
    after = _TYPE_AFTER.match(text[end:end + 60]) if lang == "en" else None
    if after and fold(after.group(1)) in types:
        return types[fold(after.group(1))]
    chunk = text[max(0, start - 160):start]
    if not _has_type_word(chunk, lang):
        return None         # no division noun before: most names (the words below are the chunk's, folded)
    if _ENUMERATION_END.search(chunk):           # (a cheap test first: the whole tail is a slow scan)
        chunk = _ENUMERATION_TAIL.sub("", chunk)     # "provincias como X, Y y " -> "provincias como "
    words = _words_before(chunk, len(chunk), limit=8)
    quals, links, intros, intro_words = _region_context_words(lang)
    for i in range(len(words) - 1, -1, -1):
        if words[i] in types:
            between = words[i + 1:]
            last_ok = bool(between) and (between[-1] in links or between[-1] in intros
                                         or " ".join(between[-2:]) in intros)
            if last_ok and all(w in quals or w in links or w in intro_words for w in between):
                return types[words[i]]
            return None
        if not (words[i] in quals or words[i] in links or words[i] in intro_words):
            return None
    return None


def _admin_kind_matches(place: Place, english_type: str) -> bool:
    kind = admin_type(place) or ""
    return english_type.casefold() in kind.casefold()


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)((?:El|La|Los|Las|Le|Les|The) )$")


def _divisions(text: str, lang: str, mentions: list[Mention], blocks) -> list[Mention]:
    """Provinces, regions, departments and states: a name the words call one ("provincia de X",
    "Loreto region"), and a division of the report's country named bare, win over a same-named
    far-away place or a model's guess; the report's country's divisions the model missed are added."""
    country = report_country(mentions)
    strong = _strong_person_keys(mentions)
    out = []
    for m in mentions:
        if m.kind == "organization" or (m.kind == "person" and not _is_weak(m, strong)):
            out.append(m)
            continue
        article = _ARTICLE_BEFORE.search(text[max(0, m.start - 5):m.start])
        if article and lookup_admin(article.group(1) + m.text):         # "El" + "Oro": the model cut "El Oro"
            start = m.start - len(article.group(1))
            m = Mention(start, m.end, text[start:m.end], m.kind, text[start:m.end], m.label)
        english_type = _division_type_in_context(text, lang, m.start, m.end)
        name = m.text
        candidates = lookup_admin(name, country)
        if english_type:
            typed = [p for p in candidates if _admin_kind_matches(p, english_type)] or candidates
            if typed:
                m = _place_mention(m.start, m.end, m.text, m.label, typed[0])
            elif m.kind == "place" and m.place_type == "city" and english_type in _LOCAL_DIVISIONS:
                pass                                                      # "la comuna de La Pintana" is the city
            elif not (m.kind == "place" and m.place_type in ("country", "region", "landmark")):
                value = name if fold(name.split()[-1]) in _region_type_words("en") else f"{name} {english_type}"
                m = _place_mention(m.start, m.end, m.text, m.label, Place(value, "admin", country))
        elif candidates and m.kind == "place":
            mine = [p for p in candidates if p.code == country] if country else []
            if mine and (m.place_type is None or m.code != country):
                m = _place_mention(m.start, m.end, m.text, m.label, mine[0])
            elif m.place_type is None and len({p.code for p in candidates}) == 1:
                m = _place_mention(m.start, m.end, m.text, m.label, candidates[0])
        out.append(m)
    out += _scan_typed_divisions(text, lang, country, out, blocks)
    if country:
        out += _scan_divisions(text, country, out, blocks)
    return out


# Division types below a province, whose names are a town's: "la comuna de La Pintana" is La Pintana.
_LOCAL_DIVISIONS = frozenset({"Commune", "Municipality", "District", "Canton", "Parish", "County"})


@lru_cache(maxsize=None)
def _typed_division_pattern(lang: str) -> re.Pattern | None:
    types = sorted(_LEXICON["region_types"].get(lang, {}), key=len, reverse=True)
    links = sorted(set(_LEXICON["region_links"].get(lang, ())) | set(_LEXICON["list_intros"].get(lang, ())),
                   key=len, reverse=True)
    if not types or not links:
        return None
    name = _CAP_WORD + r"(?:\s+(?:de\s+|del\s+|y\s+)?" + _CAP_WORD + r"){0,3}"
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(t) for t in types) + r")(?:\s+[^\W\d_]+){0,2}?\s+(?:"
                      + "|".join(re.escape(w).replace("'", r"['’]\s*") for w in links) + r")\s+(" + name
                      + r"(?:\s*(?:,|\s(?:y|e|et|and))\s*" + name + r")*)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _typed_division_words(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The division nouns the typed pattern begins with, lowercased, and their characters."""
    types = _LEXICON["region_types"].get(lang, {})
    return tuple(sorted({t.lower() for t in types})), frozenset(c for t in types for c in t)


@lru_cache(maxsize=4096)
def _lowers_alike(c: str, type_chars: frozenset[str]) -> bool:
    """A character IGNORECASE compares with those characters as str.lower() writes it (not "ı",
    "ſ", "İ": the re module matches them to "i", "s")."""
    low = c.lower()
    if len(low) != 1 or c == "Σ":          # (a final sigma lowers by its context)
        return False
    return all(low == tc.lower() or not re.fullmatch("(?i)" + re.escape(tc), c) for tc in type_chars)


def _typed_division_matches(pattern: re.Pattern, text: str, lang: str) -> Iterator[re.Match]:
    """pattern.finditer(text), tried only where the lowercased text holds a division noun: the
    pattern's start, case-insensitive, is tried at every position by a search."""
    words, type_chars = _typed_division_words(lang)
    if not all(_lowers_alike(c, type_chars) for c in set(text)):
        yield from pattern.finditer(text)
        return
    low = text.lower()
    starts = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    end = 0
    for at in sorted(starts):
        if at >= end:
            match = pattern.match(text, at)
            if match:
                yield match
                end = match.end()


_DIVISION_NAME = re.compile(_CAP_WORD + r"(?:\s+(?:de\s+|del\s+)?" + _CAP_WORD + r"){0,3}")


def _scan_typed_divisions(text: str, lang: str, country: str | None, mentions: list[Mention],
                          blocks) -> list[Mention]:
    """Divisions the model missed that the words call divisions: "en regiones como Magallanes"."""
    pattern = _typed_division_pattern(lang)
    if pattern is None:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for match in _typed_division_matches(pattern, text, lang):
        for name in _DIVISION_NAME.finditer(match.group(1)):
            s, e = match.start(1) + name.start(), match.start(1) + name.end()
            if not _in_blocks(s, e, blocks) or any(not (e <= a or b <= s) for a, b in taken + [(x.start, x.end) for x in found]):
                continue
            if _division_type_in_context(text, lang, s, e) is None:
                continue
            places = lookup_admin(text[s:e], country)
            if places and (country is None or places[0].code == country or len({p.code for p in places}) == 1):
                found.append(_place_mention(s, e, text[s:e], GAZETTEER, places[0]))
    return found


_SCAN_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|\S")
_GAP_AND_SCAN_TOKEN = re.compile(r"(\s*)(" + _SCAN_TOKEN.pattern + ")")     # see tokens_with_offsets


@lru_cache(maxsize=None)
def _division_first_words(country: str) -> frozenset[str]:
    return frozenset(key.split()[0] for key in admin_scan_names(country) if key.split())


@lru_cache(maxsize=None)
def _division_prefixes(country: str) -> frozenset[str]:
    """Every prefix of a division's folded name: a run of words that folds to none names none, and
    neither does any longer run from the same word (its fold extends the shorter one's)."""
    return frozenset(key[:n] for key in admin_scan_names(country) for n in range(len(key) + 1))


@lru_cache(maxsize=32)
def _division_opener_test(country: str) -> Callable[[str], bool]:
    """Whether a word may begin a name of the country's divisions, per word (a bounded cache)."""
    first_words = _division_first_words(country)

    @lru_cache(maxsize=16384)
    def opens(word: str) -> bool:
        return word[:1].isupper() and (fold(word).split() or [""])[0] in first_words

    return opens


def _scan_divisions(text: str, country: str, mentions: list[Mention], blocks) -> list[Mention]:
    """The report's country's divisions named bare where the model saw nothing ("Guayas")."""
    names = admin_scan_names(country)
    if not names:
        return []
    prefixes = _division_prefixes(country)
    taken = sorted((m.start, m.end) for m in mentions)
    persons = {k for m in mentions if m.kind == "person" for k in _person_keys(m.value)}
    words, at = tokens_with_offsets(_GAP_AND_SCAN_TOKEN, text)
    found = []
    # most words start no division's name: each distinct word is folded once, and a set look-up
    # per token passes over the others, as over a candidate inside a name just matched
    distinct = list(set(words))
    openers = set(compress(distinct, map(_division_opener_test(country), distinct)))
    starts = list(compress(count(), map(openers.__contains__, words)))
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        s = at[2 * i]
        longest = 0
        while longest < min(5, len(words) - i) and fold(text[s:at[2 * (i + longest) + 1]]) in prefixes:
            longest += 1
        match = None
        for n in range(longest, 0, -1):
            e = at[2 * (i + n - 1) + 1]
            key = fold(text[s:e])
            if key in names and all(w[:1].isupper() or fold(w) in PARTICLES or fold(w) in ("y", "de")
                                    for w in words[i:i + n]):
                match = (n, e, names[key])
                break
        if match is None:
            i += 1
            continue
        n, e, place = match
        key = fold(text[s:e])
        before = words[i - 1] if i > 0 else ""
        after = words[i + n] if i + n < len(words) else ""
        glued = (before[:1].isupper() and text[at[2 * i - 1]:s] == " " and fold(before) not in FUNCTION_WORDS) \
            or (after[:1].isupper() and text[e:at[2 * (i + n)]] == " ")
        doubtful = key in PERSON_AMBIGUOUS or key in _SCAN_STOPWORDS or key in FIRST_NAMES or key in persons \
            or key in GENERIC_NOUNS or key in FUNCTION_WORDS or lookup_entry(text[s:e], "en", with_cities=False)
        if not glued and not doubtful and _in_blocks(s, e, blocks) and all(e <= a or b <= s for a, b in taken):
            found.append(_place_mention(s, e, text[s:e], GAZETTEER, place))
        i += n
    return found


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class Resolved:
    kind: str
    value: str
    entity: str
    code: str | None
    place_type: str | None
    geonames_id: int | None
    variants: tuple[str, ...]


def _resolved(kind: str, value: str, entity: str, code: str | None, place_type: str | None,
              geonames_id: int | None, variants: tuple[str, ...]) -> Resolved:
    return _frozen(Resolved, kind=kind, value=value, entity=entity, code=code, place_type=place_type,
                   geonames_id=geonames_id, variants=variants)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", fold(text)).strip("-") or "x"


@lru_cache(maxsize=65536)
def _diacritics(text: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c))


def _best_spelling(spellings: Counter) -> str:
    """With diacritics over without ("José Jerí" over "José Jeri"), then most frequent, then alphabetical."""
    return sorted(spellings, key=lambda s: (-_diacritics(s), -spellings[s], s))[0]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if fold(w) not in FUNCTION_WORDS and w[:1].isalpha()).upper()


def _typed_total(votes: Counter) -> int:
    return sum(n for kind, n in votes.items() if kind != "organization_typed")


def _aliases_in(m: Mention) -> set[str]:
    """Keys a person mention defines besides the name: the nickname of 'José "Pepe" Mujica' ("Pepe",
    "Pepe Mujica"), or the alias a report gave the name ('AMLO' with the value of the full name)."""
    return set(_aliases_in_order(m.text, m.value))     # added in the same order: the same set, iterated alike


@lru_cache(maxsize=65536)
def _aliases_in_order(text: str, value: str) -> tuple[str, ...]:
    found = nickname_of(text)
    if found is not None:
        _name, nick = found
        return fold(nick), fold(f"{nick} {value.split()[-1]}")
    key = fold(text)
    if key != fold(value) and key not in _person_keys(value) and fold(text.split()[0]) not in FIRST_NAMES:
        return (key,)
    return ()


def _canonical_name(forms: list[str], spellings: dict[str, Counter], reports: Counter) -> str:
    """The name a person goes by: the full form the most reports support ("Daniel Noboa" over the
    one report's "Daniel Noboa Azín"; see `Resolver._forms_cited`); ties go to the fuller form. Each word keeps the
    diacritics some report gives it ("Arévalo" of "Arevalo")."""
    named = [f for f in forms if fold(f.split()[0]) in FIRST_NAMES or not any(
        len(g.split()) > len(f.split()) and g.endswith(" " + f) for g in forms)]
    named = named or forms

    best = sorted(named, key=lambda f: (-reports[f], -len(f.split()), f))[0]
    spelling = _best_spelling(spellings[best])
    accented: dict[str, str] = {}
    for form in forms:
        for variant in spellings[form]:
            for word in variant.split():
                known = accented.get(fold(word))
                if known is None or _diacritics(word) > _diacritics(known):
                    accented[fold(word)] = word
    return " ".join(accented.get(fold(w), w) if _diacritics(accented.get(fold(w), w)) > _diacritics(w) else w
                    for w in spelling.split())


# --------------------------------------------------------------------------- misspellings
#
# One letter dropped, doubled, swapped or changed ("Bukelle", "Bukle", "Bkuele" for "Bukele"). The
# optimal-string-alignment distance comes from rapidfuzz (C++): measured on 4,000 name pairs, 1.6 µs
# a pair against 4.5 µs for a hand-written linear one-edit check and 148 µs for a pure-Python
# dynamic programme, same answers. Candidates are found by deleting one letter, so names are never
# compared all against all.

MISSPELLING_MIN_LENGTH = 5          # shorter surnames differ by one letter too often ("Mesa", "Meza")


def _one_edit_apart(a: str, b: str) -> bool:
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b, score_cutoff=1) == 1


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class _FuzzyKeys:
    """Surname keys, found again from a misspelling of them (one edit, never the first letter)."""

    def __init__(self, keys: Iterable[str]):
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            if len(key) >= MISSPELLING_MIN_LENGTH and key.isalpha():
                for d in _deletions(key):
                    self._by_deletion[d].add(key)

    def near(self, word: str) -> str | None:
        if len(word) < MISSPELLING_MIN_LENGTH or not word.isalpha() or not self._by_deletion:
            return None
        found = {k for d in _deletions(word) for k in self._by_deletion.get(d, ())
                 if k != word and k[0] == word[0] and _one_edit_apart(k, word)}
        return next(iter(found)) if len(found) == 1 else None


def _misspellings(keys: list[str], parent: dict[str, str], reports: Counter) -> list[tuple[str, str]]:
    """Full names one letter off another in one word, the other words the same ("Nayib Bukelle",
    "Nayib Bukele"): (misspelt, right) for the one fewer reports use, when another report names the
    right one."""
    roots = [k for k in keys if parent[k] == k]
    by_pattern: dict[tuple, list[str]] = defaultdict(list)
    for key in roots:
        words = key.split()
        # (the other words of a full name must match too: a four-letter surname is safe there,
        # "Kais Said" for "Kais Saied")
        shortest = MISSPELLING_MIN_LENGTH if len(words) == 1 else MISSPELLING_MIN_LENGTH - 1
        for i, word in enumerate(words):
            if len(word) >= shortest:
                by_pattern[(len(words), i, *words[:i], *words[i + 1:])].append(key)
    merges: dict[str, str] = {}
    for (_n, i, *_rest), group in sorted(by_pattern.items()):
        for a in group:
            for b in group:
                wa, wb = a.split()[i], b.split()[i]
                if a < b and wa[0] == wb[0] and _one_edit_apart(wa, wb):
                    low, high = sorted((a, b), key=lambda k: (reports[k], k))
                    if reports[high] > reports[low] and reports[high] >= 2 and low not in merges:
                        merges[low] = high
    return sorted(merges.items())


# Mentions grouped by document, each document once: a callable so the corpus can be read twice.
MentionsByDocument = Callable[[], Iterable[tuple[str, Iterable[Mention]]]]


def _document_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """One document's mentions, each once, in a fixed order (the input order must not matter)."""
    return sorted(set(mentions), key=_MENTION_ORDER)


_MENTION_ORDER = attrgetter("start", "end", "kind", "value", "label")


class Resolver:
    """Links mentions to entities over a whole corpus; deterministic whatever the input order.

    What it keeps is corpus-wide tallies of names (spellings, aliases, kind votes): its memory grows
    with the number of distinct names, not with the number of mentions. What one document adds (its
    own names, to read a surname by) comes with that document: `resolve` and `resolve_name` look it
    up when the Resolver was given the mentions (`Resolver(mentions)`); a Resolver built from a
    stream (`Resolver.from_documents`) is asked through `document(doc, mentions)` instead.
    """

    def __init__(self, mentions: Iterable[tuple[str, Mention]]):
        by_doc: dict[str, set[Mention]] = defaultdict(set)
        for doc, m in mentions:
            by_doc[doc].add(m)
        self._by_doc = {doc: _document_mentions(ms) for doc, ms in sorted(by_doc.items())}
        self._build(lambda: self._by_doc.items())

    @classmethod
    def from_documents(cls, read: MentionsByDocument) -> "Resolver":
        """A Resolver built in two streamed passes over a corpus's mentions, grouped by document."""
        self = cls.__new__(cls)
        self._by_doc = None
        self._build(read)
        return self

    def _build(self, read: MentionsByDocument) -> None:
        # pass 1: spellings of people and organizations, spellings of each place
        person_spellings: dict[str, Counter] = defaultdict(Counter)      # folded full name -> spellings
        person_reports: Counter = Counter()                              # folded full name -> reports citing it
        person_aliases: dict[str, set[str]] = defaultdict(set)           # nickname, initialism -> full names
        org_spellings: dict[str, Counter] = defaultdict(Counter)
        org_aliases: dict[str, set[str]] = defaultdict(set)
        self._place_variants: dict[str, set[str]] = defaultdict(set)
        for _doc, mentions in read():
            cited: set[str] = set()
            for m in _document_mentions(mentions):
                if m.kind == "person" and len(m.value.split()) >= 2:
                    person_spellings[fold(m.value)][m.value] += 1
                    cited.add(fold(m.value))
                    for alias in _aliases_in(m):
                        person_aliases[alias].add(fold(m.value))
                elif m.kind == "organization":
                    org_spellings[fold(m.value)][m.value] += 1
                    if m.text != m.value:
                        org_aliases[fold(m.text)].add(fold(m.value))
                elif m.kind == "place":
                    self._place_variants[self._place_entity(m)].add(sys.intern(m.text))
            person_reports.update(cited)
        self._build_persons(person_spellings, person_reports, person_aliases)
        self._build_orgs(org_spellings, org_aliases)
        # pass 2: how each name is typed across the corpus, reading surnames by each document's own names
        self._votes: dict[str, Counter] = defaultdict(Counter)
        support: Counter = Counter()                       # folded full name -> reports that name him so
        for doc, mentions in read():
            view = self.document(doc, mentions)
            support.update(self._forms_cited(view.mentions))
            for m in view.mentions:
                if m.kind == "place" and m.place_type is not None:
                    continue
                group = view.person_group(m)
                key = ("person:" + group) if group else ("name:" + fold(m.text))
                self._votes[key]["person" if m.kind == "person" or m.label in PERSON_LABELS else m.kind] += 1
                if m.kind == "organization" and (m.label not in ORG_LABELS or _has_org_keyword(m.value)):
                    self._votes[key]["organization_typed"] += 1    # typed so by knowledge or context, not the model
        self._group_name = {root: _canonical_name([f for f in forms if f not in self._alias_forms] or forms,
                                                  self._person_spellings, support)
                            for root, forms in self._members.items()}
        del self._person_spellings, self._members, self._alias_forms
        self._person_variants: dict[str, tuple[str, ...]] = {}      # group -> its name's spellings, on demand
        self._view: DocumentResolver | None = None

    def _forms_cited(self, mentions: list[Mention]) -> set[str]:
        """The full forms of names one report supports: those it writes, and those ending with a
        double surname it cites alone ("González Urrutia" supports "Edmundo González Urrutia")."""
        cited = {fold(m.value) for m in mentions if m.kind == "person" and fold(m.value) in self._group_of}
        supported = set(cited)
        for key in cited:
            if fold(key.split()[0]) not in FIRST_NAMES:
                supported |= {f for f in self._members[self._group_of[key]] if f.endswith(" " + key)}
        return supported

    def document(self, doc: str, mentions: Iterable[Mention]) -> "DocumentResolver":
        """The resolver for one document, given all its mentions."""
        return DocumentResolver(self, doc, _document_mentions(mentions))

    def _document(self, doc: str) -> "DocumentResolver":
        if self._by_doc is None:
            raise TypeError("a Resolver built from a stream resolves through .document(doc, mentions)")
        if self._view is None or self._view.doc != doc:
            self._view = DocumentResolver(self, doc, self._by_doc.get(doc, []))
        return self._view

    def resolve(self, doc_id: str, mention: Mention) -> Resolved:
        """The entity a mention of that document designates."""
        return self._document(doc_id).resolve(mention)

    def resolve_name(self, doc_id: str, name: str) -> str | None:
        """Canonical name for a surface name in that document (person, organization or place), or None."""
        return self._document(doc_id).resolve_name(name)

    # persons -------------------------------------------------------------

    def _build_persons(self, spellings: dict[str, Counter], reports: Counter,
                       aliases: dict[str, set[str]]) -> None:
        keys = sorted(spellings, key=lambda k: (-len(k.split()), k))
        # a longer name that may absorb a shorter one shares its first or last word: index by both,
        # so linking is linear in the number of names, not quadratic
        by_edge: dict[str, list[str]] = defaultdict(list)
        position = {k: i for i, k in enumerate(keys)}
        for k in keys:
            words = k.split()
            by_edge["F" + words[0]].append(k)
            by_edge["L" + words[-1]].append(k)
        parent: dict[str, str] = {}
        self._alias_forms: set[str] = set()                      # nicknames with a surname: never the name
        for key in keys:                                         # shorter full names into a unique longer one
            words = key.split()
            candidates = dict.fromkeys(by_edge["F" + words[0]] + by_edge["L" + words[-1]])
            longer = sorted((k for k in candidates if len(k.split()) > len(words) and parent.get(k, k) == k
                             and _is_subsequence(words, k.split())), key=position.__getitem__)
            parent[key] = longer[0] if len(longer) == 1 else key
        for key, target in _misspellings(keys, parent, reports):    # "Nayib Bukelle" -> "Nayib Bukele"
            parent[key] = target
        for alias in sorted(aliases):                                # "Lucho Garrido" -> Luis "Lucho" Garrido
            targets = {self._root(parent, n) for n in aliases[alias] if n in parent}
            if alias in parent and parent[alias] == alias and len(targets) == 1 and alias not in targets:
                parent[alias] = next(iter(targets))
                self._alias_forms.add(alias)
        self._group_of = {k: self._root(parent, k) for k in keys}
        self._members: dict[str, list[str]] = defaultdict(list)
        self._group_spellings: dict[str, Counter] = defaultdict(Counter)
        for key in keys:
            root = self._group_of[key]
            self._members[root].append(key)
            self._group_spellings[root].update(spellings[key])
        self._person_spellings = spellings          # until the names are chosen (`_name_persons`)
        # every key a full name may be cited by alone -> the groups of the names that have it
        self._corpus_keys: dict[str, set[str]] = defaultdict(set)
        for key, counter in spellings.items():
            for spelling in counter:
                for cited in _person_keys(spelling):
                    self._corpus_keys[cited].add(self._group_of[key])
        for alias, names in aliases.items():
            groups = {self._group_of[n] for n in names if n in self._group_of}
            if len(groups) == 1 and alias not in self._group_of:
                self._corpus_keys[alias] |= groups
        self._fuzzy = _FuzzyKeys(k for k, groups in self._corpus_keys.items() if len(groups) == 1 and " " not in k)

    @staticmethod
    def _root(parent: dict[str, str], key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    # organizations -------------------------------------------------------

    def _build_orgs(self, spellings: dict[str, Counter], aliases: dict[str, set[str]]) -> None:
        long_names = sorted(k for k in spellings if len(k.split()) > 1)
        self._org_alias: dict[str, str] = {}
        for key in sorted(spellings):
            if key in aliases and len(aliases[key]) == 1:
                self._org_alias[key] = next(iter(aliases[key]))
            elif _ACRONYM.match(key.upper()) and " " not in key:
                matches = [k for k in long_names
                           if _initials(_best_spelling(spellings[k])) == key.upper().replace(".", "")]
                if len(matches) == 1:
                    self._org_alias[key] = matches[0]
        # A party's name in another language, where its initials are the acronym the corpus writes
        # for it ("Rassemblement national" and "Agrupación Nacional (RN)"): one organization.
        for key in long_names:
            if key in self._org_alias:
                continue
            acronym = fold(_initials(_best_spelling(spellings[key])))
            target = self._org_alias.get(acronym)
            if len(acronym) >= 2 and acronym in spellings and target and target != key \
                    and self._org_alias.get(target, target) == target:
                self._org_alias[key] = target
        self._org_spellings = spellings

    def _org_canonical(self, value: str) -> tuple[str, str]:
        key = fold(value)
        key = self._org_alias.get(key, key)
        spellings = self._org_spellings.get(key)
        name = _best_spelling(spellings) if spellings else value
        return key, name

    # places ----------------------------------------------------------------

    @staticmethod
    def _place_entity(m: Mention) -> str:
        if m.place_type == "country" and m.code:
            return f"place:{m.code}"
        if m.geonames_id:
            return f"place:geonames:{m.geonames_id}"
        if m.place_type in ("region", "landmark"):
            return f"place:{m.place_type}:{_slug(m.value)}"
        return f"place:{_slug(m.value)}"


class DocumentResolver:
    """Resolution within one document: the corpus tallies plus the document's own names."""

    def __init__(self, corpus: Resolver, doc: str, mentions: list[Mention]):
        self.corpus, self.doc, self.mentions = corpus, doc, mentions
        # the document's own full names, by every key they may be cited by ("Kast" -> José Antonio Kast)
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._group_counts: Counter = Counter()
        for m in mentions:
            if m.kind == "person" and len(m.value.split()) >= 2:
                root = corpus._group_of[fold(m.value)]
                self._group_counts[root] += 1
                for key in _person_keys(m.value) | _aliases_in(m):
                    self._keys[key].add(root)
        self._results: dict[Mention, Resolved] = {}

    def person_group_for_key(self, key: str, fuzzy: bool = True) -> str | None:
        corpus = self.corpus
        if key in corpus._group_of:
            return corpus._group_of[key]
        in_doc = self._keys.get(key, set())
        if len(in_doc) == 1:
            return next(iter(in_doc))
        if not in_doc and len(corpus._corpus_keys.get(key, ())) == 1:
            return next(iter(corpus._corpus_keys[key]))
        if len(in_doc) > 1:
            return self._main_person(in_doc)
        if fuzzy and not in_doc and key not in corpus._corpus_keys:
            near = corpus._fuzzy.near(key)                  # a surname misspelt: "Bukelle" of "Nayib Bukele"
            if near is not None:
                return next(iter(corpus._corpus_keys[near]))
        return None

    def _main_person(self, groups: set[str]) -> str | None:
        """A surname two persons of the report share ("Arévalo", father and son) is the one the
        report names most, when it names him at least twice as often as the other."""
        counts = self._group_counts
        ranked = sorted(groups, key=lambda g: (-counts[g], g))
        if counts[ranked[0]] >= 2 * max(counts[ranked[1]], 1):
            return ranked[0]
        return None

    def person_group(self, m: Mention) -> str | None:
        if m.kind == "place" and m.place_type is not None:
            return None                                          # a known place is never a person
        return self.person_group_for_key(fold(m.value if m.kind == "person" else m.text), fuzzy=m.kind == "person")

    def resolve(self, m: Mention) -> Resolved:
        """The entity a mention of this document designates."""
        found = self._results.get(m)
        if found is None:
            found = self._results[m] = self._resolve(m)
        return found

    def _resolve(self, m: Mention) -> Resolved:
        corpus = self.corpus
        group = self.person_group(m)
        if group is not None and not (m.kind == "organization" and _has_org_keyword(m.value)):
            name = corpus._group_name[group]
            variants = corpus._person_variants.get(group)
            if variants is None:
                variants = corpus._person_variants[group] = tuple(
                    sorted(s for s in corpus._group_spellings[group] if fold(s) == fold(name)))
            return _resolved("person", name, "person:" + _slug(name), None, None, None, variants)
        if m.kind == "place" and m.place_type is not None:
            entity = corpus._place_entity(m)
            return _resolved("place", m.value, entity, m.code, m.place_type, m.geonames_id,
                            tuple(sorted(corpus._place_variants.get(entity, {m.text}))))
        votes = corpus._votes.get("name:" + fold(m.text), Counter())
        kind = m.kind
        if m.kind == "organization" and _has_org_keyword(m.value):
            pass                                                 # "Broad Front" stays a party
        elif m.kind != "organization" and (votes["organization_typed"] and votes["organization_typed"] * 2
                                           >= votes["person"] - (m.kind == "person")
                                           or votes["organization"] * 2 > _typed_total(votes)):
            kind = "organization"           # a party elsewhere in the corpus (or in most of it) is one here
        elif votes and m.kind != "person" and votes["person"] * 2 >= _typed_total(votes) - votes["person"] > 0 \
                and not _ACRONYM.match(m.text.replace(".", "")) and not votes["organization_typed"]:
            # a name the model calls a person in a third of its mentions, never a known place
            kind = "person"
        elif votes and m.kind == "person" and votes["person"] * 2 < _typed_total(votes):
            kind = max((k for k in votes if k != "organization_typed"), key=lambda k: (votes[k], k == "person", k))
        if kind == "person":
            value = m.value if m.kind == "person" else m.text
            return _resolved("person", value, "person:" + _slug(value), None, None, None, (value,))
        if kind == "organization":
            key, name = corpus._org_canonical(m.value)
            return _resolved("organization", name, "org:" + _slug(name), None, None, None, (name,))
        entity = corpus._place_entity(m)
        return _resolved("place", m.value, entity, m.code, m.place_type, m.geonames_id,
                        tuple(sorted(corpus._place_variants.get(entity, {m.text}))))

    def resolve_name(self, name: str) -> str | None:
        """Canonical name for a surface name in this document (person, organization or place), or None."""
        corpus = self.corpus
        cleaned = _POSSESSIVE.sub("", name.strip())
        words = [w for w in cleaned.split() if fold(w) not in TITLES]
        while len(words) > 1 and fold(words[0]) in FUNCTION_WORDS and (
                words[0].islower() or fold(words[0]) not in PARTICLES):
            words = words[1:]
        cleaned = " ".join(words)
        if not cleaned:
            return None
        key = fold(cleaned)
        group = self.person_group_for_key(key)
        if group is not None:
            return corpus._group_name[group]
        org_key = corpus._org_alias.get(key, key)
        if org_key in corpus._org_spellings:
            return _best_spelling(corpus._org_spellings[org_key])
        place = lookup_place(cleaned, "en")
        if place is not None:
            return place.name
        for m in self.mentions:
            if fold(m.text) == key:
                return self.resolve(m).value
        return None


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)
