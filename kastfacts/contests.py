"""Contests: which vote each report is about, named one way, with its candidates.

A contest is a country's vote of one kind in one year, and its round: "Peru 2021 presidential
runoff", "Chile 2022 constitutional plebiscite", "Spain 2023 general election". Each report
gives clues (`report_clues`, read at extraction from its words and its names): the countries it
names, the kinds and rounds of vote it speaks of, the years said beside an election, the sides
of a plebiscite as it labels them ("Apruebo", "Rechazo"), which candidate stands for which party
("Carlos Mesa, de Comunidad Ciudadana"), and its acronyms. The corpus pass (`Contests.resolve`)
then groups reports by country, kind and year, borrowing what a report leaves unsaid (its country,
its year) from the related reports that share its people, and names each contest.

Every percentage then belongs to its report's contest (`Contests.claim`): a whole-contest figure
(turnout, counted share, blank and null votes) takes the contest's name as subject; a side of a
plebiscite takes the label the reports use; a party's vote share in a presidential race is its
candidate's; a figure said to be of the first round of a runoff, or of an earlier year's
election, gets `vote_share_first_round` or `vote_share_<year>`.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from babel.languages import get_official_languages

from . import vocabulary as V
from .claims import PERSON_THEN_ITS_PARTY, defined_acronyms, is_authority

__all__ = ["Contest", "Contests", "report_clues", "contest_name", "named_countries", "from_table"]

_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d%]|[.,]\d)")


@dataclass
class Contest:
    """One vote: its canonical English name and what it is made of."""
    name: str
    country: str | None
    year: int | None
    kind: str
    round: str | None = None            # "runoff", or None for a single or first round
    qualifier: str | None = None        # "constitutional"
    reports: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)    # side ("yes"/"no") -> label

    @property
    def id(self) -> str:
        return "contest:" + re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-")

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "country": self.country, "year": self.year, "kind": self.kind,
                "round": self.round, "qualifier": self.qualifier, "reports": self.reports,
                "candidates": self.candidates, "options": self.options or None}


def contest_name(country_name: str | None, year: int | None, kind: str, round_: str | None,
                 qualifier: str | None) -> str:
    """'Peru 2021 presidential runoff', 'Chile 2022 constitutional plebiscite', 'Spain 2023
    general election': country, year, qualifier, kind, round, in that order, each when known."""
    what = V.RUNOFF_NAME.get(kind, V.CONTEST_KIND_NAMES.get(kind, "election")) if round_ == "runoff" \
        else V.CONTEST_KIND_NAMES.get(kind, "election")
    parts = [country_name, str(year) if year else None, qualifier, what]
    return " ".join(p for p in parts if p)


