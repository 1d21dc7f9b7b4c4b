"""When was each report written? Sentence tense of dated mentions, and the report's anchor date.

A news report rarely prints its own date, but its dates say a lot once their tense is known:
"Mardi dernier" and "14 décembre" in the past put the writing day after them, "se rendra lundi"
puts Monday after it, "ce dimanche" in the past makes it a Sunday, "Tuesday, January 20" only fits
some years. `document_frame` gathers these clues into a JSON-serializable `TimeFrame`;
`anchor_for` searches the calendar for the day that breaks the fewest clues, with the named
weekdays closest to it and the reported past events shortly before it (news is written soon after
what it reports); a date in the page's address is a clue too. `anchor_corpus` lends years (and
days) across reports about the same people and places, and a dated report tells its siblings which
past days are background (the first round it gives as weeks old). A guess resting on bare years
alone records a year but gives dates none (`Anchor.year_for_dates`): better XXXX than 1951.

Everything is deterministic: the clock is never read; without evidence the answer is None.
"""
from __future__ import annotations

import array as arrays
import datetime as dt
import heapq
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Callable, Collection, Iterable, Protocol

__all__ = [
    "sentence_tense", "Constraint", "TimeFrame", "document_frame", "Anchor", "anchor_for",
    "anchor_corpus", "background_of_related", "date_from_url", "lent_clues", "year_for_dates",
]


# --------------------------------------------------------------------------------------------
# Sentence tense
# --------------------------------------------------------------------------------------------

# Verbs (and a few nouns/adjectives) whose infinitive complement is a plan: "plans to visit",
# "envisage de se rendre", "tiene previsto viajar", "va a viajar". Lemmas and, for the small
# models' frequent mis-tags, a few surface forms.
_PROSPECTIVE = {
    "en": frozenset({
        "plan", "intend", "expect", "hope", "aim", "prepare", "preparation", "schedule", "set",
        "due", "want", "seek", "propose", "promise", "pledge", "vow", "agree", "decide",
        "arrange", "about", "likely", "poised", "go", "wish", "threaten", "consider", "slate",
        "plans", "preparations", "scheduled", "expected", "planned", "slated",
    }),
    "fr": frozenset({
        "envisager", "prévoir", "compter", "projeter", "espérer", "vouloir", "devoir",
        "apprêter", "préparer", "promettre", "décider", "programmer", "aller", "souhaiter",
        "entendre", "penser", "planifier", "proposer", "projet", "intention", "prévu",
        "envisage", "envisagent", "compte", "comptent", "prévoit", "prévoient", "doit",
    }),
    "es": frozenset({
        "planear", "prever", "pretender", "esperar", "querer", "deber", "preparar", "prometer",
        "decidir", "programar", "ir", "pensar", "proponer", "desear", "planificar",
        "proyectar", "previsto", "prevista", "programado", "programada", "plan", "intención",
        "proyecto",
    }),
}
# "vient de rencontrer", "acaba de llegar": a present auxiliary verb for a just-finished event.
_RECENT_PAST = {"en": frozenset(), "fr": frozenset({"venir"}), "es": frozenset({"acabar"})}
# Adjectives that put a present-tense event ahead: "upcoming visit", "prochaine visite".
_UPCOMING = {
    "en": frozenset({"future", "upcoming", "next", "forthcoming", "coming"}),
    "fr": frozenset({"futur", "future", "prochain", "prochaine", "prochains", "prochaines"}),
    "es": frozenset({"futuro", "futura", "futuros", "futuras", "próximo", "próxima",
                     "próximos", "próximas", "venidero", "venidera"}),
}
_LIGHT_PREDICATES = frozenset({"be", "include", "être", "inclure", "comprendre", "ser", "estar",
                               "incluir"})
_PERFECT_AUX = frozenset({"avoir", "être", "haber", "have"})
_PURPOSE_MARKS = frozenset({"pour", "afin", "para", "to", "in order"})
_PREDICATE_DEPS = frozenset({
    "ROOT", "advcl", "ccomp", "xcomp", "conj", "acl:relcl", "relcl", "parataxis", "acl",
    "csubj",
})
# Future and conditional endings, used only when the small models tag a verb as a noun
# ("deviendra" NOUN) but the parse still gives it a subject or object.
_ROMANCE_FUTURE = {
    "fr": re.compile(r"(?:rai|ras|ra|rons|rez|ront|rais|rait|rions|riez|raient)$"),
    "es": re.compile(r"(?:ré|rás|rá|remos|réis|rán|ría|rías|ríamos|ríais|rían)$"),
}
_PASSE_SIMPLE_ER = re.compile(r"(?:a|èrent|âmes|âtes)$")
_EN_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d", "may",
                               "might", "must", "should"})
_EN_PERFECT_WORDS = frozenset({"have", "'ve", "’ve", "has", "had"})


def _morph(tok, key: str) -> str | None:
    values = tok.morph.get(key)
    return values[0] if values else None


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.text).lower()


def _is_prospective(tok, lang: str) -> bool:
    words = _PROSPECTIVE.get(lang, frozenset())
    return _lemma(tok) in words or tok.lower_ in words


def _is_predicate(tok) -> bool:
    """A verb, a copular/auxiliary head, or a word the parser gave a subject (a mis-tagged verb)."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "AUX":
        return tok.dep_ in _PREDICATE_DEPS
    deps = {c.dep_ for c in tok.children}
    if "cop" in deps:
        return True
    # subjects and objects belong to verbs: the small models tag some verbs as nouns
    return tok.pos_ in ("NOUN", "ADJ") and any(d.startswith("nsubj") or d in ("obj", "dobj")
                                               for d in deps)


def _auxiliaries(verb) -> list:
    return sorted((c for c in verb.children if c.dep_ in ("aux", "aux:tense", "aux:pass",
                                                           "auxpass", "cop")),
                  key=lambda c: c.i)


def _governor(tok):
    """The next predicate above `tok` (None at the root)."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        if _is_predicate(node):
            return node
    return None


def _tense_en(verb) -> str:
    """'past' | 'future' | 'present' | 'nonfinite'."""
    auxes = _auxiliaries(verb)
    words = [a.lower_ for a in auxes]
    perfect = verb.tag_ == "VBN" and any(w in _EN_PERFECT_WORDS for w in words)
    for aux in auxes:
        word = aux.lower_
        if aux.tag_ == "MD" or word in _EN_FUTURE_MODALS:
            if word in _EN_FUTURE_MODALS:
                # "would have met", "may have met": a past event; "will have met": still future
                if perfect and word not in ("will", "'ll", "’ll", "shall", "wo"):
                    return "past"
                return "future"
            return "present"  # can / could: ability, no time of its own
    if perfect:
        return "past"
    finite = [a for a in auxes if a.tag_ in ("VBD", "VBZ", "VBP")]
    if finite:
        if finite[0].tag_ == "VBD":
            return "past"
        if _lemma(verb) in _PROSPECTIVE["en"] and verb.tag_ == "VBN":
            return "future"  # "is scheduled for Monday", "is expected on Tuesday"
        return "present"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN":
        return "past"  # reduced relative: "the runoff held on December 14"
    if verb.tag_ == "VB" and not any(a.lower_ == "to" for a in auxes) and verb.dep_ == "ROOT":
        return "present"  # headline or mis-tagged finite verb
    return "nonfinite"


