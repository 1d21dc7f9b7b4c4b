"""Claims: whose percentage it is and of what, and which event a date dates.

The fr/es spaCy parses are noisy, so the dependency parse is one source among several: each
percentage is tried against word patterns that news use in all three languages ("obtenus par X",
"X obtuvo el 41 %", "X with 58%", "58 % pour Kast"), then the parse (nominal subject of the clause
that governs it, appositions), then the nearest person in the same clause, then the previous
sentence's subject (pronouns: "il a obtenu", "she won", Spanish dropped subjects).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import tense as _tense
from .percentages import find_percentages

__all__ = ["EntityRef", "Claim", "DateEvent", "attribute_percentages", "date_events",
           "lexical_date_events"]


@dataclass(frozen=True)
class EntityRef:
    start: int              # char offsets within the sentence
    end: int
    kind: str               # 'person' | 'place' | 'organization'
    name: str               # the best name known for it in the document


@dataclass(frozen=True)
class Claim:
    subject: str | None
    attribute: str          # vote_share | turnout | abstention | counted | approval | share
    context: str | None     # "key=value;..." sorted by key (year, round, counted, contest)


@dataclass(frozen=True)
class DateEvent:
    event: str | None       # election | visit | meeting | inauguration | announcement | death | other
    participants: list[str] = field(default_factory=list)


_I = re.IGNORECASE
_W = r"[^\W\d_]"          # a letter

# ------------------------------------------------------------------ what a percentage is of
_ATTRIBUTE_CUES = [   # (attribute, pattern); searched in the words around the percentage
    ("turnout", re.compile(r"\b(?:participa(?:tion|ción|cion)|turnout|afluencia|votantes\s+acudieron)", _I)),
    ("abstention", re.compile(r"\b(?:abstention|abstenci[oó]n|abstencionismo|abstained)", _I)),
    ("approval", re.compile(
        r"\b(?:approval|approve[sd]?|aprobaci[oó]n|aprueba[n]?|popularit[éye]|popular(?:idad)|"
        r"cote\s+de\s+confiance|opinions?\s+favorables?|favorability|imagen\s+positiva)", _I)),
    ("vote_share", re.compile(
        r"\b(?:vot(?:e|es|os|o|ó|ing|aci[oó]n|antes|ants?|ers?)|voix|suffrages?|sufragios?|"
        r"ballots?|papeletas?|bulletins?|[ée]lecteurs?|electores?|electorado|electorate)\b", _I)),
]
_COUNTING_AFTER = re.compile(
    rf"^\s*(?:%\s*)?(?:(?:de|del|des|of|d'|du)\s*)?(?:(?:las|los|la|le|les|the|el|l')\s*)?"
    rf"(?:{_W}+\s+){{0,3}}?(?:escrutad|contabilizad|computad|procesad|counted|tallied|reporting|"
    rf"in(?=\s*[,.;)]|\s*$)|d[ée]pouill|d[ée]compt|comptabilis|scrut[ée]s|escrutinio)", _I)
_COUNTING_NOUN_AFTER = re.compile(
    r"^\s*(?:de|del|des|of|d')\s*(?:(?:las|los|la|les|the|el)\s+)?"
    r"(?:mesas|actas|precincts|bureaux\s+de\s+vote|bureaux|circonscriptions)\b", _I)
_COUNTING_BEFORE = re.compile(
    r"(?:escrutinio|escrutado|recuento|conteo|cómputo|computo|d[ée]pouillement|count|tally|"
    r"escrutadas?|escrutados?|d[ée]pouill[ée]e?s?|counted)\s+(?:(?:al|del|de|à|at|a|en|le|el|the|"
    r"con|avec|with|sur)\s+)*(?:un\s+)?$", _I)
_POLL = re.compile(
    r"\b(?:polls?|polling|pollsters?|surveys?|sondages?|sondeos?|encuestas?|encuestadora|"
    r"enqu[êe]tes?\s+d'opinion|intenci[oó]n\s+de\s+voto|intentions?\s+de\s+vote|voting\s+intention|"
    r"cadem|ipsos|ifop|elabe|gallup|yougov|datafolha|criteria|panel\s+ciudadano|pulso\s+ciudadano)\b", _I)
_CONTESTS = [
    ("plebiscite", re.compile(r"\b(?:pl[ée]biscit|plebiscit)", _I)),
    ("referendum", re.compile(r"\b(?:r[ée]f[ée]rend|referend)", _I)),
    ("primary", re.compile(r"\b(?:primar(?:y|ies|ia|ias)|primaires?)\b", _I)),
]
_ROUND_1 = re.compile(r"\b(?:first\s+round|primera\s+vuelta|premier\s+tour|1er\s+tour|1re\s+vuelta|"
                      r"first-round|primer\s+turno)\b", _I)
_ROUND_2 = re.compile(r"\b(?:run-?offs?|second\s+round|second-round|segunda\s+vuelta|balotaje|ballotage|"
                      r"second\s+tour|2e\s+tour|2nd\s+round|deuxi[èe]me\s+tour|segundo\s+turno)\b", _I)
_ELECTION_WORDS = re.compile(
    r"\b(?:[ée]lections?|elecci[oó]n|elecciones|comicios|scrutin|run-?offs?|balotaje|ballotage|vuelta|"
    r"tour|round|plebiscit\w*|pl[ée]biscite|r[ée]f[ée]rendum|referendum|primar(?:y|ies|ias?)|primaires?|"
    r"pr[ée]sidentielles?|presidenciales|legislativ\w*|l[ée]gislatives|candidat\w*)\b", _I)
_OBTAINED = re.compile(
    r"\b(?:obten\w*|obtuv\w*|obtien\w*|obtained|won|wins|ganó|gana|remport\w*|recueill\w*|recogi\w*|"
    r"result(?:s|ado|ados)?|r[ée]sultats?|score)\b", _I)
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)(?![\d%]|\s*%|[.,]\d)")

# ------------------------------------------------------------------ whose percentage it is
# "obtenus par X", "obtenidos por X", "won by X", "58 % pour Kast", "41 % para Jara", "for X".
_AGENT_AFTER = re.compile(
    rf"^[^;:.%]{{0,45}}?(?<!{_W})(?:par|por|by|pour|para|for|a\s+favor\s+de|en\s+faveur\s+de|"
    rf"in\s+favou?r\s+of|de\s+apoyo\s+a)\s+", _I)
_AGENT_NOT = re.compile(r"^\s*(?:rapport|encima|debajo|delante|detr[aá]s|ciento|cent|cien|lo\s+que|ce\s+qui|example|"
                        r"exemple|ejemplo|la\s+premi[èe]re|primera|the\s+first|percent|points?|"
                        r"puntos?|tanto)\b", _I)
# Short links from a named subject to its percentage: "X obtuvo el", "X with", "X, con el", "X (".
_LINK_VERBS = (
    r"obtuvo|obtiene|obtendr[ií]a|logr[oó]|logra|consigui[oó]|consigue|alcanz[oó]|alcanza|sac[oó]|"
    r"gan[oó]|recibi[oó]|recibe|tuvo|tiene|suma|sum[oó]|sumaba|registra|registr[oó]|marca|marc[oó]|"
    r"obten[ií]a|llega\s+a|lleg[oó]\s+a|se\s+impuso\s+con|"
    r"obtient|obtiendrait|a\s+obtenu|avait\s+obtenu|recueille|a\s+recueilli|remporte|a\s+remport[ée]|"
    r"r[ée]unit|a\s+r[ée]uni|atteint|a\s+atteint|totalise|r[ée]colte|est\s+cr[ée]dit[ée]e?\s+de|"
    r"s'impose\s+avec|l'emporte\s+avec|"
    r"obtained|got|gets|won|wins|took|takes|received|receives|secured|secures|garnered|had|has|"
    r"reached|polled|polls|scored|captured|is\s+at|was\s+at|stands\s+at|stood\s+at"
)
# Participles and apposed forms: "X, crédité de 47 %", "X, credited with 47%", "X, obteniendo el 47 %".
_LINK_PARTICIPLES = (
    r"cr[ée]dit[ée]e?s?\s+(?:de|d['’])|credited\s+with|acreditad[oa]s?\s+con|"
    r"obtenant|recueillant|totalisant|r[ée]unissant|obteniendo|logrando|sumando|alcanzando|consiguiendo|"
    r"getting|winning|taking|receiving|securing|garnering|polling"
)
# The antecedent of a relative clause is its subject: "X, who took 47%", "X, qui a obtenu 47 %",
# "X, quien obtuvo el 47 %", "X, que logró un 47 %"; restrictive "qui n'a obtenu que 47 %".
_RELATIVE = r"(?:qui|que|quien|quienes|who|which|that|lequel|laquelle)"
_AUXILIARY = r"(?:n['’]\s*)?(?:(?:a|avait|aurait|ha|hab[ií]a|habr[ií]a|has|had|have|would\s+have)\s+)?"
_LINK_ADVERB = (r"(?:only|just|nearly|almost|about|around|some|over|more\s+than|less\s+than|under|"
                r"solo|s[oó]lo|apenas|casi|cerca\s+de|m[aá]s\s+de|menos\s+de|alrededor\s+de|"
                r"seulement|environ|pr[èe]s\s+de|plus\s+de|moins\s+de|que)")
_LINK_BEFORE = re.compile(
    rf"^(?:['’]s)?\s*(?:[,:(\u2014\u2013-]\s*)?(?:{_RELATIVE}\s+{_AUXILIARY})?"
    rf"(?:(?:{_LINK_VERBS}|{_LINK_PARTICIPLES})\s+)?(?:{_LINK_ADVERB}\s+)?"
    rf"(?:(?:con|with|avec|con\s+un|with\s+a)\s+)?(?:{_LINK_ADVERB}\s+)?"
    rf"(?:(?:el|un|le|la|les|l'|the|a|an|del|de|du|d'|al|à|at)\s*)?$", _I)
# "el 47,3 % de Rodolfo Hernández", "les 47 % du candidat X", "47% of the Republican Kast",
# "58 % des voix de Kast": the share of the person or party named right after it. Not "40 % des
# électeurs de Kast" (a part of his voters) nor "58 % of Kast's voters".
_SHARE_OF_VOTE = (r"(?:(?:de|des|du|of|d['’])\s*(?:(?:los|las|les|the|la|le|el|l['’])\s*)?"
                  r"(?:votos|voto|voix|suffrages|sufragios|votes?|ballots|bulletins|preferencias)\s+)")
_SHARE_OF = re.compile(
    rf"^\s*{_SHARE_OF_VOTE}?(?:de|del|des|du|of|d['’])\s*(?:(?:los|las|les|the|la|le|el|l['’])\s*)?"
    rf"((?:[^\W\d_][\w'’-]*\s+){{0,3}}?)$", _I)
_NOT_OWNER = re.compile(
    r"\b(?:vot(?:ers?|antes|ants?)|[ée]lecteurs?|electores?|electorado|electorate|partisans?|supporters?|"
    r"seguidores|simpatizantes|partidarios|sympathisants?|militant\w*|members?|miembros|membres|bases?|"
    r"base\s+[ée]lectorale|ciudadanos|citoyens|citizens|habitants|residents|respondents|encuestados|"
    r"sond[ée]s|personnes|personas|people|jeunes|j[óo]venes|young|femmes|mujeres|women|hommes|hombres|men|"
    r"regions?|r[ée]gions?|regiones|communes?|comunas|municipios|districts?|provinces?|provincias|"
    r"departamentos|d[ée]partements|votos?|votes?|voix|suffrages|sufragios|ballots|bulletins)\b", _I)
_VOTE_NOUN = re.compile(r"(?:votos?|votes?|voix|suffrages|sufragios|ballots|bulletins|preferencias)", _I)
_POPULATION = (
    r"vot(?:ers?|antes|ants?)|[ée]lecteurs?|electores?|electorado|electorate|partisans?|supporters?|"
    r"seguidores|simpatizantes|partidarios|sympathisants?|militant\w*|members?|miembros|membres|"
    r"ciudadanos|citoyens|citizens|habitants|residents|respondents|encuestados|sond[ée]s|personnes|"
    r"personas|people|jeunes|j[óo]venes|young|femmes|mujeres|women|hommes|hombres|men|colombian[oa]s|"
    r"chilen[oa]s|colombiens|chiliens|colombians|chileans")
_POPULATION_AFTER = re.compile(
    rf"^\s*(?:de|des|del|of|d['’])\s*((?:[^\s,;.:()]+\s+){{0,3}}?)(?:{_POPULATION})\b", _I)
_INFINITIVE = re.compile(r"^(?:[a-zà-ÿ]+(?:ar|er|ir|re))\b")     # "para superar", "pour battre"
_AHEAD = re.compile(r"\b(?:ahead\s+of|por\s+delante\s+de|delante\s+de|devant|en\s+avant\s+de)\b", _I)
# Words that cannot stand between "N % de" and the owner's name (a title can: "du candidat de droite").
_NOT_TITLE_WORDS = frozenset("""
contra contre against versus frente ante para pour for por par by with con avec sin sans without que than
and y et e or o ou but pero mais sobre sur on over in en dans at à a al au aux hacia toward towards
among entre parmi chez
""".split())
_CLAUSE_BREAK = re.compile(
    r";|\n|\bmientras\s+que\b|\bmientras\b|\bwhile\b|\bwhereas\b|\balors\s+que\b|\btandis\s+que\b|"
    r"\bcontre\b|\bfrente\s+a(?:l)?\b|\bagainst\b|\bversus\b|\bvs\.?|\bcompared\s+with\b|"
    r"\bseguid[oa]s?\s+(?:de|por)\b|\bsuivie?s?\s+(?:de|par)\b|\bfollowed\s+by\b|\bante\b", _I)
# A currency, market, price or economy change is nobody's share, whoever was named before.
_ECONOMIC = re.compile(
    r"\b(?:pesos?|d[oó]lar(?:es)?|dollars?|euros?|yen|yuan|reales?|currenc(?:y|ies)|monedas?|devises?|"
    r"monnaies?|markets?|mercados?|march[ée]s?|bourses?|stocks?|equities|bolsas?|[ií]ndices?|index(?:es)?|"
    r"indices?|inflation|inflaci[oó]n|growth|crecimiento|croissance|gdp|pib|unemployment|desempleo|paro|"
    r"ch[ôo]mage|prices?|precios?|prix|econom(?:y|ies|[ií]a|ie)|bonds?|yields?|interest\s+rates?|"
    r"tasas?\s+de\s+inter[ée]s|taux\s+d['’]int[ée]r[êe]t|exports?|imports?|exportaciones|importaciones|"
    r"exportations|importations|oil|petr[oó]leo|p[ée]trole|crude|brent|wages?|salarios?|salaires?|"
    r"budget|presupuesto|deficit|d[ée]ficit|debt|deuda|dette)\b", _I)
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}
_AGENT_DEPS = {"obl:agent", "agent"}
_PRONOUN_SUBJECTS = re.compile(
    r"^(?:il|elle|ils|elles|on|celui-ci|celle-ci|ce\s+dernier|cette\s+derni[èe]re|"
    r"él|ella|ellos|ellas|éste|ésta|este|esta|este\s+último|esta\s+última|"
    r"he|she|they|it|the\s+latter|the\s+former)$", _I)

# ------------------------------------------------------------------ what a date dates
_EVENT_CUES = [
    ("death", re.compile(r"\b(?:died|dies|death|deceased|passed\s+away|killed|d[ée]c[èe]s|d[ée]c[ée]d[ée]|"
                         r"mort|morte|meurt|est\s+mort|muri[oó]|muere|falleci[oó]|fallece|fallecimiento|"
                         r"muerte|asesinad[oa]|assassin[ée])", _I)),
    ("inauguration", re.compile(
        r"\b(?:inaugurat\w*|investiture|investidura|sworn\s+in|swearing-in|take[s]?\s+office|"
        r"taking\s+office|took\s+office|assumes?\s+office|handover|hand-over|asunci[oó]n|asumir[áa]?|"
        r"asumi[oó]|toma\s+de\s+posesi[oó]n|traspaso\s+de\s+mando|cambio\s+de\s+mando|"
        r"prise\s+de\s+fonctions|prendra\s+ses\s+fonctions|passation|entr[ée]e\s+en\s+fonction|"
        r"proclamation|proclamaci[oó]n|proclam\w*)", _I)),
    ("election", re.compile(
        r"\b(?:[ée]lections?|[ée]lectoral\w*|elecci[oó]n|elecciones|comicios|scrutin|votes?|vot[oó]|"
        r"votaci[oó]n|run-?offs?|balotaje|ballotage|segunda\s+vuelta|primera\s+vuelta|premier\s+tour|"
        r"second\s+tour|first\s+round|second\s+round|polls?\s+opened|plebiscit\w*|pl[ée]biscite|"
        r"r[ée]f[ée]rendum|refer[ée]ndum|primar(?:y|ies|ias?)|primaires?|pr[ée]sidentielles?|"
        r"presidenciales|presidential\s+(?:election|race|vote|runoff)|elected|elegid[oa]|[ée]lu[e]?|"
        r"electo|won\s+the\s+(?:election|runoff|vote))\b", _I)),
    ("meeting", re.compile(
        r"\b(?:meet|meets|met|meeting|meetings|talks|summit|conference|r[ée]union|r[ée]unions|rencontre\w*|"
        r"rencontr[ée]|sommet|entretien|s'entretien\w*|reuni[oó]n|reuniones|reunir\w*|se\s+reuni[oó]|"
        r"reunir[áa]|encuentro|cumbre|entrevist\w*|conversaci[oó]n|dialogue|di[áa]logo)\b", _I)),
    ("visit", re.compile(
        r"\b(?:visit\w*|trip|trips|travel\w*|tour|journey|flew|fly|arrived?|landed|lands|departed|"
        r"visite|visit[ée]|voyage\w*|d[ée]placement|rendu|rendra|rendre|se\s+rend|arriv[ée]e?|"
        r"atterri|visita\w*|visit[oó]|viaj\w*|gira|lleg[oó]|llegar[áa]?|llegada|aterriz\w*|"
        r"se\s+traslad\w*|traslad[oó])\b", _I)),
    ("announcement", re.compile(
        r"\b(?:announc\w*|declar\w*|said|says|stated|unveil\w*|revealed?|statement|press\s+release|"
        r"annonc\w*|d[ée]clar\w*|communiqu[ée]|a\s+dit|a\s+affirm[ée]|anunci\w*|dijo|afirm[oó]|"
        r"comunicad[oa]|inform[oó]|report[eé]d)\b", _I)),
]
_CUT_DEPS = {"conj", "parataxis"}


# ================================================================== shared helpers
def _tokens_in(sent, start: int, end: int) -> list:
    return [t for t in sent if t.idx < end and t.idx + len(t.text) > start]


def _span_head(tokens):
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1] if tokens else None


def _entity_of(token, entities: list[EntityRef]) -> EntityRef | None:
    s, e = token.idx, token.idx + len(token.text)
    return next((ent for ent in entities if ent.start < e and ent.end > s), None)


def _entity_in_subtree(token, entities: list[EntityRef], kinds: set[str],
                       exclude: tuple[int, int] | None = None) -> EntityRef | None:
    """The first entity of an allowed kind inside a token's subtree (appositions, flat names,
    "la candidate de gauche Jeannette Jara")."""
    for t in token.subtree:
        ent = _entity_of(t, entities)
        if ent and ent.kind in kinds and not (exclude and exclude[0] < ent.end and ent.start < exclude[1]):
            return ent
    return None


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Char range of the clause around [start, end): between clause breaks (';', 'mientras
    que', 'contre', 'while', ...)."""
    left, right = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


