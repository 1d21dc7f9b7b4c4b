"""The conflict engine: where reports of the same events disagree, with evidence to check.

Input is a resolved fact table (people/places with canonical names, percentages with subject,
attribute and context, dates with event type and participants). Output is a list of `Conflict`
records, most serious first. Four kinds of disagreement are found:

* value:      percentages about the same subject/attribute/context that cannot all be true. A value
              stands for every number that rounds to it at the precision it is written with
              (58.1 -> [58.05, 58.15)); two values disagree only when those intervals are disjoint.
              Overlapping but different values (55.69 / 55.7) are a mere precision difference,
              reported only on request (kind and severity 'precision').
* date:       the same event (type + participants) dated differently by two reports.
* name:       the same resolved person spelt differently (accents, one-letter slips).
* arithmetic: vote shares of one contest that cannot add up (above 100 %, or a runoff pair that
              cannot reach 100 %), after allowing for rounding.

Conservative by design: a false alarm costs a journalist more than a missed conflict, so every
doubt about whether two claims speak of the same thing resolves to "not compared".
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Iterable

from .records import Conflict, ConflictValue, Fact

SEVERITY_ORDER = {"substantive": 0, "rounding": 1, "spelling": 2, "precision": 3}
LANGUAGE_NAMES = {"fr": "French", "es": "Spanish", "en": "English"}

# Attributes whose values legitimately change from one report to the next (the share of ballots
# counted grows through the night): never compared.
UNCOMPARED_ATTRIBUTES = frozenset({"counted"})
# Context keys that must match exactly (absent on both sides counts as a match): a partial count is
# a different claim from the final result, whatever stage it is.
STRICT_KEYS = frozenset({"counted"})
# Contest values that a claim without a contest is never compared with (a poll is not a result).
SEPARATE_CONTESTS = frozenset({"poll", "primary"})
# When two claims are compatible only because one of them leaves a key unsaid (no round, no year),
# a gap larger than this (in points) more likely means two different contests than a disagreement.
PARTIAL_CONTEXT_MAX_GAP = Decimal(5)
EVENT_TYPES = frozenset({"election", "visit", "meeting", "inauguration", "announcement", "death"})
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
_DECIMAL_WORDS = {0: "whole numbers", 1: "one decimal", 2: "two decimals", 3: "three decimals"}


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

@dataclass(frozen=True)
class _Claim:
    """A percentage fact, with its context parsed and its precision read."""
    fact: Fact
    subject: str
    attribute: str
    unit: str
    value: Decimal
    decimals: int
    low: Decimal | None
    high: Decimal | None
    context: tuple[tuple[str, str], ...]

    @property
    def doc(self) -> str:
        return self.fact.doc

    @property
    def ranged(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def ctx(self) -> dict[str, str]:
        return dict(self.context)

    def nominal(self) -> tuple[Decimal, Decimal]:
        """The interval as written (a point for a single value)."""
        return (self.low, self.high) if self.ranged else (self.value, self.value)

    def interval(self) -> tuple[Decimal, Decimal]:
        lo, hi = self.nominal()
        h = _half_unit(self.decimals)
        return lo - h, hi + h

    def sort_key(self):
        return (self.doc, self.fact.start, self.fact.end, str(self.value))


def parse_context(context: str | None) -> dict[str, str]:
    """'counted=2;round=2;year=2025' -> {'counted': '2', 'round': '2', 'year': '2025'}."""
    out = {}
    for part in (context or "").split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip():
            out[key.strip()] = value.strip()
    return out


def _claims(facts: list[Fact]) -> list[_Claim]:
    """Percentage facts that can be compared: a subject, an attribute and a number. Several
    mentions of one value in one document collapse to the first by offset."""
    seen: dict[tuple, _Claim] = {}
    for f in sorted((f for f in facts if f.kind == "percentage"), key=lambda f: (f.doc, f.start, f.end)):
        if not f.subject or not f.attribute or f.value is None:
            continue
        try:
            value = _dec(f.value)
        except (TypeError, ValueError):
            continue
        ranged = f.low is not None and f.high is not None
        claim = _Claim(
            fact=f, subject=f.subject, attribute=f.attribute, unit=f.unit or "percent", value=value,
            decimals=_decimals_of(f), low=_dec(f.low) if ranged else None,
            high=_dec(f.high) if ranged else None,
            context=tuple(sorted(parse_context(f.context).items())))
        key = (f.doc, claim.subject, claim.attribute, claim.unit, claim.nominal(), claim.context)
        seen.setdefault(key, claim)
    return list(seen.values())


def _doc_years(facts: list[Fact]) -> dict[str, tuple[int, int]]:
    """Per document, the span of years its resolved dates mostly fall in (the report's 'now').

    Lets a claim that says no year be kept apart from one tagged with an earlier election's year:
    Kast's 44 % of 2021 is not a disagreement with his 58 % in a report about 2025."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for f in facts:
        if f.kind == "date" and f.resolution in RESOLVED_DATE and isinstance(f.value, str):
            if _DAY.match(f.value) or _MONTH.match(f.value):
                counts[f.doc][int(f.value[:4])] += 1
    spans = {}
    for doc, c in counts.items():
        top = max(c.values())
        modes = [y for y, n in c.items() if n == top]
        spans[doc] = (min(modes) - 1, max(modes))   # an election is often reported the next January
    return spans


def _compatible(a: _Claim, b: _Claim, doc_years: dict[str, tuple[int, int]]) -> tuple[bool, bool]:
    """(can these claims be about the same thing, is that only because one leaves a key unsaid)."""
    ca, cb = a.ctx, b.ctx
    partial = False
    for key in set(ca) | set(cb):
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
            said, unsaid = (a, b) if va is not None else (b, a)
            span = doc_years.get(unsaid.doc)
            year = _YEAR.match(said.ctx["year"])
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
    alo, ahi = a.interval()
    blo, bhi = b.interval()
    return max(alo, blo) < min(ahi, bhi)


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


def _figure(c: _Claim) -> str:
    sign = " points" if c.unit == "points" else " %"
    if c.ranged:
        return f"{_num(c.low, c.decimals)}-{_num(c.high, c.decimals)}{sign}"
    return f"{_num(c.value, c.decimals)}{sign}"


def _points(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return f"{text}-point" if text != "1" else "1-point"


def _first_phrase(c: _Claim) -> str:
    x, s = _figure(c), c.subject
    return {
        "vote_share": f"{s} {x} of the vote",
        "turnout": f"a turnout of {x} for {s}",
        "abstention": f"an abstention rate of {x} for {s}",
        "approval": f"{s} an approval rating of {x}",
        "share": f"{s} a share of {x}",
    }.get(c.attribute, f"{s} {x} ({c.attribute.replace('_', ' ')})")


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


def _precision_words(claims: list[_Claim]) -> str:
    decs = sorted({c.decimals for c in claims})
    if len(decs) == 1:
        return f"Written to {_DECIMAL_WORDS.get(decs[0], f'{decs[0]} decimals')} each"
    return "Written " + " and ".join(f"{_figure(c)} to {_DECIMAL_WORDS.get(c.decimals, f'{c.decimals} decimals')}"
                                     for c in claims[:2])


def _value_explanation(claims: list[_Claim], severity: str, precision: bool) -> str:
    docs = {c.doc for c in claims}
    if len(docs) == 1:
        head = (f"Within one report, {_report(claims[0].fact)} gives {_first_phrase(claims[0])} in one "
                f"passage and " + ", ".join(_figure(c) for c in claims[1:]) + " in another.")
    else:
        parts = [f"{_capital(_report(claims[0].fact))} gives {_first_phrase(claims[0])}"]
        parts += [f"{_report(c.fact)} gives {_figure(c)}" for c in claims[1:]]
        head = "; ".join(parts) + "."
        per_doc = Counter(c.doc for c in claims)
        inner = [c.fact for c in claims if per_doc[c.doc] > 1]
        if inner:
            head += f" {_capital(_report(inner[0]))} itself gives different figures (within one report)."
    if any(c.ctx.get("contest") == "poll" for c in claims):
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
        fit = f"{_figure(other)} lies outside the range {_figure(r)}"
    elif len(claims) == 2:
        fit = f"{_precision_words(claims)}, they cannot both be roundings of the same figure"
    else:
        fit = "These figures cannot all be roundings of the same number"
    if severity == "rounding":
        verdict = f"a {_points(gap)} difference, the size of a rounding or typing error"
        trunc = _truncation_note(claims)
        if trunc:
            verdict += f"; {trunc}"
    else:
        verdict = (f"a {_points(gap)} difference, far beyond rounding: at least one report is wrong "
                   f"or they are not counting the same thing")
    return f"{head} {fit}: {verdict}."


def _truncation_note(claims: list[_Claim]) -> str:
    for a in claims:
        for b in claims:
            if not a.ranged and not b.ranged and is_truncation(float(a.value), a.decimals, float(b.value), b.decimals):
                return (f"{_figure(a)} is what {_figure(b)} gives when truncated instead of rounded, "
                        f"so it looks like a truncation")
    return ""


# --------------------------------------------------------------------------- value conflicts

def _ambiguous_keys(claim: _Claim, group: list[_Claim]) -> set[str]:
    """Keys the claim leaves unsaid while the group gives them several values (round 1 and 2)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for c in group:
        for k, v in c.context:
            seen[k].add(v)
    ctx = claim.ctx
    return {k for k, vs in seen.items() if len(vs) > 1 and k not in ctx}


def _pairs(group: list[_Claim], doc_years) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Disagreeing and precision-only pairs (indices into the group) among comparable claims."""
    disagree, precision = [], []
    comparable: dict[tuple[int, int], bool] = {}
    for i, a in enumerate(group):
        for j in range(i + 1, len(group)):
            b = group[j]
            if a.doc == b.doc:
                ok = a.context == b.context and not a.ranged and not b.ranged
                partial = False
            else:
                ok, partial = _compatible(a, b, doc_years)
            if ok and partial and not _agree(a, b) and _gap(a, b) > PARTIAL_CONTEXT_MAX_GAP:
                ok = False
            comparable[(i, j)] = ok
    # A claim that leaves unsaid a key the group gives several values (no round, while others say
    # round 1 and round 2) is read as the nearest reading only: it is not compared with the others.
    allowed: dict[int, set[int]] = {}
    for i, a in enumerate(group):
        for key in _ambiguous_keys(a, group):
            best: dict[str, Decimal] = {}
            for j, b in enumerate(group):
                if key in b.ctx and comparable.get((min(i, j), max(i, j))):
                    d = Decimal(0) if _agree(a, b) else _gap(a, b)
                    best[b.ctx[key]] = min(best.get(b.ctx[key], d), d)
            if not best:
                continue
            top = min(best.values())
            winners = [v for v, d in best.items() if d == top]
            keep = {j for j, b in enumerate(group)
                    if key not in b.ctx or (len(winners) == 1 and b.ctx[key] == winners[0])}
            allowed[i] = allowed.get(i, keep) & keep
    for (i, j), ok in sorted(comparable.items()):
        if not ok or (i in allowed and j not in allowed[i]) or (j in allowed and i not in allowed[j]):
            continue
        a, b = group[i], group[j]
        if a.nominal() == b.nominal():
            continue
        if not _agree(a, b):
            disagree.append((i, j))
        elif not a.ranged and not b.ranged:
            precision.append((i, j))
    return disagree, precision


def _cluster(pairs: list[tuple[int, int]], group: list[_Claim], doc_years) -> list[set[int]]:
    """Merge disagreeing pairs into conflicts, as long as every two members stay comparable."""
    clusters: list[set[int]] = []
    for i, j in pairs:
        merged = False
        for cl in clusters:
            if (i in cl or j in cl):
                new = cl | {i, j}
                if all(group[x].doc == group[y].doc and group[x].context == group[y].context
                       or group[x].doc != group[y].doc and _compatible(group[x], group[y], doc_years)[0]
                       for x in new for y in new if x < y):
                    cl |= {i, j}
                    merged = True
                    break
        if not merged:
            clusters.append({i, j})
    return clusters


def _value_conflicts(claims: list[_Claim], doc_years, include_precision: bool) -> list[Conflict]:
    groups: dict[tuple, list[_Claim]] = defaultdict(list)
    for c in claims:
        if c.attribute not in UNCOMPARED_ATTRIBUTES:
            groups[(c.subject, c.attribute, c.unit)].append(c)
    out = []
    for (subject, attribute, _unit_), group in sorted(groups.items()):
        group.sort(key=_Claim.sort_key)
        disagree, precision = _pairs(group, doc_years)
        covered = set()
        for cl in _cluster(disagree, group, doc_years):
            members = [group[i] for i in sorted(cl, key=lambda i: group[i].sort_key())]
            covered |= cl
            pairs = [(group[i], group[j]) for i, j in disagree if i in cl and j in cl]
            severity = "rounding" if all(_rounding_level(a, b) for a, b in pairs) else "substantive"
            out.append(Conflict(subject=subject, attribute=attribute, kind="value", severity=severity,
                                explanation=_value_explanation(members, severity, False),
                                values=[_evidence(c.fact, _json_value(c)) for c in members]))
        if include_precision:
            for cl in _cluster(precision, group, doc_years):
                if cl <= covered:
                    continue
                members = [group[i] for i in sorted(cl, key=lambda i: group[i].sort_key())]
                out.append(Conflict(subject=subject, attribute=attribute, kind="precision",
                                    severity="precision",
                                    explanation=_value_explanation(members, "precision", True),
                                    values=[_evidence(c.fact, _json_value(c)) for c in members]))
    return out


def _json_value(c: _Claim):
    if c.ranged:
        return [float(c.low), float(c.high)]
    return float(c.value)


def _evidence(f: Fact, value) -> ConflictValue:
    return ConflictValue(value=value, doc=f.doc, text=f.text, sentence=f.sentence, start=f.start,
                         end=f.end, lang=f.lang)


# --------------------------------------------------------------------------- arithmetic

def _arithmetic_conflicts(claims: list[_Claim], doc_years) -> list[Conflict]:
    """Vote shares of one contest that cannot add up, even allowing for rounding.

    A contest is one of the distinct contexts given; claims that leave a key unsaid join every
    contest they are compatible with. Per subject, the most favourable of its figures is used
    (lowest for 'above 100', highest for 'below 100'): a flag means no choice of the reported
    figures can add up, so a disagreement between reports on one candidate never causes one."""
    shares = [c for c in claims if c.attribute == "vote_share" and c.unit == "percent" and not c.ranged]
    contexts = sorted({c.context for c in shares})
    found: dict[tuple, Conflict] = {}
    for ctx in contexts:
        full = dict(ctx)
        members = [c for c in shares if all(full.get(k) == v for k, v in c.context)
                   and not _excluded(c, full, doc_years)]
        by_subject: dict[str, list[_Claim]] = defaultdict(list)
        for c in members:
            by_subject[c.subject].append(c)
        if len(by_subject) < 2:
            continue
        poll = full.get("contest") == "poll"
        # Above 100 %: only where the contest is pinned (a round is said) or one sentence lists
        # them all, so that first-round and runoff figures never get summed together.
        sentences = {(c.doc, c.fact.sentence) for c in members}
        if "round" in full or len(sentences) == 1:
            floor = {s: min(cs, key=lambda c: c.interval()[0]) for s, cs in by_subject.items()}
            total = sum(c.interval()[0] for c in floor.values())
            if total > 100:
                chosen = sorted(floor.values(), key=lambda c: c.subject)
                _add_arith(found, chosen, above=True)
        # Runoff below 100 %: exactly two candidates, a second round said.
        if full.get("round") == "2" and not poll:
            tagged = {s for s, cs in by_subject.items() if any(c.context == ctx for c in cs)}
            pair = tagged if len(tagged) == 2 else set(by_subject) if len(by_subject) == 2 else None
            if pair:
                top = {s: max(by_subject[s], key=lambda c: c.interval()[1]) for s in pair}
                total = sum(c.interval()[1] for c in top.values())
                if total < 100:
                    chosen = sorted(top.values(), key=lambda c: c.subject)
                    _add_arith(found, chosen, above=False)
    return list(found.values())


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
    listing = ", ".join(f"{c.subject} {_figure(c)} ({_report(c.fact)})" for c in chosen)
    if above:
        why = (f"{_num(total, max(c.decimals for c in chosen))} % together, more than 100 % even "
               f"allowing for rounding")
    else:
        why = (f"only {_num(total, max(c.decimals for c in chosen))} % together: even allowing for "
               f"rounding, the two candidates of a runoff cannot fall short of 100 % (unless a report "
               f"counts blank and spoilt ballots)")
    found[key] = Conflict(
        subject=" + ".join(c.subject for c in chosen), attribute="vote_share", kind="arithmetic",
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


def _say_date(value: str) -> str:
    parts = value.split("-")
    month = _MONTH_NAMES[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


_HOW = {"explicit": "as written", "anchored": "counted from the date the report was written",
        "corpus_anchored": "counted from the date the reports were written"}


def _date_conflicts(facts: list[Fact]) -> list[Conflict]:
    dated = sorted((f for f in facts if f.kind == "date" and f.attribute in EVENT_TYPES
                    and f.resolution in RESOLVED_DATE and f.participants and _precision_of(f.value)),
                   key=lambda f: (f.doc, f.start, f.end))
    # A participant a single report gives two dates for the same kind of event (Kast's meeting on
    # Monday and his meeting on Friday) does not identify one event: it cannot link reports.
    per_doc: dict[tuple, set] = defaultdict(set)
    for f in dated:
        for p in f.participants:
            per_doc[(f.doc, f.attribute, _precision_of(f.value), p)].add(f.value)
    ambiguous = {(a, prec, p) for (d, a, prec, p), vals in per_doc.items() if len(vals) > 1}

    def same_event(a: Fact, b: Fact) -> bool:
        if a.attribute != b.attribute or _precision_of(a.value) != _precision_of(b.value):
            return False
        pa, pb = set(a.participants), set(b.participants)
        shared = {p for p in pa & pb if (a.attribute, _precision_of(a.value), p) not in ambiguous}
        # one report names a subset of the other's participants, or they share two of them
        return bool(shared) and (pa <= pb or pb <= pa or len(shared) >= 2)

    parent = list(range(len(dated)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    disagreeing = set()
    for i, a in enumerate(dated):
        for j in range(i + 1, len(dated)):
            b = dated[j]
            if a.doc != b.doc and same_event(a, b):
                parent[find(j)] = find(i)
                if a.value != b.value:
                    disagreeing.add((i, j))
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(dated)):
        comps[find(i)].append(i)
    out = []
    for root, members in comps.items():
        if not any(i in members and j in members for i, j in disagreeing):
            continue
        firsts: dict[tuple, Fact] = {}
        for i in members:
            firsts.setdefault((dated[i].doc, dated[i].value), dated[i])
        chosen = sorted(firsts.values(), key=lambda f: (f.doc, f.start))
        shared = set.intersection(*(set(f.participants) for f in chosen))
        if not shared:
            shared = {Counter(p for f in chosen for p in f.participants).most_common(1)[0][0]}
        subject = ", ".join(sorted(shared))
        event = chosen[0].attribute
        listing = "; ".join(f"{_report(f) if k else _capital(_report(f))} dates it to {_say_date(f.value)} "
                            f"('{f.text}', {_HOW.get(f.resolution, f.resolution)})"
                            for k, f in enumerate(chosen))
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


@lru_cache(maxsize=65536)
def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


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
    return "accent" if all(_fold(t) == _fold(u) for t, u in diffs) else "letter"


def _is_short_form(a: str, b: str) -> bool:
    """`a` is `b` shortened, letter for letter (Kast / José Antonio Kast)."""
    ta, tb = [t.casefold() for t in a.split()], [t.casefold() for t in b.split()]
    if len(ta) >= len(tb):
        return False
    it = iter(tb)
    return all(t in it for t in ta)


def _name_conflicts(facts: list[Fact]) -> list[Conflict]:
    people: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.kind == "person" and (f.entity or f.value):
            people[str(f.entity or f.value)].append(f)
    out = []
    for entity, mentions in sorted(people.items()):
        mentions.sort(key=lambda f: (f.doc, f.start, f.end))
        first: dict[tuple[str, str], Fact] = {}     # (spelling casefolded, doc) -> first mention
        spelt: dict[str, str] = {}                  # casefolded -> spelling as first seen
        for f in mentions:
            s = clean_spelling(f.text)
            if not s:
                continue
            spelt.setdefault(s.casefold(), s)
            first.setdefault((s.casefold(), f.doc), f)
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
        if not edges:
            continue
        involved = sorted({s for e in edges for s in e},
                          key=lambda s: (min(docs_of[s]), min(first[(s, d)].start for d in docs_of[s] if d == min(docs_of[s])), s))
        values, listing = [], []
        for s in involved:
            docs = sorted(docs_of[s])
            for d in docs:
                values.append(_evidence(first[(s, d)], spelt[s]))
            where = " and ".join(_report(first[(s, d)]) for d in docs)
            listing.append(f"'{spelt[s]}' in {where}")
        how = ("with and without accents" if kinds == {"accent"}
               else "with small differences in the letters")
        out.append(Conflict(
            subject=entity, attribute="name", kind="name", severity="spelling",
            explanation=(f"{entity} is spelt " + ", ".join(listing[:-1]) + f" and {listing[-1]}: "
                         f"the same person written {how}; check which spelling is right."),
            values=values))
    return out


# --------------------------------------------------------------------------- entry point

def _order_key(c: Conflict):
    return (SEVERITY_ORDER.get(c.severity, 9), c.subject.casefold(), c.attribute, c.kind,
            [(v.doc, v.start, str(v.value)) for v in c.values])


def find_conflicts(facts: Iterable[Fact], include_precision: bool = False) -> list[Conflict]:
    """Every disagreement between (and within) the reports of a resolved fact table, most serious
    first (substantive, rounding, spelling, then precision differences when asked), ids 1..n."""
    facts = list(facts)
    claims = _claims(facts)
    doc_years = _doc_years(facts)
    conflicts = (_value_conflicts(claims, doc_years, include_precision)
                 + _arithmetic_conflicts(claims, doc_years)
                 + _date_conflicts(facts)
                 + _name_conflicts(facts))
    conflicts.sort(key=_order_key)
    for n, c in enumerate(conflicts, 1):
        c.id = n
    return conflicts