def _tense_romance(verb, lang: str) -> str:
    """'past' | 'future' | 'present' | 'nonfinite' from morphology (fr/es)."""
    auxes = _auxiliaries(verb)
    verb_form = _morph(verb, "VerbForm")
    participle = verb_form == "Part"
    if auxes:
        finite = next((a for a in auxes if _morph(a, "VerbForm") == "Fin"
                       or _morph(a, "Mood") or _morph(a, "Tense")), auxes[0])
        mood, tense = _morph(finite, "Mood"), _morph(finite, "Tense")
        perfect = participle and any(
            a.dep_ in ("aux", "aux:tense") and _lemma(a) in _PERFECT_AUX for a in auxes)
        if mood == "Cnd":
            return "past" if perfect else "future"
        if tense == "Fut":
            return "future"
        if tense in ("Imp", "Past"):
            return "past"
        if _lemma(finite) in ("ir", "aller") and verb_form == "Inf":
            return "future"  # "va a viajar" (es parses 'va' as the auxiliary)
        if _lemma(finite) in _RECENT_PAST.get(lang, ()) and verb_form == "Inf":
            return "past"
        if perfect:
            return "past"  # passé composé / pretérito perfecto: "a rencontré", "ha visitado"
        if mood == "Sub":
            return "future"  # "qu'il se rende mardi", "cuando viaje el lunes"
        if participle and _is_prospective(verb, lang):
            return "future"  # "est prévu le 5 janvier", "está previsto para enero"
        return "present"
    mood, tense = _morph(verb, "Mood"), _morph(verb, "Tense")
    if tense == "Pres" and any(c.dep_ == "xcomp" and _morph(c, "VerbForm") == "Inf"
                               for c in verb.children):
        # the date hangs on the auxiliary-like verb itself: "acaba de llegar ... este lunes"
        if _lemma(verb) in _RECENT_PAST.get(lang, ()):
            return "past"
        if _lemma(verb) in ("aller", "ir"):
            return "future"
    if verb_form == "Fin" or mood:
        if lang == "fr" and tense == "Pres" and _PASSE_SIMPLE_ER.search(verb.lower_) \
                and _lemma(verb).endswith("er") and _lemma(verb) != "aller":
            return "past"  # "arriva", "rencontrèrent": the model reads -er passé simple as present
        if mood == "Cnd" or tense == "Fut":
            return "future"
        if tense in ("Imp", "Past"):
            return "past"
        if mood == "Sub":
            return "future"
        return "present"
    if participle:
        return "past"  # "élu le 14 décembre", "electo el domingo"
    if verb_form in ("Inf", "Ger"):
        return "nonfinite"
    if verb.pos_ not in ("VERB", "AUX"):
        # a verb the tagger took for a noun/adjective: read its ending
        pattern = _ROMANCE_FUTURE.get(lang)
        if pattern and len(verb.text) > 5 and pattern.search(verb.lower_):
            return "future"
        return "present"
    return "nonfinite"


def _left_prospective(tok, lang: str) -> bool:
    """For an infinitive the parser left without governor: a plan verb just before it?"""
    doc = tok.doc
    skip = {"se", "s'", "s’", "de", "d'", "d’", "à", "a", "to", "me", "te", "nous", "vous"}
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 4:
        word = doc[i]
        if word.lower_ in skip:
            i -= 1
            continue
        return _is_prospective(word, lang)
    return False


def _predicate_tense(verb, lang: str, depth: int = 0) -> str | None:
    tense = _tense_en(verb) if lang == "en" else _tense_romance(verb, lang)
    if tense != "nonfinite":
        return tense
    if depth > 6:
        return None
    # A non-finite verb takes its time from the verb it depends on.
    gov = _governor(verb)
    infinitive = (verb.tag_ == "VB" if lang == "en" else _morph(verb, "VerbForm") == "Inf")
    if gov is None:
        return "future" if infinitive and _left_prospective(verb, lang) else None
    gov_tense = _predicate_tense(gov, lang, depth + 1)
    if not infinitive:
        return gov_tense  # gerund: "after winning the December 14 runoff, Kast began ..."
    between = [t for t in verb.doc[min(gov.i, verb.i):max(gov.i, verb.i) + 1]
               if t.i != verb.i and (t.i == gov.i or t.head.i == gov.i or t.i == verb.head.i)]
    if lang == "en" and _lemma(gov) == "be" and verb.dep_ == "xcomp":
        return "future" if gov_tense != "past" else None  # "is to meet"
    if any(_lemma(t) in _RECENT_PAST.get(lang, ()) for t in between):
        return "past" if gov_tense == "present" else gov_tense
    if any(_is_prospective(t, lang) for t in between):
        return None if gov_tense == "past" else "future"
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "aux", "case")}
    if verb.dep_ == "advcl" and marks & _PURPOSE_MARKS:
        # purpose: "se rendra ... pour rencontrer", "departed for Quito to meet ... on Tuesday"
        return "future" if gov_tense in ("future", "present") else None
    return gov_tense


def sentence_tense(sent, lang: str, start: int, end: int) -> str | None:
    """Tense of the verb governing the date at char offsets [start, end) of one parsed sentence.

    Returns 'past' | 'future' | 'present' | None. Periphrastic and modal futures ("va a viajar",
    "va se rendre", "plans to", "will", conditionals) count as 'future'; perfects ("a rencontré",
    "s'est rendu", "ha visitado", "had visited") as 'past'.
    """
    lang = (lang or "").lower()[:2]
    span = sent.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    inside = {t.i for t in span}
    path = []
    while True:
        # outside the date, the first predicate; inside it only a copular one ("est le 5 janvier")
        if _is_predicate(node) and (node.i not in inside
                                    or any(c.dep_ == "cop" for c in node.children)):
            tense = _predicate_tense(node, lang)
            if tense == "present" and _upcoming(path + [node], lang):
                return "future"  # "Future trips include Peru in January", "la prochaine visite"
            return tense
        if node.head.i == node.i:
            return None
        if node.i not in inside:
            path.append(node)
        node = node.head


def _upcoming(nodes, lang: str) -> bool:
    """Is a noun on the date's path (or the predicate's subject) called upcoming?"""
    words = _UPCOMING.get(lang, frozenset())
    predicate = nodes[-1]
    nouns = list(nodes)
    if _lemma(predicate) in _LIGHT_PREDICATES or any(c.dep_ == "cop" for c in predicate.children):
        # "Future trips include ...", "Sa prochaine visite est le 5 janvier"; but not "le futur
        # président se rend aujourd'hui" (president-elect), where the subject is a person
        nouns += [c for c in predicate.children if c.dep_.startswith("nsubj")]
    return any(c.dep_ == "amod" and (_lemma(c) in words or c.lower_ in words)
               for n in nouns for c in n.children)


# --------------------------------------------------------------------------------------------
# Time frame of one document
# --------------------------------------------------------------------------------------------

class _MentionLike(Protocol):  # kastfacts.dates.DateMention
    start: int
    end: int
    text: str
    timex: str
    direction: str | None
    weekday: int | None


_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^XXXX-(\d{2})$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T.*)?$")
_REF_DAYS = re.compile(r"^REF([+-])P(\d+)D$")
_PRESENT = ("PRESENT_REF", "REF")

@dataclass(frozen=True)
class Constraint:
    """One clue about the anchor (the day the report was written).

    relation: 'after'  the anchor is after the event (reported as past),
              'before' the anchor is before it (announced as future),
              'this'   the event is in the anchor's week/month/year ("ce dimanche"),
              'near'   present tense or unknown: the event is the nearest such day,
              'on'     the anchor itself is `weekday` ("today, Monday", "demain lundi"),
              'since'  the anchor is after the event, which is background: it says nothing
                       about how soon after (a past day a dated sibling report gives as weeks old).
    worded: True when the words said it ("dernier", "next"), False when only the verb's tense.
    """
    relation: str
    timex: str
    weekday: int | None = None
    worded: bool = False
    tense: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and v != ""}


@dataclass
class TimeFrame:
    """What one document's text says about when it was written (JSON-serializable)."""
    constraints: list[Constraint] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        """Explicit years the text names, ascending."""
        found = {_parse(c.timex).year for c in self.constraints}
        return sorted(y for y in found if y is not None)

    @property
    def anchor_weekdays(self) -> list[int]:
        """Weekdays the anchor is said to be ('on' clues and 'this' + past/present weekdays)."""
        days = {c.weekday for c in self.constraints if c.relation == "on" and c.weekday}
        for c in self.constraints:
            p = _parse(c.timex)
            if c.relation == "this" and p.kind == "weekday" and c.tense in ("past", "present"):
                days.add(p.weekday)
        return sorted(days)

    def is_empty(self) -> bool:
        return not self.constraints

    def to_dict(self) -> dict[str, Any]:
        return {"constraints": [c.to_dict() for c in self.constraints],
                "years": self.years, "anchor_weekdays": self.anchor_weekdays}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TimeFrame":
        known = set(Constraint.__dataclass_fields__)
        return cls([Constraint(**{k: v for k, v in c.items() if k in known})
                    for c in data.get("constraints", [])])


