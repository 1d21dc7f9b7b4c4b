"""Claims: whose percentage it is, of what, at which stage of the count; which event a date dates.

A percentage's claim has four parts, each read from the words around it in its sentence:
* what it is of (`attribute`, FORMAT.md's vocabulary): a vote share, a margin in points, a poll's
  figure, the share of ballots counted, turnout, blank or null votes, an approval rating, or
  `other` (thresholds, changes, regional figures, a campaign's own tally);
* how exactly (`qualifier`): "más del 97 %" is a lower bound, "près de 90 %" an upper one,
  "about 53%" approximate;
* when (`counted`, `stage`): the share of the count its sentence says it was taken at ("con el
  92,12 % de las actas escrutadas"), or that the count was final or partial;
* whose (`subject`): a candidate, a party or a plebiscite's side; none for a figure about the
  contest as a whole (turnout, counted share, blank and null votes), which the corpus pass gives
  the contest's name.

Subjects are decided for the sentence, not one figure at a time. The fr/es spaCy parses are noisy,
so the parse is one source among several: each percentage is tried against word patterns news
use in all three languages ("obtenus par X", "X obtuvo el 41 %", "X with 58%", "58 % pour Kast",
"X (12,4 %)", "X, de tel parti, 13,97 %"), then the parse, then the nearest name in its clause,
then the previous sentence's subject (pronouns, Spanish dropped subjects, "the candidate"). Who
cannot be a subject never is: an electoral body, a pollster or a newspaper, a source ("según X"),
a person named inside a description of another ("el delfín de X"). Then the sentence's figures
are reconciled: one subject has one vote share per sentence, "respectively" pairs names and
figures in order, and in a two-way race the figure set against a candidate's is the rival's.
The words of each language are data, in `vocabulary.py`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from . import tense as _tense
from . import vocabulary as V
from .entities import describes_party, is_leaning
from .percentages import find_percentages

__all__ = ["EntityRef", "Claim", "DocumentCues", "DateEvent", "attribute_percentages", "date_events",
           "lexical_date_events", "CONTEST_ATTRIBUTES", "VOTE_ATTRIBUTES", "document_cues", "is_authority"]


@dataclass(frozen=True)
class EntityRef:
    start: int              # char offsets within the sentence
    end: int
    kind: str               # 'person' | 'place' | 'organization' | 'option' | 'group'
    name: str               # the best name known for it in the document
    place_type: str | None = None   # places the gazetteer knows: country | city | region | ...


@dataclass(frozen=True)
class Claim:
    subject: str | None
    attribute: str          # FORMAT.md's vocabulary: vote_share, margin_pp, poll_share, counted_share, ...
    context: str | None = None      # "key=value;..." what the sentence says of the contest: round, year
    qualifier: str | None = None    # lower_bound | upper_bound | approximate
    counted: float | None = None    # share of the count the figure was taken at, as its sentence says
    stage: str | None = None        # final | partial, when the words say so
    hedged: bool = False            # worded as an estimate: a range, a conditional ("obtiendrait")


@dataclass(frozen=True)
class DocumentCues:
    """What a report as a whole says that its sentences' claims need: whether it is about a
    plebiscite (its sides are subjects), the two people it is most about (a two-way race's rivals),
    and the organizations it shows to be authorities (an acronym defined as an electoral body)."""
    plebiscite: bool = False
    rivals: tuple[str, ...] = ()
    authorities: frozenset[str] = frozenset()
    persons_first: bool = False      # a presidential race: a person outranks an organization
    electoral: bool = False          # a report about a vote: a contestant's figure is a vote share
    people: tuple[str, ...] = ()     # the people the report names, by their fullest names


# Attributes of the contest as a whole: their subject is the contest, never a candidate.
CONTEST_ATTRIBUTES = frozenset({"counted_share", "turnout", "abstention", "blank_votes", "null_votes",
                                "quick_count_sample_processed"})
# Attributes whose subject is a contestant (candidate, party, side).
VOTE_ATTRIBUTES = frozenset({"vote_share", "poll_share", "margin_pp", "poll_margin_pp"})
# Figures that are no count's: a stage the report states elsewhere is not theirs.
_NOT_COUNTED = frozenset({"poll_share", "poll_margin_pp", "approval", "quick_count_sample_processed"})


@dataclass(frozen=True)
class DateEvent:
    event: str | None       # election | visit | meeting | inauguration | announcement | death | other
    participants: list[str] = field(default_factory=list)


_I = re.IGNORECASE
_W = r"[^\W\d_]"          # a letter

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
    r"gan[oó]|ganara|ganase|ganaba|recibi[oó]|recibe|tuvo|tiene|suma|sum[oó]|sumaba|registra|registr[oó]|marca|marc[oó]|"
    r"obten[ií]a|llega\s+a|lleg[oó]\s+a|se\s+impuso\s+con|"
    r"obtient|obtiendrait|a\s+obtenu|avait\s+obtenu|recueille|a\s+recueilli|remporte|a\s+remport[ée]|"
    r"r[ée]unit|a\s+r[ée]uni|atteint|a\s+atteint|totalise|r[ée]colte|est\s+cr[ée]dit[ée]e?\s+de|"
    r"s'impose\s+avec|l'emporte\s+avec|l['’](?:a|avait)\s+emport[ée]\s+avec|s['’]est\s+impos[ée]e?s?\s+avec|"
    r"obtained|got|gets|won|wins|took|takes|received|receives|secured|secures|garnered|had|has|"
    r"reached|polled|polls|scored|captured|is\s+at|was\s+at|stands\s+at|stood\s+at|"
    # a level reached ("Chega surged to 18.1%", "subió al 18 %", "grimpe à 18 %")
    r"(?:surged|rose|climbed|jumped|grew|fell|dropped|slipped|slumped)\s+to|"
    r"(?:subi[oó]|trep[oó]|escal[oó]|cay[oó]|baj[oó]|creci[oó])\s+(?:hasta\s+)?(?:al|el|a)|"
    r"(?:grimpe|monte|passe|tombe|chute|recule)\s+[àa]|(?:a\s+)?(?:grimp[ée]|mont[ée]|pass[ée]|tomb[ée]|chut[ée]|recul[ée])\s+[àa]|"
    # a place in the race ("se ubicaba tercero con", "finished a distant third with")
    + V.alternation(V.FINISHED_PLACE, None)
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
    rf"^(?:['’]s)?\s*(?:[\"”»]\s*)?(?:[,:(\u2014\u2013-]\s*)?(?:{_RELATIVE}\s+{_AUXILIARY})?"
    rf"(?:(?:{_LINK_VERBS}|{_LINK_PARTICIPLES})\s+"
    # what was won, before "with" ("el 'no' ganó el referéndum constitucional con el 60 %")
    rf"(?:(?:el|la|le|les|the|l['’])\s*(?:{_W}[\w'’-]*\s+){{1,3}}(?=(?:con|with|avec)\s))?)?(?:{_LINK_ADVERB}\s+)?"
    rf"(?:(?:con|with|avec|con\s+un|with\s+a|on)\s+)?(?:{_LINK_ADVERB}\s+)?"
    rf"(?:(?:el|un|le|la|les|l'|the|a|an|del|de|du|d'|al|à|at)\s*)?$", _I)
# "el 47,3 % de Rodolfo Hernández", "les 47 % du candidat X", "47% of the Republican Kast",
# "58 % des voix de Kast": the share of the person or party named right after it. Not "40 % des
# électeurs de Kast" (a part of his voters) nor "58 % of Kast's voters".
_SHARE_OF_VOTE = (r"(?:(?:de|des|du|of|d['’])\s*(?:(?:los|las|les|the|la|le|el|l['’])\s*)?"
                  r"(?:votos|voto|voix|suffrages|sufragios|votes?|ballots|bulletins|preferencias)\s+)")
_SHARE_OF = re.compile(
    rf"^\s*{_SHARE_OF_VOTE}?(?:de|del|des|du|of|d['’])\s*(?:(?:los|las|les|the|la|le|el|l['’])\s*)?"
    rf"((?:[^\W\d_][\w'’-]*\s+){{0,3}}?)[«\"“‘']?\s*$", _I)     # (a quoted side: 'del "Sí"')
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
    rf"^\s*(?:del|des|de|of|d['’])(?![^\W_])\s*((?:[^\s,;.:()]+\s+){{0,3}}?)(?:{_POPULATION})\b", _I)
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
    r"(?<![«\"“]\s)(?<![«\"“])\b(?:contre|against)\b(?!\s*[»\"”])|"         # (not the quoted side: le « contre »)
    r"\bface\s+[àa]\b|\bfrente\s+a(?:l)?\b|\bversus\b|\bvs\.?|\bcompared\s+with\b|"
    r"\bseguid[oa]s?\s+(?:de|por)\b|\bsuivie?s?\s+(?:de|par)\b|\bfollowed\s+by\b|\bante\b|"
    r"\bpero\b|\bmais\b|\bbut\b|\bsin\s+embargo\b|\bhowever\b|\bcependant\b|"
    r"(?<=[%\w])\.(?-i:(?=[A-ZÀ-Ý][a-zà-ÿ]))|"       # "14,0 %.El resultado": a sentence glued to the next
    # a concession is another clause ("superó los 15 puntos, pese a que las encuestas ...")
    rf"(?<![^\W_])(?:{V.alternation(V.CONCESSIVE, None)})(?![^\W_])", _I)
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
        r"taking\s+office|took\s+office|assumes?\s+office|handover|hand-over|asumir[áa]?|"
        # (lower case: "Asunción" is Paraguay's capital, the dateline of its reports)
        r"(?-i:asunci[oó]n)|asumi[oó]|toma\s+de\s+posesi[oó]n|traspaso\s+de\s+mando|cambio\s+de\s+mando|"
        r"prise\s+de\s+fonctions|prendra\s+ses\s+fonctions|passation|entr[ée]e\s+en\s+fonction|"
        r"proclamation|proclamaci[oó]n|proclam\w*)", _I)),
    # a runoff report's first round is another day than its election ("la primera vuelta del 22 de octubre")
    ("first_round", re.compile(
        r"\b(?:primera\s+vuelta|primer\s+turno|premier\s+tour|1er\s+tour|first\s+round|first-round|"
        r"1st\s+round)\b", _I)),
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


def _introduced_by_preposition(role, ent: EntityRef) -> bool:
    """Whether the entity inside a role noun's phrase is its modifier ("la candidata de Morena",
    "the nominee of the coalition led by X"), not its apposition ("la candidate Claudia Sheinbaum")."""
    for t in role.subtree:
        if ent.start <= t.idx < ent.end and t.head.i != t.i and not (ent.start <= t.head.idx < ent.end):
            node = t            # the entity's head token
            while node.i != role.i:
                if node.dep_.startswith("acl") or any(c.dep_ == "case" for c in node.children):
                    return True
                if node.head.i == node.i:
                    return False
                node = node.head
            return False
    return False


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Char range of the clause around [start, end): between clause breaks (';', 'mientras
    que', 'contre', 'while', ...)."""
    left, right = 0, len(text)
    for b_start, b_end in _breaks(text):
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


@lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    """A sentence's clause breaks, found once (every figure of the sentence asks for them)."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(text))



# ================================================================== percentages
def document_cues(text: str, lang: str, persons: list[str], organizations: list[str]) -> DocumentCues:
    """A report's cues for its claims: a plebiscite (by its words), the two people it names most
    (in order of mentions, then of first mention), and its acronyms defined as authorities
    ("l'Organe national du processus électoral (ONPE)")."""
    plebiscite = any(V.regex(V.CONTEST_KINDS[k], lang).search(text) for k in ("plebiscite", "referendum")) \
        or bool(_option_frame(lang).search(text)) or _quotes_both_sides(text, lang)
    counts: dict[str, int] = {}
    for name in persons:
        counts[name] = counts.get(name, 0) + 1
    order = {name: i for i, name in reversed(list(enumerate(persons)))}
    rivals = tuple(sorted(counts, key=lambda n: (-counts[n], order[n]))[:2])
    defined = {}            # acronym -> the words before its parenthesis ("Organe national ... (ONPE)")
    for acronym, phrase in defined_acronyms(text):
        defined.setdefault(acronym, []).append(phrase)
    authorities = set()
    for name in set(organizations):
        if is_authority(name) or any(is_authority(phrase) for phrase in defined.get(name, ())):
            authorities.add(name)
    presidential = V.regex(V.CONTEST_KINDS["presidential"], lang).search(text) is not None
    electoral = plebiscite or presidential or bool(V.regex(V.ELECTION_NOUNS, lang).search(text)
                                                   or _attribute_regex("vote_share", lang).search(text))
    # (a name after a role is a person's even where the model took it for an organization:
    # "centre-left challenger Efrain Alegre")
    people = set(persons) | {name for _, _, name in _role_names(text, lang)}
    return DocumentCues(plebiscite, rivals, frozenset(authorities), presidential, electoral, tuple(sorted(people)))


_ACRONYM_OPENING = re.compile(r"\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ\-]{1,9})\s*[),]")


def defined_acronyms(text: str) -> list[tuple[str, str]]:
    """(acronym, the up to six words before its parenthesis) for each "Name Of Thing (NOT)"."""
    found = []
    for m in _ACRONYM_OPENING.finditer(text):
        acronym = m.group(1)
        if not acronym.isupper() or len(acronym) < 2 or is_source(acronym):
            continue            # ("SAN SALVADOR, Feb 5 (AP)": a dateline's agency, not what the words before stand for)
        before = re.split(r"[()\n]|[.!?;:](?:\s|$)", text[max(0, m.start() - 90):m.start()])[-1]
        words = before.split()[-6:]
        if words:
            found.append((acronym, " ".join(words)))
    return found


def is_source(name: str) -> bool:
    """A news agency ("AFP", "Reuters"): it reports figures, it never receives votes."""
    return name in _AGENCIES


_AGENCIES = frozenset(V.NEWS_AGENCIES)


# An authority that is a pollster ("el instituto Ipsos", "l'institut Elabe", "la encuestadora X"): its
# projections stay a poll's.
_POLLSTER_NAME = re.compile(r"^(?:(?:el|la|le|the|l['’])\s*)?(?-i:institut[oe]?)\s+(?:de\s+sondages?\s+)?"
                            r"(?!.*(?:[ée]lectora|nacional|national|federal|f[ée]d[ée]ral|estad[ií]stic|statisti))"
                            r"(?:(?-i:[A-Z])[\w-]*\s*){1,3}$|sondage|encuest|consultora|pollst|polling", re.IGNORECASE)


def is_authority(name: str) -> bool:
    """An organization that publishes figures but never receives votes (an electoral body, a
    court, a pollster, a broadcaster, a ministry): never the subject of a share."""
    return bool(V.regex(V.AUTHORITY_WORDS, None).search(name or ""))


def attribute_percentages(sent, lang: str, percents: list[tuple[int, int]], entities: list[EntityRef],
                          fallback_subject: str | None = None, cues: DocumentCues | None = None) -> list[Claim]:
    """One Claim per percentage span of the one-sentence Doc `sent`, in the same order."""
    sent = sent.as_doc() if hasattr(sent, "as_doc") else sent     # a Span: offsets become its own
    text = sent.text
    lang = (lang or "")[:2]
    cues = cues or DocumentCues()
    mentions = {(m.start, m.end): m for m in find_percentages(text, lang)}
    units = [mentions[span].unit if span in mentions else "percent" for span in percents]
    refs = _subject_candidates(text, lang, entities, cues)
    official = any(e.kind == "organization" and (e.name in cues.authorities or is_authority(e.name))
                   and not _POLLSTER_NAME.search(e.name) for e in entities)
    # "las copias del 73 % de las actas": a campaign's own tally, not the count
    counting = [_is_counting(text, s, e, lang) and not V.regex(V.CONTEST_OTHER_CUES, lang).search(text, max(0, s - 40), e + 40)
                for s, e in percents]
    counts = [(s, e, mentions[(s, e)].value) for (s, e), c in zip(percents, counting) if c and (s, e) in mentions]
    stage = _stage_words(text, lang)
    claims: list[Claim] = []
    links: list[int] = []
    for (s, e), is_counting, unit in zip(percents, counting, units):
        qualifier = _qualifier(text, s, e, lang)
        context = _context(text, s, e, lang)
        if is_counting:
            claims.append(Claim(None, "counted_share", context, qualifier, None, stage))
            links.append(0)
            continue
        attribute = _attribute(text, s, e, percents, lang, unit, cues, official)
        if attribute in ("rule", "contest_other"):   # a threshold, a campaign's own tally: nobody's figure
            claims.append(Claim(None, "other", context, qualifier, None, stage))
            links.append(9)
            continue
        if attribute in CONTEST_ATTRIBUTES:
            subject, strength = _place_subject(sent, text, s, e, refs, lang), 5
        else:
            subject, strength = _subject(sent, text, s, e, attribute or "vote_share", percents, refs,
                                         fallback_subject, lang, cues)
        if claims and _elliptic(text, s, lang):
            # "un porcentaje levemente inferior al de la primera vuelta (89,6 %)": the same thing
            # as the figure before, of another moment
            attribute, subject, strength = claims[-1].attribute, claims[-1].subject, links[-1]
        if attribute is None:
            # no cue of its own: the figure set beside another takes its kind ("55,8 % of the total
            # compared to Gonzalez's 44.1 %"), a contestant's figure in a report on a vote is a vote share
            # (a percentage after a lead in points is a share, not another lead: "32 puntos por
            # encima de X, que logró el 27,45 %")
            previous = next((c.attribute for c in reversed(claims) if c.attribute in VOTE_ATTRIBUTES
                             and (unit == "points" or c.attribute not in ("margin_pp", "poll_margin_pp"))), None)
            kind = (_kind_of(subject, refs) or "person") if subject else None   # not in the sentence: an antecedent
            electoral = cues.electoral or bool(_ELECTION_WORDS.search(text) or _OBTAINED.search(text))
            attribute = previous or ("vote_share" if electoral and kind in _CONTESTANTS | {"place"} else "other")
        if attribute == "other" and subject and _kind_of(subject, refs) == "place":
            subject = None
        ranged = (s, e) in mentions and mentions[(s, e)].low is not None
        if attribute == "vote_share" and ranged:
            # "won between 58.3% and 60.7% of the vote": a count gives one figure; a range is an
            # estimate (a quick count's, a projection's), whatever sentence named its source
            attribute = "poll_share"
        if attribute in ("vote_share", "poll_share") and _regional(text, s, e, refs, lang):
            attribute = "other"
        if attribute in CONTEST_ATTRIBUTES - {"counted_share"}:
            # "38.1% for approval amid heavy turnout": a figure its words give to a contestant is theirs
            owner, tie = _subject(sent, text, s, e, "vote_share", percents, refs, None, lang, cues)
            if owner and tie <= 2:
                attribute, subject, strength = "vote_share", owner, tie
        hedged = bool(ranged or V.regex(V.CONDITIONAL_VERBS, lang).search(text, _clause(text, s, e)[0], s))
        claims.append(Claim(subject, attribute, context, qualifier, _stage_of(text, s, e, counts), stage, hedged))
        links.append(strength)
    return _reconcile(text, lang, percents, claims, links, refs, cues, mentions)


def names_the_winner(sentence: str, lang: str, refs: list[EntityRef]) -> bool:
    """Whether the sentence's subject is the winner or the office holder by a title alone ("le chef
    de l'État", "el mandatario", "the president"): the title before its first figure, no person named there."""
    first = _ANOTHER_FIGURE.search(sentence)
    end = first.start() if first else len(sentence)
    return bool(V.regex(V.WINNER_ROLES, lang).search(sentence, 0, end)) \
        and not any(r.kind == "person" and r.start < end for r in refs)


def leader(figures: Iterable[tuple[float, Claim | None]]) -> str | None:
    """The subject of the report's largest vote share of this contest (not an earlier year's or
    round's), if any."""
    shares = [(value, c.subject) for value, c in figures
              if c is not None and c.subject and c.attribute == "vote_share"
              and not re.search(r"year=|round=1", c.context or "")]
    return max(shares, key=lambda vs: vs[0])[1] if shares else None


def lead_stage(text: str, lang: str, lead: list[tuple[int, int]]) -> str | None:
    """The count the headline and lead say the report's figures are of, in their own sentences
    ("Luis Abinader réélu, selon des résultats quasi complets", the figures in the next paragraph)."""
    said = {_stage_words(text[s:e], lang) for s, e in lead} - {None}
    return next(iter(said)) if len(said) == 1 else None


def document_claims(figures: list[tuple[float, Claim | None]], lead: str | None = None) -> list[Claim | None]:
    """A report's percentage claims, in reading order, completed with what the report as a whole
    says. A figure whose own sentence says no stage was taken at the stage the report last stated
    ("Con el 97 % escrutado ... Noboa obtuvo el 55,6 %", and the next paragraph's figures), or,
    when the report states one near-final stage only, at that one; a count at 100 % is final. A figure nobody
    owns that repeats a stated counted share is that share again ("Esto es con el 99,40 %"); a
    margin nobody owns is the leader's (the report's largest vote share). `lead`: the stage the
    headline and lead state apart from any figure (lead_stage)."""
    from dataclasses import replace

    stated = {c.counted for _, c in figures if c is not None and c.counted is not None}
    # ("about 88 % of tally sheets counted" states a stage too; "more than 90 %" does not say which)
    stated |= {v for v, c in figures if c is not None and c.attribute == "counted_share"
               and c.qualifier in (None, "approximate")}
    # A report that states one near-final stage reports final figures throughout ("... 58 % ...
    # se han procesado al 100 %"); a single partial stage says nothing of the figures before it.
    only = next(iter(stated)) if len(stated) == 1 and next(iter(stated)) >= 99 else None
    # Stage words with no counted share ("selon des résultats quasi définitifs"): the report's
    # later figures are of that stage too; a report whose only words say final is final throughout.
    said_stages = {c.stage for _, c in figures if c is not None and c.stage and c.attribute != "counted_share"} | \
        ({lead} if lead else set())
    only_said = "final" if not stated and said_stages == {"final"} else None
    current, said, out, polled = None, None, [], False
    for value, claim in figures:
        if claim is None:
            out.append(None)
            continue
        if polled and claim.hedged and claim.attribute == "vote_share":
            # the estimate after a poll's or a quick count's is theirs too ("Selon le comptage
            # rapide, X obtiendrait 58 %. Y recueillerait entre 26 % et 28 %")
            claim = replace(claim, attribute="poll_share")
        polled = claim.attribute in ("poll_share", "poll_margin_pp") or (polled and claim.hedged)
        if claim.subject is None and claim.attribute in VOTE_ATTRIBUTES | {"other"} and value in stated:
            claim = replace(claim, attribute="counted_share", counted=None)
        if claim.attribute == "counted_share":
            if claim.qualifier in (None, "approximate"):
                current = value
            out.append(replace(claim, stage="final" if value >= 100 and claim.qualifier is None else claim.stage))
            continue
        if claim.attribute in _NOT_COUNTED:
            out.append(claim)       # a poll, a quick count or a rating is no stage of the count
            continue
        counted = claim.counted if claim.counted is not None else (current if current is not None else only)
        if claim.stage and counted is None:
            said = claim.stage
        stage = claim.stage or ("final" if counted is not None and counted >= 100 else
                                "partial" if counted is not None else said or only_said)
        out.append(replace(claim, counted=counted, stage=stage))
    # "élu avec 66,1 %" in the headline, "a recueilli 66,10 %" in the body: a vote share nobody
    # owns that repeats one owner's figure of the same round is that owner's
    owners: dict[tuple, set] = defaultdict(set)
    for (value, _), c in zip(figures, out):
        if c is not None and c.subject and c.attribute in VOTE_ATTRIBUTES and c.qualifier is None:
            owners[(value, c.attribute, c.context)].add(c.subject)
    out = [replace(c, subject=next(iter(owners[(value, c.attribute, c.context)])))
           if c is not None and c.subject is None and c.attribute in VOTE_ATTRIBUTES and c.qualifier is None
           and len(owners.get((value, c.attribute, c.context), ())) == 1 else c
           for (value, _), c in zip(figures, out)]
    # "La diferencia supera los 11 puntos": a margin nobody is named for is the report's leader's
    first = leader((value, c) for (value, _), c in zip(figures, out))
    if first:
        out = [replace(c, subject=first) if c is not None and c.subject is None and c.attribute == "margin_pp"
               else c for c in out]
    return out


def _stage_of(text: str, start: int, end: int, counts: list[tuple[int, int, float]]) -> float | None:
    """The share counted that the sentence gives for this figure: the one in its clause, else the
    sentence's nearest ("con 52,52 % de los votos y 0,83 de las mesas escrutadas, pero ya en el
    segundo ... con 54,90 % de los sufragios y 1,54 % de las mesas" gives each its own)."""
    if not counts:
        return None
    c_start, c_end = _clause(text, start, end)
    own = [c for c in counts if c_start <= c[0] < c_end]
    pool = own or counts
    return min(pool, key=lambda c: abs(c[0] - start))[2]


def _kind_of(name: str, refs: list[EntityRef]) -> str | None:
    return next((r.kind for r in refs if r.name == name), None)


