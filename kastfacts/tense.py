"""Tense of the verb governing a date, from the words alone (no dependency parse).

News is date-dense: parsing every dated sentence costs about as much as NER. The tense a date
needs ('past' | 'future' | 'present') is mostly written in verb morphology and auxiliaries, so
this module reads it from a regex tokenization: per-language auxiliaries (avoir/être, haber/ser,
have/be/will), periphrases ("va se rendre", "va a viajar", "is going to", "vient de"),
prospective verbs ("envisage de", "planea", "plans to"), and unambiguous endings (futur -ra,
futuro -rá, pretérito -ó, past -ed). Ambiguous endings ("rencontre", "viaja", "meets") count
only where the context says they are verbs (after a subject pronoun, clitic or name).

The sentence is cut into clauses at strong punctuation, then into segments at commas,
coordinations and relative/subordinating words; the date takes the nearest verb of its own
segment, a non-finite verb takes the tense of the finite verb it depends on, and a verbless
segment ("Mardi dernier, ...", "the December 14 runoff") takes the nearest main-clause verb.
`analyze` is cached per sentence so that several dates (and `claims.lexical_date_events`)
share one analysis.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["lexical_tense", "Analysis", "Segment", "VerbGroup", "analyze", "date_segment",
           "clause_range", "clause_range_in", "date_tokens", "clear_caches"]

_L = r"[^\W\d_]"   # a letter

# ------------------------------------------------------------------ tokenization
_TOKEN = {
    # elided articles/pronouns are their own tokens: "s'est" -> "s'", "est"
    # "faites-vous", "rendra-t-il": the pronoun is a token of its own
    "fr": re.compile(rf"{_L}+['’](?={_L})|{_L}+(?:-(?!(?:t-)?(?:il|elle|ils|elles|on|vous|nous|je|tu|"
                     rf"moi|toi|le|la|les|lui|leur|en|y)\b){_L}+)*|-(?:t-)?{_L}+|\d+(?:[.,:/h]\d+)*|[^\w\s]"),
    "es": re.compile(rf"{_L}+(?:-{_L}+)*|\d+(?:[.,:/]\d+)*|[^\w\s]"),
    # "won't" -> "wo" "n't"; "he'll" -> "he" "'ll"
    "en": re.compile(rf"['’](?:ll|s|re|ve|d|m|t)\b|{_L}+(?:-{_L}+)*|\d+(?:[.,:/]\d+)*|[^\w\s]",
                     re.IGNORECASE),
}
# a fast first cut (words with their apostrophes/hyphens, numbers, punctuation), refined by the
# language's pattern only inside the few tokens holding an apostrophe or a hyphen
_ROUGH_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*|\w+(?:['’-]\w+)*|[^\w\s]")
_JOINED = re.compile(r"['’-]")
_STRONG = frozenset(";:—–()[]«»“”\"?!….¿¡")      # clause boundaries

# ------------------------------------------------------------------ shared word classes
_EMBEDDED = {   # words opening a relative or subordinate clause
    "fr": frozenset({"qui", "que", "qu'", "qu’", "où", "dont", "lequel", "laquelle", "lesquels",
                     "lesquelles", "quand", "lorsque", "lorsqu'", "lorsqu’", "puisque", "puisqu'",
                     "puisqu’", "parce", "quoique", "si", "comme"}),
    "es": frozenset({"que", "quien", "quienes", "donde", "cuando", "cual", "cuales", "cuyo", "cuya",
                     "cuyos", "cuyas", "porque", "aunque", "si", "mientras", "como"}),
    "en": frozenset({"who", "whom", "whose", "which", "that", "where", "when", "because",
                     "although", "though", "while", "if", "whether", "whereas", "unless", "as"}),
}
# relative pronouns: their clause describes a noun of the clause before it (participants)
_RELATIVE = {
    "fr": frozenset({"qui", "où", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}),
    "es": frozenset({"quien", "quienes", "donde", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas"}),
    "en": frozenset({"who", "whom", "whose", "which", "where"}),
}
_COORDINATION = {
    "fr": frozenset({"et", "ou", "mais", "puis", "ni"}),
    "es": frozenset({"y", "e", "o", "u", "pero", "sino", "ni"}),
    "en": frozenset({"and", "or", "but", "then", "nor"}),
}
# words after which an ambiguous verb form is a verb: subject pronouns, clitics, relatives, negation
_VERB_CONTEXT = {
    "fr": frozenset({"il", "elle", "ils", "elles", "on", "je", "j'", "j’", "tu", "nous", "vous",
                     "qui", "ne", "n'", "n’", "se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’",
                     "lui", "leur", "y", "l'", "l’", "ce", "c'", "c’", "cela", "ça"}),
    "es": frozenset({"se", "no", "que", "quien", "quienes", "él", "ella", "ellos", "ellas", "yo",
                     "tú", "nosotros", "me", "te", "nos", "le", "les", "lo", "ya", "también",
                     "usted", "ustedes", "donde", "cuando", "aún", "todavía", "nunca", "solo",
                     "sólo"}),
    "en": frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "also",
                     "never", "still", "now", "then", "jointly", "reportedly", "officially",
                     "later", "previously", "finally", "recently", "already", "often",
                     "formally", "publicly", "only"}),
}
# words between an auxiliary and its participle/infinitive
_SKIP = {
    "fr": frozenset({"ne", "n'", "n’", "pas", "plus", "jamais", "déjà", "également", "aussi", "bien",
                     "encore", "toujours", "ensuite", "notamment", "ainsi", "alors", "donc", "enfin",
                     "finalement", "récemment", "publiquement", "officiellement", "effectivement",
                     "d'abord", "d’abord", "tout", "même", "peut-être", "certes", "vraiment",
                     "probablement", "sans", "doute", "ce", "hier", "aussitôt", "personnellement",
                     "se", "s'", "s’", "le", "la", "les", "l'", "l’", "lui", "leur", "y", "en",
                     "me", "m'", "m’", "te", "t'", "t’", "nous", "vous", "il", "elle", "ils",
                     "elles", "on", "-t-il", "-t-elle"}),
    "es": frozenset({"no", "ya", "también", "aún", "todavía", "nunca", "siempre", "así", "luego",
                     "finalmente", "recientemente", "públicamente", "oficialmente", "formalmente",
                     "incluso", "solo", "sólo", "se", "me", "te", "nos", "le", "les", "lo", "la",
                     "los", "las", "ayer", "hoy", "efectivamente", "realmente", "probablemente"}),
    "en": frozenset({"not", "n't", "never", "also", "already", "still", "just", "then", "now",
                     "reportedly", "officially", "formally", "publicly", "finally", "recently",
                     "previously", "jointly", "personally", "again", "even", "only", "probably",
                     "likely", "soon", "first", "yet", "ever", "actually", "really", "since",
                     "since", "all", "both", "each"}),
}
# manner adverbs between an auxiliary and its participle ("a largement remporté", "has narrowly won")
_MANNER_ADVERB = {
    "fr": re.compile(r"[a-zàâçéèêëîïôûù]{3,}(?:ement|emment|amment)"),
    "es": re.compile(r"[a-záéíóúñ]{3,}mente"),
    "en": re.compile(r"[a-z]{3,}ly"),
}
# adjectives that put a present-tense event ahead ("Future trips include ...", "la prochaine visite est")
_UPCOMING = {
    "fr": frozenset({"futur", "future", "futurs", "futures", "prochain", "prochaine", "prochains",
                     "prochaines"}),
    "es": frozenset({"futuro", "futura", "futuros", "futuras", "próximo", "próxima", "próximos",
                     "próximas", "venidero", "venidera"}),
    "en": frozenset({"future", "upcoming", "next", "forthcoming", "coming"}),
}
_LIGHT = {   # light predicates: "include", "is", "comprend", "es"
    "fr": frozenset({"est", "sont", "comprend", "comprennent", "inclut", "incluent"}),
    "es": frozenset({"es", "son", "está", "están", "incluye", "incluyen", "será", "serán"}),
    "en": frozenset({"is", "are", "include", "includes", "'s", "’s", "'re", "’re"}),
}
# prepositions of posteriority: a date inside "after/following X" is before the main event
_AFTER = {
    "fr": frozenset({"après", "depuis", "suite"}),
    "es": frozenset({"tras", "después", "luego", "desde"}),
    "en": frozenset({"after", "following", "since"}),
}
_BEFORE = {
    "fr": frozenset({"avant", "jusqu'", "jusqu’"}),
    "es": frozenset({"antes", "hasta"}),
    "en": frozenset({"to", "for", "before", "until", "ahead"}),
}
_PURPOSE = {
    "fr": frozenset({"pour", "afin"}),
    "es": frozenset({"para"}),
    "en": frozenset({"to"}),
}
_DETERMINERS = {
    "fr": frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "ce",
                     "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "votre",
                     "au", "aux", "mon", "ma", "mes", "chaque", "quel", "quelle", "à", "en", "par",
                     "sur", "dans", "avec", "pour", "sans", "sous", "vers", "chez", "entre"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "de",
                     "este", "esta", "estos", "estas", "ese", "esa", "su", "sus", "mi", "mis",
                     "nuestro", "nuestra", "cada", "en", "con", "por", "sin", "sobre", "entre",
                     "hacia", "según", "a", "para"}),
    "en": frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
                     "these", "those", "each", "every", "of", "in", "on", "at", "for", "with",
                     "by", "from", "into", "about", "some", "any", "no", "'s", "’s", "two",
                     "three", "several", "many", "other", "such", "more", "most", "new"}),
}

# ------------------------------------------------------------------ French
_FR_AVOIR = {
    **dict.fromkeys(("ai", "as", "a", "avons", "avez", "ont"), "present"),
    **dict.fromkeys(("avais", "avait", "avions", "aviez", "avaient", "eus", "eut", "eûmes",
                     "eurent"), "past"),
    **dict.fromkeys(("aurai", "auras", "aura", "aurons", "aurez", "auront"), "future"),
    **dict.fromkeys(("aurais", "aurait", "aurions", "auriez", "auraient"), "cond"),
    **dict.fromkeys(("aie", "aies", "ait", "ayons", "ayez", "aient"), "subj"),
}
_FR_ETRE = {
    **dict.fromkeys(("suis", "es", "est", "sommes", "êtes", "sont"), "present"),
    **dict.fromkeys(("étais", "était", "étions", "étiez", "étaient", "fus", "fut", "fûmes",
                     "furent"), "past"),
    **dict.fromkeys(("serai", "seras", "sera", "serons", "serez", "seront"), "future"),
    **dict.fromkeys(("serais", "serait", "serions", "seriez", "seraient"), "cond"),
    **dict.fromkeys(("sois", "soit", "soyons", "soyez", "soient"), "subj"),
}
_FR_ALLER = {
    **dict.fromkeys(("vais", "vas", "va", "allons", "allez", "vont"), "present"),
    **dict.fromkeys(("allait", "allaient", "allais", "allions"), "past"),
}
_FR_VENIR = frozenset({"viens", "vient", "venons", "venez", "viennent", "venait", "venaient"})
# participles of verbs conjugated with être: "il est arrivé" is a past event, not a passive
_FR_ETRE_VERBS = re.compile(
    r"^(?:all|ven|arriv|part|entr|sort|rentr|revenu|revenu|devenu|retourn|rest|tomb|n[ée]|mort|"
    r"mont|descendu|d[ée]c[ée]d|parvenu|intervenu|survenu|pass|reparti|redevenu|apparu|"
    r"venu|revenu)")
_FR_PARTICIPLE = re.compile(
    rf"^{_L}{{1,}}(?:é|ée|és|ées|i|ie|is|ies|u|[^qg]ue|us|[^qg]ues|it|ite|its|ites|ert|erte|erts|ertes|"
    rf"int|inte|ints|intes|ort|orte|orts|ortes)$")
_FR_PARTICIPLE_WORDS = frozenset({"été", "eu", "eue", "eus", "né", "née", "fait", "faite", "faits",
                                  "dit", "dite", "pris", "prise", "mis", "mise", "dû", "pu", "su",
                                  "vu", "lu", "cru", "mort", "morte"})
_FR_NOT_PARTICIPLE = frozenset({"lui", "qui", "ni", "si", "ici", "aussi", "parmi", "ainsi", "oui",
                                "midi", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                "plus", "sous", "tous", "nous", "vous", "sans", "dessus", "jusqu",
                                "tout", "toute", "huit", "nuit", "droit", "fort", "port", "sort",
                                "déjà", "au", "du", "lieu", "peu", "jeu", "feu", "pays", "prix",
                                "fois", "alors", "depuis", "puis", "mais", "lors", "près", "après",
                                "ceux", "deux", "eux", "leur", "ne", "pas", "chaque", "quelque",
                                "partie", "sortie", "vue", "revue", "issue", "venue", "tenue",
                                "entrée", "arrivée", "journée", "année", "armée", "idée", "musée",
                                "soirée", "durée", "assemblée", "pensée", "rentrée", "matinée",
                                "poursuite", "suite", "fuite", "visite", "élite", "limite",
                                "crédit", "conflit", "profit", "circuit", "produit", "esprit",
                                "petit", "petite", "nuit", "fruit", "bruit", "récit", "début"})
# the future/conditional stem is the infinitive's ("rencontrer-a", "rendr-a") or an irregular
# one ("aur-a", "pourr-a", "devr-a", "mettr-a"): "montrez", "portrait" are not futures
_FR_FUTURE = re.compile(rf"^{_L}*(?:e|i|u|d|v|r|tt|ît|au|oi|c|y)r(?:ai|as|a|ons|ez|ont)$")
_FR_COND = re.compile(rf"^{_L}*(?:e|i|u|d|v|r|tt|ît|au|oi|c|y)r(?:ais|ait|ions|iez|aient)$")
_FR_IMPERFECT = re.compile(rf"^{_L}{{2,}}(?:ait|aient|ions|iez)$")
_FR_PASSE_SIMPLE = re.compile(rf"^{_L}{{2,}}(?:èrent|irent|urent|inrent|âmes|îmes)$")
_FR_PRESENT_WEAK = re.compile(rf"^{_L}{{2,}}(?:e|es|ent|it|ons|ez|ont|ait|d|t)$")
_FR_INFINITIVE = re.compile(rf"^{_L}{{2,}}(?:er|ir|re|oir)$")
_FR_GERUND = re.compile(rf"^{_L}{{2,}}ant$")
_FR_NOT_VERB = frozenset({
    "caméra", "opéra", "extra", "ultra", "sierra", "terra", "mantra", "contra", "aura",
    "environs", "patrons", "marrons", "portrait", "portraits", "retrait", "retraits", "attrait",
    "extrait", "extraits", "trait", "traits", "abstrait", "marais", "frais", "portraits",
    "fait", "lait", "souhait", "parfait", "forfait", "bienfait", "méfait", "satisfait",
    "jamais", "mais", "désormais", "palais", "français", "anglais", "relais", "délais",
    "nations", "élections", "questions", "régions", "relations", "positions", "missions",
    "millions", "opinions", "sessions", "réunions", "institutions", "décisions", "actions",
    "propositions", "négociations", "discussions", "déclarations", "élection", "entre", "contre",
    "notre", "votre", "autre", "centre", "ministre", "titre", "lettre", "membre", "nombre", "ordre",
    "premier", "dernier", "janvier", "février", "hier", "cahier", "avenir", "désir", "plaisir",
    "pouvoir", "devoir", "savoir", "soir", "espoir", "noir", "miroir", "terroir", "territoire",
    "président", "gouvernement", "moment", "parlement", "évènement", "événement", "accent",
    "président", "présidente", "ministre", "candidat", "candidate", "dirigeant", "dirigeants",
    "représentant", "représentants", "habitant", "habitants", "important", "importante",
    "pendant", "avant", "cependant", "maintenant", "durant", "devant", "suivant", "selon",
    "secteur", "affaires", "deuxième", "première", "nouvelle", "nouveau", "grande", "monde",
    "semaine", "frontière", "frontalière", "politique", "politiques", "économique", "publique",
    "même", "comme", "presse", "campagne", "personne", "chose", "cause", "face", "place",
    "ensemble", "tenue", "vue", "revue", "issue", "rue", "statut", "début", "but", "bout",
    "sud", "nord", "est", "ouest", "fond", "second", "rond", "grand", "quand", "tant", "part",
    "nuit", "droit", "état", "résultat", "mandat", "débat", "climat", "sénat", "attentat",
    "était", "avait",
})
# common irregular finite forms (present unless said otherwise)
_FR_FINITE = {
    **dict.fromkeys((
        "fait", "font", "dit", "disent", "peut", "peuvent", "doit", "doivent", "veut", "veulent",
        "sait", "savent", "vient", "viennent", "tient", "tiennent", "prend", "prennent", "met",
        "mettent", "voit", "voient", "rend", "rendent", "part", "partent", "connaît", "reçoit",
        "reçoivent", "devient", "deviennent", "obtient", "obtiennent", "maintient", "soutient",
        "faut", "semble", "reste", "compte", "comptent", "envisage", "envisagent", "prévoit",
        "prévoient", "souhaite", "souhaitent", "espère", "espèrent", "entend", "entendent",
        "conduit", "produit", "inclut", "comprend", "apprend", "permet", "promet", "promettent",
        "accueille", "accueillent", "rencontre", "rencontrent", "visite", "visitent", "arrive",
        "arrivent", "annonce", "annoncent", "déclare", "déclarent", "affirme", "affirment",
        "explique", "indique", "indiquent", "précise", "estime", "estiment", "assure", "souligne",
        "ajoute", "rappelle", "marque", "anticipe", "cherche", "organise", "participe",
        "propose", "reconnaît", "vit", "suit", "suivent", "mène", "mènent", "ouvre",
        "offre", "dépend", "répond", "attend", "attendent", "défend", "poursuit", "quitte",
        "travaille", "prépare", "préparent", "projette", "décide", "demande", "exige",
        "appelle", "dirige", "représente", "réunit", "réunissent", "retrouve", "entame",
        "débute", "commence", "termine", "achève", "effectue", "signe", "doit", "dispose",
        "connaissent", "remporte", "gagne", "perd", "obtient", "compose", "ouvrent"), "present"),
    **dict.fromkeys(("fit", "firent", "dit", "prit", "prirent", "mit", "mirent", "vint",
                     "vinrent", "tint", "tinrent", "fut", "furent", "eut", "eurent", "put",
                     "purent", "dut", "durent", "voulut", "sut", "naquit", "mourut", "devint",
                     "obtint", "obtinrent", "parvint", "revint"), "past"),
    **dict.fromkeys(("ira", "iront", "irai", "irons", "irez", "fera", "feront", "ferai",
                     "viendra", "viendront", "pourra", "pourront", "devra", "devront", "voudra",
                     "faudra", "verra", "verront", "saura", "tiendra", "tiendront", "prendra",
                     "prendront", "rendra", "rendront", "enverra", "mettra", "recevra",
                     "deviendra", "obtiendra", "maintiendra"), "future"),
}
_FR_FINITE["dit"] = "present"
_FR_SURE_PRESENT = frozenset({
    "font", "dit", "disent", "peut", "peuvent", "doit", "doivent", "veut", "veulent", "sait",
    "savent", "vient", "viennent", "tient", "tiennent", "prend", "prennent", "voit", "voient",
    "rend", "rendent", "connaît", "reçoit", "reçoivent", "devient", "deviennent", "obtient",
    "obtiennent", "maintient", "soutient", "faut", "prévoit", "prévoient", "envisage",
    "envisagent", "souhaitent", "espèrent", "entendent", "comprennent", "promettent",
})
_FR_PROSPECTIVE = frozenset({
    "envisage", "envisagent", "envisageait", "envisageaient", "envisagé", "prévoit", "prévoient",
    "prévoyait", "prévu", "prévue", "prévus", "prévues", "compte", "comptent", "comptait",
    "projette", "projettent", "projetait", "espère", "espèrent", "espérait", "veut", "veulent",
    "voulait", "voudrait", "voudraient", "doit", "doivent", "devait", "devaient", "devrait",
    "devraient", "devra", "devront", "souhaite", "souhaitent", "souhaitait", "apprête",
    "apprêtent", "apprêtait", "promet", "promettent", "promis", "décide", "décidé", "programmé",
    "programmée", "prépare", "préparent", "entend", "entendent", "pense", "pensent", "intention",
    "projet", "planifie", "planifié", "propose", "proposent", "tient", "tiennent", "cherche",
    "cherchent", "tente", "tentent", "attend", "attendent", "s'apprête", "annoncé",
})
_FR_RECENT_FORMS = _FR_VENIR

# ------------------------------------------------------------------ Spanish
_ES_HABER = {
    **dict.fromkeys(("he", "has", "ha", "hemos", "habéis", "han"), "present"),
    **dict.fromkeys(("había", "habías", "habíamos", "habían", "hubo", "hubieron", "hube"), "past"),
    **dict.fromkeys(("habrá", "habrán", "habré", "habremos", "habrás"), "future"),
    **dict.fromkeys(("habría", "habrían", "habrías", "habríamos"), "cond"),
    **dict.fromkeys(("haya", "hayan", "hayas", "hayamos", "hubiera", "hubieran", "hubiese"), "subj"),
}
_ES_SER = {
    **dict.fromkeys(("es", "son", "soy", "somos", "eres", "está", "están", "estoy", "estamos",
                     "estás"), "present"),
    **dict.fromkeys(("era", "eran", "éramos", "fue", "fueron", "fui", "fuimos", "estaba",
                     "estaban", "estuvo", "estuvieron", "estuve"), "past"),
    **dict.fromkeys(("será", "serán", "seré", "seremos", "estará", "estarán", "estaré"), "future"),
    **dict.fromkeys(("sería", "serían", "estaría", "estarían"), "cond"),
    **dict.fromkeys(("sea", "sean", "esté", "estén", "fuera", "fueran"), "subj"),
}
_ES_IR = {**dict.fromkeys(("va", "van", "voy", "vamos", "vas"), "present"),
          **dict.fromkeys(("iba", "iban", "íbamos"), "past")}
_ES_ACABAR = frozenset({"acaba", "acaban", "acabo", "acabamos", "acababa", "acababan"})
_ES_PARTICIPLE = re.compile(rf"^{_L}{{2,}}(?:ado|ada|ados|adas|ido|ida|idos|idas|ído|ída)$")
_ES_PARTICIPLE_WORDS = frozenset({
    "hecho", "hecha", "dicho", "dicha", "puesto", "puesta", "visto", "vista", "escrito", "vuelto",
    "abierto", "muerto", "muerta", "roto", "electo", "electa", "previsto", "prevista", "resuelto",
    "cubierto", "descubierto", "impuesto", "propuesto", "compuesto", "expuesto", "dispuesto",
    "devuelto", "envuelto", "satisfecho", "frito", "impreso", "provisto", "sido", "estado",
})
_ES_FUTURE = re.compile(rf"^{_L}+[aeidbrl]r(?:é|ás|á|emos|éis|án)$")
_ES_COND = re.compile(rf"^{_L}+[aeidbrl]r(?:ía|ían|ías|íamos|íais)$")
_ES_PRETERITE = re.compile(rf"^{_L}{{2,}}(?:ó|aron|ieron|yeron|aste|iste|asteis)$")
_ES_IMPERFECT = re.compile(rf"^{_L}{{2,}}(?:aba|aban|ábamos|abas|ían|íamos)$")
_ES_PRESENT_WEAK = re.compile(rf"^{_L}{{2,}}(?:a|e|an|en)$|^{_L}+(?:amos|emos|imos)$")
_ES_INFINITIVE = re.compile(rf"^{_L}{{2,}}(?:ar|er|ir|ír)(?:se|lo|la|le|les|los|las|me|te|nos)?$")
_ES_GERUND = re.compile(rf"^{_L}{{2,}}(?:ando|iendo|yendo)(?:se|lo|la|le|les|los|las)?$")
_ES_NOT_VERB = frozenset({
    "mayoría", "minoría", "categoría", "teoría", "secretaría", "batería", "galería", "ingeniería",
    "auditoría", "asesoría", "tesorería", "cervecería", "librería", "panadería", "contraloría",
    "procuraduría", "consejería", "gerencia", "comité", "café", "bebé", "puré", "carné", "canapé",
    "según", "también", "después", "además", "país", "vía", "día", "mar", "lugar", "hogar",
    "militar", "popular", "particular", "similar", "regular", "nuclear", "titular", "mujer",
    "poder", "deber", "placer", "ayer", "alrededor", "por", "ser", "estar", "sector", "acuerdo",
    "luego", "sobre", "entre", "contra", "hacia", "desde", "durante", "mediante", "ante", "bajo",
    "presidente", "presidenta", "gobierno", "agenda", "mandatario", "interior", "exterior",
    "mayor", "menor", "mejor", "peor", "anterior", "posterior", "superior", "inferior",
    "primera", "segunda", "tercera", "semana", "nueva", "política", "económica", "pública",
    "frontera", "cumbre", "reunión", "reuniones", "visita", "partido", "candidato", "candidata",
    "sentido", "contenido", "estado", "mercado", "resultado", "senado", "pasado", "pasada",
    "lado", "cuidado", "ciudad", "vida", "salida", "llegada", "medida", "partida", "comida",
    "jornada", "entrada", "mirada", "década", "embajada", "temporada", "armada", "cada",
    "nada", "todo", "toda", "como", "donde", "cuando", "mientras", "este", "esta", "ese", "esa",
    "grande", "gente", "frente", "parte", "mente", "noche", "tarde", "nombre", "hombre",
    "tiempo", "cambio", "encuentro", "viaje", "diálogo", "mandato", "programa", "problema",
    "tema", "sistema", "crimen", "orden", "imagen", "joven", "origen", "examen", "región",
    "misión", "elección", "decisión", "nación", "relación", "situación", "cooperación",
    "migración", "seguridad", "paz", "ex", "pro", "así", "aquí", "allí", "ahí", "otra", "otro",
    "una", "uno", "ninguna", "alguna", "cualquiera", "sola", "misma", "mismo", "toda", "ambos",
    "cerca", "fuera", "dentro", "encima", "acerca", "hora", "ahora", "forma", "norma", "zona",
    "persona", "línea", "idea", "área", "etapa", "base", "clase", "fase", "fuente", "mayo",
    "marzo", "junio", "julio", "enero", "febrero", "abril", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
    "domingo", "mañana", "anoche", "hoy", "año", "mes", "inicio", "final", "plan", "tras",
    "mediados", "aquí", "allí", "así", "sí", "esquí", "haití", "demasiado", "demasiada",
})
_ES_FINITE = {
    **dict.fromkeys((
        "hay", "tiene", "tienen", "hace", "hacen", "dice", "dicen", "puede", "pueden", "debe",
        "deben", "quiere", "quieren", "viene", "vienen", "sigue", "siguen", "busca", "buscan",
        "espera", "esperan", "mantiene", "mantienen", "llega", "llegan", "viaja", "viajan",
        "visita", "visitan", "reúne", "reúnen", "realiza", "realizan", "recibe", "reciben",
        "afirma", "asegura", "señala", "indica", "explica", "destaca", "plantea", "propone",
        "planea", "planean", "prevé", "prevén", "pretende", "pretenden", "consolida", "proyecta",
        "comienza", "comienzan", "empieza", "empiezan", "cierra", "incluye", "incluyen",
        "contempla", "participa", "actúa", "ocupa", "apunta", "apuntan", "exceden", "excede",
        "refuerza", "enfrenta", "enfrentan", "asume", "asumen", "encabeza", "anuncia",
        "anuncian", "considera", "cree", "parece", "queda", "quedan", "pide", "piden",
        "ofrece", "conoce", "sabe", "pone", "sale", "vuelve", "piensa", "piensan", "existe",
        "permite", "permiten", "obtiene", "obtienen", "logra", "gana", "pierde", "lidera",
        "encuentra", "reconoce", "marca", "abre", "celebra", "firma", "ratifica", "confirma",
        "representa", "significa", "implica", "requiere", "necesita", "depende", "sostiene",
        "advierte", "insiste", "agrega", "añade", "sostienen", "coinciden", "coincide",
        "proyectan", "refleja", "reflejan", "tiene", "convoca", "inaugura", "presenta",
        "presentan", "recuerda", "resalta", "subraya"), "present"),
    **dict.fromkeys((
        "fue", "fueron", "hizo", "hicieron", "tuvo", "tuvieron", "dijo", "dijeron", "estuvo",
        "estuvieron", "pudo", "pudieron", "puso", "pusieron", "quiso", "quisieron", "supo",
        "vino", "vinieron", "trajo", "trajeron", "condujo", "dio", "dieron", "vio", "vieron",
        "anduvo", "hubo", "obtuvo", "obtuvieron", "mantuvo", "sostuvo", "propuso", "impuso",
        "dispuso", "produjo", "introdujo", "redujo", "tradujo", "era", "eran", "iba", "iban",
        "había", "habían", "tenía", "tenían", "hacía", "decía", "podía", "podían", "debía",
        "quería", "sabía", "existía", "vivía", "seguía", "parecía", "estaba", "estaban",
        "encontré", "fui", "estuve", "tuve", "hice", "dije", "vi", "di", "ocurrió", "murió",
        "asumió", "eligió", "recibió", "reunió", "incluyó", "huyó", "leyó", "cayó", "construyó",
        "concluyó", "contribuyó", "destruyó", "influyó", "distribuyó"), "past"),
    **dict.fromkeys(("iré", "irá", "irán", "iremos", "irás", "haré", "hará", "harán", "diré",
                     "dirá", "dirán"), "future"),
}
_ES_SURE_PRESENT = frozenset({
    "hay", "tiene", "tienen", "hace", "hacen", "dice", "dicen", "puede", "pueden", "debe", "deben",
    "quiere", "quieren", "sigue", "siguen", "mantiene", "mantienen", "prevé", "prevén", "planea",
    "planean", "pretende", "pretenden", "sostiene", "sostienen", "reúne", "reúnen", "incluye",
    "incluyen", "obtiene", "obtienen", "requiere", "necesita", "parece", "existe", "viene",
    "vienen", "piensa", "piensan", "considera", "cree", "sabe", "conoce", "afirma", "asegura",
    "señala", "destaca", "coinciden", "exceden", "apuntan", "reflejan", "buscan", "esperan",
})
_ES_PROSPECTIVE = frozenset({
    "planea", "planean", "planeaba", "prevé", "prevén", "preveía", "previsto", "prevista",
    "previstos", "previstas", "pretende", "pretenden", "pretendía", "espera", "esperan",
    "esperaba", "quiere", "quieren", "quería", "querría", "debe", "deben", "debía", "debería",
    "deberían", "deberá", "deberán", "prepara", "preparan", "promete", "prometen", "prometió",
    "decide", "decidió", "programado", "programada", "programados", "piensa", "piensan",
    "propone", "proponen", "desea", "desean", "planifica", "proyecta", "proyectan",
    "intención", "proyecto", "plan", "planes", "busca", "buscan", "buscará", "intenta",
    "intentan", "tiene", "tienen", "podría", "podrían", "podrá", "podrán", "dispuesto",
    "dispuesta", "apresta", "aprestan",
})

# ------------------------------------------------------------------ English
_EN_MODAL = {
    **dict.fromkeys(("will", "'ll", "’ll", "shall", "wo"), "future"),
    **dict.fromkeys(("would", "'d", "’d", "may", "might", "must", "should"), "cond"),
    **dict.fromkeys(("can", "ca", "could"), "present"),
}
_EN_BE = {**dict.fromkeys(("is", "are", "am", "'re", "’re", "'m", "’m"), "present"),
          **dict.fromkeys(("was", "were"), "past")}
_EN_HAVE = {**dict.fromkeys(("has", "have", "'ve", "’ve"), "present"), "had": "past"}
_EN_DO = {**dict.fromkeys(("do", "does"), "present"), "did": "past"}
_EN_IRREGULAR_PAST = frozenset({
    "met", "went", "said", "held", "won", "took", "gave", "made", "came", "saw", "told", "began",
    "left", "found", "thought", "got", "brought", "bought", "sent", "spent", "led", "ran",
    "stood", "spoke", "wrote", "chose", "rose", "fell", "became", "felt", "kept", "lost", "paid",
    "sat", "knew", "grew", "drew", "threw", "flew", "drove", "rode", "broke", "woke", "wore",
    "tore", "swore", "hung", "struck", "stuck", "sang", "rang", "swam", "shook", "forgot",
    "forgave", "overcame", "undertook", "withdrew", "fought", "sought", "taught", "caught",
    "meant", "dealt", "built", "lent", "bent", "heard", "sold", "understood", "oversaw",
    "arose", "beat", "bore", "fled", "fed", "bled", "slept", "swept", "wept", "ate", "lay",
    "laid", "shot", "lit", "slid", "hid", "bit", "upheld", "withheld", "foresaw", "mistook",
    "underwent", "outlined", "reaffirmed", "did", "had", "was", "were",
})
_EN_PARTICIPLE_IRREGULAR = frozenset({
    "been", "done", "gone", "seen", "taken", "given", "known", "shown", "grown", "drawn", "thrown",
    "flown", "driven", "ridden", "broken", "woken", "worn", "torn", "sworn", "written", "spoken",
    "chosen", "risen", "fallen", "forgotten", "forgiven", "begun", "sung", "rung", "swum",
    "eaten", "hidden", "bitten", "beaten", "undertaken", "overcome", "become", "come", "run",
    "withdrawn", "mistaken", "born", "borne", "got", "gotten", "put", "set", "cut", "hit", "let",
    "quit", "spread", "cost", "hurt", "shut", "split", "read",
}) | _EN_IRREGULAR_PAST - {"did", "was", "were", "had", "went", "came", "ran", "began", "saw",
                           "ate", "flew", "drew", "grew", "knew", "threw", "rose", "fell", "spoke",
                           "wrote", "chose", "took", "gave", "broke", "drove", "rode", "wore",
                           "swore", "tore", "sang", "rang", "swam", "shook", "forgave",
                           "forgot", "became", "overcame", "undertook", "withdrew", "arose",
                           "bore", "lay", "woke", "mistook", "underwent", "foresaw", "oversaw"}
_EN_BASE_AND_PAST = frozenset({"put", "set", "cut", "hit", "let", "quit", "spread", "cost", "hurt",
                               "shut", "split", "read", "run", "come", "become", "overcome", "bid"})
_FR_QUANTIFIERS = frozenset({"chaque", "quelque", "quelques", "plusieurs", "tout", "toute", "tous",
                             "toutes", "aucun", "aucune", "certains", "certaines", "nombreux",
                             "nombreuses", "autre", "autres", "même", "nouvelle", "nouveau",
                             "première", "premier", "dernière", "dernier", "grande", "seule"})
_EN_IS_BEFORE = frozenset({"what", "it", "he", "she", "that", "there", "who", "where", "here", "how",
                           "this", "when", "which"})
_EN_ED = re.compile(rf"^{_L}{{2,}}(?:ed|ied)$")
_EN_NOT_ED = frozenset({
    "need", "speed", "seed", "deed", "breed", "greed", "creed", "indeed", "feed", "steed", "weed",
    "heed", "hundred", "kindred", "hatred", "sacred", "naked", "wicked", "rugged", "ragged",
    "jagged", "crooked", "beloved", "red", "bed", "shed", "wed", "embed", "shred", "sled",
    "proceed", "succeed", "exceed", "bleed", "seabed", "biped", "united", "limited", "interested",
    "concerned", "related", "based", "so-called", "advanced", "detailed", "armed", "skilled",
    "elected", "president-elect", "speed", "need", "ahmed", "mohammed", "alfred", "fred",
    "unprecedented", "supposed", "alleged", "designated", "embattled", "unexpected",
    "renewed", "organized", "organised", "heightened", "increased", "reduced", "expanded",
    "combined", "mixed", "divided", "informed", "experienced", "talented", "varied",
    "several", "died",
}) - {"died"}
_EN_ING = re.compile(rf"^{_L}{{2,}}ing$")
_EN_NOT_ING = frozenset({"during", "morning", "evening", "thing", "nothing", "something",
                         "anything", "everything", "king", "ring", "spring", "string", "wing",
                         "sing", "bring", "sibling", "ceiling", "building", "meeting",
                         "meetings", "briefing", "hearing", "ruling", "wedding", "offspring",
                         "beijing", "viking", "pudding", "according", "regarding",
                         "concerning", "including", "notwithstanding", "pending", "following",
                         "funding", "training", "housing", "spending", "timing", "opening",
                         "warning", "polling", "voting", "counting", "setting", "landing",
                         "gathering", "standing", "understanding", "ending", "beginning",
                         "shooting", "bombing", "trafficking", "planning", "clothing",
                         "lightning", "ongoing", "outgoing", "incoming", "upcoming",
                         "leading", "growing", "rising", "working", "ruling", "governing",
                         "remaining", "existing", "emerging", "neighboring", "neighbouring",
                         "surrounding", "outstanding", "interesting", "missing", "sitting",
                         "acting", "striking", "pressing", "fighting", "boring", "amazing",
                         "thanksgiving"})
_EN_PRESENT_S = re.compile(rf"^{_L}{{2,}}(?:s|es|ies)$")
_EN_NOT_PRESENT = frozenset({
    "is", "was", "has", "does", "this", "his", "its", "us", "as", "yes", "thus", "plus", "bus",
    "news", "always", "perhaps", "across", "whereas", "less", "unless", "was", "ties", "series",
    "species", "politics", "economics", "analysis", "crisis", "basis", "thesis", "status",
    "census", "campus", "focus", "bonus", "virus", "chaos", "dos", "kudos", "means", "christmas",
    "themselves", "ourselves", "yourselves", "years", "days", "weeks", "months", "hours",
    "minutes", "times", "others", "sometimes", "besides", "towards", "afterwards", "backwards",
    "nearly", "percent", "progress", "congress", "business", "address", "process", "access",
    "success", "class", "glass", "mass", "pass", "press", "stress", "boss", "loss", "cross",
    "gross", "kiss", "miss", "ms", "mrs", "mr", "us", "ecuadorians", "chileans", "votes",
})
_EN_PROSPECTIVE = frozenset({
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intent", "expect",
    "expects", "expected", "hope", "hopes", "hoped", "aim", "aims", "aimed", "prepare",
    "prepares", "preparing", "preparation", "preparations", "schedule", "scheduled", "set",
    "due", "want", "wants", "wanted", "seek", "seeks", "sought", "propose", "proposes",
    "proposed", "promise", "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows",
    "vowed", "agree", "agrees", "agreed", "decide", "decides", "decided", "arrange", "arranged",
    "about", "likely", "poised", "going", "wish", "wishes", "threaten", "threatens",
    "threatened", "consider", "considers", "considering", "slated", "invite", "invited",
    "invitation", "ready", "bid", "hoping", "aiming", "seeking", "expecting", "intending",
})
_EN_PRONOUN_SUBJECT = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})
_EN_ALWAYS_VERB = frozenset({"said", "says", "include", "includes", "included", "meets",
                             "travels", "visits", "marks", "begins", "arrives", "leaves",
                             "remains", "seems", "announces", "plans", "expects", "hopes",
                             "intends", "wants", "unveils", "holds", "takes", "makes"})


# ------------------------------------------------------------------ data structures
@dataclass(frozen=True)
class VerbGroup:
    first: int              # token index of the group's first word (auxiliary or verb)
    head: int               # token index of the lexical verb
    tense: str              # past | present | future | inf | ger | part
    prospective: bool       # a plan verb: its infinitive complement is ahead ("envisage de")
    purpose: bool = False   # an infinitive of purpose ("pour rencontrer", "to meet")

    @property
    def finite(self) -> bool:
        return self.tense in ("past", "present", "future")


@dataclass(frozen=True)
class Segment:
    lo: int                 # token range [lo, hi)
    hi: int
    clause: int             # index of the strong clause (between ; : — parentheses)
    embedded: bool          # opened by a relative pronoun or subordinating word
    relative: bool          # opened by a relative pronoun ("où", "which"): describes a noun before


@dataclass(frozen=True)
class Analysis:
    words: tuple[str, ...]  # lower-cased tokens
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    verbs: tuple[VerbGroup, ...]
    segments: tuple[Segment, ...]
    sensitive: frozenset[int] = frozenset()   # tokens whose blocking would change the analysis


# ------------------------------------------------------------------ tokenization & classes
@lru_cache(maxsize=4096)
def _tokens(sentence: str, lang: str):
    """(texts, lower-cased words, starts, ends, word classes) of a sentence, cached."""
    spans = [m.span() for m in _ROUGH_TOKEN.finditer(sentence)]
    if "'" in sentence or "’" in sentence or "-" in sentence:
        # rare: the language's own rules for elisions, clitics and hyphens
        fine, joined, refined = _TOKEN[lang], _JOINED.search, []
        for a, b in spans:
            if b - a > 1 and joined(sentence, a, b):
                refined.extend(m.span() for m in fine.finditer(sentence, a, b))
            else:
                refined.append((a, b))
        spans = refined
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    texts = [sentence[a:b] for a, b in spans]
    if lang == "en" and ("'t" in sentence or "’t" in sentence):
        for k in range(1, len(texts)):
            if texts[k][1:] in ("t", "T") and texts[k - 1][-1:] in ("n", "N"):
                # "won't" -> "wo" "n't", "don't" -> "do" "n't"
                texts[k - 1], ends[k - 1] = texts[k - 1][:-1], ends[k - 1] - 1
                texts[k], starts[k] = "n" + texts[k], starts[k] - 1
    words = [t.lower() for t in texts]
    classes = [_word_class(w, lang) for w in words]
    for i in range(1, len(texts)):
        if classes[i] is not None and (
                (texts[i][0].isupper() and words[i - 1] not in _STRONG_OR_START and words[i] != "i")
                or (words[i - 1][0].isdigit() and words[i] in ("am", "pm", "h"))):
            classes[i] = None       # a proper name ("Sierra", "May"), "9 am": never a verb
    if lang == "en":
        for i in range(1, len(words)):
            prev = words[i - 1]
            if words[i] in ("'s", "’s") and prev in _EN_IS_BEFORE:
                classes[i] = ("aux_be", "present")          # "what's", "he's", "it's"
            elif classes[i] is None and prev in ("i", "we", "you", "they") and words[i].isalpha() \
                    and words[i] not in _DETERMINERS["en"] and words[i] not in _NOT_COMMAND["en"]:
                classes[i] = ("weak", "present")            # "I need", "they meet"
    candidates = [i for i, c in enumerate(classes) if c is not None]
    cuts = _CUTS[lang]
    cut_points = [i for i, w in enumerate(words) if w in cuts]
    return texts, words, starts, ends, classes, candidates, cut_points


def _is_name(text: str, i: int, prev: str | None) -> bool:
    """A capitalized word not at the start of a sentence or quotation: a proper name, never a verb."""
    return text[:1].isupper() and i > 0 and prev not in _STRONG_OR_START


_STRONG_OR_START = frozenset({".", "!", "?", ":", ";", "«", '"', "“", "(", "—", "–", "…", "¿", "¡"})


@lru_cache(maxsize=65536)
def _word_class(word: str, lang: str) -> tuple[str, str] | None:
    """(kind, tense) of a lower-cased word from morphology alone; kind: aux_have | aux_be |
    aux_go | aux_recent | modal | do | fin | weak (an ambiguous finite form) | part | inf | ger."""
    if word in _DETERMINERS[lang] and word != "a":
        return None
    if lang == "fr":
        if word in _FR_AVOIR:
            return "aux_have", _FR_AVOIR[word]
        if word in _FR_ETRE:
            return "aux_be", _FR_ETRE[word]
        if word in _FR_ALLER:
            return "aux_go", _FR_ALLER[word]
        if word in _FR_VENIR:
            return "aux_recent", "present"
        if word in _FR_FINITE:
            tense = _FR_FINITE[word]
            # "visite", "rencontre", "annonce" are nouns as often as verbs: context decides
            return ("fin" if tense != "present" or word in _FR_SURE_PRESENT else "weak"), tense
        if word in _FR_NOT_VERB or len(word) < 3:
            return None
        if _FR_FUTURE.match(word) and len(word) > 4:
            return "fin", "future"
        if _FR_COND.match(word) and len(word) > 5:
            return "fin", "cond"
        if _FR_PASSE_SIMPLE.match(word):
            return "fin", "past"
        if word in _FR_PARTICIPLE_WORDS:
            return "part", "part"
        if _FR_IMPERFECT.match(word) and len(word) > 4:
            return "weak", "past"
        if _FR_GERUND.match(word):
            return "ger", "ger"
        if _FR_INFINITIVE.match(word):
            return "inf", "inf"
        if _FR_PARTICIPLE.match(word) and word not in _FR_NOT_PARTICIPLE:
            return "part", "part"
        if _FR_PRESENT_WEAK.match(word):
            return "weak", "present"
        if len(word) > 4 and word[-1] == "a" and word[-2] not in "aeiouy":
            return "weak", "past"           # passé simple: "arriva", "déclara"
        return None
    if lang == "es":
        if word in _ES_HABER:
            return "aux_have", _ES_HABER[word]
        if word in _ES_SER:
            return "aux_be", _ES_SER[word]
        if word in _ES_IR:
            return "aux_go", _ES_IR[word]
        if word in _ES_ACABAR:
            return "aux_recent", "present"
        if word in _ES_FINITE:
            tense = _ES_FINITE[word]
            return ("fin" if tense != "present" or word in _ES_SURE_PRESENT else "weak"), tense
        if word in _ES_PARTICIPLE_WORDS:
            return "part", "part"
        if word in _ES_NOT_VERB or len(word) < 3:
            return None
        if _ES_FUTURE.match(word):
            return "fin", "future"
        if _ES_COND.match(word):
            return "fin", "cond"
        if _ES_PRETERITE.match(word):
            return "fin", "past"
        if _ES_IMPERFECT.match(word):
            return "fin", "past"
        if _ES_GERUND.match(word):
            return "ger", "ger"
        if _ES_INFINITIVE.match(word):
            return "inf", "inf"
        if _ES_PARTICIPLE.match(word):
            return "part", "part"
        if len(word) > 4 and word[-1] == "é" and word[-2] not in "aeiou":
            return "fin", "past"            # pretérito 1sg: "regresé", "encontré"
        if len(word) > 3 and word[-1] == "í" and word[-2] not in "aeiou":
            return "weak", "past"           # "salí", "recibí"
        if word.endswith("ía") and len(word) > 4:
            return "weak", "past"          # imperfect "tenía", "decía" (nouns "economía" need context)
        if _ES_PRESENT_WEAK.match(word):
            return "weak", "present"
        return None
    # English
    if word in _EN_MODAL:
        return "modal", _EN_MODAL[word]
    if word in _EN_BE:
        return "aux_be", _EN_BE[word]
    if word in _EN_HAVE:
        return "aux_have", _EN_HAVE[word]
    if word in _EN_DO:
        return "do", _EN_DO[word]
    if word in ("going",):
        return "ger", "ger"
    if word in _EN_IRREGULAR_PAST:
        return "fin", "past"
    if word in _EN_PARTICIPLE_IRREGULAR:
        return "part", "part"
    if word in _EN_ALWAYS_VERB:
        return ("fin", "past") if word.endswith("ed") or word == "said" else ("weak", "present")
    if _EN_ED.match(word) and word not in _EN_NOT_ED:
        return "ed", "past"
    if _EN_ING.match(word) and word not in _EN_NOT_ING:
        return "ger", "ger"
    if _EN_PRESENT_S.match(word) and word not in _EN_NOT_PRESENT and not word.endswith(("ss", "us", "is")):
        return "weak", "present"
    return None


_TABLES = {
    "fr": (_FR_PROSPECTIVE, _FR_ETRE_VERBS),
    "es": (_ES_PROSPECTIVE, None),
    "en": (_EN_PROSPECTIVE, None),
}
_REFLEXIVE = {"fr": frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"}),
              "es": frozenset({"se", "me", "te", "nos"}), "en": frozenset()}
_INF_MARK = {
    "fr": frozenset({"de", "d'", "d’", "à", "pour", "sans", "afin", "par"}),
    "es": frozenset({"de", "a", "para", "sin", "al", "por", "tras"}),
    "en": frozenset({"to"}),
}


def _next_content(words: list[str], i: int, lang: str, limit: int = 4) -> int | None:
    """Index of the first word after i that is not an adverb/negation/clitic (within `limit`)."""
    skip, manner = _SKIP[lang], _MANNER_ADVERB[lang]
    j = i + 1
    while j < len(words) and j - i <= limit:
        if words[j] not in skip and not (words[j][:1] == "-" and len(words[j]) > 1) and not manner.fullmatch(words[j]):
            return j
        j += 1
    return None


def _is_participle(word: str, lang: str) -> bool:
    if lang == "fr":
        return (word in _FR_PARTICIPLE_WORDS or bool(_FR_PARTICIPLE.match(word))) \
            and word not in _FR_NOT_PARTICIPLE
    if lang == "es":
        return word in _ES_PARTICIPLE_WORDS or bool(_ES_PARTICIPLE.match(word))
    return (word in _EN_PARTICIPLE_IRREGULAR or (bool(_EN_ED.match(word)) and word not in _EN_NOT_ED)
            or word in ("met", "held", "won", "made", "said", "led", "sent", "found", "left"))


def _is_infinitive(word: str, lang: str) -> bool:
    if lang == "fr":
        return bool(_FR_INFINITIVE.match(word)) and word not in _FR_NOT_VERB
    if lang == "es":
        return bool(_ES_INFINITIVE.match(word)) and word not in _ES_NOT_VERB
    return word.isalpha() and word not in _DETERMINERS["en"]


def _verb_groups(words: list[str], texts: list[str], lang: str, blocked: set[int],
                 spare: list[tuple[int, str]], classes: list, candidates: list[int]) -> list[VerbGroup]:
    """Verb groups of a tokenized sentence, left to right (tokens in `blocked` are dates).
    Ambiguous forms without a verb context go to `spare` (index, tense): they count only in a
    segment that has no other verb ("Le président chilien arriva à Quito")."""
    prospective_words, etre_verbs = _TABLES[lang]
    groups: list[VerbGroup] = []
    used: set[int] = set()
    n = len(words)
    context = _VERB_CONTEXT[lang]
    determiners = _DETERMINERS[lang]
    for i in candidates:
        if i in used or i in blocked:
            continue
        w = words[i]
        prev = words[i - 1] if i else None
        kind, tense = classes[i]
        j = _next_content(words, i, lang)
        nxt = words[j] if j is not None and j not in blocked else None
        if kind == "aux_have":
            if lang == "fr" and w == "a" and prev is not None and prev[:1].isdigit() and \
                    i + 1 < n and words[i + 1][:1].isdigit():
                continue        # "de 5 a 7": a misspelt "à"
            if nxt is not None and _is_participle(nxt, lang) and not (lang == "en" and nxt in ("to",)):
                used.add(j)
                if tense == "present":
                    t = "past"          # passé composé, pretérito perfecto, present perfect
                elif tense == "cond":
                    t = "past"          # "aurait rencontré", "habría visitado", ("would have")
                elif tense == "subj":
                    t = "past"
                else:
                    t = tense
                if lang in ("fr", "es") and nxt in ("été", "sido"):
                    k = _next_content(words, j, lang)
                    if k is not None and k not in blocked and _is_participle(words[k], lang):
                        used.add(k)
                if lang == "en" and nxt == "been":
                    k = _next_content(words, j, lang)
                    if k is not None and k not in blocked and (_is_participle(words[k], lang) or
                                                               _EN_ING.match(words[k])):
                        used.add(k)
                groups.append(VerbGroup(i, j, t, words[j] in prospective_words))
                continue
            if lang == "en" and nxt == "to" and tense in ("present", "past"):
                groups.append(VerbGroup(i, i, tense, True))   # "has to", "had to": obligation
                continue
            groups.append(VerbGroup(i, i, _finite(tense), False))
            continue
        if kind == "aux_be":
            if lang == "en" and nxt == "going" and j + 1 < n and words[j + 1] == "to":
                used.update((j, j + 1))
                groups.append(VerbGroup(i, j, "future" if tense == "present" else "present", True))
                continue
            if lang == "en" and nxt == "to":
                # "is to meet": a plan; "was to meet": a past plan, no time of its own
                groups.append(VerbGroup(i, i, "future" if tense == "present" else "present", True))
                continue
            reflexive = i > 0 and words[i - 1] in _REFLEXIVE[lang]
            # after "s'est", a word shaped like a participle is one, even a noun's twin
            # ("s'est tenue dimanche", "s'est vue")
            if nxt is not None and (_is_participle(nxt, lang) or reflexive and lang == "fr"
                                    and _FR_PARTICIPLE.match(nxt)):
                used.add(j)
                prosp = nxt in prospective_words
                if lang == "fr" and tense == "present" and (reflexive or etre_verbs.match(nxt)):
                    t = "past"          # "s'est rendu", "est arrivé"
                elif tense == "cond":
                    t = "future"
                elif tense == "subj":
                    t = "future"
                elif tense == "present" and prosp:
                    t = "future"        # "est prévu", "is scheduled", "está previsto"
                else:
                    t = tense
                groups.append(VerbGroup(i, j, t, prosp))
                continue
            if lang == "en" and nxt is not None and _EN_ING.match(nxt) and nxt not in _EN_NOT_ING:
                used.add(j)
                groups.append(VerbGroup(i, j, _finite(tense), nxt in prospective_words))
                continue
            if lang == "en" and nxt is not None and nxt in ("about", "due", "set", "likely",
                                                            "poised", "ready", "slated"):
                groups.append(VerbGroup(i, j, "future" if tense == "present" else "present", True))
                continue
            groups.append(VerbGroup(i, i, _finite(tense), False))
            continue
        if kind == "aux_go":
            # "va se rendre", "va a viajar": a future (also "allait", as the brief of news has it)
            k = j
            if lang == "es" and nxt == "a":
                k = _next_content(words, j, lang)
            if k is not None and k not in blocked and _is_infinitive(words[k], lang):
                used.add(k)
                groups.append(VerbGroup(i, k, "future", False))
                continue
            groups.append(VerbGroup(i, i, _finite(tense), False))
            continue
        if kind == "aux_recent":
            if nxt in ("de", "d'", "d’"):
                k = _next_content(words, j, lang)
                if k is not None and k not in blocked and _is_infinitive(words[k], lang):
                    used.add(k)
                    groups.append(VerbGroup(i, k, "past", False))
                    continue
            groups.append(VerbGroup(i, i, "present", False))
            continue
        if kind == "modal":
            k = j
            t = tense
            if nxt == "have" and k is not None:
                k2 = _next_content(words, k, lang)
                if k2 is not None and k2 not in blocked and _is_participle(words[k2], lang):
                    used.update((k, k2))
                    groups.append(VerbGroup(i, k2, "future" if tense == "future" else "past", False))
                    continue
            if nxt == "be" and k is not None:
                used.add(k)
                k2 = _next_content(words, k, lang)
                if k2 is not None and k2 not in blocked and (_is_participle(words[k2], lang)
                                                             or _EN_ING.match(words[k2])):
                    used.add(k2)
                    k = k2
            elif k is not None and k not in blocked and nxt and nxt.isalpha() and nxt not in determiners:
                used.add(k)
            else:
                k = i
            groups.append(VerbGroup(i, k, "future" if t == "cond" else t,
                                    (words[k] in prospective_words) if k is not None else False))
            continue
        if kind == "do":
            if nxt is not None and nxt.isalpha() and nxt not in determiners and nxt not in _EN_PRONOUN_SUBJECT:
                used.add(j)
                groups.append(VerbGroup(i, j, tense, nxt in prospective_words))
            else:
                groups.append(VerbGroup(i, i, tense, False))
            continue
        # lexical verbs
        before = _prev_content(words, i, lang)
        pw = words[before] if before is not None else None
        if kind in ("fin",):
            if pw in determiners and lang != "en" and tense == "present":
                continue        # "la visite", "el encuentro": a noun
            if tense == "cond" and nxt in ("haber", "avoir"):
                k = _next_content(words, j, lang)
                if k is not None and k not in blocked and _is_participle(words[k], lang):
                    used.update((j, k))
                    groups.append(VerbGroup(i, k, "past", False))
                    continue
            groups.append(VerbGroup(i, i, _finite(tense), w in prospective_words))
            continue
        if kind == "ed":       # English -ed: past tense, or a participle/adjective
            if pw in determiners or pw in ("very", "most", "more", "newly", "recently"):
                continue
            if pw is not None and (pw in _EN_PRONOUN_SUBJECT or pw in context or _is_name_before(texts, before)):
                groups.append(VerbGroup(i, i, "past", w in prospective_words))
            else:
                groups.append(VerbGroup(i, i, "part", w in prospective_words))
            continue
        if kind == "weak":
            # an ambiguous finite form is a verb only after a subject pronoun, clitic or name
            if pw in context or (before is not None and _is_name_before(texts, before)) or \
                    (before == 0 and pw in ("this", "that", "it", "esto", "esta", "este", "cela", "ceci")) or \
                    (lang == "en" and w in _EN_ALWAYS_VERB and pw not in determiners):
                if lang == "es" and pw in ("lo", "le", "les") and before and words[before - 1:before] and \
                        words[before - 1] in ("de", "a", "en", "por", "para", "con"):
                    continue
                groups.append(VerbGroup(i, i, _finite(tense), w in prospective_words))
            elif lang == "en" and pw not in determiners and _en_plain_subject(words, texts, i):
                groups.append(VerbGroup(i, i, _finite(tense), w in prospective_words))
            elif pw not in determiners:
                spare.append((i, _finite(tense)))
            continue
        if kind == "part":
            if lang == "en" and w in _EN_BASE_AND_PAST:
                if pw in _EN_PRONOUN_SUBJECT or (before is not None and _is_name_before(texts, before)):
                    groups.append(VerbGroup(i, i, "past", False))   # "Typhoon Xangsane hit Manila"
                continue
            if lang == "es" and pw in ("a", "de", "en", "por", "con", "sin"):
                continue
            if lang == "fr" and pw in _FR_QUANTIFIERS:
                continue
            if pw in determiners and lang == "fr" and pw not in ("de", "d'", "d’", "à", "en", "par"):
                continue
            groups.append(VerbGroup(i, i, "part", w in prospective_words))
            continue
        if kind == "inf":
            if lang == "en":
                continue
            marked = pw in _INF_MARK[lang] or pw in _REFLEXIVE[lang] or pw in ("lui", "leur", "y")
            gov = groups[-1] if groups else None
            after_verb = gov is not None and gov.head in (i - 1, i - 2) and gov.finite
            if marked or after_verb or (gov is not None and gov.prospective):
                purpose = pw in _PURPOSE[lang] or (lang == "fr" and pw in ("de", "d'", "d’") and
                                                   before and words[before - 1] == "afin")
                groups.append(VerbGroup(i, i, "inf", w in prospective_words, purpose))
            continue
        if kind == "ger":
            if lang == "fr" and pw != "en":
                continue        # "-ant" words are adjectives/nouns unless "en -ant"
            if lang == "en" and pw in determiners and pw not in ("of", "in", "on", "for", "by", "with",
                                                                 "about", "from"):
                continue
            if lang == "en" and w == "going" and i + 1 < n and words[i + 1] == "to":
                used.add(i + 1)
                groups.append(VerbGroup(i, i, "ger", True))
                continue
            groups.append(VerbGroup(i, i, "ger", w in prospective_words))
            continue
    # English infinitives: "to" + a verb-like word after a verb or plan noun
    if lang == "en":
        groups.extend(_en_infinitives(words, texts, blocked, used, groups))
        groups.sort(key=lambda g: g.first)
    return groups


_ADDRESS = frozenset({"please", "cortana", "por", "favor", "s'il", "vous", "plaît", "plait", ",",
                      "hey", "oye", "ok", "okay", "alors", "bueno", "so", "maybe", "quizás", "tal",
                      "vez", "peut-être"})
_OBJECT_START = {
    "en": frozenset({"me", "us", "him", "her", "them", "the", "a", "an", "my", "our", "this",
                     "that", "some", "all", "up", "out", "in", "on", "at", "for", "to", "with",
                     "sales", "meeting", "lunch", "records", "time", "'s", "’s", "go", "back",
                     "about", "from", "into", "down", "off", "over"}),
    "es": frozenset({"me", "nos", "le", "les", "una", "un", "el", "la", "los", "las", "mi", "mis",
                     "este", "esta", "estos", "a", "en", "con", "para", "de", "del", "al", "ventas",
                     "todo", "todas", "todos"}),
    "fr": frozenset({"-moi", "-nous", "-le", "-la", "-les", "-lui", "moi", "nous", "une", "un", "le",
                     "la", "les", "l'", "l’", "mon", "ma", "mes", "ce", "cette", "à", "au", "aux",
                     "en", "des", "du", "de", "pour", "avec"}),
}
_NOT_COMMAND = {
    "en": frozenset({"what", "when", "where", "who", "how", "why", "which", "is", "are", "was",
                     "do", "does", "did", "can", "could", "will", "would", "there", "here",
                     "in", "on", "at", "for", "from", "by", "with", "after", "before", "during",
                     "since", "until", "between", "the", "a", "an", "this", "that", "these",
                     "i", "you", "he", "she", "it", "we", "they", "my", "your", "our", "their",
                     "his", "her", "its", "and", "or", "but", "not", "no", "yes", "today",
                     "tomorrow", "yesterday", "tonight", "now", "then", "next", "last", "every",
                     "each", "about", "around", "of", "to", "as", "if", "so", "also"}),
    "es": frozenset({"qué", "que", "cuándo", "cuando", "dónde", "donde", "quién", "cómo", "el",
                     "la", "los", "las", "un", "una", "en", "de", "del", "a", "al", "por", "para",
                     "con", "desde", "hasta", "entre", "tras", "durante", "y", "o", "no", "sí",
                     "hoy", "mañana", "ayer", "ahora", "este", "esta", "ese", "esa", "mi", "su",
                     "yo", "tú", "él", "ella", "nosotros", "ellos", "según", "como", "si"}),
    "fr": frozenset({"que", "qu'", "qu’", "quand", "où", "qui", "comment", "le", "la", "les",
                     "l'", "l’", "un", "une", "des", "en", "de", "du", "d'", "d’", "à", "au",
                     "aux", "par", "pour", "avec", "depuis", "dans", "sur", "entre", "pendant",
                     "et", "ou", "ne", "n'", "n’", "non", "oui", "aujourd'", "aujourd’", "demain",
                     "hier", "maintenant", "ce", "cette", "mon", "ma", "son", "sa", "je", "j'",
                     "j’", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on", "selon",
                     "comme", "si", "lors", "avant", "après"}),
}


def _command_start(words: list[str], texts: list[str], lang: str) -> int | None:
    """The first word of a request ("Show me sales in 2007", "Reserve este almuerzo",
    "Réservez-moi une salle"): an imperative, read as present."""
    i = 0
    while i < len(words) and words[i] in _ADDRESS:
        i += 1
    if i + 1 >= len(words):
        return None
    w, nxt = words[i], words[i + 1]
    if not w.isalpha() or w in _NOT_COMMAND[lang] or w in _DETERMINERS[lang]:
        return None
    if i > 0 and texts[i][:1].isupper() and words[i - 1] not in (",",):
        return None
    if w in _FR_NOT_VERB or w in _ES_NOT_VERB:
        return None
    cls = _word_class(w, lang)
    if cls and cls[0] not in ("weak", "fin") and not (lang == "en" and cls[0] == "part"):
        return None
    if lang == "en" and w in ("let", "let's"):
        return i
    return i if nxt in _OBJECT_START[lang] or (lang == "fr" and nxt.startswith("-")) else None


def _finite(tense: str) -> str:
    return {"cond": "future", "subj": "future"}.get(tense, tense)


def _prev_content(words: list[str], i: int, lang: str) -> int | None:
    j = i - 1
    skip = {"ne", "n'", "n’", "no", "not"}
    while j >= 0 and words[j] in skip:
        j -= 1
    return j if j >= 0 else None


def _is_name_before(texts: list[str], j: int) -> bool:
    return texts[j][:1].isupper() and texts[j].isalpha() and j > 0 and texts[j - 1] not in (".", "!", "?")


def _en_plain_subject(words, texts, i) -> bool:
    """"The visit includes": a -s word after a noun that follows a determiner."""
    return i >= 2 and words[i - 2] in ("the", "this", "that", "his", "her", "their", "its") \
        and _word_class(words[i - 1], "en") is None and words[i - 1].isalpha()


_EN_NOT_INF = frozenset({"the", "a", "an", "his", "her", "their", "its", "be", "this", "that",
                         "date", "power", "office"})


def _en_infinitives(words, texts, blocked, used, groups):
    """English "to" + base verb: an infinitive when "to" follows a verb/plan word, or opens a
    purpose clause after a noun phrase ("departed for Quito to meet")."""
    found = []
    for i, w in enumerate(words[:-1]):
        if w != "to" or i + 1 in blocked or i + 1 in used:
            continue
        nxt = words[i + 1]
        if nxt in _EN_NOT_INF or not nxt.isalpha() or texts[i + 1][:1].isupper():
            continue
        if nxt in _DETERMINERS["en"] or nxt in _EN_PRONOUN_SUBJECT or nxt in _UPCOMING["en"]:
            continue
        cls = _word_class(nxt, "en")
        if cls and cls[0] in ("ed", "ger") or (cls and cls[1] == "past" and cls[0] == "fin"):
            continue
        if nxt.endswith(("tion", "ment", "ness", "ity", "ship", "ism", "ence", "ance", "ies")):
            continue
        prev = words[i - 1] if i else ""
        prosp = prev in _EN_PROSPECTIVE
        prev_verb = any(g.head == i - 1 for g in groups)
        purpose = not prosp and not prev_verb
        found.append(VerbGroup(i + 1, i + 1, "inf", nxt in _EN_PROSPECTIVE, purpose))
    return found


# ------------------------------------------------------------------ segmentation
def _segments(words: list[str], lang: str, blocked: set[int], verbs: list[VerbGroup],
              cut_points: list[int]) -> list[Segment]:
    """Strong clauses (;:— parentheses quotes), cut into segments at commas, coordinations and
    relative/subordinating words. Date tokens never cut ("Tuesday, January 20")."""
    embedded_words, relative_words, coord = _EMBEDDED[lang], _RELATIVE[lang], _COORDINATION[lang]
    verb_starts = {g.first for g in verbs}
    segments: list[Segment] = []
    clause = 0
    lo = 0
    embedded = relative = False
    n = len(words)

    def close(hi):
        if hi > lo:
            segments.append(Segment(lo, hi, clause, embedded, relative))

    for i in cut_points:
        if i in blocked:
            continue
        w = words[i]
        if w in _STRONG:
            if w == "." and i + 1 < n and 0 < i and len(words[i - 1]) == 1:
                continue        # initials: "J. A. Kast"
            close(i)
            clause += 1
            lo, embedded, relative = i + 1, False, False
            continue
        if w == ",":
            close(i)
            lo, embedded, relative = i + 1, False, False
            continue
        if lang == "fr" and w in ("s'", "s’") and i + 1 < n and words[i + 1] in ("il", "ils"):
            w = "si"
        if w in embedded_words and not (lang == "en" and w == "that" and _that_determiner(words, i)):
            if lang == "en" and w == "as" and not (i + 1 < n and words[i + 1] in _EN_PRONOUN_SUBJECT):
                continue
            if lang == "fr" and w in ("que", "qu'", "qu’") and _ne_que(words, i):
                continue
            if lang in ("fr", "es") and w == "como" and not (i + 1 < n and _word_class(words[i + 1], lang)):
                continue
            if lang == "fr" and w == "comme" and not (i + 1 < n and words[i + 1] in _VERB_CONTEXT["fr"]):
                continue
            if i > lo or (segments and segments[-1].hi == i):
                close(i)
            lo, embedded, relative = i, True, w in relative_words
            continue
        if w in coord and (i + 1 in verb_starts or (i + 1 < n and words[i + 1] in _VERB_CONTEXT[lang]
                                                     and lang != "es")):
            close(i)
            lo, embedded, relative = i, False, False
    close(n)
    return segments


_CUTS = {lang: frozenset(_STRONG | {",", "s'", "s’"} | _EMBEDDED[lang] | _COORDINATION[lang])
         for lang in ("fr", "es", "en")}


def _that_determiner(words, i) -> bool:
    """"that meeting" (a determiner), not "said that he"."""
    if i + 1 >= len(words):
        return True
    nxt = words[i + 1]
    cls = _word_class(nxt, "en")
    return cls is None and nxt not in _EN_PRONOUN_SUBJECT and nxt not in _DETERMINERS["en"] \
        and i > 0 and words[i - 1] in _DETERMINERS["en"] | {"at", "in", "on", "of"}


def _ne_que(words, i) -> bool:
    """"ne ... que" (only), "plus que", "ainsi que", "avant que": not a clause of its own."""
    prev = words[i - 1] if i else ""
    if prev in ("plus", "moins", "ainsi", "autant", "alors", "tandis", "bien", "même", "tant"):
        return False if prev in ("alors", "tandis", "bien") else True
    return any(w in ("ne", "n'", "n’") for w in words[max(0, i - 4):i]) and prev not in (",",)


# ------------------------------------------------------------------ analysis
def analyze(sentence: str, lang: str, blocked_spans: tuple[tuple[int, int], ...] = ()) -> Analysis:
    """Tokens, verb groups and segments of one sentence; `blocked_spans` are char spans (dates)
    whose words are never verbs nor cut points. The analysis without blocked spans is shared by
    every date that touches none of its verbs and cuts (most dates: "lundi", "14 décembre")."""
    if blocked_spans:
        base = _analyze(sentence, lang, ())
        starts, ends = base.starts, base.ends
        touched = _blocked_tokens(starts, ends, blocked_spans)
        if not touched or not base.sensitive & touched:
            return base
    return _analyze(sentence, lang, blocked_spans)


def _blocked_tokens(starts, ends, spans) -> frozenset[int]:
    found = set()
    for bs, be in spans:
        i = bisect_right(ends, bs)          # first token ending after the span's start
        while i < len(starts) and starts[i] < be:
            found.add(i)
            i += 1
    return frozenset(found)


def _sensitive(words, verbs, segments, cut_points) -> frozenset[int]:
    """Tokens whose blocking could change the analysis: verb words and cut points."""
    found = set(cut_points)
    for g in verbs:
        found.update(range(g.first, g.head + 1))
    return frozenset(found)


def clear_caches() -> None:
    """Empty the per-sentence caches (for benchmarks measuring cold runs)."""
    _analyze.cache_clear()
    _tokens.cache_clear()


@lru_cache(maxsize=4096)
def _analyze(sentence: str, lang: str, blocked_spans: tuple[tuple[int, int], ...]) -> Analysis:
    texts, words, starts, ends, classes, candidates, cut_points = _tokens(sentence, lang)
    blocked = _blocked_tokens(starts, ends, blocked_spans) if blocked_spans else frozenset()
    spare: list[tuple[int, str]] = []
    verbs = _verb_groups(words, texts, lang, blocked, spare, classes, candidates)
    start = _command_start(words, texts, lang)
    if start is not None and start not in blocked and not any(g.finite for g in verbs):
        spare.insert(0, (start, "present"))
    segments = _segments(words, lang, blocked, verbs, cut_points)
    if spare:
        # a segment without a finite verb takes its first ambiguous form as its verb
        extra = []
        finite_heads = [g.head for g in verbs if g.finite]
        for seg in segments:
            if any(seg.lo <= h < seg.hi for h in finite_heads):
                continue
            if lang == "en":
                # "clusters docked from March": an -ed form is the segment's past verb
                ed = next((g for g in verbs if seg.lo <= g.head < seg.hi and g.tense == "part"
                           and g.first == g.head and _EN_ED.match(words[g.head])), None)
                if ed is not None:
                    verbs = [VerbGroup(g.first, g.head, "past", g.prospective) if g is ed else g
                             for g in verbs]
                    continue
            found = next(((i, t) for i, t in spare if seg.lo <= i < seg.hi), None)
            if found:
                extra.append(VerbGroup(found[0], found[0], found[1], words[found[0]] in _TABLES[lang][0]))
        if extra:
            verbs = sorted(verbs + extra, key=lambda g: g.first)
    return Analysis(tuple(words), tuple(starts), tuple(ends), tuple(verbs), tuple(segments),
                    _sensitive(words, verbs, segments, cut_points) if not blocked_spans else frozenset())


def date_tokens(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """Token range [first, last+1) of the char span [start, end), or None."""
    first = bisect_right(analysis.ends, start)
    last = first
    while last < len(analysis.starts) and analysis.starts[last] < end:
        last += 1
    return (first, last) if last > first else None


def date_segment(analysis: Analysis, first: int) -> int:
    for k, seg in enumerate(analysis.segments):
        if seg.lo <= first < seg.hi:
            return k
    return max(0, len(analysis.segments) - 1)


def _verbs_in(analysis: Analysis, seg: Segment) -> list[VerbGroup]:
    return [g for g in analysis.verbs if seg.lo <= g.head < seg.hi or seg.lo <= g.first < seg.hi]


def _distance(g: VerbGroup, lo: int, hi: int) -> float:
    if g.head < lo:
        return lo - g.head - 0.5 if g.first < lo else 0.1
    return g.first - hi + 1 if g.first >= hi else 0.0


def _governing(analysis: Analysis, lo: int, hi: int, seg_index: int) -> VerbGroup | None:
    """The verb a date (tokens lo..hi) hangs on: the nearest verb of its segment; for a verbless
    segment, the nearest finite verb of the clause's main (non-embedded) segments."""
    seg = analysis.segments[seg_index]
    own = _verbs_in(analysis, seg)
    if own:
        finite_before = any(g.finite and g.head < lo for g in own)

        def cost(g):
            penalty = _NONFINITE_PENALTY.get(g.tense, 0)
            if g.purpose and g.first >= hi and finite_before:
                penalty += 3    # "viajará a Lima el 5 de enero para reunirse": the date is the trip's
            return _distance(g, lo, hi) + penalty, g.first
        return min(own, key=cost)
    same_clause = [k for k, s in enumerate(analysis.segments) if s.clause == seg.clause and k != seg_index]
    for wanted in ("main", "any"):
        pool = []
        for k in same_clause:
            s = analysis.segments[k]
            if wanted == "main" and s.embedded:
                continue
            pool += [g for g in _verbs_in(analysis, s) if g.finite]
        if pool:
            return min(pool, key=lambda g: (_distance(g, lo, hi), g.first))
    # no verb in the clause: the nearest finite verb of another main clause
    pool = [g for k, s in enumerate(analysis.segments) if not s.embedded
            for g in _verbs_in(analysis, s) if g.finite]
    if pool:
        return min(pool, key=lambda g: (_distance(g, lo, hi), g.first))
    return None