@dataclass(frozen=True)
class _Parsed:
    kind: str                 # year | month | day | month_day | month_only | weekday | present | ref | other
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int = 0


@lru_cache(maxsize=4096)
def _parse(timex: str) -> _Parsed:
    """What a clue's timex is. Alternatives ("XXXX-06-23|XXXX-07-23", Spanish "el 23J") are of
    the kind of their first reading; a clue's verdict takes the reading that fits best."""
    if "|" in timex:
        return _parse(timex.split("|")[0])
    if m := _DAY.match(timex):
        y, mo, d = map(int, m.groups())
        if _valid(y, mo, d):
            return _Parsed("day", y, mo, d)
    elif m := _YEAR_MONTH.match(timex):
        y, mo = map(int, m.groups())
        if 1 <= mo <= 12:
            return _Parsed("month", y, mo)
    elif m := _YEAR.match(timex):
        return _Parsed("year", int(m.group(1)))
    elif m := _MONTH_DAY.match(timex):
        mo, d = map(int, m.groups())
        if _valid(2000, mo, d):  # 2000 is a leap year: accepts 29 February
            return _Parsed("month_day", None, mo, d)
    elif m := _MONTH.match(timex):
        mo = int(m.group(1))
        if 1 <= mo <= 12:
            return _Parsed("month_only", None, mo)
    elif m := _WEEKDAY.match(timex):
        return _Parsed("weekday", weekday=int(m.group(1)))
    elif timex in _PRESENT:
        return _Parsed("present")
    elif m := _REF_DAYS.match(timex):
        sign, n = m.groups()
        return _Parsed("ref", offset=int(n) * (1 if sign == "+" else -1))
    return _Parsed("other")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _relation(direction: str | None, tense: str | None) -> tuple[str, bool]:
    if direction == "past":
        return "after", True
    if direction == "future":
        return "before", True
    if direction == "this":
        return "this", True
    if tense == "past":
        return "after", False
    if tense == "future":
        return "before", False
    return "near", False


def document_frame(mentions: list[_MentionLike], tenses: list[str | None],
                   source: str | None = None) -> TimeFrame:
    """Gather one document's time clues; tenses[i] is the sentence tense of mentions[i].

    The mention's own direction ("dernier", "next", "ce") wins over the verb's tense. A bare
    weekday that the report also gives with its date ("el lunes 21 de abril ... la noche del
    lunes") is that date, already counted: it is not a clue of its own. A date in the address
    of the page (`source`, ".../2024/09/21/slug") is the day it was published, near the day of
    writing.
    """
    constraints: list[Constraint] = []
    dated_weekdays = {getattr(m, "weekday", None) for m in mentions
                      if _parse(m.timex).kind in ("day", "month_day")} - {None}
    for i, mention in enumerate(mentions):
        tense = tenses[i] if i < len(tenses) else None
        if tense not in ("past", "future", "present"):
            tense = None  # callers may pass a direction ('this') where the tense is unknown
        parsed = _parse(mention.timex)
        weekday = getattr(mention, "weekday", None)
        if parsed.kind == "weekday":
            weekday = parsed.weekday
        if parsed.kind == "present":
            if weekday:
                constraints.append(Constraint("on", mention.timex, weekday, True, tense,
                                              mention.text))
            continue
        if parsed.kind == "ref":
            # "demain lundi" (REF+P1D, Monday): the anchor is the day before a Monday
            if weekday:
                anchor_day = (weekday - 1 - parsed.offset) % 7 + 1
                constraints.append(Constraint("on", mention.timex, anchor_day, True, tense,
                                              mention.text))
            continue
        if parsed.kind == "other":
            continue
        if parsed.kind == "weekday" and not mention.direction and parsed.weekday in dated_weekdays:
            continue
        relation, worded = _relation(mention.direction, tense)
        constraints.append(Constraint(relation, mention.timex, weekday, worded, tense,
                                      mention.text))
    published = date_from_url(source) if source else None
    if published:
        constraints.append(Constraint("this", published, None, True, None, URL_CLUE))
    return TimeFrame(constraints)


URL_CLUE = "(page address)"
# ".../2024/09/21/...", ".../2024-08/03/...", "...-2024-08-03...", ".../20210616153117..." (a
# timestamp), ".../2020/10/..." (a month): what news sites put in their addresses.
_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_-])(?P<m>0?[1-9]|1[0-2])[/_-]"
                      r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_STAMP = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
                        r"(?:\d{6,})?(?!\d)")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/")


def date_from_url(url: str) -> str | None:
    """The publication date written in a page's address (ISO day or year-month), or None.

    Only the path counts (not the host), and only a plausible calendar date: a year 1990-2099
    with a valid month and day, or "/YYYY/MM/" for a month. "article-12427807" is no date."""
    path = re.sub(r"^[a-z][\w+.-]*://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    for rx in (_URL_DAY, _URL_STAMP):
        for m in rx.finditer(path):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if 1990 <= y and _valid(y, mo, d):
                return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _URL_MONTH.search(path)
    if m and int(m.group("y")) >= 1990:
        return f"{int(m.group('y')):04d}-{int(m.group('m')):02d}"
    return None


# --------------------------------------------------------------------------------------------
# The anchor of one document
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Anchor:
    """The day a report was written, or at least its year; how it was found and how sure."""
    date: dt.date | None
    year: int | None
    method: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat() if self.date else None, "year": self.year,
                "method": self.method, "confidence": self.confidence}

    @property
    def year_for_dates(self) -> int | None:
        """The year a date without one may take from this anchor: none from a guess resting on
        bare years alone (a report about a president of "1945-1951" is not written in 1951)."""
        return None if self.method == _BARE_YEAR else self.year


_BARE_YEAR = "inferred:bare-year"


def year_for_dates(anchor: str | None, method: str | None) -> int | None:
    """`Anchor.year_for_dates` of an anchor as the store keeps it (its text and method)."""
    if not anchor or not anchor[:4].isdigit() or method == _BARE_YEAR:
        return None
    return int(anchor[:4])


_HARD = 2.0        # a broken day-level clue (weekday pin, explicit day, weekday+date pair)
_SOFT = 1.0        # a broken month- or year-level clue
_RECENCY_CAP = 60  # days: a past event older than this says nothing more about the anchor
# A related report this sure of its day (metadata, or its own clues pinning the weekday) is a
# better guide to when a sibling report was written than "as soon after its events as possible":
# among days that fit the report's own clues equally, closeness to it outranks recency.
_STRONG_RELATED = 0.85
_STRONG_SLACK_DAYS = 7
_BACKGROUND_DAYS = 14   # a past day this much older than a dated sibling report is its background
_YEAR_FLOOR, _YEAR_CEIL = 1000, 9000


def _occurrence(month: int, day: int, anchor: dt.date, how: str) -> dt.date | None:
    """The month-day nearest the anchor: 'before' (strictly), 'after' (strictly) or 'nearest'."""
    def make(y: int) -> dt.date | None:
        return dt.date(y, month, day) if _valid(y, month, day) else None
    if how == "before":
        for y in range(anchor.year, anchor.year - 9, -1):
            d = make(y)
            if d and d < anchor:
                return d
        return None
    if how == "after":
        for y in range(anchor.year, anchor.year + 9):
            d = make(y)
            if d and d > anchor:
                return d
        return None
    before = _occurrence(month, day, anchor, "before")
    same = make(anchor.year) if make(anchor.year) == anchor else None
    after = _occurrence(month, day, anchor, "after")
    options = [d for d in (same, before, after) if d]
    return min(options, key=lambda d: (abs((d - anchor).days), d)) if options else None


def _month_start_before(month: int, anchor: dt.date) -> dt.date:
    """First day of the latest such month starting on or before the anchor."""
    y = anchor.year if month <= anchor.month else anchor.year - 1
    return dt.date(y, month, 1)


def _month_end(y: int, month: int) -> dt.date:
    return dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


@dataclass
class _Score:
    violations: float = 0.0
    broken: int = 0
    spread: int = 0
    past_gaps: list[int] = field(default_factory=list)
    explicit_gap: int | None = None