# ------------------------------------------------------------------ who can be a subject
def _subject_candidates(text: str, lang: str, entities: list[EntityRef], cues: DocumentCues) -> list[EntityRef]:
    """The sentence's names that may own a share, plus a plebiscite's sides and "the other
    candidates". Left out: authorities, pollsters and media; names introduced as a source ("según
    X"); a person named inside a description of someone else ("el delfín del exmandatario X")."""
    source = V.regex(V.SOURCE_BEFORE, lang)
    source_after = re.compile(rf"\s+(?:{V.alternation(V.SOURCE_AFTER, lang)})", _I)
    relational = re.compile(rf"(?:{V.alternation(V.RELATIONAL_NOUNS, lang)})\s+(?:(?:de|del|des|du|of|d['’])\s*)"
                            rf"(?:(?:la|le|el|the|l['’]|los|les)\s*)?(?:{_W}+\s+){{0,2}}$", _I)
    role_of = re.compile(rf"(?<![^\W_])(?:{V.alternation(V.ROLE_NOUNS, lang)})\s+(?:(?:de|del|des|du|of|d['’])\s*)"
                         rf"(?:(?:la|le|el|the|l['’]|los|les)\s*)?(?:{_W}+\s+){{0,1}}$", _I)
    party_of = re.compile(rf"(?<![^\W_])(?:{V.alternation(V.PARTY_NOUNS, lang)})(?:\s+{_W}[\w-]*){{0,2}}"
                          rf"\s+(?:de|del|of|du|d['’])\s*$", _I)
    role_after = _role_between(lang)
    role_names = _role_names(text, lang)
    role_named = {(s, e) for s, e, _ in role_names}
    entities = list(entities) + _unrecognized_people(text, lang, entities, cues, role_names)
    entities.sort(key=lambda r: r.start)
    unnamed = _unnamed_parties(text, lang, entities)
    members = _party_members(text, lang, entities + unnamed)
    orgs = [e for e in entities if e.kind == "organization"] + unnamed + members
    out, out_of = [], []
    for ent in entities:
        if ent.kind == "place" and ent.place_type is None:
            # a "place" no gazetteer knows is most often a party the model mistook ("Sumar", "Vox")
            ent = EntityRef(ent.start, ent.end, "organization", ent.name)
        if ent.kind == "organization" and (ent.start, ent.end) in role_named:
            # "la candidata oficialista Rixi Moncada": a name right after a role is a person's,
            # even where the model took it (a first name it does not know) for an organization
            ent = EntityRef(ent.start, ent.end, "person", ent.name)
        if ent.kind == "organization" and (ent.name in cues.authorities or is_authority(ent.name)):
            out_of.append(ent)
            continue
        if is_source(ent.name) or _DATELINE.match(text[:ent.start]) and text[ent.end:ent.end + 1] == ")":
            continue            # "PARIS (AFP) -": the agency of the dateline
        before = text[max(0, ent.start - 40):ent.start]
        named_by = re.search(rf"(?:{source.pattern})\s+(?P<rest>(?:(?:la|le|el|los|las|les|the|l['’])\s*)?(?:{_W}+\s+){{0,2}})$",
                             before, _I)
        if named_by and not any(ent.start - len(before) + named_by.start("rest") <= o.start and o.end <= ent.start
                                for o in entities if o is not ent):
            continue            # (not the name after the source's own: "a survey by Atlas giving Alegre 34%")
        if ent.kind != "person" and source_after.match(text, ent.end):
            continue            # "an Ipsos exit poll": the pollster

        if ent.kind == "person" and relational.search(before):
            continue
        if ent.kind == "person" and len(ent.name.split()) == 1 and role_of.search(before):
            continue            # "la candidata de Morena": a party the model took for a person
        if ent.kind == "person" and not cues.persons_first and (party_of.search(before) or any(
                o.end <= ent.start and PARTY_THEN_ITS_PERSON.fullmatch(text, o.end, ent.start) for o in orgs)):
            continue            # "l'Alliance démocratique (AD) de Luís Montenegro": the party's figure, not its leader's
        if ent.kind == "organization" and any(
                p.kind == "person" and role_after.fullmatch(text, ent.end, p.start) for p in entities if p.start > ent.end):
            out_of.append(ent)  # "Liberal Party candidate Yani Rosenthal": the candidate's figure, not the party's
            continue
        if ent.kind == "organization" and (role_of.search(before) or (
                out_of and re.fullmatch(r"\s*\(\s*", text[out_of[-1].end:ent.start]))):
            out_of.append(ent)  # "el líder de Acción Democrática Nacional (ADN) obtuvo": the leader's figure
            continue
        if re.match(r"^(?:['’]s?)\s+(?-i:[A-ZÀ-Ý])", text[ent.end:ent.end + 4]) or (
                ent.kind == "person" and any(o.start > ent.end and PERSON_THEN_ITS_PARTY.fullmatch(text, ent.end, o.start)
                                             for o in orgs)):
            continue            # "Pedro Sanchez' Socialists", "Macron's centrist Ensemble": a party's owner
        out.append(ent)
    out += unnamed
    for m in members:
        if not any(r.start < m.end and m.start < r.end for r in out):
            out.append(m)
    if cues.plebiscite or _option_frame(lang).search(text):
        out += _option_mentions(text, lang, out)
    for m in V.regex(V.OTHER_CANDIDATES, lang).finditer(text):
        if not any(r.start < m.end() and m.start() < r.end for r in out):
            out.append(EntityRef(m.start(), m.end(), "group", V.OTHER_CANDIDATES_NAME))
    return sorted(out, key=lambda r: r.start)


def _party_members(text: str, lang: str, refs: list[EntityRef]) -> list[EntityRef]:
    """Parties named by their members ("los populares habrían obtenido", "the Social Democrats"),
    as `@party:<word>` until the corpus pass finds the party; not where the party is named
    ("les conservateurs de la CDU")."""
    out: list[EntityRef] = []
    for pattern in (*V.PARTY_MEMBERS.get(lang, ()), _party_family_pattern(lang)):
        for m in re.finditer(pattern, text, _I):
            s, e = m.span("m")
            named = re.match(r"\s+(?:de|du|del|des|of)\s+(?:(?:la|le|el|the|l['’])\s*)?", text[e:])
            if named and any((r.kind == "organization" or r.kind == "place" and r.place_type is None)
                             and r.start == e + named.end() for r in refs):
                continue        # (a "place" no gazetteer knows is a party the model mistook)
            if not V.regex(V.POPULATION, lang).fullmatch(m.group("m")) and not any(
                    r.start < e and s < r.end for r in refs + out):
                owner = _party_owner(text, s, e, refs)
                out.append(EntityRef(s, e, "organization", f"@party:{m.group('m').casefold()}"
                                                           + (f"@{owner.name}" if owner else "")))
    return out