_NONFINITE_PENALTY = {"ger": 1.5, "part": 3.0}


def _governor_of(analysis: Analysis, g: VerbGroup) -> VerbGroup | None:
    """The finite verb a non-finite one depends on: the nearest finite verb before it in its
    strong clause (or after it: "After winning the runoff, Kast began ...")."""
    seg_of = {k: s for k, s in enumerate(analysis.segments)}
    clause = next((s.clause for s in seg_of.values() if s.lo <= g.head < s.hi), None)
    pool = [v for v in analysis.verbs if v is not g and v.finite and v.first != g.first
            and any(s.clause == clause and s.lo <= v.head < s.hi for s in analysis.segments)]
    before = [v for v in pool if v.head < g.first]
    if before:
        return max(before, key=lambda v: v.head)
    after = [v for v in pool if v.first > g.head]
    return min(after, key=lambda v: v.first) if after else None


def _resolve(analysis: Analysis, g: VerbGroup, lang: str, depth: int = 0) -> str | None:
    if g.finite:
        return g.tense
    if g.tense == "part":
        if g.prospective:
            return "future"         # "le sommet prévu le 5 janvier"
        return "past"               # "élu le 14 décembre", "the runoff held on December 14"
    if depth > 4:
        return None
    gov = _governor_of(analysis, g)
    if gov is None:
        if g.tense == "inf" and _prospective_before(analysis, g, lang):
            return "future"
        return None
    gov_tense = _resolve(analysis, gov, lang, depth + 1)
    if g.tense == "ger":
        return gov_tense
    if gov.prospective or _prospective_before(analysis, g, lang):
        return None if gov_tense == "past" else "future"
    if g.purpose:
        return "future" if gov_tense in ("future", "present") else None
    return gov_tense


