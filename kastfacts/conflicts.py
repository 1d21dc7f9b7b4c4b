"""The conflict engine: where reports of the same events disagree, with evidence to check.

Input is a resolved fact table (people/places with canonical names, percentages with subject,
attribute and context, dates with event type and participants). Output is a list of `Conflict`
records, most serious first. Four kinds of disagreement are found:

* value:      percentages about the same contest, subject and attribute, at the same stage of the
              count (or at a stage one report leaves unsaid, or both near-final), that cannot all
              be true. A value stands for every number that rounds to it at the precision it is
              written with (58.1 -> [58.05, 58.15)); two values disagree only when those intervals
              are disjoint. A bound ("más del 97,5 %") stands for everything beyond it, an
              approximation ("cerca del 60 %") for a band around it. Overlapping but different
              values (55.69 / 55.7) are a mere precision difference, reported only on request.
* counting_stage: figures taken at different stages of a partial count (62.98 % with 23 %
              counted against 61.88 % with 99.4 %), and counted shares that differ: a real
              difference between the reports, not an error of either (severity "different_stages",
              below "minor", a one-unit difference in the last digit written).
* date:       the same event (type + participants) dated differently by two reports.
* name:       the same resolved person spelt differently: letters ("spelling"); accents only
              ("accent", reported only on request, beside precision differences).
* arithmetic: vote shares of one contest and one stage of its count that cannot add up (above
              100 %, or a runoff pair that cannot reach 100 %), after allowing for rounding.

Each conflict holds one figure per report: a report that gives several (successive bulletins)
appears in as many conflicts, each readable on its own. Reports are compared with one another,
never a report with itself: a report's successive figures tell the count's story. Two reports
that each give two figures for one thing at one stage (two questions of a referendum the words
do not tell apart) are read figure against nearest figure.

Conservative by design: a false alarm costs a journalist more than a missed conflict, so every
doubt about whether two claims speak of the same thing resolves to "not compared".
"""
from __future__ import annotations

import datetime
import os
import pickle
import re
import sys
import tempfile
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Iterable, Iterator

from .records import Conflict, ConflictValue, Fact

SEVERITY_ORDER = {"substantive": 0, "minor": 1, "different_stages": 2, "spelling": 3, "accent": 4, "precision": 5}
LANGUAGE_NAMES = {"fr": "French", "es": "Spanish", "en": "English"}

# Attributes never compared: "other" gathers figures of unlike things (a threshold, a change, a
# region's share), so two of them say nothing about each other.
UNCOMPARED_ATTRIBUTES = frozenset({"other"})
# The share of the count is itself a stage: two different ones are two moments, never an error.
STAGE_ATTRIBUTES = frozenset({"counted_share"})
# Counts at or past this share are near-final: their figures are compared as values.
NEAR_FINAL = Decimal(99)
# Context keys that must match exactly (absent on both sides counts as a match).
STRICT_KEYS: frozenset[str] = frozenset()
# Contest values that a claim without a contest is never compared with (a poll is not a result).
SEPARATE_CONTESTS = frozenset({"poll", "primary"})
# An approximate figure ("cerca del 60 %", "about 53%") stands for this band around it.
APPROXIMATE_BAND = Decimal(2)
# When two claims are compatible only because one of them leaves a key unsaid (no round, no year),
# a gap larger than this (in points) more likely means two different contests than a disagreement.
PARTIAL_CONTEXT_MAX_GAP = Decimal(5)
EVENT_TYPES = frozenset({"election", "first_round", "visit", "meeting", "inauguration", "announcement", "death"})
RESOLVED_DATE = frozenset({"explicit", "anchored", "corpus_anchored"})

_NUMBER = re.compile(r"\d+(?:[.,](\d+))?")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^(\d{4})")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_TITLES = frozenset("""
mr mrs ms miss dr prof sir m mme mlle me sr sra srta dña don doña dom dr. president presidente
président présidente president-elect presidente-electo président-élu presidenta senator sénateur
sénatrice senador senadora deputy député députée diputado diputada minister ministre ministro
ministra general général gen gov governor gobernador gobernadora gouverneur former ancien ancienne
ex ex-president ex-presidente ex-président expresidente expresidenta the el la le los las les mayor
maire alcalde alcaldesa judge juez juge candidate candidat candidate candidato candidata pope pape
papa king roi rey queen reine reina prince príncipe princess
""".split())
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_DECIMAL_WORDS = {0: "as a whole number", 1: "to one decimal", 2: "to two decimals", 3: "to three decimals"}
_MAX_LISTED = 6     # an explanation names at most this many figures; the evidence lists them all


# --------------------------------------------------------------------------- interval logic

def _dec(x: float) -> Decimal:
    # repr() gives the shortest string that round-trips, so 58.1 stays 58.1 (not 58.09999...)
    return Decimal(repr(float(x)))


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5).scaleb(-int(decimals) - 1)


def _unit(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-int(decimals))


def reported_interval(value: float, decimals: int) -> tuple[Decimal, Decimal]:
    """The numbers that round to `value` at `decimals`: 58.1, 1 -> [58.05, 58.15)."""
    v, h = _dec(value), _half_unit(decimals)
    return v - h, v + h


def can_be_same(a: float, a_decimals: int, b: float, b_decimals: int) -> bool:
    """Can `a` (written with a_decimals) and `b` both be roundings of one number?

    58.1/58.2 -> False ([58.05,58.15) and [58.15,58.25) are disjoint); 55.69/55.7 -> True;
    44.30/44.3 -> True; 28/28.1 -> True; 99/99.6 -> False.
    """
    alo, ahi = reported_interval(a, a_decimals)
    blo, bhi = reported_interval(b, b_decimals)
    return max(alo, blo) < min(ahi, bhi)


def is_truncation(coarse: float, coarse_decimals: int, fine: float, fine_decimals: int) -> bool:
    """True when `fine` cut (not rounded) to `coarse_decimals` gives `coarse`: 99.6 -> 99."""
    if fine_decimals <= coarse_decimals:
        return False
    cut = _dec(fine).quantize(_unit(coarse_decimals), rounding=ROUND_DOWN)
    return cut == _dec(coarse).quantize(_unit(coarse_decimals))


def _decimals_of(fact: Fact) -> int:
    if fact.decimals is not None:
        return int(fact.decimals)
    m = _NUMBER.search(fact.text or "")
    if m:
        return len(m.group(1) or "")
    text = repr(float(fact.value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


# --------------------------------------------------------------------------- claims

class _Claim:
    """A percentage fact, with its context parsed and its precision read (all computed once)."""
    __slots__ = ("fact", "doc", "subject", "attribute", "unit", "value", "decimals", "low", "high",
                 "context", "ctx", "ranged", "_nominal", "_interval", "_key", "lo", "hi", "nlo", "nhi",
                 "stage", "qualifier")

    def __init__(self, fact: Fact, subject: str, attribute: str, unit: str, value: Decimal, decimals: int,
                 low: Decimal | None, high: Decimal | None, context: tuple[tuple[str, str], ...],
                 stage: tuple = (), qualifier: str | None = None):
        self.fact, self.doc, self.subject, self.attribute, self.unit = fact, fact.doc, subject, attribute, unit
        self.value, self.decimals, self.low, self.high, self.context = value, decimals, low, high, context
        self.stage, self.qualifier = stage, qualifier
        self.ctx = dict(context)
        self.ranged = low is not None and high is not None
        self._nominal = (low, high) if self.ranged else (value, value)
        h = _half_unit(decimals)
        self._interval = (self._nominal[0] - h, self._nominal[1] + h)
        # the same bounds as exact integers (billionths): pairwise checks run on these, fast
        self.lo, self.hi = (int(x.scaleb(9)) for x in self._interval)
        self.nlo, self.nhi = (int(x.scaleb(9)) for x in self._nominal)
        self._key = (fact.doc, fact.start, fact.end, str(value))

    def nominal(self) -> tuple[Decimal, Decimal]:
        """The interval as written (a point for a single value)."""
        return self._nominal

    def interval(self) -> tuple[Decimal, Decimal]:
        """Every number that rounds to what is written."""
        return self._interval

    def sort_key(self):
        return self._key


def parse_context(context: str | None) -> dict[str, str]:
    """'counted=2;round=2;year=2025' -> {'counted': '2', 'round': '2', 'year': '2025'}."""
    out = {}
    for part in (context or "").split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


_UNBOUNDED = Decimal(10) ** 6       # the far end of a bound on points, which have no ceiling


def _bounds(f: Fact, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The range a figure stands for: as written ("58,3-60,7 %"), or from its qualifier."""
    if f.low is not None and f.high is not None:
        return _dec(f.low), _dec(f.high)
    top = Decimal(100) if (f.unit or "percent") == "percent" else _UNBOUNDED
    if f.qualifier == "lower_bound":
        return value, max(value, top)
    if f.qualifier == "upper_bound":
        return min(Decimal(0), value), value
    if f.qualifier == "approximate":
        band = max(APPROXIMATE_BAND, (value * Decimal("0.05")).quantize(Decimal("0.01")))
        return value - band, value + band
    return None, None