# ================================================================== percentages
def attribute_percentages(sent, lang: str, percents: list[tuple[int, int]], entities: list[EntityRef],
                          fallback_subject: str | None = None) -> list[Claim]:
    """One Claim per percentage span of the one-sentence Doc `sent`, in the same order."""
    sent = sent.as_doc() if hasattr(sent, "as_doc") else sent     # a Span: offsets become its own
    text = sent.text
    entities = sorted(entities, key=lambda e: e.start)
    kinds = {e.name: e.kind for e in entities}
    counting = [_is_counting(text, s, e) for s, e in percents]
    counted_value = None
    for (s, e), is_counting in zip(percents, counting):
        if is_counting:
            found = find_percentages(text[s:e], lang)
            if found:
                counted_value = found[0].value
                break
    claims = []
    for (s, e), is_counting in zip(percents, counting):
        context = _context(text, s, e, None if is_counting else counted_value)
        if is_counting:
            claims.append(Claim(None, "counted", context))
            continue
        attribute = _attribute(text, s, e, percents)
        subject = _subject(sent, text, s, e, attribute, percents, entities, fallback_subject, lang or "")
        kind = kinds.get(subject, "person")
        if attribute == "share" and subject and kind != "place" and (
                _ELECTION_WORDS.search(text) or _POLL.search(text)
                or (kind == "person" and _OBTAINED.search(text))):
            attribute = "vote_share"    # a candidate's share in a race or a poll is a vote share
        claims.append(Claim(subject, attribute, context))
    return claims