def _prospective_before(analysis: Analysis, g: VerbGroup, lang: str) -> bool:
    """A plan word just before an infinitive: "plans to", "preparations to", "l'intention de"."""
    words = analysis.words
    prospective = _TABLES[lang][0]
    skip = {"se", "s'", "s’", "de", "d'", "d’", "à", "a", "to", "me", "te", "nous", "vous", "l'",
            "l’", "le", "la", "lo"}
    i = g.first - 1
    while i >= 0 and g.first - i <= 4:
        if words[i] in skip:
            i -= 1
            continue
        return words[i] in prospective
    return False


def _nominal_date(analysis: Analysis, lo: int, hi: int, lang: str) -> str | None:
    """A date modifying a noun ("the December 14 runoff", "his March 11 inauguration"): the
    preposition that governs the noun phrase decides — 'after' (posterior: the event is past
    relative to the clause), 'before' (a target ahead), None when it is not nominal."""
    if lang != "en":
        return None
    words = analysis.words
    if hi >= len(words) or lo == 0:
        return None
    nxt = words[hi]
    if not nxt.isalpha() or nxt in _DETERMINERS["en"] or _word_class(nxt, "en") or nxt in _EMBEDDED["en"]:
        if nxt not in ("presidential", "runoff", "election", "elections", "inauguration", "vote"):
            return None
    det = lo - 1
    if words[det] not in ("the", "his", "her", "their", "its", "a", "'s", "’s", "our"):
        return None
    for k in range(det - 1, max(-1, det - 5), -1):     # "to his", "after winning the"
        if words[k] in _AFTER["en"]:
            return "after"
        if words[k] in _BEFORE["en"]:
            return "before"
        if not words[k].isalpha() or (words[k] in _DETERMINERS["en"] and words[k] not in ("'s", "’s")):
            break
    return None


