"""A synthetic but realistic news corpus for benchmarks and scale tests.

The seed articles (French, Spanish, English) are cut into sentences, and every document is built
of paragraphs whose sentences come from different seed paragraphs of its language, each sentence
varied: the people it names (one mapping per document, so that "José Antonio Kast" and "Kast"
stay one person), its cities, figures (percentages, days, years, counts, each in its own format),
weekdays and months, a few words for their synonyms, and sometimes a connector at its head or an
attribution at its end. No news sentence occurs twice in a corpus (the variants already written
are remembered and drawn again): kastfacts' caches keyed on a sentence's or a paragraph's text get
no help from repetition, as on real news. Page furniture (the English page's Yoruba lines) is
copied as it is, as real pages repeat it. The density of people, dates and percentages is the
seeds' own. Deterministic for a given seed.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from kastfacts.language import extractable, split_blocks

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# --- what varies ---------------------------------------------------------------------------------

# People the seeds name: (full names, short names, gender). One replacement per document.
PEOPLE = [
    (("José Antonio Kast",), ("Kast",), "m"),
    (("Daniel Noboa",), ("Noboa",), "m"),
    (("Javier Milei",), ("Milei",), "m"),
    (("Michelle Bachelet",), ("Bachelet",), "f"),
    (("Jeannette Jara",), ("Jara",), "f"),
    (("Augusto Pinochet",), (), "m"),
    (("José Jeri", "José Jerí"), (), "m"),
    (("Eduardo Frei Ruiz-Tagle",), (), "m"),
    (("José Luis Daza",), (), "m"),
    (("Cristián Valenzuela",), (), "m"),
    (("Diego Paco",), (), "m"),
    (("Nayib Bukele",), ("Bukele",), "m"),
    (("Gabriel Boric",), (), "m"),
    (("Donald Trump",), (), "m"),
    (("Francisco Pérez Mackenna",), (), "m"),
    (("Nicolás Maduro",), (), "m"),
]
NAMES = {
    "m": ["Rodrigo Echeverría", "Matías Undurraga", "Andrés Zamorano", "Felipe Carrasco",
          "Cristóbal Lagos", "Ignacio Fuenzalida", "Sebastián Ortúzar", "Tomás Irarrázaval",
          "Gonzalo Bustamante", "Joaquín Valdivieso", "Álvaro Sepúlveda", "Nicolás Arancibia",
          "Martín Cifuentes", "Hernán Montalva", "Pablo Errázuriz", "Julián Correa",
          "Esteban Villalobos", "Mauricio Quintana", "Ricardo Benavides", "Óscar Maldonado",
          "Fernando Aguirre", "Raúl Espinoza", "Jorge Salinas", "Manuel Ovalle",
          "Emilio Barrientos", "Gustavo Pizarro", "Arturo Medina", "Luis Cornejo"],
    "f": ["Carolina Urrutia", "Paula Echenique", "Valentina Rojas", "Marcela Contreras",
          "Francisca Olivares", "Daniela Vergara", "Catalina Alessandri", "Lorena Fuentes",
          "Andrea Sanhueza", "Javiera Morales", "Isabel Riquelme", "Claudia Pastene"],
}
KEEP_PERSON = 0.35          # share of documents that keep a seed person's own name
CITIES = {
    "Santiago": ["Santiago", "Valparaíso", "Concepción", "Temuco", "Antofagasta"],
    "Quito": ["Quito", "Guayaquil", "Cuenca"],
    "Lima": ["Lima", "Arequipa", "Cusco", "Trujillo"],
    "Buenos Aires": ["Buenos Aires", "Córdoba", "Rosario", "Mendoza"],
}
WEEKDAYS = {
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
    "es": "lunes martes miércoles jueves viernes sábado domingo".split(),
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}
# Words that another can replace in every seed sentence that has them (same gender and number).
SYNONYMS = {
    "fr": [
        ("réunion", "rencontre"), ("réunions", "rencontres", "entretiens"), ("déplacement", "voyage"),
        ("dirigeants", "responsables"), ("grave", "profonde", "sérieuse"), ("croissante", "grandissante"),
        ("strict", "sévère", "rigoureux"), ("massive", "à grande échelle"),
        ("a rapporté", "a indiqué", "a annoncé"), ("a déclaré", "a affirmé", "a assuré"),
        ("a également noté", "a également indiqué", "a aussi précisé"),
        ("renforcer", "consolider", "approfondir"), ("aborder", "évoquer", "traiter"),
        ("inquiétudes", "préoccupations"), ("publiquement", "officiellement"), ("fiefs", "bastions"),
        ("propositions", "mesures"), ("anticipe", "laisse présager", "annonce"),
        ("changement", "virage", "tournant"), ("accru", "renforcé", "plus marqué"),
        ("contexte", "climat"), ("en particulier", "notamment", "surtout"), ("diffusé", "publié"),
        ("message", "texte"), ("tiendra également", "aura aussi", "tiendra aussi"),
        ("envisage", "prévoit", "compte"), ("liés", "proches"), ("radicale", "dure"),
        ("déroule", "tient"), ("expansion", "progression", "avancée"),
        ("a été déclaré", "a été proclamé"), ("a proposé", "a défendu", "a promis"),
        ("message", "texte", "communiqué"), ("diffusé", "publié", "posté", "partagé"),
        ("Dans un", "Dans un bref", "Dans un long"),
        ("Depuis sa victoire électorale", "Depuis son élection", "Depuis sa victoire dans les urnes"),
        ("en Amérique latine", "dans la région", "sur le continent"), ("connaît", "traverse", "subit"),
        ("étatiques", "publiques"), ("la note officielle", "le communiqué officiel", "le texte officiel"),
        ("secteur des affaires", "monde des affaires", "secteur privé"), ("axes", "piliers"),
        ("projection", "stratégie", "présence"), ("affaires", "entreprises"), ("inquiétudes", "craintes"),
    ],
    "es": [
        ("reunión", "cita"), ("encuentro", "diálogo"), ("mandatario", "gobernante"),
        ("triunfo", "éxito"), ("desafíos", "retos"), ("gobiernos", "ejecutivos"),
        ("fuerte", "marcado", "claro"), ("central", "destacado", "prioritario"),
        ("concreta", "clara", "firme"), ("amplia", "extensa"), ("principales", "grandes"),
        ("específicos", "puntuales", "concretos"), ("urgentes", "apremiantes"),
        ("similares", "parecidos", "comunes"), ("reflejaron", "evidenciaron", "mostraron"),
        ("permitió", "sirvió para"), ("consolida", "afianza", "reafirma"),
        ("proyecta", "transmite", "refleja"), ("optó por", "apostó por", "se inclinó por"),
        ("ocupó", "tuvo"), ("coincidieron en", "concordaron en"), ("busca", "pretende", "intenta"),
        ("comienza a", "empieza a"), ("protocolar", "protocolario"), ("simbólico", "meramente simbólico"),
        ("visita", "gira"), ("conversaciones", "deliberaciones", "discusiones"),
        ("abordar", "enfrentar", "tratar"), ("explorar", "analizar", "estudiar"),
        ("mecanismos", "instrumentos"), ("eligió", "decidió"), ("reciente", "último"),
        ("avance", "auge", "crecimiento"), ("refuerza", "fortalece"), ("iniciativa", "agenda"),
        ("actúa ya", "se comporta ya", "ya actúa"), ("recuperar", "restablecer"),
        ("decisión", "determinación"), ("escenario", "marco", "contexto"), ("alto perfil", "gran visibilidad"),
        ("capacidad", "habilidad"), ("articulación internacional", "articulación global", "coordinación internacional"),
        ("la ceremonia de asunción", "el cambio de mando", "la investidura"), ("construir", "tejer", "forjar"),
        ("dispuesto", "decidido"), ("liderar", "encabezar"), ("respuestas", "soluciones"),
        ("de América Latina", "de la región", "de Latinoamérica"),
        ("En materia migratoria", "En el plano migratorio", "En cuanto a la migración"),
        ("necesidad", "urgencia"), ("regular", "ordenar", "controlar"), ("combatir", "desarticular", "perseguir"),
        ("redes ilegales", "redes criminales", "organizaciones ilícitas"), ("no fue", "no resultó"),
        ("presencia", "participación"), ("ministros", "secretarios de Estado"),
        ("agenda de trabajo", "agenda de reuniones", "hoja de ruta"),
        ("coordinación política", "cooperación política", "articulación política"),
        ("lugar", "sitio"), ("La seguridad", "La seguridad pública", "El combate al crimen"),
        ("temas", "asuntos"), ("valor político", "peso político", "significado político"), ("tuvo", "revistió"),
        ("formalmente", "oficialmente"), ("actor", "referente", "protagonista"),
        ("diagnósticos", "análisis", "evaluaciones"), ("exceden", "superan", "trascienden"), ("apuntan a", "buscan"),
        ("laboratorios", "referentes"),
    ],
    "en": [
        ("met with", "held talks with", "sat down with"), ("departed for", "left for", "flew to"),
        ("focusing on", "centered on", "with a focus on"), ("began", "started", "opened"),
        ("intense", "busy", "packed"), ("expressed", "stated", "voiced"),
        ("traveled to", "flew to", "headed to"), ("discussing", "addressing", "covering"),
        ("to address", "to tackle", "to discuss"), ("includes", "features"),
        ("anticipated", "expected", "planned"), ("revealed", "disclosed", "detailed"),
        ("stated", "said", "noted"), ("hailed", "praised", "welcomed"),
        ("advancing preparations", "moving ahead with plans", "pressing on with preparations"),
        ("criticism", "complaints", "rebukes"), ("raised alarms", "voiced concern", "sounded warnings"),
        ("launched", "released", "unveiled"), ("tense clashes", "heated exchanges", "sharp clashes"),
        ("pledged", "promised", "vowed"), ("lasted", "ran for"), ("landed in", "arrived in"),
        ("avoiding controversy", "sidestepping a dispute", "steering clear of a dispute"),
        ("ended", "wrapped up", "closed"), ("shakes hands with", "greets", "meets"),
        ("positive step", "constructive step", "welcome step"), ("potential", "possible"),
        ("Details", "Further details"), ("the possible", "the potential"), ("notably", "conspicuously"),
        ("amid", "in the context of"), ("combating", "fighting", "tackling"), ("discussions", "talks"),
        ("two and a half", "nearly three", "more than two"), ("nine", "eight", "ten", "seven"),
        ("thematic blocks", "themed segments"), ("local authorities", "regional officials", "municipal leaders"),
        ("businessmen", "business leaders", "executives"), ("toward collaboration", "toward cooperation"),
        ("Participants", "Attendees"), ("included", "featured"), ("talks", "discussions"),
        ("humanitarian corridor", "humanitarian passage"), ("final", "last"), ("organized by", "hosted by"),
    ],
}
CONNECTORS = {
    "fr": ["Par ailleurs, ", "En outre, ", "De plus, ", "Dans ce contexte, ", "Parallèlement, ",
           "Dans le même temps, ", "De fait, ", "Pour rappel, ", "En effet, ", "Dans ce cadre, ",
           "D'autre part, ", "Au demeurant, ", "Dans la foulée, ", "Sur ce point, ", "Pour sa part, ",
           "À noter que "],
    "es": ["Además, ", "Por otra parte, ", "Asimismo, ", "En tanto, ", "En ese marco, ",
           "Paralelamente, ", "De hecho, ", "Al mismo tiempo, ", "En este contexto, ",
           "Por otro lado, ", "Cabe recordar que ", "Según trascendió, ", "En paralelo, ", "Con todo, ",
           "En esa línea, ", "A su vez, "],
    "en": ["Meanwhile, ", "In addition, ", "Separately, ", "At the same time, ", "Moreover, ",
           "In this context, ", "Also, ", "Notably, ", "In parallel, ", "Beyond that, ",
           "Indeed, ", "As expected, ", "On the same day, ", "For now, ", "Above all, ", "Earlier, "],
}
ATTRIBUTIONS = {
    "fr": [", selon des sources officielles", ", d'après des sources diplomatiques", ", selon des analystes",
           ", selon la presse locale", ", d'après des observateurs régionaux", ", selon des proches du dossier",
           ", selon les médias locaux", ", indiquent des sources proches de l'équipe", ", selon des observateurs",
           ", selon la presse", ", d'après des analystes", ", selon des diplomates"],
    "es": [", según fuentes oficiales", ", de acuerdo con fuentes diplomáticas", ", según analistas consultados",
           ", indicaron fuentes cercanas al equipo", ", según la prensa local", ", de acuerdo con observadores regionales",
           ", según medios locales", ", afirmaron fuentes del entorno presidencial", ", según observadores",
           ", de acuerdo con la prensa", ", según los analistas", ", señalaron fuentes diplomáticas"],
    "en": [", according to official sources", ", diplomatic sources said", ", analysts said",
           ", local media reported", ", according to regional observers", ", people close to the team said",
           ", according to local press reports", ", officials said", ", observers said",
           ", according to the press", ", diplomats said", ", sources said"],
}
P_CONNECTOR = 0.25
P_ATTRIBUTION = 0.15
P_SYNONYM = 0.5
ATTEMPTS = 40               # variants drawn for a sentence before another sentence is taken


# --- the seeds, cut ------------------------------------------------------------------------------

def seed_paragraphs() -> dict[str, list[str]]:
    """Paragraphs of the seeds by language (the English page's Yoruba lines included: real furniture)."""
    by_file = {"000": "fr", "002": "es", "004": "en"}
    out: dict[str, list[str]] = {"fr": [], "es": [], "en": []}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[by_file[path.name[:3]]] += [text[b.start:b.end] for b in split_blocks(text)]
    return out


_OPEN, _CLOSE = "“«(", "”»)"
_NEXT_SENTENCE = re.compile(r"\s+(?=[A-ZÀ-Ý«“¿¡])")


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph: cut after . ! ? before a capital, never inside quotes or brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(paragraph):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in ".!?" and depth == 0:
            m = _NEXT_SENTENCE.match(paragraph, i + 1)
            if m:
                out.append(paragraph[start:i + 1])
                start = m.end()
    out.append(paragraph[start:])
    return [s for s in out if s]


class _Language:
    """A language's seed paragraphs (news: lists of sentences; furniture: the line) and the
    pattern of everything a sentence's variant changes."""

    def __init__(self, lang: str, paragraphs: list[str]):
        self.lang = lang
        self.paragraphs: list[tuple[str, ...] | str] = []
        for p in paragraphs:
            block = split_blocks(p)[0]
            news = extractable(block, lang)[0]
            self.paragraphs.append(tuple(sentences(p)) if news else p)
        self.news = [i for i, p in enumerate(self.paragraphs) if isinstance(p, tuple)]
        # a sentence's first word is written in lower case after a connector unless it is a name
        self.proper = set(CITIES) | {n.split()[0] for full, short, _ in PEOPLE for n in full + short}
        lower = {w for p in paragraphs for w in re.findall(r"[^\W\d_]+", p) if w.islower()}
        self.proper |= {w for p in paragraphs for w in re.findall(r"(?<=[\w,;] )[A-ZÀ-Ý][^\W\d_]*", p)
                        if w.casefold() not in lower}
        self.sentences = [(i, s) for i in self.news for s in self.paragraphs[i]]
        # a connector may open a sentence that ends as one or shares its paragraph (not a headline)
        self.connectable = {s for i in self.news for s in self.paragraphs[i]
                            if len(self.paragraphs[i]) > 1 or s.endswith((".", "»", "”"))}
        self.synonyms = {}
        for group in SYNONYMS[lang]:
            for word in group:
                self.synonyms.setdefault(word, group)
                self.synonyms.setdefault(word[:1].upper() + word[1:], tuple(w[:1].upper() + w[1:] for w in group))
        names = {n: ("full", k) for k, (full, _, _) in enumerate(PEOPLE) for n in full}
        names.update({n: ("short", k) for k, (_, short, _) in enumerate(PEOPLE) for n in short})
        self.names = names
        weekdays = WEEKDAYS[lang] + [w.capitalize() for w in WEEKDAYS[lang]]
        months = MONTHS[lang] + [m.capitalize() for m in MONTHS[lang]]
        self.weekdays, self.months = set(weekdays), set(months)
        words = sorted(set(names) | set(CITIES) | set(self.synonyms) | self.weekdays | self.months,
                       key=len, reverse=True)
        self.pattern = re.compile(
            r"(?P<pct>\b\d{1,2}(?:[.,]\d+)?(?=\s?%))"
            r"|(?P<num>\b\d+\b)"
            r"|\b(?P<word>" + "|".join(map(re.escape, words)) + r")\b")
        self.month_near = re.compile(r"(?:\b(?:" + "|".join(months) + r")\s*$)|(?:^\s*(?:de\s+)?(?:" + "|".join(months) + r")\b)")


def _person_map(rng: random.Random) -> dict[int, tuple[str, str]]:
    """For each seed person, the (full name, short name) a document gives them."""
    pools = {g: rng.sample(names, len(names)) for g, names in NAMES.items()}
    out = {}
    for k, (full, short, gender) in enumerate(PEOPLE):
        if rng.random() < KEEP_PERSON or not pools[gender]:
            out[k] = (full[rng.randrange(len(full))], short[0] if short else full[0].split()[-1])
        else:
            name = pools[gender].pop()
            out[k] = (name, name.split()[-1])
    return out


def _vary(lang: _Language, sentence: str, rng: random.Random, people, cities) -> str:
    """One variant of a seed sentence."""
    def number(m: re.Match) -> str:
        text = m.group()
        if m.group("pct"):
            sep = "," if "," in text else "."
            decimals = len(text.split(sep)[1]) if sep in text else 0
            value = min(97.0, max(1.0, float(text.replace(",", ".")) + rng.uniform(-9, 9)))
            return f"{value:.{decimals}f}".replace(".", sep)
        n = int(text)
        if 1900 <= n <= 2099:
            return str(n + rng.randint(-3, 3) if n < 2020 else n + rng.randint(-1, 1))
        near = sentence[max(0, m.start() - 12):m.start()], sentence[m.end():m.end() + 14]
        if n <= 31 and (lang.month_near.search(near[0]) or lang.month_near.search(near[1])):
            return str(rng.randint(1, 28))
        return str(rng.randint(max(2, n * 6 // 10), max(3, n * 3 // 2)))

    def word(m: re.Match) -> str:
        text = m.group("word")
        if text in lang.names:
            form, k = lang.names[text]
            return people[k][0 if form == "full" else 1]
        if text in CITIES:
            return cities[text]
        for table, names in ((lang.weekdays, WEEKDAYS[lang.lang]), (lang.months, MONTHS[lang.lang])):
            if text in table:
                new = rng.choice(names)
                return new.capitalize() if text[:1].isupper() else new
        group = lang.synonyms[text]
        return rng.choice(group) if rng.random() < P_SYNONYM else text

    def sub(m: re.Match) -> str:
        return word(m) if m.group("word") else number(m)

    out = lang.pattern.sub(sub, sentence)
    if out.endswith(".") and not out.endswith((".”", ".»", "..")) and rng.random() < P_ATTRIBUTION:
        out = out[:-1] + rng.choice(ATTRIBUTIONS[lang.lang]) + "."
    if sentence in lang.connectable and rng.random() < P_CONNECTOR:
        head = re.match(r"[^\W\d_]+", sentence)
        lower = head and head.group() not in lang.proper
        out = rng.choice(CONNECTORS[lang.lang]) + (out[:1].lower() + out[1:] if lower else out)
    return out


def _paragraph(lang: _Language, shape: tuple[str, ...], rng: random.Random, people, cities,
               seen: set[str]) -> str:
    """As many sentences as `shape` has, from different seed paragraphs, each a new variant."""
    out, used = [], set()
    for index, sentence in rng.sample(lang.sentences, len(lang.sentences)):
        if len(out) == len(shape):
            break
        if index in used:
            continue
        for _ in range(ATTEMPTS):
            variant = _vary(lang, sentence, rng, people, cities)
            if variant not in seen:
                seen.add(variant)
                out.append(variant)
                used.add(index)
                break
    return " ".join(out)


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Write n documents (a third per language) into folder; returns their paths."""
    rng = random.Random(seed)
    languages = {lang: _Language(lang, ps) for lang, ps in seed_paragraphs().items()}
    langs = sorted(languages)
    seen: set[str] = set()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        lang = languages[langs[i % len(langs)]]
        pool = lang.paragraphs
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(5, 9)))
        people = _person_map(rng)
        cities = {city: rng.choice(names) for city, names in CITIES.items()}
        paragraphs = [p if isinstance(p, str) else _paragraph(lang, p, rng, people, cities, seen)
                      for p in chosen]
        path = folder / f"{lang.lang}-{i:06d}.txt"
        path.write_text("\n\n".join(p for p in paragraphs if p) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def word_count(paths) -> int:
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