def _weekday_distance(c: Constraint, wd: int, anchor: dt.date, score: _Score) -> None:
    a = anchor.isoweekday()
    if c.relation == "after":
        d = (a - wd) % 7
        score.spread += (d or 7) if c.worded else d
    elif c.relation == "before":
        d = (wd - a) % 7
        score.spread += (d or 7) if c.worded else d
    elif c.relation == "this":
        # same ISO week; the verb's tense says on which side of the anchor
        if (c.tense == "past" and wd > a) or (c.tense == "future" and wd < a):
            score.violations += _HARD
            score.broken += 1
        score.spread += abs(wd - a)
    else:
        score.spread += min((a - wd) % 7, (wd - a) % 7)


def _evaluate_one(c: Constraint, anchor: dt.date, score: _Score) -> None:
    """Add one clue's verdict on `anchor` to `score`."""
    if "|" in c.timex:          # the reading that fits best: fewest violations, spread, recency
        best = None
        for timex in c.timex.split("|"):
            one = _Score()
            _evaluate_one(Constraint(c.relation, timex, c.weekday, c.worded, c.tense), anchor, one)
            rank = (one.violations, one.spread, sum(min(g, _RECENCY_CAP) for g in one.past_gaps))
            if best is None or rank < best[0]:
                best = (rank, one)
        one = best[1]
        score.violations += one.violations
        score.broken += one.broken
        score.spread += one.spread
        score.past_gaps.extend(one.past_gaps)
        if one.explicit_gap is not None and (score.explicit_gap is None or one.explicit_gap < score.explicit_gap):
            score.explicit_gap = one.explicit_gap
        return
    p = _parse(c.timex)
    if c.relation == "on":
        if c.weekday and anchor.isoweekday() != c.weekday:
            score.violations += _HARD
            score.broken += 1
    elif p.kind == "weekday":
        _weekday_distance(c, p.weekday, anchor, score)
    elif p.kind == "month_day":
        how = {"after": "before", "before": "after"}.get(c.relation, "nearest")
        event = _occurrence(p.month, p.day, anchor, how)
        if event is None:
            return
        if c.weekday and event.isoweekday() != c.weekday:
            score.violations += _HARD  # "Tuesday, January 20" in a year where it is not
            score.broken += 1
        if c.relation == "after":
            score.past_gaps.append((anchor - event).days)
        elif c.relation == "this":
            score.spread += abs((anchor - event).days)
    elif p.kind == "month_only":
        if c.relation == "after":
            first = _month_start_before(p.month, anchor)
            last = _month_end(first.year, p.month)
            score.past_gaps.append((anchor - min(last, anchor)).days)
        elif c.relation == "this" and anchor.month != p.month:
            score.violations += _SOFT
            score.broken += 1
    elif p.kind == "day":
        event = dt.date(p.year, p.month, p.day)
        gap = (anchor - event).days
        if (c.relation in ("after", "since") and gap <= 0) or (c.relation == "before" and gap >= 0) \
                or (c.relation == "this" and abs(gap) > 6):
            score.violations += _HARD
            score.broken += 1
        if c.relation == "after" and gap > 0:
            score.past_gaps.append(gap)
        elif c.relation == "this":
            score.spread += abs(gap)
        if c.relation != "since" and (score.explicit_gap is None or abs(gap) < score.explicit_gap):
            score.explicit_gap = abs(gap)
    elif p.kind == "month":
        first, last = dt.date(p.year, p.month, 1), _month_end(p.year, p.month)
        if (c.relation == "after" and anchor <= first) or \
                (c.relation == "before" and anchor > last) or \
                (c.relation == "this" and not first <= anchor <= last):
            score.violations += _SOFT
            score.broken += 1
        if c.relation == "after" and anchor > first:
            score.past_gaps.append((anchor - min(last, anchor)).days)
    elif p.kind == "year":
        if (c.relation == "after" and anchor.year < p.year) or \
                (c.relation == "before" and anchor.year > p.year) or \
                (c.relation == "this" and anchor.year != p.year):
            score.violations += _SOFT
            score.broken += 1


def _group(constraints: Iterable[Constraint]) -> list[tuple[Constraint, int]]:
    """Identical clues (the election date named five times) evaluated once, counted n times."""
    counts: dict[tuple, list] = {}
    for c in constraints:
        key = (c.relation, c.timex, c.weekday, c.worded, c.tense)
        if key in counts:
            counts[key][1] += 1
        else:
            counts[key] = [c, 1]
    return [(c, n) for c, n in counts.values()]


def _evaluate(groups: list[tuple[Constraint, int]], anchor: dt.date) -> _Score:
    score = _Score()
    for c, n in groups:
        if n == 1:
            _evaluate_one(c, anchor, score)
            continue
        one = _Score()
        _evaluate_one(c, anchor, one)
        score.violations += one.violations * n
        score.broken += one.broken * n
        score.spread += one.spread * n
        score.past_gaps.extend(one.past_gaps * n)
        if one.explicit_gap is not None and (score.explicit_gap is None
                                             or one.explicit_gap < score.explicit_gap):
            score.explicit_gap = one.explicit_gap
    return score


def _text_year_penalties(frame: TimeFrame, bare: bool = False) -> dict[int, float]:
    """Prior cost of each candidate anchor year from the explicit years the text names.

    Only years written with a month or day count (`bare=False`): a bare past year ("lors du
    plébiscite de 1988", "since 2010") is background that bounds the anchor (see `_evaluate`)
    but does not suggest it. With `bare=True`, only bare years in the present ("l'élection de
    2025 est ...") are read, as a weak fallback. Among the years counted only the recent ones
    matter (the latest and the year before it). A past date suggests its year (or the next
    one); a future one its year (or the year before, early in the year: "January 5, 2026" read
    in December 2025).
    """
    mentions = []
    for c in frame.constraints:
        p = _parse(c.timex)
        if p.year is None or c.relation == "on":
            continue
        is_bare = p.kind == "year" and c.relation != "this"
        if is_bare != bare or (bare and c.relation != "near"):
            continue
        mentions.append((p.year, p.month, c.relation))
    if not mentions:
        return {}
    latest = max(y for y, _, _ in mentions)
    recent = [m for m in mentions if m[0] >= latest - 1]
    candidates = {y + k for y, _, _ in recent for k in (-1, 0, 1)}
    penalties: dict[int, float] = {}
    for cand in sorted(candidates):
        total = 0.0
        for y, month, relation in recent:
            delta = cand - y
            if delta == 0:
                cost = 0.0
            elif relation in ("after", "since"):
                cost = 1.0 if delta == 1 else 2.0
            elif relation == "before":
                cost = (0.0 if month and month <= 3 else 1.0) if delta == -1 else 2.0
            elif delta == -1:       # no tense: as likely a plan ("entrée en fonction le 1er mars 2025")
                cost = 0.0 if month and month <= (3 if relation == "near" else 2) else 1.0
            elif delta == 1:
                cost = 0.0 if month == 12 else 1.0
            else:
                cost = 2.0
            total += cost
        penalties[cand] = total
    return penalties


def _support_penalties(support: dict[int, float]) -> dict[int, float]:
    """Prior cost in [0, 1] of each year from outside support (a hint, related reports)."""
    spread: dict[int, float] = {}
    for y, w in support.items():
        for k, share in ((0, 1.0), (-1, 0.3), (1, 0.3)):
            spread[y + k] = spread.get(y + k, 0.0) + w * share
    top = max(spread.values(), default=0.0)
    if top <= 0:
        return {}
    return {y: 1.0 - s / top for y, s in spread.items()}


@dataclass(frozen=True)
class _Choice:
    date: dt.date
    score: _Score
    key: tuple
    year_cost: float
    weekday_unique: bool
    has_day_clues: bool
    weekday_clues: bool
    year_source: str


def _has_day_clues(frame: TimeFrame) -> tuple[bool, bool]:
    """(weekday clues, week clues): what can place the anchor on a day.

    Named weekdays alone fix the day of the week, not the week; the week comes from events
    reported as past ("written soon after") or from a dated 'this' ("ce dimanche 21 décembre").
    """
    weekday = week = False
    for c in frame.constraints:
        p = _parse(c.timex)
        if c.relation == "on" or p.kind == "weekday":
            weekday = True
        if c.relation == "after" and p.kind in ("month_day", "month_only", "day", "month"):
            week = True
        if c.relation == "this" and p.kind in ("month_day", "day"):
            week = weekday = True
    return weekday, week