def _stage(f: Fact) -> tuple:
    """When a figure was taken: () unsaid, ("final",), or ("counted", share, decimals as written)."""
    if f.attribute in STAGE_ATTRIBUTES:
        return ()
    if f.counted is not None:
        try:
            counted = _dec(f.counted)
        except (TypeError, ValueError):
            return ()
        if counted >= 100:
            return ("final",)
        decimals = len(repr(float(f.counted)).split(".")[1].rstrip("0")) if "." in repr(float(f.counted)) else 0
        return ("counted", counted, decimals)
    return ("final",) if f.stage == "final" else ()


def _claims(facts: Iterable[Fact]) -> list[_Claim]:
    """Percentage facts that can be compared: a subject, an attribute and a number. Several
    mentions of one value in one document collapse to one: the first by offset that tells most."""
    seen: dict[tuple, _Claim] = {}
    for f in sorted((f for f in facts if f.kind == "percentage"), key=lambda f: (f.doc, f.start, f.end)):
        if not f.subject or not f.attribute or f.value is None:
            continue
        try:
            value = _dec(f.value)
        except (TypeError, ValueError):
            continue
        low, high = _bounds(f, value)
        claim = _Claim(
            fact=f, subject=f.subject, attribute=f.attribute, unit=f.unit or "percent", value=value,
            decimals=_decimals_of(f), low=low, high=high,
            context=tuple(sorted(parse_context(f.context).items())), stage=_stage(f),
            qualifier=f.qualifier if f.low is None else None)
        # One figure of one report, said again in other words, is one claim: a headline's "90,69 %" and
        # the body's "dès le premier tour avec 90,69 %" (a round of a single-round vote), or "89,2 %"
        # and "89,2 % con el 95 % escrutado"; the mention that tells its stage, then its context, speaks.
        key = (f.doc, f.contest, claim.subject, claim.attribute, claim.unit, claim.nominal())
        held = seen.get(key)
        if held is None or (bool(claim.stage), bool(claim.context)) > (bool(held.stage), bool(held.context)):
            seen[key] = claim
    return sorted(seen.values(), key=lambda c: (c.fact.doc, c.fact.start, c.fact.end))


def same_stage(a: tuple, b: tuple) -> bool | None:
    """Whether two figures were taken at one stage of the count: True (the same share counted, as
    written, or both near-final), False (different moments), None (a report leaves it unsaid)."""
    if not a or not b:
        return None
    near = [x == ("final",) or x[1] >= NEAR_FINAL for x in (a, b)]
    if all(near):
        return True
    if any(near):
        return False
    return can_be_same(float(a[1]), a[2], float(b[1]), b[2])


def _count_year(counts: dict[str, Counter], f: Fact) -> None:
    if f.kind == "date" and f.resolution in RESOLVED_DATE and isinstance(f.value, str):
        if _DAY.match(f.value) or _MONTH.match(f.value):
            counts[f.doc][int(f.value[:4])] += 1


def _year_spans(counts: dict[str, Counter]) -> dict[str, tuple[int, int]]:
    """Per document, the span of years its resolved dates mostly fall in (the report's 'now').

    Lets a claim that says no year be kept apart from one tagged with an earlier election's year:
    Kast's 44 % of 2021 is not a disagreement with his 58 % in a report about 2025."""
    spans = {}
    for doc, c in counts.items():
        top = max(c.values())
        modes = [y for y, n in c.items() if n == top]
        spans[doc] = (min(modes) - 1, max(modes))   # an election is often reported the next January
    return spans


@lru_cache(maxsize=65536)
def _contexts_compatible(ca_items, cb_items, span_a, span_b) -> tuple[bool, bool]:
    ca, cb = dict(ca_items), dict(cb_items)
    partial = False
    for key in sorted(set(ca) | set(cb)):
        va, vb = ca.get(key), cb.get(key)
        if va is not None and vb is not None:
            if va != vb:
                return False, False
            continue
        if key in STRICT_KEYS:
            return False, False
        if key == "contest" and (va or vb) in SEPARATE_CONTESTS:
            return False, False
        if key == "year":
            said, span = (va, span_b) if va is not None else (vb, span_a)
            year = _YEAR.match(said)
            if span and year and not span[0] <= int(year.group(1)) <= span[1]:
                return False, False
        partial = True
    return True, partial


def _gap(a: _Claim, b: _Claim) -> Decimal:
    """Distance between the values as written (0 when one lies inside the other's range)."""
    alo, ahi = a.nominal()
    blo, bhi = b.nominal()
    return max(Decimal(0), blo - ahi, alo - bhi)


def _agree(a: _Claim, b: _Claim) -> bool:
    """Some number rounds to both, as written (the intervals overlap)."""
    return a.lo < b.hi and b.lo < a.hi


_MAX_GAP_SCALED = int(PARTIAL_CONTEXT_MAX_GAP.scaleb(9))


def _far_apart(a: _Claim, b: _Claim) -> bool:
    return b.nlo - a.nhi > _MAX_GAP_SCALED or a.nlo - b.nhi > _MAX_GAP_SCALED


def _rounding_level(a: _Claim, b: _Claim) -> bool:
    """Adjacent in the last digit of the coarser figure: a rounding or typing slip."""
    return _gap(a, b) <= _unit(min(a.decimals, b.decimals))


# --------------------------------------------------------------------------- wording

def _language(lang: str | None) -> str:
    return LANGUAGE_NAMES.get(lang or "", lang or "unknown-language")