# --------------------------------------------------------------------------- per report
def report_clues(text: str, lang: str, persons: list[tuple[int, int, str]],
                 organizations: list[tuple[int, int, str]], places: list[tuple[int, int, str]] = (),
                 sentences: list[tuple[int, int]] = (), shares: list[tuple[str, float, str | None]] = ()) -> dict:
    """What one report says about its contest, as a small JSON-ready dict (kept with the
    document, read by the corpus pass). `persons` and `organizations` are (start, end, name);
    `places` (start, end, ISO code, place type) and `sentences` (start, end) tell which countries the report
    names where it speaks of the vote (a report of a trip abroad names the host country most);
    `shares` are its vote shares (subject, value, context)."""
    lang = (lang or "")[:2]
    scan = V.TextScan(text)
    kinds, dated, first_said = Counter(), defaultdict(list), {}
    for kind, table in V.CONTEST_KINDS.items():
        for m in scan.finditer(V.regex(table, lang)):
            year = _YEAR.search(text, m.end(), min(len(text), m.end() + 12)) or \
                _YEAR.search(text, max(0, m.start() - 8), m.start())
            if year:        # "le plébiscite de 1988": another contest, unless it is this year's
                dated[kind].append(int(year.group(1)))
            else:
                kinds[kind] += 1
                first_said.setdefault(kind, m.start())
    # the kinds of vote a report names first ("elecciones presidenciales", then "en las primarias
    # de agosto"; "primarias presidenciales" names two together)
    lead = min(first_said.values(), default=0)
    leading_kinds = sorted(kind for kind, at in first_said.items() if at - lead <= 15)
    rounds = Counter()
    # a candidate given a first-round figure and another one: the other is the runoff's (the same
    # figure again is the headline's: "réélu avec 90,69 %", then "dès le premier tour avec 90,69 %")
    first: dict[str, set[float]] = defaultdict(set)
    for subject, value, context in shares:
        if "round=1" in (context or ""):
            first[subject].add(value)
    if any(subject in first and value not in first[subject] and "round=" not in (context or "")
           for subject, value, context in shares):
        rounds["2"] += 2
    not_held = _runoff_not_held(lang)
    cited = {number: scan.finditer(V.regex(table, lang)) for number, table in V.ROUND_CUES.items()}
    # the round a report leads with is the one it reports on: first mentions weigh more
    leading = min((number for number, found in cited.items() if found), key=lambda n: cited[n][0].start(), default=None)
    for number, found in cited.items():
        if number == "2":       # a runoff still to come, or avoided, says the report is about the first round
            coming = [m for m in found if not_held.search(text, max(0, m.start() - 60), m.start())]
            found = [m for m in found if m not in coming]
            if coming:
                rounds["1"] += len(coming)
        if found:
            rounds[number] += len(found) + (0.5 if number == leading else 0)
    years = Counter()
    nouns = V.regex(V.ELECTION_NOUNS, lang)
    before_year = _before_year(lang)
    # "les législatives anticipées ... contre 46,6 % lors des législatives de 2022": a kind of vote
    # the report names both undated and dated is dated as another one
    other_years = {str(y) for kind, ys in dated.items() if kinds.get(kind) for y in ys}
    for m in scan.finditer(_YEAR):
        if before_year.search(text, max(0, m.start() - 20), m.start()) or m.group(1) in other_years:
            continue        # "the highest turnout since 1992": a yardstick, not this vote's year
        if nouns.search(text, max(0, m.start() - 45), m.end() + 30):
            years[m.group(1)] += 1
    labels = Counter()
    for side, table in V.OPTION_SIDES.items():
        for m in scan.finditer(V.regex(table, lang)):
            word = m.group()
            if word[:1].isupper() and m.start() > 0 and not _SENTENCE_START.search(text[max(0, m.start() - 4):m.start()]):
                labels[f"{side}:{word}"] += 1
    for side in V.OPTION_SIDE_WORDS:        # «En contra», the 'Against' option
        for m in _quoted_side(side, lang).finditer(text):
            word = m.group(1)
            labels[f"{side}:{word[:1].upper() + word[1:]}"] += 1
        for m in _capital_side(side, lang).finditer(text):  # "the No camp won", "backed Yes"
            word = m.group()
            if word[:1].isupper() and word[1:].islower() and m.start() > 0 \
                    and not _SENTENCE_START.search(text[max(0, m.start() - 4):m.start()]):
                labels[f"{side}:{word}"] += 1
    constitutional = (any(k in kinds for k in ("plebiscite", "referendum")) or _both_sides(labels)) and \
        scan.search(_constitutional_subject(lang)) is not None
    cues = [m.span() for m in scan.finditer(_electoral_cue(lang))]
    electoral = _electoral_spans(cues, sentences)
    voted_in, city_voted_in = Counter(), Counter()
    for start, end, code, place_type in places:
        if code and any(s <= start < e for s, e in electoral):
            # next to the vote's own words ("presidenta electa de Chile") counts twice; a city says
            # which country only when no country is named ("le maire de Santiago" in a report
            # of the Dominican Republic's vote is not Chile's Santiago)
            into = voted_in if place_type == "country" else city_voted_in
            into[code] += 2 if any(abs(start - ce) <= 30 or abs(cs - end) <= 30 for cs, ce in cues) else 1
    voted_in = voted_in or city_voted_in
    return {"lang": lang, "kinds": dict(kinds), "leading_kinds": leading_kinds, "dated_kinds": dict(dated),
            "countries": dict(voted_in),
            "winner_party": _winner_party(text, lang, persons, organizations, sentences, shares),
            "rounds": dict(rounds), "years": dict(years), "labels": dict(labels),
            "constitutional": constitutional, "parties": _party_links(text, lang, persons, organizations),
            "acronyms": sorted({(a, phrase) for a, phrase in defined_acronyms(text) if not _names_person(phrase, [name for _, _, name in persons])})}