def _is_counting(text: str, start: int, end: int) -> bool:
    after, before = text[end:end + 60], text[max(0, start - 60):start]
    if _COUNTING_AFTER.match(after) or _COUNTING_NOUN_AFTER.match(after):
        return True
    return bool(_COUNTING_BEFORE.search(before))


def _attribute(text: str, start: int, end: int, percents) -> str:
    """Cue in the percentage's own noun phrase first ("58 % des voix"), then the nearest cue in
    its clause ("la participación fue del 45 %"), then anywhere in the sentence."""
    after = text[end:end + 50]
    np_after = re.match(r"^\s*(?:de|del|des|of|d'|du)\s*(?:(?:las|los|la|le|les|the|el|l'|their|his|her|"
                        r"sus|su|ses|leurs?)\s*)?((?:\S+\s*){1,3})", after, _I)
    if np_after:
        for name, cue in _ATTRIBUTE_CUES:
            if cue.search(np_after.group(1)):
                return name
    c_start, c_end = _clause(text, start, end)
    # The clause ends at the next percentage: its cues are its own.
    nxt = min((s for s, _ in percents if s >= end), default=len(text))
    prev = max((e for _, e in percents if e <= start), default=0)
    for whole_sentence, lo, hi in ((False, max(c_start, prev), min(c_end, nxt)), (True, 0, len(text))):
        best = None
        for name, cue in _ATTRIBUTE_CUES:
            if whole_sentence and name in ("turnout", "abstention"):
                continue        # another clause's turnout is not this percentage's
            for m in cue.finditer(text, lo, hi):
                if start <= m.start() < end:
                    continue
                dist = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
                if best is None or dist < best[0]:
                    best = (dist, name)
        if best:
            return best[1]
    return "share"