def _year_costs(frame: TimeFrame, support: dict[int, float]) -> tuple[dict[int, float], str]:
    """Candidate anchor years, their prior cost, and what suggested them: text|support|bare.

    Dated years in the text come first; outside support (a hint, related reports) only
    arbitrates between them. Without dated years, outside support decides, nudged by bare years
    in the present; without either, bare present years are a weak last resort.
    """
    text_pen = _text_year_penalties(frame)
    ext_pen = _support_penalties(support)
    bare_pen = _text_year_penalties(frame, bare=True)
    if text_pen:
        costs = {y: c + (ext_pen.get(y, 1.0) if ext_pen else 0.0) for y, c in text_pen.items()}
    elif ext_pen:
        costs = {y: c + (0.5 * bare_pen.get(y, 2.0) if bare_pen else 0.0)
                 for y, c in ext_pen.items()}
    else:
        costs = bare_pen
    costs = {y: c for y, c in costs.items() if _YEAR_FLOOR <= y <= _YEAR_CEIL}
    return costs, "text" if text_pen else "support" if ext_pen else "bare"


def _constraint_key(c: Constraint) -> tuple:
    """The fields a clue's verdict depends on (its text does not count)."""
    return (c.relation, c.timex, c.weekday, c.worded, c.tense)


@lru_cache(maxsize=1024)
def _year_table(key: tuple, year: int):
    """One clue's verdict on every day of `year`: (violations, spread, capped recency) arrays.

    The same arithmetic as `_evaluate_one`, done for a whole year at once, cached per clue and
    year and shared by every report that states the clue: the day-by-day search then reduces
    to adding a few arrays. (tests/test_timeline.py checks it against `_evaluate_one` day by day.)
    """
    import numpy as np
    relation, timex, weekday, worded, tense = key
    if "|" in timex:            # per day, the reading that fits best (as _evaluate_one picks it)
        tables = [_year_table((relation, t, weekday, worded, tense), year) for t in timex.split("|")]
        violations, spread, recency = (np.stack([t[k] for t in tables]) for k in range(3))
        best = np.lexsort((recency, spread, violations), axis=0)[0]
        columns = np.arange(violations.shape[1])
        chosen = tuple(np.ascontiguousarray(a[best, columns]) for a in (violations, spread, recency))
        for array in chosen:
            array.flags.writeable = False
        return chosen
    p = _parse(timex)
    start = dt.date(year, 1, 1).toordinal()
    n_days = dt.date(year, 12, 31).toordinal() - start + 1
    anchor = np.arange(start, start + n_days, dtype=np.int64)
    isoweekday = (anchor - 1) % 7 + 1              # ordinal 1 (0001-01-01) is a Monday
    violations = np.zeros(n_days)
    spread = np.zeros(n_days, dtype=np.int64)
    recency = np.zeros(n_days, dtype=np.int64)
    if relation == "on":
        if weekday:
            violations += np.where(isoweekday != weekday, _HARD, 0.0)
    elif p.kind == "weekday":
        wd = p.weekday
        if relation in ("after", "before"):
            d = (isoweekday - wd) % 7 if relation == "after" else (wd - isoweekday) % 7
            spread += np.where(d == 0, 7, d) if worded else d
        elif relation == "this":
            broken = (wd > isoweekday) if tense == "past" else (wd < isoweekday) if tense == "future" \
                else np.zeros(n_days, dtype=bool)
            violations += np.where(broken, _HARD, 0.0)
            spread += np.abs(wd - isoweekday)
        else:
            spread += np.minimum((isoweekday - wd) % 7, (wd - isoweekday) % 7)
    elif p.kind == "month_day":
        event = _month_day_events(p.month, p.day, year, anchor, relation)
        found = event >= 0
        if weekday:
            violations += np.where(found & ((event - 1) % 7 + 1 != weekday), _HARD, 0.0)
        if relation == "after":
            recency += np.where(found, np.minimum(anchor - event, _RECENCY_CAP), 0)
        elif relation == "this":
            spread += np.where(found, np.abs(anchor - event), 0)
    elif p.kind == "month_only":
        months = _months_of_year(year)
        if relation == "after":
            # the latest such month starting on or before the anchor: this year's or last year's
            this_last = _month_end(year, p.month).toordinal()
            prev_last = _month_end(year - 1, p.month).toordinal()
            last = np.where(p.month <= months, this_last, prev_last)
            recency += np.minimum(anchor - np.minimum(last, anchor), _RECENCY_CAP)
        elif relation == "this":
            violations += np.where(months != p.month, _SOFT, 0.0)
    elif p.kind == "day":
        gap = anchor - dt.date(p.year, p.month, p.day).toordinal()
        broken = (gap <= 0) if relation in ("after", "since") else (gap >= 0) if relation == "before" \
            else (np.abs(gap) > 6) if relation == "this" else np.zeros(n_days, dtype=bool)
        violations += np.where(broken, _HARD, 0.0)
        if relation == "after":
            recency += np.where(gap > 0, np.minimum(gap, _RECENCY_CAP), 0)
        elif relation == "this":
            spread += np.abs(gap)
    elif p.kind == "month":
        first = dt.date(p.year, p.month, 1).toordinal()
        last = _month_end(p.year, p.month).toordinal()
        broken = (anchor <= first) if relation == "after" else (anchor > last) if relation == "before" \
            else ~((first <= anchor) & (anchor <= last)) if relation == "this" \
            else np.zeros(n_days, dtype=bool)
        violations += np.where(broken, _SOFT, 0.0)
        if relation == "after":
            recency += np.where(anchor > first, np.minimum(anchor - np.minimum(last, anchor),
                                                           _RECENCY_CAP), 0)
    elif p.kind == "year":
        broken = (year < p.year) if relation == "after" else (year > p.year) if relation == "before" \
            else (year != p.year) if relation == "this" else False
        if broken:
            violations += _SOFT
    for array in (violations, spread, recency):
        array.flags.writeable = False
    return violations, spread, recency


def _months_of_year(year: int):
    import numpy as np
    return np.concatenate([np.full(_month_end(year, m).day, m, dtype=np.int64) for m in range(1, 13)])


def _month_day_events(month: int, day: int, year: int, anchor, relation: str):
    """Ordinal of the event `_occurrence` picks for each anchor day of `year` (-1: none).

    Within one year only three dates can be picked: this year's (if it exists), the last
    earlier one and the next later one (29 February skips years).
    """
    import numpy as np

    def ordinal(y: int) -> int:
        return dt.date(y, month, day).toordinal() if _valid(y, month, day) else -1
    same = ordinal(year)
    earlier = next((o for o in map(ordinal, range(year - 1, year - 9, -1)) if o >= 0), -1)
    later = next((o for o in map(ordinal, range(year + 1, year + 9)) if o >= 0), -1)
    # 'before' (strictly before the anchor) and 'after' (strictly after it), as in _occurrence
    before = np.where((same >= 0) & (same < anchor), same, earlier) if same >= 0 \
        else np.full(len(anchor), earlier)
    after = np.where((same >= 0) & (same > anchor), same, later) if same >= 0 \
        else np.full(len(anchor), later)
    if relation == "after":
        return before
    if relation == "before":
        return after
    # nearest: the anchor day itself, else the closer of before/after (the earlier on a tie)
    big = np.int64(1) << 40
    gap_before = np.where(before >= 0, anchor - before, big)
    gap_after = np.where(after >= 0, after - anchor, big)
    nearest = np.where(gap_before <= gap_after, before, after)
    nearest = np.where((before < 0) & (after < 0), -1, nearest)
    return np.where(anchor == same, same, nearest) if same >= 0 else nearest


