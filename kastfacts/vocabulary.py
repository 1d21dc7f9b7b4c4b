"""The words each language uses for what claims and contests are about: data, not rules.

Every table is keyed by language code; each entry is a list of regular-expression fragments
(matched case-insensitively, as whole words unless they end in a stem marker `\\w*`). The rules in
`claims.py` and `contests.py` only ever read `words(table, lang)` and `regex(table, lang)`, so a
fourth language is a new key in each table below, not a new branch in those modules.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from functools import lru_cache
try:        # the standard library's own parser of patterns (Python 3.11+), for TextScan's words
    from re import _casefix, _parser
except ImportError:     # pragma: no cover - another Python: TextScan scans as `re` does
    _casefix = _parser = None
try:        # its compiler, whose character-set step `charsets_shared` memoizes
    from re import _compiler
except ImportError:     # pragma: no cover
    _compiler = None

LANGUAGES = ("fr", "es", "en")

# ---------------------------------------------------------------------------------------------
# What a percentage is of (claims.py). Each attribute's cues, nearest wins within the clause.
ATTRIBUTE_CUES: dict[str, dict[str, list[str]]] = {
    "turnout": {
        "fr": [r"participation", r"taux\s+de\s+participation"],
        "es": [r"participaci[oó]n", r"afluencia", r"particip[oó]", r"participaron"],
        "en": [r"turnout", r"participation"],
    },
    "abstention": {
        "fr": [r"abstention\w*", r"se\s+sont\s+abstenus", r"s'abstenir"],
        "es": [r"abstenci[oó]n\w*", r"abstencionismo", r"se\s+abstenga\w*", r"se\s+abstuvo", r"se\s+abstuvieron"],
        "en": [r"abstention\w*", r"abstained", r"stayed\s+(?:at\s+)?home"],
    },
    "blank_votes": {
        "fr": [r"(?:bulletins|votes)\s+blancs", r"blancs?", r"vote\s+blanc"],
        "es": [r"(?:votos?\s+)?en\s+blanco", r"blancos"],
        "en": [r"blank(?:\s+(?:votes|ballots))?"],
    },
    "null_votes": {
        "fr": [r"nuls?", r"(?:bulletins|votes)\s+nuls", r"annul[ée]s"],
        "es": [r"nulos?", r"anulados?", r"votos?\s+nulos?"],
        "en": [r"null(?:\s+(?:votes|ballots))?", r"invalid(?:\s+(?:votes|ballots))?", r"spoil(?:ed|t)(?:\s+ballots)?"],
    },
    "approval": {
        "fr": [r"popularit[ée]", r"cote\s+de\s+confiance", r"opinions?\s+favorables?", r"approbation", r"approuv\w*"],
        "es": [r"aprobaci[oó]n", r"aprueba[n]?", r"popularidad", r"imagen\s+positiva", r"valoraci[oó]n"],
        "en": [r"approval", r"approve[sd]?", r"popularity", r"favorability", r"favou?rable"],
    },
    "vote_share": {
        "fr": [r"voix", r"suffrages?", r"votes?", r"bulletins?", r"[ée]lecteurs?", r"[ée]lectorat", r"scores?"],
        "es": [r"votos?", r"votaci[oó]n", r"sufragios?", r"papeletas?", r"electores?", r"electorado", r"preferencias",
               r"apoyos?"],
        "en": [r"votes?", r"ballots?", r"electorate", r"voters?", r"support"],
    },
}

# Who or what a figure is for when it is the whole contest's: the people who vote, and the verbs
# that make "N % of them ..." a turnout ("el 89 % de los electores votó").
POPULATION = {
    "fr": [r"[ée]lecteurs?", r"[ée]lectrices", r"votants?", r"inscrits", r"citoyens", r"[ée]lectorat", r"population"],
    "es": [r"electores", r"votantes", r"ciudadanos", r"empadronados", r"inscritos", r"habilitados", r"electorado",
           r"uruguayos", r"chilenos", r"peruanos", r"bolivianos", r"ecuatorianos", r"venezolanos", r"colombianos",
           r"argentinos", r"mexicanos", r"españoles", r"guatemaltecos"],
    "en": [r"voters", r"citizens", r"registered\s+voters", r"electorate", r"eligible\s+voters", r"population"],
}
# Nouns for a country as a whole ("the Pacific territory of New Caledonia", "the Andean nation of
# Peru"): a place before one of them only situates the country.
COUNTRY_NOUNS = {
    "fr": [r"territoire", r"nation", r"pays", r"[ée]tat", r"[îi]les?", r"archipel", r"r[ée]publique", r"royaume"],
    "es": [r"territorio", r"naci[oó]n", r"pa[ií]s", r"estado", r"islas?", r"archipi[ée]lago", r"rep[uú]blica", r"reino"],
    "en": [r"territory", r"nation", r"country", r"state", r"islands?", r"archipelago", r"republic", r"kingdom"],
}
# What follows a verb of voting when it says how people voted, not that they did ("el 55 % votó por
# X", "62 % ont voté contre", "62% voted to remain", '78% voted "Approve"'): a share of a choice,
# never the turnout.
_QUOTED_CHOICE = r"[«\"“‘]\s*[\w-]+"
VOTE_CHOICE_LINKS = {
    "fr": [r"pour", r"contre", r"en\s+faveur", r"oui", r"non", _QUOTED_CHOICE],
    "es": [r"por", r"para", r"a\s+favor", r"en\s+contra", r"contra", r"s[ií]", r"no", _QUOTED_CHOICE],
    "en": [r"for", r"against", r"in\s+favou?r", r"to(?=\s+(?!the\s+polls)\w)", r"yes", r"no", _QUOTED_CHOICE],
}
TURNOUT_VERBS = {
    "fr": [r"ont\s+vot[ée]", r"a\s+vot[ée]", r"se\s+sont\s+rendus\s+aux\s+urnes", r"se\s+sont\s+d[ée]plac[ée]s",
           r"ont\s+particip[ée]", r"ont\s+pris\s+part"],
    "es": [r"vot[oó]", r"votaron", r"sufrag[oó]", r"sufragaron", r"acudi[oó]", r"acudieron", r"particip[oó]",
           r"participaron", r"fueron\s+a\s+(?:votar|las\s+urnas)", r"fue\s+a\s+(?:votar|las\s+urnas)"],
    "en": [r"voted", r"turned\s+out", r"took\s+part", r"went\s+to\s+the\s+polls", r"cast\s+(?:their\s+|a\s+)?ballots?",
           r"cast\s+(?:their\s+|a\s+)?votes?"],
}

# The scale of a count of people ("des 4,8 millions d'électeurs", "de los 2,7 millones de votantes").
SCALE_WORDS = {"fr": [r"millions?", r"milliers", r"mille"], "es": [r"millones", r"mill[oó]n", r"mil"],
               "en": [r"millions?", r"thousands?"]}

ABSTENTION_VERBS = {
    "fr": [r"ne\s+se\s+sont\s+pas\s+(?:d[ée]plac[ée]s|rendus\s+aux\s+urnes)", r"n['’]ont\s+pas\s+vot[ée]",
           r"se\s+sont\s+abstenus", r"ont\s+boud[ée]\s+les\s+urnes"],
    "es": [r"no\s+(?:acudi[oó]|acudieron|vot[oó]|votaron|fue|fueron|particip[oó]|participaron)", r"se\s+abstuv\w*"],
    "en": [r"did\s+not\s+vote", r"didn['’]t\s+vote", r"stayed\s+(?:at\s+)?home", r"abstained", r"did\s+not\s+turn\s+out"],
}
# The share of the count a figure was taken at: nouns and verbs of counting before the number
# ("tras el conteo del 92 %", "après le décompte de 92 %", "contabilizar el 100 %"), and what
# follows it ("92 % des bulletins dépouillés", "with 97% of the ballots counted", "97% escrutado").
COUNTING_BEFORE = {
    "fr": [r"d[ée]pouillement", r"d[ée]compte", r"comptage", r"recomptage", r"d[ée]pouill[ée]s?", r"comptabilis[ée]s?",
           r"scrutin\s+d[ée]pouill[ée]"],
    "es": [r"escrutinio", r"recuento", r"conteo", r"c[oó]mputo", r"contabilizar", r"contabilizad[oa]s?", r"procesad[oa]s?",
           r"escrutad[oa]s?", r"computad[oa]s?", r"contad[oa]s?", r"relevad[oa]s?", r"escrutar", r"procesar", r"computar"],
    "en": [r"count", r"counting", r"tally", r"recount", r"computation", r"counted", r"tallied", r"processed"],
}
COUNTING_LINK_BEFORE = {   # what may stand between the counting word and the number
    "fr": [r"de", r"du", r"des", r"sur", r"à", r"a\s+atteint", r"atteint", r"portant\s+sur"],
    "es": [r"de", r"del", r"al", r"el", r"ya\s+el", r"ya", r"un", r"llega\s+al", r"lleg[oó]\s+al", r"alcanz[oó]\s+el",
           r"ha\s+alcanzado\s+el", r"con\s+el"],
    "en": [r"of", r"of\s+the", r"at", r"reached", r"hit", r"stood\s+at", r"stands\s+at", r"with"],
}
COUNTED_NOUNS = {
    "fr": [r"bulletins(?:\s+de\s+vote)?", r"voix", r"suffrages", r"votes", r"bureaux(?:\s+de\s+vote)?", r"procès-verbaux",
           r"circonscriptions", r"urnes"],
    "es": [r"votos", r"sufragios", r"actas", r"mesas", r"boletas", r"papeletas", r"colegios", r"casillas", r"urnas"],
    "en": [r"votes?", r"ballots", r"precincts", r"polling\s+stations", r"tally\s+sheets", r"voting\s+records",
           r"returns", r"(?:voting\s+|electronic\s+)?machines", r"ballot\s+boxes"],
}
# Units that are only ever counted ("con el 99 % de las mesas", "portant sur 99 % des bureaux de
# vote", "with 95% of precincts"): a share of them is the share of the count done, participle or not.
COUNT_UNITS = {
    "fr": [r"bureaux(?:\s+de\s+vote)?", r"procès-verbaux", r"urnes"],
    "es": [r"actas", r"mesas(?:\s+(?:electorales|receptoras|de\s+votaci[oó]n))?", r"casillas", r"urnas"],
    "en": [r"precincts", r"polling\s+stations", r"tally\s+sheets", r"voting\s+records", r"(?:voting\s+)?machines",
           r"ballot\s+boxes"],
}
COUNTED_AFTER = {         # participles (or nouns) that say "counted" after the counted noun
    "fr": [r"d[ée]pouill[ée]s?", r"d[ée]compt[ée]s?", r"comptabilis[ée]s?", r"scrut[ée]s", r"compt[ée]s", r"trait[ée]s"],
    "es": [r"escrutad[oa]s?", r"contabilizad[oa]s?", r"computad[oa]s?", r"procesad[oa]s?", r"contad[oa]s?",
           r"relevad[oa]s?", r"transmitid[oa]s?", r"sumad[oa]s?"],
    "en": [r"counted", r"tallied", r"processed", r"reporting", r"in(?=\s*[,.;)]|\s*$)", r"reported",
           r"(?:vote|ballot)\s+count"],
}
# Results said to rest on a share of what is counted ("résultats partiels portant sur 90 % des
# bulletins", "datos sobre el 90 % de los votos"): that share is the count's.
RESULTS_BASED_ON = {
    "fr": [r"(?:r[ée]sultats?|chiffres|donn[ée]es|d[ée]compte|estimations?)(?:\s+[\w-]+){0,3}?\s+"
           r"(?:portant\s+sur|bas[ée]e?s?\s+sur|sur\s+la\s+base\s+d[e'’])"],
    "es": [r"(?:resultados?|datos|cifras|c[oó]mputos?)(?:\s+[\w-]+){0,3}?\s+"
           r"(?:sobre|con\s+base\s+en|basad[oa]s?\s+en|a\s+partir\s+de|que\s+abarcan)"],
    "en": [r"(?:results?|figures|data|returns|tallies)(?:\s+[\w-]+){0,3}?\s+(?:based\s+on|covering|from)"],
}
# "N mesas escrutadas, correspondientes al 99,4 %": the share a count amounts to.
EQUIVALENT_TO = {
    "fr": [r"soit", r"correspondant\s+(?:[àa]|aux?)", r"repr[ée]sentant", r"c['’]est-[àa]-dire"],
    "es": [r"correspondientes?", r"equivalentes?", r"es\s+decir", r"que\s+representan?", r"lo\s+que\s+representa"],
    "en": [r"or", r"representing", r"equivalent\s+to", r"that\s+is", r"i\.e\."],
}
# Words that say a count is complete (a final figure), or that it is not (a partial one).
FINAL_COUNT = {
    "fr": [r"r[ée]sultats?\s+d[ée]finitifs?", r"d[ée]compte\s+d[ée]finitif", r"r[ée]sultats?\s+finaux",
           r"r[ée]sultats?\s+officiels?\s+d[ée]finitifs?",
           # near-final: the same stage as final for a comparison (conflicts.NEAR_FINAL)
           r"r[ée]sultats?\s+(?:quasi(?:-|\s+)|presque\s+)d[ée]finitifs?",
           r"(?:quasi-|quasi\s+)?totalit[ée]\s+des\s+(?:bulletins|bureaux|voix|suffrages)\s+(?:d[ée]pouill[ée]s|compt[ée]s)",
           r"portant\s+sur\s+(?:la\s+)?(?:quasi-|quasi\s+)?totalit[ée]",
           r"r[ée]sultats?\s+(?:quasi(?:-|\s+)|presque\s+)?complets",
           r"(?:d[ée]compte|d[ée]pouillement)\s+de\s+(?:tous\s+les|l['’]ensemble\s+des)\s+(?:bulletins|bureaux|voix|suffrages)"],
    "es": [r"resultados?\s+finale?s?", r"resultados?\s+definitivos?", r"c[oó]mputo\s+final", r"escrutinio\s+final",
           r"dato\s+definitivo", r"conteo\s+final", r"escrutinio\s+definitivo", r"recuento\s+final",
           r"resultados?\s+casi\s+definitivos?",
           r"(?:casi\s+)?(?:la\s+)?totalidad\s+de\s+(?:las\s+actas|los\s+votos|las\s+mesas)",
           r"(?:casi\s+)?todas\s+las\s+(?:actas|mesas)\s+(?:escrutadas|computadas|procesadas|contabilizadas)",
           r"(?:casi\s+)?todos\s+los\s+votos\s+(?:escrutados|contados|computados)",
           r"resultados?\s+(?:casi\s+)?completos"],
    "en": [r"final\s+(?:official\s+)?results?", r"final\s+count", r"final\s+tally", r"official\s+final",
           r"near-final\s+results?", r"(?:nearly\s+|near-|almost\s+)?complete\s+results?",
           # ("with all regular ballots counted": a kind of ballot between)
           r"(?:nearly|almost|virtually\s+)?all\s+(?:the\s+)?(?:[a-z]+\s+)?(?:ballots|votes|precincts|polling\s+stations|tally\s+sheets)\s+"
           r"(?:counted|reporting|tallied|in|processed)"],
}
PARTIAL_COUNT = {
    "fr": [r"r[ée]sultats?\s+(?:provisoires|partiels|pr[ée]liminaires)", r"premi[eè]res?\s+estimations?",
           r"premiers?\s+r[ée]sultats"],
    "es": [r"resultados?\s+(?:preliminares|parciales|provisionales|provisorios)", r"primer\s+bolet[ií]n",
           r"primeros?\s+(?:c[oó]mputos|resultados|datos)", r"conteo\s+preliminar", r"boca\s+de\s+urna"],
    "en": [r"preliminary\s+results?", r"partial\s+results?", r"early\s+results?", r"first\s+results?",
           r"provisional\s+results?"],
}

# Bounds and approximations said before (or just after) the number (FORMAT.md's qualifiers).
# A level reached, not a bound: "se hundieron hasta el 16,4 %", "s'effondre jusqu'à 16 %".
LEVEL_VERBS = {
    "fr": [r"s['’]effondr\w*", r"chut\w*", r"tomb\w*", r"recul\w*", r"plong\w*", r"grimp\w*", r"mont[ée]\w*",
           r"baiss\w*", r"progress\w*", r"pass[ée]\w*", r"s['’]envol\w*", r"bondi\w*"],
    # (the imperfect too, as live results are written: "se hundía hasta el 6,8 %", "subía al 20 %")
    "es": [r"(?:se\s+)?hund[ií]\w*", r"cay[oóe]\w*", r"ca[ií]a\w*", r"baj[oóa]\w*", r"sub[ií]\w*", r"lleg[oóa]\w*",
           r"retroced\w*", r"(?:se\s+)?desplom\w*", r"crec[ií]\w*", r"trep[oóa]\w*", r"escal[oóa]\w*", r"descend[ií]\w*",
           r"(?:se\s+)?dispar[oóa]\w*"],
    "en": [r"fell", r"dropped", r"slumped", r"sank", r"plunged", r"slipped", r"rose", r"climbed", r"jumped", r"surged",
           r"grew", r"went\s+up", r"went\s+down", r"soared", r"shot\s+up", r"leapt", r"leaped"],
}
QUALIFIERS = {
    "lower_bound": {
        "fr": [r"plus\s+de", r"plus\s+d['’]", r"un\s+peu\s+plus\s+de", r"au\s+moins", r"sup[ée]rieur\s+[àa]", r"au-del[àa]\s+de",
               r"d[ée]passant", r"d[ée]pass[ée]\w*", r"pas\s+moins\s+de",
               # a bar crossed: "au-dessus de la barre des 50 %", "franchit le seuil des 5 %"
               r"(?:au-dessus|au-del[àa])\s+(?:de\s+la\s+barre|du\s+seuil|du\s+cap)\s+(?:des|de|du)",
               r"(?:franchi\w*|d[ée]pass\w*|pass\w*)\s+(?:la\s+barre|le\s+seuil|le\s+cap)\s+(?:des|de|du)"],
        "es": [r"m[aá]s\s+del?", r"por\s+encima\s+del?", r"al\s+menos", r"superior\s+al?", r"sobrepas\w*", r"supera\w*",
               r"super[óo]", r"rebas\w*",
               r"no\s+menos\s+del?",
               r"por\s+encima\s+(?:del\s+umbral|de\s+la\s+barrera)\s+del?",
               r"(?:super\w*|rebas\w*|cruz\w*)\s+(?:el\s+umbral|la\s+barrera)\s+del?"],
        "en": [r"more\s+than", r"over", r"above", r"at\s+least", r"upwards?\s+of", r"in\s+excess\s+of", r"exceeding",
               r"north\s+of", r"(?:crossed|passed|surpassed|broke|cleared)\s+the", r"exceeded", r"topped", r"surpassed"],
    },
    "upper_bound": {
        "fr": [r"pr[èe]s\s+de", r"presque", r"moins\s+de", r"moins\s+d['’]", r"jusqu['’][àa]", r"inf[ée]rieur\s+[àa]",
               r"pas\s+plus\s+de", r"quasiment",
               r"(?:sous|en\s+dessous\s+de|en-dessous\s+de)\s+(?:la\s+barre|le\s+seuil|la\s+ligne|le\s+cap)\s+(?:des|de|du)"],
        "es": [r"casi", r"menos\s+del?", r"hasta", r"inferior\s+al?", r"por\s+debajo\s+del?", r"no\s+m[aá]s\s+del?",
               r"(?:por\s+)?debajo\s+(?:del\s+umbral|de\s+la\s+barrera)\s+del?", r"bajo\s+(?:el\s+umbral|la\s+barrera)\s+del?"],
        "en": [r"almost", r"nearly", r"less\s+than", r"under", r"below", r"up\s+to", r"no\s+more\s+than", r"just\s+shy\s+of"],
    },
    "approximate": {
        "fr": [r"environ", r"autour\s+de", r"quelque", r"approximativement", r"de\s+l['’]ordre\s+de", r"aux\s+alentours\s+de"],
        "es": [r"cerca\s+del?", r"cercan[oa]\s+al?", r"alrededor\s+del?", r"aproximadamente", r"unos", r"unas",
               r"en\s+torno\s+al?", r"rond\w+\s+(?:el|los|las)", r"del\s+orden\s+del?"],
        "en": [r"about", r"around", r"close\s+to", r"near", r"roughly", r"approximately", r"some", r"circa", r"an\s+estimated"],
    },
}
APPROXIMATE_AFTER = {
    "fr": [r"environ"], "es": [r"aproximadamente", r"aprox\.?"], "en": [r"or\s+so", r"approximately"],
}

# Margins ("a 12-point lead", "ventaja de 11,26 puntos", "écart de dix points"): nouns that take
# the figure after "de"/"of", verbs that take it after "con"/"by" ("aventajó a X con menos del 1 %").
MARGIN_NOUNS = {
    "fr": [r"avance", r"[ée]cart", r"marge", r"d['’]avance", r"distance", r"victoire", r"diff[ée]rence"],
    "es": [r"ventaja", r"diferencia", r"distancia", r"margen", r"brecha"],
    "en": [r"lead", r"margin", r"gap", r"advantage", r"edge", r"victory", r"win"],
}
MARGIN_VERBS = {
    "fr": [r"devan[cç]\w*", r"l['’]emporte", r"distanc\w*", r"creus\w*\s+l['’][ée]cart"],
    "es": [r"aventaj\w*", r"super[oó]", r"super[aó]\w*", r"sac[oó]", r"distanci\w*"],
    "en": [r"leads?", r"led", r"won", r"wins", r"beat", r"ahead", r"trails?", r"trailed"],
}
MARGIN_LINKS = {     # (a range's low end after "entre": "devançait le oui d'entre cinq et huit points")
    "noun": {"fr": [r"de", r"d['’]", r"d['’]entre"], "es": [r"de", r"del", r"de\s+entre"], "en": [r"of", r"of\s+between"]},
    "verb": {"fr": [r"de", r"par", r"d['’]entre", r"de\s+entre"], "es": [r"por", r"con", r"en", r"por\s+entre", r"entre"],
             "en": [r"by", r"by\s+between"]},
}
MARGIN_CUES = {lang: MARGIN_NOUNS[lang] + MARGIN_VERBS[lang] for lang in MARGIN_NOUNS}
# A change, not a level ("lost 3 points", "una subida de 5 puntos"): attribute "other".
CHANGE_CUES = {
    "fr": [r"hausse", r"baisse", r"recul\w*", r"progress\w*", r"perdu", r"gagn[ée]", r"chut\w*", r"augment\w*",
           r"diminu\w*", r"de\s+plus\s+qu", r"de\s+moins\s+qu"],
    "es": [r"subid\w*", r"ca[ií]d\w*", r"baj[oó]", r"baja", r"subi[oó]", r"perdi[oó]", r"gan[oó]\s+\d", r"recuperaci[oó]n",
           r"aument\w*", r"increment\w*", r"crec\w*", r"retroce\w*", r"disminu\w*", r"m[aá]s\s+que\s+en", r"menos\s+que\s+en"],
    "en": [r"rise", r"rose", r"fall", r"fell", r"drop\w*", r"gain\w*", r"lost", r"loss", r"increase\w*", r"decrease\w*",
           r"gr[eo]w\w*", r"climb\w*", r"slid\w*", r"jump\w*", r"more\s+than\s+in", r"less\s+than\s+in"],
}
# "up from 7.2 % in 2022", "contre 7,2 % en 2022": an earlier level, of the year said after it.
EARLIER_LEVEL = {
    "fr": [r"apr[èe]s", r"au\s+lieu\s+de"],
    "es": [r"desde\s+(?:el|un)", r"en\s+lugar\s+del?"],
    "en": [r"up\s+from", r"down\s+from"],
}
CHANGE_LINKS = {"fr": [r"de", r"d['’]"], "es": [r"un", r"una", r"en\s+un", r"de\s+un"], "en": [r"by"]}
# Rules, thresholds and conditions ("40 % of the votes to win in the first round"): "other".
NORMATIVE_CUES = {
    "fr": [r"seuil", r"il\s+faut", r"faut", r"doit", r"devra\w*", r"n[ée]cessaire", r"requis\w*",
           r"minimum", r"pour\s+(?:l['’]emporter|[êe]tre\s+[ée]lu|gagner)", r"majorit[ée]\s+absolue"],
    "es": [r"umbral", r"necesita\w*", r"necesari\w*", r"requier\w*", r"requisito", r"debe\w*",
           r"m[ií]nimo", r"para\s+(?:ganar|ser\s+electo|evitar)", r"mayor[ií]a\s+absoluta", r"exige"],
    "en": [r"threshold", r"needs?", r"needed", r"requires?", r"required", r"must", r"minimum",
           r"to\s+win\s+outright", r"absolute\s+majority", r"declares\s+the\s+candidate"],
}
# Whole-contest figures that are neither of the above: the share of valid ballots, of tally sheets
# a campaign holds ("copias del 73 % de las actas"), ... : attribute "other", subject the contest.
CONTEST_OTHER_CUES = {
    "fr": [r"valides", r"exprim[ée]s\s+valablement", r"copies", r"proc[èe]s-verbaux\s+(?:d[ée]tenus|publi[ée]s)"],
    "es": [r"fueron\s+v[aá]lidos", r"v[aá]lidos\s*;", r"copias", r"actas\s+digitalizadas", r"digitalizad\w*",
           r"en\s+su\s+poder", r"registrad[ao]s\s+por\s+la\s+oposici[oó]n"],
    "en": [r"were\s+valid", r"copies", r"in\s+(?:its|their)\s+possession", r"had\s+published"],
}

# A figure for one region, province or city ("en regiones como Magallanes", "in the province of
# Guayas"): not the contest's, attribute "other".
REGIONAL_CUES = {
    "fr": [r"(?:dans|en)\s+(?:la\s+|les\s+)?(?:r[ée]gions?|provinces?|d[ée]partements?|circonscriptions?|communes?|villes?)"],
    "es": [r"en\s+(?:la\s+|las\s+|el\s+|los\s+)?(?:regi[oó]n|regiones|provincias?|departamentos?|estados?|comunas?|"
           r"municipios?|cantones?|distritos?|circunscripci[oó]n)(?!\s+(?:del\s+)?(?:exterior|extranjero))"],
    "en": [r"in\s+(?:the\s+)?(?:regions?|provinces?|states?|districts?|counties|county|constituenc(?:y|ies)|"
           r"municipalit(?:y|ies)|departments?)"],
}
# A place that voted: "Glasgow backed Yes with 53.5%", "Lima votó por Keiko", "la Corse a voté à 58 %"
# (its figure is that place's, not the contest's).
PLACE_VOTED = {
    "fr": [r"a\s+vot[ée]", r"ont\s+vot[ée]", r"vote", r"votent", r"a\s+choisi", r"a\s+soutenu", r"a\s+pl[ée]biscit[ée]",
           r"s['’]est\s+prononc[ée]e?", r"a\s+dit\s+(?:oui|non)", r"a\s+donn[ée]", r"a\s+plac[ée]"],
    "es": [r"vot[oó]", r"votaron", r"respald[oó]", r"apoy[oó]", r"eligi[oó]", r"se\s+decant[oó]", r"se\s+inclin[oó]",
           r"dio", r"le\s+dio", r"prefiri[oó]"],
    "en": [r"voted", r"backed", r"supported", r"went\s+(?:for|to)", r"chose", r"favou?red", r"gave", r"sided\s+with"],
}
# A contestant's win of one place ("winning Pennsylvania with 50.4%"): that place's figure.
PLACE_WON = {
    "fr": [r"remport\w*", r"emport\w*", r"gagn\w*", r"s['’]impos\w*", r"arriv\w*\s+en\s+t[êe]te"],
    "es": [r"gan\w*", r"se\s+impus\w*", r"se\s+impone", r"arras\w*", r"venci\w*"],
    "en": [r"won", r"wins", r"winning", r"carried", r"carries", r"carrying", r"took", r"taking", r"swept"],
}
# Words that open a clause before its subject ("but Edinburgh voted No", "mientras que Lima votó").
CLAUSE_OPENERS = {
    "fr": [r"mais", r"et", r"alors\s+que", r"tandis\s+que", r"quant\s+à", r"en\s+revanche"],
    "es": [r"pero", r"y", r"mientras\s+que", r"mientras", r"en\s+cambio", r"aunque"],
    "en": [r"but", r"and", r"while", r"whereas", r"though", r"although"],
}
# Polls and projections: a pollster's figure is never a result.
POLL_CUES = {
    "fr": [r"sondages?", r"enqu[êe]tes?\s+d['’]opinion", r"intentions?\s+de\s+vote", r"instituts?\s+de\s+sondage",
           r"sortie\s+des\s+urnes", r"sondeurs?", r"(?:comptage|d[ée]compte)\s+rapide"],
    "es": [r"encuestas?", r"sondeos?", r"encuestadoras?", r"consultoras?", r"intenci[oó]n\s+de\s+voto",
           r"boca\s+de\s+urna", r"(?:conteo|recuento)\s+r[aá]pido"],
    "en": [r"polls?(?!\s+(?:stations?|places?|closed|opened|booths?|workers?))",
           r"polling(?!\s+(?:stations?|places?|booths?|centers?|centres?|day))", r"pollsters?", r"surveys?",
           r"exit\s+polls?", r"(?:quick|rapid|parallel\s+vote)\s+counts?", r"voting\s+intentions?"],
}
# A poll a result is measured against, not its source: "bien en deçà de ce que prédisaient les
# sondages", "más de lo que anticipaban las encuestas", "muy superior a la prevista por los sondeos",
# "better than polls had predicted" (the words before the poll's noun).
POLL_YARDSTICK = {
    "fr": [r"(?:de|que|à)\s+ce\s+qu['’e]", r"que\s+ne", r"par\s+rapport\s+aux?", r"qu['’]annon[cç]\w*",
           r"que\s+pr[ée](?:dis|voy|v)\w*"],
    "es": [r"(?:de|que|a)\s+lo\s+que", r"(?:de|que|a)\s+(?:lo|la|el)\s+(?:previst[oa]|esperad[oa]|anticipad[oa]|pronosticad[oa])",
           r"respecto\s+a", r"en\s+comparaci[oó]n\s+con"],
    "en": [r"than", r"compared\s+(?:with|to)", r"(?:predicted|forecast|suggested|expected|projected)\s+by"],
}
# Projections and forecasts are a pollster's, unless the electoral body itself gives them ("the
# CNE announced that, according to their projections, X had 51.2%": a preliminary result).
PROJECTION_CUES = {
    "fr": [r"projections?", r"estimations?", r"pr[ée]visions?"],
    "es": [r"proyecci[oó]n\w*", r"estimaci[oó]n\w*", r"pron[oó]stic\w*", r"vaticin\w*"],
    "en": [r"projections?", r"projected", r"forecasts?", r"estimates?"],
}
# An estimate's verb: the conditional ("obtiendrait", "lograría", "would win").
CONDITIONAL_VERBS = {
    # (not "portrait", "retrait"; not "mayoría", "secretaría", "galería")
    "fr": [r"(?!\w*trait(?!\w))\w{2,}(?:rait|raient)"],
    "es": [r"(?!(?:secretar|galer|loter|bater|librer|tesorer|panader|porter)[ií]a)\w+(?:ar|er|ir|dr|br|rr)[ií]an?"],
    "en": [r"would", r"could"],
}
QUICK_COUNT_SAMPLE = {
    "fr": [r"[ée]chantillon"], "es": [r"muestra"], "en": [r"sample"],
}

# Which round and which earlier contest a figure is about.
ROUND_CUES = {
    "1": {
        "fr": [r"premier\s+tour", r"1er\s+tour", r"premi[èe]re\s+manche", r"premier\s+scrutin"],
        "es": [r"primera\s+vuelta", r"1ra\.?\s+vuelta", r"1a\.?\s+vuelta", r"primer\s+turno", r"jornada\s+inicial",
               r"primera\s+ronda"],
        "en": [r"first\s+round", r"first-round", r"first\s+voting\s+round", r"1st\s+round", r"initial\s+round"],
    },
    "2": {
        "fr": [r"second\s+tour", r"deuxi[èe]me\s+tour", r"2e\s+tour", r"2nd\s+tour", r"ballottage", r"second\s+scrutin"],
        "es": [r"segunda\s+vuelta", r"balotaje", r"ballotage", r"segundo\s+turno", r"2da\.?\s+vuelta", r"segunda\s+ronda"],
        "en": [r"run-?offs?", r"second\s+round", r"second-round", r"2nd\s+round"],
    },
}
# A runoff spoken of as still to come ("disputarán la segunda vuelta", "will face off in a December
# runoff", "qualifiés pour le second tour"): the report is about the first round (contests.py).
ROUND_AHEAD = {
    "fr": [r"s['’]affronter\w*", r"qualifi\w*\s+pour", r"disputer\w*", r"en\s+vue\s+du", r"iront\s+au", r"ira\s+au",
           r"aura\s+lieu\s+un", r"se\s+retrouver\w*\s+au", r"acc[èe]de\w*\s+au", r"lors\s+du\s+futur",
           r"un\s+[ée]ventuel", r"d['’]un\s+[ée]ventuel", r"pr[ée]vu\s+le", r"prochain"],
    "es": [r"disputar[áa]n", r"disputar", r"se\s+enfrentar[áa]n", r"ir[áa]n?\s+a(?:\s+una)?", r"pasar[áa]n?\s+a(?:\s+la)?",
           r"pasan\s+a(?:\s+la)?", r"clasific\w*\s+(?:a|para)(?:\s+la)?", r"rumbo\s+a(?:\s+la)?", r"de\s+cara\s+a(?:\s+la)?",
           r"habr[áa]\s+(?:una)?", r"en\s+la\s+pr[óo]xima", r"una\s+eventual", r"la\s+eventual",
           r"definir[áa]n?\s+en(?:\s+(?:una|la))?", r"se\s+medir[áa]n\s+en(?:\s+(?:una|la))?", r"forzar?\w*\s+(?:una|la)"],
    "en": [r"will\s+(?:face(?:\s+off)?|meet|compete|go|head|contest|square\s+off)(?:\s+(?:in|to|for))?(?:\s+an?|\s+the)?",
           r"heads?\s+(?:to|for)(?:\s+an?|\s+the)?", r"headed\s+(?:to|for)(?:\s+an?|\s+the)?", r"advances?\s+to(?:\s+an?|\s+the)?",
           r"advanced\s+to(?:\s+an?|\s+the)?", r"forc\w+(?:\s+an?|\s+the)?", r"set\s+(?:up|for)(?:\s+an?|\s+the)?",
           r"upcoming", r"next\s+month['’]s", r"an\s+expected", r"a\s+likely", r"a\s+possible"],
}
# A runoff spoken of as avoided or not needed ("avoiding a runoff", "sin necesidad de segunda
# vuelta", "évitant un second tour"): the vote was decided in its first round (contests.py).
ROUND_AVOIDED = {
    "fr": [r"[ée]vit\w*", r"sans", r"sans\s+passer\s+par", r"sans\s+recours\s+[àa]", r"pas\s+besoin\s+d['’]une?",
           r"inutile\s+d['’]une?"],
    "es": [r"evit\w*", r"sin", r"sin\s+necesidad\s+de", r"sin\s+(?:ir|acudir|llegar)\s+a", r"no\s+habr[áa]",
           r"innecesari\w*\s+(?:una|la|el)"],
    "en": [r"avoid\w*", r"avert\w*", r"without", r"without\s+the\s+need\s+for", r"no\s+need\s+for", r"obviat\w*"],
}
# A reference back to the round or contest the previous sentence named ("En esa jornada inicial").
ANAPHORIC_TIME = {
    "fr": [r"ce\s+jour-l[àa]", r"[àa]\s+cette\s+occasion", r"lors\s+de\s+ce\s+scrutin", r"alors"],
    "es": [r"esa\s+jornada", r"ese\s+d[ií]a", r"en\s+esa\s+ocasi[oó]n", r"en\s+aquella\s+ocasi[oó]n", r"entonces"],
    "en": [r"that\s+day", r"on\s+that\s+occasion", r"at\s+the\s+time", r"then"],
}
# "inferior al de la primera vuelta (89,6 %)", "supérieur à celui de 2019", "higher than that of":
# a figure of the same thing as the one before it.
ELLIPTIC_COMPARISON = {
    "fr": [r"(?:[àa]\s+)?celui\s+d[eu']", r"(?:[àa]\s+)?celle\s+d[eu']", r"que\s+celui\s+d[eu']"],
    "es": [r"(?:inferior|superior|igual|similar|mayor|menor|cercan[oa])\s+a(?:l|\s+la)\s+de", r"que\s+(?:el|la)\s+de"],
    "en": [r"(?:than|as|to)\s+that\s+of", r"(?:than|as|to)\s+those\s+of"],
}
# A year said after these is a point of comparison, not the figure's contest ("más que en 2019").
COMPARISON_BEFORE_YEAR = {
    "fr": [r"qu['’]en", r"que\s+lors\s+de", r"par\s+rapport\s+(?:[àa]|aux)", r"contre", r"depuis"],
    "es": [r"que\s+en", r"respecto\s+(?:a|de)", r"frente\s+a", r"en\s+comparaci[oó]n\s+con", r"desde"],
    "en": [r"than\s+in", r"compared\s+(?:with|to)", r"since", r"from"],
}
# The winner's words: "president-elect", "presidente electo", "réélu".
ELECTED = {
    "fr": [r"pr[ée]sidente?\s+[ée]lue?", r"[ée]lue?", r"r[ée][ée]lue?", r"vainqueur", r"remport\w*"],
    "es": [r"president[ea]\s+electo", r"elect[oa]", r"elegid[oa]", r"reelect[oa]", r"reelegid[oa]", r"ganador[a]?", r"gan[oó]"],
    "en": [r"president-elect", r"elected", r"re-?elected", r"winner", r"won"],
}
# The titles that name the winner ("Luis Arce est le président élu").
WINNER_TITLES = {
    "fr": [r"pr[ée]sidente?\s+[ée]lue?", r"[ée]lue?\s+pr[ée]sidente?", r"futur\s+pr[ée]sident", r"future\s+pr[ée]sidente"],
    "es": [r"president[ea]\s+elect[oa]", r"elect[oa]\s+president[ea]", r"pr[oó]xim[oa]\s+president[ea]"],
    "en": [r"president-elect", r"president\s+elect", r"elected\s+president", r"next\s+president"],
}
# Words before a year that make it a yardstick of the vote reported, not its year ("the highest
# since 1992", "une première depuis 1958", "la más baja desde 2006").
YARDSTICK_YEAR_WORDS = {
    "fr": [r"depuis", r"jusqu['’]en", r"avant"],
    "es": [r"desde", r"hasta", r"antes\s+de"],
    "en": [r"since", r"until", r"before"],
}
ELECTION_NOUNS = {
    "fr": [r"[ée]lections?", r"scrutin", r"pr[ée]sidentielles?", r"l[ée]gislatives", r"r[ée]f[ée]rendum", r"pl[ée]biscite",
           r"primaires?", r"tour", r"vote"],
    "es": [r"elecci[oó]n", r"elecciones", r"comicios", r"presidenciales", r"legislativas", r"referendo", r"refer[ée]ndum",
           r"plebiscito", r"primarias", r"vuelta", r"balotaje", r"votaci[oó]n"],
    "en": [r"elections?", r"polls", r"vote", r"ballot", r"referendum", r"plebiscite", r"primar(?:y|ies)", r"round",
           r"run-?off", r"race"],
}

# ---------------------------------------------------------------------------------------------
# Whose figure it is (claims.py).
# Organizations that publish figures but never receive votes: electoral bodies, courts, pollsters,
# media, governments. Matched against an organization's name (or the name its acronym stands for).
AUTHORITY_WORDS = {
    "fr": [r"[ée]lectora(?:l|le|ux)", r"[ée]lections", r"jury", r"tribunal", r"conseil", r"cour", r"commission", r"office",
           r"organe", r"syst[èe]me", r"minist[èe]re", r"gouvernement", r"assembl[ée]e", r"convention", r"parlement",
           r"s[ée]nat", r"institut", r"agence", r"fondation", r"universit[ée]", r"observatoire", r"mission", r"d[ée]partement",
           r"chambre", r"sondage\w*", r"radio", r"t[ée]l[ée]vision", r"journal", r"presse", r"banque", r"fonds"],
    "es": [r"electoral(?:es)?", r"elecciones", r"jurado", r"tribunal", r"consejo", r"corte", r"comisi[oó]n", r"oficina",
           r"servicio", r"registradur[ií]a", r"sistema", r"ministerio", r"gobierno", r"asamblea", r"convenci[oó]n",
           r"congreso", r"senado", r"c[aá]mara", r"instituto", r"agencia", r"fundaci[oó]n", r"universidad", r"observatorio",
           r"misi[oó]n", r"departamento", r"junta", r"encuestadora", r"consultora", r"radio", r"televisi[oó]n",
           r"diario", r"peri[oó]dico", r"banco", r"fondo", r"resultados"],
    "en": [r"electoral", r"elections?", r"board", r"tribunal", r"council", r"court", r"commission", r"office", r"service",
           r"system", r"ministry", r"government", r"assembly", r"convention", r"congress", r"senate", r"parliament",
           r"house", r"institute", r"agency", r"foundation", r"university", r"observatory", r"mission", r"department",
           r"chamber", r"polling", r"pollster", r"broadcaster", r"radio", r"television", r"times", r"news", r"press",
           r"bank", r"fund"],
}
# News agencies: the "(AFP)" of a dateline, "EFE" at a story's end: a source, never a contestant.
NEWS_AGENCIES = ["AFP", "AP", "Reuters", "EFE", "Europa Press", "ANSA", "DPA", "dpa", "Xinhua", "Bloomberg",
                 "Télam", "Notimex", "Prensa Latina", "Agencia Brasil", "Lusa", "Kyodo", "Yonhap", "TASS", "PAP",
                 "Belga", "ATS", "Keystone-ATS", "APA", "EPA", "UPI", "Anadolu", "IANS", "PTI", "AAP", "CP", "NTB"]
# A source, not a subject: the name after these reports the figure ("según la consultora Cifra").
SOURCE_BEFORE = {
    "fr": [r"selon", r"d['’]apr[èe]s", r"de\s+source", r"institut", r"sondeur",
           r"(?:sondages?|enqu[êe]tes?|projections?|estimations?)\s+(?:\w+\s+)?(?:de|d['’]|du|par)"],
    "es": [r"seg[uú]n", r"de\s+acuerdo\s+(?:con|a)", r"conforme\s+a", r"datos\s+de", r"consultora", r"encuestadora",
           r"firma", r"(?:encuestas?|sondeos?|proyecciones?|estimaciones?)\s+(?:\w+\s+)?(?:de|del|por)"],
    "en": [r"according\s+to", r"reported\s+by", r"data\s+from", r"pollster", r"polling\s+firm",
           r"(?:polls?|surveys?|projections?|estimates?)\s+(?:\w+\s+)?(?:by|from|for)"],
}
# ... or before these: "an Ipsos poll", "la encuesta Cadem" is read the other way round (SOURCE_BEFORE).
SOURCE_AFTER = {
    "fr": [r"sondages?\b"],
    "es": [r"encuestas?\b", r"sondeos?\b"],
    "en": [r"(?:exit\s+|opinion\s+)?polls?\b", r"surveys?\b", r"projections?\b"],
}
# The rest of the field as one subject ("Otros candidatos con 2 %").
OTHER_CANDIDATES = {
    "fr": [r"(?:les\s+)?autres\s+candidat(?:e|s|es)?", r"le\s+reste\s+des\s+candidats"],
    "es": [r"(?:los\s+)?otros\s+candidatos", r"(?:las\s+)?otras\s+candidaturas", r"(?:los\s+)?dem[aá]s\s+candidatos",
           r"el\s+resto\s+de\s+(?:los\s+)?candidatos"],
    "en": [r"(?:the\s+)?other\s+candidates", r"the\s+rest\s+of\s+the\s+field", r"minor\s+candidates"],
}
OTHER_CANDIDATES_NAME = "other candidates"
# "A and B had 33 % and 31.7 % respectively": subjects in the order they are named.
RESPECTIVELY = {"fr": [r"respectivement"], "es": [r"respectivamente"], "en": [r"respectively"]}
# What a party is called ("el partido ultraderechista de X", "the coalition of X").
PARTY_NOUNS = {
    "fr": [r"parti", r"coalition", r"alliance", r"formation", r"liste", r"mouvement", r"front", r"bloc", r"camp"],
    "es": [r"partido", r"coalici[oó]n", r"alianza", r"formaci[oó]n", r"lista", r"movimiento", r"frente", r"agrupaci[oó]n",
           r"bloque"],
    "en": [r"party", r"coalition", r"alliance", r"list", r"movement", r"front", r"bloc"],
}
# A party named by its members, as the press does ("los populares", "les socialistes", "the
# Conservatives"): the plural after the article, matched against the contest's parties by stem.
PARTY_MEMBERS = {
    "fr": [r"(?<![^\W_])les\s+(?P<m>[a-zéèêàç]+(?:istes|ains|aires|eurs|iens))(?![^\W_])"],
    "es": [r"(?<![^\W_])(?:los|las)\s+(?P<m>[a-záéíóúñ]+(?:istas|ares|anos|ores|eros|istas))(?![^\W_])"],
    "en": [r"(?<![^\W_])the\s+(?P<m>(?-i:[A-Z])[a-z]+(?:ists|ans|ives|ers))(?![^\W_])",
           r"(?<=['’]s\s)(?P<m>(?-i:[a-z])[a-z]+(?:ists|ans|ives|ers|ats))(?![^\W_])"],    # "Merz's conservatives"
}
# A concession opens another clause: its words (a poll, a name) are not the figure's before it.
CONCESSIVE = {
    "fr": [r"bien\s+que", r"quoique", r"m[êe]me\s+si", r"malgr[ée]", r"en\s+d[ée]pit\s+d[eu']"],
    "es": [r"pese\s+a(?:\s+que)?", r"a\s+pesar\s+de(?:\s+que)?", r"aunque", r"si\s+bien"],
    "en": [r"although", r"even\s+though", r"though", r"despite", r"in\s+spite\s+of"],
}
# A share said to be someone's by a possessive ("put his support at 60 %", "su apoyo rondaba el 40 %",
# "sa cote atteint 40 %"): the one named before, as a pronoun is.
POSSESSIVE_SHARE = {
    "fr": [r"(?:sa|son)\s+(?:score|cote|part|avance|soutien|r[ée]sultat|pourcentage|popularit[ée]|total)"],
    "es": [r"su\s+(?:apoyo|respaldo|porcentaje|votaci[oó]n|ventaja|intenci[oó]n\s+de\s+voto|resultado|"
           r"popularidad|aprobaci[oó]n|caudal)"],
    "en": [r"(?:his|her)\s+(?:support|share|score|backing|lead|rating|standing|tally|result|vote)"],
}
# A place in the race, before the figure it was won with ("quedó segundo con el 27 %", "se ubicaba
# tercero con un 9 %", "arrive troisième avec 10 %", "finished a distant third with 10%").
FINISHED_PLACE = {
    "fr": [r"(?:arriv|termin|class|fini|plac|hiss)\w*\s+(?:(?:en|à\s+la|au)\s+)?(?:premi|deuxi|second|troisi|quatri|cinqui)\w*"
           r"(?:\s+(?:place|position|rang))?"],
    "es": [r"(?:se\s+)?(?:qued|ubic|situ|termin|finaliz|coloc|acab)\w*\s+(?:(?:en|como)\s+)?(?:(?:el|la)\s+)?"
           r"(?:primer|segund|tercer|cuart|quint)\w*(?:\s+(?:lugar|puesto))?"],
    "en": [r"(?:finished|came(?:\s+in)?|placed|ended\s+up|ran|was)\s+(?:an?\s+)?(?:(?:distant|close|surprise|surprising|strong|"
           r"poor|solid)\s+)?(?:first|second|third|fourth|fifth)(?:\s+place)?"],
}
# The bare "with" that ties a figure to the clause's subject ("beating Y with 58.5%": the winner's).
WITH_LINK = {"fr": [r"avec"], "es": [r"con"], "en": [r"with"]}
# "Hou Yu-ih of the Kuomintang got 33.5%", "Keiko Fujimori de Fuerza Popular obtuvo": a candidate,
# then the party they stand for; in a presidential race the figure after is the candidate's.
MEMBER_OF = {"fr": [r"du", r"de\s+la", r"de\s+l['’]", r"des", r"de", r"d['’]"],
             "es": [r"del", r"de\s+la", r"de\s+los", r"de"],
             "en": [r"of\s+the", r"of", r"from\s+the", r"from"]}
# The winner or the office holder named by a title alone ("le chef de l'État l'avait emporté avec 66 %").
# Words for the person named last before them ("Y succède à X. En 2019, ce dernier avait été réélu"):
# not the previous sentence's subject, as a plain pronoun is.
LATTER = {
    "fr": [r"ce\s+dernier", r"cette\s+derni[èe]re"],
    "es": [r"[ée]ste\s+[úu]ltimo", r"[ée]sta\s+[úu]ltima"],
    "en": [r"the\s+latter"],
}

WINNER_ROLES = {
    # (not "le président sortant", "the incumbent": the outgoing one may have lost)
    "fr": [r"chef\s+de\s+l['’][ée]tat", r"pr[ée]sidente?\s+(?:r[ée][ée]lue?|[ée]lue?)", r"locataire\s+de\s+l['’][ée]lys[ée]e",
           r"vainqueur", r"gagnante?", r"le\s+pr[ée]sident", r"la\s+pr[ée]sidente"],
    "es": [r"jef[ea]\s+de(?:l)?\s+[Ee]stado", r"mandatari[oa]", r"president[ea]\s+(?:reelect[oa]|elect[oa])", r"ganador[a]?",
           r"el\s+presidente", r"la\s+presidenta"],
    "en": [r"head\s+of\s+state", r"president-elect", r"re-?elected\s+president", r"winner", r"the\s+president"],
}
# A rival named by its role ("sa rivale, X", "su contendora X", "his opponent X").
RIVAL_NOUNS = {
    "fr": [r"rivale?", r"adversaire", r"concurrente?", r"challenger", r"opposante?"],
    "es": [r"rival", r"contendora?", r"contrincante", r"oponente", r"adversari[oa]", r"competidora?", r"contendiente"],
    "en": [r"rival", r"opponent", r"challenger", r"contender", r"competitor"],
}
# A person described by a role ("el delfín del exmandatario X", "la candidata de derecha"): the
# person named inside the description is not the one described.
RELATIONAL_NOUNS = {
    "fr": [r"dauphin", r"fils", r"fille", r"[ée]pouse", r"mari", r"prot[ée]g[ée]e?", r"successeur", r"alli[ée]e?",
           r"h[ée]riti[èe]re?", r"bras\s+droit"],
    "es": [r"delf[ií]n", r"hij[oa]", r"espos[oa]", r"protegid[oa]", r"sucesor[a]?", r"aliad[oa]", r"heredera?",
           r"mano\s+derecha", r"ahijad[oa]"],
    "en": [r"prot[ée]g[ée]", r"son", r"daughter", r"wife", r"husband", r"successor", r"ally", r"heir", r"dolphin",
           r"right-hand\s+man"],
}

# A subject named by its role, not its name ("el delfín de X obtuvo", "la candidata de derecha
# tuvo", "the winner took"): it stands for someone named before, as a pronoun does.
ROLE_NOUNS = {
    "fr": [r"candidate?s?", r"vainqueur", r"gagnante?", r"dauphin", r"leader", r"dirigeante?", r"pr[ée]sidente?", r"chef", r"rivale?",
           r"adversaire", r"sortante?", r"favori(?:te)?", r"challenger", r"ancien", r"ancienne", r"ex-pr[ée]sident\w*",
           # a member named by the party's family ("le républicain", "la socialiste")
           r"r[ée]publicaine?", r"d[ée]mocrate", r"socialiste", r"conservat(?:eur|rice)", r"travailliste", r"lib[ée]rale?",
           r"[ée]cologiste", r"centriste", r"populiste", r"p[ée]roniste", r"ultralib[ée]ral"],
    "es": [r"candidat[oa]s?", r"ganador[a]?", r"delf[ií]n", r"l[ií]der", r"dirigente", r"president[ea]", r"mandatari[oa]",
           r"abanderad[oa]", r"aspirante", r"contendiente", r"contendora?", r"rival", r"oponente", r"exmandatari[oa]",
           r"expresident[ea]", r"favorit[oa]", r"oficialista", r"opositor[a]?",
           r"republican[oa]", r"dem[oó]crata", r"socialista", r"conservador[a]?", r"laborista", r"liberal",
           r"ecologista", r"centrista", r"populista", r"peronista", r"ultraderechista", r"izquierdista", r"derechista"],
    "en": [r"candidates?", r"winner", r"leader", r"president", r"incumbent", r"challenger", r"rival", r"opponent",
           r"prot[ée]g[ée]", r"front-?runner", r"favou?rite", r"nominee",
           r"Republican", r"Democrat", r"Conservative", r"Socialist", r"Labour\s+leader", r"populist", r"libertarian"],
}
# The one a margin is over ("aventajó a X", "ventaja sobre X", "ahead of X"): not its subject.
BEATEN_BEFORE = {
    "fr": [r"devan\w*", r"sur", r"devant", r"face\s+[àa]", r"d['’]avance\s+sur", r"que"],
    "es": [r"aventaj\w*\s+a", r"sobre", r"a", r"que", r"frente\s+a", r"delante\s+de"],
    "en": [r"over", r"ahead\s+of", r"than", r"beat", r"defeated", r"against"],
}

# A win over someone, before the loser's name: in "defeating Y by 50.9 % to 49.1 %" the first
# figure is the winner's, not Y's (claims.py).
DEFEAT_BEFORE = {
    "fr": [r"battu\w*", r"battant", r"bat", r"l['’]emport\w*\s+sur", r"devan[cç]\w*", r"d[ée]fai\w*", r"vaincu\w*"],
    "es": [r"derrot\w*\s+al?", r"venci\w*\s+al?", r"venc\w*\s+al?", r"super\w*\s+al?", r"(?:se\s+)?impu?s\w*\s+(?:al?|sobre)",
           r"ganando\s+al?", r"gan[óo]\s+al?"],
    "en": [r"defeat\w*", r"beat(?:ing|s)?", r"edg\w*(?:\s+out)?", r"trounc\w*", r"rout\w*", r"outpoll\w*", r"won\s+over"],
}
# A rival after the figure, not its owner: "40,2 %, talonné par Y", "40.3%, followed by Y" (claims.py).
CHASED_BY = {
    "fr": [r"talonn\w*", r"suivi\w*", r"poursuivi\w*", r"menac[ée]\w*", r"distanc[ée]\w*", r"devanc[ée]\w*",
           r"rattrap[ée]\w*", r"serr[ée]\w*\s+de\s+pr[èe]s"],
    "es": [r"seguid[oa]s?", r"perseguid[oa]s?", r"escoltad[oa]s?", r"amenazad[oa]s?", r"superad[oa]s?",
           r"aventajad[oa]s?", r"acechad[oa]s?"],
    "en": [r"followed", r"trailed", r"chased", r"pursued", r"shadowed", r"tailed", r"overtaken", r"outpaced",
           r"pressed"],
}
# A margin said of the one behind ("Y, who trailed by 2.4 points", "Y finished 2.4 points behind"):
# the margin is the leader's (FORMAT: a margin's subject is who leads) (claims.py).
TRAILING_BEFORE = {
    "fr": [r"en\s+retard\s+de", r"distanc[ée]\w*\s+de", r"devanc[ée]\w*\s+de", r"battu\w*\s+de",
           r"(?:termin|arriv|fini|class|plac)\w*\s+(?:\w+\s+)?[àa]"],
    "es": [r"rezagad[oa]s?\s+(?:por|a|en)", r"superad[oa]s?\s+por", r"aventajad[oa]s?\s+(?:por|en)", r"perdi[óo]\s+por",
           r"(?:se\s+)?(?:qued|ubic|situ|termin|finaliz)[óo]\s+(?:\w+\s+)?a"],
    "en": [r"trail\w*\s+(?:\w+\s+)?by", r"behind\s+by", r"lost\s+by", r"lagg\w*\s+(?:\w+\s+)?by", r"fell\s+short\s+by"],
}
TRAILING_AFTER = {
    "fr": [r"derri[èe]re", r"de\s+retard", r"de\s+moins"],
    "es": [r"(?:por\s+)?detr[áa]s", r"menos", r"por\s+debajo"],
    "en": [r"behind", r"back", r"adrift"],
}
# The word that brings the score after the loser's name ("... Y by 50.9 %").
SCORE_BY = {"fr": [r"par", r"avec"], "es": [r"por", r"con"], "en": [r"by", r"with"]}

# ---------------------------------------------------------------------------------------------
# Plebiscites and referendums: the two sides, by what they mean (contests.py, claims.py). Each
# side is named in the reports by a label ("Apruebo", "Rechazo", "Yes", "Non") or a word of the
# same stem ("el rechazo se imponía", "the rejection camp", "a massivement rejeté").
OPTION_SIDES = {
    "yes": {
        "fr": [r"approbation", r"approuv\w*", r"apruebo", r"camp\s+du\s+oui"],
        "es": [r"apruebo", r"aprobaci[oó]n", r"aprobar", r"aprueba\w*"],
        "en": [r"approval", r"approve\w*", r"apruebo"],
    },
    "no": {
        "fr": [r"rejet", r"rejet[ée]e?s?", r"rejeter", r"rechazo", r"camp\s+du\s+non"],
        "es": [r"rechazo", r"rechaz\w*"],
        "en": [r"rejection", r"reject\w*", r"rechazo"],
    },
}
# Bare "yes"/"no" words name a side only in quotes or after an option frame ("le 'non'",
# "la opción del Sí", "the No campaign"): elsewhere they are just words.
OPTION_SIDE_WORDS = {
    "yes": {"fr": [r"oui", r"pour"], "es": [r"s[ií]", r"a\s+favor"], "en": [r"yes", r"in\s+favou?r", r"for"]},
    "no": {"fr": [r"non", r"contre"], "es": [r"no", r"en\s+contra"], "en": [r"no", r"against"]},
}
OPTION_DEFAULT_NAMES = {"yes": "Yes", "no": "No"}
# ... and a side word written as a noun after its article ("le non l'emporte", "el sí obtuvo"); not
# Spanish "el no" nor English, where the article and the word say other things as often.
SIDE_ARTICLES = {"fr": [r"le", r"du", r"au"], "es": [r"el", r"del", r"al"], "en": []}
SIDE_NOUNS = {"yes": {"fr": [r"oui"], "es": [r"sí"], "en": []}, "no": {"fr": [r"non"], "es": [], "en": []}}
# A side said right after its figure ("55.8% voting against the draft", "44.2% in favor", "el 44 %
# a favor"); not a contrast ("52% against 48%", "against Smith").
SIDE_AFTER_FIGURE = {
    # ("ont voté à 66 % en faveur de la libéralisation": in favour of what is put to the vote)
    "yes": {"fr": [r"(?:des\s+(?:voix|suffrages)\s+)?en\s+faveur\s+(?:(?:du|de\s+la|des)\s+(?!non(?![^\W_]))|de\s+l['’])(?!(?-i:[A-ZÀ-Ý]))[\w-]+",
                   r"(?:des\s+(?:[ée]lecteurs|votants)\s+)?(?:ont\s+|a\s+)?vot[ée]\s+(?:oui|pour\s+(?:le\s+)?(?:oui|texte|projet))"],
            "es": [r"(?:de\s+los\s+(?:votos|electores|votantes)\s+)?(?:(?:vot[oó]|votaron)\s+)?a\s+favor(?!\s+de\s+(?-i:[A-Z]))",
                   r"(?:de\s+los\s+(?:electores|votantes)\s+)?(?:vot[oó]|votaron)\s+(?:por\s+el\s+)?s[ií]"],
            "en": [r"(?:of\s+(?:the\s+)?(?:votes?|voters|ballots)\s+)?(?:vot(?:ing|ed)\s+(?:in\s+favou?r|for(?!\s+(?-i:[A-Z]))|yes)|in\s+favou?r)(?!\s+of\s+(?-i:[A-Z]))"]},
    "no": {"fr": [r"(?:des\s+(?:voix|suffrages)\s+)?en\s+faveur\s+du\s+non",
                  r"(?:des\s+(?:[ée]lecteurs|votants)\s+)?(?:ont\s+|a\s+)?vot[ée]\s+(?:non|contre)(?!\s+(?-i:[A-Z]))"],
           "es": [r"(?:de\s+los\s+(?:votos|electores|votantes)\s+)?(?:(?:vot[oó]|votaron)\s+)?en\s+contra(?!\s+de\s+(?-i:[A-Z]))",
                  r"(?:de\s+los\s+(?:electores|votantes)\s+)?(?:vot[oó]|votaron)\s+(?:por\s+el\s+)?no"],
           "en": [r"(?:of\s+(?:the\s+)?(?:votes?|voters|ballots)\s+)?(?:vot(?:ing|ed)\s+(?:against|no)|against)(?!\s+(?:\d|(?-i:[A-Z])|his|her|the\s+(?-i:[A-Z])))"]},
}
# Words that make a bare side word an option ("la opción del Rechazo", "le camp du non").
OPTION_FRAMES = {
    "fr": [r"option", r"camp", r"vote", r"partisans\s+du"],
    "es": [r"opci[oó]n", r"comando", r"campaña", r"voto"],
    "en": [r"option", r"camp", r"side", r"campaign", r"vote"],
}

# ---------------------------------------------------------------------------------------------
# Contests (contests.py): what kind of vote a report is about.
CONTEST_KINDS = {
    "plebiscite": {
        "fr": [r"pl[ée]biscite\w*"], "es": [r"plebiscit\w*"], "en": [r"plebiscite\w*"],
    },
    "referendum": {
        "fr": [r"r[ée]f[ée]rendum\w*"], "es": [r"refer[ée]ndum\w*", r"referendo\w*", r"consulta\s+popular"],
        "en": [r"referend(?:um|a|ums)"],
    },
    "primary": {
        "fr": [r"primaires?"], "es": [r"primarias", r"internas\s+partidarias"], "en": [r"primar(?:y|ies)", r"caucus\w*"],
    },
    "general": {
        "fr": [r"[ée]lections?\s+g[ée]n[ée]rales?"], "es": [r"elecci[oó]n(?:es)?\s+generales?", r"comicios\s+generales"],
        "en": [r"general\s+elections?"],
    },
    "legislative": {
        "fr": [r"l[ée]gislatives", r"[ée]lections?\s+l[ée]gislatives?", r"[ée]lections?\s+parlementaires"],
        "es": [r"legislativas", r"elecciones\s+parlamentarias", r"elecciones\s+al\s+congreso"],
        "en": [r"legislative\s+elections?", r"parliamentary\s+elections?", r"congressional\s+elections?",
               r"midterms?"],
    },
    "european": {
        "fr": [r"[ée]lections?\s+europ[ée]ennes", r"europ[ée]ennes", r"scrutin\s+europ[ée]en", r"Parlement\s+europ[ée]en"],
        "es": [r"elecciones\s+europeas", r"europeas", r"comicios\s+europeos", r"Parlamento\s+Europeo"],
        "en": [r"European\s+(?:Parliament\s+)?elections?", r"EU\s+elections?", r"European\s+Parliament"],
    },
    "presidential": {
        # (not "la majorité présidentielle", "le camp présidentiel": a party's name in any election)
        "fr": [r"(?<!majorit[ée]\s)(?<!camp\s)pr[ée]sidentielles?", r"[ée]lections?\s+pr[ée]sidentielles?",
               r"(?:r[ée])?[ée]lue?\s+(?:[\w-]+\s+)?pr[ée]sidente?", r"pr[ée]sidente?\s+[ée]lue?"],
        "es": [r"presidenciales", r"elecci[oó]n\s+presidencial", r"vuelta\s+presidencial", r"comicios\s+presidenciales",
               r"balotaje\s+presidencial", r"(?:re)?elegid[oa]\s+(?:[\w-]+\s+)?president[ea]", r"president[ea]\s+elect[oa]"],
        "en": [r"presidential", r"presidency", r"president-elect", r"(?:re-?)?elected\s+(?:as\s+)?president"],
    },
}
# The qualifier a plebiscite's name takes from what it decides ("constitutional plebiscite").
CONTEST_SUBJECTS = {
    "constitutional": {"fr": [r"constitution\w*"], "es": [r"constituci[oó]n\w*", r"constitucional\w*", r"constituyente"],
                       "en": [r"constitution\w*"]},
}
# English names (kind, qualifier, round) build the contest's name one way.
CONTEST_KIND_NAMES = {"plebiscite": "plebiscite", "referendum": "referendum", "primary": "primary",
                      "general": "general election", "legislative": "legislative election",
                      "presidential": "presidential election", "european": "European Parliament election"}
# Votes for party lists: a figure the words give to a list's leader is the party's (contests.py).
# Party families by their members' name, aligned across languages: reports of one vote name one
# party so in each language ("the Greens", "les Verts", "los Verdes"); its subject is the English.
PARTY_FAMILY_NAMES = {
    "Greens": {"en": ["greens"], "fr": ["verts", "écologistes"], "es": ["verdes", "ecologistas"]},
    "Social Democrats": {"en": ["social democrats"], "fr": ["sociaux-démocrates", "sociaux démocrates"],
                         "es": ["socialdemócratas", "socialdemocratas"]},
    "Christian Democrats": {"en": ["christian democrats"], "fr": ["démocrates-chrétiens", "chrétiens-démocrates"],
                            "es": ["democristianos", "democratacristianos"]},
    "Free Democrats": {"en": ["free democrats"], "fr": ["libéraux-démocrates"], "es": ["liberales demócratas"]},
    "Conservatives": {"en": ["conservatives", "tories"], "fr": ["conservateurs"], "es": ["conservadores"]},
    "Liberals": {"en": ["liberals"], "fr": ["libéraux"], "es": ["liberales"]},
    "Socialists": {"en": ["socialists"], "fr": ["socialistes"], "es": ["socialistas"]},
    "Communists": {"en": ["communists"], "fr": ["communistes"], "es": ["comunistas"]},
    "Republicans": {"en": ["republicans"], "fr": ["républicains"], "es": ["republicanos"]},
    "Democrats": {"en": ["democrats"], "fr": ["démocrates"], "es": ["demócratas"]},
    "Peronists": {"en": ["peronists"], "fr": ["péronistes"], "es": ["peronistas"]},
    "Nationalists": {"en": ["nationalists"], "fr": ["nationalistes"], "es": ["nacionalistas"]},
}
# Parties whose name is only a party noun and a common word ("Parti démocrate", "Partido
# Demócrata", "Democratic Party"): one party across languages, under its English name
# (contests.py). A name with a proper word ("Forza Italia", "Partido Revolucionario Moderno") is
# its own in every language and is not here.
PARTY_GENERIC_NAMES = {
    "Democratic Party": {"en": ["democratic party"], "fr": ["parti démocrate"], "es": ["partido demócrata"]},
    "Socialist Party": {"en": ["socialist party"], "fr": ["parti socialiste"], "es": ["partido socialista"]},
    "Social Democratic Party": {"en": ["social democratic party"], "fr": ["parti social-démocrate", "parti social démocrate"],
                                "es": ["partido socialdemócrata"]},
    "Liberal Party": {"en": ["liberal party"], "fr": ["parti libéral"], "es": ["partido liberal"]},
    "Conservative Party": {"en": ["conservative party"], "fr": ["parti conservateur"], "es": ["partido conservador"]},
    "Labour Party": {"en": ["labour party", "labor party"], "fr": ["parti travailliste"], "es": ["partido laborista"]},
    "Communist Party": {"en": ["communist party"], "fr": ["parti communiste"], "es": ["partido comunista"]},
    "Republican Party": {"en": ["republican party"], "fr": ["parti républicain"], "es": ["partido republicano"]},
    "Green Party": {"en": ["green party"], "fr": ["parti vert", "parti écologiste"], "es": ["partido verde"]},
    "National Party": {"en": ["national party"], "fr": ["parti national"], "es": ["partido nacional"]},
    "Workers' Party": {"en": ["workers' party", "workers party"], "fr": ["parti des travailleurs"],
                       "es": ["partido de los trabajadores"]},
    "Christian Democratic Party": {"en": ["christian democratic party"], "fr": ["parti démocrate-chrétien"],
                                   "es": ["partido demócrata cristiano", "partido democristiano"]},
    "Progressive Party": {"en": ["progressive party"], "fr": ["parti progressiste"], "es": ["partido progresista"]},
}
PARTY_LIST_KINDS = ("legislative", "general", "european")
# "la liste du RN menée par X", "the Renaissance list headed by X", "el PP de X": a party and its leader.
LED_BY = {
    # (a party, then "de"/"du" and its leader's title in lower case: "el PP de X", "le SPD du chancelier X")
    "fr": [r"(?:list[ea]\s+)?(?:men[ée]e|conduite|emmen[ée]e|dirig[ée]e|pilot[ée]e)\s+par",
           r"d[ue](?:\s+(?-i:[a-zéèêàâç])[\w-]*){0,2}"],
    "es": [r"(?:lista\s+)?(?:encabezad[oa]|liderad[oa]|dirigid[oa]|conducid[oa]|presidid[oa])\s+por",
           r"del?(?:\s+(?-i:[a-záéíóúñ])[\w-]*){0,2}"],
    "en": [r"(?:list\s+|party\s+)?(?:led|headed|fronted|chaired)\s+by"],
}
RUNOFF_NAME = {"presidential": "presidential runoff", "general": "general election runoff",
               "legislative": "legislative runoff", "primary": "primary runoff", "election": "runoff"}


# ---------------------------------------------------------------------------------------------
def words(table: dict[str, list[str]], lang: str | None) -> list[str]:
    """The fragments of one table for `lang`; every language's when `lang` is unknown."""
    if lang in table:
        return table[lang]
    return [w for key in sorted(table) for w in table[key]]