def _context(text: str, start: int, end: int, counted: float | None) -> str | None:
    ctx = {}
    years = [(abs(m.start() - start), m.group(1)) for m in _YEAR.finditer(text)]
    if years:
        ctx["year"] = min(years)[1]
    rounds = [(abs(m.start() - start), "1") for m in _ROUND_1.finditer(text)] + \
             [(abs(m.start() - start), "2") for m in _ROUND_2.finditer(text)]
    if rounds:
        ctx["round"] = min(rounds)[1]
    if counted is not None:
        ctx["counted"] = _format_number(counted)
    if _POLL.search(text):
        ctx["contest"] = "poll"
    else:
        for name, cue in _CONTESTS:
            if cue.search(text):
                ctx["contest"] = name
                break
    return ";".join(f"{k}={v}" for k, v in sorted(ctx.items())) or None


def _subject(sent, text, start, end, attribute, percents, entities, fallback, lang=""):
    if attribute in ("turnout", "abstention"):
        # Nobody's turnout: only a place says whose ("turnout in Bogota"). The cue word itself is
        # never the subject, whatever the tagger made of it ("Turnout" as a PERSON).
        cues = [m.span() for _, cue in _ATTRIBUTE_CUES[:2] for m in cue.finditer(text)]
        places = [x for x in entities if x.kind == "place"
                  and not any(a < x.end and x.start < b for a, b in cues)]
        parsed = _subject_from_parse(sent, start, end, places, {"place"}, None, False, lang)
        if parsed is not _NOTHING and parsed is not None:
            return parsed
        c_start, c_end = _clause(text, start, end)
        pool = [x for x in places if c_start <= x.start and x.end <= c_end]
        return pool[0].name if pool else None
    strict = attribute in ("vote_share", "approval")
    c_start, c_end = _clause(text, start, end)
    economic = attribute == "share" and bool(_ECONOMIC.search(text, c_start, c_end))
    if economic:
        # "the peso fell 1.5 %": not a person's share; a company or a country may own it
        entities = [x for x in entities if x.kind != "person"]
    # The previous sentence's subject stands in for a pronoun only where a person's share is
    # plausible: a vote share, an approval rating, or an unlabelled share in an electoral sentence.
    if fallback and (economic or not (strict or _ELECTION_WORDS.search(text) or _POLL.search(text)
                                      or _OBTAINED.search(text))):
        fallback = None
    kinds = {"person", "organization"} if strict else {"person", "organization", "place"}
    others = [(s, e) for s, e in percents if (s, e) != (start, end)]

    def clear(lo, hi):          # no other percentage between lo and hi
        return not any(lo < s < hi or lo < e <= hi for s, e in others)

    # 0) a part of a population, not anyone's share: "40 % des électeurs de X", "30% of X's voters".
    pop = _POPULATION_AFTER.match(text[end:])
    if pop and not any(w.casefold() in _NOT_TITLE_WORDS or _VOTE_NOUN.fullmatch(w)
                       for w in pop.group(1).split()):
        return None
    # 1) the owner named right after: "el 47,3 % de Rodolfo Hernández", "47 % du candidat X".
    owner = next((x for x in entities if x.start >= end and x.kind in {"person", "organization"}), None)
    if owner and owner.start - end <= 80 and clear(end, owner.start) \
            and not re.match(r"['’]s\b", text[owner.end:owner.end + 3]):
        m = _SHARE_OF.match(text[end:owner.start])
        if m and not _NOT_OWNER.search(m.group(1)) \
                and not any(w.casefold() in _NOT_TITLE_WORDS for w in m.group(1).split()):
            return owner.name
    # 1b) agent or beneficiary after the percentage: "obtenus par la candidate Jeannette Jara";
    # not across a clause break ("..., followed by X with") nor a purpose ("para superar a X").
    after = text[end:]
    m = _AGENT_AFTER.match(after)
    if m and not _AGENT_NOT.match(after[m.end():]) and not _INFINITIVE.match(after[m.end():]) \
            and not _CLAUSE_BREAK.search(after[:m.end()]) and not _AHEAD.search(after[:m.end()]):
        at = end + m.end()
        ent = next((x for x in entities if at <= x.start <= at + 45 and x.kind in {"person", "organization"}
                    and clear(end, x.start) and not re.search(r"[;.]", text[at:x.start])), None)
        if ent:
            return ent.name
    # 2) a named subject right before: "Jara obtuvo el 41 %", "Kast, con el 58 %", "Kast (58 %)".
    before = [x for x in entities if x.end <= start and x.kind in {"person", "organization"}]
    if before:
        ent = before[-1]
        if _LINK_BEFORE.match(text[ent.end:start]):
            return ent.name
    # 3) the parse: walk up from the percentage to the clause that governs it.
    parsed = _subject_from_parse(sent, start, end, entities, kinds, fallback, strict, lang)
    if parsed is not _NOTHING:
        return parsed
    # 4) nearest person (then organization) in the same clause, before it if possible.
    for wanted in ({"person"}, {"organization"}, set() if strict else {"place"}):
        pool = [x for x in entities if x.kind in wanted and c_start <= x.start and x.end <= c_end
                and not (x.start < end and start < x.end)]
        pre = [x for x in pool if x.end <= start and clear(x.end, start)]
        post = [x for x in pool if x.start >= end and clear(end, x.start)]
        if pre:
            return pre[-1].name
        if post:
            return post[0].name
    # 5) the previous sentence's subject, only when this clause's own subject is a pronoun or,
    # in Spanish, a dropped subject ("obtuvo el 40 %").
    if fallback and _pronoun_clause(text[c_start:start], lang):
        return fallback
    return None