@lru_cache(maxsize=1024)
def _year_totals(groups_key: tuple, year: int):
    """(violations, spread, recency) of every day of `year` for a set of (clue key, count)."""
    import numpy as np
    n_days = dt.date(year, 12, 31).toordinal() - dt.date(year, 1, 1).toordinal() + 1
    violations, spread, recency = np.zeros(n_days), np.zeros(n_days, dtype=np.int64), \
        np.zeros(n_days, dtype=np.int64)
    for key, n in groups_key:   # group by group, in the order _evaluate adds them
        v, s, r = _year_table(key, year)
        violations = violations + v * n
        spread = spread + s * n
        recency = recency + r * n
    for array in (violations, spread, recency):
        array.flags.writeable = False
    return violations, spread, recency


@lru_cache(maxsize=8192)
def _year_front(groups_key: tuple, year: int, depth: int = 3) -> tuple[tuple[float, ...], arrays.array]:
    """The days of `year` that best fit a set of clues on (violations, spread, recency).

    Returns the minima of the first `depth` columns (taken in that order) and the ordinals of
    the days reaching them: the only days of the year that can win, since the year's cost is
    the same for all its days. depth=2 leaves recency to the caller (strong related reports
    rank before it). The ordinals are a compact array, not a tuple of ints: a clue that pins
    only the year ties all 365 days, and the cache holds thousands of entries (36 bytes a day
    as a tuple, 4 as an array).
    """
    import numpy as np
    totals = _year_totals(groups_key, year)
    chosen = np.ones(len(totals[0]), dtype=bool)
    minima = []
    for column in totals[:depth]:
        lowest = column[chosen].min()
        chosen &= column == lowest
        minima.append(lowest.item())
    start = dt.date(year, 1, 1).toordinal()
    return tuple(minima), arrays.array("i", (np.flatnonzero(chosen) + start).tolist())


def _fit(groups_key: tuple, day: dt.date) -> tuple[float, int]:
    """(violations, spread) of one day, read from the year totals (equal to `_evaluate`'s)."""
    violations, spread, _ = _year_totals(groups_key, day.year)
    i = day.toordinal() - dt.date(day.year, 1, 1).toordinal()
    return violations[i].item(), spread[i].item()


def _related_gap(day: dt.date, related: list[tuple[dt.date, float]]) -> float:
    """Weighted distance in days from `day` to related reports' dates."""
    return sum(w * abs((day - d).days) for d, w in related) if related else 0.0


def _day_key(groups: list[tuple[Constraint, int]], day: dt.date, year_cost: float,
             related: list[tuple[dt.date, float]],
             strong: list[tuple[dt.date, float]] | None = None, stale: bool = False) -> tuple[tuple, _Score]:
    """The full ranking key of one candidate day (lower is better), as the search defines it.

    `stale`: the day's past events are much older than at the best-fitting days (see
    `_best_day`); only then does recency rank before the distance to strong related reports.
    """
    score = _evaluate(groups, day)
    recency = sum(min(g, _RECENCY_CAP) for g in score.past_gaps)
    key = (score.violations, year_cost, score.spread, stale, _related_gap(day, strong or []), recency,
           _related_gap(day, related), score.explicit_gap if score.explicit_gap is not None else 0,
           day.toordinal())
    return key, score


def _recency_slack(groups: list[tuple[Constraint, int]], freshest: dt.date) -> int:
    """How much older (summed days) the past events may be than at the freshest fitting day and
    the day still fit 'equally': a week per past event. Beyond it ("10 June" a year ago) the
    report's own clues speak against the day, whatever a related report says."""
    return _STRONG_SLACK_DAYS * max(1, len(_evaluate(groups, freshest).past_gaps))


def _near_window(strong: list[tuple[dt.date, float]], window: list[int]) -> list[tuple[dt.date, float]]:
    """The strong related reports dated within a week of the days that fit the report's own
    clues equally: only they may pull the anchor. One dated weeks away (a follow-up written
    fifty days after the election) is about another moment of the story."""
    low, high = min(window) - _STRONG_SLACK_DAYS, max(window) + _STRONG_SLACK_DAYS
    return [(d, w) for d, w in strong if low <= d.toordinal() <= high]


def _closest(ordinals: list[int], related: list[tuple[dt.date, float]]) -> list[int]:
    """The ordinals nearest the related reports, by the weighted distance `_related_gap` sums
    (cumsum adds row after row in the same order, so the floats are the same to the last bit)."""
    import numpy as np
    days = np.array(ordinals, dtype=np.int64)
    dates = np.array([d.toordinal() for d, _ in related], dtype=np.int64)
    weights = np.array([w for _, w in related], dtype=np.float64)
    gaps = np.cumsum(weights[:, None] * np.abs(days[None, :] - dates[:, None]), axis=0)[-1]
    return days[gaps == gaps.min()].tolist()


def _explicit_gaps(groups: list[tuple[Constraint, int]], ordinals: list[int]):
    """The explicit-date gap `_evaluate` gives each day (0 for none), as an array; None when a
    clue has alternative readings (whose gap is the best reading's: only `_evaluate` knows it)."""
    import numpy as np
    events = []
    for c, _ in groups:
        if "|" in c.timex:
            return None
        p = _parse(c.timex)
        if p.kind == "day" and c.relation not in ("on", "since"):
            events.append(dt.date(p.year, p.month, p.day).toordinal())
    if not events:
        return np.zeros(len(ordinals), dtype=np.int64)
    days = np.array(ordinals, dtype=np.int64)
    return np.abs(days[:, None] - np.array(events, dtype=np.int64)[None, :]).min(axis=1)


def _best_day(groups: list[tuple[Constraint, int]], year_costs: dict[int, float],
              related: list[tuple[dt.date, float]],
              strong: list[tuple[dt.date, float]] | None = None) -> tuple[tuple, dt.date, _Score, float]:
    """The day with the smallest `_day_key` among all days of the candidate years.

    The key's parts (violations, year cost, spread, [distance to strong related reports],
    recency) add up clue by clue, so each year's best days come from cached tables
    (`_year_front`); only the days tied on them are ranked by the rest of the key (distance to
    related reports, explicit-date gap, then the earliest day).
    """
    import numpy as np
    groups_key = tuple((_constraint_key(c), n) for c, n in groups)
    depth = 2 if strong else 3
    fronts = {year: _year_front(groups_key, year, depth) for year in sorted(year_costs)}
    years = list(fronts)
    ranks = [lambda y: fronts[y][0][0], year_costs.__getitem__, lambda y: fronts[y][0][1]]
    if not strong:
        ranks.append(lambda y: fronts[y][0][2])
    for rank in ranks:
        lowest = min(map(rank, years))
        years = [y for y in years if rank(y) == lowest]
    ordinals = [o for y in years for o in fronts[y][1]]
    if strong:
        by_recency = {}
        for y in years:     # each year's tied days read from its recency column at once
            front = np.array(fronts[y][1], dtype=np.int64) - dt.date(y, 1, 1).toordinal()
            by_recency.update(zip(fronts[y][1], _year_totals(groups_key, y)[2][front].tolist()))
        freshest = min(by_recency.values())
        limit = freshest + _recency_slack(groups, dt.date.fromordinal(min(by_recency, key=by_recency.get)))
        window = [o for o in ordinals if by_recency[o] <= limit]
        strong = _near_window(strong, window)
        ordinals = _closest(window, strong) if strong else window
        lowest = min(by_recency[o] for o in ordinals)
        ordinals = [o for o in ordinals if by_recency[o] == lowest]
    if related and len(ordinals) > 1:
        ordinals = _closest(ordinals, related)
    if len(ordinals) > 1:
        # all tied up to the explicit-date gap: the smallest gap wins, then the earliest day
        gaps = _explicit_gaps(groups, ordinals)
        if gaps is None:
            def rest(ordinal: int) -> tuple[int, int]:
                gap = _evaluate(groups, dt.date.fromordinal(ordinal)).explicit_gap
                return (gap if gap is not None else 0, ordinal)
            ordinals = [min(ordinals, key=rest)]
        else:
            days = np.array(ordinals, dtype=np.int64)
            ordinals = [int(days[gaps == gaps.min()].min())]
    day = dt.date.fromordinal(ordinals[0])
    key, score = _day_key(groups, day, year_costs[day.year], related, strong)
    return key, day, score, year_costs[day.year]