@lru_cache(maxsize=None)
def _compiled(key: tuple[str, ...], whole_words: bool) -> re.Pattern:
    alternation = "|".join(f"(?:{w})" for w in key)
    if whole_words:
        return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])", re.IGNORECASE)
    return re.compile(alternation, re.IGNORECASE)


def regex(table: dict[str, list[str]], lang: str | None, whole_words: bool = True) -> re.Pattern:
    """One compiled alternation of the table's fragments for `lang` (cached)."""
    return _compiled(tuple(words(table, lang)), whole_words)


def alternation(table: dict[str, list[str]], lang: str | None) -> str:
    """The table's fragments for `lang` as one regular-expression alternation, to embed."""
    return "|".join(f"(?:{w})" for w in words(table, lang))


# ---------------------------------------------------------------------------------------------
# Scanning a text with many patterns. Python's `re` has nothing to skip ahead with in a
# case-insensitive alternation behind a lookbehind, so it tries the whole pattern at every
# character. Every match of a vocabulary pattern contains one of a few words, at a bounded
# distance from its start ("lections" one character into `[ée]lections?`): `TextScan` finds
# those words in the lower-cased text with `str.find` and tries the pattern only where they allow.

# Case-insensitive matching also pairs letters that lower-casing keeps apart ('ſ' and 's', 'ς' and
# 'σ'): each such class of lower-case letters is written as its smallest one on both sides.
_CASE_CLASS = {k: min((k, *v)) for k, v in _casefix._EXTRA_CASES.items() if min((k, *v)) != k} if _casefix else {}
_CASE_VARIANT = re.compile("[" + "".join(map(chr, _CASE_CLASS)) + "]" if _CASE_CLASS else r"(?!)")
_MAX_ANCHOR_OFFSET = 24     # a word further into the match than this lets the pattern start too many places