_PRONOUN_WORD = re.compile(
    r"(?<![\w'’])(?:il|elle|ils|elles|celui-ci|celle-ci|ce\s+dernier|cette\s+derni[èe]re|"
    r"[ée]l|ella|ellos|ellas|[ée]ste|[ée]sta|este\s+[úu]ltimo|esta\s+[úu]ltima|"
    r"he|she|they|the\s+latter|the\s+former)(?![\w'’])", _I)
_PRO_DROP_START = re.compile(
    rf"^\W*(?:(?:y|e|pero|aunque|luego|después|ya|tambi[ée]n|finalmente|entonces|as[ií])\s+)*"
    rf"(?:(?:se|no)\s+)?(?:{_LINK_VERBS})\b", _I)


def _pronoun_clause(before: str, lang: str) -> bool:
    """Whether the clause up to the percentage has a pronoun subject ("il a obtenu", "she won",
    "él obtuvo") or, in Spanish, starts with a verb whose subject was dropped ("obtuvo el")."""
    if _PRONOUN_WORD.search(before):
        return True
    return lang.startswith("es") and bool(_PRO_DROP_START.match(before))


_NOTHING = object()


_RELATIVE_DEPS = {"relcl", "acl:relcl", "acl"}


def _subject_from_parse(sent, start, end, entities, kinds, fallback, strict, lang=""):
    """Walk from the percentage up its heads; an entity met on the way is an apposition's
    anchor ("Kast, president-elect after winning ... with 58.2%"); a verb met on the way gives
    its nominal subject (or its agent). A pronoun subject means the previous sentence's subject."""
    tokens = _tokens_in(sent, start, end)
    head = _span_head(tokens)
    if head is None:
        return _NOTHING
    seen, token = set(), head
    for _ in range(12):
        if token.i in seen:
            break
        seen.add(token.i)
        ent = _entity_of(token, entities)
        if ent and ent.kind in kinds and not (ent.start < end and start < ent.end):
            return ent.name
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            subj = [c for c in token.children if c.dep_ in _SUBJECT_DEPS | _AGENT_DEPS]
            subj.sort(key=lambda c: c.dep_ not in _AGENT_DEPS)      # a passive's agent first
            for c in subj:
                ent = _entity_in_subtree(c, entities, kinds, exclude=(start, end))
                if ent:
                    return ent.name
                phrase = " ".join(t.text for t in c.subtree)
                if "Rel" in c.morph.get("PronType") or re.fullmatch(_RELATIVE, phrase, _I):
                    # "Hernandez, who took 47.3%": the relative clause's antecedent
                    if token.dep_ in _RELATIVE_DEPS:
                        ent = _entity_of(token.head, entities)
                        if ent and ent.kind in kinds:
                            return ent.name
                    return _NOTHING
                if c.pos_ == "PRON" or _PRONOUN_SUBJECTS.match(phrase):
                    return fallback
            if subj:            # a common-noun subject: "la participación", "the poll"
                return _NOTHING
            if token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Fin"] \
                    and token.dep_ in ("ROOT", "conj", "parataxis") and fallback \
                    and lang.startswith("es"):
                return fallback     # Spanish dropped subject
        if token.head.i == token.i:
            break
        token = token.head
    return _NOTHING