def _names_person(phrase: str, persons) -> bool:
    """'Rodrigo Chaves (PPSD)': the parenthesis after a person's name gives the party, not what the
    name stands for."""
    folded = _fold(phrase)
    return any(folded == _fold(p) or folded.endswith(" " + _fold(p)) for p in persons if p)


def _winner_party(text, lang, persons, organizations, sentences, shares) -> list[str] | None:
    """[party, person] when the report gives its largest vote share to a party and names one
    person the winner ("le MAS a obtenu 55 % des voix. Luis Arce est le président élu"): in a
    presidential race, that party's figure is that person's."""
    if not shares:
        return None
    top = max(shares, key=lambda svc: svc[1])[0]
    if top not in {name for _, _, name in organizations} or top in {name for _, _, name in persons}:
        return None
    elected = V.regex(V.WINNER_TITLES, lang)
    for s, e in sentences:
        if elected.search(text, s, e):
            named = [name for ps, _pe, name in persons if s <= ps < e]
            if named:
                return [top, named[0]]
    return None


@lru_cache(maxsize=None)
def _electoral_cue(lang: str) -> re.Pattern:
    return re.compile("|".join(p.pattern for p in (V.regex(V.ELECTION_NOUNS, lang), V.regex(V.ROUND_CUES["1"], lang),
                                                   V.regex(V.ROUND_CUES["2"], lang), V.regex(V.ELECTED, lang))) + r"|%",
                      re.IGNORECASE)