_INFER_CACHE: dict[tuple, "_Choice | None"] = {}
_INFER_CACHE_SIZE = 4096
_MISSING = object()


def _infer(frame: TimeFrame, support: dict[int, float] | None = None,
           related: list[tuple[dt.date, float]] | None = None,
           memo: dict[tuple, "_Choice | None"] | None = None,
           strong: list[tuple[dt.date, float]] | None = None) -> _Choice | None:
    """Search candidate years day by day for the anchor that best fits the frame.

    Memoized on what the answer depends on (reports often state the same clues): in a module
    cache without related reports, in the caller's `memo` (one corpus pass) with them, whose
    keys are long.
    """
    cache = memo if related or strong else _INFER_CACHE
    if cache is None:
        return _infer_uncached(frame, support, related, strong)
    cache_key = (tuple(_constraint_key(c) for c in frame.constraints),
                 tuple(support.items()) if support else (), tuple(related) if related else (),
                 tuple(strong) if strong else ())
    found = cache.get(cache_key, _MISSING)
    if found is _MISSING:
        found = _infer_uncached(frame, support, related, strong)
        if cache is _INFER_CACHE and len(cache) >= _INFER_CACHE_SIZE:
            cache.pop(next(iter(cache)))
        cache[cache_key] = found
    return found


def _infer_uncached(frame: TimeFrame, support: dict[int, float] | None = None,
                    related: list[tuple[dt.date, float]] | None = None,
                    strong: list[tuple[dt.date, float]] | None = None) -> _Choice | None:
    year_costs, year_source = _year_costs(frame, support or {})
    if not year_costs:
        return None
    related = related or []
    groups = _group(frame.constraints)
    key, day, score, year_cost = _best_day(groups, year_costs, related, strong)
    # is the weekday pinned? every other day of the same week must fit worse
    groups_key = tuple((_constraint_key(c), n) for c, n in groups)
    unique = True
    for shift in range(-6, 7):
        if shift == 0:
            continue
        if _fit(groups_key, day + dt.timedelta(days=shift)) <= (score.violations, score.spread):
            unique = False
            break
    weekday_clues, week_clues = _has_day_clues(frame)
    dated = (week_clues or (weekday_clues and bool(related))) and year_source != "bare"
    return _Choice(day, score, key, year_cost, unique and weekday_clues, dated, weekday_clues,
                   year_source)


def _confidence(choice: _Choice) -> float:
    conf = 0.9 if choice.weekday_unique else (0.55 if choice.weekday_clues else 0.4)
    gaps = choice.score.past_gaps
    recent = min(gaps) if gaps else None
    if recent is None:
        conf *= 0.6
    elif recent <= 7:
        conf *= 1.0
    elif recent <= 14:
        conf *= 0.85
    else:
        conf *= 0.65
    if choice.year_cost > 0:
        conf *= 0.85
    conf *= 0.6 ** choice.score.broken
    return conf


def _method(choice: _Choice, prefix: str) -> str:
    parts = []
    if choice.weekday_unique:
        parts.append("weekday")
    if choice.score.past_gaps:
        parts.append("past-event")
    if choice.score.explicit_gap is not None:
        parts.append("explicit-date")
    if choice.score.broken:
        parts.append(f"dropped-{choice.score.broken}")
    return prefix + ("+".join(parts) or "year")


def anchor_for(frame: TimeFrame, year_hint: int | None = None) -> Anchor | None:
    """The report's anchor from its own clues (and an optional year hint), or None.

    The chosen day breaks the fewest clues (conflicts drop the weakest), sits in the year the
    text's explicit years suggest, keeps the named weekdays nearest, and follows the reported
    past events as closely as possible. A date is only given when a day-level clue exists;
    otherwise just the year.
    """
    support = {year_hint: 1.0} if year_hint is not None else None
    choice = _infer(frame, support)
    if choice is None:
        return None
    from_text = choice.year_source == "text"
    prefix = "inferred:" if from_text else "inferred(year-hint):"
    if choice.year_source == "bare":
        return Anchor(None, choice.date.year, _BARE_YEAR, 0.3)
    if not choice.has_day_clues:
        return Anchor(None, choice.date.year, prefix + "year", 0.5 if from_text else 0.35)
    conf = _confidence(choice) * (1.0 if from_text else 0.8)
    if _published_on(frame, choice.date):
        return Anchor(choice.date, choice.date.year, _method(choice, prefix) + "+url", max(round(conf, 3), 0.9))
    return Anchor(choice.date, choice.date.year, _method(choice, prefix), round(conf, 3))


def _published_on(frame: TimeFrame, day: dt.date) -> bool:
    """Does the page's address date it to `day`? (Then the anchor is as sure as a dated wire.)"""
    return any(c.text == URL_CLUE and c.timex == day.isoformat() for c in frame.constraints)


# --------------------------------------------------------------------------------------------
# Anchors across a corpus
# --------------------------------------------------------------------------------------------

def _overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two reports' names: a related report's weight (_RelatedIndex computes
    the same value from arrays)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / len(a | b) if shared else 0.0


def anchor_corpus(frames: dict[str, TimeFrame], entities: dict[str, Collection[str]],
                  known: dict[str, dt.date] | None = None, mapper: Callable = map) -> dict[str, Anchor]:
    """Anchors for a corpus: metadata first, then each text's own clues, then related reports.

    A report whose text names no usable year borrows candidate years (and nearby dates) from the
    reports sharing its people and places, weighted by entity overlap (Jaccard), with lower
    confidence ("corpus:..."). A report whose text holds no time clue at all gets no anchor:
    sharing people says nothing about when a dateless text was written. Only the
    _RELATED_MAX most related reports lend (see _RelatedIndex), so the cost grows linearly.
    Each report's own anchor, and each round's borrowing, is one report's work: `mapper` (map, or
    one that spreads them over processes, results in order) does them.
    """
    known = known or {}
    anchors: dict[str, Anchor] = {}
    for doc in sorted(known):
        day = known[doc]
        anchors[doc] = Anchor(day, day.year, "metadata", 1.0)
    own: dict[str, Anchor] = {}
    unknown = [doc for doc in sorted(frames) if doc not in anchors]
    for doc, found in zip(unknown, mapper(lambda doc: anchor_for(frames[doc]), unknown)):
        if found is not None:
            own[doc] = found
            if found.date is not None or not any(_has_day_clues(frames[doc])):
                anchors[doc] = found  # settled; a year-only one still lends its year
    # Propagate in rounds from what is settled; each round reads only the previous one, so the
    # result does not depend on the order of the documents.
    memo: dict[tuple, _Choice | None] = {}   # a report retried in a later round often asks again
    old_days: dict[tuple, dict] = {}         # each dated sibling's old days, worked out once
    for _ in range(3):
        settled = dict(anchors)
        index = _RelatedIndex(settled, entities)
        added = False
        borrowers = [doc for doc in sorted(frames) if doc not in settled and not frames[doc].is_empty()]

        def borrow(doc, settled=settled, index=index):
            return _borrow(doc, frames[doc], entities, settled, index, memo, frames, old_days)
        for doc, borrowed in zip(borrowers, mapper(borrow, borrowers)):
            if borrowed is not None:
                anchors[doc] = borrowed
                added = True
        if not added:
            break
    for doc, found in own.items():
        anchors.setdefault(doc, found)  # year-only from the text when nothing better came
    return {doc: anchors[doc] for doc in sorted(anchors)}


def lent_clues(frame: TimeFrame) -> TimeFrame:
    """What a report dated otherwise (metadata) still tells its siblings: the past days it names
    (see background_of_related). The rest of its clues need not be kept."""
    return TimeFrame([c for c in frame.constraints if _is_past_day(c)])


def _is_past_day(c: Constraint) -> bool:
    return c.relation == "after" and "|" not in c.timex and _parse(c.timex).kind in ("day", "month_day")


def _old_days(frame: TimeFrame, anchor: Anchor) -> dict[tuple[int, int], dt.date]:
    """(month, day) -> date of the past days a report written on anchor.date gives as more than
    two weeks old."""
    old: dict[tuple[int, int], dt.date] = {}
    for c in frame.constraints:
        if not _is_past_day(c):
            continue
        p = _parse(c.timex)
        event = dt.date(p.year, p.month, p.day) if p.kind == "day" \
            else _occurrence(p.month, p.day, anchor.date, "before")
        if event is not None and (anchor.date - event).days > _BACKGROUND_DAYS:
            old.setdefault((event.month, event.day), event)
    return old