def _after_preposition(analysis: Analysis, lo: int, seg: Segment, lang: str) -> bool:
    """The date sits in an "after/following/tras ..." phrase with no verb in between."""
    words = analysis.words
    verb_heads = {g.head for g in analysis.verbs} | {g.first for g in analysis.verbs}
    for k in range(lo - 1, max(seg.lo, lo - 8) - 1, -1):
        if k in verb_heads:
            return False
        if words[k] in _AFTER[lang]:
            # "following his meeting ... last Friday", "après la réunion": an event before; not
            # "after today", "desde 1840" (a bare date)
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return k + 2 < lo and (nxt in _DETERMINERS[lang] or bool(_EN_ING.match(nxt)))
    return False


def lexical_tense(sentence: str, lang: str, start: int, end: int) -> str | None:
    """The tense of the verb governing the date at sentence[start:end]: 'past' | 'future' |
    'present' | None, from the words alone (see the module docstring)."""
    lang = (lang or "").lower()[:2]
    if lang not in _TOKEN or not (0 <= start < end <= len(sentence)):
        return None
    analysis = analyze(sentence, lang, ((start, end),))
    span = date_tokens(analysis, start, end)
    if span is None:
        return None
    lo, hi = span
    seg_index = date_segment(analysis, lo)
    seg = analysis.segments[seg_index]
    nominal = _nominal_date(analysis, lo, hi, lang)
    if nominal == "before":
        return None     # "invited Bukele to his March 11 inauguration": ahead of the clause's time
    g = _governing(analysis, lo, hi, seg_index)
    if g is None:
        return None
    tense = _resolve(analysis, g, lang)
    if (nominal == "after" or _after_preposition(analysis, lo, seg, lang)) and tense == "present":
        return "past"   # "following his meeting ... last Friday", "after winning the December 14 runoff"
    if tense == "present" and _upcoming(analysis, g, lo, lang):
        return "future"
    return tense