def _report(fact: Fact) -> str:
    return f"the {_language(fact.lang)} report ({fact.doc})"


def _num(value: Decimal, decimals: int) -> str:
    return f"{value:.{decimals}f}"


_QUALIFIER_WORDS = {"lower_bound": "more than ", "upper_bound": "at most ", "approximate": "about "}


def _figure(c: _Claim) -> str:
    sign = " points" if c.unit == "points" else " %"
    if c.qualifier in _QUALIFIER_WORDS:
        return f"{_QUALIFIER_WORDS[c.qualifier]}{_num(c.value, c.decimals)}{sign}"
    if c.ranged:
        return f"{_num(c.low, c.decimals)}-{_num(c.high, c.decimals)}{sign}"
    return f"{_num(c.value, c.decimals)}{sign}"


def _points(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return f"{text}-point"


def _first_phrase(c: _Claim) -> str:
    x, s = _figure(c), c.subject
    if c.attribute.startswith("vote_share_") and c.attribute != "vote_share_first_round":
        return f"{s} {x} of the vote in {c.attribute.rsplit('_', 1)[1]}"
    return {
        "vote_share": f"{s} {x} of the vote",
        "vote_share_first_round": f"{s} {x} of the vote in the first round",
        "poll_share": f"{s} {x} in a poll",
        "margin_pp": f"{s} a lead of {x}",
        "poll_margin_pp": f"{s} a lead of {x} in a poll",
        "counted_share": f"{x} of the count done in {s}",
        "turnout": f"a turnout of {x} in {s}",
        "abstention": f"an abstention rate of {x} in {s}",
        "blank_votes": f"{x} of blank votes in {s}",
        "null_votes": f"{x} of null votes in {s}",
        "approval": f"{s} an approval rating of {x}",
    }.get(c.attribute, f"{s} {x} ({c.attribute.replace('_', ' ')})")


def _stage_words(c: _Claim) -> str:
    if c.attribute in STAGE_ATTRIBUTES:
        return ""
    if c.stage == ("final",):
        return " with the count complete"
    if c.stage:
        return f" with {_num(c.stage[1], c.stage[2])} % counted"
    return ""


def _stage_explanation(claims: list[_Claim]) -> str:
    """Figures of one subject taken at different moments of the count, report by report."""
    c0 = claims[0]
    what = c0.attribute.replace("_", " ")
    if len(claims) > _MAX_LISTED:
        by_figure: dict[str, list[_Claim]] = {}
        for c in claims:
            by_figure.setdefault(_figure(c) + _stage_words(c), []).append(c)
        parts = [_reports_that([c.fact for c in cs], f"gives {figure}", f"give {figure}")
                 for figure, cs in list(by_figure.items())[:_MAX_LISTED]]
        if len(by_figure) > _MAX_LISTED:
            parts.append(f"and {len(by_figure) - _MAX_LISTED} more figures (see the evidence)")
    else:
        parts = [f"{_report(c.fact)} gives {_figure(c)}{_stage_words(c)}" for c in claims]
    if c0.attribute in STAGE_ATTRIBUTES:
        return (f"{_capital(c0.subject)}, share of the count done: " + "; ".join(parts)
                + ". The reports were written at different moments of the count.")
    return (f"{_capital(c0.subject)}, {what}: " + "; ".join(parts)
            + ". The reports took the count at different moments: not an error of either, but a "
              "figure to update.")


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _precision_words(claims: list[_Claim]) -> str:
    decs = sorted({c.decimals for c in claims})
    if len(decs) == 1:
        if decs[0] == 0:
            return "Written as whole numbers"
        return f"Written {_DECIMAL_WORDS.get(decs[0], f'to {decs[0]} decimals')} each"
    return "Written " + " and ".join(f"{_figure(c)} {_DECIMAL_WORDS.get(c.decimals, f'to {c.decimals} decimals')}"
                                     for c in claims[:2])


def _value_explanation(claims: list[_Claim], severity: str, precision: bool) -> str:
    docs = {c.doc for c in claims}
    if len(claims) > _MAX_LISTED:       # many reports: one line per figure, with the first report giving it
        by_figure: dict[str, list[_Claim]] = {}
        for c in claims:
            by_figure.setdefault(_figure(c), []).append(c)
        lines = [_reports_that([c.fact for c in cs], f"gives {figure}", f"give {figure}")
                 for figure, cs in list(by_figure.items())[:_MAX_LISTED]]
        if len(by_figure) > _MAX_LISTED:
            lines.append(f"and {len(by_figure) - _MAX_LISTED} more figures (see the evidence)")
        head = (f"{len(docs):,} reports give figures for {claims[0].subject}'s "
                f"{claims[0].attribute.replace('_', ' ')}: " + "; ".join(lines) + ".")
    else:
        parts = [f"{_capital(_report(claims[0].fact))} gives {_first_phrase(claims[0])}{_stage_words(claims[0])}"]
        parts += [f"{_report(c.fact)} gives {_figure(c)}{_stage_words(c)}" for c in claims[1:]]
        head = "; ".join(parts) + "."
    if any(c.ctx.get("contest") == "poll" or c.attribute.startswith("poll_") for c in claims):
        head += " These are poll figures: they disagree only if they cite the same poll."
    if precision:
        return head + (" They agree once rounded: " + _figure(min(claims, key=lambda c: c.decimals))
                       + " is the same figure written with less precision.")
    lo = min(claims, key=lambda c: c.nominal()[0])
    hi = max(claims, key=lambda c: c.nominal()[1])
    gap = _gap(lo, hi)
    ranged = [c for c in claims if c.ranged]
    if ranged and len(claims) == 2:
        r = ranged[0]
        other = claims[0] if claims[1] is r else claims[1]
        fit = (f"{_figure(other)} is not {_figure(r)}" if r.qualifier
               else f"{_figure(other)} lies outside the range {_figure(r)}")
    elif len(claims) == 2:
        fit = f"{_precision_words(claims)}, they cannot both be roundings of the same figure"
    else:
        fit = "These figures cannot all be roundings of the same number"
    if severity == "minor":
        verdict = f"a {_points(gap)} difference, the size of a rounding or typing error"
        trunc = _truncation_note(claims)
        if trunc:
            verdict += f"; {trunc}"
    else:
        verdict = (f"a {_points(gap)} difference, far beyond rounding: at least one report is wrong "
                   f"or they are not counting the same thing")
    if len(claims) > 2:
        verdict = "between the lowest and the highest, " + verdict
    return f"{head} {fit}: {verdict}."


def _truncation_note(claims: list[_Claim]) -> str:
    figures: dict[tuple, _Claim] = {}      # each distinct figure once: claims may be thousands
    for c in claims:
        figures.setdefault((c.value, c.decimals, c.ranged), c)
    for a in figures.values():
        for b in figures.values():
            if not a.ranged and not b.ranged and is_truncation(float(a.value), a.decimals, float(b.value), b.decimals):
                return (f"{_figure(a)} is what {_figure(b)} gives when truncated instead of rounded, "
                        f"so it looks like a truncation")
    return ""


# --------------------------------------------------------------------------- value conflicts

_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


@lru_cache(maxsize=65536)
def _names_subject(sentence: str, subject: str) -> bool:
    """Whether the sentence names the subject itself (a word of its name, 3+ letters, not a
    title), not merely a pronoun standing in for it ("il a obtenu", "she won")."""
    words = {_fold(w) for w in _NAME_WORD.findall(sentence or "")}
    own = [_fold(w) for w in _NAME_WORD.findall(subject) if len(w) >= 3 and _fold(w) not in _TITLES]
    return any(w in words for w in own)


def _same_sentence_slips(claims: list[_Claim]) -> set[int]:
    """Claims (ids) that share a sentence with a different figure for the same subject, attribute,
    context and stage: one sentence does not give one subject two figures for one thing, so one of
    them was attributed to the wrong subject upstream; neither is a basis for an accusation."""
    by_sentence: dict[tuple, list[_Claim]] = defaultdict(list)
    for c in claims:
        if c.attribute not in STAGE_ATTRIBUTES:     # one sentence may tell two moments of the count
            by_sentence[(c.doc, c.fact.sentence, c.subject, c.attribute, c.unit, c.context, c.stage)].append(c)
    return {id(c) for members in by_sentence.values() if len({m.nominal() for m in members}) > 1
            for c in members}


class _Node:
    """Claims the comparison cannot tell apart, one per report: the same figure (value, precision,
    range), context and report year span, from reports that give this subject/attribute the same
    set of claims. A figure repeated by a thousand reports is one node, so the work grows with
    the distinct figures, not with the reports; the evidence still lists every claim."""
    __slots__ = ("claims", "indices", "profile", "position", "context", "span", "claim", "filter")

    def __init__(self, profile: tuple, position: int, claim: _Claim, span):
        self.profile, self.position, self.claim, self.span = profile, position, claim, span
        self.context = claim.context
        self.claims: list[_Claim] = []
        self.indices: list[int] = []
        self.filter: dict[str, str | None] = {}

    def several_reports(self) -> bool:
        return len(self.claims) > 1


def _node_kind(c: _Claim, doc_years) -> tuple:
    return (c.nominal(), c.decimals, c.ranged, c.context, c.stage, doc_years.get(c.doc) or ())


class _Group:
    """The claims about one subject/attribute/unit, pooled into nodes, and which pairs of nodes
    are compared.

    A report's claims are pooled with the same-placed claims of every report giving this
    subject/attribute the same figures (its profile): such reports meet every other report the
    same way, and hold the same claims side by side, so whatever holds for one holds for all."""

    def __init__(self, claims: list[_Claim], doc_years):
        self.claims = sorted(claims, key=_Claim.sort_key)
        per_doc: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.claims):
            per_doc[c.doc].append(i)
        nodes: dict[tuple, _Node] = {}
        for indices in per_doc.values():
            kinds = [_node_kind(self.claims[i], doc_years) for i in indices]
            order = sorted(range(len(indices)), key=kinds.__getitem__)
            ordered = [self.claims[indices[k]] for k in order]
            profile = tuple(kinds[k] for k in order)
            for position, k in enumerate(order):
                node = nodes.get((profile, position))
                if node is None:
                    node = nodes[(profile, position)] = _Node(profile, position, ordered[position],
                                                             kinds[k][-1] or None)
                node.claims.append(ordered[position])
                node.indices.append(indices[k])
        self.nodes = sorted(nodes.values(), key=lambda n: n.indices[0])
        self.siblings: dict[tuple, list[_Node]] = defaultdict(list)     # the nodes of the same reports
        for node in self.nodes:
            self.siblings[node.profile].append(node)

    def _across(self, p: _Node, q: _Node) -> tuple[bool, bool]:
        """(claims of p and q from different reports are compared, only because a key is unsaid)."""
        if p.profile == q.profile:
            # One report holds both nodes, or copies of one report do: a report is never compared
            # with itself, nor with its own reprint.
            return False, False
        compared, partial = _contexts_compatible(p.context, q.context, p.span, q.span)
        if compared and partial and _far_apart(p.claim, q.claim):
            compared = False
        return compared, partial

    def _compared(self, p: _Node, q: _Node) -> bool:
        """Whether some claim of p is compared with some claim of q (always from two reports)."""
        return self._across(p, q)[0]

    def _set_filters(self) -> None:
        """A claim that leaves unsaid a key the group gives several values (no round, while others
        say round 1 and round 2) is read as its nearest reading only: its filter maps each such key
        to the one value it is compared with (None: only with claims that leave the key unsaid too)."""
        seen: dict[str, set[str]] = defaultdict(set)
        for node in self.nodes:
            for k, v in node.context:
                seen[k].add(v)
        ambiguous = sorted(k for k, vs in seen.items() if len(vs) > 1)
        for p in self.nodes:
            a = p.claim
            for key in ambiguous:
                if key in a.ctx:
                    continue
                best: dict[str, Decimal] = {}
                for q in self.nodes:
                    b = q.claim
                    if q is p or key not in b.ctx or not self._compared(p, q):
                        continue
                    d = Decimal(0) if _agree(a, b) else _gap(a, b)
                    best[b.ctx[key]] = min(best.get(b.ctx[key], d), d)
                if best:
                    top = min(best.values())
                    winners = [v for v, d in best.items() if d == top]
                    p.filter[key] = winners[0] if len(winners) == 1 else None

    @staticmethod
    def _allows(p: _Node, q: _Node) -> bool:
        return all(key not in q.claim.ctx or (value is not None and q.claim.ctx[key] == value)
                   for key, value in p.filter.items())

    def pairs(self) -> tuple[list[tuple[_Node, _Node]], list[tuple[_Node, _Node]], list[tuple[_Node, _Node]]]:
        """Disagreeing pairs of nodes at one stage of the count (or unsaid), disagreeing pairs at
        different stages, and precision-only pairs, each in the order of their first claims."""
        self._set_filters()
        disagree, staged, precision = [], [], []
        stage_attribute = self.claims[0].attribute in STAGE_ATTRIBUTES if self.claims else False
        for x, p in enumerate(self.nodes):
            for q in self.nodes[x + 1:]:
                a, b = p.claim, q.claim
                if a.nominal() == b.nominal():
                    continue
                if not self._compared(p, q) or not (self._allows(p, q) and self._allows(q, p)):
                    continue
                first = self._first_pair(p, q)
                if first is None:
                    continue
                if not _agree(a, b) and not stage_attribute and same_stage(a.stage, b.stage) is not False \
                        and self._ambiguous(p) and self._ambiguous(q) \
                        and (self._nearer_sibling(p, q) or self._nearer_sibling(q, p)):
                    continue
                if not _agree(a, b):
                    (staged if stage_attribute or same_stage(a.stage, b.stage) is False else disagree).append((first, p, q))
                elif not a.ranged and not b.ranged and (stage_attribute or same_stage(a.stage, b.stage) is not False):
                    precision.append((first, p, q))
        return tuple([(p, q) for _, p, q in sorted(found, key=lambda t: t[0])]
                     for found in (disagree, staged, precision))

    def _ambiguous(self, p: _Node) -> bool:
        """Whether p's reports give another figure at p's stage."""
        return any(o is not p and o.claim.stage == p.claim.stage for o in self.siblings[p.profile])

    def _nearer_sibling(self, p: _Node, q: _Node) -> bool:
        """Whether p's reports give, at p's stage, another figure nearer q's. Two figures of one
        report for one thing at one stage speak of two things the words did not tell apart (two
        questions of a referendum, two regions): each is read against its nearest counterpart."""
        a, b = p.claim, q.claim
        gap = _gap(a, b)
        return any(o is not p and o.claim.stage == a.stage and self._compared(o, q)
                   and (_agree(o.claim, b) or _gap(o.claim, b) < gap) for o in self.siblings[p.profile])

    def _first_pair(self, p: _Node, q: _Node) -> tuple[int, int] | None:
        """The first pair of claim indices compared between p and q, from two reports (nodes hold
        one claim per report, in report order, so the first two claims of each decide)."""
        pairs = [(min(i, j), max(i, j)) for i in p.indices[:2] for j in q.indices[:2]
                 if self.claims[i].doc != self.claims[j].doc]
        return min(pairs) if pairs else None

    def cluster(self, pairs: list[tuple[_Node, _Node]]) -> list[tuple[list[_Node], list[tuple[_Node, _Node]]]]:
        """Merge pairs into conflicts, as long as every two members can speak of the same thing.
        Returns each conflict's nodes and the pairs it holds, in the order of their first claims."""
        clusters: list[_Cluster] = []
        member_of: dict[int, list[_Cluster]] = defaultdict(list)
        for p, q in pairs:
            homes_p, homes_q = member_of[id(p)], member_of[id(q)]
            both = next((cl for cl in homes_p if cl in homes_q), None)
            if both is not None:
                both.pairs.append((p, q))
                continue
            target = next((cl for cl in homes_p if cl.accepts(q)), None)
            newcomers = [q]
            if target is None:
                target = next((cl for cl in homes_q if cl.accepts(p)), None)
                newcomers = [p]
            if target is None:
                target = _Cluster()
                clusters.append(target)
                newcomers = [p, q]
            for node in newcomers:
                target.add(node)
                member_of[id(node)].append(target)
            target.pairs.append((p, q))
        found = [(sorted(cl.members, key=lambda n: n.indices[0]), cl.pairs) for cl in clusters]
        return sorted(found, key=lambda mp: mp[0][0].indices[0])