# A party and the person it belongs to: "Merz's conservatives", "Pedro Sanchez' Socialists" (the
# person first, lowercase words between); "l'Alliance démocratique (AD) de Luís Montenegro", "los
# socialdemócratas del canciller Olaf Scholz" (the party first).
PERSON_THEN_ITS_PARTY = re.compile(r"['’]s?(?:\s+(?-i:[a-z])[\w-]*){0,3}\s+")
PARTY_THEN_ITS_PERSON = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(?:de|del|of|du|d['’])\s*"
                                   r"(?:(?:el|la|le|the|l['’])\s*)?(?:(?-i:[a-zà-ÿ])[\w-]*\s+){0,2}", _I)


def _party_owner(text: str, start: int, end: int, refs: list[EntityRef]) -> EntityRef | None:
    """The person of `refs` the party at [start, end) belongs to: "Friedrich Merz's conservatives",
    "los socialdemócratas del canciller Olaf Scholz", "la Ligue de Matteo Salvini" (a model's span
    may hold the possessive: "Silvio Berlusconi's")."""
    def before(r: EntityRef) -> bool:
        own = r.end - 2 if text[r.end - 2:r.end] in ("'s", "’s") else r.end
        return r.end <= start and bool(PERSON_THEN_ITS_PARTY.fullmatch(text, own, start))

    return next((r for r in refs if r.kind == "person" and (
        before(r) or r.start >= end and PARTY_THEN_ITS_PERSON.fullmatch(text, end, r.start))), None)


@lru_cache(maxsize=8)
def _party_family_pattern(lang: str) -> str:
    """ "los socialdemócratas", "les Verts", "Carney's Liberals": a party family's plural after
    its article or a possessive."""
    from .entities import lexicon_words

    families = "|".join(sorted((re.escape(w) for w in lexicon_words("party_families", lang)), key=len, reverse=True))
    return rf"(?:(?<![^\W_])(?:los|las|les|the)\s+|(?<=['’]s\s))(?P<m>{families or '(?!)'})(?![^\W_])"


def _unrecognized_people(text: str, lang: str, entities: list[EntityRef], cues: DocumentCues,
                         role_names: list[tuple[int, int, str]]) -> list[EntityRef]:
    """People the model did not mark in this sentence: the surname alone of someone the report
    names in full ("compared with 27.5% for Alegre"), and a name of two or three capitalized words
    right after a role ("el liberal Yani Rosenthal", "del oficialista Nasry Asfura"), from
    `role_names`, the sentence's `_role_names`."""
    found: list[EntityRef] = []

    def free(s: int, e: int) -> bool:
        return not any(r.start < e and s < r.end for r in entities + found)

    surnames: dict[str, set[str]] = {}
    for name in cues.people:
        if len(name.split()) > 1:
            surnames.setdefault(name.split()[-1], set()).add(name)
    for surname, names in sorted(surnames.items()):
        if len(names) != 1 or len(surname) < 3:
            continue
        at = text.find(surname)
        while at >= 0:
            e = at + len(surname)
            if (at == 0 or not text[at - 1].isalnum()) and (e == len(text) or not text[e].isalnum()) and free(at, e):
                found.append(EntityRef(at, e, "person", next(iter(names))))
            at = text.find(surname, e)
    for s, e, name in role_names:
        if free(s, e):
            found.append(EntityRef(s, e, "person", name))
    return found


def _role_names(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Names of two or three capitalized words right after a role ("el liberal Yani Rosenthal",
    "challenger Efrain Alegre"), not a party's nor a body's ("the Republican Party")."""
    out = []
    for m in _role_then_name(lang).finditer(text):
        s, e = m.span("n")
        name = m.group("n")
        if not is_authority(name) and not is_source(name) and not V.regex(V.PARTY_NOUNS, lang).search(name) \
                and not any(w.casefold() in _NOT_TITLE_WORDS | _ARTICLES for w in name.split()):
            out.append((s, e, name))
    return out


@lru_cache(maxsize=8)
def _role_noun(lang: str) -> re.Pattern:
    """One word that is a role ("candidate", "líder"), to fullmatch a token."""
    return re.compile(V.alternation(V.ROLE_NOUNS, lang), _I)


@lru_cache(maxsize=8)
def _role_between(lang: str) -> re.Pattern:
    """Only a role between a party and a person ("Liberal Party candidate Yani Rosenthal")."""
    return re.compile(rf"\s+(?:{V.alternation(V.ROLE_NOUNS, lang)})\s+", _I)


@lru_cache(maxsize=8)
def _role_then_name(lang: str) -> re.Pattern:
    name = r"(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+){1,2})"
    return re.compile(rf"(?<![^\W_])(?:{V.alternation(V.ROLE_NOUNS, lang)})\s+(?P<n>{name})(?![\w-])", _I)


# "PARIS (AFP) —", "BOGOTÁ, 20 jun (Reuters) -": a dateline's city and date before its agency.
_DATELINE = re.compile(r"^\s*(?-i:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]+)(?:,[^()]{0,30})?\s*\($")
_ARTICLES = frozenset("the a an el la los las le les l un una une del al du des".split())
_ACRONYM_IN_PARENS = re.compile(r"\((?-i:([A-ZÀ-Ý][A-ZÀ-Ý-]{1,7}))\)")


def _unnamed_parties(text: str, lang: str, entities: list[EntityRef]) -> list[EntityRef]:
    """Parties the model did not mark: an acronym in parentheses ("the Socialists (PS) on 28.7 %")
    and a capitalized name beside a party noun ("the far-right Chega party", "el partido Vox")."""
    found = []
    party = V.alternation(V.PARTY_NOUNS, lang)
    name = r"(?-i:[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?)"
    patterns = [_ACRONYM_IN_PARENS, re.compile(rf"(?<![^\W_])(?:{party})\s+(?:{_W}+\s+){{0,2}}?(?P<n>{name})", _I)]
    # a party's position word before a name that then takes a figure: "centre-right Ciudadanos
    # slumped to 6.8 %", "l'ultradroite Vox obtient 15 %"
    described = re.compile(rf"(?<![^\W_])(?P<q>[\w-]+)\s+(?P<n>{name})\s+(?=(?:{_LINK_VERBS})(?![^\W_]))", _I)
    patterns.append(described)
    if lang == "en":        # English puts the name first: "the far-right Chega party"
        patterns.append(re.compile(rf"(?P<n>{name})\s+(?:{party})(?![^\W_])", _I))
    for pattern in patterns:
        if pattern is described:
            found += [EntityRef(*m.span("n"), "organization", m.group("n")) for m in pattern.finditer(text)
                      if is_leaning(m.group("q"), lang) and not describes_party(m.group("n").split()[0], lang)
                      and not any(r.start < m.end("n") and m.start("n") < r.end for r in entities + found)]
            continue
        for m in pattern.finditer(text):
            g = 1 if pattern is _ACRONYM_IN_PARENS else "n"
            s, e = m.span(g)
            if pattern is patterns[-1] and lang == "en":
                if re.search(r"(?-i:[A-Z])[\w-]+\s+(?:for|of|and|the)\s+$", text[max(0, s - 30):s]):
                    continue    # "Together for [Change] coalition": the tail of a longer name
                e = m.end()     # "the far-right Chega party": the name with its noun, so a link after it ties
            if any(r.start < e and s < r.end for r in entities + found) or is_authority(m.group(g)) \
                    or is_source(m.group(g)) or _DATELINE.match(text[:s]) or describes_party(m.group(g).split()[0], lang) \
                    or m.group(g).split()[0].casefold() in _NOT_TITLE_WORDS | _ARTICLES:
                continue
            found.append(EntityRef(s, e, "organization", m.group(g)))
    return found


@lru_cache(maxsize=None)
def _option_frame(lang: str) -> re.Pattern:
    """ "la opción «En contra»", "the 'Yes' campaign": a side named as such."""
    sides = "|".join(V.alternation(t, lang) for t in V.OPTION_SIDE_WORDS.values())
    frames = V.alternation(V.OPTION_FRAMES, lang)
    return re.compile(rf"(?<![^\W_])(?:{frames})\s+(?:(?:del|de|du|of|the)\s+)?[«\"“'‘]\s*(?:{sides})\s*[»\"”'’]|"
                      rf"[«\"“'‘]\s*(?:{sides})\s*[»\"”'’]\s+(?:{frames})", _I)


@lru_cache(maxsize=16)
def _quoted_option(side: str, lang: str) -> re.Pattern:
    words = "|".join(V.alternation(t[side], lang) for t in (V.OPTION_SIDES, V.OPTION_SIDE_WORDS))
    return re.compile(rf"[«\"“‘]\s*(?:{words})\s*[»\"”’]", _I)


def _quotes_both_sides(text: str, lang: str) -> bool:
    """'78 % voted "Approve" and 22 % "Reject"', « oui » ... « non »: a vote between two options,
    though the report never names it a plebiscite."""
    return all(_quoted_option(side, lang).search(text) for side in V.OPTION_SIDES)


def _option_mentions(text: str, lang: str, taken: list[EntityRef]) -> list[EntityRef]:
    """A plebiscite's sides named in the sentence: a label or a word of its stem ("el Rechazo",
    "the rejection camp", "37 % de aprobación", "a massivement rejeté"), as `@yes` / `@no`
    until the corpus pass names them with the label the reports use."""
    out = []
    for side, table in V.OPTION_SIDES.items():
        for m in V.regex(table, lang).finditer(text):
            if any(r.start < m.end() and m.start() < r.end for r in taken + out):
                continue
            out.append(EntityRef(m.start(), m.end(), "option", f"@{side}"))
    frames = V.alternation(V.OPTION_FRAMES, lang)
    for side, table in V.OPTION_SIDE_WORDS.items():
        bare = V.alternation(table, lang)
        pattern = re.compile(rf"(?:(?:{frames})\s+(?:(?:del|de|du|of|the)\s+)?[«\"“']?\s*(?P<a>{bare})(?![^\W_])|"
                             rf"[«\"“']\s*(?P<b>{bare})\s*[»\"”']|"
                             # "el No se impuso", "le Oui l'emporte", "the Yes side": a capital after an article
                             rf"(?<![^\W_])(?:el|le|the|del|du|al|au)\s+(?P<c>(?=(?-i:[A-ZÀ-Ý]))(?:{bare}))(?![^\W_]))", _I)
        for m in pattern.finditer(text):
            g = next(k for k in ("a", "b", "c") if m.group(k))
            s, e = m.span(g)
            if not any(r.start < e and s < r.end for r in taken + out):
                out.append(EntityRef(s, e, "option", f"@{side}"))
        for m in _side_noun(side, lang).finditer(text):
            s, e = m.span("s")
            if not any(r.start < e and s < r.end for r in taken + out):
                out.append(EntityRef(s, e, "option", f"@{side}"))
    return out


@lru_cache(maxsize=16)
def _side_noun(side: str, lang: str) -> re.Pattern:
    """ "le non devançait le oui", "el sí obtuvo": a side word the press writes as a noun, in lower
    case after its article (a referendum's report only: elsewhere it is just a word)."""
    articles, words = V.alternation(V.SIDE_ARTICLES, lang), V.words(V.SIDE_NOUNS[side], lang)
    if not words or not articles:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![^\W_])(?:{articles})\s+(?P<s>{'|'.join(words)})(?![\w-])", _I)


# ------------------------------------------------------------------ what a percentage is of
def _is_counting(text: str, start: int, end: int, lang: str) -> bool:
    """The share of the count: "tras el conteo del 92 %", "après le décompte de 92,64 %",
    "contabilizar el 100 %", "92 % des bulletins dépouillés", "with 97% of the ballots counted",
    "el 97 % escrutado", "98.09% vote count"."""
    before = text[max(0, start - 70):start]
    qualifier = V.alternation({k: sum((t[k] for t in V.QUALIFIERS.values()), []) for k in V.LANGUAGES}, lang)
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.COUNTING_BEFORE, lang)})\s+(?:(?:{V.alternation(V.COUNTING_LINK_BEFORE, lang)})\s*)*"
                 rf"(?:(?:{qualifier})\s+)?(?:(?:el|la|le|les|the|un|a|al|del)\s+)?$", before, _I):
        return True
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.COUNTED_AFTER, lang)}|{V.alternation(V.COUNTING_BEFORE, lang)})"
                 rf"(?![^\W_])(?:[^.;%]|\.(?=\d)){{0,50}}(?:{V.alternation(V.EQUIVALENT_TO, lang)})\s*(?:(?:al|el|à|a|the|le)\s+)?$",
                 before, _I):
        return True         # "38.526 mesas escrutadas de un total de 38.757, correspondientes al 99,40 %"
    after = text[end:end + 70]
    nouns, participles = V.alternation(V.COUNTED_NOUNS, lang), V.alternation(V.COUNTED_AFTER, lang)
    if re.match(rf"^\s*(?:del|de|du|of)\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+)?(?:{V.alternation(V.COUNTING_BEFORE, lang)})(?![^\W_])",
                after, _I):
        return True         # "al 90 % del escrutinio", "at 95% of the count", "93% of the preliminary count"
    if re.match(rf"^\s*(?:de|del|des|of|d['’])\s*(?:(?:las|los|la|les|the|el|l['’])\s*)?(?:{V.alternation(V.COUNT_UNITS, lang)})"
                rf"(?![^\W_])", after, _I):
        return True         # "con el 99,28 % de las mesas", "portant sur 99,28 % des bureaux de vote"
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.RESULTS_BASED_ON, lang)})\s+(?:(?:el|la|le|les|the|un|a|al|del)\s+)?$",
                 before, _I) and re.match(rf"^\s*(?:de|del|des|of|d['’])\s*(?:(?:las|los|la|les|the|el|l['’])\s*)?"
                                          rf"(?:{nouns})(?![^\W_])", after, _I):
        return True         # "résultats partiels portant sur 90 % des bulletins"
    # ("de las juntas receptoras escrutadas": a counting participle after any short noun phrase)
    return bool(re.match(
        rf"^\s*(?:(?:de|del|des|of|d['’])\s*(?:(?:las|los|la|le|les|the|el|l['’])\s*)?"
        rf"(?:(?:{_W}+\s+){{0,2}}?(?:{nouns})\s+(?:(?:de|of)\s+(?:vote|votes|voto)\s+)?|(?:{_W}{{3,}}\s+){{1,2}})"
        rf"|(?:of\s+the\s+)?)(?:{participles})(?![^\W_])", after, _I))


def _stage_words(text: str, lang: str) -> str | None:
    if V.regex(V.FINAL_COUNT, lang).search(text):
        return "final"
    if V.regex(V.PARTIAL_COUNT, lang).search(text):
        return "partial"
    return None


def _qualifier(text: str, start: int, end: int, lang: str) -> str | None:
    before = text[max(0, start - 40):start]
    best = None
    for name, table in V.QUALIFIERS.items():
        m = re.search(rf"(?<![^\W_])(?:{V.alternation(table, lang)})\s*(?:(?:el|la|le|les|the|un|una|a|an|al|del|de|d['’])\s*)?$",
                      before, _I)
        if m and name in ("upper_bound", "lower_bound") and re.search(
                rf"(?<![^\W_])(?:{V.alternation(V.LEVEL_VERBS, lang)})\s+$", text[max(0, start - 70):start - len(before) + m.start()], _I):
            continue        # "se hundieron hasta el 16,4 %": the level it fell to
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best:
        return best[1]
    if re.match(rf"^\s*[-–—(,]?\s*(?:{V.alternation(V.APPROXIMATE_AFTER, lang)})(?![^\W_])", text[end:end + 25], _I):
        return "approximate"
    return None


_ATTACHED_AFTER = re.compile(r"^[\s,;:()\-–—]*(?:(?:de|del|des|du|of|en|in|d['’])\s*)?"
                             r"(?:(?:los|las|les|la|le|el|the|l['’]|sus|ses|their)\s*)?(?:\w+\s+)?$", _I)


_NEW_ITEM = re.compile(r"(?<![^\W_])(?:y|e|et|and|o|u|ou|or|ni|los|las|les|la|le|el|the|a|an|un|una|une)(?![^\W_])", _I)


def _attached(between: str) -> bool:
    """Whether words between a figure and a cue after it leave the cue the figure's own: "de los
    votos", ", nulos", ", ont été déclarés nuls"; not a next item ("y los blancos")."""
    return bool(_ATTACHED_AFTER.match(between)) or (
        len(between.split()) <= 4 and not _NEW_ITEM.search(between.replace("del ", "de ")))


def _cue_distance(text: str, pattern: re.Pattern, lo: int, hi: int, start: int, end: int) -> float | None:
    """How far the nearest cue is from the figure: one before it, or one after it that belongs to
    it ("1,46 %, nulos", "58 % de los votos"); not one that begins the next item ("3,7 % y los
    blancos el 1,4 %")."""
    best = None
    for m in pattern.finditer(text, lo, hi):
        if m.start() < end and start < m.end():
            continue
        if m.start() >= end and not _attached(text[end:m.start()]):
            continue
        d = start - m.end() if m.end() <= start else (m.start() - end) * 1.5
        best = d if best is None else min(best, d)
    return best


def _window(text: str, start: int, end: int, percents) -> tuple[int, int]:
    """The clause around a percentage, cut at the neighbouring percentages: its cues are its own."""
    c_start, c_end = _clause(text, start, end)
    nxt = min((s for s, _ in percents if s >= end), default=len(text))
    prev = max((e for _, e in percents if e <= start), default=0)
    return max(c_start, prev), min(c_end, nxt)


def _rule_scope(text: str, start: int, end: int, percents) -> tuple[int, int]:
    """Where a rule's words make a figure a rule: its clause up to the comma after the figure
    ("had won 46 % in the first round, short of the majority needed": the majority is the rule),
    or, when the clause holds other figures, its part between commas ("X obtuvo un 4,2 %, por
    debajo del umbral del 5 %": the threshold is the 5 %, the 4,2 % is X's); a part that offers
    another figure ("needs 45 %, or 40 % with a 10-point lead") is the rule's still."""
    c_start, c_end = _clause(text, start, end)
    right = text.find(",", end, c_end)
    right = right if right >= 0 else c_end
    if not any(c_start <= s < c_end and (s, e) != (start, end) for s, e in percents):
        return c_start, right
    left = text.rfind(",", c_start, start)
    if left >= 0 and _ALTERNATIVE.match(text, left + 1, start):
        left = text.rfind(",", c_start, left)
    return (left + 1 if left >= 0 else c_start), right


# "…, or 40 % with a lead", "…, o el 40 %", "…, ou 40 %": another figure of the same rule
_ALTERNATIVE = re.compile(r"\s*(?:or|o|u|ou)\s", _I)