def _upcoming(analysis: Analysis, g: VerbGroup, lo: int, lang: str) -> bool:
    """"Future trips include Peru in January", "Sa prochaine visite est le 5 janvier"."""
    words = analysis.words
    if words[g.head] not in _LIGHT[lang] and words[g.first] not in _LIGHT[lang]:
        return False
    seg = next((s for s in analysis.segments if s.lo <= g.first < s.hi), None)
    lo_tok = seg.lo if seg else max(0, g.first - 6)
    window = words[lo_tok:g.first] + words[g.head + 1:lo]
    return any(w in _UPCOMING[lang] for w in window)


def clause_range(sentence: str, lang: str, start: int, end: int) -> tuple[int, int]:
    """Char range of the date's clause for its participants: the segment of its governing verb,
    the verbless segments next to it (subject, appositions, the date's own phrase) and the
    relative clauses that follow it ("..., où il a rencontré Milei")."""
    lang = (lang or "").lower()[:2]
    if lang not in _TOKEN:
        return 0, len(sentence)
    return clause_range_in(analyze(sentence, lang, ((start, end),)), start, end, len(sentence))


def clause_range_in(analysis: Analysis, start: int, end: int, length: int) -> tuple[int, int]:
    """`clause_range` on an existing analysis of the sentence (`length` chars long)."""
    span = date_tokens(analysis, start, end)
    if span is None or not analysis.segments:
        return 0, length
    lo, hi = span
    seg_index = date_segment(analysis, lo)
    segs = analysis.segments
    g = _governing(analysis, lo, hi, seg_index)
    core = {seg_index}
    if g is not None:
        core.add(next((k for k, s in enumerate(segs) if s.lo <= g.first < s.hi), seg_index))
    first, last = min(core), max(core)
    verb_segments = {k for k, s in enumerate(segs) if _verbs_in(analysis, s)}
    # the segments between the date's and the verb's belong to the clause as well
    clause = segs[seg_index].clause
    while first > 0 and segs[first - 1].clause == clause and first - 1 not in verb_segments \
            and not segs[first].embedded:
        first -= 1
    while last + 1 < len(segs) and segs[last + 1].clause == clause and (
            (last + 1 not in verb_segments and not segs[last + 1].embedded) or segs[last + 1].relative):
        last += 1
    s_char = analysis.starts[segs[first].lo] if segs[first].lo < len(analysis.starts) else 0
    e_tok = min(segs[last].hi, len(analysis.ends)) - 1
    e_char = analysis.ends[e_tok] if e_tok >= 0 else length
    return s_char, e_char