class _Cluster:
    """Nodes gathered into one conflict: one figure per report (a profile's nodes hold claims of
    the same reports), with contexts that can all speak of the same thing."""

    def __init__(self):
        self.members: list[_Node] = []
        self.pairs: list[tuple[_Node, _Node]] = []
        self.signatures: set[tuple] = set()          # (context, report year span)
        self.profiles: set[tuple] = set()

    def accepts(self, node: _Node) -> bool:
        if node.profile in self.profiles:
            return False          # its reports already give a figure in this conflict
        return all(_contexts_compatible(node.context, ctx, node.span, other)[0] for ctx, other in self.signatures)

    def add(self, node: _Node) -> None:
        self.members.append(node)
        self.profiles.add(node.profile)
        self.signatures.add((node.context, node.span))


def _value_conflicts(claims: list[_Claim], doc_years, include_precision: bool) -> list[Conflict]:
    groups: dict[tuple, list[_Claim]] = defaultdict(list)
    slips = _same_sentence_slips(claims)
    for c in claims:
        if c.attribute not in UNCOMPARED_ATTRIBUTES and id(c) not in slips:
            groups[(c.fact.contest or "", c.subject, c.attribute, c.unit)].append(c)
    out = []
    for (_contest, subject, attribute, _unit_), members in sorted(groups.items()):
        if len({c.doc for c in members}) < 2:
            continue
        group = _Group(members, doc_years)
        disagree, staged, precision = group.pairs()
        covered: set[int] = set()
        for nodes, held in group.cluster(disagree):
            covered |= {id(n) for n in nodes}
            chosen = _claims_of(nodes)
            severity = "minor" if all(_rounding_level(p.claim, q.claim) for p, q in held) else "substantive"
            out.append(Conflict(subject=subject, attribute=attribute, kind="value", severity=severity,
                                explanation=_value_explanation(chosen, severity, False),
                                values=[_evidence(c.fact, _json_value(c)) for c in chosen]))
        for nodes, _held in group.cluster(staged):
            chosen = _claims_of(nodes)
            out.append(Conflict(subject=subject, attribute=attribute, kind="counting_stage", severity="different_stages",
                                explanation=_stage_explanation(chosen),
                                values=[_evidence(c.fact, _json_value(c)) for c in chosen]))
        if include_precision:
            for nodes, _held in group.cluster(precision):
                if all(id(n) in covered for n in nodes):
                    continue
                chosen = _claims_of(nodes)
                out.append(Conflict(subject=subject, attribute=attribute, kind="precision",
                                    severity="precision",
                                    explanation=_value_explanation(chosen, "precision", True),
                                    values=[_evidence(c.fact, _json_value(c)) for c in chosen]))
    return out