def _fold(ch: str) -> str:
    """The one character every case-insensitive match of `ch` lower-cases to ('' for 'İ', which
    lower-cases to two)."""
    lower = ch.lower()
    return chr(_CASE_CLASS.get(ord(lower), ord(lower))) if len(lower) == 1 else ""


def _sequence_anchors(items, state) -> list[tuple[str, int, int]] | None:
    """(word, lowest, highest offset from the match's start) such that every match of the item
    sequence holds one of the words there; None when some match may hold none."""
    options = []
    low = high = 0              # width of the items before the current one
    run, run_low, run_high = "", 0, 0
    for op, av in items:
        folded = _fold(chr(av)) if op is _parser.LITERAL else ""
        if folded:
            if not run:
                run_low, run_high = low, high
            run += folded
        else:
            if run:
                options.append([(run, run_low, run_high)])
                run = ""
            inner = None
            if op is _parser.SUBPATTERN:
                inner = _sequence_anchors(av[3], state)
            elif op is _parser.BRANCH:
                branches = [_sequence_anchors(b, state) for b in av[1]]
                inner = None if any(b is None for b in branches) else [a for b in branches for a in b]
            if inner:
                options.append([(word, low + lo, high + hi) for word, lo, hi in inner])
        width = _parser.SubPattern(state, [(op, av)]).getwidth()
        low, high = low + width[0], high + width[1]
    if run:
        options.append([(run, run_low, run_high)])
    options = [o for o in options if all(hi <= _MAX_ANCHOR_OFFSET for _, _, hi in o)]
    if not options:
        return None
    # the rarest words: the longest shortest one, then the fewest starts to try
    return max(options, key=lambda o: (min(len(w) for w, _, _ in o), -sum(hi - lo + 1 for _, lo, hi in o)))