# ================================================================== dates
def date_events(sent, lang: str, dates: list[tuple[int, int]], entities: list[EntityRef]) -> list[DateEvent]:
    """For each date span of the one-sentence Doc `sent`: the kind of event it dates and the
    entities that event involves (its clause, or the event noun's phrase)."""
    sent = sent.as_doc() if hasattr(sent, "as_doc") else sent
    text = sent.text
    out = []
    for start, end in dates:
        out.append(_date_event(sent, text, start, end, dates, entities))
    return out


def _cue(word_text: str) -> str | None:
    for name, cue in _EVENT_CUES:
        if cue.search(word_text):
            return name
    return None


def _date_event(sent, text, start, end, dates, entities) -> DateEvent:
    tokens = _tokens_in(sent, start, end)
    head = _span_head(tokens)
    if head is None:
        return DateEvent(None, [])
    date_ids = {t.i for t in tokens}
    anchor, event = None, None
    token = head
    for _ in range(8):
        parent = token.head
        if parent.i == token.i:
            anchor = token
            break
        token = parent
        if token.i in date_ids:
            continue
        if token.pos_ in ("NOUN", "PROPN") and (ev := _cue(_noun_phrase(token))):
            anchor, event = token, ev         # "élections du 14 décembre", "the December 14 runoff"
            break
        if token.pos_ in ("VERB", "AUX"):
            anchor = token
            break
    if anchor is None:
        anchor = token
    if event is None:
        event = _verb_event(anchor, text, start, end)
    participants = _participants(anchor, entities, dates, (start, end), nominal=anchor.pos_ in ("NOUN", "PROPN"))
    names = set(participants)
    if anchor.pos_ in ("VERB", "AUX") and not _has_subject(anchor, entities):
        # The parse lost the subject ("Kast envisage de se rendre"): the nearest person before
        # the verb in its clause stands in for it.
        c_start, _ = _clause(text, anchor.idx, anchor.idx + 1)
        before = [e for e in entities if e.kind == "person" and c_start <= e.start and e.end <= anchor.idx
                  and not any(s < e.end and e.start < t for s, t in dates)]
        if before:
            names.add(before[-1].name)
    # "Kast et Noboa se rencontreront": a coordinated partner the parse split off.
    ordered = sorted(entities, key=lambda e: e.start)
    for left, right in zip(ordered, ordered[1:]):
        if _COORDINATION.fullmatch(text[left.end:right.start]) and {left.name, right.name} & names:
            names.update((left.name, right.name))
    return DateEvent(event, sorted(names))