def _claims_of(nodes: list[_Node]) -> list[_Claim]:
    return [c for _, c in sorted((i, c) for n in nodes for i, c in zip(n.indices, n.claims))]


def _json_value(c: _Claim):
    if c.ranged and not c.qualifier:
        return [float(c.low), float(c.high)]
    return float(c.value)


def _evidence(f: Fact, value) -> ConflictValue:
    return ConflictValue(value=value, doc=f.doc, text=f.text, sentence=f.sentence, start=f.start,
                         end=f.end, lang=f.lang)


# --------------------------------------------------------------------------- arithmetic

def _arithmetic_conflicts(claims: list[_Claim], doc_years) -> list[Conflict]:
    """Vote shares of one contest that cannot add up, even allowing for rounding.

    Per subject, the most favourable of its figures is used (lowest for 'above 100', highest for
    'below 100'): a flag means no choice among the reported figures adds up, so a disagreement
    between reports on one candidate (a value conflict already) never causes one. Figures are only
    summed where they surely belong to one contest and one stage of its count: one sentence
    listing them, or a round said."""
    found: dict[tuple, Conflict] = {}
    by_stage: dict[tuple, list[_Claim]] = defaultdict(list)
    for c in claims:
        if c.attribute == "vote_share" and c.unit == "percent" and not c.ranged:
            by_stage[(c.fact.contest or "", c.stage)].append(c)
    for _key, shares in sorted(by_stage.items(), key=lambda kv: (kv[0][0], repr(kv[0][1]))):
        _add_up(found, shares, doc_years)
    return list(found.values())


def _add_up(found: dict, shares: list[_Claim], doc_years) -> None:
    # Above 100 %, one sentence: "58,4 % contre 43,1 %".
    by_sentence: dict[tuple, list[_Claim]] = defaultdict(list)
    for c in shares:
        by_sentence[(c.doc, c.fact.sentence)].append(c)
    for _key, members in sorted(by_sentence.items()):
        if all(_contexts_agree(a, b) for a in members for b in members):
            _check_above(found, members)
    for ctx in sorted({c.context for c in shares}):
        full = dict(ctx)
        if "round" not in full:
            continue
        members = [c for c in shares if all(full.get(k) == v for k, v in c.context)
                   and not _excluded(c, full, doc_years)]
        # Above 100 %, across sentences: only figures that say their round.
        _check_above(found, [c for c in members if "round" in c.ctx])
        # Runoff below 100 %: exactly two candidates, each with a figure said to be of round 2 (or in
        # the sentence of one that is); every compatible figure of theirs counts towards the maximum.
        if full["round"] != "2" or full.get("contest") == "poll":
            continue
        tagged_sentences = {(c.doc, c.fact.sentence) for c in members if "round" in c.ctx}
        runoff = {c.subject for c in members if (c.doc, c.fact.sentence) in tagged_sentences}
        if len(runoff) != 2:
            continue
        if _base_counts_blank_ballots(members, runoff):
            continue
        top = {s: max((c for c in members if c.subject == s), key=lambda c: c.interval()[1]) for s in runoff}
        if sum(c.interval()[1] for c in top.values()) < 100:
            _add_arith(found, sorted(top.values(), key=lambda c: c.subject), above=False)