def _attribute(text: str, start: int, end: int, percents, lang: str, unit: str, cues: DocumentCues,
               official: bool = False) -> str | None:
    """What the figure is of, from the cues around it; None when nothing says (the subject and
    the sentence decide). "rule" and "contest_other" are "other" figures of the whole contest."""
    lo, hi = _window(text, start, end, percents)
    polls = [V.regex(V.POLL_CUES, lang)] + ([] if official else [V.regex(V.PROJECTION_CUES, lang)])
    sentence_poll = _polled(text, polls, lang, 0, len(text))
    clause_poll = _polled(text, polls, lang, *_clause(text, start, end))
    if V.regex(V.QUICK_COUNT_SAMPLE, lang).search(text, lo, hi) and sentence_poll:
        return "quick_count_sample_processed"
    if V.regex(V.NORMATIVE_CUES, lang).search(text, *_rule_scope(text, start, end, percents)):
        return "rule"
    if unit == "points":
        change = _cue_distance(text, V.regex(V.CHANGE_CUES, lang), lo, hi, start, end)
        margin = _cue_distance(text, V.regex(V.MARGIN_CUES, lang), lo, hi, start, end)
        if change is not None and (margin is None or change < margin):
            return "other"
        results_said = V.regex(V.FINAL_COUNT, lang).search(text, *_clause(text, start, end))
        return "poll_margin_pp" if clause_poll or (sentence_poll and margin is None and not results_said) else "margin_pp"
    before = text[max(lo, start - 60):start]
    qualifier, article = _qualifier_words(lang), r"(?:(?:el|la|le|un|una|a|an|the)\s+)?"
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.MARGIN_NOUNS, lang)})(?:\s+{_W}+){{0,2}}?\s+"
                 rf"(?:{V.alternation(V.MARGIN_LINKS['noun'], lang)})\s*(?:(?:{qualifier})\s+)?{article}$", before, _I) or \
            re.search(rf"(?<![^\W_])(?:{V.alternation(V.MARGIN_VERBS, lang)})(?:\s+{_W}+){{0,4}}?\s+"
                      rf"(?:{V.alternation(V.MARGIN_LINKS['verb'], lang)})\s+(?:(?:{qualifier})\s+)?{article}$", before, _I):
        return "poll_margin_pp" if clause_poll else "margin_pp"
    # "up from 7.2 %": an earlier level, nobody's current share (with its year said, that year's)
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.EARLIER_LEVEL, lang)})\s+(?:(?:el|la|le|un|the)\s+)?$", before, _I):
        return None if re.match(r"^\s*(?:in|en|de|del|of)\s+(?:19|20)\d\d", text[end:end + 12], _I) else "other"
    # a change ("cayó un 1,5 %", "a reculé de 1,5 %", "fell 1.5%"), not a level ("cayó al 28 %", "fell to 30%")
    if re.search(rf"(?<![^\W_])(?:{V.alternation(V.CHANGE_CUES, lang)})(?:\s+(?:{V.alternation(V.CHANGE_LINKS, lang)}))?"
                 rf"\s+(?:(?:{qualifier})\s+)?$", before, _I):
        return "other"
    if V.regex(V.CONTEST_OTHER_CUES, lang).search(text, lo, hi):
        return "contest_other"
    scores: dict[str, float] = {}
    for name in ("turnout", "abstention", "blank_votes", "null_votes", "approval", "vote_share"):
        if name == "approval" and cues.plebiscite:
            continue            # a plebiscite's "aprobación" is a side, not a rating
        d = _cue_distance(text, _attribute_regex(name, lang), lo, hi, start, end)
        if d is not None:
            scores[name] = d
    if _turnout_phrase(text, start, end, lang, V.ABSTENTION_VERBS):
        scores["abstention"] = -2
    elif _turnout_phrase(text, start, end, lang) or re.search(
            rf"(?<![^\W_])(?:{V.alternation(V.TURNOUT_VERBS, lang)})\s+(?:(?:{_qualifier_words(lang)})\s+)?"
            rf"(?:(?:el|la|un|le|the|a)\s+)?$", text[max(lo, start - 50):start], _I):
        scores["turnout"] = -1          # "una votación en la que participó el 59,97 % del censo"
    if "vote_share" in scores and len(scores) > 1:
        del scores["vote_share"]    # "votos nulos ... el 5,8 % del total de votos": the nulls
    if "blank_votes" in scores and "null_votes" in scores and abs(scores["blank_votes"] - scores["null_votes"]) < 15:
        return "contest_other"      # "les votes blancs et nuls représentent 8,6 %": both together
    if not scores:
        return "poll_share" if clause_poll else None        # decided with the subject and the sentence
    attribute = min(scores, key=lambda k: (scores[k], k))
    if attribute == "vote_share" and (clause_poll or (sentence_poll and not _result_words(text, lang))):
        return "poll_share"
    return attribute


def _polled(text: str, polls: list[re.Pattern], lang: str, lo: int, hi: int) -> bool:
    """Whether a poll is a source of the figures between lo and hi: not one they are measured
    against ("27,4 %, bien en deçà de ce que prédisaient les sondages", "better than polls predicted")."""
    yardstick = _yardstick(lang)
    return any(not yardstick.search(text, max(0, m.start() - 60), m.start())
               for p in polls for m in p.finditer(text, lo, hi))