def background_of_related(frame: TimeFrame, related: list[tuple[str, float, Anchor]],
                          frames: dict[str, TimeFrame], cache: dict | None = None) -> TimeFrame:
    """The frame with its past days that a surely dated related report also gives as past, more
    than two weeks before it was written, turned into background ('since', with that report's
    year).

    "En la primera vuelta, celebrada el 27 de octubre" next to "este domingo": the dated sibling
    says "Oct. 27" four weeks before its own day, so the 27th is not what this report was written
    soon after (recency), only a day it follows; and its year is the sibling's. `cache` keeps each
    sibling's old days for one corpus pass."""
    background: dict[tuple[int, int], dt.date] = {}
    for other, _, anchor in related:                 # in document order: the first one wins
        if anchor.date is None or anchor.confidence < _STRONG_RELATED or other not in frames:
            continue
        key = (other, anchor.date)
        old = cache.get(key) if cache is not None else None
        if old is None:
            old = _old_days(frames[other], anchor)
            if cache is not None:
                cache[key] = old
        for day, event in old.items():
            background.setdefault(day, event)
    if not background:
        return frame
    constraints = []
    for c in frame.constraints:
        p = _parse(c.timex)
        event = background.get((p.month, p.day)) if c.relation == "after" and "|" not in c.timex else None
        if event is not None and (p.kind == "month_day" or p.kind == "day" and p.year == event.year):
            c = Constraint("since", event.isoformat(), c.weekday, c.worded, c.tense, c.text)
        constraints.append(c)
    return TimeFrame(constraints)


# A report borrows from its _RELATED_MAX most related reports (largest overlap, ties by document
# id), searched among at most _RELATED_CANDIDATES reports that share its rarest names first: the
# work per report stays bounded however large the corpus, even when one name is everywhere.
# Below both caps this is exactly every settled report that shares a name.
_RELATED_MAX = 200
_RELATED_CANDIDATES = 4000
_RELATED_POOL = 16 * _RELATED_CANDIDATES    # postings small enough to count shared names from directly


class _RelatedIndex:
    """The settled reports that have a year, and the names each one shares, as arrays."""

    def __init__(self, settled: dict[str, Anchor], entities: dict[str, Collection[str]]) -> None:
        import numpy as np
        self.docs = [doc for doc in sorted(settled) if settled[doc].year is not None]
        self.anchors = [settled[doc] for doc in self.docs]
        self.position = {doc: i for i, doc in enumerate(self.docs)}
        self.vocabulary: dict[str, int] = {}
        starts, names, postings = [0], [], []
        self._distinct = True       # no report names a name twice (see related)
        for i, doc in enumerate(self.docs):
            for name in entities.get(doc, ()):
                e = self.vocabulary.setdefault(name, len(self.vocabulary))
                if e == len(postings):
                    postings.append([])
                if postings[e] and postings[e][-1] == i:
                    self._distinct = False
                postings[e].append(i)
                names.append(e)
            starts.append(len(names))
        self.starts = np.array(starts, dtype=np.int64)      # CSR: names of report i are
        self.names = np.array(names, dtype=np.int64)        # names[starts[i]:starts[i + 1]]
        self.sizes = np.diff(self.starts)
        self.postings = [np.array(p, dtype=np.int64) for p in postings]   # in document order
        self._seen = np.zeros(len(self.docs), dtype=bool)
        self._mine = np.zeros(len(self.vocabulary), dtype=bool)

    def related(self, doc: str, mine: set[str]) -> list[tuple[str, float, Anchor]]:
        """(report, Jaccard overlap, anchor) of the reports most related to `doc`, in document order."""
        import numpy as np
        known = sorted((n for n in mine if n in self.vocabulary),
                       key=lambda n: (len(self.postings[self.vocabulary[n]]), n))
        if not known:
            return []
        own = self.position.get(doc, -1)
        postings = [self.postings[e] for e in dict.fromkeys(self.vocabulary[n] for n in known)]
        pooled = sum(map(len, postings))
        if self._distinct and pooled <= _RELATED_POOL and len(self.docs) <= 4 * pooled:
            # a dense corpus: count the names each report shares straight from the postings
            shared = np.bincount(np.concatenate(postings), minlength=len(self.docs))
            if own >= 0:
                shared[own] = 0
            candidates = np.flatnonzero(shared)
            if len(candidates) <= _RELATED_CANDIDATES:     # every report sharing a name: no search cap
                return self._top(candidates, shared[candidates], len(mine))
        chunks, count = [], 0
        for name in known:  # rarest first: they find the closest reports
            # at most `count` of the first _RELATED_CANDIDATES are already taken: enough new ones
            posting = self.postings[self.vocabulary[name]][:_RELATED_CANDIDATES + 1]
            new = posting[~self._seen[posting] & (posting != own)][:_RELATED_CANDIDATES - count]
            self._seen[new] = True
            chunks.append(new)
            count += len(new)
            if count >= _RELATED_CANDIDATES:
                break
        candidates = np.sort(np.concatenate(chunks))
        self._seen[candidates] = False
        if not len(candidates):
            return []
        # names shared with each candidate: walk the candidates' own names (CSR gather)
        sizes = self.sizes[candidates]
        offsets = np.cumsum(sizes) - sizes
        flat = np.repeat(self.starts[candidates] - offsets, sizes) + np.arange(int(sizes.sum()))
        ids = [self.vocabulary[n] for n in known]
        self._mine[ids] = True
        hits = self._mine[self.names[flat]]
        self._mine[ids] = False
        shared = np.add.reduceat(hits.astype(np.int64), offsets)
        keep = shared > 0
        return self._top(candidates[keep], shared[keep], len(mine))

    def _top(self, candidates, shared, mine: int) -> list[tuple[str, float, Anchor]]:
        """The _RELATED_MAX candidates of largest overlap, from the names each shares with the report."""
        import numpy as np
        # Jaccard as _overlap computes it: |a & b| / |a | b|, with |a | b| = |a| + |b| - |a & b|
        weights = shared / (mine + self.sizes[candidates] - shared)
        if len(candidates) > _RELATED_MAX:
            top = np.sort(np.lexsort((candidates, -weights))[:_RELATED_MAX])
            candidates, weights = candidates[top], weights[top]
        return [(self.docs[i], w, self.anchors[i])
                for i, w in zip(candidates.tolist(), weights.tolist())]


def _borrow(doc: str, frame: TimeFrame, entities: dict[str, Collection[str]], settled: dict[str, Anchor],
            index: _RelatedIndex | None = None, memo: dict | None = None,
            frames: dict[str, TimeFrame] | None = None, old_days: dict | None = None) -> Anchor | None:
    mine = entities.get(doc, ())
    if not mine:
        return None
    if index is None:
        index = _RelatedIndex(settled, entities)
    related = index.related(doc, mine)
    if not related:
        return None
    frame = background_of_related(frame, related, frames or {}, old_days)
    support: dict[int, float] = {}
    dated, strong = [], []
    for _, weight, anchor in related:   # one walk for the years they support and the days they give
        support[anchor.year] = support.get(anchor.year, 0.0) + weight * anchor.confidence
        if anchor.date is not None:
            dated.append((anchor.date, weight))
            if anchor.confidence >= _STRONG_RELATED:
                strong.append((anchor.date, weight))
    choice = _infer(frame, support, dated, memo, strong)
    if choice is None or not choice.has_day_clues:
        return None
    total = sum(support.values())
    share = support.get(choice.date.year, 0.0) / total if total else 0.0
    conf = _confidence(choice) * 0.7 * max(share, 0.3)
    top = heapq.nsmallest(3, ((-weight, other) for other, weight, _ in related))
    names = ",".join(f"{other}:{-weight:.2f}" for weight, other in top)
    return Anchor(choice.date, choice.date.year,
                  f"corpus:shared-entities({names})+" + _method(choice, "").lstrip("+"),
                  round(min(conf, 0.75), 3))