_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:et|y|and|e)\s+(?:(?:le|la|el|the)\s+)?(?:pr[ée]sident[ea]?\s+)?", _I)


def _has_subject(verb, entities) -> bool:
    """Whether the verb, or the verb it is coordinated with or auxiliary to, has a nominal subject."""
    for tok in (verb, verb.head):
        if any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "xcomp"):
            break
    return False


def _noun_phrase(noun) -> str:
    """A noun with its adjectives and compounds: "segunda vuelta", "premier tour", "March 11 inauguration"."""
    words = [t for t in noun.children if t.dep_ in ("amod", "compound", "nummod", "det")] + [noun]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _verb_event(anchor, text, start, end) -> str | None:
    """The event a verb dates: its own words ("s'est rendu", "met", "viajó"), then its
    direct complements ("took place" + "the visit"), then the nearest cue in the sentence."""
    words = " ".join(t.text for t in anchor.children if t.dep_.startswith(("expl", "aux", "compound:prt",
                                                                          "prt")) and t.i < anchor.i)
    own = _cue(f"{words} {anchor.text}") or _cue(anchor.lemma_)
    if own:
        return own
    for child in anchor.children:
        if child.dep_ in _SUBJECT_DEPS | {"obj", "dobj", "xcomp", "advcl", "ccomp"} and (
                ev := _cue(child.text) or _cue(child.lemma_)):
            return ev
    for child in anchor.children:      # "la visite a eu lieu lundi", "talks began on Monday"
        if child.dep_ in ("appos", "acl", "acl:relcl", "relcl", "punct") or child.i in range(start, end):
            continue
        for grandchild in child.children:
            if grandchild.dep_ not in ("appos", "acl", "acl:relcl", "relcl") and (
                    ev := _cue(grandchild.text) or _cue(grandchild.lemma_)):
                return ev
    return "other" if anchor.pos_ in ("VERB", "AUX") else None