@lru_cache(maxsize=8)
def _yardstick(lang: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{V.alternation(V.POLL_YARDSTICK, lang)})(?:\s+[\w'’-]+){{0,4}}\s+$", _I)


def _elliptic(text: str, start: int, lang: str) -> bool:
    return bool(re.search(rf"(?<![^\W_])(?:{V.alternation(V.ELLIPTIC_COMPARISON, lang)})(?:\s+{_W}+){{0,5}}\s*[(,:]?\s*$",
                          text[max(0, start - 60):start], _I))


def _qualifier_words(lang: str) -> str:
    return "|".join(V.alternation(t, lang) for t in V.QUALIFIERS.values())


def _result_words(text: str, lang: str) -> bool:
    return bool(V.regex(V.FINAL_COUNT, lang).search(text) or V.regex(V.COUNTING_BEFORE, lang).search(text)
                or V.regex(V.COUNTED_AFTER, lang).search(text))


def _attribute_regex(name: str, lang: str) -> re.Pattern:
    return V.regex(V.ATTRIBUTE_CUES[name], lang)


def _turnout_phrase(text: str, start: int, end: int, lang: str, verbs_table=V.TURNOUT_VERBS) -> bool:
    """ "el 89,4 % de los electores votó", "près de 90 % des électeurs se sont rendus aux urnes",
    "74.663% of citizens took part", "18,8 millones (74,5 %) votaron": part of the voters voted.
    Not "el 55 % de los electores votó por X" (that is X's share). With ABSTENTION_VERBS, the
    part that did not ("20 % des électeurs ne se sont pas déplacés")."""
    after = text[end:end + 110]
    m = _turnout_pattern(lang, verbs_table is V.ABSTENTION_VERBS).match(after)
    if not m:
        return False
    return not _vote_choice(lang).match(after, m.end())


@lru_cache(maxsize=8)
def _vote_choice(lang: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{V.alternation(V.VOTE_CHOICE_LINKS, lang)})(?![^\W_])", _I)


@lru_cache(maxsize=16)
def _turnout_pattern(lang: str, abstention: bool) -> re.Pattern:
    """Part of the voters, counted or not ("des 4,8 millions d'électeurs inscrits", "of the 6.1
    million registered voters"), then a verb of voting (or, for abstention, of not voting)."""
    verbs = V.alternation(V.ABSTENTION_VERBS if abstention else V.TURNOUT_VERBS, lang)
    counted = rf"(?:\d[\d.,\s\u00a0]*\s*(?:(?:{V.alternation(V.SCALE_WORDS, lang)})\s*)?(?:(?:de|of|d['’])\s*)?)?"
    return re.compile(rf"^\s*\)?\s*(?:(?:de|des|del|of|d['’])\s*(?:(?:los|las|les|the|la|le|el|l['’])\s*)?{counted}"
                      rf"(?:{V.alternation(V.POPULATION, lang)})(?:\s+{_W}+){{0,2}}?\s+)?(?:(?:se|s['’])\s*)?(?:{verbs})(?![^\W_])", _I)


def _regional(text: str, start: int, end: int, refs: list[EntityRef], lang: str) -> bool:
    """A share in one region or city ("en regiones como Magallanes", "in Bogotá"): not the contest's."""
    c_start, c_end = _clause(text, start, end)
    if V.regex(V.REGIONAL_CUES, lang).search(text, 0, start):
        return True         # "en regiones como Magallanes, ... cercano al 60 % frente a 40 % del Apruebo"
    for r in refs:
        if r.kind == "place" and r.place_type in ("city", "region", "admin") and c_start <= r.start < c_end:
            if r.start >= end and not _PLACE_AFTER_FIGURE.fullmatch(text, end, r.start):
                continue        # "44,7 % pour le oui, selon les résultats annoncés à Édimbourg": where it was said
            before = text[max(c_start, r.start - 25):r.start]
            if re.search(r"(?<![^\W_])(?:en|in|dans|à|a|como|comme|such\s+as|like)\s+(?:(?:la|le|el|the|l['’])\s*)?$",
                         before, _I) and not _names_its_country(text, r, refs, lang):
                return True
            if r.end <= start and _place_won(lang).search(text, max(c_start, r.start - 30), r.start) \
                    and re.fullmatch(rf"\s*,?\s*(?:{V.alternation(V.WITH_LINK, lang)})\s+(?:(?:el|un|le|the|a)\s+)?", text[r.end:start], _I):
                return True     # "winning Pennsylvania with 50.4%", "se impuso en Pensilvania con el 50,4 %"
            if r.end <= start and _place_voted(lang).match(text, r.end, start) \
                    and re.fullmatch(rf"\W*(?:(?:{V.alternation(V.CLAUSE_OPENERS, lang)})\s+)?(?:(?:la|le|el|the|l['’])\s*)?",
                                     text[c_start:r.start], _I):
                return True     # "Glasgow backed Yes with 53.5%", "Lima votó por X con 60 %": that city's vote
    return False


# "61 % in Bogotá", "58 % de los votos en Lima": a place right after its figure (nothing but the vote
# noun between them).
_PLACE_AFTER_FIGURE = re.compile(r"\s*(?:(?:de|des|du|of)\s+(?:(?:los|las|les|la|le|el|the|l['’])\s*)?"
                                 r"(?:votos?|voix|suffrages|sufragios|votes?|ballots)\s+)?"
                                 r"(?:en|in|dans|à|a)\s+(?:(?:la|le|el|the|l['’])\s*)?", _I)


@lru_cache(maxsize=8)
def _place_won(lang: str) -> re.Pattern:
    """A contestant's win of one place, before its name: "winning [Pennsylvania]", "ganó en [Lima]"."""
    return re.compile(rf"(?<![^\W_])(?:{V.alternation(V.PLACE_WON, lang)})\s+(?:(?:en|in|dans|à|a)\s+)?"
                      rf"(?:(?:la|le|el|the|l['’])\s*)?$", _I)


@lru_cache(maxsize=8)
def _place_voted(lang: str) -> re.Pattern:
    """A place's vote, after its name: "[Glasgow], the country's largest city, backed ...", "[Lima] votó por"."""
    return re.compile(rf"\s*(?:,[^,;:%]{{1,80}},\s*|\s)(?:{_W}+\s+){{0,1}}(?:{V.alternation(V.PLACE_VOTED, lang)})(?![^\W_])", _I)


@lru_cache(maxsize=8)
def _of_country(lang: str) -> re.Pattern:
    return re.compile(rf"\s+(?:{V.alternation(V.COUNTRY_NOUNS, lang)})\s+(?:of|de|du|del|d['’])\s*"
                      rf"(?:(?:the|la|le|el|l['’])\s*)?", _I)


def _names_its_country(text: str, place: EntityRef, refs: list[EntityRef], lang: str) -> bool:
    """ "in the Pacific territory of New Caledonia", "in the Andean nation of Peru": a region that
    only places the country named right after it, the whole electorate's ("in the Amazon region
    of Peru" stays a region)."""
    return any(r.kind == "place" and r.place_type == "country" and place.end < r.start <= place.end + 40
               and _of_country(lang).fullmatch(text, place.end, r.start) for r in refs)


@lru_cache(maxsize=8)
def _month_words(lang: str) -> str:
    """The months of a language as an alternation, each with its "de" ("en septembre 2022", "en septiembre de 2022")."""
    from .dates import MONTHS

    return rf"(?:{'|'.join(sorted(MONTHS.get(lang, {}), key=len, reverse=True)) or '(?!)'})\s+(?:de\s+)?"


# ", who had won the first round with 41%,", ", qui avait obtenu 41 % au premier tour,": a relative
# clause between commas, about its own figure.
_RELATIVE_INCISE = re.compile(rf",\s*(?:{_RELATIVE})\s[^,;]{{3,160}}(?:,|(?=[.;]|$))", _I)
_ANOTHER_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:%|per\s?cent|percent|por\s*ciento|pour\s*cent)", _I)

# What stands between a figure and the round or primary it is of: "with 15.5% in the June first
# round", "47,7 % de los votos en las primarias", "46 % au premier tour".
_FRAMED_AFTER = re.compile(rf"\s*(?:(?:of\s+the\s+votes?|de\s+los\s+votos|des\s+voix|des\s+suffrages)\s+)?"
                           rf"(?:(?:in|at|en|au|à|dans|durante|lors\s+d[eu]s?)\s+)?(?:(?:the|las|los|la|le|les|el|l['’])\s*)?"
                           rf"(?:{_W}+\s+)?", _I)
# A sentence that opens on a time frame ("En las primarias de agosto, ...", "In the primary, ..."):
# what it says is of that time.
_OPENING_FRAME = re.compile(rf"\W*(?:en|in|at|dans|lors\s+d[eu]s?|aux?|durante)\s+(?:{_W}+\s+){{0,2}}", _I)


def _context(text: str, start: int, end: int, lang: str) -> str | None:
    """What the words say of the figure's contest: its round, or an earlier election's year."""
    ctx = {}
    c_start, c_end = _clause(text, start, end)
    rounds = []
    incises = [m.span() for m in _RELATIVE_INCISE.finditer(text)]
    for number, table in V.ROUND_CUES.items():
        for m in V.regex(table, lang).finditer(text):
            if any(a <= m.start() < b and not a <= start < b for a, b in incises):
                continue        # "Simion, who had won the first round with 41%, took 46.4%": the incise's
            inside = c_start <= m.start() < c_end
            if m.start() >= end and _CONTRAST.search(text, end, m.start()) and _ANOTHER_FIGURE.search(text, end, m.start()):
                continue        # "68,5 %, contre 72,1 % au premier tour": the round is the other figure's
                                # (a round named first frames them all: "Au premier tour, ... tandis que ...")
            rounds.append((not inside, abs(m.start() - start), number))
    after = text[end:end + 45]
    for number, table in V.ROUND_CUES.items():
        m = V.regex(table, lang).search(after)
        if m and _FRAMED_AFTER.fullmatch(after, 0, m.start()):
            rounds = [(False, -1, number)]      # "with 15.5% in the June first round": that round's, whatever else
            break
    if rounds:
        ctx["round"] = min(rounds)[2]
    # "En las primarias de agosto, X había obtenido el 47 %", "47% in the August primary": a
    # primary's figure (another contest, unless the report is about the primary)
    primary = V.regex(V.CONTEST_KINDS["primary"], lang)
    # (in the figure's own part of the sentence, or framing the sentence: not "Tras ganar las
    # primarias, X obtuvo el 48 %")
    if any(c_start <= m.start() and text.rfind(",", 0, start) < m.start() or _OPENING_FRAME.fullmatch(text, 0, m.start())
           for m in primary.finditer(text, 0, start)) or (
            (m := primary.search(after)) and _FRAMED_AFTER.fullmatch(after, 0, m.start())):
        ctx["kind"] = "primary"
    comparison = V.alternation(V.COMPARISON_BEFORE_YEAR, lang)
    nouns = V.alternation(V.ELECTION_NOUNS, lang)
    elected = V.alternation(V.ELECTED, lang)
    years = []
    for m in _YEAR.finditer(text, c_start, c_end):
        before = text[max(c_start, m.start() - 40):m.start()]
        if re.search(rf"(?<![^\W_])(?:{comparison})(?:\s+{_W}+){{0,3}}\s*$", before, _I) \
                and not re.search(r",\s*qu(?:e\s+|['’])en\s*$", before, _I):
            continue        # ("más que en 2018" compares; "Bolsonaro, que en 2018 había ganado" tells)
        framed = m.end() <= start and re.search(rf"(?<![^\W_])(?:en|in)\s+(?:el\s+año\s+|{_month_words(lang)})?$",
                                                before, _I) and (
            not re.search(r"[,;:]", text[m.end():start]) or        # or the year opens the clause: "En septembre 2022, ..."
            re.fullmatch(rf"[\s\"«“(]*(?:en|in)\s+(?:el\s+año\s+|{_month_words(lang)})?", text[c_start:m.start()], _I))
        if framed and not _ANOTHER_FIGURE.search(text, m.end(), start):
            # "que en 2018 había ganado con el 55,1 %", "In 2018, X won 55.1%": that year's figure
            years.append((abs(m.start() - start), m.group(1)))
            continue
        if re.search(rf"(?<![^\W_])(?:{nouns})(?:\s+(?:de|del|of|en|in|du|des))?\s*$", before, _I) or \
                re.match(rf"^\s*(?:{nouns})", text[m.end():m.end() + 20], _I) or \
                re.search(rf"(?<![^\W_])(?:{elected})\s+(?:en|in|el\s+año|en\s+el\s+año)\s*$", before, _I):
            # "élu en 2018 avec 53,2 %", "elected in 2018 with 53.2%": that election's figure
            years.append((abs(m.start() - start), m.group(1)))
    attached = re.match(rf"^\s*(?:(?:against|in\s+favou?r|en\s+contra|a\s+favor)\s+)?(?:in|en|de|del|of|du|lors\s+de)\s+"
                        rf"(?:(?:the|l['’]|el)\s+)?(?:year\s+|año\s+|{_month_words(lang)})?"
                        r"((?:19|20)\d\d)(?![\d%])", text[end:end + 45], _I)
    if attached:        # "frente al 7,2 % de 2022", "up from 7.2% in 2022": that year's figure
        years = [(-1, attached.group(1))]
    if years:
        ctx["year"] = min(years)[1]
    return ";".join(f"{k}={v}" for k, v in sorted(ctx.items())) or None


# ------------------------------------------------------------------ whose percentage it is
def _place_subject(sent, text, start, end, refs, lang) -> str | None:
    """A whole-contest figure's own place when it is a region's or a city's ("turnout in
    Bogota"); None (the contest) otherwise. The cue word itself is never the subject."""
    places = [x for x in refs if x.kind == "place" and x.place_type in ("city", "region", "admin")]
    if not places:
        return None
    c_start, c_end = _clause(text, start, end)
    pool = [x for x in places if c_start <= x.start and x.end <= c_end
            and re.search(r"(?<![^\W_])(?:en|in|dans|à|a)\s+(?:(?:la|le|el|the|l['’])\s*)?$",
                          text[max(0, x.start - 12):x.start], _I)]
    return pool[0].name if pool else None


_CONTESTANTS = frozenset({"person", "organization", "option", "group"})


def _subject(sent, text, start, end, attribute, percents, refs, fallback, lang, cues) -> tuple[str | None, int]:
    """(subject, how strongly the words tie it: 1 the owner named after "de", 2 an agent or
    beneficiary after, 3 a name right before with a link verb, 4 the parse, 5 the nearest name in
    the clause, 6 the previous sentence's subject; 9 nobody)."""
    strict = attribute in VOTE_ATTRIBUTES or attribute == "approval"
    c_start, c_end = _clause(text, start, end)
    entities = list(refs)
    economic = attribute == "other" and bool(_ECONOMIC.search(text, c_start, c_end))
    if economic:
        # "the peso fell 1.5 %": not a person's share; a company or a country may own it
        entities = [x for x in entities if x.kind not in ("person", "option")]
    # A party is a contestant everywhere, a mistyped party ("Sumar" as LOC) too; a country or a
    # city the gazetteer knows is not.
    allowed = set(_CONTESTANTS) | ({"place"} if not strict else set())
    entities = [x for x in entities if x.kind in allowed or (x.kind == "place" and x.place_type is None)]
    if cues.persons_first and any(x.kind == "person" for x in entities):
        # a presidential race: an acronym beside a candidate is an institution or their party
        entities = [x for x in entities if not (x.kind == "organization" and re.fullmatch(r"[A-ZÀ-Ý]{2,8}", x.name))]
    if attribute in ("margin_pp", "poll_margin_pp"):
        beaten = re.compile(rf"(?<![^\W_])(?:{V.alternation(V.BEATEN_BEFORE, lang)})\s+"
                            rf"(?:(?:{V.alternation(V.RIVAL_NOUNS, lang)}|la|le|el|the|su|sa|son|his|her|l['’])\s*,?\s*){{0,3}}$", _I)
        entities = [x for x in entities if not beaten.search(text[max(0, x.start - 40):x.start])]
    if strict:
        entities = [x for x in entities if not _beaten_before_score(text, x, start, lang)
                    and not (_beaten(text, x, start, lang) and (_linked_before(text, start, [x]) is None or
                                                                  _bare_with(lang).fullmatch(text, x.end, start)))]
    if fallback and (economic or not (strict or _ELECTION_WORDS.search(text) or V.regex(V.POLL_CUES, lang).search(text)
                                      or _OBTAINED.search(text))):
        fallback = None
    kinds = {x.kind for x in entities}
    others = [(s, e) for s, e in percents if (s, e) != (start, end)]

    def clear(lo, hi):          # no other percentage between lo and hi
        return not any(lo < s < hi or lo < e <= hi for s, e in others)

    # 0) a side said right after its figure: "55.8% voting against the draft", "el 44,2 % a favor",
    # "el 56 % de los electores votó en contra" (before the population rule: the side says whose)
    if strict:
        for side in V.SIDE_AFTER_FIGURE:
            if _side_after(side, lang).match(text, end, end + 60):
                return f"@{side}", 1
    # 0a) a side quoted right after its figure, or after its figure's verb of voting: '21,7 %
    # « Rechazo »', '78% had voted "Approve"' (the label before the next figure is not this one's)
    if strict:
        quoted = _quoted_after(lang).match(text, end, end + 40)
        side = quoted and next((x for x in entities if x.start == quoted.end()), None)
        if side:
            return side.name, 1
    # 0b) a part of a population, not anyone's share: "40 % des électeurs de X", "30% of X's voters".
    # ("33 % del electorado" alone is whoever won it: the clause decides.)
    pop = _POPULATION_AFTER.match(text[end:])
    if pop and not any(w.casefold() in _NOT_TITLE_WORDS or _VOTE_NOUN.fullmatch(w) for w in pop.group(1).split()) \
            and (pop.group(1).strip() or re.match(r"^\s*(?:de|of|d['’])\s|^['’]s\b", text[end + pop.end():])):
        return None, 9
    # 1) the owner named right after: "el 47,3 % de Rodolfo Hernández", "47 % du candidat X".
    owner = next((x for x in entities if x.start >= end and x.kind in _CONTESTANTS), None)
    if owner and owner.start - end <= 80 and clear(end, owner.start) \
            and not re.match(r"['’]s\b", text[owner.end:owner.end + 3]):
        m = _SHARE_OF.match(text[end:owner.start])
        if m and not _NOT_OWNER.search(m.group(1)) \
                and not any(w.casefold() in _NOT_TITLE_WORDS for w in m.group(1).split()):
            return owner.name, 1
    # 1b) agent or beneficiary after the percentage: "obtenus par la candidate Jeannette Jara",
    # "contre 49,87 % des suffrages à sa rivale, Keiko Fujimori"; not across a clause break
    # ("..., followed by X with") nor a purpose ("para superar a X").
    after = text[end:]
    m = _AGENT_AFTER.match(after) or (lang == "fr" and _TO_RIVAL_AFTER.match(after))
    if m and any(x.start <= end + m.end() - 2 < x.end for x in refs):
        m = None                # a "for" inside a name ("Alternative for Germany"), no agent
    if m and _AND_OF.search(after, 0, m.end()) and "," in after[:m.end()]:
        m = None                # "31.6%, and by Y, with 14.4%": the next name of a list, not this figure's agent
    if m and not _AGENT_NOT.match(after[m.end():]) and not _INFINITIVE.match(after[m.end():]) \
            and not _CLAUSE_BREAK.search(after[:m.end()]) and not _AHEAD.search(after[:m.end()]) \
            and not V.regex(V.CHASED_BY, lang).search(after[:m.end()]):
        at = end + m.end()
        ent = next((x for x in entities if at <= x.start <= at + 45 and x.kind in _CONTESTANTS
                    and clear(end, x.start) and not re.search(r"[;.]", text[at:x.start])
                    and not _ANOTHER_LINK.search(text, at, x.start)), None)
        if ent:
            return ent.name, 2
    # 2) a named subject right before: "Jara obtuvo el 41 %", "Kast, con el 58 %", "Kast (58 %)",
    # "Carlos Mesa, de Comunidad Ciudadana (CC), obtuvo el 28 %" (an apposition skipped).
    linked = _linked_before(text, start, [x for x in entities if x.end <= start and clear(x.end, start)])
    if linked:
        return _candidate_of(text, linked, entities, lang, cues).name, 3
    # 2b) "frente al 40,37 % del mandatario", "against 40.5% for the incumbent": the other side
    # of a contrast, named by a role only, is the rival of the sentence's other share (_reconcile)
    # ("frente al 49,88 % de la candidata de Fuerza Popular": the role's party does not say who)
    if strict and _CONTRAST_BEFORE.search(text, max(0, start - 20), start):
        role = _role_after(lang).match(text, end)
        if role and not any(x.kind != "organization" and end <= x.start < role.end() for x in entities):
            return "@rival", 2
    # 3) the parse: walk up from the percentage to the clause that governs it.
    parsed = _subject_from_parse(sent, start, end, entities, kinds & _CONTESTANTS | ({"place"} if not strict else set()),
                                 fallback, strict, lang)
    if parsed is not _NOTHING:
        party = next((x for x in reversed(entities) if x.name == parsed and x.end <= start and x.kind == "organization"), None)
        return (_candidate_of(text, party, entities, lang, cues).name if party else parsed), 4
    # 4) nearest contestant in the same clause, before it if possible.
    for wanted in ({"person", "option", "group"}, {"organization"}, set() if strict else {"place"}):
        pool = [x for x in entities if x.kind in wanted and c_start <= x.start and x.end <= c_end
                and not (x.start < end and start < x.end)]
        pre = [x for x in pool if x.end <= start and clear(x.end, start)]
        pre = [x for x in pre if not _MODIFIER_IN_INCISE.search(text, 0, x.start)] or pre
        post = [x for x in pool if x.start >= end and clear(end, x.start)]
        if pre:
            return _candidate_of(text, pre[-1], entities, lang, cues).name, 5
        if post:
            return post[0].name, 5
    # 5) the previous sentence's subject, when this clause's own subject is a pronoun, a role
    # ("el candidato", "the winner") or, in Spanish, dropped ("obtuvo el 40 %").
    if fallback and (_pronoun_clause(text[c_start:start], lang) or _role_clause(text[c_start:start], lang)):
        return fallback, 6
    return None, 9


_CONTRAST_BEFORE = re.compile(r"(?<![^\W_])(?:frente\s+a(?:l|\s+(?:el|un))?|contre|contra|against|versus|vs\.?)\s*$", _I)


@lru_cache(maxsize=8)
def _role_after(lang: str) -> re.Pattern:
    """ "del mandatario", "pour le président sortant", "for the incumbent": a role, no name."""
    return re.compile(rf"\s*(?:(?:de\s+los\s+votos|des\s+voix|des\s+suffrages|of\s+the\s+vote)\s+)?"
                      rf"(?:del|de\s+la|de\s+l['’]|du|de|of\s+the|for\s+the|pour\s+l[ea'’]|à\s+la|au|à\s+l['’])\s*"
                      rf"(?:{_W}+\s+){{0,2}}?(?:{V.alternation(V.ROLE_NOUNS, lang)})(?![^\W_])"
                      rf"(?:\s+{_W}+){{0,2}}(?:\s+(?:de|del|du|of|de\s+la)\s+[^,.;%]{{1,40}})?\s*(?:[,.;]|$)", _I)


def _candidate_of(text: str, ent: EntityRef, entities: list[EntityRef], lang: str, cues: DocumentCues) -> EntityRef:
    """In a presidential race, the candidate a party is named after ("Hou Yu-ih of the
    Kuomintang got 33.5%", "Ko Wen-je del PPT, 26,5 %"): the figure is the candidate's; else `ent`."""
    if ent.kind != "organization" or not cues.persons_first:
        return ent
    member_of = _member_of(lang)
    return next((p for p in reversed(entities) if p.kind == "person" and p.end <= ent.start
                 and member_of.fullmatch(text, p.end, ent.start)), ent)


@lru_cache(maxsize=8)
def _member_of(lang: str) -> re.Pattern:
    return re.compile(rf"\s+(?:{V.alternation(V.MEMBER_OF, lang)})\s*(?:(?:el|la|le|the|l['’])\s*)?|\s*\(\s*", _I)


@lru_cache(maxsize=16)
def _side_after(side: str, lang: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{V.alternation(V.SIDE_AFTER_FIGURE[side], lang)})(?![^\W_])", _I)


@lru_cache(maxsize=8)
def _quoted_after(lang: str) -> re.Pattern:
    return re.compile(rf"\s*(?:(?:[\w'’]+\s+)?(?:{V.alternation(V.TURNOUT_VERBS, lang)})\s+)?[«\"“‘]\s*", _I)


@lru_cache(maxsize=8)
def _bare_with(lang: str) -> re.Pattern:
    """"beating Y with 58.5%": a bare "with" after the loser is the winner's ("Y, who had 41%" is Y's)."""
    return re.compile(rf"\s*,?\s*(?:{V.alternation(V.WITH_LINK, lang)})\s+(?:(?:el|un|le|the|a|an)\s+)?", re.IGNORECASE)


def _beaten(text: str, ent: EntityRef, start: int, lang: str) -> bool:
    """'X a battu l'ancien président Y ..., en obtenant 52,8 %': Y, named as the loser before the
    figure, does not own it unless the words tie it to Y ('Y, qui a obtenu')."""
    return ent.end <= start and bool(re.search(rf"(?<![^\W_])(?:{V.alternation(V.DEFEAT_BEFORE, lang)})\s+"
                                               rf"(?:[\w'’-]+\s+){{0,3}}$", text[max(0, ent.start - 60):ent.start], _I))


def _beaten_before_score(text: str, ent: EntityRef, start: int, lang: str) -> bool:
    """'defeating Y by 50.9 %', 'venció a Y por 50,9 %', 'beat Y 52.4 percent to ...': Y lost; the figure is the winner's."""
    if ent.end > start or not re.fullmatch(rf"\s*,?\s*(?:(?:{V.alternation(V.SCORE_BY, lang)})\s+"
                                           rf"(?:(?:el|un|le|la|a)\s+)?)?", text[ent.end:start], _I):
        return False
    return bool(re.search(rf"(?<![^\W_])(?:{V.alternation(V.DEFEAT_BEFORE, lang)})\s+(?:{_W}+\s+){{0,3}}$",
                          text[max(0, ent.start - 60):ent.start], _I))


def _linked_before(text: str, start: int, before: list[EntityRef]) -> EntityRef | None:
    """The contestant a short link ties to the figure after it: "Jara obtuvo el 41 %", "Kast (58 %)",
    "X, que tendría 31 escaños (12,31 %)". An apposition between them is skipped, and a name
    inside it is not the owner: in "Chi Hyun Chung, du Front pour la Victoire (FPV), 1,55 %" the
    figure is Chi Hyun Chung's."""
    found, described = None, []
    # "Alberto Fernández, que lleva como candidata a Cristina Kirchner, sumaba el 48 %": a name in
    # a relative clause closed before the figure describes the one before it
    relatives = [m.span() for m in _RELATIVE_INCISE.finditer(text, 0, start) if m.group().endswith(",")]
    for ent in reversed(before[-4:]):
        if ent.kind not in _CONTESTANTS:
            break
        if found is None and ((_MODIFIER_IN_INCISE.search(text, 0, ent.start) and not _next_in_results(text, ent.start))
                              or _AGENT_OF_PARTICIPLE.search(text, 0, ent.start)
                              or any(a < ent.start and ent.end < b for a, b in relatives)):
            described.append(ent)
            continue            # "X, soutenu par le gouvernement de Donald Tusk, obtient 49 %", "X, backed by
                                # outgoing President Y, came second with 35.8%": not Tusk's or Y's; X's
                                # when an apposition is all that parts them ("Joel Sánchez, de Arena, el 5,57 %"),
                                # else the parse's ("la candidate de la coalition menée par Morena obtiendrait")
        gap = text[ent.end:start]
        spans = [m.span() for m in _APPOSITION.finditer(gap)]
        incise = _INCISE.match(gap)
        if incise and any(ent.end + incise.end() > x.end for x in described):
            spans.append(incise.span())     # the phrase between commas that holds the name it describes
            gap = " " + gap[incise.end():]
        inner = [x for x in before if x.start >= ent.end]
        if not all(any(a <= x.start - ent.end and x.end - ent.end <= b for a, b in spans) for x in inner):
            break
        stripped = _APPOSITION.sub(" ", gap)
        if _LINK_BEFORE.match(gap) or _LINK_BEFORE.match(stripped) or _SEATS_THEN_SHARE.match(gap):
            found = ent
    return found


# "won 22.6%, tying for second place with the Socialist Party": a name another link ties is not
# the agent of the "for" before it.
_ANOTHER_LINK = re.compile(r"(?<![^\W_])(?:with|con|avec|against|contre|contra|frente|ahead|behind|derri[èe]re|devant|"
                           r"delante|detr[áa]s)(?![^\W_])", _I)
# "..., seguido de X, de Arena, con el 31 %", "followed by X with": the next name of the results, no modifier
_FOLLOWED = re.compile(rf"(?<![^\W_])(?:{'|'.join(V.alternation(V.CHASED_BY, lang) for lang in V.LANGUAGES)})\s+"
                       r"(?:de|del|por|par|by|d['’])\s+", _I)
_FOLLOWED_BY = re.compile(_FOLLOWED.pattern + r"(?:(?:la|le|el|the|l['’])\s*)?$", _I)
_AND_OF = re.compile(r"(?<![^\W_])(?:y|e|et|and)\s+(?:de|del|du|d['’]|por|par|by)\s+(?:(?:la|le|el|the|l['’])\s*)?$", _I)


def _next_in_results(text: str, start: int) -> bool:
    """Is the name at `start` the next of a list of results ("seguido de X", then "y de Y")?"""
    return bool(_FOLLOWED_BY.search(text, 0, start)) or bool(
        _AND_OF.search(text, 0, start) and _FOLLOWED.search(text, 0, start))


# ", soutenu par le président sortant Y," after X: an incidental phrase between commas.
_INCISE = re.compile(r"\s*,[^,;:()%]{1,100},")
# A name governed by a preposition inside an incidental phrase between commas: it describes the
# subject ("..., backed by the government of X,") and is not the one who obtains the figure after.
_MODIFIER_IN_INCISE = re.compile(r",[^,;:()%]{1,80}?(?<![^\W_])(?:de|del|du|des|of|par|by|por|d['’])\s+"
                                 r"(?:(?:la|le|el|the|l['’]|los|les)\s*)?$", _I)
# A name that is a participle's agent ("menée par", "led by", "respaldada por") describes the noun
# before it; it is not the subject of the verb after it.
_AGENT_OF_PARTICIPLE = re.compile(r"(?<![^\W_])(?:\w+(?:ée?s?|[ui]e?s?|[is]te?s?|ed|en|ad[oa]s?|id[oa]s?|st[oa]s?|ch[oa]s?)|led)"
                                  r"\s+(?:par|by|por)\s+"
                                  r"(?:(?:la|le|el|the|l['’]|los|les)\s*)?(?:[^\W\d_][\w-]*\s+){0,2}$", _I)
# "A, de tel parti (TP), 13,97 %": the parenthesis and the apposition between a name and its figure.
_APPOSITION = re.compile(r"\s*\([^()%]{1,60}\)|,\s*(?:(?:de|del|du|des|of|from|de\s+la|de\s+l['’])\s+)[^,;%()]{1,70}"
                         r"(?:\([^()%]{1,20}\))?\s*(?=,)|,\s*\d{1,3}\s+(?:ans|años|years?\s+old)\s*(?=,)", _I)
_SEATS_THEN_SHARE = re.compile(
    rf"^\s*,?\s*(?:{_RELATIVE}\s+)?(?:{_W}+\s+){{0,4}}\d+\s+(?:escaños|esca[ñn]os|diputados|sièges|d[ée]put[ée]s|seats|"
    rf"parlamentarios|asientos|mandats)\s*\($", _I)
_TO_RIVAL_AFTER = re.compile(
    rf"^[^;:.%]{{0,45}}?(?<!{_W})(?:à|au)\s+(?:(?:sa|son|la|le|l['’])\s*)?(?:(?:{V.alternation(V.RIVAL_NOUNS, 'fr')})"
    rf"(?:\s+{_W}+){{0,3}}\s*,?\s*)?", _I)


def _role_clause(before: str, lang: str) -> bool:
    """Whether the clause's subject, up to the percentage, is a role and no name ("el delfín del
    exmandatario", "la candidata de derecha", "the winner")."""
    return bool(re.search(rf"(?<![^\W_])(?:el|la|le|the|su|sa|son|his|her|l['’])\s*(?:{_W}+\s+)?"
                          rf"(?:{V.alternation(V.ROLE_NOUNS, lang)})(?![^\W_])", before, _I))


def _reconcile(text, lang, percents, claims, links, refs, cues, mentions=None) -> list[Claim]:
    """The sentence's figures together: "A and B had 33 % and 31.7 % respectively" pairs them in
    order; one subject does not have two vote shares in one sentence (of one contest), so the
    figure tied to it less strongly goes to another name of the sentence, or, in a two-way race,
    to its rival."""
    from dataclasses import replace

    claims = list(claims)
    votes = [i for i, c in enumerate(claims) if c.attribute in VOTE_ATTRIBUTES]
    if len(votes) >= 2 and V.regex(V.RESPECTIVELY, lang).search(text):
        first = percents[votes[0]][0]
        names = []
        for r in refs:
            led = r.kind == "person" and any(o is not r and o.kind in _CONTESTANTS and _party_owner(text, o.start, o.end, [r])
                                             for o in refs)
            if r.end <= first and r.kind in _CONTESTANTS and r.name not in names and not led:
                names.append(r.name)    # ("la Ligue de Matteo Salvini et Forza Italia": not Salvini's)
        if len(names) >= len(votes):
            for i, name in zip(votes, names[-len(votes):]):
                claims[i], links[i] = replace(claims[i], subject=name), 3
    groups: dict[tuple, list[int]] = {}
    for i in votes:
        c = claims[i]
        if c.subject:   # a bound beside the figure ("sous la barre des 7 %, à 6,57 %") is the same subject's
            bound = c.qualifier in ("lower_bound", "upper_bound")
            groups.setdefault((c.subject, c.attribute, c.context, bound), []).append(i)
    used = {claims[i].subject for i in votes if claims[i].subject}
    mentions = mentions or {}
    values = {i: mentions.get(span) or (find_percentages(text[span[0]:span[1]], lang) or [None])[0]
              for i, span in enumerate(percents)}

    def past_100(i: int, j: int) -> bool:
        """Two vote shares of one sentence that add up past 100: not two candidates' (one's, twice)."""
        return claims[i].attribute == "vote_share" == claims[j].attribute and bool(values[i] and values[j]) \
            and values[i].value + values[j].value > 100.5

    for (subject, _attr, _ctx, _bound), members in groups.items():
        if len(members) < 2:
            continue
        keep = min(members, key=lambda i: (links[i], i))
        for i in members:
            if i == keep:
                continue
            start, end = percents[i]
            if past_100(i, keep):
                # two shares of one contest past 100: not two candidates' but one's, said twice ("84,3 %
                # ... revu à la baisse le score de 94,65 % annoncé"): another figure of the same subject
                claims[i] = replace(claims[i], attribute="other")
                continue
            spare = [r for r in refs if r.kind in _CONTESTANTS and r.name not in used]
            spare.sort(key=lambda r: abs((r.start if r.start >= end else r.end) - (end if r.start >= end else start)))
            other = spare[0].name if spare else _rival(subject, cues)
            claims[i] = replace(claims[i], subject=other)
            if other:
                used.add(other)
    # "X obtuvo el 48 %, frente al 40 % del mandatario": the role is X's rival
    for i in votes:
        if claims[i].subject == "@rival":
            others = {claims[j].subject for j in votes if j != i and claims[j].subject not in (None, "@rival")}
            claims[i] = replace(claims[i], subject=_rival(next(iter(others)), cues) if len(others) == 1 else None)
    # "una ventaja de 22 puntos de Arce sobre Mesa, pero el resultado final fue mayor: 26,27 puntos":
    # a margin with no name of its own is the sentence's other margin's.
    for i in votes:
        if claims[i].subject is None and claims[i].attribute in ("margin_pp", "poll_margin_pp"):
            owner = next((claims[j].subject for j in votes if j != i and claims[j].subject
                          and claims[j].attribute in ("margin_pp", "poll_margin_pp")), None)
            if owner:
                claims[i] = replace(claims[i], subject=owner)
    # "Y, who trailed by 2.4 points", "Y quedó a 2,4 puntos": the margin is the leader's, Y's rival.
    for i in votes:
        if claims[i].attribute in ("margin_pp", "poll_margin_pp") and claims[i].subject \
                and _trailing(text, percents[i], lang):
            leader = _rival(claims[i].subject, cues)
            if leader:
                claims[i], links[i] = replace(claims[i], subject=leader), 3
    # A margin in a sentence of vote shares is the leader's ("55.7 % against 44.3 % for X, an
    # 11-point margin"), unless the words tie it to someone ("una ventaja de 22 puntos de Arce").
    shares = [i for i in votes if claims[i].attribute in ("vote_share", "poll_share") and claims[i].subject]
    if shares:
        leader = max(shares, key=lambda i: values[i].value if values[i] else 0)
        for i in votes:
            if claims[i].attribute in ("margin_pp", "poll_margin_pp") and links[i] > 2:
                claims[i] = replace(claims[i], subject=claims[leader].subject)
    # A figure set against a candidate's with no name of its own: the rival's ("X obtuvo 50 %,
    # mientras que la candidata de derecha tuvo el 49 %").
    named = [claims[i].subject for i in votes if claims[i].subject]
    for i in votes:
        if claims[i].subject is None and len(set(named)) == 1 and (_CONTRAST.search(text) or _score(text, percents, i)):
            owner = next(j for j in votes if claims[j].subject == named[0])
            if past_100(i, owner):
                # ("con el 84,3 %, frente al 94,65 % anunciado inicialmente": the same one's earlier figure)
                claims[i] = replace(claims[i], subject=named[0], attribute="other")
                continue
            claims[i] = replace(claims[i], subject=_rival(named[0], cues))
    return claims


_CONTRAST = re.compile(r"\b(?:frente\s+al?|mientras\s+que|contra|contre|alors\s+que|tandis\s+que|against|while|"
                       r"compared\s+(?:with|to)|versus|vs\.?|face\s+à|down\s+from|up\s+from|"
                       r"par\s+rapport\s+(?:à|au|aux)|en\s+comparaci[oó]n\s+con|respecto\s+(?:a|al|del?))(?![^\W_])", _I)


# "by 50.89 per cent to 49.11 per cent", "par 50,9 % à 49,1 %": a score, the second figure the other side's
_SCORE_LINK = re.compile(r"\s*(?:to|a|à|contra|contre|versus|vs\.?|-|–)\s*$", _I)


def _score(text: str, percents: list[tuple[int, int]], i: int) -> bool:
    return i > 0 and bool(_SCORE_LINK.fullmatch(text[percents[i - 1][1]:percents[i][0]]))


def _trailing(text: str, span: tuple[int, int], lang: str) -> bool:
    """Whether the words around a margin say it is how far someone is behind."""
    start, end = span
    before = re.search(rf"(?<![^\W_])(?:{V.alternation(V.TRAILING_BEFORE, lang)})\s+(?:(?:more\s+than|less\s+than|"
                       rf"over|under|almost|nearly|about|some|plus\s+de|moins\s+de|pr[èe]s\s+de|m[áa]s\s+de|menos\s+de|"
                       rf"casi|unos|apenas|just|only|seulement)\s+)?$", text[max(0, start - 40):start], _I)
    after = re.match(rf"^(?:\s+(?:de\s+)?(?:percentage\s+)?(?:points?|puntos?|pts?\.?)(?:\s+(?:porcentuales|de\s+pourcentage))?)?"
                     rf"\s+(?:{V.alternation(V.TRAILING_AFTER, lang)})(?![^\W_])", text[end:end + 40], _I)
    return bool(before or after)


_OTHER_SIDE = {"@yes": "@no", "@no": "@yes"}


def _rival(subject: str, cues: DocumentCues) -> str | None:
    """The other of the two people a report is most about, when `subject` is one of them."""
    if subject in _OTHER_SIDE:      # a plebiscite has two sides
        return _OTHER_SIDE[subject]
    if len(cues.rivals) == 2 and subject in cues.rivals:
        return cues.rivals[1] if cues.rivals[0] == subject else cues.rivals[0]
    return None


_PRONOUN_WORD = re.compile(
    r"(?<![\w'’])(?:il|elle|ils|elles|celui-ci|celle-ci|ce\s+dernier|cette\s+derni[èe]re|"
    r"él|ella|ellos|ellas|éste|ésta|este\s+[úu]ltimo|esta\s+[úu]ltima|"     # "el"/"este" are articles
    r"he|she|they|the\s+latter|the\s+former|"
    # a figure given to someone named before: "la encuestadora X le daba 49 %", "lui accorde", "gave him"
    r"les?\s+(?:daba|dio|da|dan|daban|otorga\w*|asigna\w*|atribu\w*|concede\w*)|"
    r"lui\s+(?:donn\w*|accord\w*|attribu\w*|cr[ée]dit\w*)|(?:gave|gives|giving|credited|put)\s+(?:him|her))(?![\w'’])", _I)
_PRO_DROP_START = re.compile(
    rf"^\W*(?:(?:y|e|pero|aunque|luego|después|ya|tambi[ée]n|finalmente|entonces|as[ií])\s+)*"
    # a time or place said first, in lower case ("En la primera vuelta había obtenido el 24 %")
    rf"(?:(?:en|durante|tras|desde|hace)\s+(?:(?-i:[a-záéíóúñü]+)\s+){{1,4}}?,?\s*)?"
    rf"(?:(?:se|no)\s+)?(?:(?:hab[ií]a|ha|hab[ií]an|han|hubo|habr[ií]a)\s+)?(?:{_LINK_VERBS}|obtenido|logrado|conseguido|"
    rf"alcanzado|sacado|ganado|recibido|sumado|registrado)\b", _I)


def _pronoun_clause(before: str, lang: str) -> bool:
    """Whether the clause up to the percentage has a pronoun subject ("il a obtenu", "she won",
    "él obtuvo") or, in Spanish, starts with a verb whose subject was dropped ("obtuvo el")."""
    if _PRONOUN_WORD.search(before) or V.regex(V.POSSESSIVE_SHARE, lang).search(before):
        return True         # ("had put his support at 60.5%": the one named before)
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
    role_noun = _role_noun(lang)
    seen, token = set(), head
    for _ in range(12):
        if token.i in seen:
            break
        seen.add(token.i)
        ent = _entity_of(token, entities)
        if ent and ent.kind in kinds and not (ent.start < end and start < ent.end):
            return ent.name
        participle = token.dep_ == "acl" and "Part" in token.morph.get("VerbForm")
        if (token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT") and not participle:
            # (a participle modifying a noun, "X, soutenu par Y,", is the noun's: its agent is not the subject)
            subj = [c for c in token.children if c.dep_ in _SUBJECT_DEPS | _AGENT_DEPS]
            subj.sort(key=lambda c: c.dep_ not in _AGENT_DEPS)      # a passive's agent first
            for c in subj:
                ent = _entity_in_subtree(c, entities, kinds, exclude=(start, end))
                if ent and fallback and _entity_of(c, entities) is None \
                        and any(role_noun.fullmatch(r.text) and _introduced_by_preposition(r, ent)
                                for r in c.subtree):
                    # "la candidate de la coalition menée par Morena obtiendrait 58 %", "the former
                    # mayor, the ruling Morena party's candidate, won": the candidate named
                    # before, not the party or the leader that describes her
                    return fallback
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
                if re.fullmatch(r"(?:(?:lo|la)\s+)?que|lo|ce(?:\s+qu[ie])?|which|what|cela|ceci|esto|eso|ello|this|that",
                                phrase, _I):
                    return _NOTHING     # "..., lo que representa un 5 %": the clause before, not a person
                if c.pos_ == "PRON" or _PRONOUN_SUBJECTS.match(phrase):
                    return fallback if fallback else _NOTHING   # no antecedent before: the nearest name
            if subj and any(_role_clause(" ".join(t.text for t in c.subtree), lang) or
                            role_noun.fullmatch(c.text) for c in subj):
                return fallback if fallback else _NOTHING    # "el delfín del exmandatario X obtuvo": someone named before
            if subj:            # a common-noun subject: "la participación", "the poll"
                return _NOTHING
            if token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Fin"] \
                    and token.dep_ in ("ROOT", "conj", "parataxis") and fallback \
                    and lang.startswith("es"):
                c_start = _clause(sent.text, start, end)[0]
                if any(x.kind in kinds and c_start <= x.start and x.end <= token.idx for x in entities):
                    return _NOTHING     # a name before the verb the parse missed ('el "No" ... se imponía')
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