# A report whose own two runoff figures fall short of 100 % by more than this (in points, beyond
# rounding) counts blank ballots in its base (Colombia's official results do: 50.44 + 47.31).
BLANK_BALLOTS_MIN_GAP = Decimal(1)


def _base_counts_blank_ballots(members: list[_Claim], runoff: set[str]) -> bool:
    """Whether one report gives both runoff candidates figures that, by themselves, fall short of
    100 % by more than a slip does (BLANK_BALLOTS_MIN_GAP): that report counts blank ballots in
    its base, so a shortfall says nothing about a disagreement. A smaller shortfall (58.2 + 41.3)
    is still a slip worth checking."""
    per_doc: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for c in members:
        if c.subject in runoff:
            best = per_doc[c.doc].get(c.subject)
            per_doc[c.doc][c.subject] = max(best, c.interval()[1]) if best is not None else c.interval()[1]
    return any(len(tops) == 2 and sum(tops.values()) < 100 - BLANK_BALLOTS_MIN_GAP for tops in per_doc.values())


def _contexts_agree(a: _Claim, b: _Claim) -> bool:
    ca = a.ctx
    return all(ca.get(k, v) == v for k, v in b.context)


def _check_above(found: dict, members: list[_Claim]) -> None:
    by_subject: dict[str, list[_Claim]] = defaultdict(list)
    for c in members:
        by_subject[c.subject].append(c)
    if len(by_subject) < 2:
        return
    floor = {s: min(cs, key=lambda c: c.interval()[0]) for s, cs in by_subject.items()}
    if sum(c.interval()[0] for c in floor.values()) > 100:
        _add_arith(found, sorted(floor.values(), key=lambda c: c.subject), above=True)


def _excluded(c: _Claim, full: dict[str, str], doc_years) -> bool:
    for key in full:
        if key in c.ctx:
            continue
        if key in STRICT_KEYS or (key == "contest" and full[key] in SEPARATE_CONTESTS):
            return True
        if key == "year":
            span = doc_years.get(c.doc)
            year = _YEAR.match(full[key])
            if span and year and not span[0] <= int(year.group(1)) <= span[1]:
                return True
    return False


def _add_arith(found: dict, chosen: list[_Claim], above: bool) -> None:
    key = tuple(sorted((c.doc, c.fact.start) for c in chosen))
    if key in found:
        return
    total = sum(c.value for c in chosen)
    listing = ", ".join(f"{c.subject} {_figure(c)} in {_report(c.fact)}" for c in chosen)
    if above:
        why = (f"{_num(total, max(c.decimals for c in chosen))} % together, more than 100 % even "
               f"allowing for rounding")
    else:
        why = (f"only {_num(total, max(c.decimals for c in chosen))} % together: even allowing for "
               f"rounding, the two candidates of a runoff cannot fall short of 100 % (unless a report "
               f"counts blank and spoilt ballots)")
    found[key] = Conflict(
        subject=chosen[0].fact.contest or " + ".join(c.subject for c in chosen), attribute="vote_share", kind="arithmetic",
        severity="substantive",
        explanation=f"The vote shares do not add up: {listing}; {why}.",
        values=[_evidence(c.fact, float(c.value)) for c in chosen])


# --------------------------------------------------------------------------- dates

def _precision_of(value) -> str | None:
    if not isinstance(value, str):
        return None
    if _DAY.match(value):
        return "day"
    if _MONTH.match(value):
        return "month"
    return None


def _reports_that(facts: list[Fact], does: str, do: str, detail: str = "") -> str:
    """'one report gives 58.1 % (the French report (a))', '640 reports give 58.1 % (first the ...)'."""
    n, first = len({f.doc for f in facts}), _report(facts[0])
    return f"one report {does} ({first}{detail})" if n == 1 else f"{n:,} reports {do} (first {first}{detail})"