@lru_cache(maxsize=512)
def _anchors(pattern: re.Pattern) -> tuple[tuple[str, int, int], ...] | None:
    """The words, folded, and their offsets that every match of `pattern` holds; None when it
    has no such words (then it is scanned as `re` does)."""
    if pattern.flags & re.LOCALE or _parser is None or _casefix is None:
        return None
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    anchors = _sequence_anchors(parsed.data, parsed.state)
    if not anchors:
        return None
    # "elecciones" where "elecci" starts at the same offsets adds no start to try
    return tuple(sorted({(w, lo, hi) for w, lo, hi in anchors
                         if not any(v != w and w.startswith(v) and (lo, hi) == (l, h) for v, l, h in anchors)}))


class TextScan:
    """A text to scan with many patterns: `finditer(pattern)` is `list(pattern.finditer(text))`,
    the same matches in the same order, trying the pattern only where its words are."""

    def __init__(self, text: str):
        self.text = text
        folded = text.lower()
        if len(folded) != len(text):
            folded = None       # 'İ' lowers to two characters: positions would shift
        elif not folded.isascii() and _CASE_VARIANT.search(folded):
            folded = folded.translate(_CASE_CLASS)
        self._folded = folded
        self._occurrences: dict[str, list[int]] = {}

    def finditer(self, pattern: re.Pattern) -> list[re.Match]:
        anchors = _anchors(pattern)
        if anchors is None or self._folded is None:
            return list(pattern.finditer(self.text))
        found, end = [], 0
        for start in self._starts(anchors):
            if start >= end and (m := pattern.match(self.text, start)):
                found.append(m)
                end = m.end()
        return found

    def search(self, pattern: re.Pattern) -> re.Match | None:
        """`pattern.search(text)`."""
        anchors = _anchors(pattern)
        if anchors is None or self._folded is None:
            return pattern.search(self.text)
        return next((m for start in self._starts(anchors) if start >= 0 and (m := pattern.match(self.text, start))),
                    None)

    def _starts(self, anchors) -> list[int]:
        """Where a match may start, in order: where each word is, less its offsets (some below 0).
        The list is read, never changed (it may be the cache of a word's places)."""
        occurrences, folded, hits = self._occurrences, self._folded, []
        for anchor in anchors:          # most of a pattern's words are in no given text
            found = occurrences.get(anchor[0])
            if found is None:
                found = occurrences[anchor[0]] = [] if folded.find(anchor[0]) < 0 else self._find(anchor[0])
            if found:
                hits.append((found, anchor[1], anchor[2]))
        if len(hits) == 1 and hits[0][1] == hits[0][2]:
            found, offset, _ = hits[0]  # one word at one offset: its places are sorted already
            return [at - offset for at in found] if offset else found
        starts = set()
        for found, low, high in hits:
            for offset in range(low, high + 1):
                starts.update([at - offset for at in found] if offset else found)
        return sorted(starts)

    def _find(self, word: str) -> list[int]:
        """Where `word` starts in the folded text, overlapping occurrences included."""
        if word not in self._occurrences:
            found, at = [], self._folded.find(word)
            while at >= 0:
                found.append(at)
                at = self._folded.find(word, at + 1)
            self._occurrences[word] = found
        return self._occurrences[word]


# -- compiling many patterns that repeat the same character sets ----------------------------------
_charsets_lock = threading.Lock()


@contextmanager
def charsets_shared():
    """While a module compiles its grammar: each distinct character set is optimized once.

    Accent-blind phrases write every vowel as a class (`[eéèêë]`), thousands of times over a
    language's date rules, and `re`'s compiler optimizes each occurrence anew (folding case, building
    its bitmap): a third of compiling them. `_optimize_charset` is a pure function of its arguments,
    so its result is reused for an equal set under the same case rules: the compiled code is the
    same, item for item. Memoized for the time of the block only (the memo is then dropped)."""
    original = getattr(_compiler, "_optimize_charset", None)
    if original is None or not _charsets_lock.acquire(blocking=False):
        yield                           # another Python, or another thread's block: compile as usual
        return
    memo: dict = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
            found = memo.get(key)
        except TypeError:               # an unhashable item: never seen in practice
            return original(charset, iscased, fixup, fixes)
        if found is None:
            found = memo[key] = original(charset, iscased, fixup, fixes)
        return found

    _compiler._optimize_charset = optimize_charset
    try:
        yield
    finally:
        _compiler._optimize_charset = original
        _charsets_lock.release()