def _participants(anchor, entities, dates, date_span, nominal) -> list[str]:
    """Entities in the anchor's subtree, without coordinated/paratactic clauses and without
    participial clauses tacked on after a comma ("..., discussing X")."""
    cut: set[int] = set()
    for t in anchor.subtree:
        if t.i == anchor.i or t.i in cut:
            continue
        prev = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        verbal = t.pos_ in ("VERB", "AUX")
        if (t.dep_ in _CUT_DEPS and verbal) or (
                t.dep_ in ("advcl", "acl") and verbal and prev is not None and prev.text == ","
                and t.i > anchor.i):
            cut.update(x.i for x in t.subtree)
    names = set()
    for t in anchor.subtree:
        if t.i in cut:
            continue
        ent = _entity_of(t, entities)
        if ent is None or any(s < ent.end and ent.start < e for s, e in dates):
            continue
        names.add(ent.name)
    return sorted(names)


# ================================================================== dates, without a parse
# "élections présidentielles du 14 décembre", "la segunda vuelta del 14 de diciembre",
# "the election of December 14": the words that tie an event noun before the date to it
_OF_DATE = frozenset({"du", "de", "des", "d'", "d’", "del", "of", "le", "el"})
_PUNCT = re.compile(r"^[^\w]+$")


def lexical_date_events(sentence: str, lang: str, dates: list[tuple[int, int]],
                        entities: list[EntityRef]) -> list[DateEvent]:
    """`date_events` from the words alone: for each date span of `sentence`, the event of the
    noun it modifies ("the December 14 runoff", "élections du 14 décembre") or else of its
    governing verb, then the event cue nearest the date in its clause; the participants are the
    entities of that clause (those of the sentence when the clause names none)."""
    lang = (lang or "").lower()[:2]
    if lang not in ("fr", "es", "en"):
        return [DateEvent(None, []) for _ in dates]
    blocked = tuple(sorted(dates))
    analysis = _tense.analyze(sentence, lang, blocked)
    out = []
    for start, end in dates:
        out.append(_lexical_date_event(sentence, lang, analysis, start, end, dates, entities))
    return out


def _outside_dates(ent: EntityRef, dates) -> bool:
    return not any(s < ent.end and ent.start < e for s, e in dates)


def _lexical_date_event(sentence, lang, analysis, start, end, dates, entities) -> DateEvent:
    span = _tense.date_tokens(analysis, start, end)
    if span is None:
        return DateEvent(None, [])
    lo, hi = span
    nominal = _nominal_event(sentence, lang, analysis, lo, hi)
    if nominal is not None:
        event, (c_start, c_end) = nominal
        names = {e.name for e in entities if c_start <= e.start and e.end <= c_end and _outside_dates(e, dates)}
        return DateEvent(event, sorted(names))
    seg_index = _tense.date_segment(analysis, lo)
    verb = _tense._governing(analysis, lo, hi, seg_index)
    c_start, c_end = _tense.clause_range_in(analysis, start, end, len(sentence))
    event = None
    if verb is not None:
        first = verb.first
        if first > 0 and analysis.words[first - 1] in ("se", "s'", "s’"):
            first -= 1      # "se rend", "se reunió"
        v_start, v_end = analysis.starts[first], analysis.ends[verb.head]
        event = _cue(sentence[v_start:v_end])
        if event is None:
            event = _nearest_cue(sentence, c_start, c_end, start, end) or "other"
    else:
        event = _nearest_cue(sentence, c_start, c_end, start, end)
    names = {e.name for e in entities if c_start <= e.start and e.end <= c_end and _outside_dates(e, dates)}
    if not names:
        names = {e.name for e in entities if _outside_dates(e, dates)}
    return DateEvent(event, sorted(names))


def _nearest_cue(sentence: str, lo: int, hi: int, start: int, end: int) -> str | None:
    best = None
    for name, cue in _EVENT_CUES:
        for m in cue.finditer(sentence, lo, hi):
            if m.start() < end and start < m.end():
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


def _nominal_event(sentence, lang, analysis, lo, hi):
    """(event, char range of its noun phrase) when the date modifies an event noun."""
    words, starts, ends = analysis.words, analysis.starts, analysis.ends
    verb_tokens = {i for g in analysis.verbs for i in range(g.first, g.head + 1)}
    if lang == "en":
        # "the December 14 (presidential) runoff", "his March 11 inauguration"
        for k in range(hi, min(hi + 3, len(words))):
            if k in verb_tokens or _PUNCT.match(words[k]):
                break
            ev = _cue(words[k])
            if ev:
                return ev, (starts[lo], ends[k])
    if lo == 0 or words[lo - 1] not in _OF_DATE:
        return None
    # "élections présidentielles du 14 décembre": the event noun within three words before
    for k in range(lo - 2, max(-1, lo - 5), -1):
        if k in verb_tokens or _PUNCT.match(words[k]):
            break
        if words[k] in ("le", "la", "el", "the", "les", "los", "las"):
            continue
        ev = _cue(sentence[starts[k]:ends[lo - 2]])      # "segunda vuelta", "premier tour"
        if ev and ev != "announcement":
            return ev, (starts[k], ends[hi - 1])
    return None