def _say_date(value: str) -> str:
    parts = value.split("-")
    month = _MONTH_NAMES[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


_HOW = {"explicit": "as written", "anchored": "counted from the date the report was written",
        "corpus_anchored": "counted from the date the reports were written"}


_BARE_WEEKDAY = re.compile(r"^XXXX-WXX-\d$")


def _dates_comparable(a: tuple, b: tuple) -> bool:
    """Whether two resolved dates (signatures, see _DatedEvents) are firm enough to accuse a
    report. A date counted from a writing date borrowed from the other reports (corpus_anchored)
    is a guess; and a bare weekday ("dimanche") counted from an inferred writing date lands a week
    off when that anchor is off by a few days, so a weekday one week from the other value is
    anchor ambiguity, not a disagreement."""
    (*_, a_value, a_borrowed, a_weekday), (*_, b_value, b_borrowed, b_weekday) = a, b
    if a_borrowed or b_borrowed:
        return False
    if _DAY.match(str(a_value)) and _DAY.match(str(b_value)) and (a_weekday or b_weekday):
        gap = datetime.date.fromisoformat(a_value) - datetime.date.fromisoformat(b_value)
        if abs(gap.days) == 7:
            return False
    return True


class _DatedEvents:
    """The dated events of a fact stream as the date comparison reads them: per event its report,
    offsets and signature (event type, precision, participants, value, whether the date was
    borrowed from other reports, whether it is a bare weekday). The facts themselves are needed
    only as evidence: in memory up to a limit, past it in a temporary file, read back for the
    conflicts that quote them."""

    def __init__(self, limit: int):
        self.events: list[tuple[str, int, int, int]] = []       # (doc, start, end, signature number)
        self.signatures: dict[tuple, int] = {}
        self.limit, self._held, self._file, self._offsets = limit, [], None, array("q")

    def add(self, f: Fact) -> None:
        key = (f.attribute, _precision_of(f.value), frozenset(f.participants), f.value,
               f.resolution == "corpus_anchored", bool(_BARE_WEEKDAY.match(f.timex or "")))
        self.events.append((sys.intern(f.doc), f.start, f.end, self.signatures.setdefault(key, len(self.signatures))))
        if self._file is None:
            self._held.append(f)
            if len(self._held) > self.limit:
                self._file = tempfile.TemporaryFile(prefix="kastfacts-dates-")
                held, self._held = self._held, []
                for fact in held:
                    self._write(fact)
        else:
            self._write(f)

    def _write(self, f: Fact) -> None:
        self._file.seek(0, os.SEEK_END)
        self._offsets.append(self._file.tell())
        pickle.dump(f, self._file, pickle.HIGHEST_PROTOCOL)

    def fact(self, i: int) -> Fact:
        if self._file is None:
            return self._held[i]
        self._file.seek(self._offsets[i])
        return pickle.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _date_conflicts(dated: _DatedEvents) -> list[Conflict]:
    """Reports linked as speaking of one event (same type, shared participants) that date it
    differently. Links are found between signatures, not between facts: a date a thousand
    reports repeat is one signature, so the work grows with the distinct dates."""
    signature = list(dated.signatures)          # by number
    events = dated.events
    order = sorted(range(len(events)), key=lambda i: events[i][:3])      # by report and offset
    # A participant a single report gives two dates for the same kind of event (Kast's meeting on
    # Monday and his meeting on Friday) does not identify one event: it cannot link reports.
    per_doc: dict[tuple, set] = defaultdict(set)
    for doc, _start, _end, s in events:
        event, precision, participants, value = signature[s][:4]
        for p in participants:
            per_doc[(doc, event, precision, p)].add(value)
    ambiguous = {(a, prec, p) for (d, a, prec, p), vals in per_doc.items() if len(vals) > 1}
    del per_doc

    def same_event(a: tuple, b: tuple) -> bool:
        if a[:2] != b[:2]:
            return False
        pa, pb = a[2], b[2]
        shared = {p for p in pa & pb if (a[0], a[1], p) not in ambiguous}
        # one report names a subset of the other's participants, or they share two of them
        return bool(shared) and (pa <= pb or pb <= pa or len(shared) >= 2)

    members_of: list[list[int]] = [[] for _ in signature]     # per signature, its events' ranks in `order`
    docs_of: list[tuple[str, bool]] = [("", False)] * len(signature)   # (its first report, whether several)
    for rank, i in enumerate(order):
        doc, s = events[i][0], events[i][3]
        if not members_of[s]:
            docs_of[s] = (doc, False)
        elif doc != docs_of[s][0]:
            docs_of[s] = (docs_of[s][0], True)
        members_of[s].append(rank)

    parent = list(range(len(signature)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Two signatures are linked when they are the same event, comparable, and some event of one and
    # some event of the other come from different reports. A signature's events then all fall in
    # one component: a signature linked to another is also the same event as itself, so its events
    # from different reports link to one another, and events of one report share every link.
    # Components of signatures are therefore those of events.
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for s, (event, precision, participants, *_rest) in enumerate(signature):
        for p in participants:
            buckets[(event, precision, p)].append(s)
    candidates = sorted({(s, t) for sigs in buckets.values() for s in sigs for t in sigs if s < t})
    disagreeing_roots = []
    for s, t in candidates:
        (doc_s, several_s), (doc_t, several_t) = docs_of[s], docs_of[t]
        if doc_s == doc_t and not several_s and not several_t:
            continue          # one report holds both: nothing links across reports
        a, b = signature[s], signature[t]
        if same_event(a, b) and _dates_comparable(a, b):
            parent[find(t)] = find(s)
            if a[3] != b[3]:
                disagreeing_roots.append(s)
    disagreeing = {find(s) for s in disagreeing_roots}
    comps: dict[int, list[int]] = defaultdict(list)
    for s, members in enumerate(members_of):
        root = find(s)
        if root in disagreeing:
            comps[root] += members
    out = []
    for members in sorted(sorted(members) for members in comps.values()):    # by their first event
        firsts: dict[tuple, int] = {}           # the first event of each (report, date)
        for i in (order[rank] for rank in members):
            firsts.setdefault((events[i][0], signature[events[i][3]][3]), i)
        chosen_events = sorted(firsts.values(), key=lambda i: events[i][:2])
        shared = set.intersection(*(set(signature[events[i][3]][2]) for i in chosen_events))
        chosen = [dated.fact(i) for i in chosen_events]
        if not shared:
            shared = {Counter(p for f in chosen for p in f.participants).most_common(1)[0][0]}
        subject = ", ".join(sorted(shared))
        event = chosen[0].attribute
        if len(chosen) <= _MAX_LISTED:
            listing = "; ".join(f"{_report(f)} dates it to {_say_date(f.value)} "
                                f"('{f.text}', {_HOW.get(f.resolution, f.resolution)})" for f in chosen)
        else:       # many reports: one line per date, naming the first report giving it
            by_date: dict[str, list[Fact]] = {}
            for f in chosen:
                by_date.setdefault(f.value, []).append(f)
            listing = "; ".join(
                _reports_that(fs, f"dates it to {_say_date(value)}", f"date it to {_say_date(value)}",
                              f": '{fs[0].text}', {_HOW.get(fs[0].resolution, fs[0].resolution)}")
                for value, fs in by_date.items())
        out.append(Conflict(
            subject=subject, attribute=event, kind="date", severity="substantive",
            explanation=(f"The reports give different dates for the same {event} involving {subject}: "
                         f"{listing}. They cannot all be right."),
            values=[_evidence(f, f.value) for f in chosen]))
    return out


# --------------------------------------------------------------------------- names

@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def clean_spelling(text: str) -> str:
    """The name as spelt, without titles, possessive or stray spacing: 'President Kast's' -> 'Kast'."""
    tokens = " ".join((text or "").split()).split(" ")
    while len(tokens) > 1 and tokens[0].casefold().rstrip(".") in _TITLES:
        tokens = tokens[1:]
    name = " ".join(tokens)
    return _POSSESSIVE.sub("", name) if len(name) > 2 else name


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, by rapidfuzz: the same distances as the dynamic programme it replaced,
    about 60 times faster (bench: 0.2 against 13 microseconds a pair of name words)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def _tokens_match(t: str, u: str, multi: bool) -> bool:
    ft, fu = _fold(t), _fold(u)
    if ft == fu:
        return True
    return (multi and min(len(ft), len(fu)) >= 4 and ft[0] == fu[0]
            and _edit_distance(ft, fu) == 1)


@lru_cache(maxsize=65536)
def spelling_difference(a: str, b: str) -> str | None:
    """How two spellings of one name differ: 'accent', 'letter', or None when they do not (case,
    short vs full form) or differ too much to be one spelling (another first name)."""
    ta, tb = a.split(), b.split()
    if [t.casefold() for t in ta] == [t.casefold() for t in tb]:
        return None
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    multi = len(long_) >= 2
    pairs, pos = [], 0
    for t in short:
        for k in range(pos, len(long_)):
            if _tokens_match(t, long_[k], multi):
                pairs.append((t, long_[k]))
                pos = k + 1
                break
        else:
            return None
    diffs = [(t, u) for t, u in pairs if t.casefold() != u.casefold()]
    if not diffs:
        return None
    if all(_fold(t) == _fold(u) for t, u in diffs):
        # "Jeri" is "Jerí" with its accent dropped: a slip. "Léon" / "León" are each language's own
        # form of the name (both accented): not a spelling variant.
        if all(_fold(t) == t.casefold() or _fold(u) == u.casefold() for t, u in diffs):
            return "accent"
        return None
    return "letter"


def _is_short_form(a: str, b: str) -> bool:
    """`a` is `b` shortened, letter for letter (Kast / José Antonio Kast)."""
    ta, tb = [t.casefold() for t in a.split()], [t.casefold() for t in b.split()]
    if len(ta) >= len(tb):
        return False
    it = iter(tb)
    return all(t in it for t in ta)


def _name_conflicts(facts: Iterable[Fact], include_accents: bool = False) -> list[Conflict]:
    """Spelling variants of one resolved person across reports: letters differ ("Bukele" /
    "Bukelle", severity spelling), or only accents ("Yamandú" / "Yamandu", severity accent, only
    when asked: languages and keyboards drop them, a reader does not). Reads the mentions once, keeping
    per person the first mention of each spelling in each report, and how often each canonical
    name is given: a person named a thousand times a report costs one mention per spelling."""
    kept: dict[str, dict[tuple[str, str], Fact]] = defaultdict(dict)   # (spelling casefolded, doc) -> first
    named: dict[str, Counter] = defaultdict(Counter)
    for f in facts:
        if f.kind != "person" or not (f.entity or f.value):
            continue
        entity = str(f.entity or f.value)
        if f.value:
            named[entity][str(f.value)] += 1
        s = clean_spelling(f.text)
        if s:
            key = (s.casefold(), f.doc)
            held = kept[entity].get(key)
            if held is None or (f.start, f.end) < (held.start, held.end):
                kept[entity][key] = f
    out = []
    for entity, first in sorted(kept.items()):
        spelt: dict[str, str] = {}                  # casefolded -> spelling as first seen
        for (folded, _doc), f in sorted(first.items(), key=lambda kf: (kf[1].doc, kf[1].start, kf[1].end)):
            spelt.setdefault(folded, clean_spelling(f.text))
        docs_of: dict[str, set[str]] = defaultdict(set)
        for (s, d) in first:
            docs_of[s].add(d)
        # within a report, a short form of a longer spelling it also uses says nothing new
        for s in list(docs_of):
            for d in list(docs_of[s]):
                if any(o != s and d in docs_of[o] and _is_short_form(spelt[s], spelt[o]) for o in docs_of):
                    docs_of[s].discard(d)
        names = sorted(s for s in docs_of if docs_of[s])
        edges, kinds = [], set()
        for i, s in enumerate(names):
            for o in names[i + 1:]:
                how = spelling_difference(spelt[s], spelt[o])
                if how and (docs_of[s] | docs_of[o]) and any(x != y for x in docs_of[s] for y in docs_of[o]):
                    edges.append((s, o))
                    kinds.add(how)
        if not edges or (kinds == {"accent"} and not include_accents):
            continue
        # `entity` may be an identifier (person:jose-jeri): name the person by its canonical value
        names_given = named[entity]
        subject = min(names_given, key=lambda v: (-names_given[v], v)) if names_given else entity
        involved = sorted({s for e in edges for s in e},
                          key=lambda s: (min(docs_of[s]), first[(s, min(docs_of[s]))].start, s))
        values, listing = [], []
        for s in involved:
            docs = sorted(docs_of[s])
            for d in docs:
                values.append(_evidence(first[(s, d)], spelt[s]))
            where = (" and ".join(_report(first[(s, d)]) for d in docs) if len(docs) <= _MAX_LISTED
                     else f"{len(docs):,} reports (first {_report(first[(s, docs[0])])})")
            listing.append(f"'{spelt[s]}' in {where}")
        how = ("with and without accents" if kinds == {"accent"}
               else "with small differences in the letters")
        out.append(Conflict(
            subject=subject, attribute="name", kind="name", severity="accent" if kinds == {"accent"} else "spelling",
            explanation=(f"{subject} is spelt " + ", ".join(listing[:-1]) + f" and {listing[-1]}: "
                         f"the same person written {how}; check which spelling is right."),
            values=values))
    return out


# --------------------------------------------------------------------------- entry point

def _order_key(c: Conflict):
    return (SEVERITY_ORDER.get(c.severity, 9), c.subject.casefold(), c.attribute, c.kind,
            [(v.doc, v.start, str(v.value)) for v in c.values])


# Facts held in memory per partitioned kind before the rest goes to temporary files.
HELD_IN_MEMORY = 500_000
_PARTITIONS = 64


class _Partitions:
    """Facts grouped by a key (who they are about), in memory up to a limit, then spilled to
    temporary files by a stable hash of the key: every key's facts stay together, so each
    partition is compared on its own and memory stays bounded however large the fact table."""

    def __init__(self, limit: int):
        self.limit, self.held, self.count = limit, [], 0
        self.files: list | None = None
        self._dir = None

    def add(self, key: str, fact: Fact) -> None:
        if self.files is None:
            self.held.append((key, fact))
            self.count += 1
            if self.count > self.limit:
                self._spill()
        else:
            pickle.dump(fact, self.files[zlib.crc32(key.encode("utf-8")) % _PARTITIONS], pickle.HIGHEST_PROTOCOL)

    def _spill(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="kastfacts-conflicts-")
        self.files = [open(os.path.join(self._dir.name, f"{i:02d}.pickle"), "w+b") for i in range(_PARTITIONS)]
        held, self.held = self.held, []
        for key, fact in held:
            self.add(key, fact)

    def partitions(self) -> Iterator[Iterator[Fact]]:
        """Each partition's facts, read one at a time: a step that keeps less than it reads
        (names keep a mention per spelling and report) never holds a whole spilled partition."""
        if self.files is None:
            yield (f for _, f in self.held)
            return
        for handle in self.files:
            yield self._read(handle)

    @staticmethod
    def _read(handle) -> Iterator[Fact]:
        handle.seek(0)
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return

    def close(self) -> None:
        for handle in self.files or ():
            handle.close()
        if self._dir is not None:
            self._dir.cleanup()


def _dated_event(f: Fact) -> bool:
    return (f.kind == "date" and f.attribute in EVENT_TYPES and f.resolution in RESOLVED_DATE
            and bool(f.participants) and _precision_of(f.value) is not None)


def find_conflicts(facts: Iterable[Fact], include_precision: bool = False,
                   held_in_memory: int = HELD_IN_MEMORY) -> list[Conflict]:
    """Every disagreement between (and within) the reports of a resolved fact table, most serious
    first (substantive, rounding, spelling, then precision differences when asked), ids 1..n.

    Reads the facts once, as a stream. Only what can disagree is kept: people's mentions by
    entity and percentages by subject (past `held_in_memory` of either, in temporary files
    partitioned by that key), dated events (a small record each; past the limit, the facts
    themselves in a temporary file), vote shares for the sums, and each report's years.
    """
    people, percentages = _Partitions(held_in_memory), _Partitions(held_in_memory)
    dated = _DatedEvents(held_in_memory)
    shares = []
    years: dict[str, Counter] = defaultdict(Counter)
    try:
        for f in facts:
            if f.kind == "person":
                if f.entity or f.value:
                    people.add(str(f.entity or f.value), f)
            elif f.kind == "percentage":
                if f.subject and f.attribute and f.value is not None:
                    percentages.add(f.subject, f)
                    if f.attribute == "vote_share":
                        shares.append(f)
            elif f.kind == "date":
                _count_year(years, f)
                if _dated_event(f):
                    dated.add(f)
        doc_years = _year_spans(years)
        conflicts = []
        for part in percentages.partitions():
            conflicts += _value_conflicts(_claims(part), doc_years, include_precision)
        conflicts += _arithmetic_conflicts(_claims(shares), doc_years)
        conflicts += _date_conflicts(dated)
        for part in people.partitions():
            conflicts += _name_conflicts(part, include_precision)
    finally:
        people.close()
        percentages.close()
        dated.close()
    conflicts.sort(key=_order_key)
    for n, c in enumerate(conflicts, 1):
        c.id = n
    return conflicts