def _electoral_spans(cues: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that speak of a vote (hold a cue of its kind, round, result or a share)."""
    starts = [s for s, _ in cues]
    return [(s, e) for s, e in sentences if (i := bisect.bisect_left(starts, s)) < len(starts) and starts[i] < e]


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\s*$")


@lru_cache(maxsize=None)
def _before_year(lang: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{V.alternation(V.YARDSTICK_YEAR_WORDS, lang)})\s+(?:(?:el|the|l['’]an)\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _capital_side(side: str, lang: str) -> re.Pattern:
    """A side's label word ("Yes", "Non": the first of its words), to be kept when written with a
    capital inside a sentence; not "No. 10", nor a title-case "For"."""
    words = V.OPTION_SIDE_WORDS[side].get(lang, ())[:1]
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(words) or '(?!)'})(?![^\W_])(?!\.\s*\d)(?![»\"”'’])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _quoted_side(side: str, lang: str) -> re.Pattern:
    return re.compile(rf"[«\"“'‘]\s*((?:{V.alternation(V.OPTION_SIDE_WORDS[side], lang)}))\s*[»\"”'’]", re.IGNORECASE)


@lru_cache(maxsize=None)
def _runoff_not_held(lang: str) -> re.Pattern:
    """The words before a runoff still to come or avoided ("disputarán la", "avoiding a")."""
    words = "|".join(V.alternation(table, lang) for table in (V.ROUND_AHEAD, V.ROUND_AVOIDED))
    return re.compile(rf"(?<![^\W_])(?:{words})\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _constitutional_subject(lang: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{V.alternation(V.CONTEST_SUBJECTS['constitutional'], lang)})", re.IGNORECASE)


_LINK_WORDS = r"(?:candidat[oa]?e?|l[ií]der|leader|chef|abanderad[oa]|dirigeant|head)"
_PARTY_WORDS = (r"(?:partido|parti|party|coalici[oó]n|coalition|alianza|alliance|alliance|lista|liste|list|"
                r"movimiento|mouvement|movement|frente|front|agrupaci[oó]n)")


def _party_links(text: str, lang: str, persons, organizations) -> list[list[str]]:
    """[party, person] pairs the report states: "Carlos Mesa, de Comunidad Ciudadana (CC)",
    "Pedro Castillo (Peru Libre)", "Orsi, de 57 años y líder del izquierdista Frente Amplio",
    "el candidato del partido Perú Libre, Pedro Castillo", "X's candidate Y"."""
    links = set()
    led_by = re.compile(rf"\s*(?:\([^()]{{1,12}}\)\s*|\)\s*)?,?\s*(?:{V.alternation(V.LED_BY, lang)})\s+", re.IGNORECASE)
    for ps, pe, person in persons:
        for os_, oe, org in organizations:
            if 0 <= os_ - pe <= 70:
                between = text[pe:os_]
                if re.fullmatch(rf"\s*(?:\(|,\s*(?:(?:de\s+\d+\s+a[ñn]os|\d+\s+(?:ans|years\s+old))\s*(?:y|et|and)?\s*)?"
                                rf"(?:(?:el|la|le|the)\s+)?(?:{_LINK_WORDS}\s+)?(?:del?|du|des|de\s+la|de\s+l['’]|of(?:\s+the)?|from)\s+"
                                rf"(?:(?:la|le|l['’]|el|the)\s*)?(?:{_PARTY_WORDS}\s+)?(?:[^\W\d_]+\s+){{0,2}})\s*", between,
                                re.IGNORECASE):
                    links.add((org, person))
                elif PERSON_THEN_ITS_PARTY.fullmatch(between) and not is_authority(org):
                    links.add((org, person))    # "Chancellor Olaf Scholz's Social Democrats"
                elif re.fullmatch(r"\s*[,–—-]\s*", between) and V.regex(V.PARTY_NOUNS, lang).search(org) \
                        and re.match(r"\s*(?:[:(]|$)", text[oe:oe + 3]):
                    links.add((org, person))    # a results list: "Rodrigo Chaves, Social Democratic Party: 52.8%"
            elif 0 <= ps - oe <= 60 and led_by.fullmatch(text[oe:ps]) and not is_authority(org):
                links.add((org, person))        # "la liste du RN menée par X", "el PP de X"
            elif 0 <= ps - oe <= 60:
                between = text[oe:ps]
                if re.fullmatch(rf"\s*(?:\)\s*)?,?\s*(?:['’]s\s+{_LINK_WORDS}|,?\s*)\s*", between, re.IGNORECASE) and \
                        re.search(rf"{_LINK_WORDS}\s+(?:(?:del?|du|of)\s+)(?:(?:la|le|el|the)\s+)?(?:{_PARTY_WORDS}\s+)?"
                                  rf"(?:[^\W\d_]+\s+){{0,3}}$", text[max(0, os_ - 60):os_], re.IGNORECASE):
                    links.add((org, person))
    return sorted([list(pair) for pair in links])


# --------------------------------------------------------------------------- corpus
class Contests:
    """The contests of a corpus and each report's, resolved from the reports' clues."""

    def __init__(self) -> None:
        self.by_doc: dict[str, Contest] = {}
        self.contests: list[Contest] = []
        self.party_of: dict[str, dict[str, str]] = {}     # contest name -> party -> candidate
        self.leader_party: dict[str, dict[str, str]] = {}  # contest name -> leader -> the one party they lead
        self.acronyms: dict[str, dict[str, str]] = {}     # contest name -> folded expansion -> acronym
        self.parties: dict[str, Counter] = {}             # contest name -> its organizations, by reports naming them
        self.party_alias: dict[str, dict[str, str]] = {}  # contest name -> a party's name -> the one name it goes by

    @classmethod
    def resolve(cls, clues: dict[str, dict], countries: dict[str, Counter], names_by_doc: dict[str, Iterable[str]],
                anchor_years: dict[str, tuple[int | None, float]], country_name=lambda code: None) -> "Contests":
        """`clues`: doc -> report_clues(); `countries`: doc -> country codes it names (with counts);
        `names_by_doc`: the people and organizations each report cites (to find related reports);
        `anchor_years`: (the year each report was written, how sure); `country_name(code)`: its name.
        Party links in the clues are under the corpus's canonical names."""
        self = cls()
        docs = sorted(clues)
        family = {d: _family(clues[d]) for d in docs}
        # Reports of one vote name its candidates: reports sharing two people (or parties) and a
        # family of vote are linked, and a linked group decides its country and year together,
        # so a report that names only a city ("QUITO") or no year joins the others.
        parent = {d: d for d in docs}

        def find(d):
            while parent[d] != d:
                parent[d] = parent[parent[d]]
                d = parent[d]
            return d

        by_name: dict[str, list[str]] = defaultdict(list)
        for d in docs:
            for name in names_by_doc.get(d, ()):
                by_name[name].append(d)
        shared: Counter = Counter()
        for name, holders in by_name.items():
            if len(holders) <= 50:          # a name every report cites links nothing
                for i, x in enumerate(holders):
                    for y in holders[i + 1:]:
                        shared[(x, y)] += 1
        for (x, y), n in sorted(shared.items()):
            if n >= 2 and (family[x] == family[y] or None in (family[x], family[y])):
                parent[find(x)] = find(y)
        linked: dict[str, list[str]] = defaultdict(list)
        for d in docs:
            linked[find(d)].append(d)
        groups: dict[tuple, list[str]] = defaultdict(list)
        for members in linked.values():
            # the country where the vote is spoken of, else the one a report names most
            code = _vote([_first_top(clues[d].get("countries") or {}) for d in members]) or \
                _vote([_first_top(countries.get(d) or {}) for d in members])
            years = {d: _int(_top(Counter(clues[d].get("years") or {}))) for d in members}
            written = [anchor_years.get(d) or (None, 0.0) for d in members]
            year = _vote([y for y, _ in written], [w for _, w in written]) or _vote([years[d] for d in members])
            groups[(code, _vote([family[d] for d in members]), year)] += members
        # Reports that say too little (no country, no year, no kind of vote) join the contest that
        # agrees with what they say and shares most of their names, or the only one there is; two
        # groups that each lack what the other says become one.
        merged = True
        while merged:
            merged = False
            for key in sorted([k for k in groups if None in k], key=repr):
                same = [k for k in groups if k != key and all(a is None or b is None or a == b for a, b in zip(key, k))]
                if not same:
                    continue
                names = {n for d in groups[key] for n in names_by_doc.get(d, ())}
                overlap = {k: len(names & {n for d in groups[k] for n in names_by_doc.get(d, ())}) for k in same}
                best = max(same, key=lambda k: (overlap[k], len(groups[k]), repr(k)))
                if overlap[best] or len(same) == 1:
                    union = tuple(a if a is not None else b for a, b in zip(best, key))
                    members = groups.pop(key) + groups.pop(best)
                    groups[union] = groups.get(union, []) + members
                    merged = True
                    break
        for (code, fam, yr), members in sorted(groups.items(), key=lambda kv: min(kv[1])):
            fam = fam or "election"
            summed = Counter()
            rounds = Counter()
            labels = Counter()
            english = set()     # labels English reports use
            constitutional = 0
            official = None     # the country's languages, looked up (Babel's data loads) only for labels
            for d in members:
                summed.update(clues[d].get("kinds") or {})
                for kind, years in (clues[d].get("dated_kinds") or {}).items():
                    summed[kind] += sum(1 for y in years if y == yr)
                rounds.update(clues[d].get("rounds") or {})
                # a side's label is the one the country's own language gives it ("En contra", not "Against")
                if clues[d].get("labels"):
                    if official is None:
                        official = set(get_official_languages(code)) if code else set()
                    weight = 2 if clues[d].get("lang") in official else 1
                    labels.update({label: n * weight for label, n in clues[d]["labels"].items()})
                if clues[d].get("lang") == "en":
                    english.update(clues[d].get("labels") or {})
                constitutional += bool(clues[d].get("constitutional"))
            kind = _kind(summed, fam)
            round_ = "runoff" if rounds.get("2", 0) > rounds.get("1", 0) and kind not in ("plebiscite", "referendum") \
                else None
            qualifier = "constitutional" if constitutional * 2 >= len(members) and kind in ("plebiscite", "referendum") \
                else None
            members = sorted(members)
            contest = Contest(contest_name(country_name(code) if code else None, yr, kind, round_, qualifier),
                              code, yr, kind, round_, qualifier, members)
            if kind in ("plebiscite", "referendum"):
                for side in ("yes", "no"):
                    named = Counter({k.split(":", 1)[1]: n for k, n in labels.items() if k.startswith(side + ":")})
                    # a tie none of the country's languages breaks goes to the English label, as
                    # canonical names are English ("Yes" over "Oui" and "Sí" for Italy's referendum)
                    preferred = {k.split(":", 1)[1] for k in english if k.startswith(side + ":")}
                    contest.options[side] = min(named, key=lambda k: (-named[k], k not in preferred, k)) \
                        if named else V.OPTION_DEFAULT_NAMES[side]
            parties: dict[str, Counter] = defaultdict(Counter)
            winners: dict[str, Counter] = defaultdict(Counter)
            for d in members:
                for party, person in clues[d].get("parties") or ():
                    parties[party][person] += 1
                if clues[d].get("winner_party"):
                    party, person = clues[d]["winner_party"]
                    winners[party][person] += 1
                for acronym, expansion in clues[d].get("acronyms") or ():
                    self.acronyms.setdefault(contest.name, {})[_fold(expansion)] = acronym
                self.parties.setdefault(contest.name, Counter()).update(clues[d].get("organizations") or ())
            for party, people in winners.items():
                parties.setdefault(party, people)   # only where no report says whose party it is
            self.party_of[contest.name] = {p: _top(c) for p, c in parties.items()}
            self.party_alias[contest.name] = alias = self._aliases(contest.name, members, clues)
            led: dict[str, set[str]] = defaultdict(set)
            for party, people in parties.items():
                for person in people:
                    short = self._short_name(contest.name, party)             # "RN" and "Rassemblement national"
                    led[person].add(alias.get(short, short))                  # "SPD" and "Social Democrats"
            self.leader_party[contest.name] = {person: next(iter(ps)) for person, ps in led.items() if len(ps) == 1}
            self.contests.append(contest)
            for d in members:
                self.by_doc[d] = contest
        return self

    def of(self, doc: str) -> Contest | None:
        return self.by_doc.get(doc)

    def claim(self, doc: str, subject: str | None, attribute: str, context: str | None) -> tuple[str | None, str, str | None]:
        """(contest name, subject, attribute) of a percentage of `doc` once its contest is known."""
        from .claims import CONTEST_ATTRIBUTES, VOTE_ATTRIBUTES

        contest = self.by_doc.get(doc)
        if contest is None:
            return None, subject, attribute
        if subject and subject.startswith("@party:"):
            # "los populares", "Merz's conservatives" (@party:conservatives@Friedrich Merz): in a race
            # between people, the person's; else the party of the stem, the one the person leads,
            # or the family's English name
            members, _, owner = subject[len("@party:"):].partition("@")
            if owner and self._between_people(contest):
                subject = owner
            else:
                subject = self._party_by_members(contest.name, members) or \
                    (self.leader_party.get(contest.name, {}).get(owner) if owner else None) or \
                    _party_families().get(_fold(members))
        if subject and subject.startswith("@") and subject[1:] in contest.options:
            subject = contest.options[subject[1:]]
        elif subject and subject.startswith("@"):
            subject = V.OPTION_DEFAULT_NAMES.get(subject[1:], subject)
        if attribute in CONTEST_ATTRIBUTES or (attribute == "other" and not subject):
            subject = contest.name
        elif subject and attribute in VOTE_ATTRIBUTES and self._between_people(contest):
            subject = self.party_of.get(contest.name, {}).get(subject, subject)
        elif subject and attribute in VOTE_ATTRIBUTES and contest.kind in V.PARTY_LIST_KINDS:
            subject = self.leader_party.get(contest.name, {}).get(subject, subject)   # the list's, not its leader's
        if subject and subject != contest.name:
            subject = self._short_name(contest.name, subject)
            if attribute in VOTE_ATTRIBUTES:
                subject = self._one_party_name(contest.name, subject)
        ctx = dict(part.split("=", 1) for part in (context or "").split(";") if "=" in part)
        earlier_round = ctx.get("round") == "1" and contest.round == "runoff"
        primary_before = ctx.get("kind") == "primary" and contest.kind != "primary"     # the primary before the vote
        # a figure the words date to a year, in a report on a contest no year is known for, is of
        # another contest ("En 2020, Biden l'avait emporté avec 51,3 %"): the report named no year
        # where it spoke of its own vote
        earlier_year = bool(ctx.get("year")) and (contest.year is None or int(ctx["year"]) < contest.year)
        if primary_before and attribute not in ("poll_share", "poll_margin_pp"):
            attribute = "other"     # the primary's figure: another contest's
        elif attribute == "vote_share" and earlier_round:
            attribute = "vote_share_first_round"
        elif attribute == "vote_share" and earlier_year:
            attribute = f"vote_share_{ctx['year']}"
        elif (earlier_round or earlier_year) and attribute not in ("other", "poll_share", "poll_margin_pp"):
            attribute = "other"     # the first round's turnout, 2019's margin: another contest's figure
        return contest.name, subject, attribute

    @staticmethod
    def _between_people(contest: Contest) -> bool:
        """A presidential race, or a runoff of an unnamed kind ("Costa Rica runoff results")."""
        return contest.kind == "presidential" or (contest.kind in (None, "election") and contest.round == "runoff")

    def _aliases(self, contest: str, members: list[str], clues: dict) -> dict[str, str]:
        """One name for each party the reports name differently: the one party a leader heads in
        every report that names one for them ("le SPD du chancelier Olaf Scholz", "Chancellor Olaf
        Scholz's Social Democrats"), under its acronym when one is, else its most cited name."""
        headed: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for d in members:
            for party, person in clues[d].get("parties") or ():
                headed[person][d].add(self._short_name(contest, party))
        cited = self.parties.get(contest, Counter())
        alias: dict[str, str] = {}
        for person, by_doc in sorted(headed.items()):
            names = sorted({n for ps in by_doc.values() for n in ps})
            if len(names) < 2 or any(len(ps) != 1 for ps in by_doc.values()):
                continue
            one = min(names, key=lambda n: (not (n.isupper() and len(n) <= 8), -cited.get(n, 0), n))
            for name in names:
                alias.setdefault(name, one)
        return alias

    def _one_party_name(self, contest: str, subject: str) -> str:
        """A party under the name it goes by in the contest: its alias, its family's English name
        ("les Verts", "los Verdes" -> "Greens"), the first of two joined acronyms the reports name
        alone ("CDU-CSU" -> "CDU")."""
        from .gazetteer import strip_article

        subject = self.party_alias.get(contest, {}).get(subject, subject)
        family = _party_families().get(_fold(strip_article(subject)))
        if family:
            return self.party_alias.get(contest, {}).get(family, family)
        joined = re.fullmatch(r"([A-ZÀ-Ý]{2,6})\s*[-/]\s*[A-ZÀ-Ý]{2,6}", subject)
        if joined and (self.parties.get(contest, Counter()).get(joined.group(1))
                       or joined.group(1) in self.acronyms.get(contest, {}).values()):
            return joined.group(1)
        return subject

    def _party_by_members(self, contest: str, members: str) -> str | None:
        """The contest's party that "los populares" or "the Socialists" stand for: the one whose name
        has a word of the same stem (popul-, socialis-), when exactly one has."""
        stem = _fold(members)[:max(5, min(8, len(members) - 3))]
        named = self.parties.get(contest, Counter())
        found: Counter = Counter()
        for name in set(named) | set(self.acronyms.get(contest, {})):
            words = _fold(name).replace("'", " ").split()
            if any(word.startswith(stem) for word in words) or len(words) > 1 and "".join(words).startswith(stem):
                found[self._short_name(contest, name)] += named.get(name, 1)
        # "Partido Popular" and "PP" are one party: a name goes by the acronym of its initials
        acronyms = {f for f in found if f.isupper()}
        merged: Counter = Counter()
        for name, n in found.items():
            merged[next((a for a in acronyms if _initials(name) == a), name)] += n
        if not merged:
            return None
        ranked = merged.most_common()
        # the party most reports name, when one stands out ("los socialistas": PSOE, not a local list)
        return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None

    def _short_name(self, contest: str, subject: str) -> str:
        """A party under the acronym the reports define for it ("Le Parti populaire (PP, droite)"):
        reports of one contest name it in several languages, the acronym in all of them."""
        folded = _fold(subject)
        if len(folded) < 4:
            return subject
        defined = sorted(self.acronyms.get(contest, {}).items())
        for expansion, acronym in defined:
            if expansion == folded or expansion.endswith(" " + folded):
                return acronym
        # the name in another language, whose initials are the acronym ("Rassemblement national", RN)
        from .entities import _initials as initials_of      # every content word, "national" too

        initials = initials_of(subject) if " " in subject.strip() else ""
        same = sorted({acronym for _, acronym in defined if acronym == initials})
        return same[0] if len(same) == 1 else subject

    def add_candidate(self, doc: str, subject: str) -> None:
        contest = self.by_doc.get(doc)
        if contest is not None and subject and subject != contest.name and subject not in contest.candidates:
            contest.candidates.append(subject)


@lru_cache(maxsize=1)
def _party_families() -> dict[str, str]:
    """Every language's name of a party family, or of a party named by common words only
    ("Parti démocrate", "Partido Demócrata"), folded -> its English name."""
    return {_fold(word): name for names in (V.PARTY_FAMILY_NAMES, V.PARTY_GENERIC_NAMES)
            for name, table in names.items() for words in table.values() for word in words}


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _fold(text: str) -> str:
    from .gazetteer import fold

    return fold(text)


def _vote(values, weights=None):
    """The value most reports give, weighted (ties: the smallest), None when none gives one."""
    counted: Counter = Counter()
    for v, w in zip(values, weights or [1] * len(values)):
        if v is not None:
            counted[v] += w or 0.01
    return min(counted, key=lambda v: (-counted[v], v)) if counted else None


def _top(counter) -> str | None:
    if not counter:
        return None
    return min(counter, key=lambda k: (-counter[k], k))


def _first_top(counts: dict) -> str | None:
    """The country a report names most, a tie going to the one it names first: the headline and
    the lead name the country that votes before its neighbours or its sovereign ("New Caledonia
    votes to remain part of France")."""
    return max(counts, key=counts.get) if counts else None


def _int(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _both_sides(labels: dict) -> bool:
    """Does a report name both options of a vote (labels are 'side:Label' -> count)?"""
    sides = {label.split(":", 1)[0] for label in labels}
    return len(sides) >= 2


def _family(clue: dict) -> str | None:
    """Plebiscites and referendums are one family, primaries another, every other vote a third:
    reports of one election call it presidential, general or legislative in turn. None when the
    report names no kind of vote at all (it joins its related reports' family)."""
    kinds = clue.get("kinds") or {}
    if not kinds:
        # a vote whose two options the report names ("78 % voted Approve and 22 % Reject") is a
        # plebiscite, though the report never calls it one
        return "plebiscite" if _both_sides(clue.get("labels") or {}) else None
    if kinds.get("plebiscite") or kinds.get("referendum"):
        return "plebiscite"
    # (a primary the report names as often as the vote it leads with is that vote's earlier stage)
    others = max((n for k, n in kinds.items() if k != "primary"), default=0)
    if kinds.get("primary", 0) > others or kinds.get("primary") == others and "primary" in clue.get("leading_kinds", ("primary",)):
        return "primary"
    if kinds.get("european") and kinds["european"] >= max(kinds.values()):
        return "european"
    return "election"


def _kind(kinds: Counter, family: str) -> str:
    if family == "plebiscite":
        return "plebiscite" if kinds.get("plebiscite", 0) >= kinds.get("referendum", 0) else "referendum"
    if family in ("primary", "european"):
        return family
    ranked = [k for k in ("general", "presidential", "legislative") if kinds.get(k)]
    if not ranked:
        return "election"
    return max(ranked, key=lambda k: (kinds[k], k == "general"))


def named_countries(places: Iterable[tuple[str | None, str | None]]) -> Counter:
    """The countries a report names, from its resolved places (code, place type): countries
    themselves, or, when it names none, the countries of its cities and regions."""
    places = list(places)
    named = Counter(code for code, kind in places if code and kind == "country")
    return named or Counter(code for code, _kind in places if code)


def from_table(table) -> Contests:
    """The contests of a resolved fact table (a Store or a ShardSet), as the corpus pass found
    them: read again from the documents' clues and the resolved facts, a stream of each; with each
    contest's candidates (the subjects of its vote shares, most cited first)."""
    from . import timeline
    from .claims import VOTE_ATTRIBUTES
    from .gazetteer import country_name

    clues, years = {}, {}
    for doc, frame in table.documents():
        if frame is not None and frame.get("contest"):
            clues[doc.doc] = frame["contest"]
        if doc.published:
            years[doc.doc] = (int(doc.published[:4]), 1.0)
        elif year := timeline.year_for_dates(doc.anchor, doc.anchor_method):
            # as the corpus pass decided (a guess from bare years gives no year): the same names
            years[doc.doc] = (year, doc.anchor_confidence or 0.0)
    places: dict[str, list] = defaultdict(list)
    people: dict[str, set] = defaultdict(set)
    subjects: dict[str, Counter] = defaultdict(Counter)
    for f in table.facts():
        if f.kind == "place":
            places[f.doc].append((f.code, f.place_type))
        elif f.kind in ("person", "organization") and f.value:
            people[f.doc].add(str(f.value))
        elif f.kind == "percentage" and f.contest and f.subject and f.attribute in VOTE_ATTRIBUTES:
            subjects[f.contest][f.subject] += 1
    countries = {doc: named_countries(p) for doc, p in places.items()}
    found = Contests.resolve(clues, {d: c for d, c in countries.items() if c}, people, years, country_name)
    for contest in found.contests:
        ranked = subjects.get(contest.name, Counter())
        contest.candidates = sorted(ranked, key=lambda s: (-ranked[s], s))
    return found

